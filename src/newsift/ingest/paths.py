"""Paths, directories and stdin: pick the reader for each input and keep the batch going.

Errors are yielded, never raised, so one bad file or record costs one
result and the run goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType

from ..config import Config
from ..errors import InputError, InputTooLargeError, ReaderFailedError, UnreadableInputError, UnsupportedFormatError
from .base import Ingested, IngestedItem, Item, notes_for, unwrap
from .decode import SNIFF_BYTES, check_binary, decode_bytes
from .html import ingest_html
from .records import ByteStream, peek, read_csv, read_jsonl
from .text import ingest_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"

FORMAT_BY_SUFFIX: MappingProxyType[str, str] = MappingProxyType(
    {
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".jsonlines": "jsonl",
        ".json": "jsonl",
        ".csv": "csv",
        ".tsv": "csv",
        ".tab": "csv",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".shtml": "html",
        ".txt": "text",
        ".text": "text",
        ".md": "text",
    }
)
_TAB_SUFFIXES = frozenset({".tsv", ".tab"})
_GZIP_SUFFIXES = frozenset({".gz", ".gzip"})
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TAG = re.compile(rb"<(!doctype\s+html|html|head|body|title|meta|div|p|article|main|section)\b", re.I)


def _logical_suffix(name: str) -> str:
    """The format suffix of ``name``, looking through a compression suffix (``a.jsonl.gz`` -> ``.jsonl``)."""
    path = Path(name)
    if path.suffix.lower() in _GZIP_SUFFIXES:
        path = path.with_suffix("")
    return path.suffix.lower()


def names_an_input_file(text: str) -> bool:
    """Whether ``text`` is one word ending in a suffix newsift reads (``a.txt``, ``b.jsonl.gz``):
    a file name, never an article."""
    word = text.strip()
    if not word or any(ch.isspace() for ch in word) or len(word) > 4096:
        return False
    return _logical_suffix(word) in FORMAT_BY_SUFFIX


def _stem(name: str) -> str:
    path = Path(name)
    if path.suffix.lower() in _GZIP_SUFFIXES:
        path = path.with_suffix("")
    return path.stem


def sniff_format(head: bytes, config: Config, name: str = "") -> tuple[str, str | None]:
    """``(format, csv delimiter)`` from the config, else the file suffix, else the content."""
    suffix = _logical_suffix(name) if name else ""
    delimiter = "\t" if suffix in _TAB_SUFFIXES else None
    if config.input_format != "auto":
        return config.input_format, delimiter
    if suffix in FORMAT_BY_SUFFIX:
        return FORMAT_BY_SUFFIX[suffix], delimiter
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\f\v")[:1]
    if start == b"{":
        return "jsonl", None
    if start == b"<" and _HTML_TAG.search(head):
        return "html", None
    return "text", None


def _guarded(items: Iterator[IngestedItem], source: str) -> Iterator[IngestedItem]:
    """Turn a failure in the middle of a stream (truncated gzip, I/O error, a reader bug) into one error."""
    done = 0
    try:
        for item in items:
            done += isinstance(item, Ingested)
            yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield UnreadableInputError(
            source,
            f"read failed part-way: {exc}",
            hint=f"the file may be truncated or corrupt; {done} record(s) before this point were read",
        )
    except Exception as exc:  # noqa: BLE001 - a bug on one input must not end the batch
        yield ReaderFailedError(source, f"{type(exc).__name__}: {exc} (after {done} record(s))")


def _read_stream(
    stream: ByteStream,
    config: Config,
    *,
    source: str,
    name: str,
    article_id: str | None,
    size: int | None,
    default_format: str | None = None,
) -> Iterator[IngestedItem]:
    """Read one opened input.  ``size`` is its on-disk size when known and uncompressed."""
    try:
        head = peek(stream, SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        yield UnreadableInputError(source, str(exc))
        return
    fmt, delimiter = sniff_format(head, config, name)
    if default_format and config.input_format == "auto" and not name:
        fmt = default_format
    if fmt == "jsonl" and _logical_suffix(name) == ".json" and head.lstrip()[:1] == b"[":
        yield UnsupportedFormatError(
            source,
            "a JSON array, not JSON lines",
            hint="convert it to one object per line, e.g. jq -c '.[]' FILE > FILE.jsonl",
        )
        return
    try:
        if fmt == "jsonl":
            check_binary(head, source, config.encoding)
            yield from _guarded(read_jsonl(stream, source, config), source)
            return
        if fmt == "csv":
            check_binary(head, source, config.encoding)
            yield from _guarded(read_csv(stream, source, config, delimiter=delimiter), source)
            return
        # Size first: a huge file is refused from its stat alone, unread.
        # The binary check follows, inside the decoder.
        limit = config.max_input_bytes
        if size is not None and size > limit:
            raise InputTooLargeError(source, f"{size} bytes > max_input_bytes {limit}")
        try:
            data = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield UnreadableInputError(source, f"read failed: {exc}")
            return
        if len(data) > limit:
            raise InputTooLargeError(source, f"more than max_input_bytes {limit} bytes")
        if fmt == "html":
            yield ingest_html(data, config, source=source, id=article_id)
            return
        decoded = decode_bytes(data, source, encoding=config.encoding)
        item = ingest_text(decoded.text, config, source=source, id=article_id)
        if decoded.repaired and not item.notes:
            item = type(item)(item.article, notes_for(True))
        yield item
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - a bug on one input must not end the batch
        yield ReaderFailedError(source, f"{type(exc).__name__}: {exc}")


def _read_file(path: Path, config: Config, *, article_id: str) -> Iterator[IngestedItem]:
    source = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the with below, after sniffing for gzip
    except OSError as exc:
        yield UnreadableInputError(source, exc.strerror or str(exc))
        return
    with fh:
        try:
            size: int | None = os.fstat(fh.fileno()).st_size
            compressed = fh.peek(2)[:2] == _GZIP_MAGIC
        except OSError as exc:
            yield UnreadableInputError(source, exc.strerror or str(exc))
            return
        if compressed:
            # A gzip member's size on disk says nothing about its text; the
            # readers cap what they decompress instead.
            with gzip.GzipFile(fileobj=fh) as gz:
                yield from _read_stream(gz, config, source=source, name=path.name, article_id=article_id, size=None)
            return
        yield from _read_stream(fh, config, source=source, name=path.name, article_id=article_id, size=size)


def _walk(directory: Path, seen: set[tuple[int, int]]) -> Iterator[Path | UnreadableInputError]:
    """Files under ``directory``, sorted by name at each level, hidden ones skipped.

    Symlinked directories are followed once; ``seen`` (local to one walk)
    stops a link loop from walking forever.
    """
    try:
        st = directory.stat()
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield UnreadableInputError(str(directory), exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            is_link = entry.is_symlink()
        except OSError:
            is_dir = is_file = is_link = False
        if is_dir:
            yield from _walk(Path(entry.path), seen)
        elif is_file:
            yield Path(entry.path)
        elif is_link:
            yield UnreadableInputError(entry.path, "dangling symbolic link")
        else:
            # Opening a FIFO would block the walk forever, and a device or
            # socket holds no article; a FIFO named on its own is still read.
            yield UnreadableInputError(entry.path, "not a regular file (FIFO, socket or device); skipped")


def ingest_path(path: Path, config: Config) -> Iterator[IngestedItem]:
    """:func:`read_path`, with each article's reader notes."""
    source = str(path)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield UnreadableInputError(source, exc.strerror or str(exc))
        return
    if not exists:
        detail = "dangling symbolic link" if path.is_symlink() else "no such file or directory"
        yield UnreadableInputError(source, detail)
        return
    if not is_dir:
        yield from _read_file(path, config, article_id=_stem(path.name))
        return
    for entry in _walk(path, set()):
        if isinstance(entry, UnreadableInputError):
            yield entry
            continue
        # Relative to the walked directory, so two "index.html" in different
        # folders keep different ids.
        rel = entry.relative_to(path)
        article_id = (rel.parent / _stem(rel.name)).as_posix()
        yield from _read_file(entry, config, article_id=article_id)


