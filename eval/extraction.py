"""Body-extraction quality of newsift on the Scrapinghub article-extraction benchmark.

Run from the repository root with the venv active::

    python eval/extraction.py [--data DIR] [--show-diffs] [--json OUT] [--min-f1 F]

For each of the benchmark's 181 pages it scores, on the same pages and in the same run:

* ``newsift``: the page read by newsift's HTML reader (trafilatura + newsift's text
  cleanup) and put through the ``clean`` stage; the text scored is ``report.clean_text``;
* ``newsift reader``: the same page before the clean stage (``report.article.text``), so
  the clean stage's own effect is visible;
* ``trafilatura (newsift settings)``: ``trafilatura.extract`` with the options newsift's
  reader passes to trafilatura (``newsift.ingest.html.TRAFILATURA_OPTIONS``), except
  ``with_metadata``, which would put a metadata header into the scored text;
* ``trafilatura (default)``: ``trafilatura.extract(html)``;
* ``trafilatura (benchmark)``: ``trafilatura.extract(html, include_comments=False)``,
  the call the benchmark's own ``extractors/run_trafilatura.py`` makes.

The metric is the benchmark's token-shingle precision/recall/F1 and "accuracy"; see
``eval/_metrics.py`` for where it comes from.  ``--show-diffs`` prints the pages where
newsift scores worse than trafilatura with newsift's settings, to guide the cleanup work.
Nothing from the dataset is written anywhere except to the terminal (and ids and
figures, never page text, to ``--json``).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _metrics import PageCounts, corpus_metrics, exact_match, shingle_counts, tokenize

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
BENCH_DIR = "scrapinghub_aeb"
# Published figure from the benchmark README (latest run), shown for orientation only.
REFERENCE = "trafilatura 2.0.0 in the benchmark README: F1 0.958, P 0.938, R 0.978, accuracy 0.293"

NEWSIFT = "newsift"
READER = "newsift reader"
TRAF_NEWSIFT = "trafilatura (newsift settings)"
TRAF_DEFAULT = "trafilatura (default)"
TRAF_BENCH = "trafilatura (benchmark)"
# A removed item counts as gold text when it, joined to this many tokens of its
# neighbours on either side, occurs in the gold token sequence; the neighbours
# keep a short item ("Reuters") from matching anywhere in a long gold body.
CONTEXT_TOKENS = 3
CONTEXT_CHARS = 200


@dataclass
class Page:
    id: str
    path: Path
    gold: str


@dataclass(frozen=True)
class Removed:
    """A furniture item, with the tokens around it in the reader's text."""

    kind: str
    rule: str
    text: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass
class PageResult:
    id: str
    outputs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, PageCounts] = field(default_factory=dict)
    furniture: list[Removed] = field(default_factory=list)
    error: str | None = None


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    ap.add_argument("--show-diffs", action="store_true", help="print pages where newsift loses")
    ap.add_argument("--top", type=int, default=10, help="how many pages --show-diffs prints (default 10)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the figures (no page text) to OUT")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N pages (sorted by id)")
    ap.add_argument("--n-bootstrap", type=int, default=1000, help="bootstrap resamples for the ± figures")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 if newsift's F1 is below this floor")
    return ap.parse_args(argv)


def load_pages(bench: Path, limit: int) -> list[Page]:
    gt_path = bench / "ground-truth.json"
    if not gt_path.is_file() or not (bench / "html").is_dir():
        fail(
            f"{bench} does not hold the benchmark (ground-truth.json and html/ expected); "
            "pass --data pointing at the shared data folder"
        )
    with gt_path.open(encoding="utf8") as fh:
        ground_truth: dict[str, dict[str, Any]] = json.load(fh)
    pages = []
    for page_id in sorted(ground_truth):
        path = bench / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            fail(f"{path} is missing: the benchmark copy is incomplete")
        pages.append(Page(page_id, path, ground_truth[page_id].get("articleBody") or ""))
    return pages[:limit] if limit > 0 else pages


