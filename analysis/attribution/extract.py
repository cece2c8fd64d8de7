"""Who says what: attribution cues, their sources (with anaphora), source types, content spans and mode.

The extractor is rule-based. Per text it makes one Aho-Corasick pass for the cue words (every inflection of
the reporting verbs, the participles, the prepositional cues; see :mod:`analysis.attribution.lexicon`), splits
sentences, and keeps the tokens (found for all the chunk's texts at once, :mod:`analysis.attribution.tokens`)
of only the sentences that hold a cue or may open with "X:"; everything after that is local to the few cues
an article has.

Per cue it decides:

* **whether it is a cue** — complement gates from ``verbs.tsv`` (أشار إلى، أعرب عن، كشف عن/أن), noun
  homographs (ذكر، طالب، بين، عبر) only in a verbal context, no negated (دون أن يذكر), evidential (ما يؤكد)
  or impersonal (يُذكر أن) uses, first/second person only inside quoted speech (nested reports); not a
  stance verb inside the content of another report (… أنهم يتوقعون أن), not تبلغ "reaches" (لتبلغ 6.17 مليار),
  not a verb with an object pronoun in a relative clause on an indefinite noun (في مناقصة أعلنتها);
* **the source span** — the verb-first subject (وذكرت المصادر), the subject-first one (مراقبون قالوا، أن
  الحكومة أكدت، وكانت الوزارة قد أعلنت، كانت الحكومة قالت، … أبو نخاع، والذي أوصى); never a number, a time
  word (أخيرا، العام الماضي) or a feminine noun phrase after a masculine verb (وقال السوق الإيرانية …); the object of a prepositional cue (وحسب الوكالة،
  بحسب ما نقله موقع …، وجاء في البيان), the speaker before a headline colon ("X: …", also in the Al-Weeam
  footer); titles, names, affiliations and parentheses kept (الرئيس المصري “عبد الفتاح السيسي”، وكالة الأنباء
  السورية التابعة للنظام (سانا)، المتحدث الرسمي لوزارة التعليم مبارك العصيمي);
* **anaphora** — a cue without its own subject (وأضاف، ولفتت، مشيرا، بالقول، بحسب تعبيره، وأكد سموه) takes
  the nearest earlier source that agrees in gender and number (else the subject of the verb that opens the
  sentence); a definite head alone (الوكالة، الوكالة ذاتها، الوزير، التقرير) takes the nearest earlier source
  with that head (for a document: the body that issued it); the row then carries the antecedent's span;
* **the source type** — from the head noun (``sources.tsv``), else from the actor mention the source is or
  contains (``source_type_of_mention``), else ``named_person`` (a plural in -ون: ``unnamed_group``);
* **content and mode** — the quote, the clause after أن/إن, a verbal-noun or بـ object, or the text before
  the cue (… وفق الوكالة ذاتها؛ في زيارة أعلنت عنها); ``direct`` when the content is the quotation itself
  (a quote right after the cue or its complementizer, unless reworded in the third person) or follows a colon.
"""
from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import pandas as pd

from analysis.attribution.lexicon import CueForm, Lexicon, load_lexicon
from analysis.attribution.quotes import quote_kind, quote_spans
from analysis.attribution.tokens import token_offsets
from analysis.normalize import (
    NormalizedText,
    expand_to_tokens,
    normalize_cached,
    split_sentences,
    split_sentences_cached,
)
from analysis.schema import ATTRIBUTIONS, conform

CLAUSE_PUNCT = frozenset("،,؛;")
END_PUNCT = frozenset(".!?؟:")
QUOTE_MARKS = frozenset('“”«»"„')
OPEN_PAREN, CLOSE_PAREN = frozenset("([{"), frozenset(")]}")
COMPLEMENT_PREPS = frozenset(("الي", "علي", "عن", "من"))
FIRST_PERSON = frozenset(("نحن", "انا", "لن", "اننا", "انني", "لدينا", "لنا", "نرفض", "نؤكد", "نطالب"))
NP_MAX = 10
WINDOW = 25
HOMOGRAPH_WINDOW = 8
#: masdar patterns (تفعيل، استفعال، افتعال، انفعال، إفعال): a noun there starts the content, not the source
MASDAR_RE = re.compile(r"^(?!ال|ايران$)(?:ت..ي.|است..ا.|ا.ت.ا.|ان..ا.|ا..ا.)$")
#: definite masdars of the تفعيل, استفعال and افتعال patterns (التأخير، الاستيراد، الاهتمام): after a definite phrase, the object
_DEFINITE_MASDAR_RE = re.compile(r"^ال(?:ت..ي.|است..ا.|ا.ت.ا.)$")
#: footer some outlets append: "رابط الخبر بصحيفة الوئام: <headline>"
FOOTER_RE = re.compile(r"رابط الخبر بصحيفه [^:\n]{2,30}:")

MENTION_TYPE = {"person": "named_person", "organization": "official_body", "group": "official_body",
                "country": "official_body", "location": "official_body"}


def source_type_of_mention(actor_type: str | None, subtype: str | None) -> str:
    """The source type an actor mention gives when it speaks.

    >>> source_type_of_mention("media", "news_agency"), source_type_of_mention("group", None)
    ('news_agency', 'official_body')
    """
    sub = (subtype or "").lower()
    if "news_agency" in sub or sub == "agency":
        return "news_agency"
    if actor_type == "media" or "media" in sub or sub in ("newspaper", "channel", "tv", "website", "outlet"):
        return "media_outlet"
    return MENTION_TYPE.get(actor_type or "", "official_body")


class _Mention(NamedTuple):  # (a tuple: made for every mention near a cue, cheaper than a dataclass)
    start: int  # token index
    end: int  # token index, inclusive
    actor_id: str | None
    label_ar: str | None
    label_en: str | None
    actor_type: str | None
    subtype: str | None
    match_kind: str | None = None


@dataclass
class _Source:
    """An explicit source span (token indices inclusive) and what it resolves to."""

    s: int
    e: int
    type: str
    agr: str  # ms fs mp fp
    head: str | None
    label: str | None
    label_en: str | None
    actor_id: str | None
    orig: tuple[int, int] = (0, 0)
    surface: str = ""
    local_e: int | None = None  # for a resolved anaphor (الوكالة ذاتها): where its own phrase ends


