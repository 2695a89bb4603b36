"""The credibility evaluation's diagnostics: Bayes' rule, the EM base-rate estimate, and the bootstrap intervals."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from newsift.scoring.evaluate import (
    SYSTEMS,
    EvalResult,
    LabelCounts,
    LabelShift,
    bootstrap,
    ece,
    estimate_rate,
    format_bootstrap,
    format_labels,
    format_paired,
    format_report,
    format_table,
    metrics,
    paired_bootstrap,
    predictions_json,
    rank_auc,
    read_predictions,
    report_figures,
    same_source,
    shift_prior,
)
from newsift.scoring.stage import Evidence


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


def _result(sets: dict[str, tuple[list[int], dict[str, list[float]]]]) -> EvalResult:
    result = EvalResult()
    for name, (y, preds) in sets.items():
        result.lodo[name] = {s: metrics(y, preds[s]) for s in SYSTEMS}
        result.held_out[name] = (y, preds)
    return result


def _noisy(seed: int, n: int = 200) -> tuple[list[int], list[float]]:
    rng = random.Random(seed)
    y = [i % 2 for i in range(n)]
    # Scores that separate the classes only partly, with ties (rounded to one decimal).
    return y, [round(min(max(0.5 + (0.2 if label else -0.2) + rng.gauss(0, 0.3), 0.0), 1.0), 1) for label in y]


def test_rank_auc_is_roc_auc_with_ties() -> None:
    y, p = _noisy(1)
    assert rank_auc(np.asarray(y), np.asarray(p)) == pytest.approx(roc_auc_score(y, p))


def test_bootstrap_intervals_hold_the_figure_and_repeat_with_the_seed() -> None:
    y, p = _noisy(2)
    _, q = _noisy(3)
    # "as shipped" and the baseline score the same items alike: their gap is exactly nothing.
    noisy = {"signals+text": p, "+domain": q, "as shipped": p, "tfidf": p}
    perfect = [float(label) for label in y]
    result = _result(
        {
            "a": (y, noisy),
            "b": (y, {s: perfect for s in SYSTEMS}),
            "one-class": ([1] * 50, {s: [0.7] * 50 for s in SYSTEMS}),
        }
    )
    boot = bootstrap(result, rounds=300)
    again = bootstrap(result, rounds=300)
    assert boot.to_dict() == again.to_dict()
    # A one-class set has no AUC and no gap, but its ECE counts in the per-set mean.
    assert set(boot.gap) == {"a", "b"}
    assert boot.gap["a"].low == boot.gap["a"].high == 0.0
    for s in SYSTEMS:
        low, high = boot.mean_auc[s].low, boot.mean_auc[s].high
        assert low <= result.mean_lodo_auc(s) <= high  # type: ignore[operator]
        assert boot.mean_ece[s].low <= result.mean_lodo_ece(s) <= boot.mean_ece[s].high
    # Set "b" is perfect on every draw, so only set "a" moves the mean: a real width, short of 1.
    assert 0.5 < boot.mean_auc["as shipped"].low < boot.mean_auc["as shipped"].high < 1.0
    text = format_bootstrap(boot, result)
    assert "AUC as shipped - tfidf, a" in text and "+0.000 [+0.000, +0.000]" in text


def test_the_table_gives_the_ece_mean_over_every_set_and_over_the_two_class_ones() -> None:
    y, p = _noisy(4)
    # A one-class set scored 0.7 throughout is off by 0.3 on every item: it dominates the full mean.
    result = _result({"a": (y, {s: p for s in SYSTEMS}), "one-class": ([1] * 50, {s: [0.7] * 50 for s in SYSTEMS})})
    result.grouped_cv = {s: metrics(y, p) for s in SYSTEMS}
    own = metrics(y, p).ece
    assert result.mean_two_class_ece("as shipped") == pytest.approx(own)
    assert result.mean_lodo_ece("as shipped") == pytest.approx((own + 0.3) / 2)
    table = format_table(result)
    assert "LODO mean (AUC two-class, ECE all)" in table and f"ECE {(own + 0.3) / 2:.3f}" in table
    assert "LODO mean ECE, two-class sets" in table and f"ECE {own:.3f}" in table
    assert result.to_dict()["lodo_mean_ece_two_class"]["as shipped"] == pytest.approx(own, abs=1e-4)
    # With only one-class sets held out there is no two-class mean to give.
    del result.lodo["a"]
    assert result.mean_two_class_ece("as shipped") is None and "ECE n/a" in format_table(result)


def test_a_better_system_has_a_gap_above_zero() -> None:
    y, p = _noisy(4)
    better = [0.9 if label else 0.1 for label in y]
    result = _result({"a": (y, {"signals+text": p, "+domain": p, "as shipped": better, "tfidf": p})})
    gap = bootstrap(result, rounds=200).gap["a"]
    assert gap.low > 0.1


def test_a_run_compared_with_itself_changed_nothing() -> None:
    y, p = _noisy(5)
    _, q = _noisy(6)
    run = {
        "a": (y, {s: p for s in SYSTEMS}),
        "b": (y, {s: q for s in SYSTEMS}),
        "one-class": ([1] * 40, {s: [0.6] * 40 for s in SYSTEMS}),
    }
    boot = paired_bootstrap(run, run, rounds=100)
    assert set(boot.per_set) == {"a", "b"}  # a one-class set has no AUC to compare
    for point, interval in [*boot.mean_auc.values(), *boot.per_set.values()]:
        assert point == interval.low == interval.high == 0.0
    assert "mean LODO AUC, as shipped    +0.0000 [+0.0000, +0.0000]" in format_paired(boot)


def test_a_better_second_run_shows_a_change_above_zero_on_the_evaluations_draws() -> None:
    y, p = _noisy(7)
    better = [0.9 if label else 0.1 for label in y]
    first = {"a": (y, {s: p for s in SYSTEMS})}
    second = {"a": (y, {**first["a"][1], "as shipped": better})}
    boot = paired_bootstrap(first, second, rounds=200)
    point, interval = boot.mean_auc["as shipped"]
    assert point == pytest.approx(1.0 - rank_auc(np.asarray(y), np.asarray(p)))
    assert 0.1 < interval.low <= point <= interval.high
    assert boot.mean_auc["signals+text"][0] == 0.0  # systems that did not change, did not
    # The draws are the evaluation's own: the same seed gives the same intervals as its bootstrap.
    gap = bootstrap(_result({"a": (y, {**first["a"][1], "tfidf": p, "as shipped": better})}), rounds=200).gap["a"]
    assert (gap.low, gap.high) == pytest.approx((interval.low, interval.high))


def test_a_predictions_file_that_is_none_is_refused() -> None:
    for text in ["", "[1, 2]", '{"a": 3}']:
        with pytest.raises(ValueError, match="not the held-out predictions"):
            read_predictions(text)


def test_runs_of_other_items_are_not_compared() -> None:
    y, p = _noisy(8)
    with pytest.raises(ValueError, match="same items"):
        paired_bootstrap({"a": (y, {s: p for s in SYSTEMS})}, {"a": (y[::-1], {s: p for s in SYSTEMS})})
    with pytest.raises(ValueError, match="lacks the predictions of 'as shipped'"):
        paired_bootstrap({"a": (y, {s: p for s in SYSTEMS})}, {"a": (y, {"signals+text": p, "+domain": p})})


def test_the_compare_script_reads_two_runs_and_refuses_mismatched_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import load_eval_script

    compare = load_eval_script("compare_credibility")
    y, p = _noisy(9)
    before, after, other = tmp_path / "before.json", tmp_path / "after.json", tmp_path / "other.json"
    plain = {s: p for s in SYSTEMS}
    better = {**plain, "as shipped": [0.9 if label else 0.1 for label in y]}
    for path, sets in [(before, {"a": (y, plain)}), (after, {"a": (y, better)}), (other, {"b": (y, plain)})]:
        path.write_text(predictions_json(_result(sets)), encoding="utf-8")
    assert compare.main([str(before), str(after), "--rounds", "50"]) == 0
    out = capsys.readouterr().out
    assert "mean LODO AUC, signals+text  +0.0000" in out and "AUC as shipped, a" in out
    assert compare.main([str(before), str(other), "--rounds", "50"]) == 2
    assert "same items" in capsys.readouterr().err
    with pytest.raises(SystemExit, match=r"write one with eval/credibility\.py --predictions"):
        compare.main([str(before), str(tmp_path / "missing.json")])


def test_label_counts_count_only_committed_labels() -> None:
    y = [1, 1, 0, 0, 1]
    labels = ["unreliable", "uncertain", "reliable", "unreliable", "reliable"]
    p = [0.9, 0.55, 0.1, 0.8, 0.3]
    counts = LabelCounts.of(y, labels, p)
    # Four labels given; right: the first and the third. At 0.5: items 1, 2 and 3 are right.
    assert (counts.n, counts.labelled, counts.right, counts.right_at_half) == (5, 4, 2, 3)
    assert (counts + counts).to_dict() == {"n": 10, "labelled": 8, "right": 4, "right_at_half": 6}
    result = EvalResult(labels={"a": counts})
    table = format_labels(result)
    assert "0.500" in table and "all held-out sets" in table


def test_the_label_rule_widens_its_margin_as_evidence_thins() -> None:
    full = Evidence(False, ())
    thin = Evidence(False, ("no title", "no quotes stage"))
    assert full.label(0.70) == "unreliable" and full.label(0.30) == "reliable" and full.label(0.6) == "uncertain"
    # Two gaps widen the margin to 0.35: only p > 0.85 or p < 0.15 earns a label.
    assert thin.label(0.70) == "uncertain" and thin.label(0.9) == "unreliable" and thin.label(0.1) == "reliable"
    assert Evidence(True, ()).label(0.99) == "uncertain"
    assert Evidence(False, (), too_short=True).label(0.01) == "uncertain"


def test_the_report_holds_every_section_in_order_and_its_figures() -> None:
    y, p = _noisy(5)
    result = _result({"a": (y, {s: p for s in SYSTEMS})})
    result.grouped_cv = {s: metrics(y, p) for s in SYSTEMS}
    result.label_shift = {"a": LabelShift.of(y, p, 0.5)}
    result.labels = {"a": LabelCounts.of(y, ["uncertain"] * len(y), p)}
    result.same_source = {"a": same_source(y, ["one.example"] * len(y), {s: p for s in SYSTEMS})}
    boot = bootstrap(result, rounds=50)
    text = format_report(result, boot)
    marks = ["cells:", "grouped-by-domain", "same source", "label shift", "labels (", "bootstrap over"]
    assert [text.index(m) for m in marks] == sorted(text.index(m) for m in marks)
    assert "bootstrap over" not in format_report(result)
    assert report_figures(result, boot)["bootstrap"]["rounds"] == 50
    assert "bootstrap" not in report_figures(result)
    assert report_figures(result)["labels"]["a"]["labelled"] == 0
    # One site holds every article, so the same-source AUC is the set's own.
    assert report_figures(result)["same_source"]["a"]["auc"]["tfidf"] == pytest.approx(
        rank_auc(np.array(y), np.array(p)), abs=1e-4
    )


def test_same_source_auc_orders_only_articles_of_one_site() -> None:
    # One site mostly unreliable and scored high, one mostly reliable and scored low, and inside each
    # site the order reversed: the plain AUC rewards knowing the site, the same-source one does not.
    y = [1] * 40 + [0] * 10 + [1] * 10 + [0] * 40
    sites: list[str | None] = ["a.example"] * 50 + ["b.example"] * 50
    site_only = [0.9] * 40 + [0.95] * 10 + [0.1] * 10 + [0.15] * 40
    article = [0.9] * 40 + [0.85] * 10 + [0.2] * 10 + [0.15] * 40
    # Neither an article with no known site nor a site with one class makes a pair.
    y += [1, 0, 1]
    sites += [None, None, "c.example"]
    site_only += [0.0, 1.0, 0.0]
    article += [0.0, 1.0, 0.0]
    result = same_source(y, sites, {"site only": site_only, "article": article})
    assert roc_auc_score(y, site_only) > 0.6
    assert result.sites == 2 and result.pairs == 40 * 10 + 10 * 40
    assert result.auc == {"site only": 0.0, "article": 1.0}
    assert result.enough and result.to_dict()["auc"] == {"site only": 0.0, "article": 1.0}
    # Ties count a half.
    assert same_source([1, 0], ["a", "a"], {"flat": [0.5, 0.5]}).auc == {"flat": 0.5}
    # Too few articles of a class: the pairs are counted, the figure is not given.
    few = same_source([1, 0, 0], ["a", "a", "a"], {"s": [0.9, 0.1, 0.2]})
    assert few.pairs == 2 and not few.enough and few.to_dict()["auc"] is None
