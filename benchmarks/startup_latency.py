"""When the first chunk's tables are written, and when the whole run ends: two code trees, alternating.

usage: git archive <old commit> | tar -x -C /tmp/base      # the code to compare against (the whole tree)
       python benchmarks/startup_latency.py CORPUS --baseline /tmp/base [--rounds 3] [--workers 2]
                                            [--chunk-size 1000] [--timezone Asia/Riyadh]

Each round runs ``analysis.pipeline.run_extract`` on CORPUS once with the baseline's package and once with this
one (each in a fresh process, ``PYTHONPATH`` set to its tree, alternating which goes first) and prints, per run,
the seconds from the process's start to the first chunk written (``on_chunk``), to the end of the run, and the
main process's CPU seconds. The start of a run is where the workers wait for their server to warm up: its wall
time is what this measures (the extractors' own CPU: ``compare_stages_cpu.py``). Timings are wall clock: compare
runs of one invocation, and give the load average with them.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

#: what each run executes (a string, so that it runs with the other tree's package on its path)
RUN = """
import resource, sys, time
t0 = time.time()
from analysis.config import Settings
from analysis.pipeline import run_extract

def main():
    corpus, out, workers, chunk_size, timezone = sys.argv[1:6]
    marks = []
    run_extract(corpus, out, Settings(timezone=timezone, workers=int(workers), chunk_size=int(chunk_size)),
                on_chunk=lambda n, s: marks.append(time.time() - t0))
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{marks[0] if marks else float('nan'):.2f} {time.time() - t0:.2f} {ru.ru_utime + ru.ru_stime:.2f} {len(marks)}")

if __name__ == "__main__":
    main()
"""


def run_once(tree: Path, corpus: Path, args, script: Path, out: Path) -> tuple[float, float, float, int]:
    """(first chunk written, whole run, main CPU seconds, chunks) of one run with the package under ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run([sys.executable, str(script), str(corpus), str(out), str(args.workers), str(args.chunk_size),
                           args.timezone], cwd=tree, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"run with {tree} failed:\n{proc.stderr[-3000:]}")
    first, total, cpu, chunks = proc.stdout.split()[-4:]
    return float(first), float(total), float(cpu), int(chunks)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--baseline", type=Path, required=True, help="folder holding the older tree (its analysis/)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunk-size", type=int, default=1000)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    args = ap.parse_args()
    trees = {"before": args.baseline.resolve(), "after": HERE}
    corpus = args.corpus.resolve()
    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "run.py"
        script.write_text(RUN, encoding="utf-8")
        for r in range(args.rounds):
            for name in ("before", "after") if r % 2 == 0 else ("after", "before"):
                first, total, cpu, chunks = run_once(trees[name], corpus, args, script, Path(tmp) / name)
                print(f"round {r + 1} {name:6s}: first chunk written {first:6.2f} s  whole run {total:6.2f} s  "
                      f"main CPU {cpu:6.2f} s  ({chunks} chunks)", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
