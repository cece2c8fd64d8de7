"""Arabic-correct chart building blocks and figure export (the core the feature charts build on).

Every Arabic string reaches matplotlib through ONE helper, :func:`arabic_text`:

* matplotlib >= 3.11 shapes and orders Arabic itself (it bundles libraqm): the helper returns the string
  unchanged. Reshaping on top of that would REVERSE the text (matplotlib issue 32262).
* older matplotlib draws code points left to right, unjoined: the helper returns
  ``bidi.get_display(arabic_reshaper.reshape(s))`` (joined presentation forms in visual order).

The capability is decided once per process (:func:`native_arabic_shaping`: a version gate confirmed by a
one-time probe render). The helper is idempotent: its reshaped output holds no base Arabic letters, and a
string without base letters is returned as is, so a label passed through it twice still draws right
(mixing shaped and plain Arabic in one string warns). On the fallback path it also pins paired brackets
(rule N0 of the bidi algorithm, which python-bidi lacks), so ``“علي المملوك” (SANA) 2016`` is ordered as
matplotlib 3.11 orders it. Chart functions call the helper themselves; their users pass plain Arabic and
never call ``arabic_reshaper``/``bidi`` directly.

Writing a chart module on top of this (``actors.py``, ``timeline.py``, ``attribution.py``): put Arabic on
an Axes only with the ``arabic_*`` helpers, :func:`set_arabic_ticklabels`, the ``plot_*`` functions, or
``ax.text(arabic_text(s), ...)``; never ``ax.set_yticklabels(labels)`` with raw Arabic. In the tests,
``assert arabic_text_problems(ax.figure) == []`` catches a bypass on matplotlib < 3.11 and a double
shaping on 3.11+; ``.ci/mpl310.sh`` runs ``tests/test_plotting*.py`` on 3.10.

Stable API (keyword-only options; every ``plot_*`` returns the Axes and never shows or saves)::

    arabic_text(s) -> str                       the one helper (identity on 3.11+, reshape+bidi before)
    native_arabic_shaping() -> bool             True when the running matplotlib shapes Arabic itself
    format_number(n, *, digits="western", decimals=None, grouping=True) -> str
    format_date(t, *, grain="day", digits="western", months="gulf_egypt") -> str   e.g. "31 يوليو 2015"
    report_style_rc() -> dict                   the report rcParams (fonts, sizes, export settings)
    use_report_style()                          apply them globally (explicit call; nothing at import)
    report_style()                              the same as a context manager
    set_arabic_ticklabels(ax, labels, *, axis="y", positions=None, **text_kw)
    arabic_title(ax, s, **kw) / arabic_xlabel(ax, s, **kw) / arabic_ylabel(ax, s, **kw)
    arabic_legend(ax, handles=None, labels=None, **kw) -> Legend | None
    arabic_annotate(ax, s, xy, **kw) -> Annotation
    arabic_text_problems(fig) -> list[str]      texts that bypassed the helper (use in chart tests)
    category_colors(values, *, palette=None) -> dict[value, colour]
    ArabicDateFormatter(*, digits="western", months="gulf_egypt")   date ticks with Arabic month names
    outlet_names(*, language="ar") -> dict[source, display name]   (resources/plotting/outlets.csv)
    plot_ranked_bars(df, *, label, value, category=None, top_n=None, ax=None, digits="western", title=None,
                     mirror=False, ...)
    plot_time_series(df, *, date, value=None, series=None, freq="D", ax=None, ...)   (date_labels="arabic")
    plot_heatmap(df, *, row=None, col=None, value=None, ax=None, annotate=True, ...)
    plot_intervals(df, *, start, end, lane, label=None, color=None, ax=None, ...)
    save_figure(fig, name, *, out_dir, formats=("png", "svg", "pdf"), dpi=200) -> list[Path]

Digits: value labels and value axes use Western digits (``1,234``) by default and Arabic-Indic
(``١٬٢٣٤``) with ``digits="arabic-indic"``.

>>> format_number(1234)
'1,234'
>>> format_number(1234.5, digits="arabic-indic")
'١٬٢٣٤٫٥'
"""
from __future__ import annotations

import functools
import io
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator

__all__ = [
    "PALETTE",
    "ArabicDateFormatter",
    "arabic_annotate",
    "arabic_legend",
    "arabic_text",
    "arabic_text_problems",
    "arabic_title",
    "arabic_xlabel",
    "arabic_ylabel",
    "category_colors",
    "format_date",
    "format_number",
    "is_shaped_for_display",
    "native_arabic_shaping",
    "outlet_names",
    "plot_heatmap",
    "plot_intervals",
    "plot_ranked_bars",
    "plot_time_series",
    "probe_native_shaping",
    "report_fonts",
    "report_style",
    "report_style_rc",
    "save_figure",
    "set_arabic_ticklabels",
    "use_report_style",
]

# Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in greyscale print.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
)
_ARABIC_FONTS = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri")  # preferred where installed
_BUNDLED_FONT = "DejaVu Sans"  # ships with matplotlib; covers Arabic, Latin, digits, “ ” « »
_DIGITS = ("western", "arabic-indic")
_TO_ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")
_FORMATS = ("png", "svg", "pdf")
_NICE_STEPS = [1, 2, 2.5, 5, 10]  # tick steps: 1, 2, 2.5, 5 x 10^n (never 80, 160, ...)
# Arabic Presentation Forms-A and -B: what arabic_reshaper emits, what matplotlib >= 3.11 never needs.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# Forms-B letters: what the reshaper emits for every letter; unlike the Forms-A ligatures (ﷺ, ﷲ) they
# do not occur in normal text.
_SHAPED_LETTER_FORMS = re.compile("[\ufe70-\ufefc]")
_PROBE_TEXT = "ب شششششش"  # logical order: short word, long word -> drawn long word LEFT, letters joined


# --------------------------------------------------------------------------------------------------
# The one helper
# --------------------------------------------------------------------------------------------------


def _mpl_version() -> tuple[int, int]:
    major, minor = (int(p) for p in re.findall(r"\d+", mpl.__version__)[:2])
    return major, minor


