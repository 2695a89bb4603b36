"""Renderers over hand-built reports: no ingest, clean stage or shared data needed."""

from __future__ import annotations

import html
import io
from html.parser import HTMLParser

import pytest
from rich.console import Console

from newsift.render import iter_html, marked_text, render_text, report_to_html
from newsift.render.text import safe, snippet
from newsift.report import (
    Article,
    Claim,
    Entity,
    Furniture,
    Heading,
    Origin,
    Quote,
    Reason,
    Report,
    Score,
    Signal,
    Span,
)

BODY = (
    "Harbour tunnel reopens\n"
    "The harbour tunnel reopened on Monday after <script>alert('x')</script> repairs [bold]done[/].\n"
    "You May Also Like\n"
    "Ten bridges you must see\n"
    "Leave a Reply\n"
    "Your email address will not be published.\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_report(text: str = BODY, **fields: object) -> Report:
    article = Article(
        id="tunnel-1",
        text=text,
        title="Harbour <b>tunnel</b> reopens [red]now[/red]",
        domain="example.org",
        url="https://example.org/tunnel?a=1&b=2",
        origin=Origin("fixtures/tunnel.txt", None, "text"),
    )
    report = Report(article=article, clean_text=text[:100])
    for name, value in fields.items():
        setattr(report, name, value)
    return report


def furniture_report() -> Report:
    related = _span(BODY, "You May Also Like\nTen bridges you must see")
    comments = _span(BODY, "Leave a Reply\nYour email address will not be published.")
    return make_report(
        furniture=[
            Furniture("related", BODY[related[0] : related[1]], *related),
            Furniture("comments", BODY[comments[0] : comments[1]], *comments),
        ],
        headings=[Heading("Harbour tunnel reopens", 0, len("Harbour tunnel reopens"))],
        related_headlines=["Ten bridges <you> must see"],
        warnings=["stage 'quotes' is disabled in the config"],
        timings={"clean": 0.4},
    )


class _TagChecker(HTMLParser):
    """Checks that every opened element is closed in order, and collects the visible text of div.text."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self.body_text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [c for _, c in self.stack]
        if "text" in classes and "kind" not in classes:
            self.body_text.append(data)


def check_page(page: str) -> _TagChecker:
    checker = _TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


# -- HTML -------------------------------------------------------------------------
def test_html_escapes_article_text_and_metadata() -> None:
    page = report_to_html(furniture_report())
    assert "<script" not in page  # neither the article's script nor any of ours
    assert html.escape("<script>alert('x')</script>") in page
    assert "<b>tunnel</b>" not in page
    assert "Harbour &lt;b&gt;tunnel&lt;/b&gt; reopens" in page
    assert "Ten bridges &lt;you&gt; must see" in page
    assert "https://example.org/tunnel?a=1&amp;b=2" in page
    check_page(page)


def test_html_strikes_furniture_with_kind_labels() -> None:
    page = report_to_html(furniture_report())
    assert '<span class="kind">related</span><del>You May Also Like\nTen bridges you must see</del>' in page
    assert '<span class="kind">comments</span><del>Leave a Reply\n' in page
    assert '<mark class="heading">Harbour tunnel reopens</mark>' in page
    # The struck-through page is still the whole original text, in order.
    checker = check_page(page)
    assert "".join(checker.body_text) == BODY


def test_html_is_standalone() -> None:
    page = report_to_html(furniture_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "Content-Security-Policy" in page
    lowered = page.lower()
    for external in ("<link", "<script", "src=", "@import", "url("):
        assert external not in lowered


def test_html_overlapping_and_nested_furniture_keep_markup_valid() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta"
    size = len(text)
    pieces = [
        Furniture("share", "", 6, 16),  # beta gamma
        Furniture("related", "", 11, 22),  # overlaps the first: gamma delta
        Furniture("nav", "", 12, 14),  # nested in both
        Furniture("ad", "", 30, size + 50),  # runs past the end: clamped
        Furniture("footer", "", -5, 5),  # starts before 0: clamped
        Furniture("empty", "", 25, 25),  # zero length: skipped
        Furniture("backwards", "", 28, 26),  # end before start: skipped
        Furniture("share", "", 6, 16),  # exact duplicate
    ]
    report = make_report(
        text,
        furniture=pieces,
        headings=[Heading("gamma", 11, 16), Heading("epsilon", 23, 30)],
    )
    body = marked_text(report)
    checker = check_page(f'<div class="text">{body}</div>')
    assert "".join(checker.body_text) == text
    assert body.count("<del>") == 3
    assert '<span class="kind">share + related + nav</span><del>beta gamma delta</del>' in body
    assert '<span class="kind">footer</span><del>alpha</del>' in body
    assert "empty" not in body and "backwards" not in body
    # The heading inside furniture is dropped from the body; the free one is marked.
    assert '<mark class="heading">epsilon</mark>' in body
    assert body.count("<mark") == 1


def test_html_sections_only_when_filled() -> None:
    bare = report_to_html(make_report())
    for title in ("Entities", "Quotes", "Claims", "Signals", "Score", "Removed furniture", "Warnings"):
        assert f"<h2>{title}</h2>" not in bare

    text = BODY
    q = _span(text, "repairs")
    full = make_report(
        entities=[Entity("Harbour <Authority>", "ORG", [Span("Harbour", 0, 7)])],
        quotes=[
            Quote(
                Span("repairs", *q),
                "direct",
                speaker="Jo <i>Doe</i>",
                speaker_kind="person",
                confidence=0.9,
                addressee="Al <b>Roe</b>",
            )
        ],
        claims=[Claim("The tunnel reopened", 23, 42, 0.7, ["number"])],
        signals={"all_caps": Signal(3, [Span("NOW", 1, 4)]), "clickbait": Signal(0.25)},
        score=Score(0.8, "unreliable", [Reason("many <em>teasers</em>", "clickbait", 0.4)], 0.7, "model <b>x</b>"),
    )
    page = report_to_html(full)
    for title in ("Entities", "Quotes", "Claims", "Signals", "Score"):
        assert f"<h2>{title}</h2>" in page
    assert "Harbour &lt;Authority&gt;" in page
    assert "Jo &lt;i&gt;Doe&lt;/i&gt;" in page
    assert "to Al &lt;b&gt;Roe&lt;/b&gt;" in page
    assert "many &lt;em&gt;teasers&lt;/em&gt;" in page
    assert "P(unreliable) = 0.80" in page
    assert "by model &lt;b&gt;x&lt;/b&gt;" in page
    check_page(page)


def _doubted_quotes() -> list[Quote]:
    """One quote of each standing: a direct quote (always counted, whatever its confidence), an
    indirect attribution over the sourcing line and one under it."""
    return [
        Quote(Span("We are ready", 0, 12), "direct", speaker="Jo Doe", speaker_kind="person", confidence=0.2),
        Quote(Span("the tunnel is safe", 13, 31), "indirect", speaker="Al Roe", speaker_kind="person", confidence=0.7),
        Quote(Span("flowers at the gate", 32, 51), "indirect", speaker="Al Roe", speaker_kind="person", confidence=0.3),
    ]


def test_html_mutes_the_attributions_sourcing_does_not_count() -> None:
    page = report_to_html(make_report(quotes=_doubted_quotes()))
    rows = page.split("<h2>Quotes</h2>", 1)[1].split("</table>", 1)[0].split("<tr>")[2:]
    assert len(rows) == 3
    assert [", not counted as sourcing" in row for row in rows] == [False, False, True]
    assert '<span class="muted">flowers at the gate</span>' in rows[2]
    assert '<span class="muted">' not in rows[0] + rows[1]
    check_page(page)


def test_text_mutes_the_attributions_sourcing_does_not_count() -> None:
    out = _render(make_report(quotes=_doubted_quotes()))
    lines = [line for line in out.splitlines() if "«" in line]
    assert len(lines) == 3
    assert [", not counted as sourcing" in line for line in lines] == [False, False, True]


def test_iter_html_streams_one_chunk_per_article() -> None:
    reports = [furniture_report(), make_report()]
    chunks = list(iter_html(iter(reports)))
    assert len(chunks) == 2 + len(reports)  # head, one per article, tail
    assert chunks[1].startswith("<article>") and chunks[-1].endswith("</html>\n")
    assert report_to_html(reports) == "".join(chunks)
    assert "No article was analysed" in report_to_html([])


def test_html_control_characters_do_not_shift_offsets() -> None:
    text = "a\x1bb Leave a Reply"
    start, end = _span(text, "Leave a Reply")
    body = marked_text(make_report(text, furniture=[Furniture("comments", "Leave a Reply", start, end)]))
    assert "\x1b" not in body
    assert body.endswith("<del>Leave a Reply</del></span>")


# -- text -------------------------------------------------------------------------
def _render(*reports: Report, console_kwargs: dict[str, object] | None = None) -> str:
    buf = io.StringIO()
    # A default console (markup on) on purpose: the renderer must be safe without help from its caller.
    console = Console(file=buf, width=160, color_system=None, **(console_kwargs or {}))  # type: ignore[arg-type]
    assert render_text(iter(reports), console) == len(reports)
    return buf.getvalue()


def test_text_shows_title_counts_furniture_and_teasers() -> None:
    out = _render(furniture_report())
    assert "Harbour <b>tunnel</b> reopens [red]now[/red]" in out
    assert "example.org" in out
    assert "3 furniture" not in out and "2 furniture" in out
    assert "related (1)" in out and "comments (1)" in out
    assert "You May Also Like Ten bridges you must see" in out  # one line per piece
    assert "Ten bridges <you> must see" in out
    assert "stage 'quotes' is disabled in the config" in out
    assert "clean 0.4 ms" in out
    for absent in ("Entities", "Quotes", "Claims", "Signals", "Score"):
        assert absent not in out


def test_text_never_interprets_article_text_as_markup() -> None:
    nasty = "[/] [bold red]loud[/bold red] [link=https://evil.example]x[/link] :smile: \\"
    report = make_report(BODY + nasty, related_headlines=[nasty], headings=[Heading(nasty, 0, 5)])
    report.article.title = nasty
    out = _render(report)
    # Printed literally (MarkupError would have been raised on "[/]" otherwise).
    assert "[bold red]loud[/bold red]" in out
    assert "[link=https://evil.example]x[/link]" in out
    assert ":smile:" in out


def test_text_neutralises_terminal_escapes() -> None:
    report = make_report(related_headlines=["Click\x1b[2J here"])
    report.article.title = "Title\x1b]0;pwned\x07"
    out = _render(report)
    assert "\x1b" not in out and "\x07" not in out
    assert "Click\\x1b[2J here" in out


def test_text_later_sections_when_filled() -> None:
    report = make_report(
        entities=[Entity("Harbour Authority", "ORG", [Span("x", 0, 1), Span("x", 2, 3)])],
        quotes=[Quote(Span("We are ready", 0, 12), "direct", speaker=None, confidence=0.5, addressee="Ivar Lund")],
        claims=[Claim("The tunnel carries 40,000 cars a day", 0, 10, 0.66)],
        signals={"exclamations": Signal(4, [Span("!!!", 0, 3)])},
        score=Score(0.12, "reliable", [Reason("named sources", "sourcing", -0.3)]),
    )
    out = _render(report)
    for expected in (
        "Entities",
        "Harbour Authority",
        "Quotes",
        "(no speaker)",
        "to Ivar Lund",
        "We are ready",
        "Claims",
        "40,000 cars",
        "Signals",
        "exclamations",
        "Score",
        "reliable",
        "P(unreliable) = 0.12",
        "named sources",
    ):
        assert expected in out


def test_text_shows_a_weighed_reason_to_its_end() -> None:
    # A reason of about 190 characters ends on its direction, which the 160-character snippet cut off.
    text = (
        "the writing style (function words, punctuation, capitals and numbers; topic and quotations "
        "aside) resembles the unreliable articles of the training sets (raises the unreliability score)"
    )
    # A note (no weight) as long as the sourcing one, about 480 characters, keeps its end too.
    note = "sourcing: " + "90 % of sentences carry an attribution; " * 11 + "and carries no weight)"
    out = _render(
        make_report(score=Score(0.6, "uncertain", [Reason(text, "text.style", 0.5), Reason(note, "sourcing", 0.0)]))
    )
    flat = " ".join(out.split())
    assert "(raises the unreliability score)" in flat and "and carries no weight)" in flat


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("a  b\n c", 10, "a b c"), ("x" * 20, 10, "x" * 9 + "…"), ("a\x1bb", 10, "a\\x1bb")],
)
def test_snippet(text: str, limit: int, expected: str) -> None:
    assert snippet(text, limit) == expected


def test_safe_keeps_newlines_and_tabs() -> None:
    assert safe("a\tb\nc\x00") == "a\tb\nc\\x00"
