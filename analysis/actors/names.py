"""Person names that the first discovery pass (``persons._discover``) leaves out, found in a second pass.

Called by ``analysis.actors.matcher`` once per field after discovery, on mentions still in normalised
coordinates (``refine_persons``). Five rules, each kept because it paid on held-out ANERcorp training text (two
folds, the derived word lists rebuilt without them; see analysis/resources/actors_rules/README.md, round 4):

N1  a role noun (``person_roles.txt`` or ``titles.txt``: الحارس، المدافع، الفنانة، نظيره …) or a definite
    masculine country nisba (الفرنسي، للبرازيلي), then up to three descriptors (a nisba, ``role_adjectives.txt``,
    ``title_complements.txt``), then one to four name-like words = a person (المدافع الفرنسي ويلي سانيول); round 7:
    one word alone may start with و/ف when it reads as a transliterated name (الاسباني فابريغاس الى …);
N2  a one-word discovered person that is a first name takes the next name-like word as its family name
    (أرسين فينغر، محمد صديق); N2b (round 5) so does a compound first name (عبد الله بوكرمة);
N3  a discovered name does not end on و/ف/ل + a known word (فاحتسب، لركلة) or, from three words on (round 7: or when
    its stem is a frequent word: ابو عبد الله يسمع), on an imperfect
    verb (طلعت زكريا يتقمص → طلعت زكريا);
N4  adjacent person mentions, one of them discovered or joined by بن/آل, are one name (سلفان + شالوم، راشد بن +
    محمد بن راشد آل مكتوم); never across و/ف (… محمد وعباس عبد الحسين: two persons);
N5  a regnal number after a person's name belongs to it (تشارلز الأول، الفونسو الثالث عشر);
N3b (round 5) a discovered name does not end on an indefinite accusative or a suffixed common noun (متأثرا،
    رؤيته، مصرعه: the clause goes on); N3c such a word alone is no name (غاراته، لمصلحته، حرصا);
N6  (round 5) أبو right before a discovered person's name is part of it (ابو عبد الله، أبو حمزة المصري); N6b (round 8)
    أبو/أبا/أبي + a first name or a transliterated word is a kunya name (أبو بكر، أبا هريرة; nineteenth session: أم +
    a first name, أم ناصر);
N8  (round 7) two to four name-like words right before a role noun or title without the article are a person in
    apposition (أجرى ألكسندر سلطانوف نائب وزير خارجية روسيا); not before a definite role (اختطف مجهولون القس), not
    when a word is verb-like (دشن، يكرمون) or the last is a first name or a known word (دشن مساعد مدير);
N9  (round 7) a role noun or title, up to five more words of its phrase, then two transliterated words (no word of the
    lists, or a first name and such a word; no verb-like word, no tanween, no possessive ه, no و before the second)
    = a person (رئيس الاتحاد برند جوتشولك، المتحدث باسم الخارجية التركية ناميك تان);
N10 (round 7) after a person's name, و + a first name or a transliterated word + a transliterated word (not a dual,
    plural or suffixed word) is the next person of a list (ادم ساندلر وكيت بيكنسيل، أندريه إيوو وجانيلي إيمبولا);
N11 (round 7) a definite masculine country nisba right after a discovered Arabic name of first names and links is its
    family name (عبدالله بن عبدالمحسن التركي، أبو حمزة المصري); after a foreign name it stays a nisba (D5); N11b
    (thirty-seventh session) so is a one-word place with the article after بن + a first name (عبدالله بن محمد السويد);
N12 the byline that opens a text: one or more names of two or three words (separated by ،) before a dash and the
    outlet or a place that ends the first line (فايز الحسيكي – عين اليوم، مسلّم الهواملة-عين اليوم، أحمد العدواني -
    الدمام); a name's first word does not start with ال and none of its words is a common or function word (not
    عواصم العالم - رويترز);
N13 a particle of a foreign name (فان، دي، دا …) or a first name with a proclitic ل/و/ب right before a discovered
    name starts it (فان نيستلروي، دي ماريا، لروبرتو كارلوس), not a word (لدينا، بريد، لجان) or a verb (ويزيد);
N14 two adjacent words that read as a foreign name by the name lexicon (``foreign_names_jrc.txt``, derived from
    JRC-Names) are a person without any cue (فنسنت كوهين): both lexicon words, a first name + a lexicon word, or a
    lexicon word and a transliterated word; not a verb, an award, brand, club or company (``_lexicon_names``);
N15 the foreign surname of a person found by this pass, alone later in the field, is that person (… وقال كوهين);
N16 a discovered name does not run across و into the next person of a list (``_split_at_conjunctions``);
N17 باسم after a spokesman or a naming word is "in the name of, by the name", not the first name Basim
    (``_in_the_name_of``);
N18 بن/ابن + a family name right after a verb of saying is a person (وشدد بن محيا: ``_son_of_after_verb``);
N19 a one-word name that is a common word with a pronoun suffix is none (دعمه، بإمكانك: ``suffixed_word``), nor two
    words, such a word and an adjective (ناديه الأصلي، بطاقته الدولية: ``_suffixed_pair``);
N20 a quoted name right after a work's head is the work's title (مسلسل «مريم»: ``_work_title``);
N21 no name starts right after كل، الذي/التي or كبير (كل عيد، الذي عوضه، جرح كبير أحدثته: ``_after_no_name_word``).

Role words are found by the matcher's automaton (``role_keys``; no Python loop over every token).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.actors.rules import (
    HONORIFICS,
    NAME_CLITICS_RE,
    RANKS,
    WORD_CACHE,
    Rules,
    load_rules,
    norm_word,
    reporting_verb,
    strip_clitics,
)
from analysis.normalize import dediacritize
from analysis.resources import read_word_list

_ENCLITICS = ("ها", "هم", "هما", "كم", "هن", "نا")


@dataclass(frozen=True, eq=False)
class NameRules:
    """Word lists of this module (normalised), from ``analysis/resources/actors_rules/``. Hashed and compared by
    identity, as ``Rules`` (the word tests cached per word take it as an argument)."""

    roles: frozenset[str]  # one- or two-word role nouns (with their article as written)
    role_adjectives: frozenset[str]
    foreign_names: frozenset[str] = frozenset()  # N14: foreign_names_jrc.txt + foreign_given_names.txt less foreign_names_not.txt and ANERcorp words
    not_name_words: frozenset[str] = frozenset()  # N14: foreign_names_not.txt (never a word of a lexicon name)
    not_person_heads: frozenset[str] = frozenset()  # N14: heads (without clitics) before which a name is no person


@lru_cache(maxsize=1)
def load_name_rules() -> NameRules:
    """The lists of ``person_roles.txt`` and ``role_adjectives.txt``, normalised; cached per process."""
    def words(name: str) -> frozenset[str]:
        return frozenset(w for w in (norm_word(x) for x in read_word_list("actors_rules", name)) if w)

    rules = load_rules()
    lexicon = frozenset(read_word_list("actors_rules", "foreign_names_jrc.txt"))  # normalised by its build script
    lexicon |= words("foreign_given_names.txt")  # nineteenth session: first names the lexicon lacks
    heads = words("not_person_heads.txt") | words("team_heads.txt") | words("outlet_heads.txt") | rules.event_heads
    heads |= words("currencies.txt")
    heads |= frozenset(rules.org_heads) | frozenset(rules.place_heads)
    return NameRules(roles=words("person_roles.txt"), role_adjectives=words("role_adjectives.txt"),
                     foreign_names=lexicon - words("foreign_names_not.txt") - rules.common_words,
                     not_name_words=words("foreign_names_not.txt"),
                     not_person_heads=frozenset(h[2:] if h.startswith("ال") and len(h) > 4 else h for h in heads))


@lru_cache(maxsize=WORD_CACHE)
def _known_word(w: str, rules: Rules) -> bool:
    """A word news text uses as an ordinary word: function words, frequent words, verbs, titles, common nouns."""
    return (w in rules.stopwords or w in rules.frequent_words or w in rules.reporting_verbs or w in rules.titles
            or w in rules.title_complements or w in rules.common_words)


@lru_cache(maxsize=WORD_CACHE)
def _name_word(w: str, rules: Rules, nr: NameRules, *, first: bool, relaxed: bool = False, frequent_ok: bool = False) -> bool:
    """Whether w can be a word of a person's name at this position (first word, or a later one).

    relaxed: the word follows a role or a first name, where words that take the article elsewhere (عمير، ندي) count,
    and later words that are also common nouns (صديق، دين); frequent_ok: a frequent word counts (لويس)."""
    if len(w) < 2 or w.isdigit() or not w.isalpha():
        return False
    if w in rules.given_names or w in rules.person_tokens:
        return w not in rules.stopwords
    if w in rules.connectors:
        return not first or w in ("ابو", "عبد", "ابن")
    if w in rules.stopwords or w in rules.reporting_verbs or w in rules.titles or w in nr.role_adjectives \
            or w in rules.title_complements or w in nr.roles:
        return False
    if w.startswith(("وال", "فال", "بال", "كال", "لل")):
        return False  # والمواهب، للضغط: a definite common noun with a clitic
    if w.endswith("ا") and len(w) > 3 and (w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words):
        return False  # موقفا، اظهارا، فوزا: an indefinite accusative noun
    if construct_plural(w, rules):
        return False  # محامو، مؤيدو: a plural noun in construct
    if w.startswith("ال"):
        # a family name: ال + a nisba-shaped or first-name stem (الشربيني، الحسن), not a common noun
        return (not first and len(w) > 4 and (w.endswith("ي") or w[2:] in rules.given_names)
                and w not in rules.definite_nouns and w not in rules.common_words)
    if len(w) > 4 and w.endswith(_ENCLITICS):
        return False
    if len(w) > 4 and w.endswith(_DUAL_ENDS) and _dual_of_noun(w, rules):
        return False  # thirty-third session: جامعتي، محافظتي (the dual in construct or "my" of a frequent noun in ة that
        # takes the article; not كونتي); thirty-fourth: the dual itself (شخصيتين، جامعتان)
    if w[0] in "وفبلك" and (len(w) > 3 and (w[1:] in rules.frequent_words or w[1:] in rules.definite_stems
                                           or w[1:] in rules.common_words or w[1:] in rules.stopwords)
                            or len(w) == 3 and w[1:] in rules.stopwords and w[1:] not in ("اي", "او")):
        return False  # (ككل "as a whole", وهو، وقد، ولا، لما: a clitic on a function word; not كاي، باو، لاو in names)
    if not first and w[0] in "وف" and w[1:2] in ("ي", "ت", "م", "ن") and not _name_in_wy(w, rules):
        return False  # ويرمي، ومتردد: a second verb or adjective, not the same name
    if w in rules.frequent_words and not frequent_ok:
        return False
    if not relaxed and (w in rules.common_words or w in rules.definite_stems):
        return False
    if first and w in rules.common_words and w in rules.definite_stems:
        return False  # مسجد، قبيلة: a noun in construct, not a first name
    return True


def _name_in_wy(w: str, rules: Rules) -> bool:
    """Fourteenth session: w is a transliterated name that starts with وي (ويب، ويلسون، ويستفول، ويلينغام), which the
    test for a second verb joined by و (ويرمي، ويؤخذ، وتبدلت) took for one: the rest after و is no word of the lists
    and not verb-shaped, and w has no possessive or verb ending (وتوجيهاته، ونظراته: nouns of the sentence)."""
    v = w[1:]
    return (w[:2] == "وي" and len(w) >= 3 and not w.endswith(_ENCLITICS + ("ه", "ت", "وا", "ون", "ين"))
            and not _known_word(v, rules) and v not in rules.definite_stems and v not in rules.given_names
            and not _verb_like(v, rules) and not _short_imperfect(v, rules))


def _coverage(f, out) -> dict:
    """Token index -> the mention covering that token. Read from the field's token table (``f.token_range`` without
    a call and a range per mention: most mentions are one token, الرياض، السعودية)."""
    cov = {}
    tok_at = f._tok_at
    for o in out:
        a, b = tok_at[o.s], tok_at[o.e - 1]
        if a == b:
            cov[a] = o
        else:
            for t in range(a, b + 1):
                cov[t] = o
    return cov


def clitic_variants(word: str) -> set[str]:
    """A (normalised) word with the proclitics it takes in news text: و/ف, ب/ك (and ل without the article),
    ل + ال written لل (المدرب → والمدرب، بالمدرب، للمدرب; مدرب → ومدرب، لمدرب)."""
    if word.startswith("ال") and len(word) > 3:
        return {p + word for p in ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")} | {p + "لل" + word[2:] for p in ("", "و", "ف")}
    return {p + word for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")}


@lru_cache(maxsize=1)
def role_keys() -> dict[str, int]:
    """Every role noun and title with its proclitics (``clitic_variants`` of its first word) -> its number of words.
    The matcher's automaton finds them (``fields._build_matcher``): a field lists its hits as ``f.role_hits``,
    (token index, number of words) in text order."""
    rules, nr = load_rules(), load_name_rules()
    keys: dict[str, int] = {}
    for r in sorted(nr.roles | rules.titles):
        first, _, rest = r.partition(" ")
        for v in clitic_variants(first):
            keys[(v + " " + rest) if rest else v] = 2 if rest else 1
    return keys


_DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")


def definite_masculine_nisba(f, o) -> bool:
    """o is a one-word definite masculine nisba mention (الفرنسي، للبرازيلي, not الفرنسية or فرنسي)."""
    if o.kind != "nisba" or f.x[o.e - 1] != "ي":
        return False
    i = f.tok_index(o.s)
    return i == f.tok_index(o.e - 1) and o.s == f.starts[i] and f.x[o.s : o.e].startswith(_DEFINITE)


def _nisba_of_a_noun(f, i: int, occ: bytearray, rules: Rules) -> bool:
    """Forty-first session: the nisba at token i qualifies the definite noun right before it, which is no role, title
    or person cue and no mention (الشعب السعودي، الجانب الروسي، الموقف التركي; not اللاعب البرازيلي، المدرب الفرنسي,
    where a name follows as it does after a bare السعودي)."""
    if i < 1 or not f.adjacent(i) or 1 in occ[f.starts[i - 1] : f.ends[i - 1]]:
        return False
    w = f.word(i - 1)
    if not w.startswith(_DEFINITE):
        return False
    nr = load_name_rules()

    def cue(w: str) -> bool:
        bare = strip_clitics(w)
        if w.startswith(("لل", "ولل", "فلل")):
            bare = "ال" + w[w.index("لل") + 2 :]  # للفيلسوف: ل + الفيلسوف
        return any(v in nr.roles or v in rules.titles or v in rules.person_context or v in rules.given_names
                   for v in (w, bare, bare[2:] if bare.startswith("ال") else "ال" + bare))

    # (a noun that completes a role before it is part of the role: مدرب اللياقة اليوناني، مدرب الحراس الكولومبي)
    return not cue(w) and not (i > 1 and f.adjacent(i - 1) and cue(f.word(i - 2)))


_NAME_SHARE = 0.035  # a cluster holding fewer names than this share of its words is no cluster of names


@lru_cache(maxsize=1)
def _unnamed_clusters() -> tuple[dict[str, str], frozenset[str]]:
    """The word clusters of the default gap filler at the middle granularity (k = 256; ``analysis/resources/tagger/``,
    ``scripts/build_word_clusters.py``) and the clusters in which fewer than ``_NAME_SHARE`` of the words are names of
    the lists (given names, ANERcorp person tokens, the foreign name lexicon, nisba-shaped family names): the clusters
    of verbs, adjectives and common nouns (يقترح، مستعد، مهيأ)."""
    from analysis.actors.tagger import CLUSTERS_FILE, load_clusters  # (not loaded unless a candidate asks)

    rules = load_rules()
    names = rules.given_names | rules.person_tokens | load_name_rules().foreign_names | rules.nisba_surnames
    of = {w: ids[1] for w, ids in load_clusters(CLUSTERS_FILE).items() if len(ids) > 1}
    size: dict[str, int] = {}
    named: dict[str, int] = {}
    for w, c in of.items():
        size[c] = size.get(c, 0) + 1
        named[c] = named.get(c, 0) + (w in names)
    return of, frozenset(c for c, n in size.items() if named[c] < _NAME_SHARE * n)


def _unnamed_cluster(w: str, rules: Rules) -> bool:
    """w is no name of the lists and its word cluster holds (almost) no names; a word the clusters lack is not."""
    if w in rules.given_names or w in rules.person_tokens or w in load_name_rules().foreign_names:
        return False
    of, unnamed = _unnamed_clusters()
    c = of.get(strip_clitics(w))
    return c is not None and c in unnamed


def _role_starts(f, out: list, occ: bytearray, cov: dict) -> list[tuple[int, int]]:
    """(token index, number of tokens) of each role noun in the field and of each definite masculine country nisba
    (الفرنسي، للبرازيلي), which introduces a name the same way; only those followed by a free word. cov (token ->
    mention) is filled only when there is a candidate: most fields have none."""
    n = len(f.starts)
    roles: dict[int, int] = {}
    for i, rl in f.role_hits:
        if rl > roles.get(i, 0) and i + rl < n and occ[f.starts[i + rl]] == 0:
            roles[i] = rl
    nisbas = [f.tok_index(o.s) for o in out if o.kind == "nisba" and definite_masculine_nisba(f, o)]
    nisbas = [i for i in nisbas if i + 1 < n and occ[f.starts[i + 1]] == 0]
    if not roles and not nisbas:
        return []
    cov.update(_coverage(f, out))
    best = {i: rl for i, rl in roles.items() if cov.get(i) is None}
    best.update(dict.fromkeys(nisbas, 1))
    return sorted(best.items())


#: Kinship nouns: between two names they relate two persons, they are no father's name.
_KIN = frozenset(norm_word(w) for w in ["شقيق", "شقيقة", "نجل", "نجلة", "والد", "والدة", "زوج", "زوجة", "ابنة", "أخو", "أخي",
                                          "أخت", "عم", "خال", "جد", "حفيد", "حفيدة", "صهر", "أرملة", "طليقة", "خطيبة"])


@lru_cache(maxsize=WORD_CACHE)
def _kin_word(w: str) -> bool:
    """A kinship noun (``_KIN``), also with a possessive pronoun (أرملته، والدها، زوجته)."""
    if w in _KIN:
        return True
    for end in ("ه", "ها", "هم", "هما"):
        if w.endswith(end) and len(w) > len(end) + 1:
            base = w[: -len(end)]
            return base in _KIN or base.endswith("ت") and base[:-1] + "ه" in _KIN
    return False


def _name_after(f, j: int, occ: bytearray, rules: Rules, nr: NameRules) -> list[int]:
    """Tokens of a name starting at token j after a role or a reporting verb: up to four name-like words. A first word
    that is also a frequent word (لويس) counts when a second name word that is not follows (لويس ساها)."""
    n = len(f.starts)
    toks: list[int] = []
    k = j
    while k < n and len(toks) < 4 and (not toks or f.adjacent(k)):
        a, b = f.starts[k], f.ends[k]
        w = f.x[a:b]
        if 1 in occ[a:b]:
            break
        if toks and _kin_word(w):
            break  # forty-third session: الإعلامية نهال كمال زوجة الأبنودي: kinship after the name ends it (as in _name_from)
        if w[-1] == "ه" and w[:-1] in rules.frequent_words and w not in rules.given_names and not _plain_spelling(f, k):
            break  # twenty-second session: فوزه، هدفه، وسطه (written with ه, not ة): a noun with a possessive, no name
        if not _name_word(w, rules, nr, first=not toks, relaxed=True) and not (
                not toks and _hamza_initial(f, k) and _foreign_word(w, rules, nr, hamza=True)):  # أليسا سلوتكين
            if toks or w not in rules.frequent_words or not _name_word(w, rules, nr, first=True, relaxed=True, frequent_ok=True):
                break
            if not (k + 1 < n and f.adjacent(k + 1) and 1 not in occ[slice(f.starts[k + 1], f.ends[k + 1])]):
                break
            w2 = f.word(k + 1)
            if w2 in rules.frequent_words or not _name_word(w2, rules, nr, first=False, relaxed=False):
                break
        toks.append(k)
        k += 1
    return toks


def _role_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N1: role (+ descriptors) + name-like words = a person."""
    n = len(f.starts)
    cov: dict = {}
    found = []
    done = -1
    adjq = f._adjq  # (f.adjacent(j, quotes=True) without a call: 0 < j < n where it is read below)
    for i, rl in _role_starts(f, out, occ, cov):
        if i <= done:
            continue
        j = i + rl
        skipped = 0
        while j < n and skipped < 3 and adjq[j]:
            oj = cov.get(j)
            wj = f.word(j)
            if oj is not None and oj.kind == "nisba" and oj.s == f.starts[j]:
                j = f.tok_index(oj.e - 1) + 1
            elif oj is None and (wj in nr.role_adjectives or wj in rules.title_complements
                                 or wj.startswith("ال") and wj.endswith("ي") and len(wj) > 5 and wj not in rules.stopwords):
                # a nisba-shaped adjective the codebook lacks (العاجي، الاشتراكي)
                j += 1
            else:
                break
            skipped += 1
        if j >= n or not adjq[j] or cov.get(j) is not None:
            continue
        toks = _name_after(f, j, occ, rules, nr)
        while toks and f.word(toks[-1]) in rules.connectors:
            toks.pop()
        if toks and _function_word(f.word(toks[0]), rules):
            continue  # تحدث الشاعر عما واجه: a function word (عما "about what") starts no name (fifty-first session)
        if toks and _short_imperfect(f.word(toks[0]), rules) and (skipped or f.word(toks[0]) in rules.frequent_words):
            continue  # لاعب أجنبي يشغل خانة، وزير جديد يصرخ: the clause's verb after the role's adjective, no name;
            # right after the role too when the verb is a frequent word (مدرب يحظى بحب اللاعبين; not المدرب يونغ)
        if len(toks) == 1 and _rare_family_after(f, toks[0], occ, rules):
            toks.append(toks[0] + 1)  # twenty-second session: والمدافع حسن الصندل، لاعب الفريق الأول مدالله العليان
        if toks and len(toks) == 1:
            # one word alone is a name only when it is not also a word and the phrase ends there (الحارس هيلتون ،
            # الاسباني فابريغاس الى …), not before an object (المفتي ارتكب أخطاء)
            w = f.word(toks[0])
            k = toks[0] + 1
            ends = k >= n or not f.adjacent(k) or f.word(k) in rules.stopwords or f.word(k) in rules.reporting_verbs
            if (len(w) < 3 or w in rules.common_words or w in rules.definite_stems or w in rules.definite_nouns
                    or _short_imperfect(w, rules)
                    or w[0] in "وف" and w not in rules.given_names and not (
                        _foreign_word(w, rules, nr) and not w.endswith(("وا", "ه")) and not (w[0] == "و" and w[1] in "يتن")) or not ends
                    or cov.get(i) is not None and cov[i].kind == "nisba" and _nisba_of_a_noun(f, i, occ, rules)
                    and _unnamed_cluster(w, rules)):  # الجانب الكويتي اعترض، الشعب الباكستاني مستعد: the clause's verb
                toks = []
        if toks:
            a, b = f.starts[toks[0]], f.ends[toks[-1]]
            occ[a:b] = b"\x01" * (b - a)
            found.append(new_mention(a, b, 0, f.x[a:b], "person"))
            done = toks[-1]
    return sorted(out + found, key=lambda o: o.s) if found else out


