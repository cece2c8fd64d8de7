"""Tests of analysis.reporting: filters, overview tables, escaped right-to-left HTML, safe exports,
recorded values, figures."""
from __future__ import annotations

import csv
import json

import numpy as np
import pandas as pd
import pytest

from analysis import reporting, schema

SCRIPT = '<script>alert("x")</script>'


def _articles() -> pd.DataFrame:
    return schema.conform(pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"],
        "source": ["okaz", "okaz", "alriyadh", None],
        # 22:30 UTC on the 5th is already the 6th in Riyadh (UTC+3)
        "published": pd.to_datetime(["2015-08-05 22:30", "2015-08-07 09:00", "2015-08-06 10:00", None], utc=True),
        "timezone": ["Asia/Riyadh", "Asia/Riyadh", "UTC", "UTC"],
        "title": ["زار وفد مصري دمشق", SCRIPT, "السعودية", None],
        "text": ["زار وفد مصري دمشق أمس.", "=HYPERLINK(\"http://x\")", "قالت الرياض", "نص قصير"],
        "n_words": [4, 1, 2, 2],
        "duplicate_of": [None, None, None, "a1"],
    }), "articles")


def _mentions() -> pd.DataFrame:
    return schema.conform(pd.DataFrame({
        "article_id": ["a1", "a1", "a3"],
        "field": ["text", "text", "text"],
        "start": [8, 12, 5], "end": [11, 16, 11],
        "surface": ["مصري", "دمشق", "الرياض"],
        "actor_id": ["EGY", "SYR", "SAU"],
        "label_ar": ["مصر", "سوريا", "السعودية"],
        "label_en": ["Egypt", "Syria", "Saudi Arabia"],
        "actor_type": ["country"] * 3, "subtype": [None] * 3,
        "match_kind": ["nisba", "metonym", "metonym"],
        "sentence_index": [0, 0, 0],
    }), "mentions")


def _tables() -> dict[str, pd.DataFrame]:
    skipped = schema.conform(pd.DataFrame({
        "path": ["day.zip!day.json", "day.zip!day.json", "b.txt"], "record": [3, 7, None],
        "reason": ["empty text", "empty text", "loaded with renamed article_id"],
        "detail": ["no text left after cleaning", "no text left after cleaning", "id x used twice"],
    }), "skipped")
    return {"articles": _articles(), "skipped": skipped, "mentions": _mentions()}


# --- filters -------------------------------------------------------------------------------------


def test_local_day_uses_each_articles_timezone():
    day = reporting.local_day(_articles())
    assert list(day.iloc[:3]) == [pd.Timestamp("2015-08-06"), pd.Timestamp("2015-08-07"), pd.Timestamp("2015-08-06")]
    assert pd.isna(day.iloc[3])


def test_filter_by_date_range_is_inclusive_in_local_days_and_drops_undated():
    tables = _tables()
    out = reporting.filter_tables(tables, date_from="2015-08-06", date_to="2015-08-06")
    assert list(out["articles"]["article_id"]) == ["a1", "a3"]
    assert set(out["mentions"]["article_id"]) == {"a1", "a3"}
    assert len(out["skipped"]) == 3  # the skipped report is not about articles


def test_filter_by_outlet_and_actor_combine_and_inputs_are_not_modified():
    tables = _tables()
    before = {k: v.copy() for k, v in tables.items()}
    out = reporting.filter_tables(tables, outlets=["okaz"], actor="سوريا")
    assert list(out["articles"]["article_id"]) == ["a1"]
    assert list(out["mentions"]["actor_id"]) == ["EGY", "SYR"]
    assert list(reporting.filter_tables(tables, actor="SAU")["articles"]["article_id"]) == ["a3"]
    assert list(reporting.filter_tables(tables, actor="Egypt")["articles"]["article_id"]) == ["a1"]
    for k in tables:
        pd.testing.assert_frame_equal(tables[k], before[k])


def test_empty_filters_keep_everything():
    out = reporting.filter_tables(_tables(), outlets=[], date_from="", date_to=None, actor="")
    assert len(out["articles"]) == 4 and len(out["mentions"]) == 3


