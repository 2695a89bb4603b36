"""The Analyzer: stage registry, ordering, per-stage timing and failure isolation.

A stage is any object with ``name``, ``requires``, ``fills`` and
``__call__(report)``.  Stages are built by factories registered in a
:class:`StageRegistry`; built-in stages register exactly as a plug-in would
(entry-point group ``newsift.stages``).  A factory registered with ``shares=True`` is
also given the Analyzer's :class:`~newsift.resources.Resources` (``resources=``), so
data two stages need is read once.  A stage whose factory cannot build
(missing model, missing optional dependency) or that is disabled leaves its
fields empty and adds a warning to every report: it never crashes one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from .config import Config
from .errors import InputError, ModelUnavailableError, NewsiftError, UnreadableInputError
from .report import Article, Report
from .resources import Resources


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    fills: tuple[str, ...]

    def __call__(self, report: Report) -> None: ...


# A factory registered with ``shares=True`` is called as ``factory(config, resources=...)``.
StageFactory = Callable[..., Stage]


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, with the reason.  Never dropped silently."""

    source: str
    line: int | None
    error: str
    kind: str

    @classmethod
    def from_exception(cls, exc: BaseException, source: str, line: int | None = None) -> Failure:
        src = getattr(exc, "source", None) or source
        ln = getattr(exc, "line", None) if getattr(exc, "line", None) is not None else line
        return cls(source=src, line=ln, error=str(exc), kind=type(exc).__name__)

    def __str__(self) -> str:
        return self.error

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "line": self.line, "error": self.error, "kind": self.kind}


Result = Report | Failure


class StageRegistry:
    """Name -> stage factory.  Instances, not module globals, so tests and
    worker processes each get their own."""

    def __init__(self) -> None:
        self._factories: dict[str, StageFactory] = {}
        self._shares: set[str] = set()

    def register(self, name: str, factory: StageFactory, *, replace: bool = False, shares: bool = False) -> None:
        """``factory(config)`` builds the stage; with ``shares``, ``factory(config, resources=...)``."""
        if name in self._factories and not replace:
            raise ValueError(f"stage {name!r} is already registered; pass replace=True to override")
        self._factories[name] = factory
        if shares:
            self._shares.add(name)
        else:
            self._shares.discard(name)

    def get(self, name: str) -> StageFactory | None:
        return self._factories.get(name)

    def build(self, name: str, config: Config, resources: Resources) -> Stage:
        """The stage ``name`` built for ``config`` (KeyError when nothing is registered under it)."""
        factory = self._factories[name]
        return factory(config, resources=resources) if name in self._shares else factory(config)

    def names(self) -> list[str]:
        return list(self._factories)

    @classmethod
    def default(cls, *, plugins: bool = True) -> StageRegistry:
        from .stages import register_builtin_stages

        registry = cls()
        register_builtin_stages(registry)
        if plugins:
            for ep in entry_points(group="newsift.stages"):
                registry.register(ep.name, ep.load(), replace=True)
        return registry


