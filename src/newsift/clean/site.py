"""Learned site furniture: lines a site repeats across many of its articles.

trafilatura spots boilerplate HTML segments by their recurrence; this is the
same idea for flattened text.  A line counts when it recurs in at least
``min_share`` of a site's distinct articles, and the site has at least
``min_docs`` of them.  Articles are counted once per distinct text, so a
story scraped twice cannot turn its own body into "boilerplate".
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..report import Article
from .flat import normalise_line

# Long lines are more likely to be shared quotes or wire copy than furniture;
# furniture lines (disclaimers included) are rarely longer than this.
MAX_LINE = 400


class SiteFurnitureLearner:
    def __init__(self, *, min_docs: int = 5, min_share: float = 0.5) -> None:
        self.min_docs = min_docs
        self.min_share = min_share
        self._docs: dict[str, set[str]] = defaultdict(set)
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, site: str, text: str) -> None:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        if digest in self._docs[site]:
            return
        self._docs[site].add(digest)
        seen = {normalise_line(ln) for ln in text.splitlines() if 0 < len(ln.strip()) <= MAX_LINE}
        seen.discard("")
        self._counts[site].update(seen)

    def add_articles(self, articles: Iterable[Article]) -> None:
        for a in articles:
            site = a.domain or a.site
            if site:
                self.add(site, a.text)

    def learned(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for site, docs in self._docs.items():
            n = len(docs)
            if n < self.min_docs:
                continue
            threshold = max(2, self.min_share * n)
            lines = frozenset(line for line, c in self._counts[site].items() if c >= threshold)
            if lines:
                out[site] = lines
        return out
