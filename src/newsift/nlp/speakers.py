"""Who a source phrase refers to: an entity, a pronoun's antecedent, a role, or an anonymous phrase."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .entities import (
    PRONOUN_GENDER,
    EntityIndex,
    EntityInfo,
    Mention,
    antecedent_subject,
    definite,
    in_spans,
    nominal_antecedent,
    opens_a_line_tag,
    person_noun,
)
from .rules import (
    ANONYMOUS_SOURCE_NOUNS,
    DAY_WORDS,
    DOCUMENT_NOUNS,
    FEMALE_PERSON_NOUNS,
    HONORIFICS,
    MALE_PERSON_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PRONOUN_LABELS,
    ROLE_NOUNS,
    SIGNATURE_DASHES,
    SOURCE_HEAD_NOUNS,
    SPEAKER_LABELS,
    SURNAME_BODY_WORDS,
    TIME_LABELS,
    VAGUE_DETERMINERS,
    VAGUE_PHRASES,
    VAGUE_PRONOUNS,
    is_tag_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# spaCy's label for dates and days ("Monday", "last week"), which the entities stage keeps.
_DATE = "DATE"
_PHRASE_STOP_DEPS = frozenset({"relcl", "appos", "acl", "punct", "cc", "conj", "advcl"})
# Heads of a source phrase that describe people without naming them: the source nouns and the
# nouns for one person ("people" is only among the former, since it is no antecedent of "he").
_UNNAMED_SOURCE_NOUNS = ANONYMOUS_SOURCE_NOUNS | PERSON_NOUNS
# Common nouns the speaker rules know, for reading a capitalised one ("Attorneys for Dana Ortiz said").
_KNOWN_HEADS = SOURCE_HEAD_NOUNS | ANONYMOUS_SOURCE_NOUNS
# Heads of a title that may run on into its holder's name ("President of Iceland Jon Berg").
_TITLE_HEADS = ROLE_NOUNS | PERSON_NOUNS
# What an "it" can refer back to when the text names it by a common noun ("the commission", "the report").
_BODY_OR_DOCUMENT = ORGANISATION_NOUNS | DOCUMENT_NOUNS
# How many sentences a run of the same pronoun ("they", "it") may carry an antecedent over.
_MAX_PRONOUN_CHAIN = 3
# A subject that lists more people than this is a crowd, not a set of speakers to name.
_MAX_GROUP = 4
# The prepositions of what a list of sources shares ("relatives *of the victim*", "police *at the
# scene*", "aides *to the senator*"), not of when or how they spoke ("on Sunday", "by phone").
_SHARED_PREPOSITIONS = frozenset({"of", "for", "at", "with", "in", "from", "to"})
# The entities a joined subject may name together: people, or bodies ("Google and Microsoft said").
_JOINABLE_LABELS = frozenset({"PERSON", "ORG"})
# Conjunctions that offer a choice: a list joined by them names no one who spoke.
_ALTERNATIVES = frozenset({"or", "nor"})
# spaCy's labels for places and bodies: what a role's prepositional phrase names ("of Ukraine").
_PLACES_AND_BODIES = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
# Nouns for someone known by a relation to another person ("the lawyer", "the wife", "the friend")
# or by a part beside them in a story ("the victim", "the host"): such a description is mostly that
# other person's lawyer or host, not the person named before it.
_RELATIONAL = """
wife husband mother father son daughter sister brother aunt uncle niece nephew grandmother grandfather
granddaughter grandson mom mum dad girlfriend boyfriend widow widower bride groom spouse parent relative
cousin child kid pal colleague coworker classmate roommate teammate neighbor neighbour lawyer attorney
boss employer landlord tenant doctor physician nurse therapist counselor agent manager rival challenger
victim suspect defendant plaintiff guest host moderator caller
"""
_RELATIONAL_NOUNS = frozenset(_RELATIONAL.split())
# Nouns a writer uses for a person already named, as news varies the name ("the real-estate mogul",
# "the Democratic nominee", "the actress"). Not the nouns of an unnamed source ("the insider"), and
# of the offices only those a campaign gives: "the mayor" or "the judge" is mostly someone the
# text brings in by office, whom the role matching finds where the text names them.
_EPITHET_NOUNS = (PERSON_NOUNS - ROLE_NOUNS - ANONYMOUS_SOURCE_NOUNS - _RELATIONAL_NOUNS) | {"candidate", "nominee"}
# Nouns a writer uses for any body already named ("Acme Corp. cut 300 jobs. The company said ...").
# Another body's noun must be a word of the name ("the Church of Scientology ... the church"):
# "Acme Corp. filed a complaint. The commission ruled ..." brings in a body of its own.
_ANY_BODY_NOUNS = frozenset({"company", "firm", "group", "organization", "organisation"})


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str  # person | organisation | anonymous | unknown
    mention: tuple[int, int] | None  # offsets into the parsed text
    resolved: bool  # a named entity (directly, or through a pronoun or role)
    vague: bool = False
    via: str = "name"  # name | pronoun | role | phrase | none


def _phrase_stop(tok: Token) -> bool:
    # Not the hyphen: "R-Utah" or "Coca-Cola" can be tokens of a name.
    return (
        breaks_line(tok)
        or tok.text == ":"
        or (tok.text in SIGNATURE_DASHES and tok.text != "-")
        or _closes_a_statement(tok)
    )


def _closes_a_statement(tok: Token) -> bool:
    """A quotation mark right after a comma or a sentence's end ('...,” Ann Lee said'): what came
    before it was said, and no speaker's name runs back into it, however the parse hung the quote's
    words on the name (it can when the marks do not match, '"...,” ...')."""
    return tok.is_quote and tok.i > 0 and tok.doc[tok.i - 1].text in {",", ".", "?", "!"}


def phrase_bounds(doc: Doc, head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without
    relative clauses or appositions ("Mike Pence, Trump's running mate, ...")."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _PHRASE_STOP_DEPS or opens_a_line_tag(child):
            continue
        start = min(start, child.left_edge.i)
    verb = head.head
    if head.dep_ == "compound" and verb.i == head.i + 1 and verb.tag_ == "NNS" and is_tag_verb(verb.text):
        # '"...," the insider reports.': the tagger read the tag as one noun phrase, so the
        # speaker's own words before it ("the") hang on the verb.
        for child in verb.lefts:
            if child.i < head.i and child.dep_ in {"det", "amod", "poss", "nummod"}:
                start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.i == head.i + 1 and _glued_hyphen(child):
            continue  # "the mother-of-six": the hyphen that joins the head's word is no punctuation
        # "says the narrator as a woman wakes": a speaker's phrase never goes on with "as".
        if child.dep_ in _PHRASE_STOP_DEPS or (child.dep_ == "prep" and child.lower_ == "as"):
            break
        end = max(end, child.right_edge.i + 1)
    # "the co-hosts of the summit said": the parse can make each piece of a hyphenated word a subject
    # of its own, and the first piece the head; the phrase goes on over the word's lower-case rest.
    # Only from the head's own word: a hyphen further on is often a flattened dash ("a drama with a
    # hero-is considered").
    if end == head.i + 1:
        while end + 1 < len(doc) and _glued_hyphen(doc[end]) and doc[end + 1].is_lower and doc[end + 1].is_alpha:
            end = max(end + 2, doc[end + 1].right_edge.i + 1)
    # A phrase never runs over a line break, a colon or a dash: the parse can hang a heading, a
    # dateline or a time stamp of the line before on the noun ("3:10 p.m.\n\nColorado's fire
    # marshal says"), a transcript's topic on the name that labels a quote ('On her
    # emails: Galifianakis: "..."'), or the quote a dash signs on its signer ('“...” — STALL
    # OWNER’S SON').
    for k in range(head.i - 1, start - 1, -1):
        if _phrase_stop(doc[k]):
            start = k + 1
            break
    for k in range(head.i + 1, end):
        if _phrase_stop(doc[k]):
            end = k
            break
    # Nor does it begin or end in punctuation or in a run of spaces ("The brewer  which ...", where
    # a scraper dropped the comma): the speaker's name would carry them.
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _glued_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("co-hosts", "father-of-two"): no space on either side, a letter or
    digit on both."""
    doc = tok.doc
    return (
        tok.text in _HYPHENS
        and not tok.whitespace_
        and 0 < tok.i < len(doc) - 1
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 1].text[-1:].isalnum()
        and doc[tok.i + 1].text[:1].isalnum()
    )


