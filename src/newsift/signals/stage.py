"""The ``signals`` stage: every credibility signal of one report, with its evidence.

Resources (word tables, the clickbait model, the reputation table) load once,
in ``__init__``; the reputation table comes from the Analyzer's shared
resources, where the entities stage finds it too.  The stage needs nothing but
the article: without a clean stage the furniture signals read as unknown,
without a quotes stage the quote-based sourcing signals do, and each such gap
adds one warning to the report instead of a crash or a misleading zero.

Signal families (names are ``family.name``):

* ``style.*``, ``sourcing.*``, ``furniture.*``: from the modules of the same name;
* ``clickbait.title`` and ``clickbait.related``: the headline model on the title
  and on each related-link headline the clean stage kept; ``clickbait.page``: the
  mean clickbait probability over all the page's headlines (title and related
  teasers together), so a page that runs baity teasers under a sober title reads
  like one with a baity title, and a page with only a title reads as its title;
* ``source.reputation``: the domain table's rating of ``article.url`` (whose path
  can name an archived page's publisher), else of ``article.domain``; anything the
  table does not list is ``"unknown"``;
* ``body.words``: the length of the body the other signals read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ModelUnavailableError
from ..report import Report, Signal, Span
from ..resources import Resources
from . import furniture, sourcing, style
from .clickbait import ClickbaitModel
from .reputation import DomainReputation

if TYPE_CHECKING:
    from ..config import Config

# A headline counts as clickbait at or above this probability (the model's own
# decision threshold, at which its held-out accuracy was measured).
CLICKBAIT_THRESHOLD = 0.5
_MAX_HEADLINE_EVIDENCE = 10


class SignalsStage:
    """Fills ``report.signals``.  Build once per process; calling it is cheap."""

    name = "signals"
    requires: tuple[str, ...] = ("article",)
    fills: tuple[str, ...] = ("signals",)

    def __init__(
        self,
        config: Config | None = None,
        *,
        clickbait: ClickbaitModel | None = None,
        reputation: DomainReputation | None = None,
        resources: Resources | None = None,
    ) -> None:
        self.config = config
        self.style = style.StyleResources.load()
        self.sourcing = sourcing.SourcingResources.load()
        # A missing optional model leaves its signals unknown (with the reason) rather
        # than taking the whole stage down: the other families are still worth having.
        self.load_problems: dict[str, str] = {}
        self.clickbait = clickbait
        if self.clickbait is None:
            try:
                self.clickbait = ClickbaitModel.load()
            except ModelUnavailableError as exc:
                self.load_problems["clickbait"] = f"the clickbait model could not load: {exc}"
        self.reputation = reputation
        if self.reputation is None:
            try:
                self.reputation = DomainReputation.shared(resources or Resources())
            except ModelUnavailableError as exc:
                self.load_problems["source"] = f"the reputation table could not load: {exc}"

    def __call__(self, report: Report) -> None:
        signals: dict[str, Signal] = {}
        signals.update(style.compute(report, self.style))
        signals.update(sourcing.compute(report, self.sourcing))
        signals.update(furniture.compute(report))
        signals.update(self._clickbait(report))
        signals["source.reputation"] = self._reputation(report)
        signals["body.words"] = _body_words(report)
        report.signals.update(signals)
        for message in self.load_problems.values():
            report.warn(f"signals: {message}")
        for missing in (sourcing.quotes_missing(report), sourcing.entities_missing(report)):
            if missing and report.language in (None, "en"):
                report.warn(f"signals: {missing}")
        missing_clean = furniture.clean_missing(report)
        if missing_clean:
            report.warn(f"signals: {missing_clean}")

    # -- clickbait -------------------------------------------------------------------------
    def _clickbait(self, report: Report) -> dict[str, Signal]:
        model = self.clickbait
        if model is None:
            reason = self.load_problems.get("clickbait", "no clickbait model")
            return {
                "clickbait.title": Signal(None, [], {"reason": reason}),
                "clickbait.related": Signal(None, [], {"reason": reason}),
                "clickbait.page": Signal(None, [], {"reason": reason}),
            }
        title = self._title(report, model)
        related = self._related(report, model)
        return {"clickbait.title": title, "clickbait.related": related, "clickbait.page": _page(title, related)}

    def _title(self, report: Report, model: ClickbaitModel) -> Signal:
        title = (report.article.title or "").strip()
        if not title:
            return Signal(None, [], {"reason": "the article has no title"})
        probability, words = model.read(title, top_k=5)
        text = report.article.text
        # Word spans are evidence only where the text holds the title; otherwise the
        # words are still named in detail, with offsets into the title.
        where = text.find(title, 0, len(title) + 2000)
        evidence = (
            [Span(text[where + w.start : where + w.end], where + w.start, where + w.end) for w in words]
            if where >= 0
            else []
        )
        return Signal(
            round(probability, 4),
            evidence,
            {
                "title": title,
                "clickbait": probability >= CLICKBAIT_THRESHOLD,
                "words": [{"text": w.text, "weight": round(w.weight, 4)} for w in words],
                "unit": "probability that the title is clickbait",
            },
        )

    def _related(self, report: Report, model: ClickbaitModel) -> Signal:
        headlines = [h.strip() for h in report.related_headlines if h and h.strip()]
        if not headlines:
            why = furniture.clean_missing(report) or "the page lists no related headlines"
            return Signal(None, [], {"reason": why, "headlines": 0})
        probabilities = model.predict_proba(headlines)
        baity = [(h, p) for h, p in zip(headlines, probabilities, strict=True) if p >= CLICKBAIT_THRESHOLD]
        text = report.article.text
        evidence: list[Span] = []
        for headline, _ in sorted(baity, key=lambda hp: -hp[1])[:_MAX_HEADLINE_EVIDENCE]:
            pos = text.find(headline)
            if pos >= 0:
                evidence.append(Span(headline, pos, pos + len(headline)))
        evidence.sort(key=lambda s: s.start)
        return Signal(
            round(len(baity) / len(headlines), 4),
            evidence,
            {
                "headlines": len(headlines),
                "clickbait": len(baity),
                "max_probability": round(max(probabilities), 4),
                "mean_probability": round(sum(probabilities) / len(probabilities), 4),
                "scores": [
                    {"headline": h, "probability": round(p, 4)}
                    for h, p in zip(headlines[:50], probabilities[:50], strict=True)
                ],
                "unit": "share of related headlines that read as clickbait",
            },
        )

    # -- reputation ------------------------------------------------------------------------
    def _reputation(self, report: Report) -> Signal:
        if self.reputation is None:
            reason = self.load_problems.get("source", "no reputation table")
            return Signal("unknown", [], {"reason": reason, "quality": None})
        # The url first: its path can name the original publisher of an archived
        # copy, which the archive's domain cannot.
        queries = [q for q in (report.article.url, report.article.domain) if q and q.strip()]
        if not queries:
            return Signal(
                "unknown",
                [],
                {"reason": "the article has no url or domain", "quality": None, "query": None},
            )
        query, result = queries[0], self.reputation.lookup(queries[0])
        if not result.known and len(queries) > 1:
            fallback = self.reputation.lookup(queries[1])
            if fallback.known:
                query, result = queries[1], fallback
        detail: dict[str, Any] = {
            "query": query,
            "matched_domain": result.matched_domain,
            "quality": result.quality,
            "note": result.note,
            "sources": [
                {"source": s["source"], "label": s["label_raw"], "licence": s["licence"]} for s in result.sources
            ],
        }
        if not result.known:
            detail["reason"] = result.note or "no source rates this domain"
        return Signal(result.rating, [], detail)


def _page(title: Signal, related: Signal) -> Signal:
    """All the page's headlines read together, from the title and related-headline signals.

    Built from the other two signals (not by scoring again) so that training, which
    caches signals, and a live report define it identically.
    """
    scores: list[float] = []
    if isinstance(title.value, float | int):
        scores.append(float(title.value))
    n_related = int(related.detail.get("headlines") or 0) if related.value is not None else 0
    if n_related:
        scores.extend([float(related.detail["mean_probability"])] * n_related)
    if not scores:
        return Signal(None, [], {"reason": "the page has no title and no related headlines", "headlines": 0})
    evidence = sorted([*title.evidence, *related.evidence], key=lambda s: s.start)
    return Signal(
        round(sum(scores) / len(scores), 4),
        evidence[:_MAX_HEADLINE_EVIDENCE],
        {
            "headlines": len(scores),
            "title": title.value is not None,
            "related": n_related,
            "unit": "mean clickbait probability over the title and the related headlines",
        },
    )


def _body_words(report: Report) -> Signal:
    text, no_text = style.body_text(report)
    if no_text:
        return Signal(0, [], {"reason": no_text, "unit": "words"})
    return Signal(len(text.split()), [], {"unit": "whitespace-separated words"})
