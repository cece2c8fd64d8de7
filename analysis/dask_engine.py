"""The extraction on a Dask cluster: same extractors, same inputs, same tables as :func:`analysis.pipeline.run_extract`.

``run_extract_dask(corpus, out_dir, settings)`` cuts the corpus into partitions of whole input files
(:func:`analysis.corpus.list_partitions`: file listings, zip directories and metadata only) and runs,
as Dask tasks on the workers:

    load_partition(p)  ─▶  apply_settlement(·, ids)  ─▶  extract_chunk(rows k·chunk_size …)  for each chunk k

The two corpus-wide loader steps (``article_id`` made unique with ``#2``…, ``duplicate_of`` = first
article with the same normalised text) need every earlier article: the client settles them from each
partition's small claims (id, origin, text digest), in load order, and sends back the result. The
client gathers chunk results in input order and appends them to the same Parquet files, one row group
per chunk, so its memory stays bounded (at most ``2 × workers + 1`` partitions in flight). The tables
equal the pandas engine's row for row (tests/test_dask_engine.py).

By default a ``LocalCluster`` of ``settings.workers`` single-threaded worker processes is started and
closed; ``scheduler="tcp://host:8786"`` uses an existing ``dask.distributed`` scheduler instead. Every
worker must be able to import this package (same version) and read the corpus at the same absolute
path (the partitions name files by absolute path). See benchmarks/README.md, "Dask engine".

>>> from analysis.dask_engine import run_extract_dask  # doctest: +SKIP
>>> run_extract_dask("data/seeds", "results/seeds", Settings(workers=2)).rows  # doctest: +SKIP
{'articles': 366, 'skipped': 2, 'mentions': ..., ...}
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .config import Settings
from .pipeline import STAGES, ExtractResult, extract_chunk, package_version, publish_tables, table_writers

#: partitions are cut after this many bytes of input files (uncompressed); a file is never split
PARTITION_BYTES = 8 << 20


# --- tasks (run on the workers; module-level so that they pickle by reference) -----------------------


def _load(partition, timezone: str, fields: dict | None):
    from .corpus import load_partition

    return load_partition(partition, timezone=timezone, fields=fields)


def _claims(loaded) -> tuple:
    return loaded.claims


def _settle(loaded, settlement):
    from .corpus import apply_settlement

    return apply_settlement(loaded, settlement)


def _skipped(settled) -> pd.DataFrame:
    return settled.skipped


def _worker_version() -> str:
    return package_version()


def _extract(settled, start: int, stop: int, settings: Settings) -> dict[str, pd.DataFrame]:
    articles = settled.articles.iloc[start:stop].reset_index(drop=True)
    return {"articles": articles, **extract_chunk(articles, settings)}


# --- the client ----------------------------------------------------------------------------------


@dataclass
class _InFlight:
    """One partition between submission and writing."""

    loaded: Any  # Future of LoadedPartition
    claims: Any  # Future of its claims
    skipped: Any = None  # Future of the settled skipped rows
    chunks: deque = field(default_factory=deque)  # Futures of chunk results, in order
    settled: bool = False


def run_extract_dask(
    corpus: str | Path,
    out_dir: str | Path,
    settings: Settings = Settings(),
    *,
    scheduler: str | None = None,
    partition_bytes: int = PARTITION_BYTES,
    on_chunk: Callable[[int, int], None] | None = None,
) -> ExtractResult:
    """Like :func:`analysis.pipeline.run_extract` (same files, columns and rows) on a Dask cluster.

    ``scheduler``: address of a running ``dask.distributed`` scheduler (``tcp://host:8786``); None
    starts a local cluster of ``settings.workers`` processes for this run. Returns an
    :class:`~analysis.pipeline.ExtractResult`.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            return _run(client, corpus, out_dir, settings, partition_bytes, on_chunk)
    with LocalCluster(
        n_workers=max(1, settings.workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        return _run(client, corpus, out_dir, settings, partition_bytes, on_chunk)


def _run(client, corpus, out_dir, settings: Settings, partition_bytes: int, on_chunk) -> ExtractResult:
    from dask.distributed import wait

    from .corpus import CorpusIds, list_partitions, skipped_records

    unknown = set(settings.stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; choose from {list(STAGES)}")
    mine = package_version()
    theirs = client.run(_worker_version)  # {worker address: version}; fails if a worker lacks the package
    if not theirs:
        raise RuntimeError("the Dask cluster has no workers; start some with `dask worker SCHEDULER_ADDRESS`")
    wrong = {w: v for w, v in theirs.items() if v != mine}
    if wrong:
        raise RuntimeError(
            f"workers run another version of this package than the client ({mine}): {wrong}; "
            "install the same version on every worker (pip install <this repository or wheel>)"
        )
    out = Path(out_dir)
    result = ExtractResult(out_dir=out)
    todo = deque(list_partitions(corpus, max_bytes=partition_bytes))
    fields = dict(settings.fields) or None
    workers = client.scheduler_info().get("workers", {})
    n_workers = max(1, sum(w.get("nthreads", 1) for w in workers.values()) or settings.workers)
    window = 2 * n_workers + 1
    ids = CorpusIds()
    inflight: deque[_InFlight] = deque()
    with table_writers(out, settings, "extract (dask)") as (writers, progress):
        while todo or inflight:
            while todo and len(inflight) < window:  # keep every worker busy, but memory bounded
                loaded = client.submit(_load, todo.popleft(), settings.timezone, fields, pure=False)
                inflight.append(_InFlight(loaded, client.submit(_claims, loaded, pure=False)))
            # settle ids in load order as soon as each partition's claims are in, and submit its chunks
            for part in inflight:
                if part.settled:
                    continue
                if not part.claims.done():
                    break
                claims = part.claims.result()
                settled = client.submit(_settle, part.loaded, ids.settle(claims), pure=False)
                part.skipped = client.submit(_skipped, settled, pure=False)
                part.chunks.extend(
                    client.submit(_extract, settled, i, min(i + settings.chunk_size, len(claims)), settings, pure=False)
                    for i in range(0, len(claims), settings.chunk_size)
                )
                part.loaded = part.claims = None  # the settled partition replaces them on the workers
                part.settled = True
            # write the head partition's results in input order: its skipped rows, then chunk by chunk
            head = inflight[0]
            ready = None
            if head.settled:
                ready = head.skipped if head.skipped is not None else (head.chunks[0] if head.chunks else None)
                if ready is None:
                    inflight.popleft()
                    continue
                if ready.done():
                    if ready is head.skipped:
                        skipped = ready.result()
                        writers["skipped"].write(skipped)
                        n_skipped = len(skipped_records(skipped))
                        result.n_skipped += n_skipped
                        result.n_notes += len(skipped) - n_skipped
                        head.skipped = None
                    else:
                        tables = head.chunks.popleft().result()
                        for name, df in tables.items():
                            writers[name].write(df)
                        result.n_loaded += len(tables["articles"])
                        if progress is not None:
                            progress.update(len(tables["articles"]))
                        if on_chunk is not None:
                            on_chunk(result.n_loaded, result.n_skipped)
                    continue
            # wait for the next thing to write or the next claims to settle, whichever comes first
            unsettled = next((p for p in inflight if not p.settled), None)
            wait([f for f in (ready, unsettled.claims if unsettled else None) if f is not None], return_when="FIRST_COMPLETED")
    return publish_tables(writers, out, result)
