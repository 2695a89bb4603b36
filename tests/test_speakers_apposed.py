"""Speaker rules on hand-built parses (the shapes the small parser makes): which words count as a role's
apposition, how a capitalised common noun is read, and who a tag verb the parse left with no subject
reports."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsift.nlp.quotes import _describes_subject, _subject
from newsift.nlp.speakers import _apposed, _joined_end, _noun_lemma

# The coarse part of speech of each fine tag these parses use (a blank pipeline maps none).
_POS = {
    "DT": "DET",
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VBD": "VERB",
    "VBZ": "VERB",
    "VBN": "VERB",
    "VBG": "VERB",
}


def _parse(
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str] | None = None,
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
) -> Doc:
    # A blank English vocabulary: a bare one has no lower-case forms to read.
    pos = [_POS.get(t, "X") for t in tags] if tags is not None else None
    return Doc(
        spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents, tags=tags, pos=pos, lemmas=lemmas
    )


def test_a_comma_conjunct_with_no_and_or_or_is_an_apposition() -> None:
    # "the chairman of the committee , Jason Chaffetz , said": the parse made the name a conjunct.
    words = ["the", "chairman", "of", "the", "committee", ",", "Jason", "Chaffetz", ",", "said"]
    heads = [1, 9, 1, 4, 2, 1, 7, 1, 1, 9]
    deps = ["det", "nsubj", "prep", "det", "pobj", "punct", "compound", "conj", "punct", "ROOT"]
    doc = _parse(words, heads, deps)
    assert [(t.text, only_people) for t, only_people in _apposed(doc[1])] == [("Chaffetz", True)]


def test_a_listed_conjunct_is_another_speaker_not_an_apposition() -> None:
    # "the mayor and Sam Ortiz said": two people speak.
    words = ["the", "mayor", "and", "Sam", "Ortiz", "said"]
    doc = _parse(words, [1, 5, 1, 4, 1, 5], ["det", "nsubj", "cc", "compound", "conj", "ROOT"])
    assert list(_apposed(doc[1])) == []


def test_a_name_apposed_to_the_role_s_place_counts_only_as_a_person() -> None:
    # "the president of Ukraine , Poroshenko , said": the name hangs on the place.
    words = ["the", "president", "of", "Ukraine", ",", "Poroshenko", ",", "said"]
    heads = [1, 7, 1, 2, 3, 3, 1, 7]
    deps = ["det", "nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT"]
    doc = _parse(words, heads, deps, ["O", "O", "O", "B-GPE", "O", "B-PERSON", "O", "O"])
    assert [(t.text, only_people) for t, only_people in _apposed(doc[1])] == [("Poroshenko", True)]
    # A role's object that is no place or body ("a lawyer for the senator , Ann Ruiz") yields nothing.
    untyped = _parse(words, heads, deps)
    assert list(_apposed(untyped[1])) == []


def test_a_capitalised_plural_the_tagger_took_for_a_name_is_read_as_its_common_noun() -> None:
    # "Attorneys for Dana Ortiz said": tagged NNP, and a proper noun's plural keeps its form as lemma.
    words = ["Attorneys", "for", "Dana", "Ortiz", "said"]
    doc = _parse(
        words, [4, 0, 3, 1, 4], ["nsubj", "prep", "compound", "pobj", "ROOT"], tags=["NNP", "IN", "NNP", "NNP", "VBD"]
    )
    assert _noun_lemma(doc[0]) == "attorney"
    # Where a name runs into it ("Forward Progressives", a blog), it stays the name's word.
    named = _parse(
        ["Forward", "Progressives", "said"], [1, 2, 2], ["compound", "nsubj", "ROOT"], tags=["NNP", "NNPS", "VBD"]
    )
    assert _noun_lemma(named[1]) != "progressive"


def test_a_finite_verb_parsed_as_a_participle_of_the_noun_before_it_has_that_noun_for_subject() -> None:
    # '"Ann knows it," a source told Star .': the parse hung the tag on the quote's name as an
    # apposition with "told" a participle of "source", which left the quote with no speaker.
    words = ['"', "Ann", "knows", "it", ",", '"', "a", "source", "told", "Star", "."]
    heads = [2, 2, 2, 2, 2, 2, 7, 1, 7, 8, 2]
    deps = ["punct", "nsubj", "ROOT", "dobj", "punct", "punct", "det", "appos", "acl", "dobj", "punct"]
    tags = ["``", "NNP", "VBZ", "PRP", ",", "''", "DT", "NN", "VBD", "NNP", "."]
    lemmas = ['"', "Ann", "know", "it", ",", '"', "a", "source", "tell", "Star", "."]
    doc = _parse(words, heads, deps, tags=tags, lemmas=lemmas)
    marked = [(0, doc[5].idx)]
    subject = _subject(doc[8], marked)
    assert subject is not None and subject.text == "source"
    # A participle ("a statement posted on ...") is what it looks like: it says who posted nothing.
    tags[8] = "VBN"
    assert _subject(_parse(words, heads, deps, tags=tags, lemmas=lemmas)[8], marked) is None
    # Nor does a naming participle the tagger read as a past form ('a source called "..."').
    tags[8] = "VBD"
    words[8], lemmas[8] = "called", "call"
    assert _subject(_parse(words, heads, deps, tags=tags, lemmas=lemmas)[8], marked) is None
    # Nor a noun for no one who can speak ('a page told').
    words[7:9], lemmas[7:9] = ["page", "told"], ["page", "tell"]
    assert _subject(_parse(words, heads, deps, tags=tags, lemmas=lemmas)[8], marked) is None


def _bare_tag(opening: list[str], opening_ents: list[str]) -> Doc:
    # "<opening> , 48 , who told News he took it , said , " Hi . "": the parse made the name a
    # modifier of the verb inside the relative clause, and the tag's verb has no subject.
    n = len(opening)
    words = [*opening, ",", "48", ",", "who", "told", "News", "he", "took", "it", ",", "said", ",", '"', "Hi", ".", '"']
    took, said = n + 7, n + 10
    heads = [took if k == n - 1 else n - 1 for k in range(n)]
    heads += [n - 1, n - 1, n - 1, n + 4, n - 1, n + 4, took, said, took, took, said, said, said, said, said, said]
    deps = ["npadvmod" if k == n - 1 else "compound" for k in range(n)]
    deps += ["punct", "appos", "punct", "nsubj", "relcl", "dobj", "nsubj", "ccomp", "dobj", "punct", "ROOT"]
    deps += ["punct", "punct", "intj", "punct", "punct"]
    tags = ["NNP"] * n + [
        ",",
        "CD",
        ",",
        "WP",
        "VBD",
        "NNP",
        "PRP",
        "VBD",
        "PRP",
        ",",
        "VBD",
        ",",
        "``",
        "UH",
        ".",
        "''",
    ]
    return _parse(words, heads, deps, [*opening_ents] + ["O"] * 16, tags)


def test_a_tag_verb_with_no_subject_has_the_name_that_opens_its_sentence_before_a_comma() -> None:
    doc = _bare_tag(["Ann", "Lee"], ["B-PERSON", "I-PERSON"])
    quote = [(doc[-4].idx, len(doc.text))]
    subject = _subject(doc[12], quote)
    assert subject is not None and subject.text == "Lee"
    # With a title before the name ("Photographer Ann Lee, who ...").
    titled = _bare_tag(["Photographer", "Ann", "Lee"], ["O", "B-PERSON", "I-PERSON"])
    subject = _subject(titled[13], [(titled[-4].idx, len(titled.text))])
    assert subject is not None and subject.text == "Lee"
    # A sentence that opens with no name ("Later, ...") names no one.
    unnamed = _bare_tag(["Later"], ["O"])
    assert _subject(unnamed[11], [(unnamed[-4].idx, len(unnamed.text))]) is None


def test_a_participle_in_the_subject_before_its_verb_describes_the_subject() -> None:
    # '"...," the panel report rejecting the claim stated .': the nearer "rejecting" had taken the
    # quote and left it with no speaker.
    words = ["the", "panel", "report", "rejecting", "the", "claim", "stated", "."]
    heads = [2, 2, 6, 2, 5, 3, 6, 6]
    deps = ["det", "compound", "nsubj", "acl", "det", "dobj", "ROOT", "punct"]
    tags = ["DT", "NN", "NN", "VBG", "DT", "NN", "VBN", "."]
    assert _describes_subject(_parse(words, heads, deps, tags=tags)[3])
    # A past form there is the verb the parse misread ("the lawyer Dana Ortiz called ... and said").
    tags[3] = "VBD"
    assert not _describes_subject(_parse(words, heads, deps, tags=tags)[3])
    # So is a participle right after a name apposed to the subject ("the lawyer , Dana Ortiz ,
    # called Wildstein ... and said").
    words = ["the", "lawyer", ",", "Dana", "Ortiz", ",", "called", "him", "a", "liar", "and", "said", "so"]
    heads = [1, 11, 1, 4, 1, 1, 1, 6, 9, 6, 11, 11, 11]
    deps = ["det", "nsubj", "punct", "compound", "appos", "punct", "acl", "dobj", "det", "oprd", "cc", "ROOT", "advmod"]
    tags = ["DT", "NN", ",", "NNP", "NNP", ",", "VBN", "PRP", "DT", "NN", "CC", "VBD", "RB"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert not _describes_subject(_parse(words, heads, deps, ents, tags)[6])


def test_a_name_too_far_before_a_bare_tag_verb_is_not_its_subject() -> None:
    # The walk back from the verb stops where a tag could reach; a run-on page's sentence can hold
    # thousands of words.
    filler = 90
    words = ["Ann", "Lee", ",", *["word"] * filler, ",", "said", ",", '"', "Hi", ".", '"']
    said = filler + 4
    heads = [1, said, 1, *[said] * filler, said, said, said, said, said, said, said]
    deps = ["compound", "npadvmod", "punct", *["dep"] * filler, "punct", "ROOT", "punct", "punct", "intj"]
    deps += ["punct", "punct"]
    tags = ["NNP", "NNP", ",", *["NN"] * filler, ",", "VBD", ",", "``", "UH", ".", "''"]
    ents = ["B-PERSON", "I-PERSON", *["O"] * (len(words) - 2)]
    doc = _parse(words, heads, deps, ents, tags)
    assert _subject(doc[said], [(doc[said + 2].idx, len(doc.text))]) is None


def test_a_joined_source_phrase_never_runs_over_a_line_break() -> None:
    # "Teachers and / parents said": the parse joined a heading's last words to the next line's subject.
    words = ["Teachers", "and", "\n", "parents", "said"]
    doc = _parse(words, [4, 0, 1, 0, 4], ["nsubj", "cc", "dep", "conj", "ROOT"])
    assert _joined_end(doc, doc[0], 1) == 1
    # On one line the phrase takes in the joined noun.
    same_line = _parse(["Teachers", "and", "parents", "said"], [3, 0, 0, 3], ["nsubj", "cc", "conj", "ROOT"])
    assert _joined_end(same_line, same_line[0], 1) == 3
