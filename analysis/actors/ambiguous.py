"""The rules of ambiguous codebook forms (الأسد the lion, علي the preposition, a town named like a word).

A form with a rule (column ``ambiguous`` of ``ambiguous_forms.tsv``, or set by the codebook's loaders) counts only
when its rule says so: ``_ambiguous_ok`` applies the rule's first check in ``_FIRST_RULES`` (a verdict, or None to go
on), the checks every ambiguous form shares, and the rule's context check in ``_CONTEXT_RULES``. Called by
``matcher._match_prepared`` for each ambiguous hit.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.actors.fields import (
    _M,
    _conj_stripped,
    _context_capitals,
    _Entry,
    _Field,
    _headed,
    _market_blocked,
    _Matcher,
)
from analysis.actors.head_nouns import (
    _ADJECTIVE_NICKNAMES,
    _CONTEXT_WINDOW,
    _DEMONSTRATIVES,
    _GAME_WORDS,
    _IN,
    _KHOBAR,
    _NEWS_HEADS,
    _NEWS_NEXT,
    _YOUTH,
    _YOUTH_HEADS,
    _after_city_head,
    _after_definite_noun,
    _after_given_name,
    _bare_club,
    _before_adjective,
    _club_cue,
    _coordinated_place,
    _has_digit,
    _located_after_definite,
    _name_like,
    _new,
    _proclitic_len,
    _quoted,
    _sports_field,
)
from analysis.actors.persons import _countries_named_near, _country_near
from analysis.actors.references import _next_word
from analysis.actors.rules import WORD_CACHE, Rules, bare_in, bare_of, norm_word, strip_clitics
from analysis.actors.teams import load_team_heads
from analysis.normalize import (
    dediacritize,
)

# --- The rules of ambiguous forms -----------------------------------------------------------------------------------
# A form with a rule (column `ambiguous` of ambiguous_forms.tsv, or set by the codebook's loaders) counts only when its
# rule says so. `_ambiguous_ok` applies, in this order: the rule's first check in `_FIRST_RULES` (a verdict, or None to
# go on); the checks every ambiguous form shares (the actor already named in the field, an outlet in quotes, a club
# joined to a club); the rule's context check in `_CONTEXT_RULES`. A rule in neither table counts only through the
# shared checks. Each function takes the field's `_AmbiguousContext` and the hit (start, end, proclitic length, entry).


class _AmbiguousContext:
    """What the rules of ambiguous forms read in one field: the field, the matcher, the rules, the mentions taken so
    far (``out``, growing while the hits are taken), the starts of the club hits, and whether the field is about sport
    (``sport``: computed once, when a club rule first asks; None until then), whether it names a military base
    (``base``: ``_AIR_BASE_RE``, computed once, when rule group first asks), and the spans that rule ``not_before``
    refused as idioms (``idioms``: the matcher keeps them from the later passes). ``named`` and ``clubs`` read ``out``
    through an index kept up to date as it grows (``out`` only grows while the hits are taken): most rules ask
    whether the hit's actor was named before, once per hit, which scanned every mention of the field each time."""
    __slots__ = ("f", "m", "rules", "out", "club_starts", "sport", "base", "idioms", "_by_actor", "_clubs", "_indexed")

    def __init__(self, f: _Field, m: _Matcher, rules: Rules, out: list, club_starts: frozenset):
        self.f, self.m, self.rules, self.out, self.club_starts = f, m, rules, out, club_starts
        self.sport: bool | None = None
        self.base: bool | None = None
        self.idioms: list[tuple[int, int]] = []
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

    def names_a_base(self) -> bool:
        if self.base is None:
            self.base = _AIR_BASE_RE.search(self.f.x) is not None
        return self.base


def _first_country(c: _AmbiguousContext, s, e, plen, ent):
    if c.m.info[ent.actor_id][2] == "organization" and _before_definite_nisba(c.f, e):
        return False  # اتحاد الكرة الكويتي: another country's body than the row's (the Saudi one), even once named
    return None


def _first_quoted(c, s, e, plen, ent):
    # an outlet's name (checked when the hit was read) or a form of ambiguous_forms.tsv that counts in quotes only
    return (_quoted(c.f, s, e) or _outlet_in_parentheses(c, s, e, ent.actor_id)  # («الكردستاني»، (اليوم))
            or not plen and _after_website(c.f, s, e))


#: "website" (also with و/ب/ف and على written apart): on it a name that is a common word is the body's (موقع تداول:
#: 15 times in SaudiNewsNet, the exchange's site where listed companies announce; thirty-fourth session)
_WEBSITE = frozenset(norm_word(w) for w in ["موقع", "وموقع", "بموقع", "لموقع", "فموقع"])


