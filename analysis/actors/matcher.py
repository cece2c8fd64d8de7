"""Actor mentions in articles: one Aho-Corasick automaton over normalised text, context rules, discovery.

How a field is matched (see analysis/resources/actors_rules/README.md for the rules and their measured effect):

1. The text is normalised (``normalize_for_matching``: no diacritics, أإآ→ا, ى→ي, ة→ه) and every character
   that is not a letter or digit becomes a space, so the string keeps its length and offsets map back.
2. One automaton holds every codebook form, padded with a space on each side and preceded by every
   allowed proclitic combination (و ف ب ل ك, the article ال, ل+ال = لل). A hit is therefore always a whole
   token (clitics included): the span rule holds by construction.
3. Overlapping hits: the longest wins (وزارة الخارجية السعودية, not also السعودية).
4. Context rules: ambiguous forms (الأسد) need a person/place context or an earlier unambiguous mention;
   titles from offices.csv resolve only inside the term (bare Saudi titles such as وزير التعليم only in a field that
   names no other country: home_titles.tsv; bare رئيس الوزراء by the one country the field names:
   country_titles.tsv; ونائبه after the king = the crown prince); capitals become metonyms (their country) in
   political contexts; nisba forms map to their country; a nisba inside a role phrase followed by a name
   is dropped (CONVENTIONS D5).
5. Discovery (``discover=True``): names after given names, titles, reporting verbs and inside quotes,
   names from the ANERcorp-train gazetteer, and surnames of persons named earlier in the field.
6. References within an article (``discover=True``, ``analysis.actors.references``): an article's title and text
   are matched in one batch and linked together (headline short forms, short forms before the full name in a
   name context, former office holders) before offsets are mapped back to the original text.

This module runs the passes over one field (``_match_prepared``: steps 3–5) and builds the table for a batch of
articles (``extract_mentions``; the taggers' names: ``_add_tagger_mentions``). The passes live in modules of their
own, each importing only from those before it (``tests/test_actors_modules.py``): ``fields`` (the automaton, the
normalised field ``_Field``, the mention record ``_M``: steps 1–2), ``head_nouns`` (organisations and places after head
nouns, in lists and chains; the sport context), ``persons`` (person names and their short forms: step 5),
``ambiguous`` (the rules of ambiguous forms: step 4), ``resolve`` (metonymy, nisba, titles, ministries, role phrases:
step 4). The second passes are ``names`` (persons), ``teams`` (organisations, clubs) and ``references`` (step 6).
"""
from __future__ import annotations

import bisect
import re
from functools import partial
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.actors.ambiguous import (
    _NOT_BETWEEN,
    _ambiguous_ok,
    _AmbiguousContext,
    _place_context,
    _places_after_heads,
    word_between,
)
from analysis.actors.codebook import Codebook, load_codebook
from analysis.actors.fields import (
    _BATCH,
    _GIVEN,
    _M,
    _TITLE_WORD,
    TRIGGERS,
    _batch_fields,
    _by_start,
    _codebook_full_names,
    _Entry,
    _Field,
    _holder,
    _longest_first,
    _market_hits,
    _Matcher,
    _title_then_variant,
    get_matcher,
)
from analysis.actors.head_nouns import (
    _bracketed_places,
    _bracketed_short_names,
    _coordinated_names,
    _coordinated_places,
    _discover_named_heads,
    _items_between_items,
    _listed_places,
    _located_places,
    _new,
    _numbered_units,
    _persons_ending_lists,
    _quoted,
    _repeat_discovered_names,
    _repeat_person_names,
    _sports_field,
    _trailing_places,
    _tribes,
)
from analysis.actors.names import (
    refine_persons,
)
from analysis.actors.persons import (
    _discover,
    _link_short_forms,
    _linkable_persons,
    _relabel_short_speakers,
    _short_forms,
    al_family_speakers,
    list_gaps,
    tagged_short_forms,
    word_in_context,
)
from analysis.actors.references import _next_word, link_references
from analysis.actors.resolve import (
    _INNER_TYPES,
    _capitals_by_context,
    _country_titles,
    _deputy_of_king,
    _drop_first_name_persons,
    _drop_name_part_nisbas,
    _dual_ministries,
    _envoy_titles,
    _korean_halves,
    _legitimate_government,
    _ministry_lists,
    _ministry_short_forms,
    _own_nisba_after_org,
    _postprocess,
    _prophet_with_blessing,
    _resolve_capitals_and_nisba,
)
from analysis.actors.rules import (
    CLITIC_RE,
    Rules,
    load_rules,
    norm_word,
)
from analysis.actors.teams import refine_organizations
from analysis.normalize import (
    CACHED_FIELDS,
    FORMAT_SET,
    remember_normalized,
    split_sentences_cached,
    trim_format_end,
)
from analysis.schema import MENTIONS, conform


#: the words around a day and month that make it a date (الموافق 6 أكتوبر، إلى 6 أكتوبر المقبل)
_DATE_BEFORE = frozenset(norm_word(w) for w in ["الموافق", "إلى", "حتى", "من", "يوم"])
_DATE_AFTER = frozenset(norm_word(w) for w in ["المقبل", "المقبلين", "المقبلة", "القادم", "الماضي", "الجاري", "الحالي",
                                               "المنصرم", "الفائت", "السابق"])


def _date_like(f: _Field, s: int, e: int) -> bool:
    """The day and month at ``[s, e)`` (a place's name, as ``6 أكتوبر`` the Egyptian city) read as a date: a year or
    a time word follows (2014م، المقبل), or a date word or a range comes before (الموافق، إلى، 2 –)."""
    i, j = f.tok_index(s), f.tok_index(e - 1) + 1
    if j < len(f.starts) and (f.word(j).rstrip("مه").isdigit() or f.word(j) in _DATE_AFTER):
        return True
    return i > 0 and (f.word(i - 1) in _DATE_BEFORE or f.word(i - 1).isdigit() or "-" in f.x[f.ends[i - 1] : s]
                      or "–" in f.x[f.ends[i - 1] : s])


