"""The article metadata both renderers show, in one order."""

from __future__ import annotations

from ..report import Report


def metadata_rows(report: Report) -> list[tuple[str, str | None]]:
    art = report.article
    origin = art.origin.source + (f":{art.origin.line}" if art.origin.line is not None else "")
    return [
        ("id", art.id),
        ("source", f"{origin} ({art.origin.format})"),
        ("domain", art.domain),
        ("site", art.site),
        ("url", art.url),
        ("published", art.published),
        ("authors", ", ".join(art.authors) if art.authors else None),
        ("language", report.language),
    ]
