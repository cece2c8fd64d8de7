"""Held-out folds of the ANERcorp TRAINING split: how a rule is chosen without reading the test split.

usage: .venv/bin/python scripts/eval_anercorp_folds.py [--folds 0,30,60,85] [--errors DIR]

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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_train_first125305.txt"
TYPE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}
DERIVED = ("given_names_anercorp.txt", "common_words_anercorp.txt", "entities_anercorp.tsv",
           "person_tokens_anercorp.txt", "person_triggers_anercorp.txt")
CACHE = Path(tempfile.gettempdir()) / "anercorp_fold_lists"


def sentences() -> list[list[tuple[str, str]]]:
    """The training split as sentences, cut after every "." token."""
    sents, cur = [], []
    for line in TRAIN.read_text(encoding="utf-8").splitlines():
        tok, _, lab = line.rpartition(" ")
        if not tok.strip():
            continue
        cur.append((tok.strip(), lab.strip()))
        if tok.strip() == ".":
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def fold_range(n: int, start: int) -> tuple[int, int]:
    return int(n * start / 100), int(n * min(start + 15, 100) / 100)


def derived_lists(start: int) -> Path:
    """The derived lists built without the fold (cached per fold and build-script version)."""
    key = hashlib.sha1((ROOT / "scripts" / "build_actor_rules.py").read_bytes()).hexdigest()[:10]
    out = CACHE / f"{key}_{start}"
    if all((out / f).exists() for f in DERIVED):
        return out
    out.mkdir(parents=True, exist_ok=True)
    sents = sentences()
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


def score(start: int, errors: str) -> None:
    """Run inside the package copy: score the fold, print one line, write errors if asked."""
    import pandas as pd

    from analysis.actors import extract_mentions, load_codebook
    from eval_anercorp import documents  # the same protocol (this script's folder is on sys.path)

    sents = sentences()
    a, b = fold_range(len(sents), start)
    sents = sents[a:b]
    docs, gold = documents(sents)
    m = extract_mentions(pd.DataFrame(docs), codebook=load_codebook())
    m = m[~m["match_kind"].isin(["nisba", "title"])]
    c, fps, fns = Counter(), [], []
    by_doc = {aid: g for aid, g in m.groupby("article_id")}
    for aid, (toks, text, ents) in gold.items():
        for t, _ in ents:
            c[("gold", t)] += 1
        gset = set(ents)
        rows = by_doc.get(aid)
        covered: set[int] = set()
        for row in ([] if rows is None else rows.itertuples()):
            typ = TYPE.get(row.actor_type)
            cover = frozenset(i for i, (x, y) in enumerate(toks) if x < row.end and row.start < y)
            covered |= cover
            c[("pred", typ)] += 1
            if (typ, cover) in gset:
                c[("tp", typ)] += 1
                gset.discard((typ, cover))
            else:
                ctx = " ".join(text[toks[i][0] : toks[i][1]] for i in range(max(0, min(cover) - 4), min(len(toks), max(cover) + 5)))
                gold_tok = any(not ix.isdisjoint(cover) for _, ix in ents)
                fps.append(f"FP {typ}{' (overlap)' if gold_tok else ''}\t{row.surface}\t{row.match_kind}\t{row.actor_id}\t{ctx}")
        for t, ix in sorted(gset, key=lambda e: min(e[1])):
            ctx = " ".join(text[toks[i][0] : toks[i][1]] for i in range(max(0, min(ix) - 4), min(len(toks), max(ix) + 5)))
            fns.append(f"FN {t}{'' if covered.isdisjoint(ix) else ' (overlap)'}\t{' '.join(text[toks[i][0] : toks[i][1]] for i in sorted(ix))}\t{ctx}")
    parts, tot = [], Counter()
    for t in ("PERS", "LOC", "ORG"):
        tp, pr, go = c[("tp", t)], c[("pred", t)], c[("gold", t)]
        p, r = tp / pr if pr else 0, tp / go if go else 0
        parts.append(f"{t} {2 * p * r / (p + r) if p + r else 0:.3f}")
        for k in ("tp", "pred", "gold"):
            tot[k] += c[(k, t)]
    p, r = tot["tp"] / tot["pred"], tot["tp"] / tot["gold"]
    print(f"fold {start:>2}-{start + 15}%: F1 {2 * p * r / (p + r):.3f} (P {p:.3f} R {r:.3f}; {', '.join(parts)})")
    if errors:
        Path(errors).mkdir(parents=True, exist_ok=True)
        Path(errors, f"fold{start}.txt").write_text("\n".join(sorted(fps) + fns) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default="0,30,60,85", help="start percentages of 15%% folds")
    ap.add_argument("--errors", default="", help="folder to write each fold's errors to")
    ap.add_argument("--_score", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._score is not None:
        score(args._score, args.errors)
        return
    for start in (int(x) for x in args.folds.split(",")):
        lists = derived_lists(start)
        with tempfile.TemporaryDirectory() as tmp:
            package_copy(lists, Path(tmp))
            subprocess.run([sys.executable, __file__, "--_score", str(start), "--errors", args.errors], check=True,
                           env={**os.environ, "PYTHONPATH": tmp}, cwd=tmp)


if __name__ == "__main__":
    main()
