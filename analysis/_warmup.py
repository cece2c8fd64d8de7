"""Imported by the worker processes' forkserver only (see ``analysis.pipeline._worker_context``).

Running the extractors once on a two-sentence article fills their per-process caches for the default
configuration (the codebook and its automaton, the rule word lists, the time grammar, the attribution
lexicon, the event triggers), so every worker forked from the server starts with them instead of building
them again (about 1.2 CPU seconds per worker). A failure here is reported on stderr and otherwise ignored: a
worker then builds what it needs.
"""
from __future__ import annotations

import gc
import sys


def warm_up() -> None:
    """Fill the extractors' caches for the default settings (never raises)."""
    try:
        import pandas as pd

        from analysis.config import Settings
        from analysis.pipeline import extract_chunk

        article = pd.DataFrame({
            "article_id": ["warm-up"], "title": ["زيارة"], "published": [pd.Timestamp("2015-08-06", tz="UTC")],
            "timezone": ["UTC"], "text": ["قال وزير الخارجية السعودي أمس إن الرياض ترحب بالاتفاق. وأضاف أن الوفد يصل الخميس."],
        })
        extract_chunk(article, Settings())
    except Exception as exc:  # noqa: BLE001 - a cold worker is slower, not wrong: say so and go on
        print(f"analysis: worker warm-up failed ({exc!r}); each worker builds its caches itself", file=sys.stderr)
    # what exists now lives as long as every worker: out of the collector's sight, and its pages are not
    # copied into each forked worker by the collector's bookkeeping
    gc.freeze()


warm_up()
