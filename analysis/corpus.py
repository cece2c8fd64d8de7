"""Load a corpus of Arabic news into the articles table, streamed in bounded chunks.

``iter_corpus(path)`` walks a folder (recursively, in sorted order of relative paths) or reads one file
and yields :class:`CorpusChunk` ``(articles, skipped)`` pairs of DataFrames conformed to
``analysis.schema.ARTICLES`` and ``analysis.schema.SKIPPED``; at most ``chunk_size`` articles per chunk,
so no stage needs the whole corpus in memory. ``load_corpus(path)`` concatenates the chunks.

Inputs
    ``.txt`` (one article per file), ``.jsonl``/``.ndjson`` (one record per line), ``.json`` (an array of
    records, one record, or an object holding one array of records), ``.csv``/``.tsv``, ``.parquet``, and
    ``.zip`` archives of any of these (nested folders and nested zips too; read member by member, a JSON
    array record by record). Other files are reported as skipped. Hidden files, ``__MACOSX/`` and
    documentation files (``README*``, ``LICENSE*``, ``COPYING``, ``NOTICE``, ``CHANGELOG``) are ignored.

Metadata
    A sidecar ``<file>.meta.json`` (``a.txt.meta.json``, or ``a.meta.json``) holding one JSON object, or a
    ``metadata.csv`` with a ``path`` (or ``file``) column naming files relative to the folder holding the
    CSV (a zip member as ``archive.zip!member``). Both are excluded from article discovery. Their columns
    use the same names as records (``title``, ``published``, ``source``, ``url``, ``author``, ``id``,
    ``timezone`` ...); a row may name a container (``sample.jsonl``, ``day.zip``) and then gives defaults
    to all its records. The record's own values win over metadata; a sidecar wins over ``metadata.csv``.

Fields
    Detected case-insensitively (first present wins): see :data:`FIELD_NAMES`. Override with
    ``fields={"text": "body", "published": "pubdate"}``. Every other field of a record goes to the
    ``extra`` column as a JSON object (``author`` has its own column). ``title`` and ``author`` are
    cleaned like the text and put on one line; ``url`` and ids are kept verbatim (stripped).
    Record numbers are 0-based: the element of a JSON array, the non-blank line of a JSON-lines file, the
    data row of a CSV (after its header), the row of a Parquet file.

Dates
    ISO 8601 (``2015-07-21T10:00:00+03:00``, ``2015-07-21 10:00:00``, ``2015-07-21``). A naive time is read
    in the record's timezone (metadata ``timezone`` > the ``timezone`` argument) and stored in UTC; the
    ``timezone`` column says which zone was used. Anything else is NaT, never guessed.

Encodings
    UTF-8 (with or without BOM), UTF-16/32 with BOM (UTF-16 without BOM when it decodes to plausible text),
    Windows-1256 and ISO-8859-6 (accepted only when the decoded text is plausibly Arabic: Arabic letters,
    no NUL or control characters). UTF-8 with a few invalid bytes is loaded with U+FFFD in their place
    and a note.

Cleaning (:func:`clean_text`)
    Line endings to ``\\n``; runs of spaces collapsed; blank lines dropped (one paragraph per line);
    Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) back to base letters (NFKC on those
    characters only); bidi controls and other control characters removed (bidi marks inside a line kept);
    boilerplate lines listed in
    ``analysis/resources/boilerplate.txt`` removed. Text empty after cleaning → skipped ``empty text``.

Identity
    ``article_id`` is the record's id field if it has one, else ``<relative path>:<record index>``
    (``<archive>!<member>:<index>`` inside a zip; a one-article file is its relative path). An id already
    used by an earlier article is made unique with a suffix ``#2``, ``#3`` …; ``duplicate_of`` names the
    first article (in load order) with the same normalised text (:func:`analysis.normalize.normalize`).
    Duplicates are flagged, never dropped. ``origin`` is ``<relative path>[!<member>]#<record index>``
    (just the path for a one-article file): where the record came from, whatever its id.

The skipped report
    One row per file or record (``path``, ``record`` 0-based or NA for a whole file, ``reason``,
    ``detail`` saying what was found and what to do). **Every input record is either loaded or has a row
    here.** A few rows describe records that *were* loaded but changed, or metadata that was not used;
    their ``reason`` starts with ``loaded`` or ``metadata`` (see :data:`NOTE_PREFIXES`), so
    ``skipped_records(skipped)`` keeps only the records that were not loaded. Example: the same id in two
    files gives one article ``x`` and one ``x#2`` and a row ``loaded with renamed article_id``.
    Notes: ``loaded with renamed article_id``, ``loaded with invalid bytes replaced``, ``loaded without
    date`` (not ISO 8601, or an unknown timezone), ``metadata ignored (...)``, ``metadata without file``.
    Skips: ``empty file``, ``empty text``, ``not text (binary)``, ``unknown encoding``, ``no text field``,
    ``not a record``, ``invalid JSON``, ``invalid CSV``, ``malformed CSV row``, ``unsupported file type``,
    ``unreadable file`` (a file that fails part-way keeps the records read before the failure).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("  أهلاً\\r\\n\\r\\nبالعالم  \\nSorry Comments are closed", encoding="utf-8")
>>> c = load_corpus(d)
>>> a = c.articles.iloc[0]
>>> a["article_id"], a["text"], int(a["n_words"])
('a.txt', 'أهلاً\\nبالعالم', 2)
"""

from __future__ import annotations

import bisect
import codecs
import csv
import hashlib
import html
import io
import json
import math
import os
import re
import sys
import unicodedata
import zipfile
import zlib
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import IO, Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from analysis import schema
from analysis.normalize import DIACRITICS, TATWEEL, normalize_for_matching
from analysis.resources import read_word_list

__all__ = [
    "FIELD_NAMES",
    "NOTE_PREFIXES",
    "SUPPORTED_SUFFIXES",
    "Corpus",
    "CorpusChunk",
    "CorpusIds",
    "IdClaim",
    "LoadedPartition",
    "Partition",
    "Settlement",
    "apply_settlement",
    "list_partitions",
    "load_partition",
    "clean_text",
    "clean_texts",
    "decode_bytes",
    "iter_corpus",
    "load_corpus",
    "skipped_records",
]


class CorpusChunk(NamedTuple):
    """One chunk of a corpus: ``articles`` (columns of ``schema.ARTICLES``, at most ``chunk_size`` rows)
    and the ``skipped`` rows (columns of ``schema.SKIPPED``) met since the previous chunk."""

    articles: pd.DataFrame
    skipped: pd.DataFrame


class Corpus(NamedTuple):
    """A whole corpus: all ``articles`` and the whole ``skipped`` report."""

    articles: pd.DataFrame
    skipped: pd.DataFrame


#: Field names detected in records (case-insensitive, first present wins), per column.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "text": ("text", "content", "body", "article", "article_text", "full_text"),
    "title": ("title", "headline"),
    "published": (
        "published",
        "date",
        "date_extracted",
        "pubdate",
        "pub_date",
        "published_at",
        "date_published",
        "datetime",
    ),
    "source": ("source", "outlet", "site", "publisher", "newspaper"),
    "url": ("url", "link"),
    "author": ("author", "authors", "byline"),
    "timezone": ("timezone", "tz"),
}

#: Reasons of skipped-report rows that are notes, not skipped records.
NOTE_PREFIXES = ("loaded", "metadata")

#: Documentation files in a corpus folder (README.txt, LICENSE, ...) are not articles: never loaded,
#: not reported (like hidden files), so that a dataset's own README does not count as a skipped record.
_DOC_FILE_RE = re.compile(r"(?i)^(?:readme|licen[cs]e|copying|notice|changelog)(?:\.[a-z]+)?$")

#: File name endings read as articles (lower-case); anything else is reported as unsupported.
SUPPORTED_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".zip")

_METADATA_CSV = "metadata.csv"
_SIDECAR = ".meta.json"
_WHOLE_FILE_LIMIT = 64 << 20  # CSV/JSON files up to this size are decoded whole (robust encoding fallback)
_JSON_BLOCK = 1 << 20


def skipped_records(skipped: pd.DataFrame) -> pd.DataFrame:
    """The rows of a skipped report that are records or files not loaded (notes left out)."""
    return skipped[~skipped["reason"].str.startswith(NOTE_PREFIXES).fillna(False).astype(bool)].reset_index(drop=True)


