"""Style signals: sensational and emotional wording, shouting, superlatives,
hedges, first and second person, readability, and the style of the title.

Speed is the design constraint (well under a millisecond per article), so no
Python loop walks the text.  The body is lowercased and its punctuation turned
into spaces by C-level calls (:class:`Folder`), the sentences are joined with a
sentinel token between them, and the whole body is split and looked up at
once in one table that merges :mod:`newsift.signals.lexicons` with VADER's
lexicon.  Only the tokens that hit (about one in five) get Python-level work.

Rates are per 100 words (or per sentence), so they compare across article
lengths.  The word rates, capitals, exclamation marks and emotion count the
writer's own text: a hit inside double quotation marks is the speaker's, and
only counted apart (``detail["in_quotes"]``; emotion leaves the quoted words'
sentiment out).  Evidence spans are offsets into
``report.article.text``.  Two values
approximate their reference tools, for speed (agreement figures in the issue
note): ``style.emotion`` applies VADER's lexicon, negation, booster, caps and
"!" rules in the same pass rather than calling ``polarity_scores`` per sentence
(over 1 ms per article; "but" weighting, idioms and emoji are left out), and
``style.readability`` is textstat 0.7.8's English Flesch formula with syllables
counted by vowel groups instead of CMU-dictionary lookups.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress
from types import MappingProxyType
from typing import Any

from ..nlp.quotemarks import single_marks_as_double
from ..report import Report, Sentence, Signal, Span
from . import lexicons as lx

# A place where a sentence may end: terminal punctuation (with closing quotes),
# or a line break, since clean text keeps headings on lines of their own.
_BREAK = re.compile(r"[.!?…\n\r][.!?…\"'”’)\]]*")
# A passage in double quotation marks: someone else's words, not the writer's (the style rates and
# exclamation marks leave them out, and so do the credibility model's wording models).
QUOTED = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")
_MAX_QUOTED = 3000  # the longest content QUOTED takes, in characters


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that :data:`QUOTED` finds once each single pair that quotes is read as
    a double one ("'...,' the source said"), as the quotes stage reads it: someone else's words too."""
    return _find_quoted(single_marks_as_double(text))


def _find_quoted(text: str) -> list[tuple[int, int]]:
    """The spans of ``QUOTED.finditer(text)``, found with ``str.find``.

    Every article is read this way three times (style, and the score stage's two readings), and
    an article holds a few quotation marks in thousands of characters: the regex engine tested
    each character for an opening mark, at about seven times the cost of jumping from mark to mark
    (0.017 against 0.0024 ms per text of the signals bench, the best of 7 timings, stop 62).
    """
    spans: list[tuple[int, int]] = []
    curly, straight = text.find("“"), text.find('"')
    while curly >= 0 or straight >= 0:
        if straight < 0 or 0 <= curly < straight:
            start = curly
            close = text.find("”", start + 1, start + _MAX_QUOTED + 2)
        else:
            start = straight
            close = text.find('"', start + 1, start + _MAX_QUOTED + 2)
            if close >= 0 and text.find("\n", start + 1, close) >= 0:
                close = -1  # a straight-quoted passage ends with its line
        if close > start + 1:  # QUOTED takes at least one character between the marks
            pos = close + 1
            spans.append((start, pos))
        else:
            pos = start + 1  # no passage opens here; QUOTED would go on from the next character
        if 0 <= curly < pos:
            curly = text.find("“", pos)
        if 0 <= straight < pos:
            straight = text.find('"', pos)
    return spans


# Candidate shouting: runs of capitals (ASCII only; the check of what they are is in Python).
_CAPS = re.compile(r"[A-Z][A-Z'’\-]*[A-Z]")
_EXCLAIM = re.compile(r"!+")
_TOKEN_RUN = re.compile(r"\S+")
# Characters: a sentence longer than this (a page of links flattened into one) gets a table of its
# token offsets; a search per hit would rescan it for each (16,000 teaser links took 30 s).
_LONG_SENTENCE = 2000
_TYPOGRAPHY = ("“", "”", "—", "–", "…", "‘", "\xa0")