@dataclass
class _Field:
    text: str
    norm: str
    nt: object
    starts: list[int]
    ends: list[int]
    toks: list[str]
    lex: Lexicon
    sent_tok: list[int]  # token index where each sentence starts
    mention_at: dict[int, _Mention]
    speech_open: dict[int, int]  # token index of an opening speech mark -> token index of its closing mark
    name_open: dict[int, int]
    cue_tokens: set[int] = field(default_factory=set)
    title: bool = False
    breaks: list[int] | None = None  # token indices of a comma right before a cue (built on first use)
    opens: list[int] | None = None  # sorted keys of speech_open

    def orig_span(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of tokens i..j (inclusive), widened to whole tokens."""
        a, b = self.starts[i], self.ends[j]
        index = self.nt.orig_index
        if index is not None:  # (None: nothing deleted, the offsets are the text's) as NormalizedText.span_in_original
            a = int(index[a])
            b = int(index[b]) if b < len(self.norm) else len(self.text)
        return _widen(self.text, a, b) if self.toks[i][0].isalnum() and self.toks[j][-1].isalnum() else (a, b)

    def sent_end(self, k: int) -> int:
        """Token index one past the sentence of token k."""
        i = bisect.bisect_right(self.sent_tok, k)
        return self.sent_tok[i] if i < len(self.sent_tok) else len(self.toks)

    def sent_start(self, k: int) -> int:
        i = bisect.bisect_right(self.sent_tok, k) - 1
        return self.sent_tok[i] if i >= 0 else 0


def _widen(text: str, a: int, b: int) -> tuple[int, int]:
    """The span rule (whole tokens) for a span that starts and ends on token boundaries of the normalised
    text: it already does, unless a letter or mark is glued on; then fall back to ``expand_to_tokens``."""
    if (a == 0 or not _glued(text[a - 1])) and (b >= len(text) or not _glued(text[b])):
        return a, b
    return expand_to_tokens(text, a, b)


def _glued(c: str) -> bool:
    return c.isalnum() or "\u0610" <= c <= "\u061a" or "\u064b" <= c <= "\u065f" or c in "\u0670\u0640"


def extract_attributions(articles: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The attributions table for a chunk of articles.

    articles  frame with the columns of ``analysis.schema.ARTICLES`` (``article_id``, ``title``, ``text`` used).
    mentions  the mentions table of the same articles (``analysis.actors.extract_mentions``) or an empty
              frame / None: sources that are or contain an actor mention get its ``actor_id``, label and type;
              without it the extractor still finds cues, sources and types from its own lexicons.
    Returns a frame with exactly the columns of ``analysis.schema.ATTRIBUTIONS``: one row per cue, in text
    order, the title before the text; ``source_label``/``source_label_en`` are "" (never null) when unknown. Offsets point into the field as loaded
    (``article[field][cue_start:cue_end] == cue``). Anaphoric rows carry the antecedent's source span, label,
    actor and type, and ``is_anaphoric`` true. Inputs are not modified.
    """
    lex = load_lexicon()
    by_field = _group_mentions(mentions)
    ids = articles["article_id"].astype("string").tolist() if len(articles) else []
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(ids)
    texts = articles["text"].tolist() if "text" in articles.columns else [None] * len(ids)
    # the fields with a cue word or a colon (the others have no attribution), then their tokens all at once
    todo = []
    for aid, title, text in zip(ids, titles, texts):
        for fname, value in (("title", title), ("text", text)):
            if not isinstance(value, str) or not value or value.isspace():  # (isspace stops at the first letter; strip copies)
                continue
            cues = _field_cues(value, lex)
            if cues is not None:
                todo.append((aid, fname, *cues))
    rows: list[dict] = []
    for (aid, fname, nt, hits), tokens in zip(todo, token_offsets([nt.norm for _, _, nt, _ in todo])):
        for r in _field_attributions(nt, hits, tokens, by_field.get((aid, fname)), lex, fname == "title"):
            r["article_id"] = aid
            r["field"] = fname
            rows.append(r)
    return conform(_rows_frame(rows), "attributions")


def _rows_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows as a frame with the ATTRIBUTIONS dtypes, built column by column (much cheaper than a frame from
    a list of dicts followed by casts). The speaker columns are never null: "" when unknown (consumers such as
    the eval scorer test them for truth)."""
    columns = {}
    for c in _ROW_COLUMNS:
        values = list(map(itemgetter(c), rows))
        if c in ("source_surface", "source_label", "source_label_en"):
            values = ["" if v is None else v for v in values]
        columns[c] = pd.array(values, dtype=ATTRIBUTIONS[c])
    return pd.DataFrame(columns)


_ROW_COLUMNS = ["article_id", "field", "cue", "cue_start", "cue_end", "source_surface", "source_start", "source_end",
                "source_label", "source_label_en", "source_actor_id", "source_type", "mode", "content_start",
                "content_end", "is_anaphoric", "sentence_index"]


def _group_mentions(mentions: pd.DataFrame | None) -> dict[tuple[str, str], list[tuple]]:
    """The mention records per (article_id, field), as tuples (start, end, actor_id, label_ar, label_en,
    actor_type, subtype, match_kind): start and end ints (a mention without them is left out), missing text
    values None."""
    if mentions is None or len(mentions) == 0:
        return {}
    cols = ["article_id", "field", "start", "end", "actor_id", "label_ar", "label_en", "actor_type", "subtype", "match_kind"]
    m = mentions.reindex(columns=cols)
    if m["start"].dtype != "int64" or m["end"].dtype != "int64":  # (the mentions table's are)
        m = m[m["start"].notna() & m["end"].notna()].astype({"start": "int64", "end": "int64"})
    text_cols = [m[c].to_numpy(dtype=object, na_value=None).tolist() for c in cols[4:]]  # NA → None
    records = zip(m["start"].tolist(), m["end"].tolist(), *text_cols)
    keys = zip(m["article_id"].astype(str).tolist(), m["field"].astype(str).tolist())
    out: dict[tuple[str, str], list[tuple]] = {}
    for key, rec in zip(keys, records):  # in table order within each field
        recs = out.get(key)
        if recs is None:
            out[key] = [rec]
        else:
            recs.append(rec)
    return out


def _isna(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


# --- one text ---------------------------------------------------------------------------------------------


def attributions_in_text(text: str, *, mentions: list[tuple] | None = None, lex: Lexicon | None = None,
                         title: bool = False) -> list[dict]:
    """Attribution rows (dicts with the ATTRIBUTIONS columns except ``article_id`` and ``field``) for one text.

    mentions  (start, end, actor_id, label_ar, label_en, actor_type, subtype[, match_kind]) tuples with offsets
              into ``text``; missing values may be None, NaN or pd.NA.
    title     the text is a headline: a subject-first cue may have any noun phrase before it.

    >>> [(r["cue"], r["source_surface"], r["source_type"]) for r in attributions_in_text("وذكرت المصادر أن الطرفين اتفقا.")]
    [('وذكرت', 'المصادر', 'anonymous')]
    """
    if mentions:
        clean = []
        for rec in mentions:
            span = _int_span(rec)
            if span is not None:  # (a record without numeric offsets covers no token)
                clean.append((*span, *(None if _isna(v) else v for v in rec[2:])))
        mentions = clean
    return _attributions(text, mentions, lex or load_lexicon(), title)


def _int_span(rec: tuple) -> tuple[int, int] | None:
    """A mention record's (start, end) as ints, or None when they are missing or not numbers."""
    try:
        return int(rec[0]), int(rec[1])
    except (TypeError, ValueError):
        return None


def _attributions(text: str, mentions: list[tuple] | None, lex: Lexicon, title: bool) -> list[dict]:
    """:func:`attributions_in_text` for mention tuples whose missing values are already None."""
    cues = _field_cues(text, lex)
    if cues is None:
        return []
    nt, hits = cues
    return _field_attributions(nt, hits, next(token_offsets([nt.norm])), mentions, lex, title)


def _field_cues(text: str, lex: Lexicon) -> tuple[NormalizedText, list[tuple[int, str]]] | None:
    """The field's normalisation and cue hits (:func:`_cue_hits`), or None when it holds neither a cue word nor a
    colon (then it has no attribution)."""
    nt = normalize_cached(text)
    hits = _cue_hits(nt.norm, lex)
    return (nt, hits) if hits or ":" in nt.norm else None


def _field_attributions(nt: NormalizedText, hits: list[tuple[int, str]], tokens: tuple[list[int], list[int]],
                        mentions: list[tuple] | None, lex: Lexicon, title: bool) -> list[dict]:
    """The rows of one field (the hot path): its normalised text, its cue hits (:func:`_cue_hits`) and the
    offsets of all its tokens (:func:`analysis.attribution.tokens.token_offsets`)."""
    text, norm = nt.text, nt.norm
    footer = FOOTER_RE.search(norm)
    # sentences of the normalised text (normalisation only deletes marks, so they are the text's sentences),
    # up to the paragraph of the last cue or colon: later paragraphs hold nothing to resolve
    last = max(hits[-1][0] if hits else 0, norm.rfind(":"), footer.end() if footer is not None else 0)
    cut = norm.find("\n", last)
    if nt.orig_index is None:
        # nothing was deleted and the replaced letters stay letters: the text's sentences (split once for all
        # stages) are the normalised text's; a paragraph break never falls inside a sentence
        sents = [s for s in split_sentences_cached(text) if s[0] < cut] if cut != -1 else split_sentences_cached(text)
    else:
        sents = split_sentences(norm if cut == -1 else norm[:cut])
    if not sents:
        return []
    sent_starts = [a for a, _ in sents]
    # only the sentences that hold a cue or may open with "X:" are tokenised (the hot path of the stage)
    wanted = {bisect.bisect_right(sent_starts, s) - 1 for s, _ in hits}
    p = norm.find(":")
    while p != -1:  # a colon within the first 80 characters of its sentence: a possible "X: …"
        i = bisect.bisect_right(sent_starts, p) - 1
        if i >= 0 and p < min(sents[i][1], sents[i][0] + 80):
            wanted.add(i)
        p = norm.find(":", p + 1)
    footer_pos = footer.end() if footer is not None else None
    if footer_pos is not None:
        wanted.add(bisect.bisect_right(sent_starts, footer_pos) - 1)
    all_starts, all_ends = tokens
    starts: list[int] = []
    ends: list[int] = []
    sent_tok: list[int] = []
    sent_num: list[int] = []
    for i in sorted(wanted):
        a, b = sents[i]
        # the tokens of the sentence (none crosses its ends: a sentence ends before a space or a line break)
        x, y = bisect.bisect_left(all_starts, a), bisect.bisect_left(all_starts, b)
        sent_tok.append(len(starts))
        sent_num.append(i)
        if footer_pos is not None and a < footer_pos < b:  # the repeated headline after the footer: a sentence of its own
            sent_tok.append(len(starts) + bisect.bisect_left(all_starts, footer_pos, x, y) - x)
            sent_num.append(i)
        starts += all_starts[x:y]
        ends += all_ends[x:y]
    toks = [norm[a:b] for a, b in zip(starts, ends)]
    if not toks:
        return []
    f = _Field(text, norm, nt, starts, ends, toks, lex, sent_tok, _mention_index(mentions, nt, starts, ends), {}, {})
    if any(c in text for c in QUOTE_MARKS):
        spans = quote_spans(text)
        marks = [x for qs, qe in spans for x in (qs, qe - 1)]  # both marks of every quote, in the normalised text
        if nt.orig_index is not None:
            marks = nt.orig_index.searchsorted(marks).tolist()
        for (qs, qe), qa, qb in zip(spans, marks[::2], marks[1::2]):
            a = bisect.bisect_left(starts, qa)
            b = bisect.bisect_left(starts, qb)
            if b < len(toks) and starts[a] == qa and starts[b] == qb:  # both marks in a tokenised sentence
                (f.speech_open if quote_kind(text, qs, qe) == "speech" else f.name_open)[a] = b
    cues: list[tuple[int, tuple[CueForm, ...]]] = []
    for s, key in hits:
        i = bisect.bisect_left(starts, s)
        if i >= len(starts) or starts[i] != s:
            continue
        readings = lex.forms[key]
        if key.endswith("ه"):
            # matching spelling writes ة as ه: إضافة/إشارة are nouns, not أضافه/أشاره
            _, b = nt.span_in_original(ends[i] - 1, ends[i])
            if text[b - 1] == "ة":
                readings = tuple(r for r in readings if not r.enclitic and r.tense == "part")
                if not readings:
                    continue
        cues.append((i, readings))
    f.cue_tokens = {i for i, _ in cues}
    f.title = title
    footer_tok = None
    if footer_pos is not None:
        x = bisect.bisect_left(starts, footer_pos)
        footer_tok = x if x < len(starts) else None
    return _resolve(f, cues, title=title, footer_tok=footer_tok, sent_num=sent_num)


_BEFORE_WORD = "\n\xa0.«\"،(“-\u200b\u200f:»”"


def _cue_hits(norm: str, lex: Lexicon) -> list[tuple[int, str]]:
    """(start, key) of every cue form that stands as a whole token in the normalised text.

    The automaton holds the forms with a leading space, so it only reports matches at a word start (the
    text is searched with a space in front and the common punctuation before a word turned into spaces);
    the end of the word is checked here.
    """
    t = " " + norm
    for ch in _BEFORE_WORD:
        if ch in t:
            t = t.replace(ch, " ")
    out: dict[int, str] = {}
    n = len(norm)
    for end, key in lex.automaton.iter(t):
        if end >= n or not norm[end].isalnum():
            s = end - len(key)
            if s not in out or len(key) > len(out[s]):
                out[s] = key  # the longer cue wins (على لسان)
    return sorted(out.items())


def _mention_index(mentions, nt, starts, ends) -> dict[int, _Mention]:
    """Mentions that cover whole tokens of the tokenised sentences, keyed by their first token index.
    ``mentions``: records as :func:`_group_mentions` makes them (int offsets into the original text)."""
    out: dict[int, _Mention] = {}
    if not mentions:
        return out
    lo, hi = (starts[0], ends[-1]) if nt.orig_index is None else nt.span_in_original(starts[0], ends[-1])
    recs = [rec for rec in mentions if rec[1] > lo and rec[0] < hi]  # outside the tokenised text a mention covers no token
    if not recs:
        return out
    firsts = [rec[0] for rec in recs]
    lasts = [rec[1] for rec in recs]
    if nt.orig_index is not None:  # original → normalised offsets, all at once
        firsts = nt.orig_index.searchsorted(firsts).tolist()
        lasts = nt.orig_index.searchsorted(lasts).tolist()
    for rec, na, nb in zip(recs, firsts, lasts):
        i = bisect.bisect_left(ends, na + 1)
        j = bisect.bisect_left(starts, nb) - 1
        if i >= len(starts) or j < i or starts[i] < na or ends[j] > nb:
            continue
        prev = out.get(i)
        if prev is None or j > prev.end:
            out[i] = _Mention(i, j, *rec[2:8]) if len(rec) >= 8 else _Mention(i, j, *rec[2:7])
    return out


# --- the resolver ---------------------------------------------------------------------------------------


def _resolve(f: _Field, cues, *, title: bool, footer_tok: int | None, sent_num: list[int]) -> list[dict]:
    """Rows for the cues (and headline colons) of one text, in order, with the antecedents kept as they come."""
    rows: list[dict] = []
    antecedents: list[_Source] = []
    consumed: set[int] = set()
    events: list[tuple[int, str, object]] = [(i, "cue", r) for i, r in cues]
    for c in _colon_candidates(f, title=title, footer_tok=footer_tok):
        events.append((c, "colon", None))
    events.sort(key=lambda x: x[0])
    for k, what, readings in events:
        if k in consumed:
            continue
        if what == "colon":
            row = _colon_row(f, k, antecedents)
        else:
            row = _cue_row(f, k, readings, antecedents, consumed, title=title)
        if row is None:
            continue
        row["sentence_index"] = sent_num[bisect.bisect_right(f.sent_tok, k) - 1]
        rows.append(row)
    return rows


def _cue_row(f: _Field, k: int, readings: tuple[CueForm, ...], antecedents: list[_Source], consumed: set[int], *, title: bool):
    cf = readings[0]
    toks, lex = f.toks, f.lex
    end = f.sent_end(k)
    s0 = f.sent_start(k)
    prev = toks[k - 1] if k > s0 else None
    prev_cls = lex.word_class(prev) if prev else None
    cue_last = k + cf.words - 1
    if cf.kind == "prep":
        return _prep_row(f, k, cf, antecedents, consumed)
    if cf.kind == "special":  # بالقول: the speaker is the subject of the clause
        src = _antecedent(antecedents, "ms") if antecedents else None
        return _emit(f, k, k, src, anaphoric=True, content_from=k + 1)
    # --- gates for verbs and participles
    if cf.person != 3 and not _inside_speech(f, k):
        return None
    if prev_cls == "negator" or (prev_cls == "complementizer" and k >= 2 and lex.word_class(toks[k - 2]) == "negator"):
        return None
    if prev in lex.sets["negating_noun"]:  # طالبا عدم كشف اسمه: a verbal noun, not a report
        return None
    if cf.tense == "impf" and prev in ("ما", "مما", "بما"):
        return None
    if lex.word_class(toks[k]) == "impersonal":
        x = k + 1
        while x < end and lex.word_class(toks[x]) == "adverb":
            x += 1
        if x < end and lex.word_class(toks[x]) == "complementizer":
            return None  # impersonal يُذكر أن، يُذكر هنا أن، يُتوقع أن
    if cf.lemma == "ادعى" and cf.tense == "impf" and _last_letter(f, k) == "ى":
        return None  # يُدعى "is called", not يدّعي "claims"
    if (cf.tense == "impf" and prev_cls == "relative" and prev in _RELATIVE_AGR and cf.lemma in _EVIDENTIAL
            and _relative_head(f, k - 1) is None):
        return None  # الشهادة التي تؤكد …، المعلومات التي تشير إلى …: evidence, not a speaker
    if cf.tense != "part" and not cf.proclitic and prev_cls == "preposition":
        return None
    if cf.homograph:
        if cf.proclitic:
            if prev_cls == "preposition":
                return None
        elif not (prev is None or prev in CLAUSE_PUNCT or prev in QUOTE_MARKS or prev_cls in ("relative", "adverb")
                  or prev in ("قد", "لقد", "وقد", "فقد")
                  or (k + 1 < end and _is_speaker_start(f, k + 1) and _has_complementizer(f, k + 2, min(end, k + 6)))
                  or (cf.needs and k + 1 < end and _is_speaker_start(f, k + 1, allow_document=False)
                      and not (toks[k + 1][0] == "و" and not _head_exact(lex, toks[k + 1]))  # طالب ورئيس …: a noun
                      and _subject_then_marker(f, k, end, cf))):
            return None  # (… الشرائح ذكر البيان أن …: a verb with its subject and أن is still a verb)
    # بدوافع تراها روسيا "سياسية": an opinion verb with its object pronoun and the speaker right after it
    opinion_obj = bool(cf.enclitic and cf.lemma in _OPINION_VERBS and cue_last + 1 < end
                       and _is_speaker_start(f, cue_last + 1, allow_document=False))
    if cf.needs and "anaphor" in cf.needs and not _has_marker(f, k + 1, min(end, k + 1 + WINDOW), cf.needs):
        # وأضاف لذا …: no complementizer, but a pronoun-only continuation of the speaker just quoted
        if not (cf.proclitic and k == s0 and _forward_np(f, k + 1, end, cf) is None
                and _antecedent(antecedents, _agr_of(cf), f=f, within_sentences=(k, 3), strict=True) is not None):
            return None
    elif cf.needs:
        stop = _clause_stop(f, k + 1, min(end, k + 1 + HOMOGRAPH_WINDOW)) if cf.homograph else min(end, k + 1 + WINDOW)
        if not _has_marker(f, k + 1, stop, cf.needs) and not ("subject" in cf.needs and _speaker_follows(f, cue_last + 1, end, cf)
                                                              and _subject_adjacent(f, cue_last + 1, end, cf)) \
                and not ("press" in cf.needs and _press_follows(f, cue_last + 1, end, cf)) \
                and not ("doc" in cf.needs and _document_follows(f, cue_last + 1, end, cf)) \
                and not (cf.homograph and cue_last + 1 < end and _is_speaker_start(f, cue_last + 1, allow_document=False)
                         and not (toks[cue_last + 1][0] == "و" and not _head_exact(lex, toks[cue_last + 1]))
                         and _subject_then_marker(f, cue_last, end, cf)) \
                and not opinion_obj:
            return None
    if cf.lemma in _NEEDS_SPEAKER and not _speaker_follows(f, cue_last + 1, end, cf):
        return None  # وتصور الكاميرا، تصور أو تخيل: "film, imagine"; ويصور نتنياهو رفضه … على أنه: "portray as"
    if cf.lemma in _REACH_HOMOGRAPHS and cf.tense == "impf" and not _speaker_follows(f, cue_last + 1, end, cf):
        return None  # لتبلغ 6.17 مليار ريال، يبلغ عدد …: "to reach", not "to inform"
    if cf.kind == "stance" and cf.tense == "impf" and prev in _PRONOUN_COMPLEMENTIZERS:
        return None  # … أنهم يتوقعون أن: the content of the report before, not a report of its own
    if (cf.enclitic and not cf.proclitic and prev is not None and prev_cls is None and prev[0].isalpha()
            and not _definite(prev) and (k - 1) not in f.mention_at and f.lex.head(prev) is None
            and not _is_speaker_start(f, k - 1) and _forward_np(f, cue_last + 1, end, cf) is None):
        return None  # في مناقصة أعلنتها لتلك الكمية: a relative clause on an indefinite noun, no speaker
    if cf.impf_needs and not opinion_obj and not _has_marker(f, k + 1, _clause_stop(f, k + 1, min(end, k + 1 + HOMOGRAPH_WINDOW)), cf.impf_needs):
        return None
    if cf.tense == "part" and not (cf.gender == "m" and cf.number == "s"):
        nxt = toks[k + 1] if k + 1 < end else ""
        if not (prev in CLAUSE_PUNCT or lex.word_class(nxt) == "complementizer" or nxt in COMPLEMENT_PREPS or nxt == ":"
                or (len(nxt) > 3 and nxt[0] == "ب")):
            return None
    # multi-word cue words that belong to the verb
    if cf.lemma == "كشف" and cue_last + 1 < end and toks[cue_last + 1] == "النقاب":
        cue_last += 1
    if cf.lemma == "سلط" and cue_last + 1 < end and toks[cue_last + 1].endswith("ضوء"):
        cue_last += 1
    agr = _agr_of(cf)
    if cf.tense == "part":
        src = _pronoun_source(f, k, agr, antecedents, third=cf.person == 3)
        return _emit(f, k, cue_last, src, anaphoric=True, content_from=cue_last + 1)
    # --- the subject
    src = None
    if title and k > s0 and prev_cls is None and prev not in CLAUSE_PUNCT and not cf.proclitic:
        src = _backward_np(f, k, title=True)
    elif not cf.proclitic and prev is not None and prev_cls is None and prev not in CLAUSE_PUNCT:
        src = _backward_np(f, k, title=False, only_after_complementizer=True)  # أن الحكومة أكدت …
    if src is None and not cf.proclitic and prev is not None and prev_cls is None and prev not in CLAUSE_PUNCT:
        src = _kana_subject(f, k, gap=0)  # كانت الحكومة قالت …، كان وزير سوري أبلغ رويترز …
    if src is None and (cf.number == "s" or title):
        src = _forward_np(f, cue_last + 1, end, cf)
        if src is not None and cf.obj and cf.proclitic and _np_then_complement(f, src, end, cf):
            ante = _antecedent(antecedents, agr, f=f, within_sentences=(s0, 2), strict=True)
            if ante is not None:
                src = None  # the noun phrase is the object (واتهم حماس بـ…); the subject is the earlier speaker
    if src is not None and src.s > k and cf.gender == "m" and cf.number == "s" and _feminine_phrase(f, src):
        src = None  # وقال السوق الإيرانية لا تحتاج …: a feminine noun does not follow a masculine verb as its subject
    if src is None and prev == "قد":
        src = _kana_subject(f, k)  # وكانت الوزارة قد أعلنت …
    if src is None and prev_cls == "relative" and prev in _RELATIVE_AGR and _RELATIVE_AGR[prev] == agr[0] and not cf.enclitic:
        src = _relative_head(f, k - 1)  # … صالح أبو نخاع، والذي أوصى …
    if src is None and prev_cls != "relative" and (not cf.proclitic or title):
        src = _backward_np(f, k, title=title)
    if cf.lemma == "علم" and src is not None:
        src = _learned_from(f, src, end) or src  # وعلمت «الشرق الأوسط» من مصادر مطلعة أن …: the sources
    if src is not None:
        src = _refine(f, src, cf, antecedents, k)
        if src is None:
            return None
        anaphoric = getattr(src, "_anaphoric", False)
        if not anaphoric:
            src = _named_before(f, src, antecedents)
            antecedents.append(src)
        elif not antecedents or antecedents[-1].orig != src.orig:
            antecedents.append(dataclasses.replace(src, local_e=None))  # كما قال المرصد …، مضيفا: the speaker named again is the nearest antecedent
        own_end = src.local_e if src.local_e is not None else (src.e if src.s > k else cue_last)
        content_from = max(cue_last, own_end) + 1
        return _emit(f, k, cue_last, src, anaphoric=anaphoric, content_from=content_from)
    if (cf.tense == "impf" and not cf.proclitic and prev is not None and prev_cls is None and prev not in CLAUSE_PUNCT
            and prev not in QUOTE_MARKS and _antecedent(antecedents, agr, f=f, strict=True) is None):
        return None  # "… تلك الطريقة تشير إلى": an evidential whose subject is no speaker
    if (cf.person == 3 and cf.number != "s" and cf.tense == "perf" and not cf.proclitic and _inside_speech(f, k)
            and (prev is None or prev in QUOTE_MARKS or prev in CLAUSE_PUNCT or prev in END_PUNCT)
            and not _has_complementizer(f, k + 1, min(end, k + 5)) and ":" not in toks[k + 1 : k + 4]) and _antecedent(antecedents, agr, f=f, strict=True) is None:
        return None  # “… عارضوا هذا الاتفاق”: an imperative plural inside a quote, no plural speaker to point to
    src = _pronoun_source(f, k, agr, antecedents, third=cf.person == 3)
    return _emit(f, k, cue_last, src, anaphoric=True, content_from=cue_last + 1)


def _learned_from(f: _Field, src: _Source, end: int) -> _Source | None:
    """For "علمت X من Y أن …" the source of the information is Y."""
    j = src.e + 1
    if j < end and f.toks[j] == "من" and j + 1 < end and _is_speaker_start(f, j + 1, allow_document=False):
        return _extend_np(f, j + 1, end)
    return None


#: verbs whose imperfect is also another verb's: تبلغ "informs" / "reaches (a number)"
_REACH_HOMOGRAPHS = frozenset(("أبلغ",))
#: verbs that are reporting verbs only with a speaker as their subject right after them
_NEEDS_SPEAKER = frozenset(("صور",))


def _press_follows(f: _Field, j: int, end: int, cf: CueForm) -> bool:
    """The verb's subject is a newspaper or an agency and a complementizer follows it (وعلمت "الوطن" أن …)."""
    src = _forward_np(f, j, end, cf)
    return src is not None and src.type in ("media_outlet", "news_agency") and src.e + 1 < end \
        and f.lex.word_class(f.toks[src.e + 1]) == "complementizer"


def _document_follows(f: _Field, j: int, end: int, cf: CueForm) -> bool:
    """The verb's subject is a document (التقرير، بيانات، استطلاعات الرأي), a newspaper or an agency: the
    subject of a press-review or "showing" verb (وتطرق التقرير إلى …، أظهرت بيانات أسبوعية هبوطا …)."""
    x = j
    while x < end and f.lex.word_class(f.toks[x]) == "adverb":
        x += 1
    if x >= end:
        return False
    hs = x + 1 if f.toks[x] in QUOTE_MARKS and x + 1 < end else x
    h = f.lex.head(f.toks[hs])
    if cf.tense == "impf" and (_definite(f.toks[hs]) or not cf.proclitic.startswith(("و", "ف"))):
        return False  # حين تظهر النتائج مختلفة ("appears"), نافذة تظهر نتائج البحث; but وتظهر استطلاعات الرأي تباين …
    if h is None:
        return False
    # a newspaper or agency only as a definite back-reference (وتطرقت الصحيفة إلى …), not "فتناولت مجلة"
    return h.type == "document" or (h.type in ("media_outlet", "news_agency") and _definite(f.toks[hs]))


def _named_before(f: _Field, src: _Source, antecedents: list[_Source]) -> _Source:
    """A one-word speaker that is the family name of a person named before (وقال الناطق … علي الأحمدي …
    وأكد الأحمدي) is that person, whatever the actor layer made of the word (a city called الأحمدي)."""
    if src.e != src.s or src.type == "named_person" and src.actor_id is not None:
        return src
    t = f.toks[src.s]
    for a in reversed(antecedents):
        if a.type == "named_person" and a.e > a.s and a.e < src.s and f.toks[a.e] == t:
            out = _Source(src.s, src.e, "named_person", a.agr, a.head, a.label, a.label_en, a.actor_id, src.orig, src.surface)
            return out
    return src


def _feminine_phrase(f: _Field, src: _Source) -> bool:
    """A non-person noun phrase whose head is feminine: written with ة (الحكومة) or followed by a definite
    adjective with ة (السوق الإيرانية). Names and titles are left alone (أسامة، خليفة)."""
    if src.type in ("unnamed_group", "anonymous") or (src.type == "named_person" and (src.head is not None or src.actor_id is not None)):
        return False  # a title (الرئيس) or a person: not a spelling question
    hs = src.s + 1 if f.toks[src.s] in QUOTE_MARKS else src.s
    if hs in f.mention_at and f.mention_at[hs].match_kind != "nisba":
        return False  # an actor's own name (القاعدة، الجزيرة): its gender is not the spelling's
    t = f.toks[hs]
    if not _definite(t):
        return False
    if _last_letter(f, hs) == "ة":
        return True
    nxt = hs + 1
    return nxt <= src.e and _definite(f.toks[nxt]) and _last_letter(f, nxt) == "ة" and (
        nxt not in f.mention_at or f.mention_at[nxt].match_kind == "nisba")


def _subject_then_marker(f: _Field, k: int, end: int, cf: CueForm) -> bool:
    """A human speaker follows the bare verb and the verb's complement marker follows that speaker within a few
    tokens (حذر بعض المحللين، بحسب رويترز، من …؛ علق المدير … بقوله): a verb, not the noun حذر/علق."""
    src = _forward_np(f, k + 1, end, cf)
    if src is None or src.type == "document":
        return False
    markers = tuple(m for m in cf.needs if m not in ("subject", "press", "doc", "anaphor"))
    x = src.e + 1
    if x + 1 < end and f.toks[x] in CLAUSE_PUNCT and x + 1 in f.cue_tokens and (
            (r := f.lex.forms.get(f.toks[x + 1])) and r[0].kind == "prep"):
        # a parenthetical "، بحسب رويترز،" between the subject and the complement
        close = next((y for y in range(x + 2, min(end, x + 8)) if f.toks[y] in CLAUSE_PUNCT), None)
        if close is None:
            return False
        x = close + 1
    return x < end and _has_marker(f, x, x + 1, markers)


def _has_complementizer(f: _Field, a: int, b: int) -> bool:
    return any(f.lex.word_class(f.toks[x]) == "complementizer" for x in range(a, b))


def _speaker_follows(f: _Field, j: int, end: int, cf: CueForm) -> bool:
    """The verb's subject is a speaker: a source head or an actor (not a place)."""
    src = _forward_np(f, j, end, cf)
    if src is None:
        return False
    hs = src.s + 1 if f.toks[src.s] in QUOTE_MARKS else src.s
    return f.lex.head(f.toks[hs]) is not None or (hs in f.mention_at and f.mention_at[hs].actor_type != "location")


def _subject_adjacent(f: _Field, j: int, end: int, cf: CueForm) -> bool:
    """The verb's subject starts right after it (adverbs aside), as in ودعا العميد …؛ not a phrase reached over
    a preposition (دعا على الظالمين، وبعض الإعلاميين)."""
    if cf.lemma not in _ADJACENT_SUBJECT:
        return True
    while j < end and f.lex.word_class(f.toks[j]) == "adverb":
        j += 1
    src = _forward_np(f, j, end, cf)
    return src is not None and src.s <= j + 1


#: opinion verbs whose object-pronoun form (تراها، يعتبرها) with a speaker right after it is a cue without أن
_OPINION_VERBS = frozenset(("رأى", "اعتبر"))
#: verbs whose "subject" condition (verbs.tsv) needs the speaker right after the verb
_ADJACENT_SUBJECT = frozenset(("دعا",))


def _clause_stop(f: _Field, a: int, b: int) -> int:
    """End of the search for a complement: the first comma (and the one token after it: "وبين رئيس اللجنة، أن")."""
    for x in range(a, b):
        if f.toks[x] in CLAUSE_PUNCT:
            return min(b, x + 2)
    return b


def _pronoun_source(f: _Field, k: int, agr: str, antecedents: list[_Source], *, third: bool = True) -> _Source | None:
    """The speaker of a cue without its own subject: the nearest agreeing earlier source; failing that the
    subject of the verb that opens the sentence (وصف الأمير … الحادث …، مستنكرا …)."""
    src = _antecedent(antecedents, agr, f=f, strict=True)
    if src is not None:
        return src
    s0 = f.sent_start(k)
    if agr[1] == "p" and third:
        # … بأن عناصر من داعش قبضوا عليه واتهموه: a plural verb's subject is the plural people named earlier in the sentence
        for x in range(k - 1, max(s0, k - 15) - 1, -1):
            h = f.lex.head(f.toks[x])
            if h is not None and h.agr == "mp" and h.type in ("unnamed_group", "anonymous") and x not in f.cue_tokens:
                sub = _extend_np(f, x, k, stop=k)
                if sub is not None and sub.e < k:
                    antecedents.append(sub)
                    return sub
                break
    if s0 < k:
        readings = f.lex.forms.get(f.toks[s0])
        sub = None
        if readings and readings[0].tense in ("perf", "impf"):
            sub = _forward_np(f, s0 + 1, k, readings[0])
        elif _is_speaker_start(f, s0, allow_document=False):
            sub = _extend_np(f, s0, k, stop=k)
        elif (s0 + 1 < k and f.toks[s0][0] in "وف" and not f.toks[s0].startswith(("وال", "فال"))
              and f.lex.word_class(f.toks[s0]) is None and _is_speaker_start(f, s0 + 1, allow_document=False)):
            # وطمأن مدير الكرة سمير السعود …، وقال: a sentence-initial verb outside the lexicon and its subject
            sub = _extend_np(f, s0 + 1, k, stop=k)
        if sub is not None and sub.e < k:
            antecedents.append(sub)
            return sub
    return _antecedent(antecedents, agr, f=f)


#: verbs whose imperfect also means "shows, indicates" (evidential) with a non-speaker subject
_EVIDENTIAL = frozenset(("أكد", "أشار", "كشف", "أوضح", "بين", "أفاد", "ذكر", "اعتبر", "أبرز"))
_SUBORDINATORS = frozenset(("بينما", "فيما", "كما", "اذ", "حيث", "عندما", "لما", "ولكن", "لكن", "بل"))
_RELATIVE_AGR = {"الذي": "m", "والذي": "m", "الذين": "m", "والذين": "m", "التي": "f", "والتي": "f"}
_KANA = frozenset(("كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا", "فكان", "فكانت"))


def _kana_subject(f: _Field, k: int, *, gap: int = 1) -> _Source | None:
    """The subject between كان and قد (gap 1: "وكانت قيادة القوات المشتركة قد أعلنت") or between كان and the
    verb itself (gap 0: "كانت الحكومة قالت"، "كان وزير سوري أبلغ رويترز"); for gap 0 only a speaker phrase
    that ends right before the verb."""
    lo = f.sent_start(k)
    stop = k - gap  # one past the subject's last token
    for x in range(stop - 1, max(lo - 1, k - 12), -1):
        t = f.toks[x]
        if t in _KANA:
            if x + 1 >= stop:
                return None
            if gap == 0 and not (_is_speaker_start(f, x + 1) or (_definite(f.toks[x + 1]) and stop - (x + 1) <= 3)):
                return None
            src = _extend_np(f, x + 1, stop, stop=stop)
            if gap == 0 and (src is None or src.e != stop - 1):
                return None
            return src
        if t in END_PUNCT or (gap == 0 and (t in CLAUSE_PUNCT or x in f.cue_tokens)):
            return None
    return None


def _relative_head(f: _Field, r: int) -> _Source | None:
    """The noun phrase a relative pronoun at token r refers to, when it is a speaker (… أبو نخاع، والذي أوصى)."""
    toks, lex = f.toks, f.lex
    lo = f.sent_start(r)
    end = r - 1 if r - 1 >= lo and toks[r - 1] in CLAUSE_PUNCT else r
    for x in range(end - 1, max(lo - 1, end - 10), -1):
        if toks[x] in END_PUNCT or toks[x] in CLAUSE_PUNCT:
            return None
        if _is_speaker_start(f, x, allow_document=False) and lex.word_class(toks[x - 1] if x > lo else "") != "preposition":
            return _extend_np(f, x, end, stop=end)
    return None


def _agr_of(cf: CueForm) -> str:
    return cf.gender + ("s" if cf.number == "s" else "p")


def _inside_speech(f: _Field, k: int) -> bool:
    for a, b in f.speech_open.items():
        if a < k < b:
            return True
    return False


@lru_cache(maxsize=512)
def _marker_spec(markers: tuple[str, ...]) -> tuple[frozenset, tuple[str, ...], bool, bool, bool, bool]:
    """(the tokens that are markers themselves, ":" included; the prefixes of "~" markers; whether "quote",
    "ب*" and "ل*" are markers; whether any complementizer is, through "ان")."""
    exact = frozenset(m for m in markers if m not in ("quote", "ب*", "ل*", "anaphor") and not m.endswith("~"))
    prefixes = tuple(m[:-1] for m in markers if m.endswith("~"))
    return exact, prefixes, "quote" in markers, "ب*" in markers, "ل*" in markers, "ان" in exact


def _has_marker(f: _Field, a: int, b: int, markers: tuple[str, ...]) -> bool:
    """One of the complement markers (see verbs.tsv) occurs among tokens a..b-1."""
    exact, prefixes, quote, bcomp, lcomp, complementizer = _marker_spec(markers)
    toks, cue_tokens, word_class = f.toks, f.cue_tokens, f.lex.word_class
    for j in range(a, b):
        t = toks[j]
        if t in exact or (quote and j in f.speech_open):
            return True  # (قائلا and بالقول are cues and markers at once)
        if j in cue_tokens:
            return False  # the complement of a cue comes before the next cue
        if complementizer and word_class(t) == "complementizer":
            return True
        if bcomp and t[0] == "ب" and j - a < 8 and (t in ("بما", "بان") or _is_b_complement(f.lex, t)):
            return True  # a بـ complement follows the subject closely (أقر الوزير بـ…), not a place name further on
        if lcomp and t[0] == "ل" and (len(t) > 3 or t == "ل"):
            return True
        if prefixes:
            u = t[1:] if len(t) > 4 and t[0] in "وفبل" else t
            u = u.removeprefix("ال")
            if u.startswith(prefixes) or t.startswith(prefixes):
                return True
    return False


def _is_b_complement(lex: Lexicon, t: str, *, long_words: bool = True) -> bool:
    """A بـ phrase that can be a verb's complement (بالتقصير، بأن، بضرورة، بوجود), not a word that starts with ب
    (بيروت). ``long_words``: also any ب + 5 letters (a complement right after a verb, not inside a name)."""
    if len(t) < 4 or t[0] != "ب" or t.startswith("بين") or t in ("بعد", "بعض"):
        return False
    rest = t[1:]
    return (rest.startswith(("ال", "ان")) or rest.endswith("ه") or (long_words and len(rest) >= 5)
            or len(rest) == 3 or bool(MASDAR_RE.match(rest)) or lex.word_class(rest) == "object_noun")


def _np_then_complement(f: _Field, src: _Source, end: int, cf: CueForm) -> bool:
    """True when the noun phrase after a transitive verb is followed directly by the verb's complement."""
    j = src.e + 1
    if j >= end:
        return False
    t = f.toks[j]
    return _has_marker(f, j, j + 1, cf.needs) or _is_b_complement(f.lex, t)


def _is_speaker_start(f: _Field, j: int, *, allow_document: bool = True) -> bool:
    if j in f.mention_at and (f.mention_at[j].actor_type or "") != "location":
        return True
    if j in f.name_open:
        return True
    h = f.lex.head(f.toks[j])
    return h is not None and (allow_document or h.type != "document")


def _forward_np(f: _Field, j: int, end: int, cf: CueForm) -> _Source | None:
    """The subject after a verb cue (verb-first order), or None when the verb has none of its own."""
    toks, lex = f.toks, f.lex
    limit = min(end, j + 14)
    while j < limit:
        t = toks[j]
        cls = lex.word_class(t)
        m = f.mention_at.get(j)
        if m is not None and m.actor_type in ("person", "organization", "media", "group", "country"):
            break  # an actor (بان كي مون) even when its first word is also a particle
        if t in END_PUNCT or j in f.speech_open or j in f.cue_tokens or cls in ("complementizer", "relative", "negator", "particle"):
            return None
        if t in CLAUSE_PUNCT or cls == "adverb" or t in CLOSE_PAREN:
            j += 1
            continue
        if cls == "honorific":
            return None  # وأكد سموه: the prince (minister …) named before
        if t[0].isdigit():
            nxt = toks[j + 1] if j + 1 < limit else "."
            if lex.head(nxt) is not None:
                j += 1  # وأكد 3 مسؤولين …: the speaker is the noun counted
                continue
            if nxt in lex.sets["amount"] or not nxt[0].isalpha() and nxt != "%":
                return None  # an amount or a date (6.17 مليار ريال، 19 يوليو) never speaks (88% من المستطلعين may)
        if t in lex.sets["time_noun"] and j + 1 < limit and lex.word_class(toks[j + 1]) == "adverb":
            j += 2  # وقالت العام الماضي وزارة …: a time phrase before the subject
            continue
        if t == "كل" and j + 1 < limit and toks[j + 1] == "من":
            j += 2  # وقال كل من X و Y
            continue
        if "ب*" in cf.needs and t[0] == "ب" and len(t) > 3 and not _is_speaker_start(f, j) and not t.startswith("بين"):
            return None  # أفاد بنشوب حريق: the complement, no subject
        if t in QUOTE_MARKS:
            if j in f.name_open:
                break
            j += 1
            continue
        if cls == "preposition" and t == "علي" and _is_name_ali(f, j):
            break
        if cls == "preposition" or t == "ل" or (len(t) > 3 and t[0] in "بل" and not t.startswith("ال") and j not in f.mention_at
                                                 and not _head_exact(lex, t) and (_prefixed_phrase(lex, t) or (
                                                     t[0] == "ل" and j + 1 < limit and (toks[j + 1].startswith("ال") or toks[j + 1] in QUOTE_MARKS)))):
            # (كشف لثقافة اليوم …: "to" an outlet or a person, not the subject)
            if t in cf.needs or (len(t) > 3 and t[0] == "ب" and "ب*" in cf.needs):
                if j + 1 < limit and lex.word_class(toks[j + 1]) == "adverb":  # تكشف النقاب عن عنها وسائل …
                    j += 2
                    continue
                return None
            m = None
            for x in range(j + 1, min(limit, j + 8)):
                tx = toks[x]
                if tx in END_PUNCT or x in f.speech_open or x in f.cue_tokens or lex.word_class(tx) == "complementizer":
                    break
                if x == j + 1:
                    continue  # the object of the preposition itself
                if _is_speaker_start(f, x, allow_document=False) and lex.word_class(toks[x - 1]) != "preposition":
                    m = x
                    break
            if m is None:
                return None
            j = m
            continue
        if _object_like(lex, t) and j not in f.mention_at and lex.head(t) is None:
            return None
        break
    else:
        return None
    if j >= limit:
        return None
    return _extend_np(f, j, end, verb_gender=cf.gender)


_ENCLITIC_RE = re.compile("(?:هما|هم|هن|ها|ه|نا)$")
#: "his words" after a prepositional cue: بحسب تعبيره، وفقا لقوله، حسب وصفها — the speaker named before
_SPEECH_NOUN_RE = re.compile(r"^(?:ل)?(تعبير|قول|وصف|زعم|رواي|كلام|تصريح|حديث|تاكيد|ادعاء|تقدير)(ه|ها|هم|هما)$")
_QUANTIFIERS = frozenset(("عدد", "بعض", "كثير", "عديد", "معظم", "اغلب"))


def _object_like(lex: Lexicon, t: str) -> bool:
    """A verbal noun that opens the reported content (قيام، وجود، التزامها، تشكيل), not a speaker."""
    if lex.word_class(t) == "object_noun" or MASDAR_RE.match(t):
        return True
    u = _ENCLITIC_RE.sub("", t) if len(t) > 4 else t
    if u == t:
        return False
    if u.endswith("ت"):  # استقالته → استقالة: the ta marbuta before a pronoun
        u = u[:-1] + "ه"
    return lex.word_class(u) == "object_noun" or bool(MASDAR_RE.match(u)) or bool(MASDAR_RE.match(u[:-1]))


def _weak(m: _Mention) -> bool:
    """A one-word mention found by discovery rather than the codebook: not enough to name a speaker."""
    return m.match_kind == "discovered" and m.start == m.end


def _last_letter(f: _Field, j: int) -> str:
    """The last letter of token j as written (ى and ي, ة and ه are one letter in matching spelling)."""
    _, b = f.nt.span_in_original(f.ends[j] - 1, f.ends[j])
    return f.text[b - 1]


def _spelt_ali(f: _Field, j: int) -> bool:
    _, b = f.nt.span_in_original(f.ends[j] - 1, f.ends[j])
    return f.text[b - 1] == "ي"


def _is_name_ali(f: _Field, j: int) -> bool:
    """"علي" spelt with ي and followed by a name is the name Ali (قال علي أحمد), not على in Egyptian spelling."""
    _, b = f.nt.span_in_original(f.ends[j] - 1, f.ends[j])
    if f.text[b - 1] != "ي" or j + 1 >= len(f.toks):
        return False
    nxt = f.toks[j + 1]
    return nxt[0].isalpha() and not nxt.startswith("ال") and f.lex.word_class(nxt) is None and not MASDAR_RE.match(nxt) \
        and (j + 1) not in f.cue_tokens


_ISSUED = frozenset(("صادر", "الصادر", "صادره", "الصادره"))


def _named_body_at(f: _Field, j: int) -> bool:
    """Token j starts a named organisation: an actor that is an organisation, or an official-body head
    followed by a name (شركة نفط الجنوب العراقية), not a bare الوزارة."""
    m = f.mention_at.get(j)
    if m is not None and source_type_of_mention(m.actor_type, m.subtype) in ("official_body", "news_agency", "media_outlet"):
        return True
    h = f.lex.head(f.toks[j])
    return (h is not None and h.type == "official_body" and not _definite(f.toks[j]) and j + 1 < len(f.toks)
            and f.toks[j + 1][0].isalpha() and f.lex.word_class(f.toks[j + 1]) is None)


def _extend_np(f: _Field, s: int, end: int, *, verb_gender: str | None = None, stop: int | None = None) -> _Source | None:
    """Grow a source noun phrase from token s: titles, names, adjectives, quoted names, a (parenthesis),
    an affiliation (التابعة للنظام، الموالية لـ…), coordinated speakers; stop at content, prepositions, punctuation."""
    toks, lex = f.toks, f.lex
    stop = end if stop is None else min(stop, end)
    j, last, n = s, -1, 0
    cut_after: int | None = None
    h0 = lex.head(toks[s]) if toks[s] not in QUOTE_MARKS else None
    while j < stop and n < NP_MAX:
        t = toks[j]
        cls = lex.word_class(t)
        if cut_after is not None and j > cut_after:
            # after a whole mention only an affiliation (التابعة للنظام، الموالية لنظام “الأسد”), a modifier or a
            # parenthesis (سانا) may follow
            after_link = lex.word_class(toks[j - 1]) == "link" and (t[0] == "ل" or t in QUOTE_MARKS)
            after_link_object = toks[j - 1][0] == "ل" and lex.word_class(toks[j - 2]) == "link" and j in f.name_open
            if not (t in OPEN_PAREN or cls in ("link", "modifier") or after_link or after_link_object):
                break
        if t in QUOTE_MARKS:
            if j in f.name_open:
                b = f.name_open[j]
                if b >= stop:
                    break
                last, n, j = b, n + (b - j - 1), b + 1
                continue
            break
        if t in OPEN_PAREN:
            close = next((x for x in range(j + 1, min(stop, j + 7)) if toks[x] in CLOSE_PAREN), None)
            if close is None or j == s:
                break
            last, j = close, close + 1
            continue
        if t == "من" and j == s + 1 and h0 is not None and h0.head in _QUANTIFIERS:
            last, j = j, j + 1  # عدد من المسؤولين، بعض المحللين
            continue
        if (t == "من" and j == s + 1 and h0 is not None and h0.type == "anonymous" and h0.agr == "mp"
                and j + 1 < stop and _named_body_at(f, j + 1)):
            last, j = j, j + 1  # مسؤولون من شركة نفط الجنوب: officials of a named body speak for it
            continue
        if h0 is not None and h0.type == "document" and j > s:
            if t == "ال" and j + 1 < stop and toks[j + 1].isdigit():
                last, n, j = j + 1, n + 1, j + 2  # التقرير الـ51 لمؤسسة النقد: an ordinal, the issuer follows
                continue
            if t in _ISSUED and j + 1 < stop and toks[j + 1] == "عن" and j + 2 < stop and _is_speaker_start(f, j + 2, allow_document=False):
                last, n, j = j + 1, n + 1, j + 2  # بيان صادر عن وزارة الطاقة
                continue
            if (t.endswith("ا") and not t.endswith("تا") and len(t) >= 4 and not _definite(toks[s]) and cls is None and j not in f.mention_at
                    and lex.head(t) is None and not t[0] in "بل"):
                break  # أظهرت بيانات أسبوعية هبوطا …: an indefinite accusative is the object
        if t == "علي" and j > s and (toks[j - 1] == "." or _after_title(lex, toks[j - 1])
                                      or (h0 is not None and h0.type == "named_person" and _is_name_ali(f, j))) and _spelt_ali(f, j):
            last, n, j = j, n + 1, j + 1  # د. علي …: the name Ali, not على
            continue
        if t == "." and j > s and len(toks[j - 1]) == 1 and j + 1 < stop and toks[j + 1][0].isalpha():
            last, j = j, j + 1  # د. محمد: an abbreviation inside the name
            continue
        if not t[0].isalnum():
            break
        if (j > s and h0 is not None and h0.type in ("document", "official_body") and h0.agr in ("ms", "fs") and _definite(toks[s])
                and j == s + 1 and _definite(t) and t.endswith("ين") and len(t) > 6 and j not in f.mention_at and cls is None):
            break  # وحدد البيان الشخصين المحتجزين: the object, not an adjective of البيان
        if (j > s + 1 and h0 is not None and h0.type in ("official_body", "document")
                and not _definite(toks[s]) and all(_definite(toks[x]) for x in range(s + 1, j)) and t[0].isalpha()
                and not _definite(t) and cls is None and j not in f.mention_at and t[0] not in "بلوف" and (lex.head(t) is None or t in _QUANTIFIERS)):
            break  # قدرت منظمة الصحة العالمية عدد المصابين …: the annexation is complete, an indefinite noun is the object
        if (j > s and h0 is not None and h0.type != "named_person" and _definite(toks[s]) and not _definite(t)
                and cls is None and j not in f.mention_at and t[0] not in "بلوف" and not _definite_chain_broken(toks, s, j)):
            break  # توقعت الأرصاد تأثر …: a definite body is not followed by an indefinite noun of its own
        if j > s:
            if cls in ("complementizer", "preposition", "relative", "negator", "adverb", "object_noun", "particle") or j in f.cue_tokens:
                if t != "باسم":
                    break
            elif t[0] == "ف" and len(t) > 3 and t[1:3] == "ال":
                break  # فالاتحاد …: the main clause after a fronted phrase
            elif t[0] == "و" and len(t) >= 3 and not _head_exact(lex, t) and j not in f.mention_at:
                u = t[1:]
                hu = lex.head(u)
                if hu is not None and hu.type == "named_person":
                    pass  # coordinated speakers: والدكتور محمد السعيد
                elif u.startswith("ال") or u in ("هو", "هي", "هم", "هما", "هن") or lex.word_class(u) or hu is not None:
                    break
                elif len(u) >= 4 and u[0] in "يتن":
                    break  # وتحرص …: a coordinated verb, not a name
            elif t == "ل" or (t[0] in "بل" and len(t) > 3 and not t.startswith("ال") and not _head_exact(lex, t)
                              and j not in f.mention_at and (_prefixed_phrase(lex, t) or (
                                  _is_b_complement(lex, t, long_words=False) and not _after_title(lex, toks[j - 1])))):
                if t == "باسم" or lex.word_class(toks[j - 1]) == "link":
                    pass
                elif (h0 is not None and h0.type == "named_person" and t[0] == "ل" and (hl := lex.head(t)) is not None
                      and hl.type in ("official_body", "news_agency", "media_outlet") and j <= s + 3):
                    pass  # المتحدث الرسمي لوزارة التعليم مبارك العصيمي: the title's body
                elif h0 is not None and h0.type == "document" and lex.head(t) is not None:
                    pass  # التقرير السنوي لمركز الأبحاث: the issuer
                else:
                    break
            elif MASDAR_RE.match(t) and j not in f.mention_at and lex.head(t) is None and _definite(toks[j - 1]):
                break
            elif (t.startswith("ال") and t[-1] not in "هي" and _DEFINITE_MASDAR_RE.match(t) and j not in f.mention_at
                  and lex.head(t) is None and _definite(toks[j - 1])):
                break  # وأرجع المتحدث التأخير إلى …: a definite verbal noun after a definite phrase is the object
            elif cls is None and not t.startswith("ال") and j not in f.mention_at and lex.head(t) is None and _object_like(lex, t) \
                    and _ENCLITIC_RE.search(t):
                break  # وأكد الوزير استعداده …: a verbal noun with its pronoun starts the content
            elif (cls is None and t.endswith("ه") and not t.startswith("ال") and _definite(toks[j - 1]) and j not in f.mention_at
                  and lex.head(t) is None and not _after_title(lex, toks[j - 1])):
                break  # الصحف السعودية زيارة …: an indefinite noun after a definite phrase starts the object
            elif (cls is None and t.endswith(("ها", "هم", "هما")) and len(t) > 4 and not t.startswith("ال") and _definite(toks[j - 1])
                  and j not in f.mention_at and lex.head(t) is None):
                break  # أكدت الحكومة المصرية تبنيها …
            elif t.isdigit():
                break
        m = f.mention_at.get(j)
        if m is not None and _weak(m):
            m = None  # a first name found by discovery (محمد): the name goes on (محمد بن هذال الجبيري)
        if m is not None and cut_after is None and (m.actor_type == "person" or j == s or (j <= s + 3 and lex.head(toks[s]) is None)):
            cut_after = m.end
            last, n, j = m.end, n + (m.end - j + 1), m.end + 1
            continue
        last, n, j = j, n + 1, j + 1
    if last < s:
        return None
    # a title phrase broken by a place (قائد المنطقة … في مدينة عدن اللواء أحمد اليافعي): reach the name
    h = lex.head(toks[s if toks[s] not in QUOTE_MARKS else s + 1])
    if h is not None and h.type == "named_person" and not any(
        (m := f.mention_at.get(x)) is not None and m.actor_type == "person" for x in range(s, last + 1)
    ):
        for x in range(last + 1, min(stop, last + 11)):
            tx = toks[x]
            if tx in END_PUNCT or x in f.speech_open or x in f.cue_tokens or lex.word_class(tx) in ("complementizer", "object_noun"):
                break
            if (tx == "علي" and x == last + 1 and _spelt_ali(f, x) and x + 2 < stop and toks[x + 1][0].isalpha()
                    and lex.word_class(toks[x + 1]) is None and lex.word_class(toks[x + 2]) == "complementizer"):
                last = x + 1  # الناطق باسم مجلس قيادة المقاومة الشعبية علي الأحمدي: the name Ali and the family name
                break
            mx = f.mention_at.get(x)
            hx = lex.head(tx)
            if (mx is not None and mx.actor_type == "person") or (hx is not None and hx.type == "named_person" and not hx.back and (
                    tx.startswith("ال") or hx.head in ("عبد", "ابو", "بن"))):
                ext = _extend_np(f, x, end, stop=stop)
                if ext is not None:
                    last = ext.e
                break
    return _classify(f, s, last, verb_gender=verb_gender)


def _classify(f: _Field, s: int, e: int, *, verb_gender: str | None = None) -> _Source:
    toks, lex = f.toks, f.lex
    hs = s + 1 if toks[s] in QUOTE_MARKS and s < e else s
    h = lex.head(toks[hs])
    mentions = [f.mention_at[x] for x in range(s, e + 1) if x in f.mention_at and not _weak(f.mention_at[x])]
    speaker = None
    if h is not None:
        typ = h.type
        if typ == "named_person":
            speaker = next((m for m in mentions if m.actor_type == "person"), None)
        elif typ in ("official_body", "news_agency", "media_outlet"):
            speaker = next((m for m in mentions if m.start <= hs + 3 and m.actor_type not in ("person", "location")), None)
            if speaker is not None and speaker.start <= hs + 1:
                mt = source_type_of_mention(speaker.actor_type, speaker.subtype)
                if typ == "news_agency" or mt in ("news_agency", "media_outlet") or typ == "official_body":
                    typ = mt if not (typ == "official_body" and mt == "named_person") else typ
        elif typ == "anonymous" and h.agr == "mp" and hs + 2 <= e and toks[hs + 1] == "من" and _named_body_at(f, hs + 2):
            sub = _classify(f, hs + 2, e)
            if sub.type in ("official_body", "news_agency", "media_outlet"):
                sub.s, sub.agr = s, "mp"  # مسؤولون من شركة نفط الجنوب: the named body speaks (type and label its own)
                sub.orig = f.orig_span(s, e)
                sub.surface = f.text[sub.orig[0] : sub.orig[1]]
                return sub
        elif h.head in _QUANTIFIERS:
            nxt = hs + 2 if hs + 1 <= e and toks[hs + 1] == "من" else hs + 1
            hn = lex.head(toks[nxt]) if nxt <= e else None
            if hn is not None and hn.type == "anonymous":
                typ = "anonymous"  # عدد من المسؤولين
        elif typ == "document":
            for nxt in range(hs + 1, e + 1):  # the issuer: بيان وزارة الخارجية، التقرير السنوي لمركز الأبحاث
                tn = toks[nxt]
                if tn in QUOTE_MARKS or lex.word_class(tn) == "modifier" or tn == "ال" or tn.isdigit():
                    continue  # (an ordinal: التقرير الـ51 لمؤسسة النقد)
                if (_is_speaker_start(f, nxt, allow_document=False) or nxt in f.mention_at) and not (
                    lex.head(tn) is not None and lex.head(tn).type in ("anonymous", "unnamed_group")):
                    sub = _classify(f, nxt, e)
                    sub.agr = h.agr  # a later وأكد/مشيرا agrees with the document (التقرير), not with its issuer
                    sub.s = s  # the span is the whole phrase (document and issuer); type and label are the issuer's
                    sub.orig = f.orig_span(s, e)
                    sub.surface = f.text[sub.orig[0] : sub.orig[1]]
                    if sub.actor_id is None and tn[0] in "بل" and _prefixed_phrase(lex, tn) and sub.label[:1] in "بل":
                        sub.label = sub.label[1:]  # لمركز الأبحاث → مركز الأبحاث
                    return sub
            if hs + 1 <= e and toks[hs + 1].startswith(("اعلامي", "صحفي", "صحافي", "الاعلامي", "الصحفي")):
                typ = "unnamed_group"
        agr = h.agr
    else:
        if mentions and mentions[0].start == hs and mentions[0].match_kind == "nisba" and mentions[0].actor_type != "person":
            # "داعشي ألماني" — a person (or people) described by affiliation, not the group speaking
            mentions = [m for m in mentions if m.actor_type == "person"]
        first = mentions[0] if mentions and mentions[0].start <= hs + 3 else None
        person = next((m for m in mentions if m.actor_type == "person"), None)
        if first is not None and first.start <= hs + 1:
            speaker = first
        elif person is not None:
            speaker = person
        else:
            speaker = first
        typ = source_type_of_mention(speaker.actor_type, speaker.subtype) if speaker is not None else "named_person"
        head_tok = toks[hs]
        if speaker is None and head_tok.endswith("ون") and len(head_tok) >= (6 if head_tok.startswith("ال") else 7):
            typ = "unnamed_group"  # المعتصمون، المتظاهرون، المشاركون: people, not named
        if typ == "unnamed_group":
            agr = "mp"
        elif verb_gender:
            agr = verb_gender + "s"
        elif head_tok.endswith("ه") and typ != "named_person":
            agr = "fs"
        else:
            agr = "ms"
    if (h is not None and typ == "named_person" and speaker is None and not _definite(toks[hs]) and hs < e
            and h.head not in _NAME_PARTICLES and len(toks[hs]) >= 3
            and not (hs > 0 and (hp := lex.head(toks[hs - 1])) is not None and hp.type == "document")
            and all(_unnamed_adjective(lex, toks[x], feminine=toks[hs].endswith("ه")) and (x not in f.mention_at or f.mention_at[x].match_kind == "nisba")
                    for x in range(hs + 1, e + 1))):
        typ = "anonymous"  # وزير سوري، مسؤول كبير: a title with no name and nothing that points to one person
    if typ == "unnamed_group" and h is not None and (speaker is not None and speaker.actor_type == "person" or any(
            (m.actor_type == "person") for m in mentions) or any(
            (hx := lex.head(toks[x])) is not None and hx.type == "named_person" and _definite(toks[x]) for x in range(hs + 1, e + 1))):
        typ = "named_person"  # المحللان السياسيان الدكتور عبدالله القباع و…: the group is named
    if verb_gender and h is not None and h.agr in ("ms", "fs") and typ in ("named_person",):
        agr = verb_gender + "s"
    if _coordinated(f, s, e):
        agr = "mp"
    ts, te = (s + 1, e - 1) if toks[s] in QUOTE_MARKS and f.name_open.get(s) == e and e - s >= 2 else (s, e)
    src = _Source(s, e, typ, agr, h.head if h else None,
                  speaker.label_ar if speaker is not None else None,
                  speaker.label_en if speaker is not None else None,
                  speaker.actor_id if speaker is not None else None)
    src.orig = f.orig_span(ts, te)
    src.surface = f.text[src.orig[0] : src.orig[1]]
    if src.label is None:
        src.label = _clean_label(src.surface)
    return src


def _prefixed_phrase(lex: Lexicon, t: str) -> bool:
    """A ب/ل token that opens a prepositional phrase (بجامعة، للاتحاد، بمحافظة) rather than a name that starts
    with the letter (باريك، بشار، لندن)."""
    rest = t[1:]
    return rest.startswith("ال") or t.startswith("لل") or lex.head(rest) is not None or lex.word_class(rest) in ("place", "object_noun") \
        or rest in ("اسم",)


def _definite_chain_broken(toks: list[str], s: int, j: int) -> bool:
    """Some token between the head and j is not definite (a name or a quoted name already interrupted the
    chain of definite adjectives), so j may belong to it."""
    return any(not _definite(toks[x]) for x in range(s + 1, j))


def _after_title(lex: Lexicon, prev: str) -> bool:
    h = lex.head(prev)
    return h is not None and h.type == "named_person"


def _head_exact(lex: Lexicon, t: str) -> bool:
    """t is itself a source head (لجنة، لواء), not a head behind a ل/ب proclitic."""
    return t in lex.heads or (t.startswith("ال") and t[2:] in lex.heads)


def _definite(t: str) -> bool:
    u = t[1:] if len(t) > 4 and t[0] in "وفبل" else t
    return u.startswith("ال") and len(u) > 2  # (آل, normalised ال, is a name particle)


def _coordinated(f: _Field, s: int, e: int) -> bool:
    for x in range(s + 1, e + 1):
        t = f.toks[x]
        if t[0] == "و" and len(t) > 3:
            u = f.lex.head(t[1:])
            if (u is not None and u.type == "named_person") or (x in f.mention_at and f.mention_at[x].actor_type == "person"):
                return True
    return False


def _unnamed_adjective(lex: Lexicon, t: str, *, feminine: bool = False) -> bool:
    """An indefinite adjective that agrees with an unnamed title holder (وزير سوري، مسؤول حكومي، قائد كبير،
    خبيرة تونسية); a word that does not agree is a name (العماد مغنية)."""
    return t[:1].isalpha() and not _definite(t) and (
        t in lex.sets["unnamed_adjective"] or (len(t) >= 4 and t.endswith("يه" if feminine else "ي")))


#: heads that start a name rather than a title (أبو بكر، بن دليم، آل حزام)
_NAME_PARTICLES = frozenset(("ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ال", "ام", "عبد"))

_LABEL_STRIP_RE = re.compile('[“”«»"„]')


def _clean_label(surface: str) -> str:
    s = _LABEL_STRIP_RE.sub("", surface)
    s = re.sub(r"\s+", " ", s).strip()
    if len(s) > 3 and s[0] in "وفبل" and s[1:3] in ("ال", "لل"):
        s = s[1:]
    if s.startswith("لل"):
        s = "ال" + s[2:]
    return s


def _refine(f: _Field, src: _Source, cf: CueForm | None, antecedents: list[_Source], k: int) -> _Source | None:
    """Resolve a definite head that refers back (الوكالة، الوكالة ذاتها، التقرير) to its antecedent."""
    toks, lex = f.toks, f.lex
    hs = src.s + 1 if toks[src.s] in QUOTE_MARKS else src.s
    h = lex.head(toks[hs])
    if h is None or not h.back:
        return src
    bare = toks[hs]
    bare = bare[1:] if bare[0] in "وفبل" and len(bare) > 4 and bare[1:3] in ("ال", "لل") else bare
    if not bare.startswith(("ال", "لل")):
        return src
    if any(lex.word_class(toks[x]) not in ("modifier",) for x in range(hs + 1, src.e + 1)):
        return src
    if h.type == "document":
        ante = next((a for a in reversed(antecedents) if a.type in ("official_body", "news_agency", "media_outlet", "document")), None)
        if ante is None:
            ante = _scan_back(f, k, lambda hh: hh.type in ("media_outlet", "news_agency"))
        if ante is None:
            ante = _scan_back(f, k, lambda hh: hh.type == "official_body")
    elif h.type == "named_person":
        ante = next((a for a in reversed(antecedents) if a.head == h.head), None)
    else:
        ante = next((a for a in reversed(antecedents) if a.head == h.head or (h.type in ("news_agency", "media_outlet") and a.type == h.type)), None)
        if ante is None:
            ante = _scan_back(f, src.s, lambda hh: hh.head == h.head and hh is not None)
    if ante is None:
        return src
    out = _Source(ante.s, ante.e, ante.type, ante.agr, ante.head, ante.label, ante.label_en, ante.actor_id, ante.orig, ante.surface)
    out._anaphoric = True  # type: ignore[attr-defined]
    out.local_e = src.e
    return out


def _scan_back(f: _Field, k: int, pred) -> _Source | None:
    """The nearest earlier noun phrase (not a source yet) whose head satisfies pred, e.g. "صحيفة الإندبندنت"."""
    toks, lex = f.toks, f.lex
    for x in range(k - 1, max(-1, k - 400), -1):
        t = toks[x]
        if not t[0].isalnum():
            continue
        h = lex.head(t)
        if h is not None and pred(h):
            u = t[1:] if t[0] in "وفبل" and len(t) > 4 else t
            nxt = toks[x + 1] if x + 1 < len(toks) else "."
            if u.startswith("ال") and not (x + 1 in f.mention_at or nxt in QUOTE_MARKS or nxt in OPEN_PAREN
                                          or (nxt[0].isalnum() and lex.word_class(nxt) is None)):
                continue  # a bare definite head is itself an anaphor
            src = _extend_np(f, x, len(toks), stop=min(len(toks), x + NP_MAX))
            if src is not None:
                return src
    return None


def _backward_np(f: _Field, k: int, *, title: bool, only_after_complementizer: bool = False) -> _Source | None:
    """The subject before a verb cue (subject-first order: مراقبون قالوا، أبو مازن يدعو)."""
    toks, lex = f.toks, f.lex
    c = k
    lo = f.sent_start(k)
    after_complementizer = False
    while c - 1 >= lo and k - (c - 1) <= 7:
        t = toks[c - 1]
        if t in CLAUSE_PUNCT or t in END_PUNCT or t in OPEN_PAREN or (c - 1) in f.cue_tokens or (
                t in QUOTE_MARKS and (c - 1) not in f.name_open and not any(b == c - 1 for b in f.name_open.values())):
            break
        if lex.word_class(t) == "complementizer":
            after_complementizer = True  # أن قاعة المزادات حثت …: a nested report
            break
        c -= 1
    if c >= k or (only_after_complementizer and not after_complementizer):
        return None
    while c < k - 1 and (lex.word_class(toks[c]) == "particle" or toks[c] in _SUBORDINATORS):
        c += 1  # لكن المرصد السوري قال …
    t0 = toks[c]
    cls = lex.word_class(t0)
    if cls in ("relative", "preposition", "complementizer", "negator", "adverb", "object_noun") or c in f.cue_tokens:
        return None
    if not (_is_speaker_start(f, c) or (t0[0] == "و" and len(t0) > 3 and lex.head(t0[1:]) is not None) or title
            or (after_complementizer and k - c <= 4)):
        return None
    return _extend_np(f, c, k, stop=k)


def _antecedent(antecedents: list[_Source], agr: str, *, f: _Field | None = None,
                within_sentences=None, strict: bool = False) -> _Source | None:
    """The nearest earlier source agreeing with ``agr`` (ms fs mp fp); non-human plurals agree as fs."""
    if not antecedents:
        return None
    gender, number = agr[0], agr[1]

    def ok(a: _Source) -> bool:
        if number == "p":
            return a.agr in ("mp", "fp") or (a.agr[1] == "p")
        return a.agr == agr

    cands = antecedents
    if within_sentences is not None and f is not None:
        start_tok, n = within_sentences
        i = bisect.bisect_right(f.sent_tok, start_tok) - 1
        lo = f.sent_tok[max(0, i - n + 1)]
        cands = [a for a in antecedents if a.s >= lo]
    for a in reversed(cands):
        if ok(a):
            return a
    if strict:
        return None
    for a in reversed(cands):
        if a.agr[0] == gender and (number == "p") == (a.agr[1] == "p"):
            return a
    for a in reversed(cands):
        if a.agr[0] == gender:
            return a
    return cands[-1] if cands else None


# --- prepositional cues and headline colons -------------------------------------------------------------


def _prep_row(f: _Field, k: int, cf: CueForm, antecedents: list[_Source], consumed: set[int]):
    toks, lex = f.toks, f.lex
    end = f.sent_end(k)
    last = k + cf.words - 1
    if cf.lemma == "نقلا" and last + 1 < end and toks[last + 1] == "عن":
        last += 1
    j = last + 1
    verb_form = None
    if cf.then_verb and j < end and toks[j] in ("ما", "لما") and j + 1 < end and (j + 1) in f.cue_tokens:
        verb_key = toks[j + 1]
        forms = lex.forms.get(verb_key)
        if forms and forms[0].tense in ("perf", "impf"):
            verb_form = forms[0]
            last = j + 1
            consumed.add(j + 1)
            j = last + 1
    elif cf.then_verb and j + 1 < end and toks[j] in ("ما", "لما") and toks[j + 1][0].isalpha() and lex.head(toks[j + 1]) is None:
        verb_form = CueForm(toks[j + 1], "speech", "perf")  # بحسب ما أظهرته خطة …: a verb outside the lexicon
        last = j + 1
        j = last + 1
    elif cf.then_verb and j < end and j in f.cue_tokens and cf.lemma in ("حسبما", "بحسبما"):
        forms = lex.forms.get(toks[j])
        if forms and forms[0].tense in ("perf", "impf"):
            verb_form = forms[0]
            last = j
            consumed.add(j)
            j = last + 1
    while j < end and (toks[j] in QUOTE_MARKS and j not in f.name_open or toks[j] == "ل"):
        j += 1
    if j >= end:
        return None
    t = toks[j]
    if verb_form is not None:
        if t[0] in "بل" and len(t) > 3 and _prefixed_phrase(lex, t):
            return None  # بحسب ما تبين للصندوق: "as it turned out for", not a report
        src = _forward_np(f, j, end, verb_form)
        if src is None:
            src = _antecedent(antecedents, _agr_of(verb_form))
            if src is None:
                return None
            return _emit(f, k, last, src, anaphoric=True, content_from=None, prep=True)
    else:
        # the object must be speaker-like: a source head, an actor, a quoted name, a name with a title
        # (بحسب جان شارل بريزار الخبير في …), or the speaker's own words (بحسب تعبيره، وفقا لقوله)
        tt = t[1:] if t.startswith("ل") and not t.startswith("ال") and len(t) > 3 else t
        if cf.lemma in ("جاء في", "ورد في"):  # وجاء في البيان: only a text says something "in" it
            ht = lex.head(tt)
            if ht is None or ht.type not in ("document", "media_outlet", "news_agency"):
                return None
        pron = _SPEECH_NOUN_RE.match(tt)
        if pron:
            src = _antecedent(antecedents, {"ه": "ms", "ها": "fs", "هم": "mp", "هما": "mp"}[pron.group(2)], f=f)
            return _emit(f, k, j, src, anaphoric=True, content_from=None, prep=True)
        if not (_is_speaker_start(f, j) or lex.head(tt) is not None):
            src = _extend_np(f, j, end) if t[0].isalpha() and lex.word_class(t) is None else None
            if src is None or not any((hx := lex.head(toks[x])) is not None and hx.type == "named_person"
                                      for x in range(src.s, src.e + 1)):
                return None
        else:
            src = _extend_np(f, j, end)
        if src is None:
            return None
        if src.actor_id is None and t[0] == "ل" and len(t) > 3 and not t.startswith(("ال", "لل")) and not _head_exact(lex, t) \
                and src.label.startswith("ل"):
            src.label = src.label[1:]  # وفقا لوكالة رويترز → وكالة رويترز
    src = _refine(f, src, None, antecedents, k)
    anaphoric = getattr(src, "_anaphoric", False)
    if not anaphoric:
        antecedents.append(src)
    return _emit(f, k, last, src, anaphoric=anaphoric, content_from=None, prep=True)


def _colon_candidates(f: _Field, *, title: bool, footer_tok: int | None) -> list[int]:
    """Token indices of colons that may end a headline speaker ("X: …") at a sentence start."""
    out = []
    if ":" not in f.norm:
        return out
    starts = [0] if title else list(f.sent_tok)
    if footer_tok is not None and footer_tok not in starts:
        starts.append(footer_tok)
    for s in starts:
        if s in f.cue_tokens:
            continue
        for x in range(s + 1, min(len(f.toks), s + 8)):
            t = f.toks[x]
            if t == ":":
                out.append(x)
                break
            if t in END_PUNCT or t in CLAUSE_PUNCT or x in f.cue_tokens:
                break
    return out


def _colon_row(f: _Field, c: int, antecedents: list[_Source]):
    toks, lex = f.toks, f.lex
    s = f.sent_start(c)
    # the Al-Weeam footer: the speaker starts after "… الوئام:"
    for x in range(c - 1, s - 1, -1):
        if toks[x] == ":":
            s = x + 1
            break
    e = c - 1
    interview = False
    for x in range(s + 1, c):  # "القباع والسعيد لـ عكاظ:" — an interview
        if toks[x] == "ل" or (toks[x].startswith("ل") and not toks[x].startswith("ال") and x == c - 1):
            e = x - 1
            interview = True
            break
    if e < s or e - s > 5:
        return None
    if any(lex.word_class(toks[x]) in ("preposition", "complementizer") for x in range(s, e + 1)):
        return None
    after = toks[c + 1 : min(len(toks), c + 10)]
    first_person = any(t in FIRST_PERSON or (len(t) > 3 and t.endswith("نا") and t[-3] != "ا") for t in after) or (c + 1) in f.speech_open
    h = lex.head(toks[s])
    m = f.mention_at.get(s)
    personish = (h is not None and h.type == "named_person") or (m is not None and m.actor_type == "person")
    bodyish = (h is not None and h.type in ("official_body", "news_agency", "media_outlet", "anonymous")) or (
        m is not None and m.actor_type in ("organization", "group", "media", "country"))
    if not (interview or personish or (bodyish and first_person)
            or (first_person and e - s <= 1 and h is None and m is None and f.title)):
        return None
    src = _classify(f, s, e)
    if interview and src.agr != "mp" and any(toks[x][0] == "و" and len(toks[x]) > 3 for x in range(s + 1, e + 1)):
        src.agr = "mp"
    antecedents.append(src)
    row = _emit(f, c, c, src, anaphoric=False, content_from=c + 1)
    row["mode"] = "direct"
    return row


# --- rows -------------------------------------------------------------------------------------------------


def _emit(f: _Field, k: int, last: int, src: _Source | None, *, anaphoric: bool, content_from: int | None,
          prep: bool = False) -> dict:
    cue_s, cue_e = f.orig_span(k, last)
    if src is None:
        s_surface, s_start, s_end = f.text[cue_s:cue_e], cue_s, cue_e
        label = label_en = actor = None
        typ = "named_person"
    else:
        s_start, s_end = src.orig
        s_surface = src.surface
        label, label_en, actor, typ = src.label, src.label_en, src.actor_id, src.type
    content, mode = _content(f, k, last, src, content_from=content_from, prep=prep)
    return {
        "cue": f.text[cue_s:cue_e],
        "cue_start": cue_s,
        "cue_end": cue_e,
        "source_surface": s_surface,
        "source_start": s_start,
        "source_end": s_end,
        "source_label": label,
        "source_label_en": label_en,
        "source_actor_id": actor,
        "source_type": typ,
        "mode": mode,
        "content_start": content[0] if content else None,
        "content_end": content[1] if content else None,
        "is_anaphoric": bool(anaphoric),
    }


_SAYING = frozenset(("قائلا", "قائله", "بالقول", "بقوله", "بقولها", "بقولهم"))
_RESUMPTIVE = frozenset(("عنها", "عنه", "عنهم"))
_PRONOUN_COMPLEMENTIZERS = frozenset(("انه", "انها", "انهم", "بانه", "بانها", "بانهم"))


def _content(f: _Field, k: int, last: int, src: _Source | None, *, content_from: int | None, prep: bool):
    """The reported content's original span and the mode (direct when it is a quote or follows a colon)."""
    toks, lex = f.toks, f.lex
    end = f.sent_end(k)
    if prep:
        s0 = f.sent_start(k)
        src_end = src.local_e if src is not None and src.local_e is not None else (src.e if src is not None and src.s > k else last)
        after = toks[src_end + 1] if src_end + 1 < end else "."
        if k > s0 and (after in CLAUSE_PUNCT or after in END_PUNCT or src_end + 1 >= end):
            # … وفق الوكالة ذاتها: the content is the text before the cue
            a, b = s0, k - 1
            while b > a and not toks[b][0].isalnum() and toks[b] not in QUOTE_MARKS:
                b -= 1
            return f.orig_span(a, b), "indirect"
        j = (src.e + 1) if src is not None and src.s > k else last + 1
        while j < end and (toks[j] in CLAUSE_PUNCT or toks[j] in ("فان", "فانه", "فانها", "ان")):
            j += 1
        if j >= end:
            return None, "indirect"
        if j in f.speech_open:
            b = f.speech_open[j]
            return f.orig_span(j + 1, b - 1) if b - 1 > j else None, "direct"
        return f.orig_span(j, _clause_end(f, j, end)), "indirect"
    j = content_from if content_from is not None else last + 1
    # a resumptive pronoun (أعلنت عنها): the content is the noun phrase before the cue
    if not _RESUMPTIVE.isdisjoint(toks[last + 1 : min(end, last + 3)]):
        s0 = f.sent_start(k)
        boundary = max([x for x in range(s0, k) if toks[x] in CLAUSE_PUNCT] + [s0 - 1])
        if boundary + 1 < k:
            return f.orig_span(boundary + 1, k - 1), "indirect"
    colon = False
    pron = False
    while j < end:
        t = toks[j]
        cls = lex.word_class(t)
        if t == ":":
            colon = True
        elif cls == "complementizer":
            pron = pron or t in _PRONOUN_COMPLEMENTIZERS
        elif t in COMPLEMENT_PREPS or t in _SAYING or cls == "adverb" or t in CLAUSE_PUNCT:
            pass
        else:
            break
        j += 1
    if j >= end:
        return None, "direct" if colon else "indirect"
    if j in f.speech_open:
        b = f.speech_open[j]
        first = toks[j + 1] if j + 1 < b else ""
        direct = not (pron and first[:1] in ("ي", "ت"))
        return (f.orig_span(j + 1, b - 1) if b - 1 > j else None), ("direct" if direct else "indirect")
    if colon:
        nxt = toks[j]
        return f.orig_span(j, _clause_end(f, j, end, stop_at_cue=False)), ("indirect" if nxt in _PRONOUN_COMPLEMENTIZERS else "direct")
    return f.orig_span(j, _clause_end(f, j, end)), "indirect"


def _clause_end(f: _Field, j: int, end: int, *, stop_at_cue: bool = True) -> int:
    """The last token of the content that starts at token j: the sentence end, or (stop_at_cue) a comma
    that comes right before another cue; a quotation is skipped whole. The stops and quotes are found
    by bisection in sorted lists (``_Field.breaks``, ``_Field.opens``) rather than token by token."""
    toks = f.toks
    if f.breaks is None:
        f.breaks = sorted(x - 1 for x in f.cue_tokens if x > 0 and toks[x - 1] in CLAUSE_PUNCT)
        f.opens = sorted(f.speech_open)
    breaks = f.breaks if stop_at_cue else ()
    opens = f.opens
    x = j
    while True:
        bi = bisect.bisect_left(breaks, x)
        bx = breaks[bi] if bi < len(breaks) else end
        qi = bisect.bisect_left(opens, x + 1)
        q = opens[qi] if qi < len(opens) else end
        if bx + 1 >= end and q >= end:  # nothing more before the sentence end
            x = max(x, end - 1)
            break
        if bx <= q - 1 and bx + 1 < end:
            x = bx  # a comma before the next cue
            break
        # a quotation opens at q: skip it whole when it closes in the sentence, else go on after its mark
        b_ = f.speech_open[q]
        x = b_ if b_ < end else q
    while x > j and not toks[x][0].isalnum() and toks[x] not in QUOTE_MARKS and toks[x] not in CLOSE_PAREN:
        x -= 1
    return x
