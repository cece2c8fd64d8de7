"""Tests for analysis.actors.tagger: the vectorised decoder gives exactly the reference's tags."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.actors import extract_mentions
from analysis.actors import tagger as tg
from analysis.actors.rules import load_rules
from analysis.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
ANER_TRAIN = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_train_first125305.txt"


def recorded_inputs(articles: pd.DataFrame, monkeypatch) -> list[tuple]:
    """(words, rule tags, gaps) of every field the matcher hands to the tagger (in batches: cut into fields)."""
    calls = []

    def record(model, words, lengths, rule_tags, rules, gaps=None):
        a = 0
        for n in lengths:
            if n:
                calls.append((words[a : a + n], rule_tags[a : a + n], None if gaps is None else gaps[a : a + n]))
            a += n
        return real(model, words, lengths, rule_tags, rules, gaps)

    real = tg.tag_concat
    monkeypatch.setattr(tg, "tag_concat", record)
    extract_mentions(articles, tagger=True)
    monkeypatch.undo()
    assert calls
    return calls


def assert_same_tags(calls: list[tuple], model=None) -> int:
    model = model or tg.load_tagger()
    rules = load_rules()
    fast = tg.FastTagger(model, rules)
    names = 0
    for words, rule_tags, gaps in calls:
        want = tg.tag_words_reference(model, words, rule_tags, rules, gaps)
        assert fast.tag(words, rule_tags, gaps) == want
        names += sum(t != "O" for t in want)
    return names


def test_fast_tagger_equals_reference_on_saudinewsnet_sample(monkeypatch):
    arts = load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(120)
    assert tg.FastTagger(tg.load_tagger(), load_rules()).exact
    assert assert_same_tags(recorded_inputs(arts, monkeypatch)) > 100  # the check covers real names


@pytest.mark.skipif(not ANER_TRAIN.is_file(), reason="ANERcorp training split not available")
def test_fast_tagger_equals_reference_on_anercorp_training_text(monkeypatch):
    toks = [ln.rpartition(" ")[0].strip() for ln in ANER_TRAIN.read_text(encoding="utf-8").splitlines()[:30000]]
    text = " ".join(t for t in toks if t)
    docs = [text[k : k + 4000] for k in range(0, len(text), 4000)]
    arts = pd.DataFrame({"article_id": [f"d{i}" for i in range(len(docs))], "text": docs})
    assert assert_same_tags(recorded_inputs(arts, monkeypatch)) > 500


def tiny_model(weights: dict) -> tg.Perceptron:
    return tg.Perceptron(weights)


def test_integer_tie_is_decided_by_the_reference_float_sums():
    # O = 0.3; B-PERS = 0.1 + 0.2 = 0.30000000000000004 in floats: equal in exact arithmetic, where the O
    # preference would win, but the reference picks B-PERS
    model = tiny_model({"b": {"O": 0.3}, "w=زيد": {"B-PERS": 0.1}, "s=زيد": {"B-PERS": 0.2}})
    rules = load_rules()
    words, rt, gaps = ["قال", "زيد", "امس"], ["O"] * 3, ["^", "_", "_"]
    want = tg.tag_words_reference(model, words, rt, rules, gaps)
    assert want == ["O", "B-PERS", "O"]
    assert tg.FastTagger(model, rules).tag(words, rt, gaps) == want


def test_repair_and_previous_tag_follow_the_reference():
    model = tiny_model({
        "w=عمر": {"I-PERS": 1.0},  # I- at the start is repaired to B-
        "w=سالم": {"I-PERS": 0.5, "B-LOC": 0.4},
        "prev=B-PERS": {"I-PERS": 0.2},
        "prev=I-PERS": {"B-LOC": 0.35},
        "p1=سالم": {"I-LOC": 2.0},
        "n1s=عمر": {"O": -0.1},
        "rp=B-PERS": {"I-ORG": 0.7},
    })
    rules = load_rules()
    for words, rt in ((["عمر", "سالم", "جاء"], ["O", "O", "O"]), (["عمر", "سالم", "وعمر", "سالم"], ["B-PERS", "I-PERS", "O", "O"])):
        want = tg.tag_words_reference(model, words, rt, rules)
        assert tg.FastTagger(model, rules).tag(words, rt) == want
    assert tg.tag_words_reference(model, ["عمر", "سالم"], ["O", "O"], rules) == ["B-PERS", "I-PERS"]


def test_weights_off_the_grid_and_a_tiny_cache_still_give_the_reference(monkeypatch):
    calls = recorded_inputs(load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(10), monkeypatch)
    rules = load_rules()
    off = tiny_model({"w=" + calls[0][0][0]: {"B-ORG": 0.12345}, "b": {"O": 0.1}})
    assert not tg.FastTagger(off, rules).exact
    assert [tg.FastTagger(off, rules).tag(*c) for c in calls[:3]] == [tg.tag_words_reference(off, c[0], c[1], rules, c[2]) for c in calls[:3]]
    small = tg.FastTagger(tg.load_tagger(), rules, max_words=50)  # the word cache starts afresh many times
    model = tg.load_tagger()
    assert [small.tag(*c) for c in calls] == [tg.tag_words_reference(model, c[0], c[1], rules, c[2]) for c in calls]


def test_spans_from_tags():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O", "B-ORG", "O", "I-ORG"]
    assert tg.spans_from_tags(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"), (8, 9, "ORG"), (10, 11, "ORG")]
    assert tg.spans_from_tags([]) == [] and tg.spans_from_tags(["O"]) == []


def test_batched_tagging_equals_per_field_tagging_on_random_sequences():
    # random sequences of a small vocabulary (many ties of neighbours across sequences), empty and one-token
    # sequences among them: tag_concat of the concatenation == tag of each sequence == the reference
    import random

    rng = random.Random(7)
    rules = load_rules()
    model = tg.load_tagger()
    vocab = ["محمد", "علي", "الرياض", "وزير", "قال", "في", "السعودية", "مصر", "الامم", "المتحده", "رويترز", "و", "بن"]
    rtags = ["O", "O", "O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "I-ORG", "B-NIS", "B-TIT"]
    gapv = ["_", "_", "_", "،", ".", "«", ":"]
    for _ in range(20):
        lens = [rng.choice([0, 0, 1, 1, 2, 3, 7, 15]) for _ in range(rng.randint(1, 12))]
        seqs = []
        for n in lens:
            gaps = ["^"] + [rng.choice(gapv) for _ in range(n - 1)]
            seqs.append(([rng.choice(vocab) for _ in range(n)], [rng.choice(rtags) for _ in range(n)], gaps[:n]))
        fast = tg.FastTagger(model, rules)
        got = fast.tag_concat([w for s in seqs for w in s[0]], lens, [r for s in seqs for r in s[1]], [g for s in seqs for g in s[2]])
        want = [t for s in seqs for t in tg.tag_words_reference(model, *s[:2], rules, s[2])]
        assert [tg.TAGS[k] for k in got] == want
        assert [t for s in seqs for t in fast.tag(*s)] == want
    assert tg.FastTagger(model, rules).tag_concat([], [0, 0], [], []).tolist() == []
    with pytest.raises(ValueError):
        tg.FastTagger(model, rules).tag_concat(["قال"], [2], ["O"], ["^"])


def test_batched_tagging_decides_ties_and_off_grid_weights_like_the_reference():
    rules = load_rules()
    tie = tiny_model({"b": {"O": 0.3}, "w=زيد": {"B-PERS": 0.1}, "s=زيد": {"B-PERS": 0.2}, "prev=B-PERS": {"I-PERS": 0.5}})
    off = tiny_model({"w=زيد": {"B-ORG": 0.12345}, "b": {"O": 0.1}})
    words = ["زيد", "زيد", "قال", "زيد", "زيد"]
    for model in (tie, off):
        for lens in ([5], [2, 3], [1, 0, 1, 3], [1, 1, 1, 1, 1]):
            want, a = [], 0
            for n in lens:
                want += tg.tag_words_reference(model, words[a : a + n], ["O"] * n, rules, (["^"] + ["_"] * 4)[:n])
                a += n
            gaps = [g for n in lens for g in (["^"] + ["_"] * 4)[:n]]
            got = tg.FastTagger(model, rules).tag_concat(words, lens, ["O"] * 5, gaps)
            assert [tg.TAGS[k] for k in got] == want
            if model is tie:  # the reference's float sums chose B-PERS over O (an exact tie) at each start
                assert want[0] == "B-PERS" and "O" in want


def test_batched_mentions_equal_the_per_field_mentions(monkeypatch):
    from analysis.actors import matcher

    arts = load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(150)
    arts = pd.concat([arts, pd.DataFrame({"article_id": ["e1", "e2"], "title": ["«»", "زيد"], "text": ["...", "قال محمد"]})],
                     ignore_index=True)
    new = extract_mentions(arts, tagger=True)
    monkeypatch.setattr(matcher, "_add_tagger_mentions",
                        lambda fields, mss: [matcher._add_tagger_mentions_one(f, ms) for f, ms in zip(fields, mss)])
    old = extract_mentions(arts, tagger=True)
    assert (new["match_kind"] == "discovered").sum() > (extract_mentions(arts)["match_kind"] == "discovered").sum()
    pd.testing.assert_frame_equal(new, old)


def test_integer_scores_are_the_reference_feature_sums():
    # the word rows (built column by column) plus the rule-tag and gap rows equal the reference's float sums
    # of token_features, token by token (words with clitics, Latin, titles, given names, short words)
    model, rules = tg.load_tagger(), load_rules()
    words = ["قال", "الرئيس", "محمد", "بن", "سلمان", "ولي", "العهد", "لوكالة", "رويترز", "Reuters", "و", "بالرياض", "ان"]
    rt = ["O", "B-TIT", "B-PERS", "I-PERS", "I-PERS", "O", "O", "O", "B-ORG", "O", "O", "B-LOC", "O"]
    gaps = ["^", "_", "_", "_", "_", "،", "_", "_", "«", "(", "_", "_", "."]
    fast = tg.FastTagger(model, rules)
    got = fast.scores(words, rt, gaps) + fast.prev_rows[0]
    for i in range(len(words)):
        ref = model.scores(tg.token_features(words, i, rt, rules, gaps), "O")
        assert got[i].tolist() == [round(ref[t] * 1000) for t in tg.TAGS]
    assert got.any()


GAP_TEXT = ("وقال المدرب فيم دويسنبرج إن فريقه جاهز للمباراة. وزار الوفد قرية الحصينات في وادي الدواسر، "
            "والتقى رئيس جمعية البر الخيرية سعد الدوسري. وقال الرئيس المصري عبد الفتاح السيسي إن القاهرة ترحب. "
            "وكرر بوش القول ان هدف الولايات المتحدة هو تغيير النظام في العراق.")


def _spans(m):
    return set(zip(m["start"], m["end"], m["actor_id"], m["match_kind"]))


def test_gap_filler_never_touches_the_rules_mentions():
    """In gap-filler mode every mention of the plain matcher is kept as it is (discovered names included) and
    each added name overlaps none of them; an unreachable margin adds nothing."""
    arts = pd.DataFrame({"article_id": ["a"], "text": [GAP_TEXT]})
    base = extract_mentions(arts)
    assert extract_mentions(arts, tagger=True, tagger_margin=1e9).equals(base)
    m = extract_mentions(arts, tagger=True, tagger_margin=-1e9)
    assert _spans(base) <= _spans(m)
    added = m[~m.set_index(["start", "end", "actor_id", "match_kind"]).index.isin(
        base.set_index(["start", "end", "actor_id", "match_kind"]).index)]
    assert len(added) and set(added["match_kind"]) == {"discovered"}  # بوش: no rule finds it
    for r in added.itertuples():
        assert GAP_TEXT[r.start : r.end] == r.surface
        assert not ((base["start"] < r.end) & (base["end"] > r.start)).any()
    # a margin in between keeps a subset of the names added at -inf
    mid = extract_mentions(arts, tagger=True, tagger_margin=0.0)
    assert _spans(base) <= _spans(mid) <= _spans(m)


def test_load_tagger_reads_a_model_by_path_with_its_metadata(tmp_path):
    import gzip
    import json

    p = tmp_path / "m.json.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        json.dump({"meta": {"gap_margin": 2.5}, "weights": {"b": {"O": 1.0}}}, fh)
    model = tg.load_tagger(str(p))
    assert model.meta["gap_margin"] == 2.5 and model.w == {"b": {"O": 1.0}}
    # a model that says O everywhere adds nothing, in gap-filler mode by its own metadata
    arts = pd.DataFrame({"article_id": ["a"], "text": [GAP_TEXT]})
    assert extract_mentions(arts, tagger=str(p)).equals(extract_mentions(arts))


def test_cli_tagger_model_and_margin_reach_the_settings():
    from analysis.cli import _settings, build_parser

    s = _settings(build_parser().parse_args(["extract", "corpus.jsonl", "--tagger-model", "m.json.gz", "--tagger-margin", "2"]))
    assert s.tagger == "m.json.gz" and s.tagger_margin == 2.0
    s = _settings(build_parser().parse_args(["extract", "corpus.jsonl", "--tagger"]))
    assert s.tagger is True and s.tagger_margin is None
    # twenty-fifth session: the default is the gap filler; --no-gap-filler gives the rules alone
    from analysis.config import GAP_FILLER, Settings

    assert Settings().tagger == GAP_FILLER
    assert _settings(build_parser().parse_args(["extract", "corpus.jsonl"])).tagger == GAP_FILLER
    assert _settings(build_parser().parse_args(["extract", "corpus.jsonl", "--no-gap-filler"])).tagger is False


def test_the_default_gap_filler_was_trained_on_no_held_out_set():
    """The shipped gap filler's metadata names the blind sets it was trained on: exactly those of
    analysis/resources/tagger/gap_training_sets.txt, none of them sealed (data/eval/blind_sets/sealed.txt: the sets of
    the held-out figures); it is a gap filler by its metadata (margin 0)."""
    import re

    from analysis.config import GAP_FILLER

    model = tg.load_tagger(GAP_FILLER)
    assert model.meta["gap_margin"] == 0.0
    trained = set(re.findall(r"set\d+", model.meta["gold"]))
    listed = ROOT / "analysis" / "resources" / "tagger" / "gap_training_sets.txt"
    assert trained == {ln for ln in listed.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")}
    sealed = (ROOT / "data" / "eval" / "blind_sets" / "sealed.txt").read_text(encoding="utf-8").split()
    assert len(trained) == 447 and not trained & set(sealed)


def test_the_default_configuration_fills_gaps_the_rules_leave():
    """extract's default configuration (Settings()) adds the gap filler's names where no rule mention is (بنك الإسكان,
    ممشى الضباب: no rule finds them; match_kind "discovered", subtype "tagger") and keeps every rule mention as it is;
    Settings(tagger=False) is the rules alone."""
    from analysis.config import Settings
    from analysis.pipeline import extract_chunk

    text = "وأعلن بنك الإسكان عن خطة جديدة. وتجول الزوار في ممشى الضباب مساء أمس مع الأمير خالد الفيصل."
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text], "published": [pd.Timestamp("2015-07-20")]})
    rules = extract_chunk(arts, Settings(tagger=False, stages=("mentions",)))["mentions"]
    full = extract_chunk(arts, Settings(stages=("mentions",)))["mentions"]
    assert {"بنك الإسكان", "ممشى الضباب"} <= set(full["surface"]) and not {"بنك الإسكان", "ممشى الضباب"} & set(rules["surface"])
    key = ["field", "start", "end", "actor_id", "match_kind"]
    assert set(map(tuple, rules[key].values)) <= set(map(tuple, full[key].values))
    added = full.loc[~full["surface"].isin(rules["surface"])]
    assert set(added["match_kind"]) == {"discovered"} and set(added["subtype"]) == {"tagger"}, added
    assert "tagger" not in set(rules["subtype"].dropna())  # the rules' own discoveries have no subtype


def test_word_cluster_experiment_script_clusters_and_keys():
    """scripts/build_word_clusters.py (the gap filler's word clusters): spherical k-means
    puts rows of two directions into two clusters, and words are keyed without clitics as the tagger keys them."""
    import numpy as np

    from repo_scripts import load_script

    wc = load_script("build_word_clusters")
    x = np.array([[1, 0], [0.99, 0.1], [0.98, -0.1], [0, 1], [0.1, 0.99], [-0.1, 0.98]], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    lab = wc.spherical_kmeans(x, 2, seed=0)
    assert len(set(lab[:3])) == 1 and len(set(lab[3:])) == 1 and lab[0] != lab[3], lab
    assert wc.keys_of("وقال محمد بالرياض", {}) == ["قال", "محمد", "رياض"]


def test_tag_concat_margins_are_the_reference_margins(monkeypatch):
    # each named token's integer margin is the reference's float score of its tag minus O's (after the tag decoded
    # before it) times 1000; O tokens get 0
    calls = recorded_inputs(load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(40), monkeypatch)
    model, rules = tg.load_tagger(), load_rules()
    words = [w for c in calls for w in c[0]]
    codes, marg = tg.FastTagger(model, rules).tag_concat(words, [len(c[0]) for c in calls], [r for c in calls for r in c[1]],
                                                         [g for c in calls for g in c[2]], margins=True)
    a, named = 0, 0
    for w, rt, gaps in calls:
        tags = tg.tag_words_reference(model, w, rt, rules, gaps)
        assert [tg.TAGS[k] for k in codes[a : a + len(w)]] == tags
        for i, t in enumerate(tags):
            if t == "O":
                assert marg[a + i] == 0
                continue
            sc = model.scores(tg.token_features(w, i, rt, rules, gaps), tags[i - 1] if i else "O")
            assert abs(marg[a + i] / 1000 - (sc[t] - sc["O"])) < 1e-9
            named += 1
        a += len(w)
    assert named > 20
    off = tiny_model({"w=زيد": {"B-ORG": 0.12345}})  # weights off the grid: no integer margins
    assert tg.FastTagger(off, rules).tag_concat(["زيد"], [1], ["O"], ["^"], margins=True)[1] is None


def test_sure_margins_leave_the_near_ties_to_the_reference():
    sure, fails = tg.sure_margins([-3, -1, 0, 1, 5], 0.0)
    assert sure.tolist() == [False, False, False, True, True] and fails.tolist() == [True, True, False, False, False]
    sure, fails = tg.sure_margins([0, 1, 2], 0.001)  # 1 is 0.001 up to rounding: the reference decides
    assert sure.tolist() == [False, False, True] and fails.tolist() == [True, False, False]


def test_gap_filler_margins_decide_as_the_reference_scores(monkeypatch):
    # the integer margins add exactly the names that the reference's float margins (_span_margin for every
    # name) add
    from analysis.config import GAP_FILLER

    arts = load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(150)
    fast = extract_mentions(arts, tagger=GAP_FILLER)
    monkeypatch.setattr(tg, "sure_margins", lambda least, margin: (np.zeros(len(least), bool), np.zeros(len(least), bool)))
    slow = extract_mentions(arts, tagger=GAP_FILLER)
    assert (slow["subtype"] == "tagger").sum() > 10  # the check covers the gap filler's names
    pd.testing.assert_frame_equal(fast, slow)


def test_word_cluster_features_follow_the_reference():
    """A model with word clusters (Perceptron.clusters): the clitic-stripped word's cluster at each granularity is a
    feature ("c1=", "c2=", "c3="; "?" for a word without a cluster), and the middle one of the words before and after
    ("pc2=", "nc2="), the same in the reference's feature strings and in the vectorised decoder."""
    model = tiny_model({"c2=17": {"B-PERS": 1.0}, "c3=?": {"O": 0.2}, "c1=4": {"B-LOC": 0.7}, "nc2=9": {"B-ORG": 0.3}})
    model.clusters = {"زيد": ("1", "17", "5"), "رياض": ("4", "9", "3")}
    rules = load_rules()
    words, rt, gaps = ["قال", "وزيد", "في", "الرياض", "زيد"], ["O"] * 5, ["^", "_", "_", "_", "_"]
    feats = tg.token_features(words, 1, rt, rules, gaps, model.clusters)
    assert {"c1=1", "c2=17", "c3=5"} <= set(feats) and "c1=?" in tg.token_features(words, 0, rt, rules, gaps, model.clusters)
    assert not any(f.startswith("c1=") for f in tg.token_features(words, 1, rt, rules, gaps))  # a model without clusters
    want = tg.tag_words_reference(model, words, rt, rules, gaps)
    assert want == ["O", "B-PERS", "B-ORG", "B-LOC", "B-PERS"]  # في: the next word's middle cluster (nc2=9)
    assert tg.FastTagger(model, rules).tag(words, rt, gaps) == want
    assert tg.tag_words_reference(tiny_model(model.w), words, rt, rules, gaps) == ["O"] * 5  # the same weights, no clusters
    with pytest.raises(FileNotFoundError, match="build_word_clusters.py"):
        tg.Perceptron({}, {"clusters": "/nonexistent/clusters.tsv.gz"})


def test_the_default_gap_filler_uses_the_shipped_word_clusters(monkeypatch):
    """The gap filler's metadata names the word-cluster file shipped beside it; its fast tags equal the reference's
    (cluster features included) on SaudiNewsNet text."""
    from analysis.config import GAP_FILLER

    model = tg.load_tagger(GAP_FILLER)
    assert model.meta["clusters"] == tg.CLUSTERS_FILE and (ROOT / "analysis" / "resources" / "tagger" / tg.CLUSTERS_FILE).is_file()
    assert len(model.clusters) > 50_000 and model.clusters["رياض"] != model.clusters["قال"]
    assert sum(ft.startswith(("c1=", "c2=", "c3=")) for ft in model.w) > 500  # the model learnt from them
    calls = recorded_inputs(load_corpus(ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").articles.head(60), monkeypatch)
    assert assert_same_tags(calls, model) > 50


def test_word_clusters_never_see_the_sealed_sets(tmp_path):
    """build_word_clusters.py leaves out every article of a sealed blind set (by URL, and any record with the same
    text) from the unlabelled text it clusters."""
    import json
    import zipfile

    from repo_scripts import load_script

    wc = load_script("build_word_clusters")
    sets = tmp_path / "sets"
    (sets / "set9").mkdir(parents=True)
    (sets / "sealed.txt").write_text("# comment\nset9\nset9b\n", encoding="utf-8")  # set9b: a second annotation
    (sets / "set9" / "refs.jsonl").write_text(json.dumps({"gold_id": "b9_00", "url": "u2"}) + "\n", encoding="utf-8")
    recs = [{"url": "u1", "title": "أ", "content": "نص أول"}, {"url": "u2", "title": "ب", "content": "نص مختوم"},
            {"url": "u3", "title": "ج", "content": "نص مختوم"}, {"url": "u4", "title": "د", "content": "نص أول"}]
    with zipfile.ZipFile(tmp_path / "2015-07-01.zip", "w") as zf:
        zf.writestr("2015-07-01.json", json.dumps(recs, ensure_ascii=False))
    assert wc.sealed_urls(sets) == {"u2"}
    assert list(wc.texts(tmp_path, None, wc.sealed_urls(sets))) == ["أ\nنص أول"]
    assert len(list(wc.texts(tmp_path, None))) == 2


def test_the_gap_filler_leaves_out_a_generic_noun_and_adjective():
    """Forty-sixth session (``matcher._generic_phrase``): an organisation of the gap filler that is an indefinite head
    and an indefinite adjective the news also writes with the article is a common noun phrase (جمعية عمومية، طيران
    دولية); a name in ى, a given name or a definite head are not read so."""
    from analysis.actors.matcher import _generic_phrase
    from analysis.config import GAP_FILLER
    from one_article import found_in
    rules = load_rules()
    for nm in ("جمعيه عموميه", "مجلس بلدي", "طيران دوليه", "منظمه ارهابيه", "وبنك تجاري"):
        assert _generic_phrase(nm, nm, rules), nm
    assert not _generic_phrase("مصيف سلمي", "مصيف سلمى", rules)
    assert not _generic_phrase("الجمعيه العموميه", "الجمعية العمومية", rules)
    assert not _generic_phrase("شركه ارامكو", "شركة أرامكو", rules)
    assert not _generic_phrase("جمعيه", "جمعية", rules)
    got = found_in("وأكد الاتحاد أن جمعية عمومية غير عادية ستعقد. لتصبح رابع شركة طيران دولية تشغل رحلات إلى المطار.",
                   "surface", tagger=GAP_FILLER)
    assert not [s for (s,) in got if "عمومية" in s or "دولية" in s], got


def test_the_gap_filler_names_no_list_and_no_vague_body():
    """Fifty-second session: the gap filler's name never runs over an Arabic comma (حزب معارض، المدني: two phrases),
    and an organisation that is a head and a vague adjective (والاتحاد المعني، ومعهد واحد) is a common noun phrase."""
    from analysis.actors.matcher import _generic_phrase
    from analysis.config import GAP_FILLER
    from one_article import found_in
    rules = load_rules()
    for nm in ("والاتحاد المعني", "ومعهد واحد", "الجهه المختصه"):
        assert _generic_phrase(nm, nm, rules), nm
    text = ("وأكد مسؤول في الحركة من أجل التضامن والتنمية وهي حزب معارض، المدني هو ديو نشيميريمانا. وافتتحت المؤسسة "
            "ومعهدين في المنطقة الشرقية، ومعهد واحد في الرياض، بالتنسيق بين اللجنة الأولمبية والاتحاد المعني.")
    got = [s for (s,) in found_in(text, "surface", tagger=GAP_FILLER)]
    assert not [s for s in got if "،" in s or "المعني" in s or "واحد" in s], got


def test_a_discovered_name_ends_before_a_word_in_the_accusative():
    """Forty-seventh session (``matcher._accusative_cut``): a discovered name, of the rules or of the gap filler, ends
    before its first word with the tanween of the accusative (مستنكراً، ابتهالاً: an adjective or adverb after the
    name); a name that starts with one is none (فارساً "a knight"), a given name in the accusative stays (محمداً)."""
    from analysis.config import GAP_FILLER
    from one_article import found_in
    text = ("وقال الشيخ عادل الكلباني مستنكراً ردة الفعل. وأنشد فهد الكبيسي ابتهالاً جميلا. "
            "لكنَّ فارساً مرتدياً حلةً من بياض التقطها. وأشهد أن محمداً رسول الله.")
    for opts in ({}, {"tagger": GAP_FILLER}):
        got = found_in(text, "surface", "actor_id", **opts)
        assert ("عادل الكلباني", "discovered:عادل_الكلباني") in got, got
        assert ("فهد الكبيسي", "discovered:فهد_الكبيسي") in got, got
        assert not [s for s, _ in got if "\u064b" in s and not s.startswith("محمد")], got
        assert [s for s, _ in got if s.startswith("محمداً")], got
