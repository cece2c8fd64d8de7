"""Helpers the notebooks call: load the tables once, filter them, show Arabic tables right-to-left,
save figures and safe exports, and record a few values for the tests.

The notebooks in ``notebooks/`` stay thin: everything they would otherwise define or copy from each
other lives here. Each function is pure or writes only where it is told (``out_dir``).

A session in JupyterLab::

    from analysis import reporting
    tables = reporting.load_tables("../data/seeds", out_dir="../results/seeds")
    tables = reporting.filter_tables(tables, outlets=["alriyadh"], date_from="2015-08-01", actor="SAU")
    reporting.rtl_table(tables["mentions"][["surface", "label_ar"]])      # displays right-to-left

Safety of what is shown and exported
    * every table and keyword-in-context view is rendered with its text HTML-escaped (an article may
      contain ``<script>``): :func:`rtl_table`, :func:`kwic_html`, :func:`escape_html`;
    * CSV exports neutralise spreadsheet formulas (cells starting with ``= + - @``) and are written
      atomically: :func:`export_csv` (built on :mod:`analysis.files`);
    * recorded values and every other file go through an atomic replace, so a crash never leaves a
      half-written file under its final name.

Recorded values
    :func:`record` writes ``<out_dir>/recorded/<notebook>.json`` — a handful of numbers and names a
    notebook computed (articles, top actor, ...). The notebook tests and the report read them back with
    :func:`read_recorded`; nothing else depends on them.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from .config import GAP_FILLER, Settings
from .files import neutralise_formula, write_csv_atomic, write_text_atomic

#: Sub-folders of a report's output folder.
FIGURES_DIR = "figures"
RECORDED_DIR = "recorded"
EXPORTS_DIR = "exports"

__all__ = [
    "RichHTML",
    "articles_per_day",
    "articles_per_outlet",
    "duplicate_groups",
    "escape_html",
    "export_csv",
    "figure_dir",
    "filter_tables",
    "headline_numbers",
    "kwic_html",
    "length_summary",
    "load_tables",
    "local_day",
    "markdown",
    "neutralise_formula",
    "plot_length_histogram",
    "read_recorded",
    "record",
    "rtl_table",
    "save_chart",
    "settings_for",
    "skipped_summary",
]


# --- tables: computed once, filtered cheaply ----------------------------------------------------


def settings_for(*, codebook: str | Path | Sequence[str | Path] | None = None, timezone: str = "UTC",
                 workers: int = 1, progress: bool = False, gap_filler: bool = True) -> Settings:
    """The :class:`~analysis.config.Settings` that the notebooks and ``report`` share for one corpus.

    Built in one place so that the report, which computes the tables first, and each notebook, which
    asks for them again, arrive at the same cache key (``analysis.pipeline.cache_key``) and the tables
    are computed once. ``codebook``: one extra actor CSV, several, or None/"" for the default codebook.
    ``gap_filler``: the default configuration's gap filler after the actor rules (CC BY-NC-SA 4.0, non-commercial:
    see analysis/resources/tagger/README.md); False: the rules alone.
    """
    if codebook is None or codebook == "":
        books: tuple[Path, ...] = ()
    elif isinstance(codebook, (str, Path)):
        books = (Path(codebook),)
    else:
        books = tuple(Path(c) for c in codebook if c)
    return Settings(timezone=timezone or "UTC", codebook=tuple(p.resolve() for p in books), workers=workers,
                    progress=progress, tagger=GAP_FILLER if gap_filler else False)


def load_tables(corpus: str | Path, *, out_dir: str | Path, codebook: str | Path | Sequence | None = None,
                timezone: str = "UTC", workers: int = 1, progress: bool = False,
                gap_filler: bool = True) -> dict[str, pd.DataFrame]:
    """The tables of ``corpus``: ``articles, skipped, mentions, timex, events, attributions``.

    Computed into ``out_dir`` by :func:`analysis.pipeline.ensure_tables` the first time, then reused as
    long as the corpus content, codebook, settings and package version are unchanged (so every notebook
    of a report, and every re-run in JupyterLab, shares one extraction). Returns ``{name: DataFrame}``
    with the dtypes of :mod:`analysis.schema`. ``gap_filler``: as for :func:`settings_for`.
    """
    from .pipeline import ensure_tables, read_tables

    corpus = Path(corpus)
    if not corpus.exists():
        raise FileNotFoundError(f"corpus {corpus.resolve()} does not exist: set `corpus` in the parameters cell "
                                "to a folder, a file or a .zip")
    settings = settings_for(codebook=codebook, timezone=timezone, workers=workers, progress=progress,
                            gap_filler=gap_filler)
    result = ensure_tables(corpus, out_dir=out_dir, settings=settings)
    return read_tables(result.out_dir)


def local_day(articles: pd.DataFrame) -> pd.Series:
    """The calendar day of publication of each article in its own ``timezone`` (naive ``datetime64``,
    midnight), NaT where ``published`` is unknown. Index aligned with ``articles``."""
    published = pd.to_datetime(articles["published"], utc=True)
    zones = articles["timezone"].fillna("UTC").astype(str) if "timezone" in articles else pd.Series("UTC", index=articles.index)
    out = pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")
    for zone in pd.unique(zones):
        sel = zones == zone
        out[sel] = published[sel].dt.tz_convert(zone).dt.tz_localize(None).dt.normalize().astype("datetime64[ns]")
    return out


def filter_tables(tables: Mapping[str, pd.DataFrame], *, outlets: Iterable[str] | None = None,
                  date_from: str | date | None = None, date_to: str | date | None = None,
                  actor: str | None = None) -> dict[str, pd.DataFrame]:
    """Keep the articles that match every filter given, and the rows of every other table about them.

    outlets    names in ``articles.source`` (empty/None: all outlets)
    date_from  first local publication day kept, ``YYYY-MM-DD`` inclusive (None/"": no limit)
    date_to    last local publication day kept, inclusive; with any date limit, undated articles are dropped
    actor      an ``actor_id`` or an exact ``label_ar``/``label_en``: keep articles that mention it

    Returns a new dict (the input frames are not modified); ``skipped`` passes through unchanged.
    Unknown outlets or actors raise ``ValueError`` naming the known ones, so a typo never yields an
    empty report silently.
    """
    articles = tables["articles"]
    keep = pd.Series(True, index=articles.index)
    outlets = [o for o in (outlets or []) if o]
    if outlets:
        known = set(articles["source"].dropna().unique())
        missing = sorted(set(outlets) - known)
        if missing:
            raise ValueError(f"unknown outlet(s) {missing}; this corpus has {sorted(known)}")
        keep &= articles["source"].isin(outlets).fillna(False).astype(bool)
    if date_from or date_to:
        day = local_day(articles)
        if date_from:
            keep &= (day >= pd.Timestamp(date_from)).fillna(False)
        if date_to:
            keep &= (day <= pd.Timestamp(date_to)).fillna(False)
    if actor:
        mentions = tables.get("mentions")
        if mentions is None:
            raise ValueError("filtering by actor needs the mentions table")
        hit = (mentions["actor_id"] == actor) | (mentions["label_ar"] == actor) | (mentions["label_en"] == actor)
        hit = hit.fillna(False).astype(bool)
        if not hit.any():
            raise ValueError(f"no mention of actor {actor!r} in this corpus; give an actor_id or an exact label "
                             "(see tables['mentions'][['actor_id', 'label_ar', 'label_en']])")
        keep &= articles["article_id"].isin(mentions.loc[hit, "article_id"])
    ids = set(articles.loc[keep, "article_id"])
    out: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        if name == "skipped" or "article_id" not in df.columns:
            out[name] = df
        else:
            out[name] = df[df["article_id"].isin(ids)].reset_index(drop=True)
    return out


def timeline_window(articles: pd.DataFrame, *, start: str | date | None = None, end: str | date | None = None,
                    days_before: int = 60, days_after: int = 14) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The period a timeline shows: ``start``/``end`` when given (``YYYY-MM-DD``, end inclusive), else the
    corpus's publication period widened by ``days_before`` and ``days_after``, so that background dates
    (a war decades ago, a mis-resolved year) do not squeeze the news into one pixel. Returns
    ``(start, end_exclusive)``; ``(None, None)`` for a corpus without any publication date and no
    explicit limits."""
    day = local_day(articles).dropna()
    lo = pd.Timestamp(start) if start else (day.min() - pd.Timedelta(days=days_before) if len(day) else None)
    hi = (pd.Timestamp(end) + pd.Timedelta(days=1)) if end else (
        day.max() + pd.Timedelta(days=days_after + 1) if len(day) else None)
    return lo, hi


