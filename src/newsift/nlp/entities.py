"""Entities with canonical names inside one document, from spaCy's NER and parse.

"Putin", "Vladimir Putin", "President Vladimir Putin" and a "he" that refers
to him become one entity, ``Vladimir Putin``, with the role ``president`` kept
as an attribute.  Everything works on the one Doc the stage parsed; offsets
here are offsets into the parsed text (``clean_text``), and the stage maps
them back to the original article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .rules import (
    ANONYMOUS_SOURCE_NOUNS,
    COMMENT_ADVERBS,
    ENTITY_LABELS,
    FEMALE_PERSON_NOUNS,
    GENDERED_HONORIFICS,
    HONORIFICS,
    MALE_PERSON_NOUNS,
    NATION_QUALIFIERS,
    NATIONAL_LEADER_OFFICES,
    NATIONALITIES,
    NOT_NAME_WORDS,
    PERSON_NOUNS,
    PRONOUN_LABELS,
    ROLE_ABBREVIATIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    TITLE_SUFFIXES,
    TITLES,
    WELL_KNOWN_ACRONYMS,
    is_tag_verb,
)

# Words a line needs before a name on it is taken as a full name the NER missed.
_MIN_NAME_LINE_WORDS = 5

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .names import NameGenders

# The labels the small model gives a bare surname that is a person's in the same text.
_SURNAME_MISTAKEN_AS = frozenset({"ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"})
_PLACES = frozenset({"GPE", "LOC"})
# A capitalised word a surname can be: "Holt", "McCulloch", "LaRouche", "Parker-Bowles", "O'Neill";
# not "SO" or "U.S.". A middle initial: "Barack H Obama", "John F. Kelly".
_SURNAME = re.compile(r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:[-'\u2019][A-Z]?[a-z]+)*(?<=[a-z])")
_INITIAL = re.compile(r"[A-Z]\.?")
_TITLED_AS_PERSON = frozenset({"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC", "LOC", "EVENT"})
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
# Words that end an institution's name and no person's: a name that would be a person's and ends on
# one is an organisation, whether the NER typed it as a person ("Syrian Observatory") or a title
# word opens it ("Justice Department" would be a person named "Department"). Words that are also
# surnames (`rules.SURNAME_BODY_WORDS`: "Church", "Court", "Union", "State") are left out.
_INSTITUTION_HEADS = frozenset(
    {
        "academy",
        "administration",
        "agency",
        "association",
        "board",
        "bureau",
        "college",
        "commission",
        "committee",
        "council",
        "department",
        "embassy",
        "foundation",
        "hospital",
        "institute",
        "ministry",
        "observatory",
        "office",
        "school",
        "university",
    }
)
# What can stand right before a title's last word: whitespace, the hyphen of "-elect", or what
# may open the title itself ('"Sen.', "(Gov.", ",President"; see ``_title_before``).
_LAST_WORD = re.compile(r"[\s\-(\[\"\u201c,]")
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
# An acronym as news writes it: "US", "U.S.", "FBI", "U.N.".
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
# The end of a word that the tokenizer splits off ("do|n’t", "Russia|’s").
_CLITIC = re.compile(r"(?i)n?['\u2019](?:t|s|re|ve|ll|d|m)")
PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A person's pronouns settle their gender when one gender outnumbers the other at least this
# many times over, with at least SETTLING_MIN of it (see ``_settled_genders``). Read on 1,050
# corpus articles, where a threefold majority avoided 3 of the 5 errors and lost 6 of the 18 corrections.
SETTLING_MAJORITY = 2
SETTLING_MIN = 3
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
# Modifiers that make a role another one: Bill Clinton, "former president", is not "the president".
_ROLE_CHANGERS = frozenset(
    {
        "former",
        "ex",
        "ex-",
        "deputy",
        "acting",
        "vice",
        "assistant",
        "associate",
        "interim",
        "late",
        "incoming",
        "then",
        "then-",
    }
)
# Common nouns that, set beside a name, say what the person is ("Bobby Knight, the former Indiana
# coach"; "coach Bill Reed"), so that a later "the coach" can mean them. Not the words that name
# no role at all.
_ROLE_WORDS = (ROLE_NOUNS | PERSON_NOUNS | ANONYMOUS_SOURCE_NOUNS) - {
    "person",
    "people",
    "someone",
    "somebody",
    # Unnamed by definition: a "source" beside a name is a parse across a quotation.
    "source",
    "insider",
}


@dataclass
class EntityInfo:
    name: str
    label: str
    roles: list[str] = field(default_factory=list)
    surface: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the parsed text
    end: int
    entity: int  # index into EntityIndex.entities
    kind: str  # name | pronoun | role ("the governor" for the one who holds that role)
    token: int  # index of the mention's head token in the Doc


class SentIndex:
    """Sentence bounds by token, computed once: spaCy's ``Token.sent`` rescans the
    whole Doc on every call, which made the stages slower than the parse."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``: the text ``doc`` was parsed from, when the caller has it."""
        # Doc.text rebuilds the string from the tokens on every access (0.2 ms an article): keep one
        # copy, and take the parsed text itself where there is one.
        if text is None:
            text = doc.text
        elif len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
            raise ValueError(f"SentIndex: a text of {len(text)} characters is not the one the Doc was parsed from")
        self.text: str = text
        # Iterating a Doc makes a new Token object for every word, each time: the stages walk
        # the words several times, so they share one list.
        self.tokens: list[Token] = list(doc)
        self.bounds: list[tuple[int, int, int, int]] = [
            (s.start, s.end, s.start_char, s.end_char) for s in doc.sents
        ] or [(0, len(doc), 0, len(self.text))]
        self._starts = [b[0] for b in self.bounds]

    def of(self, token_i: int) -> tuple[int, int, int, int]:
        """(start token, end token, start char, end char) of the sentence holding the token."""
        return self.bounds[max(bisect_right(self._starts, token_i) - 1, 0)]


@dataclass
class EntityIndex:
    """The entities of one document and where each is mentioned."""

    entities: list[EntityInfo]
    mentions: list[Mention]  # sorted by start
    sents: SentIndex
    # A person's gender where the text shows it without doubt ("he" or "she"; see ``_genders``).
    genders: dict[int, str] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def at(self, start: int, end: int) -> Mention | None:
        """The name mention overlapping ``[start, end)``, the longest one if several."""
        i = bisect_right(self._starts, end) - 1
        best: Mention | None = None
        while i >= 0 and self.mentions[i].end > start - 200:
            m = self.mentions[i]
            if m.start < end and m.end > start and (best is None or m.end - m.start > best.end - best.start):
                best = m
            i -= 1
        return best

    def holder_of(self, tok: Token) -> int | None:
        """The entity a role noun phrase names ("the mayor", "the former president"): see
        :func:`role_holder_of`."""
        return role_holder_of(tok, self.entities, self.mentions, self._starts)

    def shouted_person(self, said: str) -> int | None:
        """The person a name in capitals names ("CHRIS MATTHEWS", "MATTHEWS"): the one person of
        the text with that name, or with that word in their name; None where no one or several
        have it, or ``said`` is not in capitals."""
        if not said.isupper() or not any(ch.isalpha() for ch in said):
            return None
        words = said.lower().split()
        people = [i for i, e in enumerate(self.entities) if e.label == "PERSON"]
        found = [i for i in people if self.entities[i].name.lower().split() == words]
        if not found and len(words) == 1:
            found = [i for i in people if words[0] in self.entities[i].name.lower().split()]
        return found[0] if len(found) == 1 else None


def role_holder(
    entities: list[EntityInfo], mentions: list[Mention], starts: list[int], role: str, before: int
) -> int | None:
    """The most recently mentioned entity before ``before`` that holds ``role``, else the one
    entity of the text that holds it ("Riverside's mayor told the council ..." before "Mayor
    Elena Ruiz said"), else None.  ``mentions`` are sorted and ``starts`` are their starts."""
    i = bisect_right(starts, before) - 1
    while i >= 0:
        m = mentions[i]
        if role in entities[m.entity].roles:
            return m.entity
        i -= 1
    holders = [k for k, e in enumerate(entities) if role in e.roles]
    return holders[0] if len(holders) == 1 else None


