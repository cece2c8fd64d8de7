"""Property and example tests for analysis.normalize: the offset map, idempotence, tokens, sentences
and the span rule (expand_to_tokens never splits a token)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis.normalize import (
    dediacritize,
    expand_to_tokens,
    normalize,
    normalize_alef,
    normalize_digits,
    normalize_for_matching,
    split_sentences,
    tokenize,
)

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "000_e3dabb0c118fe892.txt"

# Arabic letters (with every alef/ya/ta/hamza variant), harakat, tatweel, Quranic marks, digits of three
# scripts, punctuation, spaces and line breaks, a few Latin letters: the characters the map must survive.
LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآٱؤئ") + list("abcXYZé")
MARKS = list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0610\u0615")
QURANIC = list("\u06d6\u06da\u06e1")
OTHER = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۴") + list(".,:;!?٫٬،؛؟«»“”()- \n")
FORMAT = list("\u200f\u200e\u200c\u202b\u202c\u00ad\ufeff")  # invisible format characters of web text
ARABIC_TEXT = st.text(alphabet=st.sampled_from(LETTERS + MARKS + QURANIC + OTHER + FORMAT), max_size=80)

PROFILES = st.fixed_dictionaries(
    {
        "alef": st.booleans(),
        "alef_maqsura": st.booleans(),
        "teh_marbuta": st.booleans(),
        "hamza": st.booleans(),
        "digits": st.booleans(),
    }
)


@settings(max_examples=400, deadline=None)
@given(ARABIC_TEXT, PROFILES, st.data())
def test_offsets_map_back_exactly(text, profile, data):
    nt = normalize_for_matching(text, **profile)
    assert nt.text == text
    i = data.draw(st.integers(0, len(nt.norm)))
    j = data.draw(st.integers(i, len(nt.norm)))
    s, e = nt.span_in_original(i, j)
    assert 0 <= s <= e <= len(text)
    # the original span normalises to exactly the matched normalised substring
    assert normalize(text[s:e], **profile) == nt.norm[i:j]


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT, PROFILES)
def test_each_normalised_character_comes_from_its_mapped_position(text, profile):
    nt = normalize_for_matching(text, **profile)
    for k, ch in enumerate(nt.norm):
        s, e = nt.span_in_original(k, k + 1)
        assert normalize(text[s], **profile) == ch
        assert normalize(text[s:e], **profile) == ch


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT, PROFILES)
def test_normalisation_is_idempotent(text, profile):
    once = normalize(text, **profile)
    assert normalize(once, **profile) == once


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_index_in_norm_inverts_span_in_original(text):
    nt = normalize_for_matching(text)
    for k in range(len(nt.norm)):
        s, _ = nt.span_in_original(k, k + 1)
        assert nt.index_in_norm(s) == k


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_tokens_are_ordered_non_empty_and_contain_no_space(text):
    spans = tokenize(text)
    ends = 0
    for a, b in spans:
        assert ends <= a < b <= len(text)
        assert not any(c.isspace() for c in text[a:b])
        ends = b


@settings(max_examples=500, deadline=None)
@given(ARABIC_TEXT, st.data())
def test_expand_to_tokens_never_splits_a_token(text, data):
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a, b = expand_to_tokens(text, start, end)
    assert a <= start and end <= b
    for ts, te in tokenize(text):
        overlaps = ts < b and a < te
        assert not overlaps or (a <= ts and te <= b), (text[ts:te], text[a:b])


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_sentences_cover_every_token(text):
    sents = split_sentences(text)
    for ts, te in tokenize(text):
        assert any(a <= ts and te <= b for a, b in sents)


# --- examples --------------------------------------------------------------------------------------


def test_single_purpose_normalisers():
    assert dediacritize("مُحَمَّدٌ ـــ") == "محمد "
    assert normalize_alef("أإآٱ") == "اااا"
    assert normalize_digits("٢٠١٥ و۱۴") == "2015 و14"
    assert normalize("إلى القاهرةِ في ٢٠١٥") == "الي القاهره في 2015"


def test_expand_to_tokens_keeps_decimal_numbers_whole():
    text = "بلغ النمو 3.5 في المئة"
    i = text.index("5")
    a, b = expand_to_tokens(text, i, i + 1)
    assert text[a:b] == "3.5"



def test_expand_to_tokens_keeps_quranic_marks():
    text = "قال \u0627\u0644\u0644\u0647\u06d6 تعالى"
    i = text.index("\u0627\u0644\u0644")
    a, b = expand_to_tokens(text, i, i + 2)
    assert text[a:b] == "\u0627\u0644\u0644\u0647\u06d6"


@pytest.mark.parametrize("word, inner", [("والعراق", "العراق"), ("للقاهرة", "قاهرة"), ("بسوريا", "سوريا")])
def test_span_rule_takes_attached_proclitics(word, inner):
    text = f"زار الوفد {word} أمس"
    i = text.index(inner)
    a, b = expand_to_tokens(text, i, i + len(inner))
    assert text[a:b] == word


def test_seed_round_trip():
    text = SEED.read_text(encoding="utf-8")
    nt = normalize_for_matching(text)
    for surface in ("المملوك", "القاهره", "السيسي", "دمشق"):
        i = nt.norm.index(surface)
        s, e = nt.span_in_original(i, i + len(surface))
        assert normalize(text[s:e]) == surface


@pytest.mark.parametrize("text, sentences", [
    ("أ.ف.ب. قال", ["أ.ف.ب. قال"]),  # an abbreviation of single letters is not a sentence end
    ("3.5.\n\n4", ["3.5.", "4"]),  # a decimal number, then the end of the sentence and a blank line
    ('قال: "نعم."» ثم', ['قال: "نعم."»', "ثم"]),  # closing quotes stay with their sentence
    ("  \n\n . x.  ", [".", "x."]),
])
def test_sentence_edges(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS + MARKS + QURANIC + OTHER + FORMAT + ["😀", "𝔘", "\u00a0"]), max_size=400),
       PROFILES)
def test_both_implementations_give_the_same_normalisation(text, profile):
    """Table lookups (long texts) and chained replacements (short strings) agree, offset map included."""
    from analysis.normalize import _normalize_by_replacing, _normalize_by_tables

    _assert_same(_normalize_by_replacing(text, tuple(profile.values())), _normalize_by_tables(text, tuple(profile.values())))


@pytest.mark.parametrize("text", ["حديثاً قالَ إنّ ٢٠١٥ أُعلنت في مدرسةٍ على الـمدى", "no marks here 2015", "", "ـــ",
                                  "ٱلسنة ۱۴۳۶ إلى آذار، مكتبة ونهاية", "emoji 😀 وَ𝔘 ٌ", "\ud800 lone surrogate"])
def test_both_implementations_on_examples(text):
    from analysis.normalize import _normalize_by_replacing, _normalize_by_tables

    for profile in [(True, True, True, False, True), (True, True, True, True, True), (False,) * 5]:
        _assert_same(_normalize_by_replacing(text, profile), _normalize_by_tables(text, profile))


@pytest.mark.parametrize("pad", ["", " ونص أطول من مئة وعشرين حرفا حتى تعمل الطريقة الثانية، طريقة الجداول، على النص كله كما يعمل عليه الاستخراج"])
def test_invisible_format_characters_are_deleted_and_never_end_a_span(pad):
    """Web text sprinkles RLM/ZWNJ/bidi controls inside phrases (وزارة \u200fالداخلية): matching must see through
    them, and a span mapped back must not end on one after its last letter."""
    text = "وزارة \u200fالداخلية\u200f\u202c قالت" + pad
    nt = normalize_for_matching(text)
    assert nt.norm.startswith("وزاره الداخليه قالت")
    i = nt.norm.index("وزاره الداخليه")
    s, e = nt.span_in_original(i, i + len("وزاره الداخليه"))
    assert text[s:e] == "وزارة \u200fالداخلية"
    assert dediacritize("مح\u200cمد") == "مح\u200cمد"  # dediacritize removes diacritics only


def test_the_cached_normalisation_of_the_seed_is_shared_and_read_only():
    from analysis.normalize import normalize_cached

    text = SEED.read_text(encoding="utf-8")
    nt = normalize_cached(text)
    _assert_same(normalize_for_matching(text), nt)
    assert normalize_cached(text) is nt
    assert nt.orig_index is not None and not nt.orig_index.flags.writeable  # shared by every stage


def _assert_same(a, b) -> None:
    import numpy as np

    assert (a.text, a.norm) == (b.text, b.norm)
    assert (a.orig_index is None) == (b.orig_index is None)
    if a.orig_index is not None:
        assert np.array_equal(a.orig_index, b.orig_index)


def test_cached_sentences_equal_split_sentences():
    from analysis.normalize import split_sentences_cached

    text = SEED.read_text(encoding="utf-8")
    assert split_sentences_cached(text) == tuple(split_sentences(text)) and len(split_sentences_cached(text)) > 5


def test_the_mentions_stage_hands_each_field_s_normalisation_to_the_shared_cache():
    import pandas as pd

    from analysis.actors.matcher import extract_mentions
    from analysis.normalize import _NORMALIZED, normalize_cached

    seed = SEED.read_text(encoding="utf-8")
    texts = [seed, "عَاد الرئيسُ إلى القاهرةِ", "لا تشكيل هنا", "قال وزيـــر الخارجية"]  # marks, tatweel, none
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "title": ["العنوانُ", None, "", "عنوان"], "text": texts})
    extract_mentions(frame)
    for text in [*texts, "العنوانُ", "عنوان"]:
        cached = _NORMALIZED.get(text)
        assert cached is not None  # filled by the mentions stage, not by this lookup
        _assert_same(normalize_for_matching(text), cached)
        assert normalize_cached(text) is cached
        assert cached.orig_index is None or not cached.orig_index.flags.writeable