#: particles, adverbs and function words that start no name after a role (الرئيس العراقي الراحل حينما سئل، المسؤول
#: التركي "إننا نحقق"، النادي السعودي عقب فسخ، كما ذكر آنفا: fifty-first session). Not the frequent words at large:
#: جو، بات، منة، إدي، معين are frequent words and first names (الحارس جو هارت، القس بات روبرتسون، الممثلة منة شلبي),
#: and لو "if" is also Le (المهندس لو كوربوزييه).
_NO_NAME_START = frozenset(norm_word(w) for w in [
    "عما", "حينما", "عندما", "بينما", "طالما", "كلما", "مثلما", "فيما", "مما", "ممن", "لما", "إننا", "أننا", "إنني",
    "أنني", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "أنك", "إنك", "ليس", "ليست", "سوف", "هل", "أين", "كيف", "متى",
    "لماذا", "ربما", "لقد", "قد", "كنت", "كان", "كانت", "آنفا", "آنذاك", "حاليا", "مؤخرا", "أيضا", "وتم", "تم", "بها",
    "به", "لها", "له", "منها", "عقب", "إثر", "معظم", "أبرز", "أجمل", "إحدى"])


def _function_word(w: str, rules: Rules) -> bool:
    """w is a stopword or a particle of ``_NO_NAME_START`` (عما، بينما، ليس، إننا): it starts no name."""
    return w in rules.stopwords or w in _NO_NAME_START


@lru_cache(maxsize=WORD_CACHE)
def _rare_definite(w: str, rules: Rules) -> bool:
    """A word with the article that no list knows as a word of the language (المشيقح، السديري، البنعلي): a family
    name after a first name (not الجنسية، الأصل، الشاب)."""
    return (w.startswith("ال") and len(w) > 4 and w not in rules.definite_nouns and w not in rules.common_words
            and w not in rules.frequent_words and w not in rules.stopwords and w not in rules.titles
            and w not in rules.title_complements)


_DUAL_RELATIVES = frozenset(["اللذان", "اللتان"])


#: the kin words after which _kin_names looks for a first name: these stems (with و), then ``_kin_word`` decides
_KIN_NEAR_RE = re.compile(r"(?<!\S)و?(?:زوج|شقيق|ابن|والد|نجل|ارمل|اخي|اخت|اخو)\S*")  # (normalised: أرملة، أخيه)


def _kin_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """Forty-ninth session: a kin word with a pronoun or in construct (``_kin_word``: شقيقتها، زوجته، والده، ابنة)
    right before a first name of the lists or of the foreign lexicon (شقيقتها كاثي، وزوجته تاهيرا، والده سعد ووالدته
    رهام، والدة لوتا): that name is a person, as far as :func:`_name_after` takes it and not past the next kin word.
    Any other word after the kin word is mostly the clause's verb or noun (زوجها متوقفين، والدته انتحرت، وشقيقه اعتقلا:
    about two in five of what a reading of the kin words as roles found in SaudiNewsNet were such words)."""
    n = len(f.starts)
    found = []
    for mt in _KIN_NEAR_RE.finditer(f.x):
        i = f.tok_index(mt.start())
        w = f.word(i)
        if (i + 1 >= n or len(w) < 4 or not _kin_word(w.removeprefix("و")) or not f.adjacent(i + 1)
                or occ[f.starts[i + 1]]):
            continue
        j = i + 1
        w1 = f.word(j)
        if w1 not in rules.given_names and w1 not in nr.foreign_names or w1 in rules.stopwords:
            continue
        toks = []
        for t in _name_after(f, j, occ, rules, nr):
            if _kin_word(f.word(t).removeprefix("و")):
                break
            toks.append(t)
        while toks and f.word(toks[-1]) in rules.connectors:
            toks.pop()
        if not toks or any(occ[f.starts[t]] for t in toks):
            continue
        a, b = f.starts[toks[0]], f.ends[toks[-1]]
        occ[a:b] = b"\x01" * (b - a)
        found.append(new_mention(a, b, 0, f.x[a:b], "person"))
    return sorted(out + found, key=lambda o: o.s) if found else out


