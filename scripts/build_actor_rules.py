"""Derive the name lists of analysis/resources/actors_rules/ from the ANERcorp TRAINING split.

usage: .venv/bin/python scripts/build_actor_rules.py [--train ../shared/data/anercorp/ANERCorp_train_first125305.txt]

Writes (normalised for matching, see analysis.normalize.normalize):
  given_names_anercorp.txt   first tokens of PERS entities that are rarely an ordinary word (O) in the split
  common_words_anercorp.txt  tokens tagged O at least twice and almost never part of an entity
  entities_anercorp.tsv      entity strings (PERS/LOC/ORG) seen at least twice (multi-word names and, since round 5,
                             one-word places: once) and never as plain O text

Never run this on the test split (ANERCorp_test_last25008_conll.txt): it is for evaluation only.
ANERcorp: Benajiba, Rosso & Benedí 2007; CAMeL Lab redistribution CC BY-SA 4.0 — the derived lists carry
the same licence (see analysis/resources/actors_rules/README.md).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from analysis.normalize import normalize

OUT = Path(__file__).resolve().parent.parent / "analysis" / "resources" / "actors_rules"
HEADER = "# Derived from the ANERcorp training split (CC BY-SA 4.0) by scripts/build_actor_rules.py; do not edit by hand.\n"
_CLITIC = re.compile(r"^(?:[وف])?(?:[بلك])?")
#: Titles that never start a place's or an organisation's own name in the lists (round 11).
_TITLE_WORDS = {normalize(w) for w in ["الملك", "الأمير", "الأميرة", "الشيخ", "الرئيس", "السلطان", "الإمام"]}


def norm(tok: str) -> str:
    return re.sub(r"[^\w]|_", "", normalize(tok))


def read(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        tok, _, lab = line.rstrip("\n").rpartition(" ")
        tok = tok.strip()
        if tok and lab:
            out.append((norm(tok), lab.strip()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default=str(Path(__file__).resolve().parents[2] / "shared/data/anercorp/ANERCorp_train_first125305.txt"))
    ap.add_argument("--saudinewsnet", default=str(Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet"),
                    help="folder of SaudiNewsNet zips for the list of words that take the article ('' to skip)")
    ap.add_argument("--out", default=str(OUT), help="folder to write the lists to (default: the package's actors_rules/; "
                    "another folder for a held-out experiment, e.g. a copy of the package built without the training tail)")
    args = ap.parse_args()
    out = Path(args.out)
    if "test" in Path(args.train).name.lower():
        raise SystemExit("refusing to build resources from a test split")
    toks = read(Path(args.train))
    o_count, ent_count, first_pers = Counter(), Counter(), Counter()
    ents_list: list[list] = []
    cur: list | None = None
    for tok, lab in toks:
        if not tok:
            cur = None
            continue
        if lab == "O":
            o_count[tok] += 1
        else:
            ent_count[tok] += 1
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or cur[0] != lab[2:])):
            cur = [lab[2:], [tok]]
            if lab[2:] == "PERS":
                first_pers[_CLITIC.sub("", tok) if tok[:1] in "وف" and len(tok) > 4 else tok] += 1
            ents_list.append(cur)
        elif lab.startswith("I-") and cur is not None:
            cur[1].append(tok)
        else:
            cur = None
    counts: Counter = Counter()
    for typ, words in ents_list:
        counts[(" ".join(words), typ)] += 1
    # how often each entity string occurs as plain O text
    seqs = {s for s, _ in counts}
    o_seq: Counter = Counter()
    words = [t for t, _ in toks]
    labels = [lab for _, lab in toks]
    maxlen = max(s.count(" ") + 1 for s in seqs)
    for i in range(len(words)):
        for n in range(1, maxlen + 1):
            if i + n > len(words):
                break
            if all(lab == "O" for lab in labels[i : i + n]):
                s = " ".join(words[i : i + n])
                if s in seqs:
                    o_seq[s] += 1
    given = sorted(t for t, c in first_pers.items() if len(t) >= 2 and o_count[t] <= c // 3 and not t.isdigit())
    common = sorted(t for t, c in o_count.items() if c >= 2 and ent_count[t] <= c * 0.05 and not t.isdigit())
    (out / "given_names_anercorp.txt").write_text(HEADER + "\n".join(given) + "\n", encoding="utf-8")
    (out / "common_words_anercorp.txt").write_text(HEADER + "\n".join(common) + "\n", encoding="utf-8")
    rows = []
    # words inside longer names (الاوسط in الشرق الاوسط): a one-word name seen once must not be one of them
    inner = {w for (e, _t) in counts for w in e.split(" ")[1:]}
    for (s, typ), c in sorted(counts.items()):
        if typ not in ("PERS", "LOC", "ORG") or c < (1 if " " in s or (typ == "LOC" and s not in inner) else 2) or o_seq[s] > 0 or len(s) < 3:
            continue
        # the majority type only
        if any(counts[(s, t)] > c for t in ("PERS", "LOC", "ORG") if t != typ):
            continue
        if typ != "PERS" and " " in s and s.split(" ")[0] in _TITLE_WORDS:
            continue  # الملك فيصل (ORG once: a part of مستشفى/جامعة الملك فيصل): a title + a name is the person (round 11)
        rows.append(f"{s}\t{typ}\t{c}")
    # words that often stand right before a person's name (left context): learned triggers
    before: Counter = Counter()
    for i in range(1, len(toks)):
        if toks[i][1] == "B-PERS" and toks[i - 1][1] == "O":
            before[toks[i - 1][0]] += 1
    trig = sorted(w for w, n in before.items() if w and o_count[w] and n >= 3 and n / o_count[w] >= 0.4 and not w.isdigit())
    (out / "person_triggers_anercorp.txt").write_text(HEADER + "\n".join(trig) + "\n", encoding="utf-8")
    # single tokens that are part of person names (first, middle or last) at least twice and never plain text
    pers_tok: Counter = Counter(t for t, lab in toks if lab.endswith("-PERS"))
    ptoks = sorted(t for t, n in pers_tok.items() if n >= 2 and o_count[t] == 0 and len(t) > 2 and not t.isdigit())
    (out / "person_tokens_anercorp.txt").write_text(HEADER + "\n".join(ptoks) + "\n", encoding="utf-8")
    (out / "entities_anercorp.tsv").write_text(HEADER + "entity\ttype\tcount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"given names {len(given)}, common words {len(common)}, entities {len(rows)}")
    if args.saudinewsnet:
        definite_stems(Path(args.saudinewsnet), out=out)


def definite_stems(folder: Path, *, out: Path = OUT, min_count: int = 4) -> None:
    """Words that take the article ال at least ``min_count`` times in SaudiNewsNet (unlabelled text): common
    nouns and adjectives. A foreign name after a title (الرئيس أوباما) never does, a noun (رئيس مصرف) does."""
    import json
    import zipfile

    c: Counter = Counter()
    for z in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for a in json.loads(zf.read(name)):
                        c.update(re.findall(r"\w+", normalize(a.get("content") or "")))
    # a word that takes the article in at least 15% as many uses as it appears bare is a common noun or
    # adjective (جميل .34, مصرف .80, اختطاف .39); first names stay far below (إبراهيم .016, صالح .089)
    stems = sorted(w[2:] for w, n in c.items()
                   if w.startswith("ال") and len(w) > 4 and n >= min_count and not w[2:].isdigit() and n >= 0.15 * c[w[2:]])
    (out / "definite_stems_saudinewsnet.txt").write_text(
        f"# Word stems seen with the article ال at least {min_count} times, and in at least 15% as many uses as bare,\n"
        "# in SaudiNewsNet (CC BY-NC-SA 4.0 corpus; only word counts are used), by\n"
        "# scripts/build_actor_rules.py --saudinewsnet; do not edit by hand.\n"
        + "\n".join(stems) + "\n", encoding="utf-8")
    print(f"definite stems {len(stems)}")
    # plain words (no article) among the most frequent: verbs, prepositions, nouns in construct state
    frequent = sorted(w for w, _ in c.most_common(6000) if not w.startswith("ال") and not w.isdigit())
    # words with the article whose bare form is also frequent: nouns and adjectives (المرشد/مرشد), unlike
    # family names (المالكي is rarely written مالكي)
    nouns = sorted(w for w, n in c.items() if w.startswith("ال") and len(w) > 4 and n >= 4 and c[w[2:]] >= 0.25 * n)
    for fname, words, what in (("frequent_words_saudinewsnet.txt", frequent, "the 6000 most frequent words, without the article"),
                               ("definite_nouns_saudinewsnet.txt", nouns, "words with ال whose bare form is at least a quarter as frequent")):
        (out / fname).write_text(
            f"# SaudiNewsNet (CC BY-NC-SA 4.0 corpus; only word counts are used): {what}.\n"
            "# Built by scripts/build_actor_rules.py --saudinewsnet; do not edit by hand.\n" + "\n".join(words) + "\n", encoding="utf-8")
        print(fname, len(words))


if __name__ == "__main__":
    main()