def _spelled_out(others: list[tuple[Span, str]], keys: list[str]) -> dict[str, str]:
    """Acronyms of the article that another of its names spells out: acronym key -> that name's key.

    News spells a name out before it abbreviates it ("the Federal Bureau of Investigation ... the
    FBI"), so the full name must come first and be the only one of the same type with those
    initials: "D.C." early in an article is not its later "Delaware County".  A few acronyms are
    written before or without their full name and mean one thing in the news (``WELL_KNOWN_ACRONYMS``:
    "U.S." and "United States")."""
    label_of: dict[str, Counter[str]] = {}
    forms: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for (ent, name), key in zip(others, keys, strict=True):
        label_of.setdefault(key, Counter())[ent.label_] += 1
        forms.setdefault(key, set()).add(name)
        first.setdefault(key, ent.start_char)
    label = {key: counts.most_common(1)[0][0] for key, counts in label_of.items()}
    spelling: dict[tuple[str, str], list[str]] = {}
    for key, names in forms.items():
        capitals = [w for w in min(names).split() if w[:1].isupper()]
        if len(capitals) >= 2 and all(w[:1].isalpha() for w in capitals):
            initials = "".join(w[0] for w in capitals).lower()
            spelling.setdefault((initials, label[key]), []).append(key)
    out: dict[str, str] = {}
    for key, names in forms.items():
        if not all(_ACRONYM.fullmatch(n) for n in names):
            continue
        known = WELL_KNOWN_ACRONYMS.get(key)
        if known in forms:
            out[key] = known
            continue
        full = spelling.get((key, label[key]), [])
        if len(full) == 1 and full[0] != key and first[full[0]] < first[key]:
            out[key] = full[0]
    return out


