"""What the pipeline itself costs around the extractors: loading, pickling chunks to worker processes
and results back, conforming and writing Parquet (per compression), per chunk size.

usage: python benchmarks/pipeline_costs.py CORPUS [--timezone Asia/Riyadh] [--sample-chunks 8]
                                           [--chunk-sizes 250,500,1000]

All in one process. Loads the whole corpus (timed: the main process does this in ``run_extract``),
then, on the first ``--sample-chunks`` chunks of 500 articles, times ``extract_chunk``, the pickling
of the chunk (to a worker) and of its tables (back), and the writing of the tables with each Parquet
compression; the per-chunk costs are scaled to the whole corpus. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis import schema
from analysis.config import Settings
from analysis.corpus import iter_corpus
from analysis.pipeline import extract_chunk


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    ap.add_argument("--sample-chunks", type=int, default=8)
    ap.add_argument("--chunk-sizes", default="250,500,1000")
    args = ap.parse_args()

    for cs in [int(x) for x in args.chunk_sizes.split(",")]:
        t0 = time.perf_counter()
        n_chunks = n = 0
        for c in iter_corpus(args.corpus, timezone=args.timezone, chunk_size=cs):
            n_chunks += 1
            n += len(c.articles)
        print(f"load, chunk_size {cs}: {time.perf_counter() - t0:.2f} s for {n} articles in {n_chunks} chunks")

    t0 = time.perf_counter()
    chunks = [c for c in iter_corpus(args.corpus, timezone=args.timezone, chunk_size=500)]
    load_s = time.perf_counter() - t0
    n = sum(len(c.articles) for c in chunks)
    sample = chunks[: args.sample_chunks]
    k = sum(len(c.articles) for c in sample)
    scale = n / k
    extract_chunk(sample[0].articles.head(3), Settings())  # warm caches
    costs = {"extract_chunk": 0.0, "pickle chunk (dumps+loads)": 0.0, "pickle tables (dumps+loads)": 0.0,
             "conform + Arrow conversion": 0.0}
    sizes = {"chunk": 0, "tables": 0}
    results = []
    for c in sample:
        t = time.perf_counter()
        tables = extract_chunk(c.articles, Settings())
        costs["extract_chunk"] += time.perf_counter() - t
        t = time.perf_counter()
        blob = pickle.dumps(c.articles, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(blob)
        costs["pickle chunk (dumps+loads)"] += time.perf_counter() - t
        sizes["chunk"] += len(blob)
        t = time.perf_counter()
        blob = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(blob)
        costs["pickle tables (dumps+loads)"] += time.perf_counter() - t
        sizes["tables"] += len(blob)
        t = time.perf_counter()
        arrow = {name: pa.Table.from_pandas(schema.conform(df, name), schema=schema.arrow_schema(name), preserve_index=False)
                 for name, df in {"articles": c.articles, **tables}.items()}
        costs["conform + Arrow conversion"] += time.perf_counter() - t
        results.append(arrow)
    with tempfile.TemporaryDirectory() as tmp:
        for comp in ("zstd", "snappy", "lz4", "none"):
            t = time.perf_counter()
            total_bytes = 0
            for name in results[0]:
                path = Path(tmp) / f"{name}.{comp}.parquet"
                with pq.ParquetWriter(path, schema.arrow_schema(name), compression=comp) as w:
                    for r in results:
                        w.write_table(r[name])
                total_bytes += path.stat().st_size
            costs[f"write Parquet ({comp}, {total_bytes * scale / 2**20:.0f} MB for the corpus)"] = time.perf_counter() - t

    print(f"\n{n} articles; per-chunk costs measured on {len(sample)} chunks ({k} articles) and scaled x{scale:.1f}\n")
    print("| cost | seconds for the whole corpus | share of extract_chunk |\n|---|---:|---:|")
    print(f"| load (iter_corpus, main process) | {load_s:.2f} | {load_s / (costs['extract_chunk'] * scale):.1%} |")
    for name, s in costs.items():
        print(f"| {name} | {s * scale:.2f} | {s / costs['extract_chunk']:.1%} |")
    print(f"\npickled per 500-article chunk: articles {sizes['chunk'] / len(sample) / 2**20:.1f} MB, "
          f"tables {sizes['tables'] / len(sample) / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
