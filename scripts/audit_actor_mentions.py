"""Which codebook actors' counts may hold someone or something else: the audit of the twenty-third session.

usage: python scripts/audit_actor_mentions.py RESULTS_DIR [--top 30] [--examples 5] [--min 5] [--codebook FILE]
                                               [--types person,group]

RESULTS_DIR is what ``python -m analysis extract CORPUS --out RESULTS_DIR`` wrote (``mentions.parquet`` and
``articles.parquet``). For every codebook actor with a country (the codebook's ``country`` column; the project's
own country, Saudi Arabia, left out: its actors are everywhere), it counts the body-text mentions written as one word
(صالح، حماس، العثماني) and, of those, the ones **alone**: in an article that names nothing else of the actor's country
and holds no mention of the actor written in more than one word. A high share alone is where a one-word form is
likely a word or another person (صالح الأعمال "good deeds", بحماس شديد "with great enthusiasm", العصر العثماني "the
Ottoman era"): read the examples, then fix the form's rule in ``analysis/resources/actors_rules/ambiguous_forms.tsv``
or the codebook. Deterministic: actors by alone count, then id; examples in article and offset order. Countries and
places are left out by default (``--types``): a country named once in an article is alone by this measure and most
often right; with them the list starts with the big countries. Persons and groups only by default: foreign companies
and media (نوكيا، رويترز، تويتر) are alone in most articles and right.

The share alone is a pointer, not a verdict: a leader named by his surname in a short item with no other actor of his
country is counted alone although right.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.actors import load_codebook

HOME_COUNTRY = "country:sa"


def audit(mentions: pd.DataFrame, articles: pd.DataFrame, country_of: dict[str, str], *, examples: int = 5,
          context: int = 45, types: tuple[str, ...] = ("person", "group")) -> pd.DataFrame:
    """One row per codebook actor with a country (not ``HOME_COUNTRY``) and a one-word body-text mention:
    ``actor_id, label_en, mentions, one_word, alone, share_alone, examples`` (``examples``: up to ``examples`` contexts
    of mentions alone, the mention in [[ ]]), sorted by ``alone`` (descending), then ``actor_id``; actors of the
    actor types ``types`` only."""
    m = mentions[(mentions["field"] == "text") & ~mentions["actor_id"].str.startswith("discovered:")].copy()
    m["country"] = [country_of.get(a) or (a if a.startswith("country:") else None) for a in m["actor_id"]]
    one_word = ~m["surface"].str.strip().str.contains(" ")
    # per article: the countries named (by any actor of them), and the actors named in more than one word
    named = {}
    for aid, c, x in zip(m["article_id"], m["country"], m["actor_id"]):
        if c:
            named.setdefault(aid, {}).setdefault(c, set()).add(x)
    multi = set(zip(m.loc[~one_word, "article_id"], m.loc[~one_word, "actor_id"]))
    text_of = dict(zip(articles["article_id"], articles["text"]))
    cand = m[one_word & m["country"].notna() & (m["country"] != HOME_COUNTRY) & m["actor_type"].isin(types)]
    rows = {}
    for r in cand.sort_values(["article_id", "start"]).itertuples():
        row = rows.setdefault(r.actor_id, {"actor_id": r.actor_id, "label_en": r.label_en, "one_word": 0, "alone": 0,
                                           "examples": []})
        row["one_word"] += 1
        others = named.get(r.article_id, {}).get(r.country, set()) - {r.actor_id}
        if others or (r.article_id, r.actor_id) in multi:
            continue
        row["alone"] += 1
        if len(row["examples"]) < examples:
            t = text_of.get(r.article_id) or ""
            row["examples"].append(f"{t[max(0, r.start - context):r.start]}[[{r.surface}]]{t[r.end:r.end + context]}"
                                   .replace("\n", " "))
    if not rows:
        return pd.DataFrame(columns=["actor_id", "label_en", "mentions", "one_word", "alone", "share_alone", "examples"])
    out = pd.DataFrame(list(rows.values()))
    out["mentions"] = out["actor_id"].map(m["actor_id"].value_counts())
    out["share_alone"] = (out["alone"] / out["one_word"]).round(3)
    out = out.sort_values(["alone", "actor_id"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out[["actor_id", "label_en", "mentions", "one_word", "alone", "share_alone", "examples"]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", type=Path, help="the --out folder of `python -m analysis extract`")
    ap.add_argument("--top", type=int, default=30, help="actors to print (by mentions alone)")
    ap.add_argument("--examples", type=int, default=5, help="contexts printed per actor")
    ap.add_argument("--min", type=int, default=5, help="leave out actors with fewer mentions alone")
    ap.add_argument("--codebook", type=Path, default=None, help="a user codebook CSV, as extract's --codebook")
    ap.add_argument("--types", default="person,group", help="actor types to audit (comma-separated)")
    args = ap.parse_args()
    for name in ("mentions.parquet", "articles.parquet"):
        if not (args.results / name).exists():
            sys.exit(f"{args.results / name}: not found; run `python -m analysis extract CORPUS --out {args.results}` first")
    cb = load_codebook(args.codebook) if args.codebook else load_codebook()
    country_of = {a: c for a, c in zip(cb.actors["actor_id"], cb.actors["country"]) if isinstance(c, str) and c}
    table = audit(pd.read_parquet(args.results / "mentions.parquet"), pd.read_parquet(args.results / "articles.parquet"),
                  country_of, examples=args.examples, types=tuple(args.types.split(",")))
    table = table[table["alone"] >= args.min].head(args.top)
    for r in table.itertuples():
        print(f"{r.alone:6d} of {r.one_word:6d} one-word mentions alone ({r.share_alone:.0%})  {r.actor_id}  {r.label_en}")
        for ex in r.examples:
            print(f"         {ex}")
    print(f"{len(table)} actors shown")


if __name__ == "__main__":
    main()
