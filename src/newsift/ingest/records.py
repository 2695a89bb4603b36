"""JSONL and CSV corpora, read record by record.

A corpus may be gigabytes: nothing here reads a whole file.  Lines are read
with a length cap, so even a file with no newlines holds memory to
``4 * max_input_bytes``.  A bad record yields an error naming the file and
line, and the reader goes on with the next one.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from ..config import Config
from ..errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingColumnError,
    UnsupportedFormatError,
)
from ..report import Article, Origin
from .base import (
    Ingested,
    IngestedItem,
    check_text_size,
    clean_str,
    domain_of,
    normalise_date,
    notes_for,
    replace_surrogates,
    split_authors,
    text_id,
)
from .decode import (
    bom_encoding,
    decode_char_refs,
    encoding_error,
    finish_text,
    normalise_encoding,
    repair_mojibake,
    unknown_encoding,
)

_MISSING = object()


class ByteStream(Protocol):
    """What the readers need of an input: a buffered binary stream (file, gzip, stdin)."""

    def read(self, size: int, /) -> bytes: ...

    def readline(self, size: int, /) -> bytes: ...

    def peek(self, size: int, /) -> bytes: ...


_CSV_DELIMITERS = (",", "\t", ";")
# What text mode with ``newline=""`` calls a line: the ending is kept, and only these three end one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")


def line_limit(config: Config) -> int:
    """Longest physical line read.  JSON escapes (``\\u00e9`` for a 2-byte é)
    can triple a text's size, so a record is allowed more than its text."""
    return 4 * config.max_input_bytes + (1 << 20)


def peek(fh: ByteStream, n: int) -> bytes:
    """The first ``n`` bytes of ``fh`` without consuming them."""
    return fh.peek(n)[:n]


def bounded_lines(fh: ByteStream, limit: int) -> Iterator[bytes | int]:
    """Physical lines of ``fh``; a line longer than ``limit`` is skipped and yields its length."""
    readline = fh.readline
    while True:
        line = readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            skipped = len(line)
            while True:
                chunk = readline(1 << 20)
                skipped += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield skipped
            continue
        yield line


def decoded_lines(fh: ByteStream, source: str, config: Config) -> Iterator[tuple[int, str | InputError]]:
    """``(line number, text or error)`` for each physical line, decoded one line at a time.

    UTF-8 and other ASCII-compatible encodings are decoded per line, so one
    bad line costs one record.  UTF-16/32 cannot be split on newline bytes
    and goes through a streaming text wrapper instead; a decoding error
    there ends the file.
    """
    limit = line_limit(config)
    bom = bom_encoding(peek(fh, 4))
    configured = normalise_encoding(config.encoding) if config.encoding else None
    if config.encoding and configured is None:
        yield 1, unknown_encoding(source, config.encoding)
        return
    codec = bom or configured or "utf-8"
    if codec.startswith(("utf-16", "utf-32")):
        yield from _wide_lines(fh, source, codec)
        return
    offset = 0
    for number, raw in enumerate(bounded_lines(fh, limit), 1):
        if isinstance(raw, int):
            yield number, InputTooLargeError(source, f"line of {raw} bytes > {limit}", line=number)
            offset += raw
            continue
        start = 0
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            start = len(codecs.BOM_UTF8)
        try:
            text = raw[start:].decode(codec if codec != "utf-8-sig" else "utf-8")
        except UnicodeDecodeError as exc:
            yield number, encoding_error(source, exc, [codec], line=number, offset=offset + start)
        else:
            yield number, text
        offset += len(raw)


