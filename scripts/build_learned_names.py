"""Build ``analysis/resources/actors/learned_names.csv``: names that the discovery rules find WITH a strong cue
somewhere in the SaudiNewsNet corpus, so that the matcher finds them also where an article names them without one.

What goes in:
  * The SaudiNewsNet zips of CORPUS_DIR (M. Alhagri 2015, CC BY-NC-SA 4.0; only names and counts are kept, no
    text). Every distinct article text once (a repeated text counts once), minus the articles of
    ``--exclude-urls`` (and every article with the same text as one of them).
  * The current extraction (``extract_mentions(..., learned=False)``: the shipped learned names play no part in
    their own rebuild). Its mentions of match_kind "discovered" are read, each with its cue:
      - person: the word right before is a title, a role noun or a reporting verb (``titles.txt``,
        ``person_roles.txt``, ``reporting_verbs.txt``: اللواء علي الحربي، وقال علي الحربي);
      - organization: the name starts with an organisation head (``org_chain_heads.tsv``, ``org_heads.tsv``:
        جمعية …، إدارة …، شركة …);
      - location: the word right before is a place head that names what follows (``place_heads.tsv``, span
        ``name``: حي الزاهر → الزاهر), or the name starts with a place head (span ``whole``/``feature``).
  * The word lists of ``analysis/resources/actors_rules/``, the curated codebook (below) and
    ``analysis/resources/actors/curated/learned_excluded.txt`` (names read in context and dropped by hand).

What is kept (every threshold is a constant below): a name of the type it mostly has (at least TYPE_SHARE of its
cued articles), found with its cue in at least MIN_ARTICLES distinct articles (a person: in one, when the corpus also
names him without a cue), whose bare form (with any proclitic)
is seen in the corpus at most MAX_SEEN_PER_CUE times as often as with a cue (a phrase of the language is seen far
more often without a cue than with one: a word, not a name), and
  * persons and organisations of two words or more; places of one word only when the word is no word of the
    language (the frequency lists of ``actors_rules/``, the given names; the matcher reads them only after a place
    word or in a list of places, rule ``place_or_list``);
  * no form of the curated codebook, of the GeoNames gazetteer or of the ANERcorp gazetteer (those are found
    already), no form of ``ambiguous_forms*.tsv``; no stopword inside; a person's name neither starts with a title
    nor with a word of ``not_person_heads.txt``, has no word of ``foreign_names_not.txt``, and is not made of given
    names and name links only (محمد بن علي: discovery reads those from the given name itself).

What comes out: ``name,type,articles,cued,seen`` (normalised name, person | organization | location, distinct
articles with a cue, mentions with a cue, occurrences of the bare form), sorted by type and name; deterministic.

usage:
    .venv/bin/python scripts/build_learned_names.py ../shared/data/saudinewsnet            # rewrite the file
    .venv/bin/python scripts/build_learned_names.py ../shared/data/saudinewsnet --check    # exit 1 when out of date
    .venv/bin/python scripts/build_learned_names.py ../shared/data/saudinewsnet --exclude-urls refs.jsonl --out F
    .venv/bin/python scripts/build_learned_names.py ../shared/data/saudinewsnet --sample 100 --out /tmp/x.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for p in (str(REPO), str(REPO / "scripts")):  # run as a script from anywhere: the package and build_gazetteer
    if p not in sys.path:
        sys.path.insert(0, p)

import ahocorasick  # noqa: E402

from analysis.actors.fields import P_ART, P_NONE  # noqa: E402
from analysis.actors.rules import norm_word, strip_clitics  # noqa: E402
from analysis.normalize import normalize  # noqa: E402
from analysis.resources import read_table, read_word_list  # noqa: E402

OUT_CSV = REPO / "analysis" / "resources" / "actors" / "learned_names.csv"
EXCLUDED_TXT = REPO / "analysis" / "resources" / "actors" / "curated" / "learned_excluded.txt"
TYPES = ("person", "organization", "location")
#: a name is kept when found with its cue in at least MIN_ARTICLES distinct article texts
MIN_ARTICLES = 2
#: a person with a cue in only MIN_ARTICLES_PERSON (< MIN_ARTICLES) articles is kept when the corpus also names him
#: without a cue (seen > cued): that is where a learned name finds what the rules cannot
MIN_ARTICLES_PERSON = 1
#: … and its bare form (any proclitic) is seen at most MAX_SEEN_PER_CUE times per mention with a cue
MAX_SEEN_PER_CUE = 4.0
#: … and at least TYPE_SHARE of its cued articles give it the kept type
TYPE_SHARE = 0.75
#: a person's last word with the article follows a given name in at least this share of its occurrences
FAMILY_SHARE = 0.25
#: twentieth session: a person or a place that discovery finds without a cue (lists, lineups: ودخل المباراة بحسين
#: شيعان وخالد الغامدي …، والعيص وخيبير والعشاش) in at least MIN_UNCUED_ARTICLES texts is a candidate too (a person:
#: when its first word is a given name, ``_uncued_name_ok``; a place: of one word, which the matcher reads only after a
#: place word or in a list of places); it is kept when discovery found it in at least
#: 1 / MAX_SEEN_PER_CUE of the name's occurrences (the discoveries count as cues)
MIN_UNCUED_ARTICLES = 3
#: a one-word place has at least this many letters (without ال)
MIN_LETTERS = 4
HEADER = ("# Derived from SaudiNewsNet (M. Alhagri 2015, CC BY-NC-SA 4.0; names and counts only, no text) by\n"
          "# scripts/build_learned_names.py: names the discovery rules find with a strong cue in other articles.\n"
          "# Do not edit by hand; see analysis/resources/actors/README.md, \"Learned names\".\n")
#: scan_person_names: a role word at most ROLE_WINDOW words before the given name; names of at most MAX_NAME_WORDS
ROLE_WINDOW = 6
MAX_NAME_WORDS = 5
#: role nouns of administrative news that titles.txt lacks (a role phrase before a name: مساعد مدير …، وكيل …)
EXTRA_ROLES = ("مساعد", "وكيل", "امين", "مشرف", "منسق", "مستشار", "مسوول", "مسئول", "مديره", "رئيسه", "مشرفه")
#: words that open the rest of a compound name (غرم + الله الغامدي, عبد + الرحمن …): never a person's first word
_FRAGMENTS = frozenset(("الله", "له", "لله", "الرحمن", "الرحيم", "العزيز", "الكريم", "الدين", "اللطيف", "الملك"))
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u063A\u0641-\u064A]+")  # hamza … yeh, no Persian letters (ی ک گ)
_SEGMENT_RE = re.compile(r"[^\w\s]+|\n")
_PREV_RE = re.compile(r"(\w+)(?: (\w+))? +$")  # the word(s) right before a mention, separated by spaces only


def _words(*names: str) -> set[str]:
    return {w for n in names for w in (norm_word(ln.split("\t")[0]) for ln in read_word_list("actors_rules", n)) if w}


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


class Lists:
    """The word lists the cues and filters read (normalised)."""

    def __init__(self) -> None:
        from build_gazetteer import curated_keys, word_lists

        self.person_cues = {_bare(w) for w in _words("titles.txt", "person_roles.txt", "reporting_verbs.txt")}
        self.role_cues = self.person_cues | set(EXTRA_ROLES)
        self.titles = {_bare(w) for w in _words("titles.txt", "person_roles.txt", "person_triggers_anercorp.txt")}
        chain = read_table("actors_rules", "org_chain_heads.tsv")
        self.org_heads = {_bare(norm_word(r["head"])) for r in chain}
        # heads that the rules leave out on purpose alone (min 9: كلية الطب is a faculty, untagged in ANERcorp)
        self.left_out_heads = {_bare(norm_word(r["head"])) for r in chain if int(r["min"]) >= 9}
        self.org_heads |= {_bare(w) for w in _words("org_heads.tsv")} - {"head"}
        heads = read_table("actors_rules", "place_heads.tsv")
        self.place_name_heads = {_bare(norm_word(r["head"])) for r in heads if r["span"].strip() == "name"}
        self.place_whole_heads = {_bare(norm_word(r["head"])) for r in heads if r["span"].strip() != "name"}
        self.not_person_heads = {_bare(w) for w in _words("not_person_heads.txt")}
        self.not_name_words = _words("foreign_names_not.txt")
        self.stopwords = _words("stopwords.txt")
        self.connectors = _words("name_connectors.txt")
        gl = word_lists()
        self.given = gl["given name"]
        self.common = gl["frequent word"] | gl["definite noun"] | gl["common word (ANERcorp)"] | gl["stopword"] | gl["person token"]
        self.stems = _words("definite_stems_saudinewsnet.txt")
        self.noun_given = _words("noun_given_names.txt")  # given names used mostly as nouns (جميل، إيمان)
        self.anercorp_common = gl["common word (ANERcorp)"]
        self.known = set(curated_keys())
        with open(REPO / "analysis" / "resources" / "actors" / "locations_geonames.csv", encoding="utf-8") as fh:
            from analysis.actors.codebook import actor_forms
            for r in csv.DictReader(ln for ln in fh if not ln.startswith("#")):
                for f in actor_forms(r["actor_id"], r):
                    self.known.update((f.key, ("ال" + f.key) if f.article == "required" else f.key))
        self.known |= _words("entities_anercorp.tsv", "ambiguous_forms.tsv", "ambiguous_forms_geonames.tsv")
        self.excluded = {w for w in (norm_word(ln.split("\t")[0]) for ln in EXCLUDED_TXT.read_text(encoding="utf-8").splitlines()
                                     if ln.strip() and not ln.startswith("#")) if w}


def scan_person_names(text: str, lists: Lists) -> list[str]:
    """Person names (normalised) that follow a role phrase in ``text`` although discovery may not read them (مدير
    فرع وزارة العمل بجازان علي الحربي، ورأى علي الحربي): a given name within ROLE_WINDOW words after a title, role
    noun or reporting verb, with no punctuation between, then name links and given names up to the first family name
    (a word with the article); at most MAX_NAME_WORDS words, the last one a family name."""
    out = []
    for seg in _SEGMENT_RE.split(normalize(text)):
        toks = seg.split()
        for i in range(1, len(toks)):
            first = toks[i][1:] if toks[i][:1] in "وف" and toks[i][1:] in lists.given else toks[i]
            if first not in lists.given or first in lists.connectors or first[:1] in "بلك" and first[1:] in lists.stopwords:
                continue  # بان = ب + أن
            if toks[i - 1] in lists.connectors or toks[i - 1] in lists.given:
                continue  # inside a longer name (محمد بن عبدالله الشهري)
            if not any(_bare(w) in lists.role_cues or _bare(w[1:]) in lists.role_cues
                       for w in toks[max(0, i - ROLE_WINDOW) : i]):
                continue
            name = [first]
            for w in toks[i + 1 : i + MAX_NAME_WORDS]:
                if w in lists.connectors or w in lists.given:
                    name.append(w)  # بن، عبد، a father's name
                    continue
                if w.startswith("ال") and len(w) > 4:
                    name.append(w)  # the family name ends it
                break
            if len(name) >= 2 and name[-1].startswith("ال") and name[-1] not in lists.given:
                out.append(" ".join(name))
    return out


def cue(name: str, typ: str, before: str, lists: Lists) -> bool:
    """Whether a discovered mention of ``name`` (normalised) of type ``typ``, with ``before`` the normalised text right
    before it in its field, was found with a strong cue (see the module docstring)."""
    first = _bare(name.split(" ")[0])
    if typ == "organization":
        return first in lists.org_heads
    if typ == "location" and first in lists.place_whole_heads:
        return True
    m = _PREV_RE.search(before)
    if m is None:
        return False
    w1, w2 = (m.group(2), m.group(1)) if m.group(2) else (m.group(1), None)
    cands = {w1, _bare(w1), _bare(strip_clitics(w1)), _bare(w1[1:]) if w1[:1] in "وف" else w1}
    if w2 is not None:  # two-word titles: ولي العهد
        cands.add(_bare(w2) + " " + _bare(w1))
    words = lists.person_cues if typ == "person" else lists.place_name_heads
    return any(c in words for c in cands)


def drop_reason(name: str, typ: str, lists: Lists) -> str | None:
    """Why a candidate name is never learned, whatever its counts (``None``: it may be)."""
    toks = name.split(" ")
    if name in lists.known or _bare(name) in lists.known or "ال" + name in lists.known:
        return "a form of the codebook, a gazetteer or the rule lists"
    if name in lists.excluded:
        return "excluded by hand (curated/learned_excluded.txt)"
    if not all(_ARABIC_WORD_RE.fullmatch(t) for t in toks):
        return "not a name of Arabic letters (Latin, Persian letters, digits)"
    if any(t in lists.stopwords and not (typ == "person" and t in lists.given) for t in toks):  # علي is a name too
        return "a stopword inside"
    if typ == "location" and len(toks) == 1:
        if len(_bare(name)) < MIN_LETTERS:
            return "one-word place: too short"
        if name in lists.common or _bare(name) in lists.common or name in lists.given or _bare(name) in lists.given \
                or not name.startswith("ال") and name in lists.stems:
            return "one-word place: a word of the language or a given name"
        return None
    if len(toks) < 2:
        return f"one-word {typ}"
    if typ == "organization" and _bare(toks[0]) in lists.left_out_heads:
        return "organization: a head the rules leave out alone (كلية: a faculty)"
    if typ == "organization" and any(t[:1] == "و" and _bare(t[1:]) in lists.org_heads for t in toks[1:]):
        return "organization: two bodies joined by و (مجلس الاداره والجمعيه العموميه)"
    if typ == "person":
        if _bare(toks[0]) in lists.titles or _bare(toks[0]) in lists.not_person_heads:
            return "person: starts with a title or a non-person head"
        if toks[0] in _FRAGMENTS or toks[0].startswith("ال") and toks[0] not in lists.given:
            return "person: starts with the article (a fragment: الله الغامدي of عبد الله الغامدي)"
        if any(t in lists.common and t not in lists.given and not t.startswith("ال") for t in toks):
            return "person: a common word that is no given name (اسعافات اوليه)"
        if any(a.startswith("ال") and not b.startswith("ال") for a, b in zip(toks[1:], toks[2:])):
            return "person: a word after the family name (بكر الشهري مساعد)"
        if any(" ".join(toks[:k]) in lists.known for k in range(2, len(toks))):
            return "person: a codebook name + more words (علي عبدالله صالح المتحالف)"
        if any(t in lists.not_name_words for t in toks):
            return "person: a word of foreign_names_not.txt"
        if all(t in lists.given or t in lists.connectors or t in _FRAGMENTS or t in ("عبد", "ابو", "بن", "ال") for t in toks):
            return "person: given names and links only"
    return None


def read_excluded_urls(path: Path) -> set[str]:
    """URLs to leave out: a JSONL file with a ``url`` field per line, or a text file of one URL per line."""
    out = set()
    for ln in path.read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln:
            continue
        out.add(json.loads(ln).get("url") if ln.startswith("{") else ln)
    out.discard(None)
    return out


def _before(raw: str) -> str:
    """The normalised text before a mention, ending in a space; empty when punctuation or nothing separates the
    mention from the word before (a cue does not reach across a comma or a full stop)."""
    tail = raw.rstrip()
    if len(tail) == len(raw) or not tail or not (tail[-1].isalpha() or unicodedata.category(tail[-1]) == "Mn"):
        return ""
    return norm_word(raw) + " "


def _text_key(title, text) -> str:
    parts = [v if isinstance(v, str) else "" for v in (title, text)]
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()


def collect(corpus: Path, *, exclude_urls: set[str], chunk_size: int = 1000, progress: bool = True):
    """Pass 1: the discovered mentions of every article, with their cue. Returns ``(per_article, examples)``:
    per_article maps a text key (first article of each distinct text, not excluded) to
    ``{(name, type): [cued, discovered]}``; examples maps (name, type) to one cued context (for the audit)."""
    from analysis.actors import extract_mentions
    from analysis.corpus import iter_corpus

    lists = Lists()
    per_text: dict[str, dict] = {}
    excluded_keys: set[str] = set()
    examples: dict[tuple[str, str], str] = {}
    n_done, t0 = 0, time.process_time()
    for chunk in iter_corpus(corpus, chunk_size=chunk_size):
        arts = chunk.articles
        fields = {}
        for aid, url, title, text in zip(arts["article_id"], arts["url"], arts["title"], arts["text"]):
            key = _text_key(title, text)
            fields[aid] = (key, title, text)
            if url in exclude_urls:
                excluded_keys.add(key)
        m = extract_mentions(arts, learned=False)
        m = m[(m["match_kind"] == "discovered") & m["actor_type"].isin(TYPES)]
        seen_keys = set()
        for aid in arts["article_id"]:
            key = fields[aid][0]
            if key not in per_text and key not in seen_keys:
                seen_keys.add(key)
                per_text[key] = {}
        firsts = {fields[aid][0]: aid for aid in reversed(arts["article_id"].tolist())}
        for aid, fld, s, e, lab, typ in zip(m["article_id"], m["field"], m["start"], m["end"], m["label_ar"], m["actor_type"]):
            key, title, text = fields[aid]
            if firsts.get(key) != aid or key not in seen_keys:
                continue  # a repeated text counts once
            src = title if fld == "title" else text
            before = _before(src[max(0, s - 60) : s])
            c = cue(lab, typ, before, lists)
            rec = per_text[key].setdefault((lab, typ), [0, 0])
            rec[0] += c
            rec[1] += 1
            if c and (lab, typ) not in examples:
                examples[(lab, typ)] = src[max(0, s - 70) : e + 50].replace("\n", " ")
        for key in seen_keys:  # names after a role phrase that discovery left (one article counts each name once)
            aid = firsts[key]
            scanned: Counter = Counter()
            for src in fields[aid][1:]:
                if isinstance(src, str) and src:
                    for name in scan_person_names(src, lists):
                        scanned[name] += 1
                        if (name, "person") not in examples:
                            i = normalize(src).find(name)
                            examples[(name, "person")] = "[scan] " + src[max(0, i - 70) : i + len(name) + 40].replace("\n", " ")
            for name, n in scanned.items():  # a mention that discovery read with its cue is not counted twice
                rec = per_text[key].setdefault((name, "person"), [0, 0])
                rec[0], rec[1] = max(rec[0], n), max(rec[1], n)
        n_done += len(arts)
        if progress:
            print(f"\r  pass 1 (extraction): {n_done:,} articles, {time.process_time() - t0:.0f} CPU s", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return {k: v for k, v in per_text.items() if k not in excluded_keys}, excluded_keys, examples


def _uncued_name_ok(name: str, lists: Lists) -> bool:
    """A person's name that may be learned from discoveries without a cue: its first word is a given name that is no
    word of the language (ANERcorp's common words, stopwords, ``noun_given_names.txt``: not علي، أمل، حسن، سلامة — حسن
    ظنك، امل منكم، سلامه اراضيه are phrases), and every later word is a family name with the article, a given name or
    a name link, or a word of three letters or more that is no word of the lists, does not start a second item with و
    (not كريستيانو وجاريث بيل) or a complement with ب/ل (not الفارو نيغريدو لفالنسيا) and is no plural verb (اولم يروا)."""
    first, *rest = name.split(" ")
    if first not in lists.given or first in lists.anercorp_common or first in lists.stopwords or first in lists.noun_given:
        return False
    return all(w.startswith("ال") or w in lists.given or w in lists.connectors
               or len(w) >= 3 and w[0] not in "وبل" and not w.endswith("وا") and w not in lists.common
               and w not in lists.stems for w in rest)


def candidates(per_text: dict, lists: Lists, report: Counter | None = None) -> dict[tuple[str, str], list[int]]:
    """Names found with a cue in at least MIN_ARTICLES texts, of their main type, not dropped by ``drop_reason``:
    ``{(name, type): [articles, cued]}``; and persons and places that discovery finds in at least MIN_UNCUED_ARTICLES
    texts, cue or not (a person: ``_uncued_name_ok``; a place: one word): ``[articles, cued, discovered]``
    (``discovered``: their mentions; such a name with no cued article has ``[articles found, 0, discovered]``)."""
    arts: Counter = Counter()
    cued: Counter = Counter()
    type_arts: dict[str, Counter] = defaultdict(Counter)
    found_arts: Counter = Counter()
    found: Counter = Counter()
    found_types: dict[str, Counter] = defaultdict(Counter)
    for recs in per_text.values():
        for (name, typ), (c, n) in recs.items():
            if c:
                arts[(name, typ)] += 1
                cued[(name, typ)] += c
                type_arts[name][typ] += 1
            if n:
                found_arts[(name, typ)] += 1
                found[(name, typ)] += n
                found_types[name][typ] += 1
    out = {}
    for (name, typ), a in sorted(found_arts.items()):
        if (typ in ("person", "location") and a >= MIN_UNCUED_ARTICLES and name[0] != "و"  # (not ومركز طبب)
                and (" " not in name if typ == "location" else _uncued_name_ok(name, lists))  # (not حضارات الامم)
                and a >= TYPE_SHARE * sum(found_types[name].values()) and drop_reason(name, typ, lists) is None):
            out[(name, typ)] = [a, 0, found[(name, typ)]]
    for (name, typ), a in sorted(arts.items()):
        if a < (MIN_ARTICLES_PERSON if typ == "person" else MIN_ARTICLES):
            why = "fewer cued articles than MIN_ARTICLES"
        elif a < TYPE_SHARE * sum(type_arts[name].values()):
            why = "not mostly of one type"
        else:
            why = drop_reason(name, typ, lists)
        if why is None:
            out[(name, typ)] = [a, cued[(name, typ)]] + out.get((name, typ), [0, 0, 0])[2:]
        elif report is not None:
            report[why] += 1
    return out


def count_seen(corpus: Path, names: list[str], text_keys: set[str], *, chunk_size: int = 1000,
               progress: bool = True) -> Counter:
    """Pass 2: occurrences of each name (normalised) with any proclitic in the titles and texts whose key is in
    ``text_keys``."""
    from analysis.corpus import iter_corpus

    A = ahocorasick.Automaton()
    for name in names:
        key, prefixes = (name[2:], P_ART) if name.startswith("ال") and len(name) > 4 else (name, P_NONE)
        for p in prefixes:
            A.add_word(f" {p}{key} ", name)
    seen: Counter = Counter()
    if not names:
        return seen
    A.make_automaton()
    done: set[str] = set()
    n_done, t0 = 0, time.process_time()
    for chunk in iter_corpus(corpus, chunk_size=chunk_size):
        arts = chunk.articles
        for title, text in zip(arts["title"], arts["text"]):
            key = _text_key(title, text)
            if key in done or key not in text_keys:
                continue
            done.add(key)
            for fld in (title, text):
                if isinstance(fld, str) and fld:
                    for _end, name in A.iter(" " + norm_word(fld) + " "):
                        seen[name] += 1
        n_done += len(arts)
        if progress:
            print(f"\r  pass 2 (counts): {n_done:,} articles, {time.process_time() - t0:.0f} CPU s", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return seen


def family_shares(corpus: Path, words: set[str], text_keys: set[str], given: set[str], *, chunk_size: int = 1000) -> dict:
    """For each word of ``words`` (a person name's last word): the share of its occurrences (bare, or after و) that
    follow a given name or a name link (بن): a family name (الحربي) follows one often, a noun (المركز) seldom. ``given``
    holds no stopword: علي is also على (على المكتسبات)."""
    from analysis.corpus import iter_corpus

    total: Counter = Counter()
    after: Counter = Counter()
    done: set[str] = set()
    for chunk in iter_corpus(corpus, chunk_size=chunk_size):
        for title, text in zip(chunk.articles["title"], chunk.articles["text"]):
            key = _text_key(title, text)
            if key in done or key not in text_keys:
                continue
            done.add(key)
            for fld in (title, text):
                if not isinstance(fld, str) or not fld:
                    continue
                toks = norm_word(fld).split()
                for j, t in enumerate(toks):
                    w = t if t in words else t[1:] if t[:1] == "و" and t[1:] in words else None
                    if w is not None:
                        total[w] += 1
                        if j and toks[j - 1] in given:
                            after[w] += 1
    return {w: after[w] / total[w] for w in total}


def select(cands: dict, seen: Counter, report: Counter | None = None, family: dict | None = None) -> list[tuple[str, str, int, int, int]]:
    """The kept rows ``(name, type, articles, cued, seen)``: the bare form is not seen more than MAX_SEEN_PER_CUE
    times per cued mention; a person's last word with the article follows a given name in at least FAMILY_SHARE of its
    occurrences (``family_shares``); sorted by type and name."""
    rows = []
    for (name, typ), (a, c, *found) in cands.items():
        s = max(seen[name], c)
        if s > MAX_SEEN_PER_CUE * c and found:  # learned from its discoveries (candidates): they count as cues
            s = max(seen[name], found[0])
            c_ok = s <= MAX_SEEN_PER_CUE * found[0]
        else:
            c_ok = s <= MAX_SEEN_PER_CUE * c
        if not c_ok:
            if report is not None:
                report["seen far more often without a cue (a phrase or a word)"] += 1
            continue
        if a < MIN_ARTICLES and s <= c:
            if report is not None:
                report["person with a cue in one article only, never seen without one"] += 1
            continue
        last = name.split(" ")[-1]
        if typ == "person" and family is not None and last.startswith("ال") and family.get(last, 0.0) < FAMILY_SHARE:
            if report is not None:
                report["person: the last word seldom follows a given name (a noun, not a family name)"] += 1
            continue
        rows.append((name, typ, a, c, s))
    return sorted(rows, key=lambda r: (TYPES.index(r[1]), r[0]))


def render(rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(("name", "type", "articles", "cued", "seen"))
    w.writerows(rows)
    return HEADER + buf.getvalue()


def build(corpus: Path, *, exclude_urls: set[str] = frozenset(), report: Counter | None = None, progress: bool = True):
    """``(text of learned_names.csv, rows, examples)`` for the SaudiNewsNet zips in ``corpus``."""
    lists = Lists()
    per_text, _excluded, examples = collect(corpus, exclude_urls=exclude_urls, progress=progress)
    cands = candidates(per_text, lists, report)
    seen = count_seen(corpus, sorted({n for n, _t in cands}), set(per_text), progress=progress)
    lasts = {n.split(" ")[-1] for n, t in cands if t == "person"}
    family = family_shares(corpus, lasts, set(per_text), (lists.given | lists.connectors) - lists.stopwords)
    rows = select(cands, seen, report, family)
    return render(rows), rows, examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="folder of the SaudiNewsNet zips (../shared/data/saudinewsnet)")
    ap.add_argument("--out", default=str(OUT_CSV), help="file to write (default: the shipped learned_names.csv)")
    ap.add_argument("--check", action="store_true", help="only compare with --out; exit 1 when it is out of date")
    ap.add_argument("--exclude-urls", help="leave out these articles: JSONL with a url field, or one URL per line")
    ap.add_argument("--report", action="store_true", help="print how many candidates each filter dropped")
    ap.add_argument("--sample", type=int, default=0, help="print N kept names at random with a cued context (audit)")
    ap.add_argument("--seed", type=int, default=0, help="seed of --sample")
    args = ap.parse_args(argv)
    excl = read_excluded_urls(Path(args.exclude_urls)) if args.exclude_urls else set()
    report: Counter = Counter()
    text, rows, examples = build(Path(args.corpus), exclude_urls=excl, report=report)
    by_type = Counter(r[1] for r in rows)
    summary = ", ".join(f"{by_type[t]} {t}" for t in TYPES)
    if args.report:
        for why, n in report.most_common():
            print(f"{n:7d}  {why}")
    if args.sample:
        for r in random.Random(args.seed).sample(rows, min(args.sample, len(rows))):
            print(f"{r[1][:3]}\t{r[0]}\t{r[2]}/{r[3]}/{r[4]}\t{examples.get((r[0], r[1]), '')}")
    out = Path(args.out)
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out.name}: {'up to date' if same else 'OUT OF DATE'} ({len(rows)} names: {summary})")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(rows)} names: {summary}; {len(excl)} URLs excluded)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
