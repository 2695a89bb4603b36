"""Cleanup of text that was already flattened, with its page furniture left in.

Works line by line.  Each line is either kept, removed whole (a furniture
rule matched it, or it sits in a block of teasers), or trimmed (an image slug
or an inline credit glued to it).  ``clean_text`` is then built from the kept
slices of the original, with paragraph breaks re-made, and a segment map
records where every kept character came from.

The cascade per line, in order (first hit wins):
  1. the article's own title line (metadata, not body, not furniture);
  2. lines this site repeats across its articles (learned, see ``site.py``);
  3. block headers ("You May Also Like"), which open a teaser block;
  4. whole-line furniture rules from ``rules.py``;
  5. inline furniture inside a kept line (credits, glued image slugs, glued related-link headlines).
Lines inside a teaser block are consumed until prose resumes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..report import Furniture, Heading
from . import rules as R
from .slugs import document_words, ends_open, find_slug

_ELLIPSIS = ("…", "...")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")
# A bare carriage return ends a line too: 223 MisInfoText items use it alone, and read as one
# line their furniture rules never fired.
_LINE_END = re.compile(r"\r\n?|\n")
_TRUNCATED = re.compile(r"(?:\w|,)\s*(?:…|\.\.\.)\s*$")


@dataclass
class CleanResult:
    clean_text: str
    segments: list[tuple[int, int, int]]
    furniture: list[Furniture] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Line:
    start: int  # stripped content start in the original
    end: int
    text: str
    number: int  # 1-based physical line number
    blank_before: bool


def normalise_line(text: str) -> str:
    """The form under which site-repeated lines are compared."""
    return re.sub(r"\d+", "0", " ".join(text.lower().split()))


def is_prose(text: str) -> bool:
    """A sentence of body text, as opposed to a headline, a teaser or a label."""
    if text.endswith(_ELLIPSIS) or not text.endswith(_SENTENCE_END):
        return False
    words = text.split()
    if len(words) < 12:
        return False
    # A paragraph's opening words tell prose from title case as well as all of
    # them do, and the cleaner asks this of every line.
    sample = words[1:61]
    lower = sum(1 for w in sample if w[:1].islower())
    return lower >= 0.4 * len(sample)


def looks_like_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90:
        return False
    if text.endswith((".", ",", ";", ":", "…", '"', "”")) or not text[0].isupper():
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) <= 4 or caps >= 0.6 * len(words)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos, number, blank_before = 0, 0, True
    n = len(text)
    while pos <= n:
        m = _LINE_END.search(text, pos)
        end = n if m is None else m.start()
        number += 1
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append(_Line(s, e, text[s:e], number, blank_before))
            blank_before = False
        else:
            blank_before = True
        if m is None:
            break
        pos = m.end()
    return lines


class FlatTextCleaner:
    """Removes page furniture from flattened article text.

    ``word_score`` scores a lowercase word by how common it is (Zipf scale);
    it decides where a glued slug starts.  ``site_lines`` maps a site to the
    normalised lines learned as its boilerplate.
    """

    def __init__(
        self,
        *,
        word_score: Callable[[str], float] | None = None,
        site_lines: Mapping[str, frozenset[str]] | None = None,
        top_lines: int = 6,
        max_rule_line: int = 300,
    ) -> None:
        self._line_re = R.compile_line_rules()
        self._block_re = R.compile_block_headers()
        self._rule_res = [R.compile_rule(r.pattern) for r in R.LINE_RULES]
        self._header_res = [R.compile_rule(h.pattern) for h in R.BLOCK_HEADERS]
        self._inline_credit = re.compile(R.INLINE_CREDIT, re.IGNORECASE)
        self._inline_ad = re.compile(R.INLINE_AD)
        self._glued_related = re.compile(R.GLUED_RELATED)
        self._inline_rules = [
            # Two spaces are an edge too: where a flattened page ran two paragraphs together.  A
            # match starts where a run of spaces does, never inside it: one that starts inside a run
            # could start at its first space too, and on a line that names the rule's key, a run of
            # a few hundred spaces took seconds while every place in it was tried (the time grew
            # with the cube of the run).
            (
                rule,
                re.compile(
                    (r"(?<![ \t])[ \t]*" if rule.anywhere else r"(?:(?<=[.!?:\"”’)\]…])[ \t]+|(?<![ \t])[ \t]{2,}|^)")
                    + rule.pattern
                ),
            )
            for rule in R.INLINE_RULES
        ]
        self._agency_dateline = re.compile(R.AGENCY_DATELINE)
        self._highlights_label = re.compile(R.HIGHLIGHTS_LABEL, re.IGNORECASE)
        self._closing_credit = re.compile(R.CLOSING_CREDIT_TEASER, re.IGNORECASE)
        self._blocked = re.compile(R.BLOCKED_PAGE, re.IGNORECASE)
        self._word_score = word_score or _default_word_score()
        self.site_lines: dict[str, frozenset[str]] = dict(site_lines or {})
        self.top_lines = top_lines
        self.max_rule_line = max_rule_line

    # ------------------------------------------------------------------
    def clean(self, text: str, *, title: str | None = None, site: str | None = None) -> CleanResult:
        blocked = self._blocked_page(text)
        if blocked is not None:
            return blocked
        lines = _split_lines(text)
        out = CleanResult(clean_text="", segments=[])
        # (orig_start, orig_end, paragraph number) of every kept slice.
        kept: list[tuple[int, int, int]] = []
        paragraph = 0
        learned = self.site_lines.get(site or "", frozenset())
        vocab: Counter[str] | None = None

        def doc_words() -> Counter[str]:
            nonlocal vocab
            if vocab is None:
                vocab = document_words(text)
            return vocab

        # The glued-prompt rules whose key the text holds: most texts hold none, and one test on the
        # whole text spares a test on each of its lines.
        glued_rules = [(rule, pattern) for rule, pattern in self._inline_rules if rule.key in text]
        title_norm = " ".join(title.split()) if title else None
        seen_body = False
        block: list[_Line] | None = None
        block_kind = "related"
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.blank_before:
                paragraph += 1
            t = line.text
            i += 1
            if block is not None:
                if self._ends_block(t):
                    self._close_block(block, block_kind, out, at_end=False)
                    block = None
                else:
                    block.append(line)
                    continue
            if i == 1 and title_norm and " ".join(t.split()) == title_norm:
                paragraph += 1
                continue
            if learned and normalise_line(t) in learned:
                self._remove(out, line, "site_boilerplate", "site_learned")
                paragraph += 1
                continue
            if len(t) <= self.max_rule_line:
                hm = self._block_re.fullmatch(t)
                if hm is not None and hm.lastgroup is not None:
                    header = R.BLOCK_HEADERS[int(hm.lastgroup[1:])]
                    paragraph += 1
                    if header.inline_teaser:
                        self._remove(out, line, header.kind, header.name)
                        own = self._header_res[int(hm.lastgroup[1:])].fullmatch(t)
                        teaser = own.group("teaser") if own is not None else None
                        if teaser:
                            out.related_headlines.append(teaser.strip())
                    else:
                        self._remove(out, line, header.kind, header.name)
                        block, block_kind = [], header.kind
                    continue
                m = self._line_re.fullmatch(t)
                if m is not None and m.lastgroup is not None:
                    idx = int(m.lastgroup[1:])
                    rule = R.LINE_RULES[idx]
                    if rule.position != "top" or (not seen_body and len(out.furniture) + len(kept) < self.top_lines):
                        self._remove(out, line, rule.kind, rule.name)
                        if rule.position == "top":
                            self._take_metadata(self._rule_res[idx].fullmatch(t), out)
                        paragraph += 1
                        continue
            pieces = self._inline(line, out, doc_words, glued_rules)
            for s, e in pieces:
                kept.append((s, e, paragraph))
            if is_prose(t):
                seen_body = True
            elif looks_like_heading(t) and line.blank_before and (i < len(lines) and lines[i].blank_before):
                out.headings.append(Heading(t, line.start, line.end))
        if block is not None:
            self._close_block(block, block_kind, out, at_end=True)
        self._warn_headerless_teasers(lines, kept, out)
        self._assemble(text, kept, out)
        out.furniture.sort(key=lambda f: f.start)
        return out

    # ------------------------------------------------------------------
    def _remove(self, out: CleanResult, line: _Line, kind: str, rule: str) -> None:
        out.furniture.append(Furniture(kind, line.text, line.start, line.end, rule))

    def _ends_block(self, t: str) -> bool:
        """Prose, or furniture of another kind, closes a teaser block."""
        if is_prose(t):
            return True
        if len(t) <= self.max_rule_line:
            return self._line_re.fullmatch(t) is not None or self._block_re.fullmatch(t) is not None
        return False

    def _close_block(self, block: list[_Line], kind: str, out: CleanResult, *, at_end: bool) -> None:
        """Every line of a teaser block is furniture; its headlines are evidence.

        Related-post widgets lay items out as a headline, then often an excerpt
        cut off with an ellipsis.  When the block alternates that way the
        headlines are the even lines; otherwise each line is a headline unless
        it is a truncated excerpt of prose.
        """
        if not block:
            return
        alternating = (
            len(block) >= 2
            and all(_TRUNCATED.search(b.text) for b in block[1::2])
            and (len(block) % 2 == 0 or not _TRUNCATED.search(block[-1].text))
        )
        for n, b in enumerate(block):
            headline = (
                (n % 2 == 0)
                if alternating
                else not (_TRUNCATED.search(b.text) and not looks_like_heading(b.text.rstrip("….").strip()))
            )
            out.furniture.append(
                Furniture(kind, b.text, b.start, b.end, "teaser_headline" if headline else "teaser_excerpt")
            )
            if headline:
                out.related_headlines.append(b.text)
        if not at_end and len(block) > 10:
            out.warnings.append(
                f"clean: a teaser block of {len(block)} lines ending at line {block[-1].number} was removed "
                "mid-article; check it held no body text"
            )

    def _blocked_page(self, text: str) -> CleanResult | None:
        """The whole text as one piece of furniture when it is a bot check or a refusal, not an article."""
        if len(text.split()) > R.BLOCKED_PAGE_MAX_WORDS:
            return None
        m = self._blocked.search(text)
        if m is None:
            return None
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        out = CleanResult(clean_text="", segments=[])
        out.furniture.append(Furniture("blocked_page", text[start:end], start, end, "blocked_page"))
        out.warnings.append(
            f"clean: the text is a bot check or access-denied page ({m.group()!r}), not the article; "
            "fetch the page again, from a browser or with the site's permission"
        )
        return out

    def _inline(
        self,
        line: _Line,
        out: CleanResult,
        doc_words: Callable[[], Counter[str]],
        glued_rules: list[tuple[R.InlineRule, re.Pattern[str]]],
    ) -> list[tuple[int, int]]:
        """Cut inline credits, ad markers and a glued image slug out of a kept line."""
        t = line.text
        pieces = [(line.start, line.end)]
        # A label or dateline that opens the line, often glued to the first word; the rest stays.
        m = None
        if t[:1] in "Ss":
            m = self._highlights_label.match(t)
            kind, rule = "site_boilerplate", "highlights_label"
        if m is None and "(" in t:
            m = self._agency_dateline.match(t)
            kind, rule = "dateline", "agency_dateline"
        if m is not None:
            label = m.group().rstrip()
            out.furniture.append(Furniture(kind, label, line.start, line.start + len(label), rule))
            pieces = _without(pieces, line.start, line.start + m.end())
        if "eatured image" in t:
            pieces = self._cut_closing_credit(line, pieces, out)
        if "|" in t or "(" in t:
            for m in self._inline_credit.finditer(t):
                s, e = line.start + m.start(), line.start + m.end()
                credit = m.group().lstrip()
                out.furniture.append(Furniture("photo_credit", credit, e - len(credit), e, "inline_credit"))
                pieces = _without(pieces, s, e)
        if "ontinue" in t:  # every marker holds it; the test spares the search on all other lines
            for m in self._inline_ad.finditer(t):
                s, e = line.start + m.start(), line.start + m.end()
                marker = m.group().lstrip()
                out.furniture.append(Furniture("advertising", marker, e - len(marker), e, "inline_ad_marker"))
                if m.end() < len(t) and not t[m.end()].isspace():
                    # Glued to the next word ("...main storyHis lawyer"): the space before stays.
                    s = e - len(marker)
                # Otherwise the space before goes with it, so the sentences around it meet with one.
                pieces = _without(pieces, s, e)
        if ":" in t:
            pieces = self._cut_glued_teasers(line, pieces, out)
        for glued, pattern in glued_rules:
            if glued.key in t:
                for m in pattern.finditer(t):
                    piece = m.group().strip()
                    s = line.start + m.start() + len(m.group()) - len(m.group().lstrip())
                    out.furniture.append(Furniture(glued.kind, piece, s, s + len(piece), glued.name))
                    # The space before goes with it, so the sentences around it meet with one.
                    pieces = _without(pieces, line.start + m.start(), line.start + m.end())
        if ends_open(t):
            finding = find_slug(t, self._word_score, doc_words)
            if finding is not None:
                s, e = line.start + finding.start, line.start + finding.end
                if finding.certain:
                    out.furniture.append(
                        Furniture(
                            "image_slug",
                            t[finding.start : finding.end],
                            s,
                            e,
                            "glued_slug" if finding.glued else "trailing_slug",
                        )
                    )
                    pieces = _without(pieces, s, e)
                else:
                    out.warnings.append(
                        f"clean: line {line.number} may end with an image slug "
                        f"{t[finding.start : finding.end]!r}; kept because the evidence is thin"
                    )
        return pieces

    def _cut_closing_credit(
        self, line: _Line, pieces: list[tuple[int, int]], out: CleanResult
    ) -> list[tuple[int, int]]:
        """The image credit that closes an article and the next story's teaser flattened after it
        (``CLOSING_CREDIT_TEASER``)."""
        m = self._closing_credit.search(line.text)
        if m is None:
            return pieces
        for group, kind, rule in (
            ("credit", "photo_credit", "closing_credit"),
            ("teaser", "related", "closing_teaser"),
        ):
            s, e = line.start + m.start(group), line.start + m.end(group)
            out.furniture.append(Furniture(kind, m.group(group), s, e, rule))
        out.related_headlines.append(m.group("teaser"))
        # The space before the credit goes with it.
        return _without(pieces, line.start + m.start(), line.end)

    def _cut_glued_teasers(self, line: _Line, pieces: list[tuple[int, int]], out: CleanResult) -> list[tuple[int, int]]:
        """Related-link headlines glued into a kept line, each up to the word that opens the next
        sentence (:func:`teaser_end`); one whose end is unclear stays, with a warning."""
        t = line.text
        for m in self._glued_related.finditer(t):
            end = teaser_end(t, m.end())
            if end is None:
                out.warnings.append(
                    f"clean: line {line.number} has a related-link label {m.group().strip()!r} inside it; "
                    "its headline was kept because where it ends is unclear"
                )
                continue
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            out.furniture.append(Furniture("related", t[s:end], line.start + s, line.start + end, "glued_related"))
            out.related_headlines.append(t[m.end() : end].strip())
            # The space before the label goes with it, so the sentences around it meet with one.
            pieces = _without(pieces, line.start + m.start(), line.start + end)
        return pieces

    def _take_metadata(self, m: re.Match[str] | None, out: CleanResult) -> None:
        if m is None:
            return
        groups = m.groupdict()
        author = groups.get("author")
        if author:
            for name in re.split(r",\s*|\s+and\s+|\s*&\s*", author):
                if name.strip() and name.strip() not in out.authors:
                    out.authors.append(name.strip())
        if groups.get("date") and out.published is None:
            out.published = groups["date"].strip()

    def _warn_headerless_teasers(self, lines: list[_Line], kept: list[tuple[int, int, int]], out: CleanResult) -> None:
        """Three or more short headline-like lines closing the text, with no
        header, are probably teasers; removing them would be a guess."""
        if not kept:
            return
        tail: list[_Line] = []
        kept_starts = {s for s, _, _ in kept}
        for line in reversed(lines):
            if line.start not in kept_starts:
                continue
            if is_prose(line.text) or len(line.text) > 160:
                break
            tail.append(line)
        if len(tail) >= 3 and sum(looks_like_heading(x.text) for x in tail) >= 3:
            out.warnings.append(
                f"clean: the last {len(tail)} lines (from line {tail[-1].number}) look like teaser headlines "
                "without a header; kept"
            )

    @staticmethod
    def _assemble(text: str, kept: list[tuple[int, int, int]], out: CleanResult) -> None:
        parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        pos = 0
        last_para: int | None = None
        last_end: int | None = None
        repairs = _mark_repairs(text)
        at = sorted(repairs)
        # Only the marks in the kept text are counted: furniture keeps its own characters.
        counts: Counter[str] = Counter()
        for s, e, para in kept:
            if last_para is not None and last_end is not None:
                # Lines of one paragraph keep a newline, paragraphs get a blank
                # line, and two pieces of one line (an inline credit cut out
                # between them) keep one space.
                if para != last_para:
                    sep = "\n\n"
                elif _LINE_END.search(text, last_end, s):
                    sep = "\n"
                elif last_end == s or text[last_end - 1].isspace() or text[s].isspace():
                    sep = ""
                else:
                    sep = " "
                parts.append(sep)
                pos += len(sep)
            lo = s
            for k in range(bisect.bisect_left(at, s), bisect.bisect_left(at, e)):
                p = at[k]
                counts["question" if repairs[p] else "doubled"] += 1
                segments.append((pos, lo, p - lo))
                parts.append(text[lo:p])
                pos += p - lo
                if repairs[p]:
                    # A mark read in place keeps its own segment, so a span that ends on it maps
                    # back onto the character it stands for.
                    segments.append((pos, p, 1))
                    parts.append(repairs[p])
                    pos += 1
                lo = p + 1
            segments.append((pos, lo, e - lo))
            parts.append(text[lo:e])
            pos += e - lo
            last_para, last_end = para, e
        out.clean_text = "".join(parts)
        out.segments = [seg for seg in segments if seg[2] > 0]
        if counts["doubled"]:
            out.warnings.append(
                f'clean: {counts["doubled"]} doubled quotation mark(s) ("") read as single, as an export that '
                "escaped its quotes twice leaves them"
            )
        if counts["question"]:
            out.warnings.append(
                f"clean: {counts['question']} question mark(s) read as the quotation marks, apostrophes or "
                "dashes they replaced, as an export that could not encode them leaves them"
            )


def _mark_repairs(text: str) -> dict[int, str]:
    """Marks an export garbled, by offset, with what stands for each ("" to drop it).

    - A doubled straight mark: a CSV export escaped twice leaves every quotation as '""Yes,""
      she said'; the parser read the pair as two tokens and ran the quote on into the next
      sentence. The mark outside the quote goes: the first of an opening pair, the second of a
      closing one, so a quote maps back onto the marks that still hold it.
    - A question mark for every character the export could not encode ('?We?re here,? Smith
      said ? twice'): read only in a text that shows it several times where no question mark
      goes (opening a word, or after a comma or full stop), and then only where the context
      says which character it was; a question mark after a word outside a quote stays one.
    """
    repairs: dict[int, str] = {}
    # A plain substring test first: nearly every text has no doubled mark.
    for m in R.DOUBLED_MARK.finditer(text) if '""' in text else ():
        at = m.start()
        opening = at == 0 or text[at - 1].isspace() or text[at + 2 : at + 3].isalnum()
        repairs[at if opening else at + 1] = ""
    if _misplaced_questions(text) < R.QUESTION_FOR_MARK_MIN:
        return repairs
    open_quote = False
    n = len(text)
    for m in re.finditer(r"\?", text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if after == "?":
            continue  # the first of two is the quote's own question mark
        if before.isalpha() and after.isalpha():
            repairs[i] = "\u2019"  # We?re, HBO?s
        elif before.isspace() and after.isspace():
            repairs[i] = "\u2014"  # Maher ? someone ... ? said
        elif (before.isspace() or before in "([-") and not after.isspace():
            repairs[i], open_quote = "\u201c", True
        elif before in ".,!?" and (after.isspace() or after.isupper()):
            repairs[i], open_quote = "\u201d", False
        elif open_quote and before.isalnum() and (after in " .,;:)" and not text[i + 2 : i + 3].isupper()):
            repairs[i], open_quote = "\u201d", False  # ?so-called? allies
    return repairs


def _misplaced_questions(text: str) -> int:
    """Question marks where none goes: opening a word, or right after a comma or full stop.

    A walk over the question marks themselves: a regular expression that looks behind at every
    character cost a third of the clean stage's time."""
    found = 0
    i = text.find("?")
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + 1 : i + 2] or " "
        if (before.isspace() and after.isascii() and after.isalpha()) or (before in ".," and after.isspace()):
            found += 1
        i = text.find("?", i + 1)
    return found


