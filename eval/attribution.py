"""Quote attribution on PolNeAR: newsift beside textacy's ``direct_quotations``, same texts, same run.

    python eval/attribution.py --data ../shared/data/polnear --split dev

Train is for fitting (``python -m newsift.nlp.train_attribution``), dev for
measuring; the test split is held back and this script refuses it.

Definitions (one place, so figures stay comparable between runs; the matching lives in
``newsift.nlp.attribution_scoring``, which the attribution trainer labels its confidence map by):

* tokens are the matches of ``\\w+|[^\\w\\s]`` in the article text; a span's
  tokens are those that overlap it (a split quote's content is the union of
  its pieces, as PolNeAR annotates it);
* content "exact": the same set of word tokens (``\\w+``), so a trailing comma
  or quotation mark inside or outside the span does not count;
* content "overlap": the shared tokens are at least half of the longer of the
  two spans; gold and predicted spans are paired one-to-one, best overlap first;
* direct quotes: gold contents that begin with a quotation mark (recall) and
  predicted contents that do (precision); both are matched against all spans;
* cue: gold and predicted cues paired one-to-one when they share a token;
* speaker accuracy: over content pairs matched at overlap whose gold attribution
  has a Source, the share whose predicted speaker mention overlaps the Source, or
  whose predicted speaker is the entity the Source names (the Source overlaps a
  mention of that entity in newsift's entity list);
* an article annotated by several annotators is scored once, on the first
  annotator's file in name order;
* intervals: 95 % bootstrap intervals over articles (each draw resamples the
  articles with replacement and pools their counts; fixed seed), since the
  attributions of one article are not independent of each other;
* confidence: a prediction is right when its content is matched at overlap
  and, if that gold attribution has a Source, its speaker is right as above;
  the predictions are binned by the ``confidence`` the report gives them (a
  split quote's, its first piece's, as its cue and speaker are; ten
  equal-width bins) and each bin's mean confidence is set beside its share
  right; ECE is the two's gap weighted by the bins' sizes, and the Brier score
  the mean squared gap between each confidence and 1 (right) or 0 (wrong);
* references: textacy's ``direct_quotations`` twice, on the parse both systems share
  (``textacy``: newsift's tokenizer rules, sentence starts at blank lines, single quoting marks read
  as double) and on a parse of its own by the same spaCy model as spaCy ships it, of the text as
  it comes (``textacy/own``: how a textacy user would run it);
* agreement (a ceiling for every figure above): on the articles that several
  annotators annotated, each annotator's file is scored as a prediction against
  each other annotator's file, with the same definitions, and newsift against
  each of them; ``--agreement-split train`` measures the human figure on train's
  agreement articles too (only the annotations are read there, nothing is fitted).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
# The eval helpers beside this script, also when it is loaded by path (the tests).
sys.path.insert(0, str(ROOT / "eval"))

from _textacy import direct_quotations  # noqa: E402

from newsift.config import Config  # noqa: E402
from newsift.nlp.attribution_model import load_attribution_model  # noqa: E402
from newsift.nlp.attribution_scoring import (  # noqa: E402
    Frags,
    Tokens,
    group_prediction,
    group_quotes,
    half_overlap,
    is_direct,
    pair_spans,
    right_predictions,
    speaker_ok,
)
from newsift.nlp.model import load_spacy_model  # noqa: E402
from newsift.nlp.quotes import QuoteExtractor  # noqa: E402
from newsift.nlp.stages import EntitiesStage, QuotesStage, parse_view  # noqa: E402
from newsift.report import Article, Report  # noqa: E402


@dataclass
class Attr:
    content: Frags
    cue: Frags = ()
    source: Frags = ()
    speaker: str | None = None  # predicted only
    kind: str = ""
    confidence: float | None = None  # predicted only, by systems that give one


@dataclass
class Doc:
    name: str
    text: str
    gold: list[Attr]
    pred: dict[str, list[Attr]] = field(default_factory=dict)
    entity_mentions: list[tuple[str, int, int]] = field(default_factory=list)


# -- PolNeAR reading ----------------------------------------------------------
def parse_ann(path: Path) -> list[Attr]:
    spans: dict[str, tuple[str, Frags]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            frags = tuple((int(a), int(b)) for a, b in (f.split() for f in head[1].split(";")))
            spans[parts[0]] = (head[0], frags)
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            relations.append(roles)
    out: list[Attr] = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        out.append(
            Attr(
                content=spans[rel["Content"]][1],
                cue=spans[rel["Cue"]][1] if rel.get("Cue") in spans else (),
                source=spans[rel["Source"]][1] if rel.get("Source") in spans else (),
            )
        )
    return out


def _split_dir(data: Path, split: str) -> Path:
    if split == "test":
        raise SystemExit("the test split is held back on purpose: measure on dev, fit on train")
    base = data / "data" / split
    return base if base.is_dir() else data / split


def load_split(data: Path, split: str, limit: int | None) -> list[Doc]:
    base = _split_dir(data, split)
    texts = sorted((base / "text").glob("*.txt"))
    anns = sorted((base / "attributions").glob("*.ann"))
    by_stem: dict[str, Path] = {}
    for ann in anns:
        stem = ann.stem.rsplit("_", 1)[0]
        by_stem.setdefault(stem, ann)
    docs: list[Doc] = []
    for path in texts:
        ann = by_stem.get(path.stem)
        if ann is None:
            continue
        docs.append(Doc(path.stem, path.read_text(encoding="utf-8"), parse_ann(ann)))
        if limit and len(docs) >= limit:
            break
    return docs


def load_annotators(data: Path, split: str) -> dict[str, list[list[Attr]]]:
    """Every annotator's attributions, by article, for the articles annotated more than once."""
    base = _split_dir(data, split)
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((base / "attributions").glob("*.ann")):
        by_stem[ann.stem.rsplit("_", 1)[0]].append(ann)
    return {stem: [parse_ann(a) for a in anns] for stem, anns in by_stem.items() if len(anns) > 1}


