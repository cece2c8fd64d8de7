"""Equality and speed check of the mentions stage: does a change keep ``extract_mentions`` output identical?

usage: python benchmarks/check_same_mentions.py CORPUS [--zips 2015-08-06.zip 2015-08-07.zip]
                                               [--save FILE | --compare FILE] [--repeat 3]
                                               [--tagger {none,gap,anercorp}]

Loads the seed articles (``data/seeds``) and the given zips of CORPUS (the SaudiNewsNet folder) with
``analysis.corpus.load_corpus``, runs ``extract_mentions`` ``--repeat`` times (``--tagger``: none, the rules alone
as ``extract_mentions`` defaults to; gap, the default gap filler ``analysis.config.GAP_FILLER``; anercorp,
``tagger=True``) and prints the best CPU seconds (``time.process_time``, the automaton built before timing).
``--save FILE`` writes the mentions frame as Parquet (keep it outside the repository: it quotes the
articles); ``--compare FILE`` checks the frame is identical to a saved one (same rows, order, values and
dtypes; ``pandas.testing.assert_frame_equal``) and exits non-zero if not.

A speed-up of the matcher is measured by saving the frame with the old code and comparing with the new.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook
from analysis.config import GAP_FILLER
from analysis.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def load_articles(corpus: Path, zips: list[str]) -> pd.DataFrame:
    """The seed articles followed by the articles of the given zips, as loaded by the loader."""
    frames = [load_corpus(SEEDS).articles] + [load_corpus(corpus / z, timezone="Asia/Riyadh").articles for z in zips]
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--zips", nargs="*", default=["2015-08-06.zip", "2015-08-07.zip"])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--tagger", choices=("none", "gap", "anercorp"), default="none",
                    help="none: the rules alone (default); gap: the default gap filler; anercorp: tagger=True")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--save", type=Path, help="write the mentions frame here (Parquet)")
    g.add_argument("--compare", type=Path, help="check the mentions frame equals this saved one")
    args = ap.parse_args()

    articles = load_articles(args.corpus, args.zips)
    cb = load_codebook()
    tagger = {"none": False, "gap": GAP_FILLER, "anercorp": True}[args.tagger]
    extract_mentions(articles.head(5), codebook=cb, tagger=tagger)  # build the automaton and load the rules before timing
    times = []
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        got = extract_mentions(articles, codebook=cb, tagger=tagger)
        times.append(time.process_time() - t0)
    best = min(times)
    print(f"{len(articles)} articles, {len(got)} mentions: CPU s per run {', '.join(f'{t:.2f}' for t in times)}; "
          f"best {best:.2f} = {len(articles) / best:,.0f} articles/s")
    if args.save:
        got.to_parquet(args.save)
        print(f"saved {args.save}")
    if args.compare:
        want = pd.read_parquet(args.compare)
        try:
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
        except AssertionError as err:
            print(f"DIFFERENT from {args.compare}:\n{err}")
            sys.exit(1)
        print(f"identical to {args.compare} ({len(want)} rows)")


if __name__ == "__main__":
    main()
