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
    """tp, predicted and gold actor mentions of each sealed set, scored as ``score.py`` scores them
    (``cv_gold_tagger.article_matches``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from cv_gold_tagger import article_matches

    sealed = [s.strip() for s in (sets_dir / "sealed.txt").read_text(encoding="utf-8").splitlines()
              if s.strip() and not s.startswith("#")]
    mentions = pd.read_parquet(keep / "out" / "mentions.parquet")
    articles = pd.read_parquet(keep / "out" / "articles.parquet")
    found = set(articles["article_id"].astype(str))
    rows = []
    for name in sealed:
        gold_file = sets_dir / name / "gold.jsonl"
        if not gold_file.exists():
            continue
        gold = {}
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            gold[g["gold_id"]] = [x for x in g["actors"] if x.get("in", "content") == "content"]
        tp = n_pred = 0
        for _aid, _text, _items, _spans, pred, pairs in article_matches(
                articles, {k: v for k, v in gold.items() if k in found}, mentions):
            tp, n_pred = tp + len(pairs), n_pred + len(pred)
        rows.append((name, tp, n_pred, sum(map(len, gold.values()))))  # an article extract skipped: all its gold missed
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
