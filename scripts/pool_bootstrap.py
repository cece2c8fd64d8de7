"""How likely a smaller held-out set is to miss the actor-mention target, from the pooled held-out sets' own spread.

usage: .venv/bin/python scripts/pool_bootstrap.py KEEP [--sets-dir data/eval/blind_sets] [--bar 0.9] [--draws 4000]
                                                  [--sizes 5 10 20 40] [--seed 0]

KEEP is the folder that ``../shared/eval/score.py --keep KEEP --gold G --refs R`` wrote when it scored the pool (the
``cat`` of the sets of ``sealed.txt``): its ``out/articles.parquet`` and ``out/mentions.parquet``. Each sealed set is
scored as ``score.py`` scores (gold surfaces placed by ``evalcore.place``, one-to-one overlap ``evalcore.match``, body
text only); then sets are drawn with replacement, N at a time, and a draw misses when its pooled precision or recall is
below the bar. Prints the pooled figures, the sets below the bar, the weakest sets by recall, and for each N the share
of draws that miss. Deterministic (``random.Random(seed)``). Needs the evaluation kit beside the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def per_set(keep: Path, sets_dir: Path) -> pd.DataFrame:
    """tp, predicted and gold actor mentions of each sealed set, scored as ``score.py`` scores them."""
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    from evalcore import match, place, text_field_rows

    sealed = [s.strip() for s in (sets_dir / "sealed.txt").read_text(encoding="utf-8").splitlines()
              if s.strip() and not s.startswith("#")]
    mentions = text_field_rows(pd.read_parquet(keep / "out" / "mentions.parquet"))
    articles = pd.read_parquet(keep / "out" / "articles.parquet")
    by_article = {str(a): g for a, g in mentions.groupby(mentions["article_id"].astype(str))}
    text = {str(a): t for a, t in zip(articles["article_id"], articles["text"])}
    rows = []
    for name in sealed:
        gold_file = sets_dir / name / "gold.jsonl"
        if not gold_file.exists():
            continue
        tp = n_pred = n_gold = 0
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            items = [x for x in g["actors"] if x.get("in", "content") == "content"]
            n_gold += len(items)
            if g["gold_id"] not in text:
                continue
            spans = [s if s else (-10, -9) for s in place(text[g["gold_id"]], [x["surface"] for x in items])]
            pred = by_article.get(g["gold_id"])
            pred_spans = [] if pred is None else [(int(a), int(b)) for a, b in zip(pred["start"], pred["end"])]
            tp += len(match(spans, pred_spans))
            n_pred += len(pred_spans)
        rows.append((name, tp, n_pred, n_gold))
    return pd.DataFrame(rows, columns=["set", "tp", "predicted", "gold"])


def miss_rate(df: pd.DataFrame, n: int, draws: int, bar: float, rng: random.Random) -> float:
    """Share of ``draws`` draws of ``n`` sets (with replacement) whose pooled P or R is below ``bar``."""
    tp, pred, gold = df["tp"].tolist(), df["predicted"].tolist(), df["gold"].tolist()
    missed = 0
    for _ in range(draws):
        pick = [rng.randrange(len(df)) for _ in range(n)]
        t, p, g = sum(tp[i] for i in pick), sum(pred[i] for i in pick), sum(gold[i] for i in pick)
        missed += t < bar * p or t < bar * g
    return missed / draws


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path)
    ap.add_argument("--sets-dir", type=Path, default=ROOT / "data" / "eval" / "blind_sets")
    ap.add_argument("--bar", type=float, default=0.9)
    ap.add_argument("--draws", type=int, default=4000)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40], help="sets per draw")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    df = per_set(args.keep, args.sets_dir)
    if df.empty:
        raise SystemExit(f"no sealed set with gold.jsonl under {args.sets_dir}")
    df["P"], df["R"] = df["tp"] / df["predicted"].clip(lower=1), df["tp"] / df["gold"].clip(lower=1)
    print(f"{len(df)} sets: pooled P {df.tp.sum() / df.predicted.sum():.3f} R {df.tp.sum() / df.gold.sum():.3f}; "
          f"sets with P < {args.bar}: {(df.P < args.bar).sum()}, with R < {args.bar}: {(df.R < args.bar).sum()}")
    print(df.sort_values("R").head(5).to_string(index=False, float_format="%.3f"))
    rng = random.Random(args.seed)
    for n in args.sizes:
        print(f"{n} sets per draw ({n * 10} articles): {miss_rate(df, n, args.draws, args.bar, rng):.3f} of draws miss a bar")


if __name__ == "__main__":
    main()