class EntityExtractor:
    """Builds an :class:`EntityIndex` from a parsed Doc.  Holds compiled rules and, when given,
    the first-name table (:class:`~newsift.nlp.names.NameGenders`) that pronouns consult for a
    person whose gender the text leaves open."""

    def __init__(
        self,
        names: NameGenders | None = None,
        common_words: frozenset[str] = frozenset(),
        outlets: frozenset[str] = frozenset(),
    ) -> None:
        self.names = names
        # English nouns, verbs and adjectives (``model.common_words``): a name's last word that is
        # none of them is a surname, not the "Foundation" or "Mavericks" of a body's name.
        self.common_words = common_words
        # One-word names of rated sites (``names.outlet_names``): "Politico" typed as a person.
        self.outlets = outlets
        titles = sorted(TITLES, key=len, reverse=True)
        title_alt = "|".join(re.escape(t).replace(r"\-", r"\s*-\s*") for t in titles)
        # Any title can be "-elect" or "-designate": "Governor-elect", "Secretary-designate".
        title_alt = rf"(?:{title_alt})(?:\s*-\s*(?:{'|'.join(TITLE_SUFFIXES)}))?"
        modifiers = "|".join(re.escape(m) for m in sorted(ROLE_MODIFIERS, key=len, reverse=True))
        # A title (with optional modifiers such as "former") right before a name.
        self._title_before = re.compile(
            rf"(?:^|(?<=[\s(\[\"\u201c,]))((?:(?:{modifiers})\s+)*(?:{title_alt}))\s+$", re.IGNORECASE
        )
        self._title_lead = re.compile(rf"^((?:{title_alt}))\s+", re.IGNORECASE)
        # The last word of every title: a search for a title over the words before each name tried
        # the whole alternation at every word, and most names follow no title at all.
        from spacy.lang.en.stop_words import STOP_WORDS

        self._stop_words: frozenset[str] = frozenset(STOP_WORDS)
        self._title_ends = frozenset(_LAST_WORD.split(t.lower())[-1] for t in (*TITLES, *TITLE_SUFFIXES))

    def extract(
        self, doc: Doc, quoted: list[tuple[int, int]] | None = None, sents: SentIndex | None = None
    ) -> EntityIndex:
        sents = SentIndex(doc) if sents is None else sents
        text = sents.text
        persons: list[tuple[Span, str, str | None]] = []  # (ent, bare name, role)
        others: list[tuple[Span, str]] = []
        tagged = Counter((e.label_, _tagged_name(e)) for e in doc.ents)
        for found in doc.ents:
            if found.label_ not in ENTITY_LABELS:
                continue
            ent = _before_colon(found)
            if ent is not None and ent.label_ != "WORK_OF_ART":
                ent = _before_own_verb(ent)
            if (
                ent is not None
                and ent.label_ in _SURNAME_MISTAKEN_AS | _PLACES
                and self._person_named_in_full(ent, tagged)
            ):
                ent = _relabelled(ent, "PERSON")
            if ent is not None and ent.label_ == "PERSON":
                ent = _after_clutter(ent)
            if ent is not None and ent.label_ == "PERSON":
                ent = _before_hearer(ent)
            if ent is None:
                continue
            name, role = self._bare_name(text, ent)
            if not name or not any(ch.isalnum() for ch in name) or all(map(_CLITIC.fullmatch, name.split())):
                continue  # "n’t" and "’s", which the small model tags as places now and then
            # A title before a name makes it a person, whatever the small model typed it as
            # ("Mayor Elena Ruiz said" as a WORK_OF_ART).
            person = ent.label_ == "PERSON" or (role is not None and ent.label_ in _TITLED_AS_PERSON)
            if person and ent[-1].lower_ in _INSTITUTION_HEADS:
                # Named in full: "Justice" is part of "Justice Department", not a title.
                others.append((_relabelled(ent, "ORG"), _institution_name(ent)))
            elif person and role is None and self._outlet(name):
                others.append((_relabelled(ent, "ORG"), name))
            elif person:
                if not self._function_words(name):
                    persons.append((ent, name, role))
            else:
                others.append((ent, name))
        persons += self._untagged_full_names(doc, text, persons, sents.tokens)
        persons += self._untagged_bare_names(doc, text, persons, sents.tokens)
        persons = _unshouted(persons)
        entities: list[EntityInfo] = []
        mentions: list[Mention] = []
        self._cluster_persons(persons, others, entities, mentions)
        self._cluster_others(others, entities, mentions)
        _apposed_roles(doc, entities, mentions, quoted or [])
        _add_role_mentions(doc, entities, mentions, quoted or [], sents.tokens)
        genders = self._add_pronouns(doc, entities, mentions, quoted or [], sents)
        return EntityIndex(entities, mentions, sents, genders)

    def _untagged_full_names(
        self, doc: Doc, text: str, persons: list[tuple[Span, str, str | None]], tokens: list[Token]
    ) -> list[tuple[Span, str, str | None]]:
        """Full names the NER left untagged, for surnames it tagged alone.

        "Council members Ana Ruiz and Sam Ortiz ..." then "Ruiz said": the small model
        can miss the first full name and still tag the surname later; news introduces a
        person by full name first, so a capitalised proper noun right before the same
        surname, before its first tagged mention, is taken as the full name."""
        from spacy.tokens import Span

        full_surnames = {n.split()[-1] for _, n, _ in persons if len(n.split()) > 1}
        first_seen: dict[str, int] = {}
        for ent, name, _ in persons:
            if len(name.split()) == 1 and name not in full_surnames:
                first_seen[name] = min(first_seen.get(name, ent.start), ent.start)
        found: list[tuple[Span, str, str | None]] = []
        if not first_seen:
            return found  # most articles: no surname stands alone, and no token needs a look
        for tok in tokens:
            limit = first_seen.get(tok.text)
            if limit is None or tok.i >= limit or tok.i == 0 or tok.ent_type_:
                continue
            given = doc[tok.i - 1]
            if given.pos_ != "PROPN" or given.ent_type_ or not given.text[:1].isupper() or not given.is_alpha:
                continue
            line_start = text.rfind("\n", 0, given.idx) + 1
            line_end = text.find("\n", tok.idx)
            if len(text[line_start : line_end if line_end >= 0 else len(text)].split()) < _MIN_NAME_LINE_WORDS:
                continue  # a heading ("Political Frankenstein.") names no one
            span = Span(doc, tok.i - 1, tok.i + 1, label="PERSON")
            name, role = self._bare_name(text, span)
            if len(name.split()) > 1:
                found.append((span, name, role))
                del first_seen[tok.text]
        return found

    def _untagged_bare_names(
        self, doc: Doc, text: str, persons: list[tuple[Span, str, str | None]], tokens: list[Token]
    ) -> list[tuple[Span, str, str | None]]:
        """Bare names the NER left untagged, for people the text has already named in full.

        "Justin Bieber and Selena Gomez were spotted ... Bieber, too, stays mum": the small model
        tags the full names and misses the later "Bieber", which then spoke as an unknown phrase.
        A proper noun standing alone that is a word of a full name used earlier joins it."""
        from spacy.tokens import Span

        first_full: dict[str, int] = {}
        surnames: set[str] = set()
        for ent, name, _ in persons:
            words = name.split()
            if len(words) > 1:
                surnames.add(words[-1])
                for w in words:
                    if w[:1].isupper() and w.isalpha() and len(w) > 1:
                        first_full[w] = min(first_full.get(w, ent.end), ent.end)
        found: list[tuple[Span, str, str | None]] = []
        if not first_full:
            return found
        headline = _headline_end(text)
        for tok in tokens:
            # A transcript's label shouts the surname ("LOPEZ: ..."), which the tagger reads as
            # anything at all: before a colon, a surname in capitals is the name all the same.
            key = tok.text
            shouted = key not in first_full and tok.text.isupper() and len(tok.text) > 1
            if shouted:
                key = tok.text.title()
            seen = first_full.get(key)
            # A headline names by surname the person its story then names in full ("Lind: Budget
            # will pass" over "Council member Ana Lind said ..."): it comes before the full name.
            if seen is None or (tok.i < seen and not (tok.idx < headline and key in surnames)) or tok.ent_type_:
                continue
            if shouted:
                if key not in surnames or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":":
                    continue
            # The tagger takes a name it does not know for a common noun, mostly at the start of a
            # sentence ("Baptiste, too, stays mum"); a surname is taken then, a given name is not.
            elif not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text in surnames)):
                continue
            # Alone: a neighbouring proper noun makes another name ("Bieber Foundation", "Kim Bieber"),
            # unless it is a tag's verb the tagger took for one ('Continued Bieber: "..."').
            if any(
                0 <= k < len(doc) and doc[k].pos_ == "PROPN" and not opens_a_line_tag(doc[k])
                for k in (tok.i - 1, tok.i + 1)
            ):
                continue
            found.append((Span(doc, tok.i, tok.i + 1, label="PERSON"), key, None))
        return found

    # -- names and titles ------------------------------------------------
    def _person_named_in_full(self, ent: Span, tagged: Counter[tuple[str, str]]) -> bool:
        """Whether a name the small model typed as a body or a work is a person's named in full. It
        does so in news about people ("Lester Holt", "Carly Fiorina", "Sean Hannity" as
        organisations), and the person then speaks as a body and their "he" or "she" finds no one.
        ``tagged`` counts the Doc's entities by label and name. A person's name is either

        * one the text tags a person more often than it types it so ("Imran Awan", a PERSON three
          times and an ORG once), or
        * a first name whose gender the first-name table settles, then one or two capitalised
          words, the last a surname: a word the text tags as a person's surname in another name or
          alone ("Keith Lamont Scott" beside "Scott said"; "Virginia Tech" tagged a person once is
          no evidence for itself), or no English noun, verb or adjective (``common_words``), so
          that "Dallas Mavericks", "Page Six" and "Temple University" stay bodies (an
          institution's word, "Clinton Foundation", keeps a name a body in any case). Without the
          first-name table this way is closed, and without the word list only its first half is
          open.

        A name typed a place ("42-year-old Wendell Pruitt found", beside "Pruitt told") takes the
        first way, or the second by a surname the text tags as a person's, and only where no
        preposition of place governs it."""
        if ent.label_ in _PLACES and _after_place_preposition(ent):
            # A town can be named for someone: "traffic problems in Fort Lee" is the town, however
            # often the tagger took the name for a person's elsewhere.
            return False
        name = _tagged_name(ent)
        words = name.split()
        if len(words) >= 2 and tagged["PERSON", name] > tagged[ent.label_, name]:
            return True
        if self.names is None or not 2 <= len(words) <= 3 or self.names.gender(name) is None:
            return False
        *middle, last = words[1:]
        if not _SURNAME.fullmatch(last) or not all(_SURNAME.fullmatch(w) or _INITIAL.fullmatch(w) for w in middle):
            return False
        if any(label == "PERSON" and other != name and other.split()[-1:] == [last] for label, other in tagged):
            return True
        if ent.label_ in _PLACES:
            # Many places are named with words no dictionary holds, so that is no sign of a person.
            return False
        return bool(self.common_words) and not any(self._common_word(w) for w in words[1:] if not _INITIAL.fullmatch(w))

    def _outlet(self, name: str) -> bool:
        """A one-word "person" that is the name of a rated site ("Politico reported", "Twitter
        said").  A person the text names in full with it ("Andrew Breitbart ... Breitbart") keeps
        the bare surname all the same: the person's cluster takes it in (``_cluster_persons``)."""
        return " " not in name and name.lower() in self.outlets

    def _common_word(self, word: str) -> bool:
        lower = word.lower()
        forms = [lower]
        if lower.endswith("ies"):
            forms.append(lower[:-3] + "y")  # "Laboratories", "Ministries"
        elif lower.endswith("s"):
            forms.append(lower[:-1])  # "Mavericks", "Hills"
        return any(form in self.common_words for form in forms)

    def _function_words(self, name: str) -> bool:
        """Whether ``name`` is only lower-case function words: what is left of a span the NER took
        for a name when the title is cut off it ("Chairwoman of" leaves "of").  A capitalised one
        is a name ("May", "Will")."""
        return all(word.islower() and word in self._stop_words for word in name.split())

    def _title_in_front(self, before: str) -> re.Match[str] | None:
        """``_title_before.search(before)``, skipped where its last word ends no title.  The test
        is exact for a word in ASCII; any other goes to the regex, whose case-blind matching
        knows letters (a dotless i, a long s) that lower-casing does not map to ASCII."""
        tail = before.rstrip()
        if tail == before:
            return None  # a title is followed by whitespace
        last = _LAST_WORD.split(tail)[-1]
        if last.isascii() and last.lower() not in self._title_ends:
            return None
        return self._title_before.search(before)

    def _bare_name(self, text: str, ent: Span) -> tuple[str, str | None]:
        """The entity's name without titles or possessive, and the role in front of it."""
        name = _without_possessive(ent.text.strip())
        role: str | None = None
        before = text[max(0, ent.start_char - 60) : ent.start_char]
        lead = self._title_lead.match(name)
        if lead and len(name) > lead.end():
            role = lead.group(1)
            name = name[lead.end() :]
            # The NER may take in the end of a title only ("First [Lady Melania Trump]").
            before += lead.group(0)
        m = self._title_in_front(before)
        if m:
            role = m.group(1)
        if ent.label_ != "PERSON" and ent.label_ not in _TITLED_AS_PERSON:
            return name, None
        if role is not None:
            role = re.sub(r"\s*-\s*", "-", " ".join(ROLE_ABBREVIATIONS.get(w, w) for w in role.lower().split()))
            if role in HONORIFICS:
                role = None
        if name.lower().startswith("the ") and ent.label_ in {"ORG", "GPE", "NORP"}:
            name = name[4:]
        return name, role

    def _cluster_persons(
        self,
        persons: list[tuple[Span, str, str | None]],
        others: list[tuple[Span, str]],
        entities: list[EntityInfo],
        mentions: list[Mention],
    ) -> None:
        # Full names (two tokens or more) found clusters; a name whose words all
        # appear, in order, in a longer one with the same surname joins it.
        full: dict[tuple[str, ...], int] = {}
        # Longest first, and names of one length in the order the text first uses them: a
        # set's order changes with Python's hash seed, and with it which of two namesakes
        # ("Hillary Clinton", "Chelsea Clinton") a bare "Clinton" joined.
        in_order = dict.fromkeys(tuple(n.split()) for _, n, _ in sorted(persons, key=lambda t: t[0].start_char))
        by_len = sorted(in_order, key=len, reverse=True)
        for words in by_len:
            if len(words) < 2:
                continue
            target = next(
                (idx for key, idx in full.items() if key[-1] == words[-1] and _subsequence(words, key)),
                None,
            )
            if target is None:
                target = len(entities)
                entities.append(EntityInfo(" ".join(words), "PERSON"))
            full[words] = target
        surname_of: dict[str, list[int]] = {}
        for key, idx in full.items():
            for w in key:
                surname_of.setdefault(w, [])
                if idx not in surname_of[w]:
                    surname_of[w].append(idx)
        last_seen: dict[int, int] = {}

        def assign(words: tuple[str, ...], role: str | None, ent: Span) -> int:
            if words in full:
                return full[words]
            candidates = surname_of.get(words[-1], []) if len(words) == 1 else []
            # Only a surname that namesakes share needs the clues to gender, so only it looks for them.
            shared = bool(candidates) and self.names is not None
            titled = _honorific_gender(ent) if shared else None
            gender = titled or (_reported_self_gender(ent) if shared else None)
            if gender is not None and self.names is not None:
                # "Mrs. Clinton" (or "Clinton said she") with Hillary and Bill both named: the namesake
                # whose first name the table gives that gender, else one it cannot tell, never one
                # of the other gender.
                genders = {c: self.names.gender(entities[c].name) for c in candidates}
                same = [c for c in candidates if genders[c] == gender]
                fitting = same or [c for c in candidates if genders[c] is None]
                if fitting or titled is None:
                    candidates = fitting or candidates
                else:
                    # "Bill Clinton spoke. Mrs. Clinton said ...": the text has not named her in
                    # full, and she is not him. She is a person of her own, whom a later bare
                    # surname may mean too, so she joins the namesakes but not the full names.
                    idx = len(entities)
                    entities.append(EntityInfo(" ".join(words), "PERSON"))
                    surname_of[words[-1]].append(idx)
                    return idx
            if len(candidates) == 1:
                return candidates[0]
            if role is not None:
                # "President Clinton" with Hillary mentioned last: the namesake who holds the role
                # ("former president" counts) is meant. (Also preferring one who holds no other
                # title gave "President Trump" to "Trump Tower", which the NER took for a person.)
                head = role_head(role)
                holders = [c for c in candidates if any(role_head(r) == head for r in entities[c].roles)]
                candidates = holders or candidates
            if candidates:
                # "Clinton" with both Hillary and Bill in the text: the one mentioned last.
                return max(candidates, key=lambda c: last_seen.get(c, -1))
            idx = len(entities)
            entities.append(EntityInfo(" ".join(words), "PERSON"))
            full[words] = idx
            surname_of.setdefault(words[-1], []).append(idx)
            return idx

        # spaCy's small model often tags a bare surname as ORG ("Trump's office"), and now and then
        # as a work of art, a product or an event ('"...," Trump responded'): such a one-word
        # name that is a known person's name is that person, whether the text gives the full name
        # or only the surname elsewhere tagged as a person ("Trump told CNNMoney ... Trump
        # replied", the second an ORG).
        # A bare name tagged a body as often as a person is left alone: "Antifa", "Crimea", "BrewDog".
        # A place needs more: a person named in full with that name among their words, and the bare
        # name tagged a person more often than a place ("Obama" once a GPE among fourteen PERSONs), or
        # the surname of a person named in full that the text never uses as a place: the small model
        # tags "Griffin" a GPE eleven times beside three "Kathy Griffin"s, always as someone who
        # speaks or acts. "Washington" the city stays a place beside a George Washington the text
        # names once or twice wherever it reads as one somewhere: "in Washington".
        surnames = {words[-1] for words in full}
        # Transcripts and headlines shout a surname, which the tagger may type a body ("FALLIN: Well,
        # ..." an ORG beside "Governor Mary Fallin"): it is the person, as `_unshouted` reads one it
        # typed a person.  In place, as the caller reads ``others`` after this.
        others[:] = [(ent, _unshout(name, surnames)) for ent, name in others]
        as_person = Counter(name for _, name, _ in persons if " " not in name)
        as_body = Counter(name for ent, name in others if ent.label_ in {"ORG", "NORP"} and " " not in name)
        as_place = Counter(name for ent, name in others if ent.label_ in _PLACES and " " not in name)
        used_as_place = {name for ent, name in others if ent.label_ in _PLACES and _reads_as_place(ent)}
        moved = [
            (ent, name)
            for ent, name in others
            if len(name.split()) == 1
            and (
                (ent.label_ in _SURNAME_MISTAKEN_AS and (name in surname_of or as_person[name] > as_body[name]))
                or (
                    ent.label_ in _PLACES
                    and name in surname_of
                    and (as_person[name] > as_place[name] or (name in surnames and name not in used_as_place))
                )
            )
        ]
        for item in moved:
            others.remove(item)
        merged = [(ent, name, role) for ent, name, role in persons] + [(e, n, None) for e, n in moved]
        merged.sort(key=lambda t: t[0].start_char)
        for ent, name, role in merged:
            idx = assign(tuple(name.split()), role, ent)
            last_seen[idx] = ent.start_char
            info = entities[idx]
            info.surface[name] += 1
            if role:
                info.roles.extend(r for r in _with_bare_role(role) if r not in info.roles)
            mentions.append(Mention(ent.start_char, ent.end_char, idx, "name", ent.root.i))
        for info in entities:
            if info.label == "PERSON" and info.surface:
                longest = max(len(s.split()) for s in info.surface)
                forms = [s for s in info.surface if len(s.split()) == longest]
                info.name = max(forms, key=lambda s: info.surface[s])

    def _cluster_others(
        self, others: list[tuple[Span, str]], entities: list[EntityInfo], mentions: list[Mention]
    ) -> None:
        keys = [" ".join(name.lower().replace(".", "").split()) for _, name in others]
        spelled_out = _spelled_out(others, keys)
        keyed: dict[str, int] = {}
        labels: dict[int, Counter[str]] = {}
        for (ent, name), key in zip(others, keys, strict=True):
            key = spelled_out.get(key, key)
            idx = keyed.get(key)
            if idx is None:
                idx = len(entities)
                entities.append(EntityInfo(name, ent.label_))
                keyed[key] = idx
                labels[idx] = Counter()
            labels[idx][ent.label_] += 1
            entities[idx].surface[name] += 1
            mentions.append(Mention(ent.start_char, ent.end_char, idx, "name", ent.root.i))
        joined = {keyed[full] for full in spelled_out.values()}
        for idx, counts in labels.items():
            info = entities[idx]
            info.label = counts.most_common(1)[0][0]
            # An acronym joined to its full name is named by the full name ("U.S." by "United States").
            forms = Counter({f: n for f, n in info.surface.items() if " " in f}) if idx in joined else info.surface
            info.name = forms.most_common(1)[0][0]

    # -- pronouns --------------------------------------------------------
    def _add_pronouns(
        self,
        doc: Doc,
        entities: list[EntityInfo],
        mentions: list[Mention],
        quoted: list[tuple[int, int]],
        sents: SentIndex,
    ) -> dict[int, str]:
        """Third-person pronouns outside quotes join the person they most likely refer to.

        Two passes where a first one leaves someone with pronouns of both genders and a clear
        majority (``_settled_genders``): the second holds every pronoun to that majority.
        Returns each person's gender where the text shows it (``_genders``) or the majority
        settled it."""
        person_mentions = sorted((m for m in mentions if entities[m.entity].label == "PERSON"), key=lambda m: m.start)
        if not person_mentions:
            return {}
        genders = _genders(doc, person_mentions, quoted, sents)
        # Where the text leaves a person's gender open, the first name may tell it ("Hillary Clinton's
        # advantage ... And his appeals ... he recommended" is not hers). It steers pronouns only, and
        # what the text says outright wins over it.
        named = self._named_genders(entities, person_mentions)
        pronouns = [
            tok
            for tok in sents.tokens
            if tok.lower_ in _PERSON_PRONOUNS and tok.pos_ == "PRON" and not in_spans(tok.idx, quoted)
        ]
        subjects: dict[int, int] = {}
        chained = self._resolve(doc, pronouns, person_mentions, quoted, sents, genders, subjects)
        # A majority of pronouns that went to the nearest name does not overrule the first name: over
        # 1,050 corpus articles the two disagreed on 6 people, and the majority was wrong for all 6
        # (Hillary Clinton "he" three times, where the man's name had gone untagged).
        settled = {
            entity: gender
            for entity, gender in _settled_genders(pronouns, chained, genders, subjects).items()
            if named.get(entity, gender) == gender
        }
        if settled or named:
            genders = {**genders, **settled}
            chained = self._resolve(doc, pronouns, person_mentions, quoted, sents, {**named, **genders})
        mentions.extend(
            Mention(doc[i].idx, doc[i].idx + len(doc[i].text), ent, "pronoun", i) for i, ent in chained.items()
        )
        return genders

    def _named_genders(self, entities: list[EntityInfo], person_mentions: list[Mention]) -> dict[int, str]:
        """The gender the first-name table gives each person; what the text shows overrides it."""
        if self.names is None:
            return {}
        out: dict[int, str] = {}
        for entity in sorted({m.entity for m in person_mentions}):
            gender = self.names.gender(entities[entity].name)
            if gender is not None:
                out[entity] = gender
        return out

    @staticmethod
    def _resolve(
        doc: Doc,
        pronouns: list[Token],
        person_mentions: list[Mention],
        quoted: list[tuple[int, int]],
        sents: SentIndex,
        genders: dict[int, str],
        subjects: dict[int, int] | None = None,
    ) -> dict[int, int]:
        chained: dict[int, int] = {}
        for tok in pronouns:
            ent = resolve_pronoun(doc, tok, person_mentions, quoted, sents, genders, chained, subjects)
            if ent is not None:
                chained[tok.i] = ent
        return chained