def _rare_family_after(f, k: int, occ: bytearray, rules: Rules) -> bool:
    """Twenty-second session: token k, the one name word N1 found after a role (a first name of the lists, or a word
    that takes no article and reads as no verb nor possessed noun: مدالله، عيد), is followed by a family name with
    the article that is no word of the lists, nor its bare form (والمدافع حسن الصندل، لاعب الفريق الأول مدالله
    العليان; not زكاة الفطر، هاتفك المحمول، الرئيس الذي). Corpus-wide: 11 more persons, 10 right."""
    w0 = f.word(k)
    if k + 1 >= len(f.starts) or not f.adjacent(k + 1) or w0 not in rules.given_names and (
            w0 in rules.definite_stems or w0[0] in "يتنولبف" or w0.endswith(_ENCLITICS)
            or w0[-1] == "ك" and w0[:-1] in rules.definite_stems or _verb_like(w0, rules)):
        return False  # (زكاة الفطر، يكسب الرهان، لازدراء الأديان، هاتفك المحمول: a noun or a verb, not a first name)
    a, b = f.starts[k + 1], f.ends[k + 1]
    w = f.x[a:b]
    return (1 not in occ[a:b] and _rare_definite(w, rules) and w.isalpha() and not _known_word(w[2:], rules)
            and w not in _DUAL_RELATIVES and not _hamza_initial(f, k + 1))  # (أليكسيس: a first name, not a family name)


@lru_cache(maxsize=WORD_CACHE)
def _short_imperfect(w: str, rules: Rules) -> bool:
    """Round 8: w reads as an imperfect verb and is no name of the lists: a word in ي of three or four letters (يمد،
    يكدس، يهنئ) or one whose stem is frequent (يتفقد، يستمع), also after ل or a future س when the rest is such a verb
    (ليقرر، سيصدر; not ليندسي، سيسل). After a role or a nisba it is the verb of the clause (النظام العراقي يكدس
    اسلحة، وزير التعليم يرعى), not a name; longer words in ي are often transliterated names (يعلون، يونكر)."""
    if w in rules.given_names or w in rules.person_tokens:
        return False
    if w[:1] in "لس":
        v = w[1:]
        return v[:1] == "ي" and v not in rules.given_names and _verb_like(v, rules)
    return w[:1] == "ي" and (3 <= len(w) <= 4 or _verb_like(w, rules))


@lru_cache(maxsize=WORD_CACHE)
def _verb_like(w: str, rules: Rules) -> bool:
    """w looks like a verb of a frequent or common stem: a perfect in ت/وا (كرمت، اجتمعت، وصلوا) or an imperfect in
    ي/ت, also with ون or a future س (يستقبل، يكرمون، ستتناول)."""
    cands = []
    if w.endswith("ت"):
        cands.append(w[:-1])
    if w.endswith("وا"):
        cands.append(w[:-2])
    v = w[1:] if w.startswith("ست") else w  # ستتناول: a future (not سي: سيسيل is a name)
    if v[0] in "يت":
        rest = v[1:-2] if v.endswith(("ون", "ان")) and len(v) > 5 else v[1:]
        cands += [rest, "ا" + rest]
        if (v[0] == "ت" and len(v) >= 4 and "ي" + v[1:] in rules.frequent_words and "ي" + v[1:] not in rules.given_names
                and w not in load_name_rules().foreign_names):
            return True  # (forty-fifth session) تنتمي، تلتقي: the feminine of a frequent ينتمي، يلتقي (not تونس: يونس;
            # not تومي: يومي)
    return any(len(c) >= 3 and (c in rules.frequent_words or c in rules.definite_stems) for c in cands)


@lru_cache(maxsize=WORD_CACHE)
def construct_plural(w: str, rules: Rules) -> bool:
    """Thirty-ninth session: w is a masculine plural noun in construct (مؤيدو، مديرو، محامو: a participle in م whose ين
    form takes the article in the news, definite_stems; or whose ين form is frequent: لاعبو، مواطنو), no name (مؤيدو
    مبارك، محامو بورزاكو: the name is after it)."""
    if len(w) < 5 or not w.endswith("و") or w in rules.given_names:
        return False
    p = w[:-1] + "ين"  # (a participle in م, or a frequent noun: لاعبو; not سالكو، ماريو)
    return p in rules.frequent_words or w[0] == "م" and p in rules.definite_stems


@lru_cache(maxsize=WORD_CACHE)
def _foreign_word(w: str, rules: Rules, nr: NameRules, *, hamza: bool = False) -> bool:
    """w is no word of the lists (function, frequent or common word, a noun that takes the article, a title or role,
    nor the feminine plural of such a noun: مذكرات from المذكرة, nor a plural in construct: ``construct_plural``): a
    transliterated name (جوتشولك، مازوز، خاجيبور).
    ``hamza``: w is written with أل/آل, so its ال is no article (أليسا، أليكسيس، ألكساندر; see ``_hamza_initial``)."""
    return (w not in rules.frequent_words and len(w) >= 3 and w.isalpha() and (hamza or not w.startswith(_DEFINITE))
            and not (w.endswith("ات") and w[:-2] + "ه" in rules.definite_stems) and not construct_plural(w, rules)
            and not w.endswith(_ENCLITICS + ("ته",)) and w not in rules.stopwords and w not in rules.common_words
            and w not in rules.definite_stems and w not in rules.definite_nouns and w not in rules.titles
            and w not in rules.title_complements and w not in rules.reporting_verbs and w not in nr.roles
            and w not in nr.role_adjectives and w not in rules.connectors
            and not (w[0] in "وفبلك" and (w[1:] in rules.frequent_words or w[1:] in rules.definite_stems
                                         or w[1:] in rules.stopwords or w[1:] in rules.common_words)))


def _plain_spelling(f, k: int) -> bool:
    """Token k carries no tanween (ومهنئاً، وفكريًا) and does not end in a possessive ه (بحبه، لوطنه، بفخذه; a name
    ends in ة or يه: عبيدة، جوزيه) in the original text."""
    orig = f.original(f.starts[k], f.ends[k])
    return "\u064b" not in orig and not (orig.endswith("ه") and not orig.endswith("يه"))


def _alef_maksura_token(f, k: int) -> bool:
    """Token k ends in ى in the original text (أبى "refused", على the preposition), which normalisation makes ي: the
    token form of ``fields._alef_maksura_end``, which this module cannot import (``fields`` imports it)."""
    return f.original(f.starts[k], f.ends[k]).endswith("ى")


def _hamza_initial(f, k: int) -> bool:
    """Token k starts with أل or آل in the original text: a word whose alif is a root letter (ألف، ألقى) or a foreign
    name (أليسا سلوتكين، أليكسيس بوشكوف، ألكساندر أوستروالدر), never the article, which normalisation makes it look like."""
    if not f.word(k).startswith("ال") or len(f.word(k)) < 5:
        return False  # (four letters: also a verb of form IV, ألمح، ألقى، ألغى)
    s, _e = f.span_in_original(f.starts[k], f.ends[k])
    return f.text[s] in "أآ"


def _transliterated_pair(f, j: int, rules: Rules, nr: NameRules) -> bool:
    """Tokens j and j+1 start a transliterated name: the first a first name or no word of the lists, the second no word
    of the lists; neither verb-like (مادام ينهار، تكتشف تترجم) nor joined by و (خلقه ودينه), nor with a tanween or a
    possessive ending."""
    w0, w1 = f.word(j), f.word(j + 1)
    return (w1[0] not in "وي" and _foreign_word(w1, rules, nr)  # the more selective test first
            and (w0 in rules.given_names or _foreign_word(w0, rules, nr, hamza=_hamza_initial(f, j)) and w0[0] != "و")
            and not (w0[0] in "تي" and w1[0] == "ت") and not _verb_like(w0, rules)
            and not _verb_like(w1, rules) and _plain_spelling(f, j) and _plain_spelling(f, j + 1))


#: Stopwords that continue a role phrase in N9 (the role's own words: مدير عام، نائب رئيس، الأمين العام).
_ROLE_STOPWORDS = frozenset({"عام", "العام", "رئيس", "مدير", "نائب", "وزير"})


