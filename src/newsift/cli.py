"""The ``newsift`` command line: a thin layer over :class:`newsift.Analyzer`.

No analysis happens here.  The CLI turns options into a :class:`Config`,
streams ``Analyzer.analyze_many`` into a renderer or writer, prints one line
per failed input on stderr and a summary, and maps the outcome to an exit code:

* 0: every input article was analysed;
* 1: some inputs failed, or no article was found at all;
* 2: usage error (bad option, no inputs, unknown format, invalid configuration).

Each command is a plain function on ``app``; later commands (``train``,
``eval``, ``serve``, ``batch``) are added the same way and share
:func:`load_config` / :func:`build_analyzer` for option handling.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .config import Config
from .errors import ConfigError, NewsiftError
from .pipeline import Analyzer, Failure, Result
from .report import Article, Report, json_schema

app = typer.Typer(
    name="newsift",
    help="Tell a reader what a news article really is: clean text, furniture, quotes, claims, credibility.",
    no_args_is_help=True,
    add_completion=False,
    # A traceback full of local variables is the wrong answer to a user; errors
    # newsift expects are printed as one line, anything else as a plain traceback.
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"


STDIN = "-"


@dataclass
class Tally:
    succeeded: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.succeeded + self.failed


# -- shared helpers for every command ------------------------------------------
def _err(message: str) -> None:
    # One physical line per message: a reason with a newline in it would break
    # the "one line per failure" contract that scripts grep for.
    typer.echo(" ".join(message.split()), err=True)


def fail_usage(message: str) -> NoReturn:
    _err(f"error: {message}")
    raise typer.Exit(2)


def load_config(path: Path | None, overrides: dict[str, Any] | None = None) -> Config:
    """Config from defaults, ``path``, the environment and CLI overrides; exit 2 when invalid."""
    try:
        return Config.load(path, overrides=overrides or {})
    except ConfigError as exc:
        fail_usage(f"invalid configuration: {exc}")


def build_analyzer(config: Config) -> Analyzer:
    """The one Analyzer of a command; a configuration it cannot honour is a usage error (exit 2)."""
    try:
        return Analyzer(config)
    except NewsiftError as exc:  # ConfigError, or stages listed out of dependency order
        fail_usage(f"invalid configuration: {exc}")


@contextmanager
def open_output(out: Path | None) -> Iterator[IO[str]]:
    """``out`` opened as UTF-8 text, or stdout (left open) when ``out`` is None."""
    if out is None:
        yield sys.stdout
        return
    try:
        stream = open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
    except OSError as exc:
        fail_usage(f"cannot write --out {out}: {exc.strerror or exc} (check the directory and permissions)")
    with stream:
        yield stream


def split_results(results: Iterable[Result], tally: Tally) -> Iterator[Report]:
    """Yield the reports; report each failure on stderr as it happens and count both."""
    for item in results:
        if isinstance(item, Failure):
            tally.failed += 1
            _err(f"error: {item.error}")
        else:
            tally.succeeded += 1
            yield item


# -- writers: each consumes reports lazily, one at a time -----------------------
def write_jsonl(reports: Iterable[Report], stream: IO[str]) -> None:
    for report in reports:
        stream.write(report.to_json() + "\n")
        # Flushed per line so a consumer downstream of a pipe sees each report as it is made.
        stream.flush()


def write_json(reports: Iterable[Report], stream: IO[str], tally: Tally) -> None:
    """One object for exactly one input article, else a list, without holding the corpus.

    Only the first report waits: the shape is decided when a second input
    (report or failure) shows up, or at the end.
    """
    pending: Report | None = None
    written = 0
    for report in reports:
        if written == 0 and pending is None:
            pending = report
            continue
        if pending is not None:
            stream.write("[\n" + pending.to_json())
            pending = None
            written = 1
        stream.write(",\n" + report.to_json())
        written += 1
    if pending is not None:
        if tally.total == 1:
            stream.write(pending.to_json(indent=2) + "\n")
            return
        stream.write("[\n" + pending.to_json())
        written = 1
    stream.write("\n]\n" if written else "[]\n")


def write_text(reports: Iterable[Report], stream: IO[str], *, to_file: bool) -> None:
    from .render.text import render_text

    # markup/emoji/highlight off: nothing printed through this console is
    # meant to be interpreted, and article text must never be.
    console = Console(
        file=stream,
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=False if to_file else None,
        color_system=None if to_file else "auto",
        width=100 if to_file else None,
    )
    render_text(reports, console)


def write_html(reports: Iterable[Report], stream: IO[str]) -> None:
    from .render.html import iter_html

    for chunk in iter_html(reports):
        stream.write(chunk)


# -- commands -------------------------------------------------------------------
def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsift {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsift: offline analysis of scraped news articles."""


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or directories to analyse; '-' reads stdin.", show_default=False),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = OutputFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here (UTF-8) instead of stdout.", dir_okay=False)
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config file.")] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", help="What the inputs hold (default: auto, sniffed).", case_sensitive=False),
    ] = None,
    id_column: Annotated[str | None, typer.Option("--id-column", help="JSONL/CSV id field.")] = None,
    title_column: Annotated[str | None, typer.Option("--title-column", help="JSONL/CSV title field.")] = None,
    text_column: Annotated[str | None, typer.Option("--text-column", help="JSONL/CSV text field.")] = None,
    url_column: Annotated[str | None, typer.Option("--url-column", help="JSONL/CSV url field.")] = None,
    published_column: Annotated[
        str | None, typer.Option("--published-column", help="JSONL/CSV publication date field.")
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode inputs with this codec.")] = None,
    disable: Annotated[
        list[str] | None, typer.Option("--disable", help="Skip this stage (repeatable).", show_default=False)
    ] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
    base_rate: Annotated[
        float | None,
        typer.Option(
            "--base-rate",
            help="Share of unreliable articles expected in the inputs (0-1), when known; "
            "default: the even mix the model was fitted on.",
        ),
    ] = None,
    learn_site_furniture: Annotated[
        bool,
        typer.Option(
            "--learn-site-furniture",
            help="First pass over the inputs to learn lines that recur across a site's articles.",
        ),
    ] = False,
) -> None:
    """Analyse articles and print a report for each."""
    if paths.count(STDIN) > 1:
        raise typer.BadParameter("'-' (stdin) can be given only once", param_hint="PATH")
    if learn_site_furniture and STDIN in paths:
        raise typer.BadParameter(
            "needs two passes over the inputs, so it cannot read stdin ('-'); save the input to a file first",
            param_hint="--learn-site-furniture",
        )
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None

    cfg = load_config(
        config,
        {
            "input_format": input_format.value if input_format is not None else None,
            "encoding": encoding,
            "spacy_model": spacy_model,
            "base_rate": base_rate,
            "columns.id": id_column,
            "columns.title": title_column,
            "columns.text": text_column,
            "columns.url": url_column,
            "columns.published": published_column,
        },
    )
    if disable:
        unknown = sorted(set(disable) - set(cfg.stages))
        if unknown:
            raise typer.BadParameter(
                f"unknown stage {', '.join(map(repr, unknown))}; the stages are {', '.join(cfg.stages)}",
                param_hint="--disable",
            )
        try:
            cfg = cfg.with_overrides({"disabled": (*cfg.disabled, *disable)})
        except ConfigError as exc:
            fail_usage(f"invalid configuration: {exc}")
    analyzer = build_analyzer(cfg)

    if learn_site_furniture:
        articles = (a for a in analyzer.iter_articles(paths) if isinstance(a, Article))
        try:
            learned = analyzer.learn_site_furniture(articles)
        except NewsiftError as exc:
            fail_usage(f"--learn-site-furniture: {exc}")
        _err(f"note: learned {learned} site furniture line(s) from a first pass over the inputs")

    tally = Tally()
    with open_output(out) as stream:
        reports = split_results(analyzer.analyze_many(paths), tally)
        try:
            if output_format is OutputFormat.jsonl:
                write_jsonl(reports, stream)
            elif output_format is OutputFormat.json:
                write_json(reports, stream, tally)
            elif output_format is OutputFormat.html:
                write_html(reports, stream)
            else:
                write_text(reports, stream, to_file=out is not None)
        except NewsiftError as exc:
            # A reader that raises instead of yielding its error ends the run;
            # it still gets the one-line treatment, and counts as a failure.
            tally.failed += 1
            _err(f"error: {exc}")

    if tally.total == 0:
        _err("error: no article found in the inputs (check the paths, or --input-format)")
    _err(f"{tally.succeeded} succeeded, {tally.failed} failed")
    raise typer.Exit(0 if tally.failed == 0 and tally.succeeded > 0 else 1)


