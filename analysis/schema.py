"""The columns of every table, defined once.

Every extractor returns a tidy long table keyed by ``article_id`` whose offsets point into the
article's ``text`` (or ``title`` where ``field == "title"``): ``article[field][start:end] == surface``.
:func:`conform` puts a frame into its table's column order and dtypes; the pipeline calls it on every
chunk so that Parquet row groups written one after the other share one schema.

Articles (``articles.parquet``)
    article_id  string   unique, stable across runs: the record's own id, else ``<relative path>:<record index>``
    source      string   outlet, NA if unknown
    published   datetime64[ns, UTC]  publication time, NaT if unknown (never guessed)
    timezone    string   IANA zone the naive timestamps were read in (default UTC; SaudiNewsNet: Asia/Riyadh)
    title       string   NA for a .txt file without metadata
    url         string
    text        string   the cleaned article text; every offset in every table refers to it
    n_words     int64    tokens of ``text`` (see :func:`analysis.normalize.tokenize`)
    duplicate_of string  article_id of the first article with the same normalised text, NA if none
    author      string   where the input has one
    origin      string   where the record came from: ``<relative path>[!<member>]#<record index>`` (a one-article file: its path)
    extra       string   every other input field, as a JSON object (NA if none)
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa

STRING = "string"
INT = "int64"
BOOL = "boolean"
DAY = "datetime64[s]"  # calendar days: naive, the interval of an expression in the article's local calendar
UTC = "datetime64[ns, UTC]"

ARTICLES: dict[str, str] = {
    "article_id": STRING,
    "source": STRING,
    "published": UTC,
    "timezone": STRING,
    "title": STRING,
    "url": STRING,
    "text": STRING,
    "n_words": INT,
    "duplicate_of": STRING,
    "author": STRING,
    "origin": STRING,
    "extra": STRING,
}

SKIPPED: dict[str, str] = {
    "path": STRING,  # file relative to the corpus root (a zip member as archive.zip!member)
    "record": "Int64",  # record number inside the file (0-based), NA for a whole file
    "reason": STRING,  # e.g. "empty text", "not text (binary)"; notes on loaded records start with "loaded" or "metadata"
    "detail": STRING,  # what was found and what to do
}

MENTIONS: dict[str, str] = {
    "article_id": STRING,
    "field": STRING,  # "title" | "text"
    "start": INT,
    "end": INT,
    "surface": STRING,
    "actor_id": STRING,
    "label_ar": STRING,
    "label_en": STRING,
    "actor_type": STRING,  # person | organization | country | location | group | media
    "subtype": STRING,  # the codebook's (head_of_state, club, …); "tagger" for a name the statistical tagger found
    "match_kind": STRING,  # name | alias | title | nisba | metonym | discovered
    "sentence_index": INT,
}

TIMEX: dict[str, str] = {
    "article_id": STRING,
    "field": STRING,
    "start": INT,
    "end": INT,
    "surface": STRING,
    "timex_type": STRING,  # date | time | duration | set
    "value": STRING,  # TIMEX3 at the expression's grain; NA when anchored and unresolved
    "granularity": STRING,  # day | week | month | quarter | year | decade | century | time | ref | duration | set
    "mod": STRING,  # START | MID | END | APPROX | LESS_THAN | MORE_THAN | BEFORE | AFTER | NA
    "anchored": BOOL,  # needs the publication date
    "date_start": DAY,  # covered interval, end exclusive; NaT when unresolved
    "date_end": DAY,
    "sentence_index": INT,
}

EVENTS: dict[str, str] = {
    "article_id": STRING,
    "field": STRING,
    "sentence_index": INT,
    "start": INT,  # the trigger's span
    "end": INT,
    "trigger": STRING,
    "event_type": STRING,
    "actor_ids": "object",  # list of actor_id strings in the sentence
    "date_start": DAY,
    "date_end": DAY,
    "date_source": STRING,  # timex | published | none
    "text": STRING,  # the sentence
}

ATTRIBUTIONS: dict[str, str] = {
    "article_id": STRING,
    "field": STRING,
    "cue": STRING,
    "cue_start": INT,
    "cue_end": INT,
    "source_surface": STRING,
    "source_start": "Int64",
    "source_end": "Int64",
    "source_label": STRING,  # the resolved speaker's name (Arabic)
    "source_label_en": STRING,
    "source_actor_id": STRING,
    "source_type": STRING,  # named_person | official_body | news_agency | media_outlet | anonymous | unnamed_group | document
    "mode": STRING,  # direct | indirect
    "content_start": "Int64",
    "content_end": "Int64",
    "is_anaphoric": BOOL,
    "sentence_index": INT,
}

TABLES: dict[str, dict[str, str]] = {
    "articles": ARTICLES,
    "skipped": SKIPPED,
    "mentions": MENTIONS,
    "timex": TIMEX,
    "events": EVENTS,
    "attributions": ATTRIBUTIONS,
}


_ARROW = {
    STRING: pa.string(),
    INT: pa.int64(),
    "Int64": pa.int64(),
    BOOL: pa.bool_(),
    DAY: pa.timestamp("s"),
    UTC: pa.timestamp("ns", tz="UTC"),
    "object": pa.list_(pa.string()),  # the only object column: events.actor_ids
}


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet (Arrow) schema of table ``name``."""
    return pa.schema([pa.field(c, _ARROW[t]) for c, t in TABLES[name].items()])


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the columns and dtypes of table ``name``."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in TABLES[name].items()})


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``df`` with exactly the columns of table ``name``, in order, with their dtypes.

    Missing nullable columns are added as NA; a missing ``int64`` column or an unknown column raises,
    so a typo never passes silently. The input frame is not modified.
    """
    cols = TABLES[name]
    unknown = set(df.columns) - set(cols)
    if unknown:
        raise ValueError(f"table {name!r} has no column(s) {sorted(unknown)}; known: {list(cols)}")
    required = [c for c, t in cols.items() if t == INT and c not in df.columns]
    if required:
        raise ValueError(f"table {name!r} needs column(s) {required}")
    if _conformed(df, cols):  # a table conformed before (the pipeline writes what the extractors conformed)
        return df.copy(deep=False)
    out = {}
    for c, t in cols.items():
        if c in df.columns:
            s = df[c]
            if t == UTC:
                s = pd.to_datetime(s, utc=True)
            elif t == DAY:
                s = pd.to_datetime(s).astype(DAY) if len(s) else s.astype(DAY)
            elif t != "object":
                s = s.astype(t)
            out[c] = s.reset_index(drop=True)
        else:
            na = pd.NaT if t in (UTC, DAY) else None if t == "object" else pd.NA
            out[c] = pd.Series([na] * len(df), dtype=t if t != "object" else object)
    return pd.DataFrame(out, columns=list(cols))


def _conformed(df: pd.DataFrame, cols: dict[str, str]) -> bool:
    """``df`` has exactly the columns ``cols``, in order, with their dtypes, and a 0..n-1 index."""
    idx = df.index
    return (
        list(df.columns) == list(cols)
        and all(str(dt) == t for dt, t in zip(df.dtypes, cols.values()))
        and isinstance(idx, pd.RangeIndex)
        and idx.start == 0
        and idx.step == 1
    )
