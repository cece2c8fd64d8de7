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


def test_month_of_this_year_is_one_expression_in_the_publication_year():
    t = one("في نوفمبر من هذا العام", date(2015, 8, 6))
    assert (t.surface, t.value) == ("نوفمبر من هذا العام", "2015-11")
    assert one("أواخر مارس من هذه السنة", date(2015, 8, 6)).value == "2015-03"


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


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("لن نقبل بذلك بعد الآن.", "بعد الآن", "FUTURE_REF"),  # "from now on": the future, not "now"
        ("وكانت الشركة قد أعلنت أخيراً عن خطتها", "أخيراً", "PAST_REF"),  # "recently"
    ],
)
def test_vague_references_of_round_two(text, surface, value):
    tags = tag_timex(text, anchor=date(2015, 8, 6))
    assert [(t.surface, t.value) for t in tags] == [(surface, value)]


@pytest.mark.parametrize(
    "text",
    [
        "والتقى الوزير جون كيري وآلان جوبيه في باريس",  # the name Alan, not الآن
        "وأخيراً، دعا البيان إلى التهدئة",  # "and finally", a discourse marker
    ],
)
def test_round_two_false_friends(text):
    assert tag_timex(text, anchor=date(2015, 8, 6)) == []


def test_events_triggers_match_the_pattern_on_real_text():
    """The Aho-Corasick trigger finder gives exactly the matches of the trigger regex."""
    from analysis.events import _find_triggers, _trigger_re, load_triggers
    from analysis.normalize import normalize_cached

    text = SEED.read_text(encoding="utf-8") + " والاتفاقيات وللاجتماع ،زار( فالتقى"
    nt = normalize_cached(text)
    want = [(*nt.span_in_original(m.start(), m.end()), load_triggers()[m.group("t")])
            for m in _trigger_re().finditer(nt.norm)]
    assert _find_triggers(text) == want and len(want) > 5