def annotator_pairs(texts: dict[str, str], annotators: dict[str, list[list[Attr]]]) -> list[Doc]:
    """One scoring doc per ordered pair of annotators of an article in ``texts``: the
    second annotator's file is the prediction (``human``), the first's the gold."""
    return [
        Doc(stem, texts[stem], gold, {"human": other})
        for stem, files in annotators.items()
        if stem in texts
        for gold, other in itertools.permutations(files, 2)
    ]


def against_annotators(system: Doc, files: list[list[Attr]]) -> list[Doc]:
    """One scoring doc per annotator file of the article newsift ran on, its prediction
    (``newsift``) scored against that file."""
    out = []
    for gold in files:
        d = Doc(system.name, system.text, gold, {"newsift": system.pred["newsift"]})
        d.entity_mentions = system.entity_mentions
        out.append(d)
    return out


def agreement_table(data: Path, split: str, docs: Sequence[Doc], other_split: str | None) -> str:
    annotators = load_annotators(data, split)
    ran = [d for d in docs if d.name in annotators and "newsift" in d.pred]
    human = annotator_pairs({d.name: d.text for d in ran}, annotators)
    ours = [x for d in ran for x in against_annotators(d, annotators[d.name])]
    lines = [
        f"agreement on the {len(ran)} {split} articles with several annotators "
        f"({sum(len(annotators[d.name]) for d in ran)} annotator files): "
        "human = each annotator against each other one, newsift = against each annotator"
    ]
    if not ran:
        return lines[0]
    results = {"human": score(human, "human"), "newsift": score(ours, "newsift")}
    if other_split:
        extra = load_annotators(data, other_split)
        base = _split_dir(data, other_split)
        texts = {stem: (base / "text" / f"{stem}.txt").read_text(encoding="utf-8") for stem in extra}
        results[f"human:{other_split}"] = score(annotator_pairs(texts, extra), "human")
        lines[0] += f"; human:{other_split} = the same over {len(extra)} {other_split} articles (annotations only)"
    lines.append(report_table(results))
    return "\n".join(lines)