def _names_after_role_phrases(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N9: a role noun or title, up to five more words of its phrase (an organisation, a place, descriptors), then
    two to four name words, the first two of them transliterated (no word of the lists) or a first name and such a
    word: a person (رئيس الاتحاد برند جوتشولك، المتحدث باسم الخارجية التركية ناميك تان)."""
    n = len(f.starts)
    found = []
    done = -1
    x, starts, ends, stop, verbs = f.x, f.starts, f.ends, rules.stopwords, rules.reporting_verbs
    given = rules.given_names
    for i, rl in f.role_hits:
        j = max(i + rl, done + 1)
        last = min(n - 1, i + rl + 6)  # the pair's first word at most five words after the role
        while j < last and f._adjq[j]:  # f.adjacent(j, quotes=True) without a call (0 < j < n here)
            a = starts[j]
            if occ[a]:  # a mention: no pair starts here; a found name (وزير الخارجية سامح شكري) ends the search
                if x[a : ends[j]] in given:
                    break
                j += 1
                continue
            w0 = x[a : ends[j]]
            if w0 in stop or w0 in verbs:
                if w0 == "عن" and j + 1 < n and occ[starts[j + 1]] and f.adjacent(j + 1):
                    j += 1  # السناتور عن نيويورك تشاك شامر: عن + a place stays in the role phrase
                    continue
                if w0 in _ROLE_STOPWORDS:
                    j += 1  # twenty-second session: نائب مدير عام الصندوق ميتسوهيرو فوروساوا (عام is a stopword)
                    continue
                break  # the role phrase has ended (رئيس الوزراء قال إن …)
            # a definite word (most words of a role phrase) starts no transliterated pair: checked first, cheap
            a1 = starts[j + 1]
            if (not occ[a1] and f.adjacent(j + 1) and 1 not in occ[a : ends[j + 1]] and (
                    (not w0.startswith("ال") or _hamza_initial(f, j)) and not x.startswith("ال", a1)
                    and _transliterated_pair(f, j, rules, nr)
                    or not w0.startswith("ال") and x.startswith("ال", a1) and _unknown_then_family(f, j, rules, nr))):
                toks = _name_after(f, j, occ, rules, nr)
                while len(toks) > 2 and not (_foreign_word(f.word(toks[-1]), rules, nr) or f.word(toks[-1]) in rules.given_names):
                    toks.pop()  # مناحيم مازوز ملاحقة: a noun after the name
                if len(toks) >= 2:
                    a, b = starts[toks[0]], ends[toks[-1]]
                    occ[a:b] = b"\x01" * (b - a)
                    found.append(new_mention(a, b, 0, x[a:b], "person"))
                    done = toks[-1]
                    break
            j += 1
    return sorted(out + found, key=lambda o: o.s) if found else out


def _unknown_then_family(f, j: int, rules: Rules, nr: NameRules) -> bool:
    """Tenth session (N9): tokens j and j+1 are a first name that no list knows (بيشي) and a nisba-shaped family name
    with the article that no list knows either (الصرخي): a person after a role phrase (المتحدث الرسمي لفرع هيئة الهلال
    الأحمر بجازان بيشي الصرخي)."""
    w0, w1 = f.word(j), f.word(j + 1)
    return (_foreign_word(w0, rules, nr) and w0[0] not in "وفبلك" and not _verb_like(w0, rules)
            and not _short_imperfect(w0, rules) and _plain_spelling(f, j)
            and len(w1) > 5 and w1.endswith("ي") and w1 not in rules.definite_nouns and w1 not in rules.common_words
            and w1 not in rules.frequent_words and w1[2:] not in rules.definite_stems
            and w1[2:] not in rules.frequent_words and w1 not in rules.title_complements and w1 not in nr.role_adjectives)


@lru_cache(maxsize=1)
def lexicon_keys() -> tuple[str, ...]:
    """N14: the words of the name lexicon, sorted; the matcher's automaton finds them as bare tokens (no proclitic)
    and lists them per field as ``f.lex_hits`` (token index, 1), in text order."""
    return tuple(sorted(load_name_rules().foreign_names))


@lru_cache(maxsize=WORD_CACHE)
def _lexicon_first(w: str, rules: Rules, nr: NameRules) -> bool:
    """N14: w can open a lexicon name: a word of ``foreign_names_jrc.txt``, or a first name that is no word too
    (not جميل، أمل، نور: they take the article, are frequent or are nouns of ``noun_given_names.txt``)."""
    if w in nr.foreign_names:
        return True
    return (w in rules.given_names and w not in rules.definite_stems and w not in rules.frequent_words
            and w not in rules.common_words and w not in rules.noun_given_names and w not in rules.stopwords)


def _lexicon_pair(f, j: int, rules: Rules, nr: NameRules) -> bool:
    """N14: tokens j and j+1 can be a foreign name: both words of the lexicon (or a first name that is no word + a
    lexicon word), or one of them a lexicon word and the other a transliterated word (``_foreign_word``) of four
    letters or more that does not start like an imperfect or a conjunction (و، ي، ت، ن: يزعج فرويد) nor end like a
    perfect (ت، وا: أجبرت ناديا); two different words (not رويدا رويدا), neither verb-like, nor an accusative of a
    word (قمرا), nor written with ة unless a first name (قبضة روسيف، زلاجة), a tanween or a possessive ending."""
    lex = nr.foreign_names
    w0, w1 = f.word(j), f.word(j + 1)
    if w1 in lex:
        ok = _lexicon_first(w0, rules, nr) or _transliterated(w0, rules, nr) and w0[0] not in "بلكف"  # بإشراك إدواردو
    else:
        ok = w0 in lex and _transliterated(w1, rules, nr)
    return (ok and w0 != w1 and w0 not in nr.not_person_heads and w1 not in nr.not_name_words
            and not _verb_like(w0, rules) and not _verb_like(w1, rules) and not _short_imperfect(w1, rules)
            and _lexicon_spelling(f, j, w0, rules) and _lexicon_spelling(f, j + 1, w1, rules))


@lru_cache(maxsize=WORD_CACHE)
def _transliterated(w: str, rules: Rules, nr: NameRules) -> bool:
    """N14: w, no lexicon word, reads as a transliterated name: no word of the lists, four letters or more, not
    starting like an imperfect or a future (و، ي، ت، ن، سي: يزعج فرويد، توفت نسأل، فالكاو سيتعين), not a word with
    a possessive ك or ب/ل/ك + a word with a possessive (زبونك، أدرى بظروفك), not a perfect or a first-person imperfect
    (أجبرت، أمضت، اعتذر، وصلوا، أوقع، أنسى; not إستوارت), not a word of ``foreign_names_not.txt`` (هولدنجز). The
    first word of a pair does not start with ب/ل/ك/ف either (``_lexicon_pair``: بإشراك إدواردو، فطلع جرير)."""
    return (len(w) > 3 and w[0] not in "ويتن" and not w.endswith("وا") and w[:2] not in ("سي", "سن")
            and not (w[0] in "بلك" and w.endswith(("ك", "ه"))) and w not in nr.not_name_words
            and not (w.endswith("ك") and (w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words))
            and not (w[0] == "ا" and (len(w) == 4 or len(w) == 5 and (w[-1] == "ت" or w[2] in "تطد")))
            and _foreign_word(w, rules, nr))


def _lexicon_spelling(f, k: int, w: str, rules: Rules) -> bool:
    """N14: token k (the word w) is written like a name: no tanween or possessive ه (``_plain_spelling``), not an
    accusative of a word (قمرا), and no final ة unless w is a first name (أمينة; not قبضة، زلاجة)."""
    if w in rules.given_names:
        return _plain_spelling(f, k)
    if w.endswith("ا") and len(w) > 3 and (w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words):
        return False
    if w.endswith("ه") and f.original(f.starts[k], f.ends[k]).endswith("ة"):
        return False
    return _plain_spelling(f, k)


def _lexicon_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N14: two adjacent free words that read as a foreign name by the JRC lexicon (``_lexicon_pair``: فنسنت كوهين،
    ديغز تايلور) are a person without any cue, with a first name right before them (آنا ديغز تايلور) and up to
    four words in all: lexicon, first-name or transliterated words (no و-word: a list goes on by N10). Not in
    quotes unless it starts with a first name (« شيري كيوكيو »: a brand), nor after a head of
    ``not_person_heads.txt`` and the organisation, event and place heads (جائزة، شبكة، كأس، بمواجهة), nor before
    a definite masculine country nisba (روبين كازان الروسي: a club, rule T2). Only the lexicon words that the
    matcher's automaton found (``f.lex_hits``: ``lexicon_keys``) are looked at."""
    if not f.lex_hits:
        return out
    lex = nr.foreign_names
    n = len(f.starts)
    ks = [k for k, _one in f.lex_hits if not occ[f.starts[k]]]
    nisba_at = {f.tok_index(o.s): True for o in out if definite_masculine_nisba(f, o)}
    found = []
    done = -1
    for k in ks:
        if k <= done:
            continue
        for j in (k - 1, k):  # the lexicon word second or first
            if j <= done or j < 0 or j + 1 >= n or not f.adjacent(j + 1) or 1 in occ[f.starts[j] : f.ends[j + 1]]:
                continue
            if not _lexicon_pair(f, j, rules, nr):
                continue
            w0 = f.word(j)
            toks = [j, j + 1]
            t = j + 2
            while len(toks) < 4 and t < n and f.adjacent(t) and not occ[f.starts[t]]:
                w = f.word(t)
                if w == w0 or not (w in lex or _lexicon_first(w, rules, nr) or w in rules.person_tokens
                                   or _transliterated(w, rules, nr)) \
                        or _verb_like(w, rules) or not _lexicon_spelling(f, t, w, rules):
                    break  # سيغموند فرويد سيغموند فرويد: the name written twice; شين كونرى نتكلم: a verb
                toks.append(t)
                t += 1
            if j > done + 1 and f.adjacent(j) and not occ[f.starts[j - 1]] and _lexicon_first(f.word(j - 1), rules, nr) \
                    and f.word(j - 1) in rules.given_names and _plain_spelling(f, j - 1):
                toks.insert(0, j - 1)  # first name + ديغز تايلور; not a lexicon word that is a prize (نوبل إيلي فايسل)
            i0 = toks[0]
            s0 = f.starts[i0]
            if (f.norm[max(0, s0 - 3) : s0].rstrip()[-1:] in ("«", "“", '"') and f.word(i0) not in rules.given_names
                    or f.adjacent(i0, quotes=True) and (f.word(i0 - 1) in nr.not_person_heads
                                                         or strip_clitics(f.word(i0 - 1)) in nr.not_person_heads)):
                continue  # « شيري كيوكيو »: a brand in quotes; جائزة/شبكة/بمواجهة/كأس + a name: an award, outlet, club
            if nisba_at.get(toks[-1] + 1) and f.adjacent(toks[-1] + 1):
                continue  # روبين كازان الروسي، كلوب بروج البلجيكي: a club (T2), not a person
            a, b = f.starts[toks[0]], f.ends[toks[-1]]
            occ[a:b] = b"\x01" * (b - a)
            found.append(new_mention(a, b, 0, f.x[a:b], "person"))
            done = toks[-1]
            break
    return sorted(out + found, key=lambda o: o.s) if found else out


def _coordinated_foreign_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N10: after a person's name, و + a first name or a transliterated word + a transliterated word is the next person
    of a list (ادم ساندلر وكيت بيكنسيل وكريستوفر والكن); the list goes on from each name found."""
    n = len(f.starts)
    found = []
    x = f.x  # punctuation is a space there: the next word starts with و after spaces only
    todo = [o for o in out if o.typ == "person" and o.kind != "title" and x[o.e : o.e + 4].lstrip(" ")[:1] == "و"]
    while todo:
        o = todo.pop()
        j = f.tok_index(o.e - 1) + 1
        if j + 1 >= n or not f.adjacent(j + 1) or not f.x.startswith("و", f.starts[j]):
            continue
        gap = f.norm[f.ends[j - 1] : f.starts[j]].strip()
        if gap not in ("", "،", ","):
            continue
        w0, w1 = f.word(j)[1:], f.word(j + 1)
        a, b = f.starts[j], f.ends[j + 1]
        stem = w1[:-2] if w1.endswith(("ان", "ين", "ون")) else w1[:-1] if w1.endswith("ا") else ""
        if (1 in occ[a:b] or not (w0 in rules.given_names or _foreign_word(w0, rules, nr)) or w1[0] in "وي"
                or not _foreign_word(w1, rules, nr) or _verb_like(w1, rules) or not _plain_spelling(f, j + 1)
                or not _plain_spelling(f, j) or stem in rules.frequent_words or stem in rules.definite_stems
                or j + 2 < n and f.adjacent(j + 2) and _foreign_word(f.word(j + 2), rules, nr)
                and not _next_item(f, j + 2, rules, nr)):
            continue  # ونجله، ونيمار جاهزان، قتلا: a suffixed noun, a dual or plural; a third word: no plain name
        occ[a:b] = b"\x01" * (b - a)
        m = new_mention(a, b, 1, f.x[a + 1 : b], "person")
        found.append(m)
        todo.append(m)
    return sorted(out + found, key=lambda o: o.s) if found else out


def _next_item(f, k: int, rules: Rules, nr: NameRules) -> bool:
    """Thirty-third session (N10): word k is not a third word of the name before it but the first of the list's next
    item: و + a first name or a transliterated word, then one more word before the item ends (… وباستيان شفانيشتيجر
    ومورجان شنيدرلين وماتيو دارميان); not a family name in و (فينوس ويليامز، at the end of its item)."""
    w = f.word(k)
    return (w[0] == "و" and len(w) > 3 and (w[1:] in rules.given_names or _foreign_word(w[1:], rules, nr))
            and k + 1 < len(f.starts) and f.adjacent(k + 1) and (k + 2 >= len(f.starts) or not f.adjacent(k + 2)
                                                                  or f.word(k + 2)[0] == "و"))


def _nisba_family_names(f, out: list, occ: bytearray, rules: Rules) -> list:
    """N11: a discovered name of two words or more, all of them first names or name links (سعيد محمد، عبدالله بن
    عبدالمحسن، أبو حمزة), followed directly by a definite masculine country nisba ends with it: the nisba is a family
    name (سعيد محمد الكندي، أبو حمزة المصري، عبدالله بن عبدالمحسن التركي). After a foreign name (مبارك واكاسو
    السعودي) or a phrase it stays a nisba. N11b: so does a place after بن + a first name (``_place_family_name``)."""
    drop = set()
    for o, m in zip(out, out[1:]):
        if (o.kind != "discovered" or o.typ != "person" or m.kind not in ("nisba", "name")
                or " " not in f.x[o.s + o.plen : o.e]):
            continue
        words = f.x[o.s + o.plen : o.e].split(" ")
        if not (m.kind == "nisba" and m.plen == 2 and definite_masculine_nisba(f, m)
                or _place_family_name(f, m, words, rules)):
            continue
        if not all(w in rules.given_names or w in rules.connectors or w in _COMPOUND_HEADS or w in _KUNYA
                   or i and (words[i - 1] in _COMPOUND_HEADS or words[i - 1] in _KUNYA)
                   for i, w in enumerate(words)):  # عبد الله، ابو حمزة، أبي علي
            continue
        j = f.tok_index(m.s)
        if j != f.tok_index(o.e - 1) + 1 or not f.adjacent(j):
            continue
        o.e = m.e
        o.label_ar = f.x[o.s + o.plen : o.e]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
        drop.add(id(m))
    return [o for o in out if id(o) not in drop] if drop else out


def _place_family_name(f, m, words: list[str], rules: Rules) -> bool:
    """Thirty-seventh session (N11b): a one-word place or country with the article and no proclitic, right after
    بن/ابن + a first name, is the family name that ends the nasab (عبدالله بن محمد السويد، محمد بن وصل الأحمدي), not
    Sweden or Ahmadi. Only after بن: a name of first names alone before a country is a list or a headline."""
    if m.kind != "name" or m.plen not in (0, 2) or not m.actor_id.startswith(("country:", "location:")) or len(words) < 3:
        return False
    w = f.x[m.s : m.e]
    return (w.startswith("ال") and " " not in w and words[-2] in ("بن", "ابن")
            and words[-1] in rules.given_names)


def _names_before_roles(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N8: two to four name-like words right before a role noun or title without the article, in apposition, are a
    person (أجرى ألكسندر سلطانوف نائب وزير خارجية روسيا، لي تشاو شينج وزير الخارجية الصيني)."""
    found = []
    for i, rl in f.role_hits:
        if i < 2 or not f.adjacent(i) or f.word(i).startswith("ال"):
            continue  # القس، السائق after two words: the object of a clause (اختطف مجهولون القس), not an apposition
        last = f.word(i - 1)
        family = (last.startswith("ال") and last.endswith("ي") and len(last) > 5 and last not in rules.definite_nouns
                  and last not in rules.common_words and last[2:] not in rules.frequent_words)  # السعدني
        if not (family or _foreign_word(last, rules, nr)) or last[0] == "ي":
            continue  # دشن مساعد مدير: the name ends on a transliterated word or a family name (checked first: cheap)
        toks: list[int] = []
        k = i - 1
        while k >= 0 and len(toks) < 4:
            a, b = f.starts[k], f.ends[k]
            w = f.x[a:b]
            if 1 in occ[a:b] or not _name_word(w, rules, nr, first=False) or w in rules.frequent_words:
                break
            toks.insert(0, k)
            if not f.adjacent(k):
                break
            k -= 1
        while toks and f.word(toks[0]) in rules.connectors:
            toks.pop(0)
        w0 = f.word(toks[0]) if toks else ""
        if len(toks) < 2 or not _name_word(w0, rules, nr, first=True) or w0[0] in "وف" and w0[1:] not in rules.given_names:
            continue  # وعكف روديكتور: a verb with و, not a first name
        if toks[-1] != i - 1 or any(_verb_like(f.word(t), rules) for t in toks):
            continue  # غوانتنامو يكرمون رئيس: a verb
        a, b = f.starts[toks[0]], f.ends[toks[-1]]
        occ[a:b] = b"\x01" * (b - a)
        found.append(new_mention(a, b, 0, f.x[a:b], "person"))
    return sorted(out + found, key=lambda o: o.s) if found else out


_COMPOUND_HEADS = frozenset(("عبد", "ابو"))


def future_verb(w: str, rules: Rules) -> bool:
    """w is سـ + an imperfect verb (سيقبل، ستشكل، سنعمل) whose form in ي is a frequent word (يقبل، يشكل), and no name
    word (not سيري، سيدو): after a name it is the verb of the clause (صلاح سيقبل، آمنة ستشكل; fifty-third session)."""
    return (len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and "ي" + w[2:] in rules.frequent_words
            and w not in rules.given_names and w not in rules.person_tokens
            and w not in load_name_rules().foreign_names)


def _extend_first_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules) -> None:
    """N2 (in place): a one-word discovered person that is a first name + the next name-like word; N2b: a compound
    first name too (عبد الله بوكرمة، ابو عبد الله التركي)."""
    n = len(f.starts)
    for o in out:
        if o.kind != "discovered" or o.typ != "person":
            continue
        words = f.x[o.s + o.plen : o.e].split(" ")
        if len(words) == 1:
            if words[0] not in rules.given_names:
                continue
        elif not (words[0] in _COMPOUND_HEADS and (len(words) == 2 or len(words) == 3 and words[1] in _COMPOUND_HEADS)):
            continue  # N2b: a compound first name (عبد الله، ابو عبد الله) takes a family name too
        j = f.tok_index(o.e - 1) + 1
        if j >= n or not f.adjacent(j):
            continue
        a, b = f.starts[j], f.ends[j]
        w = f.x[a:b]
        if (1 in occ[a:b] or w in rules.connectors or not _name_word(w, rules, nr, first=False, relaxed=True)
                or w[0] == "و" and _kin_word(w[1:]) or future_verb(w, rules)):
            continue  # (forty-ninth session: not والده سعد + ووالدته; fifty-third: not آمنة + ستشكل)
        occ[a:b] = b"\x01" * (b - a)
        o.e = b
        o.label_ar = f.x[o.s + o.plen : b]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")


