"""Cross-validate, by set, a gap filler trained on hand-annotated gold sets (scripts/train_tagger.py --gold-sets).

usage: .venv/bin/python scripts/cv_gold_tagger.py --sets /work/blind_eval /work/blind_eval2 ... [--folds 4]
       [--scheme all|names] [--gold-weight K] [--rule-dropout P] [--epochs E] [--margins 0 2 5 10]
       [--no-anercorp] [--audit N] [--cache DIR]

The sets are dealt round-robin into ``--folds`` folds (fold k = sets k, k+folds, ...). For each fold a model is
trained on the ANERcorp TRAINING split plus the gold of the other folds (weighted ``--gold-weight`` times), and
the default ``extract_mentions`` (no tagger) and the same with that model as gap filler at each margin are run on
the fold's articles (texts loaded as ../shared/eval/score.py loads them, through ``load_corpus``). Body-text
mentions are scored as score.py scores them (gold surfaces placed by evalcore.place, one-to-one overlap
matching); the four folds are pooled. Prints pooled P/R/F1 per setting, the added mentions by type and whether
they overlap a gold mention, and ``--audit N`` added mentions in context. Held-out sets are refused
(train_tagger.check_gold_dir). The ANERcorp examples and each set's examples are cached in ``--cache``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT.parent / "shared/eval"))

import train_tagger as tt
from evalcore import match, place, prf

from analysis.actors import extract_mentions, load_codebook
from analysis.actors.rules import load_rules
from analysis.corpus import load_corpus


def cached(path: Path, make):
    if path.is_file():
        return pickle.loads(path.read_bytes())
    value = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def fold_articles(dirs: list[Path]) -> tuple[pd.DataFrame, dict[str, list[dict]]]:
    """The articles frame of the sets (ids "<set>/<gold_id>", as extract loads them) and their gold actors."""
    rows, gold = [], {}
    for name, arts, g in map(tt.read_gold_set, dirs):
        for gid, a in sorted(arts.items()):
            aid = f"{name}/{gid}"
            rows.append({"id": aid, "source": a["source"], "published": a["date_extracted"], "title": a["title"],
                         "url": a["url"], "text": a["content"]})
            gold[aid] = g.get(gid, [])
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "corpus.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        articles = load_corpus(p).articles
    return articles, gold


def article_matches(articles: pd.DataFrame, gold: dict[str, list[dict]], mentions: pd.DataFrame):
    """Per article of ``gold`` (in id order), as score.py scores it: ``(article id, text, gold items, where
    evalcore.place put them (None: not found), the article's body-text mentions, the matched (gold index, mention
    index) pairs of evalcore.match)``."""
    text_of = dict(zip(articles["article_id"].astype(str), articles["text"]))
    m = mentions[mentions["field"] == "text"]
    by = {k: g for k, g in m.groupby(m["article_id"].astype(str))}
    for aid in sorted(gold):
        items = gold[aid]
        spans = place(text_of[aid], [x["surface"] for x in items])
        pr = by.get(aid, m.iloc[:0])
        ps = [(int(a), int(b)) for a, b in zip(pr["start"], pr["end"])]
        yield aid, text_of[aid], items, spans, pr, match([s if s else (-10, -9) for s in spans], ps)


def score(articles: pd.DataFrame, gold: dict[str, list[dict]], mentions: pd.DataFrame):
    """(tp, n_pred, n_gold, per-mention flag "overlaps a gold span" keyed by (article, start, end))."""
    tp = npred = ngold = 0
    hit = {}
    for aid, _text, items, spans, pr, pairs in article_matches(articles, gold, mentions):
        gs = [s if s else (-10, -9) for s in spans]
        ps = [(int(a), int(b)) for a, b in zip(pr["start"], pr["end"])]
        tp += len(pairs)
        npred += len(ps)
        ngold += len(items)
        for a, b in ps:
            hit[(aid, a, b)] = next((items[i]["type"] for i, (c, d) in enumerate(gs) if min(b, d) > max(a, c)), None)
    return tp, npred, ngold, hit


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="+", required=True)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--scheme", default="all", choices=["all", "names"])
    ap.add_argument("--gold-weight", type=int, default=1)
    ap.add_argument("--rule-dropout", type=float, default=0.0)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--no-anercorp", action="store_true")
    ap.add_argument("--margins", type=float, nargs="+", default=[0.0, 2.0, 5.0, 10.0])
    ap.add_argument("--audit", type=int, default=0)
    ap.add_argument("--in-sample", action="store_true",
                    help="sanity check: train on every set, the held fold included (an upper bound, not a measurement)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "gold_cv_cache"))
    args = ap.parse_args()
    sets = [tt.check_gold_dir(d) for d in args.sets]
    cache = Path(args.cache)
    load_codebook()
    rules = load_rules()
    aner = [] if args.no_anercorp else cached(cache / "anercorp.pkl", lambda: tt.build_examples(tt.read_train(Path(
        ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt"))))
    per_set = {d: cached(cache / f"gold_{d.name}_{args.scheme}.pkl",
                         lambda d=d: tt.gold_examples(tt.gold_articles([d]), scheme=args.scheme)) for d in sets}
    models = Path(tempfile.mkdtemp(prefix="gold_cv_models_"))  # this run's fold models
    folds = [sets[k :: args.folds] for k in range(args.folds)]
    settings = ["default"] + [f"margin {m:g}" for m in args.margins]
    tot = {s: [0, 0, 0] for s in settings}
    added = {s: Counter() for s in settings[1:]}
    audit = []
    for k, held in enumerate(folds):
        train_gold = [e for d in sets if args.in_sample or d not in held for e in per_set[d]]
        rnd = random.Random(1)
        ex = [(w, g, tt.drop_rule_tags(rt, rnd, args.rule_dropout), gp) for w, g, rt, gp in aner + train_gold * args.gold_weight]
        print(f"fold {k + 1}: held {[d.name for d in held]}; training on {len(ex)} sequences", flush=True)
        weights = tt.train(ex, rules, epochs=args.epochs)
        model = models / f"model_fold{k + 1}.json.gz"
        with gzip.open(model, "wt", encoding="utf-8") as fh:
            json.dump({"meta": {}, "weights": weights}, fh, ensure_ascii=False, separators=(",", ":"))
        from analysis.actors.tagger import load_tagger
        load_tagger.cache_clear()
        articles, gold = fold_articles(held)
        base = extract_mentions(articles)
        r = score(articles, gold, base)
        for i in range(3):
            tot["default"][i] += r[i]
        def key(df):
            return list(zip(df["article_id"].astype(str), df["field"], df["start"], df["end"]))

        base_keys = set(key(base))
        text_of = dict(zip(articles["article_id"].astype(str), articles["text"]))
        for m, s in zip(args.margins, settings[1:]):
            got = extract_mentions(articles, tagger=str(model), tagger_margin=m)
            r = score(articles, gold, got)
            for i in range(3):
                tot[s][i] += r[i]
            new = got[[x not in base_keys and x[1] == "text" for x in key(got)]]
            for row in new.itertuples():
                g = r[3].get((str(row.article_id), int(row.start), int(row.end)))
                added[s][(row.actor_type, "gold " + g if g else "no gold")] += 1
                if s == settings[1 + len(args.margins) // 2]:
                    t = text_of[str(row.article_id)]
                    audit.append((str(row.article_id), row.actor_type, row.surface, g,
                                  t[max(0, row.start - 40): row.start] + "[" + row.surface + "]" + t[row.end: row.end + 40]))
    print(f"\nscheme={args.scheme} gold_weight={args.gold_weight} rule_dropout={args.rule_dropout} epochs={args.epochs} "
          f"anercorp={not args.no_anercorp} in_sample={args.in_sample} folds={[[d.name for d in f] for f in folds]}")
    for s in settings:
        tp, npred, ngold = tot[s]
        p, r, f = prf(tp, npred, ngold)
        extra = ""
        if s in added:
            n = sum(added[s].values())
            right = sum(v for (t, g), v in added[s].items() if g != "no gold")
            extra = f"  added {n} ({right} overlap gold): " + ", ".join(f"{t}/{g} {v}" for (t, g), v in sorted(added[s].items()))
        print(f"{s:>12}: gold {ngold} pred {npred} matched {tp}  P {p:.4f} R {r:.4f} F1 {f:.4f}{extra}")
    if args.audit:
        random.Random(0).shuffle(audit)
        print(f"\naudit ({settings[1 + len(args.margins) // 2]}): {min(args.audit, len(audit))} of {len(audit)} added")
        for a in sorted(audit[: args.audit]):
            print(" | ".join(str(x) for x in a).replace("\n", " "))


if __name__ == "__main__":
    main()
