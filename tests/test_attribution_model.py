"""The learned attribution model: its file format, its candidates, its training helpers, and what it adds to quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsift.errors import ModelUnavailableError
from newsift.nlp.attribution_model import (
    FORMAT,
    FORMAT_VERSION,
    AttributionModel,
    default_model_path,
    load_attribution_model,
)
from newsift.nlp.quotemarks import find_quoted_spans, is_scare_quote
from newsift.nlp.train_attribution import _fit_pairwise, _fit_ranker, load_split, overlap, parse_ann
from newsift.report import Quote, Report


# -- file format ------------------------------------------------------------------
def test_shipped_model_loads_and_is_plain_json() -> None:
    path = default_model_path()
    assert path.is_file(), "the attribution model ships in the package"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["format_version"] == FORMAT_VERSION
    model = load_attribution_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert len(model.cue_weights) > 1000 and len(model.span_weights) > 100
    assert model.meta["seed"] == 0 and model.meta["articles"] > 0


def test_round_trip_keeps_weights() -> None:
    model = AttributionModel({"bias": -1.0, "l=say": 3.5}, {"k=ch:ccomp": 2.0}, 0.4, {"seed": 0}, frozenset({"say"}))
    again = AttributionModel.from_json(model.to_json())
    assert again == model


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        json.dumps({"format": "something-else", "format_version": FORMAT_VERSION}),
        json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION + 1}),
        json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "threshold": 0.5}),
    ],
)
def test_unreadable_model_raises_typed_error_with_hint(text: str) -> None:
    with pytest.raises(ModelUnavailableError) as err:
        AttributionModel.from_json(text, "bad.json")
    assert "bad.json" in str(err.value)
    assert "train_attribution" in str(err.value)


def test_missing_model_file_means_rules_only(tmp_path: Path) -> None:
    assert load_attribution_model(tmp_path / "absent.json") is None


# -- training helpers -----------------------------------------------------------------
def test_ranker_learns_to_put_the_target_first() -> None:
    # Two kinds of stretch; the clause is always right, the object never.
    groups = [([["k=object", "n=1"], ["k=clause", "n=2"]], 1), ([["k=clause", "n=1"], ["k=object", "n=3"]], 0)] * 5
    weights = _fit_ranker(groups, epochs=3, seed=0)
    assert weights.get("k=clause", 0.0) > weights.get("k=object", 0.0)


def test_pairwise_ranker_learns_to_put_the_target_first() -> None:
    groups = [([["k=object", "n=1"], ["k=clause", "n=2"]], 1), ([["k=clause", "n=1"], ["k=object", "n=3"]], 0)] * 5
    weights = _fit_pairwise(groups, c=1.0, seed=0)
    assert weights.get("k=clause", 0.0) > weights.get("k=object", 0.0)
    # Features both rivals share cancel out: they say nothing about which one wins.
    assert "bias" not in weights


def test_overlap_is_shared_share_of_the_longer_span() -> None:
    assert overlap(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == 0.5
    assert overlap(frozenset(), frozenset({1})) == 0.0


def test_parse_ann_reads_brat_relations(tmp_path: Path) -> None:
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 4\tMary\nT2\tCue 5 9\tsaid\nT3\tContent 10 20;25 30\tit rained\n"
        "T4\tAttribution 0 30\tx\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "E2\tAttribution:T4 Cue:T2\n",
        encoding="utf-8",
    )
    (rel,) = parse_ann(ann)
    assert rel.content == ((10, 20), (25, 30))
    assert rel.cue == ((5, 9),) and rel.source == ((0, 4),)


def test_training_refuses_the_held_back_split(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="held back"):
        load_split(tmp_path, "test")


def _brat(content: tuple[int, int]) -> str:
    return f"T1\tContent {content[0]} {content[1]}\tx\nT2\tAttribution 0 1\tx\nE1\tAttribution:T2 Content:T1\n"


def test_every_annotator_file_is_one_copy_of_its_article(tmp_path: Path) -> None:
    base = tmp_path / "data" / "train"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    for name, text in (("a-story", "Mary said it rained all day."), ("b-story", "Tom said the road is shut.")):
        (base / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    # Two people annotated a-story, and read its content differently; one annotated b-story.
    (base / "attributions" / "a-story_ann2.ann").write_text(_brat((10, 27)), encoding="utf-8")
    (base / "attributions" / "a-story_ann1.ann").write_text(_brat((10, 20)), encoding="utf-8")
    (base / "attributions" / "b-story_ann3.ann").write_text(_brat((9, 26)), encoding="utf-8")

    first = load_split(tmp_path, "train")
    assert [(a.name, a.gold[0].content) for a in first] == [("a-story", ((10, 20),)), ("b-story", ((9, 26),))]

    every = load_split(tmp_path, "train", every_annotator=True)
    assert [(a.name, a.gold[0].content) for a in every] == [
        ("a-story", ((10, 20),)),
        ("a-story", ((10, 27),)),
        ("b-story", ((9, 26),)),
    ]
    assert every[0].text == every[1].text == "Mary said it rained all day."


# -- two-apostrophe quotation marks ------------------------------------------------------
def test_two_apostrophes_read_as_one_quotation_mark() -> None:
    text = "''We will not back down,'' the senator said. ''Never.'' It is a long ''story'' here."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans][:2] == ["''We will not back down,''", "''Never.''"]
    assert spans[0].inner(text) == "We will not back down,"
    assert not is_scare_quote(text, spans[0])
    assert is_scare_quote(text, spans[2])  # ''story'' is a term, not a quote


def test_text_without_double_apostrophes_is_unchanged() -> None:
    text = "He said \u201cwe are ready\u201d and left. It's Tom's."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and spans[0].mark_len == 1


# -- through the pipeline (needs the spaCy model) ------------------------------------------------
def _quote_with(report: Report, fragment: str) -> Quote:
    found = [q for q in report.quotes if fragment in q.content.text]
    assert found, f"no quote holds {fragment!r}: {[q.content.text for q in report.quotes]}"
    return found[0]


def _run(stages, text: str):  # type: ignore[no-untyped-def]
    from newsift.report import Article, Report

    report = Report(article=Article(id="t", text=text))
    for stage in stages:
        stage(report)
    return report


def test_quotes_stage_uses_the_shipped_model(stages) -> None:  # type: ignore[no-untyped-def]
    assert stages[1].extractor.model is not None


def _candidates_of(stages, text: str, cue: str) -> set[str]:  # type: ignore[no-untyped-def]
    from newsift.nlp.attribution_model import TokenTable, content_candidates

    doc = stages[0].nlp(text)
    head = next(t for t in doc if t.text == cue)
    return {doc[c.lo : c.hi].text for c in content_candidates(TokenTable(doc), head.i, 0, len(doc))}


def test_candidates_include_the_reported_clause(stages) -> None:  # type: ignore[no-untyped-def]
    assert "the bridge would reopen in May" in _candidates_of(
        stages, "Officials said the bridge would reopen in May.", "said"
    )


def test_candidates_run_on_through_an_object_to_its_preposition(stages) -> None:  # type: ignore[no-untyped-def]
    assert "a higher minimum wage" in _candidates_of(
        stages, "The governor has made the case for a higher minimum wage.", "made"
    )


@pytest.mark.parametrize(
    ("text", "cue", "hearer"),
    [
        (
            "Family units will not be prosecuted, two officials confirmed to the Daily Ledger.",
            "confirmed",
            "to the Daily Ledger",
        ),
        ("The deal is off, a source explained to Channel 9 News.", "explained", "to Channel 9 News"),
        ("The vote was rigged, he said to them.", "said", "to them"),
    ],
)
def test_the_one_told_after_to_is_no_candidate_for_what_was_said(  # type: ignore[no-untyped-def]
    stages, text: str, cue: str, hearer: str
) -> None:
    spans = _candidates_of(stages, text, cue)
    assert not [s for s in spans if s in hearer], spans
    assert text.split(",")[0] in spans
    report = _run(stages, text)
    assert not any(q.content.text in hearer for q in report.quotes), [q.content.text for q in report.quotes]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # "to" after a verb that is not only speech, or before no name: what the cue is about.
        ("The senator objected to the Pentagon budget.", "objected", "the Pentagon budget"),
        ("Ms. Reyes admitted to the affair.", "admitted", "the affair"),
        ("He referred to Senator Ortiz.", "referred", "Senator Ortiz"),
        # A speech verb's "to" before no name or pronoun: "no to" what was refused.
        ("She said no to the new tax.", "said", "the new tax"),
    ],
)
def test_a_to_that_names_no_hearer_stays_a_candidate(stages, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert content in _candidates_of(stages, text, cue)


def test_a_hearer_with_a_relative_clause_is_still_the_hearer(stages) -> None:  # type: ignore[no-untyped-def]
    spans = _candidates_of(stages, "He wrote to Lee, who runs the fund, about the loss.", "wrote")
    assert "Lee, who runs the fund" not in spans
    assert "the loss" in spans


# word, head, dependency, part of speech, lemma
ParseRow = tuple[str, int, str, str, str]


def _candidates_of_parse(rows: list[ParseRow], cue: int) -> list[tuple[str, int, int]]:
    """Each content candidate (kind, first token, end) of token ``cue`` in a parse built by hand,
    as the small model parses a sentence now and then."""
    import spacy
    from spacy.tokens import Doc

    from newsift.nlp.attribution_model import TokenTable, content_candidates

    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    return [(c.kind, c.lo, c.hi) for c in content_candidates(TokenTable(doc), cue, 0, len(doc))]


def test_a_hearer_the_parse_hung_what_was_said_on_stays_a_candidate() -> None:
    """'He insisted to Lee that taxes stay private', parsed with the that-clause under "Lee", as
    the small model sometimes does: a stretch with a verb is kept, or nothing said is left."""
    rows = [
        ("He", 1, "nsubj", "PRON", "he"),
        ("insisted", 1, "ROOT", "VERB", "insist"),
        ("to", 1, "prep", "ADP", "to"),
        ("Lee", 2, "pobj", "PROPN", "Lee"),
        ("that", 6, "mark", "SCONJ", "that"),
        ("taxes", 6, "nsubj", "NOUN", "tax"),
        ("stay", 3, "ccomp", "VERB", "stay"),
        ("private", 6, "acomp", "ADJ", "private"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    spans = {(lo, hi) for _, lo, hi in _candidates_of_parse(rows, 1)}
    assert (3, 8) in spans  # "Lee that taxes stay private"


def test_content_features_see_another_cue_inside_the_stretch(stages) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.attribution_model import Candidate, TokenTable, candidate_features, prefix_counts

    doc = stages[0].nlp("Smith said the plan failed, and Jones warned that costs would rise.")
    table = TokenTable(doc)
    said = next(t for t in doc if t.text == "said")
    warned = next(t for t in doc if t.text == "warned")
    marks = [t.i in {said.i, warned.i} for t in doc]
    quotes = prefix_counts([False] * len(doc))
    cues = prefix_counts(marks)
    end = said.sent.end
    long_ = candidate_features(table, said.i, Candidate("after", said.i + 1, len(doc) - 1), quotes, cues, sent_end=end)
    short = candidate_features(table, said.i, Candidate("ch:ccomp", said.i + 1, said.i + 5), quotes, cues, sent_end=end)
    assert "oc=1" in long_ and "oc=0" in short
    # Without the document's cues the features are those of the model's first version.
    assert not any(
        f.startswith("oc=") for f in candidate_features(table, said.i, Candidate("after", 2, 5), quotes, sent_end=end)
    )


def test_model_finds_indirect_speech_with_its_clause(stages) -> None:  # type: ignore[no-untyped-def]
    report = _run(stages, "The mayor of Springfield, Linda Park, said the bridge would reopen in May.")
    found = [q for q in report.quotes if "reopen in May" in q.content.text]
    assert found, [q.content.text for q in report.quotes]
    q = found[0]
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "said"
    assert "Linda Park" not in q.content.text


def test_quote_signed_with_a_dash_takes_the_name_after_it(stages) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Readers sent us their views.\n\n"
        "\u201cThe debate changed my mind about the whole election this year.\u201d \u2015 Maria Lopez\n\n"
        "\u201cI will vote early, and I will bring my neighbours with me.\u201d \u2015 Sam Ortiz\n\n"
        # The tokenizer glues a closing mark to a dash that follows it with no space.
        "\u201cHe does not answer to anyone and respects no one at all.\u201d\u2015 Dana Ruiz\n"
    )
    report = _run(stages, text)
    first = _quote_with(report, "changed my mind")
    second = _quote_with(report, "vote early")
    glued = _quote_with(report, "respects no one")
    assert first.speaker_mention is not None and "Lopez" in first.speaker_mention.text
    assert second.speaker_mention is not None and "Ortiz" in second.speaker_mention.text
    assert glued.speaker == "Dana Ruiz" and glued.cue is not None and glued.cue.text == "\u2015"


def test_a_dash_signs_a_quote_with_a_possessive_name_and_the_signer_phrase_stops_at_the_dash(stages) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The stalls were busy.\n\n\u201cThe market closes at noon on Sundays now\u201d \u2014 STALL OWNER\u2019S SON\n"
    )
    # The parse hangs the quote on the signer, whose phrase still starts after the dash.
    assert _quote_with(_run(stages, text), "closes at noon").speaker == "STALL OWNER\u2019S SON"
    inline = (
        "Nobody would give her name. \u201cThe clerk said my order was too political for the store\u201d \u2014 "
        "TRAIN CONDUCTOR\u2019S DAUGHTER \u201cI only wanted to thank my father for his years of work.\u201d"
    )
    # The tagger runs the proper nouns on to the possessive: the one who signs is the daughter, not "\u2019S".
    assert _quote_with(_run(stages, inline), "too political").speaker == "TRAIN CONDUCTOR\u2019S DAUGHTER"


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker(stages) -> None:  # type: ignore[no-untyped-def]
    text = "The plan was backed by Senator Tom Reyes, who said the state would pay for the new school buildings."
    report = _run(stages, text)
    q = _quote_with(report, "pay for the new school")
    assert q.speaker == "Tom Reyes"
    assert q.speaker_mention is not None and q.speaker_mention.text == "who"


def test_speaker_tag_after_a_question_is_not_indirect_speech(stages) -> None:  # type: ignore[no-untyped-def]
    # A quote that ends in "?" ends its sentence, so the tag after it parses as a sentence
    # of its own; the model must not report that tag as what was said.
    text = (
        "Council members Ana Ruiz and Sam Ortiz questioned the water board on Tuesday.\n\n"
        "\u201cThe pipes have been failing for a decade,\u201d Ruiz said.\n\n"
        "\u201cWho will pay for the damage this time?\u201d Ortiz demanded.\n\n"
        "\u201cWe all knew this would happen one day?\u201d Ruiz said, looking out at the crowd.\n"
    )
    report = _run(stages, text)
    _assert_tag_serves_the_quote(report, "demanded", "Who will pay", "Sam Ortiz", "demanded")
    assert not [q for q in report.quotes if "looking out" in q.content.text]
    knew = _quote_with(report, "We all knew")
    assert knew.speaker_mention is not None and knew.speaker_mention.text == "Ruiz"


def test_inverted_speaker_tag_is_not_what_was_said(stages) -> None:  # type: ignore[no-untyped-def]
    # The parse ends a sentence inside the quote, so "said Maria Gomez, a ..." reads like a
    # verb reporting the words after it; those words are the speaker, and the cue serves the quote.
    text = (
        "Some say the city is worried about its budget.\n\n"
        "\u201cThe board is in crisis mode. Full crisis mode,\u201d said Maria Gomez, a Denver-based member "
        "of the Regional Transit Riders Union.\n\nThe vote is next week.\n"
    )
    _assert_tag_serves_the_quote(_run(stages, text), "Maria Gomez", "crisis mode", "Maria Gomez", "said")


def _assert_tag_serves_the_quote(report: Report, tag: str, fragment: str, speaker: str, cue: str) -> None:
    """No attribution reports the speaker tag (``tag``) as what was said; its cue serves the quote."""
    assert not [q for q in report.quotes if tag in q.content.text], [q.content.text for q in report.quotes]
    q = _quote_with(report, fragment)
    assert q.speaker == speaker and q.cue is not None and q.cue.text == cue


# -- bounded work on hostile parses ------------------------------------------------
def test_stretch_root_climbs_a_bounded_number_of_levels() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsift.nlp import attribution_model as am

    # A chain 1,000 levels deep, each word headed by the next: what "..., he said, ..." repeated
    # a thousand times parses as.  Walking it for every stretch of every cue was quadratic.
    n = 1000
    deep = Doc(
        Vocab(), words=["w"] * n, heads=[i + 1 for i in range(n - 1)] + [n - 1], deps=["dep"] * (n - 1) + ["ROOT"]
    )
    assert am.stretch_root(am.TokenTable(deep), 0, n) == am._MAX_CLIMB
    assert am.stretch_root(am.TokenTable(deep), n - 5, n) == n - 1
    # A shallow tree: the stretch's own root, as before.
    words = ["The", "plan", "will", "fail", "badly"]
    flat = Doc(Vocab(), words=words, heads=[1, 3, 3, 3, 3], deps=["det", "nsubj", "aux", "ROOT", "advmod"])
    assert am.stretch_root(am.TokenTable(flat), 0, 5) == 3
    assert am.stretch_root(am.TokenTable(flat), 0, 2) == 1


def test_modifier_cuts_take_the_nearest_modifiers_on_the_stretch_s_side_only() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsift.nlp import attribution_model as am

    # One root (word 5) with five modifiers on each side, as a run-on page hangs them.
    deps = ["advmod", "npadvmod", "advcl", "prep", "conj", "ROOT", "advcl", "prep", "punct", "conj", "relcl"]
    doc = Doc(Vocab(), words=[f"w{i}" for i in range(11)], heads=[5] * 11, deps=deps)
    table = am.TokenTable(doc)
    # Right of the cue: the stretch ends before each right-hand modifier, the nearest first, at most four.
    assert am._modifier_cuts(table, 5, 11, right=True) == [
        ("advcl", 5, 6),
        ("prep", 5, 7),
        ("punct", 5, 8),
        ("conj", 5, 9),
    ]
    # Left of the cue: it starts after each left-hand modifier, the nearest first.
    assert am._modifier_cuts(table, 0, 6, right=False) == [
        ("conj", 5, 6),
        ("prep", 4, 6),
        ("advcl", 3, 6),
        ("npadvmod", 2, 6),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said the bridge will reopen in May, which surprised commuters.", "the bridge will reopen in May"),
        (
            "Officials said the plant would close in June, ending two hundred jobs at the site.",
            "the plant would close in June",
        ),
        ("Analysts expect the company to raise prices, which would hurt small buyers.", "the company to raise prices"),
    ],
)
def test_the_writer_s_aside_after_a_comma_is_no_part_of_what_was_said(stages, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.content.text for q in _run(stages, text).quotes] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # No comma: the clause says which firms are meant.
        (
            "The union said it would fine the firms that broke the rules.",
            "it would fine the firms that broke the rules",
        ),
        # A clause in quotation marks is the speaker's words, not the writer's aside.
        (
            'She said the plan was a mistake, "which we will fix soon."',
            'the plan was a mistake, "which we will fix soon."',
        ),
    ],
)
def test_a_clause_that_is_no_aside_stays_in_the_content(stages, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.content.text for q in _run(stages, text).quotes] == [content]


def test_copies_of_an_article_share_one_parse_and_the_cache(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    from newsift.nlp.train_attribution import Article, parse_articles

    a = Article("a-story", "Mary said it rained all day.", [])
    b = Article("b-story", "Tom said the road is shut.", [])
    once = parse_articles([a, b], None, tmp_path)
    twice = parse_articles([a, a, b], None, tmp_path)
    # One cache file: the copy adds no text to the key, and it is read back, not parsed again.
    assert len(list(tmp_path.glob("polnear-*.spacy"))) == 1
    assert [d.text for d in twice] == [a.text, a.text, b.text]
    assert twice[0] is twice[1] and twice[0] is not twice[2]
    assert [t.dep_ for t in twice[2]] == [t.dep_ for t in once[1]]


def _run_on_parse(stop: str):  # type: ignore[no-untyped-def]
    """A quote tag whose line ends on ``stop``, and a parse that runs its sentence on over the blank
    line after it into the next paragraph, as the small model does ('..., Ms. Whitfield said.\n\n
    Greenline plans ...' under one root): a hand-set parse, so the test does not hang on the model."""
    import spacy
    from spacy.tokens import Doc

    # word, space after, head, dependency, part of speech, tag, lemma
    rows = [
        ("An", True, 1, "det", "DET", "DT", "an"),
        ("acre", True, 5, "nsubj", "NOUN", "NN", "acre"),
        ("of", True, 1, "prep", "ADP", "IN", "of"),
        ("trees", True, 2, "pobj", "NOUN", "NNS", "tree"),
        ("can", True, 5, "aux", "AUX", "MD", "can"),
        ("store", True, 10, "ccomp", "VERB", "VB", "store"),
        ("carbon", False, 5, "dobj", "NOUN", "NN", "carbon"),
        (",", True, 10, "punct", "PUNCT", ",", ","),
        ("Ms.", True, 9, "compound", "PROPN", "NNP", "Ms."),
        ("Whitfield", True, 10, "nsubj", "PROPN", "NNP", "Whitfield"),
        ("said", False, 10, "ROOT", "VERB", "VBD", "say"),
        (stop, False, 10, "punct", "PUNCT", ".", stop),
        ("\n\n", False, 11, "dep", "SPACE", "_SP", "\n\n"),
        ("Greenline", True, 14, "nsubj", "PROPN", "NNP", "Greenline"),
        ("plans", True, 10, "ccomp", "VERB", "VBZ", "plan"),
        ("to", True, 16, "aux", "PART", "TO", "to"),
        ("plant", True, 14, "xcomp", "VERB", "VB", "plant"),
        ("trees", False, 16, "dobj", "NOUN", "NNS", "tree"),
        (".", False, 10, "punct", "PUNCT", ".", "."),
    ]
    words, spaces, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
    )


