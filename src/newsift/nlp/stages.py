"""The ``entities`` and ``quotes`` stages.

``entities`` parses ``clean_text`` with spaCy once and leaves the Doc in
``report.context["doc"]``; ``quotes`` and later stages reuse it, so no text is
parsed twice.  Every offset a stage writes is mapped back to
``report.article.text`` with ``report.to_original``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ModelUnavailableError
from ..report import Entity, Quote, Report, Sentence, Span
from ..resources import Resources
from ..signals.reputation import DomainReputation
from .attribution_model import load_attribution_model
from .confidence import calibrated
from .entities import EntityExtractor, EntityIndex, SentIndex
from .model import common_words, load_spacy_model
from .names import NameGenders, outlet_names
from .quotemarks import QuotedSpan, find_quoted_spans, single_marks_as_double
from .quotes import Attribution, QuoteExtractor

if TYPE_CHECKING:
    from ..config import Config

# Below this many letters language identification is a coin toss: assume English.
_MIN_LETTERS_FOR_LANGID = 60
_LANGID_MIN_PROB = 0.8
_LANGID_SAMPLE_CHARS = 3000
# Longer texts are cut (with a warning): parsing 500,000 characters takes 20 to 50 s here.
MAX_PARSE_CHARS = 500_000
# A parse's peak memory grows with its text: about 350 MB per 100,000 characters of news, and
# several times that for text of one-word lines.  Longer texts are parsed in pieces that end at a
# paragraph (or line, or space) and joined, so the peak stays that of one piece.
PARSE_PIECE_CHARS = 100_000
# spaCy's tokenizer strips the affixes of a run without whitespace one at a time and rescans
# the run for each: n quotation marks in a row cost O(n²) (20,000 of them took two minutes).
# Longer runs get a space every MAX_RUN characters, in place, so every offset still holds.
MAX_RUN = 300
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")

DOC_KEY = "doc"
QUOTED_KEY = "quoted_spans"
INDEX_KEY = "entity_index"


def unify_line_ends(text: str) -> str:
    r"""``text`` with its line ends made ``\n`` at the same length.

    Text that came in as a string or a record keeps the ``\r`` of old Mac and Windows exports
    (ingest's readers of files turn them into ``\n``), and every rule that stops at a line break
    reads ``\n``: names ran over "Chris Adler\r\rLamb". ``\r\n`` becomes " \n" and a lone
    ``\r`` "\n", so offsets into the result are offsets into the text.
    """
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


@dataclass(frozen=True)
class ParseView:
    """The text the entities stage parses for a text, and what was changed to make it.

    Everything that parses text for the stage's passes (the stage, the attribution trainer, the
    eval and bench scripts) builds it here, so that what is trained and measured is what runs.
    """

    text: str
    # The changes a reader should hear of (a cut, broken runs), worded as a report's warnings.
    notes: tuple[str, ...] = ()


def parse_view(text: str) -> ParseView:
    """The view of ``text`` that :class:`EntitiesStage` parses: line ends unified, cut to
    :data:`MAX_PARSE_CHARS`, long runs broken, single quoting pairs read as double.

    Offsets into the view are offsets into ``text`` (the cut only drops the tail).
    """
    text = unify_line_ends(text)
    notes: list[str] = []
    if len(text) > MAX_PARSE_CHARS:
        notes.append(f"stage 'entities': text of {len(text)} characters cut to {MAX_PARSE_CHARS} for parsing")
        text = text[:MAX_PARSE_CHARS]
    text, broken = break_long_runs(text)
    if broken:
        notes.append(
            # Not "stage 'entities'": that prefix marks a stage that failed or saw only part of the text.
            f"entities: {broken} run(s) of over {MAX_RUN} characters without whitespace were parsed "
            f"as pieces of {MAX_RUN}"
        )
    # Every pass after the parse reads double marks; a single pair that quotes becomes one.
    return ParseView(single_marks_as_double(text), tuple(notes))


def break_long_runs(text: str) -> tuple[str, int]:
    """``text`` with every MAX_RUN+1-th character of a long whitespace-free run made a space, and the run count.

    The length does not change, so offsets into the result are offsets into ``text``.
    """
    runs = 0

    def cut(match: re.Match[str]) -> str:
        nonlocal runs
        runs += 1
        chars = list(match.group())
        chars[MAX_RUN :: MAX_RUN + 1] = " " * len(chars[MAX_RUN :: MAX_RUN + 1])
        return "".join(chars)

    return _LONG_RUN.sub(cut, text), runs


def split_for_parsing(text: str, size: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters (joined, they are ``text``).

    Each piece but the last ends just after a paragraph break, else a line break, else a space,
    so no sentence is split, as far as the text allows; a piece without any whitespace is cut
    where it is full.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + size // 2, end)
            if cut >= 0:
                end = cut + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _span(report: Report, start: int, end: int) -> Span:
    o_start, o_end = report.to_original(start, end)
    return Span(report.article.text[o_start:o_end], o_start, o_end)


class EntitiesStage:
    """Parses the text once; fills sentences, entities (canonical names) and language."""

    name = "entities"
    requires: tuple[str, ...] = ("clean_text",)
    fills: tuple[str, ...] = ("sentences", "entities", "language")

    def __init__(self, config: Config, *, resources: Resources | None = None) -> None:
        self.nlp = load_spacy_model(config.spacy_model)
        self.nlp.max_length = max(self.nlp.max_length, MAX_PARSE_CHARS + 1)
        # The site names come from the signals stage's reputation table, shared through the
        # Analyzer's resources so the table is read once.
        sites = outlet_names(DomainReputation.shared(resources or Resources()).domains)
        self.extractor = EntityExtractor(NameGenders.load(), common_words(self.nlp), sites)
        self._langid: Any = _load_langid()

    def detect_language(self, text: str) -> str | None:
        sample = text[:_LANGID_SAMPLE_CHARS]
        if self._langid is None or sum(ch.isalpha() for ch in sample) < _MIN_LETTERS_FOR_LANGID:
            return None
        lang, prob = self._langid.classify(sample)
        return str(lang) if prob >= _LANGID_MIN_PROB else None

    def __call__(self, report: Report) -> None:
        text = unify_line_ends(report.clean_text or report.article.text)
        lang = self.detect_language(text)
        report.language = lang or "en"
        if lang is not None and lang != "en":
            report.warn(f"stage 'entities' skipped: the text is in {lang!r}, and the spaCy model reads English")
            return
        view = parse_view(text)
        for note in view.notes:
            report.warn(note)
        self.analyse_doc(report, self.parse(view.text), view.text)

    def parse(self, text: str) -> Any:
        """``nlp(text)``; a text over :data:`PARSE_PIECE_CHARS` in pieces, joined into one Doc of the same text."""
        pieces = split_for_parsing(text, PARSE_PIECE_CHARS)
        if len(pieces) == 1:
            return self.nlp(text)
        from spacy.tokens import Doc

        doc = Doc.from_docs(list(self.nlp.pipe(pieces, batch_size=1)), ensure_whitespace=True)
        if doc.text != text:  # never seen; offsets would be wrong, so pay for one parse instead
            return self.nlp(text)
        return doc

    def analyse_doc(self, report: Report, doc: Any, text: str | None = None) -> None:
        """Fill the report from an already parsed Doc (``nlp.pipe`` batches use this); ``text``:
        the text it was parsed from, which spares rebuilding it from the tokens. A batch parses
        what ``__call__`` would: :func:`parse_view`'s text."""
        sents = SentIndex(doc, text)
        quoted = find_quoted_spans(sents.text)
        index = self.extractor.extract(doc, [(q.start, q.end) for q in quoted], sents)
        report.context[DOC_KEY] = doc
        report.context[QUOTED_KEY] = quoted
        report.context[INDEX_KEY] = index
        report.sentences = []
        for _, _, start_char, end_char in sents.bounds:
            if sents.text[start_char:end_char].strip():
                span = _span(report, start_char, end_char)
                report.sentences.append(Sentence(span.text, span.start, span.end))
        report.entities = to_entities(report, index)