def in_window(events: pd.DataFrame, window: tuple[pd.Timestamp | None, pd.Timestamp | None], *,
              clip: bool = True, max_days: int | None = None) -> pd.DataFrame:
    """The rows of ``events`` (or of any frame with ``date_start``/``date_end``) whose interval overlaps
    ``window`` (from :func:`timeline_window`); undated rows are left out. ``max_days`` also leaves out
    rows whose date covers more days than that (a year, a decade: they would paint the whole
    timeline). With ``clip`` the intervals are cut to the window, so a long date does not stretch the
    axis beyond it. A new frame."""
    lo, hi = window
    keep = events["date_start"].notna()
    if max_days is not None:
        span = (events["date_end"] - events["date_start"]).dt.days
        keep &= (span.isna() | (span <= max_days)).fillna(True)
    if lo is not None:
        keep &= (events["date_end"].fillna(events["date_start"]) > lo).fillna(False)
    if hi is not None:
        keep &= (events["date_start"] < hi).fillna(False)
    out = events[keep.astype(bool)].reset_index(drop=True)
    if clip and len(out):
        start, end = out["date_start"], out["date_end"]
        if lo is not None:
            start = start.where(start >= lo, lo)
        if hi is not None:
            end = end.where(end.isna() | (end <= hi), hi)
        out = out.assign(date_start=start.astype(events["date_start"].dtype),
                         date_end=end.astype(events["date_end"].dtype))
    return out


