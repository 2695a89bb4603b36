"""Style, sourcing and furniture signals: values, evidence offsets, missing stages, the tables."""

from __future__ import annotations

import random

import pytest

from newsift.report import Article, Entity, Furniture, OffsetMap, Quote, Report, Sentence, Signal, Span
from newsift.signals import furniture, lexicons, sourcing, style

SOBER = (
    "The city council voted 7-2 on Tuesday to approve a $4.5 million budget for road repairs, "
    "according to meeting records. Council member Ana Ruiz said the plan would fix about 40 miles "
    'of streets over three years. "We have waited too long for this," Ruiz said. The transportation '
    "department will publish a schedule in May, a spokesman said."
)
LOUD = (
    "SHOCKING: You won't BELIEVE what this corrupt politician just did!!! This is the WORST scandal "
    "in history, and the media is hiding it from you. Your family deserves to know the truth! Sources "
    "say the evidence is explosive. We are DONE being lied to!"
)


def raw(text: str, title: str | None = None, **fields: object) -> Report:
    return Report(article=Article(id="t", text=text, title=title), **fields)  # type: ignore[arg-type]


def all_signals(report: Report) -> dict[str, Signal]:
    return {**style.compute(report), **sourcing.compute(report), **furniture.compute(report)}


def assert_offsets(report: Report, signals: dict[str, Signal]) -> int:
    n = 0
    for name, sig in signals.items():
        for span in sig.evidence:
            assert report.article.text[span.start : span.end] == span.text, name
            n += 1
    return n


def find(text: str, fragment: str, after: str = "") -> Span:
    start = text.index(fragment, text.index(after) if after else 0)
    return Span(fragment, start, start + len(fragment))


# --- style values ------------------------------------------------------------


def test_sensational_text_outscores_wire_copy_on_every_style_signal() -> None:
    sober, loud = style.compute(raw(SOBER)), style.compute(raw(LOUD))
    for name in ("sensational", "caps_words", "superlatives", "second_person", "exclamations", "emotion"):
        assert loud[f"style.{name}"].value > sober[f"style.{name}"].value, name  # type: ignore[operator]
    assert sober["style.caps_words"].value == 0.0
    assert sober["style.exclamations"].value == 0.0
    assert {s.text for s in loud["style.caps_words"].evidence} == {"SHOCKING", "BELIEVE", "WORST", "DONE"}
    assert [s.text for s in loud["style.second_person"].evidence] == ["You", "you", "Your"]
    assert [s.text for s in loud["style.exclamations"].evidence] == ["!!!", "!", "!"]
    assert loud["style.exclamations"].detail["marks"] == 5
    assert "in history" in [s.text for s in loud["style.superlatives"].evidence]
    # Rates are per 100 words: 3 second-person words in 44.
    words = loud["style.second_person"].detail["words"]
    assert loud["style.second_person"].value == pytest.approx(100 * 3 / words, abs=1e-3)


def test_rates_do_not_depend_on_length() -> None:
    once, twice = style.compute(raw(LOUD)), style.compute(raw(LOUD + "\n\n" + LOUD))
    for name in ("sensational", "caps_words", "second_person", "exclamations"):
        assert once[f"style.{name}"].value == pytest.approx(twice[f"style.{name}"].value, abs=1e-3), name


def test_pronouns_inside_quotation_marks_are_the_speakers_not_the_writers() -> None:
    sig = style.compute(raw(SOBER))["style.first_person"]
    assert sig.value == 0.0
    assert sig.detail["in_quotes"] == 1
    assert style.compute(raw("We think you should know this."))["style.first_person"].value > 0  # type: ignore[operator]


