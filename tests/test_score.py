"""The score stage: the shipped model loads, wire copy reads reliable, junk reads unreliable with
reasons, thin or odd input is uncertain or explained, never a crash."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import math
import random
from importlib import resources
from pathlib import Path

import pytest

from newsift.config import Config
from newsift.errors import ModelUnavailableError
from newsift.pipeline import Analyzer
from newsift.report import Article, Report, Signal, json_schema
from newsift.scoring.features import feature_names, vectorise
from newsift.scoring.model import CredibilityModel
from newsift.scoring.stage import ScoreStage, assess
from newsift.scoring.stylometry import shapes, style_terms
from newsift.scoring.text import TOKEN, TOLD_ANALYZERS, TextModel, fit_text_model, narration, term_spans

WIRE_TITLE = "Water board approves 310 million euro plan to replace ageing pipes"
WIRE = (
    "ROTTERDAM, March 3 - The regional water board approved a plan on Monday to replace 120 kilometres "
    "of ageing pipes over the next six years, according to documents published after the meeting.\n\n"
    '"The network loses almost a fifth of its water before it reaches a tap," said Maria Okafor, the '
    "board's chief engineer, at a news conference.\n\n"
    "The work will cost an estimated 310 million euros and will be paid for partly by a rise in water "
    "charges of about four percent a year, the board said in a statement.\n\n"
    "Jan de Vries, who chairs the province's finance committee, said the increase was in line with "
    'what neighbouring boards had approved. "We asked for a detailed schedule, and we received one," '
    "he said.\n\n"
    "The national consumer association said it would study the figures before commenting. A "
    "spokeswoman, Lotte Bakker, said the group had asked the board to publish annual progress "
    "reports.\n\n"
    "The board expects the first contracts to be awarded in September, its director, Pieter Smit, "
    "told reporters. Work on the oldest section, built in 1962, is due to start next year."
)
JUNK_TITLE = "You Won't Believe What They Are Putting In Your Water!!!"
JUNK = (
    "This is the most SHOCKING thing you will read all year!!! They are putting something in your water "
    "and they do not want you to know about it. Wake up people!!!\n\n"
    "Everyone knows the truth now. The water people are lying to you and your family every single day. "
    "It is absolutely disgusting and totally insane. Share this before they delete it!!!\n\n"
    "We have seen the evidence and it is unbelievable. You need to stop drinking tap water NOW. This is "
    "the biggest cover-up in history and nobody is talking about it!!!\n\n"
    "Leave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *\n\n"
    "You May Also Like\n\n"
    "You Won't Believe What This Mayor Just Did To Every Driver In Town\n\n"
    "10 Shocking Secrets Doctors Don't Want You To Know About Tap Water\n\n"
    "This Is Why Nobody Trusts The Water Board Anymore\n\n"
    "WOW: What This Family Found In Their Kitchen Will Leave You Speechless\n"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Config())


def analyze(analyzer: Analyzer, text: str, title: str | None = None, url: str | None = None) -> Report:
    return analyzer.analyze_article(Article(id="t", text=text, title=title, url=url))


def test_shipped_model_loads_and_matches_the_features_this_version_computes() -> None:
    model = CredibilityModel.load()
    assert model.without_domain.names == feature_names(with_domain=False)
    assert model.with_domain.names == feature_names(with_domain=True)
    assert model.metadata["seed"] == 13
    assert "dedup" in model.metadata


def test_a_score_names_the_model_file_that_gave_it(analyzer: Analyzer) -> None:
    # A saved report must lead back to the exact file and its card: the digest is sha256sum's.
    shipped = resources.files("newsift").joinpath("models", "credibility", "model.json").read_bytes()
    meta = CredibilityModel.load().metadata
    report = analyze(analyzer, WIRE, title=WIRE_TITLE)
    assert report.score.unreliable_probability is not None
    assert report.score.model == (
        f"credibility model (sha256 {hashlib.sha256(shipped).hexdigest()[:12]}, "
        f"trained {meta['trained']}, on {meta['signals_cache_version']})"
    )
    again = Report.from_dict(json.loads(report.to_json()))
    assert again.score.model == report.score.model


def test_a_model_built_in_memory_claims_no_file() -> None:
    model = CredibilityModel.from_dict(CredibilityModel.load().to_dict())
    assert model.sha256 == ""
    assert "sha256" not in model.identity()
    assert dataclasses.replace(model, metadata={}).identity() == "credibility model"


def test_a_model_file_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(ModelUnavailableError, match="not UTF-8"):
        CredibilityModel.load(bad)


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    model = CredibilityModel.load()
    path = model.save(tmp_path)
    again = CredibilityModel.load(path)
    x = [0.5] * len(model.without_domain.names)
    assert again.without_domain.probability(x) == pytest.approx(model.without_domain.probability(x), abs=1e-5)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format="something.else"),
        lambda d: d.update(format_version=99),
        lambda d: d["without_domain"]["features"].reverse(),
        lambda d: d["with_domain"].update(coef=[1.0]),
        lambda d: d["without_domain"]["calibration"].pop("a"),
        lambda d: d.pop("style"),
        lambda d: d.update(style=d["text"]),
        lambda d: d["text"].pop("reads"),
        lambda d: d["style"].update(reads="the whole text"),
    ],
)
def test_a_malformed_model_file_is_refused_with_a_retrain_hint(tmp_path: Path, mutate: object) -> None:
    data = CredibilityModel.load().to_dict()
    mutate(data)  # type: ignore[operator]
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="retrain"):
        CredibilityModel.load(bad)


def test_missing_model_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="could not be read"):
        CredibilityModel.load(tmp_path / "nope.json")


def test_a_file_without_a_calibration_method_reads_as_platt(tmp_path: Path) -> None:
    data = CredibilityModel.load().to_dict()
    data["with_domain"]["calibration"].pop("method")
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    again = CredibilityModel.load(bad)
    assert again.with_domain.calibration == "platt"
    assert again.without_domain.calibration == CredibilityModel.load().without_domain.calibration


def _synthetic_sets(rates: dict[str, float], n: int = 80) -> tuple[list[list[float]], list[int], list[str]]:
    import random

    rng = random.Random(3)
    width = len(feature_names(with_domain=False))
    xs, ys, sets = [], [], []
    for name, rate in rates.items():
        for _ in range(n):
            label = int(rng.random() < rate)
            row = [float("nan")] * width
            row[0] = label + rng.gauss(0.0, 0.8)  # one feature that tells the classes apart in every set
            row[1] = rng.gauss(0.0, 1.0)  # one that tells nothing
            xs.append(row)
            ys.append(label)
            sets.append(name)
    return xs, ys, sets


def test_calibration_is_a_temperature_fitted_on_held_out_datasets() -> None:
    pytest.importorskip("sklearn")
    from newsift.scoring.train import dataset_weights, fit_scorer

    xs, ys, sets = _synthetic_sets({"a": 0.3, "b": 0.5, "c": 0.7})
    groups = [f"{s}-{i % 6}" for i, s in enumerate(sets)]
    scorer = fit_scorer(xs, ys, groups, dataset_weights(sets), sets, with_domain=False)
    assert scorer.calibration == "temperature" and scorer.platt_b_ == 0.0
    assert scorer.platt_a_ > 0.0 and scorer.coef_[0] > 0.0
    low, high = list(xs[0]), list(xs[0])
    low[0], high[0] = -1.0, 2.0
    assert scorer.probability(low) < 0.5 < scorer.probability(high)
    # One dataset only: the held-out folds fall back to source domains, and it still fits.
    one = fit_scorer(xs, ys, groups, [1.0] * len(ys), ["a"] * len(ys), with_domain=False)
    assert one.platt_b_ == 0.0 and one.platt_a_ > 0.0


def test_training_weights_give_each_set_the_same_total_and_each_class_half() -> None:
    from newsift.scoring.train import class_balanced, training_weights

    sets = ["a"] * 6 + ["b"] * 2
    labels = [0, 0, 0, 0, 0, 1, 0, 1]
    weights = training_weights(sets, labels)
    assert sum(weights) == pytest.approx(len(sets))
    assert sum(w for w, y in zip(weights, labels, strict=True) if y) == pytest.approx(len(sets) / 2)
    # Inside a set, articles of one class weigh the same.
    assert weights[0] == pytest.approx(weights[4]) and weights[6] != pytest.approx(weights[0])
    # One class only: nothing to balance, the weights stay as they are.
    assert class_balanced([1.0, 3.0], [1, 1]) == [1.0, 3.0]


def test_the_fit_assumes_no_base_rate_whatever_mix_it_trains_on() -> None:
    # Sets that are mostly reliable: a fit that learns their mix would call the midpoint between
    # the classes reliable, and so score every unseen collection towards that mix.
    pytest.importorskip("sklearn")
    from newsift.scoring.train import dataset_weights, fit_scorer, training_weights

    xs, ys, sets = _synthetic_sets({"a": 0.15, "b": 0.2, "c": 0.25}, n=200)
    groups = [f"{s}-{i % 6}" for i, s in enumerate(sets)]
    midpoint = [float("nan")] * len(xs[0])
    midpoint[0], midpoint[1] = 0.5, 0.0
    balanced = fit_scorer(xs, ys, groups, training_weights(sets, ys), sets, with_domain=False)
    assert balanced.probability(midpoint) == pytest.approx(0.5, abs=0.05)
    as_collected = fit_scorer(xs, ys, groups, dataset_weights(sets), sets, with_domain=False)
    assert as_collected.probability(midpoint) < 0.35


def test_page_furniture_is_never_weighed_even_when_it_separates_the_training_sets() -> None:
    # One site's template (an ad marker on every reliable item of every set) must not become a
    # learned "reliable" signal: it would score the site, not the article.
    pytest.importorskip("sklearn")
    from newsift.scoring.train import dataset_weights, fit_scorer

    xs, ys, sets = _synthetic_sets({"a": 0.3, "b": 0.5, "c": 0.7})
    ads = feature_names(with_domain=False).index("furniture.ads")
    for row, label in zip(xs, ys, strict=True):
        row[ads] = 0.0 if label else 2.0
    groups = [f"{s}-{i % 6}" for i, s in enumerate(sets)]
    scorer = fit_scorer(xs, ys, groups, dataset_weights(sets), sets, with_domain=False)
    assert scorer.coef_[ads] == 0.0
    assert scorer.coef_[0] > 0.0  # the feature that is about the article still counts


def test_unknown_signals_are_nan_and_count_for_nothing() -> None:
    model = CredibilityModel.load()
    scorer = model.without_domain
    names = feature_names(with_domain=False)
    x = vectorise({}, with_domain=False)
    assert len(x) == len(names) and all(v != v for v in x)
    assert all(c == 0.0 for c in scorer.contributions(x))
    known = vectorise({"clickbait.page": Signal(0.9)}, with_domain=False, wording=0.3, style=-0.2)
    assert known[names.index("clickbait.page")] == pytest.approx(0.9)
    assert known[names.index("text.wording")] == pytest.approx(0.3)
    assert known[names.index("text.style")] == pytest.approx(-0.2)


@pytest.mark.parametrize(
    ("rating", "quality", "expected"),
    [("reliable", 0.83, 0.83), ("unreliable", 0.0, 0.0), ("mixed", None, None), ("unknown", 0.7, None)],
)
def test_the_raters_quality_number_is_a_feature_of_the_prior_only(
    rating: str, quality: float | None, expected: float | None
) -> None:
    signals = {"source.reputation": Signal(rating, [], {"quality": quality})}
    names = feature_names(with_domain=True)
    value = vectorise(signals, with_domain=True)[names.index("source.quality")]
    if expected is None:
        assert value != value  # no number, or a domain no list rates: unknown, the training mean
    else:
        assert value == pytest.approx(expected)
    assert "source.quality" not in feature_names(with_domain=False)


@pytest.mark.parametrize(("rating", "quality", "side"), [("reliable", 0.97, "above"), ("unreliable", 0.0, "below")])
def test_a_quality_reason_names_the_number_and_its_side(rating: str, quality: float, side: str) -> None:
    model = CredibilityModel.load()
    prior = model.with_domain
    q = prior.names.index("source.quality")
    # Only the quality weighs here, so the reason it gives is the one to read.
    coef = [0.0] * len(prior.names)
    coef[q] = -1.0
    only_quality = dataclasses.replace(prior, coef_=coef, intercept_=0.0)
    stage = ScoreStage(model=dataclasses.replace(model, with_domain=only_quality))
    signals = {"source.reputation": Signal(rating, [], {"quality": quality})}
    score = stage.score(signals, f"{WIRE_TITLE}\n{WIRE}", WIRE)
    # A quality of 0 is a finding, not an absent flag: it must still be given as a reason.
    reason = next(r for r in score.reasons if r.signal == "source.reputation")
    assert f"quality {side} the training average" in reason.text and f"{quality:.2f} of 1" in reason.text
    assert (reason.contribution < 0) is (side == "above")


def test_style_text_keeps_function_words_and_punctuation_and_hides_the_topic() -> None:
    assert shapes("The Mayor said 12 NEW pipes were laid, but why?") == [
        "the", "C", "w", "#", "U", "w", "were", "w", ",", "but", "why", "?",
    ]  # fmt: skip
    # Two stories on different topics written the same way read the same to the style model.
    syria = "Officials in Aleppo said the convoy was attacked on Monday, according to the ministry."
    water = "Engineers in Utrecht said the pipeline was repaired on Friday, according to the board."
    assert style_terms(syria) == style_terms(water)
    assert "w to the" in style_terms(syria) and ", w to" in style_terms(syria)


def test_word_scan_finds_exactly_the_tokens_of_the_pattern_model_files_name() -> None:
    # Scoring finds words with a faster pattern than the one a model file records; they must agree.
    from newsift.scoring.text import _SCAN, TOKEN

    texts = [
        "a I x2 _ __ a_b 3.5% co-op can't e-mail U.S. 42nd",
        "straße İstanbul naïve cafe\u0301 x\u0301y ²2 ½a",
        "日本語 テキスト, مرحبا بالعالم; «quoted» — it's",
        "",
        " ",
        "end.",
    ]
    for text in texts:
        assert _SCAN.findall(text) == TOKEN.findall(text), text
        assert _SCAN.findall(text.lower()) == TOKEN.findall(text.lower()), text


@pytest.mark.parametrize("analyzer", ["words", "style"])
def test_wording_models_score_exactly_as_scikit_learn_does(analyzer: str) -> None:
    # Scoring keeps no scikit-learn object: it recomputes TF-IDF and the dot product itself,
    # and counts the style n-grams as strings of one character per shape. Both must give
    # scikit-learn's own number.
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsift.scoring.text import ANALYZERS, MIN_DF

    texts = [WIRE, JUNK, WIRE.replace("board", "council"), JUNK.replace("water", "milk"), WIRE[:400], JUNK[:300]]
    model = fit_text_model(texts, [0, 1, 0, 1, 0, 1], [1.0] * 6, analyzer)
    vectorizer = TfidfVectorizer(
        analyzer=ANALYZERS[analyzer], lowercase=False, min_df=MIN_DF, sublinear_tf=True, vocabulary=sorted(model.terms)
    ).fit(texts)
    coef = [model.terms[t][1] for t in vectorizer.get_feature_names_out()]
    unseen = [
        "The council said on Wednesday that the scheme would cost 7 million, the council said.",
        "You WON'T believe it!!! They are LYING to you, and the water proves it!!! Share NOW!",
    ]
    for text in [*unseen, *unseen]:  # twice: what a model remembers between texts changes nothing
        expected = model.intercept_ + float(vectorizer.transform([text]).toarray()[0] @ coef)
        assert model.decision(text) == pytest.approx(expected, abs=1e-9)
        assert model.read(text).decision == pytest.approx(expected, abs=1e-9)
    assert model.decision("") is None


def test_style_model_forgets_shaped_tokens_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsift.scoring.text as text_module
    from newsift.scoring.stylometry import TOKEN

    model = TextModel({"the": (1.0, 0.5), "w w": (1.0, -0.5)}, 0.0, "style")
    monkeypatch.setattr(text_module, "SHAPE_MEMO_LIMIT", 5)
    model.decision(WIRE)
    assert model._shapes is not None
    remembered = dict(model._shapes.memo)
    assert len(remembered) > 5
    short = "the board said it would"
    expected = model.decision(short)
    assert set(model._shapes.memo) == set(TOKEN.findall(short))  # started afresh before this text
    assert TextModel(model.terms, 0.0, "style").decision(short) == expected


@pytest.mark.parametrize(
    ("quoted", "plain"),
    [
        ("The mayor called the report a \u201choax\u201d on Monday.", "The mayor called the report a hoax on Monday."),
        ('The mayor called the report a "hoax" on Monday.', "The mayor called the report a hoax on Monday."),
    ],
)
def test_wording_models_read_the_writer_and_not_the_quoted_words(quoted: str, plain: str) -> None:
    words = TextModel({"hoax": (1.0, 2.0), "mayor": (1.0, 0.0)}, 0.0, "words")
    # Said by someone in the story, the word is theirs: it moves nothing.
    assert words.decision(quoted) == 0.0
    assert [t for _, t in words.read(quoted).pulls] == ["mayor"]
    # Written by the writer, it is the writer's wording.
    assert words.decision(plain) == pytest.approx(2.0 / 2**0.5)
    # The style model still sees that a quote stood there, not what it said.
    style = TextModel({"a \u201c \u201d": (1.0, 1.0), "a w": (1.0, -1.0)}, 0.0, "style")
    curly = quoted.replace('"hoax"', "\u201choax\u201d")
    assert style.decision(curly) == pytest.approx(1.0)
    assert style.decision(plain) == pytest.approx(-1.0)


def test_narration_keeps_the_marks_and_on_request_the_offsets() -> None:
    text = 'He said "we will win" and left. Critics called it \u201cempty talk\u201d.'
    assert narration(text) == 'He said " " and left. Critics called it \u201c \u201d.'
    kept = narration(text, keep_offsets=True)
    assert len(kept) == len(text) and kept.index("and left") == text.index("and left")
    assert "win" not in kept and "empty" not in kept


def test_narration_takes_out_a_quote_in_single_marks_but_no_apostrophe() -> None:
    text = "'We will win the seat,' the aide said. It's the party's plan."
    assert narration(text) == "' ' the aide said. It's the party's plan."
    kept = narration(text, keep_offsets=True)
    assert len(kept) == len(text) and "win" not in kept and kept.endswith("It's the party's plan.")


def test_the_words_model_reads_the_tokens_of_its_pattern() -> None:
    # ASCII text (most news once its typography is spaced out) is split instead of scanned by
    # TOKEN; the tokens must be the pattern's, in non-ASCII text and odd whitespace too.
    rng = random.Random(11)
    chars = [
        *"aZ_9 \t\n\x0b\x1c.,'-",
        "\u201c",
        "\u2019",
        "\u2014",
        "\u2026",
        "\xa0",
        "\xe9",
        "\u0130",
        "\u212a",
        "\xb2",
    ]
    for _ in range(5000):
        text = "".join(rng.choices(chars, k=rng.randint(0, 30)))
        assert TOLD_ANALYZERS["words"](text) == TOKEN.findall(text.lower()), repr(text)


def test_a_wording_reason_points_at_the_writers_use_of_a_word() -> None:
    text = 'Jones called it a "disgrace". The disgrace, the writer adds, is the board\'s.'
    (span,) = term_spans(text, ["disgrace"])
    assert span.start == text.index("The disgrace") + 4 and text[span.start : span.end] == span.text == "disgrace"
    # A word only ever quoted is no evidence of the writer's wording.
    assert term_spans('She said "scandal" twice.', ["scandal"]) == []


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        # A word glued to a letter, digit or underscore is not the word; case does not matter.
        ("Overhype, hype_man, hype2 and then HYPE.", "hype", "HYPE"),
        # Lowercasing "\u0130" gives two characters: an offset read off the lowercase would drift.
        ("\u0130stanbul, \u0130zmir: the crisis is real.", "crisis", "crisis"),
        # A case-blind match lets "s" stand for the long s and "i" for the dotless i.
        ("A \u017fcandal, they wrote.", "scandal", "\u017fcandal"),
        ("The r\u0131gged vote, they wrote.", "rigged", "r\u0131gged"),
        ("The \u212aremlin line, they wrote.", "kremlin", "\u212aremlin"),
        ("Not a word of it here.", "hype", None),
    ],
)
def test_evidence_finds_a_term_as_a_case_blind_word_search_does(text: str, term: str, expected: str | None) -> None:
    spans = term_spans(text, [term])
    if expected is None:
        assert spans == []
        return
    (span,) = spans
    assert span.text == text[span.start : span.end] == expected


def test_style_model_round_trips_and_reads_unseen_text_by_its_style() -> None:
    np = pytest.importorskip("numpy")
    plain = [
        f"The board said on {d} that the plan, approved by {n}, would cost {k} million."
        for d, n, k in [
            ("Monday", "Smit", 3),
            ("Friday", "Okafor", 9),
            ("Tuesday", "Bakker", 12),
            ("Sunday", "Vries", 4),
        ]
    ]
    shout = [
        f"You WON'T believe this!!! {n} is LYING to you and {d} proves it!!! Share NOW!"
        for d, n in [("Monday", "Smit"), ("Friday", "Okafor"), ("Tuesday", "Bakker"), ("Sunday", "Vries")]
    ]
    texts, y = plain + shout, [0] * 4 + [1] * 4
    model = fit_text_model(texts, y, [1.0] * 8, "style")
    again = TextModel.from_dict(json.loads(json.dumps(model.to_dict())), "test")
    assert again.analyzer == "style" and again.terms
    unseen_plain = "The council said on Wednesday that the scheme, backed by Jansen, would cost 7 million."
    unseen_shout = "You WON'T believe it!!! Jansen is LYING to you and Wednesday proves it!!! Share NOW!"
    low, high = again.decision(unseen_plain), again.decision(unseen_shout)
    assert low is not None and high is not None and low < 0 < high
    assert np.isfinite([low, high]).all()


def test_wire_copy_is_reliable(analyzer: Analyzer) -> None:
    report = analyze(analyzer, WIRE, WIRE_TITLE)
    score = report.score
    assert score.label == "reliable", (score, report.warnings)
    assert score.unreliable_probability is not None and score.unreliable_probability < 0.5
    assert score.without_domain == score.unreliable_probability  # no domain: the same model
    assert all(r.contribution <= 0 for r in score.reasons if r.signal != "score.evidence")
    # Its sourcing is summed up for the reader even though the model gives it no weight.
    sourcing = [r for r in score.reasons if r.text.startswith("sourcing:")]
    assert len(sourcing) == 1 and sourcing[0].contribution == 0.0 and "not weighed" in sourcing[0].text
    assert "% from named" in sourcing[0].text and "no vague sourcing" in sourcing[0].text
    assert all(report.article.text[e.start : e.end] == e.text for e in sourcing[0].evidence)


def test_a_known_base_rate_moves_the_probability_by_bayes_rule_and_says_so(analyzer: Analyzer) -> None:
    report = analyze(analyzer, JUNK, JUNK_TITLE)
    even = report.score
    assert even.unreliable_probability is not None
    assert not [r for r in even.reasons if r.signal == "score.base_rate"]
    # A queue its user knows to be one tenth unreliable: the odds of the even-mix reading scale by
    # (0.1 / 0.9) / (0.5 / 0.5).
    shifted_report = copy.copy(report)  # the stage sets a new score; the original keeps its own
    ScoreStage(Config(base_rate=0.1))(shifted_report)
    shifted = shifted_report.score
    for before, after in (
        (even.unreliable_probability, shifted.unreliable_probability),
        (even.without_domain, shifted.without_domain),
    ):
        assert before is not None and after is not None
        odds = before / (1 - before) / 9
        # Both are rounded to four decimals, and near 1 the shift magnifies the first one's rounding
        # about fourfold: a wrong or missing shift is off by a tenth or more, not by a thousandth.
        assert after == pytest.approx(odds / (1 + odds), abs=1e-3)
    # The label reads the moved probability: the junk page's 0.94 becomes about 0.6 in such a queue.
    assert even.label == "unreliable" and shifted.label == "uncertain", shifted
    (why,) = [r for r in shifted.reasons if r.signal == "score.base_rate"]
    assert "10 %" in why.text and why.contribution == pytest.approx(-math.log(9), abs=1e-4)


def test_sourcing_line_says_which_of_its_measures_the_model_weighs() -> None:
    from newsift.scoring.stage import _sourcing_summary

    detail = {"quotes": 4, "uncounted_indirect": 1}
    signals = {
        "sourcing.attributed_share": Signal(0.5, [], {}),
        "sourcing.named_sources": Signal(0.75, [], detail),
        "sourcing.anonymous_sources": Signal(0.25, [], detail),
        "sourcing.distinct_speakers": Signal(2, [], {}),
        "sourcing.vague": Signal(0.0, [], {"count": 0}),
    }
    none = _sourcing_summary(set(), signals)
    assert none is not None and none.contribution == 0.0
    assert "50 % of sentences carry an attribution" in none.text and "model learned no weight" in none.text
    assert "not counted: 1 indirect attribution that the quotes stage rates more likely wrong" in none.text
    assert "4 attributions, 75 % from named" in none.text and "2 distinct named speakers;" in none.text
    # One of a kind reads as one.
    one = dict(
        signals, **{"sourcing.distinct_speakers": Signal(1, [], {}), "sourcing.vague": Signal(0.1, [], {"count": 1})}
    )
    single = _sourcing_summary(set(), one)
    assert (
        single is not None and "1 distinct named speaker;" in single.text and "1 vague sourcing phrase (" in single.text
    )
    # Once the model weighs one of them, the line stays (a reader still wants the summary) and
    # no longer calls that one unweighed.
    some = _sourcing_summary({"sourcing.attributed_share", "text.style"}, signals)
    assert some is not None and some.contribution == 0.0 and "not weighed itself" in some.text
    assert "the model weighs the attributed share," in some.text and "the rest points opposite ways" in some.text
    every = _sourcing_summary(
        {
            f"sourcing.{n}"
            for n in ("attributed_share", "named_sources", "anonymous_sources", "distinct_speakers", "vague")
        },
        signals,
    )
    assert every is not None and "weighs each of these measures" in every.text and "opposite" not in every.text


def test_dates_flow_from_the_parse_to_the_score(analyzer: Analyzer) -> None:
    wire = analyze(analyzer, WIRE, WIRE_TITLE).signals["sourcing.dates"]
    junk = analyze(analyzer, JUNK, JUNK_TITLE).signals["sourcing.dates"]
    assert wire.value is not None and junk.value is not None
    # The wire copy dates what it reports ("Monday", "the next six years"); the junk page does not.
    assert wire.value > junk.value
    assert {"Monday", "the next six years"} <= {e.text for e in wire.evidence}


def test_junk_page_is_unreliable_with_style_and_sourcing_reasons(analyzer: Analyzer) -> None:
    # Furniture and teasers are measured (see test_signals_stage) but carry no weight: the
    # training sets hold extracted text without page furniture (MODEL_CARD.md, "limits").
    report = analyze(analyzer, JUNK, JUNK_TITLE)
    score = report.score
    assert score.label == "unreliable", score
    assert score.unreliable_probability is not None and score.unreliable_probability > 0.5
    signals = {r.signal for r in score.reasons}
    weighed = [r for r in score.reasons if r.signal != "score.evidence" and "not weighed" not in r.text]
    assert weighed and all(r.contribution > 0 for r in weighed)
    assert any(s.startswith("sourcing.") for s in signals), signals
    assert any(s.startswith("style.") for s in signals), signals
    assert report.signals["furniture.comment_form"].value and report.signals["clickbait.related"].value
    # The furniture and the baity teasers are named for the reader, with their passages, at zero weight.
    observed = {r.signal: r for r in score.reasons if "not weighed" in r.text}
    assert set(observed) == {"furniture.kinds", "clickbait.related", "sourcing.attributed_share"}, observed
    assert all(r.contribution == 0.0 for r in observed.values())
    assert observed["furniture.kinds"].evidence and observed["clickbait.related"].evidence
    # The page quotes no one: the verbs the learned cues still take up ("want", "knows", "have
    # seen") sit under the sourcing signals' confidence line, so no sentence counts as attributed.
    assert observed["sourcing.attributed_share"].text.startswith("sourcing: 0 % of sentences carry an attribution")
    uncounted = report.signals["sourcing.named_sources"].detail["uncounted_indirect"]
    assert uncounted and f"not counted: {uncounted} indirect attributions" in observed["sourcing.attributed_share"].text
    assert not observed["sourcing.attributed_share"].evidence
    assert "comment form" in observed["furniture.kinds"].text
    assert "related headlines read as clickbait" in observed["clickbait.related"].text
    assert any("Leave a Reply" in span.text for span in observed["furniture.kinds"].evidence)
    for reason in score.reasons:
        for span in reason.evidence:
            assert report.article.text[span.start : span.end] == span.text


def test_reasons_carry_evidence_spans_from_their_signal(analyzer: Analyzer) -> None:
    report = analyze(analyzer, JUNK, JUNK_TITLE)
    with_evidence = [r for r in report.score.reasons if r.evidence]
    assert with_evidence
    for reason in with_evidence:
        assert reason.signal != "text.style"  # style n-grams are not passages: no spans
        if reason.signal == "text.wording":
            # The wording reason points at the words it names, wherever they occur in the text.
            for span in reason.evidence:
                assert report.article.text[span.start : span.end] == span.text
                assert span.text.lower() in reason.text
        elif "not weighed" in reason.text:
            # An observation gathers spans from several signals of its family.
            family = reason.signal.split(".")[0] + "."
            signals = [sig for name, sig in report.signals.items() if name.startswith(family)]
            pool = {(s.start, s.end) for sig in signals for s in sig.evidence}
            assert {(s.start, s.end) for s in reason.evidence} <= pool
        else:
            assert reason.evidence == report.signals[reason.signal].evidence[: len(reason.evidence)]


@pytest.mark.parametrize(
    ("text", "title", "url"),
    [
        ("", WIRE_TITLE, None),  # a title with no body
        (WIRE, None, None),  # a body with no title
        (WIRE, WIRE_TITLE, "https://www.unlisted-local-paper-example.com/news/1"),  # unknown domain
        (WIRE, WIRE_TITLE, "http://192.168.0.7/story.html"),  # an IP address
        (WIRE, WIRE_TITLE, "http://localhost/story"),  # localhost
        ("Short note.", None, None),  # almost nothing
    ],
)
def test_bad_inputs_give_a_score_with_fitting_uncertainty_never_a_crash(
    analyzer: Analyzer, text: str, title: str | None, url: str | None
) -> None:
    report = analyze(analyzer, text, title, url)
    assert not any("failed" in w for w in report.warnings), report.warnings
    score = report.score
    assert score.label in {"reliable", "unreliable", "uncertain"}
    assert score.unreliable_probability is None or 0.0 <= score.unreliable_probability <= 1.0
    assert report.signals["source.reputation"].value == "unknown"
    assert score.without_domain == score.unreliable_probability
    if not text.strip():
        assert score.label == "uncertain"
        assert any("no body text" in r.text for r in score.reasons)
    if title is None:
        assert any("no title" in r.text for r in score.reasons)
    json.dumps(report.to_dict())  # serialisable as it stands


def test_a_bot_check_page_gets_no_score_and_says_why(analyzer: Analyzer) -> None:
    page = "this website is using a security service to protect itself from online attacks .."
    report = analyze(analyzer, page, "Access denied | harbourgazette.example used Cloudflare to restrict access", None)
    score = report.score
    assert score.unreliable_probability is None and score.label == "uncertain"
    assert [r.signal for r in score.reasons] == ["clean"]
    assert "bot check" in score.reasons[0].text and score.reasons[0].evidence[0].text == page
    json.dumps(report.to_dict())


def test_a_text_in_another_language_gets_no_score_and_says_why(analyzer: Analyzer) -> None:
    text = (
        "Der Stadtrat von Weilburg hat am Dienstag nach langer Debatte beschlossen, die alte Bibliothek am "
        "Marktplatz zu schliessen. Die Opposition kritisierte den Plan scharf und forderte eine neue "
        "Abstimmung im Herbst. Der Buergermeister sagte, die Stadt habe kein Geld fuer die Sanierung des "
        "Gebaeudes, und die Buecher sollen in die Schule am Bahnhof umziehen."
    )
    report = analyze(analyzer, text, "Stadtrat schliesst die alte Bibliothek")
    assert report.language == "de"
    score = report.score
    assert score.unreliable_probability is None and score.label == "uncertain"
    assert [r.signal for r in score.reasons] == ["language"] and "'de'" in score.reasons[0].text
    json.dumps(report.to_dict())


def test_empty_related_headlines_are_explained(analyzer: Analyzer) -> None:
    report = analyze(analyzer, WIRE, WIRE_TITLE)
    assert report.related_headlines == []
    assert "no related headlines" in report.signals["clickbait.related"].detail["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Health officials confirmed twelve new measles cases in Dunmore County on Tuesday.",
        "SHOCKING!!! They don't want you to know what is in your tap water!!!",
        "The council voted 7-2 to close the old library on Elm Street.",
    ],
)
def test_a_body_shorter_than_any_training_article_gets_no_label(analyzer: Analyzer, text: str) -> None:
    report = analyze(analyzer, text, None)
    score = report.score
    assert score.label == "uncertain"
    assert score.unreliable_probability is not None  # the model's reading is still shown
    assert any("shortest article the model learned from" in r.text for r in score.reasons), score.reasons


def test_thin_evidence_widens_the_uncertain_band() -> None:
    full = assess(
        {
            "body.words": Signal(400),
            "clickbait.title": Signal(0.1),
            "sourcing.attributed_share": Signal(0.3),
            "furniture.kinds": Signal(0),
        }
    )
    thin = assess({"body.words": Signal(30)})
    assert full.gaps == () and not full.no_body and not full.too_short
    assert thin.margin > full.margin and len(thin.gaps) == 4 and thin.too_short
    assert not assess({"body.words": Signal(60)}).too_short
    assert assess({}).no_body


def test_no_signals_means_no_score_and_says_why() -> None:
    stage = ScoreStage(Config())
    report = Report(article=Article(id="x", text="text"))
    stage(report)
    assert report.score.unreliable_probability is None
    assert report.score.label == "uncertain"
    assert "signals stage did not run" in report.score.reasons[0].text


def test_known_domain_uses_the_prior_and_keeps_the_plain_score(analyzer: Analyzer) -> None:
    report = analyze(analyzer, WIRE, WIRE_TITLE, url="https://www.reuters.com/world/x")
    assert report.signals["source.reputation"].value != "unknown"
    score = report.score
    assert score.without_domain is not None and score.unreliable_probability is not None
    plain = analyze(analyzer, WIRE, WIRE_TITLE)
    assert score.without_domain == plain.score.unreliable_probability


@pytest.mark.parametrize(
    ("rating", "prior"), [("unreliable", True), ("reliable", True), ("unknown", False), (None, False)]
)
def test_the_prior_scores_only_a_domain_the_table_knows(rating: str | None, prior: bool) -> None:
    # One rule for the score stage and for the evaluation's "as shipped" column.
    model = CredibilityModel.load()
    signals = {} if rating is None else {"source.reputation": Signal(rating)}
    assert (model.scorer_for(signals) is model.with_domain) is prior


def test_score_fits_the_report_schema(analyzer: Analyzer) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    report = analyze(analyzer, JUNK, JUNK_TITLE)
    jsonschema.validate(report.to_dict(), json_schema())


def test_a_lower_cased_body_is_thin_evidence(analyzer: Analyzer) -> None:
    lowered = analyze(analyzer, WIRE.lower(), WIRE_TITLE)
    assert any("no capital letters" in r.text for r in lowered.score.reasons), lowered.score.reasons
    assert not any("no capital letters" in r.text for r in analyze(analyzer, WIRE, WIRE_TITLE).score.reasons)
    # Text with no letters at all (numbers, a table) is not a lower-cased article.
    assert not any("capital" in g for g in assess({"body.words": Signal(400)}, "12 34 56 " * 50).gaps)


def test_the_wording_and_style_models_read_one_narration_of_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsift.scoring.model as model_module
    import newsift.scoring.text as text_module

    model = CredibilityModel.load()
    text = 'Shocking news\nThe council said "the bridge will open in May," and critics called it a "fiasco".'
    # Each model alone narrates the text itself: what reading both once must give.
    apart = (model.text.read(text), model.style.decision(text))
    calls: list[str] = []

    def counted(told: str, **kwargs: bool) -> str:
        calls.append(told)
        return narration(told, **kwargs)

    monkeypatch.setattr(model_module, "narration", counted)
    monkeypatch.setattr(text_module, "narration", counted)
    reading, style = model.read_text(text)
    assert len(calls) == 1
    assert (reading.decision, reading.pulls, style) == (apart[0].decision, apart[0].pulls, apart[1])
    assert model.read_text("  ") == (model.text.read(""), None)
