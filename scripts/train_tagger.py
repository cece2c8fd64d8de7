"""Train the optional name tagger (analysis/actors/tagger.py) on the ANERcorp TRAINING split.

usage: .venv/bin/python scripts/train_tagger.py [--epochs 8] [--train ../shared/data/anercorp/ANERCorp_train_first125305.txt]
       [--saudinewsnet ../shared/data/saudinewsnet] [--eval-dir ../shared/eval]
       [--silver N --exclude-refs REFS.jsonl ... --rule-dropout 0.5 --gap-margin M --out FILE] [--hold-out START]
       [--gold-sets DIR ... --gold-scheme all|names --gold-weight K]

Writes analysis/resources/tagger/anercorp_perceptron.json.gz (averaged perceptron weights, pruned).
The test split (ANERCorp_test_last25008_conll.txt) is never read. The rule matcher's mentions on the
training text are features, so retrain after large codebook changes.

Self-training (``--silver N``): N SaudiNewsNet articles (../shared/data/saudinewsnet, the zips; deduplicated,
a fixed pseudo-random choice by url hash) are run through the default matcher and its mentions become silver
BIO labels (person → PERS; country, location → LOC; organization, media, group → ORG; nisba and title mentions
are O, as in eval_anercorp.py). Articles whose url is in a ``--exclude-refs`` file (the ``url`` field of each
line: evaluation sets) or in ../shared/eval/dev_refs.jsonl are never used. ``--rule-dropout P`` blanks each rule
mention's tag feature with probability P (ANERcorp and silver alike) so that the model learns the contexts of
names instead of copying the rules. ``--gap-margin M`` is stored in the model: at run time such a model only
fills gaps (names overlapping no mention) where its score margin over O is at least M.

Hand-annotated gold (``--gold-sets DIR ...``): each DIR holds gold.jsonl and refs.jsonl as ../shared/eval reads them
(SaudiNewsNet articles annotated by the rules of ../shared/eval/GUIDELINES.md and CONVENTIONS.md). The gold actor
mentions of the content field are placed in the cleaned text with the scorer's own placement (evalcore.place) and
become BIO labels (person → PERS; country, location → LOC; organization, media, group → ORG); ``--gold-scheme
names`` makes nisba and title mentions O (as ANERcorp), ``all`` keeps them (nisba LOC, titles PERS). Every sentence
of those articles is used, ``--gold-weight K`` times. The held-out evaluation sets are refused by folder name
(:data:`FORBIDDEN_SETS`). ``scripts/cv_gold_tagger.py`` cross-validates such a model by set.
ANERcorp: Benajiba, Rosso & Benedí 2007; CAMeL Lab redistribution, CC BY-SA 4.0. The model is a derived work
under the same licence (see analysis/resources/tagger/README.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.actors.fields import _batch_fields
from analysis.actors.rules import load_rules
from analysis.actors.tagger import MODEL_FILE, TAGS, gaps_of, load_clusters, spans_from_tags, token_features
from analysis.resources import word_lines

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "analysis" / "resources" / "tagger" / MODEL_FILE
EVAL_DIR = str(ROOT.parent / "shared" / "eval")  # the evaluation kit beside the repository
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


def _bio_tags(fields, mentions: pd.DataFrame, doc_ids: list[str], type_of) -> list[list[str]]:
    """B-/I-<type_of(mention)> per token of each field, from the given text mentions (the rest O)."""
    by_doc = {k: g for k, g in mentions.groupby("article_id")}
    out = []
    for f, did in zip(fields, doc_ids):
        tokens = list(zip(f.starts, f.ends))
        tags = ["O"] * len(tokens)
        for r in by_doc.get(did, pd.DataFrame()).itertuples():
            a, b = f.nt.index_in_norm(r.start), f.nt.index_in_norm(r.end)
            typ = type_of(r)
            first = True
            for k, (s, e) in enumerate(tokens):
                if s < b and e > a:
                    tags[k] = ("B-" if first else "I-") + typ
                    first = False
        out.append(tags)
    return out


def rule_tags_for(fields, mentions: pd.DataFrame, doc_ids: list[str]) -> list[list[str]]:
    """B-/I-<TYPE> (NIS for nisba, TIT for titles) of the rule matcher's mentions, per token of each field."""
    keep = (mentions["field"] == "text") & (mentions["match_kind"] != "discovered")  # codebook matches only
    return _bio_tags(fields, mentions[keep], doc_ids,
                     lambda r: {"nisba": "NIS", "title": "TIT"}.get(r.match_kind, COARSE.get(r.actor_type, "ORG")))


def drop_rule_tags(rt: list[str], rnd: random.Random, p: float) -> list[str]:
    """``rt`` with each mention's tags (a B- tag and the I- tags after it) replaced by O with probability p."""
    if p <= 0:
        return rt
    out, blank = list(rt), False
    for i, t in enumerate(rt):
        if t.startswith("B-"):
            blank = rnd.random() < p
        if t != "O" and blank:
            out[i] = "O"
    return out


