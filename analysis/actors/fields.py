"""The matcher's building blocks: the codebook automaton, the normalised field and the mention record.

``get_matcher`` builds (once per codebook) one Aho-Corasick automaton holding every codebook form with every allowed
proclitic combination, the trigger words of discovery and the word gates; ``_batch_fields`` normalises a batch of
texts (titles and bodies) into ``_Field`` objects and scans them with the automaton in one pass; ``_M`` is a mention
while a field is matched (offsets in the normalised field until ``matcher._map_to_original``). Also the word lists
shared by the later modules (``head_nouns``, ``persons``, ``ambiguous``, ``resolve``, ``matcher``), which import
from here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter

import ahocorasick
import numpy as np

from analysis.actors.codebook import Codebook
from analysis.actors.names import (
    KUNYA_GATE,
    KUNYA_TOKENS,
    lexicon_keys,
    role_keys,
)
from analysis.actors.references import _FORMER_CORES, FORMER_GATE
from analysis.actors.rules import Rules, load_learned_names, load_rules, norm_word, strip_clitics
from analysis.actors.teams import head_keys, suffix_keys
from analysis.normalize import (
    FORMAT_SET,
    NormalizedText,
    _char_map,
    _mark_table,
    matches_at,
    positions_of,
    trim_format_end,
)
from analysis.resources import read_table

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
            "prep": tuple(p for p in P_NONE if p not in ("", "و", "ف")),
            "prep_art": tuple(p for p in P_ART if p not in ("ال", "وال", "فال"))}

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
_TITLE_PHRASE = _Entry(None, "title_phrase", None)  # an office phrase that ends in a nisba (رئيس الوزراء البريطاني)


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
    for off, k, art in cb.office_keys():  # (with the spellings of each key: وزير الشئون الاجتماعية)
        offices.setdefault(("ال" + k) if art == "required" else k, []).append(
            (off.start, off.end, off.person_id, *_term_days(off.start, off.end)))
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
        elif f.kind == "nisba" and info[f.actor_id][3] == "party" and typ == "organization":  # (not the groups'
            # nisbas: إخواني، حوثي; the codebook gives a party's nisba no feminine forms: codebook.actor_forms)
            amb = "party_nisba"  # جمهوري، ديمقراطيا: rule party_nisba
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
            if f.kind in ("name", "alias"):
                # لهادي، بمرسي: a preposition on a one-word person form counts once the person was named in full;
                # للأسد، بالأسد، للجبير too (forty-eighth session: none of the 45 للأسد of SaudiNewsNet was found)
                # (an ambiguous form keeps its own rule with the article: للأسد near Syria, as الأسد)
                add(f.key, "prep" if art == "conj" else "prep_art",
                    _Entry(f.actor_id, f.kind, amb if art == "conj_art" and amb else "seen"), rank)
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
            if w.startswith("ال") and (w[2:] in rules.common_words or w in rules.definite_nouns and not w.endswith("ي")):
                continue  # الخطابي (الحفل الخطابي "the speeches"), المر "bitter", الخطيب "the preacher": ANERcorp's
                # الخطابي، إلياس المر، الخطيب are words in Saudi news (the read sets: 2 of 20 right)
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

    def original(self, start: int, end: int) -> str:
        """The original spelling of ``norm[start:end]`` (``text`` over :meth:`span_in_original`): its hamzas, ة, ى and
        diacritics, which normalisation drops."""
        return self.text[slice(*self.span_in_original(start, end))]

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


def _alef_maksura_end(f: _Field, a: int, b: int) -> bool:
    """The original text of the normalised span [a, b) ends in ى, which normalisation makes ي: على the preposition,
    not the first name علي (that the web text also writes for على)."""
    return f.original(a, b).endswith("ى")


def _conj_stripped(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


#: Sort key of mentions: by start (a C-level getter, cheaper than a lambda in the sorts every field goes through).
_by_start = attrgetter("s")


def _longest_first(h: tuple) -> tuple[int, int]:
    """Sort key of hits ``(start, end, …)``: the longest first, then by start."""
    return h[0] - h[1], h[0]


_ENVOY = "المبعوث"
#: what a field holds when _BLESSING_RE can match in it, besides ﷺ (_prophet_with_blessing's word gate)
_BLESSINGS = ("صلي الله", "الصلاه والسلام")


@lru_cache(maxsize=1)
def _context_capitals() -> tuple[tuple[str, str, str, str], ...]:
    """``(form, capital's actor_id, its country, the other reading's actor_id)`` from context_capitals.tsv."""
    return tuple((norm_word(r["form"]), r["actor_id"], r["country"], r["unless"])
                 for r in read_table("actors_rules", "context_capitals.tsv"))
#: Month names that are also first names (رمضان، رجب، شعبان): never a person on their own.
_MONTHS = frozenset(norm_word(w) for w in ["محرم", "صفر", "ربيع", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة"])


#: Heads of institutions that take a foreign name right after them (thirteenth session): جامعة ستانفورد، مستشفى
#: سبيتار، معهد بروكنجز (a university, hospital or institute named by a transliterated word).
_INSTITUTION_HEADS = frozenset(norm_word(w) for w in ["جامعة", "مستشفى", "معهد", "بنك", "مصرف", "مطعم"])
# (not أكاديمية: also an adjective; not نادي: clubs are read by analysis/actors/teams.py)
#: The same without quote marks (the bracketed-name rules read a quoted name whole): مجموعة بيمكو، منظمة مرام،
#: مؤسسة ماركت، حزب كومينتانغ. Both are read after the organisation-chain rule found no name.
_LATE_INSTITUTION_HEADS = frozenset(norm_word(w) for w in ["مجموعة", "منظمة", "مؤسسة", "حزب"])
#: Heads of media outlets before a foreign name (صحيفة لاكروا، مجلة وايرد، وكالة يونهاب): the name is an outlet.
_MEDIA_HEADS = frozenset(norm_word(w) for w in ["صحيفة", "جريدة", "مجلة", "وكالة", "قناة", "شبكة"])
_ALLAH = norm_word("الله")
#: the words inside those tokens (وسهم، باللواء): the pattern is tried only at the start of the tokens that hold one
_UNIT_CUES = ("لواء", "سهم")
#: what a field holds when _TRIBE_HEAD_RE can match in it (_tribes' word gate)
_TRIBE_HEADS = ("قبيل", "قبائل", "عشير", "عشائر")


_DIRECTIONS = frozenset(norm_word(w) for w in ["شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط"])
#: compass words before a place (not وسط "amid", not قرب: also "the nearness of" + a verbal noun, قرب نفاد التذاكر)
_COMPASS = _DIRECTIONS - {norm_word("وسط")}
#: the compass words that start with no other one (شمال for شمالي): every match of _COMPASS_RE starts with one of them
_COMPASS_STEMS = tuple(sorted(w for w in _COMPASS if not any(v != w and w.startswith(v) for v in _COMPASS)))

#: plural heads whose places may be listed in brackets: بلديات (البيداء, أحد, العقيق)، مجمعات (أشبيليا) و(الحمراء)
_BRACKET_LIST_HEADS = frozenset(norm_word(w) for w in ["بلديات", "مجمعات", "مراكز", "هجر"])
