"""Arabic time expressions: find them, normalise them to TIMEX3, resolve them against the publication date.

>>> from datetime import date
>>> [(t.surface, t.value) for t in tag_timex("زار الوفد القاهرة أمس الخميس", anchor=date(2015, 8, 7))]
[('أمس الخميس', '2015-08-06')]
>>> [(t.surface, t.value, t.mod) for t in tag_timex("ونهاية الشهر الماضي", anchor=date(2016, 11, 30))]
[('ونهاية الشهر الماضي', '2016-10', 'END')]
>>> [(t.surface, t.value, t.anchored) for t in tag_timex("أغسطس من العام الماضي", anchor=None)]
[('أغسطس من العام الماضي', None, True)]

How it works: the text is normalised for matching (:func:`analysis.normalize.normalize_cached`: the default
profile of :func:`~analysis.normalize.normalize_for_matching`, computed once per field for all stages), one compiled grammar built from the word lists in
``analysis/resources/time/`` finds the expressions (:mod:`analysis.timex.grammar`; it is tried only at the
candidate positions that an Aho-Corasick pass finds, and a lookahead skips lead words and counts that start
nothing, e.g. بعد أن، 200 شخص), and :mod:`analysis.timex.resolve` computes value, granularity, mod and the
covered interval. Spans are mapped back to the original text and widened to whole tokens (the span rule).

Values (TIMEX3 at the expression's grain, following shared/eval/GUIDELINES.md and CONVENTIONS.md):

* dates: ``2015-08-06`` (day), ``2015-W32`` (week), ``2015-07`` (month), ``2015`` (year), ``198`` (decade),
  ``20`` (century); a part of a period keeps the period's value and says which part in ``mod``
  (نهاية الشهر الماضي → ``2016-10`` END; الربع الأخير من العام → ``2015`` END, interval = the quarter);
* ranges of days or years: an ISO 8601 interval ``2013-07-13/2013-07-15`` (inclusive ends), one expression;
  two consecutive years (السنة المالية 2015-2016: a fiscal, academic or sports year) take the first year;
* ages are durations (الثلاثين من العمر → ``P30Y``);
* times: ``2015-08-06TMO`` (part of day), ``2015-08-06T10:00`` (clock);
* Hijri: a day is converted to its Gregorian day; a month or a year, which straddle Gregorian ones, is
  written ``H:1436-10`` / ``H:1436`` with the exact Gregorian interval (Umm al-Qura, via hijridate);
* durations ``P3D``, ``P5Y``, ``PT2H``, ``PXD`` (a vague amount); sets ``P1Y``, ``P1W``;
* vague references ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` (no interval).

Resolution rules worth knowing: a bare weekday is the most recent one, publication day included (قالت
الوزارة الخميس); الماضي/المقبل after a weekday or month mean strictly before/after; a month without a year
is in the publication year unless nine or more months away (a December named in February is last year's);
قبل + an amount counts back from publication at the unit's grain (weeks at day grain); منذ، خلال، في غضون +
an amount is a duration (منذ 40 عاما → P40Y, the elapsed span); a part of the day on its own (وقعت صباحاً)
takes the last single day named before it in the text, else the publication day.

Public API: :class:`Timex`, :func:`tag_timex`, :func:`extract_timex`, :func:`anchor_dates`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.normalize import (
    expand_to_tokens,
    normalize_cached,
    sentence_index_of,
    split_sentences_cached,
)
from analysis.schema import conform, empty
from analysis.timex.grammar import find_matches
from analysis.timex.lexicon import lexicon
from analysis.timex.resolve import Resolution, part_of_day, resolve

__all__ = ["Timex", "anchor_dates", "extract_timex", "tag_timex"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression. ``text[start:end] == surface``; ``date_end`` is exclusive; ``value`` is None when
    the expression needs the publication date and none was given."""

    start: int
    end: int
    surface: str
    timex_type: str  # date | time | duration | set
    value: str | None
    granularity: str
    mod: str | None
    anchored: bool
    date_start: date | None
    date_end: date | None