def silver_tags_for(fields, mentions: pd.DataFrame, doc_ids: list[str]) -> list[list[str]]:
    """Silver BIO labels per token of each field: the matcher's text mentions of every kind but nisba and title
    (discovered names included), typed as ANERcorp types them."""
    keep = (mentions["field"] == "text") & ~mentions["match_kind"].isin(["nisba", "title"])
    return _bio_tags(fields, mentions[keep], doc_ids, lambda r: COARSE.get(r.actor_type, "ORG"))


def silver_examples(n: int, *, exclude: set[str], other: float, seed: int = 0,
                    corpus: Path = ROOT.parent / "shared" / "data" / "saudinewsnet"):
    """(words, silver tags, rule tags, gaps) per sentence of ``n`` SaudiNewsNet articles (see the module
    docstring); sentences without a silver name are kept with probability ``other``."""
    import hashlib
    import zipfile

    from analysis.corpus import clean_texts

    seen, arts = set(), []
    zips = sorted(Path(corpus).glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips in {corpus}: pass the folder with --saudinewsnet DIR")
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    text = rec.get("content") or ""
                    if not text.strip() or rec.get("url") in exclude or text in seen:
                        continue
                    seen.add(text)
                    arts.append((hashlib.sha1(rec["url"].encode()).hexdigest(), text))
    arts.sort()
    texts = clean_texts([t for _, t in arts[:n]])
    ids = [f"s{i}" for i in range(len(texts))]
    mentions = extract_mentions(pd.DataFrame({"article_id": ids, "text": texts}), discover=True)
    fields, _ = _batch_fields(texts)
    rtags = rule_tags_for(fields, mentions, ids)
    stags = silver_tags_for(fields, mentions, ids)
    rnd = random.Random(seed)
    return _sentences(fields, stags, rtags, keep=lambda tags: any(t != "O" for t in tags) or rnd.random() < other)


#: the sealed blind sets of the repository (``data/eval/blind_sets/sealed.txt``): never trained on
SEALED_SETS = frozenset(word_lines((ROOT / "data/eval/blind_sets/sealed.txt").read_text(encoding="utf-8")))
#: the held-out evaluation sets (never trained on): folder names refused by :func:`check_gold_dir` (the sealed sets
#: of the repository, and the folders of the seventh to ninth sessions' sets, which lived outside it)
FORBIDDEN_SETS = SEALED_SETS | frozenset({"blind_eval6", "blind_eval14", "blind_eval15", "blind_eval19", "blind_eval20", "blind_eval21",
                            "blind_eval24", "blind_eval25", "blind_eval28", "blind_eval29", "blind_eval30", "blind_eval31",
                            "blind_eval32", "blind_eval33", "pnever", "punseen"})
#: gold actor types -> the tagger's types
GOLD_COARSE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}


def check_gold_dir(path: str | Path) -> Path:
    """``path`` resolved, if it is a hand-annotated set that may be trained on (a folder with gold.jsonl and
    refs.jsonl, not one of the held-out sets of :data:`FORBIDDEN_SETS`); SystemExit otherwise."""
    p = Path(path).resolve()
    bad = [part for part in (*Path(path).absolute().parts, *p.parts) if part.lower() in FORBIDDEN_SETS]
    if bad:
        raise SystemExit(f"refusing to train on the held-out set {bad[0]!r} ({path})")
    if not (p / "gold.jsonl").is_file() or not (p / "refs.jsonl").is_file():
        raise SystemExit(f"{path}: a gold set needs gold.jsonl and refs.jsonl")
    return p


def _eval_kit() -> None:
    """Put ../shared/eval on sys.path: the scorer's loader (score.load_articles) and placement (evalcore.place)."""
    if EVAL_DIR not in sys.path:
        sys.path.insert(0, EVAL_DIR)


