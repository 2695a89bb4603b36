"""The ``score`` stage: a calibrated unreliability probability, a label, and the reasons.

The probability comes from the model with the domain prior when the
reputation table knows the domain, else from the model without it; the
latter is always reported too (``Score.without_domain``), since most pasted
articles come without a known domain.  Both assume the even mix of the two
classes the model was fitted on, unless the user knows the share of unreliable
articles in what they score (``Config.base_rate``): then both move to it by
Bayes' rule, and a reason says so.

The label is ``uncertain`` unless the probability clears a margin around 0.5,
and the margin widens with each way the evidence is thin: a short or missing
body, no title, sourcing or furniture that could not be measured.  With no
body at all, or a body shorter than any article the model learned from, the
label is always ``uncertain``; a text in another language than English, or a
bot-check page, gets no probability at all.  Each reason is one feature's
share of the log-odds, in plain words, with the evidence spans of the signal
behind it; the wording reason points at its strongest words in the text (the
style reason has no spans: its terms are word shapes, not passages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..report import Reason, Report, Score, Signal, Span
from ..signals.style import body_text
from .corpus import MIN_WORDS
from .features import NUMERIC, QUALITY, STYLE, WORDING, describe, signal_of
from .model import CredibilityModel, LinearScorer, at_base_rate, base_rate_shift
from .text import Wording, term_spans

if TYPE_CHECKING:
    from ..config import Config

BASE_MARGIN = 0.15
THIN_MARGIN = 0.1
SHORT_BODY_WORDS = 80
MAX_REASONS = 5
MIN_CONTRIBUTION = 0.05
MAX_REASON_EVIDENCE = 5
_SPEC = {s.name: s for s in NUMERIC}


@dataclass(frozen=True)
class Evidence:
    """How much the report has to go on, and why the label may be held back."""

    no_body: bool
    gaps: tuple[str, ...]
    # Shorter than every article the model learned from: its probability has nothing to be
    # calibrated against there. Over 3,000 covid_constraint2021 posts (median 25 words), the
    # labels it gave such texts were right 61 % of the time.
    too_short: bool = False

    @property
    def margin(self) -> float:
        return BASE_MARGIN + THIN_MARGIN * len(self.gaps)

    def label(self, p: float) -> str:
        """The label a probability earns on this evidence: ``uncertain`` inside the margin."""
        if self.no_body or self.too_short or abs(p - 0.5) < self.margin:
            return "uncertain"
        return "unreliable" if p > 0.5 else "reliable"


def assess(signals: dict[str, Signal], body: str = "") -> Evidence:
    """What the report has to go on; ``body`` is the text the signals read, without the title."""
    gaps: list[str] = []
    words_sig = signals.get("body.words")
    words = words_sig.value if words_sig is not None and isinstance(words_sig.value, int | float) else 0
    no_body = words == 0
    if no_body:
        gaps.append("the article has no body text, so only the title and page were read")
    elif words < MIN_WORDS:
        gaps.append(
            f"the body is short ({int(words)} words), under the {MIN_WORDS} words of the shortest article "
            "the model learned from, so its probability is not calibrated here and no label is given"
        )
    elif words < SHORT_BODY_WORDS:
        gaps.append(f"the body is short ({int(words)} words)")
    if words >= SHORT_BODY_WORDS and body.islower():
        # Corpora and exports often arrive lower-cased. The model learned from articles as
        # published, and its style, naming and sourcing signals read capitals.
        gaps.append(
            "the body has no capital letters (it was lower-cased before newsift read it), so names, "
            "shouting and sentence starts cannot be told apart"
        )
    title = signals.get("clickbait.title")
    if title is None or title.value is None:
        gaps.append("the article has no title")
    sourcing = signals.get("sourcing.attributed_share")
    if not no_body and (sourcing is None or sourcing.value is None):
        gaps.append("sourcing could not be measured (no quotes stage)")
    kinds = signals.get("furniture.kinds")
    if kinds is None or kinds.value is None:
        gaps.append("page furniture could not be measured (no clean stage)")
    return Evidence(no_body, tuple(gaps), too_short=0 < words < MIN_WORDS)


class ScoreStage:
    """Fills ``report.score`` from ``report.signals``.  The model loads once, here."""

    name = "score"
    requires: tuple[str, ...] = ("signals",)
    fills: tuple[str, ...] = ("score",)

    def __init__(self, config: Config | None = None, *, model: CredibilityModel | None = None) -> None:
        self.config = config
        self.model = model or CredibilityModel.load()
        # Worked out once: it names the file, which does not change while the stage lives.
        self.model_name = self.model.identity()

    def __call__(self, report: Report) -> None:
        blocked = next((f for f in report.furniture if f.kind == "blocked_page"), None)
        if blocked is not None:
            # The title of such a page is the refusal's too ("Access denied | ..."): nothing here
            # is the article, so there is nothing to weigh, and a probability would pretend there was.
            report.score = _no_score(
                "the text is a bot check or access-denied page, not the article; fetch the page again",
                "clean",
                [Span(blocked.text, blocked.start, blocked.end)],
            )
        elif report.language not in (None, "en"):
            # Every text feature was learned on English articles: read in another language they are
            # noise, and a probability from them would look like a finding.
            report.score = _no_score(
                f"the text is in {report.language!r}, and the model learned from English articles only", "language"
            )
        else:
            report.score = self.score(report.signals, _reading(report), report.article.text)

    def score(self, signals: dict[str, Signal], text: str = "", original: str = "") -> Score:
        """Score from the signals and the text the wording model reads (title + clean body).

        ``original`` is ``article.text``, where the evidence of the wording reason is looked up.
        """
        if not signals:
            return _no_score("the signals stage did not run, so there is nothing to weigh", "signals")
        reading, style = self.model.read_text(text)
        wording = reading.decision
        plain = self.model.without_domain
        x_plain = plain.vector(signals, wording, style)
        p_plain = plain.probability(x_plain)
        scorer = self.model.scorer_for(signals)
        if scorer is plain:
            x, p = x_plain, p_plain
        else:
            x = scorer.vector(signals, wording, style)
            p = scorer.probability(x)
        rate = self.config.base_rate if self.config is not None else None
        if rate is not None:
            p, p_plain = at_base_rate(p, rate), at_base_rate(p_plain, rate)
        evidence = assess(signals, text.partition("\n")[2])
        label = evidence.label(p)
        reasons = _reasons(scorer, x, signals, label, reading, original)
        if rate is not None:
            reasons.append(_base_rate_reason(rate))
        reasons.extend(_unweighed(scorer, signals))
        for gap in evidence.gaps:
            reasons.append(Reason(f"thin evidence: {gap}", "score.evidence", 0.0))
        return Score(round(p, 4), label, reasons, round(p_plain, 4), self.model_name)


def _base_rate_reason(rate: float) -> Reason:
    """Why the probability differs from the model's own reading: the user's base rate."""
    shift = base_rate_shift(rate)
    effect = "" if shift == 0 else f"; {'raises' if shift > 0 else 'lowers'} the unreliability score"
    return Reason(
        f"the probability assumes that {100 * rate:g} % of what is scored is unreliable (the base_rate "
        f"setting), not the even mix the model was fitted on{effect}",
        "score.base_rate",
        round(shift, 4),
    )


def _no_score(why: str, signal: str, evidence: list[Span] | None = None) -> Score:
    """No probability, with the one reason why: a probability would pretend there was something to weigh."""
    return Score(None, "uncertain", [Reason(f"no score: {why}", signal, 0.0, evidence or [])])


# Furniture that pages monetise or farm engagement with; navigation, bylines and credits are on
# every kind of site and say nothing to a reader.
_ENGAGEMENT_FURNITURE = (
    ("furniture.comment_form", "a comment form"),
    ("furniture.related_teasers", "related-link teasers"),
    ("furniture.share_prompts", "share prompts"),
    ("furniture.ads", "ads or sponsored blocks"),
    ("furniture.subscribe", "subscribe or donate prompts"),
    ("furniture.image_slug", "leftover image file names"),
)
CLICKBAIT_TEASER_SHARE = 0.5
_NOT_LEARNED = (
    "shown for the reader, not weighed: in the training articles page furniture is rare or marks one "
    "site's template, and teasers almost never occur, so the model gives them no weight"
)
_SOURCING_NOT_LEARNED = (
    "shown for the reader, not weighed: these measures point opposite ways across the training sets, "
    "so the model learned no weight for them"
)
# The measures the sourcing line sums up, with the words that name them there.
_SOURCING_PARTS = (
    ("sourcing.attributed_share", "the attributed share"),
    ("sourcing.named_sources", "the named share"),
    ("sourcing.anonymous_sources", "the anonymous share"),
    ("sourcing.distinct_speakers", "the distinct speakers"),
    ("sourcing.vague", "the vague sourcing"),
)


def _unweighed(scorer: LinearScorer, signals: dict[str, Signal]) -> list[Reason]:
    """What a fact-checker would want pointed out that the model gives no weight to.

    Contribution 0.0 and the words "not weighed" keep these apart from the reasons that move the
    probability: they are observations with evidence, never a hidden push on the score.
    """
    weighed = {name for name, w in zip(scorer.names, scorer.coef_, strict=True) if w}
    out: list[Reason] = []
    found: list[tuple[str, Signal]] = []
    for name, words in _ENGAGEMENT_FURNITURE:
        sig = signals.get(name)
        if name in weighed or sig is None or not isinstance(sig.value, int | float) or sig.value <= 0:
            continue
        found.append((words, sig))
    if found:
        spans = sorted((s for _, sig in found for s in sig.evidence), key=lambda s: s.start)
        named = [words for words, _ in found]
        listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        out.append(
            Reason(f"the page carries {listed} ({_NOT_LEARNED})", "furniture.kinds", 0.0, spans[:MAX_REASON_EVIDENCE])
        )
    related = signals.get("clickbait.related")
    if (
        related is not None
        and "clickbait.related" not in weighed
        and isinstance(related.value, int | float)
        and related.value >= CLICKBAIT_TEASER_SHARE
    ):
        n = int(related.detail.get("clickbait") or 0)
        total = int(related.detail.get("headlines") or 0)
        out.append(
            Reason(
                f"{n} of the {total} related headlines read as clickbait ({_NOT_LEARNED})",
                "clickbait.related",
                0.0,
                list(related.evidence[:MAX_REASON_EVIDENCE]),
            )
        )
    sourcing = _sourcing_summary(weighed, signals)
    if sourcing is not None:
        out.append(sourcing)
    return out


def _number(signals: dict[str, Signal], name: str) -> float | None:
    sig = signals.get(name)
    return float(sig.value) if sig is not None and isinstance(sig.value, int | float) else None


def _sourcing_summary(weighed: set[str], signals: dict[str, Signal]) -> Reason | None:
    """How the article sources its claims, in one line, at zero weight.

    Sourcing is what a fact-checker reads first; leaving it out of the reasons because the
    training sets disagree about most of it would hide the measurement, not the uncertainty.
    A measure the model does weigh is named as such; its own reason shows where it moves the score.
    """
    share = _number(signals, "sourcing.attributed_share")
    if share is None:
        return None
    named = _number(signals, "sourcing.named_sources")
    anonymous = _number(signals, "sourcing.anonymous_sources")
    speakers = _number(signals, "sourcing.distinct_speakers")
    vague = signals.get("sourcing.vague")
    quotes = int(signals["sourcing.named_sources"].detail.get("quotes") or 0) if named is not None else 0
    parts = [f"{round(100 * share)} % of sentences carry an attribution"]
    if quotes:
        parts.append(
            f"{_counted(quotes, 'attribution')}, {round(100 * (named or 0))} % from named and "
            f"{round(100 * (anonymous or 0))} % from anonymous sources"
        )
    counted = signals.get("sourcing.named_sources")
    uncounted = int(counted.detail.get("uncounted_indirect") or 0) if counted is not None else 0
    if uncounted:
        # The report lists them among its quotes; a reader comparing the two must see why the count is lower.
        parts.append(
            f"not counted: {_counted(uncounted, 'indirect attribution')} that the "
            "quotes stage rates more likely wrong than right"
        )
    if speakers is not None:
        parts.append(_counted(int(speakers), "distinct named speaker"))
    vague_count = int(vague.detail.get("count") or 0) if vague is not None and vague.value is not None else 0
    parts.append(_counted(vague_count, "vague sourcing phrase") if vague_count else "no vague sourcing")
    # The spans a reader most needs: vague and anonymous sourcing first, then the attributions.
    spans: list[Span] = []
    for name in ("sourcing.vague", "sourcing.anonymous_sources", "sourcing.attributed_share"):
        sig = signals.get(name)
        if sig is not None:
            spans.extend(sig.evidence)
    learned = [words for name, words in _SOURCING_PARTS if name in weighed]
    if not learned:
        note = _SOURCING_NOT_LEARNED
    elif len(learned) == len(_SOURCING_PARTS):
        note = (
            "shown for the reader, not weighed itself: the model weighs each of these measures, "
            "with a reason of its own where one moves the score noticeably"
        )
    else:
        # The stability check keeps a measure only where the training sets agree on its sign, so
        # the others are unweighed by design; the line must not call a weighed one unweighed.
        note = (
            f"shown for the reader, not weighed itself: the model weighs {' and '.join(learned)}, with a "
            "reason of its own where it moves the score noticeably; the rest points opposite ways across "
            "the training sets and carries no weight"
        )
    return Reason(
        f"sourcing: {'; '.join(parts)} ({note})",
        "sourcing.attributed_share",
        0.0,
        spans[:MAX_REASON_EVIDENCE],
    )


def _counted(n: int, noun: str) -> str:
    """ "1 vague sourcing phrase", "2 vague sourcing phrases": a reader's line reads as English."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _reading(report: Report) -> str:
    body, _ = body_text(report)
    return f"{report.article.title or ''}\n{body}"


