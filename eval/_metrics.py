"""The Scrapinghub (Zyte) article-extraction-benchmark metric, reimplemented.

Source: ``evaluate.py`` of https://github.com/scrapinghub/article-extraction-benchmark
(read at commit 7d95432dc2320c068b1e53072c64e8c13cf096cb; the copy of the benchmark in
/work/shared/data/scrapinghub_aeb ships its README.rst and data but not the script).
Re-implemented here, not copied, with the same definitions so our figures are comparable
with the README's results table:

* tokens are the matches of the regex ``\\w+`` (Unicode), nothing else: punctuation and
  whitespace never matter, case does;
* a page's text becomes the multiset of its 4-token shingles (token 4-grams); a text
  with fewer than 4 tokens gives one shorter shingle, an empty text gives none;
* per page, TP = sum of min(gold count, predicted count) over shingles, FP and FN the
  surpluses, then all three are divided by TP+FP+FN so long pages weigh no more than
  short ones;
* per-page precision and recall are 1.0 when FP = FN = 0 and 0.0 when TP = FP = 0
  (resp. TP = FN = 0); the corpus precision is the mean over pages with TP+FP > 0,
  the corpus recall the mean over pages with TP+FN > 0, and the corpus F1 is the
  harmonic mean of those two means (not a mean of per-page F1s);
* "accuracy" is the share of pages whose token sequence equals the gold one exactly;
* the "±" figures are the standard deviation over bootstrap resamples of the pages
  (the README's latest table; earlier versions printed 1.96 standard deviations).
  We seed the resampler so a run is reproducible; the benchmark does not.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NGRAM_N = 4
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class PageCounts:
    """Normalised shingle counts of one page (they sum to 1 unless the page is empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return precision_score(self.tp, self.fp, self.fn)

    @property
    def recall(self) -> float:
        return recall_score(self.tp, self.fp, self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


@dataclass(frozen=True)
class CorpusMetrics:
    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_std: float
    precision_std: float
    recall_std: float
    accuracy_std: float
    pages: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "f1": self.f1,
            "precision": self.precision,
            "recall": self.recall,
            "accuracy": self.accuracy,
            "f1_std": self.f1_std,
            "precision_std": self.precision_std,
            "recall_std": self.recall_std,
            "accuracy_std": self.accuracy_std,
            "pages": self.pages,
        }


def tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[Shingle]:
    tokens = tokenize(text)
    # range(max(1, ...)) keeps one short shingle for texts under n tokens, as the benchmark does.
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(gold: str | None, pred: str | None, n: int = NGRAM_N) -> PageCounts:
    gold_sh = shingles(gold, n)
    pred_sh = shingles(pred, n)
    tp = fp = fn = 0.0
    for key in gold_sh.keys() | pred_sh.keys():
        g, p = gold_sh.get(key, 0), pred_sh.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    if total > 0:
        return PageCounts(tp / total, fp / total, fn / total)
    return PageCounts(tp, fp, fn)


def exact_match(gold: str | None, pred: str | None) -> float:
    return float(tokenize(gold) == tokenize(pred))


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _point(pages: Sequence[PageCounts]) -> tuple[float, float, float]:
    precs = [precision_score(c.tp, c.fp, c.fn) for c in pages if c.tp + c.fp > 0]
    recs = [recall_score(c.tp, c.fp, c.fn) for c in pages if c.tp + c.fn > 0]
    precision = statistics.mean(precs) if precs else 0.0
    recall = statistics.mean(recs) if recs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return f1, precision, recall


def corpus_metrics(
    pages: Sequence[PageCounts], accuracies: Sequence[float], *, n_bootstrap: int = 1000, seed: int = 0
) -> CorpusMetrics:
    """Benchmark figures for a corpus, with bootstrap standard deviations."""
    if len(pages) != len(accuracies) or not pages:
        raise ValueError("need one accuracy per page and at least one page")
    f1, precision, recall = _point(pages)
    accuracy = statistics.mean(accuracies)
    rng = random.Random(seed)
    n = len(pages)
    samples: dict[str, list[float]] = {"f1": [], "precision": [], "recall": [], "accuracy": []}
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        bf1, bp, br = _point([pages[i] for i in idx])
        samples["f1"].append(bf1)
        samples["precision"].append(bp)
        samples["recall"].append(br)
        samples["accuracy"].append(statistics.mean(accuracies[i] for i in idx))

    def std(key: str) -> float:
        return statistics.stdev(samples[key]) if len(samples[key]) > 1 else 0.0

    return CorpusMetrics(
        f1=f1,
        precision=precision,
        recall=recall,
        accuracy=accuracy,
        f1_std=std("f1"),
        precision_std=std("precision"),
        recall_std=std("recall"),
        accuracy_std=std("accuracy"),
        pages=n,
    )
