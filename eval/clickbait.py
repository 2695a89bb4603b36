"""Evaluate the shipped clickbait model beside simple baselines, in one run.

    python eval/clickbait.py --data ../shared/data [--model path/to/model.json]

Prints four things:

1. accuracy / precision / recall / F1 on the fixed held-out test split of the
   clickbait set (the split of ``newsift.signals.train_clickbait``; the shipped
   model never saw it), beside a majority-class baseline and TF-IDF + logistic
   regression baselines (cased and lowercased) trained here, in this run, on
   the same train + validation headlines as the shipped model;
2. the share of real news titles from the other shared sets that each model
   calls clickbait (probability >= 0.5), per set and reliability label, on the
   "test" half of each title group (training looked at the "dev" half only).
   The clickbait set's news side is mostly Wikinews, so this is where a model
   that learned "Wikinews style" instead of clickbait shows itself;
3. the same share on the mainstream titles re-cased (Title Case, lower case),
   which shows whether a model reads casing;
4. the scoring time per headline.

Needs scikit-learn for the baselines.  Reads the shared data; writes nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsift.signals.clickbait import ClickbaitModel
from newsift.signals.train_clickbait import (
    SEED,
    TITLE_GROUPS,
    Example,
    group_titles,
    load_examples,
    metrics,
    split_examples,
)

Predictor = Callable[[Sequence[str]], list[float]]


def tfidf_baseline(train: Sequence[Example], *, lowercase: bool) -> Predictor:
    """TF-IDF word 1-2 grams + logistic regression with library defaults: the obvious first model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), lowercase=lowercase, min_df=2),
        LogisticRegression(solver="liblinear", random_state=SEED),
    )
    pipe.fit([ex.title for ex in train], [ex.label for ex in train])
    return lambda titles: [float(p) for p in pipe.predict_proba(list(titles))[:, 1]]


def majority_baseline(train: Sequence[Example]) -> Predictor:
    share = sum(ex.label for ex in train) / len(train)
    return lambda titles: [share] * len(titles)


def expected_calibration_error(labels: Sequence[int], probs: Sequence[float], bins: int = 10) -> float:
    """ECE over equal-width probability bins: the gap between confidence and frequency, weighted by size."""
    total = 0.0
    for b in range(bins):
        members = [
            (y, p)
            for y, p in zip(labels, probs, strict=True)
            if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p == 1.0)
        ]
        if members:
            gap = statistics.fmean(p for _, p in members) - statistics.fmean(y for y, _ in members)
            total += abs(gap) * len(members) / len(labels)
    return total


def title_case(text: str) -> str:
    """Capitalise the first letter of every word, as many news sites style titles."""
    return re.sub(r"\b([^\W\d_])", lambda m: m.group(1).upper(), text)


def flagged(predict: Predictor, titles: Sequence[str]) -> str:
    probs = predict(titles)
    return f"{sum(p >= 0.5 for p in probs) / len(probs):6.1%} ({statistics.fmean(probs):.2f})"


def time_per_headline_ms(model: ClickbaitModel, titles: Sequence[str], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        model.predict_proba(titles)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / len(titles)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate the clickbait model on held-out and real titles.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=None, help="model.json (default: the shipped model)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    model = ClickbaitModel.load(args.model)
    load_ms = 1000 * (time.perf_counter() - start)
    parts = split_examples(load_examples(args.data))
    train = parts["train"] + parts["val"]
    test = parts["test"]

    predictors: dict[str, Predictor] = {
        "newsift clickbait": model.predict_proba,
        "majority class": majority_baseline(train),
        "tfidf+LR, cased": tfidf_baseline(train, lowercase=False),
        "tfidf+LR, lowercased": tfidf_baseline(train, lowercase=True),
    }
    command = f"python eval/clickbait.py --data {args.data}" + (f" --model {args.model}" if args.model else "")
    print(f"command: {command}")
    print(f"model: {args.model or 'shipped'}; chosen setting: {model.metadata.get('chosen')}")
    print()
    print(f"1. clickbait set, held-out test split: {len(test)} headlines; baselines trained in this run on")
    print(f"   the same {len(train)} train+val headlines as the shipped model")
    print(f"   {'model':24s} {'accuracy':>8s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'ECE':>7s}")
    labels = [ex.label for ex in test]
    for name, predict in predictors.items():
        probs = predict([ex.title for ex in test])
        m = metrics(labels, [int(p >= 0.5) for p in probs])
        ece = expected_calibration_error(labels, probs)
        print(f"   {name:24s} {m.accuracy:8.4f} {m.precision:9.4f} {m.recall:7.4f} {m.f1:7.4f} {ece:7.4f}")

    compared = [k for k in predictors if k != "majority class"]
    header = f"   {'title group (test half)':44s} {'n':>5s} " + " ".join(f"{k:>20s}" for k in compared)
    print()
    print("2. real news titles called clickbait: share with p >= 0.5 (mean p)")
    print(header)
    pooled: dict[str, dict[str, str]] = {"reliable": {}, "unreliable": {}}
    mainstream: list[str] = []
    for group in TITLE_GROUPS:
        titles = group_titles(args.data, group, "test")
        if not titles:
            continue
        if "mainstream" in group.name:
            mainstream = titles
        for title in titles:
            pooled[group.side].setdefault(" ".join(title.casefold().split()), title)
        cells = " ".join(f"{flagged(predictors[k], titles):>20s}" for k in compared)
        print(f"   {group.name + ', ' + group.side:44s} {len(titles):5d} {cells}")
    for side, by_key in pooled.items():
        titles = list(by_key.values())
        cells = " ".join(f"{flagged(predictors[k], titles):>20s}" for k in compared)
        print(f"   {'ALL ' + side + ' (distinct titles)':44s} {len(titles):5d} {cells}")

    if mainstream:
        print()
        print("3. casing: the buzzfeed_webis mainstream titles above, re-cased")
        print(header.replace("title group (test half)", "casing                 "))
        for label, recase in (("as published", str), ("Title Case", title_case), ("lower case", str.lower)):
            titles = [recase(t) for t in mainstream]
            cells = " ".join(f"{flagged(predictors[k], titles):>20s}" for k in compared)
            print(f"   {label:44s} {len(titles):5d} {cells}")

    print()
    per_ms = time_per_headline_ms(model, [ex.title for ex in test])
    print(f"4. speed: {per_ms:.4f} ms per headline (predict_proba over the {len(test)} test headlines,")
    print(f"   best of 5, one process); model load {load_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