def _after_website(f, s: int, e: int) -> bool:
    i, j = f.tok_index(s), f.tok_index(e - 1) + 1  # (token lookups: no slice of the field's text per hit)
    return (f.adjacent(i) and f.word(i - 1) in _WEBSITE
            and not (f.adjacent(j) and f.word(j).startswith("ال")))  # (موقع مدن الصناعية: "cities", no name)


def _outlet_in_parentheses(c, s: int, e: int, actor_id: str) -> bool:
    """An outlet's name between parentheses after لـ or a word of reporting (لـ(الجزيرة)، علمت (المدينة)، حصلت (اليوم)
    على نسخة، صحيفة (الحياة)), as Saudi papers write their own name and others' (the read sets annotate 11 of 11
    parenthesised outlets; thirty-first session). Not after other words: غدًا (اليوم)، أسرتي هي (الحياة)."""
    f = c.f
    if c.m.info[actor_id][2] != "media" or not _quoted(f, s, e, "(", ")"):
        return False
    i = f.tok_index(s)  # (token lookups: no slice of the field's text per hit)
    if i == 0 or f.norm[f.ends[i - 1] : s].strip() != "(":
        return False  # (a word right before the bracket: not صحيفة: (الحياة))
    w = f.word(i - 1)
    return w in _BEFORE_PARENTHESISED_OUTLET or w[0] in "وف" and w[1:] in _BEFORE_PARENTHESISED_OUTLET


#: Words after which a parenthesised outlet name is the outlet (normalised; also with و or ف): the preposition لـ
#: written apart, and the verbs and nouns of reporting and publishing that precede one in SaudiNewsNet.
_BEFORE_PARENTHESISED_OUTLET = frozenset(norm_word(w) for w in [
    "لـ", "ل", "مع", "علمت", "حصلت", "صحيفة", "جريدة", "لصحيفة", "بصحيفة", "دار", "مصادر", "تواصلت", "استطاعت",
    "كشفت", "نشرت", "قالت", "أكدت"])


def _named_before(c, s, ent) -> bool:
    """The actor was named before ``s`` in the field by a form that is no common word (a codebook form with no rule)."""
    return any(o.s < s and o.entry is not None and not o.entry.ambiguous for o in c.named(ent.actor_id))


def _first_quoted_seen(c, s, e, plen, ent):
    # فتح (mostly the verb "opened"): in quotes, or once the actor was named by a form that is no common word
    return _quoted(c.f, s, e) or _named_before(c, s, ent)  # (حركة فتح … قالت فتح)


def _first_definite_or_seen(c, s, e, plen, ent):
    # إخواني: with the article the Brotherhood's nisba (التيار الإخواني); bare mostly "my brothers" (من إخواني
    # وأخواتي، أنصح إخواني المبتعثين), so only once the Brotherhood was named (fifty-second session)
    return c.f.x[s : s + plen].endswith(("ال", "لل")) or _named_before(c, s, ent)  # (the article is in the prefix)


def _first_quoted_named(c, s, e, plen, ent):
    # «هدف» (the HRDF; also "a goal", quoted in sports news): between quote marks and after the actor was named by a
    # form that is no common word (صندوق تنمية الموارد البشرية «هدف»)
    return _quoted(c.f, s, e) and _named_before(c, s, ent)


def _first_place(c, s, e, plen, ent):
    if _before_adjective(c.f, e, c.rules):
        return False  # عبر كابل بحري "a submarine cable", not Kabul (even once Kabul was named)
    return None


#: rule `not_before`: the word after which a form is part of an idiom (النيل من "to harm", not the Nile; يهلك الحرث
#: والنسل "destroys tillage and offspring", not Al-Harth; باليمن والخير "with good fortune", not Yemen). Keyed by the form
#: without its article.
_NOT_BEFORE = {norm_word(k): frozenset(norm_word(w) for w in v) for k, v in (
    ("نيل", ["من", "منه", "منها", "منهم", "منهما", "منا", "مني", "منك", "منكم"]),  # (the pronoun forms: forty-third session)
    ("حرث", ["والنسل"]), ("حرم", ["الجامعي", "الجامعية", "الجامعة"]),
    ("يمن", ["والخير", "والخيرات", "والبركات", "والبركة", "والمسرات", "والسعادة", "والإيمان"]))}
#: and the words before which it is (الأشهر الحرم "the sacred months", not the Great Mosque; جوز الهند "coconut"; خام غرب
#: تكساس الوسيط, the WTI crude benchmark; بطاقة الأحوال المدنية, the national ID card, not the agency)
_NOT_AFTER = {norm_word(k): frozenset(norm_word(w) for w in v) for k, v in (
    ("حرم", ["الأشهر", "والأشهر", "أشهر"]), ("هند", ["جوز", "وجوز", "بجوز"]), ("تكساس", ["غرب", "لغرب", "وغرب"]),
    ("أحوال المدنية", ["بطاقة", "وبطاقة", "ببطاقة", "لبطاقة", "بطاقات", "وبطاقات", "ببطاقات", "كبطاقة"]),
    ("حمص", ["بلا"]))}  # (خرج من المولد بلا حمص "came away empty-handed", the idiom: forty-fourth session)