def _apposed_roles(
    doc: Doc, entities: list[EntityInfo], mentions: list[Mention], quoted: list[tuple[int, int]]
) -> None:
    """Roles that a common noun beside a name gives: an apposition either way round ("Bobby Knight,
    the former Indiana coach,"; "the ministry's spokesman, John Smith,") or a noun before the name
    ("coach Bill Reed", "the actress Jane Roe").

    The role is kept with its modifiers ("campaign manager") and as the bare noun: a reporter
    names the person again as "the coach" whatever came before the noun the first time."""
    for m in mentions:
        info = entities[m.entity]
        if info.label != "PERSON" or m.kind != "name":
            continue
        head = doc[m.token]
        nouns = [c for c in head.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.idx < m.start)]
        if head.dep_ == "appos":
            nouns.append(head.head)
        for noun in nouns:
            lemma = noun.lemma_.lower()
            if noun.tag_ != "NN" or lemma not in _ROLE_WORDS or noun.conjuncts:
                continue
            if in_spans(noun.idx, quoted) != in_spans(m.start, quoted):
                continue  # a parse across a quotation mark
            roles = [" ".join([*(c.lower_ for c in _role_modifiers(noun)), lemma]), lemma]
            of_role = _of_role(noun)
            if of_role is not None:
                # "John Kerry, the secretary of state,": "the secretary of state" names him again.
                roles.insert(0, of_role[0])
            info.roles.extend(r for r in dict.fromkeys(roles) if r not in info.roles)


