"""Discovery by head nouns and in lists: organisations and places the codebook lacks, and the sport context.

Names after a head noun (وزارة، جامعة، شركة، مستشفى، حي، محافظة …: ``_discover_named_heads``), chains of
organisations (``_org_chain``), coordinated and listed names and places (``_coordinated_names``, ``_listed_places``,
``_located_places``, ``_bracketed_places``), tribes, numbered units, repeated names; and the context tests of clubs
(``_sports_field``, ``_club_cue``, ``_bare_club``) that ``ambiguous`` uses. Called by ``matcher._match_prepared``; the
rules and their measured effect are in ``analysis/resources/actors_rules/README.md``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.actors.fields import (
    _BRACKET_LIST_HEADS,
    _COMPASS,
    _COMPASS_STEMS,
    _DIRECTIONS,
    _GATE_COMPASS,
    _GATE_TRIBES,
    _GATE_UNITS,
    _INSTITUTION_HEADS,
    _LATE_INSTITUTION_HEADS,
    _M,
    _MEDIA_HEADS,
    _TRIBE_HEADS,
    _UNIT_CUES,
    _alef_maksura_end,
    _by_start,
    _conj_stripped,
    _Field,
    _Matcher,
)
from analysis.actors.names import (
    _ENCLITICS,
    _coverage,
    _foreign_word,
    _plain_spelling,
    _rare_definite,
    _verb_like,
    load_name_rules,
)
from analysis.actors.references import _next_word
from analysis.actors.rules import NAME_CLITICS_RE, WORD_CACHE, Rules, bare_in, bare_of, norm_word, strip_clitics
from analysis.normalize import (
    matches_at,
    positions_of,
)

_SON_OF = frozenset(norm_word(w) for w in ["بن", "ابن", "بنت", "آل"])  # آل: the family (آل كليب، آل سالم)
_SPEECH_NEXT = frozenset(norm_word(w) for w in ["إن", "أن", "ان", "إنه", "أنه", "انه", "إنها", "أنها", "انها"])
#: Ordinals that end regnal names (عبدالله الثاني): never a short form of the person.
_ORDINALS = frozenset(norm_word(w) for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                                             "التاسع", "العاشر"])
_has_digit = re.compile(r"\d").search
_REGIONAL = frozenset(norm_word(w) for w in ["العربي", "العربية", "الإسلامي", "الإسلامية", "الدولي", "الدولية", "العالمي", "العالمية", "الإقليمي", "الإقليمية", "الأوروبي", "الأوروبية", "الغربي", "الغربية", "الخليجي", "الخليجية", "الأفريقي", "الأفريقية", "الآسيوي", "الآسيوية"])


@lru_cache(maxsize=WORD_CACHE)
def _strip_prep(w: str) -> str:
    """A definite word without the conjunction or preposition before its article: للجيش → الجيش, بالحكومة → الحكومة,
    وللجيش → الجيش; any other word as it is (وجيش stays وجيش). (Cached per word: up to six prefix tests, ~22,000 calls
    on 3,000 articles for ~5,000 distinct words.)"""
    if w.startswith("لل") and len(w) > 4:
        return "ال" + w[2:]
    for p in ("وال", "فال", "بال", "كال", "وبال", "ولل"):
        if w.startswith(p) and len(w) > len(p) + 1:
            return ("ال" + w[len(p):]) if p != "ولل" else "ال" + w[3:]
    return w


# --- discovery by head nouns (organisations, places) and coordinated names ------------------------

_QUOTE_CHARS = "\"“”«»'"
_ADJ_WORDS = frozenset(norm_word(w) for w in ["العامة", "العام", "العليا", "الأعلى", "الكبرى", "الوطنية", "الوطني"])


def _via_idiom(f: _Field, k: int, head: str) -> bool:
    """Token ``k`` (its word without clitics: ``head``) is طريق or ساحة right after عن/على: عن طريق "by means of",
    على ساحة "on the scene of" — no street or square, and what follows is no street's name (عن طريق تركيا)."""
    return head in ("طريق", "ساحه") and k > 0 and _conj_stripped(f.word(k - 1)) in ("عن", "على")


