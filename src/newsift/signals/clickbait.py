"""Headline clickbait model: how much a headline reads like click bait.

A linear (logistic) model over case-folded word n-grams (optionally character
n-grams inside words) and a small table of headline patterns: second person, a
count at the start, "this/these/here" openers, question openers,
superlatives, intensifiers and curiosity-gap phrases.  It is trained by
:mod:`newsift.signals.train_clickbait` and stored as one JSON file of weights,
so loading runs no code from the file and scoring needs nothing beyond the
standard library.

Why the features look like this: the training set (Chakraborty et al. 2016)
takes its clickbait side from BuzzFeed-style sites, written in Title Case,
and most of its news side from Wikinews, written in sentence case with
commas, semicolons and curly quotes.  A model that sees case or punctuation
learns "Wikinews style" and then flags ordinary Title Case news titles.  So
every token is case-folded, and punctuation is not a feature at all (the
clickbait side has had its question marks stripped, so the data could only
teach the wrong sign for "?").  Exclamation marks, ellipses and ALL CAPS are
left to the style signals, which do not learn from this set.  Words inside
quotation marks (someone else's words, or a show's title) are left out of the
n-grams, and possessive "'s" is dropped: news titles quote people and use
possessives all the time, and neither is a way of baiting a click.

Offsets in the evidence are character offsets into the headline string as it
was passed in; the caller shifts them to wherever the headline sits in its
document.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InputError, ModelUnavailableError
from ..modelfile import read_model_json

FORMAT_NAME = "newsift.clickbait.linear"
FORMAT_VERSION = 1
MODEL_FILENAME = "model.json"

# Words are runs of letters/digits, joined across inner apostrophes so that
# "won't" and "here's" stay one token; hyphens and all other punctuation split.
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’‘ʼ][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_DIGITS_RE = re.compile(r"\d")

# Placeholders for numbers: the size of a count matters ("21 songs" versus
# "20,000 workers"), the exact value does not.
NUM_SMALL = "<n>"
NUM_YEAR = "<year>"
NUM_OTHER = "<num>"
START = "<s>"
END = "</s>"
_PLACEHOLDER_WORDS = {NUM_SMALL: "(a number)", NUM_YEAR: "(a year)", NUM_OTHER: "(a number)"}

_RETRAIN_HINT = (
    "reinstall newsift, or retrain with "
    "`python -m newsift.signals.train_clickbait --data ../shared/data --out src/newsift/models/clickbait/`"
)


def _lexicon(words: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words, so a table stays readable."""
    return frozenset(words.split())


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """Phrases written as "|"-separated word sequences."""
    return tuple(tuple(phrase.split()) for phrase in text.split("|"))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a headline: its normalised form and where it sits in the input.

    ``quoted`` marks words inside quotation marks: someone else's words (or a
    show's title), not the headline's own voice.  ``acronym`` marks words in
    capitals inside a headline that is not all capitals ("WHO", "US"), which
    headline patterns must not read as "who" or "us".
    """

    norm: str
    start: int
    end: int
    quoted: bool = False
    acronym: bool = False


# "it's" and friends are informal register; other "X's" are possessives, which are
# grammar rather than bait, so the possessive ending is dropped.
S_CONTRACTIONS = _lexicon(
    "it's that's what's here's there's let's who's he's she's where's how's why's when's everyone's "
    "nobody's everybody's someone's"
)

# A quotation: an opening mark at the start or after a space/colon/bracket, up to the
# first closing mark that ends a word.  Apostrophes inside words never end it.
_QUOTE_RE = re.compile(r"""(?:^|(?<=[\s:(\[—–-]))["“‘'](?=\S)(.+?)(?<=\S)["”’'](?=$|[\s,.;:!?)\]—–-])""")


def normalise_token(raw: str) -> str:
    """Case-fold a word, unify apostrophes, drop possessive 's and replace digits with placeholders."""
    text = unicodedata.normalize("NFKC", raw).translate(_APOSTROPHES).casefold()
    if text.endswith("'s") and len(text) > 2 and text not in S_CONTRACTIONS:
        text = text[:-2]
    if text.isdigit():
        if len(text) <= 2:
            return NUM_SMALL
        if len(text) == 4 and text[0] in "12":
            return NUM_YEAR
        return NUM_OTHER
    return _DIGITS_RE.sub("0", text)


def _is_caps(raw: str) -> bool:
    return len(raw) >= 2 and raw.isupper()


def tokenize(headline: str) -> list[Token]:
    """Split a headline into normalised word tokens with their character offsets."""
    matches = list(_TOKEN_RE.finditer(headline))
    if not matches:
        return []
    quoted = [(m.start(1), m.end(1)) for m in _QUOTE_RE.finditer(headline)] if _has_quote(headline) else []
    caps = [_is_caps(m.group()) for m in matches]
    # In an ALL CAPS headline capitals mark nothing; elsewhere a capitalised word is an acronym.
    wordy = [c for m, c in zip(matches, caps, strict=True) if len(m.group()) >= 2 and not m.group().isdigit()]
    shouting = sum(wordy) * 2 > len(wordy)
    tokens = []
    for m, cap in zip(matches, caps, strict=True):
        start, end = m.span()
        inside = any(a <= start and end <= b for a, b in quoted)
        tokens.append(Token(normalise_token(m.group()), start, end, inside, cap and not shouting))
    return tokens


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "\"“‘'")


# --- headline patterns: rules as data --------------------------------------------------------


SECOND_PERSON = _lexicon("you your you're youre yours yourself yourselves you'll you've you'd y'all")
FIRST_PERSON_SINGULAR = _lexicon("i i'm me my mine myself i've i'd i'll")
DEMONSTRATIVE_OPENERS = _lexicon("this these here here's heres")
QUESTION_OPENERS = _lexicon("what which who why how when where can could do does did is are should would will have has")
SUPERLATIVES = _lexicon(
    "best worst most least greatest biggest smallest ultimate ever cutest weirdest coolest hottest "
    "strangest sweetest saddest wildest smartest dumbest hardest oddest finest bravest richest"
)
# Words ending in "-iest" are superlatives (funniest, craziest) except these.
NOT_SUPERLATIVE_IEST = frozenset({"priest"})
INTENSIFIERS = _lexicon(
    "literally totally actually seriously absolutely completely definitely truly incredibly insanely "
    "ridiculously perfectly basically honestly amazing amazingly epic awesome adorable hilarious "
    "shocking unbelievable omg wtf lol"
)
# Phrases that promise a payoff behind the click (the "curiosity gap").
CURIOSITY_PHRASES = _phrases(
    "will make you|you won't believe|you wont believe|what happens next|what happened next|"
    "you need to|you have to|you should|you never knew|you didn't know|can't stop|blow your mind|"
    "here's why|here's what|here's how|this is why|this is what|this is how|the reason why|"
    "reasons why|before you die|faith in humanity|wait until|wait till|mind blowing|jaw dropping|"
    "find out|guess what"
)


def _words_in(lexicon: frozenset[str]) -> Callable[[Sequence[str]], tuple[int, ...]]:
    def match(tokens: Sequence[str]) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(tokens) if t in lexicon)

    return match


def _first_in(lexicon: frozenset[str]) -> Callable[[Sequence[str]], tuple[int, ...]]:
    def match(tokens: Sequence[str]) -> tuple[int, ...]:
        return (0,) if tokens and tokens[0] in lexicon else ()

    return match


def _superlatives(tokens: Sequence[str]) -> tuple[int, ...]:
    return tuple(
        i
        for i, t in enumerate(tokens)
        if t in SUPERLATIVES or (len(t) > 5 and t.endswith("iest") and t not in NOT_SUPERLATIVE_IEST)
    )


# Phrases by first word, so a headline is scanned once rather than once per phrase.
_PHRASES_BY_FIRST: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {w: tuple(p for p in CURIOSITY_PHRASES if p[0] == w) for w in {p[0] for p in CURIOSITY_PHRASES}}
)


