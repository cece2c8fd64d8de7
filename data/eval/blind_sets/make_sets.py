"""Draw fresh SaudiNewsNet articles for hand-annotated blind sets (the texts stay outside the repository).

usage: python make_sets.py DATA_DIR OUT_DIR SEED FIRST_SET N_SETS [--per 10] [--dev-refs ../shared/eval/dev_refs.jsonl]
Writes OUT_DIR/setNN/{input.jsonl, refs.jsonl} (input.jsonl holds the texts for the annotator: do not commit it).
Articles: non-empty content of 400-5000 characters, first record of each repeated text, never a development article,
never one that a set under OUT_DIR (or under this folder) already holds.
"""
import argparse, json, random, zipfile
from pathlib import Path

ap = argparse.ArgumentParser()
for name, typ in (("data", Path), ("out", Path), ("seed", int), ("first", int), ("n", int)):
    ap.add_argument(name, type=typ)
ap.add_argument("--per", type=int, default=10)
ap.add_argument("--dev-refs", type=Path, default=Path("../shared/eval/dev_refs.jsonl"))
a = ap.parse_args()
DATA, HERE = a.data, a.out
ref_files = [a.dev_refs, *(p for folder in (HERE, Path(__file__).resolve().parent) for p in folder.glob("set*/refs.jsonl"))]
used = {r.get("url") for path in ref_files for r in map(json.loads, open(path, encoding="utf-8"))} - {None}
pool, seen = [], set()
for z in sorted(DATA.glob("*.zip")):
    with zipfile.ZipFile(z) as zf:
        recs = json.loads(zf.read(zf.namelist()[0]))
    for r in recs:
        c = (r.get("content") or "").strip()
        if c in seen:
            continue  # a repeated text: only its first record counts
        seen.add(c)
        if 400 <= len(c) <= 5000 and r["url"] not in used:
            pool.append((z.name, r))
rng = random.Random(a.seed)
picks = rng.sample(pool, a.n * a.per)
for k in range(a.n):
    s = a.first + k
    d = HERE / f"set{s}"
    d.mkdir(parents=True, exist_ok=True)
    with open(d / "input.jsonl", "w", encoding="utf-8") as fi, open(d / "refs.jsonl", "w", encoding="utf-8") as fr:
        for i, (fname, r) in enumerate(picks[k * a.per:(k + 1) * a.per]):
            gid = f"b{s}_{i:02d}"
            fi.write(json.dumps({"gold_id": gid, "source": r["source"], "date_extracted": r["date_extracted"],
                                 "title": r.get("title") or "", "content": r["content"]}, ensure_ascii=False) + "\n")
            fr.write(json.dumps({"gold_id": gid, "file": fname, "url": r["url"], "source": r["source"]},
                                ensure_ascii=False) + "\n")
    print(d, "written")
