"""How far two runs of the credibility evaluation differ, on the same bootstrap draws.

    python eval/credibility.py --data ../shared/data --predictions /tmp/before.json
    # ... change something, retrain ...
    python eval/credibility.py --data ../shared/data --predictions /tmp/after.json
    python eval/compare_credibility.py /tmp/before.json /tmp/after.json

Prints, for each system, the mean leave-one-dataset-out AUC of the second run minus the first's,
and for each two-class held-out set the change of the shipped score's AUC, each with a 95 %
interval from the draws ``eval/credibility.py`` makes for its own intervals (each held-out set's
items resampled, each class apart; 1,000 draws, seed 13), applied to both runs' predictions of the
same items.  A change whose interval holds zero is inside the noise of which articles were drawn;
no interval covers which collections were chosen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsift.scoring.evaluate import (  # noqa: E402
    BOOTSTRAP_ROUNDS,
    BOOTSTRAP_SEED,
    HeldOut,
    format_paired,
    paired_bootstrap,
    read_predictions,
)


def read(path: Path) -> HeldOut:
    try:
        return read_predictions(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"{path}: {exc}; write one with eval/credibility.py --predictions") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", type=Path, help="the run to compare against (before)")
    parser.add_argument("second", type=Path, help="the run compared (after)")
    parser.add_argument("--rounds", type=int, default=BOOTSTRAP_ROUNDS)
    parser.add_argument("--seed", type=int, default=BOOTSTRAP_SEED)
    args = parser.parse_args(argv)
    try:
        boot = paired_bootstrap(read(args.first), read(args.second), args.rounds, args.seed)
    except ValueError as exc:
        print(f"{args.first} and {args.second}: {exc}", file=sys.stderr)
        return 2
    print(f"command: python eval/compare_credibility.py {args.first} {args.second}")
    print(format_paired(boot))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
