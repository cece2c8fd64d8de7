"""Tests of analysis.plotting.core, on pixels where it matters.

The same file runs on matplotlib 3.11+ (.venv: native shaping, the helper is the identity) and on 3.10
(.ci/mpl310.sh: the reshape + bidi path). Assertions that differ between the two branch on the version,
never on the helper's own decision, so a wrong gate fails here.
"""
from __future__ import annotations

import io
import logging
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from PIL import Image

from analysis.plotting import core
from analysis.plotting.core import (
    arabic_legend,
    arabic_text,
    format_number,
    native_arabic_shaping,
    plot_heatmap,
    plot_intervals,
    plot_ranked_bars,
    plot_time_series,
    report_style,
    save_figure,
    set_arabic_ticklabels,
)

MPL_NATIVE = tuple(int(p) for p in re.findall(r"\d+", matplotlib.__version__)[:2]) >= (3, 11)
SHORT_LONG = "ب شششششش"  # logical: short word, then long word; drawn RTL: long word on the LEFT
MIXED = "“علي المملوك” (SANA) 2016"
SEED_LINE = "زار “علي المملوك” القاهرة، في زيارة أعلنت عنها وكالة الأنباء السورية التابعة للنظام (سانا)"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- pixel measurement (independent of core)


def ink_runs(gray: np.ndarray) -> list[tuple[int, int]]:
    """Runs [start, end) of x columns that contain ink (dark pixels), left to right."""
    cols = (gray < 128).any(axis=0)
    runs, start = [], None
    for x, inked in enumerate(cols):
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(cols)))
    return runs


def long_word_left_and_joined(gray: np.ndarray) -> bool:
    """Two words only; the left one is one contiguous ink run much wider than the right one."""
    runs = ink_runs(gray)
    if len(runs) != 2:
        return False
    (a0, a1), (b0, b1) = runs
    return (a1 - a0) > 2.5 * (b1 - b0)


def text_figure(s: str) -> Figure:
    fig = Figure(figsize=(6, 1.6), dpi=100, facecolor="white")
    fig.text(0.5, 0.5, s, fontsize=40, ha="center", va="center", color="black", family="DejaVu Sans")
    return fig


def gray_png(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L"))


def gray_pdf(path) -> np.ndarray:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        image = pdf[0].render(scale=2).to_pil().convert("L")
    finally:
        pdf.close()
    return np.asarray(image)


def gray_svg(path) -> np.ndarray:
    import resvg_py

    # skip_system_fonts: the SVG must be correct without any font (text drawn as paths).
    png = resvg_py.svg_to_bytes(svg_path=str(path), background="white", skip_system_fonts=True, zoom=2)
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("L"))


def render_all(s: str, out_dir, name: str = "probe") -> dict[str, np.ndarray]:
    paths = save_figure(text_figure(s), name, out_dir=out_dir, formats=("png", "pdf", "svg"), dpi=100)
    png, pdf, svg = paths
    return {"png": gray_png(png), "pdf": gray_pdf(pdf), "svg": gray_svg(svg)}


# ---------------------------------------------------------------- the helper


def test_capability_gate_matches_matplotlib_version():
    assert native_arabic_shaping() is MPL_NATIVE
    assert core.probe_native_shaping() is MPL_NATIVE


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_helper_output_reads_right_to_left_and_joined(tmp_path, fmt):
    gray = render_all(arabic_text(SHORT_LONG), tmp_path)[fmt]
    runs = ink_runs(gray)
    assert len(runs) == 2, f"{fmt}: expected 2 words as 2 ink runs, got {runs}"
    assert long_word_left_and_joined(gray), f"{fmt}: long word not on the left / not joined: {runs}"


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_unshaped_text_is_right_only_where_matplotlib_shapes(tmp_path, fmt):
    # Negative control: the raw string is correct on 3.11+ and broken (LTR, unjoined) on 3.10,
    # so the measurement above can fail and the fallback is needed exactly where it is used.
    gray = render_all(SHORT_LONG, tmp_path, name="raw")[fmt]
    assert long_word_left_and_joined(gray) is MPL_NATIVE


