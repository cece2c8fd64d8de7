"""Actor mentions: the codebook, matching (with metonymy, nisba and discovery), counts and views.

Public API (keyword-only options)::

    load_codebook(extra_csv=None) -> Codebook
    extract_mentions(articles, *, codebook=None, discover=True, tagger=False, tagger_margin=None, learned=True)
        -> mentions table (analysis.schema.MENTIONS; learned: the names learned from SaudiNewsNet,
        resources/actors/learned_names.csv)
    count_mentions(mentions, articles=None, *, by=("actor",), fields=("text",), include_duplicates=False)
    cooccurrence(mentions, *, level="sentence", min_count=1)
    discovery_candidates(mentions, articles, *, min_count=1)
    kwic(mentions, articles, *, actor_id=None, width=60) -> pandas Styler (dir="rtl", mention highlighted)

Modules: ``codebook`` (CSV loading, forms, nisba inflection), ``rules`` (context word lists), ``matcher``
(``extract_mentions``: the passes over each field, the table), built on ``fields`` (automaton, normalised fields),
``head_nouns`` (organisations and places by head nouns), ``persons`` (person discovery), ``ambiguous`` (rules of
ambiguous forms), ``resolve`` (metonymy, nisba, titles, role phrases); second passes ``names``, ``teams``,
``references``; ``tagger`` (the statistical taggers); ``counts`` (tables and the KWIC view).
"""
from analysis.actors.codebook import Codebook, CodebookError, load_codebook, nisba_forms
from analysis.actors.counts import (
    cooccurrence,
    count_mentions,
    discovery_candidates,
    first_name_only,
    kwic,
    kwic_frame,
    suggest_actor_id,
)
from analysis.actors.matcher import extract_mentions

__all__ = [
    "Codebook",
    "CodebookError",
    "cooccurrence",
    "count_mentions",
    "discovery_candidates",
    "extract_mentions",
    "first_name_only",
    "kwic",
    "kwic_frame",
    "load_codebook",
    "nisba_forms",
    "suggest_actor_id",
]
