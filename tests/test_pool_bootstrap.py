"""scripts/pool_bootstrap.py: the share of drawn pools of sets that miss a precision or recall bar."""
from __future__ import annotations

import random

import pandas as pd

from repo_scripts import load_script

pb = load_script("pool_bootstrap")


def sets(*rows):
    return pd.DataFrame(rows, columns=["set", "tp", "predicted", "gold"])


def test_miss_rate_counts_draws_below_either_bar():
    good, bad_recall, bad_precision = ("a", 95, 100, 100), ("b", 80, 85, 100), ("c", 80, 100, 85)
    assert pb.miss_rate(sets(good), 10, 200, 0.9, random.Random(0)) == 0.0
    assert pb.miss_rate(sets(bad_recall), 3, 200, 0.9, random.Random(0)) == 1.0
    assert pb.miss_rate(sets(bad_precision), 3, 200, 0.9, random.Random(0)) == 1.0
    # one set of two misses the recall bar; a draw of one set misses when it draws that set: about half of the draws
    half = pb.miss_rate(sets(good, bad_recall), 1, 2000, 0.9, random.Random(0))
    assert 0.45 < half < 0.55, half
    # a draw of many sets pools them: four good sets to one bad give R 0.92 on average, so a draw of 60 sets seldom
    # misses (it needs a third of bad sets), while a draw of one set misses as often as it draws the bad one
    pool = sets(good, good, good, good, bad_recall)
    assert pb.miss_rate(pool, 60, 500, 0.9, random.Random(1)) < 0.05
    assert 0.15 < pb.miss_rate(pool, 1, 2000, 0.9, random.Random(1)) < 0.25
