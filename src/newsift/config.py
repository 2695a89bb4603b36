"""Configuration: defaults -> user file (TOML) -> environment -> explicit overrides.

Validated once, when an :class:`~newsift.pipeline.Analyzer` is built, so a bad
setting fails before any article is read.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_STAGES: tuple[str, ...] = ("clean", "entities", "quotes", "claims", "signals", "score")
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "csv")
ENV_PREFIX = "NEWSIFT_"


@dataclass(frozen=True)
class Columns:
    """Field names of a JSONL or CSV corpus."""

    id: str = "id"
    title: str = "title"
    text: str = "text"
    url: str = "url"
    published: str = "published"


@dataclass(frozen=True)
class Config:
    stages: tuple[str, ...] = DEFAULT_STAGES
    disabled: tuple[str, ...] = ()
    # None means: the official en_core_web_sm when installed, else its renamed copy.
    spacy_model: str | None = None
    # A single article larger than this is refused rather than analysed: a
    # 50 MB "article" is a dump or a mistake, and would stall the batch.
    max_input_bytes: int = 10_000_000
    input_format: str = "auto"
    encoding: str | None = None
    columns: Columns = field(default_factory=Columns)
    # Learned site furniture: a line must recur in this share of a site's
    # articles, and the site must have this many articles, to count.
    site_min_docs: int = 5
    site_min_share: float = 0.5
    # The share of unreliable articles expected in what is scored, when the user knows it (a
    # platform's feed, a fact-checker's queue). None: the even mix every fit assumes, since no
    # one can know the rate of a collection in general; the evaluation's figures are for that.
    base_rate: float | None = None

    def validate(self) -> Config:
        if self.input_format not in INPUT_FORMATS:
            raise ConfigError(f"input_format {self.input_format!r} is not one of {', '.join(INPUT_FORMATS)}")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if not 0 < self.site_min_share <= 1:
            raise ConfigError("site_min_share must be in (0, 1]")
        if self.site_min_docs < 2:
            raise ConfigError("site_min_docs must be at least 2")
        if self.base_rate is not None and not 0 < self.base_rate < 1:
            raise ConfigError(
                f"base_rate must be a share between 0 and 1 (exclusive), such as 0.1, not {self.base_rate!r}"
            )
        if len(set(self.stages)) != len(self.stages):
            raise ConfigError(f"stages are listed twice: {self.stages}")
        return self

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        """Return a copy with ``overrides`` applied (``None`` values are skipped)."""
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if value is None:
                continue
            if key.startswith("columns."):
                col = key.split(".", 1)[1]
                if col not in {f.name for f in fields(Columns)}:
                    raise ConfigError(f"unknown column setting {key!r}")
                changes["columns"] = replace(changes.get("columns", self.columns), **{col: str(value)})
                continue
            if key == "columns" and isinstance(value, Mapping):
                try:
                    changes["columns"] = replace(self.columns, **{k: str(v) for k, v in value.items()})
                except TypeError as exc:
                    raise ConfigError(f"unknown column setting in {dict(value)}: {exc}") from None
                continue
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(sorted(known))}")
            changes[key] = _coerce(key, value, getattr(self, key))
        return replace(self, **changes).validate()

    @classmethod
    def load(
        cls,
        path: str | Path | None = None,
        *,
        env: Mapping[str, str] | None = None,
        overrides: Mapping[str, Any] | None = None,
    ) -> Config:
        config = cls()
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    data = tomllib.load(fh)
            except OSError as exc:
                raise ConfigError(f"config file {path}: {exc.strerror or exc}") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"config file {path}: invalid TOML: {exc}") from None
            config = config.with_overrides(data.get("newsift", data))
        env = os.environ if env is None else env
        # Only NEWSIFT_<SETTING> names are settings: other NEWSIFT_* variables
        # (a CI's scratch paths, a wrapper's flags) belong to someone else.
        known = {f.name for f in fields(cls)}
        from_env = {
            name: v
            for k, v in env.items()
            if k.startswith(ENV_PREFIX)
            and (name := k[len(ENV_PREFIX) :].lower().replace("__", ".")).split(".")[0] in known
        }
        if from_env:
            config = config.with_overrides(from_env)
        if overrides:
            config = config.with_overrides(overrides)
        return config.validate()


# Settings whose default is None and whose value is a number: a string from the environment or a
# TOML file's number must become one.
_OPTIONAL_FLOATS = frozenset({"base_rate"})


def _coerce(key: str, value: Any, current: Any) -> Any:
    """Turn strings from the environment or CLI into the type of the default."""
    try:
        if key in _OPTIONAL_FLOATS:
            return float(value)
        if isinstance(current, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
        if isinstance(current, bool):
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
        if isinstance(current, int):
            return int(value)
        if isinstance(current, float):
            return float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {key!r}: cannot use {value!r}") from None
    return value