@pytest.mark.parametrize("marks", ['""', "\u201c\u201d", "''", "\u2018\u2019"])
def test_the_speakers_words_capitals_and_exclamations_are_not_the_writers(marks: str) -> None:
    said = "This is the WORST and most SHOCKING scandal in history, perhaps!"
    quoted = style.compute(raw(f"An aide wrote on Monday: {marks[0]}{said}{marks[1]} The senator left."))
    written = style.compute(raw(f"An aide wrote on Monday. {said} The senator left."))
    for name in ("sensational", "caps_words", "superlatives", "hedges", "exclamations"):
        assert written[f"style.{name}"].value > 0, name  # type: ignore[operator]
        assert quoted[f"style.{name}"].value == 0.0, name
        assert quoted[f"style.{name}"].detail["in_quotes"] >= 1, name
        assert quoted[f"style.{name}"].evidence == [], name
    # A phrase inside the quote is one of the speaker's, whatever words it holds.
    assert quoted["style.superlatives"].detail["in_quotes"] == written["style.superlatives"].detail["count"]


@pytest.mark.parametrize("marks", ['""', "\u201c\u201d", "''", "\u2018\u2019"])
def test_a_quoted_outburst_is_the_speakers_emotion_not_the_writers(marks: str) -> None:
    pytest.importorskip("vaderSentiment.vaderSentiment")
    said = "This is a terrible, disgusting disaster and I hate it"
    quoted = style.compute(raw(f"The mayor spoke on Monday. {marks[0]}{said},{marks[1]} she said. The vote is in May."))
    written = style.compute(raw(f"The mayor spoke on Monday. {said}, she said. The vote is in May."))
    assert written["style.emotion"].value > 0.2  # type: ignore[operator]
    assert written["style.emotion"].evidence
    assert quoted["style.emotion"].value == 0.0
    assert quoted["style.emotion"].evidence == []
    # In a sentence that also quotes, the writer's own words still count.
    mixed = style.compute(raw(f"The disgusting, terrible plan failed, and she said {marks[0]}no{marks[1]}."))
    assert mixed["style.emotion"].value > 0.2  # type: ignore[operator]


def test_month_may_and_country_us_are_not_hedge_or_pronoun() -> None:
    out = style.compute(raw("In May the US said the deal may hold for us."))
    assert [s.text for s in out["style.hedges"].evidence] == ["may"]
    assert [s.text for s in out["style.first_person"].evidence] == ["us"]


def test_acronyms_are_not_shouting() -> None:
    out = style.compute(raw("The FBI and NATO told CNN that the GOP plan was OK."))
    assert out["style.caps_words"].value == 0.0


def test_phrase_replaces_the_words_inside_it() -> None:
    out = style.compute(raw("It seems the plan failed, and it is likely to fail again."))
    assert [s.text for s in out["style.hedges"].evidence] == ["It seems", "it is likely"]


def test_emotion_tracks_vader() -> None:
    vader = pytest.importorskip("vaderSentiment.vaderSentiment")
    analyser = vader.SentimentIntensityAnalyzer()
    for text in (SOBER, LOUD):
        report = raw(text)
        sentences = style.split_sentences(report)
        reference = sum(abs(analyser.polarity_scores(s.text)["compound"]) for s in sentences) / len(sentences)
        assert style.compute(report)["style.emotion"].value == pytest.approx(reference, abs=0.05)
    loud = style.compute(raw(LOUD))["style.emotion"]
    assert loud.detail["strong_sentences"] == len(loud.evidence) > 0


def test_readability_tracks_textstat_flesch() -> None:
    textstat = pytest.importorskip("textstat")
    for text in (SOBER, LOUD):
        ours = style.compute(raw(text))["style.readability"].value
        assert ours == pytest.approx(textstat.flesch_reading_ease(text), abs=8.0)


def test_flesch_constants_are_textstats() -> None:
    pytest.importorskip("textstat")
    from textstat.backend.utils.constants import LANG_CONFIGS

    en = LANG_CONFIGS["en"]
    assert (en["fre_base"], en["fre_sentence_length"], en["fre_syll_per_word"]) == (
        lexicons.FLESCH_BASE,
        lexicons.FLESCH_SENTENCE_LENGTH,
        lexicons.FLESCH_SYLLABLES_PER_WORD,
    )


