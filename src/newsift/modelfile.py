"""Reading a shipped (or user-supplied) JSON model file, with the errors every model reports alike."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ModelUnavailableError


def read_model_json(kind: str, filename: str, path: str | Path | None, *, hint: str) -> tuple[Any, str, str]:
    """The parsed JSON of a model, where it came from, and the sha256 of the file's bytes.

    ``path`` may be the file or a folder holding ``filename``; None reads the copy shipped in
    ``newsift/models/<kind>/``.  Any failure is a ``ModelUnavailableError`` naming the file, so the
    stage that wanted the model can be reported absent instead of crashing the pipeline.  The digest
    is the one ``sha256sum`` prints, so a saved report can be traced to the exact file that scored it.
    """
    if path is None:
        source = f"newsift/models/{kind}/{filename}"
        what = f"the shipped {kind} model {source}"
        try:
            raw = resources.files("newsift").joinpath("models", kind, filename).read_bytes()
        except OSError as exc:
            raise ModelUnavailableError(f"{what} could not be read: {exc}", hint=hint) from exc
    else:
        file = Path(path)
        if file.is_dir():
            file = file / filename
        source = str(file)
        what = f"{kind} model {source}"
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise ModelUnavailableError(f"{what} could not be read: {exc}", hint=hint) from exc
    try:
        return json.loads(raw.decode("utf-8")), source, hashlib.sha256(raw).hexdigest()
    except UnicodeDecodeError as exc:
        raise ModelUnavailableError(f"{what} is not UTF-8 text: {exc}", hint=hint) from exc
    except json.JSONDecodeError as exc:
        raise ModelUnavailableError(f"{what} is not valid JSON: {exc}", hint=hint) from exc
