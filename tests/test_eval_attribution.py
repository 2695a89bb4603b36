"""The PolNeAR scorer's definitions, on a hand-made two-annotator article (no shared data)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_eval_script


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    return load_eval_script("attribution")


TEXT = 'The mayor said the bridge will reopen in May. "It is safe," Ms. Lee told reporters.\n'


def _ann(*relations: tuple[tuple[int, int], tuple[int, int], tuple[int, int]]) -> str:
    lines = []
    for k, (content, cue, source) in enumerate(relations):
        t = 3 * k
        for n, (label, (a, b)) in enumerate((("Content", content), ("Cue", cue), ("Source", source))):
            lines.append(f"T{t + n + 1}\t{label} {a} {b}\t{TEXT[a:b]}")
        lines.append(f"E{k + 1}\tAttribution:T{t + 1} Content:T{t + 1} Cue:T{t + 2} Source:T{t + 3}")
    return "\n".join(lines) + "\n"


def _span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


INDIRECT = (_span("the bridge will reopen in May"), _span("said"), _span("The mayor"))
DIRECT = (_span('"It is safe,"'), _span("told"), _span("Ms. Lee"))
# A second annotator who cut the indirect content short: under half of the longer span.
SHORT = (_span("in May"), _span("said"), _span("The mayor"))


def _write(tmp: Path, files: dict[str, str]) -> Path:
    base = tmp / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "pub_2016-10-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    for annotator, body in files.items():
        (base / "attributions" / f"pub_2016-10-01_bridge_{annotator}.ann").write_text(body, encoding="utf-8")
    return tmp


def test_identical_annotators_agree_fully(ev: ModuleType, tmp_path: Path) -> None:
    data = _write(tmp_path, {"a1": _ann(INDIRECT, DIRECT), "a2": _ann(INDIRECT, DIRECT)})
    annotators = ev.load_annotators(data, "dev")
    docs = ev.annotator_pairs({"pub_2016-10-01_bridge": TEXT}, annotators)
    assert len(docs) == 2  # both orders
    counts = ev.score(docs, "human")
    assert counts["all"].prf(False) == (1.0, 1.0, 1.0)
    assert counts["direct"].gold == 2 and counts["direct"].prf(False)[2] == 1.0


def test_disagreement_lowers_overlap_f1_but_not_the_direct_subset(ev: ModuleType, tmp_path: Path) -> None:
    data = _write(tmp_path, {"a1": _ann(INDIRECT, DIRECT), "a2": _ann(SHORT, DIRECT)})
    docs = ev.annotator_pairs({"pub_2016-10-01_bridge": TEXT}, ev.load_annotators(data, "dev"))
    counts = ev.score(docs, "human")
    assert counts["all"].prf(False) == (0.5, 0.5, 0.5)
    assert counts["direct"].prf(False)[2] == 1.0
    # The cues still pair: they share their token.
    assert counts["all"].cue_f1()[2] == 1.0


def test_single_annotator_articles_are_not_agreement_articles(ev: ModuleType, tmp_path: Path) -> None:
    data = _write(tmp_path, {"a1": _ann(INDIRECT)})
    assert ev.load_annotators(data, "dev") == {}


def test_system_is_scored_against_every_annotator(ev: ModuleType, tmp_path: Path) -> None:
    data = _write(tmp_path, {"a1": _ann(INDIRECT, DIRECT), "a2": _ann(SHORT, DIRECT)})
    ran = ev.Doc(
        "pub_2016-10-01_bridge",
        TEXT,
        [],
        {"newsift": ev.parse_ann(next((data / "data/dev/attributions").glob("*a1.ann")))},
    )
    docs = ev.against_annotators(ran, ev.load_annotators(data, "dev")["pub_2016-10-01_bridge"])
    assert [len(d.gold) for d in docs] == [2, 2]
    assert ev.score(docs, "newsift")["all"].prf(False) == (0.75, 0.75, 0.75)


def test_test_split_is_refused(ev: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        ev.load_annotators(tmp_path, "test")


def _doc(ev: ModuleType, gold: list[object], pred: list[object]) -> object:
    return ev.Doc("x", TEXT, gold, {"newsift": pred})


def test_bootstrap_intervals_are_over_articles(ev: ModuleType) -> None:
    indirect, direct, short = (ev.Attr(content=(c,), cue=(q,), source=(s,)) for c, q, s in (INDIRECT, DIRECT, SHORT))
    # Every article alike: every draw pools the same counts, so the interval is the figure itself.
    same = [_doc(ev, [indirect, direct], [short, direct]) for _ in range(5)]
    f1 = ev.score(same, "newsift")["all"].prf(False)[2]
    assert f1 == 0.5
    assert ev.bootstrap(same, "newsift", rounds=50)["all"]["f1"] == (f1, f1)
    # Half the articles right, half wrong: draws differ, and the interval holds the pooled figure.
    mixed = [_doc(ev, [indirect, direct], [indirect, direct]) for _ in range(6)]
    mixed += [_doc(ev, [indirect, direct], [short, direct]) for _ in range(6)]
    low, high = ev.bootstrap(mixed, "newsift", rounds=300)["all"]["f1"]
    assert low < ev.score(mixed, "newsift")["all"].prf(False)[2] < high
    assert low >= 0.5 and high <= 1.0
    assert ev.bootstrap(mixed, "newsift", rounds=300) == ev.bootstrap(mixed, "newsift", rounds=300)
    # Counts pool by addition, field by field.
    one = ev.score(mixed[:1], "newsift")["all"]
    assert (one + one).gold == 2 * one.gold and (one + one).tp_overlap_g == 2 * one.tp_overlap_g


def test_confidence_is_set_beside_the_share_right(ev: ModuleType) -> None:
    gold = [ev.Attr(content=(c,), cue=(q,), source=(s,)) for c, q, s in (INDIRECT, DIRECT)]
    indirect = ev.Attr(content=(INDIRECT[0],), source=(INDIRECT[2],), speaker="The mayor", confidence=0.9)
    # The direct quote's content is found, but its speaker is the mayor: wrong.
    wrong_speaker = ev.Attr(content=(DIRECT[0],), source=(INDIRECT[2],), speaker="The mayor", confidence=0.7)
    short = ev.Attr(content=(SHORT[0],), confidence=0.35)  # under half the gold span: no match
    unscored = ev.Attr(content=(DIRECT[0],))  # a system that gives no confidence is not binned
    rows = ev.reliability([_doc(ev, gold, [indirect, wrong_speaker, short, unscored])], "newsift")
    assert sorted(rows) == [(0.35, False, "other"), (0.7, False, "direct"), (0.9, True, "other")]
    lines = ev.reliability_lines(rows)
    # Each bin's gap, weighted by its share: (0.1 + 0.7 + 0.35) / 3; the squared gaps: (0.01 + 0.49 + 0.1225) / 3.
    assert "ECE (10 equal-width bins) 0.383, Brier score 0.2075, over 3 predictions" in lines
    assert "[0.9, 1.0]     1     0.900  1.000" in lines
    assert ev.reliability_lines([]) == "confidence: no prediction carries one"


def test_errors_are_sorted_by_what_touched_them(ev: ModuleType) -> None:
    indirect, direct, short = (ev.Attr(content=(c,), cue=(q,), source=(s,)) for c, q, s in (INDIRECT, DIRECT, SHORT))
    stray = ev.Attr(content=(_span("Ms. Lee told reporters"),))  # no gold cue or content under it
    # Under half of the gold content, with no cue: the gold one was reached under no cue of its own.
    partial = ev.Attr(content=(_span("The mayor said the bridge"),))
    docs = [_doc(ev, [indirect, direct], [short, direct, stray]), _doc(ev, [indirect], [partial])]
    got = ev.error_breakdown(docs, "newsift")
    assert got["missed"] == {"untouched": 0, "cue found, content wrong": 1, "content under another cue": 1}
    assert got["false"] == {"touches nothing": 1, "gold cue, wrong content": 1, "overlaps another gold content": 1}
    # Whatever it cannot pair is counted once: the totals are what the F1 counts leave over.
    counts = ev.score(docs, "newsift")["all"]
    assert sum(got["missed"].values()) == counts.gold - counts.tp_overlap_g
    assert sum(got["false"].values()) == counts.pred - counts.tp_overlap_p
    nothing = ev.error_breakdown([_doc(ev, [indirect], [])], "newsift")["missed"]
    assert nothing["untouched"] == 1
    assert "gold missed                    2: untouched 0" in ev.error_lines(got)


def test_speaker_errors_list_the_wrong_speakers_that_speaker_accuracy_counts(ev: ModuleType) -> None:
    right = ev.Attr(content=(INDIRECT[0],), cue=(INDIRECT[1],), source=(INDIRECT[2],), speaker="The mayor")
    # The quote's content matched, its speaker did not: the mention is elsewhere and names another.
    wrong = ev.Attr(content=(DIRECT[0],), cue=(DIRECT[1],), source=(_span("reporters"),), speaker="reporters")
    gold = [ev.Attr(content=(c,), cue=(q,), source=(s,)) for c, q, s in (INDIRECT, DIRECT)]
    docs = [_doc(ev, gold, [right, wrong])]
    total, rows = ev.speaker_errors(docs, "newsift")
    counts = ev.score(docs, "newsift")["all"]
    assert total == counts.spk_total == 2
    assert len(rows) == counts.spk_total - counts.spk_correct == 1
    assert rows[0]["gold_source"] == "Ms. Lee" and rows[0]["predicted_source"] == "reporters"
    assert rows[0]["content"] == '"It is safe,"' and rows[0]["gold_cue"] == "told"