def test_classic_recipe_reverses_text_on_native_matplotlib(tmp_path):
    # Why the helper must not reshape on 3.11+: the reshaped visual string drawn by libraqm comes out
    # reversed (long word on the RIGHT). On 3.10 it is the right answer (what the helper returns).
    import arabic_reshaper
    from bidi.algorithm import get_display

    classic = get_display(arabic_reshaper.reshape(SHORT_LONG))
    gray = render_all(classic, tmp_path, name="classic")["png"]
    assert long_word_left_and_joined(gray) is (not MPL_NATIVE)


def test_helper_is_identity_on_native_and_reshapes_otherwise():
    for s in (SHORT_LONG, MIXED, SEED_LINE, "سوريا"):
        out = arabic_text(s)
        if MPL_NATIVE:
            assert out == s
        else:
            assert out != s
            assert re.search("[\ufe70-\ufeff]", out), "fallback must emit presentation forms"
            assert not re.search("[\u0621-\u064a]", out), "no base letters left after reshaping"


def test_helper_leaves_latin_and_digits_alone():
    for s in ("(SANA) 2016", "Reuters", "١٬٢٣٤", "", "2016-03"):
        assert arabic_text(s) == s


def test_helper_handles_na():
    assert arabic_text(None) == ""
    assert arabic_text(pd.NA) == ""
    assert arabic_text(np.nan) == ""


@pytest.mark.skipif(MPL_NATIVE, reason="bidi ordering of the fallback path")
def test_fallback_orders_brackets_like_the_bidi_algorithm():
    # python-bidi lacks rule N0 (paired brackets); core pins the brackets. Visual order, left to right:
    assert arabic_text("ب (SANA) 2016") == "2016 (SANA) ﺏ"
    assert arabic_text("abc (ب) 2016") == "abc (ﺏ) 2016"
    assert arabic_text(MIXED).startswith("2016 (SANA) ”")
    assert arabic_text("وكالة (سانا)").startswith("(ﺎﻧﺎﺳ)")


@pytest.mark.skipif(MPL_NATIVE, reason="glyph choice of the fallback path")
def test_fallback_uses_only_glyphs_dejavu_has():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap()
    out = arabic_text("عبد الله الرحمن لا إله إلا الله")
    assert "\ufdf2" not in out  # arabic-reshaper's default ﷲ ligature: DejaVu Sans has no glyph for it
    assert "\ufefb" in out  # the lam-alef ligature it has stays
    assert all(ord(ch) in charmap for ch in out)


@pytest.mark.skipif(MPL_NATIVE, reason="multi-line labels on the fallback path")
def test_fallback_keeps_line_order():
    top, bottom = arabic_text("علي\nمصر").split("\n")
    assert top == arabic_text("علي") and bottom == arabic_text("مصر")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=list("ابتثجحخدذرسشعلمنهوي ةىءأإآؤئ") + list(" ()[]«»“”،.:-0123456789٠١٢ABCxyz\n"),
               max_size=30))
def test_helper_is_idempotent(s):
    once = arabic_text(s)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second pass must not even look suspicious
        assert arabic_text(once) == once


def test_helper_warns_on_mixed_shaped_and_plain():
    shaped = "ﻲﻠﻋ"  # reshaper output for علي, as if someone applied the classic recipe by hand
    with pytest.warns(RuntimeWarning):
        arabic_text(shaped if MPL_NATIVE else shaped + " مصر")


# ---------------------------------------------------------------- glyphs and style


def _draw_and_export(fig, tmp_path):
    fig.canvas.draw()
    save_figure(fig, "glyphs", out_dir=tmp_path)


@pytest.mark.parametrize("label", [MIXED, "قال «مصدر» إن ٣ قتلى [تحديث] (Reuters) 12,5%", SEED_LINE,
                                   "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز حفظه الله"])
def test_no_missing_glyph_warnings(tmp_path, caplog, label):
    with report_style(), warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title(arabic_text(label))
        set_arabic_ticklabels(ax, [label, "SANA"], axis="y")
        _draw_and_export(fig, tmp_path)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "missing" in m.lower() or "findfont" in m.lower()], messages