def with_span_text(table: pd.DataFrame, articles: pd.DataFrame, *, start: str, end: str, name: str,
                   max_chars: int | None = 300) -> pd.DataFrame:
    """``table`` with a column ``name`` holding ``article[field][start:end]`` for each row (the text of a
    span given by two offset columns, e.g. ``content_start``/``content_end`` of the attributions), cut
    to ``max_chars`` with "…". NA where the span is missing. A new frame; the inputs are not modified."""
    by_id = articles.set_index("article_id")[["title", "text"]]
    out = []
    for aid, field, a, b in zip(table["article_id"], table["field"], table[start], table[end]):
        text = by_id.at[aid, field] if aid in by_id.index and field in by_id.columns else None
        if not isinstance(text, str) or pd.isna(a) or pd.isna(b):
            out.append(pd.NA)
            continue
        piece = text[int(a):int(b)].replace("\n", " ")
        out.append(piece if max_chars is None or len(piece) <= max_chars else piece[:max_chars].rstrip() + "…")
    return table.assign(**{name: pd.array(out, dtype="string")})


# --- corpus overview ----------------------------------------------------------------------------


def headline_numbers(tables: Mapping[str, pd.DataFrame]) -> dict[str, object]:
    """Key numbers of a corpus, for the summary page and the recorded values.

    Keys: articles, outlets, duplicates, skipped, first_day, last_day, undated, words, and where the
    tables exist: mentions, actors, time_expressions, events, attributions, anonymous_share (share of
    attributions whose source_type is ``anonymous``, None without attributions).
    """
    a = tables["articles"]
    day = local_day(a)
    out: dict[str, object] = {
        "articles": len(a),
        "outlets": int(a["source"].nunique()),
        "duplicates": int(a["duplicate_of"].notna().sum()),
        "skipped": len(_not_loaded(tables["skipped"])) if "skipped" in tables else 0,
        "first_day": _iso(day.min()),
        "last_day": _iso(day.max()),
        "undated": int(day.isna().sum()),
        "words": int(a["n_words"].sum()),
    }
    if "mentions" in tables:
        out["mentions"] = len(tables["mentions"])
        out["actors"] = int(tables["mentions"]["actor_id"].nunique())
    if "timex" in tables:
        out["time_expressions"] = len(tables["timex"])
    if "events" in tables:
        out["events"] = len(tables["events"])
    if "attributions" in tables:
        att = tables["attributions"]
        out["attributions"] = len(att)
        out["anonymous_share"] = round(float((att["source_type"] == "anonymous").mean()), 4) if len(att) else None
    return out


