"""Throughput and memory of newsift's ingest and clean stages, in one process.

Run from the repository root with the venv active::

    python bench/ingest_clean.py                 # throughput: (a) ingest, (b) ingest+clean
    python bench/ingest_clean.py --profile       # ... plus the top functions by cumulative time
    python bench/ingest_clean.py --memory        # memory test on a ~1 GB JSONL (--size-mb to shrink)

The article and post sets are those in the "Article / post level" table of
DATASETS_INDEX.md, each read from its normalised ``<dir>/<dir>.jsonl`` with newsift's
JSONL reader; the seed article is read with the text reader.  Each figure is the median
of ``--repeats`` runs (the machine is shared and noisy), by wall clock and by this
process's CPU time; the goal is 2,000 articles/s per core, and one process uses one core.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsift import Analyzer, Config

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
GOAL_PER_CORE = 2000.0  # articles/s/core
RSS_GOAL_MB = 300.0
SECTION = "## Article / post level"
# How long one timed run of a set must last at least: a single 4 kB article is read
# in well under a millisecond, which a timer on a busy machine cannot resolve.
MIN_RUN_SECONDS = 0.3


@dataclass
class Source:
    name: str
    path: Path

    @property
    def nbytes(self) -> int:
        return self.path.stat().st_size


@dataclass
class Run:
    articles: int = 0
    failures: int = 0
    clean_failures: int = 0
    wall: float = 0.0
    cpu: float = 0.0


@dataclass
class Timings:
    loops: int = 1
    runs: dict[str, list[Run]] = field(default_factory=lambda: {"ingest": [], "ingest+clean": []})


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per set and mode (default 5)")
    ap.add_argument("--only", action="append", default=[], help="bench only this set (repeatable)")
    ap.add_argument("--profile", action="store_true", help="profile one ingest+clean pass over all sets")
    ap.add_argument("--profile-top", type=int, default=25, help="functions to list with --profile")
    ap.add_argument("--memory", action="store_true", help="run the memory test instead of throughput")
    ap.add_argument("--size-mb", type=float, default=1024.0, help="memory-test JSONL size (default 1024)")
    ap.add_argument("--tmp-dir", type=Path, default=None, help="where to write the memory-test JSONL")
    args = ap.parse_args(argv)
    if args.repeats < 1 or args.size_mb <= 0:
        ap.error("--repeats and --size-mb must be positive")
    return args


def discover(data: Path, only: list[str]) -> list[Source]:
    """The article/post sets listed in DATASETS_INDEX.md, plus the seed article(s)."""
    if not data.is_dir():
        fail(f"data folder {data} not found; pass --data /path/to/shared/data")
    index = data / "DATASETS_INDEX.md"
    if not index.is_file():
        fail(f"{index} not found: --data must be the shared data folder that holds it")
    text = index.read_text(encoding="utf8")
    start = text.find(SECTION)
    if start < 0:
        fail(f"{index} has no '{SECTION}' table; the list of sets cannot be read")
    end = text.find("\n## ", start + len(SECTION))
    sources = []
    for line in text[start : end if end > 0 else None].splitlines():
        m = re.match(r"\|\s*([A-Za-z0-9_]+)", line)
        if not m or m.group(1) == "dir":
            continue
        path = data / m.group(1) / f"{m.group(1)}.jsonl"
        if path.is_file():
            sources.append(Source(m.group(1), path))
        else:
            print(f"warning: {path} listed in the index but missing; skipped", file=sys.stderr)
    sources.extend(Source(f"seed/{p.name}", p) for p in sorted((data / "seed").glob("*.txt")))
    if only:
        sources = [s for s in sources if s.name in only or s.name.split("/")[0] in only]
    if not sources:
        fail(f"no article sets found under {data}")
    return sources


def build_analyzer() -> tuple[Config, Analyzer]:
    try:
        from newsift import Analyzer, Config
        from newsift.ingest import iter_sources  # noqa: F401 - fail here, clearly, if ingest is missing
    except ImportError as exc:
        fail(f"cannot import newsift's ingest package: {exc}")
        raise  # unreachable
    config = Config(stages=("clean",))
    analyzer = Analyzer(config)
    if "clean" not in analyzer.stage_names:
        fail(f"newsift's clean stage did not load: {'; '.join(analyzer.absent.values())}")
    return config, analyzer


def one_pass(paths: Iterable[Path], config: Config, analyzer: Analyzer | None, run: Run) -> None:
    from newsift.ingest import iter_sources
    from newsift.report import Article

    for item in iter_sources(list(paths), config):
        if not isinstance(item, Article):
            run.failures += 1
            continue
        run.articles += 1
        if analyzer is not None:
            report = analyzer.analyze_article(item)
            if any(w.startswith("stage 'clean' failed") for w in report.warnings):
                run.clean_failures += 1


def timed(src: Source, loops: int, config: Config, analyzer: Analyzer | None) -> Run:
    run = Run()
    w0, c0 = time.perf_counter(), time.process_time()
    one_pass([src.path] * loops, config, analyzer, run)
    run.wall, run.cpu = time.perf_counter() - w0, time.process_time() - c0
    return run


def throughput(sources: list[Source], config: Config, analyzer: Analyzer, repeats: int) -> None:
    timings: dict[str, Timings] = {}
    for src in sources:
        warm = timed(src, 1, config, analyzer)  # also warms the page cache and lazy imports
        timings[src.name] = Timings(loops=max(1, math.ceil(MIN_RUN_SECONDS / max(warm.wall, 1e-6))))
    # Repeats go round all sets in turn so that a burst of load from another user
    # spreads over the sets instead of sinking one.
    for rep in range(repeats):
        for src in sources:
            t = timings[src.name]
            t.runs["ingest"].append(timed(src, t.loops, config, None))
            t.runs["ingest+clean"].append(timed(src, t.loops, config, analyzer))
        print(f"  ... repeat {rep + 1}/{repeats} done", file=sys.stderr, flush=True)

    head = (
        f"{'set':<34} {'mode':<13} {'articles':>8} {'fail':>5} {'MB':>7} "
        f"{'art/s wall':>10} {'(min-max)':>15} {'art/s cpu':>9} {'MB/s':>6} {'x goal':>6}"
    )
    print(head)
    print("-" * len(head))
    totals: dict[str, list[float]] = {"ingest": [0.0] * 4, "ingest+clean": [0.0] * 4}
    clean_failures = 0
    for src in sources:
        t = timings[src.name]
        for mode, runs in t.runs.items():
            first = runs[0]
            n, mb = first.articles, src.nbytes * t.loops / 1e6
            wall = statistics.median(r.wall for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            rates = sorted(n / r.wall for r in runs if r.wall > 0)
            spread = f"{rates[0]:.0f}-{rates[-1]:.0f}" if rates else "-"
            aps = n / wall if wall else 0.0
            print(
                f"{src.name:<34} {mode:<13} {n // t.loops:>8} {first.failures // t.loops:>5} "
                f"{src.nbytes / 1e6:>7.3f} {aps:>10.0f} {spread:>15} {n / cpu if cpu else 0:>9.0f} "
                f"{mb / wall if wall else 0:>6.1f} {aps / GOAL_PER_CORE:>6.2f}"
            )
            if mode == "ingest+clean":
                clean_failures += first.clean_failures
            if not src.name.startswith("seed/"):
                agg = totals[mode]
                agg[0] += n / t.loops
                agg[1] += src.nbytes / 1e6
                agg[2] += wall / t.loops
                agg[3] += cpu / t.loops
    print("-" * len(head))
    for mode, (count, mb, wall, cpu) in totals.items():
        aps = count / wall if wall else 0.0
        print(
            f"{'all JSONL sets (sum of medians)':<34} {mode:<13} {count:>8.0f} {'':>5} {mb:>7.2f} "
            f"{aps:>10.0f} {'':>15} {count / cpu if cpu else 0:>9.0f} {mb / wall if wall else 0:>6.1f} "
            f"{aps / GOAL_PER_CORE:>6.2f}"
        )
    print(
        f"\n'x goal' = wall-clock articles/s / {GOAL_PER_CORE:.0f} (one process = one core); "
        f"'fail' = records the reader turned into errors (e.g. empty text); MB = input file size."
    )
    if clean_failures:
        print(f"warning: the clean stage failed (caught, report kept) on {clean_failures} article(s)")


def profile(sources: list[Source], config: Config, analyzer: Analyzer, top: int) -> None:
    prof = cProfile.Profile()
    run = Run()
    prof.enable()
    one_pass([s.path for s in sources], config, analyzer, run)
    prof.disable()
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        body = out.getvalue()
        cut = body.find("   ncalls")
        print(f"\nprofile of one ingest+clean pass ({run.articles} articles), top {top} by {key}:")
        print((body[cut:] if cut >= 0 else body).rstrip())


def rss_mb() -> float:
    """Current resident set size; falls back to the peak where /proc is absent."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def write_big_jsonl(sources: list[Source], target: Path, size_bytes: int) -> int:
    """Repeat the JSONL sets into ``target`` until it reaches ``size_bytes``; returns its line count."""
    jsonl = [s.path for s in sources if s.path.suffix == ".jsonl"]
    if not jsonl:
        fail("the memory test needs at least one JSONL set")
    written = lines = 0
    rep = 0
    # Bytes, not text: the target is a size on disk, and most records hold non-ASCII.
    with target.open("wb") as out:
        while written < size_bytes:
            for path in jsonl:
                with path.open("rb") as fh:
                    for line in fh:
                        if not line.strip():
                            continue
                        # Unique ids per copy, so nothing downstream can dedupe the repeats away.
                        if line.startswith(b'{"id": "'):
                            line = b'{"id": "r%d/%s' % (rep, line[8:])
                        if not line.endswith(b"\n"):
                            line += b"\n"
                        written += out.write(line)
                        lines += 1
                        if written >= size_bytes:
                            return lines
            rep += 1
    return lines


