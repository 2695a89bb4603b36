"""The credibility model: a standardised logistic regression with a calibrated scale.

Linear on purpose: each feature's share of the log-odds is an explanation that
needs no approximation, and the model is a handful of numbers that ship as one
JSON file (no code runs on load, no pickle).  Two fits ship together: one with
the domain-reputation features and one without, because most pasted articles
come with no known domain.

Calibration is fitted on leave-one-dataset-out decision values (see
:func:`newsift.scoring.train.fit_scorer`), so the probabilities are calibrated
for collections and sources the model did not see, which is how it is used.
The stored map is ``p = sigmoid(a * z + b)``; the shipped fit is a temperature
(``b = 0``), older files carry a Platt fit, and both load the same way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ModelUnavailableError
from ..modelfile import read_model_json
from ..report import Signal
from .features import feature_names, vectorise
from .text import TextModel, Wording, narration

FORMAT_NAME = "newsift.credibility.linear"
FORMAT_VERSION = 2
MODEL_FILENAME = "model.json"
_RETRAIN_HINT = "reinstall newsift, or retrain with `newsift train --data ../shared/data`"


# The base rate the probabilities assume: every fit weighs the two classes half and half
# (``class_balanced`` in train.py), since a deployed model cannot know the rate of what it is given.
FITTED_BASE_RATE = 0.5


def base_rate_shift(rate: float, fitted: float = FITTED_BASE_RATE) -> float:
    """What moving from the ``fitted`` base rate to ``rate`` adds to the log-odds (Bayes' rule:
    the odds scale by the ratio of the two priors' odds)."""
    return math.log(rate / (1 - rate)) - math.log(fitted / (1 - fitted))


def at_base_rate(p: float, rate: float, fitted: float = FITTED_BASE_RATE) -> float:
    """``p``, a probability under the ``fitted`` base rate, under ``rate`` instead."""
    p = min(max(p, 1e-12), 1 - 1e-12)
    return sigmoid(math.log(p / (1 - p)) + base_rate_shift(rate, fitted))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class LinearScorer:
    """One fitted model: ``p = sigmoid(a * (b0 + sum(w * (x - mean) / scale)) + b)``."""

    names: list[str]
    mean_: list[float]
    scale_: list[float]
    coef_: list[float]
    intercept_: float
    platt_a_: float = 1.0
    platt_b_: float = 0.0
    with_domain: bool = False
    calibration: str = "platt"

    def contributions(self, x: Sequence[float]) -> list[float]:
        """Each feature's share of the calibrated log-odds (positive: towards unreliable)."""
        a = self.platt_a_
        # An unknown value (nan) sits at the training mean: it counts for nothing.
        return [
            0.0 if v != v else a * w * (v - m) / s
            for w, v, m, s in zip(self.coef_, x, self.mean_, self.scale_, strict=True)
        ]

    def decision(self, x: Sequence[float]) -> float:
        z = self.intercept_ + sum(
            0.0 if v != v else w * (v - m) / s
            for w, v, m, s in zip(self.coef_, x, self.mean_, self.scale_, strict=True)
        )
        return self.platt_a_ * z + self.platt_b_

    def probability(self, x: Sequence[float]) -> float:
        return sigmoid(self.decision(x))

    def vector(
        self, signals: Mapping[str, Signal], wording: float | None = None, style: float | None = None
    ) -> list[float]:
        return vectorise(signals, with_domain=self.with_domain, wording=wording, style=style)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": self.names,
            "mean": [round(v, 6) for v in self.mean_],
            "scale": [round(v, 6) for v in self.scale_],
            "coef": [round(v, 6) for v in self.coef_],
            "intercept": round(self.intercept_, 6),
            "calibration": {
                "method": self.calibration,
                "a": round(self.platt_a_, 6),
                "b": round(self.platt_b_, 6),
            },
            "with_domain": self.with_domain,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str) -> LinearScorer:
        try:
            names = [str(n) for n in data["features"]]
            scorer = cls(
                names=names,
                mean_=[float(v) for v in data["mean"]],
                scale_=[float(v) for v in data["scale"]],
                coef_=[float(v) for v in data["coef"]],
                intercept_=float(data["intercept"]),
                platt_a_=float(data["calibration"]["a"]),
                platt_b_=float(data["calibration"]["b"]),
                with_domain=bool(data["with_domain"]),
                calibration=str(data["calibration"].get("method", "platt")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelUnavailableError(f"{source} is incomplete or malformed: {exc!r}", hint=_RETRAIN_HINT) from exc
        lengths = {len(names), len(scorer.mean_), len(scorer.scale_), len(scorer.coef_)}
        if len(lengths) != 1:
            raise ModelUnavailableError(f"{source}: feature arrays differ in length", hint=_RETRAIN_HINT)
        # The file's features must be the ones this newsift computes, in the same order.
        expected = feature_names(with_domain=scorer.with_domain)
        if names != expected:
            raise ModelUnavailableError(
                f"{source} was trained on other features than this newsift computes "
                f"({sorted(set(names) ^ set(expected))[:5]} differ)",
                hint=_RETRAIN_HINT,
            )
        numbers = [*scorer.mean_, *scorer.coef_, scorer.intercept_, scorer.platt_a_, scorer.platt_b_]
        if not all(map(math.isfinite, numbers)) or not all(s > 0 for s in scorer.scale_):
            raise ModelUnavailableError(f"{source}: a weight is not a finite number", hint=_RETRAIN_HINT)
        return scorer


@dataclass
class CredibilityModel:
    """The shipped pair of scorers, the two wording models, and the metadata the model card is written from."""

    with_domain: LinearScorer
    without_domain: LinearScorer
    text: TextModel
    style: TextModel
    metadata: dict[str, Any] = field(default_factory=dict)
    # The digest of the file it was loaded from; empty for a model built in memory.
    sha256: str = ""

    def identity(self) -> str:
        """Which model this is, in the words a report carries: the file's digest, the day it was
        trained and the signals it learned from, so a saved score can be traced to its file and card."""
        parts = [f"sha256 {self.sha256[:12]}"] if self.sha256 else []
        for key, words in (("trained", "trained"), ("signals_cache_version", "on")):
            value = self.metadata.get(key)
            if isinstance(value, str) and value:
                parts.append(f"{words} {value}")
        return "credibility model" + (f" ({', '.join(parts)})" if parts else "")

    def read_text(self, text: str) -> tuple[Wording, float | None]:
        """The wording model's reading of ``text`` and the style model's score, from one
        :func:`~newsift.scoring.text.narration` of it: making it finds every quoted passage, which
        each model had done again for the same text."""
        if not text.strip():
            return Wording(None, []), None
        told = narration(text)
        return self.text.read(text, told=told), self.style.decision(text, told=told)

    def scorer_for(self, signals: Mapping[str, Signal]) -> LinearScorer:
        """The scorer an article gets: with the domain prior only where the reputation table knows
        its domain; an unknown domain says nothing, and the prior's features would read it as average."""
        reputation = signals.get("source.reputation")
        known = reputation is not None and reputation.value not in (None, "unknown")
        return self.with_domain if known else self.without_domain

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "with_domain": self.with_domain.to_dict(),
            "without_domain": self.without_domain.to_dict(),
            "text": self.text.to_dict(),
            "style": self.style.to_dict(),
            "metadata": self.metadata,
        }

    def save(self, path: str | Path) -> Path:
        file = Path(path)
        if file.is_dir() or not file.suffix:
            file = file / MODEL_FILENAME
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(self.to_dict(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return file

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> CredibilityModel:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT_NAME:
            raise ModelUnavailableError(f"{source} is not a newsift credibility model", hint=_RETRAIN_HINT)
        if data.get("format_version") != FORMAT_VERSION:
            raise ModelUnavailableError(
                f"{source} has format version {data.get('format_version')!r}; "
                f"this newsift reads version {FORMAT_VERSION}",
                hint=_RETRAIN_HINT,
            )
        with_domain = LinearScorer.from_dict(data.get("with_domain") or {}, source)
        without_domain = LinearScorer.from_dict(data.get("without_domain") or {}, source)
        if not with_domain.with_domain or without_domain.with_domain:
            raise ModelUnavailableError(f"{source}: the two scorers are swapped", hint=_RETRAIN_HINT)
        text = TextModel.from_dict(data.get("text") or {}, source)
        style = TextModel.from_dict(data.get("style") or {}, source)
        if text.analyzer != "words" or style.analyzer != "style":
            raise ModelUnavailableError(f"{source}: the wording models' analyzers are swapped", hint=_RETRAIN_HINT)
        metadata = data.get("metadata")
        return cls(with_domain, without_domain, text, style, dict(metadata) if isinstance(metadata, Mapping) else {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> CredibilityModel:
        """Load a model file (or a directory holding ``model.json``); None loads the shipped model."""
        data, source, digest = read_model_json("credibility", MODEL_FILENAME, path, hint=_RETRAIN_HINT)
        model = cls.from_dict(data, source=source)
        model.sha256 = digest
        return model