def _real_texts() -> list[str]:
    """The seed, the SaudiNewsNet sample in data/seeds and some tricky inline lines."""
    import json

    seeds = SEED.parent
    texts = [SEED.read_text(encoding="utf-8")]
    for line in (seeds / "saudinewsnet_sample.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            texts += [v for v in rec.values() if isinstance(v, str) and len(v) > 20]
    texts += ["(2015) و( 5 آب)، في\n2014، من  12 يوليو إلى 15 منه، في\nغضون أيام، احد\nالاسبوع الماضي",
              "حتى عام1435هـ، كانون ثان/يناير وحتى حزيران، العاشرة وثلث صباحا، 200 شخص، خلال الاجتماع",
              "وهي في الرابعة والسبعين من عمرها، ورجل في الثامنة و الأربعين من العمر"]
    return texts


def test_candidate_positions_give_the_same_matches_as_finditer():
    """The Aho-Corasick candidates, the lead-word check and the routing by first word (match_at) change no
    match of the grammar."""
    from analysis.normalize import normalize_cached
    from analysis.timex.grammar import _master_without_lead_check, construct_patterns, find_matches

    plain = _master_without_lead_check()
    names = list(construct_patterns())
    n = 0
    for text in _real_texts():
        norm = normalize_cached(text).norm
        want = []
        for m in plain.finditer(norm):
            name = next(c for c in names if m.group(c) is not None)
            want.append((name, m.start(), m.start(name), m.end()))
        assert find_matches(norm) == want
        n += len(want)
    assert n > 50
    assert len({w[0] for text in _real_texts() for w in find_matches(normalize_cached(text).norm)}) > 15


def test_first_keys_are_the_words_a_pattern_can_start_with():
    from analysis.timex.first_words import DIGIT, SPACE, first_keys, key_at

    assert first_keys(r"(?:(?:قبل|بعد)\s+)?(?:ال)?(?:يوم|شهر)(?!\w)") == {"قبل", "بعد", "اليوم", "يوم", "الشهر", "شهر"}
    assert first_keys(r"\(?\s*\d{4}|(?:عام|سنه)\s*\d") == {"(", SPACE, DIGIT, "عام", "سنه"}
    assert first_keys(r"(?:ال|(?<=ل)ل)?\d+") == {"ال", "ل", DIGIT}  # a lookbehind only narrows: ignored
    assert first_keys(r"عام2014") == {"عام"}  # the run of letters ends at the digit
    # what it cannot follow: the construct is tried everywhere
    assert first_keys(r"\w+\s+يوم") is None
    assert first_keys(r"امس") is None  # may end inside a longer word (no (?!\w)): امسية
    assert first_keys(r"(?:يوم)?") is None  # may match nothing
    assert first_keys(r"(?i:jan)\s+\d") is None and first_keys(r"(?i)jan\s+\d") is None  # JAN, Jan
    assert [key_at("وفي 2015 (", i) for i in (0, 1, 3, 4, 9, 10)] == ["وفي", "في", SPACE, DIGIT, "(", ""]


def test_every_construct_is_routed_by_its_first_word():
    """No construct falls back to being tried everywhere, and routing leaves most words with no construct."""
    from analysis.timex.first_words import first_keys
    from analysis.timex.grammar import _routes, construct_patterns

    assert all(first_keys(src) for src in construct_patterns().values())
    routes, everywhere = _routes()
    assert everywhere == ()
    assert {name for name, _ in routes["اغسطس"]} == {"monrange", "monparen", "cal"}
    assert "year" in {name for name, _ in routes["عام"]} and "qty" in {name for name, _ in routes["خلال"]}


def test_candidates_hold_every_position_where_the_gate_passes():
    import re

    from analysis.normalize import normalize_cached
    from analysis.timex.grammar import _gate, candidates
    from analysis.timex.lexicon import lexicon

    gate = re.compile(rf"(?<!\w)(?={_gate(lexicon())})")
    texts = _real_texts() + ["وفي غضون أيام، (في  غضون\tيومين)، فعلى مدى\nسنوات، الخميس الأسبوع، وخميس  الاسبوع، "
                             "أكثر ما يزيد عن عام، إحدى عشر، لما لا، ثم في\nالماضي، «هذه الأيام»"]
    n = 0
    for text in texts:
        norm = normalize_cached(text).norm
        want = [m.start() for m in gate.finditer(norm)]
        assert set(want) <= set(candidates(norm)), text
        n += len(want)
    assert n > 100


def test_word_starts_after_other_characters_are_found_exactly():
    """The cheap first class of ``_OTHER_START`` skips only word characters: same starts as the plain pattern."""
    import re

    from analysis.timex.grammar import _OTHER_START

    plain = re.compile(r"[^\w \n](?=\w)")
    text = "(2015) «قال» ـ\tيوم\u200fالخميس، 5/8-9 :أ.ف.ب x_y ٣ ۴ é ï\u0640ب \u064bب [ب] ؟ب؛ب " + "".join(map(chr, range(0x600, 0x700)))
    want = [m.end() for m in plain.finditer(text)]
    assert len(want) > 20
    assert [m.end() for m in _OTHER_START.finditer(text)] == want


def test_lead_words_are_never_whole_expressions():
    from analysis.timex.grammar import lead_words

    lead, _accepted = lead_words()
    assert {"بعد", "خلال", "منذ", "نهايه", "العام", "كل"} <= lead
    assert not {"امس", "اليوم", "حاليا", "رمضان", "الخميس"} & lead
    for w in lead:
        assert tag_timex(w + " .", anchor=date(2015, 8, 6)) == [], w


@pytest.mark.parametrize(
    ("text", "surface", "value", "ttype"),
    [
        ("بدأت الأزمة منذ 40 عامًا", "منذ 40 عامًا", "P40Y", "duration"),  # an elapsed span
        ("أول طائرة تصل منذ أربعة أشهر", "منذ أربعة أشهر", "P4M", "duration"),
        ("كان ذلك قبل 40 عاما", "قبل 40 عاما", "1975", "date"),  # قبل + amount stays a date (dev gold)
        ("منذ سنوات طويلة", "منذ سنوات طويلة", "PAST_REF", "date"),
        ("شاب في الثلاثين من العمر", "الثلاثين من العمر", "P30Y", "duration"),  # ages are durations
        ("امرأة في الخامسة والثلاثين من عمرها", "الخامسة والثلاثين من عمرها", "P35Y", "duration"),
    ],
)
def test_elapsed_spans_and_ages(text, surface, value, ttype):
    tags = tag_timex(text, anchor=date(2015, 8, 6))
    assert [(t.surface, t.value, t.timex_type) for t in tags] == [(surface, value, ttype)]
    assert tags[0].anchored == (ttype == "date")


def test_a_bare_part_of_day_takes_the_day_named_before():
    text = "وقعت الانفجارات في غزة أمس الأحد. وقال المتحدث إن التفجيرات التي وقعت صباحاً كانت محدودة."
    tags = tag_timex(text, anchor=date(2015, 7, 21))
    assert [(t.surface, t.value, t.timex_type) for t in tags] == [
        ("أمس الأحد", "2015-07-19", "date"), ("صباحاً", "2015-07-19TMO", "time")]
    assert [t.value for t in tag_timex("قتل ثلاثة ليلا في غارة", anchor=date(2015, 7, 21))] == ["2015-07-21TNI"]
    assert [t.value for t in tag_timex("قتل ثلاثة ليلا في غارة")] == [None]  # no publication date: unresolved


@pytest.mark.parametrize("text", ["يعملون ليلا ونهارا", "حيث ظهرا وهما يروجان لكتبهما", "عربة تمثل عصرا محددا"])
def test_bare_parts_of_day_false_friends(text):
    assert tag_timex(text, anchor=date(2015, 7, 21)) == []


def test_year_ranges():
    fiscal = one("ميزانية السنة المالية الجارية 2015-2016 للدولة")
    assert (fiscal.value, fiscal.date_start, fiscal.date_end) == ("2015", date(2015, 1, 1), date(2017, 1, 1))
    war = one("خلال الحرب الأهلية 1936 - 1939 في إسبانيا")
    assert (war.value, war.date_end) == ("1936/1939", date(1940, 1, 1))


@pytest.mark.parametrize("text, value", [
    ("وعلى مدى أعوام ظل الوضع كما هو", "PXY"),
    ("وتم الإفراج عنهم خلال ساعات قليلة", "PTXH"),
    ("عانت المدينة طوال سنوات الحرب", "PXY"),
])
def test_vague_spans_of_plural_units_are_durations(text, value):
    """CONVENTIONS: durations include vague ones (PXD, PXM ...); خلال/طوال/على مدى + a plural unit."""
    found = tag_timex(text, anchor=date(2015, 8, 1))
    assert [(t.timex_type, t.value) for t in found] == [("duration", value)]
