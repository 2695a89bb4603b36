"""The Analyzer, the stage registry, the report schema and the config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsift
from newsift.config import Config
from newsift.errors import ConfigError, InputError, ModelUnavailableError, NewsiftError, UnreadableInputError
from newsift.pipeline import Analyzer, Failure, StageRegistry
from newsift.report import SCHEMA_VERSION, Article, Furniture, Report, json_schema
from newsift.resources import Resources

TEXT = (
    "Harbour Board Closes Old Pier\n\n"
    "The harbour board voted on Monday to close the old ferry pier after engineers found cracks in it.\n\n"
    "Advertisement\n\n"
    "Board chair Anna Lindqvist said repairs would cost more than building a new pier.\n"
)


class Upper:
    """A toy stage that records what it saw, for wiring tests."""

    name = "upper"
    requires: tuple[str, ...] = ("clean_text",)
    fills: tuple[str, ...] = ("claims",)

    def __init__(self, config: Config) -> None:
        self.calls = 0

    def __call__(self, report: Report) -> None:
        self.calls += 1
        report.warn(f"upper saw {len(report.clean_text)} chars")


class Boom:
    name = "boom"
    requires: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()

    def __init__(self, config: Config) -> None:
        pass

    def __call__(self, report: Report) -> None:
        raise RuntimeError("exploded on purpose")


def registry_with(**factories: type) -> StageRegistry:
    registry = StageRegistry.default(plugins=False)
    for name, factory in factories.items():
        registry.register(name, factory)
    return registry


def test_missing_and_disabled_stages_leave_warnings_not_crashes() -> None:
    config = Config(stages=("clean", "nonexistent", "upper"), disabled=("upper",))
    report = Analyzer(config, registry=registry_with(upper=Upper)).analyze(TEXT)
    assert report.clean_text
    assert any("'nonexistent' is not available" in w for w in report.warnings)
    assert any("'upper' is disabled" in w for w in report.warnings)
    assert report.claims == []


def test_each_stage_is_timed() -> None:
    config = Config(stages=("clean", "upper"))
    report = Analyzer(config, registry=registry_with(upper=Upper)).analyze(TEXT)
    assert set(report.timings) == {"clean", "upper"}
    assert all(isinstance(ms, float) and ms >= 0 for ms in report.timings.values())


def test_a_failing_stage_is_isolated_and_named() -> None:
    config = Config(stages=("clean", "boom", "upper"))
    report = Analyzer(config, registry=registry_with(boom=Boom, upper=Upper)).analyze(TEXT)
    assert any("'boom' failed: RuntimeError: exploded on purpose" in w for w in report.warnings)
    # Stages after the failure still ran.
    assert any(w.startswith("upper saw") for w in report.warnings)


def test_stage_order_is_checked_when_the_analyzer_is_built() -> None:
    with pytest.raises(NewsiftError, match="'upper' needs"):
        Analyzer(Config(stages=("upper", "clean")), registry=registry_with(upper=Upper))


class NoModel:
    """A stage whose model is not installed."""

    name = "nomodel"
    requires: tuple[str, ...] = ("clean_text",)
    fills: tuple[str, ...] = ("entities",)

    def __init__(self, config: Config) -> None:
        raise ModelUnavailableError("no model installed for this test")


class NeedsEntities(Upper):
    name = "needs"
    requires: tuple[str, ...] = ("entities",)


def test_a_stage_whose_input_stage_did_not_load_is_left_out_with_the_reason() -> None:
    # A missing model must not turn into a stage-order error: the stages that need it are left
    # out, and every report says why.
    config = Config(stages=("clean", "nomodel", "needs", "upper"))
    analyzer = Analyzer(config, registry=registry_with(nomodel=NoModel, needs=NeedsEntities, upper=Upper))
    assert analyzer.stage_names == ["clean", "upper"]
    report = analyzer.analyze(TEXT)
    assert any("'nomodel' could not load: no model installed" in w for w in report.warnings)
    assert any("'needs' is left out" in w and "'nomodel' is not running" in w for w in report.warnings)
    assert any(w.startswith("upper saw") for w in report.warnings)


def test_models_load_once_per_analyzer() -> None:
    analyzer = Analyzer(Config(stages=("clean", "upper")), registry=registry_with(upper=Upper))
    stage = analyzer.stages[1]
    for _ in range(3):
        analyzer.analyze(TEXT)
    assert isinstance(stage, Upper) and stage.calls == 3


def test_analyze_accepts_text_path_and_article(tmp_path: Path) -> None:
    config = Config(stages=("clean",))
    path = tmp_path / "pier.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_text = newsift.analyze(TEXT, config)
    from_path = newsift.analyze(path, config)
    from_str_path = newsift.analyze(str(path), config)
    # An Article is taken as given: with no title, the headline line stays in the body.
    from_article = newsift.analyze(Article(id="a", text=TEXT), config)
    assert from_text.clean_text == from_path.clean_text == from_str_path.clean_text
    assert from_article.clean_text.startswith("Harbour Board Closes Old Pier")
    assert from_path.article.origin is not None and from_path.article.origin.source == str(path)
    assert from_text.article.title == "Harbour Board Closes Old Pier"


def test_a_mistyped_path_is_refused_not_analysed_as_text(tmp_path: Path) -> None:
    config = Config(stages=("clean",))
    for missing in (str(tmp_path / "pier.txt"), "pier-story.txt", "pages/pier.html.gz"):
        with pytest.raises(UnreadableInputError, match="no such file") as caught:
            newsift.analyze(missing, config)
        assert "Article(" in str(caught.value)
    # One word that names no file format is still text.
    assert newsift.analyze("Closed.", config).clean_text == "Closed."


def test_analyze_many_yields_failures_in_place_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(TEXT.replace("Monday", "Friday"), encoding="utf-8")
    results = list(Analyzer(Config(stages=("clean",))).analyze_many([tmp_path]))
    reports = [r for r in results if isinstance(r, Report)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(reports) == 2 and len(failures) == 1
    assert "b.txt" in failures[0].source


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        newsift.analyze("   \n ", Config(stages=("clean",)))


def test_report_round_trips_through_json() -> None:
    report = newsift.analyze(TEXT, Config(stages=("clean",)))
    data = json.loads(report.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    for key in (
        "article",
        "clean_text",
        "furniture",
        "related_headlines",
        "sentences",
        "entities",
        "quotes",
        "claims",
        "signals",
        "score",
        "warnings",
        "timings",
    ):
        assert key in data
    again = Report.from_dict(data)
    assert again.to_dict() == report.to_dict()
    # The offset map survives, so clean offsets still map to the original text.
    start = again.clean_text.index("Board chair")
    o_start, o_end = again.to_original(start, start + 11)
    assert again.article.text[o_start:o_end] == "Board chair"


def test_furniture_offsets_index_the_original_text() -> None:
    report = newsift.analyze(TEXT, Config(stages=("clean",)))
    assert [f.kind for f in report.furniture] == ["advertising"]
    for piece in report.furniture:
        assert isinstance(piece, Furniture)
        assert report.article.text[piece.start : piece.end] == piece.text


def test_json_schema_names_every_top_level_field() -> None:
    schema = json_schema()
    report = newsift.analyze(TEXT, Config(stages=("clean",)))
    assert set(report.to_dict()) <= set(schema["properties"])
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_config_layers_file_env_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "newsift.toml"
    path.write_text('[newsift]\nspacy_model = "from_file"\nsite_min_docs = 9\n', encoding="utf-8")
    env = {"NEWSIFT_SITE_MIN_DOCS": "7", "NEWSIFT_COLUMNS__TEXT": "body", "NEWSIFT_CI_SCRATCH": "/tmp/x"}
    config = Config.load(path, env=env, overrides={"spacy_model": "explicit"})
    assert config.spacy_model == "explicit"
    assert config.site_min_docs == 7
    assert config.columns.text == "body"


def test_config_rejects_unknown_settings_with_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="known settings"):
        Config.load(env={}, overrides={"no_such_setting": 1})


def test_a_base_rate_is_a_share_from_any_layer_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "newsift.toml"
    path.write_text("[newsift]\nbase_rate = 0.05\n", encoding="utf-8")
    assert Config.load(path, env={}).base_rate == 0.05
    assert Config.load(env={"NEWSIFT_BASE_RATE": "0.25"}).base_rate == 0.25
    assert Config.load(env={}).base_rate is None
    for bad in ("0", "1", "1.5", "-0.1", "nan"):
        with pytest.raises(ConfigError, match="base_rate"):
            Config.load(env={"NEWSIFT_BASE_RATE": bad})
    with pytest.raises(ConfigError, match=r"base_rate.*'ten percent'"):
        Config.load(env={}, overrides={"base_rate": "ten percent"})


def test_config_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        Config.load(bad, env={})


def test_reader_repairs_become_report_warnings(tmp_path: Path) -> None:
    text = "The cafÃ© on the harbour reopened on Monday after the flood, its owner told reporters.\n"
    path = tmp_path / "cafe.txt"
    path.write_text(text, encoding="utf-8")
    config = Config(stages=("clean",))
    for report in (newsift.analyze(text, config), newsift.analyze(path, config)):
        assert "café" in report.article.text
        assert any("mojibake" in w for w in report.warnings)
    (many,) = list(Analyzer(config).analyze_many([path]))
    assert isinstance(many, Report) and any("mojibake" in w for w in many.warnings)


class _Sharing:
    """A toy stage whose factory is registered with ``shares=True``: it keeps what it was given."""

    name = "sharing"
    requires: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()

    def __init__(self, config: Config, *, resources: Resources) -> None:
        self.resources = resources
        self.table = resources.get("toy-table", _read_toy_table)

    def __call__(self, report: Report) -> None:
        pass


_READS: list[dict[str, int]] = []


def _read_toy_table() -> dict[str, int]:
    _READS.append({"read": len(_READS) + 1})
    return _READS[-1]


def test_stages_registered_to_share_get_the_analyzer_s_resources_and_others_only_the_config() -> None:
    _READS.clear()
    registry = StageRegistry.default(plugins=False)
    registry.register("sharing", _Sharing, shares=True)
    # Registered twice under two names: two stages asking for one resource.
    registry.register("sharing_too", _Sharing, shares=True)
    # A plain factory is called with the config alone (Upper takes no ``resources``).
    registry.register("upper", Upper)
    analyzer = Analyzer(Config(stages=("clean", "sharing", "sharing_too", "upper")), registry=registry)
    shared = [s for s in analyzer.stages if isinstance(s, _Sharing)]
    assert len(shared) == 2 and all(s.resources is analyzer.resources for s in shared)
    # The loader ran once: the second stage got the first one's object.
    assert shared[0].table is shared[1].table == {"read": 1}
    # Another Analyzer has resources of its own (nothing kept at module level).
    other = Analyzer(Config(stages=("sharing",)), registry=registry)
    assert other.resources is not analyzer.resources
    assert [s.table for s in other.stages if isinstance(s, _Sharing)] == [{"read": 2}]
    # Re-registering without ``shares`` calls the factory with the config alone.
    registry.register("sharing", Upper, replace=True)
    assert [s.name for s in Analyzer(Config(stages=("clean", "sharing")), registry=registry).stages] == [
        "clean",
        "upper",
    ]


def test_a_resource_that_failed_to_load_is_not_read_again() -> None:
    calls: list[int] = []

    def load() -> str:
        calls.append(1)
        raise ModelUnavailableError("toy table: unreadable")

    resources = Resources()
    for _ in range(2):
        with pytest.raises(ModelUnavailableError, match="toy table"):
            resources.get("toy", load)
    assert len(calls) == 1 and "toy" not in resources
    assert resources.get("other", lambda: 3) == 3 and "other" in resources
