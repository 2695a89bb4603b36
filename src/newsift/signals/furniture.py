"""Page-furniture signals: what the clean stage removed from around the article.

Comment forms, share prompts, ads and related-link teasers say something about
the page an article came from, and such layout and monetisation signals carry
over to unseen sites better than wording does (arXiv 2502.20299).

Values are counts, not rates: furniture belongs to the page, and a longer
article does not carry more of it.  Which furniture kinds feed which signal is
data (``lexicons.FURNITURE_SIGNALS``); kinds are compared after folding case
and turning "-" and spaces into "_".  Evidence spans are the furniture spans,
re-read from ``report.article.text``.

Without a clean stage nothing is known about furniture, so every signal is
``None`` with the reason, rather than a misleading 0.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..report import Furniture, Report, Signal, Span
from . import lexicons as lx


def normalise_kind(kind: str) -> str:
    return "_".join(kind.casefold().replace("-", " ").split())


def clean_missing(report: Report, stage: str = "clean") -> str | None:
    """Why furniture is unknown for this report, or None when the clean stage ran."""
    ran = bool(report.clean_text or report.clean_map.segments or report.furniture) or stage in report.timings
    failed = [w for w in report.warnings if w.startswith(f"stage {stage!r}")]
    if ran and not (failed and not report.furniture and not report.clean_text):
        return None
    if failed:
        return f"furniture is unknown: {failed[0]}"
    return f"furniture is unknown: the {stage!r} stage did not run on this report"


def _span(report: Report, item: Furniture) -> Span | None:
    text = report.article.text
    if not 0 <= item.start <= item.end <= len(text):
        return None
    return Span(text[item.start : item.end], item.start, item.end)


def compute(report: Report, *, clean_stage: str = "clean") -> dict[str, Signal]:
    """All furniture signals of one report: ``furniture.*`` name -> :class:`Signal`."""
    names = ("kinds", "related_teasers", *lx.FURNITURE_SIGNALS)
    missing = clean_missing(report, clean_stage)
    if missing:
        return {f"furniture.{name}": Signal(None, [], {"reason": missing}) for name in names}

    by_kind: dict[str, list[Span]] = {}
    raw_kinds: Counter[str] = Counter()
    invalid = 0
    for item in sorted(report.furniture, key=lambda f: f.start):
        span = _span(report, item)
        if span is None:
            invalid += 1
            continue
        kind = normalise_kind(item.kind)
        raw_kinds[kind] += 1
        by_kind.setdefault(kind, []).append(span)

    def evidence(spans: list[Span]) -> tuple[list[Span], dict[str, Any]]:
        return spans[: lx.MAX_EVIDENCE], {"evidence_total": len(spans)}

    everything = sorted((s for spans in by_kind.values() for s in spans), key=lambda s: s.start)
    ev, more = evidence(everything)
    kinds_detail: dict[str, Any] = {
        "counts": dict(sorted(raw_kinds.items())),
        "kinds": sorted(raw_kinds),
        "items": sum(raw_kinds.values()),
        **more,
    }
    if invalid:
        kinds_detail["invalid_spans"] = invalid
    out = {"furniture.kinds": Signal(len(raw_kinds), ev, kinds_detail)}

    for name, aliases in lx.FURNITURE_SIGNALS.items():
        matched = sorted((s for kind in aliases for s in by_kind.get(kind, [])), key=lambda s: s.start)
        ev, more = evidence(matched)
        out[f"furniture.{name}"] = Signal(
            len(matched), ev, {"kinds": sorted(k for k in aliases if k in by_kind), "unit": "items", **more}
        )
    out["furniture.related_teasers"] = _related(report, by_kind)
    return out


def _related(report: Report, by_kind: dict[str, list[Span]]) -> Signal:
    headlines = [h for h in report.related_headlines if h.strip()]
    spans = sorted((s for kind in lx.RELATED_KINDS for s in by_kind.get(kind, [])), key=lambda s: s.start)
    if not spans:
        # No related block was kept as furniture: point at the headlines themselves where the text has them.
        text = report.article.text
        for headline in headlines:
            pos = text.find(headline.strip())
            if pos >= 0:
                spans.append(Span(text[pos : pos + len(headline.strip())], pos, pos + len(headline.strip())))
    return Signal(
        len(headlines),
        spans[: lx.MAX_EVIDENCE],
        {"headlines": headlines[:50], "unit": "related-link teaser headlines"},
    )