def _reasons(
    scorer: LinearScorer,
    x: list[float],
    signals: dict[str, Signal],
    label: str,
    reading: Wording,
    original: str,
) -> list[Reason]:
    contributions = scorer.contributions(x)
    ranked = sorted(range(len(x)), key=lambda i: -abs(contributions[i]))
    out: list[Reason] = []
    for i in ranked:
        c = contributions[i]
        name = scorer.names[i]
        if abs(c) < MIN_CONTRIBUTION or len(out) >= MAX_REASONS:
            break
        # A reason must support the label it explains; an uncertain label shows both sides.
        if (label == "unreliable" and c < 0) or (label == "reliable" and c > 0):
            continue
        if name.startswith("source.") and name != QUALITY and not x[i]:
            continue  # "not from a satire site" explains nothing
        direction = "raises" if c > 0 else "lowers"
        if name == WORDING:
            words = reading.top_terms(towards_unreliable=c > 0)
            out.append(
                Reason(
                    f"{describe(name, c > 0, x[i])} (words such as {', '.join(words)}; {direction} the "
                    "unreliability score)",
                    name,
                    round(c, 4),
                    term_spans(original, words, MAX_REASON_EVIDENCE),
                )
            )
            continue
        if name == STYLE:
            # Style n-grams ("the C C", ", w w") name no passage a reader could check: no spans.
            reason = f"{describe(name, c > 0, x[i])} ({direction} the unreliability score)"
            out.append(Reason(reason, name, round(c, 4)))
            continue
        deviation = x[i] - scorer.mean_[i] if name in _SPEC or name == QUALITY else x[i]
        signal_name = signal_of(name)
        sig = signals.get(signal_name)
        value = f"{x[i]:.2f} of 1; " if name == QUALITY else ""
        out.append(
            Reason(
                f"{describe(name, c > 0, deviation)} ({value}{direction} the unreliability score)",
                signal_name,
                round(c, 4),
                list(sig.evidence[:MAX_REASON_EVIDENCE]) if sig is not None else [],
            )
        )
    return out
