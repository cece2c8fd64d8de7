"""Tests for analysis.attribution.tokens: the batch tokenizer gives exactly the regex's tokens."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution.tokens import TOKEN_RE, token_offsets

#: letters, digits (ASCII and Arabic-Indic), the number separators, spaces, "_", punctuation, a combining mark,
#: a superscript digit (a letter for the regex), an emoji (outside the Basic Multilingual Plane)
ALPHABET = list("قالمحدabc019٣٫.,. _\n\t\xa0،:؟!«»“”\"()-%²") + ["\u0301", "\U0001F600"]


def regex_tokens(text: str) -> tuple[list[int], list[int]]:
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def test_token_offsets_examples():
    texts = ["قال د. محمد: 3.5%", "", "1.2.3 1..2 ,1, x1y2", "a_b", "\U0001F600كلمة\U0001F600 ²³"]
    assert list(token_offsets(texts)) == [regex_tokens(t) for t in texts]
    [(s, e)] = token_offsets(["وقال: «نعم» 1,200"])
    assert ["وقال: «نعم» 1,200"[a:b] for a, b in zip(s, e)] == ["وقال", ":", "«", "نعم", "»", "1,200"]
    assert list(token_offsets([])) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40), min_size=1, max_size=5))
def test_token_offsets_equal_the_regex(texts):
    assert list(token_offsets(texts)) == [regex_tokens(t) for t in texts]
