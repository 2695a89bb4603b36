"""Docs per second of the entities + quotes stages against bare ``nlp.pipe``, same model, same texts, one run.

    python bench/nlp.py --data ../shared/data --n 200

Both arms parse every text with ``nlp.pipe`` (same batch size); the newsift
arm then runs the entities and quotes stages on each Doc, exactly as the
pipeline does after its single parse.  The goal is a ratio of at most 1.15.
Arms alternate over ``--rounds`` so machine load hits both alike; the figure
is the median round.  On a shared machine the two end-to-end times move by
more than the stages cost, so each round also times the stages alone on Docs
parsed beforehand, and prints ``1 + stages / bare parse``: the same ratio from
a difference that is measured, not one left between two noisy totals.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift.config import Config  # noqa: E402
from newsift.nlp.attribution_model import load_attribution_model  # noqa: E402
from newsift.nlp.quotes import QuoteExtractor  # noqa: E402
from newsift.nlp.stages import EntitiesStage, QuotesStage, parse_view  # noqa: E402
from newsift.report import Article, Report  # noqa: E402

DEFAULT_SETS = ("buzzfeed_webis_2016", "misinfotext_sfu", "fakenewsnet_v1_2018")


def load_texts(data: Path, n: int, sets: tuple[str, ...]) -> list[str]:
    texts: list[str] = []
    for name in sets:
        path = data / name / f"{name}.jsonl"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = (json.loads(line).get("text") or "").strip()
                if len(text) >= 200:
                    texts.append(text[:20000])
                if len(texts) >= n:
                    return texts
    if not texts:
        raise SystemExit(f"no article texts found under {data} in {', '.join(sets)}")
    return texts


def bare(nlp: object, texts: list[str], batch: int) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):  # type: ignore[attr-defined]
        pass
    return time.perf_counter() - t0


def full(ents: EntitiesStage, quotes: QuotesStage, texts: list[str], batch: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    n_quotes = 0
    views = [parse_view(t).text for t in texts]  # what the stage parses
    for i, doc in enumerate(ents.nlp.pipe(views, batch_size=batch)):
        report = Report(article=Article(id=str(i), text=texts[i]))
        report.language = "en"
        ents.analyse_doc(report, doc, views[i])  # with the parsed text, as the stage passes it
        quotes(report)
        n_quotes += len(report.quotes)
    return time.perf_counter() - t0, n_quotes


def stages_only(ents: EntitiesStage, quotes: QuotesStage, texts: list[str], docs: list[object]) -> float:
    t0 = time.perf_counter()
    for i, doc in enumerate(docs):
        report = Report(article=Article(id=str(i), text=texts[i]))
        report.language = "en"
        ents.analyse_doc(report, doc, parse_view(texts[i]).text)
        quotes(report)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument(
        "--attribution-model",
        default=None,
        help="attribution model JSON instead of the shipped one, or 'rules' for none (to price the model)",
    )
    args = parser.parse_args(argv)
    texts = load_texts(args.data, args.n, DEFAULT_SETS)
    config = Config(spacy_model=args.spacy_model)
    ents, quotes = EntitiesStage(config), QuotesStage(config)
    if args.attribution_model is not None:
        chosen = None if args.attribution_model == "rules" else load_attribution_model(Path(args.attribution_model))
        quotes.extractor = QuoteExtractor(model=chosen)
    nlp = ents.nlp
    bare(nlp, texts[:10], args.batch)  # warm-up: first-call allocations count for neither arm
    docs = list(nlp.pipe([parse_view(t).text for t in texts], batch_size=args.batch))
    bare_t: list[float] = []
    full_t: list[float] = []
    stage_t: list[float] = []
    n_quotes = 0
    for _ in range(args.rounds):
        bare_t.append(bare(nlp, texts, args.batch))
        elapsed, n_quotes = full(ents, quotes, texts, args.batch)
        full_t.append(elapsed)
        stage_t.append(stages_only(ents, quotes, texts, docs))
    b, f, st = statistics.median(bare_t), statistics.median(full_t), statistics.median(stage_t)
    chars = sum(len(t) for t in texts)
    print(
        f"model {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}; "
        f"{len(texts)} articles, {chars / len(texts):.0f} chars on average; {args.rounds} rounds, median"
    )
    print(f"bare nlp.pipe          : {len(texts) / b:7.2f} docs/s  ({b:.2f}s)")
    print(f"nlp.pipe + entities+quotes: {len(texts) / f:7.2f} docs/s  ({f:.2f}s, {n_quotes} quotes)")
    model = quotes.extractor.model
    print(f"attribution model: {'none (rules only)' if model is None else f'learned, threshold {model.threshold}'}")
    print(f"ratio (full / bare time): {f / b:.3f}  (goal <= 1.15)")
    print(
        f"stages alone on parsed Docs: {1000 * st / len(texts):.2f} ms/doc; "
        f"1 + stages / bare parse: {1 + st / b:.3f}  (goal <= 1.15)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
