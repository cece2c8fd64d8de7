"""References to persons within one article, across its title and text: a second pass over both fields.

Called by ``analysis.actors.matcher.extract_mentions`` once per article (discovery on), after each field was
matched on its own and before offsets are mapped back to the original text (mentions in normalised
coordinates). The matcher already links a person's short form to the full name seen EARLIER IN THE SAME FIELD
(``persons._link_short_forms``: مملوك → علي المملوك); this pass adds, from the persons named in full anywhere in
the article (rules R1-R5, see analysis/resources/actors_rules/README.md, "References within an article"):

R1  the same short forms in the title field when the full name is in the text (headline الشدادي, body محمد علي
    الشدادي), and in the text BEFORE the full name; there, and in the headline for a form that is a word of the
    frequency lists (نظيف "clean"), only in a name context — after a title, a role complement or a person-context
    word (رئيس وزراء مصر الأسبق نظيف … أحمد نظيف) or before a reporting verb — except a codebook person's form
    that no list has; never after عائلة/أسرة/آل (the family);
R2  a codebook person's last name that is also a first name or a word (مبارك "blessed", حسني مبارك) only after a
    person-context word or a title (حكم مبارك، عهد مبارك، الرئيس مبارك) and not before another name word;
R3  the full name of a discovered person of two or more words, repeated later in its field (… وحسين عرب) or
    in the headline (before R1 there, so that the headline's ميريل ستريب is one mention);
R4  a role phrase that introduced a person — right before the name (المفوض العام للأونروا بيير كرينبول، مفتي الديار
    المصرية الدكتور شوقي علام), in apposition after it (سلطان بن عاطي القرشي مدير إدارة المشاريع) or as an office
    of offices.csv resolved to its holder — stands for that person where it recurs bare later, in the text or the
    headline: the phrase itself, its prefixes of two words or more that end in a definite word (المفوض العام), the
    head with the phrase's country nisba (وزير الخارجية التركي → الوزير التركي), the head alone after an honorific
    (فضيلة المفتي); match_kind ``title`` (GUIDELINES via=title), the nisba and names under it not listed apart
    (CONVENTIONS D5). Not linked: a form that two persons' phrases give (two ministers) or that the office of another
    codebook person named in the article gives; a form before a name (also after a comma, dash, quote marks or
    honorifics), before a لـ complement or بالوكالة, after a role word (نائب رئيس الوزراء، سفير …، منصب …) or right
    after a name (apposition); a prefix that leaves out السابق/الأسبق, or the country nisba when the field names
    another country (وزير الخارجية may then be the Saudi minister); heads that alone name other offices (الرئيس،
    النائب، الأمير) give no head forms;
R5  a bare former-office phrase (الرئيس السابق، الرئيس الأسبق، الرئيس المخلوع, a nisba may stand between) stands
    for the one codebook person named in the article who held an office of that head (offices.csv: الرئيس
    اليمني …) that ended before the article's date (القرار يطول الرئيس السابق → Ali Abdullah Saleh);
R6  a discovered "بن X" (names N18: وأكد بن معمر) is the one person of the article named in full with بن/ابن X
    (فيصل بن معمر).

Single title words (الأمير، الملك، الرئيس) are not linked: in the annotated sets they mostly stand in a role
phrase of someone else (مستشار جلالة الملك) or before a name, and annotators rarely mark them bare.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from analysis.actors.rules import (
    CLITIC_RE,
    HONORIFICS,
    NAME_CLITICS_RE,
    RANKS,
    WORD_CACHE,
    Rules,
    norm_word,
    strip_clitics,
)
from analysis.normalize import matches_at

_CONJ_PREFIX_RE = re.compile(r"[وف]?")
_ART_PREFIX_RE = re.compile(r"(?:[وف]?[بلك]?)(?:ال|لل)")
#: Adjectives that make an office phrase a former one (R5).
FORMER_ADJECTIVES = frozenset(norm_word(w) for w in ["السابق", "الأسبق", "المخلوع", "السابقة", "الأسبقة", "الراحل",
                                                        "الراحلة"])
_FORMER_RE = re.compile(r"(?<= )(?:%s)(?= |$)" % "|".join(sorted(FORMER_ADJECTIVES)))
#: The adjectives that contain no other one (السابق for السابقة too): a field holds a match of _FORMER_RE only when
#: one of them occurs in it, which ``in`` tells far faster than the regex with its look-behind (R5's gate).
_FORMER_CORES = tuple(sorted(w for w in FORMER_ADJECTIVES if not any(v != w and v in w for v in FORMER_ADJECTIVES)))
#: The bit of a field's ``word_gates`` (``fields._WORD_GATE_SHIFT``) set when one of _FORMER_CORES occurs in it:
#: the matcher's automaton scan tells, not a search of every field with ``in`` for each of them.
FORMER_GATE = 1 << 0


def _former_hits(f) -> list[re.Match]:
    """``list(_FORMER_RE.finditer(f.x))`` (the same matches), found faster: a match is a whole token (a space before
    it, a space or the end after it) that holds one of _FORMER_CORES, so the pattern is tried only at the start of the
    tokens in which ``str.find`` sees one, in text order; its look-behind start made the regex engine try it at every
    character of the field (~20 µs per field)."""
    return matches_at(_FORMER_RE, f.x, f.token_starts_of(_FORMER_CORES))


#: Honorifics between a role phrase and the name (صاحب السمو الملكي الأمير، الدكتور): skipped, not part of the phrase
#: (the honorifics of ``rules`` and فخامة).
_HONORIFICS = HONORIFICS | {norm_word("فخامة")}
_NAME_KINDS = ("name", "alias", "discovered")
#: Words before a family name that make it the family, not the person (عائلة دوابشة، أسرة الجنيد).
FAMILY_HEADS = frozenset(norm_word(w) for w in ["عائلة", "أسرة", "عائلات", "أسر", "قبيلة", "لعائلة", "لأسرة", "بعائلة", "بأسرة"])
#: Honorifics that let a role's head word alone stand for the person the article introduced with the role
#: (R4: فضيلة المفتي after مفتي الديار المصرية شوقي علام; معالي الوزير).
_REF_HONORIFICS = frozenset(norm_word(w) for w in ["فضيلة", "معالي", "سعادة", "فخامة", "سمو", "جلالة"])
#: Role heads whose definite form stands for the one holder the article introduced with the role: with the
#: phrase's country nisba (وزير الخارجية التركي → الوزير التركي) or alone after an honorific (فضيلة المفتي). Not
#: رئيس، نائب، أمير …: الرئيس الإسرائيلي is not رئيس الوزراء الإسرائيلي, النائب التركي is a member of parliament.
_SHORT_HEADS = frozenset(norm_word(w) for w in [
    "وزير", "وزيرة", "مفتي", "سفير", "سفيرة", "مدير", "مديرة", "محافظ", "مستشار", "مبعوث", "قائد", "متحدث", "ناطق",
    "مفوض", "مندوب", "قاضي"])
#: Ranks that are also common nouns (الفريق "the team", اللواء "the brigade", الرائد "the pioneer"): no role phrase
#: starts with them (R4).
_NOUN_RANKS = frozenset(norm_word(w) for w in ["فريق", "لواء", "رائد", "مقدم"])
#: Military ranks before a name (``rules.RANKS``), skipped like honorifics when a name follows a role phrase.
_HONORIFICS_RANKS = _HONORIFICS | RANKS
#: Words after a role phrase that announce its holder's name (رئيس قسم المراقبين بالوكالة إبراهيم …) (R4).
_ACTING = frozenset(norm_word(w) for w in ["بالوكالة", "بالنيابة", "بالإنابة", "المكلف", "المكلفة", "المناوب"])
#: Words before a name that make it part of a longer name (سلطان بن [سلمان بن عبدالعزيز]) (R4; the matcher reads them too).
NAME_LINKS = frozenset(norm_word(w) for w in ["بن", "ابن", "بنت", "أبو", "أبي", "أم", "آل"])
#: Separators between a name and its role phrase, or a role phrase and its holder's name (R4).
_SEPARATORS = frozenset("،,-–—\"“”«»")
#: Role nouns before a role phrase that make it part of someone else's role (سفير المفوض العام).
_EMBEDDING = frozenset(norm_word(w) for w in ["سفير", "مستشار", "مستشارة", "مبعوث", "ممثل", "مندوب", "مساعد", "مكتب", "نائب",
                                               "سكرتير", "وكيل", "منصب", "منصبي"])


@lru_cache(maxsize=WORD_CACHE)
def _bare(w: str, titles: frozenset = frozenset()) -> str:
    """A word without و/ف and a preposition before the article or a title: لرئيس → رئيس، للمفوض → المفوض،
    وبالمفوض → المفوض (كبير stays كبير)."""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        return "ال" + w[2:]
    if len(w) > 3 and w[0] in "بلك" and (w[1:3] == "ال" or w[1:] in titles):
        return w[1:]
    return w


def _occupied(f, ms) -> bytearray:
    occ = bytearray(len(f.x) + 1)
    for o in ms:
        occ[o.s : o.e] = b"\x01" * (o.e - o.s)
    return occ


def _next_word(f, e: int) -> str | None:
    """The word right after the token that ends at ``e``, when only spaces stand between (else None)."""
    j = f.tok_index(e - 1) + 1
    return f.word(j) if j < len(f.starts) and f.adjacent(j) else None


def _prev_word(f, a: int) -> str | None:
    i = f.tok_index(a)
    return f.word(i - 1) if i > 0 and f.adjacent(i) else None


def _name_context(f, a: int, e: int, rules: Rules) -> bool:
    """A one-word form at [a, e) reads as a person: after a title, a role complement (الأسبق) or a person-context
    word (حكم، عهد، نظام), or before a reporting verb."""
    p = _prev_word(f, a)
    if p is not None:
        if p in FAMILY_HEADS or _bare(p) in FAMILY_HEADS:
            return False
        ps = strip_clitics(p)
        if (p in rules.titles or ps in rules.titles or p in rules.title_complements or p in rules.person_context
                or _bare(p) in rules.person_context):
            return True
    n = _next_word(f, e)
    return n is not None and (n in rules.reporting_verbs or strip_clitics(n) in rules.reporting_verbs)


def _continues_name(f, e: int, rules: Rules) -> bool:
    """The word after [.., e) could continue a name (مبارك الحربي، مبارك بن …): then the form is another person's."""
    n = _next_word(f, e)
    return n is not None and (n in rules.connectors or n in rules.given_names
                              or n.startswith("ال") and n.endswith("ي") and len(n) > 5 and n not in rules.title_complements)


