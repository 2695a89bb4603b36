"""Speaker rules on hand-built parses (the shapes the small parser makes): which words count as a role's
apposition, and how a capitalised common noun is read."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsift.nlp.speakers import _apposed, _noun_lemma


def _parse(
    words: list[str], heads: list[int], deps: list[str], ents: list[str] | None = None, tags: list[str] | None = None
) -> Doc:
    # A blank English vocabulary: a bare one has no lower-case forms to read.
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents, tags=tags)


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
