"""ANERcorp test-split PERS/LOC/ORG scores of ``analysis.actors.extract_mentions``, without running ``extract``.

usage: .venv/bin/python scripts/eval_anercorp.py [--no-discover] [--tagger] [--tagger-model FILE [--tagger-margin M]]
       [--errors N] [--train-tail]

Same protocol as ../shared/eval/score_anercorp.py (which runs ``python -m analysis extract``): sentences
grouped 20 to an article, tokens joined by spaces; nisba and title mentions left out; a prediction covers
the tokens it overlaps and matches an entity when it covers exactly its tokens with the same type
(person → PERS; country, location → LOC; organization, media, group → ORG). The test split is read for
evaluation only; nothing is learnt from it. To choose rules, score held-out folds of the training split with
``scripts/eval_anercorp_folds.py`` (the derived lists rebuilt without each fold).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
TRAIN = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_train_first125305.txt"
TYPE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}


def documents(sents: list[list[tuple[str, str]]]) -> tuple[list[dict], dict]:
    """The evaluation protocol: 20 sentences to a document, tokens joined by spaces. Returns the documents
    (``article_id``, ``text``) and, per document, ``(token offsets, text, [(type, frozenset of token indices)])``
    for the PERS, LOC and ORG entities."""
    docs, gold = [], {}
    for d in range(0, len(sents), 20):
        aid = f"aner{d // 20:03d}"
        text, toks, ents = "", [], []
        for sent in sents[d : d + 20]:
            cur = None
            for tok, lab in sent:
                start = len(text)
                text += tok
                toks.append((start, len(text)))
                text += " "
                ti = len(toks) - 1
                if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or cur[0] != lab[2:])):
                    cur = [lab[2:], [ti]]
                    ents.append(cur)
                elif lab.startswith("I-") and cur is not None:
                    cur[1].append(ti)
                else:
                    cur = None
            text = text.rstrip(" ") + "\n"
        docs.append({"article_id": aid, "text": text})
        gold[aid] = (toks, text, [(t, frozenset(ix)) for t, ix in ents if t in ("PERS", "LOC", "ORG")])
    return docs, gold


def train_sentences() -> list[list[tuple[str, str]]]:
    """The TRAINING split as sentences: the file has no sentence breaks, so it is cut after every "." token, as
    the test split was cut."""
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


def match_entities(gold: dict, mentions: pd.DataFrame) -> tuple[Counter, list, list]:
    """Score ``mentions`` against :func:`documents`' gold: counts ``("gold" | "pred" | "tp", type)``; the false
    positives as ``(article_id, row, type, covered token indices)``; the false negatives as ``(article_id, type,
    token indices, whether a prediction overlaps it)``. Nisba and title mentions are left out; a prediction
    covers the tokens it overlaps and matches an entity with exactly its tokens and type."""
    m = mentions[~mentions["match_kind"].isin(["nisba", "title"])]
    by_doc = {aid: g for aid, g in m.groupby("article_id")}
    c, fps, fns = Counter(), [], []
    for aid, (toks, _text, ents) in gold.items():
        for t, _ in ents:
            c[("gold", t)] += 1
        gset = set(ents)
        covered: set[int] = set()
        rows = by_doc.get(aid)
        for row in ([] if rows is None else rows.itertuples()):
            typ = TYPE.get(row.actor_type)
            cover = frozenset(i for i, (a, b) in enumerate(toks) if a < row.end and row.start < b)
            covered |= cover
            c[("pred", typ)] += 1
            if (typ, cover) in gset:
                c[("tp", typ)] += 1
                gset.discard((typ, cover))
            else:
                fps.append((aid, row, typ, cover))
        for t, ix in sorted(gset, key=lambda e: min(e[1])):
            fns.append((aid, t, ix, not covered.isdisjoint(ix)))
    return c, fps, fns


def precision_recall_f1(c: Counter, types: tuple[str, ...]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 over ``types`` from :func:`match_entities`' counts (0 where undefined)."""
    tp, pred, go = (sum(c[(k, t)] for t in types) for k in ("tp", "pred", "gold"))
    p, r = tp / pred if pred else 0, tp / go if go else 0
    return p, r, 2 * p * r / (p + r) if p + r else 0


def entity_words(doc: tuple, ix) -> str:
    """The words of token indices ``ix`` of a :func:`documents` gold entry."""
    toks, text, _ = doc
    return " ".join(text[toks[i][0] : toks[i][1]] for i in sorted(ix))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-discover", action="store_true")
    ap.add_argument("--tagger", action="store_true", help="also run the optional statistical tagger")
    ap.add_argument("--tagger-model", help="run this tagger model (a file in analysis/resources/tagger/ or a path)")
    ap.add_argument("--tagger-margin", type=float, default=None, help="its gap-filler margin (default: the model's own)")
    ap.add_argument("--errors", type=int, default=0, help="print this many false positives and negatives per type")
    ap.add_argument("--train-tail", action="store_true",
                    help="score the last 15%% of the TRAINING split instead of the test split, for error analysis (the "
                         "derived word lists saw it, so the figure is optimistic unless they are rebuilt without it: "
                         "build_actor_rules.py --train <first 85%%> --out <a copy of the package>; never tune on the test split)")
    args = ap.parse_args()
    sys.path.insert(0, str(EVAL))
    from score_anercorp import TEST, read_sentences  # the scorer's own reader

    from analysis.actors import extract_mentions, load_codebook

    if args.train_tail:
        sents = train_sentences()
        sents = sents[int(len(sents) * 0.85) :]
    else:
        sents = read_sentences(TEST)
    docs, gold = documents(sents)
    cb = load_codebook()
    t0 = time.perf_counter()
    tagger = args.tagger_model or args.tagger
    m = extract_mentions(pd.DataFrame(docs), codebook=cb, discover=not args.no_discover, tagger=tagger,
                         tagger_margin=args.tagger_margin)
    dt = time.perf_counter() - t0
    c, fps, fns = match_entities(gold, m)
    for t in ("PERS", "LOC", "ORG"):
        p, r, f1 = precision_recall_f1(c, (t,))
        counts = f"gold {c[('gold', t)]}, predicted {c[('pred', t)]}, matched {c[('tp', t)]}"
        print(f"{t} P={p:.3f} R={r:.3f} F1={f1:.3f} ({counts})")
    p, r, f1 = precision_recall_f1(c, ("PERS", "LOC", "ORG"))
    margin = "the model's" if args.tagger_margin is None else args.tagger_margin
    print(f"ANERcorp {'train tail' if args.train_tail else 'test'} PERS/LOC/ORG micro P={p:.3f} R={r:.3f} F1={f1:.3f} "
          f"(discover={not args.no_discover}, tagger={tagger}, margin={margin}; {len(docs)} documents in {dt:.2f} s)")
    if args.errors:
        for t in ("PERS", "LOC", "ORG"):
            wrong = [f"{row.surface} [{row.match_kind}]" for _, row, ty, _ in fps if ty == t]
            missed = [entity_words(gold[aid], ix) for aid, ty, ix, _ in fns if ty == t]
            print(f"-- {t} false positives:", "; ".join(wrong[: args.errors]))
            print(f"-- {t} false negatives:", "; ".join(missed[: args.errors]))


if __name__ == "__main__":
    main()
