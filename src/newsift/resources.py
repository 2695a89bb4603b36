"""What the stages of one :class:`~newsift.pipeline.Analyzer` load and share.

Two stages can need the same data file (the reputation table serves the signals stage's source
lookup and the entities stage's list of site names).  Each Analyzer owns one ``Resources``, so the
file is read once per Analyzer; nothing is cached at module level, so worker processes and tests
each get their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")


class Resources:
    """A memo of loaded resources, keyed by name: the first stage that asks loads it."""

    def __init__(self) -> None:
        self._loaded: dict[str, object] = {}
        # A load that failed is not retried for the next stage: that stage gets the same error
        # (and the same reason in its warning) without reading the file again.
        self._failed: dict[str, BaseException] = {}

    def get(self, key: str, load: Callable[[], T]) -> T:
        if key in self._failed:
            raise self._failed[key]
        if key not in self._loaded:
            try:
                self._loaded[key] = load()
            except Exception as exc:
                self._failed[key] = exc
                raise
        return cast(T, self._loaded[key])

    def __contains__(self, key: object) -> bool:
        return key in self._loaded