def _match_prepared(f: _Field, raw_hits: np.ndarray, m: _Matcher, rules: Rules, day, *, discover: bool,
                    to_original: bool = True) -> list[_M]:
    """The mentions of one field; offsets in the original text (``to_original=False``: still in ``f.x``)."""
    hits_actor, hits_amb, triggers, heads, learned = [], [], [], [], []  # heads: org/place head nouns (_discover_named_heads)
    entries, media_alt_ix, x, given = m.entries, m.media_alt_ix, f.x, rules.given_names  # read once: one lookup per hit
    for s, e, ix, plen in zip(*raw_hits.T.tolist()):  # four lists, not one list per hit
        ent = entries[ix]
        if ix in media_alt_ix and e - s > 2:
            alt = m.media_alt.get(" " + x[s:e] + " ")
            if alt is not None and _quoted(f, s, e):
                ent = entries[alt]
        kind = ent.kind
        if kind in TRIGGERS:
            (heads if kind == "head" else triggers).append((s, e, plen, ent))
            continue
        if kind == "learned":  # taken after discovery, where it found nothing (a cue there reads the name better)
            learned.append((s, e, plen, ent))
            continue
        if kind == "title":
            holder = _holder(m.offices.get(ent.name, ()), day)
            if holder is None:
                continue
            ent = _Entry(holder, "title", None)
        if kind == "gazetteer" and x[s + plen].isdigit() and _date_like(f, s, e):
            continue  # الموافق 6 أكتوبر 2014م، من 2 إلى 6 أكتوبر المقبل: a date, not the Egyptian city (51st session)
        (hits_amb if ent.ambiguous else hits_actor).append((s, e, plen, ent))
        if (kind == "name" or kind == "alias") and discover and x[s + plen : e] in given and " " not in x[s:e]:
            triggers.append((s, e, plen, _GIVEN))  # صالح is Saleh, or the first name of صالح الحربي
        if ent.ambiguous == "club" and discover and "ال" + x[s + plen : e] in rules.titles:
            triggers.append((s, e, plen, _TITLE_WORD))  # الرائد: the club, or the rank before a name
    if hits_amb and rules.market_context:
        hits_amb = _market_hits(f, hits_amb, hits_actor, rules)
    occ = bytearray(len(f.x) + 1)
    out: list[_M] = []

    info = m.info

    def take(hits, check=None):
        for s, e, plen, ent in sorted(hits, key=_longest_first):
            if 1 in occ[s:e]:
                continue
            if check is not None and not check(s, e, plen, ent):
                continue
            occ[s:e] = b"\x01" * (e - s)
            aid = ent.actor_id
            if aid is None:
                out.append(_M(s, e, plen, "discovered:" + ent.name.replace(" ", "_"), "discovered", ent.gaz_type, ent.name, ent))
            else:
                out.append(_M(s, e, plen, aid, ent.kind, info[aid][2], None, ent))

    take(hits_actor)
    if any(o.kind == "title" for o in out):
        # an office phrase (الأمين العام لأوبك، أمير منطقة الرياض) keeps the organisation or place named inside it,
        # in case the phrase is dropped as a role phrase before the holder's name (CONVENTIONS D5: both count); an
        # ambiguous one too, which the office phrase is context enough for (سلطان عمان، المكتب السياسي لحماس)
        orgs = [(s, e, plen, ent, m.info[ent.actor_id][2]) for s, e, plen, ent in hits_actor + hits_amb
                if ent.kind in ("name", "alias") and ent.actor_id is not None
                and m.info[ent.actor_id][2] in _INNER_TYPES]
        for o in out:
            if o.kind == "title":
                # (not a form at the phrase's first word: its head, الزعيم in الزعيم الأعلى الإيراني, no club)
                inner = [(s, e, plen, ent, typ) for s, e, plen, ent, typ in orgs if o.s <= s and e <= o.e and (s, e) != (o.s, o.e)
                         and f.tok_index(s) != f.tok_index(o.s)]
                o.inner = [_M(s, e, plen, ent.actor_id, ent.kind, typ) for s, e, plen, ent, typ in inner
                           if not any(a <= s and e <= b and (a, b) != (s, e) for a, b, *_ in inner)  # longest wins
                           and not f.x[o.s : s].endswith("خادم ")]  # خادم الحرمين الشريفين: an honorific, no place
    if hits_amb:
        ctx = _AmbiguousContext(f, m, rules, out, frozenset(h[0] for h in hits_amb if h[3].ambiguous == "club"))
        ok = partial(_ambiguous_ok, ctx)  # (a C-level wrapper: one Python frame per hit, not two)
        take(hits_amb, ok)
        if ctx.sport:  # a club taken late licenses the one joined to it by و (مثل الفيحاء والاتحاد): once more
            take([h for h in hits_amb if h[3].ambiguous == "club"], ok)
        for s, e in ctx.idioms:  # جوز الهند، النيل من: no pass after this one finds a name there
            occ[s:e] = b"\x01" * (e - s)
        if discover:
            _places_after_heads(f, hits_amb, out, occ, m, rules)
    out.sort(key=_by_start)
    out = _drop_first_name_persons(f, out, occ, rules, m)
    _resolve_capitals_and_nisba(f, out, m, rules)
    out = _drop_name_part_nisbas(f, out, occ, rules)
    if discover:
        if heads:
            out = _discover_named_heads(f, out, occ, heads, m, rules)
        out = _discover(f, out, occ, triggers, m, rules)
        if learned:
            take(learned, lambda s, e, plen, ent: ent.ambiguous is None or _place_context(f, s, e, plen, out, rules))
            out.sort(key=_by_start)
        out = _coordinated_names(f, out, occ, rules)
        out = _coordinated_places(f, out, occ, rules)
        out = _located_places(f, out, occ, rules)
        out = _numbered_units(f, out, occ, rules)
        out = _tribes(f, out, occ, rules)
        if heads:
            out = _listed_places(f, out, occ, heads, rules)
            out = _bracketed_places(f, out, occ, heads, rules)
        first_pass = {id(o): o for o in out}  # (the mentions too: one refine_persons drops could free its id for a new one)
        out = refine_persons(f, out, occ, rules, _new)  # analysis/actors/names.py: rules N1-N15
        _codebook_full_names(out, m)
        out = _link_short_forms(f, out, occ, m, rules, persons=_linkable_persons(out, first_pass, rules))
        _relabel_short_speakers(f, out, m, rules)
        out = refine_organizations(f, out, occ, rules, _new)  # analysis/actors/teams.py: rules T1-T2
        out = _bracketed_short_names(f, out, occ, rules)
        out = _repeat_discovered_names(f, out, occ, rules)
        out = _repeat_person_names(f, out, occ, rules)
        out = _items_between_items(f, out, occ, rules)
        out = _persons_ending_lists(f, out, occ, rules)
        out = _trailing_places(f, out, occ, rules)
    out = _capitals_by_context(f, out, occ, m)
    out = _ministry_short_forms(f, out, occ, rules)
    out = _dual_ministries(f, out, occ, m)
    out = _ministry_lists(f, out, occ, m)
    out = _legitimate_government(f, out, occ, m)
    out = _own_nisba_after_org(f, out, m, rules)
    _korean_halves(f, out, occ, m)
    if m.country_titles and day is not None:
        out = _country_titles(f, out, occ, m, rules, day)
    if discover:
        out = _title_then_variant(f, out, occ, m)
    out = _deputy_of_king(f, out, m, day)  # before the D5 rules: ونائبه الأمير محمد بن نايف is the name's role phrase
    out = _prophet_with_blessing(f, out, m)
    out = _envoy_titles(f, out, occ, m)
    # إنه جواد كريم، حسن الظن، عمر المتقدم: idioms, no persons (not_person_phrases.txt); خيبة أمل، أشرف على: words in context
    # وهو مصر على: a codebook name that its neighbours make another word (ambiguous._NOT_BETWEEN)
    words = {id(o) for o in out if o.kind == "discovered" and o.typ == "person" and (
        o.label_ar in rules.not_person_phrases or word_in_context(f, o, rules))}
    if words:  # and the short forms linked to such a "name" (باسم الجهاد … الجهاد), unless it stands in full elsewhere
        gone = {o.actor_id: o.e - o.s for o in out if id(o) in words}
        full = {o.actor_id for o in out if id(o) not in words and o.e - o.s >= gone.get(o.actor_id, 1 << 30)}
        words |= {id(o) for o in out if o.actor_id in gone and o.actor_id not in full}
    out = [o for o in out if id(o) not in words and not (o.actor_id in _NOT_BETWEEN and word_between(f, o))]
    if discover:
        out = list_gaps(f, out, rules)
    out = _postprocess(f, out, rules, m)
    if to_original and f._orig_at is not None:  # else nothing was deleted: the offsets are the same
        _map_to_original(f, out)
    return out


