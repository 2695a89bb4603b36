"""eval/speakers.py's comparison of two saved runs (hand-made runs, no shared data)."""

from __future__ import annotations

from types import ModuleType

import pytest

from conftest import load_eval_script


@pytest.fixture(scope="module")
def sp() -> ModuleType:
    return load_eval_script("speakers")


def test_two_saved_runs_differ_by_speaker_and_by_attribution(sp: ModuleType) -> None:
    old = {
        "setA:0": [[0, 10, 12, "indirect", "Ivar Lund"], [20, 30, None, "direct", None]],
        "setA:1": [[5, 9, 1, "direct", "Anna Berg"]],
    }
    new = {
        "setA:0": [[0, 10, 12, "indirect", "Tom Reed"], [20, 30, None, "direct", None], [40, 50, 38, "mixed", "x"]],
        "setA:1": [],
    }
    lines = sp.compare(old, new, show=10)
    assert lines[0] == "compared with the saved run: attributions 3 -> 3; speaker changed 1, gone 1, new 1"
    assert lines[1:] == [
        "  setA:0 0-10 speaker: ('indirect', 'Ivar Lund') -> ('indirect', 'Tom Reed')",
        "  setA:0 40-50 new: None -> ('mixed', 'x')",
        "  setA:1 5-9 gone: ('direct', 'Anna Berg') -> None",
    ]
    # The same content under another cue is another attribution; nothing is shown unless asked.
    moved = {"setA:0": [[0, 10, 13, "indirect", "Ivar Lund"], [20, 30, None, "direct", None]], "setA:1": old["setA:1"]}
    assert sp.compare(old, moved) == [
        "compared with the saved run: attributions 3 -> 3; speaker changed 0, gone 1, new 1"
    ]
    assert sp.compare(old, old, show=5) == [
        "compared with the saved run: attributions 3 -> 3; speaker changed 0, gone 0, new 0"
    ]


def test_texts_are_read_as_the_cli_reads_a_file(sp: ModuleType) -> None:
    # Line endings of every kind become "\n": the stages treat only "\n" as a line break, and a name
    # had run over "\r\r" from one paragraph into the next ("Gill\r\rAlexandre Dumas" as one person).
    assert sp.as_read("A fish.\r\rAnna Berg said so.\r\nThe end.\n") == "A fish.\n\nAnna Berg said so.\nThe end."
    assert sp.as_read("\u00e2\u20ac\u0153Yes,\u00e2\u20ac\u009d she said.") == "\u201cYes,\u201d she said."


def test_quotes_for_reading_are_direct_drawn_by_the_seed_and_shown_in_context(sp: ModuleType) -> None:
    texts = {"setA:0": "Intro. " + '"We will rebuild the pier," Anna Berg said.', "setA:1": 'Tom Reed: "No."'}
    saved = {
        "setA:0": [[7, 34, 35, "direct", "Anna Berg"], [0, 5, 1, "indirect", "x"]],
        "setA:1": [[10, 15, None, "direct", None]],
    }
    lines = sp.for_reading(texts, saved, 5, seed=1)
    # Only the two direct quotes, each with its speaker, the text before it and the quote itself.
    heads = sorted(line for line in lines if line.startswith("["))
    assert [h.split(" ", 1)[1] for h in heads] == ["setA:0 7-34 speaker: 'Anna Berg'", "setA:1 10-15 speaker: None"]
    assert (
        "    ...'Intro. '" in lines
        and "    [['\"We will rebuild the pier,\"']] ' Anna Berg said.'" in lines
        and "    [['\"No.\"']] ''" in lines
    )
    # The same seed draws the same quotes; one quote asked for is one shown.
    assert sp.for_reading(texts, saved, 1, seed=3) == sp.for_reading(texts, saved, 1, seed=3)
    assert len(sp.for_reading(texts, saved, 1, seed=3)) == 3
    # Another kind draws from that kind alone; a record with its confidence (files since stop 51)
    # shows it, for whether the sourcing signals count the attribution.
    assert sp.for_reading(texts, saved, 5, seed=1, kind="indirect")[0] == "[1] setA:0 0-5 speaker: 'x'"
    saved["setA:0"][1].append(0.4321)
    assert sp.for_reading(texts, saved, 5, seed=1, kind="indirect")[0] == "[1] setA:0 0-5 speaker: 'x' confidence 0.43"


def test_a_row_gives_textacy_on_the_shared_parse_and_on_its_own(sp: ModuleType) -> None:
    from collections import Counter

    c = Counter(
        {
            "docs": 3,
            "newsift": 10,
            "newsift speaker": 8,
            "newsift named": 5,
            "textacy speaker": 6,
            "textacy refused": 1,
            "textacy own speaker": 7,
            "textacy own refused": 2,
        }
    )
    cells = sp.row("setA", c).split("|")
    assert cells[1].split() == ["10", "8", "80.0%", "50.0%"]
    assert cells[2].split() == ["6", "1"] and cells[3].split() == ["7", "2"]
