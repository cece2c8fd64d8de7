"""The benchmark scripts run on the seed corpus and report every number they promise (no timing assertions)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True,
                          timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_run_benchmark_reports_stages_total_floor_peers_and_copies(tmp_path):
    out = tmp_path / "bench.json"
    proc = _run("run_benchmark.py", str(SEEDS), "--timezone", "Asia/Riyadh", "--peer-sample", "5", "--copies", "2",
                "--copies-files", "2", "--workers", "2", "--json", str(out))
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["articles"] == 366 and res["words"] > 50_000 and res["input_files"] == 2
    assert list(res["stages"]) == ["load", "normalise", "mentions", "timex", "events", "attributions"]
    assert all(r["seconds"] > 0 and r["peak_rss_mb"] > 0 for r in res["stages"].values())
    total = res["total"]
    assert total["rows"]["articles"] == 366 and total["rows"]["mentions"] > 0
    assert 0 < total["peak_rss_largest_mb"] <= total["peak_rss_total_mb"]
    assert res["floor_seconds"] > 0
    assert res["peer_dateparser"]["articles"] == 5 and res["peer_dateparser"]["ours_found"] > 0
    assert res["peer_str_count"]["labels"] > 100 and res["peer_str_count"]["matches"] > 0
    copies = res["copies"]
    assert copies["rows"]["articles"] == 2 * copies["single"]["rows"]["articles"] == 2 * 366
    assert copies["peak_rss_total_mb"] > 0
    for needle in ("| load (one process) |", "**total: `extract`, end to end**", "floor:", "total / floor =",
                   "dateparser.search_dates", "naive pandas str.count", "corpus x2"):
        assert needle in proc.stdout, needle


def test_profile_stages_names_every_stage():
    proc = _run("profile_stages.py", str(SEEDS), "--articles", "30", "--top", "3")
    for stage in ("load", "mentions", "timex", "events", "attributions"):
        assert f"## {stage}:" in proc.stdout, stage
    assert "tottime" in proc.stdout


def test_pipeline_costs_reports_pickling_and_parquet():
    proc = _run("pipeline_costs.py", str(SEEDS), "--sample-chunks", "1", "--chunk-sizes", "500")
    assert "| pickle chunk (dumps+loads) |" in proc.stdout
    assert "write Parquet (zstd" in proc.stdout and "write Parquet (none" in proc.stdout


def test_profile_mentions_lines_add_up_to_the_stage():
    proc = _run("profile_mentions.py", str(SEEDS), "--chunk-size", "100")
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("366 articles of 1 input(s)")
    shares = {ln.split()[0]: float(ln.split()[-2]) for ln in lines[1:]}
    for name in ("_batch_fields", "_match_prepared", "_postprocess", "_discover", "extract_mentions"):
        assert name in shares, name
    # exclusive times: the lines are the whole stage, up to the rounding of each share to 0.1 % (at most 0.05 each)
    assert abs(sum(shares.values()) - 100) <= 0.05 * len(shares) + 0.01, (sum(shares.values()), len(shares))


def test_profile_mentions_skeleton_and_idle_split():
    full = int(_run("profile_mentions.py", str(SEEDS)).stdout.split(" mentions")[0].split()[-1].replace(",", ""))
    skeleton = _run("profile_mentions.py", str(SEEDS), "--skeleton").stdout
    assert int(skeleton.split(" mentions")[0].split()[-1].replace(",", "")) < full  # no rule pass: fewer mentions
    idle = _run("profile_mentions.py", str(SEEDS), "--idle").stdout.splitlines()
    assert int(idle[0].split(" mentions")[0].split()[-1].replace(",", "")) == full  # the split changes no output
    split = idle[idle.index(next(ln for ln in idle if ln.startswith("rule passes"))) + 1 :]
    assert any(ln.split()[0] == "_discover" and float(ln.split()[-2]) > 0 for ln in split)  # busy somewhere
    assert {ln.split()[0] for ln in split} >= {"_postprocess", "_role_names", "_link_short_forms"}


def test_startup_latency_reports_both_trees_every_round():
    proc = _run("startup_latency.py", str(SEEDS), "--baseline", str(ROOT), "--rounds", "1", "--chunk-size", "200")
    for name in ("before", "after"):
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith(f"round 1 {name}"))
        assert "first chunk written" in line and "whole run" in line and "(2 chunks)" in line, line
