"""Learn the cue lexicon from PolNeAR train: for each verb lemma, how often it is an attribution cue.

    python -m newsift.nlp.train_attribution --data ../shared/data/polnear [--out DIR]

Deterministic (no sampling; the seed flag exists for the record and for any
future sampled variant).  Reads only the train split; pick the threshold on dev
with ``eval/attribution.py``.
"""

from __future__ import annotations

import argparse
import random
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from .lexicon import LEXICON_FILE, CueLexicon, default_lexicon_path
from .model import load_spacy_model

MIN_COUNT = 5  # a lemma seen fewer times says too little to override the rule tables
PRIOR = 1.0  # add-one smoothing towards "not a cue"


def _cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and line.startswith("T") and parts[1].startswith("Cue "):
            for frag in parts[1].split(" ", 1)[1].split(";"):
                a, b = frag.split()
                spans.append((int(a), int(b)))
    return sorted(spans)


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and spans[i][1] >= end


def learn(data: Path, model: str | None, limit: int | None = None) -> CueLexicon:
    base = data / "data" / "train"
    if not base.is_dir():
        base = data / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = [p for p in sorted((base / "text").glob("*.txt")) if p.stem in anns][:limit]
    nlp = load_spacy_model(model)
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    docs = nlp.pipe((p.read_text(encoding="utf-8") for p in texts), batch_size=16, disable=["ner"])
    for path, doc in zip(texts, docs, strict=True):
        spans = _cue_spans(anns[path.stem])
        for tok in doc:
            if tok.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if _covered(spans, tok.idx, tok.idx + len(tok.text)):
                cue[lemma] += 1
    weights = {
        lemma: round(cue[lemma] / (n + PRIOR), 4)
        for lemma, n in seen.items()
        if n >= MIN_COUNT and cue[lemma] > 0
    }
    return CueLexicon(weights, threshold=0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the polnear folder")
    parser.add_argument("--out", type=Path, default=None, help=f"folder for {LEXICON_FILE}")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    random.seed(args.seed)
    lexicon = learn(args.data, args.spacy_model, args.limit)
    lexicon = CueLexicon(lexicon.weights, args.threshold)
    out = (args.out / LEXICON_FILE) if args.out else default_lexicon_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(lexicon.to_json() + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(lexicon.weights)} lemmas, threshold {lexicon.threshold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