def _unshout(name: str, words: set[str], spoken: dict[str, str] | None = None) -> str:
    """``name`` as the word of a full name it shouts, when it is one word in capitals whose
    capitalised form is among ``words`` ("WALLACE" beside "Chris Wallace"), or as the full name
    it shouts whole, when ``spoken`` (lower-cased full names, each as the text writes it) holds it
    ("AL GORE" beside "Al Gore"); else ``name``."""
    if not name.isupper() or len(name) < 2:
        return name
    if " " in name:
        return name if spoken is None else spoken.get(name.lower(), name)
    return name.title() if name.title() in words else name


def _unshouted(persons: list[tuple[Span, str, str | None]]) -> list[tuple[Span, str, str | None]]:
    """A name in capitals that is a word of a full name the text uses ("WALLACE" beside "Chris
    Wallace"), or that full name itself ("CHRIS WALLACE"), is that name: transcripts and headlines
    shout names."""
    full = [name for _, name, _ in persons if len(name.split()) > 1]
    words = {w for name in full for w in name.split()}
    spoken = {name.lower(): name for name in full if not name.isupper()}
    return [(ent, _unshout(name, words, spoken), role) for ent, name, role in persons]


def _with_bare_role(role: str) -> list[str]:
    """A title's role, and the role without the words before it that only say which holder it is:
    "Russian President Vladimir Putin" is "the president" too; a former president is not."""
    words = role.split()
    k = 0
    while k < len(words) - 1 and words[k] in ROLE_MODIFIERS and words[k] not in _ROLE_CHANGERS:
        k += 1
    roles = [role] if k == 0 else [role, " ".join(words[k:])]
    if " of " in role:
        # "Secretary of State John Kerry" is "the secretary" in the next paragraph.
        roles.append(role_head(role))
    return roles


def role_head(role: str) -> str:
    """The noun a role is named by: its last word, or the last before "of" ("secretary of state")."""
    return role.split(" of ", 1)[0].split()[-1]


def _of_role(tok: Token) -> tuple[str, int] | None:
    """ "the secretary of state": the role with its "of" phrase, and the token after the phrase."""
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objs) == 1 and objs[0].pos_ in {"NOUN", "PROPN"}:
                obj = objs[0]
                words = [t.lower_ for t in tok.doc[obj.left_edge.i : obj.right_edge.i + 1] if t.dep_ != "det"]
                return f"{tok.lemma_.lower()} of {' '.join(words)}", obj.right_edge.i + 1
    return None


def _role_modifiers(noun: Token) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}]


def _changes_role(mod: Token) -> bool:
    """A modifier that makes a role another one: "former", "deputy", or a name of something
    else ("the Weeknd singer"); a place, party or ordinal only says which holder it is."""
    if mod.lower_ in _ROLE_CHANGERS:
        return True
    return (
        mod.pos_ == "PROPN"
        and mod.ent_type_ not in {"GPE", "NORP", "ORG", "ORDINAL"}
        and mod.lower_ not in ROLE_MODIFIERS
    )


def _add_role_mentions(
    doc: Doc,
    entities: list[EntityInfo],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
    tokens: list[Token],
) -> None:
    """ "The governor said ...": a definite role noun outside quotation marks is a mention of the
    person who holds the role, most recently named, so that a "he" after it can mean them too."""
    mentions.sort(key=lambda m: m.start)
    starts = [m.start for m in mentions]
    taken = [(m.start, m.end) for m in mentions]
    held = {role_head(role) for info in entities if info.label == "PERSON" for role in info.roles}
    if held & {role_head(office) for office in NATIONAL_LEADER_OFFICES}:
        held.add("leader")  # "the Russian leader" (``_national_leader``)
    added: list[Mention] = []
    for tok in tokens:
        if tok.lemma_.lower() not in held or tok.tag_ not in {"NN", "NNP"} or tok.dep_ in {"compound", "appos"}:
            continue
        # Only "the" or a place's or body's possessive: "Willey's attorney" is one person's, and
        # the attorney whom the text named may be another's.
        if not definite(tok, untyped_possessor=False) or in_spans(tok.idx, quoted):
            continue
        if any(s <= tok.idx < e for s, e in taken) or any(c.dep_ == "appos" for c in tok.children):
            continue  # "the coach, Bobby Knight, said": the name is the mention
        idx = role_holder_of(tok, entities, mentions, starts)
        if idx is None or entities[idx].label != "PERSON":
            continue
        first = tok.left_edge
        # Never over a line break: the parse can hang a heading on the noun.
        for k in range(tok.i - 1, first.i - 1, -1):
            if "\n" in doc[k].text:
                first = doc[k + 1]
                break
        while first.i < tok.i and (first.is_space or first.is_punct):
            first = doc[first.i + 1]
        end = tok.i + 1
        of_role = _of_role(tok)
        if of_role is not None and any(r == of_role[0] or r.endswith(f" {of_role[0]}") for r in entities[idx].roles):
            end = of_role[1]
        last = doc[end - 1]
        added.append(Mention(first.idx, last.idx + len(last.text), idx, "role", tok.i))
    mentions.extend(added)