def _map_to_original(f: _Field, out: list[_M]) -> None:
    """Mention offsets from the normalised to the original text, in place (``f.span_in_original`` inlined)."""
    at, base, n, text = f._orig_at, f._orig_base, len(f.norm), f.text
    total = len(text)
    for o in out:
        o.s = at[o.s] - base if o.s < n else total
        o.e = at[o.e] - base if o.e < n else total
        if text[o.e - 1] in FORMAT_SET:  # (a format character after the last letter: deleted, not a mark)
            o.e = trim_format_end(text, o.s, o.e)


# --- articles ----------------------------------------------------------------------------------


def _add_tagger_mentions(fields: list[_Field], mss: list[list[_M]], *, model=None,
                         margin: float | None = None, hits: list[np.ndarray] | None = None,
                         matcher: _Matcher | None = None) -> list[list[_M]]:
    """The tagger's names in a batch of fields (``mss``: the mentions of each field, offsets already in the original
    text): with the shipped model, its place and organisation names replace the rules' mentions they overlap (a
    rule mention with exactly the same span stays) and its person names are not used; in gap-filler mode (below),
    names where no mention is. The tagger's inputs (words, rule tags, gaps) of all fields are built
    at once and tagged in one pass (:func:`analysis.actors.tagger.tag_concat`); the result is that of
    :func:`_add_tagger_mentions_one` per field.

    model    the :class:`~analysis.actors.tagger.Perceptron` (default: the shipped ANERcorp model).
    margin   gap-filler mode (None: off): a name is added only where it overlaps no mention at all (the rules'
             discovered names included, and they are kept) and only when, at each of its tokens, the score of its
             tag exceeds the score of O by at least ``margin``; and never where the name is a codebook string
             (``hits``: the automaton's hits of each field, as :func:`_batch_fields` gives them, ending where the
             name ends and starting within its proclitics), which the rules saw and left out on purpose.
    matcher  gap-filler mode: the codebook's matcher; a person name of two words or more that the gap filler adds
             then gives its short forms as the rules' names do (thirty-sixth session: عاشور الحمادي … وأضاف
             الحمادي; ``_link_short_forms``, strict), after it in its field, where no mention is."""
    from analysis.actors.tagger import TYPE_OF, gap_feature, load_tagger, sure_margins, tag_concat

    lengths = [len(f.starts) for f in fields]
    n = sum(lengths)
    if not n:
        return mss
    # the words: the fields' x (word characters and spaces only) joined by spaces and split
    bigx = " ".join(f.x for f in fields)  # (the tagger's names are read back from it below)
    words = list(filter(None, bigx.split(" ")))
    if len(words) != n:  # cannot happen (tokens are the runs of word characters); the plain way if it did
        words = [f.x[a:b] for f in fields for a, b in zip(f.starts, f.ends)]
    first = np.cumsum(lengths) - lengths  # batch index of each field's first token
    # the gaps (tagger.gaps_of): the norm between a token and the one before, in the fields' norms joined by a
    # space; "_" for the common single space, read from the code points, the rest by tagger.gap_feature
    big = " ".join(f.norm for f in fields)
    base = np.cumsum([0] + [len(f.norm) + 1 for f in fields[:-1]])
    tok_base = np.repeat(base, lengths)
    st = np.fromiter(chain.from_iterable(f.starts for f in fields), dtype=np.int64, count=n) + tok_base
    en = np.fromiter(chain.from_iterable(f.ends for f in fields), dtype=np.int64, count=n) + tok_base
    cp = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    other = np.zeros(n, dtype=bool)
    other[1:] = (st[1:] - en[:-1] != 1) | (cp[en[:-1]] != 32)
    heads = first[np.asarray(lengths) > 0]
    other[heads] = False
    gaps = ["_"] * n
    odd = np.flatnonzero(other)
    for i, a, b in zip(odd.tolist(), en[odd - 1].tolist(), st[odd].tolist()):
        gaps[i] = gap_feature(big[a:b])  # (cached: few distinct texts between tokens, ، . «)
    for i in heads.tolist():
        gaps[i] = "^"
    # the rule tags, and each mention's span in the fields' norms joined (``big``)
    rt = ["O"] * n
    kind_type = {"nisba": "NIS", "title": "TIT"}
    bio = _RULE_TAGS  # type -> its B- and I- tags (the same str objects: the tagger hashes each once)
    m_at, m_end = [], []  # per mention of the batch, in field order
    for f, ms, t0, nt, b0 in zip(fields, mss, first.tolist(), lengths, base.tolist()):
        if not ms:
            continue
        # original -> normalised positions, all mentions at once (NormalizedText.index_in_norm, on the batch's
        # index: no NormalizedText per field)
        pos = [o.s for o in ms] + [o.e for o in ms]
        at = pos if f._orig_at is None else np.searchsorted(f._orig_at, np.array(pos) + f._orig_base).tolist()
        m_at += [a + b0 for a in at[: len(ms)]]
        m_end += [b + b0 for b in at[len(ms) :]]
        if not nt:
            continue
        tok_at = f._tok_at  # (f.tok_index without a call per mention)
        for o, a, b in zip(ms, at, at[len(ms) :]):
            if o.kind == "discovered":
                continue
            tag, inside = bio[kind_type.get(o.kind) or _COARSE.get(o.typ or "", "ORG")]
            for k in range(tok_at[a], tok_at[max(a, b - 1)] + 1):
                rt[t0 + (k if k >= 0 else k + nt)] = tag  # (k = -1, before the first token, is the last: rt[-1])
                tag = inside
    model = model or load_tagger()
    # (gap filler: with each token's integer margin over O, which decides most names without the reference)
    codes, marg = (tag_concat(model, words, lengths, rt, load_rules(), gaps, margins=True) if margin is not None
                   else (tag_concat(model, words, lengths, rt, load_rules(), gaps), None))
    codes = codes.astype(np.intp)
    # the tagger's names (tagger.spans_of over each field): runs of non-O tags of one type, each starting at a
    # B- tag, after a token with another tag or at a field's first token
    named = np.flatnonzero(codes)
    ent = (codes[named] + 1) // 2  # the entity type: 1 PERS, 2 LOC, 3 ORG (TAGS order)
    opens = np.ones(len(named), dtype=bool)
    opens[1:] = (np.diff(named) != 1) | (codes[named[1:]] % 2 == 1) | (ent[1:] != ent[:-1])
    opens |= np.isin(named, heads)
    span_first = named[opens]
    span_last = named[np.append(np.flatnonzero(opens)[1:] - 1, len(named) - 1)] if len(named) else named
    span_typ = ent[opens]
    # which of the tagger's names are added and which rule mentions they overlap and drop: coverage of the
    # characters by cumulative sums
    m_at, m_end = np.array(m_at, dtype=np.intp), np.array(m_end, dtype=np.intp)
    s_at, s_end = st[span_first], en[span_last]

    def covered(a: np.ndarray, b: np.ndarray) -> np.ndarray:  # prefix sums of "some span covers this character"
        d = np.zeros(len(big) + 1, dtype=np.intp)
        np.add.at(d, a, 1)
        np.add.at(d, b, -1)
        return np.concatenate(([0], np.cumsum(np.cumsum(d)[:-1] > 0)))

    if margin is None:
        # the tagger's place and organisation names take precedence over the rules' mentions they overlap, unless a
        # rule mention has exactly that span (it stays, with its actor id); its person names are not used (the
        # rules' person discovery scores better on held-out folds of ANERcorp's training split: README of
        # analysis/resources/tagger, thirteenth session)
        same = set(zip(m_at.tolist(), m_end.tolist()))
        add = (span_typ != 1) & np.fromiter(((a, b) not in same for a, b in zip(s_at.tolist(), s_end.tolist())),
                                            dtype=bool, count=len(s_at))
        occ = covered(s_at[add], s_end[add])
        drop = occ[m_end] - occ[m_at] > 0
    else:  # gap filler: untouched spans only, where the model is sure enough
        occ = covered(m_at, m_end)
        add = occ[s_end] - occ[s_at] == 0
        # a name's least margin over its tokens: the integer margins decide it unless it is within rounding of
        # ``margin`` (or the weights are not exact); then the reference's float scores (_span_margin)
        if marg is not None and len(named):
            sure, fails = sure_margins(np.minimum.reduceat(marg[named], np.flatnonzero(opens)), margin)
        else:
            sure = fails = np.zeros(len(span_first), dtype=bool)
        cand = np.flatnonzero(add)
        cand_field = (np.searchsorted(base, s_at[cand], side="right") - 1).tolist()
        for k, q in zip(cand.tolist(), cand_field):
            a, b = int(s_at[k]) - int(base[q]), int(s_end[k]) - int(base[q])  # (in the field's norm)
            h = hits[q] if hits else None  # the codebook strings of the field: (start, end) rows
            rows = h[(h[:, 1] == b) & (h[:, 0] >= a) & (h[:, 0] < a + 4)] if h is not None and len(h) else ()
            # (not a US party's nisba that its rule held back: حي الجمهوري is a district of Taiz)
            coded = any(matcher is None or matcher.entries[int(r[2])].ambiguous != "party_nisba" for r in rows)
            add[k] = not coded and (sure[k] or not fails[k] and _span_margin(
                model, words, rt, gaps, first, lengths, codes, int(span_first[k]), int(span_last[k])) >= margin)
            if add[k] and " " in bigx[s_at[k] : s_end[k]]:
                f = fields[q]
                orig = f.original(a, b)
                # (fifty-second session: no name runs over a comma, حزب معارض، المدني)
                add[k] = not _LIST_PUNCT.intersection(orig) and not (
                    span_typ[k] == 3 and _generic_phrase(bigx[s_at[k] : s_end[k]], orig, load_rules()))
        drop = np.zeros(len(m_at), dtype=bool)
    # back to the fields
    add_at, add_end, add_typ = s_at[add], s_end[add], span_typ[add]
    add_field = np.searchsorted(base, add_at, side="right") - 1
    add_cut = np.searchsorted(add_field, np.arange(len(fields) + 1)).tolist()
    m_cut = np.cumsum([0] + [len(ms) for ms in mss]).tolist()
    drop_l = drop.tolist()
    add_at, add_end, add_typ = add_at.tolist(), add_end.tolist(), add_typ.tolist()
    types = (None, TYPE_OF["PERS"], TYPE_OF["LOC"], TYPE_OF["ORG"])
    out = []
    for q, (f, ms, nt, b0) in enumerate(zip(fields, mss, lengths, base.tolist())):
        if not nt:
            out.append(ms)
            continue
        keep = [o for o, d in zip(ms, drop_l[m_cut[q] : m_cut[q + 1]]) if not d]
        added, named = [], []  # the added names' spans in the field's norm; its persons of two words or more
        for a, b, t in zip(add_at[add_cut[q] : add_cut[q + 1]], add_end[add_cut[q] : add_cut[q + 1]],
                           add_typ[add_cut[q] : add_cut[q + 1]]):
            nm = bigx[a:b]
            s0, e0 = f.span_in_original(a - b0, b - b0)
            mm = _M(s0, e0, 0, "discovered:" + nm.replace(" ", "_"), "discovered", types[t], nm)
            mm.entry = None
            mm.tagged = True
            keep.append(mm)
            added.append((a - b0, b - b0))
            if t == 1 and " " in nm:
                named.append((a - b0, b - b0, mm))
        if matcher is not None and named:
            spans = [(a - b0, b - b0) for a, b in zip(m_at[m_cut[q] : m_cut[q + 1]].tolist(),
                                                     m_end[m_cut[q] : m_cut[q + 1]].tolist())]
            keep += tagged_short_forms(f, named, spans + added, matcher, load_rules())
        out.append(sorted(keep, key=_by_start))
    return out


