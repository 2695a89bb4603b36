"""Types and small helpers shared by the readers: ids, domains, dates, authors."""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..errors import InputError, InputTooLargeError, UnreadableInputError
from ..report import Article


@dataclass(frozen=True)
class Ingested:
    """An article and the notes its reader made on the way (e.g. a mojibake repair).

    The notes are meant to become report warnings; :class:`Article` has no
    field for them, so they travel beside it.
    """

    article: Article
    notes: tuple[str, ...] = ()


IngestError = InputError | UnreadableInputError
Item = Article | IngestError
IngestedItem = Ingested | IngestError

REPAIRED_NOTE = "ingest: the text had mojibake (mis-decoded characters) and was repaired with ftfy"


def notes_for(repaired: bool, surrogates: int = 0, char_refs: int = 0) -> tuple[str, ...]:
    notes: tuple[str, ...] = (REPAIRED_NOTE,) if repaired else ()
    if char_refs:
        notes += (
            f"ingest: {char_refs} HTML character reference(s) such as &amp; were decoded: the text had been "
            "HTML-escaped",
        )
    if surrogates:
        notes += (
            f"ingest: {surrogates} lone surrogate code point(s) (such as a JSON \\ud800 escape without its pair) "
            "cannot be written as UTF-8 and became U+FFFD",
        )
    return notes


# A lone surrogate is a str that no UTF-8 writer accepts: a report holding one cannot be saved.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each surrogate code point replaced by U+FFFD (one for one, so offsets hold) and the count."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def unwrap(items: Iterable[IngestedItem]) -> Iterator[Item]:
    """Drop the notes: yield the :class:`Article` of each :class:`Ingested`, errors as they are."""
    for item in items:
        yield item.article if isinstance(item, Ingested) else item


def text_id(text: str) -> str:
    """A stable id for text without one: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)\Z")


def domain_of(url: str | None) -> str | None:
    """The normalised host of ``url`` (or of a bare host name), or ``None`` for garbage.

    Lower case, no port, no credentials, no leading ``www.``, international
    names in their ASCII (punycode) form so that both spellings compare
    equal.  IP addresses and ``localhost`` are kept: they are hosts, and the
    signals want to see them.
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(c.isspace() for c in url):
        return None
    if "://" not in url and not url.startswith("//"):
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.lower()
    if host == "localhost":
        return host
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():
        return None
    if labels[0] == "www" and len(labels) > 2:
        labels = labels[1:]
    return ".".join(labels)


_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date we can parse, else the raw string, else ``None``.

    Only unambiguous formats are tried: ``03/04/2021`` is kept raw rather
    than guessed as March or April.
    """
    if value is None:
        return None
    raw = str(value).strip()
    if not raw:
        return None
    candidate = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(raw, fmt).date().isoformat()
            except ValueError:
                continue
        return raw
    if len(raw) <= 10 and parsed.hour == parsed.minute == parsed.second == 0 and "T" not in raw:
        return parsed.date().isoformat()
    return parsed.isoformat()


def split_authors(value: object) -> list[str]:
    """Authors from a list, or from a string joined with ';' or '|' (trafilatura writes "A; B").

    Commas are not split on: "Smith, John" is one person.
    """
    if value is None:
        return []
    parts: Iterable[object]
    if isinstance(value, str):
        parts = re.split(r"\s*[;|]\s*", value)
    elif isinstance(value, list | tuple):
        parts = value
    else:
        parts = [value]
    authors: list[str] = []
    for part in parts:
        name = str(part).strip() if part is not None else ""
        if name and name not in authors:
            authors.append(name)
    return authors


def clean_str(value: object) -> str | None:
    """A stripped string for a metadata field, ``None`` for missing or blank."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = text.strip()
    return text or None


def check_text_size(text: str, source: str, limit: int, *, line: int | None = None) -> None:
    """Raise :class:`InputTooLargeError` when ``text`` is over ``limit`` bytes of UTF-8.

    Counting characters first avoids encoding the text in the common case:
    a character is 1 to 4 bytes.
    """
    n = len(text)
    if n * 4 <= limit:
        return
    size = n if n > limit else len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputTooLargeError(source, f"{size} bytes > max_input_bytes {limit}", line=line)
