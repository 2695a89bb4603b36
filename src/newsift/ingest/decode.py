"""Bytes -> text, shared by every reader.

One place decides what counts as binary, which encoding wins, and when
mojibake is repaired, so a file, a JSONL record and stdin are treated alike.

Order of trust when decoding: a byte-order mark, then the encoding the input
declares (HTML ``<meta charset>``), then ``config.encoding``, then UTF-8.
Nothing is guessed silently: bytes that none of these decode raise
:class:`~newsift.errors.EncodingError` with the byte offset, so the user can
set the encoding instead of getting quietly garbled text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import BinaryInputError, EncodingError

SNIFF_BYTES = 8192

# Bytes that never occur in text files; tab, newlines, form feed, vertical
# tab and ESC (terminal colours in logs) are left out on purpose.
_CONTROL_BYTES = bytes([*range(0, 8), 0x0E, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
# Share of control bytes above which a sample is binary even without NULs.
_MAX_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Mojibake of UTF-8 read as Latin-1/cp1252 (or MacRoman) always puts a lead
# character from these ranges right before a continuation character.  This
# gate costs a few microseconds per article, while ftfy's badness check costs
# about 100x more.  On the shared corpora it flags 92 of 20,574 texts and
# misses one ftfy calls bad (U+FFFD replacement characters, which nothing can
# repair); on all 7,696 non-ASCII texts and titles the result of
# repair_mojibake equals ftfy's.
_CP1252_CONT = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_GATE = re.compile(
    # One leading character class (not an alternation of patterns) keeps the
    # regex engine on its fast scan: ~4 us per KB of non-ASCII text.
    "[\u0080-\u009f\u00c2-\u00f4\u221a\u00ac]"
    "(?:(?<=[\u00c2-\u00f4])[\u0080-\u00bf" + _CP1252_CONT + "]|(?<=\u00c3) |(?<=[\u221a\u00ac])[^\x00-\x7f]"
    # C1 controls never occur in real text: cp1252 bytes read as Latin-1.
    "|(?<=[\u0080-\u009f]))"
)

_C1 = re.compile("[\u0080-\u009f]")

_ENCODING_HINT = (
    "save the file as UTF-8, or set the encoding it uses ('encoding' in the config, "
    "NEWSIFT_ENCODING or --encoding, e.g. cp1252 or latin-1)"
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding that decoded it, and whether ftfy repaired it."""

    text: str
    encoding: str
    repaired: bool = False


def is_wide(encoding: str | None) -> bool:
    """Whether ``encoding`` is UTF-16/32, whose text is full of NUL bytes."""
    codec = normalise_encoding(encoding)
    return codec is not None and codec.startswith(("utf-16", "utf-32"))


def check_binary(head: bytes, source: str, encoding: str | None = None) -> None:
    """Raise :class:`BinaryInputError` when ``head`` (the first bytes) is not text.

    A BOM-marked UTF-16/32 sample is text even though it holds NUL bytes, and
    so is any sample when the user set such an ``encoding``.
    """
    if bom_encoding(head) is not None or is_wide(encoding):
        return
    sample = head[:SNIFF_BYTES]
    nul = sample.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(source, f"NUL byte at offset {nul}")
    if not sample:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(source, f"{controls} control bytes in the first {len(sample)} bytes")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_encoding(name: str | None, *, declared: bool = False) -> str | None:
    """A Python codec name for ``name``, or ``None`` when Python has no such codec.

    For an encoding a page ``declared``, follows browsers (WHATWG) in reading
    Latin-1 and ASCII as cp1252, the superset such pages are really written
    in.  A user's own setting is taken literally.
    """
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    if declared and codec in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return codec