def test_unknown_outlet_or_actor_is_an_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="alriyadh"):
        reporting.filter_tables(_tables(), outlets=["okaz", "alriyad"])
    with pytest.raises(ValueError, match="no mention of actor 'IRQ'"):
        reporting.filter_tables(_tables(), actor="IRQ")


def test_timeline_window_defaults_to_the_publication_period_and_clips_background_dates():
    articles = _articles()
    lo, hi = reporting.timeline_window(articles, days_before=10, days_after=2)
    assert (lo, hi) == (pd.Timestamp("2015-07-27"), pd.Timestamp("2015-08-10"))
    assert reporting.timeline_window(articles, start="2015-01-01", end="2015-01-31") == (
        pd.Timestamp("2015-01-01"), pd.Timestamp("2015-02-01"))
    events = pd.DataFrame({
        "date_start": pd.to_datetime(["1990-01-01", "2015-01-01", "2015-08-06", None]).astype("datetime64[s]"),
        "date_end": pd.to_datetime(["1991-01-01", "2016-01-01", "2015-08-07", None]).astype("datetime64[s]"),
        "event_type": ["war", "year", "day", "undated"],
    })
    shown = reporting.in_window(events, (lo, hi))
    assert list(shown["event_type"]) == ["year", "day"]
    assert list(shown["date_start"]) == [lo, pd.Timestamp("2015-08-06")]
    assert list(shown["date_end"]) == [hi, pd.Timestamp("2015-08-07")]
    assert shown["date_start"].dtype == events["date_start"].dtype
    assert reporting.in_window(events, (lo, hi), clip=False)["date_start"].iloc[0] == pd.Timestamp("2015-01-01")
    assert list(reporting.in_window(events, (lo, hi), max_days=31)["event_type"]) == ["day"]


# --- overview ------------------------------------------------------------------------------------


def test_headline_numbers_count_only_records_not_loaded_as_skipped():
    n = reporting.headline_numbers(_tables())
    assert n["articles"] == 4 and n["outlets"] == 2 and n["duplicates"] == 1
    assert n["skipped"] == 2  # the renamed-id row is a note about a loaded record
    assert (n["first_day"], n["last_day"], n["undated"]) == ("2015-08-06", "2015-08-07", 1)
    assert n["mentions"] == 3 and n["actors"] == 3


def test_articles_per_outlet_and_per_day():
    per_outlet = reporting.articles_per_outlet(_articles())
    assert list(per_outlet["source"]) == ["okaz", "(unknown)", "alriyadh"]
    assert list(per_outlet["articles"]) == [2, 1, 1]
    assert per_outlet["share"].sum() == pytest.approx(1.0)
    assert per_outlet.set_index("source").loc["(unknown)", "duplicates"] == 1
    per_day = reporting.articles_per_day(_articles())
    assert per_day.to_dict("records") == [
        {"day": pd.Timestamp("2015-08-06"), "source": "alriyadh", "articles": 1},
        {"day": pd.Timestamp("2015-08-06"), "source": "okaz", "articles": 1},
        {"day": pd.Timestamp("2015-08-07"), "source": "okaz", "articles": 1},
    ]


def test_duplicate_groups_and_skipped_summary():
    groups = reporting.duplicate_groups(_articles())
    assert groups.to_dict("records") == [
        {"article_id": "a1", "source": "okaz", "title": "زار وفد مصري دمشق", "copies": 1, "outlets": ""}
    ]
    summary = reporting.skipped_summary(_tables()["skipped"])
    assert list(summary["reason"]) == ["empty text", "loaded with renamed article_id"]
    assert list(summary["records"]) == [2, 1]
    assert list(summary["loaded"]) == [False, True]
    assert summary["example"].iloc[0] == "day.zip!day.json#3"


def test_length_summary_counts_short_articles():
    s = reporting.length_summary(_articles()).set_index("source")
    assert s.loc["okaz", "short"] == 2 and s.loc["okaz", "max"] == 4


# --- HTML ----------------------------------------------------------------------------------------


def test_rtl_table_is_right_to_left_and_escapes_article_text():
    html = reporting.rtl_table(_articles()[["title", "text"]], caption="<b>titles</b>")._repr_html_()
    assert 'dir="rtl"' in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;titles&lt;/b&gt;" in html
    assert "زار وفد مصري دمشق" in html


