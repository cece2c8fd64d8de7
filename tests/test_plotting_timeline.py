"""Smoke tests for analysis.plotting.timeline on small inline tables (the charts draw, Arabic goes through
the one helper, bars cover the date interval)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import pandas as pd
import pytest

from analysis.plotting.core import arabic_text_problems
from analysis.plotting.timeline import (
    explode_actors,
    plot_actor_timeline,
    plot_event_timeline,
    plot_publication_volume,
)
from analysis.schema import conform


@pytest.fixture
def events() -> pd.DataFrame:
    return conform(pd.DataFrame({
        "article_id": ["a", "a", "b"], "field": ["text"] * 3, "sentence_index": [0, 1, 0], "start": [0, 10, 0],
        "end": [3, 17, 6], "trigger": ["زار", "اجتماع", "تصويت"], "event_type": ["visit", "meeting", "vote"],
        "actor_ids": [["Q1", "Q2"], ["Q1"], []],
        "date_start": pd.to_datetime(["2016-09-30", "2016-10-01", "2016-11-30"]),
        "date_end": pd.to_datetime(["2016-12-01", "2016-11-01", "2016-12-01"]),
        "date_source": ["timex", "timex", "published"], "text": ["زار", "اجتماع", "تصويت"],
    }), "events")


def test_event_timeline_by_type_spans_the_interval(events):
    ax = plot_event_timeline(events)
    assert arabic_text_problems(ax.figure) == []
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [1, 31, 62]  # one day, October, 30 Sep .. 1 Dec


def test_event_timeline_by_actor(events):
    ax = plot_event_timeline(events, lanes="actor", actor_labels={"Q1": "علي المملوك", "Q2": "القاهرة"})
    assert arabic_text_problems(ax.figure) == []
    assert len(ax.patches) == 3  # Q1 twice, Q2 once; the vote has no actor
    assert len(explode_actors(events)) == 3


def test_actor_timeline(events):
    ax = plot_actor_timeline(events, "Q1", actor_label="علي المملوك")
    assert len(ax.patches) == 2 and arabic_text_problems(ax.figure) == []
    x0 = min(p.get_x() for p in ax.patches)
    assert mdates.num2date(x0).date().isoformat() == "2016-09-30"


def test_publication_volume():
    arts = pd.DataFrame({"published": pd.to_datetime(["2015-08-01T10:00", "2015-08-01T22:30", "2015-08-02T09:00"], utc=True),
                         "timezone": ["Asia/Riyadh"] * 3, "source": ["okaz", "okaz", "alriyadh"]})
    ax = plot_publication_volume(arts)
    assert arabic_text_problems(ax.figure) == []
    okaz = [ln for ln in ax.get_lines() if ln.get_ydata().sum() == 2]
    assert okaz and list(okaz[0].get_ydata()) == [1, 1]  # 22:30 UTC is already 2 August in Riyadh