def breaks_line(tok: Token) -> bool:
    """Whether ``tok`` is whitespace that ends a line."""
    return tok.is_space and "\n" in tok.text


# The prepositions that tie a role to its place or body: "the president of Ukraine", "a spokesman for
# the Taliban", "an analyst at the bank", "a lawyer with the firm".
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "with"})


def _apposed(head: Token) -> Iterator[tuple[Token, bool]]:
    """The words apposed to ``head``, each with whether only a person's name may count there.

    Besides the head's own appositions, the parse often hangs the name on the place or body of the
    head's prepositional phrase ("The president of Ukraine, Poroshenko, said"; "A spokesman for the
    Taliban, Zabiullah Mujahid, told"). A person apposed to a place or body there names the head's
    holder; anything else apposed there ("the president of the company, Acme Corp") renames the
    place or body, and a person apposed to a person ("a spokesman for the senator, Ann Ruiz") could
    name either of them. A name the parse made the head's conjunct, where nothing is joined by "and"
    or "or", is an apposition too."""
    listed = any(t.dep_ == "cc" for c in (head, *head.conjuncts) for t in c.children)
    for child in head.rights:
        if child.dep_ == "appos":
            yield child, False
        elif child.dep_ == "conj" and not listed:
            # "the chairman of the committee, Jason Chaffetz, R-Utah, said": with no "and" or "or"
            # anywhere, the conjunct the parse made is an apposition.
            yield child, True
        elif child.dep_ == "prep" and child.lower_ in _ROLE_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ not in _PLACES_AND_BODIES:
                    continue
                for apposed in obj.rights:
                    if apposed.dep_ == "appos":
                        yield apposed, True


