"""Where the time goes: cProfile of each extraction stage on the first N articles of a corpus.

usage: python benchmarks/profile_stages.py CORPUS [--articles 2000] [--timezone Asia/Riyadh] [--top 12]
                                           [--out DIR]

Loads the first ``--articles`` articles (one process), then profiles load, mentions, timex, events and
attributions one after the other (each stage's inputs computed before its profile starts) and prints,
per stage, its wall time, articles/s and the functions with the most own time (tottime) and their
cumulative time. ``--out DIR`` also writes ``<stage>.prof`` files (``python -m pstats`` or snakeviz).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.attribution import extract_attributions
from analysis.corpus import iter_corpus
from analysis.events import extract_events
from analysis.timex import extract_timex


def profile(name: str, fn, n: int, args, *a, **kw):
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    out = fn(*a, **kw)
    prof.disable()
    took = time.perf_counter() - t0
    stream = io.StringIO()
    stats = pstats.Stats(prof, stream=stream)
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"\n## {name}: {took:.2f} s wall under the profiler, {n / took:,.0f} articles/s\n")
    lines = stream.getvalue().splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    print("\n".join(ln for ln in lines[start:] if ln.strip()))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(args.out / f"{name}.prof")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    def load():
        chunks = iter_corpus(args.corpus, timezone=args.timezone)
        got, n = [], 0
        for c in chunks:
            got.append(c.articles)
            n += len(c.articles)
            if n >= args.articles:
                break
        return pd.concat(got, ignore_index=True).head(args.articles)

    articles = profile("load", load, args.articles, args)
    n = len(articles)
    codebook = load_codebook()
    extract_mentions(articles.head(5), codebook=codebook)  # warm caches (resources, compiled patterns)
    extract_timex(articles.head(5))
    mentions = profile("mentions", extract_mentions, n, args, articles, codebook=codebook)
    timex = profile("timex", extract_timex, n, args, articles)
    profile("events", extract_events, n, args, articles, mentions, timex)
    profile("attributions", extract_attributions, n, args, articles, mentions)


if __name__ == "__main__":
    main()
