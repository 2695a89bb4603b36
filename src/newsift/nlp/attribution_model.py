"""The learned part of attribution: which words are cues, and which stretch of text each one reports.

Two linear models trained on PolNeAR train (``python -m newsift.nlp.train_attribution``),
shipped as plain JSON in ``newsift/models/attribution/attribution_model.json``:

1. the **cue model** scores every candidate token (verbs, nouns, a few
   prepositions and punctuation) as the head of an attribution cue, from its
   lemma, part of speech, dependency relation, children, neighbours and whether
   the rule tables already know it;
2. the **content model** ranks the stretches a cue can report, all read off the
   one dependency parse: each argument's subtree (a that-clause, an object, an
   infinitive, a prepositional object), everything right of the cue, the clause a
   trailing cue hangs from ("X is ready, officials said"), and the rest of the
   sentence on either side ("according to ...").  It sees the document's other
   cues, since an attribution's content never holds another attribution.

Scoring needs only the standard library: features are strings, weights a dict.
The rule cascade in :mod:`newsift.nlp.quotes` consumes the result as cues, so
direct quotes, mixed quotes and speakers keep one code path.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelUnavailableError
from .confidence import ConfidenceMap
from .rules import FINDING_VERBS, PHRASE_CUES, SPEECH_VERBS, THOUGHT_VERBS, TO_NAMES_HEARER, VAGUE_ADVERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FORMAT = "newsift-attribution-model"
FORMAT_VERSION = 1
MODEL_FILE = "attribution_model.json"

# Parts of speech a cue head can have in PolNeAR ("said", "threat", "according",
# "in the words of", a colon or dash introducing a quote).
CUE_POS: frozenset[str] = frozenset({"VERB", "AUX", "NOUN", "ADP", "ADJ", "PUNCT"})
_CUE_PUNCT = frozenset({":", "\u2014", "\u2015", "--", "\u2013"})
# Dependents that never hold what a cue reports.
_NOT_CONTENT = frozenset(
    {"punct", "aux", "auxpass", "neg", "nsubj", "nsubjpass", "det", "cc", "mark", "prt", "poss", "case", "expl"}
)
_EDGE = frozenset(",;:-\u2014\u2013\u2015")
_QUOTE_TOKENS = frozenset({'"', "\u201c", "\u201d", "''", "``", "'"})
_BREAKS = frozenset({";", "\u2014", "--", "\u2013"})
_MODIFIERS = frozenset(
    {"advcl", "prep", "npadvmod", "advmod", "conj", "cc", "relcl", "acl", "punct", "parataxis", "intj", "dep"}
)
_MAX_CUTS = 4
# Objects and complements a cue phrase can run on through ("the case for", "opponent of").
_HOLDERS = frozenset({"dobj", "attr", "acomp", "oprd"})
_MAX_CANDIDATES = 48


def _bucket(n: int) -> str:
    return str(min(int(math.log2(n + 1)), 7))


class TokenTable:
    """One Doc's token attributes as plain lists, read once per document.

    Every ``Token`` access (``doc[i]``, ``.head``, ``.children``, ``.lower_``) builds a new object
    or looks a string up again, and the cue and content features read several thousand of them
    per article: that cost about as much as the scoring itself.  The features read this table
    instead; training and prediction share it, so they cannot drift apart."""

    __slots__ = (
        "_edges",
        "children",
        "dep",
        "doc",
        "ent",
        "head",
        "lemma",
        "lower",
        "n",
        "pos",
        "punct",
        "stop",
        "tag",
    )

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, IS_STOP, LEMMA, LOWER, POS, TAG

        self.doc = doc
        self.n = n = len(doc)
        cols: list[list[int]] = (
            doc.to_array([LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, IS_STOP, IS_PUNCT]).T.tolist()
            if n
            else [[] for _ in range(8)]
        )
        strings = doc.vocab.strings
        # An article repeats its words: each distinct string is looked up once.  The lower-case
        # form serves every test of a word against punctuation too, which has no case.
        found = {h: strings[h] for h in set().union(*cols[:6])}
        lemmas = {h: found[h].lower() for h in set(cols[1])}
        self.lower, self.pos, self.tag, self.dep, self.ent = (
            list(map(found.__getitem__, col)) for col in (cols[0], *cols[2:6])
        )
        self.lemma: list[str] = list(map(lemmas.__getitem__, cols[1]))
        self.stop, self.punct = (list(map(bool, col)) for col in cols[6:])
        # HEAD comes back as an unsigned offset from the token; as signed it is exact.
        offsets = doc.to_array([HEAD]).astype("int64").tolist() if n else []
        self.head: list[int] = [i + off for i, off in enumerate(offsets)]
        # In index order, as Token.children yields them.
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self._edges: dict[int, tuple[int, int]] = {}

    def edges(self, i: int) -> tuple[int, int]:
        """The first and last token of ``i``'s subtree (spaCy's ``left_edge`` and ``right_edge``)."""
        found = self._edges.get(i)
        if found is None:
            tok = self.doc[i]
            found = self._edges[i] = (tok.left_edge.i, tok.right_edge.i)
        return found

    def is_cue_candidate(self, i: int) -> bool:
        return _cue_shape(self.pos[i], self.lower[i], self.lower[i].isspace())


def _cue_shape(pos: str, text: str, is_space: bool) -> bool:
    if pos == "PUNCT":
        return text in _CUE_PUNCT
    return pos in CUE_POS and not is_space


def cue_candidate(tok: Token) -> bool:
    return _cue_shape(tok.pos_, tok.text, tok.is_space)


def cue_features(t: TokenTable, i: int, in_quote: bool, sent_quoted: bool) -> list[str]:
    """Features of token ``i`` as a possible cue head (``sent_quoted``: its sentence holds a quotation mark)."""
    return static_cue_features(t.lemma[i], t.pos[i], t.tag[i], t.dep[i], t.lower[i]) + context_cue_features(
        t, i, in_quote, sent_quoted
    )


def static_cue_features(lemma: str, pos: str, tag: str, dep: str, lower: str) -> list[str]:
    """The cue features a token's own word and labels fix (a scorer may cache their sum)."""
    feats = [
        "bias",
        f"l={lemma}",
        f"p={pos}",
        f"t={tag}",
        f"d={dep}",
        f"pd={pos}|{dep}",
        f"ld={lemma}|{dep}",
        f"lt={lemma}|{tag}",
    ]
    if lemma in SPEECH_VERBS:
        feats.append(f"rule=speech|{pos}")
    elif lemma in THOUGHT_VERBS:
        feats.append(f"rule=thought|{pos}")
    elif lemma in FINDING_VERBS:
        feats.append(f"rule=finding|{pos}")
    if lower in VAGUE_ADVERBS:
        feats.append("rule=vague")
    if any(phrase[0] == lower for phrase in PHRASE_CUES):
        feats.append("rule=phrase")
    return feats