_SENSATIONAL, _SUPERLATIVE, _HEDGE, _FIRST, _SECOND = 1, 2, 4, 8, 16
_NEGATION, _PHRASE_END, _NOT_WORD, _SENTENCE = 32, 64, 128, 256
# Stands between sentences in the token stream; folded text never holds it.
_SENTINEL = "\x00"
_WORD_CATEGORIES = _SENSATIONAL | _SUPERLATIVE | _HEDGE | _FIRST | _SECOND
_CATEGORIES = _WORD_CATEGORIES | _PHRASE_END
_FLAG_NAMES = (
    (_SENSATIONAL, "sensational"),
    (_SUPERLATIVE, "superlatives"),
    (_HEDGE, "hedges"),
    (_FIRST, "first_person"),
    (_SECOND, "second_person"),
)
# Counted outside quotation marks only: inside them the words, capitals and "!" are the speaker's,
# not the writer's (a quoted tweet in capitals is no shouting of the article's).
_RATE_SIGNALS = ("sensational", "caps_words", "superlatives", "hedges", "first_person", "second_person")
_BODY_SIGNALS = (*_RATE_SIGNALS, "emotion", "exclamations", "readability")
_TITLE_SIGNALS = ("title_caps", "title_exclaim", "title_question", "title_sensational")

Slots = tuple[frozenset[str], ...]
_Scored = list[tuple[int, int, float]]  # per sentence: (sentence index, words, VADER compound)