def to_entities(report: Report, index: EntityIndex) -> list[Entity]:
    out: list[Entity] = []
    by_entity: dict[int, list[Span]] = {}
    kinds: dict[tuple[int, str], int] = {}
    for m in index.mentions:
        by_entity.setdefault(m.entity, []).append(_span(report, m.start, m.end))
        kinds[m.entity, m.kind] = kinds.get((m.entity, m.kind), 0) + 1
    for idx, info in enumerate(index.entities):
        spans = by_entity.get(idx)
        if not spans:
            continue
        attributes: dict[str, Any] = {}
        if info.roles:
            attributes["role"] = info.roles[0]
            attributes["roles"] = list(info.roles)
        # How many mentions are no name: a reader can check what was taken to mean the person.
        for kind in ("pronoun", "role"):
            if kinds.get((idx, kind)):
                attributes[f"{kind}_mentions"] = kinds[idx, kind]
        out.append(Entity(info.name, info.label, spans, attributes))
    return out


class QuotesStage:
    """Fills quotes from the Doc the entities stage left in ``report.context``."""

    name = "quotes"
    requires: tuple[str, ...] = ("entities",)
    fills: tuple[str, ...] = ("quotes",)

    def __init__(self, config: Config) -> None:
        self.extractor = QuoteExtractor(model=load_attribution_model())

    def __call__(self, report: Report) -> None:
        doc = report.context.get(DOC_KEY)
        index = report.context.get(INDEX_KEY)
        quoted: list[QuotedSpan] | None = report.context.get(QUOTED_KEY)
        if doc is None or index is None or quoted is None:
            if report.language not in (None, "en"):
                return  # the entities stage has already said why
            report.warn("stage 'quotes' skipped: no parse from the 'entities' stage")
            return
        quotes = [to_quote(report, a) for a in self.extractor.extract(doc, index, quoted)]
        model = self.extractor.model
        if model is not None and model.confidence is not None:
            # The rules' number becomes the chance that the attribution is right.
            quotes = calibrated(quotes, model.confidence)
        report.quotes = quotes


def to_quote(report: Report, a: Attribution) -> Quote:
    sp = a.speaker
    return Quote(
        content=_span(report, *a.content),
        kind=a.kind,
        cue=_span(report, *a.cue) if a.cue else None,
        speaker=sp.name,
        speaker_mention=_span(report, *sp.mention) if sp.mention else None,
        speaker_kind=sp.kind,
        confidence=max(0.0, min(1.0, a.confidence)),
        vague=sp.vague,
        addressee=a.answers.name if a.answers is not None else None,
    )


def _load_langid() -> Any:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    try:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except (OSError, ValueError) as exc:  # a broken install: run without language detection
        raise ModelUnavailableError(f"py3langid's model could not load: {exc}", hint="reinstall py3langid") from None
