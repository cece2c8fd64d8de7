"""Settings passed explicitly to the pipeline and the extractors (no module-level mutable state)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


#: The model file (analysis/resources/tagger/) of the default configuration's gap filler.
GAP_FILLER = "saudinewsnet_gap.json.gz"


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
    tagger       the statistical name tagger run after the rules (see ``analysis.actors.extract_mentions``): by
                 default the gap filler (:data:`GAP_FILLER`: names only where no rule mention is; trained on
                 hand-annotated SaudiNewsNet articles, CC BY-NC-SA 4.0, see analysis/resources/tagger/README.md);
                 False: the rules alone (``extract --no-gap-filler``); True: the ANERcorp tagger (``--tagger``); a
                 string names another model.
    tagger_margin  gap-filler margin of the tagger (None: the model's own; see ``extract_mentions``).
    """

    timezone: str = "UTC"
    chunk_size: int = 1000
    workers: int = 1
    codebook: tuple[Path, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    stages: tuple[str, ...] = ("mentions", "timex", "events", "attributions")
    progress: bool = False
    tagger: bool | str = GAP_FILLER
    tagger_margin: float | None = None
