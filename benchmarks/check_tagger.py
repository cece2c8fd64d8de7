"""The optional name tagger: are the fast decoders' tags those of the reference, and what does it cost?

usage: python benchmarks/check_tagger.py CORPUS [--zips 2015-08-06.zip] [--n 2000] [--repeat 3]
                                          [--anercorp ../shared/data/anercorp/ANERCorp_train_first125305.txt]
                                          [--no-reference-timing] [--timing-only]
                                          [--gap-model FILE ... [--gap-margin M]]

CORPUS is the SaudiNewsNet folder. Takes the first ``--n`` articles of the zips and the ANERcorp TRAINING
split (cut into 4,000-character documents; the test split is never read) and
1. records every batch of (words, rule tags, gaps) the matcher hands to the tagger in ``extract_mentions(...,
   tagger=True)``, cuts it into its fields and checks that the per-field decoder ``FastTagger.tag`` and the
   batched one ``FastTagger.tag_concat`` (fresh caches) give exactly the tags of ``tag_words_reference`` for
   every token (exits non-zero if not); then that the mentions frames are identical with the reference tags,
   with the batched path (the default) and with the per-field path it replaced (``_add_tagger_mentions_one``:
   inputs built field by field, ``FastTagger.tag``);
2. prints the CPU seconds (``time.process_time``, best of ``--repeat``, runs alternating) of
   ``extract_mentions`` on the SaudiNewsNet articles without the tagger, with the reference decoder (per field),
   with the per-field path, with the batched path (the fast decoder's word cache emptied before each of these
   runs, so the timing includes filling it) and with the batched path again on the cache the previous run filled
   (as in a worker that has already extracted a chunk); each also as the tagger's extra cost relative to the
   stage without it. ``--gap-model FILE ...`` adds the timing of each model as a gap filler (cache emptied; e.g.
   an older model, ``git show COMMIT:analysis/resources/tagger/saudinewsnet_gap.json.gz > FILE``, and the shipped one).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.actors import matcher as mt
from analysis.actors import tagger as tg
from analysis.actors.rules import load_rules
from analysis.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
BATCHED = mt._add_tagger_mentions


def per_field(fields, mss):
    """The tagger step as it was before batching: inputs built and tagged one field at a time."""
    return [mt._add_tagger_mentions_one(f, ms) for f, ms in zip(fields, mss)]


def anercorp_docs(path: Path) -> pd.DataFrame:
    if "test" in path.name.lower():
        raise SystemExit("refusing to read a test split")
    toks = [ln.rpartition(" ")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    text = " ".join(t for t in toks if t)
    docs = [text[k : k + 4000] for k in range(0, len(text), 4000)]
    return pd.DataFrame({"article_id": [f"anercorp_train:{i}" for i in range(len(docs))], "text": docs})


def check_exact(articles: pd.DataFrame, cb) -> tuple[int, int, int]:
    """(fields, tokens, non-O tags) compared; raises SystemExit on the first difference."""
    batches = []
    model, rules = tg.load_tagger(), load_rules()

    def record(m, words, lengths, rule_tags, r, gaps=None):  # the reference's tags, field by field
        batches.append((words, lengths, rule_tags, gaps))
        out, a = [], 0
        for n in lengths:
            out += tg.tag_words_reference(m, words[a : a + n], rule_tags[a : a + n], r, gaps[a : a + n])
            a += n
        return tg.np.array([tg.TAGS.index(t) for t in out], dtype=tg.np.int8)

    fast_fn = tg.tag_concat
    tg.tag_concat = record
    try:
        ref_frame = extract_mentions(articles, codebook=cb, tagger=True)
    finally:
        tg.tag_concat = fast_fn
    fast, batched = tg.FastTagger(model, rules), tg.FastTagger(model, rules)
    fields = tokens = names = 0
    for b, (words, lengths, rule_tags, gaps) in enumerate(batches):
        got_batch = [tg.TAGS[k] for k in batched.tag_concat(words, lengths, rule_tags, gaps)]
        a = 0
        for n in lengths:
            w, rt, g = words[a : a + n], rule_tags[a : a + n], gaps[a : a + n]
            want = tg.tag_words_reference(model, w, rt, rules, g)
            for name, got in (("FastTagger.tag", fast.tag(w, rt, g)), ("FastTagger.tag_concat", got_batch[a : a + n])):
                if got != want:
                    i = next(j for j, (x, y) in enumerate(zip(got, want)) if x != y)
                    raise SystemExit(f"DIFFERENT tags from {name} in batch {b}, field {fields}, token {i} ({w[i]!r}): "
                                     f"{got[i]} vs {want[i]}")
            a += n
            fields += 1
            tokens += n
            names += sum(t != "O" for t in want)
    pd.testing.assert_frame_equal(extract_mentions(articles, codebook=cb, tagger=True), ref_frame)
    mt._add_tagger_mentions = per_field
    try:
        pd.testing.assert_frame_equal(extract_mentions(articles, codebook=cb, tagger=True), ref_frame)
    finally:
        mt._add_tagger_mentions = BATCHED
    return fields, tokens, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--zips", nargs="*", default=["2015-08-06.zip"])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--anercorp", type=Path, default=ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt")
    ap.add_argument("--no-reference-timing", action="store_true", help="skip the (slow) timing of the reference decoder")
    ap.add_argument("--gap-model", nargs="+", default=[], metavar="FILE",
                    help="also time each of these models as a gap filler (extract_mentions(tagger=FILE))")
    ap.add_argument("--gap-margin", type=float, default=None, help="its margin (default: the model's own)")
    ap.add_argument("--timing-only", action="store_true", help="skip the checks of step 1")
    args = ap.parse_args()

    news = pd.concat([load_corpus(args.corpus / z, timezone="Asia/Riyadh").articles for z in args.zips],
                     ignore_index=True).head(args.n)
    cb = load_codebook()
    extract_mentions(news.head(5), codebook=cb, tagger=True)  # automaton, rules and model loaded before timing
    for name, arts in () if args.timing_only else (("SaudiNewsNet", news), ("ANERcorp train", anercorp_docs(args.anercorp))):
        fields, tokens, names = check_exact(arts, cb)
        print(f"{name}: {len(arts)} documents, {fields} fields, {tokens:,} tokens, {names:,} non-O tags: every tag of "
              "the per-field and the batched decoder equal to the reference; mentions frames identical (reference "
              "tags, batched path, per-field path)")

    fast_fn = tg.tag_words
    runs = {"no tagger": [], "reference tagger": [], "per field (before)": [], "batched": [], "batched, warm cache": []}
    if args.no_reference_timing:
        del runs["reference tagger"]
    gap = {f"gap filler {m}" if len(args.gap_model) > 1 else "gap filler": m for m in args.gap_model}
    for name in gap:
        runs[name] = []
    for _ in range(max(1, args.repeat)):
        for name in runs:
            tg.tag_words = tg.tag_words_reference if name == "reference tagger" else fast_fn
            mt._add_tagger_mentions = BATCHED if name.startswith("batched") or name in gap else per_field
            if name in ("per field (before)", "batched"):
                tg.load_tagger()._fast = None  # the fast decoder's word cache starts empty
            if name in gap:
                tg.load_tagger(gap[name])._fast = None
                t0 = time.process_time()
                extract_mentions(news, codebook=cb, tagger=gap[name], tagger_margin=args.gap_margin)
            else:
                t0 = time.process_time()
                extract_mentions(news, codebook=cb, tagger=name != "no tagger")
            runs[name].append(time.process_time() - t0)
    tg.tag_words, mt._add_tagger_mentions = fast_fn, BATCHED
    base = min(runs["no tagger"])
    for name, ts in runs.items():
        print(f"{name:>20}: CPU s {', '.join(f'{t:.2f}' for t in ts)}; best {min(ts):.2f} = {min(ts) / base:.2f}x the "
              f"stage without the tagger (the tagger's extra cost {min(ts) / base - 1:.2f}x; {len(news)} articles)")
    sys.exit(0)


if __name__ == "__main__":
    main()
