"""Sports clubs the codebook lacks or reads as places (called by ``analysis.actors.matcher`` after discovery).

Two rules, measured like those of ``names.py`` (analysis/resources/actors_rules/README.md, rules T1–T2):

T1  a team head (``team_heads.txt``: فريق، نادي، لفريق …) + a place, a discovered name or one to three name-like
    words = a club, the head left out (فريق برشلونة، نادي الوداد، فريق كرونوس ريسينغ → organisation); T1b: after نادي
    also one definite word of the language (نادي النور، نادي النجمة: ``_word_after_nadi``);
T2  a city or an unknown name-like word followed by a definite masculine country nisba is a club: a city is
    grammatically feminine (ليون الفرنسية is the city), a club masculine (ليون الفرنسي، اندرلخت البلجيكي).
    The nisba stays a mention of its own.
T5  a name right before a match score (فولهام 1 / 5، ليون صفر - 2، ومسيمير 2 - صفر) is a club: an unknown name-like
    word, or a city the codebook reads as a place (with an unknown word before it: دينامو كييف 5 - 1);
T6  a transliterated word before a city, the city followed by its country in brackets or a masculine country nisba,
    is a club named after the city (دينامو زغرب الكرواتي), and so is the pair wherever it recurs in the field.
T7  one to three transliterated words (or initials: سي.إف) before a company suffix (``company_suffixes.txt``:
    انترناشونال، هولدنجز …, further suffixes after it included) are a company (يارا انترناشونال، سي.إف إندستريز
    هولدنجز); its first word alone later in the field is the same company (يارا).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.actors.names import (
    _coverage,
    _plain_spelling,
    _foreign_word,
    _short_imperfect,
    _known_word,
    _verb_like,
    clitic_variants,
    definite_masculine_nisba,
    free_token_before,
    load_name_rules,
    pronoun_suffixed,
    repeat_forms,
    suffixed_word,
)
from analysis.actors.rules import WORD_CACHE, Rules, norm_word
from analysis.resources import read_word_list


@lru_cache(maxsize=1)
def load_team_heads() -> frozenset[str]:
    """``team_heads.txt``, normalised; cached per process."""
    return frozenset(w for w in (norm_word(x) for x in read_word_list("actors_rules", "team_heads.txt")) if w)


@lru_cache(maxsize=1)
def load_outlet_heads() -> frozenset[str]:
    """``outlet_heads.txt``, normalised; cached per process."""
    return frozenset(w for w in (norm_word(x) for x in read_word_list("actors_rules", "outlet_heads.txt")) if w)


@lru_cache(maxsize=1)
def load_company_suffixes() -> frozenset[str]:
    """``company_suffixes.txt``, normalised; cached per process."""
    return frozenset(w for w in (norm_word(x) for x in read_word_list("actors_rules", "company_suffixes.txt")) if w)


@lru_cache(maxsize=1)
def suffix_keys() -> tuple[str, ...]:
    """T7: the company suffixes, sorted; the matcher's automaton finds them as bare tokens and lists them per field as
    ``f.suffix_hits`` (token index, 1), in text order."""
    return tuple(sorted(load_company_suffixes()))


@lru_cache(maxsize=1)
def head_keys() -> dict[str, str]:
    """Every team and outlet head with its proclitics -> "organization" | "media". The matcher's automaton finds them
    (``fields._build_matcher``): a field lists its hits as ``f.head_hits``, (token index, type) in text order."""
    heads = {v: "organization" for h in load_team_heads() for v in clitic_variants(h)}
    heads.update({v: "media" for h in load_outlet_heads() for v in clitic_variants(h)})
    return heads


@lru_cache(maxsize=WORD_CACHE)
def _outlet_word(w: str, rules: Rules) -> bool:
    """A word of a foreign outlet's name (تايمز، أوربيت، الغارديان): no Arabic word of any kind (a frequent word is
    allowed: foreign outlets are cited often, تايمز)."""
    if (len(w) < 3 or not w.isalpha() or w in rules.stopwords or w in rules.reporting_verbs or w in rules.titles
            or w in rules.common_words or w in rules.title_complements or w in rules.definite_nouns or w in rules.definite_stems):
        return False
    if w.startswith("ال"):
        return w[2:] not in rules.definite_stems and w[2:] not in rules.frequent_words and not w.endswith(("ي", "يه"))
    return (w[0] not in "وفلب" and not w.endswith(("ي", "يه")) and not pronoun_suffixed(w, rules)
            and not (w[0] in "يت" and _verb_like(w, rules)))  # (forty-fifth session) شبكة خطوطها، شبكة تنتمي


@lru_cache(maxsize=WORD_CACHE)
def _club_word(w: str, rules: Rules, *, first: bool = True) -> bool:
    """A word that can be (part of) a club's name: no function word, verb or common noun (فريق العمل، فريق البحث);
    after the first word an adjective in ي that is no country nisba continues it (الكوكب المراكشي، المغرب الفاسي)."""
    if not first and w.startswith("ال") and w.endswith("ي") and len(w) > 5 and w not in rules.stopwords:
        return True
    if len(w) < 3 or w.isdigit() or not w.isalpha() or _known_word(w, rules) or w in rules.definite_nouns:
        return False
    if first and not w.startswith("ال") and w.endswith(("ي", "يه")):
        return False  # فريق إغاثي، فريق طبي: an adjective, not a name
    if first and (_short_imperfect(w, rules) or w[0] in "يت" and _verb_like(w, rules)
                  or w[-1] == "ه" and _short_imperfect(w[:-1], rules)):
        return False  # فريق سيقاتل، فريق يلحق، الذي يدربه البرتغالي: a verb (forty-ninth session)
    if w[0] in "وفلب" and not w.startswith("ال"):
        return False  # وأولمبيك، لكرة: a second item or a complement
    if len(w) > 4 and w.endswith(("ها", "هم", "هما", "كم", "نا")):
        return False
    return not (w.startswith("ال") and w.endswith("ي") and len(w) > 5)  # a nisba adjective ends the name


def _common_after_team(f, i: int, k: int, rules: Rules) -> bool:
    """Forty-ninth session: the word k after the team head i (not نادي, after which a club's name in ة is common: نادي
    مولدة) is a common noun with "his" (فريق مدافعه، فريق دفاعه) or a participle in ة that also takes the article
    (كل فريق متقاربة) or a participle before من (فريق مكون من), not a club's first word; not before a nisba (فريق مولده
    النرويجي)."""
    if _nadi_head(f, i):
        return False
    if k + 1 < len(f.starts) and f.adjacent(k + 1) and re.fullmatch(r"ال\w+ي", f.word(k + 1)):
        return False  # فريق مولده النرويجي: a nisba after the word makes it a club's name
    w = f.word(k)
    if w[0] == "م" and k + 1 < len(f.starts) and f.adjacent(k + 1) and f.word(k + 1) == "من":
        return True  # فريق مكون من، فريق مؤلف من: "made up of"
    return suffixed_word(f, f.ends[k], w, rules) or w[0] == "م" and w[-1] == "ه" and w in rules.definite_stems


#: T1b: words after نادي that are no club's name: a descriptor (نادي العاصمة الإيطالية), a figure of speech (نادي الدول
#: النووية), an adjective of the club (ناديه السابق), a relative pronoun.
_NOT_AFTER_NADI = frozenset(norm_word(w) for w in [
    "العاصمة", "الدول", "المدينة", "البلد", "الذي", "التي", "السابق", "الجديد", "الأول", "الثاني", "الكبير", "الملكي",
    "المنافس", "الخصم", "الضيف", "المضيف", "الفائز", "الخاسر", "الأم", "الأخير", "المذكور", "نفسه", "ذاته"])
_NADI = frozenset(norm_word(w) for w in ["نادي", "ناديي"])


def _nadi_head(f, i: int) -> bool:
    """Token i is the team head نادي (with و/ف/ب/ل), not فريق or another head."""
    return re.sub(r"^[وفبل]", "", f.word(i)) in _NADI


#: Words before a name + nisba that make it a stock index or a crude, no club (T2): مؤشر داكس الألماني، خام نايمكس
_INDEX_WORDS = frozenset(norm_word(w) for w in ["مؤشر", "المؤشر", "مؤشرا", "مؤشري", "خام", "الخام", "بورصة"])


def _word_after_nadi(f, i: int, k: int, rules: Rules) -> bool:
    """T1b (eighteenth session): after نادي (not فريق: فريق العمل، فريق البحث) a definite word is the club's name even
    when it is also a word of the language (نادي النور، نادي النجمة، نادي العيون، نادي الطيران السعودي): a club is
    named so; not a word of ``_NOT_AFTER_NADI``, a function word or a title (نادي الأمير فيصل بن فهد), not before an
    ل-genitive (نادي الدول …), and not after the verb نادى."""
    if not _nadi_head(f, i):
        return False
    if f.original(f.starts[i], f.ends[i]).endswith("ى"):
        return False  # نادى "he called" (نادى البعض بسن قانون), which normalisation spells as نادي
    w = f.word(k)
    return (w.startswith("ال") and len(w) >= 5 and w.isalpha() and w not in rules.stopwords and w not in _NOT_AFTER_NADI
            and w not in rules.titles
            and not (k + 1 < len(f.starts) and f.adjacent(k + 1) and f.word(k + 1).startswith("لل")))


# a match score: one- or two-digit numbers or صفر on both sides of a dash or slash, not a date (1/5/2006) or a decimal
_SCORE_RE = re.compile(r"(?<![\d/.])(?:\d{1,2}|صفر) ?[-–/] ?(?:\d{1,2}|صفر)(?![\d/.])")


def _teams_before_scores(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """T5: the name right before a match score is a club (see the module docstring)."""
    norm = f.norm
    scores = []
    for sep in "-/–":  # the pattern is tried around each separator only: a scan of the whole text costs far more
        pos = norm.find(sep)
        while pos != -1:
            mt = _SCORE_RE.search(norm, max(0, pos - 4), pos + 7)
            if mt is not None and (not scores or scores[-1].start() != mt.start()):
                scores.append(mt)
            pos = norm.find(sep, pos + 1)
    cov = None
    drop: set[int] = set()
    new = []
    for mt in sorted(scores, key=lambda m: m.start()):
        e = len(norm[: mt.start()].rstrip(" ("))
        if e == 0 or not norm[e - 1].isalpha():
            continue
        k = f.tok_index(e - 1)
        if k < 0 or f.ends[k] != e:
            continue
        if cov is None:
            cov = _coverage(f, out)
        o = cov.get(k)
        if o is not None:
            if (id(o) in drop or o.typ != "location" or o.kind not in ("name", "alias") or o.e != e
                    or f.tok_index(o.s) != k):
                continue
            a, plen = o.s, o.plen
            j = k - 1  # دينامو كييف: an unknown word before the city is the club's first word
            if not plen and j >= 0 and f.adjacent(k) and cov.get(j) is None and _club_word(f.word(j), rules) \
                    and 1 not in occ[f.starts[j] : f.ends[j]]:
                a = f.starts[j]
            drop.add(id(o))
            occ[a:e] = b"\x01" * (e - a)
            new.append(new_mention(a, e, plen, f.x[a + plen : e], "organization"))
            continue
        a = f.starts[k]
        w = f.x[a:e]
        plen = 1 if w[0] in "وف" and not w.startswith("ال") and _club_word(w[1:], rules) else 0
        bare = w[plen:]
        if (1 in occ[a:e] or not (plen or _club_word(w, rules)) or w.startswith("ال") or len(bare) < 4
                or bare in rules.given_names or bare in rules.person_tokens or not _foreign_word(bare, rules, load_name_rules())
                or _verb_like(bare, rules) or bare.endswith("ه") and (bare[:-1] in rules.definite_stems or bare[:-1] in rules.frequent_words)):
            continue  # a definite word (العام), a first name, a verb (يخسر) or a suffixed noun (فريقه، كسبه) is no club
        occ[a:e] = b"\x01" * (e - a)
        new.append(new_mention(a, e, plen, f.x[a + plen : e], "organization"))
    if not new:
        return out
    return sorted([o for o in out if id(o) not in drop] + new, key=lambda o: o.s)


def _clubs_named_by_city(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """T6: a transliterated word right before a city the codebook lists, the city followed by its country in brackets
    or by a definite masculine country nisba, is a club named after the city (دينامو كييف ( اوكرانيا )، ستيوا بوخارست
    الروماني); the pair is then a club wherever it recurs in the field (وقلص دينامو كييف الفارق). Without such a cue
    the word is mostly a verb or a noun in construct (أنفق ليفربول، منطقتي خور مكسر)."""
    cands = []  # (location mention, token index of the word before it, proclitic length)
    nr = None
    for o in out:
        if o.typ != "location" or o.kind not in ("name", "alias") or o.plen:
            continue
        j = free_token_before(f, o.s, occ)
        if j < 0:
            continue
        w = f.x[f.starts[j] : f.ends[j]]
        plen = 1 if w[0] in "وف" and len(w) > 3 and w not in rules.given_names else 0
        bare = w[plen:]
        if nr is None:
            nr = load_name_rules()
        if (len(bare) < 3 + plen or bare in rules.given_names or bare in rules.person_tokens or w in load_team_heads()
                or not _foreign_word(bare, rules, nr) or _verb_like(bare, rules) or not _plain_spelling(f, j)):
            continue  # فريقي ظفار: a head (T1), not a club's first word
        cands.append((o, j, plen))
    if not cands:
        return out
    by_start = {o.s: o for o in out}
    pairs = set()
    for o, j, plen in cands:
        k = f.tok_index(o.e - 1) + 1
        if k >= len(f.starts):
            continue
        nxt = by_start.get(f.starts[k])
        gap = f.norm[o.e : f.starts[k]].strip()
        if nxt is not None and (gap == "(" and nxt.typ == "country" and nxt.kind in ("name", "alias")
                                or not gap and definite_masculine_nisba(f, nxt)):
            pairs.add((f.word(j)[plen:], o.actor_id))
    drop: set[int] = set()
    new = []
    for o, j, plen in cands:
        if (f.word(j)[plen:], o.actor_id) not in pairs:
            continue
        a = f.starts[j]
        drop.add(id(o))
        occ[a : o.e] = b"\x01" * (o.e - a)
        new.append(new_mention(a, o.e, plen, f.x[a + plen : o.e], "organization"))
    if not new:
        return out
    return sorted([o for o in out if id(o) not in drop] + new, key=lambda o: o.s)


#: initials with dots right before a suffix (سي.إف، أو.سي.آي; normalised سي.اف), several tokens; searched up to the suffix
_INITIALS_RE = re.compile(r"(?<!\S)[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+\.? $")


def _companies_by_suffix(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """T7: transliterated words before a company suffix are a company (see the module docstring). Only the suffixes
    that the matcher's automaton found (``f.suffix_hits``: ``suffix_keys``) are looked at."""
    if not f.suffix_hits:
        return out
    suffixes = load_company_suffixes()
    x = f.x
    n = len(f.starts)
    nr = load_name_rules()
    new = []
    forms = {}
    done = -1
    for j, _one in f.suffix_hits:
        if j <= done or 1 in occ[f.starts[j] : f.ends[j]]:
            continue
        last = j
        while (last + 1 < n and f.adjacent(last + 1) and f.word(last + 1) in suffixes
               and 1 not in occ[f.starts[last + 1] : f.ends[last + 1]]):
            last += 1
        first = j
        k = j - 1
        while k >= 0 and j - k <= 3 and f.adjacent(k + 1):
            a, b = f.starts[k], f.ends[k]
            w = f.word(k)
            if 1 in occ[a:b] or w in suffixes or not _foreign_word(w, rules, nr):
                break
            first = k
            k -= 1
        done = last
        if first == j:
            m = _INITIALS_RE.search(f.norm, max(0, f.starts[j] - 16), f.starts[j])  # (x has the dots as spaces)
            if m is None or 1 in occ[m.start() : m.end()]:
                continue
            a = m.start()
        else:
            a = f.starts[first]
        b = f.ends[last]
        occ[a:b] = b"\x01" * (b - a)
        new.append(new_mention(a, b, 0, x[a:b], "organization"))
        w0 = f.word(first) if first < j else ""
        if len(w0) >= 4 and first < j and w0[0] not in "وفلب":
            forms.setdefault(w0, (new[-1].actor_id, new[-1].label_ar, "organization"))
    if not new:
        return out
    return repeat_forms(f, sorted(out + new, key=lambda o: o.s), occ, forms, new_mention)


