"""The extraction pipeline: corpus chunks → extractors → Parquet tables written as chunks finish.

Memory stays flat as the corpus grows: the loader yields bounded chunks, at most ``2 × workers`` chunks
are in flight, and each table is appended to its Parquet file one row group per chunk. Results are
deterministic: chunks are written in input order whatever the number of workers.

>>> from analysis.pipeline import extract_chunk  # doctest: +SKIP
>>> tables = extract_chunk(articles, Settings())  # doctest: +SKIP
>>> sorted(tables)  # doctest: +SKIP
['attributions', 'events', 'mentions', 'timex']
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from itertools import islice
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import schema
from .config import Settings

#: The extraction tables in the order they are computed; each depends only on those before it.
STAGES: tuple[str, ...] = ("mentions", "timex", "events", "attributions")
TABLE_FILES: tuple[str, ...] = ("articles", "skipped", *STAGES)
MANIFEST = "tables.json"


# --- one chunk ---------------------------------------------------------------------------------


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while the extractors run on a chunk.

    They allocate millions of short-lived objects and make few reference cycles: the collector's passes over
    the young objects cost ~8 % of ``extract_chunk`` (measured on 2,888 SaudiNewsNet articles), and the cycles
    of a chunk are collected after it. The previous state is restored (a caller that disabled it keeps it so).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
def extract_chunk(articles: pd.DataFrame, settings: Settings = Settings()) -> dict[str, pd.DataFrame]:
    """Run the extractors of ``settings.stages`` on one chunk of articles.

    Input: a frame with the articles columns (``analysis.schema.ARTICLES``). Output: ``{table name: frame}``
    for each requested stage, each conformed to its schema. Pure: the input is not modified.
    """
    from .actors import extract_mentions, load_codebook
    from .attribution import extract_attributions
    from .events import extract_events
    from .timex import extract_timex

    wanted = set(settings.stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; choose from {list(STAGES)}")
    out: dict[str, pd.DataFrame] = {}
    articles = with_python_strings(articles)
    need_mentions = wanted & {"mentions", "events", "attributions"}
    mentions = (
        extract_mentions(articles, codebook=load_codebook(list(settings.codebook) or None), tagger=settings.tagger,
                         tagger_margin=settings.tagger_margin)
        if need_mentions
        else schema.empty("mentions")
    )
    timex = extract_timex(articles) if wanted & {"timex", "events"} else schema.empty("timex")
    if "mentions" in wanted:
        out["mentions"] = schema.conform(mentions, "mentions")
    if "timex" in wanted:
        out["timex"] = schema.conform(timex, "timex")
    if "events" in wanted:
        out["events"] = schema.conform(extract_events(articles, mentions, timex), "events")
    if "attributions" in wanted:
        out["attributions"] = schema.conform(extract_attributions(articles, mentions), "attributions")
    return out


#: the article fields every stage reads as Python strings
SHARED_FIELDS = ("title", "text")


def with_python_strings(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with the :data:`SHARED_FIELDS` columns as Python ``str`` objects (object dtype; missing values
    stay ``pd.NA``), the other columns as they are; the input is not modified.

    Each stage reads the fields with ``tolist()``: from an Arrow string column that makes new ``str`` objects for
    every stage, from an object column it hands every stage the same ones. So a chunk's texts are converted once
    instead of four times, and the caches the stages share (``normalize_cached``, ``split_sentences_cached``, keyed
    by the text) hash each text once and find it by identity instead of comparing it character by character.
    """
    cols = [c for c in SHARED_FIELDS if c in articles.columns and articles[c].dtype != object]
    return articles.astype(dict.fromkeys(cols, object)) if cols else articles


# --- incremental Parquet -----------------------------------------------------------------------


#: Parquet codec of the tables: snappy (Parquet's and pandas' default) costs ~0.5 CPU s less than zstd on the
#: 30,676 SaudiNewsNet articles for files ~1.5x larger (benchmarks/pipeline_costs.py)
COMPRESSION = "snappy"