#: A codebook name that is another word between these words, asked of every mention once all passes ran
#: (``matcher._match_prepared``; not a rule of ambiguous_forms.tsv: the form stays a sure context for the rules that
#: look for its country): وهو مصر على الرفض "he insists on" (مُصِرّ), not Egypt (forty-fourth session: 5 of the 6 such
#: مصر in SaudiNewsNet; ها هي مصر على سكة السلامة is Egypt: هي is no cue). Forty-seventh session, idioms and common
#: nouns with one neighbour (None: any word on that side): يمني النفس "hopes" (the verb), سمك لبن تمر هندي and التمر
#: الهندي (tamarind), شاعر عكاظ and بردة عكاظ (the Souq Okaz festival's prizes, not the paper), عتق رقبة (a convict's
#: blood money, not Ataq), الحكم بعقوبة تعزيرية ("with a punishment", not Baqubah), درعا تذكاريا ("a shield", not
#: Daraa); fifty-second session, الرمادي "grey" (اللون الرمادي، الذئب الرمادي: not Ramadi) and the verbs read as ك + a
#: Libyan city, كسبها "won it" (24 in SaudiNewsNet, all the verb) and كسرت "broke". Actor -> [(the mention's exact
#: surface, clitics included; the words before; the words after; None: any)].
_NOT_BETWEEN: dict[str, list[tuple]] = {}
#: colours before الرمادي "grey" in a list (الأسود والرمادي، بالأبيض والأسود والرمادي), not Ramadi (fifty-second
#: session: with اللون الرمادي، الذئب الرمادي … 27 of the 372 الرمادي of SaudiNewsNet)
_COLOURS = ["الأسود", "والأسود", "الأبيض", "والأبيض", "الأزرق", "والأزرق", "الأرجواني", "الذهبي", "والذهبي", "الفضي",
            "والفضي", "الأحمر", "والأحمر", "الأخضر", "والأخضر", "البني", "والبني"]
for _aid, _form, _before, _after in (
        ("country:eg", "مصر", ["هو", "وهو", "أنه", "انه", "إنه", "لأنه", "بأنه", "لكنه", "ولكنه"], ["على"]),
        ("country:ye", "يمني", None, ["النفس", "نفسه"]),
        ("country:in", "هندي", ["تمر"], None), ("country:in", "الهندي", ["التمر", "والتمر", "بالتمر"], None),
        ("media:okaz", "عكاظ", ["شاعر", "وشاعر", "لشاعر", "بشاعر", "بردة", "وبردة", "ببردة", "جائزة", "وجائزة", "بجائزة",
                                "لجائزة", "شباب"], None),
        ("location:ataq", "عتق", None, ["رقبة", "رقبته", "رقبتها", "رقاب", "الرقبة", "الرقاب"]),
        ("location:baqubah", "بعقوبة", None, ["تعزيرية", "رادعة", "مشددة", "مالية", "السجن", "الإعدام", "الجلد",
                                              "القتل", "الغرامة"]),
        ("location:daraa", "درعا", None, ["تذكاريا", "تذكارية", "تكريميا", "تكريمية", "تقديريا"]),
        ("location:ramadi", "الرمادي", ["اللون", "باللون", "ألوان", "بألوان", "الذئب", "ذئب", "الدخان", "الموقف",
                                        "موقفها", "التدرج", "التلفاز", "نجمك"], None),
        ("location:ramadi", "والرمادي", _COLOURS, None),
        ("location:sabha", "كسبها", None, None), ("location:sirte", "كسرت", None, None)):
    _NOT_BETWEEN.setdefault(_aid, []).append((
        norm_word(_form), None if _before is None else frozenset(norm_word(w) for w in _before),
        None if _after is None else frozenset(norm_word(w) for w in _after)))


def word_between(f, o) -> bool:
    """The mention ``o`` is a form of ``_NOT_BETWEEN`` that its neighbours make another word (وهو مصر على، شاعر
    عكاظ)."""
    for form, before, after in _NOT_BETWEEN[o.actor_id]:
        if f.x[o.s : o.e] != form:
            continue
        i = f.tok_index(o.s)
        if ((before is None or i > 0 and f.adjacent(i) and f.word(i - 1) in before)
                and (after is None or _next_word(f, o.e) in after)):
            return True
    return False