def test_title_signals() -> None:
    out = style.compute(raw(SOBER, title="SHOCKING! Is this the end?"))
    assert out["style.title_exclaim"].value == 1
    assert out["style.title_question"].value == 1
    assert out["style.title_caps"].value == pytest.approx(1 / 5)
    assert out["style.title_sensational"].value == 1
    assert out["style.title_caps"].evidence == []  # the body does not repeat the title
    repeated = style.compute(raw("Budget passes\n\n" + SOBER, title="Budget passes"))
    assert repeated["style.title_caps"].evidence == [Span("Budget passes", 0, 13)]


def test_explicit_resources_give_the_same_result() -> None:
    report = raw(LOUD, title="WOW")
    assert style.compute(report, style.StyleResources.load()) == style.compute(report)


def test_compute_does_not_touch_the_report() -> None:
    report = raw(LOUD, title="x")
    before = report.to_dict()
    all_signals(report)
    assert report.to_dict() == before


# --- offsets ---------------------------------------------------------------------


def cleaned_report() -> Report:
    """A page with a menu, an ad between two paragraphs and a comment form, cleaned by hand."""
    para1, para2 = LOUD[: LOUD.index(" This is")], LOUD[LOUD.index("This is") :]
    menu, ad, tail = "Home | World | Sports\n", "\nADVERTISEMENT\n", "\nLeave a Reply\nShare this:\n"
    original = menu + para1 + ad + para2 + tail
    o1, o2 = len(menu), len(menu) + len(para1) + len(ad)
    clean = para1 + "\n\n" + para2  # the cleaner joins kept slices with a synthetic separator
    report = raw(original, clean_text=clean)
    report.clean_map = OffsetMap([(0, o1, len(para1)), (len(para1) + 2, o2, len(para2))])
    report.timings["clean"] = 1.0
    report.furniture = [
        Furniture("navigation", menu.strip(), 0, len(menu) - 1),
        Furniture("advertising", "ADVERTISEMENT", o1 + len(para1) + 1, o1 + len(para1) + 14),
        Furniture("comment_form", "Leave a Reply", original.index("Leave"), original.index("Leave") + 13),
        Furniture("share", "Share this:", original.index("Share"), original.index("Share") + 11),
    ]
    report.related_headlines = ["What They Found Will Stun You"]
    return report


def test_evidence_round_trips_on_raw_text() -> None:
    report = raw(LOUD, title="x")
    assert assert_offsets(report, all_signals(report)) > 10


def test_evidence_round_trips_through_the_clean_map() -> None:
    report = cleaned_report()
    assert report.article.text[report.furniture[1].start : report.furniture[1].end] == "ADVERTISEMENT"
    signals = all_signals(report)
    assert assert_offsets(report, signals) > 10
    # Words after the removed ad map past it, onto the same words in the original.
    worst = [s for s in signals["style.caps_words"].evidence if s.text == "WORST"]
    assert worst and worst[0].start == report.article.text.index("WORST")
    assert signals["style.emotion"].evidence


def test_evidence_round_trips_with_nlp_sentences() -> None:
    report = raw(LOUD)
    report.sentences = [Sentence(s.text, s.start, s.end) for s in style.split_sentences(raw(LOUD))]
    out = style.compute(report)
    assert assert_offsets(report, out)
    given = {(s.text, s.start, s.end) for s in report.sentences}
    assert {(s.text, s.start, s.end) for s in out["style.emotion"].evidence} <= given


# --- furniture --------------------------------------------------------------------


def test_furniture_counts_kinds_and_teasers() -> None:
    report = cleaned_report()
    out = furniture.compute(report)
    assert out["furniture.kinds"].value == 4
    assert out["furniture.kinds"].detail["counts"] == {
        "advertising": 1,
        "comment_form": 1,
        "navigation": 1,
        "share": 1,
    }
    assert out["furniture.ads"].value == out["furniture.comment_form"].value == 1
    assert out["furniture.share_prompts"].value == 1
    assert out["furniture.related"].value == 0
    assert out["furniture.related_teasers"].value == 1
    assert [s.text for s in out["furniture.comment_form"].evidence] == ["Leave a Reply"]


