"""Finding quoted spans by their marks: one linear pass, no parser, no regex backtracking.

Handles curly and straight marks, a quote that runs across paragraphs (news
style leaves the first paragraph open and reopens the next one), and bad
input: an unclosed mark ends at its paragraph, a stray opener inside an open
quote starts a new quote, so hundreds of nested marks still cost one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .rules import (
    CLOSE_MARKS,
    MAX_QUOTE_CHARS,
    QUOTE_PAIRS,
    SCARE_QUOTE_MAX_WORDS,
    TITLE_MAX_WORDS,
    TITLE_SMALL_WORDS,
    is_tag_verb,
)

_OPEN_CONTEXT = frozenset(" \t\n\r([{\u2014\u2013-/:;\u00a0")
_SENTENCE_PUNCT = frozenset(".,!?;:\u2026")
_AFTER_CLOSER = _SENTENCE_PUNCT | frozenset(")]}\u201d\u2019")
_FILLER = "\u2060"  # word joiner: neither space, letter nor mark
# Marks that open or close by their context: the straight mark, and the closing curly
# mark where a page typed it as the opener.
_AMBIGUOUS = frozenset('"\u201d')
# Closing marks that may end an item of a quoted list.
_LIST_CLOSERS = frozenset("\"'\u201d\u2019")
_SENTENCE_END = re.compile(r"[.!?](?= )")
# A line break and the blank space after it, up to the next paragraph's first character.
_PARAGRAPH_BREAK = re.compile("\n[\n\r \t\u00a0]*")
# What the pass in ``_find`` stops at: an opening mark outside a quote; inside one, any mark (an
# opener, a closer, the curly pair of a nested quote) and the line break that ends a paragraph.
_ANY_OPENER = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")
_ANY_MARK = re.compile(
    "[" + re.escape("".join(sorted({"\n", "\u201c", "\u201d", *QUOTE_PAIRS, *"".join(QUOTE_PAIRS.values())}))) + "]"
)
# A byline right after a quoted span: the span is the headline of what the byline's writer wrote.
_CREDITED = re.compile(r",? by (?:[A-Z][\w.\u2019'-]*\s)*?[A-Z][\w.\u2019'-]*(?:\u2019s|'s)?\s")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[,:]?\s*$")
_TAG_BEFORE = re.compile(r"(?<![A-Za-z-])([a-z]+)[,:]\s*$")
_NAMING_VERBS = frozenset({"called", "named", "dubbed", "titled", "entitled", "nicknamed", "labeled", "labelled"})
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|We|us|our|Our)\b")
# The last word of a quote, the two spaces a dropped ',"' leaves, and a tag: a pronoun or up to
# three capitalised words, then a verb (checked by is_tag_verb).
_LOST_CLOSER = re.compile(r"[\w.!?'\u2019)\]]  (he|she|they|[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}) ([a-z]+)\b")
# A transcript's speaker label at the start of a turn: one to four words in capitals and a colon
# ("HOST: ...", "MR. LOPEZ: ..."). Capitals only: "Note: ..." or "Update: ..." open prose.
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]*){0,3}:[ \u00a0]+(?=\S)")


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool
    paragraphs: int  # how many paragraphs the quote runs across
    mark_len: int = 1  # 2 for the typewriter pair '' (New York Times archive style)

    def inner(self, text: str) -> str:
        stop = self.end - self.mark_len if self.closed else self.end
        return text[self.start + self.mark_len : stop]


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin: after any run of line breaks."""
    n = len(text)
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text) if m.end() < n]


def speaker_label(text: str, i: int) -> int:
    """The offset of the colon when a transcript's speaker label starts at ``i``, else -1."""
    m = _SPEAKER_LABEL.match(text, i, i + 60)
    return -1 if m is None else text.index(":", i, m.end())


def _reopens(opener: str, mark: str) -> bool:
    """Whether a mark that opens the next paragraph reopens a quote ``opener`` began.  Inside a
    straight-quoted excerpt a curly mark quotes someone within it (the nesting of ``_find``), so a
    paragraph that opens with one starts a quote of its own ('"... interjecting, “Only the budget.”
    The critic pressed on.' then '“Is that the temper of a mayor?”'); pages that mix their marks
    reopen a curly quote with a straight one, and that still goes on."""
    if mark not in QUOTE_PAIRS:
        return False
    return not (opener == '"' and mark == "\u201c")


