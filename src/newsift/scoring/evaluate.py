"""Source-disjoint evaluation of the credibility model beside a TF-IDF baseline.

Two protocols, both on the deduplicated, capped corpus of :mod:`.train`:

* leave one dataset out (LODO): fit on every other set, score the held-out one;
* 5-fold cross-validation grouped by source domain (no domain in two folds).

Three systems are fitted on exactly the same training rows in the same run:
``signals+text`` (the shipped model without the domain prior: signals plus
the wording model's out-of-fold score), ``+domain`` (the same with the domain
prior, for every article) and ``tfidf`` (TF-IDF word 1-2 grams + logistic
regression on title and text, the baseline the issue names).  A fourth column,
``as shipped``, is the probability the score stage reports: the prior's model
where the reputation table knows the domain, the other one where it does not
(``CredibilityModel.scorer_for``); it is no separate fit.  Metrics: ROC-AUC, F1 of the
unreliable class at p >= 0.5, and expected calibration error over 10
equal-width bins.  A one-class set has no AUC; its F1 then says how much of it
is flagged.

A diagnostic beside the table asks how much of each held-out set's ECE is its
base rate alone: the as-shipped probabilities moved to another prior by Bayes'
rule (label shift), once to the rate that EM estimates from the unlabelled
held-out scores (Saerens, Latinne and Decaestecker, 2002) and once to the
set's true rate, which no deployed model knows (an oracle, a bound).

How far the figures would move on another draw of articles from the same
sets: a bootstrap over the items of each held-out set (each class resampled
apart, so every draw keeps its AUC defined), which gives intervals for the
LODO means and for each set's AUC gap to the baseline.  It does not cover the
larger question of which collections were chosen: five sets are five draws.

A second diagnostic asks whether a score tells the articles of one site apart: the
AUC over pairs of an unreliable and a reliable article *from the same site* (sites
with both classes only; a link shortener or an archive's short address is no
site).  The domain prior is the same for both articles of a pair, so only what
the text and the signals say can order them; a score that only recognised the
kind of site would sit at 0.5 here, however high its AUC.

And the labels a reader sees: the score stage says ``uncertain`` inside a margin
around 0.5 that widens as the evidence thins, so each held-out set also gets
how many items the shipped score labels and how many of those labels are right.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..signals.reputation import names_no_publisher
from .corpus import DATASETS
from .model import at_base_rate
from .stage import assess
from .train import MIN_CLASS, TrainingSet, article_text, fit_model, training_weights

SYSTEMS = ("signals+text", "+domain", "as shipped", "tfidf")
SHIFTED = "as shipped"
ECE_BINS = 10
CV_FOLDS = 5
# A rate of exactly 0 or 1 would send every probability to that end whatever the model read.
RATE_BOUNDS = (0.01, 0.99)
EM_ITERATIONS = 200
BOOTSTRAP_ROUNDS = 1000
BOOTSTRAP_SEED = 13


def ece(y: Sequence[int], p: Sequence[float], bins: int = ECE_BINS) -> float:
    """Expected calibration error: the bin-weighted gap between mean score and observed rate."""
    import numpy as np

    if len(y) != len(p):
        raise ValueError(f"{len(y)} labels against {len(p)} scores")
    if not len(y):
        return float("nan")
    return _ece_array(np.asarray(y, dtype=float), np.asarray(p, dtype=float), bins)


def shift_prior(p: Sequence[float], trained_rate: float, new_rate: float) -> list[float]:
    """Bayes' rule for a new base rate: the odds scale by the ratio of the two priors' odds."""
    lo, hi = RATE_BOUNDS
    new_rate = min(max(new_rate, lo), hi)
    return [at_base_rate(prob, new_rate, trained_rate) for prob in p]


def estimate_rate(p: Sequence[float], trained_rate: float) -> float:
    """The base rate EM finds for unlabelled scores (Saerens et al. 2002), bounded to ``RATE_BOUNDS``."""
    lo, hi = RATE_BOUNDS
    rate = trained_rate
    for _ in range(EM_ITERATIONS):
        new = min(max(sum(shift_prior(p, trained_rate, rate)) / len(p), lo), hi)
        if abs(new - rate) < 1e-7:
            break
        rate = new
    return rate


@dataclass
class LabelShift:
    """One held-out set's ECE as scored, and after moving its prior to an estimated and to the true rate."""

    trained_rate: float
    true_rate: float
    estimated_rate: float
    ece: float
    ece_estimated: float
    f1_estimated: float
    ece_true: float

    @classmethod
    def of(cls, y: Sequence[int], p: Sequence[float], trained_rate: float) -> LabelShift:
        from sklearn.metrics import f1_score

        true_rate = sum(y) / len(y)
        estimated = estimate_rate(p, trained_rate)
        moved = shift_prior(p, trained_rate, estimated)
        f1 = float(f1_score(y, [int(v >= 0.5) for v in moved], zero_division=0.0))
        at_true = shift_prior(p, trained_rate, true_rate)
        return cls(trained_rate, true_rate, estimated, ece(y, p), ece(y, moved), f1, ece(y, at_true))

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in vars(self).items()}


