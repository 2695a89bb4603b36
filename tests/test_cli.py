"""The CLI through typer's in-process runner, on small invented articles written to tmp_path."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsift.cli import Tally, app, write_json, write_jsonl
from newsift.report import SCHEMA_VERSION, Article, Report

runner = CliRunner()

ARTICLE = """\
Riverside council approves footbridge budget

The Riverside town council voted seven to two on Tuesday to approve a budget for a new footbridge over the \
Mill River, ending a dispute that had lasted three years.

"This bridge will reconnect two neighbourhoods that were cut off when the old crossing closed," said council \
member Ana Ortiz after the vote.

Construction is expected to begin in the spring and to take about eighteen months, according to the town's \
planning department. Residents can comment on the design at the library until the end of the month.

You May Also Like
Five riverside walks to try this summer
Why the old mill closed its doors

Leave a Reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Post Comment
"""

SECOND = """\
Library extends weekend opening hours

The central library will open on Sundays from next month, the library board said on Wednesday, after a \
survey found strong demand from students and families.

The change costs little because volunteers will staff the reading rooms, the board's chair told reporters.
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return write(tmp_path / "bridge.txt", ARTICLE)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "a1", "title": "Footbridge approved", "text": ARTICLE}),
        "{this is not json",
        json.dumps({"id": "a2", "title": "Library hours", "text": SECOND}),
    ]
    return write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")