def _tenth_form(w: str, rules: Rules) -> bool:
    """Forty-ninth session: w (also after و/ف) is a tenth-form verb or verbal noun (استعان، استكمل، استفحال، واستطرد:
    ~30 discovered persons in SaudiNewsNet began so), not a first name (إستبرق) nor a foreign name (استيبان، إستيبين,
    in استي, or a word of the foreign lexicon)."""
    v = w[1:] if w[:1] in "وف" and w[1:4] == "است" else w
    nr = load_name_rules()
    return (v.startswith("است") and not v.startswith("استي") and len(v) >= 5 and v not in rules.given_names
            and v not in rules.person_tokens
            and v not in nr.foreign_names and w not in nr.foreign_names)


def _trim_verbs(f, out: list, occ: bytearray, rules: Rules) -> list:
    """N3: a discovered person does not end on و/ف + a word (فاحتسب، وتوءمه: a new clause), on ل + a word
    (لركلة، للعرقلة) or, from three words on or when its stem is frequent (يسمع), on an imperfect verb (يتقمص، تتواصل);
    N3b: nor on an accusative or a
    suffixed noun (متأثرا، رؤيته), and what is left is dropped when it is one frequent word, accusative or future
    verb that is no first name (وما تضمنه، أصدر تعليماته، طقسًا حارًا، سيستلم مهامه). Returns the mentions kept."""
    drop = set()
    for o in out:
        if o.kind != "discovered" or o.typ != "person":
            continue
        words = f.x[o.s + o.plen : o.e].split(" ")
        if _tenth_form(words[0], rules):
            occ[o.s : o.e] = b"\x00" * (o.e - o.s)
            drop.add(id(o))  # forty-ninth session: استعان، استكمل بارنز، استفحال: a verb or verbal noun starts no name
            continue
        if len(words) == 1:
            w = f.x[o.s : o.e]
            if (w not in rules.given_names and w not in rules.person_tokens and (len(w) > 4
                    and (_object_word(f, o.e, w, rules) or w[0] in "لبوف" and _object_word(f, o.e, w[1:], rules))
                    or _verb_shaped(f, o, w, rules) or _verb_like(w, rules)
                    and w not in load_name_rules().foreign_names and not _named_slot(f, f.tok_index(o.s), rules))):
                occ[o.s : o.e] = b"\x00" * (o.e - o.s)
                drop.add(id(o))  # N3c: غاراته، لمصلحته، حرصا alone are no name; nor (thirty-sixth session) a verb of a
                # frequent stem (الطفلة حضرت، عناصر الحوثي سقطوا) except where a name stands (الرئيس تشي)
            continue
        obj = verb = False
        while len(words) >= 2:  # شارحا امتناعه: one word at a time while the clause goes on
            last = words[-1]
            if last in rules.given_names or last in rules.person_tokens or len(last) < 4:
                break
            rest = last[1:]
            known = (rest in rules.frequent_words or rest in rules.definite_stems or rest in rules.common_words
                     or rest in rules.stopwords or rest.startswith("ال") and not _name_in_fal(last, rules))
            # after a trimmed object, a participle in ا goes too (شارحا امتناعه، معربا عن: not a name ending in ا)
            obj_here = _object_word(f, o.e, last, rules) or (obj and last.endswith("ا") and len(last) >= 5)
            # round 8: a tenth-form imperfect (يستدعي، يستعد) and, from three words on, a future (سيطلب: س + a verb-like
            # imperfect; not جوليو سيزار) too
            if not ((last[0] in "يت" and (len(words) >= 3 and len(last) >= 5 or _verb_like(last, rules)
                                          or last.startswith(("يست", "تست")) and len(last) >= 5))
                    or len(words) >= 3 and last.startswith(("سي", "ست")) and _verb_like(last[1:], rules)
                    or last[0] in "وفل" and known or obj_here
                    or _purpose_verb(f, o, last, rules)):
                break
            obj = obj or obj_here
            verb = verb or last[0] in "يت" and len(words) == 2  # round 7: ولم يتضح → ولم, a word, is dropped below
            k = f.tok_index(o.e - 1)
            a, b = f.starts[k], f.ends[k]
            occ[a:b] = b"\x00" * (b - a)
            o.e = f.ends[k - 1]
            o.label_ar = f.x[o.s + o.plen : o.e]
            o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
            words.pop()
        w = strip_conj(f.x[o.s : o.e], rules)
        # (and a first name that is mostly a noun, left alone by the trim: استلم كامل حقوقه → كامل, thirty-second session)
        if (obj or verb) and len(words) == 1 and (w in rules.noun_given_names or (
                w not in rules.given_names and w not in rules.person_tokens
                and (_known_word(w, rules) or _object_word(f, o.e, w, rules) or w.startswith(("سي", "ست", "فسي", "وسي"))))):
            occ[o.s : o.e] = b"\x00" * (o.e - o.s)
            drop.add(id(o))
    return [o for o in out if id(o) not in drop] if drop else out


#: Words after a name that a purpose verb (ل + an imperfect) does not take next: the name goes on or ends there.
_NOT_AFTER_PURPOSE = frozenset(norm_word(w) for w in ["الذي", "التي", "في"])


def _purpose_verb(f, o, last: str, rules: Rules) -> bool:
    """Twenty-fifth session (N3): the last word of the discovered name ``o`` is ل + a verb-like imperfect with its object
    or complement right after it (فريد لتحيل البحيرة، مات بيسلر ليخطف الكرة، نزار قباني ليعم الدمار): a clause of
    purpose, not a family name. Not a lexicon name, nor before a comma, a relative pronoun, في or a role (مارك ليبرت،
    ستيفان ليندمان الذي، ديف ليزار الرئيس التنفيذي، فريدريك ليتون في رسالة)."""
    nr = load_name_rules()
    if last[0] != "ل" or last[1] not in "يت" or len(last) < 5 or not _verb_like(last[1:], rules) or last in nr.foreign_names:
        return False
    k = f.tok_index(o.e - 1) + 1
    if not f.adjacent(k):
        return False
    w = f.word(k)
    return w not in _NOT_AFTER_PURPOSE and w not in rules.titles and w not in nr.roles


@lru_cache(maxsize=WORD_CACHE)
def _name_in_fal(w: str, rules: Rules) -> bool:
    """w starts with فال and the rest is no word of the lists: a transliterated name (فالديس، فالتر، فالون), not ف + the
    article + a word (فالمشروع); as ``persons._common_continuation`` reads it."""
    rest = w[3:]
    return (w.startswith("فال") and len(rest) >= 2 and rest not in rules.definite_stems
            and rest not in rules.frequent_words and rest not in rules.common_words
            and not rest.endswith(_ENCLITICS + ("ه",)))


def _verb_shaped(f, o, w: str, rules: Rules) -> bool:
    """Tenth session (N3c): a one-word discovered person that is shaped like a verb and no name of the lexicon: و/ف +
    a perfect in ت (وهبطت), a future (ستتولى، سيقوم: س + an imperfect), a perfect of form IV written with أ (أنجز);
    thirty-seventh session: an imperfect of form X (يستنكر، تستنفر: يست/تست + three letters or more)."""
    if w in load_name_rules().foreign_names or len(w) < 4:
        return False
    if len(w) >= 6 and w.startswith(("يست", "تست")):
        return True  # الشعب الأردني يستنكر، ديوان المظالم يستقيل
    if w[0] in "وف" and len(w) == 5 and w.endswith("ت") and w[1:] not in rules.given_names:
        return True  # وهبطت، فقالت (not وطلعت: و + a first name)
    if w[0] == "س" and w[1] in "تين" and len(w) in (5, 6) and w[1:] not in rules.given_names:
        return True  # ستتولى، سيقوم، سنعمل
    s0, _e0 = f.span_in_original(o.s, o.e)
    return len(w) == 4 and f.text[s0] == "أ" and w[1:] not in rules.given_names  # أنجز، أشاد (not أحمد: a first name)


def _named_slot(f, i: int, rules: Rules) -> bool:
    """Thirty-sixth session: token i stands where a name does, whatever its shape: after an honorific or a rank
    (الرئيس تشي، للرئيس تشي، د. توكل، الدكتور يماني) or right after a reporting verb (وأضاف يماني), where the clause's
    verb does not stand."""
    if i == 0:
        return False
    p = strip_conj(f.word(i - 1), rules)
    return p in _HONORIFICS or p[:2] == "لل" and "ال" + p[2:] in _HONORIFICS or f.adjacent(i) and reporting_verb(p, rules)


#: Titles after which a word is a name whatever its shape (``_named_slot``): the honorifics and ranks of ``rules``,
#: الرئيس and the abbreviations د، م، أ; not the words that are also common nouns (الفريق "the team", أول "first",
#: ركن "corner", صاحب "owner"), nor the role nouns of titles.txt, after which the clause's verb often stands (اللاعب
#: تغيب، الطفلة حضرت)
_HONORIFICS = (HONORIFICS | RANKS | frozenset(norm_word(w) for w in ["الرئيس", "د", "م", "أ"])) - frozenset(
    norm_word(w) for w in ["الفريق", "أول", "ركن", "صاحب", "صاحبة"])


def strip_conj(w: str, rules: Rules) -> str:
    """w without a leading و/ف/ب/ل when the rest is a known word or first name (وما → ما، لما → ما)."""
    if w[:1] in "وفبل" and len(w) > 2 and (w[1:] in rules.stopwords or w[1:] in rules.frequent_words or w[1:] in rules.given_names):
        return w[1:]
    return w


def _object_word(f, end: int, w: str, rules: Rules) -> bool:
    """N3b: the last word of a discovered name is an indefinite accusative (متأثرا، موظفا، قضائيا) or a noun with a
    possessive suffix (مصرعه، مواقفه، رؤيته) whose stem is a common noun: the clause goes on after the name."""
    if w.endswith("ا") and (w[:-1] in rules.definite_stems or w[:-1] in rules.frequent_words) and (
            len(w) >= 5 or "\u064b" in f.original(end - len(w), end)):
        return True  # مدربا، عقدًا; not a short foreign name (موتا، ماسا) without the tanween
    for enc in ("ه", "ها", "هم", "هما"):
        if not w.endswith(enc) or len(w) - len(enc) < 3 or w.endswith("يه"):
            continue  # يه ends foreign names (جوزيه، توريه), not a suffixed noun
        if enc == "ه" and f.original(end - 1, end).startswith("ة"):
            return False  # سلامة: a name in ة, not a suffix
        base = w[: -len(enc)]
        if base in rules.definite_stems or base in rules.frequent_words or (
                base.endswith("ت") and base[:-1] + "ه" in rules.definite_stems):
            return True
    return False


_ORDINALS = frozenset(norm_word(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                                             "الثامن", "التاسع", "العاشر", "الحادي", "الثانية"))


#: N5: monarchs' and popes' names that the given-name lists lack (بطرس الأكبر، رمسيس الثاني، لويس الرابع عشر) and the
#: words before a ruler's name (الملك جورج الخامس، الخديو عباس حلمي الثاني)
_REGNAL_NAMES = frozenset(norm_word(w) for w in [
    "بطرس", "رمسيس", "لويس", "فرديناند", "فريدريك", "غليوم", "يوحنا", "بولس", "بنديكت", "بنديكتوس", "فرنسيس",
    "الحسن", "الحسين", "إليزابيث", "اليزابيث", "أمنحتب", "تحتمس", "سيتي", "بطليموس", "جوستاف", "غوستاف"])
