"""Speed and memory of the whole extraction, side by side with the floor and the peers, in one run.

usage: python benchmarks/run_benchmark.py CORPUS [--timezone Asia/Riyadh] [--workers N] [--peer-sample 300]
                                          [--copies K] [--json FILE]

CORPUS is a folder or file the loader reads (the 18 SaudiNewsNet zips: ../shared/data/saudinewsnet).
Measured in this one run, so that the ratios hold on a noisy shared machine:

- ``floor``: one ``re.findall(r"\\w+")`` pass over the same texts, in one process;
- per stage, in one process: load, normalise (normalisation + sentences + tokens), mentions, timex,
  events, attributions — articles/s and words/s;
- ``total``: ``python -m analysis extract`` end to end (load included, default workers) in a child
  process, with the peak resident memory of its largest process and of all its processes together;
- peers: ``dateparser.search_dates`` on a sample of articles (against our timex on the same sample),
  and naive per-actor substring counting with pandas ``str.count`` (against our mentions stage);
- with ``--copies K``: the corpus copied K times under other names, extracted end to end, to show
  that peak memory stays flat as the corpus grows.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from analysis.actors import extract_mentions, load_codebook
from analysis.attribution import extract_attributions
from analysis.corpus import iter_corpus
from analysis.events import extract_events
from analysis.normalize import normalize_for_matching, split_sentences, tokenize
from analysis.timex import extract_timex

WORD = re.compile(r"\w+")


class MemoryWatcher:
    """Polls the resident memory of a process tree: the largest single process and the sum."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval = pid, interval
        self.peak_largest = self.peak_total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
                if rss:
                    self.peak_largest = max(self.peak_largest, max(rss))
                    self.peak_total = max(self.peak_total, sum(rss))
            except psutil.Error:
                pass
            time.sleep(self.interval)


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


def run_end_to_end(corpus: Path, out: Path, args) -> dict:
    cmd = [sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "--quiet",
           "--timezone", args.timezone]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with MemoryWatcher(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"seconds": took, "peak_rss_largest_mb": mem.peak_largest / 2**20, "peak_rss_total_mb": mem.peak_total / 2**20,
            "stdout": stdout.strip()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    ap.add_argument("--workers", type=int, default=0, help="extract --workers (default: extract's default, all cores)")
    ap.add_argument("--peer-sample", type=int, default=300, help="articles given to dateparser (it is slow)")
    ap.add_argument("--copies", type=int, default=0, help="also extract the corpus copied K times (memory flatness)")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()

    res: dict = {"machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
                            f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}",
                 "corpus": str(args.corpus), "stages": {}}
    print(f"# benchmark on {args.corpus} — {res['machine']}", flush=True)

    # load (one process), keeping the chunks for the per-stage timings
    t0 = time.perf_counter()
    chunks = [c.articles for c in iter_corpus(args.corpus, timezone=args.timezone)]
    load_s = time.perf_counter() - t0
    n = sum(len(c) for c in chunks)
    words = int(sum(c["n_words"].sum() for c in chunks))
    texts = [t for c in chunks for t in c["text"]]
    res.update(articles=n, words=words)
    res["stages"]["load"] = load_s

    # the floor
    _, floor_s = timed(lambda: [WORD.findall(t) for t in texts])
    res["floor_seconds"] = floor_s

    # per stage, one process
    codebook = load_codebook()
    _, res["stages"]["normalise"] = timed(
        lambda: [(normalize_for_matching(t), split_sentences(t), tokenize(t)) for t in texts])
    stage_s = {"mentions": 0.0, "timex": 0.0, "events": 0.0, "attributions": 0.0}
    for c in chunks:
        m, s = timed(extract_mentions, c, codebook=codebook)
        stage_s["mentions"] += s
        tx, s = timed(extract_timex, c)
        stage_s["timex"] += s
        stage_s["events"] += timed(extract_events, c, m, tx)[1]
        stage_s["attributions"] += timed(extract_attributions, c, m)[1]
    res["stages"].update(stage_s)

    # the whole extraction, end to end, in a child process
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        res["total"] = run_end_to_end(args.corpus, Path(tmp) / "out", args)

    # peers: dateparser on a sample, against our timex on the same sample
    sample = pd.concat(chunks).head(args.peer_sample)
    try:
        from dateparser.search import search_dates

        _, dp_s = timed(lambda: [search_dates(t, languages=["ar"]) for t in sample["text"]])
        _, ours_s = timed(extract_timex, sample)
        res["peer_dateparser"] = {"articles": len(sample), "seconds": dp_s, "ours_seconds": ours_s,
                                  "speedup": dp_s / ours_s if ours_s else float("inf")}
    except ImportError:
        res["peer_dateparser"] = "dateparser not installed (pip install dateparser)"
    # peers: naive per-actor substring counts with pandas over every text, for every country label
    labels = sorted({a.label_ar for a in codebook.actors.values() if a.type == "country"}) if hasattr(codebook, "actors") else []
    series = pd.Series(texts, dtype="string")
    _, naive_s = timed(lambda: {lab: int(series.str.count(re.escape(lab)).sum()) for lab in labels})
    res["peer_str_count"] = {"labels": len(labels), "seconds": naive_s}

    if args.copies:
        with tempfile.TemporaryDirectory(prefix="bench-copies-") as tmp:
            big = Path(tmp) / "corpus"
            src = args.corpus
            for k in range(args.copies):
                dest = big / f"copy{k:02d}"
                shutil.copytree(src, dest) if src.is_dir() else (dest.mkdir(parents=True), shutil.copy(src, dest))
            res["copies"] = {"k": args.copies, **run_end_to_end(big, Path(tmp) / "out", args)}

    report(res)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False))