_PUBLICATION_NOUNS = {"صحيفه", "جريده", "عين", "موقع", "قناه", "عالم", "مجله", "برنامج", "صباح"}
_YEAR_OK_NEXT = {"و", "في", "حتي", "الي", "م", "ميلادي", "ميلاديه", "عندما", "حين", "حيث", "بعد", "قبل", "من", "ثم", "اي"}
_YEAR_BAD_PREV = {"رقم", "المرسوم", "القرار", "قرار", "الماده", "ماده", "بند", "صفحه", "نحو", "حوالي", "قرابه", "زهاء", "من", "الي",
                  "بين", "اكثر", "اقل", "عدد", "بلغ", "بلغت", "سجل", "سجلت", "يبلغ", "الرقم", "كود", "طراز", "موديل"}
_WORD = re.compile(r"[^\W\d_]+|\d+")


def _bare_year_ok(norm: str, s: int, e: int) -> bool:
    """A bare four-digit number counts as a year when it is not a count of something or a code."""
    y = int(norm[s:e])
    if not 1800 <= y <= 2099:
        return False
    before = _WORD.findall(norm[max(0, s - 25) : s])
    prev = before[-1] if before else ""
    if prev in _YEAR_BAD_PREV or prev.isdigit():
        return False
    nxt_m = re.match(r"\s*([^\W\d_]+|\S)?", norm[e : e + 30])
    nxt = nxt_m.group(1) if nxt_m and nxt_m.group(1) else ""
    if not nxt or not nxt[0].isalpha():
        return not nxt.startswith("%")
    if (prev.startswith("ال") and len(prev) > 3) or nxt.startswith("ال"):  # الانتفاضة 1987، مونديال 2018 المنتخب
        return True
    if prev in ("عام", "العام", "لعام", "سنه", "السنه", "منذ", "في", "خلال", "حتي", "بحلول", "قبل", "بعد", "مطلع", "نهايه", "اواخر", "اوائل"):
        return True
    return nxt in _YEAR_OK_NEXT or nxt.startswith("و")


_DAY_ADJECTIVES = {"التالي", "السابق", "الاخير", "المحدد", "نفسه", "ذاته", "الموعود", "المشهود", "الاول", "الثاني",
                   "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الاخر"}


def _names_a_day(w: str) -> bool:
    """اليوم followed by an adjective names some other day (اليوم الوطني، اليوم الثاني), not today."""
    return w in _DAY_ADJECTIVES or (w.startswith("ال") and w.endswith(("ي", "يه")))


#: prepositions left out of the surface: CONVENTIONS keep only قبل، منذ، خلال، في غضون، بحلول، حوالي (and بعد,
#: the mirror of قبل); the value and mod still use them
_LEAD_PREP = re.compile(r"[وف]?(?:حتي|لمده|مده|طوال|طيله|علي\s+(?:مدي|مدار))\s+")


_BARE_NUMBER_END = re.compile(r"(\d{4})\s*$")
#: names that contain a date (قوى 14 آذار، ثورة 25 يناير، شارع 26 يوليو، حي واحد حزيران): not a time expression
_DATE_IN_NAME_BEFORE = {"قوي", "تيار", "تحالف", "حركه", "فريق", "ثوره", "ميدان", "شارع", "جسر", "حي", "ساحه", "مدرسه",
                        "ملعب", "جامعه", "مستشفي", "مجموعه", "جماعه", "ائتلاف", "انتفاضه"}
_QUOTES = "\"'«»“”„"


