"""Small wording models: TF-IDF + logistic regression, shipped as plain numbers.

Two analyzers: ``words`` (unigrams: topical, strong on sources like the
training ones) and ``style`` (1-3-grams of the topic-blind text of
:mod:`.stylometry`: function words, punctuation and word shapes).

Its decision value is one feature of the credibility model (``text.wording``),
fitted out-of-fold so the outer model learns how far to trust it on sources
it has not seen.  Leave-one-dataset-out evaluation decided that it goes in:
without it the signals alone score close to chance on several held-out sets.

Both read the writer's words only: a passage in double quotation marks keeps its marks and
loses its content (:func:`narration`).  Who is quoted, and what they said, is bound to a story's
topic and time; how the writer tells it carries further to sources the model never saw (model
card: with the quoted words the mean leave-one-dataset-out AUC was lower by 0.007).

Scoring needs only the standard library and reproduces scikit-learn's
``TfidfVectorizer(sublinear_tf=True)``: tokens are ``\\b\\w\\w+\\b`` after
lowercasing, term weight ``(1 + ln tf) * idf``, the vector L2-normalised, then
the dot product with the coefficients.  Only the ``MAX_TERMS`` terms with the
largest weights are kept, and the model is refitted on exactly those, so the
shipped numbers are the model that was evaluated.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ModelUnavailableError
from ..report import Span
from ..signals.style import quoted_passages
from .stylometry import ShapeCounter, style_terms

TOKEN = re.compile(r"(?u)\b\w\w+\b")
# The tokens of TOKEN (scikit-learn's default, the pattern model files name), found in half the
# time: a greedy run of word characters stops only before a non-word character, so the word
# boundaries TOKEN asks for always hold.
_SCAN = re.compile(r"\w\w+")
MAX_TERMS = 4000
MIN_DF = 3
# Light regularisation: only the MAX_TERMS strongest terms are kept, so the refit needs
# little shrinkage. Swept 0.3-30 on the leave-one-dataset-out protocol (model card): 3-30 tie,
# all above 1.0.
C = 10.0
# Distinct tokens whose style shapes a model remembers; past this it starts afresh, so a long
# run over a large corpus holds a few megabytes at most.
SHAPE_MEMO_LIMIT = 50_000
_RETRAIN_HINT = "reinstall newsift, or retrain with `newsift train --data ../shared/data`"


# What a model file says its wording models read; a file that says otherwise was fitted on other text.
READS = "narration: each passage in quotation marks (double, or a single pair that quotes) reduced to its marks"


def narration(text: str, *, keep_offsets: bool = False) -> str:
    """``text`` with each quoted passage's content taken out, its quotation marks left in place.

    The wording models read it so (:data:`READS`).  With ``keep_offsets`` the content becomes
    spaces instead, so that offsets into the result are offsets into ``text``: for locating
    evidence, never for scoring (the style model reads a fixed number of characters).
    """
    parts: list[str] = []
    last = 0
    # The text's own marks stay, single or double: the style model reads characters.
    for start, end in quoted_passages(text):
        parts += [text[last : start + 1], " " * (end - start - 2) if keep_offsets else " "]
        last = end - 1
    parts.append(text[last:])
    return "".join(parts)


# Every ASCII character that ``\w`` does not match, and typography that is never part of a word.
_ASCII_BREAKS = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
_NON_WORD_MARKS = ("“", "”", "‘", "’", "—", "–", "…", "\xa0")


def _told_words(told: str) -> list[str]:
    low = told.lower()
    if not low.isascii():
        # Spaces where the typography was keep the tokens as they were, and leave most news ASCII.
        for mark in _NON_WORD_MARKS:
            low = low.replace(mark, " ")
    if low.isascii():
        # _SCAN's tokens, without the regex engine's test of each character's Unicode class: in
        # ASCII a word character is [A-Za-z0-9_], so splitting at everything else finds the same
        # runs, in under two thirds of the time with the replacements above.
        return [word for word in low.translate(_ASCII_BREAKS).split() if len(word) > 1]
    return _SCAN.findall(low)


# Each analyzer's terms of a text already reduced to the writer's words (:func:`narration`).
TOLD_ANALYZERS: dict[str, Callable[[str], list[str]]] = {"words": _told_words, "style": style_terms}


def _on_narration(terms: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    def analyze(text: str) -> list[str]:
        return terms(narration(text))

    return analyze


# The same analyzers over a whole text: what the wording models are fitted with.
ANALYZERS: dict[str, Callable[[str], list[str]]] = {name: _on_narration(f) for name, f in TOLD_ANALYZERS.items()}


@dataclass(frozen=True)
class Wording:
    """A text's wording score and each known word's (unnormalised) pull on it."""

    decision: float | None
    pulls: list[tuple[float, str]]

    def top_terms(self, *, towards_unreliable: bool, k: int = 5) -> list[str]:
        """The words that pull hardest in the given direction, strongest first."""
        chosen = [(abs(p), t) for p, t in self.pulls if p and (p > 0) == towards_unreliable]
        return [t for _, t in heapq.nlargest(k, chosen)]


@dataclass
class TextModel:
    terms: dict[str, tuple[float, float]]  # term -> (idf, coefficient)
    intercept_: float
    analyzer: str = "words"
    # ``terms`` keyed the way :meth:`_counts` counts them, and each key's term for the explanation.
    _lookup: dict[str, tuple[float, float]] = field(init=False, repr=False, compare=False)
    _names: dict[str, str] = field(init=False, repr=False, compare=False)
    _shapes: ShapeCounter | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._shapes = ShapeCounter(self.terms) if self.analyzer == "style" else None
        key: Callable[[str], str] = self._shapes.key if self._shapes is not None else str
        self._names = {key(term): term for term in self.terms}
        self._lookup = {k: self.terms[term] for k, term in self._names.items()}

    def _counts(self, text: str, told: str | None) -> Iterable[tuple[str, int]]:
        """Each distinct term of ``text`` with its count, in the order the analyzer first yields it;
        ``told`` is ``narration(text)`` where the caller has it (both models read the same one)."""
        if told is None:
            told = narration(text)
        if self._shapes is None:
            return Counter(TOLD_ANALYZERS[self.analyzer](told)).items()
        if len(self._shapes.memo) > SHAPE_MEMO_LIMIT:
            self._shapes.memo.clear()
        return self._shapes.counts(told)

    def decision(self, text: str, *, told: str | None = None) -> float | None:
        """The log-odds of "unreliable wording"; None for a text with no known words.

        The same sums as :meth:`read` without keeping each term's pull: the style model is
        scored on every article and never explained term by term. ``told``: :func:`narration` of
        ``text``, when the caller made it already.
        """
        norm = 0.0
        total = 0.0
        lookup = self._lookup
        for term, n in self._counts(text, told):
            entry = lookup.get(term)
            if entry is None:
                continue
            w = (1.0 + math.log(n)) * entry[0] if n > 1 else entry[0]
            norm += w * w
            total += w * entry[1]
        if not norm:
            return None
        return self.intercept_ + total / math.sqrt(norm)

    def read(self, text: str, *, told: str | None = None) -> Wording:
        """Score ``text`` once, keeping each known word's pull for the explanation (``told`` as for
        :meth:`decision`)."""
        pulls: list[tuple[float, str]] = []
        norm = 0.0
        total = 0.0
        lookup = self._lookup
        for term, n in self._counts(text, told):
            entry = lookup.get(term)
            if entry is None:
                continue
            w = (1.0 + math.log(n)) * entry[0] if n > 1 else entry[0]
            norm += w * w
            pull = w * entry[1]
            total += pull
            pulls.append((pull, self._names[term]))
        if not pulls:
            return Wording(None, [])
        return Wording(self.intercept_ + total / math.sqrt(norm), pulls)

    def to_dict(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "tokenizer": TOKEN.pattern,
            "reads": READS,
            "weighting": "sublinear tf * idf, l2-normalised",
            "intercept": round(self.intercept_, 6),
            "terms": {t: [round(idf, 5), round(coef, 5)] for t, (idf, coef) in sorted(self.terms.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str) -> TextModel:
        def refuse(why: str) -> ModelUnavailableError:
            return ModelUnavailableError(f"{source}: {why}", hint=_RETRAIN_HINT)

        if not data:
            raise refuse("a wording model is missing")
        analyzer = str(data.get("analyzer", "words"))
        if analyzer not in ANALYZERS:
            raise refuse(f"unknown wording analyzer {analyzer!r}")
        if data.get("tokenizer") != TOKEN.pattern:
            raise refuse("the wording model uses another tokenizer")
        if data.get("reads") != READS:
            raise refuse("the wording model was fitted on another reading of the text (quoted words in or out)")
        try:
            terms = {str(t): (float(v[0]), float(v[1])) for t, v in data["terms"].items()}
            intercept = float(data["intercept"])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise refuse(f"the wording model is malformed: {exc!r}") from exc
        numbers = [intercept, *(x for pair in terms.values() for x in pair)]
        if not all(map(math.isfinite, numbers)):
            raise refuse("the wording model holds a non-finite number")
        return cls(terms, intercept, analyzer)


def fit_text_model(
    texts: Sequence[str], y: Sequence[int], weights: Sequence[float], analyzer: str = "words"
) -> TextModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def fit(vocabulary: list[str] | None) -> tuple[Any, Any]:
        # Same weighting as ``TextModel.read``; the analyzer (which lowercases where it should) is scoring's.
        vectorizer = TfidfVectorizer(
            analyzer=ANALYZERS[analyzer], lowercase=False, min_df=MIN_DF, sublinear_tf=True, vocabulary=vocabulary
        )
        x = vectorizer.fit_transform(texts)
        model = LogisticRegression(C=C, max_iter=3000).fit(x, list(y), sample_weight=list(weights))
        return vectorizer, model

    vectorizer, model = fit(None)
    names = vectorizer.get_feature_names_out()
    order = sorted(range(len(names)), key=lambda i: -abs(model.coef_[0][i]))[:MAX_TERMS]
    vectorizer, model = fit(sorted(str(names[i]) for i in order))
    names = vectorizer.get_feature_names_out()
    terms = {str(t): (float(idf), float(c)) for t, idf, c in zip(names, vectorizer.idf_, model.coef_[0], strict=True)}
    return TextModel(terms, float(model.intercept_[0]), analyzer)


@functools.lru_cache(maxsize=2 * MAX_TERMS)
def _word_pattern(term: str) -> re.Pattern[str]:
    # Terms come from a model's vocabulary, so the patterns are few; ``re``'s own cache holds 512
    # patterns of every kind and was found recompiling these on every article.
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", flags=re.IGNORECASE)


def _is_word(char: str) -> bool:
    # What ``\w`` matches: str.isalnum() is the same Unicode test, and the underscore.
    return char.isalnum() or char == "_"


def _find_word(text: str, lowered: str, term: str) -> int:
    """Where ``term`` (lowercase ASCII) first stands as a word in ``text`` (``lowered`` is its
    lowercase, of the same length), or -1."""
    at = lowered.find(term)
    while at >= 0:
        end = at + len(term)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            return at
        at = lowered.find(term, at + 1)
    return -1


def term_spans(text: str, terms: Sequence[str], limit: int = 5) -> list[Span]:
    """The first occurrence of each term in ``text`` as a word, case-insensitive, outside quotation
    marks: the words model read only those."""
    spans = []
    told = narration(text, keep_offsets=True)
    lowered = told.lower()
    # A find in the lowercased text is several times faster than a case-blind regex search, and
    # the words model's terms are mostly lowercase ASCII.  The regex still reads the few texts
    # where the two would differ: lowercasing "\u0130" gives two characters (offsets would drift),
    # and the regex lets "s" and "i" match "\u017f" and "\u0131", which stay as they are.
    plain = len(lowered) == len(told) and "\u017f" not in lowered and "\u0131" not in lowered
    for term in terms:
        if plain and term.isascii() and term == term.lower():
            start = _find_word(told, lowered, term)
            end = start + len(term)
        else:
            m = _word_pattern(term).search(told)
            start, end = (m.start(), m.end()) if m else (-1, -1)
        if start >= 0:
            spans.append(Span(text[start:end], start, end))
        if len(spans) >= limit:
            break
    return sorted(spans, key=lambda s: s.start)
