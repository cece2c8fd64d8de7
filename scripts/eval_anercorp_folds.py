"""Held-out folds of the ANERcorp TRAINING split: how a rule is chosen without reading the test split.

usage: .venv/bin/python scripts/eval_anercorp_folds.py [--folds 0,30,60,85] [--errors DIR]
       [--tagger-model FILE [--tagger-margin M]]

For each fold (a start percentage; the fold is the next 15% of the training split's sentences, cut after every
"." token as ``eval_anercorp.py --train-tail`` cuts them), the ANERcorp-derived word lists are rebuilt by
``build_actor_rules.py`` from the training split WITHOUT that fold, into a temporary copy of the package (the
code and every other resource are symbolic links to this worktree, so code changes are seen at once), and the
fold is scored with the protocol of ``eval_anercorp.py`` (20 sentences to a document; nisba and title mentions
left out; exact token sets and types). ``--errors DIR`` writes each fold's false positives and negatives to
``DIR/fold<start>.txt``. The test split is never read.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from eval_anercorp import train_sentences  # the same sentences (this script's folder is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
DERIVED = ("given_names_anercorp.txt", "common_words_anercorp.txt", "entities_anercorp.tsv",
           "person_tokens_anercorp.txt", "person_triggers_anercorp.txt")
CACHE = Path(tempfile.gettempdir()) / "anercorp_fold_lists"


def fold_range(n: int, start: int) -> tuple[int, int]:
    return int(n * start / 100), int(n * min(start + 15, 100) / 100)


def derived_lists(start: int) -> Path:
    """The derived lists built without the fold (cached per fold and build-script version)."""
    key = hashlib.sha1((ROOT / "scripts" / "build_actor_rules.py").read_bytes()).hexdigest()[:10]
    out = CACHE / f"{key}_{start}"
    if all((out / f).exists() for f in DERIVED):
        return out
    out.mkdir(parents=True, exist_ok=True)
    sents = train_sentences()
    a, b = fold_range(len(sents), start)
    train = out / "train_minus_fold.txt"
    train.write_text("".join(f"{t} {lab}\n" for s in sents[:a] + sents[b:] for t, lab in s), encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_actor_rules.py"), "--train", str(train),
                    "--out", str(out), "--saudinewsnet", ""], check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   stdout=subprocess.DEVNULL)
    return out


def package_copy(lists: Path, dest: Path) -> None:
    """``dest/analysis``: symbolic links to this worktree's package, the derived lists replaced by ``lists``."""
    src = ROOT / "analysis"
    for d, dirs, files in os.walk(src):
        dirs[:] = [x for x in dirs if x != "__pycache__"]
        rel = Path(d).relative_to(src)
        (dest / "analysis" / rel).mkdir(parents=True, exist_ok=True)
        for f in files:
            target = dest / "analysis" / rel / f
            if rel == Path("resources/actors_rules") and f in DERIVED:
                shutil.copy(lists / f, target)
            else:
                target.symlink_to(Path(d) / f)


def score(start: int, errors: str, tagger: str = "", margin: float | None = None) -> None:
    """Run inside the package copy: score the fold, print one line, write errors if asked."""
    import pandas as pd

    from eval_anercorp import documents, entity_words, match_entities, precision_recall_f1

    from analysis.actors import extract_mentions, load_codebook

    sents = train_sentences()
    a, b = fold_range(len(sents), start)
    docs, gold = documents(sents[a:b])
    c, fps, fns = match_entities(gold, extract_mentions(pd.DataFrame(docs), codebook=load_codebook(),
                                                                tagger=tagger or False, tagger_margin=margin))
    parts = [f"{t} {precision_recall_f1(c, (t,))[2]:.3f}" for t in ("PERS", "LOC", "ORG")]
    p, r, f1 = precision_recall_f1(c, ("PERS", "LOC", "ORG"))
    print(f"fold {start:>2}-{start + 15}%: F1 {f1:.3f} (P {p:.3f} R {r:.3f}; {', '.join(parts)})")
    if errors:
        Path(errors).mkdir(parents=True, exist_ok=True)
        fp_lines, fn_lines = [], []
        for aid, row, typ, cover in fps:
            toks, text, ents = gold[aid]
            overlap = " (overlap)" if any(not ix.isdisjoint(cover) for _, ix in ents) else ""
            fp_lines.append(f"FP {typ}{overlap}\t{row.surface}\t{row.match_kind}\t{row.actor_id}\t"
                            f"{_context(toks, text, cover)}")
        for aid, typ, ix, overlapped in fns:
            toks, text, _ = gold[aid]
            overlap = " (overlap)" if overlapped else ""
            fn_lines.append(f"FN {typ}{overlap}\t{entity_words(gold[aid], ix)}\t{_context(toks, text, ix)}")
        Path(errors, f"fold{start}.txt").write_text("\n".join(sorted(fp_lines) + fn_lines) + "\n", encoding="utf-8")


def _context(toks: list, text: str, ix) -> str:
    """The words of token indices ``ix`` with four words either side."""
    return " ".join(text[toks[i][0] : toks[i][1]] for i in range(max(0, min(ix) - 4), min(len(toks), max(ix) + 5)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default="0,30,60,85", help="start percentages of 15%% folds")
    ap.add_argument("--errors", default="", help="folder to write each fold's errors to")
    ap.add_argument("--tagger-model", default="", help="also run this tagger model (a path; for a fair score, one "
                    "trained without the fold: train_tagger.py --hold-out START)")
    ap.add_argument("--tagger-margin", type=float, default=None, help="gap-filler margin of the tagger")
    ap.add_argument("--_score", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._score is not None:
        score(args._score, args.errors, args.tagger_model, args.tagger_margin)
        return
    extra = ["--tagger-model", str(Path(args.tagger_model).resolve())] if args.tagger_model else []
    extra += ["--tagger-margin", str(args.tagger_margin)] if args.tagger_margin is not None else []
    for start in (int(x) for x in args.folds.split(",")):
        lists = derived_lists(start)
        with tempfile.TemporaryDirectory() as tmp:
            package_copy(lists, Path(tmp))
            subprocess.run([sys.executable, __file__, "--_score", str(start), "--errors", args.errors, *extra], check=True,
                           env={**os.environ, "PYTHONPATH": tmp}, cwd=tmp)


if __name__ == "__main__":
    main()