_RULE_TAGS = {t: ("B-" + t, "I-" + t) for t in ("PERS", "LOC", "ORG", "NIS", "TIT")}


#: Arabic punctuation that parts two names of a list: a tagged name holding it is two phrases (fifty-second session;
#: not the Latin comma, which Latin names hold: "Physiology-Regulatory, Integrative and Comparative Physiology").
_LIST_PUNCT = frozenset("،؛")
#: Adjectives of an unnamed body: the gap filler's two-word organisation ending in one is a common noun phrase.
_VAGUE_ADJECTIVES = frozenset(norm_word(w) for w in ["المعني", "المعنية", "المختص", "المختصة", "المذكور", "المذكورة",
                                                      "واحد", "واحدة", "آخر", "أخرى"])


def _generic_phrase(nm: str, orig: str, rules) -> bool:
    """Forty-sixth session: the gap filler's organisation ``nm`` (normalised; ``orig`` as written) is two words, an
    indefinite head and an indefinite adjective that the news also writes with the article (جمعية عمومية، مجلس بلدي،
    طيران دولية، منظمة إرهابية، حزب سياسي، وبنك تجاري): a common noun phrase, no name. Not an adjective in ى (a
    name: مصيف سلمى) nor a given name (وكالة عطية). Nor is a head with a vague adjective (``_VAGUE_ADJECTIVES``:
    والاتحاد المعني، ومعهد واحد). (Its places are left alone: ولاية يوبي، جبل حبشي are names.)"""
    ws = nm.split()
    if len(ws) != 2 or orig.endswith("ى"):
        return False
    h, a = ws
    if a in _VAGUE_ADJECTIVES:
        return True  # والاتحاد المعني، ومعهد واحد (fifty-second session)
    return (not CLITIC_RE.match(h).group().endswith(("ال", "لل")) and not a.startswith("ال")
            and a.endswith(("ي", "يه")) and len(a) >= 4 and a not in rules.given_names and a in rules.definite_stems)


