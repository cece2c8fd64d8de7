"""Turn a grammar match into a TIMEX3 value, granularity, mod and covered interval.

:func:`resolve` takes the construct name, the matched normalised string and the anchor date (the local
calendar date of publication, or None) and returns a :class:`Resolution`, or None when the match is not a
time expression after all. Anchored expressions with no anchor come back with ``value=None`` and no
interval — never a guessed date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from analysis.timex import calendar_math as cal
from analysis.timex.lexicon import TIME_UNITS, UNIT_ISO, lexicon

DAY = timedelta(days=1)
_TOK = re.compile(r"\d+(?::\d+)*(?:[.,]\d+)?|[^\W\d_]+|[/()\-]")
PREP_MOD = {"before": "BEFORE", "by": "BEFORE", "until": "BEFORE", "after": "AFTER", "since": "AFTER"}
UNIT_GRAIN = {"D": "day", "W": "week", "MO": "month", "Y": "year", "Q": "quarter", "DE": "decade", "CE": "century",
              "H": "time", "M": "time", "S": "time"}


@dataclass(frozen=True)
class Resolution:
    timex_type: str  # date | time | duration | set
    value: str | None
    granularity: str
    mod: str | None
    anchored: bool
    date_start: date | None = None
    date_end: date | None = None


@dataclass(frozen=True)
class _Tok:
    text: str
    roles: dict
    i: int


def _variants(w: str) -> list[str]:
    """The word and its forms without glued و/ف and ب/ل/ك (لل → ال)."""
    out = [w]
    rest = [w]
    if len(w) > 2 and w[0] in "وف":
        rest.append(w[1:])
        out.append(w[1:])
    for x in rest:
        if len(x) > 2 and x[0] in "بلك":
            out.append(x[1:])
            if x.startswith("لل"):
                out.append("ا" + x[1:])
    for x in list(out):
        if len(x) > 4 and x.startswith("ال"):
            out.append(x[2:])
    return out


@lru_cache(maxsize=1)
def _multiword_firsts() -> dict[str, int]:
    """First word of every phrase of two or more words → the longest such phrase's word count."""
    out: dict[str, int] = {}
    for k in lexicon().roles_of:
        words = k.split(" ")
        if len(words) > 1:
            out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


@lru_cache(maxsize=65536)
def scan(s: str) -> tuple[_Tok, ...]:
    """Tokens of a matched string with the roles the word lists give them (longest phrase first). Cached apart
    from :func:`resolve`, since it does not depend on the publication date: the tokens are shared, read-only."""
    roles_of = lexicon().roles_of
    firsts = _multiword_firsts()
    words = _TOK.findall(s)
    out: list[_Tok] = []
    i = 0
    while i < len(words):
        hit = None
        variants = _variants(words[i])
        # a phrase of n > 1 words starts with a word of _multiword_firsts (same order of tries as one loop
        # over n = longest .. 1 and, for each n, over the variants)
        for n in range(min(max(firsts.get(v, 1) for v in variants), len(words) - i), 1, -1):
            for v in variants:
                if firsts.get(v, 1) < n:
                    continue
                key = " ".join([v, *words[i + 1 : i + n]])
                r = roles_of.get(key)
                if r:
                    hit = (n, key, r)
                    break
            if hit:
                break
        if hit is None:
            for v in variants:
                r = roles_of.get(v)
                if r:
                    hit = (1, v, r)
                    break
        if hit:
            n, key, r = hit
            roles: dict = {}
            for role, val in r:
                roles.setdefault(role, val)
            out.append(_Tok(key, roles, len(out)))
            i += n
        else:
            w = words[i]
            roles = {}
            if w[0].isdigit():
                roles["digits"] = w
            out.append(_Tok(w, roles, len(out)))
            i += 1
    return tuple(out)


class _F:
    """Features of a scanned match: the first token of each role, with its index."""

    def __init__(self, toks: tuple[_Tok, ...] | list[_Tok]):
        self.toks = toks

    def first(self, role: str, after: int = -1, before: int = 10**6):
        for t in self.toks:
            if role in t.roles and after < t.i < before:
                return t
        return None

    def all(self, role: str) -> list[_Tok]:
        return [t for t in self.toks if role in t.roles]

    def has_word(self, *words: str) -> bool:
        return any(t.text in words or any(v in words for v in _variants(t.text)) for t in self.toks)


def _mod(f: _F) -> str | None:
    t = f.first("mod")
    if t:
        return t.roles["mod"]
    c = f.first("cmp")
    if c:
        return c.roles["cmp"]
    p = f.first("prep")
    if p and p.i == 0 and p.roles["prep"] in PREP_MOD:  # a leading preposition, not حتى inside a day range
        return PREP_MOD[p.roles["prep"]]
    return None


def _unresolved(ttype: str, gran: str, mod: str | None) -> Resolution:
    return Resolution(ttype, None, gran, mod, True)