def _coordinated_place(f: _Field, s: int, e: int, plen: int, out: list[_M], types=("location", "country"),
                       dash: bool = False, comma: bool = False) -> bool:
    """Rule `coordinated` of ambiguous_forms.tsv: the form is joined by و to a place or country mention (of ``types``;
    not a nisba: الأجواء الشرقية والتايلاندية) right before it (الدمام والخبر، الأحساء، والخبر) or right after it
    (الخبر والظهران); with ``dash``, also by a dash to a place right before it (طريق الدمام - الخبر); with ``comma``,
    the form without a proclitic but the article, also by a comma alone to a place right before or after it (a list
    of governorates: الداير بني مالك، فرسان، الحكامية، العارضة، وادي جازان)."""
    bare = comma and f.x[s : s + plen] in ("", "ال")
    for o in out:
        if o.typ not in types or o.kind == "nisba":
            continue
        if o.e <= s and f.x[s : s + plen].startswith("و") and not f.x[o.e : s].strip(" ،,"):
            return True
        if dash and o.e <= s and f.x[s : s + plen] in ("", "ال") and f.norm[o.e : s].strip() in ("-", "–"):
            return True
        if e <= o.s and f.x[o.s : o.s + o.plen].startswith("و") and not f.x[e : o.s].strip():
            return True
        if bare and (o.e <= s and f.norm[o.e : s].strip() in ("،", ",") and f.norm[e : e + 2].strip()[:1] in _LIST_END
                     or e <= o.s and f.norm[e : o.s].strip() in ("،", ",") and f.x[o.s : o.s + o.plen] in ("", "ال")):
            return True  # (after a place, the form ends an item: جدة، ثار الغيورون is a verb)
    return False


#: What may follow the last item of a list of places: a comma or another mark, or the field's end.
_LIST_END = frozenset(("", "،", ",", ".", ")", "»", '"', "”", ":", "؛", ";", "-"))
_IN = frozenset(("في", "فى"))
#: Words before الخبر that make it "the news item", not the city Khobar (رابط الخبر، نص الخبر، تفاصيل الخبر).
_NEWS_HEADS = frozenset(norm_word(w) for w in ["رابط", "نص", "تفاصيل", "مصدر", "نشر", "هذا", "وكان", "صاحب"])
#: words after الخبر "the news item" (ورد في الخبر أن، الخبر الذي نشر، الخبر المنشور), not after the city: no earlier
#: mention of Khobar makes it the city there (thirty-fifth session)
_NEWS_NEXT = frozenset(norm_word(w) for w in ["أن", "ما", "الذي", "المنشور", "المفجع", "الصادق"])
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


_ALI = norm_word("علي")


def _titled_name(f: _Field, j: int, rules: Rules) -> bool:
    """Token j, after a title inside a place's name (طريق الملك …، مسجد الإمام …), is the name: a given name or a
    name-like word (فهد، سلطان); (thirty-fifth session) also a given name with the article, as the imams are named
    (جامع الإمام الحسين، مسجد الإمام الحسن), and علي written with ي in the text (not على, which the normalisation
    spells the same: مسجد الإمام علي)."""
    w = f.word(j)
    if w in rules.given_names or _name_like(w, rules):
        return True
    if w == _ALI:
        return not _alef_maksura_end(f, f.starts[j], f.ends[j])
    return w.startswith("ال") and w[2:] in rules.given_names and w[2:] not in rules.common_words


def _located_after_definite(f: _Field, s: int, plen: int) -> bool:
    """بالخبر (and في الخبر, below) right after a definite noun or adjective is "in Khobar" (الواجهة البحرية بالخبر،
    مستشفى الملك فهد الجامعي بالخبر، الألعاب النارية بالخبر: about 80 of the corpus's 110), not "with the news" (علمت
    بالخبر، فوجئوا بالخبر, after a verb or a noun with a pronoun)."""
    i = f.tok_index(s)
    if (f.x[s : s + plen] in ("", "ال") and i >= 2 and f.adjacent(i)
            and _conj_stripped(f.word(i - 1)) in _KHOBAR_PREPOSITIONS):
        # (thirty-fifth session) في/من/إلى الخبر after a definite word, in a field that names another place of the
        # Eastern Province (الواجهة البحرية في الخبر، التدريبات في الخبر … الدمام): not القارئ في الخبر ("the news")
        i -= 1
        if not any(p in f.x for p in _EASTERN_PLACES):
            return False
    elif f.x[s : s + plen] != "بال":
        return False
    if i < 1 or not f.adjacent(i):
        return False
    pw = f.word(i - 1)
    return pw.startswith("ال") and len(pw) > 4 and pw not in _NEWS_AFTER


