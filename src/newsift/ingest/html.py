"""HTML pages: main text and metadata from trafilatura, readability-lxml as the fallback.

The cascade, in order (see :func:`extract_main_text`):

1. trafilatura's ``bare_extraction`` with the settings in
   :data:`TRAFILATURA_OPTIONS` (it runs its own internal fallbacks too);
2. when that yields fewer than :data:`MIN_ARTICLE_WORDS` words,
   readability-lxml's ``Document.summary()``, if the package is installed;
3. when neither finds an article, :class:`~newsift.errors.NoArticleError`.

newsift does not carry an HTML extractor of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from types import MappingProxyType
from typing import Any

from ..config import Config
from ..errors import EmptyInputError, InputTooLargeError, NoArticleError
from ..report import Article, Origin
from .base import (
    Ingested,
    check_text_size,
    clean_str,
    domain_of,
    normalise_date,
    notes_for,
    split_authors,
    text_id,
)
from .decode import SNIFF_BYTES, decode_bytes, repair_mojibake

# The evaluation scripts import these, so newsift and "trafilatura alone"
# are compared with the very same settings.
TRAFILATURA_OPTIONS: MappingProxyType[str, Any] = MappingProxyType(
    {"with_metadata": True, "include_comments": False, "include_tables": True}
)

# Fewer words than this is a menu, a cookie banner or an error page, not an
# article; below it the next extractor in the cascade gets its turn.
MIN_ARTICLE_WORDS = 5

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "tr",
        "dd",
        "dt",
        "article",
        "section",
        "table",
        "ul",
        "ol",
    }
)


class _SummaryText(HTMLParser):
    """readability's summary HTML -> text, one line per block element.

    Only a converter for an already-extracted fragment, not an extractor.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._parts: list[str] = []

    def _flush(self) -> None:
        line = " ".join("".join(self._parts).split())
        if line:
            self.lines.append(line)
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._parts.append(data)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Extraction:
    """What an extractor found on a page."""

    text: str
    title: str | None = None
    url: str | None = None
    hostname: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    extractor: str = "trafilatura"


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta tag or XML declaration)."""
    sample = head[:SNIFF_BYTES]
    found = _XML_ENCODING.search(sample) or _META_CHARSET.search(sample)
    return found.group(1).decode("ascii") if found else None


def _word_count_at_least(text: str, n: int) -> bool:
    return len(text.split(None, n)) >= n


def _trafilatura(html: str, url: str | None) -> Extraction | None:
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    if not isinstance(doc, Document):
        return None
    text = doc.text or ""
    if not _word_count_at_least(text, MIN_ARTICLE_WORDS):
        return None
    return Extraction(
        text=text,
        title=clean_str(doc.title),
        url=clean_str(doc.url),
        hostname=clean_str(doc.hostname),
        published=normalise_date(doc.date),
        authors=tuple(split_authors(doc.author)),
        site=clean_str(doc.sitename),
    )


def _readability(html: str, url: str | None) -> Extraction | None:
    try:
        from readability import Document
    except ImportError:
        return None
    import trafilatura

    try:
        summary = Document(html, url=url).summary(html_partial=True)
    except ValueError:  # readability's Unparseable is a ValueError
        return None
    parser = _SummaryText()
    parser.feed(summary)
    parser.close()
    text = parser.text()
    if not _word_count_at_least(text, MIN_ARTICLE_WORDS):
        return None
    meta = trafilatura.extract_metadata(html, default_url=url)
    return Extraction(
        text=text,
        title=clean_str(meta.title),
        url=clean_str(meta.url),
        hostname=clean_str(meta.hostname),
        published=normalise_date(meta.date),
        authors=tuple(split_authors(meta.author)),
        site=clean_str(meta.sitename),
        extractor="readability",
    )


def extract_main_text(html: str, source: str, *, url: str | None = None, line: int | None = None) -> Extraction:
    """Run the extraction cascade on decoded HTML; raise :class:`NoArticleError` when all fail."""
    for extractor in (_trafilatura, _readability):
        found = extractor(html, url)
        if found is not None:
            return found
    raise NoArticleError(
        source,
        f"neither trafilatura nor readability found {MIN_ARTICLE_WORDS} or more words of main text",
        line=line,
    )


def ingest_html(
    data: bytes | str,
    config: Config,
    *,
    source: str,
    id: str | None = None,
    url: str | None = None,
    line: int | None = None,
) -> Ingested:
    """An article from one HTML page given as bytes (decoded here) or text."""
    repaired = False
    if isinstance(data, bytes):
        if len(data) > config.max_input_bytes:
            raise InputTooLargeError(source, f"{len(data)} bytes > max_input_bytes {config.max_input_bytes}")
        decoded = decode_bytes(data, source, encoding=config.encoding, declared=declared_charset(data), line=line)
        html, repaired = decoded.text, decoded.repaired
    else:
        check_text_size(data, source, config.max_input_bytes, line=line)
        html = data
    if not html.strip():
        raise EmptyInputError(source, line=line)
    found = extract_main_text(html, source, url=url, line=line)
    text, fixed_text = repair_mojibake(found.text)
    title, fixed_title = repair_mojibake(found.title) if found.title else (None, False)
    repaired = repaired or fixed_text or fixed_title
    page_url = url or found.url
    article = Article(
        id=id if id is not None else text_id(text),
        text=text,
        title=title,
        url=page_url,
        domain=domain_of(page_url) or domain_of(found.hostname),
        published=found.published,
        authors=list(found.authors),
        origin=Origin(source, line, "html"),
        site=found.site,
    )
    notes = notes_for(repaired)
    if found.extractor != "trafilatura":
        notes += (f"ingest: trafilatura found no article; the text comes from {found.extractor}",)
    return Ingested(article, notes)
