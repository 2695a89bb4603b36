"""textacy's ``direct_quotations``, the reference both ``attribution.py`` and ``speakers.py`` run."""

from __future__ import annotations

from typing import Any


def direct_quotations(parsed: Any) -> list[Any] | None:
    """textacy's direct quotations of a parsed text (speaker, cue, content triples), or None where
    textacy refuses the text: it raises on an odd number of quotation marks and finds nothing there."""
    import textacy.extract

    try:
        return list(textacy.extract.triples.direct_quotations(parsed))
    except ValueError:
        return None
