"""Memory and CPU of the loader's corpus-wide identity index (``analysis.corpus.CorpusIds``) alone.

usage: python benchmarks/bench_corpus_ids.py [--articles 300000] [--copies 10] [--batch 500]

Settles ``--articles`` synthetic claims shaped like SaudiNewsNet's (ids ``copyNN/<day>.zip!<day>.json:<i>``,
one input file per day of ~1,700 records, the default ids), in batches of ``--batch`` as the loader does.
The texts repeat as in the corpus copied ``--copies`` times: each distinct text is seen ``--copies`` times
(``--copies 1``: every text distinct). A few explicit ids collide so that renames happen too.
Prints the bytes the index holds afterwards (tracemalloc: Python objects, numpy and array buffers) per
article, its peak while settling, and the CPU seconds (time.process_time) of settling, from a second pass
without tracemalloc.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis.corpus import CorpusIds, IdClaim

PER_FILE = 1_700


def claims(n: int, copies: int, batch: int):
    """Batches of claims in load order; the claims are made on the fly and dropped after settling."""
    per_copy = -(-n // copies)
    out = []
    for i in range(n):
        copy, j = divmod(i, per_copy)
        day, rec = divmod(j, PER_FILE)
        path = f"copy{copy:02d}/2015-{day:05d}.zip!2015-{day:05d}.json"
        key = hashlib.blake2b(j.to_bytes(8, "little"), digest_size=16).digest()
        explicit = f"n{j // 1000 % 50}" if j % 1000 == 0 else None  # a few explicit ids that collide: renames
        out.append(IdClaim(explicit or f"{path}:{rec}", f"{path}#{rec}", key, path, rec, 0))
        if len(out) == batch:
            yield out
            out = []
    if out:
        yield out


def settle_all(n: int, copies: int, batch: int) -> tuple[CorpusIds, int, int]:
    ids = CorpusIds()
    renamed = dups = 0
    for b in claims(n, copies, batch):
        s = ids.settle(b)
        renamed += len(s.notes)
        dups += sum(d is not None for d in s.duplicate_of)
    return ids, renamed, dups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300_000)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--batch", type=int, default=500)
    args = ap.parse_args()
    n = args.articles
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    ids, renamed, dups = settle_all(n, args.copies, args.batch)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del ids
    t = time.process_time()
    settle_all(n, args.copies, args.batch)
    cpu = time.process_time() - t
    t = time.process_time()
    for _ in claims(n, args.copies, args.batch):  # making the claims, to subtract
        pass
    cpu_claims = time.process_time() - t
    print(f"{n:,} articles, texts seen {args.copies}x, {renamed:,} renamed, {dups:,} duplicates")
    print(
        f"index holds {(held - base) / 2**20:.1f} MiB = {(held - base) / n:.0f} B/article "
        f"(peak while settling {(peak - base) / 2**20:.1f} MiB = {(peak - base) / n:.0f} B/article)"
    )
    print(
        f"settling: {cpu - cpu_claims:.2f} CPU s ({(cpu - cpu_claims) / n * 1e6:.2f} us/article; "
        f"making the claims {cpu_claims:.2f} s, not counted)"
    )


if __name__ == "__main__":
    main()
