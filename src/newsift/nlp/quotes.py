"""Attributions: direct, indirect and mixed quotes, their cues and their speakers.

A cascade, in this order (see :meth:`QuoteExtractor.extract`):

1. cues: reporting verbs from the rule tables, phrase cues such as "according
   to" and a dash that signs a quote; with the shipped attribution model
   (:mod:`newsift.nlp.attribution_model`, learned on PolNeAR train) the model
   decides which words are cues and what each reports, and a rule cue it
   passes over only serves a direct quote beside it;
2. indirect attributions: the stretch the model picks for the cue, or without
   the model the clause a cue governs, or the clause a trailing cue hangs off
   ("X is ready, officials said");
3. direct quotes, found by their marks; each takes the nearest cue of its own
   sentence, or of a preceding sentence that ends in a colon; a cue-less quote
   right after another speaker's quote inherits that speaker, as news style
   has it; otherwise its speaker stays unknown;
4. an indirect content that contains a direct quote becomes one mixed quote.

Offsets here are offsets into the parsed text; the stage maps them back.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .attribution_model import AttributionModel, TokenTable
from .entities import EntityIndex, SentIndex, in_spans, inner_to
from .quotemarks import QuotedSpan, is_scare_quote, paragraph_starts, speaker_label
from .rules import (
    ABBREVIATIONS,
    APPEARANCE_CUES,
    CLOSING_QUOTE_TOKENS,
    EDITORIAL_NOTES,
    FINDING_VERBS,
    FORECAST_CUES,
    HEADLINE_SOURCE_NOUNS,
    IMPERSONAL_CUES,
    IMPERSONAL_SUBJECTS,
    INHERIT_MAX_PARAGRAPHS,
    ISSUED_NOUNS,
    ISSUING_VERBS,
    MEDIUM_NOUNS,
    OBJECT_CONTENT_DEPS,
    OBJECT_IS_ADDRESSEE,
    PAGE_LABELS,
    PHRASE_CUES,
    POLL_NOUNS,
    POSSESSED_SPEECH_NOUNS,
    QUOTE_PAIRS,
    RAISING_CUES,
    SCARE_QUOTE_MAX_WORDS,
    SENTENCE_END_MARKS,
    SIGNATURE_DASHES,
    SOURCE_HEAD_NOUNS,
    SPEAKING_EVENTS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    TIME_LABELS,
    VAGUE_ADVERBS,
    is_tag_verb,
)
from .speakers import Speaker, SpeakerResolver, breaks_line

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJ = frozenset({"nsubj", "nsubjpass"})
_VERB_POS = frozenset({"VERB", "AUX"})
# Verbs whose subject is the one of the verb they hang from, and how far up to look for it; an
# adjective ("is likely to respond", "was quick to say") passes its verb's subject on.
_SUBJECT_FROM_HEAD = frozenset({"conj", "advcl", "xcomp", "pcomp", "acomp"})
_MAX_SUBJECT_CLIMB = 3
# The words that tell one poll from the race at large ("a *new Fox News* poll *released Thursday*").
_POLL_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "npadvmod", "acl", "prep"})
# Passive verbs of perceiving whose subject did what the verb after them says ("was heard
# shouting", "was caught saying", "was recorded telling").
_PERCEIVED = frozenset({"hear", "overhear", "see", "catch", "record", "film", "tape", "videotape", "spot"})
# Passive cues whose subject is who is spoken of, never who speaks ("The mayor is accused of
# ...", "is known for ...", "was ordered to ..."). "Asked" and "told" are :data:`_ADDRESSED_PASSIVES`.
_SPOKEN_OF_PASSIVES = frozenset(
    {
        "accuse", "charge", "indict", "sue", "blame", "fault", "criticize", "criticise", "condemn",
        "slam", "mock", "ridicule", "praise", "label", "brand", "call", "describe", "dub", "portray",
        "know", "see", "view", "regard", "consider", "deem", "order", "urge", "instruct", "advise",
        "warn", "require", "encourage", "invite", "remind", "pressure", "force", "allow", "grant", "name",
    }
)  # fmt: skip
# Verbs whose participle after a noun gives its name ("a page called ...", "a man named ...").
_NAMING = frozenset({"call", "dub", "name", "nickname", "title", "entitle", "label"})
# Cues whose passive subject is the one spoken to ("Lee was asked whether ...", "was told that
# ..."): the speaker is the agent or no one named (PolNeAR marks the asker, or no source).
_ASKING = frozenset({"ask", "question", "quiz"})
_ADDRESSED_PASSIVES = _ASKING | {"tell", "inform"}
# Where the phrase of who asked ends ("a neighbour about the pier").
_ASKED_ABOUT = re.compile(r"\s(?:about|whether|if)\s")
# The words that open what one was asked or told, after who asked and where.
_WHAT_WAS_ASKED = frozenset(
    {"about", "on", "whether", "if", "how", "what", "why", "when", "where", "who", "which", "to", "for", "that"}
)
# Things done by speaking that news goes on about ("continued to praise the police", "went on to
# compare Lopez with ..."), beside the speech verbs of the rules.
_SPEECH_ACTS = frozenset(
    {
        "praise", "criticize", "criticise", "attack", "blast", "slam", "press", "question", "answer", "share",
        "compare", "deliver", "raise", "push", "urge", "defend", "accuse", "blame", "mock", "insult", "tout",
        "repeat", "dismiss", "reject", "unload", "lash", "hammer", "call", "describe", "thank", "apologize",
    }
)  # fmt: skip
# The speaker-tag fallback: what a quote's inside may end with (a full stop ends the
# sentence, so a verb after it starts a new one), how far after it the verb may sit,
# which verb forms a tag uses, and how sure a tag found by shape alone is.
_TAG_ENDINGS = frozenset(",?!\u2014")
_TAG_TOKENS = 6
# Above any character offset, so that a (start, _NO_END) key sorts after every range starting there.
_NO_END = sys.maxsize
_TAG_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_TAG_STRENGTH = 0.6
_MAX_COLON_CLIMB = 6  # words from the one before a colon up to the verb of its clause
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Characters a speaker's name and titles may fill between a quote and its trailing cue.
_MAX_TAG_GAP = 200
_RELATIVE = frozenset({"who", "which", "that"})
_CLAUSE = frozenset({"ccomp"})
_TRAILING = frozenset({"parataxis", "ccomp", "conj"})
_CUE_LEFT = frozenset({"aux", "auxpass", "neg"})
_EDGE_PUNCT = frozenset(",;:-\u2014\u2013")
_STOP = re.compile(r"(\w+)[.!?][\"\u201d\u2019)]*\s+\S")
_ACROSS_SENTENCE = 1 << 20
# A full stop that ends the text before a quote: '..., say locals. “Six have died”'.
_FINAL_STOP = re.compile(r"(\w+)[.!?][\"\u201d\u2019]*$")
# Prepositions that open a speech act's circumstance ("in an interview", "during the debate").
_CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "via", "through"})
# What a verb acts on or is, not how it is placed in time: a time there can be what was reported.
_ARGUMENT_DEPS = _SUBJ | {"dobj", "attr", "dative", "oprd"}
# How far past a signing name and its comma its line is searched for another quotation mark: a
# signature with its description is a dozen words ("Hermann Goering, German military commander and
# Hitler's designated successor"), and a flattened page may have no line break for hundreds.
_SIGNATURE_REACH = 40
# A quote whose last word ends on one of these is a whole statement, which a dash and a name may sign.
_STATEMENT_END = frozenset(".!?\u2026")
_POSSESSIVES = frozenset({"'s", "\u2019s"})
# What sets a trailing tag off from the content before it: a comma, colon or dash, or a closing
# mark ('... a stone, he says', '"... done!" she continued').
_SET_OFF = frozenset(",:;\u2014\u2013-\"'\u2019\u201d")
_NO_SPEAKER = Speaker(None, "unknown", None, False, via="none")
# A headline led by its source ("Alvarez: Budget will not cover stadium"): how long the line and
# its source may be, and how sure the cue is (its word lists are in rules.py).
_HEADLINE_MAX_TOKENS = 40
_HEADLINE_SOURCE_TOKENS = 5
_HEADLINE_STRENGTH = 0.8
# An interview's question and answer, as transcripts label them ("Q: ...", "A: ...").
_INTERVIEW_LABELS = frozenset({"Q", "A"})
# A paragraph set off by a line that ends "<speaker> <speech verb> ...:" is a block quote whose
# marks the page's layout carried and the scrape lost (a statement, a post, an excerpt): how many
# words may sit between the verb and the colon ("said in a statement on Friday:").
_BLOCK_LEAD_TOKENS = 8
# ... and how far before the colon the cue that introduces the block may stand on its line, which
# can report a long clause first ('Dale told the host that it was a sad day because ...:').
_BLOCK_INTRO_CHARS = 200
_BLOCK_INTRO = re.compile(r":[ \t]*\n\s*")


@dataclass(frozen=True)
class Cue:
    token: int  # index of the cue's head token
    start: int
    end: int
    strength: float  # how sure we are that this word attributes here
    speaker_head: int | None  # token index of the subject that names the source
    content: tuple[int, int] | None  # character range of the governed clause, if any
    impersonal: bool = False
    # Token index of the one spoken to, where the parse made them the subject ("Lee was asked").
    addressee: int | None = None
    # Stands for no cue: the quote is the answer of ``addressee``, who was asked just before it.
    answered: bool = False
    # Tags a quote only where no other cue does: a speech noun right before it ("said in his
    # statement: "...", "his earlier statements: "...," he wrote") yields to the verb of its tag.
    fallback: bool = False


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    kind: str  # direct | indirect | mixed
    cue: tuple[int, int] | None
    speaker: Speaker
    confidence: float
    group: int  # attributions sharing a cue share a group (a split quote)
    # Who speaks next: the one asked or told, whose answer the quotes after it with no cue give.
    answers: Speaker | None = None


class QuoteExtractor:
    """Extracts attributions from one parsed Doc.  Holds only rule tables and an
    optional attribution model, neither changed by extraction, so one instance
    serves every article."""

    def __init__(self, model: AttributionModel | None = None) -> None:
        self.model = model
        # A learned cue is kept from its own threshold up; rule cues from 0.5.
        self._quote_cue_floor = min(0.5, model.threshold) if model is not None else 0.5
        self._phrase_firsts = frozenset(p[0] for p in PHRASE_CUES)
        self._rule_words = VAGUE_ADVERBS | SIGNATURE_DASHES | self._phrase_firsts
        self._verb_lemmas = SPEECH_VERBS | THOUGHT_VERBS | FINDING_VERBS

    # -- the cascade -----------------------------------------------------
    def extract(self, doc: Doc, index: EntityIndex, quoted: list[QuotedSpan]) -> list[Attribution]:
        text = index.sents.text
        # Each block with the colon that opens it, in text order.
        blocks = _unmarked_blocks(doc, text, quoted)
        if blocks:
            quoted = sorted([*quoted, *(q for _, q in blocks)], key=lambda q: q.start)
        real = [q for q in quoted if not is_scare_quote(text, q)]
        closed_ranges = [(q.start, q.end) for q in real]
        # Scare quotes and titles included: no word in quotation marks is a subject that speaks.
        marked = [(q.start, q.end) for q in quoted]
        resolver = SpeakerResolver(doc, index, closed_ranges)
        cues = self._find_cues(doc, closed_ranges, index.sents, marked)
        # A word of a title reports nothing ('"Among Democrats, deep concern about ...," by WaPo's
        # ...'); a scare-quoted verb still can ('Johnson "approved" that message').
        real_ranges = set(closed_ranges)
        titles = [
            (q.start, q.end)
            for q in quoted
            if (q.start, q.end) not in real_ranges and len(q.inner(text).split()) > SCARE_QUOTE_MAX_WORDS
        ]
        if titles:
            cues = [c for c in cues if not in_spans(c.start, titles)]
        cues = [c for c in cues if not _page_prompt(doc[c.token]) and not _editorial_note(doc[c.token])]
        # Kept apart from ``real`` until the direct pass, which gives each its "as" clause: the
        # content of another cue around the term ("determined he was "possibly a terrorist," as
        # Comey put it") must not take it for a quote of its own speaker's.
        credited = _as_put_terms(doc, text, quoted, real, cues)
        if blocks:
            # 'Byrne tweeted after the vote:' then the post: what the tag's verb governs on its own
            # line is when or where it was said; what was said is the block, which the direct pass
            # gives this cue.
            colons = [colon for colon, _ in blocks]
            by_colon: dict[int, list[Cue]] = {}
            for c in cues:
                colon = _block_colon(text, c, colons)
                if colon is not None:
                    by_colon.setdefault(colon, []).append(c)
            intro = {c.token for line in by_colon.values() for c in line}
            # 'Pence told Blitzer it was a sad day because Powell had suggested condoms:' and Pence's
            # words: a cue inside another's content on that line is part of what the outer one said.
            inner = {c.token for line in by_colon.values() for c in line for d in line if d is not c and _holds(d, c)}
            cues = [replace(c, content=None) if c.token in intro else c for c in cues if c.token not in inner]
        headline, turns_held = _headline_cues(doc, text, marked, index)
        headline += _label_cues(doc, text, real, marked, {c.token for c in headline})
        real, turns = _transcript_turns(doc, text, real)
        headline += turns
        if headline:
            # The line's shape is surer than a parse of it: a learned cue on the same
            # colon ("KOWALSKI: Governor, ...") had taken the name for what was said.
            taken = {c.token for c in headline}
            cues = sorted([c for c in cues if c.token not in taken] + headline, key=lambda c: c.start)
        out: list[Attribution] = []
        used_cues: set[int] = set()
        consumed: set[int] = set()  # indexes into ``real`` taken by a mixed quote
        cue_tokens = {c.token for c in cues}
        for cue in cues:
            if cue.content is None or _goes_on_doing(doc[cue.token], cue.content, cue_tokens):
                continue
            if _as_put_it(doc, cue):
                continue  # free for the direct pass, which gives it the quote "it" stands for
            if _nothing_said(doc, cue.content):
                # 'a hearing he was called to in the past two weeks. "Mr. Berg must answer ..."': a
                # verb whose content says nothing was read as doing, not speaking, so it tags no
                # quote either.
                used_cues.add(cue.token)
                continue
            start, end = cue.content
            after = cue.speaker_head
            if (
                after is not None
                and after > cue.token
                and start <= doc[after].idx < end
                and not _says_inside(doc[after], cue, (start, end))
            ):
                # 'Added Lisa Spies, who ran ... in 2012: "..."': a speaker after the cue's verb, and
                # the clause hung on her name, are no part of what was said; the quote after them is.
                # ("The board has a plan, she said, for ...": a speaker before it may stand inside.)
                # What runs up to the tag still is: '... information," added Dawn Laguens, ...'.
                before = _trimmed(doc, start, cue.start)
                if before is None:
                    continue
                start, end = before
            inside = [i for i, q in enumerate(real) if min(q.end, end) - max(q.start, start) >= 0.8 * (q.end - q.start)]
            quote_chars = sum(real[i].end - real[i].start for i in inside)
            if inside and quote_chars >= 0.7 * (end - start):
                continue  # the clause is the quote itself: the direct pass takes this cue
            cut = _before_quote_tag(doc, cue, cues, real, inside, (start, end))
            if cut is not None:
                # '... said Trump was rooting for a collapse, to which he responded, "That's
                # business."': the reply has its own tag, and the direct pass gives it its speaker.
                if cut[1] <= cut[0]:
                    continue
                start, end = cut
                inside = [i for i in inside if real[i].start >= start and real[i].end <= end]
            if any(i in consumed for i in inside):
                continue
            if any(q.start < end and q.end > start for i, q in enumerate(real) if i not in inside):
                # A quote straddles the clause edge: trust the marks, not the parse.
                continue
            if inside:
                start, end = min(start, real[inside[0]].start), max(end, real[inside[-1]].end)
                consumed.update(inside)
            speaker = _NO_SPEAKER if _judged(doc, cue, cue_tokens) else self._speaker_of(doc, cue, resolver)
            if _said_is_speaker(speaker, (start, end), cue):
                # "The date of the vote was announced (by the mayor)": the passive subject is
                # what was said, and naming it as the one speaking would make it say itself.
                agent = _agent_of(doc[cue.token])
                speaker = _NO_SPEAKER if agent is None else resolver.resolve(doc[agent])
                if _said_is_speaker(speaker, (start, end), cue):
                    speaker = _NO_SPEAKER
            if cue.addressee is not None:
                speaker = _asker(doc, text, cue, speaker, start)
            kind = "mixed" if inside else "indirect"
            conf = cue.strength * _speaker_weight(speaker)
            cue_span = (cue.start, cue.end)
            answers = self._addressee_of(doc, cue, resolver)
            out.append(Attribution((start, end), kind, cue_span, speaker, round(conf, 3), cue.token, answers))
            used_cues.add(cue.token)
        # One attribution per stretch of text, as PolNeAR annotates: a cue nested in
        # another attribution's content ("says Putin" over "Russia wants ...") yields, but
        # not to a transcript's turn, which holds everything its speaker said.
        out = _drop_nested(out, turns_held)
        if turns_held:
            out = _speaks_in_turn(text, out, turns_held)
        remaining = [q for i, q in enumerate(real) if i not in consumed]
        if credited:
            remaining = sorted([*remaining, *credited], key=lambda q: q.start)
        free_cues = [c for c in cues if c.token not in used_cues]
        out.extend(self._direct(doc, remaining, free_cues, resolver, out))
        out.sort(key=lambda a: a.content[0])
        return out

    # -- cues --------------------------------------------------------------
    def _find_cues(
        self, doc: Doc, quoted: list[tuple[int, int]], sents: SentIndex, marked: list[tuple[int, int]]
    ) -> list[Cue]:
        """``quoted``: the quotes' character ranges; ``marked``: those and the scare quotes."""
        table = TokenTable(doc)
        rule_cues = self._rule_cues(doc, quoted, sents, marked, table)
        cues = rule_cues if self.model is None else self._learned_cues(doc, quoted, sents, rule_cues, marked, table)
        return [_addressed(doc, _unraised(doc, cue, sents.text, marked), marked) for cue in cues]

    def _learned_cues(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]],
        sents: SentIndex,
        rule_cues: list[Cue],
        marked: list[tuple[int, int]],
        table: TokenTable,
    ) -> list[Cue]:
        """The model's cues and contents; a rule cue the model passes over still
        serves a direct quote beside it (its clause is not claimed)."""
        assert self.model is not None
        learned = {c.token: c for c in self.model.predict(doc, quoted, sents.bounds, table)}
        by_token = {c.token: c for c in rule_cues}
        text = sents.text
        out: list[Cue] = []
        cue_tokens = set(learned) | set(by_token)
        for tok_i in sorted(cue_tokens):
            lc = learned.get(tok_i)
            rule = by_token.get(tok_i)
            if lc is None:
                assert rule is not None
                if table.lower[tok_i] in VAGUE_ADVERBS or _poll_in(doc[tok_i]) is not None:
                    # "The agency is reportedly weighing a ban": the model scores no adverb (its
                    # cue parts of speech), so it cannot pass over this one; the rule's clause stays.
                    # It scores "in", but "in" heads a cue in 67 of its 13,437 uses in PolNeAR
                    # train (60 of them a poll's), and the model passes over nearly every one.
                    out.append(rule)
                    continue
                out.append(replace(rule, content=None))
                continue
            tok = doc[tok_i]
            content = None
            if lc.content is not None:
                content = _trim(doc, *lc.content)
                if content is not None:
                    content = _on_line(text, tok.idx, *content)
            if (
                content is not None
                and content[0] <= tok.idx < content[1]
                and any(a < content[1] and content[0] < b for a, b in quoted)
            ):
                # A stretch that holds its own cue and a quote is the quote with its
                # speaker tag: the marks decide that one, in the direct pass.
                content = None
            if content is not None and content[1] <= tok.idx and _describes_subject(tok):
                # '"...," the senator, widely known as a moderate, told reporters': a participle in
                # the subject says what its noun is called, never what came before that noun.
                content = None
            tag_object = False
            if (
                content is not None
                and content[0] > tok.idx
                and _ends_a_tag(tok, quoted, text)
                and (
                    not _has_verb(doc, content)
                    or _starts_with_name(doc, tok, content)
                    or _starts_with_someone(doc, tok, content, quoted)
                    or _opens_with_participle(doc, tok, content)
                    or _opens_with_time_clause(doc, tok, content)
                )
            ):
                # '"...," a source explained to HollywoodLife.com': the quote beside the tag is
                # what was said, not the addressee or the medium after its verb; nor is the
                # name after an inverted tag's verb ('"...," reasons Ann Lee on the roof as ...').
                content, tag_object = None, True
            if content is not None and content[0] > tok.idx:
                content = _without_circumstance(doc, tok, content, marked)
                content = _without_aside(doc, content)
            if content is not None and rule is not None and rule.speaker_head is not None and tok.lower_ == "according":
                content = _beside_source(doc, tok, doc[rule.speaker_head], content, sents) or content
            if rule is not None:
                cue = replace(rule, strength=max(lc.probability, rule.strength), content=content)
            else:
                cue = self._verb_cue(doc, tok, lc.probability, content, marked)
                agent = _agent_of(tok)
                if agent is not None:
                    cue = replace(cue, speaker_head=agent)
                elif cue.speaker_head is None:
                    cue = replace(cue, speaker_head=_source_of(tok))
            if tag_object and (cue.speaker_head is None or cue.speaker_head > tok.i):
                # '"...," lamented the spy': an inverted tag's object is who spoke.
                inverted = _tag_object(tok)
                if inverted is not None and _speaks_after(tok, inverted):
                    cue = replace(cue, speaker_head=inverted.i)
            if content is not None and cue.speaker_head is not None:
                head = doc[cue.speaker_head]
                if (
                    content[0] <= head.idx < content[1]
                    and (head.dep_ in _SUBJ or head.dep_ == "dobj" or _tag_subject(doc, tok, marked) == head)
                    and _tags_a_quote(tok, quoted, text)
                ):
                    # '"...?" Ortiz demanded.', '"...," said Maria Gomez, a ...': a
                    # stretch that holds the one speaking is the speaker tag, not what
                    # was said; the cue then serves the quote beside it.
                    cue = replace(cue, content=None)
            around = _around_parenthetical_tag(doc, tok, sents) if cue.content is not None else None
            if (
                around is not None
                and cue.content is not None
                and around[0] <= cue.content[0]
                and cue.content[1] <= around[1]
                and not any(a < around[1] and around[0] < b for a, b in marked)
                and not any(around[0] <= doc[i].idx < around[1] for i in cue_tokens if i != tok_i)
            ):
                # "If the vote fails, the mayor argues, there are other tools": a tag set off inside its
                # sentence reports the whole sentence, not the one side the ranker took.
                cue = replace(cue, content=_trimmed(doc, *around))
            if cue.content is not None and cue.content[0] <= tok.idx < cue.content[1]:
                cue = replace(cue, content=_beside_own_cue(doc, sents.text, cue, cue_tokens))
            out.append(cue)
        return out

    def _rule_cues(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]],
        sents: SentIndex,
        marked: list[tuple[int, int]],
        table: TokenTable,
    ) -> list[Cue]:
        cues: list[Cue] = []
        n = len(doc)
        # Only the words a rule below can take are visited: the table tells them apart without
        # a Token object for each word.
        words = self._rule_words
        verbs = self._verb_lemmas
        nouns = POSSESSED_SPEECH_NOUNS
        visited = [
            i
            for i, (low, pos, lemma) in enumerate(zip(table.lower, table.pos, table.lemma, strict=True))
            if low in words or (pos in _VERB_POS and lemma in verbs) or (pos == "NOUN" and low in nouns)
        ]
        for i in visited:
            tok = sents.tokens[i]
            if in_spans(tok.idx, quoted):
                continue
            low = tok.lower_
            if low in VAGUE_ADVERBS:
                head = tok.head
                tagging = head.lemma_.lower() in SPEECH_VERBS or _beside_quote(head, quoted, sents.text)
                if tok.dep_ != "advmod" or not tagging:
                    cues.append(self._adverb_cue(doc, tok, sents))
                # else "Obama allegedly explained", "Goldberg allegedly snapped, '...'": the verb is
                # the cue, and it names who spoke.
                continue
            if low in SIGNATURE_DASHES:
                signer = _signer(doc, tok)
                if signer is not None:
                    cues.append(Cue(tok.i, tok.idx, tok.idx + len(tok.text), 0.8, signer, None))
                continue
            phrase = _phrase_at(doc, tok, n) if tok.lower_ in self._phrase_firsts else None
            if phrase:
                cue = self._phrase_cue(doc, tok, phrase, sents)
                if cue is not None:
                    cues.append(cue)
                continue
            poll = _poll_in(tok)
            if poll is not None:
                content = _poll_clause(doc, tok, sents)
                if content is not None:
                    cues.append(Cue(tok.i, tok.idx, tok.idx + len(tok.text), 0.7, poll.i, content))
                continue
            if tok.pos_ == "NOUN":
                owned = _possessed_speech(tok, quoted, sents.text)
                if owned is not None:
                    cues.append(owned)
                continue
            if tok.pos_ not in _VERB_POS or tok.dep_ in {"amod", "compound"}:
                continue
            strength = self._verb_strength(tok)
            if strength <= 0:
                continue
            content = self._clause_content(doc, tok, sents)
            if content is None and tok.lemma_.lower() not in SPEECH_VERBS:
                continue
            cues.append(self._verb_cue(doc, tok, strength, content, marked))
        return cues

    def _verb_strength(self, tok: Token) -> float:
        lemma = tok.lemma_.lower()
        if lemma in SPEECH_VERBS:
            return 0.9
        if lemma in THOUGHT_VERBS:
            return 0.6
        if lemma in FINDING_VERBS and any(c.dep_ == "ccomp" for c in tok.children):
            return 0.6
        return 0.0

    def _verb_cue(
        self,
        doc: Doc,
        tok: Token,
        strength: float,
        content: tuple[int, int] | None,
        marked: list[tuple[int, int]],
    ) -> Cue:
        start = tok.i
        for child in tok.lefts:
            # A word the tagger read as a proper noun is no auxiliary, whatever the parse made of
            # it: "George Will wrote", with "Will" parsed as a modal, is the columnist's name.
            if child.dep_ in _CUE_LEFT and child.i == start - 1 and child.tag_ not in {"NNP", "NNPS"}:
                start = child.i
        end = tok.i + 1
        for child in tok.rights:
            if child.dep_ == "prt" and child.i == end:
                end = child.i + 1
        subj = _subject(tok, marked)
        if subj is not None and _spoken_of(tok, subj) and (content is None or not content[0] <= subj.idx < content[1]):
            # "The government takes credit ..., but is accused of using the courts": the one
            # accused speaks no more than the one praised; who spoke is the agent, or no one named.
            agent = _agent_of(tok)
            subj = None if agent is None else doc[agent]
        impersonal = (
            subj is not None
            and subj.lower_ in IMPERSONAL_SUBJECTS
            and tok.lemma_.lower() in IMPERSONAL_CUES
            and any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
        )
        return Cue(
            tok.i,
            doc[start].idx,
            doc[end - 1].idx + len(doc[end - 1].text),
            strength,
            None if subj is None else subj.i,
            content,
            impersonal,
        )

    def _phrase_cue(self, doc: Doc, tok: Token, phrase: tuple[str, ...], sents: SentIndex) -> Cue | None:
        last = doc[tok.i + len(phrase) - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"]
        source = objs[0] if objs else None
        sent_start, sent_end, _, _ = sents.of(tok.i)
        span_start = tok.i
        span_end = max(last.i + 1, source.right_edge.i + 1 if source is not None else 0)
        content = _larger_side(doc, (sent_start, span_start), (span_end, sent_end))
        return Cue(
            tok.i,
            tok.idx,
            last.idx + len(last.text),
            0.85,
            None if source is None else source.i,
            content,
        )

    def _adverb_cue(self, doc: Doc, tok: Token, sents: SentIndex) -> Cue:
        sent_start, sent_end, _, _ = sents.of(tok.i)
        content = _trim(doc, sent_start, sent_end)
        if tok.dep_ == "advmod" and tok.head.i != tok.i:
            content = _adverb_clause(doc, tok, sent_start, sent_end) or content
        return Cue(tok.i, tok.idx, tok.idx + len(tok.text), 0.6, None, content, True)

    def _clause_content(self, doc: Doc, verb: Token, sents: SentIndex) -> tuple[int, int] | None:
        """The character range of what ``verb`` reports, clipped to the cue's paragraph
        (a parse can run a sentence on across a headline or a missing full stop)."""
        found = self._parsed_content(doc, verb, sents)
        if found is None:
            return None
        line = _on_line(sents.text, verb.idx, *found)
        return None if line is None else _trimmed(doc, *line)

    def _parsed_content(self, doc: Doc, verb: Token, sents: SentIndex) -> tuple[int, int] | None:
        for child in verb.rights:
            if child.dep_ in _CLAUSE:
                return _trim(doc, child.left_edge.i, child.right_edge.i + 1)
        # "Russia is ready, the minister said": the cue hangs off the content's verb.
        head = verb.head
        if verb.dep_ in _TRAILING and head.i < verb.i and sents.of(head.i) == sents.of(verb.i):
            sub_start = verb.left_edge.i
            lo = head.left_edge.i
            if sub_start > lo:
                return _trim(doc, lo, sub_start)
        for child in verb.lefts:
            if child.dep_ in _CLAUSE:
                return _trim(doc, child.left_edge.i, child.right_edge.i + 1)
        # "wants Congress to act", "called for new sanctions": an object or
        # infinitive stands for what was said or wanted (never the addressee of "told").
        lemma = verb.lemma_.lower()
        if lemma not in OBJECT_IS_ADDRESSEE:
            for child in verb.rights:
                if child.dep_ in OBJECT_CONTENT_DEPS and child.right_edge.i - child.left_edge.i >= 1:
                    return _trim(doc, child.left_edge.i, child.right_edge.i + 1)
        return None

    def _speaker_of(self, doc: Doc, cue: Cue, resolver: SpeakerResolver) -> Speaker:
        if cue.impersonal:
            if doc[cue.token].lemma_.lower() in FORECAST_CUES:
                # "The bank is expected to act": a forecast that names no one, not a hidden source.
                return _NO_SPEAKER
            return Speaker(None, "anonymous", None, False, vague=True, via="none")
        if cue.speaker_head is None:
            return _NO_SPEAKER
        head = doc[cue.speaker_head]
        if head.lower_ in _RELATIVE:
            # "Kamin, who emphasized that ...": the relative pronoun is the mention
            # (PolNeAR marks it as the Source); its antecedent names the speaker, also for a
            # second verb of the clause ("Millian, who heads a group and who says ...").
            verb = head.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "relcl" and verb.head.i != verb.i:
                found = resolver.resolve(verb.head)
                return replace(found, mention=(head.idx, head.idx + len(head.text)))
        return resolver.resolve(head)

    def _addressee_of(self, doc: Doc, cue: Cue, resolver: SpeakerResolver) -> Speaker | None:
        if cue.addressee is None:
            return None
        found = self._speaker_of(doc, replace(cue, speaker_head=cue.addressee, impersonal=False), resolver)
        # "The same question was asked by ...": a subject that is no one is asked nothing; a name
        # the NER missed ("Leach was asked") still is someone.
        someone = found.kind != "unknown" or doc[cue.addressee].pos_ == "PROPN"
        return found if found.name is not None and someone else None

    # -- direct quotes -----------------------------------------------------
    def _direct(
        self,
        doc: Doc,
        quotes: list[QuotedSpan],
        cues: list[Cue],
        resolver: SpeakerResolver,
        earlier: list[Attribution],
    ) -> list[Attribution]:
        text = resolver.index.sents.text
        paras = paragraph_starts(text)
        cue_starts = [c.start for c in cues]
        out: list[Attribution] = []
        before = sorted(earlier, key=lambda a: a.content[1])
        ends = [a.content[1] for a in before]
        marks = [(q.start, q.end) for q in quotes]
        for q_i, q in enumerate(quotes):
            lo = quotes[q_i - 1].end if q_i > 0 else 0
            hi = quotes[q_i + 1].start if q_i + 1 < len(quotes) else len(text)
            cue = self._cue_for_quote(doc, q, cues, cue_starts, lo, hi, resolver.index.sents)
            if cue is None:
                cue = _tag_verb(doc, q, text, lo, hi)
            answerer = None
            if cue is not None and cue.answered:
                answerer = self._addressee_of(doc, cue, resolver)
                if answerer is None:
                    cue = None  # the one asked is no one: the quote after the question has no speaker of its own
            elif cue is not None:
                # A tag found by its shape alone has not been read for asking yet.
                cue = _addressed(doc, cue, marks)
            prev = _latest(out, before, ends, q.start)
            heir = None if prev is None else prev.answers or prev.speaker
            # A quote whose opening mark a scraper dropped opens on the space before it (quotemarks).
            content = (q.start + (text[q.start] == " "), q.end)
            if answerer is not None:
                conf = 0.95 if answerer.resolved else 0.85
                att = Attribution(content, "direct", None, answerer, round(conf * 0.75, 3), -1 - q_i)
            elif cue is not None:
                speaker = self._speaker_of(doc, cue, resolver)
                if speaker.name is None and text[cue.start : cue.end] == ":":
                    # 'Said Lopez: "..."': the colon introduces the quote, and the inverted tag
                    # before it says who spoke.
                    tagged = _tag_verb(doc, q, text, lo, hi)
                    if tagged is not None:
                        cue, speaker = tagged, self._speaker_of(doc, tagged, resolver)
                    else:
                        # 'Added Mara Quill, who ran the fund in 2012: "..."': a tag too long for its
                        # shape; the quote's next cue, the colon left out, may name who spoke.
                        rest = [c for c in cues if c is not cue]
                        other = self._cue_for_quote(doc, q, rest, [c.start for c in rest], lo, hi, resolver.index.sents)
                        if other is not None:
                            named = self._speaker_of(doc, other, resolver)
                            if named.name is not None:
                                cue, speaker = other, named
                if prev is not None and heir is not None and self._continues(text, paras, prev, q):
                    goes_on = _goes_on(doc[cue.token])
                    if goes_on and speaker.mention is None and heir.name is not None and doc[cue.token].is_sent_start:
                        # '... asking Priebus: "...?" Adding: "..."': a tag that opens its sentence
                        # with no subject goes on with the one who just spoke ("is amended by adding
                        # ..." inside a sentence names no one).
                        speaker = heir
                    else:
                        carried = resolver.carried_on(speaker, heir, prev.content[1], marks, goes_on=goes_on)
                        speaker = carried or speaker
                conf = 0.95 if speaker.resolved else 0.85 if speaker.name else 0.5
                answers = self._addressee_of(doc, cue, resolver)
                att = Attribution(content, "direct", (cue.start, cue.end), speaker, conf, cue.token, answers)
            elif (
                prev is not None
                and heir is not None
                and heir.name is not None
                and self._continues(text, paras, prev, q)
            ):
                # News convention: a quote with no cue of its own continues the last speaker, or
                # gives the answer of the one just asked (who is as sure as a tag's speaker); but
                # not across a sentence that shows another person acting ("Berg nodded.").
                # A quote left open before it may hold that sentence (a hard-wrapped paragraph
                # ended it), so only after one that closed.
                closed_before = q_i == 0 or quotes[q_i - 1].closed
                beat = resolver.beat_subject(q.start, prev.content[1], marks) if closed_before else None
                if beat is not None and beat.name != heir.name:
                    att = Attribution(content, "direct", None, beat, round(0.85 * 0.75, 3), -1 - q_i)
                else:
                    base = prev.confidence if prev.answers is None else 0.95 if heir.resolved else 0.85
                    att = replace(
                        prev,
                        content=content,
                        kind="direct",
                        cue=None,
                        speaker=heir,
                        confidence=round(min(base, 0.9) * 0.75, 3),
                        group=-1 - q_i,
                        answers=None,
                    )
            else:
                att = Attribution(content, "direct", None, _NO_SPEAKER, 0.4 if q.closed else 0.2, -1 - q_i)
            if not q.closed:
                att = replace(att, confidence=round(att.confidence * 0.6, 3))
            out.append(att)
        return out

    @staticmethod
    def _continues(text: str, paras: list[int], prev: Attribution, q: QuotedSpan) -> bool:
        para = bisect_right(paras, q.start) - 1
        prev_para = bisect_right(paras, max(prev.content[1] - 1, prev.content[0])) - 1
        gap = para - prev_para
        if gap == 0:
            return True
        return 0 < gap <= INHERIT_MAX_PARAGRAPHS and _starts_paragraph(text, paras, para, q.start)

    def _cue_for_quote(
        self,
        doc: Doc,
        q: QuotedSpan,
        cues: list[Cue],
        cue_starts: list[int],
        lo: int,
        hi: int,
        sents: SentIndex,
    ) -> Cue | None:
        """The cue of the quote's own sentence(s), outside other quotes, nearest first."""
        text = sents.text
        credit = _as_clause_for(doc, text, q, cues, cue_starts, self._quote_cue_floor)
        if credit is not None:
            # '"possibly a terrorist," as Lee put it': the clause names the quote's speaker, however
            # near another cue stands before it ("to indicate he was ...").
            return credit
        lead = q.start
        while lead < q.end - 1 and text[lead].isspace():
            lead += 1  # a quote that opens on a space (no mark of its own) starts at its first word
        first = doc.char_span(lead, lead + 1, alignment_mode="expand")
        last = doc.char_span(max(q.end - 1, q.start), q.end, alignment_mode="expand")
        if first is None or last is None or len(first) == 0 or len(last) == 0:
            return None
        s_start = sents.of(first[0].i)[2]
        s_end = sents.of(last[-1].i)[3]
        # A sentence parse may stop at the closing mark: let the trailing cue
        # ("...," he said.) reach to the next sentence end on the same line.
        after_end = min(hi, _line_end(text, q.end))
        window_lo = max(lo, min(s_start, _line_start(text, q.start)))
        window_hi = max(s_end, after_end)
        best: Cue | None = None
        best_dist = 1 << 30
        asked: Cue | None = None
        asked_dist = 1 << 30
        fallback: Cue | None = None
        fallback_dist = 1 << 30
        quote_ends_sentence = _ends_sentence(q.inner(text))
        ends_on_tag = q.inner(text).rstrip()[-1:] in _TAG_ENDINGS
        i = bisect_right(cue_starts, window_lo) - 1
        i = max(i, 0)
        while i < len(cues) and cues[i].start < window_hi:
            c = cues[i]
            i += 1
            if c.start < window_lo or c.strength < self._quote_cue_floor:
                continue
            if _describes_subject(doc[c.token]):
                # '"...," the group, known as ..., said': the participle describes who speaks;
                # the verb of that subject is the tag, though it stands further off.
                continue
            if c.end <= q.start:
                between = text[c.end : q.start]
                if len(between) > 80 or _has_sentence_break(between):
                    continue
                dist = len(between)
                if _ends_sentence_before(between) and doc[c.token].lower_ == "according":
                    # '"...," White said, according to KSAT 12. "We're 20 minutes ..."': "according to"
                    # credits what came before it; after its sentence ends it tags nothing.
                    continue
                if (
                    _ends_sentence_before(between)
                    and doc[c.token].dep_ == "acl"
                    and doc[c.token].tag_ in {"VBN", "VBG"}
                ):
                    # '... the fire service said in a statement posted online. "We apologise."': a
                    # participle that describes a noun introduces nothing after its sentence.
                    continue
                if _ends_sentence_before(between) and c.addressee is not None:
                    # '"...?" Lee was asked. "Not at all."': the quote after the question's
                    # sentence is the answer of the one asked, not what the asking said.
                    if dist < asked_dist:
                        asked, asked_dist = c, dist
                    continue
                if _ends_sentence_before(between) and not quote_ends_sentence:
                    # '..., say locals. “Six have died,” Abu Rajab told ABC News': a quote that
                    # ends on a comma has its own tag after it, and a cue whose sentence ended
                    # before the quote yields to that tag (with no tag after, it still serves).
                    dist += _ACROSS_SENTENCE
            elif c.start >= q.end:
                if text[c.start : c.end] == ":":
                    # A colon introduces what follows it: 'Kirk: "..."' after a quote is the next one's.
                    continue
                if not ends_on_tag and any(t.dep_ == "aux" and t.lower_ == "to" for t in doc[c.token].lefts):
                    # '... that "it was my first thought" to ring the harbour master': an infinitive after
                    # a quote that does not end on a comma goes on with the sentence ('"...," Lund was
                    # forced to insist' is a tag).
                    continue
                between = text[q.end : c.start]
                limit = 60
                named = _named_subject(doc, c)
                if named is not None and q.end <= doc[named].idx < c.start:
                    # '"...," Scott Prince, the attorney general of Kansas, one of
                    # the states suing, said': what lies between is the speaker's name
                    # and titles, however long.
                    limit = _MAX_TAG_GAP
                if len(between) > limit or _has_sentence_break(between):
                    continue
                opens = text[q.end : c.end].strip()[:1]
                if quote_ends_sentence and opens.isupper() and not _names_first(doc, c, q.end):
                    # “Go home.” Then he said ...: the cue starts a new sentence, also when it is
                    # the sentence's first word ('... justice." To determine which ...').
                    continue
                dist = len(between)
            else:
                continue
            if c.fallback:
                if dist < fallback_dist:
                    fallback, fallback_dist = c, dist
                continue
            if dist < best_dist:
                best, best_dist = c, dist
        if best is None:
            best, best_dist = fallback, fallback_dist
        if best is not None and best.end <= q.start:
            best = _speaking_cue(best, cues, q)
        if best is not None and best_dist >= _ACROSS_SENTENCE:
            # The cue of the sentence before serves only when the quote has no tag of its own, and
            # some tags are found by their shape alone: '... allegedly due to her behavior. "Angie
            # has forbidden Brad ...," the insider reports.'
            return _tag_verb(doc, q, text, lo, hi) or best
        if best is None:
            best = self._colon_cue(text, q, cues, cue_starts)
        if best is None and asked is not None:
            return _tag_verb(doc, q, text, lo, hi) or replace(asked, answered=True)
        return best

    def _colon_cue(self, text: str, q: QuotedSpan, cues: list[Cue], cue_starts: list[int]) -> Cue | None:
        """'Putin said:' at the end of the previous sentence or paragraph, or 'Merkel stated,' alone
        at the end of the line before the quote."""
        j = q.start - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] not in ":,":
            return None
        i = bisect_right(cue_starts, j) - 1
        if i < 0:
            return None
        if text[j] == ",":
            # Only the cue right before the comma, with the quote on a line of its own: a comma
            # inside a sentence ("..., she said, and then") introduces nothing.
            return cues[i] if cues[i].end == j and "\n" in text[j : q.start] else None
        # A block quote's line is its introduction, however long it runs; a colon far into running
        # text ends some other sentence's business.
        limit = _BLOCK_INTRO_CHARS if q.mark_len == 0 else 80
        if j - cues[i].end <= limit and not _has_sentence_break(text[cues[i].end : j]):
            return cues[i]
        return None


