"""Renderers of reports: terminal text (rich) and a standalone HTML page.

Pure functions over :class:`~newsift.report.Report`, independent of the CLI,
so the HTTP API and the web UI render exactly what the CLI does.
"""

from __future__ import annotations

from .html import article_html, iter_html, marked_text, report_to_html
from .text import render_text, report_renderable

__all__ = [
    "article_html",
    "iter_html",
    "marked_text",
    "render_text",
    "report_renderable",
    "report_to_html",
]
