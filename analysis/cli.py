"""Command line: ``python -m analysis extract CORPUS`` and ``python -m analysis report CORPUS``.

``extract`` loads a corpus (a folder, a file or a zip; see :mod:`analysis.corpus`) and writes
``articles.parquet``, ``skipped.csv`` and the tables ``mentions``, ``timex``, ``events`` and
``attributions`` into ``--out`` (default ``results/<corpus-name>/``). It prints ``N loaded, M skipped``
and exits non-zero only when nothing could be loaded.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .config import GAP_FILLER, Settings
from .pipeline import STAGES

EXIT_NOTHING_LOADED = 2
EXIT_BAD_INPUT = 3


def corpus_name(corpus: str | Path) -> str:
    """The folder name results go under: ``data/seeds`` → ``seeds``, ``2015-08-06.zip`` → ``2015-08-06``."""
    p = Path(corpus).resolve()
    name = p.name if p.is_dir() else p.name.split(".")[0]
    return name or "corpus"


def default_out(corpus: str | Path) -> Path:
    return Path("results") / corpus_name(corpus)


def _settings(args: argparse.Namespace) -> Settings:
    fields = tuple(tuple(kv.split("=", 1)) for kv in args.field or ())
    for kv in fields:
        if len(kv) != 2:
            raise SystemExit(f"--field takes NAME=INPUT_FIELD (e.g. text=body), got {kv[0]!r}")
    return Settings(
        timezone=args.timezone,
        chunk_size=args.chunk_size,
        workers=args.workers,
        codebook=tuple(Path(p) for p in args.codebook or ()),
        fields=fields,
        stages=tuple(args.stages.split(",")) if args.stages else STAGES,
        progress=not args.quiet and sys.stderr.isatty(),
        tagger=args.tagger_model or args.tagger or (False if args.no_gap_filler else GAP_FILLER),
        tagger_margin=args.tagger_margin,
    )


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", help="a folder (searched recursively), a file (.txt .jsonl .json .csv .tsv .parquet) or a .zip")
    p.add_argument("--out", type=Path, help="output folder (default: results/<corpus-name>/)")
    p.add_argument("--timezone", default="UTC", help="IANA zone of naive timestamps (SaudiNewsNet: Asia/Riyadh); default UTC")
    p.add_argument("--codebook", action="append", metavar="CSV", help="extra actor codebook CSV (repeatable)")
    p.add_argument("--field", action="append", metavar="NAME=INPUT", help="input field name override, e.g. text=body")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Arabic news analysis: actors, timelines, sources.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="load a corpus and write the extraction tables")
    _add_common(ex)
    ex.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 8), help="processes (default: all cores)")
    ex.add_argument("--chunk-size", type=int, default=Settings.chunk_size,
                    help=f"articles per chunk (bounds memory); default {Settings.chunk_size}")
    ex.add_argument("--no-gap-filler", action="store_true",
                    help="the rules alone: without the default gap filler (a tagger trained on annotated SaudiNewsNet "
                         "articles, CC BY-NC-SA 4.0, non-commercial; about 1.5x the actor stage's time)")
    ex.add_argument("--tagger", action="store_true", help="run the ANERcorp name tagger instead of the gap filler")
    ex.add_argument("--tagger-model", metavar="FILE", help="run this tagger model (see analysis/resources/tagger/)")
    ex.add_argument("--tagger-margin", type=float, metavar="M",
                    help="tagger as gap filler: only names no rule touched, with a score margin over O of at least M")
    ex.add_argument("--stages", help=f"comma-separated subset of {','.join(STAGES)} (default: all)")
    ex.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                    help="pandas: processes on this machine (default); dask: Dask tasks, same tables")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: a running dask.distributed scheduler (tcp://host:8786); "
                         "default: a local cluster of --workers processes")

    rp = sub.add_parser("report", help="run every notebook on a corpus: HTML report, executed notebooks, figures")
    rp.add_argument("corpus", help="a folder, a file or a .zip, as for extract")
    rp.add_argument("--params", type=Path, help="a YAML/JSON file of notebook parameters (see notebooks/params/)")
    rp.add_argument("--out", type=Path, help="output folder (default: results/<corpus-name>/)")
    rp.add_argument("--timezone", help="IANA zone of naive timestamps (overrides the parameters file)")
    rp.add_argument("--codebook", metavar="CSV", help="your actor codebook CSV (overrides the parameters file)")
    rp.add_argument("--no-gap-filler", action="store_true",
                    help="the actor rules alone, without the default gap filler (non-commercial licence; as for extract)")
    rp.add_argument("--quiet", action="store_true")
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import run_extract, write_manifest

    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"error: corpus {corpus} does not exist; give a folder, a file or a .zip", file=sys.stderr)
        return EXIT_BAD_INPUT
    settings = _settings(args)
    out = args.out or default_out(corpus)
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_BAD_INPUT
    t0 = time.perf_counter()
    if args.engine == "dask":
        from .dask_engine import run_extract_dask

        result = run_extract_dask(corpus, out, settings, scheduler=args.scheduler)
    else:
        result = run_extract(corpus, out, settings)
    write_manifest(result, corpus, settings)
    took = time.perf_counter() - t0
    notes = f" ({result.n_notes} loaded with a note)" if result.n_notes else ""
    print(f"{result.n_loaded} loaded, {result.n_skipped} skipped{notes}")
    if not args.quiet:
        rows = ", ".join(f"{n} {r}" for n, r in result.rows.items() if n not in ("articles", "skipped"))
        print(f"tables in {out}/ ({rows}) in {took:.1f} s")
        if result.n_skipped or result.n_notes:
            print(f"what was skipped or changed, and why: {out / 'skipped.csv'}")
    if result.n_loaded == 0:
        print(f"error: nothing could be loaded from {corpus}; see {out / 'skipped.csv'} for each file's reason", file=sys.stderr)
        return EXIT_NOTHING_LOADED
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import ReportError, run_report

    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"error: corpus {corpus} does not exist; give a folder, a file or a .zip", file=sys.stderr)
        return EXIT_BAD_INPUT
    overrides = {k: v for k, v in (("timezone", args.timezone), ("codebook", args.codebook)) if v}
    if args.no_gap_filler:
        overrides["gap_filler"] = False
    try:
        html = run_report(corpus, out_dir=args.out or default_out(corpus), params_file=args.params,
                          progress=not args.quiet, overrides=overrides or None)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"report: {html}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"extract": cmd_extract, "report": cmd_report}[args.command](args)
