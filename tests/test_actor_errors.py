"""scripts/actor_errors.py: each unmatched gold mention and prediction becomes one error row, by overlap and kind."""
from __future__ import annotations

import pandas as pd

from repo_scripts import load_script

ae = load_script("actor_errors")

TEXT = "قال الرئيس عبد الفتاح السيسي في القاهرة إن مصر ترفض"


def span(surface: str) -> tuple[int, int]:
    a = TEXT.index(surface)
    return a, a + len(surface)


def test_error_rows_and_categories():
    items = [{"surface": "السيسي", "type": "person", "via": "name"}, {"surface": "القاهرة", "type": "location", "via": "name"},
             {"surface": "مصر", "type": "country", "via": "name"}, {"surface": "ليبيا", "type": "country", "via": "name"}]
    spans = [span("السيسي"), span("القاهرة"), span("مصر"), None]
    pred = pd.DataFrame([(*span("عبد الفتاح السيسي"), "discovered", "person"), (*span("القاهرة"), "name", "location"),
                         (*span("ترفض"), "discovered", "organization")], columns=["start", "end", "match_kind", "actor_type"])
    rows = pd.DataFrame(ae.error_rows("a1", TEXT, items, spans, pred, [(1, 1)], width=5), columns=ae.COLUMNS)
    got = {(r.side, r.overlap, r.surface, r.other) for r in rows.itertuples()}
    assert got == {("FN", "boundary", "السيسي", "عبد الفتاح السيسي/discovered"), ("FN", "none", "مصر", ""),
                   ("FN", "not in text", "ليبيا", ""), ("FP", "boundary", "عبد الفتاح السيسي", "السيسي"),
                   ("FP", "none", "ترفض", "")}
    assert rows.loc[rows["surface"] == "مصر", "context"].item() == TEXT[span("مصر")[0] - 5 : span("مصر")[1] + 5]
    assert ae.categories(rows) == {"FN boundary person name": 1, "FN none country name": 1, "FN not in text country name": 1,
                                   "FP boundary discovered": 1, "FP none discovered": 1}
