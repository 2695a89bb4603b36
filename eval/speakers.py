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
  quotes each system gives a speaker, over the same articles; twice, on the parse both systems
  share and on a parse of its own by the same spaCy model as spaCy ships it ("own": none of
  newsift's parse rules, as a textacy user would run it).

No gold is read: coverage says nothing about whether a speaker is right (that is PolNeAR's job).
Only counts are printed; no dataset text is written anywhere unless asked for below.

By default both systems read the text as ``newsift analyze`` reads a file (every line ending made
``\n``, mis-decoded characters repaired; ``as_read``). With ``--clean`` both read what newsift's clean stage
leaves (page furniture cut, garbled quotation marks read back), as the pipeline runs them.

A rule change is checked by reading the attributions it changed. ``--save FILE`` writes every
attribution newsift gives over these articles (all kinds: the content's offsets, the cue's start,
the kind, the speaker's name and the confidence) as JSON; ``--compare FILE`` reads such a file from
another run of the same articles and prints how many speakers changed, and how many attributions
came or went, and ``--show N`` prints the first N of those changes (offsets, kinds and speakers'
names). Both files and what ``--show`` prints hold names from the datasets: keep them out of the
repository.

Whether the speakers are right on such news is read by hand: ``--read N`` prints N direct quotes
(or, with ``--read-kind``, indirect or mixed attributions) drawn at random (``--seed``, 13 by
default) from every set's, each with its speaker, its confidence and the text around it, for a
reader to mark right, wrong, or rightly none. It prints dataset text: keep it out of the
repository too.

    python eval/speakers.py --data ../shared/data [--n 150] [--clean] [--save NEW.json] [--compare OLD.json [--show N]]
    python eval/speakers.py --data ../shared/data --clean --read 40
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
# The eval helpers beside this script, also when it is loaded by path (the tests).
sys.path.insert(0, str(ROOT / "eval"))

from _textacy import direct_quotations  # noqa: E402

from newsift.clean.stage import CleanStage  # noqa: E402
from newsift.config import Config  # noqa: E402
from newsift.ingest.decode import finish_text  # noqa: E402
from newsift.nlp.model import load_spacy_model  # noqa: E402
from newsift.nlp.stages import DOC_KEY, EntitiesStage, QuotesStage, parse_view  # noqa: E402
from newsift.report import Article, Report  # noqa: E402
from newsift.scoring.corpus import DATASETS, read_dataset  # noqa: E402


def as_read(raw: str) -> str:
    """A dataset text as ``newsift analyze`` reads a file: mis-decoded quotation marks ("â€œ") are
    no marks to either system, and old Mac line endings ("\r\r" between MisInfoText's paragraphs)
    are line breaks, which no name or sentence runs over."""
    return finish_text(raw)[0].strip()


def first_texts(data: Path, name: str, n: int) -> list[str]:
    texts: list[str] = []
    for row, _ in read_dataset(data, name):
        text = as_read(str(row.get("text") or ""))
        if text:
            texts.append(text)
        if len(texts) >= n:
            break
    return texts


def parsed(texts: list[str], ents: EntitiesStage, clean: CleanStage | None) -> Iterator[tuple[Report, Any]]:
    """Each text's report with the entities stage's work done, and the Doc both systems read."""
    if clean is None:
        # Parsed as the entities stage parses, for both systems.
        views = [parse_view(text).text for text in texts]
        for i, (text, doc) in enumerate(zip(texts, ents.nlp.pipe(views, batch_size=16), strict=True)):
            report = Report(article=Article(id=str(i), text=text))
            report.language = "en"
            ents.analyse_doc(report, doc, views[i])
            yield report, doc
        return
    for i, text in enumerate(texts):
        report = Report(article=Article(id=str(i), text=text))
        clean(report)
        ents(report)
        if DOC_KEY in report.context:  # a text in another language is skipped, with a warning
            yield report, report.context[DOC_KEY]


# One attribution as --save writes it: content start and end, cue start (or None), kind, speaker,
# and confidence (absent in files written before stop 51; nothing compares it).
Saved = list[Any]


def count(
    texts: list[str],
    ents: EntitiesStage,
    quotes: QuotesStage,
    clean: CleanStage | None,
    saved: dict[str, list[Saved]] | None = None,
    plain: Any = None,
) -> Counter[str]:
    """The counts of one set; with ``plain`` (a spaCy model as spaCy ships it) textacy is also
    run on a parse of its own of the same texts ("textacy own ...")."""
    c: Counter[str] = Counter()
    own_texts: list[str] = []
    for report, doc in parsed(texts, ents, clean):
        own_texts.append(report.clean_text if clean is not None else report.article.text)
        quotes(report)
        if saved is not None:
            # By the text's place in the set: a text the clean stage skips (another language) has none.
            saved[report.article.id] = [
                [q.content.start, q.content.end, q.cue.start if q.cue else None, q.kind, q.speaker, q.confidence]
                for q in report.quotes
            ]
        for q in report.quotes:
            if q.kind != "direct":
                continue
            c["newsift"] += 1
            c["newsift speaker"] += q.speaker is not None
            c["newsift named"] += q.speaker is not None and q.speaker_kind in {"person", "organisation"}
        _textacy(doc, c, "textacy")
    if plain is not None:
        for doc in plain.pipe(own_texts, batch_size=16):
            _textacy(doc, c, "textacy own")
    return c


def _textacy(doc: Any, c: Counter[str], key: str) -> None:
    triples = direct_quotations(doc)
    if triples is None:
        c[f"{key} refused"] += 1
        return
    c[f"{key} speaker"] += sum(bool(t.speaker) for t in triples)


def compare(old: dict[str, list[Saved]], new: dict[str, list[Saved]], show: int = 0) -> list[str]:
    """What changed between two ``--save`` files of the same articles: an attribution is the same one
    when its content's offsets and its cue's start are."""
    changed: list[str] = []
    counts: Counter[str] = Counter()
    for key in sorted(old.keys() | new.keys()):
        before = {(a[0], a[1], a[2]): a for a in old.get(key, [])}
        after = {(a[0], a[1], a[2]): a for a in new.get(key, [])}
        for at in sorted(before.keys() | after.keys(), key=lambda k: (k[0], k[1], -1 if k[2] is None else k[2])):
            a, b = before.get(at), after.get(at)
            what = "gone" if b is None else "new" if a is None else "speaker" if a[4] != b[4] else ""
            if what:
                counts[what] += 1
                was, now = (a[3], a[4]) if a else None, (b[3], b[4]) if b else None
                changed.append(f"  {key} {at[0]}-{at[1]} {what}: {was} -> {now}")
    lines = [
        f"compared with the saved run: attributions {sum(map(len, old.values()))} -> {sum(map(len, new.values()))}; "
        f"speaker changed {counts['speaker']}, gone {counts['gone']}, new {counts['new']}"
    ]
    return lines + changed[:show]


# How much text around a quote a reader needs to tell who spoke: the tag usually sits in the
# sentence before or right after it.
_BEFORE, _QUOTE, _AFTER = 350, 250, 120


def for_reading(
    texts: dict[str, str], saved: dict[str, list[Saved]], n: int, seed: int, kind: str = "direct"
) -> list[str]:
    """``n`` attributions of ``kind`` in ``saved`` drawn at random, each with its speaker and the
    text around it from ``texts`` (the same keys), for a reader to judge; all of them when fewer."""
    of_kind = sorted((key, a) for key, attrs in saved.items() for a in attrs if a[3] == kind)
    picked = random.Random(seed).sample(of_kind, min(n, len(of_kind)))
    lines = []
    for i, (key, (start, end, _, _, speaker, *rest)) in enumerate(picked, 1):
        text = texts[key]
        # The confidence tells a reader whether the sourcing signals count an indirect one (>= 0.5).
        sure = f" confidence {rest[0]:.2f}" if rest else ""
        lines.append(f"[{i}] {key} {start}-{end} speaker: {speaker!r}{sure}")
        lines.append(f"    ...{text[max(0, start - _BEFORE) : start]!r}")
        lines.append(f"    [[{text[start:end][:_QUOTE]!r}]] {text[end : end + _AFTER]!r}")
    return lines


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "   n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=150, help="articles per set (the first ones, in file order)")
    parser.add_argument("--clean", action="store_true", help="both systems read the clean stage's text")
    parser.add_argument("--save", type=Path, default=None, help="write every newsift attribution here (JSON)")
    parser.add_argument("--compare", type=Path, default=None, help="a --save file of another run to compare with")
    parser.add_argument("--show", type=int, default=0, help="with --compare, print the first N changes")
    parser.add_argument(
        "--read", type=int, default=0, help="print N attributions of --read-kind at random, with context"
    )
    parser.add_argument(
        "--read-kind", default="direct", choices=["direct", "indirect", "mixed"], help="what --read draws"
    )
    parser.add_argument("--seed", type=int, default=13, help="the draw for --read")
    args = parser.parse_args(argv)
    old = None
    if args.compare is not None:
        try:
            old = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"error: --compare {args.compare}: {exc}", file=sys.stderr)
            return 2
    saved: dict[str, list[Saved]] = {}
    read: dict[str, str] = {}
    config = Config()
    ents, quotes = EntitiesStage(config), QuotesStage(config)
    plain = load_spacy_model(config.spacy_model, plain=True)
    clean = CleanStage(config) if args.clean else None
    print(f"command: python eval/speakers.py --data {args.data} --n {args.n}{' --clean' if args.clean else ''}")
    print(f"model: {ents.nlp.meta.get('lang')}_{ents.nlp.meta.get('name')} {ents.nlp.meta.get('version')}")
    header = (
        f"{'set':<28}{'docs':>5} | {'quotes':>7} {'speaker':>8} {'share':>7} {'named':>7} | "
        f"{'speaker':>8} {'refused':>8} | {'speaker':>8} {'refused':>8}"
    )
    print(f"{'':<33}| {'newsift (direct quotes)':<34}| {'textacy (shared parse)':<18}| textacy (own parse)")
    print(header)
    print("-" * len(header))
    total: Counter[str] = Counter()
    t0 = time.perf_counter()
    for name in DATASETS:
        texts = first_texts(args.data, name, args.n)
        if not texts:
            print(f"{name:<28} no articles under {args.data / name}")
            continue
        per_article: dict[str, list[Saved]] = {}
        c = count(texts, ents, quotes, clean, per_article, plain)
        saved.update((f"{name}:{i}", attrs) for i, attrs in per_article.items())
        read.update((f"{name}:{i}", text) for i, text in enumerate(texts))
        c["docs"] = len(texts)
        total.update(c)
        print(row(name, c))
    print("-" * len(header))
    print(row("all", total))
    print(f"time: {time.perf_counter() - t0:.0f} s")
    print(
        "quotes: direct quotes found; speaker: how many of them get a speaker (share: of the quotes); named: share "
        "whose speaker is a named person or organisation; textacy refused: articles with an odd number of marks; "
        "own parse: the spaCy model as spaCy ships it, with none of newsift's parse rules"
    )
    if args.save is not None:
        args.save.write_text(json.dumps(saved), encoding="utf-8")
    if old is not None:
        print("\n".join(compare(old, saved, args.show)))
    if args.read:
        print(f"\n{args.read} {args.read_kind} attributions drawn at random (seed {args.seed}), to be read by hand:")
        print("\n".join(for_reading(read, saved, args.read, args.seed, args.read_kind)))
    return 0


def row(name: str, c: Counter[str]) -> str:
    return (
        f"{name:<28}{c['docs']:>5} | {c['newsift']:>7} {c['newsift speaker']:>8} "
        f"{share(c['newsift speaker'], c['newsift']):>7} {share(c['newsift named'], c['newsift']):>7} | "
        f"{c['textacy speaker']:>8} {c['textacy refused']:>8} | "
        f"{c['textacy own speaker']:>8} {c['textacy own refused']:>8}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
