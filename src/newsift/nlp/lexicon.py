"""The cue lexicon learned on PolNeAR train: lemma -> how often that word is an attribution cue.

Read from ``newsift/models/attribution/cue_lexicon.json`` when one is there.  None
ships: it lost to the rule tables on PolNeAR dev, and the attribution model
(:mod:`newsift.nlp.attribution_model`) replaced it.  Kept so that
``eval/attribution.py --lexicon`` can still compare one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ModelUnavailableError

FORMAT_VERSION = 1
LEXICON_FILE = "cue_lexicon.json"


@dataclass(frozen=True)
class CueLexicon:
    weights: dict[str, float]  # lemma -> P(cue | lemma, verb with a subject or clause)
    threshold: float
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(
            {
                "format_version": self.format_version,
                "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items())),
            },
            indent=1,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> CueLexicon:
        try:
            data = json.loads(text)
            version = int(data["format_version"])
            if version != FORMAT_VERSION:
                raise ValueError(f"format_version {version}, this newsift reads {FORMAT_VERSION}")
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, float(data["threshold"]), version)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelUnavailableError(
                f"cue lexicon {source} is unreadable: {exc}",
                hint="remove it, or rebuild it in the JSON format this module writes",
            ) from None


def default_lexicon_path() -> Path:
    return Path(str(resources.files("newsift") / "models" / "attribution" / LEXICON_FILE))


def load_cue_lexicon(path: Path | None = None) -> CueLexicon | None:
    """The shipped lexicon, or None when none is shipped (the rule tables then decide alone)."""
    target = path or default_lexicon_path()
    if not target.is_file():
        return None
    return CueLexicon.from_json(target.read_text(encoding="utf-8"), str(target))
