"""Discovery of person names: after given names, titles and reporting verbs, in quotes, and their short forms.

``_discover`` finds the names of one field (``discover=True``): a name starts at a trigger the automaton found (a
given name, a title word, a reporting verb) and ``_name_from`` reads it to its end; ``_link_short_forms`` links a
later short form to the full name seen earlier in the field (مملوك → علي المملوك); ``_short_forms`` gives the forms
by which ``analysis.actors.references`` links them across an article. Called by ``matcher._match_prepared``; the second
pass over what this one leaves is ``analysis.actors.names``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from analysis.actors.fields import (
    _DIRECTIONS,
    _ALA_RE,
    _ALLAH,
    _CODE_RE,
    _ENGLISH_WORD_RE,
    _FILM_RE,
    _GATE_ALI,
    _GATE_ALI_AL,
    _GATE_BIN,
    _LATIN_NOT_NAMES,
    _LATIN_RE,
    _M,
    _MODEL_NUMBER_RE,
    _MONTHS,
    _NISBA_TRIGGER,
    _QUOTE_RE,
    _RATING_RE,
    _TITLE_PHRASE,
    _alef_maksura_end,
    _by_start,
    _conj_stripped,
    _Field,
    _Matcher,
)
from analysis.actors.head_nouns import (
    _ALI,
    _ALLAH_COMPOUNDS,
    _ARABIC_WORD_RE,
    _CONTEXT_WINDOW,
    _DAYPART_NEXT,
    _ORDINALS,
    _QUOTE_CHARS,
    _REGIONAL,
    _SON_OF,
    _SPEECH_NEXT,
    _TEAM_CUES,
    _TIME_WORDS,
    _family_name,
    _has_digit,
    _name_like,
    _new,
    _plain_word,
    _possessed_noun,
    _strip_prep,
    _via_idiom,
)
from analysis.actors.names import (
    _DUAL_ENDS,
    _ENCLITICS,
    _FAMILY_WORDS,
    _KIN,
    _dual_of_noun,
    _foreign_word,
    _kin_word,
    _known_word,
    _name_in_fal,
    _nisba_of_a_noun,
    _plain_spelling,
    _rare_definite,
    _short_imperfect,
    _unnamed_cluster,
    _verb_like,
    construct_plural,
    future_verb,
    load_name_rules,
)
from analysis.actors.references import NAME_LINKS as _NAME_LINKS
from analysis.actors.rules import (
    CLITIC_RE,
    HONORIFICS,
    NAME_CLITICS_RE,
    RANKS,
    WORD_CACHE,
    Rules,
    bare_in,
    bare_of,
    norm_word,
    reporting_verb,
    strip_clitics,
)
from analysis.normalize import (
    matches_at,
    positions_of,
)


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


_AL = norm_word("آل")

#: Honorifics that may stand between a role phrase and the holder's name (they are trimmed off the name): the
#: honorifics and ranks of ``rules``, الرئيس and د (the abbreviation of الدكتور).
_HONORIFICS = HONORIFICS | RANKS | frozenset(norm_word(w) for w in ["الرئيس", "د"])
_DAYPARTS = frozenset(norm_word(w) for w in ["صباح", "مساء", "فجر", "ظهر", "عصر", "ضحى"])  # also first names
_THOUSANDS = frozenset(norm_word(w) for w in ["ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "مئات", "عشرات"])
# (520 ألف فدان; ثلاثة مليارات مارك: the currency, fiftieth session)
#: The stem of the title الداعية (the preacher), also the adjective "calling (for)": الجهات الداعية لـ …
_CALLING = norm_word("داعية")
_MA = frozenset(("ما", "وما", "فما", "طالما"))  # ما دام "as long as": a verb, not the first name دام
#: Role nouns that make a following title part of another person's role (سفير خادم الحرمين الشريفين).
_EMBEDDING_ROLES = frozenset(norm_word(w) for w in ["نائب", "سفير", "مستشار", "مستشارة", "مبعوث", "ممثل", "مندوب", "مساعد", "المبعوث"])
_SPEECH_BI = frozenset(norm_word(w) for w in ["بأن", "بأنه", "بأنها"])
_SPEECH_NOUNS = frozenset(norm_word(w) for w in ["بيان", "حديث", "حوار", "مقابلة", "لقاء", "كلمة"])


def _conj_word(rest: str, rules: Rules) -> bool:
    """After a ف, ``rest`` reads as a word (a function, frequent or common word, a noun that takes the article, a verb
    or a noun with a possessive) or is too short to tell: the ف is the conjunction. A name that starts with the letter
    (فيليكس، فرنسوا، فيرغسون) leaves no word behind."""
    return (len(rest) <= 3 or rest in rules.stopwords or rest in rules.frequent_words or rest in rules.definite_stems
            or rest in rules.common_words or rest in rules.titles or rest in rules.reporting_verbs
            or _verb_like(rest, rules) or rest.endswith(_ENCLITICS + ("ه",)) or "ال" + rest in rules.definite_nouns)


_DEFINITE_PREFIXES = ("ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال", "فبال")
_MONTHS_BUT_SAFAR = _MONTHS - {"صفر"}  # the month rule of discovery leaves صفر out
#: Words after a month's name that make it the month (رمضان المبارك، ربيع الأول، رجب الماضي), also those shaped like a
#: family name (ال + a given name or a nisba): after the others a month's name is a first name (ربيع العوبثاني).
_MONTH_QUALIFIERS = frozenset(norm_word(w) for w in [
    "المبارك", "المباركة", "المعظم", "الكريم", "الفضيل", "الأول", "الأولى", "الآخر", "الآخرة", "الثاني", "الحرام", "الفرد", "الماضي",
    "الجاري", "المقبل", "القادم", "الحالي", "المنصرم", "السابق", "الفائت", "الخير", "الأغر"])
#: Words after عمر "age" (عن عمر يناهز 94 عاما، عن عمر ناهز الـ37): not the first name Omar.
_AGE_NEXT = frozenset(norm_word(w) for w in ["يناهز", "ناهز", "يقارب", "قارب", "يبلغ", "بلغ", "يتجاوز", "تجاوز"])

#: Regional adjectives (not annotated themselves, CONVENTIONS) that make a short name another entity.
_HOLIDAY_NAMES = frozenset(norm_word(w) for w in ["الأضحى", "الفطر", "الميلاد", "الحج", "الوطني", "الأم", "الفصح", "الغدير"])
_HOLIDAY_HEADS = frozenset(norm_word(w) for w in ["عيد", "عيدي", "ليلة", "يوم"])

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


# --- discovery of person names ---------------------------------------------------------------------


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
        if len(ws) > 4 and ws.endswith(_DUAL_ENDS) and ws not in rules.given_names and _dual_of_noun(ws, rules):
            break  # thirty-third session: مدير جامعتي …، محافظتي (a dual in construct or "my" of a frequent noun in ة,
            # which also takes the article: not كونتي, كونه "its being"); thirty-fourth: the dual (هيفاء شخصيتين)
        if out and w in _DAYPARTS and j + 1 < n and f._adj[j + 1] and f.word(j + 1) in _DAYPART_NEXT:
            break  # استقبل محمد العنزي صباح أمس: "the morning of", not the name Sabah
        if not out and construct_plural(ws, rules):
            break  # thirty-ninth session: a plural noun in construct (مؤيدو مبارك، مديرو المتنزه) starts no name
        if out and f.word(out[-1]) in _WEEKDAY_SURNAMES and not (_family_name(w, rules) or w in rules.given_names):
            break  # عوض خميس اللذان، عوض خميس لكدمة: after a weekday surname only a name word goes on (محمد جمعة الحربي)
        if out and w[:1] == "ي" and _verb_after_given(f.word(out[-1]), w, rules):
            break  # ثابت يوزع، جميل يروج، أبو محمد يسحب: the verb of the clause after a first name ends the name
        if out and w[:1] == "س" and future_verb(w, rules):
            break  # صلاح سيقبل، آمنة ستشكل: a verb in the future (سـ + a frequent imperfect) ends the name (fifty-third
            # session)
        if out and _kin_word(w):
            break  # thirty-ninth session: سهى عرفات أرملة الرئيس، أحمد الزهراني والد الشهيد: kinship after a name ends it
        if (out and w in _EMBEDDING_ROLES and j + 1 < n and f._adj[j + 1] and (f.word(j + 1).startswith("ال") or f.word(j + 1) in titles)
                and f.word(out[-1]) not in rules.connectors):  # (عمر بن مساعد الشريوفي: a father's name)
            break  # حمد الشنيبر مساعد المدير العام: a role in construct after the name (مساعد is also a first name)
        if out and _accusative_noun(w, rules) and (
                len(out) >= 2 or j + 1 < n and f._adj[j + 1] and _accusative_noun(f.word(j + 1), rules)):
            break  # وليام سبيندلر متحدثا باسم المفوضية: a noun in the accusative ("as spokesman") ends the name;
            # after a first name only with an accusative adjective after it (شهدت في رمضان طلبا كبيرا "a great demand";
            # not تياغو موتا، كارلوس باكا، إدريس إلبا: foreign family names in ا; fiftieth session)
        if out and (_family_name(w, rules) and not (w in titles and _next_given(f, j, rules))
                    or (len(out) == 1 and _after_first_name(f.word(out[0]), w, rules))
                    or w == _ALLAH and f.word(out[-1]) in _ALLAH_COMPOUNDS or _father_before_family(f, j, occ, rules)
                    or len(out) == 1 and w in _WEEKDAY_SURNAMES and (f.word(out[0]) in rules.given_names
                                                             or _conj_stripped(f.word(out[0])) in rules.given_names)
                    and not (j + 1 < n and f._adj[j + 1] and f.word(j + 1) == "مشيط")
                    or f.word(out[-1]) in ("ال", "عبد") and w.startswith("ال") and w not in rules.stopwords
                    or f.word(out[-1]) in _SON_OF and not w.startswith("ال") and (
                        w == "علي" or w not in stop and w not in titles and w not in verbs)
                    or len(out) >= 2 and f.word(out[-1]) in _ABU and w not in stop and w not in titles and w not in verbs
                    and w not in _TIME_WORDS
                    or len(out) >= 3 and f.word(out[-2]) in _SON_OF and w.startswith("ال") and len(w) > 4
                    and w not in stop and w not in titles and w not in rules.title_complements and w not in verbs
                    and w not in _TIME_WORDS and w not in _REGIONAL and w not in common and not w.endswith("يه")):
            pass  # العامري، الشهري، المقرن، الجلال: a family name after a first name, even if the word is common; آل الشيخ,
            # خميس and جمعة without the article after a known first name (عوض خميس، وائل جمعة: not the weekday, which
            # takes the article; but خميس مشيط, the city),
            # a family name in أبو after a first name, even a common word (محمد أبو شعر، خالد أبو حكمة، محمد أبو قرنين),
            # عوض الله، فضل الله (a compound name in الله, although الله is a stopword),
            # عبد الملك (a title word after عبد is the compound name's second half);
            # after بن any word but a function word, a title or a reporting verb is the father's name (بن مانع، بن عاطي;
            # and علي, a stopword only as the normalised preposition على, which never follows بن: هادي بن علي اليامي),
            # and a word with ال after the father's name the family name (بن حمود الشايع), but for a word ANERcorp uses as
            # an ordinary word or a feminine adjective (مدينة الأمير محمد بن عبدالعزيز الرياضية)
        elif (out and w == "علي" and j + 1 < n and f._adj[j + 1] and f.word(out[-1]) in rules.given_names
              and (_family_name(f.word(j + 1), rules) or f.word(j + 1) in rules.given_names and f.word(j + 1) != "علي"
                   or f.word(j + 1) == "ال" and j + 2 < n and f._adj[j + 2])
              and not _alef_maksura_end(f, a, b)):
            pass  # محمد علي الشدادي، أحمد علي موسى: علي spelt with ي between a first name and a family or first
            # name, or آل and its name (محمد علي آل فرج; forty-fourth session)
        elif out and w in rules.nisba_surnames and _conj_stripped(f.word(out[-1])) in rules.given_names:
            pass  # مهند عسيري، يحيى حكمي: a family name of the shape of a nisba without ال after a first name, although
            # the corpus also writes it with the article (nisba_surnames_saudinewsnet.txt; twentieth session)
        elif not (w in rules.given_names or ws in rules.given_names or w in rules.connectors):
            if (w in stop or w in titles or w in common or w in verbs
                    or ws is not w and (ws in stop or ws in titles or ws in common or ws in verbs)):
                break
            if out and (ws in rules.title_complements or strip_clitics(ws) in rules.stopwords or _common_continuation(w, rules)):
                break
            if (out and len(w) > 3 and w[-1] == "ه" and w[:-1] in rules.frequent_words
                    and f.original(a, b).endswith("ة")):
                break  # نجوى سالم عميدة الكلية: the feminine of a frequent noun (a role) after the name
                # (a ة in the text: not a possessive ه, موقفه, which N3 trims with what it ends: شارحا موقفه)
        elif out and w == "علي":
            break  # على written علي far more often than a second name علي
        if w == _ALLAH and out:
            allah += 1
        out.append(j)
        j += 1
    while out and f.word(out[-1]) in rules.connectors:
        out.pop()
    return out


def _accusative_noun(w: str, rules: Rules) -> bool:
    """An indefinite noun or adjective in the accusative (طلبا، كبيرا: its stem takes the article elsewhere)."""
    return len(w) > 3 and w[-1] == "ا" and w[:-1] in rules.definite_stems and w not in rules.given_names


#: The weekdays that are family names too: without the article after a known first name they are one (عوض خميس، وائل
#: جمعة، مختار جمعة: 93 first names cut short in SaudiNewsNet, forty-third session).
_WEEKDAY_SURNAMES = frozenset(norm_word(w) for w in ["خميس", "جمعة"])
#: and the words before which they are the weekday, also without the article (صلاة جمعة، يوم خميس)
_WEEKDAY_BEFORE = frozenset(norm_word(w) for w in ["صلاة", "خطبة", "يوم", "ليلة", "فجر", "صباح", "مساء", "ظهر", "عصر",
                                                   "كل", "أيام", "إمام"])

#: أبو (and its cases) inside a name: a family name in أبو follows (محمد أبو شعر).
_ABU = frozenset(norm_word(w) for w in ["أبو", "أبي", "أبا"])


#: أمل after these words is "hope" (خيبة أمل "disappointment"), and أشرف before these the verb "supervised" (أشرف على،
#: أشرف أيضا على، وأشرف عليها), not the first names (forty-third session: 5 and 6 false persons in SaudiNewsNet)
_AMAL, _ASHRAF = norm_word("أمل"), norm_word("أشرف")
#: and ناديه spelt with ه is نادي + ه "his club" (35 of 61 نادية/ناديه persons in SaudiNewsNet: وناديه، ناديه الأصلي)
_NADIA = norm_word("نادية")
_LETDOWN = frozenset(norm_word(w) for w in ["خيبة", "وخيبة", "بخيبة", "لخيبة", "خيبات"])
_SUPERVISED_NEXT = frozenset(norm_word(w) for w in ["على", "عليها", "عليه", "عليهم", "أيضا", "أيضاً"])
#: رضوان before الله is the blessing رضوان الله عليهم "God's pleasure be upon them", not Ridwan (forty-fourth session:
#: 10 of the 40 lone رضوان persons in SaudiNewsNet); نجيب after أن or نحن is the verb "we answer" (أن نجيب على سؤال،
#: ونحن نجيب: 7), not Najib, who follows أن before a verb (إلا أن نجيب نفى)
_RIDWAN, _NAJIB = norm_word("رضوان"), norm_word("نجيب")
#: and a name of one or two words right after بني (about 90 persons in SaudiNewsNet: خان بني سعد 48 times, بني آدم، بني
#: مازن)
_SONS_OF = frozenset(norm_word(w) for w in ["بني", "وبني", "لبني", "ببني", "فبني"])
_WE_ANSWER_BEFORE = frozenset(norm_word(w) for w in ["أن", "ان", "لن", "كي", "حين", "نحن", "ونحن"])
_WE = frozenset(norm_word(w) for w in ["حين", "نحن", "ونحن"])
#: عمر + a common definite noun after these words is "the age / the life of" (forty-eighth session: إطالة عمر المبنى،
#: نحدد عمر المصحف، في عمر العشرينيات، من عمر البطولة), not Omar and a family name (عضو اللجنة عمر السلمي)
_OMAR = norm_word("عمر")
_AGE_BEFORE = frozenset(norm_word(w) for w in [
    "إطالة", "وإطالة", "يطيل", "ويطيل", "تطيل", "تمديد", "تحديد", "يحدد", "نحدد", "تحدد", "قصر", "طول", "ضعف", "يقدر",
    "ويقدر", "نوع", "من", "في"])
#: مالك + a common definite noun is "the owner of" (مالك العقار، مالك الاستراحة، مالك المطعم; مالك الحزين "the heron":
#: 19 false persons in SaudiNewsNet, fiftieth session), not Malik and a family name (مالك الرشيدي، مالك الموسى) or
#: after a title (الشيخ مالك الشعار)
_MALIK = norm_word("مالك")
#: a name right after سورة is a chapter of the Quran (سورة يوسف، سورة مريم: 11 false persons in SaudiNewsNet)
_SURA = norm_word("سورة")
#: منى written مني (normalisation makes ى ي): "from me" in the text written with ي (طلب مني، المحاولة مني: 37 false
#: persons in SaudiNewsNet), the first name after a title (fiftieth session)
_MUNA = norm_word("منى")
#: يزيد after these is the verb "increases, exceeds" (ألا يزيد المؤهل العلمي، ما يزيد على، قد يزيد الاتفاق: 42 false
#: persons in SaudiNewsNet, fifty-first session), not the first name Yazid (وذكر يزيد بن فهد الرشيد)
_YAZID = norm_word("يزيد")
_YAZID_VERB_BEFORE = frozenset(norm_word(w) for w in [
    "لا", "ولا", "فلا", "ألا", "وألا", "لن", "ولن", "لم", "ولم", "قد", "وقد", "أن", "وأن", "ما", "مما", "ومما", "وما",
    "كي", "لكي", "حيث", "بينما", "التي", "والتي", "الذي", "والذي", "كما", "عندما", "وعندما", "لئلا", "سوف"])
#: سعيد after "I" (وأنا سعيد لتواجدي هنا) is the adjective "happy", not the first name Said
_SAID = norm_word("سعيد")
_I = frozenset(norm_word(w) for w in ["أنا", "وأنا", "فأنا", "إني", "إنني", "لأنني", "لأني", "نحن", "ونحن"])


def _unlisted_in_ya(w: str, rules: Rules) -> bool:
    """w is a word in ي of no name list (given names, name tokens, foreign names, nisba-shaped family names): after a
    noun or a first name it reads as an imperfect verb, the verb of the clause (يناقض، يوزع)."""
    return (w[:1] == "ي" and w not in rules.given_names and w not in rules.person_tokens
            and w not in rules.nisba_surnames and w not in load_name_rules().foreign_names)


def _verb_after_given(prev: str, w: str, rules: Rules) -> bool:
    """w, right after the Arabic first name ``prev``, reads as an imperfect verb (ثابت يوزع، جميل يروج، أبو محمد يسحب):
    an unlisted word in ي of three or four letters (not يوسف، يحيى; longer ones, يامين، يماني, are often names), not
    after a foreign first name, whose family name may be such a word (بيتر يوين، لي جاي يونج; fifty-second session)."""
    return (3 <= len(w) <= 4 and _unlisted_in_ya(w, rules) and prev in rules.given_names
            and prev not in load_name_rules().foreign_names)


def _daypart_noun(w: str, rules: Rules) -> bool:
    """w, after صباح or مساء, is the noun of "the morning of" (صباح الزبالة، مساء الخير): a common noun seen with the
    article and no family name (not صباح الأحمد، صباح السالم; fifty-second session)."""
    return w.startswith("ال") and w in rules.definite_nouns and not _family_name(w, rules)


def _imperfect_after(w: str, rules: Rules) -> bool:
    """w, after an accusative noun, reads as an imperfect verb (قال كلاما يناقض ما …): an unlisted word in ي of four
    letters or more."""
    return len(w) >= 4 and _unlisted_in_ya(w, rules)


_BASIM, _SADIQ, _SARA, _ELIAS = norm_word("باسم"), norm_word("صادق"), norm_word("سارة"), norm_word("الياس")
#: باسم + these is "in the name of" (باسم الجهاد، باسم الدين), not the first name Basem and a family name; and
#: "on behalf of" a body (متحدث باسم المستشفى، باسم الأهالي: fifty-third session)
_IN_THE_NAME_OF = frozenset(norm_word(w) for w in ["الجهاد", "الدين", "الإسلام", "الوطن", "الشعب", "الله", "الحق",
                                                   "الثورة", "الحرية", "المستشفى", "الأهالي", "الوزارة", "الشركة",
                                                   "الهيئة", "الجمعية", "المجلس", "الحكومة", "النادي", "اللجنة"])
_CONDOLENCES = frozenset(norm_word(w) for w in ["التعازي", "تعازيه", "تعازيها", "تعازيهم", "العزاء", "المواساة"])
#: the words before which سارة is the adjective "pleasant" (fifty-first session: 24 of the 55 one-word سارة persons of
#: SaudiNewsNet)
_PLEASANT_AFTER = frozenset(norm_word(w) for w in [
    "مفاجأة", "مفاجاة", "غير", "أخبار", "الأخبار", "أخبارا", "أنباء", "بشرى", "بشائر", "مشاعر", "أحداث", "تحولات",
    "أشياء", "نتائج", "ذكريات", "لحظات", "تأتي"])


@lru_cache(maxsize=WORD_CACHE)
def _dual_noun(w: str, rules: Rules) -> bool:
    """w is the dual of a definite noun in ة (القمتين، للقمتين، بالجولتين: القمة، الجولة take the article in the
    news)."""
    if w.startswith("لل"):
        w = "ال" + w[2:]
    elif w[:3] in ("بال", "وال", "فال", "كال"):
        w = w[1:]
    return w.startswith("ال") and w.endswith("تين") and len(w) > 6 and w[:-3] + "ه" in rules.definite_nouns


def _from_me(f: _Field, i: int, rules: Rules) -> bool:
    """Token i, مني, is "from me" (طلب مني، المحاولة مني، مني بهزيمته "suffered"), not the first name منى: it is written
    with ي and no title or د. comes right before it (الكاتبة مني ظاهر، د. مني البلهيد; fiftieth session)."""
    if _alef_maksura_end(f, f.starts[i], f.ends[i]):
        return False
    if i == 0 or f.norm[f.ends[i - 1] : f.starts[i]].strip() not in ("", "."):
        return True
    w = f.word(i - 1)  # (للكاتبة، والكاتبة: the title with a preposition or و)
    return not (w in _HONORIFICS or w in rules.titles or "ال" + strip_clitics(w) in rules.titles
                or w.startswith("لل") and "ال" + w[2:] in rules.titles)


def word_in_context(f: _Field, o: _M, rules: Rules) -> bool:
    """A discovered person that its neighbours or its spelling read as a word: خيبة أمل المشجعين ("disappointment"),
    السوداني أشرف على هجمات ("supervised"), ناديه الأصلي spelt with ه ("his club", not Nadia), رضوان الله عليهم, أن
    نجيب عنه, يطيل عمر المبنى ("the life of"), مالك العقار ("the owner of"), سورة يوسف (a chapter of the Quran),
    ألا يزيد ("increases"), اليأس ("despair"), أنا سعيد ("happy"), مفاجأة سارة ("pleasant"), صادق التعازي, وسلامة
    أراضيه, نجم القمتين (a dual); or as a tribe or place after بني (خان بني سعد). Asked of every discovered person once
    all passes ran (``matcher._match_prepared``), as the first names come from several of them (a given name, a title,
    a nisba, a role)."""
    i = f.tok_index(o.s)
    if (i > 0 and f.adjacent(i) and f.word(i - 1) in _SONS_OF and f.tok_index(o.e - 1) <= i + 1
            and not _alef_maksura_end(f, f.starts[i - 1], f.ends[i - 1])):
        return True  # بني سعد، بني آدم، قبيلة بني مبارك: a tribe, a place or mankind, not سعد (forty-fourth session);
        # not after بنى "built" or the name لبنى, spelt with ى (بنى هاريل أدواته، د. لبنى الأنصاري)
    w0 = _conj_stripped(f.word(i))
    if w0 == _NADIA:
        return f.original(f.starts[i], f.ends[i]).endswith("ه")
    if w0 == _AMAL:
        return i > 0 and f.adjacent(i) and f.word(i - 1) in _LETDOWN
    if w0 == _ASHRAF and f.tok_index(o.e - 1) == i:
        return i + 1 < len(f.starts) and f.adjacent(i + 1) and f.word(i + 1) in _SUPERVISED_NEXT
    if w0 == _RIDWAN and f.tok_index(o.e - 1) == i:
        return i + 1 < len(f.starts) and f.adjacent(i + 1) and f.word(i + 1) == _ALLAH
    if w0 == _OMAR and f.tok_index(o.e - 1) == i + 1 and i > 0 and f.adjacent(i) and f.word(i - 1) in _AGE_BEFORE:
        return f.word(i + 1) in rules.definite_nouns
    if w0 == _YAZID and i > 0 and f.adjacent(i) and f.word(i - 1) in _YAZID_VERB_BEFORE and not (
            i + 1 < len(f.starts) and f.word(i + 1) in _SON_OF):
        return True  # ألا يزيد المؤهل العلمي، قد يزيد الاتفاق: the verb "increases" (fifty-first session)
    if w0 == _SAID and i > 0 and f.adjacent(i) and f.word(i - 1) in _I:
        return True  # وأنا سعيد لتواجدي هنا: "happy"
    if w0 == _ELIAS and "يأس" in f.original(f.starts[i], f.ends[i]):
        return True  # اليأس "despair" spelt with أ (normalisation makes it الياس, Elias): 14 false persons
    k = f.tok_index(o.e - 1)
    if k > i and (w0 in rules.noun_given_names or w0 == _BASIM or w0 not in rules.given_names
                  and w0 in rules.definite_stems) and _possessed_noun(f, k, rules):
        return True  # وسلامة أراضيه، خالص تعازيه، باسم أعضائه: a noun with "his" (أراضي takes the article)
    if w0 == _BASIM and k > i and (
            f.word(i + 1) in _IN_THE_NAME_OF
            or k > i + 1 and f.word(i + 1) in rules.definite_nouns
            and all(f.word(t).startswith("ال") for t in range(i + 2, k + 1))):
        return True  # باسم الجهاد، باسم الجهاد الكفائي، باسم التكامل الأوروبي: "in the name of" (fifty-first session)
    if w0 == _SADIQ and k == i + 1 and f.word(k) in _CONDOLENCES:
        return True  # صادق التعازي "sincere condolences" (fifty-first session)
    if w0 == _SARA and k == i and i > 0 and f.adjacent(i) and strip_clitics(f.word(i - 1)) in _PLEASANT_AFTER:
        return True  # مفاجأة سارة، مفاجأة غير سارة، أخبار سارة: the adjective "pleasant", not the first name Sarah
    if _dual_noun(f.word(k), rules):
        return True  # نجم القمتين، للقمتين: a dual noun (القمة "the summit"), no family name (fifty-first session)
    if w0 == _MUNA and _from_me(f, i, rules):
        return True  # طلب مني ابراموفيتش: "from me" (the other passes and the learned names start names at مني too)
    if i > 0 and f.adjacent(i) and strip_clitics(f.word(i - 1)) == _SURA:
        return True  # سورة يوسف، من سورة مريم، سورة محمد: a chapter of the Quran (fiftieth session)
    if w0 == _MALIK and f.tok_index(o.e - 1) == i + 1:
        if i > 0 and f.adjacent(i) and f.word(i - 1) in rules.titles:
            return False  # مفتي طرابلس الشيخ مالك الشعار: a title before him names a man
        return f.word(i + 1) in rules.definite_nouns and not _family_name(f.word(i + 1), rules)
    if w0 == _NAJIB and f.tok_index(o.e - 1) == i and i > 0 and f.adjacent(i) and f.word(i - 1) in _WE_ANSWER_BEFORE:
        nxt = f.word(i + 1) if i + 1 < len(f.starts) and f.adjacent(i + 1) else ""
        return f.word(i - 1) in _WE or nxt.startswith(("عن", "عل"))
    return False


#: the words after which a list of persons ends (وبدر الحويفي وجزاء الحربي وغيرهم)
_AND_OTHERS = frozenset(norm_word(w) for w in ["وغيرهم", "وآخرون", "وآخرين", "وسواهم"])


def list_gaps(f: _Field, out: list[_M], rules: Rules) -> list[_M]:
    """Names the rules did not know inside a list of persons or of places (forty-fourth session, blind sets 721 and
    722), each right after و with only spaces around, up to four in a row, taken only when the run ends at the next
    member of the list (after و) or, for persons, at وغيرهم:

    * persons (:func:`_person_item`): وشايع الأمسح وزبن بن عمير وسرور الأطرش وعلي القري وعبدالله الحرير ومرشد البذال
      وجهز بن شرار وبدر الحويفي وجزاء الحربي وغيرهم (زبن، مرشد، جهز، جزاء are first names and words);
    * places (:func:`_place_item`): في الطائف والخرمة وتربة ورنية والمويه وميسان وبني سعد (المويه، ميسان)."""
    out = _list_gap(f, out, rules, "person", _person_item, _AND_OTHERS)
    return _list_gap(f, out, rules, "location", _place_item, frozenset())


def _person_item(f: _Field, j: int, rules: Rules) -> int | None:
    """The end (token after) of a person's name at token j of a list: a first word after و and a family name with the
    article (ومرشد البذال) or بن and a name (وزبن بن عمير); not a role (جون كيري وزير الخارجية)."""
    n = len(f.starts)
    if j + 1 >= n or not f.adjacent(j + 1):
        return None
    w0, w1 = f.word(j), f.word(j + 1)
    if (not (w0.startswith("و") and len(w0) >= 3 and w0[1:].isalpha()) or w0 in rules.titles or w0[1:] in rules.titles
            or w1 in rules.title_complements or w0[1:] in rules.stopwords
            and not (w0[1:] == _ALI and not _alef_maksura_end(f, f.starts[j], f.ends[j]))):
        return None  # (وعلي القري written with ي is Ali: on both sides persons of the list)
    k = j + 2
    if w1 in _SON_OF and w1 != "ال":
        return k + 1 if k < n and f.adjacent(k) and f.word(k).isalpha() else None
    if not (w1.startswith("ال") and len(w1) >= 5 and w1.isalpha()) or w1 in rules.stopwords or w1 in rules.titles:
        return None
    return k


#: بني/آل + a word is one place of a list (وبني مالك; head_nouns._TRIBE_LINKS has more, for tribes)
_BANI_AL = frozenset(norm_word(w) for w in ["بني", "آل"])
#: no place alone in a list: the compass words, bare or as nouns with the article (بورسعيد وشمال وجنوب سيناء، السليل
#: وغربي وادي الدواسر، والجنوب)
_LIST_DIRECTIONS = _DIRECTIONS | frozenset("ال" + w for w in _DIRECTIONS if not w.endswith("ي"))


def _place_item(f: _Field, j: int, rules: Rules) -> int | None:
    """The end (token after) of a place's name at token j of a list: one word after و (والمويه، وميسان) or بني/آل and a
    word (وبني مالك); not a place head (طريق الملك عبدالعزيز وطريق وادي الأديرع، محافظات ومدن وقرى), nor a compass
    word."""
    w0 = f.word(j)
    w = w0[1:]
    if not (w0.startswith("و") and len(w0) >= 4 and w.isalpha()) or w in rules.stopwords or w in rules.titles:
        return None
    if (w in rules.place_heads or w in rules.place_list_heads or w in _LIST_DIRECTIONS
            or w.startswith("ال") and w[2:] in rules.place_heads):
        return None
    if w in _BANI_AL:
        k = j + 1
        return k + 1 if k < len(f.starts) and f.adjacent(k) and f.word(k).isalpha() else None
    return j + 1


def _list_gap(f: _Field, out: list[_M], rules: Rules, typ: str, item, enders: frozenset) -> list[_M]:
    """:func:`list_gaps` for the members of type ``typ``, the names read by ``item`` (token -> end token or None)."""
    members = [o for o in out if o.typ == typ and o.kind in ("discovered", "name", "alias")]
    if len(members) < 2:
        return out
    n, x, starts_at = len(f.starts), f.x, f.starts
    starts = None
    new = []
    for p in members:
        j = f.tok_index(p.e - 1) + 1  # the token after p
        if j >= n or x[starts_at[j]] != "و" or not f.adjacent(j):
            continue  # (most members: no و-word right after them)
        if starts is None:  # (a next member after و has proclitics: not وادي الأديرع)
            starts = {f.tok_index(o.s): o.plen for o in members}
        run = []
        while len(run) < 4 and j < n and f.adjacent(j) and j not in starts and (k := item(f, j, rules)) is not None:
            run.append((j, k))
            j = k
        if not run or j >= n or not f.adjacent(j):
            continue
        if not (starts.get(j) and f.word(j).startswith("و") or f.word(j) in enders):
            continue
        for a0, k in run:
            a, b = f.starts[a0], f.ends[k - 1]
            if any(o.s < b and a < o.e for o in out):
                break
            label = f.x[a + 1 : b]
            new.append(_M(a, b, 1, "discovered:" + label.replace(" ", "_"), "discovered", typ, label))
    return sorted(out + new, key=_by_start) if new else out


#: the family words after which آل + a name is the family, not one of it (وأسرة آل سالم; names._FAMILY_WORDS, the
#: kunyas' list, and a house or the sons: منزل آل سالم، أبناء آل سالم)
_FAMILY_BEFORE_AL = _FAMILY_WORDS | frozenset(norm_word(w) for w in ["منزل", "أبناء"])


def _reporting_verb_around(f: _Field, i: int, t: int, rules: Rules) -> bool:
    """A name from token i to the token before t is the subject of a reporting verb: one stands right before it (وأكد
    آل فرج) or right after its last word (آل فرج أكد) — after the whole name, not after its first word, which may itself
    look like one (آل طالب: طالب "demanded")."""
    return (f.adjacent(i, quotes=True) and reporting_verb(_conj_stripped(f.word(i - 1)), rules)
            or t < len(f.starts) and f.adjacent(t, quotes=True) and f.word(t) in rules.reporting_verbs)


def al_family_speakers(f: _Field, out: list[_M], rules: Rules) -> list[_M]:
    """آل and a name that no mention covers, as the subject of a reporting verb or after a title, is a person known by
    the family name (وأضاف آل غالب، وشدد آل الشيخ، السفير آل صالح; forty-fourth session: about 50 in SaudiNewsNet whose
    full name the article does not give, or gives otherwise); not after a family word (وأسرة آل سالم). Asked after the
    references linked the article's fields (``matcher._link_articles``): a headline's آل منصور whose body names
    عبدالله بن دواس آل منصور is that man, linked there."""
    x = f.x
    k = x.find(" ال ")  # (the token آل, normalised ال, with a word before it: rare, most fields have none)
    if k == -1:
        return out
    n = len(f.starts)
    new = []
    while k != -1:
        i = f.tok_index(k + 1)
        k = x.find(" ال ", k + 3)
        if i < 1 or i + 1 >= n or not f.adjacent(i) or not f.adjacent(i + 1):
            continue
        name = f.word(i + 1)
        if (not name.isalpha() or len(name) < 3 or name in rules.stopwords
                or name in rules.titles and not name.startswith("ال")):
            continue  # (آل الشيخ: الشيخ is a title too)
        prev = _conj_stripped(f.word(i - 1))
        t = i + 2  # the token after the name; آل جار الله: with الله
        if t < n and f.adjacent(t) and f.word(t) == _ALLAH and name in _ALLAH_COMPOUNDS:
            t += 1
        if prev in _FAMILY_BEFORE_AL or not (prev in rules.titles or _reporting_verb_around(f, i, t, rules)):
            continue
        a, b = f.starts[i], f.ends[t - 1]
        label = x[a:b]
        over = [o for o in out if o.s < b and a < o.e]
        if not over:
            new.append(_M(a, b, 0, "discovered:" + label.replace(" ", "_"), "discovered", "person", label))
        elif (len(over) == 1 and (o := over[0]).s == f.starts[i + 1] and o.e == b and o.kind == "discovered"
              and o.typ == "person" and o.actor_id == "discovered:" + x[o.s : b].replace(" ", "_")):
            o.s, o.plen, o.label_ar = a, 0, label  # السفير آل [صالح]: the name alone becomes the family name
            o.actor_id = "discovered:" + label.replace(" ", "_")
    return sorted(out + new, key=_by_start) if new else out


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


def _own_first_name(w: str, o: _M, m: _Matcher) -> bool:
    """The word ``w`` (a first name before the one-word alias ``o`` of a codebook person) is a word of that person's
    name (علي before صالح, Ali Abdullah Saleh): else it names a namesake (تامر مرسي، نورا جنبلاط)."""
    w = _conj_stripped(w)
    return w in (m.name_words or {}).get(o.actor_id, ()) or w in norm_word(m.info[o.actor_id][0] or "").split(" ")


def _common_family_name(f: _Field, k: int, occ: bytearray, rules: Rules) -> bool:
    """Token k, a word with the article that is also a common noun (العمران "urbanism", العدوان "aggression", الصعب
    "the difficult"), is the family name of the lone first name before it (رئيس اللجنة محمد العمران، الحكم عبدالله
    العدوان): ``_name_from`` stops at a common word, which left the first name alone, a person of its own in the
    tables (discovered:محمد). Not a plural or feminine word (أسماء المشاركين، صالح الإرهابية), a time word (الملا عمر
    الأسبوع الماضي), a kinship noun (خالد الشقيق الأكبر), a title, a function word, or a noun the corpus uses often
    without the article."""
    if k >= len(f.starts) or not f._adj[k] or 1 in occ[f.starts[k] : f.ends[k]]:
        return False
    s, e = f.span_in_original(f.starts[k - 1], f.ends[k - 1])
    if any(c in "أإآ" for c in f.text[s + 1 : e]):
        return False  # فرأس المال "so capital": ف + رأس, which normalisation spells as the name فراس
    w = f.word(k)
    if not w.startswith("ال") or len(w) < 5 or w.endswith(("ه", "ات", "ين", "ون", "ا")):
        return False
    # (the last test: a noun frequent without the article, الجميع، الطبيب، الهدف، المكان, is no family name: أسعد الجميع)
    return not (w in rules.stopwords or w in rules.titles or w in rules.reporting_verbs or w in rules.title_complements
                or w in _TIME_WORDS or w[2:] in _KIN or w in rules.person_context or w[2:] in rules.frequent_words)


def _next_given(f: _Field, j: int, rules: Rules) -> bool:
    """The token after j is a given name (خالد العنزي الرائد صلاح: the title الرائد starts another name)."""
    return j + 1 < len(f.starts) and f._adj[j + 1] and f.word(j + 1) in rules.given_names


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


def _relabel_short_speakers(f: _Field, out: list[_M], m: _Matcher, rules: Rules) -> None:
    """Nineteenth session (in place): a one-word discovered person (a speaker found after a reporting verb: وقال موتكو
    في مقابلة) that is the last word of a person named in full earlier in the field (فيتالي موتكو) is that person: it
    takes the full name's id (the mention was found before the full name, so the short-form link could not make it);
    discovered names only, and not a word that is also a first name.
    Thirty-ninth session: a first name is that person too where the short forms let it stand alone (the rare given
    name of the one person of the field who has it, :func:`_first_name_alone`): محمود عباس … وأضاف عباس، نادية
    العتيبي … وقالت نادية, which discovery took as a speaker before the link could."""
    full: dict[str, _M] = {}
    short = None
    for o in out:
        if o.typ != "person" or o.kind != "discovered":
            continue
        name = f.x[o.s + o.plen : o.e]
        if " " in name:
            full.setdefault(name.rsplit(" ", 1)[1], o)
        elif name not in rules.given_names:
            if (p := full.get(name)) is not None and p.e <= o.s and p.actor_id != o.actor_id:
                o.actor_id, o.label_ar = p.actor_id, p.label_ar  # (not a first name: سلمان، ياسين alone are others)
        elif o.actor_id == "discovered:" + name:
            if short is None:
                short = _short_forms(f, out, m, rules)
            hit = short.get(name)
            if (hit is not None and len(hit) == 4 and hit[0] <= o.s and hit[1] != o.actor_id
                    and _stands_alone(f, o.s, o.s + o.plen, name, hit[3], rules) and not _name_may_follow(f, o, rules)):
                o.actor_id, o.label_ar = hit[1], hit[2]
                if not hit[1].startswith("discovered:"):
                    o.kind, o.entry = "alias", None


def _name_may_follow(f: _Field, o: _M, rules: Rules) -> bool:
    """A word that may go on the one-word name ``o`` follows it, and no speech does (والده محمد علي باشا، أكد الدكتور
    أحمد بحر، قال عبدالله طلب: the first name of a longer name that discovery cut short, not the person named before)."""
    j = f.tok_index(o.s) + 1
    if j >= len(f.starts) or not f.adjacent(j) or _speech_follows(f, j - 1):
        return False
    w = f.word(j)
    if w == "علي" or w in rules.given_names or _family_name(w, rules):
        return True
    if w.startswith(("ال", "لل")) or w[:1] in "وفبلك" and w[1:3] == "ال":
        return False  # (a definite word or a preposition's phrase goes on no name: وطالب عباس بالعفو)
    return not (w in rules.stopwords or w in rules.frequent_words or _verb_like(w, rules))


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


_BASEM = norm_word("باسم")


def _common_pair(f: _Field, toks: list[int], rules: Rules) -> bool:
    """Two or three tokens found from a given name that read as a common noun + common definite words (سلامة المستهلك،
    حياة السجين; أسماء المتدربين المقبولين, thirty-fifth session): the first is in ``noun_given_names.txt`` (given names
    news text uses mostly as nouns), the others no name (سلامة الشمري stays a person). Used for names found from a
    given name only (after a title or a verb the name is announced)."""
    if len(toks) not in (2, 3):
        return False
    w0 = _conj_stripped(f.word(toks[0]))
    if w0 not in rules.noun_given_names or len(toks) == 3 and w0 == _BASEM:
        return False  # (المتحدث باسم البعثة الدولية: a later pass makes the body's name of the words after باسم)
    return all((w := f.word(t)).startswith("ال") and not _name_like(w, rules) and not _family_name(w, rules)
               for t in toks[1:])


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


def _circumstantial_participle(w: str, rules: Rules) -> bool:
    """Forty-ninth session: w has the shape of a participle in the accusative (م + a consonant … ا: معقبا، مستدركا،
    متسائلا، مطاردا، مرارا), the adverb of a clause (وقال معقبا), not a name; not a first name (محمدا) nor a foreign
    name, whose second letter is mostly a long vowel (ماريا، ميرنا، موراتا)."""
    return (len(w) >= 5 and w[0] == "م" and w[1] not in "اويء" and w[-1] == "ا" and w not in rules.given_names
            and w[:-1] not in rules.given_names and w not in load_name_rules().foreign_names)


def _discover(f: _Field, out: list[_M], occ: bytearray, triggers: list, m: _Matcher, rules: Rules) -> list[_M]:
    found: list[_M] = []
    # what the rules below read of the mentions, in one pass (out does not change here): the tokens of the discovered
    # persons (absorb), the one-word family-name aliases of codebook persons, the country spans and the nisba triggers
    absorb, aliases, country_spans, bare_aliases = {}, {}, [], set()
    for o in out:
        kind, typ = o.kind, o.typ
        if typ == "person":
            if kind == "discovered":
                for t in f.token_range(o.s, o.e):
                    absorb[f.starts[t]] = o
            elif kind == "alias" and o.plen in (0, 2) and f.x.startswith("ال", o.s) and " " not in f.x[o.s : o.e]:
                aliases[o.s] = o
            elif kind == "alias" and o.plen == 0 and " " not in f.x[o.s : o.e]:
                aliases[o.s] = o  # مرسي، جنبلاط: taken in only by a first name that is not the person's own (emit)
                bare_aliases.add(id(o))
            if kind == "title" and f.x[o.e - 1] == "ي" and f.x.startswith("ال", f.starts[f.tok_index(o.e - 1)]):
                # an office phrase that ends in a definite nisba, resolved by the date, announces a name as its nisba
                # does (رئيس الوزراء البريطاني ماكدونالد: Ramsay MacDonald, not the holder of the day; the nisba
                # inside the phrase is no mention of its own, forty-second session)
                triggers.append((o.s, o.e, o.plen, _TITLE_PHRASE))
        elif typ == "country":
            country_spans.append((o.s, o.e))
        # a definite masculine nisba is a title-like trigger too (اللاعب الفرنسي زين الدين زيدان، السعودي عادل الجبير)
        if kind == "nisba" and o.plen >= 2 and f.x[o.s : o.s + o.plen].endswith("ال") and f.x[o.e - 1] == "ي":
            triggers.append((o.s, o.e, o.plen, _NISBA_TRIGGER))
    # a known first name takes in a codebook person's one-word family-name alias right after it (محمد المالكي, not
    # محمد + Nouri al-Maliki; تامر مرسي, not Tamer + Mohamed Morsi, thirty-second session): one discovered person,
    # whose family name alone later links to him
    absorb_given = dict(absorb)
    absorb_given.update(aliases)
    absorbed: set[int] = set()

    def emit(toks: list[int], *, strip_conj: bool, clitic: int = 0) -> None:
        a = f.starts[toks[0]]
        b = f.ends[toks[-1]]
        inner = {id(absorb_given[f.starts[t]]): absorb_given[f.starts[t]] for t in toks if f.starts[t] in absorb_given}
        own = [o.s for o in inner.values() if id(o) in bare_aliases and _own_first_name(f.word(toks[0]), o, m)]
        if own:  # علي صالح، ديمتري مدفيديف: the codebook person by his own first name, not a namesake: not taken in
            toks = [t for t in toks if f.starts[t] < min(own)]
            if not toks:
                return
            b = f.ends[toks[-1]]
            inner = {k: o for k, o in inner.items() if o.e <= b}
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
                and (f.word(toks[0] + 1) in _DAYPART_NEXT or len(toks) > 1 and _daypart_noun(f.word(toks[1]), rules))):
            return  # صباح أمس، فجر الجمعة، صباح العيد، «صباح الزبالة»: a time of day, not a woman called صباح
        if len(toks) == 1 and f.original(a, b).rstrip("\u0651").endswith("\u064d"):
            return  # تحركهم ايادٍ، في جانٍ: a word written with kasratan (ٍ), a common noun, not the name إياد or جان
        if (_conj_stripped(w0) in _HOLIDAY_HEADS and len(toks) > 1 and f.word(toks[1]).startswith("ال")
                and (f.word(toks[1]) in _HOLIDAY_NAMES or not f.word(toks[1]).endswith("ي"))
                and not (toks[0] > 0 and f.word(toks[0] - 1) in _NAME_LINKS)):  # عواد بن عيد البلوي is a name
            return  # عيد الفطر، عيد الأضحى، عيد الميلاد: a holiday, not a man called Eid
        if (_conj_stripped(w0) in _MONTHS_BUT_SAFAR and len(toks) > 1 and f.word(toks[1]).startswith("ال")
                and (f.word(toks[1]) in _MONTH_QUALIFIERS or not _family_name(f.word(toks[1]), rules))):
            return  # رمضان المبارك، شعبان المعظم، ربيع الأول (not ربيع العوبثاني، رمضان العنزي: a family name)
        if len(toks) == 1 and _circumstantial_participle(w0, rules):
            return  # وقال معقبا، مستدركا، متسائلا: how he said it (a participle in the accusative), not a name
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
        if ent.kind == "nisba_trigger" or ent.kind == "title_phrase":
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
            if stem == _MUNA and _from_me(f, i, rules):
                continue  # طلب مني أحمد الحلوي: "from me", and the name after it is found from its own first name
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
            if len(toks) in (2, 3) and not fam and _common_pair(f, toks, rules):
                continue
            if len(toks) == 1 and (common(stem) or stem in rules.ambiguous or stem in rules.definite_stems or stem in rules.frequent_words
                                   or stem in _MONTHS or stem in rules.noun_given_names):
                continue  # جميل، إيمان، مالك alone are words (they take the article elsewhere)
            if len(toks) == 1 and _common_family_name(f, toks[0] + 1, occ, rules):
                toks = [toks[0], toks[0] + 1]  # محمد العمران، عبدالله العدوان، سعد الصعب: not the first name alone
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
                        f.word(j + 1), rules) and f.word(j + 1) not in rules.frequent_words
                        and not _imperfect_after(f.word(j + 1), rules)))):
                continue  # سيترأس الوزير الكوبي حفلا يجري: a noun in the accusative (حفل); not جادا بينكت سميث، موزا بنت ناصر
                # (قال كلاما يناقض: an unknown word in ي after it is the verb of its clause, fifty-first session)
            if w not in rules.given_names and not fam_next and (w in rules.definite_stems or _conj_stripped(w) in rules.definite_stems
                                               or w in rules.frequent_words or w[0] in "لبك" and (w[1:] in rules.definite_stems
                                               or w[1:] in rules.frequent_words or w[1:] in rules.common_words
                                               or w[1:] in rules.stopwords)) and not (
                    ent.kind == "verb" and not skipped and _frequent_speaker(f, j, rules)):
                continue  # رئيس مصرف، لمكافحة، بهذي: a common noun (it takes the article elsewhere) or a function word, not a name
            toks = _name_from(f, j, occ, rules, absorb=absorb_given if w in rules.given_names else absorb)
            if not toks or _short_imperfect(f.word(toks[0]), rules):
                continue  # النظام العراقي يكدس، الرائد يمنح لاعبيه: the verb of the clause (round 8)
            if ent.kind == "title_phrase" and not (f.word(toks[0]) in rules.given_names
                                                   or f.word(toks[0]) in load_name_rules().foreign_names):
                continue  # الرئيس الأمريكي يقترح، رئيس الوزراء الإسرائيلي منبوذ: after an office phrase only a known
                # first name or a name of the foreign lexicon (ماكدونالد، جيمي كارتر) starts a name; else the phrase
                # stands for the holder and a verb or noun follows
            if ent.kind == "nisba_trigger" and len(toks) == 1 and _nisba_of_a_noun(f, i, occ, rules) and _unnamed_cluster(
                    f.word(toks[0]), rules):
                continue  # الشعب السعودي سيظل، الجانب الروسي يقترح: the nisba qualifies a noun; the clause's verb follows
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
                    and "\u0651" not in f.original(a, f.ends[i])  # عليّ "on me"
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
            if sf.startswith("ال ") and not (k == a and (i := f.tok_index(a)) > 0 and f.adjacent(i) and (
                    f.word(i - 1) in rules.titles or _reporting_verb_around(f, i, f.tok_index(e - 1) + 1, rules))):
                continue  # آل الشيخ: the person after a title (الدكتور آل الشيخ) or (forty-fourth session) as the
                # subject of a reporting verb (وقال آل الشيخ، وأكد آل فرج), else the family
            if sf in _WEEKDAY_SURNAMES and ("ال" in f.x[a:k] or (i := f.tok_index(a)) > 0 and f.adjacent(i)
                                            and _conj_stripped(f.word(i - 1)) in _WEEKDAY_BEFORE):
                continue  # وائل جمعة … يتذكر جمعة links; the weekday does not: فجر الخميس، خطبة الجمعة، صلاة جمعة
            if alone and not _stands_alone(f, a, k, sf, alone[0], rules):
                continue  # a first name alone: no other name (نادية لطفي), no article, no word (وسام)
            if k == a and (sf.startswith("ال") and sf.endswith("ي") or alone and not aid.startswith("discovered:")
                           and sf in rules.definite_stems) and _adjective_position(f, f.tok_index(a), rules):
                continue  # the adjective right after a definite noun, not the person: a nisba-shaped surname (نبيل العربي
                # … العمل العربي المشترك، الأمن القومي العربي) or (thirty-ninth session) a codebook person's last name
                # alone that is an adjective taking the article (العيد مبارك; الرئيس مبارك: a title, the man)
            if (k == a and sf.startswith("ال") and not sf.endswith("ي") and sf[2:] in rules.common_words
                    and not _surname_context(f, f.tok_index(a), rules)):
                continue  # (thirty-second session) إبراهيم الأخضر … الإسطبل الأخضر، فراس … رأس المال: a surname that is
                # a common word (الأخضر "green", المال "money") is the person only where a person stands
            occ[a:e] = b"\x01" * (e - a)
            mm = _M(a, e, k - a, aid, "discovered" if aid.startswith("discovered:") else "alias", "person", lab)
            mm.entry = None
            added.append(mm)
    return sorted(out + added, key=_by_start) if added else out


def tagged_short_forms(f: _Field, named: list[tuple[int, int, _M]], spans: list[tuple[int, int]],
                       m: _Matcher, rules: Rules) -> list[_M]:
    """The gap filler's person names of two words or more (``named``: start and end in the field's norm, the
    mention) give their last name alone after them, where no mention (``spans``, in the norm) is (thirty-sixth
    session: عاشور الحمادي … وأضاف الحمادي، ثيو والكوت … عقد والكوت): the strict short forms of
    ``_link_short_forms``, the last name only (no first name: سلوى أبو النجا), in Arabic letters.
    Not of a name whose first word is a word of the language, a title or a stopword, or starts with لل (خادم
    الحرمين، للعدو الفارسي are no persons), or is a definite noun (النوبي الطيب; not الهادي الوالي, nor الون موسك:
    Elon), or with a mark inside (كرنفال «أوسو); nor a last name in لل (طوبى للغرباء) or that is a noun of the
    language (عادل الصناعات، بشي لحم: a junk name's). A last name with the article links only where a person's bare
    surname stands (``_surname_context`` without أن: وأضاف الحمادي; not أن المنطقة). Where the name's earlier words
    stand before it (لوك فيري again), the mention covers them. Returns the new mentions, original offsets, ``tagged``."""
    persons = []
    for a, b, mm in named:
        words = mm.label_ar.split(" ")
        first, last = words[0], words[-1]
        bare = first[1:] if first[:1] == "و" else first
        if ("" in words or first.startswith("لل") or bare.startswith("ال") and bare[2:] not in rules.given_names
                and (bare in rules.definite_nouns or bare[2:] in rules.common_words or bare[2:] in rules.titles)
                or any(w in rules.common_words or w in rules.titles or w in rules.stopwords or w in rules.frequent_words
                       for w in (first, bare))
                or last.startswith("لل") or not _ARABIC_WORD_RE.fullmatch(last) or last in rules.common_words
                or last.startswith("ال") and (last in rules.definite_nouns or last[2:] in rules.common_words)):
            continue
        p = _M(a, b, 0, mm.actor_id, "discovered", "person", mm.label_ar)
        p.entry = None
        persons.append(p)
    if not persons:
        return []
    occ = bytearray(len(f.x) + 1)
    for a, b in spans:
        occ[a:b] = b"\x01" * (b - a)
    given = {id(p) for p in persons}
    out = []
    for o in _link_short_forms(f, persons, occ, m, rules, persons=persons):
        if id(o) in given:
            continue
        words = o.label_ar.split(" ")
        w, last = f.x[o.s + o.plen : o.e], words[-1]
        if w != last and "ال" + w != last and w != "ال" + last:
            continue  # a first name
        i = f.tok_index(o.s)
        if w.startswith("ال") and (w in rules.definite_nouns or not _surname_context(f, i, rules, that=False)):
            continue
        k = len(words) - 1  # the name's earlier words right before it: the name again, in full
        while k and i and f.adjacent(i) and strip_clitics(f.word(i - 1)) == strip_clitics(words[k - 1]):
            k, i = k - 1, i - 1
        if k < len(words) - 1:
            o.s, o.plen = f.starts[i], 0
        o.s, o.e = f.span_in_original(o.s, o.e)
        o.tagged = True
        out.append(o)
    return out


def _home_politics_named(actor_id: str, out: list[_M], m: _Matcher, rules: Rules) -> bool:
    """A foreign person's country is present in the field as a political actor, an organisation or group of it
    (نظام الأسد، الحكومة السورية، الحوثيين for Yemen): there his bare surname stays his even after a namesake of his
    family (سليمان هلال الأسد … أنصار الأسد; طارق محمد عبدالله صالح … الحوثي وصالح). Not for Saudi persons: the news'
    own country is named in most fields. Nor a club, a sports body or a company of that country (thirty-first
    session: الإسماعيلي in a story on a Saudi club's Egyptian camp does not make its coach هشام مرسي … مرسي Morsi)."""
    country_of = m.country_of or {}
    c = country_of.get(actor_id)
    if c is None or c in (rules.home_titles or {}).values():
        return False
    info = m.info
    return any((o.typ == "organization" or o.typ == "group") and country_of.get(o.actor_id) == c
               and info[o.actor_id][3] not in _NOT_POLITICAL for o in out)


#: Organisation subtypes that are no political actor of their country (``_home_politics_named``).
_NOT_POLITICAL = frozenset(("club", "national_team", "sports_body", "company"))


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


def _subject_context(f: _Field, i: int, rules: Rules, *, that: bool = True) -> bool:
    """Token i is the subject of a clause: after أن/إن/لكن (not with ``that=False``) or a reporting verb (ورصدت نادية،
    أن عيسى), or before a reporting verb."""
    if i > 0 and f.adjacent(i, quotes=True):
        p = _conj_stripped(f.word(i - 1))
        if that and p in _THAT or reporting_verb(p, rules):
            return True
    return i + 1 < len(f.starts) and f.adjacent(i + 1, quotes=True) and f.word(i + 1) in rules.reporting_verbs


def _first_name_alone(f: _Field, a: int, k: int, sf: str, rules: Rules) -> bool:
    """The rare first name ``sf`` at ``a`` (its word at ``k``, after the proclitics) stands for the one person of the
    field who has it (``_short_forms``' fourth item): no name word follows (نادية لطفي is another) and no article
    precedes; it is the subject of a clause (ورصدت نادية، أن عيسى), or (thirty-fifth session) anywhere else when the
    name is no word of the language (شجاعة سامي، حالة مصطفى، لعزت، فسامي; not وسام، أسماء، يزيد) and no definite word
    follows it in construct (عمر الطفلة "the girl's age", not the man عمر)."""
    i = f.tok_index(a)
    if "ال" in f.x[a:k] or _name_follows(f, i, rules):
        return False
    if k == a and _subject_context(f, i, rules):
        return True
    if sf in rules.common_words or sf in rules.noun_given_names:
        return False
    if i > 0 and f.adjacent(i) and f.word(i - 1) in rules.given_names:
        return False  # (كونتا) عمر، (خالد) ناصر: a name's later word
    j = i + 1
    return not (j < len(f.starts) and f.adjacent(j) and (w := f.word(j)).startswith("ال") and w not in rules.stopwords)


def _stands_alone(f: _Field, a: int, k: int, sf: str, mode: bool | str, rules: Rules) -> bool:
    """The name ``sf`` at ``a`` (its word at ``k``) that ``_short_forms`` gives with the fourth item ``mode`` stands for
    its person here: a first name (True) where :func:`_first_name_alone` allows, a last name that is a given name
    ("subject") where :func:`_subject_alone` does."""
    return _subject_alone(f, a, k, rules) if mode == "subject" else _first_name_alone(f, a, k, sf, rules)


def _subject_alone(f: _Field, a: int, k: int, rules: Rules) -> bool:
    """A last name that is a given name (``_short_forms``' fourth item "subject"), at ``a`` without proclitics, is the
    subject of a reporting verb (وقال صالح، وأكد غني; not after أن) and no name word follows (وقال صالح العتيبي)."""
    i = f.tok_index(a)
    return k == a and _subject_context(f, i, rules, that=False) and not _name_follows(f, i, rules)


def _surname_context(f: _Field, i: int, rules: Rules, *, that: bool = True) -> bool:
    """Token i stands where a person's bare surname does: the subject of a clause (``_subject_context``: وأضاف الصعب;
    ``that=False``: not after أن, أن المنطقة تشهد) or after a title (م. المخرج، الدكتور الصعب)."""
    if _subject_context(f, i, rules, that=that):
        return True
    return i > 0 and f.adjacent(i) and (f.word(i - 1) in rules.titles or strip_clitics(f.word(i - 1)) in rules.titles)


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
    Arabic given name of one discovered person, first (نادية) or last (علوان of يحيى علوان; thirty-fifth session), has
    a fourth item, True: it links only where :func:`_first_name_alone` allows; a last name that is a given name
    (صالح of بكري حسن صالح; fortieth session) has the fourth item "subject": it links only where
    :func:`_subject_alone` allows (وقال صالح). Either only when no other person of the field has that name.
    ``strict``: no last name without the article that is a word of the language (the learned names hold a few
    phrases: اسماء ضباط must not make every الضباط a person).
    What one mention gives depends on its text only (``_person_short_forms``, read once per distinct name)."""
    short: dict[str, tuple] = {}
    firsts: dict[str, set[str]] = {}  # Arabic first name -> the persons of the field who have it
    short_first: dict[str, tuple[int, str, str]] = {}
    short_subject: dict[str, tuple[int, str, str]] = {}
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
        span, plen = x[o.s : o.e], o.plen
        if not discovered and row[0] and " " in span:
            lab = _label_words(row[0])
            if " " in lab and len(lab) < len(span) - plen and span.endswith(" " + lab):
                span, plen = lab, 0  # الرئيس الأسبق حسني مبارك: the forms of the name, not of the title before it
        alone, forms, subject = _person_short_forms(span, plen, discovered, strict, rules)
        if not alone and not forms and not subject:
            continue
        v = (o.e, o.actor_id, o.label_ar)
        for name in alone:
            firsts.setdefault(name, set()).add(o.actor_id)
            short_first.setdefault(name, v)
        for k in forms:
            short.setdefault(k, v)
        for name in subject:
            firsts.setdefault(name, set()).add(o.actor_id)
            short_subject.setdefault(name, v)
    for first, ids in firsts.items():
        if len(ids) == 1 and first not in short:
            short[first] = short_first[first] + (True,) if first in short_first else short_subject[first] + ("subject",)
    return short


@lru_cache(maxsize=WORD_CACHE)
def _label_words(label: str) -> str:
    """A codebook person's label as the matcher sees it (normalised), read once per person."""
    return norm_word(label)


#: Second words of compound first names (نور الإسلام، سيف الإسلام، نور الدين): no family name, so no short form (a
#: discovered نور الإسلام must not make every later الإسلام a person).
_COMPOUND_SECONDS = frozenset(norm_word(w) for w in ["الإسلام", "الدين"])


def _rare_given_name(w: str, rules: Rules) -> bool:
    """An Arabic given name that may stand alone for its person: not frequent in the news (محمد), no title, no
    stopword, no month or holiday (رمضان، عيد: junk names)."""
    return (w in rules.given_names and len(w) >= 3 and w not in rules.frequent_words and w not in rules.titles
            and w not in rules.stopwords and w not in _MONTHS and w not in _HOLIDAY_HEADS and w != "عبد")


@lru_cache(maxsize=WORD_CACHE)
def _person_short_forms(span: str, plen: int, discovered: bool, strict: bool,
                        rules: Rules) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a person mention whose normalised text is ``span`` (``plen`` proclitic characters first) gives
    ``_short_forms``: the Arabic given names of it that may stand alone, its short forms, and its last name when that
    is a given name that links as the subject of a reporting verb only (fortieth session), in the order in
    which they are offered (``setdefault``: a form another mention gave first keeps that mention). Cached like the
    word tests (``WORD_CACHE``): the names of the news recur, so most persons are read from the cache."""
    last = span.rsplit(" ", 1)
    if len(last) < 2:
        return (), (), ()
    first = span[plen:].split(" ", 1)[0]
    w = last[1]
    alone: tuple[str, ...] = ()
    if not strict and discovered:
        # an Arabic first name that is rare in the news (نادية for نادية الجندي, عيسى for عيسى الأحسائي): alone
        # it is that person, when no other person of the field has it and no name word follows; so is (thirty-fifth
        # session) a last name that is such a given name (رشاد of عبدالله رشاد، علوان of يحيى علوان), unless it is
        # a father's name after بن (فيصل بن عبدالعزيز)
        alone = tuple(dict.fromkeys(
            n for n in (first, w if last[0].rsplit(" ", 1)[-1] not in _SON_OF else "") if _rare_given_name(n, rules)))
    elif not strict and span[plen:].count(" ") == 1 and _rare_given_name(w, rules):
        # thirty-eighth session: a codebook person of two words whose last is such a given name (محمد صلاح، أختر منصور،
        # الملا عمر) is that person alone too, on the same terms (_first_name_alone: after a given name it is another
        # person's, نادية منصور; a first name the lists lack is not seen, so سهى عرفات, his widow, is read as him)
        alone = (w,)
    if last[0].endswith(" ال") and w.startswith("ال"):
        # عبدالله بن محمد آل الشيخ → الدكتور آل الشيخ (normalised ال الشيخ): after a title or a reporting verb only
        # (_link_short_forms); آل سعود alone is the family
        return alone, (("ال " + w,) if discovered else ()), ()
    if last[0].endswith(" ال") and discovered:
        # آل and a name without the article (forty-fourth session: محمد علي آل فرج … وأكد آل فرج): both words first,
        # where _link_short_forms allows them (after a title or a reporting verb), then the name alone as before
        # (آل [حزام] يتأهل، وأضاف قراش، "القحيشي")
        alone, forms, subject = _person_short_forms(span[: -len(w) - 4] + " " + w, plen, discovered, strict, rules)
        return alone, ("ال " + w,) + forms, subject
    base = w[2:] if w.startswith("ال") and len(w) > 4 else w
    if strict and base == w and (w in rules.common_words or w in rules.frequent_words):
        return alone, (), ()  # (a definite one, الحربي, links as for every name: below)
    if (len(base) < 3 or base in rules.stopwords or base in rules.titles or w in rules.stopwords
            or w in _COMPOUND_SECONDS or w in rules.title_complements or w in _ORDINALS or "ال" + w in _ORDINALS):
        # (رئيس هيئة التعليم …: a role word is no surname; nor a regnal number, عبدالله الثاني → النائب الثاني, nor an
        # ordinal-shaped family name: ثاني of آل ثاني would link every الثاني، النائب الثاني، كانون الثاني)
        return alone, (), ()
    if w in rules.given_names:
        # a last name that is a given name (صالح of بكري حسن صالح، غني of أشرف غني): alone it is that person only as
        # the subject of a reporting verb (fortieth session: وقال صالح، وأكد غني) — ``_short_forms``' fourth item
        # "subject"; not a father's name after بن
        if strict or w in alone or w in _MONTHS or w in _HOLIDAY_HEADS or last[0].rsplit(" ", 1)[-1] in _SON_OF:
            return alone, (), ()
        return alone, (), (w,)
    if base in rules.given_names or base in rules.common_words:
        h = _strip_prep(_conj_stripped(last[0]))
        if " " not in h and h.startswith("ال") and h[2:] in rules.common_words and h[2:] not in rules.given_names:
            return alone, (), ()  # الرسول الكريم: an epithet after a common noun, its last word (الكريم) is no surname
        noun = h[2:] if h.startswith("ال") else h[:-2] if h.endswith("نا") else ""  # النبي، رسولنا
        if (" " not in h and w.startswith("ال") and noun not in rules.given_names
                and (noun in rules.common_words or noun in rules.definite_stems)):
            return alone, (), ()  # النبي الكريم، رسولنا الكريم: the same, after a frequent definite or a possessed noun
        return alone, (w,), ()  # السعيد links, سعيد alone does not
    forms = tuple(dict.fromkeys((w, base)))  # ordered: the result must not depend on hash order
    # a foreign first name alone (أنوش for أنوش أنصاري) links too; a frequent Arabic one (محمد) does not
    if (len(first) >= 4 and first not in rules.given_names and first not in rules.common_words and first not in rules.stopwords
            and first not in rules.titles and first not in rules.definite_stems and first not in rules.frequent_words
            and not first.startswith("ال") and first not in rules.connectors):
        forms += (first,)
    return alone, forms, ()