def read_path(path: Path, config: Config) -> Iterator[Item]:
    """Every article in a file or directory (walked recursively), errors yielded in place.

    The format comes from ``config.input_format``, else the suffix, else the
    content; gzip is read transparently.  A single text or HTML file's id is
    its stem; inside a directory, its relative path without suffix.
    """
    return unwrap(ingest_path(Path(path), config))


def _stdin_stream() -> tuple[ByteStream, bool]:
    """``sys.stdin`` as a peekable byte stream, and whether we wrapped it (and must detach)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        # A text-only stdin (e.g. replaced in tests or by an embedding app).
        return io.BufferedReader(io.BytesIO(sys.stdin.read().encode("utf-8"))), True
    if hasattr(buffer, "peek"):
        return buffer, False
    return io.BufferedReader(buffer), True


def ingest_stdin(config: Config) -> Iterator[IngestedItem]:
    """Articles from standard input: JSONL when the first non-blank line starts
    with ``{``, HTML when it starts with ``<``, else one text article."""
    stream, wrapped = _stdin_stream()
    try:
        head = peek(stream, SNIFF_BYTES)
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n\f\v")[:1]
        guess = "jsonl" if start == b"{" else "html" if start == b"<" else "text"
        yield from _read_stream(
            stream, config, source=STDIN_SOURCE, name="", article_id=None, size=None, default_format=guess
        )
    finally:
        if wrapped and isinstance(stream, io.BufferedReader):
            stream.detach()


def ingest_sources(sources: Iterable[str | Path], config: Config) -> Iterator[IngestedItem]:
    """:func:`iter_sources`, with each article's reader notes."""
    for source in sources:
        if isinstance(source, str) and source == STDIN:
            yield from ingest_stdin(config)
        else:
            yield from ingest_path(Path(source), config)


def iter_sources(sources: Iterable[str | Path], config: Config) -> Iterator[Item]:
    """Every article in ``sources`` (paths, directories, ``"-"`` for stdin), lazily and in order.

    A missing path yields an :class:`~newsift.errors.UnreadableInputError`
    naming it; bad files and records yield their errors; nothing is raised.
    """
    return unwrap(ingest_sources(sources, config))
