"""Train the attribution model (cue + content) on PolNeAR train.

    python -m newsift.nlp.train_attribution --data ../shared/data/polnear \\
        --out src/newsift/models/attribution [--cache /tmp/polnear_parses] [--seed 0]

Reads only the train split: a ``--heldout`` share of its articles (picked by a
hash of the name) picks the cue threshold, then the cue model is refit on all of
train.  The content ranker trains on every gold cue, seeing as "other cues" the
ones a cue model fitted on the other half of train marks (cross-fitting), as it
will see predicted cues at run time.  The confidence map (:mod:`newsift.nlp.confidence`)
learns from the held-out articles, read by the cue model that picked the threshold and a
content model fitted on the same articles as it.  Dev is for ``eval/attribution.py``; test is
never read.  Needs scikit-learn at training time only; the shipped model is JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..provenance import ENVIRONMENT_KEY, training_environment
from .attribution_model import (
    MODEL_FILE,
    AttributionModel,
    TokenTable,
    candidate_features,
    content_candidates,
    cue_candidate,
    cue_features,
    prefix_counts,
    sent_has_quote,
    token_in_quote,
)
from .attribution_scoring import group_prediction, group_quotes, right_predictions
from .confidence import fit_confidence_map, quote_features
from .model import TOKENIZER_RULES, load_spacy_model
from .quotemarks import find_quoted_spans
from .stages import parse_view

if TYPE_CHECKING:
    from spacy.tokens import Doc

Frags = tuple[tuple[int, int], ...]
MIN_FEATURE_COUNT = 2  # a feature seen once carries noise, not signal
# Smaller weights change no decision on dev (checked) and would nearly triple the file.
WEIGHT_FLOOR = 0.05
RANKER_EPOCHS = 10
PAIRWISE_C = 0.1
# Pairwise weights are on a smaller scale than the perceptron's.  This floor drops
# 15,000 of 48,600 content weights (1.9 MB file instead of 2.3 MB); on dev that cost
# one matched attribution of 2,192 (checked).
PAIRWISE_WEIGHT_FLOOR = 0.01
MIN_CUE_LEMMA_COUNT = 1


@dataclass(frozen=True)
class GoldAttribution:
    content: Frags
    cue: Frags
    source: Frags


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]


def parse_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file (relations without a Content are skipped)."""
    spans: dict[str, Frags] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) == 2:
                spans[parts[0]] = tuple((int(a), int(b)) for a, b in (f.split() for f in head[1].split(";")))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(item.partition(":")[::2] for item in parts[1].split()))
    out = []
    for rel in relations:
        if rel.get("Content") in spans:
            out.append(
                GoldAttribution(
                    spans[rel["Content"]],
                    spans.get(rel.get("Cue", ""), ()),
                    spans.get(rel.get("Source", ""), ()),
                )
            )
    return out


def load_split(data: Path, split: str, *, every_annotator: bool = False) -> list[Article]:
    """Articles of a PolNeAR split, each with its first annotator's file (as eval/attribution.py scores).

    With ``every_annotator``, an article that several people annotated comes once per file, the
    first file first, under the article's name (so that every split by name keeps its copies
    together): where annotators part ways, a model learns each reading in proportion.
    """
    if split == "test":
        raise ValueError("the PolNeAR test split is held back: train on train, measure on dev")
    base = data / "data" / split
    if not base.is_dir():
        base = data / split
    anns: dict[str, list[Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    out = []
    for p in sorted((base / "text").glob("*.txt")):
        files = anns.get(p.stem, [])
        text = p.read_text(encoding="utf-8") if files else ""
        out += [Article(p.stem, text, parse_ann(ann)) for ann in (files if every_annotator else files[:1])]
    return out


def parse_articles(articles: Sequence[Article], model: str | None, cache: Path | None) -> list[Doc]:
    """spaCy parses of ``articles``, from ``cache`` when it holds them for the same texts and model."""
    from spacy.tokens import DocBin

    nlp = load_spacy_model(model)
    key = hashlib.sha256()
    # The components are part of the key: a pipeline with other components (a sentence splitter
    # added before the parser, say) parses differently, and its cache must not be read as this one's.
    key.update(
        f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}-{TOKENIZER_RULES}".encode()
    )
    # Parsed as the entities stage parses, so that what the model learns from is what it reads at run time.
    views = [parse_view(a.text).text for a in articles]
    # An article that several people annotated is parsed once: its copies share the Doc.
    texts = list(dict.fromkeys(views))
    for text in texts:
        key.update(text.encode("utf-8"))
    path = cache / f"polnear-{key.hexdigest()[:16]}.spacy" if cache else None
    if path is not None and path.is_file():
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16, n_process=1))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for d in docs:
                bin_.add(d)
            path.write_bytes(bin_.to_bytes())
    by_text = dict(zip(texts, docs, strict=True))
    return [by_text[v] for v in views]


