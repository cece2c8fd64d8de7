"""Names learned from SaudiNewsNet (analysis/resources/actors/learned_names.csv, built by
scripts/build_learned_names.py): a name that discovery finds with a cue in other articles is found without one, a
one-word place needs a place context, and the build keeps names, not words."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from analysis.actors import load_codebook
from analysis.actors.rules import load_learned_names
from one_article import found_in
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
LEARNED = ROOT / "analysis" / "resources" / "actors" / "learned_names.csv"


def found(text: str, **kw) -> list[tuple[str, str, str]]:
    """(surface, actor_id, match_kind) of every mention in one article body dated in 2015."""
    return found_in(text, "surface", "actor_id", "match_kind", **kw)


@pytest.fixture(scope="module")
def build():
    return load_script("build_learned_names")


# --- matching ------------------------------------------------------------------------------------------


def test_a_learned_name_is_found_without_a_cue():
    text = "وحضر الحفل علي الحربي وعدد من المسؤولين."  # no title, no reporting verb: discovery alone misses him
    assert ("علي الحربي", "discovered:علي_الحربي", "discovered") in found(text)
    assert not any(s == "علي الحربي" for s, _a, _k in found(text, learned=False))


def test_the_surname_of_a_learned_name_alone_later_is_that_person():
    """Learned names are taken after the first linking of short forms; the last linking pass links theirs."""
    got = found("وحضر الحفل علي الحربي وعدد من المسؤولين. وأكد الحربي أن الحفل نجح.")
    assert [(s, a) for s, a, _k in got if "الحربي" in s] == [("علي الحربي", "discovered:علي_الحربي"),
                                                            ("الحربي", "discovered:علي_الحربي")]


def test_a_learned_name_keeps_the_id_that_discovery_gives_it():
    with_cue = found("وقال اللواء علي الحربي إن الحملة مستمرة.")
    without = found("وحضر الحفل علي الحربي وعدد من المسؤولين.")
    ids = {a for s, a, _k in with_cue + without if "الحربي" in s}
    assert ids == {"discovered:علي_الحربي"}


def test_a_learned_one_word_place_needs_a_place_context():
    one_word = sorted(n for n, t in load_learned_names() if t == "location" and " " not in n)
    assert "فرياب" in one_word
    assert ("فرياب", "discovered:فرياب", "discovered") in found("وقع الهجوم في فرياب شمال البلاد.")
    assert not any(a == "discovered:فرياب" for _s, a, _k in found("فرياب تستعد للانتخابات."))


def test_discovery_still_reads_a_longer_name_around_a_learned_one():
    # learned names are taken after discovery, where it found nothing: the cue's longer name wins
    got = found("وقال اللواء أحمد علي الحربي إن الحملة مستمرة.")
    assert any(s.endswith("علي الحربي") and s != "علي الحربي" for s, _a, _k in got)


# --- the shipped file ----------------------------------------------------------------------------------


def test_learned_names_are_no_codebook_forms_and_have_known_types(build):
    lists = build.Lists()
    rows = list(csv.DictReader(ln for ln in LEARNED.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")))
    assert rows and {r["type"] for r in rows} <= {"person", "organization", "location"}
    assert [r for r in rows if r["name"] in lists.known] == []
    assert all(" " in r["name"] for r in rows if r["type"] != "location")  # one-word persons and organisations: never
    cb = load_codebook()
    assert not any(r["name"] == "علي" for r in rows) and len(cb.actors) > 0


# --- the build -----------------------------------------------------------------------------------------


def test_build_reads_a_name_after_a_role_phrase(build):
    lists = build.Lists()
    assert build.scan_person_names("وأوضح مدير الفرع علي الحربي بأن العمل مستمر", lists) == ["علي الحربي"]
    assert build.scan_person_names("وأكد على أهمية المضي في الخطة", lists) == []  # على، not a name
    assert build.scan_person_names("قال إن محمد بن عبدالله الشهري وصل", lists) == ["محمد بن عبدالله الشهري"]


def test_build_cues(build):
    lists = build.Lists()
    assert build.cue("علي الحربي", "person", "وقال اللواء ", lists)
    assert not build.cue("علي الحربي", "person", "وحضر الحفل ", lists)
    assert build.cue("جمعيه ابصار", "organization", "", lists)
    assert build.cue("الزاهر", "location", "في حي ", lists)


def test_build_leaves_out_words_fragments_and_known_names(build):
    lists = build.Lists()
    assert build.drop_reason("اسعافات اوليه", "person", lists) == "person: a common word that is no given name (اسعافات اوليه)"
    assert build.drop_reason("الله الغامدي", "person", lists).startswith("person: starts with the article")
    assert build.drop_reason("الحربي", "person", lists) == "one-word person"
    assert build.drop_reason("الجديده", "location", lists) == "one-word place: a word of the language or a given name"
    assert build.drop_reason("مجلس الامن", "organization", lists) == "a form of the codebook, a gazetteer or the rule lists"
    assert build.drop_reason("علي عبدالله صالح المتحالف", "person", lists) == "person: a codebook name + more words (علي عبدالله صالح المتحالف)"
    assert build.drop_reason("توفيق بن عبد العزيز", "person", lists) == "person: given names and links only"
    assert build.drop_reason("بلديه الخبراء والمجلس البلدي", "organization", lists).startswith("organization: two bodies")
    assert build.drop_reason("هيئه التدريس", "organization", lists) == "excluded by hand (curated/learned_excluded.txt)"
    assert build.drop_reason("كليه الطب", "organization", lists) == "organization: a head the rules leave out alone (كلية: a faculty)"
    assert build.drop_reason("علي الحربي", "person", lists) is None


def test_build_keeps_names_not_phrases(build):
    cands = {("علي الحربي", "person"): [3, 3], ("علي موقع التواصل", "person"): [5, 6], ("احمد المركز", "person"): [2, 2]}
    seen = Counter({"علي الحربي": 5, "علي موقع التواصل": 400, "احمد المركز": 2})
    family = {"الحربي": 0.4, "التواصل": 0.02, "المركز": 0.08}
    rows = build.select(cands, seen, Counter(), family)
    assert [r[0] for r in rows] == ["علي الحربي"]  # a phrase seen far more often without a cue; a noun, no family name
    # a person with a cue in one article only: kept when the corpus also names him without one
    single = {("سالم المري", "person"): [1, 1], ("فهد المري", "person"): [1, 1]}
    rows = build.select(single, Counter({"سالم المري": 3, "فهد المري": 1}), Counter(), {"المري": 0.6})
    assert [r[0] for r in rows] == ["سالم المري"]


def test_build_learns_a_person_that_discovery_finds_without_a_cue_in_three_texts(build):
    """Twentieth session: a person or a one-word place found by discovery with no cue (a lineup, a list) in
    MIN_UNCUED_ARTICLES texts is learned when discovery found it in at least a quarter of its occurrences (a person:
    when its first word is a given name that is no word of the language; not a phrase such as حسن ظنك)."""
    lists = build.Lists()
    per_text = {f"t{i}": {("حسين شيعان", "person"): [0, 1], ("حسن ظنك", "person"): [0, 1], ("العاقول", "location"): [0, 2],
                          ("حضارات الامم", "location"): [0, 1]} for i in range(3)}
    per_text["t3"] = {("ماجد الغامدي", "person"): [0, 1]}  # one text only
    cands = build.candidates(per_text, lists)
    assert cands == {("حسين شيعان", "person"): [3, 0, 3], ("العاقول", "location"): [3, 0, 6]}, cands  # a place: one word
    family = {}
    rows = build.select(cands, Counter({"حسين شيعان": 10, "العاقول": 9}), Counter(), family)
    assert [r[:5] for r in rows] == [("حسين شيعان", "person", 3, 0, 10), ("العاقول", "location", 3, 0, 9)]
    # found in under a quarter of its uses: a phrase
    assert build.select(cands, Counter({"حسين شيعان": 40, "العاقول": 30}), Counter(), family) == []


def test_build_check_mode_on_a_tiny_corpus(build, tmp_path, capsys):
    records = [{"source": "x", "url": f"http://x/{i}", "date_extracted": "2015-08-01 10:00:00", "title": "خبر",
                "author": "", "content": text} for i, text in enumerate([
                    "وقال اللواء سالم بن عايض المطيري إن الحملة مستمرة.",
                    "وأوضح العقيد سالم بن عايض المطيري أن الدوريات انتشرت.",
                    "وحضر الحفل سالم بن عايض المطيري أمس.",
                ])]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2015-08-01.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "learned.csv"
    assert build.main([str(corpus), "--out", str(out)]) == 0
    assert "سالم بن عايض المطيري,person,2,2,3" in out.read_text(encoding="utf-8")
    assert build.main([str(corpus), "--out", str(out), "--check"]) == 0
    excl = tmp_path / "urls.txt"
    excl.write_text("http://x/0\n", encoding="utf-8")
    assert build.main([str(corpus), "--out", str(out), "--check", "--exclude-urls", str(excl)]) == 1  # other counts
    out.write_text(out.read_text(encoding="utf-8") + "محمد الزائد,person,2,2,2\n", encoding="utf-8")
    assert build.main([str(corpus), "--out", str(out), "--check"]) == 1
    assert "OUT OF DATE" in capsys.readouterr().out