def refine_organizations(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """Rules T1–T2 and T5–T7 over one field (a ``fields._Field``) after discovery; see :func:`names.refine_persons` for
    the arguments. Returns the mentions, sorted by start."""
    out = _companies_by_suffix(f, out, occ, rules, new_mention)
    out = _clubs_named_by_city(f, out, occ, rules, new_mention)
    out = _teams_before_scores(f, out, occ, rules, new_mention)
    n = len(f.starts)
    hits = f.head_hits
    nisbas = [o for o in out if o.kind == "nisba" and definite_masculine_nisba(f, o) and f.x[o.s : o.e].startswith("ال")]
    if not hits and not nisbas:
        return out
    cov = _coverage(f, out)
    drop: set[int] = set()
    new: list = []
    for i, kind in hits:
        if i + 1 >= n or cov.get(i) is not None or not f.adjacent(i + 1):
            continue
        if kind == "media":  # T3: صحيفة تايمز، شبكة أوربيت
            toks = []
            k = i + 1
            while k < n and len(toks) < 2 and (k == i + 1 or f.adjacent(k)) and cov.get(k) is None \
                    and _outlet_word(f.word(k), rules) and 1 not in occ[slice(f.starts[k], f.ends[k])]:
                toks.append(k)
                k += 1
            if toks:
                a, b = f.starts[toks[0]], f.ends[toks[-1]]
                occ[a:b] = b"\x01" * (b - a)
                new.append(new_mention(a, b, 0, f.x[a:b], "media"))
            continue
        toks: list[int] = []
        inner = []
        k = i + 1
        while k < n and len(toks) < 3 and (k == i + 1 or f.adjacent(k)):
            o = cov.get(k)
            if o is not None:
                if (o.s == f.starts[k] and o.typ in ("location", "person", "country", "media") and o.kind in ("name", "alias", "discovered")
                        and f.x[o.s : o.s + o.plen] in ("", "ال")):
                    inner.append(o)
                    last = f.tok_index(o.e - 1)
                    toks.extend(range(k, last + 1))
                    k = last + 1
                    continue
                break
            a, b = f.starts[k], f.ends[k]
            if (1 in occ[a:b] or not _club_word(f.x[a:b], rules, first=not toks)
                    or not toks and _common_after_team(f, i, k, rules)):
                if not toks and k == i + 1 and 1 not in occ[a:b] and _word_after_nadi(f, i, k, rules):
                    toks.append(k)  # T1b: the word alone (نادي الجيل أحمد الغنيم: the name after it is a person's)
                break
            toks.append(k)
            k += 1
        if not toks or not inner and len(toks) == 1 and f.word(toks[0]) in rules.given_names:
            continue
        a, b = f.starts[toks[0]], f.ends[toks[-1]]
        drop.update(id(o) for o in inner)
        occ[a:b] = b"\x01" * (b - a)
        new.append(new_mention(a, b, 0, f.x[a:b], "organization"))
    # T2: city + masculine nisba
    for o in nisbas:
        if id(o) in drop:
            continue
        j = f.tok_index(o.s)
        if j == 0 or not f.adjacent(j):
            continue
        p = cov.get(j - 1)
        if p is not None:
            if (id(p) not in drop and p.typ == "location" and p.kind in ("name", "alias") and p.plen == 0
                    and f.tok_index(p.s) == j - 1):
                drop.add(id(p))
                new.append(new_mention(p.s, p.e, 0, f.x[p.s : p.e], "organization"))
            continue
        a, b = f.starts[j - 1], f.ends[j - 1]
        w = f.x[a:b]
        if j > 1 and f.adjacent(j - 1) and f.word(j - 2).removeprefix("و") in _INDEX_WORDS:
            continue  # مؤشر داكس الألماني، خام نايمكس الأمريكي: a stock index or a crude, no club
        if (1 in occ[a:b] or w.startswith("ال") or w in rules.given_names or w in rules.definite_stems
                or w in rules.person_tokens or not _club_word(w, rules) or len(w) < 4 or w.endswith(("ي", "يه"))
                or w[-1] == "ه" and (w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words)
                or suffixed_word(f, b, w, rules)):
            # an adjective (إغاثي، طبية) before the nisba is no club; nor a noun with "his" (حارسه الإسباني,
            # thirty-third session; حارس مرماه البلجيكي, "his goal's keeper", forty-second session). The ه test before
            # suffixed_word is no twin of it: it also holds for a word written with ة (قبضة الحوثي، حمادة المصري),
            # which suffixed_word leaves to names; without it 3 corpus mentions change
            continue
        occ[a:b] = b"\x01" * (b - a)
        new.append(new_mention(a, b, 0, w, "organization"))
    if not new:
        return out
    out = sorted([o for o in out if id(o) not in drop] + new, key=lambda o: o.s)
    # T4: a club or outlet found here, named again alone in the field (ليون … ليون يواصل، تايمز … وقالت تايمز)
    forms = {}
    for o in new:
        nm = f.x[o.s + o.plen : o.e]
        if " " not in nm and len(nm) >= 4 and (_outlet_word(nm, rules) if o.typ == "media" else _club_word(nm, rules)):
            forms.setdefault(nm, (o.actor_id, o.label_ar, o.typ))
    return repeat_forms(f, out, occ, forms, new_mention)