class TableWriter:
    """Appends frames of one table to a Parquet file, one row group each, and publishes it atomically.

    The file appears under its final name only when :meth:`close` is called after a complete run; an
    interrupted run leaves ``<name>.parquet.partial`` and never a truncated table under the final name.
    """

    def __init__(self, path: Path, name: str):
        self.path, self.name = path, name
        self.partial = path.with_name(path.name + ".partial")
        self._schema = schema.arrow_schema(name)
        self._writer = pq.ParquetWriter(self.partial, self._schema, compression=COMPRESSION)
        self.rows = 0

    def write(self, df: pd.DataFrame) -> None:
        if len(df):
            table = pa.Table.from_pandas(schema.conform(df, self.name), schema=self._schema, preserve_index=False)
            self._writer.write_table(table)
            self.rows += len(df)

    def close(self) -> None:
        self._writer.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        self._writer.close()


@dataclass
class ExtractResult:
    """What :func:`run_extract` did: counts and where the tables are."""

    out_dir: Path
    n_loaded: int = 0
    n_skipped: int = 0  # input records or files not loaded
    n_notes: int = 0  # rows of the skipped report about records loaded with a change (renamed id, no date, ...)
    rows: dict[str, int] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    reused: bool = False


def _process(articles: pd.DataFrame, settings: Settings) -> dict[str, pd.DataFrame]:
    return extract_chunk(articles, settings)


#: Chunks each worker process extracts before the pool is replaced by fresh processes. The caches an
#: extractor fills (word forms seen, normalised texts) and the allocator's high-water mark then stay at
#: the level of ``workers × CHUNKS_PER_WORKER`` chunks however long the corpus is (flat memory, issue 8);
#: the default fits the 18 SaudiNewsNet zips (31 chunks of 1,000) in one pool on 2 workers.
CHUNKS_PER_WORKER = 16

#: Chunks loaded and submitted ahead per worker: enough to keep every worker busy while this process loads
#: and writes; memory in flight is this × workers × chunk_size articles.
IN_FLIGHT_PER_WORKER = 2

#: Chunks loaded per worker before the first pool starts, while the workers' server warms up (~2.9 CPU s: the
#: codebook's automaton, the rule word lists, the grammars): this process would wait idle for it otherwise, and
#: every chunk loaded then is one less to load later, while the workers need the cores (2 workers: 16 chunks of
#: SaudiNewsNet, ~2 s of loading, within the warm-up). Memory: this × workers × chunk_size articles held here.
STARTUP_AHEAD_PER_WORKER = 8

#: Input bytes (files of the corpus) from which ``run_extract`` starts the workers' server before it loads the
#: first chunk, instead of once the first chunk is known to be full: the server then warms up while the first
#: chunk loads (~0.5 s: the loader's tables and 1,000 articles). The 18 SaudiNewsNet zips hold 29 MB for 30,676
#: articles (~1 MB per 1,000); a corpus under this size may fit one chunk, where the server would only cost CPU.
EARLY_START_BYTES = 4 << 20


def _worker_context():
    """Workers fork from a server process that imported the extractors and filled their caches once
    (``analysis._warmup``): a fresh pool costs no re-import or re-build, and its workers do not inherit this
    process's memory (the loader's corpus-wide index grows with the corpus). The server is started here, so
    it warms up while this process loads the first chunks. Not ``max_tasks_per_child``: it can deadlock on
    Python 3.11–3.12 (CPython gh-115634)."""
    import multiprocessing
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["analysis._warmup"])
    forkserver.ensure_running()
    return ctx


def _ordered(chunks: Iterable, settings: Settings) -> Iterator[tuple[object, dict[str, pd.DataFrame]]]:
    """Yield ``(chunk, tables)`` in input order; with several workers keep at most ``IN_FLIGHT_PER_WORKER ×
    workers`` chunks in flight, and start fresh worker processes every ``workers × CHUNKS_PER_WORKER`` chunks."""
    it = iter(chunks)
    first = next(it, None)
    if first is None:
        return
    # a full first chunk means more to come: start the workers' server now, to warm up while the next loads
    context = _worker_context() if settings.workers > 1 and len(first.articles) >= settings.chunk_size else None
    second = next(it, None)
    if settings.workers <= 1 or second is None:  # one chunk: process start-up would cost more than it saves
        for chunk in (c for c in (first, second) if c is not None):
            yield chunk, extract_chunk(chunk.articles, settings)
        for chunk in it:
            yield chunk, extract_chunk(chunk.articles, settings)
        return
    context = context or _worker_context()
    # the first worker blocks until the server has warmed up (~1.7 CPU s): load ahead meanwhile, so that
    # loading overlaps the warm-up instead of following it
    ahead = [first, second, *islice(it, STARTUP_AHEAD_PER_WORKER * settings.workers - 2)]
    pending = _chain(ahead, it)
    while (head := next(pending, None)) is not None:
        window: deque[tuple[object, Future]] = deque()
        with ProcessPoolExecutor(max_workers=settings.workers, mp_context=context) as pool:
            for chunk in _chain([head], islice(pending, settings.workers * CHUNKS_PER_WORKER - 1)):
                window.append((chunk, pool.submit(_process, chunk.articles, settings)))
                if len(window) >= IN_FLIGHT_PER_WORKER * settings.workers:
                    done, fut = window.popleft()
                    yield done, fut.result()
            while window:
                done, fut = window.popleft()
                yield done, fut.result()