def context_cue_features(t: TokenTable, i: int, in_quote: bool, sent_quoted: bool) -> list[str]:
    """The cue features that depend on the token's place: head, children, neighbours, quotes."""
    lemma = t.lemma[i]
    dep = t.dep[i]
    pos = t.pos[i]
    head = t.head[i]
    if i + 1 < t.n:
        next_lower, next_pos = t.lower[i + 1], t.pos[i + 1]
    else:
        next_lower = next_pos = "</s>"
    children = t.children[i]
    child_deps = sorted({t.dep[c] for c in children})
    head_lemma = t.lemma[head]
    head_pos = t.pos[head]
    feats = [
        f"hl={head_lemma}",
        f"hp={head_pos}",
        f"dhp={dep}|{head_pos}",
        f"q={in_quote}",
        f"pq={pos}|{in_quote}",
        f"prev={t.lower[i - 1] if i > 0 else '<s>'}",
        f"next={next_lower}",
        f"nextp={next_pos}",
        f"ln={lemma}|{next_lower}",
    ]
    for d in child_deps:
        feats.append(f"c={d}")
        feats.append(f"pc={pos}|{d}")
        if d in {"ccomp", "xcomp", "dobj", "prep", "nsubj", "advcl"}:
            feats.append(f"lc={lemma}|{d}")
    feats.append(f"hld={head_lemma}|{dep}")
    feats.append(f"sq={sent_quoted}")
    feats.append(f"lsq={lemma}|{sent_quoted}")
    for c in children:
        c_dep = t.dep[c]
        if c_dep in {"nsubj", "nsubjpass", "poss"}:
            feats.append(f"subj={t.pos[c]}|{t.ent[c] or '-'}")
            feats.append(f"ls={lemma}|{t.pos[c]}")
            feats.append(f"sl={t.lemma[c]}")
        elif c_dep in {"dobj", "attr", "acomp"}:
            feats.append(f"obj={lemma}|{t.lemma[c]}")
        elif c_dep == "prep":
            feats.append(f"prep={lemma}|{t.lower[c]}")
    return feats