# -- examples -----------------------------------------------------------------
def _tokens_of(doc: Doc, frags: Frags) -> frozenset[int]:
    out: set[int] = set()
    for a, b in frags:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if not t.is_space)
    return frozenset(out)


def _cue_head(doc: Doc, cue: frozenset[int]) -> int | None:
    """The syntactic head of a gold cue: its token whose head lies outside it."""
    heads = [i for i in sorted(cue) if doc[i].head.i not in cue or doc[i].head.i == i]
    for i in heads:
        if cue_candidate(doc[i]):
            return i
    return heads[0] if heads else None


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


@dataclass
class Examples:
    cue_x: list[list[str]]
    cue_y: list[int]
    cue_doc: list[int]
    cue_tok: list[int]
    span_x: list[list[str]]
    span_y: list[int]
    groups: list[tuple[list[list[str]], int]] = field(default_factory=list)  # one per gold cue: candidates, target
    oracle_hits: int = 0
    oracle_total: int = 0


def cue_lemmas(articles: Sequence[Article], docs: Sequence[Doc], min_rate: float = 0.0) -> frozenset[str]:
    """Lemmas that head a gold cue often enough to be worth scoring at run time.

    A lemma qualifies when it heads at least ``MIN_CUE_LEMMA_COUNT`` gold cues and
    at least ``min_rate`` of its candidate tokens are cues ("be" and "have" are
    cues now and then).  On dev, ``min_rate=0.01`` scores 44% fewer tokens and
    makes prediction about 20% faster, for 0.012 less overlap F1 over all
    attributions: the default keeps every lemma."""
    cues: dict[str, int] = {}
    seen: dict[str, int] = {}
    for art, doc in zip(articles, docs, strict=True):
        for g in art.gold:
            head = _cue_head(doc, _tokens_of(doc, g.cue)) if g.cue else None
            if head is not None and cue_candidate(doc[head]):
                lemma = doc[head].lemma_.lower()
                cues[lemma] = cues.get(lemma, 0) + 1
        for tok in doc:
            if cue_candidate(tok):
                lemma = tok.lemma_.lower()
                seen[lemma] = seen.get(lemma, 0) + 1
    return frozenset(k for k, v in cues.items() if v >= MIN_CUE_LEMMA_COUNT and v >= min_rate * seen.get(k, v))


def build_examples(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    lemmas: frozenset[str],
    cue_sets: Sequence[frozenset[int]] | None = None,
    spans: bool = True,
) -> Examples:
    """Cue rows for every candidate token and, with ``spans``, candidate stretches
    for every gold cue (``cue_sets``: the tokens a cue model marks in each doc,
    which the content features see as the document's other cues)."""
    ex = Examples([], [], [], [], [], [])
    for d_i, (art, doc) in enumerate(zip(articles, docs, strict=True)):
        inside = token_in_quote(doc, [(q.start, q.end) for q in find_quoted_spans(doc.text)])
        prefix = prefix_counts(inside)
        cue_prefix = None
        if cue_sets is not None:
            cue_prefix = prefix_counts([i in cue_sets[d_i] for i in range(len(doc))])
        contents_of: dict[int, list[frozenset[int]]] = {}
        for g in art.gold:
            if not g.cue:
                continue
            head = _cue_head(doc, _tokens_of(doc, g.cue))
            content = _tokens_of(doc, g.content)
            if head is not None and content:
                contents_of.setdefault(head, []).append(content)
        t = TokenTable(doc)
        for sent in doc.sents:
            quoted_sent = sent_has_quote(sent)
            for tok in sent:
                if not cue_candidate(tok) or tok.lemma_.lower() not in lemmas:
                    continue
                golds = contents_of.get(tok.i, [])
                ex.cue_x.append(cue_features(t, tok.i, inside[tok.i], quoted_sent))
                ex.cue_y.append(int(bool(golds)))
                ex.cue_doc.append(d_i)
                ex.cue_tok.append(tok.i)
                if not golds or not spans:
                    continue
                cands = content_candidates(t, tok.i, sent.start, sent.end)
                ex.oracle_total += len(golds)
                scores = [max(overlap(frozenset(range(c.lo, c.hi)), g) for g in golds) for c in cands]
                ex.oracle_hits += sum(
                    1 for g in golds if any(overlap(frozenset(range(c.lo, c.hi)), g) >= 0.5 for c in cands)
                )
                best = max(scores, default=0.0)
                feats = [candidate_features(t, tok.i, cand, prefix, cue_prefix, sent_end=sent.end) for cand in cands]
                if best >= 0.5:
                    ex.groups.append((feats, scores.index(best)))
                for f, s in zip(feats, scores, strict=True):
                    ex.span_x.append(f)
                    # The best-overlapping stretch is the target; near misses are not negatives.
                    ex.span_y.append(int(s >= 0.5 and s == best))
    return ex