_RULER_WORDS = frozenset(norm_word(w) for w in [
    "الملك", "الملكة", "ملك", "ملكة", "الإمبراطور", "الإمبراطورة", "إمبراطور", "القيصر", "القيصرة", "الخديو",
    "الخديوي", "البابا", "السلطان", "الفرعون", "الشاه", "العاهل", "الأمير", "الأميرة", "عهد", "عصر"])


def _regnal_name(f, o, rules: Rules) -> bool:
    """N5: the discovered name ``o`` can take a regnal number: its last word is a first name (هنري الثامن، عبد الله
    الثاني، أحمد فؤاد الثاني) or a ruler's word stands within two words before it (الخديو عباس حلمي الثاني); not a
    family name (أندرياس سيبي الرابع، جيل مولر السابع: a seeding; زيد المدخلي الثانية: the second session)."""
    last = strip_conj(f.word(f.tok_index(o.e - 1)), rules)
    if last in rules.given_names or last in _REGNAL_NAMES:
        return True
    i = f.tok_index(o.s)
    return any(strip_conj(f.word(k), rules) in _RULER_WORDS for k in range(max(0, i - 2), i))


def _regnal_numbers(f, out: list, occ: bytearray, rules: Rules) -> None:
    """N5 (in place): a regnal number after a person's name belongs to it (تشارلز الأول، محمد الخامس، الفونسو الثالث عشر);
    after a discovered name only as ``_regnal_name`` allows (forty-second session)."""
    n = len(f.starts)
    for o in out:
        if o.typ != "person" or o.kind not in ("discovered", "name", "alias"):
            continue
        j = f.tok_index(o.e - 1) + 1
        if j >= n or not f.adjacent(j) or f.word(j) not in _ORDINALS or 1 in occ[slice(f.starts[j], f.ends[j])]:
            continue
        if o.kind == "discovered" and not _regnal_name(f, o, rules):
            continue
        if j + 1 < n and f.adjacent(j + 1) and f.word(j + 1) == "عشر" and 1 not in occ[slice(f.starts[j + 1], f.ends[j + 1])]:
            j += 1
        a, b = o.e, f.ends[j]
        occ[a:b] = b"\x01" * (b - a)
        o.e = b
        if o.kind == "discovered":
            o.label_ar = f.x[o.s + o.plen : b]
            o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")


_KUNYA = frozenset(("ابو", "وابو", "فابو", "لابو", "بابو", "ابي", "وابي", "لابي", "بابي",  # ابي: the genitive (أبي زكريا)
                    "ام", "وام", "لام"))  # eighteenth session: أم محمد is the mother, not محمد (33 in SaudiNewsNet)


def _kunya_plen(kun: str) -> int:
    """The proclitic length of a kunya word of ``_KUNYA`` (و/ف/ل/ب before ابو، ابي، ام)."""
    return len(kun) - (2 if kun.endswith("ام") else 3)


def _kunya(f, out: list, occ: bytearray) -> None:
    """N6 (in place): أبو (or أم) right before a discovered person's name is part of it (ابو عبد الله، أبو حمزة المصري، أم
    محمد)."""
    for o in out:
        if o.kind != "discovered" or o.typ != "person" or o.plen:
            continue
        i = f.tok_index(o.s)
        if i < 1 or o.s != f.starts[i] or not f.adjacent(i) or f.word(i - 1) not in _KUNYA:
            continue
        a, b = f.starts[i - 1], f.ends[i - 1]
        if 1 in occ[a:b]:
            continue
        occ[a:b] = b"\x01" * (b - a)
        o.s = a
        o.plen = _kunya_plen(f.word(i - 1))
        o.label_ar = f.x[o.s + o.plen : o.e]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")


def free_token_before(f, s: int, occ: bytearray) -> int:
    """Index of the token right before the mention starting at ``s`` when the mention starts a token, nothing but
    spaces stands between the two and no mention covers that token; else -1 (N13, T6)."""
    i = f.tok_index(s)
    if i < 1 or s != f.starts[i] or not f.adjacent(i) or 1 in occ[f.starts[i - 1] : f.ends[i - 1]]:
        return -1
    return i - 1


_PARTICLES = frozenset(("فان", "فون", "دي", "دو", "دا", "ديل", "دل"))  # فان نيستلروي، دي وايت، دا سيلفا


def _extend_left(f, out: list, occ: bytearray, rules: Rules, nr: NameRules) -> None:
    """N13 (in place): the word right before a person's name that starts it too: a particle of a foreign name (فان
    نيستلروي، دي وايت) or a first name with a proclitic ل/و/ب (لجورج برنارد شو، لروبرتو كارلوس), before a
    discovered name only: before a codebook name, another first name is another person (وعمر + هوساوي)."""
    for o in out:
        if o.typ != "person" or o.kind != "discovered" or o.plen:
            continue
        i = free_token_before(f, o.s, occ)
        if i < 0:
            continue
        a, b = f.starts[i], f.ends[i]
        w = f.x[a:b]
        plen = 0
        if w in _PARTICLES:
            if "\u0625" in f.original(a, b):
                continue  # فإن لوب: the conjunction, not van
        elif (len(w) > 3 and w[0] in "لوب" and w[1:] in rules.given_names and not _known_word(w, rules)
              and w not in rules.definite_stems and w[1:] not in rules.stopwords and w[1:] not in rules.frequent_words
              and w[1:] not in rules.noun_given_names and not (w[0] == "و" and w[1] in "يت")):
            plen = 1  # not لدينا، بريد، لجان (words), لحياة (a noun), ويزيد (a verb)
        else:
            continue
        occ[a:b] = b"\x01" * (b - a)
        o.s = a
        o.plen = plen
        o.label_ar = f.x[o.s + o.plen : o.e]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")


_KUNYA_RE = re.compile(r"اب[واي] |ام ")  # literal starts: far faster to scan for than a word alternation
#: The tokens at which a match of _KUNYA_RE is read (the kunya word, with و/ف at most, then a space), as keys of the
#: matcher's automaton: they set the bit KUNYA_GATE of a field's ``word_gates`` (``fields._WORD_GATE_SHIFT``), and a
#: field without one (most) is not scanned with the pattern (whose first letter, ا, is the commonest of the text).
KUNYA_TOKENS = tuple(f" {p}{k} " for k in ("ابو", "ابا", "ابي", "ام") for p in ("", "و", "ف"))
KUNYA_GATE = 1 << 10
_FAMILY_WORDS = frozenset(norm_word(w) for w in ("عائلة", "أسرة", "قبيلة", "عائلتي", "أسرتي", "آل", "بيت"))


