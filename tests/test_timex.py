"""Tests for analysis.timex: the seed bullets of issue 5, the forms listed in the issue, and the table contract."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.schema import TIMEX
from analysis.timex import extract_timex, tag_timex

SEED = Path(__file__).resolve().parent.parent / "data" / "seeds" / "000_e3dabb0c118fe892.txt"


def seed_articles(published: str | None) -> pd.DataFrame:
    """The seed as a one-article frame; its publication date is a test fixture (the real one is unknown)."""
    return pd.DataFrame({
        "article_id": ["seed"],
        "published": pd.to_datetime([published], utc=True),
        "timezone": ["UTC"],
        "title": [pd.NA],
        "text": [SEED.read_text(encoding="utf-8")],
    })


def one(text: str, anchor: date | None = date(2015, 8, 6)):
    tags = tag_timex(text, anchor=anchor)
    assert len(tags) == 1, [(t.surface, t.value) for t in tags]
    return tags[0]


@pytest.fixture(scope="module")
def seed_tx() -> pd.DataFrame:
    return extract_timex(seed_articles("2016-11-30T12:00:00"))


def row(tx: pd.DataFrame, surface: str) -> pd.Series:
    hit = tx[tx["surface"] == surface]
    assert len(hit) == 1, f"{surface!r} not found once in {tx['surface'].tolist()}"
    return hit.iloc[0]


# --- the seed (issue 5, "Must show") ------------------------------------------------------------


def test_seed_less_than_two_months_ago(seed_tx):
    r = row(seed_tx, "وقبل أقل من شهرين")
    assert (r["value"], r["mod"], r["timex_type"]) == ("2016-09", "LESS_THAN", "date")
    assert r["date_start"] == pd.Timestamp("2016-09-30") and r["date_end"] == pd.Timestamp("2016-12-01")
    assert bool(r["anchored"])


@pytest.mark.parametrize(
    "surface,value,ttype,mod",
    [
        ("يوما واحدا", "P1D", "duration", None),
        ("أغسطس من العام الماضي", "2015-08", "date", None),
        ("ونهاية الشهر الماضي", "2016-10", "date", "END"),
        ("في غضون وقت قليل جداً", "PAST_REF", "date", None),
        ("في غضون قليل", "PAST_REF", "date", None),
        ("فِي غضون 5 سنوات", "P5Y", "duration", None),
        ("والشهر الماضي", "2016-10", "date", None),
        ("حديثاً", "PAST_REF", "date", None),
    ],
)
def test_seed_values(seed_tx, surface, value, ttype, mod):
    r = row(seed_tx, surface)
    assert r["value"] == value and r["timex_type"] == ttype
    assert (None if pd.isna(r["mod"]) else r["mod"]) == mod


def test_seed_end_of_last_month_interval(seed_tx):
    r = row(seed_tx, "ونهاية الشهر الماضي")
    assert (r["date_start"], r["date_end"]) == (pd.Timestamp("2016-10-21"), pd.Timestamp("2016-11-01"))


def test_seed_not_time_words(seed_tx):
    surfaces = " ".join(seed_tx["surface"])
    for w in ("آنذاك", "الأولى", "الأخيرة", "السابقة", "بصورة عام"):
        assert w not in surfaces


def test_seed_without_publication_date_invents_nothing():
    tx = extract_timex(seed_articles(None))
    anchored = tx[tx["anchored"] & ~tx["value"].fillna("").str.endswith("_REF")]
    assert len(anchored) == 4  # قبل أقل من شهرين، أغسطس من العام الماضي، نهاية الشهر الماضي، الشهر الماضي
    assert anchored["value"].isna().all()
    assert anchored["date_start"].isna().all() and anchored["date_end"].isna().all()
    assert row(tx, "يوما واحدا")["value"] == "P1D"  # durations need no anchor


def test_table_contract(seed_tx):
    assert list(seed_tx.columns) == list(TIMEX)
    text = SEED.read_text(encoding="utf-8")
    for r in seed_tx.itertuples():
        assert text[r.start : r.end] == r.surface
    assert (seed_tx["field"] == "text").all()


def test_input_not_modified():
    arts = seed_articles("2016-11-30T12:00:00")
    before = arts.copy()
    extract_timex(arts)
    pd.testing.assert_frame_equal(arts, before)


def test_title_tagged_and_local_anchor():
    # 22:30 UTC on 5 August is already 6 August in Riyadh: أمس is the 5th
    arts = pd.DataFrame({"article_id": ["x"], "published": pd.to_datetime(["2015-08-05T22:30:00"], utc=True),
                         "timezone": ["Asia/Riyadh"], "title": ["اجتماع أمس"], "text": ["لا شيء هنا"]})
    tx = extract_timex(arts)
    assert tx["field"].tolist() == ["title"] and tx["value"].tolist() == ["2015-08-05"]


# --- forms from the issue -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [
        ("٥ آب ٢٠١٥", "2015-08-05"),
        ("5 أغسطس 2015", "2015-08-05"),
        ("5/8/2015", "2015-08-05"),
        ("الخامس من أغسطس", "2015-08-05"),
        ("كانون الثاني 2014", "2014-01"),
        ("جانفي 2014", "2014-01"),
        ("عام 2014", "2014"),
        ("أمس", "2015-08-05"),
        ("أول أمس", "2015-08-04"),
        ("غدا", "2015-08-07"),
        ("الأسبوع الماضي", "2015-W31"),
        ("العام المقبل", "2016"),
        ("قبل يومين", "2015-08-04"),
        ("قبل ثلاثة أسابيع", "2015-07-16"),
        ("صباح اليوم", "2015-08-06TMO"),
        ("مساء أمس", "2015-08-05TEV"),
        ("الساعة العاشرة", "2015-08-06T10:00"),
        ("سنويا", "P1Y"),
        ("كل أسبوع", "P1W"),
        ("خلال 5 سنوات", "P5Y"),
        ("ثلاثة أسابيع", "P3W"),
        ("مؤخرا", "PAST_REF"),
        ("حاليا", "PRESENT_REF"),
        ("الآن", "PRESENT_REF"),
        ("14 تموز/يوليو", "2015-07-14"),
        ("العام 2002م", "2002"),
    ],
)
def test_issue_forms(text, value):
    assert one(text).value == value


def test_weekdays_resolve_in_news_order():
    # publication Thursday 2015-08-06
    assert one("قالت الوزارة الخميس").value == "2015-08-06"  # a bare weekday: the most recent one, today included
    assert one("أمس الأربعاء").value == "2015-08-05"
    assert one("الخميس الماضي").value == "2015-07-30"
    assert one("الخميس المقبل").value == "2015-08-13"
    assert one("السبت").value == "2015-08-01"


def test_month_of_last_year_is_in_the_previous_year():
    assert one("في أغسطس من العام الماضي", date(2016, 11, 30)).value == "2015-08"


def test_late_march_interval_is_narrowed():
    t = one("أواخر آذار 2013")
    assert (t.value, t.mod, t.date_start, t.date_end) == ("2013-03", "END", date(2013, 3, 21), date(2013, 4, 1))


def test_hijri_year_and_months_exact():
    t = one("عام 1436هـ")
    assert (t.value, t.date_start, t.date_end) == ("H:1436", date(2014, 10, 25), date(2015, 10, 14))
    t = one("شوال", date(2015, 8, 6))
    assert (t.value, t.date_start, t.date_end) == ("H:1436-10", date(2015, 7, 17), date(2015, 8, 16))  # Umm al-Qura: Shawwal 1436 has 30 days
    t = one("رمضان الماضي", date(2015, 8, 6))
    assert t.value == "H:1436-09" and t.date_start == date(2015, 6, 18)
    assert one("14 رمضان 1436").value == "2015-07-01"


def test_sequence_adverbs_and_attributive_adjectives_are_not_time():
    assert tag_timex("وقال آنذاك إن الوضع الحالي سيتغير لاحقا", anchor=date(2015, 8, 6)) == []


def test_counts_are_not_years():
    assert tag_timex("قتل 2000 شخص", anchor=date(2015, 8, 6)) == []
    assert one("في 1948، هاجر").value == "1948"


def test_unresolved_without_anchor():
    t = one("الأسبوع الماضي", None)
    assert t.value is None and t.anchored and t.date_start is None
    t = one("5 أغسطس 2015", None)
    assert t.value == "2015-08-05" and not t.anchored


def test_empty_frame():
    out = extract_timex(seed_articles("2016-11-30").iloc[0:0])
    assert list(out.columns) == list(TIMEX) and len(out) == 0


def test_fast_normalisation_matches_the_shared_one():
    import numpy as np

    from analysis.normalize import normalize_for_matching
    from analysis.timex import _normalized

    for s in ["حديثاً قالَ إنّ ٢٠١٥ أُعلنت في مدرسةٍ على الـمدى", "no marks here 2015", "", "ـــ"]:
        a, b = normalize_for_matching(s), _normalized(s)
        assert a.norm == b.norm
        assert (a.orig_index is None) == (b.orig_index is None)
        if a.orig_index is not None:
            assert np.array_equal(a.orig_index, b.orig_index)


@pytest.mark.parametrize(
    "text",
    [
        "للقرنين الرابع والخامس الميلادي",  # a masculine ordinal is not an hour
        "نحن بأمس الحاجة إليه",  # idiom, not yesterday
        "وعضو قوى 14 آذار نوفل ضو",  # a date inside a name
        'في تصريح لـ"اليوم" إن',  # the newspaper
        "سيطر الحوثيون على محافظة إب",  # the city, not آب
        "شارك في اليوم العالمي للجمعيات",  # a named day, not today
        "سجلت حوالى 1500 محاولة",  # a count
    ],
)
def test_false_friends(text):
    assert tag_timex(text, anchor=date(2015, 8, 6)) == []


def test_out_of_range_dates_do_not_raise():
    assert one("بنيت قبل 2500 عام").value == "PAST_REF"


def test_second_month_name_and_direction():
    assert one("في سبتمبر أيلول الماضي.").value == "2014-09"
    assert one("قبل نهاية شهر آب (أغسطس) المقبل", date(2015, 7, 25)).value == "2015-08"


def test_spans_follow_the_span_rule():
    from analysis.normalize import expand_to_tokens

    text = SEED.read_text(encoding="utf-8") + " عند الساعة 7.30 مساء، وللعام 2014م، و٥ آب ٢٠١٥."
    for t in tag_timex(text, anchor=date(2016, 11, 30)):
        assert expand_to_tokens(text, t.start, t.end) == (t.start, t.end), t.surface


def test_anchor_falls_back_to_utc_for_unknown_zones():
    from analysis.timex import anchor_dates

    arts = pd.DataFrame({"published": pd.to_datetime(["2015-08-05T22:30", "2015-08-05T22:30", None], utc=True),
                         "timezone": ["Asia/Riyadh", "Not/AZone", ""]})
    assert anchor_dates(arts) == [date(2015, 8, 6), date(2015, 8, 5), None]