def reader_trafilatura_kwargs() -> dict[str, Any]:
    """The keyword arguments newsift's HTML reader passes to trafilatura."""
    try:
        from newsift.ingest.html import TRAFILATURA_OPTIONS
    except ImportError as exc:
        fail(f"cannot import TRAFILATURA_OPTIONS from newsift's HTML reader (newsift.ingest.html): {exc}")
        raise  # unreachable; fail() exits
    return dict(TRAFILATURA_OPTIONS)


def extract_kwargs_like_reader() -> dict[str, Any]:
    """The reader's settings for ``trafilatura.extract``.

    The reader calls ``bare_extraction`` and keeps metadata apart from the text;
    ``extract(..., with_metadata=True)`` would instead prepend a metadata header
    to the text and be scored on it, so that one switch is turned off here.
    """
    return {**reader_trafilatura_kwargs(), "with_metadata": False}


class NewsiftRunner:
    """Reads a page with newsift's own HTML reader, then runs the clean stage."""

    def __init__(self) -> None:
        from newsift import Analyzer, Config

        self.config = Config(stages=("clean",), input_format="html")
        self.analyzer = Analyzer(self.config)
        if "clean" not in self.analyzer.stage_names:
            fail(f"newsift's clean stage did not load: {'; '.join(self.analyzer.absent.values())}")

    def __call__(self, page: Page, result: PageResult) -> None:
        from newsift.ingest import read_path
        from newsift.report import Article

        # The reader opens the .html.gz itself, as it would any user's file.
        items = list(read_path(page.path, self.config))
        articles = [a for a in items if isinstance(a, Article)]
        if not articles:
            result.error = "; ".join(str(e) for e in items) or "reader yielded nothing"
            result.outputs[READER] = result.outputs[NEWSIFT] = ""
            return
        report = self.analyzer.analyze_article(articles[0])
        clean_failed = [w for w in report.warnings if w.startswith("stage 'clean' failed")]
        if clean_failed:
            result.error = "; ".join(clean_failed)
        result.outputs[READER] = report.article.text
        result.outputs[NEWSIFT] = report.clean_text
        text = report.article.text
        result.furniture = [
            Removed(
                f.kind,
                f.rule,
                f.text,
                tuple(tokenize(text[max(0, f.start - CONTEXT_CHARS) : f.start])[-CONTEXT_TOKENS:]),
                tuple(tokenize(text[f.end : f.end + CONTEXT_CHARS])[:CONTEXT_TOKENS]),
            )
            for f in report.furniture
        ]


def run_all(pages: list[Page]) -> tuple[list[PageResult], dict[str, float]]:
    import trafilatura

    kwargs = extract_kwargs_like_reader()
    extractors: dict[str, Callable[[str], str | None]] = {
        TRAF_NEWSIFT: lambda h: trafilatura.extract(h, **kwargs),
        TRAF_DEFAULT: lambda h: trafilatura.extract(h),
        TRAF_BENCH: lambda h: trafilatura.extract(h, include_comments=False),
    }
    seconds: dict[str, float] = {}
    results = []
    newsift = NewsiftRunner()
    for i, page in enumerate(pages, 1):
        res = PageResult(page.id)
        t0 = time.perf_counter()
        newsift(page, res)
        seconds[NEWSIFT] = seconds.get(NEWSIFT, 0.0) + time.perf_counter() - t0
        # As the benchmark's own runners read the pages: gzip, UTF-8.
        with gzip.open(page.path, "rt", encoding="utf8") as fh:
            html = fh.read()
        for name, fn in extractors.items():
            t0 = time.perf_counter()
            res.outputs[name] = fn(html) or ""
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t0
        res.counts = {name: shingle_counts(page.gold, text) for name, text in res.outputs.items()}
        results.append(res)
        if i % 20 == 0:
            print(f"  ... {i}/{len(pages)} pages", file=sys.stderr, flush=True)
    return results, seconds


