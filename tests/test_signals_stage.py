"""The signals stage: every family filled, evidence offsets into article.text, gaps as warnings."""

from __future__ import annotations

import pytest

from newsift.clean.stage import CleanStage
from newsift.config import Config
from newsift.pipeline import StageRegistry
from newsift.report import Article, Report
from newsift.signals.stage import SignalsStage

BODY = (
    "The regional water board approved a plan on Monday to replace 120 kilometres of ageing pipes "
    "over the next six years, according to documents published after the meeting.\n\n"
    '"The network loses almost a fifth of its water before it reaches a tap," said Maria Okafor, '
    "the board's chief engineer.\n\n"
    "The work will cost an estimated 310 million euros and will be paid for partly by a rise in "
    "water charges of about four percent a year, the board said in a statement.\n\n"
    "Consumer groups said they would study the figures before commenting."
)
JUNK_TAIL = (
    "\n\nLeave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *\n\n"
    "You May Also Like\n\n"
    "You Won't Believe What This Mayor Just Did To Every Driver In Town\n\n"
    "10 Shocking Secrets Doctors Don't Want You To Know About Tap Water\n\n"
    "This Is Why Nobody Trusts The Water Board Anymore\n"
)


@pytest.fixture(scope="module")
def stage() -> SignalsStage:
    return SignalsStage(Config())


def report_for(text: str, title: str | None = None, url: str | None = None, domain: str | None = None) -> Report:
    return Report(article=Article(id="t", text=text, title=title, url=url, domain=domain))


def cleaned(text: str, **kw: str | None) -> Report:
    report = report_for(text, **kw)
    CleanStage(Config())(report)
    report.timings["clean"] = 1.0
    return report


def assert_offsets(report: Report) -> int:
    n = 0
    for name, sig in report.signals.items():
        for span in sig.evidence:
            assert report.article.text[span.start : span.end] == span.text, name
            n += 1
    return n


def test_stage_is_registered_and_declares_its_fields() -> None:
    registry = StageRegistry.default(plugins=False)
    factory = registry.get("signals")
    assert factory is not None
    built = factory(Config())
    assert built.name == "signals" and built.fills == ("signals",)


def test_every_family_is_filled_without_clean_or_quotes_and_gaps_are_warned(stage: SignalsStage) -> None:
    report = report_for(BODY, title="Water board approves pipe replacement plan")
    stage(report)
    families = {name.split(".")[0] for name in report.signals}
    assert {"style", "sourcing", "furniture", "clickbait", "source", "body"} <= families
    # Unknown, not zero: nothing says whether the page had furniture or the text had quotes.
    assert report.signals["furniture.kinds"].value is None
    assert report.signals["sourcing.named_sources"].value is None
    assert report.signals["sourcing.dates"].value is None
    assert any("quotes" in w for w in report.warnings)
    assert any("dates are unknown" in w for w in report.warnings)
    assert any("clean" in w for w in report.warnings)
    assert report.signals["body.words"].value == len(BODY.split())


def test_junk_page_furniture_and_teasers_have_evidence_in_the_original_text(stage: SignalsStage) -> None:
    text = BODY + JUNK_TAIL
    report = cleaned(text, title="Water board approves pipe replacement plan")
    stage(report)
    assert report.signals["furniture.comment_form"].value >= 1  # type: ignore[operator]
    related = report.signals["clickbait.related"]
    assert related.detail["headlines"] == 3
    assert isinstance(related.value, float) and related.value >= 2 / 3
    assert {s.text for s in related.evidence} >= {"You Won't Believe What This Mayor Just Did To Every Driver In Town"}
    assert assert_offsets(report) > 0


def test_title_clickbait_scores_and_points_into_the_text_when_the_text_holds_the_title(
    stage: SignalsStage,
) -> None:
    title = "You Won't Believe What This Water Board Just Did"
    report = report_for(title + "\n\n" + BODY, title=title)
    stage(report)
    sig = report.signals["clickbait.title"]
    assert isinstance(sig.value, float) and sig.value > 0.5
    assert sig.evidence and all(s.end <= len(title) for s in sig.evidence)
    assert_offsets(report)
    sober = report_for(BODY, title="Water board approves pipe replacement plan")
    stage(sober)
    assert sober.signals["clickbait.title"].value < 0.5  # type: ignore[operator]
    # The title is not in this body: the words are named in detail, not as spans.
    assert sober.signals["clickbait.title"].evidence == []