# -- fitting ----------------------------------------------------------------------
def _fit(x: list[list[str]], y: list[int], c: float, seed: int) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for feats in x:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    rows = [{f: 1.0 for f in feats if counts[f] >= MIN_FEATURE_COUNT} for feats in x]
    vec = DictVectorizer()
    mat = vec.fit_transform(rows).tocsr()
    # liblinear (deterministic, fast on sparse binary rows) takes 32-bit indices only.
    mat.indices = mat.indices.astype("int32")
    mat.indptr = mat.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=seed)
    clf.fit(mat, y)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= WEIGHT_FLOOR
    }
    # "bias" is a feature of every row; fold the intercept into it so scoring is one sum.
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 5)
    return weights


def _fit_ranker(groups: list[tuple[list[list[str]], int]], epochs: int, seed: int) -> dict[str, float]:
    """Averaged perceptron that ranks each cue's candidate stretches, the best-overlapping one first.

    Ranking (one winner per cue) fits the decision better than scoring each
    stretch alone: what matters is which of a cue's stretches wins."""
    rng = random.Random(seed)
    w: dict[str, float] = {}
    acc: dict[str, float] = {}  # sum over updates of step * delta, for averaging
    step = 1
    order = list(range(len(groups)))
    for _ in range(epochs):
        rng.shuffle(order)
        for gi in order:
            cands, target = groups[gi]
            scores = [sum(w.get(f, 0.0) for f in feats) for feats in cands]
            guess = max(range(len(cands)), key=lambda i: (scores[i], -i))
            if guess != target:
                for f in cands[target]:
                    w[f] = w.get(f, 0.0) + 1.0
                    acc[f] = acc.get(f, 0.0) + step
                for f in cands[guess]:
                    w[f] = w.get(f, 0.0) - 1.0
                    acc[f] = acc.get(f, 0.0) - step
            step += 1
    averaged = {f: round(v - acc[f] / step, 4) for f, v in w.items()}
    return {f: v for f, v in averaged.items() if abs(v) >= WEIGHT_FLOOR}


def _probabilities(weights: dict[str, float], x: list[list[str]]) -> list[float]:
    import math

    return [1.0 / (1.0 + math.exp(-max(min(sum(weights.get(f, 0.0) for f in feats), 30.0), -30.0))) for feats in x]


