"""Aggregations of the attributions table for reports and charts: who is quoted, by whom, how anonymously.

Every function takes the attributions table (``analysis.schema.ATTRIBUTIONS``) and, where the outlet or the
date matters, the articles table (``source``, ``published``); it returns a new tidy frame and never modifies
its inputs. The charts in :mod:`analysis.plotting.attribution` draw these frames.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.attribution.lexicon import SOURCE_TYPES

#: Arabic display names of the source types (legends, tables).
SOURCE_TYPE_LABELS_AR = {
    "named_person": "شخص مسمّى",
    "official_body": "جهة رسمية",
    "news_agency": "وكالة أنباء",
    "media_outlet": "وسيلة إعلام",
    "anonymous": "مصدر مجهول",
    "unnamed_group": "جماعة غير مسمّاة",
    "document": "وثيقة",
}
#: source types whose speaker has a name (the "most quoted speakers" count these)
NAMED_TYPES = ("named_person", "official_body", "news_agency", "media_outlet")
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile('[“”«»"„]')


def with_articles(attributions: pd.DataFrame, articles: pd.DataFrame | None, *, columns=("source", "published")) -> pd.DataFrame:
    """The attributions with the articles' ``columns`` (outlet, publication time) joined on ``article_id``.

    Columns that are missing from ``articles`` are added as NA, so the result always has them.
    """
    out = attributions.copy()
    cols = [c for c in columns if c not in out.columns]
    if not cols:
        return out
    if articles is None or articles.empty:
        for c in cols:
            out[c] = pd.NA
        return out
    meta = articles.reindex(columns=["article_id", *cols]).drop_duplicates("article_id")
    meta = meta.assign(article_id=meta["article_id"].astype("string"))
    out = out.assign(article_id=out["article_id"].astype("string")).merge(meta, on="article_id", how="left")
    return out


def speaker_key(attributions: pd.DataFrame) -> pd.Series:
    """One key per resolved speaker: the actor id when the source is a known actor, else its cleaned Arabic
    label; "" for an anaphoric cue whose speaker was not found (its label is empty).

    >>> speaker_key(pd.DataFrame({"source_actor_id": [pd.NA, "person:x", pd.NA], "source_label": ["“السيسي” ", "y", ""]})).tolist()
    ['السيسي', 'person:x', '']
    """
    label = attributions["source_label"].astype("string").fillna("")
    label = label.str.replace(_QUOTES, "", regex=True).str.replace(_SPACES, " ", regex=True).str.strip()
    actor = attributions["source_actor_id"].astype("string")
    return actor.where(actor.notna() & (actor.str.len() > 0), label).astype("string")


def source_type_table(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, by: str = "source",
                      shares: bool = True, fields: tuple[str, ...] = ("text",)) -> pd.DataFrame:
    """Attributions per ``by`` (default: outlet) and source type: one row per ``by`` value, one column per type
    (in ``SOURCE_TYPES`` order, all present), cells the share of that row's attributions (``shares=True``)
    or counts; a ``total`` column holds the row's number of attributions. Rows sorted by total, largest first.
    """
    df = _rows(attributions, articles, fields, by)
    table = pd.crosstab(df[by].fillna("؟"), df["source_type"]).reindex(columns=list(SOURCE_TYPES), fill_value=0)
    total = table.sum(axis=1)
    if shares:
        table = table.div(total.where(total > 0, 1), axis=0)
    table = table.assign(total=total)
    order = sorted(table.index, key=lambda k: (-table.loc[k, "total"], str(k)))
    table = table.loc[order]
    table.index.name = by
    table.columns.name = None
    return table


def anonymous_share(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, by: str | None = "source",
                    freq: str | None = None, types: tuple[str, ...] = ("anonymous",), tz: str | None = None,
                    fields: tuple[str, ...] = ("text",)) -> pd.DataFrame:
    """The share of attributions whose source is anonymous (``types``), per ``by`` and/or per period.

    freq  None (one row per ``by``), or "D" / "W" / "M": periods of the publication time (converted to ``tz``
          when given, e.g. "Asia/Riyadh"); rows without a publication time are left out then.
    Out: columns [by], [period (Timestamp at the period start)], n (attributions), n_anonymous, share.
    """
    df = _rows(attributions, articles, fields, by if by else None, with_date=freq is not None)
    keys: list[str] = [by] if by else []
    if freq is not None:
        when = pd.to_datetime(df["published"], utc=True)
        when = when.dt.tz_convert(tz) if tz else when
        when = when.dt.tz_localize(None)
        df = df.assign(period=when.dt.to_period({"W": "W-SUN"}.get(freq, freq)).dt.start_time).dropna(subset=["period"])
        keys.append("period")
    df = df.assign(_anon=df["source_type"].isin(types).astype(int))
    if not keys:
        n, k = len(df), int(df["_anon"].sum())
        return pd.DataFrame({"n": [n], "n_anonymous": [k], "share": [k / n if n else float("nan")]})
    out = df.groupby(keys, dropna=False).agg(n=("_anon", "size"), n_anonymous=("_anon", "sum")).reset_index()
    out["share"] = out["n_anonymous"] / out["n"]
    return out.sort_values(keys, kind="mergesort").reset_index(drop=True)


def speaker_counts(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *, types: tuple[str, ...] = NAMED_TYPES,
                   by: str | None = None, fields: tuple[str, ...] = ("text",)) -> pd.DataFrame:
    """How often each resolved speaker is quoted (anaphoric cues count for the speaker they resolve to).

    Out: columns [by], speaker (actor id or label), label (Arabic), label_en, source_type (the most frequent),
    n (attributions), articles (distinct articles); sorted by n, largest first, ties by label.
    """
    df = _rows(attributions, articles, fields, by)
    df = df[df["source_type"].isin(types)]
    df = df.assign(speaker=speaker_key(df))
    df = df[df["speaker"].str.len() > 0]
    label = df["source_label"].astype("string").fillna("").str.replace(_QUOTES, "", regex=True).str.strip()
    df = df.assign(label=label.where(label.str.len() > 0, df["speaker"]))
    keys = ([by] if by else []) + ["speaker"]
    if df.empty:
        return pd.DataFrame(columns=keys + ["label", "label_en", "source_type", "n", "articles"])
    g = df.groupby(keys, dropna=False)
    out = g.agg(n=("speaker", "size"), articles=("article_id", "nunique")).reset_index()
    first = df.groupby(keys, dropna=False).agg(
        label=("label", lambda s: s.value_counts().index[0]),
        label_en=("source_label_en", lambda s: next((x for x in s if isinstance(x, str) and x), "")),
        source_type=("source_type", lambda s: s.value_counts().index[0]),
    ).reset_index()
    out = out.merge(first, on=keys)
    out = out.sort_values(["n", "label"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return out[keys + ["label", "label_en", "source_type", "n", "articles"]]


def outlet_speaker_table(attributions: pd.DataFrame, articles: pd.DataFrame, *, top_n: int = 15, by: str = "source",
                         types: tuple[str, ...] = NAMED_TYPES, fields: tuple[str, ...] = ("text",)) -> pd.DataFrame:
    """Attributions per outlet (``by``) and speaker for the ``top_n`` speakers overall (long form).

    Out: columns [by], speaker, label, n — every outlet × top speaker pair, zeros included.
    """
    per = speaker_counts(attributions, articles, types=types, by=by, fields=fields)
    top = speaker_counts(attributions, articles, types=types, fields=fields).head(top_n)
    labels = dict(zip(top["speaker"], top["label"]))
    outlets = sorted(per[by].dropna().unique().tolist(), key=str) if len(per) else []
    grid = pd.MultiIndex.from_product([outlets, list(labels)], names=[by, "speaker"]).to_frame(index=False)
    out = grid.merge(per[[by, "speaker", "n"]], on=[by, "speaker"], how="left").fillna({"n": 0})
    out["n"] = out["n"].astype(int)
    out["label"] = out["speaker"].map(labels)
    return out[[by, "speaker", "label", "n"]]


def _rows(attributions: pd.DataFrame, articles: pd.DataFrame | None, fields, by: str | None, *, with_date: bool = False) -> pd.DataFrame:
    df = attributions
    if fields:
        df = df[df["field"].isin(fields)]
    need = []
    if by and by not in df.columns:
        need.append(by)
    if with_date and "published" not in df.columns:
        need.append("published")
    if need:
        df = with_articles(df, articles, columns=tuple(need))
    return df