# -- predictions ----------------------------------------------------------------
def run_newsift(
    docs: list[Doc],
    config: Config,
    textacy_bailed: list[str],
    model: str | None = None,
) -> tuple[float, float]:
    """Fill ``pred['newsift']`` and ``pred['textacy']`` from one parse per text.

    Returns the seconds each system took beyond the shared parse."""

    ent_stage = EntitiesStage(config)
    quote_stage = QuotesStage(config)
    if model is not None:
        # Compare attribution models (or none: "rules") on the same texts.
        quote_stage.extractor = QuoteExtractor(model=None if model == "rules" else load_attribution_model(Path(model)))
    t_ours = t_textacy = 0.0
    # Parsed as the entities stage parses (at the same length), and textacy reads the same parse.
    for doc, parsed in zip(docs, ent_stage.nlp.pipe(parse_view(d.text).text for d in docs), strict=True):
        t0 = time.perf_counter()
        report = Report(article=Article(id=doc.name, text=doc.text))
        report.language = "en"
        ent_stage.analyse_doc(report, parsed, parsed.text)
        quote_stage(report)
        t_ours += time.perf_counter() - t0
        # PolNeAR annotates a split quote, and the cue-less quotes that continue
        # it, as one attribution whose content has several pieces: group ours alike.
        doc.pred["newsift"] = []
        for g in group_quotes(report.quotes):
            content, source, speaker = group_prediction(g)
            cue = ((g[0].cue.start, g[0].cue.end),) if g[0].cue else ()
            doc.pred["newsift"].append(Attr(content, cue, source, speaker, g[0].kind, g[0].confidence))
        doc.entity_mentions = [(e.name, m.start, m.end) for e in report.entities for m in e.mentions]
        t0 = time.perf_counter()
        doc.pred["textacy"] = textacy_quotes(parsed, doc.name, textacy_bailed)
        t_textacy += time.perf_counter() - t0
    return t_ours, t_textacy


def textacy_quotes(parsed: object, name: str, bailed: list[str]) -> list[Attr]:
    """textacy's ``direct_quotations`` of a parsed text, as attributions."""
    triples = direct_quotations(parsed)
    if triples is None:
        bailed.append(name)
        return []
    preds: list[Attr] = []
    for triple in triples:
        src = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
        preds.append(
            Attr(
                content=((triple.content.start_char, triple.content.end_char),),
                cue=tuple((t.idx, t.idx + len(t.text)) for t in triple.cue),
                source=src,
                speaker=" ".join(t.text for t in triple.speaker) or None,
                kind="direct",
            )
        )
    return preds


def run_textacy_own_parse(docs: list[Doc], config: Config, bailed: list[str]) -> None:
    """Fill ``pred['textacy/own']``: textacy on the same spaCy model as spaCy ships it, reading
    each text as it comes, so that the reference is not scored on newsift's changes to the parse."""
    nlp = load_spacy_model(config.spacy_model, plain=True)
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        doc.pred["textacy/own"] = textacy_quotes(parsed, doc.name, bailed)


# -- scoring ----------------------------------------------------------------------
@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    tp_overlap_g: int = 0  # gold spans matched (recall numerator)
    tp_overlap_p: int = 0  # predicted spans matched (precision numerator)
    tp_exact_g: int = 0
    tp_exact_p: int = 0
    spk_total: int = 0
    spk_correct: int = 0
    cue_gold: int = 0
    cue_pred: int = 0
    cue_tp: int = 0

    def prf(self, exact: bool) -> tuple[float, float, float]:
        tg = self.tp_exact_g if exact else self.tp_overlap_g
        tp = self.tp_exact_p if exact else self.tp_overlap_p
        p = tp / self.pred if self.pred else 0.0
        r = tg / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))

    def speaker_accuracy(self) -> float:
        return self.spk_correct / self.spk_total if self.spk_total else 0.0

    def cue_f1(self) -> tuple[float, float, float]:
        p = self.cue_tp / self.cue_pred if self.cue_pred else 0.0
        r = self.cue_tp / self.cue_gold if self.cue_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: Iterable[Doc], system: str) -> dict[str, Counts]:
    res = {"direct": Counts(), "all": Counts()}
    for doc in docs:
        tok = Tokens(doc.text)
        gold, pred = doc.gold, doc.pred[system]
        g_sets = [tok.of(a.content) for a in gold]
        p_sets = [tok.of(a.content) for a in pred]
        g_words = [tok.of(a.content, True) for a in gold]
        p_words = [tok.of(a.content, True) for a in pred]
        g_direct = [is_direct(doc.text, a.content) for a in gold]
        p_direct = [is_direct(doc.text, a.content) for a in pred]
        pairs = pair_spans(g_sets, p_sets, half_overlap)
        exact = pair_spans(g_words, p_words, lambda g, p: 1.0 if g == p else None)
        for subset, counts in res.items():

            def g_in(i: int, subset: str = subset, flags: list[bool] = g_direct) -> bool:
                return subset == "all" or flags[i]

            def p_in(i: int, subset: str = subset, flags: list[bool] = p_direct) -> bool:
                return subset == "all" or flags[i]

            counts.gold += sum(1 for i in range(len(gold)) if g_in(i))
            counts.pred += sum(1 for i in range(len(pred)) if p_in(i))
            counts.tp_overlap_g += sum(1 for gi, _ in pairs if g_in(gi))
            counts.tp_overlap_p += sum(1 for _, pi in pairs if p_in(pi))
            counts.tp_exact_g += sum(1 for gi, _ in exact if g_in(gi))
            counts.tp_exact_p += sum(1 for _, pi in exact if p_in(pi))
            for gi, pi in pairs:
                if not g_in(gi) or not gold[gi].source:
                    continue
                counts.spk_total += 1
                counts.spk_correct += _speaker_ok(doc, gold[gi], pred[pi])
            g_cues = [tok.of(a.cue) for i, a in enumerate(gold) if g_in(i) and a.cue]
            seen: set[Frags] = set()
            p_cues = []
            for i, a in enumerate(pred):
                if p_in(i) and a.cue and a.cue not in seen:
                    seen.add(a.cue)
                    p_cues.append(tok.of(a.cue))
            counts.cue_gold += len(g_cues)
            counts.cue_pred += len(p_cues)
            counts.cue_tp += len(pair_spans(g_cues, p_cues, lambda g, p: len(g & p) / max(len(g), len(p))))
    return res


