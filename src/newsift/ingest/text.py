"""Plain text: one article per input, the first line taken as title only when it looks like one."""

from __future__ import annotations

import re

from ..config import Config
from ..errors import BinaryInputError, EmptyInputError
from ..report import Article, Origin
from .base import Ingested, check_text_size, notes_for, replace_surrogates, text_id
from .decode import decode_char_refs, finish_text

# A headline is short, is not a sentence, and is not a quotation or a byline.
MAX_TITLE_WORDS = 20
MAX_TITLE_CHARS = 200
MIN_TITLE_WORDS = 2
_SENTENCE_ENDS = (".", ":", ";", ",", "…")
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›「『"
_BYLINE = re.compile(r"(?i)^by\s+\S+(\s+\S+){0,4}$")


def headline_of(text: str) -> str | None:
    """The first line of ``text`` when it looks like a headline and more text follows, else ``None``."""
    body = text.lstrip()
    first, _, rest = body.partition("\n")
    # A Markdown heading marker is markup, not part of the title.
    first = first.strip().lstrip("#").strip()
    if not first or not rest.strip() or len(first) > MAX_TITLE_CHARS:
        return None
    words = first.split()
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS:
        return None
    if first.endswith(_SENTENCE_ENDS) or first[0] in _QUOTE_MARKS:
        return None
    if not any(c.isalpha() for c in first) or _BYLINE.match(first):
        return None
    return first


def ingest_text(
    text: str,
    config: Config,
    *,
    source: str = "<string>",
    id: str | None = None,
    fmt: str = "text",
    line: int | None = None,
) -> Ingested:
    """:func:`article_from_text`, with the reader's notes."""
    # A str from a caller (not from bytes this package decoded) may hold lone surrogates.
    text, surrogates = replace_surrogates(text)
    if fmt == "html":
        from .html import ingest_html

        return ingest_html(text, config, source=source, id=id, line=line)
    check_text_size(text, source, config.max_input_bytes, line=line)
    nul = text.find("\x00", 0, 8192)
    if nul >= 0:
        raise BinaryInputError(source, f"NUL character at offset {nul}", line=line)
    text, repaired = finish_text(text)
    text, char_refs = decode_char_refs(text)
    if not text.strip():
        raise EmptyInputError(source, line=line)
    article = Article(
        id=id if id is not None else text_id(text),
        text=text,
        title=headline_of(text),
        origin=Origin(source, line, fmt),
    )
    return Ingested(article, notes_for(repaired, surrogates, char_refs))


def article_from_text(
    text: str,
    config: Config,
    *,
    source: str = "<string>",
    id: str | None = None,
    fmt: str = "text",
) -> Article:
    """An :class:`Article` from plain text (or from an HTML string when ``fmt="html"``).

    ``article.text`` is the whole input, line endings normalised, mojibake
    repaired and HTML character references in text without markup decoded
    ("&amp;" -> "&"); a headline-like first line also becomes the title
    but stays in the text, so offsets keep pointing into what was given.
    Raises :class:`~newsift.errors.EmptyInputError` for blank text and
    :class:`~newsift.errors.InputTooLargeError` over ``config.max_input_bytes``.
    """
    return ingest_text(text, config, source=source, id=id, fmt=fmt).article