def role_holder_of(tok: Token, entities: list[EntityInfo], mentions: list[Mention], starts: list[int]) -> int | None:
    """Who a role noun phrase ("the former president", "the coach") names, or None.

    The longest role its modifiers and noun make that someone holds wins, so "the former
    president" is Bill Clinton where Barack Obama holds "president". A modifier left over that
    makes it another role ("the former president" where only Obama holds one) makes it no one
    known: a guess there would be labelled as certain. A role with an "of" phrase ("the secretary
    of state") is first matched whole.
    """
    if any(c.is_quote for c in tok.lefts):
        return None  # "the 'Crazy Ex-Girlfriend' singer": a title names the person, not the role
    mods = _role_modifiers(tok)
    if tok.lemma_.lower() == "leader" and len(mods) == 1 and mods[0].lower_ in NATIONALITIES:
        # "the Russian leader" is that nation's head of state or government; another title with
        # "leader" in it (a party's, a chamber's, a parse's "foreign leader") says nothing of the nation.
        return _national_leader(_nation(mods[0]), entities)
    of_role = _of_role(tok)
    if of_role is not None:
        idx, found = _modified_role_holder(mods, of_role[0], tok.idx, entities, mentions, starts)
        if found:
            return idx
    idx, _ = _modified_role_holder(mods, tok.lemma_.lower(), tok.idx, entities, mentions, starts)
    if (
        idx is not None
        and of_role is not None
        and any(" of " in r and role_head(r) == role_head(of_role[0]) for r in entities[idx].roles)
    ):
        # "the secretary of defense" is not the secretary of state; "the president of Russia"
        # or "the author of the book" may well be the president or author the text named.
        return None
    return idx


def _nation(adjective: Token) -> str:
    """A nation's adjective with the word before it that makes it another nation's, which the
    parse hangs on the adjective: "north korean" for the "North Korean" of "the North Korean leader"."""
    qualifiers = [c.lower_ for c in adjective.lefts if c.lower_ in NATION_QUALIFIERS and c.i == adjective.i - 1]
    return " ".join([*qualifiers, adjective.lower_])


def _national_leader(nation: str, entities: list[EntityInfo]) -> int | None:
    """ "the Russian leader" (``nation``: "russian"): the one person whose title makes them that
    nation's head of state or government ("Russian President Ivan Petrov") or its leader ("North
    Korean leader Kim Jong Un"); None where no one's does, or two people's do (a president and a
    prime minister)."""
    offices = {f"{nation} {office}" for office in (*NATIONAL_LEADER_OFFICES, "leader")}
    holders = [k for k, e in enumerate(entities) if e.label == "PERSON" and not offices.isdisjoint(e.roles)]
    return holders[0] if len(holders) == 1 else None


def _modified_role_holder(
    mods: list[Token], role: str, before: int, entities: list[EntityInfo], mentions: list[Mention], starts: list[int]
) -> tuple[int | None, bool]:
    """The holder of ``role`` with the most of its noun's modifiers ``mods`` before it ("former
    secretary of state" before "secretary of state"), and whether someone holds it at all: a
    modifier left over that changes the role makes that someone no one known."""
    for k in range(len(mods) + 1):
        idx = role_holder(entities, mentions, starts, " ".join([*(c.lower_ for c in mods[k:]), role]), before)
        if idx is not None:
            return (None if any(_changes_role(c) for c in mods[:k]) else idx), True
    return None, False


def definite(head: Token, *, untyped_possessor: bool = True) -> bool:
    """ "the mayor", and a place's or body's ("Riverside's mayor"): one holder of the role.

    ``untyped_possessor`` lets a possessor the NER did not type count as a place or body.
    """
    return any(
        (c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that"})
        or (
            c.dep_ == "poss"
            and (c.ent_type_ in {"GPE", "ORG", "NORP"} or (untyped_possessor and c.pos_ == "PROPN" and not c.ent_type_))
        )
        for c in head.children
    )


def _genders(
    doc: Doc, person_mentions: list[Mention], quoted: list[tuple[int, int]], sents: SentIndex
) -> dict[int, str]:
    """Each person's gender as the text itself shows it, where it shows it without doubt.

    A sentence that names one person, as the subject of a verb whose clause has a "he" or "she"
    for its subject, outside quotation marks, is a vote for that person ("Hillary Clinton said
    she ..."); a person whose votes all go one way gets that gender. A vote the other way, as
    when the pronoun means someone named before ("Trump said she was wrong"), leaves the person
    without one: no name's gender is known otherwise.
    """
    names: dict[int, list[Mention]] = {}
    for m in person_mentions:
        names.setdefault(sents.of(m.token)[0], []).append(m)
    votes: dict[int, list[str]] = {}
    for tok in sents.tokens:
        gender = PRONOUN_GENDER.get(tok.lower_)
        if gender is None or tok.pos_ != "PRON" or in_spans(tok.idx, quoted):
            continue
        named = names.get(sents.of(tok.i)[0], [])
        if len({m.entity for m in named}) != 1:
            continue
        # Only "Clinton said she ...": the pronoun is the subject of what the named subject says, which
        # in news is nearly always the speaker; an object or a later clause ("kicking her as she walked")
        # is as often someone else.
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "ccomp":
            continue
        if any(m.end <= tok.idx and doc[m.token].dep_ == "nsubj" and doc[m.token].head.i == verb.head.i for m in named):
            votes.setdefault(named[0].entity, []).append(gender)
    return {entity: seen[0] for entity, seen in votes.items() if len(set(seen)) == 1}


def text_genders(doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]]) -> dict[int, str]:
    """Each person's gender as the text itself shows it (``_genders``), from a built index."""
    names = [m for m in index.mentions if m.kind != "pronoun" and index.entities[m.entity].label == "PERSON"]
    return _genders(doc, names, quoted, index.sents)


def _settled_genders(
    pronouns: list[Token], chained: dict[int, int], known: dict[int, str], subjects: dict[int, int]
) -> dict[int, str]:
    """Genders that a person's resolved pronouns settle by a clear majority, for people the text
    gives none otherwise.

    A pronoun goes to the nearest fitting name, so where a man and a woman alternate ("Pitt ...
    she ... he ...") some go to the wrong one; most still go right, and the majority is then the
    person's gender, which a second pass holds the pronouns to. Not when a subject pronoun of the
    other gender went to the person as the subject of a verb under theirs ("Baker reignited the
    feud when he wrote"; ``subjects``): that is surer than any count of pronouns that went to
    the person only because no other name was near.
    """
    counts: dict[int, Counter[str]] = {}
    sure: dict[int, set[str]] = {}
    for tok in pronouns:
        ent = chained.get(tok.i)
        if ent is not None and ent not in known:
            counts.setdefault(ent, Counter())[PRONOUN_GENDER[tok.lower_]] += 1
            if subjects.get(tok.i) == ent:
                sure.setdefault(ent, set()).add(PRONOUN_GENDER[tok.lower_])
    out: dict[int, str] = {}
    for ent, by in counts.items():
        if len(by) < 2:
            continue
        (g1, n1), (g2, n2) = by.most_common()
        if n1 >= SETTLING_MAJORITY * n2 and n1 >= SETTLING_MIN and g2 not in sure.get(ent, ()):
            out[ent] = g1
    return out