def decode_bytes(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    declared: str | None = None,
    line: int | None = None,
) -> Decoded:
    """Decode ``data`` and repair mojibake; the one decoder every reader uses.

    ``encoding`` is the user's setting (``config.encoding``); ``declared`` is
    what the input says about itself (an HTML meta charset).  Raises
    :class:`BinaryInputError` or :class:`EncodingError`.
    """
    check_binary(data[:SNIFF_BYTES], source, encoding)
    bom = bom_encoding(data)
    if bom is not None:
        # A BOM is the strongest evidence there is; it overrides declarations.
        candidates = [bom]
    else:
        candidates = []
        declared_codec = normalise_encoding(declared, declared=True)
        # A page cannot really be UTF-16 without a BOM once it has been parsed
        # as ASCII to find the declaration; browsers ignore such a claim too.
        if declared_codec and not declared_codec.startswith(("utf-16", "utf-32")):
            candidates.append(declared_codec)
        configured = normalise_encoding(encoding) if encoding else None
        if encoding and configured is None:
            raise unknown_encoding(source, encoding, line=line)
        if configured:
            candidates.append(configured)
        candidates.append("utf-8")
    first_error: UnicodeDecodeError | None = None
    tried: list[str] = []
    for codec in dict.fromkeys(candidates):
        tried.append(codec)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        text, repaired = finish_text(text)
        return Decoded(text, codec, repaired)
    if first_error is None:  # unreachable: "utf-8" is always a candidate
        raise EncodingError(source, "no encoding to try", line=line)
    raise encoding_error(source, first_error, tried, line=line)


def unknown_encoding(source: str, encoding: str, *, line: int | None = None) -> EncodingError:
    return EncodingError(
        source,
        f"unknown encoding {encoding!r} in the config",
        line=line,
        hint="use a Python codec name such as utf-8, cp1252 or latin-1",
    )


def encoding_error(
    source: str,
    exc: UnicodeDecodeError,
    tried: list[str],
    *,
    line: int | None = None,
    offset: int = 0,
    consequence: str = "",
) -> EncodingError:
    """An :class:`EncodingError` naming the first bad byte's offset, what was tried, and what was given up."""
    bad = exc.object[exc.start : exc.start + 4]
    where = offset + exc.start
    detail = f"byte 0x{bad[0]:02x} at offset {where} is not valid {' or '.join(tried)}" if bad else str(exc)
    if consequence:
        detail = f"{detail}; {consequence}"
    return EncodingError(source, detail, line=line, hint=_ENCODING_HINT)


def finish_text(text: str) -> tuple[str, bool]:
    """Normalise line endings and repair mojibake.  Returns ``(text, repaired)``.

    Line endings become ``\\n`` (what Python's text mode gives), so every
    later stage sees one convention and offsets stay meaningful.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return repair_mojibake(text)


# A character reference with its semicolon ("&amp;", "&#8217;", "&#x2019;"); without one, "&copy"
# in "&copyright" or "R&D" is text, not markup.
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Markup in the text: its references belong to the markup, and turning "&lt;b&gt;" into "<b>" would
# change what the text says.
_TAG = re.compile(r"<[A-Za-z/!]")


def decode_char_refs(text: str) -> tuple[str, int]:
    """Decode HTML character references left in plain text ("Tests &amp; tracing").

    Dumps taken from APIs and feeds (tweets above all) arrive HTML-escaped once too often.
    A text that holds markup is left as it is.  Returns ``(text, references decoded)``.
    """
    if "&" not in text or _TAG.search(text):
        return text, 0
    import html

    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        decoded = html.unescape(m.group())
        count += decoded != m.group()  # an unknown name ("&foo;") stays as it is
        return decoded

    return _CHAR_REF.sub(one, text), count


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Fix UTF-8-read-as-Latin-1/cp1252 mojibake.  Returns ``(text, repaired)``.

    A cheap cascade, because ftfy costs ~2.5 ms on a broken article:

    1. ASCII text, or text the gate finds nothing in, is returned as is;
    2. when every flagged line round-trips (encode as Latin-1 or cp1252,
       decode as strict UTF-8), those lines are replaced: the classic
       whole-line mojibake, fixed exactly as ftfy would fix it;
    3. otherwise (mixed or unusual damage) ftfy decides, on the whole text.
    """
    if text.isascii() or _MOJIBAKE_GATE.search(text) is None:
        return text, False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_GATE.search(line) is None:
            continue
        fixed_line = _round_trip(line)
        if fixed_line is None:
            return _ftfy(text)
        lines[i] = fixed_line
    fixed = "\n".join(lines)
    return fixed, fixed != text


def _round_trip(line: str) -> str | None:
    for codec in ("latin-1", "cp1252"):
        try:
            fixed = line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        # Leftover C1 controls mean cp1252 damage as well; ftfy handles both.
        return None if _C1.search(fixed) else fixed
    return None


def _ftfy(text: str) -> tuple[str, bool]:
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(text):
        return text, False
    # Only encoding damage is repaired: quotes, widths, ligatures and normal
    # forms stay as the source wrote them.
    options = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
    )
    fixed = ftfy.fix_text(text, options)
    return fixed, fixed != text
