"""The optional name tagger: are the fast decoder's tags those of the reference, and what does it cost?

usage: python benchmarks/check_tagger.py CORPUS [--zips 2015-08-06.zip] [--n 2000] [--repeat 3]
                                          [--anercorp ../shared/data/anercorp/ANERCorp_train_first125305.txt]

CORPUS is the SaudiNewsNet folder. Takes the first ``--n`` articles of the zips and the ANERcorp TRAINING
split (cut into 4,000-character documents; the test split is never read) and
1. records every (words, rule tags, gaps) the matcher hands to the tagger in ``extract_mentions(...,
   tagger=True)`` and checks that :class:`analysis.actors.tagger.FastTagger` gives exactly the tags of
   ``tag_words_reference`` for every token (exits non-zero if not), and that the mentions frames are
   identical with either decoder;
2. prints the CPU seconds (``time.process_time``, best of ``--repeat``, runs alternating) of
   ``extract_mentions`` on the SaudiNewsNet articles without the tagger, with the reference decoder and with
   the fast one (its word cache emptied before the run, so the timing includes filling it, and again with the
   cache the previous run filled, as in a worker that has already extracted a chunk).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.actors import tagger as tg
from analysis.actors.rules import load_rules
from analysis.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]


def anercorp_docs(path: Path) -> pd.DataFrame:
    if "test" in path.name.lower():
        raise SystemExit("refusing to read a test split")
    toks = [ln.rpartition(" ")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    text = " ".join(t for t in toks if t)
    docs = [text[k : k + 4000] for k in range(0, len(text), 4000)]
    return pd.DataFrame({"article_id": [f"anercorp_train:{i}" for i in range(len(docs))], "text": docs})


def check_exact(articles: pd.DataFrame, cb) -> tuple[int, int, int]:
    """(fields, tokens, non-O tags) compared; raises SystemExit on the first difference."""
    calls = []
    model, rules = tg.load_tagger(), load_rules()

    def record(m, words, rule_tags, r, gaps=None):
        calls.append((words, rule_tags, gaps))
        return tg.tag_words_reference(m, words, rule_tags, r, gaps)

    fast_fn = tg.tag_words
    tg.tag_words = record
    try:
        ref_frame = extract_mentions(articles, codebook=cb, tagger=True)
    finally:
        tg.tag_words = fast_fn
    fast = tg.FastTagger(model, rules)
    names = tokens = 0
    for k, (words, rule_tags, gaps) in enumerate(calls):
        want = tg.tag_words_reference(model, words, rule_tags, rules, gaps)
        got = fast.tag(words, rule_tags, gaps)
        if got != want:
            i = next(j for j, (a, b) in enumerate(zip(got, want)) if a != b)
            raise SystemExit(f"DIFFERENT tags in field {k}, token {i} ({words[i]!r}): {got[i]} vs {want[i]}")
        tokens += len(words)
        names += sum(t != "O" for t in want)
    pd.testing.assert_frame_equal(extract_mentions(articles, codebook=cb, tagger=True), ref_frame)
    return len(calls), tokens, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--zips", nargs="*", default=["2015-08-06.zip"])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--anercorp", type=Path, default=ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt")
    args = ap.parse_args()

    news = pd.concat([load_corpus(args.corpus / z, timezone="Asia/Riyadh").articles for z in args.zips],
                     ignore_index=True).head(args.n)
    cb = load_codebook()
    extract_mentions(news.head(5), codebook=cb, tagger=True)  # automaton, rules and model loaded before timing
    for name, arts in (("SaudiNewsNet", news), ("ANERcorp train", anercorp_docs(args.anercorp))):
        fields, tokens, names = check_exact(arts, cb)
        print(f"{name}: {len(arts)} documents, {fields} fields, {tokens:,} tokens, {names:,} non-O tags: "
              "every tag equal to the reference, mentions frames identical")

    fast_fn = tg.tag_words
    runs = {"no tagger": [], "reference tagger": [], "fast tagger": [], "fast, warm cache": []}
    for _ in range(max(1, args.repeat)):
        for name in runs:
            tg.tag_words = tg.tag_words_reference if name == "reference tagger" else fast_fn
            if name == "fast tagger":
                tg.load_tagger()._fast = None  # the fast decoder's word cache starts empty
            t0 = time.process_time()
            extract_mentions(news, codebook=cb, tagger=name != "no tagger")
            runs[name].append(time.process_time() - t0)
    tg.tag_words = fast_fn
    base = min(runs["no tagger"])
    for name, ts in runs.items():
        print(f"{name:>17}: CPU s {', '.join(f'{t:.2f}' for t in ts)}; best {min(ts):.2f} = {min(ts) / base:.2f}x "
              f"the stage without the tagger ({len(news)} articles)")
    sys.exit(0)


if __name__ == "__main__":
    main()