_KHOBAR_PREPOSITIONS = frozenset(norm_word(w) for w in ["في", "من", "إلى"])
#: places of the Eastern Province besides Khobar (normalised), any of which makes في الخبر a place
_EASTERN_PLACES = tuple(norm_word(w) for w in ["الدمام", "الظهران", "القطيف", "الجبيل", "الأحساء", "الشرقية",
                                               "رأس تنورة", "الخفجي", "سيهات"])


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
    # (twenty-eighth session: also with و/ف, ب or ك: والأداء الراقي، بالشكل الراقي; not with ل: للاعبي الأخضر، للقاء
    # النصر are club cues, which _strip_prep's اللاعبي، اللقاء would hide: 5 of the 6 mentions it drops are right)
    pw = _conj_stripped(f.word(i - 1))
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
                or _club_qualified(f, e, ("ي", "يه"), rules)
                or "ال" + f.x[s + plen : e] in rules.titles and _title_before(f, e, rules))


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
                or nxt in rules.common_words or _has_digit(nxt) or _verb_like(nxt, rules))


def _qualified(f: _Field, e: int, nisba_ends: tuple[str, ...]) -> bool:
    """The word after the form ending at ``e`` is an ل-genitive (للسباحة، للصناعات) or a definite nisba ending in one of
    ``nisba_ends`` (الآسيوي، المصري): the form names a federation, a company or another club, not the club."""
    nxt = _next_word(f, e)
    return nxt is not None and (nxt.startswith("لل") or nxt.startswith("ال") and nxt.endswith(nisba_ends) and len(nxt) > 4)


def _club_qualified(f: _Field, e: int, nisba_ends: tuple[str, ...], rules: Rules) -> bool:
    """:func:`_qualified` for a club's bare name, unless (forty-fifth session) the nisba after it is the nationality of
    the person whose first name, Arabic or foreign, follows it (مدير الجهاز الفني بالهلال اليوناني جورجيوس دونيس:
    Al-Hilal's coach, a Greek; nothing but spaces between the three)."""
    return _qualified(f, e, nisba_ends) and not _nisba_before_first_name(f, f.tok_index(e - 1) + 1, rules)


def _nisba_before_first_name(f: _Field, j: int, rules: Rules) -> bool:
    """Forty-fifth session: the nisba at token j is the nationality of the person whose first name, Arabic or foreign,
    follows it (مدرب الرائد الجزائري عبدالقادر عمراني, لاعب النصر الأرجوياني رودريغو مورا), not a word of the name
    before it; nothing but spaces between the three words."""
    k = j + 1
    if k >= len(f.starts) or not f.adjacent(k) or not f.adjacent(j) or f.word(j).startswith("لل"):
        return False
    w = f.word(k)
    return w in rules.given_names or w in load_name_rules().foreign_names


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
    return not _club_qualified(f, e, ("ي", "يه", "يين", "يون"), rules)  # (الي is إلى: too short)


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


def _headed_name(f: _Field, a: int, b: int, pre: str) -> str:
    """The name of the span a:b that starts with a head word carrying the proclitics ``pre``: the span without them,
    with the article given back after لل (للجامعة اللبنانية → الجامعة اللبنانية, للكورنيش → الكورنيش; forty-first
    session: the organisations' label was لجامعة اللبنانية, and one body had two ids by its preposition)."""
    if pre.endswith("لل"):
        return "ال" + f.x[a + len(pre) : b]
    return f.x[a + _proclitic_len(pre) : b]


