"""Source attribution: who says what in Arabic news.

Public API:

* :func:`extract_attributions` — the attributions table (``analysis.schema.ATTRIBUTIONS``) for a chunk of
  articles, using the actor mentions table when there is one;
* :func:`attributions_in_text` — the same rows for one string (handy in notebooks and tests);
* :func:`find_quotes` / :class:`Quote` — quoted spans and whether each is speech or a quoted name;
* summaries for reports and charts (:mod:`analysis.attribution.summary`): :func:`source_type_table`,
  :func:`anonymous_share`, :func:`speaker_counts`, :func:`outlet_speaker_table`, :func:`with_articles`;
* :func:`load_lexicon` — the cue and source lexicons (``analysis/resources/attribution/``).

The charts are in :mod:`analysis.plotting.attribution`.
"""
from analysis.attribution.extract import attributions_in_text, extract_attributions, source_type_of_mention
from analysis.attribution.lexicon import SOURCE_TYPES, load_lexicon
from analysis.attribution.quotes import Quote, find_quotes
from analysis.attribution.summary import (
    NAMED_TYPES,
    SOURCE_TYPE_LABELS_AR,
    anonymous_share,
    outlet_speaker_table,
    source_type_table,
    speaker_counts,
    speaker_key,
    with_articles,
)

__all__ = [
    "NAMED_TYPES",
    "SOURCE_TYPES",
    "SOURCE_TYPE_LABELS_AR",
    "Quote",
    "anonymous_share",
    "attributions_in_text",
    "extract_attributions",
    "find_quotes",
    "load_lexicon",
    "outlet_speaker_table",
    "source_type_of_mention",
    "source_type_table",
    "speaker_counts",
    "speaker_key",
    "with_articles",
]
