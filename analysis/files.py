"""Writing output files safely: atomically (no half-written file under the final name) and, for CSV
meant for spreadsheets, with formulas neutralised.

>>> neutralise_formula("=1+2")
"'=1+2"
>>> neutralise_formula("قال")
'قال'
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the same folder; on success it replaces ``path`` in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; published files get the usual permissions
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(text: str, path: str | Path) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically; returns the path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def neutralise_formula(value: object) -> object:
    """Prefix a string that a spreadsheet would run as a formula (= + - @ tab CR) with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv_atomic(df: pd.DataFrame, path: str | Path, *, neutralise_formulas: bool = True) -> Path:
    """Write ``df`` as UTF-8 CSV (with BOM, so spreadsheet programs read Arabic right) atomically.

    With ``neutralise_formulas`` (default) every text cell that starts like a formula is prefixed with
    an apostrophe (CSV injection). Numbers are left alone. The input frame is not modified.
    """
    out = df
    if neutralise_formulas:
        text_cols = [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]
        if text_cols:
            out = df.assign(**{c: df[c].map(neutralise_formula, na_action="ignore") for c in text_cols})
    with atomic_path(path) as tmp:
        out.to_csv(tmp, index=False, encoding="utf-8-sig")
    return Path(path)