def _definite(w: str) -> bool:
    """A definite word, possibly with a preposition or و (العام، للأونروا، والموارد)."""
    return _bare(w).startswith("ال") and len(w) > 3


def _role_stem(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


@lru_cache(maxsize=4)
def _role_forms(role_words: frozenset) -> dict[str, str]:
    """Every written form of a role word (``role_words`` and ``_SHORT_HEADS``: وزير، الوزير، ولوزير، للوزير،
    وبالمفوض …) -> the form without و/ف and a preposition (وزير، الوزير، الوزير، الوزير، المفوض); honorifics
    (الدكتور) and ranks that are common nouns (الفريق) left out: one dictionary look-up per word."""
    out = {}
    for stem in sorted(role_words | _SHORT_HEADS):
        if stem in _NOUN_RANKS:
            continue
        for bare in (stem, "ال" + stem):
            if bare in _HONORIFICS:
                continue
            for conj in ("", "و", "ف"):
                for prep in ("", "ب", "ل", "ك"):
                    out.setdefault(conj + prep + bare, bare)
                if bare.startswith("ال"):
                    out.setdefault(conj + "لل" + stem, bare)
    return out


def _role_bare(w: str, rules: Rules) -> str:
    """A role word without و/ف and a preposition (ولمفتي → مفتي، للمفوض → المفوض; وزير stays وزير); other words as
    ``_bare``."""
    return _role_forms(rules.role_words).get(w) or _bare(w, rules.titles)


def _is_role(w: str, rules: Rules) -> bool:
    """A role word of titles.txt or ``_SHORT_HEADS`` (وزير، للمفوض، ومدير; not an honorific such as الدكتور, nor a
    nisba, nor a rank that is a common noun: الفريق)."""
    return w in _role_forms(rules.role_words)


def _phrase_word(f, t: int, occ_by_tok: dict, rules: Rules) -> bool:
    """Token t may stand inside a role phrase: a title, a role complement, a definite noun (للاجئين، الخارجية), a
    word of a place, country or organisation mention (للأونروا), or an indefinite noun in construct with a definite
    word or a mention right after it (إدارة المشاريع، تعليم الرياض; not لقاء رئيس)."""
    w = f.word(t)
    b = _bare(w, rules.titles)
    if w in rules.title_complements or b in rules.title_complements or _is_role(w, rules) or t in occ_by_tok:
        return True
    if w in rules.stopwords or b in rules.stopwords or w in rules.reporting_verbs or b in rules.reporting_verbs:
        return False
    if b.startswith("ال"):
        return len(b) > 4
    if w[0] in "وف" or w in rules.given_names or len(w) < 3:
        return False
    return (t + 1 < len(f.starts) and f.adjacent(t + 1) and (t + 1 in occ_by_tok or _definite(f.word(t + 1)))
            and not _is_role(f.word(t + 1), rules))


def _role_phrase(f, i: int, occ_by_tok: dict, rules: Rules) -> tuple[int, int] | None:
    """Token range [h, k) of the role phrase right before token i (a person's first token), honorifics between
    left out: the words back from the name while they may stand in a role phrase (``_phrase_word``), from the first
    title word on (وأوضح [مدير إدارة المشاريع] المهندس سلطان …; not المؤتمر الصحفي). None when it has no title
    word."""
    k = i
    while k > 0 and f.adjacent(k) and _bare(f.word(k - 1)) in _HONORIFICS and i - k < 4:
        k -= 1
    h = k
    while h > 0 and f.adjacent(h) and k - h < 6 and _phrase_word(f, h - 1, occ_by_tok, rules):
        h -= 1
    while h < k and not _is_role(f.word(h), rules):
        h += 1  # معالي رئيس مجلس الشورى: the phrase starts at the role
    for t in range(k - 1, h, -1):
        if _new_role(f, t, occ_by_tok, rules):
            return t, k  # استقبل رئيس الجمهورية [وزير الخارجية] …: the last role of a chain is the name's
    return (h, k) if h < k else None


def _new_role(f, t: int, occ_by_tok: dict, rules: Rules) -> bool:
    """Token t starts another role phrase: a title word right after a definite word or a name (رئيس الجمهورية |
    وزير الخارجية), not in construct after a role (نائب رئيس الوزراء)."""
    return _is_role(f.word(t), rules) and (_definite(f.word(t - 1)) or (t - 1) in occ_by_tok)


def _apposition(f, o, occ_by_tok: dict, person_starts: set, rules: Rules) -> tuple[int, int] | None:
    """Token range [j, k) of a role phrase in apposition right after the person mention ``o`` (سلطان بن عاطي القرشي
    [مدير إدارة المشاريع]، خالد بحاح، [نائب الرئيس]): it starts with a title word without a clitic (not ووزير: another
    person) after a space or a comma, runs over the words of ``_phrase_word`` and is not followed by another person's
    name (then it is that person's role). None when there is none or it is one word."""
    j = f.tok_index(o.e - 1) + 1
    n = len(f.starts)
    if j >= n or not (f.adjacent(j) or f.norm[f.ends[j - 1] : f.starts[j]].strip() in ("،", ",")):
        return None
    i = f.tok_index(o.s)
    if i > 0 and f.adjacent(i) and f.word(i - 1) in NAME_LINKS:
        return None  # سلطان بن [سلمان بن عبدالعزيز] رئيس الهيئة: a name read inside a longer one
    w = f.word(j)
    if not _is_role(w, rules) or _role_bare(w, rules) != w:
        return None
    k = j + 1
    while (k < n and f.adjacent(k) and k - j < 6 and k not in person_starts and _phrase_word(f, k, occ_by_tok, rules)
           and not _new_role(f, k, occ_by_tok, rules)):
        k += 1  # (a chain of roles: the first, ولي العهد | نائب رئيس مجلس الوزراء …)
    t = k
    while t < n and f.adjacent(t) and _bare(f.word(t)) in _HONORIFICS and t - k < 4:
        t += 1
    if t < n and f.adjacent(t) and t in person_starts:
        return None  # التقى … وزير الخارجية [جون كيري]: the role of the next name
    return (j, k) if k - j >= 2 else None


def _phrase_keys(words: list[str], cuts: list[bool], m, rules: Rules, *, offices: bool = False,
                 other_countries: bool = True) -> list[tuple[str, bool]]:
    """The forms that stand for the person a role phrase (its words, the first without clitics) introduced:
    ``(form, needs an honorific before it)``. The phrase and its prefixes of two words or more that end in a
    definite word (المفوض العام للأونروا → المفوض العام; not مدير تعليم) and not inside a name (``cuts[n]``: a prefix
    of n words may end there); the head with the phrase's country nisba (وزير الخارجية التركي → الوزير التركي); the
    definite head alone, after an honorific only (مفتي الديار المصرية → فضيلة المفتي). Never a form that leaves out
    السابق/الأسبق (a former holder), an office phrase of offices.csv (resolved by date) or a title of titles.txt
    (الأمين العام); heads that name other offices alone (الرئيس، النائب، الأمير) give no head forms; no prefix that
    leaves out the phrase's country nisba when ``other_countries`` (the field names another country: وزير الخارجية
    after وزير الخارجية الأمريكي may be the Saudi minister). ``offices=True``: the office phrases too (for the
    ambiguity check of ``_introductions``)."""
    former = next((n for n, w in enumerate(words) if w in FORMER_ADJECTIVES), None)
    nisba_at = next((n for n, w in enumerate(words) if n and w in m.nisba_heads), None) if other_countries else None
    keys = []
    for n in range(2, len(words) + 1):
        if (former is not None and n <= former) or (n < len(words) and not (cuts[n] and _definite(words[n - 1]))):
            continue
        if nisba_at is not None and n <= nisba_at and not offices:
            continue
        key = " ".join(words[:n])
        if not offices and (key in m.offices or ("ال" + key) in m.offices or key in rules.titles):
            continue
        keys.append((key, False))
    stem = _role_stem(words[0])
    head = "ال" + stem
    if former is None and stem in _SHORT_HEADS:
        nisbas = [w for w in words[1:] if w in m.nisba_heads]
        if len(nisbas) == 1 and (offices or (head + " " + nisbas[0]) not in m.offices):
            keys.append((head + " " + nisbas[0], False))
        keys.append((head, True))
    return keys


def link_references(parts: list, *, m, rules: Rules, day, short_forms: Callable, new: Callable,
                    title_phrases: bool = True) -> list[list]:
    """The mentions of one article's fields with the references R1-R5 added.

    parts        ``[(field, f, ms), ...]``: "title" or "text", the matcher's normalised field, its mentions
                 (normalised offsets, sorted by start).
    m            the matcher (``info``: actor_id -> (label_ar, label_en, type, subtype); ``offices``).
    day          the article's local publication date (or None): R5 needs it.
    short_forms  ``persons._short_forms``; new: ``head_nouns._new`` (makes a discovered mention, then retyped here).
    title_phrases  also apply R4 (on by default; off: the references of the extraction before R4 was on).
    Returns the mention lists in the order of ``parts`` (a list is returned unchanged when nothing is added).
    """
    persons = []  # (part index, mention): the first mention of each person's multi-word name in each field
    seen = set()
    named = []  # codebook persons named in the article (R5), in order
    for pi, (_fld, f, ms) in enumerate(parts):
        for o in ms:
            if o.typ == "person" and o.kind in _NAME_KINDS and (o.kind == "discovered" or o.actor_id in m.info):
                if o.kind != "discovered" and o.actor_id not in named:
                    named.append(o.actor_id)
                name = f.x[o.s + o.plen : o.e]
                if o.kind == "discovered" and name != o.label_ar:
                    continue  # a linked short form (آل الشيخ of عبدالله … آل الشيخ) is no full name
                if " " in name and (pi, o.actor_id, name) not in seen:
                    seen.add((pi, o.actor_id, name))
                    persons.append((pi, o))
    if not persons and not named and not (title_phrases and any(o.kind == "title" for _fld, _f, ms in parts for o in ms)):
        return [ms for _fld, _f, ms in parts]
    text_i = next((pi for pi, p in enumerate(parts) if p[0] == "text"), None)
    shorts: dict[int, dict] = {}  # part index -> short_forms(...) (the text's serve the title too)

    def shorts_of(pi):
        if pi not in shorts:
            shorts[pi] = short_forms(parts[pi][1], parts[pi][2], m, rules)
        return shorts[pi]

    phrases = (_introductions(parts[text_i][1], parts[text_i][2], m, rules,
                              also=" ".join(p[1].x for pi, p in enumerate(parts) if pi != text_i))
               if title_phrases and text_i is not None else {})
    out = []
    for pi, (fld, f, ms) in enumerate(parts):
        occ = None
        added = []

        def take(a, k, e, aid, kind, lab):
            occ[a:e] = b"\x01" * (e - a)
            mm = new(a, e, k - a, lab or "", "person")
            mm.actor_id, mm.kind, mm.label_ar = aid, kind, lab
            added.append(mm)

        # R2 and R3
        for pj, o in persons:
            pf = parts[pj][1]
            name = pf.x[o.s + o.plen : o.e]
            if o.kind != "discovered":
                last = name.rsplit(" ", 1)[1]
                if (last in rules.given_names or last in rules.common_words) and not last.startswith("ال") and last not in rules.stopwords:
                    # R2: مبارك after حكم/عهد/الرئيس (not الثاني of عبدالله الثاني: an ordinal is no surname)
                    if occ is None:
                        occ = _occupied(f, ms)
                    for a, k, e in f.free_occurrences(last, CLITIC_RE, occ):
                        if f.x[a:k] in ("", "و", "ف") and _name_context(f, a, e, rules) and not _continues_name(f, e, rules):
                            take(a, k, e, o.actor_id, "alias", m.info[o.actor_id][0])
            elif pj == pi or fld == "title":  # R3: … وحسين عرب after اللواء حسين عرب; the headline's ميريل ستريب
                if occ is None:
                    occ = _occupied(f, ms)
                for a, k, e in f.free_occurrences(name, _CONJ_PREFIX_RE, occ, o.e if pj == pi else 0):
                    take(a, k, e, o.actor_id, "discovered", o.label_ar)
        # R1: short forms from the full names of this field (backward) and of the text (in the title)
        own = shorts_of(pi) if any(pj == pi for pj, _o in persons) else {}
        other = shorts_of(text_i) if fld == "title" and text_i is not None and text_i != pi else {}
        if own or other:
            if occ is None:
                occ = _occupied(f, ms)
            for sf, (first_end, aid, lab, *alone) in own.items():
                if alone:
                    continue  # a first name alone links forward only (persons._link_short_forms)
                # (searched up to the end of the token at first_end only, not on to the field's end: an occurrence in
                # a token that starts before first_end ends there at the latest)
                for a, k, e in f.free_occurrences(sf, CLITIC_RE, occ, 0, f.ends[f.tok_index(first_end - 1)]):
                    if a >= first_end:
                        break  # after the full name: persons._link_short_forms has taken what it could
                    weak = fld != "title" and aid.startswith("discovered:")  # before a discovered name: a context
                    if (weak or _plain(sf, rules, headline=fld == "title") or _after_family(f, a)) and not _name_context(f, a, e, rules):
                        continue
                    take(a, k, e, aid, "discovered" if aid.startswith("discovered:") else "alias", lab)
            for sf, (_end, aid, lab, *alone) in other.items():
                if sf in own or alone:
                    continue
                for a, k, e in f.free_occurrences(sf, CLITIC_RE, occ):
                    if (_plain(sf, rules, headline=True) or _after_family(f, a)) and not _name_context(f, a, e, rules):
                        continue
                    take(a, k, e, aid, "discovered" if aid.startswith("discovered:") else "alias", lab)
        # R4: role phrases that introduced a person in the text
        removed: set[int] = set()
        if phrases:
            if occ is None:
                occ = _occupied(f, ms)
            _role_references(f, ms, added, occ, phrases, 0 if pi != text_i else None, rules, take, removed)
        # R5: الرئيس السابق → the former holder named in the article
        if day is not None and m.offices and f.word_gates & FORMER_GATE and (hits := _former_hits(f)):
            if occ is None:
                occ = _occupied(f, ms)
            _former_holders(f, hits, occ, named, m, rules, day, take)
        if added:
            ms = sorted([o for o in ms if id(o) not in removed] + added, key=lambda o: o.s)
        out.append(ms)
    _son_of_short_forms(parts, persons, m)
    return out


_SON_WORDS = ("بن", "ابن")


def _son_of_short_forms(parts: list, persons: list, m) -> None:
    """R6 (thirty-fourth session; in place): a discovered "بن X" / "ابن X" (names N18: وأكد بن معمر) is the one
    person of the article whose name of three words or more ends in بن/ابن X (فيصل بن معمر، عبد الإله ابن كيران)."""
    ends: dict[str, set] = {}
    for pj, o in persons:
        words = parts[pj][1].x[o.s + o.plen : o.e].split(" ")
        if len(words) >= 3 and words[-2] in _SON_WORDS:
            lab = o.label_ar if o.kind == "discovered" else m.info[o.actor_id][0]
            ends.setdefault(words[-1], set()).add((o.actor_id, o.kind, lab))
    if not ends:
        return
    for _fld, f, ms in parts:
        for o in ms:
            if o.kind != "discovered" or o.typ != "person":
                continue
            words = f.x[o.s + o.plen : o.e].split(" ")
            if len(words) == 2 and words[0] in _SON_WORDS and len(cands := ends.get(words[1], ())) == 1:
                aid, kind, lab = next(iter(cands))
                o.actor_id, o.label_ar = aid, lab
                o.kind = "discovered" if kind == "discovered" else "alias"


#: R4: the governor of a Saudi region (أمير منطقة عسير، أمير تبوك) is "the emir of the region" later on.
_EMIR, _REGION = norm_word("أمير"), norm_word("منطقة")
_EMIR_REGION = _EMIR + " " + norm_word("المنطقة")
#: Mentions a role phrase takes in when it stands for a person (CONVENTIONS D5: one title mention, no nisba and no
#: name inside it: [أمير منطقة القصيم], [رئيس المجلس الأعلى للقضاء]).
_INNER_TYPES = frozenset(["organization", "group", "media", "location", "country"])


def _role_references(f, ms: list, added: list, occ: bytearray, phrases: dict, start, rules: Rules, take, removed: set) -> None:
    """R4 in one field: each form of ``phrases`` (``_introductions``, longest first) where it stands alone after its
    introduction (``start``: 0 in the headline, else None for the introduction's own position): not after a role word
    (نائب المفوض العام، سفير …) or right after a person's name (apposition), not before a name, a nisba or another role
    word (``_bare_role``); a head alone only after an honorific (فضيلة المفتي). The nisbas and names under it are
    dropped (their ids go to ``removed``)."""
    soft = [o for o in ms if o.kind == "nisba" or (o.typ in _INNER_TYPES and o.kind != "title")]
    soft_ids = {id(o) for o in soft}
    hard = _occupied(f, [o for o in ms if id(o) not in soft_ids] + added)
    person_ends = {f.tok_index(o.e - 1) for o in chain(ms, added) if o.typ == "person"}
    person_starts = {f.tok_index(o.s) for o in chain(ms, added) if o.typ == "person"}
    for key, (intro_end, aid, lab, need_honorific, cont) in phrases.items():
        art = key.startswith("ال")
        form = key[2:] if art else key
        for a, k, e in f.free_occurrences(form, _ART_PREFIX_RE if art else CLITIC_RE, hard,
                                          intro_end if start is None else start):
            if not art and f.x[a:k].endswith(("ال", "لل")):
                continue
            inside = [o for o in soft if o.s < e and a < o.e and id(o) not in removed]
            if any(o.s < a or o.e > e for o in inside):
                continue  # a name that runs on past the phrase
            i = f.tok_index(a)
            if i > 0 and (i - 1) in person_ends and _joined(f, i):
                continue  # جاويش أوغلو، وزير الخارجية التركي: the name's apposition (matcher D5), no mention of its own
            j = f.tok_index(e - 1) + 1
            if j < len(f.starts) and _joined(f, j) and _holder_follows(f, j, person_starts, cont, rules):
                continue
            p = _prev_word(f, a)
            if p is not None and p[NAME_CLITICS_RE.match(p).end() :].removesuffix("ا") in _EMBEDDING:
                continue  # سفير المفوض العام، منصب وزير الخارجية: another person's role, or the office itself
            if any(w in rules.given_names for w in f.prev_words(i, 2)):
                continue  # قال معتصم الأحمد محلل أسواق المال: the apposition of a name the matcher did not find
            if need_honorific and not _honorific_before(f, a):
                continue
            if not _bare_role(f, a, e, rules, occ):
                continue
            removed.update(id(o) for o in inside)
            hard[a:e] = b"\x01" * (e - a)
            take(a, k, e, aid, "title", lab)


def _joined(f, i: int) -> bool:
    """Token i follows token i-1 with only spaces, quote marks, a comma or a dash between."""
    return all(c in _SEPARATORS or c.isspace() for c in f.norm[f.ends[i - 1] : f.starts[i]])


def _holder_follows(f, j: int, person_starts: set, cont: frozenset, rules: Rules) -> bool:
    """What follows a role phrase at token j makes it the role of a name, or a longer phrase: the phrase it was cut
    from goes on (خادم الحرمين | الشريفين), a complement with لـ (الرئيس التنفيذي | للعمليات), بالوكالة/المكلف, or
    a name after a comma, a dash or quote marks and honorifics (زعيم التمرد، عبدالملك الحوثي; قائد المنطقة، اللواء …)."""
    w = f.word(j)
    if w in cont or w.startswith("لل") or _bare(w) in _ACTING or w in _ACTING:
        return True
    if f.norm[f.ends[j - 1] : f.starts[j]].strip() in ("«", "“", '"'):
        return True  # المدرب الروماني «بولوني»: a name in quotes
    t = j
    while t < len(f.starts) and t - j < 4 and (t == j or _joined(f, t)) and _bare(f.word(t)) in _HONORIFICS_RANKS:
        t += 1
    return t < len(f.starts) and (t == j or _joined(f, t)) and (t in person_starts or f.word(t) in rules.given_names)


def _after_family(f, a: int) -> bool:
    """After عائلة/أسرة or آل (عزاء آل الجفالي): the family, not the person."""
    p = _prev_word(f, a)
    return p is not None and (p in FAMILY_HEADS or _bare(p) in FAMILY_HEADS or p in ("ال", "وال"))


def _plain(sf: str, rules: Rules, *, headline: bool = False) -> bool:
    if sf.startswith("ال "):
        return True  # آل الشيخ: the family unless a title precedes
    """A short form that is also a word of the frequency lists (نظيف "clean"): linked only in a name context.
    In a headline a definite form counts as a word only when it is a common noun itself (الشدادي is linked
    there although SaudiNewsNet has شدادي with the article; in the text, before the full name, it is not)."""
    if headline and sf.startswith("ال") and len(sf) > 4:
        return sf in rules.definite_nouns or sf in rules.frequent_words or sf in rules.common_words
    b = sf[2:] if sf.startswith("ال") and len(sf) > 4 else sf
    return any(w in rules.frequent_words or w in rules.definite_stems or w in rules.definite_nouns or w in rules.common_words
               for w in (sf, b))


def _bare_role(f, a: int, e: int, rules: Rules, occ: bytearray) -> bool:
    """A role phrase at [a, e) that stands alone: no mention (a name, a nisba), honorific, name word or further role
    word right after it, no role word right before it (نائب رئيس الوزراء)."""
    n = _next_word(f, e)
    if n is not None:
        j = f.tok_index(e - 1) + 1
        if 1 in occ[f.starts[j] : f.ends[j]]:
            return False  # الرئيس الأسبق حسني مبارك، رئيس الوزراء الإسرائيلي
        nb = _bare(n, rules.titles)
        if (n in rules.title_complements or nb in rules.titles or nb in _HONORIFICS or n in rules.given_names
                or n in rules.connectors or n.startswith("ال") and n.endswith(("ي", "يه")) and len(n) > 4):
            return False
    p = _prev_word(f, a)
    return p is None or not (_bare(p, rules.titles) in rules.titles or p in rules.title_complements)


def _ends_phrase(f, e: int, rules: Rules) -> bool:
    """R5: what follows the phrase is no name: the end of the field or a clause (not a comma: الرئيس السابق، رونالد
    ريجان), a word with و/ف (وابنه) or a plain word of the lists (not أنور السادات)."""
    rest = f.norm[e : e + 3].lstrip(" ")
    if not rest or rest[0] in ".:؛;)»\"”\n":
        return True
    j = f.tok_index(e - 1) + 1
    if j >= len(f.starts) or not f.adjacent(j):
        return False
    n = f.word(j)
    if n == "علي" or n in rules.given_names:
        return False  # للرئيس اليمني السابق علي صالح
    return (n[0] in "وف" and len(n) > 3 or n in rules.stopwords or n in rules.frequent_words or n in rules.common_words
            or n in rules.reporting_verbs or n in rules.definite_nouns)


def _introductions(f, ms, m, rules: Rules, *, also: str = "") -> dict[str, tuple[int, str, str, bool, frozenset]]:
    """``{form: (where the form may first link, actor_id, label_ar, needs an honorific, the words that followed it
    in the phrases it was cut from)}`` (R4), longest form first:
    the forms (``_phrase_keys``) of the role phrases that introduce a person in the text — right before the name
    (المفوض العام للأونروا بيير كرينبول), in apposition after it (سلطان بن عاطي القرشي مدير إدارة المشاريع), or an
    office phrase of offices.csv resolved to its holder (فضيلة مفتي الديار المصرية). A form that two different
    persons' phrases give (two ministers: الوزير، وزير الخارجية) is left out. ``also``: the article's other fields
    (the headline), where the forms link too.

    Every form holds the stem of its phrase's head (وزير in الوزير التركي): a phrase whose head's stem occurs only once
    in the article can give no form that links, nor make one ambiguous, and is not read (most are not)."""
    persons, others, countries = [], [], set()
    for o in ms:  # one pass over the field's mentions (most fields: no role phrase at all)
        typ = o.typ
        if typ == "person":
            persons.append(o)
        elif typ in _INNER_TYPES or o.kind == "nisba":
            others.append(o)
            if typ == "country" or o.kind == "metonym":
                countries.add(m.metonym_of.get(o.actor_id) if o.kind == "metonym" else o.actor_id)
    if not persons:
        return {}
    tok_at = f._tok_at
    person_starts = {tok_at[o.s] for o in persons}
    occ_by_tok = {}
    for o in others:
        for t in range(tok_at[o.s], tok_at[o.e - 1] + 1):
            occ_by_tok[t] = o
    found: dict[str, tuple[int, str, str, bool, frozenset]] = {}
    ambiguous: set[str] = set()
    continuations: dict[str, set] = {}  # form -> the words after it in the phrases it was cut from

    seen = set()

    def register(h: int, k: int, end: int, aid: str, lab: str) -> None:
        words = [_role_bare(f.word(h), rules)] + [f.word(t) for t in range(h + 1, k)]
        # a prefix of n words ends at a word boundary of the names inside (رئيس مجلس | الشورى: not within one)
        cuts = [occ_by_tok.get(h + n - 1) is None or occ_by_tok.get(h + n - 1) is not occ_by_tok.get(h + n)
                for n in range(len(words) + 1)]
        if (aid, *words, *cuts) in seen:
            return  # (the same phrase for the same person again: its first place counts)
        seen.add((aid, *words, *cuts))
        for n in range(2, len(words)):
            continuations.setdefault(" ".join(words[:n]), set()).add(words[n])
        own = next((m.nisba_heads[w] for w in words[1:] if w in m.nisba_heads), None)
        keys = _phrase_keys(words, cuts, m, rules, other_countries=bool(countries - {own, None}))
        if words[0] == _EMIR and len(words) >= 2 and (
                words[1] == _REGION or getattr(occ_by_tok.get(h + 1), "typ", None) == "location"):
            keys.append((_EMIR_REGION, False))  # أمير منطقة عسير، أمير تبوك → سمو أمير المنطقة (tenth session)
        for key, need in keys:
            old = found.get(key)
            if old is None:
                found[key] = (end, aid, lab, need)
            elif old[1] != aid:
                ambiguous.add(key)
            elif old[3] and not need:
                found[key] = (old[0], aid, lab, False)

    forms = _role_forms(rules.role_words)
    roles = forms.keys()
    adj, starts, ends, x, n_tok = f._adj, f.starts, f.ends, f.x, len(f.starts)
    repeats: dict[str, bool] = {}

    def repeated(words, *, roles_only: bool = True) -> bool:
        """One of these words (its role words only, with ``roles_only``) has its stem twice in the article (a substring
        count: never too low)."""
        for w in words:
            if w in forms:
                stem = _role_stem(forms[w])
            elif roles_only:
                continue
            else:  # (a preposition cut off even where it is a letter of the word: a shorter stem only counts more)
                b = _bare(w, rules.titles)
                stem = _role_stem(b[1:] if len(b) > 3 and b[0] in "بلك" else b)
            if stem not in repeats:
                repeats[stem] = x.count(stem) + also.count(stem) > 1
            if repeats[stem]:
                return True
        return False

    for o in persons:
        kind = o.kind
        if kind != "discovered" and o.actor_id not in m.info:
            continue
        if kind == "title":
            if (o.actor_id, x[o.s + o.plen : o.e]) not in seen:  # (an office named again: its first place counts)
                seen.add((o.actor_id, x[o.s + o.plen : o.e]))
                h = tok_at[o.s]
                if repeated((x[starts[h] : ends[h]],), roles_only=False):
                    register(h, tok_at[o.e - 1] + 1, o.e, o.actor_id, _label(o, m))
            continue
        if kind not in _NAME_KINDS:
            continue
        i = tok_at[o.s]
        spans = []
        # (a role word among the 10 words before the name, else no phrase: most mentions have none)
        window = x[starts[max(0, i - 10)] : starts[i]].split() if i > 0 and adj[i] == 1 else ()
        if window and not roles.isdisjoint(window) and repeated(window):
            span = _role_phrase(f, i, occ_by_tok, rules)
            if span is not None:
                spans.append((*span, o.e))
        j = tok_at[o.e - 1] + 1
        if j < n_tok and x[starts[j] : ends[j]] in roles and repeated((x[starts[j] : ends[j]],)):
            span = _apposition(f, o, occ_by_tok, person_starts, rules)
            if span is not None:
                spans.append((*span, ends[span[1] - 1]))
        if spans and (kind != "discovered" or _plain_name(o.label_ar or "", rules)):
            for h, k, end in spans:
                register(h, k, end, o.actor_id, _label(o, m))
    # the offices of the codebook persons named in the field count as their introductions for the check (وزير
    # الخارجيةعادل الجبير, glued, is still the Saudi minister: وزير الخارجية is not only Qatar's minister named later)
    if found and m.person_offices:
        by_head: dict[str, list] = {}  # the forms by their head's stem: a phrase is compared with those of its head only
        for key, v in found.items():
            by_head.setdefault(_role_stem(key.split(" ", 1)[0]), []).append((key, v))
        for aid in {o.actor_id for o in persons if o.actor_id in m.person_offices}:
            for phrase in m.person_offices[aid]:
                pw = phrase.split(" ")
                for key, v in by_head.get(_role_stem(pw[0]), ()):
                    if v[1] != aid and key not in ambiguous and _office_claims(pw, key.split(" "), v[3]):
                        ambiguous.add(key)
    for key in ambiguous:
        found.pop(key, None)
    return {key: (*v, frozenset(continuations.get(key, ()))) for key, v in sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0]))}