def _keep(construct: str, norm: str, s: int, e: int) -> bool:
    body = norm[s:e].strip()
    if construct == "year" and not re.search(r"عام|سنه|[^\W\d_]*(?:ه|م|ميلادي|هجري)\b|\d{4}\D+\d{4}", body):
        bare = _BARE_NUMBER_END.search(norm, s, e)
        return bool(bare) and _bare_year_ok(norm, bare.start(1), bare.end(1))
    if construct in ("relu", "year") and re.match(r"[وفبلك]?(?:ال)?عام", body):
        prev = _WORD.findall(norm[max(0, s - 20) : s])
        if prev and prev[-1] in lexicon().general_heads:
            return False  # الأمين العام السابق: "general", not "year"
    if construct == "vague" and body.endswith("قريبا") and re.match(r"\s*من\b", norm[e : e + 5]):
        return False  # قريبا من: "near", not "soon"
    if construct in ("cal", "calrange", "monrange"):
        prev = _WORD.findall(norm[max(0, s - 20) : s])
        if prev and prev[-1] in _DATE_IN_NAME_BEFORE:
            return False
    if construct == "qty" and re.fullmatch(r"[وفبلك]?(?:عامين|عامان)", body):
        prev = _WORD.findall(norm[max(0, s - 20) : s])
        if prev and len(prev[-1]) > 3 and prev[-1][-2:] in ("ين", "ون"):
            return False  # مديرين عامين: "general managers", not two years
    if construct == "deic" and re.search(r"بكر[اه]$", body) and re.match(r"\s*اب[يو]", norm[e : e + 6]):
        return False  # عن بكرة أبيهم: "all of them", not tomorrow
    if construct == "todbare" and re.match(r"\s*و?\s*نهار", norm[e : e + 10]):
        return False  # ليلا ونهارا: "day and night", not a time
    if construct == "deic" and body in ("امس", "بامس") and norm[e : e + 8].strip().startswith("الحاجه"):
        return False  # بأمس الحاجة: "in dire need"
    if construct == "deic" and body.endswith("اليوم") and body != "اليوم":
        nxt = _WORD.findall(norm[e : e + 20])
        if nxt and _names_a_day(nxt[0]):  # صباح اليوم التالي: the next day's morning, not today's
            return False
    if construct == "deic" and body in ("اليوم", "الغد", "غد"):
        if body != "اليوم":
            return False
        before, after = norm[max(0, s - 2) : s].strip(), norm[e : e + 2].strip()
        if before[-1:] and before[-1:] in _QUOTES and after[:1] and after[:1] in _QUOTES:
            return False  # لـ"اليوم": the newspaper
        prev = _WORD.findall(norm[max(0, s - 20) : s])
        if prev and prev[-1] in _PUBLICATION_NOUNS:
            return False
        nxt = _WORD.findall(norm[e : e + 20])
        if nxt and _names_a_day(nxt[0]):  # اليوم العالمي، اليوم الأول، اليوم التالي: not today
            return False
    return True


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "،,"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "،,"):
        b -= 1
    seg = text[a:b]
    if seg.startswith("(") and ")" not in seg:
        a += 1
    if seg.endswith(")") and "(" not in seg:
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _on_day_before(res, before: list[Timex], tod: str | None):
    """A part of the day on its own (وقعت صباحاً) belongs to the last single day named before it in the text
    (أمس الأحد … صباحاً → that Sunday, TMO); with none, to the publication day (``res`` as resolved)."""
    day = next((t for t in reversed(before) if t.timex_type in ("date", "time") and t.date_start is not None
                and t.date_end is not None and (t.date_end - t.date_start).days == 1), None)
    if day is None or tod is None:
        return res
    return Resolution("time", f"{day.date_start.isoformat()}T{tod}", "time", None, day.anchored, day.date_start,
                      day.date_end)


