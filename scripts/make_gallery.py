"""Render every chart type of analysis.plotting.core on a corpus into a gallery folder (``make figures``).

    python scripts/make_gallery.py --corpus data/seeds --out figures [--results results/seeds]

Figures (PNG + SVG by default), each named after what it shows:

    arabic_text_specimen    the Arabic typography check: RTL order, joining, mixed labels, both digit styles
    articles_per_outlet     ranked bars: articles per outlet (corpus)
    articles_per_day        time series: articles per day (week/month for long spans) by outlet (corpus)
    actor_mentions          ranked bars: mentions per actor, coloured by actor type   (mentions.parquet)
    actor_cooccurrence      heatmap: actors mentioned in the same sentence            (mentions.parquet)
    time_expressions        intervals: resolved time expressions per granularity      (timex.parquet)
    attribution_sources     ranked bars: who is quoted, coloured by source type       (attributions.parquet)

The extraction tables are read from ``--results`` (default ``results/<corpus folder name>``), written by
``python -m analysis extract CORPUS --out DIR``; when a table is missing the script says so and goes on.
A chart that the corpus cannot feed (e.g. no article has a date) is skipped with a message, not drawn empty.
Existing files are replaced atomically; nothing else in the folder is touched.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from analysis.plotting import core

UNKNOWN_OUTLET = "مصدر غير معروف"
ACTOR_TYPES_AR = {
    "person": "شخص", "organization": "منظمة", "country": "دولة", "location": "مكان", "group": "جماعة",
    "media": "وسيلة إعلام",
}
SOURCE_TYPES_AR = {
    "named_person": "شخص مسمى", "official_body": "جهة رسمية", "news_agency": "وكالة أنباء",
    "media_outlet": "وسيلة إعلام", "anonymous": "مصدر مجهل", "unnamed_group": "جماعة غير مسماة",
    "document": "وثيقة",
}
GRANULARITY_AR = {
    "day": "يوم", "week": "أسبوع", "month": "شهر", "quarter": "ربع سنة", "year": "سنة", "decade": "عقد",
    "century": "قرن", "time": "وقت", "ref": "إحالة", "duration": "مدة", "set": "تكرار",
}


def say(msg: str) -> None:
    print(f"make_gallery: {msg}", file=sys.stderr)


def load_articles(corpus: Path, *, timezone: str) -> pd.DataFrame:
    """The corpus' articles table (analysis.corpus.load_corpus)."""
    from analysis.corpus import load_corpus

    loaded = load_corpus(corpus, timezone=timezone)
    articles = loaded.articles
    if len(loaded.skipped):
        say(f"{len(loaded.skipped)} row(s) in the skipped report of {corpus}")
    return articles


def read_table(results: Path, name: str) -> pd.DataFrame | None:
    path = results / f"{name}.parquet"
    if not path.exists():
        say(f"{name}: no {path} — run `python -m analysis extract <corpus> --out {results}` first; skipped")
        return None
    return pd.read_parquet(path)


# ------------------------------------------------------------------------------------------- figures


def fig_specimen():
    """The typography check: every line goes through the helper once."""
    lines = [
        ("ب شششششش", "short word then long word (logical order): the long word must be on the LEFT, joined"),
        ("“علي المملوك” (SANA) 2016", "Arabic + Latin + digits + brackets + curly quotes"),
        ("قال مصدر «مطلع» إن الاجتماع عُقد في 21 يوليو 2015", "guillemets, Western digits, a vowel mark"),
        ("وكالة الأنباء السورية (سانا): ٣ قتلى و١٢ جريحاً", "Arabic-Indic digits, colon after a bracket"),
        (f"{core.format_number(1234567)} / {core.format_number(1234567, digits='arabic-indic')}",
         "format_number: Western and Arabic-Indic"),
    ]
    fig, ax = plt.subplots(figsize=(8.0, 4.6))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, len(lines))
    for i, (arabic, note) in enumerate(lines):
        y = len(lines) - i - 0.35
        ax.text(1.0, y, core.arabic_text(arabic), ha="right", va="center", fontsize=15, parse_math=False)
        ax.text(1.0, y - 0.42, note, ha="right", va="center", fontsize=8, color="#666666")
    mode = "native shaping (libraqm)" if core.native_arabic_shaping() else "arabic-reshaper + python-bidi"
    core.arabic_title(ax, f"اختبار الكتابة العربية — matplotlib {matplotlib.__version__}: {mode}", loc="right")
    return fig


