"""The grammar of Arabic time expressions: one compiled regex over normalised text, built from the word lists.

Each alternative of the master pattern is a named *construct* (``cal``, ``relu``, ``qty``, ...); the
resolver (:mod:`analysis.timex.resolve`) turns a match of a construct into a TIMEX3 value. The pattern runs
over the normalised text (see :mod:`analysis.timex.lexicon`); clitics glued to the first word (و ف ب ل ك)
are allowed and the span is later widened to whole tokens in the original text.

Constructs are tried in order at each position (Python's alternation is ordered), so composite forms come
first: "الخميس 15 أغسطس" is one date, not a weekday followed by a date.

The tagger does not run the master pattern itself: :func:`find_matches` gives the same matches faster, trying
the constructs only at candidate positions and, there, only those that can start with the word found.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.timex.first_words import first_keys, key_at
from analysis.timex.lexicon import Lexicon, lexicon

#: the article, or the bare ل after a glued ل (للعام = ل + لعام)
AL = r"(?:ال|(?<=ل)ل)"
S = r"\s+"
END = r"(?!\w)"


def _trie(words: list[str]) -> str:
    """A compact alternation for ``words`` (a regex trie), so that the engine never rescans shared prefixes."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        leaf = False
        for ch in sorted(node):
            if ch == "":
                leaf = True
                continue
            esc = r"\s+" if ch == " " else re.escape(ch)
            alts.append(esc + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if leaf:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


def _w(lex: Lexicon, *roles: str, exclude: tuple[str, ...] = ()) -> str:
    words = [w for w in lex.words(*roles) if w not in exclude]
    return _trie(words) + END


@lru_cache(maxsize=1)
def master_pattern() -> re.Pattern:
    """The compiled master regex (cached per process)."""
    return _build(lead_check=True)


@lru_cache(maxsize=1)
def construct_patterns() -> dict[str, str]:
    """Construct name → its regex source (over normalised text, after the clitics), in the order they are tried."""
    lex = lexicon()
    MON1 = _w(lex, "month_g", "month_h")
    MON_TAIL = rf"(?:\s*[(/-]?\s*{MON1}(?:\s*\))?)?(?:{S}(?:المبارك|الكريم|المعظم){END})?"
    MON = rf"(?:شهر{S})?{MON1}{MON_TAIL}"
    # month names that are also ordinary words or names (إب the city, صفر zero, رمضان a first name, ...) count
    # only with a day, شهر, a year, a direction, a modifier or preposition, or a second month name
    amb = {"اب", "صفر", "ماي", "جوان", "رجب", "شعبان", "رمضان", "محرم"}
    months_all = lex.words("month_g", "month_h")
    SAFE = _trie([w for w in months_all if w not in amb]) + END
    AMB = _trie(sorted(amb & set(months_all))) + END
    REL0 = _w(lex, "rel")
    CTX = rf"(?=\s*[(/]|{S}(?:\d|{MON1}|(?:المبارك|الكريم|المعظم|{REL0}){END}|(?:من{S})?(?:ال|[لب])?(?:عام|سنه){END}))"
    MON_CTX = rf"(?:شهر{S}{MON1}|{SAFE}|{AMB}{CTX}){MON_TAIL}"
    CARD = _w(lex, "cardinal")
    ORD = _w(lex, "ordinal")
    ORDL = _w(lex, "ordinal", "last")
    MONNUM = rf"(?:{AL}?شهر{S}(?:\d{{1,2}}(?!\d)|{CARD})|{AL}شهر{S}{ORD})"
    ERA = _w(lex, "era")
    YEARNUM = rf"\(?\s*\d{{4}}(?!\d)(?:\s*\))?(?:\s*{ERA})?"
    YEARPH = rf"(?:(?:من|في){S})?(?:[لب]?(?:ال)?(?:عام|سنه)\s*)?{YEARNUM}"
    REL = _w(lex, "rel")
    RELYEAR = rf"(?:من{S})?(?:{AL}?(?:عام|سنه){S}{REL}|هذ[اه]{S}{AL}(?:عام|سنه))"
    YEARTAIL = rf"(?:\s*[،,/]?\s*{YEARPH}|{S}{RELYEAR}|{S}{REL})?"
    DAYN = rf"(?:\d{{1,2}}(?!\d)|{ORD})"
    DAYRANGE = rf"{DAYN}(?:\s*(?:[-–—]|الي|حتي|وحتي|و)\s*{DAYN})?"
    PRE = rf"(?:{_w(lex, 'prep', 'mod', 'cmp')}{S}){{0,3}}"
    MODPRE = rf"(?:{_w(lex, 'prep', 'cmp')}{S}){{0,2}}{_w(lex, 'mod')}{S}"
    WD = _w(lex, "weekday")
    WDB = _w(lex, "weekday_bare")
    THIS = _w(lex, "this")
    UNIT_SG_DEF = r"(?:اسبوع|شهر|عام|سنه|عقد|قرن)" + END
    UNITS = [w for w in lex.words("unit")]
    UNIT = _trie(UNITS) + END
    roles = lex.roles_of
    UNIT_DU = _trie([w for w in UNITS if any(r == "unit" and v[1] == 2 for r, v in roles[w])]) + END
    UNIT_SG = _trie([w for w in UNITS if any(r == "unit" and v[1] == 1 for r, v in roles[w]) and w not in ("ثانيه", "لحظه", "ربع")]) + END
    UNIT_PL = _trie([w for w in UNITS if any(r == "unit" and v[1] == 0 for r, v in roles[w])]) + END
    QTY = rf"(?:\d+(?:[.,]\d+)?|{CARD}(?:{S}و\s*{CARD})?|{_w(lex, 'few')})"
    TOD = _w(lex, "tod")
    TODADV = _w(lex, "todadv")
    DEIC = _w(lex, "deictic")
    CLOCK = (
        rf"(?:(?:عند|حوالي|بحدود|قرابه|نحو){S})?"
        rf"(?:{AL}?ساعه{S}(?:(?:ال\s*)?\d{{1,2}}(?:[:.,]\d{{2}})?(?!\d)|{ORD}|{CARD})|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|{ORD}(?=\s+(?:{TODADV}|و\s*(?:ربعا?|نصف|ثلث|النصف|الربع|\d|{CARD}{S}دقيقه)|الا{S})))"
        rf"(?:\s*(?:و\s*|الا{S})(?:\d{{1,2}}{S}دقيقه|{CARD}(?:{S}و\s*{CARD})?(?:{S}دقيقه)?|ربعا?|نصف|ثلث|النصف|الربع){END})?"
        rf"(?:{S}(?:{TODADV}|هذا{S}الصباح|هذه{S}الليله|بتوقيت{S}\w+(?:{S}المكرمه)?|ت{S}?م{END}))?"
    )
    PREP = _w(lex, "prep")
    CMP = _w(lex, "cmp")

    constructs = {
        # n-th weekday / week / day / quarter of a month or year: اخر اثنين من شهر اذار، الربع الأخير من العام الجاري
        "nth": (
            rf"(?:{ORDL}{S}(?:يوم{S})?(?:{WD}|{WDB})|(?:يوم{S})?{WD}{S}{ORDL}"
            rf"|{AL}?(?:يوم|اسبوع|ربع|نصف){S}{ORDL}|{ORDL}{S}(?:يوم|اسبوع|ربع|نصف){END})"
            rf"\s*(?:من{S}|في{S}|ب)"
            rf"(?:{MON}|{MONNUM}|{AL}(?:شهر|عام|سنه){S}{REL}|{THIS}{S}{AL}(?:شهر|عام|سنه){END}|{AL}?(?:عام|سنه)\s*{YEARNUM})"
            rf"{YEARTAIL}"
        ),
        # month name first, then a day range: تموز 13 الى 15
        "monrange": rf"{MON}{S}\d{{1,2}}\s*(?:-|الي)\s*\d{{1,2}}(?!\d)(?:\s*[،,]?\s*{YEARPH})?",
        # a range of two days with their months: من 13 تموز الى 15 تموز
        "calrange": rf"(?:من{S})?{DAYN}{S}{MON}\s*(?:-|الي|حتي|وحتي){S}{DAYN}{S}{MON}{YEARTAIL}",
        # a month name followed by the numeric date in brackets: شباط ( 28 / 2 / 1945 )
        "monparen": rf"{MON}\s*/?\s*\(\s*\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*(?:\d{{4}}|\d{{2}})\s*\)",
        # calendar dates with a month name: 5 أغسطس 2015، الخامس من أغسطس، أواخر آذار 2013، أغسطس من العام الماضي
        "cal": (
            rf"(?:{PRE}(?:(?:يوم{S})?{WD}\s*[،,]?\s*(?:(?:الموافق|في){S})?)?"
            rf"(?:(?:يوم{S})?{DAYRANGE}\s*(?:من{S}|/\s*)?{MON}|{MON_CTX})"
            rf"|(?:{_w(lex, 'prep', 'mod', 'cmp')}{S}){{1,3}}{MON}|(?<=في )(?:شهر{S})?{MON1}{MON_TAIL}){YEARTAIL}"
        ),
        # month given as a number, after a day or a modifier: الاول من شهر 3، بداية شهر 3
        "calnum": rf"(?:{PRE}{DAYRANGE}{S}(?:من{S})?|{MODPRE}){MONNUM}{YEARTAIL}",
        # numeric dates: 5/8/2015، 2015-08-05، ( 15 / 1 / 1959 )، 2/2013
        "num": (
            rf"(?:(?:يوم{S})?{WD}\s*[،,]?\s*(?:الموافق{S})?)?"
            rf"(?:بتاريخ\s*:?\s*)?\(?\s*(?:\d{{1,2}}\s*(?P<sep>[/.-])\s*\d{{1,2}}(?:\s*(?P=sep)\s*\d{{1,2}})?\s*(?P=sep)\s*"
            rf"(?:\d{{4}}|\d{{2}}|\(\s*\d{{4}}\s*\))(?![\d.,])"
            rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}\s*/\s*\d{{1,2}}\s*/\s*\d{{1,2}}(?![\d.,])|\d{{1,2}}\s*/\s*\d{{4}}(?![\d/]))"
            rf"(?:\s*\))?(?:\s*{ERA})?"
        ),
        "hol": rf"{_w(lex, 'holiday')}(?:\s+(?:[لب]?(?:ال)?(?:عام|سنه)\s*)?\d{{4}}(?!\d)|{S}{REL})?",
        # a quarter named without its year: الربع الثاني (of the publication year, or the last one that began)
        "quarter": rf"{PRE}{AL}ربع{S}{ORDL}",
        # a unit with a direction: الشهر الماضي، نهاية العام، هذا الأسبوع، احد الاسبوع الماضي
        "relu": (
            rf"(?:{MODPRE}{AL}{UNIT_SG_DEF}(?:{S}{REL})?"
            rf"|{PRE}(?:(?:{WD}|{WDB}){S}(?:من{S})?)?(?:{AL}{UNIT_SG_DEF}{S}{REL}|{THIS}{S}{AL}{UNIT_SG_DEF}(?:{S}{REL})?))"
        ),
        # plural units with a direction: الأيام الخمسة الماضية، السنوات الأخيرة، خلال الساعات القادمة
        "plu": rf"{PRE}{AL}{UNIT_PL}{S}(?:{AL}\s*\d{{1,3}}{S}|{AL}{CARD}{S}|القليله{S})?(?:{REL}|الاخيره{END}|الاخيرين{END})",
        # years: عام 2014، العام 2002م، 1436هـ، أوائل سنة 2019، 1936 - 1939
        "year": (
            rf"{PRE}(?:(?:{AL}|[لب]ال|[لب])?(?:عام|سنه)\s*\(?\s*\d{{4}}(?!\d)(?:\s*\))?(?:\s*/\s*\d{{4}})?(?:\s*{ERA})?"
            rf"|\(?\s*\d{{4}}(?:\s*\))?\s*{ERA}|\d{{4}}\s*-\s*\d{{4}}(?![\d.,])"
            rf"|(?<![\d.,/:])(?:1[3-9]\d\d|20\d\d)(?![\d,/:%]|\.\d))"
        ),
        # days counted from publication: أمس، أول أمس، صباح اليوم، أمس الخميس، اليوم الذي بعد الغد
        "deic": (
            rf"(?:{TOD}{S})?(?:(?:يوم|اليوم){S}(?:الذي{S}|الي{S}|ال(?=قبل))?)?{DEIC}"
            rf"(?:{S}{WD})?(?:{S}{TODADV})?(?:{S}{CLOCK})?"
        ),
        # weekdays: الخميس، الخميس الماضي، يوم الجمعة، الاحد من الاسبوع الماضي، السبت السادس عشر
        "wd": (
            rf"(?:(?:{TOD}{S})?(?:(?:يوم|اليوم){S})?(?:{THIS}{S})?{WD}"
            rf"(?:{S}{ORD}(?:{S}(?:من|في){S}(?:{THIS}{S})?{AL}?شهر(?:{S}{REL})?)?"
            rf"|{S}(?:من{S})?(?:{THIS}{S})?{AL}?اسبوع(?:{S}{REL})?|{S}{REL})?"
            rf"|{WDB}{S}{AL}?اسبوع{S}{REL})"
            rf"(?:{S}{TODADV})?(?:{S}{CLOCK})?"
        ),
        "clock": CLOCK,
        # ages (durations, as TimeML and the gold write them): الثلاثين من العمر، 45 من عمره
        "age": (
            rf"{AL}?(?:\d{{1,3}}(?![\d.,])|{CARD}|{ORD})(?:{S}و\s*{AL}?(?:{CARD}|{ORD}))?"
            rf"{S}من{S}(?:ال)?عمر(?:ه|ها|هما|هم|ي)?{END}"
        ),
        # quantities of a unit: قبل يومين، قبل أقل من شهرين، خلال 5 سنوات، يوما واحدا، 26 عاما
        "qty": (
            rf"(?:(?:{PREP}{S})?(?:{CMP}{S})?(?:{QTY}{S}{UNIT}(?!\s*\(?\s*\d{{4}})|{UNIT_DU}|{UNIT_SG}{S}واحد[اه]?{END})"
            rf"|(?:قبل|منذ|خلال|في{S}غضون|لمده|بعد){S}(?:{CMP}{S})?(?:يوم|اسبوع|شهر|عام|سنه|ساعه){END}"
            # منذ سنوات (طويلة)، قبل أشهر: vague past; لسنوات، لساعات: a vague duration
            rf"|(?:قبل|منذ|خلال|طوال|علي{S}مدي){S}{UNIT_PL}(?:{S}(?:طويله|قليله|عديده|عده){END})?"
            rf"|(?<=ل){UNIT_PL}(?:{S}(?:طويله|عديده){END})?)"
        ),
        # decades: الثمانينات (من القرن الماضي)
        "decade": rf"{PRE}{_w(lex, 'decade')}(?:{S}من{S}القرن{S}(?:الماضي|العشرين|المنصرم){END})?",
        "vague": _w(lex, "vague"),
        # a part of the day on its own (التفجيرات التي وقعت صباحاً): the tagger dates it by the day named before
        "todbare": _trie(bare_tod_words(lex)) + END,
        "set": rf"(?:{_w(lex, 'set')}|كل{S}(?:{QTY}{S}{UNIT}|{UNIT_DU}))",
    }
    return constructs


