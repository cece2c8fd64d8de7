"""References to persons within one article, across its title and text: a second pass over both fields.

Called by ``analysis.actors.matcher.extract_mentions`` once per article (discovery on), after each field was
matched on its own and before offsets are mapped back to the original text (mentions in normalised
coordinates). The matcher already links a person's short form to the full name seen EARLIER IN THE SAME FIELD
(``matcher._link_short_forms``: مملوك → علي المملوك); this pass adds, from the persons named in full anywhere in
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
R4  a role phrase that introduced a person right before the name (المفوض العام للأونروا بيير كرينبول، لرئيس
    الوزراء جون كي) stands for that person when it recurs bare later (وأضاف المفوض العام: …، عن رئيس الوزراء قوله):
    two words or more, one person only per phrase in the article, not before a name or another word of a role
    phrase, not after a role word (نائب رئيس الوزراء is someone else); match_kind ``title`` (GUIDELINES via=title);
R5  a bare former-office phrase (الرئيس السابق، الرئيس الأسبق، الرئيس المخلوع, a nisba may stand between) stands
    for the one codebook person named in the article who held an office of that head (offices.csv: الرئيس
    اليمني …) that ended before the article's date (القرار يطول الرئيس السابق → Ali Abdullah Saleh).

Single title words (الأمير، الملك، الرئيس) are not linked: in the annotated sets they mostly stand in a role
phrase of someone else (مستشار جلالة الملك) or before a name, and annotators rarely mark them bare.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from analysis.actors.rules import Rules, norm_word, strip_clitics

_SHORT_PREFIX_RE = re.compile(r"(?:[وف]?[بلك]?)(?:ال|لل)?")
_CONJ_PREFIX_RE = re.compile(r"[وف]?")
_ART_PREFIX_RE = re.compile(r"(?:[وف]?[بلك]?)(?:ال|لل)")
#: Adjectives that make an office phrase a former one (R5).
FORMER_ADJECTIVES = frozenset(norm_word(w) for w in ["السابق", "الأسبق", "المخلوع", "السابقة", "الأسبقة"])
_FORMER_RE = re.compile(r"(?<= )(?:%s)(?= |$)" % "|".join(sorted(FORMER_ADJECTIVES)))
#: The adjectives that contain no other one (السابق for السابقة too): a field holds a match of _FORMER_RE only when
#: one of them occurs in it, which ``in`` tells far faster than the regex with its look-behind (R5's gate).
_FORMER_CORES = tuple(sorted(w for w in FORMER_ADJECTIVES if not any(v != w and v in w for v in FORMER_ADJECTIVES)))
#: Honorifics between a role phrase and the name (صاحب السمو الملكي الأمير، الدكتور): skipped, not part of the phrase.
_HONORIFICS = frozenset(norm_word(w) for w in [
    "الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "المهندسة",
    "الأستاذ", "الأستاذة", "صاحب", "صاحبة", "السمو", "الملكي", "الملكية", "سمو", "معالي", "فضيلة", "سعادة", "فخامة"])
_NAME_KINDS = ("name", "alias", "discovered")
#: Words before a family name that make it the family, not the person (عائلة دوابشة، أسرة الجنيد).
FAMILY_HEADS = frozenset(norm_word(w) for w in ["عائلة", "أسرة", "عائلات", "أسر", "قبيلة", "لعائلة", "لأسرة", "بعائلة", "بأسرة"])


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


def _role_phrase(f, i: int, occ_by_tok: dict, rules: Rules) -> tuple[int, int] | None:
    """Token range [h, k) of the role phrase right before token i (a person's first token), honorifics between
    left out: the words back from the name while they are titles, role complements, definite nouns (المفوض،
    للاجئين) or covered by a place, country or organisation mention (للأونروا). None when it has no title or
    complement, or is one word."""
    k = i
    while k > 0 and f.adjacent(k) and _bare(f.word(k - 1)) in _HONORIFICS and i - k < 4:
        k -= 1
    h = k
    while h > 0 and f.adjacent(h) and k - h < 6:
        w = f.word(h - 1)
        b = _bare(w, rules.titles)
        if (w in rules.title_complements or b in rules.title_complements or b in rules.titles or (h - 1) in occ_by_tok
                or b.startswith("ال") and len(b) > 4 and b not in rules.stopwords and b not in rules.reporting_verbs):
            h -= 1  # المفوض العام للاجئين: titles, complements, names and definite nouns (genitives) of the phrase
            continue
        break
    while h < k and _bare(f.word(h)) in _HONORIFICS:
        h += 1  # معالي رئيس مجلس الشورى: the phrase starts at the role
    if k - h < 2 or not any(_bare(f.word(t), rules.titles) in rules.titles or f.word(t) in rules.title_complements
                            or _bare(f.word(t)) in rules.title_complements for t in range(h, k)):
        return None
    return h, k


def link_references(parts: list, *, m, rules: Rules, day, short_forms: Callable, new: Callable,
                    title_phrases: bool = False) -> list[list]:
    """The mentions of one article's fields with the references R1-R5 added.

    parts        ``[(field, f, ms), ...]``: "title" or "text", the matcher's normalised field, its mentions
                 (normalised offsets, sorted by start).
    m            the matcher (``info``: actor_id -> (label_ar, label_en, type, subtype); ``offices``).
    day          the article's local publication date (or None): R5 needs it.
    short_forms  ``matcher._short_forms``; new: ``matcher._new`` (makes a discovered mention, then retyped here).
    title_phrases  also apply R4 (off in the default extraction: see the module docstring).
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
    if not persons and not named:
        return [ms for _fld, _f, ms in parts]
    text_i = next((pi for pi, p in enumerate(parts) if p[0] == "text"), None)
    shorts: dict[int, dict] = {}  # part index -> short_forms(...) (the text's serve the title too)

    def shorts_of(pi):
        if pi not in shorts:
            shorts[pi] = short_forms(parts[pi][1], parts[pi][2], m, rules)
        return shorts[pi]

    phrases = _introductions(parts[text_i][1], parts[text_i][2], m, rules) if title_phrases and text_i is not None else {}
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
                    for a, k, e in f.free_occurrences(last, _SHORT_PREFIX_RE, occ):
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
            for sf, (first_end, aid, lab) in own.items():
                for a, k, e in f.free_occurrences(sf, _SHORT_PREFIX_RE, occ):
                    if a >= first_end:
                        break  # after the full name: matcher._link_short_forms has taken what it could
                    weak = fld != "title" and aid.startswith("discovered:")  # before a discovered name: a context
                    if (weak or _plain(sf, rules, headline=fld == "title") or _after_family(f, a)) and not _name_context(f, a, e, rules):
                        continue
                    take(a, k, e, aid, "discovered" if aid.startswith("discovered:") else "alias", lab)
            for sf, (_end, aid, lab) in other.items():
                if sf in own:
                    continue
                for a, k, e in f.free_occurrences(sf, _SHORT_PREFIX_RE, occ):
                    if (_plain(sf, rules, headline=True) or _after_family(f, a)) and not _name_context(f, a, e, rules):
                        continue
                    take(a, k, e, aid, "discovered" if aid.startswith("discovered:") else "alias", lab)
        # R4: role phrases that introduced a person in the text
        if phrases:
            if occ is None:
                occ = _occupied(f, ms)
            for key, (intro_end, aid, lab) in phrases.items():
                art = key.startswith("ال")
                form = key[2:] if art else key
                start = intro_end if pi == text_i else 0
                for a, k, e in f.free_occurrences(form, _ART_PREFIX_RE if art else _SHORT_PREFIX_RE, occ, start):
                    if not art and f.x[a:k].endswith(("ال", "لل")):
                        continue
                    if _bare_role(f, a, e, rules, occ):
                        take(a, k, e, aid, "title", lab)
        # R5: الرئيس السابق → the former holder named in the article
        if day is not None and m.offices and any(w in f.x for w in _FORMER_CORES) and _FORMER_RE.search(f.x):
            if occ is None:
                occ = _occupied(f, ms)
            _former_holders(f, occ, named, m, rules, day, take)
        if added:
            ms = sorted(ms + added, key=lambda o: o.s)
        out.append(ms)
    return out


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


def _introductions(f, ms, m, rules: Rules) -> dict[str, tuple[int, str, str]]:
    """``{phrase key: (end of the introducing name, actor_id, label_ar)}`` (R4): the role phrases right before a
    person's name in the text and their prefixes of two words or more; a phrase before two different persons, or
    one that names an office of offices.csv (resolved by date instead), is left out."""
    occ_by_tok = {}
    for o in ms:
        if o.typ in ("organization", "country", "location", "group", "media") or o.kind == "nisba":
            for t in f.token_range(o.s, o.e):
                occ_by_tok[t] = o
    found: dict[str, tuple[int, str, str]] = {}
    ambiguous: set[str] = set()
    for o in ms:
        if o.typ != "person" or o.kind not in _NAME_KINDS or (o.kind != "discovered" and o.actor_id not in m.info):
            continue
        i = f.tok_index(o.s)
        span = _role_phrase(f, i, occ_by_tok, rules)
        if span is None:
            continue
        h, k = span
        words = [_bare(f.word(h), rules.titles)] + [f.word(t) for t in range(h + 1, k)]
        lab = o.label_ar if o.kind == "discovered" else m.info[o.actor_id][0]
        for n in range(2, len(words) + 1):
            if n < len(words) and occ_by_tok.get(h + n - 1) is not None and occ_by_tok.get(h + n - 1) is occ_by_tok.get(h + n):
                continue  # رئيس مجلس | الشورى: a prefix ends at a word boundary of the names inside, not within one
            key = " ".join(words[:n])
            if key in m.offices or ("ال" + key) in m.offices or key in rules.titles:
                continue
            old = found.get(key)
            if old is None:
                found[key] = (o.e, o.actor_id, lab)
            elif old[1] != o.actor_id:
                ambiguous.add(key)
    for key in ambiguous:
        del found[key]
    return found


def _former_holders(f, occ: bytearray, named: list, m, rules: Rules, day, take) -> None:
    """R5: a title word, an optional nisba and السابق/الأسبق/المخلوع, bare, → the one person named in the article
    who held an office of that head word that ended before ``day``."""
    for hit in _FORMER_RE.finditer(f.x):
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
