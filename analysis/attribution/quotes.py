"""Quotation spans in Arabic news text and whether each is reported speech or only a quoted name.

Arabic news quotes speech and names with the same marks: “…” « » and straight "…" (some outlets also open
with ” or close with “). :func:`find_quotes` pairs the marks and decides, from the quote's length and what
stands before it, whether it is *speech* (a proposition someone said) or a *name* (a person, a group, a term:
“علي المملوك”، «الجيش السوري»، "سياسية").

>>> [(q.text, q.kind) for q in find_quotes('زار “علي المملوك” القاهرة، وقال: «إننا أوفينا بكل ما علينا من تعهدات»')]
[('علي المملوك', 'name'), ('إننا أوفينا بكل ما علينا من تعهدات', 'speech')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from analysis.normalize import DIACRITICS, TATWEEL

#: opening mark -> the closing marks it accepts
_PAIRS = {"“": "”“", "«": "»", '"': '"', "”": "”“", "„": "“”"}
_MARKS_RE = re.compile('[“”«»"„]')
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_MARKS_DELETE_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")
#: punctuation followed by more text: the quoted span is a sentence, not a name
_SENTENCE_INSIDE_RE = re.compile(r"[.!?؟،,]\s*\S")
#: words right before a quote that make it speech: a colon, a complementizer, a saying verb ending the clause
_SPEECH_BEFORE_RE = re.compile(
    r"(?::|(?<!\w)(?:[اأإ]ن|[اأإ]نه|[اأإ]نها|[اأإ]نهم|ب[اأ]ن|ب[اأ]نه|ب[اأ]نها|ف[اإ]ن|قائلا|قائلة|بالقول|قوله|قولها))\s*$")
MAX_QUOTE_CHARS = 1200
#: a quote of at least this many words is speech whatever stands before it
SPEECH_MIN_WORDS = 5
#: a quote of at least this many words is speech when a colon or a complementizer introduces it
SPEECH_MIN_WORDS_INTRODUCED = 3


@dataclass(frozen=True)
class Quote:
    """A quoted span: ``start``/``end`` include the marks, ``inner_start``/``inner_end`` exclude them;
    ``text`` is the inner text; ``kind`` is ``"speech"`` or ``"name"``; ``n_words`` its word count."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    kind: str
    n_words: int

    @property
    def is_speech(self) -> bool:
        return self.kind == "speech"


def find_quotes(text: str) -> list[Quote]:
    """All quoted spans of ``text`` in order, each with its speech/name decision.

    Marks are paired left to right: “ or „ closes at the next ” (or “ used as a closer), « at », a straight
    " at the next ". A quote never crosses a line break nor runs longer than ``MAX_QUOTE_CHARS``; an
    unclosed mark is ignored. Quotes inside an open quote are left out (the outer one is the quote).

    >>> [q.kind for q in find_quotes('أجاب “السيسي” بأنه “من المفضل أن القوات الوطنية هي التي تقوم بذلك”')]
    ['name', 'speech']
    """
    return [_make_quote(text, a, b, text[a + 1 : b - 1]) for a, b in quote_spans(text)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quote, marks included, paired as :func:`find_quotes` pairs them, without the
    speech/name decision (cheap: the extractor decides only for the quotes it looks at, with :func:`quote_kind`)."""
    out: list[tuple[int, int]] = []
    marks = [(m.start(), m.group()) for m in _MARKS_RE.finditer(text)]
    i = 0
    while i < len(marks):
        pos, ch = marks[i]
        closers = _PAIRS.get(ch)
        if closers is None:  # a stray closing mark
            i += 1
            continue
        j = i + 1
        while j < len(marks) and marks[j][1] not in closers:
            j += 1
        if j >= len(marks):
            i += 1
            continue
        end = marks[j][0]
        if end - pos - 1 > MAX_QUOTE_CHARS or "\n" in text[pos + 1 : end] or not text[pos + 1 : end].strip():
            i += 1
            continue
        out.append((pos, end + 1))
        i = j + 1
    return out


def make_quote(text: str, start: int, end: int) -> Quote:
    """The :class:`Quote` for the marks at ``start`` and ``end - 1`` (a pair from :func:`quote_spans`)."""
    return _make_quote(text, start, end, text[start + 1 : end - 1])


def quote_kind(text: str, start: int, end: int) -> str:
    """``make_quote(text, start, end).kind``, decided with as little work as the decision needs (the extractor
    asks this for every quote in a sentence with a cue): punctuation inside first, then at most
    ``SPEECH_MIN_WORDS`` words counted, the words before the quote only when they can decide."""
    inner = text[start + 1 : end - 1]
    if _SENTENCE_INSIDE_RE.search(inner):
        return "speech"
    n_words = sum(1 for _ in islice(_WORD_RE.finditer(inner), SPEECH_MIN_WORDS))
    return _kind(n_words, False, n_words >= SPEECH_MIN_WORDS_INTRODUCED and _introduced(text, start))


def _make_quote(text: str, start: int, end: int, inner: str) -> Quote:
    a, b = start + 1, end - 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    n_words = len(_WORD_RE.findall(inner))
    kind = _kind(n_words, bool(_SENTENCE_INSIDE_RE.search(inner)), _introduced(text, start))
    return Quote(start, end, a, b, text[a:b], kind, n_words)


def _introduced(text: str, start: int) -> bool:
    """A colon, a complementizer or a saying verb stands right before the quote that opens at ``start``."""
    return bool(_SPEECH_BEFORE_RE.search(_MARKS_DELETE_RE.sub("", text[max(0, start - 25) : start])))


def _kind(n_words: int, sentence_like: bool, introduced: bool) -> str:
    if n_words >= SPEECH_MIN_WORDS or sentence_like or (introduced and n_words >= SPEECH_MIN_WORDS_INTRODUCED):
        return "speech"
    return "name"
