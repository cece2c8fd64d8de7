"""Regenerate the generated parts of the actor codebook: ``countries.csv`` from CLDR (through Babel) and the
curated columns, and the systematic ``<institution> + nisba`` rows of ``organizations.csv``.

What goes in:
  * CLDR territory names in Arabic and English (``babel.Locale("ar").territories``, ``Locale("en")``) for every
    two-letter territory code (countries, dependent territories, Kosovo ``XK``); the region groupings (``001``,
    ``150``...), the EU / Eurozone / UN entries and the private-use codes are left out (the EU and the UN are
    organisations: see ``organizations.csv``).
  * ``analysis/resources/actors/curated/countries_curated.csv``: the hand-curated columns (the label as news
    writes it when CLDR's differs, English label overrides, subtype, aliases and spelling variants, the sovereign
    country of a territory, nisba forms, the ambiguity flag, and the reference for them). An empty cell keeps the
    CLDR value.

What comes out: ``countries.csv`` in the codebook format (``analysis/resources/actors/README.md``), one row
per territory, sorted by ``actor_id``. When the curated label differs from CLDR's name, CLDR's name becomes an
alias (unless it carries parentheses, which news text never writes). Then, in ``organizations.csv``, the rows
whose source starts with ``curated: pattern`` are rebuilt from the nisba column of ``countries.csv``: for every
sovereign country with a regular nisba, its government (الحكومة اليونانية، حكومة اليونان), police, army, embassy,
foreign and interior ministries, national football team and football association — unless one of the nisba
phrases already names another actor (a hand-made row such as الجيش السوري, or الاتحاد الروسي = Russia). The
hand-made rows are left as they are. Output is deterministic.

usage:
    .venv/bin/python scripts/build_codebook.py            # rewrite countries.csv and the pattern rows
    .venv/bin/python scripts/build_codebook.py --check    # exit 1 when either file is out of date
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere: use the package's normaliser
    sys.path.insert(0, str(REPO))
from analysis.actors.codebook import COLUMNS as CODEBOOK_COLUMNS
from analysis.normalize import normalize

ACTORS_DIR = REPO / "analysis" / "resources" / "actors"
CURATED_CSV = ACTORS_DIR / "curated" / "countries_curated.csv"
COUNTRIES_CSV = ACTORS_DIR / "countries.csv"
ORGANIZATIONS_CSV = ACTORS_DIR / "organizations.csv"
ACTOR_FILES = ("countries.csv", "locations.csv", "organizations.csv", "groups.csv", "media.csv", "persons.csv")
PATTERN_SOURCE = "curated: pattern "
#: (slug prefix, English label pattern, Arabic head noun, gender of the nisba after it, subtype, construct-state head)
INSTITUTIONS = (
    ("government", "Government of {}", "الحكومة", "f", "government", "حكومة"),
    ("police", "Police ({})", "الشرطة", "f", "police", "شرطة"),
    ("army", "Army ({})", "الجيش", "m", "army", "جيش"),
    ("embassy", "Embassy of {}", "السفارة", "f", "embassy", "سفارة"),
    ("mofa", "Ministry of Foreign Affairs ({})", "وزارة الخارجية", "f", "ministry", "وزارة خارجية"),
    ("moi", "Ministry of Interior ({})", "وزارة الداخلية", "f", "ministry", "وزارة داخلية"),
    ("national_football_team", "{} national football team", "المنتخب", "m", "national_team", "منتخب"),
    ("football_association", "Football association ({})", "الاتحاد", "m", "sports_body", ""),
)
#: Country aliases that make no construct-state name (حكومة المملكة is not a name; epithets are not used this way).
NO_CONSTRUCT = ("المملكة", "السعودية العربية", "أرض الكنانة", "السلطنة", "الشيطان الأكبر")
#: Countries whose nisba is also a common adjective, so that its institution phrases mostly mean something else
#: (الشرطة المالية "the financial police", الاتحاد المالي "the financial union"): no pattern rows (twenty-first session).
NO_PATTERN_ROWS = frozenset({"country:ml"})

COLUMNS = list(CODEBOOK_COLUMNS)
CURATED_COLUMNS = ["actor_id", "label_ar", "label_en", "subtype", "aliases", "country", "nisba", "ambiguous", "source"]
#: CLDR codes that are not territories of their own (or that the codebook keeps as organisations).
SKIPPED_CODES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def cldr_names() -> tuple[dict[str, str], dict[str, str], str]:
    """CLDR territory names ``({code: arabic}, {code: english}, source_label)`` for two-letter codes."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    ar = {k: v for k, v in Locale("ar").territories.items() if len(k) == 2 and k.isalpha() and k not in SKIPPED_CODES}
    en = {k: v for k, v in Locale("en").territories.items() if k in ar}
    return ar, en, f"CLDR {get_cldr_version()} via Babel {babel.__version__}"


