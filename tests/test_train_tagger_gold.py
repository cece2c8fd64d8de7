"""scripts/train_tagger.py --gold-sets: held-out sets are refused; gold mentions become the tagger's labels where
the scorer places them (nisba and title mentions by the chosen scheme)."""
from __future__ import annotations

from pathlib import Path

import pytest

from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def tt():
    return load_script("train_tagger")


def _set(tmp_path: Path, name: str) -> Path:
    d = tmp_path / name
    d.mkdir(parents=True)
    (d / "gold.jsonl").write_text("", encoding="utf-8")
    (d / "refs.jsonl").write_text("", encoding="utf-8")
    return d


@pytest.mark.parametrize("name", ["blind_eval6", "blind_eval14", "blind_eval21", "blind_eval33", "pnever", "punseen"])
def test_held_out_sets_are_refused(tt, tmp_path, name):
    with pytest.raises(SystemExit, match="held-out"):
        tt.check_gold_dir(_set(tmp_path, name))
    # also through a symlink with an innocent name
    link = tmp_path / "innocent"
    link.symlink_to(tmp_path / name)
    with pytest.raises(SystemExit, match="held-out"):
        tt.check_gold_dir(link)


def test_the_repositorys_sealed_blind_sets_are_refused_and_read_ones_accepted(tt):
    """data/eval/blind_sets/sealed.txt lists the held-out sets (never read, never trained on): training on them is
    refused; the sets the shipped gap filler is trained on (analysis/resources/tagger/gap_training_sets.txt) are
    accepted, and none of them is sealed."""
    sets = ROOT / "data" / "eval" / "blind_sets"
    for name in ("set67", "set125", "set149", "set163", "set478", "set502"):
        with pytest.raises(SystemExit, match="held-out"):
            tt.check_gold_dir(sets / name)
    for name in ("set62", "set126", "set150", "set158"):
        assert tt.check_gold_dir(sets / name) == (sets / name).resolve()
    listed = ROOT / "analysis" / "resources" / "tagger" / "gap_training_sets.txt"
    trained = [ln for ln in listed.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(trained) == 447 and {"set66", "set162", "set374", "set477", "set486", "set561", "set648", "set676",
                                    "set700"} <= set(trained)
    for name in trained:
        assert tt.check_gold_dir(sets / name) == (sets / name).resolve()


def test_read_sets_are_accepted_and_incomplete_folders_refused(tt, tmp_path):
    for name in ["blind_eval", "blind_eval2", "blind_eval16", "blind_eval27"]:  # read sets: 16 is not 6, 27 not 2
        assert tt.check_gold_dir(_set(tmp_path, name)) == (tmp_path / name).resolve()
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "gold.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="refs.jsonl"):
        tt.check_gold_dir(tmp_path / "half")


@pytest.mark.skipif(not (EVAL / "evalcore.py").is_file(), reason="needs ../shared/eval/evalcore.py (the scorer's placement)")
def test_gold_examples_label_the_placed_mentions(tt):
    text = "وقال الرئيس المصري عبد الفتاح السيسي في القاهرة إن الحكومة المصرية تدعم اليمن. وزار فلان الفلاني قرية ديرالزور."
    items = [{"surface": "الرئيس المصري", "type": "person", "via": "title"},
             {"surface": "عبد الفتاح السيسي", "type": "person", "via": "name"},
             {"surface": "القاهرة", "type": "location", "via": "name"},
             {"surface": "المصرية", "type": "country", "via": "nisba"},
             {"surface": "اليمن", "type": "country", "via": "name"},
             {"surface": "فلان الفلاني", "type": "person", "via": "name"},
             {"surface": "ديرالزور", "type": "location", "via": "name"}]
    ex = tt.gold_examples([("s/a1", text, items)], scheme="all")
    assert len(ex) == 2  # cut after the full stop
    tagged = {w: t for words, tags, _, _ in ex for w, t in zip(words, tags)}
    assert [tagged[w] for w in ("عبد", "الفتاح", "السيسي")] == ["B-PERS", "I-PERS", "I-PERS"]
    assert tagged["القاهره"] == "B-LOC" and tagged["اليمن"] == "B-LOC" and tagged["ديرالزور"] == "B-LOC"
    assert tagged["فلان"] == "B-PERS" and tagged["الفلاني"] == "I-PERS"
    assert tagged["الرئيس"] == "B-PERS" and tagged["المصريه"] == "B-LOC"  # title and nisba: scheme "all"
    assert tagged["وقال"] == "O" and tagged["الحكومه"] == "O"
    names = {w: t for words, tags, _, _ in tt.gold_examples([("s/a1", text, items)], scheme="names")
             for w, t in zip(words, tags)}
    assert names["الرئيس"] == "O" and names["المصريه"] == "O" and names["السيسي"] == "I-PERS"
    # the rule tags are the matcher's codebook mentions (Egypt's capital at least)
    rules = {w: t for words, _, rt, _ in ex for w, t in zip(words, rt)}
    assert rules["القاهره"] != "O" and rules["وقال"] == "O"