#: Particles of foreign names after which a place head is part of the name (فان دير بيرغ، فون دير لاين).
_NAME_PARTICLES = frozenset(norm_word(w) for w in ["فان", "فون", "دي", "دا"])


#: Definite place heads named by an adjective of direction or order (الكورنيش الشمالي، الطريق الدائري الثاني).
_ROAD, _RING = norm_word("طريق"), norm_word("الدائري")
#: common definite words that name a road after طريق by where it leads (forty-eighth session; the roads of Jeddah, Mecca,
#: Tabuk and Taif in SaudiNewsNet): طريق المدينة (المنورة)، طريق الساحل، طريق الجنوب، طريق المطار، طريق السيل
_ROAD_COMPLEMENTS = frozenset(norm_word(w) for w in ["المدينة", "الساحل", "الجنوب", "المطار", "السيل"])
_MEDINA, _MUNAWWARA = norm_word("المدينة"), norm_word("المنورة")
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
                new.append(_new(a, b, pl, _headed_name(f, a, b, pre), "organization"))
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
                org_m = _new(a, b, pl, _headed_name(f, a, b, pre), org[0])
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
                new.append(_new(a, b, pl, " ".join(_headed_name(f, a, b, pre).split()), "organization"))  # (quotes:
                # spaces in x)
                continue
        span = rules.place_heads.get(stem)
        if definite and stem in _ADJECTIVE_NAMED_HEADS:
            j = i + 2 if stem == _ROAD and i + 1 < n and f.adjacent(i + 1) and f.word(i + 1) == _RING else i + 1
            if (j < n and (j > i + 1 or stem != _ROAD) and f.adjacent(j) and f.word(j) in _PLACE_ORDINALS
                    and 1 not in occ[f.starts[i] : f.ends[j]]):
                a, b = f.starts[i], f.ends[j]  # الكورنيش الشمالي، الطريق الدائري الثاني: a named place
                pl = _proclitic_len(pre)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_new(a, b, pl, _headed_name(f, a, b, pre), "location"))  # (للكورنيش: الكورنيش)
            continue
        if span is None or definite or i + 1 >= n or not f.adjacent(i + 1):
            continue
        if stem == "وادي" and "أ" in f.original(s, e):
            continue  # وأدى الصلاة "and performed the prayer" (normalised like وادي, a wadi)
        if _via_idiom(f, i, stem):
            continue  # عن طريق "by means of", على ساحة "on the scene of"
        if (i > 0 and f.adjacent(i) and f.word(i - 1) in _NAME_PARTICLES
                and "إ" not in f.original(f.starts[i - 1], f.ends[i - 1])):
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
        if _possessed_noun(f, i + 1, rules) and w not in _HIS_PROPHET:
            continue  # في طريق ذهابه، طريق احترافه: a noun with "his", no name (fifty-third session; not ميناء كاليه,
            # nor مسجد رسوله "the mosque of His Messenger", the Prophet's Mosque that the read sets annotate)
        if w[0] in "ول" and len(w) > 4 and not w.startswith("ال") and (
                _plain_word(w[1:], rules) or w[1:] in rules.definite_stems or w.endswith("ا") and w[1:-1] in rules.definite_stems):
            continue  # مدينة وقرية وتجمع سكاني، مرتفعات لتخفيف، جبال وهابطا: و/ل on a common word, no name (not وهران، بولو)
        if span == "feature":
            # جبل العرقوب، مرتفعات حمرين (not جبل الجليد، بحيرة السد [العالي]: a definite word whose bare form is frequent)
            a = f.starts[i]
            if 1 in occ[a:b1] or w in rules.place_heads or w.startswith("ال") and w[2:] in rules.frequent_words or _verb_like(
                    w, rules) or w[0] == "ب" and len(w) > 3 and (  # (محمية ينفذون دورية: a verb; محمية بطبقة،
                    w[1:] in rules.definite_stems or w[1:] in rules.frequent_words) or not (  # بأغلبية: "protected by")
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
                  and _titled_name(f, i + 2, rules)):
                b = f.ends[i + 2]  # طريق الملك فهد، شارع الأمير سلطان، مسجد الإمام علي، جامع الإمام الحسين
                if i + 3 < n and f.adjacent(i + 3) and f.word(i + 3) in ("بن", "ابن") and i + 4 < n and f.adjacent(i + 4):
                    b = f.ends[i + 4]
            elif stem in _SITE_HEADS_ALL and (w in rules.generic_complements or w[0] in "وفبلك" and not w.startswith("ال")
                                              and (_plain_word(w[1:], rules) or w[1:] in rules.definite_stems
                                                   or w[1:] in rules.frequent_words)):
                continue  # ملعب النادي "the club's ground", كنيسة ومكتبة، ملعب لنادي: no name (ملعب لوفتس رود is one)
            elif (_rare_definite_name(w, rules) if stem in ("طريق", "ساحه", "ميدان", "نفق")
                  else w.startswith("ال") and len(w) > 4 and not _plain_word(w, rules) and w not in _REGIONAL
                  ) or _name_like(w, rules):
                # (after طريق/ساحة/ميدان/نفق a definite word whose bare form is rare: طريق العويقيلة، نفق المانش; not
                # طريق النجاح، نفق التخلف "the tunnel of backwardness")
                b = b1
                if (stem in _SITE_HEADS and w.startswith("ال") and i + 2 < n and f.adjacent(i + 2)
                        and f.word(i + 2).startswith("وال") and len(f.word(i + 2)) > 4):
                    b = f.ends[i + 2]  # كنيسة الخبز والسمك
                elif (w in rules.given_names and i + 3 < n and f.word(i + 2) in _SON_OF and f.adjacent(i + 2)
                      and f.adjacent(i + 3) and 1 not in occ[f.starts[i + 2] : f.ends[i + 3]]):
                    b = f.ends[i + 3]  # طريق عثمان بن عفان، شارع خالد بن الوليد: a road named after a person
            elif stem == _ROAD and w in _ROAD_COMPLEMENTS:
                b = b1  # طريق المدينة، طريق الساحل، طريق الجنوب، طريق المطار: a road named by where it leads (not عن
                # طريق المطار "by way of the airport": _via_idiom)
                if w == _MEDINA and i + 2 < n and f.adjacent(i + 2) and f.word(i + 2) == _MUNAWWARA:
                    b = f.ends[i + 2]
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


