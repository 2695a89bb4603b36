"""The confidence map: its inputs, its place in the model file, the report's use of it, and its labels."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from newsift.errors import ModelUnavailableError
from newsift.nlp.attribution_model import AttributionModel, load_attribution_model
from newsift.nlp.confidence import FEATURES, ConfidenceMap, confidence_features, fit_confidence_map
from newsift.report import Article, Report


def _model(confidence: ConfidenceMap | None) -> AttributionModel:
    return AttributionModel({"bias": -1.0}, {"k=ch:ccomp": 2.0}, 0.4, {"seed": 0}, frozenset({"say"}), confidence)


def _only(name: str, weight: float, intercept: float = 0.0) -> ConfidenceMap:
    return ConfidenceMap(tuple(weight if f == name else 0.0 for f in FEATURES), intercept, {"rows": 2})


def test_features_read_the_rules_number_and_the_content() -> None:
    short = confidence_features(0.9, "indirect", "Lopez", True, True)
    assert short[0] == pytest.approx(math.log(9.0))
    assert short[FEATURES.index("short")] == 1.0 and short[FEATURES.index("log_words")] == pytest.approx(math.log(2))
    long = confidence_features(1.0, "direct", '"The bridge is safe to cross," she said', False, False)
    assert long[0] == pytest.approx(math.log(0.99 / 0.01))  # clipped: a logit of 1 is infinite
    assert long[FEATURES.index("short")] == 0.0
    assert [long[FEATURES.index(f)] for f in ("direct", "mixed", "no_cue", "no_speaker")] == [1.0, 0.0, 1.0, 1.0]


def test_the_map_travels_in_the_model_file_and_an_old_file_has_none() -> None:
    fitted = _only("direct", 1.5, -0.25)
    again = AttributionModel.from_json(_model(fitted).to_json())
    assert again.confidence == fitted
    assert again.confidence(confidence_features(0.5, "direct", "a b c", True, True)) == pytest.approx(
        1 / (1 + math.exp(-1.25))
    )
    plain = _model(None).to_json()
    assert "confidence" not in json.loads(plain)
    assert AttributionModel.from_json(plain).confidence is None


@pytest.mark.parametrize(
    "broken",
    [
        {"features": ["rule_logit"], "coef": [1.0], "intercept": 0.0},
        {"features": list(FEATURES), "coef": [1.0] * (len(FEATURES) - 1), "intercept": 0.0},
        {"features": list(FEATURES), "coef": [float("nan")] * len(FEATURES), "intercept": 0.0},
        {"features": list(FEATURES), "intercept": 0.0},
    ],
)
def test_a_map_this_newsift_cannot_apply_is_refused(broken: dict[str, object]) -> None:
    data = json.loads(_model(None).to_json())
    data["confidence"] = broken
    with pytest.raises(ModelUnavailableError, match=r"bad\.json"):
        AttributionModel.from_json(json.dumps(data), "bad.json")


def test_fitting_needs_both_outcomes_and_records_its_rows() -> None:
    rows = [confidence_features(c, "indirect", "the bridge will reopen in May", True, True) for c in (0.3, 0.9)] * 5
    fitted = fit_confidence_map(rows, [False, True] * 5, {"articles": 1})
    assert fitted.meta == {"articles": 1, "C": 1.0, "rows": 10, "right": 5}
    assert fitted(rows[1]) > fitted(rows[0])  # a higher rule number that was right more often
    with pytest.raises(ValueError, match="both"):
        fit_confidence_map(rows, [True] * 10)


def test_the_shipped_model_carries_a_map_fitted_on_held_out_articles() -> None:
    model = load_attribution_model()
    assert model is not None and model.confidence is not None
    assert model.confidence.meta["articles"] > 0
    assert 0 < model.confidence.meta["right"] < model.confidence.meta["rows"]


TEXT = (
    "The council met on Monday. Mayor Ana Ruiz said the bridge will reopen in May.\n\n"
    '"It is safe to cross," Ruiz told reporters.\n'
)


def _quotes(stages, confidence: ConfidenceMap | None, text: str = TEXT):  # type: ignore[no-untyped-def]
    entities, quotes = stages
    base = quotes.extractor.model
    quotes.extractor.model = dataclasses.replace(base, confidence=confidence)
    try:
        report = Report(article=Article(id="t", text=text))
        entities(report)
        quotes(report)
    finally:
        quotes.extractor.model = base
    return report.quotes


def test_the_report_carries_the_mapped_confidence(stages) -> None:  # type: ignore[no-untyped-def]
    raw = _quotes(stages, None)
    kinds = sorted(q.kind for q in raw)
    assert kinds == ["direct", "indirect"], [(q.kind, q.content.text) for q in raw]
    # A map that knows only whether a quote is direct: every indirect one reads 0.5, every direct one
    # sigmoid(2), whatever the rules had said.
    mapped = _quotes(stages, _only("direct", 2.0))
    assert sorted((q.kind, q.confidence) for q in mapped) == [("direct", 0.881), ("indirect", 0.5)]
    assert [q.content for q in mapped] == [q.content for q in raw]
    assert {q.confidence for q in raw} != {0.881, 0.5}


GOES_ON = 'Mayor Ana Ruiz spoke on Monday.\n\n"It is safe to cross," Ruiz said.\n\n"We checked every cable."\n'


def test_a_quote_that_goes_on_carries_its_attribution_s_number(stages) -> None:  # type: ignore[no-untyped-def]
    # A map that distrusts a quote with no cue of its own: the one that goes on after "Ruiz said"
    # is still part of that attribution, as the map learned attributions, and carries its number.
    quotes = _quotes(stages, _only("no_cue", -3.0, 1.0), GOES_ON)
    found = [(q.content.text, q.cue is not None, q.confidence) for q in quotes]
    assert found == [('"It is safe to cross,"', True, 0.731), ('"We checked every cable."', False, 0.731)]
    assert quotes[0].speaker is not None and quotes[1].speaker == quotes[0].speaker


def test_held_out_rows_are_labelled_as_the_evaluation_labels_them(stages) -> None:  # type: ignore[no-untyped-def]
    from newsift.nlp.train_attribution import Article as GoldArticle
    from newsift.nlp.train_attribution import GoldAttribution, heldout_confidence_rows

    def span(fragment: str) -> tuple[tuple[int, int], ...]:
        start = TEXT.index(fragment)
        return ((start, start + len(fragment)),)

    entities, quotes = stages
    model = quotes.extractor.model
    doc = entities.nlp(TEXT)
    told_by = TEXT.index("Ruiz told")
    direct = GoldAttribution(span('"It is safe to cross,"'), span("told"), ((told_by, told_by + len("Ruiz")),))
    indirect = GoldAttribution(span("the bridge will reopen in May"), span("said"), span("Mayor Ana Ruiz"))
    rows, right = heldout_confidence_rows(model, [GoldArticle("t", TEXT, [indirect, direct])], [doc], None)
    assert len(rows) == 2 and right == [True, True]
    # The shipped model carries a map; the rows read the rules' own number all the same.
    raw = sorted(q.confidence for q in _quotes(stages, None))
    assert sorted(1 / (1 + math.exp(-r[0])) for r in rows) == pytest.approx(raw)
    # The same contents with a Source no speaker overlaps: the speaker is wrong, so the rows are too.
    elsewhere = span("The council")
    wrong = [dataclasses.replace(g, source=elsewhere) for g in (indirect, direct)]
    _, right = heldout_confidence_rows(model, [GoldArticle("t", TEXT, wrong)], [doc], None)
    assert right == [False, False]
    # No annotated attribution at all: nothing the stage finds is right.
    _, right = heldout_confidence_rows(model, [GoldArticle("t", TEXT, [])], [doc], None)
    assert right == [False, False]