#: the clitics glued to the first word (و ف, then ب ل ك); :func:`_after_clitics` follows the same order
CLITICS = r"(?:[وف]?[بلك]?)"


def _build(*, lead_check: bool) -> re.Pattern:
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in construct_patterns().items())
    return re.compile(rf"{_entry(lead_check=lead_check).pattern}{CLITICS}(?:{body})")


@lru_cache(maxsize=2)
def _entry(*, lead_check: bool) -> re.Pattern:
    """The start of the master pattern, before its clitics: no word character before, the gate and (with
    ``lead_check``) the lead-word check (:func:`_lead_check`)."""
    lex = lexicon()
    check = _lead_check(lex) if lead_check else ""
    return re.compile(rf"(?<!\w)(?={_gate(lex)}){check}")


@lru_cache(maxsize=1)
def _master_without_lead_check() -> re.Pattern:
    """The master pattern without :func:`_lead_check` (to choose the lead words, and to test the check)."""
    return _build(lead_check=False)


def _gate_words(lex: Lexicon) -> tuple[set[str], set[str]]:
    """(single first words, two-word starts) of every construct; see :func:`_gate`."""
    generic = {"في", "من", "علي", "ما", "احد", "هذا", "هذه"}
    never_first = {"era", "rel", "todadv", "weekday_bare"}
    single: set[str] = set()
    pairs: set[str] = set()
    for k, roles in lex.roles_of.items():
        if all(r in never_first for r, _ in roles):
            continue
        words = k.split()
        if words[0] in generic:
            if len(words) > 1:
                pairs.add(words[0] + " " + words[1])
        else:
            single.add(words[0])
    single |= {"ال" + w for w in lex.words("unit")}
    single |= {"يوم", "اليوم", "شهر", "الشهر", "عام", "العام", "سنه", "السنه", "بتاريخ", "تاريخ", "كل", "ساعه", "الساعه",
               "النصف", "الربع", "الاسبوع"}
    single |= {"ل" + w[2:] for w in single if w.startswith("ال")}
    single |= set(bare_tod_words(lex))
    return single, pairs


