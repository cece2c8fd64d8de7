"""A fast equivalent of :func:`analysis.normalize.normalize_for_matching` (default profile) for the hot path.

``str.translate`` with a dict costs ~90 ns per character on Arabic text; the attribution stage must run at
thousands of articles per second, so it composes C-level ``str.replace`` calls and one regex deletion instead,
and builds the offset map with numpy. The result is the same string as ``normalize(text)`` and the same
``span_in_original`` / ``index_in_norm`` behaviour as :class:`analysis.normalize.NormalizedText` (tested).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from analysis.normalize import DIACRITICS, TATWEEL, NormalizedText

_DELETE_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_INDIC_DIGITS_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}


@lru_cache(maxsize=1)
def _deletion_mask() -> np.ndarray:
    mask = np.zeros(0x10000, dtype=bool)
    for m in re.finditer(r"(.)(?:-(.))?", DIACRITICS + TATWEEL):
        a = ord(m.group(1))
        b = ord(m.group(2)) if m.group(2) else a
        mask[a : b + 1] = True
    return mask


def fast_normalize(text: str) -> NormalizedText:
    """``normalize_for_matching(text)`` with the default profile, computed faster.

    >>> nt = fast_normalize("وأكّد الوزيرُ")
    >>> nt.norm, nt.span_in_original(0, 4), nt.text[0:5]
    ('واكد الوزير', (0, 5), 'وأكّد')
    """
    s = _DELETE_RE.sub("", text) if _DELETE_RE.search(text) else text
    deleted = len(s) != len(text)
    for a in "أإآٱ":
        if a in s:
            s = s.replace(a, "ا")
    if "ى" in s:
        s = s.replace("ى", "ي")
    if "ة" in s:
        s = s.replace("ة", "ه")
    if _INDIC_DIGITS_RE.search(s):
        s = s.translate(_DIGITS)
    if not deleted:
        return NormalizedText(text, s, None)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    keep = ~_deletion_mask()[np.minimum(cps, 0xFFFF)]
    return NormalizedText(text, s, np.flatnonzero(keep))
