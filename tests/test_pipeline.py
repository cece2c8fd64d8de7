"""The extract command and the pipeline: tables, schema, offsets, determinism, caching, bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.config import Settings
from analysis.pipeline import STAGES, cache_key, ensure_tables, extract_chunk, read_tables, run_extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seeds" / "000_e3dabb0c118fe892.txt"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "seed.txt.meta.json").write_text(json.dumps({"published": "2016-11-30T12:00:00"}), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run_extract(corpus, out, Settings(workers=1))
    return read_tables(out)


def test_every_table_is_written_with_its_schema(seed_tables):
    for name in ("articles", "skipped", *STAGES):
        assert name in seed_tables, name
        assert list(seed_tables[name].columns) == list(schema.TABLES[name]), name
    assert len(seed_tables["articles"]) == 1
    assert len(seed_tables["mentions"]) > 20
    assert len(seed_tables["timex"]) >= 5
    assert len(seed_tables["attributions"]) >= 10


@pytest.mark.parametrize("name,start,end,surface", [
    ("mentions", "start", "end", "surface"),
    ("timex", "start", "end", "surface"),
    ("attributions", "cue_start", "cue_end", "cue"),
])
def test_offsets_point_into_the_text_as_loaded(seed_tables, name, start, end, surface):
    text = seed_tables["articles"]["text"].iloc[0]
    rows = seed_tables[name]
    assert len(rows)
    for r in rows.itertuples():
        assert text[getattr(r, start):getattr(r, end)] == getattr(r, surface)


def test_extract_chunk_does_not_mutate_its_input(seed_tables):
    articles = seed_tables["articles"]
    before = articles.copy(deep=True)
    extract_chunk(articles, Settings())
    pd.testing.assert_frame_equal(articles, before)


def test_with_python_strings_hands_every_stage_the_same_str_objects():
    from analysis.pipeline import with_python_strings

    articles = pd.DataFrame({"article_id": ["a", "b"], "title": ["عنوان", None], "text": ["نص أول", "نص ثان"]},
                            dtype="string")
    before = articles.copy(deep=True)
    shared = with_python_strings(articles)
    pd.testing.assert_frame_equal(articles, before)  # the input is not modified
    assert shared["text"].dtype == object and shared["title"].dtype == object
    assert shared["article_id"].dtype == articles["article_id"].dtype  # the other columns as they were
    assert shared["title"].tolist() == articles["title"].tolist()  # the same values, <NA> for a missing title
    assert shared["title"].tolist()[1] is pd.NA
    assert all(a is b for a, b in zip(shared["text"].tolist(), shared["text"].tolist()))  # one object per text
    assert not any(a is b for a, b in zip(articles["text"].tolist(), articles["text"].tolist()))  # (Arrow: new ones)
    assert with_python_strings(shared) is shared  # nothing left to convert
    ids = articles[["article_id"]]
    assert with_python_strings(ids) is ids  # a frame without the fields passes through


def test_extract_chunk_gives_the_same_tables_from_arrow_or_python_strings(seed_tables):
    articles = seed_tables["articles"]
    assert articles["text"].dtype != object
    from_arrow = extract_chunk(articles, Settings())
    from_objects = extract_chunk(articles.astype({"text": object, "title": object}), Settings())
    for name in STAGES:
        pd.testing.assert_frame_equal(from_arrow[name], from_objects[name])


def test_extract_chunk_pauses_the_collector_and_restores_its_state(seed_tables):
    import gc

    from analysis.pipeline import collector_paused

    articles = seed_tables["articles"].head(3)
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    extract_chunk(articles, Settings())
    assert gc.isenabled()
    gc.disable()
    try:
        extract_chunk(articles, Settings())
        assert not gc.isenabled()  # a caller that disabled it keeps it disabled
    finally:
        gc.enable()


def test_same_corpus_gives_same_tables_with_one_or_two_workers(tmp_path, monkeypatch):
    """Two workers, replaced by fresh processes every 2 chunks each (8 chunks: two pools), give the tables of one."""
    import analysis.pipeline

    pools = []

    class CountedPool(analysis.pipeline.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(analysis.pipeline, "CHUNKS_PER_WORKER", 2)
    monkeypatch.setattr(analysis.pipeline, "ProcessPoolExecutor", CountedPool)
    corpus = ROOT / "data" / "seeds"
    a = run_extract(corpus, tmp_path / "a", Settings(workers=1, chunk_size=50))
    b = run_extract(corpus, tmp_path / "b", Settings(workers=2, chunk_size=50))
    assert len(pools) == 2
    assert a.n_loaded == b.n_loaded > 1
    ta, tb = read_tables(tmp_path / "a"), read_tables(tmp_path / "b")
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def test_input_bytes_counts_the_files_until_asked_to_stop(tmp_path):
    from analysis.pipeline import input_bytes

    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_bytes(b"y" * 50)
    assert input_bytes(tmp_path) == 150  # files in subfolders too
    assert input_bytes(tmp_path / "a.txt") == 100
    assert 50 <= input_bytes(tmp_path, stop_at=40) < 150  # stops at the first file that reaches it
    assert input_bytes(tmp_path / "missing") == 0
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert input_bytes(tmp_path) == 150  # a link to a folder is not followed


def test_a_large_corpus_starts_the_workers_server_before_its_first_chunk_loads(tmp_path, monkeypatch):
    import analysis.corpus
    import analysis.pipeline

    events = []
    real_context, real_iter = analysis.pipeline._worker_context, analysis.corpus.iter_corpus

    def context():
        events.append("server")
        return real_context()

    def iter_corpus(*args, **kwargs):
        for chunk in real_iter(*args, **kwargs):
            events.append("chunk")
            yield chunk

    monkeypatch.setattr(analysis.pipeline, "_worker_context", context)
    monkeypatch.setattr(analysis.corpus, "iter_corpus", iter_corpus)
    corpus = ROOT / "data" / "seeds"  # ~1 MB, one chunk of 1,000
    run_extract(corpus, tmp_path / "a", Settings(workers=2))
    assert "server" not in events  # a small corpus, one chunk: no server at all
    events.clear()
    monkeypatch.setattr(analysis.pipeline, "EARLY_START_BYTES", 1000)
    run_extract(corpus, tmp_path / "b", Settings(workers=2))
    assert events[0] == "server" and "chunk" in events  # started before the first chunk was loaded
    events.clear()
    run_extract(corpus, tmp_path / "c", Settings(workers=1))
    assert "server" not in events  # one worker: this process extracts
    ta, tb = read_tables(tmp_path / "a"), read_tables(tmp_path / "b")
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def test_tables_are_reused_only_when_nothing_changed(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("قال وزير الخارجية السعودي عادل الجبير أمس إن الرياض ترحب بالاتفاق.", encoding="utf-8")
    first = ensure_tables(corpus, out_dir=tmp_path / "out")
    again = ensure_tables(corpus, out_dir=tmp_path / "out")
    assert not first.reused and again.reused
    key = cache_key(corpus, Settings())
    (corpus / "b.txt").write_text("وذكرت المصادر أن الوفد وصل إلى القاهرة.", encoding="utf-8")
    assert cache_key(corpus, Settings()) != key
    assert cache_key(corpus, Settings(timezone="Asia/Riyadh")) != cache_key(corpus, Settings())
    third = ensure_tables(corpus, out_dir=tmp_path / "out")
    assert not third.reused and third.n_loaded == 2


def test_cli_prints_counts_and_writes_skipped_csv(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("قال المتحدث باسم الحكومة اليوم إن الوضع مستقر.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    r = _run("extract", str(corpus), "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 loaded, 1 skipped" in r.stdout
    skipped = pd.read_csv(tmp_path / "out" / "skipped.csv")
    assert list(skipped["reason"]) == ["empty text"]
    assert (tmp_path / "out" / "tables.json").exists()
    assert not (tmp_path / "out" / "mentions.parquet.partial").exists()


def test_a_failed_run_publishes_no_table(tmp_path):
    """A run that fails half-way leaves only ``*.partial`` files, never a table under its final name."""

    def fail(n_loaded, n_skipped):
        raise RuntimeError("interrupted")

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RuntimeError, match="interrupted"):
        run_extract(corpus, tmp_path / "out", Settings(workers=1, progress=False, stages=("mentions",)), on_chunk=fail)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written and all(name.endswith(".parquet.partial") for name in written), written


def test_cli_fails_when_nothing_loads_and_says_why(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    r = _run("extract", str(corpus), "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path)
    assert r.returncode != 0
    assert "0 loaded, 1 skipped" in r.stdout
    assert "nothing could be loaded" in r.stderr


def test_cli_default_out_is_results_corpus_name(tmp_path):
    corpus = tmp_path / "mycorpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("أعلنت وكالة الأنباء السعودية (واس) أمس عن زيارة.", encoding="utf-8")
    r = _run("extract", str(corpus), "--quiet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "results" / "mycorpus" / "articles.parquet").exists()


def test_missing_corpus_is_a_clear_error(tmp_path):
    r = _run("extract", str(tmp_path / "nope"), cwd=tmp_path)
    assert r.returncode != 0 and "does not exist" in r.stderr


def test_tables_do_not_depend_on_the_hash_seed(tmp_path):
    """Same corpus, same tables, whatever Python's string-hash seed (set iteration order) is."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    lines = (ROOT / "data" / "seeds" / "saudinewsnet_sample.jsonl").read_text(encoding="utf-8").splitlines()[:80]
    (corpus / "sample.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "--quiet",
                            "--workers", "1"], capture_output=True, text=True, timeout=600, env=env)
        assert r.returncode == 0, r.stderr
        outs.append(read_tables(out))
    for name in outs[0]:
        pd.testing.assert_frame_equal(outs[0][name], outs[1][name], obj=name)