def bare_tod_words(lex: Lexicon) -> list[str]:
    """Parts of the day that are adverbs by their form (one word in the accusative: صباحا، فجرا، ليلا), so
    they can stand alone. مساء (also a noun), ظهرا (also "the two appeared") and عصرا (also "an era") count
    only after a day or a time."""
    return sorted(w for w in lex.words("todadv") if " " not in w and w.endswith("ا") and not w.startswith("ال")
                  and w not in ("ظهرا", "عصرا", "مساءا"))


def _gate(lex: Lexicon) -> str:
    """A cheap lookahead that every match starts with: the first word of some construct (clitics allowed),
    a digit or a parenthesis before a digit. Word starts that fail it are skipped without trying the
    constructs. Very common words (في، من، على، ما، هذا) pass only with the word that follows them in a phrase.
    (A stricter gate that also checks the next word gives the same matches but costs more than it saves.)"""
    single, pairs = _gate_words(lex)
    alts = _trie(sorted(single | pairs, key=len, reverse=True))
    bare_wd = _trie(lex.words("weekday_bare"))
    return (rf"[وف]?[بلك]?(?:{alts}{END}|\d|(?:من|في){S}\d|هذ[اه]{S}ال|عند{S}ال|{bare_wd}{S}{AL}?اسبوع)|\(\s*\d")