@dataclass(frozen=True)
class Candidate:
    kind: str
    lo: int  # token range [lo, hi)
    hi: int


def _trimmed(t: TokenTable, lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and _is_edge(t.lower[lo]):
        lo += 1
    while hi > lo and (_is_edge(t.lower[hi - 1]) or t.lower[hi - 1] == "."):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _is_edge(text: str) -> bool:
    return text in _EDGE or text.isspace()


_FULL_STOPS = frozenset({".", "!", "?"})


def _line_of(t: TokenTable, i: int, newlines: Sequence[int]) -> tuple[int, int] | None:
    """The tokens of ``i``'s line inside its sentence, whose tokens that hold a line break are
    ``newlines`` (in order), when that line ends a sentence of its own and the parse ran on past
    it ("..., Mr. Ray said.\n\nAcme plans ..."): nothing after that break is what the cue reports.
    None otherwise: a line that ends on a colon ("Trump said:\n\n") introduces what follows it."""
    k = bisect_right(newlines, i)
    if k == len(newlines):
        return None
    end = newlines[k]
    last = end - 1
    while last > i and t.punct[last] and t.lower[last] not in _FULL_STOPS:
        last -= 1  # a closing quotation mark after the full stop
    if t.lower[last] not in _FULL_STOPS:
        return None
    return (newlines[k - 1] + 1 if k else 0), end  # the sentence's first line: from its first token


def content_candidates(
    t: TokenTable, i: int, sent_lo: int, sent_hi: int, breaks: Sequence[int] | None = None
) -> list[Candidate]:
    """Every stretch of text the cue at token ``i`` could report, from its parse (token ranges).

    ``breaks``: :func:`clause_breaks` of the sentence, when the caller scores several cues in it.
    """
    raw: list[tuple[str, int, int]] = []
    rights: list[int] = []
    hearers: list[tuple[int, int]] = []  # "confirmed *to ABC News*": who was told, never what
    left, right = t.edges(i)
    # "The issue was first reported by the Post", "Nothing about them seems credible":
    # the subject of a passive or raising cue is (part of) what is reported.
    raw.append(("self", left, right + 1))
    for child in t.children[i]:
        c_dep = t.dep[child]
        if c_dep == "nsubjpass":
            raw.append(("ch:nsubjpass", t.edges(child)[0], t.edges(child)[1] + 1))
        if c_dep == "prep" and _names_hearer(t, i, child):
            hearers.append(t.edges(child))
            continue
        if c_dep in _NOT_CONTENT or c_dep == "conj":
            # A predicate coordinated with the cue ("promised lower taxes, but he has also
            # attacked ...", "said ... and added ...") says something else, often under its own
            # cue: neither it nor the run of the cue's dependents through it is what the cue reports.
            continue
        c_left, c_right = t.edges(child)
        raw.append((f"ch:{c_dep}", c_left, c_right + 1))
        if child > i:
            rights.append(child)
        if c_dep == "prep":
            for gc in t.children[child]:
                if t.dep[gc] in {"pobj", "pcomp"}:
                    gc_left, gc_right = t.edges(gc)
                    raw.append((f"pobj:{t.lower[child]}", gc_left, gc_right + 1))
        elif c_dep in _HOLDERS and child > i:
            # "made the case for Mrs. Clinton", "is a staunch opponent of the death
            # penalty": the cue phrase runs on through its object to a preposition.
            for prep in t.children[child]:
                if t.dep[prep] == "prep" and prep > child:
                    for gc in t.children[prep]:
                        if t.dep[gc] in {"pobj", "pcomp"}:
                            gc_left, gc_right = t.edges(gc)
                            raw.append((f"opobj:{t.lower[prep]}", gc_left, gc_right + 1))
    if rights:
        raw.append(("right", t.edges(rights[0])[0], t.edges(rights[-1])[1] + 1))
        if len(rights) > 1:
            raw.append(("right2", t.edges(rights[1])[0], t.edges(rights[-1])[1] + 1))
    head = t.head[i]
    if head != i and head < i:
        head_left, head_right = t.edges(head)
        # "Russia is ready, the minister said": the content is the clause the cue hangs from.
        raw.append((f"head:{t.dep[i]}", head_left, left))
        if right + 1 < head_right:
            # "The plan, he said, would fail": the content runs on either side of
            # its cue, and the whole clause with the cue inside it is the one stretch
            # that covers both pieces.
            raw.append((f"self:around:{t.dep[i]}", head_left, head_right + 1))
    raw.append(("sent-left", sent_lo, left))
    raw.append(("sent-right", right + 1, sent_hi))
    raw.append(("after", i + 1, sent_hi))
    if breaks is None:
        breaks = clause_breaks(t, sent_lo, sent_hi)
    # The parse often runs a clause on past a semicolon or dash that ends what was
    # reported, or past a modifier annotators leave out (", although ...",
    # "Wednesday on The Laura Ingraham Show"): offer each stretch cut there too.
    for kind, lo, hi in list(raw):
        on_right = lo > i
        cut = _clause_cut(breaks, lo, hi, on_right)
        if cut is not None:
            raw.append((kind + "/cut", *cut))
        for dep, c_lo, c_hi in _modifier_cuts(t, lo, hi, on_right):
            raw.append((f"{kind}/-{dep}", c_lo, c_hi))
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for kind, lo, hi in raw:
        span = _trimmed(t, max(lo, sent_lo if kind.startswith("sent") else 0), hi)
        if span is None or span in seen or (span[0] <= i < span[1] and not kind.startswith("self")):
            continue
        if any(h_lo <= span[0] and span[1] <= h_hi + 1 for h_lo, h_hi in hearers):
            continue
        seen.add(span)
        out.append(Candidate(kind, span[0], span[1]))
        if len(out) >= _MAX_CANDIDATES:
            break
    return out


_HEARER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _names_hearer(t: TokenTable, i: int, prep: int) -> bool:
    """Whether ``prep`` is a "to" after cue ``i`` that names who was told ("confirmed *to ABC
    News*"): a name, a pronoun or a named body.  A clausal complement under it (a parse that hung
    "insisted to Priebus *that ...*" on the name) may still be what was said; a relative clause
    ("to Lee, who runs the fund") is the hearer's.  A common noun ("said to reporters") is left to
    the ranker: "said no *to the plan*" reports it."""
    if t.lower[prep] != "to" or prep < i or t.lemma[i] not in TO_NAMES_HEARER:
        return False
    objects = [c for c in t.children[prep] if t.dep[c] == "pobj"]
    if len(objects) != 1:
        return False
    obj = objects[0]
    lo, hi = t.edges(obj)
    if any(t.dep[k] == "ccomp" for k in range(lo, hi + 1)):
        return False
    return t.pos[obj] in ("PROPN", "PRON") or t.ent[obj] in _HEARER_ENTS


def clause_breaks(t: TokenTable, sent_lo: int, sent_hi: int) -> list[int]:
    """Token indexes of the sentence's semicolons and dashes (where a reported clause may end)."""
    return [j for j in range(sent_lo, sent_hi) if t.lower[j] in _BREAKS]


def _clause_cut(breaks: Sequence[int], lo: int, hi: int, right: bool) -> tuple[int, int] | None:
    """``[lo, hi)`` cut at a clause break (``breaks``: sorted token indexes): before
    the first one when the stretch lies right of the cue, after the last one when it lies left."""
    first = bisect_right(breaks, lo)
    last = bisect_left(breaks, hi - 1) - 1
    if first > last:
        return None
    return (lo, breaks[first]) if right else (breaks[last] + 1, hi)


# A news sentence's tree is a few dozen levels deep; a run-on page of "..., he said, ..."
# nests thousands, and walking them for every stretch of every cue is quadratic.
_MAX_CLIMB = 200


def stretch_root(t: TokenTable, lo: int, hi: int) -> int:
    """The highest token of ``[lo, hi)`` above its first one: walk up, never over the whole stretch.

    Stops after :data:`_MAX_CLIMB` steps, which no sentence of the training data reaches.
    """
    root = lo
    for _ in range(_MAX_CLIMB):
        up = t.head[root]
        if not lo <= up < hi or up == root:
            break
        root = up
    return root


def _modifier_cuts(t: TokenTable, lo: int, hi: int, right: bool) -> list[tuple[str, int, int]]:
    """``[lo, hi)`` without its trailing (right of the cue) or leading (left of
    it) modifiers of the stretch's root, one cut per modifier, nearest the cue first."""
    if hi - lo < 3:
        return []
    root = stretch_root(t, lo, hi)
    children = t.children[root]
    # Only the root's children on the one side are walked, and only until the cuts are found:
    # in a run-on page the root holds thousands of them.
    split = bisect_left(children, root)
    out: list[tuple[str, int, int]] = []
    if right:
        for child in children[split:]:
            if t.dep[child] in _MODIFIERS:
                c_left = t.edges(child)[0]
                if lo < c_left < hi:
                    out.append((t.dep[child], lo, c_left))
                    if len(out) == _MAX_CUTS:
                        break
    else:
        for child in reversed(children[:split]):
            if t.dep[child] in _MODIFIERS:
                c_right = t.edges(child)[1]
                if lo <= c_right < hi - 1:
                    out.append((t.dep[child], c_right + 1, hi))
                    if len(out) == _MAX_CUTS:
                        break
    return out


def candidate_features(
    t: TokenTable,
    i: int,
    cand: Candidate,
    quote_prefix: Sequence[int],
    cue_prefix: Sequence[int] | None = None,
    *,
    sent_end: int,
) -> list[str]:
    """Features of ``cand`` as the content reported by the cue at token ``i`` (``quote_prefix``:
    running count of tokens inside quotation marks, see :func:`prefix_counts`;
    ``cue_prefix``: running count of the document's cue tokens; ``sent_end``: the end
    token of the cue's sentence, which a stretch never starts before: ``Token.sent``
    would walk the sentence again for every stretch)."""
    n_doc = t.n
    lower, pos, stop, punct = t.lower, t.pos, t.stop, t.punct
    lemma = t.lemma[i]
    tok_pos, tok_dep = pos[i], t.dep[i]
    lo, hi = cand.lo, cand.hi
    n = hi - lo
    head = stretch_root(t, lo, hi)
    side = "R" if lo > i else "L"
    quoted = quote_prefix[hi] - quote_prefix[lo]
    gap = lo - i - 1 if side == "R" else i - hi
    has_after = hi < n_doc
    # The word after the stretch, before it, its first and its last: a stop word or
    # punctuation as itself, any other word as "w" or as its part of speech.
    a_word = lower[hi] if has_after and (stop[hi] or punct[hi]) else None
    a_tag = a_word or (pos[hi] if has_after else "</s>")
    b_word = lower[lo - 1] if lo > 0 and (stop[lo - 1] or punct[lo - 1]) else "w"
    after_w = a_word or "w"
    cut = cand.kind.rsplit("/", 1)[-1] if "/" in cand.kind else "none"
    base = cand.kind.split("/", 1)[0]
    last = hi - 1
    n_bucket = _bucket(n)
    feats = [
        f"a={after_w}",
        f"ap={pos[hi] if has_after else '</s>'}",
        f"b={b_word}",
        f"cut={cut}",
        f"cutl={cut}|{lemma}",
        f"bcd={base}|{cut}|{tok_dep}",
        f"ae={not has_after or hi >= sent_end or (punct[hi] and t.lower[hi] in '.!?')}",
        f"ba={base}|{after_w}",
        f"base={base}",
        f"bl={base}|{lemma}",
        f"cutn={cut}|{n_bucket}",
        "bias",
        f"k={cand.kind}",
        f"kl={cand.kind}|{lemma}",
        f"kp={cand.kind}|{tok_pos}",
        f"kd={cand.kind}|{tok_dep}",
        f"f={lower[lo] if stop[lo] or punct[lo] else pos[lo]}",
        f"kf={cand.kind}|{lower[lo] if stop[lo] else pos[lo]}",
        f"hp={pos[head]}",
        f"hd={t.dep[head]}",
        f"khp={cand.kind}|{pos[head]}",
        f"n={n_bucket}",
        f"kn={cand.kind}|{n_bucket}",
        f"g={_bucket(max(gap, 0))}",
        f"qf={min(4 * quoted // max(n, 1), 4)}",
        f"s={side}|{tok_pos}",
        # Where the stretch stops: its last word, and what follows it, with the cut.
        f"l={lower[last] if stop[last] or punct[last] else pos[last]}",
        f"ac={a_tag}|{cut}",
        f"ab={a_tag}|{base}",
        f"ls={lemma}|{side}",
    ]
    if has_after:
        feats.append(f"a2={a_tag}|{pos[hi + 1] if hi + 1 < n_doc else '</s>'}")
    if cue_prefix is not None:
        # PolNeAR never nests attributions: a stretch that holds another cue
        # ("..., and rights groups warned that ...") runs past what this cue reports.
        others = cue_prefix[hi] - cue_prefix[lo] - int(lo <= i < hi)
        oc = min(others, 2)
        feats += [f"oc={oc}", f"boc={base}|{oc}", f"coc={cut}|{oc}"]
        if has_after:
            # A cue just past the end ("..., and rights groups warned"): the stretch
            # stops where the next attribution starts.
            near = cue_prefix[min(hi + 4, n_doc)] - cue_prefix[hi]
            feats.append(f"nc={min(near, 1)}|{a_tag}")
    return feats


def _dot(weights: dict[str, float], feats: Iterable[str]) -> float:
    # An unknown feature adds 0.0, which leaves every sum exactly as skipping it would.
    return sum(map(weights.get, feats, repeat(0.0)))


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True)
class LearnedCue:
    token: int
    probability: float
    content: tuple[int, int] | None  # token range [lo, hi)
    content_kind: str


