"""Actor mentions in articles: one Aho-Corasick automaton over normalised text, context rules, discovery.

How a field is matched (see analysis/resources/actors_rules/README.md for the rules and their measured effect):

1. The text is normalised (``normalize_for_matching``: no diacritics, أإآ→ا, ى→ي, ة→ه) and every character
   that is not a letter or digit becomes a space, so the string keeps its length and offsets map back.
2. One automaton holds every codebook form, padded with a space on each side and preceded by every
   allowed proclitic combination (و ف ب ل ك, the article ال, ل+ال = لل). A hit is therefore always a whole
   token (clitics included): the span rule holds by construction.
3. Overlapping hits: the longest wins (وزارة الخارجية السعودية, not also السعودية).
4. Context rules: ambiguous forms (الأسد) need a person/place context or an earlier unambiguous mention;
   titles from offices.csv resolve only inside the term (bare Saudi titles such as وزير التعليم only in a field that
   names no other country: home_titles.tsv; bare رئيس الوزراء by the one country the field names:
   country_titles.tsv; ونائبه after the king = the crown prince); capitals become metonyms (their country) in
   political contexts; nisba forms map to their country; a nisba inside a role phrase followed by a name
   is dropped (CONVENTIONS D5).
5. Discovery (``discover=True``): names after given names, titles, reporting verbs and inside quotes,
   names from the ANERcorp-train gazetteer, and surnames of persons named earlier in the field.
6. References within an article (``discover=True``, ``analysis.actors.references``): an article's title and text
   are matched in one batch and linked together (headline short forms, short forms before the full name in a
   name context, former office holders) before offsets are mapped back to the original text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain
from operator import attrgetter

import ahocorasick
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.actors.codebook import Codebook, load_codebook, matching_key
from analysis.actors.names import (
    _ENCLITICS,
    KUNYA_GATE,
    KUNYA_TOKENS,
    _coverage,
    _foreign_word,
    _known_word,
    _name_in_fal,
    _plain_spelling,
    _rare_definite,
    _short_imperfect,
    _verb_like,
    lexicon_keys,
    load_name_rules,
    refine_persons,
    role_keys,
)
from analysis.actors.references import FAMILY_HEADS as _FAMILY_HEADS
from analysis.actors.references import _FORMER_CORES, FORMER_ADJECTIVES, FORMER_GATE, link_references
from analysis.actors.references import NAME_LINKS as _NAME_LINKS
from analysis.actors.references import _next_word
from analysis.actors.rules import (CLITIC_RE, NAME_CLITICS_RE, WORD_CACHE, Rules, bare_in, bare_of, load_learned_names,
                                   load_rules, norm_word, strip_clitics)
from analysis.actors.teams import head_keys, refine_organizations, suffix_keys
from analysis.normalize import (
    CACHED_FIELDS,
    FORMAT_SET,
    NormalizedText,
    _char_map,
    _mark_table,
    dediacritize,
    matches_at,
    positions_of,
    remember_normalized,
    split_sentences_cached,
    trim_format_end,
)
from analysis.resources import read_table
from analysis.schema import MENTIONS, conform

_NONWORD_RE = re.compile(r"[^\w]|_")
_WORD_RE = re.compile(r"\w+")
_ALA_RE = re.compile("(?<![\u0621-\u064a])[وف]?على(?![\u0621-\u064a])")  # the preposition على spelt with ى (original text)
_LATIN_RE = re.compile(r"(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[ &.\-](?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*))*")
_RATING_RE = re.compile(r"[ABC]{1,3}|[ABC]a{0,2}\d|[ABC]{1,3}[+-]")
_MODEL_NUMBER_RE = re.compile(r"[A-Z]{1,2}\d{3,4}")  # B777, C130, MH370, A380 (not MBC1, G20, BBC4)
#: a film title just after فيلم/أفلام and its genre (فيلم الكوميديا والمغامرات "Vacation", سلسلة أفلام Mission: Impossible)
_FILM_RE = re.compile(r"(?:فيلم|افلام)\w*\W+(?:(?:ال|وال)\w+\W+|[A-Za-z]\w*\W+|ثلاثي\W+){0,4}$")
_ENGLISH_WORD_RE = re.compile(r"(?<![A-Za-z])(?:are|is|the|of|and|to|in|for|on|with|by|at|from|was|be|closed|not|this|that"
                              r"|Next|Previous|Home|RSS|HD|LCD|RAM|GB|MB|ID|USB|GPS|PDF|Wifi|WiFi)(?![A-Za-z])")
#: Latin words that are no organisation (a message type, a test, a format, a standard): SMS، IELTS، STEP، iOS
#: NNNN: the end-of-message mark of agency wires (… // انتهى // 11:53 ت م NNNN)
_LATIN_NOT_NAMES = frozenset("SMS MMS LTE DSL CD DVD VIP iOS IELTS STEP TOEFL GMAT SAT ER LED ATM PIN OTP NNNN".split())
#: Program code in a field (a chart's settings pasted with an article: seriesColors:['#449EC0'], jQuery.jqplot):
#: braces, semicolons, = or # near a Latin word, or the word itself an identifier with a dot
_CODE_RE = re.compile(r"[{};=#]|[A-Za-z]\.[A-Za-z]")
_QUOTE_RE = re.compile(r"[“\"«] ?([^“”\"«» \n][^“”\"«»\n]{0,58}[^“”\"«» \n]) ?[”\"»]")  # « الوطن »: one space inside too

P_NONE = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
P_ART = tuple(p + "ال" for p in ("", "و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")) + ("لل", "ولل", "فلل")
PREFIXES = {"none": P_NONE, "required": P_ART, "optional": P_NONE + P_ART,
            "conj": ("", "و", "ف"), "conj_art": ("ال", "وال", "فال"),
            "prep": tuple(p for p in P_NONE if p not in ("", "و", "ف"))}

KIND_RANK = {"name": 0, "alias": 1, "title": 2, "nisba": 3, "gazetteer": 4, "learned": 4, "given": 5, "title_word": 6, "verb": 7,
             "head": 8}
TYPE_RANK = {"country": 0, "organization": 1, "group": 2, "media": 3, "location": 4, "person": 5}
GAZ_TYPE = {"PERS": "person", "LOC": "location", "ORG": "organization"}
TRIGGERS = ("given", "title_word", "verb", "head")


@dataclass(frozen=True)
class _Entry:
    """What an automaton key stands for."""

    actor_id: str | None  # None for triggers
    kind: str  # name | alias | title | nisba | gazetteer | learned | given | title_word | verb
    ambiguous: str | None  # None, or the rule: person | place | seen
    also_nisba: bool = False  # a name that is also the definite feminine nisba (السعودية)
    gaz_type: str | None = None
    name: str | None = None  # gazetteer entries: the name as listed


#: An automaton value packs: key length (bits 0-9), proclitic length (10-19), entry index (20-39; _NO_ENTRY for a key
#: that only carries gate bits), the number of words of a role (names.role_keys, 40-41) and a head's type
#: (teams.head_keys, 42-43; an index into _HEAD_CODES), whether the key is a word of the name lexicon
#: (names.lexicon_keys, 44) and whether it is a company suffix (teams.suffix_keys, 46; each gate reads two bits).
_NO_ENTRY = (1 << 20) - 1
_ROLE_SHIFT, _HEAD_SHIFT, _LEX_SHIFT, _SUFFIX_SHIFT = 40, 42, 44, 46
_HEAD_CODES = (None, "organization", "media")

#: Word gates: passes that do nothing in a field where none of a few substrings occurs (قبيل/قبائل/عشير/عشائر for
#: _tribes, وزار for _ministry_lists …) tested that with ``in`` first, a search of every field (~9 instructions per
#: character each, ~0.3 G over 3,000 articles for all of them). The substrings are keys of the automaton too, with
#: no entry and one bit per pass from _WORD_GATE_SHIFT on: the scan that finds the forms sets, per field, the bits
#: of the passes whose substrings occur in it (``_Field.word_gates``), which the passes read instead. A substring
#: starts with no space (the keys of the forms do): it shares no key, and crosses no field's end (the fields of a
#: batch are parted by two spaces; one that ends with a space, علي, also holds at the field's end: such a gate only
#: opens a test that remains). A key with a space at either end is a token (names.KUNYA_TOKENS, " بن "): merged with
#: the key of a form or of another gate it may be (a necessary condition again: the pass's own test remains). Bit 0
#: is references.py's (R5: FORMER_GATE), bit 10 names.py's (KUNYA_GATE).
_WORD_GATE_SHIFT = 48
_GATE_TRIBES, _GATE_UNITS, _GATE_DEPUTY, _GATE_PROPHET, _GATE_DUAL_MINISTRIES, _GATE_MINISTRIES, _GATE_LEGITIMACY, \
    _GATE_ENVOY, _GATE_CAPITALS = (1 << k for k in range(1, 10))
_GATE_BIN, _GATE_ALI_AL, _GATE_ALI, _GATE_COMPASS = (1 << k for k in range(11, 15))
_ALL_WORD_GATES = (1 << 15) - 1  # (a field scanned without the automaton: every gate open, the passes search it)


@lru_cache(maxsize=1)
def _word_gate_keys() -> dict[str, int]:
    """The substrings of the word gates -> the gate bits they set (see _WORD_GATE_SHIFT)."""
    needles = [(w, FORMER_GATE) for w in _FORMER_CORES]
    needles += [(w, _GATE_TRIBES) for w in _TRIBE_HEADS] + [(w, _GATE_UNITS) for w in _UNIT_CUES]
    needles += [("نائبه", _GATE_DEPUTY), ("وزارت", _GATE_DUAL_MINISTRIES), ("وزار", _GATE_MINISTRIES),
                ("شرعيه", _GATE_LEGITIMACY), (_ENVOY, _GATE_ENVOY)]
    needles += [(w, _GATE_PROPHET) for w in _BLESSINGS] + [(row[0], _GATE_CAPITALS) for row in _context_capitals()]
    needles += [(w, KUNYA_GATE) for w in KUNYA_TOKENS] + [(" بن ", _GATE_BIN), ("علي ال", _GATE_ALI_AL), ("علي ", _GATE_ALI)]
    needles += [(w, _GATE_COMPASS) for w in _COMPASS_STEMS]
    keys: dict[str, int] = {}
    for w, bit in needles:
        if len(w.strip()) < 2 or w[0] == " " and (w[-1] != " " or " " in w[1:-1]):
            raise ValueError(f"word gate {w!r}: two characters at least; a token between spaces, or no space first")
        keys[w] = keys.get(w, 0) | bit
    return keys


_GIVEN = _Entry(None, "given", None)
_TITLE_WORD = _Entry(None, "title_word", None)  # a title word whose key a codebook form took (الرائد: a club, a rank)
_NISBA_TRIGGER = _Entry(None, "nisba_trigger", None)


@dataclass(frozen=True)
class _Matcher:
    automaton: object
    entries: tuple[_Entry, ...]
    info: dict  # actor_id -> (label_ar, label_en, type, subtype)
    metonym_of: dict  # capital actor_id -> country actor_id
    offices: dict  # office phrase (normalised) -> list of (start, end, person_id, start date, end date)
    form_keys: frozenset  # (actor_id, normalised form with its article) of every codebook name/alias
    media_alt: dict  # automaton key -> entry index of a media outlet whose form lost the key to a place or word
    country_of: dict = None  # actor_id -> affiliated country actor_id (context rule ``country``)
    media_alt_ix: frozenset = frozenset()  # entry indices of the automaton keys in media_alt (a hit checks the dict only then)
    country_titles: tuple = ()  # (bare phrase, {country: terms}) of country_titles.tsv, resolved by the field's country
    nisba_heads: dict = None  # definite masculine singular country nisba (التركي) -> its country: references.py R4 short forms
    person_offices: dict = None  # person actor_id -> the office phrases (keys of ``offices``) of their rows (references.py R4)
    full_names: dict = None  # "first last" of a codebook person's label (_first_last) -> actor_id (_codebook_full_names)
    name_words: dict = None  # person actor_id -> the words of their label and aliases (_title_then_variant)


def _build_matcher(cb: Codebook, rules: Rules, discover: bool, learned: tuple = ()) -> _Matcher:
    actors = cb.actors
    info = {aid: (r.label_ar or None, r.label_en or None, r.type, r.subtype or None) for aid, r in zip(actors.index, actors.itertuples())}
    metonym_of = {aid: m for aid, m in zip(actors.index, actors["metonym_of"]) if m and m in info}
    amb_actor = {aid for aid, a in zip(actors.index, actors["ambiguous"]) if str(a).strip() == "1"}
    # one phrase (الرئيس المصري) stands for every holder of the office: resolved by date at match time
    offices: dict[str, list] = {}
    for off in cb.offices:
        for ph in off.phrases:
            key, art = matching_key(ph)
            if key:
                offices.setdefault(("ال" + key) if art == "required" else key, []).append((off.start, off.end, off.person_id, *_term_days(off.start, off.end)))
    nisba_keys = {(f.actor_id, f.key) for f in cb.forms if f.kind == "nisba"}
    best: dict[str, tuple[tuple, int, int]] = {}
    entries: list[_Entry] = []
    entry_ix: dict[_Entry, int] = {}

    def add(key: str, article: str, entry: _Entry, rank: tuple) -> None:
        if entry not in entry_ix:
            entry_ix[entry] = len(entries)
            entries.append(entry)
        ix = entry_ix[entry]
        for p in PREFIXES[article]:
            k = f" {p}{key} "
            old = best.get(k)
            if old is None or (rank, len(p)) < (old[0], old[2]):  # ties: the fewer clitics (فريد is Farid, not ف + ريد)
                best[k] = (rank, ix, len(p))

    for f in cb.forms:
        if f.kind == "title":
            full = ("ال" + f.key) if f.article == "required" else f.key
            add(f.key, f.article, _Entry(None, "title", None, name=full), (0 if f.user else 1, KIND_RANK["title"], 5))
            continue
        typ = info[f.actor_id][2]
        full = ("ال" + f.key) if f.article == "required" else f.key
        amb = rules.ambiguous.get(full) or rules.ambiguous.get(f.key)
        if f.kind == "nisba" and f.article == "optional":
            amb = rules.ambiguous.get("ال" + f.key) or amb  # المالي (the nisba: rule country), مالي (the name: place)
        if f.kind == "nisba" and info[f.actor_id][3] == "club":
            amb = "club_nisba"  # الهلالي (also a family name, "crescent-shaped"), الاتحادي ("federal"): rule club_nisba
        if full in rules.short_names:
            amb = None  # resolved by the D1 context rule instead
        elif amb is None and f.actor_id in amb_actor and f.n_tokens == 1 and f.kind in ("name", "alias"):
            if full in rules.common_words or f.key in rules.common_words:
                amb = {"person": "person", "location": "place"}.get(typ, "seen")
        also = f.kind in ("name", "alias") and f.article == "required" and (f.actor_id, f.key) in nisba_keys
        rank = (0 if f.user else 1, KIND_RANK[f.kind], TYPE_RANK.get(typ, 9))
        art = f.article
        if amb == "hamza" and art == "none":
            art = "conj"  # وأبل، فأبل; not كابل (Kabul), بابل (Babylon): ك/ب + the same letters
        if typ == "person" and f.n_tokens == 1 and art in ("none", "required"):
            art = "conj" if art == "none" else "conj_art"  # لصالح = "in favour of", not "to Saleh"
            if art == "conj" and f.kind in ("name", "alias"):
                # لهادي، بمرسي: a preposition on a one-word person form counts once the person was named in full
                add(f.key, "prep", _Entry(f.actor_id, f.kind, "seen"), rank)
        add(f.key, art, _Entry(f.actor_id, f.kind, amb, also), rank)
    if discover:
        # words of the codebook's and the gazetteer's multi-word names (الاوسط in الشرق الأوسط، خيبر in خيبر بختونخوا)
        form_words = {w for f in cb.forms if f.n_tokens > 1 for w in f.key.split(" ")}
        form_words.update(w for g in rules.gazetteer if " " in g[0] for w in g[0].split(" "))
        for name, gtype, cnt in rules.gazetteer:
            if cnt == 1 and " " not in name:
                # a one-word place seen once in ANERcorp (round 5): not a first name or a word of a person's name
                # (فارس، المعتصم), nor a word of a longer codebook name, which it would cut
                bare = name[1:] if name[0] in "وفبل" and len(name) > 4 else name
                if any(w in rules.given_names or w in rules.person_tokens or w in form_words or w[2:] in form_words
                       or w.startswith("ال") and w[2:] in rules.given_names for w in (name, bare)):
                    continue
            key, art = (name[2:], "required") if name.startswith("ال") and len(name) > 4 else (name, "none")
            if gtype == "PERS":  # a person's name takes a conjunction, rarely a preposition (لصالح = in favour of)
                art = "conj_art" if art == "required" else "conj"
            if all(t in rules.given_names or t in rules.connectors for t in name.split()):
                continue  # عبد الله، محمد: first names alone are left to discovery, which reads the whole name
            if " " not in name and (len(name) < 4 or name in _MONTHS):
                continue
            if " " not in name and (name in rules.common_words or name in rules.stopwords or name in rules.frequent_words
                                    or name in rules.definite_nouns or (not name.startswith("ال") and name in rules.definite_stems)):
                continue  # ريال (Real Madrid in ANERcorp) is the currency in Saudi news
            add(key, art, _Entry(None, "gazetteer", None, gaz_type=GAZ_TYPE[gtype], name=name), (2, 4, -cnt))
        for name, typ in learned:
            # names learned from SaudiNewsNet (``load_learned_names``): found without a cue, as discovery would name
            # them; after the ANERcorp names (same key: the ANERcorp entry wins); a one-word place needs a place word
            # or a list of places (rule place_or_list, as for the GeoNames towns)
            key, art = (name[2:], "required") if name.startswith("ال") and len(name) > 4 else (name, "none")
            amb = "place_or_list" if typ == "location" and " " not in name else None
            add(key, art, _Entry(None, "learned", amb, gaz_type=typ, name=name), (2, KIND_RANK["learned"], 0))
        listed = {g[0] for g in rules.gazetteer}
        for w in sorted(rules.person_tokens - listed - rules.name_tails):
            if w in rules.common_words or w in rules.stopwords or w in rules.given_names or len(w) < 4 or w in _MONTHS:
                continue
            if w[0] == "و" and w[1:] in rules.given_names:
                continue  # وسعيد، وابراهيم: و + a first name, which discovery reads with the name after it
            key, art = (w[2:], "conj_art") if w.startswith("ال") and len(w) > 4 else (w, "conj")
            add(key, art, _Entry(None, "gazetteer", None, gaz_type="person", name=w), (2, 4, -1))
        for words, kind in ((rules.given_names, "given"), (rules.titles, "title_word"), (rules.reporting_verbs, "verb")):
            for w in sorted(words):  # sorted: ties between keys must not depend on hash order
                key, art = (w[2:], "required") if w.startswith("ال") and len(w) > 4 else (w, "none")
                add(key, art, _Entry(None, kind, None), (3, KIND_RANK[kind], 0))
        for w in sorted(set(rules.org_chain_heads) | set(rules.place_heads) | rules.place_list_heads | _BRACKET_LIST_HEADS
                        | _MEDIA_HEADS | _INSTITUTION_HEADS | _LATE_INSTITUTION_HEADS):
            key, art = (w[2:], "required") if w.startswith("ال") and len(w) > 4 else (w, "optional")
            add(key, art, _Entry(None, "head", None, name=w), (3, KIND_RANK["head"], 0))
    # the words that the second-pass rules start from (names.py: roles; teams.py: team and outlet heads) are found
    # by the same scan: their keys carry gate bits (and no entry when the codebook has no form there)
    gates: dict[str, int] = {}
    if discover:
        for k, n_words in role_keys().items():
            gates[f" {k} "] = gates.get(f" {k} ", 0) | n_words << _ROLE_SHIFT
        for k, typ in head_keys().items():
            gates[f" {k} "] = gates.get(f" {k} ", 0) | _HEAD_CODES.index(typ) << _HEAD_SHIFT
        for k in lexicon_keys():
            gates[f" {k} "] = gates.get(f" {k} ", 0) | 1 << _LEX_SHIFT
        for k in suffix_keys():
            gates[f" {k} "] = gates.get(f" {k} ", 0) | 1 << _SUFFIX_SHIFT
    for k, bits in _word_gate_keys().items():
        if k[0] == " ":  # a token: merged with the key of a form or of another gate (see _WORD_GATE_SHIFT)
            gates[k] = gates.get(k, 0) | bits << _WORD_GATE_SHIFT
    if len(entries) >= _NO_ENTRY:
        raise ValueError(f"{len(entries):,} codebook entries: the automaton packs at most {_NO_ENTRY - 1:,} (see _NO_ENTRY)")
    A = ahocorasick.Automaton()
    for k, (rank, ix, plen) in best.items():
        if len(k) < 1024 and plen < 1024:  # packed into one int (see _batch_fields); no real form is that long
            A.add_word(k, ix << 20 | plen << 10 | len(k) | gates.get(k, 0))
    for k, bits in gates.items():
        if k not in best and len(k) < 1024:
            A.add_word(k, _NO_ENTRY << 20 | len(k) | bits)
    for k, bits in _word_gate_keys().items():
        if k[0] != " ":  # (no space first: no key above is one of them)
            A.add_word(k, _NO_ENTRY << 20 | len(k) | bits << _WORD_GATE_SHIFT)
    A.make_automaton()
    form_keys = frozenset((f.actor_id, ("ال" + f.key) if f.article == "required" else f.key) for f in cb.forms if f.kind in ("name", "alias"))
    # «الرياض»، لـ"المدينة": an outlet whose name is also a place or a word is the outlet in quotes
    media_alt = {}
    for f in cb.forms:
        if f.kind in ("name", "alias") and info[f.actor_id][2] == "media":
            alt = _Entry(f.actor_id, f.kind, "quoted")
            if alt not in entry_ix:
                entry_ix[alt] = len(entries)
                entries.append(alt)
            ix = entry_ix[alt]
            for p in PREFIXES[f.article]:
                k = f" {p}{f.key} "
                if k in best and entries[best[k][1]].actor_id != f.actor_id:
                    media_alt[k] = ix
    country_of = {aid: c for aid, c in zip(actors.index, actors["country"]) if isinstance(c, str) and c}
    media_alt_ix = frozenset(best[k][1] for k in media_alt)
    country_titles = []
    for phrase, office_en in rules.country_titles:
        by_country: dict[str, list] = {}
        for off in cb.offices:
            if off.country and off.office_en.startswith(office_en):
                by_country.setdefault(off.country, []).append((off.start, off.end, off.person_id, *_term_days(off.start, off.end)))
        country_titles.append((phrase, by_country))
    # وزير الخارجية التركي → الوزير التركي: the nisbas a role phrase's short form may keep (references.py R4)
    nisba_heads = {"ال" + f.key: f.actor_id for f in cb.forms if f.kind == "nisba" and f.n_tokens == 1
                   and f.article in ("optional", "required") and f.key.endswith("ي") and not f.key.endswith("يي")}
    person_offices: dict[str, tuple] = {}
    for phrase, terms in offices.items():
        for t in terms:
            if phrase not in person_offices.get(t[2], ()):
                person_offices[t[2]] = person_offices.get(t[2], ()) + (phrase,)
    full_names: dict[str, str | None] = {}
    for aid, (lab, _en, typ, _sub) in info.items():
        words = _name_words(norm_word(lab)) if typ == "person" and lab else []
        if len(words) == 2 and _family_key(*words, rules):  # a label of a given name and a family name only
            key = " ".join(words)
            full_names[key] = aid if full_names.get(key, aid) == aid else None  # (two persons: neither)
    name_words: dict[str, frozenset] = {}
    for aid, key in form_keys:
        if info[aid][2] == "person":
            name_words[aid] = name_words.get(aid, frozenset()) | frozenset(
                w for w in key.split() if len(w) > 3 and w != _ALLAH)  # (not آية الله، عبد، بن: no name of their own)
    return _Matcher(A, tuple(entries), info, metonym_of, offices, form_keys, media_alt, country_of, media_alt_ix,
                    tuple(country_titles), nisba_heads, person_offices, full_names, name_words)


#: the names of royal lineages (سعود الفيصل = Saud son of Faisal; سعود بن خالد الفيصل is his nephew): no family names
_LINEAGES = frozenset(norm_word(w) for w in ["الفيصل", "الفهد", "الخالد", "السلمان", "العبدالله", "السعود", "الطلال",
                                             "النايف", "السلطان", "البندر", "المحمد", "الأحمد"])


def _family_key(first: str, last: str, rules: Rules) -> bool:
    """A given name and a family name with the article (not a title, not a father's name, not a royal lineage:
    ``_LINEAGES``)."""
    return (last.startswith("ال") and len(last) > 3 and last not in _LINEAGES and first not in rules.titles
            and not first.startswith("ال"))


def _name_words(name: str) -> list[str]:
    """The words of a normalised person's name, a compound in عبد written whole (عبد الرحمن → عبدالرحمن)."""
    return name.replace("عبد ", "عبد").split(" ")


def _first_last(name: str) -> str:
    """A person's name reduced to its first and last words (:func:`_name_words`): عبد الرحمن بن عبد العزيز السديس →
    عبدالرحمن السديس."""
    w = _name_words(name)
    return w[0] + " " + w[-1] if len(w) > 1 else w[0]


def _near_word(w: str, names: frozenset) -> bool:
    """``w`` is one of ``names`` or, from four letters on, one edit away from one (جاوش for جاويش, كيرى for كيري)."""
    if w in names:
        return True
    if len(w) < 4:
        return False
    for u in names:
        if abs(len(u) - len(w)) > 1 or len(u) < 4:
            continue
        if len(u) == len(w):
            if sum(a != b for a, b in zip(u, w)) == 1:
                return True
        else:
            short, long_ = (w, u) if len(w) < len(u) else (u, w)
            if any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_))):
                return True
    return False


def _title_then_variant(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """A role phrase that stands for a codebook person (match_kind title: وزير الخارجية التركي → Çavuşoğlu) followed
    by two words or more each of which is, or is one letter away from, a word of that person's names: the person's
    name in another spelling (مولود جاوش اوغلو for مولود جاويش أوغلو). It becomes that person's mention, so the role
    phrase before it counts no more (GUIDELINES: only the name when the name follows)."""
    if not m.name_words:
        return out
    added = []
    n = len(f.starts)
    for o in out:
        if o.kind != "title" or o.typ != "person" or o.actor_id not in m.name_words:
            continue
        names = m.name_words[o.actor_id]
        j = f.tok_index(o.e - 1) + 1
        toks = []
        while j < n and len(toks) < 4 and f.adjacent(j) and occ[f.starts[j]] == 0 and _near_word(f.word(j), names):
            toks.append(j)
            j += 1
        if len(toks) < 2:
            continue
        a, b = f.starts[toks[0]], f.ends[toks[-1]]
        occ[a:b] = b"\x01" * (b - a)
        mm = _M(a, b, 0, o.actor_id, "alias", "person", m.info[o.actor_id][0])
        mm.entry = None
        added.append(mm)
    return sorted(out + added, key=_by_start) if added else out


def _codebook_full_names(out: list[_M], m: _Matcher) -> None:
    """A discovered person of three words or more whose first and last words are a codebook person's first name and
    family name (the label has just these two: عبدالرحمن السديس، خالد الفالح، عادل الجبير) is that person (an alias
    mention of their id): the name with the father's names (عبد الرحمن بن عبد العزيز السديس، خالد بن عبد العزيز
    الفالح، عادل أحمد الجبير). Another first name is another man (فهد بن محمد الجبير); a label with a father's name
    or of more words (فهد بن سلطان، صباح الأحمد الجابر الصباح) or shared by two persons is never reached this way."""
    if not m.full_names:
        return
    for o in out:
        if o.kind == "discovered" and o.typ == "person" and o.label_ar and o.label_ar.count(" ") >= 2:
            aid = m.full_names.get(_first_last(o.label_ar))
            if aid:
                o.actor_id, o.kind, o.label_ar, o.entry = aid, "alias", None, None


def get_matcher(codebook: Codebook, *, discover: bool = True, learned: bool = True) -> _Matcher:
    """The automaton and tables for a codebook (built once per codebook object and options)."""
    key = ("matcher", discover, learned)
    m = codebook._cache.get(key)
    if m is None:
        m = _build_matcher(codebook, load_rules(), discover, load_learned_names() if learned and discover else ())
        codebook._cache[key] = m
    return m


# --- one field ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _M:
    """A mention being built: span in normalised text, clitic prefix length, what it is."""

    s: int
    e: int
    plen: int
    actor_id: str
    kind: str
    typ: str | None = None
    label_ar: str | None = None
    entry: _Entry | None = None  # the automaton entry it came from (None: made by a rule)
    inner: list | None = None  # office phrases: the organisations named inside (see _inner_orgs)
    weak: bool = False  # a leader's first name without his context (_drop_first_name_persons): kept for the references
    # (which may link it to a person of that first name named earlier), dropped if still the leader after them
    tagged: bool = False  # a name of the statistical tagger (_add_tagger_mentions): subtype "tagger" in the table


def _term_days(start, end) -> tuple:
    """The calendar dates of a term's start and end (None when not given), computed once per matcher."""
    return (None if start is None else start.date()), (None if end is None else end.date())


def _holder(terms, day) -> str | None:
    """The person whose term contains ``day`` (the latest-starting one if terms overlap); None if nobody or
    the date is unknown."""
    if day is None:
        return None
    best = None
    for start, _end, person, first_day, last_day in terms:
        if first_day is not None and first_day <= day and (last_day is None or day <= last_day):
            if best is None or start > best[0]:
                best = (start, person)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _word_lut() -> np.ndarray:
    """Is-word-character table for the Basic Multilingual Plane, derived from the same regex as _NONWORD_RE."""
    return np.array([not 0xD800 <= c < 0xE000 and _NONWORD_RE.match(chr(c)) is None for c in range(0x10000)], dtype=bool)


_DELETED_CODE = np.uint32(0xFFFFFFFF)  # (in _batch_table: a character that normalisation deletes)
_WORD_BIT = np.uint32(1 << 31)


@lru_cache(maxsize=1)
def _batch_table() -> np.ndarray:
    """Code point -> its normalised code point (``normalize_for_matching``'s default profile), with bit 31 set when
    that is a word character (``_word_lut``), or ``_DELETED_CODE`` when normalisation deletes it: one table lookup per
    character of a batch (:func:`_batch_fields`) instead of three (mapping, deleted marks, word characters) and no
    second encoding of the normalised text. Code points above the Basic Multilingual Plane get no word bit (the
    batch then tests them with the regex)."""
    mapped = _char_map((True, True, True, False, True))  # the keyword defaults of normalize_for_matching
    word = np.zeros(len(mapped), dtype=bool)
    bmp = mapped < 0x10000
    word[bmp] = np.take(_word_lut(), mapped[bmp])
    table = mapped | (word.astype(np.uint32) << 31)
    table[_mark_table()] = _DELETED_CODE
    return table


class _Field:
    """One normalised field (a view into a batch, see :func:`_batch_fields`): its token spans as two lists,
    ``starts`` and ``ends`` (no tuple per token), and helpers."""

    __slots__ = ("_adj", "_adjq", "_nt", "_orig_at", "_orig_base", "_tok_at", "_words", "elsewhere", "ends", "has_latin",
                 "has_quote", "head_hits", "lex_hits", "norm", "role_hits", "starts", "suffix_hits", "text", "word_gates",
                 "x")
    # elsewhere: the actors the rest of the article names (a title's: its body's; see _body_context)

    @property
    def nt(self) -> NormalizedText:
        """The field as a :class:`NormalizedText` (made on first use: the rules map offsets with
        :meth:`span_in_original` instead)."""
        if self._nt is None:
            orig_index = None if self._orig_at is None else np.asarray(self._orig_at) - self._orig_base
            self._nt = NormalizedText(self.text, self.norm, orig_index)
        return self._nt

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """``NormalizedText.span_in_original``: ``(s, e)`` with ``text[s:e]`` the original spelling of
        ``norm[start:end]``, read from the batch's index (plain ints, no array per field)."""
        if self._orig_at is None:  # nothing deleted in this field: the offsets are the same
            return start, end
        n, at, base, text = len(self.norm), self._orig_at, self._orig_base, self.text
        s = at[start] - base if start < n else len(text)
        e = at[end] - base if end < n else len(text)
        return s, (trim_format_end(text, s, e) if e and text[e - 1] in FORMAT_SET else e)

    def tok_index(self, pos: int) -> int:
        """Index of the token starting at or containing ``pos`` (0 <= pos <= len(x); -1 before the first token):
        one lookup in a table made for the whole batch (see :func:`_batch_fields`), not a bisection per call."""
        return self._tok_at[pos]

    def token_starts_of(self, needles) -> set[int]:
        """The starts of the tokens in which one of ``needles`` occurs (``str.find``): where a pattern that matches
        whole tokens holding one of them can start, for :func:`analysis.normalize.matches_at`."""
        tok_at, starts = self._tok_at, self.starts
        return {starts[tok_at[k]] for k in positions_of(self.x, needles)}

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that the span [start, end) covers (start < end)."""
        return range(self._tok_at[start], self._tok_at[end - 1] + 1)

    def word(self, i: int) -> str:
        """Token i's text, sliced once per field: the rules ask for a word about three times (667k calls for 226k
        distinct tokens over 3,000 articles), and the same ``str`` then also keeps its hash for the set lookups."""
        w = self._words[i]
        if w is None:
            w = self._words[i] = self.x[self.starts[i] : self.ends[i]]
        return w

    def adjacent(self, i: int, *, quotes: bool = False) -> bool:
        """Token i follows token i-1 with only spaces (and, with quotes=True, quote marks) between."""
        if i <= 0 or i >= len(self.starts):
            return False
        return (self._adjq[i] if quotes else self._adj[i]) == 1

    def free_occurrences(self, form: str, prefix_re: re.Pattern, occ: bytearray, start: int = 0,
                         end: int | None = None) -> Iterable[tuple[int, int, int]]:
        """``(a, k, e)`` for every occurrence ``x[k:e] == form`` from ``start`` on (and up to ``end``) that ends a
        token, whose token starts at ``a`` with only ``prefix_re`` (proclitics) before it, and that no mention covers
        yet (``occ``); the caller marks what it takes in ``occ`` before the next one is looked for. Most forms asked for
        (short forms, repeated names) do not occur again: then no generator is made (the first search reads no
        ``occ``)."""
        k = self.x.find(form, start, end)
        return () if k == -1 else self._free_occurrences(form, prefix_re, occ, k, end)

    def _free_occurrences(self, form: str, prefix_re: re.Pattern, occ: bytearray, k: int,
                          end: int | None = None) -> Iterator[tuple[int, int, int]]:
        """``free_occurrences`` from the first occurrence ``k`` on."""
        x = self.x
        while k != -1:
            e = k + len(form)
            if e == len(x) or x[e] == " ":
                a = self.starts[self.tok_index(k)]
                if prefix_re.fullmatch(x[a:k]) and 1 not in occ[a:e]:
                    yield a, k, e
            k = x.find(form, e, end)

    def prev_words(self, i: int, n: int) -> list[str]:
        """Up to n clitic-stripped words before token i, stopping at punctuation other than quotes."""
        out = []
        j = i
        while j > 0 and len(out) < n:
            if j >= len(self.starts) or not self._adjq[j]:  # self.adjacent(j, quotes=True) without a call (j > 0)
                break
            j -= 1
            out.append(self.word(j))
        return out


_TATWEEL = "\u0640"
#: tatweel between spaces (or a line's start and end). The pattern starts with the tatweel itself and looks behind
#: it only then (not "(?<!\\S)\u0640+(?!\\S)", the same matches): the regex engine skips to each tatweel with a fast
#: search instead of trying the lookbehind at every character of the batch (~6x faster over the four zips)
_LONE_TATWEEL_RE = re.compile("\u0640(?<!\\S\u0640)\u0640*(?!\\S)")
_BATCH = 256  # fields per batch
_SEP = "\n\n"  # between fields of a batch: two non-word characters, so no form can match across
_NO_HITS = np.zeros((0, 4), dtype=np.int64)


def _batch_fields(texts: list[str], automaton=None) -> tuple[list[_Field], list[np.ndarray]]:
    """Normalise, tokenise and run the automaton over many fields at once (one pass of numpy and of the
    automaton over their concatenation, which costs far less than one pass per field), then cut the result
    into one :class:`_Field` per text and the automaton hits of each field in its own normalised coordinates:
    an integer array with one row ``(start, end, entry index, prefix length)`` per hit (no Python object per
    hit until a field is matched: fewer allocations and garbage-collector passes)."""
    big = _SEP.join(texts)
    if _TATWEEL in big:  # a tatweel standing alone is a dash (حسين شيعان ـ خالد الغامدي): a separator, not deleted
        big = _LONE_TATWEEL_RE.sub(lambda mt: "-" * len(mt.group()), big)  # (one for one: offsets unchanged)
    # normalize_for_matching(big) (the same text and offset map) and the word characters, from one lookup per character
    code = np.take(_batch_table(), np.frombuffer(big.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
    deleted = code == _DELETED_CODE
    keep = np.flatnonzero(~deleted) if np.count_nonzero(deleted) else None  # the offset map (None: nothing deleted)
    if keep is not None:
        code = code.take(keep)
    ncp = code & ~_WORD_BIT
    norm = str(ncp.data, "utf-32-le", "surrogatepass")
    nt = NormalizedText(big, norm, keep)
    if len(ncp) and int(ncp.max()) > 0xFFFF:
        x = _NONWORD_RE.sub(" ", norm)
        isword = np.frombuffer(x.encode("utf-32-le"), dtype=np.uint32) != 32
    else:
        isword = code >= _WORD_BIT
        x = str(np.where(isword, ncp, np.uint32(32)).data, "utf-32-le")  # (no copy of the array to bytes first)
    d = np.diff(isword.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
    sep = ~isword & (ncp != 32) & (ncp != 0xA0) & (ncp != 9)  # punctuation and line breaks between tokens
    q = (ncp == 0x201C) | (ncp == 0x201D) | (ncp == 0x22) | (ncp == 0xAB) | (ncp == 0xBB)
    c1 = np.cumsum(np.concatenate(([0], sep)), dtype=np.int32)  # (int32: half the memory traffic of the default)
    c2 = np.cumsum(np.concatenate(([0], sep & ~q)), dtype=np.int32)
    adj = np.zeros(len(starts), dtype=bool)
    adjq = np.zeros(len(starts), dtype=bool)
    if len(starts) > 1:
        adj[1:] = c1.take(starts[1:]) == c1.take(ends[:-1])  # (take: indexing in fewer instructions)
        adjq[1:] = c2.take(starts[1:]) == c2.take(ends[:-1])
    # field boundaries in original and normalised coordinates
    ostarts = np.cumsum([0] + [len(t) + len(_SEP) for t in texts[:-1]])
    oends = ostarts + np.array([len(t) for t in texts])
    if nt.orig_index is None:
        nstarts, nends = ostarts, oends
    else:
        nstarts = np.searchsorted(nt.orig_index, ostarts)
        nends = np.searchsorted(nt.orig_index, oends)
    tfirst = np.searchsorted(starts, nstarts)
    tlast = np.searchsorted(starts, nends)
    # token offsets local to their field, computed for the whole batch at once
    tok_field = np.repeat(np.arange(len(tfirst)), np.diff(tfirst, append=len(starts)))  # field k: tokens tfirst[k] on
    adj[tfirst[tfirst < len(adj)]] = False  # the first token of a field follows nothing
    adjq[tfirst[tfirst < len(adjq)]] = False
    off = nstarts.take(tok_field) if len(starts) else starts
    starts_l, ends_l = (starts - off).tolist(), (ends - off).tolist()
    adj_b, adjq_b = adj.view(np.uint8).tobytes(), adjq.view(np.uint8).tobytes()  # bytes: no GC-tracked list per field
    # _Field.tok_index as a table: at each position of the batch, the local index of the token starting at or
    # containing it (the number of token starts up to it, minus those of earlier fields, minus one)
    starts_upto = np.cumsum(d == 1, dtype=np.int32)  # len(norm) + 1 entries: the end of the last field has one too
    field_len = np.diff(nstarts, append=len(starts_upto))  # each field with the separator after it
    tok_at = memoryview(starts_upto - np.repeat(tfirst.astype(np.int32) + 1, field_len))
    # which fields have an ASCII capital (the Latin-name rule of discovery needs one) and which a quote mark (the
    # quoted-name rule): each skips a regex scan of the field elsewhere
    upper = np.flatnonzero((ncp - 65) < 26)  # A-Z (unsigned: below 65 wraps round)
    latin_l = (np.searchsorted(upper, nends) > np.searchsorted(upper, nstarts)).tolist()
    quotes = np.flatnonzero(q)
    quote_l = (np.searchsorted(quotes, nends) > np.searchsorted(quotes, nstarts)).tolist()
    bounds = list(zip(nstarts.tolist(), nends.tolist(), ostarts.tolist(), tfirst.tolist(), tlast.tolist(), latin_l, quote_l))
    orig_at = None if nt.orig_index is None else memoryview(nt.orig_index)
    fields = []
    new_field = _Field.__new__
    for text, (ns, ne, os_, a, b, latin, quoted) in zip(texts, bounds):
        f = new_field(_Field)
        f.norm = norm[ns:ne]
        f.x = x[ns:ne]
        f.text = text
        f._nt = None
        # original position of each normalised character, in batch coordinates (minus _orig_base: in the field's)
        f._orig_at = None if orig_at is None or ne - ns == len(text) else orig_at[ns:ne]
        f._orig_base = os_
        f.starts = starts_l[a:b]
        f.ends = ends_l[a:b]
        f._words = [None] * (b - a)
        f._adj = adj_b[a:b]
        f._adjq = adjq_b[a:b]
        f._tok_at = tok_at[ns : ne + 1]
        f.has_latin = latin
        f.has_quote = quoted
        fields.append(f)
    hits = [_NO_HITS] * len(texts)
    for f in fields:
        f.role_hits = f.head_hits = f.lex_hits = f.suffix_hits = ()
        f.elsewhere = frozenset()
        f.word_gates = _ALL_WORD_GATES if automaton is None else 0
    if automaton is not None and texts:
        # the automaton's values are ints (see _NO_ENTRY): the hits become one integer array, placed into fields
        # with numpy instead of a Python loop per hit; they come in text order (by end, the longest key first)
        raw = np.fromiter(chain.from_iterable(automaton.iter(" " + x + " ")), dtype=np.int64).reshape(-1, 2)
        if len(raw):
            end, code = raw[:, 0], raw[:, 1]
            s0 = end - (code & 0x3FF) + 1  # token start in normalised coordinates (the padding space cancels out)
            fld = np.searchsorted(nstarts, s0, side="right") - 1  # non-decreasing: the hits are in text order
            ix = (code >> 20) & _NO_ENTRY
            main = ix != _NO_ENTRY
            allh = np.stack([s0 - nstarts[fld], end - 1 - nstarts[fld], ix, (code >> 10) & 0x3FF], axis=1)[main]
            bounds = np.searchsorted(fld[main], np.arange(len(texts) + 1)).tolist()
            hits = [allh[bounds[k] : bounds[k + 1]] for k in range(len(texts))]
            _gate_hits(fields, fld, np.asarray(tok_at)[s0], code)
            # the word gates (a substring's s0 is its second character, still in its field; a token's its start)
            wg = (code >> _WORD_GATE_SHIFT) & _ALL_WORD_GATES
            sel = np.flatnonzero(wg)
            if len(sel):
                per_field = np.zeros(len(texts), dtype=np.int64)
                np.bitwise_or.at(per_field, fld[sel], wg[sel])
                for f, g in zip(fields, per_field.tolist()):
                    f.word_gates = g
    return fields, hits


def _gate_hits(fields: list[_Field], fld: np.ndarray, tok: np.ndarray, code: np.ndarray) -> None:
    """Fill ``role_hits``, ``head_hits``, ``lex_hits`` and ``suffix_hits`` of each field from the automaton hits that
    carry gate bits: lists of (token index, number of words), (token index, "organization" | "media") and (token
    index, 1), in text order."""
    for shift, attr, values in ((_ROLE_SHIFT, "role_hits", None), (_HEAD_SHIFT, "head_hits", _HEAD_CODES),
                                (_LEX_SHIFT, "lex_hits", None), (_SUFFIX_SHIFT, "suffix_hits", None)):
        val = (code >> shift) & 3
        sel = np.flatnonzero(val)
        if not len(sel):
            continue
        bounds = np.searchsorted(fld[sel], np.arange(len(fields) + 1)).tolist()
        toks, vals = tok[sel].tolist(), val[sel].tolist()
        if values is not None:
            vals = [values[v] for v in vals]
        for k, f in enumerate(fields):
            a, b = bounds[k], bounds[k + 1]
            if a < b:
                setattr(f, attr, list(zip(toks[a:b], vals[a:b])))


_STATEMENT = frozenset(("تصريح", "تصريحات", "حديث", "مقابله", "تصريحه", "حديثه", "قال", "صرح", "اوضح", "اضاف"))


def _headed(prefix: str, prev: str, info: tuple, rules: Rules) -> bool:
    """A `seen` outlet name right after its correspondent or channel without the article (مراسل الجزيرة، فضائية
    الجزيرة; media_context.txt; not الشبكة العربية), or with ل after قال or a statement (قال للجزيرة، في تصريح
    للحياة; not ترى للوطن): round 5."""
    return info[2] == "media" and (prev in rules.media_context or (prefix.lstrip("وف") in ("ل", "لل") and prev in _STATEMENT))


@lru_cache(maxsize=4)
def _market_cue_re(cues: frozenset[str]) -> re.Pattern:
    """One pattern for the cue words of rule `market`, as whole tokens with optional proclitics and article."""
    alts = "|".join(re.escape(c) for c in sorted(cues, key=lambda c: (-len(c), c)))
    return re.compile(rf"(?<!\S)[وف]?(?:بال|كال|لل|ال|ب|ل|ك)?(?:{alts})(?!\S)")


def _market_cues(f: _Field, cues: frozenset[str]) -> list[int]:
    """Where the cues of rule `market` start in the field: ``[mt.start() for mt in _market_cue_re(cues).finditer(f.x)]``
    (the same positions), found faster. The regex is tried only at the start of the tokens in which ``str.find``
    sees a cue word (a match always starts there: the clitics come before the cue), in text order and after the
    end of the previous match, as finditer does; scanning the whole field with it cost ~90 µs per field. The field
    is searched for the fewest words that show every such token (``_cue_needles``)."""
    return [mt.start() for mt in matches_at(_market_cue_re(cues), f.x, f.token_starts_of(_cue_needles(cues)))]


@lru_cache(maxsize=4)
def _cue_needles(cues: frozenset[str]) -> tuple[str, ...]:
    """What ``_market_cues`` looks for: the first word of each cue (a match of the cue pattern starts at the start of
    the token that holds it), less those that hold another one (تداولات holds تداول, سهمي holds سهم: the same token
    is found by the shorter word): 9 searches of the field instead of 17. The tokens found are a superset of those
    where a cue starts, which ``matches_at`` allows."""
    firsts = {c.split(" ", 1)[0] for c in cues}
    return tuple(sorted(w for w in firsts if not any(v != w and v in w for v in firsts)))




_MARKET_WINDOW = 250  # characters: how near a market cue must be to a company's short name
_MARKET_HEADS = frozenset(("سهم", "اسهم", "سهمي", "شركه", "شركات", "شركتي", "بنك", "مصرف"))


def _market_blocked(f: _Field, s: int, plen: int, rules: Rules, company_ends: frozenset = frozenset()) -> bool:
    """A market short name read as a common word: with a preposition (بالكهرباء، للاتصالات) or right after a
    `not_after` noun of market_context.txt (وزارة الاتصالات، قطاع الخدمات الأرضية), even after the company was named.
    Otherwise it counts only as an item of a list of stocks: after punctuation or at the start, after a stock head
    (سهم، أسهم، شركة …; also أسهم شركات), or joined by و to the word before when that word is another company or not
    definite (التسويق والاتصالات is a common noun)."""
    prefix = f.x[s : s + plen]
    clitics = prefix[:-2] if prefix.endswith("ال") else prefix[:-1] if prefix.endswith("لل") else prefix
    if any(c in clitics for c in "بلك"):
        return True
    i = f.tok_index(s)
    if i <= 0 or not f.adjacent(i):
        return False  # after punctuation or quote marks: «الصحراء»، ، الراجحي ،
    prev = f.word(i - 1)
    bare = strip_clitics(prev)
    if prev in rules.market_not_after or bare in rules.market_not_after:
        # … but أسهم شركات الإنماء (SPA's daily report: "the shares of the companies X, Y …") is a list of stocks
        return not (bare == "شركات" and i > 1 and f.adjacent(i - 1) and strip_clitics(f.word(i - 2)) in ("اسهم", "سهم"))
    if prefix.startswith("و"):
        return f.ends[i - 1] not in company_ends and _conj_stripped(prev).startswith(("ال", "لل"))
    return bare not in _MARKET_HEADS and _conj_stripped(prev) not in _MARKET_HEADS


def _market_hits(f: _Field, hits_amb: list, hits_actor: list, rules: Rules) -> list:
    """Rule `market` (ambiguous_forms.tsv, market_context.txt): near a cue that names the stock market (سهم،
    المؤشر العام، السوق المالية …; within _MARKET_WINDOW characters), a company's market short name
    (الاتصالات، الإنماء، معادن) counts like an unambiguous form, so that longest match applies (المجموعة السعودية
    over السعودية), unless :func:`_market_blocked`. Moves those hits into ``hits_actor`` and returns the other
    ambiguous hits (which still count when the company was named earlier). Only fields with such a hit are searched."""
    market = [h for h in hits_amb if h[3].ambiguous == "market"]
    if not market:
        return hits_amb
    cues = _market_cues(f, rules.market_context)
    if not cues:
        return hits_amb
    company_ends = frozenset(h[1] for h in chain(market, hits_actor)
                             if h[3].actor_id is not None and h[3].actor_id.startswith("org:"))
    rest = []
    for h in hits_amb:
        s = h[0]
        if (h[3].ambiguous == "market" and any(abs(c - s) < _MARKET_WINDOW for c in cues)
                and not _market_blocked(f, s, h[2], rules, company_ends)):
            hits_actor.append(h)
        else:
            rest.append(h)
    return rest


def _conj_stripped(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


#: Sort key of mentions: by start (a C-level getter, cheaper than a lambda in the sorts every field goes through).
_by_start = attrgetter("s")


def _longest_first(h: tuple) -> tuple[int, int]:
    """Sort key of hits ``(start, end, …)``: the longest first, then by start."""
    return h[0] - h[1], h[0]


# --- The rules of ambiguous forms -----------------------------------------------------------------------------------
# A form with a rule (column `ambiguous` of ambiguous_forms.tsv, or set by the codebook's loaders) counts only when its
# rule says so. `_ambiguous_ok` applies, in this order: the rule's first check in `_FIRST_RULES` (a verdict, or None to
# go on); the checks every ambiguous form shares (the actor already named in the field, an outlet in quotes, a club
# joined to a club); the rule's context check in `_CONTEXT_RULES`. A rule in neither table counts only through the
# shared checks. Each function takes the field's `_AmbiguousContext` and the hit (start, end, proclitic length, entry).


class _AmbiguousContext:
    """What the rules of ambiguous forms read in one field: the field, the matcher, the rules, the mentions taken so
    far (``out``, growing while the hits are taken), the starts of the club hits, and whether the field is about sport
    (``sport``: computed once, when a club rule first asks; None until then). ``named`` and ``clubs`` read ``out``
    through an index kept up to date as it grows (``out`` only grows while the hits are taken): most rules ask
    whether the hit's actor was named before, once per hit, which scanned every mention of the field each time."""
    __slots__ = ("f", "m", "rules", "out", "club_starts", "sport", "_by_actor", "_clubs", "_indexed")

    def __init__(self, f: _Field, m: _Matcher, rules: Rules, out: list, club_starts: frozenset):
        self.f, self.m, self.rules, self.out, self.club_starts = f, m, rules, out, club_starts
        self.sport: bool | None = None
        self._by_actor: dict[str, list[_M]] = {}
        self._clubs: list[_M] = []
        self._indexed = 0  # how many mentions of out the index holds

    def _index(self) -> None:
        out = self.out
        if self._indexed < len(out):
            by_actor, info = self._by_actor, self.m.info
            for k in range(self._indexed, len(out)):
                o = out[k]
                by_actor.setdefault(o.actor_id, []).append(o)
                if o.actor_id in info and info[o.actor_id][3] == "club":
                    self._clubs.append(o)
            self._indexed = len(out)

    def named(self, aid: str) -> list[_M]:
        """The mentions of actor ``aid`` taken so far, in the order of ``out``."""
        self._index()
        return self._by_actor.get(aid, [])

    def clubs(self) -> list[_M]:
        """The club mentions taken so far, in the order of ``out``."""
        self._index()
        return self._clubs

    def is_sport(self) -> bool:
        if self.sport is None:
            self.sport = _sports_field(self.f, self.rules)
        return self.sport


def _first_country(c: _AmbiguousContext, s, e, plen, ent):
    if c.m.info[ent.actor_id][2] == "organization" and _before_definite_nisba(c.f, e):
        return False  # اتحاد الكرة الكويتي: another country's body than the row's (the Saudi one), even once named
    return None


def _first_quoted(c, s, e, plen, ent):
    # an outlet's name (checked when the hit was read) or a form of ambiguous_forms.tsv that counts in quotes only
    return _quoted(c.f, s, e)  # («الكردستاني»)


def _named_before(c, s, ent) -> bool:
    """The actor was named before ``s`` in the field by a form that is no common word (a codebook form with no rule)."""
    return any(o.s < s and o.entry is not None and not o.entry.ambiguous for o in c.named(ent.actor_id))


def _first_quoted_seen(c, s, e, plen, ent):
    # فتح (mostly the verb "opened"): in quotes, or once the actor was named by a form that is no common word
    return _quoted(c.f, s, e) or _named_before(c, s, ent)  # (حركة فتح … قالت فتح)


def _first_quoted_named(c, s, e, plen, ent):
    # «هدف» (the HRDF; also "a goal", quoted in sports news): between quote marks and after the actor was named by a
    # form that is no common word (صندوق تنمية الموارد البشرية «هدف»)
    return _quoted(c.f, s, e) and _named_before(c, s, ent)


def _first_place(c, s, e, plen, ent):
    if _before_adjective(c.f, e, c.rules):
        return False  # عبر كابل بحري "a submarine cable", not Kabul (even once Kabul was named)
    return None


#: rule `not_before`: the word after which a form is part of an idiom (النيل من "to harm", not the Nile; يهلك الحرث
#: والنسل "destroys tillage and offspring", not Al-Harth). Keyed by the form without its article.
_NOT_BEFORE = {norm_word(k): frozenset(norm_word(w) for w in v) for k, v in (
    ("نيل", ["من"]), ("حرث", ["والنسل"]), ("حرم", ["الجامعي", "الجامعية", "الجامعة"]))}
#: and the words before which it is (الأشهر الحرم "the sacred months", not the Great Mosque)
_NOT_AFTER = {norm_word(k): frozenset(norm_word(w) for w in v) for k, v in (("حرم", ["الأشهر", "والأشهر", "أشهر"]),)}


def _first_not_before(c, s, e, plen, ent):
    stem = c.f.x[s + plen : e]
    stem = stem[2:] if stem.startswith("ال") else stem
    if stem in _NOT_AFTER:
        i = c.f.tok_index(s)
        if i > 0 and c.f.adjacent(i) and c.f.word(i - 1) in _NOT_AFTER[stem]:
            return False
    return _next_word(c.f, e) not in _NOT_BEFORE.get(stem, ())


def _first_no_lam(c, s, e, plen, ent):
    return "ل" not in c.f.x[s : s + plen]  # للحج is "for the Hajj" (ل + الحج), not "to Lahij"


def _first_no_ba(c, s, e, plen, ent):
    return "ب" not in c.f.x[s : s + plen]  # باكرا is "early", not "in Accra"


def _first_plus(c, s, e, plen, ent):
    return "+" in c.f.norm[s:e]  # 5+1، 1+ 5: the digits with a plus sign, not a date (5/1)


def _first_hamza(c, s, e, plen, ent):
    # أبل/آبل (Apple): only where the text writes a hamza or madda over its first alef; إبل is "camels" and وابل "a
    # torrent", which normalisation (أإآ → ا) spells the same (seventeenth session)
    f = c.f
    a, _ = f.span_in_original(s + plen, e)
    return a < len(f.text) and f.text[a] in "أآ"


def _first_no_hamza(c, s, e, plen, ent):
    # وام (WAM, the Emirates' agency): only where the text writes no hamza or madda; وأم is "and a mother" (أب وأم،
    # وأم لطفلين: 57 of its 84 bare mentions in SaudiNewsNet), which normalisation spells the same (twenty-third session)
    f = c.f
    a, b = f.span_in_original(s, e)
    return not any(ch in "أآإ" for ch in f.text[a:b])


def _first_ta_marbuta(c, s, e, plen, ent):
    # جدة (Jeddah): only where the text writes its final ة; جده "his grandfather" and وجده "he found it" normalise the same
    # (about 97 mentions in SaudiNewsNet; twenty-third session)
    f = c.f
    a, b = f.span_in_original(s, e)
    near = f.norm[max(0, s - 2) : s] + f.norm[e : e + 3]
    return dediacritize(f.text[a:b]).endswith("ة") or any(ch in near for ch in "-–—")  # (جده - عبدالرحمن العمري، طريق مكة - جده السريع)


def _first_dateline(c, s, e, plen, ent):
    # سبق (Sabq) is also the verb "preceded": سبق أن كتبت، سبق وأن خاض، سبق له اللعب، مما سبق، كما سبق — not the
    # outlet, even in an article that names it (twenty-third session); otherwise the rule below decides
    f = c.f
    nxt = _next_word(f, e)
    if plen == 0 and nxt is not None and (nxt in _VERB_NEXT or nxt.startswith("لل")):
        return False
    i = f.tok_index(s)
    return False if plen == 0 and i > 0 and f.adjacent(i) and f.word(i - 1) in _VERB_BEFORE else None


_VERB_NEXT = frozenset(norm_word(w) for w in ["أن", "وأن", "ان", "وان", "له", "لها", "لك", "لي", "لهم", "لنا", "هذا", "هذه",
                                              "ذلك", "تلك"])
_VERB_BEFORE = frozenset(norm_word(w) for w in ["مما", "ما", "كما", "لما", "وقد", "قد", "فقد", "أن", "وأن", "الذي", "التي"])


def _first_agency(c, s, e, plen, ent):
    # قنا (QNA) is also Qena, the Egyptian governorate (محافظة قنا، 28 من قنا); سبأ (Saba) also Sheba (ملكة سبأ) and a
    # spa (منتجع وسبا); افي (EFE) also in وافي، كافي، آفي: the agency right after وكالة (وفقا لوكالة افي، وكالة «قنا»),
    # never with a proclitic but ل; else by the dateline rule, or after it was named in full (twenty-fourth session)
    f = c.f
    i = f.tok_index(s)
    if i > 0 and f.adjacent(i, quotes=True) and f.word(i - 1) in _AGENCY_WORDS:
        return True
    return False if plen and f.x[s : s + plen] != "ل" else None


_AGENCY_WORDS = frozenset(norm_word(w) for w in ["وكالة", "لوكالة", "بوكالة", "ووكالة", "الوكالة"])


def _first_not_boys(c, s, e, plen, ent):
    # بنين (Benin) is also "boys" in Saudi education news (مدارس بنين وبنات، الوظائف التعليمية بنين، (بنين - بنات)):
    # not before بنات, nor after a word of schooling or children; otherwise the country (twenty-fourth session)
    f = c.f
    if "بنات" in f.x[e : e + 12]:
        return False
    i = f.tok_index(s)
    return not (i > 0 and f.word(i - 1).strip("(") in _BOYS_BEFORE)


_BOYS_BEFORE = frozenset(norm_word(w) for w in ["مدارس", "مدرسة", "المدارس", "التعليمية", "تعليم", "التعليم", "الإدارة",
                                                "إدارة", "الداخلي", "الأطفال", "بأموال", "الطلاب", "طلاب", "مكاتب"])


def _first_not_after_number(c, s, e, plen, ent):
    f = c.f  # بي بي (BP), also "basis points" after a number (35 «بي بي»)
    i = f.tok_index(s)
    return not (i > 0 and f.adjacent(i, quotes=True) and _has_digit(f.word(i - 1)))


def _first_place_only(c, s, e, plen, ent):
    f = c.f  # أجري (also the verb "was conducted"): only right after إقليم/ولاية/في
    i = f.tok_index(s)
    return i > 0 and f.adjacent(i) and s == f.starts[i] and strip_clitics(f.word(i - 1)) in c.rules.place_context


def _first_seen_bare(c, s, e, plen, ent):
    # الاتحاد الدولي: FIFA once named, not before an ل-complement that names another federation
    # (الاتحاد الدولي للسباحة، لنقابات العمال; للعبة، لكرة القدم are FIFA)
    nxt = _next_word(c.f, e)
    if nxt is not None and nxt[0] == "ل" and nxt not in _GAME_WORDS:
        return False
    named = c.named(ent.actor_id)
    # or its own name right after it, in apposition: الاتحاد الدولي (الفيفا)، الاتحاد الدولي للعبة «فيفا»
    return any(o.s < s or o.s >= e and _apposition_gap(c.f.norm[e : o.s]) for o in named)


_APPOSITION_RE = re.compile(r"[\s\"“”«»'(]*(?:(?:للعب[ةه]|لكر[ةه] القدم)[\s\"“”«»'(]*)?")  # (on the normalised text)


def _apposition_gap(between: str) -> bool:
    """Only spaces, opening quote marks or brackets and a game complement (للعبة، لكرة القدم) between a short name and
    the full name after it."""
    return _APPOSITION_RE.fullmatch(between) is not None


def _first_occupation(c, s, e, plen, ent):
    # الاحتلال: Israel once named, or near a mention of Palestine or of an actor or place of Israel or Palestine
    # (القدس، غزة، الأقصى); never before another nisba (الاحتلال الأمريكي)
    f, out = c.f, c.out
    j = f.tok_index(e - 1) + 1
    if j < len(f.starts) and f.adjacent(j) and (f.word(j) in _OTHER_OCCUPIERS or any(
            o.kind == "nisba" and o.s == f.starts[j] for o in out)):
        return False
    country_of = c.m.country_of or {}
    return any(o.actor_id == ent.actor_id and o.s < s or abs(o.s - s) < _CONTEXT_WINDOW and (
        o.actor_id in _OCCUPATION or country_of.get(o.actor_id) in _OCCUPATION) for o in out)


def _first_list_only(c, s, e, plen, ent):
    # مدركة، الحريق: only in a list of places (تربة والخرمة), never from an earlier mention
    return _coordinated_place(c.f, s, e, plen, c.out)


def _first_province(c, s, e, plen, ent):
    # الشرقية (also "eastern"): in a list of places (الرياض والشرقية), with ب (بالشرقية: an adjective takes no
    # preposition), right after في, or between brackets (من (الشرقية))
    f = c.f
    x, i = f.x, f.tok_index(s)
    return (_coordinated_place(f, s, e, plen, c.out) or "ب" in x[s : s + plen]
            or x[s : s + plen] == "ال" and i > 0 and f.adjacent(i) and f.word(i - 1) in _IN
            or f.norm[s - 1 : s] == "(" and f.norm[e : e + 1] == ")")


def _first_demonstrative(c, s, e, plen, ent):
    # المسعى (also "the endeavour"): not right after هذا/ذلك (هذا المسعى)
    pw = c.f.prev_words(c.f.tok_index(s), 1)
    return not (pw and _conj_stripped(strip_clitics(pw[0])) in _DEMONSTRATIVES)


def _first_market(c, s, e, plen, ent):
    f = c.f
    if ent.actor_id in _OPERATORS and f.x[s : s + plen] in ("", "ال") and (
            _SHORT_CODE_BEFORE.search(f.x, max(0, s - 12), s) or _SHORT_CODE_AFTER.match(f.x, e, e + 12) and (
                (i := f.tok_index(s)) == 0 or not f.adjacent(i))):
        return True  # an SMS footer: 88548 الاتصالات، 636250 موبايلي، 738303 زين (eighteenth session)
    if _market_blocked(f, s, plen, c.rules):
        return False  # لتوليد الكهرباء، وزارة الاتصالات: a common noun, even after the company's full name
    return None


#: Mobile operators, named next to their SMS short codes in the columnists' footers (okaz, al-riyadh).
_OPERATORS = frozenset(["org:stc", "org:zain_ksa", "org:mobily"])
_SHORT_CODE_BEFORE = re.compile(r"(?<![0-9])[0-9]{5,6} ?[،,]? ?$")
_SHORT_CODE_AFTER = re.compile(r" ?[،,]? ?[0-9]{5,6}(?![0-9])")


#: Words before الغرب that make it the direction (باتجاه الغرب، شمال غرب …).
_DIRECTION_BEFORE = frozenset(norm_word(w) for w in [
    "باتجاه", "اتجاه", "نحو", "جهة", "ناحية", "صوب", "أقصى", "شمال", "جنوب", "وسط", "أطراف"])
#: Words after it that make it the direction (إلى الغرب من دمشق، من الغرب إلى الشرق).
_DIRECTION_AFTER = frozenset(norm_word(w) for w in ["من", "إلى", "الى"])
#: "in it" before بالغرب: the west of the place just named (المناطق المطيرة بها بالغرب).
_IN_IT = frozenset(norm_word(w) for w in ["بها", "فيها", "به", "فيه", "بهم", "فيهم", "بهما", "فيهما"])
#: The other points of the compass: من الشرق إلى الغرب، من الشرق للغرب (the direction), not الشرق والغرب (East and West).
_OTHER_POINTS = frozenset(norm_word(w) for w in ["الشرق", "الشمال", "الجنوب"])


def _first_not_direction(c, s, e, plen, ent):
    # Eighteenth session: الغرب is the West (مع الغرب، يشتبه الغرب، بين الغرب وإيران: 536 of 879 in SaudiNewsNet were
    # left out by the place rule) unless it is the direction: after باتجاه/نحو/شمال …, before من/إلى (إلى الغرب من),
    # or after another point of the compass with إلى or ل (من الشرق إلى الغرب، من الشرق للغرب); with ب not after
    # بها/فيها or a place word (المناطق المطيرة بها بالغرب: "in the west" of a region), but علاقة إيران بالغرب
    f = c.f
    i = f.tok_index(s)
    pw = f.prev_words(i, 2)
    if pw and f.adjacent(i):
        w0 = _conj_stripped(pw[0])
        if "ب" in f.x[s : s + plen] and (w0 in _IN_IT or strip_clitics(pw[0]) in c.rules.place_context):
            return False
        if (w0 in _DIRECTION_BEFORE or strip_clitics(pw[0]) in _DIRECTION_BEFORE
                or w0 in _OTHER_POINTS and f.x[s : s + plen].endswith("لل")  # ل + the article
                or len(pw) > 1 and pw[0] in _DIRECTION_AFTER and _conj_stripped(pw[1]) in _OTHER_POINTS):
            return False
    j = f.tok_index(e - 1) + 1
    return not (j < len(f.starts) and f.adjacent(j) and f.word(j) in _DIRECTION_AFTER)


#: rule → first check: True or False decides; None goes on to the shared checks and the context rule.
_FIRST_RULES = {
    "country": _first_country, "quoted": _first_quoted, "quoted_seen": _first_quoted_seen, "place": _first_place,
    "quoted_named": _first_quoted_named,
    "not_before": _first_not_before, "no_lam": _first_no_lam, "no_ba": _first_no_ba, "plus": _first_plus,
    "not_after_number": _first_not_after_number, "place_only": _first_place_only, "seen_bare": _first_seen_bare,
    "occupation": _first_occupation, "list_only": _first_list_only, "province": _first_province,
    "demonstrative": _first_demonstrative, "market": _first_market, "hamza": _first_hamza,
    "not_direction": _first_not_direction, "no_hamza": _first_no_hamza, "dateline": _first_dateline,
    "agency": _first_agency, "not_boys": _first_not_boys,
    "ta_marbuta": _first_ta_marbuta,
}


def _prev_forms(pw: list[str]) -> list[str]:
    """The words before a hit without clitics, then without a conjunction: ``prev[k]`` and ``prev[len(pw) + k]``."""
    return [strip_clitics(w) for w in pw] + [_conj_stripped(w) for w in pw]


def _context_club_nisba(c, s, e, plen, ent, i, pw):
    # الفريق الهلالي، الإدارة النصراوية، الهلاليون: in a field about sport, after a definite word (not باسل الهلالي,
    # a family name) or a plural (the club's fans and players)
    x, rules = c.f.x, c.rules
    plural = x[e - 2 : e] in ("ين", "ون")
    if x[s + plen : e].startswith(rules.word_nisbas):  # الشبابية "youth", التعاونية: also adjectives
        if not ("ال" in x[s : s + plen] and (plural or pw and c.f.adjacent(i) and bare_in(pw[0], rules.nisba_heads))):
            return False  # الإدارة الشبابية، الاتفاقيين; not الفئات الشبابية
    elif not (plural or "ال" in x[s : s + plen] and pw and c.f.adjacent(i)
              and _conj_stripped(pw[0]).startswith(("ال", "لل"))):
        return False  # not واتحادي العراق "and the federations of Iraq" (no article, a construct dual)
    return c.is_sport()


def _context_club(c, s, e, plen, ent, i, pw):
    f, rules = c.f, c.rules
    if (_club_cue(f, e, pw, rules, c.club_starts) or (
            "ال" + f.x[s + plen : e] in rules.bare_clubs and _bare_club(f, s, e, plen, c.out, rules)) or (
            _club_alternative(f, s, e, c.club_starts))) and c.is_sport():
        return True  # مدرب الهلال، قادما من الاتفاق: a cue word (or a club of `bare:`), in a field about sport
    # a list of clubs' bare names joined by و: three or more are clubs wherever they stand (التعاون والشباب والفتح
    # والفيصلي); two in a field with a word of sport (بين النصر والهلال in a two-line notice about the Super Cup's
    # tickets: too short for the three words of a field about sport)
    a, b = _club_chain(f, i, c.club_starts)
    return b - a >= 2 or b - a == 1 and _sports_field(f, rules, 1) and not _chain_after_definite(f, a, rules)


def _club_chain(f: _Field, i: int, club_starts: frozenset) -> tuple[int, int]:
    """Twenty-fifth session: the first and last token of the list of club forms of rule `club` (``club_starts``: where
    the field's hits of such forms start) that token ``i`` belongs to: tokens right after one another, each after the
    first written with و, nothing but spaces between them."""
    a = i
    while a > 0 and f.x[f.starts[a]] == "و" and f.adjacent(a) and f.starts[a - 1] in club_starts:
        a -= 1
    b = i
    while b + 1 < len(f.starts) and f.adjacent(b + 1) and f.starts[b + 1] in club_starts and f.x[f.starts[b + 1]] == "و":
        b += 1
    return a, b


def _chain_after_definite(f: _Field, a: int, rules: Rules) -> bool:
    """The list of club forms that starts at token ``a`` starts with a bare definite form (no preposition) right after
    a definite word that is neither a club cue nor a word of sport (وللسلم الأهلي والوحدة الوطنية "civil peace and
    national unity": the adjectives of a noun; not الأندية الشباب والاتحاد، العبرة بالاتحاد والوحدة)."""
    if a == 0 or not f.adjacent(a) or not f.word(a).startswith("ال"):
        return False
    w = _conj_stripped(f.word(a - 1))
    return (w.startswith(("ال", "لل")) and bare_of(w, rules.club_cues) is None
            and bare_of(w, rules.sport_words) is None)


def _club_alternative(f: _Field, s: int, e: int, club_starts: frozenset) -> bool:
    """Nineteenth session: a club's bare name joined by أو to another club form (سواء مع الاتحاد أو النصر أو الأهلي أو
    الشباب): the alternatives of a list of clubs (rule `club`, in a field about sport; و is rule coordinated's)."""
    j = f.tok_index(e - 1) + 1
    if j + 1 < len(f.starts) and f.word(j) == "او" and f.adjacent(j) and f.adjacent(j + 1) and f.starts[j + 1] in club_starts:
        return True
    i = f.tok_index(s)
    return (i >= 2 and f.word(i - 1) == "او" and f.adjacent(i) and f.adjacent(i - 1)
            and f.starts[i - 2] in club_starts)


def _context_seen(c, s, e, plen, ent, i, pw):
    f, rules, info = c.f, c.rules, c.m.info[ent.actor_id]
    prev = _prev_forms(pw)
    if prev and info[2] == "person" and f.adjacent(i) and (
            prev[0] in _LOYAL or prev[len(pw)] in _LOYAL or not _has_preposition(f.x[s : s + plen]) and (
                prev[0] in rules.person_context or prev[len(pw)] in rules.person_context)):
        # الموالية لهادي: a preposition on a one-word name after "loyal to" (not الحكم لصالحي "in my favour");
        # without a preposition any person context word (وقوات المخلوع)
        return True
    if prev and not _conj_stripped(pw[0]).startswith(("ال", "لل")) and _headed(f.x[s : s + plen], prev[0], info, rules):
        nxt = _next_word(f, e)  # not before a definite adjective (للوطن العربي، الجزيرة العربية)
        if not (nxt is not None and nxt.startswith("ال")):
            return True
    return False


def _context_person_country_group(c, s, e, plen, ent, i, pw):
    f, m, rules, out = c.f, c.m, c.rules, c.out
    prev = _prev_forms(pw)
    if m.info[ent.actor_id][2] == "country":
        # عمان (Oman, also Amman): in a field that names Oman (العماني، مسقط، وكالة الأنباء العمانية) or in a
        # list of countries (قطر وعمان); never spelt عمّان, nor in a field about Jordan (context_capitals.tsv)
        a0, b0 = f.span_in_original(s, e)
        if "\u0651" in f.text[a0:b0] or _capital_country_named(f.x[s + plen : e], ent.actor_id, out, m):
            return False
        if _coordinated_place(f, s, e, plen, out, ("country",)):
            return True
        return _country_near(s, ent.actor_id, out, m)
    if ent.ambiguous == "country":
        # الأسد in a field that names Syria (سوريا، السوري، دمشق، النظام السوري): the president, not the lion
        if _country_near(s, ent.actor_id, out, m):
            return True
        if pw and f.adjacent(i) and not pw[0].startswith("ال") and pw[0] not in rules.person_context \
                and pw[0] not in rules.titles:
            given = _conj_stripped(pw[0]) in rules.given_names
            if given or _name_like(pw[0], rules):
                # the family name of the first name right before, not Nouri al-Maliki: a known first name
                # takes it in through discovery (العقيد تركي المالكي); another is left free for discovery
                # (المهندس مسفر المالكي), which then finds the whole name
                return given
    if ent.ambiguous == "country" and pw and f.adjacent(i) and pw[0].startswith("ال") and (
            _nisba_like(stem := f.x[s + plen : e]) or f.x[s : s + plen].endswith("ال") and _nisba_like("ال" + stem)):
        return False  # الجيش العثماني، السلطان العثماني: a nisba after a definite noun is its adjective, away from his country
    if ent.ambiguous != "group" and m.info[ent.actor_id][3] != "party" and any(
            w in rules.person_context or "ال" + w in rules.person_context for w in prev):
        return True  # (not a party's short name: استقبل أمير المنطقة المحافظين are governors)
    if ent.ambiguous == "group":
        # القاعدة next to another armed group or after تنظيم/جناح: the group, not "the base / the rule"
        nxt = _next_word(f, e)
        if nxt is not None and nxt.startswith("ال"):
            return False  # القاعدة الجوية، القاعدة الأساسية
        return (any(w in rules.group_context for w in prev[:1] + prev[2:3]) or _quoted(f, s, e)
                or any(o.actor_id in rules.group_context and abs(o.s - s) < _CONTEXT_WINDOW for o in out))
    return False


def _context_coordinated(c, s, e, plen, ent, i, pw):
    # الخبر (also "the news"): in a list of places (الدمام والخبر), after a city head (مدينة الخبر) or a place and
    # a dash (الدمام - الخبر)
    f = c.f
    return (_coordinated_place(f, s, e, plen, c.out, dash=True) or _after_city_head(f, s, plen)
            or f.x[s:e].endswith(_KHOBAR) and _located_after_definite(f, s, plen))  # (not التمركزات الأمنية بالميادين)


def _context_place_or_list(c, s, e, plen, ent, i, pw):
    # a GeoNames town: after a place word or in a list of places (دهب ونويبع); not with an attached ب (بزفرة
    # "with a sigh")
    return _place_context(c.f, s, e, plen, c.out, c.rules)


def _context_place(c, s, e, plen, ent, i, pw):
    # after a place word, or with an attached ب (بدمشق), a town's also with the article (بالشرائع; not بالغرب, a region)
    f = c.f
    x, clitic = f.x, f.x[s : s + plen]
    if x[s + plen : e] == _MUSCAT and (nxt := _next_word(f, e)) is not None and nxt.startswith("راس"):
        return False  # مسقط رأسه "his birthplace", even after إلى
    prev = _prev_forms(pw)
    ctx = prev[:1] + prev[2:3]
    if len(pw) > 1 and any(o.kind == "nisba" and o.e == f.ends[i - 1] for o in c.out):
        ctx += prev[1:2] + prev[3:4]  # العاصمة العمانية مسقط: the place word before a nisba
    return (any(w in c.rules.place_context for w in ctx) or clitic.endswith("ب")
            or clitic.endswith("بال") and c.m.info[ent.actor_id][3] == "city")


def _context_verb(c, s, e, plen, ent, i, pw):
    nxt = _next_word(c.f, e)  # فتح: the verb "opened" when a definite object follows (وفتح الباب)
    return nxt is None or not (nxt.startswith("ال") and not nxt.endswith(("ي", "يه", "يين", "يتين"))
                               or nxt in c.rules.stopwords)


def _context_dateline(c, s, e, plen, ent, i, pw):
    # سبق- الرياض، (واس): a dash, colon or bracket next to it, or right after the date of SPA's dateline
    # (… الموافق 10 اغسطس 2015 م واس، … 2015م واس)
    near = c.f.norm[max(0, s - 2) : s] + c.f.norm[e : e + 3]
    return any(ch in near for ch in "-–—:()") or bool(pw) and _DATELINE_ERA_RE.fullmatch(pw[0]) is not None


#: words right before حماس that make it the movement (وفد حماس، قيادة حماس، منظمة حماس), beside group_context.txt's
_MOVEMENT_WORDS = frozenset(norm_word(w) for w in ["حركة", "حركتي", "حركتا", "وفد", "منظمة", "حكومة", "قيادة", "قيادات",
                                                    "قيادي", "مكتب", "السياسي", "شرطة", "نشطاء", "ناشطي", "كتائب", "ممثل",
                                                    "ممثلي"])  # (السياسي: المكتب السياسي لحماس)
#: the other party to a movement's conflict: named near it, it makes the bare name the movement
_MOVEMENT_RIVALS = {"group:hamas": "country:il"}


def _context_movement(c, s, e, plen, ent, i, pw):
    # حماس (also "enthusiasm": بحماس شديد، حماس الجماهير، وسط حماس من الحضور, a quarter of its mentions in
    # SaudiNewsNet): in quotes, after a movement word (وفد حماس), or near its country (Palestine: غزة، الفلسطيني، فتح),
    # its rival (Israel) or another group (حزب الله وحماس والجهاد الإسلامي)
    f, m, out = c.f, c.m, c.out
    if _quoted(f, s, e) or pw and f.adjacent(i) and (pw[0] in _MOVEMENT_WORDS or pw[0] in c.rules.group_context):
        return True
    aid = ent.actor_id
    if any(o.typ == "group" and abs(o.s - s) < _CONTEXT_WINDOW and o.actor_id != aid for o in out):
        return True
    near = {(m.country_of or {}).get(aid), _MOVEMENT_RIVALS.get(aid)} - {None}
    return _countries_named_near(s, near, out, m, places=True, skip=aid)  # (places too: في غزة)


#: rule → context check, after the shared ones (arguments: the hit, its token index and the two words before it).
_CONTEXT_RULES = {
    "club_nisba": _context_club_nisba, "club": _context_club, "seen": _context_seen,
    "person": _context_person_country_group, "country": _context_person_country_group,
    "group": _context_person_country_group, "coordinated": _context_coordinated,
    "place_or_list": _context_place_or_list, "place": _context_place, "verb": _context_verb,
    "dateline": _context_dateline, "movement": _context_movement, "agency": _context_dateline,
}


def _places_after_heads(f: _Field, hits_amb: list, out: list[_M], occ: bytearray, m: _Matcher, rules: Rules) -> None:
    """A foreign place's name that its rule ``country`` held back (its country not named) right after a place head
    (حي الخالدية، أحياء الخالدية والنميص، مدينة أريحا بإدلب) or a preposition of place (في الرباط عند المدخل الشمالي
    للمدينة: a district of Aden) is a place of that name all the same: another one, found as discovered (الخالدية of
    Abha or Jeddah, not of Iraq); it can then start a list of places (_listed_places)."""
    heads = _name_place_heads(rules)
    for s, e, plen, ent in hits_amb:
        if (ent.ambiguous != "country" or ent.actor_id is None or m.info[ent.actor_id][2] != "location"
                or 1 in occ[s:e] or (i := f.tok_index(s)) <= 0 or not f.adjacent(i)):
            continue
        prv = f.word(i - 1)
        clitics = _proclitic_len(f.x[s : s + plen]) if plen else 0  # (without the article: the name keeps it, الخالدية)
        if strip_clitics(prv) not in heads and not (
                prv in rules.place_context and not clitics and not (_next_word(f, e) or "").startswith("ال")):
            continue  # (after في/إلى/من too, with no proclitic and no definite word after it: في الرباط عند المدخل،
            # not في الرباط الصليبي / المتصالب, the ligament)
        occ[s:e] = b"\x01" * (e - s)
        out.append(_new(s, e, clitics, f.x[s + clitics : e], "location"))


@lru_cache(maxsize=4)
def _name_place_heads(rules: Rules) -> frozenset[str]:
    """The place heads after which a name is a place (place_heads.tsv, span ``name``; place_list_heads.txt)."""
    return frozenset(h for h, span in rules.place_heads.items() if span == "name") | rules.place_list_heads


def _ambiguous_ok(c: _AmbiguousContext, s: int, e: int, plen: int, ent: _Entry) -> bool:
    """Whether the ambiguous hit ``x[s:e]`` counts (see the tables above)."""
    amb = ent.ambiguous
    first = _FIRST_RULES.get(amb)
    if first is not None:
        verdict = first(c, s, e, plen, ent)
        if verdict is not None:
            return verdict
    f, x, out = c.f, c.f.x, c.out
    # an outlet named in quotes does not license its bare name later (وزار المدينة after لـ«المدينة»)
    aid = ent.actor_id
    # (or, for a body, its name right after it in apposition: النقل الجماعي «سابتكو»; not a person's epithet before
    # the name, which D5 leaves out: «المخلوع» علي عبدالله صالح)
    typ = c.m.info[aid][2]
    after = typ != "person"
    seen = any((o.s < s or after and o.s >= e and _apposition_gap(f.norm[e : o.s]))
               and not (o.entry.ambiguous and _quoted(f, o.s, o.e)) for o in c.named(aid)) or (
        aid in f.elsewhere and typ != "media")  # a title whose body names the actor (not an outlet:
    # a paper's own name in its body does not make المدينة in its headline the paper rather than the city)
    if seen and x[s + plen : e] in _ADJECTIVE_NICKNAMES and _after_definite_noun(f, s, plen, out, c.rules):
        return False  # المستطيل الأخضر "the green pitch": an adjective, even after the team was named
    if x[s + plen : e] == _YOUTH and (pw1 := f.prev_words(f.tok_index(s), 1)) and (
            pw1[0] in _YOUTH_HEADS or strip_clitics(pw1[0]) in _YOUTH_HEADS):
        return False  # لدرجة الشباب، كأس العالم للشباب، منتخب الشباب: the youth category, not the club al-Shabab
    if seen and amb == "club" and _after_given_name(f, s, plen, c.rules):
        return False  # نزيه النصر: a family name, even after the club was named
    if (seen and amb == "coordinated" and (pw1 := f.prev_words(f.tok_index(s), 1))
            and pw1[0] in _NEWS_HEADS):
        return False  # رابط الخبر بصحيفة الوئام "the link of the news item", even after the city was named
    if seen and amb != "club_nisba":  # a club's nisba only by its own rule (باسل الهلالي)
        return True
    info = c.m.info
    if info[aid][2] == "media" and _quoted(f, s, e):
        return True  # لـ«الوطن»، وعلمت "الوطن"، وكالة "معا": an outlet's name in quotes
    if info[aid][3] == "club" and _coordinated_place(f, s, e, plen, c.clubs(), types=("organization",)):
        return True  # بين الأهلي والزمالك: a club joined by و to another club
    rule = _CONTEXT_RULES.get(amb)
    if rule is None:
        return False
    i = f.tok_index(s)
    return rule(c, s, e, plen, ent, i, f.prev_words(i, 2))


def _match_prepared(f: _Field, raw_hits: np.ndarray, m: _Matcher, rules: Rules, day, *, discover: bool,
                    to_original: bool = True) -> list[_M]:
    """The mentions of one field; offsets in the original text (``to_original=False``: still in ``f.x``)."""
    hits_actor, hits_amb, triggers, heads, learned = [], [], [], [], []  # heads: org/place head nouns (_discover_named_heads)
    entries, media_alt_ix, x, given = m.entries, m.media_alt_ix, f.x, rules.given_names  # read once: one lookup per hit
    for s, e, ix, plen in zip(*raw_hits.T.tolist()):  # four lists, not one list per hit
        ent = entries[ix]
        if ix in media_alt_ix and e - s > 2:
            alt = m.media_alt.get(" " + x[s:e] + " ")
            if alt is not None and _quoted(f, s, e):
                ent = entries[alt]
        kind = ent.kind
        if kind in TRIGGERS:
            (heads if kind == "head" else triggers).append((s, e, plen, ent))
            continue
        if kind == "learned":  # taken after discovery, where it found nothing (a cue there reads the name better)
            learned.append((s, e, plen, ent))
            continue
        if kind == "title":
            holder = _holder(m.offices.get(ent.name, ()), day)
            if holder is None:
                continue
            ent = _Entry(holder, "title", None)
        (hits_amb if ent.ambiguous else hits_actor).append((s, e, plen, ent))
        if (kind == "name" or kind == "alias") and discover and x[s + plen : e] in given and " " not in x[s:e]:
            triggers.append((s, e, plen, _GIVEN))  # صالح is Saleh, or the first name of صالح الحربي
        if ent.ambiguous == "club" and discover and "ال" + x[s + plen : e] in rules.titles:
            triggers.append((s, e, plen, _TITLE_WORD))  # الرائد: the club, or the rank before a name
    if hits_amb and rules.market_context:
        hits_amb = _market_hits(f, hits_amb, hits_actor, rules)
    occ = bytearray(len(f.x) + 1)
    out: list[_M] = []

    info = m.info

    def take(hits, check=None):
        for s, e, plen, ent in sorted(hits, key=_longest_first):
            if 1 in occ[s:e]:
                continue
            if check is not None and not check(s, e, plen, ent):
                continue
            occ[s:e] = b"\x01" * (e - s)
            aid = ent.actor_id
            if aid is None:
                out.append(_M(s, e, plen, "discovered:" + ent.name.replace(" ", "_"), "discovered", ent.gaz_type, ent.name, ent))
            else:
                out.append(_M(s, e, plen, aid, ent.kind, info[aid][2], None, ent))

    take(hits_actor)
    if any(o.kind == "title" for o in out):
        # an office phrase (الأمين العام لأوبك، أمير منطقة الرياض) keeps the organisation or place named inside it,
        # in case the phrase is dropped as a role phrase before the holder's name (CONVENTIONS D5: both count); an
        # ambiguous one too, which the office phrase is context enough for (سلطان عمان، المكتب السياسي لحماس)
        orgs = [(s, e, plen, ent, m.info[ent.actor_id][2]) for s, e, plen, ent in hits_actor + hits_amb
                if ent.kind in ("name", "alias") and ent.actor_id is not None
                and m.info[ent.actor_id][2] in _INNER_TYPES]
        for o in out:
            if o.kind == "title":
                # (not a form at the phrase's first word: its head, الزعيم in الزعيم الأعلى الإيراني, no club)
                inner = [(s, e, plen, ent, typ) for s, e, plen, ent, typ in orgs if o.s <= s and e <= o.e and (s, e) != (o.s, o.e)
                         and f.tok_index(s) != f.tok_index(o.s)]
                o.inner = [_M(s, e, plen, ent.actor_id, ent.kind, typ) for s, e, plen, ent, typ in inner
                           if not any(a <= s and e <= b and (a, b) != (s, e) for a, b, *_ in inner)  # longest wins
                           and not f.x[o.s : s].endswith("خادم ")]  # خادم الحرمين الشريفين: an honorific, no place
    if hits_amb:
        ctx = _AmbiguousContext(f, m, rules, out, frozenset(h[0] for h in hits_amb if h[3].ambiguous == "club"))
        ok = partial(_ambiguous_ok, ctx)  # (a C-level wrapper: one Python frame per hit, not two)
        take(hits_amb, ok)
        if ctx.sport:  # a club taken late licenses the one joined to it by و (مثل الفيحاء والاتحاد): once more
            take([h for h in hits_amb if h[3].ambiguous == "club"], ok)
        if discover:
            _places_after_heads(f, hits_amb, out, occ, m, rules)
    out.sort(key=_by_start)
    out = _drop_first_name_persons(f, out, occ, rules, m)
    _resolve_capitals_and_nisba(f, out, m, rules)
    out = _drop_name_part_nisbas(f, out, occ, rules)
    if discover:
        if heads:
            out = _discover_named_heads(f, out, occ, heads, m, rules)
        out = _discover(f, out, occ, triggers, m, rules)
        if learned:
            take(learned, lambda s, e, plen, ent: ent.ambiguous is None or _place_context(f, s, e, plen, out, rules))
            out.sort(key=_by_start)
        out = _coordinated_names(f, out, occ, rules)
        out = _coordinated_places(f, out, occ, rules)
        out = _located_places(f, out, occ, rules)
        out = _numbered_units(f, out, occ, rules)
        out = _tribes(f, out, occ, rules)
        if heads:
            out = _listed_places(f, out, occ, heads, rules)
            out = _bracketed_places(f, out, occ, heads, rules)
        first_pass = {id(o): o for o in out}  # (the mentions too: one refine_persons drops could free its id for a new one)
        out = refine_persons(f, out, occ, rules, _new)  # analysis/actors/names.py: rules N1-N15
        _codebook_full_names(out, m)
        out = _link_short_forms(f, out, occ, m, rules, persons=_linkable_persons(out, first_pass, rules))
        _relabel_short_speakers(f, out, rules)
        out = refine_organizations(f, out, occ, rules, _new)  # analysis/actors/teams.py: rules T1-T2
        out = _bracketed_short_names(f, out, occ, rules)
        out = _repeat_discovered_names(f, out, occ, rules)
        out = _repeat_person_names(f, out, occ, rules)
        out = _items_between_items(f, out, occ, rules)
        out = _trailing_places(f, out, occ, rules)
    out = _capitals_by_context(f, out, occ, m)
    out = _ministry_short_forms(f, out, occ, rules)
    out = _dual_ministries(f, out, occ, m)
    out = _ministry_lists(f, out, occ, m)
    out = _legitimate_government(f, out, occ, m)
    out = _own_nisba_after_org(f, out, m, rules)
    _korean_halves(f, out, occ, m)
    if m.country_titles and day is not None:
        out = _country_titles(f, out, occ, m, rules, day)
    if discover:
        out = _title_then_variant(f, out, occ, m)
    out = _deputy_of_king(f, out, m, day)  # before the D5 rules: ونائبه الأمير محمد بن نايف is the name's role phrase
    out = _prophet_with_blessing(f, out, m)
    out = _envoy_titles(f, out, occ, m)
    if rules.not_person_phrases:  # إنه جواد كريم، حسن الظن، عمر المتقدم: idioms, no persons (not_person_phrases.txt)
        out = [o for o in out if not (o.kind == "discovered" and o.typ == "person" and o.label_ar in rules.not_person_phrases)]
    out = _postprocess(f, out, rules, m)
    if to_original and f._orig_at is not None:  # else nothing was deleted: the offsets are the same
        _map_to_original(f, out)
    return out


def _place_context(f: _Field, s: int, e: int, plen: int, out: list[_M], rules: Rules) -> bool:
    """Rule place_or_list: right after a place word (في، مدينة …: ``place_context.txt``) or in a list of places."""
    prev = _prev_forms(f.prev_words(f.tok_index(s), 2))
    return any(w in rules.place_context for w in prev[:1] + prev[2:3]) or _coordinated_place(f, s, e, plen, out)


def _adjective_tail(f: _Field, e: int, out: list[_M]) -> int:
    """The end of the relational adjectives right after ``e`` that no mention starts at (مستشفى الملك فهد التخصصي،
    قاعدة الملك خالد الجوية): they belong to the name that ends at ``e``; ``e`` itself when there is none."""
    starts = None
    j = f.tok_index(e - 1) + 1
    while j < len(f.starts) and f.adjacent(j) and _nisba_like(f.word(j)):
        if starts is None:
            starts = {x.s for x in out}
        if f.starts[j] in starts:
            break  # a country nisba of its own (جامعة الملك سعود السعودية)
        e = f.ends[j]
        j += 1
    return e


#: Eighteenth session: heads of institutions named after a person with a title (مركز الملك عبدالعزيز للحوار الوطني، مؤسسة
#: الملك خالد الخيرية، مدرسة الأمير سلطان، جمعية الأمير سلمان للإسكان): one organisation, not the king or prince (1,522
#: person mentions of SaudiNewsNet stood inside such names, 900 of them kings and princes of the codebook). Only with a
#: title before the name: مركز + a place is a district (مركز الثنية), مكتبة + a name a bookshop, read as before.
_PERSON_NAMED_HEADS = frozenset(norm_word(w) for w in [
    "مركز", "مراكز", "مؤسسة", "مدرسة", "مدارس", "مجمع", "جمعية", "معهد", "مكتبة", "صندوق", "كرسي", "أكاديمية", "دارة"])


#: Twenty-third session: places named after a king or prince with his title (مدينة الملك خالد العسكرية، قاعدة الملك
#: خالد الجوية، باب الملك عبدالعزيز، توسعة الملك فهد، جامعتي الملك فيصل): one place (or university), not the king, whose
#: counts they inflated (about 250 mentions in SaudiNewsNet); the read sets annotate them as one place
_PLACE_NAMED_HEADS = {norm_word(w): t for w, t in [
    ("مدينة", "location"), ("قاعدة", "location"), ("باب", "location"), ("توسعة", "location"), ("مخطط", "location"),
    ("قاعة", "location"), ("نفق", "location"), ("أنفاق", "location"), ("ميناء", "location"), ("ملعب", "location"),
    ("استاد", "location"), ("جامعتي", "organization")]}


def _complement_tail(f: _Field, e: int, out: list[_M], rules: Rules) -> int:
    """The end of an ل-complement right after ``e`` with its genitives, و-coordinated nouns and adjectives (للحوار
    الوطني، لعلوم وتقنية الفضاء، للإغاثة والأعمال الإنسانية، لخدمة اللغة العربية; at most four words, up to a mention,
    punctuation or a title: … للبحوث والدراسات الإسلامية [المشرف العام]); ``e`` itself when no ل-complement follows."""
    j = f.tok_index(e - 1) + 1
    n = len(f.starts)
    if j >= n or not f.adjacent(j):
        return e
    w = f.word(j)
    if not (w.startswith("لل") or w.startswith("ل") and len(w) > 3 and not w.startswith("لا")) or w in _STOP_L:
        return e
    starts = {x.s for x in out}
    if f.starts[j] in starts:
        return e
    e = f.ends[j]
    definite = w.startswith("لل")
    j += 1
    taken = 1
    while j < n and taken < 4 and f.adjacent(j) and f.starts[j] not in starts:
        w = f.word(j)
        if w in rules.titles or strip_clitics(w) in rules.titles:
            break
        if _nisba_like(w) or w.startswith("وال"):
            definite = True
        elif w.startswith("ال") and not definite:
            definite = True  # the genitive of an indefinite noun (لخدمة + اللغة)
        elif w.startswith("و") and len(w) > 3 and j + 1 < n and f.word(j + 1).startswith("ال"):
            definite = False  # لعلوم + وتقنية + الفضاء
        else:
            break
        e = f.ends[j]
        j += 1
        taken += 1
    return e


#: ل-words that are no complement of a name (لدى، لها، لكن …).
_STOP_L = frozenset(norm_word(w) for w in ["لدى", "لدي", "لها", "لهم", "له", "لكن", "لكل", "لقد", "لذلك", "لمدة", "لمن", "لما",
                                           "ليس", "ليست", "لكي", "لأن", "لان", "لعدم", "لنا", "لي", "لك", "لتكون", "ليكون"])


@lru_cache(maxsize=WORD_CACHE)
def _nisba_like(w: str) -> bool:
    """A definite word ending like a nisba (الشيشاني، الليبية), normalised."""
    return w.startswith("ال") and w.endswith(("ي", "يه", "يين", "يون")) and len(w) > 5


def _countries_named(out: list[_M], m: _Matcher) -> set:
    """The countries a field names itself: its country mentions (name, alias, nisba) and the countries its capitals
    stand for (metonyms); may hold None (a metonym without a country)."""
    return {o.actor_id for o in out if o.typ == "country"} | {m.metonym_of.get(o.actor_id) for o in out if o.kind == "metonym"}


def _countries_of_actors(out: list[_M], m: _Matcher) -> set:
    """The countries of a field's persons, organisations, groups and places (the codebook's ``country`` column);
    may hold None (an actor without a country)."""
    country_of = m.country_of or {}
    return {country_of.get(o.actor_id) for o in out if o.typ in ("person", "organization", "group", "location")}


def _country_titles(f: _Field, out: list[_M], occ: bytearray, m: _Matcher, rules: Rules, day) -> list[_M]:
    """country_titles.tsv: a bare رئيس الوزراء (free, not followed by a mention such as a nisba) is the prime minister
    of the article's date of the one country named in the field (by name, nisba, metonym, or a person, organisation,
    group or place of it), when that country has one that day; nothing when none or several countries are named. The
    news' own country (the countries of home_titles.tsv: Saudi news writes رئيس مجلس الوزراء for the king) does not
    count."""
    phrases = [(p, c) for p, c in m.country_titles if p in f.x]
    if not phrases:
        return out
    named = _countries_named(out, m) | _countries_of_actors(out, m)
    abroad = named - {None} - set((rules.home_titles or {}).values())
    starts = {o.s for o in out}
    add = []
    for phrase, by_country in phrases:
        if len(abroad) != 1 or (holder := _holder(by_country.get(next(iter(abroad)), ()), day)) is None:
            continue  # no country, several, or one without a holder that day (Japan, Libya): not resolved
        for a, k, e in f.free_occurrences(phrase, NAME_CLITICS_RE, occ):
            j = f.tok_index(e - 1) + 1
            if j < len(f.starts) and f.adjacent(j) and (f.starts[j] in starts or _nisba_like(f.word(j))):
                continue  # رئيس الوزراء البريطاني، رئيس الوزراء الشيشاني: another phrase
            i = f.tok_index(a)
            if i > 0 and f.adjacent(i) and strip_clitics(f.word(i - 1)).startswith("نائب"):
                continue  # نائبا لرئيس الوزراء: another office
            occ[a:e] = b"\x01" * (e - a)
            add.append(_M(a, e, k - a, holder, "title", m.info[holder][2]))
    return sorted(out + add, key=_by_start) if add else out


#: "his deputy" right after the Saudi king (خادم الحرمين الشريفين ونائبه): the crown prince of the day.
_DEPUTY_RE = re.compile(r"(و?ل?)(نائبه)")
_HIS_HIGHNESS = frozenset(("سمو", "وسمو", "ولسمو", "لسمو"))
_KING_OFFICE, _CROWN_PRINCE_OFFICE = "خادم الحرمين الشريفين", "ولي العهد"


def _deputy_of_king(f: _Field, out: list[_M], m: _Matcher, day) -> list[_M]:
    """نائبه / ونائبه / لنائبه directly after a mention of the Saudi king of the article's date (by name or title,
    no word or punctuation between; nineteenth session: or with the honorific سمو before it, a comma allowed: …آل
    سعود، ولسمو نائبه) stands for the crown prince of that date (Saudi news: "خادم الحرمين الشريفين
    ونائبه"). Anywhere else نائبه is left alone (the deputy of a minister, a director …)."""
    if day is None or not f.word_gates & _GATE_DEPUTY:  # (نائبه occurs: see _WORD_GATE_SHIFT)
        return out
    king = _holder(m.offices.get(_KING_OFFICE, ()), day)
    heir = _holder(m.offices.get(_CROWN_PRINCE_OFFICE, ()), day)
    if king is None or heir is None:
        return out
    by_end = {f.tok_index(o.e - 1): o for o in out}
    add = []
    for i in range(1, len(f.starts)):
        mt = _DEPUTY_RE.fullmatch(f.word(i))
        if mt is None or i in by_end:
            continue
        k = i - 1  # nineteenth session: خادم الحرمين الشريفين الملك سلمان …، ولسمو نائبه (an honorific between)
        if f.word(k) in _HIS_HIGHNESS and k > 0 and f.adjacent(i) and not f.norm[f.ends[k - 1] : f.starts[k]].strip(" ،,"):
            k -= 1
        elif not f.adjacent(i):
            continue
        if k not in by_end or by_end[k].actor_id != king:
            continue
        add.append(_M(f.starts[i], f.ends[i], len(mt.group(1)), heir, "title", m.info[heir][2]))
    return sorted(out + add, key=_by_start) if add else out


_ENVOY = "المبعوث"
_ENVOY_RE = re.compile("المبعوث(?= )")
_ENVOY_ADJ = frozenset(("الدولي", "الاممي", "الخاص"))


def _head_tokens(f: _Field, head_re: re.Pattern, head: str, occ: bytearray) -> Iterator[tuple[int, int]]:
    """``(token index, proclitic length)`` of the free tokens that are ``head`` with at most two proclitic letters
    (المبعوث، وللمبعوث; وزارات، بوزارات) and are not the field's last token; ``head_re`` finds ``head`` followed by a
    space (a scan of the text, not a loop over its tokens)."""
    n = len(f.starts)
    for mt in head_re.finditer(f.x):
        t = f.tok_index(mt.start())
        w = f.word(t)
        if t < n - 1 and w.endswith(head) and len(w) - len(head) <= 2 and not occ[f.starts[t]]:
            yield t, len(w) - len(head)


def _envoy_titles(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """Nineteenth session: المبعوث الدولي / الأممي / الخاص with no name after it stands for the envoy the field names
    (a codebook person of subtype envoy: دي ميستورا، ولد الشيخ أحمد، برناردينو ليون), the nearest named before it, else
    the first after it (title mention, as the annotators list it: … بعد سلسلة لقاءات لنا مع المبعوث الدولي). Not when a
    person's name follows within four words (المبعوث الأممي إلى ليبيا برناردينو ليون: the name is the mention, D5), and
    not in a field that names no envoy (the phrase alone does not say which)."""
    if not f.word_gates & _GATE_ENVOY:  # (_ENVOY occurs: see _WORD_GATE_SHIFT)
        return out
    envoys = [o for o in out if o.typ == "person" and (m.info.get(o.actor_id) or (None,) * 4)[3] == "envoy"]
    if not envoys:
        return out
    persons = [o.s for o in out if o.typ == "person"]
    add = []
    n = len(f.starts)
    for i, plen in _head_tokens(f, _ENVOY_RE, _ENVOY, occ):
        j = i + 1
        while j < n and f.adjacent(j) and f.word(j) in _ENVOY_ADJ and not occ[f.starts[j]]:
            j += 1
        if j == i + 1:
            continue
        end = f.ends[j - 1]
        if any(end <= p < f.ends[min(n - 1, j + 3)] for p in persons):
            continue
        before = [o for o in envoys if o.e <= f.starts[i]]
        who = before[-1] if before else next((o for o in envoys if o.s >= end), None)
        if who is None:
            continue
        a = f.starts[i]
        occ[a:end] = b"\x01" * (end - a)
        add.append(_M(a, end, plen, who.actor_id, "title", "person"))
    return sorted(out + add, key=_by_start) if add else out


_PROPHET = "person:prophet_muhammad"
#: the blessing written after the Prophet's name or title (normalised: صلى → صلي, الصلاة → الصلاه)
_BLESSING_RE = re.compile(r"صلي الله عليه وسلم|عليه الصلاه والسلام|ﷺ")
#: what a field holds when _BLESSING_RE can match in it, besides ﷺ (_prophet_with_blessing's word gate)
_BLESSINGS = ("صلي الله", "الصلاه والسلام")
#: the titles that the blessing makes the Prophet's, with a proclitic: form -> length of the proclitic (والرسول، للنبي،
#: بسنة … نبيه); ل on a title with the article is written لل (للنبي، وللرسول)
_PROPHET_TITLES = {
    **{c + t: len(c) for t in ("النبي", "الرسول", "المصطفي") for c in ("", "و", "ف", "ب", "وب", "فب")},
    **{c + t[1:]: len(c) for t in ("النبي", "الرسول", "المصطفي") for c in ("ل", "ول", "فل")},
    **{c + t: len(c) for t in ("نبينا", "رسولنا", "نبيه", "رسوله") for c in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")},
}


def _prophet_with_blessing(f: _Field, out: list[_M], m: _Matcher) -> list[_M]:
    """Fifteenth session: النبي / الرسول / نبينا / رسوله … right before the blessing (صلى الله عليه وسلم، عليه الصلاة
    والسلام، ﷺ; a dash or bracket may part them) is the Prophet Muhammad, a title mention (416 such titles were
    uncovered in SaudiNewsNet; رسول الله and النبي الكريم were codebook forms already). Without the blessing these words
    stay unread (النبي سليمان، الرسول in other senses)."""
    if _PROPHET not in m.info or (not f.word_gates & _GATE_PROPHET and "ﷺ" not in f.x):  # (_BLESSINGS: see _WORD_GATE_SHIFT)
        return out
    by_end = {f.tok_index(o.e - 1) for o in out}
    add = []
    for mt in _BLESSING_RE.finditer(f.x):
        j = f.tok_index(mt.start())
        if j < 1 or f.starts[j] != mt.start() or (j - 1) in by_end:
            continue
        if f.norm[f.ends[j - 1] : f.starts[j]].strip(" -–(«\""):
            continue  # (only a space, a dash or an opening bracket between them)
        plen = _PROPHET_TITLES.get(f.word(j - 1))
        if plen is not None:
            add.append(_M(f.starts[j - 1], f.ends[j - 1], plen, _PROPHET, "title", m.info[_PROPHET][2]))
    return sorted(out + add, key=_by_start) if add else out


_MINISTRY = "وزاره"


def _ministry_short_forms(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A ministry named in full (وزارة الصحة) is the same ministry by its field alone later in the field when that
    word is quoted or the subject of a reporting verb in the feminine (وأوضحت الصحة، «التعليم» تعلن): an alias
    mention of the ministry's id. Not before another definite word (قالت الصحة العالمية: another body), not as the
    object of another verb (باشرت العمل). The field may have up to three words (fourteenth session: وزارة الشؤون
    البلدية والقروية … وأوضحت الشؤون البلدية والقروية)."""
    # (the cheap test first: most organisations are no ministry, and their text is then not split)
    found = [(o, " ".join(w[1:])) for o in out if o.typ == "organization" and f.x.startswith(_MINISTRY, o.s + o.plen)
             and o.kind in ("name", "alias")
             and not o.actor_id.startswith("discovered:") and (w := f.x[o.s + o.plen : o.e].split(" "))
             and 2 <= len(w) <= 4 and w[0] == _MINISTRY and w[1].startswith("ال") and len(w[1]) > 4]
    if not found:
        return out
    added, seen = [], set()
    for o, field in found:
        if field in seen:
            continue
        seen.add(field)
        for a, k, e in f.free_occurrences(field, NAME_CLITICS_RE, occ, o.e):
            i, j = f.tok_index(a), f.tok_index(e - 1) + 1
            if j < len(f.starts) and f.adjacent(j) and f.word(j).startswith("ال"):
                continue
            quoted = a > 0 and f.norm[a - 1] in _QUOTE_CHARS and e < len(f.norm) and f.norm[e] in _QUOTE_CHARS
            pw = _conj_stripped(f.word(i - 1)) if i > 0 and f.adjacent(i, quotes=True) else ""
            if quoted or (k == a and pw.endswith("ت") and pw[:-1] in rules.reporting_verbs):
                occ[a:e] = b"\x01" * (e - a)
                added.append(_M(a, e, k - a, o.actor_id, "alias", "organization"))
    return sorted(out + added, key=_by_start) if added else out


#: وزارتي/وزارتا (the dual of وزارة, with any proclitic) before the two ministries' fields (seventeenth session)
_DUAL_MINISTRY_RE = re.compile(r"(?:^|(?<= ))(?:و|ف|ب|ل|وب|ول)?وزارت[يا](?= )")


def _codebook_form(m: _Matcher, key: str) -> _Entry | None:
    """The codebook entry whose form is exactly ``key`` (normalised, no proclitic), or None."""
    v = m.automaton.get(f" {key} ", None)
    if v is None or (v >> 10) & 1023:
        return None
    ix = (v >> 20) & _NO_ENTRY
    ent = None if ix == _NO_ENTRY else m.entries[ix]
    return ent if ent is not None and ent.actor_id is not None and not ent.ambiguous else None


def _dual_ministries(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """Two ministries named by one dual (وزارتي الداخلية والدفاع، وزارتا التعليم والصحة، وزارتي التعليم العالي والتربية
    والتعليم): "وزارتي" + the first field is the first ministry and "و" + the second field is the second, as the
    annotators split them, when وزارة + each field is a codebook form (one to three words each; the longest second
    field wins). The country is the codebook's for the bare وزارة + field (the Saudi ministry, as for وزارة الداخلية)."""
    if not f.word_gates & _GATE_DUAL_MINISTRIES:  # (وزارت occurs: see _WORD_GATE_SHIFT)
        return out
    new: list[_M] = []
    n = len(f.starts)
    for mt in _DUAL_MINISTRY_RE.finditer(f.x):
        t = f.tok_index(mt.start())
        if 1 in occ[f.starts[t] : f.ends[t]]:
            continue
        found = None
        for k in range(t + 2, min(t + 5, n)):  # the token that starts the second field: و + a word with the article
            w = f.word(k)
            if not (w.startswith("وال") and f.adjacent(k)) or not all(f.adjacent(j) for j in range(t + 1, k)):
                continue
            first = _codebook_form(m, " ".join([_MINISTRY] + [f.word(j) for j in range(t + 1, k)]))
            if first is None:
                continue
            for last in range(min(k + 2, n - 1), k - 1, -1):
                if last > k and not all(f.adjacent(j) for j in range(k + 1, last + 1)):
                    continue
                second = _codebook_form(m, " ".join([_MINISTRY, w[1:]] + [f.word(j) for j in range(k + 1, last + 1)]))
                if second is not None:
                    found = (k, last, first, second)
                    break
            if found:
                break
        if found is None:
            continue
        k, last, first, second = found
        a, b, c, e = f.starts[t], f.ends[k - 1], f.starts[k], f.ends[last]
        if 1 in occ[a:e]:
            continue
        occ[a:e] = b"\x01" * (e - a)
        plen = len(mt.group()) - len(_MINISTRY) - 1  # (وزارتي is وزارة's 5 letters + ت + ي/ا after the proclitics)
        new.append(_M(a, b, plen, first.actor_id, "alias", "organization"))
        new.append(_M(c, e, 1, second.actor_id, "alias", "organization"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


_PLURAL_MINISTRIES = "وزارات"
_PLURAL_MINISTRIES_RE = re.compile("وزارات(?= )")


def _ministry_field(f: _Field, k: int, m: _Matcher, occ: bytearray) -> tuple[int, _Entry] | None:
    """The last token and the codebook entry of the longest وزارة + field (one to three words) whose field starts at
    token k (without its و), or None."""
    n = len(f.starts)
    w = f.word(k)
    head = w[1:] if w.startswith("وال") else w
    for last in range(min(k + 2, n - 1), k - 1, -1):
        if 1 in occ[f.starts[k] : f.ends[last]] or not all(f.adjacent(j) for j in range(k + 1, last + 1)):
            continue
        ent = _codebook_form(m, " ".join([_MINISTRY, head] + [f.word(j) for j in range(k + 1, last + 1)]))
        if ent is not None:
            return last, ent
    return None


def _ministry_lists(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """Nineteenth session: the fields that follow a ministry with و are ministries too, as the annotators list them
    (وزارة الدفاع والعدل والداخلية والخارجية; وزارات الداخلية والشؤون الاجتماعية والصحة: the plural with its first field
    is the first ministry), when وزارة + each field is a codebook form; the chain stops at the first و-word that is no
    field. The country is the codebook's for the bare form (the Saudi ministry, as for وزارة الداخلية)."""
    if not f.word_gates & _GATE_MINISTRIES:  # (وزار occurs: see _WORD_GATE_SHIFT)
        return out
    new: list[_M] = []
    chains = [f.tok_index(o.e - 1) + 1 for o in out
              if o.typ == "organization" and f.x[o.s + o.plen : o.e].startswith(_MINISTRY + " ")]
    nisba_at = {o.s: o.actor_id for o in out if o.kind == "nisba"}
    plural = []
    for t, plen in _head_tokens(f, _PLURAL_MINISTRIES_RE, _PLURAL_MINISTRIES, occ):
        if f.adjacent(t + 1) and (hit := _ministry_field(f, t + 1, m, occ)) is not None:
            plural.append((t, hit, plen))
            chains.append(hit[0] + 1)
    for t, (last, ent), plen in plural:
        chain = _ministry_chain(f, last + 1, m, occ)
        if not chain or _foreign_after(f, chain[-1][1], nisba_at):
            continue  # وزارات المالية والبنوك المركزية: no list of fields, the ministries of several states
        a, b = f.starts[t], f.ends[last]
        new.append(_M(a, b, plen, ent.actor_id, "alias", "organization"))
    for k in dict.fromkeys(chains):  # (each chain once)
        chain = _ministry_chain(f, k, m, occ)
        if chain and not _foreign_after(f, chain[-1][1], nisba_at):
            new.extend(_M(f.starts[k0], f.ends[k1], 1, ent.actor_id, "alias", "organization") for k0, k1, ent in chain)
    for o in new:
        occ[o.s : o.e] = b"\x01" * (o.e - o.s)
    return sorted(out + new, key=_by_start) if new else out


def _ministry_chain(f: _Field, k: int, m: _Matcher, occ: bytearray) -> list[tuple[int, int, _Entry]]:
    """The و + field items from token k on (first token, last token, entry), up to the first و-word that is no field."""
    chain = []
    n = len(f.starts)
    while k < n and f.adjacent(k) and f.word(k).startswith("وال") and not occ[f.starts[k]]:
        hit = _ministry_field(f, k, m, occ)
        if hit is None:
            break
        chain.append((k, hit[0], hit[1]))
        k = hit[0] + 1
    return chain


def _foreign_after(f: _Field, last: int, nisba_at: dict) -> bool:
    """The token after ``last`` is another country's nisba or في (وزارة التجارة والصناعة والطاقة الكورية، وزارة
    الطاقة والبترول في فنزويلا: one foreign ministry, whose name the codebook's Saudi fields do not make)."""
    k = last + 1
    if k >= len(f.starts) or not f.adjacent(k):
        return False
    aid = nisba_at.get(f.starts[k])
    return aid is not None and aid != _SAUDI or f.word(k) in ("في", "فى")


_YEMEN_GOVERNMENT = "org:government_ye"
#: words after which الشرعية ("legitimacy") is the Yemeni government of the 2015 war: الموالية للشرعية، قوات الشرعية
_LEGITIMACY_SUPPORTERS = frozenset(norm_word(w) for w in ["الموالي", "الموالية", "الموالين", "الموالون", "موالية", "المؤيدة",
                                                          "المؤيدين", "الداعم", "المساندة", "المساند", "تابعة"])
_LEGITIMACY_PREFIX_RE = re.compile("و?(?:ال|لل)")
_LEGITIMACY_HEADS = frozenset(norm_word(w) for w in ["قوات", "جيش", "مقاتلي", "السلطة"])


def _legitimate_government(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """In a field that names Yemen (or a Yemeni actor), الشرعية is the Yemeni government (``_YEMEN_GOVERNMENT``, an
    alias mention) after its supporters (القوات الموالية للشرعية، المؤيدة للشرعية) and in قوات / جيش / مقاتلي / السلطة
    الشرعية, as the annotators read it; not the abstract "legitimacy" (استعادة الشرعية، الانقلاب على الشرعية) nor
    الشرعية الدولية / الدستورية."""
    if _YEMEN_GOVERNMENT not in m.info or not f.word_gates & _GATE_LEGITIMACY:  # (شرعيه: see _WORD_GATE_SHIFT)
        return out
    country_of = m.country_of or {}
    if not any(o.actor_id == "country:ye" or country_of.get(o.actor_id) == "country:ye" for o in out):
        return out
    added = []
    for a, k, e in f.free_occurrences("شرعيه", _LEGITIMACY_PREFIX_RE, occ, 0):
        i, j = f.tok_index(a), f.tok_index(e - 1) + 1
        pre = f.x[a:k]
        if i == 0 or not f.adjacent(i) or j < len(f.starts) and f.adjacent(j) and f.word(j) in ("الدوليه", "الدستوريه"):
            continue
        prev = _conj_stripped(f.word(i - 1))
        if pre.endswith("لل") and prev in _LEGITIMACY_SUPPORTERS or pre.endswith("ال") and prev in _LEGITIMACY_HEADS:
            occ[a:e] = b"\x01" * (e - a)
            pl = _proclitic_len(pre)  # the span's proclitics: و, ل (للشرعية = ل + الشرعية)
            added.append(_M(a, e, pl, _YEMEN_GOVERNMENT, "alias", "organization"))
    return sorted(out + added, key=_by_start) if added else out


#: Subtypes of organisations whose name takes their country's nisba (_own_nisba_after_org).
_NISBA_NAMED = frozenset(["club", "government", "ministry", "army", "police", "government_agency", "parliament",
                          "intelligence", "judiciary", "central_bank", "security_force"])


def _own_nisba_after_org(f: _Field, out: list[_M], m: _Matcher, rules: Rules) -> list[_M]:
    """A name right followed by a definite singular country nisba that the annotated sets write as one mention with it
    (CONVENTIONS: clubs keep the nisba in their name; a state body's nisba is part of its name):

    * tenth session: a codebook club or state body and the nisba of its own country (ريال مدريد الإسباني، الحكومة
      الشرعية اليمنية، مجلس الوزراء السعودي; or of a part of it: مانشستر يونايتد الإنجليزي): the mention takes the
      nisba and keeps its actor;
    * twenty-seventh session: a codebook club or state body and the nisba of another country, or of any country when
      the codebook gives the body none (وزارة الصحة العمانية، مجلس الأمة الجزائري، حرس الحدود المصري، النيابة العامة
      الإماراتية, where the codebook's وزارة الصحة is Saudi Arabia's) is that country's body, not the codebook's: one
      discovered organisation;
    * twenty-seventh session: a discovered organisation in a sports field (``_sports_field``) and a masculine nisba
      (كولجاك التركي، ريفربلايت الأرجنتيني: a foreign club) is the club: the mention takes the nisba.

    Not a company, party, group or outlet: a nisba after those is the country («سي جي جي» الفرنسية، حزب الله
    اللبناني، جامعة وارسو البولندية); nor a plural (البحرينيون) or a nisba with و/ب/ل (والأميركية)."""
    country_of = m.country_of or {}
    by_start = {o.s: o for o in out if o.kind == "nisba" and o.actor_id.startswith(("country:", "location:"))}
    if not by_start:
        return out
    drop, new = set(), {}
    sports = None  # _sports_field(f, rules), asked once, when a discovered organisation needs it
    for o in out:
        if o.kind == "nisba" or o.typ != "organization":
            continue
        discovered = o.kind == "discovered"
        if not discovered and m.info[o.actor_id][3] not in _NISBA_NAMED:
            continue
        c = None if discovered else country_of.get(o.actor_id)
        j = f.tok_index(o.e - 1) + 1
        if j >= len(f.starts) or not f.adjacent(j):
            continue
        n = by_start.get(f.starts[j])
        if n is None or f.x[n.s : n.s + n.plen] != "ال" or f.tok_index(n.e - 1) != j:
            continue
        word = f.x[n.s : n.e]
        if word.endswith(("ون", "ين")):
            continue
        if discovered:
            if not word.endswith("ي"):
                continue
            if sports is None:
                sports = _sports_field(f, rules)
            if not sports:
                continue
        elif c is None or not (n.actor_id == c or country_of.get(n.actor_id) == c):  # (الإنجليزي: England, in the UK)
            # named with its article, without a preposition or conjunction (للنظام المصري → النظام المصري), as the
            # institution + nisba rule of _postprocess names الجيش السوري
            article = "ال" if f.x[o.s : o.s + o.plen].endswith(("ال", "لل")) else ""
            new[id(o)] = _new(o.s, n.e, o.plen, article + f.x[o.s + o.plen : n.e], "organization")
            drop.add(id(n))
            continue
        o.e = n.e
        drop.add(id(n))
    if not drop:
        return out
    return [new.get(id(o), o) for o in out if id(o) not in drop]


@lru_cache(maxsize=1)
def _context_capitals() -> tuple[tuple[str, str, str, str], ...]:
    """``(form, capital's actor_id, its country, the other reading's actor_id)`` from context_capitals.tsv."""
    return tuple((norm_word(r["form"]), r["actor_id"], r["country"], r["unless"])
                 for r in read_table("actors_rules", "context_capitals.tsv"))


def _has_preposition(pre: str) -> bool:
    """The proclitics of a hit hold ب or ل (بال، لل، ول …), not only و/ف and the article."""
    pre = pre.removesuffix("ال") if not pre.endswith("لل") else pre
    return "ب" in pre or "ل" in pre


def _before_definite_nisba(f: _Field, e: int) -> bool:
    """The token after the one ending at ``e`` is a definite relational adjective (الكويتي، الإنجليزي، الألمانية;
    ``_nisba_like``: not إلى or التي, which normalise to الي/التي)."""
    nxt = _next_word(f, e)
    return nxt is not None and _nisba_like(nxt)


def _country_near(s: int, actor_id: str, out: list[_M], m: _Matcher) -> bool:
    """Rule ``country`` of ambiguous_forms.tsv: the actor's country (its row's ``country``: Syria for الأسد, Oman for
    عمان) is named within ``_CONTEXT_WINDOW`` characters of ``s``: by name, by a capital standing for it, or by an
    actor of it that is not a place."""
    c = m.country_of.get(actor_id) if m.country_of else None
    return c is not None and _countries_named_near(s, {c}, out, m, places=False)


def _countries_named_near(s: int, countries: set, out: list[_M], m: _Matcher, *, places: bool,
                          skip: str | None = None) -> bool:
    """One of ``countries`` is named within ``_CONTEXT_WINDOW`` characters of ``s``: by name, by a capital standing
    for it, or by an actor of it (a place too only with ``places``), not by a mention of actor ``skip``."""
    country_of = m.country_of or {}
    return any(abs(o.s - s) < _CONTEXT_WINDOW and o.actor_id != skip and (
        o.actor_id in countries or m.metonym_of.get(o.actor_id) in countries
        or country_of.get(o.actor_id) in countries and (places or m.info[o.actor_id][2] != "location")) for o in out)


def _capital_country_named(form: str, actor_id: str, out: list[_M], m: _Matcher) -> bool:
    """The field names the country of a capital that ``form`` also names, or one of its actors (context_capitals.tsv:
    عمان, read as ``actor_id`` Oman, is Amman in a field that names Jordan or King Abdullah II)."""
    rows = [country for f0, _, country, unless in _context_capitals() if f0 == form and unless == actor_id]
    country_of = m.country_of or {}
    return bool(rows) and any(o.actor_id in rows or country_of.get(o.actor_id) in rows for o in out)


def _capitals_by_context(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> list[_M]:
    """A capital whose name the codebook reads as another actor first (عمان: Oman, kept only once Oman is named)
    is the capital in a field that names its country and not the other actor (عمان in a field about Jordan)."""
    if not f.word_gates & _GATE_CAPITALS:  # (a form of context_capitals.tsv occurs: see _WORD_GATE_SHIFT)
        return out
    named = None
    added = []
    for form, aid, country, unless in _context_capitals():
        if form not in f.x or aid not in m.info:
            continue
        named = named if named is not None else {o.actor_id for o in out}
        if country not in named or unless in named:
            continue
        for a, k, e in f.free_occurrences(form, NAME_CLITICS_RE, occ):
            occ[a:e] = b"\x01" * (e - a)
            added.append(_M(a, e, k - a, aid, "name", m.info[aid][2]))
    return sorted(out + added, key=_by_start) if added else out


def _map_to_original(f: _Field, out: list[_M]) -> None:
    """Mention offsets from the normalised to the original text, in place (``f.span_in_original`` inlined)."""
    at, base, n, text = f._orig_at, f._orig_base, len(f.norm), f.text
    total = len(text)
    for o in out:
        o.s = at[o.s] - base if o.s < n else total
        o.e = at[o.e] - base if o.e < n else total
        if text[o.e - 1] in FORMAT_SET:  # (a format character after the last letter: deleted, not a mark)
            o.e = trim_format_end(text, o.s, o.e)


def _drop_first_name_persons(f: _Field, out: list[_M], occ: bytearray, rules: Rules, m: _Matcher) -> list[_M]:
    """A one-word codebook person form that is also a first name (صالح، هادي) inside someone else's name
    (د. صالح الحربي، محمد صالح) is not that person; the span is freed for discovery. A foreign leader's one-word name of
    that kind also needs his country near it, a title or person-context word before it or his full name earlier in the
    field. Else, before a name word or after a nisba, it is freed for discovery (صالح زمانان، مشعل هوساوي، هادي يحيى،
    وزير الطاقة الجزائري صالح خيري); otherwise it stays occupied, so that discovery makes no name of the word (صالح
    الأعمال "good deeds", ولد صالح "a righteous son"), and is marked ``weak``: the references may still link it to a
    person of that first name named earlier (صالح after صالح الحربي); ``extract_mentions`` drops it if they do not."""
    keep = []
    for o in out:
        if o.kind in ("name", "alias") and o.typ == "person":
            i, j = f.tok_index(o.s), f.tok_index(o.e - 1)
            stem = f.x[o.s + o.plen : o.e]
            if (j > i + 1 and f.word(j - 1) in _SON_OF and j + 1 < len(f.starts) and f.adjacent(j + 1)
                    and (_family_name(nxt2 := f.word(j + 1), rules) or _rare_definite(nxt2, rules)) and nxt2 not in rules.titles
                    and nxt2 not in rules.title_complements and nxt2[2:] not in rules.common_words  # (الدولي، الوطني)
                    and not nxt2.endswith(("ين", "ون", "ات")) and 1 not in occ[f.starts[j + 1] : f.ends[j + 1]]
                    and nxt2 not in _label_words(m.info[o.actor_id][0])
                    and not (j + 2 < len(f.starts) and f.adjacent(j + 2) and f.word(j + 2) == _AL)):  # (… الفيصل آل سعود)
                # المهندس عبدالله بن عبدالعزيز الجربوع: a family name after "X بن Y" makes it someone else's full name
                # (King Abdullah's own is آل سعود, a longer codebook form); freed for discovery
                occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                continue
            if i == j and stem in rules.given_names:
                nxt = f.word(j + 1) if j + 1 < len(f.starts) and f.adjacent(j + 1) else ""
                prv = f.word(i - 1) if i > 0 and f.adjacent(i) else ""
                word = (prv in ("في", "غير", "لغير") or nxt.startswith("لل") and stem == "صالح") and o.plen == 0 or (
                    stem == "صالح" and _saleh_is_the_word(f, o, j, prv, nxt, occ, rules))
                if (nxt and (_family_name(nxt, rules) or nxt in rules.person_tokens or nxt in _NAME_LINKS
                             or _after_first_name(stem, nxt, rules) and 1 not in occ[f.starts[j + 1] : f.ends[j + 1]])) or (
                        prv and (prv in rules.given_names or _conj_stripped(prv) in rules.given_names or prv in _NAME_LINKS
                                 or prv in _OTHER_MENS_TITLES)) or word:
                    # محمد بن صالح، المهندس صالح الجاسر، صالح آل طالب: part of another name (freed for discovery);
                    # في صالح الشعب، غير صالح، صالح للشرب، مدائن صالح: the word (stays occupied: nothing is discovered there;
                    # but دفع هادي للانتقال: only صالح takes an ل-complement)
                    if not word or prv in _NAME_LINKS:
                        occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                    continue
                if stem in _LEADER_FIRST_NAMES:
                    named = nxt and nxt[0] not in "وف" and (nxt in rules.given_names or nxt in rules.nisba_surnames
                                                            or _distinctive(nxt, rules) or _name_like(nxt, rules))
                    if not _leader_named_here(f, o, out, prv, m, rules, role=not named):
                        if named or prv.startswith("ال") and prv.endswith("ي") and len(prv) > 4 or prv in _PRINCELY:
                            # صالح زمانان، مشعل هوساوي، هادي يحيى؛ وزير الطاقة الجزائري صالح خيري: for discovery
                            occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                            continue
                        o.weak = True  # صالح الأعمال، ولد صالح: no discovery there; وقال صالح after صالح الحربي: linked
        keep.append(o)
    return keep


#: one-word names of foreign leaders that are common first names in Saudi news (Ali Abdullah Saleh, Abdrabbuh Mansur
#: Hadi, Khaled Mashal, Omar al-Bashir): about one bare mention in ten in SaudiNewsNet was someone else or the word
_LEADER_FIRST_NAMES = frozenset(norm_word(w) for w in ["صالح", "هادي", "مشعل", "بشير"])


@lru_cache(maxsize=WORD_CACHE)
def _label_words(label: str) -> frozenset[str]:
    """The normalised words of a codebook label, and ال + the word after آل (حمد بن عيسى آل خليفة: his own الخليفة)."""
    words = [norm_word(w) for w in label.split()]
    return frozenset(words + ["ال" + b for a, b in zip(words, words[1:]) if a == _AL])


_AL = norm_word("آل")


def _leader_named_here(f: _Field, o: _M, out: list[_M], prv: str, m: _Matcher, rules: Rules, *, role: bool) -> bool:
    """The one-word name ``o`` of a foreign leader (صالح، هادي، مشعل) stands for him: his country is named near it (by
    any actor of it: الحوثيين، عدن، اليمنية), he was named in full earlier in the field, or (``role``: no name word
    follows, as in المؤلف صالح زمانان) a title or person-context word comes right before it (الرئيس هادي، قوات صالح)."""
    if prv and bare_in(prv, _LOYAL) or role and prv and prv not in _PRINCELY and (
            prv in rules.person_context or prv in rules.titles or "ال" + prv in rules.person_context):
        return True  # (الموالية لهادي also before a verb: موالية لهادي بسطت سيطرتها)
    if o.actor_id in f.elsewhere or any(
            p.actor_id == o.actor_id and p.s < o.s and " " in f.x[p.s + p.plen : p.e] for p in out):
        return True  # (or, in a title, the body names him: هادي يعين … above الرئيس عبدربه منصور هادي)
    c = m.country_of.get(o.actor_id)
    return c is not None and _countries_named_near(o.s, {c}, out, m, places=True, skip=o.actor_id)


def _drop_name_part_nisbas(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A bare nisba-shaped word right after بن/ابن/بنت/آل/أبو is part of a person's name (عبد العزيز بن تركي بن
    طلال: تركي is a name, not "Turkish"); so is one that is a first name right after a title or before بن/ابن/بنت
    (الأمير تركي العبدالله الفيصل، تركي بن طلال; "the Turkish prince" is الأمير التركي) or before a family name (تركي
    المشيقح). It is dropped and its span freed for discovery; before a family name with no title before it, the name
    is taken here (ياسين حمزة، تركي الجلفان: nothing else would start it)."""
    if not any(o.plen == 0 and o.kind == "nisba" for o in out):
        return out
    keep = []
    n = len(f.starts)
    for o in out:
        if o.kind == "nisba" and o.plen == 0 and f.tok_index(o.e - 1) == (i := f.tok_index(o.s)):
            prv = f.word(i - 1) if i > 0 and f.adjacent(i) else ""
            w = f.x[o.s : o.e]
            if (prv and not w.startswith("ال") and prv in rules.given_names and prv not in rules.common_words
                    and prv not in rules.frequent_words and prv not in rules.titles and prv not in _NOUN_FIRST_NAMES
                    and (i < 2 or not f.adjacent(i - 1) or f.word(i - 2) not in _SON_OF)):
                # إسماعيل مغربي، هلال سوداني، حسن مغربي، دينيس روس: an indefinite nisba right after a first name that is
                # no common word is his family name (a person found by discovery), not "a Moroccan" (twenty-fourth
                # session; not after _NOUN_FIRST_NAMES: فلاح مصري "an Egyptian peasant")
                occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                continue
            if prv in _NAME_LINKS or w in rules.given_names and (
                    prv in rules.titles or i + 1 < n and f.adjacent(i + 1) and (
                        f.word(i + 1) in _SON_OF or _rare_definite(f.word(i + 1), rules)
                        or _surname_after_first(f.word(i + 1), rules))):
                # (الشاعر السعودي تركي المشيقح: a first name before a family name)
                occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                if prv not in _NAME_LINKS and prv not in rules.titles and f.word(i + 1) not in _SON_OF:
                    toks = _name_from(f, i, occ, rules)  # no trigger before it: the name is found here
                    if len(toks) >= 2:
                        a, b = f.starts[toks[0]], f.ends[toks[-1]]
                        occ[a:b] = b"\x01" * (b - a)
                        keep.append(_new(a, b, 0, f.x[a:b], "person"))
                continue
        keep.append(o)
    return keep


#: first names that are also nouns a nationality qualifies (أميرة سعودية "a Saudi princess", أسماء لبنانية "Lebanese
#: names", نجم كويتي "a Kuwaiti star", فلاح مصري "an Egyptian peasant", جانٍ سعودي "a Saudi offender", لير ايطالي،
#: فرانك سويسري; وجدي مصري "and my grandfather is Egyptian"): no family name after them
_NOUN_FIRST_NAMES = frozenset(norm_word(w) for w in ["أميرة", "أسماء", "نجم", "لير", "ليرة", "فلاح", "جان", "فرانك",
                                                     "وجدي"])


def _surname_after_first(w: str, rules: Rules) -> bool:
    """A family name that the lists know as frequent (اليوسف، الخضير: ال + a first name or a nisba shape that is no
    common adjective) or one written without the article (رضيمان، هوساوي): after a first name that is also a nisba
    (تركي اليوسف, a man, not "Turkish"; twenty-third session)."""
    if w.startswith("ال"):
        return _family_name(w, rules) and w[2:] not in rules.common_words
    return w in rules.nisba_surnames or (w[0] not in "وفبلي" and not w.startswith(("ت", "سي", "ست", "سن"))
                                          and _distinctive(w, rules))  # (not a verb: يبيع، تربطه، سيظل; nor و/ب + a word)


def _resolve_capitals_and_nisba(f: _Field, out: list[_M], m: _Matcher, rules: Rules) -> None:
    """Decide metonym vs location for capitals, and name vs nisba for forms like السعودية (in place)."""
    if not any(o.actor_id in m.metonym_of or (o.entry is not None and o.entry.also_nisba) for o in out):
        return  # no capital and no form that may be a nisba (most fields): nothing to decide
    tok_at = f._tok_at  # (f.tok_index without a call per mention)
    by_tok = {tok_at[o.s]: o for o in out}
    for _ in range(2):  # coordination can propagate from a later decision
        for o in out:
            if o.actor_id not in m.metonym_of or o.kind not in ("name", "alias", "metonym"):
                continue
            o.kind = "metonym" if _is_metonym(f, o, by_tok, m, rules) else ("name" if o.entry.kind == "name" else o.entry.kind)
    for o in out:
        if not getattr(o, "entry", None) or not o.entry.also_nisba or o.kind not in ("name", "alias"):
            continue
        pre = f.x[o.s : o.s + o.plen]
        if not pre.endswith(("ال", "لل")):
            continue
        i = f.tok_index(o.s)
        if i > 0 and f.adjacent(i):
            prev = by_tok.get(i - 1)
            w = f.word(i - 1)
            if (prev is None and w.startswith(_DEFINITE_PREFIXES) and w not in rules.stopwords) or (
                prev is not None and prev.kind == "nisba"
            ):
                o.kind = "nisba"


_SOUTH_KOREA, _NORTH_KOREA = "country:kr", "country:kp"
#: "loyal to" before ل + a one-word person form (الموالية لهادي، الموالين لصالح): the person, as after قوات or أنصار
_LOYAL = frozenset(norm_word(w) for w in ["موالي", "موالية", "موالين", "موالون"])
#: a royal title before a leader's first name makes it a prince's (الأمير مشعل بن عبدالله), not Khaled Mashal's
_PRINCELY = frozenset(norm_word(w) for w in ["الأمير", "أمير", "للأمير", "والأمير", "الأميرة", "سمو"])
#: the indefinite endings: accusative (ـاً، ـًا), nominative (ـٌ) and genitive (ـٍ: بمعانٍ "with meanings", not Ma'an)
_TANWIN_ENDS = ("\u064b", "\u064bا", "ا\u064b", "\u064c", "\u064d")
_MUSCAT = norm_word("مسقط")
_OCCUPATION = frozenset(("country:il", "country:ps"))  # rule `occupation` of ambiguous_forms.tsv (الاحتلال)
#: adjectives after الاحتلال that name another occupier than Israel (besides the nisbas of the codebook)
_OTHER_OCCUPIERS = frozenset(norm_word(w) for w in ["الصليبي", "العثماني", "الصفوي", "الفارسي", "المغولي", "الروماني",
                                                     "النازي", "الأجنبي"])


def _tanwin_noun(f: _Field, o: _M, rules: Rules) -> bool:
    """The mention's first word is written with the indefinite accusative and is no first name (a first name takes it:
    سعودًا الفيصل، محمداً)."""
    i = f.tok_index(o.s)
    a, b = f.span_in_original(f.starts[i], f.ends[i])
    return f.text[a:b].endswith(_TANWIN_ENDS) and _conj_stripped(f.word(i)) not in rules.given_names


def _korean_halves(f: _Field, out: list[_M], occ: bytearray, m: _Matcher) -> None:
    """The nisba كوري (South Korea's: the sense of the bare word in the corpus) followed by الشمالي/الشمالية … is
    North Korea's and by الجنوبي … South Korea's; the mention takes both words (in place)."""
    for o in out:
        if o.actor_id != _SOUTH_KOREA or o.kind != "nisba":
            continue
        j = f.tok_index(o.e - 1) + 1
        if j >= len(f.starts) or not f.adjacent(j):
            continue
        w = f.word(j).removeprefix("ال")
        if not w.startswith(("شمالي", "جنوبي")) or 1 in occ[f.starts[j] : f.ends[j]]:
            continue
        if w.startswith("شمالي") and _NORTH_KOREA in m.info:
            o.actor_id, o.label_ar = _NORTH_KOREA, m.info[_NORTH_KOREA][0]
        occ[o.e : f.ends[j]] = b"\x01" * (f.ends[j] - o.e)
        o.e = f.ends[j]


def _is_metonym(f: _Field, o: _M, by_tok: dict, m: _Matcher, rules: Rules) -> bool:
    i = f.tok_index(o.s)
    pre = f.x[o.s : o.s + o.plen]
    # datelines ("الرياض - واس"، "عين اليوم – الرياض"، "سبق- الرياض:") and road names ("طريق الرياض – القصيم"):
    # a dash right before or after; a place in parentheses (لاعب من (الرياض)) is a place too
    around = f.norm[max(0, o.s - 3) : o.s] + f.norm[o.e : o.e + 3]
    if any(c in around for c in "-–—"):
        return False
    if f.norm[max(0, o.s - 2) : o.s].strip().endswith("(") and f.norm[o.e : o.e + 2].strip().startswith(")"):
        return False
    if "ب" in pre:  # بدمشق = in Damascus
        return False
    after = f.norm[o.e : o.e + 2]
    if after.strip().startswith(":") and i < 3:
        return True  # headline "طهران: …" (the capital speaks)
    # a list of places after a preposition of place (في مصر وبيروت ودمشق): look at the context of the list's head
    head = i
    while head > 0 and f.word(head).startswith("و") and (head - 1) in by_tok and f.adjacent(head):
        head = f.tok_index(by_tok[head - 1].s)
    ctx = f.prev_words(head, 4)
    if ctx and not (_conj_stripped(ctx[0]) in rules.metonym_before or ctx[0] in rules.metonym_before):
        if any(_conj_stripped(w) in rules.place_context or strip_clitics(w) in rules.place_context or w in rules.place_context
               for w in ctx[:2]):
            return False
    # coordination with a country or another metonym
    nxt, prv = by_tok.get(i + 1), by_tok.get(i - 1)
    country = m.info
    for other, joined in ((nxt, nxt is not None and f.x[nxt.s : nxt.s + 1] == "و" and f.adjacent(i + 1)),
                          (prv, pre.startswith("و") and f.adjacent(i))):
        if other is not None and joined:
            if other.kind == "metonym" or (other.actor_id in country and country[other.actor_id][2] == "country"):
                return True
    prev = f.prev_words(i, 4)
    if prev:
        w0 = _conj_stripped(prev[0])
        if w0 in rules.metonym_before or prev[0] in rules.metonym_before:
            return True
    if i + 1 < len(f.starts) and f.adjacent(i + 1, quotes=True):
        w = _conj_stripped(f.word(i + 1))
        if w in rules.metonym_after:
            return True
    for w in prev:
        if _conj_stripped(w) in rules.place_context or strip_clitics(w) in rules.place_context or w in rules.place_context:
            return False
    if pre.endswith("لل") or (pre.endswith("ل") and not pre.endswith("ال")):  # للقاهرة without motion: the recipient
        return True
    return False


#: Nineteenth session: event heads whose nisba describes a party, not a name (المبادرة الإيرانية، اتفاق فرنسي - روسي،
#: الاتفاق التونسي الأميركي): the nisba is the country (the read sets annotate 7 of 8), unlike الدوري القطري.
_DESCRIBED_HEADS = frozenset(("مبادره", "اتفاق"))
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _other_country_near(f: _Field, out: list[_M], o: _M, i: int, m: _Matcher, window: int = 10) -> bool:
    """Nineteenth session: a body of title_bodies.txt after a role word (نائب رئيس مجلس الوزراء) is named as the
    organisation it is (CONVENTIONS D5: names inside role phrases are annotated) unless a country other than the
    body's own, or a person or body of another country, is named within ``window`` tokens of the same sentence: the
    role chain is then another country's (نائب رئيس مجلس الوزراء وزير الداخلية بدولة الكويت، نائب الرئيس اليمني
    رئيس مجلس الوزراء), whose cabinet the codebook's row does not stand for; the body stays part of that role."""
    country_of = m.country_of or {}
    own = country_of.get(o.actor_id)
    lo, hi = i - window, i + window
    for p in out:
        if p is o:
            continue
        j = f.tok_index(p.s)
        if j < lo:
            continue
        if j > hi:
            break
        c = p.actor_id if p.typ == "country" else country_of.get(p.actor_id)
        if c is not None and c != own and not _SENTENCE_END.search(f.x, min(p.e, o.e), max(p.s, o.s)):
            return True
    return False


def _postprocess(f: _Field, out: list[_M], rules: Rules, m: _Matcher) -> list[_M]:
    """Rules that look at neighbouring mentions (in order):

    * a body with regional branches + بـ + place (الدفاع المدني بمنطقة عسير) is one organisation (_join_branches);
    * event names are opaque: a place right after قمة/مؤتمر/اتفاق (قمة بيروت) is dropped;
    * institution + country nisba (الجيش السوري، البنك المركزي الروسي) is one organisation;
    * organisation head + name (جامعة القاهرة، جامعة الملك سعود، صحيفة عكاظ) is one organisation/media outlet,
      with the relational adjectives after the name (مستشفى الملك فهد المركزي: ``_adjective_tail``);
    * CONVENTIONS D5: a nisba or resolved title directly followed by a person or place name is part of the
      role phrase or descriptor (وزير الخارجية المصري سامح شكري، العاصمة الروسية موسكو) and is dropped; so is a
      nisba inside a role phrase (وزير الدولة السعودي للشؤون الخارجية نزار مدني) with a person named next to it.
    """
    drop: set[int] = set()
    new: list[_M] = []
    _trim_heads_and_titles(f, out, rules, m)
    out = _join_branches(f, out, rules)

    # D1 short names resolved by the countries of the field
    countries = _countries_named(out, m)
    actor_countries = None  # _countries_of_actors(out, m), built when a short name needs it
    nisba_starts = None  # the starts of the nisba mentions, built when a short name needs them
    for o in out:
        if o.kind not in ("name", "alias") or o.plen < 2 or not f.x[o.s : o.s + o.plen].endswith(("ال", "لل")):
            continue
        full = "ال" + f.x[o.s + o.plen : o.e]
        cands = rules.short_names.get(full)
        if not cands:
            continue
        i = f.tok_index(o.s)
        if i > 0 and f.adjacent(i) and f.word(i - 1) in ("هذا", "هذه", "ذلك", "تلك"):
            drop.add(id(o))
            continue
        j = f.tok_index(o.e - 1) + 1
        if nisba_starts is None:
            nisba_starts = {x.s for x in out if x.kind == "nisba"}
        if j < len(f.starts) and f.adjacent(j) and (f.word(j) in _REGIONAL or f.starts[j] in nisba_starts):
            drop.add(id(o))  # النظام العربي، المعارضة التركية: another regime / opposition than the named one
            continue
        # a country the field names wins; else the row for any article ("*", listed last); when that row drops the
        # form as generic ("-"), the country of one of the field's actors decides (الائتلاف الوطني السوري … الائتلاف;
        # بشار الأسد … النظام; a place in Yemen … المقاومة)
        aid = next((aid for ctx, aid in cands if not ctx or ctx & countries), None)
        if aid == "-":
            if actor_countries is None:  # not from the short names themselves (الائتلاف alone is no context)
                actor_countries = _countries_of_actors([x for x in out if not (
                    x.plen >= 2 and "ال" + f.x[x.s + x.plen : x.e] in rules.short_names)], m)
            aid = next((aid for ctx, aid in cands if not ctx or ctx & actor_countries), None)
        if aid == "-":
            drop.add(id(o))
        elif aid in m.info:
            o.actor_id, o.typ = aid, m.info[aid][2]
    if rules.home_titles:
        drop |= _foreign_home_titles(f, out, m, rules, countries)
    # a one-word discovered person followed by a surname the codebook knows as a place or nisba (لجين الأحمدي)
    for k in range(len(out) - 1):
        o, n = out[k], out[k + 1]
        if o.kind == "discovered" and o.typ == "person" and " " not in f.x[o.s : o.e] and n.kind in ("name", "nisba") and n.plen == 2:
            j = f.tok_index(n.s)
            w = f.word(j)
            if j == f.tok_index(o.s) + 1 and f.adjacent(j) and w.startswith("ال") and w.endswith("ي") and (
                    n.typ in ("location", "country") or n.typ == "person" and n.kind == "name"):
                o.e = n.e
                o.actor_id = "discovered:" + f.x[o.s + o.plen : o.e].replace(" ", "_")
                o.label_ar = f.x[o.s + o.plen : o.e]
                drop.add(id(n))
    # a first name right before a one-word place or surname form: that is a person's name, not the place
    # (علي الأحمدي is a man, not Ahmadi in Kuwait; تركي المالكي is not Nouri al-Maliki)
    for n in out:
        if (n.kind not in ("name", "alias") or n.typ not in ("location", "person") or n.plen != 2 or id(n) in drop
                or f.x[n.s : n.s + 2] != "ال" or " " in f.x[n.s : n.e] or len(f.x[n.s : n.e]) < 5
                or n.typ == "location" and f.x[n.e - 1] != "ي"):
            continue  # a place only when its name is shaped like a family name (الأحمدي), not علي الرياض = على الرياض
        j = f.tok_index(n.s)
        if j == 0 or not f.adjacent(j):
            continue
        w0 = f.word(j - 1)
        g = _conj_stripped(w0) if w0 not in rules.given_names and w0 != "علي" else w0
        if (g not in rules.given_names and g != "علي") or g in _MONTHS or (
                n.typ == "person" and g in (m.info[n.actor_id][0] or "")):
            continue
        prev = [o for o in out if o.s < f.ends[j - 1] <= o.e]
        if prev and not (len(prev) == 1 and prev[0].s == f.starts[j - 1] and (
                prev[0].kind == "discovered" and prev[0].typ == "person" or prev[0].kind == "nisba")):
            continue  # the word before is part of another mention (a one-word discovered name or تركي may be a first name)
        drop.update(id(o) for o in prev)
        a0, b0 = f.starts[j - 1], f.ends[j - 1]
        if g == "علي" and _alef_maksura_end(f, a0, b0):
            continue  # على the preposition
        pl = len(w0) - len(g)
        drop.add(id(n))
        new_p = _new(a0, n.e, pl, f.x[a0 + pl : n.e], "person")
        out.append(new_p)
    out.sort(key=_by_start)
    for o in out:  # الضفة الغربية لقناة السويس / لنهر الأردن: a bank, not the territory
        if o.typ == "location" and f.x[o.s + o.plen : o.e].startswith("ضفه"):
            j = f.tok_index(o.e - 1) + 1
            if j < len(f.starts) and f.adjacent(j) and f.word(j)[0] == "ل":
                drop.add(id(o))
        elif o.plen == 0 and o.typ == "organization" and rules.title_bodies and f.x[o.s : o.e] in rules.title_bodies:
            i = f.tok_index(o.s)  # نائب رئيس مجلس الوزراء بدولة الكويت: another country's cabinet (title_bodies.txt)
            if i > 0 and f.adjacent(i) and strip_clitics(f.word(i - 1)) in rules.titles and _other_country_near(f, out, o, i, m):
                drop.add(id(o))
    if drop:
        out = [o for o in out if id(o) not in drop]
        drop = set()
    tok_at = f._tok_at  # (f.tok_index without a call per mention)
    first_tok = [tok_at[o.s] for o in out]
    embedded: set[int] = set()  # titles dropped inside another role phrase: a و-title right after one continues it
    languages: set[int] = set()  # tokens of feminine nisbas read as languages (the next و-nisba continues the list)
    by_start = dict(zip(first_tok, out))
    by_end = {tok_at[o.e - 1]: o for o in out}  # the token a mention ends in (mentions cover whole tokens)
    for o, i in zip(out, first_tok):
        kind, typ = o.kind, o.typ
        joined = i > 0 and f._adj[i]  # f.adjacent(i), read once
        prev_w = f.word(i - 1) if joined else None
        role = None  # _in_role_phrase(f, i, rules), computed at most once
        # events
        if (typ in ("location", "country") and kind in ("name", "alias", "metonym", "nisba") and joined
                and (kind == "nisba" or o.plen == 0 or o.plen == 2 and f.x[o.s : o.s + 2] == "ال" and (
                    typ == "location" or kind == "metonym"))  # not اتفاق اليونان، إعلان الولايات المتحدة: a party
                and (_conj_stripped(prev_w) in rules.event_heads or strip_clitics(prev_w) in rules.event_heads
                     or kind != "nisba" and strip_clitics(prev_w) in _WAR)
                and not (kind == "nisba" and bare_in(prev_w, _DESCRIBED_HEADS))):
            drop.add(id(o))  # قمة بيروت، اتفاق الطائف، الدوري القطري، الثورة السورية: inside an event name
            continue
        if (kind == "nisba" and o.plen >= 3 and f.x[o.e - 2 : o.e] == "يه" and o.actor_id != _SAUDI and (
                f.x[o.s : o.s + o.plen] == "بال" or (
                f.x[o.s : o.s + o.plen] == "وال" and joined and (prev_w in _LANGUAGE_BEFORE or (i - 1) in languages or (
                    prev_w in _ARABIC_LANGUAGE and i > 1 and f._adj[i - 1] and f.word(i - 2) in _LANGUAGE_WORDS))))):
            drop.add(id(o))  # بالإنجليزية "in English"; العربية والإنجليزية والفرنسية: languages, not the countries
            languages.add(i)
            continue
        if kind == "title" and joined and bare_in(prev_w, _CUP_HEADS):
            drop.add(id(o))  # كأس ولي العهد، كأس خادم الحرمين الشريفين: a cup named after the office, no person
            continue
        if (kind == "title" and joined and bare_in(prev_w, _PROGRAMME_HEADS)
                and (j := f.tok_index(o.e - 1) + 1) < len(f.starts) and f.adjacent(j) and f.word(j).startswith("ل")):
            drop.add(id(o))  # برنامج خادم الحرمين الشريفين للابتعاث، مشروع خادم الحرمين للعناية بالتراث: a programme's name
            continue
        if (typ == "organization" and o.plen == 0 and joined and (bare_in(prev_w, _CUP_HEADS) or bare_in(prev_w, _LEAGUE))
                and o.actor_id in m.info and m.info[o.actor_id][3] == "company"):
            drop.add(id(o))  # دوري عبد اللطيف جميل، دوري زين: a league named after its sponsor (269 times in SaudiNewsNet)
            continue
        if o.actor_id == _CUBA and kind == "name" and (nxt := by_start.get(i + 1)) is not None and f.adjacent(i + 1) \
                and nxt.actor_id == _USA and f.x[nxt.s : nxt.e] in _AMERICA:
            drop.update((id(o), id(nxt)))  # كوبا أمريكا: the Copa América (148 times in SaudiNewsNet), an event
            continue
        if typ == "media" and joined and bare_in(prev_w, _SOUQ):
            drop.add(id(o))  # سوق عكاظ (the festival, 1,173 times in SaudiNewsNet), سوق الرياض: a market, no outlet
            continue
        # institution + nisba
        if kind == "nisba" and joined and f.x[o.s : o.s + o.plen].endswith(("ال", "لل")) and not (role := _in_role_phrase(f, i, rules)):
            for n in (2, 1):
                if i - n < 0 or (n == 2 and not f.adjacent(i - 1)) or (i - n) in by_end:
                    continue
                words = [f.word(k) for k in range(i - n, i)]
                words[0] = _strip_prep(words[0])
                if " ".join(words) in rules.institutions:
                    inside = [x for x in out if x is not o and x.s < f.ends[i - 1] and x.e > f.starts[i - n]]
                    if inside and not (len(inside) == 1 and inside[0].s == f.starts[i - n]
                                       and inside[0].e == f.ends[i - 1] and inside[0].typ == "organization"):
                        continue
                    drop.update(id(x) for x in inside)  # وزارة المالية + الألمانية: the German ministry, not the Saudi one
                    a = f.starts[i - n]
                    pl = len(f.word(i - n)) - len(words[0])
                    nm = f.x[a + pl : o.e]
                    mm = _M(a, o.e, pl, "discovered:" + nm.replace(" ", "_"), "discovered", "organization", nm)
                    mm.entry = None
                    new.append(mm)
                    drop.add(id(o))
                    break
            if id(o) in drop:
                continue
        # organisation head + name
        if kind in ("name", "alias", "discovered", "metonym") and typ in ("location", "person", "country") and i > 0:
            k = i - 1
            if typ == "person" and k > 0 and joined and prev_w in rules.titles:
                k -= 1
            if k >= 0 and f._adjq[k + 1] and k not in by_end:
                head = bare_of(f.word(k), rules.org_heads)  # (strip_clitics takes the ك of كلية for a proclitic)
                named_after = head is None and typ == "person" and k < i - 1  # مؤسسة الملك خالد: a title before the name
                named_type = "organization"
                if named_after:
                    head = bare_of(f.word(k), _PERSON_NAMED_HEADS)
                    if head is None and (head := bare_of(f.word(k), _PLACE_NAMED_HEADS)) is not None:
                        named_type = _PLACE_NAMED_HEADS[head]  # مدينة الملك خالد العسكرية، قاعدة الملك خالد الجوية
                    if head is not None and head.endswith("ه") and not f.text[slice(*f.span_in_original(
                            f.starts[k], f.ends[k]))].endswith("ة"):
                        head = None  # مؤسسه "his founder", which normalisation spells as مؤسسة
                inside = ([x for x in out if x is not o and x.s < o.s and x.e > f.starts[k]]
                          if head is not None and not _preposition_on(f.x[o.s : o.s + o.plen]) else None)
                if inside is not None and not f.word(k).startswith(("ال", "وال", "بال", "لل")) and all(
                        x.e <= o.s and x.typ == "organization" for x in inside):
                    drop.update(id(x) for x in inside)  # بجامعة الإمام + محمد بن سعود: one university
                    a, b = f.starts[k], _adjective_tail(f, o.e, out)  # مستشفى الملك فهد + التخصصي
                    if named_after:
                        b = _complement_tail(f, b, out, rules)  # مركز الملك عبدالعزيز + للحوار الوطني
                    pl = len(f.word(k)) - len(head)
                    nm = f.x[a + pl : b]
                    if named_type == "location" and (" الطبيه" in nm or " لل" in nm):
                        named_type = "organization"  # مدينة الملك عبدالله الطبية، مدينة الملك عبدالعزيز للعلوم والتقنية
                    mm = _M(a, b, pl, "discovered:" + nm.replace(" ", "_"), "discovered",
                            named_type if named_after else rules.org_heads[head], nm)
                    mm.entry = None
                    new.append(mm)
                    drop.add(id(o))
                    continue
        # street and district names: حي السويدي، شارع العراق (not عن طريق تركيا "via Turkey")
        if (kind in ("nisba", "name", "alias") and typ != "location" and o.plen in (0, 2) and joined
                and _conj_stripped(prev_w) in _STREET_HEADS and not (f._adj[i - 1] and _via_idiom(f, i - 1, prev_w))):
            drop.add(id(o))
            continue
        if kind not in ("nisba", "title"):
            continue  # the rules below are about nisbas and titles only
        # D5
        if kind == "title" and i > 0 and (i - 1) in by_end and by_end[i - 1].typ == "person" and (f.x[o.s : o.s + o.plen] in ("", "ال") and (
                f.adjacent(i, quotes=True) or (f.norm[f.ends[i - 1] : f.starts[i]].strip() in ("،", ",") and by_end[i - 1].kind != "title"))
                or f.x[o.s : o.s + o.plen].startswith(("و", "ف")) and f.adjacent(i) and id(by_end[i - 1]) in embedded):
            # سامح شكري وزير الخارجية المصري، محمد بن سلمان، ولي ولي العهد: the title is in apposition to a name; so is the
            # next title of a dropped chain (مستشار خادم الحرمين الشريفين وأمير منطقة مكة); not one with a preposition
            # (كارتر لخادم الحرمين الشريفين) or و after a name or a title of its own (محمد بن سلمان ووزير الدفاع الأميركي)
            if f.x[o.s : o.s + o.plen].startswith(("و", "ف")):
                embedded.add(id(o))
            drop.add(id(o))
            new.extend(_inner_orgs(o))
            continue
        if kind == "title" and (j := f.tok_index(o.e - 1) + 1) < len(f.starts) and f.adjacent(j) and f.word(j) in FORMER_ADJECTIVES:
            drop.add(id(o))  # الرئيس المصري السابق: not the holder on the article's date (references.py R5 reads it)
            new.extend(_inner_orgs(o))
            continue
        if kind == "title" and joined and _strip_prep(_conj_stripped(prev_w)) in _EMBEDDING_ROLES:
            drop.add(id(o))  # D5: سفير/مستشار خادم الحرمين الشريفين — an embedded title is not the holder
            embedded.add(id(o))
            new.extend(_inner_orgs(o))
            continue
        j = f.tok_index(o.e - 1) + 1
        n = by_start.get(j)
        if kind == "title" and n is not None and n.kind == "nisba" and f.adjacent(j):  # زعيم حزب الله اللبناني حسن نصر الله
            j = f.tok_index(n.e - 1) + 1
            n = by_start.get(j)
        # honorifics between a title and the name (خادم الحرمين الشريفين الملك سلمان، أمير منطقة جازان صاحب السمو
        # الملكي الأمير محمد بن ناصر، وزير الزراعة المهندس …): the name still follows
        for _ in range(_MAX_HONORIFICS):
            if n is not None or j >= len(f.starts) or not f.adjacent(j) or (
                    _conj_stripped(f.word(j)) not in _HONORIFICS and f.word(j) not in _TITLE_ADJECTIVES
                    and not (kind == "nisba" and f.word(j) in _DESCRIPTOR_ADJECTIVES)) or (
                    kind == "nisba" and f.word(j)[0] == "و" and f.word(j) not in _HONORIFICS):
                break  # (الميليشيات الحوثية والرئيس المخلوع: و starts another party, not an honorific of this one)
            j += 1
            n = by_start.get(j)
        if (n is not None and (f.adjacent(j, quotes=True) or _after_doctor_abbrev(f, j))
                and n.kind not in ("nisba", "metonym", "title") and n.typ in ("person", "location")
                and (n.plen == 0 or f.x[n.s : n.s + n.plen] in ("ال",))):
            drop.add(id(o))
            new.extend(_inner_orgs(o))
            continue
        if kind == "nisba" and (role if role is not None else _in_role_phrase(f, i, rules)):
            near = [by_start.get(k) for k in range(i + 1, min(i + 5, len(f.starts)))] + [by_end.get(k) for k in range(max(0, i - 6), i)]
            if any(x is not None and x.typ == "person" and x.kind != "title" for x in near):
                drop.add(id(o))
                continue
    # the tanwin tests below read the original text (normalisation drops the marks): none can hold in a field written
    # without them (about half of the fields), so they are skipped there
    tanwin = "\u064b" in f.text or "\u064c" in f.text or "\u064d" in f.text
    for o in out:
        if o.actor_id == _MOROCCO and o.kind == "name" and _sunset_prayer(f, o, rules):
            drop.add(id(o))  # صلاة المغرب، وقت المغرب، المغرب والعشاء: the sunset prayer, not Morocco
        elif o.kind == "nisba" and o.actor_id == "country:ye" and f.text[slice(*f.span_in_original(o.s, o.e))].endswith("اليمنى"):
            drop.add(id(o))  # بذراعها اليمنى، اليد اليمنى: "right" (feminine of أيمن), not Yemeni (اليمني)
        elif o.kind == "discovered" and o.typ == "person" and tanwin and _tanwin_noun(f, o, rules):
            drop.add(id(o))  # ثمناً باهضاً، مسرفاً يسرف، مخاطبًا سعودًا: a noun or adjective with tanwin, no first name
        elif o.kind in ("name", "alias") and tanwin and f.text[slice(*f.span_in_original(o.s, o.e))].endswith(_TANWIN_ENDS):
            # a name takes no indefinite accusative: 16 كفيفاً "sixteen blind people" (ك + فيفا)، صنعاً، درعاً، لساناً;
            # a country's name with it is its nisba (23 شخصاً سورياً، 16 حاجًا ماليزيًا)
            if o.typ == "country":
                o.kind = "nisba"
            else:
                drop.add(id(o))
        elif o.kind == "nisba" and o.plen == 0 and _nationality_of_named(f, o, by_end):
            drop.add(id(o))  # شاه فيصل عظيم شاه - باكستاني الجنسية: the named person's descriptor (CONVENTIONS D5)
        elif o.typ == "person" and o.plen == 0 and o.kind in ("alias", "discovered", "name"):
            i = f.tok_index(o.s)  # (cheaper per candidate than searching the field for a family word first)
            if i > 0 and f.adjacent(i) and f.tok_index(o.e - 1) == i and _conj_stripped(f.word(i - 1)) in _FAMILY_HEADS:
                drop.add(id(o))  # عائلة دوابشة، أسرة الجنيد: a family, not the person
    kept = [o for o in out if id(o) not in drop]
    return sorted(kept + new, key=_by_start) if new else kept


_NATIONALITY = norm_word("الجنسية")


def _nationality_of_named(f: _Field, o: _M, by_end: dict) -> bool:
    """The nisba ``o`` + الجنسية stands right after a person's name, at most a dash, comma or bracket between
    (محمد بلال - بنجلاديشي الجنسية، سليمان السليمان سعودي الجنسية): a descriptor of the named person (CONVENTIONS D5),
    not annotated in three of the four read blind-set articles that have it (أن يكون المتقدم سعودي الجنسية, after a
    noun, is)."""
    i = f.tok_index(o.s)
    if i == 0 or _next_word(f, o.e) != _NATIONALITY:
        return False
    p = by_end.get(i - 1)
    return p is not None and p.typ == "person" and p.kind != "title" and not f.norm[f.ends[i - 1] : f.starts[i]].strip(" -–—،,(")


#: The Gregorian-era letter that ends the date of a dateline (… 2015 م واس).
_DATELINE_ERA_RE = re.compile(r"(?:\d+)?م")

#: Honorifics that may stand between a role phrase and the holder's name (they are trimmed off the name).
_HONORIFICS = frozenset(norm_word(w) for w in [
    "الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "الرئيس", "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس",
    "المهندسة", "الأستاذ", "الأستاذة", "صاحب", "صاحبة", "السمو", "الملكي", "الملكية", "سمو", "معالي", "فضيلة",
    "سعادة", "المشير", "الفريق", "أول", "ركن", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "د"])


def _after_doctor_abbrev(f: _Field, j: int) -> bool:
    """Token j follows the abbreviation "د." (Dr.): وزير العمل د. مفرج الحقباني."""
    return 0 < j < len(f.starts) and f.word(j - 1) == "د" and f.norm[f.ends[j - 1] : f.starts[j]].strip() == "."


#: Adjectives between a title and the holder's name, skipped like honorifics (وزير الإسكان الجديد ماجد الحقيل).
_TITLE_ADJECTIVES = frozenset(norm_word(w) for w in ["الجديد", "الجديدة", "الحالي", "الحالية"])
#: Adjectives of a person between a nisba and the name it describes (CONVENTIONS D5: المدافع الفرنسي الشاب لوكاس
#: هرنانديز، الروائي الأميركي الراحل هنري ميلر، لاعب الوسط الأرجنتيني الأصل خوسيه ماوري): the nisba is dropped too.
_DESCRIPTOR_ADJECTIVES = frozenset(norm_word(w) for w in [
    "الدولي", "الدولية", "السابق", "السابقة", "الشاب", "الشابة", "الشهير", "الشهيرة", "المخضرم", "المخضرمة", "الأصل",
    "المولد", "الراحل", "الراحلة", "الكبير", "الكبيرة", "العالمي", "العالمية", "الواعد", "الواعدة", "المميز", "المميزة",
    "المعروف", "المعروفة", "المعتزل", "الصاعد", "الصاعدة"])
#: At most this many honorific words are skipped (صاحب السمو الملكي الأمير، الفريق أول ركن).
_MAX_HONORIFICS = 4
#: Types of the proper names kept from inside a dropped office phrase (CONVENTIONS D5: عضو [اللجنة المركزية
#: لحركة فتح]، قائم مقام قضاء [الرمادي]، أمير [منطقة الرياض]); nisbas inside it are not kept.
_INNER_TYPES = frozenset(["organization", "group", "media", "location", "country"])
_DAYPARTS = frozenset(norm_word(w) for w in ["صباح", "مساء", "فجر", "ظهر", "عصر", "ضحى"])  # also first names
_THOUSANDS = frozenset(norm_word(w) for w in ["ألف", "آلاف", "مليون", "ملايين", "مئات", "عشرات"])  # 520 ألف فدان
#: The stem of the title الداعية (the preacher), also the adjective "calling (for)": الجهات الداعية لـ …
_CALLING = norm_word("داعية")
_MA = frozenset(("ما", "وما", "فما", "طالما"))  # ما دام "as long as": a verb, not the first name دام
#: Role nouns that make a following title part of another person's role (سفير خادم الحرمين الشريفين).
_EMBEDDING_ROLES = frozenset(norm_word(w) for w in ["نائب", "سفير", "مستشار", "مستشارة", "مبعوث", "ممثل", "مندوب", "مساعد", "المبعوث"])


def _foreign_home_titles(f: _Field, out: list[_M], m: _Matcher, rules: Rules, countries: set) -> set[int]:
    """ids of the bare office phrases (home_titles.tsv: وزير التعليم، المقام السامي) that cannot stand for their
    country's holder here: the field names another country (by name, nisba or metonym, or a person, organisation,
    group or place of it) and not the holder by name (خادم الحرمين الشريفين الملك سلمان … ونقل معاليه للملك المفدى
    … رئيس جمهورية مصر العربية), or the phrase runs on into another office (وزير التعليم العالي)."""
    home = [(o, c) for o in out if o.kind == "title" and (c := _home_country(f.x[o.s + o.plen : o.e], rules))]
    if not home:
        return set()
    named = countries | _countries_of_actors(out, m)
    named.discard(None)
    by_name = {o.actor_id for o in out if o.kind != "title"}
    drop = set()
    for o, c in home:
        j = f.tok_index(o.e - 1) + 1
        if (named - {c} and o.actor_id not in by_name) or (j < len(f.starts) and f.adjacent(j) and f.word(j) in rules.home_not_before):
            drop.add(id(o))
    return drop


def _home_country(phrase: str, rules: Rules) -> str | None:
    """The country of a bare office phrase of home_titles.tsv (a leading ال ignored), else None."""
    return rules.home_titles.get(phrase) or (rules.home_titles.get(phrase[2:]) if phrase.startswith("ال") else None)


def _inner_orgs(o: _M) -> list[_M]:
    """The organisations and places named inside a dropped office phrase (الأمين العام لأوبك → لأوبك)."""
    inner = getattr(o, "inner", None) or []
    for x in inner:
        x.entry = None
    return inner


#: Words before a one-word codebook person form that is also a first name (صالح، هادي) that make it another man's
#: name: titles and family or trade words (المهندس صالح الجاسر، العم صالح، الكابتن صالح العريض); not الرئيس (الرئيس صالح).
_OTHER_MENS_TITLES = frozenset(norm_word(w) for w in [
    "الدكتور", "المهندس", "الأستاذ", "الشيخ", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق",
    "العم", "الخال", "الجد", "الأخ", "الابن", "المواطن", "المقيم", "الكابتن", "اللاعب", "المدرب", "الحكم", "الزميل",
    "الطالب", "المعلم", "الفنان", "الشاعر", "الكاتب", "الإعلامي", "الشاب", "الطفل", "الحاج", "السيد", "د"])
#: Words before صالح that make it the adjective or part of a place (مدائن صالح، مواطن صالح، عمل صالح).
_SALEH_WORD_BEFORE = frozenset(norm_word(w) for w in ["مدائن", "ومدائن", "مواطن", "عمل", "ولد"])


def _saleh_is_the_word(f: _Field, o: _M, j: int, prv: str, nxt: str, occ: bytearray, rules: Rules) -> bool:
    """صالح (token j, mention o) is the word "good" or "interest", not Saleh: after a noun it qualifies (مدائن صالح،
    مواطن صالح، عمل صالح); من صالح / لصالح + a definite word, a mention, من/ما or a possessed noun is "in the interest
    of / in favour of" (لصالح المنطقة، ولصالح الخليج، لصالح روسيا، ولصالح تنميته; not الموالين لصالح شمال المحافظة،
    الموالي لصالح اندلعت، التابع لصالح الذي)."""
    pre = f.x[o.s : o.s + o.plen]
    if pre == "" and prv in _SALEH_WORD_BEFORE:
        return True
    if not nxt or nxt[0] in "وف" or not (pre in ("ل", "ول", "فل") or pre == "" and prv == "من"):
        return False
    return (nxt.startswith("ال") and nxt not in rules.stopwords or nxt in ("من", "ما")
            or 1 in occ[f.starts[j + 1] : f.ends[j + 1]] or len(nxt) > 4 and nxt.endswith(_ENCLITICS + ("ه",)))


_SON_OF = frozenset(norm_word(w) for w in ["بن", "ابن", "بنت", "آل"])  # آل: the family (آل كليب، آل سالم)
_STREET_HEADS = frozenset(norm_word(w) for w in ["حي", "شارع", "طريق", "ميدان", "مخطط", "ساحة", "جادة", "دوار"])
_SPEECH_NEXT = frozenset(norm_word(w) for w in ["إن", "أن", "ان", "إنه", "أنه", "انه", "إنها", "أنها", "انها"])
_SPEECH_BI = frozenset(norm_word(w) for w in ["بأن", "بأنه", "بأنها"])
_SPEECH_NOUNS = frozenset(norm_word(w) for w in ["بيان", "حديث", "حوار", "مقابلة", "لقاء", "كلمة"])
_CUP_HEADS = frozenset(norm_word(w) for w in ["كأس", "بطولة", "جائزة"])
#: heads of programmes named after an office (برنامج خادم الحرمين الشريفين للابتعاث): with a ل-complement after the title
#: it names the programme, not its holder (not مبادرة: مبادرة الرئيس الصيني لإعادة إحياء طريق الحرير is his initiative)
_PROGRAMME_HEADS = frozenset(norm_word(w) for w in ["برنامج", "مشروع", "مشروعات", "مشاريع"])
_LEAGUE = frozenset((norm_word("دوري"),))
_CUBA, _USA, _SAUDI = "country:cu", "country:us", "country:sa"  # (بالسعودية: "in Saudi Arabia", no language)
_AMERICA = frozenset(norm_word(w) for w in ["أمريكا", "أميركا", "امريكا", "اميركا"])
_SOUQ = frozenset((norm_word("سوق"),))
# words after which a coordinated feminine nisba is a language (بالعربية والإنجليزية، باللغتين العربية والإنجليزية): the
# language words, and العربية when one of them comes right before it (not الجيوش العربية والإسرائيلية)
_LANGUAGE_WORDS = frozenset(norm_word(w) for w in ("اللغة", "باللغة", "لغة", "بلغة", "اللغتين", "باللغتين", "لغتين", "بلغتين",
                                                   "اللغات", "باللغات", "لغات", "بلغات"))
_LANGUAGE_BEFORE = _LANGUAGE_WORDS | {norm_word("بالعربية")}
_ARABIC_LANGUAGE = frozenset(norm_word(w) for w in ("العربية", "والعربية"))


def _conj_word(rest: str, rules: Rules) -> bool:
    """After a ف, ``rest`` reads as a word (a function, frequent or common word, a noun that takes the article, a verb
    or a noun with a possessive) or is too short to tell: the ف is the conjunction. A name that starts with the letter
    (فيليكس، فرنسوا، فيرغسون) leaves no word behind."""
    return (len(rest) <= 3 or rest in rules.stopwords or rest in rules.frequent_words or rest in rules.definite_stems
            or rest in rules.common_words or rest in rules.titles or rest in rules.reporting_verbs
            or _verb_like(rest, rules) or rest.endswith(_ENCLITICS + ("ه",)) or "ال" + rest in rules.definite_nouns)


_DEFINITE_PREFIXES = ("ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال", "فبال")
#: Ordinals that end regnal names (عبدالله الثاني): never a short form of the person.
_ORDINALS = frozenset(norm_word(w) for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                                             "التاسع", "العاشر"])
#: Month names that are also first names (رمضان، رجب، شعبان): never a person on their own.
_MONTHS = frozenset(norm_word(w) for w in ["محرم", "صفر", "ربيع", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة"])
_MONTHS_BUT_SAFAR = _MONTHS - {"صفر"}  # the month rule of discovery leaves صفر out
#: Words after a month's name that make it the month (رمضان المبارك، ربيع الأول، رجب الماضي), also those shaped like a
#: family name (ال + a given name or a nisba): after the others a month's name is a first name (ربيع العوبثاني).
_MONTH_QUALIFIERS = frozenset(norm_word(w) for w in [
    "المبارك", "المباركة", "المعظم", "الكريم", "الفضيل", "الأول", "الأولى", "الآخر", "الآخرة", "الثاني", "الحرام", "الفرد", "الماضي",
    "الجاري", "المقبل", "القادم", "الحالي", "المنصرم", "السابق", "الفائت", "الخير", "الأغر"])
_has_digit = re.compile(r"\d").search
#: Words after عمر "age" (عن عمر يناهز 94 عاما، عن عمر ناهز الـ37): not the first name Omar.
_AGE_NEXT = frozenset(norm_word(w) for w in ["يناهز", "ناهز", "يقارب", "قارب", "يبلغ", "بلغ", "يتجاوز", "تجاوز"])

#: Regional adjectives (not annotated themselves, CONVENTIONS) that make a short name another entity.
_HOLIDAY_NAMES = frozenset(norm_word(w) for w in ["الأضحى", "الفطر", "الميلاد", "الحج", "الوطني", "الأم", "الفصح", "الغدير"])
_HOLIDAY_HEADS = frozenset(norm_word(w) for w in ["عيد", "عيدي", "ليلة", "يوم"])
_REGIONAL = frozenset(norm_word(w) for w in ["العربي", "العربية", "الإسلامي", "الإسلامية", "الدولي", "الدولية", "العالمي", "العالمية", "الإقليمي", "الإقليمية", "الأوروبي", "الأوروبية", "الغربي", "الغربية", "الخليجي", "الخليجية", "الأفريقي", "الأفريقية", "الآسيوي", "الآسيوية"])

#: Heads of media names: صحيفة “اكسبرس” is the outlet اكسبرس.
_QUOTED_HEADS = {norm_word(w): "media" for w in ["صحيفة", "جريدة", "قناة", "مجلة", "موقع", "وكالة", "شبكة", "إذاعة", "تلفزيون",
                                                 # duals and plurals (صحيفتا «ذي دايلي مايل» و«دايلي تلغراف»; ninth session)
                                                 # (not شركات، قنوات: شركات «واجهة»، القنوات «الضالة» are kinds)
                                                 "صحيفتا", "صحيفتي", "صحف", "جريدتا", "جريدتي", "قناتا", "قناتي",
                                                 "مجلتا", "مجلتي", "مجلات", "وكالتا", "وكالتي"]} | {
    norm_word(w): "organization" for w in ["شركة", "مجموعة", "بنك", "مصرف", "منظمة", "جمعية", "مؤسسة", "هيئة", "حزب",
                                           "تحالف", "شركتا", "شركتي",
                                           # seventeenth session: a publisher or fashion house, a restaurant (not
                                           # متجر, منصة: products, آي تونز، أندرويد)
                                           "دار", "مطعم", "مطاعم"]}
_STOCK_HEADS = frozenset(norm_word(w) for w in ["سهم", "سهما", "سهمي", "أسهم"])
_QUOTED_HEADS |= dict.fromkeys(_STOCK_HEADS, "organization")  # سهم «جاكو»: a listed company
_QUOTED_HEAD_WORDS = frozenset(_QUOTED_HEADS)

#: Heads that the guidelines leave out when a name follows (حركة حماس → حماس، صحيفة لوموند → لوموند).
TRIM_HEADS = frozenset(norm_word(w) for w in ["حركة", "جماعة", "وكالة", "صحيفة", "جريدة", "قناة", "مجلة", "موقع", "شبكة", "دولة"])


def _trim_heads_and_titles(f: _Field, out: list[_M], rules: Rules, m: _Matcher) -> None:
    """Guidelines: "وزير الخارجية عادل الجبير" → only the name. A codebook form that starts with a title
    (الملك عبدالله الثاني، الرئيس محمود عباس) or a generic head (حركة حماس، وكالة فرانس برس، دولة الكويت) is
    reported from the name on, when the rest is itself a name of the same actor (heads) or a name (titles).
    The span then starts at the name; clitics on the head (لحركة حماس) stay outside with the head."""
    for o in out:
        if o.kind not in ("name", "alias") or o.entry is None or " " not in f.x[o.s : o.e]:
            continue  # one token (mentions cover whole tokens): nothing to trim
        i, last = f.tok_index(o.s), f.tok_index(o.e - 1)
        if i == last:
            continue
        j = i
        if o.typ == "person":
            while j < last:
                w1 = f.word(j) if j > i else f.x[o.s + o.plen : f.ends[j]]
                w1 = ("ال" + w1) if j == i and f.x[o.s : o.s + o.plen].endswith(("ال", "لل")) else w1
                two = w1 + " " + f.word(j + 1) if j + 1 < last else None
                if two is not None and two in rules.titles:
                    j += 2
                elif w1 in rules.titles and w1 not in rules.given_names:
                    j += 1
                else:
                    break
        else:
            head = f.x[o.s + o.plen : f.ends[i]]
            if o.plen and f.x[o.s : o.s + o.plen].endswith(("ال", "لل")):
                head = None  # الحركة … is not a head + name
            if head in TRIM_HEADS:
                rest = f.x[f.starts[i + 1] : o.e]
                if (o.actor_id, rest) in m.form_keys:
                    j = i + 1
        if j > i and j <= last:
            o.s, o.plen = f.starts[j], 0
            if f.x[o.s : o.s + 2] == "ال":
                o.plen = 2


def _join_branches(f: _Field, out: list[_M], rules: Rules) -> list[_M]:
    """A body with regional directorates (``rules.branch_heads``) followed by بـ + a place (الدفاع المدني بمنطقة
    عسير، للدفاع المدني بالعاصمة المقدسة) is one organisation, the branch, as the annotators mark it; the place is
    not a mention."""
    keys = rules.branch_heads
    drop = set()
    for k in range(len(out) - 1):
        o, n = out[k], out[k + 1]
        if o.typ != "organization" or n.typ not in ("location", "country") or not f.x[n.s : n.s + n.plen].startswith("ب"):
            continue
        nm = f.x[o.s + o.plen : o.e]
        if (nm[2:] if nm.startswith("ال") else nm) not in keys:
            continue
        j = f.tok_index(n.s)
        if j == f.tok_index(o.e - 1) + 1 and f.adjacent(j) and n.s == f.starts[j]:
            o.e = n.e
            drop.add(id(n))
    return [o for o in out if id(o) not in drop] if drop else out


def _preposition_on(prefix: str) -> bool:
    """The proclitics of a mention hold a preposition (ب، ل، ك: بجدة، للرياض): after a head noun such a name says where
    (غرفة بجدة "a room in Jeddah", شركة بالرياض), it does not name the body."""
    p = prefix.removesuffix("ال")
    return any(c in "بلك" for c in p)


@lru_cache(maxsize=WORD_CACHE)
def _strip_prep(w: str) -> str:
    """للجيش → الجيش, بالحكومة → الحكومة, وجيش → جيش. (Cached per word: up to six prefix tests, ~22,000 calls on 3,000
    articles for ~5,000 distinct words.)"""
    if w.startswith("لل") and len(w) > 4:
        return "ال" + w[2:]
    for p in ("وال", "فال", "بال", "كال", "وبال", "ولل"):
        if w.startswith(p) and len(w) > len(p) + 1:
            return ("ال" + w[len(p):]) if p != "ولل" else "ال" + w[3:]
    return w


def _in_role_phrase(f: _Field, i: int, rules: Rules) -> bool:
    """Token i sits in a role phrase: a title word up to 3 tokens before it, only complements between."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4 and f.adjacent(k + 1):
        w = f.word(k)
        ws = _strip_prep(_conj_stripped(w))
        if ws in rules.titles or w in rules.titles or _conj_stripped(w) in rules.titles:
            return True
        if not (ws in rules.title_complements or strip_clitics(w) in rules.title_complements):
            return False
        k -= 1
        steps += 1
    return False


# --- discovery by head nouns (organisations, places) and coordinated names ------------------------

_QUOTE_CHARS = "\"“”«»'"
_ADJ_WORDS = frozenset(norm_word(w) for w in ["العامة", "العام", "العليا", "الأعلى", "الكبرى", "الوطنية", "الوطني"])


def _via_idiom(f: _Field, k: int, head: str) -> bool:
    """Token ``k`` (its word without clitics: ``head``) is طريق or ساحة right after عن/على: عن طريق "by means of",
    على ساحة "on the scene of" — no street or square, and what follows is no street's name (عن طريق تركيا)."""
    return head in ("طريق", "ساحه") and k > 0 and _conj_stripped(f.word(k - 1)) in ("عن", "على")


def _coordinated_place(f: _Field, s: int, e: int, plen: int, out: list[_M], types=("location", "country"),
                       dash: bool = False) -> bool:
    """Rule `coordinated` of ambiguous_forms.tsv: the form is joined by و to a place or country mention (of ``types``;
    not a nisba: الأجواء الشرقية والتايلاندية) right before it (الدمام والخبر، الأحساء، والخبر) or right after it
    (الخبر والظهران); with ``dash``, also by a dash to a place right before it (طريق الدمام - الخبر)."""
    for o in out:
        if o.typ not in types or o.kind == "nisba":
            continue
        if o.e <= s and f.x[s : s + plen].startswith("و") and not f.x[o.e : s].strip(" ،,"):
            return True
        if dash and o.e <= s and f.x[s : s + plen] in ("", "ال") and f.norm[o.e : s].strip() in ("-", "–"):
            return True
        if e <= o.s and f.x[o.s : o.s + o.plen].startswith("و") and not f.x[e : o.s].strip():
            return True
    return False


_IN = frozenset(("في", "فى"))
#: Words before الخبر that make it "the news item", not the city Khobar (رابط الخبر، نص الخبر، تفاصيل الخبر).
_NEWS_HEADS = frozenset(norm_word(w) for w in ["رابط", "نص", "تفاصيل", "مصدر", "نشر", "هذا", "وكان", "صاحب"])
_GAME_WORDS = frozenset(norm_word(w) for w in ["للعبة", "لكرة"])
#: A war named after a place is an event (حرب الخليج، حرب لبنان 2006، حرب غزة): the place inside is not an actor.
_WAR = frozenset((norm_word("حرب"),))
#: Words after which an ambiguous city name of rule `coordinated` is the city (مدينة الخبر، كورنيش الخبر،
#: باتجاه الخبر).
_CITY_HEADS = frozenset(norm_word(w) for w in ["مدينة", "ومدينة", "بمدينة", "لمدينة", "كورنيش", "وكورنيش", "بكورنيش",
                                                "لكورنيش", "باتجاه", "واجهة", "شاطئ", "وشاطئ", "بشاطئ", "سكان", "أهالي",
                                                "قطاع", "بقطاع"])


def _after_city_head(f: _Field, s: int, plen: int) -> bool:
    """The form (without a proclitic but the article) comes right after a word of ``_CITY_HEADS``."""
    i = f.tok_index(s)
    return f.x[s : s + plen] in ("", "ال") and i > 0 and f.adjacent(i) and f.word(i - 1) in _CITY_HEADS


_KHOBAR = norm_word("الخبر")
#: Definite words before بالخبر that make it "with the news" (فرح الجميع بالخبر، الجهات المعنية بالخبر).
_NEWS_AFTER = frozenset(norm_word(w) for w in ["الجميع", "الناس", "المعنية", "المعني", "الشكوك", "الجمهور", "الأهالي",
                                               "الشارع", "الوسط", "المتابعين"])


def _located_after_definite(f: _Field, s: int, plen: int) -> bool:
    """بالخبر right after a definite noun or adjective is "in Khobar" (الواجهة البحرية بالخبر، مستشفى الملك فهد
    الجامعي بالخبر، الألعاب النارية بالخبر: about 80 of the corpus's 110), not "with the news" (علمت بالخبر،
    فوجئوا بالخبر, after a verb or a noun with a pronoun)."""
    i = f.tok_index(s)
    if f.x[s : s + plen] != "بال" or i < 1 or not f.adjacent(i):
        return False
    pw = f.word(i - 1)
    return pw.startswith("ال") and len(pw) > 4 and pw not in _NEWS_AFTER


def _before_adjective(f: _Field, e: int, rules: Rules) -> bool:
    """The token after the one ending at ``e`` is an indefinite masculine adjective in ي (بحري، كهربائي، مركزي: a word
    of the lists, not a function word, a name such as راماتولاي, nor a word with و/ف or the article): the word before it
    is a common noun (كابل بحري), no place."""
    nxt = _next_word(f, e)
    return (nxt is not None and len(nxt) > 3 and not nxt.startswith(("ال", "و", "ف")) and nxt.endswith("ي") and nxt not in rules.stopwords
            and (nxt in rules.definite_stems or nxt in rules.common_words))  # a word of the language, not a name


_YOUTH = norm_word("شباب")
#: Words before الشباب that make it the youth category (درجة الشباب، كأس العالم للشباب، منتخب الشباب), not the club.
_YOUTH_HEADS = frozenset(norm_word(w) for w in ["درجة", "فئة", "فئات", "منتخب", "العالم", "عالم", "رعاية", "وزارة", "وزير",
                                                "هيئة", "دوري", "بطولة"])


_MOROCCO = "country:ma"


def _sunset_prayer(f: _Field, o: _M, rules: Rules) -> bool:
    """The mention المغرب is the sunset prayer: right after صلاة/وقت/أذان/موعد (with their clitics), or joined by و to
    another prayer (صلاتي المغرب والعشاء، العصر والمغرب)."""
    i = f.tok_index(o.s)
    pw = f.prev_words(i, 1)
    nw = _next_word(f, o.e)
    return bool(o.s == f.starts[i] and pw and f.adjacent(i) and (pw[0] in _PRAYER_CUES or bare_in(pw[0], _PRAYER_CUES)
                                                                  or _conj_stripped(pw[0]) in _PRAYER_TIMES and nw not in _WHICH)
                or nw is not None and nw[:1] == "و" and nw[1:] in _PRAYERS
                or pw and f.adjacent(i) and _conj_stripped(pw[0]) in _PRAYERS and f.x[o.s : o.s + 1] == "و")


#: Words before المغرب that make it the sunset prayer (صلاة المغرب، وقت المغرب، أذان المغرب), not Morocco; and the other
#: prayers, joined to it by و (صلاتي المغرب والعشاء، العصر والمغرب).
_PRAYER_CUES = frozenset(norm_word(w) for w in ["صلاة", "صلاتي", "صلاتا", "وقت", "أذان", "اذان", "موعد", "فريضة", "إقامة"])
_PRAYERS = frozenset(norm_word(w) for w in ["العشاء", "العصر", "الظهر", "الفجر"])
#: بعد المغرب، قبل المغرب: after or before the sunset prayer (محاضرة بعد المغرب), not after Morocco in a ranking, which a
#: relative pronoun follows (بعد المغرب التي تصدرت القائمة); twenty-fourth session
_PRAYER_TIMES = frozenset(norm_word(w) for w in ["بعد", "قبل", "لبعد", "لقبل"])
_WHICH = frozenset(norm_word(w) for w in ["التي", "الذي", "الذين", "اللتين", "اللذين"])


#: Team nicknames that are adjectives (the codebook form without the article): after a definite noun they qualify it.
#: Not the clubs named by a noun, which follow a definite noun in apposition (قطبا العاصمة الهلال، النادي الفيصلي).
_ADJECTIVE_NICKNAMES = frozenset({norm_word("أخضر"), norm_word("راقي")})  # (الأداء الراقي "refined performance")


def _after_definite_noun(f: _Field, s: int, plen: int, out: list[_M], rules: Rules) -> bool:
    """The form starting at ``s``, with no proclitic but the article (``plen`` letters before the codebook form),
    follows a definite word that is neither a function word, a club cue nor a mention (المستطيل الأخضر، الضوء
    الأخضر): it qualifies that noun (not الأقوى للأخضر، إلى الأخضر)."""
    i = f.tok_index(s)
    if f.x[s : s + plen] not in ("", "ال") or i < 1 or not f.adjacent(i):
        return False
    pw = _conj_stripped(f.word(i - 1))  # (twenty-eighth session: also with و/ف, ب or ك: والأداء الراقي، بالشكل الراقي)
    if pw.startswith(("بال", "كال")):
        pw = pw[1:]
    return (pw.startswith("ال") and pw not in rules.stopwords and not bare_in(pw, rules.club_cues)
            and not any(o.s <= f.starts[i - 1] < o.e for o in out))


def _after_given_name(f: _Field, s: int, plen: int, rules: Rules) -> bool:
    """The form at ``s`` (the article its only proclitic) follows a first name that is no word (ونائبه نزيه النصر):
    a family name, not the club (but على الهلال، ناديه الأهلي "his club", باسم الأهلي "on behalf of", نجم الاتحاد)."""
    i = f.tok_index(s)
    if i < 1 or not f.adjacent(i) or f.x[s : s + plen] != "ال":
        return False
    w = _conj_stripped(f.word(i - 1))
    return (w in rules.given_names and w not in rules.common_words and w not in rules.definite_stems
            and w not in rules.frequent_words)


def _bare_club(f: _Field, s: int, e: int, plen: int, out: list[_M], rules: Rules) -> bool:
    """A club of club_context.txt ``bare:`` (الهلال، النصر، الأهلي: in sports news nearly always the club) with no cue:
    the club unless right after a definite noun it qualifies (البنك الأهلي، المستطيل الأخضر) or before a nisba or an
    ل-genitive (الأهلي المصري is another club: the codebook's longer form; النصر للصناعات)."""
    return not (_after_definite_noun(f, s, plen, out, rules) or _after_given_name(f, s, plen, rules)
                or _qualified(f, e, ("ي", "يه")) or "ال" + f.x[s + plen : e] in rules.titles and _title_before(f, e, rules))


def _title_before(f: _Field, e: int, rules: Rules) -> bool:
    """Twenty-eighth session: the word after the form ending at ``e`` is a first name that is no common word or a
    word of no list (no proclitic or article, no stopword, frequent or common word, no verb, no number): a club
    nickname that is also a title (العميد، الزعيم: titles.txt), with no cue before it, is then a person's rank or
    title (برئاسة العميد محمد أبو السعود، العميد ثروت سويلم), not the club (العميد يستعد، الزعيم أمام، العميد الذي،
    العميد لنفس الدوامة)."""
    nxt = _next_word(f, e)
    if nxt is None:
        return False
    if nxt in rules.given_names and nxt not in rules.common_words:
        return True
    return not (nxt[0] in "وفبلك" or nxt.startswith("ال") or nxt in rules.stopwords or nxt in rules.frequent_words
                or nxt in rules.common_words or any(c.isdigit() for c in nxt) or _verb_like(nxt, rules))


def _qualified(f: _Field, e: int, nisba_ends: tuple[str, ...]) -> bool:
    """The word after the form ending at ``e`` is an ل-genitive (للسباحة، للصناعات) or a definite nisba ending in one of
    ``nisba_ends`` (الآسيوي، المصري): the form names a federation, a company or another club, not the club."""
    j = f.tok_index(e - 1) + 1
    if j >= len(f.starts) or not f.adjacent(j):
        return False
    nxt = f.word(j)
    return nxt.startswith("لل") or nxt.startswith("ال") and nxt.endswith(nisba_ends) and len(nxt) > 4


#: cue words of rule `club` that count without the article only (twentieth session: فريق الشباب، لفريق الرائد)
_TEAM_CUES = frozenset(norm_word(w) for w in ["فريق", "نادي"])


def _club_cue(f: _Field, e: int, pw: list[str], rules: Rules, club_starts: frozenset = frozenset()) -> bool:
    """Rule `club` of ambiguous_forms.tsv (club_context.txt): the bare name of a club that is also a word (الهلال،
    الاتفاق، التعاون), ending at ``e``, right after a cue word (مدرب الهلال، أمام النصر، لتمثيل العروبة) or a two-word
    cue (قادما من الاتفاق، انتقل إلى هجر; ``pw``: the words before it), or after بين with و + another club's bare
    name right after it (بين الهلال والنصر; ``club_starts``: where the field's club forms start); not right after a
    definite word that is no cue (البنك الأهلي: the adjective) and not before a nisba or an ل-genitive (الاتحاد
    الآسيوي، الاتحاد الدولي للسباحة: federations)."""
    if not pw:
        return False
    j = f.tok_index(e - 1) + 1
    w = bare_of(pw[0], rules.club_cues)
    if w in _TEAM_CUES and w != pw[0] and pw[0].endswith("ال" + w):
        w = None  # النادي الاتفاق، الفريق …: a team word with the article is an anaphor, no cue (فريق الاتفاق، لنادي هجر)
    cue = w is not None or len(pw) > 1 and f"{_conj_stripped(pw[1])} {pw[0]}" in rules.club_cues
    if not cue and not (pw[0] == "بين" and j < len(f.starts) and f.adjacent(j) and f.starts[j] in club_starts
                        and f.word(j)[0] == "و"):
        return False
    return not _qualified(f, e, ("ي", "يه", "يين", "يون"))  # (الي is إلى: too short)


def _sports_field(f: _Field, rules: Rules, need: int = 3) -> bool:
    """``need`` (three) different words of sport occur in the field (club_context.txt ``sport:``: دوري، لاعب، المباراة …).
    Each distinct token is looked at once (a long field repeats its words: في، الى، المباراة …); the tokens are the
    runs of ``f.x`` between spaces, and the answer does not depend on their order. A token that is a sport word holds
    that word, so a field in which fewer than three of them occur at all (about half of those a club rule asks about) is
    answered by substring tests alone, without reading its tokens (~100 µs for a long field)."""
    found = 0
    for w in rules.sport_words:
        if w in f.x:
            found += 1
            if found == need:
                break
    else:
        return False
    seen: set[str] = set()
    words = set(f.x.split(" "))
    words.discard("")
    for tok in words:
        w = bare_of(tok, rules.sport_words)
        if w is not None:
            seen.add(w)
            if len(seen) == need:
                return True
    return False


def _quoted(f: _Field, s: int, e: int, opening: str = _QUOTE_CHARS, closing: str = _QUOTE_CHARS) -> bool:
    """The normalised span [s, e) has a quote mark (one of ``opening``) right before and one of ``closing`` right after
    it (spaces allowed)."""
    before = f.norm[max(0, s - 2) : s].rstrip()
    after = f.norm[e : e + 2].lstrip()
    return bool(before) and before[-1] in opening and bool(after) and after[0] in closing


@lru_cache(maxsize=WORD_CACHE)
def _plain_word(w: str, rules: Rules) -> bool:
    """A word that cannot be (part of) a name: function words, verbs, titles, frequent or common words."""
    return (w in rules.stopwords or w in rules.frequent_words or w in rules.titles or w in rules.reporting_verbs
            or w in rules.common_words or w.isdigit())


@lru_cache(maxsize=WORD_CACHE)
def _name_like(w: str, rules: Rules) -> bool:
    """A word that looks like a proper name: not a plain word and not a common noun (common nouns take the article
    elsewhere in news text: definite_stems / definite_nouns)."""
    if len(w) < 3 or _plain_word(w, rules) or w in rules.given_names and w in rules.common_words:
        return False
    if len(w) > 4 and w.endswith(_ENCLITICS):
        return False
    if w.startswith("ال"):
        return w not in rules.definite_nouns and w[2:] not in rules.definite_stems and w not in _REGIONAL
    return w not in rules.definite_stems


def _new(a: int, b: int, plen: int, name: str, typ: str) -> _M:
    mm = _M(a, b, plen, "discovered:" + name.replace(" ", "_"), "discovered", typ, name)
    mm.entry = None
    return mm


def _proclitic_len(pre: str) -> int:
    """The proclitics before a head's stem without its article: وال → 1, بال → 1, لل → 1 (ل + ال), و → 1, ال → 0."""
    return len(pre) - (2 if pre.endswith("ال") else 1 if pre.endswith("لل") else 0)


#: Particles of foreign names after which a place head is part of the name (فان دير بيرغ، فون دير لاين).
_NAME_PARTICLES = frozenset(norm_word(w) for w in ["فان", "فون", "دي", "دا"])


#: Definite place heads named by an adjective of direction or order (الكورنيش الشمالي، الطريق الدائري الثاني).
_ROAD, _RING = norm_word("طريق"), norm_word("الدائري")
_ADJECTIVE_NAMED_HEADS = frozenset((norm_word("كورنيش"), _ROAD))
_PLACE_ORDINALS = frozenset(norm_word(w) for w in [
    "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط", "الأول", "الثاني", "الثالث", "الرابع", "الخامس"])


def _discover_named_heads(f: _Field, out: list[_M], occ: bytearray, heads: list, m: _Matcher, rules: Rules) -> list[_M]:
    """Organisations and places the codebook lacks, announced by a head noun (``org_chain_heads.tsv``,
    ``place_heads.tsv`` in actors_rules/):

    * head + genitive chain = one organisation, longest match, nisbas and places inside it not counted apart
      (منظمة الأغذية العالمية، إدارة البحث والتحري، أمانة منطقة جازان، المؤسسة السورية العامة لتجارة وتصنيع الحبوب);
    * place head + an unknown name = a place (حي التواهي → التواهي; ميناء الزيت، شارع النفق، قصر 22 مايو as a whole);
      a codebook name after a "whole" head is inside the place's name (طريق الملك عبدالله، شارع العراق).
    """
    by_tok: dict[int, _M] = _coverage(f, out)  # token -> the mention covering it
    drop: set[int] = set()
    new: list[_M] = []
    towns: list[str] = []
    n = len(f.starts)
    for s, e, plen, ent in sorted(heads, key=lambda h: h[0]):
        if 1 in occ[s:e]:
            continue
        i = f.tok_index(s)
        stem = f.x[s + plen : e]
        pre = f.x[s : s + plen]
        definite = pre.endswith(("ال", "لل")) or stem.startswith("ال")
        full = ("ال" + stem) if pre.endswith(("ال", "لل")) else stem
        if (stem in _COMPANY_HEADS and not definite and i + 1 < n and f.adjacent(i + 1, quotes=True)
                and not (i > 0 and f.word(i - 1).isdigit())):  # 15 شركة تتنوع: a count, not a name
            j = _legal_form_end(f, i, occ, rules)
            if j is not None:  # شركة خبراء طيبة المحدودة: the legal form makes a name of any words, head included
                a, b = f.starts[i], f.ends[j]
                occ[a:b] = b"\x01" * (b - a)
                pl = _proclitic_len(pre)
                new.append(_new(a, b, pl, f.x[a + pl : b], "organization"))
                continue
            toks = _company_name(f, i + 1, occ, rules)
            if toks:
                a, b = f.starts[toks[0]], f.ends[toks[-1]]
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, 0, f.x[a:b], "organization"))
                new.extend(_repeat_name(f, f.x[a:b], b, occ, "organization"))
                continue
        if stem in _MEDIA_HEADS and not definite and i + 1 < n and f.adjacent(i + 1):
            toks = _foreign_institution_name(f, i + 1, occ, rules)  # (a quoted name: the bracketed-name rules)
            if toks:  # صحيفة لاكروا، مجلة وايرد، وكالة يونهاب: the outlet's name (the head is left out, as in the
                a, b = f.starts[toks[0]], f.ends[toks[-1]]  # codebook's bare outlet names)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, 0, " ".join(f.x[a:b].split()), "media"))
            continue
        org = rules.org_chain_heads.get(stem) or rules.org_chain_heads.get(full)
        if org is not None and stem == _CENTRE and i + 1 < n and _conj_stripped(f.word(i + 1)) in _CENTRE_NOT_BODIES:
            org = None  # مركز الظهير الأيسر "the left-back position", مركز ثقل القرار, مركز المحافظة: no body
        if org is not None and (not definite or org[2]):
            if org[2] == 2 and org[1] > 1 and not definite and _university_named(out, new, m):
                org = (org[0], 1, org[2], org[3])  # كلية الطب in a field that names its university: the faculty
            res = _org_chain(f, i, definite, org, by_tok, occ, rules)
            if res is not None and _generic_board(f, i, res[0], stem):
                res = None  # مجلس إدارة النادي، مجلس الإدارة الجديد: the board of a body the text names otherwise
            short = _short_name_after(f, res[0], occ, rules) if res is not None else None
            if res is not None and (short is not None or org[3] != 2 or definite and any(
                    f.word(t)[0] == "ل" for t in range(i + 1, res[0] + 1))):  # البرنامج الوطني للمعارض والمؤتمرات
                j, inner = res
                a, b = f.starts[i], f.ends[j]
                pl = _proclitic_len(pre)
                for o in inner:
                    drop.add(id(o))
                    occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                occ[a:b] = b"\x01" * (b - a)
                org_m = _new(a, b, pl, f.x[a + pl : b], org[0])
                new.append(org_m)
                reps = []
                if short is not None:  # برنامج التعاملات الإلكترونية الحكومية (يسر): its short name, here and later
                    sa, sb = f.starts[short[0]], f.ends[short[-1]]
                    reps = [_new(sa, sb, 0, f.x[sa:sb], org[0])]
                    occ[sa:sb] = b"\x01" * (sb - sa)
                    reps += _repeat_name(f, f.x[sa:sb], sb, occ, org[0])
                elif j > i + 1 and _own_name(f, i + 1, inner, rules):  # معهد ايفو الالماني … مسح ايفو
                    reps = []
                    for r in _repeat_name(f, f.word(i + 1), b, occ, org[0]):
                        t = f.tok_index(r.s)
                        if t > 0 and NAME_CLITICS_RE.sub("", f.word(t - 1), count=1) in rules.place_heads:
                            occ[r.s : r.e] = b"\x00" * (r.e - r.s)  # مدينة أنتويرب: the place, not the court
                        else:
                            reps.append(r)
                for r in reps:
                    r.actor_id, r.label_ar = org_m.actor_id, org_m.label_ar
                new.extend(reps)
                continue
        if (stem in _INSTITUTION_HEADS or stem in _LATE_INSTITUTION_HEADS) and not definite and i + 1 < n and f.adjacent(
                i + 1, quotes=stem in _INSTITUTION_HEADS):
            # after the organisation-chain rule found nothing (معهد زنتر الألماني … مسح زنتر is its): جامعة ستانفورد،
            # بجامعة «هارفارد»، مستشفى سبيتار، معهد بروكنجز، مؤسسة ماركت: one organisation, head included
            toks = _foreign_institution_name(f, i + 1, occ, rules)
            if toks:
                a, b = f.starts[i], f.ends[toks[-1]]
                pl = _proclitic_len(pre)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, pl, " ".join(f.x[a + pl : b].split()), "organization"))  # (quotes: spaces in x)
                continue
        span = rules.place_heads.get(stem)
        if definite and stem in _ADJECTIVE_NAMED_HEADS:
            j = i + 2 if stem == _ROAD and i + 1 < n and f.adjacent(i + 1) and f.word(i + 1) == _RING else i + 1
            if (j < n and (j > i + 1 or stem != _ROAD) and f.adjacent(j) and f.word(j) in _PLACE_ORDINALS
                    and 1 not in occ[f.starts[i] : f.ends[j]]):
                a, b = f.starts[i], f.ends[j]  # الكورنيش الشمالي، الطريق الدائري الثاني: a named place
                pl = _proclitic_len(pre)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, pl, "ال" + f.x[s + plen : b], "location"))  # (للكورنيش: the label الكورنيش)
            continue
        if span is None or definite or i + 1 >= n or not f.adjacent(i + 1):
            continue
        if stem == "وادي" and "أ" in f.text[slice(*f.span_in_original(s, e))]:
            continue  # وأدى الصلاة "and performed the prayer" (normalised like وادي, a wadi)
        if _via_idiom(f, i, stem):
            continue  # عن طريق "by means of", على ساحة "on the scene of"
        if i > 0 and f.adjacent(i) and f.word(i - 1) in _NAME_PARTICLES and "إ" not in f.text[
                slice(*f.span_in_original(f.starts[i - 1], f.ends[i - 1]))]:
            continue  # فان دير بيرغ: the particle of a person's name, not a monastery (فإن طريق شرما: "so that")
        o = by_tok.get(i + 1)
        if (o is None and span == "whole" and i + 2 < n and f.adjacent(i + 2) and f.word(i + 1) in rules.titles
                and by_tok.get(i + 2) is not None and by_tok[i + 2].typ == "person" and by_tok[i + 2].s == f.starts[i + 2]):
            o = by_tok[i + 2]  # طريق الملك فهد: a road named after a king
            o_first = i + 2
        else:
            o_first = i + 1
        if o is not None and id(o) not in drop:
            if span == "whole" and o.s == f.starts[o_first] and o.plen in (0, 2) and o.typ in ("person", "location", "country") \
                    and o.kind != "metonym" and not (stem == "طريق" and o.typ == "country"):
                a, b = f.starts[i], o.e
                if 1 in occ[a:f.ends[i]]:
                    continue
                drop.add(id(o))
                if stem in _AIRPORT_HEADS:
                    b = _airport_tail(f, b, by_tok, drop)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, len(pre), f.x[a + len(pre) : b], "location"))
            elif o.kind == "nisba" and o.plen == 2 and o.s == f.starts[i + 1] and " " not in f.x[o.s : o.e]:
                drop.add(id(o))  # حي السويدي: a district, not "Swedish"
                new.append(_new(o.s, o.e, 0, f.x[o.s : o.e], "location"))
            continue
        a1, b1 = f.starts[i + 1], f.ends[i + 1]
        if 1 in occ[a1:b1]:
            continue
        w = f.x[a1:b1]
        if NAME_CLITICS_RE.sub("", w, count=1) in rules.place_heads or w.endswith("تي") and w[:-2] + "ه" in rules.place_heads:
            continue  # شاطئ بجزيرة ريونيون، مرتفعات منطقتي عسير: the next head names the place
        if w.startswith("لل"):
            continue  # إقليم للسنة "a region for the Sunnis": a preposition and the article, no name
        if w[0] in "ول" and len(w) > 4 and not w.startswith("ال") and (
                _plain_word(w[1:], rules) or w[1:] in rules.definite_stems or w.endswith("ا") and w[1:-1] in rules.definite_stems):
            continue  # مدينة وقرية وتجمع سكاني، مرتفعات لتخفيف، جبال وهابطا: و/ل on a common word, no name (not وهران، بولو)
        if span == "feature":
            # جبل العرقوب، مرتفعات حمرين (not جبل الجليد، بحيرة السد [العالي]: a definite word whose bare form is frequent)
            a = f.starts[i]
            if 1 in occ[a:b1] or w in rules.place_heads or w.startswith("ال") and w[2:] in rules.frequent_words or not (
                    _name_like(w, rules) or w.startswith("ال") and len(w) > 4 and not _plain_word(w, rules)
                    and w not in rules.definite_nouns and w not in _REGIONAL):
                continue
            occ[a:b1] = b"\x01" * (b1 - a)
            new.append(_new(a, b1, len(pre), f.x[a + len(pre) : b1], "location"))
            new.extend(_repeat_place(f, w, new[-1], b1, occ, rules))
        elif span == "whole":
            # قصر 22 مايو؛ ميناء الزيت، شارع النفق (a definite word names the place as a whole)
            v = w[1:]
            if w[0] == "و" and (v.isdigit() or _plain_word(v, rules) or v in rules.definite_stems or _verb_like(v, rules)) or (
                    not w.isdigit() and _verb_like(w, rules)):
                continue  # فندق و590، فندق تديره، حديقة تستقبل: no name (جسر ويستمنستر is one)
            if (w.isdigit() and i + 2 < n and f.adjacent(i + 2) and not _name_like(f.word(i + 2), rules) and len(w) <= 2
                    and f.word(i + 2) != "نجوم"):  # (فندق 5 نجوم: a five-star hotel)
                b = f.ends[i + 2]
            elif (w in rules.titles and w.startswith("ال") and i + 2 < n and f.adjacent(i + 2)
                  and (f.word(i + 2) in rules.given_names or _name_like(f.word(i + 2), rules))):
                b = f.ends[i + 2]  # طريق الملك فهد، شارع الأمير سلطان
                if i + 3 < n and f.adjacent(i + 3) and f.word(i + 3) in ("بن", "ابن") and i + 4 < n and f.adjacent(i + 4):
                    b = f.ends[i + 4]
            elif stem in _SITE_HEADS_ALL and (w in rules.generic_complements or w[0] in "وفبلك" and not w.startswith("ال")
                                              and (_plain_word(w[1:], rules) or w[1:] in rules.definite_stems
                                                   or w[1:] in rules.frequent_words)):
                continue  # ملعب النادي "the club's ground", كنيسة ومكتبة، ملعب لنادي: no name (ملعب لوفتس رود is one)
            elif (_rare_definite_name(w, rules) if stem in ("طريق", "ساحه", "ميدان")
                  else w.startswith("ال") and len(w) > 4 and not _plain_word(w, rules) and w not in _REGIONAL
                  ) or _name_like(w, rules):
                # (after طريق/ساحة/ميدان a definite word whose bare form is rare: طريق العويقيلة; not طريق النجاح)
                b = b1
                if (stem in _SITE_HEADS and w.startswith("ال") and i + 2 < n and f.adjacent(i + 2)
                        and f.word(i + 2).startswith("وال") and len(f.word(i + 2)) > 4):
                    b = f.ends[i + 2]  # كنيسة الخبز والسمك
                elif (w in rules.given_names and i + 3 < n and f.word(i + 2) in _SON_OF and f.adjacent(i + 2)
                      and f.adjacent(i + 3) and 1 not in occ[f.starts[i + 2] : f.ends[i + 3]]):
                    b = f.ends[i + 3]  # طريق عثمان بن عفان، شارع خالد بن الوليد: a road named after a person
            else:
                continue
            a = f.starts[i]
            if 1 in occ[a:b]:
                continue
            if stem in _AIRPORT_HEADS:
                b = _airport_tail(f, b, by_tok, drop)
            occ[a:b] = b"\x01" * (b - a)
            new.append(_new(a, b, len(pre), f.x[a + len(pre) : b], "location"))
            if stem == "طريق" and b == b1 and not w.startswith("ال") and len(w) >= 4 and _name_like(w, rules) \
                    and w not in rules.given_names and not (i + 2 < n and f.adjacent(i + 2) and f.word(i + 2).startswith("ال")
                                                            and by_tok.get(i + 2) is None):
                towns.append(w)  # طريق عريعرة (الأحساء): a road named after a town (not طريق أعالي الجبال, in construct)
        elif (w in _PLACE_PREFIXES and i + 2 < n and f.adjacent(i + 2) and _name_like(f.word(i + 2), rules)
              and 1 not in occ[f.starts[i + 2] : f.ends[i + 2]]):
            b = f.ends[i + 2]  # مقاطعة سان برناردينو، ولاية نيو مكسيكو: a foreign place name's first word is a plain word
            occ[a1:b] = b"\x01" * (b - a1)
            new.append(_new(a1, b, 0, f.x[a1:b], "location"))
        elif _name_like(w, rules) and not (w in rules.given_names and not w.startswith("ال")) or (
                stem in _SITE_HEADS_ALL and w in rules.given_names) or (  # ستاد جابر، مسجد عمر: named after a person
                stem in _SETTLEMENT_HEADS and w.startswith("ال") and len(w) > 4 and not _plain_word(w, rules)
                and w[2:] not in rules.frequent_words and w not in _REGIONAL and not w.endswith(("ي", "يه"))) or (
                stem == _HAYY and f.x[s:e] != "وحي" and w.startswith("ال") and len(w) > 4 and w not in _NOT_DISTRICTS
                and w not in rules.stopwords and w not in rules.titles and w not in _REGIONAL
                and not w.endswith(("ي", "يه"))) or (
                stem in _AREA_HEADS and _rare_definite_name(w, rules) and w not in rules.place_not_names
                and not (stem == "قضاء" and pre.endswith("ل"))):
            # بحي الزاهر، بلدة المريسة: after a town or district head a definite word that is also a noun is its name
            if not _name_like(w, rules) and f.x[s:e] == "وحي" and s > 0 and f.norm[s - 1] in _QUOTE_CHARS:
                continue  # «وحي القلم»: "the inspiration of", a book's title
            b = b1
            if i + 2 < n and f.adjacent(i + 2) and _name_like(f.word(i + 2), rules) and not f.word(i + 2).startswith("ال") \
                    and 1 not in occ[f.starts[i + 2] : f.ends[i + 2]] and not w.startswith("ال") \
                    and NAME_CLITICS_RE.sub("", f.word(i + 2), count=1) not in rules.place_heads:  # not بولو | ومرتفعات
                b = f.ends[i + 2]
            occ[a1:b] = b"\x01" * (b - a1)
            new.append(_new(a1, b, 0, f.x[a1:b], "location"))
            if b == b1 and _name_like(w, rules):  # (not قرية التمور … أنواع التمور: a noun alone is the noun)
                new.extend(_repeat_place(f, w, new[-1], b, occ, rules))
    for w in towns:  # the town's name alone in the field is that town (لعريعرة، بعريعرة), before or after the road
        new.extend(_repeat_name(f, w, 0, occ, "location"))
    if not new:
        return out
    return sorted([o for o in out if id(o) not in drop] + new, key=_by_start)


_CONTEXT_WINDOW = 300  # characters: how near a context mention must be (rules "country" and "group")
_DEMONSTRATIVES = frozenset(("هذا", "هذه", "ذلك", "تلك", "ذاك"))  # rule `demonstrative` of ambiguous_forms.tsv
_SITE_HEADS = frozenset(norm_word(w) for w in ["كنيسة", "كاتدرائية", "دير", "مسجد", "جامع", "متنزه", "منتزه", "حديقة"])
_SITE_HEADS_ALL = _SITE_HEADS | frozenset(norm_word(w) for w in ["ملعب", "استاد", "ستاد"])
_COMPANY_HEADS = frozenset(norm_word(w) for w in ["شركة", "شركتي"])
_AIRPORT_HEADS = frozenset(norm_word(w) for w in ["مطار", "مطاري"])
#: first words of foreign place names that are also plain words or too short to read as names (سان برناردينو)
_PLACE_PREFIXES = frozenset(norm_word(w) for w in ["سان", "سانت", "سانتا", "ساو", "نيو", "لوس", "لاس", "بورت", "فورت", "ماونت", "ساوث", "نورث", "ويست", "إيست"])
_INTERNATIONAL = frozenset(norm_word(w) for w in ["الدولي", "الإقليمي"])


def _airport_tail(f: _Field, b: int, by_tok: dict, drop: set) -> int:
    """The end of an airport's name found after مطار (ending at ``b``), taking in الدولي and a بـ + place mention right
    after it (مطار الملك عبدالله بجازان، مطار القاهرة الدولي: the annotators' spans); the place's own mention is dropped."""
    j = f.tok_index(b - 1) + 1
    n = len(f.starts)
    if j < n and f.adjacent(j) and f.word(j) in _INTERNATIONAL:
        b = f.ends[j]
        j += 1
    o = by_tok.get(j)
    if (j < n and f.adjacent(j) and o is not None and o.typ == "location" and o.s == f.starts[j]
            and f.x[o.s : o.s + o.plen] == "ب" and id(o) not in drop):
        drop.add(id(o))
        b = o.e
    return b


#: Place heads after which a definite common noun is still a name (بحي الزاهر، بلدة المريسة; not مدينة الملاهي).
_SETTLEMENT_HEADS = frozenset(norm_word(w) for w in ["حي", "بلدة", "قرية"])
#: after حي (not وحي, also "inspiration") a definite common or frequent noun is a district's name too (حي السلام،
#: حي السعادة، حي الجزيرة: 198 such in SaudiNewsNet, nearly all districts; eleventh session)
_HAYY = norm_word("حي")
_NOT_DISTRICTS = frozenset(norm_word(w) for w in ["الله", "المنازل", "الإنسان"])  # حي الله "welcome", poetry
_CENTRE = norm_word("مركز")
#: first words after مركز that make it a position, a centre of something or a place, not a body (an organisation)
_CENTRE_NOT_BODIES = frozenset(norm_word(w) for w in [
    "الظهير", "قلب", "حراسة", "خط", "الوسط", "الهجوم", "الدفاع", "الجناح", "صانع", "رأس", "ثقل", "صناعة", "صدارة", "الصدارة",
    "المحافظة", "المدينة", "المنطقة", "القرية", "حي", "البلدة", "مديريات", "مديرية", "القلب"])
#: town and area heads after which a definite word whose bare form is rare (``definite_nouns``) is a name although it
#: takes the article (``definite_stems``): منطقة العرقوب، محافظة العويقيلة، مدينة السيح، جزيرة الوراق; not ناحية ("side":
#: من ناحية الألفاظ), not لقضاء ("to spend": لقضاء الشتاء), not a word of ``place_not_names.txt`` (منطقة الرسغ)
_AREA_HEADS = frozenset(norm_word(w) for w in ["حي", "بلدة", "قرية", "منطقة", "محافظة", "مدينة", "جزيرة", "مديرية", "قضاء", "مخيم",
                                                "شاطئ", "كورنيش"])


@lru_cache(maxsize=WORD_CACHE)
def _rare_definite_name(w: str, rules: Rules) -> bool:
    """A definite word that may be a place's name although it takes the article: no plain or regional word, and its
    bare form is rare (not in ``definite_nouns``, not frequent): العرقوب، العويقيلة (not النجاح, a frequent noun)."""
    return (w.startswith("ال") and len(w) > 4 and not _plain_word(w, rules) and w not in rules.definite_nouns
            and w[2:] not in rules.frequent_words and w not in _REGIONAL)


def _university_named(out: list[_M], new: list[_M], m: _Matcher) -> bool:
    """The field names a university (a codebook university, or a discovered body whose name starts with جامعة, not
    جامعة الدول العربية): its faculties and institutes are then named with one complement (كلية الطب، معهد البحوث)."""
    for o in out + new:
        if o.typ != "organization":
            continue
        info = m.info.get(o.actor_id)
        if info is not None and info[3] == "university" or o.kind == "discovered" and o.label_ar and (
                o.label_ar.startswith("جامعه") and not o.label_ar.startswith("جامعه الدول")):
            return True
    return False


_BOARD_HEAD = norm_word("مجلس")
_BOARD_WORDS = frozenset(norm_word(w) for w in ["إدارة", "الإدارة"])
#: bodies that an article names in full elsewhere and then calls by their kind (CONVENTIONS: institutional anaphors)
_GENERIC_BODIES = frozenset(norm_word(w) for w in [
    "النادي", "المؤسسة", "الجمعية", "الشركة", "المركز", "الغرفة", "المكتب", "البنك", "الهيئة", "اللجنة", "الصندوق",
    "الجامعة", "الوزارة", "المجلس", "البرنامج", "المستشفى", "الكلية", "الأمانة", "البلدية"])


def _generic_board(f: _Field, i: int, j: int, stem: str) -> bool:
    """The chain from token ``i`` to ``j`` is the board of a body named only by its kind: مجلس إدارة + one generic
    noun (مجلس إدارة النادي، مجلس إدارة الهيئة), or مجلس الإدارة with whatever follows (الجديد، السابق)."""
    if stem != _BOARD_HEAD or j <= i or f.word(i + 1) not in _BOARD_WORDS:
        return False
    return f.word(i + 1).startswith("ال") or j == i + 2 and f.word(i + 2) in _GENERIC_BODIES


#: legal forms that end a company's name (شركة يوم القهوة المحدودة، شركة البيان القابضة)
_LEGAL_FORMS = frozenset(norm_word(w) for w in ["المحدودة", "القابضة"])


def _legal_form_end(f: _Field, i: int, occ: bytearray, rules: Rules) -> int | None:
    """The token of a legal form (``_LEGAL_FORMS``) that ends the name after the company head at token ``i``: one to
    four words between, joined without punctuation, none a mention already, a stopword or a connector (شركة خبراء
    طيبة المحدودة, whose words are common words); None when there is none."""
    n = len(f.starts)
    for j in range(i + 1, min(i + 6, n)):
        if not f.adjacent(j) or 1 in occ[f.starts[j] : f.ends[j]]:
            return None
        w = f.word(j)
        if w in _LEGAL_FORMS:
            return j if j > i + 1 else None
        if w in rules.stopwords or w in rules.connectors:
            return None
    return None


def _company_name(f: _Field, i: int, occ: bytearray, rules: Rules, max_words: int = 2) -> list[int]:
    """Tokens of a foreign company name right after شركة (شركة أورفيتو الأمريكية → أورفيتو; شركة «اورفيتو»): one to
    ``max_words`` words that are no Arabic common word, name-like and without the article; [] otherwise."""
    toks: list[int] = []
    n = len(f.starts)
    j = i
    while j < n and len(toks) < max_words and (j == i or f.adjacent(j)):
        w = f.word(j)
        a, b = f.starts[j], f.ends[j]
        if (1 in occ[a:b] or w.startswith(("ال", "لل")) or len(w) < 4 or not _name_like(w, rules) or w in rules.given_names
                or w in rules.connectors or w in rules.person_tokens or w[0] in "وفبلك" and (w[1:] in rules.definite_stems
                or w[1:] in rules.frequent_words) or w.endswith(("ات", "ية", "يه", "ين", "ون"))):
            break
        toks.append(j)
        j += 1
    return toks


#: Heads of institutions that take a foreign name right after them (thirteenth session): جامعة ستانفورد، مستشفى
#: سبيتار، معهد بروكنجز (a university, hospital or institute named by a transliterated word).
_INSTITUTION_HEADS = frozenset(norm_word(w) for w in ["جامعة", "مستشفى", "معهد", "بنك", "مصرف", "مطعم"])
# (not أكاديمية: also an adjective; not نادي: clubs are read by analysis/actors/teams.py)
#: The same without quote marks (the bracketed-name rules read a quoted name whole): مجموعة بيمكو، منظمة مرام،
#: مؤسسة ماركت، حزب كومينتانغ. Both are read after the organisation-chain rule found no name.
_LATE_INSTITUTION_HEADS = frozenset(norm_word(w) for w in ["مجموعة", "منظمة", "مؤسسة", "حزب"])
#: Heads of media outlets before a foreign name (صحيفة لاكروا، مجلة وايرد، وكالة يونهاب): the name is an outlet.
_MEDIA_HEADS = frozenset(norm_word(w) for w in ["صحيفة", "جريدة", "مجلة", "وكالة", "قناة", "شبكة"])


def _foreign_institution_name(f: _Field, i: int, occ: bytearray, rules: Rules) -> list[int]:
    """Tokens of a foreign name right after an institution or outlet head (``_INSTITUTION_HEADS``,
    ``_LATE_INSTITUTION_HEADS``, ``_MEDIA_HEADS``): one to three words, each
    as :func:`_company_name` reads a company's name (no Arabic common word, name-like, no article, no plural or
    feminine relational ending), written plainly (no tanween: مستشفى حكومياً), not verb-like (مستشفى يستقبل), not a
    preposition + the article (بالحارث) nor a noun with the possessive ي (برنامجي); [] otherwise."""
    toks: list[int] = []
    for j in _company_name(f, i, occ, rules, max_words=3):
        w = f.word(j)
        if (not _plain_spelling(f, j) or _verb_like(w, rules) or w.startswith("لا") and w[2:] in rules.frequent_words
                or w[0] in "وفبلك" and w[1:3] == "ال" or w.endswith("ي") and w[:-1] in rules.definite_stems
                or w.endswith("ا") and w[:-1] in rules.frequent_words
                or toks and w[0] == "و" and (w[1] in "ات" or w[1:] in rules.frequent_words or w[1:] in rules.definite_stems)):
            break  # بالحارث "in Al-Harith", برنامجي "my programme", فرعا "a branch", و + a verbal noun (واندلاع; not ويسترن)
        toks.append(j)
    return toks


def _own_name(f: _Field, k: int, inner: list, rules: Rules) -> bool:
    """Token k, the first complement of an organisation chain, is the body's own foreign name when a country nisba of
    the chain follows it (معهد ايفو الالماني): it names the body alone later in the field (مسح ايفو). Not a word of
    the lists, the article, a first name or a plural (بلدية تمير، جامعة تكساس name places)."""
    w = f.word(k)
    return (len(w) >= 4 and not w.startswith(("ال", "لل")) and w[0] not in "وفبلك" and _name_like(w, rules)
            and w not in rules.given_names and not w.endswith(("ات", "يه", "ين", "ون", "ي"))
            and any(o.kind == "nisba" and f.tok_index(o.s) == k + 1 for o in inner))


def _short_name_after(f: _Field, last: int, occ: bytearray, rules: Rules) -> list[int] | None:
    """Tokens of a short name in parentheses right after token ``last`` (… الحكومية (يسر)، … (ساسكو)، … (FDA)): one or
    two words, no digits, no common word (not a gloss: مجلس الشعب (البرلمان)، (تغذية علاجية)), not already a mention;
    None otherwise."""
    n = len(f.starts)
    if last + 1 >= n or f.norm[f.ends[last] : f.starts[last + 1]].strip() != "(":
        return None
    for k in (last + 1, last + 2):
        w = f.x[f.starts[k] : f.ends[k]] if k < n else ""
        if not w.isalpha() or 1 in occ[f.starts[k] : f.ends[k]] or not (w.isascii() or _name_like(w, rules)):
            return None
        after = f.norm[f.ends[k] : f.starts[k + 1] if k + 1 < n else len(f.norm)].strip()
        if after.startswith(")"):
            return list(range(last + 1, k + 1))
        if after or k == last + 2:
            return None
    return None


_BRACKETED_RE = re.compile(r"\s*\(\s*([\"“”«»']?)([^\W\d_]+)\1\s*\)")
_QUOTED_SHORT_RE = re.compile(r"\s+([«\"“])([^\W\d_]+)[»\"”](?![^\W\d_])")  # nineteenth session: «سمة»، "بارع"

#: the marks that open and close a short name repeated in quotes or brackets («سمة»، (هدف))
_NAME_OPENING, _NAME_CLOSING = "(«\"“”", ")»\"”“"


def _bracketed_short_names(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """An organisation, group or outlet followed by one word in brackets is that word's long name (مؤسسة الملك
    عبدالعزيز ورجاله للموهبة والإبداع (موهبة)، منظمة الأغذية العالمية (فاو)، حلف شمال الأطلسي (ناتو)), also with
    the place it is in between (الجمعية الخيرية لرعاية الأيتام بالرياض (وارف)): the word is a mention of the
    same actor (an alias of a codebook actor, a discovered name with the discovered actor's id), and so is every later
    bare repetition in the field (برامج موهبة). Not a gloss: no definite word (المؤتمر الوطني العام (البرلمان)), no
    nisba or frequent word (يميني، ربع), no stopword, place or organisation head, no lower-case Latin word (jQuery
    (document)), no word bracketed after two actors (مستشفى العيون (إحلال)، مستشفى الصحة النفسية (إحلال): a note),
    nothing already a mention. Nineteenth session: after a long name (three words or more) also one quoted word that is
    no frequent word or verb («سمة»، "يويفا"), and a frequent word in brackets ((هدف)), whose repetitions count only
    quoted or bracketed."""
    if "(" not in f.norm and not f.has_quote:
        return out
    places = {o.s: o for o in out if o.typ in ("location", "country") and f.x[o.s : o.s + o.plen].startswith("ب")}
    found: list[tuple[_M, int, int, str, bool]] = []
    for o in out:
        if o.typ not in ("organization", "group", "media"):
            continue
        e = o.e
        if e + 1 in places and f.x[e] == " ":
            e = places[e + 1].e  # … لرعاية الأيتام + بالمنطقة الشرقية + (بناء)
        long_name = f.x.count(" ", o.s, o.e) >= 2  # three words or more
        mt = _BRACKETED_RE.match(f.norm, e)
        quoted = mt is None
        if quoted:
            mt = _QUOTED_SHORT_RE.match(f.norm, e)
            if mt is None or not long_name:
                continue  # a quoted word after a short name is mostly a quoted verb or adjective (فيفا «صحيت»)
        a, b = mt.span(2)
        w = f.x[a:b]
        if quoted and (w in rules.frequent_words or _verb_like(w, rules) or w.endswith(("وا", "ون"))
                       or w.startswith(("ست", "سي", "سن", "سا"))):
            continue  # منظمة التجارة العالمية "ستستفيد"، قوات الطوارئ الخاصة "استشهدوا": a quoted word of the sentence
        # nineteenth session: a frequent word too (هدف، سمة، طاقة، مدن) after a long name (three words or more), and in
        # quotes as well as brackets (الشركة السعودية للمعلومات الائتمانية "سمة"); its repetitions then count only
        # quoted or bracketed ("سمة" واصلت), not bare ("a feature")
        frequent = w in rules.frequent_words
        if not (1 in occ[a:b] or len(w) < 3 or w.startswith("ال") or w in rules.stopwords
                or frequent and (not long_name or _verb_like(w, rules))
                or w in rules.place_heads or w in rules.org_chain_heads or w.endswith(("ي", "يه", "يين", "يون"))
                or w.isascii() and not w.isupper()):
            found.append((o, a, b, w, frequent))
    added: list[_M] = []
    for o, a, b, w, frequent in found:
        if 1 in occ[a:b] or len({x.actor_id for x, _a, _b, v, _f in found if v == w}) > 1:
            continue
        kind = "discovered" if o.kind == "discovered" else "alias"
        for s, k, e in [(a, a, b), *f.free_occurrences(w, NAME_CLITICS_RE, occ, b)]:
            if frequent and s != a and not _quoted(f, s, e, _NAME_OPENING, _NAME_CLOSING):
                continue
            occ[s:e] = b"\x01" * (e - s)
            added.append(_M(s, e, k - s, o.actor_id, kind, o.typ, o.label_ar))
    return sorted(out + added, key=_by_start) if added else out


def _repeat_place(f: _Field, name: str, place: _M, start: int, occ: bytearray, rules: Rules) -> list[_M]:
    """The one-word name of a place found after a place head (مرتفعات حمرين، منطقة شقرة), alone later in the field
    (جهة حمرين، وشقرة): the same place (same actor id). Names under four letters and a definite frequent word (بحيرة
    السد → السد) are left out."""
    if len(name) < 4 or name.startswith("ال") and name[2:] in rules.frequent_words:
        return []  # بحيرة السد: "the dam" alone is the word
    reps = _repeat_name(f, name, start, occ, "location")
    for r in reps:
        r.actor_id, r.label_ar = place.actor_id, place.label_ar
    return reps


_LIST_SEP_RE = re.compile(r"\s*[،,\-–]\s*")  # nineteenth session: a dash too (lineups: حسين شيعان ـ خالد الغامدي)


#: the class of a list's items: an item between two of a class is of its type (places: a town between a city and a country)
_LIST_CLASS = {"person": "person", "location": "location", "country": "location", "organization": "organization"}


def _items_between_items(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """An item of a comma list between two actors of one kind is of that kind too (… أحمد عطيف، مشاري الثمالي، رافينها،
    سعيد الدوسري …، وسميحة أيوب، وصابرين، وكمال أبو ريه; … وعمران، وذمار، وحجة، والحديدة …; … وسافكو، وأسمنت حائل،
    والعقارية …; seventeenth session: ~120 persons, ~50 places, ~40 organisations in the corpus): one to three free
    words, parted from the mention before and the one after by a comma each (و allowed after it), or in a و-list (و
    on the item and on the mention after it: … عبد المجيد عبد الله ورابح صقر وراشد الماجد), none a stopword, a frequent
    or common word of the lists or a number (nor, in a و-list, a verb); persons between persons, places between places
    or countries (a location), organisations between organisations."""
    items = [o for o in out if o.typ in _LIST_CLASS and o.kind != "nisba"]
    if len(items) < 2:
        return out
    new: list[_M] = []
    n = len(f.starts)
    for o1, o2 in zip(items, items[1:]):
        typ = _LIST_CLASS[o1.typ]
        if _LIST_CLASS[o2.typ] != typ:
            continue
        i, j = f.tok_index(o1.e - 1) + 1, f.tok_index(o2.s)
        if not 1 <= j - i <= 3 or i >= n:
            continue
        first = f.word(i)
        plen = 1 if first[0] == "و" and len(first) > 3 and first not in rules.given_names else 0  # (وصابرين; not وليد)
        words = [first[plen:]] + [f.word(t) for t in range(i + 1, j)]
        if not all(f.adjacent(t) for t in range(i + 1, j)) or 1 in occ[f.starts[i] : f.ends[j - 1]]:
            continue
        commas = _LIST_SEP_RE.fullmatch(f.norm[o1.e : f.starts[i]]) and _LIST_SEP_RE.fullmatch(f.norm[f.ends[j - 1] : o2.s])
        if not (commas or plen and f.adjacent(i) and f.adjacent(j) and f.x[o2.s : o2.s + o2.plen].startswith("و")
                and not _verb_like(words[0], rules)):
            continue  # (a و-list: … عبدالرحمن الغامدي ومختار فلاته وسلمان الصبياني; not وتأثر بكارين)
        if any(w in rules.stopwords or w in rules.frequent_words or w in rules.common_words or _has_digit(w) or len(w) < 2
               or not commas and (w.startswith(("لل", "بال")) or bare_in(w, rules.role_words)
                                  or typ != "location" and w in rules.definite_nouns) for w in words):
            continue  # (in a و-list not وليا للعهد، والزميل حمود، والمهاجمين حسن الراهب)
        if not commas and typ == "location" and all(w[0] == "و" and len(w) > 3 for w in words[1:]):
            # a و-list of one-word places (والعيص وخيبير والعشاش والعلا): each word is one place, not one name of three
            for t, w in zip(range(i, j), words):
                a, b = f.starts[t], f.ends[t]
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, plen if t == i else 1, w if t == i else w[1:], typ))
            continue
        a, b = f.starts[i], f.ends[j - 1]
        occ[a:b] = b"\x01" * (b - a)
        new.append(_new(a, b, plen, " ".join(words), typ))
    return sorted(out + new, key=_by_start) if new else out


_LIST_END_RE = re.compile(r"\s*(?:[.،,؛;:)(]|$)")
#: plural heads after which one place starts a list of places (أحياء الخالدية والبلد، قرى X وY، محافظات X وY)
_PLURAL_PLACE_HEADS = frozenset(norm_word(w) for w in ["أحياء", "قرى", "محافظات", "مناطق", "مدن", "بلدات", "مديريات", "مراكز"])


def _trailing_places(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """Nineteenth session: the و-items that end a list of places are places too (القريات ودومة الجندل وطبرجل والناصفة
    والعيساوية وصوير وزلوم؛ … والسويرقية والحسو والعاقول.): after two places or countries joined by و or a comma,
    or after one place right after a plural place head (أحياء الخالدية والبلد والنميص والمنسك، والبديع), one-word items
    with و (a comma between them allowed), free, no number and not verb-like, up to the punctuation or the end that
    closes the list (not الرياض وجدة ويستمر …: the run must end the clause); an item that is a word of the lists is
    left out."""
    places = [o for o in out if o.typ in ("location", "country") and o.kind != "nisba"]
    if not places:
        return out
    new: list[_M] = []
    n = len(f.starts)
    x = f.x
    for o1, o2 in zip([None] + places, places):
        if x[o2.e : o2.e + 2] != " و":
            continue  # (cheap test first: no و-item right after the place; the first item follows it with a space only)
        i2 = f.tok_index(o2.s)
        if o1 is None or f.tok_index(o1.e - 1) != i2 - 1:
            if not (i2 > 0 and f.adjacent(i2) and bare_in(f.word(i2 - 1), _PLURAL_PLACE_HEADS)):
                continue  # one place: only after a plural place head (أحياء الخالدية والبلد والنميص)
        else:
            sep = f.norm[o1.e : o2.s]
            if not (_LIST_SEP_RE.fullmatch(sep) or not sep.strip() and f.x[o2.s : o2.s + o2.plen].startswith("و")):
                continue
        k = f.tok_index(o2.e - 1) + 1
        run = []
        while k < n and (f.adjacent(k) or run and _LIST_SEP_RE.fullmatch(f.norm[f.ends[k - 1] : f.starts[k]])) \
                and not occ[f.starts[k]]:
            w = f.word(k)
            v = w[1:]
            if w[0] != "و" or len(v) < 3 or v in rules.stopwords or _has_digit(v) or _verb_like(v, rules) or w in rules.given_names:
                break
            run.append(k)
            k += 1
        if not run or not _LIST_END_RE.match(f.norm, f.ends[run[-1]]):
            continue
        for t in run:
            v = f.word(t)[1:]
            if (v in rules.frequent_words or v in rules.common_words or v.endswith(_ENCLITICS)
                    or v.startswith("ال") and (v[2:] in rules.frequent_words or v.endswith(("ين", "ون")))):
                continue  # والحديثة "the modern", والعالم، والمعتمرين، وغيرهما: a word of the lists, a plural, a pronoun
            a, b = f.starts[t], f.ends[t]
            occ[a:b] = b"\x01" * (b - a)
            new.append(_new(a, b, 1, f.word(t)[1:], "location"))
    return sorted(out + new, key=_by_start) if new else out


def _repeat_discovered_names(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """Tenth session: every other bare occurrence in the field (with a proclitic, quoted or not, before or after it) of
    a discovered organisation, outlet, group or place whose name is made of one or two words that are no words of the
    lists (شركة «أليطاليا» … موظفي «أليطاليا» … حين كانت أليطاليا): the same actor. Persons link by their own rules
    (short forms, :func:`_repeat_person_names`); a name made of ordinary words (شركة الموضة الناشئة) is not repeated."""

    def repeatable(o: _M, name: str) -> bool:
        words = name.split(" ")
        a0, _e0 = f.span_in_original(o.s + o.plen, o.e)
        hamza = f.text[a0 : a0 + 1] in ("أ", "آ")  # أليطاليا: its ال is no article (normalised, it reads اليطاليا)
        return len(words) <= 2 and all(_distinctive(w, rules, hamza=hamza and k == 0) for k, w in enumerate(words))

    return _repeat_names(f, out, occ, lambda o, name: o.typ != "person" and not (
        o.plen and f.x[o.s : o.s + o.plen].endswith("ال")), repeatable)


def _repeat_person_names(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """Twentieth session: every other occurrence in the field, before or after it, with a proclitic or not, of a
    discovered person's full name (ودخل المباراة … وربيع سفياني … وتمكن المهاجم ربيع سفياني) and of a one-word
    discovered name that no list knows (:func:`_distinctive`) and that has no shape of a verb (والاوروغوياني فابيان …
    أضاف فابيان). A full name starts with a given name or a distinctive word and has at most four words; a short form
    linked to a full name (its label differs from its surface) is not repeated here (``_link_short_forms`` does)."""

    def repeatable(_o: _M, name: str) -> bool:
        words = name.split(" ")
        if len(words) == 1:
            return _distinctive(words[0], rules) and not _verb_shaped(words[0])
        return len(words) <= 4 and (words[0] in rules.given_names or _distinctive(words[0], rules))

    return _repeat_names(f, out, occ, lambda o, name: o.typ == "person" and name == o.label_ar, repeatable)


def _repeat_names(f: _Field, out: list[_M], occ: bytearray, eligible, repeatable) -> list[_M]:
    """The repetitions (``_repeat_name``) of the discovered names of ``out``, each name once: the first mention of a
    name for which ``eligible(mention, name)`` holds decides, by ``repeatable(mention, name)``, whether it repeats; the
    repetitions take that mention's id and label."""
    new: list[_M] = []
    done: set[str] = set()
    for o in out:
        if o.kind != "discovered":
            continue
        name = f.x[o.s + o.plen : o.e]
        if name in done or not eligible(o, name):
            continue
        done.add(name)
        if not repeatable(o, name):
            continue
        for r in _repeat_name(f, name, 0, occ, o.typ):
            r.actor_id, r.label_ar = o.actor_id, o.label_ar
            new.append(r)
    return sorted(out + new, key=_by_start) if new else out


@lru_cache(maxsize=WORD_CACHE)
def _verb_shaped(w: str) -> bool:
    """A word of the shape of a verb or of a noun with a suffix (يلاحظ، تتكون، حددته، اخلوا، لاسطبلات)."""
    return w[0] == "ي" or w[0] == "ت" and w[1] not in "شيو" or w.endswith(("ته", "وا", "ات"))


@lru_cache(maxsize=WORD_CACHE)
def _distinctive(w: str, rules: Rules, *, hamza: bool = False) -> bool:
    """A name word no list knows as a word of the language (أليطاليا، بوليفور), of four letters or more; with the
    article, its rest is no word either. ``hamza``: the word is written with أل/آل (أليطاليا), so its ال is no article."""
    if not hamza and w.startswith("ال") and (w[2:] in rules.definite_stems or w[2:] in rules.frequent_words
                                            or _plain_word(w, rules)):
        return False  # (the article + a word; أليطاليا، الحمراء as a rare name are kept)
    return (len(w) >= 4 and w.isalpha() and w not in rules.stopwords
            and w not in rules.frequent_words and w not in rules.common_words and w not in rules.definite_stems
            and w not in rules.definite_nouns and w not in rules.titles and w not in rules.given_names
            and w not in rules.title_complements and w not in rules.place_heads and w not in rules.org_heads)


def _repeat_name(f: _Field, name: str, start: int, occ: bytearray, typ: str) -> list[_M]:
    """Later bare repetitions of a discovered one- or two-word name in the same field (with و/ف/ب/ل/ك, no article)."""
    out = []
    for a, k, e in f.free_occurrences(name, NAME_CLITICS_RE, occ, start):
        occ[a:e] = b"\x01" * (e - a)
        out.append(_new(a, e, k - a, name, typ))
    return out


def _org_chain(f: _Field, i: int, definite: bool, head: tuple, by_tok: dict, occ: bytearray, rules: Rules):
    """Last token and swallowed inner mentions of an organisation name starting with the head at token i, or None.

    A chain continues through definite words (الأغذية), ل-genitives (لمباحث، للتجارة), و + a word continued by a
    definite one (وتصنيع الحبوب، والتحري), a country nisba (السورية) and a bare construct noun (منطقة جازان); it
    stops at punctuation, function words and verbs, persons and other organisations. After an adjective (a nisba,
    العامة، العالمية) only adjectives and ل-genitives follow (لجنة الإغاثة الدولية | المقيمة), after a وال-conjunct only
    adjectives (الاقتصاد والتجارة | القبض); a second و-conjunct is a list and the name ends before the first (هيئة صحة
    البيئة | والمراقبين والأقسام; للثقافة والفنون والآداب after a ل-complement is the name's), and so is و + an organisation
    head (لجنة المقابلة | ولجنة الرصد). A head marked ``named`` 1 (إدارة) needs a nisba, a place, a ل-complement or a
    first complement of ``department_words.txt`` in its chain: إدارة العلاقات العامة is a department of a body named
    elsewhere, إدارة مكافحة الإرهاب a service; ``named`` 3 (جهاز, also "device") needs the department word."""
    _typ, min_compl, definite_level, needs_name = head
    n = len(f.starts)
    j = i + 1
    last = i
    compl = 0
    after_adj = after_conj = False
    nisba_seen = lgen = False
    first_conj = 0  # token of the first و-conjunct: a second one makes a list (صحة البيئة والمراقبين والأقسام الأخرى)
    inner: list[_M] = []
    while j < n and j - i <= 8 and f.adjacent(j):
        w = f.word(j)
        o = by_tok.get(j)
        if o is not None:
            if o.kind == "nisba" and o.plen == 2 and o.s == f.starts[j] and f.x[o.s : o.s + 2] == "ال":
                inner.append(o)
                nisba_seen = after_adj = True
                last = j = f.tok_index(o.e - 1)
                compl += 1
                j += 1
                continue
            if (o.typ in ("location", "country") and o.kind in ("name", "alias") and o.s == f.starts[j] and o.plen in (0, 2)
                    and not after_adj and compl <= 1):
                inner.append(o)  # أمانة منطقة جازان، بلدية دوما: the place names the organisation
                last = f.tok_index(o.e - 1)
                compl += 1
                break
            if (o.typ == "location" and o.kind in ("name", "alias") and o.s == f.starts[j] and definite and after_adj
                    and f.x[o.s : o.s + o.plen] in ("ل", "لل")):
                inner.append(o)  # المؤسسة العامة لجسر الملك فهد: the body of a place, named after it
                last = f.tok_index(o.e - 1)
                compl += 1
                lgen = True
                break
            break
        construct = ((lgen or compl == 0 and not definite) and not after_adj and j + 1 < n and f.adjacent(j + 1) and f.word(j + 1).startswith("ال")
                     and not w.startswith(("ال", "و", "ب", "ك")) and w not in rules.stopwords and w not in rules.titles
                     and not _indefinite_adjective(w))
        if (1 in occ[f.starts[j] : f.ends[j]] or w in _SPEECH_NEXT or (not construct and _chain_stop(w, rules))
                or compl and w in _TIME_WORDS):  # حزب العمال | الأربعاء (not مستشفى الخميس: Khamis Mushait)
            break
        if len(w) > 4 and w.endswith(_ENCLITICS):
            break
        if w.startswith("ال") and len(w) > 3:
            adj = w.endswith(("يه", "ي")) or w in _ADJ_WORDS
            if (not adj and j - 1 > i and f.word(j - 1).startswith("لل") and w in rules.definite_nouns
                    and w not in _PARTICIPLE_ADJECTIVES):
                break  # اللجنة الإشرافية للبرنامج | المشكلة: a definite ل-complement takes no definite noun after it
            if (after_adj or after_conj) and not adj:
                break  # والتحري | القبض: a definite noun after a conjunct starts the clause
            after_adj = after_adj or adj
            after_conj = False
        elif (compl > 0 or definite) and (w.startswith("لل") and len(w) > 4 or (w[0] == "ل" and len(w) > 3 and w[1:] not in rules.stopwords)):
            after_adj = after_conj = False
            lgen = True
        elif not after_adj and (w.startswith("وال") and len(w) > 5 or w[0] == "و" and len(w) > 3 and j + 1 < n
                                and f.adjacent(j + 1) and f.word(j + 1).startswith("ال")):
            if w[1:] in rules.org_chain_heads:
                break  # لجنة المقابلة | ولجنة الرصد: two organisations
            if first_conj and not lgen:
                last = first_conj - 1  # a coordinated list, not one name: keep what precedes its first item
                compl = first_conj - 1 - i  # (after a ل-complement a list is the name's: للثقافة والفنون والآداب)
                break
            first_conj = j  # والتحري، وتصنيع الحبوب
            after_conj = w.startswith("وال")
        elif (compl == 0 and not definite or lgen) and not after_adj and not w.startswith(("ب", "ك", "و", "ل")) and j + 1 < n and f.adjacent(j + 1) and (
                f.word(j + 1).startswith("ال") or by_tok.get(j + 1) is not None and by_tok[j + 1].typ in ("location", "country")):
            if lgen and w in rules.given_names and w not in rules.common_words:
                break  # المؤسسة الليبية للنفط | محمد الحراري: the person after the body's name (its spokesman), not a part of it
            pass  # أمانة منطقة جازان، منظمة حقوق الإنسان
        else:
            break
        last = j
        compl += 1
        j += 1
    # a chain never ends on و + word or a bare construct noun
    while last > i and (f.word(last)[0] == "و" and not f.word(last).startswith("وال") or
                        not f.word(last).startswith(("ال", "لل", "وال")) and by_tok.get(last) is None):
        last -= 1
        compl -= 1
    named_kind = (definite and definite_level == 2 and i + 1 < n  # الكلية الحربية، المعهد الفني (not الكلية الإلكتروني)
                  and _relational_adjective(f.word(i + 1), feminine=strip_clitics(f.word(i)).endswith("ه")))
    if compl < min_compl and not named_kind or last == i:
        return None
    if needs_name == 3 and f.word(i + 1) not in rules.department_words:
        return None  # جهاز الكمبيوتر الصيني، جهاز الاستماع للموسيقى: a device (جهاز الأمن الرئاسي: a service)
    if needs_name == 1 and not any(f.tok_index(o.e - 1) <= last for o in inner) and not any(
            f.word(t)[0] == "ل" for t in range(i + 1, last + 1)) and f.word(i + 1) not in rules.department_words:
        return None  # إدارة العلاقات العامة، إدارة الملفات: a generic department (no nisba, place or ل-complement);
        # إدارة مكافحة الإرهاب، إدارة التحريات والمباحث الجنائية: a police or security service (department_words.txt)
    first = f.word(i + 1)
    if definite and not (nisba_seen or (lgen and compl >= 2 and (first in _ADJ_WORDS or first.endswith("يه")))
                         or named_kind or compl == 2 and f.word(last) in _REGIONAL and _relational_adjective(
                             first, feminine=strip_clitics(f.word(i)).endswith("ه"))):
        return None  # الإدارة، المنظمة الدولية، الشركة الجديدة للعمل: anaphors; الإدارة العامة للمرور، الشركة السعودية،
        # اللجنة الكشفية العالمية (a relational adjective + a regional one): names
    if compl == 1 and (f.word(last) in rules.generic_complements or _strip_prep(f.word(last)) in rules.generic_complements):
        return None  # أمانة المنطقة، إدارة الشركة: the institution of a place or body named elsewhere
    inner = [o for o in inner if f.tok_index(o.e - 1) <= last]
    return last, inner


def _relational_adjective(w: str, *, feminine: bool) -> bool:
    """A definite nisba adjective that agrees with its head (الحربية after a feminine head, الفني after a masculine
    one): after a college or an institute head with the article (definite level 2 in org_chain_heads.tsv) it makes a
    name (الكلية الحربية), unlike الكلية الجديدة, or الكلية الإلكتروني (موقع الكلية الإلكتروني: the site's adjective)."""
    return (w.startswith("ال") and (w.endswith("يه") and len(w) >= 6 if feminine else w.endswith("ي") and len(w) >= 5)
            and w not in _REGIONAL and w not in _NOT_RELATIONAL)


# adjectives in -ي/-ية that tell which one, not what kind (الكلية الأولى، المعهد الحالي)
_NOT_RELATIONAL = frozenset(norm_word(w) for w in [
    "الأولى", "الثاني", "الثانية", "الحالي", "الحالية", "الماضي", "الماضية", "التالي", "التالية", "الباقي", "الباقية",
    "المعني", "المعنية", "الذي", "التي", "الأصلي", "الأصلية", "الرئيسي", "الرئيسية", "الفرعي", "الفرعية"])


# adjectives that end names although their bare form is a frequent word (definite_nouns_saudinewsnet.txt)
_PARTICIPLE_ADJECTIVES = frozenset(norm_word(w) for w in [
    "الخاصة", "المحدودة", "القابضة", "المشتركة", "المتحدة", "المستقلة", "الموحدة", "المختصة", "المسلحة"])

# days and time words that follow a name in news (… حزب العمال الأربعاء، … للوسطاء العقاريين الأسبوع الماضي): no complement
_TIME_WORDS = frozenset(norm_word(w) for w in [
    "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "اليوم", "أمس", "الأسبوع",
    "الشهر", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي", "الحالية", "غدا", "مساء"])
_ALLAH = norm_word("الله")
#: First halves of compound names in الله written apart (عوض الله، فضل الله، نصر الله، عبد الله …)
_ALLAH_COMPOUNDS = frozenset(norm_word(w) for w in ["عوض", "عطا", "فضل", "نصر", "جاد", "خير", "ضيف", "رزق", "حسب", "عبد"])
_DAYPART_NEXT = _TIME_WORDS | {norm_word("العيد")}  # صباح العيد: the morning of the feast (not in an org chain's stops)


def _indefinite_adjective(w: str) -> bool:
    """An indefinite feminine nisba adjective (إرهابية، دولية): no construct noun, so منظمة إرهابية | الأمر is no name.
    Masdars on -ية stay nouns: -اية (حماية، رعاية) and تـ…ية (تنمية، توعية)."""
    return len(w) >= 5 and w.endswith("يه") and not w.endswith("ايه") and not w.startswith("ت")


def _chain_stop(w: str, rules: Rules) -> bool:
    """A word that ends an organisation name: function words, titles (also with و: حزب العمال | ووزير الخارجية), verbs
    (frequent words without the article)."""
    if (w in rules.stopwords or w in rules.titles or w in rules.reporting_verbs or w.isdigit()
            or w[0] == "و" and w[1:] in rules.titles):
        return True
    return not w.startswith(("ال", "لل", "وال")) and (w in rules.frequent_words and w[0] not in "لو" or w in rules.common_words
                                                     and w[0] not in "لو")


def _coordinated_names(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A list of persons: after a person mention, "، وجايمس فولي، وآلان هايننغ" — و + two name-like words ending at
    punctuation — are persons too; so is an item after a comma alone whose second word is a family name with the
    article (… محمد الشهري، بليغ الرمضان، محمد الخضيري: a list of referees or players), and, with no comma, و + a
    first name + a family name with the article (عبدالرحمن الشمري ومصعب العتيبي; ninth session). An item between commas
    may end on "من" + a place (شكري الحنفوش من (الأحساء): tenth session, ``_home_place``)."""
    new: list[_M] = []
    n = len(f.starts)
    places = {o.s: o for o in out if o.typ in ("location", "country") and o.kind != "nisba"}
    for o in list(out):
        if o.typ != "person":
            continue
        j = f.tok_index(o.e - 1) + 1
        foreign = None  # a foreign name of two words without the article: read only when a و-item asks (most have none)
        if (home := _home_place(f, j, places)) is not None:
            j = f.tok_index(home.e - 1) + 1  # محمد البريدي من (الشرقية)، بليغ الرمضان … (the bracket may close the gap)
        while j + 1 < n:
            w0 = f.word(j)
            conj = w0[0] == "و" and len(w0) > 3 and w0 not in rules.given_names
            no_comma = f.adjacent(j)
            if no_comma and not conj:
                break  # (the test below, in short: most names are followed by a word without و)
            w1 = f.word(j + 1)
            if no_comma:  # only و + a first name + a family name with the article (… الشمري ومصعب العتيبي), or
                # after a foreign name, و + two name-like words without it (توم كروز وسايمون بيج وجيريمي رينر)
                if foreign is None:
                    words = f.x[o.s + o.plen : o.e].split()
                    foreign = len(words) == 2 and not any(w.startswith("ال") for w in words)
                if not (conj and (w0[1:] in rules.given_names or _name_like(w0[1:], rules) and _plain_spelling(f, j))
                        and f.adjacent(j + 1) and not w1.startswith(("بال", "كال", "لل"))  # (not ويصفه بالفاشل)
                        and (_family_name(w1, rules) or _rare_definite(w1, rules)
                             or foreign and _foreign_item(w0, w1, rules)
                             and not (j + 2 < n and f.adjacent(j + 2) and f.word(j + 2)[:1] != "و"))):
                    break
            elif (("،" not in (gap := f.norm[f.ends[j - 1] : f.starts[j]]) and "," not in gap
                   or gap.strip(" ،,)" if home is not None else " ،,")) or not f.adjacent(j + 1)):
                break
            home = _home_place(f, j + 2, places) if not no_comma else None  # (… شكري الحنفوش من (الأحساء)، …)
            if j + 2 < n and f.adjacent(j + 2) and not (no_comma and f.word(j + 2)[:1] == "و") and home is None:
                break  # the item goes on: not a plain first + last name (but a و-list goes on: … ومصعب العتيبي ومحمد …)
            if conj and not no_comma:  # (a و-item with no comma takes the test of an item between commas below too)
                if (not (_name_like(w0[1:], rules) or w0[1:] in rules.given_names)
                        or not _name_like(w1, rules) or w1.startswith("ال") and not _family_name(w1, rules)):
                    break
            elif no_comma and foreign and not w1.startswith("ال"):
                pass  # (a foreign name after a foreign name: tested above)
            elif not (w1.startswith("ال") and (_family_name(w1, rules) or _name_like(w1, rules)
                                               or not conj and _rare_definite(w1, rules))  # سعد الحنفوش; not ويأكلون الرطب
                      and len(w0) >= 3 and w0.isalpha() and not w0.startswith("ال") and not _plain_word(w0, rules)
                      and not w0.endswith(_ENCLITICS) and not (w0[0] in "لبك" and _plain_word(w0[1:], rules))):  # لابنه
                break  # between commas: any first word that is no function word, title or verb, then a family name
            a, b = f.starts[j], f.ends[j + 1]
            if 1 in occ[a:b]:
                if any(x.s == a and x.e == b and x.typ == "person" for x in out):
                    j += 2  # an item found already (a known first name): the list goes on after it
                    continue
                break
            occ[a:b] = b"\x01" * (b - a)
            pl = 1 if conj else 0
            new.append(_new(a, b, pl, f.x[a + pl : b], "person"))
            j = f.tok_index(home.e - 1) + 1 if home is not None else j + 2
    if not new:
        return out
    return sorted(out + new, key=_by_start)


def _foreign_item(w0: str, w1: str, rules: Rules) -> bool:
    """و + w0 + w1 may be a foreign first and last name in a list after a foreign name (وسايمون بيج): name-like
    words, no article, no second و (وكواك وديقاو), no preposition before a repeated name (وموسى كموسى), not a noun
    with its و or tanween (وزيرا للخارجية، واضحا وواقعيا)."""
    return (_name_like(w1, rules) and w1[0] not in "و" and not w1.startswith(("ال", "لل"))
            and not (w1[0] in "كبل" and w1[1:] in rules.given_names)
            and (w0[1:] in rules.given_names or w0 not in rules.definite_stems
                 and w0.removesuffix("ا") not in rules.definite_stems and w0[1:].removesuffix("ا") not in rules.definite_stems))


_MIN = norm_word("من")


def _home_place(f: _Field, k: int, places: dict) -> _M | None:
    """The place mention of "من (الأحساء)" starting at token k (من, then the place, in brackets or not) that follows a
    person's name in a list of players or referees, or None."""
    if k + 1 >= len(f.starts) or f.word(k) != _MIN or not f.adjacent(k):
        return None
    o = places.get(f.starts[k + 1])
    return o if o is not None and not f.norm[f.ends[k] : f.starts[k + 1]].strip(" (") else None


def _coordinated_places(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A list of places: right after a place mention (type location: a town, a village, a district), و + one word that
    looks like a name (قرى الفقعلي والقراصة وترعة، ومنها صبراتة وورشفانة) is a place too. Each item is one word joined
    by و (a comma may precede it) that is no first name, place head, common noun (also with a possessive ه or as an
    accusative: وتطويره، وتحديدا) or verb (واتصل، ويحرجون); the list counts only when punctuation or the field's end
    follows its last item."""
    new: list[_M] = []
    n = len(f.starts)
    places = {o.s: o for o in out if o.typ in ("location", "country") and o.kind != "nisba" and o.plen == 1}
    for o in out:
        if o.typ != "location":
            continue
        j = f.tok_index(o.e - 1) + 1
        items: list[int] = []
        while j < n and not f.norm[f.ends[j - 1] : f.starts[j]].strip(" ،,"):
            w = f.word(j)
            stem = w[1:]
            p = places.get(f.starts[j])
            if p is not None and w[0] == "و":
                j = f.tok_index(p.e - 1) + 1  # a known place in the list (والعيص وخيبير والعشاش والعلا): the list goes on
                continue
            if (w[0] != "و" or len(stem) < 3 or 1 in occ[f.starts[j] : f.ends[j]] or stem in rules.given_names
                    or not stem.isalpha() or not _name_like(stem, rules) or stem in rules.place_heads
                    or stem.endswith(_ENCLITICS) or _verb_like(stem, rules) or not _plain_spelling(f, j)
                    or any(v in rules.definite_stems or v in rules.frequent_words for v in (w, w[:-1], stem[:-1]) if v)):
                break
            items.append(j)
            j += 1
        if items and (j == n or not f.adjacent(j)):
            for t in items:
                a, b = f.starts[t], f.ends[t]
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, 1, f.x[a + 1 : b], "location"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


_ARABIC_WORD_RE = re.compile("[\u0621-\u064a]+")  # Arabic letters only (no Persian گ: غرب زدگی)
_BRIGADE = norm_word("اللواء")
#: words after a stock's name in a market report: سهم إعمار بواقع 2%، سهم أرابتك عند 1.2 درهم، سهم X مرتفعا 3%
_AMOUNT_WORDS = frozenset(norm_word(w) for w in ["بواقع", "بنسبة", "بقيمة", "بسعر", "بمقدار", "بزيادة", "بتراجع", "بانخفاض",
                                                 "بارتفاع", "عند", "إلى", "مرتفعا", "منخفضا", "متراجعا", "ليغلق", "ليصل",
                                                 "المركز", "يوم", "ليوم"])  # (سهم الريان المركز الأول)
#: the tokens _numbered_units starts from (found by one scan instead of a look at every token)
_UNIT_HEAD_RE = re.compile(r"(?:^|(?<= ))((?:و|ف)?(?:اللواء|للواء|باللواء)|(?:و|ل|ب|ف)?سهم)(?= )")
#: the words inside those tokens (وسهم، باللواء): the pattern is tried only at the start of the tokens that hold one
_UNIT_CUES = ("لواء", "سهم")


def _numbered_units(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """Two names made with a number: اللواء (also "major general") + a number or an ordinal is a brigade, an
    organisation (اللواء 35، اللواء الـ(15)، اللواء الخامس عشر), not a title before a name; and سهم + one to four words
    right before a number or a word of ``_AMOUNT_WORDS`` is a listed company (وصعد سهم داماك العقارية 2.2 في المائة،
    وسهم بنك الاتحاد الوطني 0.7، سهم إعمار بواقع 2%): no function word inside, not one frequent word alone."""
    if not f.word_gates & _GATE_UNITS:  # (one of _UNIT_CUES occurs: see _WORD_GATE_SHIFT)
        return out
    new: list[_M] = []
    n = len(f.starts)
    # the matches of _UNIT_HEAD_RE.finditer(f.x), found faster: a match is a whole token that holds a cue (الأسهم and
    # السهم hold one too), and the pattern is tried only at the start of those tokens (matches_at)
    for mt in matches_at(_UNIT_HEAD_RE, f.x, f.token_starts_of(_UNIT_CUES)):
        t = f.tok_index(mt.start(1))
        if t + 1 >= n:
            continue
        w = f.word(t)
        if _conj_stripped(w) == _BRIGADE or w in ("للواء", "باللواء"):
            k = t + 1
            if k < n and f.word(k) == "ال" and k + 1 < n:
                k += 1  # الـ(15)
            if not f.adjacent(k, quotes=True) and f.norm[f.ends[k - 1] : f.starts[k]].strip() not in ("(", "«"):
                continue
            if f.word(k).isdigit():
                last = k
            elif f.word(k) in _ORDINALS and f.adjacent(k):
                last = k + 1 if k + 1 < n and f.adjacent(k + 1) and f.word(k + 1) == "عشر" else k
            else:
                continue
            e = f.ends[last]
            if e < len(f.norm) and f.norm[e] in ")»" and f.norm[f.ends[t] : f.starts[k]].strip(" ال") in ("(", "«"):
                e += 1  # the bracket closes inside the name: اللواء الـ(15)، اللواء «15»
            a = f.starts[t]
            if 1 in occ[a:e]:
                continue
            plen = len(w) - len(_BRIGADE)
            occ[a:e] = b"\x01" * (e - a)
            new.append(_new(a, e, plen, " ".join([_BRIGADE] + [f.word(j) for j in range(k, last + 1)]), "organization"))
        elif w.endswith("سهم"):  # سهم، وسهم، لسهم …: the pattern's other alternative
            k = t + 1
            while (k < n and k - t <= 4 and f.adjacent(k) and not _has_digit(f.word(k)) and f.word(k) not in _AMOUNT_WORDS
                   and f.word(k) not in rules.stopwords):
                k += 1
            if (k == t + 1 or k - t > 4 or k >= n or not f.adjacent(k)
                    or not (_has_digit(f.word(k)) or f.word(k) in _AMOUNT_WORDS)):
                continue
            a, e = f.starts[t + 1], f.ends[k - 1]
            one = f.word(t + 1)
            if 1 in occ[a:e] or k == t + 2 and (not _name_like(one, rules) or one in rules.generic_complements):
                continue  # سهم الشركة 5 ريالات، سهم العامة: a word (the company named elsewhere)
            occ[a:e] = b"\x01" * (e - a)
            new.append(_new(a, e, 0, f.x[a:e], "organization"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


#: A tribe or clan named after its head word (seventeenth session): قبيلة يافع، قبائل أكلب، شيخ شمل قبائل بني مالك،
#: عشيرة البونمر; the mention is the name alone, as the annotation conventions write tribes (groups).
_TRIBE_HEAD_RE = re.compile(r"(?:^|(?<= ))(?:و|ف|ب|ل|لل|ول|وب)?(?:قبيله|قبائل|عشيره|عشائر)(?= )")
#: what a field holds when _TRIBE_HEAD_RE can match in it (_tribes' word gate)
_TRIBE_HEADS = ("قبيل", "قبائل", "عشير", "عشائر")
#: the words that make a tribe's name of two words with the word after them: آل رميان، بني عامر، بنو هلال، البو نمر
_TRIBE_LINKS = frozenset(norm_word(w) for w in ["آل", "بني", "بنو", "أبو", "البو"])


def _tribe_word_refused(w: str, rules: Rules) -> bool:
    """No tribe's name: a word of the lists, a word with a pronoun (أبناءها، بأكملها) or a verb (يتوسطون، ليتعارفوا)."""
    return (len(w) < 3 or _has_digit(w) or w in rules.stopwords or w in rules.frequent_words or w in rules.common_words
            or w in rules.definite_nouns or len(w) > 4 and w.endswith(_ENCLITICS)
            or w.endswith(("وا", "ون")) and w.startswith(("ي", "ت", "لي", "لت")))


def _tribes(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A tribe (group) right after قبيلة/قبائل/عشيرة/عشائر with any proclitic: one word, or آل/بني/بنو/أبو + one word,
    where that word is no word of the lists (no stopword, no frequent or common word, no definite noun: not قبيلة أخرى،
    قبائل الشمال، عشائر المنطقة) or is a name of ``tribes.txt`` that is also a word (حرب، شمر، مطير); quotes allowed
    around it (قبيلة «يافع»). Not when the head is itself part of a name already found (مركز عشيرة: a place)."""
    if not f.word_gates & _GATE_TRIBES:  # (one of _TRIBE_HEADS occurs: see _WORD_GATE_SHIFT)
        return out
    new: list[_M] = []
    n = len(f.starts)
    # (a match starts a token that holds one of _TRIBE_HEADS: the pattern is tried at those token starts only, as
    # finditer would reach them; its look-behind start made the regex engine try it at every character)
    for mt in matches_at(_TRIBE_HEAD_RE, f.x, f.token_starts_of(_TRIBE_HEADS)):
        t = f.tok_index(mt.start())
        k = t + 1
        if k >= n or 1 in occ[f.starts[t] : f.ends[t]] or not f.adjacent(k, quotes=True):
            continue
        w = f.word(k)
        last = k
        if w in _TRIBE_LINKS and k + 1 < n and f.adjacent(k + 1):
            last, w = k + 1, f.word(k + 1)
        if w not in rules.tribes and (_tribe_word_refused(w, rules) or w[0] == "و" and _tribe_word_refused(w[1:], rules)
                                      or last == k and mt.group().endswith(("قبائل", "عشائر")) and not w.startswith("ال")
                                      and w.endswith(("ه", "ين", "ون", "ات"))):
            continue  # (after a plural head a bare word is mostly its adjective: قبائل كبيرة، عشائر متنافسة)
        a, e = f.starts[k], f.ends[last]
        if 1 in occ[a:e]:
            continue
        occ[a:e] = b"\x01" * (e - a)
        new.append(_new(a, e, 0, f.x[a:e], "group"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


_DIRECTIONS = frozenset(norm_word(w) for w in ["شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط"])
#: the prepositions of a place: في ديكوا شمال شرقي نيجيريا
_LOCATIVE = frozenset(norm_word(w) for w in ["في", "على", "إلى", "من", "قرب", "نحو", "داخل", "حول"])
#: compass words before a place (not وسط "amid", not قرب: also "the nearness of" + a verbal noun, قرب نفاد التذاكر)
_COMPASS = _DIRECTIONS - {norm_word("وسط")}
#: (no look-behind: a plain alternation, longest first, is scanned ~5x faster; the caller checks the token bounds)
_COMPASS_RE = re.compile("|".join(sorted(_COMPASS, key=lambda w: (-len(w), w))))
#: the compass words that start with no other one (شمال for شمالي): every match of _COMPASS_RE starts with one of them
_COMPASS_STEMS = tuple(sorted(w for w in _COMPASS if not any(v != w and w.startswith(v) for v in _COMPASS)))


def _located_places(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """A place located by a compass word: after في/على/إلى/قرب … (or with بـ), one word that is no word of the lists
    followed by شمال/جنوب/شرق/غرب/وسط (also بـ, شمالي …, and a second one: شمال شرقي) and a place or country mention
    (في ديكوا شمال شرقي نيجيريا، في "ليسيكيل" بغرب السويد، على كوندوغا جنوب مايدوغوري), or by بـ + a place head and a
    place (في كاشينج بولاية أوكلاهوما). The word is a place."""
    new: list[_M] = []
    nr = load_name_rules()
    for o in out:
        if o.typ not in ("location", "country") or o.kind in ("nisba", "title"):
            continue
        k = f.tok_index(o.s)
        d = k - 1
        if d < 1:
            continue
        pw = f.word(d)  # (the cheap test first: the word before is a compass word, or بـ + one or a place head)
        if pw not in _DIRECTIONS and not (pw[:1] == "ب" and (pw[1:] in _DIRECTIONS or pw[1:] in rules.place_heads)):
            continue
        in_head = f.adjacent(k) and pw[:1] == "ب" and rules.place_heads.get(pw[1:]) == "name" and o.plen == 0
        if in_head:
            d -= 1  # في كاشينج بولاية أوكلاهوما: a place "in the state of" a place
        else:
            while d >= 0 and k - d <= 2 and f.adjacent(d + 1) and (
                    f.word(d) in _DIRECTIONS or f.word(d)[:1] == "ب" and f.word(d)[1:] in _DIRECTIONS):
                d -= 1
        if d == k - 1 or d < 1 or not f.adjacent(d + 1, quotes=True) or 1 in occ[f.starts[d] : f.ends[d]]:
            continue
        w = f.word(d)
        pre = f.word(d - 1)
        if w[0] == "ب" and len(w) > 4 and not w.startswith("ال"):
            w = w[1:]
            plen = 1
        elif pre in _LOCATIVE and f.adjacent(d, quotes=True):
            plen = 0
        else:
            continue
        if in_head and not (_foreign_word(w, rules, nr) and not (w.endswith(("ين", "ان")) and w[:-2] in rules.definite_stems)):
            continue  # (not a word: قتل الجاني بمدينة جدة، في فندقين بمدينة مشهد)
        if (w in rules.given_names or w in rules.place_heads or not w.isalpha() or not _plain_spelling(f, d)
                or _verb_like(w, rules) or w.endswith("ي") and (w[:-1] + "ين" in rules.definite_stems or w.endswith("تي")
                                                                and w[:-2] + "ه" in rules.definite_stems)  # مواطني، جامعتي
                or not (_name_like(w, rules) or _rare_definite_name(w, rules))):
            continue
        a, b = f.starts[d], f.ends[d]
        occ[a:b] = b"\x01" * (b - a)
        new.append(_new(a, b, plen, f.x[a + plen : b], "location"))
    # جنوب مالاري، شمال غرب سكرامنتو: a transliterated word (no word of the lists) right after a compass word
    # (only the matches at a token's start count: the pattern is tried only at the token starts where str.find sees a
    # compass word, as finditer would reach them, since no match crosses a space; scanning the whole field with the
    # alternation tested its first letters at every character, ~70 instructions each; a field that holds none of
    # _COMPASS_STEMS, most, is not searched either: see _WORD_GATE_SHIFT)
    x = f.x
    starts = [k for k in positions_of(x, _COMPASS_STEMS) if not k or x[k - 1] == " "] if f.word_gates & _GATE_COMPASS else ()
    for mt in matches_at(_COMPASS_RE, x, starts):
        s0, e0 = mt.span()
        if s0 and x[s0 - 1] != " " or e0 >= len(x) or x[e0] != " ":
            continue  # inside a word (شمالي is matched whole: longest first)
        t = f.tok_index(s0)
        if t + 1 >= len(f.starts) or not f.adjacent(t + 1):
            continue
        a, b = f.starts[t + 1], f.ends[t + 1]
        w = f.x[a:b]
        if (1 in occ[a:b] or len(w) < 4 or w in rules.given_names or w in rules.place_heads or not _foreign_word(w, rules, nr)
                or _verb_like(w, rules) or w[0] in "وفبلك" or not _plain_spelling(f, t + 1) or not _ARABIC_WORD_RE.fullmatch(w)
                or w.endswith(("يين", "يون", "يه")) or w.startswith("اوسط")  # جنوب افريقيين، شرق أوسطية
                or t + 2 < len(f.starts) and f.adjacent(t + 2) and 1 not in occ[f.starts[t + 2] : f.ends[t + 2]]
                and _foreign_word(f.word(t + 2), rules, nr)):
            continue  # (two such words: a person's name as often as a place's)
        occ[a:b] = b"\x01" * (b - a)
        new.append(_new(a, b, 0, w, "location"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


def _listed_places(f: _Field, out: list[_M], occ: bytearray, heads: list, rules: Rules) -> list[_M]:
    """A list of places after a place head: a plural or dual head of ``place_list_heads.txt`` or a "name" head of
    ``place_heads.tsv`` without the article, then two or more one-word items, the second on joined by و (a comma may
    stand before it): ومناطق المساعيد والضاحية، قريتي الفقعلي والمثلث، قرية القراصة وترعة والبديع. The list counts
    when one item is a known place (a location mention) or looks like a name (``_name_like``); its free items then
    become places even when they are also common nouns (والضاحية، والمثلث), unless they are function words, titles,
    verbs, first names, frequent words, place heads or regional words, or carry a possessive or a tanween. The list
    ends at the first other word, at punctuation other than a comma before و, or at another mention."""
    tok_at = f._tok_at  # (f.tok_index without a call per mention)
    by_tok = {tok_at[o.s]: o for o in out}
    n = len(f.starts)
    new: list[_M] = []
    for s, e, plen, _ent in heads:
        stem = f.x[s + plen : e]
        if f.x[s : s + plen].endswith(("ال", "لل")) or not (
                stem in rules.place_list_heads or rules.place_heads.get(stem) == "name"):
            continue
        a0, b0 = f.span_in_original(s, e)
        if "إ" in f.text[a0:b0]:
            continue  # إحياء "reviving", not أحياء "districts"
        j = f.tok_index(s) + 1
        items: list[tuple[int, int]] = []  # (token, proclitic length) of the free items
        count = 0
        strong = False
        dual = stem in _DUAL_PLACE_HEADS
        while j < n and not (dual and count == 2) and (
                f.adjacent(j) if not count else not f.norm[f.ends[j - 1] : f.starts[j]].strip(" ،,")):
            w = f.word(j)
            if count and (w[0] != "و" or len(w) < 4):
                break
            o = by_tok.get(j)
            if o is not None:  # a known place continues the list (… وزنجبار وشقرة), but does not start one
                # (_coordinated_places), unless the head itself announced it (قرية القراصة وترعة)
                if (o.typ != "location" or o.s != f.starts[j]
                        or f.x[o.s : o.s + o.plen] not in (("و", "وال") if count else ("", "ال"))
                        or not count and o.kind != "discovered" and not dual):
                    break
                strong = strong or count > 0 or _name_like(w, rules)
                count += 1
                j = f.tok_index(o.e - 1) + 1
                continue
            item = w[1:] if count else w
            if 1 in occ[f.starts[j] : f.ends[j]] or not _list_item(item, f, j, rules) or not count and (
                    w.startswith(("لل", "بال", "كال")) or not w.startswith("ال") and w.endswith(("ي", "يه"))
                    or w[0] in "لب" and (w[1:] in rules.definite_stems or w[1:] in rules.frequent_words)):
                break  # ميادين للفخر، مناطق ريفية، حي لعزيمة: no name
            strong = strong or _name_like(item, rules)
            items.append((j, len(w) - len(item)))
            count += 1
            j += 1
        if count < 2 or not (strong or dual):
            continue  # (a dual head announces its two names by itself: قريتي المشيك والبحصة)
        for t, pl in items:
            a, b = f.starts[t], f.ends[t]
            occ[a:b] = b"\x01" * (b - a)
            new.append(_new(a, b, pl, f.x[a + pl : b], "location"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


#: the dual heads of place_list_heads.txt (normalised): exactly two names follow
_DUAL_PLACE_HEADS = frozenset(norm_word(w) for w in ["قريتي", "بلدتي", "مدينتي", "منطقتي", "محافظتي", "حيي", "مخيمي",
                                                      "ميناءي"])

#: plural heads whose places may be listed in brackets: بلديات (البيداء, أحد, العقيق)، مجمعات (أشبيليا) و(الحمراء)
_BRACKET_LIST_HEADS = frozenset(norm_word(w) for w in ["بلديات", "مجمعات", "مراكز", "هجر"])
_BRACKET_SEPARATORS = frozenset("(),،")
_COMMAS = frozenset(",،")


def _bracketed_places(f: _Field, out: list[_M], occ: bytearray, heads: list, rules: Rules) -> list[_M]:
    """Places listed in brackets after a plural place head (``place_list_heads.txt`` or ``_BRACKET_LIST_HEADS``),
    separated by commas or by و and a new bracket: نطاق بلديات (البيداء, أحد, العقيق, أبيار الماشي)، مجمعات (أشبيليا)
    و(الحمراء) و(المحيا); or right after the head with commas alone, three items or more up to other punctuation or
    the field's end (بلديات البيداء، أحد، العقيق، العاقول، الفريش، الصويدرة، إبيار الماشي.). Each item is one to three
    words with no digit, function word, verb or title; the list needs two items or more, one of them a known place or
    a word that looks like a name; its free items become places."""
    new: list[_M] = []
    n = len(f.starts)
    for s, e, plen, _ent in heads:
        stem = f.x[s + plen : e]
        if f.x[s : s + plen].endswith(("ال", "لل")) or not (stem in rules.place_list_heads or stem in _BRACKET_LIST_HEADS):
            continue
        i = f.tok_index(s)
        if i + 1 >= n:
            continue
        opening = f.norm[f.ends[i] : f.starts[i + 1]].strip()
        if opening not in ("(", ""):
            continue
        bracketed = opening == "("  # else a list with commas alone: بلديات البيداء، أحد، العقيق، العاقول.
        items: list[list[int]] = [[]]
        j = i + 1
        while j < n:
            gap = f.norm[f.ends[j - 1] : f.starts[j]] if j > i + 1 else ""
            if j > i + 1 and gap.strip():
                if not set(gap.strip()) <= (_BRACKET_SEPARATORS if bracketed else _COMMAS):
                    break
                if ")" in gap:  # the bracket closes: the list goes on only as و(…)
                    if not (f.word(j) == "و" and j + 1 < n and f.norm[f.ends[j] : f.starts[j + 1]].strip() == "("):
                        break
                    j += 1
                items.append([])
            items[-1].append(j)
            j += 1
        close = f.norm[f.ends[j - 1] : f.starts[j] if j < n else len(f.norm)]
        if (")" not in close if bracketed else len(items) < 3 or "،" in close or "," in close) or len(items) < 2 or any(
                not 1 <= len(it) <= 3 for it in items):
            continue
        by_start = {o.s: o for o in out}
        strong = False
        ok = True
        for it in items:
            for t in it:
                w = f.word(t)
                if (_has_digit(w) or w in rules.stopwords or w in rules.titles or _verb_like(w, rules)
                        or w in rules.reporting_verbs):
                    ok = False
            o = by_start.get(f.starts[it[0]])
            if not bracketed and o is None and _conj_stripped(f.word(it[0])) in rules.definite_nouns:
                ok = False  # without brackets no item is a common definite noun (ميادين المعركة، والآثار الغارقة)
            strong = strong or (o is not None and o.typ == "location") or any(_name_like(f.word(t), rules) for t in it)
        if not ok or not strong:
            continue
        for it in items:
            a, b = f.starts[it[0]], f.ends[it[-1]]
            if 1 in occ[a:b]:
                continue
            occ[a:b] = b"\x01" * (b - a)
            new.append(_new(a, b, 0, f.x[a:b], "location"))
    if not new:
        return out
    return sorted(out + new, key=_by_start)


def _list_item(w: str, f: _Field, j: int, rules: Rules) -> bool:
    """w (token j without its و) may be an item of a list of places after a place head (``_listed_places``)."""
    bare = w[2:] if w.startswith("ال") and len(w) > 4 else w
    if not w.startswith("ال"):  # a verb after و: ويكثفون، وانفجر، واعترف (bare alef: not أشكيت)، وهددت، وردت
        a, b = f.span_in_original(f.starts[j], f.ends[j])
        orig = f.text[a:b].lstrip("وف")
        if (w[0] == "ي" or orig[:1] == "ا" or len(w) <= 4 and w.endswith(("ت", "ا")) or orig.endswith("يه")
                or w.endswith("وا")):  # ومبانيه، وهاجموا، وفقا
            return False
    return (len(w) >= 3 and w.isalpha() and w not in rules.stopwords and w not in rules.titles
            and w not in rules.reporting_verbs and w not in rules.given_names and w not in rules.frequent_words
            and bare not in rules.frequent_words and bare not in rules.place_heads and bare not in rules.place_list_heads
            and w not in _REGIONAL and not (len(w) > 4 and w.endswith(_ENCLITICS)) and not _verb_like(w, rules)
            and _plain_spelling(f, j))


# --- discovery -----------------------------------------------------------------------------------


def _name_from(f: _Field, i: int, occ: bytearray, rules: Rules, *, max_tokens: int = 7, absorb: dict | None = None) -> list[int]:
    """Token indices of a name starting at token i (empty when token i cannot start a name).

    absorb: token start -> gazetteer person mention that the name may swallow (خالد + فوزي). ``max_tokens`` counts a
    compound name in الله written apart (عبد الله، عوض الله) as one word."""
    out: list[int] = []
    j = i
    n = len(f.starts)
    stop, titles, common, verbs = rules.stopwords, rules.titles, rules.common_words, rules.reporting_verbs
    allah = 0  # the الله of compound names in out
    while j < n and len(out) - allah < max_tokens:
        if out and not f._adj[j]:  # f.adjacent(j) (j > i >= 0 here)
            break
        a, b = f.starts[j], f.ends[j]
        if 1 in occ[a:b] and not (absorb and a in absorb):
            break
        w = f.x[a:b]
        ws = _conj_stripped(w) if not out else w
        if _has_digit(ws) or len(ws) < 2 and ws not in rules.connectors:
            break  # 17 رجب 1434هـ: a number (with or without its unit letter) is never part of a name
        if len(w) > 4 and w.endswith(_ENCLITICS) and w not in rules.given_names:
            break  # أرباحها، شعبها: a noun with a possessive pronoun, not a name
        if out and w in _DAYPARTS and j + 1 < n and f._adj[j + 1] and f.word(j + 1) in _DAYPART_NEXT:
            break  # استقبل محمد العنزي صباح أمس: "the morning of", not the name Sabah
        if (out and w in _EMBEDDING_ROLES and j + 1 < n and f._adj[j + 1] and (f.word(j + 1).startswith("ال") or f.word(j + 1) in titles)
                and f.word(out[-1]) not in rules.connectors):  # (عمر بن مساعد الشريوفي: a father's name)
            break  # حمد الشنيبر مساعد المدير العام: a role in construct after the name (مساعد is also a first name)
        if out and len(out) >= 2 and len(w) > 4 and w[-1] == "ا" and w[:-1] in rules.definite_stems and w not in rules.given_names:
            break  # وليام سبيندلر متحدثا باسم المفوضية: a noun in the accusative ("as spokesman") ends the name
        if out and (_family_name(w, rules) and not (w in titles and _next_given(f, j, rules))
                    or (len(out) == 1 and _after_first_name(f.word(out[0]), w, rules))
                    or w == _ALLAH and f.word(out[-1]) in _ALLAH_COMPOUNDS or _father_before_family(f, j, occ, rules)
                    or f.word(out[-1]) in ("ال", "عبد") and w.startswith("ال") and w not in rules.stopwords
                    or f.word(out[-1]) in _SON_OF and not w.startswith("ال") and (
                        w == "علي" or w not in stop and w not in titles and w not in verbs)
                    or len(out) >= 3 and f.word(out[-2]) in _SON_OF and w.startswith("ال") and len(w) > 4
                    and w not in stop and w not in titles and w not in rules.title_complements and w not in verbs
                    and w not in _TIME_WORDS and w not in _REGIONAL and w not in common and not w.endswith("يه")):
            pass  # العامري، الشهري، المقرن، الجلال: a family name after a first name, even if the word is common; آل الشيخ,
            # عوض الله، فضل الله (a compound name in الله, although الله is a stopword),
            # عبد الملك (a title word after عبد is the compound name's second half);
            # after بن any word but a function word, a title or a reporting verb is the father's name (بن مانع، بن عاطي;
            # and علي, a stopword only as the normalised preposition على, which never follows بن: هادي بن علي اليامي),
            # and a word with ال after the father's name the family name (بن حمود الشايع), but for a word ANERcorp uses as
            # an ordinary word or a feminine adjective (مدينة الأمير محمد بن عبدالعزيز الرياضية)
        elif (out and w == "علي" and j + 1 < n and f._adj[j + 1] and f.word(out[-1]) in rules.given_names
              and (_family_name(f.word(j + 1), rules) or f.word(j + 1) in rules.given_names and f.word(j + 1) != "علي")
              and not _alef_maksura_end(f, a, b)):
            pass  # محمد علي الشدادي، أحمد علي موسى: علي spelt with ي between a first name and a family or first name
        elif out and w in rules.nisba_surnames and _conj_stripped(f.word(out[-1])) in rules.given_names:
            pass  # مهند عسيري، يحيى حكمي: a family name of the shape of a nisba without ال after a first name, although
            # the corpus also writes it with the article (nisba_surnames_saudinewsnet.txt; twentieth session)
        elif not (w in rules.given_names or ws in rules.given_names or w in rules.connectors):
            if (w in stop or w in titles or w in common or w in verbs
                    or ws is not w and (ws in stop or ws in titles or ws in common or ws in verbs)):
                break
            if out and (ws in rules.title_complements or strip_clitics(ws) in rules.stopwords or _common_continuation(w, rules)):
                break
        elif out and w == "علي":
            break  # على written علي far more often than a second name علي
        if w == _ALLAH and out:
            allah += 1
        out.append(j)
        j += 1
    while out and f.word(out[-1]) in rules.connectors:
        out.pop()
    return out


#: Kinship nouns: between two names they relate two persons, they are no father's name.
_KIN = frozenset(norm_word(w) for w in ["شقيق", "شقيقة", "نجل", "نجلة", "والد", "والدة", "زوج", "زوجة", "ابنة", "أخو", "أخي",
                                          "أخت", "عم", "خال", "جد", "حفيد", "حفيدة", "صهر", "أرملة", "طليقة", "خطيبة"])


def _father_before_family(f: _Field, j: int, occ: bytearray, rules: Rules) -> bool:
    """Token j, a word that is also a common word (غالي، ضيف، معوض), is a father's name inside a name when a family
    name follows it (مساعد غالي العنزي، مساعد ضيف الله الجابري): Arabic names chain first, father's and family name."""
    w = f.word(j)
    if (len(w) < 3 or w.startswith("ال") or w[0] in "وفبلك" or w in rules.stopwords or w in rules.titles
            or w in rules.reporting_verbs or w in rules.title_complements or w in _TIME_WORDS or w in _KIN
            or not w.isalpha()):
        return False  # (سيف الإسلام شقيق الساعدي: two persons)
    k = j + 1
    n = len(f.starts)
    if k < n and f._adj[k] and f.word(k) == _ALLAH and w in _ALLAH_COMPOUNDS:
        k += 1
    if k >= n or not f._adj[k] or 1 in occ[f.starts[k] : f.ends[k]]:
        return False
    nx = f.word(k)
    if nx in rules.titles or k + 1 < n and f._adj[k + 1] and nx + " " + f.word(k + 1) in rules.titles:
        return False  # قال مكتب المدعي العام: a title, no family name
    return (nx.endswith("ي") and _family_name(nx, rules) and nx not in rules.common_words and nx not in rules.definite_nouns
            and nx not in _TIME_WORDS and nx not in rules.frequent_words)


def _next_given(f: _Field, j: int, rules: Rules) -> bool:
    """The token after j is a given name (خالد العنزي الرائد صلاح: the title الرائد starts another name)."""
    return j + 1 < len(f.starts) and f._adj[j + 1] and f.word(j + 1) in rules.given_names


def _family_name(w: str, rules: Rules) -> bool:
    """ال + a nisba-shaped or given-name stem (العامري، الشهري، المقرن، الفيصل): a family name."""
    if not w.startswith("ال") or len(w) < 5 or w in rules.stopwords:
        return False
    return (w.endswith("ي") and len(w) > 5 and w not in rules.title_complements) or w[2:] in rules.given_names


def _speech_follows(f: _Field, j: int) -> bool:
    """The speech follows token j: أن/إن (أنه …) or a colon (وقال رامسفيلد إن …، قال كيري: …); nineteenth session:
    also بأن, إلى أن (وأشار العوبثاني إلى أن) and في تصريح(ات)/بيان/حديث/مقابلة (وقال عموري في تصريحات …)."""
    k = j + 1
    if k >= len(f.starts):
        return False
    w, gap = f.word(k), f.norm[f.ends[j] : f.starts[k]]
    if ":" in gap or w in _SPEECH_NEXT or w in _SPEECH_BI:
        return True
    if k + 1 >= len(f.starts) or gap.strip() or not f.adjacent(k + 1):
        return False
    w2 = f.word(k + 1)
    return w == "الي" and w2 in _SPEECH_NEXT or w == "في" and (w2.startswith("تصريح") or w2 in _SPEECH_NOUNS)


#: words after a speaker's name that say who the speaker is (وقال فاليري بيرال، وهو أستاذ …)
_APPOSITION_PRONOUNS = frozenset(["وهو", "وهي", "احد", "احدي"])  # وقال دان ويرثايمر أحد مستشاري … (21st session)


@lru_cache(maxsize=WORD_CACHE)
def _unlisted_word(w: str, rules: Rules) -> bool:
    """A word of no list (no stopword, frequent or common word, stem or given name, no article, no digit) that is no
    proclitic + such a word of four letters or more (بالقرب، لوضع; but لوري، ويات، وندي are names): a candidate word of
    a foreign name."""
    def listed(x: str) -> bool:
        return _plain_word(x, rules) or x in rules.definite_stems or x in rules.definite_nouns
    return (len(w) >= 3 and w.isalpha() and not w.startswith("ال") and w not in rules.given_names and not listed(w)
            and not (w[0] in "وفبلك" and len(w) > 4 and listed(w[1:])) and not w.endswith(_ENCLITICS))


def _foreign_speaker(f: _Field, j: int, occ: bytearray, rules: Rules) -> bool:
    """Tokens j and j + 1, right after a reporting verb, are a foreign name the lists lack (وقال جيف ويات المدير العام
    لتخطيط …، وقالت وندي شيرمان، مساعدة وزير الخارجية، وقال فاليري بيرال، وهو أستاذ …; seventeenth session): two words
    of no list, then a comma, or a title or role noun, or وهو/وهي, right after them."""
    n = len(f.starts)
    if j + 2 >= n or not f.adjacent(j + 1) or 1 in occ[f.starts[j] : f.ends[j + 1]]:
        return False
    if not (_unlisted_word(f.word(j), rules) and _unlisted_word(f.word(j + 1), rules)) or _verb_like(f.word(j), rules):
        return False
    gap = f.norm[f.ends[j + 1] : f.starts[j + 2]]
    if "،" in gap or "," in gap:
        return gap.strip() in ("،", ",")
    nxt = f.word(j + 2)
    return f.adjacent(j + 2) and (nxt in _APPOSITION_PRONOUNS or bare_in(nxt, rules.role_words)
                                  or nxt.startswith("ال") and nxt in rules.titles)


def _speaker_surname(f: _Field, j: int, rules: Rules) -> bool:
    """Token j, right after a reporting verb, is a family name alone as the speaker (وأكد الحراري، أن …، وأضاف
    العسيري: …): a nisba-shaped word with ال that is no word of the lists, followed by the speech (أن/إن or a colon),
    and not seen earlier in the field (then it is the short form of a name given in full, which links to it)."""
    w = f.word(j)
    if not (w.endswith("ي") and len(w) > 5 and _family_name(w, rules) or _rare_surname(w, rules)) \
            or w in rules.definite_nouns or w in rules.common_words or w in rules.frequent_words:
        return False
    return _speech_follows(f, j) and f.x.find(w, 0, f.starts[j]) == -1  # (seen before: it links to its full form)


def _relabel_short_speakers(f: _Field, out: list[_M], rules: Rules) -> None:
    """Nineteenth session (in place): a one-word discovered person (a speaker found after a reporting verb: وقال موتكو
    في مقابلة) that is the last word of a person named in full earlier in the field (فيتالي موتكو) is that person: it
    takes the full name's id (the mention was found before the full name, so the short-form link could not make it);
    discovered names only, and not a word that is also a first name."""
    full: dict[str, _M] = {}
    for o in out:
        if o.typ != "person" or o.kind != "discovered":
            continue
        name = f.x[o.s + o.plen : o.e]
        if " " in name:
            full.setdefault(name.rsplit(" ", 1)[1], o)
        elif (p := full.get(name)) is not None and p.e <= o.s and p.actor_id != o.actor_id and name not in rules.given_names:
            o.actor_id, o.label_ar = p.actor_id, p.label_ar  # (not a first name: سلمان، ياسين alone are others)


@lru_cache(maxsize=WORD_CACHE)
def _rare_surname(w: str, rules: Rules) -> bool:
    """Nineteenth session: ال + a stem no list knows (الحوشان، المعيبد، الدويش): a family name too, not only the
    nisba-shaped ones (the stem is no word, first name or frequent word, and has four letters at least)."""
    v = w[2:]
    return (w.startswith("ال") and len(v) >= 4 and v not in rules.definite_stems and v not in rules.frequent_words
            and v not in rules.common_words and v not in rules.given_names and v not in rules.stopwords
            and not v.endswith(("ات", "ين", "ون", "يه")))


def _frequent_speaker(f: _Field, j: int, rules: Rules) -> bool:
    """Token j, right after a reporting verb, is a name the corpus writes often, alone as the speaker (وقال مورينيو:
    …، وأكد بلاتر أن …): a frequent word that never takes the article (no common noun: not وقال مصدر، وأضاف بيان),
    is no word of the other lists, no verb (قال تعالى), has no proclitic and no possessive (وأكد معاليه), is not quoted
    (وقالت «نيسان»: a company) and is followed by the speech (a colon or أن/إن)."""
    w = f.word(j)
    return (len(w) >= 5 and w in rules.frequent_words and w[0] not in "وفبلكيت" and w not in rules.definite_stems
            and w not in rules.common_words and w not in rules.stopwords and w not in rules.titles
            and w not in rules.title_complements and w not in rules.reporting_verbs and w not in rules.definite_nouns
            and not _verb_like(w, rules) and not w.endswith(_ENCLITICS + ("ه",)) and _plain_spelling(f, j)
            and f.adjacent(j) and _speech_follows(f, j))


_NAME_PREPOSITIONS = frozenset(("ل", "ول", "فل"))


def _preposed_name(f: _Field, i: int, stem: str, rules: Rules) -> bool:
    """Token i is ل + a first name (stem) that is no word (not صالح، حسن، سعيد: they take the article or are frequent),
    followed by a family name: a nisba-shaped one or a rare word with the article (لأحمد الكمالي، لجعفر الصادق; not
    لماجد المهندس: المهندس is a title), and the whole token is no name itself (لويس، a frequent word)."""
    w0 = f.word(i)
    if (stem in rules.common_words or stem in rules.definite_stems or stem in rules.frequent_words
            or stem in rules.noun_given_names or w0 in rules.given_names or w0 in rules.frequent_words
            or w0 in load_name_rules().foreign_names
            or i + 1 >= len(f.starts) or not f.adjacent(i + 1)):
        return False
    w1 = f.word(i + 1)
    return w1 not in rules.titles and (_family_name(w1, rules) and w1 not in rules.frequent_words
                                       or _rare_definite(w1, rules))


@lru_cache(maxsize=WORD_CACHE)
def _after_first_name(first: str, w: str, rules: Rules) -> bool:
    """A word with ال right after a known first name is a family name (وليد الجلال، خالد المقرن) unless it is a
    function word, a title or a word the ANERcorp training text uses only as an ordinary word."""
    first = _conj_stripped(first) if first not in rules.given_names else first
    return (first in rules.given_names and w.startswith("ال") and len(w) > 4 and w not in rules.stopwords
            and w not in rules.titles and w not in rules.title_complements and w not in rules.common_words
            and w not in _REGIONAL)


@lru_cache(maxsize=WORD_CACHE)
def _common_continuation(w: str, rules: Rules) -> bool:
    """A word that cannot continue a name: frequent plain words (verbs, prepositions), nouns with ال whose bare
    form is frequent too (المرشد), words that take the article elsewhere (معتدل), a preposition + such a word
    (لمتنزه، بنشاط), and و/ف + anything but a first name (وفشله)."""
    if w in rules.frequent_words or w in rules.definite_nouns or (not w.startswith("ال") and w in rules.definite_stems):
        return True
    if w.startswith(("لل", "بال", "كال", "وال", "فال")):
        # بالعمل، كالعادة، فالمشروع: a preposition or ف + the article; but بالاك، كالديرون، فالديس، فالتر are names:
        # the rest is no word of the lists (after ف two letters at least, ``_name_in_fal``: فالك ends a name as a verb)
        if w[0] == "ف":
            return not _name_in_fal(w, rules)
        rest = w[3:]
        return not (w[0] in "بك" and (len(rest) < 3 or rest not in rules.definite_stems and rest not in rules.frequent_words
                                      and rest not in rules.common_words and not rest.endswith(_ENCLITICS + ("ه",))))
    if len(w) > 3 and w[0] in "لبك" and (w[1:] in rules.definite_stems or w[1:] in rules.frequent_words):
        return True
    if len(w) > 3 and w[0] in "وف" and w not in rules.given_names:
        # وفشله، وبالمر: a new clause or a second person, not the same name; but a transliterated family name may start
        # with ف (كارستن فرتش، جيروم فالك) or be a surname of the name lexicon with و (جون ويلسون، سيرينا ويليامز)
        nr = load_name_rules()
        if w[0] == "و":
            return not (w in nr.foreign_names and w[1:] not in rules.given_names and w[1:] not in nr.foreign_names)
        return not (w[1] != "س" and not w.endswith(("ه", "وا")) and _foreign_word(w, rules, nr)
                    and not _verb_like(w[1:], rules))  # (فسيصبح، فسأبدأ: ف + a future)
    return False


def _common_pair(f: _Field, toks: list[int], rules: Rules) -> bool:
    """Two tokens found from a given name that read as a common noun + a common definite noun (سلامة المستهلك، حياة
    السجين): the first is in ``noun_given_names.txt`` (given names news text uses mostly as nouns), the second no name
    (سلامة الشمري stays a person). Used for names found from a given name only (after a title or a verb the name is
    announced)."""
    if len(toks) != 2:
        return False
    w0, w1 = _conj_stripped(f.word(toks[0])), f.word(toks[1])
    return (w0 in rules.noun_given_names and w1.startswith("ال") and not _name_like(w1, rules)
            and not _family_name(w1, rules))


def _alef_maksura_end(f: _Field, a: int, b: int) -> bool:
    """The original text of the normalised span [a, b) ends in ى, which normalisation makes ي: على the preposition,
    not the first name علي (that the web text also writes for على)."""
    return f.text[slice(*f.span_in_original(a, b))].endswith("ى")


def _ali_tokens(f: _Field, needle: str) -> Iterator[int]:
    """Token indices, in text order, of the tokens علي and وعلي of the normalised field at which ``needle`` (علي and
    what must follow it: a space, or a space and ال) occurs."""
    k = f.x.find(needle)
    while k != -1:
        i = f.tok_index(k)
        a = f.starts[i]
        if a in (k, k - 1) and f.x[a:k] in ("", "و"):
            yield i
        k = f.x.find(needle, k + len(needle))


def _ali_after_title(f: _Field, j: int, occ: bytearray, rules: Rules, absorb: dict, *, strict: bool = False) -> list[int]:
    """Token j is علي right after a title word (الدكتور علي الغبان، المقدم علي بن عمير، الشيخ علي عبدالله الجفالي), a
    reporting verb or a nisba (وقال علي الشهري, since the sixteenth session):
    the first name Ali when the text spells it with ي and a name goes on after it (بن, a first name, a family name or a
    word no list knows). After a title the misspelt preposition على is followed by a common word (أكد الوزير علي
    أهمية، حرص الأمير علي الحضور), which ends nothing here. Returns the name's tokens, or [] (thirteenth session).
    ``strict`` (علي with no title before it, twenty-first session): the word after it must look like a name more
    surely: no noun with the article but a nisba-shaped one (not علي الآباء، جسد علي الهش), no word in ي or ني that
    reads as a noun or verb with "my"/"me" (سهلت علي تواجدي، اقتحم علي غرفتي، وقع نظره علي استدعاني: عليّ "on me"),
    no verb; a word of the lists followed by a family name still makes a three-word name (علي زارع الرفاعي)."""
    k = j + 1
    if k >= len(f.starts) or not f.adjacent(k) or 1 in occ[f.starts[k] : f.ends[k]]:
        return []
    if _alef_maksura_end(f, f.starts[j], f.ends[j]):
        return []
    w = f.word(k)
    plain = (not _known_word(w, rules) and w not in rules.definite_nouns and w not in rules.definite_stems
             and w.isalpha())
    if strict:
        if w.startswith("ال"):
            plain = plain and w.endswith("ي") and len(w) > 5
        elif w.endswith("ي") and w not in rules.nisba_surnames and w not in rules.given_names and (
                w.endswith("ني") or w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words
                or w.endswith("تي") and w[:-2] + "ه" in rules.definite_stems):
            return []
        if w[0] in "اي" and (_verb_like(w, rules) or _short_imperfect(w, rules) or w[1:] in rules.frequent_words):
            return []  # (علي أشهد الله)
        if (not plain and w not in _SON_OF and w not in rules.given_names and not _family_name(w, rules)
                and w.isalpha() and w[0] not in "وفبلك" and k + 1 < len(f.starts) and f.adjacent(k + 1)
                and 1 not in occ[f.starts[k + 1] : f.ends[k + 1]]):
            w2 = f.word(k + 1)
            if (_family_name(w2, rules) and w2 not in rules.definite_nouns and w2[2:] not in rules.given_names
                    and not _alef_maksura_end(f, f.starts[k + 1], f.ends[k + 1])):
                return [j, k, k + 1]  # علي زارع الرفاعي
    if not (w in _SON_OF or w in rules.given_names or _family_name(w, rules) and not (strict and w in rules.definite_nouns)
            or plain and len(w) > 2 and (w.startswith("ال") and len(w) > 4 or w[0] not in "وفبلك")
            and not w.endswith(("ين", "ون", "ات"))):
        return []  # (شدد المهندس علي المقاولين: a plural noun after the misspelt preposition)
    rest = _name_from(f, k, occ, rules, absorb=absorb)
    if not rest and _family_name(w, rules) and not _alef_maksura_end(f, f.starts[k], f.ends[k]):
        rest = [k]  # علي الشهري: a family name that is also a word ("monthly") starts no name, but ends this one
    return [j] + rest if rest else []


_GLOSS_OPEN = re.compile(r"[\s\"“”«»]*\(\s*$")
_CLOSING_QUOTES = ('"', "”", "»")


def _gloss_of_organisation(f: _Field, a: int, b: int, out: list[_M], found: list[_M]) -> bool:
    """The Latin name at ``a``..``b`` (normalised offsets) is alone in brackets right after an organisation or outlet
    mention or right after a closing quote mark: the Latin letters of the name before it (جامعة آستون (Aston
    University)، معهد "لانغويج سكول" (Inlingua School)), not a product's or a term's gloss after a common noun
    (مسابقة (PX3)، منحنى للعائد (Yield Curve))."""
    if not f.norm[b : b + 3].lstrip(" ").startswith(")"):
        return False
    head = _GLOSS_OPEN.search(f.norm, max(0, a - 8), a)
    if head is None:
        return False
    end = head.start()
    return (any(c in head.group(0) for c in _CLOSING_QUOTES)
            or any(o.e == end and o.typ in ("organization", "media") for o in chain(out, found)))


def _discover(f: _Field, out: list[_M], occ: bytearray, triggers: list, m: _Matcher, rules: Rules) -> list[_M]:
    found: list[_M] = []
    # what the rules below read of the mentions, in one pass (out does not change here): the tokens of the discovered
    # persons (absorb), the one-word family-name aliases of codebook persons, the country spans and the nisba triggers
    absorb, aliases, country_spans = {}, {}, []
    for o in out:
        kind, typ = o.kind, o.typ
        if typ == "person":
            if kind == "discovered":
                for t in f.token_range(o.s, o.e):
                    absorb[f.starts[t]] = o
            elif kind == "alias" and o.plen in (0, 2) and f.x.startswith("ال", o.s) and " " not in f.x[o.s : o.e]:
                aliases[o.s] = o
        elif typ == "country":
            country_spans.append((o.s, o.e))
        # a definite masculine nisba is a title-like trigger too (اللاعب الفرنسي زين الدين زيدان، السعودي عادل الجبير)
        if kind == "nisba" and o.plen >= 2 and f.x[o.s : o.s + o.plen].endswith("ال") and f.x[o.e - 1] == "ي":
            triggers.append((o.s, o.e, o.plen, _NISBA_TRIGGER))
    # a known first name takes in a codebook person's one-word family-name alias right after it (محمد المالكي, not
    # محمد + Nouri al-Maliki): one discovered person, whose family name alone later links to him
    absorb_given = dict(absorb)
    absorb_given.update(aliases)
    absorbed: set[int] = set()

    def emit(toks: list[int], *, strip_conj: bool, clitic: int = 0) -> None:
        a = f.starts[toks[0]]
        b = f.ends[toks[-1]]
        inner = {id(absorb_given[f.starts[t]]): absorb_given[f.starts[t]] for t in toks if f.starts[t] in absorb_given}
        free = bytearray(occ[a:b])
        for o in inner.values():
            if o.s < a or o.e > b:
                return
            free[o.s - a : o.e - a] = b"\x00" * (o.e - o.s)
        if 1 in free:
            return
        if len(inner) == 1 and next(iter(inner.values())).s == a and next(iter(inner.values())).e == b:
            return  # already a mention
        w0 = f.word(toks[0])
        if len(toks) == 1 and _conj_stripped(w0) in _EMBEDDING_ROLES and toks[0] + 1 < len(f.starts) and f.adjacent(toks[0] + 1) and (
                f.word(toks[0] + 1).startswith("ال") or f.word(toks[0] + 1) in rules.titles
                or f.word(toks[0] + 1) in rules.person_context or f.word(toks[0] + 1) in _HONORIFICS):
            return  # مساعد مدير الأمن العام، مساعد سمو رئيس الهيئة، ونائب مساعد وزير الدفاع: the role "assistant", not the first name
        if (_conj_stripped(w0) in _DAYPARTS and toks[0] + 1 < len(f.starts) and f.adjacent(toks[0] + 1)
                and f.word(toks[0] + 1) in _DAYPART_NEXT):
            return  # صباح أمس، فجر الجمعة، صباح العيد: a time of day, not a woman called صباح
        if (_conj_stripped(w0) in _HOLIDAY_HEADS and len(toks) > 1 and f.word(toks[1]).startswith("ال")
                and (f.word(toks[1]) in _HOLIDAY_NAMES or not f.word(toks[1]).endswith("ي"))
                and not (toks[0] > 0 and f.word(toks[0] - 1) in _NAME_LINKS)):  # عواد بن عيد البلوي is a name
            return  # عيد الفطر، عيد الأضحى، عيد الميلاد: a holiday, not a man called Eid
        if (_conj_stripped(w0) in _MONTHS_BUT_SAFAR and len(toks) > 1 and f.word(toks[1]).startswith("ال")
                and (f.word(toks[1]) in _MONTH_QUALIFIERS or not _family_name(f.word(toks[1]), rules))):
            return  # رمضان المبارك، شعبان المعظم، ربيع الأول (not ربيع العوبثاني، رمضان العنزي: a family name)
        absorbed.update(inner)
        # و/ف is a conjunction only when the word is not itself a name (فاطمة، وليد، فيصل keep their first letter)
        plen = clitic or (1 if (strip_conj and len(w0) > 3 and w0[0] in "وف" and w0[1:] in rules.given_names
                                and w0 not in rules.given_names) else 0)
        name = f.x[a + plen : b]
        occ[a:b] = b"\x01" * (b - a)
        mm = _M(a, b, plen, "discovered:" + name.replace(" ", "_"), "discovered", "person", name)
        mm.entry = None
        found.append(mm)

    def common(w: str) -> bool:
        return w in rules.common_words or w in rules.stopwords or _conj_stripped(w) in rules.common_words

    # علي + ال + a first name (علي الفايز، علي الحسن): a person, although علي alone is mostly a misspelt على
    for i in _ali_tokens(f, "علي ال") if f.word_gates & _GATE_ALI_AL else ():  # (see _WORD_GATE_SHIFT)
        if i + 1 < len(f.starts) and f.adjacent(i + 1):
            w1 = f.word(i + 1)
            if (w1[2:] in rules.given_names and len(w1) > 4 and not _alef_maksura_end(f, f.starts[i], f.ends[i])
                    and w1 not in rules.stopwords):
                emit([i, i + 1], strip_conj=False)
    for s, e, plen, ent in sorted(triggers, key=lambda t: (t[0], t[0] - t[1])):
        if ent.kind == "nisba_trigger":
            pass
        elif 1 in occ[s:e] and s not in absorb:
            continue
        i = f.tok_index(s)
        if ent.kind == "given":
            pre = f.x[s : s + plen]
            if pre.endswith("ال") and f.x[s + plen - 2 : e] in rules.given_names:
                pre = pre[:-2]  # اليكس، الفارو: a foreign first name written with أل, not the article
            clitic = 0
            if pre not in ("", "و", "ف"):
                if not (pre in _NAME_PREPOSITIONS and _preposed_name(f, i, f.x[s + plen : e], rules)):
                    continue  # لصالح، بحسن: a preposition on a given name is nearly always the common word
                clitic = len(pre)  # لماجد المهندس، لعاصي الحلاني: with a family name after it, a name (tenth session)
            if f.adjacent(i) and (_has_digit(f.word(i - 1)) or f.word(i - 1) in _THOUSANDS):
                continue  # 500 فدان، 17 رجب، ألف فدان: a word right after a number is its unit or month, not a name
            after_son = i > 1 and f.adjacent(i) and f.word(i - 1) in _SON_OF and f.word(i - 1) != "ال"
            if (after_son and f.adjacent(i - 1) and 1 not in occ[f.starts[i - 2] : f.ends[i - 2]]
                    and f.word(i - 2) not in rules.given_names and _name_like(f.word(i - 2), rules)
                    and not _verb_like(f.word(i - 2), rules)):
                continue  # شعشع بن مفرح، صيتة بنت عبدالعزيز، لراكان بن حثلين: the father's name (the name is found from its
                # first word by the بن rule below, the learned names or the short forms); not بلغوا ابن نايف
            # (after بن a father's name takes no codebook surname in: زابن بن سلطان المرزوقي is found whole by the بن rule)
            toks = _name_from(f, i, occ, rules, absorb=absorb if after_son else absorb_given)
            if not toks:
                continue
            stem = f.x[s + plen : e]
            if stem in _MONTHS and i > 0 and _conj_stripped(f.word(i - 1)) in ("شهر", "لشهر", "بشهر"):
                continue  # شهر رجب، شهر رمضان
            if stem == "عمر" and i + 1 < len(f.starts) and f.adjacent(i + 1) and f.word(i + 1).rstrip("0123456789") in _AGE_NEXT:
                continue  # عن عمر يناهز 94 عاما: "at the age of", not Omar
            fam = len(toks) > 1 and f.word(toks[1]).startswith("ال") and f.word(toks[1])[2:] in rules.given_names  # علي الفايز
            if stem == "علي" and (_alef_maksura_end(f, f.starts[i], f.ends[i]) or len(toks) < 2
                                   or f.word(toks[1]) in rules.definite_stems
                                   or f.word(toks[1]) in rules.definite_nouns and not fam
                                   or strip_clitics(f.word(toks[1])) in rules.definite_stems and not f.word(toks[1]).startswith("ال")):
                continue  # على the preposition (often written علي: "علي الناحية"), or an unconfirmed علي
            if len(toks) == 2 and not fam and _common_pair(f, toks, rules):
                continue
            if len(toks) == 1 and (common(stem) or stem in rules.ambiguous or stem in rules.definite_stems or stem in rules.frequent_words
                                   or stem in _MONTHS or stem in rules.noun_given_names):
                continue  # جميل، إيمان، مالك alone are words (they take the article elsewhere)
            if len(toks) == 1 and (f.word(i) in rules.definite_stems or i > 0 and f.adjacent(i) and f.word(i - 1) in _MA):
                continue  # ورود "arrival" (not و + رود), ما دام "as long as"
            emit(toks, strip_conj=True, clitic=clitic)
        else:
            # skip the title's complements (الخارجية، المصري، ...)
            j = f.tok_index(e - 1) + 1
            skipped = 0
            adjq = f._adjq  # (f.adjacent(j, quotes=True) without a call: 0 < j < len(f.starts) where it is read)
            while j < len(f.starts) and skipped < 3 and adjq[j]:
                a, b = f.starts[j], f.ends[j]
                w = f.x[a:b]
                if (w in rules.title_complements or strip_clitics(w) in rules.title_complements) or (
                    1 in occ[a:b] and any(cs <= a < ce for cs, ce in country_spans)
                ):  # (the cheap tests first)
                    j += 1
                    skipped += 1
                    continue
                break
            if j >= len(f.starts) or not adjq[j]:
                continue
            w = f.word(j)
            if w == "علي":  # after a title, a reporting verb or a nisba (وقال علي الشهري، اللاعب السعودي علي الزبيدي)
                toks = _ali_after_title(f, j, occ, rules, absorb)
                if toks:
                    emit(toks, strip_conj=False)
                continue
            if ent.kind == "verb" and not skipped and _foreign_speaker(f, j, occ, rules):
                emit([j, j + 1], strip_conj=False)  # وقال جيف ويات المدير العام، قالت وندي شيرمان، مساعدة …
                continue
            if w.startswith("ال") and w not in rules.given_names:
                if ent.kind == "verb" and not skipped and _speaker_surname(f, j, rules):
                    emit([j], strip_conj=False)  # وأكد الحراري، أن …
                continue
            fam_next = (ent.kind == "title_word" and j + 1 < len(f.starts) and f.adjacent(j + 1) and w not in rules.frequent_words
                        and w not in rules.common_words and _family_name(f.word(j + 1), rules)  # اللواء فراج الزعبي
                        or ent.kind == "verb" and w[0] not in "وفبلك" and w not in rules.definite_nouns
                        and w not in rules.org_heads and w not in rules.place_heads
                        and _father_before_family(f, j, occ, rules))  # وأكد معتوق اللحياني (not أعلن نادي الأهلي)
            if (w[0] in "وف" and w[1:] not in rules.given_names and not fam_next
                    and (w[0] == "و" or w not in rules.given_names and _conj_word(w[1:], rules))
                    or w.startswith(_DEFINITE_PREFIXES)):
                continue  # وحمايتهم، للمبتعثة، بالبعثة (but فيليكس، فرنسوا هولاند: no word after the ف)
            if w[0] == "ل" and w not in rules.given_names and f.x[s + plen : e] == _CALLING:
                continue  # الجهات الداعية لازدراء الأديان: "calling for", not the preacher's name
            if (w.endswith("ا") and w[:-1] in rules.definite_stems and w not in rules.given_names and not fam_next
                    and not (j + 1 < len(f.starts) and f.adjacent(j + 1) and (f.word(j + 1) in _SON_OF or _name_like(
                        f.word(j + 1), rules) and f.word(j + 1) not in rules.frequent_words))):
                continue  # سيترأس الوزير الكوبي حفلا يجري: a noun in the accusative (حفل); not جادا بينكت سميث، موزا بنت ناصر
            if w not in rules.given_names and not fam_next and (w in rules.definite_stems or _conj_stripped(w) in rules.definite_stems
                                               or w in rules.frequent_words or w[0] in "لبك" and (w[1:] in rules.definite_stems
                                               or w[1:] in rules.frequent_words or w[1:] in rules.common_words)) and not (
                    ent.kind == "verb" and not skipped and _frequent_speaker(f, j, rules)):
                continue  # رئيس مصرف، لمكافحة: a common noun (it takes the article elsewhere), not a name
            toks = _name_from(f, j, occ, rules, absorb=absorb_given if w in rules.given_names else absorb)
            if not toks or _short_imperfect(f.word(toks[0]), rules):
                continue  # النظام العراقي يكدس، الرائد يمنح لاعبيه: the verb of the clause (round 8)
            if w == "باسم" and _common_pair(f, toks[:2], rules):
                continue  # المتحدث باسم المكتب الإعلامي: "on behalf of", not the first name Basem
            if (len(toks) == 1 and w in rules.definite_stems and toks[0] + 1 < len(f.starts) and f.adjacent(toks[0] + 1)
                    and bare_in(f.word(toks[0] + 1), _TEAM_CUES)):
                continue  # أكد نجم فريق العين: "the star of", a noun in construct before a team, not the name Najm
            if ent.kind == "verb" and len(toks) < 2 and f.word(toks[0]) not in rules.given_names:
                # one unknown word after قال is a name only when speech follows: وقال رامسفيلد إن …، قال كيري:
                w0 = f.word(toks[0])
                if not _speech_follows(f, toks[0]) or w0 in rules.definite_nouns or len(w0) < 4:
                    continue
                if any(o.typ == "person" and o.e <= f.starts[toks[0]] and f.x[o.s + o.plen : o.e].endswith(" " + w0)
                       for o in (*out, *found)):
                    continue  # ويوضح كريتشلو after دونالد كريتشلو: the short form of a name given in full, which links to it
            emit(toks, strip_conj=False)
    # an unknown first name before بن (مطير بن مطر القثامي، شعشع بن مفرح): "X son of Y" is a person's name
    k = f.x.find(" بن ") if f.word_gates & _GATE_BIN else -1  # (see _WORD_GATE_SHIFT)
    while k != -1:
        i = f.tok_index(k - 1) if k > 0 else -1
        if (i >= 0 and f.ends[i] == k and i + 2 < len(f.starts) and f.adjacent(i + 1) and f.adjacent(i + 2)
                and 1 not in occ[f.starts[i] : f.ends[i + 1]]):
            w = f.word(i)
            if (len(w) > 2 and w.isalpha() and w not in rules.given_names and _name_like(w, rules)
                    and w[0] not in "وفبلك" and not w.endswith(_ENCLITICS)):
                toks = _name_from(f, i, occ, rules, absorb=absorb)
                if len(toks) >= 3 and f.word(toks[-1]) not in _SON_OF:
                    emit(toks, strip_conj=False)
        k = f.x.find(" بن ", k + 4)
    # apposition: "ديف ريد، مدير الشركة" — name-like words right before a comma and a title
    for s0, e0, plen0, ent0 in triggers:
        if ent0.kind != "title_word" or plen0:
            continue
        j = f.tok_index(s0)
        if j < 1 or f.adjacent(j) or "،" not in f.norm[f.ends[j - 1] : f.starts[j]] and "," not in f.norm[f.ends[j - 1] : f.starts[j]]:
            continue
        toks = []
        k = j - 1
        while k >= 0 and len(toks) < 3:
            w = f.word(k)
            a, b = f.starts[k], f.ends[k]
            if (1 in occ[a:b] or w in rules.stopwords or w in rules.common_words or w in rules.frequent_words
                    or w in rules.definite_stems or w in rules.definite_nouns or w in rules.titles or len(w) < 3
                    or (w.startswith("ال") and not _family_name(w, rules)) or w[0] in "وفبلك" and w not in rules.given_names
                    or w.isdigit() or w.endswith(_ENCLITICS)):
                break
            toks.insert(0, k)
            if not f.adjacent(k):
                break
            k -= 1
        if len(toks) >= 2 or (toks and f.word(toks[0]) in rules.person_tokens):
            emit(toks, strip_conj=False)
    # Latin-script names right after an organisation or outlet word (شركة Syniverse، موقع Ashley Madison,
    # latin_name_heads.txt) or as the bracketed Latin name of the name before (_gloss_of_organisation): organisations
    # (elsewhere a product, model or term more often than a name)
    for mt in _LATIN_RE.finditer(f.x) if f.has_latin else ():
        g = mt.group(0)
        if (len(g) < 2 or _RATING_RE.fullmatch(g) or _ENGLISH_WORD_RE.search(f.x, max(0, mt.start() - 25), mt.end() + 25)
                or "@" in f.norm[max(0, mt.start() - 20) : mt.end() + 20] or g in _LATIN_NOT_NAMES
                or _CODE_RE.search(f.norm, max(0, mt.start() - 15), mt.end() + 15)
                or mt.start() > 0 and (f.norm[mt.start() - 1].isdigit() or f.norm[mt.start() - 1] == "-")
                or _MODEL_NUMBER_RE.fullmatch(g) or _FILM_RE.search(f.norm, max(0, mt.start() - 60), mt.start())):
            # ratings (BBB, Baa3), English sentences ("Sorry Comments are closed"), SMS or IELTS, program code
            # (rendererOptions: {…}), model numbers (B777-300ER, C130, A380) and film titles (_FILM_RE) are not names
            continue
        i, j = f.tok_index(mt.start()), f.tok_index(mt.end() - 1)
        a, b = f.starts[i], f.ends[j]
        if 1 in occ[a:b] or i == 0 or (bare_of(f.word(i - 1), rules.latin_name_heads) is None
                                        and not _gloss_of_organisation(f, mt.start(), mt.end(), out, found)):
            continue
        occ[a:b] = b"\x01" * (b - a)
        nm = f.norm[mt.start() : mt.end()]
        mm = _M(a, b, mt.start() - a, "discovered:" + nm.replace(" ", "_"), "discovered", "organization", nm)
        mm.entry = None
        found.append(mm)
    # quoted names: “خالد فوزي”
    listed = (-2, "")  # (last token, type) of a quoted name after its head: سهما "سابك" و"الاسمنت العربية" lists another
    listable = None  # end -> the codebook companies and outlets of out ending there (made when a quote first asks)
    for q in _quoted_spans(f.norm) if f.has_quote else ():
        a, b = q.span(1)
        i = f.tok_index(a)
        if i < 0 or f.starts[i] < a:
            i += 1
        if i >= len(f.starts):
            continue
        j = f.tok_index(b - 1)
        if i > 0 and 0 <= j - i < 4 and f.ends[j] == b and f._adjq[i]:  # (f.adjacent(i, quotes=True): 0 < i < n)
            # صحيفة “اكسبرس”، موقع "المصدر"، شركة «معادن»، سهم «جاكو»، منطقة «رواغة»: an outlet, company or place the
            # codebook lacks, quoted after its head; و + the next quoted name continues that list (سهما "سابك" و"…")
            head = strip_clitics(f.word(i - 1))
            place_head = NAME_CLITICS_RE.sub("", f.word(i - 1), count=1)
            typ = _QUOTED_HEADS.get(head) or (
                "location" if place_head in rules.place_heads and not _via_idiom(f, i - 1, place_head)
                else listed[1] if f.word(i - 1) == "و" and i - 2 == listed[0]
                and not f.norm[f.ends[i - 2] : f.starts[i - 1]].strip(_QUOTE_CHARS + " ،,") else None)  # (a comma may part them)
            if typ is None and head not in _QUOTED_HEADS:
                typ = _quoted_head_before_adjectives(f, i, j, out, rules)  # شركة الأبحاث «البن كابيتال»
            if typ == "location" and (f.word(i) in rules.stopwords or any(f.word(t).startswith("وال") for t in range(i + 1, j + 1))
                                      or j == i and not (_name_like(f.word(i), rules) or f.word(i).startswith("ال")
                                                         and len(f.word(i)) > 4 and not _plain_word(f.word(i), rules)
                                                         and f.word(i) not in rules.definite_nouns)):
                typ = None  # منطقة "آمنة"، منطقة «من دون مخاطر»، مدينة «الضوضاء والعناء والبلاء»، عن طريق «الفاكس»: no name
            if typ is None and listed[0] != j:
                # a quoted codebook company or outlet starts a list too (شركات هي «سامسونغ»، و«إريكسون»، و«كوالكوم»)
                if listable is None:  # (one pass over out, not one per quote: a field may quote dozens of names)
                    listable = {}
                    for o in out:
                        if o.typ in ("organization", "media") and o.kind in ("name", "alias"):
                            listable.setdefault(o.e, []).append(o)
                typ0 = next((o.typ for o in listable.get(b, ()) if o.s <= f.starts[i]), None)
                if typ0 is not None:
                    listed = (j, typ0)
                    continue
            if typ is not None and not (head in _STOCK_HEADS and _has_digit(f.x[a:b])):  # (not الأسهم "ما تسوى 3 ريالات")
                a0 = f.starts[i]
                if 1 not in occ[a0:b]:
                    occ[a0:b] = b"\x01" * (b - a0)
                    found.append(_new(a0, b, 0, f.x[a0:b], typ))
                    listed = (j, typ)
                    continue
                if 0 not in occ[a0:b]:
                    listed = (j, typ)  # سهما "سابك" (a codebook name) و"الاسمنت العربية"
        if f.word(i) not in rules.given_names:
            continue  # (the name would start with token i: checked before _name_from reads it)
        toks = _name_from(f, i, occ, rules, absorb=absorb)
        if toks and f.ends[toks[-1]] == b and len(toks) >= 2 and f.word(toks[0]) in rules.given_names:
            emit(toks, strip_conj=False)
    # twenty-first session: علي spelt with ي in a field that writes the preposition على with ى is the first name
    # wherever it stands (بحضور علي الشايعي أمين عام النادي، عاد فيه علي الزبيدي), when a name goes on after it as
    # after a title (_ali_after_title, strict); not inside a name begun before it (محمد علي الشدادي، ويحيى علي
    # الفيفي: _name_from's), nor with a shadda (عليّ "on me"). In SaudiNewsNet, of the texts that write على at least
    # once, 3,243 uses of علي spelt with ي are followed by one of 21 words that mostly follow the preposition (الرغم،
    # أن، مستوى، حساب …) 53 times.
    if f.word_gates & _GATE_ALI and "علي " in f.x and _writes_ala(f.text):  # (see _WORD_GATE_SHIFT)
        for i in _ali_tokens(f, "علي "):
            a = f.starts[i]
            if (not occ[a] and not _alef_maksura_end(f, a, f.ends[i])
                    and "\u0651" not in f.text[slice(*f.span_in_original(a, f.ends[i]))]  # عليّ "on me"
                    and not (i > 0 and f.adjacent(i) and (_conj_stripped(f.word(i - 1)) in rules.given_names
                                                          or f.word(i - 1) in _SON_OF
                                                          or occ[f.ends[i - 1] - 1] and any(
                                o.typ == "person" and o.e == f.ends[i - 1] for o in chain(out, found))))):
                toks = _ali_after_title(f, i, occ, rules, absorb, strict=True)
                if toks:
                    emit(toks, strip_conj=True)
    kept = [o for o in out if id(o) not in absorbed]
    # صالح alone after "صالح الحربي" in the same article is that man, not the codebook's Saleh
    if found:
        firsts = {}
        for d in found:
            firsts.setdefault(f.x[d.s + d.plen : d.e].split(" ", 1)[0], d)
        for o in kept:
            if o.typ == "person" and o.kind in ("name", "alias") and " " not in f.x[o.s : o.e]:
                d = firsts.get(f.x[o.s + o.plen : o.e])
                if d is not None and d.e <= o.s and " " in d.label_ar and not _country_near(o.s, o.actor_id, [
                        x for x in kept if x.actor_id != o.actor_id or " " in f.x[x.s : x.e]], m):
                    # (not the codebook's man near his own country, named otherwise than by this bare form:
                    # … صالح القنيعير … الميليشيات الحوثية وصالح)
                    o.actor_id, o.kind, o.label_ar = d.actor_id, "discovered", d.label_ar
                    o.entry = None
    allm = sorted(kept + found, key=_by_start)
    return _link_short_forms(f, allm, occ, m, rules)


def _writes_ala(text: str) -> bool:
    """``_ALA_RE.search(text)`` is a match (the same answer), found faster: the pattern starts with a look-behind, so the
    regex engine tries it at every character of the text (~3 µs per field); here it is tried only where ``str.find``
    sees على, at that position and, for a و/ف before it, one before (a match's literal على is always one of these)."""
    k = text.find("على")
    while k != -1:
        if _ALA_RE.match(text, k) or k and _ALA_RE.match(text, k - 1):
            return True
        k = text.find("على", k + 3)
    return False


def _quoted_head_before_adjectives(f: _Field, i: int, j: int, out: list[_M], rules: Rules) -> str | None:
    """The type of a quoted name (tokens i to j) whose head (``_QUOTED_HEADS``) is one or two words before it, the
    words between being definite words with no punctuation (شركة الأبحاث «البن كابيتال»، للمجلة الآثارية الشهيرة «سومر»،
    شركة الطيران الألمانية «لوفتهانزا»; seventeenth session), or None. Not when the head phrase holds a codebook name
    (حزب العمال الكردستاني «المتطرف»: the quote qualifies it), nor when the quote starts with a word of the lists or has
    a digit (الشبكة الوطنية «القديم»، إذاعة البحرين "1955م")."""
    w0 = f.word(i)
    if (w0 in rules.stopwords or w0 in rules.frequent_words or w0 in rules.common_words or w0 in rules.definite_nouns
            or any(_has_digit(f.word(t)) for t in range(i, j + 1))):
        return None
    for k in (i - 2, i - 3):
        if k < 0 or not all(f.word(t).startswith("ال") and f.adjacent(t) for t in range(k + 1, i)):
            return None
        if any(o.entry is not None and o.s < f.ends[i - 1] and f.starts[k] < o.e for o in out):
            return None
        w = bare_of(f.word(k), _QUOTED_HEAD_WORDS)  # (للمجلة: ل + ال + the head)
        if w is not None:
            return _QUOTED_HEADS[w]
    return None


def _quoted_spans(norm: str) -> list[re.Match]:
    """``list(_QUOTE_RE.finditer(norm))`` (the same matches), found faster: a match starts at an opening quote mark,
    so the pattern is tried only there, in text order and after the end of the previous match, as finditer does."""
    return matches_at(_QUOTE_RE, norm, positions_of(norm, "“\"«"))  # the opening marks of _QUOTE_RE


def _linkable_persons(out: list[_M], first_pass: dict[int, _M], rules: Rules) -> list[_M]:
    """The mentions whose short forms the last linking pass links: those found before the second discovery pass
    (names.py), the learned and coordinated names among them, which came after the first linking; and of that pass's
    own names (المهندس محمد المجلي … وأكد المجلي) only those that start with a given name: it also finds phrases
    (مذكرات فاتن، جيجا هيرتز) whose last word must not spread, and N15 links its foreign names."""
    return [o for o in out if id(o) in first_pass
            or o.kind == "discovered" and o.typ == "person" and o.label_ar.split(" ", 1)[0] in rules.given_names]


_LONG_VOWELS_RE = re.compile("[اويى]")


def _same_name(codebook_label: str, discovered_label: str) -> bool:
    """A discovered name that is the codebook person's own, written otherwise: it ends with the codebook's name
    (سيب جوزيف بلاتر) or has the same first name up to long vowels (ديميتري مدفيديف for ديمتري ميدفيديف)."""
    a, b = norm_word(codebook_label), discovered_label
    if b == a or b.endswith(" " + a):
        return True
    if " " not in a or " " not in b:
        return False
    fa, fb = _first_name_skeleton(a), _first_name_skeleton(b)
    # (or one first name is the other and a letter more, with the same last name: نيكولاس ساركوزي، نيكولا ساركوزي)
    return fa == fb or (len(fa) >= 3 and len(fb) >= 3 and (fa.startswith(fb) or fb.startswith(fa))
                        and a.rsplit(" ", 1)[1] == b.rsplit(" ", 1)[1])


def _first_name_skeleton(name: str) -> str:
    return _LONG_VOWELS_RE.sub("", name.split(" ", 1)[0])


def _link_short_forms(f: _Field, out: list[_M], occ: bytearray, m: _Matcher, rules: Rules,
                      persons: list[_M] | None = None) -> list[_M]:
    """A person's last name alone, after the full name (مملوك → علي المملوك), links to that person; so does a
    codebook person's one-word surname alias after a discovered person of that surname, when the codebook person is
    not named in full in the field (مسفر المالكي … المالكي is not Nouri al-Maliki) and the discovered name is not
    the codebook person's own written otherwise (:func:`_same_name`). ``persons``: link the short forms of these
    mentions only, and no last name that is a word of the language (``_short_forms``' ``strict``); default: every
    person of ``out``."""
    short = _short_forms(f, out if persons is None else persons, m, rules, strict=persons is not None)
    named_in_full = {o.actor_id for o in out if o.kind == "name"}
    for o in out:  # المهندس مسفر المالكي … وقال المالكي: the engineer, not the codebook's Nouri al-Maliki
        if o.kind == "alias" and o.typ == "person" and o.actor_id not in named_in_full and " " not in f.x[o.s : o.e]:
            hit = _surname_owner(f, o, out, short, rules, m)
            if hit is not None and not _same_name(m.info[o.actor_id][0], hit[2]):
                o.actor_id, o.kind, o.label_ar, o.entry = hit[1], "discovered", hit[2], None
    if not short:
        return out
    added = []
    for sf, (first_end, aid, lab, *alone) in short.items():
        for a, k, e in f.free_occurrences(sf, CLITIC_RE, occ, first_end):
            if sf.startswith("ال ") and not (k == a and (i := f.tok_index(a)) > 0 and f.adjacent(i) and f.word(i - 1) in rules.titles):
                continue  # آل الشيخ: the person after a title (الدكتور آل الشيخ), else the family
            if alone and (k != a or _name_follows(f, f.tok_index(a), rules) or not _subject_context(f, f.tok_index(a), rules)):
                continue  # a first name alone: no proclitic, the subject of a clause, no other name (نادية لطفي)
            if k == a and sf.startswith("ال") and sf.endswith("ي") and _adjective_position(f, f.tok_index(a), rules):
                continue  # نبيل العربي … العمل العربي المشترك، الأمن القومي العربي: the adjective, not his surname
            occ[a:e] = b"\x01" * (e - a)
            mm = _M(a, e, k - a, aid, "discovered" if aid.startswith("discovered:") else "alias", "person", lab)
            mm.entry = None
            added.append(mm)
    return sorted(out + added, key=_by_start) if added else out


def _home_politics_named(actor_id: str, out: list[_M], m: _Matcher, rules: Rules) -> bool:
    """A foreign person's country is present in the field as a political actor, an organisation or group of it
    (نظام الأسد، الحكومة السورية، الحوثيين for Yemen): there his bare surname stays his even after a namesake of his
    family (سليمان هلال الأسد … أنصار الأسد; طارق محمد عبدالله صالح … الحوثي وصالح). Not for Saudi persons: the news'
    own country is named in most fields."""
    country_of = m.country_of or {}
    c = country_of.get(actor_id)
    if c is None or c in (rules.home_titles or {}).values():
        return False
    return any((o.typ == "organization" or o.typ == "group") and country_of.get(o.actor_id) == c for o in out)


def _surname_owner(f: _Field, o: _M, out: list[_M], short: dict, rules: Rules, m: _Matcher) -> tuple | None:
    """The discovered person named in full before the codebook person's one-word alias ``o`` whose surname it is, as
    ``(end, actor_id, label_ar)``, or None: by the short forms; or (twenty-fourth session), unless the codebook
    person's country is present as a political actor (:func:`_home_politics_named`), by the short forms with the
    alias's article (الأسد of أحمد الأسد, matched as ال + أسد) or, for a surname that the strict short forms leave out
    because the news uses it often (مرسي، كيري), by the last word of a discovered name that starts with a given name
    (هشام مرسي … وأضاف مرسي: the coach, not Mohamed Morsi)."""
    def discovered_before(form: str) -> tuple | None:
        hit = short.get(form)
        return hit if hit is not None and len(hit) == 3 and hit[0] <= o.s and hit[1].startswith("discovered:") else None

    sf = f.x[o.s + o.plen : o.e]
    if (hit := discovered_before(sf)) is not None:
        return hit
    if _home_politics_named(o.actor_id, out, m, rules):
        return None
    forms = (sf, "ال" + sf) if f.x[o.s : o.s + o.plen].endswith("ال") else (sf,)
    if len(forms) == 2 and (hit := discovered_before(forms[1])) is not None:
        return hit
    for p in out:
        if (p.e <= o.s and p.kind == "discovered" and p.typ == "person" and " " in p.label_ar
                and (words := p.label_ar.split(" "))[-1] in forms and words[0] in rules.given_names
                and words[-2] not in _SON_OF and words[-2] != _AL):
            return p.e, p.actor_id, p.label_ar  # (not after بن or آل: مجتبى ابن خامنئي is his son, آل ثاني a family)
    return None


_THAT = frozenset(norm_word(w) for w in ["أن", "إن", "لكن", "ولكن", "لأن", "بأن", "وأن", "كأن"])


def _adjective_position(f: _Field, i: int, rules: Rules) -> bool:
    """Token i (a nisba-shaped word with the article) right after a definite noun that is no role or title (العمل
    العربي، القومي العربي): it qualifies that noun; after a role it is the name (اللاعب الشمراني، الوزير العربي)."""
    if i == 0 or not f.adjacent(i):
        return False
    w = f.word(i - 1)
    return (w.startswith("ال") and len(w) > 3 and w not in rules.titles and w not in rules.person_context
            and w not in load_name_rules().roles and w not in rules.stopwords)


def _subject_context(f: _Field, i: int, rules: Rules) -> bool:
    """Token i is the subject of a clause: after أن/إن/لكن or a reporting verb (ورصدت نادية، أن عيسى), or before a
    reporting verb."""
    if i > 0 and f.adjacent(i, quotes=True):
        p = _conj_stripped(f.word(i - 1))
        if p in _THAT or p in rules.reporting_verbs or p[-1:] == "ت" and p[:-1] in rules.reporting_verbs:
            return True
    return i + 1 < len(f.starts) and f.adjacent(i + 1, quotes=True) and f.word(i + 1) in rules.reporting_verbs


def _name_follows(f: _Field, i: int, rules: Rules) -> bool:
    """A name word follows token i: a given name, a family name or a name link (بن)."""
    j = i + 1
    if j >= len(f.starts) or not f.adjacent(j):
        return False
    w = f.word(j)
    return w in rules.given_names or _family_name(w, rules) or w in _SON_OF or w in rules.connectors


def _short_forms(f: _Field, out: list[_M], m: _Matcher, rules: Rules, *,
                 strict: bool = False) -> dict[str, tuple]:
    """``{short form: (end of the first full mention, actor_id, label_ar)}`` for the persons named in full in a
    field: the last name (with and without ال), a foreign first name; a last name that is a given name or a
    common word only with ال (السعيد links, سعيد alone does not). In text order, first full mention first. A rare
    Arabic first name of one discovered person (نادية) has a fourth item, True: it links only where it is a clause's
    subject (:func:`_subject_context`) and no name word follows.
    ``strict``: no last name without the article that is a word of the language (the learned names hold a few
    phrases: اسماء ضباط must not make every الضباط a person).
    What one mention gives depends on its text only (``_person_short_forms``, read once per distinct name)."""
    short: dict[str, tuple] = {}
    firsts: dict[str, set[str]] = {}  # Arabic first name -> the persons of the field who have it
    short_first: dict[str, tuple[int, str, str]] = {}
    info, x = m.info, f.x
    for o in out:
        if o.typ != "person":
            continue  # (a codebook mention's type is its actor's: the cheap test first, most mentions are no person)
        kind = o.kind
        discovered = kind == "discovered"
        if not discovered:
            row = info.get(o.actor_id)
            if row is None or row[2] != "person":
                continue
        if kind == "title":
            continue  # وزير التعليم: the last word of an office is no name (التعليم later is not the minister)
        if strict and discovered and x[o.s + o.plen : o.e] != o.label_ar:
            continue  # a short form linked before (آل الشيخ for عبدالله بن محمد آل الشيخ) has no short form of its own
        alone, forms = _person_short_forms(x[o.s : o.e], o.plen, discovered, strict, rules)
        if not alone and not forms:
            continue
        v = (o.e, o.actor_id, o.label_ar)
        if alone is not None:
            firsts.setdefault(alone, set()).add(o.actor_id)
            short_first.setdefault(alone, v)
        for k in forms:
            short.setdefault(k, v)
    for first, ids in firsts.items():
        if len(ids) == 1 and first not in short:
            short[first] = short_first[first] + (True,)
    return short


#: Second words of compound first names (نور الإسلام، سيف الإسلام، نور الدين): no family name, so no short form (a
#: discovered نور الإسلام must not make every later الإسلام a person).
_COMPOUND_SECONDS = frozenset(norm_word(w) for w in ["الإسلام", "الدين"])


@lru_cache(maxsize=WORD_CACHE)
def _person_short_forms(span: str, plen: int, discovered: bool, strict: bool, rules: Rules) -> tuple[str | None, tuple[str, ...]]:
    """What a person mention whose normalised text is ``span`` (``plen`` proclitic characters first) gives
    ``_short_forms``: its Arabic first name when that may stand alone (or None), and its short forms, in the order in
    which they are offered (``setdefault``: a form another mention gave first keeps that mention). Cached like the
    word tests (``WORD_CACHE``): the names of the news recur, so most persons are read from the cache."""
    last = span.rsplit(" ", 1)
    if len(last) < 2:
        return None, ()
    first = span[plen:].split(" ", 1)[0]
    alone = None
    if (not strict and discovered and first in rules.given_names and len(first) >= 3
            and first not in rules.frequent_words and first not in rules.titles and first not in rules.stopwords
            and first not in _MONTHS and first not in _HOLIDAY_HEADS and first != "عبد"):  # (رمضان، عيد: junk names)
        # an Arabic first name that is rare in the news (نادية for نادية الجندي, عيسى for عيسى الأحسائي): alone
        # it is that person, when no other person of the field has it and no name word follows
        alone = first
    w = last[1]
    if last[0].endswith(" ال") and w.startswith("ال"):
        # عبدالله بن محمد آل الشيخ → الدكتور آل الشيخ (normalised ال الشيخ): after a title only; آل سعود alone is the family
        return alone, (("ال " + w,) if discovered else ())
    base = w[2:] if w.startswith("ال") and len(w) > 4 else w
    if strict and base == w and (w in rules.common_words or w in rules.frequent_words):
        return alone, ()  # (a definite one, الحربي, links as for every name: below)
    if (len(base) < 3 or base in rules.stopwords or base in rules.titles or w in rules.stopwords or w in rules.given_names
            or w in _COMPOUND_SECONDS):
        return alone, ()
    if w in rules.title_complements or w in _ORDINALS or "ال" + w in _ORDINALS:
        # رئيس هيئة التعليم …: a role word is no surname; nor a regnal number (عبدالله الثاني → النائب الثاني), nor an
        # ordinal-shaped family name (ثاني of آل ثاني would link every الثاني: النائب الثاني، كانون الثاني)
        return alone, ()
    if base in rules.given_names or base in rules.common_words:
        h = _strip_prep(_conj_stripped(last[0]))
        if " " not in h and h.startswith("ال") and h[2:] in rules.common_words and h[2:] not in rules.given_names:
            return alone, ()  # الرسول الكريم: an epithet after a common noun, its last word (الكريم) is no surname
        noun = h[2:] if h.startswith("ال") else h[:-2] if h.endswith("نا") else ""  # النبي، رسولنا
        if (" " not in h and w.startswith("ال") and noun not in rules.given_names
                and (noun in rules.common_words or noun in rules.definite_stems)):
            return alone, ()  # النبي الكريم، رسولنا الكريم: the same, after a frequent definite or a possessed noun
        return alone, (w,)  # السعيد links, سعيد alone does not
    forms = tuple(dict.fromkeys((w, base)))  # ordered: the result must not depend on hash order
    # a foreign first name alone (أنوش for أنوش أنصاري) links too; a frequent Arabic one (محمد) does not
    if (len(first) >= 4 and first not in rules.given_names and first not in rules.common_words and first not in rules.stopwords
            and first not in rules.titles and first not in rules.definite_stems and first not in rules.frequent_words
            and not first.startswith("ال") and first not in rules.connectors):
        forms += (first,)
    return alone, forms


# --- articles ----------------------------------------------------------------------------------


def _add_tagger_mentions(fields: list[_Field], mss: list[list[_M]], *, model=None,
                         margin: float | None = None, hits: list[np.ndarray] | None = None) -> list[list[_M]]:
    """The tagger's names in a batch of fields (``mss``: the mentions of each field, offsets already in the original
    text): with the shipped model, its place and organisation names replace the rules' mentions they overlap (a
    rule mention with exactly the same span stays) and its person names are not used; in gap-filler mode (below),
    names where no mention is. The tagger's inputs (words, rule tags, gaps) of all fields are built
    at once and tagged in one pass (:func:`analysis.actors.tagger.tag_concat`); the result is that of
    :func:`_add_tagger_mentions_one` per field.

    model    the :class:`~analysis.actors.tagger.Perceptron` (default: the shipped ANERcorp model).
    margin   gap-filler mode (None: off): a name is added only where it overlaps no mention at all (the rules'
             discovered names included, and they are kept) and only when, at each of its tokens, the score of its
             tag exceeds the score of O by at least ``margin``; and never where the name is a codebook string
             (``hits``: the automaton's hits of each field, as :func:`_batch_fields` gives them, ending where the
             name ends and starting within its proclitics), which the rules saw and left out on purpose."""
    from analysis.actors.tagger import TYPE_OF, gap_feature, load_tagger, sure_margins, tag_concat

    lengths = [len(f.starts) for f in fields]
    n = sum(lengths)
    if not n:
        return mss
    # the words: the fields' x (word characters and spaces only) joined by spaces and split
    bigx = " ".join(f.x for f in fields)  # (the tagger's names are read back from it below)
    words = list(filter(None, bigx.split(" ")))
    if len(words) != n:  # cannot happen (tokens are the runs of word characters); the plain way if it did
        words = [f.x[a:b] for f in fields for a, b in zip(f.starts, f.ends)]
    first = np.cumsum(lengths) - lengths  # batch index of each field's first token
    # the gaps (tagger.gaps_of): the norm between a token and the one before, in the fields' norms joined by a
    # space; "_" for the common single space, read from the code points, the rest by tagger.gap_feature
    big = " ".join(f.norm for f in fields)
    base = np.cumsum([0] + [len(f.norm) + 1 for f in fields[:-1]])
    tok_base = np.repeat(base, lengths)
    st = np.fromiter(chain.from_iterable(f.starts for f in fields), dtype=np.int64, count=n) + tok_base
    en = np.fromiter(chain.from_iterable(f.ends for f in fields), dtype=np.int64, count=n) + tok_base
    cp = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    other = np.zeros(n, dtype=bool)
    other[1:] = (st[1:] - en[:-1] != 1) | (cp[en[:-1]] != 32)
    heads = first[np.asarray(lengths) > 0]
    other[heads] = False
    gaps = ["_"] * n
    odd = np.flatnonzero(other)
    for i, a, b in zip(odd.tolist(), en[odd - 1].tolist(), st[odd].tolist()):
        gaps[i] = gap_feature(big[a:b])  # (cached: few distinct texts between tokens, ، . «)
    for i in heads.tolist():
        gaps[i] = "^"
    # the rule tags, and each mention's span in the fields' norms joined (``big``)
    rt = ["O"] * n
    kind_type = {"nisba": "NIS", "title": "TIT"}
    bio = _RULE_TAGS  # type -> its B- and I- tags (the same str objects: the tagger hashes each once)
    m_at, m_end = [], []  # per mention of the batch, in field order
    for f, ms, t0, nt, b0 in zip(fields, mss, first.tolist(), lengths, base.tolist()):
        if not ms:
            continue
        # original -> normalised positions, all mentions at once (NormalizedText.index_in_norm, on the batch's
        # index: no NormalizedText per field)
        pos = [o.s for o in ms] + [o.e for o in ms]
        at = pos if f._orig_at is None else np.searchsorted(f._orig_at, np.array(pos) + f._orig_base).tolist()
        m_at += [a + b0 for a in at[: len(ms)]]
        m_end += [b + b0 for b in at[len(ms) :]]
        if not nt:
            continue
        tok_at = f._tok_at  # (f.tok_index without a call per mention)
        for o, a, b in zip(ms, at, at[len(ms) :]):
            if o.kind == "discovered":
                continue
            tag, inside = bio[kind_type.get(o.kind) or _COARSE.get(o.typ or "", "ORG")]
            for k in range(tok_at[a], tok_at[max(a, b - 1)] + 1):
                rt[t0 + (k if k >= 0 else k + nt)] = tag  # (k = -1, before the first token, is the last: rt[-1])
                tag = inside
    model = model or load_tagger()
    # (gap filler: with each token's integer margin over O, which decides most names without the reference)
    codes, marg = (tag_concat(model, words, lengths, rt, load_rules(), gaps, margins=True) if margin is not None
                   else (tag_concat(model, words, lengths, rt, load_rules(), gaps), None))
    codes = codes.astype(np.intp)
    # the tagger's names (tagger.spans_of over each field): runs of non-O tags of one type, each starting at a
    # B- tag, after a token with another tag or at a field's first token
    named = np.flatnonzero(codes)
    ent = (codes[named] + 1) // 2  # the entity type: 1 PERS, 2 LOC, 3 ORG (TAGS order)
    opens = np.ones(len(named), dtype=bool)
    opens[1:] = (np.diff(named) != 1) | (codes[named[1:]] % 2 == 1) | (ent[1:] != ent[:-1])
    opens |= np.isin(named, heads)
    span_first = named[opens]
    span_last = named[np.append(np.flatnonzero(opens)[1:] - 1, len(named) - 1)] if len(named) else named
    span_typ = ent[opens]
    # which of the tagger's names are added and which rule mentions they overlap and drop: coverage of the
    # characters by cumulative sums
    m_at, m_end = np.array(m_at, dtype=np.intp), np.array(m_end, dtype=np.intp)
    s_at, s_end = st[span_first], en[span_last]

    def covered(a: np.ndarray, b: np.ndarray) -> np.ndarray:  # prefix sums of "some span covers this character"
        d = np.zeros(len(big) + 1, dtype=np.intp)
        np.add.at(d, a, 1)
        np.add.at(d, b, -1)
        return np.concatenate(([0], np.cumsum(np.cumsum(d)[:-1] > 0)))

    if margin is None:
        # the tagger's place and organisation names take precedence over the rules' mentions they overlap, unless a
        # rule mention has exactly that span (it stays, with its actor id); its person names are not used (the
        # rules' person discovery scores better on held-out folds of ANERcorp's training split: README of
        # analysis/resources/tagger, thirteenth session)
        same = set(zip(m_at.tolist(), m_end.tolist()))
        add = (span_typ != 1) & np.fromiter(((a, b) not in same for a, b in zip(s_at.tolist(), s_end.tolist())),
                                            dtype=bool, count=len(s_at))
        occ = covered(s_at[add], s_end[add])
        drop = occ[m_end] - occ[m_at] > 0
    else:  # gap filler: untouched spans only, where the model is sure enough
        occ = covered(m_at, m_end)
        add = occ[s_end] - occ[s_at] == 0
        known = set()  # (end, start) of the codebook strings, in the fields' norms joined
        for h, b0 in zip(hits or [], base.tolist()):
            if len(h):
                known.update(zip((h[:, 1] + b0).tolist(), (h[:, 0] + b0).tolist()))
        # a name's least margin over its tokens: the integer margins decide it unless it is within rounding of
        # ``margin`` (or the weights are not exact); then the reference's float scores (_span_margin)
        if marg is not None and len(named):
            sure, fails = sure_margins(np.minimum.reduceat(marg[named], np.flatnonzero(opens)), margin)
        else:
            sure = fails = np.zeros(len(span_first), dtype=bool)
        for k in np.flatnonzero(add).tolist():
            a, b = int(s_at[k]), int(s_end[k])
            add[k] = not any((b, x) in known for x in range(a, a + 4)) and (sure[k] or not fails[k] and _span_margin(
                model, words, rt, gaps, first, lengths, codes, int(span_first[k]), int(span_last[k])) >= margin)
        drop = np.zeros(len(m_at), dtype=bool)
    # back to the fields
    add_at, add_end, add_typ = s_at[add], s_end[add], span_typ[add]
    add_field = np.searchsorted(base, add_at, side="right") - 1
    add_cut = np.searchsorted(add_field, np.arange(len(fields) + 1)).tolist()
    m_cut = np.cumsum([0] + [len(ms) for ms in mss]).tolist()
    drop_l = drop.tolist()
    add_at, add_end, add_typ = add_at.tolist(), add_end.tolist(), add_typ.tolist()
    types = (None, TYPE_OF["PERS"], TYPE_OF["LOC"], TYPE_OF["ORG"])
    out = []
    for q, (f, ms, nt, b0) in enumerate(zip(fields, mss, lengths, base.tolist())):
        if not nt:
            out.append(ms)
            continue
        keep = [o for o, d in zip(ms, drop_l[m_cut[q] : m_cut[q + 1]]) if not d]
        for a, b, t in zip(add_at[add_cut[q] : add_cut[q + 1]], add_end[add_cut[q] : add_cut[q + 1]],
                           add_typ[add_cut[q] : add_cut[q + 1]]):
            nm = bigx[a:b]
            s0, e0 = f.span_in_original(a - b0, b - b0)
            mm = _M(s0, e0, 0, "discovered:" + nm.replace(" ", "_"), "discovered", types[t], nm)
            mm.entry = None
            mm.tagged = True
            keep.append(mm)
        out.append(sorted(keep, key=_by_start))
    return out


_RULE_TAGS = {t: ("B-" + t, "I-" + t) for t in ("PERS", "LOC", "ORG", "NIS", "TIT")}


def _span_margin(model, words: list[str], rt: list[str], gaps: list[str], first: np.ndarray, lengths: list[int],
                 codes: np.ndarray, i: int, j: int) -> float:
    """The least margin, over the tokens i..j (batch indices) of a tagged name, of its tag's score over O's (the
    reference scores, :meth:`~analysis.actors.tagger.Perceptron.scores`, after the tag decoded before it)."""
    from analysis.actors.tagger import TAGS, token_features

    q = int(np.searchsorted(first, i, side="right")) - 1
    a, b = int(first[q]), int(first[q]) + lengths[q]
    rules = load_rules()
    w, r, g = words[a:b], rt[a:b], gaps[a:b]
    least = float("inf")
    for k in range(i, j + 1):
        prev = TAGS[codes[k - 1]] if k > a else "O"
        sc = model.scores(token_features(w, k - a, r, rules, g, model.clusters), prev)
        least = min(least, sc[TAGS[codes[k]]] - sc["O"])
    return least


def _add_tagger_mentions_one(f: _Field, ms: list[_M]) -> list[_M]:
    """The tagger's place and organisation names over the rules' mentions (offsets of ``ms`` are already in the
    original text), one field at a time: the plain definition that :func:`_add_tagger_mentions` reproduces for a
    batch (kept for ``benchmarks/check_tagger.py`` and the tests)."""
    from analysis.actors.tagger import TYPE_OF, gaps_of, load_tagger, spans_from_tags, tag_words

    rules = load_rules()
    tokens = list(zip(f.starts, f.ends))
    words = [f.x[a:b] for a, b in tokens]
    if not words:
        return ms
    oi = f.nt.orig_index  # original -> normalised positions, all mentions at once (NormalizedText.index_in_norm)
    pos = [o.s for o in ms] + [o.e for o in ms]
    at = pos if oi is None else np.searchsorted(oi, pos).tolist()
    norm_spans = list(zip(at[: len(ms)], at[len(ms) :]))
    rt = ["O"] * len(words)
    for o, (a, b) in zip(ms, norm_spans):
        if o.kind == "discovered":
            continue
        typ = {"nisba": "NIS", "title": "TIT"}.get(o.kind, _COARSE.get(o.typ or "", "ORG"))
        first = True
        for k in range(f.tok_index(a), f.tok_index(max(a, b - 1)) + 1):
            rt[k] = ("B-" if first else "I-") + typ
            first = False
    tags = tag_words(load_tagger(), words, rt, rules, gaps_of(f.norm, tokens))
    added = []
    same = set(norm_spans)
    cover = bytearray(len(f.x) + 1)
    for i, j, typ in spans_from_tags(tags):
        a, b = f.starts[i], f.ends[j - 1]
        if typ == "PERS" or (a, b) in same:
            continue  # no person names; a rule mention with exactly this span stays
        cover[a:b] = b"\x01" * (b - a)
        nm = f.x[a:b]
        s0, e0 = f.nt.span_in_original(a, b)
        mm = _M(s0, e0, 0, "discovered:" + nm.replace(" ", "_"), "discovered", TYPE_OF[typ], nm)
        mm.entry = None
        mm.tagged = True
        added.append(mm)
    # the tagger's place and organisation names take precedence over the rules' mentions they overlap
    keep = [o for o, (a, b) in zip(ms, norm_spans) if 1 not in cover[a:b]]
    return sorted(keep + added, key=_by_start)


_COARSE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}


def _local_days(pubs: list, tzs: list) -> list:
    """Local calendar date of each publication time (UTC → the article's zone), None when unknown."""
    pub = pd.to_datetime(pd.Series(pubs, dtype=object), utc=True, errors="coerce")
    tz = pd.Series(tzs, dtype=object).where(pd.Series(tzs, dtype=object).notna(), "UTC")
    out = [None] * len(pub)
    for zone in pd.unique(tz):
        idx = np.flatnonzero((tz == zone).to_numpy())
        try:
            local = pub.iloc[idx].dt.tz_convert(zone)
        except (KeyError, ValueError, TypeError):  # an unknown zone name: UTC rather than a guess
            local = pub.iloc[idx]
        for i, d in zip(idx, local.dt.date.tolist()):
            out[i] = None if d is pd.NaT or d is None or (isinstance(d, float)) else d
    return out


def extract_mentions(articles: pd.DataFrame, *, codebook: Codebook | None = None, discover: bool = True,
                     tagger: bool | str = False, tagger_margin: float | None = None, learned: bool = True) -> pd.DataFrame:
    """Actor mentions in the title and text of every article.

    articles   a frame with the columns of ``analysis.schema.ARTICLES`` (at least article_id and text;
               title, published and timezone are used when present). Not modified.
    codebook   a :class:`Codebook` (default: ``load_codebook()``).
    discover   also emit names the codebook lacks (match_kind "discovered", actor_id "discovered:<name>").
    tagger     also run a statistical tagger (``analysis.actors.tagger``). Off here (the rules alone); the default
               configuration of ``extract`` (``analysis.config.Settings``) runs the gap filler,
               ``tagger=analysis.config.GAP_FILLER`` (trained on hand-annotated SaudiNewsNet articles; a gap filler
               by its metadata, see ``tagger_margin``). ``True``: the ANERcorp tagger (trained on ANERcorp train,
               ANERcorp's conventions): its place and organisation names replace the rules' mentions they overlap
               unless one has exactly their span (match_kind "discovered"); its person names are not used. The stage
               then costs about 1.5-1.9x its CPU without it (``benchmarks/check_tagger.py``). A string names another model
               (a file in ``analysis/resources/tagger/`` or a path, :func:`analysis.actors.tagger.load_tagger`);
               a model whose metadata has a ``gap_margin`` is a gap filler (see ``tagger_margin``).
    tagger_margin   gap-filler mode with this margin (default: the model's ``gap_margin``, none for the shipped
               ANERcorp model): the tagger's names are added only where no mention at all is (the rules'
               discovered names are kept) and where its score margin over O is at least this at every token.
    learned    with ``discover``: also find the names learned from SaudiNewsNet
               (``analysis/resources/actors/learned_names.csv``) where no cue is (match_kind "discovered", the id that
               discovery gives the name); ``scripts/build_learned_names.py`` turns it off to learn from the rules alone.
    Returns the mentions table (columns of ``analysis.schema.MENTIONS``), sorted by article, field (title
    first), start; ``article[field][start:end] == surface``.
    """
    cb = codebook if codebook is not None else load_codebook()
    tagger_opts = {}  # the shipped model: the plain call (the tests replace _add_tagger_mentions)
    if isinstance(tagger, str) or tagger_margin is not None:
        from analysis.actors.tagger import MODEL_FILE, load_tagger

        model = load_tagger(tagger if isinstance(tagger, str) else MODEL_FILE)
        tagger_opts = {"model": model, "margin": model.meta.get("gap_margin") if tagger_margin is None else tagger_margin}
    m = get_matcher(cb, discover=discover, learned=learned)
    rules = load_rules()
    recs: list[tuple] = []
    has = set(articles.columns)
    n = len(articles)
    ids = articles["article_id"].astype("string").tolist() if "article_id" in has else [str(i) for i in range(n)]
    texts = articles["text"].tolist() if "text" in has else [None] * n
    titles = articles["title"].tolist() if "title" in has else [None] * n
    pubs = articles["published"].tolist() if "published" in has else [None] * n
    tzs = articles["timezone"].tolist() if "timezone" in has else ["UTC"] * n
    days = _local_days(pubs, tzs) if m.offices else [None] * n
    todo = []  # (article_id, field, text, day)
    for aid, title, text, day in zip(ids, titles, texts, days):
        for fld, s in (("title", title), ("text", text)):
            if s is None or (not isinstance(s, str) and pd.isna(s)) or not s:
                continue
            todo.append((aid, fld, s, day))
    # the later stages of a chunk (timex, events, attributions) normalise the same fields: hand them this stage's
    # normalisation (when the chunk fits in the shared cache; else the fields would only evict each other)
    share = len(todo) <= CACHED_FIELDS
    info, metonym_of, bisect_right = m.info, m.metonym_of, bisect.bisect_right  # read once: one lookup per mention
    b0 = 0
    while b0 < len(todo):
        b1 = b0 + _BATCH
        if b1 < len(todo) and todo[b1][0] == todo[b1 - 1][0] and todo[b1 - 1][1] == "title" and todo[b1][1] == "text":
            b1 += 1  # an article's title and text in one batch: references link across them
        batch = todo[b0:b1]
        b0 = b1
        fields, hits = _batch_fields([t[2] for t in batch], m.automaton)
        if share:
            for f in fields:
                remember_normalized(f.nt)
        # a title's body (the next field, of the same article); the bodies first, for their titles read them
        body_of = {k: k + 1 for k in range(len(batch) - 1) if batch[k][1] == "title" and batch[k + 1][0] == batch[k][0]}
        order = sorted(range(len(batch)), key=lambda k: k in body_of)
        mss = [None] * len(batch)
        for k in order:
            if k in body_of:
                _body_context(fields[k], mss[body_of[k]])
            mss[k] = _match_prepared(fields[k], hits[k], m, rules, batch[k][3], discover=discover, to_original=False)
        if discover:
            mss = _link_articles(batch, fields, mss, m, rules)
        # a leader's first name without his context that the references did not link to someone else: no mention
        mss = [[o for o in ms if not o.weak or o.actor_id.startswith("discovered:")] if ms else ms for ms in mss]
        if rules.boilerplate:
            mss = [_drop_boilerplate(f, ms, rules.boilerplate) for f, ms in zip(fields, mss)]
        if _EGYPT_AHLY in info:
            for k in order:
                _egyptian_ahly(mss[k], info, mss[body_of[k]] if k in body_of else ())
        for f, ms in zip(fields, mss):
            if f._orig_at is not None and ms:  # else nothing was deleted: the offsets are the same
                _map_to_original(f, ms)
        if tagger:
            mss = _add_tagger_mentions(fields, mss, **tagger_opts, **({"hits": hits} if tagger_opts else {}))
        for (aid, fld, s, day), ms in zip(batch, mss):
            if not ms:
                continue
            sent_starts = [a for a, _ in split_sentences_cached(s)]  # shared with the timex and events stages
            for o in ms:
                aid_m = o.actor_id
                if aid_m.startswith("discovered:"):
                    lab, lab_en, typ = o.label_ar or aid_m[11:].replace("_", " "), None, o.typ or "person"
                    sub = "tagger" if o.tagged else None  # a name the tagger found (the default gap filler's)
                else:
                    if o.kind == "metonym":
                        aid_m = metonym_of[aid_m]
                    lab, lab_en, typ, sub = info[aid_m]
                recs.append((aid, fld, o.s, o.e, s[o.s : o.e], aid_m, lab, lab_en, typ, sub, o.kind,
                             max(0, bisect_right(sent_starts, o.s) - 1)))
    if not recs:
        return conform(pd.DataFrame(columns=list(MENTIONS)), "mentions")
    # one typed array per column (the records transposed): no object frame whose columns pandas converts one by one
    cols = {c: (np.array(v, dtype=np.int64) if t == "int64" else _string_array(v, t))
            for (c, t), v in zip(MENTIONS.items(), zip(*recs))}
    return conform(pd.DataFrame(cols), "mentions")


def _body_context(title: _Field, body_mentions: list[_M]) -> None:
    """Give a title the actors its article's body names (``_Field.elsewhere``; not the body's ``weak`` mentions). A
    headline is too short for the context the rules of ambiguous forms look for near a word (النصر يعيد فابيان،
    «موهبة» تطلق …، الأسد يعترف …، هادي يعين …), so a form counts there when the body names its actor, as a form counts
    in a body that named its actor earlier."""
    title.elsewhere = frozenset(o.actor_id for o in body_mentions if not o.weak)


_SAUDI_AHLI, _EGYPT_AHLY = "org:al_ahli_saudi", "org:al_ahly_egypt"


def _egyptian_ahly(ms: list[_M], info: dict, body: list[_M] = ()) -> None:
    """The bare الأهلي is the Saudi club by default (these are Saudi news); in a field that names Egypt or an Egyptian
    club and no other Saudi club (داخل مصر سواء الأهلي أو الزمالك، مسؤولو الأهلي … الدوري المصري) it is Cairo's Al Ahly.
    A title that names neither decides by its ``body`` (after the body's own الأهلي was decided)."""
    ahli = [o for o in ms if o.actor_id == _SAUDI_AHLI and o.kind != "nisba"]
    if not ahli:
        return
    egypt, saudi = _ahli_evidence(ms, info)
    if not (egypt or saudi) and body:
        egypt, saudi = _ahli_evidence(body, info)
    if egypt and not saudi:
        for o in ahli:
            o.actor_id, o.kind = _EGYPT_AHLY, "alias"  # (its label is الأهلي المصري)


def _ahli_evidence(ms: list[_M], info: dict) -> tuple[bool, bool]:
    """Whether the mentions name Egypt or an Egyptian club, and whether they name another club (besides the Saudi
    Al-Ahli): then the field is not only about Egypt."""
    egypt = saudi = False
    for o in ms:
        row = info.get(o.actor_id)
        if row is None or o.actor_id == _SAUDI_AHLI:
            continue
        if o.actor_id == "country:eg" or o.actor_id in _EGYPTIAN_CLUBS:
            egypt = True
        elif row[3] == "club":
            saudi = True
    return egypt, saudi


_EGYPTIAN_CLUBS = frozenset({"org:zamalek", _EGYPT_AHLY})


def _drop_boilerplate(f: _Field, ms: list[_M], phrases: tuple[str, ...]) -> list[_M]:
    """The mentions of a field without those inside a phrase of ``boilerplate.txt`` (a share bar: شارك من خلال تويتر
    فيسبوك …), found on the normalised field."""
    if not ms:
        return ms
    spans = []
    for p in phrases:
        k = f.x.find(p)
        while k != -1:
            spans.append((k, k + len(p)))
            k = f.x.find(p, k + len(p))
    if not spans:
        return ms
    return [o for o in ms if not any(a <= o.s and o.e <= b for a, b in spans)]


def _link_articles(batch: list, fields: list[_Field], mss: list[list[_M]], m: _Matcher, rules: Rules) -> list[list[_M]]:
    """References within each article of a batch (``analysis.actors.references``), on normalised offsets; the
    fields of one article are consecutive in ``batch`` (``(article_id, field, text, day)``)."""
    out: list[list[_M]] = []
    i = 0
    while i < len(batch):
        j = i + 1  # an article is its title then its text (extract_mentions' order); two articles with one id stay apart
        if j < len(batch) and batch[j][0] == batch[i][0] and batch[i][1] == "title" and batch[j][1] == "text":
            j += 1
        if any(mss[i:j]):
            parts = [(batch[k][1], fields[k], mss[k]) for k in range(i, j)]
            out.extend(link_references(parts, m=m, rules=rules, day=batch[i][3], short_forms=_short_forms, new=_new))
        else:
            out.extend(mss[i:j])
        i = j
    return out


def _string_array(values: tuple, dtype: str) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype=dtype)`` for a column of str and None; when pandas stores strings in Arrow, the
    Arrow array is built directly (~5x faster than pandas' own conversion, which checks every value first)."""
    dt = pd.api.types.pandas_dtype(dtype)
    if isinstance(dt, pd.StringDtype) and dt.storage == "pyarrow" and dt.na_value is pd.NA:
        try:  # from_pandas: None, NaN and pd.NA become nulls, as pd.array makes them <NA>
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string(), from_pandas=True))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass  # a value that is no string: pandas' own conversion decides (converts or raises)
    return pd.array(values, dtype=dt)