#: words that never end an expression by themselves and are always followed (after a space) by another word of
#: the expression: prepositions, modifiers, comparisons and ordinals (roles prep | mod | cmp | ordinal | last),
#: and the unit nouns, demonstratives and كل that need a direction, a number or a quantity after them
_LEAD_ROLES = {"prep", "mod", "cmp", "ordinal", "last"}
_LEAD_EXTRA = {"عام", "العام", "لعام", "سنه", "السنه", "لسنه", "شهر", "الشهر", "لشهر", "اسبوع", "الاسبوع", "لاسبوع", "كل",
               "هذا", "هذه"}
#: words inside an expression that pass no gate: range words and the fractions of a clock time (العاشرة وثلث)
_INNER_WORDS = {"و", "الي", "الا", "ثلث", "وثلث", "ربع", "وربع", "ربعا", "وربعا", "نصف", "ونصف"}
_GENERIC = ("في", "من", "علي", "ما", "احد", "هذا", "هذه")


@lru_cache(maxsize=1)
def lead_words() -> tuple[frozenset[str], frozenset[str]]:
    """(lead words, words accepted after them). A lead word (see ``_LEAD_ROLES``) that cannot be read as a
    clitic plus another gate word; the accepted next words are every word that can follow some word inside
    an expression and does not pass the gate itself (directions, era markers, parts of the day, bare
    weekdays, the second words of the phrases that start with a lead word, the common prepositions)."""
    lex = lexicon()
    single, _pairs = _gate_words(lex)
    lead: set[str] = set(_LEAD_EXTRA)
    for w in single:
        roles = lex.roles_of.get(w)
        if roles and all(r in _LEAD_ROLES for r, _ in roles):
            lead.add(w)
    for w in list(lead):
        if any(match_at(ctx, 3 if ctx.startswith("في ") else 0, lead_check=False)
               for ctx in (w, w + " .", w + "،", w + ")", "و" + w, "ل" + w, "ب" + w + " .", "في " + w + " .")):
            lead.discard(w)  # a whole expression by itself
            continue
        rests = [w[1:]] if w[0] in "وف" else []
        rests += [x[1:] for x in [w, *rests] if x[:1] in ("ب", "ل", "ك") and len(x) > 1]
        if any(r in single or r[:1].isdigit() or r.startswith(("هذا", "هذه", "عند")) for r in rests):
            lead.discard(w)  # could also be clitics + another gate word
    accepted = set(lex.words("weekday_bare", "rel", "era", "todadv")) | set(_GENERIC) | _INNER_WORDS
    for k in lex.roles_of:
        words = k.split(" ")
        if len(words) > 1 and words[0] in lead:
            accepted.add(words[1])
    return frozenset(lead), frozenset(accepted)


