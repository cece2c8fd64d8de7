"""Arabic normalisation for matching, with an exact map back to the original text; tokens and sentences.

Every table in this project reports offsets into an article's ``text`` as loaded. Normalised text is
for matching only. :func:`normalize_for_matching` returns a :class:`NormalizedText` whose
:meth:`~NormalizedText.span_in_original` turns a match in the normalised string back into offsets in
the original, so that ``text[start:end]`` is always the surface the user sees.

The single-purpose normalisers compose (CAMeL Tools style); each takes and returns a ``str``:

>>> dediacritize("مُفَاتَلَة")
'مفاتلة'
>>> normalize_alef("أإآٱ")
'اااا'
>>> normalize_digits("٢٠١٥ و۱۴")
'2015 و14'

Span rule (shared by every extractor): a span covers whole tokens, attached proclitics included.
``للقاهرة`` is reported as ``للقاهرة``, never as a substring of it.

>>> nt = normalize_for_matching("زار “علي المملوك” القاهرةَ")
>>> i = nt.norm.index("القاهره")
>>> nt.span_in_original(i, i + len("القاهره"))
(18, 26)
>>> nt.text[18:26]
'القاهرةَ'
"""
from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from threading import Lock

import numpy as np

# --- character classes -------------------------------------------------------------------------
#: Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks, small high letters.
DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
_DIACRITICS_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")
#: Invisible format characters of web text: soft hyphen, Arabic letter mark, zero-width space/non-joiner/joiner,
#: LRM/RLM, bidi embeddings and overrides, word joiner and invisible operators, bidi isolates, BOM. Matching
#: deletes them like diacritics (وزارة \u200fالداخلية is وزارة الداخلية); a span never ends on one.
FORMAT_CHARS = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
FORMAT_SET = frozenset(
    chr(c) for c in (0xAD, 0x61C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                     *range(0x2066, 0x206A), 0xFEFF)
)
_DELETED_RE = re.compile(f"[{DIACRITICS}{TATWEEL}{FORMAT_CHARS}]")
_ALEF_RE = re.compile("[\u0623\u0625\u0622\u0671]")  # أ إ آ ٱ
ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff"
#: A token: a run of letters (Arabic or other), digits and the marks that sit on letters; a number may
#: carry a decimal point or thousands separator inside it (3.5, 1,200, ٣٫٥).
TOKEN_RE = re.compile(rf"\d+(?:[.,\u066b\u066c]\d+)*|(?:[^\W\d_]+|[{DIACRITICS}{TATWEEL}]+)+")
#: Proclitics that may be glued to a name: conjunction و/ف, preposition ب/ل/ك, and the article ال/لل.
PROCLITIC_RE = re.compile("^(?:[وف])?(?:[بلك])?(?:ال|لل)?")

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})