def _possessed_noun(f: _Field, k: int, rules: Rules) -> bool:
    """Token k is a noun with the possessive ه (أراضيه، تعازيه: spelt with ه, not ة; its stem takes the article in the
    news), no family name (fifty-first session). Asked after a first word that is also a noun (سلامة، خالص): after a
    name only (لوي لوبيه، بابيس سيسيه) such a word is a family name."""
    w = f.word(k)
    stem = w[:-1]
    if stem.endswith("ئ"):
        stem = stem[:-1] + "ء"  # أعضائه: أعضاء + ه
    return (w.endswith("ه") and len(stem) >= 4 and stem in rules.definite_stems and w not in rules.given_names
            and f.original(f.starts[k], f.ends[k]).endswith("ه"))


#: "His Messenger, His Prophet": مسجد رسوله is the Prophet's Mosque, a place, though its second word is a possessed noun
_HIS_PROPHET = frozenset(norm_word(w) for w in ["رسوله", "نبيه"])
#: generic complements that also name (اللجنة المنظمة لمعرض …: "the organising"; مؤسسة المدينة للصحافة: the newspaper)
_NAMING_GENERICS = frozenset(norm_word(w) for w in ["المنظمة", "المدينة"])


def _generic_board(f: _Field, i: int, j: int, stem: str) -> bool:
    """The chain from token ``i`` to ``j`` is the board of a body named only by its kind: مجلس إدارة + one generic
    noun (مجلس إدارة النادي، مجلس إدارة الهيئة; fifty-third session: also before a ل-word, مجلس إدارة الشركة لتلافي
    تعارض المصالح "to avoid"), or مجلس الإدارة with whatever follows (الجديد، السابق)."""
    if stem != _BOARD_HEAD or j <= i or f.word(i + 1) not in _BOARD_WORDS:
        return False
    return f.word(i + 1).startswith("ال") or j >= i + 2 and f.word(i + 2) in _GENERIC_BODIES and (
        j == i + 2 or f.word(i + 3)[0] == "ل")


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
        # a person's first name may be a word too (وأمير كردي، وإسلام سراج: thirty-third session), when a second word
        # follows it that is none
        given = typ == "person" and len(words) == 2 and not words[0].startswith("ال") and words[0] not in rules.stopwords
        if any(w in rules.stopwords or (w in rules.frequent_words or w in rules.common_words) and not (given and k == 0)
               or _has_digit(w) or len(w) < 2
               or not commas and (w.startswith(("لل", "بال")) or bare_in(w, rules.role_words) and not (given and k == 0)
                                  or typ != "location" and w in rules.definite_nouns) for k, w in enumerate(words)):
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


