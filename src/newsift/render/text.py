"""Readable terminal rendering of reports with rich.

Article-derived text is untrusted: it reaches the console only inside
:class:`rich.text.Text` objects, which rich never parses as markup (use
:func:`rich.markup.escape` if you ever build a markup string from it), and
terminal control characters are made visible first so an article cannot move
the cursor or recolour the terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..report import Report, Score
from ..signals.sourcing import is_counted
from .meta import metadata_rows

# C0 controls except tab and newline, DEL and the C1 range: ESC sequences in a
# scraped page must not drive the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Long furniture pieces and quotes are cut so one article fits a screen; the
# full text is in the JSON report.
SNIPPET_CHARS = 160
# A score reason is written by the score stage (the sourcing note, the longest, runs to about 480
# characters on the seed): it is shown whole up to here.
REASON_CHARS = 600


def safe(text: str) -> str:
    """Return ``text`` with control characters shown as ``\\xNN`` escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """One line of at most ``limit`` characters, whitespace collapsed, controls made visible."""
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _t(text: str, style: str = "") -> Text:
    return Text(safe(text), style=style)


def _heading(title: str) -> Text:
    return Text(title, style="bold cyan")


def _score_is_empty(score: Score) -> bool:
    return score.unreliable_probability is None and not score.reasons and score.without_domain is None


def _metadata(report: Report) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    rows: list[tuple[str, str | None]] = metadata_rows(report)
    for label, value in rows:
        if value:
            table.add_row(label, _t(value))
    return table


def _counts(report: Report) -> Text:
    original = len(report.article.text)
    clean = len(report.clean_text)
    removed = f" (-{100 * (original - clean) / original:.0f}%)" if original and report.clean_text else ""
    parts = [
        f"{original} chars original",
        f"{clean} clean{removed}",
        f"{len(report.furniture)} furniture",
        f"{len(report.related_headlines)} related headlines",
        f"{len(report.headings)} headings",
        f"{len(report.sentences)} sentences",
        f"{len(report.entities)} entities",
        f"{len(report.quotes)} quotes",
        f"{len(report.claims)} claims",
    ]
    return Text(" · ".join(parts), style="dim")


def _furniture(report: Report) -> RenderableType:
    by_kind: dict[str, list[Any]] = {}
    for piece in sorted(report.furniture, key=lambda f: (f.start, f.end)):
        by_kind.setdefault(piece.kind, []).append(piece)
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("kind", style="yellow", no_wrap=True)
    table.add_column("span", style="dim", no_wrap=True)
    table.add_column("text", overflow="fold")
    for kind, pieces in by_kind.items():
        for i, piece in enumerate(pieces):
            label = f"{kind} ({len(pieces)})" if i == 0 else ""
            table.add_row(_t(label), f"{piece.start}-{piece.end}", _t(snippet(piece.text)))
    return table


def _bullets(items: Iterable[str]) -> Table:
    # A grid, not plain lines, so a wrapped item hangs under its own text.
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, justify="right")
    table.add_column(overflow="fold")
    for item in items:
        table.add_row("•", _t(snippet(item)))
    return table