def test_rtl_table_says_how_many_rows_are_not_shown():
    df = pd.DataFrame({"n": range(40)})
    html = reporting.rtl_table(df, max_rows=10)._repr_html_()
    assert html.count("<tr>") == 11  # header + 10 rows
    assert "30 more rows not shown (of 40)" in html
    assert "(no rows)" in reporting.rtl_table(df.head(0))._repr_html_()


def test_rtl_table_cuts_long_cells_and_joins_lists():
    df = pd.DataFrame({"examples": [["قال الوزير " * 30, "ثانية"]], "n": [1]})
    html = reporting.rtl_table(df, max_chars=20)._repr_html_()
    assert "<td>قال الوزير قال الوزي…</td>" in html and 'dir="rtl"' in html
    assert "، ثانية" in reporting.rtl_table(df, max_chars=None)._repr_html_()


def test_rtl_table_direction_follows_the_text_unless_forced():
    latin = pd.DataFrame({"source": ["okaz", "alriyadh"], "articles": [3, 2]})
    assert 'dir="ltr"' in reporting.rtl_table(latin)._repr_html_()
    assert 'dir="rtl"' in reporting.rtl_table(latin, direction="rtl")._repr_html_()
    assert 'dir="rtl"' in reporting.rtl_table(latin.assign(label=["مصر", "سوريا"]))._repr_html_()
    with pytest.raises(ValueError):
        reporting.rtl_table(latin, direction="up")


def test_kwic_html_highlights_the_mention_and_escapes_every_part():
    rows = pd.DataFrame({"left": ["قال <i>", "زار "], "match": ["السيسي", "<script>"],
                         "right": [" إن", " دمشق"], "source": ["okaz", "alyaum"]})
    html = reporting.kwic_html(rows)._repr_html_()
    assert 'dir="rtl"' in html
    assert "قال &lt;i&gt;<mark>السيسي</mark> إن" in html
    assert "<mark>&lt;script&gt;</mark>" in html and "<script>" not in html
    with pytest.raises(ValueError, match="left"):
        reporting.kwic_html(rows.drop(columns="left"))


def test_markdown_and_numbers_table_escape_values():
    html = reporting.markdown("{n} articles from {src}", n=1234, src=SCRIPT)._repr_html_()
    assert html.startswith("<p>1,234 articles from &lt;script&gt;")
    table = reporting.numbers_table({"articles": 10, "anonymous_share": 0.25, "x": SCRIPT})._repr_html_()
    assert "25.0%" in table and "<script>" not in table


# --- exports and recorded values ------------------------------------------------------------------


def test_export_csv_neutralises_formulas_and_keeps_numbers(tmp_path):
    df = pd.DataFrame({"text": ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "قال", None],
                       "n": [-1, 2, 3, 4, 5, 6]})
    path = reporting.export_csv(df, "quotes", out_dir=tmp_path)
    assert path == tmp_path / "exports" / "quotes.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the Arabic as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["text"] for r in rows] == ["'=cmd|' /C calc'!A0", "'+1", "'-2+3", "'@SUM(A1)", "قال", ""]
    assert rows[0]["n"] == "-1"  # numbers are not text: left alone
    assert df["text"].iloc[0] == "=cmd|' /C calc'!A0"  # input not modified
    assert [p.name for p in path.parent.iterdir()] == ["quotes.csv"]  # no temporary file left


def test_export_csv_joins_list_cells_and_neutralises_what_they_hold(tmp_path):
    df = pd.DataFrame({"actor_ids": [["country:eg", "country:sy"], [], ["=evil"]]})
    path = reporting.export_csv(df, "events", out_dir=tmp_path)
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["actor_ids"] for r in rows] == ["country:eg | country:sy", "", "'=evil"]


def test_export_csv_rejects_paths_as_names(tmp_path):
    with pytest.raises(ValueError):
        reporting.export_csv(pd.DataFrame({"a": [1]}), "../evil", out_dir=tmp_path)


