"""The Dask engine and the partitioned loader: the same articles, skipped report and tables as the pandas engine."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import Settings
from analysis.corpus import CorpusIds, apply_settlement, list_partitions, load_corpus, load_partition
from analysis.pipeline import STAGES, read_tables

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"

T1 = "قال وزير الخارجية السعودي إن المملكة تدعم الحل السياسي في اليمن."
T2 = "أعلنت وزارة الصحة يوم الأحد عن افتتاح مستشفى جديد في الرياض."
T3 = "ذكرت وكالة الأنباء أن الرئيس المصري زار القاهرة أمس."


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="module")
def multi_corpus(tmp_path_factory) -> Path:
    """Several files: an id used in three of them, a text repeated across files (with other diacritics),
    a zip of two members (one a nested zip), metadata in a CSV and a sidecar, and files that are skipped."""
    root = tmp_path_factory.mktemp("multi")
    recs = [
        {"id": "x", "title": "خبر", "content": T1, "date": "2015-07-21 10:00:00"},
        {"id": "y", "content": T2, "date": "not a date"},
        {"content": "   "},
    ]
    (root / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    (root / "b").mkdir()
    (root / "b" / "c.json").write_text(
        json.dumps([{"id": "x", "text": "قَالَ " + T1[4:]}, {"id": "x#2", "text": T3}], ensure_ascii=False), encoding="utf-8"
    )
    inner = _zip_bytes({"deep.txt": T2.encode("utf-8")})
    (root / "d.zip").write_bytes(
        _zip_bytes({
            "e.jsonl": (json.dumps({"id": "x", "text": T3}, ensure_ascii=False) + "\n").encode("utf-8"),
            "inner.zip": inner,
            "notes.bin": b"\x00\x01",
        })
    )
    (root / "f.txt").write_text(T1, encoding="utf-8")
    (root / "f.txt.meta.json").write_text(json.dumps({"published": "2015-08-01", "source": "okaz"}), encoding="utf-8")
    (root / "g.txt").write_bytes(b"")
    (root / "metadata.csv").write_text(
        "path,timezone,source\na.jsonl,Asia/Riyadh,alriyadh\nmissing.txt,UTC,x\n", encoding="utf-8"
    )
    return root


def _by_partitions(corpus: Path, *, max_bytes: int, timezone: str = "UTC"):
    ids = CorpusIds()
    arts, skips = [], []
    for part in list_partitions(corpus, max_bytes=max_bytes):
        loaded = load_partition(part, timezone=timezone)
        chunk = apply_settlement(loaded, ids.settle(loaded.claims))
        arts.append(chunk.articles)
        skips.append(chunk.skipped)
    return pd.concat(arts, ignore_index=True), pd.concat(skips, ignore_index=True)


@pytest.mark.parametrize("max_bytes", [1, 1 << 30])
def test_partitions_load_exactly_like_the_whole_corpus(multi_corpus, max_bytes):
    whole = load_corpus(multi_corpus)
    articles, skipped = _by_partitions(multi_corpus, max_bytes=max_bytes)
    pd.testing.assert_frame_equal(articles, whole.articles)
    pd.testing.assert_frame_equal(skipped, whole.skipped)
    # the fixture really exercises the corpus-wide steps
    ids = list(whole.articles["article_id"])
    assert {"x", "x#2", "x#3", "x#2#2"} <= set(ids), ids
    assert (whole.articles["duplicate_of"] == "x").sum() >= 2  # T1 again in c.json and f.txt
    assert (whole.skipped["reason"] == "loaded with renamed article_id").sum() == 3
    assert "metadata without file" in set(whole.skipped["reason"])


def test_partitions_are_whole_files_in_load_order(multi_corpus):
    one_each = list_partitions(multi_corpus, max_bytes=1)
    files = [f for p in one_each for f in p.files]
    # files to read; the unsupported and the empty file are skipped-report rows inside the partitions
    assert files == ["a.jsonl", "b/c.json", "d.zip!e.jsonl", "d.zip!inner.zip!deep.txt", "f.txt"]
    assert all(len(p.files) == 1 for p in one_each)
    assert [f for p in list_partitions(multi_corpus) for f in p.files] == files


def test_seed_partitions_match_load_corpus():
    articles, skipped = _by_partitions(SEEDS, max_bytes=1)
    whole = load_corpus(SEEDS)
    pd.testing.assert_frame_equal(articles, whole.articles)
    pd.testing.assert_frame_equal(skipped, whole.skipped)


# --- the engine on a local cluster of 2 workers -----------------------------------------------------
# dask.distributed's Nanny starts every worker with PYTHONHASHSEED=6640 (distributed/nanny.py,
# dask/dask#6640). The pandas engine's reference run is given another seed on purpose: equal tables then
# also show that no extractor depends on set or dict iteration order.

DASK_HASH_SEED = "6640"
PANDAS_HASH_SEED = {"PYTHONHASHSEED": "1"}


def _extract_cli(corpus: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "--quiet", *args],
        capture_output=True, text=True, timeout=600, cwd=out.parent, env={**os.environ, **PANDAS_HASH_SEED},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _hash_seed() -> str | None:
    import os

    return os.environ.get("PYTHONHASHSEED")


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, worker_dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert set(client.run(_hash_seed).values()) == {DASK_HASH_SEED}
        yield cluster.scheduler_address


def _assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = read_tables(a), read_tables(b)
    assert set(ta) == set(tb) == {"articles", "skipped", *STAGES}
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)
    assert (b / "skipped.csv").read_bytes() == (a / "skipped.csv").read_bytes()


@pytest.mark.parametrize("corpus_name", ["seeds", "multi"])
def test_dask_tables_equal_pandas_tables_row_for_row(corpus_name, multi_corpus, scheduler, tmp_path):
    from analysis.dask_engine import run_extract_dask

    corpus = SEEDS if corpus_name == "seeds" else multi_corpus
    # small chunks and partitions: several partitions, several chunks each, chunk edges not aligned
    settings = Settings(chunk_size=70, workers=2, timezone="Asia/Riyadh")
    _extract_cli(corpus, tmp_path / "pandas", "--chunk-size", "70", "--workers", "2", "--timezone", "Asia/Riyadh")
    got = run_extract_dask(corpus, tmp_path / "dask", settings, scheduler=scheduler, partition_bytes=1)
    ref_rows = json.loads((tmp_path / "pandas" / "tables.json").read_text(encoding="utf-8"))
    assert got.rows == ref_rows["rows"]
    assert (got.n_loaded, got.n_skipped) == (ref_rows["n_loaded"], ref_rows["n_skipped"])
    assert got.rows["articles"] > 0 and got.rows["mentions"] > 0
    assert len(list_partitions(corpus, max_bytes=1)) == (2 if corpus_name == "seeds" else 5)
    _assert_same_tables(tmp_path / "pandas", tmp_path / "dask")


def test_cli_engine_dask_on_its_own_local_cluster(multi_corpus, tmp_path):
    proc = _extract_cli(multi_corpus, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert proc.stdout.startswith("7 loaded, 3 skipped"), proc.stdout
    _extract_cli(multi_corpus, tmp_path / "pandas")
    _assert_same_tables(tmp_path / "pandas", tmp_path / "dask")


def test_scheduler_needs_engine_dask(tmp_path):
    from analysis.cli import main

    assert main(["extract", str(SEEDS), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1", "--quiet"]) == 3