def _unmarked_blocks(doc: Doc, text: str, quoted: list[QuotedSpan]) -> list[tuple[int, QuotedSpan]]:
    """Paragraphs that a line ending in a speech verb's colon introduces ('The governor added:' and
    then his words), as quotes with no marks: what the page showed as a block quote, an embedded post
    or a statement. A paragraph that opens with a quotation mark is the marks' own; one that holds
    any mark, or a speaker label, is left alone, as is a colon inside a quote. Each comes with the
    offset of the colon that introduces it."""
    out: list[tuple[int, QuotedSpan]] = []
    marks = sorted((q.start, q.end) for q in quoted)
    starts = [a for a, _ in marks]
    for m in _BLOCK_INTRO.finditer(text):
        colon, start = m.start(), m.end()
        end = _line_end(text, start)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or text[start] in QUOTE_PAIRS or text[end - 1] == ":" or in_spans(colon, marks):
            # A paragraph that ends on a colon introduces the next one itself.
            continue
        k = bisect_left(starts, start)
        if (k < len(starts) and starts[k] < end) or speaker_label(text, start) >= 0:
            continue
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None or not _speech_verb_before(span[0]):
            continue
        block = QuotedSpan(start, end, closed=True, paragraphs=1, mark_len=0)
        if not is_scare_quote(text, block):  # a dateline or a heading ('July 27, 2016') quotes no one
            out.append((colon, block))
    return out


