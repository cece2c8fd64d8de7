"""Tests for analysis.actors: codebook loading, matching rules, discovery, counts and the KWIC view."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from analysis.actors import (
    CodebookError,
    cooccurrence,
    count_mentions,
    discovery_candidates,
    extract_mentions,
    kwic,
    load_codebook,
    nisba_forms,
)
from analysis.normalize import dediacritize, normalize, normalize_for_matching, split_sentences
from analysis.schema import MENTIONS

SEED = Path(__file__).resolve().parent.parent / "data" / "seeds" / "000_e3dabb0c118fe892.txt"


def arts(*texts, titles=None, published=None, timezone="UTC", ids=None):
    n = len(texts)
    return pd.DataFrame({
        "article_id": ids or [f"a{i}" for i in range(n)],
        "title": titles or [None] * n,
        "text": list(texts),
        "published": pd.to_datetime(published or [pd.NaT] * n, utc=True),
        "timezone": [timezone] * n,
    })


def rows(m, **where):
    for k, v in where.items():
        m = m[m[k] == v]
    return m


def key(s: str) -> str:
    """Surface without diacritics and proclitics, normalised (how the issue lists the seed's mentions)."""
    from analysis.actors.rules import strip_clitics

    return " ".join(strip_clitics(w) if i == 0 else w for i, w in enumerate(normalize(dediacritize(s)).split()))


@pytest.fixture(scope="module")
def seed_mentions():
    text = SEED.read_text(encoding="utf-8")
    m = extract_mentions(arts(text, published=["2016-11-30T12:00:00Z"]))
    return text, m


# --- codebook --------------------------------------------------------------------------------------


def test_user_csv_extends_and_overrides(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("actor_id,label_ar,type,aliases\nperson:x_y,فلان الفلاني,person,الفلاني\ncountry:eg,مصر,country,أم الدنيا\n",
                 encoding="utf-8")
    cb = load_codebook(p)
    assert cb.actors.loc["person:x_y", "label_ar"] == "فلان الفلاني"
    assert cb.actors.loc["country:eg", "aliases"] == "أم الدنيا"  # replaced the default row
    m = extract_mentions(arts("قال فلان الفلاني إن أم الدنيا بخير"), codebook=cb)
    assert set(m["actor_id"]) >= {"person:x_y", "country:eg"}
    assert load_codebook() is load_codebook()  # the default is cached


def test_bad_rows_name_file_and_row(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("actor_id,label_ar,type\nperson:ok,فلان,person\nperson:bad,علان,wizard\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.csv, row 3: type 'wizard'"):
        load_codebook(p)
    q = tmp_path / "noid.csv"
    q.write_text("actor_id,label_ar,type\nNot An Id,فلان,person\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"noid\.csv, row 2"):
        load_codebook(q)
    r = tmp_path / "cols.csv"
    r.write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="header lacks"):
        load_codebook(r)


def test_nisba_forms_are_generated():
    assert set(nisba_forms("مصري")) >= {"مصري", "مصرية", "مصريين", "مصريون", "مصريات"}
    assert nisba_forms("روس") == ["روس"]  # irregular forms are kept as listed
    m = extract_mentions(arts("التقى المصريون والمصريات بالوفد المصري وقوات مصرية"))
    assert list(m["match_kind"]) == ["nisba"] * 4
    assert set(m["actor_id"]) == {"country:eg"}


# --- span rule, longest match ------------------------------------------------------------------------


def test_spans_are_whole_tokens_with_proclitics(seed_mentions):
    text, m = seed_mentions
    assert list(m.columns) == list(MENTIONS)
    for r in m.itertuples():
        assert text[r.start : r.end] == r.surface
        assert r.start == 0 or not text[r.start - 1].isalnum()
        assert r.end == len(text) or not text[r.end].isalnum()
    spans = split_sentences(text)
    for r in m.itertuples():
        a, b = spans[r.sentence_index]
        assert a <= r.start < b
    assert {"للقاهرة", "والرياض", "بسوريا", "بمجلس الأمن", "لقناة السويس"} <= set(m["surface"])


def test_longest_match_wins():
    m = extract_mentions(arts("أعلنت وزارة الخارجية السعودية أمس"))
    assert len(m) == 1 and m.iloc[0]["actor_type"] == "organization"
    assert m.iloc[0]["surface"] == "وزارة الخارجية السعودية"


def test_titles_are_kept_when_given():
    m = extract_mentions(arts("القاهرة", titles=["السيسي في القاهرة"]))
    t = rows(m, field="title")
    assert set(t["surface"]) == {"السيسي", "القاهرة"}
    assert "السيسي في القاهرة"[t.iloc[0]["start"] : t.iloc[0]["end"]] == t.iloc[0]["surface"]


# --- the seed: every "Must show" bullet ---------------------------------------------------------------


def test_seed_egypt(seed_mentions):
    _, m = seed_mentions
    eg = rows(m, actor_id="country:eg")
    names = Counter(key(s) for s in rows(eg, match_kind="name")["surface"])
    assert names["مصر"] == 6
    nis = Counter(key(s) for s in rows(eg, match_kind="nisba")["surface"])
    assert nis["مصريين"] == 4 and nis["مصريه"] == 1 and nis["مصري"] >= 1 and nis["مصري"] + nis["مصري"] >= 1
    assert "الجانب المصري" in SEED.read_text(encoding="utf-8")
    met = rows(eg, match_kind="metonym")
    assert sorted(met["surface"]) == ["القاهرة", "للقاهرة"]
    loc = rows(m, actor_id="location:cairo")
    assert len(loc) == 4 and set(loc["match_kind"]) == {"name"}


def test_seed_syria_metonyms_and_places(seed_mentions):
    text, m = seed_mentions
    dam = m[m["surface"].str.contains("دمشق")]
    kinds = [(text[max(0, r.start - 12) : r.end + 6], r.match_kind) for r in dam.itertuples()]
    assert sum(k == "metonym" for _, k in kinds) == 5, kinds
    assert sum(k == "name" for _, k in kinds) == 2, kinds
    for r in dam.itertuples():
        before = text[max(0, r.start - 4) : r.start]
        assert (r.match_kind == "name") == ("فى " in before), (before, r.match_kind)
        assert r.actor_id == ("location:damascus" if r.match_kind == "name" else "country:sy")
    sy = rows(m, actor_id="country:sy")
    assert "بسوريا" in set(rows(sy, match_kind="name")["surface"])
    assert {"السوري", "السورية"} <= set(rows(sy, match_kind="nisba")["surface"])
    # السورى is spelt with ى only in "الجيش السورى": one organisation (longest match), as the gold has it
    assert "الجيش السورى" in set(m[m["actor_type"] == "organization"]["surface"])


def test_seed_persons(seed_mentions):
    text, m = seed_mentions
    per = m[m["actor_type"] == "person"]
    mam = per[per["label_en"].fillna("").str.contains("Mamlouk") | per["actor_id"].str.contains("مملوك")]
    assert Counter(mam["surface"]) == Counter({"علي المملوك": 1, "مملوك": 2})
    assert len(per[per["surface"] == "خالد فوزي"]) == 1
    sisi = per[per["surface"].str.contains("السيسي")]
    assert len(sisi) == 4 and sisi["actor_id"].nunique() == 1
    assad = per[per["surface"].str.contains("الأسد")]
    assert len(assad) == 3 and assad["actor_id"].nunique() == 1
    # "علي الناحية" (على mis-spelt) is not a person
    i = text.index("علي الناحية")
    assert rows(m, start=i).empty


def test_seed_other_actors(seed_mentions):
    _, m = seed_mentions
    surf = lambda aid: list(m[m["actor_id"] == aid]["surface"])
    sana = m[m["actor_type"] == "media"]
    assert {"وكالة الأنباء السورية", "سانا"} <= set(sana["surface"])
    sa = rows(m, actor_id="country:sa")
    assert set(zip(sa["surface"], sa["match_kind"])) == {("والرياض", "metonym"), ("السعودية", "nisba")}
    ru = rows(m, actor_id="country:ru")
    assert Counter(ru["surface"]) == Counter({"روسي": 1, "الروسية": 2, "روسية": 1})
    assert set(ru["match_kind"]) == {"nisba"}
    assert "بمجلس الأمن" in set(m[m["actor_type"] == "organization"]["surface"])
    assert surf("country:ly") == ["ليبيا", "الليبية"]
    assert surf("country:iq") == ["العراق"]
    assert any("طرطوس" in s for s in m[m["actor_type"] == "location"]["surface"])
    assert "لقناة السويس" in set(m[m["actor_type"] == "location"]["surface"])


# --- context rules --------------------------------------------------------------------------------


def test_assad_needs_person_context():
    m = extract_mentions(arts("زأر الأسد في الغابة."))
    assert m[m["actor_type"] == "person"].empty
    m = extract_mentions(arts("قالت المعارضة إن قوات الأسد قصفت حلب."))
    assert "الأسد" in set(m[m["actor_type"] == "person"]["surface"])


def test_capital_metonym_vs_place():
    m = extract_mentions(arts("دمشق ترفض المبادرة، ووصل الوفد إلى دمشق أمس، وزار الرئيس موسكو."))
    got = list(zip(m["surface"], m["match_kind"], m["actor_type"]))
    assert got[0] == ("دمشق", "metonym", "country")
    assert ("دمشق", "name", "location") in got
    assert ("موسكو", "name", "location") in got
    m = extract_mentions(arts("تحسنت العلاقات بين واشنطن وطهران."))
    assert list(m["match_kind"]) == ["metonym", "metonym"]
    assert list(m["actor_type"]) == ["country", "country"]


def test_saudiya_name_or_nisba():
    m = extract_mentions(arts("وصل الوفد إلى السعودية. وأكدت القوات السعودية ذلك."))
    assert list(m["match_kind"]) == ["name", "nisba"]


def test_role_phrase_nisba_is_dropped_before_a_name():
    m = extract_mentions(arts("التقى وزير الخارجية المصري سامح شكري نظيره."))
    assert m[m["match_kind"] == "nisba"].empty
    assert len(m[m["actor_type"] == "person"]) == 1


def test_shipped_titles_resolve_to_the_holder_of_the_day_after_2016():
    """The default codebook's terms reach the 2020s (thirtieth session): the same sentence names Castex in 2021,
    Barnier in late 2024 and Lecornu in October 2025; the Sudanese head of state after 2019 is al-Burhan by his
    council's title."""
    text = "وقال رئيس الوزراء الفرنسي في كلمته إن الاقتصاد يتحسن."
    a = arts(text, text, text, published=["2021-03-01T10:00:00Z", "2024-11-01T10:00:00Z", "2025-10-20T10:00:00Z"])
    titles = rows(extract_mentions(a), match_kind="title")
    assert dict(zip(titles["article_id"], titles["actor_id"])) == {
        "a0": "person:jean_castex", "a1": "person:michel_barnier", "a2": "person:sebastien_lecornu"}
    b = arts("واستقبل رئيس مجلس السيادة السوداني وفدا من الاتحاد الأفريقي.", published=["2023-02-01T10:00:00Z"])
    assert list(rows(extract_mentions(b), match_kind="title")["actor_id"]) == ["person:abdel_fattah_al_burhan"]


def test_shipped_titles_of_the_smaller_arab_league_states():
    """The prime ministers of Mauritania, Somalia and Djibouti and Djibouti's foreign minister (thirty-first session):
    Mauritania's الوزير الأول is Ould Hademine in 2016 and Ould Bilal in 2022; Somalia's prime minister is Khaire in
    2018 and Roble in 2021."""
    mr = "وأكد الوزير الأول الموريتاني أن الحكومة ماضية في الإصلاح."
    so = "وقال رئيس الوزراء الصومالي إن الانتخابات ستجرى في موعدها."
    dj = "وأكد وزير الخارجية الجيبوتي دعم بلاده للتحالف."
    a = arts(mr, mr, so, so, dj, published=["2016-03-01T10:00:00Z", "2022-03-01T10:00:00Z", "2018-03-01T10:00:00Z",
                                            "2021-03-01T10:00:00Z", "2019-03-01T10:00:00Z"])
    titles = rows(extract_mentions(a), match_kind="title")
    assert dict(zip(titles["article_id"], titles["actor_id"])) == {
        "a0": "person:yahya_ould_hademine", "a1": "person:mohamed_ould_bilal", "a2": "person:hassan_ali_khaire",
        "a3": "person:mohamed_hussein_roble", "a4": "person:mahmoud_ali_youssouf"}


def _zembland_codebook(tmp_path, morsi_phrases="رئيس جمهورية زمبلاند"):
    """Two presidents of an invented country, Morsi's and Sisi's terms, as a user's persons and offices files."""
    p = tmp_path / "persons.csv"
    p.write_text("actor_id,label_ar,type\nperson:morsi,محمد مرسي,person\nperson:sisi_t,عبد الفتاح السيسي,person\n", encoding="utf-8")
    o = tmp_path / "my_offices.csv"
    o.write_text("person_id,office_ar,office_en,country,start,end,source\n"
                 f"person:morsi,{morsi_phrases},President of Zembland,,2012-06-30,2013-07-03,test\n"
                 "person:sisi_t,رئيس جمهورية زمبلاند,President of Zembland,,2014-06-08,,test\n", encoding="utf-8")
    return load_codebook([p, o])


def test_codebook_terms_table_and_holders_on_a_day(tmp_path):
    """Codebook.terms(): every term as a table; terms(on) the holders that day, the same rule the matcher applies
    (start <= day < end)."""
    cb = _zembland_codebook(tmp_path, "رئيس جمهورية زمبلاند|رئيس زمبلاند")
    t = cb.terms()
    mine = t[t["office_en"] == "President of Zembland"]
    assert list(mine["person_id"]) == ["person:morsi", "person:sisi_t"]
    assert list(mine["label_ar"]) == ["محمد مرسي", "عبد الفتاح السيسي"]
    assert mine["phrases"].iloc[0] == "رئيس جمهورية زمبلاند|رئيس زمبلاند" and pd.isna(mine["end"].iloc[1])
    on = lambda day: list(cb.terms(day).query("office_en == 'President of Zembland'")["person_id"])  # noqa: E731
    assert on("2013-01-10") == ["person:morsi"]
    assert on("2013-07-03") == [] and on("2014-06-08") == ["person:sisi_t"] and on("2030-01-01") == ["person:sisi_t"]
    assert on(pd.Timestamp("2013-01-10T23:00:00Z")) == ["person:morsi"]
    # the shipped codebook: France's prime minister in November 2024
    fr = load_codebook().terms("2024-11-01").query("office_en == 'Prime Minister of France'")
    assert list(fr["person_id"]) == ["person:michel_barnier"]


def test_title_resolves_inside_the_term_only(tmp_path):
    cb = _zembland_codebook(tmp_path)
    text = "وقال رئيس جمهورية زمبلاند في كلمته إن الاقتصاد يتحسن."
    a = arts(text, text, text, published=["2013-01-10T10:00:00Z", "2015-08-01T10:00:00Z", "2013-12-01T10:00:00Z"])
    m = extract_mentions(a, codebook=cb)
    titles = m[m["match_kind"] == "title"]
    assert dict(zip(titles["article_id"], titles["actor_id"])) == {"a0": "person:morsi", "a1": "person:sisi_t"}
    # the local calendar date decides: 2014-06-07 22:30 UTC is already 2014-06-08 in Riyadh
    b = arts(text, published=["2014-06-07T22:30:00Z"], timezone="Asia/Riyadh")
    assert list(rows(extract_mentions(b, codebook=cb), match_kind="title")["actor_id"]) == ["person:sisi_t"]
    c = arts(text, published=["2014-06-07T22:30:00Z"], timezone="UTC")
    assert rows(extract_mentions(c, codebook=cb), match_kind="title").empty


def test_default_codebook_knows_the_office_holders_of_the_2000s():
    text = "وقال الرئيس الفرنسي إن باريس لن تشارك، فيما التقى رئيس الحكومة اللبنانية فؤاد السنيورة نظيره شارون."
    m = extract_mentions(arts(text, text, published=["2006-03-01T10:00:00Z", "2015-08-01T10:00:00Z"]))
    got = {(r.article_id, r.actor_id) for r in m.itertuples() if r.actor_id.startswith("person:")}
    assert {("a0", "person:jacques_chirac"), ("a0", "person:fouad_siniora"), ("a0", "person:ariel_sharon"),
            ("a1", "person:francois_hollande")} <= got
    assert ("a1", "person:jacques_chirac") not in got


def test_short_names_follow_the_article_context():
    m = extract_mentions(arts("قصفت قوات المعارضة مواقع في سوريا."))
    assert "group:syrian_opposition" in set(m["actor_id"])
    m = extract_mentions(arts("انتقدت المعارضة الحكومة في البرلمان البريطاني."))
    assert "group:syrian_opposition" not in set(m["actor_id"])


def test_the_alliance_is_nato_where_the_field_names_nato():
    """Fortieth session (short_names.tsv, CONVENTIONS D1): الحلف alone is NATO where the field names NATO (a context
    actor, not a country), and no actor elsewhere."""
    m = extract_mentions(arts("قال حلف الناتو إن تركيا طلبت اجتماعا. وأضاف الحلف في بيان أن السفراء سيجتمعون.",
                              "وقال المالكي إن الحلف الذي تشكل لن يدوم."))
    assert list(rows(m, article_id="a0", surface="الحلف")["actor_id"]) == ["org:nato"]
    assert rows(m, article_id="a1", surface="الحلف").empty


def test_the_regime_is_no_system():
    """Fortieth session: النظام before an adjective of a system (المالي، السياسي، العام) is no regime, so not Syria's
    government even in a field about Syria; النظام alone there still is."""
    m = extract_mentions(arts("قصفت قوات النظام مواقع المعارضة في سوريا، بينما ناقش الخبراء النظام المالي العالمي "
                              "والنظام السياسي في لبنان."))
    assert list(rows(m, actor_id="org:government_sy")["surface"]) == ["النظام"]


def test_the_kings_title_after_private_is_anothers_role():
    """Fortieth session (CONVENTIONS D5): لخادم الحرمين الشريفين after الخاص/الخاصة (السكرتير الخاص، رئيس الشؤون الخاصة)
    is part of another person's role, no mention of the king; after a verb's complement it still is."""
    text = ("وكان في الوداع فهد العسكر نائب السكرتير الخاص لخادم الحرمين الشريفين، وحازم زقزوق رئيس الشؤون الخاصة "
            "لخادم الحرمين الشريفين. ورفع الوزير الشكر لخادم الحرمين الشريفين.")
    m = extract_mentions(arts(text, published=["2015-08-01T10:00:00Z"]))
    assert list(rows(m, actor_id="person:salman_of_saudi_arabia")["start"]) == [text.rindex("لخادم")]


def test_codebook_forms_the_read_sets_lacked():
    """Fortieth session: spellings and short names of codebook actors that annotated articles use (دي مستورا without
    ي، شتولتينبيرج، أمانة المدينة for Medina's municipality)."""
    m = extract_mentions(arts("ذكرت أمانة المدينة أن المشاريع اكتملت. وقال المبعوث إن دي مستورا سيزور دمشق، ودعا ينس "
                              "شتولتينبيرج إلى اجتماع."))
    assert {"org:sa_madinah_municipality", "person:staffan_de_mistura", "person:jens_stoltenberg"} <= set(m["actor_id"])


def test_short_names_follow_the_country_of_an_actor_when_no_country_is_named():
    """A short name that would be dropped as generic takes the country of another actor of the field (the coalition's
    own Syrian nisba, the Assad regime after Bashar al-Assad), not of the short names themselves."""
    m = extract_mentions(arts("قال الائتلاف الوطني السوري إن النظام يقصف المدنيين، وطالب الائتلاف بحمايتهم.",
                              "وقال بشار الأسد إن المعارضة لن تنتصر.",
                              "قال الائتلاف إن النظام يقصف المدنيين."))
    assert list(rows(m, article_id="a0", surface="النظام")["actor_id"]) == ["org:government_sy"]
    assert list(rows(m, article_id="a0", surface="الائتلاف")["actor_id"]) == ["group:syrian_national_coalition"]
    assert "group:syrian_opposition" in set(rows(m, article_id="a1")["actor_id"])
    assert rows(m, article_id="a2").empty  # no country anywhere: the generic words are dropped, as before
    # the row for any article wins over an actor's country when it names an actor (the Saudi Red Crescent)
    m = extract_mentions(arts("وقال عبد الفتاح السيسي إن الهلال الأحمر وصل."))
    assert list(rows(m, surface="الهلال الأحمر")["actor_id"]) == ["org:saudi_red_crescent"]


# --- discovery ---------------------------------------------------------------------------------------


def test_discovery_after_titles_quotes_and_given_names():
    text = ("قال اللواء ماهر الحسيناوي إن الوضع مستقر. وأكد الرئيس بلاتونوف ذلك. "
            "والتقى “سمير القحطاني” الوفد. وأضاف الحسيناوي أن القوات تقدمت.")
    m = extract_mentions(arts(text))
    d = rows(m, match_kind="discovered")
    assert {"ماهر الحسيناوي", "بلاتونوف", "سمير القحطاني", "الحسيناوي"} <= set(d["surface"])
    ids = dict(zip(d["surface"], d["actor_id"]))
    assert ids["الحسيناوي"] == ids["ماهر الحسيناوي"] == "discovered:ماهر_الحسيناوي"  # short form linked
    assert set(d["actor_type"]) == {"person"}


def test_short_forms_link_within_one_article_only():
    m = extract_mentions(arts("قال ماهر الحسيناوي إن الوضع مستقر.", "وأضاف الحسيناوي أن القوات تقدمت."))
    # (the family name alone before the speech is a name of its own there: _speaker_surname, tenth session)
    assert list(rows(m, article_id="a1", surface="الحسيناوي")["actor_id"]) == ["discovered:الحسيناوي"]


def test_discover_false_emits_codebook_matches_only():
    m = extract_mentions(arts("قال اللواء ماهر الحسيناوي في القاهرة"), discover=False)
    assert set(m["match_kind"]) == {"name"}


def test_pure_and_deterministic():
    a = arts(SEED.read_text(encoding="utf-8"), "زار السيسي الرياض")
    before = a.copy()
    m1 = extract_mentions(a)
    m2 = extract_mentions(a)
    pd.testing.assert_frame_equal(a, before)
    pd.testing.assert_frame_equal(m1, m2)
    assert extract_mentions(arts()).empty


def test_normalisation_for_matching_equals_the_composed_normalisers():
    """The matcher uses analysis.normalize.normalize_for_matching (the fast path): it must equal the
    single-purpose normalisers composed, and map every kept character back to the original."""
    from analysis.normalize import normalize_alef, normalize_alef_maqsura, normalize_digits, normalize_teh_marbuta

    for s in ["مُفَاتَلَة الإرهاب ٢٠١٥", "أإآٱ ى ة", "زار “علي المملوك” القاهرةَ", "", "بدون تشكيل", "۱۴ ـــ وَ"]:
        nt = normalize_for_matching(s)
        assert nt.norm == normalize_digits(normalize_teh_marbuta(normalize_alef_maqsura(normalize_alef(dediacritize(s)))))
        idx = range(len(s)) if nt.orig_index is None else list(nt.orig_index)
        assert len(idx) == len(nt.norm)
        assert all(normalize_for_matching(s[i]).norm == c for i, c in zip(idx, nt.norm))


# --- counts and views --------------------------------------------------------------------------------


def test_count_mentions_by_local_day_and_duplicates():
    a = arts("زار السيسي القاهرة.", "زار السيسي القاهرة.", "مصر ومصر",
             published=["2015-08-01T22:30:00Z", "2015-08-01T22:30:00Z", "2015-08-01T10:00:00Z"], timezone="Asia/Riyadh")
    a["source"] = ["x", "x", "y"]
    a["duplicate_of"] = [None, "a0", None]
    m = extract_mentions(a)
    c = count_mentions(m, a, by=("actor", "day"))
    eg = c[c["actor_id"] == "country:eg"]
    assert eg[["mentions", "articles"]].values.tolist() == [[2, 1]]
    assert str(eg["day"].iloc[0].date()) == "2015-08-01"
    sisi = c[c["label_en"].fillna("").str.contains("Sisi")]
    assert str(sisi["day"].iloc[0].date()) == "2015-08-02"  # 22:30 UTC is the next day in Riyadh
    assert int(sisi["mentions"].sum()) == 1  # the duplicate article is excluded
    c2 = count_mentions(m, a, by=("actor", "source"), include_duplicates=True)
    assert int(c2[c2["label_en"].fillna("").str.contains("Sisi")]["mentions"].sum()) == 2
    with pytest.raises(ValueError):
        count_mentions(m, a, by=("actor", "month"))


def test_cooccurrence_levels():
    a = arts("التقى السيسي في القاهرة. وزار العراق.")
    m = extract_mentions(a)
    s = cooccurrence(m, level="sentence")
    pairs = set(zip(s["actor_a"], s["actor_b"]))
    assert any("location:cairo" in p for p in pairs)
    assert not any("country:iq" in p for p in pairs)
    art = cooccurrence(m, level="article")
    assert any("country:iq" in p for p in zip(art["actor_a"], art["actor_b"]))
    assert (art["actor_a"] < art["actor_b"]).all()


def test_discovery_candidates_list_names_with_examples():
    a = arts("قال اللواء ماهر الحسيناوي إن الوضع مستقر.", "وأكد اللواء ماهر الحسيناوي ذلك.")
    c = discovery_candidates(extract_mentions(a), a)
    top = c.iloc[0]
    assert top["label_ar"] == "ماهر الحسيناوي" and top["count"] == 2 and top["articles"] == 2
    assert top["examples"][0] == "قال اللواء ماهر الحسيناوي إن الوضع مستقر."
    assert top["suggested_actor_id"].startswith("person:") and top["suggested_actor_id"].isascii()


def test_kwic_is_rtl_highlighted_and_escaped():
    a = arts("<b>خبر</b> زار السيسي القاهرة & عاد.")
    html = kwic(extract_mentions(a), a, width=20).to_html()
    assert 'dir="rtl"' in html and "<mark" in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "&amp;" in html


# --- charts --------------------------------------------------------------------------------------------


def test_charts_draw_arabic_through_the_helper(seed_mentions):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.plotting.actors import (
        plot_actor_by_outlet,
        plot_actor_timeline,
        plot_cooccurrence_network,
        plot_top_actors,
    )
    from analysis.plotting.core import arabic_text_problems

    text = SEED.read_text(encoding="utf-8")
    a = arts(text, "زار السيسي القاهرة. مصر ترحب.", published=["2016-11-30T12:00:00Z", "2016-12-02T12:00:00Z"])
    a["source"] = ["x", "y"]
    m = extract_mentions(a)
    ax = plot_top_actors(count_mentions(m, a), top_n=8)
    assert len(ax.patches) == 8
    assert arabic_text_problems(ax.figure) == []
    ax = plot_actor_timeline(m, a, top_n=3)
    assert arabic_text_problems(ax.figure) == []
    ax = plot_actor_by_outlet(m, a, actor_id="country:eg")
    assert arabic_text_problems(ax.figure) == []
    ax = plot_cooccurrence_network(cooccurrence(m), top_n=6)
    assert arabic_text_problems(ax.figure) == []
    assert len([t for t in ax.texts if t.get_text()]) == 6
    plt.close("all")


def test_optional_tagger_adds_names_without_breaking_spans():
    text = "وقال المدرب فيم دويسنبرج إن فريقه جاهز للمباراة."
    m = extract_mentions(arts(text), tagger=True)
    for r in m.itertuples():
        assert text[r.start : r.end] == r.surface
    assert set(m["match_kind"]) <= {"name", "alias", "nisba", "metonym", "title", "discovered"}
    base = extract_mentions(arts(text))
    assert list(base.columns) == list(m.columns)


def test_first_name_form_inside_another_name_is_not_the_codebook_person():
    m = extract_mentions(arts("وأكد د.صالح الحربي على ضرورة ذلك، وقال صالح إن الخطة جاهزة."))
    assert list(m["surface"]) == ["صالح الحربي", "صالح"]
    assert m["actor_id"].nunique() == 1 and m["actor_id"].iloc[0].startswith("discovered:")


def test_datelines_and_lists_of_places_are_places():
    m = extract_mentions(arts("عين اليوم – الرياض\nاستقبل الوزير الوفد. ونشطت الثقافة في مصر وبيروت ودمشق."))
    caps = m[m["surface"].isin(["الرياض", "وبيروت", "ودمشق"])]
    assert set(caps["match_kind"]) == {"name"} and set(caps["actor_type"]) == {"location"}


def test_spa_after_the_era_letter_of_its_dateline_is_the_agency():
    # SPA's dateline ends the date with م and names the agency with no bracket or dash
    for date in ("10 اغسطس 2015 م", "10 اغسطس 2015م"):
        m = extract_mentions(arts(f"الرياض 25 شوال 1436 هـ الموافق {date} واس عقد الوزير اجتماعاً"))
        assert "media:spa" in set(m["actor_id"]), date
    assert "media:spa" not in set(extract_mentions(arts("قال إنه واس الجريح"))["actor_id"])


def test_a_two_word_title_before_the_full_name_leaves_only_the_name():
    m = extract_mentions(arts("عقد فخامة الرئيس اليمني عبدربه منصور هادي اليوم اجتماعاً", published=["2015-08-10T09:00:00Z"]))
    assert list(zip(m["surface"], m["actor_id"])) == [("عبدربه منصور هادي", "person:abdrabbuh_mansur_hadi")]


def test_holy_sites_are_places_but_not_inside_the_kings_title():
    m = extract_mentions(arts("وجه خادم الحرمين الشريفين الملك سلمان بخدمة حجاج بيت الله الحرام في المشاعر المقدسة.",
                              published=["2015-08-10T09:00:00Z"]))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("بيت الله الحرام", "location:great_mosque_of_mecca") in got
    assert ("المشاعر المقدسة", "location:holy_sites_mecca") in got
    assert not any("الحرمين" in s for s, _ in got)  # the title is dropped before the name, with nothing inside it


def test_event_names_are_opaque_and_hamza_forms_keep_their_letters():
    m = extract_mentions(arts("حامل لقب الدوري القطري، وعرض فيلم «آنت مان» في قمة بيروت."))
    assert m.empty, m[["surface", "actor_id"]].values.tolist()
    m = extract_mentions(arts("أظهر استطلاع ألماني أن الألمان يؤيدون القرار"))
    assert list(m["actor_id"]) == ["country:de", "country:de"]



def test_a_place_with_the_article_inside_an_event_name_is_opaque_a_country_stays_a_party():
    """Round 11: اتفاق الطائف، إعلان القاهرة، كأس الخليج (a place with the article) are event names like قمة بيروت;
    a country with the article after اتفاق/إعلان is the party (إعلان الولايات المتحدة "the US announcement")."""
    m = extract_mentions(arts("وأكد التمسك باتفاق الطائف وبإعلان القاهرة، وتابع كأس الخليج، ورحب بإعلان الولايات المتحدة."))
    assert list(m["surface"]) == ["الولايات المتحدة"], m[["surface", "actor_id"]].values.tolist()


def test_the_closing_line_of_tags_keeps_its_names():
    """Eighth session: 3alyoum's closing «سمات» line of keywords is content, and the development gold (dev5: سمات ألمانيا
    داعش سوريا) and the eighth session's blind sets annotate its names; round 11 had dropped them."""
    body = "وقال الرئيس عبدالفتاح السيسي إن مشروع قناة السويس الجديدة يفتح آفاقا واسعة أمام الاقتصاد، وإن الحكومة " * 3
    m = extract_mentions(arts(body + "ماضية في العمل. سمات السيسي مصر قناة السويس"))
    assert list(m["surface"])[-3:] == ["السيسي", "مصر", "قناة السويس"], m[["surface", "actor_id"]].values.tolist()


def test_a_share_bar_names_no_media():
    """Round 11 (boilerplate.txt): the share bar at the head of an article is page furniture; تويتر in a sentence is
    the outlet."""
    m = extract_mentions(arts("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أصيب النائب، وكتب على تويتر أنه بخير."))
    assert list(m["surface"]) == ["تويتر"] and m["start"].iloc[0] > 40

def test_saleh_after_a_title_or_before_a_family_name_is_another_man_but_not_beside_the_houthis():
    """Round 11: a one-word codebook person form that is also a first name (صالح) after a title or a family word, or
    before a family name or آل, is another man (freed for discovery); a later bare صالح is then that man, unless the
    codebook person's country is named near it (… صالح القنيعير … الميليشيات الحوثية وصالح: Ali Abdullah Saleh)."""
    m = extract_mentions(arts("وقال المهندس صالح الجاسر إن الشركة تنمو. وأضاف صالح أن الأسطول سيزيد، وأكد المدير صالح آل "
                              "سالم الخطة.",
                              "وقال الشيخ صالح القنيعير إن القبائل ترفض الانقلاب. وتواصل الميليشيات الحوثية وصالح قصف تعز.",
                              "يعد الموقع الرابع بعد مدائن صالح والدرعية، وتستثمر الثروة لصالح المنطقة."))
    a0 = rows(m, article_id="a0")
    assert "person:ali_abdullah_saleh" not in set(a0["actor_id"])
    assert {"صالح الجاسر", "صالح آل سالم"} <= set(a0["surface"])
    saleh = a0[a0["surface"] == "صالح"]
    assert len(saleh) == 1 and saleh["actor_id"].iloc[0] == a0[a0["surface"] == "صالح الجاسر"]["actor_id"].iloc[0]
    a1 = rows(m, article_id="a1")
    assert a1[a1["surface"] == "وصالح"]["actor_id"].tolist() == ["person:ali_abdullah_saleh"]
    assert rows(m, article_id="a2", actor_type="person").empty


def test_a_nisba_after_a_proper_organisation_name_is_the_country_and_a_title_before_it_yields_to_the_name():
    """CONVENTIONS ("حزب الله" اللبناني; both read occurrences of the gold split it): حزب الله اللبناني is Hezbollah and
    the nisba Lebanon (round 11: no longer one alias); a title, a nisba and the holder's name: only the name (D5)."""
    m = extract_mentions(arts("اعترف حزب الله اللبناني بمقتل عنصرين. وقال رئيس الاتحاد الدولي السويسري جوزيف بلاتر إن "
                              "البطولة ناجحة.", published=["2015-07-30T10:00:00Z"]))
    assert [("حزب الله", "group:hezbollah"), ("اللبناني", "country:lb")] == list(zip(m["surface"], m["actor_id"]))[:2]
    assert rows(m, match_kind="title").empty

# --- round 2: head-noun discovery, quoted outlets, lists, clitics on short person forms ----------------


def _surfaces(text, **kw):
    m = extract_mentions(arts(text, published=["2015-07-22T12:00:00Z"]))
    return {(r.surface, r.actor_type) for r in m.itertuples()}, m


def test_organisation_chains_are_one_discovered_organisation():
    got, m = _surfaces("وقالت الهيئة العامة للإحصاء إن لجنة حقوق الإنسان الدولية المقيمة في جنيف وشركة المياه الأهلية "
                       "ومؤسسة الموانئ اليمنية ستعمل معا.")
    assert ("الهيئة العامة للإحصاء", "organization") in got
    assert ("لجنة حقوق الإنسان الدولية", "organization") in got  # stops after the adjective: المقيمة is not in the name
    assert ("مؤسسة الموانئ اليمنية", "organization") in got or ("ومؤسسة الموانئ اليمنية", "organization") in got
    assert not any(s == "اليمنية" for s, _ in got)  # the nisba inside the name is not counted apart
    assert set(rows(m, actor_type="organization")["match_kind"]) == {"discovered"}


def test_a_place_inside_an_organisation_name_is_not_the_region():
    got, _ = _surfaces("وأعلنت أمانة منطقة الرياض عن مشروع جديد.")
    assert ("أمانة منطقة الرياض", "organization") in got
    assert not any(t == "location" for _, t in got)


def test_generic_heads_alone_are_not_organisations():
    got, _ = _surfaces("وطالبت أمانة المنطقة بحل، وقال إن إدارة الأزمة صعبة وإن الشركة الجديدة للعمل تأخرت ولجنة للوقوف على الأسباب.")
    assert not got


def test_a_generic_department_is_not_an_organisation():
    # إدارة + common nouns only is a department of some body named elsewhere; a place or ل-complement names it
    got, _ = _surfaces("وقال مدير إدارة العلاقات العامة إن إدارة مرور الرياض والإدارة العامة للمرور ستعملان معا.")
    assert not any(s.endswith("إدارة العلاقات العامة") for s, _ in got)
    assert ("إدارة مرور الرياض", "organization") in got
    assert ("الإدارة العامة للمرور", "organization") in got or ("والإدارة العامة للمرور", "organization") in got


def test_a_coordinated_list_is_not_swallowed_into_an_organisation():
    # a second و-conjunct makes a list: the name stops before the first (هيئة is no generic department head)
    got, _ = _surfaces("وشاركت هيئة صحة البيئة والمراقبين والأقسام الأخرى في الجولة.")
    assert ("هيئة صحة البيئة", "organization") in got
    assert not any("والمراقبين" in s for s, _ in got)
    got, _ = _surfaces("وكرم المجلس الوطني للثقافة والفنون والآداب، وضمت لجنة المقابلة ولجنة الرصد خبراء.")
    assert ("المجلس الوطني للثقافة والفنون والآداب", "organization") in got  # a list after a ل-complement is the name's
    assert ("لجنة المقابلة", "organization") in got  # و + an organisation head starts the next organisation


def test_an_organisation_chain_stops_at_a_definite_noun_after_a_conjunct():
    # وزارة الاقتصاد والتجارة | القبض: a definite noun (no adjective) after the conjunct starts the clause
    got, _ = _surfaces("وأعلنت وزارة الاقتصاد والتجارة القبض على المتهم.")
    assert ("وزارة الاقتصاد والتجارة", "organization") in got
    assert not any("القبض" in s for s, _ in got)


def test_an_indefinite_adjective_after_a_head_is_no_organisation_name():
    got, _ = _surfaces("واعتبر أن الجماعة منظمة إرهابية الأمر الذي يهدد الأمن، وقالت وزارة تنمية الموارد البشرية إن العمل مستمر.")
    assert not any("منظمة" in s for s, _ in got)  # منظمة إرهابية "a terrorist organisation": indefinite, no name
    assert ("وزارة تنمية الموارد البشرية", "organization") in got  # a masdar on -ية stays a construct noun


def test_a_given_name_plus_a_common_definite_noun_is_not_a_person():
    got, _ = _surfaces("وأكد أن سلامة المستهلك أولوية، وحذرت إدارة سلامة المستهلك من المنتج، وقال سلامة الشمري إن الفحص مستمر.")
    assert not any("المستهلك" in s for s, _ in got)  # سلامة "safety": neither a person nor an organisation
    assert ("سلامة الشمري", "person") in got


def test_places_after_place_words():
    got, _ = _surfaces("وقعت اشتباكات في بلدة كفرنبل ثم عند ميناء الحاويات وفي قصر 7 يوليو، وأغلق طريق الملك فهد عن طريق الخطأ.")
    assert ("كفرنبل", "location") in got
    assert ("قصر 7 يوليو", "location") in got
    assert ("طريق الملك فهد", "location") in got  # a road named after a king is a place, not the king
    assert not any("الخطأ" in s for s, _ in got)


def test_outlet_named_in_quotes_is_media():
    got, _ = _surfaces("وعلمت \"الوطن\" من مصادرها، وقال مسؤول لـ«الوطن» أمس، بحسب صحيفة “ذا تايمز” البريطانية.")
    assert [t for s, t in got if s == "الوطن"] == ["media"]
    assert ("ذا تايمز", "media") in got
    _, m4 = _surfaces("وقال مسؤول لـ«الرياض» إن الوفد عاد إلى الرياض، وزار المدينة أمس.")
    assert list(m4["actor_type"]) == ["media", "location"]  # the quoted outlet; the bare names stay the city / a word
    got3, _ = _surfaces("وباعت المجموعة حصتها إلى شركة «نماء» أمس.")
    assert ("نماء", "organization") in got3
    got2, _ = _surfaces("حب الوطن من الإيمان.")
    assert not any(s == "الوطن" for s, _ in got2)  # the word "homeland" stays a word


def test_outlet_named_in_parentheses_after_li_or_reporting_is_media():
    """Thirty-first session: Saudi papers write outlets' names in parentheses (قال لـ(الجزيرة)، علمت (المدينة)، حصلت
    (اليوم) على نسخة); there they are the outlet after لـ or a word of reporting, not after other words (غدًا (اليوم)
    is "today"), and they do not make a later bare المدينة the paper."""
    _, m = _surfaces("وقال المدير لـ(الجزيرة) إن العمل بدأ. وعلمت (المدينة) أن الوفد وصل إلى المدينة. وحصلت (اليوم) على "
                     "نسخة منه. وسيعلن الحزب غدًا (اليوم) عن الاتفاق.")
    assert list(zip(m["surface"], m["actor_type"])) == [("الجزيرة", "media"), ("المدينة", "media"), ("اليوم", "media")], \
        m[["surface", "actor_id"]].values.tolist()


def test_social_networks_are_media():
    got, _ = _surfaces("ونشر مقطعا على تويتر وفيسبوك.")
    assert ("تويتر", "media") in got


def test_coordinated_names_in_a_list_are_persons():
    got, _ = _surfaces("وشارك في اللقاء الرئيس باراك أوباما، وجون كيري، وديفيد كاميرون.")
    assert ("وجون كيري", "person") in got or ("جون كيري", "person") in got
    assert ("وديفيد كاميرون", "person") in got or ("ديفيد كاميرون", "person") in got


def test_preposition_on_a_one_word_person_form_after_the_full_name():
    got, _ = _surfaces("أكد الرئيس عبدربه منصور هادي أن القوات الموالية لهادي تقدمت.")
    assert ("لهادي", "person") in got
    got2, _ = _surfaces("وقع الاتفاق لصالح الشركة.")
    assert not any(t == "person" for _, t in got2)  # لصالح "in favour of"


def test_djibouti_is_a_country_and_a_title_before_a_family_name_finds_the_person():
    got, _ = _surfaces("وصلت الطائرة قادمة من جيبوتي. وقال العميد فهاد المطيري إن.")
    assert ("جيبوتي", "country") in got
    assert ("فهاد المطيري", "person") in got


def test_common_word_readings_of_names():
    got, _ = _surfaces("قال محمد بن صالح إن القرار في صالح الشعب وإن الماء صالح للشرب. وفتح الباب أمام الحوار. "
                       "ويتحدث اللغة الفرنسية. وعبر الجيش إلى الضفة الغربية لقناة السويس.")
    assert ("محمد بن صالح", "person") in got
    assert not any(s == "صالح" for s, _ in got)
    assert not any(t == "group" for _, t in got)  # وفتح الباب: the verb
    assert not any(t == "country" for _, t in got)  # اللغة الفرنسية: the language
    assert not any(s.startswith("الضفة") for s, _ in got)  # the bank of the canal
    _, m2 = _surfaces("وأعلنت حركة فتح أن فتح ترفض القرار.")
    assert list(m2.loc[m2["surface"] == "فتح", "actor_type"]) == ["group", "group"]
    # the verb with an indefinite object is no Fatah either, even in a Palestinian story; quoted it is
    _, m3 = _surfaces("وأعلن المدعي الفلسطيني فتح تحقيق في الحادث. وقالت «فتح» إن")
    assert list(m3.loc[m3["actor_type"] == "group", "surface"]) == ["فتح"] and m3["start"][m3["actor_type"] == "group"].iloc[0] > 40


def test_first_name_before_a_place_or_surname_form_is_a_person():
    got, _ = _surfaces("وقال المتحدث علي الأحمدي إن العقيد تركي المالكي وصل. ووقف علي الرياض.")
    assert ("علي الأحمدي", "person") in got
    assert ("تركي المالكي", "person") in got
    assert not any(t == "person" and "الرياض" in s for s, t in got)  # علي written for على
    assert not any(s == "المالكي" for s, _ in got)


def test_output_does_not_depend_on_the_hash_seed():
    """Ties between automaton keys (فريد: the first name, or ف + ريد) are broken by rule, not by set order."""
    import os
    import subprocess
    import sys

    code = ("import pandas as pd; from analysis.actors import extract_mentions; "
            "m = extract_mentions(pd.DataFrame({'article_id': ['a'], 'text': ['قال فريد الأطرش وفهد إن صالح العمري وفارس "
            "وصلوا، وقال المتحدث تركي المالكي إن العمري غادر.']})); "
            "print(m[['start', 'end', 'actor_id', 'match_kind']].to_csv(index=False))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1
    assert "discovered:ريد" not in next(iter(outs))


# --- round 3: classes of errors found on a second blind set (examples written for the tests) --------------------


def test_assad_in_a_syrian_context_and_the_lion_elsewhere():
    m = extract_mentions(arts("قصفت طائرات النظام السوري ريف إدلب، ويرى معارضون أن بقاء الاسد في السلطة يطيل الحرب.",
                              "اصطاد طبيب أمريكي الأسد الشهير في زيمبابوي."))
    per = rows(m, actor_type="person")
    assert list(per["surface"]) == ["الاسد"] and list(per["article_id"]) == ["a0"]


def test_al_qaeda_needs_a_group_context_not_the_base():
    m = extract_mentions(arts("وقالت الحكومة إن فرع القاعدة في المغرب العربي تبنى الهجوم.",
                              "استعادت القوات القاعدة الجوية وقالت إن القاعدة العسكرية آمنة.",
                              "وتقاتل جبهة النصرة والقاعدة في ريف حلب."))
    g = rows(m, actor_id="group:al_qaeda")
    assert sorted(g["article_id"]) == ["a0", "a2"]


def test_nisba_shaped_word_after_bin_is_part_of_the_name():
    got, _ = _surfaces("وقال الأمير خالد بن تركي بن عبدالعزيز إن المشروع سيبدأ.")
    assert not any(t == "country" for _, t in got)
    assert ("خالد بن تركي بن عبدالعزيز", "person") in got


def test_holidays_are_not_persons():
    got, _ = _surfaces("وتتوقف الدراسة قبل عيد الفطر المبارك وبعد عيد الأضحى، وقال المدير خالد الشمري إن الجدول جاهز.")
    persons = [s for s, t in got if t == "person"]
    assert persons == ["خالد الشمري"]


def test_company_after_sharika_and_its_later_bare_repetitions():
    got, m = _surfaces("ووقعت شركة بروتكسا الألمانية عقدا، وقال مدير بروتكسا إن لبروتكسا خططا. وأعلنت 12 شركة تتنافس على العقد.")
    assert list(rows(m, actor_type="organization")["surface"]) == ["بروتكسا", "بروتكسا", "لبروتكسا"]
    assert ("الألمانية", "country") in got
    assert not any(s == "تتنافس" for s, _ in got)


def test_parks_churches_mosques_stadiums_are_places():
    _, m = _surfaces("وأقيم الحفل في متنزه الوادي قرب كنيسة القيامة والمهد ومسجد الرحمة وملعب الأمير فيصل.")
    assert list(rows(m, actor_type="location")["surface"]) == ["متنزه الوادي", "كنيسة القيامة والمهد", "ومسجد الرحمة",
                                                              "وملعب الأمير فيصل"]


def test_ali_with_a_family_name_from_a_first_name():
    got, _ = _surfaces("وأوضح رئيس اللجنة علي الناصر أن العمل مستمر. وعلق الحكم علي الصعيد المحلي.")
    assert ("علي الناصر", "person") in got
    assert not any("الصعيد" in s for s, _ in got)


def test_misspelt_definite_nisba_plural():
    got, _ = _surfaces("وتستمر الجوازات في تصحيح أوضاع اليمنين المقيمين.")
    assert ("اليمنين", "country") in got


def test_place_only_form_needs_its_head():
    got, _ = _surfaces("انفجر خط الغاز في إقليم أجري شرق تركيا، وقد أجري التحقيق أمس.")
    assert [s for s, t in got if t == "location"] == ["أجري"]


def test_organisation_inside_a_role_phrase_before_the_holder_counts():
    _, m = _surfaces("وتوقع الأمين العام لأوبك عبدالله البدري استقرار الأسعار.")
    assert list(zip(m["surface"], m["actor_type"])) == [("لأوبك", "organization"), ("عبدالله البدري", "person")]


def test_family_and_festival_are_not_actors_nor_an_amounts_currency_nisba():
    """عائلة المطيري is a family, مهرجان صيف أبها an event; the nisba of an amount's currency (30 مليون دولار أمريكي) is
    no country (currencies.txt, thirty-eighth session: most read gold sets leave it out)."""
    got, m = _surfaces("وزار الوفد عائلة المطيري، وتبلغ الكلفة 30 مليون دولار أمريكي خلال مهرجان صيف أبها.")
    assert not any(t == "person" for _, t in got)
    assert not any("أبها" in s for s, _ in got)
    assert not any(t == "country" for _, t in got), got


def test_a_definite_currency_nisba_is_the_country_and_a_currency_is_no_person_head():
    """currencies.txt: الدولار الأمريكي, the currency named with the article, counts as the United States (18 of 18 in
    the read gold sets); the indefinite nisba after an amount (260 مليون ريال عماني، 500 ريال سعودي) does not."""
    got, m = _surfaces("وبلغت الخسائر 260 مليون ريال عماني، وسجل الدولار الأمريكي ارتفاعا، ودفع 500 ريال سعودي.")
    assert {(r.surface, r.label_en) for r in m.itertuples() if r.match_kind == "nisba"} == {
        ("الأمريكي", "United States")}
    assert not any(t == "person" for _, t in got)


def test_a_title_followed_by_an_honorific_and_the_name_is_not_a_mention_of_its_own():
    """GUIDELINES: the role phrase counts only when no name follows it; honorifics (الملك) may stand between."""
    text = ("ونفذت المساعدات توجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود. "
            "وقال خادم الحرمين الشريفين إن البلاد ماضية في دعم الأشقاء.")
    m = extract_mentions(arts(text, published="2015-08-01"))
    titles = m[m["match_kind"] == "title"]
    assert len(titles) == 1 and titles["start"].iloc[0] > text.index("وقال")
    assert any("سلمان" in s for s in m["surface"])


def test_a_title_embedded_in_another_role_is_not_its_holder():
    """CONVENTIONS D5: سفير/مستشار خادم الحرمين الشريفين is someone else's role."""
    for role in ("سفير", "مستشار"):
        m = extract_mentions(arts(f"زار {role} خادم الحرمين الشريفين المصابين في المستشفى.", published="2015-08-01"))
        assert not (m["match_kind"] == "title").any()


def test_the_kings_deputy_is_the_crown_prince():
    """نائب خادم الحرمين الشريفين / نائب الملك / ولي عهده are the crown prince's own titles (offices.csv), as the
    annotators read them: one title mention, resolved by the date; in apposition after his name it is not one."""
    text = "زار نائب خادم الحرمين الشريفين المصابين. ودعا نائب الملك، إلى الحيطة. وعزى الملك وولي عهده الأسر."
    m = extract_mentions(arts(text, published="2015-08-01"))
    titles = m[m["match_kind"] == "title"]
    assert titles["surface"].tolist() == ["نائب خادم الحرمين الشريفين", "نائب الملك", "وولي عهده"]
    assert set(titles["actor_id"]) == {"person:mohammed_bin_nayef"}
    m = extract_mentions(arts("نقل الأمير محمد بن نايف نائب خادم الحرمين الشريفين تحياته.", published="2015-08-01"))
    assert not (m["match_kind"] == "title").any()


@pytest.mark.parametrize("name", ["فاطمة السلمي", "وليد العتيبي", "فيصل القحطاني"])
def test_a_first_name_starting_with_waw_or_fa_keeps_its_first_letter(name):
    """فاطمة is not ف + اطمة: one person, one id, the label as written."""
    text = f"وقالت الأكاديمية المتخصصة د. {name} إن الأسرة مسؤولة. وأكد {name} أن الحل ممكن."
    m = extract_mentions(arts(text))
    people = m[m["actor_type"] == "person"]
    assert len(people) == 2 and people["actor_id"].nunique() == 1
    assert normalize(name).split()[0] in people["actor_id"].iloc[0]


def test_amman_in_a_field_about_jordan_and_oman_once_oman_is_named():
    m = extract_mentions(arts("عين اليوم – عمان\nوصل ولي العهد إلى الأردن والتقى أمين عمان في السفارة السعودية بعمان.",
                              "زار الوزير سلطنة عمان ثم عاد من عمان إلى الرياض.",
                              "وصل الوفد إلى عمان أمس."))
    by = {aid: sorted(g["actor_id"]) for aid, g in m[m["surface"].str.contains("عمان")].groupby("article_id")}
    assert by["a0"] == ["location:amman"] * 3
    assert by["a1"] == ["country:om"] * 2
    assert "a2" not in by  # neither country named: عمان stays unresolved


def test_the_automaton_scan_also_lists_role_and_head_words_by_token():
    # the second-pass rules (names.py N1, teams.py T1/T3) start from role and head words that the matcher's one
    # automaton scan finds, with their clitics, also where a codebook form shares the key (الرئيس)
    from analysis.actors.fields import _batch_fields, get_matcher

    m = get_matcher(load_codebook())
    text = "قال رجل الأعمال سامي وللمدرب هيلتون إن الرئيس زار نادي الوداد وصحيفة تايمز"
    (f,), _ = _batch_fields([text], m.automaton)
    words = f.x.split()
    assert [(words[i], n) for i, n in f.role_hits] == [("رجل", 2), ("وللمدرب", 1), ("الرئيس", 1)]
    assert [(words[i], t) for i, t in f.head_hits] == [("نادي", "organization"), ("وصحيفه", "media")]
    (g,), _ = _batch_fields([text], get_matcher(load_codebook(), discover=False).automaton)
    assert g.role_hits == g.head_hits == ()  # only discovery uses them


def test_place_seen_once_in_anercorp_train_is_found_unless_a_first_name():  # round 5: entities_anercorp.tsv
    m = extract_mentions(pd.DataFrame({"article_id": ["a"], "text": ["وصل الوفد إلى كولورادو أمس . وذهب محمد وفارس إلى السوق"]}))
    assert [(r.surface, r.actor_type) for r in m.itertuples() if r.actor_type == "location"] == [("كولورادو", "location")]


# --- rule `market`: company short names of the Saudi exchange (market_context.txt) ------------------------


def test_market_report_finds_companies_by_their_short_names():
    m = extract_mentions(arts("وأنهى المؤشر العام للسوق تعاملاته مرتفعا، وصعدت أسهم الإنماء ومعادن والاتصالات "
                              "والخدمات الأرضية وبتروكيم، فيما تراجعت أسهم الطباعة والتغليف ومدينة المعرفة "
                              "والإنماء طوكيو مارين."))
    got = [r.actor_id for r in m.itertuples() if r.actor_type == "organization"]
    assert got == ["org:alinma_bank", "org:maaden", "org:stc", "org:saudi_ground_services", "org:petrochem",
                   "org:saudi_printing_packaging", "org:knowledge_economic_city", "org:alinma_tokio_marine"]


def test_market_short_names_are_common_words_in_ordinary_prose():
    m = extract_mentions(arts("أعلنت وزارة الاتصالات تطوير قطاع الخدمات الأرضية في المطار ضمن مشاريع الإنماء، "
                              "واستخراج معادن نادرة.",
                              # a market cue in the field, but the words are nouns in construct or adjectives
                              "تراجع سهم سابك بينما ارتفع قطاع الاتصالات ومؤشر الشركات العقارية.",
                              "وتداولت المواقع صور أبراج الاتصالات."))
    got = set(m["actor_id"])
    assert not got & {"org:stc", "org:saudi_ground_services", "org:alinma_bank", "org:maaden", "org:saudi_real_estate"}
    assert "org:sabic" in got


def test_market_short_name_counts_after_the_full_name_but_not_as_a_common_noun():
    m = extract_mentions(arts("وقعت شركة الاتصالات السعودية اتفاقية، وأوضحت «الاتصالات» أن وزارة الاتصالات وافقت على توليد الكهرباء.",
                              "أعلنت شركة دار الأركان للتطوير العقاري نتائجها."))
    stc = rows(m, article_id="a0", actor_id="org:stc")["surface"].tolist()
    assert stc == ["شركة الاتصالات السعودية", "الاتصالات"]
    assert rows(m, article_id="a1", actor_id="org:dar_al_arkan")["surface"].tolist() == ["شركة دار الأركان للتطوير العقاري"]


def test_public_bodies_and_lebanese_actors_added_in_round_6():
    m = extract_mentions(arts("وباشرت فرق الهلال الأحمر الحادث، وقال المتحدث باسم شرطة العاصمة المقدسة إن المحكمة "
                              "العليا أيدت الحكم.",
                              "وقال رئيس اللقاء الديمقراطي إن جهاد مغنية نجل عماد مغنية قتل، وهاجمت لجان الدفاع الوطني القرية.",
                              "وأعلن الهلال الأحمر الفلسطيني أن طواقم الهلال الأحمر نقلت الجرحى الفلسطينيين في غزة."))
    assert {"org:saudi_red_crescent", "org:sa_police_holy_capital", "org:sa_supreme_court"} <= set(rows(m, article_id="a0")["actor_id"])
    assert {"group:democratic_gathering", "person:jihad_mughniyeh", "person:imad_mughniyeh",
            "org:sy_national_defence_forces"} <= set(rows(m, article_id="a1")["actor_id"])
    assert rows(m, article_id="a2", surface="الهلال الأحمر")["actor_id"].tolist() == ["org:palestine_red_crescent"]


def test_market_short_name_needs_a_list_position_near_a_market_cue():
    m = extract_mentions(arts("وارتفع سهم سابك. وتحدث الكاتب عن التصنيع في الصين وعن عاصفة الصحراء والتعذيب بالكهرباء.",
                              "وارتفع سهم شركة الإمارات للاتصالات المتكاملة، وقال مدير التسويق والاتصالات إن الأسهم تحسنت."))
    assert not set(m["actor_id"]) & {"org:tasnee", "org:sahara_petrochemicals", "org:sa_saudi_electricity", "org:stc"}


# --- coverage of the SaudiNewsNet period (Saudi governorates, agencies, 2015 officials) --------------------


def test_saudi_governorates_towns_and_sites_of_2015_are_places():
    text = ("وتنفذ الفعاليات في محافظات بلجرشي والمندق وبني حسن، وسقط مقذوف بمحافظة الطوال، "
            "وعقد مجلس الوزراء جلسته في قصر السلام بجدة بعد التفجير في بلدة القديح.")
    m = extract_mentions(arts(text, published=["2015-08-06T10:00:00Z"]))
    got = {r.actor_id for r in m.itertuples() if r.actor_type == "location"}
    assert {"location:baljurashi", "location:al_mandaq", "location:bani_hasan", "location:al_tuwal_governorate",
            "location:al_salam_palace", "location:al_qudaih"} <= got


def test_a_governorate_whose_name_is_a_common_word_needs_its_head():
    m = extract_mentions(arts("أغلقت البلدية 11 نزلا بمحافظة حقل، وأتلف الحريق المستودع بالكامل في حقل قريب."))
    hits = rows(m, actor_id="location:haql")
    assert list(hits["surface"]) == ["بمحافظة حقل"]
    assert not rows(m, actor_id="location:al_hareeq").shape[0] and not rows(m, actor_id="location:al_kamil").shape[0]


def test_saudi_agencies_of_2015_are_organisations():
    text = ("ونعت قوات الطوارئ الخاصة شهداءها في أبها، وأحالت المحكمة الجزائية المتخصصة القضية إلى ديوان المظالم، "
            "فيما أعلن صندوق التنمية العقارية دفعة جديدة وضبطت قوة المجاهدين مهربين.")
    m = extract_mentions(arts(text, published=["2015-08-07T10:00:00Z"]))
    got = {r.actor_id for r in m.itertuples()}
    assert {"org:special_emergency_forces_sa", "org:sa_specialized_criminal_court", "org:sa_board_of_grievances",
            "org:sa_real_estate_development_fund", "org:sa_mujahideen_force"} <= got


def test_the_mosque_of_the_emergency_forces_is_a_place_under_each_of_its_names():
    """Fourteenth session: the mosque bombed in Abha on 6 August 2015 is a place (the annotators' reading: the
    longest name, not the forces inside it), under the names the corpus gives it (1,200+ occurrences)."""
    text = ("واستهدف التفجير مسجد قوات الطوارئ في أبها. وقال شاهد إن مسجد الطوارئ امتلأ بالمصلين، "
            "وتجمع الأهالي أمام مسجد قوى الأمن الخاصة، وتذكر الكويتيون تفجير مسجد الإمام الصادق.")
    m = extract_mentions(arts(text, published=["2015-08-07T10:00:00Z"]))
    hits = rows(m, actor_id="location:emergency_forces_mosque_abha")
    assert list(hits["surface"]) == ["مسجد قوات الطوارئ", "مسجد الطوارئ", "مسجد قوى الأمن الخاصة"]
    assert set(hits["actor_type"]) == {"location"}
    assert list(rows(m, actor_id="location:imam_sadiq_mosque")["surface"]) == ["مسجد الإمام الصادق"]
    assert not rows(m, actor_id="org:special_emergency_forces_sa").shape[0]


def test_saudi_officials_are_found_by_the_bin_form_the_press_writes():
    text = ("وأكد وزير التعليم الدكتور عزام بن محمد الدخيل أن الدراسة تبدأ في موعدها، واعتمد المهندس "
            "عبداللطيف بن عبدالملك آل الشيخ أسماء اللجان.")
    m = extract_mentions(arts(text, published=["2015-08-07T10:00:00Z"]))
    got = {r.surface: r.actor_id for r in m.itertuples()}
    assert got.get("عزام بن محمد الدخيل") == "person:azzam_al_dakhil"
    assert got.get("عبداللطيف بن عبدالملك آل الشيخ") == "person:abdullatif_al_ash_sheikh"
    # no office row for these ministers: the ministry's name after the title is not a short form of the person
    assert "التعليم" not in got


def test_2015_places_of_the_region():
    text = "وسيطر التنظيم على مدينة القريتين وسهل الغاب، واستؤنفت المحادثات الليبية في الصخيرات."
    m = extract_mentions(arts(text, published=["2015-08-07T10:00:00Z"]))
    got = Counter(r.actor_id for r in m.itertuples())
    assert got["location:al_qaryatayn"] == 1 and got["location:al_ghab_plain"] == 1 and got["location:skhirat"] == 1


def test_honorifics_between_a_title_and_the_name_drop_the_title():
    text = ("وقال ولي ولي العهد صاحب السمو الملكي الأمير محمد بن سلمان إن الزيارة ناجحة. "
            "وقال وزير الخارجية السعودي معالي الأستاذ عادل الجبير إن المملكة ترحب. "
            "وأكد وزير البترول والثروة المعدنية المهندس علي النعيمي ذلك.")
    m = extract_mentions(arts(text, published=["2015-08-01T10:00:00Z"]))
    assert rows(m, match_kind="title").empty, list(rows(m, match_kind="title")["surface"])
    assert {"محمد بن سلمان", "عادل الجبير", "علي النعيمي"} <= set(m["surface"])


def test_a_place_named_inside_a_dropped_role_phrase_is_kept():
    # CONVENTIONS D5: proper names inside role phrases count (قائم مقام قضاء [الرمادي]); the longest name wins
    m = extract_mentions(arts("وقال أمير منطقة الرياض الأمير فيصل بن بندر إن الأمطار غزيرة.", published=["2015-08-01T10:00:00Z"]))
    assert list(m["surface"]) == ["منطقة الرياض", "فيصل بن بندر"]
    assert list(m["actor_type"]) == ["location", "person"]


def test_titles_and_epithets_give_no_short_forms(tmp_path):
    p = tmp_path / "persons.csv"
    p.write_text("actor_id,label_ar,type,aliases,source\nperson:prophet_t,محمد رسول الله,person,الرسول الكريم,test\n"
                 "person:zz_min,زيد الزيدي,person,,test\n", encoding="utf-8")
    o = tmp_path / "my_offices.csv"
    o.write_text("person_id,office_ar,office_en,country,start,end,source\n"
                 "person:zz_min,وزير التعليم,Minister of Education,,2015-01-01,,test\n", encoding="utf-8")
    cb = load_codebook([p, o])
    a = arts("قال وزير التعليم إن التعليم مهم للجميع.", "صلى الله على الرسول الكريم، والقرآن الكريم كتاب الله.",
             "التقى علي المملوك أمس، وقال مملوك إن", published=["2015-08-01T10:00:00Z"] * 3)
    m = extract_mentions(a, codebook=cb)
    assert list(rows(m, article_id="a0")["surface"]) == ["وزير التعليم"]
    assert list(rows(m, article_id="a1")["surface"]) == ["الرسول الكريم"]
    assert list(rows(m, article_id="a2")["surface"]) == ["علي المملوك", "مملوك"]  # a surname still links


def test_tanwin_nisba_quoted_pkk_and_p5_plus_1():
    m = extract_mentions(arts(
        "قال مصدر يمنيًا إن مسؤولا سعوديا حضر. وقصفت تركيا حزب العمال الكردستاني التركي المحظور، وتستهدف مناصري "
        "«الكردستاني» في البلاد، فيما قال البرلمان الكردستاني إن الاتفاق بين 5+1 وإيران وقع في 5/1 الماضي."))
    got = [(r.surface, r.match_kind, r.actor_id) for r in m.itertuples()]
    assert ("يمنيًا", "nisba", "country:ye") in got and ("سعوديا", "nisba", "country:sa") in got
    assert ("حزب العمال الكردستاني", "name", "group:pkk") in got and ("التركي", "nisba", "country:tr") in got
    assert ("الكردستاني", "alias", "group:pkk") in got  # in quotes only: البرلمان الكردستاني is not the PKK
    assert [r.surface for r in m.itertuples() if r.actor_id == "group:pkk"] == ["حزب العمال الكردستاني", "الكردستاني"]
    assert [r.surface for r in m.itertuples() if r.actor_id == "org:p5_plus_1"] == ["5+1"]  # not the date 5/1


def test_holy_capital_and_civil_defence_branches():
    m = extract_mentions(arts("وقال المتحدث باسم الدفاع المدني بالعاصمة المقدسة إن الحادث وقع في العاصمة المقدسة أمس.",
                              "وقعت الحادثة قرب السفارة السعودية بعمان وقوات الطوارئ الخاصة بمنطقة عسير."))
    a0 = [(r.surface, r.actor_type) for r in rows(m, article_id="a0").itertuples()]
    assert a0 == [("الدفاع المدني بالعاصمة المقدسة", "organization"), ("العاصمة المقدسة", "location")]
    assert "منطقة عسير" in " ".join(rows(m, article_id="a1")["surface"])  # other bodies keep the place apart


def test_a_title_after_a_name_and_a_comma_is_in_apposition():
    text = "مشيدا بحضور الأمير محمد بن سلمان، ولي ولي العهد السعودي، الحفل. وحضر محمد بن سلمان، وولي العهد السعودي، العرض."
    m = extract_mentions(arts(text, published=["2015-08-01T10:00:00Z"]))
    assert list(rows(m, match_kind="title")["surface"]) == ["وولي العهد السعودي"]  # another person, joined by و
    m = extract_mentions(arts("وقال خادم الحرمين الشريفين، ولي العهد إن", published=["2015-08-01T10:00:00Z"]))
    assert len(rows(m, match_kind="title")) == 2  # two titles: a list, not a name and its role


def test_a_title_with_a_preposition_after_a_name_is_no_apposition():
    """كارتر لخادم الحرمين الشريفين: the title carries ل, so it is not in apposition to the name before it."""
    m = extract_mentions(arts("ونقل كارتر لخادم الحرمين الشريفين تحيات أوباما.", published="2015-07-23"))
    titles = m[m["match_kind"] == "title"]
    assert titles["surface"].tolist() == ["لخادم الحرمين الشريفين"]
    m = extract_mentions(arts("استقبل الملك سلمان وزير الدفاع الأمريكي اشتون كارتر خادم الحرمين الشريفين.", published="2015-07-23"))
    assert not (m["match_kind"] == "title").any()


def test_the_cabinet_inside_a_role_phrase_is_the_body_unless_another_country_is_named():
    """Nineteenth session (CONVENTIONS D5: names inside role phrases are annotated): مجلس الوزراء in نائب رئيس مجلس
    الوزراء is the Saudi cabinet; in a role chain that names another country it is that country's, which the row does
    not stand for, and stays part of the role (title_bodies.txt)."""
    text = "حضر الأمير محمد بن نايف ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية. وقرر مجلس الوزراء أمس."
    m = extract_mentions(arts(text, published="2015-07-23"))
    cab = m[m["surface"] == "مجلس الوزراء"]
    assert cab["start"].tolist() == [text.index("رئيس مجلس") + 5, text.index("وقرر") + 5]
    assert set(cab["actor_id"]) == {"org:sa_council_of_ministers"}
    text = "واتصل الشيخ محمد الخالد الصباح نائب رئيس مجلس الوزراء وزير الداخلية بدولة الكويت."
    m = extract_mentions(arts(text, published="2015-07-23"))
    assert "مجلس الوزراء" not in m["surface"].tolist()


def test_ali_between_a_first_name_and_a_family_name_is_part_of_the_name():
    """محمد علي الشدادي (علي spelt with ي, a family name next) is one name; محمد على الشدادي is not."""
    m = extract_mentions(arts("وكان محمد علي الشدادي في الصفوف. ثم أصيب الشدادي."))
    assert "محمد علي الشدادي" in m["surface"].tolist()
    assert (m["label_ar"] == "محمد علي الشدادي").sum() == 2
    m = extract_mentions(arts("وكان محمد على الشدادي أن يحضر."))
    assert "محمد علي الشدادي" not in m["surface"].tolist()


def test_a_second_title_joined_by_waw_is_its_own_mention_unless_it_continues_an_embedded_role():
    """و + title after a name or a title of its own is another person (محمد بن سلمان ووزير الدفاع الأمريكي); after a
    title embedded in the same person's role (مستشار خادم الحرمين الشريفين وأمير منطقة مكة المكرمة) it continues that
    role: no title, the region inside it kept (D5)."""
    m = extract_mentions(arts("عقد الأمير محمد بن سلمان ووزير الدفاع الأمريكي اجتماعا.", published="2015-07-23"))
    assert m[m["match_kind"] == "title"]["actor_id"].tolist() == ["person:ash_carter"]
    m = extract_mentions(arts("استقبل الأمير خالد الفيصل مستشار خادم الحرمين الشريفين وأمير منطقة مكة المكرمة الوفد.",
                              published="2015-07-23"))
    assert not (m["match_kind"] == "title").any()
    assert "location:makkah_province" in m["actor_id"].tolist()


def test_an_office_followed_by_former_is_not_the_current_holder():
    """الرئيس المصري السابق أنور السادات: not Sisi (the holder on the date), and not a mention of its own."""
    m = extract_mentions(arts("ليعيد الرئيس المصري السابق أنور السادات الأرض.", published="2015-08-06"))
    assert "person:abdel_fattah_el_sisi" not in m["actor_id"].tolist()
    assert not (m["match_kind"] == "title").any()


def test_places_after_natural_feature_heads_and_their_bare_repetitions():
    got, m = _surfaces("تقدمت القوات في جبل الصلبان ومرتفعات كوهيان حتى مفرق الزيدي، ثم عادت إلى كوهيان والصلبان.")
    assert ("جبل الصلبان", "location") in got  # the head is part of the name
    assert ("ومرتفعات كوهيان", "location") in got
    assert ("مفرق الزيدي", "location") in got
    assert ("كوهيان", "location") in got and ("والصلبان", "location") in got  # later, alone: the same places
    ids = dict(zip(m["surface"], m["actor_id"]))
    assert ids["كوهيان"] == ids["ومرتفعات كوهيان"]
    got2, _ = _surfaces("وهذه قمة جبل الجليد، وتراكم جبل من الديون، ومرتفعات منطقتي عسير وجازان.")
    assert not any("الجليد" in s or "الديون" in s or "منطقتي" in s for s, _ in got2)  # a common noun, a word, a head


def test_a_definite_frequent_word_after_a_feature_head_is_no_name():
    got, _ = _surfaces("تنزه الزوار حول بحيرة السد مساء، وقال المهندس إن السد ممتلئ، ثم صعدوا جبل الشيخ.")
    assert not any("السد" in s for s, _ in got)  # "the dam" (بحيرة السد العالي: the lake of the High Dam)
    assert ("جبل الشيخ", "location") in got  # Mount Hermon is in the codebook


def test_colleges_institutes_and_offices_are_organisations():
    got, _ = _surfaces("شهد الحفل خريجي الكلية البحرية، والمعهد الصحي للتمريض، ومعهد الدراسات السياسية، وقال مكتب تحقيقات "
                       "الحوادث التابع للهيئة إن البحث مستمر.")
    assert ("الكلية البحرية", "organization") in got  # definite head + a relational adjective
    assert ("والمعهد الصحي للتمريض", "organization") in got
    assert ("ومعهد الدراسات السياسية", "organization") in got
    assert ("مكتب تحقيقات الحوادث", "organization") in got  # التابع ends the name
    got2, _ = _surfaces("تقدمت الطالبة إلى كلية الطب ثم إلى كلية الآداب والعلوم الإنسانية في الكلية الأولى ثم زار مكتب "
                        "المدير والمكتب الإعلامي.")
    assert not any(t == "organization" for _, t in got2)  # faculties, which-one adjectives, one complement, a department


def test_a_short_name_in_parentheses_names_the_organisation_before_it():
    got, m = _surfaces("أطلق برنامج الخدمات الرقمية (مسارك) منصة جديدة، وأوضح مسارك أن الشركة الوطنية لخدمات النقل "
                       "(نقلكو) شريكة، بينما قدم برنامج الإسعافات الأولية دورة، وصوت مجلس الشعب (البرلمان) أمس.")
    assert ("برنامج الخدمات الرقمية", "organization") in got  # برنامج counts only with its short name
    ids = [r.actor_id for r in m.itertuples() if r.surface == "مسارك"]
    assert len(ids) == 2 and set(ids) == set(m.loc[m["surface"] == "برنامج الخدمات الرقمية", "actor_id"])
    assert ("نقلكو", "organization") in got
    assert not any("الإسعافات" in s for s, _ in got)  # a course, not an organisation
    assert not any(s == "البرلمان" for s, _ in got)  # a gloss, not a short name


def test_no_place_or_college_from_a_proclitic_word_or_a_disagreeing_adjective():
    got, _ = _surfaces("ووصلت الخدمة إلى كل مدينة وقرية وتجمع سكاني، وزار مدينة وهران، ثم سجل عبر موقع الكلية الإلكتروني "
                       "في برامج المعهد الإعدادية.")
    assert not any("تجمع" in s for s, _ in got)  # و + a common word after a place head is no name
    assert ("وهران", "location") in got  # a name that starts with و stays a name
    assert not any(t == "organization" for _, t in got)  # the site's adjective, the programmes' adjective


def test_a_foreign_name_before_a_nisba_in_an_organisation_names_it_later():
    got, m = _surfaces("وانخفض مؤشر معهد زنتر الالماني لمناخ الأعمال، وبعد صدور مسح زنتر صعد اليورو. وفي مدينة زنتر "
                       "أمطار، وقالت بلدية زيمار إن زيمار نظيفة.")
    kinds = [(r.surface, r.actor_type) for r in m.itertuples() if "زنتر" in r.surface]
    assert any(s.startswith("معهد زنتر") and t == "organization" for s, t in kinds)  # the institute's whole name
    assert ("زنتر", "organization") in kinds  # مسح زنتر: the institute, named alone
    assert sum(t == "organization" for _, t in kinds) == 2  # not مدينة زنتر, a place
    assert not any(s == "زيمار" and t == "organization" for s, t in got)  # no nisba: the name of a place


def test_invisible_format_characters_inside_a_name_do_not_hide_it():
    """وزارة \u200fالداخلية (an RLM pasted inside the phrase) is the ministry; the surface is the original spelling and
    does not end on the RLM after it."""
    m = extract_mentions(arts("وأعلنت وزارة \u200fالداخلية\u200f أن مح\u200cمد بن سلمان وصل.", published=["2015-08-01T10:00:00Z"]))
    got = dict(zip(m["surface"], m["actor_id"]))
    assert got.get("وزارة \u200fالداخلية", "").startswith("org:")
    assert "مح\u200cمد بن سلمان" in got
    assert all(not s.endswith("\u200f") for s in m["surface"])


def test_bare_saudi_office_titles_resolve_only_without_another_country():
    """home_titles.tsv: وزير التعليم / وزير الاسكان / المقام السامي stand for the Saudi holder on the article's date,
    unless the field names another country or the phrase runs on into another office."""
    day = ["2015-07-15T10:00:00Z"] * 5
    m = extract_mentions(arts("قال وزير التعليم إن المدارس ستفتح أبوابها.",
                              "وقال وزير الاسكان إن المشروع جاهز.",
                              "أكد وزير التعليم في القاهرة أن مصر ستفتح المدارس.",
                              "رفع الشكر إلى المقام السامي الكريم وللملك المفدى على دعمه.",
                              "حضر وزير التعليم العالي الحفل.", published=day))
    t = rows(m, match_kind="title")
    assert list(zip(t["article_id"], t["surface"], t["actor_id"])) == [
        ("a0", "وزير التعليم", "person:azzam_al_dakhil"), ("a1", "وزير الاسكان", "person:majid_al_hogail"),
        ("a3", "المقام السامي الكريم", "person:salman_of_saudi_arabia"), ("a3", "وللملك المفدى", "person:salman_of_saudi_arabia")]
    # by date: in 2014 the education minister (وزير التربية والتعليم) was Khalid al-Faisal, and وزير التعليم had no row
    m = extract_mentions(arts("قال وزير التربية والتعليم إن المدارس جاهزة. وقال وزير التعليم إن", published=["2014-09-01T10:00:00Z"]))
    assert list(rows(m, match_kind="title")["actor_id"]) == ["person:khalid_al_faisal"]
    # a person of another country in the field is enough to leave the bare title unresolved
    m = extract_mentions(arts("التقى وزير الصحة بالرئيس عبد الفتاح السيسي.", published=day[:1]))
    assert rows(m, match_kind="title").empty
    # ... unless the field names the holder himself: then the epithet is his, whatever other country is named
    m = extract_mentions(arts("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود وزير الخارجية المصري "
                              "سامح شكري. وحمل الملك المفدى معاليه تحياته للرئيس عبد الفتاح السيسي.",
                              "استقبل وزير الخارجية المصري سامح شكري. وحمل الملك المفدى معاليه تحياته للسيسي.",
                              published=day[:2]))
    assert list(zip(*[rows(m, surface="الملك المفدى")[c] for c in ("article_id", "actor_id")])) == [
        ("a0", "person:salman_of_saudi_arabia")]


def test_his_deputy_after_the_king_is_the_crown_prince():
    """نائبه right after the Saudi king (title or name) is the crown prince of the article's date; elsewhere not."""
    m = extract_mentions(arts("رفع الأمير الشكر لخادم الحرمين الشريفين ونائبه على دعمهما.",
                              "التقى مدير الجامعة ونائبه بالطلاب.",
                              "شكر خادم الحرمين الشريفين، ونائبه الوزير.",
                              "رفع الشكر لخادم الحرمين الشريفين ونائبه.",
                              published=["2015-07-15T10:00:00Z"] * 3 + ["2016-01-10T10:00:00Z"]))
    d = rows(m, surface="ونائبه")
    assert list(zip(d["article_id"], d["actor_id"], d["match_kind"])) == [
        ("a0", "person:mohammed_bin_nayef", "title"), ("a3", "person:mohammed_bin_nayef", "title")]
    m = extract_mentions(arts("هنأ خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز ونائبه الأمير محمد بن نايف الرئيس.",
                              published=["2015-08-07T10:00:00Z"]))
    assert rows(m, surface="ونائبه").empty  # D5: the role phrase before the name
    m = extract_mentions(arts("وجه خادم الحرمين الشريفين ونائبه بذلك.", published=["2018-03-01T10:00:00Z"]))
    assert list(rows(m, surface="ونائبه")["actor_id"]) == ["person:mohammed_bin_salman"]


def test_title_before_the_name_through_an_adjective_and_acting_or_adviser_titles():
    """D5: the title before its holder's name through الجديد is part of the role phrase; an acting minister (المكلف)
    or an adviser's title (مستشارة وزير …) is not the holder; a bare title in its own sentence is."""
    day = ["2015-08-07T10:00:00Z"] * 3
    m = extract_mentions(arts("يباشر وزير الإسكان الجديد ماجد الحقيل عمله بعد وزير الإسكان المكلف.",
                              "وأوضحت مستشارة وزير العمل السعودي أن الوزارة تخطط.",
                              "وقال وزير الزراعة إن الدفعة جاهزة. وأوضح عبدالرحمن الفضلي أن", published=day))
    t = rows(m, match_kind="title")
    assert list(zip(t["article_id"], t["surface"], t["actor_id"])) == [("a2", "وزير الزراعة", "person:abdulrahman_al_fadhli")]
    assert "person:majid_al_hogail" in set(rows(m, article_id="a0")["actor_id"])
    m = extract_mentions(arts("استقبل وزير العمل د. مفرج بن سعد الحقباني الوفد.", published=day[:1]))
    assert rows(m, match_kind="title").empty and "person:mufrej_al_haqbani" in set(m["actor_id"])


def test_bare_prime_minister_resolves_by_the_one_country_of_the_field():
    """country_titles.tsv: رئيس الوزراء is the prime minister of the only country named (with one in office that day)."""
    day = ["2015-08-07T10:00:00Z"] * 4
    m = extract_mentions(arts("أعلن رئيس الوزراء أن القوات العراقية تقدمت في الأنبار.",
                              "التقى رئيس الوزراء بنظيره التركي في بغداد.",
                              "قال رئيس الوزراء إن الحكومة مستمرة.",
                              "وقال نائب رئيس الوزراء إن العراق مستمر.", published=day))
    # Chechnya is no codebook country: رئيس الوزراء الشيشاني in a story that names Russia is not Medvedev
    m2 = extract_mentions(arts("اغتيل رئيس الوزراء الشيشاني في روسيا.", published=day[:1]))
    assert rows(m2, match_kind="title").empty
    t = rows(m, match_kind="title")
    assert list(zip(t["article_id"], t["actor_id"])) == [("a0", "person:haider_al_abadi")]


def test_places_listed_after_a_place_are_places():
    """_coordinated_places: و + a name-like word after a place mention, the list ending at punctuation, is a place;
    verbs, common nouns (also with a possessive ه) and lists running into a clause are not."""
    m = extract_mentions(arts("زار الوفد الطائف وصبراتة وورشفانة، ثم عاد.",
                              "تقع الجزيرة قرب أوسلو وموس، ويعيش فيها السجناء.",
                              "وصل الوفد إلى جدة واتصل بالمسؤولين.",
                              "افتتح المشروع في جدة وتطويره مستمر.",
                              "وصلت الطائرة إلى جدة وقت الظهر."))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "وصبراتة", "location"), ("a0", "وورشفانة", "location"), ("a1", "وموس", "location")} <= got
    assert not rows(m, article_id="a2", surface="واتصل").shape[0]
    assert not rows(m, article_id="a3", surface="وتطويره").shape[0]
    assert list(rows(m, article_id="a4")["surface"]) == ["جدة"]


def test_places_listed_after_a_plural_or_dual_place_head_are_places():
    """_listed_places (round 11): a list of two or more items after a plural or dual place head (place_list_heads.txt)
    or a "name" head, with one name-like item, is a list of places even when the other items are also common nouns;
    verbs after و, إحياء "reviving", and lists of common nouns only are not."""
    m = extract_mentions(arts("جرى الوادي بين قريتي الفقعلي والمثلث إلى الطريق.",
                              "تبدأ الرحلة إلى ميناءي قسطل وأشكيت على الحدود.",
                              "انتشرت القوات في مناطق المساعيد والضاحية وطريق العريش.",
                              "هطلت الأمطار على قرية القراصة وترعة والبديع والفقعلي شمال المحافظة.",
                              "وأعاد الطاهي إحياء أطباق وطبخات منسية، وتجول في مناطق النزاع والصراع.",
                              "ولد في مدينة عرعر وعاش فيها، ثم سكن في حي الغدير وانتقل إلى جدة."))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "الفقعلي", "location"), ("a0", "والمثلث", "location"), ("a1", "قسطل", "location"),
            ("a1", "وأشكيت", "location"), ("a2", "المساعيد", "location"), ("a2", "والضاحية", "location"),
            ("a3", "القراصة", "location"), ("a3", "وترعة", "location"), ("a3", "والبديع", "location"),
            ("a3", "والفقعلي", "location")} <= got
    assert rows(m, article_id="a4").empty
    assert not {"وعاش", "وانتقل"} & set(rows(m, article_id="a5")["surface"])