def _lead_check(lex: Lexicon) -> str:
    """A negative lookahead: a lead word (:func:`lead_words`) followed by a space and a word that can
    continue no expression starts nothing (``بعد أن``، ``خلال الاجتماع``), nor does a count (``200 شخص``),
    so the constructs are not tried there. ``tests/test_timex.py`` checks that it changes no match."""
    lead, accepted = lead_words()
    gate = _gate(lex)
    # (و)(ال)+cardinal: the tens of a compound number (الرابعة والسبعين من العمر)
    nxt = rf"(?:{gate}|\w*\d|{_trie(sorted(accepted))}{END}|و?(?:ال)?{_w(lex, 'cardinal')}|\W)"
    # a number that is not a year (1-3 or 5+ digits) followed by an ordinary word is a count (200 شخص، 60 في
    # المائة): only a month, a unit, a range word or punctuation can follow the number of a date or duration
    after_number = _trie(sorted({"من", "الي", "حتي", "وحتي", "و", *lex.words("era", "todadv", "rel")}))
    count = rf"(?:\d{{1,3}}|\d{{5,}})(?!\w)(?!\s*[^\w\s]|{S}(?:{gate}|\w*\d|{after_number}{END}))"
    return rf"(?![وف]?[بلك]?(?:{_trie(sorted(lead))}(?=\s)(?!{S}{nxt})|{count}))"


