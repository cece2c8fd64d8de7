"""Data files (word lists, gazetteers, lexicons), read with importlib.resources. See README.md here."""
from __future__ import annotations

import csv
import io
from importlib import resources


def resource_text(*parts: str) -> str:
    """The text of ``analysis/resources/<parts...>`` (UTF-8)."""
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def read_word_list(*parts: str) -> list[str]:
    """Lines of a word list, stripped, without blank lines and ``#`` comments."""
    return [ln.strip() for ln in resource_text(*parts).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_table(*parts: str) -> list[dict[str, str]]:
    """Rows of a CSV/TSV resource as dicts (TSV when the name ends in .tsv); ``#`` lines are comments."""
    text = "\n".join(ln for ln in resource_text(*parts).splitlines() if not ln.startswith("#"))
    delim = "\t" if parts[-1].endswith(".tsv") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delim))
