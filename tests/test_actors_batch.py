"""Tests for the matching machinery of analysis.actors.matcher that speed work changed: the batch tokenisation of
many fields at once, the cue positions of rule `market` and the typed columns of the mentions table. Each fast
path is compared with the plain computation it replaces, on random strings (fixed seeds) and small fixtures."""
from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd

from analysis.actors.fields import _batch_fields, _Field, _market_cue_re, _market_cues, _QUOTE_RE
from analysis.actors.matcher import _string_array
from analysis.actors.persons import _quoted_spans
from analysis.normalize import normalize_for_matching

# letters with and without proclitics, a diacritic, a tatweel, digits, punctuation, quote marks, spaces and breaks
_PIECES = ["و", "ب", "ال", "لل", "سهم", "مصر", "قال", "مؤشر", "العام", "تداول", "سوق", "ًّ", "ـ", "12", "٣", " ", " ", " ",
           "  ", "،", ".", "\n", "«", "»", "\"", "“", "”", "-", "_", "\u00a0", "\t", "A", "b"]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(n))


def _reference_tokens(text: str) -> tuple[list[int], list[int], list[bool], list[bool]]:
    """Token starts and ends in the normalised text (runs of word characters, _ excluded) and whether each token
    follows the previous one with only spaces between (without and with quote marks allowed). A tatweel standing
    between spaces is a dash (nineteenth session), not a deleted mark."""
    text = re.sub("(?<!\\S)\u0640+(?!\\S)", lambda mt: "-" * len(mt.group()), text)
    norm = normalize_for_matching(text).norm
    spans = [m.span() for m in re.finditer(r"[^\W_]+", norm)]
    adj, adjq = [], []
    for k, (a, _b) in enumerate(spans):
        gap = norm[spans[k - 1][1] : a] if k else None
        adj.append(gap is not None and all(c in " \u00a0\t" for c in gap))
        adjq.append(gap is not None and all(c in " \u00a0\t\"“”«»" for c in gap))
    return [a for a, _ in spans], [b for _, b in spans], adj, adjq


def test_batch_tokens_equal_those_of_each_field_alone():
    rng = random.Random(7)
    for _ in range(20):
        texts = [_random_text(rng, rng.choice([0, 1, 3, 40])) for _ in range(rng.randint(1, 12))]
        texts = [t for t in texts if t] or ["مصر"]
        fields, _hits = _batch_fields(texts)
        for text, f in zip(texts, fields):
            starts, ends, adj, adjq = _reference_tokens(text)
            assert (f.starts, f.ends) == (starts, ends), text
            assert [f.adjacent(i) for i in range(len(starts))] == adj, text
            assert [f.adjacent(i, quotes=True) for i in range(len(starts))] == adjq, text
            assert [f.tok_index(a) for a in starts] == list(range(len(starts))), text



def test_batch_normalisation_equals_that_of_each_field_alone():
    """_batch_fields normalises a batch with one table lookup per character (_batch_table): each field's text and
    offset map are those of normalize_for_matching (alef forms, ى، ة، Arabic-Indic digits, marks and format
    characters deleted, a character above the Basic Multilingual Plane)."""
    pieces = _PIECES + ["أ", "إ", "آ", "ى", "ة", "\u200f", "\u200c", "\ufeff", "\u0670", "۵", "\U0001F600", "é"]
    rng = random.Random(3)
    for _ in range(200):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.choice([1, 5, 40, 200]))) for _ in range(rng.randint(1, 6))]
        texts = [t.replace("\u0640", "") for t in texts]  # (a lone tatweel is a dash in a batch: not compared here)
        fields, _hits = _batch_fields(texts)
        for text, f in zip(texts, fields):
            want = normalize_for_matching(text)
            assert f.norm == want.norm, text
            assert [f.span_in_original(a, a + 1) for a in range(len(f.norm))] == [
                want.span_in_original(a, a + 1) for a in range(len(want.norm))], text


def test_batch_of_fields_with_empty_ones():
    fields, hits = _batch_fields(["", "قال محمد", "", "مصر"])
    assert [(f.starts, f.ends) for f in fields] == [([], []), ([0, 4], [3, 8]), ([], []), ([0], [3])]
    assert _batch_fields([]) == ([], [])


class _F:
    """The parts of a field that _market_cues reads: its text as given, its tokens and the field's candidate search."""

    token_starts_of = _Field.token_starts_of

    def __init__(self, x: str):
        self.x = x
        fields, _ = _batch_fields([x])
        self.starts = fields[0].starts
        self.tok_index = fields[0].tok_index
        self._tok_at = fields[0]._tok_at


def test_market_cues_are_where_the_regex_finds_them():
    cues = frozenset(["سهم", "تداول", "مؤشر تداول", "مؤشر العام", "سوق الاسهم", "اسهم"])
    words = ["سهم", "تداول", "مؤشر", "العام", "الاسهم", "اسهم", "سوق", "قال", "مصر", "سهمي", "وسهم", "بالسهم", "للتداول",
             "فبالتداول", "كاسهم", "والمؤشر", "مؤشرتداول"]
    pattern = _market_cue_re(cues)
    rng = random.Random(11)
    for _ in range(300):
        x = "".join(rng.choice(words) + rng.choice([" ", "  "]) for _ in range(rng.randint(1, 14))).strip()
        assert _market_cues(_F(x), cues) == [mt.start() for mt in pattern.finditer(x)], x


def test_quoted_spans_are_those_the_regex_finds():
    pieces = ["«", "»", "\"", "“", "”", " ", " ", "\n", "مصر", "خالد فوزي", "الوطن", "و", "x" * 30]
    rng = random.Random(5)
    for _ in range(500):
        norm = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert [q.span() for q in _quoted_spans(norm)] == [q.span() for q in _QUOTE_RE.finditer(norm)], norm


def test_market_cue_inside_a_longer_cue_counts_once():
    x = "ارتفع مؤشر تداول اليوم وسهم الشركة"
    assert _market_cues(_F(x), frozenset(["مؤشر تداول", "تداول", "سهم"])) == [x.index("مؤشر"), x.index("وسهم")]


def test_string_columns_equal_pandas_conversion():
    values = ("مصر", None, float("nan"), pd.NA, "", "country:eg")
    fast = _string_array(values, "string")
    ref = pd.array(values, dtype="string")
    assert fast.dtype == ref.dtype
    pd.testing.assert_extension_array_equal(fast, ref)
    pd.testing.assert_extension_array_equal(_string_array((1, "a"), "string"), pd.array((1, "a"), dtype="string"))
    assert np.array_equal(_string_array(("a",), "object"), pd.array(("a",), dtype="object"))
