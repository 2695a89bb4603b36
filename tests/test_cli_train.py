"""``newsift train`` and ``newsift eval`` on a tiny synthetic corpus written by the test itself."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsift.cli import app
from newsift.scoring.model import CredibilityModel

SETS = ("fakenewsnet_v1_2018", "buzzfeed_webis_2016", "coaid")
CALM = [
    "The council approved the budget on {day} after a two-hour debate, officials said.",
    "Spending on roads will rise by {n} percent next year, according to the finance office.",
    '"We looked at every line of this plan," said council member {name}.',
    "The regional audit office reviewed the figures in {month} and found no errors.",
    "A spokeswoman for the mayor said the schedule would be published on the city website.",
    "Residents can comment on the plan at a public hearing on {day}, the clerk said.",
    "The vote was {n} to 2, with two members abstaining.",
    "{name}, who chairs the transport committee, said repairs would start in {month}.",
    "The plan also sets aside money for {n} new buses, the transit agency said in a statement.",
    "Critics on the council said the increase was too small to fix the worst streets.",
]
LOUD = [
    "You will NOT believe what they are hiding from you about {name}!!!",
    "This is the most shocking scandal in history and nobody is talking about it!",
    "Share this everywhere before they delete it, wake up people!!!",
    "Everyone knows the truth now and the media is lying to your family.",
    "It is absolutely insane and totally disgusting what happened on {day}!",
    "They don't want you to know this one secret about {month}!!!",
    "We are DONE being lied to by these corrupt crooks!",
    "Sources say the evidence is explosive and it will blow your mind.",
    "This is why nobody trusts them anymore, it is unbelievable!!!",
    "Your life will never be the same after you read this!",
]
NAMES = ["Ana Ruiz", "Tom Berg", "Lena Fischer", "Omar Haddad", "Kai Nakamura", "Rosa Lind"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "May", "June", "July"]


def _article(rng: random.Random, pool: list[str]) -> str:
    picks = rng.sample(pool, 8)
    return " ".join(
        s.format(day=rng.choice(DAYS), month=rng.choice(MONTHS), name=rng.choice(NAMES), n=rng.randint(3, 90))
        for s in picks
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data")
    rng = random.Random(7)
    for s, name in enumerate(SETS):
        (root / name).mkdir()
        rows = []
        for i in range(16):
            unreliable = i % 2 == 1
            domain = f"site{s}-{i % 6}.example-{'bad' if unreliable else 'good'}.org"
            rows.append(
                {
                    "id": f"{name}-{i}",
                    "title": ("You Won't Believe This" if unreliable else "Council approves road budget") + f" {i}",
                    "text": _article(rng, LOUD if unreliable else CALM),
                    "label": "unreliable" if unreliable else "reliable",
                    "domain": domain,
                    "url": f"https://{domain}/story/{i}",
                }
            )
        with (root / name / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")
    return root


def test_train_writes_a_model_that_loads(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    args = ["train", "--data", str(data_dir), "--out", str(out), "--cache", str(tmp_path / "cache")]
    result = CliRunner().invoke(app, [*args, "--datasets", ",".join(SETS)])
    assert result.exit_code == 0, result.output
    model = CredibilityModel.load(out)
    assert model.metadata["seed"] == 13
    # Uncapped by default: every article of every set trains.
    assert model.metadata["cap_per_dataset"] is None
    assert model.metadata["training_articles"] == 48
    assert set(model.metadata["per_dataset"]) == set(SETS)
    assert model.text.terms and model.style.terms and model.style.analyzer == "style"
    # A second run reads the cache and gives the same model: training is reproducible (a cap the
    # sets do not reach draws every article, in the same order).
    again = tmp_path / "again"
    rerun = ["train", "--data", str(data_dir), "--out", str(again), "--cache", str(tmp_path / "cache")]
    assert CliRunner().invoke(app, [*rerun, "--datasets", ",".join(SETS), "--cap", "16"]).exit_code == 0
    assert CredibilityModel.load(again).without_domain.coef_ == model.without_domain.coef_


def test_the_training_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsift.scoring.train import trained_date

    # A rebuild on a later day must be able to write the same bytes as the shipped file.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02 00:00 UTC
    assert trained_date() == "2025-12-02"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert len(trained_date()) == 10 and trained_date() != "2025-12-02"


def test_eval_prints_a_row_per_held_out_set_beside_the_baseline(data_dir: Path, tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--data",
            str(data_dir),
            "--cache",
            str(tmp_path / "cache"),
            "--datasets",
            ",".join(SETS),
            "--cap",
            "16",
            "--json",
            str(figures),
            "--predictions",
            str(tmp_path / "predictions.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    for name in SETS:
        assert name in result.output
    assert "tfidf" in result.output and "grouped-by-domain" in result.output
    # Unset, the intervals take the evaluation's own number of draws, as eval/credibility.py does.
    from newsift.scoring.evaluate import BOOTSTRAP_ROUNDS

    assert f"({BOOTSTRAP_ROUNDS:,} draws" in result.output
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert set(data["lodo"]) == set(SETS)
    for per in data["lodo"].values():
        assert 0.0 <= per["+domain"]["ece"] <= 1.0
        assert per["as shipped"]["n"] == per["+domain"]["n"]
    assert "label shift" in result.output
    assert set(data["label_shift"]) == set(SETS)
    # The held-out predictions, read back: every item of every held-out set, with each system's score.
    from newsift.scoring.evaluate import SYSTEMS, read_predictions

    held = read_predictions((tmp_path / "predictions.json").read_text(encoding="utf-8"))
    assert set(held) == set(SETS)
    for name, (y, preds) in held.items():
        assert len(y) == data["lodo"][name]["as shipped"]["n"]
        assert set(preds) == set(SYSTEMS) and all(len(p) == len(y) for p in preds.values())
    for name, shift in data["label_shift"].items():
        assert shift["ece"] == data["lodo"][name]["as shipped"]["ece"]
        assert 0.01 <= shift["estimated_rate"] <= 0.99


def test_unknown_dataset_is_a_usage_error(data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(data_dir), "--datasets", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.output


def test_missing_data_folder_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "--data", str(tmp_path / "absent"), "--cache", str(tmp_path / "c"), "--datasets", SETS[0]]
    )
    assert result.exit_code == 1
    assert "cannot read" in result.output and "--data" in result.output


def test_source_groups_put_short_links_and_archived_copies_with_their_publisher() -> None:
    from newsift.scoring.corpus import LabelledArticle

    def group(url: str | None, domain: str | None) -> str:
        return LabelledArticle("set", "1", None, "text", url, domain, 0).group

    assert group("https://www.cnn.com/2016/story", "cnn.com") == "cnn.com"
    assert group("http://cnn.it/2dXyZ", "cnn.it") == "cnn.com"
    archived = "http://web.archive.org/web/20160920123248/http://abcnews.go.com/US/story"
    assert group(archived, "web.archive.org") == "abcnews.go.com"
    assert group(None, "www.example-news.org") == "example-news.org"
    assert group(None, None) == "set:no-domain"


def test_the_training_corpus_is_repaired_as_the_readers_repair_it(tmp_path: Path) -> None:
    from newsift.ingest.decode import repair_mojibake
    from newsift.scoring.corpus import DedupStats, load_corpus

    body = "The mayor said there\u2019s no money left \u2013 and the council\u2019s vote is next week. " * 8
    broken = body.encode("utf-8").decode("cp1252")
    assert "\u00e2\u20ac" in broken  # what a page read with the wrong codec shows
    folder = tmp_path / "set_a"
    folder.mkdir()
    row = {"id": "1", "title": "Mayor\u2019s plan".encode().decode("cp1252"), "text": broken, "label": "reliable"}
    (folder / "set_a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    stats = DedupStats()
    (item,) = load_corpus(tmp_path, ["set_a"], stats=stats)
    assert item.text == repair_mojibake(broken)[0] == body
    assert item.title == "Mayor\u2019s plan"
    assert stats.to_dict()["mojibake_repaired"] == {"set_a": 1}


def test_no_cap_keeps_every_article_and_a_cap_takes_the_minority_first() -> None:
    from newsift.scoring.corpus import LabelledArticle, cap_per_dataset

    arts = [LabelledArticle("a", f"a{i:02d}", None, "text", None, None, int(i < 3)) for i in range(12)] + [
        LabelledArticle("b", f"b{i:02d}", None, "text", None, None, 0) for i in range(5)
    ]
    every = cap_per_dataset(arts, None, 13)
    assert sorted(a.key for a in every) == sorted(a.key for a in arts)
    # A cap the sets do not reach draws the same articles in the same order as no cap.
    assert [a.key for a in cap_per_dataset(arts, 100, 13)] == [a.key for a in every]
    capped = cap_per_dataset(arts, 8, 13)
    a_side = [x for x in capped if x.dataset == "a"]
    assert len(a_side) == 8 and sum(x.label for x in a_side) == 3  # all three of the minority
    assert len([x for x in capped if x.dataset == "b"]) == 5