def _entities(report: Report) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("entity", overflow="fold")
    table.add_column("label", style="magenta", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    for ent in sorted(report.entities, key=lambda e: -len(e.mentions)):
        table.add_row(_t(snippet(ent.name)), _t(ent.label), str(len(ent.mentions)))
    return table


def _quotes(report: Report) -> Text:
    out = Text()
    for q in report.quotes:
        speaker = q.speaker or "(no speaker)"
        out.append("  ")
        out.append(snippet(speaker, 60), style="bold" if q.speaker else "dim italic")
        to = f", to {snippet(q.addressee, 60)}" if q.addressee else ""
        # The extractor's own doubt is shown, not hidden: such a line stays in the list, muted,
        # and says why the sourcing figures leave it out.
        counted = is_counted(q)
        uncounted = "" if counted else ", not counted as sourcing"
        detail = f" [{q.kind}, {q.speaker_kind}, {q.confidence:.2f}{', vague' if q.vague else ''}{to}{uncounted}]"
        out.append(detail, style="dim")
        out.append(": «")
        out.append(snippet(q.content.text), style="" if counted else "dim")
        out.append("»\n")
    out.rstrip()
    return out


def _claims(report: Report) -> Text:
    out = Text()
    for claim in sorted(report.claims, key=lambda c: -c.score):
        out.append(f"  {claim.score:.2f} ", style="dim")
        out.append(snippet(claim.text))
        if claim.reasons:
            out.append(f"  ({snippet('; '.join(claim.reasons), 80)})", style="dim")
        out.append("\n")
    out.rstrip()
    return out


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def _signals(report: Report) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("signal", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("evidence", overflow="fold")
    for name, sig in sorted(report.signals.items()):
        evidence = "; ".join(snippet(s.text, 50) for s in sig.evidence[:3])
        if len(sig.evidence) > 3:
            evidence += f" (+{len(sig.evidence) - 3} more)"
        table.add_row(_t(name), _t(snippet(_value(sig.value), 40)), _t(evidence))
    return table


def _score(score: Score) -> Text:
    out = Text()
    style = {"unreliable": "bold red", "reliable": "bold green"}.get(score.label, "bold yellow")
    out.append("  ")
    out.append(safe(score.label), style=style)
    if score.unreliable_probability is not None:
        out.append(f"  P(unreliable) = {score.unreliable_probability:.2f}")
    if score.without_domain is not None:
        out.append(f"  (without domain prior: {score.without_domain:.2f})", style="dim")
    if score.model:
        out.append(f"\n    by {safe(score.model)}", style="dim")
    for reason in score.reasons:
        # Zero-weight lines are observations (thin evidence, unlearned signals): their words say why,
        # so they get a "note" instead of a "+0.00" that reads like a weighed reason.
        weighed = reason.contribution != 0.0
        out.append(f"\n    {reason.contribution:+.2f} " if weighed else "\n    note  ", style="dim")
        # A reason ends on what it does to the score ("(raises the unreliability score)"): the
        # snippet's usual cut fell inside it for the longer ones.
        out.append(snippet(reason.text, REASON_CHARS))
        if reason.evidence:
            out.append(f"  e.g. «{snippet(reason.evidence[0].text, 60)}»", style="dim")
    return out


def _timings(report: Report) -> Text:
    total = sum(report.timings.values())
    parts = [f"{safe(name)} {ms:.1f} ms" for name, ms in report.timings.items()]
    return Text("  " + " · ".join(parts) + f" · total {total:.1f} ms", style="dim")


def report_renderable(report: Report) -> RenderableType:
    """Everything about one report as a single rich renderable; empty sections are left out."""
    parts: list[RenderableType] = [_metadata(report), _counts(report)]

    def section(title: str, body: RenderableType) -> None:
        parts.append(Text())
        parts.append(_heading(title))
        parts.append(body)

    if report.furniture:
        section("Removed furniture", _furniture(report))
    if report.related_headlines:
        section("Related headlines (teasers)", _bullets(report.related_headlines))
    if report.headings:
        section("Headings", _bullets(h.text for h in report.headings))
    if report.entities:
        section("Entities", _entities(report))
    if report.quotes:
        section("Quotes", _quotes(report))
    if report.claims:
        section("Claims", _claims(report))
    if report.signals:
        section("Signals", _signals(report))
    if not _score_is_empty(report.score):
        section("Score", _score(report.score))
    if report.warnings:
        warn = Text()
        for message in report.warnings:
            warn.append("  ! ", style="yellow")
            warn.append(snippet(message, 300))
            warn.append("\n")
        warn.rstrip()
        section("Warnings", warn)
    if report.timings:
        section("Timings", _timings(report))
    return Group(*parts)


def render_text(reports: Iterable[Report], console: Console) -> int:
    """Print each report to ``console`` as it arrives; returns how many were printed."""
    count = 0
    for report in reports:
        title = report.article.title or report.article.id
        # A Text title, not a str: rule() would parse a str as markup.
        console.rule(Text(snippet(title, 100), style="bold"), align="left")
        console.print(report_renderable(report))
        console.print()
        count += 1
    return count