def report(res: dict) -> None:
    n, words = res["articles"], res["words"]
    rows = []
    for stage, s in res["stages"].items():
        rows.append((stage, s, n / s if s else float("inf"), words / s if s else float("inf")))
    total = res["total"]
    rows.append(("total (extract, end to end)", total["seconds"], n / total["seconds"], words / total["seconds"]))
    rows.append(("floor: re.findall(\\w+)", res["floor_seconds"], n / res["floor_seconds"], words / res["floor_seconds"]))
    print(f"\n{n} articles, {words} words\n")
    print(f"| stage | seconds | articles/s | words/s |\n|---|---:|---:|---:|")
    for name, s, aps, wps in rows:
        print(f"| {name} | {s:.2f} | {aps:,.0f} | {wps:,.0f} |")
    print(f"\ntotal / floor = {total['seconds'] / res['floor_seconds']:.1f}x "
          f"(target <= 15x and <= 60 s); peak RSS largest process {total['peak_rss_largest_mb']:.0f} MB, "
          f"all processes {total['peak_rss_total_mb']:.0f} MB (targets < 2048 / < 4096 MB)")
    dp = res["peer_dateparser"]
    if isinstance(dp, dict):
        print(f"dateparser.search_dates: {dp['articles'] / dp['seconds']:.1f} articles/s; our timex on the same "
              f"{dp['articles']} articles: {dp['articles'] / dp['ours_seconds']:.0f} articles/s ({dp['speedup']:.0f}x)")
    else:
        print(dp)
    sc = res["peer_str_count"]
    print(f"naive pandas str.count for {sc['labels']} country labels: {sc['seconds']:.2f} s "
          f"({n / sc['seconds']:,.0f} articles/s) vs our mentions stage {res['stages']['mentions']:.2f} s")
    if "copies" in res:
        c = res["copies"]
        print(f"corpus x{c['k']}: {c['seconds']:.1f} s, peak RSS largest {c['peak_rss_largest_mb']:.0f} MB, all "
              f"{c['peak_rss_total_mb']:.0f} MB ({c['peak_rss_total_mb'] / total['peak_rss_total_mb']:.2f}x the single run)")


if __name__ == "__main__":
    main()