def read_gold_set(path: str | Path) -> tuple[str, dict[str, dict], dict[str, list[dict]]]:
    """(the set's folder name, its articles as ../shared/eval/score.py loads them: gold_id -> SaudiNewsNet record, and
    gold_id -> the gold actor mentions of the content field) of a hand-annotated set (:func:`check_gold_dir`)."""
    d = check_gold_dir(path)
    _eval_kit()
    import score

    lines = (d / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {g["gold_id"]: [x for x in g.get("actors", []) if x.get("in", "content") == "content"]
            for g in (json.loads(line) for line in lines if line.strip())}
    return d.name, score.load_articles(d / "refs.jsonl"), gold


def gold_articles(dirs: list[str | Path]) -> list[tuple[str, str, list[dict]]]:
    """(id "<set folder>/<gold_id>", the cleaned text as ``extract`` sees it, the gold actor mentions of the
    content field) per article of the hand-annotated sets ``dirs`` (:func:`read_gold_set`)."""
    from analysis.corpus import clean_texts

    out = []
    for name, arts, gold in map(read_gold_set, dirs):
        gids = sorted(g for g in arts if g in gold)
        for gid, text in zip(gids, clean_texts([arts[g].get("content") or "" for g in gids])):
            out.append((f"{name}/{gid}", text, gold[gid]))
    return out


def gold_examples(arts: list[tuple[str, str, list[dict]]], *, scheme: str = "all"):
    """(words, gold tags, rule tags, gaps) per sentence of hand-annotated articles (:func:`gold_articles`).

    The gold surfaces are placed in the text with the scorer's own placement (evalcore.place) and tagged with
    their coarse type (:data:`GOLD_COARSE`). scheme "all": every gold mention (nisba adjectives LOC, or ORG for a
    group's; titles PERS); "names": nisba and title mentions are O, as ANERcorp tags them."""
    _eval_kit()
    from evalcore import place

    ids = [a for a, _, _ in arts]
    texts = [t for _, t, _ in arts]
    rows = []
    for aid, text, items in arts:
        if scheme == "names":
            items = [x for x in items if x.get("via") not in ("nisba", "title")]
        for x, sp in zip(items, place(text, [x["surface"] for x in items])):
            if sp:
                rows.append((aid, sp[0], sp[1], GOLD_COARSE.get(x.get("type"), "ORG")))
    gold = pd.DataFrame(rows, columns=["article_id", "start", "end", "typ"])
    mentions = extract_mentions(pd.DataFrame({"article_id": ids, "text": texts}), discover=True)
    fields, _ = _batch_fields(texts)
    rtags = rule_tags_for(fields, mentions, ids)
    gtags = _bio_tags(fields, gold, ids, lambda r: r.typ)
    return _sentences(fields, gtags, rtags)


def _sentences(fields, tags: list[list[str]], rtags: list[list[str]], *, keep=lambda tags: True):
    """(words, tags, rule tags, gaps) per sentence of each field (cut before a token after ".", "؟" or "!",
    never inside a name); ``keep(tags)`` chooses the sentences."""
    out = []
    for f, st, rt in zip(fields, tags, rtags):
        tokens = list(zip(f.starts, f.ends))
        words = [f.x[s:e] for s, e in tokens]
        gaps = gaps_of(f.norm, tokens)
        cut = [0] + [i for i, g in enumerate(gaps) if i and any(c in g for c in ".؟!") and st[i] != "I-" + st[i][2:]]
        cut.append(len(words))
        for a, b in pairwise(cut):
            if a < b and keep(st[a:b]):
                g = gaps[a:b]
                g[0] = "^"
                out.append((words[a:b], st[a:b], rt[a:b], g))
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


def train(examples, rules, *, epochs: int, seed: int = 0, min_weight: float = 0.002, clusters: dict | None = None):
    w: dict = defaultdict(lambda: defaultdict(float))
    totals: dict = defaultdict(lambda: defaultdict(float))
    stamps: dict = defaultdict(lambda: defaultdict(int))
    step = 0
    feats_cache = [[token_features(words, i, rt, rules, gp, clusters) for i in range(len(words))]
                   for words, _, rt, gp in examples]
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
            if abs(a) >= min_weight:
                row[t] = a
        if row:
            avg[ft] = row
    return avg


def dev_f1(weights, examples, rules, meta: dict | None = None) -> float:
    """Entity-level F1 (exact token spans and type) of the tagger alone on held-out training documents."""
    from analysis.actors.tagger import Perceptron, tag_words

    model = Perceptron(weights, meta)
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
    global EVAL_DIR  # --eval-dir: read by _eval_kit
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default=str(ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt"))
    ap.add_argument("--saudinewsnet", default=str(ROOT.parent / "shared/data/saudinewsnet"), metavar="DIR",
                    help="the SaudiNewsNet zips (--silver)")
    ap.add_argument("--eval-dir", default=EVAL_DIR, metavar="DIR",
                    help="the evaluation kit (dev_refs.jsonl, score.py, evalcore.py): --silver leaves its articles out, "
                         "--gold-sets reads the sets with its loader")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--dev", action="store_true", help="hold out the last 15%% of the TRAIN documents and report entity F1 on them")
    ap.add_argument("--silver", type=int, default=0, help="also train on the matcher's mentions in this many SaudiNewsNet articles")
    ap.add_argument("--silver-other", type=float, default=0.2, help="share of silver sentences without a name kept")
    ap.add_argument("--exclude-refs", action="append", default=[], help="JSONL whose url fields are never used as silver data")
    ap.add_argument("--gold-sets", nargs="+", default=[], metavar="DIR",
                    help="also train on these hand-annotated sets (gold.jsonl + refs.jsonl each; never a held-out set)")
    ap.add_argument("--gold-scheme", default="all", choices=["all", "names"],
                    help="gold labels: every mention (nisba LOC, titles PERS) or names only (nisba and titles O)")
    ap.add_argument("--gold-weight", type=int, default=1, help="each gold sentence counts this many times")
    ap.add_argument("--rule-dropout", type=float, default=0.0, help="probability of blanking a rule mention's tag feature")
    ap.add_argument("--gap-margin", type=float, default=None, help="store this gap-filling margin in the model")
    ap.add_argument("--clusters", default="", metavar="FILE",
                    help="also use word-cluster features (scripts/build_word_clusters.py; a file name in "
                         "analysis/resources/tagger/ or a path), named in the model's metadata")
    ap.add_argument("--min-weight", type=float, default=0.002, help="prune averaged weights below this size")
    ap.add_argument("--out", default=str(OUT), help="model file to write")
    ap.add_argument("--hold-out", type=int, default=None, metavar="START",
                    help="leave out the training split's fold START..START+15%% (as eval_anercorp_folds.py cuts it)")
    args = ap.parse_args()
    EVAL_DIR = str(Path(args.eval_dir).resolve())
    if "test" in Path(args.train).name.lower():
        raise SystemExit("refusing to train on a test split")
    for d in args.gold_sets:  # before any work
        check_gold_dir(d)
    load_codebook()
    rules = load_rules()
    sents = read_train(Path(args.train))
    if args.hold_out is not None:
        a, b = int(len(sents) * args.hold_out / 100), int(len(sents) * min(args.hold_out + 15, 100) / 100)
        sents = sents[:a] + sents[b:]  # the fold of eval_anercorp_folds.fold_range
    examples = build_examples(sents)
    print(f"{len(examples)} documents, {sum(len(e[0]) for e in examples)} tokens")
    silver = []
    if args.silver:
        exclude = set()
        for path in [Path(EVAL_DIR) / "dev_refs.jsonl", *map(Path, args.exclude_refs)]:
            exclude |= {json.loads(line).get("url") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        silver = silver_examples(args.silver, exclude=exclude, other=args.silver_other, corpus=Path(args.saudinewsnet))
        print(f"silver: {len(silver)} sentences, {sum(len(e[0]) for e in silver)} tokens ({len(exclude)} urls excluded)")
    gold = []
    if args.gold_sets:
        gold_arts = gold_articles(args.gold_sets)
        gold = gold_examples(gold_arts, scheme=args.gold_scheme)
        print(f"gold: {len(gold_arts)} articles of {len(args.gold_sets)} sets, {len(gold)} sentences, "
              f"{sum(len(e[0]) for e in gold)} tokens (x{args.gold_weight})")
        silver += gold * args.gold_weight
    if args.rule_dropout > 0:
        rnd = random.Random(1)
        examples = [(w, g, drop_rule_tags(rt, rnd, args.rule_dropout), gp) for w, g, rt, gp in examples]
        silver = [(w, g, drop_rule_tags(rt, rnd, args.rule_dropout), gp) for w, g, rt, gp in silver]
    cmeta = {"clusters": args.clusters} if args.clusters else {}
    clusters = load_clusters(args.clusters) if args.clusters else None
    if args.dev:
        cut = int(len(examples) * 0.85)
        for ep in ([args.epochs] if args.epochs else [2, 4, 6, 8, 12]):
            wts = train(examples[:cut] + silver, rules, epochs=ep, min_weight=args.min_weight, clusters=clusters)
            print(f"dev entity F1 after {ep} epochs: {dev_f1(wts, examples[cut:], rules, cmeta):.3f}")
        return
    weights = train(examples + silver, rules, epochs=args.epochs, min_weight=args.min_weight, clusters=clusters)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"source": "ANERcorp training split (first 125,305 lines), CC BY-SA 4.0", "epochs": args.epochs, "tags": TAGS,
            **cmeta}
    if args.silver:
        meta.update(silver=f"the default matcher's mentions in {args.silver} SaudiNewsNet articles (CC BY-NC-SA 4.0), "
                    "evaluation sets excluded", rule_dropout=args.rule_dropout)
    if args.gold_sets:
        meta.update(gold=f"{len(gold_arts)} SaudiNewsNet articles (CC BY-NC-SA 4.0) annotated by hand by the rules of "
                    f"../shared/eval ({', '.join(Path(d).name for d in args.gold_sets)}), scheme {args.gold_scheme}, "
                    f"weight {args.gold_weight}", rule_dropout=args.rule_dropout)
    if args.gap_margin is not None:
        meta["gap_margin"] = args.gap_margin
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": weights}, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(weights)} features)")


if __name__ == "__main__":
    main()