def _block_colon(text: str, cue: Cue, colons: list[int]) -> int | None:
    """The colon that opens a block quote, when ``cue``'s own content lies between the cue and it.
    ``colons`` is sorted; each ends its line, so only the first one after the cue can be on its line."""
    if cue.content is None or cue.content[0] < cue.end:
        return None
    k = bisect_left(colons, cue.end)
    if k == len(colons):
        return None
    colon = colons[k]
    return colon if cue.content[1] <= colon + 1 and "\n" not in text[cue.end : colon] else None


def _holds(outer: Cue, cue: Cue) -> bool:
    return outer.content is not None and outer.content[0] <= cue.start and cue.end <= outer.content[1]


def _speaking_cue(cue: Cue, cues: list[Cue], q: QuotedSpan) -> Cue:
    """The cue that introduces the quote ``q`` after ``cue``: ``cue`` itself, unless it names no one
    and an earlier cue with a speaker reports the quote (its content reaches into it): 'Trump Jr.
    said his father would not be told about their deals: "..."' quotes Trump Jr., the parse having
    read the quote as what "said" reports.  A cue with a speaker of its own keeps the quote: 'Lee
    said that the mayor, who spoke after the vote, added: "..."' quotes the mayor."""
    if cue.speaker_head is not None or cue.impersonal:
        return cue
    for c in cues:
        if c.start >= cue.start:
            break
        if c.speaker_head is not None and c.content is not None and c.content[0] < q.end and q.start < c.content[1]:
            return c
    return cue


def _speech_verb_before(colon: Token) -> bool:
    """A verb of speech (say, write, tweet ...) on the colon's line, a few words before it, with no
    quotation mark or sentence end between ('Byrne tweeted:', 'Trump said in a statement:')."""
    doc = colon.doc
    for back in range(1, _BLOCK_LEAD_TOKENS + 2):
        i = colon.i - back
        if i < 0:
            return False
        tok = doc[i]
        if "\n" in tok.text_with_ws or tok.text in QUOTE_PAIRS or tok.text in CLOSING_QUOTE_TOKENS:
            return False
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS:
            # Someone speaks: the verb has a subject, or is a participle that goes on from one ('quoted
            # an insider as saying:'); a bare imperative is the page's prompt ('Read more below:').
            return tok.tag_ == "VBG" or any(c.dep_ in _SUBJ for c in tok.children)
        if tok.is_sent_start:
            return False
    return False


def _around_parenthetical_tag(doc: Doc, tok: Token, sents: SentIndex) -> tuple[int, int] | None:
    """The character range of the sentence around a speech tag set off by commas inside it ("The
    new pier, she said, would bring ferries back ..."), when at least three words stand on either
    side; None otherwise."""
    subjects = [c for c in tok.children if c.dep_ in _SUBJ]
    if len(subjects) != 1 or any(c.dep_ in _CLAUSE or c.dep_ == "dobj" for c in tok.children):
        return None
    # The tag hangs on the sentence's main verb; one inside a relative clause ("the stadium,
    # which, the mayor said, is usually full") reports that clause only.
    if not (tok.dep_ == "ROOT" or (tok.head.dep_ == "ROOT" and tok.dep_ in {"parataxis", "advcl", "conj", "ccomp"})):
        return None
    subj = subjects[0]
    lo = min(subj.left_edge.i, tok.i)
    hi = max(subj.right_edge.i, tok.i) + 1
    sent_start, sent_end, _, _ = sents.of(tok.i)
    if lo - 1 <= sent_start or hi >= sent_end - 1:
        return None
    if doc[lo - 1].text != "," or doc[hi].text != ",":
        return None
    before = sum(t.is_alpha for t in doc[sent_start : lo - 1])
    after = sum(t.is_alpha for t in doc[hi + 1 : sent_end])
    if before < 3 or after < 3:
        return None
    last = doc[sent_end - 1]
    line = _on_line(sents.text, tok.idx, doc[sent_start].idx, last.idx + len(last.text))
    return line if line is not None and _trimmed(doc, *line) is not None else None


def _beside_source(
    doc: Doc, tok: Token, source: Token, content: tuple[int, int], sents: SentIndex
) -> tuple[int, int] | None:
    """What "according to X" reports when the stretch taken for it is X itself, or holds the cue.

    A misparse can hang the rest of the sentence on the source ("According to talk radio host
    Dana Marsh, the plan reeks of ...", with "reeks" read as a noun in apposition): the source
    then ends at the first comma after its name, and what was said is the rest of the sentence
    on the side that holds more of it.  The same parse makes "According" the sentence's root, so
    the cue's own subtree, a stretch the ranker may take, is the whole sentence with the cue in it."""
    is_source = source.idx <= content[1] <= source.idx + len(source.text) and content[0] > tok.idx
    holds_cue = content[0] <= tok.idx < content[1]
    if not (is_source or holds_cue):
        return None
    sent_start, sent_end, _, _ = sents.of(tok.i)
    comma = next((t.i for t in doc[source.i + 1 : sent_end] if t.text == ","), None)
    right = (comma + 1, sent_end) if comma is not None else (sent_end, sent_end)
    return _larger_side(doc, (sent_start, tok.i), right)


def _circumstance(tok: Token) -> bool:
    """Whether a modifier of a cue tells when, where or through what the words were said, not what was
    said: "in an interview", "on Twitter", "at a rally", "during the debate", "last week"."""
    if tok.dep_ in {"npadvmod", "advmod"}:
        return tok.ent_type_ in TIME_LABELS
    if tok.dep_ != "prep" or tok.lower_ not in _CIRCUMSTANCE_PREPS:
        return False
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    if not objects:
        return False
    obj, prep = objects[0], tok.lower_
    lemma = obj.lemma_.lower()
    if prep in {"through", "via"}:
        # "through 2013" is a stretch of time that was reported on, not when it was said.
        return lemma in MEDIUM_NOUNS
    if prep == "at":
        # "at a rally", but "anger at articles" is what the anger is about.
        return lemma in SPEAKING_EVENTS or obj.ent_type_ in TIME_LABELS
    return (
        obj.ent_type_ in TIME_LABELS
        or lemma in MEDIUM_NOUNS
        or (prep == "on" and obj.ent_type_ in {"ORG", "WORK_OF_ART", "PRODUCT"})
    )


