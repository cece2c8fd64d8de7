"""Data files (word lists, gazetteers, lexicons), read with importlib.resources. See README.md here."""
from __future__ import annotations

import csv
import io
from importlib import resources


def resource_text(*parts: str) -> str:
    """The text of ``analysis/resources/<parts...>`` (UTF-8)."""
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def word_lines(text: str) -> list[str]:
    """The lines of a word list's text, stripped, without blank lines and ``#`` comments (also the format of the
    blind sets' ``sealed.txt``, which the training scripts read)."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_word_list(*parts: str) -> list[str]:
    """Lines of a word list, stripped, without blank lines and ``#`` comments."""
    return word_lines(resource_text(*parts))


def read_table(*parts: str) -> list[dict[str, str]]:
    """Rows of a CSV/TSV resource as dicts (TSV when the name ends in .tsv); ``#`` lines are comments."""
    text = "\n".join(ln for ln in resource_text(*parts).splitlines() if not ln.startswith("#"))
    delim = "\t" if parts[-1].endswith(".tsv") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delim))
