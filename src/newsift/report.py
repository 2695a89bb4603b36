"""The typed report that flows through every stage, and its JSON form.

This module depends on nothing else in newsift: every stage, interface and
store speaks these types.  All ``start``/``end`` offsets are character offsets
into ``Report.article.text`` (the original input as ingested), never into
``clean_text``; :class:`OffsetMap` converts between the two.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Origin:
    """Where an article came from, so a failure or a finding can be traced back."""

    source: str  # file path, "<stdin>" or "<string>"
    line: int | None = None  # 1-based line (JSONL) or record number (CSV)
    format: str = "text"  # text | html | jsonl | csv


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    domain: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    origin: Origin = field(default_factory=lambda: Origin("<string>"))
    site: str | None = None


@dataclass(frozen=True)
class Furniture:
    """A removed piece of page furniture, kept as evidence."""

    kind: str
    text: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Heading:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass
class Entity:
    name: str  # canonical name inside the document
    label: str  # PERSON | ORG | GPE | LOC | NORP | DATE ...
    mentions: list[Span] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote:
    """One attribution: what was said (``content``), the reporting ``cue``, and who said it.

    ``speaker`` is the canonical name of the entity that spoke, the names of the people a "they"
    stands for ("Anna Berg and Tom Holt"), or the source phrase itself where it names no one
    ("officials", "his father", "the report"); None where the text does not say who spoke, which is
    never guessed (the one asked or told is not who spoke: "Lee was asked whether ..." names no one
    unless it says by whom); ``addressee``: the one asked or told, where the text makes them its
    subject ("Lee" in "Lee was asked whether ..." and in "Lee was told by aides that ..."), else
    None.  ``speaker_mention``: where the text names the speaker; where ``speaker`` is None it can
    still hold the word the text points with ("you", "we", a "he" that is no one the text names),
    so that a reader sees why no one was named.  ``speaker_kind``: ``person`` or ``organisation``
    for named speakers; ``anonymous`` for people the text describes without naming them, and for
    sourcing that hides its source altogether ("it is reported", "reportedly"; no ``speaker``);
    ``unknown`` where the text gives no source, or the source is no person or body ("the report")
    or a name the entities stage could not type.  ``vague``: the sourcing names no one in
    particular ("experts say", "it is reported").
    ``kind``: ``direct`` for words quoted as said, in quotation marks or as a block quote whose marks
    the page lost (a paragraph after "... tweeted:"); ``indirect`` for reported speech; ``mixed`` for
    reported speech that quotes some of the words.  ``confidence``: the chance that the attribution is
    right (its content is one and its speaker is right), from the rules' number and a map fitted on
    held-out annotated news (:mod:`newsift.nlp.confidence`; its expected calibration error on
    PolNeAR dev: the attribution model card); the pieces of a split quote, and a quote that goes on
    after another with no cue of its own, carry the number of the attribution they belong to (an
    answer after its question, the number of a speaker that a tag names).
    """

    content: Span
    kind: str  # direct | indirect | mixed
    cue: Span | None = None
    speaker: str | None = None
    speaker_mention: Span | None = None
    speaker_kind: str = "unknown"  # person | organisation | anonymous | unknown
    confidence: float = 0.0
    vague: bool = False
    addressee: str | None = None


@dataclass
class Claim:
    text: str
    start: int
    end: int
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Signal:
    value: float | int | str | bool | None
    evidence: list[Span] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Reason:
    text: str
    signal: str
    contribution: float
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Score:
    unreliable_probability: float | None = None
    label: str = "uncertain"  # reliable | unreliable | uncertain
    reasons: list[Reason] = field(default_factory=list)
    without_domain: float | None = None
    # Which model gave the probability (``CredibilityModel.identity``); None when none was given.
    model: str | None = None


class OffsetMap:
    """Maps offsets in ``clean_text`` back to offsets in ``article.text``.

    ``clean_text`` is built from slices of the original text joined by
    synthetic separators; each slice is a segment ``(clean_start, orig_start,
    length)``. A one-character segment can also hold a character the clean
    stage read in place (a "?" an export wrote for a curly quotation mark).
    A clean offset that falls inside a synthetic separator maps to the end of
    the preceding segment, so spans never point into removed text.
    """

    __slots__ = ("_clean_starts", "segments")

    def __init__(self, segments: list[tuple[int, int, int]] | None = None) -> None:
        self.segments: list[tuple[int, int, int]] = list(segments or [])
        self._clean_starts = [s[0] for s in self.segments]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length)])

    def to_original(self, clean_offset: int, *, is_end: bool = False) -> int:
        if not self.segments:
            return clean_offset
        # An end offset belongs to the segment that holds the character before it.
        probe = clean_offset - 1 if is_end and clean_offset > 0 else clean_offset
        i = bisect.bisect_right(self._clean_starts, probe) - 1
        if i < 0:
            return self.segments[0][1]
        cstart, ostart, length = self.segments[i]
        delta = clean_offset - cstart
        if delta > length:
            return ostart + length
        return ostart + delta

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end, is_end=True)

    def to_list(self) -> list[list[int]]:
        return [list(s) for s in self.segments]


@dataclass
class Report:
    article: Article
    clean_text: str = ""
    furniture: list[Furniture] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    signals: dict[str, Signal] = field(default_factory=dict)
    score: Score = field(default_factory=Score)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    language: str | None = None
    clean_map: OffsetMap = field(default_factory=OffsetMap)
    schema_version: str = SCHEMA_VERSION
    # Runtime-only hand-offs between stages (the parsed spaCy Doc, for one),
    # never serialised: the JSON report stays plain data.
    context: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``clean_text`` to a span of ``article.text``."""
        return self.clean_map.span_to_original(start, end)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": self.schema_version}
        for f in fields(self):
            if f.name in ("schema_version", "context"):
                continue
            value = getattr(self, f.name)
            if isinstance(value, OffsetMap):
                out[f.name] = value.to_list()
            elif f.name == "signals":
                out[f.name] = {k: asdict(v) for k, v in value.items()}
            elif isinstance(value, list):
                out[f.name] = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
            elif hasattr(value, "__dataclass_fields__"):
                out[f.name] = asdict(value)
            else:
                out[f.name] = value
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"report has schema_version {version!r}; this newsift reads {SCHEMA_VERSION!r}")
        art = dict(data["article"])
        art["origin"] = Origin(**art.get("origin") or {"source": "<string>"})
        article = Article(**art)

        def spans(items: list[dict[str, Any]] | None) -> list[Span]:
            return [Span(**s) for s in items or []]

        def opt_span(item: dict[str, Any] | None) -> Span | None:
            return Span(**item) if item else None

        score = dict(data.get("score") or {})
        score["reasons"] = [Reason(**{**r, "evidence": spans(r.get("evidence"))}) for r in score.get("reasons", [])]
        return cls(
            article=article,
            clean_text=data.get("clean_text", ""),
            furniture=[Furniture(**f) for f in data.get("furniture", [])],
            related_headlines=list(data.get("related_headlines", [])),
            headings=[Heading(**h) for h in data.get("headings", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[Entity(**{**e, "mentions": spans(e.get("mentions"))}) for e in data.get("entities", [])],
            quotes=[
                Quote(
                    **{
                        **q,
                        "content": Span(**q["content"]),
                        "cue": opt_span(q.get("cue")),
                        "speaker_mention": opt_span(q.get("speaker_mention")),
                    }
                )
                for q in data.get("quotes", [])
            ],
            claims=[Claim(**c) for c in data.get("claims", [])],
            signals={
                k: Signal(**{**v, "evidence": spans(v.get("evidence"))}) for k, v in (data.get("signals") or {}).items()
            },
            score=Score(**score),
            warnings=list(data.get("warnings", [])),
            timings=dict(data.get("timings", {})),
            language=data.get("language"),
            clean_map=OffsetMap([tuple(s) for s in data.get("clean_map", [])]),
        )


def _span_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["text", "start", "end"],
        "properties": {
            "text": {"type": "string"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
        },
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Report.to_dict()``."""
    span = {"$ref": "#/$defs/span"}
    nullable_span = {"anyOf": [span, {"type": "null"}]}
    nullable_str = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://newsift.dev/schema/report-{SCHEMA_VERSION}.json",
        "title": "newsift report",
        "type": "object",
        "$defs": {"span": _span_schema()},
        "required": [
            "schema_version",
            "article",
            "clean_text",
            "furniture",
            "related_headlines",
            "sentences",
            "entities",
            "quotes",
            "claims",
            "signals",
            "score",
            "warnings",
            "timings",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "article": {
                "type": "object",
                "required": ["id", "text", "origin"],
                "properties": {
                    "id": {"type": "string"},
                    "text": {"type": "string"},
                    "title": nullable_str,
                    "url": nullable_str,
                    "domain": nullable_str,
                    "published": nullable_str,
                    "site": nullable_str,
                    "authors": {"type": "array", "items": {"type": "string"}},
                    "origin": {
                        "type": "object",
                        "required": ["source"],
                        "properties": {
                            "source": {"type": "string"},
                            "line": {"type": ["integer", "null"]},
                            "format": {"type": "string"},
                        },
                    },
                },
            },
            "clean_text": {"type": "string"},
            "furniture": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "text", "start", "end"],
                    "properties": {
                        "kind": {"type": "string"},
                        "text": {"type": "string"},
                        "start": {"type": "integer"},
                        "end": {"type": "integer"},
                        "rule": {"type": "string"},
                    },
                },
            },
            "related_headlines": {"type": "array", "items": {"type": "string"}},
            "headings": {"type": "array", "items": span},
            "sentences": {"type": "array", "items": span},
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "label", "mentions"],
                    "properties": {
                        "name": {"type": "string"},
                        "label": {"type": "string"},
                        "mentions": {"type": "array", "items": span},
                        "attributes": {"type": "object"},
                    },
                },
            },
            "quotes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["content", "kind", "speaker", "speaker_kind", "confidence"],
                    "properties": {
                        "content": span,
                        "cue": nullable_span,
                        "kind": {"enum": ["direct", "indirect", "mixed"]},
                        "speaker": nullable_str,
                        "speaker_mention": nullable_span,
                        "speaker_kind": {"enum": ["person", "organisation", "anonymous", "unknown"]},
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                        "vague": {"type": "boolean"},
                        "addressee": nullable_str,
                    },
                },
            },
            "claims": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["text", "start", "end"],
                    "properties": {
                        "text": {"type": "string"},
                        "start": {"type": "integer"},
                        "end": {"type": "integer"},
                        "score": {"type": "number"},
                        "reasons": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "signals": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "required": ["value", "evidence"],
                    "properties": {
                        "value": {"type": ["number", "string", "boolean", "null"]},
                        "evidence": {"type": "array", "items": span},
                        "detail": {"type": "object"},
                    },
                },
            },
            "score": {
                "type": "object",
                "required": ["unreliable_probability", "label", "reasons"],
                "properties": {
                    "unreliable_probability": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "without_domain": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "model": nullable_str,
                    "label": {"enum": ["reliable", "unreliable", "uncertain"]},
                    "reasons": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["text", "signal", "contribution", "evidence"],
                            "properties": {
                                "text": {"type": "string"},
                                "signal": {"type": "string"},
                                "contribution": {"type": "number"},
                                "evidence": {"type": "array", "items": span},
                            },
                        },
                    },
                },
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
            "timings": {"type": "object", "additionalProperties": {"type": "number"}},
            "language": nullable_str,
            "clean_map": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "integer"}, "minItems": 3, "maxItems": 3},
            },
        },
    }