def _speaker_ok(doc: Doc, gold: Attr, pred: Attr) -> int:
    return int(speaker_ok(doc.text, doc.entity_mentions, gold.source, pred.source, pred.speaker))


def reliability(docs: Iterable[Doc], system: str) -> list[tuple[float, bool, str]]:
    """(confidence, right, kind) of every prediction of ``system`` that carries a confidence."""
    out: list[tuple[float, bool, str]] = []
    for doc in docs:
        pred = doc.pred[system]
        rights = right_predictions(
            doc.text,
            doc.entity_mentions,
            [(a.content, a.source) for a in doc.gold],
            [(a.content, a.source, a.speaker) for a in pred],
        )
        for p, right in zip(pred, rights, strict=True):
            if p.confidence is not None:
                out.append((p.confidence, right, "direct" if is_direct(doc.text, p.content) else "other"))
    return out


def reliability_lines(rows: Sequence[tuple[float, bool, str]], bins: int = 10) -> str:
    """A reliability table of ``rows`` (see :func:`reliability`): per confidence bin and per subset."""
    if not rows:
        return "confidence: no prediction carries one"
    lines = ["confidence against the share right (content at overlap, and its speaker where gold names one)"]
    lines.append(f"  {'bin':<11} {'n':>5} {'mean conf':>9} {'right':>6}")
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r, _ in rows if lo <= c < hi or (b == bins - 1 and c == hi)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        right = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / len(rows) * abs(conf - right)
        lines.append(f"  [{lo:.1f}, {hi:.1f}{']' if b == bins - 1 else ')'} {len(inside):>5} {conf:9.3f} {right:6.3f}")
    for subset in ("direct", "other"):
        part = [(c, r) for c, r, k in rows if k == subset]
        if part:
            lines.append(
                f"  {subset:<11} {len(part):>5} {sum(c for c, _ in part) / len(part):9.3f}"
                f" {sum(r for _, r in part) / len(part):6.3f}"
            )
    brier = sum((c - r) ** 2 for c, r, _ in rows) / len(rows)
    lines.append(f"  ECE ({bins} equal-width bins) {ece:.3f}, Brier score {brier:.4f}, over {len(rows)} predictions")
    return "\n".join(lines)


BOOTSTRAP_ROUNDS = 1000
BOOTSTRAP_SEED = 13


def bootstrap(
    docs: Sequence[Doc], system: str, rounds: int = BOOTSTRAP_ROUNDS, seed: int = BOOTSTRAP_SEED
) -> dict[str, dict[str, tuple[float, float]]]:
    """95 % intervals of overlap F1 and speaker accuracy per subset, from ``rounds`` draws of the
    articles with replacement (their counts pooled, as :func:`score` pools them)."""
    import random

    per_doc = [score([doc], system) for doc in docs]
    rng = random.Random(seed)
    draws: dict[str, dict[str, list[float]]] = {s: {"f1": [], "speaker": []} for s in ("direct", "all")}
    for _ in range(rounds):
        chosen = [per_doc[rng.randrange(len(per_doc))] for _ in per_doc]
        for subset, values in draws.items():
            total = sum((c[subset] for c in chosen), Counts())
            values["f1"].append(total.prf(False)[2])
            values["speaker"].append(total.speaker_accuracy())

    def interval(values: list[float]) -> tuple[float, float]:
        import numpy as np

        low, high = np.percentile(values, [2.5, 97.5])
        return float(low), float(high)

    return {subset: {k: interval(v) for k, v in values.items()} for subset, values in draws.items()}