def _curiosity_phrases(tokens: Sequence[str]) -> tuple[int, ...]:
    hits: set[int] = set()
    for i, token in enumerate(tokens):
        for phrase in _PHRASES_BY_FIRST.get(token, ()):
            n = len(phrase)
            if tuple(tokens[i : i + n]) == phrase:
                hits.update(range(i, i + n))
    return tuple(sorted(hits))


@dataclass(frozen=True, slots=True)
class HeadlinePattern:
    """A named headline pattern; ``match`` gives the token indices where it fires (empty: no match)."""

    name: str
    description: str
    match: Callable[[Sequence[str]], tuple[int, ...]]


PATTERNS: tuple[HeadlinePattern, ...] = (
    HeadlinePattern("second_person", "addresses the reader as 'you'", _words_in(SECOND_PERSON)),
    HeadlinePattern("first_person", "first person singular ('I', 'my')", _words_in(FIRST_PERSON_SINGULAR)),
    HeadlinePattern(
        "starts_with_number",
        "opens with a small count, as listicles do",
        lambda tokens: (0,) if tokens and tokens[0] == NUM_SMALL else (),
    ),
    HeadlinePattern("demonstrative_start", "opens with 'this', 'these' or 'here'", _first_in(DEMONSTRATIVE_OPENERS)),
    HeadlinePattern("question_start", "opens like a question ('why', 'how', 'can')", _first_in(QUESTION_OPENERS)),
    HeadlinePattern("superlative", "superlatives ('best', 'funniest', 'ever')", _superlatives),
    HeadlinePattern("intensifier", "intensifiers and hype words ('literally', 'epic')", _words_in(INTENSIFIERS)),
    HeadlinePattern(
        "curiosity_phrase", "curiosity-gap phrases ('will make you', 'what happens next')", _curiosity_phrases
    ),
)

