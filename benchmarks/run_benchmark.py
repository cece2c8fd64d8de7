"""Speed and memory of the whole extraction, side by side with the floor and the peers, in one run.

usage: python benchmarks/run_benchmark.py CORPUS [--timezone Asia/Riyadh] [--workers N] [--chunk-size N]
                                          [--peer-sample 300] [--copies K] [--copies-files N] [--dask]
                                          [--no-stages] [--json FILE]

CORPUS is a folder or file the loader reads (the 18 SaudiNewsNet zips: ../shared/data/saudinewsnet).
Measured in this one run, so that the ratios hold on a noisy shared machine:

- ``floor``: one ``re.findall(r"\\w+")`` pass over the same texts, in one process;
- per stage, in this one process, chunk by chunk: load, normalise (normalisation + sentences + tokens),
  mentions, timex, events, attributions — seconds, articles/s, words/s and the peak resident memory of
  this process during the stage (it holds the whole loaded corpus: that is in every stage's figure); the
  extractors run with the cyclic garbage collector paused, as ``extract_chunk`` runs them;
- ``total``: ``python -m analysis extract`` end to end (load and Parquet writing included, default
  workers) in a child process, with the peak resident memory of its largest process and of all its
  processes together, and the CPU seconds of the main process and of the workers;
- with ``--dask``: the same with ``--engine dask`` (a local cluster of ``--workers`` processes);
- peers: ``dateparser.search_dates`` on a sample of articles against our timex on the same sample;
  naive per-actor substring counting with pandas ``str.count`` (one ``str.count`` per country label
  over every text; and for every actor label of the codebook over the peer sample) against our mentions;
- with ``--copies K``: the corpus copied K times under other names (``--copies-files N``: only its
  first N input files), extracted end to end, to show that peak memory stays flat as the corpus grows.

Nothing here asserts a time: it prints a Markdown table (and ``--json`` writes every number).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

import pandas as pd
import psutil

from analysis.actors import extract_mentions, load_codebook
from analysis.attribution import extract_attributions
from analysis.config import Settings
from analysis.corpus import iter_corpus, list_partitions
from analysis.events import extract_events
from analysis.normalize import normalize_for_matching, split_sentences, tokenize
from analysis.pipeline import collector_paused, with_python_strings
from analysis.timex import extract_timex

WORD = re.compile(r"\w+")
PACKAGES = ("pandas", "numpy", "pyarrow", "dask", "distributed", "pyahocorasick", "dateparser", "psutil")


class MemoryWatcher:
    """Polls a process tree: peak resident memory of the largest process and of all together, and the
    CPU seconds of the root process and of its descendants (last value seen for each)."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval = pid, interval
        self.peak_largest = self.peak_total = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def reset(self) -> None:
        self.peak_largest = self.peak_total = 0

    def _run(self):
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.interval)

    def sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        rss = []
        for p in procs:
            try:
                with p.oneshot():
                    rss.append(p.memory_info().rss)
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
            except psutil.Error:
                pass
        if rss:
            self.peak_largest = max(self.peak_largest, max(rss))
            self.peak_total = max(self.peak_total, sum(rss))

    @property
    def cpu_main(self) -> float:
        return self.cpu.get(self.pid, 0.0)

    @property
    def cpu_children(self) -> float:
        return sum(v for k, v in self.cpu.items() if k != self.pid)


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


