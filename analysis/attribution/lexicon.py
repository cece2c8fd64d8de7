"""The attribution lexicons: reporting verbs in every inflection, prepositional cues, source heads, word classes.

The data live in ``analysis/resources/attribution/`` (see the README there). This module reads them once
per process (:func:`load_lexicon`, cached) and generates every inflected form of every reporting verb from
its lemma, stems and class:

* perfect: 3ms 3fs 3md 3fd 3mp 3fp, 2ms/2fs/1s, 1p, 2mp (قال قالت قالا قالتا قالوا قلن قلت قلنا قلتم);
* imperfect: every person prefix, the plural and dual endings (يقول تقول يقولون يقولوا يقلن يقولان أقول نقول);
  not the hollow jussive (لم يقل), whose spelling is mostly another word (يجب، يقل);
* object pronouns on third-person forms (قاله، وصفها، اتهموه، تراها);
* the conjunctions و ف on everything, and س ل on the imperfect (وسيؤكد، ليؤكد);
* participles in the accusative of state (مؤكدا مؤكدة مؤكدين مؤكدات مؤكدتين).

Every form is stored in matching spelling (:func:`analysis.normalize.normalize`), with the features a
resolver needs (:class:`CueForm`).

>>> lex = load_lexicon()
>>> [(f.lemma, f.tense, f.gender, f.number) for f in lex.forms[normalize("وأضافت")]]
[('أضاف', 'perf', 'f', 's')]
>>> sorted({f.lemma for f in lex.forms[normalize("مشيرين")]})
['أشار']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, partial

import ahocorasick

from analysis.normalize import normalize
from analysis.resources import read_table

AREA = "attribution"
CONJ = ("", "و", "ف")
ENCLITICS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "ني", "نا")
#: classes of words.tsv kept as sets of their own (``Lexicon.sets``), not as a word's class
SET_CLASSES = ("amount", "time_noun", "unnamed_adjective", "negating_noun")
SOURCE_TYPES = ("named_person", "official_body", "news_agency", "media_outlet", "anonymous", "unnamed_group", "document")


@dataclass(frozen=True)
class CueForm:
    """One reading of one cue token.

    lemma, kind (speech|stance|press|prep|special), tense (perf|impf|part|prep|special), person (1|2|3),
    gender (m|f), number (s|d|p), proclitic (the conjunction/particle letters in front), enclitic (object
    pronoun or ""), needs (complement markers, () = none), impf_needs, homograph (bare 3ms of a noun
    homograph), obj (the next noun phrase may be the object), then_verb (prep cue that can take ما + verb).
    """

    lemma: str
    kind: str
    tense: str
    person: int = 3
    gender: str = "m"
    number: str = "s"
    proclitic: str = ""
    enclitic: str = ""
    needs: tuple[str, ...] = ()
    impf_needs: tuple[str, ...] = ()
    homograph: bool = False
    obj: bool = False
    then_verb: bool = False
    words: int = 1  # tokens the cue spans in matching spelling (على لسان = 2)


@dataclass(frozen=True)
class SourceHead:
    """A head noun of a source phrase: its type, the agreement of an anaphor, whether its bare definite form refers back."""

    head: str
    type: str
    agr: str
    back: bool


@dataclass(frozen=True, eq=False)  # hashed by identity: one cached instance per process
class Lexicon:
    """Everything the extractor looks up. ``forms`` maps a token in matching spelling to its readings;
    ``automaton`` finds those tokens (and the two-word cues) in a normalised text."""

    forms: dict[str, tuple[CueForm, ...]]
    heads: dict[str, SourceHead]
    words: dict[str, str]
    automaton: object
    sets: dict[str, frozenset] = field(default_factory=dict)  # word sets by class (amount, time_noun, …)

    def __post_init__(self) -> None:
        # the two lookups of the hot path, bound once per instance as C-level callables (no Python frame per
        # call): a dict's get, and an LRU cache in front of the head lookup
        object.__setattr__(self, "word_class", self.words.get)
        object.__setattr__(self, "head", lru_cache(maxsize=65536)(partial(_head_lookup, self)))

    def head(self, token: str) -> SourceHead | None:
        """The source head for a normalised token, with و/ف, ب/ل and ال stripped as needed."""
        return _head_lookup(self, token)

    def word_class(self, token: str) -> str | None:
        """The closed class (adverb, preposition, complementizer, …) of a normalised token, or None."""
        return self.words.get(token)


def _head_lookup(lex: Lexicon, token: str) -> SourceHead | None:
    for key in _strip_variants(token):
        h = lex.heads.get(key)
        if h is not None:
            return h
    # a possessive pronoun on a title or a body: متحدثها الرسمي، وزيرها، حكومته
    for enc in ("ها", "هم", "ه"):
        if token.endswith(enc) and len(token) - len(enc) >= 3:
            for key in _strip_variants(token[: -len(enc)]):
                h = lex.heads.get(key)
                if h is not None and h.type in ("named_person", "official_body"):
                    return h
    return None


def _strip_variants(tok: str):
    yield tok
    t = tok
    if len(t) > 3 and t[0] in "وف":
        t = t[1:]
        yield t
    if len(t) > 3 and t[0] in "بل" and not t.startswith("ال"):
        t2 = t[1:]
        yield t2
        if t.startswith("لل"):
            yield t[2:]
            t = t[2:]
        else:
            t = t2
    if len(t) > 4 and t.startswith("ال"):
        yield t[2:]


# --- inflection ---------------------------------------------------------------------------------------


def perfect_forms(lemma: str, cls: str, cons: str) -> list[tuple[str, int, str, str]]:
    """Perfect-tense forms as (form, person, gender, number), in print spelling.

    >>> [f for f, *_ in perfect_forms("دعا", "defective", "دعو")][:6]
    ['دعا', 'دعت', 'دعوا', 'دعتا', 'دعوا', 'دعون']
    """
    c = lemma if cons == "=" else cons
    if cls == "defective":
        short = lemma[:-1]
        return [
            (lemma, 3, "m", "s"), (short + "ت", 3, "f", "s"), (c + "ا", 3, "m", "d"), (short + "تا", 3, "f", "d"),
            (short + "وا", 3, "m", "p"), (c + "ن", 3, "f", "p"), (c + "ت", 1, "m", "s"), (c + "نا", 1, "m", "p"),
            (c + "تم", 2, "m", "p"),
        ]
    v = lemma
    return [
        (v, 3, "m", "s"), (v + "ت", 3, "f", "s"), (v + "ا", 3, "m", "d"), (v + "تا", 3, "f", "d"), (v + "وا", 3, "m", "p"),
        (c + "ن", 3, "f", "p"), (c + "ت", 1, "m", "s"), (c + "نا", 1, "m", "p"), (c + "تم", 2, "m", "p"), (c + "تما", 2, "m", "d"),
    ]


def imperfect_forms(stem: str, cls: str) -> list[tuple[str, int, str, str]]:
    """Imperfect forms (indicative and the subjunctive/jussive plurals) as (form, person, gender, number).

    >>> [f for f, *_ in imperfect_forms("قول", "hollow")][:4]
    ['يقول', 'تقول', 'يقولان', 'تقولان']
    """
    s = stem
    out = [(f"ي{s}", 3, "m", "s"), (f"ت{s}", 3, "f", "s"), (f"ي{s}ان", 3, "m", "d"), (f"ت{s}ان", 3, "f", "d")]
    if cls == "defective":
        base = s[:-1]
        out += [(f"ي{base}ون", 3, "m", "p"), (f"ي{base}وا", 3, "m", "p"), (f"ي{s}ن", 3, "f", "p"),
                (f"ت{base}ون", 2, "m", "p"), (f"أ{s}", 1, "m", "s"), (f"ن{s}", 1, "m", "p")]
    else:
        out += [(f"ي{s}ون", 3, "m", "p"), (f"ي{s}وا", 3, "m", "p"), (f"ي{s}ن", 3, "f", "p"), (f"ت{s}ون", 2, "m", "p"),
                (f"ت{s}ين", 2, "f", "s"), (f"أ{s}", 1, "m", "s"), (f"ن{s}", 1, "m", "p")]
    # no jussive of hollow verbs (لم يقل): its spelling is a frequent other word (يجب، يقل، يضف)
    return out


def participle_forms(base: str) -> list[tuple[str, str, str]]:
    """Accusative participles of state as (form, gender, number).

    >>> participle_forms("داعي")
    [('داعيا', 'm', 's'), ('داعية', 'f', 's'), ('داعين', 'm', 'p'), ('داعيات', 'f', 'p'), ('داعيتين', 'f', 'd')]
    """
    pl = base[:-1] + "ين" if base.endswith("ي") else base + "ين"
    return [(base + "ا", "m", "s"), (base + "ة", "f", "s"), (pl, "m", "p"), (base + "ات", "f", "p"), (base + "تين", "f", "d")]


def _with_enclitic(form: str, enc: str) -> str:
    if form.endswith("وا"):
        return form[:-1] + enc
    if form.endswith("ى"):
        return form[:-1] + "ا" + enc
    return form + enc


def _split(cell: str) -> tuple[str, ...]:
    cell = (cell or "").strip()
    if cell in ("", "-"):
        return ()
    return tuple(normalize(x.strip()) if not x.strip().endswith(("*",)) and x.strip() not in (":", "quote") else x.strip()
                 for x in cell.split("|") if x.strip())


def verb_forms() -> dict[str, list[CueForm]]:
    """Every inflected, cliticised form of every reporting verb in ``verbs.tsv``, keyed in matching spelling."""
    out: dict[str, list[CueForm]] = {}
    memo: dict[str, str] = {}

    def norm(form: str) -> str:
        n = memo.get(form)
        if n is None:
            n = memo[form] = normalize(form)
        return n

    def add(prefix: str, form: str, cf: CueForm) -> None:
        # the proclitics (و ف س ل) are already in matching spelling: normalise each stem form once, not once per proclitic
        out.setdefault(prefix + norm(form), []).append(cf)

    for row in read_table(AREA, "verbs.tsv"):
        lemma, cls = row["lemma"], row["class"]
        needs, impf_needs = _split(row["needs"]), _split(row["impf_needs"])
        homo, obj = row["homograph"] == "y", row["object"] == "y"
        kind = row["kind"]
        impf = () if row["impf"] in ("", "-") else imperfect_forms(row["impf"], cls)  # "-": the imperfect is another verb
        for tense, forms in (("perf", perfect_forms(lemma, cls, row["perf_cons"])), ("impf", impf)):
            for form, person, gender, number in forms:
                if homo and tense == "perf" and number == "d" and person == 3:
                    continue  # ذكرا، طالبا، ردا: the accusative noun, not "the two said"
                bare3ms = tense == "perf" and person == 3 and gender == "m" and number == "s"
                procls = CONJ if tense == "perf" else CONJ + ("س", "وس", "فس", "ل", "ول", "فل")
                encls = ("",) + (ENCLITICS if person == 3 else ())
                bodies = [(e, _with_enclitic(form, e) if e else form) for e in encls]
                for p in procls:
                    for e, body in bodies:
                        add(p, body,
                            CueForm(lemma, kind, tense, person, gender, number, p, e, needs,
                                    impf_needs if tense == "impf" else (), homo and bare3ms, obj))
        if row["part"] not in ("", "-"):
            for form, gender, number in participle_forms(row["part"]):
                for p in ("", "و"):
                    add(p, form, CueForm(lemma, kind, "part", 3, gender, number, p, "", needs, (), False, False))
    return out


def preposition_forms() -> dict[str, list[CueForm]]:
    """Prepositional cues from ``prepositions.tsv`` (and the verbal noun بالقول), keyed by their first word."""
    out: dict[str, list[CueForm]] = {}
    for row in read_table(AREA, "prepositions.tsv"):
        words = row["form"].split()
        for p in ("", "و"):  # not ف: فحسب is "only"
            key = normalize(p + " ".join(words))
            out.setdefault(key, []).append(
                CueForm(row["form"], "prep", "prep", proclitic=p, then_verb=row["then_verb"] == "y", words=len(words))
            )
    for p in CONJ:
        out.setdefault(normalize(p + "بالقول"), []).append(CueForm("بالقول", "special", "special", proclitic=p))
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the attribution resources and build the cue automaton (once per process)."""
    forms: dict[str, list[CueForm]] = verb_forms()
    for k, v in preposition_forms().items():
        forms.setdefault(k, []).extend(v)
    frozen = {k: tuple(sorted(v, key=_reading_rank)) for k, v in forms.items()}
    heads: dict[str, SourceHead] = {}
    for row in read_table(AREA, "sources.tsv"):
        h = SourceHead(normalize(row["head"]), row["type"], row["agr"], row["back"] == "y")
        if h.type not in SOURCE_TYPES:
            raise ValueError(f"sources.tsv: head {row['head']!r} has unknown type {row['type']!r}; use one of {SOURCE_TYPES}")
        heads.setdefault(h.head, h)
        if h.head.startswith("ال") and len(h.head) > 4:
            heads.setdefault(h.head[2:], h)
    table = read_table(AREA, "words.tsv")
    words = {normalize(r["word"]): r["class"] for r in table if r["class"] not in ("not_cue", *SET_CLASSES)}
    sets = {c: frozenset(normalize(r["word"]) for r in table if r["class"] == c) for c in SET_CLASSES}
    for r in table:
        if r["class"] == "not_cue":
            frozen.pop(normalize(r["word"]), None)
    automaton = ahocorasick.Automaton()
    for key in frozen:
        automaton.add_word(" " + key, key)  # matched at word starts only (see extract._cue_hits)
    automaton.make_automaton()
    return Lexicon(frozen, heads, words, automaton, sets)


def _reading_rank(cf: CueForm) -> tuple:
    """Order the readings of an ambiguous token: prepositional cues, then third person, singular, perfect."""
    return (cf.kind not in ("prep", "special"), cf.person != 3, cf.number != "s", cf.tense != "perf", cf.lemma)