def _typed_opener_closes(text: str, i: int) -> bool:
    """Whether the opening curly mark at ``i`` stands where a quote ends: right after a word or
    punctuation, and before a space, punctuation or the end ('the title “A Detached Black Hole“.
    The study ...', 'to “Do what thou wilt“.'). Some pages type that mark at both ends of a quote.
    An opener has a word right after it."""
    if text[i] != "\u201c" or i == 0 or text[i - 1] in _OPEN_CONTEXT:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isspace() or after in _AFTER_CLOSER


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in QUOTE_PAIRS or _typed_opener_closes(text, i):
        return False
    if ch not in _AMBIGUOUS:
        return True
    # A straight mark opens when it follows a space or bracket and precedes a word; a
    # closing mark only when a letter or digit follows at once.
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == '"':
        return before in _OPEN_CONTEXT and not after.isspace()
    return before in _OPEN_CONTEXT and after.isalnum()


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All quoted spans in ``text``, in order, never overlapping.

    Two apostrophes ('') stand for a double mark in some archives: they are read
    as one (the second becomes an inert filler of the same length, so offsets hold)."""
    spans = _find_marks(text)
    if "  " not in text:
        return spans
    return [piece for s in spans for piece in _cut_at_lost_closer(text, s)]


def _cut_at_lost_closer(text: str, span: QuotedSpan) -> list[QuotedSpan]:
    """A quote whose tag sits inside it, where a scraper dropped the comma and closing mark
    before the tag and left their spaces ('"I miss the stage  Kattan said. I was ..."'),
    ends there; the sentences after the tag, up to the closing mark, can be the quote going on
    (its reopening mark dropped too): a span that opens on the space before them."""
    m = _LOST_CLOSER.search(text, span.start + span.mark_len, span.end)
    if m is None or not is_tag_verb(m.group(2)):
        return [span]
    head = QuotedSpan(span.start, m.start() + 1, False, 1, span.mark_len)
    stop = _SENTENCE_END.search(text, m.end(), span.end)
    if stop is None or span.mark_len != 1:
        return [head]
    # The marks of such pages are unreliable: what follows the tag is taken for the quote going on
    # only when its first sentence speaks in the first person; narration does not.
    nxt = _SENTENCE_END.search(text, stop.end(), span.end)
    first = text[stop.end() : nxt.end() if nxt else span.end]
    if not _FIRST_PERSON.search(first):
        return [head]
    return [head, QuotedSpan(stop.end(), span.end, span.closed, span.paragraphs)]


def _find_marks(text: str) -> list[QuotedSpan]:
    if "''" not in text:
        return _find(text)
    view = text.replace("''", '"' + _FILLER)
    out = []
    for s in _find(view):
        double = text.startswith("''", s.start)
        end = s.end
        if double and s.closed and text.startswith("''", end - 1):
            end += 1
        out.append(QuotedSpan(s.start, end, s.closed, s.paragraphs, 2 if double else 1))
    return out


def _find(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    n = len(text)
    open_at = -1
    opener = ""
    paras = 1
    # Inside a quote opened by a straight mark, a curly pair quotes within the quote ('"LOPEZ:
    # ... what they call “a plan.” But ..."'): its closer must not close the outer quote.
    nested = False
    i = 0
    while i < n:
        # The pass jumps from mark to mark: marks are few, and a Python loop over every character
        # took ten times as long.
        if open_at < 0:
            found = _ANY_OPENER.search(text, i)
            if found is None:
                break
            i = found.start()
            if _is_opener(text, i):
                open_at, opener, paras, nested = i, text[i], 1, False
            i += 1
            continue
        found = _ANY_MARK.search(text, i)
        stop = n if found is None else found.start()
        # Any other character only counts towards the length cap.
        over = max(i, open_at + MAX_QUOTE_CHARS + 1)
        if over < stop:
            spans.append(QuotedSpan(open_at, _rstrip(text, open_at, over), False, paras))
            open_at = -1
            i = over + 1
            continue
        if found is None:
            break
        i = stop
        ch = text[i]
        if ch == "\n":
            j = i
            while j < n and text[j] in "\n\r \t\u00a0":
                j += 1
            nested = False
            if j < n and _reopens(opener, text[j]) and _is_opener(text, j):
                if speaker_label(text, j + 1) < 0:
                    # News style: the paragraph ended inside the quote and the next one reopens it.
                    paras += 1
                    i = j + 1
                    continue
                # A quoted transcript reopens each paragraph, and a new speaker's label starts a
                # new turn: one quote per turn, not one for the whole exchange.
                spans.append(QuotedSpan(open_at, _rstrip(text, open_at, i), False, paras))
                open_at, opener, paras = j, text[j], 1
                i = j + 1
                continue
            spans.append(QuotedSpan(open_at, _rstrip(text, open_at, i), False, paras))
            open_at = -1
            i = j
            continue
        if ch == "\u201c" and _typed_opener_closes(text, i):
            if nested:
                nested = False
            elif opener in {"\u201c", '"'} and i - open_at > 1:
                spans.append(QuotedSpan(open_at, i + 1, True, paras))
                open_at = -1
        elif opener == '"' and ch == "\u201c" and _is_opener(text, i):
            nested = True
        elif nested and ch == "\u201d":
            nested = False
        elif ch in QUOTE_PAIRS.get(opener, ""):
            if i - open_at > 1:
                spans.append(QuotedSpan(open_at, i + 1, True, paras))
                open_at = -1
        elif ch == opener and ch not in CLOSE_MARKS:
            # A second opener inside an open quote: the first was never closed.
            spans.append(QuotedSpan(open_at, _rstrip(text, open_at, i), False, paras))
            open_at, paras = i, 1
        elif i - open_at > MAX_QUOTE_CHARS:
            spans.append(QuotedSpan(open_at, _rstrip(text, open_at, i), False, paras))
            open_at = -1
        i += 1
    if open_at >= 0:
        spans.append(QuotedSpan(open_at, _rstrip(text, open_at, n), False, paras))
    return [s for s in spans if s.end - s.start > 1]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def is_scare_quote(text: str, span: QuotedSpan) -> bool:
    """A short quoted term with no sentence punctuation ("terrorism", "fake news"), a title in
    running text ("State of the Union"), or a headline with its byline after it: quotation marks
    that hold no one's words."""
    inner = span.inner(text).strip()
    if not inner:
        return True
    if _CREDITED.match(text, span.end):
        return True  # '"Grit vs. Goliath," by NYT's David Segal': a headline and its byline
    words = inner.split()
    if len(words) > SCARE_QUOTE_MAX_WORDS:
        return (
            len(words) <= TITLE_MAX_WORDS
            and _in_running_text(text, span)
            and _title_case(words)
            # A sentence in capitals that a tag verb introduces is said: 'He said "We Will Win."'
            and not (inner.endswith(".") and _after_tag_verb(text, span))
        )
    if inner[-1] not in _SENTENCE_PUNCT:
        return True
    # Short but punctuated: a quote when it stands alone ("“No,” he said") or a speech verb
    # introduces it ('he said, “Not at all.”', the second half of a split quote), a term when it
    # sits inside running text ("the “new normal.”").
    return _in_running_text(text, span) and not _introduced_by_tag(text, span)


