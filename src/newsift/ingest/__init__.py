"""Readers: text, HTML, JSONL, CSV/TSV, directories and stdin -> :class:`~newsift.report.Article`.

One module per format; :mod:`.decode` is the one decoder they all share.
Batch readers yield errors in place of articles, never raise them, so a
run goes on past a bad file or record.

The ``ingest_*`` variants yield :class:`Ingested` (an article plus the
reader's notes, such as a mojibake repair) for callers that turn those
notes into report warnings.
"""

from __future__ import annotations

from .base import Ingested, IngestedItem, IngestError, Item, domain_of, normalise_date, text_id
from .decode import Decoded, decode_bytes, repair_mojibake
from .html import TRAFILATURA_OPTIONS, extract_main_text, ingest_html
from .paths import ingest_path, ingest_sources, ingest_stdin, iter_sources, read_path, sniff_format
from .records import read_csv, read_jsonl
from .text import article_from_text, headline_of, ingest_text

__all__ = [
    "TRAFILATURA_OPTIONS",
    "Decoded",
    "IngestError",
    "Ingested",
    "IngestedItem",
    "Item",
    "article_from_text",
    "decode_bytes",
    "domain_of",
    "extract_main_text",
    "headline_of",
    "ingest_html",
    "ingest_path",
    "ingest_sources",
    "ingest_stdin",
    "ingest_text",
    "iter_sources",
    "normalise_date",
    "read_csv",
    "read_jsonl",
    "read_path",
    "repair_mojibake",
    "sniff_format",
    "text_id",
]
