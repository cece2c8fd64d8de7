"""The four extractors run on one chunk as ``analysis.pipeline.extract_chunk`` runs them, each timed in CPU seconds.

The extractor functions are passed in, so that a benchmark can run two copies of the package side by side
(``compare_stages_cpu.py``) as well as this one (``check_same_tables.py``); this module imports no ``analysis``.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import pandas as pd

STAGES = ("mentions", "timex", "events", "attributions")


def run_chunk(extractors: Mapping[str, Callable], articles: pd.DataFrame, codebook, cpu: dict[str, float], *,
              mentions_only: bool = False) -> dict[str, pd.DataFrame]:
    """The tables of ``articles`` (only ``mentions`` with ``mentions_only``); adds each stage's CPU seconds
    (``time.process_time``) to ``cpu``. ``extractors``: ``mentions``, ``timex``, ``events``, ``attributions``,
    the functions of one package, and optionally ``prepare``: what ``extract_chunk`` does to the articles before
    the stages (``analysis.pipeline.with_python_strings``; ~6 ms per chunk of 1,000, not in the stages' seconds)."""
    prepare = extractors.get("prepare")
    if prepare is not None:
        articles = prepare(articles)
    t0 = time.process_time()
    mentions = extractors["mentions"](articles, codebook=codebook)
    t1 = time.process_time()
    cpu["mentions"] += t1 - t0
    if mentions_only:
        return {"mentions": mentions}
    timex = extractors["timex"](articles)
    t2 = time.process_time()
    events = extractors["events"](articles, mentions, timex)
    t3 = time.process_time()
    attributions = extractors["attributions"](articles, mentions)
    t4 = time.process_time()
    cpu["timex"] += t2 - t1
    cpu["events"] += t3 - t2
    cpu["attributions"] += t4 - t3
    return {"mentions": mentions, "timex": timex, "events": events, "attributions": attributions}
