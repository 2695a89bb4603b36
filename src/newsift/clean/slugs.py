"""Image-file slugs glued into flattened text.

Scrapers that flatten a page often append an image's file name to the
paragraph before it: ``... tackling global challengestrump-and-putin``.  The
slug (``trump-and-putin``) is furniture; the word it is glued to
(``challenges``) is body text and must stay.  Where the glue point cannot be
found with confidence the text is kept and the caller gets a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass

# The last token of a line, shaped like a file slug: lowercase words joined by
# hyphens, optionally with an image extension or a size suffix.  A prefix of
# letters may be glued on (that is the word the slug swallowed).
#
# Written so that no input makes it backtrack for long: as ``[A-Za-z'’]*[a-z0-9]+``, a line
# ending in a few hundred letters after a hyphen took a second (the time grew with the cube of
# the run).  The matches are the same: the head ends at its last capital or apostrophe, a run
# of lowercase letters and digits is never given back (a hyphen, a dot or the line's end must
# follow it), and a match never starts after a letter, since one starting a letter earlier
# would hold it.
_SLUG_TAIL = re.compile(
    r"(?<![A-Za-z'’])(?P<token>(?P<head>(?:[A-Za-z'’]*[A-Z'’])?[a-z0-9]++)"
    r"(?P<rest>(?:-[a-z0-9]++){2,}|(?:-[a-z0-9]++)+"
    r"(?:-\d{2,4}x\d{2,4}|\.(?:jpe?g|png|gif|webp)))(?:\.(?:jpe?g|png|gif|webp))?)\s*$"
)
# No image file is named with this many characters; a longer last token is something else
# (an address, an encoded blob), and reading it as a slug would only cost time.
MAX_SLUG_CHARS = 200
_WORD = re.compile(r"[A-Za-z]+")
_TERMINAL = (".", "!", "?", '"', "”", "'", "’", ")", ":", ";", ",", "…")


@dataclass(frozen=True)
class SlugFinding:
    start: int  # offset of the slug inside the line
    end: int
    glued: bool  # whether a body word was split off the slug's front
    certain: bool  # False: looks like a slug but the evidence is thin; keep the text


WordScore = Callable[[str], float]


def find_slug(line: str, is_word: WordScore, doc_words: Callable[[], Counter[str]]) -> SlugFinding | None:
    """Find an image slug at the end of ``line``.

    ``is_word`` scores a lowercase word (Zipf frequency or similar, 0 = unknown);
    ``doc_words`` lazily counts the lowercased words of the whole article, since
    slugs are usually built from words of the article's own title.  A word
    echoes the article only if it occurs outside the token being judged:
    otherwise every slug would vouch for itself.
    """
    if "-" not in line:
        return None
    # A slug holds no whitespace, so only the last token can hold one; searching
    # the whole line made this the cleaner's hottest call on long paragraphs.
    stripped = line.rstrip()
    offset = stripped.rfind(" ") + 1
    if len(stripped) - offset > MAX_SLUG_CHARS:
        return None
    m = _SLUG_TAIL.search(line, offset)
    if m is None:
        return None
    before = line[: m.start("token")]
    # A hyphenated phrase mid-prose ends with punctuation or is followed by
    # more text; a slug closes a paragraph with neither.  It also needs a real
    # paragraph in front of it.
    if len(before.split()) < 4:
        return None
    head, rest = m.group("head"), m.group("rest")
    slug_words = [w for w in re.split(r"[-.]", rest.lower()) if w and not w.isdigit()]
    counts = doc_words()
    own = Counter(w.lower() for w in _WORD.findall(m.group("token")))
    known = _Echo(counts, own)
    tail_in_doc = sum(1 for w in slug_words if w in known or len(w) <= 3)
    head_l = head.lower()
    glued_split = _split_glued(head_l, is_word, known)
    if glued_split is not None and before and not before[-1].isspace():
        # Token is glued to text before it without a space: too odd to judge.
        return SlugFinding(m.start("token"), m.end("token"), glued=False, certain=False)
    if glued_split is not None and glued_split > 0:
        start = m.start("token") + glued_split
        certain = head_l[glued_split:] in known and tail_in_doc >= len(slug_words) / 2
        return SlugFinding(start, m.end("token"), glued=True, certain=certain)
    if is_word(head_l) >= 2.5 or head_l in known:
        # A standalone hyphenated token: a slug only if its words echo the article.
        # Phrases like "day-by-day" or "state-of-the-art" echo the article too,
        # but a slug names at least two distinct things.
        head_echo = head_l in known
        content = {w for w in [head_l, *slug_words] if len(w) > 3}
        certain = head_echo and tail_in_doc == len(slug_words) and len(content) >= 2
        start = m.start("token")
        return SlugFinding(start, m.end("token"), glued=False, certain=certain)
    return SlugFinding(m.start("token"), m.end("token"), glued=False, certain=False)


def _split_glued(head: str, is_word: WordScore, known: Container[str]) -> int | None:
    """Where a body word ends and the slug's first word starts inside ``head``.

    Returns the split index (> 0), 0 when ``head`` is itself an ordinary word
    (nothing glued), or None when no split is convincing.
    """
    if len(head) < 5:
        return 0 if is_word(head) > 0 or head in known else None
    if is_word(head) >= 2.5:
        return 0
    best, best_score = None, 0.0
    for i in range(2, len(head) - 1):
        left, right = head[:i], head[i:]
        ls = is_word(left) + (1.0 if left in known else 0.0)
        rs = is_word(right) + (1.5 if right in known else 0.0)
        score = min(ls, rs)
        if score > best_score:
            best, best_score = i, score
    if best is not None and best_score >= 3.0:
        return best
    return 0 if is_word(head) > 0 or head in known else None


class _Echo:
    """Words of the article that occur outside the token being judged."""

    __slots__ = ("counts", "own")

    def __init__(self, counts: Counter[str], own: Counter[str]) -> None:
        self.counts, self.own = counts, own

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.counts.get(word, 0) > self.own.get(word, 0)


def document_words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def ends_open(line: str) -> bool:
    """True when a line ends without sentence punctuation (where slugs sit)."""
    stripped = line.rstrip()
    return bool(stripped) and not stripped.endswith(_TERMINAL)