def _noun_lemma(tok: Token) -> str:
    """A head's lemma, reading a capitalised common noun the tagger took for a name ("Attorneys for
    Dana Ortiz said", "Officials Say ...") as the common noun it is: the tagger leaves a proper noun's
    plural unlemmatised. A word the NER tagged, or one a name runs into ("Forward Progressives", a
    blog), is left as it is."""
    lemma = tok.lemma_.lower()
    if (
        tok.tag_ not in {"NNP", "NNPS"}
        or tok.ent_type_
        or lemma in _KNOWN_HEADS
        or any(c.dep_ == "compound" and c.tag_ in {"NNP", "NNPS"} for c in tok.lefts)
    ):
        return lemma
    low = tok.lower_
    for ending, stem_end in (("ies", "y"), ("es", ""), ("s", "")):
        if low.endswith(ending) and low[: -len(ending)] + stem_end in _KNOWN_HEADS:
            return low[: -len(ending)] + stem_end
    return low if low in _KNOWN_HEADS else lemma


class SpeakerResolver:
    def __init__(self, doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]] | None = None) -> None:
        """``quoted``: character ranges inside quotation marks, whose names are no one the writer
        describes after them."""
        self.doc = doc
        self.index = index
        self.quoted = quoted or []
        self._by_token: dict[int, Mention] = {}
        for m in index.mentions:
            for tok in doc.char_span(m.start, m.end, alignment_mode="expand") or []:
                self._by_token.setdefault(tok.i, m)
        self._mention_starts = [m.start for m in index.mentions]
        # Built on the first description that needs them, so that a page of descriptions costs one
        # pass over the text, not one per description (see ``_first_other_use``).
        self._other_uses: dict[str, int] | None = None
        self._pronoun_genders: dict[int, set[str]] | None = None

    def mention_of(self, tok: Token) -> Mention | None:
        return self._by_token.get(tok.i)

    def resolve(self, head: Token) -> Speaker:
        doc = self.doc
        # "Trump's office said": the possessor names whose office; the office is the speaker.
        lemma = _noun_lemma(head)
        low = head.lower_
        start, end = phrase_bounds(doc, head)
        phrase = doc[start:end]
        text_span = (phrase.start_char, phrase.end_char)
        mention = self.mention_of(head)
        if mention is not None and _holds_own_verb(head, mention):
            # '"...," Bay told the Times': the NER ran a title over the subject and its verb, and a
            # speaker's name never holds what the speaker did; the phrase names the speaker.
            mention = None
        if mention is not None and _is_date(self.index.entities[mention.entity]):
            if DAY_WORDS.isdisjoint({low, lemma}) and head.pos_ == "PROPN" and not head.like_num:
                # "Last week Stumpf told ...": the NER ran the date on into the name.
                mention = None
            else:
                return self._name_on_date(head)
        if mention is not None and _member_of_group(head) and self.index.entities[mention.entity].label == "NORP":
            # "a Michigan Democrat", "the Republican South Carolinian": one member of a group is a
            # person the text describes, not the group ("the Kardashian" the text joined to Kim
            # Kardashian stays hers).
            return Speaker(phrase.text, "anonymous", text_span, False, vague=_indefinite(head), via="phrase")
        if mention is not None and (lemma not in ORGANISATION_NOUNS or self._surname_of_person(head, mention)):
            entity = self.index.entities[mention.entity]
            via = mention.kind
            kind = SPEAKER_LABELS.get(entity.label, "unknown")
            # "Anna Berg and Tom Holt said": both spoke, and naming only the first would credit
            # her with a statement that was theirs.
            joined = self._named_members(head, entity.label) if entity.label in _JOINABLE_LABELS else None
            if joined is not None:
                return Speaker(joined[0], kind, joined[1], True, via=via)
            return Speaker(entity.name, kind, (mention.start, mention.end), True, via=via)
        if head.pos_ == "PRON" or low in PRONOUN_LABELS:
            return self._pronoun(head)
        named = (
            self._apposed_name(head)
            or self._titled_name(head, phrase)
            or self._titles_of_one_name(head)
            or self._shouted_name(phrase)
        )
        if named is not None:
            return named
        phrase_low = phrase.text.lower()
        vague_phrase = any(phrase_low.startswith(p) for p in VAGUE_PHRASES)
        if lemma in ROLE_NOUNS and definite(head):
            idx = self.index.holder_of(head)
            if idx is not None:
                entity = self.index.entities[idx]
                return Speaker(entity.name, "person", text_span, True, via="role")
        described = self._described(head, start)
        if described is not None:
            entity = self.index.entities[described]
            return Speaker(entity.name, "person", text_span, True, via="role")
        # "Friends and family said": all of them spoke, and the phrase cut at "and" would name
        # only the first ("Friends").
        phrase = doc[start : _joined_end(doc, head, end)]
        phrase_text = phrase.text
        text_span = (phrase.start_char, phrase.end_char)
        if lemma in ORGANISATION_NOUNS:
            body = self._described_body(head, start)
            if body is not None:
                return Speaker(self.index.entities[body].name, "organisation", text_span, True, via="role")
            return Speaker(phrase_text, "organisation", text_span, False, vague=vague_phrase, via="phrase")
        # "His father told the paper", "the man said", "protesters chanted": a person the text
        # describes but does not name is an unnamed source, as "a spokesman" is.
        if lemma in _UNNAMED_SOURCE_NOUNS or low in VAGUE_PRONOUNS or lemma in ROLE_NOUNS:
            vague = vague_phrase or _indefinite(head)
            return Speaker(phrase_text, "anonymous", text_span, False, vague=vague, via="phrase")
        if lemma in DOCUMENT_NOUNS:
            return Speaker(phrase_text, "unknown", text_span, False, via="phrase")
        if head.pos_ == "PROPN":
            # A name the NER missed: keep the phrase, but do not claim what it is.
            return Speaker(phrase_text, "unknown", text_span, False, via="phrase")
        return Speaker(phrase_text, "unknown", text_span, False, vague=vague_phrase, via="phrase")

    def _described(self, head: Token, start: int) -> int | None:
        """The person a definite description varies the name of ("Donald Trump spoke in Ohio. The
        real-estate mogul said ..."), or None.

        Only a singular "the" + noun for a person (``_EPITHET_NOUNS``) that says nothing more about
        who it is (:meth:`_bare_description`), and only where the sentence before names one person
        alone, by name as the subject of its main verb (``_subject_before``), of a gender that
        fits. Where two people stand there ("Trump attacked Clinton. The candidate said ..."),
        which one is meant is a guess, and the phrase is kept. A looser rule (any person of the
        last three sentences, offices included) named the wrong person for about a third of the
        39 corpus speakers it changed.
        """
        lemma = _noun_lemma(head)
        if lemma not in _EPITHET_NOUNS or not self._bare_description(head, start):
            return None
        who = self._subject_before(head, start, "PERSON")
        if who is None:
            return None
        if any(m is not None and m.entity == who for m in map(self.mention_of, head.subtree)):
            return None  # "the Berg fan" is not Berg
        gender = _noun_gender(lemma)
        if gender is not None and (self.index.genders.get(who, gender) != gender or self._genders_of(who) - {gender}):
            return None
        return who

    def _genders_of(self, entity: int) -> set[str]:
        """The genders of the pronouns the entities stage resolved to ``entity``."""
        if self._pronoun_genders is None:
            self._pronoun_genders = {}
            for m in self.index.mentions:
                gender = PRONOUN_GENDER.get(self.doc[m.token].lower_) if m.kind == "pronoun" else None
                if gender is not None:
                    self._pronoun_genders.setdefault(m.entity, set()).add(gender)
        return self._pronoun_genders.get(entity, set())

    def _described_body(self, head: Token, start: int) -> int | None:
        """The body a definite description names again ("Acme Corp. cut 300 jobs on Monday. The
        company said ..."), or None: as :meth:`_described` does for a person, with the body named
        alone, by name, as the subject of the sentence before, and a noun that fits it
        (``_ANY_BODY_NOUNS``)."""
        lemma = _noun_lemma(head)
        if not self._bare_description(head, start):
            return None
        body = self._subject_before(head, start, "ORG")
        if body is None or (
            lemma not in _ANY_BODY_NOUNS and lemma not in self.index.entities[body].name.lower().split()
        ):
            return None
        return body

    def _bare_description(self, head: Token, start: int) -> bool:
        """ "The billionaire", "the company": a singular noun after "the" that says nothing more about
        who it is (no possessor, prepositional phrase, apposition or relative clause that says
        which one: "the man in the video" is someone else), and whose noun the text has not used
        before in another way ("a billionaire ... the billionaire" is that one)."""
        if (
            head.tag_ != "NN"
            or not _after_the(head)
            or any(c.dep_ in {"poss", "prep", "acl", "appos"} or _restrictive(c) for c in head.children)
            or any(c.is_quote for c in head.lefts)
        ):
            return False
        return self._first_other_use(_noun_lemma(head)) >= start

    def _first_other_use(self, lemma: str) -> int:
        """Where the text first uses the noun ``lemma`` other than as "the" + the singular noun ("a
        billionaire", "billionaires"); past the end where it never does."""
        if self._other_uses is None:
            self._other_uses = {}
            for tok in self.index.sents.tokens:
                if tok.tag_ in {"NN", "NNS"} and not (tok.tag_ == "NN" and _after_the(tok)):
                    self._other_uses.setdefault(_noun_lemma(tok), tok.i)
        return self._other_uses.get(lemma, len(self.doc))

    def _subject_before(self, head: Token, start: int, label: str) -> int | None:
        """The one entity of ``label`` the sentence before ``start``'s names outside quotation marks,
        when it is the subject of its main verb by name; None when ``start``'s own sentence names
        one before it ("Obama was pressed by the comedian" is two people)."""
        sents = self.index.sents
        first, _, begin, _ = sents.of(head.i)
        if first == 0 or self._named_in(begin, self.doc[start].idx, label):
            return None
        _, _, lo, hi = sents.of(first - 1)
        people = self._named_in(lo, hi, label)
        if len(people) != 1:
            return None
        who = people[0]
        for m in self._mentions_in(lo, hi):
            tok = self.doc[m.token]
            # By name: a pronoun there was itself resolved by a guess, and two guesses make none.
            if m.entity == who and m.kind == "name" and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT":
                return who
        return None

    def _mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start between ``lo`` and ``hi``."""
        return self.index.mentions[bisect_left(self._mention_starts, lo) : bisect_left(self._mention_starts, hi)]

    def _named_in(self, lo: int, hi: int, label: str) -> list[int]:
        """The entities of ``label`` named (by name, pronoun or role) between ``lo`` and ``hi``
        outside quotation marks."""
        found: list[int] = []
        for m in self._mentions_in(lo, hi):
            if (
                m.entity not in found
                and self.index.entities[m.entity].label == label
                and not in_spans(m.start, self.quoted)
            ):
                found.append(m.entity)
        return found

    def beat_subject(self, start: int, since: int, quoted: list[tuple[int, int]]) -> Speaker | None:
        """The person a sentence between two quotes shows acting, by name as its main subject, when
        it ends with a full stop right before the quote at ``start`` ('"Is that the plot?" Lee asked.
        Berg nodded. "Kind of."'): a quote with no tag after such a sentence is that person's, not
        the one who spoke before it. None otherwise, and where that sentence starts before
        ``since`` (the end of the quote before)."""
        text = self.index.sents.text
        at = start - 1
        while at > since and text[at].isspace():
            at -= 1
        # A full stop: a quote that goes on the sentence ('Quinn "practiced the occult ..."') is
        # what the one who spoke before says about that person, and a page's headline ("PHOTOS:
        # Kim ...", "Why Katie Holmes Won't ...!") shows no one acting.
        if at <= since or text[at] != ".":
            return None
        near = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if near is None or not len(near):
            return None
        first, end, begin, _ = self.index.sents.of(near[0].i)
        if begin < since:
            # The sentence holds the quote before ('"The baby has turned him ...," the insider
            # said.'): the parse can make a word inside that quote its subject.
            return None
        for tok in self.index.sents.tokens[first:end]:
            if tok.idx >= start:
                break
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT":
                m = self.mention_of(tok)
                if m is None or m.kind != "name" or in_spans(m.start, quoted):
                    return None
                entity = self.index.entities[m.entity]
                if entity.label != "PERSON":
                    return None
                return Speaker(entity.name, "person", (m.start, m.end), True, via="name")
        return None

    def _surname_of_person(self, head: Token, mention: Mention) -> bool:
        """ "Senator Frank Church said": a body's word that is a person's surname, last in a name the NER
        typed as a person's, names that person ("The Catholic Church" is an organisation's name, and
        "Trump's office" is no name)."""
        return (
            head.lower_ in SURNAME_BODY_WORDS
            and head.pos_ == "PROPN"
            and mention.start < head.idx
            and self.index.entities[mention.entity].label == "PERSON"
        )

    def carried_on(
        self, speaker: Speaker, previous: Speaker, since: int, quoted: list[tuple[int, int]], *, goes_on: bool
    ) -> Speaker | None:
        """The one who just spoke, for the tag of the quote after theirs (``goes_on``: its verb says
        a speaker goes on).

        '"...," Ruiz said. "And I would do it again," he continued.': news writes "added", "continued"
        or "went on" for the speaker of the quote before, so a "he" or "she" there, or a
        description with "the" that names no one known ("the coach", "the North Carolina
        Democrat"), is that speaker, even where another name of the same gender stood nearer
        (inside the quote, or before it). Not when the text has named another person since the
        quote before (``since`` on, outside ``quoted``), nor across a gender the text shows. A
        body's "it" goes on with any verb ('"...," the Times wrote. "...," it further wrote.'):
        where "he" may be any man named before, "it" names no person; not when another body was
        named since. After an unnamed person, a pronoun that names no one else goes on with them
        (:meth:`_unnamed_goes_on`).
        """
        if speaker.mention is None or previous.name == speaker.name:
            return None
        span = self.doc.char_span(*speaker.mention, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        if not previous.resolved:
            return self._unnamed_goes_on(speaker, previous, head, since, quoted)
        if previous.kind == "organisation" and speaker.via in {"pronoun", "none"}:
            bodies = {k for k, e in enumerate(self.index.entities) if e.name == previous.name}
            if head.lower_ != "it" or self._named_since(bodies, "ORG", since, speaker.mention[0], quoted):
                return None
            return replace(previous, mention=speaker.mention, via="pronoun")
        if previous.kind != "person" or not goes_on:
            return None
        people = [k for k, e in enumerate(self.index.entities) if e.name == previous.name and e.label == "PERSON"]
        if len(people) != 1:
            return None
        who = people[0]
        if speaker.via == "pronoun":
            gender = PRONOUN_GENDER.get(head.lower_)
            if gender is None or head.lower_ not in {"he", "she"}:
                return None
        elif (speaker.via == "phrase" and not speaker.resolved and speaker.kind in {"unknown", "anonymous"}) or (
            # "the Ohio Democrat": one member of a party is a person, not the party.
            _member_of_group(head)
        ):
            lemma = head.lemma_.lower()
            if (
                head.tag_ not in {"NN", "NNP"}
                or not _after_the(head)
                or lemma in ANONYMOUS_SOURCE_NOUNS | ORGANISATION_NOUNS | DOCUMENT_NOUNS
                or head.ent_type_ in {"ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"}
                or (head.tag_ == "NNP" and head.ent_type_ != "NORP")
            ):
                return None
            gender = _noun_gender(lemma)
        else:
            return None
        if gender is not None and self.index.genders.get(who, gender) != gender:
            return None
        if self._named_since({who}, "PERSON", since, speaker.mention[0], quoted):
            return None
        return replace(previous, mention=speaker.mention, via="pronoun" if speaker.via == "pronoun" else "role")

    def _unnamed_goes_on(
        self, speaker: Speaker, previous: Speaker, head: Token, since: int, quoted: list[tuple[int, int]]
    ) -> Speaker | None:
        """'"...," a fisherman told reporters. "...," he said.': a "he" or "she" that refers to no
        one the text names, after the quote of one unnamed person ("a fisherman", "a source") of a
        gender it fits, is that person, with any verb; not when the text has named a person since."""
        if speaker.mention is None or speaker.name is not None or speaker.via != "none":
            return None
        if head.lower_ not in {"he", "she"}:
            return None
        if previous.kind != "anonymous" or previous.name is None or previous.mention is None:
            return None
        phrase = self.doc.char_span(*previous.mention, alignment_mode="expand")
        if phrase is None:
            return None
        noun = phrase.root
        if previous.via == "pronoun":
            # "He said he arrived at dawn": the same pronoun, which already went to that person.
            if noun.lower_ != head.lower_:
                return None
        elif not person_noun(noun, head.lower_) or noun.lower_ in VAGUE_PRONOUNS:
            # One person of the pronoun's gender, as for any "he" with no name before it (the
            # entities stage's test), and not an indefinite "someone", whom no "he" refers back to.
            return None
        if self._named_since(set(), "PERSON", since, speaker.mention[0], quoted):
            return None
        return replace(previous, mention=speaker.mention, via="pronoun")

    def _named_since(self, who: set[int], label: str, since: int, until: int, quoted: list[tuple[int, int]]) -> bool:
        """Whether the text names an entity of ``label`` other than ``who`` between ``since`` and
        ``until``, outside ``quoted``."""
        for m in self.index.mentions:
            if m.start >= until:
                break
            if (
                m.start >= since
                and m.kind == "name"
                and m.entity not in who
                and self.index.entities[m.entity].label == label
                and not any(a <= m.start < b for a, b in quoted)
            ):
                return True
        return False

    def _name_on_date(self, date: Token) -> Speaker:
        """A day never speaks. "Gov. Pat McCrory Monday called for ...": the parse can make the day
        the subject and hang the name before it on the day; that name is who spoke."""
        for child in reversed(list(date.lefts)):
            mention = self.mention_of(child)
            if child.dep_ == "compound" and mention is not None and not _is_date(self.index.entities[mention.entity]):
                return self.resolve(child)
        return Speaker(None, "unknown", None, False, via="none")

    def _apposed_name(self, head: Token) -> Speaker | None:
        """ "A spokeswoman, Lotte Bakker, said": the apposed name is who spoke, and naming her
        as an anonymous spokeswoman would count a named source as an anonymous one."""
        for child, people_only in _apposed(head):
            if any(c.i != head.i for c in child.conjuncts):
                # "Council members Ana Ruiz and Sam Ortiz said": several people speak, and
                # naming the first alone would credit her with the words of both.
                return None
            mention = self.mention_of(child)
            if mention is None or mention.kind != "name":
                continue
            entity = self.index.entities[mention.entity]
            kind = SPEAKER_LABELS.get(entity.label)
            if kind is None or (people_only and entity.label != "PERSON"):
                continue
            return Speaker(entity.name, kind, (mention.start, mention.end), True, via="name")
        return None

    def _titles_of_one_name(self, head: Token) -> Speaker | None:
        """ "Film producer and longtime family friend Tom Holt said": bare titles joined by "and"
        before a name are one person's, and the name the parse apposed to the last title is who
        spoke.  Only bare singular titles: "The mayor and council member Ann Ruiz" are two people."""
        members = _joined_members(head)
        if members is None or not all(_bare_title(member) for member in members[:-1]):
            return None
        last = members[-1]
        if _bare_title(last):
            return self._apposed_name(last)
        # "Singer and actress Ann Berg": the parse made the name the conjunct, with its own title.
        mention = self.mention_of(last)
        if (
            mention is None
            or mention.kind != "name"
            or not any(c.dep_ == "compound" and _bare_title(c) for c in last.lefts)
        ):
            return None
        entity = self.index.entities[mention.entity]
        if entity.label != "PERSON":
            return None
        return Speaker(entity.name, "person", (mention.start, mention.end), True, via="name")

    def _shouted_name(self, phrase: Span) -> Speaker | None:
        """ "CHRIS MATTHEWS: ...", "CHELSEA: ...": a transcript's label in capitals that the tagger
        did not read as a name is the person the text names so (``EntityIndex.shouted_person``)."""
        found = self.index.shouted_person(phrase.text)
        if found is None:
            return None
        return Speaker(
            self.index.entities[found].name, "person", (phrase.start_char, phrase.end_char), True, via="name"
        )

    def _titled_name(self, head: Token, phrase: Span) -> Speaker | None:
        """ "President of Iceland Jon Berg said": a title whose place or body runs straight on
        into the holder's name, as headline style writes it, names that person.  Only where a
        proper noun stands right before the name: "the lawyer for Jane Doe" is not Jane Doe."""
        if head.lemma_.lower() not in _TITLE_HEADS or head.tag_ not in {"NN", "NNP"}:
            return None
        mention = self.mention_of(phrase[-1])
        if mention is None or mention.kind != "name" or mention.end != phrase.end_char:
            return None
        entity = self.index.entities[mention.entity]
        first = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if entity.label != "PERSON" or first is None or first.start <= head.i + 1:
            return None
        at = first.start - 1
        while at > head.i and self.doc[at].lower_ in HONORIFICS:
            at -= 1  # "a spokesman for Mr. Hewitt": the honorific is the name's, "for" decides
        before = self.doc[at]
        if at <= head.i or before.pos_ != "PROPN" or before.ent_type_ == "PERSON":
            return None
        return Speaker(entity.name, "person", (mention.start, mention.end), True, via="name")

    def _pronoun(self, head: Token) -> Speaker:
        span = (head.idx, head.idx + len(head.text))
        mention = self.mention_of(head)
        if mention is not None:
            entity = self.index.entities[mention.entity]
            kind = SPEAKER_LABELS.get(entity.label, "unknown")
            return Speaker(entity.name, kind, span, True, via="pronoun")
        labels = PRONOUN_LABELS.get(head.lower_, ())
        # Not "we": outside a quotation that is the writer ("we now know", "we hope", "We told you
        # this morning"), and the body named last before it was no one who spoke (of 119 such
        # speakers over 1,050 corpus articles, a sample of 30 read by hand held about 26 of that kind).
        if head.lower_ == "it" and labels:
            # "Acme filed a complaint. It said ...", "The commission made its decision. It ruled
            # ...": the body the text names as the subject before it, by its name or by a common
            # noun for a body or a document ("The report came out on Monday. It said ..."). Not the
            # organisation named last: that "it" is mostly the writer's or an expletive ("It shows
            # us ...", "It speaks volumes about ..."); of 62 corpus speakers that went to none with
            # this rule, 17 read by hand had all been wrong. "It was revealed that ...": a
            # passive's "it" stands for the clause, not for a body.
            body = self._pronoun_antecedent(head) if head.dep_ != "nsubjpass" else None
            if body is not None:
                found = self.resolve(body)
                # One body or place by its name, not a plural ("Republicans ... It reminded me").
                one_body = self.mention_of(body) is not None and body.tag_ not in {"NNS", "NNPS"}
                if (found.kind == "organisation" and found.resolved and one_body) or (
                    body.pos_ == "NOUN" and body.tag_ == "NN" and body.lemma_.lower() in _BODY_OR_DOCUMENT
                ):
                    return replace(found, mention=span, via="pronoun")
            return Speaker(None, "unknown", span, False, via="none")
        if head.lower_ in VAGUE_PRONOUNS:
            if head.lower_.endswith(("one", "body")):
                # "Someone from the office said": the phrase, as for any unnamed source.
                start, end = phrase_bounds(self.doc, head)
                phrase = self.doc[start:end]
                span = (phrase.start_char, phrase.end_char)
            return Speaker(self.index.sents.text[span[0] : span[1]], "anonymous", span, False, vague=True, via="phrase")
        if head.lower_ == "they":
            group = self._pronoun_antecedent(head)
            if group is not None and _plural(group):
                found = self.resolve(group)
                # '"...," sources told the magazine. They continued, "..."': the sources, still
                # unnamed; a body ("the Christian Social Union. They have called ...") by its name.
                if found.kind in {"organisation", "anonymous"}:
                    return replace(found, mention=span, via="pronoun")
            elif group is not None:
                people = self._named_members(group, "PERSON")
                if people is not None:
                    return Speaker(people[0], "person", span, False, via="pronoun")
        antecedent = nominal_antecedent(head, self.index.sents)
        # "Someone asked a professor ... He said": an indefinite "someone" is no one a "he" refers back to.
        if antecedent is not None and antecedent.lower_ not in VAGUE_PRONOUNS:
            # "Rahami's father said he ...": the speaker is the father, named as the text names him.
            return replace(self.resolve(antecedent), mention=span, via="pronoun")
        return Speaker(None, "unknown", span, False, via="none")

    def _pronoun_antecedent(self, head: Token) -> Token | None:
        """Where news puts the antecedent of a "they" or an "it" (see ``antecedent_subject``), past
        the same pronouns that carry it on: "Protesters blocked the road. They stayed all night.
        They said ..."; for an "it", first the subject of a clause that opens its sentence and hangs
        on its verb ("Although the IMF did not name him, it referenced ...")."""
        if head.dep_ == "nsubj" and head.lower_ == "it":
            # Not for "they": "While the group expressed ..., they praised" has a singular noun there.
            for clause in head.head.lefts:
                if clause.dep_ == "advcl" and clause.i < head.i:
                    fronted = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
                    if fronted is not None and fronted.pos_ != "PRON":
                        return fronted
        group = antecedent_subject(head, self.index.sents)
        for _ in range(_MAX_PRONOUN_CHAIN):
            if group is None or group.lower_ != head.lower_ or group.i >= head.i:
                return group
            head, group = group, antecedent_subject(group, self.index.sents)
        return None

    def _named_members(self, group: Token, label: str) -> tuple[str, tuple[int, int]] | None:
        """'Anna Berg and Tom Holt': the names of a subject that joins two or more entities of
        ``label``, and the offsets from the first name to the last; None for anything else."""
        members = _joined_members(group)
        if members is None:
            return None
        names: list[str] = []
        mentions: list[Mention] = []
        for member in members:
            mention = self.mention_of(member)
            if mention is None or self.index.entities[mention.entity].label != label:
                return None
            names.append(self.index.entities[mention.entity].name)
            mentions.append(mention)
        if len(set(names)) < len(names):
            return None
        return ", ".join(names[:-1]) + " and " + names[-1], (mentions[0].start, mentions[-1].end)


def _joined_members(group: Token) -> list[Token] | None:
    """The nouns a subject joins by "and" ("Anna Berg and Tom Holt", "police, firefighters and
    paramedics"), in text order, two or more; None when nothing is joined, when a conjunct offers
    a choice ("or", "nor"), or when the list is a crowd."""
    # The parse hangs a list's conjuncts on the first or chains them ("Marrs, Dice and Jones":
    # Jones on Dice): gather both ways.
    members = [group]
    seen = 0
    while seen < len(members):
        children = list(members[seen].children)
        if any(c.dep_ == "cc" and c.lower_ in _ALTERNATIVES for c in children):
            # "Berg or Holt will decide": one of them, and the text does not say which.
            return None
        members.extend(c for c in children if c.dep_ == "conj")
        if len(members) > _MAX_GROUP:
            return None
        seen += 1
    members.sort(key=lambda t: t.i)
    return members if len(members) >= 2 else None


def _list_joint(tok: Token) -> bool:
    """A word that joins the nouns of a list: its commas, its conjunction, a space on the line."""
    return tok.dep_ == "cc" or tok.text == "," or (tok.is_space and not breaks_line(tok))


def _joined_end(doc: Doc, head: Token, end: int) -> int:
    """Where a source phrase that ends at ``end`` ends once the nouns its head joins by "and" are
    part of it (:func:`_joined_members`); ``end`` when it joins none."""
    members = _joined_members(head)
    if members is None:
        return end
    joined = end
    for member in members:
        if member.i <= head.i:
            continue
        # Each member's own phrase, without the clauses and asides no source phrase holds; only
        # the list's commas and conjunction between them ("conservatives, who believe ..., and
        # moderates" would carry the first one's aside into the name).
        member_start, member_end = phrase_bounds(doc, member)
        if not all(_list_joint(doc[k]) for k in range(joined, member_start)):
            return end
        joined = max(joined, member_end)
    # The parse can hang what the whole list shares on its first noun, after the others
    # ("Friends and relatives *of the victim*"), but not when or where they spoke ("on Sunday").
    for child in head.rights:
        if child.i < joined:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ != "prep" or child.lower_ not in _SHARED_PREPOSITIONS or not objects:
            break
        if objects[0].ent_type_ in TIME_LABELS:
            break
        # The object's own phrase, so a clause hung on it ("of the victim, who asked ...") stays out.
        joined = phrase_bounds(doc, objects[0])[1]
    # Never over a line break, a colon or a dash, as no source phrase runs over one.
    if any(_phrase_stop(doc[k]) for k in range(end, joined)):
        return end
    return joined


def _noun_gender(lemma: str) -> str | None:
    """The gender a noun for a person gives ("actress", "father"), or None."""
    return "female" if lemma in FEMALE_PERSON_NOUNS else "male" if lemma in MALE_PERSON_NOUNS else None


def _after_the(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _restrictive(clause: Token) -> bool:
    """A relative clause that says which one is meant ("the man who shot him"), not one set off by a
    comma or dash that adds to someone already known ("The singer, who rarely posts, wrote ...")."""
    if clause.dep_ != "relcl":
        return False
    first = clause.left_edge.i
    return first == 0 or clause.doc[first - 1].text not in {",", "-", "\u2013", "\u2014", "("}


def _holds_own_verb(head: Token, mention: Mention) -> bool:
    verb = head.head
    return head.dep_ in {"nsubj", "nsubjpass"} and verb.i != head.i and mention.start <= verb.idx < mention.end


def _is_date(entity: EntityInfo) -> bool:
    # spaCy types an age as a date too, but "the 23-year-old" is a person.
    return entity.label == _DATE and not entity.name.lower().endswith("old")


def _bare_title(tok: Token) -> bool:
    """A singular noun for a role or a person with no article or possessive before it ("film
    producer", "former governor"): the way a title stands before a name."""
    return (
        tok.tag_ == "NN"
        and _noun_lemma(tok) in _TITLE_HEADS
        and not any(c.dep_ in {"det", "poss"} for c in tok.children)
    )


def _plural(tok: Token) -> bool:
    return tok.pos_ != "PRON" and (tok.tag_ in {"NNS", "NNPS"} or tok.ent_type_ in {"ORG", "NORP"})


def _member_of_group(head: Token) -> bool:
    """A nationality, party or religion used as a singular noun with an article ("a Democrat")."""
    return (
        head.ent_type_ == "NORP"
        and head.tag_ in {"NN", "NNP"}
        and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the", "one", "another"} for c in head.children)
    )


def _indefinite(head: Token) -> bool:
    dets = [c for c in head.children if c.dep_ in {"det", "amod", "nummod", "quantmod"}]
    if any(d.lower_ in VAGUE_DETERMINERS for d in dets):
        return True
    if head.tag_ in {"NNS", "NNPS"} and not any(c.dep_ == "poss" for c in head.children):
        return not any(d.lower_ in {"the", "these", "those"} for d in dets)
    return False