def _ink_column_runs(gray: np.ndarray, *, threshold: int = 128) -> list[tuple[int, int]]:
    """Maximal runs ``[start, end)`` of image columns holding ink (any pixel darker than ``threshold``)."""
    ink = (gray < threshold).any(axis=0).astype(np.int8)
    edges = np.diff(np.concatenate(([0], ink, [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def _reads_short_then_long(gray: np.ndarray) -> bool:
    """True when the image shows exactly two ink runs and the left one is the (much) longer word."""
    runs = _ink_column_runs(gray)
    if len(runs) != 2:
        return False
    (l0, l1), (r0, r1) = runs
    return (l1 - l0) > 2.5 * (r1 - r0)


@functools.cache
def probe_native_shaping() -> bool | None:
    """Render the unshaped probe string once and say whether it came out joined and right-to-left.

    Returns True (this matplotlib shapes Arabic itself), False (it does not), or None when the probe
    could not render (then :func:`native_arabic_shaping` trusts the version gate alone).
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        with mpl.rc_context({"text.usetex": False}):
            fig = Figure(figsize=(6, 1.5), dpi=100, facecolor="white")
            FigureCanvasAgg(fig)
            fig.text(0.5, 0.5, _PROBE_TEXT, fontsize=40, family=_BUNDLED_FONT, color="black",
                     ha="center", va="center", parse_math=False)
            fig.canvas.draw()
            rgba = np.asarray(fig.canvas.buffer_rgba())
    except Exception:  # noqa: BLE001 - a probe must never break plotting; the version gate decides then
        return None
    gray = rgba[..., :3].mean(axis=2)
    if not (gray < 128).any():
        return None
    return _reads_short_then_long(gray)


@functools.cache
def native_arabic_shaping() -> bool:
    """True when the running matplotlib shapes and orders Arabic itself (decided once per process).

    The version gate (matplotlib >= 3.11 bundles libraqm) is confirmed by :func:`probe_native_shaping`;
    when the two disagree the probe (what is actually drawn) wins, with a warning.
    """
    gate = _mpl_version() >= (3, 11)
    probed = probe_native_shaping()
    if probed is None or probed == gate:
        return gate
    warnings.warn(
        f"matplotlib {mpl.__version__}: the version gate says native Arabic shaping is "
        f"{'on' if gate else 'off'}, but a probe render says {'on' if probed else 'off'}; using the probe.",
        RuntimeWarning,
        stacklevel=2,
    )
    return probed


@functools.lru_cache(maxsize=1)
def _shapeable_letters() -> frozenset[str]:
    """Base Arabic letters that arabic_reshaper turns into presentation forms (tatweel and ZWJ it keeps)."""
    from arabic_reshaper.letters import LETTERS_ARABIC

    return frozenset(LETTERS_ARABIC) - {"\u0640", "\u200d"}


@functools.lru_cache(maxsize=1)
def _font_reshape():
    """arabic_reshaper's ``reshape`` tuned to DejaVu Sans, the font that holds the presentation forms on
    every setup (Noto/Amiri map none; matplotlib falls back to DejaVu glyph by glyph): the library's
    default ligatures minus those the font has no glyph for (its default ﷲ would be a missing-glyph box).
    """
    import arabic_reshaper
    from arabic_reshaper.ligatures import LETTERS_LIGATURES, SENTENCES_LIGATURES, WORDS_LIGATURES
    from arabic_reshaper.reshaper_config import default_config
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(font_manager.findfont(_BUNDLED_FONT, fallback_to_default=True)).get_charmap()
    config = {}
    for name, (_match, forms) in (*SENTENCES_LIGATURES, *WORDS_LIGATURES, *LETTERS_LIGATURES):
        if default_config.get(name) is True and any(f and ord(f) not in charmap for f in forms):
            config[name] = False
    return arabic_reshaper.ArabicReshaper(configuration=config).reshape


def is_shaped_for_display(s: str) -> bool:
    """True when ``s`` already went through the reshaping path (presentation forms, no base letters left)."""
    return bool(_PRESENTATION_FORMS.search(s)) and not _has_base_letters(s)


def _has_base_letters(s: str) -> bool:
    letters = _shapeable_letters()
    return any(ch in letters for ch in s)


# Bidi paired brackets (UAX #9 BD14/BD15), opening -> closing; « » are mirrored but not paired.
_BRACKETS = dict(zip("([{⁅⁽₍〈⟨《「『【〔（［｛", ")]}⁆⁾₎〉⟩》」』】〕）］｝"))
_CLOSING = {c: o for o, c in _BRACKETS.items()}
_MARK = {"L": "\u200e", "R": "\u200f"}  # LRM, RLM


def _strong_class(ch: str) -> str | None:
    cls = unicodedata.bidirectional(ch)
    if cls == "L":
        return "L"
    if cls in ("R", "AL", "AN", "EN"):
        return cls
    return None


def _pin_bracket_pairs(line: str) -> str:
    """Apply rule N0 of the bidi algorithm (paired brackets) by surrounding each resolved bracket with
    LRM/RLM marks, because python-bidi does not implement it: without this, ``ب (SANA) 2016`` comes out
    as ``SANA) 2016) ب`` instead of ``2016 (SANA) ب``. Single paragraph, no explicit embeddings."""
    if not any(ch in _BRACKETS or ch in _CLOSING for ch in line):
        return line
    # Strong direction per character after rule W7 (EN after L counts as L); EN/AN otherwise count as R.
    classes = [_strong_class(ch) for ch in line]
    para = next((("L" if c == "L" else "R") for c in classes if c in ("L", "R", "AL")), "L")
    strong: list[str | None] = []
    last = para
    for c in classes:
        if c == "L":
            last = "L"
            strong.append("L")
        elif c in ("R", "AL"):
            last = "R"
            strong.append("R")
        elif c == "EN":
            strong.append("L" if last == "L" else "R")
        elif c == "AN":
            strong.append("R")
        else:
            strong.append(None)
    # BD16: match pairs with a stack (63 deep), closing bracket matches the nearest same-type opener.
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(line):
        if ch in _BRACKETS:
            if len(stack) == 63:
                break
            stack.append((_BRACKETS[ch], i))
        elif ch in _CLOSING:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == ch:
                    pairs.append((stack[k][1], i))
                    del stack[k:]
                    break
    resolved = list(strong)
    for open_i, close_i in sorted(pairs):
        inside = {d for d in strong[open_i + 1:close_i] if d}
        if para in inside:
            direction = para
        elif inside:  # only the opposite direction inside: follow the context before the opener
            before = next((d for d in reversed(resolved[:open_i]) if d), para)
            direction = before
        else:
            continue
        resolved[open_i] = resolved[close_i] = direction
    marks = {i: _MARK[resolved[i]] for pair in pairs for i in pair if resolved[i] and not strong[i]}
    return "".join(f"{marks[i]}{ch}{marks[i]}" if i in marks else ch for i, ch in enumerate(line))


@functools.lru_cache(maxsize=4096)
def _reshape_for_display(s: str) -> str:
    from bidi.algorithm import get_display

    reshape = _font_reshape()

    # Per line: the bidi algorithm works per paragraph, and the line order must stay top to bottom.
    out = []
    for line in s.split("\n"):
        visual = get_display(_pin_bracket_pairs(reshape(line)))
        out.append(visual.replace("\u200e", "").replace("\u200f", ""))
    return "\n".join(out)


def arabic_text(s: str) -> str:
    """The string to hand to matplotlib for the (logical-order, plain) Arabic text ``s``.

    In: any text (Arabic, Latin, digits, mixed). Out: ``s`` itself when matplotlib shapes Arabic natively
    (3.11+); otherwise, when ``s`` holds Arabic letters, the reshaped, bidi-reordered string (a string
    without Arabic letters is returned unchanged), using only glyphs DejaVu Sans has (no ﷲ ligature;
    diacritics are dropped on this path). Idempotent on every version: the reshaped output holds
    presentation forms and no base letters, so a second pass returns it as is. Non-strings are converted
    with ``str`` (NA/None give ``""``).

    >>> arabic_text("(SANA) 2016")
    '(SANA) 2016'
    """
    if s is None or (not isinstance(s, str) and pd.isna(s)):
        return ""
    s = str(s)
    if native_arabic_shaping():
        if _SHAPED_LETTER_FORMS.search(s) and not _has_base_letters(s):
            # The classic recipe applied by hand: on this matplotlib it draws the text reversed.
            warnings.warn(f"arabic_text: {s!r} looks reshaped already (presentation forms); matplotlib "
                          f"{mpl.__version__} shapes Arabic itself, pass plain Arabic", RuntimeWarning, stacklevel=2)
        return s
    if not _has_base_letters(s):
        return s
    if _SHAPED_LETTER_FORMS.search(s):
        # Part of it is shaped output already (e.g. arabic_text(a) + " " + b): shaping again reverses
        # that part. Pass plain Arabic and let the chart helpers shape the whole label once.
        warnings.warn(f"arabic_text: {s!r} mixes reshaped and plain Arabic; pass plain Arabic only",
                      RuntimeWarning, stacklevel=2)
    return _reshape_for_display(s)


# --------------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------------


def _check_digits(digits: str) -> str:
    if digits not in _DIGITS:
        raise ValueError(f"digits must be one of {_DIGITS}, got {digits!r}")
    return digits


def format_number(n: Any, *, digits: str = "western", decimals: int | None = None, grouping: bool = True) -> str:
    """A number as a label: ``1234 -> "1,234"``; ``digits="arabic-indic"`` gives ``"١٬٢٣٤"``.

    Integral values print without decimals; others with ``decimals`` places (default 1). NA gives ``""``.
    Arabic-Indic output uses the Arabic thousands separator (U+066C) and decimal separator (U+066B).
    """
    _check_digits(digits)
    if n is None or (np.ndim(n) == 0 and pd.isna(n)):
        return ""
    x = float(n)
    sep = "," if grouping else ""
    if decimals is None and x.is_integer():
        text = f"{int(x):{sep}d}"
    else:
        text = f"{x:{sep}.{1 if decimals is None else decimals}f}"
    return text.translate(_TO_ARABIC_INDIC) if digits == "arabic-indic" else text


@functools.lru_cache(maxsize=1)
def _month_names() -> dict[str, tuple[str, ...]]:
    from analysis.resources import read_table

    rows = sorted(read_table("plotting", "month_names.csv"), key=lambda r: int(r["month"]))
    return {style: tuple(r[style] for r in rows) for style in ("gulf_egypt", "levant")}


_GRAINS = ("day", "week", "month", "year")


def format_date(t: Any, *, grain: str = "day", digits: str = "western", months: str = "gulf_egypt") -> str:
    """A date as an Arabic label at ``grain``: day "31 يوليو 2015", week "أسبوع 20 يوليو 2015" (its first
    day), month "يوليو 2015", year "2015". ``months`` picks the month names ("gulf_egypt": يوليو,
    "levant": تموز; ``resources/plotting/month_names.csv``). No hyphenated ISO dates: in right-to-left
    text their parts are displayed in reverse order. NA gives "".
    """
    _check_digits(digits)
    if grain not in _GRAINS:
        raise ValueError(f"grain must be one of {_GRAINS}, got {grain!r}")
    names = _month_names().get(months)
    if names is None:
        raise ValueError(f"months must be one of {tuple(_month_names())}, got {months!r}")
    if t is None or (np.ndim(t) == 0 and pd.isna(t)):
        return ""
    t = pd.Timestamp(t)
    if grain == "year":
        text = f"{t.year}"
    elif grain == "month":
        text = f"{names[t.month - 1]} {t.year}"
    else:
        text = f"{t.day} {names[t.month - 1]} {t.year}"
        if grain == "week":
            text = f"أسبوع {text}"
    return text.translate(_TO_ARABIC_INDIC) if digits == "arabic-indic" else text


def _digit_formatter(digits: str, *, decimals: int | None = None) -> FuncFormatter:
    return FuncFormatter(lambda x, _pos: format_number(x, digits=digits, decimals=decimals))


class _TranslateDigits(Formatter):
    """Wrap a tick formatter so its output uses Arabic-Indic digits (for date axes)."""

    def __init__(self, inner: Formatter):
        self.inner = inner

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def __call__(self, x, pos=None):
        return self.inner(x, pos).translate(_TO_ARABIC_INDIC)

    def format_ticks(self, values):
        return [v.translate(_TO_ARABIC_INDIC) for v in self.inner.format_ticks(values)]

    def get_offset(self):
        return self.inner.get_offset().translate(_TO_ARABIC_INDIC)


class ArabicDateFormatter(Formatter):
    """Date tick labels with Arabic month names, at the grain the ticks call for.

    Ticks all on 1 January: years ("2015"). All on the 1st: months ("يوليو"), the year added on the first
    tick and where it changes ("يوليو 2015"). Otherwise days ("21 يوليو"), the year added the same way.
    ``digits`` and ``months`` as in :func:`format_date`.
    """

    def __init__(self, *, digits: str = "western", months: str = "gulf_egypt"):
        self.digits = _check_digits(digits)
        self.months = months

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]

    def format_ticks(self, values):
        from matplotlib.dates import num2date

        if len(values) == 0:
            return []
        days = [num2date(v).replace(tzinfo=None) for v in values]
        if all(d.month == 1 and d.day == 1 for d in days):
            grain = "year"
        elif all(d.day == 1 for d in days):
            grain = "month"
        else:
            grain = "day"
        out, last_year = [], None
        for d in days:
            full = format_date(d, grain=grain, digits=self.digits, months=self.months)
            if grain != "year" and d.year == last_year:  # drop the repeated year: "21 يوليو"
                full = full.rsplit(" ", 1)[0]
            last_year = d.year
            out.append(arabic_text(full))
        return out


# --------------------------------------------------------------------------------------------------
# Style
# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def report_fonts() -> tuple[str, ...]:
    """The font fallback list: the preferred Arabic fonts that are installed, then DejaVu Sans."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(name for name in _ARABIC_FONTS if name in installed) + (_BUNDLED_FONT,)


def report_style_rc() -> dict[str, Any]:
    """rcParams for report figures: font fallback list, sizes, colours, export settings (a new dict)."""
    from cycler import cycler

    rc: dict[str, Any] = {
        "font.family": list(report_fonts()),
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "legend.frameon": False,
        "figure.figsize": (7.0, 4.2),
        "figure.dpi": 100,
        "figure.constrained_layout.use": True,
        "figure.facecolor": "white",
        "savefig.dpi": 200,
        "savefig.facecolor": "white",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "grid.alpha": 0.35,
        "grid.linewidth": 0.6,
        "pdf.fonttype": 42,  # TrueType embedded: Arabic shows in any PDF viewer
        "ps.fonttype": 42,
        "svg.fonttype": "path",  # text as outlines: correct without the fonts installed
        "svg.hashsalt": "arabic-news-analysis",  # stable element ids: deterministic SVG
    }
    if "text.language" in mpl.rcParams:  # matplotlib >= 3.11 (libraqm): language-specific shaping
        rc["text.language"] = "ar"
    return rc


def use_report_style() -> None:
    """Apply :func:`report_style_rc` to the global rcParams (an explicit call; never done at import)."""
    mpl.rcParams.update(report_style_rc())


@contextmanager
def report_style() -> Iterator[None]:
    """Context manager: report rcParams inside the block, the previous ones restored after it."""
    with mpl.rc_context(report_style_rc()):
        yield


# --------------------------------------------------------------------------------------------------
# Text helpers: the only way chart code puts Arabic on an Axes
# --------------------------------------------------------------------------------------------------


def set_arabic_ticklabels(ax, labels: Iterable[Any], *, axis: str = "y", positions: Sequence[float] | None = None,
                          **text_kw) -> None:
    """Put ``labels`` (plain Arabic) as tick labels on ``axis`` ("x" or "y"), at ``positions`` (default 0..n-1).

    Every label goes through :func:`arabic_text`; mathtext parsing is off (``$`` in a name stays literal).
    """
    labels = [arabic_text(lb) for lb in labels]
    positions = list(range(len(labels))) if positions is None else list(positions)
    if len(positions) != len(labels):
        raise ValueError(f"{len(labels)} labels for {len(positions)} positions")
    if axis == "y":
        ax.set_yticks(positions)
        ax.set_yticklabels(labels, parse_math=False, **text_kw)
    elif axis == "x":
        ax.set_xticks(positions)
        ax.set_xticklabels(labels, parse_math=False, **text_kw)
    else:
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}")


def arabic_title(ax, s: str, **kw):
    """``ax.set_title`` through :func:`arabic_text`; returns the Text."""
    return ax.set_title(arabic_text(s), parse_math=False, **kw)


def arabic_xlabel(ax, s: str, **kw):
    """``ax.set_xlabel`` through :func:`arabic_text`; returns the Text."""
    return ax.set_xlabel(arabic_text(s), parse_math=False, **kw)


def arabic_ylabel(ax, s: str, **kw):
    """``ax.set_ylabel`` through :func:`arabic_text`; returns the Text."""
    return ax.set_ylabel(arabic_text(s), parse_math=False, **kw)


def label_axes(ax, *, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None) -> None:
    """Set whichever of title, x label and y label is given, each through :func:`arabic_text`."""
    if title:
        arabic_title(ax, title)
    if xlabel:
        arabic_xlabel(ax, xlabel)
    if ylabel:
        arabic_ylabel(ax, ylabel)


def arabic_legend(ax, handles=None, labels: Iterable[Any] | None = None, **kw):
    """``ax.legend`` with every label through :func:`arabic_text` (safe on labels already shaped).

    Without ``handles``/``labels`` it collects the Axes' labelled artists. Laid out right to left by
    default (key right of its label, right-aligned title). Returns the Legend, or None when there is
    nothing to show.
    """
    if handles is None:
        handles, found = ax.get_legend_handles_labels()
        labels = found if labels is None else labels
    if labels is None:
        labels = [h.get_label() for h in handles]
    labels = [arabic_text(lb) for lb in labels]
    if not handles:
        return None
    if "title" in kw and kw["title"] is not None:
        kw["title"] = arabic_text(kw["title"])
    kw.setdefault("markerfirst", False)  # right to left: the key to the right of its label
    kw.setdefault("alignment", "right")
    legend = ax.legend(handles, labels, **kw)
    for t in legend.get_texts():
        t.set_parse_math(False)
    return legend


def arabic_annotate(ax, s: str, xy, **kw):
    """``ax.annotate`` through :func:`arabic_text` (quotes, notes on a chart); returns the Annotation."""
    kw.setdefault("parse_math", False)
    return ax.annotate(arabic_text(s), xy, **kw)


@functools.lru_cache(maxsize=2)
def _outlet_rows() -> tuple[tuple[str, str, str], ...]:
    from analysis.resources import read_table

    return tuple((r["source"], r["name_ar"], r["name_en"]) for r in read_table("plotting", "outlets.csv"))


def outlet_names(*, language: str = "ar") -> dict[str, str]:
    """Display names of news outlets keyed by the corpus' ``source`` value (``resources/plotting/outlets.csv``).

    ``language`` is "ar" or "en". Use as ``series_labels=``/``category_labels=`` of the chart functions.
    """
    if language not in ("ar", "en"):
        raise ValueError(f"language must be 'ar' or 'en', got {language!r}")
    return {src: (ar if language == "ar" else en) for src, ar, en in _outlet_rows()}


def arabic_text_problems(fig) -> list[str]:
    """Texts of ``fig`` that did not reach matplotlib through :func:`arabic_text` correctly (empty = fine).

    Draws the figure (so tick labels exist), then reports every visible text that still holds base Arabic
    letters where matplotlib does not shape (the helper was bypassed), or that holds reshaped presentation
    forms where it does (shaped twice / the classic recipe applied by hand). Use it in the tests of a chart
    module, and run those tests on both matplotlib lines (``.ci/mpl310.sh``).
    """
    from matplotlib.text import Text

    fig.canvas.draw()
    native = native_arabic_shaping()
    problems = []
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if not text or not artist.get_visible():
            continue
        if native and _SHAPED_LETTER_FORMS.search(text) and not _has_base_letters(text):
            problems.append(f"reshaped text on matplotlib {mpl.__version__} (drawn reversed): {text!r}")
        elif not native and _has_base_letters(text):
            problems.append(f"Arabic not passed through arabic_text (drawn unjoined, left to right): {text!r}")
    return problems


def category_colors(values: Iterable[Any], *, palette: Sequence[str] | None = None) -> dict[Any, str]:
    """A colour per distinct value, in order of first appearance, cycling through ``palette``."""
    palette = tuple(palette or PALETTE)
    out: dict[Any, str] = {}
    for v in values:
        if v not in out:
            out[v] = palette[len(out) % len(palette)]
    return out


def _new_axes(ax, *, figsize: tuple[float, float]):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, ax = plt.subplots(figsize=figsize)
    return ax


def _require(df: pd.DataFrame, *cols: str | None) -> None:
    missing = [c for c in cols if c is not None and c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not in the frame (it has {list(df.columns)})")


def _display(v: Any, mapping: Mapping[Any, str] | None) -> str:
    if mapping is not None and v in mapping:
        return mapping[v]
    return "" if v is None or (np.ndim(v) == 0 and pd.isna(v)) else str(v)


# --------------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------------


def plot_ranked_bars(
    df: pd.DataFrame,
    *,
    label: str,
    value: str,
    category: str | None = None,
    top_n: int | None = None,
    ax=None,
    digits: str = "western",
    title: str | None = None,
    xlabel: str | None = None,
    category_labels: Mapping[Any, str] | None = None,
    legend_title: str | None = None,
    color: str = PALETTE[0],
    palette: Sequence[str] | None = None,
    decimals: int | None = None,
    mirror: bool = False,
):
    """Horizontal bars of ``value`` per ``label``, largest on top, each bar labelled with its value.

    In: one row per label (labels must be unique: aggregate first); ``category`` (optional) colours the
    bars and makes a legend, its values shown through ``category_labels`` (e.g. ``{"person": "شخص"}``)
    when given. Ties are broken by label so the order is deterministic. ``mirror=True`` lays the chart out
    right to left (labels on the right, bars growing leftwards), as in Arabic print. Out: the Axes.
    """
    _check_digits(digits)
    _require(df, label, value, category)
    dup = df[label][df[label].duplicated()]
    if len(dup):
        raise ValueError(f"plot_ranked_bars: labels must be unique, repeated: {sorted(map(str, dup.unique()))[:5]}")
    cols = [label, value] + ([category] if category else [])
    data = df[cols].dropna(subset=[value])
    data = data.assign(_v=pd.to_numeric(data[value]), _l=data[label].astype(str))
    data = data.sort_values(["_v", "_l"], ascending=[False, True], kind="mergesort")
    if top_n is not None:
        data = data.head(top_n)
    n = len(data)
    ax = _new_axes(ax, figsize=(7.0, max(2.2, 0.34 * n + 1.2)))
    ypos = np.arange(n)[::-1]  # first row (largest) on top
    if category:
        colors_by_cat = category_colors(data[category].tolist(), palette=palette)
        colors = [colors_by_cat[c] for c in data[category]]
    else:
        colors = [color] * n
    widths = data["_v"].to_numpy(dtype=float)
    ax.barh(ypos, widths, color=colors, height=0.72)
    for y, w in zip(ypos, widths):  # value at the bar's end, outside it (mirror: to its left on screen)
        ax.annotate(arabic_text(format_number(w, digits=digits, decimals=decimals)), (w, y),
                    xytext=(-3 if mirror else 3, 0), textcoords="offset points", va="center",
                    ha="right" if mirror else "left", fontsize="small", parse_math=False)
    set_arabic_ticklabels(ax, data[label].tolist(), axis="y", positions=ypos)
    vmax = max(float(data["_v"].max()), 0.0) if n else 0.0
    vmin = min(float(data["_v"].min()), 0.0) if n else 0.0
    ax.set_xlim(vmin * 1.15, vmax * 1.15 if vmax > 0 else (0.0 if vmin < 0 else 1.0))
    ax.set_ylim(-0.6, n - 0.4)
    if n and np.allclose(data["_v"], np.round(data["_v"])):  # counts: no 0.5 ticks
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=_NICE_STEPS))
    ax.xaxis.set_major_formatter(_digit_formatter(digits))
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    if mirror:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    if category:
        from matplotlib.patches import Patch

        handles = [Patch(color=c) for c in colors_by_cat.values()]
        labels = [_display(k, category_labels) for k in colors_by_cat]
        where = {"loc": "upper right", "bbox_to_anchor": (-0.01, 1.0)} if mirror else \
            {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
        arabic_legend(ax, handles, labels, title=legend_title, **where)
    label_axes(ax, title=title, xlabel=xlabel)
    return ax


_FREQ = {"D": "D", "W": "W-SUN", "M": "M"}  # W: weeks Monday..Sunday, plotted at their Monday


def _date_axis(ax, *, date_labels: str, digits: str) -> None:
    """Date ticks on x: Arabic month names (``date_labels="arabic"``) or matplotlib's concise English ones."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    if date_labels not in ("arabic", "latin"):
        raise ValueError(f"date_labels must be 'arabic' or 'latin', got {date_labels!r}")
    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    if date_labels == "arabic":
        ax.xaxis.set_major_formatter(ArabicDateFormatter(digits=digits))
    else:
        concise = ConciseDateFormatter(locator)
        ax.xaxis.set_major_formatter(_TranslateDigits(concise) if digits == "arabic-indic" else concise)


def plot_time_series(
    df: pd.DataFrame,
    *,
    date: str,
    value: str | None = None,
    series: str | None = None,
    freq: str = "D",
    ax=None,
    tz: str | None = None,
    series_order: Sequence[Any] | None = None,
    top_series: int | None = None,
    other_label: str = "أخرى",
    series_labels: Mapping[Any, str] | None = None,
    digits: str = "western",
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend_title: str | None = None,
    palette: Sequence[str] | None = None,
    marker: str | None = "o",
    date_labels: str = "arabic",
):
    """Counts (rows, or the sum of ``value``) per day/week/month (``freq`` "D"/"W"/"M"), one line per ``series``.

    In: a frame with a datetime-like ``date`` column (rows with no date are left out). Timezone-aware
    dates are converted to ``tz`` (when given) and then counted on their wall-clock calendar, so pass
    e.g. ``tz="Asia/Riyadh"`` to count local days. Periods with nothing in them are drawn as 0.
    ``top_series`` keeps the largest series and sums the rest as ``other_label`` (drawn grey, dashed).
    Date ticks use Arabic month names (``date_labels="latin"``: matplotlib's concise English ones). Out: the Axes.
    """
    _check_digits(digits)
    if freq not in _FREQ:
        raise ValueError(f"freq must be one of {tuple(_FREQ)}, got {freq!r}")
    _require(df, date, value, series)
    when = pd.to_datetime(df[date])
    if getattr(when.dt, "tz", None) is not None:
        when = (when.dt.tz_convert(tz) if tz else when).dt.tz_localize(None)
    period = when.dt.to_period(_FREQ[freq])
    data = pd.DataFrame({
        "period": period,
        "series": df[series].astype("string").fillna("؟").to_numpy() if series else "",
        "v": pd.to_numeric(df[value]).to_numpy() if value else 1,
    }).dropna(subset=["period"])
    totals = data.groupby("series")["v"].sum()
    if series_order is not None:
        order = [str(s) for s in series_order if str(s) in totals.index]
    else:
        order = sorted(totals.index, key=lambda s: (-totals[s], s))
    if top_series is not None and len(order) > top_series:
        keep = set(order[:top_series])
        data = data.assign(series=data["series"].where(data["series"].isin(keep), other_label))
        order = order[:top_series] + [other_label]
    table = data.pivot_table(index="period", columns="series", values="v", aggfunc="sum", fill_value=0)
    if len(table):
        full = pd.period_range(table.index.min(), table.index.max(), freq=_FREQ[freq])
        table = table.reindex(full, fill_value=0)
    x = table.index.to_timestamp(how="start") if len(table) else pd.DatetimeIndex([])
    ax = _new_axes(ax, figsize=(7.5, 3.8))
    grouped = top_series is not None and other_label in order
    colors = category_colors([o for o in order if not (grouped and o == other_label)], palette=palette)
    colors[other_label] = colors.get(other_label, "#8C8C8C")
    for name in order:
        if name not in table.columns:
            continue
        shown = _display(name, series_labels) if series else ""
        is_other = grouped and name == other_label  # the rest, summed: grey and dashed, not a peer series
        ax.plot(x, table[name].to_numpy(), color=colors[name], marker=marker, markersize=3.5,
                linewidth=1.2 if is_other else 1.6, linestyle="--" if is_other else "-",
                label=arabic_text(shown) if series else "_nolegend_")
    _date_axis(ax, date_labels=date_labels, digits=digits)
    ax.yaxis.set_major_locator(MaxNLocator(integer=value is None, steps=_NICE_STEPS))
    ax.yaxis.set_major_formatter(_digit_formatter(digits))
    if len(x) == 1:  # one period: give it room instead of an automatic multi-year axis
        one = pd.Period(table.index[0], freq=_FREQ[freq])
        ax.set_xlim((one - 1).start_time, (one + 1).start_time)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    if series and len(order) > 1:
        outside = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)} if len(order) > 3 else {}
        arabic_legend(ax, title=legend_title, **outside)
    label_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    return ax


def plot_heatmap(
    df: pd.DataFrame,
    *,
    row: str | None = None,
    col: str | None = None,
    value: str | None = None,
    ax=None,
    annotate: bool = True,
    digits: str = "western",
    decimals: int | None = None,
    row_order: Sequence[Any] | None = None,
    col_order: Sequence[Any] | None = None,
    cmap: Any = "Blues",
    colorbar: bool = True,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    hide_zeros: bool = False,
):
    """A heatmap of a rows × columns table with Arabic row and column labels, cells annotated with values.

    In: either a pivoted frame (index = row labels, columns = column labels, numeric cells), or, with
    ``row``, ``col`` and ``value`` (or ``value=None`` to count rows) naming columns, a long frame that is
    summed into that shape (missing cells 0). ``row_order``/``col_order`` pick and order labels (default:
    the pivoted frame's order; long form: by total, largest first). NaN cells are grey and not
    annotated; ``hide_zeros`` leaves zero cells unannotated too. Out: the Axes.
    """
    _check_digits(digits)
    if row is not None or col is not None:
        if row is None or col is None:
            raise ValueError("long form needs both row= and col= (value= optional: counts rows)")
        _require(df, row, col, value)
        long = pd.DataFrame({"r": df[row].to_numpy(), "c": df[col].to_numpy(),
                             "v": pd.to_numeric(df[value]).to_numpy() if value else 1})
        table = long.pivot_table(index="r", columns="c", values="v", aggfunc="sum", fill_value=0)
        rt, ct = table.sum(axis=1), table.sum(axis=0)
        table = table.loc[sorted(table.index, key=lambda k: (-rt[k], str(k))),
                          sorted(table.columns, key=lambda k: (-ct[k], str(k)))]
    else:
        table = df.apply(pd.to_numeric)
    if row_order is not None:
        table = table.reindex(index=list(row_order), fill_value=0)
    if col_order is not None:
        table = table.reindex(columns=list(col_order), fill_value=0)
    values = table.to_numpy(dtype=float)
    nr, nc = values.shape
    ax = _new_axes(ax, figsize=(max(4.0, 0.75 * nc + 2.5), max(3.0, 0.45 * nr + 1.6)))
    colormap = (mpl.colormaps[cmap] if isinstance(cmap, str) else cmap).with_extremes(bad="#E6E6E6")  # NaN grey
    image = ax.imshow(values, cmap=colormap, aspect="auto", vmin=vmin, vmax=vmax, interpolation="nearest")
    set_arabic_ticklabels(ax, table.index.tolist(), axis="y")
    set_arabic_ticklabels(ax, table.columns.tolist(), axis="x", rotation=40, ha="right", rotation_mode="anchor")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate and values.size:
        norm = image.norm
        for i in range(nr):
            for j in range(nc):
                v = values[i, j]
                if np.isnan(v) or (hide_zeros and v == 0):
                    continue
                dark = norm(v) > 0.6
                ax.text(j, i, arabic_text(format_number(v, digits=digits, decimals=decimals)),
                        ha="center", va="center", fontsize="small", color="white" if dark else "#222222",
                        parse_math=False)
    if colorbar:
        cb = ax.figure.colorbar(image, ax=ax, shrink=0.85, pad=0.02)
        cb.formatter = _digit_formatter(digits)
        cb.update_ticks()
        cb.outline.set_visible(False)
    label_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    return ax


_TIMEX_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMEX_MONTH = re.compile(r"^\d{4}-\d{2}$")
_TIMEX_YEAR = re.compile(r"^\d{4}$")


def _period_bounds(v: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(start, end-exclusive) of a value: a TIMEX-like string at day/month/year grain spans its period;
    a timestamp is an instant (start == end). None for NA/unparseable."""
    if v is None or (np.ndim(v) == 0 and pd.isna(v)):
        return None
    if isinstance(v, str):
        s = v.strip()
        for rx, freq in ((_TIMEX_DAY, "D"), (_TIMEX_MONTH, "M"), (_TIMEX_YEAR, "Y")):
            if rx.match(s):
                p = pd.Period(s, freq=freq)
                return p.start_time.normalize(), (p + 1).start_time.normalize()
        try:
            t = pd.Timestamp(s)
        except ValueError:
            return None
    else:
        t = pd.Timestamp(v)
    if t.tzinfo is not None:
        t = t.tz_localize(None)
    return t, t


def plot_intervals(
    df: pd.DataFrame,
    *,
    start: str,
    end: str | None,
    lane: str,
    label: str | None = None,
    color: str | None = None,
    ax=None,
    lane_order: Sequence[Any] | None = None,
    color_labels: Mapping[Any, str] | None = None,
    legend_title: str | None = None,
    palette: Sequence[str] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    digits: str = "western",
    date_labels: str = "arabic",
):
    """A timeline: one horizontal lane per ``lane`` value, each row drawn as a bar from ``start`` to ``end``.

    In: ``start``/``end`` hold timestamps (``end`` exclusive, as ``date_end`` in the timex table) or
    TIMEX-like strings ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``, which cover their whole period — a month-level
    date is a bar spanning its month; a string ``end`` is inclusive of its period. ``end`` NA (or
    ``end=None``) takes the end of ``start``'s period; an interval of zero length (an instant) is drawn as a
    diamond marker. ``label`` (optional) writes text next to each item; ``color`` (optional) names a column
    whose values colour the items, with a legend. Rows without a usable start are left out. Date ticks as in
    :func:`plot_time_series`. Out: the Axes.
    """
    _require(df, start, end, lane, label, color)
    rows = []
    for i in range(len(df)):
        s = _period_bounds(df[start].iat[i])
        if s is None:
            continue
        e = _period_bounds(df[end].iat[i]) if end is not None else None
        stop = s[1] if e is None else (e[1] if isinstance(df[end].iat[i], str) else e[0])
        stop = max(stop, s[0])
        rows.append((df[lane].iat[i], s[0], stop,
                     df[label].iat[i] if label else None, df[color].iat[i] if color else None))
    lanes_seen = list(dict.fromkeys(r[0] for r in rows))
    lanes = [x for x in lane_order if x in set(lanes_seen)] if lane_order is not None else lanes_seen
    ax = _new_axes(ax, figsize=(8.0, max(2.4, 0.5 * len(lanes) + 1.4)))
    ypos = {ln: len(lanes) - 1 - k for k, ln in enumerate(lanes)}  # first lane on top
    colors = category_colors([r[4] for r in rows], palette=palette) if color else {}
    import matplotlib.dates as mdates

    # one barh call and one marker call per colour (not one artist per row: thousands of events stay fast)
    bars: dict[str, tuple[list, list, list]] = {}
    points: dict[str, tuple[list, list]] = {}
    for ln, t0, t1, text, c in rows:
        if ln not in ypos:
            continue
        y = ypos[ln]
        fc = colors.get(c, PALETTE[0]) if color else PALETTE[0]
        x0 = mdates.date2num(t0)
        if t1 > t0:
            ys, lefts, widths = bars.setdefault(fc, ([], [], []))
            ys.append(y)
            lefts.append(x0)
            widths.append(mdates.date2num(t1) - x0)
            x_text = mdates.date2num(t1)
        else:
            xs, ys = points.setdefault(fc, ([], []))
            xs.append(x0)
            ys.append(y)
            x_text = x0
        if label and text is not None and not (np.ndim(text) == 0 and pd.isna(text)):
            ax.annotate(arabic_text(str(text)), (x_text, y), xytext=(5, 0), textcoords="offset points",
                        va="center", ha="left", fontsize="small", parse_math=False, annotation_clip=False)
    for fc, (ys, lefts, widths) in bars.items():
        # the edge keeps a one-day bar visible on a multi-year axis
        ax.barh(ys, widths, left=lefts, height=0.5, color=fc, edgecolor=fc, linewidth=0.8, alpha=0.85)
    for fc, (xs, ys) in points.items():
        ax.plot(xs, ys, marker="D", markersize=7, color=fc, linestyle="none")
    ax.xaxis_date()
    _date_axis(ax, date_labels=date_labels, digits=digits)
    set_arabic_ticklabels(ax, lanes, axis="y", positions=[ypos[ln] for ln in lanes])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    if rows:
        t_lo = min(r[1] for r in rows)
        t_hi = max(r[2] for r in rows)
        pad = max((t_hi - t_lo) * 0.06, pd.Timedelta(days=3))
        ax.set_xlim(mdates.date2num(t_lo - pad), mdates.date2num(t_hi + pad * 3))
    if color:
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], color=c, marker="s", linestyle="none", markersize=8) for c in colors.values()]
        arabic_legend(ax, handles, [_display(k, color_labels) for k in colors], title=legend_title,
                      loc="upper left", bbox_to_anchor=(1.0, 1.0))
    label_axes(ax, title=title, xlabel=xlabel)
    return ax


