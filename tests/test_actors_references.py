"""References to persons within one article (analysis/actors/references.py, rules R1-R5)."""
import pandas as pd

from analysis.actors import extract_mentions
from analysis.actors.codebook import load_codebook
from analysis.actors.fields import _batch_fields, get_matcher
from analysis.actors.head_nouns import _new
from analysis.actors.matcher import _match_prepared
from analysis.actors.persons import _short_forms
from analysis.actors.references import link_references
from analysis.actors.rules import load_rules


def arts(text, *, title=None, published="2015-08-01"):
    return pd.DataFrame({"article_id": ["a1"], "title": [title], "text": [text],
                         "published": [pd.Timestamp(published, tz="UTC")]})


def persons(m, field="text"):
    m = m[(m["field"] == field) & (m["actor_type"] == "person")]
    return list(zip(m["surface"], m["actor_id"], m["match_kind"]))


def test_a_surname_before_the_full_name_links_in_a_name_context():
    """R1: نظيف ("clean") before أحمد نظيف counts after a role complement (الأسبق), not as a plain word."""
    text = "قضت المحكمة بسجن رئيس الوزراء الأسبق نظيف خمس سنوات. وكان أحمد نظيف رئيسا للوزراء."
    got = persons(extract_mentions(arts(text)))
    assert ("نظيف", "person:ahmed_nazif", "alias") in got and got[0][0] == "نظيف"
    text = "الماء نظيف في المدينة. وقال أحمد نظيف إن الحكومة ماضية."
    got = persons(extract_mentions(arts(text)))
    assert [g[0] for g in got] == ["أحمد نظيف"]


def test_a_surname_in_the_title_links_to_the_full_name_in_the_text():
    """R1: the headline's الشدادي is the man named in full in the body."""
    m = extract_mentions(arts("أصيب النائب محمد علي الشدادي في كمين.", title="إصابة الشدادي في كمين"))
    got = persons(m, "title")
    assert got == [("الشدادي", "discovered:محمد_علي_الشدادي", "discovered")]


def test_a_surname_after_a_family_word_is_the_family():
    """R1: عائلة دوابشة before علي دوابشة is the family, not the child."""
    text = "أحرق المستوطنون منزل عائلة دوابشة في القرية. واستشهد الطفل علي دوابشة."
    got = persons(extract_mentions(arts(text)))
    assert all(s != "دوابشة" for s, _, _ in got)


def test_a_surname_that_is_a_word_links_only_after_a_person_context():
    """R2: مبارك is also "blessed": حكم مبارك / عهد مبارك are Hosni Mubarak, عيد مبارك is not."""
    text = "في عهد الرئيس الأسبق حسني مبارك. وانتهى حكم مبارك عام 2011. وقال إن العيد مبارك على الجميع."
    got = persons(extract_mentions(arts(text)))
    mub = [s for s, aid, _ in got if aid == "person:hosni_mubarak"]
    assert mub == ["حسني مبارك", "مبارك"]
    assert text.count("مبارك") == 3


def test_a_discovered_full_name_repeated_after_waw_links():
    """R3: … وحسين عرب (عرب "Arabs" is a word) after اللواء حسين عرب."""
    text = "أصيب اللواء حسين عرب في الحادثة. وكان الشدادي وحسين عرب قد تقدما الجبهات."
    got = persons(extract_mentions(arts(text)))
    assert ("وحسين عرب", "discovered:حسين_عرب", "discovered") in got


def test_a_bare_former_office_stands_for_the_former_holder_named_in_the_article():
    """R5: الرئيس السابق → the one person named whose office of that head ended before the date."""
    text = "جمدت تركيا أموال الرئيس اليمني المخلوع علي عبدالله صالح. وأوضحت أن القرار يطول الرئيس السابق وابنه."
    got = persons(extract_mentions(arts(text)))
    assert ("الرئيس السابق", "person:ali_abdullah_saleh", "title") in got
    # followed by a name it is the name's role phrase (D5); with two former presidents named it is left alone
    text = "في عهد الرئيس الأسبق حسني مبارك. ومن بعده الرئيس الأسبق محمد مرسي. وقال الرئيس الأسبق إنه بريء."
    got = persons(extract_mentions(arts(text)))
    assert not any(k == "title" for _, _, k in got)


