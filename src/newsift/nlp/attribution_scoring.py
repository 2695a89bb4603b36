"""How a predicted attribution is matched with an annotated one: one set of definitions.

``eval/attribution.py`` scores newsift on PolNeAR dev with them, and the attribution trainer
labels its held-out predictions with them when it fits the confidence map, so the confidence a
report gives means what the evaluation measures.

* tokens are the matches of ``\\w+|[^\\w\\s]`` in the text; a span's tokens are those that
  overlap it (a split quote's content is the union of its pieces);
* two contents match at "overlap" when their shared tokens are at least half of the longer
  one's; contents are paired one-to-one, best overlap first;
* a speaker is right when its mention overlaps the annotated Source, or when it is the entity
  that a mention overlapping the Source names, or when it reads as the Source's words.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..report import Quote

Frags = tuple[tuple[int, int], ...]
_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTE_OPENERS = "\"\u201c\u201e\u00ab'\u2018"


class Tokens:
    """The tokens of one text, to turn character spans into sets of token indexes."""

    def __init__(self, text: str) -> None:
        self.spans = [
            (m.start(), m.end(), m.group()[0].isalnum() or m.group()[0] == "_") for m in _TOKEN.finditer(text)
        ]
        self.starts = [s for s, _, _ in self.spans]

    def of(self, frags: Frags, words_only: bool = False) -> frozenset[int]:
        out: set[int] = set()
        for a, b in frags:
            i = max(bisect.bisect_right(self.starts, a) - 1, 0)
            while i < len(self.spans) and self.spans[i][0] < b:
                _, e, is_word = self.spans[i]
                if e > a and (is_word or not words_only):
                    out.add(i)
                i += 1
        return frozenset(out)


def is_direct(text: str, frags: Frags) -> bool:
    """A content that begins with a quotation mark."""
    if not frags:
        return False
    start = min(a for a, _ in frags)
    return text[start : start + 1] in _QUOTE_OPENERS and text[start : start + 1] != ""


def pair_spans(
    gold: Sequence[frozenset[int]],
    pred: Sequence[frozenset[int]],
    ok: Callable[[frozenset[int], frozenset[int]], float | None],
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, highest ``ok`` first; None never pairs."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not g or not p or not (g & p):
                continue
            s = ok(g, p)
            if s is not None:
                scored.append((s, gi, pi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def half_overlap(g: frozenset[int], p: frozenset[int]) -> float | None:
    """The shared share of the longer span, when it is at least half."""
    score = len(g & p) / max(len(g), len(p))
    return score if score >= 0.5 else None


def speaker_ok(
    text: str,
    entity_mentions: Sequence[tuple[str, int, int]],
    gold_source: Frags,
    pred_source: Frags,
    pred_speaker: str | None,
) -> bool:
    """Whether a predicted speaker is the annotated Source (``entity_mentions``: name, start, end)."""
    if pred_source and any(a < d and c < b for a, b in gold_source for c, d in pred_source):
        return True
    if pred_speaker is None:
        return False
    names = {name for name, s, e in entity_mentions if any(s < b and a < e for a, b in gold_source)}
    if pred_speaker in names:
        return True
    gold_text = " ".join(text[a:b] for a, b in gold_source).strip().lower()
    return bool(gold_text) and gold_text == pred_speaker.strip().lower()


def right_predictions(
    text: str,
    entity_mentions: Sequence[tuple[str, int, int]],
    gold: Sequence[tuple[Frags, Frags]],
    pred: Sequence[tuple[Frags, Frags, str | None]],
) -> list[bool]:
    """For each prediction (content, speaker mention, speaker), whether it is right: its content is
    paired at overlap with a gold (content, Source), and its speaker is right where the gold names a
    Source."""
    tokens = Tokens(text)
    pairs = pair_spans([tokens.of(g[0]) for g in gold], [tokens.of(p[0]) for p in pred], half_overlap)
    matched = {pi: gi for gi, pi in pairs}
    out = []
    for pi, (_, source, speaker) in enumerate(pred):
        gi = matched.get(pi)
        out.append(
            gi is not None and (not gold[gi][1] or speaker_ok(text, entity_mentions, gold[gi][1], source, speaker))
        )
    return out


def group_quotes(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """The report's quotes as PolNeAR annotates them: the pieces of a split quote, and the
    cue-less quotes that go on with it, form one attribution whose content has several pieces."""
    groups: dict[tuple[int, int] | int, list[Quote]] = defaultdict(list)
    last_key_of: dict[tuple[int, int], tuple[int, int] | int] = {}
    for i, q in enumerate(quotes):
        mention = (q.speaker_mention.start, q.speaker_mention.end) if q.speaker_mention else None
        key: tuple[int, int] | int = (q.cue.start, q.cue.end) if q.cue else i
        if q.cue is None and q.speaker is not None and mention in last_key_of:
            key = last_key_of[mention]
        elif mention is not None:
            last_key_of[mention] = key
        groups[key].append(q)
    return list(groups.values())


def group_prediction(group: Sequence[Quote]) -> tuple[Frags, Frags, str | None]:
    """One attribution of :func:`group_quotes` as it is scored: the content's pieces, the speaker's
    mention (read off the first piece, as its cue and speaker are) and the speaker."""
    first = group[0]
    mention = ((first.speaker_mention.start, first.speaker_mention.end),) if first.speaker_mention else ()
    return tuple((q.content.start, q.content.end) for q in group), mention, first.speaker
