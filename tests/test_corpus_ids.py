"""Tests for analysis.corpus.CorpusIds: unique article ids (renamed ``x#2``, ``x#3`` … with a note naming the
earlier article's origin) and duplicate links (the first article with the same text key), settled in load
order by a compact index. Hash collisions are forced with tiny hash functions; a plain dict model (the
index this one replaced) is the reference on many random claims."""

from __future__ import annotations

import hashlib
import json
import random

import pandas as pd
import pytest

from analysis.corpus import CorpusIds, IdClaim, iter_corpus, load_corpus

RENAMED = "loaded with renamed article_id"


def key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def claim(path: str, record: int | None, text: str, article_id: str | None = None, note_at: int = 0) -> IdClaim:
    """A claim as the loader makes it: the default id ``<path>:<record>`` unless one is given."""
    default = path if record is None else f"{path}:{record}"
    origin = path if record is None else f"{path}#{record}"
    return IdClaim(article_id or default, origin, key(text), path, record, note_at)


def settle_all(ids: CorpusIds, claims: list[IdClaim], batch: int) -> tuple[list, list, list]:
    """Every claim's final id and duplicate link, and every note's (path, record, detail)."""
    out_ids, out_dups, notes = [], [], []
    for i in range(0, len(claims), batch):
        s = ids.settle(claims[i : i + batch])
        out_ids += s.article_ids
        out_dups += s.duplicate_of
        notes += [(n.path, n.record, n.detail) for _, n in s.notes]
        assert all(n.reason == RENAMED for _, n in s.notes)
    return out_ids, out_dups, notes


def reference(claims: list[IdClaim]) -> tuple[list, list, list]:
    """The same, from two plain dicts (id → origin, text key → first id): what the index must equal."""
    used: dict[str, str] = {}
    first: dict[bytes, str] = {}
    out_ids, out_dups, notes = [], [], []
    for c in claims:
        article_id = c.article_id
        if article_id in used:
            n = 2
            while f"{article_id}#{n}" in used:
                n += 1
            new_id = f"{article_id}#{n}"
            detail = (
                f"article_id {article_id!r} is already used by {used[article_id]}; this record is loaded as {new_id!r}"
            )
            notes.append((c.path, c.record, detail))
            article_id = new_id
        used[article_id] = c.origin
        dup = first.setdefault(c.key, article_id)
        out_ids.append(article_id)
        out_dups.append(None if dup == article_id else dup)
    return out_ids, out_dups, notes


# hash functions: the default, one where every id collides, one with three values
HASHES = {"default": hash, "constant": lambda s: 7, "three": lambda s: len(s) % 3}


@pytest.mark.parametrize("hash_name", list(HASHES))
@pytest.mark.parametrize("min_recent", [1, 1 << 13])  # 1: every batch moves to the sorted arrays
def test_renames_notes_and_duplicates(hash_name, min_recent):
    claims = [
        claim("a.jsonl", 0, "أعلنت الوزارة", "n1"),
        claim("b.jsonl", 0, "قال الرئيس", "n1"),  # → n1#2
        claim("b.jsonl", 1, "أعلنت الوزارة", "n1#2"),  # n1#2 is taken now → n1#2#2, a duplicate of n1
        claim("c.jsonl", 0, "خبر آخر", "n1"),  # → n1#3
        claim("d.txt", None, "قال الرئيس"),  # default id d.txt, a duplicate of the renamed n1#2
        claim("e.jsonl", 3, "خبر ثالث", "d.txt"),  # → d.txt#2, naming d.txt's origin (the path alone)
    ]
    for batch in (1, 2, len(claims)):
        ids = CorpusIds(hash_id=HASHES[hash_name], min_recent=min_recent)
        got = settle_all(ids, claims, batch)
        assert got[0] == ["n1", "n1#2", "n1#2#2", "n1#3", "d.txt", "d.txt#2"]
        assert got[1] == [None, None, "n1", None, "n1#2", None]
        assert got[2] == [
            ("b.jsonl", 0, "article_id 'n1' is already used by a.jsonl#0; this record is loaded as 'n1#2'"),
            ("b.jsonl", 1, "article_id 'n1#2' is already used by b.jsonl#0; this record is loaded as 'n1#2#2'"),
            ("c.jsonl", 0, "article_id 'n1' is already used by a.jsonl#0; this record is loaded as 'n1#3'"),
            ("e.jsonl", 3, "article_id 'd.txt' is already used by d.txt; this record is loaded as 'd.txt#2'"),
        ]
        assert got == reference(claims)
        assert len(ids) == len(claims)