def test_page_clickbait_reads_the_title_and_the_teasers_together(stage: SignalsStage) -> None:
    sober_title = "Water board approves pipe replacement plan"
    junk_page = cleaned(BODY + JUNK_TAIL, title=sober_title)
    stage(junk_page)
    title, related, page = (junk_page.signals[f"clickbait.{k}"] for k in ("title", "related", "page"))
    assert isinstance(title.value, float) and title.value < 0.5
    n = related.detail["headlines"]
    expected = (title.value + n * related.detail["mean_probability"]) / (n + 1)
    assert isinstance(page.value, float) and page.value == pytest.approx(expected, abs=1e-3)
    assert page.value > title.value and page.detail["headlines"] == n + 1
    assert {s.text for s in related.evidence} <= {s.text for s in page.evidence}
    assert_offsets(junk_page)
    # Teasers alone (no title) still make a page reading; a page with only a title reads as its title.
    untitled = cleaned(BODY + JUNK_TAIL)
    stage(untitled)
    assert untitled.signals["clickbait.page"].value == pytest.approx(
        untitled.signals["clickbait.related"].detail["mean_probability"], abs=1e-3
    )
    plain = cleaned(BODY, title=sober_title)
    stage(plain)
    assert plain.signals["clickbait.page"].value == plain.signals["clickbait.title"].value
    bare = cleaned(BODY)
    stage(bare)
    assert bare.signals["clickbait.page"].value is None
    assert "no title and no related headlines" in bare.signals["clickbait.page"].detail["reason"]


@pytest.mark.parametrize(
    ("url", "domain", "reason_part"),
    [
        (None, None, "no url or domain"),
        ("http://127.0.0.1/story", None, "IP address"),
        ("http://localhost:8000/story", None, "localhost"),
        ("https://www.example-unlisted-news-site.com/a", None, "no source"),
        (None, "not a domain at all", "whitespace"),
    ],
)
def test_reputation_is_unknown_with_a_reason_for_unlisted_or_unusable_sources(
    stage: SignalsStage, url: str | None, domain: str | None, reason_part: str
) -> None:
    report = report_for(BODY, url=url, domain=domain)
    stage(report)
    sig = report.signals["source.reputation"]
    assert sig.value == "unknown"
    assert reason_part in sig.detail["reason"]


def test_a_listed_domain_gets_its_rating_through_mirrors(stage: SignalsStage) -> None:
    assert stage.reputation is not None
    table_hit = stage.reputation.lookup("reuters.com")
    assert table_hit.known, "the shipped table lists reuters.com"
    report = report_for(BODY, url="https://mobile.reuters.com/article/x")
    stage(report)
    assert report.signals["source.reputation"].value == table_hit.rating


def test_an_archived_copy_is_rated_as_its_publisher_even_when_the_domain_is_the_archive(
    stage: SignalsStage,
) -> None:
    assert stage.reputation is not None
    publisher = stage.reputation.lookup("reuters.com")
    url = "https://web.archive.org/web/20240115093000/https://www.reuters.com/world/water-board-x"
    report = report_for(BODY, url=url, domain="web.archive.org")
    stage(report)
    sig = report.signals["source.reputation"]
    assert (sig.value, sig.detail["matched_domain"]) == (publisher.rating, "reuters.com")
    assert "archived copy" in sig.detail["note"]
    # A domain the url cannot name still answers when the url is no help.
    report = report_for(BODY, url="https://archive.ph/AbCd9", domain="reuters.com")
    stage(report)
    assert report.signals["source.reputation"].detail["matched_domain"] == "reuters.com"


def test_no_title_no_body_and_no_related_headlines_give_reasons_not_crashes(stage: SignalsStage) -> None:
    title_only = cleaned("", title="Water board approves pipe replacement plan")
    stage(title_only)
    assert title_only.signals["body.words"].value == 0
    assert title_only.signals["style.emotion"].value is None
    body_only = cleaned(BODY)
    stage(body_only)
    assert body_only.signals["clickbait.title"].value is None
    assert "no title" in body_only.signals["clickbait.title"].detail["reason"]
    assert body_only.related_headlines == []
    assert body_only.signals["clickbait.related"].value is None
    assert "no related headlines" in body_only.signals["clickbait.related"].detail["reason"]


def test_a_missing_model_leaves_its_signals_unknown_not_the_stage_broken(
    stage: SignalsStage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsift.errors import ModelUnavailableError
    from newsift.signals import stage as stage_module

    def broken(*_a: object, **_k: object) -> None:
        raise ModelUnavailableError("model file missing")

    monkeypatch.setattr(stage_module.ClickbaitModel, "load", broken)
    degraded = SignalsStage(Config(), reputation=stage.reputation)
    report = report_for(BODY, title="Water board approves pipe replacement plan")
    degraded(report)
    assert report.signals["clickbait.title"].value is None
    assert report.signals["clickbait.page"].value is None
    assert "model file missing" in report.signals["clickbait.title"].detail["reason"]
    assert report.signals["style.sensational"].value is not None
    assert any("clickbait model could not load" in w for w in report.warnings)


def test_a_sentence_that_never_ends_costs_linear_time(stage: SignalsStage) -> None:
    # 9,003 sensational words and 9,000 vague sources in one run-on "sentence" (a page of teaser
    # links flattens to this): each hit was located by rescanning the sentence, which took minutes.
    from concurrent.futures import ThreadPoolExecutor

    text = "shocking truth, experts say, " * 9000 + "shocking shocking shocking"
    report = cleaned(text)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(stage, report).result(timeout=20)
    assert report.signals["style.sensational"].detail["count"] == 9003
    assert report.signals["sourcing.vague"].detail["phrases"] == 9000
    assert assert_offsets(report) > 0
    first = report.signals["style.sensational"].evidence[0]
    assert (first.start, first.text) == (0, "shocking")
