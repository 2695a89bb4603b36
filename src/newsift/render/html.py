"""A standalone HTML page of reports: the original text with removed furniture struck through.

The page has inline CSS only, no script and no external resource, and a
Content-Security-Policy that forbids both, so it can be opened from disk or
served as is.  Every piece of article-derived text passes through
:func:`html.escape`; offsets come from ``report.furniture`` / ``report.headings``
and are clamped to ``article.text``, and overlapping spans are merged, so a bad
or nested span can never break the markup.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..report import Quote, Report, Score
from ..signals.sourcing import is_counted
from .meta import metadata_rows

# Same characters the text renderer neutralises; replaced one for one so that
# offsets into article.text stay valid while slicing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

CSS = """
:root { --fg: #1d1d1f; --muted: #6b6b70; --line: #e2e2e6; --del: #b3261e; --del-bg: #fdecea;
        --label: #7a4b00; --label-bg: #fff3d6; --head-bg: #e8f0fe; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; border-bottom: 1px solid var(--line); }
article { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.counts, .muted { color: var(--muted); font-size: .9rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, serif;
        background: #fafafa; padding: 1rem; border-radius: 6px; }
.furniture del { color: var(--del); background: var(--del-bg); text-decoration-thickness: 1px; }
.furniture .kind { font: 600 .7rem/1 system-ui, sans-serif; color: var(--label); background: var(--label-bg);
        border-radius: 3px; padding: .1rem .3rem; margin-right: .2rem; vertical-align: middle;
        white-space: nowrap; }
mark.heading { background: var(--head-bg); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .2rem .5rem; border-bottom: 1px solid var(--line); }
td.num { text-align: right; white-space: nowrap; }
ul { margin: .2rem 0; padding-left: 1.3rem; }
.warnings li { color: #8a4b00; }
.label-unreliable { color: #b3261e; font-weight: 700; }
.label-reliable { color: #1e7b34; font-weight: 700; }
.label-uncertain { color: #8a6d00; font-weight: 700; }
"""


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute; control characters become U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kinds: tuple[str, ...]  # empty for a heading


def furniture_marks(report: Report) -> list[_Mark]:
    """Furniture spans clamped to the text, sorted, and with overlaps merged.

    Two furniture pieces that overlap or nest become one struck-through mark
    labelled with every kind involved, so tags never interleave.
    """
    size = len(report.article.text)
    spans = sorted(
        (max(0, f.start), min(size, f.end), f.kind) for f in report.furniture if min(size, f.end) > max(0, f.start)
    )
    merged: list[_Mark] = []
    for start, end, kind in spans:
        if merged and start < merged[-1].end:
            last = merged[-1]
            kinds = last.kinds if kind in last.kinds else (*last.kinds, kind)
            merged[-1] = _Mark(last.start, max(last.end, end), kinds)
        else:
            merged.append(_Mark(start, end, (kind,)))
    return merged


def _heading_marks(report: Report, furniture: list[_Mark]) -> list[_Mark]:
    """Headings that neither overlap furniture nor each other (the furniture mark wins)."""
    size = len(report.article.text)
    taken = [(m.start, m.end) for m in furniture]
    out: list[_Mark] = []
    for h in sorted(report.headings, key=lambda h: (h.start, h.end)):
        start, end = max(0, h.start), min(size, h.end)
        if end <= start or any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(_Mark(start, end, ()))
    return out


def marked_text(report: Report) -> str:
    """``article.text`` as escaped HTML with furniture in ``<del>`` (labelled by kind) and headings marked."""
    text = report.article.text
    furniture = furniture_marks(report)
    marks = sorted(furniture + _heading_marks(report, furniture), key=lambda m: m.start)
    out: list[str] = []
    pos = 0
    for mark in marks:
        out.append(esc(text[pos : mark.start]))
        inner = esc(text[mark.start : mark.end])
        if mark.kinds:
            label = " + ".join(mark.kinds)
            out.append(
                f'<span class="furniture" data-kind="{esc(label)}" title="{esc(label)}: removed">'
                f'<span class="kind">{esc(label)}</span><del>{inner}</del></span>'
            )
        else:
            out.append(f'<mark class="heading">{inner}</mark>')
        pos = mark.end
    out.append(esc(text[pos:]))
    return "".join(out)


def _meta(report: Report) -> str:
    rows = metadata_rows(report)
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v)
    return f'<dl class="meta">{items}</dl>'


def _counts(report: Report) -> str:
    parts = [
        f"{len(report.article.text)} chars original",
        f"{len(report.clean_text)} clean",
        f"{len(report.furniture)} furniture",
        f"{len(report.headings)} headings",
        f"{len(report.sentences)} sentences",
        f"{len(report.entities)} entities",
        f"{len(report.quotes)} quotes",
        f"{len(report.claims)} claims",
    ]
    return f'<p class="counts">{" · ".join(parts)}</p>'


def _list(items: Iterable[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def _table(header: list[str], rows: Iterable[list[tuple[str, bool]]]) -> str:
    """Rows of (already escaped cell, is_number) pairs."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    num_td, td = '<td class="num">', "<td>"
    body = "".join(
        "<tr>" + "".join(f"{num_td if num else td}{cell}</td>" for cell, num in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _furniture_table(report: Report) -> str:
    pieces = sorted(report.furniture, key=lambda f: (f.start, f.end))
    return _table(
        ["kind", "span", "text", "rule"],
        (
            [(esc(f.kind), False), (f"{f.start}–{f.end}", True), (esc(f.text), False), (esc(f.rule), False)]
            for f in pieces
        ),
    )


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _score(score: Score) -> str:
    label = esc(score.label)
    parts = [f'<p><span class="label-{label}">{label}</span>']
    if score.unreliable_probability is not None:
        parts.append(f" · P(unreliable) = {score.unreliable_probability:.2f}")
    if score.without_domain is not None:
        parts.append(f' <span class="muted">(without domain prior: {score.without_domain:.2f})</span>')
    if score.model:
        parts.append(f'<br><span class="muted">by {esc(score.model)}</span>')
    parts.append("</p>")
    if score.reasons:
        parts.append(
            _table(
                ["contribution", "reason", "signal", "evidence"],
                (
                    [
                        (f"{r.contribution:+.2f}" if r.contribution else "note", True),
                        (esc(r.text), False),
                        (esc(r.signal), False),
                        ("; ".join(f"«{esc(s.text)}»" for s in r.evidence), False),
                    ]
                    for r in score.reasons
                ),
            )
        )
    return "".join(parts)


def _quote_row(q: Quote) -> list[tuple[str, bool]]:
    # An attribution the sourcing figures leave out stays in the table, muted, with the reason.
    counted = is_counted(q)
    kind = (
        f"{q.kind}, {q.speaker_kind}"
        + (", vague" if q.vague else "")
        + (f", to {q.addressee}" if q.addressee else "")
        + ("" if counted else ", not counted as sourcing")
    )
    return [
        (esc(q.speaker) if q.speaker else '<span class="muted">(no speaker)</span>', False),
        (esc(q.content.text) if counted else f'<span class="muted">{esc(q.content.text)}</span>', False),
        (esc(kind), False),
        (f"{q.confidence:.2f}", True),
    ]


def _later_sections(report: Report) -> Iterator[str]:
    if report.entities:
        yield "<h2>Entities</h2>" + _table(
            ["entity", "label", "mentions"],
            (
                [(esc(e.name), False), (esc(e.label), False), (str(len(e.mentions)), True)]
                for e in sorted(report.entities, key=lambda e: -len(e.mentions))
            ),
        )
    if report.quotes:
        yield "<h2>Quotes</h2>" + _table(["speaker", "quote", "kind", "confidence"], map(_quote_row, report.quotes))
    if report.claims:
        yield "<h2>Claims</h2>" + _table(
            ["score", "claim", "why"],
            (
                [(f"{c.score:.2f}", True), (esc(c.text), False), (esc("; ".join(c.reasons)), False)]
                for c in sorted(report.claims, key=lambda c: -c.score)
            ),
        )
    if report.signals:
        yield "<h2>Signals</h2>" + _table(
            ["signal", "value", "evidence"],
            (
                [
                    (esc(name), False),
                    (esc(_value(sig.value)), True),
                    ("; ".join(f"«{esc(s.text)}»" for s in sig.evidence), False),
                ]
                for name, sig in sorted(report.signals.items())
            ),
        )
    s = report.score
    if s.unreliable_probability is not None or s.reasons or s.without_domain is not None:
        yield "<h2>Score</h2>" + _score(s)


def article_html(report: Report) -> str:
    """One ``<article>`` element for one report."""
    title = report.article.title or report.article.id
    parts = [f"<article><h1>{esc(title)}</h1>", _meta(report), _counts(report)]
    if report.warnings:
        parts.append("<h2>Warnings</h2>" + _list(report.warnings, "warnings"))
    parts.append('<h2>Original text</h2><div class="text">' + marked_text(report) + "</div>")
    if report.furniture:
        parts.append("<h2>Removed furniture</h2>" + _furniture_table(report))
    if report.related_headlines:
        parts.append("<h2>Related headlines (teasers)</h2>" + _list(report.related_headlines))
    if report.headings:
        parts.append("<h2>Headings</h2>" + _list(h.text for h in report.headings))
    parts.extend(_later_sections(report))
    if report.timings:
        total = sum(report.timings.values())
        timing = " · ".join(f"{esc(k)} {v:.1f} ms" for k, v in report.timings.items())
        parts.append(f'<h2>Timings</h2><p class="muted">{timing} · total {total:.1f} ms</p>')
    parts.append("</article>\n")
    return "".join(parts)


def page_head(title: str = "newsift report") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style></head>\n<body>\n"
    )


PAGE_TAIL = "</body></html>\n"


def iter_html(reports: Iterable[Report], *, title: str = "newsift report") -> Iterator[str]:
    """The page in chunks, one article at a time, so a large batch is never held in memory."""
    yield page_head(title)
    empty = True
    for report in reports:
        empty = False
        yield article_html(report)
    if empty:
        yield '<p class="muted">No article was analysed.</p>\n'
    yield PAGE_TAIL


def report_to_html(reports: Report | Iterable[Report], *, title: str = "newsift report") -> str:
    """A standalone HTML page for one report or many."""
    items = [reports] if isinstance(reports, Report) else reports
    return "".join(iter_html(items, title=title))
