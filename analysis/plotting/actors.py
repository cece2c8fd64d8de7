"""Actor charts: top actors coloured by type, mentions over time (per actor, per outlet), co-occurrence network.

Built on :mod:`analysis.plotting.core`: every Arabic string reaches matplotlib through ``arabic_text`` (via the
core helpers); each function returns the Axes and neither shows nor saves (use ``core.save_figure``).

Input frames are the outputs of :mod:`analysis.actors` (``count_mentions``, ``cooccurrence``) and the
mentions/articles tables.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.plotting.core import (
    arabic_legend,
    arabic_text,
    arabic_title,
    category_colors,
    plot_ranked_bars,
    plot_time_series,
)

#: Arabic names of the actor types (legend labels).
TYPE_LABELS_AR = {
    "person": "شخص",
    "organization": "منظمة",
    "country": "دولة",
    "location": "مكان",
    "group": "جماعة",
    "media": "وسيلة إعلام",
}
TYPE_ORDER = ("country", "person", "organization", "group", "location", "media")


def _axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize)[1]


def plot_top_actors(counts: pd.DataFrame, *, top_n: int = 20, ax=None, value: str = "mentions", title: str | None = "أكثر الفاعلين ذكرا",
                    digits: str = "western", mirror: bool = False):
    """Horizontal bars of the ``top_n`` actors, coloured by actor type.

    counts  ``count_mentions(mentions, by=("actor",))`` (columns actor_id, label_ar, actor_type, mentions);
            several rows per actor (from another ``by``) are summed first.
    """
    if counts.empty:
        raise ValueError("no mentions to plot")
    agg = counts.groupby(["actor_id", "label_ar", "actor_type"], dropna=False)[value].sum().reset_index()
    # two actors may share a label (عمان the country and the city): keep labels unique for the bars
    dup = agg["label_ar"].duplicated(keep=False)
    agg.loc[dup, "label_ar"] = agg.loc[dup, "label_ar"] + " (" + agg.loc[dup, "actor_type"].map(TYPE_LABELS_AR).fillna("") + ")"
    dup = agg["label_ar"].duplicated(keep=False)
    agg.loc[dup, "label_ar"] = agg.loc[dup, "label_ar"] + " " + agg.loc[dup, "actor_id"].str.split(":").str[-1]
    types = [t for t in TYPE_ORDER if t in set(agg["actor_type"])] + sorted(set(agg["actor_type"].dropna()) - set(TYPE_ORDER))
    return plot_ranked_bars(
        agg, label="label_ar", value=value, category="actor_type", top_n=top_n, ax=ax, digits=digits, title=title,
        category_labels={t: TYPE_LABELS_AR.get(t, t) for t in types}, legend_title="النوع", mirror=mirror,
    )


def plot_actor_timeline(mentions: pd.DataFrame, articles: pd.DataFrame, *, actor_ids=None, top_n: int = 5, freq: str = "D",
                        ax=None, title: str | None = "الإشارات إلى الفاعلين عبر الزمن", fields=("text",), digits: str = "western"):
    """Mentions per day (``freq="D"``) or week ("W") for each of the given actors (default: the ``top_n`` most
    mentioned). Dates are local publication days (``published`` in the article's ``timezone``)."""
    m = _with_local_time(mentions[mentions["field"].isin(list(fields))], articles)
    if actor_ids is None:
        actor_ids = list(m["actor_id"].value_counts().head(top_n).index)
    m = m[m["actor_id"].isin(list(actor_ids))]
    labels = dict(zip(m["actor_id"], m["label_ar"]))
    m = m.assign(series=m["actor_id"].map(labels))
    return plot_time_series(m, date="local_time", series="series", freq=freq, ax=ax, title=title,
                            series_order=[labels[a] for a in actor_ids if a in labels], digits=digits, ylabel="عدد الإشارات")


def plot_actor_by_outlet(mentions: pd.DataFrame, articles: pd.DataFrame, *, actor_id: str, freq: str = "D", top_outlets: int = 6,
                         ax=None, title: str | None = None, fields=("text",), digits: str = "western"):
    """Mentions of one actor over time, one line per outlet (``source``), the ``top_outlets`` largest."""
    m = _with_local_time(mentions[(mentions["actor_id"] == actor_id) & mentions["field"].isin(list(fields))], articles)
    if m.empty:
        raise ValueError(f"no mentions of {actor_id!r}")
    label = str(m["label_ar"].iloc[0])
    return plot_time_series(m, date="local_time", series="source", freq=freq, ax=ax, top_series=top_outlets,
                            title=title if title is not None else f"الإشارات إلى {label} حسب المصدر", digits=digits,
                            ylabel="عدد الإشارات")


def _with_local_time(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    a = articles[["article_id", "published", "timezone", "source"]].copy()
    a["article_id"] = a["article_id"].astype("string")
    pub = pd.to_datetime(a["published"], utc=True)
    local = pd.Series(pd.NaT, index=a.index, dtype="datetime64[ns]")
    for zone in pd.unique(a["timezone"].fillna("UTC")):
        sel = a["timezone"].fillna("UTC") == zone
        local[sel] = pub[sel].dt.tz_convert(zone).dt.tz_localize(None)
    a["local_time"] = local
    m = mentions.astype({"article_id": "string"}).merge(a[["article_id", "local_time", "source"]], on="article_id", how="left")
    return m.dropna(subset=["local_time"])


def plot_cooccurrence_network(pairs: pd.DataFrame, *, top_n: int = 15, ax=None, title: str | None = "شبكة الفاعلين المتزامنين",
                              min_count: int = 1, label_size: float = 9.0):
    """Co-occurrence network of the ``top_n`` actors (by weighted degree) on a circle: node size = total
    co-occurrences, edge width = pair count, node colour = actor type. matplotlib only (no networkx).

    pairs  ``cooccurrence(mentions, ...)`` (columns actor_a, actor_b, label_a, label_b, type_a, type_b, count).
    """
    ax = _axes(ax, (8, 8))
    p = pairs[pairs["count"] >= min_count]
    if p.empty:
        raise ValueError("no co-occurring pairs to plot")
    deg = pd.concat([p[["actor_a", "count"]].rename(columns={"actor_a": "a"}), p[["actor_b", "count"]].rename(columns={"actor_b": "a"})])
    deg = deg.groupby("a")["count"].sum().sort_values(ascending=False, kind="stable")
    nodes = list(deg.head(top_n).index)
    p = p[p["actor_a"].isin(nodes) & p["actor_b"].isin(nodes)]
    labels = dict(zip(p["actor_a"], p["label_a"])) | dict(zip(p["actor_b"], p["label_b"]))
    types = dict(zip(p["actor_a"], p["type_a"])) | dict(zip(p["actor_b"], p["type_b"]))
    nodes = [n for n in nodes if n in labels]
    angle = {n: math.pi / 2 - 2 * math.pi * i / max(len(nodes), 1) for i, n in enumerate(nodes)}
    pos = {n: (math.cos(a), math.sin(a)) for n, a in angle.items()}
    wmax = float(p["count"].max())
    for r in p.itertuples():
        (x1, y1), (x2, y2) = pos[r.actor_a], pos[r.actor_b]
        ax.plot([x1, x2], [y1, y2], color="#888888", alpha=0.35 + 0.5 * r.count / wmax, lw=0.5 + 5 * r.count / wmax, zorder=1)
    colors = category_colors([t for t in TYPE_ORDER if t in set(types.values())] + sorted(set(types.values()) - set(TYPE_ORDER)))
    sizes = np.array([deg[n] for n in nodes], dtype=float)
    sizes = 150 + 1200 * sizes / sizes.max()
    for n, s in zip(nodes, sizes):
        ax.scatter(*pos[n], s=s, color=colors[types[n]], zorder=2, edgecolor="white", linewidth=1)
        x, y = pos[n]
        ax.text(1.18 * x, 1.18 * y, arabic_text(str(labels[n])), ha="center", va="center", fontsize=label_size, zorder=3)
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.5, 1.5)
    ax.set_aspect("equal")
    ax.axis("off")
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", ls="", color=c, markersize=9) for c in colors.values()]
    arabic_legend(ax, handles, [TYPE_LABELS_AR.get(t, t) for t in colors], loc="lower right", frameon=False)
    if title:
        arabic_title(ax, title)
    return ax