def test_every_furniture_alias_feeds_its_signal() -> None:
    for name, kinds in lexicons.FURNITURE_SIGNALS.items():
        for kind in kinds:
            text = "Body text here. Menu line"
            report = raw(text, clean_text="Body text here.")
            report.clean_map = OffsetMap([(0, 0, 15)])
            report.furniture = [Furniture(kind.replace("_", "-").upper(), "Menu line", 16, 25)]
            out = furniture.compute(report)
            assert out[f"furniture.{name}"].value == 1, (name, kind)
            assert out[f"furniture.{name}"].evidence == [Span("Menu line", 16, 25)]


def test_furniture_without_a_clean_stage_is_unknown() -> None:
    for sig in furniture.compute(raw(SOBER)).values():
        assert sig.value is None
        assert "clean" in sig.detail["reason"]


def test_clean_stage_with_nothing_removed_is_zero_not_unknown() -> None:
    report = raw(SOBER, clean_text=SOBER)
    report.clean_map = OffsetMap.identity(len(SOBER))
    out = furniture.compute(report)
    assert out["furniture.kinds"].value == 0
    assert out["furniture.related_teasers"].value == 0
    assert out["furniture.related_teasers"].evidence == []


def test_furniture_with_bad_offsets_is_skipped_not_fatal() -> None:
    report = raw(SOBER, clean_text=SOBER)
    report.furniture = [Furniture("advertising", "x", 5, 10_000)]
    out = furniture.compute(report)
    assert out["furniture.ads"].value == 0
    assert out["furniture.kinds"].detail["invalid_spans"] == 1


# --- sourcing ------------------------------------------------------------------------


def quoted_report() -> Report:
    report = raw(SOBER)
    text = SOBER
    report.timings["quotes"] = 1.0
    report.quotes = [
        Quote(
            find(text, "the plan would fix about 40 miles of streets over three years"),
            "indirect",
            cue=find(text, "said the plan"),
            speaker="Ana Ruiz",
            speaker_mention=find(text, "Ana Ruiz"),
            speaker_kind="person",
            confidence=0.8,
        ),
        Quote(
            find(text, "We have waited too long for this,"),
            "direct",
            cue=find(text, "said", "this,"),
            speaker="Ana Ruiz",
            speaker_mention=find(text, "Ruiz", "this,"),
            speaker_kind="person",
        ),
        Quote(
            find(text, "will publish a schedule in May"),
            "indirect",
            cue=find(text, "a spokesman said"),
            speaker="a spokesman",
            speaker_mention=find(text, "a spokesman"),
            speaker_kind="anonymous",
            confidence=0.7,
        ),
        Quote(find(text, "according to meeting records"), "indirect", speaker=None, confidence=0.5),
    ]
    return report


def test_sourcing_from_quotes() -> None:
    report = quoted_report()
    out = sourcing.compute(report)
    assert out["sourcing.attributed_share"].value == 1.0  # every sentence holds a quote
    assert out["sourcing.attributed_share"].detail["sentence_source"] == "regex"
    assert out["sourcing.named_sources"].value == 0.5
    assert out["sourcing.anonymous_sources"].value == 0.25
    assert out["sourcing.unattributed_quotes"].value == 0.25
    assert out["sourcing.distinct_speakers"].value == 1
    assert out["sourcing.distinct_speakers"].detail["speakers"] == ["Ana Ruiz"]
    assert [s.text for s in out["sourcing.anonymous_sources"].evidence] == ["a spokesman"]
    assert out["sourcing.vague"].value == 0.0
    assert_offsets(report, out)


