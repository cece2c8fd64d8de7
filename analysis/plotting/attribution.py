"""Sourcing charts: source types per outlet, anonymous sourcing per outlet and over time, most quoted speakers,
outlet × speaker heatmap.

Built on :mod:`analysis.plotting.core`: every Arabic string reaches matplotlib through ``arabic_text`` (via the
core helpers); each function returns the Axes and neither shows nor saves (use ``core.save_figure``).
Inputs are the attributions table (``analysis.attribution.extract_attributions``) and the articles table
(outlet in ``source``, time in ``published``); the aggregations are :mod:`analysis.attribution.summary`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.attribution.lexicon import SOURCE_TYPES
from analysis.attribution.summary import (
    NAMED_TYPES,
    SOURCE_TYPE_LABELS_AR,
    anonymous_share,
    outlet_speaker_table,
    source_type_table,
    speaker_counts,
)
from analysis.plotting.core import (
    ArabicDateFormatter,
    arabic_legend,
    arabic_text,
    arabic_title,
    arabic_xlabel,
    arabic_ylabel,
    category_colors,
    format_number,
    outlet_names,
    plot_heatmap,
    plot_ranked_bars,
    set_arabic_ticklabels,
)

#: one fixed colour per source type, so every chart of a report agrees (colour-blind-safe Okabe-Ito order)
TYPE_COLORS = dict(zip(SOURCE_TYPES, ("#0072B2", "#009E73", "#56B4E9", "#CC79A7", "#D55E00", "#E69F00", "#8C8C8C")))


def _axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize)[1]


def _outlet_label(v) -> str:
    names = outlet_names(language="ar")
    return names.get(v, str(v)) if v is not None and not (np.ndim(v) == 0 and pd.isna(v)) else "؟"


def _period_locator(periods: pd.Series, freq: str):
    """Ticks on period starts only (one label per day / week / month), at most about eight."""
    from matplotlib.dates import MO, DayLocator, MonthLocator, WeekdayLocator

    span = (pd.to_datetime(periods).max() - pd.to_datetime(periods).min()).days + 1 if len(periods) else 1
    if freq == "M":
        return MonthLocator(interval=max(1, span // 240))
    if freq == "W":
        return WeekdayLocator(byweekday=MO, interval=max(1, span // 56))
    return DayLocator(interval=max(1, span // 8))


def _percent(v: float, digits: str) -> str:
    return format_number(100 * v, digits=digits, decimals=0) + "٪"


def plot_source_types_by_outlet(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, ax=None,
                                by: str = "source", min_attributions: int = 1, top_n: int | None = None,
                                digits: str = "western", title: str | None = "أنواع المصادر في كل وسيلة",
                                mirror: bool = True, annotate_min: float = 0.08):
    """Stacked horizontal bars: for each outlet (``by``) the share of its attributions by source type.

    Outlets with fewer than ``min_attributions`` attributions are left out; ``top_n`` keeps the outlets with
    the most attributions. Shares of at least ``annotate_min`` are written in their segment; each bar's
    number of attributions is written at its end. ``mirror=True`` (default) stacks right to left, as Arabic
    reads. Out: the Axes.
    """
    table = source_type_table(attributions, articles, by=by, shares=True)
    table = table[table["total"] >= min_attributions]
    if top_n is not None:
        table = table.head(top_n)
    if table.empty:
        raise ValueError("no attributions to plot")
    n = len(table)
    ax = _axes(ax, (8.0, max(2.4, 0.42 * n + 1.4)))
    ypos = np.arange(n)[::-1]
    left = np.zeros(n)
    handles = []
    for typ in SOURCE_TYPES:
        widths = table[typ].to_numpy(dtype=float)
        if not widths.any():
            continue
        bars = ax.barh(ypos, widths, left=left, color=TYPE_COLORS[typ], height=0.72, edgecolor="white", linewidth=0.5)
        handles.append((bars, SOURCE_TYPE_LABELS_AR[typ]))
        for y, x0, w in zip(ypos, left, widths):
            if w >= annotate_min:
                ax.text(x0 + w / 2, y, arabic_text(_percent(w, digits)), ha="center", va="center", fontsize="x-small",
                        color="white", parse_math=False)
        left = left + widths
    for y, total in zip(ypos, table["total"]):
        ax.annotate(arabic_text(format_number(int(total), digits=digits)), (1.0, y), xytext=(-3 if mirror else 3, 0),
                    textcoords="offset points", va="center", ha="right" if mirror else "left", fontsize="x-small",
                    color="#555555", parse_math=False)
    set_arabic_ticklabels(ax, [_outlet_label(v) for v in table.index], axis="y", positions=ypos)
    ax.set_xlim(0, 1.08)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    set_arabic_ticklabels(ax, [_percent(v, digits) for v in (0, 0.25, 0.5, 0.75, 1.0)], axis="x",
                          positions=[0, 0.25, 0.5, 0.75, 1.0])
    ax.tick_params(axis="y", length=0)
    if mirror:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    where = {"loc": "upper right", "bbox_to_anchor": (-0.02, 1.0)} if mirror else {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
    arabic_legend(ax, [h for h, _ in handles], [lb for _, lb in handles], title="نوع المصدر", **where)
    if title:
        arabic_title(ax, title)
    return ax


def plot_anonymous_share_by_outlet(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, ax=None,
                                   by: str = "source", min_attributions: int = 20, digits: str = "western",
                                   types: tuple[str, ...] = ("anonymous",), mirror: bool = True,
                                   title: str | None = "نسبة المصادر المجهولة في كل وسيلة"):
    """Ranked bars: the percentage of each outlet's attributions that rest on anonymous sources (``types``).

    Outlets with fewer than ``min_attributions`` attributions are left out (a share of 3 is noise). Out: the Axes.
    """
    df = anonymous_share(attributions, articles, by=by, types=types)
    df = df[df["n"] >= min_attributions]
    if df.empty:
        raise ValueError(f"no outlet has {min_attributions} attributions or more")
    df = df.assign(label=[_outlet_label(v) for v in df[by]], percent=100 * df["share"])
    return plot_ranked_bars(df, label="label", value="percent", ax=ax, digits=digits, decimals=1, title=title,
                            xlabel="٪ من الإسنادات", mirror=mirror)


def plot_anonymous_share_over_time(attributions: pd.DataFrame, articles: pd.DataFrame, *, ax=None, freq: str = "W",
                                   by: str | None = None, top_series: int = 5, tz: str | None = None,
                                   min_attributions: int = 10, types: tuple[str, ...] = ("anonymous",),
                                   digits: str = "western", title: str | None = "نسبة المصادر المجهولة عبر الزمن"):
    """Lines: the share of anonymous sourcing per period (``freq`` "D"/"W"/"M"), overall or per outlet (``by``,
    the ``top_series`` outlets with the most attributions). Periods with fewer than ``min_attributions``
    attributions are gaps (not zeros). Out: the Axes.
    """
    df = anonymous_share(attributions, articles, by=by, freq=freq, types=types, tz=tz)
    if df.empty:
        raise ValueError("no dated attributions to plot")
    ax = _axes(ax, (7.5, 3.8))
    if by:
        totals = df.groupby(by)["n"].sum().sort_values(ascending=False, kind="mergesort")
        series = totals.index[:top_series].tolist()
    else:
        series = [None]
    colors = category_colors(series)
    for s in series:
        part = df if s is None else df[df[by] == s]
        part = part.set_index("period").sort_index()
        full = pd.date_range(part.index.min(), part.index.max(), freq={"W": "W-MON", "M": "MS"}.get(freq, freq))
        part = part.reindex(part.index.union(full))
        y = part["share"].where(part["n"] >= min_attributions) * 100
        ax.plot(part.index, y.to_numpy(dtype=float), marker="o", markersize=3.5, linewidth=1.6, color=colors[s],
                label=arabic_text(_outlet_label(s)) if s is not None else "_nolegend_")
    ax.xaxis.set_major_locator(_period_locator(df["period"], freq))
    ax.xaxis.set_major_formatter(ArabicDateFormatter(digits=digits))
    ax.set_ylim(bottom=0)
    ticks = ax.get_yticks()
    set_arabic_ticklabels(ax, [format_number(t, digits=digits, decimals=0) + "٪" for t in ticks], axis="y", positions=ticks)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    if by and len(series) > 1:
        arabic_legend(ax, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    arabic_ylabel(ax, "٪ من الإسنادات")
    if title:
        arabic_title(ax, title)
    return ax


def plot_top_speakers(attributions: pd.DataFrame, *, top_n: int = 20, ax=None, types: tuple[str, ...] = NAMED_TYPES,
                      digits: str = "western", mirror: bool = True, title: str | None = "أكثر المتحدثين اقتباسا"):
    """Ranked bars: the ``top_n`` speakers by number of attributions (anaphoric cues counted for their speaker),
    coloured by source type. Only speakers with a name by default (``types``). Out: the Axes.
    """
    counts = speaker_counts(attributions, types=types).head(top_n)
    if counts.empty:
        raise ValueError("no named speakers to plot")
    dup = counts["label"].duplicated(keep=False)
    counts.loc[dup, "label"] = counts.loc[dup, "label"] + " (" + counts.loc[dup, "speaker"].str.split(":").str[-1] + ")"
    types_present = [t for t in SOURCE_TYPES if t in set(counts["source_type"])]
    return plot_ranked_bars(counts, label="label", value="n", category="source_type", ax=ax, digits=digits,
                            title=title, xlabel="عدد الإسنادات", category_labels=SOURCE_TYPE_LABELS_AR,
                            legend_title="نوع المصدر", palette=[TYPE_COLORS[t] for t in types_present], mirror=mirror)


def plot_outlet_speaker_heatmap(attributions: pd.DataFrame, articles: pd.DataFrame, *, top_n: int = 15, ax=None,
                                by: str = "source", types: tuple[str, ...] = NAMED_TYPES, shares: bool = False,
                                digits: str = "western", title: str | None = "من تقتبس كل وسيلة"):
    """Heatmap: outlets (columns) × the ``top_n`` speakers overall (rows), cells the number of attributions
    (``shares=True``: the share of the outlet's attributions to these speakers, in percent). Out: the Axes.
    """
    long = outlet_speaker_table(attributions, articles, top_n=top_n, by=by, types=types)
    if long.empty:
        raise ValueError("no named speakers to plot")
    long = long.assign(outlet=[_outlet_label(v) for v in long[by]])
    table = long.pivot_table(index="label", columns="outlet", values="n", aggfunc="sum", fill_value=0)
    row_order = long.groupby("label")["n"].sum().sort_values(ascending=False, kind="mergesort").index.tolist()
    col_order = long.groupby("outlet")["n"].sum().sort_values(ascending=False, kind="mergesort").index.tolist()
    table = table.loc[row_order, col_order]
    if shares:
        table = 100 * table / table.sum(axis=0).where(table.sum(axis=0) > 0, 1)
    ax = plot_heatmap(table, ax=ax, digits=digits, decimals=0, hide_zeros=True, title=title)
    arabic_xlabel(ax, "الوسيلة")
    return ax