def _outlet(articles: pd.DataFrame) -> pd.Series:
    names = core.outlet_names()
    return articles["source"].map(lambda s: names.get(s, s) if pd.notna(s) else UNKNOWN_OUTLET).astype("string")


def fig_articles_per_outlet(articles: pd.DataFrame):
    counts = _outlet(articles).value_counts().rename_axis("outlet").reset_index(name="articles")
    ax = core.plot_ranked_bars(counts, label="outlet", value="articles", top_n=15,
                               title=f"عدد المقالات لكل مصدر ({core.format_number(len(articles))} مقالة)",
                               xlabel="عدد المقالات")
    return ax.figure


def fig_articles_per_day(articles: pd.DataFrame):
    dated = articles.assign(outlet=_outlet(articles)).dropna(subset=["published"])
    if dated.empty:
        say(f"articles_per_day: none of the {len(articles)} article(s) has a publication date; skipped")
        return None
    tz = dated["timezone"].dropna().mode()
    tz = tz.iat[0] if len(tz) else "UTC"
    span = (dated["published"].max() - dated["published"].min()).days
    freq, unit = ("D", "يوميا") if span <= 120 else (("W", "أسبوعيا") if span <= 800 else ("M", "شهريا"))
    ax = core.plot_time_series(dated, date="published", series="outlet", freq=freq, tz=tz, top_series=4,
                               title=f"عدد المقالات {unit} حسب المصدر", ylabel="عدد المقالات")
    ax.figure.set_size_inches(8.0, 4.2)
    return ax.figure


def fig_actor_mentions(mentions: pd.DataFrame):
    if mentions.empty:
        say("actor_mentions: the mentions table is empty; skipped")
        return None
    by_actor = (mentions.groupby(["label_ar"], dropna=True)
                .agg(mentions=("actor_id", "size"), actor_type=("actor_type", "first")).reset_index())
    ax = core.plot_ranked_bars(by_actor, label="label_ar", value="mentions", category="actor_type", top_n=15,
                               category_labels=ACTOR_TYPES_AR, title="أكثر الفاعلين ذكرا", xlabel="عدد الإشارات",
                               legend_title="النوع")
    return ax.figure


def fig_actor_cooccurrence(mentions: pd.DataFrame):
    m = mentions.dropna(subset=["label_ar"])
    if m.empty:
        say("actor_cooccurrence: no mentions; skipped")
        return None
    counts = m["label_ar"].value_counts()
    top = sorted(counts.index[:10], key=lambda k: (-counts[k], k))
    keys = ["article_id", "field", "sentence_index"]
    per_sentence = m[m["label_ar"].isin(top)][keys + ["label_ar"]].drop_duplicates()
    pairs = per_sentence.merge(per_sentence, on=keys, suffixes=("", "_with"))
    pairs = pairs[pairs["label_ar"] != pairs["label_ar_with"]]
    if pairs.empty:
        say("actor_cooccurrence: no two actors share a sentence; skipped")
        return None
    table = (pairs.groupby(["label_ar", "label_ar_with"]).size().unstack(fill_value=0)
             .reindex(index=top, columns=top, fill_value=0).astype(float))
    for k in top:  # an actor with itself is not a pair: blank diagonal
        table.loc[k, k] = float("nan")
    ax = core.plot_heatmap(table, hide_zeros=True, title="الفاعلون المذكورون في الجملة نفسها (عدد الجمل)")
    return ax.figure


