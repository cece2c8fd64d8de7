"""Settings passed explicitly to the pipeline and the extractors (no module-level mutable state)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:  # frozen: safe as a default argument
    """What a run of ``extract`` needs to know.

    timezone     IANA zone in which naive timestamps of the corpus are read (SaudiNewsNet: "Asia/Riyadh").
    chunk_size   articles per chunk: bounds memory per stage and is the unit of parallel work.
    workers      processes for the extractors (1 = in this process).
    codebook     extra actor CSV files that extend or override the default codebook.
    fields       overrides of the detected input field names, e.g. {"text": "body", "published": "pubdate"}.
    stages       which extraction tables to produce.
    progress     show a progress bar on stderr.
    tagger       also run the optional statistical name tagger (trained on ANERcorp train; slower); a string
                 names another model (see ``analysis.actors.extract_mentions``).
    tagger_margin  gap-filler margin of the tagger (None: the model's own; see ``extract_mentions``).
    """

    timezone: str = "UTC"
    chunk_size: int = 1000
    workers: int = 1
    codebook: tuple[Path, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    stages: tuple[str, ...] = ("mentions", "timex", "events", "attributions")
    progress: bool = False
    tagger: bool | str = False
    tagger_margin: float | None = None
