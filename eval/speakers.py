"""Speaker coverage on news nobody annotated: the share of direct quotes that get a speaker.

PolNeAR (``eval/attribution.py``) measures whether a speaker is right; it cannot say how often a
system gives up on real-world news, which the issue cites for CoreNLP ("about a quarter of news
quotes with speaker unknown"). This script runs newsift and textacy's ``direct_quotations`` on
the same parses of the first ``--n`` articles of each article set of the credibility corpus and
prints, per set and pooled:

* newsift: direct quotes found, the share with a speaker (a named entity or a source phrase such
  as "a spokesman"), and the share with a speaker that is a named person or organisation;
* textacy: the quotes it returns, all of which have a speaker (it returns a quote only when it
  finds a cue verb and its subject beside it), so the figure to compare is the number of direct
  quotes each system gives a speaker, over the same articles.

No gold is read: coverage says nothing about whether a speaker is right (that is PolNeAR's job).
Only counts are printed; no dataset text is written anywhere.

By default both systems read the raw text. With ``--clean`` both read what newsift's clean stage
leaves (page furniture cut, garbled quotation marks read back), as the pipeline runs them.

    python eval/speakers.py --data ../shared/data [--n 150] [--clean]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift.clean.stage import CleanStage  # noqa: E402
from newsift.config import Config  # noqa: E402
from newsift.ingest.decode import repair_mojibake  # noqa: E402
from newsift.nlp.stages import DOC_KEY, EntitiesStage, QuotesStage  # noqa: E402
from newsift.report import Article, Report  # noqa: E402
from newsift.scoring.corpus import DATASETS, read_dataset  # noqa: E402


def first_texts(data: Path, name: str, n: int) -> list[str]:
    texts: list[str] = []
    for row, _ in read_dataset(data, name):
        # Repaired as ``newsift analyze`` repairs what it reads: mis-decoded quotation marks
        # ("â€œ") are no marks to either system.
        text = repair_mojibake(str(row.get("text") or ""))[0].strip()
        if text:
            texts.append(text)
        if len(texts) >= n:
            break
    return texts


def parsed(texts: list[str], ents: EntitiesStage, clean: CleanStage | None) -> Iterator[tuple[Report, Any]]:
    """Each text's report with the entities stage's work done, and the Doc both systems read."""
    if clean is None:
        for i, (text, doc) in enumerate(zip(texts, ents.nlp.pipe(texts, batch_size=16), strict=True)):
            report = Report(article=Article(id=str(i), text=text))
            report.language = "en"
            ents.analyse_doc(report, doc, text)
            yield report, doc
        return
    for i, text in enumerate(texts):
        report = Report(article=Article(id=str(i), text=text))
        clean(report)
        ents(report)
        if DOC_KEY in report.context:  # a text in another language is skipped, with a warning
            yield report, report.context[DOC_KEY]


def count(texts: list[str], ents: EntitiesStage, quotes: QuotesStage, clean: CleanStage | None) -> Counter[str]:
    import textacy.extract

    c: Counter[str] = Counter()
    for report, doc in parsed(texts, ents, clean):
        quotes(report)
        for q in report.quotes:
            if q.kind != "direct":
                continue
            c["newsift"] += 1
            c["newsift speaker"] += q.speaker is not None
            c["newsift named"] += q.speaker is not None and q.speaker_kind in {"person", "organisation"}
        try:
            triples = list(textacy.extract.triples.direct_quotations(doc))
        except ValueError:
            c["textacy refused"] += 1  # an odd number of quotation marks: textacy finds nothing
            continue
        c["textacy speaker"] += sum(bool(t.speaker) for t in triples)
    return c


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "   n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=150, help="articles per set (the first ones, in file order)")
    parser.add_argument("--clean", action="store_true", help="both systems read the clean stage's text")
    args = parser.parse_args(argv)
    config = Config()
    ents, quotes = EntitiesStage(config), QuotesStage(config)
    clean = CleanStage(config) if args.clean else None
    print(f"command: python eval/speakers.py --data {args.data} --n {args.n}{' --clean' if args.clean else ''}")
    print(f"model: {ents.nlp.meta.get('lang')}_{ents.nlp.meta.get('name')} {ents.nlp.meta.get('version')}")
    header = (
        f"{'set':<28}{'docs':>5} | {'quotes':>7} {'speaker':>8} {'share':>7} {'named':>7} | "
        f"{'speaker':>8} {'refused':>8}"
    )
    print(f"{'':<33}| {'newsift (direct quotes)':<34}| {'textacy'}")
    print(header)
    print("-" * len(header))
    total: Counter[str] = Counter()
    t0 = time.perf_counter()
    for name in DATASETS:
        texts = first_texts(args.data, name, args.n)
        if not texts:
            print(f"{name:<28} no articles under {args.data / name}")
            continue
        c = count(texts, ents, quotes, clean)
        c["docs"] = len(texts)
        total.update(c)
        print(row(name, c))
    print("-" * len(header))
    print(row("all", total))
    print(f"time: {time.perf_counter() - t0:.0f} s")
    print(
        "quotes: direct quotes found; speaker: how many of them get a speaker (share: of the quotes); named: share "
        "whose speaker is a named person or organisation; textacy refused: articles with an odd number of marks"
    )
    return 0


def row(name: str, c: Counter[str]) -> str:
    return (
        f"{name:<28}{c['docs']:>5} | {c['newsift']:>7} {c['newsift speaker']:>8} "
        f"{share(c['newsift speaker'], c['newsift']):>7} {share(c['newsift named'], c['newsift']):>7} | "
        f"{c['textacy speaker']:>8} {c['textacy refused']:>8}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
