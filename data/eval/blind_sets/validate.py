"""Check an annotator's gold.jsonl against its input.jsonl (actors layer). usage: python validate.py SETDIR"""
import json, re, sys
from collections import Counter
from pathlib import Path

d = Path(sys.argv[1])
inp = {json.loads(l)["gold_id"]: json.loads(l) for l in open(d / "input.jsonl", encoding="utf-8")}
errs = []
try:
    lines = [json.loads(l) for l in open(d / "gold.jsonl", encoding="utf-8") if l.strip()]
except Exception as e:  # noqa: BLE001
    sys.exit(f"gold.jsonl unreadable: {e}")
ids = [g.get("gold_id") for g in lines]
if sorted(ids) != sorted(inp) or len(set(ids)) != len(ids):
    errs.append(f"gold_ids {ids} != input ids {sorted(inp)} (one line per article, each once)")
W = r"[\u0621-\u064A\u0660-\u0669\u066E-\u06D3A-Za-z0-9\u064B-\u065F\u0670\u0640]"
TYPES = {"person", "organization", "country", "location", "group", "media"}
VIAS = {"name", "alias", "title", "nisba", "metonym"}
for g in lines:
    gid = g.get("gold_id")
    a = inp.get(gid)
    if a is None:
        continue
    if set(g) != {"gold_id", "published", "actors", "timex", "attributions"}:
        errs.append(f"{gid}: keys {sorted(g)}")
    if g.get("published") != a["date_extracted"][:10]:
        errs.append(f"{gid}: published {g.get('published')} != {a['date_extracted'][:10]}")
    counts = Counter()
    for k, x in enumerate(g.get("actors", [])):
        where = f"{gid} actor #{k} {x.get('surface')!r}"
        if set(x) != {"in", "surface", "canonical", "type", "via"}:
            errs.append(f"{where}: keys {sorted(x)}"); continue
        if x["in"] not in ("title", "content"):
            errs.append(f"{where}: in={x['in']!r}"); continue
        if x["type"] not in TYPES: errs.append(f"{where}: type {x['type']!r}")
        if x["via"] not in VIAS: errs.append(f"{where}: via {x['via']!r}")
        if not x["canonical"].strip(): errs.append(f"{where}: empty canonical")
        counts[(x["in"], x["surface"])] += 1
    for (field, s), n in counts.items():
        text = a["title" if field == "title" else "content"]
        pat = re.compile(rf"(?<!{W}){re.escape(s)}(?!{W})")
        occ = len(pat.findall(text))
        if s not in text:
            errs.append(f"{gid}: {field} surface {s!r} is not an exact substring of the {field}")
        elif occ == 0:
            errs.append(f"{gid}: {field} surface {s!r} is not a whole-token match (it cuts a word)")
        elif n > occ:
            errs.append(f"{gid}: {field} surface {s!r} listed {n} times but occurs {occ} times")
print(f"{len(lines)} articles, {sum(len(g.get('actors', [])) for g in lines)} actor mentions, {len(errs)} errors")
for e in errs:
    print(" -", e)
sys.exit(1 if errs else 0)