def test_sourcing_leaves_out_indirect_attributions_under_the_confidence_line() -> None:
    report = quoted_report()
    # The spokesman's line and the unattributed one fall under the line; the direct quote, whose
    # confidence also doubts its speaker, still counts.
    report.quotes[2].confidence = 0.49
    report.quotes[3].confidence = 0.2
    report.quotes[1].confidence = 0.1
    out = sourcing.compute(report)
    assert out["sourcing.named_sources"].value == 1.0
    assert out["sourcing.named_sources"].detail["quotes"] == 2
    assert out["sourcing.named_sources"].detail["uncounted_indirect"] == 2
    assert out["sourcing.anonymous_sources"].value == 0.0
    assert out["sourcing.unattributed_quotes"].value == 0.0
    assert out["sourcing.attributed_share"].value == 0.5
    # With nothing counted the shares are undefined, and the reason says why.
    report.quotes[0].confidence = 0.3
    report.quotes = [report.quotes[0], report.quotes[2], report.quotes[3]]
    out = sourcing.compute(report)
    assert out["sourcing.named_sources"].value is None
    assert "3 indirect attributions under confidence 0.5" in out["sourcing.named_sources"].detail["reason"]
    assert out["sourcing.attributed_share"].value == 0.0


def test_attributed_share_counts_sentences_without_quotes() -> None:
    report = quoted_report()
    report.quotes = report.quotes[1:2]  # only the direct quote in sentence 3 of 4
    report.sentences = style.split_sentences(raw(SOBER))
    out = sourcing.compute(report)["sourcing.attributed_share"]
    assert out.value == 0.25
    assert out.detail["sentence_source"] == "nlp"
    assert [s.text for s in out.evidence] == ['"We have waited too long for this," Ruiz said.']


def vague_report(text: str, content: str, cue: str, speaker: str, confidence: float) -> tuple[Report, Quote]:
    """A report of ``text`` whose quotes stage found one vague indirect attribution."""
    report = raw(text)
    report.timings["quotes"] = 1.0
    quote = Quote(
        find(text, content),
        "indirect",
        cue=find(text, cue),
        speaker=speaker,
        speaker_mention=find(text, speaker),
        speaker_kind="anonymous",
        vague=True,
        confidence=confidence,
    )
    report.quotes = [quote]
    return report, quote


def test_vague_counts_phrases_and_vague_quotes_once() -> None:
    text = "Sources say the mayor will resign. Some experts warn of chaos. People are saying it is over."
    report, _ = vague_report(text, "the mayor will resign", "say", "Sources", 0.9)
    out = sourcing.compute(report)["sourcing.vague"]
    assert [s.text for s in out.evidence] == ["Sources say", "Some experts warn", "People are saying"]
    assert out.detail["vague_quotes"] == 0  # its attribution is the "Sources say" phrase
    assert out.value == pytest.approx(100 * 3 / out.detail["words"], abs=1e-3)
    assert "partial" not in out.detail


def test_vague_quote_counts_only_over_the_confidence_line() -> None:
    text = "The mayor will resign within the week, a well-placed figure hinted on Monday."
    report, quote = vague_report(text, "The mayor will resign within the week", "hinted", "a well-placed figure", 0.8)
    out = sourcing.compute(report)["sourcing.vague"]
    assert out.detail["phrases"] == 0 and out.detail["vague_quotes"] == 1
    assert [s.text for s in out.evidence] == ["a well-placed figure"]
    quote.confidence = 0.3
    out = sourcing.compute(report)["sourcing.vague"]
    assert out.detail["vague_quotes"] == 0 and out.value == 0.0


def test_sourcing_without_a_quotes_stage_is_unknown_not_zero() -> None:
    out = sourcing.compute(raw(LOUD))
    for name in (
        "attributed_share",
        "named_sources",
        "anonymous_sources",
        "distinct_speakers",
        "unattributed_quotes",
    ):
        assert out[f"sourcing.{name}"].value is None, name
        assert "quotes" in out[f"sourcing.{name}"].detail["reason"]
    # Vague phrases are still read from the text, and flagged as a partial count.
    assert out["sourcing.vague"].value > 0  # type: ignore[operator]
    assert out["sourcing.vague"].detail["partial"] is True