def _span_margin(model, words: list[str], rt: list[str], gaps: list[str], first: np.ndarray, lengths: list[int],
                 codes: np.ndarray, i: int, j: int) -> float:
    """The least margin, over the tokens i..j (batch indices) of a tagged name, of its tag's score over O's (the
    reference scores, :meth:`~analysis.actors.tagger.Perceptron.scores`, after the tag decoded before it)."""
    from analysis.actors.tagger import TAGS, token_features

    q = int(np.searchsorted(first, i, side="right")) - 1
    a, b = int(first[q]), int(first[q]) + lengths[q]
    rules = load_rules()
    w, r, g = words[a:b], rt[a:b], gaps[a:b]
    least = float("inf")
    for k in range(i, j + 1):
        prev = TAGS[codes[k - 1]] if k > a else "O"
        sc = model.scores(token_features(w, k - a, r, rules, g, model.clusters), prev)
        least = min(least, sc[TAGS[codes[k]]] - sc["O"])
    return least


def _add_tagger_mentions_one(f: _Field, ms: list[_M]) -> list[_M]:
    """The tagger's place and organisation names over the rules' mentions (offsets of ``ms`` are already in the
    original text), one field at a time: the plain definition that :func:`_add_tagger_mentions` reproduces for a
    batch (kept for ``benchmarks/check_tagger.py`` and the tests)."""
    from analysis.actors.tagger import TYPE_OF, gaps_of, load_tagger, spans_from_tags, tag_words

    rules = load_rules()
    tokens = list(zip(f.starts, f.ends))
    words = [f.x[a:b] for a, b in tokens]
    if not words:
        return ms
    oi = f.nt.orig_index  # original -> normalised positions, all mentions at once (NormalizedText.index_in_norm)
    pos = [o.s for o in ms] + [o.e for o in ms]
    at = pos if oi is None else np.searchsorted(oi, pos).tolist()
    norm_spans = list(zip(at[: len(ms)], at[len(ms) :]))
    rt = ["O"] * len(words)
    for o, (a, b) in zip(ms, norm_spans):
        if o.kind == "discovered":
            continue
        typ = {"nisba": "NIS", "title": "TIT"}.get(o.kind, _COARSE.get(o.typ or "", "ORG"))
        first = True
        for k in range(f.tok_index(a), f.tok_index(max(a, b - 1)) + 1):
            rt[k] = ("B-" if first else "I-") + typ
            first = False
    tags = tag_words(load_tagger(), words, rt, rules, gaps_of(f.norm, tokens))
    added = []
    same = set(norm_spans)
    cover = bytearray(len(f.x) + 1)
    for i, j, typ in spans_from_tags(tags):
        a, b = f.starts[i], f.ends[j - 1]
        if typ == "PERS" or (a, b) in same:
            continue  # no person names; a rule mention with exactly this span stays
        cover[a:b] = b"\x01" * (b - a)
        nm = f.x[a:b]
        s0, e0 = f.nt.span_in_original(a, b)
        mm = _M(s0, e0, 0, "discovered:" + nm.replace(" ", "_"), "discovered", TYPE_OF[typ], nm)
        mm.entry = None
        mm.tagged = True
        added.append(mm)
    # the tagger's place and organisation names take precedence over the rules' mentions they overlap
    keep = [o for o, (a, b) in zip(ms, norm_spans) if 1 not in cover[a:b]]
    return sorted(keep + added, key=_by_start)


_COARSE = {"person": "PERS", "country": "LOC", "location": "LOC", "organization": "ORG", "media": "ORG", "group": "ORG"}


def _local_days(pubs: list, tzs: list) -> list:
    """Local calendar date of each publication time (UTC → the article's zone), None when unknown."""
    pub = pd.to_datetime(pd.Series(pubs, dtype=object), utc=True, errors="coerce")
    tz = pd.Series(tzs, dtype=object).where(pd.Series(tzs, dtype=object).notna(), "UTC")
    out = [None] * len(pub)
    for zone in pd.unique(tz):
        idx = np.flatnonzero((tz == zone).to_numpy())
        try:
            local = pub.iloc[idx].dt.tz_convert(zone)
        except (KeyError, ValueError, TypeError):  # an unknown zone name: UTC rather than a guess
            local = pub.iloc[idx]
        for i, d in zip(idx, local.dt.date.tolist()):
            out[i] = None if d is pd.NaT or d is None or (isinstance(d, float)) else d
    return out


