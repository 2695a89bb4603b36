"""Sourcing signals: who the article lets speak, and how it says so.

Read from the quotes stage (``report.quotes``) and the sentences; the vague
phrases ("sources say", "people are saying") are also matched in the body
text, with the phrase tables of :mod:`newsift.signals.lexicons`.

A report without a quotes stage has *unknown* sourcing, not "no sources": the
quote-based signals are then ``None`` with the reason in ``detail``.  The
quotes stage counts as having run when ``report.quotes`` is non-empty or when
the Analyzer recorded a timing for it without a failure warning.

Quotes are partitioned three ways: anonymous (``speaker_kind`` anonymous),
named (any other quote with a speaker), unattributed (no speaker).  Shares
are of the counted quotes (:func:`counted_quotes`: every direct and mixed quote,
and the indirect attributions the quotes stage rates more likely right than
wrong); ``detail["per_100_words"]`` gives the length-normalised rate as well.

``sourcing.dates`` reads the entities stage instead: how often the body says
when things happened (DATE mentions per 100 words).  Reports date what they
report ("on Tuesday", "in March 2014"), whatever the topic.  Of the entity rates
tried (people, organisations, places, dates, numbers), it was the one the
credibility training kept in every leave-one-dataset-out fold (model card).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Any

from ..report import Quote, Report, Sentence, Signal, Span
from . import lexicons as lx
from .style import Folder, PhraseSet, body_text, evidence_span, split_sentences, token_starts

# An indirect attribution counts as sourcing only from this confidence up: the quotes stage's
# calibrated chance that it is right, so from here it is more likely right than wrong (without the
# attribution model file the rules' own, uncalibrated number stands in).  Its learned cues also
# fire on verbs that report nothing ("laid flowers at a memorial", "was found unresponsive", "it
# seems to refer to"), most of them under this line (of 30 corpus attributions under it read by
# hand, 29 reported nothing; over it, 5 of 30), and an article that reads as well sourced because
# of them misleads the reader.  Direct and mixed quotes are found by their marks and always count:
# their confidence also says whether the speaker is right, and a quote with no speaker is exactly
# what ``unattributed_quotes`` counts.
MIN_INDIRECT_CONFIDENCE = 0.5
DATE_LABEL = "DATE"  # the entities stage keeps spaCy's label ("on Tuesday", "last year", "March 2014")
_QUOTE_SIGNALS = (
    "attributed_share",
    "named_sources",
    "anonymous_sources",
    "distinct_speakers",
    "unattributed_quotes",
)


@dataclass(frozen=True)
class SourcingResources:
    """Read-only tables for the sourcing signals; build once with :meth:`load`."""

    folder: Folder
    vague: PhraseSet

    @classmethod
    def load(cls) -> SourcingResources:
        return cls(Folder.build(), PhraseSet.build((("vague", lx.VAGUE_SOURCE_PATTERNS),)))


@functools.lru_cache(maxsize=1)
def default_resources() -> SourcingResources:
    """Shared immutable tables, built on first use (never at import)."""
    return SourcingResources.load()


def quotes_missing(report: Report, stage: str = "quotes") -> str | None:
    """Why the quotes of this report are unknown, or None when they can be trusted (even if empty)."""
    return _stage_missing(report, stage, bool(report.quotes), "sourcing is unknown", "quotes")


def entities_missing(report: Report, stage: str = "entities") -> str | None:
    """Why the entities (and so the dates) of this report are unknown, or None when they can be trusted."""
    return _stage_missing(report, stage, bool(report.entities), "dates are unknown", "entities")


def _stage_missing(report: Report, stage: str, filled: bool, unknown: str, what: str) -> str | None:
    if filled:
        return None
    if report.language not in (None, "en"):
        return f"{unknown}: {what} are not extracted from {report.language!r} text"
    prefix = f"stage {stage!r}"
    trouble = [w for w in report.warnings if w.startswith(prefix)]
    if stage in report.timings and not trouble:
        return None
    if trouble:
        return f"{unknown}: {trouble[0]}"
    return f"{unknown}: the {stage!r} stage did not run on this report"


def compute(
    report: Report,
    resources: SourcingResources | None = None,
    *,
    quotes_stage: str = "quotes",
    entities_stage: str = "entities",
) -> dict[str, Signal]:
    """All sourcing signals of one report: ``sourcing.*`` name -> :class:`Signal`."""
    res = resources or default_resources()
    text, no_text = body_text(report)
    folded = res.folder.fold(text)
    tokens = folded.split()
    words = len(tokens)
    missing = quotes_missing(report, quotes_stage)
    counted = counted_quotes(report.quotes)
    out: dict[str, Signal] = {}
    if missing or no_text or not words:
        reason = missing or no_text or "the article body has no words"
        out.update({f"sourcing.{name}": Signal(None, [], {"reason": reason}) for name in _QUOTE_SIGNALS})
    else:
        out.update(_quote_signals(report, counted, words))
    out["sourcing.vague"] = _vague(report, counted, folded, tokens, res, missing, no_text)
    out["sourcing.dates"] = _dates(report, words, entities_missing(report, entities_stage), no_text)
    return out


def _rate(n: int, words: int) -> float:
    return round(100.0 * n / words, 4) if words else 0.0


def _share(n: int, total: int) -> float | None:
    return round(n / total, 4) if total else None


def _speaker_span(report: Report, q: Quote) -> Span:
    span = q.speaker_mention or q.cue or q.content
    return _checked(report, span)


def _checked(report: Report, span: Span | Sentence) -> Span:
    """The span re-read from ``article.text``, so its text always matches its offsets."""
    start, end = max(0, span.start), min(len(report.article.text), span.end)
    return Span(report.article.text[start:end], start, end)


def is_counted(quote: Quote) -> bool:
    """Whether the sourcing signals count this attribution (see :data:`MIN_INDIRECT_CONFIDENCE`)."""
    return quote.kind != "indirect" or quote.confidence >= MIN_INDIRECT_CONFIDENCE


def counted_quotes(quotes: list[Quote]) -> list[Quote]:
    """The attributions the sourcing signals count."""
    return [q for q in quotes if is_counted(q)]


def _quote_signals(report: Report, counted: list[Quote], words: int) -> dict[str, Signal]:
    quotes = sorted(counted, key=lambda q: q.content.start)
    left_out = len(report.quotes) - len(quotes)
    anonymous = [q for q in quotes if q.speaker_kind in lx.ANONYMOUS_SPEAKER_KINDS]
    named = [q for q in quotes if q.speaker_kind not in lx.ANONYMOUS_SPEAKER_KINDS and q.speaker]
    unattributed = [q for q in quotes if q.speaker_kind not in lx.ANONYMOUS_SPEAKER_KINDS and not q.speaker]
    n = len(quotes)
    no_quotes = (
        f"no quotes counted ({left_out} indirect attributions under confidence {MIN_INDIRECT_CONFIDENCE}), "
        "so the share is undefined"
        if left_out
        else "no quotes found, so the share is undefined"
    )

    def share_signal(items: list[Quote], unit: str, *, content: bool = False) -> Signal:
        detail: dict[str, Any] = {
            "count": len(items),
            "quotes": n,
            "per_100_words": _rate(len(items), words),
            "unit": unit,
            "uncounted_indirect": left_out,
        }
        if not n:
            detail["reason"] = no_quotes
        shown = items[: lx.MAX_EVIDENCE]
        evidence = [_checked(report, q.content) if content else _speaker_span(report, q) for q in shown]
        return Signal(_share(len(items), n), evidence, detail)

    speakers: dict[str, Quote] = {}
    for q in named:
        speakers.setdefault(" ".join((q.speaker or "").casefold().split()), q)
    out = {
        "sourcing.attributed_share": _attributed(report, quotes),
        "sourcing.named_sources": share_signal(named, "share of quotes with a named speaker"),
        "sourcing.anonymous_sources": share_signal(anonymous, "share of quotes from anonymous sources"),
        "sourcing.unattributed_quotes": share_signal(unattributed, "share of quotes with no speaker", content=True),
        "sourcing.distinct_speakers": Signal(
            len(speakers),
            [_speaker_span(report, q) for q in list(speakers.values())[: lx.MAX_EVIDENCE]],
            {
                "speakers": [q.speaker for q in speakers.values()][:50],
                "per_100_words": _rate(len(speakers), words),
                "unit": "distinct named speakers",
            },
        ),
    }
    return out


def _attributed(report: Report, quotes: list[Quote]) -> Signal:
    sentences = sorted(split_sentences(report), key=lambda s: s.start)
    source = "nlp" if report.sentences else "regex"
    if not sentences:
        return Signal(None, [], {"reason": "the article has no sentences"})
    # Every span that attributes: the quote itself, its cue ("said") and its speaker.
    spans = sorted((s.start, s.end) for q in quotes for s in (q.content, q.cue, q.speaker_mention) if s is not None)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # reach[i]: the furthest end among spans[: i + 1]
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    attributed = []
    for sent in sentences:
        # Some span overlaps the sentence iff one starting before its end reaches past its start.
        i = bisect.bisect_left(starts, sent.end)
        if i and reach[i - 1] > sent.start:
            attributed.append(sent)
    return Signal(
        round(len(attributed) / len(sentences), 4),
        [_checked(report, s) for s in attributed[: lx.MAX_EVIDENCE]],
        {
            "attributed": len(attributed),
            "sentences": len(sentences),
            "sentence_source": source,
            "unit": "share of sentences holding a quote or attribution",
        },
    )


def _dates(report: Report, words: int, missing: str | None, no_text: str | None) -> Signal:
    if no_text or not words:
        return Signal(None, [], {"reason": no_text or "the article body has no words"})
    if missing:
        return Signal(None, [], {"reason": missing})
    mentions = sorted((m for e in report.entities if e.label == DATE_LABEL for m in e.mentions), key=lambda m: m.start)
    return Signal(
        _rate(len(mentions), words),
        [_checked(report, m) for m in mentions[: lx.MAX_EVIDENCE]],
        {"count": len(mentions), "words": words, "unit": "date mentions per 100 words"},
    )


def _vague(
    report: Report,
    counted: list[Quote],
    folded: str,
    tokens: list[str],
    res: SourcingResources,
    missing: str | None,
    no_text: str | None,
) -> Signal:
    if no_text or not tokens:
        return Signal(None, [], {"reason": no_text or "the article body has no words"})
    phrases = []
    found = res.vague.find_all(tokens)
    starts = token_starts(folded) if found else []
    for first, last, _ in found:
        phrases.append(evidence_span(report, starts[first], starts[last] + len(tokens[last])))
    # A vague quote whose attribution is one of the matched phrases is counted once.
    quotes = [] if missing else [_speaker_span(report, q) for q in counted if q.vague]
    extra = [q for q in quotes if not any(p.start < q.end and q.start < p.end for p in phrases)]
    count = len(phrases) + len(extra)
    detail: dict[str, Any] = {
        "count": count,
        "phrases": len(phrases),
        "vague_quotes": len(extra),
        "words": len(tokens),
        "unit": "per 100 words",
    }
    if missing:
        # The phrase count stands on its own; only the quote part is unknown, so say so.
        detail.update(partial=True, reason=f"{missing}; counted vague phrases only")
    evidence = sorted([*phrases, *extra], key=lambda span: span.start)[: lx.MAX_EVIDENCE]
    return Signal(_rate(count, len(tokens)), evidence, detail)