def test_dates_are_date_mentions_per_100_words_with_their_spans() -> None:
    report = raw(SOBER)
    report.timings["entities"] = 1.0
    report.entities = [
        Entity("Tuesday", "DATE", [find(SOBER, "Tuesday")]),
        Entity("three years", "DATE", [find(SOBER, "three years")]),
        Entity("May", "DATE", [find(SOBER, "May")]),
        Entity("Ana Ruiz", "PERSON", [find(SOBER, "Ana Ruiz"), find(SOBER, "Ruiz", "this,")]),
    ]
    out = sourcing.compute(report)["sourcing.dates"]
    assert out.detail["count"] == 3  # the person is no date
    assert out.value == pytest.approx(100 * 3 / out.detail["words"], abs=1e-3)
    assert [s.text for s in out.evidence] == ["Tuesday", "three years", "May"]
    assert_offsets(report, {"sourcing.dates": out})


def test_dates_are_unknown_without_an_entities_stage_and_zero_when_it_found_none() -> None:
    out = sourcing.compute(raw(SOBER))["sourcing.dates"]
    assert out.value is None and "entities" in out.detail["reason"]
    german = raw("Der Stadtrat hat am Dienstag den Haushalt beschlossen.", language="de")
    german.timings["entities"] = 1.0
    out = sourcing.compute(german)["sourcing.dates"]
    assert out.value is None and "'de'" in out.detail["reason"]
    report = raw(SOBER)
    report.timings["entities"] = 1.0
    assert sourcing.compute(report)["sourcing.dates"].value == 0.0


def test_quotes_stage_that_failed_or_was_skipped_is_unknown() -> None:
    for warning in ("stage 'quotes' failed: RuntimeError: boom", "stage 'quotes' skipped: no parse"):
        report = raw(SOBER)
        report.timings["quotes"] = 1.0
        report.warn(warning)
        assert sourcing.compute(report)["sourcing.attributed_share"].value is None


def test_quotes_stage_that_found_nothing_gives_zeros_and_undefined_shares() -> None:
    report = raw(SOBER)
    report.timings["quotes"] = 1.0
    out = sourcing.compute(report)
    assert out["sourcing.attributed_share"].value == 0.0
    assert out["sourcing.distinct_speakers"].value == 0
    assert out["sourcing.named_sources"].value is None
    assert "no quotes" in out["sourcing.named_sources"].detail["reason"]


# --- missing or odd input ---------------------------------------------------------------


def test_empty_body_gives_reasons_not_crashes() -> None:
    for report in (raw(""), raw("   \n "), raw("!!! ... ---", title="Only a title")):
        out = all_signals(report)
        assert out["style.emotion"].value is None
        assert out["style.emotion"].detail["reason"]
    assert style.compute(raw("", title="Only a title"))["style.title_caps"].value == 0.0


def test_clean_stage_that_left_nothing() -> None:
    report = raw("Leave a Reply", clean_text="")
    report.timings["clean"] = 1.0
    report.furniture = [Furniture("comment_form", "Leave a Reply", 0, 13)]
    out = all_signals(report)
    assert out["style.hedges"].value is None
    assert "clean stage left no" in out["style.hedges"].detail["reason"]
    assert out["furniture.comment_form"].value == 1


def test_no_title_and_foreign_language() -> None:
    out = style.compute(raw(SOBER))
    assert out["style.title_exclaim"].value is None
    assert out["style.title_exclaim"].detail["reason"] == "the article has no title"
    foreign = raw("Der Stadtrat hat gestern den Haushalt beschlossen.", title="Haushalt")
    foreign.language = "de"
    assert all(sig.value is None for sig in style.compute(foreign).values())
    assert sourcing.compute(foreign)["sourcing.named_sources"].value is None


def test_non_ascii_text_keeps_offsets() -> None:
    text = "İstanbul’s mayor said: “We are closed!” — the café owners were FURIOUS… Experts warn of chaos."
    report = raw(text)
    out = all_signals(report)
    assert_offsets(report, out)
    assert [s.text for s in out["style.caps_words"].evidence] == ["FURIOUS"]
    assert out["style.exclamations"].value == 0.0 and out["style.exclamations"].detail["in_quotes"] == 1
    assert [s.text for s in out["sourcing.vague"].evidence] == ["Experts warn"]