def _first_not_before(c, s, e, plen, ent):
    stem = c.f.x[s + plen : e]
    stem = stem[2:] if stem.startswith("ال") else stem
    if stem in _NOT_AFTER:
        i = c.f.tok_index(s)
        if i > 0 and c.f.adjacent(i) and c.f.word(i - 1) in _NOT_AFTER[stem]:
            c.idioms.append((s, e))
            return False
    if _next_word(c.f, e) in _NOT_BEFORE.get(stem, ()):
        c.idioms.append((s, e))  # (no later pass finds a place there: غرب تكساس is a compass word and a name)
        return False
    return True


def _first_verbal_noun(c, s, e, plen, ent):
    # إيقاد is IGAD and the verbal noun "lighting": in construct it is the noun (إيقاد النار، وإيقاد الشرارة، لإيقاد
    # العداوة: a word with the article right after it, only spaces between) or after ب/ل with a word right after it
    # (بإيقاد نارها), not IGAD (وساطة «إيقاد»، المعروفة باسم (إيقاد) في، دعا «الإيقاد»)
    nxt = _next_word(c.f, e)
    if nxt is not None and (nxt.startswith("ال") or _has_preposition(c.f.x[s : s + plen])):
        c.idioms.append((s, e))
        return False
    return True


def _first_no_adjective(c, s, e, plen, ent):
    # bare اللجنة الأولمبية is the Saudi committee in SaudiNewsNet's sports news, but not before a definite feminine
    # adjective: a nisba names another country's (اللجنة الأولمبية القطرية، اليابانية), which discovery then finds;
    # so is bare المياه الوطنية the National Water Company, but المياه الوطنية الليبية Libya's waters
    nxt = _next_word(c.f, e)
    return not (nxt is not None and nxt.startswith("ال") and nxt.endswith("يه"))


def _first_no_lam(c, s, e, plen, ent):
    # للحج is "for the Hajj" (ل + الحج), not "to Lahij"; so is لحج هذا العام (ل + حج, forty-ninth session: 17 in
    # SaudiNewsNet, الاستعدادات لحج هذا العام)
    return "ل" not in c.f.x[s : s + plen] and _next_word(c.f, e) != _THIS


_THIS = norm_word("هذا")


def _first_no_ba(c, s, e, plen, ent):
    return "ب" not in c.f.x[s : s + plen]  # باكرا is "early", not "in Accra"


def _first_plus(c, s, e, plen, ent):
    return "+" in c.f.norm[s:e]  # 5+1، 1+ 5: the digits with a plus sign, not a date (5/1)


def _written_first(f, s: int, e: int, letters: str) -> bool:
    """The original text writes the normalised span [s, e) with one of ``letters`` first (a hamza or madda that
    normalisation turned into ا)."""
    a, _ = f.span_in_original(s, e)
    return a < len(f.text) and f.text[a] in letters


def _first_hamza(c, s, e, plen, ent):
    # أبل/آبل (Apple): only where the text writes a hamza or madda over its first alef; إبل is "camels" and وابل "a
    # torrent", which normalisation (أإآ → ا) spells the same (seventeenth session)
    return _written_first(c.f, s + plen, e, "أآ")


def _first_clitic_hamza(c, s, e, plen, ent):
    # إيني (Eni): after a proclitic only where the text writes the hamza (لإيني، وإيني); فلايني is فلايني (Fellaini), not
    # ف + ل + ايني (forty-eighth session)
    return not plen or _written_first(c.f, s + plen, e, "أإآ")


def _first_no_hamza(c, s, e, plen, ent):
    # وام (WAM, the Emirates' agency): only where the text writes no hamza or madda; وأم is "and a mother" (أب وأم،
    # وأم لطفلين: 57 of its 84 bare mentions in SaudiNewsNet), which normalisation spells the same (twenty-third session)
    return not any(ch in "أآإ" for ch in c.f.original(s, e))


def _first_no_madda(c, s, e, plen, ent):
    # مأرب (Marib): not where the text writes آ; مآرب is the plural "aims" (لتحقيق مآرب خاصة: 14 of the 14 such mentions
    # in SaudiNewsNet), which normalisation spells as the city (fifty-third session)
    return "آ" not in c.f.original(s, e)


def _first_ta_marbuta(c, s, e, plen, ent):
    # جدة (Jeddah): only where the text writes its final ة; جده "his grandfather" and وجده "he found it" normalise the same
    # (about 97 mentions in SaudiNewsNet; twenty-third session)
    f = c.f
    near = f.norm[max(0, s - 2) : s] + f.norm[e : e + 3]
    # (next to a dash: جده - عبدالرحمن العمري، طريق مكة - جده السريع)
    return dediacritize(f.original(s, e)).endswith("ة") or any(ch in near for ch in "-–—")


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
    # مدركة، الحريق: only in a list of places (تربة والخرمة; forty-seventh session, also one of commas alone: صبيا،
    # فرسان، العارضة), never from an earlier mention
    return _coordinated_place(c.f, s, e, plen, c.out, comma=True)


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