def test_a_district_or_town_named_by_a_noun_is_a_place_but_not_repeated_alone():
    """Round 11 (_SETTLEMENT_HEADS): after حي/بلدة/قرية a definite word that is also a noun names the place (بحي
    الزاهر، بلدة المريسة), but that word alone later is the noun (قرية التمور … أنواع التمور); «وحي القلم» is a title;
    وأدى الصلاة ("and performed the prayer") is no wadi although it is normalised like وادي."""
    m = extract_mentions(arts("سقط عامل في عمارة بحي الزاهر بمكة، وزار الوفد قرية التمور وتذوق أنواع التمور.",
                              'قرأ كتاب "وحي القلم" للرافعي. وأدى الصلاة مع الأمير.'))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "الزاهر", "location"), ("a0", "التمور", "location")} <= got
    assert len(rows(m, article_id="a0", surface="التمور")) == 1
    assert rows(m, article_id="a1").empty


def test_an_airport_name_takes_in_international_and_its_city_with_ba():
    """Round 11 (_airport_tail): مطار الملك عبدالله بجازان، مطاري …، مطار القاهرة الدولي are one place each, as the
    annotators mark them; في + a place after the airport stays apart."""
    m = extract_mentions(arts("استقبل مطار الملك عبدالله بن عبدالعزيز بجازان أول رحلة بين مطاري الملك عبدالله بجازان ودبي، "
                              "وأقلعت من مطار القاهرة الدولي، وهبطت في مطار بلاكبوش في جنوب بريطانيا."))
    assert list(m["surface"]) == ["مطار الملك عبدالله بن عبدالعزيز بجازان", "مطاري الملك عبدالله بجازان", "ودبي",
                                  "مطار القاهرة الدولي", "مطار بلاكبوش", "بريطانيا"]


