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
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelUnavailableError
from .rules import FINDING_VERBS, PHRASE_CUES, SPEECH_VERBS, THOUGHT_VERBS, VAGUE_ADVERBS

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


def cue_candidate(tok: Token) -> bool:
    if tok.pos_ == "PUNCT":
        return tok.text in _CUE_PUNCT
    return tok.pos_ in CUE_POS and not tok.is_space


def cue_features(tok: Token, in_quote: bool, sent_quoted: bool) -> list[str]:
    """Features of ``tok`` as a possible cue head (``sent_quoted``: its sentence holds a quotation mark)."""
    lemma = tok.lemma_.lower()
    return static_cue_features(lemma, tok.pos_, tok.tag_, tok.dep_, tok.lower_) + context_cue_features(
        tok, lemma, in_quote, sent_quoted
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


def context_cue_features(tok: Token, lemma: str, in_quote: bool, sent_quoted: bool) -> list[str]:
    """The cue features that depend on the token's place: head, children, neighbours, quotes."""
    dep = tok.dep_
    pos = tok.pos_
    head = tok.head
    doc = tok.doc
    prev_t = doc[tok.i - 1] if tok.i > 0 else None
    next_t = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    children = list(tok.children)
    child_deps = sorted({c.dep_ for c in children})
    head_lemma = head.lemma_.lower()
    head_pos = head.pos_
    feats = [
        f"hl={head_lemma}",
        f"hp={head_pos}",
        f"dhp={dep}|{head_pos}",
        f"q={in_quote}",
        f"pq={pos}|{in_quote}",
        f"prev={prev_t.lower_ if prev_t is not None else '<s>'}",
        f"next={next_t.lower_ if next_t is not None else '</s>'}",
        f"nextp={next_t.pos_ if next_t is not None else '</s>'}",
        f"ln={lemma}|{next_t.lower_ if next_t is not None else '</s>'}",
    ]
    for d in child_deps:
        feats.append(f"c={d}")
        feats.append(f"pc={pos}|{d}")
        if d in {"ccomp", "xcomp", "dobj", "prep", "nsubj", "advcl"}:
            feats.append(f"lc={lemma}|{d}")
    feats.append(f"hld={head_lemma}|{dep}")
    feats.append(f"sq={sent_quoted}")
    feats.append(f"lsq={lemma}|{sent_quoted}")
    for child in children:
        if child.dep_ in {"nsubj", "nsubjpass", "poss"}:
            feats.append(f"subj={child.pos_}|{child.ent_type_ or '-'}")
            feats.append(f"ls={lemma}|{child.pos_}")
            feats.append(f"sl={child.lemma_.lower()}")
        elif child.dep_ in {"dobj", "attr", "acomp"}:
            feats.append(f"obj={lemma}|{child.lemma_.lower()}")
        elif child.dep_ == "prep":
            feats.append(f"prep={lemma}|{child.lower_}")
    return feats


@dataclass(frozen=True)
class Candidate:
    kind: str
    lo: int  # token range [lo, hi)
    hi: int


def _trimmed(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and _is_edge(doc[lo].text):
        lo += 1
    while hi > lo and (_is_edge(doc[hi - 1].text) or doc[hi - 1].text == "."):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _is_edge(text: str) -> bool:
    return text in _EDGE or text.isspace()


def content_candidates(tok: Token, sent_lo: int, sent_hi: int, breaks: Sequence[int] | None = None) -> list[Candidate]:
    """Every stretch of text the cue ``tok`` could report, from its parse (token ranges).

    ``breaks``: :func:`clause_breaks` of the sentence, when the caller scores several cues in it.
    """
    doc = tok.doc
    raw: list[tuple[str, int, int]] = []
    rights: list[Token] = []
    # "The issue was first reported by the Post", "Nothing about them seems credible":
    # the subject of a passive or raising cue is (part of) what is reported.
    raw.append(("self", tok.left_edge.i, tok.right_edge.i + 1))
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            raw.append(("ch:nsubjpass", child.left_edge.i, child.right_edge.i + 1))
        if child.dep_ in _NOT_CONTENT:
            continue
        raw.append((f"ch:{child.dep_}", child.left_edge.i, child.right_edge.i + 1))
        if child.i > tok.i:
            rights.append(child)
        if child.dep_ == "prep":
            for gc in child.children:
                if gc.dep_ in {"pobj", "pcomp"}:
                    raw.append((f"pobj:{child.lower_}", gc.left_edge.i, gc.right_edge.i + 1))
        elif child.dep_ in _HOLDERS and child.i > tok.i:
            # "made the case for Mrs. Clinton", "is a staunch opponent of the death
            # penalty": the cue phrase runs on through its object to a preposition.
            for prep in child.children:
                if prep.dep_ == "prep" and prep.i > child.i:
                    for gc in prep.children:
                        if gc.dep_ in {"pobj", "pcomp"}:
                            raw.append((f"opobj:{prep.lower_}", gc.left_edge.i, gc.right_edge.i + 1))
    if rights:
        raw.append(("right", rights[0].left_edge.i, rights[-1].right_edge.i + 1))
        if len(rights) > 1:
            raw.append(("right2", rights[1].left_edge.i, rights[-1].right_edge.i + 1))
    head = tok.head
    if head.i != tok.i and head.i < tok.i:
        # "Russia is ready, the minister said": the content is the clause the cue hangs from.
        raw.append((f"head:{tok.dep_}", head.left_edge.i, tok.left_edge.i))
        if tok.right_edge.i + 1 < head.right_edge.i:
            # "The plan, he said, would fail": the content runs on either side of
            # its cue, and the whole clause with the cue inside it is the one stretch
            # that covers both pieces.
            raw.append((f"self:around:{tok.dep_}", head.left_edge.i, head.right_edge.i + 1))
    raw.append(("sent-left", sent_lo, tok.left_edge.i))
    raw.append(("sent-right", tok.right_edge.i + 1, sent_hi))
    raw.append(("after", tok.i + 1, sent_hi))
    if breaks is None:
        breaks = clause_breaks(doc, sent_lo, sent_hi)
    # The parse often runs a clause on past a semicolon or dash that ends what was
    # reported, or past a modifier annotators leave out (", although ...",
    # "Wednesday on The Laura Ingraham Show"): offer each stretch cut there too.
    for kind, lo, hi in list(raw):
        right = lo > tok.i
        cut = _clause_cut(breaks, lo, hi, right)
        if cut is not None:
            raw.append((kind + "/cut", *cut))
        for dep, c_lo, c_hi in _modifier_cuts(doc, lo, hi, right):
            raw.append((f"{kind}/-{dep}", c_lo, c_hi))
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for kind, lo, hi in raw:
        span = _trimmed(doc, max(lo, sent_lo if kind.startswith("sent") else 0), hi)
        if span is None or span in seen or (span[0] <= tok.i < span[1] and not kind.startswith("self")):
            continue
        seen.add(span)
        out.append(Candidate(kind, span[0], span[1]))
        if len(out) >= _MAX_CANDIDATES:
            break
    return out


def clause_breaks(doc: Doc, sent_lo: int, sent_hi: int) -> list[int]:
    """Token indexes of the sentence's semicolons and dashes (where a reported clause may end)."""
    return [t.i for t in doc[sent_lo:sent_hi] if t.text in _BREAKS]


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


def stretch_root(doc: Doc, lo: int, hi: int) -> Token:
    """The highest token of ``[lo, hi)`` above its first one: walk up, never over the whole stretch.

    Stops after :data:`_MAX_CLIMB` steps, which no sentence of the training data reaches.
    """
    root = doc[lo]
    for _ in range(_MAX_CLIMB):
        up = root.head
        if not lo <= up.i < hi or up.i == root.i:
            break
        root = up
    return root


def _modifier_cuts(doc: Doc, lo: int, hi: int, right: bool) -> list[tuple[str, int, int]]:
    """``[lo, hi)`` without its trailing (right of the cue) or leading (left of
    it) modifiers of the stretch's root, one cut per modifier, nearest the cue first."""
    if hi - lo < 3:
        return []
    root = stretch_root(doc, lo, hi)
    out: list[tuple[str, int, int]] = []
    if right:
        for child in root.rights:
            if child.dep_ in _MODIFIERS and lo < child.left_edge.i < hi:
                out.append((child.dep_, lo, child.left_edge.i))
    else:
        for child in reversed(list(root.lefts)):
            if child.dep_ in _MODIFIERS and lo <= child.right_edge.i < hi - 1:
                out.append((child.dep_, child.right_edge.i + 1, hi))
    return out[:_MAX_CUTS]


def candidate_features(
    tok: Token,
    cand: Candidate,
    quote_prefix: Sequence[int],
    cue_prefix: Sequence[int] | None = None,
    *,
    sent_end: int,
) -> list[str]:
    """Features of ``cand`` as the content reported by cue ``tok`` (``quote_prefix``:
    running count of tokens inside quotation marks, see :func:`prefix_counts`;
    ``cue_prefix``: running count of the document's cue tokens; ``sent_end``: the end
    token of the cue's sentence, which a stretch never starts before: ``Token.sent``
    would walk the sentence again for every stretch)."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    first = doc[cand.lo]
    n = cand.hi - cand.lo
    head = stretch_root(doc, cand.lo, cand.hi)
    side = "R" if cand.lo > tok.i else "L"
    quoted = quote_prefix[cand.hi] - quote_prefix[cand.lo]
    gap = cand.lo - tok.i - 1 if side == "R" else tok.i - cand.hi
    after = doc[cand.hi] if cand.hi < len(doc) else None
    before = doc[cand.lo - 1] if cand.lo > 0 else None
    cut = cand.kind.rsplit("/", 1)[-1] if "/" in cand.kind else "none"
    base = cand.kind.split("/", 1)[0]
    last = doc[cand.hi - 1]
    nxt = doc[cand.hi + 1] if cand.hi + 1 < len(doc) else None
    a_word = after.lower_ if after is not None and (after.is_stop or after.is_punct) else None
    a_tag = a_word or (after.pos_ if after is not None else "</s>")
    feats = [
        f"a={after.lower_ if after is not None and (after.is_stop or after.is_punct) else 'w'}",
        f"ap={after.pos_ if after is not None else '</s>'}",
        f"b={before.lower_ if before is not None and (before.is_stop or before.is_punct) else 'w'}",
        f"cut={cut}",
        f"cutl={cut}|{lemma}",
        f"bcd={base}|{cut}|{tok.dep_}",
        f"ae={after is None or cand.hi >= sent_end or (after.is_punct and after.text in '.!?')}",
        f"ba={base}|{after.lower_ if after is not None and (after.is_stop or after.is_punct) else 'w'}",
        f"base={base}",
        f"bl={base}|{lemma}",
        f"cutn={cut}|{_bucket(n)}",
        "bias",
        f"k={cand.kind}",
        f"kl={cand.kind}|{lemma}",
        f"kp={cand.kind}|{tok.pos_}",
        f"kd={cand.kind}|{tok.dep_}",
        f"f={first.lower_ if first.is_stop or first.is_punct else first.pos_}",
        f"kf={cand.kind}|{first.lower_ if first.is_stop else first.pos_}",
        f"hp={head.pos_}",
        f"hd={head.dep_}",
        f"khp={cand.kind}|{head.pos_}",
        f"n={_bucket(n)}",
        f"kn={cand.kind}|{_bucket(n)}",
        f"g={_bucket(max(gap, 0))}",
        f"qf={min(4 * quoted // max(n, 1), 4)}",
        f"s={side}|{tok.pos_}",
        # Where the stretch stops: its last word, and what follows it, with the cut.
        f"l={last.lower_ if last.is_stop or last.is_punct else last.pos_}",
        f"ac={a_tag}|{cut}",
        f"ab={a_tag}|{base}",
        f"ls={lemma}|{side}",
    ]
    if after is not None:
        feats.append(f"a2={a_tag}|{nxt.pos_ if nxt is not None else '</s>'}")
    if cue_prefix is not None:
        # PolNeAR never nests attributions: a stretch that holds another cue
        # ("..., and rights groups warned that ...") runs past what this cue reports.
        others = cue_prefix[cand.hi] - cue_prefix[cand.lo] - int(cand.lo <= tok.i < cand.hi)
        oc = min(others, 2)
        feats += [f"oc={oc}", f"boc={base}|{oc}", f"coc={cut}|{oc}"]
        if after is not None:
            # A cue just past the end ("..., and rights groups warned"): the stretch
            # stops where the next attribution starts.
            near = cue_prefix[min(cand.hi + 4, len(doc))] - cue_prefix[cand.hi]
            feats.append(f"nc={min(near, 1)}|{a_tag}")
    return feats


def _dot(weights: dict[str, float], feats: Iterable[str]) -> float:
    return sum([weights[f] for f in feats if f in weights])


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

    def may_be_cue(self, tok: Token) -> bool:
        """Only lemmas seen as cues in training are scored: it skips most tokens at no cost on dev."""
        return cue_candidate(tok) and tok.lemma_.lower() in self.cue_lemmas

    def cue_probability(self, tok: Token, in_quote: bool, sent_quoted: bool) -> float:
        return _sigmoid(_dot(self.cue_weights, cue_features(tok, in_quote, sent_quoted)))

    def best_content(
        self,
        tok: Token,
        sent_lo: int,
        sent_hi: int,
        quote_prefix: Sequence[int],
        cue_prefix: Sequence[int] | None = None,
        breaks: Sequence[int] | None = None,
    ) -> tuple[Candidate | None, float]:
        best: Candidate | None = None
        best_score = -math.inf
        for cand in content_candidates(tok, sent_lo, sent_hi, breaks):
            s = _dot(self.span_weights, candidate_features(tok, cand, quote_prefix, cue_prefix, sent_end=sent_hi))
            if s > best_score:
                best, best_score = cand, s
        return best, (_sigmoid(best_score) if best is not None else 0.0)

    def predict(
        self,
        doc: Doc,
        quoted: Sequence[tuple[int, int]],
        sents: Sequence[tuple[int, ...]] | None = None,
    ) -> list[LearnedCue]:
        """The cues of ``doc`` (tokens inside ``quoted`` character ranges are speech, not cues).

        ``sents``: each sentence's first and end token (more fields may follow, as in
        ``SentIndex.bounds``) when the caller has them: walking ``doc.sents`` again
        builds a Span per sentence."""
        inside = token_in_quote(doc, quoted)
        prefix = prefix_counts(inside)
        out: list[LearnedCue] = []
        # Whole-document arrays pick the few tokens worth scoring without making a
        # Token object for every word: that alone cost as much as the scoring.
        candidates = self._candidate_indexes(doc)
        if not candidates:
            return out
        quote_orths = {doc.vocab.strings.add(q) for q in _QUOTE_TOKENS}
        orths = doc.to_array("ORTH").tolist()
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
            quoted_sent = any(o in quote_orths for o in orths[sent_start:sent_end])
            while k < len(candidates) and candidates[k] < sent_end:
                tok = doc[candidates[k]]
                k += 1
                if not cue_candidate(tok):
                    continue
                lemma = tok.lemma_.lower()
                key = (lemma, tok.pos_, tok.tag_, tok.dep_, tok.lower_)
                base = static_sums.get(key)
                if base is None:
                    base = static_sums[key] = _dot(self.cue_weights, static_cue_features(*key))
                p = _sigmoid(
                    base + _dot(self.cue_weights, context_cue_features(tok, lemma, inside[tok.i], quoted_sent))
                )
                if p >= self.threshold:
                    found.append((tok.i, p, sent_start, sent_end))
        marks = [False] * len(doc)
        for i, _, _, _ in found:
            marks[i] = True
        cue_prefix = prefix_counts(marks)
        # A sentence with many cues (a run-on page with no full stops) would otherwise
        # rescan itself for clause breaks once per cue.
        breaks: dict[int, list[int]] = {}
        for i, p, lo, hi in found:
            if lo not in breaks:
                breaks[lo] = clause_breaks(doc, lo, hi)
            cand, _ = self.best_content(doc[i], lo, hi, prefix, cue_prefix, breaks[lo])
            out.append(
                LearnedCue(i, p, None if cand is None else (cand.lo, cand.hi), "" if cand is None else cand.kind)
            )
        return out

    def _candidate_indexes(self, doc: Doc) -> list[int]:
        """Indexes of tokens whose part of speech and lemma allow a cue, in order."""
        if len(doc) == 0:
            return []
        strings = doc.vocab.strings
        pos_ids = {strings.add(p) for p in CUE_POS}
        lemmas = doc.to_array("LEMMA").tolist()
        allowed = {h for h in set(lemmas) if strings[h].lower() in self.cue_lemmas}
        poses = doc.to_array("POS").tolist()
        return [i for i, (h, p) in enumerate(zip(lemmas, poses, strict=True)) if h in allowed and p in pos_ids]

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