def _num(t: _Tok) -> float | None:
    if "digits" in t.roles:
        try:
            return float(t.text.replace(",", "."))
        except ValueError:
            return None
    for r in ("cardinal", "few"):
        if r in t.roles:
            return float(t.roles[r])
    return None


def _fmt_n(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _day_res(d: date, anchored: bool, mod: str | None, tod: str | None = None, clock: tuple[int, int] | None = None) -> Resolution:
    if clock:
        return Resolution("time", f"{d.isoformat()}T{clock[0]:02d}:{clock[1]:02d}", "time", mod, anchored, d, d + DAY)
    if tod:
        return Resolution("time", f"{d.isoformat()}T{tod}", "time", mod, anchored, d, d + DAY)
    return Resolution("date", d.isoformat(), "day", mod, anchored, d, d + DAY)


def _month_res(y: int, m: int, anchored: bool, mod: str | None) -> Resolution:
    s, e = cal.month_interval(y, m)
    s, e = cal.narrow(s, e, mod, "month")
    return Resolution("date", f"{y:04d}-{m:02d}", "month", mod, anchored, s, e)


def _year_res(y: int, anchored: bool, mod: str | None) -> Resolution:
    s, e = cal.year_interval(y)
    s, e = cal.narrow(s, e, mod, "year")
    return Resolution("date", f"{y:04d}", "year", mod, anchored, s, e)


def _week_res(monday: date, anchored: bool, mod: str | None) -> Resolution:
    s, e = cal.narrow(monday, monday + 7 * DAY, mod, "week")
    return Resolution("date", cal.week_value(monday), "week", mod, anchored, s, e)


def _clock(f: _F) -> tuple[int, int] | None:
    """Hour and minute of a clock time in the match, or None."""
    toks = f.toks
    hour = minute = None
    after_saa = any(_strip(t.text) in ("ساعه", "الساعه") for t in toks)
    for t in toks:
        if "digits" in t.roles and (":" in t.text or (after_saa and re.fullmatch(r"\d{1,2}[.,]\d{2}", t.text))):
            parts = re.split(r"[:.,]", t.text)
            hour, minute = int(parts[0]), int(parts[1])
            break
    if hour is None:
        idx = next((t.i for t in toks if t.text in ("ساعه", "الساعه") or _strip(t.text) in ("ساعه", "الساعه")), None)
        if idx is None and not any(t.text.endswith("ه") and "ordinal" in t.roles for t in toks):
            return None  # الرابع والخامس: a masculine ordinal is never an hour (الساعة is feminine)
        cands = toks[idx + 1 :] if idx is not None else toks
        for t in cands:
            if "digits" in t.roles and len(t.text) <= 2:
                hour = int(t.text)
                break
            if "ordinal" in t.roles or "cardinal" in t.roles:
                hour = int(t.roles.get("ordinal", t.roles.get("cardinal")))
                break
        if hour is None:
            return None
        minute = 0
        rest = toks[(t.i + 1) :]
        sign = 1
        for u in rest:
            w = _strip(u.text)
            if w == "الا":
                sign = -1
            elif w in ("ربع", "ربعا", "الربع"):
                minute = 15
                break
            elif w in ("نصف", "النصف"):
                minute = 30
                break
            elif w == "ثلث":
                minute = 20
                break
            elif "digits" in u.roles:
                minute = int(u.text)
                break
            elif "cardinal" in u.roles:
                minute = int(u.roles["cardinal"])
                nxt = toks[u.i + 1] if u.i + 1 < len(toks) else None
                if nxt is not None and nxt.text.startswith("و") and "cardinal" in nxt.roles:
                    minute += int(nxt.roles["cardinal"])
                break
        if sign < 0 and minute:
            hour, minute = hour - 1, 60 - minute
    adv = f.first("todadv")
    if adv and hour < 12 and adv.roles["todadv"] in ("AF", "EV", "NI"):
        hour += 12
    if hour > 23 or (minute or 0) > 59:
        return None
    return hour, minute or 0


def _strip(w: str) -> str:
    return w[1:] if len(w) > 2 and w[0] in "وف" else w


def _tod(f: _F) -> str | None:
    t = f.first("tod") or f.first("todadv")
    if t is None:
        return None
    return t.roles.get("tod") or t.roles.get("todadv")


def _weekday_on_or_before(anchor: date, wd: int, strict: bool = False) -> date:
    back = (anchor.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _weekday_after(anchor: date, wd: int) -> date:
    return anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)


# --- constructs ---------------------------------------------------------------------------------


def _r_deic(f: _F, anchor: date | None) -> Resolution | None:
    d_all = f.all("deictic")
    d_tok = d_all[-1] if d_all else None
    off = d_tok.roles["deictic"] if d_tok else 0
    tod, clock = _tod(f), _clock(f)
    if tod is None and any("ليله" in t.text for t in f.toks):  # الليلة الماضية: last night
        tod = "NI"
    ttype = "time" if (tod or clock) else "date"
    if anchor is None:
        return _unresolved(ttype, "time" if ttype == "time" else "day", None)
    wd = f.first("weekday")
    if wd is not None and off in (0, -1):
        d = _weekday_on_or_before(anchor + timedelta(days=off), wd.roles["weekday"])
    else:
        d = anchor + timedelta(days=off)
    return _day_res(d, True, None, tod, clock)


def _r_wd(f: _F, anchor: date | None) -> Resolution | None:
    wdt = f.first("weekday") or f.first("weekday_bare")
    wd = wdt.roles.get("weekday", wdt.roles.get("weekday_bare"))
    tod, clock = _tod(f), _clock(f)
    if anchor is None:
        return _unresolved("time" if (tod or clock) else "date", "day", None)
    week = next((t for t in f.toks if _strip(t.text) in ("اسبوع", "الاسبوع") or t.text.endswith("اسبوع")), None)
    rel = f.first("rel", after=wdt.i)
    ordt = f.first("ordinal", after=wdt.i)
    this = f.first("this")
    if week is not None:
        k = rel.roles["rel"] if rel and rel.i > week.i else 0
        d = cal.week_monday(anchor) + timedelta(days=7 * k + wd)
    elif ordt is not None:
        day = ordt.roles["ordinal"]
        k = rel.roles["rel"] if rel else 0
        best = None
        for dm in (0, 1, -1):
            s = cal.add_months(anchor, k + dm)
            try:
                cand = s.replace(day=day)
            except ValueError:
                continue
            if cand.weekday() == wd:
                best = cand
                break
        if best is None:
            s = cal.add_months(anchor, k)
            try:
                best = s.replace(day=day)
            except ValueError:
                return None
        d = best
    elif rel is not None and rel.roles["rel"] == -1:
        d = _weekday_on_or_before(anchor, wd, strict=True)
    elif rel is not None and rel.roles["rel"] == 1:
        d = _weekday_after(anchor, wd)
    elif this is not None or (rel is not None and rel.roles["rel"] == 0):
        d = cal.week_monday(anchor) + timedelta(days=wd)
    else:
        d = _weekday_on_or_before(anchor, wd)
    return _day_res(d, True, None, tod, clock)


def _r_relu(f: _F, anchor: date | None) -> Resolution | None:
    unit_t = next((t for t in f.toks if "unit" in t.roles and t.roles["unit"][0] in ("W", "MO", "Y", "DE", "CE") and t.roles["unit"][1] == 1), None)
    if unit_t is None:
        return None
    unit = unit_t.roles["unit"][0]
    rel = f.first("rel", after=unit_t.i)
    k = rel.roles["rel"] if rel else 0
    mod = _mod(f)
    wdt = f.first("weekday") or f.first("weekday_bare")
    gran = UNIT_GRAIN[unit]
    if anchor is None:
        return _unresolved("date", "day" if wdt else gran, mod)
    if unit == "W":
        monday = cal.week_monday(anchor) + timedelta(days=7 * k)
        if wdt is not None:
            wd = wdt.roles.get("weekday", wdt.roles.get("weekday_bare"))
            return _day_res(monday + timedelta(days=wd), True, None)
        return _week_res(monday, True, mod)
    if unit == "MO":
        s = cal.add_months(anchor, k)
        return _month_res(s.year, s.month, True, mod)
    if unit == "Y":
        return _year_res(anchor.year + k, True, mod)
    if unit == "DE":
        y0 = (anchor.year // 10) * 10 + 10 * k
        s, e = cal.narrow(date(y0, 1, 1), date(y0 + 10, 1, 1), mod, "decade")
        return Resolution("date", str(y0 // 10), "decade", mod, True, s, e)
    c0 = (anchor.year // 100) + k
    return Resolution("date", f"{c0:02d}", "century", mod, True, date(c0 * 100, 1, 1), date(c0 * 100 + 100, 1, 1))


def _r_plu(f: _F, anchor: date | None) -> Resolution | None:
    unit_t = f.first("unit")
    rel = f.first("rel")
    direction = rel.roles["rel"] if rel else -1  # الأخيرة
    n_t = next((t for t in f.toks if ("cardinal" in t.roles or ("digits" in t.roles and t.text.isdigit())) and t.i > unit_t.i), None)
    ref = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[direction]
    if n_t is None:
        return Resolution("date", ref, "ref", None, True)
    n = int(n_t.roles["cardinal"]) if "cardinal" in n_t.roles else int(n_t.text)
    unit = unit_t.roles["unit"][0]
    if anchor is None or unit not in ("D", "W", "MO", "Y"):
        return Resolution("date", None if anchor is None else ref, "ref", None, True)
    if unit == "D":
        cur, step = anchor, lambda d, k: d + timedelta(days=k)
    elif unit == "W":
        cur, step = cal.week_monday(anchor), lambda d, k: d + timedelta(days=7 * k)
    elif unit == "MO":
        cur, step = anchor.replace(day=1), cal.add_months
    else:
        cur, step = date(anchor.year, 1, 1), lambda d, k: date(d.year + k, 1, 1)
    if direction >= 0:
        s = step(cur, 1) if unit != "D" else anchor + DAY
        e = step(s, n)
    else:
        e = cur
        s = step(cur, -n)
    return Resolution("date", f"{s.isoformat()}/{(e - DAY).isoformat()}", UNIT_GRAIN[unit], None, True, s, e)


def _year_token(f: _F, after: int = -1) -> _Tok | None:
    for t in f.toks:
        if t.i > after and "digits" in t.roles and len(t.text) == 4 and t.text.isdigit():
            return t
    return None


def _hijri_era(f: _F) -> bool:
    e = f.first("era")
    return e is not None and e.roles["era"] == "hijri"


def _r_cal(f: _F, anchor: date | None, monnum: int | None = None) -> Resolution | None:
    mt = f.first("month_g") or f.first("month_h")
    if monnum is not None:
        calendar, month, midx = "gregorian", monnum, next((t.i for t in f.toks if t.text.endswith("شهر")), 0)
    elif mt is None:
        return None
    else:
        calendar = "hijri" if "month_h" in mt.roles and "month_g" not in mt.roles else "gregorian"
        month, midx = mt.roles.get("month_g", mt.roles.get("month_h")), mt.i
    mod = _mod(f)
    # day(s) before the month
    days = []
    for t in f.toks:
        if t.i >= midx:
            break
        if "digits" in t.roles and t.text.isdigit() and len(t.text) <= 2 and 1 <= int(t.text) <= 31:
            days.append(int(t.text))
        elif "ordinal" in t.roles and t.text not in ("اول",):
            days.append(int(t.roles["ordinal"]))
        elif t.text == "اول":
            days.append(1)
    months = f.all("month_g") + [t for t in f.all("month_h") if "month_g" not in t.roles]
    if len(days) == 1 and len(months) >= 2 and months[1].i > midx + 1:  # من 13 تموز الى 15 تموز
        d2 = next((t for t in f.toks if midx < t.i < months[1].i and "digits" in t.roles and t.text.isdigit() and len(t.text) <= 2), None)
        d2o = next((t for t in f.toks if midx < t.i < months[1].i and "ordinal" in t.roles), None)
        if d2 is not None:
            days.append(int(d2.text))
        elif d2o is not None:
            days.append(int(d2o.roles["ordinal"]))
    # day range after the month (monrange)
    if not days:
        after = [int(t.text) for t in f.toks if t.i > midx and "digits" in t.roles and t.text.isdigit() and len(t.text) <= 2]
        if len(after) >= 2:
            days = after[:2]
    wdt = f.first("weekday")
    wd = wdt.roles["weekday"] if wdt else None
    yt = _year_token(f, after=midx)
    rel = f.first("rel", after=midx)
    year_unit = next((t for t in f.toks if t.i > midx and "unit" in t.roles and t.roles["unit"][0] == "Y"), None)
    anchored = yt is None
    if calendar == "hijri":
        return _hijri_cal(f, month, days, yt, rel, anchor, mod)
    if yt is not None:
        y = int(yt.text)
        if _hijri_era(f):
            return None
    elif anchor is None:
        return _unresolved("date", "day" if days else "month", mod)
    elif rel is not None and year_unit is not None and rel.i > year_unit.i:
        y = anchor.year + rel.roles["rel"]
    elif rel is not None:
        y = cal.infer_year(month, anchor, direction=rel.roles["rel"] or None) if rel.roles["rel"] else anchor.year
    else:
        y = cal.infer_year(month, anchor, day=days[0] if days else None, weekday=wd)
    if not days:
        return _month_res(y, month, anchored, mod)
    try:
        d0 = date(y, month, days[0])
    except ValueError:
        return _month_res(y, month, anchored, mod)
    if len(days) >= 2 and days[1] > days[0]:
        try:
            d1 = date(y, month, days[1])
        except ValueError:
            d1 = d0
        return Resolution("date", f"{d0.isoformat()}/{d1.isoformat()}", "day", mod, anchored, d0, d1 + DAY)
    return _day_res(d0, anchored, mod)


def _hijri_cal(f, month, days, yt, rel, anchor, mod) -> Resolution | None:
    day = days[0] if days else None
    if yt is not None:
        y = int(yt.text)
        if y >= 1700:  # a Gregorian year given with a Hijri month: the month that starts in that year
            occ = None
            for hy in range(int((y - 622) * 1.0307) - 1, int((y - 622) * 1.0307) + 3):
                iv = cal.hijri_month_interval(hy, month)
                if iv and iv[0].year == y:
                    occ = (hy, iv)
                    break
            if occ is None:
                return Resolution("date", None, "month", mod, False)
            hy = occ[0]
        else:
            hy = y
        anchored = False
    else:
        if anchor is None:
            return _unresolved("date", "day" if day else "month", mod)
        occ = cal.hijri_occurrence(month, day, anchor, rel.roles["rel"] or None if rel else None)
        if occ is None:
            return _unresolved("date", "day" if day else "month", mod)
        hy = occ[0]
        anchored = True
    if day:
        d = cal.hijri_to_date(hy, month, day)
        if d is None:
            return Resolution("date", f"H:{hy:04d}-{month:02d}-{day:02d}", "day", mod, anchored)
        if len(days) >= 2 and days[1] > days[0]:
            d1 = cal.hijri_to_date(hy, month, days[1])
            if d1 is not None:
                return Resolution("date", f"{d.isoformat()}/{d1.isoformat()}", "day", mod, anchored, d, d1 + DAY)
        return _day_res(d, anchored, mod)
    iv = cal.hijri_month_interval(hy, month)
    value = f"H:{hy:04d}-{month:02d}"
    if iv is None:
        return Resolution("date", value, "month", mod, anchored)
    s, e = cal.narrow(iv[0], iv[1], mod, "month") if mod in ("START", "MID", "END") else iv
    return Resolution("date", value, "month", mod, anchored, s, e)


def _r_calnum(f: _F, anchor: date | None) -> Resolution | None:
    sh = next((t for t in f.toks if t.text.endswith("شهر")), None)
    if sh is None:
        return None
    nxt = f.toks[sh.i + 1] if sh.i + 1 < len(f.toks) else None
    if nxt is None:
        return None
    m = None
    if "digits" in nxt.roles and nxt.text.isdigit():
        m = int(nxt.text)
    elif "cardinal" in nxt.roles:
        m = int(nxt.roles["cardinal"])
    elif "ordinal" in nxt.roles:
        m = int(nxt.roles["ordinal"])
    if not m or not 1 <= m <= 12:
        return None
    # the month number is not a day: drop it from the tokens (renumbered copies; scan results are cached)
    toks = [_Tok(t.text, t.roles, j) for j, t in enumerate(u for u in f.toks if u.i != nxt.i)]
    return _r_cal(_F(toks), anchor, monnum=m)


def _r_nth(f: _F, anchor: date | None) -> Resolution | None:
    """n-th (or last) weekday / day / week / quarter / half of a month or a year."""
    ordt = next((t for t in f.toks if "ordinal" in t.roles or "last" in t.roles), None)
    if ordt is None:
        return None
    n = ordt.roles.get("ordinal", ordt.roles.get("last"))
    wdt = f.first("weekday") or f.first("weekday_bare")
    sub = next(("اسبوع" if t.text.endswith("اسبوع") else _strip(t.text).removeprefix("ال") for t in f.toks
                if _strip(t.text).removeprefix("ال") in ("يوم", "ربع", "نصف") or t.text.endswith("اسبوع")), None)
    if wdt is not None:
        sub = "wd"
    # the container: the rest after من/في/ب
    rest_i = next((t.i for t in f.toks if t.i > ordt.i and (t.text in ("من", "في") or (t.text.startswith("ب") and (
        "month_g" in t.roles or "month_h" in t.roles or "unit" in t.roles or t.text in ("بشهر", "بعام", "بسنه"))))), None)
    # container: month or year
    mt = f.first("month_g")
    yt = _year_token(f)
    rel = f.first("rel")
    cont_unit = next((t for t in f.toks if "unit" in t.roles and t.roles["unit"][0] in ("MO", "Y") and (rest_i is None or t.i >= rest_i)), None)
    monnum = None
    if mt is None and cont_unit is not None and cont_unit.roles["unit"][0] == "MO":
        nxt = f.toks[cont_unit.i + 1] if cont_unit.i + 1 < len(f.toks) else None
        if nxt is not None:
            if "digits" in nxt.roles and nxt.text.isdigit():
                monnum = int(nxt.text)
            elif "cardinal" in nxt.roles:
                monnum = int(nxt.roles["cardinal"])
            elif "ordinal" in nxt.roles and nxt.i != ordt.i:
                monnum = int(nxt.roles["ordinal"])
    if mt is not None or monnum:
        month = mt.roles["month_g"] if mt is not None else monnum
        anchored = yt is None
        if yt is not None:
            y = int(yt.text)
        elif anchor is None:
            return _unresolved("date", "week" if sub == "اسبوع" else "day", None)
        elif rel is not None and any("unit" in t.roles and t.roles["unit"][0] == "Y" and t.i < rel.i for t in f.toks if mt is None or t.i > mt.i):
            y = anchor.year + rel.roles["rel"]
        else:
            y = cal.infer_year(month, anchor)
        s, e = cal.month_interval(y, month)
    elif cont_unit is not None:
        unit = cont_unit.roles["unit"][0]
        if yt is not None and unit == "Y":
            y, anchored = int(yt.text), False
        elif anchor is None:
            return _unresolved("date", "day", None)
        else:
            k = rel.roles["rel"] if rel is not None else 0
            anchored = True
            if unit == "MO":
                s0 = cal.add_months(anchor, k)
                y, month = s0.year, s0.month
            else:
                y = anchor.year + k
        if unit == "MO":
            s, e = cal.month_interval(y, month)
        else:
            s, e = cal.year_interval(y)
    elif yt is not None:
        s, e = cal.year_interval(int(yt.text))
        anchored = False
    else:
        return None
    if sub == "wd":
        wd = wdt.roles.get("weekday", wdt.roles.get("weekday_bare"))
        if n > 5:  # الثلاثاء التاسع عشر من هذا الشهر: a day of the month
            try:
                return _day_res(s.replace(day=n), anchored, None)
            except ValueError:
                return None
        if n == -1:
            d = e - DAY
            d -= timedelta(days=(d.weekday() - wd) % 7)
        else:
            d = s + timedelta(days=(wd - s.weekday()) % 7 + 7 * (n - 1))
        return _day_res(d, anchored, None) if d < e else None
    if sub == "يوم":
        d = e - DAY if n == -1 else s + timedelta(days=n - 1)
        return _day_res(d, anchored, None) if d < e else None
    if sub == "اسبوع":
        if n == -1:
            monday = e - 7 * DAY
            monday -= timedelta(days=monday.weekday())
        else:
            first = s + timedelta(days=(-s.weekday()) % 7)
            monday = first + timedelta(days=7 * (n - 1))
        return _week_res(monday, anchored, None)
    if sub in ("ربع", "نصف"):
        parts = 4 if sub == "ربع" else 2
        k = parts if n == -1 else n
        if not 1 <= k <= parts or (e - s).days < 300:
            return None
        step = 12 // parts
        qs, qe = cal.add_months(s, step * (k - 1)), cal.add_months(s, step * k)
        y = s.year
        # the gold keeps the year for a part of it ("الربع الأخير من العام الجاري" -> 2015, as "نهاية الشهر" keeps
        # the month): value = the year, the interval = the exact quarter or half, mod for the first / last one
        mod = "START" if k == 1 else "END" if k == parts else None
        return Resolution("date", f"{y:04d}", "quarter" if parts == 4 else "year", mod, anchored, qs, qe)
    return None


def _r_quarter(f: _F, anchor: date | None) -> Resolution | None:
    """الربع الثاني without a year: that quarter of the publication year if it has begun, else of the year before."""
    ordt = next((t for t in f.toks if "ordinal" in t.roles or "last" in t.roles), None)
    if ordt is None:
        return None
    k = ordt.roles.get("ordinal", ordt.roles.get("last"))
    k = 4 if k == -1 else k
    if not 1 <= k <= 4:
        return None
    if anchor is None:
        return _unresolved("date", "quarter", None)
    y = anchor.year if date(anchor.year, 3 * k - 2, 1) <= anchor else anchor.year - 1
    qs = date(y, 3 * k - 2, 1)
    mod = "START" if k == 1 else "END" if k == 4 else None
    return Resolution("date", f"{y:04d}", "quarter", mod, True, qs, cal.add_months(qs, 3))


def _r_num(f: _F, anchor: date | None) -> Resolution | None:
    nums = [t.text for t in f.toks if "digits" in t.roles]
    if not all(x.replace("-", "").isdigit() for x in nums):
        return None
    hijri = _hijri_era(f)
    if len(nums) == 1 and "-" in nums[0]:
        nums = nums[0].split("-")
    if len(nums) == 4:  # 4 / 5 / 3 / 1946: days 4 and 5 of March; the first day
        nums = [nums[0], nums[2], nums[3]]
    if len(nums) == 2:  # m/yyyy
        m, y = int(nums[0]), int(nums[1])
        if not 1 <= m <= 12:
            return None
        if hijri or y < 1600:
            iv = cal.hijri_month_interval(y, m)
            return Resolution("date", f"H:{y:04d}-{m:02d}", "month", None, False, *(iv or (None, None)))
        return _month_res(y, m, False, None)
    if len(nums) != 3:
        return None
    a, b, c = (int(x) for x in nums)
    if len(nums[0]) == 4:
        y, m, d = a, b, c
    else:
        d, m, y = a, b, c
        if len(nums[2]) == 2:
            y += 2000 if y < 50 else 1900
        if m > 12 and d <= 12:
            d, m = m, d
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if hijri or y < 1600:
        g = cal.hijri_to_date(y, m, d)
        if g is None:
            return Resolution("date", f"H:{y:04d}-{m:02d}-{d:02d}", "day", None, False)
        return _day_res(g, False, None)
    try:
        return _day_res(date(y, m, d), False, None)
    except ValueError:
        return None


def _r_year(f: _F, anchor: date | None) -> Resolution | None:
    years = [t for t in f.toks if "digits" in t.roles and len(t.text) == 4 and t.text.isdigit()]
    if not years:
        return None
    y = int(years[0].text)
    mod = _mod(f)
    era = f.first("era")
    hijri = (era is not None and era.roles["era"] == "hijri") or (era is None and 1300 <= y <= 1500)
    if len(years) >= 2:
        y2 = int(years[1].text)
        if not hijri and y2 == y + 1:
            # a fiscal, academic or sports year (السنة المالية 2015-2016): TIMEX3 has no value for it; the
            # starting year, covering both calendar years
            return Resolution("date", f"{y:04d}", "year", mod, False, date(y, 1, 1), date(y2 + 1, 1, 1))
        if not hijri and y < y2 <= y + 200:
            return Resolution("date", f"{y:04d}/{y2:04d}", "year", mod, False, date(y, 1, 1), date(y2 + 1, 1, 1))
    if hijri:
        iv = cal.hijri_year_interval(y)
        s, e = iv if iv else (None, None)
        if iv and mod in ("START", "MID", "END"):
            # narrow by thirds of the Hijri year (four months each)
            a = {"START": 1, "MID": 5, "END": 9}[mod]
            s2 = cal.hijri_to_date(y, a, 1)
            e2 = cal.hijri_to_date(y, a + 4, 1) if a < 9 else e
            s, e = (s2, e2) if s2 and e2 else (s, e)
        return Resolution("date", f"H:{y:04d}", "year", mod, False, s, e)
    if not 1000 <= y <= 2200:
        return None
    if y < 1300 and not any("unit" in t.roles for t in f.toks):  # 1000 م مربع: metres, not a year
        return None
    return _year_res(y, False, mod)


def _r_qty(f: _F, anchor: date | None) -> Resolution | None:
    unit_t = next((t for t in reversed(f.toks) if "unit" in t.roles), None)
    if unit_t is None:
        return None
    unit, count = unit_t.roles["unit"]
    n: float | None
    few = False
    if count == 2:
        n = 2
    else:
        n = None
        for t in f.toks[: unit_t.i]:
            if "few" in t.roles:
                few = True
                break
            v = _num(t)
            if v is not None and "prep" not in t.roles:
                n = v if n is None else n + v
        if n is None:
            n = 1 if count == 1 else None
            if n is None:
                few = True
    prep_t = f.first("prep")
    prep = prep_t.roles["prep"] if prep_t else None
    cmp_t = f.first("cmp")
    cmp_mod = cmp_t.roles["cmp"] if cmp_t else None
    iso = UNIT_ISO[unit]
    vague = few or n is None or not float(n).is_integer()
    if prep == "since" and vague:  # منذ سنوات، منذ بضعة أسابيع: some time ago
        return Resolution("date", "PAST_REF", "ref", cmp_mod, True)
    # منذ + an amount is the elapsed span (منذ 40 عاما → P40Y, a duration); قبل/بعد + an amount is a date
    if prep in ("before", "after"):
        direction = 1 if prep == "after" else -1
        if vague:
            return Resolution("date", "FUTURE_REF" if direction > 0 else "PAST_REF", "ref", cmp_mod, True)
        n = int(n)
        gran = {"D": "day", "W": "day", "MO": "month", "Y": "year", "Q": "month", "DE": "year", "CE": "year"}.get(unit, "day")
        if anchor is None:
            return _unresolved("date", gran, cmp_mod)
        if unit == "D":
            point = anchor + timedelta(days=direction * n)
        elif unit == "W":
            point = anchor + timedelta(days=7 * direction * n)
        elif unit in ("MO", "Q"):
            k = direction * n * (3 if unit == "Q" else 1)
            s = cal.add_months(anchor, k)
            try:
                point = s.replace(day=min(anchor.day, 28 if s.month == 2 else 30 if s.month in (4, 6, 9, 11) else 31))
            except ValueError:
                point = s
        elif unit in ("Y", "DE", "CE"):
            k = direction * n * {"Y": 1, "DE": 10, "CE": 100}[unit]
            try:
                point = anchor.replace(year=anchor.year + k)
            except ValueError:
                point = anchor.replace(year=anchor.year + k, day=28)
        else:  # hours, minutes, seconds ago: the publication day
            point = anchor
        if gran == "day":
            res = _day_res(point, True, cmp_mod)
        elif gran == "month":
            res = _month_res(point.year, point.month, True, cmp_mod)
        else:
            res = _year_res(point.year, True, cmp_mod)
        s, e = res.date_start, res.date_end
        if cmp_mod == "LESS_THAN":
            s, e = (point, anchor + DAY) if direction < 0 else (anchor, point + DAY)
        elif cmp_mod == "MORE_THAN":
            if direction < 0:
                e = point + DAY
            else:
                s = point
        return Resolution(res.timex_type, res.value, res.granularity, cmp_mod, True, s, e)
    # a duration
    amount = "X" if few or n is None else _fmt_n(n)
    value = f"PT{amount}{iso}" if unit in TIME_UNITS else f"P{amount}{iso}"
    return Resolution("duration", value, "duration", cmp_mod, False)


def _r_age(f: _F, anchor: date | None) -> Resolution | None:
    """An age in years (الثلاثين من العمر → P30Y): the numbers before من, added up."""
    n = 0.0
    for t in f.toks:
        if t.text == "من":
            break
        v = _num(t)
        if v is None and "ordinal" in t.roles:
            v = float(t.roles["ordinal"])
        n += v or 0
    if not 1 <= n <= 130 or not float(n).is_integer():
        return None
    return Resolution("duration", f"P{int(n)}Y", "duration", None, False)


def part_of_day(matched: str) -> str | None:
    """The TIMEX3 part of the day (MO, AF, EV, NI, ...) named in a normalised match, or None."""
    return _tod(_F(scan(matched)))


def _r_todbare(f: _F, anchor: date | None) -> Resolution | None:
    """A part of the day on its own: the publication day here; :func:`analysis.timex.tag_timex` moves it to
    the day named earlier in the text, when there is one."""
    tod = _tod(f)
    if tod is None:
        return None
    if anchor is None:
        return _unresolved("time", "time", None)
    return _day_res(anchor, True, None, tod)


def _r_decade(f: _F, anchor: date | None) -> Resolution | None:
    t = f.first("decade")
    if t is None:
        return None
    y0 = 1900 + 10 * int(t.roles["decade"])
    mod = _mod(f)
    s, e = cal.narrow(date(y0, 1, 1), date(y0 + 10, 1, 1), mod, "decade")
    return Resolution("date", str(y0 // 10), "decade", mod, False, s, e)


def _r_vague(f: _F, anchor: date | None) -> Resolution | None:
    t = f.first("vague")
    return Resolution("date", t.roles["vague"], "ref", None, True) if t else None


def _r_set(f: _F, anchor: date | None) -> Resolution | None:
    t = f.first("set")
    if t:
        return Resolution("set", t.roles["set"], "set", None, False)
    q = _r_qty(f, None)
    if q is None or q.timex_type != "duration":
        return None
    return Resolution("set", q.value, "set", None, False)


def _r_hol(f: _F, anchor: date | None) -> Resolution | None:
    t = f.first("holiday")
    calname, month, day, _ = t.roles["holiday"]
    yt = _year_token(f)
    rel = f.first("rel")
    if yt is not None:
        y = int(yt.text)
        anchored = False
    elif anchor is None:
        return _unresolved("date", "day", None)
    else:
        y, anchored = anchor.year, True
    if calname == "gregorian":
        d = date(y, month, day)
        if rel is not None and anchor is not None and yt is None:
            d = date(y - 1 if (rel.roles["rel"] == -1 and d >= anchor) else y + 1 if (rel.roles["rel"] == 1 and d <= anchor) else y, month, day)
        return _day_res(d, anchored, None)
    if calname == "easter":
        return _day_res(cal.easter_date(y), anchored, None)
    if yt is not None:
        if y < 1700:
            d = cal.hijri_to_date(y, month, day)
        else:
            d = None
            for hy in range(int((y - 622) * 1.0307) - 1, int((y - 622) * 1.0307) + 3):
                cand = cal.hijri_to_date(hy, month, day)
                if cand and cand.year == y:
                    d = cand
                    break
        return _day_res(d, False, None) if d else Resolution("date", None, "day", None, False)
    occ = cal.hijri_occurrence(month, day, anchor, rel.roles["rel"] or None if rel else None)
    if occ is None:
        return _unresolved("date", "day", None)
    return _day_res(occ[1][0], True, None)


def _r_clock(f: _F, anchor: date | None) -> Resolution | None:
    c = _clock(f)
    if c is None:
        return None
    if anchor is None:
        return _unresolved("time", "time", None)
    return _day_res(anchor, True, None, None, c)


_RESOLVERS = {
    "nth": _r_nth, "monparen": _r_num, "cal": _r_cal, "calrange": _r_cal, "calnum": _r_calnum, "monrange": _r_cal, "num": _r_num, "hol": _r_hol,
    "quarter": _r_quarter, "relu": _r_relu, "plu": _r_plu, "year": _r_year, "deic": _r_deic, "wd": _r_wd, "clock": _r_clock,
    "qty": _r_qty, "age": _r_age, "decade": _r_decade, "vague": _r_vague, "set": _r_set,
    "todbare": _r_todbare,
}


@lru_cache(maxsize=65536)
def resolve(construct: str, matched: str, anchor: date | None) -> Resolution | None:
    """Resolve the normalised ``matched`` string of ``construct`` against ``anchor`` (pure; cached, since news
    repeats the same expressions on the same day)."""
    f = _F(scan(matched))
    try:
        res = _RESOLVERS[construct](f, anchor)
    except (ValueError, OverflowError):  # a date outside the calendar's range (قبل 2500 عام): no concrete value
        res = Resolution("date", "PAST_REF", "ref", None, True) if construct == "qty" and anchor is not None else None
    if res is None:
        return None
    if res.anchored and anchor is None and res.value is not None and not res.value.endswith("_REF"):
        return Resolution(res.timex_type, None, res.granularity, res.mod, True)
    return res