@dataclass
class LabelCounts:
    """How the shipped labels fare on one held-out set: how many items get ``reliable`` or
    ``unreliable`` rather than ``uncertain``, and how many of those are right."""

    n: int
    labelled: int
    right: int
    # Right at p >= 0.5 over every item, uncertain or not: what the labels hold back from.
    right_at_half: int

    @classmethod
    def of(cls, y: Sequence[int], labels: Sequence[str], p: Sequence[float]) -> LabelCounts:
        given = [(label, truth) for label, truth in zip(labels, y, strict=True) if label != "uncertain"]
        right = sum((label == "unreliable") == bool(truth) for label, truth in given)
        at_half = sum((prob >= 0.5) == bool(truth) for prob, truth in zip(p, y, strict=True))
        return cls(len(y), len(given), right, at_half)

    def __add__(self, other: LabelCounts) -> LabelCounts:
        return LabelCounts(
            self.n + other.n,
            self.labelled + other.labelled,
            self.right + other.right,
            self.right_at_half + other.right_at_half,
        )

    def to_dict(self) -> dict[str, int]:
        return dict(vars(self))


@dataclass
class Metrics:
    n: int
    positives: int
    auc: float | None
    f1: float
    ece: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "unreliable": self.positives,
            "auc": None if self.auc is None else round(self.auc, 4),
            "f1": round(self.f1, 4),
            "ece": round(self.ece, 4),
        }


def metrics(y: Sequence[int], p: Sequence[float]) -> Metrics:
    from sklearn.metrics import f1_score, roc_auc_score

    # With a handful of items in one class an AUC is noise; such a set is scored as one-class.
    minority = min(sum(y), len(y) - sum(y))
    auc = float(roc_auc_score(y, p)) if minority >= MIN_CLASS else None
    predicted = [int(v >= 0.5) for v in p]
    f1 = float(f1_score(y, predicted, zero_division=0.0))
    return Metrics(len(y), sum(y), auc, f1, ece(y, p))


@dataclass(frozen=True)
class SameSource:
    """Pairs of an unreliable and a reliable article from the same site, and how often each system
    scores the unreliable one higher (ties count a half)."""

    sites: int
    pairs: int
    unreliable: int
    reliable: int
    auc: dict[str, float]

    @property
    def enough(self) -> bool:
        # A handful of articles on either side makes the figure noise, as for a set's own AUC.
        return min(self.unreliable, self.reliable) >= MIN_CLASS

    def to_dict(self) -> dict[str, Any]:
        return {
            "sites": self.sites,
            "pairs": self.pairs,
            "unreliable": self.unreliable,
            "reliable": self.reliable,
            "auc": {s: round(v, 4) for s, v in self.auc.items()} if self.enough else None,
        }


