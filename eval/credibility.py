"""Source-disjoint evaluation of the credibility score beside a TF-IDF baseline, in one run.

    python eval/credibility.py --data ../shared/data [--json /tmp/cred.json] [--predictions /tmp/run.json]
    newsift eval --data ../shared/data                   # the same table

Prints one row per held-out dataset (leave one dataset out) with ROC-AUC, F1
of the unreliable class and ECE (10 bins) for three systems fitted on the same
training rows in this run: the signals model without the domain prior (what
a pasted article gets), the signals model with it, and TF-IDF + logistic
regression, and the two as the score stage routes them ("as shipped").  Then
the means over the two-class sets, a 5-fold cross-validation grouped by source
domain, and a label-shift diagnostic: each held-out set's as-shipped ECE after
moving its prior to the base rate EM estimates from the unlabelled scores, and
to its true base rate (an oracle, a bound).  Last, 95 % bootstrap intervals
(items resampled within each held-out set) for the LODO means and for each
set's AUC gap between the shipped score and the baseline; and how many items of each
held-out set the shipped score labels (not ``uncertain``), and how many of those labels are right.

The corpus (which sets, deduplication; no cap unless ``--cap`` draws one) is the training corpus
of ``newsift.scoring.train``; signals are cached under /tmp, so only the first run parses
articles (6,555 of them; about 7 minutes here).
``--predictions`` keeps every held-out item's class and probabilities, so that two runs (say, before
and after a change) can be compared on the same draws: ``eval/compare_credibility.py``.
Writes nothing into the repository.  Exit 1 below ``--min-auc`` when given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift.provenance import NUMPY_SIMD_KEY, training_environment  # noqa: E402
from newsift.scoring.evaluate import (  # noqa: E402
    BOOTSTRAP_ROUNDS,
    bootstrap,
    evaluate,
    format_report,
    predictions_json,
    report_figures,
)
from newsift.scoring.extract import DEFAULT_CACHE  # noqa: E402
from newsift.scoring.train import CAP_PER_DATASET, SEED, build_training_set  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cap", type=int, default=CAP_PER_DATASET, help="at most this many articles per set")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures (numbers only) here")
    parser.add_argument(
        "--predictions",
        type=Path,
        default=None,
        help="also write every held-out item's class and probabilities here, for eval/compare_credibility.py",
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=BOOTSTRAP_ROUNDS,
        help=f"draws for the intervals under the table (default {BOOTSTRAP_ROUNDS}; 0: none)",
    )
    parser.add_argument("--min-auc", type=float, default=None, help="exit 1 if the mean LODO AUC is lower")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    data = build_training_set(args.data, cap=args.cap, seed=args.seed, cache_dir=args.cache)
    result = evaluate(data)
    cap = "" if args.cap is None else f" --cap {args.cap}"
    print(f"command: python eval/credibility.py --data {args.data}{cap} --seed {args.seed}")
    per_set = "no cap" if args.cap is None else f"cap {args.cap} per set"
    print(f"corpus: {len(data.articles)} articles after URL + MinHash dedup, {per_set}")
    # The CPU's BLAS kernel and numpy's SIMD loops move the fits' last digits (the TF-IDF baseline's
    # cells by up to 0.003 between two machines in stop 62): a printout says which it ran on.
    env = training_environment(())
    machine = [f"{k} {v}" for k, v in env.items() if k.startswith("blas ") or k == NUMPY_SIMD_KEY]
    print("computed with: " + ", ".join(machine))
    boot = bootstrap(result, args.bootstrap) if args.bootstrap > 0 else None
    print(format_report(result, boot))
    print(f"\n{time.perf_counter() - t0:.1f} s")
    if args.json is not None:
        figures = {**report_figures(result, boot), "dedup": data.stats.to_dict()}
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if args.predictions is not None:
        args.predictions.write_text(predictions_json(result), encoding="utf-8")
    mean = result.mean_lodo_auc("signals+text")
    if args.min_auc is not None and (mean is None or mean < args.min_auc):
        print(f"mean LODO AUC {mean} is below the floor {args.min_auc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