def timed_cpu(fn, *args, **kw):
    """``(result, wall seconds, CPU seconds of this process)``."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0, time.process_time() - c0


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_end_to_end(corpus: Path, out: Path, args, *extra: str) -> dict:
    """``python -m analysis extract`` in a child process, watched."""
    cmd = [sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "--quiet",
           "--timezone", args.timezone, *extra]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    if args.chunk_size:
        cmd += ["--chunk-size", str(args.chunk_size)]
    load_before = os.getloadavg()[0]
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with MemoryWatcher(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    took = time.perf_counter() - t0
    # CPU of the whole tree. Workers forked by a forkserver are reaped by it, and it outlives the command, so
    # their time never reaches this process's RUSAGE_CHILDREN: the watcher's last sample of every process counts
    # them (at most one sampling interval short per process)
    cpu = max(_children_cpu() - cpu0, mem.cpu_main + mem.cpu_children)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    rows = json.loads((out / "tables.json").read_text(encoding="utf-8")).get("rows", {})
    return {"command": " ".join(cmd[1:]), "seconds": took, "peak_rss_largest_mb": mem.peak_largest / 2**20,
            "peak_rss_total_mb": mem.peak_total / 2**20, "cpu_main_s": mem.cpu_main,
            "cpu_children_s": mem.cpu_children, "cpu_total_s": cpu, "loadavg_before": load_before,
            "loadavg_after": os.getloadavg()[0], "rows": rows, "stdout": stdout.strip()}


def machine() -> dict:
    versions = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            versions[p] = None
    return {"node": platform.node(), "cpu": platform.processor() or platform.machine(), "nproc": os.cpu_count(),
            "memory_gib": round(psutil.virtual_memory().total / 2**30, 1), "python": platform.python_version(),
            "packages": versions}


#: The mentions stage as ``extract``'s default configuration runs it (``Settings()``: the rules and the gap filler).
_TAGGER = {"tagger": Settings().tagger, "tagger_margin": Settings().tagger_margin}


def stage_timings(chunks: list[pd.DataFrame], texts: list[str], res: dict, watch: MemoryWatcher) -> None:
    """Each stage over every chunk, in this process; seconds and this process's peak RSS per stage."""
    codebook = load_codebook()
    watch.reset()
    normalised, s, cpu = timed_cpu(lambda: [(normalize_for_matching(t), split_sentences(t), tokenize(t)) for t in texts])
    watch.sample()
    del normalised  # timed, not kept: held through the stages below, its ~9 million tuples made every collector
    # pass of those stages slower (mentions +5.5 CPU s on the 18 zips with the collector running, measured)
    res["stages"]["normalise"] = {"seconds": s, "cpu_seconds": cpu, "peak_rss_mb": watch.peak_largest / 2**20}
    names = ("mentions", "timex", "events", "attributions")
    seconds, cpus, peak = dict.fromkeys(names, 0.0), dict.fromkeys(names, 0.0), dict.fromkeys(names, 0)

    def run(name, fn, *a, **kw):
        watch.reset()
        with collector_paused():  # as extract_chunk runs the stages
            out, s, cpu = timed_cpu(fn, *a, **kw)
        watch.sample()
        seconds[name] += s
        cpus[name] += cpu
        peak[name] = max(peak[name], watch.peak_largest)
        return out

    for c in chunks:
        c = with_python_strings(c)  # as extract_chunk hands the articles to the stages (~6 ms per chunk, untimed)
        m = run("mentions", extract_mentions, c, codebook=codebook, **_TAGGER)  # as the default configuration runs it
        tx = run("timex", extract_timex, c)
        run("events", extract_events, c, m, tx)
        run("attributions", extract_attributions, c, m)
    for k in names:
        res["stages"][k] = {"seconds": seconds[k], "cpu_seconds": cpus[k], "peak_rss_mb": peak[k] / 2**20}


def peers(chunks: list[pd.DataFrame], texts: list[str], res: dict, args) -> None:
    sample = pd.concat(chunks, ignore_index=True).head(args.peer_sample)
    try:
        from dateparser.search import search_dates
    except ImportError:
        res["peer_dateparser"] = "dateparser not installed (pip install dateparser)"
    else:
        found = 0

        def run_dateparser():
            nonlocal found
            for t in sample["text"]:
                found += len(search_dates(t, languages=["ar"]) or [])

        _, dp_s = timed(run_dateparser)
        ours, ours_s = timed(extract_timex, sample)
        res["peer_dateparser"] = {"articles": len(sample), "seconds": dp_s, "found": found,
                                  "ours_seconds": ours_s, "ours_found": len(ours)}
    # naive per-actor counting: one pandas str.count per label (the actor's Arabic name, no aliases)
    codebook = load_codebook()
    actors = codebook.actors
    country_labels = sorted(set(actors.loc[actors["type"] == "country", "label_ar"].dropna()))
    all_labels = sorted(set(actors["label_ar"].dropna()))
    series = pd.Series(texts, dtype="string")
    counts, naive_s = timed(lambda: {lab: int(series.str.count(re.escape(lab)).sum()) for lab in country_labels})
    res["peer_str_count"] = {"labels": len(country_labels), "articles": len(texts), "seconds": naive_s,
                             "matches": sum(counts.values())}
    small = sample["text"].astype("string")
    _, naive_all_s = timed(lambda: {lab: int(small.str.count(re.escape(lab)).sum()) for lab in all_labels})
    ours, ours_s = timed(extract_mentions, sample, codebook=codebook, **_TAGGER)
    res["peer_str_count_all"] = {"labels": len(all_labels), "articles": len(sample), "seconds": naive_all_s,
                                 "ours_seconds": ours_s, "ours_mentions": len(ours)}