def bootstrap_lines(
    results: dict[str, dict[str, Counts]],
    intervals: dict[str, dict[str, dict[str, tuple[float, float]]]],
    rounds: int,
    seed: int = BOOTSTRAP_SEED,
) -> str:
    lines = [f"bootstrap over articles ({rounds:,} draws, seed {seed}; 95 % intervals)"]
    for system, by_subset in intervals.items():
        for subset, values in by_subset.items():
            c = results[system][subset]
            f_lo, f_hi = values["f1"]
            s_lo, s_hi = values["speaker"]
            lines.append(
                f"  {system:<9} {subset:<7} F1(ov) {c.prf(False)[2]:.3f} [{f_lo:.3f}, {f_hi:.3f}]"
                f"   spk acc {c.speaker_accuracy():.3f} [{s_lo:.3f}, {s_hi:.3f}]"
            )
    return "\n".join(lines)


# Why a gold attribution was missed, or a prediction matched none: the first that applies, in order.
Kinds = tuple[str, str, str]
MISSED: Kinds = ("untouched", "cue found, content wrong", "content under another cue")
FALSE: Kinds = ("touches nothing", "gold cue, wrong content", "overlaps another gold content")


def error_breakdown(docs: Iterable[Doc], system: str) -> dict[str, dict[str, int]]:
    """Over all attributions: each missed gold attribution and each unmatched prediction by kind.

    A missed gold one whose cue a prediction's cue touches had its content wrong; else one whose
    content a predicted content touches was found under another cue; else nothing touched it. A
    prediction that matched nothing sits on a gold cue with the wrong content, or overlaps a gold
    content that another prediction matched (or by less than half), or touches no gold at all."""
    out = {"missed": dict.fromkeys(MISSED, 0), "false": dict.fromkeys(FALSE, 0)}
    for doc in docs:
        tok = Tokens(doc.text)
        gold, pred = doc.gold, doc.pred[system]
        g_sets, p_sets = [tok.of(a.content) for a in gold], [tok.of(a.content) for a in pred]
        g_cues, p_cues = [tok.of(a.cue) for a in gold], [tok.of(a.cue) for a in pred]
        pairs = pair_spans(g_sets, p_sets, half_overlap)
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi in set(range(len(gold))) - matched_g:
            out["missed"][_why(g_cues[gi], g_sets[gi], p_cues, p_sets, MISSED)] += 1
        for pi in set(range(len(pred))) - matched_p:
            out["false"][_why(p_cues[pi], p_sets[pi], g_cues, g_sets, FALSE)] += 1
    return out


def speaker_errors(docs: Iterable[Doc], system: str) -> tuple[int, list[dict[str, str | None]]]:
    """Every matched attribution whose gold names a Source and whose predicted speaker is not it (as
    speaker accuracy counts them), with the texts a reader needs to see why; and how many such
    attributions there were. Its use is reading the errors of a split the rules were not written
    on (train: the speaker rules learn nothing from it)."""
    total = 0
    rows: list[dict[str, str | None]] = []
    for doc in docs:
        tok = Tokens(doc.text)
        gold, pred = doc.gold, doc.pred[system]
        pairs = pair_spans([tok.of(a.content) for a in gold], [tok.of(a.content) for a in pred], half_overlap)

        def text(frags: Frags, doc: Doc = doc) -> str:
            return " … ".join(doc.text[a:b] for a, b in frags)

        for gi, pi in sorted(pairs):
            g, p = gold[gi], pred[pi]
            if not g.source:
                continue
            total += 1
            if _speaker_ok(doc, g, p):
                continue
            rows.append(
                {
                    "article": doc.name,
                    "gold_source": text(g.source),
                    "predicted_source": text(p.source),
                    "speaker": p.speaker,
                    "kind": p.kind,
                    "gold_cue": text(g.cue),
                    "predicted_cue": text(p.cue),
                    "content": text(g.content),
                }
            )
    return total, rows