def _first_team_head(c, s, e, plen, ent):
    # أحد (Ohod Club of Medina; mostly the word "one"): right after a team head, with no proclitic (فريق أحد، لفريق أحد،
    # نادي أحد), or in a list of clubs joined by و (الاتحاد وأحد، أحد والأنصار); never before a definite word (فريق أحد
    # اللاعبين) nor before a plural in construct (القادسية وأحد لاعبي الدرعية، أحد أبرز: "one of"); an earlier mention
    # licenses nothing, as it does for rule `club` (thirty-fifth session)
    f = c.f
    if not _first_hamza(c, s, e, plen, ent):
        return False  # واحد "one" (normalised و + احد), احد: the club is written with its hamza
    nxt = _next_word(f, e)
    if nxt is not None and (nxt.startswith("ال") or nxt in _ONE_OF
                            or nxt.endswith("ي") and nxt not in c.rules.stopwords):  # (not علي, في)
        return False
    i = f.tok_index(s)
    if not plen:
        if i > 0 and f.adjacent(i) and _team_head(f.word(i - 1)):
            return True
        return i + 1 < len(f.starts) and f.adjacent(i + 1) and f.starts[i + 1] in c.club_starts
    return (f.x[s : s + plen] == "و" and i > 0 and f.adjacent(i)
            and any(o.e == f.ends[i - 1] for o in c.clubs()))


#: words after أحد "one" in "one of …" that are neither definite nor in ي (أحد أبرز، أحد أعضاء، أحد كبار)
_ONE_OF = frozenset(norm_word(w) for w in ["أبرز", "أهم", "أكبر", "أفضل", "أشهر", "أعضاء", "أفراد", "أبناء", "أقدم",
                                             "كبار", "ضحايا", "نجوم", "رموز", "أبطال", "قادة", "رجال", "أعمدة"])


@lru_cache(maxsize=WORD_CACHE)
def _team_head(w: str) -> bool:
    """w is a word of ``team_heads.txt``, bare or with its proclitics (لفريق، ونادي; فريقي as it is); not with the
    article, which makes it an anaphor (النادي، بالنادي، والفريق، للنادي)."""
    heads = load_team_heads()
    if w in heads:
        return True
    bare = strip_clitics(w)
    return bare in heads and not w[: len(w) - len(bare)].endswith(("ال", "لل"))


#: forty-first session, rule ``hajj``: words of a field about the Hajj (normalised)
_HAJJ_CUES = frozenset(norm_word(w) for w in [
    "الحج", "للحج", "بالحج", "الحجاج", "للحجاج", "حجاج", "الحاج", "الحجيج", "المشاعر", "مشعر", "مشعري", "المشعر",
    "عرفة", "مزدلفة", "ومزدلفة", "الجمرات", "التروية", "النفرة", "الطوافة"])  # (not عرفات itself: Yasser Arafat's
# name repeated is no cue)
_MINA = norm_word("منى")


def _first_hajj(c, s, e, plen, ent):
    # منى (Mina) only where the text writes its alef maksura (مني "from me" normalises the same); neither منى nor عرفات
    # right after a head noun, whose name it is (لمستشفى منى الطوارئ, an organisation discovery finds whole), even
    # after the site was named
    f = c.f
    if f.x[s + plen : e] == _MINA and not dediacritize(f.original(s + plen, e)).endswith("ى"):
        return False
    i = f.tok_index(s)
    if i > 0 and f.adjacent(i):
        w = strip_clitics(f.word(i - 1))
        if w in c.rules.org_heads or w in c.rules.place_heads:
            return False
    return None


def _context_hajj(c, s, e, plen, ent, i, pw):
    # منى (Mina), عرفات (Arafat): in a field about the Hajj (a word of _HAJJ_CUES within _CONTEXT_WINDOW characters:
    # منى وعرفات ومزدلفة، رمي الجمرات في منى); عرفات also after a place word, as under rule place before (في عرفات)
    f = c.f
    if f.x[s + plen : e] != _MINA and _context_place(c, s, e, plen, ent, i, pw):
        return True
    lo, hi = max(0, s - _CONTEXT_WINDOW), min(e + _CONTEXT_WINDOW, len(f.x) - 1)
    return any(f.word(t) in _HAJJ_CUES for t in range(f.tok_index(lo), f.tok_index(hi) + 1) if t != i)


