"""Atomic writes and CSV formula neutralisation."""
from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from analysis.files import atomic_path, neutralise_formula, write_csv_atomic, write_text_atomic


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_written_files_are_readable_by_others(tmp_path):
    p = write_text_atomic("نص", tmp_path / "a.txt")
    mode = stat.S_IMODE(os.stat(p).st_mode)
    assert mode & stat.S_IROTH or os.umask(os.umask(0)) & stat.S_IROTH


@pytest.mark.parametrize("value", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd"])
def test_formulas_are_neutralised(value):
    assert neutralise_formula(value) == "'" + value


def test_csv_export_neutralises_text_but_not_numbers(tmp_path):
    df = pd.DataFrame({"surface": ["=cmd|' /C calc'!A0", "القاهرة"], "n": [-3, 4]})
    p = write_csv_atomic(df, tmp_path / "t.csv")
    back = pd.read_csv(p, encoding="utf-8-sig")
    assert list(back["surface"]) == ["'=cmd|' /C calc'!A0", "القاهرة"]
    assert list(back["n"]) == [-3, 4]
    assert df["surface"].iloc[0].startswith("=")  # the caller's frame is untouched