def extract_mentions(articles: pd.DataFrame, *, codebook: Codebook | None = None, discover: bool = True,
                     tagger: bool | str = False, tagger_margin: float | None = None, learned: bool = True) -> pd.DataFrame:
    """Actor mentions in the title and text of every article.

    articles   a frame with the columns of ``analysis.schema.ARTICLES`` (at least article_id and text;
               title, published and timezone are used when present). Not modified.
    codebook   a :class:`Codebook` (default: ``load_codebook()``).
    discover   also emit names the codebook lacks (match_kind "discovered", actor_id "discovered:<name>").
    tagger     also run a statistical tagger (``analysis.actors.tagger``). Off here (the rules alone); the default
               configuration of ``extract`` (``analysis.config.Settings``) runs the gap filler,
               ``tagger=analysis.config.GAP_FILLER`` (trained on hand-annotated SaudiNewsNet articles; a gap filler
               by its metadata, see ``tagger_margin``). ``True``: the ANERcorp tagger (trained on ANERcorp train,
               ANERcorp's conventions): its place and organisation names replace the rules' mentions they overlap
               unless one has exactly their span (match_kind "discovered"); its person names are not used. The stage
               then costs about 1.5-1.9x its CPU without it (``benchmarks/check_tagger.py``). A string names another model
               (a file in ``analysis/resources/tagger/`` or a path, :func:`analysis.actors.tagger.load_tagger`);
               a model whose metadata has a ``gap_margin`` is a gap filler (see ``tagger_margin``).
    tagger_margin   gap-filler mode with this margin (default: the model's ``gap_margin``, none for the shipped
               ANERcorp model): the tagger's names are added only where no mention at all is (the rules'
               discovered names are kept) and where its score margin over O is at least this at every token.
    learned    with ``discover``: also find the names learned from SaudiNewsNet
               (``analysis/resources/actors/learned_names.csv``) where no cue is (match_kind "discovered", the id that
               discovery gives the name); ``scripts/build_learned_names.py`` turns it off to learn from the rules alone.
    Returns the mentions table (columns of ``analysis.schema.MENTIONS``), sorted by article, field (title
    first), start; ``article[field][start:end] == surface``.
    """
    cb = codebook if codebook is not None else load_codebook()
    tagger_opts = {}  # the shipped model: the plain call (the tests replace _add_tagger_mentions)
    if isinstance(tagger, str) or tagger_margin is not None:
        from analysis.actors.tagger import MODEL_FILE, load_tagger

        model = load_tagger(tagger if isinstance(tagger, str) else MODEL_FILE)
        tagger_opts = {"model": model, "margin": model.meta.get("gap_margin") if tagger_margin is None else tagger_margin}
    m = get_matcher(cb, discover=discover, learned=learned)
    rules = load_rules()
    recs: list[tuple] = []
    has = set(articles.columns)
    n = len(articles)
    ids = articles["article_id"].astype("string").tolist() if "article_id" in has else [str(i) for i in range(n)]
    texts = articles["text"].tolist() if "text" in has else [None] * n
    titles = articles["title"].tolist() if "title" in has else [None] * n
    pubs = articles["published"].tolist() if "published" in has else [None] * n
    tzs = articles["timezone"].tolist() if "timezone" in has else ["UTC"] * n
    days = _local_days(pubs, tzs) if m.offices else [None] * n
    todo = []  # (article_id, field, text, day)
    for aid, title, text, day in zip(ids, titles, texts, days):
        for fld, s in (("title", title), ("text", text)):
            if s is None or (not isinstance(s, str) and pd.isna(s)) or not s:
                continue
            todo.append((aid, fld, s, day))
    # the later stages of a chunk (timex, events, attributions) normalise the same fields: hand them this stage's
    # normalisation (when the chunk fits in the shared cache; else the fields would only evict each other)
    share = len(todo) <= CACHED_FIELDS
    info, metonym_of, bisect_right = m.info, m.metonym_of, bisect.bisect_right  # read once: one lookup per mention
    b0 = 0
    while b0 < len(todo):
        b1 = b0 + _BATCH
        if b1 < len(todo) and todo[b1][0] == todo[b1 - 1][0] and todo[b1 - 1][1] == "title" and todo[b1][1] == "text":
            b1 += 1  # an article's title and text in one batch: references link across them
        batch = todo[b0:b1]
        b0 = b1
        fields, hits = _batch_fields([t[2] for t in batch], m.automaton)
        if share:
            for f in fields:
                remember_normalized(f.nt)
        # a title's body (the next field, of the same article); the bodies first, for their titles read them
        body_of = {k: k + 1 for k in range(len(batch) - 1) if batch[k][1] == "title" and batch[k + 1][0] == batch[k][0]}
        order = sorted(range(len(batch)), key=lambda k: k in body_of)
        mss = [None] * len(batch)
        for k in order:
            if k in body_of:
                _body_context(fields[k], mss[body_of[k]])
            mss[k] = _match_prepared(fields[k], hits[k], m, rules, batch[k][3], discover=discover, to_original=False)
        if discover:
            mss = _link_articles(batch, fields, mss, m, rules)
            mss = [al_family_speakers(f, ms or [], rules) for f, ms in zip(fields, mss)]
        # a leader's first name without his context that the references did not link to someone else: no mention
        mss = [[o for o in ms if not o.weak or o.actor_id.startswith("discovered:")] if ms else ms for ms in mss]
        if rules.boilerplate:
            mss = [_drop_boilerplate(f, ms, rules.boilerplate) for f, ms in zip(fields, mss)]
        if _EGYPT_AHLY in info:
            for k in order:
                _egyptian_ahly(mss[k], info, mss[body_of[k]] if k in body_of else (), m.country_of or {})
        if _EMAAR_EC in info:
            for ms in mss:
                _saudi_emaar(ms, info, m.country_of or {})
        for k in order:
            _city_clubs(fields[k], mss[k], fields[body_of[k]] if k in body_of else None, info, rules)
        for f, ms in zip(fields, mss):
            if f._orig_at is not None and ms:  # else nothing was deleted: the offsets are the same
                _map_to_original(f, ms)
        if tagger:
            mss = _add_tagger_mentions(fields, mss, **tagger_opts, **({"hits": hits, "matcher": m} if tagger_opts else {}))
        for (aid, fld, s, day), ms in zip(batch, mss):
            if not ms:
                continue
            if "\u064b" in s:  # (a fathatan in the field: the accusative that ends no name, _accusative_cut)
                ms = _accusative_cut(s, ms, rules)
            sent_starts = [a for a, _ in split_sentences_cached(s)]  # shared with the timex and events stages
            for o in ms:
                aid_m = o.actor_id
                if aid_m.startswith("discovered:"):
                    lab, lab_en, typ = o.label_ar or aid_m[11:].replace("_", " "), None, o.typ or "person"
                    sub = "tagger" if o.tagged else None  # a name the tagger found (the default gap filler's)
                else:
                    if o.kind == "metonym":
                        aid_m = metonym_of[aid_m]
                    lab, lab_en, typ, sub = info[aid_m]
                recs.append((aid, fld, o.s, o.e, s[o.s : o.e], aid_m, lab, lab_en, typ, sub, o.kind,
                             max(0, bisect_right(sent_starts, o.s) - 1)))
    if not recs:
        return conform(pd.DataFrame(columns=list(MENTIONS)), "mentions")
    # one typed array per column (the records transposed): no object frame whose columns pandas converts one by one
    cols = {c: (np.array(v, dtype=np.int64) if t == "int64" else _string_array(v, t))
            for (c, t), v in zip(MENTIONS.items(), zip(*recs))}
    return conform(pd.DataFrame(cols), "mentions")


