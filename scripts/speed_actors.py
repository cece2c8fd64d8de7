"""Quick speed check of the actor stage on SaudiNewsNet (one process, CPU time).

usage: .venv/bin/python scripts/speed_actors.py [--zips 2015-08-06.zip 2015-08-07.zip] [--no-discover] [--tagger]
Prints articles per CPU-second of ``extract_mentions`` (the automaton is built before timing).
"""
from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

import pandas as pd

from analysis.actors import extract_mentions, load_codebook

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zips", nargs="*", default=["2015-08-06.zip", "2015-08-07.zip"])
    ap.add_argument("--no-discover", action="store_true")
    ap.add_argument("--tagger", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = []
    for z in args.zips:
        with zipfile.ZipFile(DATA / z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for a in json.loads(zf.read(name)):
                        rows.append({"article_id": a["url"], "title": a["title"], "text": a["content"] or "",
                                     "published": pd.Timestamp(a["date_extracted"]).tz_localize("Asia/Riyadh"),
                                     "timezone": "Asia/Riyadh"})
    df = pd.DataFrame(rows)
    cb = load_codebook()
    extract_mentions(df.head(5), codebook=cb, discover=not args.no_discover, tagger=args.tagger)  # build once
    best = None
    for _ in range(args.repeat):
        t0 = time.process_time()
        m = extract_mentions(df, codebook=cb, discover=not args.no_discover, tagger=args.tagger)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    print(f"{len(df)} articles (title + text), {len(m)} mentions: best of {args.repeat} = {best:.2f} CPU s "
          f"= {len(df) / best:.0f} articles/s (discover={not args.no_discover}, tagger={args.tagger})")


if __name__ == "__main__":
    main()
