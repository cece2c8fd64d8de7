"""Before/after CPU of the attribution stage in ONE process: another checkout's code against this one's.

usage: git archive <commit> analysis | tar -x -C /tmp/base          # the code to compare with
       python benchmarks/ab_attribution.py /tmp/base [CORPUS ...] [--chunk-size 500] [--gc]

Loads the corpora in the loader's chunks (default: all of ``../shared/data/saudinewsnet``), computes each
chunk's mentions once (this checkout's actor stage), then runs ``extract_attributions`` of BASE and of this
checkout on every chunk, alternating which goes first, and sums the CPU seconds (``time.process_time``) of
each. Both share one ``analysis.normalize`` (BASE's; its caches are filled per chunk, as the earlier stages
fill them in the pipeline). The garbage collector is paused around each call as ``extract_chunk`` pauses it
(``--gc``: left running). The two tables are compared chunk by chunk (``assert_frame_equal``). On a busy
shared machine a ratio from one run is far steadier than two separate timings.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path, help="a directory holding the other code's analysis/ package")
    ap.add_argument("corpora", nargs="*", type=Path, default=[ROOT.parent / "shared/data/saudinewsnet"])
    ap.add_argument("--chunk-size", type=int, default=500)
    ap.add_argument("--gc", action="store_true", help="leave the garbage collector running")
    args = ap.parse_args()

    # BASE's package first; then this checkout's attribution package in its place (same shared modules)
    sys.path.insert(0, str(args.base.resolve()))
    import analysis
    import analysis.attribution

    before = analysis.attribution.extract_attributions
    for name in [k for k in sys.modules if k.startswith("analysis.attribution")]:
        del sys.modules[name]
    analysis.__path__.insert(0, str(ROOT / "analysis"))
    after = importlib.import_module("analysis.attribution").extract_attributions
    import pandas as pd

    from analysis.actors import extract_mentions, load_codebook
    from analysis.corpus import iter_corpus
    from analysis.normalize import normalize_cached, split_sentences_cached

    codebook = load_codebook()
    chunks = [c.articles for p in args.corpora for c in iter_corpus(p, chunk_size=args.chunk_size) if len(c.articles)]
    pairs = [(a, extract_mentions(a, codebook=codebook)) for a in chunks]
    for f in (before, after):  # lexicons and automata: built once per process
        f(*pairs[0])
    cpu = {"before": 0.0, "after": 0.0}
    same = True
    for i, (articles, mentions) in enumerate(pairs):
        for v in [*articles["title"].tolist(), *articles["text"].tolist()]:
            if isinstance(v, str) and v:
                normalize_cached(v)
                split_sentences_cached(v)
        order = [("before", before), ("after", after)]
        out = {}
        for name, f in order if i % 2 == 0 else order[::-1]:
            if not args.gc:
                gc.disable()
            t = time.process_time()
            out[name] = f(articles, mentions)
            cpu[name] += time.process_time() - t
            gc.enable()
        try:
            pd.testing.assert_frame_equal(out["before"], out["after"])
        except AssertionError as e:
            same = False
            print(f"chunk {i}: tables differ\n{e}")
    n = sum(len(a) for a in chunks)
    print(f"{n:,} articles in {len(chunks)} chunks; garbage collector {'running' if args.gc else 'paused'}")
    print(f"attributions CPU: before {cpu['before']:.2f} s ({n / cpu['before']:,.0f}/s), after {cpu['after']:.2f} s "
          f"({n / cpu['after']:,.0f}/s), after/before {cpu['after'] / cpu['before']:.3f}; same tables: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