def resolve_pronoun(
    doc: Doc,
    tok: Token,
    candidates: list[Mention],
    quoted: list[tuple[int, int]],
    sents: SentIndex,
    genders: dict[int, str] | None = None,
    chained: dict[int, int] | None = None,
    subjects: dict[int, int] | None = None,
) -> int | None:
    """The entity a pronoun most likely refers to: a subject in its own sentence
    first, then the same pronoun as the main subject of the sentence before (``chained``:
    the entities of pronouns resolved earlier, by token), then the nearest earlier sentence
    that names a candidate (its subject if it has one, else its last mention).
    ``candidates`` are sorted name mentions; a person whose gender the text shows
    (``genders``) is no candidate for the other gender's pronoun. ``subjects``, when given,
    collects the subject pronouns resolved by the first rule (token -> entity)."""
    sent_start_char = sents.of(tok.i)[2]
    starts = [m.start for m in candidates]
    hi = bisect_right(starts, tok.idx) - 1
    if hi < 0:
        return None
    gender = PRONOUN_GENDER.get(tok.lower_)
    known = genders or {}
    usable = [
        m
        for m in candidates[max(0, hi - 40) : hi + 1]
        if not in_spans(m.start, quoted) and known.get(m.entity, gender) == gender
    ]
    if tok.dep_ in _OBJECT_DEPS and not tok.lower_.endswith("self"):
        # "Clinton followed him": a verb's object "him" or "her" is never its own subject.
        clause_subjects = {
            m.entity
            for m in usable
            if m.start >= sent_start_char and doc[m.token].dep_ in _SUBJECT_DEPS and doc[m.token].head.i == tok.head.i
        }
        usable = [m for m in usable if m.entity not in clause_subjects]
    if tok.dep_ in _SUBJECT_DEPS:
        # "When asked by Holt about the pier, he said ...": who asked the subject (or blamed or
        # praised it) in a passive clause on its verb is not the subject.
        askers = {
            gc.i
            for clause in tok.head.children
            if clause.dep_ == "advcl"
            for by in clause.children
            if by.dep_ == "agent"
            for gc in by.children
            if gc.dep_ == "pobj"
        }
        if askers:
            excluded = {m.entity for m in usable if m.token in askers}
            usable = [m for m in usable if m.entity not in excluded]
    if not usable:
        return None
    addressee = replied_to(tok, sents)
    if addressee is not None:
        # Whoever the reply answers, or no one: never the subject who spoke to them.
        if addressee.pos_ == "PRON":
            return (chained or {}).get(addressee.i)
        return next((m.entity for m in usable if m.token == addressee.i), None)
    ancestors = {a.i for a in tok.ancestors}
    same = [m for m in usable if m.start >= sent_start_char and m.end <= tok.idx]
    for m in reversed(same):
        head = doc[m.token]
        if head.dep_ in _SUBJECT_DEPS and head.head.i in ancestors:
            if subjects is not None and tok.dep_ in _SUBJECT_DEPS:
                subjects[tok.i] = m.entity
            return m.entity
    noun = nominal_antecedent(tok, sents, names_before=bool(same))
    if noun is not None:
        # "The coach spoke. He said ...": a role noun that names someone is that person.
        return next((m.entity for m in usable if m.kind == "role" and m.token == noun.i), None)
    if same:
        # "When Pratt spoke to Ellen DeGeneres on her show, he said": a subject before the pronoun in
        # its own sentence goes on as the one the sentence is about; the last name is often only
        # whom they spoke to (1,686 corpus articles: 16 attributions better, 2 worse; attribution card).
        named_subjects = [
            m for m in same if doc[m.token].dep_ in _SUBJECT_DEPS and _clause_of(doc[m.token].head, ancestors)
        ]
        return (named_subjects or same)[-1].entity
    if chained:
        # "..., she told Jimmy that ... . '...,' she revealed": the sentence before has the same
        # pronoun as its main subject, and the subject goes on as the subject.  A passive one too
        # ("He was informed by Holt that ... . '...,' he said"): the agent is no nearer a topic.
        previous = _previous_main_subject(tok, sents, _SUBJECT_DEPS)
        if previous is not None and previous.lower_ == tok.lower_ and previous.i in chained:
            return chained[previous.i]
    # The nearest earlier sentence with a candidate, no more than a few back.
    last = usable[-1]
    if tok.idx - last.end > 1500:
        return None
    _, _, last_start, last_end = sents.of(last.token)
    in_sent = [m for m in usable if m.start >= last_start and m.end <= last_end]
    # The main clause's subject first ("After Trump takes office, Putin said ..." -> Putin),
    # then any subject, then the last name mentioned.
    # A name set beside the subject counts as the subject ("Kelly's attorney, Michael Critchley, said").
    by_subject = [(m, subject) for m in in_sent if (subject := _as_subject(doc[m.token])) is not None]
    for m, subject in by_subject:
        if subject.head.dep_ == "ROOT":
            return m.entity
    if by_subject:
        return by_subject[-1][0].entity
    # No subject to go on ("the debate between Clinton and Trump, where the former senator ..."):
    # a name whose gender the text or the first name shows to be the pronoun's is a surer referent
    # than a nearer one whose gender nothing shows.
    fitting = [m for m in in_sent if known.get(m.entity) == gender]
    return (fitting or [last])[-1].entity


# Prepositions whose object is where something is or goes: "in Washington", "flew to Paris".
_PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "across",
        "outside",
        "inside",
        "throughout",
        "around",
        "toward",
        "towards",
    }
)


def _after_place_preposition(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _reads_as_place(ent: Span) -> bool:
    """Whether the text uses a name tagged as a place as one: the object of a preposition of place, a
    noun with a determiner, possessor or adjective of its own ("her native Slovenia"), or a town
    before its state ("Griffin, Georgia"). A noun's modifier is no sign either way: "Washington
    officials", but "the Kasich campaign"."""
    if _after_place_preposition(ent):
        return True
    root = ent.root
    if any(c.dep_ in {"det", "poss", "amod"} for c in root.children):
        return True
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ == "GPE"


def _as_subject(tok: Token) -> Token | None:
    """The subject ``tok`` is, or is set beside as an apposition; None when it is neither."""
    if tok.dep_ in _SUBJECT_DEPS:
        return tok
    if tok.dep_ == "appos" and tok.head.dep_ in _SUBJECT_DEPS:
        return tok.head
    return None


def _clause_of(verb: Token, ancestors: set[int]) -> bool:
    """Whether ``verb``'s clause hangs on the pronoun's own (``ancestors``: the pronoun's heads),
    not inside a noun's or a preposition's phrase ("Despite reports that Levine is bickering with
    Cyrus, she told ...": Levine's clause tells what the reports say, and she is Cyrus)."""
    for tok in [verb, *verb.ancestors]:
        if tok.i in ancestors:
            return True
        if tok.pos_ in {"NOUN", "PROPN", "ADP"}:
            return False
    return True


def nominal_antecedent(tok: Token, sents: SentIndex, *, names_before: bool = False) -> Token | None:
    """The common noun a "he" or "she" refers to when that is no name, or None.

    Two places, both where news puts a pronoun's antecedent: the subject of a verb above the
    pronoun ("Rahami's father said he called the FBI": the father, not Rahami), and, when no name
    comes before the pronoun in its own sentence (``names_before``), the main subject of the
    sentence just before it ("An attacker stabbed nine people. He was shot ..."). Without this
    the pronoun joined the nearest earlier name, and the father's words were Rahami's.
    """
    low = tok.lower_
    if low not in {"he", "she"}:
        return None
    addressee = replied_to(tok, sents)
    if addressee is not None:
        return addressee if person_noun(addressee, low) else None
    subject = antecedent_subject(tok, sents, this_sentence_only=names_before)
    return subject if subject is not None and person_noun(subject, low) else None


def _previous_main_subject(tok: Token, sents: SentIndex, deps: frozenset[str] = frozenset({"nsubj"})) -> Token | None:
    first = sents.of(tok.i)[0]
    if first == 0:
        return None
    start, end, _, _ = sents.of(first - 1)
    return next((c for c in sents.tokens[start:end] if c.dep_ in deps and c.head.dep_ == "ROOT"), None)


# Verbs whose subject answers whoever spoke to them.
_REPLY_LEMMAS = frozenset({"reply", "respond", "answer", "retort", "rejoin"})


def replied_to(tok: Token, sents: SentIndex) -> Token | None:
    """The one spoken to, when the pronoun ``tok`` is the subject of a reply to them: "A resident told
    him ..., and he replied" or "... asked her about it. She answered": the object of the verb the
    reply answers (its conjunct, or the main verb of the sentence before), a pronoun of ``tok``'s
    gender or a noun. Who replies is the one addressed, not the subject who spoke first."""
    gender = PRONOUN_GENDER.get(tok.lower_)
    verb = tok.head
    if gender is None or tok.dep_ != "nsubj" or verb.lemma_.lower() not in _REPLY_LEMMAS:
        return None
    spoken: Token | None = verb.head
    if verb.dep_ != "conj" or verb.head.i > tok.i:
        start, _, _, _ = sents.of(tok.i)
        if verb.dep_ != "ROOT" or any(t.dep_ in _SUBJECT_DEPS for t in sents.tokens[start : tok.i]) or start == 0:
            return None
        prev_start, prev_end, _, _ = sents.of(start - 1)
        spoken = next((t for t in sents.tokens[prev_start:prev_end] if t.dep_ == "ROOT"), None)
    if spoken is None:
        return None
    for obj in spoken.children:
        if obj.dep_ not in _OBJECT_DEPS:
            continue
        if obj.pos_ == "PRON":
            return obj if PRONOUN_GENDER.get(obj.lower_) == gender else None
        if obj.pos_ in {"NOUN", "PROPN"}:
            return obj
    return None


def antecedent_subject(tok: Token, sents: SentIndex, *, this_sentence_only: bool = False) -> Token | None:
    """Where news puts a pronoun's antecedent: the nearest subject before it of a verb above it,
    else (unless ``this_sentence_only``) the main subject of the sentence just before, or None.
    The caller decides whether that subject can be what the pronoun means."""
    for verb in tok.ancestors:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i]
        if subjects:
            # The nearest subject above the pronoun decides, whatever it is.
            return subjects[0]
    return None if this_sentence_only else _previous_main_subject(tok, sents)