def run(*args: str, input: str | None = None, full: bool = False) -> tuple[int, str, str]:
    """Invoke the CLI in-process; unless ``full``, only the clean stage runs.

    The CLI is the subject here, not the NLP stages: limiting the pipeline
    (through the environment, as a user would) keeps each invocation from
    loading spaCy.  One test runs the full default pipeline.
    """
    env = None if full else {"NEWSIFT_STAGES": "clean"}
    result = runner.invoke(app, list(args), input=input, env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


# -- formats ----------------------------------------------------------------------
def test_text_format(article: Path) -> None:
    code, out, err = run("analyze", str(article), full=True)
    assert code == 0, err
    assert "Riverside council approves footbridge budget" in out
    assert "Removed furniture" in out
    assert err.strip().splitlines()[-1] == "1 succeeded, 0 failed"


def test_json_single_article_is_one_object(article: Path) -> None:
    code, out, err = run("analyze", str(article), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["article"]["text"] == ARTICLE
    assert data["furniture"], "the fixture's comment form and teaser block should be found"
    for piece in data["furniture"]:
        assert ARTICLE[piece["start"] : piece["end"]] == piece["text"]


def test_json_many_articles_is_a_list(article: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "library.txt", SECOND)
    code, out, _ = run("analyze", str(article), str(other), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["article"]["id"] for d in data] == ["bridge", "library"]
    assert all(d["schema_version"] == SCHEMA_VERSION for d in data)


def test_jsonl_one_report_per_line(corpus: Path) -> None:
    code, out, err = run("analyze", str(corpus), "--format", "jsonl")
    assert code == 1  # one bad line
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["article"]["id"] for r in reports] == ["a1", "a2"]
    assert all(r["schema_version"] == SCHEMA_VERSION for r in reports)
    assert "error" not in out  # failures go to stderr only
    assert err.strip().splitlines()[-1] == "2 succeeded, 1 failed"


def test_html_to_out_file(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, err = run("analyze", str(article), "--format", "html", "--out", str(target))
    assert code == 0, err
    assert out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    _, js, _ = run("analyze", str(article), "--format", "json")
    kinds = {piece["kind"] for piece in json.loads(js)["furniture"]}
    assert kinds
    for kind in kinds:
        assert re.search(rf'<span class="kind">[^<]*\b{re.escape(kind)}\b[^<]*</span><del>', page), kind


def test_html_escapes_script_in_article(tmp_path: Path) -> None:
    text = ARTICLE.replace("after the vote", "after the <script>alert(1)</script> vote")
    src = write(tmp_path / "xss.txt", text)
    code, out, _ = run("analyze", str(src), "--format", "html")
    assert code == 0
    assert "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_text_prints_markup_in_article_literally(tmp_path: Path) -> None:
    title = "Riverside council approves [bold red]footbridge[/] budget [/]"
    text = ARTICLE.replace("Riverside council approves footbridge budget", title)
    src = write(tmp_path / "markup.txt", text)
    code, out, err = run("analyze", str(src))
    assert code == 0, err
    assert title in out


def test_text_to_out_file_has_no_colour_codes(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    code, out, _ = run("analyze", str(article), "--out", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "Riverside council approves footbridge budget" in text
    assert "\x1b" not in text


def test_stdin(tmp_path: Path) -> None:
    code, out, err = run("analyze", "-", "--format", "json", input=ARTICLE)
    assert code == 0, err
    assert json.loads(out)["article"]["text"] == ARTICLE


def test_csv_with_custom_columns(tmp_path: Path) -> None:
    src = tmp_path / "articles.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["key", "headline", "body"])
        writer.writerow(["c1", "Footbridge approved", ARTICLE])
        writer.writerow(["c2", "Library hours", SECOND])
    code, out, err = run(
        "analyze",
        str(src),
        "--format",
        "jsonl",
        "--id-column",
        "key",
        "--title-column",
        "headline",
        "--text-column",
        "body",
    )
    assert code == 0, err
    reports = [json.loads(line) for line in out.splitlines()]
    assert [(r["article"]["id"], r["article"]["title"]) for r in reports] == [
        ("c1", "Footbridge approved"),
        ("c2", "Library hours"),
    ]


def test_disable_stage_leaves_a_warning(article: Path) -> None:
    code, out, _ = run("analyze", str(article), "--format", "json", "--disable", "clean")
    assert code == 0
    data = json.loads(out)
    assert data["furniture"] == []
    assert any("'clean'" in w and "disabled" in w for w in data["warnings"])


def test_learn_site_furniture_first_pass(tmp_path: Path) -> None:
    boiler = "Subscribe to the Riverside Courier morning briefing for local news every day"
    records = [
        {
            "id": f"r{i}",
            "url": f"https://courier.example/story-{i}",
            "title": f"Story {i}",
            "text": (f"Story number {i} is about the {word} market.\n\n{boiler}\n\nMore on the {word} later.\n"),
        }
        for i, word in enumerate(["fish", "fruit", "flower", "book", "car", "bike"])
    ]
    src = write(tmp_path / "site.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    code, out, err = run("analyze", str(src), "--format", "jsonl", "--learn-site-furniture")
    assert code == 0, err
    learned = re.search(r"learned (\d+) site furniture", err)
    assert learned and int(learned.group(1)) > 0
    assert len(out.splitlines()) == len(records)


# -- failures and exit codes -------------------------------------------------------
def test_bad_record_gives_one_line_naming_input_and_line(corpus: Path) -> None:
    code, out, err = run("analyze", str(corpus), "--format", "json")
    assert code == 1
    errors = error_lines(err)
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {corpus}:2: ")
    assert err.strip().splitlines()[-1] == "2 succeeded, 1 failed"
    assert len(json.loads(out)) == 2  # processing went on past the bad line


def test_json_is_a_list_when_other_inputs_failed(tmp_path: Path) -> None:
    src = write(tmp_path / "one.jsonl", json.dumps({"id": "ok", "text": ARTICLE}) + "\n[1, 2]\n")
    code, out, _ = run("analyze", str(src), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and [d["article"]["id"] for d in data] == ["ok"]


def test_missing_input_is_named(tmp_path: Path, article: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run("analyze", str(missing), str(article), "--format", "jsonl")
    assert code == 1
    errors = error_lines(err)
    assert len(errors) == 1 and str(missing) in errors[0]
    assert len(out.splitlines()) == 1
    assert err.strip().splitlines()[-1] == "1 succeeded, 1 failed"


def test_no_article_found_exits_1(tmp_path: Path) -> None:
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    code, out, err = run("analyze", str(empty_dir), "--format", "json")
    assert code == 1
    assert json.loads(out) == []
    assert "no article found" in err
    assert err.strip().splitlines()[-1] == "0 succeeded, 0 failed"


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],  # no inputs
        ["analyze", "{article}", "--format", "yaml"],
        ["analyze", "{article}", "--input-format", "pdf"],
        ["analyze", "{article}", "--encoding", "no-such-codec"],
        ["analyze", "{article}", "--disable", "no-such-stage"],
        ["analyze", "-", "--learn-site-furniture"],
        ["analyze", "-", "-"],
        ["analyze", "{article}", "--out", "{tmp}/missing-dir/out.json"],
        ["analyze", "{article}", "--bogus-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str], article: Path, tmp_path: Path) -> None:
    filled = [a.format(article=article, tmp=tmp_path) for a in args]
    code, out, _ = run(*filled, input="")
    assert code == 2
    assert out == ""


def test_a_base_rate_outside_0_and_1_exits_2_naming_the_setting(article: Path) -> None:
    code, out, err = run("analyze", str(article), "--base-rate", "1.5")
    assert code == 2 and out == ""
    assert "base_rate" in err and "1.5" in err


def test_bad_config_exits_2_with_message(article: Path, tmp_path: Path) -> None:
    bad_toml = write(tmp_path / "bad.toml", "stages = [\n")
    code, _, err = run("analyze", str(article), "--config", str(bad_toml))
    assert code == 2
    assert "invalid configuration" in err and "invalid TOML" in err

    bad_value = write(tmp_path / "value.toml", 'input_format = "pdf"\n')
    code, _, err = run("analyze", str(article), "--config", str(bad_value))
    assert code == 2
    assert "input_format" in err

    code, _, err = run("analyze", str(article), "--config", str(tmp_path / "absent.toml"))
    assert code == 2 and "absent.toml" in err


# -- other commands ----------------------------------------------------------------
def test_schema_command() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    assert "article" in schema["required"]


def test_stages_command() -> None:
    code, out, _ = run("stages")
    assert code == 0
    assert re.search(r"^\s*clean\s+ok\b", out, re.MULTILINE)


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("newsift ")
    code, out, _ = run("analyze", "--help")
    assert code == 0 and "--learn-site-furniture" in out


# -- writers stream ------------------------------------------------------------------
def _reports(n: int) -> list[Report]:
    return [Report(article=Article(id=f"r{i}", text=f"text {i}")) for i in range(n)]


def test_jsonl_writes_each_report_before_the_next_is_made() -> None:
    stream = io.StringIO()

    def produce() -> Iterator[Report]:
        for i, report in enumerate(_reports(3)):
            # Everything before this report is already out when it is produced.
            assert stream.getvalue().count("\n") == i
            yield report

    write_jsonl(produce(), stream)
    ids = [json.loads(line)["article"]["id"] for line in stream.getvalue().splitlines()]
    assert ids == ["r0", "r1", "r2"]


def test_json_writer_holds_at_most_one_report() -> None:
    stream = io.StringIO()

    def produce() -> Iterator[Report]:
        for i, report in enumerate(_reports(4)):
            if i >= 2:
                assert f'"r{i - 1}"' in stream.getvalue()
            yield report

    tally = Tally(succeeded=4)
    write_json(produce(), stream, tally)
    assert [d["article"]["id"] for d in json.loads(stream.getvalue())] == ["r0", "r1", "r2", "r3"]


@pytest.mark.parametrize(("n", "total", "shape"), [(0, 0, list), (1, 1, dict), (1, 3, list), (2, 2, list)])
def test_json_writer_shape(n: int, total: int, shape: type) -> None:
    stream = io.StringIO()
    write_json(iter(_reports(n)), stream, Tally(succeeded=n, failed=total - n))
    data = json.loads(stream.getvalue())
    assert isinstance(data, shape)
    assert len(data if isinstance(data, list) else [data]) == n