def test_missing_glyph_capture_works(tmp_path, caplog):
    # Control for the test above: a glyph DejaVu Sans does not have IS reported.
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(text_figure("\u4e2d")).draw()  # a CJK ideograph
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert any("missing" in m.lower() for m in messages), messages


def test_report_style_does_not_leak_and_sets_fonts():
    before = dict(matplotlib.rcParams)
    rc = core.report_style_rc()
    assert rc["font.family"][-1] == "DejaVu Sans"
    assert rc["pdf.fonttype"] == 42 and rc["svg.fonttype"] == "path"
    if "text.language" in matplotlib.rcParams:
        assert rc["text.language"] == "ar"
    with report_style():
        assert list(matplotlib.rcParams["font.family"]) == rc["font.family"]
    assert dict(matplotlib.rcParams) == before


def test_use_report_style_sets_the_global_rcparams():
    with matplotlib.rc_context():
        core.use_report_style()
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        assert list(matplotlib.rcParams["font.family"]) == list(core.report_fonts())


def test_importing_the_package_does_not_touch_rcparams():
    import subprocess
    import sys

    code = ("import matplotlib as m; before = dict(m.rcParams); import analysis.plotting; "
            "assert dict(m.rcParams) == before, 'rcParams changed on import'")
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("n", "kw", "expected"),
    [
        (1234, {}, "1,234"),
        (7, {}, "7"),
        (3.0, {}, "3"),
        (0.25, {}, "0.2"),
        (1234.56, {"decimals": 2}, "1,234.56"),
        (1234, {"digits": "arabic-indic"}, "١٬٢٣٤"),
        (12.5, {"digits": "arabic-indic"}, "١٢٫٥"),
        (1234, {"grouping": False}, "1234"),
        (np.int64(5), {}, "5"),
        (None, {}, ""),
        (float("nan"), {}, ""),
    ],
)
def test_format_number(n, kw, expected):
    assert format_number(n, **kw) == expected


def test_format_number_rejects_unknown_digits():
    with pytest.raises(ValueError):
        format_number(1, digits="persian")


# ---------------------------------------------------------------- charts

ACTORS = pd.DataFrame({
    "label_ar": ["بشار الأسد", "علي المملوك", "مصر", "وكالة الأنباء السورية (سانا)", "خالد فوزي"],
    "n": [3, 9, 5, 1, 5],
    "actor_type": ["person", "person", "country", "media", "person"],
})


def _ticklabels(ax, axis="y"):
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def _assert_through_helper(shown: list[str], plain: list[str]):
    assert shown == [arabic_text(p) for p in plain]
    if MPL_NATIVE:
        assert shown == plain
    else:
        assert all(a != b for a, b in zip(shown, plain) if re.search("[\u0621-\u064a]", b))


def test_ranked_bars_order_labels_values_and_input_untouched():
    df = ACTORS.copy()
    ax = plot_ranked_bars(df, label="label_ar", value="n", title="الفاعلون")
    pd.testing.assert_frame_equal(df, ACTORS)
    assert isinstance(ax, Axes)
    top_to_bottom = ["علي المملوك", "خالد فوزي", "مصر", "بشار الأسد", "وكالة الأنباء السورية (سانا)"]
    _assert_through_helper(_ticklabels(ax), top_to_bottom)  # ticks set top to bottom
    assert ax.get_title() == arabic_text("الفاعلون")
    widths = [p.get_width() for p in sorted(ax.patches, key=lambda p: -p.get_y())]
    assert widths == [9, 5, 5, 3, 1]
    values = sorted(t.get_text() for t in ax.texts)
    assert values == sorted(["9", "5", "5", "3", "1"])


def test_ranked_bars_top_n_category_legend_and_digits():
    ax = plot_ranked_bars(ACTORS, label="label_ar", value="n", category="actor_type", top_n=3,
                          digits="arabic-indic", category_labels={"person": "شخص", "country": "دولة"})
    assert len(ax.patches) == 3
    assert sorted(t.get_text() for t in ax.texts) == sorted(["٩", "٥", "٥"])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    _assert_through_helper(legend, ["شخص", "دولة"])
    colours = {tuple(p.get_facecolor()) for p in ax.patches}
    assert len(colours) == 2