def _linked(f: _Field, o1: _M, o2: _M) -> bool:
    """Mentions o1 and o2 are neighbouring items of one list: a comma (or a dash) between them, or nothing but spaces
    and a و on o2."""
    gap = f.norm[o1.e : o2.s]
    return bool(_LIST_SEP_RE.fullmatch(gap)) or not gap.strip() and o2.plen == 1 and f.x[o2.s] == "و"


def _persons_ending_lists(f: _Field, out: list[_M], occ: bytearray, rules: Rules) -> list[_M]:
    """Thirty-third session: a list of persons (two or more, joined by commas or و) takes in the two-word item that
    starts it or ends it (… ومحمود المليجي، وتوفيق الدقن، وعدلي كاسب (لعب …); …، وإسلام سراج، ومهند عسيري، وصالح
    العمري): an item parted from the list by a comma or a و of its own or of the person's, set off from the rest of
    the sentence by punctuation (or the end of the field), whose first word is no stopword, no verb and no word with
    the article and whose second word is no word of the lists (the item between two persons: ``_items_between_items``)."""
    persons = [o for o in out if o.typ == "person" and o.kind in ("name", "alias", "discovered")]
    if len(persons) < 2:
        return out
    n = len(f.starts)
    new: list[_M] = []

    def item_ok(i: int) -> tuple[int, str] | None:
        """Tokens i, i+1 as a person item: (plen, label) or None."""
        if i < 0 or i + 1 >= n or not f.adjacent(i + 1) or 1 in occ[f.starts[i] : f.ends[i + 1]]:
            return None
        w0, w1 = f.word(i), f.word(i + 1)
        plen = 1 if w0[0] == "و" and len(w0) > 3 and w0 not in rules.given_names else 0
        w0 = w0[plen:]
        if (w0.startswith("ال") or w0 in rules.stopwords or w0 in rules.reporting_verbs or _verb_like(w0, rules)
                or _has_digit(w0) or len(w0) < 3 or not w0.isalpha() or not w1.isalpha()
                or w0[0] in "بلك" and (w0[1:] in rules.frequent_words or w0[1:] in rules.common_words)):
            return None  # (not بزواج أخويهما، بدر بن ناحي …)
        if (w1 in rules.stopwords or w1 in rules.frequent_words or w1 in rules.common_words or len(w1) < 3
                or w1[0] == "و" or _verb_like(w1, rules) or w1.startswith(("لل", "بال"))
                or w1.startswith("ال") and (w1 in rules.definite_nouns
                                             or not (_family_name(w1, rules) or _rare_definite(w1, rules)
                                                     and not w1.endswith(("ان", "ون", "ين", "ات"))))):
            return None  # (not واتفق الرئيسان، عبدالفتاح السيسي وعمر البشير)
        return plen, f.x[f.starts[i] + plen : f.ends[i + 1]]

    for k in range(len(persons) - 1):
        p1, p2 = persons[k], persons[k + 1]
        if not _linked(f, p1, p2):
            continue
        # after the list: p2 is its last person
        if k + 2 >= len(persons) or not _linked(f, p2, persons[k + 2]):
            i = f.tok_index(p2.e - 1) + 1
            got = item_ok(i)
            if got is not None:
                plen, label = got
                a, b = f.starts[i], f.ends[i + 1]
                gap = f.norm[p2.e : a]
                if ((_LIST_SEP_RE.fullmatch(gap) or plen and not gap.strip())
                        and (i + 2 >= n or not f.adjacent(i + 2)) and _LIST_END_RE.match(f.norm, b)):
                    occ[a:b] = b"\x01" * (b - a)
                    new.append(_new(a, b, plen, label, "person"))
        # before the list: p1 is its first person
        if k == 0 or not _linked(f, persons[k - 1], p1):
            j = f.tok_index(p1.s)
            got = item_ok(j - 2)
            if got is not None:
                plen, label = got
                a, b = f.starts[j - 2], f.ends[j - 1]
                gap = f.norm[b : p1.s]
                if ((_LIST_SEP_RE.fullmatch(gap) or p1.plen == 1 and f.x[p1.s] == "و" and not gap.strip())
                        and (j - 2 == 0 or not f.adjacent(j - 2))):
                    occ[a:b] = b"\x01" * (b - a)
                    new.append(_new(a, b, plen, label, "person"))
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
        if x[o2.e : o2.e + 4].lstrip()[:1] != "و":
            continue  # (cheap test first: no و-item right after the place, after a space or a comma)
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
        while k < n and (f.adjacent(k) or _LIST_SEP_RE.fullmatch(f.norm[f.ends[k - 1] : f.starts[k]])) \
                and not occ[f.starts[k]]:  # (forty-fifth session: a comma before the first item too: صعدة، وحجة، وعمران)
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