def count_table(df: pd.DataFrame, by: str | Sequence[str], *, name: str = "rows") -> pd.DataFrame:
    """How many rows of ``df`` per value of ``by`` (one column or several), with their share.

    Returns the ``by`` columns, ``name`` (the count) and ``share`` (of all rows), most frequent first,
    ties in value order; missing values are counted as "(none)". The input is not modified.

    >>> count_table(pd.DataFrame({"kind": ["a", "b", "a"]}), "kind", name="mentions").values.tolist()
    [['a', 2, 0.6667], ['b', 1, 0.3333]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    filled = df[keys].astype("string").fillna("(none)")
    out = filled.groupby(keys).size().rename(name).reset_index()
    out["share"] = (out[name] / max(len(df), 1)).round(4)
    out = out.sort_values([name, *keys], ascending=[False, *[True] * len(keys)], kind="stable")
    return out.reset_index(drop=True).astype({name: "int64"})


def articles_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet (``source``; NA shown as "(unknown)"), most articles first.

    Columns: source, articles, share (of all articles), duplicates (articles repeating an earlier text),
    median_words.
    """
    src = articles["source"].fillna("(unknown)")
    g = articles.assign(source=src, is_dup=articles["duplicate_of"].notna()).groupby("source", sort=False)
    out = pd.DataFrame({
        "articles": g.size(),
        "duplicates": g["is_dup"].sum().astype("int64"),
        "median_words": g["n_words"].median(),
    }).reset_index()
    out["share"] = (out["articles"] / max(len(articles), 1)).round(4)
    out = out.sort_values(["articles", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out[["source", "articles", "share", "duplicates", "median_words"]]


def articles_per_day(articles: pd.DataFrame, *, by_outlet: bool = True) -> pd.DataFrame:
    """Articles per local publication day. Columns: ``day`` (datetime64), ``source`` (with ``by_outlet``),
    ``articles``. Undated articles are left out (see :func:`headline_numbers` ``undated``)."""
    df = pd.DataFrame({"day": local_day(articles), "source": articles["source"].fillna("(unknown)")})
    df = df.dropna(subset=["day"])
    keys = ["day", "source"] if by_outlet else ["day"]
    return df.groupby(keys).size().rename("articles").reset_index().sort_values(keys, kind="stable").reset_index(drop=True)


def length_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """Article length in words per outlet: source, articles, min, median, mean, max, short (< 50 words)."""
    src = articles["source"].fillna("(unknown)")
    g = articles.assign(source=src, short=articles["n_words"] < 50).groupby("source")
    out = pd.DataFrame({
        "articles": g.size(),
        "min": g["n_words"].min(),
        "median": g["n_words"].median(),
        "mean": g["n_words"].mean().round(1),
        "max": g["n_words"].max(),
        "short": g["short"].sum().astype("int64"),
    }).reset_index()
    return out.sort_values("articles", ascending=False, kind="stable").reset_index(drop=True)


def duplicate_groups(articles: pd.DataFrame, *, max_groups: int = 20) -> pd.DataFrame:
    """Groups of articles with the same normalised text (``duplicate_of``), largest first.

    Columns: article_id (the first one), source, title, copies (how many later articles repeat it),
    outlets (the outlets of the copies, comma-separated).
    """
    dups = articles[articles["duplicate_of"].notna()]
    if dups.empty:
        return pd.DataFrame({"article_id": pd.Series(dtype="string"), "source": pd.Series(dtype="string"),
                             "title": pd.Series(dtype="string"), "copies": pd.Series(dtype="int64"),
                             "outlets": pd.Series(dtype="string")})
    g = dups.groupby("duplicate_of")
    groups = pd.DataFrame({
        "copies": g.size(),
        "outlets": g["source"].agg(lambda s: ", ".join(sorted(set(s.dropna().astype(str))))),
    })
    first = articles.set_index("article_id")[["source", "title"]]
    groups = groups.join(first, how="left").rename_axis("article_id").reset_index()
    groups = groups.sort_values(["copies", "article_id"], ascending=[False, True], kind="stable").head(max_groups)
    return groups[["article_id", "source", "title", "copies", "outlets"]].reset_index(drop=True)


def _not_loaded(skipped: pd.DataFrame) -> pd.DataFrame:
    from .corpus import skipped_records

    return skipped_records(skipped) if len(skipped) else skipped


def skipped_summary(skipped: pd.DataFrame) -> pd.DataFrame:
    """What the loader skipped, per reason, most frequent first.

    Columns: reason, records, loaded (False: the records were not loaded; True: a note about records
    that were loaded but changed, e.g. a renamed id — see :data:`analysis.corpus.NOTE_PREFIXES`),
    example (path and record of one), detail (what was found and what to do).
    """
    if skipped is None or skipped.empty:
        return pd.DataFrame({"reason": pd.Series(dtype="string"), "records": pd.Series(dtype="int64"),
                             "loaded": pd.Series(dtype="bool"), "example": pd.Series(dtype="string"),
                             "detail": pd.Series(dtype="string")})
    not_loaded = set(_not_loaded(skipped)["reason"].dropna())
    record = skipped["record"].map(lambda r: "" if pd.isna(r) else f"#{int(r)}").astype(str)
    s = skipped.assign(example=skipped["path"].astype(str) + record)
    g = s.groupby("reason", sort=False)
    out = pd.DataFrame({"records": g.size(), "example": g["example"].first(), "detail": g["detail"].first()})
    out = out.reset_index()
    out["loaded"] = ~out["reason"].isin(not_loaded)
    out = out.sort_values(["loaded", "records", "reason"], ascending=[True, False, True], kind="stable")
    return out[["reason", "records", "loaded", "example", "detail"]].reset_index(drop=True)


def plot_volume(articles: pd.DataFrame, *, ax=None, min_days: int = 3, top_outlets: int = 8,
                title: str = "المقالات حسب الوسيلة"):
    """Publication volume that suits the corpus: articles per day and outlet
    (:func:`analysis.plotting.timeline.plot_publication_volume`) when the articles span at least
    ``min_days`` local days, else (one daily file) articles per outlet as ranked bars — a line chart
    of one or two days is only dots. Outlet names in Arabic where known. Returns the Axes."""
    from .plotting.core import outlet_names, plot_ranked_bars
    from .plotting.timeline import plot_publication_volume

    days = local_day(articles).dropna()
    if days.nunique() >= min_days:
        return plot_publication_volume(articles, ax=ax, top_outlets=top_outlets, title=title)
    per = articles_per_outlet(articles)
    names = outlet_names()
    per = per.assign(outlet=[names.get(s, s) for s in per["source"]])
    return plot_ranked_bars(per, label="outlet", value="articles", ax=ax, title=title)


def plot_length_histogram(articles: pd.DataFrame, *, ax=None, bins: int = 30, max_words: int | None = None,
                          title: str = "Article length"):
    """Histogram of article lengths in words (duplicates excluded); returns the Axes.

    ``max_words`` clips the long tail into the last bin (default: the 99th percentile) so one very long
    article does not squeeze the rest into a single bar.
    """
    import matplotlib.pyplot as plt

    from .plotting.core import PALETTE, arabic_text

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    words = articles.loc[articles["duplicate_of"].isna(), "n_words"].astype(float)
    if words.empty:
        ax.text(0.5, 0.5, "no articles", ha="center", va="center", transform=ax.transAxes)
        return ax
    cap = max_words if max_words is not None else max(float(np.percentile(words, 99)), 1.0)
    ax.hist(words.clip(upper=cap), bins=bins, color=PALETTE[0], edgecolor="white")
    ax.set_xlabel(arabic_text("words per article"))
    ax.set_ylabel(arabic_text("articles"))
    ax.set_title(arabic_text(title))
    ax.axvline(float(words.median()), color="#C44E52", linestyle="--", linewidth=1)
    ax.annotate(f"median {int(words.median())}", xy=(float(words.median()), ax.get_ylim()[1] * 0.92),
                xytext=(4, 0), textcoords="offset points", color="#C44E52", fontsize=9)
    return ax


# --- figures ------------------------------------------------------------------------------------


def try_chart(plot, *args, ax=None, **kwargs):
    """``plot(*args, ax=ax, **kwargs)``, or, when the data cannot make that chart (the plot function
    raises ``ValueError``: nothing dated, nothing to rank), an empty panel saying why, and one line
    ``No chart (<plot>): <reason>`` on stderr, which shows below the cell and in the report. Returns
    the Axes either way, so the notebook goes on and the figure is still saved. Other errors propagate.

    A corpus of undated .txt files has no timelines; a notebook run on it must still finish.
    """
    try:
        return plot(*args, ax=ax, **kwargs)
    except ValueError as e:
        import sys

        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(7, 2.5))
        else:
            ax.clear()
        from .plotting.core import arabic_text

        name = getattr(plot, "__name__", "chart")
        ax.text(0.5, 0.5, arabic_text(f"No chart: {e}"), ha="center", va="center", wrap=True, transform=ax.transAxes,
                color="#555555", parse_math=False)
        ax.set_axis_off()
        print(f"No chart ({name}): {e}", file=sys.stderr)
        return ax


def figure_dir(out_dir: str | Path) -> Path:
    """Where every figure of a report goes: ``<out_dir>/figures``."""
    return Path(out_dir) / FIGURES_DIR


def save_chart(chart, name: str, *, out_dir: str | Path, formats: Sequence[str] = ("png", "svg", "pdf")) -> None:
    """Save a chart (an Axes, a Figure, or anything with ``.figure``) as ``<out_dir>/figures/<name>.<fmt>``
    for each format, through :func:`analysis.plotting.core.save_figure`.

    Returns None on purpose: a notebook cell ending with this call shows the chart, not a list of
    paths. The figure stays open, so JupyterLab still shows it below the cell.
    """
    from .plotting.core import save_figure

    fig = chart
    while not hasattr(fig, "savefig"):
        if hasattr(fig, "figure"):
            fig = fig.figure
        elif hasattr(fig, "get_figure"):
            fig = fig.get_figure()
        else:
            raise TypeError(f"save_chart needs a matplotlib Figure or Axes, got {type(chart).__name__}")
    save_figure(fig, name, out_dir=figure_dir(out_dir), formats=tuple(formats))


# --- HTML: escaped, right-to-left --------------------------------------------------------------


@dataclass(frozen=True)
class RichHTML:
    """A piece of HTML that Jupyter displays as HTML (``_repr_html_``) and that prints as plain text."""

    html: str
    text: str = ""

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text or self.html


def escape_html(value: object) -> str:
    """``value`` as text safe to put between HTML tags or in an attribute (``< > & " '`` escaped)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return ""
    return html.escape(str(value), quote=True)


_RTL_STYLE = (
    "<style>.ana-rtl table{direction:rtl;border-collapse:collapse;margin:0}"
    ".ana-rtl th,.ana-rtl td{text-align:right;padding:2px 8px;vertical-align:top;unicode-bidi:plaintext}"
    ".ana-rtl caption{caption-side:top;text-align:right;font-weight:bold}"
    ".ana-ltr table{border-collapse:collapse;margin:0}.ana-ltr th,.ana-ltr td{padding:2px 8px}"
    ".ana-ltr caption{caption-side:top;text-align:left;font-weight:bold}"
    ".ana-rtl mark{background:#ffe08a;padding:0 1px}"
    ".ana-rtl .ana-more,.ana-ltr .ana-more{color:#666;font-size:90%}</style>"
)


_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def rtl_table(df: pd.DataFrame, *, caption: str | None = None, max_rows: int = 30, index: bool = False,
              float_format: str = "{:,.3g}", direction: str = "auto", max_chars: int | None = 200) -> RichHTML:
    """Display a frame right-to-left (``dir="rtl"``; first column on the right), every cell escaped.

    ``direction``: "rtl", "ltr", or "auto" (default): right-to-left when any shown text cell holds
    Arabic letters, so a table of Arabic names reads right-to-left and a table of Latin outlet names
    does not. Each cell also sets its own direction from its text (``unicode-bidi: plaintext``).
    Shows the first ``max_rows`` rows and says how many were left out (or that there are none); a
    cell's text longer than ``max_chars`` is cut with "…" (None: never). Lists are joined with "، ". Dates
    print as days, floats with ``float_format``. Returns a :class:`RichHTML` (JupyterLab renders it;
    nbconvert keeps it in the report). The frame is not modified.
    """
    if direction not in ("auto", "rtl", "ltr"):
        raise ValueError(f"direction must be 'auto', 'rtl' or 'ltr', got {direction!r}")
    shown = df.head(max_rows)
    if index:
        shown = shown.reset_index()
    cols = list(shown.columns)
    head = "".join(f"<th>{escape_html(c)}</th>" for c in cols)
    rows = []
    for rec in shown.itertuples(index=False, name=None):
        rows.append("<tr>" + "".join(f"<td>{escape_html(_cut(_cell(v, float_format), max_chars))}</td>"
                                     for v in rec) + "</tr>")
    cap = f"<caption>{escape_html(caption)}</caption>" if caption else ""
    more = (f'<div class="ana-more" dir="auto">{len(df) - len(shown):,} more rows not shown (of {len(df):,})</div>'
            if len(df) > len(shown) else "" if len(df) else '<div class="ana-more" dir="auto">(no rows)</div>')
    if direction == "auto":
        texts = (str(_cell(v, float_format)) for col in shown.columns for v in shown[col].tolist()
                 if isinstance(v, (str, list, tuple, np.ndarray)))
        direction = "rtl" if any(_ARABIC_LETTER_RE.search(t) for t in texts) else "ltr"
    attrs = 'class="ana-rtl" dir="rtl" lang="ar"' if direction == "rtl" else 'class="ana-ltr" dir="ltr"'
    body = (f"<div {attrs}>{_RTL_STYLE}<table>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{more}</div>")
    return RichHTML(body, text=shown.to_string(index=False) if len(shown) else "(no rows)")


def _cut(v: object, max_chars: int | None) -> object:
    if max_chars is not None and isinstance(v, str) and len(v) > max_chars:
        return v[:max_chars].rstrip() + "…"
    return v


def _cell(v: object, float_format: str) -> object:
    if v is None or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, (float, np.floating)):
        return "" if math.isnan(v) else float_format.format(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) else v.isoformat(sep=" ")
    if isinstance(v, (list, tuple, np.ndarray)):
        return "، ".join(str(x) for x in v)
    return v


def kwic_html(rows: pd.DataFrame, *, left: str = "left", match: str = "match", right: str = "right",
              meta: Sequence[str] = ("source", "article_id"), caption: str | None = None,
              max_rows: int = 30) -> RichHTML:
    """A keyword-in-context view, right-to-left: each row's ``left`` context, the ``match`` highlighted
    (``<mark>``), the ``right`` context, and the ``meta`` columns present. Every part is escaped.

    Input: a frame with the three text columns (as returned by :func:`analysis.actors.kwic`; pass the
    column names if they differ). ``left`` is the text before the mention in reading order (to its right
    on screen).
    """
    for c in (left, match, right):
        if c not in rows.columns:
            raise ValueError(f"kwic_html needs column {c!r}; the frame has {list(rows.columns)}")
    shown = rows.head(max_rows)
    metas = [m for m in meta if m in shown.columns]
    lines = []
    for rec in shown.to_dict("records"):
        ctx = (f"<td>{escape_html(rec[left])}<mark>{escape_html(rec[match])}</mark>{escape_html(rec[right])}</td>")
        lines.append("<tr>" + ctx + "".join(f"<td>{escape_html(rec[m])}</td>" for m in metas) + "</tr>")
    head = "<th>context</th>" + "".join(f"<th>{escape_html(m)}</th>" for m in metas)
    cap = f"<caption>{escape_html(caption)}</caption>" if caption else ""
    more = (f'<div class="ana-more" dir="auto">{len(rows) - len(shown):,} more lines not shown (of {len(rows):,})</div>'
            if len(rows) > len(shown) else "")
    body = (f'<div class="ana-rtl" dir="rtl" lang="ar">{_RTL_STYLE}<table>{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(lines)}</tbody></table>{more}</div>")
    text = "\n".join(f"{r[left]}[{r[match]}]{r[right]}" for r in shown.to_dict("records"))
    return RichHTML(body, text=text or "(no lines)")


#: How :func:`numbers_table` names the keys of :func:`headline_numbers`.
NUMBER_LABELS = {
    "articles": "articles", "outlets": "outlets", "duplicates": "repeated texts (duplicates)",
    "skipped": "records skipped by the loader", "first_day": "first publication day",
    "last_day": "last publication day", "undated": "articles without a publication date",
    "words": "words", "mentions": "actor mentions", "actors": "distinct actors",
    "time_expressions": "time expressions", "events": "events", "attributions": "attributions (who says what)",
    "anonymous_share": "share of anonymous sourcing",
}


def numbers_table(numbers: Mapping[str, object], *, caption: str | None = "Key numbers") -> RichHTML:
    """Key numbers (``{key: value}``, e.g. from :func:`headline_numbers`) as a two-column table, left to
    right (the labels are English); shares shown as percentages."""
    rows = []
    for k, v in numbers.items():
        shown = f"{v:.1%}" if k.endswith("share") and isinstance(v, float) else _fmt(v) if v is not None else "—"
        rows.append(f"<tr><th style='text-align:left'>{escape_html(NUMBER_LABELS.get(k, k.replace('_', ' ')))}</th>"
                    f"<td style='text-align:right'>{escape_html(shown)}</td></tr>")
    cap = f"<caption style='text-align:left;font-weight:bold'>{escape_html(caption)}</caption>" if caption else ""
    text = "\n".join(f"{NUMBER_LABELS.get(k, k)}: {v}" for k, v in numbers.items())
    return RichHTML(f"<table>{cap}<tbody>{''.join(rows)}</tbody></table>", text=text)


def markdown(template: str, **values: object) -> RichHTML:
    """A short paragraph with numbers filled in, for prose that depends on the corpus.

    ``template`` uses ``str.format`` fields; values are escaped. Displays as HTML (a ``<p>``).
    """
    safe = {k: escape_html(_fmt(v)) for k, v in values.items()}
    text = template.format(**{k: _fmt(v) for k, v in values.items()})
    return RichHTML(f"<p>{escape_html(template).format(**safe)}</p>", text=text)


def _fmt(v: object) -> str:
    if isinstance(v, (pd.Timestamp, datetime, date)):
        return _iso(v) or ""
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return f"{int(v):,}"
    if isinstance(v, (float, np.floating)):
        return f"{float(v):,.3g}"
    return "" if v is None else str(v)


# --- exports and recorded values ---------------------------------------------------------------


def export_csv(df: pd.DataFrame, name: str, *, out_dir: str | Path) -> Path:
    """Write ``df`` to ``<out_dir>/exports/<name>.csv``: UTF-8 with BOM (spreadsheets read the Arabic),
    formulas neutralised (a text cell starting with ``= + - @`` gets a leading apostrophe), list cells
    (``actor_ids``, ``examples``) joined with " | ", written atomically. Returns the path. The frame
    is not modified."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"export name {name!r} must be a plain file name")
    listy = [c for c in df.columns if df[c].dtype == object
             and df[c].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any()]
    if listy:
        df = df.assign(**{c: df[c].map(_join_list) for c in listy})
    return write_csv_atomic(df, Path(out_dir) / EXPORTS_DIR / f"{name}.csv")


def _join_list(v: object) -> object:
    return " | ".join(str(x) for x in v) if isinstance(v, (list, tuple, np.ndarray)) else v


def record(notebook: str, *, out_dir: str | Path, **values: object) -> None:
    """Write the values a notebook computed to ``<out_dir>/recorded/<notebook>.json`` (atomically).

    Numbers, strings, dates, lists and dicts of those are accepted (numpy and pandas scalars are
    converted). Tests read them back with :func:`read_recorded`. Returns None so that the cell shows
    nothing in the report."""
    if not notebook or Path(notebook).name != notebook:
        raise ValueError(f"notebook must be a plain name such as '02_actor_mentions', got {notebook!r}")
    plain = {k: _jsonable(v) for k, v in values.items()}
    path = Path(out_dir) / RECORDED_DIR / f"{notebook}.json"
    write_text_atomic(json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True), path)


def read_recorded(out_dir: str | Path) -> dict[str, dict[str, object]]:
    """``{notebook: values}`` for every ``<out_dir>/recorded/*.json``."""
    folder = Path(out_dir) / RECORDED_DIR
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def _jsonable(v: object) -> object:
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, pd.Series):  # a column (default index) becomes a list, a labelled series a dict
        if isinstance(v.index, pd.RangeIndex):
            return [_jsonable(x) for x in v.tolist()]
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, np.ndarray, pd.Index)):
        return [_jsonable(x) for x in v]
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, (pd.Timestamp, datetime, date)):
        return _iso(v)
    if isinstance(v, Path):
        return str(v)
    return str(v)


def _iso(v: object) -> str | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    ts = pd.Timestamp(v)
    if pd.isna(ts):
        return None
    return ts.strftime("%Y-%m-%d") if (ts.hour, ts.minute, ts.second) == (0, 0, 0) else ts.isoformat()
