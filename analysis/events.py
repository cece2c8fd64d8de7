"""Sentence-level events: a trigger word, its event type, the actors of its sentence and its date.

>>> import pandas as pd
>>> from analysis.schema import empty
>>> arts = pd.DataFrame({"article_id": ["a"], "published": pd.to_datetime(["2016-11-30"], utc=True),
...                      "timezone": ["UTC"], "title": [pd.NA], "text": ["وقبل أقل من شهرين، زار المملوك القاهرة."]})
>>> from analysis.timex import extract_timex
>>> ev = extract_events(arts, empty("mentions"), extract_timex(arts))
>>> ev[["trigger", "event_type", "date_source"]].values.tolist()
[['زار', 'visit', 'timex']]

Triggers come from ``analysis/resources/events/triggers.tsv`` (form → CAMEO-like type). The actors are the
``actor_id`` of the mentions whose start lies in the sentence; the date is the sentence's own time
expression (a resolved date or time, the one nearest the trigger), else the publication date (the local
calendar day of ``published``), and ``date_source`` says which (``timex`` | ``published`` | ``none``).
"""
from __future__ import annotations

import bisect
import re
from datetime import timedelta
from functools import lru_cache

import pandas as pd

from analysis.normalize import normalize
from analysis.resources import read_table
from analysis.schema import conform, empty
from analysis.timex import _normalized, anchor_dates, sentence_spans

__all__ = ["event_type_labels", "extract_events", "load_triggers"]


@lru_cache(maxsize=2)
def event_type_labels(*, language: str = "ar") -> dict[str, str]:
    """event_type → display name (``language`` "ar" or "en"), from ``resources/events/event_types.tsv``."""
    col = {"ar": "label_ar", "en": "label_en"}[language]
    return {r["event_type"]: r[col] for r in read_table("events", "event_types.tsv")}


@lru_cache(maxsize=1)
def load_triggers() -> dict[str, str]:
    """Normalised trigger form → event type (from ``resources/events/triggers.tsv``)."""
    return {normalize(r["form"]).strip(): r["event_type"] for r in read_table("events", "triggers.tsv") if r.get("form")}


@lru_cache(maxsize=1)
def _trigger_re() -> re.Pattern:
    from analysis.timex.grammar import _trie  # the same compact alternation builder

    forms = sorted(load_triggers(), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:[وف]?(?:لل|[بلك])?(?:ال)?)(?P<t>{_trie(forms)})(?!\w)")


def _find_triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event_type) of every trigger token in ``text`` (offsets into ``text``)."""
    nt = _normalized(text)
    types = load_triggers()
    out = []
    for m in _trigger_re().finditer(nt.norm):
        a, b = nt.span_in_original(m.start(), m.end())
        out.append((a, b, types[m.group("t")]))
    return out


def _groups(df: pd.DataFrame | None, cols: list[str]) -> dict[tuple[str, str], list[tuple]]:
    """Rows of ``df`` as tuples of ``cols``, grouped by (article_id, field) — no per-row pandas access."""
    out: dict[tuple[str, str], list[tuple]] = {}
    if df is None or len(df) == 0:
        return out
    keys = zip(df["article_id"].astype(str), df["field"].astype(str))
    vals = zip(*(df[c].tolist() for c in cols))
    for k, v in zip(keys, vals):
        out.setdefault(k, []).append(v)
    return out


def extract_events(articles: pd.DataFrame, mentions: pd.DataFrame | None, timex: pd.DataFrame | None) -> pd.DataFrame:
    """The events table for a chunk of articles.

    ``articles``: columns of :data:`analysis.schema.ARTICLES`; ``mentions``: of MENTIONS (may be empty);
    ``timex``: of TIMEX, as :func:`analysis.timex.extract_timex` returns it. Returns exactly the columns of
    :data:`analysis.schema.EVENTS`: article_id, field, sentence_index, start, end (the trigger's span in the
    field), trigger, event_type, actor_ids (list of actor_id strings in the sentence, in text order, unique),
    date_start, date_end (end exclusive), date_source (timex | published | none), text (the sentence).
    Inputs are not modified.
    """
    if articles is None or len(articles) == 0:
        return empty("events")

    anchors = anchor_dates(articles)
    ment = _groups(mentions, ["start", "actor_id"])
    tx = _groups(timex, ["start", "end", "timex_type", "date_start", "date_end"])
    rows: dict[str, list] = {c: [] for c in ("article_id", "field", "sentence_index", "start", "end", "trigger", "event_type",
                                            "actor_ids", "date_start", "date_end", "date_source", "text")}
    ids = articles["article_id"].astype(str).tolist()
    titles = articles["title"].tolist() if "title" in articles else [None] * len(articles)
    for aid, anchor, title, body in zip(ids, anchors, titles, articles["text"].tolist()):
        for field, txt in (("title", title), ("text", body)):
            if not isinstance(txt, str) or not txt:
                continue
            trig = _find_triggers(txt)
            if not trig:
                continue
            sents = sentence_spans(txt)
            starts = [s for s, _ in sents]
            m_by_sent: dict[int, list[str]] = {}
            for s, actor in sorted(ment.get((aid, field), []), key=lambda r: r[0]):
                i = bisect.bisect_right(starts, int(s)) - 1
                if i >= 0 and actor is not None and not pd.isna(actor):
                    lst = m_by_sent.setdefault(i, [])
                    if actor not in lst:
                        lst.append(str(actor))
            t_by_sent: dict[int, list[tuple]] = {}
            for s, e, ttype, ds, de in tx.get((aid, field), []):
                if ttype not in ("date", "time") or ds is None or pd.isna(ds) or de is None or pd.isna(de):
                    continue
                i = bisect.bisect_right(starts, int(s)) - 1
                t_by_sent.setdefault(i, []).append((int(s), int(e), pd.Timestamp(ds), pd.Timestamp(de)))
            for a, b, etype in trig:
                i = bisect.bisect_right(starts, a) - 1
                if i < 0:
                    continue
                own = t_by_sent.get(i)
                if own:
                    s, e, ds, de = min(own, key=lambda t: min(abs(t[0] - b), abs(a - t[1])))
                    src = "timex"
                elif anchor is not None:
                    ds, de, src = pd.Timestamp(anchor), pd.Timestamp(anchor + timedelta(days=1)), "published"
                else:
                    ds, de, src = pd.NaT, pd.NaT, "none"
                rows["article_id"].append(aid)
                rows["field"].append(field)
                rows["sentence_index"].append(i)
                rows["start"].append(a)
                rows["end"].append(b)
                rows["trigger"].append(txt[a:b])
                rows["event_type"].append(etype)
                rows["actor_ids"].append(list(m_by_sent.get(i, [])))
                rows["date_start"].append(ds)
                rows["date_end"].append(de)
                rows["date_source"].append(src)
                rows["text"].append(txt[sents[i][0] : sents[i][1]])
    if not rows["article_id"]:
        return empty("events")
    return conform(pd.DataFrame(rows), "events")
