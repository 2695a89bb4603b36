"""The seed article's acceptance checks, printed one per line (PASS/FAIL).

    python eval/seed.py [--data ../shared/data]

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
from newsift.report import Report  # noqa: E402

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
    for name, ok, detail in clean_checks(report):
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}  {detail}")
    print(f"warnings: {report.warnings}")
    print(f"timings (ms): {report.timings}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
