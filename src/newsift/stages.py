"""Registration of the built-in stages.

Each later stage family (entities, quotes, claims, signals, score) registers
here the same way a plug-in registers through the ``newsift.stages`` entry
point: a name and a factory that takes the :class:`~newsift.config.Config`.
The entities and signals stages both read the reputation table (site names and
source ratings), so they register with ``shares=True`` and take it from the
Analyzer's :class:`~newsift.resources.Resources`: one read per Analyzer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import StageRegistry


def register_builtin_stages(registry: StageRegistry) -> None:
    from .clean.stage import CleanStage
    from .nlp.stages import EntitiesStage, QuotesStage
    from .scoring.stage import ScoreStage
    from .signals.stage import SignalsStage

    registry.register("clean", CleanStage)
    registry.register("entities", EntitiesStage, shares=True)
    registry.register("quotes", QuotesStage)
    registry.register("signals", SignalsStage, shares=True)
    registry.register("score", ScoreStage)
