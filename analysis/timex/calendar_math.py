"""Calendar arithmetic for time expressions: intervals of a grain, mod narrowing, Hijri months, holidays.

All intervals are ``(start, end)`` pairs of :class:`datetime.date`, end exclusive.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from hijridate import Gregorian, Hijri

DAY = timedelta(days=1)


def add_months(d: date, n: int) -> date:
    """First day of the month ``n`` months after ``d``'s month."""
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def month_interval(y: int, m: int) -> tuple[date, date]:
    s = date(y, m, 1)
    return s, add_months(s, 1)


def year_interval(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y + 1, 1, 1)


def week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def narrow(start: date, end: date, mod: str | None, grain: str) -> tuple[date, date]:
    """Narrow a period by START / MID / END: a month to days 1-10, 11-20, 21-end; a year to its first four,
    middle four and last four months; a week to Mon-Tue, Wed-Thu, Fri-Sun; a quarter of a year for
    quarter-based phrasing is computed by the caller."""
    if mod not in ("START", "MID", "END"):
        return start, end
    if grain == "month":
        a = {"START": 0, "MID": 10, "END": 20}[mod]
        s = start + timedelta(days=a)
        e = start + timedelta(days=a + 10) if mod != "END" else end
        return s, e
    if grain == "year":
        a = {"START": 0, "MID": 4, "END": 8}[mod]
        return add_months(start, a), add_months(start, a + 4)
    if grain == "week":
        a, b = {"START": (0, 2), "MID": (2, 4), "END": (4, 7)}[mod]
        return start + timedelta(days=a), start + timedelta(days=b)
    if grain == "decade":
        a, b = {"START": (0, 3), "MID": (3, 7), "END": (7, 10)}[mod]
        return date(start.year + a, 1, 1), date(start.year + b, 1, 1)
    return start, end


@lru_cache(maxsize=4096)
def hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


@lru_cache(maxsize=4096)
def hijri_month_interval(y: int, m: int) -> tuple[date, date] | None:
    """Exact Gregorian interval of Hijri month ``m`` of year ``y`` (Umm al-Qura), None outside 1343-1500 AH."""
    s = hijri_to_date(y, m, 1)
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    e = hijri_to_date(ny, nm, 1)
    if s is None or e is None:
        return None
    return s, e


@lru_cache(maxsize=4096)
def hijri_year_interval(y: int) -> tuple[date, date] | None:
    s, e = hijri_to_date(y, 1, 1), hijri_to_date(y + 1, 1, 1)
    return (s, e) if s and e else None


@lru_cache(maxsize=4096)
def hijri_year_of(d: date) -> int:
    return Gregorian(d.year, d.month, d.day).to_hijri().year


def hijri_occurrence(month: int, day: int | None, anchor: date, direction: int | None) -> tuple[int, tuple[date, date]] | None:
    """The Hijri year and Gregorian interval of Hijri month ``month`` (or of its day ``day``) nearest to
    the anchor: direction -1 the last one finished before the anchor, +1 the next one starting after it,
    None the one in the anchor's Gregorian year (Duckling's reading; the nearest one if there are two)."""
    try:
        hy = hijri_year_of(anchor)
    except (ValueError, OverflowError):
        return None
    cands = []
    for y in (hy - 2, hy - 1, hy, hy + 1, hy + 2):
        if day:
            s = hijri_to_date(y, month, day)
            iv = (s, s + DAY) if s else None
        else:
            iv = hijri_month_interval(y, month)
        if iv:
            cands.append((y, iv))
    if not cands:
        return None
    if direction == -1:
        past = [c for c in cands if c[1][1] <= anchor]
        return past[-1] if past else None
    if direction == 1:
        fut = [c for c in cands if c[1][0] > anchor]
        return fut[0] if fut else None
    same = [c for c in cands if c[1][0].year == anchor.year or (c[1][1] - DAY).year == anchor.year]
    pool = same or cands
    return min(pool, key=lambda c: abs((c[1][0] - anchor).days))


def easter_date(y: int) -> date:
    return easter(y)


def infer_year(month: int, anchor: date, *, direction: int | None = None, day: int | None = None,
               weekday: int | None = None) -> int:
    """The year of a month named without one. ``direction`` -1/+1: the last/next such month strictly before/
    after the anchor's month. Otherwise the anchor's year, unless the month lies 9+ months away within it
    (a December mentioned in February is last December); a weekday given with the day picks the year in
    which the date falls on that weekday."""
    y = anchor.year
    if direction == -1:
        return y if month < anchor.month else y - 1
    if direction == 1:
        return y if month > anchor.month else y + 1
    if month - anchor.month >= 9:
        y -= 1
    elif anchor.month - month >= 9:
        y += 1
    if weekday is not None and day:
        for cand in (y, y + 1, y - 1):
            try:
                if date(cand, month, day).weekday() == weekday:
                    return cand
            except ValueError:
                continue
    return y
