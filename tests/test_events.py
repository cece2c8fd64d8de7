"""Tests for analysis.events on the seed (issue 5 "Must show") and on small inline fixtures."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.events import extract_events
from analysis.normalize import sentence_index_of, split_sentences
from analysis.schema import EVENTS, MENTIONS, conform, empty
from analysis.timex import extract_timex

SEED = Path(__file__).resolve().parent.parent / "data" / "seeds" / "000_e3dabb0c118fe892.txt"


def articles(text: str, published: str | None = "2016-11-30T12:00:00", title=pd.NA) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a1"], "published": pd.to_datetime([published], utc=True), "timezone": ["UTC"],
                         "title": [title], "text": [text]})


def mentions_for(text: str, names: dict[str, str]) -> pd.DataFrame:
    """A hand-built mentions frame: every occurrence of each surface, with its actor_id."""
    starts = [s for s, _ in split_sentences(text)]
    rows = []
    for surface, actor in names.items():
        i = text.find(surface)
        while i >= 0:
            rows.append({"article_id": "a1", "field": "text", "start": i, "end": i + len(surface), "surface": surface,
                         "actor_id": actor, "sentence_index": sentence_index_of(starts, i)})
            i = text.find(surface, i + 1)
    return conform(pd.DataFrame(rows), "mentions")


@pytest.fixture(scope="module")
def seed_events() -> pd.DataFrame:
    text = SEED.read_text(encoding="utf-8")
    arts = articles(text)
    ment = mentions_for(text, {"علي المملوك": "Q_mamlouk", "القاهرة": "Q_cairo", "خالد فوزي": "Q_fawzy",
                               "مصر": "Q_egypt", "طرطوس": "Q_tartus", "بمجلس الأمن": "Q_unsc"})
    return extract_events(arts, ment, extract_timex(arts))


def ev(df: pd.DataFrame, trigger: str) -> pd.DataFrame:
    hit = df[df["trigger"] == trigger]
    assert len(hit), f"{trigger!r} not in {df['trigger'].tolist()}"
    return hit


def test_seed_agreement(seed_events):
    assert set(ev(seed_events, "اتفقا")["event_type"]) == {"agreement"}
    assert set(ev(seed_events, "الاتفاق")["event_type"]) == {"agreement"}


def test_seed_mamlouk_visit_dated_by_timex(seed_events):
    r = ev(seed_events, "زار").iloc[0]
    assert r["event_type"] == "visit" and r["date_source"] == "timex"
    assert (r["date_start"], r["date_end"]) == (pd.Timestamp("2016-09-30"), pd.Timestamp("2016-12-01"))
    assert {"Q_mamlouk", "Q_cairo"} <= set(r["actor_ids"])


def test_seed_meeting_with_fawzy(seed_events):
    r = ev(seed_events, "التقى").iloc[0]
    assert r["event_type"] == "meeting" and "Q_fawzy" in r["actor_ids"]
    assert r["date_source"] == "published"  # يوما واحدا is a duration, not a date


def test_seed_vote_at_security_council(seed_events):
    r = ev(seed_events, "تصويت").iloc[0]
    assert r["event_type"] == "vote" and {"Q_egypt", "Q_unsc"} <= set(r["actor_ids"])


def test_seed_tartus_visit_dated_last_month(seed_events):
    r = ev(seed_events, "بزيارة").iloc[0]
    assert r["event_type"] == "visit" and r["date_source"] == "timex" and "Q_tartus" in r["actor_ids"]
    assert (r["date_start"], r["date_end"]) == (pd.Timestamp("2016-10-01"), pd.Timestamp("2016-11-01"))


def test_seed_generals_meetings(seed_events):
    assert set(ev(seed_events, "اجتماعات")["event_type"]) == {"meeting"}


def test_contract(seed_events):
    assert list(seed_events.columns) == list(EVENTS)
    text = SEED.read_text(encoding="utf-8")
    for r in seed_events.itertuples():
        assert text[r.start : r.end] == r.trigger
        assert r.trigger in r.text


def test_no_publication_date_gives_no_date():
    arts = articles("اجتمع الوزيران في الرياض.", published=None)
    out = extract_events(arts, empty("mentions"), extract_timex(arts))
    assert out["date_source"].tolist() == ["none"] and out["date_start"].isna().all()


def test_publication_date_is_local_day_and_title_is_used():
    arts = pd.DataFrame({"article_id": ["a1"], "published": pd.to_datetime(["2015-08-05T22:30:00"], utc=True),
                         "timezone": ["Asia/Riyadh"], "title": ["هجوم على قافلة"], "text": ["لا حدث هنا"]})
    out = extract_events(arts, empty("mentions"), extract_timex(arts))
    assert out[["field", "event_type", "date_source"]].values.tolist() == [["title", "military_action", "published"]]
    assert out["date_start"].iloc[0] == pd.Timestamp("2015-08-06")


def test_nearest_timex_in_sentence_wins():
    text = "زار الوزير بغداد أمس، وكان قد حضر فيها اجتماعا في أغسطس 2014."
    arts = articles(text, published="2015-08-10T09:00:00")
    out = extract_events(arts, empty("mentions"), extract_timex(arts)).set_index("trigger")
    assert out.loc["زار", "date_start"] == pd.Timestamp("2015-08-09")
    assert out.loc["اجتماعا", "date_start"] == pd.Timestamp("2014-08-01")


def test_no_trigger_no_row_and_inputs_untouched():
    arts = articles("الطقس معتدل.")
    before = arts.copy()
    out = extract_events(arts, empty("mentions"), extract_timex(arts))
    assert len(out) == 0 and list(out.columns) == list(EVENTS)
    pd.testing.assert_frame_equal(arts, before)
    assert list(MENTIONS)  # the mentions schema is importable for hand-built frames
