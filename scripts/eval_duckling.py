"""Value accuracy on Duckling's Arabic date and duration cases, for our tagger and for dateparser.

usage: python scripts/eval_duckling.py TSV [--misses N]

TSV is ``duckling_ar_time_duration.tsv`` (shared/data/temporal_gold/duckling_ar/). Each case is one article
published at Duckling's reference time, 2013-02-12 04:30 at UTC-2 (local calendar day 2013-02-12). The rules
are those of ``shared/eval/score_duckling.py``: a case is right when its first time expression has
Duckling's value at Duckling's grain, as a TIMEX3 value string or as the covered interval (a week is the
interval from its Monday; interval ends exclusive, the inclusive end also accepted); a bare weekday is right
for the previous or the next occurrence. Clock times (grain Second/Minute/Hour) are reported apart; the
negative cases must yield nothing. dateparser is run on the same cases with ``DateDataParser.get_date_data``
(its grain from the returned period).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.timex import extract_timex

WEEKDAYS = ["الاثنين", "الثلاثاء", "الاربعاء", "الأربعاء", "الخميس", "الجمعة", "الجمعه", "السبت", "الاحد", "الأحد"]
UNIT = {"Second": "S", "Minute": "M", "Hour": "H", "Day": "D", "Week": "W", "Month": "M", "Year": "Y"}
PUBLISHED = "2013-02-12T04:30:00-02:00"


def add_month(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def gold_forms(row: dict) -> tuple[set[str], tuple[date, date] | None]:
    grain, v = row["grain"], row["value"]
    if row["value_type"] == "duration":
        u = UNIT[grain]
        return ({f"PT{v}{u}" if grain in ("Second", "Minute", "Hour") else f"P{v}{u}"}, None)
    d = datetime.fromisoformat(v).date()
    if row["value_type"] == "interval":
        return (set(), (d, datetime.fromisoformat(row["value_end"]).date()))
    if grain == "Day":
        return ({d.isoformat()}, (d, d + timedelta(days=1)))
    if grain == "Week":
        iso = d.isocalendar()
        return ({f"{iso[0]}-W{iso[1]:02d}"}, (d, d + timedelta(days=7)))
    if grain == "Month":
        return ({d.strftime("%Y-%m")}, (d, add_month(d, 1)))
    if grain == "Year":
        return ({str(d.year)}, (d, date(d.year + 1, 1, 1)))
    return (set(), None)


def is_right(row: dict, value: str | None, ds: date | None, de: date | None) -> bool:
    values, interval = gold_forms(row)
    right = str(value or "").upper() in {v.upper() for v in values}
    if not right and interval and ds:
        s, e = interval
        right = ds == s and de in (e, e - timedelta(days=1))
    bare = any(w in row["text"] for w in WEEKDAYS) and not re.search(r"\d|شباط|فبراير|اغسطس|تموز|يوليو", row["text"])
    if not right and bare and interval and ds:
        right = ds in (interval[0], interval[0] - timedelta(days=7))
    return right


def ours(rows: list[dict]) -> list[tuple[str | None, date | None, date | None] | None]:
    arts = pd.DataFrame({
        "article_id": [f"d{i:03d}" for i in range(len(rows))],
        "published": pd.to_datetime([PUBLISHED] * len(rows), utc=True),
        "timezone": ["Etc/GMT+2"] * len(rows),  # UTC-2 (POSIX sign)
        "title": [pd.NA] * len(rows),
        "text": [r["text"] for r in rows],
    })
    tx = extract_timex(arts)
    tx = tx[tx["field"] == "text"].sort_values(["article_id", "start"])
    first = {aid: g.iloc[0] for aid, g in tx.groupby("article_id")}
    out = []
    for i in range(len(rows)):
        r = first.get(f"d{i:03d}")
        if r is None:
            out.append(None)
            continue
        ds = None if pd.isna(r["date_start"]) else r["date_start"].date()
        de = None if pd.isna(r["date_end"]) else r["date_end"].date()
        out.append((None if pd.isna(r["value"]) else str(r["value"]), ds, de))
    return out


def dateparser_preds(rows: list[dict]) -> list[tuple[str | None, date | None, date | None] | None]:
    from dateparser.date import DateDataParser

    base = datetime(2013, 2, 12, 4, 30)
    ddp = DateDataParser(languages=["ar"], settings={"RELATIVE_BASE": base})
    out = []
    for r in rows:
        try:
            dd = ddp.get_date_data(r["text"])
        except Exception:  # noqa: BLE001 - a crash of the baseline on one case counts as a miss
            dd = None
        if dd is None or dd.date_obj is None:
            out.append(None)
            continue
        d, period = dd.date_obj, dd.period or "day"
        day = d.date()
        if period == "time":
            out.append((d.strftime("%Y-%m-%dT%H:%M"), day, day + timedelta(days=1)))
        elif period == "week":
            mon = day - timedelta(days=day.weekday())
            iso = mon.isocalendar()
            out.append((f"{iso[0]}-W{iso[1]:02d}", mon, mon + timedelta(days=7)))
        elif period == "month":
            s = day.replace(day=1)
            out.append((s.strftime("%Y-%m"), s, add_month(s, 1)))
        elif period == "year":
            out.append((str(day.year), date(day.year, 1, 1), date(day.year + 1, 1, 1)))
        else:
            out.append((day.isoformat(), day, day + timedelta(days=1)))
    return out


def score(rows, negatives, preds, neg_preds, name: str, show: int) -> float:
    ok = n = t_ok = t_n = 0
    misses = []
    for r, p in zip(rows, preds):
        if r["grain"] in ("Second", "Minute", "Hour") and r["value_type"] != "duration":
            t_n += 1
            if p is not None and str(p[0] or "")[:16].replace("T", " ") == r["value"][:16].replace("T", " "):
                t_ok += 1
            continue
        n += 1
        right = p is not None and is_right(r, *p)
        ok += right
        if not right:
            misses.append(f"  miss: {r['text']} -> gold {r['value']} {r['grain']} got {p}")
    fp = sum(1 for p in neg_preds if p is not None)
    for line in misses[:show]:
        print(line)
    print(f"{name}: dates+durations {ok}/{n} = {ok / n:.3f}; clock times (apart) {t_ok}/{t_n}; negatives with a hit {fp}/{len(neg_preds)}")
    return ok / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tsv", type=Path)
    ap.add_argument("--misses", type=int, default=40, help="how many misses to print per system")
    args = ap.parse_args()
    with open(args.tsv, encoding="utf-8") as f:
        allrows = list(csv.DictReader(f, delimiter="\t"))
    rows = [r for r in allrows if r["dimension"] in ("time", "duration")]
    negatives = [r for r in allrows if r["dimension"] == "negative"]
    p_ours = ours(rows + negatives)
    score(rows, negatives, p_ours[: len(rows)], p_ours[len(rows):], "ours", args.misses)
    p_dp = dateparser_preds(rows + negatives)
    score(rows, negatives, p_dp[: len(rows)], p_dp[len(rows):], "dateparser", 0)


if __name__ == "__main__":
    main()