def read_curated(path: Path = CURATED_CSV) -> dict[str, dict[str, str]]:
    """Curated rows keyed by ``actor_id``; raises ``ValueError`` naming the line for a bad or duplicate row."""
    out: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(CURATED_COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        for lineno, row in enumerate(reader, start=2):
            aid = (row.get("actor_id") or "").strip()
            if not aid.startswith("country:") or len(aid) != len("country:") + 2:
                raise ValueError(f"{path}:{lineno}: actor_id {aid!r} is not country:<iso alpha-2>")
            if aid in out:
                raise ValueError(f"{path}:{lineno}: duplicate actor_id {aid}")
            out[aid] = {k: (row.get(k) or "").strip() for k in CURATED_COLUMNS}
    return out


def form_key(form: str) -> str:
    """A form as the matcher compares it (normalised, punctuation as spaces): two aliases with the same key
    are one alias for matching (أفغانستان / افغانستان), so only the first is kept."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w]|_", " ", normalize(form))).strip()


def _merge_aliases(*groups: list[str], exclude: str) -> str:
    keys = {form_key(exclude)}
    kept: list[str] = []
    for group in groups:
        for a in group:
            a = a.strip()
            if a and form_key(a) not in keys:
                keys.add(form_key(a))
                kept.append(a)
    return "|".join(kept)


def build_rows(
    ar: dict[str, str], en: dict[str, str], curated: dict[str, dict[str, str]], *, cldr_source: str
) -> list[dict[str, str]]:
    """Merge CLDR names with the curated columns into codebook rows (sorted by actor_id).

    ``ar``/``en``: CLDR names by upper-case code. ``curated``: rows of ``read_curated``. Curated rows whose code is
    not in CLDR are kept as they are (with their own source). Inputs are not modified.
    """
    rows = []
    codes = sorted(set(ar) | {aid.split(":", 1)[1].upper() for aid in curated})
    for code in codes:
        aid = f"country:{code.lower()}"
        cur = curated.get(aid, {})
        cldr_ar, cldr_en = ar.get(code, ""), en.get(code, "")
        label_ar = cur.get("label_ar") or cldr_ar
        label_en = cur.get("label_en") or cldr_en
        if not label_ar:
            raise ValueError(f"{aid}: neither CLDR nor the curated file gives an Arabic name")
        cldr_alias = [cldr_ar] if cldr_ar and "(" not in cldr_ar else []
        subtype = cur.get("subtype") or "country"
        sources = [cldr_source] if cldr_ar else []
        if cur.get("source"):
            sources.append(cur["source"])
        rows.append(
            {
                "actor_id": aid,
                "label_ar": label_ar,
                "label_en": label_en,
                "type": "country",
                "subtype": subtype,
                "aliases": _merge_aliases(cur.get("aliases", "").split("|"), cldr_alias, exclude=label_ar),
                "country": cur.get("country") or (aid if subtype == "country" else ""),
                "metonym_of": "",
                "nisba": cur.get("nisba", ""),
                "ambiguous": "1" if cur.get("ambiguous") == "1" else "",
                "source": "; ".join(sources),
            }
        )
    return rows


def render_csv(rows: list[dict[str, str]]) -> str:
    """The CSV text of ``rows`` (header first, ``\\n`` line ends)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def build_countries_csv(*, curated_path: Path = CURATED_CSV) -> str:
    """The text ``countries.csv`` should have, built from CLDR and the curated file."""
    ar, en, source = cldr_names()
    return render_csv(build_rows(ar, en, read_curated(curated_path), cldr_source=source))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: (v or "") for k, v in r.items()} for r in csv.DictReader(fh)]