PATTERN_BY_NAME: Mapping[str, HeadlinePattern] = MappingProxyType({p.name: p for p in PATTERNS})


# --- features --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which features the model uses; stored with the model so training and scoring agree."""

    word_ngram_max: int = 2
    char_ngram_min: int = 3
    char_ngram_max: int = 5  # 0 turns character n-grams off
    boundaries: bool = True  # mark the start and end so "<s> which" differs from "which"
    skip_quoted: bool = True  # n-grams leave out words in quotation marks
    patterns: bool = True
    l2_normalise: bool = True

    def __post_init__(self) -> None:
        sizes = (self.word_ngram_max, self.char_ngram_min, self.char_ngram_max)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in sizes):
            raise ValueError(f"n-gram sizes must be integers >= 0, got {sizes}")
        if self.word_ngram_max < 1 or (self.char_ngram_max and self.char_ngram_min > self.char_ngram_max):
            raise ValueError(f"inconsistent n-gram sizes {sizes}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FeatureConfig:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def features(tokens: Sequence[Token], config: FeatureConfig) -> dict[str, tuple[int, ...]]:
    """Every feature of a headline's tokens, mapped to the token indices behind it.

    Features are binary: a feature that occurs twice is listed once, with the
    positions of both occurrences.
    """
    found: dict[str, tuple[int, ...]] = {}

    def add(name: str, where: tuple[int, ...]) -> None:
        found[name] = found[name] + where if name in found else where

    # N-grams read the headline's own words; a headline that is all quotation keeps them all.
    keep = [i for i, t in enumerate(tokens) if not t.quoted] if config.skip_quoted else []
    if not keep:
        keep = list(range(len(tokens)))
    words = [tokens[i].norm for i in keep]
    for i, word in zip(keep, words, strict=True):
        add("w:" + word, (i,))
    if config.word_ngram_max >= 2:
        seq = [START, *words, END] if config.boundaries else words
        index = [-1, *keep, -1] if config.boundaries else keep
        for size in range(2, config.word_ngram_max + 1):
            for j in range(len(seq) - size + 1):
                add("b:" + " ".join(seq[j : j + size]), tuple(k for k in index[j : j + size] if k >= 0))
    if config.char_ngram_max:
        for i, word in zip(keep, words, strict=True):
            padded = f" {word} "
            for size in range(config.char_ngram_min, config.char_ngram_max + 1):
                for j in range(len(padded) - size + 1):
                    add("c:" + padded[j : j + size], (i,))
    if config.patterns:
        # Blanking a word keeps positions intact, so "starts with" still means the first word.
        visible = ["" if t.quoted or t.acronym else t.norm for t in tokens]
        for pattern in PATTERNS:
            where = pattern.match(visible)
            if where:
                add("p:" + pattern.name, where)
    return found


def feature_names(headline: str, config: FeatureConfig) -> list[str]:
    """The feature names of one headline: the analyzer the trainer hands to scikit-learn."""
    return list(features(tokenize(headline), config))


def describe_feature(name: str) -> str:
    """A plain-words label for a model feature: ``'p:second_person'`` -> "addresses the reader as 'you'"."""
    kind, _, body = name.partition(":")
    if kind == "p" and body in PATTERN_BY_NAME:
        return PATTERN_BY_NAME[body].description
    words = [_PLACEHOLDER_WORDS.get(w, w) for w in body.split(" ")]
    if kind == "w":
        return f"the word '{words[0]}'"
    if kind == "b":
        if words[0] == START:
            return f"opening with '{' '.join(words[1:])}'"
        if words[-1] == END:
            return f"ending with '{' '.join(words[:-1])}'"
        return f"the phrase '{' '.join(words)}'"
    if kind == "c":
        return f"the letters '{body.strip()}'"
    return name


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClickbaitEvidence:
    """A word of the headline and how much it pushed the headline towards clickbait.

    ``weight`` is the word's share of the log-odds (positive: towards
    clickbait); ``features`` names the model features behind it, strongest
    first.  ``start``/``end`` are offsets into the headline as passed in.
    """

    text: str
    start: int
    end: int
    weight: float
    features: tuple[str, ...] = field(default_factory=tuple)


def _sigmoid(z: float) -> float:
    # Split by sign so exp() never overflows on extreme scores.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _check_headline(value: object, index: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(
            f"headline[{index}]",
            f"expected a string or None, got {type(value).__name__}",
            hint="pass headlines as text; use None or '' where there is no headline",
        )
    return value