def memory_test(sources: list[Source], config: Config, analyzer: Analyzer, size_mb: float, tmp: Path | None) -> int:
    size_bytes = int(size_mb * 2**20)
    base = tmp or Path(tempfile.gettempdir())
    free = shutil.disk_usage(base).free
    if free < size_bytes * 1.2:
        fail(
            f"{base} has {free / 2**20:.0f} MiB free, the test needs {size_bytes * 1.2 / 2**20:.0f}; "
            "use --size-mb or --tmp-dir"
        )
    workdir = Path(tempfile.mkdtemp(prefix="newsift-bench-", dir=tmp))
    try:
        big = workdir / "big.jsonl"
        t0 = time.perf_counter()
        total_lines = write_big_jsonl(sources, big, size_bytes)
        print(
            f"wrote {big} ({big.stat().st_size / 2**20:.0f} MiB, {total_lines} records) "
            f"in {time.perf_counter() - t0:.0f}s"
        )
        print(f"RSS before streaming: {rss_mb():.0f} MiB current, {peak_rss_mb():.0f} MiB peak so far")
        from newsift.ingest import iter_sources
        from newsift.report import Article

        marks = [0.10, 0.50]
        seen = articles = 0
        t0 = time.perf_counter()
        for item in iter_sources([big], config):
            seen += 1
            if isinstance(item, Article):
                articles += 1
                analyzer.analyze_article(item)
            while marks and seen >= marks[0] * total_lines:
                print(
                    f"  at {marks.pop(0):.0%}: RSS {rss_mb():.0f} MiB, {seen} records, {time.perf_counter() - t0:.0f}s"
                )
        elapsed = time.perf_counter() - t0
        print(f"  at 100%: RSS {rss_mb():.0f} MiB, {seen} records, {elapsed:.0f}s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    peak = peak_rss_mb()
    verdict = "met" if peak < RSS_GOAL_MB else "NOT met"
    rate = articles / elapsed if elapsed else 0.0
    mibs = size_bytes / 2**20 / elapsed if elapsed else 0.0
    print(
        f"streamed {seen} records ({articles} articles) through ingest+clean in {elapsed:.0f}s "
        f"({rate:.0f} articles/s, {mibs:.1f} MiB/s)"
    )
    print(f"peak RSS (ru_maxrss): {peak:.0f} MiB; goal < {RSS_GOAL_MB:.0f} MiB: {verdict}")
    if seen != total_lines:
        print(f"warning: wrote {total_lines} records but the reader yielded {seen}")
    return 0 if peak < RSS_GOAL_MB else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sources = discover(args.data, args.only)
    config, analyzer = build_analyzer()
    import newsift

    command = "python " + " ".join([sys.argv[0], *(argv if argv is not None else sys.argv[1:])])
    print(f"command: {command}")
    print(f"data: {args.data.resolve()} ({len(sources)} inputs: {', '.join(s.name for s in sources)})")
    print(f"newsift {newsift.__version__}, stages {analyzer.stage_names}, python {sys.version.split()[0]}")
    if args.memory:
        return memory_test(sources, config, analyzer, args.size_mb, args.tmp_dir)
    print(
        f"repeats: {args.repeats}, medians shown; each timed run lasts >= {MIN_RUN_SECONDS}s "
        "(small inputs are read several times per run)\n"
    )
    throughput(sources, config, analyzer, args.repeats)
    if args.profile:
        profile(sources, config, analyzer, args.profile_top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