def test_conform_keeps_a_conformed_table_and_converts_anything_else():
    raw = pd.DataFrame({"article_id": ["a"], "field": ["text"], "start": [0], "end": [3], "surface": ["مصر"],
                        "sentence_index": [0]})
    once = schema.conform(raw, "mentions")
    assert [str(t) for t in once.dtypes] == list(schema.MENTIONS.values())
    again = schema.conform(once, "mentions")
    assert again is not once
    pd.testing.assert_frame_equal(again, once)
    shifted = once.set_axis([5])  # not a 0..n-1 index: rebuilt
    assert list(schema.conform(shifted, "mentions").index) == [0]
    wrong = once.astype({"start": "int32"})
    assert str(schema.conform(wrong, "mentions")["start"].dtype) == "int64"


def test_the_worker_warm_up_fills_the_caches_and_survives_a_failure(monkeypatch, capsys):
    import analysis._warmup as warmup
    from analysis.actors.codebook import _default_codebook

    _default_codebook.cache_clear()
    warmup.warm_up()
    assert _default_codebook()._cache  # the default codebook and its matcher are built before any fork

    def broken(*args, **kwargs):
        raise RuntimeError("no resources")

    monkeypatch.setattr("analysis.pipeline.extract_chunk", broken)
    warmup.warm_up()  # reports, does not raise
    assert "warm-up failed" in capsys.readouterr().err