def person_noun(tok: Token, pronoun: str) -> bool:
    """One person, named by a common noun only, whom ``pronoun`` can refer to."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or tok.ent_type_ or lemma not in PERSON_NOUNS or lemma in ROLE_NOUNS:
        return False
    if lemma in (MALE_PERSON_NOUNS if pronoun == "she" else FEMALE_PERSON_NOUNS):
        return False
    # "His lawyer, Olivia Cassin, said", "Sam's father Jarrod said": the name is the antecedent.
    # A place or body before the noun is no name ("a Charlottesville police officer").
    return not any(
        c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "ORG", "NORP"})
        for c in tok.children
    )


def pronoun_labels(word: str) -> tuple[str, ...]:
    return PRONOUN_LABELS.get(word.lower(), ())


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans``, sorted and not overlapping (quotations)."""
    i = bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _honorific_gender(ent: Span) -> str | None:
    """The gender an honorific right before or at the start of a name gives ("Mrs. Clinton"), or None."""
    first = ent.doc[ent.start]
    if first.lower_ in GENDERED_HONORIFICS:
        return GENDERED_HONORIFICS[first.lower_]
    if ent.start > 0:
        return GENDERED_HONORIFICS.get(ent.doc[ent.start - 1].lower_)
    return None


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _before_own_verb(ent: Span) -> Span | None:
    """The part of a name span before a verb whose subject it holds: in headlines the NER runs a
    name on into what it did ("Obama Confirms", "Richmond Fed Suffers", "Chelsea Handler Reveals
    BFF"), and no name holds its own verb.  Titles of works can ("What Liberals Did"), so the caller
    leaves those alone."""
    from spacy.tokens import Span

    for tok in ent:
        if tok.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and ent.start <= c.i < tok.i for c in tok.children
        ):
            return Span(ent.doc, ent.start, tok.i, label=ent.label_)
    return ent


def inner_to(span: Span) -> Token | None:
    """The first "to" of ``span`` with words on both sides: a headline's speaker and whom they
    address run together ("Obama To UN: ..."), and no name holds "to" between its words. A "To"
    that ends the span is a surname ("Johnnie To")."""
    return next((t for t in span[1:-1] if t.lower_ == "to"), None)


def _before_hearer(ent: Span) -> Span | None:
    """The part of a person's name before its :func:`inner_to` ("Obama To UN" tagged as one PERSON)."""
    from spacy.tokens import Span

    to = inner_to(ent)
    return ent if to is None else Span(ent.doc, ent.start, to.i, label=ent.label_)


def _before_colon(ent: Span) -> Span | None:
    """The part of a name span before a colon and after a line break: the NER runs a
    headline's source into its words ("Alvarez: City Budget Will Not Cover New Stadium"
    as one ORG), and no name holds a colon or a line break."""
    from spacy.tokens import Span

    for tok in ent:
        if tok.text == ":":
            return Span(ent.doc, ent.start, tok.i, label=ent.label_) if tok.i > ent.start else None
        if tok.is_space and "\n" in tok.text:
            # Nor does a name run over a line break: "Trump Hit Over Tax Returns\n\nTrump" as one
            # PERSON is a headline and the name that opens the next line.
            rest = Span(ent.doc, tok.i + 1, ent.end, label=ent.label_)
            return _before_colon(rest) if len(rest) else None
    return ent


# The subject pronouns of a clause that a speaker reports about themselves ("Clinton said she ...").
_SUBJECT_PRONOUN_GENDER = {p: PRONOUN_GENDER[p] for p in ("she", "he")}


def _reported_self_gender(ent: Span) -> str | None:
    """ "Clinton said she would ...": the gender of the pronoun that is the subject of the clause
    reported by the verb whose subject the name is, the way news reports what someone says of
    themselves; None when no such pronoun is there."""
    root = ent.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return None
    for clause in root.head.children:
        if clause.dep_ != "ccomp" or clause.i < root.i:
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.i < clause.i:
                return _SUBJECT_PRONOUN_GENDER.get(child.lower_)
    return None


def _relabelled(ent: Span, label: str) -> Span:
    from spacy.tokens import Span

    return Span(ent.doc, ent.start, ent.end, label=label)


def _tagged_name(ent: Span) -> str:
    """An entity's words as tagged, without a possessive, one space apart ("Point Nemo\r\r" too)."""
    return " ".join(_without_possessive(ent.text.strip()).split())


def _without_possessive(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)].rstrip()
    return name


def _institution_name(ent: Span) -> str:
    """An institution's name as written, without a possessive or a leading "the"."""
    name = _without_possessive(ent.text.strip())
    return name[4:] if name.lower().startswith("the ") else name


def opens_a_line_tag(tok: Token) -> bool:
    """'Continued Lindqvist: "..."': a speech verb's past form that opens its line is an inverted
    tag's verb, whatever the tagger made of it (a name's first word, an adjective), and no part of
    the name after it."""
    doc = tok.doc
    at_line_start = tok.i == 0 or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text)
    return at_line_start and tok.text[:1].isupper() and tok.lower_.endswith("ed") and is_tag_verb(tok.text)


def _after_clutter(ent: Span) -> Span | None:
    """A person's name after what a scraped page glued before it: a video time stamp, footnote
    marks or a link ("01:23 Clinton said", "Zola.[22][23] Chirac", "pic.twitter.com/... Stein"),
    a slogan's negation ("Never Trump"), an adverb that opens the sentence ("Luckily Kim"), or the
    name itself ending a heading ("Trump Trump").
    No name holds a digit, bracket, slash or pipe, so the name starts after the last token that does."""
    from spacy.tokens import Span

    last = max((t.i for t in ent if any(ch.isdigit() or ch in "[]/|" for ch in t.text)), default=None)
    start = ent.start if last is None else last + 1
    # A slogan's word before a name is no part of it: "Never Trump" (tagged a person) would make
    # every bare "Trump" of the text that person.
    while start < ent.end - 1 and ent.doc[start].lower_ in NOT_NAME_WORDS:
        start += 1
    # Nor is a sentence adverb the NER ran into the name that follows it ("Luckily Kim's surrogate").
    # The tagger's RB alone is not enough: it tags first names as adverbs too ("Dolly Kyle").
    while start < ent.end - 1 and ent.doc[start].tag_ == "RB" and ent.doc[start].lower_ in COMMENT_ADVERBS:
        start += 1
    # Nor is a word that the name repeats at once: "... oppose Trump Trump has refused ...", "Obama
    # mocks Mitt Mitt Romney had been ...", where a flattened page ran a heading that ended on the name
    # into the sentence that opens with it. As one name, "Trump Trump" would take every "Trump".
    while start < ent.end - 1 and ent.doc[start].text == ent.doc[start + 1].text:
        start += 1
    if start == ent.start:
        return ent
    rest = Span(ent.doc, start, ent.end, label=ent.label_)
    return rest if len(rest) and rest[0].text[:1].isupper() else None


# Words at most in a first line that is read as the text's headline.
_HEADLINE_WORDS = 25


def _headline_end(text: str) -> int:
    """The end of the text's first line where that line is short enough to be its headline
    (offsets before it are the headline's), else 0."""
    end = text.find("\n")
    if end < 0:
        return 0
    return end if len(text[:end].split()) <= _HEADLINE_WORDS else 0