def test_a_tag_reports_nothing_after_its_lines_full_stop_when_the_parse_runs_on() -> None:
    # The ranker had taken the next paragraph's clause, which the quotes stage then cut off as
    # another line: the tag had reported nothing, and the sentence before it went unattributed.
    doc = _run_on_parse(".")
    model = load_attribution_model()
    assert model is not None
    said = next(c for c in model.predict(doc, []) if doc[c.token].text == "said")
    assert said.content is not None
    assert doc[said.content[0] : said.content[1]].text == "An acre of trees can store carbon"


def test_a_line_that_ends_on_a_colon_may_introduce_what_follows_it() -> None:
    from newsift.nlp import attribution_model as am

    # 'Trump said:\n\n"..."': the paragraph after the colon is what the tag reports.
    colon, stop = _run_on_parse(":"), _run_on_parse(".")
    assert am._line_of(am.TokenTable(colon), 10, [12]) is None
    assert am._line_of(am.TokenTable(stop), 10, [12]) == (0, 12)


def test_a_predicate_coordinated_with_the_cue_is_no_part_of_what_it_reports() -> None:
    """'The senator promised lower taxes, but he attacked rivals': "attacked" is the cue's conjunct;
    the stretches built from the cue's own dependents stop before it."""
    rows = [
        ("The", 1, "det", "DET", "the"),
        ("senator", 2, "nsubj", "NOUN", "senator"),
        ("promised", 2, "ROOT", "VERB", "promise"),
        ("lower", 4, "amod", "ADJ", "low"),
        ("taxes", 2, "dobj", "NOUN", "tax"),
        (",", 2, "punct", "PUNCT", ","),
        ("but", 2, "cc", "CCONJ", "but"),
        ("he", 8, "nsubj", "PRON", "he"),
        ("attacked", 2, "conj", "VERB", "attack"),
        ("rivals", 8, "dobj", "NOUN", "rival"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    found = {kind: (lo, hi) for kind, lo, hi in _candidates_of_parse(rows, 2)}
    assert (3, 5) in found.values()  # "lower taxes"
    # Only the stretches that take the whole sentence, or all of it after the cue, still reach
    # the conjunct: one stretch among the others, for the ranker to weigh.
    reaching = {kind for kind, (lo, hi) in found.items() if lo <= 8 < hi}
    assert reaching <= {"self", "after", "sent-right"}, found