def _default_word_score() -> Callable[[str], float]:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade to doc-only evidence
        return lambda _w: 0.0

    def score(word: str) -> float:
        return float(zipf_frequency(word, "en"))

    # wordfreq reads its frequency table on first use; pay that when the
    # cleaner is built (once per Analyzer), not inside the first article's timing.
    score("the")
    return score


_TEASER_WORD = re.compile(r"\S+")
# Headlines run to about 15 words; a longer "headline" has run on into the sentence after it
# (whose first word is a name or a word the opener list does not hold), and cutting there
# would take body text with it.
_MAX_TEASER_WORDS = 16


def teaser_end(text: str, start: int) -> int | None:
    """Where a headline that starts at ``start`` ends, or None when that is unclear.

    Before the first capitalised sentence opener (:data:`~newsift.clean.rules.SENTENCE_OPENERS`,
    after a quotation mark too) that follows a word a headline can end on; in a Title Case
    headline ("Bill Clinton Gets Oddly Defensive After Being Accused ...") only where a
    lower-case word follows the opener, as a sentence goes on. At the end of the line when the
    line ends first. None past :data:`_MAX_TEASER_WORDS` words."""
    words = list(itertools.islice(_TEASER_WORD.finditer(text, start), _MAX_TEASER_WORDS + 2))
    capitals = lower = 0
    for k, w in enumerate(words):
        if k > _MAX_TEASER_WORDS:
            return None
        word = w.group()
        core = word.lstrip("\"'“‘(").rstrip(",;:")
        prev = words[k - 1].group() if k else ""
        # Two words at least; not after a colon or comma ("Post-debate poll: Hillary ..."), nor a
        # "?" or "!" that a headline holds ("100 million? Ratings expectations ...").
        if (
            k >= 2
            and core in R.SENTENCE_OPENERS
            and prev[-1:] not in ":,;?!-–—"
            and prev.lower() not in R.HEADLINE_GLUE
        ):
            title_case = capitals >= 2 and capitals >= 4 * lower
            after = words[k + 1].group() if k + 1 < len(words) else ""
            if not title_case or after[:1].islower():
                return words[k - 1].end()
        if k >= 1 and core.lower() not in R.HEADLINE_GLUE and core[:1].isalpha():
            capitals += core[:1].isupper()
            lower += core[:1].islower()
    if len(words) > _MAX_TEASER_WORDS:
        return None
    return len(text.rstrip())


def _without(pieces: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """``pieces`` with the range [s, e) cut out of them."""
    cut: list[tuple[int, int]] = []
    for a, b in pieces:
        if b <= s or a >= e:
            cut.append((a, b))
        else:
            if a < s:
                cut.append((a, s))
            if b > e:
                cut.append((e, b))
    return [(a, b) for a, b in cut if b > a]