def _kunya_names(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N6b: أبو/أبا/أبي + a first name, ال + a first name or a transliterated word, and the name words after it, is a
    person (أبو بكر، أبو الحسن، أبا هريرة، أبو مصعب الزرقاوي) although the word alone is also a noun (بكر); a place
    the codebook lists after أبو (أبو ظبي) is matched before and stays a place. Nineteenth session: أم + a first name
    alone is a person too (أم ناصر، أم ريم), not أم + ال or a transliterated word (أم القرى، أم درمان: places)."""
    if not f.word_gates & KUNYA_GATE:
        return out  # no token of KUNYA_TOKENS: no match is read (see above)
    x = f.x
    found = []
    nisbas = None  # the starts of the field's nisbas in ال…ي (N11 makes them the family name), when first needed
    for mt in _KUNYA_RE.finditer(x):
        i = f.tok_index(mt.start())
        if x[f.starts[i] : mt.start()] not in ("", "و", "ف"):
            continue  # inside a word (كتابي)
        j = i + 1
        if j >= len(f.starts) or not f.adjacent(j) or 1 in occ[f.starts[i] : f.ends[j]]:
            continue
        w, kun = f.word(j), f.word(i)
        nisba_next = False
        if j + 1 < len(f.starts) and f.adjacent(j + 1) and occ[f.starts[j + 1]]:
            if nisbas is None:
                nisbas = {o.s for o in out if o.plen == 2 and x.startswith("ال", o.s) and definite_masculine_nisba(f, o)}
            nisba_next = f.starts[j + 1] in nisbas
            if not nisba_next:
                continue  # أبي بكر + البغدادي: merged later (N4)
        if (_alef_maksura_token(f, i) or w[0] in "وف"
                or i > 0 and f.word(i - 1) in _FAMILY_WORDS):
            continue  # أبى (refused); أبي وأمي; عائلة أبو ناب (a family)
        mother = kun.endswith("ام")  # nineteenth session: أم + a first name (أم ناصر، وذكرت أم سعيد), a first name only
        # (thirty-seventh session: a first name that is also a noun or a preposition, as عمر "age" and علي (على),
        # before a nisba in ال…ي, which N11 then joins as the family name: أبو عمر الشيشاني، أبي علي التونسي; forty-third
        # session: علي spelt with ي is a name after any kunya, ونزلت أم علي، أبو علي عوام: 15 of the 19 it finds in
        # SaudiNewsNet; the others the dessert أم علي twice, a valley and an oil field)
        if not (w in rules.given_names and (w not in rules.noun_given_names or nisba_next and not mother)
                or w == "علي" and (nisba_next and not mother
                                   or not _alef_maksura_token(f, j))
                or not mother and w.startswith("ال") and w[2:] in rules.given_names and len(w) > 4
                or not mother and not kun.endswith("ي") and _foreign_word(w, rules, nr) and not _verb_like(w, rules)
                and _plain_spelling(f, j)):
            continue  # أبي + a word that is no first name is "my father" (أبي ضاحكا); أم القرى، أم درمان: places
        toks = [j]
        for k in (_name_after(f, j + 1, occ, rules, nr) if f.adjacent(j + 1) and not mother else []):
            if f.word(k)[0] in "وف":
                break  # أبا بكر | وبايع عمر: the clause goes on
            toks.append(k)
        while len(toks) > 1 and f.word(toks[-1]) in rules.connectors:
            toks.pop()
        a, b = f.starts[i], f.ends[toks[-1]]
        plen = _kunya_plen(kun)
        occ[a:b] = b"\x01" * (b - a)
        found.append(new_mention(a, b, plen, x[a + plen : b], "person"))
    return sorted(out + found, key=lambda o: o.s) if found else out


_LINKS = frozenset(("بن", "ابن", "بنت", "ال"))  # ال: آل normalised


def _genealogy(f, a: int, b: int, rules: Rules) -> bool:
    """The words between ``a`` and ``b`` are a lineage only: بن/آل links, first names, a family after آل (بن عبدالعزيز
    آل سعود); not a family name of its own (بن حمد الصقر: another man than the codebook's محمد بن ناصر)."""
    words = f.x[a:b].split()
    return all(w in _LINKS or w in rules.given_names or k > 0 and words[k - 1] == "ال" for k, w in enumerate(words))


def _family_alias_after_name(f, p, o) -> bool:
    """o is a one-word family name with its article (matched as ال + the name: السديس، الجبير) right after a discovered
    name of two words or more (عبد الرحمن بن عبد العزيز + السديس، عادل أحمد + الجبير): the last word of one name. Not a
    proclitic (وعباس), not a codebook phrase (الملك عبدالعزيز), not after a one-word discovery (انتصار + السيسي)."""
    return (f.x[o.s : o.s + o.plen] == "ال" and " " not in f.x[o.s : o.e] and p.kind == "discovered"
            and " " in f.x[p.s + p.plen : p.e])


def _merge_adjacent(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """N4: two person mentions side by side, one of them discovered, or joined by بن/آل, are one person's name
    (سلفان + شالوم، راشد بن + محمد بن راشد آل مكتوم، عبدالله بن خليفة + آل ثاني); never across و/ف (a second
    person: … محمد وعباس عبد الحسين). A name joined to a codebook "بن X" (محمد + بن مبارك) takes a free family name in
    ال…ي right after it (محمد بن مبارك المجلي): the codebook form was only the middle of the name. A codebook person
    joined by بن/آل to a discovered name after him keeps his id when the words after him are a lineage
    (الأمير سلطان بن سلمان + بن عبدالعزيز: his grandfather's name, :func:`_genealogy`), not another man's family name."""
    res: list = []
    for o in out:
        p = res[-1] if res else None
        if (p is not None and p.typ == "person" and o.typ == "person" and (o.plen == 0 or _family_alias_after_name(f, p, o))
                and p.kind in ("discovered", "name", "alias") and o.kind in ("discovered", "name", "alias")):
            i, j = f.tok_index(p.e - 1), f.tok_index(o.s)
            if j - i > 2:  # two words or more between them: never one name (and no list of the words between)
                res.append(o)
                continue
            gap = [f.word(k) for k in range(i + 1, j)]
            w = f.word(j)
            joined = not (w[0] in "وف" and w not in rules.given_names) and all(f.adjacent(k) for k in range(i + 1, j + 1)) and (
                (not gap and ("discovered" in (p.kind, o.kind) or f.word(j) in _LINKS or f.word(i) in _LINKS))
                or (len(gap) == 1 and gap[0] in _LINKS))
            if joined:
                e = o.e
                k = f.tok_index(e - 1) + 1
                if o.kind != "discovered" and w in _LINKS and k < len(f.starts) and f.adjacent(k):
                    nxt = f.word(k)
                    if (nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) > 5 and nxt not in rules.stopwords
                            and nxt not in rules.title_complements and 1 not in occ[f.starts[k] : f.ends[k]]):
                        e = f.ends[k]
                        occ[o.e : e] = b"\x01" * (e - o.e)
                if p.kind != "discovered" and o.kind == "discovered" and (gap or w in _LINKS) and _genealogy(f, p.e, e, rules):
                    p.e = e  # a codebook person + his genealogy (الأمير محمد بن نايف بن عبدالعزيز + آل سعود): still he
                    continue
                res[-1] = new_mention(p.s, e, p.plen, f.x[p.s + p.plen : e], "person")
                continue
        res.append(o)
    return res


def repeat_forms(f, out: list, occ: bytearray, forms: dict[str, tuple[str, str, str]], new_mention) -> list:
    """Every free occurrence in the field of each form (a normalised word or phrase, with و/ف/ب/ل/ك before it but no
    article) as a mention of the given (actor_id, label, type)."""
    if not forms:
        return out
    added = []
    for w in sorted(forms):
        aid, lab, typ = forms[w]
        for a, k, e in f.free_occurrences(w, NAME_CLITICS_RE, occ):
            occ[a:e] = b"\x01" * (e - a)
            mm = new_mention(a, e, k - a, lab, typ)
            mm.actor_id = aid
            added.append(mm)
    return sorted(out + added, key=lambda o: o.s) if added else out


_DASH_RE = re.compile("[-–—]")
_SPACES_RE = re.compile(r"\s*")
_BYLINE_MAX = 120  # characters of a byline line at most
_BYLINE_NAME_MAX = 40  # characters before the dash of a byline that runs on into the text


def _kind_of(o) -> str:
    """A mention's type, or the prefix of its actor id (media:, location:) when the type is not set."""
    return o.typ or o.actor_id.partition(":")[0]


def _byline_names(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """N12: the names of the byline line that opens a text (see the module docstring)."""
    norm = f.norm
    a = _SPACES_RE.match(norm).end()  # the first line with text: a byline is short
    b = norm.find("\n", a, a + _BYLINE_MAX)
    dash = _DASH_RE.search(norm, a, b) if b > a else None
    inline = dash is None  # Sabq's byline opens the first line itself: «عويد التومي- سبق- رفحاء: تمكنت …»
    if inline:
        b = norm.find(":", a, a + _BYLINE_MAX)
        dash = _DASH_RE.search(norm, a, b) if b > a else None
        if dash is None:  # «رغد عشميل – عين اليوم بعد انقطاع …»: a name, a dash, the outlet, and the text goes on
            dash = _DASH_RE.search(norm, a, a + _BYLINE_NAME_MAX)
            outlet = next((o for o in out if o.s > dash.start()), None) if dash is not None else None
            if outlet is None or _kind_of(outlet) != "media" or norm[dash.end() : outlet.s].strip():
                return out
            inline, b = False, outlet.e
    dash = dash.start()
    after = [o for o in out if dash < o.s and o.e <= b]
    if inline:  # the name, a dash, the outlet, a dash, the place and a colon
        if ([_kind_of(o) for o in after] != ["media", "location"] or norm[after[-1].e : b].strip()
                or norm[dash + 1 : after[0].s].strip() or norm[after[0].e : after[1].s].strip(" -–—")):
            return out
    elif len(after) != 1 or _kind_of(after[0]) not in ("media", "location") or norm[after[0].e : b].strip():
        return out  # after the dash: one outlet or place mention that ends the line
    toks = [k for k in range(f.tok_index(a), len(f.starts)) if f.ends[k] <= dash]
    toks = [k for k in toks if not f.word(k).isascii()]  # "Next Previous" of the site's slider
    groups, cur = [], []
    for k in toks:
        if cur and norm[f.ends[cur[-1]] : f.starts[k]].strip(" ") in ("،", ","):
            groups.append(cur)
            cur = []
        cur.append(k)
    groups.append(cur)
    found = []
    for g in groups:
        if not 2 <= len(g) <= 3 or 1 in occ[f.starts[g[0]] : f.ends[g[-1]]]:
            continue
        words = [f.word(k) for k in g]
        if words[0].startswith("ال") or any((w in rules.common_words or w in rules.stopwords) and not (t == 0 and w == "علي")
                                           for t, w in enumerate(words)):
            continue  # (علي first in a byline is the name, not على misspelt: علي حفول- سبق- نجران)
        s0, e0 = f.starts[g[0]], f.ends[g[-1]]
        occ[s0:e0] = b"\x01" * (e0 - s0)
        found.append(new_mention(s0, e0, 0, f.x[s0:e0], "person"))
    return sorted(out + found, key=lambda o: o.s) if found else out


def _link_foreign_surnames(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N15: the last word of a discovered person's name of two words or more, when it is a foreign surname (a word of
    the JRC lexicon or a transliterated word, not verb-like), alone later in the field with و/ف/ب/ل/ك only (no
    article), is that person (… فنسنت كوهين … وقال كوهين), and so is the full name repeated (taken first: … سليم
    زبال … تأثر سليم زبال, not سليم + [زبال]); not right after a head of ``not_person_heads.txt`` (مجموعة سبرينجر).
    ``persons._link_short_forms`` links the last names of the first discovery pass and, after this pass, those of
    its names that start with a given name (``persons._linkable_persons``); the foreign names of this pass (N1,
    N8–N14), which start with none, get it here."""
    todo = {}
    for o in out:
        if o.kind != "discovered" or o.typ != "person":
            continue
        words = o.label_ar.split(" ")
        w = words[-1]
        if (len(words) < 2 or len(w) < 4 or w == words[0] or w in rules.given_names
                or w in rules.person_tokens and w not in nr.foreign_names
                or not (w in nr.foreign_names or _foreign_word(w, rules, nr)) or _verb_like(w, rules)):
            continue
        todo.setdefault(w, o)
    if not todo:
        return out
    added = []
    for w in sorted(todo):
        o = todo[w]
        refused = set()  # ends of the occurrences after a head: its surname is not taken alone either
        for form in (f.x[o.s + o.plen : o.e], w):  # the full name repeated first (سليم زبال), then the surname alone
            for a, k, e in f.free_occurrences(form, NAME_CLITICS_RE, occ, o.e):
                i = f.tok_index(a)
                if e in refused or i > 0 and f.adjacent(i, quotes=True) and strip_clitics(f.word(i - 1)) in nr.not_person_heads:
                    refused.add(e)
                    continue  # مجموعة سبرينجر: the company named after the person
                occ[a:e] = b"\x01" * (e - a)
                mm = new_mention(a, e, k - a, o.label_ar, "person")
                mm.actor_id = o.actor_id
                added.append(mm)
    return sorted(out + added, key=lambda o: o.s) if added else out


def refine_persons(f, out: list, occ: bytearray, rules: Rules, new_mention) -> list:
    """Rules N1–N20 over one field (a ``fields._Field``) after discovery.

    out: the field's mentions so far (normalised coordinates, sorted by start); occ: the occupied-character map,
    updated; new_mention(start, end, prefix_len, name, type): builds a discovered mention. Returns the mentions,
    sorted by start."""
    nr = load_name_rules()
    out = _byline_names(f, out, occ, rules, new_mention)
    out = _role_names(f, out, occ, rules, nr, new_mention)
    out = _kin_names(f, out, occ, rules, nr, new_mention)
    out = _names_before_roles(f, out, occ, rules, nr, new_mention)
    out = _names_after_role_phrases(f, out, occ, rules, nr, new_mention)
    out = _lexicon_names(f, out, occ, rules, nr, new_mention)
    out = _coordinated_foreign_names(f, out, occ, rules, nr, new_mention)
    _extend_first_names(f, out, occ, rules, nr)
    out = _trim_verbs(f, out, occ, rules)
    _regnal_numbers(f, out, occ, rules)
    _kunya(f, out, occ)
    out = _kunya_names(f, out, occ, rules, nr, new_mention)
    _extend_left(f, out, occ, rules, nr)
    out = _merge_adjacent(f, out, occ, rules, new_mention)
    out = _nisba_family_names(f, out, occ, rules)
    out = _link_foreign_surnames(f, out, occ, rules, nr, new_mention)
    out = _split_at_conjunctions(f, out, occ, rules, nr, new_mention)
    out = _son_of_after_verb(f, out, occ, rules, nr, new_mention)
    out = _in_the_name_of(f, out, occ, rules)
    return _drop_false_names(f, out, occ, rules)


#: Heads of a work's title (with or without a clitic): مسلسل «مريم»، فيلم «عمر»، رواية «ساق البامبو»
_WORK_HEADS = frozenset(norm_word(w) for w in (
    "مسلسل", "فيلم", "رواية", "مسرحية", "أغنية", "ألبوم", "قصيدة", "ديوان", "كتاب", "لعبة"))


def _work_head(w: str) -> bool:
    """w is a head of _WORK_HEADS, bare or with و/ف/ب/ل (بمسلسل، لفيلم; not كتاب read as ك + تاب); not with the
    article: مدير البرنامج محمد العلي is the programme's director, a role before his name."""
    for pre in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        if w.startswith(pre) and w[len(pre):] in _WORK_HEADS:
            return True
    return False


def _work_title(f, o) -> bool:
    """N20 (thirty-fourth session): the discovered person ``o`` is quoted right after the head of a work, so it is the
    work's title (مسلسل «مريم»، فيلم «أبو زيد الهلالي»، رواية «بدرية»), no person; unquoted it is whose work it is
    (أغنية طلال، لرواية محفوظ، فيلم جون هيوستن)."""
    if o.plen:
        return False
    i = f.tok_index(o.s)
    return (i > 0 and o.s == f.starts[i] and f.adjacent(i, quotes=True) and not f.adjacent(i)
            and _work_head(f.word(i - 1)))  # (quoted only: أغنية طلال، رواية محفوظ are his song, his novel)


_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
#: not ي (عسيري، قادري: family names), ني (جواني) nor نا (لورينا)
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "كم", "ك", "تي")


def _known_stem(base: str, suffix: str, rules: Rules) -> bool:
    """base, a word without its suffix, is a word of the frequency lists: as it is, with its ة (نص، أحدثت → أحدثة),
    with its alif maqsura (مرما → مرمى) or as the plural or dual in construct (منافسي → منافس، مبتكرو → مبتكر). Before
    تي ("my", after a ة) the noun must be frequent and also take the article (not كانتي: كأنه)."""
    if suffix == "تي":
        return base + "ه" in rules.frequent_words and base + "ه" in rules.definite_stems
    forms = [base]
    if base.endswith("ت"):
        forms.append(base[:-1] + "ه")
    if base.endswith("ا"):
        forms.append(base[:-1] + "ي")
    if base[-1] in "يو" and len(base) > 3:
        forms.append(base[:-1])
    return any(x in rules.frequent_words or x in rules.definite_stems or x in rules.common_words for x in forms)


def suffixed_word(f, end: int, w: str, rules: Rules) -> bool:
    """N19: w (a word of the field ending at ``end``) is a clitic-free word of the lists + a pronoun suffix (دعمه،
    زوجتي، بإمكانك، مرماه), not a first name nor a word ANERcorp tags in persons, not a name in ة (سلامة) nor in يه
    (جوزيه، توريه)."""
    if w.endswith("ه") and f.original(end - 1, end).startswith("ة"):
        return False
    return pronoun_suffixed(w, rules)


@lru_cache(maxsize=WORD_CACHE)
def pronoun_suffixed(w: str, rules: Rules) -> bool:
    """:func:`suffixed_word` without the original text (forty-fifth session, for an outlet's name after its head,
    ``teams._outlet_word``: شبكة خطوطها، شبكة اتصالاته): a word ending in ه may then be a name in ة (سلامة), which only
    the original spelling tells; an outlet's name is a foreign word, seldom in ة."""
    if w in rules.given_names or w in rules.person_tokens or len(w) < 4:
        return False
    for pre in _PROCLITICS:
        if pre and not w.startswith(pre):
            continue
        rest = w[len(pre):]
        if pre and (rest in rules.given_names or rest in rules.person_tokens):
            return False  # وخالد، ولويس: و + a name
        for suf in _PRONOUN_SUFFIXES:
            if suf == "ه" and rest.endswith("يه"):
                continue  # يه ends foreign names (جوزيه، توريه، أندريه), as in _object_word
            base = rest[: -len(suf)] if rest.endswith(suf) else ""
            if suf in ("ك", "كم") and base[-1:] in ("ا", "ي", "و"):
                continue  # داماك، بلاك، أولمبيك، ماليك: foreign names in ك, not "your"
            if len(base) >= 3 and _known_stem(base, suf, rules):
                return True
    return False


#: N21 (thirty-fifth session): words right after which no person's name starts: a quantifier (كل عيد، لكل شي، بكل
#: وديعة: عيد، شي، وديعة read as first names), a relative pronoun (الذي عوضه، التي تمثلت: a verb follows) and كبير as
#: an adjective or in construct (جرح كبير أحدثته، كبير اقتصاديي الصندوق: the verb or the plural after it is no name)
_NO_NAME_AFTER = frozenset(norm_word(w) for w in [
    "كل", "لكل", "بكل", "وكل", "فكل", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "كبير"])


def _after_no_name_word(f, o) -> bool:
    """N21: the discovered person ``o`` starts right after a word of ``_NO_NAME_AFTER`` (no punctuation between)."""
    i = f.tok_index(o.s)
    return i > 0 and o.s == f.starts[i] and f.adjacent(i) and f.word(i - 1) in _NO_NAME_AFTER


def _suffixed_pair(f, o, w: str, rules: Rules) -> bool:
    """N19b (forty-second session): a two-word name whose first word is a common word with a pronoun suffix and whose
    second is an adjective with the article or another such word (ناديه الأصلي، بطاقته الدولية، ورغباته وخياراته):
    "his original club", "his international card", not a person. Not a suffixed word before a name (مرماه فويتشيك،
    مواطنيه أريسمندي: the goalkeeper and the compatriot are named after it)."""
    first, _, second = w.partition(" ")
    if not second or " " in second:
        return False
    i = f.tok_index(o.s)
    if not suffixed_word(f, f.ends[i], first, rules):
        return False
    return second.startswith("ال") or suffixed_word(f, o.e, second, rules)


def _drop_false_names(f, out: list, occ: bytearray, rules: Rules) -> list:
    """The last filter of discovery, one pass over the discovered persons (after every pass that makes one-word names):
    N20, a work's quoted title (``_work_title``); N21, a name after a word no name follows (``_after_no_name_word``:
    كل عيد، الذي عوضه، جرح كبير أحدثته); and N19 (thirty-fourth session), one word that reads as a common word
    with a pronoun suffix (``suffixed_word``: نائب رئيس الجمهورية دعمه، بمساعدة زوجتي، ويضيف بإمكانك، حارس مرماه):
    the role or verb before it took it for a name; N19b, such a word and an adjective (``_suffixed_pair``: ناديه
    الأصلي)."""
    drop = set()
    for o in out:
        if o.kind != "discovered" or o.typ != "person":
            continue
        w = f.x[o.s : o.e]
        if (_work_title(f, o) or _after_no_name_word(f, o)
                or (_suffixed_pair(f, o, w, rules) if " " in w else suffixed_word(f, o.e, w, rules))):
            occ[o.s : o.e] = b"\x00" * (o.e - o.s)
            drop.add(id(o))
    return [o for o in out if id(o) not in drop] if drop else out


_DUAL_ENDS = ("تي", "تين", "تان")


def _dual_of_noun(w: str, rules: Rules) -> bool:
    """w is a noun in ة that takes the article, in the dual (شخصيتين، جامعتان، with a proclitic: بتشكيلتين), or a
    frequent one in the dual in construct / with "my" (جامعتي): its ة written ت before تين/تان/تي."""
    if w.endswith("تي"):
        stem = w[:-2] + "ه"
        return stem in rules.frequent_words and stem in rules.definite_stems  # (not كونتي: كونه is no definite stem)
    if w.endswith(("تين", "تان")):  # a dual: a frequent noun, or one of five letters or more that takes the article
        stem = w[:-3] + "ه"  # (ميداليتين، تشكيلتين; not مارتين، فورتان: المارة، الفورة are four letters), with a
        return any(x in rules.definite_stems and (x in rules.frequent_words or len(x) >= 5)  # proclitic too
                   for x in ((stem, stem[1:]) if w[0] in "وفبل" else (stem,)))
    return False


def _son_starts(x: str):
    """The starts of the tokens بن and ابن in x (str.find, not a regex with a look-behind tried at every character)."""
    for word in ("بن ", "ابن "):
        k = x.find(word)
        while k != -1:
            if k == 0 or x[k - 1] == " ":
                yield k
            k = x.find(word, k + 1)


#: kinship nouns after ابن: ابن عم الطيار "the pilot's cousin", no family name
_SON_NOT = frozenset(norm_word(w) for w in ("عم", "عمه", "عمي", "خال", "خالة", "أخ", "أخت", "أخي", "الأخ", "الأخت"))


def _son_of_after_verb(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N18 (thirty-fourth session): right after a verb of saying (``reporting_verbs.txt``, also with و/ف), بن or ابن +
    one word is a person called by his family name (وشدد بن محيا على، ونوه بن رقوش بما، وأكد ابن مشيط أن: 108 such
    phrases in SaudiNewsNet, nearly all persons): the word is no function word, title, role, common or frequent word,
    kinship noun or word with the article (وكشف ابن المريضة، وقال ابن عم الطيار), and a function word, a title or role,
    or punctuation follows it. A discovered person on that word takes the بن (وأوضح بن دليم: دليم → بن دليم)."""
    x = f.x
    if "بن " not in x:
        return out
    by_start = None
    n = len(f.starts)
    new = []
    for a in _son_starts(x):
        i = f.tok_index(a)
        if i < 1 or i + 1 >= n or not f.adjacent(i) or not f.adjacent(i + 1) or 1 in occ[f.starts[i] : f.ends[i]]:
            continue
        v = f.word(i - 1)
        if not (v in rules.reporting_verbs or v[:1] in ("و", "ف") and v[1:] in rules.reporting_verbs):
            continue
        w = f.word(i + 1)
        if by_start is None:
            by_start = {o.s: o for o in out}
        o = by_start.get(f.starts[i + 1])
        if o is not None:
            if o.kind == "discovered" and o.typ == "person" and not o.plen and o.e == f.ends[i + 1]:
                a, b = f.starts[i], f.ends[i]
                occ[a:b] = b"\x01" * (b - a)
                o.s = a
                o.label_ar = f.x[o.s : o.e]
                o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
            continue
        after = i + 2
        if after < n and f.adjacent(after):
            nx = f.word(after)
            if not (nx in rules.stopwords or nx in rules.titles or nx in nr.roles or nx in rules.title_complements
                    or nx[:1] in ("ب", "ل", "و", "ف") and nx[1:] in rules.stopwords):
                continue  # وقال بن سعيد الغامدي …: a longer name, the first pass's (بما، لأن: a function word)
        if (1 in occ[f.starts[i + 1] : f.ends[i + 1]] or len(w) < 3 or not w.isalpha() or w.startswith("ال")
                or w in rules.stopwords or w in rules.titles or w in nr.roles or w in rules.common_words
                or w in rules.frequent_words or w in rules.reporting_verbs or w in _SON_NOT or w in rules.connectors):
            continue
        a, b = f.starts[i], f.ends[i + 1]
        occ[a:b] = b"\x01" * (b - a)
        new.append(new_mention(a, b, 0, f.x[a:b], "person"))
    if not new:
        return out
    return sorted(out + new, key=lambda o: o.s)


#: Words after which باسم is "in the name of, for" (المتحدث باسم الحكومة: _SPOKESMAN) or "by the name" (المعروف باسم،
#: يعرف باسم: _NAMING), not the first name Basim; الرسمي and أيضا may stand between (المتحدث الرسمي باسم، يعرف أيضا باسم).
_SPOKESMAN = frozenset(norm_word(w) for w in (
    "المتحدث", "متحدث", "المتحدثة", "متحدثة", "والمتحدث", "الناطق", "ناطق", "الناطقة", "ناطقة", "والناطق"))
_NAMING = frozenset(norm_word(w) for w in (
    "المعروف", "المعروفة", "والمعروف", "والمعروفة", "المعروفين", "يعرف", "تعرف", "ويعرف", "وتعرف", "عرف", "عرفت",
    "يناديه", "يناديها", "يسمى", "تسمى", "المسمى", "المسماة", "الملقب", "الملقبة", "سمي", "سميت", "ويسمى", "وتسمى"))
_BETWEEN_BI_ISM = frozenset(norm_word(w) for w in ("الرسمي", "الرسمية", "أيضا", "أيضًا", "كذلك"))


def _first_name_word(w: str, rules: Rules) -> bool:
    """A word that can start a person's name: a first name (علي too, left out of ``given_names``) or a word that
    ANERcorp tags in persons, without the article."""
    return w == "علي" or w in rules.given_names or w in rules.person_tokens and not w.startswith("ال")


def _in_the_name_of(f, out: list, occ: bytearray, rules: Rules) -> list:
    """N17 (thirty-third session): a discovered person that starts with باسم after a spokesman or a naming word
    (_SPOKESMAN, _NAMING: وقال المتحدث باسم الوكالة الوطنية، والذي عرف باسم محمد زد) starts at the first word after it
    that can start a name (_first_name_word), if two words or more are left or a body stands before it (المتحدث الرسمي
    باسم الاتحاد عدنان المعيبد → عدنان المعيبد; باسم الجماعة محمود; not باسم نجم سلسلة الأفلام), else at a last two
    words without the article after a body (المتحدثة باسم المتنزه آمي بارتليت). Without such a name, the words after
    a spokesman's باسم that all take the article are the body he speaks for, an organisation (المتحدث باسم البنك
    الأوروبي), unless it is one rare word, his family name (المتحدث باسم العوضي: Basem); anything else is no person and
    is dropped (يعرف باسم التدفق النقدي، متحدث باسم خفر)."""
    drop = set()
    for o in out:
        if o.kind != "discovered" or o.typ != "person" or o.plen or f.x[o.s : o.s + 5] != "باسم ":
            continue
        i = f.tok_index(o.s)
        prev = f.word(i - 1) if i > 0 else ""
        if prev in _BETWEEN_BI_ISM and i > 1:
            prev = f.word(i - 2)
        if prev not in _SPOKESMAN and prev not in _NAMING:
            continue
        last = f.tok_index(o.e - 1)
        k = next((k for k in range(i + 1, last + 1)
                  if _first_name_word(f.word(k), rules) and (k < last or k > i + 1)), None)
        if k is None and last - i >= 3 and not any(f.word(j).startswith("ال") for j in (last - 1, last)):
            k = last - 1  # باسم المتنزه آمي بارتليت: a two-word name after the body
        if k is None:
            w = f.word(last)
            if (prev in _SPOKESMAN and last == i + 1 and w.startswith("ال") and w not in rules.frequent_words
                    and w not in rules.definite_nouns and w not in rules.common_words
                    and not (last + 1 < len(f.starts) and f.adjacent(last + 1) and f.word(last + 1).startswith("ال"))):
                continue  # المتحدث باسم العوضي: one rare word with the article is the spokesman's family name (not
                # باسم المدعي العام, a noun with its adjective)
            if prev in _SPOKESMAN and last > i + 1 and all(f.word(j).startswith("ال") for j in range(i + 1, last + 1)):
                o.s, o.typ = f.starts[i + 1], "organization"  # المتحدث باسم البعثة الدولية
                occ[f.starts[i] : o.s] = b"\x00" * (o.s - f.starts[i])
                o.plen = 0
                o.label_ar = f.x[o.s : o.e]
                o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
                continue
            occ[o.s : o.e] = b"\x00" * (o.e - o.s)
            drop.add(id(o))
            continue
        occ[o.s : f.starts[k]] = b"\x00" * (f.starts[k] - o.s)
        o.s = f.starts[k]
        o.label_ar = f.x[o.s : o.e]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
    return [o for o in out if id(o) not in drop] if drop else out


#: The letters after و that mark it as the conjunction, in the original text: a name never starts with وأ/وإ/وآ.
_HAMZA_ALEFS = "أإآ"


def _split_at_conjunctions(f, out: list, occ: bytearray, rules: Rules, nr: NameRules, new_mention) -> list:
    """N16 (eighteenth session): a discovered person whose later word is و + a word written with a hamza or madda on its
    alef (وأديسون، وأبو همام، وإيمليا; a name never starts so) ends before it: two persons joined by و (آينشتاين وأديسون،
    أرسطو وأفلاطون، محسن الفضلي وأبو همام), or a name and a noun (راشد وأخلاقه). So does one of three words or more
    whose third or later word, not its last, is و + a first name (ممفيس ديباي وباستيان شفانيشتيجر; not وسام, a first
    name itself). The rest is a person when its first word is a kunya head, a given name or a transliterated word (not
    a verb nor a word with a possessive ending), each part split again."""
    if not any(o.kind == "discovered" and o.typ == "person" and " و" in f.x[o.s : o.e] for o in out):
        return out
    res = []
    todo = list(out)
    while todo:
        o = todo.pop(0)
        cut = None
        if o.kind == "discovered" and o.typ == "person":
            i0, i1 = f.tok_index(o.s), f.tok_index(o.e - 1)
            for k in range(i0 + 1, i1 + 1):
                if f.word(k).startswith("و") and len(f.word(k)) > 2:
                    orig = dediacritize(f.original(f.starts[k], f.ends[k]))  # (وَأديسون: a diacritic on the و)
                    if len(orig) > 1 and orig[1] in _HAMZA_ALEFS:
                        cut = k
                        break
                w = f.word(k)
                if (i0 + 2 <= k < i1 and w[0] == "و" and len(w) > 3 and w not in rules.given_names
                        and w not in nr.foreign_names and (w[1:] in rules.given_names or w[1:] in nr.foreign_names)):
                    cut = k  # thirty-third session: و + a first name after two words (ممفيس ديباي وباستيان شفانيشتيجر)
                    break
        if cut is None:
            res.append(o)
            continue
        a, e = f.starts[cut], o.e
        o.e = f.ends[cut - 1]
        o.label_ar = f.x[o.s + o.plen : o.e]
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
        res.append(o)
        occ[a:e] = b"\x00" * (e - a)
        w = f.word(cut)[1:]
        i1 = f.tok_index(e - 1)
        kunya = w in ("ابو", "ابي", "ام") and cut < i1
        if (kunya or w in rules.given_names or _foreign_word(w, rules, nr, hamza=True) and not _verb_like(w, rules)
                and _plain_spelling(f, cut)):
            rest = f.x[a + 1 : e]
            occ[a:e] = b"\x01" * (e - a)
            todo.insert(0, new_mention(a, e, 1, rest, "person"))
    return res