def _fit_pairwise(groups: list[tuple[list[list[str]], int]], c: float, seed: int) -> dict[str, float]:
    """Logistic regression on pairs (target stretch against each rival of the same cue):
    a linear ranking model whose L2 penalty generalises better than the perceptron
    (top-1 on held-out train articles: 0.715 against 0.707)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for cands, _ in groups:
        for feats in cands:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    rows: list[dict[str, float]] = []
    y: list[int] = []
    for cands, target in groups:
        good = {f for f in cands[target] if counts[f] >= MIN_FEATURE_COUNT}
        for j, feats in enumerate(cands):
            if j == target:
                continue
            bad = {f for f in feats if counts[f] >= MIN_FEATURE_COUNT}
            # Alternate the pair's order so both classes exist and no intercept is needed.
            sign = 1.0 if len(y) % 2 == 0 else -1.0
            row = {f: sign for f in good - bad}
            row.update({f: -sign for f in bad - good})
            rows.append(row)
            y.append(int(sign > 0))
    vec = DictVectorizer()
    mat = vec.fit_transform(rows).tocsr()
    mat.indices = mat.indices.astype("int32")
    mat.indptr = mat.indptr.astype("int32")
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", fit_intercept=False, random_state=seed)
    clf.fit(mat, y)
    return {
        name: round(float(w), 5)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= PAIRWISE_WEIGHT_FLOOR
    }


def _pick_threshold(weights: dict[str, float], x: list[list[str]], y: list[int]) -> tuple[float, float]:
    """The cue threshold with the best F1 on held-out rows."""
    probs = _probabilities(weights, x)
    best = (0.5, 0.0)
    for step in range(10, 91, 2):
        t = step / 100
        tp = sum(1 for p, g in zip(probs, y, strict=True) if p >= t and g)
        pred = sum(1 for p in probs if p >= t)
        gold = sum(y)
        f1 = 2 * tp / (pred + gold) if pred + gold else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


def _cross_fitted_cues(
    ex: Examples, folds: Sequence[int], threshold: float, c: float, seed: int
) -> list[frozenset[int]]:
    """The cue tokens of each article as a model that never saw it marks them.

    The content ranker learns how far to trust "this stretch holds another cue";
    at run time those cues are predicted, so it trains on predicted ones too
    (gold cues would teach it to trust them more than they deserve)."""
    marked: dict[int, set[int]] = {d: set() for d in range(len(folds))}
    for fold in sorted(set(folds)):
        train_rows = [i for i, d in enumerate(ex.cue_doc) if folds[d] != fold]
        test_rows = [i for i, d in enumerate(ex.cue_doc) if folds[d] == fold]
        weights = _fit([ex.cue_x[i] for i in train_rows], [ex.cue_y[i] for i in train_rows], c, seed)
        probs = _probabilities(weights, [ex.cue_x[i] for i in test_rows])
        for i, p in zip(test_rows, probs, strict=True):
            if p >= threshold:
                marked[ex.cue_doc[i]].add(ex.cue_tok[i])
    return [frozenset(marked[d]) for d in range(len(folds))]


def _bucket_of(name: str) -> int:
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 100


def train(
    data: Path,
    model: str | None,
    cache: Path | None,
    seed: int,
    heldout: float,
    c: float,
    content_model: str = "pairwise",
    min_cue_rate: float = 0.0,
) -> AttributionModel:
    random.seed(seed)
    t0 = time.perf_counter()
    articles = load_split(data, "train", every_annotator=True)
    docs = parse_articles(articles, model, cache)
    lemmas = cue_lemmas(articles, docs, min_cue_rate)
    ex = build_examples(articles, docs, lemmas, spans=False)
    # A hash of the name, not file order: names sort by publisher, and the
    # held-out share should mix publishers as dev does.
    held = {i for i, a in enumerate(articles) if _bucket_of(a.name) < heldout * 100}
    fit_rows = [i for i, d in enumerate(ex.cue_doc) if d not in held]
    held_rows = [i for i, d in enumerate(ex.cue_doc) if d in held]
    w_fit = _fit([ex.cue_x[i] for i in fit_rows], [ex.cue_y[i] for i in fit_rows], c, seed)
    threshold, held_f1 = _pick_threshold(w_fit, [ex.cue_x[i] for i in held_rows], [ex.cue_y[i] for i in held_rows])
    cue_weights = _fit(ex.cue_x, ex.cue_y, c, seed)
    span_weights, ex = _fit_content(articles, docs, lemmas, threshold, c, seed, content_model, ex)
    # The confidence map learns from articles no weight was fitted on: the held-out ones, read by
    # the cue model that picked the threshold and a content model fitted beside it.
    fit_idx = [i for i in range(len(articles)) if i not in held]
    held_idx = sorted(held)
    fit_articles, fit_docs = [articles[i] for i in fit_idx], [docs[i] for i in fit_idx]
    held_weights, _ = _fit_content(fit_articles, fit_docs, lemmas, threshold, c, seed, content_model)
    held_model = AttributionModel(w_fit, held_weights, threshold, {}, lemmas)
    rows, right = heldout_confidence_rows(
        held_model, [articles[i] for i in held_idx], [docs[i] for i in held_idx], model
    )
    confidence = fit_confidence_map(
        rows,
        right,
        {
            "articles": len({articles[i].name for i in held_idx}),
            "annotated_files": len(held_idx),
            "read_by": "cue model of the threshold",
        },
    )
    meta: dict[str, Any] = {
        "data": "PolNeAR train (networkdynamics/PolNeAR c3eee83), every annotator's file per article",
        "articles": len({a.name for a in articles}),
        "annotated_files": len(articles),
        "cue_rows": len(ex.cue_y),
        "cue_positives": sum(ex.cue_y),
        "cue_lemmas": len(lemmas),
        "min_cue_rate": min_cue_rate,
        "content_model": content_model,
        "span_rows": len(ex.span_y),
        "candidate_oracle_recall": round(ex.oracle_hits / max(ex.oracle_total, 1), 4),
        "heldout_articles": len({articles[i].name for i in held}),
        "heldout_files": len(held),
        "heldout_cue_token_f1": round(held_f1, 4),
        "C": c,
        "seed": seed,
        "spacy_model": model or "default",
        ENVIRONMENT_KEY: training_environment(),
    }
    # Time goes to the log, not the file, so two runs write the same bytes.
    print(f"trained in {time.perf_counter() - t0:.0f}s")
    return AttributionModel(cue_weights, span_weights, threshold, meta, lemmas, confidence)


def _fit_content(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    lemmas: frozenset[str],
    threshold: float,
    c: float,
    seed: int,
    content_model: str,
    ex: Examples | None = None,
) -> tuple[dict[str, float], Examples]:
    """The content model's weights, learned with the other cues marked by cross-fitted cue models
    (``ex``: the cue rows of ``articles``, when the caller has built them), and the examples it
    learned from."""
    ex = ex if ex is not None else build_examples(articles, docs, lemmas, spans=False)
    cue_sets = _cross_fitted_cues(ex, [_bucket_of(a.name) % 2 for a in articles], threshold, c, seed)
    ex = build_examples(articles, docs, lemmas, cue_sets)
    if content_model == "pairwise":
        return _fit_pairwise(ex.groups, PAIRWISE_C, seed), ex
    if content_model == "ranker":
        return _fit_ranker(ex.groups, RANKER_EPOCHS, seed), ex
    return _fit(ex.span_x, ex.span_y, c, seed), ex


def heldout_confidence_rows(
    model: AttributionModel, articles: Sequence[Article], docs: Sequence[Doc], spacy_model: str | None
) -> tuple[list[list[float]], list[bool]]:
    """The confidence map's inputs for each attribution the quotes stage finds in ``articles`` with
    ``model``, and whether it is right, as ``eval/attribution.py`` decides it: a split quote is one
    attribution, described by its first piece."""
    from ..config import Config
    from ..report import Article as ReportArticle
    from ..report import Report
    from .quotes import QuoteExtractor
    from .stages import EntitiesStage, QuotesStage

    config = Config(spacy_model=spacy_model)
    entities = EntitiesStage(config)
    quotes = QuotesStage(config)
    # The map learns from the rules' own number, whatever map ``model`` may already carry.
    quotes.extractor = QuoteExtractor(model=replace(model, confidence=None))
    rows: list[list[float]] = []
    right: list[bool] = []
    for art, doc in zip(articles, docs, strict=True):
        report = Report(article=ReportArticle(id=art.name, text=art.text))
        report.language = "en"
        entities.analyse_doc(report, doc, doc.text)
        quotes(report)
        groups = group_quotes(report.quotes)
        right += right_predictions(
            art.text,
            [(e.name, m.start, m.end) for e in report.entities for m in e.mentions],
            [(g.content, g.source) for g in art.gold],
            [group_prediction(g) for g in groups],
        )
        rows += [quote_features(g[0]) for g in groups]
    return rows, right


def _iter_lines(model: AttributionModel) -> Iterator[str]:
    yield f"threshold {model.threshold}"
    for k, v in model.meta.items():
        yield f"{k}: {v}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the polnear folder")
    parser.add_argument("--out", type=Path, required=True, help=f"folder for {MODEL_FILE}")
    parser.add_argument("--cache", type=Path, default=None, help="folder to cache spaCy parses in")
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--heldout", type=float, default=0.15, help="share of train that picks the threshold")
    parser.add_argument(
        "--content-model",
        choices=["pairwise", "ranker", "classifier"],
        default="pairwise",
        help="ranking of each cue's stretches by pairwise logistic regression or an averaged perceptron, "
        "or logistic regression on each stretch alone",
    )
    parser.add_argument(
        "--min-cue-rate",
        type=float,
        default=0.0,
        help="score only lemmas that are cues at least this often in train (faster, slightly less recall)",
    )
    parser.add_argument("--C", type=float, default=0.3, dest="c", help="inverse L2 strength")
    args = parser.parse_args(argv)
    model = train(
        args.data,
        args.spacy_model,
        args.cache,
        args.seed,
        args.heldout,
        args.c,
        content_model=args.content_model,
        min_cue_rate=args.min_cue_rate,
    )
    out = args.out / MODEL_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {out}")
    for line in _iter_lines(model):
        print(f"  {line}")
    print(json.dumps({"cue_features": len(model.cue_weights), "span_features": len(model.span_weights)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