@dataclass(frozen=True)
class PhraseSet:
    """Multi-word patterns (lexicons' slot syntax), indexed by their last token."""

    index: Mapping[str, tuple[tuple[Slots, str], ...]]

    @classmethod
    def build(cls, groups: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> PhraseSet:
        index: dict[str, list[tuple[Slots, str]]] = {}
        for name, patterns in groups:
            for pattern, _example in patterns:
                slots = tuple(frozenset(slot.split("|")) for slot in pattern.split())
                for last in slots[-1]:
                    index.setdefault(last, []).append((slots, name))
        # Longest first, so the first match is the one to keep ("unnamed sources said", not "sources said").
        ordered = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()}
        return cls(MappingProxyType(ordered))

    def match_at(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """The longest pattern ending at ``tokens[i]``: (index of its first token, its name)."""
        for slots, name in self.index.get(tokens[i], ()):
            first = i - len(slots) + 1
            # The slot before the last rejects most candidates ("said" after anything but "sources").
            if first < 0 or (len(slots) > 1 and tokens[i - 1] not in slots[-2]):
                continue
            if all(tokens[first + j] in slot for j, slot in enumerate(slots)):
                return first, name
        return None

    def find_all(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """Every non-overlapping match as (first token, last token, name), left to right."""
        found: list[tuple[int, int, str]] = []
        for i in compress(range(len(tokens)), map(self.index.__contains__, tokens)):
            hit = self.match_at(tokens, i)
            if hit is not None and (not found or hit[0] > found[-1][1]):
                found.append((hit[0], i, hit[1]))
        return found


@dataclass(frozen=True)
class StyleResources:
    """The read-only tables the style pass needs, built once per process.

    ``table`` maps a folded token to ``(flags, valence, booster)``: flags from
    the lexicons, VADER's valence and VADER's booster increment.  Build one
    with :meth:`load` and pass it to :func:`compute` to choose when loading
    happens; otherwise :func:`default_resources` is used.
    """

    table: Mapping[str, tuple[int, float, float]]
    phrases: PhraseSet
    folder: Folder
    vader: bool
    negation_scalar: float = -0.74
    caps_increment: float = 0.733

    @classmethod
    def load(cls) -> StyleResources:
        entries: dict[str, list[float]] = {}

        def add(word: str, flag: int = 0, valence: float = 0.0, boost: float = 0.0) -> None:
            e = entries.setdefault(word, [0, 0.0, 0.0])
            e[0] = int(e[0]) | flag
            e[1] = valence or e[1]
            e[2] = boost or e[2]

        for flag, words in (
            (_SENSATIONAL, lx.SENSATIONAL_WORDS),
            (_SUPERLATIVE, lx.SUPERLATIVE_WORDS),
            (_HEDGE, lx.HEDGE_WORDS),
            (_FIRST, lx.FIRST_PERSON_WORDS),
            (_SECOND, lx.SECOND_PERSON_WORDS),
        ):
            for word in words:
                add(word, flag)
        for word in lx.NOT_WORDS:
            add(word.lower(), _NOT_WORD)
        phrases = PhraseSet.build((("hedges", lx.HEDGE_PHRASES), ("superlatives", lx.SUPERLATIVE_PHRASES)))
        for word in phrases.index:
            add(word, _PHRASE_END)
        vader, negation_scalar, caps_increment = True, -0.74, 0.733
        try:
            from vaderSentiment import vaderSentiment as vs

            lexicon = vs.SentimentIntensityAnalyzer().lexicon
        except (ImportError, OSError):
            # Emotion then reads as unknown; no other style signal needs VADER.
            vader = False
        else:
            negation_scalar, caps_increment = float(vs.N_SCALAR), float(vs.C_INCR)
            for word, valence in lexicon.items():
                add(word, valence=float(valence))
            for word in vs.NEGATE:
                add(word, _NEGATION)
            for word, boost in vs.BOOSTER_DICT.items():
                add(word, boost=float(boost))  # two-word boosters never match a single token
        add(_SENTINEL, _SENTENCE)
        table = MappingProxyType({w: (int(e[0]), float(e[1]), float(e[2])) for w, e in entries.items()})
        return cls(table, phrases, Folder.build(), vader, negation_scalar, caps_increment)


@functools.lru_cache(maxsize=1)
def default_resources() -> StyleResources:
    """The shared tables, loaded on first use, never at import.

    Cached per process because loading parses VADER's 7,500-word lexicon
    (about 10 ms); the result is immutable, so sharing it is safe under
    threads, fork and spawn alike.
    """
    return StyleResources.load()


# --- text helpers shared with the sourcing signals ---------------------------


def body_text(report: Report) -> tuple[str, str | None]:
    """The text the body signals read, or why there is none.

    Without a clean stage the raw article text is read (offsets then map one
    to one); a clean stage that left nothing means there is no body to read.
    """
    if report.clean_text:
        return report.clean_text, None
    if not report.article.text.strip():
        return "", "the article has no body text"
    if report.clean_map.segments or "clean" in report.timings:
        return "", "the clean stage left no article text"
    return report.article.text, None


@dataclass(frozen=True)
class Folder:
    """Turns text into the form every word table is matched against.

    ``folder.fold(t).split()`` are the tokens: lowercased, curly apostrophes
    folded to ``'``, every other punctuation mark (lexicons.TOKEN_BREAKERS)
    turned into a space.  The result has the length of ``t``, so token
    offsets in it are offsets in ``t``.
    """

    table: Mapping[int, str]
    pattern: re.Pattern[str]

    @classmethod
    def build(cls) -> Folder:
        table = MappingProxyType(str.maketrans(dict.fromkeys(lx.TOKEN_BREAKERS, " ")))
        return cls(table, re.compile("[" + re.escape(lx.TOKEN_BREAKERS) + "]"))

    def fold(self, text: str, *, lower: bool = True) -> str:
        folded = text.replace("’", "'")
        if lower:
            low = folded.lower()
            if len(low) != len(folded):
                # A few characters lowercase to two ("İ"); keep those as they are, so offsets stay aligned.
                low = "".join(c if len(c.lower()) > 1 else c.lower() for c in folded)
            folded = low
        if not folded.isascii():
            # str.translate is fast only on ASCII text, and most non-ASCII in news is typography.
            for mark in _TYPOGRAPHY:
                folded = folded.replace(mark, " ")
        folded = folded.translate(self.table) if folded.isascii() else self.pattern.sub(" ", folded)
        # Dashes and quote marks that stand alone are punctuation, not words.
        padded = f" {folded} ".replace("--", "  ").replace(" - ", "   ").replace(" ' ", "   ")
        return padded[1:-1]


def token_offset(folded: str, tokens: list[str], i: int, start: int = 0, end: int | None = None, first: int = 0) -> int:
    """Offset of ``tokens[i]``, where ``tokens[first:]`` begins with ``folded[start:end].split()``.

    One search per call: cheap in a sentence of news, quadratic over many hits in a sentence
    that never ends; there :func:`token_starts` locates every token in one pass.
    """
    word = tokens[i]
    nth = tokens[first:i].count(word)
    end = len(folded) if end is None else end
    pos = start
    while True:
        pos = folded.find(word, pos, end)
        if pos < 0:
            return -1
        after = pos + len(word)
        if (pos == start or folded[pos - 1].isspace()) and (after == end or folded[after].isspace()):
            if nth == 0:
                return pos
            nth -= 1
        pos += 1


def token_starts(folded: str, start: int = 0, end: int | None = None) -> list[int]:
    """The offset of each token of ``folded[start:end].split()``, in one pass.

    ``\\S`` and ``str.split`` agree on what whitespace is, character for character.
    """
    return [m.start() for m in _TOKEN_RUN.finditer(folded, start, len(folded) if end is None else end)]


def evidence_span(report: Report, start: int, end: int) -> Span:
    """A Span of ``article.text`` from a span of the text :func:`body_text` returned."""
    if report.clean_text:
        start, end = report.to_original(start, end)
    return Span(report.article.text[start:end], start, end)


def _clean_offset(report: Report, offset: int, orig_starts: list[int]) -> int:
    """Map an ``article.text`` offset into ``clean_text`` (the inverse of to_original)."""
    segments = report.clean_map.segments
    if not report.clean_text or not segments:
        return offset
    i = bisect.bisect_right(orig_starts, offset) - 1
    if i < 0:
        return segments[0][0]
    cstart, ostart, length = segments[i]
    return cstart + min(offset - ostart, length)


def _regex_breaks(text: str) -> list[int]:
    """Offsets where a sentence after the first starts, from punctuation and line breaks."""
    starts: list[int] = []
    n = len(text)
    for m in _BREAK.finditer(text):
        end = m.end()
        mark = text[m.start()]
        if mark not in "\n\r":
            if end < n and not text[end].isspace():
                continue
            if mark == ".":
                # "Mr. Smith", "U.S. officials", "J. Smith": the stop ends a word, not a sentence.
                j = text.rfind(" ", 0, m.start()) + 1
                word = text[j : m.start()].lstrip("(\"“'‘").lower()
                if word in lx.ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
        starts.append(end)
    return starts


def sentence_bounds(report: Report, text: str) -> tuple[list[int], list[Sentence] | None]:
    """Offsets in ``text`` of each sentence start, plus the end of the text.

    From ``report.sentences`` when the nlp stage filled them (returned too, as
    evidence), else from a regex split of ``text``.
    """
    if not report.sentences:
        return [0, *_regex_breaks(text), len(text)], None
    orig_starts = [s[1] for s in report.clean_map.segments]
    given = sorted(report.sentences, key=lambda s: s.start)
    n = len(text)
    # The clean map is monotonic, so sorted sentences give sorted starts; clamping keeps
    # a sentence that strays outside the body from producing a negative slice.
    starts = [min(n, _clean_offset(report, s.start, orig_starts)) for s in given[1:]]
    return [0, *starts, n], given


def split_sentences(report: Report) -> list[Sentence]:
    """``report.sentences``, or a regex split of the body in ``article.text`` offsets."""
    if report.sentences:
        return list(report.sentences)
    text, _ = body_text(report)
    bounds, _ = sentence_bounds(report, text)
    out: list[Sentence] = []
    for k in range(len(bounds) - 1):
        s, e = _strip(text, bounds[k], bounds[k + 1])
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            span = evidence_span(report, s, e)
            out.append(Sentence(span.text, span.start, span.end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


# --- the signals ----------------------------------------------------------------


def compute(report: Report, resources: StyleResources | None = None) -> dict[str, Signal]:
    """All style signals of one report: ``style.*`` name -> :class:`Signal`."""
    res = resources or default_resources()
    if report.language not in (None, "en"):
        why = f"the style word lists are English and the text is in {report.language!r}"
        return _unknown(why, (*_BODY_SIGNALS, *_TITLE_SIGNALS))
    text, no_text = body_text(report)
    out = _unknown(no_text, _BODY_SIGNALS) if no_text else _body_signals(report, text, res)
    out.update(_title_signals(report, res))
    return out


def _unknown(reason: str, names: tuple[str, ...]) -> dict[str, Signal]:
    return {f"style.{name}": Signal(None, [], {"reason": reason}) for name in names}


def _is_shouting(word: str, table: Mapping[str, tuple[int, float, float]]) -> bool:
    """An all-caps word that is a word, not an acronym ("WOW", "FURIOUS"; not "FBI")."""
    if word in lx.KNOWN_ACRONYMS:
        return False
    lw = word.lower().replace("’", "'")
    entry = table.get(lw)
    letters = len(word) - word.count("'") - word.count("’") - word.count("-")
    return letters >= 4 or lw in lx.SHORT_SHOUT_WORDS or (entry is not None and entry[1] != 0.0)


def _compound(total: float, text: str, start: int, end: int) -> float:
    """VADER's compound score of a sentence from its summed valence."""
    if total == 0.0:
        return 0.0
    exclaims = text.count("!", start, end)
    if exclaims:
        total += math.copysign(min(exclaims, lx.VADER_EXCLAIM_MAX) * lx.VADER_EXCLAIM, total)
    return total / math.sqrt(total * total + lx.VADER_ALPHA)


def _syllables(folded: str) -> int:
    """Vowel groups less silent final e's, counted in C on letter-class maps (non-ASCII: non-letter)."""
    raw = b" " + folded.encode("ascii", "replace") + b" "
    # v = vowel, space = anything else: each " v" starts a vowel group.
    groups = raw.translate(_VOWELS).count(b" v")
    # e = "e", l = "l", b = other consonant, v = other vowel, 9 = digit, space = anything else.
    classes = raw.translate(_CLASSES)
    folded_l = classes.replace(b"l", b"b")
    # A final "e" after a consonant is silent ("make")...
    silent = folded_l.count(b"be ")
    # ...unless it is the word's only vowel ("the", "he", "she") or ends "-ble"/"-tle" ("table").
    voiced = folded_l.count(b" be ") + folded_l.count(b" bbe ") + classes.count(b"ble ")
    # A number reads as at least one syllable, as textstat's hyphenation fallback counts it.
    return groups - silent + voiced + classes.count(b" 9")


def _byte_table(classes: dict[int, bytes]) -> bytes:
    return b"".join(classes.get(i, b" ") for i in range(256))


_VOWELS = _byte_table(dict.fromkeys(b"aeiouy", b"v"))
_CLASSES = _byte_table(
    {
        **dict.fromkeys(b"bcdfghjkmnpqrstvwxz", b"b"),
        **dict.fromkeys(b"aiouy", b"v"),
        ord("e"): b"e",
        ord("l"): b"l",
        **dict.fromkeys(b"0123456789", b"9"),
    }
)


def _body_signals(report: Report, text: str, res: StyleResources) -> dict[str, Signal]:
    bounds, given = sentence_bounds(report, text)
    folded = res.folder.fold(text).replace(_SENTINEL, " ")
    # One split and one table lookup for the whole body: sentences are joined back with a
    # sentinel token between them, so crossing a sentence is just another table hit.
    # Sentence k then starts at offset bounds[k] + 2 + 3 * k of ``marked``.
    pieces = [folded[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]
    marked = f"{_SENTINEL} " + f" {_SENTINEL} ".join(pieces) + f" {_SENTINEL}"
    tokens = marked.split()
    entries = list(map(res.table.get, tokens))
    neg_scalar, caps_inc = res.negation_scalar, res.caps_increment

    caps: list[tuple[int, int]] = []
    for m in _CAPS.finditer(text):
        s, e = m.span()
        alone = (s == 0 or not text[s - 1].isalpha()) and (e == len(text) or not text[e].isalpha())
        if alone and _is_shouting(m.group(), res.table):
            caps.append((s, e))
    caps_sentences = {bisect.bisect_right(bounds, s) - 1 for s, _ in caps}
    spans: dict[str, list[tuple[int, int]]] = {name: [] for name in _RATE_SIGNALS}
    spans["caps_words"] = caps
    quoted = quoted_passages(text)
    hits = _Pass(report, text, marked, res, bounds, given, quoted, spans)
    sentences: _Scored = []
    k, first, total = -1, 0, 0.0
    upper: list[bool] = []
    # Emotion is the writer's, like the word rates: a quoted outburst is the speaker's.  The
    # sentence's quoted stretches as ranges of its token indexes (a quotation mark folds to a
    # space, so no token straddles a stretch's edge); None for a sentence wholly inside one.
    quoted_tokens: list[tuple[int, int]] | None = []
    for i in compress(range(len(tokens)), entries):
        flags, valence, _ = entries[i]  # type: ignore[misc]
        if flags & _SENTENCE:
            if i > first:
                sentences.append((k, i - first, _compound(total, text, bounds[k], bounds[k + 1])))
            k, first, total = k + 1, i + 1, 0.0
            upper = _upper(text, bounds[k], bounds[k + 1], res) if k in caps_sentences else []
            if quoted and k + 1 < len(bounds):
                quoted_tokens = _quoted_tokens(quoted, marked, bounds[k], bounds[k + 1], 2 + 3 * k)
            continue
        if flags & _CATEGORIES:
            shift = 2 + 3 * k
            hits.record(tokens, i, flags, first, bounds[k] + shift, bounds[k + 1] + shift, shift)
        if (
            valence
            and quoted_tokens != []
            and (quoted_tokens is None or any(a <= i - first < b for a, b in quoted_tokens))
        ):
            continue
        if valence:
            sign = 1.0 if valence > 0 else -1.0
            # VADER's window: boosters up to three words back (damped with distance) and
            # negation; the sentinel before each sentence stops it.
            negated = 0
            p = entries[i - 1]
            if p is None or not p[0] & _SENTENCE:
                if p is not None:
                    valence += sign * p[2]
                    negated |= p[0]
                p = entries[i - 2]
                if p is None or not p[0] & _SENTENCE:
                    if p is not None:
                        valence += sign * p[2] * 0.95
                        negated |= p[0]
                    p = entries[i - 3]
                    if p is not None and not p[0] & _SENTENCE:
                        valence += sign * p[2] * 0.9
                        negated |= p[0]
            if negated & _NEGATION:
                valence *= neg_scalar
            if upper and i - first < len(upper) and upper[i - first]:
                valence += sign * caps_inc
            total += valence

    words = len(tokens) - len(pieces) - 1
    if not words:
        return _unknown("the article body has no words", _BODY_SIGNALS)
    return _assemble(hits, folded, words, sentences)


def _upper(text: str, start: int, end: int, res: StyleResources) -> list[bool]:
    """Which tokens of a sentence are in capitals; VADER stresses them only if some are not."""
    upper = [t.isupper() and len(t) > 1 for t in res.folder.fold(text[start:end], lower=False).split()]
    return [] if all(upper) else upper


@dataclass
class _Pass:
    """The state of one body pass (one per call, never shared)."""

    report: Report
    text: str
    folded: str  # the sentinel-joined, folded body the tokens come from
    res: StyleResources
    bounds: list[int]
    given: list[Sentence] | None
    quoted: list[tuple[int, int]]
    spans: dict[str, list[tuple[int, int]]]
    # (start in ``folded``, token offsets) of the last long sentence a hit was in.
    _sentence: tuple[int, list[int]] = field(default=(-1, []), repr=False)

    def _offset(self, tokens: list[str], i: int, first: int, ms: int, me: int) -> int:
        """Offset in ``folded`` of ``tokens[i]``, in the sentence whose first token is ``first``."""
        if me - ms <= _LONG_SENTENCE:
            return token_offset(self.folded, tokens, i, ms, me, first)
        if self._sentence[0] != ms:
            self._sentence = (ms, token_starts(self.folded, ms, me))
        starts = self._sentence[1]
        j = i - first
        return starts[j] if 0 <= j < len(starts) else -1

    def record(self, tokens: list[str], i: int, flags: int, first: int, ms: int, me: int, shift: int) -> None:
        """Locate one hit and file it under its signals.

        The sentence holding ``tokens[i]`` starts at token ``first`` and spans
        ``folded[ms:me]``; ``shift`` turns offsets in ``folded`` into offsets in ``text``.
        """
        found = self.res.phrases.match_at(tokens, i) if flags & _PHRASE_END else None
        if found is None and not flags & _WORD_CATEGORIES:
            return  # a phrase's last word ("to", "time") outside its phrase
        start = self._offset(tokens, i, first, ms, me)
        if start < 0:
            return
        start -= shift
        end = start + len(tokens[i])
        if flags & _NOT_WORD and self.text[start:end] in lx.NOT_WORDS:
            return
        for flag, name in _FLAG_NAMES:
            if flags & flag:
                self.spans[name].append((start, end))
        if found is not None:
            pfirst, name = found
            pstart = self._offset(tokens, pfirst, first, ms, me) - shift
            # A phrase replaces the words inside it ("it seems" is one hedge, not two).
            kept = [h for h in self.spans[name] if not (pstart <= h[0] < end)]
            self.spans[name] = [*kept, (pstart, end)]


def _assemble(p: _Pass, folded: str, words: int, sentences: _Scored) -> dict[str, Signal]:
    report, text = p.report, p.text

    def per_100(n: int) -> float:
        return round(100.0 * n / words, 4)

    def spans(items: list[tuple[int, int]]) -> list[Span]:
        return [evidence_span(report, s, e) for s, e in items[: lx.MAX_EVIDENCE]]

    out: dict[str, Signal] = {}
    for name in _RATE_SIGNALS:
        items, quoted = _outside(sorted(p.spans[name]), p.quoted)
        unit = "per 100 words, outside quotation marks"
        detail = {"count": len(items), "words": words, "unit": unit, "in_quotes": quoted}
        out[f"style.{name}"] = Signal(per_100(len(items)), spans(items), detail)

    exclaims, quoted = _outside(_exclaims(text), p.quoted)
    out["style.exclamations"] = Signal(
        round(len(exclaims) / len(sentences), 4),
        spans(exclaims),
        {
            "count": len(exclaims),
            "marks": sum(e - s for s, e in exclaims),
            "in_quotes": quoted,
            "sentences": len(sentences),
            "unit": "runs of '!' per sentence, outside quotation marks",
        },
    )
    out["style.emotion"] = _emotion(p, sentences)
    counted = sum(1 for _, n, _ in sentences if n >= lx.FLESCH_MIN_SENTENCE_WORDS) or 1
    syllables = _syllables(folded)
    ease = (
        lx.FLESCH_BASE
        - lx.FLESCH_SENTENCE_LENGTH * (words / counted)
        - lx.FLESCH_SYLLABLES_PER_WORD * (syllables / words)
    )
    method = "Flesch reading ease, textstat 0.7.8 English constants, vowel-group syllables"
    detail = {"words": words, "sentences": counted, "syllables": syllables, "method": method}
    out["style.readability"] = Signal(round(ease, 2), [], detail)
    return out


def _quoted_tokens(
    quoted: list[tuple[int, int]], marked: str, start: int, end: int, shift: int
) -> list[tuple[int, int]] | None:
    """The stretches of the sentence ``[start, end)`` of the body that the sorted, disjoint
    ``quoted`` passages cover, as ranges of the sentence's token indexes (``marked[start + shift:
    end + shift]`` holds its tokens); None when one passage holds the whole sentence."""
    q = bisect.bisect_right(quoted, (start, math.inf)) - 1
    if q < 0 or quoted[q][1] <= start:
        q += 1
    if q < len(quoted) and quoted[q][0] <= start and quoted[q][1] >= end:
        return None
    out = []
    while q < len(quoted) and quoted[q][0] < end:
        a, b = max(quoted[q][0], start), min(quoted[q][1], end)
        out.append((len(marked[start + shift : a + shift].split()), len(marked[start + shift : b + shift].split())))
        q += 1
    return out


def _outside(items: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """The sorted ``items`` that start outside every quoted passage, and how many start inside one."""
    if not quoted:
        return items, 0
    kept = []
    for item in items:
        q = bisect.bisect_right(quoted, (item[0], math.inf)) - 1
        if not (q >= 0 and item[0] < quoted[q][1]):
            kept.append(item)
    return kept, len(items) - len(kept)


def _exclaims(text: str) -> list[tuple[int, int]]:
    """Spans of each run of "!"; most articles have none, and the ``in`` test is far cheaper than a scan."""
    return [m.span() for m in _EXCLAIM.finditer(text)] if "!" in text else []


def _emotion(p: _Pass, sentences: _Scored) -> Signal:
    report, text, bounds, given, res = p.report, p.text, p.bounds, p.given, p.res
    if not res.vader:
        return Signal(None, [], {"reason": "vaderSentiment is not installed"})
    strong = sorted(((abs(c), k) for k, _, c in sentences if abs(c) >= lx.STRONG_EMOTION), reverse=True)
    evidence: list[Span] = []
    for _, k in strong[: lx.MAX_EVIDENCE]:
        if given is not None:
            s = given[k]
            evidence.append(Span(report.article.text[s.start : s.end], s.start, s.end))
        else:
            evidence.append(evidence_span(report, *_strip(text, bounds[k], bounds[k + 1])))
    n = len(sentences)
    return Signal(
        round(sum(abs(c) for _, _, c in sentences) / n, 4),
        evidence,
        {
            "strong_share": round(len(strong) / n, 4),
            "strong_sentences": len(strong),
            "sentences": n,
            "threshold": lx.STRONG_EMOTION,
            "method": "mean |VADER compound| per sentence, of the words outside quotation marks; "
            "VADER's lexicon and rules in one pass",
        },
    )


def _title_signals(report: Report, res: StyleResources) -> dict[str, Signal]:
    title = (report.article.title or "").strip()
    if not title:
        return _unknown("the article has no title", _TITLE_SIGNALS)
    # The title is evidence only where the body repeats it; most ingested bodies do not.
    pos = report.article.text.find(title, 0, len(title) + 2000)
    evidence = [Span(title, pos, pos + len(title))] if pos >= 0 else []
    tokens = res.folder.fold(title).split()
    raw = res.folder.fold(title, lower=False).split()
    shouting = sum(1 for t in raw if len(t) > 1 and t.isupper() and _is_shouting(t, res.table))
    sensational = sum(1 for t in tokens if (res.table.get(t) or (0,))[0] & _SENSATIONAL)
    n = len(tokens)
    detail: dict[str, Any] = {"title": title, "words": n}
    return {
        "style.title_caps": Signal(
            round(shouting / n, 4) if n else 0.0,
            evidence,
            {**detail, "count": shouting, "unit": "share of title words in capitals"},
        ),
        "style.title_exclaim": Signal(title.count("!"), evidence, {**detail, "unit": "'!' marks"}),
        "style.title_question": Signal(title.count("?"), evidence, {**detail, "unit": "'?' marks"}),
        "style.title_sensational": Signal(sensational, evidence, {**detail, "unit": "sensational words"}),
    }