class ClickbaitModel:
    """Scores headlines for clickbait.  Load the shipped model with :meth:`load`.

    A headline with no words (empty, None, only punctuation) scores 0.0 and has
    no evidence: with nothing to read there is no bait; callers that need to
    tell "no headline" from "sober headline" check the headline themselves.
    """

    def __init__(
        self,
        weights: Mapping[str, float],
        intercept: float,
        config: FeatureConfig | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.config = config or FeatureConfig()
        self.weights_: dict[str, float] = dict(weights)
        self.intercept_ = float(intercept)
        self.metadata: dict[str, Any] = dict(metadata or {})

    # -- persistence ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> ClickbaitModel:
        """Load a model file (or a directory holding ``model.json``); None loads the shipped model."""
        data, source, _ = read_model_json("clickbait", MODEL_FILENAME, path, hint=_RETRAIN_HINT)
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> ClickbaitModel:
        """Build a model from its JSON form, checking the format and the pattern table."""
        if not isinstance(data, Mapping) or data.get("format") != FORMAT_NAME:
            raise ModelUnavailableError(f"{source} is not a newsift clickbait model", hint=_RETRAIN_HINT)
        if data.get("format_version") != FORMAT_VERSION:
            raise ModelUnavailableError(
                f"{source} has format version {data.get('format_version')!r}; "
                f"this newsift reads version {FORMAT_VERSION}",
                hint=_RETRAIN_HINT,
            )
        try:
            config = FeatureConfig.from_dict(data["features"])
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            intercept = float(data["intercept"])
            if not all(map(math.isfinite, [intercept, *weights.values()])):
                raise ValueError("a weight or the intercept is not a finite number")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelUnavailableError(f"{source} is incomplete or malformed: {exc!r}", hint=_RETRAIN_HINT) from exc
        # Pattern weights are only meaningful for the pattern table they were trained with.
        unknown = sorted(k[2:] for k in weights if k.startswith("p:") and k[2:] not in PATTERN_BY_NAME)
        if unknown:
            raise ModelUnavailableError(
                f"{source} has weights for headline patterns this newsift does not define: {unknown}",
                hint=_RETRAIN_HINT,
            )
        metadata = data.get("metadata")
        return cls(weights, intercept, config, metadata if isinstance(metadata, Mapping) else None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "features": asdict(self.config),
            "intercept": self.intercept_,
            "metadata": self.metadata,
            "weights": self.weights_,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model as JSON (to ``path``, or to ``path/model.json`` for a directory)."""
        file = Path(path)
        if file.is_dir() or not file.suffix:
            file = file / MODEL_FILENAME
        file.parent.mkdir(parents=True, exist_ok=True)
        # Rounded weights keep the file small; 1e-5 is far below what changes a probability.
        data = self.to_dict()
        data["weights"] = {k: round(v, 5) for k, v in sorted(self.weights_.items())}
        # One weight per line keeps a retrained model reviewable as a diff.
        text = json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":"))
        file.write_text(text + "\n", encoding="utf-8")
        return file

    # -- scoring -------------------------------------------------------------------------------

    def _contributions(self, tokens: Sequence[Token]) -> tuple[dict[str, tuple[int, ...]], dict[str, float]]:
        found = features(tokens, self.config)
        return found, self._known(found)

    def _known(self, found: Mapping[str, tuple[int, ...]]) -> dict[str, float]:
        """Each found feature the model weighs, with its (normalised) contribution."""
        weights = self.weights_
        known = {name: weights[name] for name in found if name in weights}
        if self.config.l2_normalise and known:
            scale = 1.0 / math.sqrt(len(known))
            known = {name: w * scale for name, w in known.items()}
        return known

    def _probability(self, found: Iterable[str]) -> float:
        # Sums the raw weights and normalises once, rather than go through _known: scoring
        # every related headline makes this the hot path.
        weights = self.weights_
        total = 0.0
        count = 0
        for name in found:
            w = weights.get(name)
            if w is not None:
                total += w
                count += 1
        if self.config.l2_normalise and count:
            total /= math.sqrt(count)
        return _sigmoid(self.intercept_ + total)

    def decision_function(self, headline: str | None) -> float | None:
        """Log-odds of clickbait for one headline; None when it has no words."""
        tokens = tokenize(_check_headline(headline, 0))
        if not tokens:
            return None
        _, known = self._contributions(tokens)
        return self.intercept_ + sum(known.values())

    def predict_one(self, headline: str | None) -> float:
        """Probability that one headline is clickbait (0.0 when it has no words)."""
        return self.predict_proba([headline])[0]

    def predict_proba(self, headlines: Iterable[str | None]) -> list[float]:
        """Probability of clickbait for each headline, in input order, each in [0, 1]."""
        if isinstance(headlines, str):
            raise InputError(
                "headlines",
                "got one string where a sequence of headlines was expected",
                hint="wrap it in a list, or call predict_one()",
            )
        out: list[float] = []
        for index, headline in enumerate(headlines):
            tokens = tokenize(_check_headline(headline, index))
            out.append(self._probability(features(tokens, self.config)) if tokens else 0.0)
        return out

    def read(self, headline: str | None, top_k: int = 5) -> tuple[float, list[ClickbaitEvidence]]:
        """:meth:`predict_one` and :meth:`explain` of one headline, from one pass over its features."""
        text = _check_headline(headline, 0)
        tokens = tokenize(text)
        if not tokens:
            return 0.0, []
        found = features(tokens, self.config)
        return self._probability(found), self._evidence(text, tokens, found, top_k, 0.0)

    def explain(self, headline: str | None, top_k: int = 5, *, min_weight: float = 0.0) -> list[ClickbaitEvidence]:
        """The words that pushed this headline towards clickbait, strongest first.

        Each feature's contribution is split evenly over the words behind it
        (a two-word phrase gives half to each), then summed per word.  Only
        words whose total exceeds ``min_weight`` are returned, at most ``top_k``.
        """
        text = _check_headline(headline, 0)
        tokens = tokenize(text)
        if not tokens:
            return []
        return self._evidence(text, tokens, features(tokens, self.config), top_k, min_weight)

    def _evidence(
        self,
        text: str,
        tokens: Sequence[Token],
        found: Mapping[str, tuple[int, ...]],
        top_k: int,
        min_weight: float,
    ) -> list[ClickbaitEvidence]:
        known = self._known(found)
        per_word = [0.0] * len(tokens)
        per_word_features: list[dict[str, float]] = [{} for _ in tokens]
        for name, contribution in known.items():
            where = found[name]
            share = contribution / len(where)
            for i in where:
                per_word[i] += share
                per_word_features[i][name] = per_word_features[i].get(name, 0.0) + share
        evidence = []
        for i, tok in enumerate(tokens):
            if per_word[i] > min_weight:
                ranked = sorted(per_word_features[i].items(), key=lambda kv: kv[1], reverse=True)
                names = tuple(name for name, share in ranked if share > 0)[:5]
                evidence.append(ClickbaitEvidence(text[tok.start : tok.end], tok.start, tok.end, per_word[i], names))
        evidence.sort(key=lambda e: e.weight, reverse=True)
        return evidence[: max(top_k, 0)]

    def top_features(self, headline: str | None, top_k: int = 5) -> list[tuple[str, float]]:
        """The model features with the largest pull towards clickbait for this headline."""
        tokens = tokenize(_check_headline(headline, 0))
        if not tokens:
            return []
        _, known = self._contributions(tokens)
        ranked = sorted(known.items(), key=lambda kv: kv[1], reverse=True)
        return [(name, w) for name, w in ranked[: max(top_k, 0)] if w > 0]
