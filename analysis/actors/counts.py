"""Counts, co-occurrence, discovery candidates and a keyword-in-context view over the mentions table.

All functions are pure: they take the ``mentions`` and ``articles`` tables (``analysis.schema``) and return
new frames (or a Styler for display); nothing is modified.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from analysis.normalize import split_sentences

UNITS = ("article", "source", "day", "week")
_LABELS = ["actor_id", "label_ar", "label_en", "actor_type"]


def _local_days(articles: pd.DataFrame) -> pd.Series:
    """Local calendar day of publication (``published`` in UTC converted to the article's ``timezone``)."""
    pub = pd.to_datetime(articles["published"], utc=True) if "published" in articles else pd.Series(pd.NaT, index=articles.index)
    tz = articles["timezone"] if "timezone" in articles else pd.Series("UTC", index=articles.index)
    out = pd.Series(pd.NaT, index=articles.index, dtype="datetime64[s]")
    for zone in pd.unique(tz.fillna("UTC")):
        sel = tz.fillna("UTC") == zone
        try:
            local = pub[sel].dt.tz_convert(zone)
        except (KeyError, ValueError, TypeError):  # an unknown zone: UTC rather than a guess
            local = pub[sel]
        out[sel] = local.dt.tz_localize(None).dt.floor("D").astype("datetime64[s]")
    return out


def _filtered(mentions: pd.DataFrame, articles: pd.DataFrame | None, fields, include_duplicates: bool) -> pd.DataFrame:
    m = mentions[mentions["field"].isin(list(fields))]
    if articles is not None and not include_duplicates and "duplicate_of" in articles:
        dup = set(articles.loc[articles["duplicate_of"].notna(), "article_id"].astype(str))
        if dup:
            m = m[~m["article_id"].astype(str).isin(dup)]
    return m


def count_mentions(
    mentions: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    by: tuple[str, ...] = ("actor",),
    fields: tuple[str, ...] = ("text",),
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """Mentions per actor, optionally per article / source / day / week.

    mentions            the mentions table
    articles            the articles table (needed for source, day, week and to drop duplicate articles)
    by                  ("actor",) or ("actor", unit) with unit one of "article", "source", "day", "week"
                        (day and week are local calendar days of publication; a week starts on Monday)
    fields              which fields to count: ("text",) by default, ("title", "text") for both
    include_duplicates  count articles whose text repeats an earlier article (``duplicate_of`` set)
    Returns columns actor_id, label_ar, label_en, actor_type, [unit], mentions, articles — sorted by
    mentions (descending), then actor_id.

    >>> m = pd.DataFrame({"article_id": ["a", "a", "b"], "field": ["text"] * 3, "actor_id": ["country:eg"] * 3,
    ...                   "label_ar": ["مصر"] * 3, "label_en": ["Egypt"] * 3, "actor_type": ["country"] * 3})
    >>> count_mentions(m)[["actor_id", "mentions", "articles"]].values.tolist()
    [['country:eg', 3, 2]]
    """
    units = [u for u in by if u != "actor"]
    if "actor" not in by or len(units) > 1 or any(u not in UNITS for u in units):
        raise ValueError(f"by must be ('actor',) or ('actor', unit) with unit in {UNITS}; got {by!r}")
    m = _filtered(mentions, articles, fields, include_duplicates)
    keys = list(_LABELS)
    if units:
        unit = units[0]
        if unit != "article":
            if articles is None:
                raise ValueError(f"counting by {unit!r} needs the articles table")
            a = articles[["article_id"]].astype({"article_id": "string"}).copy()
            if unit == "source":
                a["source"] = articles["source"].values
            else:
                days = _local_days(articles)
                a[unit] = days.values if unit == "day" else (days - pd.to_timedelta(days.dt.dayofweek, unit="D")).values
            m = m.astype({"article_id": "string"}).merge(a, on="article_id", how="left")
        keys.append(unit)
    g = m.groupby(keys, dropna=False, sort=False)
    out = g.size().rename("mentions").to_frame()
    out["articles"] = g["article_id"].nunique()
    out = out.reset_index().sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True).astype({"mentions": "int64", "articles": "int64"})


def cooccurrence(mentions: pd.DataFrame, *, level: str = "sentence", min_count: int = 1, fields: tuple[str, ...] = ("text",)) -> pd.DataFrame:
    """Pairs of actors named in the same sentence (``level="sentence"``) or article (``"article"``).

    Returns columns actor_a, actor_b (actor_a < actor_b), label_a, label_b, type_a, type_b, count (the number
    of sentences or articles where both occur), sorted by count (descending); pairs below ``min_count`` dropped.
    """
    if level not in ("sentence", "article"):
        raise ValueError("level must be 'sentence' or 'article'")
    m = mentions[mentions["field"].isin(list(fields))]
    unit = ["article_id", "field", "sentence_index"] if level == "sentence" else ["article_id"]
    u = m[unit + ["actor_id"]].drop_duplicates()
    pairs = u.merge(u, on=unit, suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    cnt = pairs.groupby(["actor_id_a", "actor_id_b"]).size().rename("count").reset_index()
    cnt = cnt[cnt["count"] >= min_count].rename(columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})
    lab = mentions.drop_duplicates("actor_id").set_index("actor_id")
    cnt["label_a"] = cnt["actor_a"].map(lab["label_ar"])
    cnt["label_b"] = cnt["actor_b"].map(lab["label_ar"])
    cnt["type_a"] = cnt["actor_a"].map(lab["actor_type"])
    cnt["type_b"] = cnt["actor_b"].map(lab["actor_type"])
    cols = ["actor_a", "actor_b", "label_a", "label_b", "type_a", "type_b", "count"]
    out = cnt[cols].sort_values(["count", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)


# --- discovery candidates --------------------------------------------------------------------------

_TRANSLIT = dict(zip(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىءآأإؤئة",
    ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l",
     "m", "n", "h", "w", "y", "a", "", "a", "a", "i", "w", "y", "a"],
))
_PREFIX = {"person": "person", "organization": "org", "group": "group", "media": "media", "country": "country", "location": "location"}


def suggest_actor_id(name: str, actor_type: str) -> str:
    """A codebook id for a discovered name: ``<prefix>:<ASCII transliteration>``.

    >>> suggest_actor_id("خالد فوزي", "person")
    'person:khald_fwzy'
    """
    slug = "".join(_TRANSLIT.get(c, c if c.isascii() and c.isalnum() else "_" if c.isspace() else "") for c in name.lower())
    slug = re.sub(r"_+", "_", slug).strip("_") or "unnamed"
    return f"{_PREFIX.get(actor_type, 'person')}:{slug}"


def _sentence_text(articles_by_id: dict, article_id: str, field: str, index: int) -> str:
    row = articles_by_id.get(article_id)
    if row is None:
        return ""
    text = row.get(field)
    if not isinstance(text, str):
        return ""
    spans = split_sentences(text)
    if 0 <= index < len(spans):
        a, b = spans[index]
        return text[a:b]
    return ""


def first_name_only(mentions: pd.DataFrame) -> pd.Series:
    """True for the mentions of a discovered person named by a first name alone (discovered:محمد after الشيخ, a bare
    first name, a compound one: عبد الله): one id for every Mohammed of the corpus, not one person. A ranking
    (``count_mentions``, the top-actors chart, the co-occurrence network) usually leaves them out:
    ``mentions[~first_name_only(mentions)]``."""
    from analysis.actors.rules import load_rules

    given = load_rules().given_names
    label = mentions["label_ar"].astype("string").fillna("")
    return (mentions["actor_id"].astype("string").str.startswith("discovered:", na=False)
            & mentions["actor_type"].eq("person").fillna(False)
            & (label.isin(given) | label.str.replace(" ", "", regex=False).isin(given))).astype(bool)  # عبد الله


def discovery_candidates(mentions: pd.DataFrame, articles: pd.DataFrame, *, min_count: int = 1, examples: int = 3) -> pd.DataFrame:
    """Names the codebook lacks (match_kind "discovered"), to review and promote into a codebook CSV.

    Returns columns actor_id (the generated "discovered:…" id), label_ar, actor_type, count, articles,
    found_by ("rules": by the discovery rules' cues only; "tagger": only by the statistical gap filler, whose
    names have subtype "tagger" and are about one in three wrong, so review them first; "both"), examples (a list
    of up to ``examples`` sentences), suggested_actor_id (a codebook-style id), sorted by count (descending).
    Write the rows you keep as ``suggested_actor_id,label_ar,actor_type`` into your CSV (columns actor_id,
    label_ar, type) and pass it to ``load_codebook``.
    """
    d = mentions[mentions["match_kind"] == "discovered"]
    cols = ["actor_id", "label_ar", "actor_type", "count", "articles", "found_by", "examples", "suggested_actor_id"]
    if d.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    tagged = d["subtype"].eq("tagger") if "subtype" in d else pd.Series(False, index=d.index)
    g = d.assign(_tagged=tagged.fillna(False).astype(bool)).groupby("actor_id", sort=False)
    share = g["_tagged"].mean()
    out = pd.DataFrame({
        "label_ar": g["label_ar"].first(),
        "actor_type": g["actor_type"].agg(lambda s: s.mode().iloc[0]),
        "count": g.size(),
        "articles": g["article_id"].nunique(),
        "found_by": share.map(lambda x: "tagger" if x == 1 else "rules" if x == 0 else "both"),
    }).reset_index()
    out = out[out["count"] >= min_count].sort_values(["count", "actor_id"], ascending=[False, True], kind="stable")
    by_id = {str(r["article_id"]): r for r in articles.to_dict("records")}
    ex = []
    for aid in out["actor_id"]:
        rows = d[d["actor_id"] == aid].drop_duplicates(["article_id", "field", "sentence_index"]).head(examples)
        ex.append([_sentence_text(by_id, str(r.article_id), r.field, int(r.sentence_index)) for r in rows.itertuples()])
    out["examples"] = ex
    out["suggested_actor_id"] = [suggest_actor_id(str(n), str(t)) for n, t in zip(out["label_ar"], out["actor_type"])]
    return out[cols].reset_index(drop=True)


# --- keyword in context ----------------------------------------------------------------------------


def kwic_frame(mentions: pd.DataFrame, articles: pd.DataFrame, *, actor_id: str | None = None, width: int = 60,
               limit: int | None = 200) -> pd.DataFrame:
    """Each mention with ``width`` characters of context on each side (plain text).

    Returns columns article_id, source (when the articles have one), field, actor_id, label_ar, left,
    match, right (``left`` is the text before the mention in reading order).
    """
    m = mentions if actor_id is None else mentions[mentions["actor_id"] == actor_id]
    if limit is not None:
        m = m.head(limit)
    recs = articles.to_dict("records")
    texts = {(str(r["article_id"]), f): r.get(f) for r in recs for f in ("title", "text")}
    sources = {str(r["article_id"]): r.get("source") for r in recs}
    rows = []
    for r in m.itertuples():
        t = texts.get((str(r.article_id), r.field))
        if not isinstance(t, str):
            continue
        left = t[max(0, r.start - width) : r.start].replace("\n", " ")
        right = t[r.end : r.end + width].replace("\n", " ")
        rows.append((r.article_id, sources.get(str(r.article_id)), r.field, r.actor_id, r.label_ar, left, t[r.start : r.end], right))
    return pd.DataFrame(rows, columns=["article_id", "source", "field", "actor_id", "label_ar", "left", "match", "right"])


def kwic(mentions: pd.DataFrame, articles: pd.DataFrame, *, actor_id: str | None = None, width: int = 60,
         limit: int | None = 200):
    """Keyword in context for JupyterLab: a pandas Styler showing each mention in its context, right to left,
    with the mention highlighted. All text is HTML-escaped. ``.to_html()`` gives the HTML.
    """
    f = kwic_frame(mentions, articles, actor_id=actor_id, width=width, limit=limit)
    ctx = [
        f'<span dir="rtl">{html.escape(a)}<mark style="background:#ffe08a;font-weight:bold">{html.escape(b)}</mark>{html.escape(c)}</span>'
        for a, b, c in zip(f["left"], f["match"], f["right"])
    ]
    show = pd.DataFrame({"article_id": f["article_id"].map(lambda s: html.escape(str(s))),
                         "actor": f["label_ar"].map(lambda s: html.escape(str(s))), "context": ctx})
    st = show.style.format(escape=None).hide(axis="index")
    st = st.set_table_attributes('dir="rtl" class="kwic"')
    st = st.set_properties(subset=["context"], **{"text-align": "right", "direction": "rtl", "font-size": "110%"})
    return st
