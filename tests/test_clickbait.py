"""The headline clickbait model: shipped file, scoring, evidence, bad input, training on a tiny set.

Every headline here is invented for the test; no dataset text is copied.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsift.errors import InputError, ModelUnavailableError
from newsift.signals.clickbait import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PATTERNS,
    ClickbaitModel,
    FeatureConfig,
    describe_feature,
    feature_names,
    tokenize,
)

BAIT = "You Won't Believe What This Dog Did Next, And 17 Photos That Will Make You Cry"
WIRE = "Central bank holds interest rates steady as inflation eases in third quarter"


@pytest.fixture(scope="module")
def shipped() -> ClickbaitModel:
    return ClickbaitModel.load()


# --- the shipped model -----------------------------------------------------------------------


def test_shipped_model_is_small_safe_json(shipped: ClickbaitModel) -> None:
    resource = resources.files("newsift").joinpath("models", "clickbait", "model.json")
    raw = resource.read_bytes()
    assert len(raw) < 3_000_000
    data = json.loads(raw)
    assert data["format"] == FORMAT_NAME and data["format_version"] == FORMAT_VERSION
    assert len(shipped.weights_) == len(data["weights"]) > 1000
    # The card the brief requires sits beside the weights.
    card = resources.files("newsift").joinpath("models", "clickbait", "MODEL_CARD.md").read_text("utf-8")
    assert "Limits" in card and "clickbait_chakraborty2016" in card


def test_probabilities_are_in_unit_interval(shipped: ClickbaitModel) -> None:
    headlines = [
        BAIT,
        WIRE,
        "a",
        "¿Qué pasa?",
        "x" * 5000,
        "2024",
        "Ünïcödé — “quoted” … words",
        WIRE.upper(),
    ]
    probs = shipped.predict_proba(headlines)
    assert len(probs) == len(headlines)
    assert all(isinstance(p, float) and 0.0 <= p <= 1.0 for p in probs)


def test_obvious_bait_ranks_above_a_sober_wire_headline(shipped: ClickbaitModel) -> None:
    bait, wire = shipped.predict_proba([BAIT, WIRE])
    assert bait > 0.5 > wire
    assert bait > wire


def test_case_does_not_change_the_score(shipped: ClickbaitModel) -> None:
    # The training set's news side is sentence case; the model must not read casing.
    variants = [WIRE, WIRE.title(), WIRE.lower(), BAIT.lower(), BAIT.title()]
    probs = shipped.predict_proba(variants)
    assert probs[0] == probs[1] == probs[2]
    assert probs[3] == probs[4] == shipped.predict_one(BAIT)


def test_predict_one_matches_batch(shipped: ClickbaitModel) -> None:
    assert shipped.predict_one(WIRE) == shipped.predict_proba([WIRE])[0]


@pytest.mark.parametrize("headline", [BAIT, WIRE, "   “Here’s Why” You Should Never Ignore These 9 Signs", "!!!", ""])
def test_read_is_predict_one_and_explain_in_one_pass(shipped: ClickbaitModel, headline: str) -> None:
    assert shipped.read(headline, top_k=3) == (shipped.predict_one(headline), shipped.explain(headline, top_k=3))


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("headline", ["", "   ", None, "!!! ??? ...", "—"])
def test_empty_or_wordless_headlines_score_zero_without_evidence(shipped: ClickbaitModel, headline: str | None) -> None:
    assert shipped.predict_proba([headline]) == [0.0]
    assert shipped.explain(headline) == []
    assert shipped.top_features(headline) == []
    assert shipped.decision_function(headline) is None


def test_empty_batch(shipped: ClickbaitModel) -> None:
    assert shipped.predict_proba([]) == []


def test_a_bare_string_is_refused(shipped: ClickbaitModel) -> None:
    with pytest.raises(InputError, match="sequence of headlines"):
        shipped.predict_proba(WIRE)


def test_a_non_string_headline_is_refused_with_its_index(shipped: ClickbaitModel) -> None:
    with pytest.raises(InputError, match=r"headline\[1\].*int"):
        shipped.predict_proba([WIRE, 42])  # type: ignore[list-item]


# --- evidence --------------------------------------------------------------------------------


def test_evidence_names_words_with_offsets_into_the_headline(shipped: ClickbaitModel) -> None:
    evidence = shipped.explain(BAIT, top_k=4)
    assert 0 < len(evidence) <= 4
    weights = [e.weight for e in evidence]
    assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)
    for item in evidence:
        assert BAIT[item.start : item.end] == item.text
        assert item.features and all(isinstance(describe_feature(f), str) for f in item.features)
    # Second person is the clearest bait in this headline; it must be among the evidence.
    assert any(e.text.lower() == "you" for e in evidence)


def test_top_features_are_positive_and_described(shipped: ClickbaitModel) -> None:
    top = shipped.top_features(BAIT, top_k=5)
    assert 0 < len(top) <= 5
    assert all(w > 0 for _, w in top)
    assert "you" in describe_feature("p:second_person")
    assert describe_feature("b:<s> <n>") == "opening with '(a number)'"


def test_evidence_offsets_survive_leading_space_and_curly_quotes(shipped: ClickbaitModel) -> None:
    headline = "   “Here’s Why” You Should Never Ignore These 9 Warning Signs"
    for item in shipped.explain(headline, top_k=10):
        assert headline[item.start : item.end] == item.text


# --- tokens and patterns ---------------------------------------------------------------------


def test_tokenizer_normalises_case_numbers_possessives_and_apostrophes() -> None:
    tokens = tokenize("The Mayor’s 12 Plans For 2019 Won’t Cost 40,000 Dollars")
    assert [t.norm for t in tokens] == [
        "the", "mayor", "<n>", "plans", "for", "<year>", "won't", "cost", "<n>", "<num>", "dollars",
    ]  # fmt: skip


def test_tokenizer_marks_quotations_and_acronyms() -> None:
    tokens = {t.norm: t for t in tokenize("Senator says 'you will regret this' as WHO warns US")}
    assert tokens["you"].quoted and tokens["regret"].quoted
    assert not tokens["senator"].quoted
    assert tokens["who"].acronym and tokens["us"].acronym
    # In a headline that is all capitals, capitals mark nothing.
    assert not any(t.acronym for t in tokenize("WHO WILL WIN THE FINAL TONIGHT"))


def test_quoted_words_and_acronyms_do_not_fire_patterns() -> None:
    config = FeatureConfig(char_ngram_max=0)
    assert "p:second_person" not in feature_names("Senator: 'You will regret this vote'", config)
    assert "p:question_start" not in feature_names("WHO issues new guidance on vaccines", config)
    assert "w:you" not in feature_names("Senator: 'You will regret this vote'", config)


PATTERN_EXAMPLES = {
    "second_person": "Things your cat is secretly thinking",
    "first_person": "I tried a new diet for a month",
    "starts_with_number": "15 reasons to visit the coast",
    "demonstrative_start": "These dogs are having the best day",
    "question_start": "Why do cats purr",
    "superlative": "The funniest tweets of the week",
    "intensifier": "This cake is literally perfect",
    "curiosity_phrase": "What happens next will surprise everyone",
}


def test_every_pattern_has_an_example_that_fires_it() -> None:
    assert set(PATTERN_EXAMPLES) == {p.name for p in PATTERNS}
    config = FeatureConfig(char_ngram_max=0)
    for name, example in PATTERN_EXAMPLES.items():
        assert f"p:{name}" in feature_names(example, config), name


def test_patterns_stay_quiet_on_a_sober_headline() -> None:
    names = feature_names(WIRE, FeatureConfig(char_ngram_max=0))
    assert not [n for n in names if n.startswith("p:")]


# --- persistence -----------------------------------------------------------------------------


def _toy_model(config: FeatureConfig | None = None) -> ClickbaitModel:
    weights = {"w:you": 2.0, "p:second_person": 1.0, "w:bank": -1.5, "b:<s> <n>": 1.2}
    return ClickbaitModel(weights, -0.5, config or FeatureConfig(char_ngram_max=0, l2_normalise=False))


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = _toy_model()
    path = model.save(tmp_path / "toy")
    assert path.name == "model.json"
    again = ClickbaitModel.load(tmp_path / "toy")
    headlines = ["You need this", "Bank raises rates", "21 things", ""]
    assert again.predict_proba(headlines) == pytest.approx(model.predict_proba(headlines), abs=1e-6)
    assert again.config == model.config


def test_toy_model_scores_by_its_weights() -> None:
    model = _toy_model()
    # "you" fires w:you and p:second_person: -0.5 + 2.0 + 1.0 = 2.5 log-odds.
    assert model.decision_function("you") == pytest.approx(2.5)
    assert model.decision_function("bank") == pytest.approx(-2.0)
    normalised = _toy_model(FeatureConfig(char_ngram_max=0, l2_normalise=True))
    # Two known features: their sum is divided by sqrt(2).
    assert normalised.decision_function("you") == pytest.approx(-0.5 + 3.0 / 2**0.5)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        (json.dumps({"format": "something-else"}), "not a newsift clickbait model"),
        (json.dumps({"format": FORMAT_NAME, "format_version": 99}), "format version 99"),
        (json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}), "incomplete or malformed"),
        (
            json.dumps(
                {
                    "format": FORMAT_NAME,
                    "format_version": FORMAT_VERSION,
                    "features": {},
                    "intercept": 0.0,
                    "weights": {"p:no_such_pattern": 1.0},
                }
            ),
            "no_such_pattern",
        ),
        (
            json.dumps(
                {
                    "format": FORMAT_NAME,
                    "format_version": FORMAT_VERSION,
                    "features": {"word_ngram_max": "two"},
                    "intercept": 0.0,
                    "weights": {},
                }
            ),
            "incomplete or malformed",
        ),
        (
            json.dumps(
                {
                    "format": FORMAT_NAME,
                    "format_version": FORMAT_VERSION,
                    "features": {},
                    "intercept": float("nan"),
                    "weights": {},
                }
            ),
            "not a finite number",
        ),
    ],
)
def test_bad_model_files_raise_model_unavailable(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match=message) as info:
        ClickbaitModel.load(path)
    assert "retrain" in str(info.value)


def test_missing_model_file_raises_model_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="could not be read"):
        ClickbaitModel.load(tmp_path / "nowhere.json")
    assert issubclass(ModelUnavailableError, ImportError)


# --- training, on a tiny invented set --------------------------------------------------------

_BAIT_TEMPLATES = [
    "{n} Things Only {x} Lovers Will Understand",
    "You Won't Believe What This {x} Did",
    "Which {x} Are You Based On Your Zodiac Sign",
    "This {x} Will Make You Cry",
]
_NEWS_TEMPLATES = [
    "{x} ministry announces budget review",
    "Parliament debates {x} reform bill",
    "Court rejects appeal in {x} case",
    "{x} exports fall for second month",
]
_TOPICS = ["Pizza", "Cat", "Garden", "Coffee", "Train", "River", "Piano", "Bicycle", "Winter", "Forest"]


def _write_toy_set(root: Path) -> None:
    folder = root / "clickbait_chakraborty2016"
    folder.mkdir(parents=True)
    rows: list[dict[str, str | None]] = []
    for i, topic in enumerate(_TOPICS * 6):
        for t, template in enumerate(_BAIT_TEMPLATES):
            title = template.format(n=i % 30 + 3, x=f"{topic}{i}")
            rows.append({"id": f"clickbait/{i}-{t}", "title": title, "label": "clickbait"})
        for t, template in enumerate(_NEWS_TEMPLATES):
            rows.append({"id": f"not/{i}-{t}", "title": template.format(x=f"{topic}{i}"), "label": "not_clickbait"})
    rows.append({"id": "skip/1", "title": "", "label": "clickbait"})
    rows.append({"id": "skip/2", "title": "No label here", "label": None})
    lines = [json.dumps(r) for r in rows]
    (folder / "clickbait_chakraborty2016.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_split_is_fixed_and_roughly_80_10_10() -> None:
    from newsift.signals.train_clickbait import split_of

    titles = [f"headline number {i}" for i in range(5000)]
    splits = [split_of(t) for t in titles]
    assert splits == [split_of(t) for t in titles]
    assert split_of("Some Headline") == split_of("  some headline ")
    shares = {s: splits.count(s) / len(splits) for s in ("train", "val", "test")}
    assert shares["train"] == pytest.approx(0.8, abs=0.03)
    assert shares["val"] == pytest.approx(0.1, abs=0.02)


def test_training_end_to_end_on_a_tiny_set(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from newsift.signals.train_clickbait import load_examples, train

    _write_toy_set(tmp_path / "data")
    assert len(load_examples(tmp_path / "data")) == len(_TOPICS) * 6 * 8
    log = tmp_path / "train.log"
    with log.open("w") as handle:
        model = train(tmp_path / "data", tmp_path / "out", log=handle)
    assert "no real-title groups found" in log.read_text()
    loaded = ClickbaitModel.load(tmp_path / "out")
    assert loaded.metadata["test"]["accuracy"] >= 0.97
    assert loaded.metadata["seed"] == model.metadata["seed"]
    bait, news = loaded.predict_proba(["17 Things Only Tea Lovers Will Understand", "Court rejects appeal in tea case"])
    assert bait > 0.5 > news
    # Same data, same seed: the same weights.
    with log.open("w") as handle:
        again = train(tmp_path / "data", tmp_path / "out2", log=handle)
    assert again.weights_ == pytest.approx(model.weights_)


def test_training_reports_a_missing_data_folder(tmp_path: Path) -> None:
    from newsift.errors import UnreadableInputError
    from newsift.signals.train_clickbait import load_examples

    with pytest.raises(UnreadableInputError, match="--data"):
        load_examples(tmp_path / "nothing-here")