def _references(text, *, title_phrases):
    cb = load_codebook()
    m, rules = get_matcher(cb), load_rules()
    fields, hits = _batch_fields([text], m.automaton)
    ms = _match_prepared(fields[0], hits[0], m, rules, pd.Timestamp("2015-08-06").date(), discover=True, to_original=False)
    out = link_references([("text", fields[0], ms)], m=m, rules=rules, day=pd.Timestamp("2015-08-06").date(),
                          short_forms=_short_forms, new=_new, title_phrases=title_phrases)[0]
    return [(fields[0].x[o.s : o.e], o.actor_id, o.kind) for o in out if o.kind == "title"]


def test_a_role_phrase_that_introduced_a_person_stands_for_them_later():
    """R4 (on by default): المفوض العام after المفوض العام للأونروا بيير كرينبول; not نائب المفوض العام, not
    before a name, not when two persons were introduced with the phrase."""
    text = ("وأعرب المفوض العام للأونروا بيير كرينبول عن قلقه. وأضاف المفوض العام: إن الأزمات تتزايد. "
            "وقال نائب المفوض العام إن الوكالة تعمل.")
    assert _references(text, title_phrases=False) == []
    assert _references(text, title_phrases=True) == [("المفوض العام", "discovered:بيير_كرينبول", "title")]
    text = ("وقال المفوض العام للأونروا بيير كرينبول إن الأزمة كبيرة. وقال المفوض العام للاجئين انطونيو غوتيريس إنها تتفاقم. "
            "وأضاف المفوض العام أن الدعم ضروري.")
    assert _references(text, title_phrases=True) == []


def titles(m, field="text"):
    m = m[(m["field"] == field) & (m["match_kind"] == "title")]
    return list(zip(m["surface"], m["actor_id"]))


def test_a_role_phrase_stands_for_the_person_it_introduced_in_its_short_forms():
    """R4: the head with the phrase's nisba (الوزير التركي), the head without its complement (المفوض العام), the
    head after an honorific (فضيلة المفتي), the phrase repeated (مدير إدارة المشاريع, introduced in apposition)."""
    text = "قال وزير الخارجية التركي مولود جاويش أوغلو إن الطائرات وصلت. وأفاد الوزير التركي بأن الأراضي ستتحول."
    m = extract_mentions(arts(text))
    assert titles(m) == [("الوزير التركي", "person:mevlut_cavusoglu")]
    assert not (m["match_kind"] == "nisba").any()  # D5: the nisba of a title is no mention of its own
    text = "وأعرب المفوض العام للأونروا بيير كرينبول عن قلقه. وأضاف المفوض العام: إن الأزمات تتزايد."
    assert titles(extract_mentions(arts(text))) == [("المفوض العام", "discovered:بيير_كرينبول")]
    text = ("أحالت المحكمة المتهمين إلى فضيلة مفتي الديار المصرية الدكتور شوقي علام. "
            "وحددت المحكمة جلسة للنطق بالحكم عقب ورود رأي فضيلة المفتي في شأن المتهمين.")
    assert titles(extract_mentions(arts(text))) == [("المفتي", "person:shawki_allam")]
    text = "شارك سلطان بن عاطي القرشي مدير إدارة المشاريع في الاجتماع. ورفع مدير إدارة المشاريع شكره للجميع."
    assert titles(extract_mentions(arts(text))) == [("مدير إدارة المشاريع", "discovered:سلطان_بن_عاطي_القرشي")]


def test_a_repeated_role_phrase_is_one_title_mention_with_its_names_inside():
    """R4 + CONVENTIONS D5: the whole phrase repeated bare is one title mention; the organisation inside it is not
    listed apart (it is when a name follows: the introduction)."""
    text = ("وأعرب المفوض العام للأونروا بيير كرينبول عن قلقه. وقال المفوض العام للأونروا إن الوضع صعب.")
    m = extract_mentions(arts(text))
    assert titles(m) == [("المفوض العام للأونروا", "discovered:بيير_كرينبول")]
    assert list(m.loc[m["actor_id"] == "org:unrwa", "surface"]) == ["للأونروا"]  # the one in the introduction


