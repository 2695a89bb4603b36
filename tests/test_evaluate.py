"""The label-shift diagnostic of the credibility evaluation: Bayes' rule and the EM base-rate estimate."""

from __future__ import annotations

import pytest

from newsift.scoring.evaluate import LabelShift, ece, estimate_rate, shift_prior


def _calibrated_scores(rate: float, n: int = 1000) -> tuple[list[int], list[float]]:
    """Scores calibrated at a 50 % prior: a positive reads 0.9 nine times in ten, a negative 0.1."""
    positives = round(rate * n)
    negatives = n - positives
    y = [1] * positives + [0] * negatives
    p = [0.9] * round(0.9 * positives) + [0.1] * round(0.1 * positives)
    p += [0.9] * round(0.1 * negatives) + [0.1] * round(0.9 * negatives)
    return y, p


def test_the_same_rate_changes_nothing_and_a_new_one_scales_the_odds() -> None:
    assert shift_prior([0.2, 0.5, 0.9], 0.4, 0.4) == pytest.approx([0.2, 0.5, 0.9])
    # Odds 1 at a 50 % prior become 4 at 80 %; odds 9 become 36.
    assert shift_prior([0.5, 0.9], 0.5, 0.8) == pytest.approx([0.8, 36 / 37])


def test_em_recovers_the_base_rate_of_calibrated_scores() -> None:
    for rate in (0.2, 0.8):
        _, p = _calibrated_scores(rate)
        assert estimate_rate(p, 0.5) == pytest.approx(rate, abs=0.005)


def test_the_true_rate_removes_a_pure_base_rate_gap() -> None:
    y, p = _calibrated_scores(0.8)
    shift = LabelShift.of(y, p, 0.5)
    assert shift.ece == pytest.approx(ece(y, p))
    assert shift.ece > 0.1
    assert shift.ece_true < 0.02 and shift.ece_estimated < 0.02
    assert shift.true_rate == pytest.approx(0.8)


def test_a_one_class_set_is_bounded_short_of_certainty() -> None:
    assert estimate_rate([0.99] * 50, 0.5) == 0.99
    assert max(shift_prior([0.999], 0.5, 1.0)) < 1.0