class Analyzer:
    """Analyses articles.  Build one, reuse it: models load once, here."""

    def __init__(self, config: Config | None = None, *, registry: StageRegistry | None = None) -> None:
        self.config = (config or Config()).validate()
        self.registry = registry or StageRegistry.default()
        self.stages: list[Stage] = []
        self.resources = Resources()
        # Why a stage is absent, added to every report so a missing field is never a mystery.
        self.absent: dict[str, str] = {}
        for name in self.config.stages:
            if name in self.config.disabled:
                self.absent[name] = f"stage {name!r} is disabled in the config"
                continue
            if self.registry.get(name) is None:
                self.absent[name] = f"stage {name!r} is not available in this version of newsift"
                continue
            try:
                self.stages.append(self.registry.build(name, self.config, self.resources))
            except (ModelUnavailableError, ImportError, OSError) as exc:
                self.absent[name] = f"stage {name!r} could not load: {exc}"
        self._check_order()

    def _check_order(self) -> None:
        filled = {"article"}
        kept: list[Stage] = []
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in filled]
            if missing:
                # A stage listed before this one that could not load explains the gap: this one
                # is left out with that reason, as a missing model leaves any stage out.  With no
                # such stage, the config lists the stages in the wrong order.
                order = list(self.config.stages)
                earlier = order[: order.index(stage.name)] if stage.name in order else order
                unloaded = [n for n in earlier if n in self.absent]
                if not unloaded:
                    raise NewsiftError(
                        f"stage {stage.name!r} needs {missing}, which no earlier stage fills",
                        hint="list the stages in dependency order in the config",
                    )
                names = ", ".join(repr(n) for n in unloaded)
                self.absent[stage.name] = (
                    f"stage {stage.name!r} is left out: it needs {missing}, "
                    f"and {names} is not running (see that warning)"
                )
                continue
            kept.append(stage)
            filled.update(stage.fills)
        self.stages = kept

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    # -- single articles -------------------------------------------------
    def analyze_article(self, article: Article, *, notes: Iterable[str] = ()) -> Report:
        """Run the stages on one article; ``notes`` are the reader's remarks (a
        repaired encoding, say), kept as warnings so no repair goes unseen."""
        report = Report(article=article)
        for message in notes:
            report.warn(message)
        for message in self.absent.values():
            report.warn(message)
        for stage in self.stages:
            t0 = time.perf_counter()
            try:
                stage(report)
            except Exception as exc:  # noqa: BLE001 - isolation is the point: one stage never sinks the report
                report.warn(f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}")
            report.timings[stage.name] = round((time.perf_counter() - t0) * 1000, 3)
        return report

    def analyze(self, source: str | Path | Article) -> Report:
        """Analyse one article given as text, a path, or an :class:`Article`.

        A ``str`` is taken as a path only when such a file exists and the
        string is a single line; otherwise it is the article text itself,
        except that one word naming a file newsift reads ("story.txt",
        "pages/a.html.gz") that does not exist is refused rather than analysed
        as a one-word article.  Raises :class:`~newsift.errors.InputError` for
        bad input, :class:`~newsift.errors.UnreadableInputError` for such a path.
        """
        if isinstance(source, Article):
            return self.analyze_article(source)
        from .ingest import Ingested, ingest_path, ingest_text
        from .ingest.paths import names_an_input_file

        if isinstance(source, str) and names_an_input_file(source) and not _looks_like_path(source):
            raise UnreadableInputError(
                source,
                "no such file",
                hint="check the path; to analyse the string itself, pass newsift.Article(id=..., text=...)",
            )
        if isinstance(source, Path) or _looks_like_path(source):
            results = list(ingest_path(Path(source), self.config))
            if len(results) != 1:
                raise InputError(str(source), f"holds {len(results)} articles; use analyze_many()")
            (item,) = results
        else:
            item = ingest_text(str(source), self.config)
        if not isinstance(item, Ingested):
            raise item
        return self.analyze_article(item.article, notes=item.notes)

    # -- many inputs -----------------------------------------------------
    def iter_articles(self, sources: Iterable[str | Path]) -> Iterator[Article | InputError | UnreadableInputError]:
        from .ingest import iter_sources

        return iter_sources(sources, self.config)

    def analyze_many(self, sources: Iterable[str | Path]) -> Iterator[Result]:
        """Yield one :class:`Report` or :class:`Failure` per article found, lazily."""
        from .ingest import Ingested, ingest_sources

        for item in ingest_sources(sources, self.config):
            if isinstance(item, Ingested):
                yield self.analyze_article(item.article, notes=item.notes)
            else:
                yield Failure.from_exception(item, getattr(item, "source", "?"))

    def learn_site_furniture(self, articles: Iterable[Article]) -> int:
        """Learn lines that recur across one site's articles; later reports treat them as furniture.

        Returns the number of learned lines.  Needs the ``clean`` stage.
        """
        for stage in self.stages:
            learn = getattr(stage, "learn_site_furniture", None)
            if learn is not None:
                return int(learn(articles))
        raise NewsiftError("no stage can learn site furniture", hint="enable the 'clean' stage")


def _looks_like_path(text: str) -> bool:
    if not text or "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).exists()
    except OSError:
        return False