def print_table(rows: dict[str, dict[str, float | int]], seconds: dict[str, float]) -> None:
    head = f"{'system':<32} {'F1':>13} {'precision':>13} {'recall':>13} {'accuracy':>13} {'sec':>7}"
    print(head)
    print("-" * len(head))
    for name, m in rows.items():
        keys = ("f1", "precision", "recall", "accuracy")
        cells = " ".join(f"{m[k]:.3f} ± {m[k + '_std']:.3f}" for k in keys)
        sec = f"{seconds[name]:7.1f}" if name in seconds else "      -"
        print(f"{name:<32} {cells} {sec}")


def _snippet(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _in_gold(tokens: tuple[str, ...] | list[str], gold_joined: str) -> bool:
    return bool(tokens) and f" {' '.join(tokens)} " in gold_joined


def _removed_gold(item: Removed, gold_joined: str) -> bool:
    """Whether the clean stage removed text that the gold body keeps."""
    body = tuple(tokenize(item.text))
    if not body:
        return False
    return _in_gold(item.before + body, gold_joined) or _in_gold(body + item.after, gold_joined)


def show_diffs(pages: list[Page], results: list[PageResult], top: int) -> None:
    gold_of = {p.id: p.gold for p in pages}
    drops = []
    for res in results:
        delta = res.counts[TRAF_NEWSIFT].f1 - res.counts[NEWSIFT].f1
        if delta > 1e-9:
            drops.append((delta, res))
    drops.sort(key=lambda d: -d[0])
    # Over all pages, not only the losing ones: which rules remove gold text, and how often.
    tally: dict[str, list[int]] = {}
    for res in results:
        gold_joined = f" {' '.join(tokenize(gold_of[res.id]))} "
        for item in res.furniture:
            counts = tally.setdefault(f"{item.kind}/{item.rule or '?'}", [0, 0])
            counts[0 if _removed_gold(item, gold_joined) else 1] += 1
    print(f"\nFurniture removed on all {len(results)} pages, by kind/rule: items that are gold text / not")
    for key, (gold, other) in sorted(tally.items(), key=lambda kv: (-kv[1][0], -kv[1][1])):
        print(f"   {key:<40} {gold:>4} / {other:<4}")
    print(f"\nPages where newsift's F1 is below {TRAF_NEWSIFT}: {len(drops)} of {len(results)}")
    for delta, res in drops[:top]:
        ours, theirs, before = res.counts[NEWSIFT], res.counts[TRAF_NEWSIFT], res.counts[READER]
        gold_joined = f" {' '.join(tokenize(gold_of[res.id]))} "
        kinds = Counter(f.kind for f in res.furniture)
        print(f"\n== {res.id}  F1 drop {delta:.3f}")
        print(
            f"   newsift P {ours.precision:.3f} R {ours.recall:.3f} F1 {ours.f1:.3f} | "
            f"reader F1 {before.f1:.3f} | trafilatura P {theirs.precision:.3f} R {theirs.recall:.3f} "
            f"F1 {theirs.f1:.3f}"
        )
        if res.error:
            print(f"   error: {res.error}")
        print(f"   furniture removed: {dict(kinds) if kinds else 'none'}")
        for item in res.furniture:
            if _removed_gold(item, gold_joined):
                print(f"   - removed gold text as {item.kind}/{item.rule or '?'}: {_snippet(item.text)}")
        trafl = [ln.strip() for ln in res.outputs[TRAF_NEWSIFT].splitlines() if ln.strip()]
        ourl = [ln.strip() for ln in res.outputs[NEWSIFT].splitlines() if ln.strip()]
        lost, extra = [], []
        for op in difflib.SequenceMatcher(a=trafl, b=ourl, autojunk=False).get_opcodes():
            tag, i1, i2, j1, j2 = op
            if tag in ("delete", "replace"):
                lost.extend(trafl[i1:i2])
            if tag in ("insert", "replace"):
                extra.extend(ourl[j1:j2])
        lost_gold = [ln for ln in lost if _in_gold(tokenize(ln), gold_joined)]
        extra_nongold = [ln for ln in extra if not _in_gold(tokenize(ln), gold_joined)]
        for ln in lost_gold[:5]:
            print(f"   - gold line trafilatura keeps, newsift lacks: {_snippet(ln)}")
        if len(lost_gold) > 5:
            print(f"     (+{len(lost_gold) - 5} more such lines)")
        for ln in extra_nongold[:5]:
            print(f"   - non-gold line newsift has, trafilatura not: {_snippet(ln)}")
        if len(extra_nongold) > 5:
            print(f"     (+{len(extra_nongold) - 5} more such lines)")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    bench = args.data / BENCH_DIR
    if not args.data.is_dir():
        fail(f"data folder {args.data} not found; pass --data /path/to/shared/data")
    pages = load_pages(bench, args.limit)
    import trafilatura

    import newsift

    command = "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])])
    print(f"command: {command}")
    print(f"dataset: {bench.resolve()} ({len(pages)} pages, gold = articleBody of ground-truth.json)")
    print(f"versions: newsift {newsift.__version__}, trafilatura {trafilatura.__version__}")
    print(f"newsift's reader: trafilatura.bare_extraction(html, **{reader_trafilatura_kwargs()})")
    print(f"{TRAF_NEWSIFT}: trafilatura.extract(html, **{extract_kwargs_like_reader()})")
    results, seconds = run_all(pages)
    gold_of = {p.id: p.gold for p in pages}
    systems = [NEWSIFT, READER, TRAF_NEWSIFT, TRAF_DEFAULT, TRAF_BENCH]
    rows: dict[str, dict[str, float | int]] = {}
    for name in systems:
        counts = [r.counts[name] for r in results]
        accs = [exact_match(gold_of[r.id], r.outputs[name]) for r in results]
        rows[name] = corpus_metrics(counts, accs, n_bootstrap=args.n_bootstrap).as_dict()
    print()
    print_table(rows, seconds)
    print(f"(reference) {REFERENCE}")
    errors = [r for r in results if r.error]
    if errors:
        print(f"\nnewsift failed or warned on {len(errors)} page(s):")
        for r in errors[:10]:
            print(f"  {r.id}: {r.error}")
    best_name = max((TRAF_NEWSIFT, TRAF_DEFAULT, TRAF_BENCH), key=lambda n: float(rows[n]["f1"]))
    ours, best = float(rows[NEWSIFT]["f1"]), float(rows[best_name]["f1"])
    verdict = "met" if ours >= best else "NOT met"
    print(f"\ngoal newsift F1 >= best trafilatura F1 in this run ({best_name}, {best:.3f}): {verdict} ({ours:.3f})")
    wins = sum(r.counts[NEWSIFT].f1 > r.counts[TRAF_NEWSIFT].f1 + 1e-9 for r in results)
    losses = sum(r.counts[NEWSIFT].f1 < r.counts[TRAF_NEWSIFT].f1 - 1e-9 for r in results)
    print(
        f"per page vs {TRAF_NEWSIFT}: newsift better on {wins}, worse on {losses}, "
        f"equal on {len(results) - wins - losses}"
    )
    if args.show_diffs:
        show_diffs(pages, results, args.top)
    if args.json:
        payload = {
            "command": command,
            "dataset": str(bench.resolve()),
            "versions": {"newsift": newsift.__version__, "trafilatura": trafilatura.__version__},
            "trafilatura_settings": extract_kwargs_like_reader(),
            "systems": rows,
            "seconds": seconds,
            "per_page_f1": {r.id: {n: round(r.counts[n].f1, 4) for n in systems} for r in results},
            "errors": {r.id: r.error for r in errors},
        }
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True), encoding="utf8")
        print(f"\nfigures written to {args.json}")
    if args.min_f1 is not None and ours < args.min_f1:
        print(f"newsift F1 {ours:.3f} is below the floor --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
