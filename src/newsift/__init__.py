"""newsift: tells a reader what a news article really is.

The Python API is the product; the CLI and other interfaces are thin layers::

    import newsift
    report = newsift.analyze("article.txt")
    analyzer = newsift.Analyzer()          # loads models once; reuse it
    for result in analyzer.analyze_many(["corpus.jsonl"]):
        ...
"""

from __future__ import annotations

from pathlib import Path

from .config import Config
from .errors import InputError, NewsiftError
from .pipeline import Analyzer, Failure, Result, StageRegistry
from .report import SCHEMA_VERSION, Article, Report

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Analyzer",
    "Article",
    "Config",
    "Failure",
    "InputError",
    "NewsiftError",
    "Report",
    "Result",
    "StageRegistry",
    "__version__",
    "analyze",
]


def analyze(source: str | Path | Article, config: Config | None = None) -> Report:
    """Analyse one article (text, path or :class:`Article`) and return its report.

    This builds a fresh :class:`Analyzer` on every call; to analyse many
    articles build one ``Analyzer`` and reuse it, so models load once.
    """
    return Analyzer(config).analyze(source)