# --- decoding ------------------------------------------------------------------------------------

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff]")
_NONASCII_LETTER_RE = re.compile(r"[^\W\d_\x00-\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("cp1256", "iso-8859-6")
_ENCODING_HELP = "convert it to UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8 in > out`), or remove it from the corpus"


class Decoded(NamedTuple):
    """Result of :func:`decode_bytes`: ``text`` (None when not decodable), the ``encoding`` used, and
    ``problem``: None, or ``(reason, detail)`` — a skip reason when ``text`` is None, a note otherwise."""

    text: str | None
    encoding: str | None
    problem: tuple[str, str] | None


def _bom_encoding(head: bytes) -> str | None:
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return None


def _plausibly_arabic(text: str) -> bool:
    """Legacy-decoded text is accepted only if it has no NUL/control characters, has Arabic letters, and
    (almost) all its non-ASCII letters are Arabic: binary junk decodes in Windows-1256 to a mix."""
    if _CONTROL_RE.search(text):
        return False
    sample = text[: 1 << 20]
    n_ar = len(_ARABIC_LETTER_RE.findall(sample))
    n_other = len(_NONASCII_LETTER_RE.findall(sample)) - n_ar
    return n_ar > 0 and n_ar >= 9 * n_other


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL_RE.findall(text[: 1 << 20])) > max(2, len(text[: 1 << 20]) // 100)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 (LE or BE) without a byte-order mark, accepted only when it decodes to plausible Arabic."""
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausibly_arabic(text):
            return Decoded(text, enc, None)
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text file: BOM → UTF-8/16/32; else UTF-8; else UTF-8 with a few invalid
    bytes replaced (a note); else Windows-1256 or ISO-8859-6 when plausibly Arabic; else a skip reason
    (``not text (binary)`` or ``unknown encoding``).

    >>> decode_bytes("سلام".encode("cp1256")).text, decode_bytes("سلام".encode("cp1256")).encoding
    ('سلام', 'cp1256')
    >>> decode_bytes(bytes(range(256))).problem[0]
    'not text (binary)'
    """
    enc = _bom_encoding(data[:4])
    if enc:
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if _looks_binary(text):
            return Decoded(
                None,
                enc,
                ("not text (binary)", f"has a {enc} byte-order mark but control characters; {_ENCODING_HELP}"),
            )
        note = (
            ("loaded with invalid bytes replaced", f"{bad} invalid {enc} sequence(s) replaced by U+FFFD")
            if bad
            else None
        )
        return Decoded(text, enc, note)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    else:
        if _looks_binary(text):
            # UTF-16 Arabic without BOM is all bytes < 0x80 (06xx code units): valid UTF-8 full of controls
            utf16 = _utf16_without_bom(data)
            if utf16:
                return utf16
            return Decoded(None, "utf-8", ("not text (binary)", f"NUL or control characters; {_ENCODING_HELP}"))
        return Decoded(text, "utf-8", None)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(replaced) - len(replaced.encode("ascii", errors="ignore")) - bad
    if good >= 4 * bad and not _looks_binary(replaced):
        return Decoded(
            replaced,
            "utf-8",
            (
                "loaded with invalid bytes replaced",
                f"{bad} invalid UTF-8 sequence(s) replaced by U+FFFD (first at byte {first_bad}); fix the file to recover them",
            ),
        )
    best: tuple[int, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausibly_arabic(text):
            score = len(_ARABIC_LETTER_RE.findall(text[: 1 << 20]))
            if best is None or score > best[0]:
                best = (score, enc, text)
    if best:
        return Decoded(best[2], best[1], None)
    if b"\x00" in data or len(_CONTROL_RE.findall(data[: 1 << 20].decode("latin-1"))) > 2:
        return Decoded(None, None, ("not text (binary)", f"not UTF-8 and has NUL/control bytes; {_ENCODING_HELP}"))
    return Decoded(
        None,
        None,
        (
            "unknown encoding",
            f"not UTF-8/UTF-16 and not plausibly Arabic in Windows-1256 or ISO-8859-6; {_ENCODING_HELP}",
        ),
    )


# --- cleaning ------------------------------------------------------------------------------------

_LINE_SEP = "\u2028\u2029\x85\x0b\x0c\x1c-\x1e"
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefe"
#: bidi controls (embeddings/overrides, isolates), BOM/ZWNBSP, C0/C1 controls but \t \n
_DROP = "\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff"
#: bidi marks (ALM LRM RLM) are kept inside a line, where web text pastes them into phrases (وزارة \u200fالداخلية) and a
#: reader copying a phrase copies them too; they are dropped at the start of a line and before a space or line end,
#: where they only shape the display. Matching sees through them (normalize.FORMAT_CHARS).
_MARKS = "\u061c\u200e\u200f"
_LINE_SEP_RE = re.compile(f"[{_LINE_SEP}]")
_PRESENTATION_RE = re.compile(f"[{_PRESENTATION}]+")
_DROP_RE = re.compile(f"[{_DROP}]+")
#: (at a line's start, every run of marks and spaces that ends on a mark: "\u200f \u200fنص" → "نص")
_EDGE_MARKS_RE = re.compile(f"(?:^|(?<=\\n))(?:[^\\S\\n]|[{_MARKS}])*[{_MARKS}]|[{_MARKS}]+(?=\\s|$)")
_ODD_SPACE_RE = re.compile(r"[^\S\n ]+")  # whitespace other than " " and "\n" (tab, no-break space ...)
_MULTI_SPACE_RE = re.compile(" {2,}")
_NEWLINES_RE = re.compile(r" *\n[ \n]*")
#: an HTML character reference that a scraper left in the text (SaudiNewsNet: 232 titles write &quot;سبق&quot; or
#: &#8220;حافلة&#8221;); read as its character. Unknown names stay as they are (html.unescape leaves them).
_ENTITY_RE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")

# Which cleaning steps a text needs, as bits: computed for a whole chunk at once from a table over all
# code points (numpy), so that the regular expressions only run on the texts that need them.
_CR, _LINE_BREAK, _PRESENTATION_FORM, _DROPPED, _ODD_SPACE, _SURROGATE, _MARK = 1, 2, 4, 8, 16, 32, 64
#: lone UTF-16 surrogates (from JSON escapes like "\\ud83d" or undecodable file names) cannot be stored
#: as UTF-8: they become U+FFFD
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _no_surrogates(s: str | None) -> str | None:
    return _SURROGATE_RE.sub("\ufffd", s) if s and _SURROGATE_RE.search(s) else s


@lru_cache(maxsize=1)
def _every_char() -> str:
    return "".join(map(chr, range(0x110000)))


def _code_points_matching(pattern: str) -> np.ndarray:
    """Boolean array over all code points: those that ``re.fullmatch(pattern, chr(cp))``."""
    marked = re.sub(pattern, "\x01", _every_char()).encode("utf-32-le", "surrogatepass")
    hit = np.frombuffer(marked, dtype=np.uint32) == 1
    hit[1] = bool(re.fullmatch(pattern, "\x01"))
    return hit


@lru_cache(maxsize=1)
def _flag_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=np.uint8)
    table[0x0D] |= _CR
    table[_code_points_matching(f"[{_LINE_SEP}]")] |= _LINE_BREAK
    table[_code_points_matching(f"[{_PRESENTATION}]")] |= _PRESENTATION_FORM
    table[_code_points_matching(f"[{_DROP}]")] |= _DROPPED
    table[_code_points_matching(r"[^\S\n ]")] |= _ODD_SPACE
    table[0xD800:0xE000] |= _SURROGATE
    table[_code_points_matching(f"[{_MARKS}]")] |= _MARK
    return table


def _code_points(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The code points of all ``texts``, each followed by "\n", and where each text starts."""
    cps = np.frombuffer("\n".join([*texts, ""]).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    return cps, starts


def _cleaning_flags(texts: list[str]) -> list[int]:
    if not texts:
        return []
    cps, starts = _code_points(texts)
    return np.bitwise_or.reduceat(_flag_table()[cps], starts).tolist()


_FLAG_RES = (
    (_CR, re.compile("\r")),
    (_LINE_BREAK, _LINE_SEP_RE),
    (_PRESENTATION_FORM, _PRESENTATION_RE),
    (_DROPPED, _DROP_RE),
    (_ODD_SPACE, _ODD_SPACE_RE),
    (_SURROGATE, _SURROGATE_RE),
    (_MARK, re.compile(f"[{_MARKS}]")),
)


def _cleaning_flags_one(text: str) -> int:
    """:func:`_cleaning_flags` of one text, with regular expressions (cheaper for a short text)."""
    return sum(bit for bit, rx in _FLAG_RES if rx.search(text))


@lru_cache(maxsize=4096)
def _base_letters(c: str) -> str:
    out = unicodedata.normalize("NFKC", c)
    return out.lstrip(" ") if "\ufe70" <= c <= "\ufe7f" else out  # isolated harakat forms NFKC to " " + mark


def _unpresent(m: re.Match) -> str:
    return "".join(_base_letters(c) for c in m.group(0))


@lru_cache(maxsize=1)
def _boilerplate_re() -> re.Pattern | None:
    lines = {" ".join(ln.split()) for ln in read_word_list("boilerplate.txt")}
    if not lines:
        return None
    alts = "|".join(re.escape(ln) for ln in sorted(lines, key=len, reverse=True))
    return re.compile(rf"^(?:{alts})[.!:]?$\n?", re.IGNORECASE | re.MULTILINE)


def _unescape(m: re.Match) -> str:
    return html.unescape(m.group(0))


def _clean(text: str, flags: int) -> str:
    if "&" in text and ";" in text:
        decoded = _ENTITY_RE.sub(_unescape, text)
        if decoded != text:  # (a reference may stand for a character that a later step handles: &nbsp;)
            text, flags = decoded, _cleaning_flags_one(decoded)
    if flags & _SURROGATE:
        text = _SURROGATE_RE.sub("\ufffd", text)
    if flags & _CR:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if flags & _LINE_BREAK:
        text = _LINE_SEP_RE.sub("\n", text)
    if flags & _PRESENTATION_FORM:
        text = _PRESENTATION_RE.sub(_unpresent, text)
    if flags & _DROPPED:
        text = _DROP_RE.sub("", text)
    if flags & _MARK:
        text = _EDGE_MARKS_RE.sub("", text)
    if flags & _ODD_SPACE:
        text = _ODD_SPACE_RE.sub(" ", text)
    if "  " in text:
        text = _MULTI_SPACE_RE.sub(" ", text)
    if " \n" in text or "\n " in text or "\n\n" in text:
        text = _NEWLINES_RE.sub("\n", text)
    text = text.strip(" \n")
    bp = _boilerplate_re()
    if bp is not None and bp.search(text):
        text = _NEWLINES_RE.sub("\n", bp.sub("", text)).strip(" \n")
    return text


def clean_texts(texts: list[str]) -> list[str]:
    """:func:`clean_text` of every text (faster than one by one: one pass decides what each needs)."""
    if len(texts) < 8:
        return [_clean(t, _cleaning_flags_one(t)) for t in texts]
    return [_clean(t, f) for t, f in zip(texts, _cleaning_flags(texts))]


def clean_text(text: str) -> str:
    """The cleaned article text (every offset in every table refers to it).

    HTML character references → their characters (``&quot;`` → ``"``); line endings → ``\\n``; presentation
    forms → base letters (NFKC of those characters only); bidi controls and other control characters removed, but
    bidi marks (LRM, RLM, ALM) inside a line kept (only those at a line's start or before a space or line end go);
    other whitespace → space and runs of spaces collapsed; lines trimmed; blank lines dropped (paragraphs kept, one per
    line); boilerplate lines (``resources/boilerplate.txt``) removed.

    >>> clean_text("\\ufeb3\\ufefc\\ufee1  \\u200fعليكم\\u200f\\r\\n\\r\\n\\tSorry Comments are closed ")
    'سلام \\u200fعليكم'
    """
    return clean_texts([text])[0]


# --- word counts and duplicate keys, a chunk at a time with numpy ----------------------------------
# Both are per-character functions, so a lookup table over all code points, built once from the
# project's own definitions (TOKEN_RE's classes, normalize()), gives exactly their results at array
# speed. tests/test_corpus.py checks both against tokenize() and normalize().

_OTHER, _WORD, _DIGIT, _NUMSEP = 0, 1, 2, 3
_DELETED = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """(token class per code point, normalised code point per code point or _DELETED)."""
    cls = np.zeros(0x110000, dtype=np.uint8)
    where = _code_points_matching
    cls[where(r"[^\W\d_]") | where(f"[{DIACRITICS}{TATWEEL}]")] = _WORD  # TOKEN_RE: letters and marks
    cls[where(r"\d")] = _DIGIT
    cls[where("[.,\u066b\u066c]")] = _NUMSEP  # inside a number: 3.5 1,200 ٣٫٥
    nt = normalize_for_matching(_every_char())
    norm = np.frombuffer(nt.norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = np.full(0x110000, _DELETED, dtype=np.uint32)
    if nt.orig_index is None:
        table[:] = norm
    else:
        table[np.asarray(nt.orig_index)] = norm
    return cls, table


def _words_and_keys(texts: list[str]) -> tuple[list[int], list[bytes]]:
    """For each text: ``len(analysis.normalize.tokenize(text))`` and a 16-byte digest of
    ``analysis.normalize.normalize(text)`` (equal digests ⇔ equal normalised texts)."""
    if not texts:
        return [], []
    cls_table, norm_table = _char_tables()
    cps, starts = _code_points(texts)  # each text followed by "\n" (never part of a token)
    cls = cls_table[cps]
    # a number separator joins digits on both sides (3.5), otherwise it is not part of a token
    sep = cls == _NUMSEP
    if sep.any():
        prev_digit = np.concatenate(([False], cls[:-1] == _DIGIT))
        next_digit = np.concatenate((cls[1:] == _DIGIT, [False]))
        cls[sep] = np.where(prev_digit[sep] & next_digit[sep], _DIGIT, _OTHER)
    token_start = (cls != _OTHER) & (cls != np.concatenate(([_OTHER], cls[:-1])))
    del cls
    # per-text sums over [start_i, start_i+1) = the text and its "\n"
    n_words = np.add.reduceat(token_start, starts, dtype=np.int64).tolist()
    del token_start
    mapped = norm_table[cps]
    keep = mapped != _DELETED
    n_kept = np.add.reduceat(keep, starts, dtype=np.int64)
    n_kept -= 1  # the "\n" after each text is kept by normalisation: not part of the text
    compact = mapped[keep]
    offsets = np.concatenate(([0], np.cumsum(n_kept + 1)[:-1])).tolist()
    blake = hashlib.blake2b
    keys = [blake(compact[o : o + n].tobytes(), digest_size=16).digest() for o, n in zip(offsets, n_kept.tolist())]
    return n_words, keys


# --- dates ---------------------------------------------------------------------------------------

_MIN_YEAR, _MAX_YEAR = 1678, 2261  # datetime64[ns] range


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None


def _parse_published(value: Any, tzname: str) -> tuple[datetime | None, str | None]:
    """``(UTC datetime or None, problem or None)``; a naive value is read in ``tzname``."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None, None
    if isinstance(value, datetime):  # also pd.Timestamp
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            return None, None
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            return None, f"date {value!r} is not ISO 8601 (YYYY-MM-DD[ hh:mm:ss][±hh:mm]); it is left NaT"
    else:
        return None, f"date {value!r} ({type(value).__name__}) is not an ISO 8601 string; it is left NaT"
    if pd.isna(dt):
        return None, None
    if not _MIN_YEAR <= dt.year <= _MAX_YEAR:
        return None, f"date {value!r} is outside {_MIN_YEAR}..{_MAX_YEAR}; it is left NaT"
    if dt.tzinfo is None:
        zone = _zone(tzname)
        if zone is None:
            return None, f"timezone {tzname!r} is not an IANA name (e.g. Asia/Riyadh); the naive date is left NaT"
        dt = dt.replace(tzinfo=zone)
    return dt.astimezone(UTC), None


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """A file to read: its display path relative to the corpus root and how to open it."""

    path: str
    open: Callable[[], IO[bytes]]
    size: int
    #: where the bytes are, for reopening elsewhere (another process or machine): the file on disk
    #: and, inside zips, the member's position in each archive's ``infolist()``
    source: Path | None = None
    members: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return self.path.rsplit("!", 1)[-1].rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        name = self.name.lower()
        return name[name.rfind(".") :] if "." in name else ""

    def read(self) -> bytes:
        with self.open() as f:
            return f.read()


@dataclass
class _Record:
    path: str
    index: int | None  # None: the file is one article
    values: Any  # dict from the input (or a str: text only)
    meta: dict[str, Any]
    note: tuple[str, str] | None = None


class _Skip(NamedTuple):
    path: str
    record: int | None
    reason: str
    detail: str


@dataclass
class _Context:
    """Per-run state: metadata by path, sidecars, which metadata keys were used."""

    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    metadata_origin: dict[str, tuple[str, int]] = field(default_factory=dict)
    sidecars: dict[str, _Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    #: yield a :class:`_Leaf` for each data file instead of reading it (see :func:`list_partitions`)
    defer: bool = False


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _ignored(relpath: str) -> bool:
    parts = relpath.split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts) or bool(_DOC_FILE_RE.match(parts[-1]))


def _discover(root: Path) -> list[_Entry]:
    """All files under ``root`` (or ``root`` itself), sorted by relative path."""
    if root.is_file():
        files = [(root.name, root)]
        # the sidecar/metadata of a single file sit next to it
        for extra in (
            root.parent / (root.name + _SIDECAR),
            root.parent / (root.stem + _SIDECAR),
            root.parent / _METADATA_CSV,
        ):
            if extra.is_file() and extra != root:
                files.append((extra.name, extra))
    else:
        files = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__MACOSX"]
            for fn in filenames:
                full = Path(dirpath) / fn
                files.append((full.relative_to(root).as_posix(), full))
    entries = []
    for rel, full in files:
        rel = _no_surrogates(_nfc(rel))  # a name that is not valid UTF-8 is shown with U+FFFD
        if _ignored(rel) and full != root:  # a file named explicitly is always read
            continue
        try:
            size = full.stat().st_size
        except OSError:
            size = -1
        entries.append(_Entry(rel, partial(Path.open, full, "rb"), size, full))
    entries.sort(key=lambda e: e.path)
    return entries


def _zip_entries(entry: _Entry, zf: zipfile.ZipFile) -> list[_Entry]:
    out = []
    for position, info in enumerate(zf.infolist()):
        if info.is_dir():
            continue
        name = info.filename
        if not info.flag_bits & 0x800:  # no UTF-8 flag: zipfile decoded cp437; most tools wrote UTF-8 anyway
            try:
                name = name.encode("cp437").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        name = _nfc(name.replace("\\", "/"))
        if _ignored(name):
            continue
        out.append(
            _Entry(
                f"{entry.path}!{name}",
                (lambda i=info: zf.open(i)),
                info.file_size,
                entry.source,
                (*entry.members, position),
            )
        )
    out.sort(key=lambda e: e.path)
    return out


def _read_metadata_csv(entry: _Entry, ctx: _Context) -> Iterator[_Skip]:
    prefix = entry.path[: -len(_METADATA_CSV)]  # "" or "sub/" or "a.zip!" or "a.zip!sub/"
    try:
        dec = decode_bytes(entry.read())
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as err:
        yield _Skip(entry.path, None, "metadata ignored (unreadable)", f"{err}; fix or remove the file")
        return
    if dec.text is None:
        yield _Skip(entry.path, None, "metadata ignored (not text)", dec.problem[1] if dec.problem else "")
        return
    text = dec.text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = {(f or "").strip().lower(): f for f in (reader.fieldnames or [])}
    key = fields.get("path") or fields.get("file")
    if key is None:
        yield _Skip(
            entry.path,
            None,
            "metadata ignored (no path column)",
            f"columns {reader.fieldnames}; add a 'path' column naming files relative to this folder",
        )
        return
    for i, row in enumerate(reader):
        rel = (row.get(key) or "").strip().replace("\\", "/")
        while rel.startswith("./"):
            rel = rel[2:]
        if not rel:
            yield _Skip(entry.path, i, "metadata ignored (row without path)", "fill the 'path' column")
            continue
        full = _nfc(prefix + rel)
        ctx.metadata[full] = {k: v for k, v in row.items() if k is not None and k != key and v not in (None, "")}
        ctx.metadata_origin[full] = (entry.path, i)


def _read_sidecar(entry: _Entry) -> tuple[dict[str, Any] | None, _Skip | None]:
    try:
        dec = decode_bytes(entry.read())
        obj = json.loads(dec.text) if dec.text is not None else None
    except (ValueError, OSError, zipfile.BadZipFile, zlib.error, EOFError) as err:
        return None, _Skip(
            entry.path, None, "metadata ignored (invalid JSON)", f"{err}; the sidecar must hold one JSON object"
        )
    if not isinstance(obj, dict):
        return None, _Skip(
            entry.path, None, "metadata ignored (not an object)", "the sidecar must hold one JSON object"
        )
    return obj, None


def _meta_for(path: str, ctx: _Context) -> tuple[dict[str, Any], list[_Skip]]:
    """Metadata defaults for ``path``: containers first (``a.zip``), then the file; CSV then sidecar."""
    merged: dict[str, Any] = {}
    skips: list[_Skip] = []
    parts = path.split("!")
    for k in range(1, len(parts) + 1):
        p = "!".join(parts[:k])
        if p in ctx.metadata:
            ctx.used.add(p)
            merged.update(ctx.metadata[p])
        sc = ctx.sidecars.get(p)
        if sc is not None:
            obj, skip = _read_sidecar(sc)
            if skip:
                skips.append(skip)
            else:
                merged.update(obj)
    return merged, skips


def _iter_tree(entries: list[_Entry], ctx: _Context) -> Iterator[_Record | _Skip]:
    """Records and skips of a list of entries (a folder tree or a zip's members), in path order."""
    data_paths = {e.path for e in entries}
    for e in entries:
        if e.name.lower() == _METADATA_CSV:
            yield from _read_metadata_csv(e, ctx)
    stems: dict[str, str] = {}
    for e in entries:
        if e.name.lower().endswith(_SIDECAR) or e.name.lower() == _METADATA_CSV:
            continue
        dot = e.path.rfind(".")
        if dot > max(e.path.rfind("/"), e.path.rfind("!")):
            stems.setdefault(e.path[:dot], e.path)
    for e in entries:
        if e.name.lower().endswith(_SIDECAR):
            base = e.path[: -len(_SIDECAR)]
            target = base if base in data_paths else stems.get(base)
            if target is None:
                yield _Skip(
                    e.path,
                    None,
                    "metadata without file",
                    f"no file {base!r} next to this sidecar; rename it to <file>{_SIDECAR}",
                )
            elif target not in ctx.sidecars or target == base:
                ctx.sidecars[target] = e
    for e in entries:
        low = e.name.lower()
        if low == _METADATA_CSV or low.endswith(_SIDECAR):
            continue
        yield from _iter_file(e, ctx)


def _iter_file(e: _Entry, ctx: _Context) -> Iterator[_Record | _Skip]:
    suffix = e.suffix
    ctx.used.add(e.path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield _Skip(
            e.path,
            None,
            "unsupported file type",
            f"{suffix or 'no extension'}: supported are {' '.join(SUPPORTED_SUFFIXES)}; convert it or move it out of the corpus",
        )
        return
    if e.size == 0:
        # a one-article file with no bytes is an article with empty text; an empty container has no records
        one_article = suffix in (".txt", ".text")
        yield _Skip(e.path, None, "empty text" if one_article else "empty file", "the file has no bytes")
        return
    meta, skips = _meta_for(e.path, ctx)
    yield from skips
    if ctx.defer and suffix != ".zip":
        yield _Leaf(e.path, e.source, e.members, e.size, meta)
        return
    yield from _read_file(e, ctx, meta)


def _read_file(e: _Entry, ctx: _Context | None, meta: dict[str, Any]) -> Iterator[_Record | _Skip]:
    """The records of one data file (``ctx`` is needed only for a zip); a failure becomes a skip row."""
    suffix = e.suffix
    try:
        if suffix == ".zip":
            yield from _iter_zip(e, ctx)
        elif suffix in (".txt", ".text"):
            yield from _iter_txt(e, meta)
        elif suffix in (".jsonl", ".ndjson"):
            yield from _iter_jsonl(e, meta)
        elif suffix == ".json":
            yield from _iter_json(e, meta)
        elif suffix in (".csv", ".tsv"):
            yield from _iter_csv(e, meta, delimiter="\t" if suffix == ".tsv" else ",")
        elif suffix == ".parquet":
            yield from _iter_parquet(e, meta)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as err:
        yield _Skip(
            e.path,
            None,
            "unreadable file",
            f"{type(err).__name__}: {err}; records before the error were loaded — check the file (is it complete?)",
        )
    except Exception as err:  # noqa: BLE001 — one bad file must never stop the corpus; the row says what failed
        yield _Skip(
            e.path,
            None,
            "unreadable file",
            f"unexpected {type(err).__name__}: {err}; records before the error were loaded — please report this file",
        )


def _iter_zip(e: _Entry, ctx: _Context) -> Iterator[_Record | _Skip]:
    with e.open() as raw:
        fobj: IO[bytes] = raw if raw.seekable() and isinstance(raw, io.BufferedReader) else io.BytesIO(raw.read())
        try:
            zf = zipfile.ZipFile(fobj)
        except zipfile.BadZipFile as err:
            yield _Skip(e.path, None, "unreadable file", f"not a valid zip archive ({err}); re-create or remove it")
            return
        with zf:
            members = _zip_entries(e, zf)
            if not members:
                yield _Skip(e.path, None, "empty file", "the archive holds no files")
                return
            yield from _iter_tree(members, ctx)


def _iter_txt(e: _Entry, meta: dict[str, Any]) -> Iterator[_Record | _Skip]:
    dec = decode_bytes(e.read())
    if dec.text is None:
        reason, detail = dec.problem or ("unknown encoding", "")
        yield _Skip(e.path, None, reason, detail)
        return
    yield _Record(e.path, None, {"text": dec.text}, meta, dec.problem)


def _json_error_detail(err: ValueError, line: int | None = None, last: bool = False) -> str:
    where = f"line {line}: " if line is not None else ""
    hint = (
        " (the last line is incomplete: the file was probably truncated)"
        if last
        else "; fix the JSON or remove the record"
    )
    return f"{where}{err}{hint}"


def _iter_jsonl(e: _Entry, meta: dict[str, Any]) -> Iterator[_Record | _Skip]:
    with e.open() as raw:
        head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
        enc = _bom_encoding(head)
        if enc and enc != "utf-8-sig":
            lines: Iterable[bytes | str] = io.TextIOWrapper(raw, encoding=enc, errors="replace", newline=None)
        else:
            lines = raw
        index = 0
        pending: tuple[int, bytes | str] | None = None
        for lineno, line in enumerate(lines, start=1):
            if pending is not None:
                yield from _jsonl_line(e, meta, pending[1], pending[0], index, last=False)
                index += 1
                pending = None
            if lineno == 1 and isinstance(line, bytes) and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            if line.strip():
                pending = (lineno, line)
        if pending is not None:
            ends_nl = pending[1].endswith(b"\n" if isinstance(pending[1], bytes) else "\n")
            yield from _jsonl_line(e, meta, pending[1], pending[0], index, last=not ends_nl)


def _jsonl_line(
    e: _Entry, meta: dict[str, Any], line: bytes | str, lineno: int, index: int, last: bool
) -> Iterator[_Record | _Skip]:
    note = None
    if isinstance(line, bytes):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            dec = decode_bytes(line)
            if dec.text is None:
                yield _Skip(
                    e.path,
                    index,
                    dec.problem[0] if dec.problem else "unknown encoding",
                    f"line {lineno}: {dec.problem[1] if dec.problem else ''}",
                )
                return
            text, note = dec.text, dec.problem
    else:
        text = line
    try:
        obj = json.loads(text)
    except ValueError as err:
        yield _Skip(e.path, index, "invalid JSON", _json_error_detail(err, lineno, last))
        return
    yield _Record(e.path, index, obj, meta, note)


_WS_RE = re.compile(r"[ \t\n\r]*")


def _iter_json_text(chunks: Iterator[str], start: int = 0) -> Iterator[tuple[int, Any]]:
    """Values of a JSON document read incrementally: ``(index, element)`` for the elements of a top-level
    array one by one, or ``(None, value)`` for any other top-level value. Raises ``_JSONStreamError``."""
    dec = json.JSONDecoder()
    buf = ""
    pos = 0
    eof = False

    def more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        piece = next(chunks, None)
        if piece is None:
            eof = True
            return False
        buf = buf[pos:] + piece
        pos = 0
        return True

    def skip_ws() -> bool:
        nonlocal pos
        while True:
            pos = _WS_RE.match(buf, pos).end()
            if pos < len(buf):
                return True
            if not more():
                return False

    if not skip_ws():
        raise _JSONStreamError(None, ValueError("no JSON value (only whitespace)"))
    if buf[pos] != "[":
        while more():
            pass
        try:
            yield None, json.loads(buf[pos:])
        except ValueError as err:
            raise _JSONStreamError(None, err) from None
        return
    pos += 1
    index = 0
    while True:
        if not skip_ws():
            raise _JSONStreamError(index, ValueError("the array is not closed: the file was probably truncated"))
        if buf[pos] == "]":
            return
        while True:
            try:
                value, end = dec.raw_decode(buf, pos)
                if end < len(buf) or eof:
                    break
            except ValueError as err:
                if eof:
                    raise _JSONStreamError(index, err) from None
            if not more():  # need more text: the value may continue after the buffer
                try:
                    value, end = dec.raw_decode(buf, pos)
                    break
                except ValueError as err:
                    raise _JSONStreamError(index, err) from None
        pos = end
        if index >= start:
            yield index, value
        index += 1
        if not skip_ws():
            raise _JSONStreamError(index, ValueError("the array is not closed: the file was probably truncated"))
        if buf[pos] == ",":
            pos += 1
        elif buf[pos] != "]":
            raise _JSONStreamError(index, ValueError(f"expected ',' or ']' at character {pos} of the current block"))


class _JSONStreamError(Exception):
    def __init__(self, index: int | None, err: Exception):
        super().__init__(str(err))
        self.index = index
        self.err = err


def _text_blocks(raw: IO[bytes], encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    size = _JSON_BLOCK
    while True:
        data = raw.read(size)
        if not data:
            tail = decoder.decode(b"", final=True)
            if tail:
                yield tail
            return
        yield decoder.decode(data)
        size = min(size * 2, 64 << 20)  # grow: a huge value needs few re-parses


def _iter_json(e: _Entry, meta: dict[str, Any]) -> Iterator[_Record | _Skip]:
    done = 0
    note = None
    try:
        with e.open() as raw:
            head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
            enc = _bom_encoding(head) or "utf-8"
            for index, value in _iter_json_text(_text_blocks(raw, enc)):
                yield from _json_values(e, meta, index, value, note)
                done = (index or 0) + 1
        return
    except UnicodeDecodeError:
        pass  # not UTF-8: decode the whole file with the fallbacks, skip what was already yielded
    except _JSONStreamError as err:
        yield _json_stream_skip(e, err)
        return
    dec = decode_bytes(e.read())
    if dec.text is None:
        yield _Skip(e.path, None, *(dec.problem or ("unknown encoding", "")))
        return
    try:
        for index, value in _iter_json_text(iter([dec.text.lstrip("\ufeff")]), start=done):
            yield from _json_values(e, meta, index, value, dec.problem)
    except _JSONStreamError as err:
        yield _json_stream_skip(e, err)


def _json_stream_skip(e: _Entry, err: _JSONStreamError) -> _Skip:
    if err.index is None:
        return _Skip(e.path, None, "invalid JSON", f"{err.err}; fix the JSON (an array of objects, or one object)")
    return _Skip(
        e.path,
        err.index,
        "invalid JSON",
        f"record {err.index} and all after it: {err.err}; records before it were loaded — fix the JSON or convert it to JSON lines",
    )


def _json_values(
    e: _Entry, meta: dict[str, Any], index: int, value: Any, note: tuple[str, str] | None
) -> Iterator[_Record | _Skip]:
    if index is None:  # the file's single top-level value
        if isinstance(value, dict) and not _has_any_field(value):
            lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
            if len(lists) == 1:  # {"articles": [...]} : a wrapper object
                for i, rec in enumerate(lists[0]):
                    yield _Record(e.path, i, rec, meta, note)
                return
        index = 0
    yield _Record(e.path, index, value, meta, note)


def _has_any_field(obj: dict) -> bool:
    keys = {str(k).lower() for k in obj}
    return any(n in keys for names in FIELD_NAMES.values() for n in names)


def _iter_csv(e: _Entry, meta: dict[str, Any], *, delimiter: str) -> Iterator[_Record | _Skip]:
    limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one article may be longer than csv's 128 KiB default
    try:
        note = None
        if 0 <= e.size <= _WHOLE_FILE_LIMIT:
            dec = decode_bytes(e.read())
            if dec.text is None:
                yield _Skip(e.path, None, *(dec.problem or ("unknown encoding", "")))
                return
            stream: IO[str] = io.StringIO(dec.text.lstrip("\ufeff"), newline="")
            note = dec.problem
            yield from _csv_rows(e, meta, stream, delimiter, note)
        else:
            with e.open() as raw:
                head = raw.read(1 << 20)
                enc = _bom_encoding(head[:4])
                if enc is None:
                    dec = decode_bytes(head[: len(head) - 4] if len(head) == 1 << 20 else head)
                    enc = dec.encoding or "utf-8"
                rest = io.BufferedReader(_Chain(head, raw))  # type: ignore[arg-type]
                stream = io.TextIOWrapper(
                    rest, encoding="utf-8-sig" if enc == "utf-8" else enc, errors="replace", newline=""
                )
                yield from _csv_rows(e, meta, stream, delimiter, None)
    finally:
        csv.field_size_limit(limit)


class _Chain(io.RawIOBase):
    """A readable stream of ``head`` bytes followed by the rest of ``raw``."""

    def __init__(self, head: bytes, raw: IO[bytes]):
        self._head, self._raw = head, raw

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._raw.read(len(b))
        b[: len(data)] = data
        return len(data)


def _csv_rows(
    e: _Entry, meta: dict[str, Any], stream: IO[str], delimiter: str, note: tuple[str, str] | None
) -> Iterator[_Record | _Skip]:
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield _Skip(e.path, None, "empty file", "no header row")
        return
    except csv.Error as err:
        yield _Skip(e.path, None, "invalid CSV", f"header: {err}")
        return
    header = [h.strip() for h in header]
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield _Skip(
                e.path,
                index,
                "invalid CSV",
                f"line {reader.line_num}: {err}; records before it were loaded — fix the quoting",
            )
            return
        if not any(c.strip() for c in row):
            continue  # blank line
        if len(row) > len(header):
            yield _Skip(
                e.path,
                index,
                "malformed CSV row",
                f"line {reader.line_num}: {len(row)} fields for {len(header)} columns; quote fields that hold {delimiter!r}",
            )
        else:
            yield _Record(e.path, index, dict(zip(header, row)), meta, note)
        index += 1


def _iter_parquet(e: _Entry, meta: dict[str, Any]) -> Iterator[_Record | _Skip]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with e.open() as raw:
        fobj = raw if isinstance(raw, io.BufferedReader) else io.BytesIO(raw.read())
        try:
            pf = pq.ParquetFile(fobj)
        except (pa.ArrowException, OSError, ValueError) as err:
            yield _Skip(e.path, None, "unreadable file", f"not a valid Parquet file ({err}); re-write or remove it")
            return
        index = 0
        for batch in pf.iter_batches(batch_size=1000):
            for rec in batch.to_pylist():
                rec = {k: v for k, v in rec.items() if not str(k).startswith("__index_level_")}
                yield _Record(e.path, index, rec, meta, None)
                index += 1


# --- from record to article ------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _field_map(keys: tuple[str, ...], overrides: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """role → the record key to read it from."""
    lower = {}
    for k in keys:
        lower.setdefault(k.lower(), k)
    out: dict[str, str] = {}
    over = dict(overrides)
    for role, names in FIELD_NAMES.items():
        if role in over:
            if over[role] in keys:
                out[role] = over[role]
            elif over[role].lower() in lower:
                out[role] = lower[over[role].lower()]
            continue
        for n in names:
            if n in lower:
                out[role] = lower[n]
                break
    return out


def _as_text(value: Any, sep: str = "\n") -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list):
        parts = [_as_text(v, sep) for v in value]
        return sep.join(p for p in parts if p)
    if isinstance(value, dict):
        name = value.get("name") or value.get("title")
        return str(name) if name is not None else json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _as_verbatim(value: Any) -> str | None:
    """An identifier or url: kept as given, only surrounding whitespace removed."""
    s = _as_text(value, ", ")
    return s.strip() or None if s is not None else None


def _as_label(value: Any) -> str | None:
    s = _as_text(value, ", ")
    if s is None:
        return None
    s = " ".join(s.split())
    return s or None


class _Pending(NamedTuple):
    rec: _Record
    values: dict
    get: Callable[[str], Any]
    used: frozenset
    meta_used: frozenset
    raw_text: str


class IdClaim(NamedTuple):
    """What one loaded article asks of the corpus-wide identity steps: its ``article_id`` before
    collisions are resolved, its ``origin``, the ``key`` of its normalised text (a 16-byte digest), the
    ``path`` and ``record`` of its input (for the skipped report), and ``note_at``: where, among its
    partition's skipped rows, a "renamed article_id" note would go."""

    article_id: str
    origin: str
    key: bytes
    path: str
    record: int | None
    note_at: int


class Settlement(NamedTuple):
    """For each article of a partition: its final ``article_ids`` and ``duplicate_of`` (None or the
    first article with the same normalised text); ``notes``: ``(position, skipped row)`` to insert."""

    article_ids: tuple[str, ...]
    duplicate_of: tuple[str | None, ...]
    notes: tuple[tuple[int, _Skip], ...]


def _default_id(path: str, record: int | None) -> str:
    """The ``article_id`` of a record without an id of its own: ``<path>:<record>``, ``<path>`` for a whole file."""
    return path if record is None else f"{path}:{record}"


def _origin_of(path: str, record: int | None) -> str:
    """The ``origin`` of a record: ``<path>#<record>``, ``<path>`` for a whole file."""
    return path if record is None else f"{path}#{record}"


class _Packed:
    """Strings packed one after the other in one UTF-8 buffer (lone surrogates kept):
    ``add(s)`` → its index, ``self[index]`` → ``s``. About ``len(s)`` + 8 bytes per string."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._ends = array("Q")

    def add(self, s: str) -> int:
        self._buf += s.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._buf))
        return len(self._ends) - 1

    def __getitem__(self, index: int) -> str:
        start = self._ends[index - 1] if index else 0
        return self._buf[start : self._ends[index]].decode("utf-8", "surrogatepass")


class CorpusIds:
    """Corpus-wide ``article_id`` uniqueness and duplicate links, settled in load order:
    ``settle(claims)`` for the claims of each chunk or partition, in order. An ``article_id`` already
    taken becomes ``x#2``, ``x#3`` … (the first free) with a "loaded with renamed article_id" note naming
    the earlier article's origin; ``duplicate_of`` is the first article with an equal text key.

    Compact, because it grows with the corpus: ~20 bytes per article and 20 per distinct text, plus the
    UTF-8 bytes of ids that are not the default (dicts of strings took ~270 per article). Article
    number ``k`` (load order) keeps only its record index and, when its id is not the default
    ``<path>:<record>`` (``<path>`` for a one-article file), that id packed in ``_strings``; a path is
    stored once per run of articles from one file. Ids and text keys taken recently are in two dicts
    (exact); now and then they move to sorted numpy arrays: 32-bit hashes of the ids with their article
    numbers, and the 16-byte text keys themselves with theirs. A hash hit is checked against the id
    rebuilt from the article number, so a hash collision never makes a false rename; text keys are
    compared whole, as before.

    ``hash_id``: str → int within ±2**63 (tests pass tiny ones to force collisions); ``min_recent``:
    dict entries kept before a move to the arrays (at least 1/32 of the articles, so that moves, each
    linear in the corpus, stay rare).
    """

    KEY_BYTES = 16

    def __init__(self, *, hash_id: Callable[[str], int] = hash, min_recent: int = 1 << 13) -> None:
        self._hash_id = hash_id
        self._min_recent = min_recent
        self._strings = _Packed()  # paths (once per run of articles from one file) and non-default ids
        self._run_start = array("Q")  # first article number of each run
        self._run_path = array("Q")  # its path in _strings
        self._last_path: str | None = None  # of the last article added
        self._last_run, self._last_run_path = -1, ""  # the last run looked up, and its path
        self._record = array("q")  # per article: record index, -1 for a whole-file article
        self._id_at = array("i")  # per article: -1 for the default id, else the id in _strings
        self._odd_origins: dict[int, str] = {}  # origins not of the form <path>[#<record>] (hand-made claims)
        self._recent_ids: dict[str, int] = {}  # id → article number
        self._recent_texts: dict[bytes, int] = {}  # text key → first article number
        self._id_hashes = np.empty(0, np.uint32)  # sorted
        self._id_numbers = np.empty(0, np.uint32)
        self._text_keys = np.empty(0, f"S{self.KEY_BYTES}")  # sorted
        self._text_numbers = np.empty(0, np.uint32)

    def __len__(self) -> int:
        """The number of articles settled."""
        return len(self._record)

    def settle(self, claims: Iterable[IdClaim]) -> Settlement:
        """Each claim's final id and duplicate link, and the notes to insert; ``claims`` in load order."""
        claims = list(claims)
        keys = b"".join([c.key for c in claims])
        if len(keys) != self.KEY_BYTES * len(claims):
            raise ValueError(f"an IdClaim key must be {self.KEY_BYTES} bytes (a digest of the normalised text)")
        # article numbers (-1: none) holding each id and text among those in the arrays: they do not
        # change until the end of this call, so one vectorised lookup serves the whole batch
        held_ids = self._lookup_ids([c.article_id for c in claims])
        held_texts = self._lookup_texts(keys)
        ids, dups, notes = [], [], []
        recent_ids, recent_texts = self._recent_ids, self._recent_texts
        number = len(self)  # of the next article
        for claim, holder, first in zip(claims, held_ids, held_texts):
            article_id = claim.article_id
            holder = recent_ids.get(article_id, holder)
            if holder >= 0:
                n = 2
                while self._holder(f"{article_id}#{n}") >= 0:
                    n += 1
                new_id = f"{article_id}#{n}"
                detail = (
                    f"article_id {article_id!r} is already used by {self._origin(holder)}; "
                    f"this record is loaded as {new_id!r}"
                )
                notes.append((claim.note_at, _Skip(claim.path, claim.record, "loaded with renamed article_id", detail)))
                article_id = new_id
            self._add(number, claim, article_id)
            recent_ids[article_id] = number
            if first < 0:
                first = recent_texts.setdefault(claim.key, number)
            ids.append(article_id)
            dups.append(None if first == number else self._article_id(first))
            number += 1
        if len(recent_ids) >= max(self._min_recent, number // 32):
            self._move_recent()
        return Settlement(tuple(ids), tuple(dups), tuple(notes))

    # --- the articles, compactly -----------------------------------------------------------------

    def _add(self, number: int, claim: IdClaim, article_id: str) -> None:
        """Keep article ``number``: its record, its path if it starts a run, its id if not the default."""
        path, record = claim.path, claim.record
        if path != self._last_path:
            self._run_start.append(number)
            self._run_path.append(self._strings.add(path))
            self._last_path = path
        self._record.append(-1 if record is None else record)
        self._id_at.append(-1 if article_id == _default_id(path, record) else self._strings.add(article_id))
        if claim.origin != _origin_of(path, record):
            self._odd_origins[number] = claim.origin

    def _path_and_record(self, number: int) -> tuple[str, int | None]:
        run = bisect.bisect_right(self._run_start, number) - 1
        if run != self._last_run:  # duplicates of a run of articles ask for the same path in a row
            self._last_run, self._last_run_path = run, self._strings[self._run_path[run]]
        record = self._record[number]
        return self._last_run_path, None if record < 0 else record

    def _article_id(self, number: int) -> str:
        at = self._id_at[number]
        if at >= 0:
            return self._strings[at]
        return _default_id(*self._path_and_record(number))

    def _origin(self, number: int) -> str:
        if number in self._odd_origins:
            return self._odd_origins[number]
        return _origin_of(*self._path_and_record(number))

    # --- lookups: article numbers, -1 for none -----------------------------------------------------

    def _holder(self, article_id: str) -> int:
        """The article holding ``article_id``."""
        number = self._recent_ids.get(article_id, -1)
        return number if number >= 0 else self._lookup_ids([article_id])[0]

    def _hashes(self, ids: Collection[str]) -> np.ndarray:
        """The low 32 bits of ``hash_id`` of each id."""
        return np.fromiter(map(self._hash_id, ids), np.int64, len(ids)).astype(np.uint32)

    def _lookup_ids(self, ids: list[str]) -> list[int]:
        """For each id, the article holding it among those in the arrays."""
        found = [-1] * len(ids)
        if not len(self._id_hashes) or not ids:
            return found
        hashes = self._hashes(ids)
        lo = self._id_hashes.searchsorted(hashes, "left")
        hi = self._id_hashes.searchsorted(hashes, "right")
        for i in np.flatnonzero(hi > lo).tolist():
            for number in self._id_numbers[lo[i] : hi[i]].tolist():  # usually one; more on a hash collision
                if self._article_id(number) == ids[i]:
                    found[i] = number
                    break
        return found

    def _lookup_texts(self, keys: bytes) -> list[int]:
        """For each text key (``keys``: all of them joined), the first article with it among those in the
        arrays."""
        wanted = np.frombuffer(keys, self._text_keys.dtype)
        if not len(self._text_keys):
            return [-1] * len(wanted)
        at = self._text_keys.searchsorted(wanted).clip(max=len(self._text_keys) - 1)
        return np.where(self._text_keys[at] == wanted, self._text_numbers[at].astype(np.int64), -1).tolist()

    def _move_recent(self) -> None:
        """Merge the recent dicts into the sorted arrays."""
        ids, texts = self._recent_ids, self._recent_texts
        self._id_hashes, self._id_numbers = _merge_sorted(
            self._id_hashes, self._id_numbers, self._hashes(ids), np.fromiter(ids.values(), np.uint32, len(ids))
        )
        self._text_keys, self._text_numbers = _merge_sorted(
            self._text_keys,
            self._text_numbers,
            np.frombuffer(b"".join(texts), self._text_keys.dtype),
            np.fromiter(texts.values(), np.uint32, len(texts)),
        )
        self._recent_ids, self._recent_texts = {}, {}


def _merge_sorted(keys: np.ndarray, values: np.ndarray, new_keys: np.ndarray, new_values: np.ndarray):
    """``(keys, values)`` sorted by key with the new pairs inserted (new arrays)."""
    order = new_keys.argsort(kind="stable")
    new_keys, new_values = new_keys[order], new_values[order]
    at = keys.searchsorted(new_keys)
    return np.insert(keys, at, new_keys), np.insert(values, at, new_values)


class _Builder:
    """Turns records into article rows: ids, cleaning, dates, duplicates; emits bounded chunks.

    Records wait in ``pending`` (in input order, skips included) until :meth:`take` cleans their texts
    all at once and settles their ids and duplicate links in one batch (:class:`CorpusIds`)."""

    COLUMNS = tuple(schema.ARTICLES)

    def __init__(self, *, timezone: str, fields: Mapping[str, str] | None, identities: CorpusIds | None = None):
        self.timezone = timezone
        self.overrides = tuple(sorted((fields or {}).items()))
        # None: one partition of a corpus loaded on its own; ids and duplicates are settled later from
        # ``claims`` by the caller, who sees every partition in order (see load_partition)
        self.identities = identities
        self.claims: list[IdClaim] = []  # unsettled claims of every take() (identities None)
        self.pending: list[_Pending | _Skip] = []
        self.n_candidates = 0

    def skip(self, item: _Skip) -> None:
        self.pending.append(item)

    def add(self, rec: _Record) -> None:
        values = rec.values
        if isinstance(values, str):
            values = {"text": values}
        if not isinstance(values, dict):
            self.pending.append(
                _Skip(
                    rec.path,
                    rec.index,
                    "not a record",
                    f"a JSON {type(values).__name__}, expected an object with a text field",
                )
            )
            return
        fmap = _field_map(tuple(str(k) for k in values), self.overrides)
        meta = rec.meta
        meta_map = _field_map(tuple(meta), ()) if meta else {}
        if "text" not in fmap:
            want = dict(self.overrides).get("text")
            hint = f"field {want!r} is missing" if want else f"none of {', '.join(FIELD_NAMES['text'])}"
            self.pending.append(
                _Skip(
                    rec.path,
                    rec.index,
                    "no text field",
                    f"{hint}; the record has {sorted(map(str, values))[:12]} — name the text field with fields={{'text': ...}}",
                )
            )
            return

        def get(role: str) -> Any:
            if role in fmap:
                v = values[fmap[role]]
                if v is not None and v != "":
                    return v
            if role in meta_map:
                return meta[meta_map[role]]
            return None

        raw = _as_text(values[fmap["text"]]) or ""
        self.pending.append(_Pending(rec, values, get, frozenset(fmap.values()), frozenset(meta_map.values()), raw))
        self.n_candidates += 1

    def take(self) -> CorpusChunk:
        """Articles and skipped rows of everything pending, in input order."""
        items, self.pending, self.n_candidates = self.pending, [], 0
        cleaned = clean_texts([it.raw_text for it in items if isinstance(it, _Pending)])
        kept = [t for t in cleaned if t]
        n_words, keys = _words_and_keys(kept)
        is_kept = [bool(t) for t in cleaned]
        rows: dict[str, list] = {c: [] for c in self.COLUMNS if c != "text"}
        skipped: list[_Skip] = []
        claims: list[IdClaim] = []
        k = 0  # index into kept
        ci = 0  # index into cands
        for it in items:
            if isinstance(it, _Skip):
                skipped.append(it)
                continue
            ok = is_kept[ci]
            ci += 1
            rec = it.rec
            if not ok:
                skipped.append(
                    _Skip(rec.path, rec.index, "empty text", "no text left after cleaning (blank, or boilerplate only)")
                )
                continue
            self._row(it, n_words[k], keys[k], rows, skipped, claims)
            k += 1
        if self.identities is None:
            self.claims += claims
        elif claims:
            settled = self.identities.settle(claims)
            rows["article_id"] = [_no_surrogates(i) for i in settled.article_ids]
            rows["duplicate_of"] = list(settled.duplicate_of)
            for at, note in reversed(settled.notes):  # from the last, so earlier positions still hold
                skipped.insert(at, note)
        for col in ("title", "author"):  # cleaned like the text, all at once, on one line
            raw = rows[col]
            done = clean_texts([r or "" for r in raw])
            rows[col] = [c.replace("\n", " ") or None if r else None for r, c in zip(raw, done)]
        df = pd.DataFrame(rows)
        df["text"] = pd.Series(kept, dtype=schema.STRING)
        df["published"] = pd.to_datetime(pd.Series(rows["published"], dtype="object"), utc=True).astype(schema.UTC)
        return CorpusChunk(schema.conform(df, "articles"), _skipped_frame(skipped))

    def _row(
        self, it: _Pending, n_words: int, key: bytes, rows: dict[str, list], skipped: list[_Skip], claims: list[IdClaim]
    ) -> None:
        """Append the article's row (its id unsettled, no duplicate link) and its claim."""
        rec, get = it.rec, it.get
        origin = _origin_of(rec.path, rec.index)
        if rec.note:
            skipped.append(_Skip(rec.path, rec.index, *rec.note))
        tzname = _as_label(get("timezone")) or self.timezone
        published, problem = _parse_published(get("published"), tzname)
        if problem:
            skipped.append(_Skip(rec.path, rec.index, "loaded without date", problem))
        article_id = _as_verbatim(get("id")) or _default_id(rec.path, rec.index)
        claims.append(IdClaim(article_id, origin, key, rec.path, rec.index, len(skipped)))
        extra = {str(k): v for k, v in it.values.items() if k not in it.used and v is not None and v != ""}
        for k, v in rec.meta.items():
            if k not in it.meta_used and k not in extra and v is not None and v != "":
                extra[k] = v
        rows["article_id"].append(_no_surrogates(article_id))
        rows["source"].append(_no_surrogates(_as_label(get("source"))))
        rows["published"].append(published)
        rows["timezone"].append(_no_surrogates(tzname))
        rows["title"].append(_as_text(get("title"), ", "))
        rows["url"].append(_no_surrogates(_as_verbatim(get("url"))))
        rows["n_words"].append(n_words)
        rows["duplicate_of"].append(None)
        rows["author"].append(_as_text(get("author"), ", "))
        rows["origin"].append(origin)
        rows["extra"].append(_no_surrogates(json.dumps(extra, ensure_ascii=False, default=str)) if extra else None)


def _skipped_frame(rows: list[_Skip]) -> pd.DataFrame:
    if not rows:
        return schema.empty("skipped")
    df = pd.DataFrame(
        [(r.path, r.record, r.reason, _no_surrogates(r.detail)) for r in rows], columns=list(schema.SKIPPED)
    )
    df["record"] = pd.array([r.record for r in rows], dtype="Int64")
    return schema.conform(df, "skipped")


def iter_corpus(
    path: str | os.PathLike,
    *,
    chunk_size: int = 500,
    timezone: str = "UTC",
    fields: Mapping[str, str] | None = None,
    progress: bool = False,
) -> Iterator[CorpusChunk]:
    """Yield the corpus at ``path`` (a folder, read recursively, or one file) as :class:`CorpusChunk`
    ``(articles, skipped)``: ``articles`` has the columns of ``schema.ARTICLES`` and at most
    ``chunk_size`` rows; ``skipped`` the rows of the skipped report met since the previous chunk.

    ``timezone``: IANA zone for naive dates without a metadata ``timezone``. ``fields``: overrides of
    the detected field names, role → input name, roles as in :data:`FIELD_NAMES`. ``progress``: a
    progress bar on stderr. Order is deterministic: sorted relative paths, then record order.
    Raises ``FileNotFoundError`` when ``path`` does not exist and ``ValueError`` for a bad argument;
    a bad file never raises — it is reported in ``skipped`` and the rest loads.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(
            f"corpus {str(root)!r} does not exist; give a folder or a file (.txt .jsonl .json .csv .tsv .parquet .zip)"
        )
    if _zone(timezone) is None:
        raise ValueError(f"timezone {timezone!r} is not an IANA zone name (e.g. 'UTC', 'Asia/Riyadh')")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    unknown = set(fields or {}) - set(FIELD_NAMES)
    if unknown:
        raise ValueError(f"fields: unknown role(s) {sorted(unknown)}; known: {list(FIELD_NAMES)}")
    builder = _Builder(timezone=timezone, fields=fields, identities=CorpusIds())
    ctx = _Context()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(unit=" articles", desc=root.name, file=sys.stderr, dynamic_ncols=True)
    try:
        for item in _iter_tree(_discover(root), ctx):
            if isinstance(item, _Skip):
                builder.skip(item)
            else:
                builder.add(item)
            # a chunk holds at most chunk_size articles; many skipped records also close a chunk
            if builder.n_candidates >= chunk_size or len(builder.pending) >= 4 * chunk_size:
                chunk = builder.take()
                if bar is not None:
                    bar.update(len(chunk.articles))
                yield chunk
        # rows naming files that were never met (a single file: only its own rows matter)
        unused = set() if root.is_file() else set(ctx.metadata) - ctx.used
        for key in sorted(unused):
            csv_path, row = ctx.metadata_origin[key]
            builder.skip(
                _Skip(csv_path, row, "metadata without file", f"no file {key!r} in the corpus; fix the 'path' value")
            )
        if builder.pending:
            chunk = builder.take()
            if bar is not None:
                bar.update(len(chunk.articles))
            yield chunk
    finally:
        if bar is not None:
            bar.close()


def load_corpus(path: str | os.PathLike, **kw: Any) -> Corpus:
    """The whole corpus in memory: :func:`iter_corpus` (same keyword options) with the chunks
    concatenated. ``Corpus(articles, skipped)``; both frames empty (with their columns) if nothing."""
    arts, skips = [], []
    for chunk in iter_corpus(path, **kw):
        arts.append(chunk.articles)
        skips.append(chunk.skipped)
    articles = pd.concat(arts, ignore_index=True) if arts else schema.empty("articles")
    skipped = pd.concat(skips, ignore_index=True) if skips else schema.empty("skipped")
    return Corpus(schema.conform(articles, "articles"), schema.conform(skipped, "skipped"))


# --- partitions: the corpus loaded piece by piece, elsewhere (analysis.dask_engine) ----------------
# The loader's steps are all local to a record except two corpus-wide ones: article_id collisions and
# duplicate links depend on every earlier article. So a corpus is cut into partitions (runs of input
# files in load order, with the skipped-report rows met between them); each partition is loaded on its
# own (anywhere: a partition names its files by absolute path), leaving ids unsettled and reporting
# small :class:`IdClaim`\ s; the caller settles them partition by partition in load order
# (:class:`CorpusIds`) and applies the result (:func:`apply_settlement`). The concatenation is then
# identical, row for row, to :func:`load_corpus` (tests/test_dask_engine.py checks it).


class _Leaf(NamedTuple):
    """A data file found by the traversal but not read yet (picklable: no open file handles)."""

    path: str
    source: Path | None
    members: tuple[int, ...]
    size: int
    meta: dict[str, Any]


class Partition(NamedTuple):
    """A slice of a corpus's input in load order: ``items`` are data files to read and skipped-report
    rows met between them (in their order); ``n_bytes`` the files' (uncompressed) size; ``files``
    their paths relative to the corpus root."""

    index: int
    items: tuple
    n_bytes: int

    @property
    def files(self) -> list[str]:
        return [it.path for it in self.items if isinstance(it, _Leaf)]


class LoadedPartition(NamedTuple):
    """A partition loaded on its own: ``articles`` with ``article_id`` not yet made unique and
    ``duplicate_of`` empty, ``skipped`` without the renamed-id notes, and one :class:`IdClaim` per
    article (in order) to settle them."""

    articles: pd.DataFrame
    skipped: pd.DataFrame
    claims: tuple[IdClaim, ...]


def list_partitions(path: str | os.PathLike, *, max_bytes: int = 8 << 20) -> list[Partition]:
    """Cut the corpus at ``path`` into partitions of whole input files (zip members count as files), in
    load order, each closed once it holds ``max_bytes`` of files; a file is never split. Reads only
    folder listings, zip directories and metadata (``metadata.csv``, sidecars), never the articles.

    >>> [p.files for p in list_partitions("data/seeds")]  # doctest: +SKIP
    [['000_e3dabb0c118fe892.txt', 'saudinewsnet_sample.jsonl']]
    """
    root = Path(path).absolute()  # partitions may be read by processes with another working directory
    if not root.exists():
        raise FileNotFoundError(
            f"corpus {str(path)!r} does not exist; give a folder or a file (.txt .jsonl .json .csv .tsv .parquet .zip)"
        )
    ctx = _Context(defer=True)
    items: list[_Leaf | _Skip] = list(_iter_tree(_discover(root), ctx))
    unused = set() if root.is_file() else set(ctx.metadata) - ctx.used
    for key in sorted(unused):
        csv_path, row = ctx.metadata_origin[key]
        items.append(_Skip(csv_path, row, "metadata without file", f"no file {key!r} in the corpus; fix the 'path' value"))
    parts: list[Partition] = []
    current: list[_Leaf | _Skip] = []
    n_bytes = 0
    for item in items:
        current.append(item)
        if isinstance(item, _Leaf):
            n_bytes += max(item.size, 0)
            if n_bytes >= max_bytes:
                parts.append(Partition(len(parts), tuple(current), n_bytes))
                current, n_bytes = [], 0
    if current:
        if parts and not any(isinstance(it, _Leaf) for it in current):  # trailing report rows: to the last
            last = parts.pop()
            parts.append(last._replace(items=last.items + tuple(current)))
        else:
            parts.append(Partition(len(parts), tuple(current), n_bytes))
    return parts


def _open_located(source: Path, members: tuple[int, ...]) -> IO[bytes]:
    """Open the file at ``source`` or, inside it, the zip member at ``members`` (positions in each
    archive's ``infolist()``, outermost first). Closing the stream closes the archives too."""
    if not members:
        return source.open("rb")
    outer = source.open("rb")
    opened: list[Any] = [outer]
    try:
        zf = zipfile.ZipFile(outer)
        opened.append(zf)
        for position in members[:-1]:
            zf = zipfile.ZipFile(io.BytesIO(zf.read(zf.infolist()[position])))
            opened.append(zf)
        stream = zf.open(zf.infolist()[members[-1]])
    except BaseException:
        for o in reversed(opened):
            o.close()
        raise
    close_member = stream.close

    def close() -> None:  # the member stream owns its archives
        close_member()
        for o in reversed(opened):
            o.close()

    stream.close = close  # type: ignore[method-assign]
    return stream


def load_partition(
    partition: Partition, *, timezone: str = "UTC", fields: Mapping[str, str] | None = None
) -> LoadedPartition:
    """Load one partition (from :func:`list_partitions`) on its own, every article at once.
    ``timezone`` and ``fields`` as in :func:`iter_corpus`. Ids and duplicates are left to settle:
    see :class:`LoadedPartition`."""
    if _zone(timezone) is None:
        raise ValueError(f"timezone {timezone!r} is not an IANA zone name (e.g. 'UTC', 'Asia/Riyadh')")
    builder = _Builder(timezone=timezone, fields=fields, identities=None)
    for item in partition.items:
        if isinstance(item, _Skip):
            builder.skip(item)
            continue
        entry = _Entry(
            item.path, partial(_open_located, item.source, item.members), item.size, item.source, item.members
        )
        for rec in _read_file(entry, None, item.meta):
            if isinstance(rec, _Skip):
                builder.skip(rec)
            else:
                builder.add(rec)
    chunk = builder.take()
    return LoadedPartition(chunk.articles, chunk.skipped, tuple(builder.claims))


def apply_settlement(loaded: LoadedPartition, settlement: Settlement) -> CorpusChunk:
    """The partition's final ``(articles, skipped)``: settled ids and duplicate links, renamed-id notes
    in their place. A new pair of frames; ``loaded`` is not modified."""
    if len(settlement.article_ids) != len(loaded.articles):
        raise ValueError(f"settlement for {len(settlement.article_ids)} articles, partition has {len(loaded.articles)}")
    articles = loaded.articles.copy()
    articles["article_id"] = pd.array([_no_surrogates(i) for i in settlement.article_ids], dtype=schema.STRING)
    articles["duplicate_of"] = pd.array(list(settlement.duplicate_of), dtype=schema.STRING)
    skipped = loaded.skipped
    if settlement.notes:
        notes = _skipped_frame([n for _, n in settlement.notes])
        # a note goes before the row that was at its position when it was made (stable: notes first)
        order = np.concatenate([np.arange(len(skipped)) * 2 + 1, np.array([p for p, _ in settlement.notes]) * 2])
        both = pd.concat([skipped, notes], ignore_index=True)
        skipped = both.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
    return CorpusChunk(schema.conform(articles, "articles"), schema.conform(skipped, "skipped"))
