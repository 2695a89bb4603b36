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
from collections.abc import Iterator, MutableMapping
from itertools import chain, pairwise

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


def shapes(text: str, memo: MutableMapping[str, str] | None = None) -> list[str]:
    """The text's first :data:`MAX_CHARS` characters as tokens, every content word replaced by its shape.

    ``memo`` maps tokens already shaped to their shapes and is filled as it goes; a scorer
    keeps one across articles, which share most of their tokens.
    """
    tokens = TOKEN.findall(text[:MAX_CHARS])
    if memo is None:
        memo = {}
    known = memo.get
    out = []
    for token in tokens:
        shaped = known(token)
        if shaped is None:
            shaped = memo[token] = shape(token)
        out.append(shaped)
    return out


def style_terms(text: str) -> list[str]:
    """Every 1- to 3-gram of :func:`shapes`, space-joined (the terms the style model weighs)."""
    t = shapes(text)
    terms = list(t)
    terms += [f"{a} {b}" for a, b in pairwise(t)]
    terms += [f"{a} {b} {c}" for a, b, c in zip(t, t[1:], t[2:], strict=False)]
    return terms


StyleKey = str | tuple[str, ...]


def style_key(term: str) -> StyleKey:
    """The key :func:`style_counts` counts a term of :func:`style_terms` under: "a b" -> ("a", "b")."""
    parts = term.split(" ")
    return parts[0] if len(parts) == 1 else tuple(parts)


def style_counts(text: str, memo: MutableMapping[str, str] | None = None) -> Iterator[tuple[StyleKey, int]]:
    """The counts of :func:`style_terms`, in its order, each n-gram keyed by :func:`style_key`.

    Scoring reads every article, and joining each n-gram into a string cost more than the
    rest of the style model; tuples are counted without building one.
    """
    t = shapes(text, memo)
    return chain(Counter(t).items(), Counter(pairwise(t)).items(), Counter(zip(t, t[1:], t[2:], strict=False)).items())
