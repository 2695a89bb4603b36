"""Error types.  Each says what failed, why, and what to do, and names the input.

Every error also subclasses a builtin so callers that catch ``ValueError`` or
``OSError`` keep working.  This module depends on nothing else in newsift.
"""

from __future__ import annotations


class NewsiftError(Exception):
    """Base class of every error newsift raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(NewsiftError, ValueError):
    """An input could not be turned into an article.  Names the input and line."""

    reason: str = "unusable input"

    def __init__(self, source: str, detail: str = "", *, line: int | None = None, hint: str | None = None) -> None:
        self.source = source
        self.line = line
        self.detail = detail
        where = f"{source}:{line}" if line is not None else source
        text = f"{where}: {self.reason}"
        if detail:
            text += f": {detail}"
        super().__init__(text, hint=hint)


class EmptyInputError(InputError):
    reason = "empty input"
    hint = "the file or record has no text; check the path or the text column"


class BinaryInputError(InputError):
    reason = "binary input"
    hint = "newsift reads text, HTML, JSONL and CSV; convert other formats first"


class InputTooLargeError(InputError):
    reason = "input too large"
    hint = "split the file, or raise max_input_bytes in the config"


class EncodingError(InputError):
    reason = "undecodable text"
    hint = "save the file as UTF-8, or set 'encoding' in the config"


class NoArticleError(InputError):
    reason = "no article found"
    hint = "the page holds no main text that trafilatura could extract"


class MalformedRecordError(InputError):
    reason = "malformed record"
    hint = "fix or drop this line; the other records were still read"


class ReaderFailedError(InputError):
    """newsift's own reader broke on this input (a bug), reported in its place so the batch goes on."""

    reason = "reader failed"
    hint = "a bug in newsift: please report it with this input; the other inputs were still read"


class MissingColumnError(InputError):
    reason = "missing column"
    hint = "name the text column with --text-column (or 'columns.text' in the config)"


class UnreadableInputError(NewsiftError, OSError):
    """A file could not be opened or read at all."""

    def __init__(self, source: str, detail: str, *, hint: str = "check the path and its permissions") -> None:
        self.source = source
        self.line = None
        super().__init__(f"{source}: unreadable: {detail}", hint=hint)


class UnsupportedFormatError(InputError):
    reason = "unsupported format"
    hint = "use --input-format text|html|jsonl|csv to say what the file holds"


class ConfigError(NewsiftError, ValueError):
    """The configuration is invalid.  Raised once, when an Analyzer is built."""


class StageError(NewsiftError, RuntimeError):
    """A pipeline stage failed on one article; the report records it as a warning."""


class ModelUnavailableError(NewsiftError, ImportError):
    """A model or optional dependency a stage needs is not installed."""