#: The tanween of the accusative (fathatan) at a word's end, before or after its alef (مستنكراً، متمتعًا), other marks
#: of the word's letters (a shadda) ignored.
_ACCUSATIVE_END = re.compile(r"(?:\u064b\u0627?|\u0627\u064b)[\u064c-\u0652]*$")
#: A word of the original text: a run of anything but spaces.
_TOKEN_RE = re.compile(r"\S+")


def _accusative_cut(text: str, ms: list[_M], rules) -> list[_M]:
    """A discovered name (the rules' or the gap filler's) ends before its first word in the accusative with tanween
    (عادل الكلباني مستنكراً، سعود تاركًا، فهد الكبيسي ابتهالاً: a circumstantial adjective or an adverb after the name,
    which the fully vowelled texts of SaudiNewsNet write so); a name whose first word is one (خامساً، عقالاً، فارساً
    "a knight") is none. A given name that the news never writes with the article keeps its tanween (وأن محمداً رسول
    الله; not فارس: الفارس). Forty-seventh session. Offsets in the field's original ``text``; the label and the id of
    a cut name are those of its words left."""
    out = []
    for o in ms:
        if o.kind != "discovered" or "\u064b" not in text[o.s : o.e]:
            out.append(o)
            continue
        toks = [(k.start(), k.end()) for k in _TOKEN_RE.finditer(text, o.s, o.e)]
        cut = next((i for i, (a, b) in enumerate(toks) if _ACCUSATIVE_END.search(text[a:b])), None)
        if cut is None:
            out.append(o)
            continue
        w = norm_word(text[toks[cut][0] : toks[cut][1]])  # (the normalisation deletes the tanween and other marks)
        w = w.removesuffix("ا")  # (محمداً → محمد)
        if w in rules.given_names and w not in rules.definite_stems:
            out.append(o)
            continue
        if cut == 0:
            continue
        words = (o.label_ar or o.actor_id[11:].replace("_", " ")).split(" ")
        if len(words) != len(toks):
            out.append(o)  # (a label of other words than the surface's: no cut that could misname it)
            continue
        o.e = toks[cut - 1][1]
        o.label_ar = " ".join(words[:cut])
        o.actor_id = "discovered:" + o.label_ar.replace(" ", "_")
        out.append(o)
    return out


def _body_context(title: _Field, body_mentions: list[_M]) -> None:
    """Give a title the actors its article's body names (``_Field.elsewhere``; not the body's ``weak`` mentions). A
    headline is too short for the context the rules of ambiguous forms look for near a word (النصر يعيد فابيان،
    «موهبة» تطلق …، الأسد يعترف …، هادي يعين …), so a form counts there when the body names its actor, as a form counts
    in a body that named its actor earlier."""
    title.elsewhere = frozenset(o.actor_id for o in body_mentions if not o.weak)


_SAUDI_AHLI, _EGYPT_AHLY = "org:al_ahli_saudi", "org:al_ahly_egypt"


def _switch_actor(ms: list[_M], picked: list[_M], evidence, to_id: str, body: list[_M] = ()) -> None:
    """Give the mentions ``picked`` (of the field's mentions ``ms``) the actor ``to_id`` (kind alias) when
    ``evidence(ms)``, a pair (for ``to_id``, against it), is for and not against; a field with no evidence either way
    decides by ``body`` (a title by its article's body). The default reading of a bare form is its codebook row's;
    the field's other actors may make it another (``_egyptian_ahly``, ``_saudi_emaar``)."""
    if not picked:
        return
    pro, con = evidence(ms)
    if not (pro or con) and body:
        pro, con = evidence(body)
    if pro and not con:
        for o in picked:
            o.actor_id, o.kind = to_id, "alias"


def _egyptian_ahly(ms: list[_M], info: dict, body: list[_M], country_of: dict) -> None:
    """The bare الأهلي is the Saudi club by default (these are Saudi news); in a field that names Egypt or an Egyptian
    club and no other Saudi club (داخل مصر سواء الأهلي أو الزمالك، مسؤولو الأهلي … الدوري المصري) it is Cairo's Al Ahly
    (its label is الأهلي المصري). A title that names neither decides by its ``body`` (after the body's own الأهلي was
    decided)."""
    _switch_actor(ms, [o for o in ms if o.actor_id == _SAUDI_AHLI and o.kind != "nisba"],
                  lambda x: _ahli_evidence(x, info, country_of), _EGYPT_AHLY, body)


_EMAAR, _EMAAR_EC = "org:emaar", "org:emaar_ec"
_EMIRATI_CUES = frozenset(("location:dubai", "country:ae"))


def _saudi_emaar(ms: list[_M], info: dict, country_of: dict) -> None:
    """Bare إعمار is Emaar Properties of Dubai (the codebook's row) unless the field lists Saudi companies and no
    Emirati one, nor Dubai, the Emirates or إعمار العقارية: then it is the Saudi market's Emaar The Economic City
    (forty-fourth session: أسهم شركات الإنماء وموبايلي وإعمار ودار الأركان; not سهم إعمار … دبي الإسلامي)."""
    if ms:
        _switch_actor(ms, [o for o in ms if o.actor_id == _EMAAR and o.kind == "name"],
                      lambda x: _emaar_evidence(x, info, country_of), _EMAAR_EC)