def fig_time_expressions(timex: pd.DataFrame, articles: pd.DataFrame):
    """The periods the texts talk about most: one lane per period (its commonest wording), a bar over the
    period, the number of mentions next to it; colour = granularity."""
    t = timex.dropna(subset=["date_start", "date_end"])
    t = t[t["granularity"].isin(["day", "week", "month", "quarter", "year"])]
    published = articles["published"].dropna()
    if len(published):  # keep the periods near the news: from two years before to one year after
        lo = published.min().tz_localize(None) - pd.DateOffset(years=2)
        hi = published.max().tz_localize(None) + pd.DateOffset(years=1)
        t = t[(t["date_start"] >= lo) & (t["date_end"] <= hi)]
    if t.empty:
        say("time_expressions: no resolved time expression (the corpus' articles need publication dates); "
            "skipped")
        return None
    t = t.assign(key=t["date_start"].astype(str) + "/" + t["date_end"].astype(str))
    groups = t.groupby("key")
    periods = pd.DataFrame({
        "n": groups.size(),
        "start": groups["date_start"].first(),
        "end": groups["date_end"].first(),
        "granularity": groups["granularity"].agg(lambda g: g.mode().iat[0]),
        "wording": groups["surface"].agg(lambda g: g.value_counts().index[0]),
    }).reset_index()
    periods = periods.sort_values(["n", "start"], ascending=[False, True]).head(12).sort_values("start")
    periods = periods.assign(
        lane=[f"{w} ({core.format_date(d, grain=g if g in ('day', 'week', 'month') else 'year')})"
              for w, d, g in zip(periods["wording"], periods["start"], periods["granularity"])],
        count=periods["n"].map(lambda n: f"{core.format_number(n)} إشارة"),
    )
    ax = core.plot_intervals(periods, start="start", end="end", lane="lane", label="count", color="granularity",
                             color_labels=GRANULARITY_AR, legend_title="الدقة",
                             title="أكثر الفترات ذكرا في النصوص")
    return ax.figure


def fig_attribution_sources(attributions: pd.DataFrame):
    def blank_to_na(col: pd.Series) -> pd.Series:
        col = col.astype("string").str.strip()
        return col.mask(col == "")

    who = blank_to_na(attributions["source_label"]).fillna(blank_to_na(attributions["source_surface"]))
    a = attributions.assign(who=who).dropna(subset=["who"])
    if a.empty:
        say("attribution_sources: no attributed statements; skipped")
        return None
    by_source = a.groupby("who").agg(n=("cue", "size"), source_type=("source_type", "first")).reset_index()
    ax = core.plot_ranked_bars(by_source, label="who", value="n", category="source_type", top_n=15,
                               category_labels=SOURCE_TYPES_AR, title="مصادر الأقوال المنسوبة",
                               xlabel="عدد الأقوال", legend_title="نوع المصدر")
    return ax.figure


# ------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "seeds", help="corpus folder or file")
    parser.add_argument("--out", type=Path, default=ROOT / "figures", help="gallery folder (created)")
    parser.add_argument("--results", type=Path, default=None,
                        help="folder with the extraction tables (default: results/<corpus name>)")
    parser.add_argument("--timezone", default="UTC",
                        help="IANA zone of naive timestamps in the corpus (SaudiNewsNet: Asia/Riyadh)")
    parser.add_argument("--formats", nargs="+", default=["png", "svg"], choices=["png", "svg", "pdf"])
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)

    results = args.results or ROOT / "results" / args.corpus.name.removesuffix(".zip")
    articles = load_articles(args.corpus, timezone=args.timezone)
    tables = {name: read_table(results, name) for name in ("mentions", "timex", "attributions")}
    jobs = [
        ("arabic_text_specimen", fig_specimen, ()),
        ("articles_per_outlet", fig_articles_per_outlet, (articles,)),
        ("articles_per_day", fig_articles_per_day, (articles,)),
        ("actor_mentions", fig_actor_mentions, (tables["mentions"],)),
        ("actor_cooccurrence", fig_actor_cooccurrence, (tables["mentions"],)),
        ("time_expressions", fig_time_expressions, (tables["timex"], articles)),
        ("attribution_sources", fig_attribution_sources, (tables["attributions"],)),
    ]
    written: list[Path] = []
    with core.report_style():
        for name, make, inputs in jobs:
            if any(x is None for x in inputs):
                continue
            fig = make(*inputs)
            if fig is None:
                continue
            problems = core.arabic_text_problems(fig)
            if problems:  # a curated figure with unshaped or doubly shaped Arabic must not be written
                raise SystemExit(f"make_gallery: {name}: " + "; ".join(problems))
            written += core.save_figure(fig, name, out_dir=args.out, formats=args.formats, dpi=args.dpi)
            plt.close(fig)
    for path in written:
        print(path)
    say(f"{len(written)} file(s) in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
