"""Topic-blind text: function words and punctuation kept, every content word reduced to its shape.

Words that name a topic ("aleppo", "vaccine", "campaign") are what a wording
model learns first and what fails first on a source it has not seen.  The
closed-class words and the punctuation around them (how a text hedges,
addresses the reader, strings clauses together) change much less from one
topic to the next, so they are the part of wording that can carry over.
This is the "text distortion" of Stamatatos (2017), built with a fixed word
list and a regular expression, so it needs no parse and costs well under a
millisecond per article.

Content words become ``w`` (lower case), ``C`` (capitalised), ``U`` (all
capitals: shouting or an acronym) and numbers ``#``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, pairwise
from operator import add

# A fixed closed-class list (determiners, pronouns, prepositions, conjunctions,
# auxiliaries and modals, and a few closed adverbs).  Not learned from the
# training data, so it cannot pick up a set's topics.
_FUNCTION_WORDS = """
a about above across after against ago all along also although always am among an and another any anybody anyone
anything are around as at be because been before being below beneath beside besides between beyond both but by can
cannot could did do does doing done down during each either else enough even ever every everybody everyone
everything few for from further had has have having he her here hers herself him himself his how however i if in
inside into is it its itself just least less like many may me might mine more most much must my myself neither never
no nobody none nor not nothing now of off on once one only onto or other others otherwise our ours ourselves out
outside over own per perhaps quite rather same several shall she should since so some somebody someone something such
than that the their theirs them themselves then there therefore these they this those though through throughout thus
to too toward towards under unless until up upon us very via was we were what whatever when whenever where whereas
wherever whether which while who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves
"""
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION_WORDS.split())
TOKEN = re.compile(r"\w+|[^\w\s]")
# Only the start of a text is read (about 350 words): a writer's habits show within a few
# paragraphs, and reading the whole of a long article would cost more than the score stage's
# share of the 2 ms budget per article.  Training reads exactly the same prefix.
MAX_CHARS = 2000


def shape(token: str) -> str:
    """One token's stand-in: itself if a function word or punctuation, else its shape."""
    lower = token.lower()
    if lower in FUNCTION_WORDS:
        return lower
    if token[0].isdigit():
        return "#"
    if not (token[0].isalnum() or token[0] == "_"):
        return token
    if len(token) > 1 and token.isupper():
        return "U"
    return "C" if token[0].isupper() else "w"


def shapes(text: str) -> list[str]:
    """The text's first :data:`MAX_CHARS` characters as tokens, every content word replaced by its shape."""
    return list(map(shape, TOKEN.findall(text[:MAX_CHARS])))


def style_terms(text: str) -> list[str]:
    """Every 1- to 3-gram of :func:`shapes`, space-joined (the terms the style model weighs)."""
    t = shapes(text)
    terms = list(t)
    terms += [f"{a} {b}" for a, b in pairwise(t)]
    terms += [f"{a} {b} {c}" for a, b, c in zip(t, t[1:], t[2:], strict=False)]
    return terms


# The character that stands for every shape a model does not know.  Codes start after it.
_UNKNOWN = "\x00"


class _Codes(dict[str, str]):
    """token -> the character of its shape, filled on first sight."""

    def __init__(self, codes: Mapping[str, str]) -> None:
        super().__init__()
        self.codes = codes

    def __missing__(self, token: str) -> str:
        code = self[token] = self.codes.get(shape(token), _UNKNOWN)
        return code


class ShapeCounter:
    """Counts the terms of :func:`style_terms` that a model knows, with one character per shape.

    Scoring reads every article.  Counting the n-grams as tuples of shapes hashed each tuple again
    at every lookup, and joining them into "a b c" strings cost more still; as strings of one to
    three characters they are built, hashed once and counted by C code.  Every shape no known term
    holds shares one code, so each known term gets exactly the count :func:`style_terms` gives it.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        parts = sorted({part for term in terms for part in term.split(" ")})
        self.codes = {part: chr(ord(_UNKNOWN) + 1 + i) for i, part in enumerate(parts)}
        # Kept across articles, which share most of their tokens; the owner bounds its size.
        self.memo = _Codes(self.codes)

    def key(self, term: str) -> str:
        """The string a term of :func:`style_terms` is counted under ("a b" -> two characters)."""
        return "".join(self.codes[part] for part in term.split(" "))

    def counts(self, text: str) -> Iterator[tuple[str, int]]:
        """Each term's key with its count: unigrams, bigrams, then trigrams, each in order of first sight."""
        s = "".join(map(self.memo.__getitem__, TOKEN.findall(text[:MAX_CHARS])))
        pairs = list(map(add, s, s[1:]))
        return chain(Counter(s).items(), Counter(pairs).items(), Counter(map(add, pairs, s[2:])).items())