def _nothing_said(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether a content holds nothing that could have been said: only a time and the words that
    lead into it, telling when something was done ("spoke *for more than an hour*", "appeared
    *Monday morning*", "has seen gains *over the last few weeks*"), or only a stranded preposition
    or punctuation ("Who is she talking *about?*", "Story continues *below*"). A time the verb acts
    on can be what was reported ("the audit covered *the years through 2013*")."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return False
    words = (t for t in span if not t.is_punct)
    if not all(t.ent_type_ in TIME_LABELS or t.pos_ in {"DET", "ADP"} for t in words):
        return False
    return span.root.dep_ not in _ARGUMENT_DEPS


def _as_put_it(doc: Doc, cue: Cue) -> bool:
    """Whether ``cue`` is the verb of an "as" clause whose content is only "it" or "them" ('"no
    money, no jobs" as she puts it', '"a disaster," as Lee called it'): the pronoun stands for the
    quotation, so the clause tags it and says nothing of its own."""
    if cue.content is None or _as_opener(doc[cue.token]) is None:
        return False
    span = doc.char_span(*cue.content, alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    return len(words) == 1 and words[0].lower_ in {"it", "them"}


def _as_put_terms(
    doc: Doc, text: str, quoted: list[QuotedSpan], real: list[QuotedSpan], cues: list[Cue]
) -> list[QuotedSpan]:
    """The short quoted terms outside ``real`` that an "as" clause right after them credits to
    someone ('"implicit bias," as she put it', '"talk" as Pence puts it'): a term with its
    speaker named is what that speaker said, not a scare quote."""
    held = {(q.start, q.end) for q in real}
    credited = [cue for cue in cues if _as_put_it(doc, cue)]
    return [
        q
        for q in quoted
        if q.closed and (q.start, q.end) not in held and any(_credits(doc, text, q, cue) for cue in credited)
    ]


# Characters from a quote's end to the cue of an "as" clause that credits it ("as FBI Director
# James Comey put it").
_AS_REACH = 80


def _as_clause_for(
    doc: Doc, text: str, q: QuotedSpan, cues: list[Cue], cue_starts: list[int], floor: float
) -> Cue | None:
    """The cue of an "as" clause right after quote ``q`` that credits it (see :func:`_as_put_it`),
    as sure as any cue that tags a quote (``floor``)."""
    i = bisect_left(cue_starts, q.end)
    while i < len(cues) and cues[i].start < q.end + _AS_REACH:
        cue = cues[i]
        i += 1
        if cue.strength >= floor and _as_put_it(doc, cue) and _credits(doc, text, q, cue):
            return cue
    return None


def _credits(doc: Doc, text: str, q: QuotedSpan, cue: Cue) -> bool:
    """Whether the "as" that opens ``cue``'s clause follows quote ``q`` with only a comma, a closing
    bracket or spaces between."""
    opener = _as_opener(doc[cue.token])
    return opener is not None and q.end <= opener.idx and not text[q.end : opener.idx].strip(" ,)")


def _as_opener(verb: Token) -> Token | None:
    """The "as" that opens ``verb``'s clause ("as she puts it"), or None."""
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)


def _without_circumstance(
    doc: Doc, cue: Token, content: tuple[int, int], marked: list[tuple[int, int]]
) -> tuple[int, int]:
    """A content right of its cue, without the cue's own modifiers that end it and tell when, where
    or through what it was said ("criticised the mayor *in late-night posts*", "compared the plan to
    a tax *in an interview last week*"): PolNeAR's contents, like PARC's, hold what was said only.
    Words inside quotation marks, scare quotes too, are never cut off: the marks decide there."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    lo, hi = span.start, span.end
    while True:
        trailing = [c for c in cue.children if lo < c.left_edge.i and c.right_edge.i == hi - 1 and _circumstance(c)]
        if not trailing:
            break
        hi = trailing[0].left_edge.i
    if hi == span.end or any(a < content[1] and doc[hi].idx < b for a, b in marked):
        return content
    return _trim(doc, lo, hi) or content


def _adverb_clause(
    doc: Doc, adverb: Token, sent_start: int, sent_end: int, head: Token | None = None
) -> tuple[int, int] | None:
    """What a vague adverb reports: the clause of the verb it modifies, from that verb's subject
    on ("After the vote, *the mayor reportedly plans to resign*, and ..."), without a leading
    conjunction, the verb's conjuncts after the adverb, or a trailing aside; PolNeAR's contents of
    "reportedly" and "allegedly" are that clause, not the whole sentence. None when nothing is left.
    ``head``: the verb, where ``adverb`` hangs on a word below it (a poll's "in" on a noun)."""
    head = adverb.head if head is None else head
    lo, hi = max(head.left_edge.i, sent_start), min(head.right_edge.i + 1, sent_end)
    subject = next((c for c in head.lefts if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is not None:
        lo = max(lo, subject.left_edge.i)
    while lo < head.i and doc[lo].dep_ in {"mark", "cc"} and doc[lo].head == head:
        lo += 1
    conjunct = next((c for c in head.rights if c.dep_ in {"conj", "cc"} and c.i > adverb.i), None)
    if conjunct is not None:
        hi = min(hi, conjunct.i)
    content = _trim(doc, lo, hi)
    return None if content is None else _without_aside(doc, content)


def _poll_in(tok: Token) -> Token | None:
    """The poll that an "in" phrase credits with the clause it modifies ("*In a CNN poll*, Clinton
    leads by six"), or None."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    named: Token | None = obj
    of: Token | None = None
    if obj.lemma_.lower() == "average":
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        named = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    if named is None or named.lemma_.lower() not in POLL_NOUNS:
        return None
    # "He slid in the polls", "who leads in polls": the writer sums up the race; a poll told apart
    # by a name, a date or a word ("a new Fox News poll", "the same poll") is one that reports.
    # Of the "in" cues with a poll that a first version of this rule (none of `_poll_clause`'s
    # guards yet) read in PolNeAR train, a quarter of the bare ones were annotated (10 of 42), and
    # 44 % of the others (41 of 94).
    if not any(c.dep_ in _POLL_MODIFIERS and c != of for c in obj.children):
        return None
    return obj


def _poll_clause(doc: Doc, prep: Token, sents: SentIndex) -> tuple[int, int] | None:
    """What a poll's "in" phrase reports: the clause of the verb it modifies, as a vague adverb's
    (:func:`_adverb_clause`), without the phrase itself ("Trump has a decisive lead *in the latest
    Fox poll*"). None where the phrase parts the subject from its verb, or no verb governs it."""
    verb = prep.head
    while verb.pos_ not in _VERB_POS and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in _VERB_POS or verb.dep_ == "relcl" or not any(c.dep_ in _SUBJ for c in verb.children):
        # "..., who is third in many Iowa polls": the writer's aside on a name, not a finding; nor
        # is a phrase with no subject of its own ("leading narrowly in Iowa polls", "those
        # surveyed in the poll"), of which PolNeAR train annotated 4 of the 16 this rule found.
        return None
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS or lemma in THOUGHT_VERBS:
        # "In a recent survey, 45 percent of executives say hiring is hard": the respondents' own
        # verb reports it, as before this rule. PolNeAR never nests one attribution in another, and
        # its train annotators chose either reading about as often: with this check and the next,
        # train matched one attribution fewer and predicted one more wrong.
        return None
    if prep.i > 0 and doc[prep.i - 1].lower_ in {"than", "as"}:
        # "narrower than in earlier polls": a comparison, and its clause is not what they found.
        return None
    sent_start, sent_end, _, _ = sents.of(prep.i)
    if not sent_start <= verb.i < sent_end:
        return None
    content = _adverb_clause(doc, prep, sent_start, sent_end, verb)
    if content is None:
        return None
    lo, hi = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)
    if hi <= content[0] or content[1] <= lo:
        return content
    if lo > verb.idx:
        return _trimmed(doc, content[0], lo)
    return None


def _without_aside(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """A content right of its cue, without the writer's aside that ends it: a relative clause, a
    noun's modifier or a participle, set off by a comma and hung on a word of the content ("said the
    bridge will reopen in May*, which surprised commuters*", "said the plant would close*, ending
    200 jobs*"). The writer adds what the source did not say there, and PolNeAR's contents leave it
    out; without the comma ("the firms that broke the rules") the clause says which thing is meant
    and stays. Quoted words in the aside go with it: unlike the cue's own modifiers (which
    :func:`_without_circumstance` cuts only outside quotation marks), the aside is the writer's, and
    PolNeAR dev scored a little better cutting it whole (the attribution `HISTORY.md`)."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    lo, hi = span.start, span.end
    for t in span:
        if (
            t.dep_ in ("relcl", "acl", "advcl")
            and (t.dep_ != "advcl" or t.tag_ == "VBG")
            and t.right_edge.i == hi - 1
            and t.left_edge.i - 1 > lo
            and doc[t.left_edge.i - 1].text == ","
            and lo <= t.head.i < t.left_edge.i
        ):
            hi = t.left_edge.i - 1
            break
    if hi == span.end:
        return content
    return _trim(doc, lo, hi) or content


def _larger_side(doc: Doc, left: tuple[int, int], right: tuple[int, int]) -> tuple[int, int] | None:
    """Of the sentence's stretches before and after a phrase cue (token ranges), the one that holds
    more of it is what the cue reports ("according to X, ..." or "..., according to X")."""
    lo, hi = right if right[1] - right[0] >= left[1] - left[0] else left
    return _trim(doc, lo, hi) if hi > lo else None


def _trimmed(doc: Doc, start: int, stop: int) -> tuple[int, int] | None:
    """The character range of the whole tokens from offset ``start`` up to offset ``stop``, edge
    punctuation trimmed; None when none is left."""
    span = doc.char_span(start, stop, alignment_mode="contract") if start < stop else None
    return None if span is None else _trim(doc, span.start, span.end)


def _beside_own_cue(doc: Doc, text: str, cue: Cue, cue_tokens: set[int]) -> tuple[int, int] | None:
    """What a learned content that holds its own cue reports, without the cue and its speaker.

    The ranker's whole-clause stretch is right where the cue's subject is part of what is
    reported ("Nothing about them seems credible", "The vote was announced") or where the
    content runs on either side of a parenthetical tag ("The plan, he said, would fail"); it
    is wrong for a trailing tag ("X, the source added") and a tag that opens it
    ("Bush said in a statement that ..."): a content never holds its own cue.
    """
    content = cue.content
    assert content is not None
    verb = doc[cue.token]
    lo, hi = cue.start, cue.end
    # The subject nearest the verb is the one it tags ("People like Scott, he said").
    subjects = [t for t in verb.children if t.dep_ in _SUBJ and content[0] <= t.idx < content[1]]
    if subjects:
        head = min(subjects, key=lambda t: abs(t.i - verb.i))
        if head.dep_ == "nsubjpass" or _judged(doc, cue, cue_tokens):
            return content
        lo, hi = min(lo, doc[head.left_edge.i].idx), max(hi, head.right_edge.idx + len(head.right_edge.text))
    before = _trimmed(doc, content[0], lo)
    if before is not None and text[content[0] : lo].rstrip()[-1:] not in _SET_OFF:
        # "online polls and twitter trends said otherwise": no tag is set off there.
        before = None
    after = _trimmed(doc, hi, content[1])
    sides = [s for s in (before, after) if s is not None and _words(doc, s) >= 3]
    if len(sides) == 2:
        return content
    return sides[0] if sides else None


def _words(doc: Doc, span: tuple[int, int]) -> int:
    chars = doc.char_span(*span, alignment_mode="expand")
    return 0 if chars is None else sum(1 for t in chars if t.is_alpha)


def _says_inside(head: Token, cue: Cue, content: tuple[int, int]) -> bool:
    """Whether the speaker the parse found is the subject of a verb of the content, not of the cue
    ('As reported by Gazette News, Ivar Lund and Anna Berg have ...'): the content stands, and the
    passive test gives it the agent or no speaker."""
    verb = head.head
    return head.dep_ in _SUBJ and verb.i != cue.token and content[0] <= verb.idx < content[1]


def _before_quote_tag(
    doc: Doc, cue: Cue, cues: list[Cue], real: list[QuotedSpan], inside: list[int], content: tuple[int, int]
) -> tuple[int, int] | None:
    """A learned content cut before the tag of a direct quote it holds, or None where it holds none.

    A quote's tag is another cue inside the content whose own content is that quote: a verb of
    speech right before it, a comma or colon at most between them ('responded, "..."'; not 'calls it
    a "..."' or 'delivered "..."', where the quoted words are part of what the outer content says).
    Kept whole, the content swallowed the reply and its speaker ("X said Y was wrong, to which Y
    replied, '...'"); cut, it ends where the tag's clause begins, and the quote keeps its tag.
    Returns an empty range where nothing is left before the tag.
    """
    start = content[0]
    for i in inside:
        q = real[i]
        for tag in cues:
            if tag.token == cue.token or not start <= tag.start < tag.end <= q.start:
                continue
            if doc[tag.token].lemma_.lower() not in SPEECH_VERBS:
                continue  # 'allocated $9 million and delivered "..."': no tag, what the outer content says
            between = doc.text[tag.end : q.start]
            if between.strip(" ,:"):
                continue
            # A verb with no content of its own that a colon or comma sets before the quote
            # ('demanding: "..."') is its tag as well: the direct pass gives it the quote. One that
            # runs straight into it ('a letter describing "serious limits"') takes it as its object.
            if tag.content is None and not between.strip():
                continue
            if tag.content is not None:
                lo, hi = tag.content
                if min(hi, q.end) - max(lo, q.start) < 0.7 * (hi - lo):
                    continue
            edge = doc[tag.token].left_edge
            # The conjunction that joined the tag's clause on ("..., and when pressed, she replied")
            # goes with it.
            if edge.i > 0 and doc[edge.i - 1].dep_ == "cc":
                edge = doc[edge.i - 1]
            return _trimmed(doc, start, edge.idx) or (start, start)
    return None


def _drop_nested(found: list[Attribution], holders: AbstractSet[int] = frozenset()) -> list[Attribution]:
    """One attribution per stretch of text, as PolNeAR annotates: a cue inside
    another attribution's content yields ("says Putin" over "Russia wants ...").
    When two contents hold each other's cues, the surer one stays rather than
    neither (the earlier one on a tie).  The attributions of ``holders`` (cue tokens: a
    transcript's turns) drop nothing inside them: an answer's "I think ..." is its
    speaker's claim as well as part of the turn."""

    def holds(b: Attribution, a: Attribution) -> bool:
        return (
            a.cue is not None
            and b is not a
            and b.group not in holders
            and b.content[0] <= a.cue[0]
            and a.cue[1] <= b.content[1]
        )

    def beats(b: Attribution, a: Attribution) -> bool:
        return (b.confidence, -b.content[0]) > (a.confidence, -a.content[0])

    return [a for a in found if not any(holds(b, a) and (not holds(a, b) or beats(b, a)) for b in found)]


def _speaker_weight(speaker: Speaker) -> float:
    """How far the rules trust an indirect attribution's speaker: a named one, a phrase, none."""
    return 0.95 if speaker.resolved else 0.8 if speaker.name else 0.6


def _speaks_in_turn(text: str, found: list[Attribution], turns: AbstractSet[int]) -> list[Attribution]:
    """Inside a transcript's turn (``turns``: the turns' cue tokens) "I" is whoever speaks it: an
    answer's "I think the levy will pass" is its speaker's claim, whom the parse alone leaves
    unknown. A "he" or "she" there is someone else: the name nearest before it is often the turn's
    own label ("HALVORSEN: I spoke to the chairman, and he said ..."), and a speaker calls
    themselves "I"."""
    held = [a for a in found if a.group in turns]
    out = []
    for a in found:
        m = a.speaker.mention
        said_by = text[m[0] : m[1]].lower() if m is not None else ""
        turn = (
            next((t for t in held if t.content[0] <= a.cue[0] and a.cue[1] <= t.content[1]), None)
            if a.cue is not None and said_by in {"i", "he", "she"}
            else None
        )
        if turn is not None and turn.speaker.name is not None:
            if said_by == "i" and a.speaker.name is None:
                a = replace(a, speaker=replace(turn.speaker, mention=m, via="pronoun"))
            elif said_by != "i" and a.speaker.name == turn.speaker.name:
                nobody = Speaker(None, "unknown", m, False, via="none")
                conf = round(a.confidence / _speaker_weight(a.speaker) * _speaker_weight(nobody), 3)
                a = replace(a, speaker=nobody, confidence=conf)
        out.append(a)
    return out


def _unraised(doc: Doc, cue: Cue, text: str, marked: list[tuple[int, int]]) -> Cue:
    """ "Some advisers are said to be urging ...", "The bank is expected to act": the passive
    subject of a reporting verb with an infinitive is part of what is reported, and
    nobody is named as reporting it."""
    verb = doc[cue.token]
    if verb.lemma_.lower() not in RAISING_CUES:
        return cue
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return cue
    subj = next(
        (c for c in children if c.dep_ == "nsubjpass" and not in_spans(c.idx, marked) and _dateline_dash(c) is None),
        None,
    )
    comp = next((c for c in verb.rights if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.lefts)), None)
    if subj is None or comp is None:
        return cue
    lo = max(subj.left_edge.idx, _line_start(text, verb.idx))
    last = comp.right_edge
    hi = min(last.idx + len(last.text), _line_end(text, verb.idx))
    content = _trimmed(doc, lo, hi)
    if content is None:
        return cue
    return replace(cue, speaker_head=None, content=content, impersonal=True)


def _subject(verb: Token, marked: list[tuple[int, int]]) -> Token | None:
    """Who the cue ``verb`` reports, from the parse; never a word inside quotation marks.

    The parse can hang a quote's own subject ('"... it will at some point," said
    Tom Baker') or a quoted title ('said on NBC's "Meet the Press."') on the cue as
    its subject: words in quotation marks (``marked``) are what someone said or a
    name, never the one saying it."""
    found, quoted_subject = _own_subject(verb, marked, _SUBJ)
    if found is not None:
        return found
    # "..., saying", "and added", "continued by saying": the subject of the verb they hang from,
    # a few levels up at most ("He made two references, quipping that ... and saying that ...").
    up = verb
    inside_quote = in_spans(verb.idx, marked)
    for level in range(_MAX_SUBJECT_CLIMB):
        if quoted_subject or up.dep_ not in _SUBJECT_FROM_HEAD or up.head.i == up.i:
            break
        up = up.head
        if not inside_quote and up.dep_ == "ccomp" and in_spans(up.idx, marked) and not in_spans(up.head.idx, marked):
            # '... joking that "boats do not vote" and adding that ...': the parse hung the second
            # verb on the quote's; the quote is what the verb outside it reports.
            up = up.head
        # The tagger reads some prepositions as conjunctions ("Despite criticizing the plan, Ann Lee
        # said ..."); the parse's relation is what makes the clause hang from the verb.
        via_prep = up.dep_ == "prep" and up.pos_ in {"ADP", "SCONJ"} and up.head.i != up.i
        if via_prep:
            up = up.head
        found, quoted_subject = _own_subject(up, marked, frozenset({"nsubj"}))
        if (
            found is None
            and not quoted_subject
            and level == 0
            and not via_prep
            and is_tag_verb(up.text)
            and _inverted_tag_verb(up, marked)
        ):
            # '"...," said Skelly, explaining ...': the name after an inverted tag speaks for the
            # participle that goes on from it, wherever the parse hung the name. Only an inverted
            # tag's speech verb: after '... called it "weak," defended a man who ...' the noun is
            # an object.
            found = _inverted_object(up, marked)
        # Past the verb's own head, or through a preposition, the subject must name someone: the
        # parse's chain is less sure there ("this accidental admission", "HD discs, offering ...").
        sure = level == 0 and not via_prep
        if found is None and up.dep_ == "relcl" and _line_between(verb.doc, up.head.i, up.i):
            found = _name_opening_line(up)  # see the relative clause below
        if found is None and not quoted_subject:
            # A passive one only if it names someone: "Miller was unsurprised by the findings,
            # saying ...", not "That comment was criticized, with many saying ...".
            found, quoted_subject = _own_subject(up, marked, frozenset({"nsubjpass"}))
            # "a sailor was heard shouting that ...": the one heard or caught doing it did it.
            sure = level == 0 and verb.dep_ == "xcomp" and up.lemma_.lower() in _PERCEIVED
        if found is not None and (sure or _names_someone(found) or _relative_for_someone(found)):
            return found
    if quoted_subject:
        # '"...," Ann Lee, an aide, said': the name the parse hung elsewhere.
        return _tag_subject(verb.doc, verb, marked)
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
    if verb.dep_ == "relcl" and not infinitive:
        # Not an infinitive: "you don't have to know every detail to say ..." names no one who said it.
        # A noun on another line is a heading the parse ran on into the paragraph.
        return _name_opening_line(verb) if _line_between(verb.doc, verb.head.i, verb.i) else verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ in _TAG_VERB_TAGS
        and verb.head.i == verb.i - 1
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.lemma_.lower() not in _NAMING
        and _names_someone(verb.head)
    ):
        # '"...," a source told Weekly Star': a past or present form is no participle, so the noun
        # right before it that the parse hung it on is its subject. Not where the tagger misread a
        # naming participle ('a campaign called "..."').
        return verb.head
    if verb.dep_ == "acl" and verb.head.i < verb.i and any(c.dep_ == "ccomp" for c in verb.children):
        # A participle that modifies a noun and reports a clause has that noun for its subject
        # ("reports suggesting that ...", "a study claiming that ..."); so does a verb the parse
        # took for one ("WeWork's parent company, The We Company, announced on Sept. 30 that ...").
        return _issuer(verb.head, marked) or verb.head
    if verb.dep_ == "acl" and (_after_apposed_name(verb) or _after_relative_clause(verb)):
        # "Kelly's attorney, Michael Critchley, called Wildstein ...", "Donald Trump, who is vying
        # to be the next president, tweeted on Friday to say ...": the comma that closes the name,
        # or the clause on it, makes the verb the sentence's, whatever it reports.
        return verb.head
    if verb.tag_ in _TAG_VERB_TAGS or (verb.tag_ == "NNS" and is_tag_verb(verb.text)):
        # "Star Magazine's source claims, ...": a finite verb has no compound; the noun the parse
        # hung on it as one is its subject (also where it read the verb as a plural: '"...," the
        # message states.').
        for child in verb.lefts:
            if child.dep_ == "compound" and child.i == verb.i - 1 and child.pos_ in {"NOUN", "PROPN"}:
                return child
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if (
            before is not None
            and before.ent_type_ in {"PERSON", "ORG"}
            and before.dep_ in {"advmod", "npadvmod", "compound", "amod"}
            and not in_spans(before.idx, marked)
        ):
            # "... Commissioner James P. O'Neill said": a name that ends right before a finite verb
            # with no subject is its subject, whatever the parse made of its last word.
            return before
    sequel = _sequel_subject(verb, marked)
    if sequel is not None:
        return sequel
    inverted = _inverted_object(verb, marked)
    if inverted is not None:
        return inverted
    opening = _name_before_commas(verb, marked)
    if opening is not None:
        return opening
    after_opening = _name_after_opening_phrase(verb, marked)
    if after_opening is not None:
        return after_opening
    # '"...," Misty Buswell, Save the Children's director, told ABC News': a parse that read a
    # name in the tag as a verb ("Save") leaves the cue no subject; the name after the closing
    # mark is who spoke.
    tagged = _tag_subject(verb.doc, verb, marked) if verb.pos_ == "VERB" else None
    # A common noun only for a finite verb that does not name it: a participle describes the noun
    # ("a statement posted"), and a naming verb the tagger read as a past names it ('a source
    # called "..."').
    finite = verb.tag_ in _TAG_VERB_TAGS and verb.lemma_.lower() not in _NAMING
    if (
        tagged is not None
        and _names_someone(tagged)
        and (tagged.pos_ == "PROPN" or (finite and _hung_in_quote(tagged, marked)))
    ):
        return tagged
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and _names_someone(verb.head):
        # An active participle does what the noun it modifies does, whatever it takes for an
        # object ("a group backing Bush", "a man telling them to ..."); a passive one ("a statement
        # released by ...") has that noun for its object. Only a noun that can say something: the
        # parse also hangs a participle on a noun that does nothing ("had a blast talking about
        # ...", "did not win the nomination telling rallies ..."); nor one that something was
        # sent to ("an email to supporters stating, \"...\"", where the email states it).
        to = verb.head.dep_ == "pobj" and verb.head.head.lower_ == "to"
        return None if to else _issuer(verb.head, marked) or verb.head
    return None


# Characters from a sentence-opening tag verb to the quotation it introduces: the verb, a speaker
# of a few words and a comma or colon ("Adds the first insider, ").
_INVERTED_TAG_REACH = 80


def _issuer(noun: Token, marked: list[tuple[int, int]]) -> Token | None:
    """Who put out ``noun``, a statement or the like that a participle says something in: "Ann
    Lee issued a statement saying ...", "the campaign sent out an email warning that ...": the
    words are the issuer's, as PolNeAR marks them, not the paper's.  Not a report, a study or a
    poll, which speak for themselves ("the agency released a report finding ..."), nor a statement
    someone only cited or read."""
    head = noun.head
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in ISSUED_NOUNS or head.lemma_.lower() not in ISSUING_VERBS:
        return None
    return _subject(head, marked)


def _after_apposed_name(verb: Token) -> bool:
    """ "the lawyer, Ana Lind, called": a comma right before ``verb`` closes a person's name in
    apposition to the noun the parse hung the verb on."""
    head = verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        before is not None
        and before.text == ","
        and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < verb.i for c in head.children)
    )


def _after_relative_clause(verb: Token) -> bool:
    """ "Donald Trump, who is vying to be the next president, tweeted on Friday to say ...": the
    parse found no verb for the name that heads the sentence and hung the verb after the clause on
    it as a participle; a comma right before ``verb`` closes a relative clause on that name.  Not
    where the sentence has a verb of its own: "Ann Lee, who ran in 2012, described by aides as
    tired, said ..." describes her."""
    head = verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        before is not None
        and before.text == ","
        and head.dep_ == "ROOT"
        and (head.pos_ == "PROPN" or head.ent_type_ in _SOURCE_ENTITIES)
        and (verb.tag_ in _TAG_VERB_TAGS or verb.tag_ == "VBN")
        and any(c.dep_ == "relcl" and c.i < verb.i and c.right_edge.i == before.i - 1 for c in head.children)
    )


def _describes_subject(tok: Token) -> bool:
    """A participle set off by commas inside a clause's subject ("the group, known as ..., said"),
    never a tag itself. Both commas are asked for: 'The mayor's lawyer, Dana Whitlock, called the
    councillors "..." and said ...' parses "called" the same way, and there it is the verb. A
    participle's form needs no commas when the subject's verb comes after it ("the panel's report
    rejecting the claim stated"), unless a name apposed to the subject ends right before it, as
    the lawyer's does above."""
    if tok.dep_ != "acl" or tok.head.dep_ not in _SUBJ:
        return False
    doc = tok.doc
    before, after = tok.left_edge.i - 1, tok.right_edge.i + 1
    if (
        tok.tag_ in {"VBG", "VBN"}
        and tok.head.head.i >= after
        and tok.head.head.pos_ in _VERB_POS
        and not _after_apposed_name(tok)
    ):
        return True
    return before >= 0 and after < len(doc) and doc[before].text == "," and doc[after].text == ","


def _after_closing_mark(tok: Token) -> bool:
    """Whether ``tok`` comes right after a closing quotation mark, spaces aside."""
    k = tok.i - 1
    while k >= 0 and tok.doc[k].is_space:
        k -= 1
    return k >= 0 and tok.doc[k].text in CLOSING_QUOTE_TOKENS


def _names_someone(tok: Token) -> bool:
    """A name, a personal pronoun, or a noun for a person, a body or a document: who or what
    can say something."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in _SOURCE_ENTITIES
        or tok.lower_ in {"he", "she", "they", "i", "we"}
        or tok.lemma_.lower() in SOURCE_HEAD_NOUNS
    )


def _relative_for_someone(tok: Token) -> bool:
    """ "Al Gore, who challenged Bush by demanding: ...": "who" of a clause on a noun that names
    someone (``_speaker_of`` credits that noun)."""
    return tok.lower_ == "who" and tok.head.dep_ == "relcl" and _names_someone(tok.head.head)


def _sequel_subject(verb: Token, marked: list[tuple[int, int]]) -> Token | None:
    """ "The governor toured the plant, then told reporters ...": a verb that ", then" opens goes on
    from the clause before it, which the parse hung on it as what it reports (the reading of a
    trailing tag) or hung it on; that clause's subject is who spoke. With "and then" the parse
    joins the two verbs, and the subject climbs as for any conjunct."""
    doc = verb.doc
    then = doc[verb.i - 1] if verb.i > 1 else None
    if then is None or then.lower_ != "then" or then.head.i != verb.i or doc[then.i - 1].text != ",":
        return None
    before = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.i < then.i), None)
    if before is None and verb.dep_ == "dep" and verb.head.i < then.i:
        before = verb.head  # or the parse hung the verb on that clause's, with no relation named
    if before is None:
        return None
    found, _ = _own_subject(before, marked, frozenset({"nsubj"}))
    return found if found is not None and _names_someone(found) else None


def _inverted_object(verb: Token, marked: list[tuple[int, int]]) -> Token | None:
    """'"...," explained the former president': right after a closing quotation mark the parse
    can take an inverted tag's speaker for the verb's object. A person's name or a noun for a
    person right after the verb is who spoke, not what was said. So it is where such a tag opens
    its sentence before the quote ('Adds the first insider, "..."'), and a name right after the
    verb speaks wherever the parse hung it ('"...," said Trump, continuing, "..."', where "Trump"
    modifies "continuing")."""
    if not (_after_closing_mark(verb) or _opens_a_tag(verb, marked)):
        return None
    for child in verb.rights:
        right_after = child.dep_ == "dobj" and child.left_edge.i == verb.i + 1 and not in_spans(child.idx, marked)
        if right_after and _names_someone(child) and child.pos_ != "PRON":
            return child
    name = _name_at(verb.doc, verb.i + 1)
    if name is not None and name.ent_type_ == "NORP" and name.head.i > name.i and name.head.pos_ in {"NOUN", "PROPN"}:
        # '"...," agrees French bank Societe Generale's team': a nationality before a noun names no one.
        return None
    if name is None and _inverted_tag_verb(verb, marked):
        # '"...," said a harbour pilot waiting at the pier': whatever the parse hung the noun
        # phrase on, right after an inverted tag's verb it is who spoke.
        someone = _someone_at(verb.doc, verb.i + 1) or _misread_surname(verb.doc, verb.i + 1)
        return someone if someone is None or _speaks_after(verb, someone) else None
    return name


def _misread_surname(doc: Doc, i: int) -> Token | None:
    """Token ``i``, a capitalised word after an inverted tag's verb that the tagger read as an
    adverb or adjective and the NER left out ('"...," said Skelly.', "said Kelly,"), where the tag
    ends with it: mid-sentence, after "said", a capitalised word alone is a name."""
    if i + 1 >= len(doc):
        return None
    tok, after = doc[i], doc[i + 1]
    if not (tok.is_title and tok.is_alpha and tok.pos_ in {"ADV", "ADJ"} and tok.ent_iob_ == "O"):
        return None
    return tok if after.is_punct and after.text in {",", ".", ";"} else None


def _speaks_after(verb: Token, noun: Token) -> bool:
    """Whether the noun after an inverted tag's verb is who spoke: always after a speech verb ('"...,"
    lamented the spy'), after any other verb only where it names someone ('"...," greeted a banner'
    names no one)."""
    return is_tag_verb(verb.text) or _names_someone(noun)


def _opens_a_tag(verb: Token, marked: list[tuple[int, int]]) -> bool:
    """'Adds the first insider, "...', 'Said one aide: "...': a finite verb that opens its sentence,
    with a quotation opening soon after it."""
    return (
        verb.is_sent_start is True
        # "Added Obama: ..." has its verb read as a participle modifying the name.
        and verb.tag_ in {"VBZ", "VBD", "VBN"}
        and verb.text[:1].isupper()
        and any(verb.idx < a <= verb.idx + _INVERTED_TAG_REACH for a, _ in marked)
    )


def _names_nothing(tok: Token) -> bool:
    """Whether a subject the parse gives a verb can name no one who speaks: ``tok`` and all the words
    the parse hangs on it are signs, with no letter or digit (the "]" of an elision mark, "[…] Last
    week the examiner announced"; the "=>" of an array dump; not a dash the parse hangs the words of
    the subject on, "The film ― which ... ― explains"), or ``tok`` is a bare past participle ("...
    and when reunited said it was ..."). The verb's speaker is then found as for a verb with none."""
    if tok.tag_ in {"VBN", "VBD"} and tok.n_lefts + tok.n_rights == 0:
        return True
    return not any(ch.isalnum() for ch in tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text)


def _own_subject(verb: Token, marked: list[tuple[int, int]], deps: frozenset[str]) -> tuple[Token | None, bool]:
    """The subject the parse gives ``verb``, and whether one was refused for lying in quotation marks."""
    quoted_subject = False
    dateline: int | None = None
    other_line = False
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        if in_spans(child.idx, marked):
            quoted_subject = True
        elif _names_nothing(child):
            continue
        elif (dash := _dateline_dash(child)) is not None:
            # "LONDON — Britain's prime minister said": the parse makes the dateline's
            # city the subject; the one speaking comes after the dash.
            dateline = dash
        elif not _line_between(verb.doc, child.i, verb.i):
            found.append(_name_ending_clause(child, verb) or child)
        else:
            # A subject on another line is a heading or time stamp the parse hung on
            # the verb ("4:20 p.m.\n\nHer doctor is calling ...").
            other_line = True
    if found:
        # "said study co-author Ana Lind": the parse can split one subject in two; the name is who spoke.
        named = [t for t in found if t.ent_type_ in _SOURCE_ENTITIES]
        return (named or found)[0], quoted_subject
    if dateline is not None:
        after = _after_dateline(verb, dateline)
        if after is not None and not _line_between(verb.doc, after.i, verb.i):
            return after, quoted_subject
        other_line = True
    if other_line:
        return _name_opening_line(verb), quoted_subject
    return None, quoted_subject


def _name_ending_clause(subject: Token, verb: Token) -> Token | None:
    """The name right before ``verb`` when the parse made a whole clause its subject ("The herd
    gathers for the crossing as narrator Tom Reyes explains that ...": "gathers" as the subject):
    a clause speaks no words, and the name that ends it, next to the verb, is who does."""
    if subject.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in subject.children):
        return None
    name = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        name is None
        or name.ent_type_ not in _SOURCE_ENTITIES
        or not subject.left_edge.i <= name.i <= subject.right_edge.i
    ):
        return None
    return name


# Words a speaker's title may put before the name that opens a tag ("Photographer", "Former Sen."),
# and the words from that name to the tag's verb ("Ann Lee, 48, who told a paper ..., said").
_TITLE_WORDS = 3
_MAX_OPENING_TAG = 80


def _name_before_commas(verb: Token, marked: list[tuple[int, int]]) -> Token | None:
    """'Ann Lee, 48, who told a paper she took the photo, said, "..."': a main verb with no
    subject, right after a comma, whose sentence (or line, where the parse ran a heading into
    it) opens with a name that a comma closes, has that name for its subject; the parse gave
    the words between a verb of their own and left the tag's verb bare."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    # Walked back only as far as a tag reaches: on a run-on page a sentence holds thousands of words.
    start = verb.sent.start
    if verb.i - start > _MAX_OPENING_TAG:
        start = verb.i - _MAX_OPENING_TAG
    for k in range(verb.i - 1, start - 1, -1):
        if breaks_line(doc[k]):
            start = k + 1
            break
    else:
        if start > verb.sent.start:
            return None
    while start < verb.i and (
        doc[start].is_space or doc[start].text in QUOTE_PAIRS or doc[start].text in CLOSING_QUOTE_TOKENS
    ):
        start += 1
    k = start
    while k < verb.i and k - start <= _TITLE_WORDS and not doc[k].ent_type_:
        if doc[k].pos_ not in {"NOUN", "PROPN", "ADJ", "DET"}:
            return None
        k += 1
    if k >= verb.i or doc[k].ent_type_ not in {"PERSON", "ORG"} or in_spans(doc[k].idx, marked):
        return None
    while k + 1 < verb.i and doc[k + 1].ent_iob_ == "I":
        k += 1
    return doc[k] if k + 1 < verb.i - 1 and doc[k + 1].text == "," else None


# Words between the commas of an apposition that follows a subject (", the minority leader,").
_APPOSITION_WORDS = 12
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Words of title or age that may stand before a name ("Senator", "62-year-old").
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})


def _name_after_opening_phrase(verb: Token, marked: list[tuple[int, int]]) -> Token | None:
    """'Alarmed by the unrest, Senator Ann Lee, the minority leader, said ...': a finite main verb
    with no subject, right after a name (or after a name and its apposition set off by commas),
    has that name for its subject, when a comma or the sentence's start opens the name. The parse
    ran the sentence's opening phrase on into the name, as a conjunct, an apposition or an
    object of its own, and left the verb bare. Not a name that a word like "and" or "to" opens
    ("..., Lee and her husband, thanked", "In a letter to Ann Lee, wrote"): the subject is then
    more than the name, or no subject at all."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in _FINITE_TAGS:
        return None
    first = verb.sent.start
    k = verb.i - 1
    # "Ann Lee also railed against ...": adverbs of the verb between the name and it.
    while k > first and doc[k].dep_ in {"advmod", "neg"} and doc[k].head.i == verb.i:
        k -= 1
    if doc[k].text != ",":
        return _opened_name(doc, k, first, marked)
    found = _opened_name(doc, k - 1, first, marked)
    if found is not None:
        return found
    c = k - 1
    while c > first and k - c <= _APPOSITION_WORDS and doc[c].text != ",":
        c -= 1
    if doc[c].text != "," or c + 1 >= k or not doc[c + 1].text[:1].islower():
        return None  # an apposition describes ("the minority leader", "head of ...") and names no one
    return _opened_name(doc, c - 1, first, marked)


def _opened_name(doc: Doc, j: int, first: int, marked: list[tuple[int, int]]) -> Token | None:
    """``doc[j]`` when it ends a name of someone who can speak, outside quotation marks, and a
    comma, the sentence's start or a conjunction that opens the sentence comes right before that
    name and the few words of title or age in front of it ("62-year-old", "Senator")."""
    if j < first or doc[j].ent_type_ not in _SOURCE_ENTITIES or in_spans(doc[j].idx, marked):
        return None
    if j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        return None  # not the name's last word
    b = j
    while b > first and doc[b].ent_iob_ == "I":
        b -= 1
    b -= 1
    lead = 0
    while b >= first and lead < _TITLE_WORDS + 3 and (doc[b].pos_ in _TITLE_POS or doc[b].text == "-"):
        b -= 1
        lead += 1
    if b >= first and doc[b].text == ",":
        return doc[j]
    # A name that opens the sentence ("Ann Lee", "But Ann Lee"): only where a full stop or a line
    # break ends the one before, as the parser also starts a sentence inside a list of names
    # (", and Harbor Trust, reveals").
    opens = b < first or (b == first and doc[b].pos_ == "CCONJ")
    return doc[j] if opens and _after_sentence_end(doc, first) else None


def _after_sentence_end(doc: Doc, first: int) -> bool:
    """Whether the text before token ``first`` ends a sentence or a line (or there is none)."""
    k = first - 1
    while k >= 0 and doc[k].text in CLOSING_QUOTE_TOKENS:
        k -= 1
    return k < 0 or breaks_line(doc[k]) or doc[k].text[-1:] in {".", "!", "?", ":", ";"}


def _name_opening_line(verb: Token) -> Token | None:
    """'7 p.m.\n\nAnna Berg is again doubting the count ...': where the parse ran a heading or a time
    stamp on into the next paragraph and gave the verb a subject up there, the name that opens the
    verb's own line, with only the verb's auxiliaries and adverbs after it, is the subject."""
    doc = verb.doc
    k = verb.i - 1
    # "is once again": auxiliaries and adverbs, the adverbs' own adverbs among them.
    while k >= 0 and doc[k].dep_ in {"aux", "auxpass", "advmod", "neg"} and doc[k].head.i <= verb.i:
        k -= 1
    if k < 0 or doc[k].ent_type_ not in _SOURCE_ENTITIES:
        return None
    start = k
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[k] if start == 0 or breaks_line(doc[start - 1]) else None


_DATELINE_WORDS = 8


def _dateline_dash(tok: Token) -> int | None:
    """The index of the dash that ends the dateline ``tok`` belongs to, or None.

    A dateline opens a line with a place in capitals or a place name, perhaps a state
    and an agency, then a dash: "WASHINGTON (AP) —", "ALEXANDRIA, Va.—", "Paris, France -";
    or with no dash, the agency's closing parenthesis ends it: "Denver (CNN) Mayor Ann Lee opened
    ...", where the index is the parenthesis's.
    """
    doc = tok.doc
    start = tok.i
    # A word in a dateline sits among the line's first few tokens, so the walk back to the line
    # start stops early: walking whole paragraphs made this a sixth of the stages' time.
    for _ in range(_DATELINE_WORDS + 4):
        if start == 0 or breaks_line(doc[start - 1]):
            break
        start -= 1
    else:
        return None
    while start < tok.i and doc[start].is_space:
        start += 1
    first = doc[start]
    place = first.ent_type_ in {"GPE", "LOC"} or (first.is_alpha and first.is_upper and len(first) > 1)
    # The NER misses small towns ("Boise, Idaho (CNN)"), and an agency in parentheses marks a
    # dateline as well as a known place does; a dash after any capitalised words does not.
    if not (place or (first.is_alpha and first.is_title)):
        return None
    for k in range(start + 1, min(len(doc) - 1, start + _DATELINE_WORDS + 1)):
        t = doc[k]
        if t.text in SIGNATURE_DASHES:
            return k if place and tok.i < k and not breaks_line(doc[k + 1]) else None
        if t.text == ")" and _agency_closes(doc, k, named=not place):
            return k if tok.i < k else None
        # A day's number belongs to the date a wire dateline carries ("CLEVELAND, July 19 (UPI) —").
        if breaks_line(t) or not (t.text in {",", "(", ")", "."} or t.text[:1].isupper() or t.is_digit):
            return None
    return None


def _agency_closes(doc: Doc, k: int, *, named: bool) -> bool:
    """Whether the ")" at ``k`` closes a one-word agency ("(CNN)", "(Reuters)") with the
    sentence's first word after it, no dash between: the dash, where there is one, ends the dateline.
    With ``named`` the NER must have typed the agency an organisation: after words that are no
    known place, a party's letter ("Ann Kerr (D) Tuesday") is no agency."""
    if k < 2 or k + 1 >= len(doc) or doc[k - 2].text != "(":
        return False
    agency, after = doc[k - 1], doc[k + 1]
    known = agency.ent_type_ == "ORG" or (not named and agency.is_alpha and agency.is_upper and len(agency) > 1)
    return known and after.text[:1].isupper() and not after.is_space


def _after_dateline(verb: Token, dash: int) -> Token | None:
    """The noun phrase after a dateline's dash that the parse hung on the dateline
    ("ALEXANDRIA, Va.—Married father-of-two Sean Spicer has denied ...")."""
    for tok in verb.doc[dash + 1 : verb.i]:
        if tok.head.i <= dash and tok.pos_ in {"NOUN", "PROPN", "PRON"}:
            return tok
    return None


def _headline_cues(
    doc: Doc, text: str, marked: list[tuple[int, int]], index: EntityIndex
) -> tuple[list[Cue], set[int]]:
    """Lines led by a source and a colon, as headlines and transcripts write them:
    'Alvarez: Budget will not cover stadium', 'Poll: Most voters back transit tax'.  The rest
    of the line is what the source said; a page label ('Update:') is no source.

    A headline is short, so a long line is taken only as a transcript's turn: in a text with two
    or more such lines, which an interview runs one after another ('LOPEZ: Well, ...' and the
    next speaker's), where a lone long one is prose, and only when it has a verb (a list of names
    after "Democrats:" says nothing). "Q" and "A" label an interview's question and answer only
    where the text has both. Returns the cues and the tokens of the long turns' cues."""
    lines: list[tuple[Cue, bool, str]] = []  # each cue, whether its line is long, its label
    # The head tokens of the entities stage's name mentions of people and bodies, gathered only
    # for a text with a one-word source to check.
    named: frozenset[int] | None = None
    # ... and of people alone, each with their entity, which a long turn's label must name,
    # gathered for a long line only.
    persons: dict[int, int] | None = None
    # Capitals labels that lead two or more lines, gathered for a text whose label the tags fail.
    repeated: frozenset[str] | None = None
    pos = 0
    while pos < len(text):
        end = _line_end(text, pos)
        start, pos = pos, end + 1
        colon = text.find(": ", start, min(end, start + 80))
        if colon < 0 or in_spans(colon, marked):
            continue
        source = doc.char_span(start, colon, alignment_mode="contract")
        said = doc.char_span(colon + 1, end, alignment_mode="contract")
        if source is None or said is None or not 1 <= len(source) <= _HEADLINE_SOURCE_TOKENS:
            continue
        # A transcript's answer ('Horner: “Because I was new, ...”') can run long: its marks
        # bound what was said, where a headline's length is all there is to go by.
        long_line = len(source) + len(said) > _HEADLINE_MAX_TOKENS and not in_spans(said[0].idx, marked)
        if len(said) < 3 or not source[0].text[:1].isupper():
            continue
        # An open bracket is no label's: "Boku (AIM: BOKU), the company ..." names a listing.
        if any(t.pos_ in {"VERB", "AUX", "CCONJ"} or t.lower_ in PAGE_LABELS or t.text in "([" for t in source):
            continue
        to = inner_to(source)
        if to is not None:
            # "Obama To UN: ...": the source, then whom it addressed.
            source = doc[source.start : to.i]
        head = source[-1]
        label = source.text if source.text in _INTERVIEW_LABELS else ""
        if not label:
            # A place speaks for its government ("China: ..."); in capitals it is a dateline.
            typed = head.ent_type_ in _SOURCE_ENTITIES and not (head.ent_type_ == "GPE" and head.text.isupper())
            # A surname the tagger misread ("Sanders: ..." as a plural noun) that the entities stage
            # joined to the person the story names in full.
            if not typed and len(source) == 1:
                if named is None:
                    named = frozenset(_name_heads(index, _SOURCE_ENTITIES))
                typed = head.i in named
            # An untyped name must be all name ("Politifact"): capitalised headline words
            # are tagged PROPN too, and a kicker such as "Quiet Over Quarry:" is no source.
            untyped = all(t.pos_ == "PROPN" or t.is_punct or t.tag_ == "POS" for t in source)
            if not (typed or head.lower_ in HEADLINE_SOURCE_NOUNS or (head.pos_ == "PROPN" and untyped)):
                # A transcript names its speakers in capitals turn after turn ("MARIA LOPEZ: ..."),
                # and the tagger reads a shouted name it does not know as anything (an adverb, a
                # noun): a capitals label that leads two or more lines and names a person of the
                # text is a speaker's ("RESULT:" or "IMPORTANT:" twice names no one).
                if repeated is None:
                    repeated = _repeated_labels(text)
                said_by = text[start:colon]
                if said_by not in repeated or index.shouted_person(said_by) is None:
                    continue
        content = _trim(doc, said[0].i, said[-1].i + 1)
        colon_tok = doc.char_span(colon, colon + 1)
        if content is None or colon_tok is None:
            continue
        # A turn is a person's (or an interview's "Q" and "A", or a label in capitals), and it says
        # something: "London: Tuesday 23 January 2018: ..." is a release's dateline, and a list
        # of names after "Democrats:" has no verb.
        if long_line:
            if persons is None:
                persons = _name_heads(index, frozenset({"PERSON"}))
            someone = label or head.ent_type_ == "PERSON" or head.i in persons or speaker_label(text, start) == colon
            if not (someone and any(t.pos_ in {"VERB", "AUX"} for t in said)):
                continue
            # A round-up's section names its subject and then writes about them ("Ann Lee: Housing
            # / On her website, Senator Ann Lee calls for ..."): a speaker does not name themselves.
            own = persons.get(head.i)
            if own is not None and any(persons.get(t.i) == own for t in said):
                continue
        lines.append((Cue(colon_tok[0].i, colon, colon + 1, _HEADLINE_STRENGTH, head.i, content), long_line, label))
    transcript = len(lines) >= 2
    interview = {label for _, _, label in lines} >= _INTERVIEW_LABELS
    kept = [(cue, long_line) for cue, long_line, label in lines if interview or not label]
    cues = [cue for cue, long_line in kept if transcript or not long_line]
    return cues, {cue.token for cue, long_line in kept if transcript and long_line}


def _repeated_labels(text: str) -> frozenset[str]:
    """The capitals labels (``speaker_label``, which never runs past a line's end) that open two
    or more lines of ``text``."""
    seen = Counter(line[:colon] for line in text.split("\n") if (colon := speaker_label(line, 0)) >= 0)
    return frozenset(label for label, n in seen.items() if n >= 2)


def _name_heads(index: EntityIndex, labels: frozenset[str]) -> dict[int, int]:
    """The head token of each name mention of an entity with one of ``labels``, and its entity."""
    return {m.token: m.entity for m in index.mentions if m.kind == "name" and index.entities[m.entity].label in labels}


def _label_cues(
    doc: Doc, text: str, quotes: list[QuotedSpan], marked: list[tuple[int, int]], taken: set[int]
) -> list[Cue]:
    """A name and a colon right before a quote, as transcripts and round-ups run them on in one
    line ('... tie." Galifianakis: "Or maybe ..."', 'Indiana Sen. Dan Coats: "No comment."'):
    the name speaks the quote. The label must start a unit of its own (after a sentence, a
    quote, another colon, a line break, or the "by" after a quoted headline), so 'He told
    Reuters: "..."' stays the verb's. The cue claims no clause; the direct pass gives it the
    quote beside it. ``text`` is ``doc.text``, which spaCy rebuilds from the tokens on each access."""
    out: list[Cue] = []
    for q in quotes:
        j = q.start - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        if j < 1 or text[j] != ":" or in_spans(j, marked):
            continue
        colon = doc.char_span(j, j + 1)
        if colon is None or colon[0].i in taken or colon[0].i == 0:
            continue
        head = doc[colon[0].i - 1]
        if head.pos_ != "PROPN" and head.ent_type_ not in {"PERSON", "ORG"}:
            continue
        first = head.i
        while first > 0 and head.i - first < _LABEL_TOKENS and _in_label(doc[first - 1]):
            first -= 1
        if first > 0 and _in_label(doc[first - 1]):
            continue  # longer than a label
        prev = first - 1
        while prev >= 0 and doc[prev].is_space and not breaks_line(doc[prev]):
            prev -= 1
        before = doc[prev] if prev >= 0 else None
        if not (
            before is None
            or breaks_line(before)
            or before.text in _LABEL_OPENERS
            or before.text[:1] in CLOSING_QUOTE_TOKENS
            or _byline(before)
        ):
            continue
        if any(t.lower_ in PAGE_LABELS for t in doc[first : head.i + 1]):
            continue
        out.append(Cue(colon[0].i, j, j + 1, _HEADLINE_STRENGTH, head.i, None))
    return out


def _transcript_turns(doc: Doc, text: str, quotes: list[QuotedSpan]) -> tuple[list[QuotedSpan], list[Cue]]:
    """A quoted transcript's turns ('"HOST: Will you attend, Governor? ..."'): the label inside the marks
    names who speaks, and what was said starts after its colon.  Each such quote then opens on
    the space after the colon (as a quote whose mark a scraper dropped does) and the colon is its
    cue, with the label's last word as the speaker.  A turn opens its paragraph; a quoted
    headline inside a line ('The story ran as “WITNESS: police did close the pier”') is no turn.
    ``text`` is ``doc.text``."""
    out: list[QuotedSpan] = []
    cues: list[Cue] = []
    for q in quotes:
        at_line_start = not text[_line_start(text, q.start) : q.start].strip()
        colon = speaker_label(text, q.start + q.mark_len) if at_line_start else -1
        colon_tok = doc.char_span(colon, colon + 1) if colon >= 0 else None
        name = doc.char_span(q.start + q.mark_len, colon, alignment_mode="contract") if colon_tok else None
        if colon_tok is None or name is None or any(t.lower_ in PAGE_LABELS for t in name):
            out.append(q)
            continue
        out.append(QuotedSpan(colon + 1, q.end, q.closed, q.paragraphs))
        cues.append(Cue(colon_tok[0].i, colon, colon + 1, _HEADLINE_STRENGTH, name[-1].i, None))
    return out, cues


def _in_label(tok: Token) -> bool:
    """A word of a name that labels a quote: a proper noun, a possessive ("NYT's David Segal"), or
    the "and" between two names."""
    return tok.pos_ == "PROPN" or tok.tag_ == "POS" or tok.lower_ == "and"


def _byline(tok: Token) -> bool:
    """'"Headline," by WaPo's Abby Phillips: "..."': "by" right after a quoted headline, whose
    writers label the passage after the colon."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.lower_ != "by" or prev is None:
        return False
    if prev.text == "," and prev.i > 0:
        prev = tok.doc[prev.i - 1]
    return prev.text[:1] in CLOSING_QUOTE_TOKENS


# The longest name that labels a quote: "WaPo's Abby Phillips and Ed O'Keefe:".
_LABEL_TOKENS = 8
# What may stand right before a name that labels a quote: the end of a sentence or of a label.
_LABEL_OPENERS = frozenset({".", "!", "?", ":", ")", "]", "\u2026"})


def _tags_a_quote(tok: Token, quoted: list[tuple[int, int]], text: str) -> bool:
    """Whether ``tok`` sits where a quote's speaker tag does: just after a quote or just
    before one (on the same line; quoted: sorted character ranges; text: the Doc's)."""
    i = bisect_right(quoted, (tok.idx, _NO_END))
    for a, b in quoted[max(i - 1, 0) : i + 1]:
        if a <= tok.idx < b:
            continue  # inside the quote: part of what was said
        gap = text[b : tok.idx] if b <= tok.idx else text[tok.idx + len(tok.text) : a]
        if len(gap) <= _MAX_TAG_GAP and "\n" not in gap:
            return True
    return False


def _beside_quote(verb: Token, quoted: list[tuple[int, int]], text: str) -> bool:
    """Whether ``verb`` is a quote's tag verb by position: a comma or colon at most between it and
    the quote after it ('Goldberg allegedly snapped, "..."'), or a few words of one sentence between
    the quote before it and the verb ('"...," Obama allegedly explained')."""
    end = verb.idx + len(verb.text)
    i = bisect_right(quoted, (end, _NO_END))
    if i < len(quoted) and not text[end : quoted[i][0]].strip(" ,:"):
        return True
    before = _quote_before(verb, quoted)
    if before is None:
        return False
    between = text[before[1] : verb.idx]
    return len(between.split()) <= _TAG_TOKENS and not any(ch in between for ch in ".!?\n")


def _quote_before(tok: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The last quote (sorted character ranges) that starts at or before ``tok``, when it also
    ends before it; None when there is none or ``tok`` lies inside it."""
    i = bisect_right(quoted, (tok.idx, _NO_END)) - 1
    return quoted[i] if i >= 0 and quoted[i][1] <= tok.idx else None


def _tag_verb(doc: Doc, q: QuotedSpan, text: str, lo: int, hi: int) -> Cue | None:
    """A speaker tag with a verb no cue table holds, next to a quote on its line:
    '"Who pays now?" Ortiz demanded.', 'Trump boasted, "That makes me smart."'.

    Only the tag's shape decides: a subject and a verb between the quote and the line
    (or sentence) end, or just before the quote with only a comma or colon between."""
    inner = q.inner(text).rstrip()
    after = doc.char_span(q.end, min(hi, _line_end(text, q.end)), alignment_mode="contract")
    if q.closed and inner[-1:] in _TAG_ENDINGS and after is not None:
        for tok in after[:_TAG_TOKENS]:
            if tok.pos_ == "VERB" and (tok.tag_ in _TAG_VERB_TAGS or _misread_past(tok)):
                subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.idx >= q.end), None)
                if subj is None and tok.i == after[0].i:
                    # '"...," theorized Dr. Lyle Back.' with the name parsed as anything but the subject;
                    # '"...," dished a source.' with the one speaking parsed as the verb's object.
                    subj = _name_at(doc, tok.i + 1) or _speaking_noun_at(doc, tok.i + 1)
                rest = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                # Right after the verb: the end of the tag, its subject ("theorized Dr. Lyle Back"), or
                # whom or where it was said ("the insider dished to Radar").
                if subj is not None and (
                    rest is None
                    or rest.is_punct
                    or rest.is_space
                    or subj.left_edge.i <= rest.i <= subj.i
                    or (rest.dep_ in {"prep", "advmod", "npadvmod"} and rest.head.i == tok.i)
                    # or when: '"...," Deace texted after Cruz made his decision official.'
                    or (rest.dep_ == "mark" and rest.head.dep_ == "advcl" and rest.head.head.i == tok.i)
                ):
                    return Cue(tok.i, tok.idx, tok.idx + len(tok.text), _TAG_STRENGTH, subj.i, None)
                break
        misread = _misread_noun_tag(after[:_TAG_TOKENS])
        if misread is not None:
            return misread
    start = max(lo, _line_start(text, q.start))
    before = doc.char_span(start, q.start, alignment_mode="contract")
    if before is not None and len(before) >= 3 and before[-1].text in {",", ":"}:
        opening = _opening_tag(_last_sentence(before))
        if opening is not None:
            return opening
        tok = before[-2]
        if tok.pos_ == "VERB" and tok.tag_ in _TAG_VERB_TAGS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.idx >= start), None)
            if subj is not None:
                return Cue(tok.i, tok.idx, tok.idx + len(tok.text), _TAG_STRENGTH, subj.i, None)
        # "Cpl. Dean Washington reacted to the incident: “...”": a clause that a colon ends and
        # whose subject is a name introduces the quote, whatever its verb.
        if before[-1].text == ":":
            verb = before[-2]
            for _ in range(_MAX_COLON_CLIMB):
                if (verb.pos_ == "VERB" and verb.tag_ in _TAG_VERB_TAGS) or verb.head.i == verb.i:
                    break
                verb = verb.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.idx >= start), None)
            if subj is None and verb.dep_ == "acl" and start <= verb.head.idx < verb.idx:
                # 'A source shared: "..."': the parse read the clause as a noun with a
                # participle after it; a past form before a colon is the clause's verb.
                subj = verb.head
            # The clause's verb comes before the colon: the parse can hang the colon on a verb inside
            # the quote ('... shown by one figure: "12 harbours reported ..."').
            finite = verb.pos_ == "VERB" and verb.tag_ in _TAG_VERB_TAGS and start <= verb.idx < before[-1].idx
            if (
                finite
                and subj is not None
                and (
                    subj.pos_ == "PROPN"
                    or subj.ent_type_ in _SOURCE_ENTITIES
                    or (subj.pos_ == "NOUN" and subj.lemma_.lower() in SOURCE_HEAD_NOUNS)
                )
            ):
                return Cue(verb.i, verb.idx, verb.idx + len(verb.text), _TAG_STRENGTH, subj.i, None)
    return None


def _last_sentence(before: Span) -> Span:
    """What of ``before`` follows its last full stop, question or exclamation mark: a tag can open
    a sentence in mid-line ('... the vote was close. Said Lopez: "..."'), which the parse may have run
    into the sentence before."""
    for k in range(len(before) - 3, 0, -1):
        # A sentence's end, where an inverted tag can open the next one on the same line.
        if before[k - 1].text in SENTENCE_END_MARKS:
            return before[k:]
    return before


def _opening_tag(before: Span) -> Cue | None:
    """'Commented harbour manager Ann Lee, "..."', 'Continued Lee: "..."': a line that opens with a
    speech verb's past or -s form, then only a name or a noun phrase up to the comma or colon before
    the quote, is an inverted tag, however the tagger read the verb (often as part of the name)."""
    verb, speaker = before[0], before[-2]
    words = before[1:-1]
    if (
        verb.text[:1].isupper()
        and is_tag_verb(verb.text)
        and 0 < len(words) <= _TAG_TOKENS + 2
        and speaker.pos_ in {"PROPN", "NOUN"}
        and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in words)
    ):
        return Cue(verb.i, verb.idx, verb.idx + len(verb.text), _TAG_STRENGTH, speaker.i, None)
    return None


def _misread_noun_tag(after: Span) -> Cue | None:
    """'"...," the insider reports.': a tag of a noun phrase and a speech verb's -s form that ends
    its sentence, which the tagger read as one noun phrase with a plural head. The verb is the cue
    and the noun before it who spoke."""
    for k, tok in enumerate(after):
        if tok.pos_ in {"VERB", "AUX"} or tok.is_punct:
            return None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (
            k >= 1
            and tok.tag_ == "NNS"
            and is_tag_verb(tok.text)
            and (nxt is None or nxt.text in {".", "!", "?"} or "\n" in nxt.text)
            and after[k - 1].pos_ in {"NOUN", "PROPN"}
        ):
            speaker = after[k - 1]
            return Cue(tok.i, tok.idx, tok.idx + len(tok.text), _TAG_STRENGTH, speaker.i, None)
    return None


def _misread_past(verb: Token) -> bool:
    """A past tense the tagger read as a participle ('"...," Deace texted after ...'): it has a
    subject and no auxiliary, so it is finite."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _ends_a_tag(tok: Token, quoted: list[tuple[int, int]], text: str) -> bool:
    """Whether ``tok`` is the verb of the speaker tag of the quote before it in its sentence: the
    quote ends on a comma, question or exclamation mark and no other verb comes between
    ('"...," a source close to her explained'; not '"...," he said when the firm announced')."""
    if tok.tag_ == "VBG":
        return False  # '"...," referring to Walters': a participle after it is no tag
    if tok.dep_ in {"relcl", "acl"}:
        return False  # '"...," Cuomo, a Democrat who has endorsed Clinton, told ...': the tag is "told"
    before = _quote_before(tok, quoted)
    if before is None:
        return False
    a, b = before
    gap = text[b : tok.idx]
    # A quote cut where a scraper dropped its ',"' ends on the two spaces they left.
    lost_closer = gap.startswith("  ") and text[b - 1] not in CLOSING_QUOTE_TOKENS
    # A quote that ends on a quote inside it ends on that one's punctuation: '"... believe him?'" Beck asked'.
    ending = text[a : b - 1].rstrip().rstrip("'\u2019")[-1:]
    if (ending not in _TAG_ENDINGS and not lost_closer) or len(gap) > _MAX_TAG_GAP or "\n" in gap:
        return False
    if _has_sentence_break(gap):
        return False
    between = tok.doc.char_span(b, tok.idx, alignment_mode="contract")
    # The tag's own auxiliary is part of it: '"...?" Beck had asked Cruz on the show.', and so is a
    # participle that describes its speaker: '"...," a reported friend of the couple revealed to ...'.
    return between is None or not any(
        t.pos_ in {"VERB", "AUX"}
        and not (t.dep_ in {"aux", "auxpass"} and t.head.i == tok.i)
        and t.dep_ not in {"amod", "compound"}
        for t in between
    )


def _tag_object(verb: Token) -> Token | None:
    """'"...," lamented the spy', '"...," summed up the insider': in an inverted tag, a finite
    verb right after the closing mark, the noun right after the verb (and its particle) is who
    spoke, whatever the parse made of it."""
    # A cue tagged as a plural noun there is a verb the tagger misread ('"...," reasons Ann Lee').
    if verb.tag_ not in _TAG_VERB_TAGS | {"NNS"} or not _after_closing_mark(verb):
        return None
    nxt = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == nxt:
            nxt += 1
    for child in verb.rights:
        if child.dep_ in {"dobj", "attr", "oprd"} and child.left_edge.i == nxt and child.pos_ in {"NOUN", "PROPN"}:
            return child
    return _name_at(verb.doc, nxt) or _someone_at(verb.doc, nxt)


# A subject or a clause of the verb's own before it: what stands before an inverted tag is the quote.
_SUBJ_OR_CLAUSE = _SUBJ | {"ccomp", "advcl", "xcomp", "csubj", "parataxis"}
# Dependencies inside a noun phrase, left of its head ("a senior Clinton advisor", "the man's friends").
_PHRASE_INNER = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "quantmod", "advmod", "nmod"})


def _someone_at(doc: Doc, i: int) -> Token | None:
    """The head of the noun phrase that starts at token ``i`` ("the narrator", "a senior Clinton
    advisor", "one of the man's friends"), or None when no noun phrase starts there."""
    if i >= len(doc):
        return None
    tok = doc[i]
    for _ in range(_TAG_TOKENS):
        if tok.dep_ not in _PHRASE_INNER or tok.head.i <= tok.i:
            break
        tok = tok.head
    if tok.pos_ in {"NOUN", "PROPN"}:
        return tok
    if tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return tok
    return None


def _starts_with_someone(doc: Doc, verb: Token, content: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    """'"...," says the narrator as ...', '"...," commented one of his friends': right after a
    closing mark, a finite verb and the noun phrase after it are an inverted tag, whatever the
    parse hung on the phrase; the phrase names who spoke (``quoted``: the quotes' character ranges,
    whose words are never the verb's subject)."""
    nxt = verb.i + 1
    return (
        _inverted_tag_verb(verb, quoted)
        and nxt < len(doc)
        and doc[nxt].idx == content[0]
        and _someone_at(doc, nxt) is not None
    )


# Speech verbs whose past is spelled as their present.
_PAST_AS_PRESENT = frozenset({"read"})


def _inverted_tag_verb(verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``verb`` has the shape of an inverted tag's verb: finite, right after a closing mark.
    Not a verb with its subject before it ('Lee, citing "the magic of it," said the plan ...'), one
    that goes on with another's, or one after a clause of the writer's with a scare quote in it
    ('X summed her up as "weak," denounced her record ...'): before an inverted tag stands a quote."""
    return (
        # "read" is spelled the same in the past, and the tagger often calls it a present:
        # '"Welcome home," read a banner'.
        (verb.tag_ in {"VBD", "VBZ"} or (verb.tag_ == "VBP" and verb.lower_ in _PAST_AS_PRESENT))
        and _after_closing_mark(verb)
        and verb.dep_ != "conj"
        and not any(c.dep_ in _SUBJ_OR_CLAUSE and c.i < verb.i and not in_spans(c.idx, quoted) for c in verb.children)
    )


def _speaking_noun_at(doc: Doc, i: int) -> Token | None:
    """The head of a noun phrase for someone who speaks ("a source", "one friend of the couple")
    that starts at token ``i``, or None."""
    head = _someone_at(doc, i)
    return head if head is not None and head.lemma_.lower() in SOURCE_HEAD_NOUNS else None


def _name_at(doc: Doc, i: int) -> Token | None:
    """The last word of the person's or body's name that starts at token ``i`` (after a title such
    as "Dr." the NER left out), or None."""
    if i < len(doc) and doc[i].ent_iob_ == "O" and doc[i].pos_ == "PROPN" and doc[i].text.endswith("."):
        i += 1
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in _SOURCE_ENTITIES:
        return None
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return doc[i]


def _starts_with_name(doc: Doc, verb: Token, content: tuple[int, int]) -> bool:
    """Whether ``content`` begins right after ``verb`` with a name, as after an inverted tag's verb."""
    return verb.i + 1 < len(doc) and doc[verb.i + 1].idx == content[0] and _name_at(doc, verb.i + 1) is not None


def _opens_with_participle(doc: Doc, verb: Token, content: tuple[int, int]) -> bool:
    """Whether ``content`` is a participle's clause after a comma ('"...?" Rosen asked, proposing
    that ...'): what the tag's speaker went on to do, not what the tag's verb reported."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    first = words[0]
    return first.tag_ == "VBG" and first.i > verb.i + 1 and doc[first.i - 1].text == ","


# Words that open a clause telling when the words were said ("when asked", "as he left").
_TIME_MARKERS = frozenset({"when", "as", "after", "before", "while", "once", "until"})


def _opens_with_time_clause(doc: Doc, verb: Token, content: tuple[int, int]) -> bool:
    """Whether ``content`` is a clause of the tag's verb that says when it was said ('"No,"
    Johnson replied *when asked whether he would resign*'): the quote is what was said."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    first = words[0]
    return (
        first.lower_ in _TIME_MARKERS
        and first.dep_ in {"mark", "advmod"}
        and first.head.dep_ == "advcl"
        and first.head.head.i == verb.i
    )


def _has_verb(doc: Doc, span: tuple[int, int]) -> bool:
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    return words is None or any(t.pos_ in {"VERB", "AUX"} for t in words)


def _line_between(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return any(breaks_line(doc[k]) for k in range(lo + 1, hi))


def _tag_subject(doc: Doc, cue: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """The first noun phrase between a closing quotation mark and its cue, in the
    cue's sentence ('”, Ann Lee, a senior aide, said' gives Lee), or None."""
    sent_start = cue.sent.start
    j = cue.i - 1
    while j >= sent_start and doc[j].text not in CLOSING_QUOTE_TOKENS:
        j -= 1
    if j < sent_start:
        return None
    for k in range(j + 1, cue.i):
        tok = doc[k]
        if tok.pos_ in {"PROPN", "NOUN", "PRON"} and not in_spans(tok.idx, quoted):
            # A compound name ("White House spokesman Josh Earnest") is headed by its last word.
            while tok.dep_ in {"compound", "flat"} and j < tok.head.i < cue.i:
                tok = tok.head
            return tok
    return None


def _hung_in_quote(tok: Token, marked: list[tuple[int, int]]) -> bool:
    """Whether the parse hung ``tok``, a word after a quotation, on a word inside it: '"Ann is a
    good mother," a source close to the star, 57, told Radar' read "a source" as what "is" says
    (an attribute), which leaves the tag verb no subject; the noun is the tag's subject."""
    return in_spans(tok.head.idx, marked) and not in_spans(tok.idx, marked)


def _signer(doc: Doc, dash: Token) -> int | None:
    """“...” ― Steve Quinlan: the name a dash signs a quote with, right after its closing
    mark: the last token of that name, or None.

    A signature signs a whole statement ('... to employers.”— Hillary Clinton “I never said that.” —
    Donald Trump', as a flattened page runs them on), or a line's next item follows the name at once
    ('“Donald supported the invasion of Iraq” — Clinton “Wrong.” — Trump', '“...Passport” – NBC News:
    http://...'), or the name ends its line. A dash after a quote that stops mid-sentence, whose name
    goes on after a comma into more quoted words on its line ('“After those situations”—Tammy Wynette,
    “cookies” and “teas”—“the campaign ...'), sets off an aside; and a date after the dash ('”—October
    11, 1798') says when the words were said, not who said them.
    """
    before = dash.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].text not in CLOSING_QUOTE_TOKENS:
        return None
    j = dash.i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or doc[j].pos_ != "PROPN" or not doc[j].text[:1].isupper() or doc[j].ent_type_ in TIME_LABELS:
        return None
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
        j += 1
    j = _past_possessive(doc, j)
    if before > 0 and doc[before - 1].text[-1:] in _STATEMENT_END:
        return j
    if j + 1 < len(doc) and doc[j + 1].text != ",":
        return j
    for tok in doc[j + 1 : j + 1 + _SIGNATURE_REACH]:
        if breaks_line(tok):
            break
        if tok.text in QUOTE_PAIRS or tok.text in CLOSING_QUOTE_TOKENS:
            return None
    return j


def _past_possessive(doc: Doc, j: int) -> int:
    """The end of a signer's name that owns what it names: '— POLICE OFFICER’S DAUGHTER' is signed by
    the daughter (the tagger runs the proper nouns on to the possessive, not past it), so the name's
    last word is the capitalised noun after the possessive, not "’S"."""
    k = j if doc[j].lower_ in _POSSESSIVES else j + 1
    if k >= len(doc) or doc[k].lower_ not in _POSSESSIVES:
        return j
    end = k
    while end + 1 < len(doc) and doc[end + 1].pos_ in {"PROPN", "NOUN"} and doc[end + 1].text[:1].isupper():
        end += 1
    return end if end > k else j


def _page_prompt(tok: Token) -> bool:
    """'Read More!', 'READ: The complete poll results', 'See for yourself ...': a page's prompt to
    the reader, a verb that opens its sentence or line, reports nothing."""
    if tok.lower_ not in _PROMPT_VERBS:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.is_sent_start or prev is None or prev.is_space or prev.text in {":", "\u2014", "-", "|"}


def _editorial_note(tok: Token) -> bool:
    """'(emphasis added)', '[italics added]': an editor's note on what a quotation's typography
    owes to the page; the verb reports nothing, and what follows is not its subject's words. The
    note stands in brackets: the parser also makes "emphasis" a second subject of a verb that has
    one ("aides questioned her emphasis on ...")."""
    doc = tok.doc
    return any(
        c.dep_ in _SUBJ and c.lower_ in EDITORIAL_NOTES and c.i > 0 and doc[c.i - 1].text in {"(", "["}
        for c in tok.children
    )


# Verbs a page uses to send its reader elsewhere.
_PROMPT_VERBS = frozenset({"read", "watch", "see", "click"})


def _goes_on_doing(verb: Token, content: tuple[int, int], cue_tokens: set[int]) -> bool:
    """'continued to work on inventions', 'went on to win', 'proceeded to humiliate her': a verb
    that says someone goes on, whose content is an infinitive that is no speech verb, no speech act
    (:data:`_SPEECH_ACTS`) and no cue itself, reports nothing ('went on to say that ...',
    'continued to praise the police' do)."""
    lemma = verb.lemma_.lower()
    if lemma == "go":
        if not any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
            return False
    elif lemma not in {"continue", "proceed"}:
        return False
    action = next((c for c in verb.children if c.dep_ == "xcomp" and content[0] <= c.idx < content[1]), None)
    if action is None or action.i in cue_tokens:
        return False
    lemma = action.lemma_.lower()
    return lemma not in SPEECH_VERBS and lemma not in _SPEECH_ACTS


def _spoken_of(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` is a passive cue (:data:`_SPOKEN_OF_PASSIVES`) and ``subject``, its own or
    the one of a verb it hangs from, is who it speaks of."""
    return (
        verb.lemma_.lower() in _SPOKEN_OF_PASSIVES
        and subject.lower_ not in IMPERSONAL_SUBJECTS
        and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    )


def _addressed(doc: Doc, cue: Cue, marked: list[tuple[int, int]]) -> Cue:
    """A passive cue of asking or telling ("Lee was asked whether ...", "when asked about ...",
    "Lee was told that ..."): the subject the parse gives it is the one spoken to, not who spoke.
    Who spoke is the agent ("asked by reporters"), or no one named; the one spoken to answers next."""
    verb = doc[cue.token]
    if verb.lemma_.lower() not in _ADDRESSED_PASSIVES or cue.speaker_head is None or not _passive(verb):
        return cue
    by, agent = _by_agent(verb)
    if cue.speaker_head == agent:
        subject = _subject(verb, marked)
        addressed = replace(cue, addressee=None if subject is None else subject.i)
    else:
        addressed = replace(cue, speaker_head=agent, addressee=cue.speaker_head)
    content = cue.content
    if by is None or content is None or not by.idx < content[1]:
        return addressed
    last = by.right_edge
    if content[0] >= last.idx + len(last.text):
        return addressed
    # "asked by an audience member at the town hall about how ...": who asked, and where, is no
    # part of what was asked (and a content that held its speaker would be dropped as an inverted
    # tag); what was asked opens with "about", "whether", "how", "to", ...
    start, ends = content
    opens = next(
        (t.idx for t in doc[by.i + 1 :] if t.idx >= ends or (t.idx >= start and t.lower_ in _WHAT_WAS_ASKED)), ends
    )
    return replace(addressed, content=_trimmed(doc, opens, ends))


def _asker(doc: Doc, text: str, cue: Cue, speaker: Speaker, content_start: int) -> Speaker:
    """The one who asked or told (:func:`_addressed`), as the source of what starts at ``content_start``."""
    if speaker.via == "phrase" and speaker.mention is not None:
        # "asked by a neighbour about the pier": the parse hung what was asked on the noun that
        # asked it; the source phrase ends where what was asked begins, or at "about".
        start, end = speaker.mention
        cut = content_start if start < content_start < end else end
        about = _ASKED_ABOUT.search(text, start, cut)
        said_by = text[start : about.start() if about else cut].rstrip()
        if said_by and len(said_by) < end - start:
            speaker = replace(speaker, name=said_by, mention=(start, start + len(said_by)))
    if speaker.vague and doc[cue.token].lemma_.lower() in _ASKING:
        # "asked by a reporter": an unnamed asker sources no claim (one who told does).
        speaker = replace(speaker, vague=False)
    return speaker


def _passive(verb: Token) -> bool:
    """A passive verb ("was asked") or a past participle with neither auxiliary nor subject of its
    own, which is one ("Asked whether ..., Lee said", "Lee said when asked ...")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"auxpass", "nsubjpass"}:
        return True
    return verb.tag_ == "VBN" and not deps & {"aux", "nsubj", "csubj", "expl"}


def _agent_of(tok: Token) -> int | None:
    """The source of a passive cue: "was first reported by the Post"."""
    if not any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return None
    return _by_agent(tok)[1]


def _by_agent(verb: Token) -> tuple[Token | None, int | None]:
    """The "by" of a passive verb and the token it names ("asked by reporters"), each None where absent."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((gc.i for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"), None)
    return by, agent


def _said_is_speaker(speaker: Speaker, content: tuple[int, int], cue: Cue) -> bool:
    """The speaker's mention lies inside what was said while the cue stays outside it.

    A content that also holds its cue (a parenthetical tag, "The plan, he said, would fail", or a
    passive verb's stretch) keeps the speaker found for it; this is the other case.
    """
    if speaker.mention is None or content[0] <= cue.start < content[1]:
        return False
    return content[0] <= speaker.mention[0] and speaker.mention[1] <= content[1]


def _judged(doc: Doc, cue: Cue, cue_tokens: set[int]) -> bool:
    """Whether the cue is a raising verb and its subject the speaker found: "The scene appeared to
    turn into looting", "a poll which appears kinder to Obama" report the writer's judgement of the
    subject, as PolNeAR marks them (no source).  Not when the verb takes an object ("sounded a
    call"), when "look" seeks or examines rather than seems, or when what it raises is itself a cue
    ("he appeared to suggest"): the subject then speaks."""
    verb = doc[cue.token]
    if cue.speaker_head is None or verb.lemma_.lower() not in APPEARANCE_CUES:
        return False
    head = doc[cue.speaker_head]
    if head.head.i != cue.token or head.dep_ not in _SUBJ or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if verb.lemma_.lower() == "look" and not any(
        c.dep_ in {"acomp", "oprd"} or (c.dep_ == "prep" and c.lower_ == "like") for c in verb.children
    ):
        # "looks tired", "looks like rain"; "looked to", "looked at", "looking for" seek or examine.
        return False
    raised = [c for c in verb.children if c.dep_ == "xcomp"]
    while raised:
        if raised[0].i in cue_tokens:
            return False
        raised = [c for c in raised[0].children if c.dep_ == "xcomp"]
    return True


# How sure a speech noun's possessor is the speaker of the quotation right after it: above the floor
# at which a rule cue tags a quote, below a reporting verb's.
_POSSESSED_STRENGTH = 0.7
# What may stand between such a noun and its quotation: "claim that "...", "words: "...". Not a
# comma: "Davis' commentary, "Melania, tell your story," is ..." names a piece by its title.
_POSSESSED_LINKS = frozenset({"", "that", ":"})


def _possessed_speech(tok: Token, quoted: list[tuple[int, int]], text: str) -> Cue | None:
    """ "Kroll's recent claim that "...", "his words: "...": a speech noun with a possessor and a
    quotation right after it is a cue whose speaker is the possessor (a pronoun resolves as any
    other).  The learned model often passes over such a noun; without it the quotation had no cue
    at all and took the speaker of the quote before it, or none."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    # "whose claim that ...": the relative clause's noun, which the parse does not give here.
    if owner is None or owner.lower_ == "whose" or in_spans(owner.idx, quoted):
        return None
    end = tok.idx + len(tok.text)
    k = bisect_left(quoted, (end, end))
    link = text[end : quoted[k][0]].strip().lower() if k < len(quoted) else None
    if link not in _POSSESSED_LINKS:
        return None
    if link == ":" and tok.dep_ in {"pobj", "dative"}:
        # "Collins weighed in on Trump's comment: "...": after a colon, a noun that a preposition
        # governs is what the subject of the clause answers, and the quote is that answer ("I
        # changed my answer: "..."" is the noun's own words).
        return None
    if quoted[k][0] <= tok.head.idx < quoted[k][1]:
        # 'Trump's remarks "have had wide dissemination"': the noun is what the quoted words say
        # something about, as their subject or object, not whose they are.
        return None
    return Cue(tok.i, tok.idx, end, _POSSESSED_STRENGTH, owner.i, None, fallback=True)


def _source_of(tok: Token) -> int | None:
    """Who a non-verb cue belongs to: "Trump's threat", "the threat by Trump", "according to Trump"."""
    for child in tok.children:
        if child.dep_ == "poss":
            return child.i
    for child in tok.children:
        # After a verb other than "according", "to" is the one spoken to ('"...," referring to
        # Walters', "explained to reporters"), not who spoke; after a cue noun it still names whose.
        to = child.lower_ == "to" and (tok.pos_ not in {"VERB", "AUX"} or tok.lower_ == "according")
        if child.dep_ in {"agent", "prep"} and (child.lower_ in {"by", "from"} or to):
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc.i
    for child in tok.lefts:
        # "But Reyes claims that ..." tagged as a noun, or "the Kremlin statement": a name
        # compounded onto the cue noun is whose it is.
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in _SOURCE_ENTITIES:
            return child.i
        if child.dep_ == "compound" and child.pos_ == "PROPN" and tok.tag_ == "NNS" and _after_closing_mark(child):
            # '"...," Trump replies.' read as the noun "Trump replies": right after a closing mark
            # the name is the tag's speaker, whether or not the NER saw it.
            return child.i
    return None


def _phrase_at(doc: Doc, tok: Token, n: int) -> tuple[str, ...] | None:
    i = tok.i
    first = tok.lower_
    for phrase in PHRASE_CUES:
        if phrase[0] != first:
            continue
        k = len(phrase)
        if i + k <= n and all(doc[i + j].lower_ == phrase[j] for j in range(k)):
            return phrase
    return None


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Character range of tokens [lo, hi) without edge punctuation; None when empty."""
    while lo < hi and (doc[lo].text in _EDGE_PUNCT or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].text in _EDGE_PUNCT or doc[hi - 1].is_space or doc[hi - 1].text == "."):
        hi -= 1
    if hi <= lo:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _has_sentence_break(between: str) -> bool:
    """A line break, or a full stop that ends a sentence (not "Dr." or an initial)."""
    if "\n" in between:
        return True
    stripped = between.strip()
    if stripped[:1] in {".", "!", "?"}:
        return True
    return any(_stops_a_sentence(m.group(1)) for m in _STOP.finditer(stripped))


def _ends_sentence_before(between: str) -> bool:
    """Whether the text between a cue and the quote after it ends a sentence ('..., say locals.
    “Six have died”': the cue's sentence ended before the quote). "Sen. Lee (D-Mo.)" does not."""
    m = _FINAL_STOP.search(between.strip())
    return m is not None and _stops_a_sentence(m.group(1))


def _stops_a_sentence(word: str) -> bool:
    """Whether a full stop after ``word`` ends a sentence: not after "Dr." or an initial."""
    return len(word) > 1 and word.lower() + "." not in ABBREVIATIONS


def _on_line(text: str, pos: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The part of the character range [lo, hi) on the line of ``pos``: a parse can run a sentence
    on across a headline, a line break or a missing full stop, and what a cue reports stays on its
    line.  None when nothing is left."""
    lo, hi = max(lo, _line_start(text, pos)), min(hi, _line_end(text, pos))
    return (lo, hi) if hi > lo else None


def _line_end(text: str, pos: int) -> int:
    j = text.find("\n", pos)
    return len(text) if j < 0 else j


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _starts_paragraph(text: str, paras: list[int], para: int, start: int) -> bool:
    """The quote opens its paragraph (or only a few words precede it)."""
    return len(text[paras[para] : start].strip()) <= 3


def _ends_sentence(inner: str) -> bool:
    stripped = inner.rstrip()
    return bool(stripped) and stripped[-1] in ".!?\u2026"


def _named_subject(doc: Doc, cue: Cue) -> int | None:
    """The token the cue's clause names as its subject: the speaker, or the one asked ('"...?" Lee
    was asked').  Not the subject of a verb the cue hangs under ('"...." Giuliani also hit Holt for
    saying ...': "hit" is Giuliani's verb, and "saying" no tag of the quote before it)."""
    named = cue.addressee if cue.addressee is not None else cue.speaker_head
    if named is None:
        return None
    owner = doc[named].head
    if owner.i != cue.token and owner.is_ancestor(doc[cue.token]):
        return None
    return named


def _names_first(doc: Doc, cue: Cue, after: int) -> bool:
    """“Go home.” Putin said: the subject between quote and cue is a name, so it
    is still the quote's own sentence (a style some outlets use)."""
    named = _named_subject(doc, cue)
    if named is None:
        return False
    head = doc[named]
    return head.pos_ == "PROPN" and head.idx >= after and head.i < cue.token


# Tag verbs that say the speaker of the quote before goes on ("he added", "the coach continued",
# "she went on").
_GOING_ON = frozenset({"add", "continue"})


def _goes_on(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in _GOING_ON or (lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children))


def _latest(out: list[Attribution], before: list[Attribution], ends: list[int], pos: int) -> Attribution | None:
    """The attribution that ends last before ``pos``: a direct quote already placed or an earlier one."""
    i = bisect_right(ends, pos) - 1
    cand = before[i] if i >= 0 else None
    last = out[-1] if out else None
    if last is not None and (cand is None or last.content[1] >= cand.content[1]):
        return last
    return cand