def _forms(row: dict[str, str]) -> list[str]:
    return [row["label_ar"], *[a for a in row.get("aliases", "").split("|") if a]]


def build_pattern_rows(countries: list[dict[str, str]], others: list[dict[str, str]]) -> list[dict[str, str]]:
    """The ``<institution> + nisba`` organisation rows for ``countries`` (rows of countries.csv).

    ``others``: every other codebook row (hand-made organisations and the other files); a phrase they already
    contain is never repeated, and an institution whose nisba phrase belongs to another actor gets no row.
    Inputs are not modified; rows come out in the order of ``countries`` and ``INSTITUTIONS``.
    """
    existing = {form_key(f) for r in others for f in _forms(r)}
    taken = {r["actor_id"] for r in others}
    out = []
    for c in countries:
        nis = [n for n in c["nisba"].split("|") if n.endswith("ي")]
        if not nis or c["subtype"] != "country" or c["actor_id"] in NO_PATTERN_ROWS:
            continue
        cc = c["actor_id"].split(":", 1)[1]
        fem = {form_key(n + "ة") for n in nis}
        names = [c["label_ar"]] + [
            a
            for a in c["aliases"].split("|")
            if a
            and a.count(" ") <= 2
            and a not in NO_CONSTRUCT
            and "بلاد" not in a
            and "الاحتلال" not in a
            and "الكيان" not in a
            and form_key(a) not in fem
        ]
        for slug, en_pat, head, gender, subtype, construct in INSTITUTIONS:
            nforms = [f"{head} ال{n}" + ("ة" if gender == "f" else "") for n in nis]
            if slug == "mofa":
                nforms += [f"الخارجية ال{n}ة" for n in nis]
            if slug == "moi":
                nforms += [f"الداخلية ال{n}ة" for n in nis]
            if f"org:{slug}_{cc}" in taken or any(form_key(f) in existing for f in nforms):
                continue  # a hand-made row, or the phrase means something else
            cforms = [f"{construct} {nm}" for nm in names] if construct else []
            forms = []
            for f in nforms + cforms:
                if form_key(f) not in existing:
                    existing.add(form_key(f))
                    forms.append(f)
            if not forms:
                continue
            out.append(
                {
                    "actor_id": f"org:{slug}_{cc}",
                    "label_ar": forms[0],
                    "label_en": en_pat.format(c["label_en"]),
                    "type": "organization",
                    "subtype": subtype,
                    "aliases": "|".join(forms[1:]),
                    "country": c["actor_id"],
                    "metonym_of": "",
                    "nisba": "",
                    "ambiguous": "",
                    "source": f'{PATTERN_SOURCE}"{head} + nisba" over the nisba of {c["actor_id"]} in countries.csv',
                }
            )
    return out


def build_organizations_csv(countries_text: str) -> str:
    """The text organizations.csv should have: its hand-made rows plus freshly built pattern rows."""
    countries = list(csv.DictReader(io.StringIO(countries_text)))
    orgs = _read_csv(ORGANIZATIONS_CSV)
    hand = [r for r in orgs if not r["source"].startswith(PATTERN_SOURCE)]
    others = list(hand)
    for fn in ACTOR_FILES:
        if fn not in ("countries.csv", "organizations.csv"):
            others += _read_csv(ACTORS_DIR / fn)
    others += countries
    rows = hand + build_pattern_rows(countries, others)
    return render_csv(sorted(rows, key=lambda r: r["actor_id"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 when countries.csv is out of date")
    ap.add_argument(
        "--out",
        type=Path,
        default=COUNTRIES_CSV,
        help="where to write countries.csv (default: the package resource; organizations.csv is then rebuilt too)",
    )
    args = ap.parse_args(argv)
    countries = build_countries_csv()
    orgs = build_organizations_csv(countries)
    outputs = [(args.out, countries)] + ([(ORGANIZATIONS_CSV, orgs)] if args.out == COUNTRIES_CSV else [])
    if args.check:
        stale = [p for p, text in outputs if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p} is out of date: run scripts/build_codebook.py", file=sys.stderr)
        if not stale:
            print("countries.csv and organizations.csv are up to date")
        return 1 if stale else 0
    for p, text in outputs:
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