def _why(
    cue: frozenset[int],
    content: frozenset[int],
    cues: list[frozenset[int]],
    contents: list[frozenset[int]],
    kinds: Kinds,
) -> str:
    """``kinds[1]`` when the cue touches one of the other side's ``cues``, else ``kinds[2]`` when the
    content touches one of its ``contents``, else ``kinds[0]``."""
    if any(cue & c for c in cues):
        return kinds[1]
    if any(content & c for c in contents):
        return kinds[2]
    return kinds[0]


def error_lines(breakdown: dict[str, dict[str, int]]) -> str:
    lines = ["where the errors are (all attributions, overlap matching)"]
    for what, label in (("missed", "gold missed"), ("false", "predictions matching none")):
        kinds = breakdown[what]
        lines.append(f"  {label:26s} {sum(kinds.values()):5d}: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    return "\n".join(lines)


def report_table(results: dict[str, dict[str, Counts]]) -> str:
    lines = []
    header = (
        f"{'system':<11} {'subset':<7} {'gold':>5} {'pred':>5}  {'P(ov)':>6} {'R(ov)':>6} {'F1(ov)':>6}"
        f"  {'P(ex)':>6} {'R(ex)':>6} {'F1(ex)':>6}  {'cueF1':>6}  {'spk acc':>7} {'(n)':>5}"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for system, by_subset in results.items():
        for subset, c in by_subset.items():
            p, r, f = c.prf(False)
            pe, re_, fe = c.prf(True)
            _, _, cf = c.cue_f1()
            acc = c.speaker_accuracy()
            lines.append(
                f"{system:<11} {subset:<7} {c.gold:>5} {c.pred:>5}  {p:6.3f} {r:6.3f} {f:6.3f}"
                f"  {pe:6.3f} {re_:6.3f} {fe:6.3f}  {cf:6.3f}  {acc:7.3f} {c.spk_total:>5}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--split", default="dev", choices=["dev", "train", "test"])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument(
        "--model",
        default=None,
        help="attribution model JSON to use instead of the shipped one, or 'rules' for none",
    )
    parser.add_argument(
        "--agreement-split",
        default=None,
        choices=["train"],
        help="also measure annotator agreement on this split's multiply-annotated articles",
    )
    parser.add_argument(
        "--speaker-errors",
        type=Path,
        default=None,
        help="write newsift's wrong speakers (matched attributions whose gold names a Source) here, as JSON",
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=BOOTSTRAP_ROUNDS,
        help=f"draws for the intervals over articles (default {BOOTSTRAP_ROUNDS}; 0: none)",
    )
    args = parser.parse_args(argv)
    docs = load_split(args.data, args.split, args.limit)
    config = Config(spacy_model=args.spacy_model)
    t0 = time.perf_counter()
    bailed: list[str] = []
    t_ours, t_textacy = run_newsift(docs, config, bailed, args.model)
    total = time.perf_counter() - t0
    bailed_own: list[str] = []
    run_textacy_own_parse(docs, config, bailed_own)
    results = {
        "newsift": score(docs, "newsift"),
        "textacy": score(docs, "textacy"),
        "textacy/own": score(docs, "textacy/own"),
    }
    print(f"PolNeAR {args.split}: {len(docs)} articles, {sum(len(d.gold) for d in docs)} gold attributions")
    print(report_table(results))
    print(
        f"\ntime: total {total:.1f}s (parse + both systems); newsift stages {t_ours:.1f}s, "
        f"textacy direct_quotations {t_textacy:.1f}s"
    )
    if args.bootstrap > 0 and docs:
        intervals = {system: bootstrap(docs, system, args.bootstrap) for system in results}
        print()
        print(bootstrap_lines(results, intervals, args.bootstrap))
    print()
    print(reliability_lines(reliability(docs, "newsift")))
    print()
    print(error_lines(error_breakdown(docs, "newsift")))
    if args.speaker_errors is not None:
        total, wrong = speaker_errors(docs, "newsift")
        args.speaker_errors.write_text(json.dumps(wrong, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"speaker errors: {len(wrong)} of {total} matched attributions with a gold Source: {args.speaker_errors}")
    print()
    print(agreement_table(args.data, args.split, docs, args.agreement_split))
    print(
        f"textacy refused {len(bailed)} of {len(docs)} articles on the shared parse and {len(bailed_own)} on its own "
        "(unbalanced quotation marks)"
    )
    print("textacy/own: textacy on the spaCy model as spaCy ships it, the text as it comes (no newsift parse rules)")
    print("goals on dev: overlap F1 >= 0.92 direct, >= 0.80 all; speaker accuracy >= 0.90")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