@lru_cache(maxsize=4)
def _any_of(words: frozenset[str]) -> re.Pattern:
    """One pattern that finds any of ``words`` inside a string (none: a pattern that never matches)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words)) if words else "(?!)")


def tag_timex(text: str, *, anchor: date | None = None) -> list[Timex]:
    """All time expressions in ``text``, in text order, resolved against ``anchor`` (the local calendar date
    of publication; None: anchored expressions come back with ``value=None`` and no interval).

    The text is not modified; offsets point into it as given.
    """
    if not text:
        return []
    nt = normalize_cached(text)
    norm = nt.norm
    matches = find_matches(norm)
    if not matches:  # most titles and many paragraphs
        return []
    lex = lexicon()
    not_time = lex.not_time
    bad_months = lex.not_month_spellings
    bad_norms = _any_of(lex.not_month_norms)
    bad_time = lex.not_time_spellings
    bad_time_norms = _any_of(lex.not_time_spelling_norms)
    out: list[Timex] = []
    for construct, m_start, cs, m_end in matches:
        if not _keep(construct, norm, cs, m_end):
            continue
        res = resolve(construct, norm[cs:m_end], anchor)
        if res is None:
            continue
        ms = m_start
        lead = _LEAD_PREP.match(norm, ms, m_end)
        if lead and lead.end() < m_end:  # a preposition that is not part of the expression (CONVENTIONS)
            ms = lead.end()
        a, b = nt.span_in_original(ms, m_end)
        a, b = _trim(text, a, b)
        if (a > 0 and _is_word(text[a - 1])) or (b < len(text) and (
                _is_word(text[b]) or (text[b] in ".,\u066b\u066c" and b + 1 < len(text) and text[b + 1].isdigit()))):
            a, b = expand_to_tokens(text, a, b)  # only when the span does not already sit on token edges
        if b <= a:
            continue
        surface = text[a:b]
        core = norm[m_start:m_end].strip()
        if core in not_time or core[1:] in not_time:
            continue
        if construct in ("cal", "calrange", "nth") and bad_norms.search(core) and any(
            re.sub("^[وفبلك]", "", w) in bad_months for w in _WORD.findall(surface)
        ):
            continue
        if bad_time_norms.search(core) and any(
            re.sub("^[وفبلك]", "", w) in bad_time for w in _WORD.findall(surface)
        ):
            continue  # وآلان (the name Alan), not الآن
        if construct == "vague" and core.endswith("اخيرا") and re.match(r"\s*[،,:]", norm[m_end : m_end + 3]):
            continue  # وأخيراً، : "and finally", not "recently"
        if construct == "todbare":
            res = _on_day_before(res, out, part_of_day(core))
        out.append(Timex(a, b, surface, res.timex_type, res.value, res.granularity, res.mod, res.anchored,
                         res.date_start, res.date_end))
    return out


def anchor_dates(articles: pd.DataFrame) -> list[date | None]:
    """The local calendar date of publication of every article: ``published`` (UTC) in its ``timezone``
    (UTC when the zone is missing or unknown); None where ``published`` is NaT."""
    n = len(articles)
    if "published" not in articles or n == 0:
        return [None] * n
    pub = pd.to_datetime(articles["published"], utc=True).reset_index(drop=True)
    zones = (articles["timezone"].astype("string").fillna("UTC") if "timezone" in articles
             else pd.Series(["UTC"] * n, dtype="string")).reset_index(drop=True)
    out: list[date | None] = [None] * n
    for zone, idx in zones.groupby(zones, sort=False).groups.items():
        local = pub.loc[idx]
        try:
            local = local.dt.tz_convert(str(zone))
        except (KeyError, ValueError, IndexError, TypeError):  # an unknown or empty zone name: the UTC date
            pass
        for i, d in zip(idx, local.dt.date):
            out[i] = None if pd.isna(d) else d
    return out


def extract_timex(articles: pd.DataFrame) -> pd.DataFrame:
    """The timex table for a frame of articles (columns of :data:`analysis.schema.ARTICLES`).

    Tags ``title`` (when not NA) and ``text``. Returns exactly the columns of :data:`analysis.schema.TIMEX`:
    article_id, field, start, end, surface, timex_type, value, granularity, mod, anchored, date_start,
    date_end (end exclusive), sentence_index. The input is not modified.
    """
    if articles is None or len(articles) == 0:
        return empty("timex")
    anchors = anchor_dates(articles)
    ids = articles["article_id"].astype(str).tolist()
    titles = articles["title"].tolist() if "title" in articles else [None] * len(articles)
    texts = articles["text"].tolist()
    keys: list[tuple[str, str, int]] = []  # (article_id, field, sentence_index) of each expression
    found: list[Timex] = []
    for aid, anchor, title, body in zip(ids, anchors, titles, texts):
        for field, txt in (("title", title), ("text", body)):
            if not isinstance(txt, str) or not txt:
                continue
            tags = tag_timex(txt, anchor=anchor)
            if not tags:
                continue
            starts = [s for s, _ in split_sentences_cached(txt)]
            for t in tags:
                keys.append((aid, field, sentence_index_of(starts, t.start) if starts else 0))
            found += tags
    if not found:
        return empty("timex")
    # columns built once per chunk; None dates become NaT in conform
    rows = {
        "article_id": [k[0] for k in keys],
        "field": [k[1] for k in keys],
        "start": [t.start for t in found],
        "end": [t.end for t in found],
        "surface": [t.surface for t in found],
        "timex_type": [t.timex_type for t in found],
        "value": [t.value for t in found],
        "granularity": [t.granularity for t in found],
        "mod": [t.mod for t in found],
        "anchored": [t.anchored for t in found],
        # object arrays, not Series: no index for pandas to align (and no dtype guessed from the dates)
        "date_start": np.array([t.date_start for t in found], dtype=object),
        "date_end": np.array([t.date_end for t in found], dtype=object),
        "sentence_index": [k[2] for k in keys],
    }
    return conform(pd.DataFrame(rows), "timex")
