"""Before/after CPU seconds of the four extractors in ONE process: an older copy of the package against this one.

usage: git archive <old commit> analysis | tar -x -C /tmp/base      # the code to compare against
       python benchmarks/compare_stages_cpu.py CORPUS --baseline /tmp/base [--zips a.zip b.zip | --all]
                                              [--rounds 1] [--chunk-size 1000] [--mentions-only]
                                              [--tables-may-differ]

Both packages are imported side by side (the baseline's modules are loaded first under the name ``analysis``
and then set aside, so each keeps its own caches). The articles of the given zips of CORPUS (``--all``: every
zip) are cut into chunks of ``--chunk-size`` and each chunk goes through the stages as
``analysis.pipeline.extract_chunk`` runs them (mentions, timex, events, attributions; the garbage collector
paused), once with each package, alternating which goes first, so that both see the same load of a shared
machine. Per stage it prints the CPU seconds (``time.process_time``) summed over the chunks, the best of
``--rounds``, and the ratio; it also checks that every table is equal, chunk by chunk (``assert_frame_equal``), unless
``--tables-may-differ`` (a codebook change that changes the mentions on purpose: only the CPU is compared).
"""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import pandas as pd
import stage_runner  # (this script's folder is on sys.path)
from stage_runner import STAGES
HERE = Path(__file__).resolve().parents[1]


def load_package(root: Path) -> dict:
    """The extractors of the package ``analysis`` found under ``root`` (imported afresh)."""
    for name in [k for k in sys.modules if k == "analysis" or k.startswith("analysis.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        import analysis
        from analysis.actors import extract_mentions, load_codebook
        from analysis.attribution import extract_attributions
        from analysis.corpus import load_corpus
        from analysis.events import extract_events
        from analysis.timex import extract_timex
    finally:
        sys.path.remove(str(root))
    if not Path(analysis.__file__).resolve().is_relative_to(root.resolve()):
        raise SystemExit(f"imported {analysis.__file__}, not the package under {root}")
    import analysis.pipeline  # (an older package may lack it: its stages then get the frame as it is)

    return {"mentions": extract_mentions, "codebook": load_codebook, "timex": extract_timex, "events": extract_events,
            "attributions": extract_attributions, "load_corpus": load_corpus,
            "prepare": getattr(analysis.pipeline, "with_python_strings", None)}


def run_chunk(pkg: dict, chunk: pd.DataFrame, seconds: dict, *, mentions_only: bool) -> dict[str, pd.DataFrame]:
    """The stages of ``extract_chunk`` on one chunk with ``pkg``'s extractors (see stage_runner.run_chunk)."""
    return stage_runner.run_chunk(pkg, chunk, pkg["codebook"](), seconds, mentions_only=mentions_only)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--baseline", type=Path, required=True, help="folder holding the older copy of analysis/")
    ap.add_argument("--zips", nargs="*", default=["2015-08-06.zip", "2015-08-07.zip"])
    ap.add_argument("--all", action="store_true", help="every zip of CORPUS")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--chunk-size", type=int, default=1000)
    ap.add_argument("--mentions-only", action="store_true")
    ap.add_argument("--tables-may-differ", action="store_true",
                    help="skip the equality check (a codebook or rule change that changes the tables on purpose)")
    args = ap.parse_args()

    packages = {"before": load_package(args.baseline), "after": load_package(HERE)}
    zips = sorted(p.name for p in args.corpus.glob("*.zip")) if args.all else args.zips
    load = packages["after"]["load_corpus"]
    articles = pd.concat([load(args.corpus / z, timezone="Asia/Riyadh").articles for z in zips], ignore_index=True)
    chunks = [articles.iloc[i : i + args.chunk_size].copy() for i in range(0, len(articles), args.chunk_size)]
    print(f"{len(articles):,} articles of {len(zips)} zip(s), {len(chunks)} chunks of {args.chunk_size}")
    for pkg in packages.values():  # automata, word lists and codebook built before timing
        run_chunk(pkg, chunks[0].iloc[:50].copy(), dict.fromkeys(STAGES, 0.0), mentions_only=args.mentions_only)

    stages = ("mentions",) if args.mentions_only else STAGES
    best = {name: dict.fromkeys(STAGES, float("inf")) for name in packages}
    gc.disable()
    try:
        for r in range(args.rounds):
            seconds = {name: dict.fromkeys(STAGES, 0.0) for name in packages}
            for i, chunk in enumerate(chunks):
                order = ("before", "after") if (i + r) % 2 == 0 else ("after", "before")
                got = {}
                for name in order:
                    got[name] = run_chunk(packages[name], chunk, seconds[name], mentions_only=args.mentions_only)
                    gc.collect()
                for table in got["after"] if not args.tables_may_differ else ():
                    pd.testing.assert_frame_equal(got["before"][table], got["after"][table], obj=f"chunk {i} {table}")
            for name in packages:
                print(f"round {r + 1} {name:6s}: " + "  ".join(f"{s} {seconds[name][s]:.2f}" for s in stages))
                best[name] = {s: min(best[name][s], seconds[name][s]) for s in STAGES}
    finally:
        gc.enable()
    for s in stages:
        a, b = best["before"][s], best["after"][s]
        print(f"{s:13s} before {a:6.2f} s  after {b:6.2f} s  ratio {a / b:.2f}x  "
              f"({len(articles) / a:,.0f} -> {len(articles) / b:,.0f} articles/s)")
    a, b = (sum(best[n][s] for s in stages) for n in ("before", "after"))
    print(f"{'together':13s} before {a:6.2f} s  after {b:6.2f} s  saved {a - b:.2f} CPU s")


if __name__ == "__main__":
    main()
