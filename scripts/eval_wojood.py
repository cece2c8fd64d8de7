"""Span precision / recall / F1 of our date and duration expressions against Wojood's DATE entities.

usage: python scripts/eval_wojood.py FILE [FILE ...] [--types date,duration] [--show N]

FILE is a Wojood CoNLL file ("token TAG [TAG ...]", blank line between sentences, "$#$" a paragraph end;
nested layers in further columns). A DATE entity is a B-DATE token followed by I-DATE tokens in any tag
column. Each sentence is rebuilt by joining its tokens with single spaces and tagged with no publication
date (spans do not depend on it). Predictions are our expressions of the given types (default: date and
duration, as issue 5 asks). Gold and predicted spans are matched one-to-one by character overlap, largest
overlap first (the rule of shared/eval/evalcore.py). Tune on train.txt / val.txt; report test.txt only.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.timex import tag_timex


def read_sentences(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """(sentence text, gold DATE spans) per sentence."""
    out = []
    toks: list[list[str]] = []

    def flush() -> None:
        if not toks:
            return
        words = [t[0] for t in toks]
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        text = " ".join(words)
        spans = []
        layers = max(len(t) for t in toks) - 1
        for layer in range(1, layers + 1):
            cur = None
            for i, t in enumerate(toks):
                tag = t[layer] if layer < len(t) else "O"
                if tag == "B-DATE":
                    if cur:
                        spans.append(cur)
                    cur = [starts[i], starts[i] + len(t[0])]
                elif tag == "I-DATE" and cur:
                    cur[1] = starts[i] + len(t[0])
                else:
                    if cur:
                        spans.append(cur)
                    cur = None
            if cur:
                spans.append(cur)
        out.append((text, sorted({tuple(s) for s in spans})))
        toks.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                flush()
                continue
            if parts[0] == "$#$":
                continue
            toks.append(parts)
    flush()
    return out


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cands = sorted(((min(b, d) - max(a, c), i, j) for i, (a, b) in enumerate(gold) for j, (c, d) in enumerate(pred)
                    if min(b, d) - max(a, c) > 0), reverse=True)
    gi, pj, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
            pairs.append((i, j))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--types", default="date,duration", help="timex types counted as predictions")
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false positives")
    args = ap.parse_args()
    types = set(args.types.split(","))
    for path in args.files:
        tp = n_pred = n_gold = 0
        misses, fps = [], []
        for text, gold in read_sentences(path):
            pred = [(t.start, t.end) for t in tag_timex(text, anchor=None) if t.timex_type in types]
            pairs = match(list(gold), pred)
            tp += len(pairs)
            n_pred += len(pred)
            n_gold += len(gold)
            mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
            misses += [text[a:b] for i, (a, b) in enumerate(gold) if i not in mg]
            fps += [f"{text[a:b]}  <<  {text[max(0, a - 30):b + 20]}" for j, (a, b) in enumerate(pred) if j not in mp]
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        for m in misses[: args.show]:
            print("  miss:", m)
        for m in fps[: args.show]:
            print("  fp:  ", m)
        print(f"{path.name}: gold {n_gold}, predicted {n_pred}, matched {tp}; P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