def _wide_lines(
    fh: ByteStream, source: str, codec: str, chunk_size: int = 1 << 16
) -> Iterator[tuple[int, str | InputError]]:
    """Lines of a UTF-16/32 stream, decoded chunk by chunk.

    Every line that decodes before a bad byte is yielded, then one error that
    names the line holding it; the rest of the file is not read, because a
    wide encoding gives no safe place to pick up again (a stray odd byte
    shifts every unit after it).
    """
    decoder = codecs.getincrementaldecoder(codec)()
    pending = ""
    done = 0
    offset = 0
    while True:
        chunk = fh.read(chunk_size)
        state = decoder.getstate()
        try:
            pending += decoder.decode(chunk, not chunk)
        except UnicodeDecodeError as exc:
            # Decode again up to the bad byte, so the lines before it are not lost with it.
            decoder.setstate(state)
            with contextlib.suppress(UnicodeDecodeError):
                pending += decoder.decode(chunk[: max(0, exc.start - len(state[0]))])
            # Every line that has its ending is whole, a final "\r" too: no "\n" can follow it now.
            lines = _ended_lines(pending)[0]
            yield from enumerate(lines, done + 1)
            bad_line = done + len(lines) + 1
            yield (
                bad_line,
                encoding_error(
                    source,
                    exc,
                    [codec],
                    line=bad_line,
                    offset=offset - len(state[0]),
                    consequence=f"this line and the rest of the file were not read (lines 1-{bad_line - 1} were)"
                    if bad_line > 1
                    else "the file was not read",
                ),
            )
            return
        offset += len(chunk)
        lines, pending = _complete_lines(pending, final=not chunk)
        yield from enumerate(lines, done + 1)
        done += len(lines)
        if not chunk:
            return


def _ended_lines(text: str) -> tuple[list[str], str]:
    """The lines of ``text`` that have their ending, and what follows the last ending.

    The pattern reads only up to the last ending: past it, every place it could start runs to the
    end of the text and fails, and a line of 100,000 characters still unfinished in the buffer
    took two minutes (each chunk read scanned it again, from every place in it)."""
    end = max(text.rfind("\n"), text.rfind("\r")) + 1
    return _LINE.findall(text, 0, end), text[end:]


def _complete_lines(text: str, *, final: bool = False) -> tuple[list[str], str]:
    """``(lines with their endings, the unfinished rest)``; ``\n``, ``\r\n`` and ``\r`` end a line.

    A ``\r`` at the very end stays unfinished until the next chunk shows whether ``\n`` follows.
    """
    lines, rest = _ended_lines(text)
    if lines and lines[-1].endswith("\r") and not rest and not final:
        rest = lines.pop()
    if final and rest:
        lines.append(rest)
        rest = ""
    return lines, rest


def _author_names(value: object) -> tuple[object, int]:
    """``value`` with each author object (schema.org writes ``{"@type": "Person", "name": ...}``)
    replaced by its name, for :func:`split_authors`; and how many entries had no name to read."""
    entries = value if isinstance(value, list) else [value]
    names: list[object] = []
    unread = 0
    for entry in entries:
        if isinstance(entry, dict):
            entry = entry.get("name")
            if not isinstance(entry, str):
                unread += 1
                continue
        elif isinstance(entry, bool | list):
            unread += 1
            continue
        names.append(entry)
    return (names if isinstance(value, list) else (names[0] if names else None)), unread