def test_a_hash_collision_is_no_rename_and_equal_hashes_of_texts_no_duplicate():
    ids = CorpusIds(hash_id=lambda s: 0, min_recent=1)
    first = ids.settle([claim("a.jsonl", i, f"نص {i}") for i in range(50)])
    assert first.notes == () and set(first.duplicate_of) == {None}
    # every id hashes alike; none is taken, so none is renamed; the texts differ, so no duplicate
    later = ids.settle([claim("a.jsonl", i, f"نص آخر {i}") for i in range(50, 60)])
    assert later.article_ids == tuple(f"a.jsonl:{i}" for i in range(50, 60))
    assert later.notes == () and set(later.duplicate_of) == {None}
    # text keys that share their first 8 bytes are still different texts
    k1, k2 = b"\x01" * 8 + b"\x02" * 8, b"\x01" * 8 + b"\x03" * 8
    s = ids.settle([IdClaim("k1", "x#0", k1, "x", 0, 0)])
    s = ids.settle([IdClaim("k2", "x#1", k2, "x", 1, 0), IdClaim("k3", "x#2", k1, "x", 2, 0)])
    assert s.duplicate_of == (None, "k1")


def test_ids_are_kept_exactly_surrogates_and_unusual_origins_included():
    odd = "\ud83d\ude00-\udc80"  # two lone surrogates in a row and one alone (from a JSON \\u escape)
    claims = [
        IdClaim(odd, "somewhere else", key("أ"), "f.json", 0, 0),
        IdClaim("عربي", "f.json#1", key("ب"), "f.json", 1, 0),
        IdClaim(odd, "f.json#2", key("أ"), "f.json", 2, 0),
        IdClaim("عربي", "f.json#3", key("ب"), "f.json", 3, 0),
    ]
    ids = CorpusIds(min_recent=1)
    got = settle_all(ids, claims, 1)
    assert got == reference(claims)
    assert got[0][2] == odd + "#2" and got[1][2] == odd and "somewhere else" in got[2][0][2]


def test_a_key_of_another_size_is_refused():
    with pytest.raises(ValueError, match="16 bytes"):
        CorpusIds().settle([IdClaim("a", "a", b"short", "a", None, 0)])


@pytest.mark.parametrize("hash_name", list(HASHES))
def test_many_random_claims_match_the_plain_dict_model(hash_name):
    rnd = random.Random(hash_name)
    n = 30_000 if hash_name == "default" else 1_500  # colliding hashes are slow by design
    files = [f"d{i}/f{j}.jsonl" for i in range(3) for j in range(4)]
    next_record = dict.fromkeys(files, 0)
    given = ["x", "x#2", "x#3", "y", "y#2#2", "d0/f0.jsonl:1", "t7.txt", "t7.txt#2"]
    claims = []
    for _ in range(n):
        if rnd.random() < 0.2:  # a one-article file; some names come back
            path, record = f"t{rnd.randrange(10 * n)}.txt", None
        else:  # a record of a file; a few records come back (the same default id)
            path = rnd.choice(files)
            record = next_record[path] if rnd.random() < 0.97 else rnd.randrange(next_record[path] + 1)
            next_record[path] += 1
        article_id = rnd.choice(given) if rnd.random() < 0.02 else None
        claims.append(claim(path, record, f"نص {rnd.randrange(n // 2)}", article_id))
    want = reference(claims)
    assert n // 100 < len(want[2]) < n // 4 and sum(d is not None for d in want[1]) > n // 10  # renames, duplicates
    for min_recent, batch in ((1, 37), (64, 500), (1 << 13, 500)):
        ids = CorpusIds(hash_id=HASHES[hash_name], min_recent=min_recent)
        assert settle_all(ids, claims, batch) == want


def test_the_loader_renames_across_chunks_with_the_notes_in_place(tmp_path):
    """Chunks of 2 settle in many batches; the result equals one chunk's, notes in the same places."""
    for f in range(3):
        lines = [{"id": "n", "text": f"خبر {f}"}, {"title": "بلا نص"}, {"text": "خبر مكرر"}, {"id": "n#2", "text": "ب"}]
        (tmp_path / f"f{f}.jsonl").write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8"
        )
    one = load_corpus(tmp_path, chunk_size=500)
    small = list(iter_corpus(tmp_path, chunk_size=2))
    assert len(small) > 3
    assert one.articles["article_id"].tolist() == [
        "n",
        "f0.jsonl:2",
        "n#2",
        "n#3",
        "f1.jsonl:2",
        "n#2#2",
        "n#4",
        "f2.jsonl:2",
        "n#2#3",
    ]
    assert one.articles["duplicate_of"].fillna("-").tolist()[4:8] == ["f0.jsonl:2", "n#2", "-", "f0.jsonl:2"]
    reasons = [(p, r, why) for p, r, why in one.skipped[["path", "record", "reason"]].itertuples(index=False)]
    assert reasons[:4] == [
        ("f0.jsonl", 1, "no text field"),
        ("f1.jsonl", 0, RENAMED),
        ("f1.jsonl", 1, "no text field"),
        ("f1.jsonl", 3, RENAMED),
    ]
    pd.testing.assert_frame_equal(pd.concat([c.articles for c in small], ignore_index=True), one.articles)
    pd.testing.assert_frame_equal(pd.concat([c.skipped for c in small], ignore_index=True), one.skipped)