@app.command()
def schema() -> None:
    """Print the JSON schema of a report."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def stages(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="TOML config file.")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
) -> None:
    """List the registered stages and whether each one loads."""
    cfg = load_config(config, {"spacy_model": spacy_model})
    analyzer = build_analyzer(cfg)
    loaded = set(analyzer.stage_names)
    table = Table(box=None, header_style="bold", padding=(0, 2))
    table.add_column("stage", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("detail")
    for name in cfg.stages:
        if name in loaded:
            table.add_row(Text(name), Text("ok", style="green"), Text(""))
        else:
            reason = analyzer.absent.get(name, "")
            status = "disabled" if name in cfg.disabled else "absent"
            table.add_row(Text(name), Text(status, style="yellow"), Text(reason))
    for name in analyzer.registry.names():
        if name not in cfg.stages:
            idle = Text("registered but not listed in the config's 'stages'")
            table.add_row(Text(name), Text("idle", style="dim"), idle)
    Console(markup=False, emoji=False, highlight=False).print(table)


# train and eval read the same corpus the same way: one definition of their shared options.
_DataOption = Annotated[Path, typer.Option("--data", help="The shared datasets folder.")]
_CapOption = Annotated[
    int | None,
    typer.Option("--cap", help="At most this many articles per dataset (default: every deduplicated one).", min=10),
]
_SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the per-dataset sampling.")]
_CacheOption = Annotated[Path, typer.Option("--cache", help="Where parsed signals are cached (outside the repo).")]
_DatasetsOption = Annotated[str | None, typer.Option("--datasets", help="Comma-separated subset of the article sets.")]


@app.command()
def train(
    data: _DataOption = Path("../shared/data"),
    out: Annotated[Path, typer.Option("--out", help="Folder to write model.json into.")] = Path(
        "src/newsift/models/credibility"
    ),
    cap: _CapOption = None,
    seed: _SeedOption = 13,
    cache: _CacheOption = Path("/tmp/newsift-credibility-cache"),
    datasets: _DatasetsOption = None,
) -> None:
    """Train the credibility model from the shared datasets (reproducible: fixed seed)."""
    from .scoring.train import train as run_training

    chosen = _datasets_option(datasets)
    try:
        path = run_training(data, out, cap=cap, seed=seed, cache_dir=cache, datasets=chosen)
    except (NewsiftError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    _err(f"wrote {path}")


@app.command("eval")
def evaluate_command(
    data: _DataOption = Path("../shared/data"),
    cap: _CapOption = None,
    seed: _SeedOption = 13,
    cache: _CacheOption = Path("/tmp/newsift-credibility-cache"),
    datasets: _DatasetsOption = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures (numbers only) here.", dir_okay=False)
    ] = None,
    rounds: Annotated[
        int | None,
        typer.Option(
            "--bootstrap", min=0, help="Draws for the intervals under the table (default: the evaluation's; 0: none)."
        ),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Also write every held-out item's class and probabilities here (for eval/compare_credibility.py).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Leave-one-dataset-out and grouped-by-domain evaluation beside a TF-IDF baseline."""
    from .scoring.evaluate import bootstrap, evaluate, format_report, predictions_json, report_figures
    from .scoring.train import build_training_set

    chosen = _datasets_option(datasets)
    try:
        training = build_training_set(data, cap=cap, seed=seed, cache_dir=cache, datasets=chosen)
        result = evaluate(training, chosen)
    except (NewsiftError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    # Left unset, the draws are the evaluation module's own default, one number for the script and the CLI.
    boot = None if rounds == 0 else bootstrap(result) if rounds is None else bootstrap(result, rounds)
    typer.echo(format_report(result, boot))
    if json_out is not None:
        json_out.write_text(json.dumps(report_figures(result, boot), indent=1), encoding="utf-8")
    if predictions is not None:
        predictions.write_text(predictions_json(result), encoding="utf-8")


def _datasets_option(value: str | None) -> tuple[str, ...]:
    from .scoring.corpus import DATASETS

    if value is None:
        return DATASETS
    chosen = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = sorted(set(chosen) - set(DATASETS))
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unknown dataset {', '.join(map(repr, unknown))}; choose from {', '.join(DATASETS)}",
            param_hint="--datasets",
        )
    return chosen


def main() -> None:
    """Console-script entry point (``newsift``)."""
    app(prog_name="newsift")


if __name__ == "__main__":
    main()