def test_ranked_bars_rejects_repeated_labels():
    df = pd.DataFrame({"l": ["مصر", "مصر"], "v": [1, 2]})
    with pytest.raises(ValueError, match="unique"):
        plot_ranked_bars(df, label="l", value="v")


ARTICLES = pd.DataFrame({
    "published": pd.to_datetime(["2016-03-01 10:00", "2016-03-01 22:30", "2016-03-03 09:00",
                                 "2016-03-03 11:00", "2016-03-09 08:00", None], utc=True),
    "source": ["سبق", "الرياض", "سبق", "سبق", "الرياض", "سبق"],
})


def test_time_series_counts_per_day_fills_gaps_and_legend():
    df = ARTICLES.copy()
    ax = plot_time_series(df, date="published", series="source", freq="D", title="المقالات يوميا")
    pd.testing.assert_frame_equal(df, ARTICLES)
    assert isinstance(ax, Axes)
    lines = {line.get_label(): line for line in ax.get_lines()}
    sabq = lines[arabic_text("سبق")]
    assert list(sabq.get_ydata()) == [1, 0, 2, 0, 0, 0, 0, 0, 0]  # 1 Mar .. 9 Mar; the NaT row left out
    riyadh = lines[arabic_text("الرياض")]
    assert sum(riyadh.get_ydata()) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    _assert_through_helper(legend, ["سبق", "الرياض"])  # ordered by total, largest first


def test_time_series_local_days_weeks_and_months():
    ax = plot_time_series(ARTICLES, date="published", freq="D", tz="Asia/Riyadh")
    (line,) = ax.get_lines()
    # 22:30 UTC on 1 March is 2 March in Riyadh
    assert list(line.get_ydata())[:3] == [1, 1, 2]
    ax = plot_time_series(ARTICLES, date="published", freq="W")
    assert list(ax.get_lines()[0].get_ydata()) == [4, 1]  # week of Mon 29 Feb, week of Mon 7 Mar
    ax = plot_time_series(ARTICLES, date="published", freq="M", value=None)
    assert list(ax.get_lines()[0].get_ydata()) == [5]
    with pytest.raises(ValueError):
        plot_time_series(ARTICLES, date="published", freq="Q")


def test_time_series_top_series_groups_the_rest():
    ax = plot_time_series(ARTICLES, date="published", series="source", top_series=1)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == [arabic_text("سبق"), arabic_text("أخرى")]


def test_heatmap_long_form_labels_annotations_and_input_untouched():
    long = pd.DataFrame({
        "actor": ["مصر", "مصر", "سوريا", "سوريا", "سوريا"],
        "source": ["سبق", "الرياض", "سبق", "سبق", "عكاظ"],
    })
    before = long.copy()
    ax = plot_heatmap(long, row="actor", col="source", digits="arabic-indic")
    pd.testing.assert_frame_equal(long, before)
    assert isinstance(ax, Axes)
    _assert_through_helper(_ticklabels(ax, "y"), ["سوريا", "مصر"])
    _assert_through_helper(_ticklabels(ax, "x"), ["سبق", "الرياض", "عكاظ"])
    cells = [t.get_text() for t in ax.texts]
    assert cells == ["٢", "٠", "١", "١", "١", "٠"]
    assert ax.images[0].get_array().tolist() == [[2, 0, 1], [1, 1, 0]]


def test_heatmap_pivoted_frame():
    wide = pd.DataFrame([[1, 2], [3, 4]], index=["مصر", "سوريا"], columns=["سبق", "الرياض"])
    before = wide.copy()
    ax = plot_heatmap(wide, annotate=False, colorbar=False)
    pd.testing.assert_frame_equal(wide, before)
    _assert_through_helper(_ticklabels(ax, "y"), ["مصر", "سوريا"])
    assert len(ax.texts) == 0


