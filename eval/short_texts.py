"""How the credibility score behaves on texts shorter than any article it learned from.

    python eval/short_texts.py --data ../shared/data [--n 3000] [--seed 0]

The training corpus keeps items of at least ``MIN_WORDS`` (50) words, so a shorter body
lies outside everything the model and its calibration saw; the score stage therefore
labels it ``uncertain`` whatever its probability.  This script measures why, on a set the
model never trained on: covid_constraint2021 (social posts about COVID-19, real or fake,
no titles, median about 25 words), ``--n`` posts after a seeded shuffle.  For posts under
and over the training minimum it prints the base rate, ROC-AUC and ECE (10 bins) of
newsift's probability and of a TF-IDF + logistic-regression reference trained in this run on
the training corpus's texts (the baseline of ``eval/credibility.py``), then how many posts
would have cleared the label margin without the short-text rule and how often those labels
were right, and how many are labelled now.  Writes nothing into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift import Analyzer, Config  # noqa: E402
from newsift.report import Article  # noqa: E402
from newsift.scoring.corpus import MIN_WORDS, cap_per_dataset, load_corpus  # noqa: E402
from newsift.scoring.evaluate import ece  # noqa: E402
from newsift.scoring.stage import assess  # noqa: E402
from newsift.scoring.train import CAP_PER_DATASET, SEED  # noqa: E402

SET = "covid_constraint2021"


def reference(data_dir: Path, texts: list[str]) -> list[float]:
    """TF-IDF + logistic regression fitted on the credibility training corpus, as in eval/credibility.py."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    arts = cap_per_dataset(load_corpus(data_dir), CAP_PER_DATASET, SEED)
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
    x = vectorizer.fit_transform([f"{a.title or ''}\n{a.text}" for a in arts])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, [a.label for a in arts])
    return [float(p) for p in model.predict_proba(vectorizer.transform([f"\n{t}" for t in texts]))[:, 1]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from sklearn.metrics import roc_auc_score

    t0 = time.perf_counter()
    path = args.data / SET / f"{SET}.jsonl"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in map(json.loads, handle) if r.get("label") in ("reliable", "unreliable")]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.n]
    analyzer = Analyzer(Config())
    seen = []  # (words, p, label now, would-be label without the short-text rule, gold)
    for row in rows:
        report = analyzer.analyze_article(Article(id=str(row["id"]), text=str(row["text"])))
        p = report.score.unreliable_probability
        if p is None:
            continue
        words = int(report.signals["body.words"].value or 0)
        evidence = assess(report.signals)
        before = "uncertain" if abs(p - 0.5) < evidence.margin else ("unreliable" if p > 0.5 else "reliable")
        seen.append((words, p, report.score.label, before, int(row["label"] == "unreliable"), str(row["text"])))
    ref = reference(args.data, [s[5] for s in seen])

    print(f"command: python eval/short_texts.py --data {args.data} --n {args.n} --seed {args.seed}")
    print(f"{SET}: {len(seen)} posts scored; the training corpus's shortest item has {MIN_WORDS} words")
    print("reference: TF-IDF + LR trained on the credibility training corpus in this run\n")
    header = f"{'posts':<16}{'n':>6}{'unrel':>7}  {'newsift AUC/ECE':>16}  {'tfidf AUC/ECE':>14}"
    print(header + f"  {'labelled w/o rule (right)':>26}  {'labelled now':>12}")
    print("-" * (len(header) + 42))
    for short in (True, False):
        name = f"< {MIN_WORDS} words" if short else f">= {MIN_WORDS} words"
        idx = [i for i, s in enumerate(seen) if (s[0] < MIN_WORDS) == short]
        if not idx:
            continue
        y = [seen[i][4] for i in idx]
        p = [seen[i][1] for i in idx]
        r = [ref[i] for i in idx]
        two = len(set(y)) == 2
        auc = f"{roc_auc_score(y, p):.3f}" if two else "n/a"
        rauc = f"{roc_auc_score(y, r):.3f}" if two else "n/a"
        before = [i for i in idx if seen[i][3] != "uncertain"]
        right = sum((seen[i][3] == "unreliable") == bool(seen[i][4]) for i in before)
        now = sum(seen[i][2] != "uncertain" for i in idx)
        share = f"{len(before)} ({right / len(before):.2f})" if before else "0"
        print(
            f"{name:<16}{len(idx):>6}{sum(y):>7}  {auc:>7} / {ece(y, p):.3f}  {rauc:>6} / {ece(y, r):.3f}"
            f"  {share:>26}  {now:>12}"
        )
    print(f"\n{time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