# --- the tables ---------------------------------------------------------------------------


WORD_TABLES = {
    "sensational": lexicons.SENSATIONAL_WORDS,
    "superlatives": lexicons.SUPERLATIVE_WORDS,
    "hedges": lexicons.HEDGE_WORDS,
    "first_person": lexicons.FIRST_PERSON_WORDS,
    "second_person": lexicons.SECOND_PERSON_WORDS,
}


def test_every_table_word_is_one_lowercase_token() -> None:
    folder = style.default_resources().folder
    for name, words in {**WORD_TABLES, "shout": lexicons.SHORT_SHOUT_WORDS}.items():
        for word in words:
            assert folder.fold(word).split() == [word], (name, word)


@pytest.mark.parametrize("name", sorted(WORD_TABLES))
def test_every_table_word_is_counted(name: str) -> None:
    for word in sorted(WORD_TABLES[name]):
        out = style.compute(raw(f"Officials called {word} on Tuesday."))
        assert out[f"style.{name}"].detail["count"] == 1, word


@pytest.mark.parametrize(
    ("name", "table"), [("hedges", lexicons.HEDGE_PHRASES), ("superlatives", lexicons.SUPERLATIVE_PHRASES)]
)
def test_every_style_phrase_matches_its_example(name: str, table: tuple[tuple[str, str], ...]) -> None:
    for pattern, example in table:
        out = style.compute(raw(f"Officials said {example}."))
        texts = [s.text.lower() for s in out[f"style.{name}"].evidence]
        slots = len(pattern.split())
        assert any(t in example.lower() and len(t.split()) == slots for t in texts), (pattern, example, texts)


def test_every_vague_pattern_matches_its_example() -> None:
    for pattern, example in lexicons.VAGUE_SOURCE_PATTERNS:
        out = sourcing.compute(raw(f"Yesterday {example} that the plan failed."))["sourcing.vague"]
        assert [s.text for s in out.evidence] == [example], pattern


def test_reportedly_alone_is_vague_sourcing_and_allegedly_is_not() -> None:
    out = sourcing.compute(raw("The harbour master reportedly resigned last week. The dock stays shut."))
    vague = out["sourcing.vague"]
    assert vague.detail["count"] == 1 and [s.text for s in vague.evidence] == ["reportedly"]
    out = sourcing.compute(raw("The driver allegedly hit two parked cars. The road stays shut."))
    assert out["sourcing.vague"].detail["count"] == 0


def test_known_acronyms_are_never_shouting_and_words_are() -> None:
    for acronym in sorted(lexicons.KNOWN_ACRONYMS):
        out = style.compute(raw(f"Officials at {acronym} spoke on Tuesday."))
        assert out["style.caps_words"].detail["count"] == 0, acronym
    for word in sorted(lexicons.SHORT_SHOUT_WORDS):
        out = style.compute(raw(f"Officials said {word.upper()} on Tuesday."))
        assert out["style.caps_words"].detail["count"] == 1, word


def test_phrase_set_prefers_the_longest_match() -> None:
    phrases = style.PhraseSet.build((("vague", lexicons.VAGUE_SOURCE_PATTERNS),))
    assert phrases.find_all(["unnamed", "sources", "said", "it"]) == [(0, 2, "vague")]


def test_quoted_passages_are_the_ones_the_quoted_pattern_finds() -> None:
    # The str.find scan stands in for QUOTED.finditer: same spans, including the length cap,
    # an empty pair, a straight pair broken by a line and openers left unclosed.
    rng = random.Random(7)
    pieces = ["\u201c", "\u201d", '"', "\n", "a", "b c", "x" * 1500, "y" * 2999]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(3000)]
    for n in (2999, 3000, 3001):
        texts += [f"{o}{'a' * n}{c} {o}b{c}" for o, c in (("\u201c", "\u201d"), ('"', '"'))]
    for text in texts:
        assert style._find_quoted(text) == [m.span() for m in style.QUOTED.finditer(text)], repr(text[:80])
