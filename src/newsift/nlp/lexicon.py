"""The cue lexicon learned on PolNeAR train: lemma -> how often that word is an attribution cue.

Shipped as plain JSON in ``newsift/models/attribution/cue_lexicon.json`` (see
the MODEL_CARD.md beside it); built by ``python -m newsift.nlp.train_attribution``.
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
                hint="rebuild it with python -m newsift.nlp.train_attribution",
            ) from None


def default_lexicon_path() -> Path:
    return Path(str(resources.files("newsift") / "models" / "attribution" / LEXICON_FILE))


def load_cue_lexicon(path: Path | None = None) -> CueLexicon | None:
    """The shipped lexicon, or None when none is shipped (the rule tables then decide alone)."""
    target = path or default_lexicon_path()
    if not target.is_file():
        return None
    return CueLexicon.from_json(target.read_text(encoding="utf-8"), str(target))