def _label(o, m) -> str:
    """A person mention's label_ar (a discovered one's own, else the codebook's)."""
    return o.label_ar if o.kind == "discovered" else m.info[o.actor_id][0]


def _plain_name(name: str, rules: Rules) -> bool:
    """A discovered name that may introduce a role phrase: two words or more, none after the first a role word or a
    rank unless after بن/آل (one word or a role inside is too often a misreading: يتفقد، بكر الشهري مساعد، … الرائد
    محماس …)."""
    ws = name.split(" ")
    return len(ws) > 1 and not any(
        ws[n - 1] not in NAME_LINKS and (_is_role(w, rules) or _role_stem(w) in rules.role_words or w in _EMBEDDING)
        for n, w in enumerate(ws) if n)


def _office_claims(pw: list[str], kw: list[str], head_only: bool) -> bool:
    """An office phrase (words ``pw``) gives the form ``kw`` too: the form is the phrase or a prefix of it, or the
    head alone or with a nisba of the phrase (وزير الخارجية السعودي → وزير الخارجية، الوزير، الوزير السعودي)."""
    if _role_stem(pw[0]) != _role_stem(kw[0]):
        return False
    if head_only:
        return True
    return pw[1 : len(kw)] == kw[1:] or (len(kw) == 2 and kw[0].startswith("ال") and kw[1] in pw[1:])