def input_bytes(corpus: str | Path, *, stop_at: int | None = None) -> int:
    """Bytes of the files of ``corpus`` (a file, or every file under a folder, as stored: a zip counts its own
    size), from folder listings only; with ``stop_at``, the count stops once it reaches that many (a large folder
    is not walked to its end). Links to folders are not followed; a missing path counts 0."""
    root = Path(corpus)
    if root.is_file():
        return root.stat().st_size
    total, folders = 0, [root] if root.is_dir() else []
    while folders:
        with os.scandir(folders.pop()) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    folders.append(Path(e.path))
                elif e.is_file():
                    total += e.stat().st_size
                    if stop_at is not None and total >= stop_at:
                        return total
    return total


def _chain(head: list, tail: Iterator) -> Iterator:
    yield from head
    yield from tail


def run_extract(
    corpus: str | Path,
    out_dir: str | Path,
    settings: Settings = Settings(),
    *,
    on_chunk: Callable[[int, int], None] | None = None,
) -> ExtractResult:
    """Load ``corpus`` chunk by chunk, run the extractors and write every table to ``out_dir``.

    Writes ``articles.parquet``, ``skipped.csv`` (and ``skipped.parquet``) and one Parquet file per stage,
    plus ``tables.json`` (the manifest: counts, settings, cache key). ``on_chunk(n_loaded, n_skipped)``
    is called after each chunk (for progress). Returns an :class:`ExtractResult`.
    """
    from .corpus import iter_corpus, skipped_records

    out = Path(out_dir)
    result = ExtractResult(out_dir=out)
    if settings.workers > 1 and input_bytes(corpus, stop_at=EARLY_START_BYTES) >= EARLY_START_BYTES:
        try:  # a large corpus: the workers' server warms up while the first chunk loads
            _worker_context()
        except Exception:  # noqa: BLE001 - (e.g. a script without the __main__ guard) only the head start is lost:
            pass  # the workers' server is started again once a second chunk asks for workers, and then it raises
    with table_writers(out, settings) as (writers, progress):
        chunks = iter_corpus(
            corpus, chunk_size=settings.chunk_size, timezone=settings.timezone, fields=dict(settings.fields) or None
        )
        for chunk, tables in _ordered(chunks, settings):
            writers["articles"].write(chunk.articles)
            writers["skipped"].write(chunk.skipped)
            for name, df in tables.items():
                writers[name].write(df)
            result.n_loaded += len(chunk.articles)
            result.n_skipped += len(skipped_records(chunk.skipped))
            result.n_notes += len(chunk.skipped) - len(skipped_records(chunk.skipped))
            if progress is not None:
                progress.update(len(chunk.articles) + len(chunk.skipped))
                progress.set_postfix(loaded=result.n_loaded, skipped=result.n_skipped, refresh=False)
            if on_chunk is not None:
                on_chunk(result.n_loaded, result.n_skipped)
    return publish_tables(writers, out, result)


@contextmanager
def table_writers(out: Path, settings: Settings, desc: str = "extract") -> Iterator[tuple[dict[str, TableWriter], object]]:
    """``(writers, progress bar or None)`` for one run of an engine into ``out``: a :class:`TableWriter` for
    every table the settings ask for (articles, skipped and the stages). If the run fails, every writer is
    aborted, so no table appears under its final name (shared by the engines)."""
    out.mkdir(parents=True, exist_ok=True)
    names = ("articles", "skipped", *[s for s in STAGES if s in settings.stages])
    writers = {n: TableWriter(out / f"{n}.parquet", n) for n in names}
    progress = progress_bar(settings, desc)
    try:
        yield writers, progress
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    finally:
        if progress is not None:
            progress.close()


