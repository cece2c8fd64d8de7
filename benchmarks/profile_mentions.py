"""Where the mentions stage spends its CPU time, pass by pass, without cProfile's cost per call of small helpers.

usage: python benchmarks/profile_mentions.py CORPUS [--zips 2015-08-06.zip 2015-08-07.zip | --all] [--chunk-size 1000]

Loads the given zips of CORPUS (the SaudiNewsNet folder; by default two of them, or the whole of CORPUS when it
holds neither, e.g. ``data/seeds``), then runs ``extract_mentions`` chunk by chunk (as
``analysis.pipeline.extract_chunk`` does; garbage collector paused, as in ``compare_stages_cpu.py``) with the
passes of ``analysis.actors.matcher`` wrapped: each wrapper adds its CPU seconds (``time.process_time``) minus
those of the wrapped passes it calls, so every line is exclusive time and the lines add up to the stage. cProfile
(``profile_stages.py``) instead charges every call of ``f.word`` or ``f.adjacent`` (hundreds of thousands) with
its own overhead, which inflates the rules that call them most. Each wrapped call costs ~1 µs (about 15
per field), charged to its caller's line: ``_match_prepared`` and ``extract_mentions`` read ~0.1 s high
per 10,000 fields.

Lines: the batch normalisation, tokenisation and automaton scan (``_batch_fields``); ``_match_prepared`` itself
(reading the hits, longest match, the ambiguous-form rules); each rule pass it calls; the sentence split of the
fields with mentions (shared with the timex and events stages); the hand-over of the normalisation to the later
stages; and ``extract_mentions`` itself (the records and the table).
"""
from __future__ import annotations

import argparse
import gc
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

import analysis.actors.matcher as matcher
from analysis.actors import load_codebook
from analysis.corpus import load_corpus

#: the functions that matcher.extract_mentions and matcher._match_prepared call by their module-level names
PASSES = ("_batch_fields", "_match_prepared", "_market_hits", "_drop_first_name_persons", "_resolve_capitals_and_nisba",
          "_drop_name_part_nisbas", "_discover_named_heads", "_discover", "_link_short_forms", "_coordinated_names",
          "refine_persons", "refine_organizations", "_capitals_by_context", "_postprocess", "_trim_heads_and_titles",
          "_map_to_original", "split_sentences_cached", "remember_normalized")


def wrap_passes(module, names: tuple[str, ...], own: dict[str, float]) -> dict[str, object]:
    """Replace ``module.<name>`` by a wrapper adding its exclusive CPU seconds to ``own[name]``; returns the
    originals (to put back)."""
    originals = {n: getattr(module, n) for n in names}
    stack = [0.0]  # CPU seconds of wrapped callees of the running wrapper

    def make(name, fn):
        def timed(*args, **kwargs):
            stack.append(0.0)
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - t0
                inner = stack.pop()
                own[name] += spent - inner
                stack[-1] += spent
        return timed

    for n, fn in originals.items():
        setattr(module, n, make(n, fn))
    return originals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--zips", nargs="*", default=None, help="default: 2015-08-06.zip 2015-08-07.zip")
    ap.add_argument("--all", action="store_true", help="every zip of CORPUS")
    ap.add_argument("--chunk-size", type=int, default=1000)
    args = ap.parse_args()

    if args.all:
        paths = sorted(args.corpus.glob("*.zip"))
    elif args.zips is not None:
        paths = [args.corpus / z for z in args.zips]
    else:
        paths = [p for p in (args.corpus / "2015-08-06.zip", args.corpus / "2015-08-07.zip") if p.exists()] or [args.corpus]
    articles = pd.concat([load_corpus(p, timezone="Asia/Riyadh").articles for p in paths], ignore_index=True)
    cb = load_codebook()
    matcher.extract_mentions(articles.head(5), codebook=cb)  # build the automaton and load the rules before timing
    own: dict[str, float] = defaultdict(float)
    originals = wrap_passes(matcher, PASSES, own)
    gc.disable()
    try:
        t0 = time.process_time()
        rows = 0
        for a in range(0, len(articles), args.chunk_size):
            rows += len(matcher.extract_mentions(articles.iloc[a : a + args.chunk_size], codebook=cb))
        total = time.process_time() - t0
    finally:
        gc.enable()
        for n, fn in originals.items():
            setattr(matcher, n, fn)
    own["extract_mentions (records, table)"] = total - sum(own.values())
    print(f"{len(articles):,} articles of {len(paths)} input(s), {rows:,} mentions: {total:.2f} CPU s "
          f"({len(articles) / total:,.0f} articles/s)")
    for name, sec in sorted(own.items(), key=lambda kv: -kv[1]):
        print(f"  {name:34s} {sec:6.2f} s  {100 * sec / total:5.1f} %")


if __name__ == "__main__":
    main()
