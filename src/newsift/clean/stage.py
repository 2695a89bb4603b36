"""The ``clean`` stage: fills clean_text, furniture, related_headlines, headings."""

from __future__ import annotations

from collections.abc import Iterable

from ..config import Config
from ..report import Article, OffsetMap, Report
from .flat import FlatTextCleaner
from .site import SiteFurnitureLearner


class CleanStage:
    name = "clean"
    requires: tuple[str, ...] = ("article",)
    fills: tuple[str, ...] = ("clean_text", "furniture", "related_headlines", "headings")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.cleaner = FlatTextCleaner()

    def __call__(self, report: Report) -> None:
        article = report.article
        site = article.domain or article.site
        result = self.cleaner.clean(article.text, title=article.title, site=site)
        report.clean_text = result.clean_text
        report.clean_map = OffsetMap(result.segments)
        report.furniture = result.furniture
        report.related_headlines = result.related_headlines
        report.headings = result.headings
        report.warnings.extend(result.warnings)
        # Bylines and date lines are furniture in the body but metadata of the
        # article; metadata from the source (HTML, corpus columns) wins.
        if result.authors and not article.authors:
            article.authors = result.authors
        if result.published and not article.published:
            article.published = result.published
        if not article.text.strip():
            report.warn("clean: the article has no body text")
        elif not result.clean_text.strip() and not any(f.kind == "blocked_page" for f in result.furniture):
            # A blocked page has its own warning, which says why there is no body.
            report.warn("clean: no body text is left after removing furniture")

    def learn_site_furniture(self, articles: Iterable[Article]) -> int:
        learner = SiteFurnitureLearner(min_docs=self.config.site_min_docs, min_share=self.config.site_min_share)
        learner.add_articles(articles)
        learned = learner.learned()
        self.cleaner.site_lines.update(learned)
        return sum(len(v) for v in learned.values())
