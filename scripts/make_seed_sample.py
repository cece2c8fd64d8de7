"""Write the bundled SaudiNewsNet sample: data/seeds/saudinewsnet_sample.jsonl.

Usage: python scripts/make_seed_sample.py SAUDINEWSNET_DIR [--out data/seeds/saudinewsnet_sample.jsonl]
                                          [--per-day 20] [--max-chars 5000] [--dev-refs PATH]

SAUDINEWSNET_DIR holds the 18 daily zips of SaudiNewsNet as published (each one JSON array of
{source, url, date_extracted, title, author, content}). The selection is deterministic (no randomness):

* from every daily file, in file order, the non-empty records whose ``content`` has at most
  ``--max-chars`` characters (keeps the sample under 2 MB), taken round-robin over the outlets in order
  of first appearance, ``--per-day`` per file, so that every outlet of the day is represented;
* plus the SaudiNewsNet development articles named in the evaluation kit's ``dev_refs.jsonl`` (by url),
  whatever their length;
* plus the first two records with empty ``content`` (of the first file that has them), so that the
  sample shows how empty records are reported as skipped.

Records are written unchanged (same fields, same order, same values), one JSON object per line, in the
order of the source files and of the records in them.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path


def read_day(zip_path: Path) -> list[dict]:
    """The records of one daily zip, in order (all JSON members of the archive)."""
    records: list[dict] = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".json"):
                records.extend(json.loads(zf.read(name)))
    return records


def pick_day(records: list[dict], *, per_day: int, max_chars: int) -> list[int]:
    """Indexes of the records picked from one day: round-robin over outlets, short enough, non-empty."""
    by_outlet: dict[str, list[int]] = {}
    for i, rec in enumerate(records):
        content = rec.get("content") or ""
        if content.strip() and len(content) <= max_chars:
            by_outlet.setdefault(rec.get("source") or "", []).append(i)
    picked: list[int] = []
    queues = [list(v) for v in by_outlet.values()]
    while len(picked) < per_day and any(queues):
        for q in queues:
            if q and len(picked) < per_day:
                picked.append(q.pop(0))
    return sorted(picked)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("saudinewsnet_dir", type=Path)
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "data/seeds/saudinewsnet_sample.jsonl"
    )
    ap.add_argument("--per-day", type=int, default=20)
    ap.add_argument("--max-chars", type=int, default=5000)
    ap.add_argument(
        "--dev-refs", type=Path, help="dev_refs.jsonl of the evaluation kit (default: ../shared/eval next to the data)"
    )
    args = ap.parse_args(argv)

    zips = sorted(args.saudinewsnet_dir.glob("*.zip"))
    if not zips:
        print(f"no .zip files in {args.saudinewsnet_dir}; give the SaudiNewsNet folder", file=sys.stderr)
        return 1
    refs_path = args.dev_refs or args.saudinewsnet_dir.resolve().parents[1] / "eval" / "dev_refs.jsonl"
    dev_urls: set[tuple[str, str]] = set()
    if refs_path.is_file():
        for line in refs_path.read_text(encoding="utf-8").splitlines():
            ref = json.loads(line)
            if ref.get("file") and ref.get("url"):
                dev_urls.add((ref["file"], ref["url"]))
    else:
        print(f"note: {refs_path} not found; the development articles are not added", file=sys.stderr)

    out: list[dict] = []
    empties_left = 2
    found_dev = set()
    for zp in zips:
        records = read_day(zp)
        chosen = set(pick_day(records, per_day=args.per_day, max_chars=args.max_chars))
        for i, rec in enumerate(records):
            if (zp.name, rec.get("url")) in dev_urls:
                chosen.add(i)
                found_dev.add((zp.name, rec.get("url")))
            if empties_left and not (rec.get("content") or "").strip():
                chosen.add(i)
                empties_left -= 1
        out.extend(records[i] for i in sorted(chosen))
    missing = dev_urls - found_dev
    if missing:
        print(f"warning: development articles not found: {sorted(missing)}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    days = {r["date_extracted"][:10] for r in out if r.get("date_extracted")}
    outlets = {r.get("source") for r in out}
    print(
        f"wrote {len(out)} records ({args.out.stat().st_size / 1e6:.2f} MB) from {len(zips)} files, "
        f"{len(days)} crawl days, {len(outlets)} outlets, {len(found_dev)} development articles -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