# --- candidate start positions ------------------------------------------------------------------------------
# Python's re tries a pattern at every character; the lookbehind and the gate cost about as much as the
# constructs. :func:`candidates` finds, with one Aho-Corasick pass (C) over the text and a few checks per hit, a
# superset of the positions where the gate can pass; the tagger calls ``master_pattern().match`` only there,
# left to right, skipping positions inside the previous match: the same matches as ``finditer``.

_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_FIRST, _SECOND, _DIGIT = 1, 2, 4


@lru_cache(maxsize=1)
def _candidate_automaton():
    """Aho-Corasick automaton over a space or a line break + clitics + word: _FIRST (a gate word), _SECOND (the
    second word of a gate pair: the expression starts at the word before), _DIGIT (a number)."""
    import ahocorasick

    lex = lexicon()
    single, pairs = _gate_words(lex)
    kinds: dict[str, int] = {}

    def add(key: str, kind: int) -> None:
        for sep in (" ", "\n"):
            kinds[sep + key] = kinds.get(sep + key, 0) | kind

    for w in single | {"هذا", "هذه", "عند"}:
        for c in _CLITICS:
            add(c + w, _FIRST)
    for w in {p.split()[1] for p in pairs} | {"اسبوع", "الاسبوع"}:
        add(w, _SECOND)
    for d in "0123456789":
        for c in _CLITICS:
            add(c + d, _DIGIT)
    auto = ahocorasick.Automaton()
    for k, v in kinds.items():
        auto.add_word(k, (len(k), v))
    auto.make_automaton()
    return auto


