"""Train the optional name tagger (analysis/actors/tagger.py) on the ANERcorp TRAINING split.

usage: .venv/bin/python scripts/train_tagger.py [--epochs 8] [--train ../shared/data/anercorp/ANERCorp_train_first125305.txt]

Writes analysis/resources/tagger/anercorp_perceptron.json.gz (averaged perceptron weights, pruned).
The test split (ANERCorp_test_last25008_conll.txt) is never read. The rule matcher's mentions on the
training text are features, so retrain after large codebook changes.
ANERcorp: Benajiba, Rosso & Benedí 2007; CAMeL Lab redistribution, CC BY-SA 4.0. The model is a derived work
under the same licence (see analysis/resources/tagger/README.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.actors.matcher import _batch_fields
from analysis.actors.rules import load_rules
from analysis.actors.tagger import MODEL_FILE, TAGS, gaps_of, spans_from_tags, token_features

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "analysis" / "resources" / "tagger" / MODEL_FILE
COARSE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}


def read_train(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences (split after ".") of (token, label); MISC is O here."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        tok, _, lab = line.rpartition(" ")
        tok = tok.strip()
        if not tok:
            continue
        lab = lab.strip()
        cur.append((tok, "O" if lab.endswith("MISC") else lab))
        if tok == ".":
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def rule_tags_for(fields, mentions: pd.DataFrame, doc_ids: list[str]) -> list[list[str]]:
    """B-/I-<TYPE> (NIS for nisba, TIT for titles) of the rule matcher's mentions, per token of each field."""
    out = []
    keep = (mentions["field"] == "text") & (mentions["match_kind"] != "discovered")  # codebook matches only
    by_doc = {k: g for k, g in mentions[keep].groupby("article_id")}
    for f, did in zip(fields, doc_ids):
        tokens = list(zip(f.starts, f.ends))
        tags = ["O"] * len(tokens)
        for r in by_doc.get(did, pd.DataFrame()).itertuples():
            a = f.nt.index_in_norm(r.start)
            b = f.nt.index_in_norm(r.end)
            typ = {"nisba": "NIS", "title": "TIT"}.get(r.match_kind, COARSE.get(r.actor_type, "ORG"))
            first = True
            for k, (s, e) in enumerate(tokens):
                if s < b and e > a:
                    tags[k] = ("B-" if first else "I-") + typ
                    first = False
        out.append(tags)
    return out


def build_examples(sents, *, docs_of: int = 20):
    """(words, gold tags, rule tags) per document of ``docs_of`` sentences, tokenised like the matcher."""
    docs, golds = [], []
    for d in range(0, len(sents), docs_of):
        text, spans = "", []
        for sent in sents[d : d + docs_of]:
            for tok, lab in sent:
                spans.append((len(text), len(text) + len(tok), lab))
                text += tok + " "
            text = text.rstrip(" ") + "\n"
        docs.append(text)
        golds.append(spans)
    ids = [f"d{i}" for i in range(len(docs))]
    mentions = extract_mentions(pd.DataFrame({"article_id": ids, "text": docs}), discover=True)
    fields, _ = _batch_fields(docs)
    rtags = rule_tags_for(fields, mentions, ids)
    out = []
    for f, spans, rt in zip(fields, golds, rtags):
        tokens = list(zip(f.starts, f.ends))
        words = [f.x[s:e] for s, e in tokens]
        gold = []
        prev_gold_tok = None
        for s, e in tokens:
            o = f.nt.span_in_original(s, e)[0]
            lab = "O"
            for k, (a, b, lb) in enumerate(spans):
                if a <= o < b:
                    lab = lb
                    if lb != "O" and prev_gold_tok == k:
                        lab = "I-" + lb[2:]  # a second word inside one ANERcorp token (د.ب.أ)
                    prev_gold_tok = k
                    break
            gold.append(lab if lab in TAGS else "O")
        out.append((words, gold, rt, gaps_of(f.norm, tokens)))
    return out


def train(examples, rules, *, epochs: int, seed: int = 0):
    w: dict = defaultdict(lambda: defaultdict(float))
    totals: dict = defaultdict(lambda: defaultdict(float))
    stamps: dict = defaultdict(lambda: defaultdict(int))
    step = 0
    feats_cache = [[token_features(words, i, rt, rules, gp) for i in range(len(words))] for words, _, rt, gp in examples]
    order = list(range(len(examples)))
    rnd = random.Random(seed)
    for ep in range(epochs):
        rnd.shuffle(order)
        errors = n = 0
        t0 = time.time()
        for ix in order:
            words, gold = examples[ix][0], examples[ix][1]
            prev = "O"
            for i in range(len(words)):
                feats = feats_cache[ix][i] + ["prev=" + prev]
                sc = dict.fromkeys(TAGS, 0.0)
                for ft in feats:
                    d = w.get(ft)
                    if d:
                        for t, v in d.items():
                            sc[t] += v
                guess = max(TAGS, key=lambda t: (sc[t], t == "O"))
                truth = gold[i]
                step += 1
                n += 1
                if guess != truth:
                    errors += 1
                    for ft in feats:
                        for t, delta in ((truth, 1.0), (guess, -1.0)):
                            totals[ft][t] += (step - stamps[ft][t]) * w[ft][t]
                            stamps[ft][t] = step
                            w[ft][t] += delta
                prev = truth  # teacher forcing on the previous tag
        print(f"epoch {ep + 1}: {errors / n:.4f} token errors ({time.time() - t0:.1f} s)")
    avg = {}
    for ft, d in w.items():
        row = {}
        for t, v in d.items():
            tot = totals[ft][t] + (step - stamps[ft][t]) * v
            a = round(tot / step, 3)
            if abs(a) >= 0.002:
                row[t] = a
        if row:
            avg[ft] = row
    return avg


def dev_f1(weights, examples, rules) -> float:
    """Entity-level F1 (exact token spans and type) of the tagger alone on held-out training documents."""
    from analysis.actors.tagger import Perceptron, tag_words

    model = Perceptron(weights)
    tp = npred = ngold = 0
    for words, gold, rt, gp in examples:
        pred = set(spans_from_tags(tag_words(model, words, rt, rules, gp)))
        g = set(spans_from_tags(gold))
        tp += len(pred & g)
        npred += len(pred)
        ngold += len(g)
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default=str(ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--dev", action="store_true", help="hold out the last 15%% of the TRAIN documents and report entity F1 on them")
    args = ap.parse_args()
    if "test" in Path(args.train).name.lower():
        raise SystemExit("refusing to train on a test split")
    load_codebook()
    rules = load_rules()
    sents = read_train(Path(args.train))
    examples = build_examples(sents)
    print(f"{len(examples)} documents, {sum(len(e[0]) for e in examples)} tokens")
    if args.dev:
        cut = int(len(examples) * 0.85)
        for ep in ([args.epochs] if args.epochs else [2, 4, 6, 8, 12]):
            wts = train(examples[:cut], rules, epochs=ep)
            print(f"dev entity F1 after {ep} epochs: {dev_f1(wts, examples[cut:], rules):.3f}")
        return
    weights = train(examples, rules, epochs=args.epochs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    meta = {"source": "ANERcorp training split (first 125,305 lines), CC BY-SA 4.0", "epochs": args.epochs, "tags": TAGS}
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": weights}, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB, {len(weights)} features)")


if __name__ == "__main__":
    main()