def record_to_article(
    record: Mapping[str, Any], config: Config, *, source: str, line: int, fmt: str, surrogates: int = 0
) -> Ingested:
    """An article from one JSONL object or CSV row, using ``config.columns`` for field names.

    ``surrogates``: how many lone surrogates the reader already replaced in the record (a note says so).
    """
    cols = config.columns
    raw = record.get(cols.text, _MISSING)
    if raw is _MISSING:
        have = ", ".join(list(record)[:20]) or "none"
        raise MissingColumnError(source, f"no {cols.text!r} field; the record has: {have}", line=line)
    notes: tuple[str, ...] = ()
    # A metadata field must be text or a number; a JSON object, array or boolean there says the
    # file is not laid out as the columns say, and its Python form ("{'a': 1}") would be read as
    # a title, an address or an id.  The field is left out, and the report says so.
    fields: dict[str, object] = {}
    for name in dict.fromkeys((cols.id, cols.title, cols.url, cols.published, "domain")):
        value = record.get(name)
        if isinstance(value, bool | dict | list):
            kind = "boolean" if isinstance(value, bool) else "object" if isinstance(value, dict) else "array"
            notes += (f"ingest: the {name!r} field is a JSON {kind}, not text; it was left out",)
            value = None
        fields[name] = value
    title = clean_str(fields[cols.title])
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if title is None:
            raise EmptyInputError(source, f"the {cols.text!r} field is empty", line=line)
        # A headline alone still has a headline to read (clickbait, sensational words); the
        # report says the body is missing and its score widens the uncertain band.
        raw = ""
        notes += (f"ingest: the record has a title and no {cols.text!r}; only the title was analysed",)
    if not isinstance(raw, str):
        raise MalformedRecordError(
            source, f"the {cols.text!r} field is a JSON {type(raw).__name__}, not a string", line=line
        )
    check_text_size(raw, source, config.max_input_bytes, line=line)
    text, repaired = finish_text(raw)
    text, char_refs = decode_char_refs(text)
    if title is not None:
        check_text_size(title, source, config.max_input_bytes, line=line)
        title, fixed = repair_mojibake(title)
        title, title_refs = decode_char_refs(title)
        repaired = repaired or fixed
        char_refs += title_refs
    url = clean_str(fields[cols.url])
    authors = record.get("authors")
    if authors is None:
        authors = record.get("author")
    authors, unread = _author_names(authors)
    if unread:
        notes += (
            f"ingest: {unread} author entr{'y is' if unread == 1 else 'ies are'} neither text nor "
            "an object with a 'name'; left out",
        )
    article = Article(
        id=clean_str(fields[cols.id]) or text_id(text or title or ""),
        text=text,
        title=title,
        url=url,
        domain=domain_of(clean_str(fields["domain"])) or domain_of(url),
        published=normalise_date(fields[cols.published]),
        authors=split_authors(authors),
        origin=Origin(source, line, fmt),
    )
    return Ingested(article, notes + notes_for(repaired, surrogates, char_refs))


def read_jsonl(fh: ByteStream, source: str, config: Config) -> Iterator[IngestedItem]:
    """One article (or error) per non-blank line of a JSON-lines stream.

    A stream with no record at all yields one :class:`EmptyInputError`, so an
    empty file in a batch is reported rather than silently skipped.
    """
    seen_record = False
    for number, item in decoded_lines(fh, source, config):
        if isinstance(item, InputError):
            seen_record = True
            yield item
            continue
        stripped = item.strip()
        if not stripped:
            continue
        if not seen_record and stripped in ("{", "["):
            # A bracket alone on the first line is never a JSON-lines record:
            # this is one pretty-printed document, and every line would fail.
            yield UnsupportedFormatError(
                source,
                "one pretty-printed JSON document, not JSON lines (one object per line)",
                line=number,
                hint="convert it to one object per line, e.g. jq -c "
                + ("'.[]'" if stripped == "[" else ".")
                + " FILE > FILE.jsonl",
            )
            return
        seen_record = True
        try:
            record = json.loads(item)
        except json.JSONDecodeError as exc:
            yield MalformedRecordError(source, f"invalid JSON: {exc.msg} at column {exc.colno}", line=number)
            continue
        except RecursionError:
            yield MalformedRecordError(source, "JSON nested too deeply to read", line=number)
            continue
        except ValueError:  # the only other ValueError json raises: Python's limit on an int's digits
            yield MalformedRecordError(source, "a JSON number with more than 4,300 digits", line=number)
            continue
        if not isinstance(record, dict):
            yield MalformedRecordError(source, f"expected a JSON object, got a {type(record).__name__}", line=number)
            continue
        surrogates = 0
        if "\\u" in item:  # only an escape can put a lone surrogate into decoded JSON
            record, surrogates = _without_surrogates(record)
        try:
            yield record_to_article(record, config, source=source, line=number, fmt="jsonl", surrogates=surrogates)
        except InputError as exc:
            yield exc
    if not seen_record:
        yield EmptyInputError(source, "no JSON records")


