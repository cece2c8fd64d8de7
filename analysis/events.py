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
from datetime import datetime, time, timedelta
from functools import lru_cache

import pandas as pd

from analysis.normalize import normalize, normalize_cached, split_sentences_cached
from analysis.resources import read_table
from analysis.schema import conform, empty
from analysis.timex import anchor_dates

__all__ = ["event_type_labels", "extract_events", "load_triggers"]

DAY = timedelta(days=1)


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


@lru_cache(maxsize=1)
def _trigger_automaton():
    """Aho-Corasick automaton of the trigger forms (value: the form's length)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for form in load_triggers():
        auto.add_word(form, len(form))
    auto.make_automaton()
    return auto


#: the longest proclitic run the trigger pattern allows before a form: [وف] + لل + ال
_MAX_PREFIX = 5


def _find_triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event_type) of every trigger token in ``text`` (offsets into ``text``).

    The same matches as ``_trigger_re().finditer`` over the normalised text, faster: one Aho-Corasick pass
    finds the forms that end a word, and the pattern is tried only at the start of those words."""
    nt = normalize_cached(text)
    norm = nt.norm
    n = len(norm)
    starts: set[int] = set()
    for e, ln in _trigger_automaton().iter(norm):
        e += 1
        if e < n and (norm[e].isalnum() or norm[e] == "_"):
            continue
        c = e - ln
        stop = c - _MAX_PREFIX
        while c > 0 and (norm[c - 1].isalnum() or norm[c - 1] == "_"):
            c -= 1
            if c < stop:
                break
        if c >= stop:
            starts.add(c)
    if not starts:
        return []
    types = load_triggers()
    pattern = _trigger_re()
    out = []
    last = 0
    for c in sorted(starts):
        if c < last:
            continue
        m = pattern.match(norm, c)
        if m is None:
            continue
        last = m.end()
        a, b = nt.span_in_original(m.start(), m.end())
        out.append((a, b, types[m.group("t")]))
    return out


def _groups(df: pd.DataFrame | None, cols: list[str]) -> dict[tuple[str, str], list[tuple]]:
    """Rows of ``df`` as tuples of ``cols``, grouped by (article_id, field) — no per-row pandas access.
    Day columns come as ``datetime.datetime``."""
    out: dict[tuple[str, str], list[tuple]] = {}
    if df is None or len(df) == 0:
        return out
    keys = zip(df["article_id"].astype(str).tolist(), df["field"].astype(str).tolist())
    vals = zip(*(df[c].to_numpy().tolist() if df[c].dtype.kind == "M" else df[c].tolist() for c in cols))
    for k, v in zip(keys, vals):
        out.setdefault(k, []).append(v)
    return out


def _dated(timex: pd.DataFrame | None) -> pd.DataFrame | None:
    """The time expressions that can date an event: dates and times with a resolved interval."""
    if timex is None or len(timex) == 0:
        return timex
    keep = timex["timex_type"].isin(["date", "time"]) & timex["date_start"].notna() & timex["date_end"].notna()
    return timex[keep.to_numpy(dtype=bool)]


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
    if mentions is not None and len(mentions):
        mentions = mentions[mentions["actor_id"].notna().to_numpy(dtype=bool)]
    ment = _groups(mentions, ["start", "actor_id"])
    tx = _groups(_dated(timex), ["start", "end", "date_start", "date_end"])
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
            sents = split_sentences_cached(txt)
            starts = [s for s, _ in sents]
            m_by_sent: dict[int, list[str]] = {}
            for s, actor in sorted(ment.get((aid, field), []), key=lambda r: r[0]):
                i = bisect.bisect_right(starts, int(s)) - 1
                if i >= 0:
                    lst = m_by_sent.setdefault(i, [])
                    if actor not in lst:
                        lst.append(str(actor))
            t_by_sent: dict[int, list[tuple]] = {}
            for s, e, ds, de in tx.get((aid, field), []):
                i = bisect.bisect_right(starts, int(s)) - 1
                t_by_sent.setdefault(i, []).append((int(s), int(e), ds, de))
            for a, b, etype in trig:
                i = bisect.bisect_right(starts, a) - 1
                if i < 0:
                    continue
                own = t_by_sent.get(i)
                if own:
                    s, e, ds, de = min(own, key=lambda t: min(abs(t[0] - b), abs(a - t[1])))
                    src = "timex"
                elif anchor is not None:
                    ds, de, src = datetime.combine(anchor, time()), datetime.combine(anchor + DAY, time()), "published"
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