def _in_running_text(text: str, span: QuotedSpan) -> bool:
    """Whether ``span`` opens after a word or a comma, semicolon or dash of the sentence around it,
    or after a quoted item that such a comma or semicolon closes: the next item of a list of titles
    ("films include 'Shrek,' 'Vanilla Sky,' ...") runs on in the sentence as the first one did."""
    j = span.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j >= 1 and text[j] in _LIST_CLOSERS and text[j - 1] in ",;":
        return True
    return j >= 0 and (text[j].isalnum() or text[j] in ",;\u2013\u2014")


def _after_tag_verb(text: str, span: QuotedSpan, before: re.Pattern[str] = _WORD_BEFORE) -> bool:
    """Whether a speech verb, and not one that names ("called", "dubbed"), stands right before ``span``
    as ``before`` reads the words there."""
    # Only the few characters before the span: a search from the text's start would cost a pass
    # over the whole text for every such span.
    m = before.search(text, max(0, span.start - 40), span.start)
    return m is not None and m.group(1).lower() not in _NAMING_VERBS and is_tag_verb(m.group(1))


def _introduced_by_tag(text: str, span: QuotedSpan) -> bool:
    """Whether a speech verb and a comma or colon stand right before ``span`` ('he said, “No.”').
    Without the comma a verb can take an object (a show's name after "told"), and a capital marks a
    noun ("States" in a country's name)."""
    return _after_tag_verb(text, span, _TAG_BEFORE)


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the small ones, and no sentence end inside: "Dancing With the
    Stars", "My Heart Will Go On,". Not all in capitals ("THIS IS A DISGRACE" is someone's).
    A full stop may close it where the title ends its sentence (on "The Steve Harvey Morning
    Show."), but not with a comma inside: "No, for Chris Stevens." is a reply."""
    joined = " ".join(words)
    if joined.endswith(".") and "," not in joined:
        joined = joined[:-1]
    if joined.isupper() or any(ch in ".!?" for ch in joined):
        return False
    lettered = [w for w in words if any(ch.isalpha() for ch in w)]
    shouted = sum(1 for w in lettered if len(w) > 1 and w.isupper())
    if 2 * shouted > len(lettered):  # 'WE WORSHIP GOD - in America': a tweet, not a title
        return False
    first = True
    for word in words:
        core = word.strip(",;:'\"()\u2018\u2019\u201c\u201d")
        if not core[:1].isalpha():
            continue
        if not core[0].isupper() and (first or core.lower() not in TITLE_SMALL_WORDS):
            return False
        first = False
    return not first


# A single mark before a letter or digit; it opens a quote only at the start, after a space, or after
# what ``_OPEN_BEFORE`` holds.
# (The check of the character before is made in Python: a look-behind at every position of the
# text made the search the slowest part of the pass.)
_SINGLE_OPENER = re.compile("['\u2018](?=[A-Za-z0-9])")
_OPEN_BEFORE = frozenset("([\u2014\u2013/-")
_SINGLE_MARK = re.compile("['\u2019]")
_SPACES = re.compile(r"\s*")
# What a leading apostrophe shortens ("'em", "rock 'n' roll", "'til", "'90s"): no quote opens there.
_ELIDED = re.compile(r"(?:em|n|tis|twas|til|cause|cos|bout|round|nuff|s|\d+s?)(?![A-Za-z0-9])", re.IGNORECASE)


def single_marks_as_double(text: str) -> str:
    """``text`` with each pair of single quotation marks that quotes outside double marks made the
    curly double pair, at the same length, so that offsets into the result are offsets into ``text``.

    British and headline style quote with single marks ("'What is stunning is how self-important he
    is,' the source said"), where every pass after this one reads double marks. A single mark is
    also an apostrophe, so a pair counts only where both ends are unambiguous: the opener after a
    space, bracket or dash and before a word that no apostrophe shortens ("'em", "'90s"); the closer
    the first single mark after it on the same line that follows a character other than a space
    and is followed by no letter or digit ("Clinton's" is no closer). A pair that crosses a double
    quote is left alone, and single marks inside double ones stay: they quote within a quote. An
    opener with no closer on its line becomes a double opener alone where the paragraphs after it
    reopen the quote up to one that closes it (British style), as :func:`find_quoted_spans` reads a
    quote in double marks run over paragraphs.
    """
    # Most texts hold apostrophes but no opener: the pass over the double marks is paid only then.
    if "'" not in text and "\u2018" not in text:
        return text
    openers = [m.start() for m in _SINGLE_OPENER.finditer(text) if _after_a_break(text, m.start())]
    if not openers:
        return text
    doubles = [(s.start, s.end) for s in find_quoted_spans(text)]
    firsts = [a for a, _ in doubles]
    closers = _Closers(text)
    chars: list[str] | None = None
    n = len(text)
    pos = 0
    runs_on: dict[int, bool] = {}
    for i in openers:
        if i < pos or _ELIDED.match(text, i + 1):
            continue
        k = bisect_right(firsts, i) - 1
        if k >= 0 and doubles[k][1] > i:
            continue  # inside a double quote
        line_end = text.find("\n", i)
        next_double = firsts[k + 1] if k + 1 < len(firsts) else n
        stop = min(n if line_end < 0 else line_end, next_double, i + MAX_QUOTE_CHARS)
        j = closers.first(i + 2, stop)
        if j < 0:
            # British style leaves a paragraph's quote open and reopens it with the next paragraph
            # ("read: 'While we ...\n\n'We have had ...'"): the opener alone becomes a double one,
            # and the double-mark pass reads it as it reads such a quote in double marks.
            if stop == line_end:
                if line_end not in runs_on:
                    # One walk per line: every opener left open on a line ends at the same place.
                    runs_on[line_end] = _runs_on(text, closers, line_end, next_double)
                if runs_on[line_end]:
                    chars = chars if chars is not None else list(text)
                    chars[i] = "\u201c"
                    pos = i + 1
            continue
        if _subhead(text, i, j):
            continue
        if chars is None:
            chars = list(text)
        chars[i], chars[j] = "\u201c", "\u201d"
        pos = j + 1
    return text if chars is None else "".join(chars)


# How many paragraphs an open single quote may run on over before one closes it.
_MAX_RUN_ON_PARAGRAPHS = 20


def _runs_on(text: str, closers: _Closers, line_end: int, limit: int) -> bool:
    """Whether the quote a single mark left open at ``line_end`` goes on: each paragraph after it,
    to one that closes it, opens with a single mark (and no apostrophe: "'em"), and no double quote
    starts before ``limit`` on the way. A chain that never closes is no quote read this way."""
    at = line_end  # a line break
    for _ in range(_MAX_RUN_ON_PARAGRAPHS):
        spaces = _SPACES.match(text, at)  # always matches, if only the empty string
        start = spaces.end() if spaces else at
        if not _SINGLE_OPENER.match(text, start) or _ELIDED.match(text, start + 1):
            return False
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > limit:
            return False
        if closers.first(start + 2, end) >= 0:
            return True
        at = end
    return False


class _Closers:
    """Finds the first single mark in a stretch of ``text`` that can close a quote: after a
    character other than a space, and before no letter or digit ("Clinton's" is no closer).

    The openers ask in the order of the text, and each stretch mostly overlaps the one before: the
    stretch last known to hold no closer (and the closer that ends it, if one does) is not searched
    again. Searched afresh, a line of thousands of open marks cost the rest of the line per mark.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # No closer in [_clear_from, _clear_to); _closer_at is the closer at _clear_to, or -1 where the
        # search stopped there without one.
        self._clear_from = self._clear_to = 0
        self._closer_at = -1

    def first(self, lo: int, hi: int) -> int:
        """The offset of the first closer in ``[lo, hi)``, or -1."""
        start = lo
        if self._clear_from <= lo <= self._clear_to:
            if self._closer_at >= 0:
                return self._closer_at if self._closer_at < hi else -1
            if hi <= self._clear_to:
                return -1
            start, lo = self._clear_to, self._clear_from
        text = self.text
        for m in _SINGLE_MARK.finditer(text, start, hi):
            j = m.start()
            if not text[j - 1].isspace() and not (j + 1 < len(text) and text[j + 1].isalnum()):
                self._clear_from, self._clear_to, self._closer_at = lo, j, j
                return j
        self._clear_from, self._clear_to, self._closer_at = lo, hi, -1
        return -1


def _subhead(text: str, i: int, j: int) -> bool:
    """Whether the pair at ``i`` and ``j`` is a line of its own in title case ("'Legend in the Coal
    Fields.'"): a newspaper's subhead that quotes the text below it, where nobody speaks."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", j)
    if text[line_start:i].strip() or text[j + 1 : len(text) if line_end < 0 else line_end].strip():
        return False
    words = text[i + 1 : j].split()
    return len(words) <= TITLE_MAX_WORDS and _title_case(words)


def _after_a_break(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPEN_BEFORE or text[i - 1].isspace()
