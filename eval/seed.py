"""The seed article's acceptance checks, printed one per line (PASS/FAIL).

    python eval/seed.py [--data ../shared/data]

Three groups, one per issue: the clean text (furniture, teasers, slug), who
said what (every quotation found, its speaker, the scare quote left alone) and
the score (its label and the reasons it names).

The seed lives in ``../shared/data/seed`` and is never copied into the
repository, so these checks run here rather than in the unit tests.  Nothing
in newsift special-cases it: this script only reads the report.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift import Analyzer, Config  # noqa: E402
from newsift.report import Quote, Report  # noqa: E402

SEED = "seed/000_5c4c1d7635c8dcf9.txt"
# Straight or curly double quotes around at least three words: the body's quotations.
_QUOTED = re.compile(r"[\"“]([^\"“”]+?\s[^\"“”]+?\s[^\"“”]+?)[\"”]")


def clean_checks(report: Report) -> list[tuple[str, bool, str]]:
    text, clean = report.article.text, report.clean_text
    removed = {f.kind for f in report.furniture}
    lines_gone = all(f.text not in clean for f in report.furniture if f.kind in {"comment_form", "related"})
    body_quotes = [m.group(1) for m in _QUOTED.finditer(text)]
    teaser_texts = " ".join(report.related_headlines)
    body_quotes = [q for q in body_quotes if q not in teaser_texts]
    kept = [q for q in body_quotes if q in clean]
    return [
        (
            "clean_text ends with the last body sentence",
            clean.rstrip().endswith("seemingly prosperous countries.\u201d")
            or clean.rstrip().endswith("seemingly prosperous countries."),
            repr(clean.rstrip()[-50:]),
        ),
        ("comment-form and related lines are gone", lines_gone, f"kinds removed: {sorted(removed)}"),
        ("every body quote is still there", len(kept) == len(body_quotes), f"{len(kept)}/{len(body_quotes)}"),
        ("4 teaser headlines", len(report.related_headlines) == 4, f"{report.related_headlines}"),
        (
            "slug trump-and-putin removed, 'challenges' kept",
            any(f.text == "trump-and-putin" for f in report.furniture) and "global challenges" in clean,
            "",
        ),
        (
            "offsets round-trip",
            all(text[f.start : f.end] == f.text for f in report.furniture),
            f"{len(report.furniture)} pieces",
        ),
    ]


# The two quotations of the statement by Trump's office, by their opening words;
# every other quotation of the body is Putin's.
_STATEMENT = ("President-elect Trump noted", "During the call")


def _opening(text: str) -> str:
    return text.lstrip('"“”‘’ ')


def quote_checks(report: Report) -> list[tuple[str, bool, str]]:
    clean = report.clean_text
    teasers = " ".join(report.related_headlines)
    body_quotes = [m.group(1) for m in _QUOTED.finditer(clean) if m.group(1) not in teasers]
    quoted = [q for q in report.quotes if q.kind in ("direct", "mixed")]
    found = [b for b in body_quotes if any(b in q.content.text for q in quoted)]
    statement = [q for q in quoted if _opening(q.content.text).startswith(_STATEMENT)]
    putin = [q for q in quoted if q not in statement]
    putin_ok = [q for q in putin if q.speaker == "Vladimir Putin"]
    he_said = [q for q in putin if q.cue is not None and _cue_has_pronoun(report, q)]
    cueless = [q for q in putin if q.cue is None]
    statement_ok = [
        q
        for q in statement
        if q.speaker in ("Trump’s office", "Trump's office")
        or (q.speaker == "Donald Trump" and q.speaker_kind == "organisation")
    ]
    scare = [q for q in report.quotes if q.content.text.strip('"“” ').lower() == "terrorism"]
    return [
        ("every direct quote is found", len(found) == len(body_quotes), f"{len(found)}/{len(body_quotes)}"),
        (
            "Putin speaks every quotation but the statement's",
            bool(putin) and len(putin_ok) == len(putin),
            f"{len(putin_ok)}/{len(putin)}, of them {len(he_said)} tagged 'he said' and {len(cueless)} with no cue "
            f"of their own; others: {sorted({str(q.speaker) for q in putin if q not in putin_ok})}",
        ),
        (
            "the statement's two quotations are Trump's office's",
            len(statement) == 2 and len(statement_ok) == 2,
            f"{[(q.speaker, q.speaker_kind) for q in statement]}",
        ),
        ('"terrorism" in scare quotes is no quote', not scare, f"{len(scare)} found"),
    ]


def _cue_has_pronoun(report: Report, quote: Quote) -> bool:
    mention = quote.speaker_mention
    return mention is not None and mention.text.lower() in {"he", "she"}


def score_checks(report: Report) -> list[tuple[str, bool, str]]:
    score = report.score
    if score is None or score.unreliable_probability is None:
        return [("the seed is scored", False, "no score")]
    named = {r.signal.split(".")[0] for r in score.reasons}
    teasers = any(r.signal.startswith("clickbait.") for r in score.reasons)
    return [
        (
            "the seed is labelled unreliable",
            score.label == "unreliable",
            f"label {score.label}, p = {score.unreliable_probability:.3f}",
        ),
        (
            "its reasons name the clickbait teasers, the page furniture and the sourcing",
            teasers and {"furniture", "sourcing"} <= named,
            f"reason signals: {[r.signal for r in score.reasons]}",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    path = args.data / SEED
    if not path.exists():
        print(f"error: {path} not found; pass --data", file=sys.stderr)
        return 2
    report = Analyzer(Config.load()).analyze(path)
    failed = 0
    for name, ok, detail in [*clean_checks(report), *quote_checks(report), *score_checks(report)]:
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}  {detail}")
    print(f"warnings: {report.warnings}")
    print(f"timings (ms): {report.timings}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