_STATE = norm_word("الدولة")  # a stopword (alone it names no state), inside a chain a complement (fifty-first session)


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
        # (محكمة أمن الدولة: الدولة, a stopword, continues the chain after a construct noun)
        if (1 in occ[f.starts[j] : f.ends[j]] or w in _SPEECH_NEXT or (not construct and _chain_stop(w, rules) and not (
                w == _STATE and compl and not after_adj))
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
            if compl == 1 and f.word(j - 1) in rules.generic_complements and f.word(j - 1) not in _NAMING_GENERICS:
                break  # إدارة الشركة | لتلافي تعارض المصالح: a generic body's kind takes no ل-complement of a name
                # (fifty-third session; the chain ends an anaphor, below)
            after_adj = after_conj = False
            lgen = True
        elif not after_adj and (compl or not w.startswith("وال")) and (w.startswith("وال") and len(w) > 5 or w[0] == "و" and len(w) > 3 and j + 1 < n
                                and f.adjacent(j + 1) and f.word(j + 1).startswith("ال")):
            if w[1:] in rules.org_chain_heads or (w[3:] in rules.org_chain_heads and w.startswith("وال") and j + 1 < n
                                                  and f.adjacent(j + 1) and f.word(j + 1).startswith(("ال", "ل"))):
                break  # لجنة المقابلة | ولجنة الرصد, المركز السعودي لكفاءة الطاقة | والهيئة السعودية للمواصفات: two
                # organisations (not بكلية الاقتصاد والإدارة: a field, with nothing after it; fiftieth session)
            if first_conj and not lgen:
                last = first_conj - 1  # a coordinated list, not one name: keep what precedes its first item
                compl = first_conj - 1 - i  # (after a ل-complement a list is the name's: للثقافة والفنون والآداب)
                break
            first_conj = j  # والتحري، وتصنيع الحبوب (a وال-word is never the first complement: 50 شركة | والتنسيق; thirty-fourth
            # session; مجلس وزراء السياحة، شركة وابل: a و of the word)
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
    if compl == 1 and f.word(last) in _FIELDS_OF_STUDY and bare_in(f.word(i), _FACULTY) and not _body_after(f, last, by_tok):
        return None  # قبول ابنتها في كلية الطب: medical school, the field of study (forty-second session)
    inner = [o for o in inner if f.tok_index(o.e - 1) <= last]
    return last, inner


#: Faculties named by their field alone: كلية الطب with no university or place after it is mostly the field of study
#: (القبول في كلية الطب، الرغبة العاشرة كلية الطب: 41 of its 50 predictions in the read sets were not annotated, 37 of
#: them without a university after it); كلية الطب بجامعة الملك عبدالعزيز is a body
_FACULTY = frozenset([norm_word("كلية")])
_FIELDS_OF_STUDY = frozenset([norm_word("الطب")])
_UNIVERSITY = frozenset([norm_word("جامعة")])


def _body_after(f: _Field, last: int, by_tok: dict) -> bool:
    """A university or a place names the faculty that ends at token ``last``: بجامعة …، في جامعة …، جامعة …، بالرياض
    (a place or an organisation mention right after it, or after في)."""
    j = last + 1
    if j < len(f.starts) and f.adjacent(j) and f.word(j) == "في":
        j += 1
    if not f.adjacent(j, quotes=True):  # (False past the last token)
        return False
    o = by_tok.get(j)
    return bare_in(f.word(j), _UNIVERSITY) or o is not None and o.typ in ("location", "country", "organization")


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
#: First halves of compound names in الله written apart (عوض الله، فضل الله، نصر الله، عبد الله …; the
#: thirty-fourth session added the southern and Gulf ones: غرم الله، جار الله، دخيل الله، مال الله …). Not حمد, نعمة,
#: رحمة (حمد الله "he praised God", نعمة الله "God's grace"): those read as phrases as often as names.
_ALLAH_COMPOUNDS = frozenset(norm_word(w) for w in ["عوض", "عطا", "فضل", "نصر", "جاد", "خير", "ضيف", "رزق", "حسب", "عبد",
                                                    "غرم", "جار", "دخيل", "مال", "خلف", "عبيد", "هبة", "جاب", "سعد",
                                                    "عطية", "فرج"])
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


_AND_THE_CITY = norm_word("والمدينة")
_MECCA, _MEDINA = "location:mecca", "location:medina"


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
            if (w == _AND_THE_CITY and o.actor_id == _MECCA and 1 not in occ[f.starts[j] : f.ends[j]]
                    and not (j + 1 < n and f.adjacent(j + 1) and f.word(j + 1).startswith("ال"))):  # (والمدينة الجامعية)
                a, b = f.starts[j], f.ends[j]  # مكة والمدينة، مكة وجدة والمدينة: Medina (thirty-fourth session)
                occ[a:b] = b"\x01" * (b - a)
                new.append(_M(a, b, 1, _MEDINA, "alias", "location"))
                break
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
#: the prepositions of a place: في ديكوا شمال شرقي نيجيريا
_LOCATIVE = frozenset(norm_word(w) for w in ["في", "على", "إلى", "من", "قرب", "نحو", "داخل", "حول"])
#: (no look-behind: a plain alternation, longest first, is scanned ~5x faster; the caller checks the token bounds)
_COMPASS_RE = re.compile("|".join(sorted(_COMPASS, key=lambda w: (-len(w), w))))


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
        if "إ" in f.original(s, e):
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
        orig = f.original(f.starts[j], f.ends[j]).lstrip("وف")
        if (w[0] == "ي" or orig[:1] == "ا" or len(w) <= 4 and w.endswith(("ت", "ا")) or orig.endswith("يه")
                or w.endswith("وا")):  # ومبانيه، وهاجموا، وفقا
            return False
    return (len(w) >= 3 and w.isalpha() and w not in rules.stopwords and w not in rules.titles
            and w not in rules.reporting_verbs and w not in rules.given_names and w not in rules.frequent_words
            and bare not in rules.frequent_words and bare not in rules.place_heads and bare not in rules.place_list_heads
            and w not in _REGIONAL and not (len(w) > 4 and w.endswith(_ENCLITICS)) and not _verb_like(w, rules)
            and _plain_spelling(f, j))


def _family_name(w: str, rules: Rules) -> bool:
    """ال + a nisba-shaped or given-name stem (العامري، الشهري، المقرن، الفيصل): a family name."""
    if not w.startswith("ال") or len(w) < 5 or w in rules.stopwords:
        return False
    return (w.endswith("ي") and len(w) > 5 and w not in rules.title_complements) or w[2:] in rules.given_names
