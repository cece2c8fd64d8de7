"""Context-rule word lists for the actor matcher, read from ``analysis/resources/actors_rules/``.

Every list is normalised the same way as the text (``analysis.normalize.normalize``, punctuation as spaces),
so lookups are plain set membership on normalised tokens. Loaded once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.normalize import normalize
from analysis.resources import read_table, read_word_list, resource_text

_NONWORD_RE = re.compile(r"[^\w]|_")
_SP = re.compile(r"\s+")
#: Proclitics on a normalised token: conjunction, preposition, article (ل + ال is written لل).
CLITIC_RE = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال|لل)?")
CONJ_RE = re.compile(r"^[وف](?=\w\w\w)")
#: The proclitics a name itself may carry (conjunction, preposition; no article): the prefix allowed before a
#: name's later occurrences (``_Field.free_occurrences``) and stripped before a head-word lookup.
NAME_CLITICS_RE = re.compile(r"[وف]?[بلك]?")


#: The word tests of the rules (a normalised word, the rule objects, flags: ``names._foreign_word``,
#: ``head_nouns._name_like`` …) are cached per word with ``functools.lru_cache`` (``Rules`` and ``NameRules`` hash by
#: identity): the rules ask about the same words again and again, in one field and across fields (most of these tests
#: are a chain of set look-ups and ``str.startswith``). At most this many answers per test. Not the cheapest tests
#: (``fields._conj_stripped``, ``head_nouns._family_name``): the cache's look-up costs them as much as their work.
WORD_CACHE = 50_000


def norm_word(s: str) -> str:
    """A word or phrase normalised as the matcher sees it."""
    return _SP.sub(" ", _NONWORD_RE.sub(" ", normalize(s))).strip()


@lru_cache(maxsize=200_000)
def strip_clitics(tok: str) -> str:
    """A normalised token without و/ف, ب/ل/ك and ال (kept when the rest would be under 2 letters)."""
    rest = CLITIC_RE.sub("", tok)
    return rest if len(rest) >= 2 else tok


def _words(name: str) -> frozenset[str]:
    return frozenset(norm_word(w) for w in read_word_list("actors_rules", name) if norm_word(w))


@dataclass(frozen=True, eq=False)
class Rules:
    """The word lists (normalised) that the context rules use; see the README in actors_rules/. Hashed and compared
    by identity (``eq=False``; it is loaded once): the word tests cached per word (``functools.lru_cache``) take it as
    an argument."""

    titles: frozenset[str]
    title_complements: frozenset[str]
    reporting_verbs: frozenset[str]
    person_context: frozenset[str]
    place_context: frozenset[str]
    metonym_before: frozenset[str]
    metonym_after: frozenset[str]
    ambiguous: dict[str, str]
    stopwords: frozenset[str]
    common_words: frozenset[str]
    connectors: frozenset[str]
    given_names: frozenset[str]
    gazetteer: tuple[tuple[str, str, int], ...]
    definite_stems: frozenset[str]
    definite_nouns: frozenset[str]
    frequent_words: frozenset[str]
    event_heads: frozenset[str]
    org_heads: dict[str, str]
    latin_name_heads: frozenset[str]  # latin_name_heads.txt: a word before a Latin-script name that makes it a name
    institutions: frozenset[str]
    short_names: dict[str, tuple[tuple[frozenset[str], str], ...]]
    person_tokens: frozenset[str]
    name_tails: frozenset[str]  # name_tails.txt: a compound name's last word (عبد الرحمن), no one-word person alone
    org_chain_heads: dict[str, tuple[str, int, int, int]]  # type, min complements, definite (0/1/2), named (0/1/2)
    place_heads: dict[str, str]
    place_list_heads: frozenset[str]
    department_words: frozenset[str]
    boilerplate: tuple[str, ...]
    generic_complements: frozenset[str]
    place_not_names: frozenset[str] = frozenset()  # definite words that name no place after an area head (place_not_names.txt)
    not_person_phrases: frozenset[str] = frozenset()  # idioms discovery reads as persons (not_person_phrases.txt)
    group_context: frozenset[str] = frozenset()
    media_context: frozenset[str] = frozenset()
    market_context: frozenset[str] = frozenset()  # cue words of rule `market` (market_context.txt), without ال
    market_not_after: frozenset[str] = frozenset()  # nouns before which a market short name is a common noun
    noun_given_names: frozenset[str] = frozenset()  # given names used mostly as nouns (noun_given_names.txt)
    branch_heads: frozenset[str] = frozenset()  # bodies named with بـ + a place for a branch (branch_heads.txt), without ال
    title_bodies: frozenset[str] = frozenset()  # bodies whose name after a role word is part of the role (title_bodies.txt)
    home_titles: dict[str, str] | None = None  # bare office phrase (normalised, without ال) -> its only country (home_titles.tsv)
    country_titles: tuple[tuple[str, str], ...] = ()  # (bare office phrase, office_en prefix) (country_titles.tsv)
    home_not_before: frozenset[str] = frozenset()  # a home title directly followed by one of these is another office
    role_words: frozenset[str] = frozenset()  # titles.txt alone (no ANERcorp triggers): each line's first word, without ال
    club_cues: frozenset[str] = frozenset()  # club_context.txt: cue words (bare: see bare_of) and two-word cues
    sport_words: frozenset[str] = frozenset()  # club_context.txt `sport:` words (bare): a field about sport
    bare_clubs: frozenset[str] = frozenset()  # club_context.txt `bare:` club forms that need no cue in a field about sport
    word_nisbas: tuple[str, ...] = ()  # club_context.txt `word_nisba:` club nisbas that are also adjectives (bare; for startswith)
    nisba_heads: frozenset[str] = frozenset()  # club_context.txt `nisba_head:` nouns (bare) such a nisba must follow
    tribes: frozenset[str] = frozenset()  # tribes.txt: tribe names that are also words (after قبيلة: head_nouns._tribes)
    nisba_surnames: frozenset[str] = frozenset()  # nisba_surnames_saudinewsnet.txt: عسيري، حكمي (after a first name)
    currencies: frozenset[str] = frozenset()  # currencies.txt: ريال، دولار (an indefinite nisba after one is no country)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """All context lists, normalised; cached per process."""
    met = read_word_list("actors_rules", "metonym_context.txt")
    amb = {}
    # the generated rules of the GeoNames gazetteer first, so that a curated rule of the same form wins
    for fn in ("ambiguous_forms_geonames.tsv", "ambiguous_forms.tsv"):
        for ln in resource_text("actors_rules", fn).splitlines()[1:]:
            if ln.strip() and not ln.startswith("#") and "\t" in ln:
                f, rule = ln.split("\t")[:2]
                if f != "form":
                    amb[norm_word(f)] = rule.strip()
    gaz = []
    communities = _words("communities.txt")  # not actors (CONVENTIONS), though ANERcorp tags some as ORG
    skip = communities | _words("entities_anercorp_not.txt")  # and entries that are no actor (اشتريت، تسونامي)
    for ln in resource_text("actors_rules", "entities_anercorp.tsv").splitlines():
        parts = ln.split("\t")
        if len(parts) == 3 and not ln.startswith("#") and parts[0] != "entity" and parts[0] not in skip:
            gaz.append((parts[0], parts[1], int(parts[2])))
    titles = _words("titles.txt")
    given = _words("given_names.txt") | frozenset(
        w for w in _words("given_names_anercorp.txt") if not w.startswith("ال") and w not in titles and len(w) > 2
    )
    given -= _words("stopwords.txt")
    stems = frozenset(read_word_list("actors_rules", "definite_stems_saudinewsnet.txt"))
    freq = frozenset(read_word_list("actors_rules", "frequent_words_saudinewsnet.txt"))
    curated = _words("given_names.txt")
    given = frozenset(w for w in given if w in curated or (w not in stems and w not in freq))
    not_given = _words("given_names_not.txt")  # ANERcorp first tokens that are words of news text (دام، تشن، سيدي …)
    given -= not_given
    club = read_word_list("actors_rules", "club_context.txt")  # cue words, two-word cues and `sport:` words
    return Rules(
        titles=titles | _words("person_triggers_anercorp.txt"),
        title_complements=_words("title_complements.txt"),
        reporting_verbs=_words("reporting_verbs.txt"),
        person_context=_words("person_context.txt") | _words("titles.txt"),
        place_context=_words("place_context.txt"),
        metonym_before=frozenset(norm_word(w[7:]) for w in met if w.startswith("before:")),
        metonym_after=frozenset(norm_word(w[6:]) for w in met if w.startswith("after:")),
        ambiguous=amb,
        stopwords=_words("stopwords.txt"),
        common_words=_words("common_words_anercorp.txt"),
        connectors=_words("name_connectors.txt"),
        given_names=given,
        gazetteer=tuple(gaz),
        definite_stems=frozenset(read_word_list("actors_rules", "definite_stems_saudinewsnet.txt")),
        definite_nouns=frozenset(read_word_list("actors_rules", "definite_nouns_saudinewsnet.txt")),
        frequent_words=frozenset(read_word_list("actors_rules", "frequent_words_saudinewsnet.txt")) - given,
        event_heads=_words("event_heads.txt"),
        org_heads={norm_word(h): t.strip() for h, t in (ln.split("\t")[:2] for ln in read_word_list("actors_rules", "org_heads.tsv")
                                                         if "\t" in ln and not ln.startswith("head\t"))},
        latin_name_heads=_words("latin_name_heads.txt"),
        institutions=_words("institutions.txt"),
        short_names=_short_names(),
        person_tokens=frozenset(w for w in _words("person_tokens_anercorp.txt") if w not in stems and w not in freq)
        - not_given,
        name_tails=_words("name_tails.txt"),
        org_chain_heads={norm_word(r["head"]): (r["type"], int(r["min"]), int(r["definite"].strip() or 0),
                                              int((r.get("named") or "0").strip() or 0))
                         for r in read_table("actors_rules", "org_chain_heads.tsv")},
        place_heads={norm_word(r["head"]): r["span"].strip() for r in read_table("actors_rules", "place_heads.tsv")},
        place_list_heads=_words("place_list_heads.txt"),
        department_words=_words("department_words.txt"),
        boilerplate=tuple(sorted(_words("boilerplate.txt"))),
        generic_complements=_words("generic_complements.txt"),
        place_not_names=_words("place_not_names.txt"),
        not_person_phrases=_words("not_person_phrases.txt"),
        noun_given_names=_words("noun_given_names.txt"),
        title_bodies=_words("title_bodies.txt"),
        home_titles=_home_titles(),
        country_titles=tuple((norm_word(r["phrase"]), r["office_en"].strip()) for r in read_table("actors_rules", "country_titles.tsv")),
        role_words=frozenset(w.split(" ")[0][2:] if w.startswith("ال") and len(w.split(" ")[0]) > 4 else w.split(" ")[0]
                             for w in titles if len(w) > 1),
        home_not_before=frozenset(norm_word(w[11:]) for w in read_word_list("actors_rules", "home_titles.tsv")
                                  if w.startswith("not_before:")),
        branch_heads=frozenset(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in _words("branch_heads.txt")),
        group_context=_words("group_context.txt") | frozenset(w[1:] for w in read_word_list("actors_rules", "group_context.txt")
                                                                if w.startswith("@")),
        media_context=_words("media_context.txt"),
        market_context=frozenset(_drop_article(norm_word(w)) for w in read_word_list("actors_rules", "market_context.txt")
                                 if not w.startswith("not_after:") and norm_word(w)),
        market_not_after=frozenset(norm_word(w[10:]) for w in read_word_list("actors_rules", "market_context.txt")
                                   if w.startswith("not_after:")),
        club_cues=frozenset(w if " " in w else _drop_article(w) for w in (
            norm_word(x) for x in club if not x.startswith(("sport:", "bare:", "word_nisba:", "nisba_head:"))) if w),
        sport_words=frozenset(_drop_article(norm_word(x[6:])) for x in club if x.startswith("sport:")),
        bare_clubs=frozenset(norm_word(x[5:]) for x in club if x.startswith("bare:")),
        word_nisbas=tuple(sorted({norm_word(x[11:]) for x in club if x.startswith("word_nisba:")})),
        nisba_heads=frozenset(norm_word(x[11:]) for x in club if x.startswith("nisba_head:")),
        tribes=_words("tribes.txt"),
        nisba_surnames=frozenset(read_word_list("actors_rules", "nisba_surnames_saudinewsnet.txt")),
        currencies=_words("currencies.txt"),
    )


def _drop_article(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


#: proclitics a token may carry before a bare word of a list (و/ف, then ب/ل/ك): tried one by one by ``bare_in``
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
#: the proclitics of ``_PROCLITICS`` that a token with this first letter can carry, in the same order (واللاعب: "", و,
#: وب, ول, وك); a token with another first letter (الفريق، مباراة) carries none: one try instead of twelve
_PROCLITICS_BY_LETTER = {c: tuple(p for p in _PROCLITICS if p[:1] in ("", c)) for c in "وفبلك"}
_NO_PROCLITIC = ("",)


#: bare_of's answers, per word list (keyed by its id) and per token: a field repeats its words, and the rules ask about
#: the same word before each mention (the word before a place: في، مدينة …). The entry keeps the list itself, so the
#: id cannot pass to another object while the answers are kept; the lists are never changed once loaded (frozensets,
#: and the dicts of ``Rules``, a frozen dataclass). Each list's answers are dropped when they reach ``_BARE_MEMO_MAX``.
_BARE_MEMO: dict[int, tuple[object, dict[str, str | None]]] = {}
_BARE_MEMO_MAX = 50_000
_UNSEEN = object()


def bare_of(tok: str, words: frozenset[str]) -> str | None:
    """The word of ``words`` (bare: no proclitic, no article) that the normalised token is, with any proclitics and
    article (لاعب، للاعب، واللاعب، وبالفريق → لاعب، فريق), or None. ``strip_clitics`` cannot tell the ف of فريق or the ل
    of لاعب from a proclitic. Computed once per token and list (``_BARE_MEMO``)."""
    memo = _BARE_MEMO.get(id(words))
    if memo is None:
        memo = _BARE_MEMO[id(words)] = (words, {})
    answers = memo[1]
    got = answers.get(tok, _UNSEEN)
    if got is _UNSEEN:
        if len(answers) >= _BARE_MEMO_MAX:
            answers.clear()
        got = answers[tok] = _bare_of(tok, words)
    return got


def _bare_of(tok: str, words: frozenset[str]) -> str | None:
    """``bare_of`` computed: the proclitics that the token's first letter allows, tried in turn."""
    for p in _PROCLITICS_BY_LETTER.get(tok[:1], _NO_PROCLITIC):
        if tok.startswith(p):
            rest = tok[len(p) :]
            if rest in words:
                return rest
            if rest.startswith("ال") and rest[2:] in words:
                return rest[2:]
            if p[-1:] == "ل" and rest.startswith("ل") and rest[1:] in words:  # لل = ل + ال (للاعب)
                return rest[1:]
    return None