def test_intervals_month_spans_its_month_and_instant_is_a_marker():
    df = pd.DataFrame({
        "lane": ["زيارة المملوك", "زيارة المملوك", "اتفاق"],
        "start": ["2016-03", "2016-04-12", pd.Timestamp("2016-05-01")],
        "end": [pd.NA, pd.NA, pd.Timestamp("2016-05-01")],
        "what": ["آذار", "يوم", "لحظة"],
        "kind": ["month", "day", "instant"],
    })
    before = df.copy()
    ax = plot_intervals(df, start="start", end="end", lane="lane", label="what", color="kind")
    pd.testing.assert_frame_equal(df, before)
    assert isinstance(ax, Axes)
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [1, 31]  # a day, and March as a whole
    markers = [line for line in ax.get_lines() if line.get_marker() == "D"]
    assert len(markers) == 1
    _assert_through_helper(_ticklabels(ax), ["زيارة المملوك", "اتفاق"])
    _assert_through_helper([t.get_text() for t in ax.texts], ["آذار", "يوم", "لحظة"])


def test_intervals_with_explicit_ends():
    df = pd.DataFrame({"lane": ["أ"], "start": ["2016-01"], "end": ["2016-03"]})
    ax = plot_intervals(df, start="start", end="end", lane="lane")
    (bar,) = ax.patches
    assert round(bar.get_width()) == 31 + 29 + 31  # Jan..Mar 2016 inclusive


def test_arabic_legend_does_not_shape_twice():
    _fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label=arabic_text("سبق"))  # already through the helper
    legend = arabic_legend(ax)
    assert [t.get_text() for t in legend.get_texts()] == [arabic_text("سبق")]


def test_set_arabic_ticklabels_validates():
    _fig, ax = plt.subplots()
    with pytest.raises(ValueError):
        set_arabic_ticklabels(ax, ["أ", "ب"], positions=[0])
    with pytest.raises(ValueError):
        set_arabic_ticklabels(ax, ["أ"], axis="z")


# ---------------------------------------------------------------- export


def test_save_figure_writes_every_format_atomically(tmp_path):
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    fig = text_figure(arabic_text(MIXED))
    out = tmp_path / "new" / "figures"
    paths = save_figure(fig, "mixed", out_dir=out)
    assert [p.name for p in paths] == ["mixed.png", "mixed.svg", "mixed.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["mixed.pdf", "mixed.png", "mixed.svg"]  # no temp files left
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert all(p.stat().st_mode & 0o777 == 0o666 & ~mask for p in paths)  # as open() would, not 0600
    svg = paths[1].read_text(encoding="utf-8")
    assert "<text" not in svg  # text drawn as paths
    pdf = paths[2].read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType embedded
    again = save_figure(fig, "mixed", out_dir=out, formats=("svg", "pdf"))
    assert again[0].read_bytes() == paths[1].read_bytes()  # deterministic
    assert again[1].read_bytes() == paths[2].read_bytes()


def test_save_figure_keeps_svg_text_when_asked(tmp_path):
    (path,) = save_figure(text_figure("SANA"), "t", out_dir=tmp_path, formats=("svg",), svg_text_as_paths=False)
    assert "<text" in path.read_text(encoding="utf-8")


def test_save_figure_rejects_bad_names_and_formats(tmp_path):
    fig = text_figure("x")
    with pytest.raises(ValueError):
        save_figure(fig, "../x", out_dir=tmp_path)
    with pytest.raises(ValueError):
        save_figure(fig, "x", out_dir=tmp_path, formats=("gif",))
    assert list(tmp_path.iterdir()) == []


def test_pdf_export_of_a_chart_has_the_arabic_joined(tmp_path):
    # A whole chart, exported and rasterised: the title (a short/long probe) must read right to left.
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.set_axis_off()
    core.arabic_title(ax, SHORT_LONG, fontsize=36)
    (pdf,) = save_figure(fig, "chart", out_dir=tmp_path, formats=("pdf",))
    assert long_word_left_and_joined(gray_pdf(pdf))


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("t", "kw", "expected"),
    [
        ("2015-07-31", {}, "31 يوليو 2015"),
        ("2015-07-20", {"grain": "week"}, "أسبوع 20 يوليو 2015"),
        ("2015-07-01", {"grain": "month", "months": "levant"}, "تموز 2015"),
        ("2015-08-11", {"grain": "year"}, "2015"),
        ("2015-08-11", {"digits": "arabic-indic"}, "١١ أغسطس ٢٠١٥"),
        (None, {}, ""),
    ],
)
def test_format_date(t, kw, expected):
    assert core.format_date(t, **kw) == expected