@dataclass(frozen=True)
class AttributionModel:
    """Weights of the two models and the cue threshold picked on held-out train articles."""

    cue_weights: dict[str, float]
    span_weights: dict[str, float]
    threshold: float
    meta: dict[str, object]
    cue_lemmas: frozenset[str]
    # Maps the rules' confidence to the chance an attribution is right; None: the rules' number as it is.
    confidence: ConfidenceMap | None = None

    def best_content(
        self,
        t: TokenTable,
        i: int,
        sent_lo: int,
        sent_hi: int,
        quote_prefix: Sequence[int],
        cue_prefix: Sequence[int] | None = None,
        breaks: Sequence[int] | None = None,
        line: tuple[int, int] | None = None,
    ) -> tuple[Candidate | None, float]:
        """The top-ranked stretch the cue at ``i`` reports, and its score as a probability.
        ``line``: the tokens of the cue's line, when the parse ran its sentence on past the line's
        full stop (``_line_of``); a stretch with no word on that line is no candidate, as what a
        cue reports stays on its line."""
        best: Candidate | None = None
        best_score = -math.inf
        for cand in content_candidates(t, i, sent_lo, sent_hi, breaks):
            if line is not None and not any(
                not t.punct[k] and not t.lower[k].isspace() for k in range(max(cand.lo, line[0]), min(cand.hi, line[1]))
            ):
                continue
            s = _dot(self.span_weights, candidate_features(t, i, cand, quote_prefix, cue_prefix, sent_end=sent_hi))
            if s > best_score:
                best, best_score = cand, s
        return best, (_sigmoid(best_score) if best is not None else 0.0)

    def predict(
        self,
        doc: Doc,
        quoted: Sequence[tuple[int, int]],
        sents: Sequence[tuple[int, ...]] | None = None,
        table: TokenTable | None = None,
    ) -> list[LearnedCue]:
        """The cues of ``doc`` (tokens inside ``quoted`` character ranges are speech, not cues).

        ``sents``: each sentence's first and end token (more fields may follow, as in
        ``SentIndex.bounds``) when the caller has them: walking ``doc.sents`` again
        builds a Span per sentence.  ``table``: the Doc's :class:`TokenTable`, when the
        caller has built it."""
        inside = token_in_quote(doc, quoted)
        prefix = prefix_counts(inside)
        out: list[LearnedCue] = []
        t = TokenTable(doc) if table is None else table
        lemmas, poses = self.cue_lemmas, t.pos
        candidates = [i for i, lemma in enumerate(t.lemma) if lemma in lemmas and poses[i] in CUE_POS]
        if not candidates:
            return out
        # One article repeats its words: the part of a cue score that depends only
        # on the word and its labels is summed once per article.
        static_sums: dict[tuple[str, str, str, str, str], float] = {}
        # Every cue first, then their contents: a content is ranked knowing which
        # other words of the document are cues.
        found: list[tuple[int, float, int, int]] = []  # token, probability, sentence start, end
        k = 0
        bounds = [(s.start, s.end) for s in doc.sents] if sents is None else sents
        for sent_start, sent_end, *_ in bounds:
            if k >= len(candidates):
                break
            if candidates[k] >= sent_end:
                continue
            quoted_sent = any(w in _QUOTE_TOKENS for w in t.lower[sent_start:sent_end])
            while k < len(candidates) and candidates[k] < sent_end:
                i = candidates[k]
                k += 1
                if not t.is_cue_candidate(i):
                    continue
                key = (t.lemma[i], t.pos[i], t.tag[i], t.dep[i], t.lower[i])
                base = static_sums.get(key)
                if base is None:
                    base = static_sums[key] = _dot(self.cue_weights, static_cue_features(*key))
                p = _sigmoid(base + _dot(self.cue_weights, context_cue_features(t, i, inside[i], quoted_sent)))
                if p >= self.threshold:
                    found.append((i, p, sent_start, sent_end))
        marks = [False] * len(doc)
        for i, _, _, _ in found:
            marks[i] = True
        cue_prefix = prefix_counts(marks)
        # A sentence with many cues (a run-on page with no full stops) would otherwise
        # rescan itself for clause breaks once per cue.
        breaks: dict[int, list[int]] = {}
        newlines: dict[int, list[int]] = {}
        for i, p, lo, hi in found:
            if lo not in breaks:
                breaks[lo] = clause_breaks(t, lo, hi)
                newlines[lo] = [k for k in range(lo, hi) if "\n" in t.lower[k]]
            line = _line_of(t, i, newlines[lo]) if newlines[lo] else None
            cand, _ = self.best_content(t, i, lo, hi, prefix, cue_prefix, breaks[lo], line)
            out.append(
                LearnedCue(i, p, None if cand is None else (cand.lo, cand.hi), "" if cand is None else cand.kind)
            )
        return out

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "threshold": self.threshold,
                "meta": self.meta,
                "cue_lemmas": sorted(self.cue_lemmas),
                "cue_weights": dict(sorted(self.cue_weights.items())),
                "span_weights": dict(sorted(self.span_weights.items())),
                **({"confidence": self.confidence.to_dict()} if self.confidence is not None else {}),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> AttributionModel:
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r} is not {FORMAT!r}")
            version = int(data["format_version"])
            if version != FORMAT_VERSION:
                raise ValueError(f"format_version {version}, this newsift reads {FORMAT_VERSION}")
            return cls(
                {str(k): float(v) for k, v in data["cue_weights"].items()},
                {str(k): float(v) for k, v in data["span_weights"].items()},
                float(data["threshold"]),
                dict(data.get("meta", {})),
                frozenset(str(x) for x in data["cue_lemmas"]),
                ConfidenceMap.from_dict(data["confidence"]) if "confidence" in data else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelUnavailableError(
                f"attribution model {source} is unreadable: {exc}",
                hint="rebuild it with python -m newsift.nlp.train_attribution --data PATH/TO/polnear",
            ) from None


def sent_has_quote(sent: Span) -> bool:
    return any(t.text in _QUOTE_TOKENS for t in sent)


def prefix_counts(flags: Sequence[bool]) -> list[int]:
    """``out[i]`` is how many of ``flags[:i]`` are true."""
    out = [0]
    for f in flags:
        out.append(out[-1] + int(f))
    return out


def token_in_quote(doc: Doc, quoted: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of the ``quoted`` character ranges."""
    spans = sorted(quoted)
    starts = [a for a, _ in spans]
    out: list[bool] = []
    for idx in doc.to_array("IDX").tolist():
        j = bisect_right(starts, idx) - 1
        out.append(j >= 0 and idx < spans[j][1])
    return out


def default_model_path() -> Path:
    return Path(str(resources.files("newsift") / "models" / "attribution" / MODEL_FILE))


def load_attribution_model(path: Path | None = None) -> AttributionModel | None:
    """The shipped model, or None when none is shipped (the rule tables then decide alone)."""
    target = path or default_model_path()
    if not target.is_file():
        return None
    return AttributionModel.from_json(target.read_text(encoding="utf-8"), str(target))
