"""Tests for analysis.attribution: cues, sources, types, anaphora, quotes, content and the table contract."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.attribution import attributions_in_text, extract_attributions, find_quotes, load_lexicon
from analysis.attribution.lexicon import imperfect_forms, participle_forms, perfect_forms
from analysis.attribution.quotes import quote_kind
from analysis.normalize import normalize
from analysis.schema import ATTRIBUTIONS

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "000_e3dabb0c118fe892.txt"


def rows(text: str, **kw) -> list[dict]:
    return attributions_in_text(text, **kw)


def brief(text: str, **kw) -> list[tuple]:
    return [(r["cue"], r["source_surface"], r["source_type"]) for r in rows(text, **kw)]


def articles(*texts: str, titles: tuple = ()) -> pd.DataFrame:
    titles = titles or (None,) * len(texts)
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "title": list(titles), "text": list(texts)})


# --- the seed: the 16 attributions of the issue ----------------------------------------------------------

#: cue, a substring of the resolved source, type, mode, is_anaphoric
SEED_EXPECTED = [
    ("وأشارت", "المصادر", "anonymous", "indirect", False),
    ("وذكرت", "المصادر", "anonymous", "indirect", False),
    ("أعلنت", "وكالة الأنباء السورية التابعة للنظام (سانا)", "news_agency", "indirect", False),
    ("وحسب", "وكالة الأنباء السورية", "news_agency", "indirect", True),
    ("وفق", "وكالة الأنباء السورية", "news_agency", "indirect", True),
    ("قالوا", "مراقبون", "unnamed_group", "indirect", False),
    ("أفادت", "وسائل إعلام عدة", "unnamed_group", "indirect", False),
    ("تكشف", "وسائل الإعلام الرسمية", "unnamed_group", "indirect", False),
    ("حكي", "عبد الفتاح السيسي", "named_person", "indirect", False),
    ("أجاب", "السيسي", "named_person", "direct", False),
    ("وأضاف", "السيسي", "named_person", "direct", True),
    ("وأشار", "السيسي", "named_person", "direct", False),
    ("أكدت", "مصادر إعلامية موالية لنظام “بشار الأسد”", "anonymous", "indirect", False),
    ("وحكت", "صفحة أخبار طرطوس", "media_outlet", "indirect", False),
    ("وأضافت", "صفحة أخبار طرطوس", "media_outlet", "indirect", True),
    ("ولفتت", "صفحة أخبار طرطوس", "media_outlet", "indirect", True),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_rows(seed_text) -> list[dict]:
    return rows(seed_text)


def test_seed_has_exactly_the_16_attributions(seed_rows):
    assert len(seed_rows) == 16
    for r, (cue, source, typ, mode, anaphoric) in zip(seed_rows, SEED_EXPECTED):
        assert r["cue"].startswith(cue), (r["cue"], cue)
        assert source in r["source_surface"], (cue, r["source_surface"])
        assert r["source_type"] == typ, (cue, r["source_type"])
        assert r["mode"] == mode, (cue, r["mode"])
        assert r["is_anaphoric"] is anaphoric, (cue, r["is_anaphoric"])


def test_seed_anaphors_point_at_the_antecedent_span(seed_text, seed_rows):
    by_cue = {r["cue"]: r for r in seed_rows}
    sana = by_cue["أعلنت"]
    for cue in ("وحسب", "وفق"):
        assert (by_cue[cue]["source_start"], by_cue[cue]["source_end"]) == (sana["source_start"], sana["source_end"])
    page = by_cue["وحكت"]
    for cue in ("وأضافت", "ولفتت"):  # feminine: the page, not the (masculine) president quoted before
        assert by_cue[cue]["source_start"] == page["source_start"]
    assert "السيسي" in seed_text[by_cue["وأضاف"]["source_start"] : by_cue["وأضاف"]["source_end"]]


def test_seed_with_the_actor_mentions(seed_text):
    actors = pytest.importorskip("analysis.actors")
    arts = articles(seed_text)
    df = extract_attributions(arts, actors.extract_mentions(arts))
    assert len(df) == 16
    assert df["source_type"].tolist() == [t for _, _, t, _, _ in SEED_EXPECTED]
    for r, (_, source, *_rest) in zip(df.itertuples(), SEED_EXPECTED):
        assert source in r.source_surface, (r.cue, r.source_surface)
    sisi = df[df["cue"].isin(["حكي", "أجاب", "وأضاف", "وأشار"])]
    assert sisi["source_actor_id"].nunique() == 1 and sisi["source_actor_id"].notna().all()


def test_seed_quoted_names_are_not_speech(seed_text):
    quotes = find_quotes(seed_text)
    kinds = {q.text: q.kind for q in quotes}
    assert kinds["علي المملوك"] == "name"
    assert kinds["السيسي"] == "name"
    assert kinds["الجيش السوري"] == "name"
    assert sum(q.kind == "speech" for q in quotes) == 3


def test_seed_content_spans(seed_text, seed_rows):
    by_cue = {r["cue"]: r for r in seed_rows}
    content = lambda cue: seed_text[by_cue[cue]["content_start"] : by_cue[cue]["content_end"]]
    assert content("أجاب").startswith("من المفضل")  # the quote, without its marks
    assert content("وذكرت").startswith("الطرفين اتفقا")  # the clause after أن
    assert content("أكدت").startswith("قيام وفد عسكري")  # a verbal-noun object
    assert content("وفق").startswith("وتم الاتفاق")  # text before the cue
    assert "زيارة" in content("أعلنت")  # في زيارة أعلنت عنها


# --- the table contract ----------------------------------------------------------------------------------


def test_table_columns_offsets_and_fields(seed_text):
    arts = articles(seed_text, "وقال الوزير إن الاتفاق وشيك.", titles=(None, "الجبير: لن نسمح بالتدخل في شؤوننا"))
    before = arts.copy()
    df = extract_attributions(arts, pd.DataFrame())
    pd.testing.assert_frame_equal(arts, before)  # the input is not modified
    assert list(df.columns) == list(ATTRIBUTIONS)
    assert [str(t) for t in df.dtypes] == [str(pd.Series(dtype=t).dtype) for t in ATTRIBUTIONS.values()]
    assert (df["field"] == "title").sum() == 1
    for r in df.itertuples():
        field_text = arts.set_index("article_id").loc[r.article_id, r.field]
        assert field_text[r.cue_start : r.cue_end] == r.cue
        assert field_text[r.source_start : r.source_end] == r.source_surface
    assert df["source_label"].notna().all() and df["source_label_en"].notna().all()


def test_empty_inputs():
    assert list(extract_attributions(articles(), None).columns) == list(ATTRIBUTIONS)
    assert extract_attributions(articles("", "لا شيء هنا"), pd.DataFrame()).empty


def test_sentence_index_counts_sentences():
    df = extract_attributions(articles("انتهى الاجتماع. وقال الوزير إن الاتفاق وشيك."), None)
    assert df["sentence_index"].tolist() == [1]


# --- cues ------------------------------------------------------------------------------------------------


def test_inflections_are_generated():
    lex = load_lexicon()
    for form in ("قلت", "قلنا", "قالتا", "يقولون", "تقول", "أكدوا", "يؤكدان", "وسيؤكد", "دعوا", "نفت", "رأى", "يرون",
                 "مؤكدا", "مؤكدة", "مشيرين", "قاله", "وصفها", "اتهموه", "تراها", "ولفتت"):
        assert normalize(form) in lex.forms, form
    assert [f for f, *_ in perfect_forms("قال", "hollow", "قل")][:7] == ["قال", "قالت", "قالا", "قالتا", "قالوا", "قلن", "قلت"]
    assert ("يدعون", 3, "m", "p") in imperfect_forms("دعو", "defective")
    assert participle_forms("مشير")[0] == ("مشيرا", "m", "s")
    assert {f.gender for f in lex.forms[normalize("وأضافت")]} == {"f"}


@pytest.mark.parametrize(
    "text",
    [
        "لم تأتِ على ذكر أسمائها.",  # a noun, not the verb ذكر
        "وتم إضافة مادة جديدة إلى المنهج.",  # إضافة is not أضافه
        "يذكر أن الوزارة أطلقت الحملة.",  # impersonal
        "وهو ما يؤكد إقدامهم على الهجوم.",  # evidential
        "وهنأ الملك الرئيس بفوز فريقه. ونعى الديوان الملكي الأمير.",  # speech acts without content
        "ورفض الوزير ذلك.",  # behaviour
        "وأضاف الهلال الهدف الثاني في الدقيقة 80.",  # أضاف without a complement
        "وصل الوفد عبر الحدود البرية.",  # عبر = via
        "العلاقات بين البلدين متينة.",  # بين = between
        "وفقا للقانون يحق للمواطن الاعتراض.",  # the object of وفقا is not a speaker
        "وأضاف أنه لم يذكر عددهم دون أن يذكر السبب.",  # negated cues
    ],
)
def test_not_cues(text):
    cues = [r["cue"] for r in rows(text)]
    assert not [c for c in cues if c not in ("وأضاف",)], cues


def test_stance_and_press_review_verbs_are_cues():
    assert brief("وأعرب الوزير عن قلقه من التصعيد.") == [("وأعرب", "الوزير", "named_person")]
    assert brief("وطالب الأهالي بفتح الطريق.") == [("وطالب", "الأهالي", "unnamed_group")]
    assert brief("وأبرزت الصحف السعودية زيارة ولي العهد.")[0][2] == "unnamed_group"
    assert [r["cue"] for r in rows("وتابع قائلاً: «لن نتراجع عن هذا القرار».")] == ["وتابع", "قائلاً"]
    assert [r["cue"] for r in rows("ونوه سموه بما تحقق من إنجازات.")] == ["ونوه"]
    assert [r["cue"] for r in rows("وجاء في البيان أن التحقيق جار.")] == ["وجاء في"]
    assert rows("وجاء في المرتبة الثانية فريق الهلال.") == []


def test_prepositional_cues_and_their_objects():
    assert brief("نقلا عن مصدر مطلع، فإن الاتفاق وشيك.") == [("نقلا عن", "مصدر مطلع", "anonymous")]
    assert brief("وذلك بحسب ما نقلته صحيفة الحياة.") == [("بحسب ما نقلته", "صحيفة الحياة", "media_outlet")]
    r = rows("وذلك على لسان المتحدث الرسمي باسم التحالف العميد أحمد عسيري.")[0]
    assert r["cue"] == "على لسان" and r["source_surface"].endswith("أحمد عسيري") and r["source_type"] == "named_person"


# --- sources -----------------------------------------------------------------------------------------------


def test_verb_first_keeps_titles_and_reaches_the_name():
    r = rows("أكد قائد المنطقة العسكرية الرابعة في مدينة عدن اللواء أحمد اليافعي وجود أسرى.")[0]
    assert r["source_surface"].startswith("قائد المنطقة") and r["source_surface"].endswith("أحمد اليافعي")
    assert r["source_type"] == "named_person"


def test_subject_first_and_nested_reports():
    assert brief("مراقبون قالوا إن الزيارة لم تكن الأولى.") == [("قالوا", "مراقبون", "unnamed_group")]
    got = brief("وقال الوزير إن الحكومة أكدت التزامها بالاتفاق.")
    assert got == [("وقال", "الوزير", "named_person"), ("أكدت", "الحكومة", "official_body")]


def test_document_types_and_issuers():
    assert brief("وأضاف بيان أن الوزارة ستتخذ الإجراءات.") == [("وأضاف", "بيان", "document")]
    r = rows("وذكر بيان وزارة الداخلية أن المتهمين اعتقلوا.")[0]
    assert r["source_type"] == "official_body" and r["source_label"] == "وزارة الداخلية"
    # the definite document refers back to the body that issued it
    got = rows("وقالت الوزارة في بيان إن الحادث وقع أمس. وأضاف البيان أن التحقيق جار.")
    assert got[1]["is_anaphoric"] and got[1]["source_surface"] == "الوزارة" and got[1]["source_type"] == "official_body"


def test_participles_take_the_clause_subject():
    got = rows("وأعرب الوزير عن قلقه من التصعيد، مشيرا إلى أن الوضع خطير.")
    assert got[1]["cue"] == "مشيرا" and got[1]["is_anaphoric"] and got[1]["source_surface"] == "الوزير"


def test_anaphora_agrees_in_gender():
    text = "قالت وزارة الداخلية إن الشرطة اعتقلت مشتبها. وقال المتحدث باسمها إن التحقيق مستمر. وأضافت أن المعتقلين سيحالون."
    got = rows(text)
    assert got[2]["source_surface"] == "وزارة الداخلية" and got[2]["source_type"] == "official_body"
    text = "قال الوزير إن الاتفاق وشيك. وأكدت مصادر أن التوقيع قريب. وأضاف أن الوفد سيصل غدا."
    assert rows(text)[2]["source_surface"] == "الوزير"


def test_transitive_verb_object_is_not_the_subject():
    text = "وقال أبو مازن إن الاحتلال يتحمل المسؤولية. واتهم حماس بالإقدام على اختطاف المستوطنين."
    got = rows(text)
    assert got[1]["cue"] == "واتهم" and got[1]["is_anaphoric"] and "أبو مازن" in got[1]["source_surface"]


def test_headline_colon_is_a_direct_attribution():
    assert brief("القباع والسعيد لـ عكاظ: تحديات المنطقة تفرض تعزيز العلاقات", title=True) == [
        (":", "القباع والسعيد", "named_person")]
    assert brief("المقاومة اليمنية: أسرنا إيرانيين مدربين", title=True) == [(":", "المقاومة اليمنية", "official_body")]
    assert brief("اليمن: مقتل عشرة في غارة", title=True) == []  # a topic label, not a speaker
    r = rows("المقاومة اليمنية: أسرنا إيرانيين", title=True)[0]
    assert r["mode"] == "direct"


def test_modes():
    assert rows('وقال الوزير: “لن نسمح بذلك أبدا مهما كانت الظروف”.')[0]["mode"] == "direct"
    assert rows("وقال الوزير إن الاتفاق وشيك.")[0]["mode"] == "indirect"
    assert rows("وتابع قائلا: لذا يجب أن تكون العلاقة قائمة على الصراحة.")[0]["mode"] == "direct"
    # a paraphrase that only contains a quoted fragment is indirect
    assert rows("مؤكدا أن «قطعان المستوطنين» ما كان لهم أن يقدموا على ذلك.")[0]["mode"] == "indirect"
    # third-person rewording of a quote is indirect; a quote right after أن is direct
    assert rows("أكد إبراهيم أنه “يفضل أن يسجن في ألمانيا على أن يكون حرا”.")[0]["mode"] == "indirect"
    assert rows("أكد إبراهيم أن “تنظيم داعش ليس له علاقة بالإسلام”.")[0]["mode"] == "direct"


def test_more_subject_constructions():
    # كان … قد: the subject sits between them
    assert brief("وكانت الشركة قد كشفت في وقت سابق بأن هاتفها سيحظى بمزايا.") == [("كشفت", "الشركة", "official_body")]
    # a relative clause whose head is the speaker
    got = rows("المشرف العام على المنتخب صالح أبو نخاع، والذي أوصى بضرورة الإبقاء على الجهاز.")
    assert got[0]["cue"] == "أوصى" and got[0]["source_surface"] == "أبو نخاع"
    # an honorific pronoun resolves to the person named before
    got = rows("استقبل الأمير خالد الفيصل الوفد. وقال الأمير خالد الفيصل إن الزيارة مهمة. وأكد سموه أن العلاقات متينة.")
    assert got[-1]["cue"] == "وأكد" and got[-1]["is_anaphoric"] and "خالد الفيصل" in got[-1]["source_surface"]
    # a title, its body and the name: one source
    r = rows("أكد المتحدث الرسمي لوزارة التعليم مبارك العصيمي أن الوزير اطلع على التقرير.")[0]
    assert r["source_surface"] == "المتحدث الرسمي لوزارة التعليم مبارك العصيمي"
    # quantified groups
    assert brief("وأكد عدد من المسؤولين أن الوضع مستقر.") == [("وأكد", "عدد من المسؤولين", "anonymous")]
    # د. is an abbreviation inside the name; the name Ali is not the preposition على
    assert rows("ويؤكد د. علي لـ«الشرق الأوسط» أن التفاعل مهم.")[0]["source_surface"] == "د. علي"


def test_prepositional_cue_with_the_speakers_own_words_and_a_named_expert():
    got = rows("وقال الوزير إن الأزمة ستنتهي قريبا بحسب تعبيره.")
    assert got[1]["cue"] == "بحسب تعبيره" and got[1]["source_surface"] == "الوزير" and got[1]["is_anaphoric"]
    got = rows("واستولت على حقول النفط بحسب جان شارل بريزار الخبير في شؤون تمويل الارهاب.")
    assert got[0]["source_surface"] == "جان شارل بريزار الخبير"


def test_participle_without_an_earlier_speaker_takes_the_sentence_subject():
    text = "وصف الأمير مشاري بن سعود أمير منطقة الباحة، الحادث بالعمل الجبان، مستنكرا هذا العدوان، مؤكدا أن الوطن صف واحد."
    got = [r for r in rows(text) if r["cue"] in ("مستنكرا", "مؤكدا")]
    assert len(got) == 2 and all("الأمير مشاري بن سعود" in r["source_surface"] for r in got)


# --- mentions ------------------------------------------------------------------------------------------------


def mention(aid, text, surface, actor_id, atype, subtype=None, label_en=None, kind="name", field="text", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"article_id": aid, "field": field, "start": start, "end": start + len(surface), "surface": surface,
            "actor_id": actor_id, "label_ar": surface, "label_en": label_en, "actor_type": atype, "subtype": subtype,
            "match_kind": kind, "sentence_index": 0}


def test_mentions_give_actor_ids_labels_and_types():
    text = "وأعلنت الولايات المتحدة أنها ستسحب قواتها. وقال جون كيري إن القرار نهائي. وأضاف أن الحوار مستمر."
    arts = articles(text)
    ments = pd.DataFrame([
        mention("a0", text, "الولايات المتحدة", "country:us", "country", label_en="United States"),
        mention("a0", text, "جون كيري", "person:kerry", "person", label_en="John Kerry"),
    ])
    df = extract_attributions(arts, ments)
    assert df["source_actor_id"].tolist() == ["country:us", "person:kerry", "person:kerry"]
    assert df["source_type"].tolist() == ["official_body", "named_person", "named_person"]
    assert df["source_label_en"].tolist() == ["United States", "John Kerry", "John Kerry"]
    assert df["is_anaphoric"].tolist() == [False, False, True]
    # without mentions the same text still gives the cues and the speakers
    bare = extract_attributions(arts, pd.DataFrame())
    assert bare["cue"].tolist() == df["cue"].tolist()
    assert bare["source_actor_id"].isna().all()


def test_mentions_without_offsets_are_left_out():
    # a record without numeric offsets (a hand-made list, a table with a missing value) covers no token
    text = "وقال جون كيري إن القرار نهائي."
    good = mention("a0", text, "جون كيري", "person:kerry", "person", label_en="John Kerry")
    bad = {**good, "start": None, "end": float("nan"), "actor_id": "person:nobody"}
    for recs in ([good], [bad, good]):
        tuples = [(r["start"], r["end"], r["actor_id"], r["label_ar"], r["label_en"], r["actor_type"], None, "name") for r in recs]
        assert [r["source_actor_id"] for r in rows(text, mentions=tuples)] == ["person:kerry"]
        table = pd.DataFrame(recs).astype({"start": "Float64", "end": "Float64"})  # (not the table's int64)
        assert extract_attributions(articles(text), table)["source_actor_id"].tolist() == ["person:kerry"]


def test_mention_of_a_news_agency_and_a_person_inside_an_anonymous_source():
    text = "وذكرت وكالة الأنباء السعودية أن الملك استقبل الوزير. وأكدت مصادر مقربة من بشار الأسد أن الوفد وصل."
    ments = pd.DataFrame([
        mention("a0", text, "وكالة الأنباء السعودية", "media:spa", "media", "news_agency", "Saudi Press Agency"),
        mention("a0", text, "بشار الأسد", "person:assad", "person", label_en="Bashar al-Assad"),
    ])
    df = extract_attributions(articles(text), ments)
    assert df["source_type"].tolist() == ["news_agency", "anonymous"]
    assert df["source_actor_id"].tolist()[0] == "media:spa" and pd.isna(df["source_actor_id"].tolist()[1])


# --- quotes ----------------------------------------------------------------------------------------------------


def test_find_quotes_pairs_all_mark_styles():
    text = 'قال «إننا أوفينا بكل ما علينا من تعهدات» وأضاف "هذه خطوة أولى نحو الحل الشامل" وزار “دمشق”.'
    qs = find_quotes(text)
    assert [q.text for q in qs] == ["إننا أوفينا بكل ما علينا من تعهدات", "هذه خطوة أولى نحو الحل الشامل", "دمشق"]
    assert [q.kind for q in qs] == ["speech", "speech", "name"]
    for q in qs:
        assert text[q.inner_start : q.inner_end] == q.text
    assert find_quotes("علامة “ مفتوحة لا تغلق") == []


def test_quote_kind_is_the_kind_find_quotes_decides():
    # every branch: punctuation inside, five words, three words introduced (colon, أن) or not, a quoted name
    text = ('وزار “دمشق”. وقال: «نحن هنا اليوم» ثم "نحن هنا اليوم" وأكد أن “الوضع مستقر جدا” '
            'ووصف “الاتفاق التاريخي” بأنه «خطوة أولى نحو الحل الشامل» و«نعم، سنفعل»')
    qs = find_quotes(text)
    assert {q.kind for q in qs} == {"speech", "name"} and len(qs) == 7
    assert [quote_kind(text, q.start, q.end) for q in qs] == [q.kind for q in qs]


# --- summaries and charts -----------------------------------------------------------------------------------


def sample_tables():
    texts = [
        "قال الوزير إن الاتفاق وشيك. وذكرت مصادر أن التوقيع قريب. وأضاف الوزير أن الوفد سيصل.",
        "وأكدت مصادر مطلعة أن الاجتماع تأجل. وقال مراقبون إن التأجيل متوقع.",
        "وقالت وزارة الخارجية في بيان إن الوفد وصل.",
    ]
    arts = articles(*texts).assign(source=["okaz", "okaz", "alriyadh"],
                                   published=pd.to_datetime(["2015-08-01", "2015-08-02", "2015-08-09"], utc=True))
    return extract_attributions(arts, None), arts


def test_summaries():
    from analysis.attribution.summary import anonymous_share, outlet_speaker_table, source_type_table, speaker_counts

    att, arts = sample_tables()
    table = source_type_table(att, arts)
    assert table.loc["okaz", "total"] == 5 and table.loc["okaz", "anonymous"] == pytest.approx(2 / 5)
    assert table.loc["alriyadh", "official_body"] == 1.0
    share = anonymous_share(att, arts)
    assert share.set_index("source").loc["okaz", "n_anonymous"] == 2
    weekly = anonymous_share(att, arts, by=None, freq="W")
    assert weekly["n"].sum() == 6 and len(weekly) == 2
    speakers = speaker_counts(att)
    assert speakers.iloc[0]["label"] == "الوزير" and speakers.iloc[0]["n"] == 2  # the anaphoric وأضاف counts
    assert set(speakers["source_type"]) <= {"named_person", "official_body", "news_agency", "media_outlet"}
    grid = outlet_speaker_table(att, arts, top_n=5)
    assert len(grid) == 2 * len(set(grid["speaker"])) and grid["n"].sum() == 3


def test_charts_draw_arabic_through_the_helper():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.plotting import attribution as charts
    from analysis.plotting.core import arabic_text_problems

    att, arts = sample_tables()
    for ax in (
        charts.plot_source_types_by_outlet(att, arts),
        charts.plot_anonymous_share_by_outlet(att, arts, min_attributions=1),
        charts.plot_anonymous_share_over_time(att, arts, freq="D", min_attributions=1),
        charts.plot_top_speakers(att),
        charts.plot_outlet_speaker_heatmap(att, arts),
    ):
        assert arabic_text_problems(ax.figure) == []
        plt.close(ax.figure)


# --- round 2: error classes from a blind evaluation (own sentences, not the evaluation's) ------------------


@pytest.mark.parametrize("text, expected", [
    # new stance and report verbs
    ("وأرجع المتحدث التأخير إلى نقص العمال.", [("وأرجع", "المتحدث", "named_person")]),
    ("وبررت الشركة ذلك بارتفاع تكاليف الإنتاج.", [("وبررت", "الشركة", "official_body")]),
    ("قدرت منظمة الصحة العالمية عدد المصابين في البلاد بنحو ألف شخص.", [("قدرت", "منظمة الصحة العالمية", "official_body")]),
    ("وعلمت صحيفة الحياة أن الاجتماع تأجل إلى الأسبوع المقبل.", [("وعلمت", "صحيفة الحياة", "media_outlet")]),
    # not cues: يرجع "goes back to", لتبلغ "to reach" a number, a stance verb inside the content of a report,
    # a verb with an object pronoun in a relative clause on an indefinite noun
    ("يرجع السبب إلى قلة الأمطار.", []),
    ("ارتفعت الأرباح 5% لتبلغ 3 مليارات ريال على الرغم من أن المبيعات تراجعت.", []),
    ("وقال المتظاهرون إنهم يتوقعون أن تستمر الأزمة.", [("وقال", "المتظاهرون", "unnamed_group")]),
    ("وطرحت الهيئة مناقصة أعلنتها لشراء القمح.", []),
    # كان + subject + verb: the subject is before the verb, not the noun after it
    ("كانت الحكومة قالت العام الماضي إن الإنتاج تراجع.", [("قالت", "الحكومة", "official_body")]),
    ("كان وزير عراقي أبلغ رويترز في مارس أن الإنتاج سيرتفع.", [("أبلغ", "وزير عراقي", "anonymous")]),
])
def test_round2_cue_classes(text, expected):
    assert brief(text) == expected


def test_time_word_is_not_a_speaker():
    # أخيرا after the verb is skipped; the subject is before it (كانت التحقيقات كشفت أخيرا …)
    assert brief("وكانت التحقيقات كشفت أخيرا أن المتهم سافر إلى تركيا.") == [("كشفت", "التحقيقات", "document")]


def test_number_is_never_a_speaker():
    out = brief("وتراجعت أرباح الشركة لتبلغ 6.2 مليار ريال. وقالت: «هناك انخفاض في المبيعات».")
    assert all(not s[:1].isdigit() for _, s, _ in out)


def test_masculine_verb_skips_a_feminine_noun_phrase():
    text = ("وقال المهندس خالد الفالح إن الشركة تعمل في أسواق كثيرة، وكان لها حضور في السوق الصينية، "
            "وقال السوق الصينية لا تحتاج إلى دراسة.")
    r = rows(text)
    assert [x["cue"] for x in r] == ["وقال", "وقال"]
    assert r[1]["is_anaphoric"] and "الفالح" in r[1]["source_surface"]


def test_family_name_of_a_person_named_before_is_that_person():
    text = "وقال الناطق باسم المجلس المحلي علي الشمري إن القوات تقدمت. وأكد الشمري أن المعارك مستمرة."
    i = text.index("الشمري", text.index("وأكد"))
    # the actor layer mistakes the family name for a place (a town of the same name)
    ments = [(i, i + len("الشمري"), "L1", "الشمري", "Shammari", "location", "city")]
    r = rows(text, mentions=ments)
    assert [x["cue"] for x in r] == ["وقال", "وأكد"]
    assert r[0]["source_surface"].endswith("علي الشمري")
    assert r[1]["source_type"] == "named_person" and r[1]["source_surface"] == "الشمري"


def test_definite_document_stops_before_its_dual_object():
    text = "وقالت الوزارة في بيان إن الشرطة اعتقلت رجلين. وحدد البيان الرجلين بأنهما من سكان المنطقة."
    r = rows(text)
    assert [x["cue"] for x in r] == ["وقالت", "وحدد"]
    assert r[1]["source_type"] == "official_body" and r[1]["source_surface"] == "الوزارة" and r[1]["is_anaphoric"]


def test_unnamed_title_with_nationality_is_anonymous_but_names_are_not():
    assert brief("وقال مسؤول عسكري إن الهجوم فشل.") == [("وقال", "مسؤول عسكري", "anonymous")]
    assert brief("وقال دبلوماسي غربي إن المفاوضات فشلت.")[0][2] == "anonymous"
    assert brief("وقال أبو بكر إن المفاوضات فشلت.")[0][2] == "named_person"


def test_offsets_with_diacritics_and_tatweel():
    # the shared normaliser (analysis.normalize.normalize_for_matching) maps offsets back to the text as written
    text = "وأكّد الوزيرُ ســالم أنّ الخطةَ جاهزة."
    (r,) = rows(text)
    assert text[r["cue_start"]:r["cue_end"]] == r["cue"] == "وأكّد"
    assert text[r["source_start"]:r["source_end"]] == r["source_surface"] == "الوزيرُ ســالم"
    assert text[r["content_start"]:r["content_end"]] == "الخطةَ جاهزة"


def test_time_phrase_and_amount_before_the_subject_are_skipped():
    assert brief("وقالت العام الماضي وزارة المالية إن العجز تراجع.") == [("وقالت", "وزارة المالية", "official_body")]
    out = brief("وأكد 3 مسؤولين أن الاتفاق قريب.")
    assert out and out[0][1] == "مسؤولين" and out[0][2] == "anonymous"


# --- round 3: generalisation classes (own sentences, not the evaluation articles) --------------------------


def test_report_of_a_named_body_speaks_for_the_body_and_its_anaphors_inherit():
    text = ("وأوضح التقرير السنوي الـ12 لهيئة الإحصاء أن البطالة تراجعت. وأكد أن الأجور ارتفعت. "
            "وتطرق التقرير إلى سوق العمل، مبينا أن التوظيف زاد. واستعرض التقرير جهود التدريب. ولفت إلى أن العدد تضاعف.")
    got = brief(text)
    assert [c for c, _, _ in got] == ["وأوضح", "وأكد", "وتطرق", "مبينا", "واستعرض", "ولفت"]
    assert all(t == "official_body" for _, _, t in got), got
    assert all("لهيئة الإحصاء" in s for _, s, _ in got), got


def test_participle_after_a_renamed_institution_goes_to_the_institution():
    text = ("قال المرصد السوري إن القصف استمر. وذكر أحمد الخطيب أن السوق احترقت. "
            "كما قال المرصد إن الطائرة سقطت، مضيفا أن الطيار مفقود.")
    got = brief(text)
    assert got[-1][0] == "مضيفا" and got[-1][2] == "official_body" and "المرصد" in got[-1][1]


def test_showing_verbs_with_data_and_poll_subjects_are_document_cues():
    assert brief("وأظهرت بيانات رسمية ارتفاعا في الصادرات.") == [("وأظهرت", "بيانات رسمية", "document")]
    assert brief("وتظهر استطلاعات الرأي انقساما بين الناخبين.") == [("وتظهر", "استطلاعات الرأي", "document")]
    assert brief("وأظهرت بيانات وزارة المالية أن العجز تراجع.")[0][2] == "official_body"
    assert brief("حين تظهر النتائج مختلفة عن التوقعات.") == []  # يظهر "appears"
    assert brief("وأبرز المؤشرات المالية تحسن الإيرادات.") == []  # أبرز "the most prominent"


def test_stance_verbs_with_a_speaker_subject():
    assert brief("ودعا مدير الجوازات العميد خالد السبيعي، جميع المقيمين في المنطقة بطريقة غير نظامية، ممن تنطبق عليهم "
                 "الشروط وفق التعليمات الصادرة حديثا من الجهات المختصة في المديرية العامة، إلى مراجعة اللجنة.")[0][:1] == ("ودعا",)
    assert brief("وقد حذر بعض الخبراء، بحسب رويترز، من تباطؤ النمو.")[0] == ("حذر", "بعض الخبراء", "unnamed_group")
    got = brief("رفع الوزير توقعاته للنمو، مرجحا أن يستمر الانتعاش.")
    assert got and got[0][0] == "مرجحا"
    assert brief("من جهة أخرى علق المدير التنفيذي للشركة السيد سامر علي بقوله «إن النتائج جيدة»")[0][0] == "علق"
    assert brief("ويصور الرئيس قراره على أنه دفاع عن الاقتصاد.")[0][:1] == ("ويصور",)
    assert brief("كانت الكاميرا تدور وتصور المشهد.") == []
    assert brief("ويرجح أن الهجوم نفذه شخص واحد.") == []  # passive/impersonal


def test_flag_and_via_are_not_cues():
    assert brief("كان المهاجم يرفع علم «التنظيم» وفجر عددا من القوارير.") == []
    assert brief("وتم تداول الفيديو عبر مواقع التواصل الاجتماعي حيث نشر وسم عنه.") == []


def test_unnamed_plural_and_dual_people_are_groups_unless_named():
    assert brief("وقال منظمون إن الحفل ألغي.") == [("وقال", "منظمون", "unnamed_group")]
    assert brief("وأفاد شاهدان بأن الطائرة سقطت.") == [("وأفاد", "شاهدان", "unnamed_group")]
    assert brief("وأكد المحللان الدكتور سعد الحربي والدكتور علي الزهراني أن السوق ستتعافى.")[0][2] == "named_person"


def test_officials_of_a_named_company_and_a_ministry_statement_are_official_bodies():
    got = brief("قال مسؤولون من شركة نفط الشمال اليوم إن الإنتاج ارتفع.")
    assert got == [("قال", "مسؤولون من شركة نفط الشمال", "official_body")]
    assert brief("قال مسؤولون إن الإنتاج ارتفع.")[0][2] == "anonymous"
    got = brief("ووفقا لبيان صادر عن وزارة الزراعة، فإن المحصول تضاعف.")
    assert got[0][0] == "ووفقا" and got[0][2] == "official_body" and "وزارة الزراعة" in got[0][1]


def test_imperative_plural_inside_a_quote_is_not_a_cue_but_plural_verbs_find_their_group():
    assert [c for c, _, _ in brief("وأضاف الوزير “هذا هو وقت الحسم في هذه القضية. عارضوا هذا القرار الخطير.”")] == ["وأضاف"]
    got = brief("وقال أحمد إن الرحلة طالت. وبعد وصوله فوجئ بأن عناصر من الميليشيا اعتقلوه واتهموه بالتجسس.")
    assert got[-1][0] == "واتهموه" and got[-1][1].startswith("عناصر") and got[-1][2] == "unnamed_group"


def test_reiterate_and_opinion_pronoun_forms():
    assert brief("وجدد الوزير دعوته إلى الحوار.") == [("وجدد", "الوزير", "named_person")]
    got = brief("وهي خطوة يعتبرها المراقبون ضرورية.")
    assert got and got[0][0] == "يعتبرها" and got[0][1].startswith("المراقبون")
    assert brief("كانت الأسماك تراها العين المجردة.") == []


def test_the_anonymity_formula_is_not_a_report_and_the_speaker_stays_anonymous():
    got = brief("وقال المسؤول لوكالة فرانس برس طالبا عدم كشف اسمه إن \"العمليات مستمرة\". وأكد أن \"الأكراد ليسوا هدفا\".")
    assert [(c, t) for c, _, t in got] == [("وقال", "anonymous"), ("وأكد", "anonymous")]
    assert brief("وطلب المصدر عدم ذكر اسمه.") == []


def test_a_profession_title_reaches_the_name_after_its_field():
    got = brief("وأوضح استشاري الأنف والأذن والحنجرة الدكتور أنور سالم أن العدوى تنتقل بسهولة.")
    assert got[0][0] == "وأوضح" and got[0][2] == "named_person" and got[0][1].endswith("أنور سالم")
