"""The actor codebook: loading, validation, and the list of matchable surface forms.

A codebook is the union of the default CSV files under ``analysis/resources/actors/`` (format in the
README there) and any user CSV files, which add rows or replace default rows with the same ``actor_id``.

>>> import io, tempfile, os
>>> p = os.path.join(tempfile.mkdtemp(), "mine.csv")
>>> _ = open(p, "w", encoding="utf-8").write("actor_id,label_ar,type\\nperson:x,فلان الفلاني,person\\n")
>>> cb = load_codebook(p)
>>> cb.actors.loc["person:x", "label_ar"]
'فلان الفلاني'
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from analysis.normalize import dediacritize, normalize

ACTOR_FILES = ("countries.csv", "locations.csv", "organizations.csv", "groups.csv", "media.csv", "persons.csv",
               "locations_geonames.csv")
OFFICES_FILE = "offices.csv"
COLUMNS = (
    "actor_id", "label_ar", "label_en", "type", "subtype", "aliases", "country", "metonym_of", "nisba", "ambiguous", "source",
)
REQUIRED = ("actor_id", "label_ar", "type")
TYPES = ("person", "organization", "country", "location", "group", "media")
_ID_RE = re.compile(r"^[a-z_]+:[\w.\-]+$")
_NONWORD_RE = re.compile(r"[^\w]|_")
_SPACES_RE = re.compile(r"\s+")


class CodebookError(ValueError):
    """A codebook file has a bad row; the message names the file, the row and what to do."""


@dataclass(frozen=True)
class Form:
    """One matchable surface form of an actor.

    key          the form normalised for matching (``matching_key``), without a leading article ال
    article      "none" (the form never takes ال), "required" (the form is written with ال: الجزائر),
                 "optional" (nisba adjectives: مصري / المصري)
    actor_id     the actor the form names
    kind         name | alias | nisba | title
    n_tokens     tokens in the form (single-token forms may be ambiguous)
    user         True when the form comes from a user CSV (user forms win collisions)
    """

    key: str
    article: str
    actor_id: str
    kind: str
    n_tokens: int
    user: bool = False


@dataclass(frozen=True)
class Office:
    """A term of office: ``person_id`` held the office named by ``phrases`` from ``start`` to ``end``."""

    person_id: str
    phrases: tuple[str, ...]
    office_en: str
    country: str
    start: pd.Timestamp
    end: pd.Timestamp | None


@dataclass(frozen=True, eq=False)
class Codebook:
    """Actors (a DataFrame indexed by ``actor_id`` with the codebook columns) and terms of office.

    The matching automaton is built lazily, once per codebook object (see :mod:`analysis.actors.matcher`).
    """

    actors: pd.DataFrame
    offices: tuple[Office, ...] = ()
    user_ids: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self):  # the automaton is rebuilt in a worker process rather than pickled
        return {"actors": self.actors, "offices": self.offices, "user_ids": self.user_ids, "files": self.files, "_cache": {}}

    def __setstate__(self, state):
        for k, v in state.items():
            object.__setattr__(self, k, v)

    @cached_property
    def forms(self) -> tuple[Form, ...]:
        """Every matchable form of every actor and office (see :func:`actor_forms`)."""
        out: list[Form] = []
        # plain dicts rather than iterrows(): a Series per row cost more than the forms themselves (8,000 rows)
        for aid, row in zip(self.actors.index, self.actors.to_dict("records")):
            out.extend(actor_forms(aid, row, user=aid in self.user_ids))
        out.extend(Form(k, art, off.person_id, "title", k.count(" ") + 1) for off, k, art in self.office_keys())
        return tuple(out)

    def office_keys(self) -> Iterator[tuple[Office, str, str]]:
        """``(office, key, article)`` for every office phrase: its matching key (:func:`matching_key`) and the key's
        spellings (:func:`spelling_variants`: وزير الشئون الاجتماعية). Read by :attr:`forms` and by the matcher's
        table of offices (``fields._build_matcher``)."""
        for off in self.offices:
            for ph in off.phrases:
                key, art = matching_key(ph)
                for k in spelling_variants([key]) if key else ():
                    yield off, k, art

    def terms(self, on: str | pd.Timestamp | None = None) -> pd.DataFrame:
        """The terms of office as a table, one row per term: ``person_id, label_ar, label_en, office_en, country,
        start, end, phrases`` (``end`` NaT: in office at the time of writing; ``phrases`` joined by ``|``). With ``on``
        (a date), only the terms that include that day, ``start <= on < end``: the holder a title resolves to in an
        article of that date (``cb.terms("2024-11-01")`` … ``office_en == "Prime Minister of France"``)."""
        label = {pid: self.label(pid) for pid in {o.person_id for o in self.offices}}  # load_codebook checked the ids
        out = pd.DataFrame(
            [{"person_id": o.person_id, "label_ar": label[o.person_id]["label_ar"],
              "label_en": label[o.person_id]["label_en"], "office_en": o.office_en, "country": o.country or None,
              "start": o.start, "end": o.end, "phrases": "|".join(o.phrases)} for o in self.offices],
            columns=["person_id", "label_ar", "label_en", "office_en", "country", "start", "end", "phrases"])
        out["start"], out["end"] = pd.to_datetime(out["start"]), pd.to_datetime(out["end"])
        if on is not None:
            day = pd.Timestamp(on)
            day = (day.tz_localize(None) if day.tz else day).normalize()
            out = out[(out["start"] <= day) & (out["end"].isna() | (day < out["end"]))]
        out = out.sort_values(["country", "office_en", "start"], na_position="last", kind="stable")
        return out.reset_index(drop=True)

    def label(self, actor_id: str) -> dict[str, str | None]:
        """label_ar, label_en, type, subtype of an actor (NA-free dict)."""
        r = self.actors.loc[actor_id]
        return {k: (None if pd.isna(r[k]) or r[k] == "" else str(r[k])) for k in ("label_ar", "label_en", "type", "subtype")}


# --- forms -----------------------------------------------------------------------------------------


def matching_key(form: str) -> tuple[str, str]:
    """``(key, article)`` for a surface form: normalised, punctuation as spaces, ال split off.

    >>> matching_key("القاهرة")
    ('قاهره', 'required')
    >>> matching_key("أ.ف.ب")
    ('ا ف ب', 'none')
    >>> matching_key("ألمان")
    ('المان', 'none')
    """
    s = _SPACES_RE.sub(" ", _NONWORD_RE.sub(" ", normalize(form))).strip()
    # the article is a plain alef + lam as written: ألمان and إلينوي start with a hamza, not with ال
    if s.startswith("ال") and len(s) > 4 and dediacritize(form).strip().startswith("ال"):
        return s[2:], "required"
    return s, "none"


def nisba_forms(base: str, *, feminine: bool = True) -> list[str]:
    """The regular inflections of a masculine singular nisba (no article; the matcher adds ال); without the feminine
    ones if not ``feminine`` (a US party's: جمهورية is "republic", ديمقراطية "democracy").

    >>> nisba_forms("مصري")
    ['مصري', 'مصرية', 'مصريين', 'مصريون', 'مصريان', 'مصريتين', 'مصريتان', 'مصريات', 'مصريو']
    >>> nisba_forms("جمهوري", feminine=False)
    ['جمهوري', 'جمهوريين', 'جمهوريون', 'جمهوريان', 'جمهوريو']
    """
    b = base.strip()
    if b.startswith("ال") and len(b) > 4:  # called on the form as written: ألماني keeps its hamza here
        b = b[2:]
    if b.endswith("ى"):
        b = b[:-1] + "ي"
    if not b.endswith("ي"):  # an irregular form listed as it is (عرب, روس, أكراد)
        return [b]
    return [b + e for e in ("", "ة", "ين", "ون", "ان", "تين", "تان", "ات", "و") if feminine or e not in _FEMININE_ENDINGS]


#: The endings of the feminine inflections of a nisba (nisba_forms).
_FEMININE_ENDINGS = frozenset(("ة", "تين", "تان", "ات"))


def _split(cell) -> list[str]:
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return []
    return [x.strip() for x in str(cell).split("|") if x.strip()]


def spelling_variants(keys: Iterable[str]) -> set[str]:
    """عبد الله ↔ عبدالله, أبو مازن ↔ أبومازن, الشؤون ↔ الشئون (fiftieth session: وزير الشئون الاجتماعية): news text
    writes both."""
    out = set(keys)
    for k in list(out):
        out.add(re.sub(r"\b(عبد|ابو|بو) (?=\w)", r"\1", k))
        out.add(re.sub(r"\b(عبد)(?=ال)", r"\1 ", k))
    for k in list(out):
        if "شؤون" in k or "شئون" in k:
            out.add(k.replace("شؤون", "شئون"))
            out.add(k.replace("شئون", "شؤون"))
    return out


def actor_forms(actor_id: str, row: pd.Series | dict, *, user: bool = False) -> list[Form]:
    """Forms of one codebook row (a Series or a dict of the columns): label (name), aliases (alias), nisba
    inflections (nisba)."""
    out: list[Form] = []
    seen: dict[tuple[str, str], int] = {}  # (key, kind) -> its place in out

    def add(surface: str, kind: str, article: str | None = None) -> None:
        key, art = matching_key(surface)
        if not key:
            return
        if article is not None:
            art = article
        for k in spelling_variants([key]):
            if (k, kind) in seen:
                at = seen[(k, kind)]
                if {out[at].article, art} == {"none", "required"}:  # باراجواي and الباراجواي both listed: either
                    out[at] = Form(k, "optional", actor_id, kind, out[at].n_tokens, user)
                continue
            seen[(k, kind)] = len(out)
            out.append(Form(k, art, actor_id, kind, k.count(" ") + 1, user))

    add(row["label_ar"], "name")
    for a in _split(row.get("aliases")):
        add(a, "alias")
    # a party's nisba is never looked for in the feminine, a word of its own (forty-sixth session: جمهورية
    # "republic", ديمقراطية "democracy"; rule party_nisba, fields.py)
    party = row.get("subtype") == "party" and row.get("type") == "organization"
    for base in _split(row.get("nisba")):
        b = dediacritize(base)
        for f in nisba_forms(b, feminine=not party):
            add(f, "nisba", "optional")
        b = b[2:] if b.startswith("ال") and len(b) > 4 else b
        if b.endswith(("ي", "ى")) and len(b) >= 4:
            add(b[:-1] + "ين", "nisba", "required")  # اليمنين: a frequent misspelling of اليمنيين (with the article only)
            add(b + "ا", "nisba", "none")  # يمنيًا، سعوديًا: the indefinite accusative (tanwin alif), never with ال
    return out


# --- loading ---------------------------------------------------------------------------------------


def _read_rows(text: str, name: str, *, required: tuple[str, ...]) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise CodebookError(f"{name}: header lacks column(s) {missing}; the header must name at least {list(required)}")
    rows = []
    for i, r in enumerate(reader, start=2):
        if None in r:
            raise CodebookError(f"{name}, row {i}: more cells than columns ({r[None]!r}); quote cells that contain commas")
        rows.append({k: (v or "").strip() for k, v in r.items()} | {"_row": i})
    return rows


def _validate_actor(r: dict, name: str) -> dict:
    i = r["_row"]
    for c in REQUIRED:
        if not r.get(c):
            raise CodebookError(f"{name}, row {i}: empty {c!r}; every row needs actor_id, label_ar and type")
    if not _ID_RE.match(r["actor_id"]):
        raise CodebookError(f"{name}, row {i}: actor_id {r['actor_id']!r} is not of the form prefix:slug (e.g. person:ali_mamlouk)")
    if r["type"] not in TYPES:
        raise CodebookError(f"{name}, row {i}: type {r['type']!r} is not one of {', '.join(TYPES)}")
    return {c: r.get(c, "") for c in COLUMNS}


def _parse_date(s: str, name: str, i: int, col: str) -> pd.Timestamp | None:
    if not s:
        return None
    try:
        return pd.Timestamp(s)
    except ValueError as e:
        raise CodebookError(f"{name}, row {i}: {col} {s!r} is not an ISO date (YYYY-MM-DD)") from e


def _default_texts() -> list[tuple[str, str]]:
    """(file name, text) of the default codebook files that exist."""
    root = resources.files("analysis.resources").joinpath("actors")
    out = []
    for fn in ACTOR_FILES + (OFFICES_FILE,):
        p = root.joinpath(fn)
        if p.is_file():
            out.append((f"analysis/resources/actors/{fn}", p.read_text(encoding="utf-8")))
    return out


def _build(sources: list[tuple[str, str, bool]]) -> Codebook:
    """sources: (name, text, is_user). Later rows replace earlier rows with the same actor_id."""
    rows: dict[str, dict] = {}
    user_ids: set[str] = set()
    office_rows: list[tuple[str, dict]] = []
    for name, text, is_user in sources:
        if name.endswith(OFFICES_FILE):
            office_rows += [(name, r) for r in _read_rows(text, name, required=("person_id", "office_ar", "start"))]
            continue
        for r in _read_rows(text, name, required=REQUIRED):
            v = _validate_actor(r, name)
            rows[v["actor_id"]] = v
            if is_user:
                user_ids.add(v["actor_id"])
    df = pd.DataFrame(list(rows.values()), columns=list(COLUMNS)).set_index("actor_id", drop=False)
    df.index.name = None
    offices = []
    for name, r in office_rows:
        i = r["_row"]
        if r["person_id"] not in rows:
            raise CodebookError(f"{name}, row {i}: person_id {r['person_id']!r} is not in the actor files; add the person first")
        start = _parse_date(r["start"], name, i, "start")
        offices.append(Office(r["person_id"], tuple(_split(r["office_ar"])), r.get("office_en", ""), r.get("country", ""),
                              start, _parse_date(r.get("end", ""), name, i, "end")))
    return Codebook(df, tuple(offices), frozenset(user_ids), tuple(s[0] for s in sources))


@lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    return _build([(n, t, False) for n, t in _default_texts()])


@lru_cache(maxsize=8)
def _codebook_with(paths: tuple[tuple[str, float, int], ...]) -> Codebook:
    sources = [(n, t, False) for n, t in _default_texts()]
    for p, _mtime, _size in paths:
        sources.append((p, Path(p).read_text(encoding="utf-8-sig"), True))
    return _build(sources)


def load_codebook(extra_csv: str | Path | Iterable[str | Path] | None = None) -> Codebook:
    """The default codebook, extended or overridden by the user's CSV file(s).

    extra_csv  a path or list of paths to CSV files with the codebook columns (at least actor_id, label_ar,
               type; see analysis/resources/actors/README.md). A user row replaces a default row with the
               same actor_id. A file named ``offices.csv`` (or ending in it) adds terms of office.
    Returns a :class:`Codebook`; cached per process (per file path, modification time and size).
    Raises :class:`CodebookError` naming the file and row of a bad row.
    """
    if extra_csv is None:
        return _default_codebook()
    paths = [extra_csv] if isinstance(extra_csv, (str, Path)) else list(extra_csv)
    if not paths:
        return _default_codebook()
    keys = []
    for p in paths:
        p = Path(p)
        if not p.is_file():
            raise CodebookError(f"{p}: codebook file not found")
        st = p.stat()
        keys.append((str(p.resolve()), st.st_mtime, st.st_size))
    return _codebook_with(tuple(keys))