def _without_surrogates(value: Any) -> tuple[Any, int]:
    """``value`` (a decoded JSON value) with :func:`replace_surrogates` applied to every string in it."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        pairs = [_without_surrogates(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        total = 0
        for key, v in value.items():
            out[replace_surrogates(key)[0]], n = _without_surrogates(v)
            total += n
        return out, total
    return value, 0


def _pick_delimiter(header: str) -> str:
    counts = [(header.count(d), -i, d) for i, d in enumerate(_CSV_DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] > 0 else ","


def _find_column(header: list[str], name: str) -> int | None:
    if name in header:
        return header.index(name)
    folded = name.casefold()
    for i, col in enumerate(header):
        if col.casefold() == folded:
            return i
    return None


def read_csv(fh: ByteStream, source: str, config: Config, *, delimiter: str | None = None) -> Iterator[IngestedItem]:
    """One article (or error) per CSV/TSV row; the first row names the columns.

    Line numbers are the physical line where a record starts (a quoted field
    may span lines).  A file without the text column yields one
    :class:`MissingColumnError` naming the columns it has.
    """
    # The csv module's field limit is process-wide; only ever raise it, and
    # only as far as the largest record this config accepts.
    limit = line_limit(config)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
    line_errors: dict[int, InputError] = {}

    def lines() -> Iterator[str]:
        for number, item in decoded_lines(fh, source, config):
            if isinstance(item, InputError):
                # A stand-in line keeps the reader's line count right; the
                # record that spans this line is replaced by the error.
                line_errors[number] = item
                yield "\n"
            else:
                yield item

    stream = lines()
    first = next(stream, None)
    if first is None:
        yield EmptyInputError(source, "the CSV file has no header row")
        return

    def chained() -> Iterator[str]:
        yield first
        yield from stream

    reader = csv.reader(chained(), delimiter=delimiter or _pick_delimiter(first))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield MalformedRecordError(source, f"unreadable CSV header: {exc}", line=1)
        return
    if 1 in line_errors:
        yield line_errors.pop(1)
        return
    cols = config.columns
    if _find_column(header, cols.text) is None:
        yield MissingColumnError(source, f"no {cols.text!r} column; the columns are: {', '.join(header) or 'none'}")
        return
    wanted = {cols.id, cols.title, cols.text, cols.url, cols.published, "authors", "author", "domain"}
    index = {name: i for name in wanted if (i := _find_column(header, name)) is not None}
    previous = reader.line_num
    seen_record = False
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not seen_record:
                yield EmptyInputError(source, "the CSV file has a header row but no records")
            return
        except csv.Error as exc:
            seen_record = True
            yield MalformedRecordError(source, f"CSV: {exc}", line=previous + 1)
            previous = reader.line_num
            continue
        start, previous = previous + 1, reader.line_num
        bad = [line_errors.pop(n) for n in range(start, previous + 1) if n in line_errors]
        if bad:
            seen_record = True
            yield bad[0]
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        seen_record = True
        record = {name: row[i] if i < len(row) else "" for name, i in index.items()}
        try:
            item = record_to_article(record, config, source=source, line=start, fmt="csv")
        except InputError as exc:
            yield exc
            continue
        if len(row) != len(header):
            # A quotation mark left open runs a field on into the rows after it, which then
            # vanish into it: the one trace is a row whose fields the header does not match.
            note = (
                f"ingest: the row has {len(row)} fields where the header has {len(header)}; "
                + ("the missing ones were read as empty" if len(row) < len(header) else "the extra ones were left out")
                + (f", and it spans lines {start} to {previous}" if previous > start else "")
            )
            item = Ingested(item.article, (*item.notes, note))
        yield item