def test_a_role_phrase_shared_by_two_persons_is_not_linked():
    """R4: two ministers introduced with the same head and nisba: الوزير التركي is left alone, while وزير الطاقة
    (one minister's phrase without its nisba, no other country named) is his."""
    text = ("قال وزير الخارجية التركي مولود جاويش أوغلو إن الطائرات وصلت. وقال وزير الطاقة التركي تانر يلدز إن "
            "الغاز توقف. وأفاد الوزير التركي بأن الأراضي ستتحول. وأضاف وزير الطاقة أن الإصلاح بدأ.")
    assert titles(extract_mentions(arts(text))) == [("وزير الطاقة", "discovered:تانر_يلدز")]


def test_a_role_phrase_before_a_name_is_no_title_mention():
    """R4 and the guidelines: a role phrase with a name right after it (or after a comma) is that name's role (only
    the name counts); the same phrase bare later is the title mention."""
    text = ("وأعرب المفوض العام للأونروا بيير كرينبول عن قلقه. وقال المفوض العام، بيير كرينبول، إن الوضع صعب. "
            "وأضاف المفوض العام: إن الأزمات تتزايد.")
    m = extract_mentions(arts(text))
    assert titles(m) == [("المفوض العام", "discovered:بيير_كرينبول")]
    assert m.loc[m["match_kind"] == "title", "start"].item() == text.rindex("المفوض العام")


def test_a_role_phrase_of_a_former_holder_does_not_stand_for_the_current_one():
    """R4: الرئيس الأمريكي السابق بيل كلينتون gives no الرئيس الأمريكي for Clinton (that is the holder of the day)."""
    text = "قال الرئيس الأمريكي السابق بيل كلينتون إن الاتفاق جيد. وأضاف الرئيس الأمريكي أن الحرب انتهت."
    got = titles(extract_mentions(arts(text, published="2015-08-06")))
    assert ("الرئيس الأمريكي", "person:bill_clinton") not in got


def test_the_late_holder_of_an_office_is_no_current_holder():
    """R5's adjectives (thirty-eighth session): الراحل, "the late", makes the office phrase a former one like السابق:
    الرئيس المصري الراحل أنور السادات gives no title mention of the president of the day (Sisi in 2015)."""
    text = "اتهموا في قضية اغتيال الرئيس المصري الراحل أنور السادات. وقال الرئيس المصري إن الأمن مستقر."
    got = titles(extract_mentions(arts(text, published="2015-08-06")))
    assert got == [("الرئيس المصري", "person:abdel_fattah_el_sisi")], got


def test_two_articles_with_one_id_are_not_linked_together():
    """The pass links the title and text of ONE article: a repeated article_id does not join two articles."""
    df = pd.DataFrame({"article_id": ["x", "x"], "title": [None, "الشدادي يصل"],
                       "text": ["أصيب النائب محمد علي الشدادي في كمين.", "وصل الوفد إلى المدينة."],
                       "published": [pd.Timestamp("2015-08-01", tz="UTC")] * 2})
    m = extract_mentions(df)
    assert not (m["field"] == "title").any()


def test_al_and_a_family_name_end_a_name_and_link_after_a_title():
    """آل الشيخ ends the name (الشيخ is also a title); alone it is the person after a title, else the family."""
    text = "رفع الشيخ الدكتور عبدالله بن محمد بن إبراهيم آل الشيخ التهنئة. وجدد الدكتور آل الشيخ التأكيد. وتقبل آل الشيخ التعازي في فقيدهم."
    got = persons(extract_mentions(arts(text)))
    assert [s for s, _, _ in got] == ["عبدالله بن محمد بن إبراهيم آل الشيخ", "آل الشيخ"]
    assert got[1][1] == got[0][1]



def test_the_emir_of_the_region_is_the_governor_named_before():
    """Tenth session (R4, references._EMIR_REGION): after أمير منطقة عسير / أمير تبوك + the governor's name, a bare
    "أمير المنطقة" (سمو أمير المنطقة، لأمير المنطقة) is that governor, match_kind title; with no governor named
    before it, it is nothing."""
    text = ("وصل أمير تبوك الأمير فهد بن سلطان إلى المحافظة. وقدم الأهالي شكرهم لسمو أمير المنطقة على زيارته.")
    m = extract_mentions(arts(text))
    got = set(zip(m["surface"], m["actor_id"], m["match_kind"]))
    assert ("أمير المنطقة", "person:fahd_bin_sultan", "title") in got, got
    assert extract_mentions(arts("وقدم الأهالي شكرهم لسمو أمير المنطقة على زيارته.")).empty