def test_king_faisal_is_a_person_and_his_hospital_an_organisation():
    """Round 11: الملك فيصل was an ANERcorp "ORG" seen once (a part of a hospital's name) and labelled King Faisal an
    organisation wherever he was named; now a codebook person, and مستشفى الملك فيصل the hospital. فيصل بن عبدالعزيز
    without the title is other men too (السفير فيصل بن عبدالعزيز السديري)."""
    m = extract_mentions(arts("نقلت الطفلة إلى مستشفى الملك فيصل بمكة، وطلب الملك فيصل أن تقام البطولة، وقال السفير الدكتور "
                              "فيصل بن عبدالعزيز السديري إن الأمر مهم."))
    got = list(zip(m["surface"], m["actor_type"], m["actor_id"]))
    assert ("مستشفى الملك فيصل", "organization") == got[0][:2]
    assert ("فيصل", "person", "person:faisal_of_saudi_arabia") in got
    assert "person:faisal_of_saudi_arabia" not in set(m[m["start"] > 60]["actor_id"])


def test_us_states_counties_museums_and_the_two_holy_mosques():
    """Codebook rows for US states and world regions; مقاطعة (a county) and متحف (a museum) as place heads; the Two
    Holy Mosques as a place, but not inside the king's title (خادم الحرمين الشريفين, dropped before his name)."""
    day = ["2015-08-07T10:00:00Z"] * 3
    m = extract_mentions(arts("اندلع حريق في مقاطعة سيسكيو بولاية كاليفورنيا، وزار الوفد متحف اللوفر.",
                              "وجه خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بخدمة الحرمين الشريفين.",
                              "أعلنت مقاطعة البضائع الإسرائيلية.", published=day))
    got = set(zip(m["article_id"], m["surface"], m["actor_id"]))
    assert ("a0", "بولاية كاليفورنيا", "location:us_california") in got or ("a0", "كاليفورنيا", "location:us_california") in got
    assert {"سيسكيو", "متحف اللوفر"} <= set(rows(m, article_id="a0")["surface"])
    holy = rows(m, article_id="a1", actor_id="location:two_holy_mosques")
    assert list(holy["surface"]) == ["الحرمين الشريفين"] and holy["start"].iloc[0] > 40  # only the second one
    assert rows(m, article_id="a2", actor_type="location").empty