#: rule → first check: True or False decides; None goes on to the shared checks and the context rule.
_FIRST_RULES = {
    "country": _first_country, "quoted": _first_quoted, "quoted_seen": _first_quoted_seen, "place": _first_place,
    "quoted_named": _first_quoted_named, "definite_or_seen": _first_definite_or_seen,
    "not_before": _first_not_before, "no_lam": _first_no_lam, "no_ba": _first_no_ba, "plus": _first_plus,
    "not_after_number": _first_not_after_number, "place_only": _first_place_only, "seen_bare": _first_seen_bare,
    "occupation": _first_occupation, "list_only": _first_list_only, "province": _first_province,
    "demonstrative": _first_demonstrative, "market": _first_market, "hamza": _first_hamza,
    "clitic_hamza": _first_clitic_hamza,
    "hajj": _first_hajj,
    "not_direction": _first_not_direction, "no_hamza": _first_no_hamza, "no_madda": _first_no_madda,
    "dateline": _first_dateline,
    "agency": _first_agency, "not_boys": _first_not_boys,
    "ta_marbuta": _first_ta_marbuta, "team_head": _first_team_head, "verbal_noun": _first_verbal_noun,
    "no_adjective": _first_no_adjective,
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
    elif not (plural or pw and c.f.adjacent(i) and (
            "ال" in x[s : s + plen] and _conj_stripped(pw[0]).startswith(("ال", "لل"))
            or "ال" not in x[s : s + plen] and not pw[0].startswith("ال") and bare_in(pw[0], rules.nisba_heads))):
        return False  # not واتحادي العراق "and the federations of Iraq" (no article, a construct dual); without the
        # article after a head noun without it (thirty-sixth session: مشجع هلالي، مصادر اتحادية، عضو شرف وحداوي)
    return c.is_sport()


#: Words right before a US party's nisba that make it the party: a member, a candidate or a voter (عضوا جمهوريا،
#: النائب الجمهوري، مرشحين جمهوريين), a pronoun or a verb of being (وهو جمهوري، ليس جمهوريا، كان ديمقراطيا), a seat
#: (مقعد جمهوري); a number too (246 جمهوريا، 44 ديمقراطيا). Not a decree, a system or a guard (قرارا جمهوريا، نظام
#: ديمقراطي، الحرس الجمهوري)
#: (as written or without its proclitics and article, ``strip_clitics``: النائب، والمرشحين; للحزبين is listed, as
#: strip_clitics leaves لحزبين)
_PARTY_HEADS = frozenset(norm_word(w) for w in [
    "عضو", "عضوا", "أعضاء", "نائب", "نائبا", "نواب", "سيناتور", "سيناتورا", "سناتور", "شيوخ", "مرشح", "مرشحا",
    "مرشحين", "مرشحون", "منافس", "رئيس", "حاكم", "زعيم", "زعيمة", "مشرعين", "مشرعون", "ناخبين", "سياسيين", "معلقون",
    "مقعد", "الجانب", "هو", "هم", "هؤلاء", "ليس", "كان", "كانوا", "معظمهم", "بعضهم", "حزبين", "للحزبين", "حزبي"])
#: the two parties' nisbas (a word of _PARTY_HEADS too: الحزبين الجمهوري والديمقراطي، أعضاء جمهوريون وديمقراطيون)
_PARTY_NISBAS = frozenset(norm_word(a + w + e) for w in ("جمهوري", "ديمقراطي", "ديموقراطي")
                          for a, e in (("", ""), ("ال", ""), ("", "ا"), ("", "ون"), ("", "ين"), ("ال", "ون"), ("ال", "ين")))


def _context_party_nisba(c, s, e, plen, ent, i, pw):
    # forty-sixth session: جمهوري، ديمقراطيا، الجمهوري ("republican", "democratic", also of a decree or a system) are
    # the US party after a word of _PARTY_HEADS or a number, with the US named near (its name, Washington, Obama,
    # the Congress: rule country); the feminine forms (جمهورية "republic", ديمقراطية "democracy") are not looked for
    f = c.f
    if pw and f.adjacent(i):
        w = _conj_stripped(pw[0])
        if not (w in _PARTY_HEADS or w in _PARTY_NISBAS or w.isdigit() or strip_clitics(w) in _PARTY_HEADS):
            return False
    elif f.norm[max(0, s - 2) : s].rstrip()[-1:] != "(":
        return False  # (or right after a parenthesis: السيناتور جون ماكين (جمهوري، ولاية أريزونا))
    return _country_near(s, ent.actor_id, c.out, c.m)


#: a team's doings right after a club's bare name (forty-eighth session: واصل الفتح تدريباته، بدأ الشباب تدريباته في
#: معسكره، اختتم الوحدة معسكره، عزز الاتحاد صفوفه، كسب الباطن أولى مبارياته: 12 in SaudiNewsNet the cues before it miss)
_TEAM_DOINGS = frozenset(norm_word(w) for w in ["تدريباته", "استعداداته", "تحضيراته", "معسكره", "مبارياته", "مواجهاته",
                                                "صفوفه"])
_FIRST_F = norm_word("أولى")


def _team_doings_after(f: _Field, e: int) -> bool:
    """A word of :data:`_TEAM_DOINGS` right after the token that ends at ``e``, or after أولى there (أولى مبارياته)."""
    nxt = _next_word(f, e)
    if nxt == _FIRST_F:
        nxt = _next_word(f, f.ends[f.tok_index(e - 1) + 1])
    return nxt in _TEAM_DOINGS


def _context_club(c, s, e, plen, ent, i, pw):
    f, rules = c.f, c.rules
    if (_club_cue(f, e, pw, rules, c.club_starts) or _team_doings_after(f, e) or (
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


#: a military base named in the field (normalised text: a base with a name or an adjective), where bare القاعدة is
#: the base even next to another armed group (forty-eighth session: Incirlik against ISIS, al-Anad in Yemen)
_AIR_BASE_RE = re.compile(r"(?<!\S)[وبل]?قاعده (?:جويه|عسكريه|بحريه|العند|[اأإ]ن[جغك]ي?ر?ي?لي[كج])(?!\S)"
                          r"|(?<!\S)[وبل]?القاعده (?:الجويه|العسكريه|البحريه)(?!\S)")


def _context_person_country_group(c, s, e, plen, ent, i, pw):
    f, m, rules, out = c.f, c.m, c.rules, c.out
    prev = _prev_forms(pw)
    if m.info[ent.actor_id][2] == "country":
        # عمان (Oman, also Amman): in a field that names Oman (العماني، مسقط، وكالة الأنباء العمانية) or in a
        # list of countries (قطر وعمان); never spelt عمّان, nor in a field about Jordan (context_capitals.tsv)
        if "\u0651" in f.original(s, e) or _capital_country_named(f.x[s + plen : e], ent.actor_id, out, m):
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
        if any(w in rules.group_context for w in prev[:1] + prev[2:3]):
            return True
        if nxt != "في" and c.names_a_base() and not any(
                o.typ == "group" and (0 < s - o.e <= 4 or 0 < o.s - e <= 3) for o in out):
            return False  # a field about a base (قاعدة إنجيرليك، قاعدة العند): فتح القاعدة، استخدام القاعدة; not للقاعدة
            # في اليمن, داعش أو القاعدة, معتقلين من القاعدة وطالبان
        return _quoted(f, s, e) or any(o.actor_id in rules.group_context and abs(o.s - s) < _CONTEXT_WINDOW for o in out)
    return False


def _context_coordinated(c, s, e, plen, ent, i, pw):
    # الخبر (also "the news"): in a list of places (الدمام والخبر), after a city head (مدينة الخبر) or a place and
    # a dash (الدمام - الخبر)
    f = c.f
    return (_coordinated_place(f, s, e, plen, c.out, dash=True) or _after_city_head(f, s, plen)
            or f.x[s:e].endswith(_KHOBAR) and _located_after_definite(f, s, plen))  # (not التمركزات الأمنية بالميادين)


def _context_coordinated_or_sport(c, s, e, plen, ent, i, pw):
    # ليون (also the first name Leon): as rule coordinated, or bare in a field about sport, where matcher._city_clubs
    # then makes it the club (فشل ليون في استعادة، فوزه على وصيفه ليون 2/صفر; forty-ninth session), when no word of a
    # name follows (not ليون جوريتسكا): the end, a function word, a number, a word with the article or a proclitic
    if _context_coordinated(c, s, e, plen, ent, i, pw):
        return True
    if plen and c.f.x[s : s + plen] != "و" or not c.is_sport():
        return False  # (with و too: بين باريس سان جيرمان وليون)
    nxt = _next_word(c.f, e)
    return (nxt is None or nxt in c.rules.stopwords or nxt.startswith("ال") or nxt[0] in "وفبل" or _has_digit(nxt)
            or not c.f.adjacent(i + 1))


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
    "hajj": _context_hajj,
    "club_nisba": _context_club_nisba, "party_nisba": _context_party_nisba, "club": _context_club, "seen": _context_seen,
    "person": _context_person_country_group, "country": _context_person_country_group,
    "group": _context_person_country_group, "coordinated": _context_coordinated,
    "coordinated_or_sport": _context_coordinated_or_sport,
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
    # an outlet named in quotes or parentheses does not license its bare name later (وزار المدينة after لـ«المدينة»)
    aid = ent.actor_id
    # (or, for a body, its name right after it in apposition: النقل الجماعي «سابتكو»; not a person's epithet before
    # the name, which D5 leaves out: «المخلوع» علي عبدالله صالح)
    typ = c.m.info[aid][2]
    after = typ != "person"
    seen = any((o.s < s or after and o.s >= e and _apposition_gap(f.norm[e : o.s]))
               and not (o.entry.ambiguous and (_quoted(f, o.s, o.e) or _quoted(f, o.s, o.e, "(", ")")))
               for o in c.named(aid)) or (
        aid in f.elsewhere and typ != "media")  # a title whose body names the actor (not an outlet:
    # a paper's own name in its body does not make المدينة in its headline the paper rather than the city)
    if seen and x[s + plen : e] in _ADJECTIVE_NICKNAMES and _after_definite_noun(f, s, plen, out, c.rules):
        return False  # المستطيل الأخضر "the green pitch": an adjective, even after the team was named
    if x[s + plen : e] == _YOUTH and (pw1 := f.prev_words(f.tok_index(s), 1)) and (
            pw1[0] in _YOUTH_HEADS or strip_clitics(pw1[0]) in _YOUTH_HEADS):
        return False  # لدرجة الشباب، كأس العالم للشباب، منتخب الشباب: the youth category, not the club al-Shabab
    if seen and amb == "club" and _after_given_name(f, s, plen, c.rules):
        return False  # نزيه النصر: a family name, even after the club was named
    if seen and amb == "coordinated" and (
            (pw1 := f.prev_words(f.tok_index(s), 1)) and pw1[0] in _NEWS_HEADS or _next_word(f, e) in _NEWS_NEXT):
        return False  # رابط الخبر بصحيفة الوئام "the link of the news item", ورد في الخبر أن "the item says that", even
        # after the city was named
    if seen and amb not in ("club_nisba", "party_nisba"):  # a club's or a party's nisba only by its own rule
        # (باسل الهلالي; نظام ديمقراطي after الحزب الديمقراطي)
        return True
    info = c.m.info
    if info[aid][2] == "media" and (_quoted(f, s, e) or _outlet_in_parentheses(c, s, e, aid)):
        return True  # لـ«الوطن»، وعلمت "الوطن"، وكالة "معا"، لـ(الجزيرة): an outlet's name in quotes or parentheses
    if info[aid][3] == "club" and _coordinated_place(f, s, e, plen, c.clubs(), types=("organization",)):
        return True  # بين الأهلي والزمالك: a club joined by و to another club
    rule = _CONTEXT_RULES.get(amb)
    if rule is None:
        return False
    i = f.tok_index(s)
    return rule(c, s, e, plen, ent, i, f.prev_words(i, 2))


def _place_context(f: _Field, s: int, e: int, plen: int, out: list[_M], rules: Rules) -> bool:
    """Rule place_or_list: right after a place word (في، مدينة …: ``place_context.txt``) or in a list of places."""
    prev = _prev_forms(f.prev_words(f.tok_index(s), 2))
    return any(w in rules.place_context for w in prev[:1] + prev[2:3]) or _coordinated_place(f, s, e, plen, out)


@lru_cache(maxsize=WORD_CACHE)
def _nisba_like(w: str) -> bool:
    """A definite word ending like a nisba (الشيشاني، الليبية), normalised."""
    return w.startswith("ال") and w.endswith(("ي", "يه", "يين", "يون")) and len(w) > 5


def _has_preposition(pre: str) -> bool:
    """The proclitics of a hit hold ب or ل (بال، لل، ول …), not only و/ف and the article."""
    pre = pre.removesuffix("ال") if not pre.endswith("لل") else pre
    return "ب" in pre or "ل" in pre


def _before_definite_nisba(f: _Field, e: int) -> bool:
    """The token after the one ending at ``e`` is a definite relational adjective (الكويتي، الإنجليزي، الألمانية;
    ``_nisba_like``: not إلى or التي, which normalise to الي/التي)."""
    nxt = _next_word(f, e)
    return nxt is not None and _nisba_like(nxt)


def _capital_country_named(form: str, actor_id: str, out: list[_M], m: _Matcher) -> bool:
    """The field names the country of a capital that ``form`` also names, or one of its actors (context_capitals.tsv:
    عمان, read as ``actor_id`` Oman, is Amman in a field that names Jordan or King Abdullah II)."""
    rows = [country for f0, _, country, unless in _context_capitals() if f0 == form and unless == actor_id]
    country_of = m.country_of or {}
    return bool(rows) and any(o.actor_id in rows or country_of.get(o.actor_id) in rows for o in out)
#: "loyal to" before ل + a one-word person form (الموالية لهادي، الموالين لصالح): the person, as after قوات or أنصار
_LOYAL = frozenset(norm_word(w) for w in ["موالي", "موالية", "موالين", "موالون"])
_MUSCAT = norm_word("مسقط")
_OCCUPATION = frozenset(("country:il", "country:ps"))  # rule `occupation` of ambiguous_forms.tsv (الاحتلال)
#: adjectives after الاحتلال that name another occupier than Israel (besides the nisbas of the codebook)
_OTHER_OCCUPIERS = frozenset(norm_word(w) for w in ["الصليبي", "العثماني", "الصفوي", "الفارسي", "المغولي", "الروماني",
                                                     "النازي", "الأجنبي"])


#: The Gregorian-era letter that ends the date of a dateline (… 2015 م واس).
_DATELINE_ERA_RE = re.compile(r"(?:\d+)?م")