# --------------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------------


_SAVE_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.hashsalt": "arabic-news-analysis"}
_METADATA = {"pdf": {"CreationDate": None}, "svg": {"Date": None}, "png": {}}


def save_figure(
    fig,
    name: str,
    *,
    out_dir: str | Path,
    formats: Sequence[str] = _FORMATS,
    dpi: int = 200,
    svg_text_as_paths: bool = True,
    bbox_inches: str | None = "tight",
) -> list[Path]:
    """Write ``fig`` as ``<out_dir>/<name>.<fmt>`` for every format; returns the paths in ``formats`` order.

    Each file is written to a temporary file in the same folder and moved into place in one step, so no
    half-written figure ever exists under its final name. PDF embeds TrueType fonts (``pdf.fonttype`` 42:
    Arabic shows in any viewer); SVG draws text as paths unless ``svg_text_as_paths=False`` (then it needs
    the fonts where it is viewed). Output is deterministic (no dates in PDF/SVG metadata, fixed SVG ids).
    ``out_dir`` is created. Run figures go under ``<out>/figures/``; curated ones under ``figures/``.
    """
    from analysis.files import atomic_path

    if not name or Path(name).name != name or name in {".", ".."}:
        raise ValueError(f"name must be a plain file stem without folders, got {name!r}")
    fmts = [f.lower().lstrip(".") for f in formats]
    unknown = [f for f in fmts if f not in _FORMATS]
    if unknown:
        raise ValueError(f"unsupported format(s) {unknown}; choose from {_FORMATS}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rc = dict(_SAVE_RC, **{"svg.fonttype": "path" if svg_text_as_paths else "none"})
    paths = []
    with mpl.rc_context(rc):
        for fmt in fmts:
            path = out / f"{name}.{fmt}"
            with atomic_path(path) as tmp:
                if fmt == "svg":
                    buf = io.StringIO()
                    fig.savefig(buf, format="svg", dpi=dpi, bbox_inches=bbox_inches, metadata=_METADATA["svg"])
                    tmp.write_text(_svg_size_in_px(buf.getvalue()), encoding="utf-8")
                else:
                    fig.savefig(tmp, format=fmt, dpi=dpi, bbox_inches=bbox_inches, metadata=_METADATA[fmt])
                os.chmod(tmp, 0o666 & ~_umask())  # the temp file is private (0600); a figure is not
            paths.append(path)
    return paths


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_SVG_ROOT = re.compile(r"<svg\b[^>]*>")
_SVG_SIZE = re.compile(r'\b(width|height)="([0-9.]+)pt"')


def _svg_size_in_px(svg: str) -> str:
    """Give the root ``<svg>`` width/height in px instead of pt (the same physical size: 1pt = 4/3 px).

    matplotlib writes ``width="…pt"``; some rasterisers (resvg-py 0.5) reject anything but px, and a
    figure should open everywhere. Only the root element is touched.
    """
    root = _SVG_ROOT.search(svg)
    if root is None:
        return svg
    tag = _SVG_SIZE.sub(lambda m: f'{m.group(1)}="{float(m.group(2)) * 4 / 3:.4f}"', root.group(0))
    return svg[: root.start()] + tag + svg[root.end():]