def test_record_round_trips_numpy_and_pandas_values(tmp_path):
    reporting.record("02_actor_mentions", out_dir=tmp_path, n=np.int64(3), share=np.float64(0.5),
                     day=pd.Timestamp("2015-08-06"), top=pd.Series({"EGY": np.int64(6)}),
                     missing=pd.NA, names=("مصر", "سوريا"), column=pd.Series(["a", "b"]).head(1))
    got = reporting.read_recorded(tmp_path)
    assert got == {"02_actor_mentions": {"n": 3, "share": 0.5, "day": "2015-08-06", "top": {"EGY": 6},
                                         "missing": None, "names": ["مصر", "سوريا"], "column": ["a"]}}
    assert json.loads((tmp_path / "recorded" / "02_actor_mentions.json").read_text(encoding="utf-8"))["n"] == 3
    with pytest.raises(ValueError):
        reporting.record("../x", out_dir=tmp_path, n=1)


# --- settings and figures --------------------------------------------------------------------------


def test_settings_for_gives_the_same_settings_for_the_same_inputs(tmp_path):
    book = tmp_path / "actors.csv"
    a = reporting.settings_for(codebook=str(book), timezone="Asia/Riyadh")
    b = reporting.settings_for(codebook=[book], timezone="Asia/Riyadh", workers=4)
    assert a.codebook == b.codebook == (book.resolve(),)
    assert reporting.settings_for(codebook="").codebook == () and reporting.settings_for().timezone == "UTC"


def test_the_notebooks_and_report_run_the_gap_filler_unless_told_not_to():
    """Twenty-fifth session: the notebooks' and the report's settings follow extract's default (the gap filler after the
    actor rules); ``gap_filler=False`` (the notebooks' parameter, ``report --no-gap-filler``) gives the rules alone,
    under another cache key."""
    from analysis.cli import build_parser
    from analysis.config import GAP_FILLER, Settings
    from analysis.pipeline import cache_key

    assert reporting.settings_for().tagger == GAP_FILLER == Settings().tagger
    assert reporting.settings_for(gap_filler=False).tagger is False
    assert cache_key("data/seeds", reporting.settings_for()) != cache_key("data/seeds", reporting.settings_for(gap_filler=False))
    assert build_parser().parse_args(["report", "corpus", "--no-gap-filler"]).no_gap_filler is True


def test_save_chart_writes_png_svg_and_pdf_under_figures(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    ax = reporting.plot_length_histogram(_articles())
    assert ax.get_xlabel() and len(ax.patches) > 0
    assert reporting.save_chart(ax, "01_article_length", out_dir=tmp_path) is None
    written = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert written == ["01_article_length.pdf", "01_article_length.png", "01_article_length.svg"]
    assert (tmp_path / "figures" / "01_article_length.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(TypeError):
        reporting.save_chart("not a figure", "x", out_dir=tmp_path)


def test_plot_volume_draws_bars_for_a_one_day_corpus_and_lines_for_several_days():
    import matplotlib

    matplotlib.use("Agg")
    one_day = _articles().iloc[[0, 2]]  # both published on 2015-08-06, local time
    ax = reporting.plot_volume(one_day)
    assert len(ax.patches) == 2 and not ax.lines
    days = pd.to_datetime(["2015-08-01", "2015-08-02", "2015-08-04"], utc=True)
    several = schema.conform(pd.DataFrame({
        "article_id": ["x1", "x2", "x3"], "source": ["okaz"] * 3, "published": days, "timezone": ["UTC"] * 3,
        "text": ["نص"] * 3, "n_words": [1, 1, 1]}), "articles")
    ax = reporting.plot_volume(several)
    assert len(ax.lines) >= 1 and list(ax.lines[0].get_ydata()) == [1, 1, 0, 1]


def test_try_chart_draws_the_chart_or_says_why_not(capsys):
    import matplotlib

    matplotlib.use("Agg")

    def plot_nothing(df, *, ax=None):
        raise ValueError("no dated articles to plot")

    ax = reporting.try_chart(plot_nothing, _articles())
    assert "No chart: no dated articles to plot" in [t.get_text() for t in ax.texts]
    assert capsys.readouterr().err.strip() == "No chart (plot_nothing): no dated articles to plot"
    ax = reporting.try_chart(reporting.plot_length_histogram, _articles())
    assert len(ax.patches) > 0 and not capsys.readouterr().err

    def plot_bug(df, *, ax=None):
        raise KeyError("a bug is not hidden")

    with pytest.raises(KeyError):
        reporting.try_chart(plot_bug, _articles())