def same_source(y: Sequence[int], sites: Sequence[str | None], scores: Mapping[str, Sequence[float]]) -> SameSource:
    """The AUC over pairs of articles from one site (an article with no known site takes part in none)."""
    import numpy as np

    by_site: dict[str, list[int]] = {}
    for i, site in enumerate(sites):
        if site is not None:
            by_site.setdefault(site, []).append(i)
    both = [ks for ks in by_site.values() if 0 < sum(y[k] for k in ks) < len(ks)]
    pairs = sum(sum(y[k] for k in ks) * sum(1 - y[k] for k in ks) for ks in both)
    auc: dict[str, float] = {}
    for system, p in scores.items():
        good = 0.0
        for ks in both:
            neg = np.sort([p[k] for k in ks if not y[k]])
            pos = np.asarray([p[k] for k in ks if y[k]])
            below = np.searchsorted(neg, pos, side="left")
            tied = np.searchsorted(neg, pos, side="right") - below
            good += float(below.sum() + 0.5 * tied.sum())
        if pairs:
            auc[system] = good / pairs
    unreliable = sum(y[k] for ks in both for k in ks)
    return SameSource(len(both), pairs, unreliable, sum(len(ks) for ks in both) - unreliable, auc)


@dataclass
class EvalResult:
    lodo: dict[str, dict[str, Metrics]] = field(default_factory=dict)
    # Every held-out prediction of the LODO runs together: an extra figure beside the per-set
    # ones (which it does not replace), since each set's own base rate is far from the mix.
    pooled_lodo: dict[str, Metrics] = field(default_factory=dict)
    grouped_cv: dict[str, Metrics] = field(default_factory=dict)
    label_shift: dict[str, LabelShift] = field(default_factory=dict)
    # Each held-out set's true classes and every system's scores, for the bootstrap; not written out.
    held_out: dict[str, tuple[list[int], dict[str, list[float]]]] = field(default_factory=dict)
    labels: dict[str, LabelCounts] = field(default_factory=dict)
    same_source: dict[str, SameSource] = field(default_factory=dict)

    def mean_lodo_auc(self, system: str) -> float | None:
        values = [auc for m in self.lodo.values() if (auc := m[system].auc) is not None]
        return sum(values) / len(values) if values else None

    def mean_lodo_ece(self, system: str) -> float:
        """The mean of every held-out set's ECE: the figure the goal is read on."""
        values = [m[system].ece for m in self.lodo.values()]
        return sum(values) / len(values)

    def mean_two_class_ece(self, system: str) -> float | None:
        """The mean ECE of the sets the AUC mean covers, which a one-class set's distance from
        certainty cannot swamp; None when every set is one-class."""
        values = [m[system].ece for m in self.lodo.values() if m[system].auc is not None]
        return sum(values) / len(values) if values else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "lodo": {d: {s: m.to_dict() for s, m in per.items()} for d, per in self.lodo.items()},
            "lodo_mean_auc": {s: _round(self.mean_lodo_auc(s)) for s in SYSTEMS},
            "lodo_mean_ece": {s: _round(self.mean_lodo_ece(s)) for s in SYSTEMS},
            "lodo_mean_ece_two_class": {s: _round(self.mean_two_class_ece(s)) for s in SYSTEMS},
            "lodo_pooled": {s: m.to_dict() for s, m in self.pooled_lodo.items()},
            "grouped_domain_cv": {s: m.to_dict() for s, m in self.grouped_cv.items()},
            "label_shift": {d: shift.to_dict() for d, shift in self.label_shift.items()},
            "labels": {d: counts.to_dict() for d, counts in self.labels.items()},
            "same_source": {d: pairs.to_dict() for d, pairs in self.same_source.items()},
        }


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def to_dict(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


@dataclass
class Bootstrap:
    """95 % intervals from resampling the items of each held-out set (see the module's docstring)."""

    rounds: int
    seed: int
    mean_auc: dict[str, Interval]
    mean_ece: dict[str, Interval]
    # Per two-class set: the AUC of ``compared[0]`` minus that of ``compared[1]``, on the same draws.
    gap: dict[str, Interval]
    compared: tuple[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rounds": self.rounds,
            "seed": self.seed,
            "lodo_mean_auc": {s: i.to_dict() for s, i in self.mean_auc.items()},
            "lodo_mean_ece": {s: i.to_dict() for s, i in self.mean_ece.items()},
            "auc_gap": {"systems": list(self.compared), **{d: i.to_dict() for d, i in self.gap.items()}},
        }


def rank_auc(y: Any, p: Any) -> float:
    """ROC-AUC as the Mann-Whitney statistic (ties count half), as ``roc_auc_score`` gives it."""
    import numpy as np

    positives = int(y.sum())
    negatives = len(y) - positives
    # Average ranks, 1-based: tied scores share the middle of the ranks they span.
    _, inverse, counts = np.unique(p, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2.0)[inverse]
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def _ece_array(y: Any, p: Any, bins: int = ECE_BINS) -> float:
    """:func:`ece` on numpy arrays, which the bootstrap calls thousands of times."""
    import numpy as np

    which = np.minimum((p * bins).astype(int), bins - 1)
    count = np.bincount(which, minlength=bins)
    gap = np.abs(np.bincount(which, weights=p, minlength=bins) - np.bincount(which, weights=y, minlength=bins))
    return float(gap[count > 0].sum() / len(y))


HeldOut = dict[str, tuple[list[int], dict[str, list[float]]]]


def _draws(held_out: HeldOut, rounds: int, seed: int) -> Iterator[tuple[int, str, Any, Any, bool]]:
    """(round, set, its items as drawn, their classes, whether the set has both classes), each set
    resampled each round, each class apart and with replacement: every bootstrap here draws alike."""
    import numpy as np

    rng = np.random.default_rng(seed)
    sets = []
    for name, (truth, _) in held_out.items():
        y = np.asarray(truth, dtype=int)
        sets.append((name, y, np.flatnonzero(y == 1), np.flatnonzero(y == 0), _two_class(y)))
    for r in range(rounds):
        for name, y, pos, neg, two_class in sets:
            idx = np.concatenate(
                [rng.choice(pos, len(pos)) if len(pos) else pos, rng.choice(neg, len(neg)) if len(neg) else neg]
            )
            yield r, name, idx, y[idx], two_class


def _two_class(y: Any) -> bool:
    """Whether a held-out set has enough of each class for an AUC (the evaluation's own rule)."""
    return min(int(y.sum()), len(y) - int(y.sum())) >= MIN_CLASS


def _interval(values: Any) -> Interval:
    import numpy as np

    low, high = np.percentile(values, [2.5, 97.5])
    return Interval(float(low), float(high))


def bootstrap(
    result: EvalResult,
    rounds: int = BOOTSTRAP_ROUNDS,
    seed: int = BOOTSTRAP_SEED,
    compared: tuple[str, str] = (SHIFTED, "tfidf"),
) -> Bootstrap:
    """Resample each held-out set's items (each class apart, with replacement) ``rounds`` times and
    recompute the LODO means and the AUC gap between two systems on every draw."""
    import numpy as np

    scores_of = {
        name: {s: np.asarray(preds[s], dtype=float) for s in SYSTEMS} for name, (_, preds) in result.held_out.items()
    }
    # Per system, per round: the two-class sets' AUCs and every set's ECE.
    aucs: dict[str, list[list[float]]] = {s: [[] for _ in range(rounds)] for s in SYSTEMS}
    eces = {s: np.zeros(rounds) for s in SYSTEMS}
    gaps: dict[str, Any] = {}
    for r, name, idx, drawn, two_class in _draws(result.held_out, rounds, seed):
        auc_of: dict[str, float] = {}
        for s in SYSTEMS:
            p = scores_of[name][s][idx]
            eces[s][r] += _ece_array(drawn, p) / len(scores_of)
            if two_class:
                auc_of[s] = rank_auc(drawn, p)
                aucs[s][r].append(auc_of[s])
        if two_class:
            gaps.setdefault(name, np.zeros(rounds))[r] = auc_of[compared[0]] - auc_of[compared[1]]
    return Bootstrap(
        rounds,
        seed,
        {s: _interval([float(np.mean(a)) for a in aucs[s]]) for s in SYSTEMS if gaps},
        {s: _interval(eces[s]) for s in SYSTEMS},
        {name: _interval(values) for name, values in gaps.items()},
        compared,
    )


def predictions_json(result: EvalResult) -> str:
    """Every held-out item's class and every system's probability, per set: numbers only, no text.
    Two runs' files are what :func:`paired_bootstrap` compares (``eval/compare_credibility.py``)."""
    import json

    return json.dumps({name: [truth, preds] for name, (truth, preds) in result.held_out.items()})


def read_predictions(text: str) -> HeldOut:
    """The held-out predictions :func:`predictions_json` wrote; ValueError when ``text`` is none."""
    import json

    try:
        data = json.loads(text)
        return {str(name): ([int(v) for v in truth], dict(preds)) for name, (truth, preds) in data.items()}
    except (ValueError, TypeError, AttributeError) as exc:
        raise ValueError(f"not the held-out predictions of an evaluation run ({exc})") from exc


@dataclass
class PairedBootstrap:
    """How far two runs of the evaluation differ, on the same draws of the same held-out items."""

    rounds: int
    seed: int
    # Per system: the mean LODO AUC of the second run minus the first's, its point and its interval.
    mean_auc: dict[str, tuple[float, Interval]]
    # Per two-class set, as shipped: the same for the set's own AUC.
    per_set: dict[str, tuple[float, Interval]]


def paired_bootstrap(
    first: HeldOut, second: HeldOut, rounds: int = BOOTSTRAP_ROUNDS, seed: int = BOOTSTRAP_SEED
) -> PairedBootstrap:
    """The AUC changes from ``first`` to ``second`` (two runs' held-out predictions of the same
    items), with 95 % intervals from the evaluation's own draws (:func:`bootstrap`'s)."""
    import numpy as np

    if set(first) != set(second) or any(first[n][0] != second[n][0] for n in first):
        raise ValueError("the two runs did not hold out the same items with the same classes")
    systems = [s for s in SYSTEMS if s != "tfidf"]
    for name in first:
        missing = [s for s in systems for run in (first, second) if s not in run[name][1]]
        if missing:
            raise ValueError(f"held-out set {name!r} lacks the predictions of {missing[0]!r}")
    two_class = [n for n, (truth, _) in first.items() if _two_class(np.asarray(truth, dtype=int))]
    change = {n: {s: (np.asarray(first[n][1][s]), np.asarray(second[n][1][s])) for s in systems} for n in two_class}
    if not two_class:
        raise ValueError("no held-out set has both classes: there is no AUC to compare")

    def diff(name: str, s: str, idx: Any, y: Any) -> float:
        a, b = change[name][s]
        return rank_auc(y, b[idx]) - rank_auc(y, a[idx])

    means = {s: np.zeros(rounds) for s in systems}
    per_set = {n: np.zeros(rounds) for n in two_class}
    for r, name, idx, drawn, has_both in _draws(first, rounds, seed):
        if has_both:
            for s in systems:
                d = diff(name, s, idx, drawn)
                means[s][r] += d / len(two_class)
                if s == SHIFTED:
                    per_set[name][r] = d
    everything = {n: np.arange(len(first[n][0])) for n in two_class}
    truths = {n: np.asarray(first[n][0], dtype=int) for n in two_class}
    return PairedBootstrap(
        rounds,
        seed,
        {
            s: (float(np.mean([diff(n, s, everything[n], truths[n]) for n in two_class])), _interval(means[s]))
            for s in systems
        },
        {n: (diff(n, SHIFTED, everything[n], truths[n]), _interval(per_set[n])) for n in two_class},
    )


def format_paired(boot: PairedBootstrap) -> str:
    lines = [f"paired bootstrap ({boot.rounds:,} draws, seed {boot.seed}; 95 % intervals): second run - first"]
    for s, (point, i) in boot.mean_auc.items():
        lines.append(f"  mean LODO AUC, {s:<14}{point:+.4f} [{i.low:+.4f}, {i.high:+.4f}]")
    for name, (point, i) in boot.per_set.items():
        lines.append(f"  AUC {SHIFTED}, {name:<28}{point:+.4f} [{i.low:+.4f}, {i.high:+.4f}]")
    return "\n".join(lines)


def format_bootstrap(boot: Bootstrap, result: EvalResult) -> str:
    """The intervals under the table: the LODO means, then each set's AUC gap to the baseline."""
    lines = [
        f"bootstrap over the items of each held-out set ({boot.rounds:,} draws, seed {boot.seed}; 95 % intervals;",
        "it does not cover which collections were chosen)",
    ]
    for s in SYSTEMS:
        auc = result.mean_lodo_auc(s)
        parts = []
        if auc is not None and s in boot.mean_auc:
            i = boot.mean_auc[s]
            parts.append(f"mean AUC {auc:.3f} [{i.low:.3f}, {i.high:.3f}]")
        e = boot.mean_ece[s]
        parts.append(f"per-set ECE mean {result.mean_lodo_ece(s):.3f} [{e.low:.3f}, {e.high:.3f}]")
        lines.append(f"  {s:<14}" + "   ".join(parts))
    first, second = boot.compared
    for name, i in boot.gap.items():
        m = result.lodo[name]
        point = (m[first].auc or 0.0) - (m[second].auc or 0.0)
        lines.append(f"  AUC {first} - {second}, {name:<28}{point:+.3f} [{i.low:+.3f}, {i.high:+.3f}]")
    return "\n".join(lines)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _texts(data: TrainingSet, index: Sequence[int]) -> list[str]:
    return [f"{data.articles[i].title or ''}\n{data.articles[i].text}" for i in index]


def _baseline(data: TrainingSet, train_idx: Sequence[int], test_idx: Sequence[int]) -> list[float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
    x_train = vectorizer.fit_transform(_texts(data, train_idx))
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(x_train, [data.articles[i].label for i in train_idx])
    return [float(p) for p in model.predict_proba(vectorizer.transform(_texts(data, test_idx)))[:, 1]]


def _predict(
    data: TrainingSet, train_idx: Sequence[int], test_idx: Sequence[int]
) -> tuple[dict[str, list[float]], list[str]]:
    """Every system's probabilities for the test rows, and the labels the score stage would give
    the shipped ones (its own rule: :meth:`~newsift.scoring.stage.Evidence.label`)."""
    model = fit_model(data, train_idx)
    out: dict[str, list[float]] = {"signals+text": [], "+domain": [], "as shipped": []}
    labels: list[str] = []
    for i in test_idx:
        article = data.articles[i]
        signals = data.signals[article.key]
        text = article_text(article)
        reading, style = model.read_text(text)
        wording = reading.decision
        plain, full = model.without_domain, model.with_domain
        p_plain = plain.probability(plain.vector(signals, wording, style))
        p_full = full.probability(full.vector(signals, wording, style))
        shipped = p_plain if model.scorer_for(signals) is plain else p_full
        out["signals+text"].append(p_plain)
        out["+domain"].append(p_full)
        out["as shipped"].append(shipped)
        labels.append(assess(signals, article.text).label(shipped))
    out["tfidf"] = _baseline(data, train_idx, test_idx)
    return out, labels


def _publisher(site: str | None) -> str | None:
    """The site as a publisher, or None: an archive's short address or a general shortener groups
    pages of many publishers (misinfotext has 38 items on archive.is)."""
    return None if site is None or names_no_publisher(site) else site


def trained_rate(data: TrainingSet, index: Sequence[int]) -> float:
    """The unreliable share the fit saw (``training_weights``; one half whenever both classes train)."""
    weights = training_weights([data.articles[i].dataset for i in index], [data.articles[i].label for i in index])
    return sum(w * data.articles[i].label for w, i in zip(weights, index, strict=True)) / sum(weights)


def evaluate(data: TrainingSet, datasets: Sequence[str] = DATASETS) -> EvalResult:
    from sklearn.model_selection import GroupKFold

    result = EvalResult()
    present = [d for d in datasets if any(a.dataset == d for a in data.articles)]
    held_y: list[int] = []
    held_p: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    for held_out in present:
        test_idx = [i for i, a in enumerate(data.articles) if a.dataset == held_out]
        train_idx = [i for i, a in enumerate(data.articles) if a.dataset != held_out]
        y = [data.articles[i].label for i in test_idx]
        preds, given = _predict(data, train_idx, test_idx)
        result.lodo[held_out] = {s: metrics(y, preds[s]) for s in SYSTEMS}
        result.labels[held_out] = LabelCounts.of(y, given, preds[SHIFTED])
        result.label_shift[held_out] = LabelShift.of(y, preds[SHIFTED], trained_rate(data, train_idx))
        result.held_out[held_out] = (y, preds)
        result.same_source[held_out] = same_source(y, [_publisher(data.articles[i].site) for i in test_idx], preds)
        held_y.extend(y)
        for s in SYSTEMS:
            held_p[s].extend(preds[s])
    if held_y:
        result.pooled_lodo = {s: metrics(held_y, held_p[s]) for s in SYSTEMS}

    pooled: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    pooled_y: list[int] = []
    groups = [a.group for a in data.articles]
    labels = [a.label for a in data.articles]
    for train_idx, test_idx in GroupKFold(n_splits=CV_FOLDS).split(labels, labels, groups=groups):
        preds, _ = _predict(data, list(train_idx), list(test_idx))
        pooled_y.extend(labels[i] for i in test_idx)
        for s in SYSTEMS:
            pooled[s].extend(preds[s])
    result.grouped_cv = {s: metrics(pooled_y, pooled[s]) for s in SYSTEMS}
    return result


def format_table(result: EvalResult) -> str:
    header = f"{'held-out set':<28}{'n':>5}{'unrel':>6}  " + "  ".join(f"{s + ' AUC/F1/ECE':>26}" for s in SYSTEMS)
    lines = [header, "-" * len(header)]

    def cell(m: Metrics) -> str:
        auc = "  n/a" if m.auc is None else f"{m.auc:.3f}"
        return f"{auc} / {m.f1:.3f} / {m.ece:.3f}".rjust(26)

    for name, per in result.lodo.items():
        first = per[SYSTEMS[0]]
        lines.append(f"{name:<28}{first.n:>5}{first.positives:>6}  " + "  ".join(cell(per[s]) for s in SYSTEMS))
    lines.append("-" * len(header))
    means = []
    for s in SYSTEMS:
        auc = result.mean_lodo_auc(s)
        means.append(f"{'  n/a' if auc is None else f'{auc:.3f}'} / ECE {result.mean_lodo_ece(s):.3f}".rjust(26))
    lines.append(f"{'LODO mean (AUC two-class, ECE all)':<39}  " + "  ".join(means))
    two_class = [
        f"ECE {'n/a' if (e := result.mean_two_class_ece(s)) is None else f'{e:.3f}'}".rjust(26) for s in SYSTEMS
    ]
    lines.append(f"{'LODO mean ECE, two-class sets':<39}  " + "  ".join(two_class))
    if result.pooled_lodo:
        pooled = result.pooled_lodo[SYSTEMS[0]]
        lines.append(
            f"{'LODO pooled (all held-out)':<28}{pooled.n:>5}{pooled.positives:>6}  "
            + "  ".join(cell(result.pooled_lodo[s]) for s in SYSTEMS)
        )
    cv = result.grouped_cv
    any_cv = cv[SYSTEMS[0]]
    lines.append(
        f"{'grouped-by-domain 5-fold CV':<28}{any_cv.n:>5}{any_cv.positives:>6}  "
        + "  ".join(cell(cv[s]) for s in SYSTEMS)
    )
    return "\n".join(lines)


def format_same_source(result: EvalResult) -> str:
    """Each held-out set's AUC over pairs of articles from the same site."""
    header = f"{'held-out set':<28}{'sites':>6}{'pairs':>9}  " + "".join(f"{s:>14}" for s in SYSTEMS)
    lines = [
        "same source (a diagnostic): the AUC over pairs of an unreliable and a reliable article from",
        "the same site, in the sites that have both; the domain prior is the same for both articles of",
        f"a pair, so only the text and the signals can order them (n/a: fewer than {MIN_CLASS} articles of a class)",
        header,
        "-" * len(header),
    ]
    for name, pairs in result.same_source.items():
        if not pairs.sites:
            continue
        cells = "".join(
            f"{pairs.auc[s]:>14.3f}" if pairs.enough and s in pairs.auc else f"{'n/a':>14}" for s in SYSTEMS
        )
        lines.append(f"{name:<28}{pairs.sites:>6}{pairs.pairs:>9}  {cells}")
    return "\n".join(lines)


def format_labels(result: EvalResult) -> str:
    """The shipped labels per held-out set: how many are given, and how many of those are right."""
    header = (
        f"{'held-out set (' + SHIFTED + ')':<36}{'n':>6}{'labelled':>10}{'share':>8}{'right':>8}"
        f"{'accuracy':>10}{'at 0.5':>8}"
    )
    lines = [
        "labels (a reader sees reliable / unreliable / uncertain; uncertain inside a margin around 0.5",
        "that widens as the evidence thins): how many items are labelled, how many of those labels are",
        "right, and the accuracy at p >= 0.5 over every item for comparison",
        header,
        "-" * len(header),
    ]

    def row(name: str, c: LabelCounts) -> str:
        share = c.labelled / c.n if c.n else 0.0
        accuracy = f"{c.right / c.labelled:.3f}" if c.labelled else "n/a"
        at_half = c.right_at_half / c.n if c.n else 0.0
        return f"{name:<36}{c.n:>6}{c.labelled:>10}{share:>8.3f}{c.right:>8}{accuracy:>10}{at_half:>8.3f}"

    for name, counts in result.labels.items():
        lines.append(row(name, counts))
    if result.labels:
        lines.append("-" * len(header))
        lines.append(row("all held-out sets", sum(result.labels.values(), LabelCounts(0, 0, 0, 0))))
    return "\n".join(lines)


CELLS = "cells: ROC-AUC / F1 (unreliable, p>=0.5) / ECE (10 bins); n/a = one-class set"


def format_report(result: EvalResult, boot: Bootstrap | None = None) -> str:
    """Everything the evaluation prints, in order: the table, the same-source and label-shift
    diagnostics, the labels and, when drawn, the bootstrap intervals (one text for the script and
    the CLI alike)."""
    parts = [
        f"{CELLS}\n\n{format_table(result)}",
        format_same_source(result),
        format_label_shift(result),
        format_labels(result),
    ]
    if boot is not None:
        parts.append(format_bootstrap(boot, result))
    return "\n\n".join(parts)


def report_figures(result: EvalResult, boot: Bootstrap | None = None) -> dict[str, Any]:
    """The figures of :func:`format_report` as numbers, for ``--json``."""
    figures = result.to_dict()
    if boot is not None:
        figures["bootstrap"] = boot.to_dict()
    return figures


def format_label_shift(result: EvalResult) -> str:
    """The diagnostic table: how much of each held-out set's ECE its base rate alone explains."""
    header = (
        f"{'held-out set (' + SHIFTED + ')':<36}{'trained':>8}{'true':>7}{'EM':>7}"
        f"{'ECE':>8}{'ECE@EM':>8}{'F1@EM':>7}{'ECE@true':>10}"
    )
    lines = [
        "label shift (a diagnostic, not the shipped score): the held-out probabilities moved by Bayes' rule",
        "from the trained base rate to the one EM estimates from the unlabelled held-out scores,",
        "and to the set's true one (an oracle: a bound on what any base-rate correction could do)",
        header,
        "-" * len(header),
    ]
    for name, s in result.label_shift.items():
        lines.append(
            f"{name:<36}{s.trained_rate:>8.3f}{s.true_rate:>7.3f}{s.estimated_rate:>7.3f}"
            f"{s.ece:>8.3f}{s.ece_estimated:>8.3f}{s.f1_estimated:>7.3f}{s.ece_true:>10.3f}"
        )
    if result.label_shift:
        shifts = list(result.label_shift.values())
        n = len(shifts)
        lines.append("-" * len(header))
        lines.append(
            f"{'mean':<58}{sum(s.ece for s in shifts) / n:>8.3f}{sum(s.ece_estimated for s in shifts) / n:>8.3f}"
            f"{'':>7}{sum(s.ece_true for s in shifts) / n:>10.3f}"
        )
    return "\n".join(lines)