def publish_tables(writers: dict[str, TableWriter], out: Path, result: ExtractResult) -> ExtractResult:
    """Close every table under its final name, record paths and row counts, and write ``skipped.csv``
    (shared by the engines)."""
    from .files import write_csv_atomic

    for name, w in writers.items():
        w.close()
        result.paths[name] = w.path
        result.rows[name] = w.rows
    skipped_csv = out / "skipped.csv"
    write_csv_atomic(pd.read_parquet(result.paths["skipped"]), skipped_csv)
    result.paths["skipped_csv"] = skipped_csv
    return result


def progress_bar(settings: Settings, desc: str = "extract"):
    """A progress bar on stderr when ``settings.progress``, else None (shared by the engines)."""
    if not settings.progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(unit=" records", desc=desc, file=sys.stderr, mininterval=0.5)


# --- computed once per corpus ------------------------------------------------------------------


def cache_key(corpus: str | Path, settings: Settings) -> str:
    """A hash of everything the tables depend on: the corpus files' bytes, the codebook (default resources
    and user CSVs), the settings and the package version."""
    h = hashlib.sha256()
    root = Path(corpus)
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    for p in files:
        h.update(str(p.relative_to(root) if root.is_dir() else p.name).encode())
        _hash_file(h, p)
    root = Path(__file__).resolve().parent
    for p in sorted(_resource_files()):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    for p in settings.codebook:
        _hash_file(h, Path(p))
    h.update(json.dumps(_settings_dict(settings), sort_keys=True, default=str).encode())
    h.update(package_version().encode())
    return h.hexdigest()


def _hash_file(h, path: Path) -> None:
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)


def _resource_files() -> list[Path]:
    root = Path(__file__).resolve().parent / "resources"
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def _settings_dict(settings: Settings) -> dict:
    d = asdict(settings)
    for k in ("progress", "workers"):  # do not change the tables
        d.pop(k, None)
    return d


def package_version() -> str:
    try:
        return metadata.version("arabic-news-analysis")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def ensure_tables(corpus: str | Path, *, out_dir: str | Path, settings: Settings = Settings()) -> ExtractResult:
    """Compute the tables of ``corpus`` into ``out_dir`` unless the ones there were computed from the same
    corpus content, codebook, settings and package version (the key in ``tables.json``)."""
    out = Path(out_dir)
    key = cache_key(corpus, settings)
    manifest = out / MANIFEST
    if manifest.exists():
        try:
            m = json.loads(manifest.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            m = {}
        paths = {n: out / f"{n}.parquet" for n in ("articles", "skipped", *settings.stages)}
        if m.get("key") == key and all(p.exists() for p in paths.values()):
            return ExtractResult(
                out_dir=out, n_loaded=m["n_loaded"], n_skipped=m["n_skipped"], rows=m.get("rows", {}),
                paths=paths, reused=True,
            )
    result = run_extract(corpus, out, settings)
    write_manifest(result, corpus, settings, key)
    return result


def write_manifest(result: ExtractResult, corpus: str | Path, settings: Settings, key: str | None = None) -> None:
    """Record what was computed, from what, with which settings (``tables.json``)."""
    from .files import write_text_atomic

    m = {
        "corpus": str(corpus),
        "key": key or cache_key(corpus, settings),
        "package_version": package_version(),
        "settings": _settings_dict(settings),
        "n_loaded": result.n_loaded,
        "n_skipped": result.n_skipped,
        "rows": result.rows,
    }
    write_text_atomic(json.dumps(m, ensure_ascii=False, indent=2, default=str), result.out_dir / MANIFEST)


def read_tables(out_dir: str | Path, names: Iterable[str] = TABLE_FILES) -> dict[str, pd.DataFrame]:
    """Read the tables written by :func:`run_extract` (those that exist) into frames with their schema dtypes."""
    out = Path(out_dir)
    tables = {}
    for n in names:
        p = out / f"{n}.parquet"
        if p.exists():
            tables[n] = schema.conform(pd.read_parquet(p), n)
    return tables