def _emaar_evidence(ms: list[_M], info: dict, country_of: dict) -> tuple[bool, bool]:
    """Whether the mentions name a Saudi company or bank, and whether they name an Emirati one, Dubai, the Emirates
    or إعمار العقارية (the Dubai company's own news)."""
    saudi = emirati = False
    for o in ms:
        if o.actor_id in _EMIRATI_CUES or o.actor_id == _EMAAR and o.kind != "name":
            emirati = True
            continue
        row = info.get(o.actor_id)
        if row is None or o.actor_id == _EMAAR or row[2] != "organization" or row[3] not in ("company", "bank"):
            continue
        c = country_of.get(o.actor_id)
        saudi |= c == "country:sa"
        emirati |= c == "country:ae"
    return saudi, emirati


def _ahli_evidence(ms: list[_M], info: dict, country_of: dict) -> tuple[bool, bool]:
    """Whether the mentions name Egypt or an Egyptian club (a club of the codebook whose country is Egypt), and
    whether they name another club (besides the Saudi Al-Ahli): then the field is not only about Egypt."""
    egypt = saudi = False
    for o in ms:
        row = info.get(o.actor_id)
        if row is None or o.actor_id == _SAUDI_AHLI:
            continue
        if o.actor_id == "country:eg" or row[3] == "club" and country_of.get(o.actor_id) == "country:eg":
            egypt = True
        elif row[3] == "club":
            saudi = True
    return egypt, saudi


#: Cities whose football club the sports pages name by the city alone (فاز برشلونة على روما، انتقل إلى ليفربول): the
#: city's row -> the club's. Not Madrid, Manchester or Milan (two clubs each; ميلان alone is the AC's row already).
_CITY_CLUBS = {"location:barcelona": "org:fc_barcelona", "location:rome": "org:roma",
               "location:liverpool": "org:liverpool_fc", "location:marseille": "org:olympique_marseille",
               "location:lyon": "org:olympique_lyon"}
#: Words before such a city that keep it the city, in a field about sport too: a city head, في (على ملعب الأولمبيكو في
#: روما، معسكر الفريق في برشلونة; also درب ميسي في برشلونة, the club, which stays the city), شوارع، ضواحي …
_CITY_CUES = frozenset(norm_word(w) for w in [
    "مدينة", "بمدينة", "لمدينة", "ومدينة", "محافظة", "لمحافظة", "بمحافظة", "إقليم", "مقاطعة", "ضواحي", "شوارع", "سكان",
    "أهالي", "مطار", "ميناء", "جامعة", "بلدية", "عمدة", "في", "فى", "وفي", "ففي"])


def _city_clubs(f: _Field, ms: list[_M] | None, body: _Field | None, info: dict, rules: Rules) -> None:
    """Forty-seventh session: in a field about sport (three words of sport, ``head_nouns._sports_field``; a title by its
    body), a city of ``_CITY_CLUBS`` named bare is its club (the read sets annotate برشلونة so 81 times of 85, ليفربول
    26 of 27; روما is Rome 22 times of 40, the club in the sports pages): not after a word of ``_CITY_CUES`` nor
    before a feminine nisba (برشلونة الإسبانية is the city; برشلونة الإسباني the club, a codebook form). Joined by و
    to a place it stays a club all the same (برشلونة وروما، تولوز ومرسيليا: clubs; over the corpus a test for it took
    back 23 clubs for 2 cities, مدن هامبورغ وباريس وروما bidding for the Olympics)."""
    if not ms:
        return
    picked = []
    for o in ms:
        if o.actor_id not in _CITY_CLUBS or o.kind not in ("name", "alias") or _CITY_CLUBS[o.actor_id] not in info:
            continue
        i = f.tok_index(o.s)
        if o.plen == 0 and i > 0 and f.adjacent(i) and f.word(i - 1) in _CITY_CUES:
            continue
        nxt = _next_word(f, o.e)
        if nxt is not None and nxt.startswith("ال") and nxt.endswith("يه"):
            continue
        picked.append(o)
    if picked and _sports_field(body if body is not None else f, rules):
        for o in picked:
            o.actor_id, o.kind = _CITY_CLUBS[o.actor_id], "alias"


def _drop_boilerplate(f: _Field, ms: list[_M], phrases: tuple[str, ...]) -> list[_M]:
    """The mentions of a field without those inside a phrase of ``boilerplate.txt`` (a share bar: شارك من خلال تويتر
    فيسبوك …), found on the normalised field."""
    if not ms:
        return ms
    spans = []
    for p in phrases:
        k = f.x.find(p)
        while k != -1:
            spans.append((k, k + len(p)))
            k = f.x.find(p, k + len(p))
    if not spans:
        return ms
    return [o for o in ms if not any(a <= o.s and o.e <= b for a, b in spans)]


def _link_articles(batch: list, fields: list[_Field], mss: list[list[_M]], m: _Matcher, rules: Rules) -> list[list[_M]]:
    """References within each article of a batch (``analysis.actors.references``), on normalised offsets; the
    fields of one article are consecutive in ``batch`` (``(article_id, field, text, day)``)."""
    out: list[list[_M]] = []
    i = 0
    while i < len(batch):
        j = i + 1  # an article is its title then its text (extract_mentions' order); two articles with one id stay apart
        if j < len(batch) and batch[j][0] == batch[i][0] and batch[i][1] == "title" and batch[j][1] == "text":
            j += 1
        if any(mss[i:j]):
            parts = [(batch[k][1], fields[k], mss[k]) for k in range(i, j)]
            out.extend(link_references(parts, m=m, rules=rules, day=batch[i][3], short_forms=_short_forms, new=_new))
        else:
            out.extend(mss[i:j])
        i = j
    return out


def _string_array(values: tuple, dtype: str) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype=dtype)`` for a column of str and None; when pandas stores strings in Arrow, the
    Arrow array is built directly (~5x faster than pandas' own conversion, which checks every value first)."""
    dt = pd.api.types.pandas_dtype(dtype)
    if isinstance(dt, pd.StringDtype) and dt.storage == "pyarrow" and dt.na_value is pd.NA:
        try:  # from_pandas: None, NaN and pd.NA become nulls, as pd.array makes them <NA>
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string(), from_pandas=True))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass  # a value that is no string: pandas' own conversion decides (converts or raises)
    return pd.array(values, dtype=dt)