def dediacritize(s: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, superscript alef, Quranic marks and tatweel."""
    return _DIACRITICS_RE.sub("", s)


def normalize_alef(s: str) -> str:
    """أ إ آ ٱ → ا"""
    return _ALEF_RE.sub("\u0627", s)


def normalize_alef_maqsura(s: str) -> str:
    """ى → ي (news text writes both for final ya; note: على then reads like the name علي)."""
    return s.replace("\u0649", "\u064a")


def normalize_teh_marbuta(s: str) -> str:
    """ة → ه"""
    return s.replace("\u0629", "\u0647")


def normalize_hamza_carriers(s: str) -> str:
    """ؤ → و, ئ → ي (optional: loses information, helps with spelling variants)."""
    return s.replace("\u0624", "\u0648").replace("\u0626", "\u064a")


def normalize_digits(s: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII digits."""
    return s.translate(_DIGITS)


_ALEF_VARIANTS = "\u0623\u0625\u0622\u0671"
_NON_ASCII_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _replace_letters(text: str, alef: bool, alef_maqsura: bool, teh_marbuta: bool, hamza: bool, digits: bool) -> str:
    """The one-for-one character replacements of the profile, chained ``str.replace`` (measured ~6x faster than
    one ``str.translate`` table on news text; replacing an absent character costs almost nothing)."""
    if alef:
        for c in _ALEF_VARIANTS:
            if c in text:
                text = text.replace(c, "\u0627")
    if alef_maqsura:
        text = text.replace("\u0649", "\u064a")
    if teh_marbuta:
        text = text.replace("\u0629", "\u0647")
    if hamza:
        text = text.replace("\u0624", "\u0648").replace("\u0626", "\u064a")
    if digits and _NON_ASCII_DIGIT_RE.search(text):
        for d in set(_NON_ASCII_DIGIT_RE.findall(text)):  # a replace per digit present: faster than translate
            text = text.replace(d, _DIGITS[ord(d)])
    return text


@dataclass(frozen=True)
class NormalizedText:
    """A text and its normalised form, with the map between them.

    ``norm`` only deletes characters (diacritics, tatweel, invisible format characters) or replaces one character
    by one, so ``orig_index[i]`` is the position in ``text`` of normalised character ``i``.
    """

    text: str
    norm: str
    orig_index: np.ndarray | None = field(default=None, repr=False)  # None: identity (nothing deleted)

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``norm[start:end]`` to ``(s, e)`` with ``text[s:e]`` its original spelling (marks on the
        last letter included)."""
        if self.orig_index is None:
            return start, end
        s = int(self.orig_index[start]) if start < len(self.norm) else len(self.text)
        e = int(self.orig_index[end]) if end < len(self.norm) else len(self.text)
        # the characters deleted between the last kept letter and the next one are its marks, not a format character
        return s, trim_format_end(self.text, s, e)

    def index_in_norm(self, pos: int) -> int:
        """Position in ``norm`` of original position ``pos`` (the next kept character)."""
        if self.orig_index is None:
            return pos
        return int(np.searchsorted(self.orig_index, pos))


def trim_format_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the invisible format characters that end ``text[start:end]`` (normalisation deletes
    them, so a span mapped back from the normalised text may take the ones after its last letter)."""
    while end > start and text[end - 1] in FORMAT_SET:
        end -= 1
    return end


def normalize_for_matching(
    text: str,
    *,
    alef: bool = True,
    alef_maqsura: bool = True,
    teh_marbuta: bool = True,
    hamza: bool = False,
    digits: bool = True,
) -> NormalizedText:
    """Compose the normalisers for matching and keep the offset map.

    Default profile: no diacritics, tatweel or invisible format characters (RLM, ZWNJ …), أإآٱ→ا, ى→ي, ة→ه, Arabic-Indic digits → ASCII.
    The result is idempotent: normalising ``norm`` again gives ``norm``.

    Two implementations give the same result: chained replacements (short strings: gazetteer keys, titles)
    and table lookups over the code points (longer texts, where they are 2-6x faster).
    """
    profile = (alef, alef_maqsura, teh_marbuta, hamza, digits)
    if len(text) >= _TABLES_FROM:
        return _normalize_by_tables(text, profile)
    return _normalize_by_replacing(text, profile)


#: from this length on the table lookups are faster than the chained replacements (measured on news text)
_TABLES_FROM = 120


def _normalize_by_replacing(text: str, profile: tuple[bool, bool, bool, bool, bool]) -> NormalizedText:
    """:func:`normalize_for_matching` with ``str.replace`` and one regex for the deleted marks."""
    # replacements are one-for-one, so they run first on the whole text and the deletions map positions after
    t = _replace_letters(text, *profile)
    if not _DELETED_RE.search(t):
        return NormalizedText(text, t, None)
    # the deletions with numpy over code points (a Python loop per diacritic was ~2x slower on news text)
    cp = np.frombuffer(t.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    keep = ~_mark_table()[cp]
    return NormalizedText(text, cp[keep].tobytes().decode("utf-32-le", "surrogatepass"), np.flatnonzero(keep))


def _mark_ranges() -> list[tuple[int, int]]:
    """Code point ranges of the characters that normalisation deletes (DIACRITICS + TATWEEL + FORMAT_CHARS)."""
    chars, out, i = DIACRITICS + TATWEEL + FORMAT_CHARS, [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.append((ord(chars[i]), ord(chars[i + 2])))
            i += 3
        else:
            out.append((ord(chars[i]), ord(chars[i])))
            i += 1
    return out


@lru_cache(maxsize=1)
def _mark_table() -> np.ndarray:
    """Boolean table over all code points: True for the characters normalisation deletes."""
    table = np.zeros(0x110000, dtype=bool)
    for lo, hi in _mark_ranges():
        table[lo : hi + 1] = True
    return table


@lru_cache(maxsize=8)
def _char_map(profile: tuple[bool, bool, bool, bool, bool]) -> np.ndarray:
    """Code point → code point of a matching profile (alef, alef_maqsura, teh_marbuta, hamza, digits): the
    one-for-one replacements of :func:`_replace_letters`; every other code point maps to itself (the deleted
    marks are in :func:`_mark_table`)."""
    alef, alef_maqsura, teh_marbuta, hamza, digits = profile
    table = np.arange(0x110000, dtype=np.uint32)
    if alef:
        for ch in _ALEF_VARIANTS:
            table[ord(ch)] = 0x0627
    if alef_maqsura:
        table[0x0649] = 0x064A
    if teh_marbuta:
        table[0x0629] = 0x0647
    if hamza:
        table[0x0624], table[0x0626] = 0x0648, 0x064A
    if digits:
        for c, d in _DIGITS.items():
            table[c] = ord(d)
    return table


def _normalize_by_tables(text: str, profile: tuple[bool, bool, bool, bool, bool]) -> NormalizedText:
    """:func:`normalize_for_matching` with two numpy table lookups over the code points: one for the replaced
    characters, one for the deleted marks."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # (np.take: the same arrays as indexing, ~half its instructions: no general fancy-indexing iterator)
    mapped = np.take(_char_map(profile), cps)
    marks = np.take(_mark_table(), cps)
    if not np.count_nonzero(marks):  # (cheaper than marks.any() on short arrays)
        return NormalizedText(text, mapped.tobytes().decode("utf-32-le", "surrogatepass"), None)
    keep = np.flatnonzero(~marks)
    return NormalizedText(text, mapped.take(keep).tobytes().decode("utf-32-le", "surrogatepass"), keep)


def normalize(text: str, **profile: bool) -> str:
    """The normalised string alone (for building gazetteer keys the same way as the text)."""
    return normalize_for_matching(text, **profile).norm


# --- tokens and sentences ----------------------------------------------------------------------


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` in ``text``: words with their clitics and marks, and numbers.

    >>> s = "والقاهرة، في 3.5 سنوات"
    >>> [s[a:b] for a, b in tokenize(s)]
    ['والقاهرة', 'في', '3.5', 'سنوات']
    """
    return [m.span() for m in TOKEN_RE.finditer(text)]


# Starts with one character class so the regex engine can skip ahead (~3x faster than the alternation
# of the same two cases); the spans are identical.
_SENT_END = re.compile(
    "[.!?\u061f\u061b\u06d4\n](?:(?<=\n)\n*|(?<=[.!?\u061f\u061b\u06d4])[.!?\u061f\u061b\u06d4]*[\"'\u201d\u00bb)\\]]*(?=\\s|$))"
)
#: The characters a match of _SENT_END starts with (its first character class).
_SENT_END_CHARS = ".!?\u061f\u061b\u06d4\n"
#: Single letters followed by a dot are abbreviations (د. for doctor, أ.ف.ب), not sentence ends.
_ABBREV_BEFORE = re.compile(r"(?:^|[\s(.])[^\W\d_]$")


def positions_of(text: str, needles) -> list[int]:
    """Every position where one of ``needles`` (strings) occurs in ``text``, unsorted (``str.find``, which is far
    cheaper than a regex that tests a character class at every character)."""
    out = []
    for c in needles:
        k = text.find(c)
        while k != -1:
            out.append(k)
            k = text.find(c, k + 1)
    return out


def matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts``: the pattern is tried only there, in
    text order and after the end of the previous match, as finditer does (far cheaper than scanning the text)."""
    found, pos = [], 0
    for a in sorted(starts):
        if a >= pos and (mt := pattern.match(text, a)):
            found.append(mt)
            pos = mt.end()
    return found


def _sentence_ends(text: str) -> list[re.Match]:
    """``list(_SENT_END.finditer(text))`` (the same matches), found faster: a match starts with one of
    ``_SENT_END_CHARS``, so the pattern is tried only where ``str.find`` sees one; finditer tests the character class
    at every character of the text (~90 instructions each, the most of this function's cost)."""
    return matches_at(_SENT_END, text, positions_of(text, _SENT_END_CHARS))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``, whitespace trimmed, covering every token of ``text``.

    Splits after . ! ? ؟ ؛ (followed by a space or the end) and at line breaks; not inside numbers
    (3.5) nor after a one-letter abbreviation (د. محمد، أ.ف.ب).

    >>> s = "قال د. محمد إن النمو بلغ 3.5 في المئة. وأضاف: نعم؟\\nسطر"
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['قال د. محمد إن النمو بلغ 3.5 في المئة.', 'وأضاف: نعم؟', 'سطر']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _sentence_ends(text):
        a, b = m.span()
        if b - a == 1 and text[a] == "." and _ABBREV_BEFORE.search(text, max(0, a - 3), a):
            continue
        end = b if text[a] != "\n" else a
        _append_trimmed(text, start, end, spans)
        start = b
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def sentence_index_of(sentence_starts: list[int], pos: int) -> int:
    """Index of the sentence containing ``pos``, given the sorted sentence start offsets."""
    return max(0, bisect.bisect_right(sentence_starts, pos) - 1)


def expand_to_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the whole tokens it overlaps (the span rule): back over glued
    proclitics, on to the token's end; tokens are those of :func:`tokenize`, so a number (3.5) or a
    letter with its marks is never split.

    >>> s = "بين القاهرة وللرياض"
    >>> a = s.index("رياض"); expand_to_tokens(s, a, a + 4)
    (12, 19)
    """
    lo, hi = start, end
    left, right = max(0, start - _WINDOW), end + _WINDOW
    while right < len(text) and TOKEN_RE.match(text, right - 1, right + 1):  # a very long token: go on to its end
        right += _WINDOW
    while True:
        for m in TOKEN_RE.finditer(text, left, min(len(text), right)):
            if m.end() > start and m.start() < max(end, start + 1):
                lo, hi = min(lo, m.start()), max(hi, m.end())
            elif m.start() >= end:
                break
        if lo > left or left == 0:
            break
        left = max(0, left - _WINDOW)  # a token longer than the window: look further back
        lo, hi = start, end
    return lo, hi


_WINDOW = 64


# --- one normalisation and one sentence split per field, shared by the stages ------------------------------
# The extractors of a chunk (mentions, timex, events, attributions) run one after the other over the same fields;
# each asks for the normalised text and the sentences of a field through these caches, so that each is computed
# once. The caches are bounded (a chunk of 1,000 articles has at most 2,000 fields) and hold immutable values.

#: How many fields the shared caches hold (least recently used ones are evicted first).
CACHED_FIELDS = 4096


class _NormalizedCache:
    """A bounded least-recently-used map text -> :class:`NormalizedText` that a caller may also fill with values it
    computed another way (the mentions stage normalises its fields in batches: :func:`remember_normalized`).
    A lock keeps it consistent when a Dask worker runs tasks in threads."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._items: OrderedDict[str, NormalizedText] = OrderedDict()
        self._lock = Lock()

    def get(self, text: str) -> NormalizedText | None:
        with self._lock:
            nt = self._items.get(text)
            if nt is not None:
                self._items.move_to_end(text)
            return nt

    def put(self, nt: NormalizedText) -> None:
        if nt.orig_index is not None:
            nt.orig_index.setflags(write=False)  # shared by every caller
        with self._lock:
            self._items[nt.text] = nt
            self._items.move_to_end(nt.text)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)


_NORMALIZED = _NormalizedCache(CACHED_FIELDS)


def normalize_cached(text: str) -> NormalizedText:
    """``normalize_for_matching(text)`` with the default profile, cached per process (bounded, see
    :data:`CACHED_FIELDS`). The offset map of the result is read-only: the value is shared by every caller."""
    nt = _NORMALIZED.get(text)
    if nt is None:
        nt = normalize_for_matching(text)
        _NORMALIZED.put(nt)
    return nt


def remember_normalized(nt: NormalizedText) -> None:
    """Put a normalisation computed elsewhere into the cache of :func:`normalize_cached`.

    ``nt`` must equal ``normalize_for_matching(nt.text)`` (default profile): the mentions stage normalises the
    fields of a batch in one pass and hands each field's slice here, so that the later stages do not normalise
    the field again. Its ``orig_index`` is made read-only."""
    _NORMALIZED.put(nt)


@lru_cache(maxsize=CACHED_FIELDS)
def split_sentences_cached(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences` of ``text`` as a tuple, cached per process (bounded)."""
    return tuple(split_sentences(text))
