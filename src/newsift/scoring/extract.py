"""Signals for the training corpus, computed through the real pipeline and cached.

Every training article goes through the same stages a user's article does
(clean, entities, quotes, signals), so the features the model learns from are
the features it will see.  The spaCy parse costs about 0.1 s per article, so
signals are cached as JSON lines outside the repository (default
``/tmp/newsift-credibility-cache``), keyed by the article's content and
:data:`CACHE_VERSION`; bump that when a signal changes meaning or value.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..report import Signal
from .corpus import LabelledArticle

CACHE_VERSION = "signals-145"
DEFAULT_CACHE = Path("/tmp/newsift-credibility-cache")
EXTRACT_STAGES = ("clean", "entities", "quotes", "signals")


def cache_key(article: LabelledArticle) -> str:
    blob = json.dumps(
        [CACHE_VERSION, article.dataset, article.id, article.title, article.text, article.url, article.domain]
    )
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def signals_to_json(signals: dict[str, Signal]) -> dict[str, Any]:
    # Evidence is not needed to train; its count is kept so no feature loses information.
    return {name: {"value": s.value, "detail": s.detail, "evidence": len(s.evidence)} for name, s in signals.items()}


def signals_from_json(data: dict[str, Any]) -> dict[str, Signal]:
    return {name: Signal(v.get("value"), [], dict(v.get("detail") or {})) for name, v in data.items()}


def extract_signals(
    articles: Iterable[LabelledArticle],
    cache_dir: Path = DEFAULT_CACHE,
    *,
    progress: bool = True,
) -> dict[str, dict[str, Signal]]:
    """``article.key`` -> signals, from the cache where it has them, else from the pipeline."""
    from ..config import Config
    from ..pipeline import Analyzer
    from ..report import Article

    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_file = cache_dir / f"{CACHE_VERSION}.jsonl"
    cached: dict[str, dict[str, Any]] = {}
    if cache_file.exists():
        with cache_file.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by an interrupted run; it is recomputed
                cached[row["key"]] = row["signals"]
    wanted = list(articles)
    todo = [a for a in wanted if cache_key(a) not in cached]
    if todo:
        analyzer = Analyzer(Config(stages=EXTRACT_STAGES))
        with cache_file.open("a", encoding="utf-8") as out:
            for n, a in enumerate(todo, 1):
                article = Article(id=a.key, text=a.text, title=a.title, url=a.url, domain=a.domain)
                report = analyzer.analyze_article(article)
                data = signals_to_json(report.signals)
                cached[cache_key(a)] = data
                out.write(json.dumps({"key": cache_key(a), "signals": data}, default=_plain) + "\n")
                if progress and (n % 100 == 0 or n == len(todo)):
                    print(f"  signals: {n}/{len(todo)} articles parsed", file=sys.stderr, flush=True)
    return {a.key: signals_from_json(cached[cache_key(a)]) for a in wanted}


def _plain(value: object) -> object:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)  # type: ignore[call-overload]
    return str(value)