@lru_cache(maxsize=1)
def _pair_first_words() -> tuple[str, ...]:
    """The words a gate pair starts with and the bare weekdays (before اسبوع): only these (with clitics) can
    start an expression at the word before a _SECOND hit."""
    lex = lexicon()
    _single, pairs = _gate_words(lex)
    return tuple(sorted({p.split()[0] for p in pairs} | set(lex.words("weekday_bare"))))


#: a word character right after a character that is not a word character, a space or a line break (the first
#: class only lets the engine skip the common characters cheaply: ASCII letters and digits and the Arabic letters,
#: which are all word characters; the lookbehind is the exact test)
_OTHER_START = re.compile(r"[^ \n0-9A-Za-z\u0621-\u064a](?<=[^\w \n])(?=\w)")


def _word_before(norm: str, s: int) -> int:
    """Start of the word that ends, after whitespace, right before ``s``; -1 if none."""
    c = s
    while c > 0 and norm[c - 1].isspace():
        c -= 1
    if c == s or c == 0 or not (norm[c - 1].isalnum() or norm[c - 1] == "_"):
        return -1
    while c > 0 and (norm[c - 1].isalnum() or norm[c - 1] == "_"):
        c -= 1
    return c


def candidates(norm: str) -> list[int]:
    """Sorted positions of the normalised text ``norm`` where :func:`master_pattern` may match: a superset of
    the positions where its gate passes (gate words and numbers after a space or a line break, found by
    Aho-Corasick; every word start after another character; the word before a pair's second word when it ends
    like a pair's first word (any other gate word there is a candidate of its own), the
    من/في or the bracket before a number)."""
    out = {0}
    n = len(norm)
    pair_firsts = _pair_first_words()
    for e, (ln, kind) in _candidate_automaton().iter(norm):
        s = e - ln + 2  # after the space
        if kind & _FIRST and (e + 1 >= n or not (norm[e + 1].isalnum() or norm[e + 1] == "_")):
            out.add(s)
        if kind & _DIGIT:
            out.add(s)
            c = s
            while c > 0 and norm[c - 1].isspace():
                c -= 1
            if c > 0 and norm[c - 1] == "(":  # ( 5
                out.add(c - 1)
            elif norm[c - 2 : c] in ("من", "في"):  # (من|في) 5
                p = _word_before(norm, s)
                if p >= 0:
                    out.add(p)
        if kind & _SECOND:
            c = s - 1  # the space or line break before the second word
            while c > 0 and norm[c - 1].isspace():
                c -= 1
            if norm.endswith(pair_firsts, 0, c):  # (any other gate word before is a candidate of its own)
                p = _word_before(norm, s)
                if p >= 0:
                    out.add(p)
    for m in _OTHER_START.finditer(norm):
        q = m.end()
        out.add(q)
        ch = norm[q - 1]
        if ch == "(":
            out.add(q - 1)
        elif ch.isspace():
            p = _word_before(norm, q)
            if p >= 0:
                out.add(p)
    return sorted(out)


