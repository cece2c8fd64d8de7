"""Write a generated resource file, or only check that it is up to date (the ``--check`` of the build scripts)."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, summary: str, *, check: bool) -> None:
    """Write ``text`` to ``path``; with ``check``, write nothing and exit 1 when the file differs from ``text``
    (0 when it is the same). ``summary`` (e.g. "173 words") goes into the message either way."""
    if check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print(f"{path.name}: {'up to date' if same else 'OUT OF DATE'} ({summary})")
        sys.exit(0 if same else 1)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({summary})")