def test_the_word_after_bin_is_a_name_even_when_it_is_a_common_word():
    """After بن/ابن/بنت the father's name may be a common word (مانع "obstacle", عاطي): the name goes on through it."""
    m = extract_mentions(arts("وكان في استقباله د. حمدان بن مانع العمري مدير شؤون المعلمين.",
                              "وأوضح المهندس سلطان بن عاطي القرشي أن العمل مستمر.",
                              "وقال محمد بن في الاجتماع"))
    got = set(zip(m["article_id"], m["surface"]))
    assert {("a0", "حمدان بن مانع العمري"), ("a1", "سلطان بن عاطي القرشي")} <= got
    assert not any("في" in s for s in rows(m, article_id="a2")["surface"])  # a function word still ends it


def test_oman_in_a_list_of_countries_or_a_field_about_oman_but_amman_in_one_about_jordan():
    """عمان is Oman next to another country (قطر وعمان) or near an Omani actor, Amman when spelt عمّان or when the
    field names Jordan or a Jordanian actor; alone it stays unread."""
    m = extract_mentions(arts("سيزور الوزير قطر وعمان والكويت.",
                              "وصل سعر نفط عمان إلى 50 دولارا، بحسب المركز الوطني للإحصاء والمعلومات العماني.",
                              "ولي ولي العهد يصل عمان في زيارة رسمية للأردن.",
                              "سفير عمّان: مليون سائح سعودي.",
                              "ارتفعت الحرارة في عمان أمس.", published=["2015-08-07T10:00:00Z"] * 5))
    got = {(r.article_id, r.actor_id) for r in m.itertuples() if r.surface in ("وعمان", "عمان", "عمّان")}
    assert got == {("a0", "country:om"), ("a1", "country:om"), ("a2", "location:amman")}


def test_a_name_does_not_run_into_a_role_in_construct():
    """مساعد (also a first name) + a definite noun after a name is the person's role (مساعد المدير العام), not a third
    name; after بن it is the father's name."""
    m = extract_mentions(arts("وكان في استقباله الأستاذ حمد الشنيبر مساعد المدير العام للشؤون المدرسية.",
                              "وقال عمر بن مساعد الشريوفي إن العمل مستمر."))
    got = set(zip(m["article_id"], m["surface"]))
    assert ("a0", "حمد الشنيبر") in got and ("a1", "عمر بن مساعد الشريوفي") in got


def test_a_codebook_surname_after_a_first_name_is_that_persons_family_name():
    """المالكي is Nouri al-Maliki near Iraq or after his full name; right after a first name (المهندس مسفر المالكي)
    it is that man's family name, and his surname alone later links to him. الأسد keeps its Syrian context."""
    m = extract_mentions(arts("قال مدير الطرق المهندس مسفر المالكي إن العمل مستمر. وأضاف المالكي أن الطريق جاهز.",
                              "قال نوري المالكي إن العراق مستعد. وأضاف المالكي أن",
                              "وكان واضحا عندما استخدم الأسد الأسلحة الكيماوية في سوريا.",
                              published=["2015-08-07T10:00:00Z"] * 3))
    a0 = rows(m, article_id="a0")
    assert set(a0["actor_id"]) == {"discovered:مسفر_المالكي"} and len(a0) == 2
    assert list(rows(m, article_id="a1")["actor_id"]).count("person:nouri_al_maliki") == 2
    assert "person:bashar_al_assad" in set(rows(m, article_id="a2")["actor_id"])


def test_numbers_units_and_idioms_are_no_persons():
    """A number ends a name (17 رجب 1434هـ is a date), the word after a number is its unit (500 فدان, not ف + Dan),
    حسن/باسم/حصة + a common definite noun are "good …", "on behalf of …", "share of …", and المتحدث باسم المكتب is no
    Basem; with a family name they stay persons."""
    m = extract_mentions(arts("وشكلت اللجنة بقرار من مجلس الوزراء في تاريخ 17 رجب 1434هـ، ويرأسها الأمير سلطان بن سلمان.",
                              "اتسع نطاق الحريق من 500 فدان إلى 3500 فدان في غضون ساعات.",
                              "وعلى لسان المتحدث باسم المكتب الإعلامي لرئيس الوزراء أكدت الحكومة موقفها.",
                              "وأبدى حسن النية، وشكر الوفد على حسن الاستقبال.",
                              "وقال حسن الشهري إن الفريق جاهز، وقال المتحدث باسم العوضي إن",
                              published=["2015-08-01T10:00:00Z"] * 5))
    persons = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert not {(a, s) for a, s, t in persons if t == "person" and a in ("a0", "a1", "a2", "a3")} - {
        ("a0", "سلطان بن سلمان")}
    assert ("a4", "حسن الشهري", "person") in persons and ("a4", "باسم العوضي", "person") in persons


def test_names_after_al_mad_u_and_the_prosecutor_and_before_the_morning_of():
    """المدعو (the man called) and المدعي العام open a name; a name stops before صباح + a day word (صباح أمس is "yesterday
    morning", not the name Sabah); أنور is a first name."""
    m = extract_mentions(arts("تم القبض على المدعو شاه فيصل عند قيامه بتهريب المخدرات.",
                              "مما دفع المدعي العام هارالد رانجه إلى الشكوى.",
                              "استقبل أمين الغرفة التجارية انور الشامي العنزي صباح أمس الوفد.",
                              published=["2015-08-01T10:00:00Z"] * 3))
    assert set(zip(m["article_id"], m["surface"])) >= {("a0", "شاه فيصل"), ("a1", "هارالد رانجه"), ("a2", "انور الشامي العنزي")}


def test_al_shura_alone_is_the_saudi_council_in_a_saudi_field():
    """D1 short name: الشورى alone (أعضاء الشورى، رئيس الشورى) is the Saudi Shura Council where the field names Saudi
    Arabia; elsewhere it stays the word "consultation"."""
    m = extract_mentions(arts("صوت أغلب أعضاء الشورى ضد النظام في المملكة.", "أكد الخطيب على مبدأ الشورى في الإسلام.",
                              published=["2015-08-01T10:00:00Z"] * 2))
    assert list(zip(*[rows(m, surface="الشورى")[c] for c in ("article_id", "actor_id")])) == [("a0", "org:sa_shura_council")]


def test_first_name_only_marks_the_persons_found_by_a_first_name_alone():
    """first_name_only: a discovered person whose label is a first name (discovered:محمد after الشيخ, عبد الله) holds
    every man of that name; a full name and a codebook person are not marked."""
    from analysis.actors import first_name_only

    m = extract_mentions(arts("وقال الشيخ محمد إن العمل مستمر. وحضر خالد الشهري والرئيس أوباما، وأكد الدكتور عبد الله ذلك."))
    marked = dict(zip(m["surface"], first_name_only(m)))
    assert marked["محمد"] and marked["عبد الله"] and not marked["خالد الشهري"] and not marked["أوباما"], marked


# --- eleventh session: rules read from the misses of blind sets 126-129 ---------------------------------------------


def test_a_dual_place_head_announces_exactly_two_names():
    """قريتي المشيك والبحصة: a dual head (_DUAL_PLACE_HEADS) makes its two items places even when neither looks like a
    name and the first is a known place (بمحافظتي الحرث …); the list stops after two (محافظتي الطائف وأضم، وأودى بحياة:
    the verb is no place)."""
    m = extract_mentions(arts("تستمر الاشتباكات في محيط قريتي المشيك والبحصة وأطراف بلدة المنصورة.",
                              "وقع الحادث بين محافظتي الطائف وأضم، وأودى بحياة 5 أشخاص."))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "المشيك", "location"), ("a0", "والبحصة", "location")} <= got, got
    assert not any(s == "وأودى" for _, s, _ in got), got


def test_a_listed_village_may_be_a_known_place_with_its_article():
    """قرى الحواش والقاهرة والعنكاوي …: a known place joined by و with its article (والقاهرة, a village here) continues
    a list after a plural head; the unknown items become places."""
    m = extract_mentions(arts("تعرضت أماكن في قرى الحواش والقاهرة والعنكاوي والعمقية والزقوم وقسطون بسهل الغاب لقصف مكثف."))
    surfaces = set(m.loc[m["actor_type"] == "location", "surface"])
    assert {"الحواش", "والعنكاوي", "والعمقية", "والزقوم", "وقسطون"} <= surfaces, surfaces


def test_a_list_of_foreign_names_after_a_foreign_name():
    """توم كروز وسايمون بيج وجيريمي رينر: after a foreign two-word name, و + two name-like words without the article
    are a person too; not a noun with tanween after a name (جون كيري وزيرا للخارجية), adjectives (واضحا وواقعيا), a
    repeated name after a preposition (وموسى كموسى) or a second و (وكواك وديقاو)."""
    m = extract_mentions(arts("يشارك في بطولته كل من توم كروز وسايمون بيج وجيريمي رينر، وحقق إيرادات كبيرة.",
                              "واستمرت في المنصب بعد أن صار جون كيري وزيرا للخارجية.",
                              "يبدو كريستوفر هيتشينز واضحا وواقعيا في كتابه.",
                              "قال: فيها آدم كآدم وموسى كموسى وعيسى كعيسى.",
                              "تشكيلة مكونة من خالد شراحيلي وكواك وديقاو."))
    got = set(zip(m["article_id"], m["surface"]))
    assert ("a0", "وسايمون بيج") in got, got
    assert not {s for a, s in got if a in ("a1", "a2", "a3", "a4")} & {
        "وزيرا للخارجية", "واضحا وواقعيا", "وموسى كموسى", "وعيسى كعيسى", "وكواك وديقاو"}, got


def test_latin_model_numbers_and_film_titles_are_not_organisations():
    """C130, B777, MH370 (model and flight numbers) and a Latin film title after فيلم/أفلام and its genre are no names;
    CNN and MBC1 still are."""
    m = extract_mentions(arts('هبوط طائرات "C130" التابعة للقوات، وطائرة بوينغ B777 والرحلة MH370.',
                              'واحتل المركز الثاني فيلم الكوميديا والمغامرات "Vacation"، وتصدر سلسلة أفلام Mission: Impossible القائمة.',
                              "وقالت شبكة CNN وقناة MBC1 إن الخبر صحيح."))
    got = set(m.loc[m["match_kind"] == "discovered", "surface"])
    assert not got & {"C130", "B777", "MH370", "Vacation", "Mission", "Impossible"}, got
    assert {"CNN", "MBC1"} <= got, got


def test_bil_khobar_after_a_definite_word_is_the_city():
    """بالخبر right after a definite noun or adjective is "in Khobar" (مستشفى الملك فهد الجامعي بالخبر، الواجهة البحرية
    بالخبر); after a verb, a noun with a pronoun or a word of _NEWS_AFTER it is "with the news"."""
    m = extract_mentions(arts("وظائف شاغرة في مستشفى الملك فهد الجامعي بالخبر للرجال.", "خيمة الطفل على الواجهة البحرية بالخبر.",
                              "وفور إعلانها بالخبر، قالت إنها سعيدة.", "وفرح الجميع بالخبر."))
    khobar = set(rows(m, actor_id="location:khobar")["article_id"])
    assert khobar == {"a0", "a1"}, khobar


def test_korean_nisba_south_by_default_north_with_its_adjective():
    """The nisba كوري is South Korea's (its sense in the corpus); with الشمالي/الشمالية … after it the mention takes both
    words and is North Korea's; a role phrase keeps its person (الرئيس الكوري الجنوبي بارك …)."""
    m = extract_mentions(arts("وتبحث فرص التعاون مع الشركات الكورية المتخصصة.",
                              "وقالت وكالة الأنباء المركزية الكورية الشمالية الرسمية إن الناخبين صوتوا.",
                              "لم يتحدث مع الرئيس الكوري الجنوبي بارك جيون هاي عن الملف."))
    got = set(zip(m["article_id"], m["surface"], m["actor_id"]))
    assert ("a0", "الكورية", "country:kr") in got and ("a1", "الكورية الشمالية", "country:kp") in got, got
    assert any(a == "a2" and s.startswith("بارك") and i.startswith("discovered:") for a, s, i in got), got


def test_copa_america_and_a_sponsors_league_are_events():
    """كوبا أمريكا is the Copa América (no Cuba, no United States); دوري عبد اللطيف جميل is the league named after its
    sponsor (no company); the company named elsewhere stays."""
    m = extract_mentions(arts("وتلعب تشيلي بطلة كوبا أميركا مع البرازيل.", "وأكد نادي الوحدة الصاعد لدوري عبد اللطيف جميل للمحترفين جاهزيته.",
                              "وأعلنت مجموعة عبد اللطيف جميل نتائجها."))
    ids = set(zip(m["article_id"], m["actor_id"]))
    assert not {i for a, i in ids if a == "a0"} & {"country:cu", "country:us"}, ids
    assert ("a1", "org:abdul_latif_jameel") not in ids and ("a2", "org:abdul_latif_jameel") in ids, ids


def test_eleventh_session_codebook_rows():
    """Rows and aliases added from the misses: Paraguay as البارغواي, Canberra as كانبيرا, Oceania, the Real Estate
    Development Fund as الصندوق العقاري, NHK; المقاومة الشعبية في تعز is the group and the city."""
    m = extract_mentions(arts("وفنزويلا مع البارغواي، والخامس يلعب ملحقا مع أوقيانيا.", "وقال آبوت للصحافيين في كانبيرا إن اللوائح جديدة.",
                              "أثناء لقاء مسؤولي الصندوق العقاري مؤخرا.", "ونقلت هيئة الإذاعة اليابانية (إن.إتش.كيه) عن شاهد.",
                              "ألقت نقطة تفتيش تابعة للمقاومة الشعبية في تعز القبض على قيادي."))
    ids = set(zip(m["article_id"], m["actor_id"]))
    assert {("a0", "country:py"), ("a0", "location:oceania"), ("a1", "location:canberra"),
            ("a2", "org:sa_real_estate_development_fund"), ("a3", "media:nhk"), ("a4", "group:popular_resistance_yemen"),
            ("a4", "location:taiz")} <= ids, ids


def test_al_ihtilal_is_israel_near_palestine_not_another_occupier():
    """Rule occupation (الاحتلال): Israel near a mention of Palestine or of an actor or place of Israel or Palestine (قوات
    الاحتلال … المسجد الأقصى) or once Israel was named; never before another nisba (الاحتلال الأمريكي، الاحتلال النازي);
    الصهاينة is Israel's nisba."""
    m = extract_mentions(arts("اقتحمت قوات الاحتلال المسجد الأقصى صباح اليوم.", "قاوم العراقيون الاحتلال الأمريكي لسنوات.",
                              "وأعلنت إسرائيل أمس أن قوات الاحتلال النازي ألهمت الفيلم.", "ولعل الصهاينة يختبرون ردود الأفعال.",
                              "وتحدث عن الاحتلال في كتابه."))
    il = list(rows(m, actor_id="country:il")[["article_id", "surface"]].itertuples(index=False, name=None))
    assert il == [("a0", "الاحتلال"), ("a2", "إسرائيل"), ("a3", "الصهاينة")], il


def test_al_majra_the_channel_is_not_hungarian():
    """المجرى "the channel" is spelt like المجري (Hungarian): the masculine nisba only near Hungary (rule country)."""
    m = extract_mentions(arts("أن يسهم مشروع المجرى الجديد لقناة السويس في زيادة الدخل.",
                              "وأعلن رئيس الوزراء المجري أن المجر ستغلق حدودها."))
    assert list(rows(m, actor_id="country:hu")["article_id"]) == ["a1", "a1"], m[["article_id", "surface", "actor_id"]]


def test_the_bare_football_association_is_the_saudi_one_near_a_saudi_actor():
    """اتحاد الكرة / اتحاد القدم / اتحاد كرة القدم alone: the Saudi federation near Saudi Arabia or a Saudi actor (rule
    country), or once named; not right before another nisba (اتحاد القدم الانجليزي), not with no Saudi context."""
    m = extract_mentions(arts("وتقدم الهلال السعودي بشكوى إلى اتحاد الكرة أمس.", "وقرر اتحاد القدم الانجليزي معاقبة تشيلسي.",
                              "وطالب اللاعبون اتحاد كرة القدم بالتدخل.",
                              "وتقدم الهلال السعودي بشكوى. وأرسل اتحاد الكرة إلى الناديين خطابا."))
    assert list(rows(m, actor_id="org:saff")["article_id"]) == ["a0", "a3"], m[["article_id", "surface", "actor_id"]]


