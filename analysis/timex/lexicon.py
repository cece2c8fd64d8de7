"""The temporal word lists (``analysis/resources/time/``), normalised once and cached.

Every phrase is normalised with :func:`analysis.normalize.normalize` (the matching profile: no diacritics,
أإآ→ا, ى→ي, ة→ه, Arabic-Indic digits → ASCII), the same profile the tagger applies to the text, so the
files keep ordinary spelling. :func:`lexicon` returns a :class:`Lexicon` with, for each phrase, the roles it
can play (``("month_g", 8)``, ``("unit", ("D", 2))``, ``("rel", -1)``, ...) and, for each role, its phrases
(used to build the grammar's word classes).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.normalize import normalize
from analysis.resources import read_table, read_word_list

#: units as written in TIMEX3 durations, and the granularity name of a unit
UNIT_ISO = {"S": "S", "M": "M", "H": "H", "D": "D", "W": "W", "MO": "M", "Y": "Y", "Q": "Q", "DE": "DE", "CE": "CE"}
TIME_UNITS = {"S", "M", "H"}


@dataclass(frozen=True)
class Lexicon:
    """Normalised phrase → tuple of (role, value); role → phrases, longest first."""

    roles_of: dict[str, tuple[tuple[str, object], ...]]
    phrases: dict[str, tuple[str, ...]]
    not_time: frozenset[str]
    not_month_spellings: frozenset[str]
    not_month_norms: frozenset[str]
    general_heads: frozenset[str]
    max_words: int
    not_time_spellings: frozenset[str] = frozenset()
    not_time_spelling_norms: frozenset[str] = frozenset()

    def words(self, *roles: str) -> list[str]:
        """All phrases playing any of ``roles``, longest first (for regex alternations)."""
        out: set[str] = set()
        for r in roles:
            out.update(self.phrases.get(r, ()))
        return sorted(out, key=lambda s: (-len(s), s))


def _norm(s: str) -> str:
    return " ".join(normalize(s).split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and normalise every file of ``resources/time`` (once per process)."""
    entries: list[tuple[str, str, object]] = []
    for row in read_table("time", "months.tsv"):
        role = "month_g" if row["calendar"] == "gregorian" else "month_h"
        entries.append((row["phrase"], role, int(row["month"])))
    for row in read_table("time", "weekdays.tsv"):
        entries.append((row["phrase"], "weekday", int(row["weekday"])))
        bare = row["phrase"].removeprefix("ال")
        entries.append((bare, "weekday_bare", int(row["weekday"])))
    for row in read_table("time", "numbers.tsv"):
        entries.append((row["phrase"], row["kind"], int(row["value"])))
    for row in read_table("time", "units.tsv"):
        entries.append((row["phrase"], "unit", (row["unit"], int(row["count"]))))
    for row in read_table("time", "relative.tsv"):
        v: object = row["value"]
        if row["role"] in ("deictic", "rel", "this", "decade"):
            v = int(row["value"])
        entries.append((row["phrase"], row["role"], v))
    for row in read_table("time", "vague.tsv"):
        entries.append((row["phrase"], "vague", row["value"]))
    for row in read_table("time", "sets.tsv"):
        entries.append((row["phrase"], "set", row["value"]))
    for row in read_table("time", "holidays.tsv"):
        entries.append((row["phrase"], "holiday", (row["calendar"], int(row["month"]), int(row["day"]), int(row["days"]))))

    roles_of: dict[str, list[tuple[str, object]]] = {}
    phrases: dict[str, set[str]] = {}
    for phrase, role, value in entries:
        key = _norm(phrase)
        if (role, value) not in roles_of.setdefault(key, []):
            roles_of[key].append((role, value))
        phrases.setdefault(role, set()).add(key)
    not_time = frozenset(_norm(w) for w in read_word_list("time", "not_time.txt"))
    return Lexicon(
        roles_of={k: tuple(v) for k, v in roles_of.items()},
        phrases={k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in phrases.items()},
        not_time=not_time,
        not_month_spellings=frozenset(read_word_list("time", "not_month_spellings.txt")),
        not_month_norms=frozenset(_norm(w) for w in read_word_list("time", "not_month_spellings.txt")),
        general_heads=frozenset(_norm(w) for w in read_word_list("time", "general_heads.txt")),
        max_words=max(len(k.split()) for k in roles_of),
        not_time_spellings=frozenset(read_word_list("time", "not_time_spellings.txt")),
        not_time_spelling_norms=frozenset(_norm(w) for w in read_word_list("time", "not_time_spellings.txt")),
    )
