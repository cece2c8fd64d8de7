"""Equality and speed check for changes that must not change the extractors' output.

usage: python benchmarks/check_same_tables.py [CORPUS ...] --save DIR      # record the tables of this code
       python benchmarks/check_same_tables.py [CORPUS ...] --compare DIR   # check this code gives the same
       [--repeat N] [--chunk-size 500] [--timezone Asia/Riyadh]

Runs the four extractors chunk by chunk, as ``analysis.pipeline.extract_chunk`` does (mentions, timex,
events, attributions), over every CORPUS (default: ``data/seeds`` and two SaudiNewsNet zips, ~3,800
articles), concatenates each table and either saves it as ``DIR/<table>.pkl`` or compares it with the saved
one (``pandas.testing.assert_frame_equal``: same rows, order, values and dtypes). It also prints the CPU
seconds (``time.process_time``) each stage took, per run; ``--repeat N`` runs the whole pass N times (the
tables of the last pass are saved or compared) so that before/after timings come from one process.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from analysis.actors import extract_mentions, load_codebook
from analysis.attribution import extract_attributions
from analysis.corpus import iter_corpus
from analysis.events import extract_events
from analysis.pipeline import with_python_strings
from analysis.timex import extract_timex
from stage_runner import STAGES, run_chunk  # (this script's folder is on sys.path)

DEFAULT_CORPORA = ("data/seeds", "../shared/data/saudinewsnet/2015-07-21.zip", "../shared/data/saudinewsnet/2015-08-06.zip")


def load_chunks(paths: list[Path], *, chunk_size: int, timezone: str) -> list[pd.DataFrame]:
    """The articles of every corpus, in the loader's chunks."""
    return [c.articles for p in paths for c in iter_corpus(p, chunk_size=chunk_size, timezone=timezone) if len(c.articles)]


def run_stages(chunks: list[pd.DataFrame], codebook) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Every table over all chunks (concatenated, index reset) and the CPU seconds of each stage."""
    extractors = {"mentions": extract_mentions, "timex": extract_timex, "events": extract_events,
                  "attributions": extract_attributions, "prepare": with_python_strings}
    parts: dict[str, list[pd.DataFrame]] = {s: [] for s in STAGES}
    cpu = dict.fromkeys(STAGES, 0.0)
    for articles in chunks:
        for name, df in run_chunk(extractors, articles, codebook, cpu).items():
            parts[name].append(df)
    tables = {s: pd.concat(parts[s], ignore_index=True) for s in STAGES}
    return tables, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, default=[Path(p) for p in DEFAULT_CORPORA])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the tables of this code to DIR")
    mode.add_argument("--compare", type=Path, help="compare the tables of this code with those in DIR")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--chunk-size", type=int, default=500)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    args = ap.parse_args()

    chunks = load_chunks(args.corpora, chunk_size=args.chunk_size, timezone=args.timezone)
    n = sum(len(c) for c in chunks)
    codebook = load_codebook()
    run_stages([chunks[0].head(5)], codebook)  # warm the per-process caches (lexicons, automata, patterns)
    print(f"{n:,} articles in {len(chunks)} chunks")
    for r in range(args.repeat):
        tables, cpu = run_stages(chunks, codebook)
        print(f"run {r + 1}: " + "  ".join(f"{s} {cpu[s]:.2f} s ({n / cpu[s]:,.0f}/s)" for s in STAGES)
              + f"  timex+attributions {cpu['timex'] + cpu['attributions']:.2f} s")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for s, df in tables.items():
            df.to_pickle(args.save / f"{s}.pkl")
        print("saved:", ", ".join(f"{s} {len(df):,} rows" for s, df in tables.items()))
        return 0
    failed = []
    for s, df in tables.items():
        expected = pd.read_pickle(args.compare / f"{s}.pkl")
        try:
            assert_frame_equal(df, expected)
        except AssertionError as e:
            failed.append(s)
            print(f"{s}: DIFFERENT\n{e}")
        else:
            print(f"{s}: same ({len(df):,} rows)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
