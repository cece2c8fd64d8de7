"""Which first word a regex can match: the key that routes a text position to the grammar constructs worth trying.

The grammar (:mod:`analysis.timex.grammar`) has about twenty constructs, and most positions where one of
them is tried start a word that only a few of them can start with (a month name, a preposition, a digit).
:func:`first_keys` reads a construct's regex (its parse tree, from the standard library's ``re`` parser) and
returns every *key* a match can start with; :func:`key_at` gives the key of a text position. A construct
whose keys do not hold the key of a position cannot match there, so it need not be tried. The keys come
from the regex itself, which is built from the word lists: a word added to a list, or a changed construct,
routes correctly without any table to keep in step.

A key is the run of letters (``[^\\W\\d_]+``) a match starts with, or, when it starts with another
character, :data:`DIGIT` for a digit, :data:`SPACE` for white space, else that character. The analysis
errs on the safe side: lookarounds other than the word end ``(?!\\w)`` are ignored (they only narrow a
match), and a construct it cannot read (a character class such as ``\\w`` or ``.`` inside the first word,
a back reference there, a match that can be empty or end inside a run of letters, case-insensitive parts)
gets ``None``: try it everywhere.
"""
from __future__ import annotations

import re

try:  # the standard library's regex parser (Python 3.11+)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - another Python: no routing, every construct is tried everywhere
    _c = _p = None

DIGIT = "0"
SPACE = " "

#: a run of letters, or one digit, one white space character or any other character (groups 1 to 4)
_KEY = re.compile(r"([^\W\d_]+)|(\d)|(\s)|(.)", re.DOTALL)
_LETTER = re.compile(r"[^\W\d_]")
_MAX_DEPTH = 400


class _Unreadable(Exception):
    """The regex uses something :func:`first_keys` does not follow."""


def key_at(text: str, pos: int) -> str:
    """The key of ``text`` at ``pos``: the run of letters that starts there, :data:`DIGIT`, :data:`SPACE`,
    the character there, or ``""`` at the end of the text.

    >>> key_at("في 5 أيام", 0), key_at("في 5 أيام", 2), key_at("في 5 أيام", 3)
    ('في', ' ', '0')
    """
    m = _KEY.match(text, pos)
    if m is None:
        return ""
    return m.group(1) or (DIGIT if m.lastindex == 2 else SPACE if m.lastindex == 3 else m.group(4))


def first_keys(pattern: str) -> frozenset[str] | None:
    """Every key (see :func:`key_at`) that a match of ``pattern`` can start with; ``None`` when the pattern
    cannot be read that way (then it can start anywhere).

    >>> sorted(first_keys(r"(?:في\\s+)?(?:يوم|اليوم)(?!\\w)|\\(?\\d{4}"))
    ['(', '0', 'اليوم', 'في', 'يوم']
    """
    if _p is None:
        return None
    keys: set[str] = set()
    try:
        parsed = _p.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            raise _Unreadable("ignore case")
        _walk(parsed, 0, None, "", keys, 0)
    except (_Unreadable, RecursionError):
        return None
    return frozenset(keys)


def _char_key(ch: str) -> str:
    return key_at(ch, 0)


def _chars(items) -> list[str]:
    """The characters of a character class (digits and white space as one representative each)."""
    out: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 256:
            out += map(chr, range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.append("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out.append(" ")
        else:  # \w, a negated class, ...: could be a letter or not
            raise _Unreadable(op)
    return out


def _is_word_end(av) -> bool:
    """``(?!\\w)``: the run of letters ends here."""
    direction, sub = av
    return direction == 1 and list(sub) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])]


def _walk(seq, i: int, cont, letters: str, keys: set[str], depth: int) -> None:
    """Follow every path through ``seq[i:]`` and then ``cont`` (the rest of the pattern: a linked list of
    ``(seq, i, cont)``), with ``letters`` matched so far, until the first run of letters is known; add the
    keys found to ``keys``."""
    if depth > _MAX_DEPTH:
        raise _Unreadable("too deep")
    while i == len(seq):
        if cont is None:  # the match can end here: inside a run of letters, or empty
            raise _Unreadable("end")
        seq, i, cont = cont
    op, av = seq[i]
    rest = (seq, i + 1, cont)
    depth += 1
    if op is _c.LITERAL or op is _c.IN:
        for ch in [chr(av)] if op is _c.LITERAL else _chars(av):
            if _LETTER.match(ch):
                _walk(*rest, letters + ch, keys, depth)
            else:  # the run of letters ends (or the match starts with another character)
                keys.add(letters or _char_key(ch))
    elif op is _c.BRANCH:
        for alternative in av[1]:
            _walk(alternative, 0, rest, letters, keys, depth)
    elif op is _c.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unreadable("ignore case")
        _walk(av[3], 0, rest, letters, keys, depth)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if lo == 0:
            _walk(*rest, letters, keys, depth)
        if hi != 0:
            again = [(op, (max(lo - 1, 0), hi if hi == _c.MAXREPEAT else hi - 1, sub))]
            _walk(sub, 0, (again, 0, rest), letters, keys, depth)
    elif op is _c.ASSERT_NOT and letters and _is_word_end(av):
        keys.add(letters)
    elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):  # zero width: following on only widens the keys
        _walk(*rest, letters, keys, depth)
    else:  # back references, conditionals, ...
        raise _Unreadable(op)