def test_loyal_to_before_a_one_word_person():
    """"Loyal to" (الموالية ل…) makes ل + a one-word person form the person (القوات الموالية لهادي); not other words before
    such a form (تم الحكم لصالحي "in my favour"); a nisba before و + an honorific stays (الميليشيات الحوثية والرئيس المخلوع)."""
    m = extract_mentions(arts("ووحدات من الجيش موالية لهادي بسطت سيطرتها.", "أبشرك تم الحكم لصالحي بتعويض كبير.",
                              "ضد ما تقوم به الميليشيات الحوثية والرئيس المخلوع من تخريب."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert ("a0", "person:abdrabbuh_mansur_hadi") in got and not {i for a, i in got if a == "a1"}, got
    assert ("a2", "group:houthis") in got, got


def test_a_name_with_the_indefinite_accusative_is_no_name():
    """16 كفيفاً (blind people, read as ك + فيفا) and باكرا ("early", read as ب + Accra) are no names; a country's name
    with tanwin is its nisba (23 سورياً)."""
    m = extract_mentions(arts("بمشاركة 16 كفيفاً وكفيفة في الدورة.", "قام من نومه باكرا وأعد الفطور.", "أوقف الجيش 23 سورياً شرق لبنان."))
    got = set(zip(m["article_id"], m["actor_id"], m["match_kind"]))
    assert not {x for x in got if x[0] in ("a0", "a1")}, got
    assert ("a2", "country:sy", "nisba") in got, got


def test_the_yemeni_popular_committees_are_a_short_name():
    """اللجان الشعبية is the Yemeni group in a field about Yemen (short_names.tsv), dropped elsewhere."""
    m = extract_mentions(arts("بمشاركة اللجان الشعبية الموالية لهادي في عدن.", "وشكلت اللجان الشعبية في الأحياء لجمع التبرعات."))
    assert list(rows(m, actor_id="group:popular_committees_ye")["article_id"]) == ["a0"], m[["article_id", "surface"]]


def test_district_names_that_are_common_nouns_and_places_after_a_capital_descriptor():
    """After حي (not وحي "inspiration") a definite common noun is a district's name (حي السلام، حي السعادة); a place
    with a common-word reading after العاصمة + a nisba is the capital (العاصمة العمانية مسقط, not مسقط رأسه); ستاد
    heads a stadium's name like استاد."""
    m = extract_mentions(arts("تم نزع ملكية عقارات بحي السلام في المدينة.", "الشعر: وحي الانسان العادي لنفسه.",
                              "وزار الوزير العاصمة العمانية مسقط اليوم.", "وهي مسقط رأسه.", "وأقيمت المباراة على ستاد البترا بمدينة عمان."))
    got = set(zip(m["article_id"], m["surface"]))
    assert ("a0", "السلام") in got and not {s for a, s in got if a in ("a1", "a3")}, got
    assert ("a2", "مسقط") in got and ("a4", "ستاد البترا") in got, got


def test_birthplace_course_of_events_and_tanwin_nouns_are_no_actors():
    """مسقط رأسه is "his birthplace" (not Muscat, even after إلى); مجريات is "the course" (not the Hungarian women); a
    discovered person whose first word carries tanwin and is no first name is a noun (ثمناً باهضاً، مسرفاً يسرف)."""
    m = extract_mentions(arts("ونقل جثمان الفقيد إلى مسقط رأسه المدينة المنورة.", "واستعرض التقارير المعدة لمجريات بداية العام الدراسي.",
                              "ولقطات مؤثرة كلفت ثمناً باهضاً واستغرقت وقتا.", "وكم هو مخيف أن ترى مسرفاً يسرف دون حساب."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert ("a0", "location:muscat") not in got and ("a0", "location:medina") in got, got
    assert not {x for x in got if x[0] in ("a1", "a2", "a3")}, got


def test_place_names_that_are_words_need_a_place_context():
    """مشهد "a scene", معان "meanings", تدمر "destroys", الأحمدي (a family name), الوجه "the face" count as places only
    in their context (بمدينة مشهد، محافظتي ضباء والوجه, after a place word); يهلك الحرث والنسل is an idiom (rule
    not_before), محافظة الحرث the governorate; a place with the nominative or genitive tanwin is no name (معانٍ); وأكد
    الأحمدي is a person (discovery), not the Kuwaiti town."""
    m = extract_mentions(arts("في مشهد يؤكد تلاحم الشعب.", "تسمم مواطنين سعوديين في فندقين بمدينة مشهد الإيرانية.",
                              "بكل ما تحمله الكلمة من معان كثيرة ومعانٍ أخرى.", "إلا أنها تدمر البيئة.",
                              "سيطر تنظيم داعش على مدينة تدمر الأثرية.", "وأكد الأحمدي أن عملية تمشيط تجري.",
                              "غسل الوجه واليدين.", "خلال جولاتهم في محافظتي ضباء والوجه أمس.",
                              "التي خرجت لتهلك الحرث والنسل.", "سقوط مقذوف على قرية بمحافظة الحرث مساء اليوم."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert not {x for x in got if x[0] in ("a0", "a2", "a3", "a6", "a8")} and ("a5", "location:ahmadi") not in got, got
    assert {("a1", "location:mashhad"), ("a4", "location:palmyra"), ("a7", "location:al_wajh"),
            ("a9", "location:al_harth")} <= got, got


def test_company_legal_forms_boards_and_wire_marks():
    """A legal form (المحدودة، القابضة) ends a company's name whatever its words (شركة خبراء طيبة المحدودة); the board of
    a body named by its kind is no actor (مجلس إدارة الهيئة، مجلس الإدارة الجديد); NNNN ends an agency wire."""
    m = extract_mentions(arts("أبرم الاتحاد عقد رعاية مع شركة خبراء طيبة المحدودة لرعاية أنشطته.",
                              "وأوضح رئيس مجلس إدارة الهيئة أن الاجتماع ناقش الخطة.", "واجتمع مجلس الإدارة الجديد أمس.",
                              "وشارك في المعرض عدد من الجامعات. 18:37 ت م NNNN"))
    got = set(zip(m["article_id"], m["surface"]))
    assert ("a0", "شركة خبراء طيبة المحدودة") in got, got
    assert not {x for x in got if x[0] in ("a1", "a2", "a3")}, got


def test_byline_running_into_the_text_and_new_rows():
    """A byline that runs on into the text (رغد عشميل – عين اليوم بعد انقطاع …) names its author; شعار before a club's
    bare name in sport is a cue (سيرتدي شعار الرائد); سيرلانكا is Sri Lanka, البوندستاج the Bundestag; توكل كرمان is
    the laureate, not Kerman."""
    m = extract_mentions(arts("رغد عشميل – عين اليوم بعد انقطاع دام لعدة شهور، عاد إمام المسجد إلى الخطابة.",
                              "وقال مدرب الفريق إن اللاعب سيرتدي شعار الرائد في الدوري هذا الموسم بعد المباراة الأخيرة.",
                              "أسلمت نساء من الفلبين وسيرلانكا وكينيا.", "وقال رئيس البوندستاج إن الشبكة ستغلق.",
                              "وأشادت بفوز الناشطة اليمنية توكل كرمان بجائزة نوبل."))
    got = set(zip(m["article_id"], m["surface"], m["actor_id"]))
    assert ("a0", "رغد عشميل", "discovered:رغد_عشميل") in got, got
    assert {("a1", "الرائد", "org:al_raed"), ("a2", "وسيرلانكا", "country:lk"), ("a3", "البوندستاج", "org:bundestag"),
            ("a4", "توكل كرمان", "person:tawakkol_karman")} <= got, got
    assert not {x for x in got if x[2] == "location:kerman"}, got


def test_malis_army_and_government_and_places_after_a_governor_or_a_sector():
    """Mali's nisba is left out (مالي "financial"), so its army and government are rows of their own (القوات المسلحة
    المالية، حكومة مالي); a place that is also a word counts after محافظ or قطاع (فرق الإنقاذ بقطاع الخبر)."""
    m = extract_mentions(arts("وقتل جنديان في صفوف القوات المسلحة المالية أمس.", "وعقب مناشدة من حكومة مالي استأجرت المنظمة طائرة.",
                              "وأضاف أن فرق البحث والإنقاذ بقطاع الخبر أنقذت 13 شخصا.", "وارتفعت الأوراق المالية أمس."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert {("a0", "org:army_ml"), ("a1", "org:government_ml"), ("a2", "location:khobar")} <= got, got
    assert not {x for x in got if x[0] == "a3"}, got


def test_towns_that_are_words_after_a_city_head():
    """الميادين "the squares", الطبقة "the layer" and ليون (Leon) are the towns after a city head (rule coordinated), not
    elsewhere; ميونيخ is Munich; "in Khobar" after a definite word is Khobar's own rule (not التمركزات الأمنية بالميادين)."""
    m = extract_mentions(arts("قصف مبنى في مدينة الميادين بريف دير الزور.", "تألق في جميع الميادين الرياضية.",
                              "قرب مدينة الطبقة بريف الرقة.", "وقال ليون إن الفريق جاهز.", "جولة حرة في مدينة ميونيخ الألمانية.",
                              "لوحظت التمركزات الأمنية بالميادين والمحاور."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert {("a0", "location:mayadin"), ("a2", "location:tabqa"), ("a4", "location:munich")} <= got, got
    assert not {x for x in got if x[0] in ("a1", "a3", "a5")}, got


def test_prosecution_courts_central_bank_and_dual_place_heads():
    """النيابة العامة، المحكمة العامة، المحكمة الجزائية are bodies (annotated in the read blind sets); a named central
    bank or court wins by length, and the bare البنك المركزي is generic since the forty-first session (6 of its 24
    predictions in the 471 read sets matched an annotation); تايلندي is Thailand's nisba; a place that is also a word
    counts after a dual head (في محافظتي البيضاء وأبين)."""
    m = extract_mentions(arts("كما تم إخطار النيابة العامة بالواقعة.", "وبإحالته إلى المحكمة العامة صدر بحقه صك شرعي.",
                              "وطبق خلالها البنك المركزي سياسات نقدية متشددة.", "قرار البنك المركزي الأوروبي أمس.",
                              "أعلنت الحكومة التايلندية أن الصين ستشتري الأرز.", "قصفت الطائرات مواقع في محافظتي البيضاء وأبين."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert "a2" not in set(m["article_id"]), m[m["article_id"] == "a2"].values.tolist()
    assert {("a0", "org:public_prosecution"), ("a1", "org:sa_general_court"), ("a3", "org:ecb"),
            ("a4", "org:government_th"), ("a5", "location:al_bayda")} <= got, got
    assert ("a3", "org:central_bank") not in got, got


def test_passports_and_health_affairs_directorates():
    """الجوازات alone is the Saudi passports directorate; الشؤون الصحية (also spelt الشئون) with بـ + a region is one
    regional health directorate (branch_heads.txt), not the directorate and the region apart."""
    m = extract_mentions(arts("وأوضحت الجوازات أن عدد المصحح وضعهم بلغ 363 ألفا.",
                              "ترأس مدير عام الشؤون الصحية بمنطقة مكة المكرمة الاجتماع.", "وبينت الشئون الصحية أن الحالة مستقرة."))
    got = set(zip(m["article_id"], m["surface"], m["actor_id"]))
    assert {("a0", "الجوازات", "org:sa_passports"), ("a1", "الشؤون الصحية بمنطقة مكة المكرمة", "org:sa_health_affairs"),
            ("a2", "الشئون الصحية", "org:sa_health_affairs")} <= got, got
    assert not {x for x in got if x[0] == "a1" and x[2].startswith("location:")}, got


def test_education_directorates_and_town_colleges_are_one_branch():
    """Fortieth session (branch_heads.txt): الإدارة العامة للتعليم، المديرية العامة للشؤون الصحية and الكلية الجامعية
    with بـ + a place are one organisation, the branch; other bodies with بـ + a place stay two mentions."""
    m = extract_mentions(arts("أعلنت الإدارة العامة للتعليم بمنطقة تبوك موعد الدراسة، وأكدت المديرية العامة للشؤون الصحية "
                              "بمنطقة القصيم جاهزيتها، ودرس في الكلية الجامعية بضباء. وزار جمعية البر الخيرية بجدة."))
    orgs = list(rows(m, actor_type="organization")["surface"])
    assert orgs[:3] == ["الإدارة العامة للتعليم بمنطقة تبوك", "المديرية العامة للشؤون الصحية بمنطقة القصيم",
                        "الكلية الجامعية بضباء"], orgs
    assert "بجدة" in set(m["surface"]), m


def test_nationality_after_a_name_is_a_descriptor():
    """A nisba + الجنسية right after a person's name (a dash, comma or bracket between) describes the named person and
    is not a country mention (D5); after a noun it stays (أن يكون المتقدم سعودي الجنسية)."""
    m = extract_mentions(arts("أقدم مشعشع بن مفرح بن سلمان حريصي - سعودي الجنسية - على قتل شاب.",
                              "ويشترط أن يكون المتقدم سعودي الجنسية، وحاصلا على الشهادة."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert ("a0", "country:sa") not in got and ("a1", "country:sa") in got, got


def test_ali_after_a_title_starts_a_name():
    """علي spelt with ي right after a title word is the first name Ali when a name goes on after it (بن, a first name, a
    family name or a word no list knows); a common word after it is the misspelt preposition على."""
    m = extract_mentions(arts("يقدمها الدكتور علي الغبان نائب الرئيس المشارك.", "وأفاد المقدم علي بن عمير الشهراني بأن الحادث وقع.",
                              "حضر الشيخ علي عبدالله الجفالي الحفل.", "أكد الوزير علي أهمية التعاون.",
                              "شدد المهندس علي المقاولين بسرعة الإنجاز.", "حرص الأمير على الحضور."))
    got = set(zip(m["article_id"], m["surface"]))
    assert {("a0", "علي الغبان"), ("a1", "علي بن عمير الشهراني"), ("a2", "علي عبدالله الجفالي")} <= got, got
    assert not {x for x in got if x[0] in ("a3", "a4", "a5")}, got


def test_more_market_short_names_in_a_list_of_stocks():
    """The daily market report's list of stocks (أسهم شركات …) names companies by their Tadawul short names
    (والبلاد، والعالمية، وزجاج، طباعة وتغليف، والعربي); outside such a list the words stay words (اقتصاد البلاد)."""
    m = extract_mentions(arts("وكانت أسهم شركات, طباعة وتغليف ,والبلاد ,والعالمية ,وزجاج الأكثر ارتفاعا، وجاءت أسهم شركات الإنماء ,والعربي"
                              " الأكثر نشاطا.", "وتحدث الوزير عن اقتصاد البلاد والمنظمات العالمية والعالم العربي أمس."))
    got = set(zip(m["article_id"], m["actor_id"]))
    assert {("a0", "org:saudi_printing_packaging"), ("a0", "org:bank_albilad"), ("a0", "org:al_alamiya"), ("a0", "org:zoujaj"),
            ("a0", "org:arab_national_bank")} <= got, got
    assert not {x for x in got if x[0] == "a1" and x[1].startswith("org:")}, got


def test_uk_parties_by_their_short_names():
    """حزب العمال and المحافظين near the UK are its parties; bare العمال only in quotes or after the party was named in
    full (else "the workers"); المحافظين without the UK are governors."""
    m = extract_mentions(arts("وفي بريطانيا خسر المحافظون الانتخابات أمام حزب العمال، ثم قال إن «العمال» في موقف صعب.",
                              "استقبل أمير المنطقة المحافظين، وبلغ عدد العمال في المشروع ألف عامل.",
                              "ورأى محللون في لندن أن العمال يطالبون بزيادة الأجور."))
    got = set(zip(m["article_id"], m["surface"], m["actor_id"]))
    assert {("a0", "المحافظون", "org:uk_conservative_party"), ("a0", "حزب العمال", "org:uk_labour_party"),
            ("a0", "العمال", "org:uk_labour_party")} <= got, got
    assert not {x for x in got if x[0] in ("a1", "a2") and x[2].startswith("org:uk_")}, got


def test_institutions_named_by_a_foreign_word():
    """جامعة / مستشفى / معهد / بنك / مطعم (and, after the organisation-chain rule, مؤسسة / حزب …) + a transliterated
    name (no word of the language) is one organisation, head and clitics included; a place after it with a preposition,
    an adjective with tanween, an accusative noun and an adjectival أكاديمية are not."""
    m = extract_mentions(arts("استعان الباحثون في جامعة ستانفورد بأحدث روبوت.", "وقال أستاذ الأحياء بجامعة تافتس إن الدجاجة تعافت.",
                              "خضع اللاعب لفحص طبي في مستشفى سبيتار أمس.", "ومن المشاريع مستشفى قياء بالحارث بسعة 50 سريرا.",
                              "وأدخلت مستشفى حكومياً في المدينة.", "وهي خبيرة أكاديمية محنكة في الاقتصاد.",
                              "وقال مسؤول كبير في بنك بيريوس إن الصفقة تمت.", "افتتح مطعم كودو فرعا جديدا.",
                              "قام باحثون من جامعة نورث ويسترن بالدراسة.", "وقالت مؤسسة ماركت إن المؤشر ارتفع.",
                              "اختار حزب كومينتانغ الحاكم مرشحته."))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "جامعة ستانفورد", "organization"), ("a1", "بجامعة تافتس", "organization"),
            ("a2", "مستشفى سبيتار", "organization"), ("a3", "مستشفى قياء", "organization"),
            ("a6", "بنك بيريوس", "organization"), ("a7", "مطعم كودو", "organization"),
            ("a8", "جامعة نورث ويسترن", "organization"), ("a9", "مؤسسة ماركت", "organization"),
            ("a10", "حزب كومينتانغ", "organization")} <= got, got
    assert not {x for x in got if x[0] in ("a4", "a5")}, got


def test_outlets_named_by_a_foreign_word_after_a_media_head():
    """صحيفة / مجلة / وكالة / قناة / شبكة + a transliterated name is a media outlet (the name, without the head, like
    the codebook's outlets); NASA is a codebook organisation, not an outlet."""
    m = extract_mentions(arts("وقال كازنوف لصحيفة لاكروا الفرنسية إن التعاون مستمر.", "كشف تقرير في مجلة وايرد أن الشركة تخطط.",
                              "وذكرت وكالة يونهاب أن الرئيسة زارت المصنع.", "وقالت وكالة ناسا إن المسبار وصل.",
                              "وقال المدرب لشبكة سكاي سبورتس إن الفريق جاهز."))
    got = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "لاكروا", "media"), ("a1", "وايرد", "media"), ("a2", "يونهاب", "media"),
            ("a4", "سكاي سبورتس", "media")} <= got, got
    assert ("a3", "org:nasa") in set(zip(m["article_id"], m["actor_id"])), got


# --- fourteenth session -------------------------------------------------------------------------------------------


def test_a_foreign_surname_in_wy_is_no_verb_joined_by_wa():
    """ويستفول، ويلينغام: a second name word that starts with وي is not taken for و + a verb (ويرمي still is)."""
    m = extract_mentions(arts("استنكر السفير الأمريكي لدى المملكة جوزيف ويستفول التفجير. وقال المحلل جون سميث "
                              "ويرمي الكرة في ملعب الحكومة."))
    persons = list(rows(m, actor_type="person")["surface"])
    assert "جوزيف ويستفول" in persons
    assert "جون سميث" in persons and not any("ويرمي" in p for p in persons)


def test_new_role_nouns_introduce_names():
    """Role nouns the read misses and the corpus counts showed (المصممة، الكابتن، الناشطة، المتهم) introduce a name
    after a nisba, which stays out of the mentions (D5); a common noun with a clause after it (الطالب) does not."""
    m = extract_mentions(arts("وقالت المصممة الأميركية مونيك لويليير إن التشكيلة جاهزة، وحضر الكابتن فريد زاهد "
                              "والناشطة الكمبودية لونغ أونغ، وأبدى المتهم عيدان ندمه، وسيفقد الطالب أحقيته في القبول."))
    persons = set(rows(m, actor_type="person")["surface"])
    assert {"مونيك لويليير", "فريد زاهد", "لونغ أونغ", "عيدان"} <= persons
    assert "أحقيته" not in persons
    assert not rows(m, actor_id="country:us").shape[0] and not rows(m, actor_id="country:kh").shape[0]


def test_imperfect_reporting_verbs_introduce_speakers_and_link_short_forms():
    """ويضيف / ويوضح + a name before the speech is the speaker; a surname given in full before keeps that person's
    id (ويوضح كريتشلو after دونالد كريتشلو), not a new one-word name."""
    m = extract_mentions(arts("وقال الباحث دونالد كريتشلو إن الأمر صعب. ويوضح كريتشلو أن الحل بعيد. ويضيف قبادي أن "
                              "المفاوضات مستمرة."))
    kr = rows(m, actor_id="discovered:دونالد_كريتشلو")
    assert list(kr["surface"]) == ["دونالد كريتشلو", "كريتشلو"]
    assert not rows(m, actor_id="discovered:كريتشلو").shape[0]
    assert list(rows(m, actor_id="discovered:قبادي")["surface"]) == ["قبادي"]


def test_a_department_named_after_its_field_and_the_eurozone():
    """دائرة + a department word is an organisation (دائرة التحكيم، دائرة الإفتاء العام); دائرة الضوء is not. منطقة
    اليورو is a place of the codebook."""
    m = extract_mentions(arts("وقال مدير دائرة التحكيم إن الحكام في دائرة الضوء، واستنكرت دائرة الإفتاء العام في الأردن "
                              "الهجوم، وتراجع التضخم في منطقة اليورو."))
    orgs = list(rows(m, actor_type="organization")["surface"])
    assert "دائرة التحكيم" in orgs and any(o.startswith("دائرة الإفتاء") for o in orgs)  # (العام left out: overlap)
    assert not any("الضوء" in o for o in orgs)
    assert list(rows(m, actor_id="location:eurozone")["surface"]) == ["منطقة اليورو"]


def test_a_ministry_of_several_words_is_named_by_its_field_alone_later():
    """وزارة الشؤون البلدية والقروية … وأوضحت الشؤون البلدية والقروية: the field after وزارة (one to three words) is
    the ministry where it is quoted or the subject of a feminine reporting verb."""
    m = extract_mentions(arts("أعلنت وزارة الشؤون البلدية والقروية الخطة. وأوضحت الشؤون البلدية والقروية أن التنفيذ "
                              "يبدأ غدا."))
    hits = rows(m, actor_id="org:sa_ministry_of_municipal_affairs")
    assert list(hits["surface"]) == ["وزارة الشؤون البلدية والقروية", "الشؤون البلدية والقروية"]
    assert list(hits["match_kind"]) == ["name", "alias"]


def test_a_discovered_name_written_with_hamza_alif_is_repeated():
    """أليطاليا (normalised اليطاليا) is no article + a word: once found after its head, its bare repetitions in the
    field are the same company."""
    m = extract_mentions(arts("قال رئيس شركة «أليطاليا» إن الشركة تعمل. ويبلغ عدد موظفي «أليطاليا» 11 ألفا وكانت "
                              "أيام عزها حين كانت أليطاليا تمثل إيطاليا."))
    assert list(rows(m, actor_id="discovered:اليطاليا")["surface"]) == ["أليطاليا"] * 3


def test_codebook_names_that_a_count_of_the_read_gold_found_uncovered():
    """Fourteenth session: names the read sets annotate and the extraction left uncovered across the corpus: سان
    جيرمان / سان جرمان (PSG), الجمهورية الإسلامية (Iran), الجمهورية العراقية, خلية الإجلاء والعمليات الإنسانية, وول ستريت
    (the place; وول ستريت جورنال stays the newspaper)."""
    m = extract_mentions(arts("فاز سان جرمان على ليون، ودعت الجمهورية الإسلامية إلى الحوار، ونائب رئيس الجمهورية العراقية "
                              "زار خلية الإجلاء والعمليات الإنسانية. وذكرت وول ستريت جورنال أن الأسهم في وول ستريت تراجعت."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("سان جرمان", "org:psg") in got and ("الجمهورية الإسلامية", "country:ir") in got
    assert ("الجمهورية العراقية", "country:iq") in got
    assert ("خلية الإجلاء والعمليات الإنسانية", "org:sa_evacuation_humanitarian_operations_cell") in got
    assert [a for s, a in got if "ستريت" in s] == ["media:wsj", "location:wall_street"], got
    m = extract_mentions(arts("أعلنت وحدات الحماية الكردية السيطرة على البلدة، وسيرت العربية للطيران رحلات إضافية، "
                              "وحضر ممثل الفيدرالية العالمية لأصدقاء الأمم المتحدة."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("وحدات الحماية الكردية", "group:ypg") in got and ("العربية للطيران", "org:air_arabia") in got, got
    assert ("الفيدرالية العالمية لأصدقاء الأمم المتحدة", "org:wfuna") in got and "org:un" not in m["actor_id"].tolist()
    m = extract_mentions(arts("قال مدرب الاتحاد الروماني لازلو بولوني إن الفريق جاهز، وأضاف بولوني أن الإعداد مستمر. "
                              "عاشت مملكتنا الحبيبة."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert [s for s, a in got if a == "person:laszlo_boloni"] == ["لازلو بولوني", "بولوني"], got
    assert ("مملكتنا", "country:sa") in got and "country:ro" not in m["actor_id"].tolist()  # (D5: the nisba before him)
    m = extract_mentions(arts("سجل سيرخيو راموس، وقالت أيباك إن الاتفاق سيئ، وأقيمت المباراة على ملعب لوفتس رود."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("سيرخيو راموس", "person:sergio_ramos") in got and ("أيباك", "org:aipac") in got, got
    assert any(a == "location:loftus_road" or "لوفتس" in a for s, a in got), got


# --- fifteenth session --------------------------------------------------------------------------------------------


def test_frequent_names_the_frequency_lists_blocked_are_codebook_names():
    """Fifteenth session: names so frequent in the corpus that the frequency list holds them (مورينيو، هزازي،
    مونتاري) were found only after a cue; as codebook names their bare forms carry one id everywhere. يونايتد alone is
    Manchester United, while the other clubs and companies in يونايتد keep their own names."""
    m = extract_mentions(arts("ورفض مورينيو الحديث عن الحكم، وتحرك يونايتد لضم اللاعب، وشارك هزازي في التدريبات، "
                              "وكشفت الصحف أن مونتاري انتهى عقده. ووصل لاعب نيوكاسل يونايتد إلى مدينة نيوكاسل على متن "
                              "طائرة يونايتد إيرلاينز."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("مورينيو", "person:jose_mourinho") in got and ("يونايتد", "org:man_united") in got, got
    assert ("هزازي", "person:nayef_hazazi") in got and ("مونتاري", "person:sulley_muntari") in got, got
    assert ("نيوكاسل يونايتد", "org:newcastle_united") in got and ("نيوكاسل", "location:newcastle") in got, got
    assert ("يونايتد إيرلاينز", "org:united_airlines") in got, got
    assert [a for s, a in got if "يونايتد" in s].count("org:man_united") == 1, got


def test_codebook_names_from_the_corpus_count_of_surnames_and_two_word_names():
    """Fifteenth session: لويس فان جال / فان غال، فينجر (not ف + ينغر)، كوينز بارك رينجرز (not كوينز alone)، أم كلثوم
    (not وأم read as the agency WAM)، ابن تيمية."""
    m = extract_mentions(arts("ألمح الهولندي لويس فان جال إلى الصفقة، وكشف اللاعب أن فان غال أبلغه، وقال فينجر إن "
                              "الفريق جاهز. ولعب نادي كوينز بارك رينجرز مباراة. وغنى أمامه كبار الفنانين وأم كلثوم، "
                              "وقرأ كتب ابن تيمية."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert [s for s, a in got if a == "person:louis_van_gaal"] == ["لويس فان جال", "فان غال"], got
    assert ("فينجر", "person:arsene_wenger") in got and ("كوينز بارك رينجرز", "org:qpr") in got, got
    assert ("وأم كلثوم", "person:umm_kulthum") in got and "media:wam" not in m["actor_id"].tolist(), got
    assert ("ابن تيمية", "person:ibn_taymiyyah") in got, got


def test_english_nisba_languages_and_a_club_of_england():
    """Fifteenth session: إنجليزي / الإنجليزية is a nisba (England, 1,595 uncovered occurrences in the corpus); a club of
    the UK keeps it inside its name (مانشستر يونايتد الإنجليزي, as برشلونة الإسباني). A feminine nisba with بال, or
    coordinated after a language word (باللغتين العربية والإنجليزية), is a language, not the country; بالسعودية and
    الجيوش العربية والإسرائيلية keep their countries."""
    m = extract_mentions(arts("وكانوا يمثلون عدة جنسيات فرنسية، إنجليزية، ألمانية. وانتقل اللاعب إلى مانشستر يونايتد "
                              "الإنجليزي. وصدر البيان باللغتين العربية والإنجليزية، وقالها بالإنجليزية ثم بالإسبانية. "
                              "وارتفعت أرباح البنوك بالسعودية، وتواجهت الجيوش العربية والإسرائيلية."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("إنجليزية", "location:england") in got and ("فرنسية", "country:fr") in got, got
    assert ("مانشستر يونايتد الإنجليزي", "org:man_united") in got, got
    assert [s for s, a in got if a == "location:england"] == ["إنجليزية"], got
    assert "country:es" not in m["actor_id"].tolist(), got
    assert ("بالسعودية", "country:sa") in got and ("والإسرائيلية", "country:il") in got, got


def test_the_prophet_before_the_blessing():
    """Fifteenth session: النبي / الرسول right before صلى الله عليه وسلم (a dash or bracket may part them) is the
    Prophet Muhammad, a title mention; النبي before another prophet's name (هيكل النبي سليمان عليه السلام) is not;
    nor (fifty-third session) رسوله "His Messenger" after سنة or الله, which the read blind sets leave out."""
    m = extract_mentions(arts("وعن النبي صلى الله عليه وسلم أنه قال، وكيف والرسول -صلى الله عليه وسلم- يقول، ومن سنة "
                              "رسوله (صلى الله عليه وسلم)، وما أوصى به للنبي ﷺ. وزعموا أنه هيكل النبي سليمان عليه السلام."))
    got = [(s, k) for s, a, k in zip(m["surface"], m["actor_id"], m["match_kind"]) if a == "person:prophet_muhammad"]
    assert got == [("النبي", "title"), ("والرسول", "title"), ("للنبي", "title")], got


# --- sixteenth session ---------------------------------------------------------------------------------------------


def test_a_person_after_an_organisation_name_is_not_part_of_it():
    """Sixteenth session: after a ل-genitive (للنفط، للمهرجان) an organisation's chain ends at a known first name: the
    person named next (its spokesman) is a person, not the organisation's last words."""
    m = extract_mentions(arts("وقال المتحدث باسم المؤسسة الليبية للنفط محمد الحراري إن الإنتاج تراجع. وأكد الحراري، أن "
                              "المؤسسة تعمل. وقال رئيس اللجنة الإعلامية للمهرجان محمد الطفيل إن الفعاليات تبدأ غدا."))
    got = list(zip(m["surface"], m["actor_type"]))
    assert ("المؤسسة الليبية للنفط", "organization") in got and ("محمد الحراري", "person") in got, got
    assert ("الحراري", "person") in got, got  # the short form links to the full name found whole
    assert ("اللجنة الإعلامية للمهرجان", "organization") in got and ("محمد الطفيل", "person") in got, got


def test_first_names_attested_with_bin_in_the_corpus_start_names():
    """Sixteenth session: first names the lists lacked, attested before or after بن in SaudiNewsNet (جاسر، عائض، سليم …),
    start a name after a title or alone as a clause's subject; those that are also words (هانئ "peaceful", مشاعل
    "torches") are no person alone, but are with a family name."""
    m = extract_mentions(arts("يقدمها الدكتور جاسر الحربش. وشارك المايسترو اللبناني سليم سحاب في الحفل. وأكدت مشاعل "
                              "الحسين أن الحجوزات ارتفعت.",
                              "والكل يربت على طفله كي ينعم بسبات هانئ. وأوقدت مشاعل الفرح ثلاثة أيام."))
    persons = set(zip(m["article_id"], m["surface"], m["actor_type"]))
    assert {("a0", "جاسر الحربش", "person"), ("a0", "سليم سحاب", "person"), ("a0", "مشاعل الحسين", "person")} <= persons, persons
    assert not [p for p in persons if p[0] == "a1" and p[2] == "person"], persons


def test_a_known_first_name_takes_a_codebook_surname_alias_into_its_name():
    """Sixteenth session: محمد المالكي is one discovered person (a known first name takes the codebook's one-word family
    alias in), so his surname alone later links to him and not to Nouri al-Maliki, whether the name follows a title, a
    reporting verb or stands alone; Nouri al-Maliki named in full keeps his surname."""
    m = extract_mentions(arts("وقال محمد المالكي إن العمل مستمر. وأضاف المالكي أن الطريق جاهز.",
                              "أكد مدير الطرق المهندس فهد المالكي أن العمل مستمر، وأضاف المالكي أن الطريق جاهز.",
                              "قال نوري المالكي إن العراق مستعد. وأضاف المالكي أن"))
    assert list(rows(m, article_id="a0")["actor_id"]) == ["discovered:محمد_المالكي"] * 2
    assert list(rows(m, article_id="a1")["actor_id"]) == ["discovered:فهد_المالكي"] * 2
    assert list(rows(m, article_id="a2")["actor_id"]).count("person:nouri_al_maliki") == 2


def test_ali_after_bin_a_verb_or_a_nisba_is_the_first_name():
    """Sixteenth session: علي after بن is the father's name Ali, never the preposition على (هادي بن علي اليامي was cut to
    هادي, so اليامي later was nobody); so is علي spelt with ي between two first names (مفرح علي أحمد عسيري); after a
    reporting verb or a nisba, as after a title, علي + a family name is a person even when the family name is also a
    word (الشهري "monthly"); the misspelt preposition stays one."""
    m = extract_mentions(arts("أبان ذلك الدكتور هادي بن علي اليامي رئيس اللجنة، وأضاف اليامي أن العمل مستمر.",
                              "وقال علي الشهري إن الفريق جاهز.",
                              "وأكد علي أهمية التعاون، وحرص علي الحضور مبكرا، وشدد علي المقاولين.",
                              "وأوضح الجندي مفرح علي أحمد عسيري أن المهمة انتهت، وحصل محمد علي جائزة."))
    a0 = rows(m, article_id="a0")
    assert list(zip(a0["surface"], a0["actor_id"])) == [("هادي بن علي اليامي", "discovered:هادي_بن_علي_اليامي"),
                                                        ("اليامي", "discovered:هادي_بن_علي_اليامي")], a0
    assert list(rows(m, article_id="a1")["surface"]) == ["علي الشهري"]
    assert rows(m, article_id="a2").empty
    # between two first names too (not مفرح + the codebook's أحمد عسيري); before a common word it is على
    assert list(rows(m, article_id="a3")["surface"]) == ["مفرح علي أحمد عسيري", "محمد"]


# --- seventeenth session -------------------------------------------------------------------------------------------


def test_club_nisbas_that_are_also_adjectives_need_a_club_head_noun():
    """Seventeenth session: الشبابية "youth", التعاوني "cooperative", الاتفاقية "the agreement" are the clubs al-Shabab,
    al-Taawoun and al-Ettifaq in sports news only right after a club head noun (الإدارة، الفريق، الجماهير، البيت …) or
    as a plural with the article (الاتفاقيين); after another noun (الفئات الشبابية), in a youth centre (النادي الشبابي)
    or outside sports news they stay adjectives."""
    m = extract_mentions(arts(
        "وقال مدرب الشباب إن اللاعب سجل هدفا في المباراة ضمن الدوري. وأرسلت الإدارة الشبابية مبلغ العقد، وطالبت "
        "الجماهير الشبابية بالتعاقد مع مهاجم. ويخوض الفريق الاتفاقي مباراة ودية، وانقسم الاتفاقيين حول المدرب، وأشاد "
        "اللاعب بالأجواء داخل البيت التعاوني، وتحدث عن الفئات الشبابية.",
        "وقدم النادي الشبابي التابع لمركز التنمية الأسرية عددا من الأنشطة للفئات الشبابية.",
        "وقعت الوزارة الاتفاقية مع الإدارة التعاونية للإسكان."))
    clubs = rows(m, article_id="a0")
    got = [(s, a) for s, a, k in zip(clubs["surface"], clubs["actor_id"], clubs["match_kind"]) if k == "nisba"]
    assert got == [("الشبابية", "org:al_shabab"), ("الشبابية", "org:al_shabab"), ("الاتفاقي", "org:al_ettifaq"),
                   ("الاتفاقيين", "org:al_ettifaq"), ("التعاوني", "org:al_taawoun")], got
    assert not (m["actor_id"].isin(["org:al_shabab", "org:al_ettifaq", "org:al_taawoun"])
                & m["article_id"].isin(["a1", "a2"])).any(), m


def test_first_names_seen_before_family_names_start_names():
    """Seventeenth session: first names the lists lacked, seen before family names in SaudiNewsNet (طاهر "pure", عابد
    "worshipper", مطر "rain", صقر "falcon", مهنا, سند "support"), start a name after a title or in a list of guests
    (not محمود الأشرفي, سليمان المسيب alone); a word-name before a common definite noun (طاهر القلب، مطر الصيف، غالي
    الثمن) is no person."""
    m = extract_mentions(arts("وقال رئيس المجلس الشيخ طاهر محمود الأشرفي إن العلماء يقفون مع المملكة.",
                              "صدر الأمر بترقية العميد عابد سليمان المسيب إلى رتبة لواء.",
                              "وحضر الحفل مطر الكواري وصقر الجروشي. سلم الجائزة مهنا التميمي، وسند الشريف",
                              "كان رجلا طاهر القلب، وهطل مطر الصيف. وهو غالي الثمن، وسند قوي"))
    persons = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert persons == [("a0", "طاهر محمود الأشرفي"), ("a1", "عابد سليمان المسيب"), ("a2", "مطر الكواري"),
                       ("a2", "وصقر الجروشي"), ("a2", "مهنا التميمي"), ("a2", "وسند الشريف")], persons


def test_tribes_after_their_head_word_are_groups():
    """Seventeenth session: a tribe named after قبيلة/قبائل/عشيرة is a group, the name alone (قبيلة يافع، شيخ شمل
    قبائل أكلب، قبيلة آل رميان، قبيلة بني عامر، قبائل حرب from tribes.txt); not a word of the lists, a word with a
    pronoun, a verb or the adjective after a plural head (قبيلة أخرى، قبائل الشمال، قبيلة بأكملها، قبائل يتوسطون،
    عشائر متنافسة), nor مركز عشيرة (a place)."""
    m = extract_mentions(arts("وكما حملت قبيلة «يافع» مسؤوليتها، قال شيخ شمل قبائل أكلب إن أبناء قبيلة آل رميان وقبيلة "
                              "بني عامر وقبائل حرب حضروا.",
                              "انضم إلى قبيلة أخرى من قبائل الشمال، ومحت الحمم قبيلة بأكملها، وقال إن زعماء قبائل "
                              "يتوسطون بين عشائر متنافسة قرب مركز عشيرة في الطائف."))
    groups = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "group"]
    assert groups == [("a0", "يافع"), ("a0", "أكلب"), ("a0", "آل رميان"), ("a0", "بني عامر"), ("a0", "حرب")], groups


def test_apple_bare_name_needs_the_hamza_it_is_written_with():
    """Seventeenth session: أبل/آبل alone is Apple where the text writes the hamza or madda (with و before it too);
    normalisation spells إبل "camels", وابل "a torrent", كابل (Kabul) and بابل (Babylon) with the same letters."""
    m = extract_mentions(arts("وأطلقت «أبل» ساعتها، وعند المقارنة مع آبل وأبل تبدو الفروق.",
                              "تعرض إلى وابل من الرصاص، وفي الحظيرة 1389 رأس إبل، وقتل عشرة جنود جنوب كابل وفي بابل."))
    assert list(rows(m, article_id="a0")["actor_id"]) == ["org:apple"] * 3
    assert "org:apple" not in set(rows(m, article_id="a1")["actor_id"])
    assert "location:kabul" in set(rows(m, article_id="a1")["actor_id"])


def test_club_nisbas_of_more_clubs():
    """Seventeenth session: the nisbas of al-Nahda, Hajer, al-Faisaly, al-Raed, al-Fayha and al-Orobah (النهضاوي،
    الهجراوي، الفيصلاوي، الرائدية، الفيحاوي، العروبي) are those clubs in sports news after a definite word."""
    m = extract_mentions(arts("سجل اللاعب هدفا في مرمى الفريق النهضاوي في المباراة ضمن الدوري، وأشاد مدير الفريق "
                              "الهجراوي بالمدرب، ويلعب الفريق الفيصلاوي اليوم، وشدد على أن الإدارة الرائدية تعاقدت، "
                              "وغادرت البعثة الفيحاوية، وطالبت الجماهير العروبية بالفوز."))
    got = [a for a, k in zip(m["actor_id"], m["match_kind"]) if k == "nisba"]
    assert got == ["org:al_nahda", "org:hajer", "org:al_faisaly", "org:al_raed", "org:al_fayha", "org:al_orobah"], got


def test_short_names_that_are_common_words_count_in_quotes():
    """Seventeenth session: «اليوم» (the newspaper), «تداول» (the Saudi exchange) and «مدن» count between quote marks
    only (unquoted they are "today", "trading", "cities"); «هدف» (the HRDF) only once the fund was named in full, since
    sports news quotes "a goal" too; «دنيا الرياضة» (Al Riyadh's sports section) and «الشياطين الحمر» (Manchester
    United) are codebook names."""
    m = extract_mentions(arts(
        "وقال مدير الإدارة لـ«اليوم» إن العمل يبدأ اليوم. وأعلنت الشركة على موقع «تداول» أن التداول ارتفع. وأبرم "
        "صندوق تنمية الموارد البشرية «هدف» اتفاقية مع «مدن» لتطوير المدن الصناعية.",
        "وعلمت مصادر \"دنيا الرياضة\" أن الفريق انتقل. سجل اللاعب «هدف» الفوز أمام «الشياطين الحمر»."))
    got = [(a, s, i) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"])]
    assert got == [("a0", "اليوم", "media:al_yaum"), ("a0", "تداول", "org:sa_tadawul"),
                   ("a0", "صندوق تنمية الموارد البشرية", "org:hrdf"), ("a0", "هدف", "org:hrdf"), ("a0", "مدن", "org:modon"),
                   ("a1", "دنيا الرياضة", "media:dunya_alriyada"), ("a1", "الشياطين الحمر", "org:man_united")], got


def test_womens_first_names_added_this_session():
    """Seventeenth session: راندا، أميرة، هبة، دلال start a name (أميرة "princess", هبة "gift" and دلال "pampering"
    are also words: alone before a common noun they are none)."""
    m = extract_mentions(arts("وتؤكد الأخصائية الاجتماعية أميرة الزهراني أهمية البرنامج، وشارك فيه هنادي الكندري "
                              "وأميرة النجدي. وقالت هبة زمزمي إن المشروع نجح.",
                              "قدمت الأميرة هبة المساء للأطفال."))
    persons = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert ("a0", "أميرة الزهراني") in persons and ("a0", "وأميرة النجدي") in persons and ("a0", "هبة زمزمي") in persons
    assert not [p for p in persons if p[0] == "a1"], persons


def test_two_ministries_named_by_one_dual():
    """Seventeenth session: وزارتي/وزارتا + two fields name two ministries, split as the annotators split them: the
    dual with the first field, and و + the second (the longest codebook field: والتربية والتعليم); nothing when a
    field is no ministry of the codebook."""
    m = extract_mentions(arts("شرعت وزارتا التعليم والصحة في تفعيل المذكرة، وحضر ممثلون من وزارتي الدفاع والداخلية، "
                              "بعد دمج وزارتي التعليم العالي والتربية والتعليم، وزار وزارتي الحب والسلام."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert got == [("وزارتا التعليم", "org:sa_ministry_of_education"), ("والصحة", "org:sa_ministry_of_health"),
                   ("وزارتي الدفاع", "org:sa_ministry_of_defense"), ("والداخلية", "org:sa_ministry_of_interior"),
                   ("وزارتي التعليم العالي", "org:sa_ministry_of_education"),
                   ("والتربية والتعليم", "org:sa_ministry_of_education")], got


def test_a_quoted_name_after_its_head_and_adjectives():
    """Seventeenth session: a quoted name is an organisation or outlet when its head (شركة، مجلة، دار، مطعم …) comes
    one or two definite words before it (شركة الأبحاث «البن كابيتال»، للمجلة الآثارية الشهيرة «سومر»); not when the head
    phrase is a name already (حزب العمال الكردستاني «المتطرف») or the quote is a word of the lists or has a digit."""
    m = extract_mentions(arts("وأشار التقرير الذي أصدرته شركة الأبحاث «البن كابيتال» إلى نمو السوق. وعمل سكرتيرا "
                              "للمجلة الآثارية الشهيرة «سومر»، وصدر كتابه عن دار «الوراق» بلندن.",
                              "وحذر من حزب العمال الكردستاني «المتطرف»، وافتتحت الشبكة الوطنية «القديم» قبل عام."))
    got = [(a, s, t) for a, s, t, k in zip(m["article_id"], m["surface"], m["actor_type"], m["match_kind"])
           if k == "discovered" and s != "شركة الأبحاث"]
    assert got == [("a0", "البن كابيتال", "organization"), ("a0", "سومر", "media"), ("a0", "الوراق", "organization")], got


def test_a_foreign_name_after_a_reporting_verb_before_its_apposition():
    """Seventeenth session: two words of no list right after a reporting verb are a person's name when a comma, a role
    noun or وهو/وهي follows them (وقالت وندي شيرمان، مساعدة …، وقال فاليري بيرال، وهو أستاذ …، وقال يانغ هاي المحلل
    …); not a common noun and its adjective (وقال مصدر مسؤول، وأضاف تقرير حديث)."""
    m = extract_mentions(arts("وقالت وندي شيرمان، مساعدة وزير الخارجية، إن المفاوضات انتهت. وقال فاليري بيرال، وهو أستاذ "
                              "بجامعة أكسفورد، إن الدراسة شملت النساء. وقال يانغ هاي المحلل في الشركة إن الطلب تراجع.",
                              "وقال مصدر مسؤول، إن العمل مستمر. وأضاف تقرير حديث، أن الأسعار ارتفعت."))
    persons = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert persons == [("a0", "وندي شيرمان"), ("a0", "فاليري بيرال"), ("a0", "يانغ هاي")], persons


def test_an_item_between_two_actors_of_a_comma_list_is_of_their_kind():
    """Seventeenth session: an item of one to three free words between two persons of a comma list is a person (a
    player, an actress the lists lack: رافينها، وصابرين), between two places a place (والحقو), with و as a
    proclitic; not a word of the lists nor a number."""
    m = extract_mentions(arts("وشارك أحمد عطيف، مشاري الثمالي، رافينها، سعيد الدوسري في التدريبات.",
                              "ويشارك في البطولة محمود حميدة، وسميحة أيوب، وصابرين، وكمال أبو ريه.",
                              "وحضر محمد الشهري، الجميع، سعيد الدوسري، 2015، فهد العتيبي.",
                              "وتشمل الجولة صبيا، وبيش، والحقو، وصامطة."))
    got = [(a, s, t) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"])]
    assert ("a0", "رافينها", "person") in got and ("a1", "وصابرين", "person") in got, got
    assert [s for a, s, t in got if a == "a2"] == ["محمد الشهري", "سعيد الدوسري", "فهد العتيبي"], got
    assert ("a3", "والحقو", "location") in got, got


def test_an_item_of_a_wa_list_between_two_persons_is_a_person():
    """Seventeenth session: in a و-list (no commas) an item between two persons, with و on it and on the person after
    it, is a person (مبارك المانع وأحمد العونان وميس كمر وفهد البناي); not a verb (فرويد وأدلر ويونغ وتأثر …) nor a
    role or an ل-genitive (الأمير مقرن بن عبد العزيز وليا للعهد والأمير محمد بن نايف)."""
    m = extract_mentions(arts("والمسلسل من بطولة مبارك المانع وأحمد العونان وميس كمر وفهد البناي وغيرهم.",
                              "وأعلن تعيين الأمير مقرن بن عبد العزيز وليا للعهد والأمير محمد بن نايف وليا لولي العهد."))
    got = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert ("a0", "وميس كمر") in got, got
    assert not any("للعهد" in s for a, s in got), got


# --- eighteenth session --------------------------------------------------------------------------------------------


def test_the_operators_of_an_sms_footer_are_the_codebook_companies():
    """Eighteenth session: the names in an SMS footer (88591 - Stc …; 88548 الاتصالات) are the codebook's operators."""
    m = extract_mentions(arts("تبدأ بالرمز (23) ثم مسافة ثم نص الرسالة إلى\n88591 - Stc\n635031 - Mobily\n737221 - Zain"))
    assert list(zip(m["surface"], m["actor_id"])) == [("Stc", "org:stc"), ("Mobily", "org:mobily"), ("Zain", "org:zain_ksa")]
    # okaz's and al-riyadh's footers name them in Arabic next to the short codes (الاتصالات and زين are also words: rule
    # market); a ministry before a number stays the ministry
    m = extract_mentions(arts("للتواصل أرسل sms إلى 88548 الاتصالات أو 636250 موبايلي أو 738303 زين تبدأ بالرمز 160.",
                              "وقالت وزارة الاتصالات 12345 ريال."))
    assert list(zip(m["article_id"], m["actor_id"])) == [("a0", "org:stc"), ("a0", "org:mobily"), ("a0", "org:zain_ksa"),
                                                          ("a1", "discovered:وزاره_الاتصالات")], m


def test_a_discovered_person_ends_before_wa_with_a_hamza():
    """Eighteenth session (N16): و + a word with a hamza or madda on its alef is the conjunction (no name starts so): two
    persons, not one (آينشتاين وأديسون، محسن الفضلي وأبو همام), and a name is not continued by a noun (سعود وأسكنه)."""
    m = extract_mentions(arts("مِن أمثَال: (آينشتاين وأديسون، والجاحظ).", "بعد مقتل محسن الفضلي وأبو همام في غارة.",
                              "رحم الله الفقيد سعود وأسكنه فسيح جناته."))
    got = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert ("a0", "آينشتاين") in got and ("a0", "وأديسون") in got, got
    assert ("a1", "محسن الفضلي") in got and ("a1", "وأبو همام") in got, got
    assert not any("وأسكنه" in s for a, s in got), got


def test_the_houthi_and_saleh_forces_are_two_actors():
    """Eighteenth session: ميليشيات الحوثي وصالح names the Houthis and Ali Abdullah Saleh (the annotated sets list both),
    not one alliance actor; so do الحوثيين وقوات صالح and ميليشيات الحوثي والمخلوع."""
    m = extract_mentions(arts("قصفت ميليشيات الحوثي وصالح الأحياء في عدن، وقاتل الحوثيين وقوات صالح في تعز، "
                              "ودحر ميليشيات الحوثي والمخلوع صالح."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("ميليشيات الحوثي", "group:houthis") in got and ("وصالح", "person:ali_abdullah_saleh") in got, got
    assert ("الحوثيين", "group:houthis") in got and ("صالح", "person:ali_abdullah_saleh") in got, got
    assert ("والمخلوع صالح", "person:ali_abdullah_saleh") in got, got


def test_a_club_after_nadi_may_be_named_by_a_word():
    """Eighteenth session (T1b): after نادي a definite word is a club even when it is also a word (نادي النور، نادي
    العيون، نادي الكوكب; نادي الجيل until the fiftieth session made Al-Jeel a codebook row), the name after it stays a
    person; not after the verb نادى, nor a descriptor (نادي العاصمة الإيطالية) or a title (نادي الأمير فيصل بن فهد is no
    club named الأمير)."""
    m = extract_mentions(arts("ظفرت إدارة نادي النور بخدمات الثلاثي، ووقعت إدارة نادي العيون مع لاعب.",
                              "وصل رئيس نادي الكوكب أحمد الغنيم إلى المعسكر.",
                              "بينما نادى البعض بسن قانون، وانضم إلى نادي العاصمة الإيطالية."))
    got = [(a, s, t) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"])]
    assert ("a0", "النور", "organization") in got and ("a0", "العيون", "organization") in got, got
    assert ("a1", "الكوكب", "organization") in got and ("a1", "أحمد الغنيم", "person") in got, got
    assert not [x for x in got if x[0] == "a2" and x[2] == "organization"], got


def test_an_institution_named_after_a_king_is_an_organisation_not_the_king():
    """Eighteenth session: head + title + name (+ adjectives, an ل-complement) is one organisation (مؤسسة الملك خالد
    الخيرية، مركز الأمير سلطان لعلوم وتقنية الفضاء، كلية الملك فهد الأمنية), not a mention of the king or prince; not
    مؤسسه "his founder" (ه, not ة) before a name."""
    m = extract_mentions(arts("ونظمت مؤسسة الملك خالد الخيرية حفلا في مركز الأمير سلطان لعلوم وتقنية الفضاء بالخبر.",
                              "وتخرج طلاب كلية الملك فهد الأمنية.",
                              "وكان رئيس الهلال آنذاك مؤسسه الشيخ عبدالرحمن بن سعيد."))
    got = [(a, s, t) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"])]
    assert ("a0", "مؤسسة الملك خالد الخيرية", "organization") in got, got
    assert ("a0", "مركز الأمير سلطان لعلوم وتقنية الفضاء", "organization") in got, got
    assert ("a1", "كلية الملك فهد الأمنية", "organization") in got, got
    assert not [x for x in got if x[0] in ("a0", "a1") and x[2] == "person"], got
    assert ("a2", "عبدالرحمن بن سعيد", "person") in got, got


def test_al_gharb_is_the_west_unless_the_direction():
    """Eighteenth session (rule not_direction): الغرب is the West (توترا مع الغرب، يشتبه الغرب، بين الشرق والغرب) but not
    the direction (باتجاه الغرب، إلى الغرب من بوسطن، من الشرق إلى الغرب، من الشرق للغرب)."""
    m = extract_mentions(arts("تشهد بلاده توترا مع الغرب، ويشتبه الغرب في برنامجها، والحوار بين الشرق والغرب.",
                              "ورحل باتجاه الغرب، وتقع على بعد 72 كيلومترا إلى الغرب من بوسطن، وتمتد من الشرق إلى "
                              "الغرب، وتعبر السفن من الشرق للغرب."))
    got = [(a, s) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"]) if i == "location:western_world"]
    assert got == [("a0", "الغرب"), ("a0", "الغرب"), ("a0", "والغرب")], got


def test_mamlouk_owned_is_no_person():
    """Eighteenth session: مملوك / المملوك "owned" (بنك مملوك للقطاع الخاص، المملوك للدولة) is no mention of Ali Mamlouk;
    after his full name or a title it is (the seed's مملوك)."""
    m = extract_mentions(arts("ثاني أكبر بنك مملوك للقطاع الخاص، وخصخصة مصرف ووري بنك المملوك للدولة.",
                              "والتقى اللواء علي المملوك بالرئيس. وقال مملوك إن الزيارة مهمة."))
    got = [(a, s) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"]) if i == "person:ali_mamlouk"]
    assert got == [("a1", "علي المملوك"), ("a1", "مملوك")], got


def test_umm_kunya_and_no_community_as_an_organisation():
    """Eighteenth session: أم + a discovered first name is the mother (أم محمد، ام خالد), not the son (N6 with أم); أهل
    السنة is a religious community, no organisation (CONVENTIONS), though ANERcorp tags it ORG once."""
    m = extract_mentions(arts("وذكرت المواطنة أم محمد أن البنك يلاحقها. وقالت ام خالد إن الحفل جميل.",
                              "وأصبح لها أتباع كأهل السنة والجماعة والشيعة."))
    got = [(a, s) for a, s in zip(m["article_id"], m["surface"])]
    assert ("a0", "أم محمد") in got and ("a0", "ام خالد") in got, got
    assert not [x for x in got if x[0] == "a1"], got


# --- nineteenth session -------------------------------------------------------------------------------------------


def test_a_club_in_a_field_about_sport_by_goals_and_camps():
    """Nineteenth session: شوط، مرمى، هاتريك and the suffixed مبارياته، معسكره، فريقه count as words of sport, so a
    match report that names them has a field about sport, where the bare club name is the club (club_context.txt)."""
    m = extract_mentions(arts("سبق - جدة: واصل فريق الأهلي نتائجه الكبيرة في مبارياته الودية التي يخوضها بمعسكره في "
                              "سويسرا."))
    assert ("الأهلي", "org:al_ahli_saudi") in list(zip(m["surface"], m["actor_id"]))


def test_nato_as_the_atlantic_alliance_with_the_article():
    """Nineteenth session: الحلف الأطلسي (and الحلف الأطلنطي) is NATO; the codebook had حلف الأطلسي only."""
    m = extract_mentions(arts("انسحاب قوات الحلف الأطلسي من أفغانستان، ومؤتمر للحلف الأطلنطي في إسطنبول."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"]) if i == "org:nato"]
    assert got == [("الحلف الأطلسي", "org:nato"), ("للحلف الأطلنطي", "org:nato")], got


def test_umm_and_a_first_name_that_is_also_a_word():
    """Nineteenth session (N6b with أم): أم + a first name is a person even when the name is also a word (أم ناصر، أم
    سعيد), and only the first name is taken (أم ناصر ذي الـ 60 خريفا); places named أم … are not (أم القرى، أم درمان)."""
    m = extract_mentions(arts("وذكرت أم ناصر ذي الـ 60 خريفاً أنهم كانوا يحتفظون بالتمور، وتدرس ابنتها في جامعة أم القرى."))
    got = list(zip(m["surface"], m["actor_type"]))
    assert ("أم ناصر", "person") in got, got
    assert not [s for s, t in got if t == "person" and "القرى" in s], got


def test_a_nisba_after_an_initiative_or_an_agreement_is_the_country():
    """Nineteenth session: المبادرة الإيرانية، اتفاق فرنسي - روسي name a party, not an event (the read sets annotate the
    nisba 7 times of 8), unlike الدوري القطري (an event name: nothing inside it)."""
    m = extract_mentions(arts("ورفضت المعارضة المبادرة الإيرانية المعدلة، ووقع اتفاق فرنسي - روسي، وفاز السد بلقب الدوري القطري."))
    got = [(s, i) for s, i, k in zip(m["surface"], m["actor_id"], m["match_kind"]) if k == "nisba"]
    assert got == [("الإيرانية", "country:ir"), ("فرنسي", "country:fr"), ("روسي", "country:ru")], got


def test_a_country_named_after_an_agreement_is_a_party():
    """Thirty-first session: اتفاق إيران النووي names a party, as اتفاق فرنسي does (the read sets annotate the country 3
    times of 4); a city after اتفاق (اتفاق الطائف) and a country after حرب (حرب لبنان) stay inside the event name."""
    m = extract_mentions(arts("أحال الرئيس اتفاق إيران النووي إلى المجلس، وذكّر باتفاق الطائف وبحرب لبنان."))
    got = list(zip(m["surface"], m["actor_id"]))
    assert got == [("إيران", "country:ir")], got


def test_foreign_first_names_the_lexicon_lacked():
    """Nineteenth session (foreign_given_names.txt, scripts/build_foreign_given.py): first names the lexicon's filters
    dropped — written with ال (اليزابيث), also written with the article elsewhere (دارين، تومي), or found before the
    lexicon's surnames in SaudiNewsNet (سلفادور) — now open a foreign name with a transliterated surname."""
    m = extract_mentions(arts("وقالت اليزابيث أوزبورن اليوم لشبكة محلية، ووجهت الاتهامات للشرطي دارين ويلسون، وسجل تومي "
                              "ماير الهدف، ورسمها سلفادور دالي."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["اليزابيث أوزبورن", "دارين ويلسون", "تومي ماير", "سلفادور دالي"], got


def test_al_ain_and_clubs_joined_by_or_in_a_field_about_sport():
    """Nineteenth session: Al Ain's bare name (العين, also "the eye" and the city) is the club under rule club (after a
    cue: مواجهة العين، حارس العين; or named earlier), and a club's bare name joined by أو to another club is one of a
    list of clubs (سواء مع الاتحاد أو النصر أو الأهلي أو الشباب), in a field about sport only."""
    m = extract_mentions(arts("يخوض الهلال مباراة أمام العين في دوري أبطال آسيا، وطرد حارس العين في الدقيقة 30 من الشوط الأول.",
                              "قال اللاعب: أتشرف باللعب سواء مع الاتحاد أو النصر أو الأهلي أو الشباب، والمدرب يعرف الدوري "
                              "والمباراة المقبلة.",
                              "رأيت بأم العين أن الاتحاد أو الشباب قادرون على البناء."))
    got = [(a, s, i) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"]) if i.startswith("org:")]
    assert ("a0", "العين", "org:al_ain_fc") in got and len([x for x in got if x[2] == "org:al_ain_fc"]) == 2, got
    assert [x[2] for x in got if x[0] == "a1"] == ["org:al_ittihad", "org:al_nassr", "org:al_ahli_saudi", "org:al_shabab"], got
    assert not [x for x in got if x[0] == "a2"], got


def test_the_last_items_of_a_list_of_places_are_places():
    """Nineteenth session (_trailing_places): the و-items that end a list of places, up to the punctuation that closes
    it, are places (… وطبرجل والناصفة والعيساوية وصوير وزلوم؛); not a word of the lists (والحديثة "the modern") by
    that rule, not a pronoun (وغيرهما), and not when the run does not end the clause (الرياض وجدة ويستمر). Forty-fourth
    session (``persons.list_gaps``): between two places of the list, a word of the lists is a place too (الحديثة, the
    town of al-Jawf, between العيساوية and صوير)."""
    m = extract_mentions(arts("وشملت الحملة القريات ودومة الجندل وطبرجل والناصفة والعيساوية والحديثة وصوير وزلوم؛ مفيدا أن",
                              "كالكويت وإيران وغيرهما. وزار الرياض وجدة ويستمر في جولته.",
                              "وشملت الحملة القريات والحديثة؛ مفيدا أن"))
    got = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "location"]
    assert [s for a, s in got if a == "a0"][3:] == ["والناصفة", "والعيساوية", "والحديثة", "وصوير", "وزلوم"], got
    assert [s for a, s in got if a == "a2"] == ["القريات"], got
    assert [s for a, s in got if a == "a1"] == ["الرياض", "وجدة"], got
    m = extract_mentions(arts("وشملت الأمطار أحياء الخالدية والنميص والمنسك، والبديع."))
    assert [s for s, t in zip(m["surface"], m["actor_type"]) if t == "location"] == ["الخالدية", "والنميص", "والمنسك",
                                                                                     "والبديع"]


def test_the_envoy_title_and_the_kings_deputy_after_an_honorific():
    """Nineteenth session: المبعوث الدولي / الأممي / الخاص with no name after it is the envoy the field names (title;
    not when a name follows, nor in a field that names no envoy); نائبه after the king with سمو between (… آل سعود،
    ولسمو نائبه) is the crown prince of the date, as نائبه right after him already was."""
    m = extract_mentions(arts("قدم المبعوث الدولي إلى سوريا ستيفان دي ميستورا تقريره، وكنا قد وافقنا على ورقة المبعوث الدولي.",
                              "وقال المبعوث الأممي إن المفاوضات صعبة.",
                              "نهنئ خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود، ولسمو نائبه، ولسمو ولي ولي العهد.",
                              published="2015-07-20"))
    got = [(a, s, i, k) for a, s, i, k in zip(m["article_id"], m["surface"], m["actor_id"], m["match_kind"]) if k == "title"]
    assert ("a0", "المبعوث الدولي", "person:staffan_de_mistura", "title") in got, got
    assert len([x for x in got if x[0] == "a0"]) == 1 and not [x for x in got if x[0] == "a1"], got
    assert ("a2", "نائبه", "person:mohammed_bin_nayef", "title") in got, got


def test_fields_after_a_ministry_are_ministries():
    """Nineteenth session (_ministry_lists): وزارة الدفاع والعدل والداخلية and وزارات الداخلية والشؤون الاجتماعية name
    one ministry per field, as the annotators list them, when وزارة + the field is a codebook form; not وزارات المالية
    والبنوك المركزية (no list of fields) nor a foreign ministry (وزارة التجارة والصناعة والطاقة الكورية)."""
    m = extract_mentions(arts("وهي وزارة الدفاع والعدل والداخلية. وشاركت وزارات الداخلية والشؤون الاجتماعية والصحة.",
                              "وحققت وزارات المالية والبنوك المركزية نجاحا. وذكر بيان لوزارة التجارة والصناعة والطاقة الكورية."))
    got = [(a, s, i) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"]) if i.startswith("org:")]
    assert [s for a, s, i in got if a == "a0"] == ["وزارة الدفاع", "والعدل", "والداخلية", "وزارات الداخلية",
                                                   "والشؤون الاجتماعية", "والصحة"], got
    assert "والطاقة" not in [s for a, s, i in got if a == "a1"] and "وزارات المالية" not in [s for a, s, i in got], got


def test_a_lone_tatweel_is_a_dash_between_names():
    """Nineteenth session: a tatweel standing between spaces is a dash (حسين شيعان ـ خالد الغامدي ـ …): normalisation
    deleted it, so the names of a lineup ran into one; and an item of a list between two persons parted by dashes is a
    person too (_items_between_items: زكريا سامي – نبيل بهوي – مصطفى بصاص)."""
    m = extract_mentions(arts("بتشكيلة مكونة من (حسين شيعان ـ خالد الغامدي ـ احمد عكاش) وانتهى الشوط.",
                              "وشارك في اللقاء: زكريا سامي – نبيل بهوي – مصطفى بصاص – عمر السومة."))
    got = [(a, s) for a, s, t in zip(m["article_id"], m["surface"], m["actor_type"]) if t == "person"]
    assert [s for a, s in got if a == "a0"] == ["حسين شيعان", "خالد الغامدي", "احمد عكاش"], got
    assert "نبيل بهوي" in [s for a, s in got if a == "a1"], got


def test_a_short_name_in_quotes_after_a_long_name_and_a_word_in_brackets():
    """Nineteenth session (_bracketed_short_names): a long name (three words or more) followed by one quoted word
    names it («سمة», "يويفا"), and a frequent word in brackets after a long name does too ((هدف)); a frequent word's
    repetitions count only quoted or bracketed (not سمة "a feature"), and a quoted verb is no name
    (منظمة التجارة العالمية "ستستفيد")."""
    m = extract_mentions(arts('وأوضح تقرير الشركة السعودية للمعلومات الائتمانية "سمة" أن "سمة" واصلت عملها.',
                              "بالتسجيل لدى صندوق تنمية الموارد البشرية (هدف) خلال 3 شهور، وتحقق هدف البرنامج، وأعلن (هدف).",
                              'وقال إن كل أعضاء منظمة التجارة العالمية "ستستفيد" من الاتفاق.'))
    got = [(a, s) for a, s in zip(m["article_id"], m["surface"])]
    assert [s for a, s in got if a == "a0"].count("سمة") == 2, got
    assert [s for a, s in got if a == "a1"].count("هدف") == 2 and ("a2", "ستستفيد") not in got, got


def test_a_speaker_before_other_forms_of_speech_and_a_rare_family_name():
    """Nineteenth session: a one-word speaker after a reporting verb is a person when the speech follows as إلى أن،
    بأن or في تصريحات/بيان (وأشار العوبثاني إلى أن، وقال عموري في تصريحات), and a family name with the article whose
    stem is no word counts like a nisba-shaped one (وأفاد الحوشان أن); the speaker named in full earlier keeps its id."""
    m = extract_mentions(arts("وأشار العوبثاني إلى أن جهاز الشرطة جاهز. وقال عموري في تصريحات لروتانا إنه سعيد.",
                              "وقال فيتالي موتكو إن الملاعب جاهزة. وقال موتكو في مقابلة إن القرعة ناجحة."))
    got = [(a, s, i) for a, s, i, t in zip(m["article_id"], m["surface"], m["actor_id"], m["actor_type"]) if t == "person"]
    assert [s for a, s, i in got if a == "a0"] == ["العوبثاني", "عموري"], got
    assert len({i for a, s, i in got if a == "a1"}) == 1 and len([x for x in got if x[0] == "a1"]) == 2, got


# --- twentieth session --------------------------------------------------------------------------------------------


def test_a_discovered_persons_full_name_repeats_before_and_after_it():
    """Twentieth session (_repeat_person_names): a discovered person's full name is the same person wherever else the
    field writes it, before the mention that found it too (ودخل المباراة … وربيع سفياني … وتمكن المهاجم ربيع سفياني), and
    a one-word discovered name that no list knows repeats too (والاوروغوياني فابيان … أضاف فابيان); a word of the shape
    of a verb does not (يلاحظ)."""
    m = extract_mentions(arts("ودخل المباراة بعبدالعزيز الجبرين وربيع سفياني والاوروغوياني فابيان. وتمكن المهاجم ربيع سفياني "
                              "من التسجيل، ثم أضاف فابيان الهدف الثاني من ركلة جزاء."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"]) if "سفياني" in i or "فابيان" in i]
    assert got == [("وربيع سفياني", "discovered:ربيع_سفياني"), ("فابيان", "discovered:فابيان"),
                   ("ربيع سفياني", "discovered:ربيع_سفياني"), ("فابيان", "discovered:فابيان")], got


def test_verb_shaped_words_are_no_repeated_names():
    """Twentieth session: the one-word repeat leaves out words of the shape of a verb or of a suffixed noun."""
    from analysis.actors.head_nouns import _verb_shaped

    assert [w for w in ["يلاحظ", "تتكون", "حددته", "اخلوا", "لاسطبلات", "فابيان", "تشونغ", "توشيبا", "راسموسين"]
            if _verb_shaped(w)] == ["يلاحظ", "تتكون", "حددته", "اخلوا", "لاسطبلات"]


def test_a_list_of_one_word_places_joined_by_and_is_one_place_each():
    """Twentieth session (_items_between_items): between two places of a و-list, several one-word items each with و are
    one place each (والعيص وخيبير والعشاش والعلا والحناكية), not one place of three words."""
    m = extract_mentions(arts("وتشمل المشاريع ينبع والعيص وخيبير والعشاش والعلا والحناكية."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "location"]
    assert got == ["ينبع", "والعيص", "وخيبير", "والعشاش", "والعلا", "والحناكية"], got


def test_a_club_after_team_or_club_without_the_article():
    """Twentieth session (club_context.txt): فريق and نادي, with a proclitic but without the article, are cue words of
    rule club (فريق الشباب، لفريق الرائد، مدافع فريق هجر), in a field about sport; with the article they are anaphors
    (في النادي الاتفاق مع …: "the agreement")."""
    m = extract_mentions(arts("يختتم فريق الشباب لكرة القدم معسكره الإعدادي، وانتقل اللاعب لفريق الرائد بعد المباراة الودية.",
                              "وأنهت إدارة النادي الاتفاق مع المدرب قبل المباراة والمعسكر ومع اللاعب."))
    got = [(a, s, i) for a, s, i in zip(m["article_id"], m["surface"], m["actor_id"]) if i.startswith("org:")]
    assert got == [("a0", "الشباب", "org:al_shabab"), ("a0", "الرائد", "org:al_raed")], got


def test_a_nisba_shaped_family_name_without_the_article_after_a_first_name():
    """Twentieth session (nisba_surnames_saudinewsnet.txt, scripts/build_nisba_surnames.py): a family name of the shape
    of a nisba without ال that the corpus mostly writes after first names (عسيري، حكمي) ends a first name's name, although
    it is a frequent word or also written with the article; an adjective (نجم إقليمي) is not one, and a verb joined by و
    after a person is no second person (ويصفه بالفاشل)."""
    m = extract_mentions(arts("وحضر محمد عسيري الحفل، وزار يحيى حكمي المدرسة، والمالكي يهاجم حسن عسيري ويصفه بالفاشل، "
                              "وتحولت تركيا إلى نجم إقليمي."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["محمد عسيري", "يحيى حكمي", "حسن عسيري"], got


def test_the_nisba_surnames_list_holds_family_names_not_adjectives():
    from analysis.actors.rules import load_rules

    names = load_rules().nisba_surnames
    assert {"عسيري", "حكمي", "شراحيلي", "هوساوي"} <= names
    assert not names & {"اقليمي", "رياضي", "شعبي", "منسوبي", "ثاني", "سعودي"}


def test_a_road_or_mosque_named_after_a_person_with_son_of():
    """Twentieth session: a "whole" place head + a first name + بن + a name is one place (طريق عثمان بن عفان، مسجد عمرو
    بن العاص), not the head and a first name, then a person (عفان)."""
    m = extract_mentions(arts("وتنفيذ جسر تقاطع طريق عثمان بن عفان مع وادي قناة، وصلى الإمام في مسجد عمرو بن العاص."))
    got = [(s, t) for s, t in zip(m["surface"], m["actor_type"])]
    assert ("طريق عثمان بن عفان", "location") in got and ("مسجد عمرو بن العاص", "location") in got, got
    assert not [s for s, t in got if t == "person"], got


def test_star_of_a_team_is_no_first_name():
    """Twentieth session: نجم before فريق/نادي is "the star of", not the first name Najm (أكد نجم فريق العين …)."""
    m = extract_mentions(arts("أكد نجم فريق العين والمنتخب الإماراتي عمر عبد الرحمن رغبته في اللعب في الدوري مع المدرب."))
    assert [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"] == ["عمر عبد الرحمن"]


# --- twenty-first session -----------------------------------------------------------------------------------------


def test_ali_spelt_with_ya_is_the_first_name_where_the_text_writes_ala_with_alef_maksura():
    """Twenty-first session: in a field that writes the preposition على with ى, علي spelt with ي before a family name
    is the first name wherever it stands (بحضور علي الشايعي، ورئيس البلدية علي زارع الرفاعي); not عليّ "on me" with a
    shadda, not علي before a common noun (the seed's misspelt «علي الناحية»), and inside a name begun before it the
    name is read whole (ويحيى علي الفيفي)."""
    m = extract_mentions(arts("وعاد علي الزبيدي إلى التدريبات على أن يشارك، بحضور علي الشايعي أمين عام النادي، ورئيس بلدية "
                              "المحافظة علي زارع الرفاعي، ويحيى علي الفيفي مدير المكتب. وأطلقوا عليّ حينذاك اللقب، "
                              "وكذلك علي الناحية الأخرى."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["علي الزبيدي", "علي الشايعي", "علي زارع الرفاعي", "ويحيى علي الفيفي"], got


def test_ali_with_ya_is_left_alone_where_the_text_never_writes_ala():
    """Twenty-first session: where a text writes no على with ى, its علي may be the misspelt preposition: the new rule
    does not read it (the rules after a title or a reporting verb still do)."""
    m = extract_mentions(arts("وعاد علي الزبيدي إلى التدريبات."))
    assert not [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"], list(m["surface"])


def test_a_months_name_before_a_family_name_is_a_first_name():
    """Twenty-first session: ربيع، رمضان … before a word shaped like a family name are first names (ربيع العوبثاني);
    before a month qualifier (رمضان المبارك، ربيع الأول) they are the month."""
    m = extract_mentions(arts("وقال المتحدث باسم المجلس، ربيع العوبثاني، إن الاتفاق وقع في رمضان المبارك وليس في ربيع الأول."))
    assert [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"] == ["ربيع العوبثاني"]


def test_malis_nisba_only_in_a_field_about_mali():
    """Twenty-first session: the nisba of Mali is also "financial": المالية، ماليان، ماليين are Mali near Mali or Bamako
    or once it was named (rule country of ambiguous_forms.tsv), never in a field about finance; and the codebook has no
    institution rows built from it (الشرطة المالية is the financial police)."""
    m = extract_mentions(arts("قتل جنديان ماليان في كمين شمال مالي، وقالت السلطات في باماكو إن القوات المالية طوقت الفندق.",
                              "ارتفع القطاع المالي وقال المستشار المالي إن الأوراق المالية تراجعت ماليا."))
    got = [(a, s, k) for a, s, i, k in zip(m["article_id"], m["surface"], m["actor_id"], m["match_kind"]) if i == "country:ml"]
    assert got == [("a0", "ماليان", "nisba"), ("a0", "مالي", "name"), ("a0", "المالية", "nisba")], got
    cb = load_codebook()
    assert not [a for a in cb.actors["actor_id"] if a in {
        "org:police_ml", "org:football_association_ml", "org:embassy_ml", "org:mofa_ml", "org:moi_ml", "org:national_football_team_ml"}]


def test_bare_haram_is_the_great_mosque_but_not_the_campus_nor_the_sacred_months():
    """Twenty-first session: bare الحرم (ويبقون بالحرم، الوصول للحرم) is the Great Mosque of Mecca; الحرم الجامعي is a
    campus and الأشهر الحرم the sacred months (rule not_before, which also reads the word before)."""
    m = extract_mentions(arts("ويبقون بالحرم وساحاته فيضيق الحرم وما حوله، وقتل في الحرم الجامعي في الأشهر الحرم."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert got == [("بالحرم", "location:great_mosque_of_mecca"), ("الحرم", "location:great_mosque_of_mecca")], got


# --- twenty-second session ----------------------------------------------------------------------------------------


def test_a_transliterated_name_after_a_role_phrase_with_general():
    """Twenty-second session: عام and the role words (نائب، مدير، رئيس) are stopwords, which ended the role phrase of
    N9 before the name (نائب مدير عام الصندوق ميتسوهيرو فوروساوا); a verb after the role still ends it."""
    m = extract_mentions(arts("ونقل البيان عن نائب مدير عام الصندوق ميتسوهيرو فوروساوا، قوله إن البرنامج ناجح. "
                              "وقال مدير عام الشركة إن فوروساوا أكد ذلك."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["ميتسوهيرو فوروساوا", "فوروساوا"], got


def test_a_name_word_after_a_role_takes_a_family_name_no_list_knows():
    """Twenty-second session: after a role, one name word and a family name with the article that no word list
    knows (الصندل، العليان) are one person; a noun or a verb before such a word is not (زكاة الفطر، يكسب الرهان)."""
    m = extract_mentions(arts("وضم الفريق المدافع حسن الصندل قادما من الاتفاق، وجدد عقد لاعب الفريق الأول مدالله العليان "
                              "لموسمين. وقال المفتي إن زكاة الفطر واجبة، والبريد يكسب الرهان."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["حسن الصندل", "مدالله العليان"], got


def test_a_noun_with_a_possessive_is_no_name_word():
    """Twenty-second session: a frequent noun with the possessive ه (written ه, not ة) is no word of a name after a
    role or a nisba (فوزه الثاني، لاعب وسطه + the name)."""
    m = extract_mentions(arts("حقق مانشستر يونايتد الإنكليزي فوزه الثاني في هذه البطولة، وخسر خدمات لاعب وسطه "
                              "باستيان شفاينشتايغر لمصلحة مانشستر يونايتد."))
    got = [s for s, t in zip(m["surface"], m["actor_type"]) if t == "person"]
    assert got == ["باستيان شفاينشتايغر"], got


# --- twenty-third session -----------------------------------------------------------------------------------------


def test_the_government_of_the_custodian_is_the_saudi_government_and_his_programmes_are_no_mention_of_him():
    """Twenty-third session: حكومة خادم الحرمين الشريفين is the Saudi government (an alias of org:government_sa; the
    title alone stood for the king), also when the king's name follows; a programme named after the office
    (برنامج خادم الحرمين الشريفين للابتعاث) does not mention the king; his own initiatives still do."""
    m = extract_mentions(arts("الجهود التي تبذلها حكومة خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز لخدمة الحجاج، "
                              "واستفاد الطلاب من برنامج خادم الحرمين الشريفين للابتعاث الخارجي. وأصدر خادم الحرمين "
                              "الشريفين أمرا.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert got == [("حكومة خادم الحرمين الشريفين", "org:government_sa"),
                   ("سلمان بن عبدالعزيز", "person:salman_of_saudi_arabia"),
                   ("خادم الحرمين الشريفين", "person:salman_of_saudi_arabia")], got


def test_hamas_needs_its_context_and_enthusiasm_is_no_movement():
    """Twenty-third session: حماس is also "enthusiasm" (بحماس شديد، حماس الجماهير: a sixth of its bare mentions in
    SaudiNewsNet); rule movement: in quotes, after a movement word, or near Palestine, Israel or another group."""
    fan = extract_mentions(arts("وتغنى الجمهور بالصالة الخضراء بحماس شديد، وألهب الهدف حماس الجماهير."))
    assert fan.empty, fan[["surface", "actor_id"]].values.tolist()
    for text in ("وقال الجبير إن وفد حماس أدى العمرة فقط.", "إنهم يدعمون حماس وحزب الله.",
                 "وقصفت إسرائيل مواقع قالت إن حماس تستخدمها.", "دعا موسى أبو مرزوق نائب رئيس المكتب السياسي لحماس إلى الحوار."):
        m = extract_mentions(arts(text))
        assert "group:hamas" in set(m["actor_id"]), (text, m[["surface", "actor_id"]].values.tolist())


def test_an_office_phrase_keeps_the_ambiguous_body_named_inside_it():
    """Twenty-third session: an office phrase dropped before its holder's name keeps the organisation or country
    named inside it also when that name is ambiguous (سلطان عمان، زعيم القاعدة); until now only unambiguous ones."""
    m = extract_mentions(arts("وبعث الملك برقية تهنئة للسلطان قابوس بن سعيد سلطان عمان بمناسبة يوم النهضة.",
                              published=["2015-07-23"]))  # (dated: the office phrase resolves to its holder)
    assert "country:om" in set(m["actor_id"]), m[["surface", "actor_id"]].values.tolist()


def test_a_short_name_with_its_full_name_in_apposition():
    """Twenty-third session: an ambiguous short name counts when the body's own name follows it in brackets or quotes
    (الاتحاد الدولي (الفيفا)، الاتحاد الدولي للعبة «فيفا»), not only once it was named before."""
    m = extract_mentions(arts("وتراجع المنتخب في تصنيف الاتحاد الدولي (الفيفا) هذا الشهر، بعد عقوبات فرضها الاتحاد الدولي "
                              "للعبة «فيفا» على النادي."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"]) if i == "org:fifa"]
    assert [s for s, _ in got] == ["الاتحاد الدولي", "الفيفا", "الاتحاد الدولي", "فيفا"], got


def test_a_leaders_one_word_name_that_is_a_common_first_name_needs_his_context():
    """Twenty-third session: صالح (Ali Abdullah Saleh), هادي, مشعل and بشير are common first names; bare, they stand for
    the leader only near his country, after a title or person-context word, or after his full name in the field.
    Otherwise the name is someone else's (صالح زمانان: freed for discovery) or the word (صالح الأعمال "good deeds")."""
    other = extract_mentions(arts("وكتب المسرحية المؤلف صالح زمانان. وأن يتقبل الله من الجميع صالح أعمالهم."))
    assert "person:ali_abdullah_saleh" not in set(other["actor_id"]), other[["surface", "actor_id"]].values.tolist()
    assert "صالح زمانان" in set(other["surface"]), other[["surface", "actor_id"]].values.tolist()
    yemen = extract_mentions(arts("وقصفت ميليشيات الحوثي وصالح أحياء عدن. وقال صالح إن الحرب مستمرة."))
    assert list(yemen["actor_id"]).count("person:ali_abdullah_saleh") == 2, yemen[["surface", "actor_id"]].values.tolist()


def test_bosra_is_written_like_the_word_for_sight():
    """Twenty-third session: بصرى (Bosra) normalises to بصري "optical, my sight" (مثبت بصري للصورة، أغض بصري): rule place."""
    m = extract_mentions(arts("وتأتي الكاميرا بمثبت بصري للصورة، وأمرني أن أغض بصري. وسيطرت الفصائل على مدينة بصرى الشام."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert got == [("بصرى الشام", "location:bosra")], got


def test_words_that_a_leaders_name_shares_need_his_context():
    """Twenty-third session: العثماني (Saadeddine Othmani) is mostly "Ottoman", مرسى "marina" normalises to Morsi's
    مرسي and القربى "kinship" is Abu Bakr al-Qirbi's name: rule country (near their country or once named)."""
    m = extract_mentions(arts("وتعود البرك إلى العصرين المملوكي والعثماني، وبيعت فيلا في مرسى دبي، وأوصى بإيتاء ذي القربى."))
    assert list(m["actor_id"]) == ["location:dubai"], m[["surface", "actor_id"]].values.tolist()


def test_a_nisba_shaped_surname_after_a_definite_noun_is_the_adjective():
    """Twenty-third session: after نبيل العربي, العربي in العمل العربي المشترك or الأمن القومي العربي qualifies the noun
    before it and is not his short name; after a verb it is (وطالب العربي)."""
    m = extract_mentions(arts("وقال الأمين العام للجامعة العربية نبيل العربي إن العمل العربي المشترك ضروري لحماية الأمن "
                              "القومي العربي. وطالب العربي تركيا باحترام سيادة العراق."))
    got = [s for s, i in zip(m["surface"], m["actor_id"]) if i == "person:nabil_elaraby"]
    assert got == ["نبيل العربي", "العربي"], got


def test_wam_is_not_and_a_mother_and_places_named_after_a_king_are_no_king():
    """Twenty-third session: وام (WAM) counts only where the text writes no hamza (وأم "and a mother" normalises the
    same: 57 of its 84 bare mentions in SaudiNewsNet); a city, base, gate or hall named after a king with his title
    (مدينة الملك خالد العسكرية، قاعدة الملك فهد الجوية، باب الملك عبدالعزيز) is one place, not the king."""
    m = extract_mentions(arts("وأول رئيس أسود هو ابن لأب من كينيا وأم من كانساس. ووفقا لوكالة الأنباء الإماراتية (وام) "
                              "جاءت الأرقام. وتوفر وظائف بمدينة الملك خالد العسكرية بحفر الباطن، وتماثل رقيب بقاعدة "
                              "الملك فهد الجوية بالطائف، وأغلق باب الملك عبدالعزيز."))
    got = [(s, t) for s, t in zip(m["surface"], m["actor_type"])]
    assert ("وام", "media") in got and not any(s == "وأم" for s, _ in got), got
    assert not any(t == "person" for _, t in got), got
    assert {("بمدينة الملك خالد العسكرية", "location"), ("بقاعدة الملك فهد الجوية", "location"),
            ("باب الملك عبدالعزيز", "location")} <= set(got), got


def test_jeddah_needs_its_ta_marbuta_and_sabq_is_also_a_verb():
    """Twenty-third session: جدة counts where the text writes its ة (or in a dateline): جده "his grandfather" and وجده
    "he found it" normalise the same; سبق before أن/له or after مما/كما is the verb "preceded", not the outlet."""
    m = extract_mentions(arts("وصل الوفد إلى جدة أمس. وتدهورت حالة جده الصحية، وقال إن ما وجده يدعو للفخر. وقد سبق أن "
                              "كتبت عن ذلك كما سبق. فهد كاملي- سبق- جازان: اتهم المواطنون البلدية."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert got == [("جدة", "location:jeddah"), ("فهد كاملي", "discovered:فهد_كاملي"), ("سبق", "media:sabq"),
                   ("جازان", "location:jizan")], got


def test_a_royal_name_form_followed_by_a_family_name_is_someone_else():
    """Twenty-third session: a codebook form "X بن Y" (عبدالله بن عبدالعزيز، أحمد بن عبدالعزيز) followed by a family name
    (الجربوع، الفارس) is another man's full name, found by discovery; the king's own آل سعود and a ruler's own family
    (حمد بن عيسى الخليفة for آل خليفة) keep the codebook person."""
    m = extract_mentions(arts("وعين المهندس عبدالله بن عبدالعزيز الجربوع مديرا، وحضر م. أحمد بن عبدالعزيز الفارس الحفل. "
                              "وأمر الملك عبدالله بن عبدالعزيز آل سعود بذلك."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert ("عبدالله بن عبدالعزيز الجربوع", "discovered:عبدالله_بن_عبدالعزيز_الجربوع") in got, got
    assert ("أحمد بن عبدالعزيز الفارس", "discovered:احمد_بن_عبدالعزيز_الفارس") in got, got
    assert ("عبدالله بن عبدالعزيز آل سعود", "person:abdullah_of_saudi_arabia") in got, got


def test_foreign_politicians_surnames_that_are_words_need_their_country():
    """Twenty-third session: الملقى "thrown" (Hani Mulki), هانت "became easy" or Ethan Hunt (Jeremy Hunt), Dakota
    Johnson (Boris Johnson), لأمي "to my mother" (David Lammy): rule country, and no_hamza for لامي."""
    m = extract_mentions(arts("وهو ما يضاعف العبء الملقى على كاهل الناشر، وقلت لأمي إنني ذاهب. ويؤدي إيثان هانت دور "
                              "العميل، بطولة تيلدا سوينتون وداكوتا جونسون."))
    assert not {"person:hani_mulki", "person:david_lammy", "person:jeremy_hunt", "person:boris_johnson"} & set(m["actor_id"]), \
        m[["surface", "actor_id"]].values.tolist()
    uk = extract_mentions(arts("وقال رئيس الوزراء البريطاني بوريس جونسون في لندن إن بريطانيا ستغادر. وأضاف جونسون أن الأمر محسوم."))
    assert list(uk["actor_id"]).count("person:boris_johnson") == 2, uk[["surface", "actor_id"]].values.tolist()


def test_the_identity_audit_counts_one_word_mentions_without_their_country():
    """scripts/audit_actor_mentions.py (the twenty-third session's audit): a one-word mention of a foreign actor in an
    article that names nothing else of its country and not the actor in full is "alone"; one near its country or
    after its full name is not; Saudi actors, discovered names and other actor types are left out."""
    from repo_scripts import load_script

    audit = load_script("audit_actor_mentions").audit
    texts = ["وقال كيري إن الخطة جاهزة.", "وقال كيري في واشنطن إن الخطة جاهزة.", "وقال جون كيري إن كيري باق."]
    articles = arts(*texts, published=["2015-08-01"] * 3)
    m = extract_mentions(articles)
    got = audit(m, articles, {"person:john_kerry": "country:us", "location:washington": "country:us"}, examples=3)
    row = got.set_index("actor_id").loc["person:john_kerry"]
    assert (row["one_word"], row["alone"]) == (3, 1), got  # a0 alone; a1 near واشنطن; a2 after the full name
    assert row["examples"] == ["وقال [[كيري]] إن الخطة جاهزة."], row["examples"]
    assert set(got["actor_id"]) == {"person:john_kerry"}, got


def test_turki_before_a_family_name_is_a_man_not_turkish():
    """Twenty-third session (found by the audit script): تركي before a family name the lists know as frequent
    (اليوسف) or one without the article (رضيمان) is a man's first name, not the nisba "Turkish"; a Turkish soldier stays."""
    m = extract_mentions(arts("من بطولة منذر رياحنة، تركي اليوسف، ونايف خلف. وأوضح مدير الفرع تركي رضيمان أن المعرض ناجح. "
                              "وقتل جندي تركي في الاشتباك."))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert ("تركي اليوسف", "discovered:تركي_اليوسف") in got and ("تركي رضيمان", "discovered:تركي_رضيمان") in got, got
    assert [s for s, i in got if i == "country:tr"] == ["تركي"], got


# --- twenty-fourth session ----------------------------------------------------------------------------------------


def test_a_title_reads_the_actors_its_body_names():
    """Twenty-fourth session: a headline is too short for the context the rules of ambiguous forms look for, so a form
    counts in a title when the article's body names its actor (النصر the club, حماس the movement, هادي the president),
    as it counts in a body that named it earlier. Not an outlet's name (المدينة is the city in a headline of the paper
    al-Madina), and nothing when the body does not name the actor (بحماس "with enthusiasm")."""
    titles = ["النصر يعيد فابيان لإكمال عقد أجانبه", "حماس تكشف حقيقة مشاركتها", "هادي يعين محافظا جديدا",
              "عوائل المدينة تواجه غلاء الاستراحات", "أوبريت يلهب حماس الزوار"]
    texts = ["أعاد نادي النصر لاعبه فابيان إلى قائمة الفريق.",
             "نفت حركة حماس في بيان من غزة ما نشرته وسائل إعلام.",
             "أصدر الرئيس اليمني عبدربه منصور هادي قرارا بتعيين محافظ جديد.",
             "قال مواطنون لـ«المدينة» إن أسعار الاستراحات في المدينة المنورة ارتفعت.",
             "شهد مهرجان أبها حضورا كبيرا من فلسطين ولبنان ومصر."]
    m = extract_mentions(arts(*texts, titles=titles, published=["2015-08-01"] * 5))
    title = rows(m, field="title")
    got = [(a, s, i) for a, s, i in zip(title["article_id"], title["surface"], title["actor_id"])]
    assert ("a0", "النصر", "org:al_nassr") in got, got
    assert ("a1", "حماس", "group:hamas") in got, got
    assert ("a2", "هادي", "person:abdrabbuh_mansur_hadi") in got, got
    assert not [g for g in got if g[0] in ("a3", "a4")], got


def test_a_titles_al_ahli_is_egypts_when_its_body_is_about_egypt():
    """Twenty-fourth session: a title that names neither Egypt nor another club reads its body to tell Cairo's Al Ahly
    from the Saudi club; a title that names the Zamalek decides by itself."""
    texts = ["أعلن النادي الأهلي إعارة لاعبه إلى أندرلخت بعد مباراته أمام الزمالك في القاهرة.",
             "تعاقد النادي الأهلي مع مدافع جديد في جدة، وينتظر الاتحاد رد اللاعب."]
    m = extract_mentions(arts(*texts, titles=["الأهلي يعير لاعبه لأندرلخت", "الأهلي يتعاقد مع مدافع"],
                              published=["2015-08-01"] * 2))
    title = rows(m, field="title", surface="الأهلي")
    assert list(zip(title["article_id"], title["actor_id"])) == [("a0", "org:al_ahly_egypt"), ("a1", "org:al_ahli_saudi")], \
        m[["article_id", "field", "surface", "actor_id"]].values.tolist()


def test_a_leaders_surname_after_a_namesake_is_the_namesake_unless_his_countrys_politics_is_named():
    """Twenty-fourth session: a codebook person's one-word surname after a discovered namesake (هشام مرسي, the coach;
    المحامي أحمد الأسد) is the namesake, also for a surname the news uses often (مرسي) and one matched with its article
    (الأسد); not where the field names an organisation or group of the leader's country (نظام الأسد: Bashar; a club
    of it does not count), and not
    when the discovered name is the leader's own written otherwise (نيكولاس ساركوزي)."""
    m = extract_mentions(arts("قال مدرب الوحدة هشام مرسي إن الفريق جاهز. وأضاف مرسي أن مصر بلد جميل.",
                              "وقال المحامي أحمد الأسد في دمشق إن سوريا تعاني. وأضاف الأسد أن الوضع صعب.",
                              "اعتقلت السلطات سليمان هلال الأسد بعد احتجاجات ضد النظام السوري. وقال أنصار الأسد إن الحادث مؤسف.",
                              "وصل الرئيس الفرنسي السابق نيكولاس ساركوزي إلى تونس. وقال ساركوزي إن فرنسا تدعم تونس.",
                              "خاض الوحدة مباراة بمصر أمام نادي الإسماعيلي. وقال المدرب هشام مرسي إن الفريق جاهز. "
                              "وأضاف مرسي أن اللاعبين بخير.",
                              published=["2015-08-01"] * 5))
    last = {a: g.iloc[-1] for a, g in m[m["match_kind"].isin(["alias", "discovered", "name"]) & (m["actor_type"] == "person")]
            .groupby("article_id")}
    assert last["a0"]["actor_id"] == "discovered:هشام_مرسي", m[["surface", "actor_id"]].values.tolist()
    assert last["a1"]["actor_id"] == "discovered:احمد_الاسد", m[["surface", "actor_id"]].values.tolist()
    assert last["a2"]["actor_id"] == "person:bashar_al_assad", m[["surface", "actor_id"]].values.tolist()
    assert last["a3"]["actor_id"] == "person:nicolas_sarkozy", m[["surface", "actor_id"]].values.tolist()
    # an Egyptian club is no political actor of Egypt (thirty-first session)
    assert last["a4"]["actor_id"] == "discovered:هشام_مرسي", m[["surface", "actor_id"]].values.tolist()


def test_al_thani_gives_no_short_form_to_every_second():
    """Twenty-fourth session: ثاني of تميم بن حمد آل ثاني is ordinal-shaped: الثاني later (النائب الثاني، كانون الثاني،
    يومي الثاني والثالث) is no mention of the emir."""
    m = extract_mentions(arts("استقبل الشيخ تميم بن حمد آل ثاني ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء يوم الثاني "
                              "من أغسطس.", published=["2015-08-01"]))
    assert list(m.loc[m["actor_id"] == "person:tamim_bin_hamad", "surface"]) == ["تميم بن حمد آل ثاني"], \
        m[["surface", "actor_id"]].values.tolist()


def test_audited_surnames_that_are_words_or_other_people_need_their_country():
    """Twenty-fourth session (the audit script over every SaudiNewsNet text): بيريز (Florentino Pérez), صدام "a clash",
    هيغل (Hegel), نوفاك (Novak Djokovic) and الحريري "silken" are no foreign politicians away from their country; a
    nisba-shaped surname after a definite noun is its adjective (السلطان العثماني); الأمير مشعل is a prince, not Khaled
    Mashal. Near their country they stay."""
    m = extract_mentions(arts("طالبت الجماهير باستقالة فلورنتينو بيريز رئيس النادي، وأيد بيريز المدرب. ووقع صدام مسلح مع "
                              "المتطرفين. وانتقد كانط فكر هيغل. وحافظ الصربي نوفاك ديوكوفيتش على الصدارة. وفي عهد السلطان "
                              "العثماني بنيت القلعة. وعمل مع الأمير مشعل مستشارا. وقال وزير الإعلام د. خوجه إن الاتصالات كثيرة.",
                              "قال وزير الخارجية الإيراني إن طهران ملتزمة بالاتفاق، وأكد ظريف أن إيران لن تتراجع.",
                              published=["2015-08-01"] * 2))
    ids = set(rows(m, article_id="a0")["actor_id"])
    assert not ids & {"person:shimon_peres", "person:saddam_hussein", "person:chuck_hagel", "person:alexander_novak",
                      "person:saadeddine_othmani", "person:khaled_meshaal", "person:khaled_khoja"}, \
        m[["surface", "actor_id"]].values.tolist()
    assert "person:mohammad_javad_zarif" in set(rows(m, article_id="a1")["actor_id"]), m[["surface", "actor_id"]].values.tolist()


def test_agency_short_names_that_are_places_or_words_need_the_agency():
    """Twenty-fourth session (the audit script): قنا (QNA; also the governorate Qena), سبأ (Saba; also Sheba, and سبا a
    spa) and افي (EFE; also in وافي، كافي) count right after وكالة, in a dateline or bracket without a proclitic, or after
    the agency was named in full; not with another proclitic or as a place."""
    m = extract_mentions(arts("نقل 28 مصابا من قنا في محافظة قنا. وحسبما نقلت وكالة \"قنا\" فإن الوضع مستقر. وفقا لوكالة افي. "
                              "ومن برامج الخدمات الذاتية «وافي» و(بس بس كافي). وفي منتجع وسبا حفل.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"]) if i.startswith("media:")]
    assert got == [("قنا", "media:qna"), ("افي", "media:efe")], m[["surface", "actor_id"]].values.tolist()


def test_audited_place_names_that_are_words_need_their_country():
    """Twenty-fourth session (the audit script, --types location): سرت in كسرت "broke", الرباط الصليبي "the cruciate
    ligament", ثيو والكوت (Theo Walcott), قرية واسط and حي الخالدية in Saudi towns are not Sirte, Rabat, Kut, Wasit or
    Khalidiya in Iraq; near their country they are."""
    m = extract_mentions(arts("تعرض اللاعب لقطع في الرباط الصليبي. وكسرت أسعار الذهب مستويات الدعم. وسجل ثيو والكوت هدفا. "
                              "وطالب أهالي قرية واسط بتبالة بمطبات. واندلع حريق في حي الخالدية بالرياض. ولجأوا إلى "
                              "المحطة، فقال: أراك دائما هنا، وسقطت طائرة في مدينة أريحا بإدلب.",
                              "وصل الوفد الليبي إلى سرت قادما من طرابلس في ليبيا.", published=["2015-08-01"] * 2))
    ids = set(rows(m, article_id="a0")["actor_id"])
    assert not ids & {"location:sirte", "location:rabat", "location:kut", "location:wasit_governorate",
                      "location:khalidiya", "location:java", "location:arak", "location:jericho"}, \
        m[["surface", "actor_id"]].values.tolist()
    assert "location:sirte" in set(rows(m, article_id="a1")["actor_id"]), m[["surface", "actor_id"]].values.tolist()


def test_a_held_back_foreign_place_name_after_a_place_head_is_a_place_of_that_name():
    """Twenty-fourth session: الخالدية after حي/أحياء in a Saudi town is not Khalidiya in Iraq (rule country) but a place
    all the same, found as discovered, and it still starts a list of districts (أحياء الخالدية والبلد والنميص)."""
    m = extract_mentions(arts("هطلت أمطار على مدينة أبها، وشملت أحياء الخالدية والبلد والجامعة والنميص والمنسك، والبديع "
                              "والموظفين.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert ("الخالدية", "discovered:الخالديه") in got and ("والنميص", "discovered:النميص") in got, got
    assert "location:khalidiya" not in set(m["actor_id"]), got


def test_a_held_back_foreign_place_name_after_in_is_a_place_but_not_the_ligament():
    """Twenty-fourth session: after في with no proclitic and no definite word after it, a place name held back by its
    rule country is a place of that name (في الرباط عند المدخل الشمالي: a district of Aden); الرباط الصليبي is the
    cruciate ligament, no place."""
    m = extract_mentions(arts("تعرض اللاعب لقطع في الرباط الصليبي. وانفجرت قنبلة في الرباط عند المدخل الشمالي للمدينة.",
                              published=["2015-08-01"]))
    got = [(a, s, i) for a, s, i in zip(m["start"], m["surface"], m["actor_id"])]
    assert [(s, i) for a, s, i in got] == [("الرباط", "discovered:الرباط")] and got[0][0] > 40, got


def test_an_indefinite_nisba_after_a_first_name_is_his_family_name():
    """Twenty-fourth session: إسماعيل مغربي، هلال سوداني، دينيس روس are persons (a family name after a first name), not
    Morocco, Sudan or Russia; after a first name that is also a noun (فلاح مصري "an Egyptian peasant", أميرة سعودية
    "a Saudi princess") the nisba stays the country. Also Morocco's other readings: بعد المغرب is after the sunset prayer
    (not بعد المغرب التي تصدرت, ranked after Morocco), باب المغاربة the Mughrabi Gate; and بنين in مدارس بنين وبنات is
    "boys", not Benin."""
    m = extract_mentions(arts("وقع النادي مع المهاجم إسماعيل مغربي. وقال دينيس روس مستشار أوباما إن الاتفاق سيئ. وشارك ربع "
                              "مليون فلاح مصري في الحفر.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert ("إسماعيل مغربي", "discovered:اسماعيل_مغربي") in got and ("دينيس روس", "discovered:دينيس_روس") in got, got
    assert [s for s, i in got if i.startswith("country:")] == ["مصري"], got
    prayer = extract_mentions(arts("وبعد المغرب ألقى الشيخ محاضرة. وحلت الإمارات ثانية بعد المغرب التي تصدرت القائمة.",
                                   published=["2015-08-01"]))
    assert (prayer["actor_id"] == "country:ma").sum() == 1 and prayer.loc[prayer["actor_id"] == "country:ma", "start"].iloc[0] > 40, \
        prayer[["start", "surface", "actor_id"]].values.tolist()
    benin = extract_mentions(arts("في جميع المدارس بنين وبنات. وتشارك نيجيريا وتشاد والكاميرون وبنين في القوة.",
                                  published=["2015-08-01"]))
    assert list(benin.loc[benin["actor_id"] == "country:bj", "surface"]) == ["وبنين"], benin[["surface", "actor_id"]]
    gate = extract_mentions(arts("اقتحم مستوطنون المسجد الأقصى من باب المغاربة.", published=["2015-08-01"]))
    assert list(gate["actor_id"]) == ["location:al_aqsa_mosque", "location:mughrabi_gate"], gate[["surface", "actor_id"]]


# --- twenty-fifth session -----------------------------------------------------------------------------------------
def test_a_nisba_with_an_adjective_before_a_name_is_the_persons_descriptor():
    """Twenty-fifth session (CONVENTIONS D5): a nisba with an adjective of the person between it and the name
    (المدافع الفرنسي الشاب لوكاس هرنانديز، مهاجمه البرازيلي الدولي نيمار، الروائي الأميركي الراحل هنري ميلر) is the
    named person's descriptor, not a mention of the country; the name stays. Without a name after it the nisba counts
    (المنتخب البرازيلي is the team; اللاعب الفرنسي الشاب, no name, is France's nisba)."""
    m = extract_mentions(arts("مدد النادي عقد المدافع الفرنسي الشاب لوكاس هرنانديز. وغاب مهاجمه البرازيلي الدولي نيمار. "
                              "وكتب الروائي الأميركي الراحل هنري ميلر.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert not [s for s, i in got if i.startswith("country:")], got
    assert ("نيمار", "person:neymar") in got and ("لوكاس هرنانديز", "discovered:لوكاس_هرنانديز") in got, got
    alone = extract_mentions(arts("فاز المنتخب البرازيلي الدولي. وتعاقد النادي مع اللاعب الفرنسي الشاب أمس.",
                                  published=["2015-08-01"]))
    assert list(alone["surface"]) == ["المنتخب البرازيلي", "الفرنسي"], alone[["surface", "actor_id"]]


def test_a_list_of_clubs_bare_names_is_clubs_without_three_words_of_sport():
    """Twenty-fifth session: three or more bare club names joined by و are clubs in any field (التعاون والشباب والفتح
    والفيصلي); two need one word of sport (مباراة السوبر بين النصر والهلال, a two-line notice); two after a definite
    noun they qualify are adjectives (وللسلم الأهلي والوحدة الوطنية "civil peace and national unity")."""
    m = extract_mentions(arts("وأوضح المسؤول أن التسجيل متاح لكل من التعاون والشباب والفتح والفيصلي مباشرة.",
                              published=["2015-08-01"]))
    assert list(m["actor_id"]) == ["org:al_taawoun", "org:al_shabab", "org:al_fateh", "org:al_faisaly"], \
        m[["surface", "actor_id"]]
    two = extract_mentions(arts("تقرر إقامة مباراة السوبر السعودي بين النصر والهلال في لندن.", published=["2015-08-01"]))
    assert ["org:al_nassr", "org:al_hilal"] == [i for i in two["actor_id"] if i.startswith("org:")], two[["surface", "actor_id"]]
    words = extract_mentions(arts("ندعو إلى التعاون والوحدة بين الشعوب. وتهدد الجرائم السلم الأهلي والوحدة الوطنية، "
                                  "قال لاعب سابق.", published=["2015-08-01"]))
    assert not any(i.startswith("org:") for i in words["actor_id"]), words[["surface", "actor_id"]]


def test_a_purpose_verb_after_a_name_and_compound_first_names_are_no_family_names():
    """Twenty-fifth session: ل + an imperfect with its object after a discovered name ends the name (فريد لتحيل
    البحيرة → فريد; مات بيسلر ليخطف الكرة), a lexicon surname in ل does not (مارك ليبرت); and the second word of a
    compound first name (نور الإسلام، عز الدين) gives no short form: الإسلام and الدين later are no persons (whether
    or not نور الإسلام is taken for a person)."""
    m = extract_mentions(arts("استفاد كين من تعثر المدافع مات بيسلر ليخطف الكرة. وهدد رجل السفير الأميركي مارك ليبرت، "
                              "وانتشر نور الإسلام في الأرض، ولا دخل لدولة الإسلام المزعومة به.", published=["2015-08-01"]))
    got = [(s, i) for s, i in zip(m["surface"], m["actor_id"])]
    assert ("مات بيسلر", "discovered:مات_بيسلر") in got and ("مارك ليبرت", "discovered:مارك_ليبرت") in got, got
    assert not any(s.endswith("الإسلام") and s != "نور الإسلام" for s, i in got), got


def test_club_nicknames_are_their_clubs_and_the_royal_club_only_where_real_madrid_is_named():
    """Twenty-fifth session: nicknames the blind sets annotate (البلوز، الجانرز، الفريق الكتالوني، الفريق البافاري)
    are their clubs; النادي الملكي is Real Madrid only in an article that names it (al-Ahli of Jeddah is also
    «الملكي»)."""
    m = extract_mentions(arts("وساهم اللاعب في حصول البلوز على اللقب، ويسعى الفريق الكتالوني للفوز على الفريق البافاري. "
                              "ورحل كاسياس عن ريال مدريد، وقرر النادي الملكي منح نافاس الفرصة.",
                              published=["2015-08-01"]))
    assert list(m["actor_id"]) == ["org:chelsea", "org:fc_barcelona", "org:bayern", "org:real_madrid", "org:real_madrid"], \
        m[["surface", "actor_id"]]
    ahli = extract_mentions(arts("لإسعاد عشاق ومحبي النادي الملكي، ومن يسبر أغوار الفريق الأهلاوي.", published=["2015-08-01"]))
    assert "org:real_madrid" not in set(ahli["actor_id"]), ahli[["surface", "actor_id"]]


def test_club_nicknames_that_are_words_or_ranks_only_in_sport():
    """Twenty-eighth session: العميد (Al-Ittihad), الزعيم (Al-Hilal), السكري (Al-Taawoun), الراقي (Al-Ahli) are their
    clubs in a field about sport; العميد before a first name is a rank, الزعيم الأعلى الإيراني Khamenei's title (not a
    club named inside it), الأداء الراقي an adjective, and outside sport none is a club."""
    m = extract_mentions(arts("وحقق الزعيم فوزا كبيرا في الدوري وقدم اللاعب مباراة رائعة في بداية الموسم أمام العميد، "
                              "فيما تعادل الفريق مع السكري."))
    assert list(m["actor_id"]) == ["org:al_hilal", "org:al_ittihad", "org:al_taawoun"], m[["surface", "actor_id"]]
    rank = extract_mentions(arts("وأعلن مجلس إدارة النادي برئاسة العميد محمد أبو السعود بعد المباراة في الدوري أن اللاعب "
                                 "سيغيب عن الموسم."))
    assert "org:al_ittihad" not in set(rank["actor_id"]), rank[["surface", "actor_id"]]
    title = extract_mentions(arts("وقال الزعيم الأعلى الإيراني آية الله علي خامنئي إن الاتفاق لن يغير سياسة بلاده. وفي "
                                  "الدوري قدم اللاعب مباراة كبيرة في الموسم.", published=["2015-08-01"]))
    assert "org:al_hilal" not in set(title["actor_id"]) and "person:ali_khamenei" in set(title["actor_id"]), \
        title[["surface", "actor_id"]]
    assert extract_mentions(arts("وقال العميد إن الزعيم لم يحضر الاجتماع.")).empty
    # a rank before a name of no list; الراقي "refined" after a definite noun, even once Al-Ahli was named
    m = extract_mentions(arts("وفي الدوري قدم اللاعب مباراة كبيرة في الموسم، وقال العميد ثروت سويلم إن الأهلي قدم "
                              "الأداء الراقي وإن الراقي سيعود."))
    assert list(zip(m["surface"], m["actor_id"]))[-2:] == [("الأهلي", "org:al_ahli_saudi"), ("الراقي", "org:al_ahli_saudi")], \
        m[["surface", "actor_id"]]
    assert "org:al_ittihad" not in set(m["actor_id"]) and (m["surface"] == "الراقي").sum() == 1


def test_discovery_candidates_say_which_names_the_gap_filler_found():
    """found_by: "rules" for names the discovery rules found, "tagger" for names only the statistical gap filler
    found (subtype "tagger"), "both" for an id found both ways."""
    a = arts("قال اللواء ماهر الحسيناوي إن الوضع مستقر.", "وأكد الحسيناوي ذلك.")
    m = extract_mentions(a)
    c = discovery_candidates(m, a)
    assert c.set_index("label_ar").loc["ماهر الحسيناوي", "found_by"] == "rules"
    one = m[m["match_kind"] == "discovered"].iloc[:1]
    fake = pd.concat([m, one.assign(subtype="tagger", actor_id="discovered:x", label_ar="س")], ignore_index=True)
    both = pd.concat([fake, one.assign(subtype="tagger")], ignore_index=True)
    got = discovery_candidates(both, a).set_index("actor_id")["found_by"]
    assert got["discovered:x"] == "tagger" and got[one["actor_id"].iloc[0]] == "both"
    assert list(discovery_candidates(m.iloc[:0], a).columns)[5] == "found_by"


def test_a_body_country_or_place_inside_a_competitions_name_is_opaque():
    """Forty-first session (CONVENTIONS: event and competition names are opaque): after كأس or بطولة in construct a
    body, country or place is the competition's name (كأس الاتحاد الإفريقي، بطولة مجلس التعاون الخليجي، كأس الجزائر)
    and after دورة a place or country (دورة الخليج، دورة فرنسا للدراجات). Not a name with a preposition (بطولة بجدة),
    not after the definite head (سلم الكأس للكويت), not a person (بطولة محمد رمضان "starring"), not a body after
    دورة (دورة الاتحاد الأوروبي, the EU's presidency)."""
    m = extract_mentions(arts("حصل على كأس الجزائر وتأهل إلى نصف نهائي كأس الاتحاد الإفريقي، وشارك في بطولة مجلس التعاون "
                              "الخليجي الـ15 للشباب وفي دورة الخليج ودورة فرنسا للدراجات. وأقيمت بطولة بجدة للشطرنج، "
                              "وسلم الرئيس الكأس للكويت. وعرض فيلم من بطولة محمد رمضان. وتترأس سلوفاكيا دورة الاتحاد "
                              "الأوروبي."))
    assert list(m["surface"]) == ["بجدة", "للكويت", "محمد رمضان", "سلوفاكيا", "الاتحاد الأوروبي"], \
        m[["surface", "actor_id"]].values.tolist()


def test_mina_and_arafat_in_a_field_about_the_hajj():
    """Forty-first session, rule ``hajj`` (``ambiguous_forms.tsv``): منى and عرفات are the holy sites near a word of the
    Hajj (الحجاج، مزدلفة، الجمرات …); منى only where written with its alef maksura (مني "from me" normalises the same),
    not as a hospital's name after its head (لمستشفى منى الطوارئ, an organisation), and Yasser Arafat's name repeated
    is no cue for the plain."""
    m = extract_mentions(arts("تسهيل تنقل الحجاج بين منى وعرفات ومزدلفة. وقال الحاج إن المشرف طلب مني الانتظار. "
                              "وعين الدكتور أيمن يماني مديرا لمستشفى منى الطوارئ.",
                              "توفي ياسر عرفات عام 2004. وفتح ضريح عرفات في 2012."))
    got = [(r.article_id, r.surface, r.actor_id) for r in m.itertuples() if r.actor_type != "person"]
    assert got == [("a0", "منى", "location:mina"), ("a0", "وعرفات", "location:arafat"),
                   ("a0", "ومزدلفة", "location:muzdalifah"), ("a0", "لمستشفى منى الطوارئ", "discovered:مستشفي_مني_الطوارئ")], got
    assert list(m[m["article_id"] == "a1"]["actor_id"]) == ["person:yasser_arafat"] * 2, m.values.tolist()


def test_champions_leagues_and_the_bare_central_bank_are_no_actors():
    """Forty-first session: the continent after دوري أبطال and a place after a compass word after a competition's head
    are inside the event's name (دوري أبطال آسيا، بطولة غرب آسيا); a continent elsewhere stays (جنوب آسيا). The bare
    البنك المركزي is a generic institution (CONVENTIONS: institutional anaphors; 6 of its 24 predictions in the read
    sets matched an annotation), a named or nisba-qualified one is the organisation."""
    m = extract_mentions(arts("تأهل الهلال في دوري أبطال آسيا وفاز المنتخب ببطولة غرب آسيا، والنمو في جنوب آسيا قوي. "
                              "وقال البنك المركزي إن التضخم تراجع، وخفض البنك المركزي الروسي الفائدة."))
    assert [(r.surface, r.actor_id) for r in m.itertuples()] == [
        ("الهلال", "org:al_hilal"), ("آسيا", "location:asia"), ("البنك المركزي الروسي", "org:central_bank_of_russia")], \
        m.values.tolist()


def test_a_discovered_body_after_li_keeps_its_article_in_the_label():
    """Forty-first session: ل + ال is written لل (للجامعة اللبنانية، للبنك المركزي اليوناني): the discovered body's name
    is الجامعة اللبنانية, the same id as without the preposition (it was لجامعة اللبنانية, a second id); لجنة keeps
    its own ل (للجنة فض المنازعات → لجنة فض المنازعات)."""
    m = extract_mentions(arts("قدمت الحكومة منحة للجامعة اللبنانية وقرضا للبنك المركزي اليوناني، وأحالت الملف للجنة فض "
                              "المنازعات. وقالت الجامعة اللبنانية إن المنحة وصلت."))
    assert list(m["label_ar"]) == ["الجامعه اللبنانيه", "البنك المركزي اليوناني", "لجنه فض المنازعات",
                                   "الجامعه اللبنانيه"], m[["surface", "label_ar"]].values.tolist()  # (normalised)
    assert m["actor_id"].iloc[0] == m["actor_id"].iloc[3]
