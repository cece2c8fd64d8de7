"""Speed of the attribution stage (``analysis.attribution.extract_attributions``) on SaudiNewsNet, one core.

usage: python benchmarks/bench_attribution.py ZIP [ZIP ...] [--mentions]

Loads every article of the zips (title and content), warms the lexicon cache, then times
``extract_attributions`` over all of them in one process: wall clock (time.perf_counter) and this process's
CPU time (time.process_time, less sensitive to other processes on a shared machine). ``--mentions`` first
runs ``analysis.actors.extract_mentions`` (not timed) and passes its table, as the pipeline does.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.attribution import extract_attributions


def load(zips: list[Path]) -> pd.DataFrame:
    rows = []
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for i, a in enumerate(json.loads(zf.read(name))):
                        rows.append({"article_id": f"{z.name}:{i}", "title": a.get("title"), "text": a.get("content") or ""})
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("zips", nargs="+", type=Path)
    ap.add_argument("--mentions", action="store_true", help="pass the actor mentions table (computed first, not timed)")
    args = ap.parse_args()
    articles = load(args.zips)
    mentions = None
    if args.mentions:
        from analysis.actors import extract_mentions

        mentions = extract_mentions(articles)
    extract_attributions(articles.head(20), None)  # lexicon and automaton: built once per process
    wall, cpu = time.perf_counter(), time.process_time()
    out = extract_attributions(articles, mentions)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(articles)
    print(f"{n} articles, {len(out)} attributions; wall {wall:.2f} s = {n / wall:.0f} articles/s; "
          f"CPU {cpu:.2f} s = {n / cpu:.0f} articles/s (one core)")


if __name__ == "__main__":
    main()