def test_format_date_rejects_unknown_options():
    with pytest.raises(ValueError):
        core.format_date("2015-01-01", grain="hour")
    with pytest.raises(ValueError):
        core.format_date("2015-01-01", months="maghreb")


def test_arabic_date_formatter_picks_the_grain_and_drops_repeated_years():
    from matplotlib.dates import date2num

    fmt = core.ArabicDateFormatter()
    days = [date2num(pd.Timestamp(d)) for d in ("2015-07-21", "2015-07-25", "2015-08-01")]
    assert fmt.format_ticks(days) == [arabic_text(x) for x in ("21 يوليو 2015", "25 يوليو", "1 أغسطس")]
    months = [date2num(pd.Timestamp(d)) for d in ("2015-11-01", "2015-12-01", "2016-01-01")]
    assert fmt.format_ticks(months) == [arabic_text(x) for x in ("نوفمبر 2015", "ديسمبر", "يناير 2016")]
    years = [date2num(pd.Timestamp(d)) for d in ("2014-01-01", "2015-01-01")]
    assert fmt.format_ticks(years) == ["2014", "2015"]


def test_time_series_date_ticks_are_arabic_and_through_the_helper():
    ax = plot_time_series(ARTICLES, date="published", freq="D")
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(t == arabic_text(t) for t in ticks)  # helper output (idempotent)
    assert any("مارس" in t for t in ticks) if MPL_NATIVE else all(re.search("[\ufe70-\ufeff]", t) for t in ticks)
    latin = plot_time_series(ARTICLES, date="published", freq="D", date_labels="latin")
    latin.figure.canvas.draw()
    assert not any(re.search("[\u0600-\u06ff\ufe70-\ufeff]", t.get_text()) for t in latin.get_xticklabels())


# ---------------------------------------------------------------- no text bypasses the helper


def _every_chart():
    yield plot_ranked_bars(ACTORS, label="label_ar", value="n", category="actor_type", title="الفاعلون",
                           xlabel="عدد الإشارات", legend_title="النوع", category_labels={"person": "شخص"})
    yield plot_time_series(ARTICLES, date="published", series="source", freq="D", title="يوميا",
                           ylabel="عدد المقالات", legend_title="المصدر")
    yield plot_heatmap(pd.DataFrame({"a": ["مصر", "سوريا"], "b": ["سبق", "عكاظ"]}), row="a", col="b",
                       title="خريطة", xlabel="المصدر", ylabel="الفاعل")
    yield plot_intervals(pd.DataFrame({"lane": ["زيارة"], "s": ["2016-03"], "e": [pd.NA], "k": ["شهر"]}),
                         start="s", end="e", lane="lane", label="k", color="k", title="خط زمني",
                         legend_title="الدقة")


@pytest.mark.parametrize("index", range(4))
def test_chart_texts_all_go_through_the_helper(index):
    ax = list(_every_chart())[index]
    assert core.arabic_text_problems(ax.figure) == []


def test_arabic_text_problems_catches_a_bypass_and_a_double_shaping():
    import arabic_reshaper
    from bidi.algorithm import get_display

    fig, ax = plt.subplots()
    ax.set_title("مصر")  # raw Arabic, helper bypassed
    ax.set_xlabel(get_display(arabic_reshaper.reshape("سوريا")))  # the classic recipe by hand
    problems = core.arabic_text_problems(fig)
    assert len(problems) == 1
    assert ("reshaped" in problems[0]) is MPL_NATIVE


