"""Arabic news analysis: who is mentioned, when things happened, and who says so — as pandas tables.

The public API, in the order of a session::

    from analysis import load_corpus, extract_chunk, Settings
    articles, skipped = load_corpus("data/seeds")
    tables = extract_chunk(articles, Settings())          # mentions, timex, events, attributions
    tables["mentions"].groupby("label_ar").size()

or from the shell: ``python -m analysis extract CORPUS --out DIR`` and ``python -m analysis report CORPUS``.
Names are imported on first use, so ``import analysis`` stays fast.
"""
from __future__ import annotations

from importlib import import_module

__all__ = [
    # settings and schema
    "Settings", "TABLES", "conform",
    # loading
    "iter_corpus", "load_corpus",
    # normalisation
    *(_NORMALIZE := [
        "normalize_for_matching", "normalize", "dediacritize", "normalize_alef", "normalize_alef_maqsura",
        "normalize_teh_marbuta", "normalize_hamza_carriers", "normalize_digits", "tokenize", "split_sentences",
        "expand_to_tokens",
    ]),
    # extraction
    "extract_chunk", "run_extract", "ensure_tables", "read_tables",
    "load_codebook", "extract_mentions", "count_mentions", "cooccurrence", "discovery_candidates", "kwic",
    "extract_timex", "tag_timex", "extract_events", "extract_attributions", "find_quotes",
    # output
    "save_figure", "write_csv_atomic", "run_report",
]

_WHERE = {
    "Settings": "config",
    "TABLES": "schema", "conform": "schema",
    "iter_corpus": "corpus", "load_corpus": "corpus",
    "extract_chunk": "pipeline", "run_extract": "pipeline", "ensure_tables": "pipeline", "read_tables": "pipeline",
    "load_codebook": "actors", "extract_mentions": "actors", "count_mentions": "actors", "cooccurrence": "actors",
    "discovery_candidates": "actors", "kwic": "actors",
    "extract_timex": "timex", "tag_timex": "timex", "extract_events": "events",
    "extract_attributions": "attribution", "find_quotes": "attribution",
    "save_figure": "plotting", "write_csv_atomic": "files", "run_report": "report",
}
_WHERE.update({n: "normalize" for n in _NORMALIZE})


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