# --- matching at a candidate position -----------------------------------------------------------------------
# ``master_pattern().match`` tries all 21 constructs in turn at each position, but the word at a position can
# start only a few of them (a digit: 8; في: 10; a month name: 3; most words: none): :func:`match_at` tries
# only those (routed by the first key, :mod:`analysis.timex.first_words`), each compiled on its own, in the
# master pattern's order and after the same clitics: the same match, trying 4.5 constructs instead of 21 on
# average over SaudiNewsNet.


@lru_cache(maxsize=1)
def _routes() -> tuple[dict[str, tuple[tuple[str, re.Pattern], ...]], tuple[tuple[str, re.Pattern], ...]]:
    """(first key → the constructs that can start with it, as (name, compiled regex) in the master
    pattern's order; the constructs to try for any other key: those :func:`first_keys` cannot read)."""
    sources = construct_patterns()
    compiled = {name: (name, re.compile(src)) for name, src in sources.items()}
    keys = {name: first_keys(src) for name, src in sources.items()}
    everywhere = tuple(compiled[name] for name, k in keys.items() if k is None)
    every_key = set().union(*(k for k in keys.values() if k is not None))
    routes = {key: tuple(compiled[name] for name, k in keys.items() if k is None or key in k) for key in every_key}
    return routes, everywhere


def _after_clitics(norm: str, pos: int) -> tuple[int, ...]:
    """Where the constructs start after :data:`CLITICS` at ``pos``, in the order the regex tries them (each
    clitic is optional and greedy: و+ب, و, none; or ب, none)."""
    first = norm[pos : pos + 1]
    if first in ("و", "ف"):
        return (pos + 2, pos + 1, pos) if norm[pos + 1 : pos + 2] in ("ب", "ل", "ك") else (pos + 1, pos)
    if first in ("ب", "ل", "ك"):
        return pos + 1, pos
    return (pos,)


def match_at(norm: str, pos: int, *, lead_check: bool = True) -> tuple[str, int, int, int] | None:
    """The match of the grammar at ``pos`` of the normalised text ``norm`` as (construct, start, start of
    the construct after the clitics, end), or None: the same as ``master_pattern().match(norm, pos)``
    (``tests/test_timex.py`` checks it), faster. ``lead_check=False``: the master pattern without
    :func:`_lead_check`."""
    if _entry(lead_check=lead_check).match(norm, pos) is None:
        return None
    return _match_constructs(norm, pos, *_routes())


def find_matches(norm: str) -> list[tuple[str, int, int, int]]:
    """``master_pattern().finditer(norm)`` as :func:`match_at` gives them, faster: the grammar is tried only
    at the :func:`candidates` positions (a superset of where it can match), left to right, never inside the
    previous match. ``tests/test_timex.py`` checks that both give the same matches."""
    entry = _entry(lead_check=True).match
    routes, everywhere = _routes()
    out = []
    last = 0
    for pos in candidates(norm):
        if pos >= last and entry(norm, pos) is not None:
            m = _match_constructs(norm, pos, routes, everywhere)
            if m is not None:
                out.append(m)
                last = m[3]
    return out


def _match_constructs(norm: str, pos: int, routes, everywhere) -> tuple[str, int, int, int] | None:
    """The first construct that matches after the clitics at ``pos``, as the master pattern tries them: each
    place the clitics can end (:func:`_after_clitics`), and there the constructs routed by its first key."""
    for start in _after_clitics(norm, pos):
        for name, construct in routes.get(key_at(norm, start), everywhere):
            m = construct.match(norm, start)
            if m is not None:
                return name, pos, start, m.end()
    return None