def test_ranked_bars_mirror_lays_out_right_to_left():
    ax = plot_ranked_bars(ACTORS, label="label_ar", value="n", mirror=True)
    assert ax.xaxis_inverted()
    assert all(t.get_ha() == "right" for t in ax.texts)  # values left of the bar ends on screen
    ax.figure.canvas.draw()
    label_x = [t.get_window_extent().x0 for t in ax.get_yticklabels()]
    assert min(label_x) > ax.get_window_extent().x1 - 1  # labels right of the plot area


# ---------------------------------------------------------------- the fallback draws what 3.11 draws

_RENDER_PROFILES = r"""
import json, sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
profiles = []
for text in json.load(open(sys.argv[1], encoding="utf-8")):
    fig = Figure(figsize=(14, 0.6), dpi=100, facecolor="white")
    FigureCanvasAgg(fig)
    fig.text(0.99, 0.5, text, fontsize=14, ha="right", va="center", family="DejaVu Sans", parse_math=False)
    fig.canvas.draw()
    gray = np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2)
    profiles.append((gray < 128).any(axis=0))
np.save(sys.argv[2], np.array(profiles))
"""


def _word_widths(cols: np.ndarray) -> list[int]:
    """Widths, left to right, of the words of a rendered line (ink runs merged over gaps <= 4 px,
    runs under 20 px — punctuation — left out)."""
    runs = []
    for x in np.flatnonzero(cols):
        if runs and x - runs[-1][1] <= 4:
            runs[-1][1] = x + 1
        else:
            runs.append([x, x + 1])
    return [b - a for a, b in runs if b - a >= 20]


def _same_words(a: np.ndarray, b: np.ndarray) -> bool:
    wa, wb = _word_widths(a), _word_widths(b)
    return len(wa) == len(wb) and all(abs(x - y) <= max(7, 0.1 * x) for x, y in zip(wa, wb))


def _seed_titles() -> list[str]:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "seeds" / "saudinewsnet_sample.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    titles = pd.read_json(path, lines=True)["title"].dropna().astype(str)
    # The fallback drops diacritics and tatweel; compare like with like.
    titles = titles.str.replace("[\u064b-\u0652\u0670\u0640]", "", regex=True)
    return [t for t in titles if 10 < len(t) < 110][:400]


@pytest.mark.skipif(MPL_NATIVE, reason="compares the fallback (this matplotlib) with a native one")
def test_fallback_draws_real_titles_as_native_matplotlib_does(tmp_path):
    # .ci/mpl310.sh sets MPL_NATIVE_PYTHON to an interpreter with matplotlib >= 3.11 (the main .venv).
    import json
    import os
    import subprocess

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    native_python = os.environ.get("MPL_NATIVE_PYTHON")
    if not native_python:
        pytest.skip("set MPL_NATIVE_PYTHON to a python with matplotlib >= 3.11")
    titles = _seed_titles()
    src = tmp_path / "titles.json"
    src.write_text(json.dumps(titles, ensure_ascii=False), encoding="utf-8")
    subprocess.run([native_python, "-c", _RENDER_PROFILES, str(src), str(tmp_path / "native.npy")], check=True)
    native = np.load(tmp_path / "native.npy")

    def profiles(texts):
        out = []
        for text in texts:
            fig = Figure(figsize=(14, 0.6), dpi=100, facecolor="white")
            FigureCanvasAgg(fig)
            fig.text(0.99, 0.5, text, fontsize=14, ha="right", va="center", family="DejaVu Sans",
                     parse_math=False)
            fig.canvas.draw()
            out.append((np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2) < 128).any(axis=0))
        return out

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the unshaped control draws glyphs in any order; not under test
        helper = profiles([arabic_text(t) for t in titles])
        raw = profiles(titles)
    same = sum(_same_words(a, b) for a, b in zip(helper, native))
    control = sum(_same_words(a, b) for a, b in zip(raw, native))
    # Kerning (which the native path applies) shifts a word's width by a few pixels now and then.
    assert same >= 0.97 * len(titles), f"only {same}/{len(titles)} titles drawn like matplotlib >= 3.11"
    assert control <= 0.5 * len(titles), f"control: {control}/{len(titles)} unshaped titles matched"