def _honorific_before(f, a: int) -> bool:
    """An honorific of ``_REF_HONORIFICS`` right before the token at ``a`` (فضيلة، ولمعالي)."""
    p = _prev_word(f, a)
    if p is None:
        return False
    mt = NAME_CLITICS_RE.match(p)
    return p[mt.end() :] in _REF_HONORIFICS or p in _REF_HONORIFICS


def _former_holders(f, hits: list[re.Match], occ: bytearray, named: list, m, rules: Rules, day, take) -> None:
    """R5: a title word, an optional nisba and السابق/الأسبق/المخلوع, bare, → the one person named in the article
    who held an office of that head word that ended before ``day``."""
    for hit in hits:  # (_former_hits of the field, found once by the caller)
        i = f.tok_index(hit.start())
        if i < 1 or not f.adjacent(i):
            continue
        h = i - 1
        if not f.word(h).startswith(("ال", "لل")) or _bare(f.word(h), rules.titles) not in rules.titles:
            if h > 0 and f.adjacent(h) and f.word(h).endswith("ي") and _bare(f.word(h - 1), rules.titles) in rules.titles:
                h -= 1  # الرئيس اليمني السابق
            else:
                continue
        a, e = f.starts[h], f.ends[i]
        if 1 in occ[a:e] or not _bare_role(f, a, e, rules, occ) or not _ends_phrase(f, e, rules):
            continue
        head = _bare(f.word(h), rules.titles)
        # the terms of the offices whose phrase starts with the head word, read once (not once per person named)
        head_terms = [terms for phrase, terms in m.offices.items() if phrase.split(" ", 1)[0] == head]
        cands = [aid for aid in named
                 if any(t[2] == aid and t[4] is not None and t[4] < day for terms in head_terms for t in terms)]
        if len(cands) == 1:
            pre = f.x[a : a + len(f.word(h)) - len(head)]
            take(a, a + len(pre), e, cands[0], "title", m.info[cands[0]][0])
