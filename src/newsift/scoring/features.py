"""The feature vector of one report, built from its signals alone.

Every feature is a named number with a plain-words description and the signal
whose evidence explains it.  A signal that is unknown (``None``: no title, no
quotes stage, no clean stage, no quotes to take a share of) gives ``nan``,
which the model reads as the training mean: unknown evidence counts for
nothing either way.  There are no "is missing" indicators on purpose: whether
a title or a quote was there is an artefact of how each dataset was collected
(one set lacks titles on most of its reliable items), and a model that learns
it learns the dataset, not the article.  Counts are log-scaled: a page with
twenty teasers is not ten times as telling as one with two.

Domain features (``source.*``) are kept apart: the model is fitted once with
them and once without, and the report carries both probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..report import Signal

Transform = Callable[[float], float]


def _log1p(x: float) -> float:
    return math.log1p(max(x, 0.0))


def _identity(x: float) -> float:
    return x


def _readability(x: float) -> float:
    # Flesch scores of odd texts (lists, one long sentence) run far outside 0..100.
    return min(max(x, -50.0), 120.0) / 100.0


@dataclass(frozen=True)
class FeatureSpec:
    name: str
    signal: str
    # What a high value means, phrased to complete "the article ..." in a reason.
    high: str
    low: str
    transform: Transform = _identity


@dataclass(frozen=True)
class Categorical:
    name: str
    signal: str
    category: str
    text: str


def _spec(signal: str, high: str, low: str, transform: Transform = _identity) -> FeatureSpec:
    return FeatureSpec(signal, signal, high, low, transform)


NUMERIC: tuple[FeatureSpec, ...] = (
    _spec("style.sensational", "uses sensational wording", "uses few sensational words", _log1p),
    _spec("style.caps_words", "has words in ALL CAPS", "has no shouting in capitals", _log1p),
    _spec("style.superlatives", "uses many superlatives", "uses few superlatives", _log1p),
    _spec("style.hedges", "hedges a lot", "hedges little", _log1p),
    _spec("style.first_person", "speaks in the first person", "avoids the first person", _log1p),
    _spec("style.second_person", "addresses the reader as 'you'", "does not address the reader", _log1p),
    _spec("style.emotion", "is emotionally charged", "is emotionally flat", _identity),
    _spec("style.exclamations", "uses exclamation marks", "uses no exclamation marks", _log1p),
    _spec(
        "style.readability",
        "is written in short, simple sentences",
        "is written in long, dense sentences",
        _readability,
    ),
    _spec("style.title_caps", "has a title in capitals", "has a title in normal case", _identity),
    _spec("style.title_exclaim", "has '!' in its title", "has no '!' in its title", _log1p),
    _spec("style.title_question", "has a question as its title", "has a statement as its title", _log1p),
    _spec("style.title_sensational", "has sensational words in its title", "has a sober title", _log1p),
    _spec(
        "sourcing.attributed_share",
        "attributes many of its sentences to sources",
        "attributes few of its sentences to any source",
        _identity,
    ),
    _spec("sourcing.named_sources", "quotes named sources", "quotes few named sources", _identity),
    _spec("sourcing.anonymous_sources", "leans on anonymous sources", "rarely uses anonymous sources", _identity),
    _spec(
        "sourcing.distinct_speakers",
        "quotes several different people",
        "quotes few or no different people",
        _log1p,
    ),
    _spec("sourcing.unattributed_quotes", "has quotes with no speaker", "attributes its quotes", _identity),
    _spec("sourcing.vague", "uses vague sourcing ('sources say')", "uses little vague sourcing", _log1p),
    _spec("sourcing.dates", "says when things happened (many dates)", "gives few dates for what it reports", _log1p),
    _spec("furniture.kinds", "sits among page furniture of several kinds", "has little page furniture", _log1p),
    _spec("furniture.comment_form", "has a comment form", "has no comment form", _log1p),
    _spec("furniture.share_prompts", "has share prompts", "has no share prompts", _log1p),
    _spec("furniture.ads", "has ads or sponsored blocks", "has no ads", _log1p),
    _spec("furniture.related_teasers", "carries related-link teasers", "carries no related-link teasers", _log1p),
    _spec("furniture.subscribe", "has subscribe or donate prompts", "has no subscribe prompts", _log1p),
    _spec("furniture.image_slug", "has leftover image file names", "has no leftover image names", _log1p),
    _spec("furniture.byline", "has a byline or dateline", "has no byline or dateline", _log1p),
    # The headline model reads all the page's headlines (title and related teasers), not the title
    # alone, so a site that runs baity teasers counts like one that writes baity titles; training
    # computes it the same way from the same signals.
    _spec(
        "clickbait.page",
        "sits among clickbait headlines (title and related teasers)",
        "sits among plain headlines",
        _identity,
    ),
    _spec("clickbait.related", "links to clickbait headlines", "links to no clickbait headlines", _identity),
    _spec("body.words", "is long", "is short", _log1p),
)

# The decision values of the two wording models (:mod:`.text`), not signals: computed by the score
# stage.  ``text.wording`` reads words (topical); ``text.style`` reads function words, punctuation and
# word shapes only (:mod:`.stylometry`), which carries better to sources the model has not seen.  Both
# read the writer's words, not the quoted ones (:func:`.text.narration`).
WORDING = "text.wording"
STYLE = "text.style"

DOMAIN: tuple[Categorical, ...] = (
    Categorical("source.reliable", "source.reputation", "reliable", "comes from a domain rated reliable"),
    Categorical("source.mixed", "source.reputation", "mixed", "comes from a domain with mixed ratings"),
    Categorical("source.unreliable", "source.reputation", "unreliable", "comes from a domain rated unreliable"),
    Categorical("source.satire", "source.reputation", "satire", "comes from a satire site"),
)


# The raters' quality numbers, averaged on a 0..1 scale (``source.reputation``'s ``quality``): the
# rating alone folds a site the lists score 0.9 and one they score 0.6 into "reliable", and among the
# rated items of the one held-out set whose reliable side is health agencies and mainstream outlets
# the number separates the classes better than the rating does (model card).  A rated domain with no
# quality number (a list of tags only) or an unknown one gives ``nan``: it counts for nothing.
QUALITY = "source.quality"


def feature_names(*, with_domain: bool) -> list[str]:
    names: list[str] = []
    names.extend(spec.name for spec in NUMERIC)
    names.extend((WORDING, STYLE))
    if with_domain:
        names.extend(c.name for c in DOMAIN)
        names.append(QUALITY)
    return names


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def vectorise(
    signals: Mapping[str, Signal], *, with_domain: bool, wording: float | None = None, style: float | None = None
) -> list[float]:
    """The feature vector, in :func:`feature_names` order; ``wording`` and ``style`` are the two
    wording models' scores (None: no text to read)."""
    out: list[float] = []
    for spec in NUMERIC:
        sig = signals.get(spec.signal)
        value = _number(sig.value) if sig is not None else None
        out.append(spec.transform(value) if value is not None else math.nan)
    out.append(math.nan if wording is None else wording)
    out.append(math.nan if style is None else style)
    if with_domain:
        rating = signals.get("source.reputation")
        current = rating.value if rating is not None else "unknown"
        out.extend(1.0 if current == c.category else 0.0 for c in DOMAIN)
        quality = _number(rating.detail.get("quality")) if rating is not None and current != "unknown" else None
        out.append(math.nan if quality is None else quality)
    return out


def describe(name: str, towards_unreliable: bool, value: float) -> str:
    """A reason in plain words: what the feature says about this article."""
    for spec in NUMERIC:
        if name == spec.name:
            return f"the article {spec.high if value > 0 else spec.low}"
    if name == WORDING:
        side = "unreliable" if towards_unreliable else "reliable"
        return f"the writer's wording (quotations aside) resembles the {side} articles of the training sets"
    if name == STYLE:
        side = "unreliable" if towards_unreliable else "reliable"
        return (
            "the writing style (function words, punctuation, capitals and numbers; topic and quotations aside) "
            f"resembles the {side} articles of the training sets"
        )
    for cat in DOMAIN:
        if name == cat.name:
            return f"the article {cat.text}" if value else f"the article does not come from a {cat.category} domain"
    if name == QUALITY:
        side = "above" if value > 0 else "below"
        return f"the rating lists put its domain's quality {side} the training average"
    return name


def signal_of(name: str) -> str:
    for spec in NUMERIC:
        if name == spec.name:
            return spec.signal
    for cat in DOMAIN:
        if name == cat.name:
            return cat.signal
    if name == QUALITY:
        return "source.reputation"
    return name