def make_copies(src: Path, dest: Path, k: int, n_files: int) -> None:
    """``src`` copied ``k`` times under ``dest/copyNN/``; with ``n_files`` > 0 only the files holding the
    first ``n_files`` input files the loader reads (and every metadata.csv and sidecar)."""
    if src.is_dir():
        files = sorted(p for p in src.rglob("*") if p.is_file())
        if n_files:
            data = [f.split("!", 1)[0] for part in list_partitions(src, max_bytes=1) for f in part.files]
            keep = set(list(dict.fromkeys(data))[:n_files])  # top-level files, in load order
            files = [p for p in files if p.relative_to(src).as_posix() in keep
                     or p.name.lower() == "metadata.csv" or p.name.lower().endswith(".meta.json")]
    else:
        files = [src]
    for i in range(k):
        for f in files:
            rel = f.relative_to(src) if src.is_dir() else Path(f.name)
            target = dest / f"copy{i:02d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--timezone", default="Asia/Riyadh")
    ap.add_argument("--workers", type=int, default=0, help="extract --workers (default: extract's default, all cores)")
    ap.add_argument("--chunk-size", type=int, default=0, help="extract --chunk-size (default: extract's default)")
    ap.add_argument("--peer-sample", type=int, default=300, help="articles given to dateparser (it is slow)")
    ap.add_argument("--copies", type=int, default=0, help="also extract the corpus copied K times (memory flatness)")
    ap.add_argument("--copies-files", type=int, default=0, help="copy only the first N input files (default: all)")
    ap.add_argument("--dask", action="store_true", help="also time the Dask engine end to end (local cluster)")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage timings and the peers")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()

    res: dict = {"machine": machine(), "corpus": str(args.corpus), "argv": sys.argv[1:], "stages": {},
                 "loadavg_start": os.getloadavg()}
    m = res["machine"]
    print(f"# benchmark on {args.corpus}: {m['nproc']} cores, {m['memory_gib']} GiB, Python {m['python']}", flush=True)

    with MemoryWatcher(os.getpid()) as watch:
        # load, in this process, keeping the chunks for the per-stage timings
        chunks, load_s, load_cpu = timed_cpu(lambda: [c.articles for c in iter_corpus(args.corpus, timezone=args.timezone)])
        watch.sample()
        res["stages"]["load"] = {"seconds": load_s, "cpu_seconds": load_cpu, "peak_rss_mb": watch.peak_largest / 2**20}
        n = sum(len(c) for c in chunks)
        texts = [t for c in chunks for t in c["text"]]
        res.update(articles=n, words=int(sum(c["n_words"].sum() for c in chunks)),
                   input_files=sum(len(p.files) for p in list_partitions(args.corpus)))
        print(f"loaded {n} articles in {load_s:.1f} s", flush=True)

        _, res["floor_seconds"], res["floor_cpu_seconds"] = timed_cpu(lambda: [WORD.findall(t) for t in texts])
        if not args.no_stages:
            stage_timings(chunks, texts, res, watch)
            print("stages timed", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        res["total"] = run_end_to_end(args.corpus, Path(tmp) / "out", args)
    print(f"end to end: {res['total']['seconds']:.1f} s", flush=True)
    if args.dask:
        with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
            res["dask"] = run_end_to_end(args.corpus, Path(tmp) / "out", args, "--engine", "dask")
        print(f"dask end to end: {res['dask']['seconds']:.1f} s", flush=True)

    if not args.no_stages:
        peers(chunks, texts, res, args)
    chunks = texts = None  # free the corpus before the copies run

    if args.copies:
        with tempfile.TemporaryDirectory(prefix="bench-copies-") as tmp:
            big = Path(tmp) / "corpus"
            make_copies(args.corpus, big, args.copies, args.copies_files)
            res["copies"] = {"k": args.copies, "files": args.copies_files or "all",
                             **run_end_to_end(big, Path(tmp) / "out", args)}
            if args.copies_files:  # the single run to compare with: the same files once
                one = Path(tmp) / "one"
                make_copies(args.corpus, one, 1, args.copies_files)
                res["copies"]["single"] = run_end_to_end(one, Path(tmp) / "out1", args)

    report(res)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def _rate(x: float, s: float) -> str:
    return f"{x / s:,.0f}" if s else "inf"


def report(res: dict) -> None:
    n, words = res["articles"], res["words"]
    print(f"\n{n:,} articles, {words:,} words, {res['input_files']} input files\n")
    print("| step | wall s | CPU s | articles/s (wall) | words/s (wall) | peak RSS largest process (MB) | peak RSS all processes (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for stage, r in res["stages"].items():
        s = r["seconds"]
        print(f"| {stage} (one process) | {s:.2f} | {r['cpu_seconds']:.2f} | {_rate(n, s)} | {_rate(words, s)} | "
              f"{r['peak_rss_mb']:.0f} | {r['peak_rss_mb']:.0f} |")
    pipeline = [r for k, r in res["stages"].items() if k != "normalise"]  # each extractor normalises for itself
    if pipeline:
        s, c = sum(r["seconds"] for r in pipeline), sum(r["cpu_seconds"] for r in pipeline)
        print(f"| load + the four extractors (one process) | {s:.2f} | {c:.2f} | {_rate(n, s)} | {_rate(words, s)} | | |")
    rows = [("total: `extract`, end to end", res["total"])]
    if "dask" in res:
        rows.append(("total: `extract --engine dask`, end to end", res["dask"]))
    for name, t in rows:
        s = t["seconds"]
        print(f"| **{name}** | {s:.2f} | {t['cpu_total_s']:.2f} | {_rate(n, s)} | {_rate(words, s)} | "
              f"{t['peak_rss_largest_mb']:.0f} | {t['peak_rss_total_mb']:.0f} |")
    f = res["floor_seconds"]
    print(f"| floor: `re.findall(r\"\\w+\")`, one process | {f:.2f} | {res['floor_cpu_seconds']:.2f} | {_rate(n, f)} | "
          f"{_rate(words, f)} | | |")
    total = res["total"]
    print(f"\ntotal / floor = {total['seconds'] / f:.1f}x wall (target <= 15x and <= 60 s), "
          f"{total['cpu_total_s'] / res['floor_cpu_seconds']:.1f}x in CPU seconds; CPU seconds of the main process "
          f"{total['cpu_main_s']:.1f}; load average {total['loadavg_before']:.1f} before, {total['loadavg_after']:.1f} after")
    if "dask" in res:
        d = res["dask"]
        print(f"dask / floor = {d['seconds'] / f:.1f}x wall, {d['cpu_total_s'] / res['floor_cpu_seconds']:.1f}x in CPU "
              f"seconds (cluster start-up included); CPU seconds of the client process (and the local scheduler) "
              f"{d['cpu_main_s']:.1f}; load average {d['loadavg_before']:.1f} before, {d['loadavg_after']:.1f} after")
    dp = res.get("peer_dateparser")
    if isinstance(dp, dict):
        print(f"dateparser.search_dates(languages=['ar']) on {dp['articles']} articles: {dp['seconds']:.2f} s "
              f"({dp['articles'] / dp['seconds']:.1f} articles/s, {dp['found']} dates found); our timex on the same "
              f"articles: {dp['ours_seconds']:.2f} s ({dp['articles'] / dp['ours_seconds']:.0f} articles/s, "
              f"{dp['ours_found']} expressions)")
    elif dp:
        print(dp)
    sc = res.get("peer_str_count")
    if sc:
        print(f"naive pandas str.count, {sc['labels']} country labels over {sc['articles']:,} articles: {sc['seconds']:.2f} s "
              f"({sc['seconds'] / sc['labels'] * 1000:.0f} ms per label); our mentions stage (all "
              f"actors, every form, discovery): {res['stages']['mentions']['seconds']:.2f} s")
        sa = res["peer_str_count_all"]
        print(f"naive pandas str.count, all {sa['labels']} actor labels over {sa['articles']} articles: "
              f"{sa['seconds']:.2f} s; our mentions on the same articles: {sa['ours_seconds']:.2f} s "
              f"({sa['ours_mentions']} mentions)")
    if "copies" in res:
        c = res["copies"]
        base = c.get("single", total)
        print(f"corpus x{c['k']} ({c['files']} input files each): {c['seconds']:.1f} s, peak RSS largest "
              f"{c['peak_rss_largest_mb']:.0f} MB ({c['peak_rss_largest_mb'] / base['peak_rss_largest_mb']:.2f}x the "
              f"single run's {base['peak_rss_largest_mb']:.0f}), all {c['peak_rss_total_mb']:.0f} MB "
              f"({c['peak_rss_total_mb'] / base['peak_rss_total_mb']:.2f}x the single run's {base['peak_rss_total_mb']:.0f})")


if __name__ == "__main__":
    main()
