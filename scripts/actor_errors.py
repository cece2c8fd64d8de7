"""The actor-mention errors of the default ``extract`` on hand-annotated sets that may be read: what to fix next.

usage: .venv/bin/python scripts/actor_errors.py --sets data/eval/blind_sets/set62 ... --out errors.tsv
       [--no-gap-filler | --tagger-model FILE] [--top 30]

The loop by which the rules were improved (``analysis/resources/actors_rules/README.md``): run the configuration on
annotated articles, read its misses, change a rule, check the change over the whole corpus
(``benchmarks/check_same_mentions.py``). The sets are folders with ``gold.jsonl`` and ``refs.jsonl``
(``data/eval/blind_sets/``); a sealed (held-out) set is refused, as ``scripts/train_tagger.py`` refuses it: its errors
must never be read. Texts are loaded as ``../shared/eval/score.py`` loads them (the evaluation kit and the SaudiNewsNet
zips beside the repository), mentions found as ``extract --stages mentions`` finds them, and body-text mentions scored
as ``score.py`` scores them (gold surfaces placed by ``evalcore.place``, one-to-one overlap ``evalcore.match``).

Prints matched / predicted / gold with P and R, then the error categories by count: ``FN`` (a gold mention no
prediction matched) by overlap (``none``, or ``boundary``: a prediction overlaps it but was matched elsewhere or not at
all), gold type and gold ``via`` (name, alias, title, nisba, metonym); ``FP`` (a prediction no gold mention matched) by
overlap and ``match_kind``. Writes one row per error to ``--out`` (TSV: set/article, side, overlap, type, kind, surface,
what overlaps it, context). Note that the gap filler was trained on the sets of
``analysis/resources/tagger/gap_training_sets.txt``: its errors there are in-sample (use ``--no-gap-filler``, or a
model trained without the sets read, ``scripts/train_tagger.py --gold-sets <the others>``).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

COLUMNS = ["article_id", "side", "overlap", "type", "kind", "surface", "other", "context"]


def error_rows(aid: str, text: str, items: list[dict], spans: list[tuple[int, int] | None], pred: pd.DataFrame,
               pairs: list[tuple[int, int]], *, width: int = 40) -> list[dict]:
    """The errors of one article. ``items``: its gold actor mentions (``surface``, ``type``, ``via``) and ``spans``
    where the scorer placed them (None: not found in the text); ``pred``: its predicted body-text mentions (``start``,
    ``end``, ``match_kind``, ``actor_type``) in that order; ``pairs``: the matched (gold index, prediction index).
    Returns rows with the :data:`COLUMNS`: each unmatched gold mention (FN) and each unmatched prediction (FP)."""
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    ps = list(zip(pred["start"].astype(int), pred["end"].astype(int)))
    kinds = list(pred["match_kind"].astype(str))

    def context(a: int, b: int) -> str:
        return text[max(0, a - width) : b + width].replace("\n", " ")

    rows = []
    for i, (x, s) in enumerate(zip(items, spans)):
        if i in matched_gold:
            continue
        if s is None:
            rows.append(dict(article_id=aid, side="FN", overlap="not in text", type=x.get("type", ""),
                             kind=x.get("via", ""), surface=x["surface"], other="", context=""))
            continue
        over = [j for j, (a, b) in enumerate(ps) if a < s[1] and s[0] < b]
        rows.append(dict(article_id=aid, side="FN", overlap="boundary" if over else "none", type=x.get("type", ""),
                         kind=x.get("via", ""), surface=x["surface"],
                         other=" | ".join(f"{text[ps[j][0]:ps[j][1]]}/{kinds[j]}" for j in over), context=context(*s)))
    for j, (a, b) in enumerate(ps):
        if j in matched_pred:
            continue
        over = [i for i, s in enumerate(spans) if s is not None and a < s[1] and s[0] < b]
        rows.append(dict(article_id=aid, side="FP", overlap="boundary" if over else "none",
                         type=str(pred["actor_type"].iloc[j]), kind=kinds[j], surface=text[a:b],
                         other=" | ".join(items[i]["surface"] for i in over), context=context(a, b)))
    return rows


def categories(rows: pd.DataFrame) -> Counter:
    """Error counts by side, overlap, type (gold type for FN) and kind (gold via for FN, match_kind for FP)."""
    key = rows["side"] + " " + rows["overlap"] + " " + rows["type"].where(rows["side"] == "FN", "") + " " + rows["kind"]
    return Counter(" ".join(k.split()) for k in key)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", required=True, metavar="DIR", help="annotated sets (gold.jsonl, refs.jsonl)")
    ap.add_argument("--out", required=True, type=Path, help="TSV of the errors")
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--no-gap-filler", action="store_true", help="the rules alone (extract --no-gap-filler)")
    which.add_argument("--tagger-model", default="", help="this gap-filler model instead of the shipped one")
    ap.add_argument("--top", type=int, default=30, help="error categories to print")
    args = ap.parse_args()

    import cv_gold_tagger as cv  # the sets' articles loaded and scored as score.py does; refuses sealed sets

    from analysis.config import Settings
    from analysis.pipeline import extract_chunk

    try:
        articles, gold = cv.fold_articles([Path(d) for d in args.sets])
    except SystemExit as e:  # (train_tagger.check_gold_dir: a sealed set, or a folder without gold.jsonl/refs.jsonl)
        raise SystemExit(f"{e}; a held-out set's errors are never read: choose sets of "
                         "analysis/resources/tagger/gap_training_sets.txt or others not in sealed.txt") from None
    settings = Settings(stages=("mentions",))
    if args.no_gap_filler or args.tagger_model:
        settings = Settings(stages=("mentions",), tagger=args.tagger_model or False)
    print(f"{len(articles)} articles of {len(args.sets)} set(s); mentions with tagger={settings.tagger}", file=sys.stderr)
    mentions = extract_chunk(articles, settings)["mentions"]
    rows, tp, n_pred, n_gold = [], 0, 0, 0
    for aid, text, items, spans, pred, pairs in cv.article_matches(articles, gold, mentions):
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pred), n_gold + len(items)
        rows += error_rows(aid, text, items, spans, pred, pairs)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table.to_csv(args.out, sep="\t", index=False)
    print(f"matched {tp} of {n_pred} predicted, {n_gold} gold: P {tp / max(n_pred, 1):.4f} R {tp / max(n_gold, 1):.4f}")
    for name, count in categories(table).most_common(args.top):
        print(f"{count:6d}  {name}")
    print(f"{len(table)} errors written to {args.out}")


if __name__ == "__main__":
    main()
