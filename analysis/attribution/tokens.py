"""The attribution extractor's tokens, for many texts at once.

A token is a run of letters, a number (digits, with ``.`` or ``,`` between digits: 3.5, 1,200) or one
punctuation mark; spaces and ``_`` separate tokens (:data:`TOKEN_RE`). :func:`token_offsets` finds the same
tokens as ``TOKEN_RE.finditer`` with numpy, over the concatenation of a chunk's texts: one pass for all of
them instead of one regex pass per sentence (the regex engine costs about 50 ns a character; this, a few).

>>> list(token_offsets(["قال د. محمد: 3.5%", "a_b"]))
[([0, 4, 5, 7, 11, 13, 16], [3, 5, 6, 11, 12, 16, 17]), ([0, 2], [1, 3])]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

import numpy as np

TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]")

# character classes (int8 codes)
LETTER, DIGIT, GAP, MARK = 0, 1, 2, 3
_LETTER_RE, _DIGIT_RE, _GAP_RE = re.compile(r"[^\W\d_]"), re.compile(r"\d"), re.compile(r"[\s_]")


def _class_of(ch: str) -> int:
    """The class of one character, read off the same regex classes as :data:`TOKEN_RE`."""
    if _LETTER_RE.match(ch):
        return LETTER
    if _DIGIT_RE.match(ch):
        return DIGIT
    return GAP if _GAP_RE.match(ch) else MARK


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """The class of every character of the Basic Multilingual Plane (built on first use, ~50 ms)."""
    return np.array([_class_of(chr(c)) for c in range(0x10000)], dtype=np.int8)


def token_offsets(texts: list[str]) -> Iterator[tuple[list[int], list[int]]]:
    """``(starts, ends)`` of the tokens of every text, in order: the spans of ``TOKEN_RE.finditer(text)``, as
    two lists. The offsets of all texts are found at once; each text's lists are made when it is reached (a
    chunk's worth of Python lists alive at once would slow every pass of the garbage collector)."""
    if not texts:
        return
    cls = _classes("\n".join(texts))  # a gap between texts: no token crosses it
    word = cls != GAP
    mark = cls == MARK  # a punctuation mark is a token of its own
    change = np.ones(len(cls) + 1, dtype=bool)  # change[i]: characters i-1 and i differ in class (true at both ends)
    np.not_equal(cls[1:], cls[:-1], out=change[1:-1])
    starts = np.flatnonzero(word & (mark | change[:-1]))
    ends = np.flatnonzero(word & (mark | change[1:])) + 1
    del cls, word, mark, change
    # back to each text's own offsets
    text_start = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    bounds = np.searchsorted(starts, text_start).tolist() + [len(starts)]
    shift = np.repeat(text_start, np.diff(bounds))
    starts -= shift
    ends -= shift
    del shift
    for a, b in pairwise(bounds):
        yield starts[a:b].tolist(), ends[a:b].tolist()


def _classes(text: str) -> np.ndarray:
    """The class of every character of ``text`` (int8), with a . or , between two digits counted as a digit
    (it belongs to the number)."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = _class_table()[np.minimum(cp, 0xFFFF)]
    astral = np.flatnonzero(cp > 0xFFFF)  # rare (emoji): classified one by one
    if len(astral):
        cls[astral] = [_class_of(chr(c)) for c in cp[astral].tolist()]
    if len(cp) > 2:
        sep = (cp[1:-1] == 0x2E) | (cp[1:-1] == 0x2C)
        cls[np.flatnonzero(sep & (cls[:-2] == DIGIT) & (cls[2:] == DIGIT)) + 1] = DIGIT
    return cls
