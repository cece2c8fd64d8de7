"""Speed of the temporal tagger against dateparser.search_dates on the same SaudiNewsNet articles, same run.

usage: python benchmarks/bench_timex.py ZIP [ZIP ...] [--sample 300] [--seed 0]

Reads the articles of the SaudiNewsNet zips (JSON arrays), tags the first ``--sample`` non-empty ones (a
seeded random sample) with ``analysis.timex.tag_timex`` and with ``dateparser.search.search_dates``
(languages=["ar"], RELATIVE_BASE = the crawl date), one core, in alternating blocks of 50 articles so that
both see the same machine load, and prints articles/s for both and the ratio.
It also times ``tag_timex`` over every article of the zips, and the two pipeline stages of this area,
``extract_timex`` + ``extract_events`` (titles included), on the articles as ``analysis.corpus.iter_corpus``
loads them in chunks of 500 (the mentions they need are computed first, outside the timing). Timings: wall
clock (time.perf_counter) and this process's CPU time (time.process_time, less sensitive to other processes
on a shared machine).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.timex import tag_timex


def load(zips: list[Path]) -> list[dict]:
    out = []
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    out += [a for a in json.loads(zf.read(name)) if a.get("content")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("zips", nargs="+", type=Path)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    arts = load(args.zips)
    sample = random.Random(args.seed).sample(arts, min(args.sample, len(arts)))
    tag_timex("أمس", anchor=date(2015, 8, 1))  # build the grammar once, outside the timing

    from dateparser.search import search_dates

    search_dates("أمس", languages=["ar"])
    # alternating blocks of 50 articles (ours, then dateparser on the same block), so that both see the same
    # machine load over time while each keeps its caches warm within a block
    t_ours = t_dp = c_ours = c_dp = 0.0
    n_ours = n_dp = 0
    for b in range(0, len(sample), 50):
        block = sample[b : b + 50]
        t0, c0 = time.perf_counter(), time.process_time()
        for a in block:
            n_ours += len(tag_timex(a["content"], anchor=date.fromisoformat(a["date_extracted"][:10])))
        t1, c1 = time.perf_counter(), time.process_time()
        for a in block:
            base = datetime.fromisoformat(a["date_extracted"])
            n_dp += len(search_dates(a["content"], languages=["ar"], settings={"RELATIVE_BASE": base}) or [])
        t2, c2 = time.perf_counter(), time.process_time()
        t_ours += t1 - t0
        t_dp += t2 - t1
        c_ours += c1 - c0
        c_dp += c2 - c1

    t0, c0 = time.perf_counter(), time.process_time()
    n_all = sum(len(tag_timex(a["content"], anchor=date.fromisoformat(a["date_extracted"][:10]))) for a in arts)
    t_all, c_all = time.perf_counter() - t0, time.process_time() - c0

    from analysis.actors import extract_mentions, load_codebook
    from analysis.corpus import iter_corpus
    from analysis.events import extract_events
    from analysis.timex import extract_timex

    chunks = [ch.articles for z in args.zips for ch in iter_corpus(z, chunk_size=500)]
    mentions = [extract_mentions(ch, codebook=load_codebook(None)) for ch in chunks]
    c_tx = c_ev = 0.0
    n_arts = n_tx = n_ev = 0
    for ch, ment in zip(chunks, mentions):
        c0 = time.process_time()
        tx = extract_timex(ch)
        c1 = time.process_time()
        ev = extract_events(ch, ment, tx)
        c2 = time.process_time()
        c_tx += c1 - c0
        c_ev += c2 - c1
        n_arts += len(ch)
        n_tx += len(tx)
        n_ev += len(ev)

    n = len(sample)
    print(f"sample of {n} articles, wall clock: tag_timex {n / t_ours:.0f} articles/s ({n_ours} expressions); "
          f"dateparser.search_dates {n / t_dp:.1f} articles/s ({n_dp} dates); ratio {t_dp / t_ours:.0f}x")
    print(f"same, CPU time of this process: tag_timex {n / c_ours:.0f} articles/s; dateparser {n / c_dp:.1f} articles/s; "
          f"ratio {c_dp / c_ours:.0f}x")
    print(f"all {len(arts)} articles of {', '.join(z.name for z in args.zips)}: tag_timex {len(arts) / t_all:.0f} articles/s "
          f"wall, {len(arts) / c_all:.0f} articles/s CPU ({n_all} expressions)")
    print(f"stages on {n_arts} articles (titles included), CPU time: extract_timex {n_arts / c_tx:.0f} articles/s "
          f"({n_tx} rows), extract_events {n_arts / c_ev:.0f} articles/s ({n_ev} rows), both {n_arts / (c_tx + c_ev):.0f} "
          f"articles/s")


if __name__ == "__main__":
    main()