def reporting_verb(w: str, rules: Rules) -> bool:
    """w (normalised, without its conjunction) is a verb of ``reporting_verbs.txt`` or its feminine in ت (أضافت)."""
    return w in rules.reporting_verbs or w[-1:] == "ت" and w[:-1] in rules.reporting_verbs


#: Honorifics and forms of address before a person's name (الشيخ، الدكتورة، صاحب السمو الملكي، معالي): the words
#: that ``persons``, ``references`` and ``names`` start their lists from; each adds or leaves out words for its rule.
HONORIFICS = frozenset(norm_word(w) for w in [
    "الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "المهندسة",
    "الأستاذ", "الأستاذة", "صاحب", "صاحبة", "السمو", "الملكي", "الملكية", "سمو", "معالي", "فضيلة", "سعادة"])
#: Military ranks before a name, with the words of compound ranks (الفريق أول ركن).
RANKS = frozenset(norm_word(w) for w in [
    "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "ركن", "أول"])


def bare_in(tok: str, words: frozenset[str]) -> bool:
    """``bare_of(tok, words) is not None``."""
    return bare_of(tok, words) is not None


def _home_titles() -> dict[str, str]:
    """home_titles.tsv: bare office phrase (normalised, a leading ال dropped) -> country actor_id."""
    out = {}
    for ln in read_word_list("actors_rules", "home_titles.tsv"):
        parts = ln.split("\t")
        if len(parts) >= 2 and parts[0] != "phrase" and not ln.startswith("not_before:"):
            out[_drop_article(norm_word(parts[0]))] = parts[1].strip()
    return out


def _short_names() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    out: dict[str, list] = {}
    for ln in read_word_list("actors_rules", "short_names.tsv"):
        parts = ln.split("\t")
        if len(parts) < 3 or parts[0] == "form":
            continue
        ctx = frozenset() if parts[1].strip() == "*" else frozenset(x.strip() for x in parts[1].split("|"))
        out.setdefault(norm_word(parts[0]), []).append((ctx, parts[2].strip()))
    return {k: tuple(v) for k, v in out.items()}


#: the types of ``analysis/resources/actors/learned_names.csv``
LEARNED_TYPES = ("person", "organization", "location")


@lru_cache(maxsize=1)
def load_learned_names() -> tuple[tuple[str, str], ...]:
    """``(name, type)`` of the names learned from SaudiNewsNet (``analysis/resources/actors/learned_names.csv``,
    built by ``scripts/build_learned_names.py``; README there): normalised names, type person | organization |
    location, in file order. Empty when the file is missing."""
    try:
        rows = read_table("actors", "learned_names.csv")
    except FileNotFoundError:
        return ()
    return tuple((r["name"], r["type"]) for r in rows if r.get("type") in LEARNED_TYPES and r.get("name"))

