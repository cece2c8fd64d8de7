"""Agreement of two annotations of the same blind sets (actor mentions in the body text), matched the way
``../shared/eval/score.py`` matches a system to its gold (``evalcore.place`` + ``evalcore.match``: one-to-one overlap).

usage: python data/eval/blind_sets/agreement.py INPUT_DIR SET ... --second DIR [--eval ../shared/eval]

INPUT_DIR holds the sets' folders with their ``input.jsonl`` (the texts; ``make_sets.py`` writes them again from the
seed: the sets 174-181 are seed 196, first set 174). Each SET's first annotation is this folder's ``SET/gold.jsonl``,
its second ``DIR/SET<suffix>/gold.jsonl`` (``agreement/`` holds ``setNNb``, a second annotator, and ``setNNr``, a
review of the first one against CONVENTIONS.md). Prints P and R of the second measured against the first.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input_dir")
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--second", default=str(HERE / "agreement"))
    ap.add_argument("--suffix", default="b", help="b: the second annotator; r: the review")
    ap.add_argument("--eval", default=str(HERE.parents[2].parent / "shared" / "eval"))
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    from evalcore import match, place

    n_a = n_b = n_m = 0
    for s in args.sets:
        inp = {json.loads(x)["gold_id"]: json.loads(x) for x in open(Path(args.input_dir) / s / "input.jsonl", encoding="utf-8")}
        a = {json.loads(x)["gold_id"]: json.loads(x) for x in open(HERE / s / "gold.jsonl", encoding="utf-8")}
        b = {json.loads(x)["gold_id"]: json.loads(x) for x in open(Path(args.second) / (s + args.suffix) / "gold.jsonl",
                                                                  encoding="utf-8")}
        for gid, rec in inp.items():
            sa = [x["surface"] for x in a[gid]["actors"] if x.get("in", "content") == "content"]
            sb = [x["surface"] for x in b[gid]["actors"] if x.get("in", "content") == "content"]
            pa = [p or (-10, -9) for p in place(rec["content"], sa)]
            pb = [p or (-20, -19) for p in place(rec["content"], sb)]
            n_a, n_b, n_m = n_a + len(sa), n_b + len(sb), n_m + len(match(pa, pb))
    print(f"first {n_a}, second {n_b}, matched {n_m}: P {n_m / n_b:.3f} R {n_m / n_a:.3f} F1 {2 * n_m / (n_a + n_b):.3f}")


if __name__ == "__main__":
    main()
