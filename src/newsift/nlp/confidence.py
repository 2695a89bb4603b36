"""The confidence a report gives each attribution: the rules' number, mapped to how often it is right.

The quotes stage sets a raw confidence by hand-written rule (the cue's probability, and how its
speaker was found).  It leaves out plain facts that tell how often such an attribution is right:
how long its content is (a content of one or two words is mostly a noun the cue governs,
"praised *Lopez*"), whether it has a cue of its own, whether it has a speaker.  A small
logistic map, fitted by the attribution trainer on held-out train articles that the weights
never saw, turns the raw number and those facts into the chance that the attribution is right:
its content matches an annotated one and its speaker is the annotated source
(:mod:`newsift.nlp.attribution_scoring`).  The rules keep the raw number for their own choices;
only the report carries the mapped one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..report import Quote
from .attribution_scoring import group_quotes

FEATURES: tuple[str, ...] = ("rule_logit", "direct", "mixed", "log_words", "short", "no_cue", "no_speaker")
# Contents of this many words or fewer are mostly a noun the cue governs, not a statement.
SHORT_WORDS = 2
# The raw number is clipped before its logit: the rules give 0.95 at most and never 0.
_CLIP = 0.01
_WORD = re.compile(r"\w+")


def confidence_features(raw: float, kind: str, content: str, has_cue: bool, has_speaker: bool) -> list[float]:
    """The map's inputs for one attribution, in :data:`FEATURES` order."""
    clipped = min(max(raw, _CLIP), 1.0 - _CLIP)
    words = len(_WORD.findall(content))
    return [
        math.log(clipped / (1.0 - clipped)),
        float(kind == "direct"),
        float(kind == "mixed"),
        math.log1p(words),
        float(words <= SHORT_WORDS),
        float(not has_cue),
        float(not has_speaker),
    ]


@dataclass(frozen=True)
class ConfidenceMap:
    """``p = sigmoid(intercept + coef · features)``, with what it was fitted on in ``meta``."""

    coef: tuple[float, ...]
    intercept: float
    meta: Mapping[str, Any]

    def __call__(self, features: Sequence[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.coef, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "coef": [round(c, 6) for c in self.coef],
            "intercept": round(self.intercept, 6),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConfidenceMap:
        """Raises ValueError when the map is not one this newsift can apply."""
        if list(data["features"]) != list(FEATURES):
            raise ValueError(f"confidence features {data['features']!r} are not {list(FEATURES)!r}")
        coef = tuple(float(c) for c in data["coef"])
        intercept = float(data["intercept"])
        if len(coef) != len(FEATURES) or not all(map(math.isfinite, (*coef, intercept))):
            raise ValueError("the confidence map's weights are malformed")
        return cls(coef, intercept, dict(data.get("meta", {})))


def quote_features(quote: Quote) -> list[float]:
    """:func:`confidence_features` of a report's quote, whose confidence is still the rules' number."""
    return confidence_features(
        quote.confidence, quote.kind, quote.content.text, quote.cue is not None, quote.speaker is not None
    )


def calibrated(quotes: Sequence[Quote], mapping: ConfidenceMap) -> list[Quote]:
    """``quotes`` with the mapped confidence in place of the rules' number.

    The map learned what an attribution is, as PolNeAR annotates it: a quote with the pieces of a
    split quote and the cue-less quotes that go on with it, described by its first piece.  So each
    piece carries its attribution's number: a quote that goes on after "he said" is as sure as the
    one it goes on from, and the map was never shown such a piece on its own.
    """
    mapped = {id(q): round(mapping(quote_features(g[0])), 3) for g in group_quotes(quotes) for q in g}
    return [replace(q, confidence=mapped[id(q)]) for q in quotes]


def fit_confidence_map(
    rows: Sequence[Sequence[float]], right: Sequence[bool], about: Mapping[str, Any] | None = None, c: float = 1.0
) -> ConfidenceMap:
    """Logistic regression of ``right`` on ``rows`` (training only: needs scikit-learn); ``about``
    says what the rows were read from, for the model file."""
    from sklearn.linear_model import LogisticRegression

    if len(set(right)) < 2:
        raise ValueError("the confidence map needs both right and wrong attributions to learn from")
    model = LogisticRegression(C=c, max_iter=1000).fit([list(r) for r in rows], [int(r) for r in right])
    meta = {**(about or {}), "C": c, "rows": len(rows), "right": int(sum(right))}
    return ConfidenceMap(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), meta)
