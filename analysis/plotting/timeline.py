"""Timeline charts: events over the interval their date covers, publication volume, one actor's timeline.

Built on :mod:`analysis.plotting.core` (every Arabic string goes through its helpers). Each function takes
the project's tables, returns the Axes, and neither shows nor saves (use ``core.save_figure``)::

    plot_event_timeline(events, *, lanes="event_type" | "actor", ...)   time on x, one lane per type/actor
    plot_publication_volume(articles, *, freq="D", ...)                 articles per day/week/month by outlet
    plot_actor_timeline(events, actor_id, ...)                          the events of one actor, by type

An event is drawn over ``[date_start, date_end)``: a month-level date spans its month, a day a day.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.events import event_type_labels
from analysis.plotting.core import outlet_names, plot_intervals, plot_time_series

__all__ = ["explode_actors", "plot_actor_timeline", "plot_event_timeline", "plot_publication_volume"]

_SOURCE_LABELS = {"timex": "تاريخ من النص", "published": "تاريخ النشر", "none": "بلا تاريخ"}


def explode_actors(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, actor): the events frame with an ``actor_id`` column (events with no actor left out).
    The input is not modified."""
    if len(events) == 0:
        return events.assign(actor_id=pd.Series(dtype="string"))
    out = events.assign(actor_id=events["actor_ids"]).explode("actor_id")
    return out[out["actor_id"].notna()].reset_index(drop=True)


def plot_event_timeline(
    events: pd.DataFrame,
    *,
    lanes: str = "event_type",
    color: str | None = None,
    actor_labels: Mapping[str, str] | None = None,
    top_lanes: int | None = 12,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    ax=None,
    title: str | None = None,
    digits: str = "western",
):
    """Events on a time axis, one lane per event type (``lanes="event_type"``) or per actor (``"actor"``).

    In: the events table (EVENTS columns); rows without ``date_start`` are left out; ``start``/``end``
    restrict to events overlapping that window. Each event is a bar over ``[date_start, date_end)``.
    ``color`` names the colouring column: by default ``date_source`` for type lanes (text date or
    publication date) and ``event_type`` for actor lanes. ``actor_labels`` maps actor_id → display name
    (e.g. from the mentions' ``label_ar``); ``top_lanes`` keeps the lanes with most events. Out: the Axes.
    """
    if lanes not in ("event_type", "actor"):
        raise ValueError(f"lanes must be 'event_type' or 'actor', got {lanes!r}")
    df = events[events["date_start"].notna()]
    if start is not None:
        df = df[df["date_end"] > pd.Timestamp(start)]
    if end is not None:
        df = df[df["date_start"] < pd.Timestamp(end)]
    types = event_type_labels()
    if lanes == "actor":
        df = explode_actors(df)
        lane_values = df["actor_id"].map(lambda a: (actor_labels or {}).get(a, a))
        color = color or "event_type"
    else:
        lane_values = df["event_type"].map(lambda t: types.get(t, t))
        color = color or "date_source"
    df = df.assign(_lane=lane_values.astype("string"))
    order = df["_lane"].value_counts().index.tolist()
    if top_lanes is not None:
        order = order[:top_lanes]
        df = df[df["_lane"].isin(order)]
    color_labels = {**types, **_SOURCE_LABELS} if color in ("event_type", "date_source") else None
    return plot_intervals(df, start="date_start", end="date_end", lane="_lane", color=color, lane_order=order,
                          color_labels=color_labels, ax=ax, title=title, digits=digits,
                          legend_title="المصدر" if color == "date_source" else None)


def plot_publication_volume(
    articles: pd.DataFrame,
    *,
    freq: str = "D",
    top_outlets: int | None = 8,
    tz: str | None = None,
    ax=None,
    title: str | None = None,
    digits: str = "western",
):
    """Articles published per day / week / month (``freq`` "D"/"W"/"M"), one line per outlet (``source``).

    In: the articles table; articles without ``published`` are left out. Dates are counted on the local
    calendar of ``tz`` (default: the most common ``timezone`` of the articles). ``top_outlets`` keeps the
    largest outlets and sums the rest. Outlet names come from ``core.outlet_names()``. Out: the Axes.
    """
    df = articles[articles["published"].notna()]
    if tz is None and "timezone" in df and df["timezone"].notna().any():
        tz = str(df["timezone"].mode().iat[0])
    df = df.assign(source=df["source"].astype("string").fillna("؟"))
    return plot_time_series(df, date="published", series="source", freq=freq, tz=tz, top_series=top_outlets,
                            series_labels=outlet_names(), ax=ax, title=title, digits=digits)


def plot_actor_timeline(
    events: pd.DataFrame,
    actor_id: str,
    *,
    actor_label: str | None = None,
    ax=None,
    digits: str = "western",
):
    """The events in which ``actor_id`` takes part (is in ``actor_ids``), one lane per event type, coloured
    by where the date came from. The title names the actor (``actor_label``, default the id). Out: the Axes."""
    mask = events["actor_ids"].map(lambda ids: actor_id in list(ids) if ids is not None else False)
    title = actor_label or actor_id
    return plot_event_timeline(events[mask.astype(bool)], lanes="event_type", ax=ax, title=title, digits=digits)
