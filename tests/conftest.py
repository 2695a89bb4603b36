"""Helpers shared by the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_eval_script(name: str) -> ModuleType:
    """``eval/<name>.py`` as a module: the eval scripts are no package, and their definitions are tested."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", ROOT / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: dataclasses look their module up while the file executes.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def stages() -> Any:
    """The entities and quotes stages with the default spaCy model, once per test module."""
    pytest.importorskip("spacy")
    from newsift.config import Config
    from newsift.errors import ModelUnavailableError
    from newsift.nlp.stages import EntitiesStage, QuotesStage

    try:
        return EntitiesStage(Config()), QuotesStage(Config())
    except ModelUnavailableError as exc:
        pytest.skip(f"no spaCy model: {exc}")
