"""Tests of the readers (newsift.ingest).  Every fixture is written here, into tmp_path."""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsift.config import Columns, Config
from newsift.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedRecordError,
    MissingColumnError,
    NoArticleError,
    ReaderFailedError,
    UnreadableInputError,
    UnsupportedFormatError,
)
from newsift.ingest import (
    article_from_text,
    domain_of,
    headline_of,
    ingest_path,
    ingest_text,
    iter_sources,
    normalise_date,
    read_path,
    repair_mojibake,
    text_id,
)
from newsift.ingest import html as html_reader
from newsift.ingest import paths as paths_reader
from newsift.ingest import records as records_reader
from newsift.pipeline import Analyzer
from newsift.report import Article

CONFIG = Config()

BODY = (
    "The city council voted on Tuesday to fund a new library in the east district.\n\n"
    "Construction is expected to start next spring, officials said.\n"
)

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Council funds new library | The Riverside Courier</title>
<link rel="canonical" href="https://www.Riverside-Courier.example.org:8443/local/library-vote">
<meta property="og:site_name" content="The Riverside Courier">
<meta name="author" content="Ana Lopez; Tom Berg">
<meta property="article:published_time" content="2022-05-17T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council funds new library</h1>
<p>The city council voted on Tuesday to fund a new library in the east district, ending a
debate that had lasted for almost two years.</p>
<p>"This is a good day for every family in the east," the council leader told reporters
outside the town hall after the vote.</p>
<p>Construction is expected to start next spring and to take about eighteen months,
according to the planning office.</p>
</article>
<footer>Copyright 2022 The Riverside Courier. All rights reserved.</footer>
</body></html>
"""


def articles(items: Sequence[object]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def jsonl(path: Path, rows: list[object]) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in rows))


# -- plain text ------------------------------------------------------------


def test_text_with_headline_first_line_sets_title_and_keeps_whole_text() -> None:
    text = "Council Funds New Library in East District\n\n" + BODY
    article = article_from_text(text, CONFIG)
    assert article.title == "Council Funds New Library in East District"
    assert article.text == text
    assert article.origin.source == "<string>"
    assert article.origin.format == "text"


def test_text_whose_first_line_is_a_sentence_has_no_title() -> None:
    article = article_from_text(BODY, CONFIG)
    assert article.title is None
    assert article.text == BODY


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("Is the new library worth the money?", "Is the new library worth the money?"),
        ("Library approved!", "Library approved!"),
        ("## Markdown headline here", "Markdown headline here"),
        ("The council said this on Tuesday:", None),
        ("“We have waited long enough” says council leader", None),
        ("By Ana Lopez", None),
        ("Advertisement", None),
        ("12 345 678", None),
        (" ".join(["word"] * 25), None),
    ],
)
def test_headline_rule(first_line: str, expected: str | None) -> None:
    assert headline_of(first_line + "\n" + BODY) == expected


def test_headline_needs_following_text() -> None:
    assert headline_of("Council Funds New Library\n\n  \n") is None


def test_text_ids_are_stable_hashes_or_given() -> None:
    first = article_from_text(BODY, CONFIG)
    again = article_from_text(BODY, CONFIG)
    other = article_from_text(BODY + "More.", CONFIG)
    assert first.id == again.id != other.id
    assert len(first.id) == 16
    assert article_from_text(BODY, CONFIG, id="given").id == "given"


@pytest.mark.parametrize("blank", ["", "   ", "\n\t\n"])
def test_empty_text_is_refused(blank: str) -> None:
    with pytest.raises(EmptyInputError):
        article_from_text(blank, CONFIG)


def test_text_file_id_is_stem_and_line_endings_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "story-42.txt", BODY.replace("\n", "\r\n").encode("utf-8"))
    (article,) = list(read_path(path, CONFIG))
    assert isinstance(article, Article)
    assert article.id == "story-42"
    assert article.text == BODY
    assert article.origin.source == str(path)


def test_bom_marked_files_decode(tmp_path: Path) -> None:
    utf8 = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    utf16 = write(tmp_path / "b.txt", BODY.encode("utf-16"))
    for path in (utf8, utf16):
        (article,) = list(read_path(path, CONFIG))
        assert isinstance(article, Article), article
        assert article.text == BODY


def test_configured_wide_encoding_without_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", BODY.encode("utf-16-le"))
    (error,) = list(read_path(path, CONFIG))
    assert isinstance(error, BinaryInputError)
    (article,) = list(read_path(path, replace(CONFIG, encoding="utf-16-le")))
    assert isinstance(article, Article)
    assert article.text == BODY


def test_gzipped_text_is_read_transparently(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt.gz", gzip.compress(BODY.encode("utf-8")))
    (article,) = list(read_path(path, CONFIG))
    assert isinstance(article, Article)
    assert article.id == "story"
    assert article.text == BODY


# -- decoding and bad input ---------------------------------------------------


def test_mojibake_is_repaired_and_noted() -> None:
    broken = "Itâ€™s a â€œgoodâ€\x9d day for the cafÃ© owners.\nThey said so on Monday."
    item = ingest_text(broken, CONFIG)
    assert item.article.text == "It’s a “good” day for the café owners.\nThey said so on Monday."
    assert item.notes and "mojibake" in item.notes[0]


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        # mojibake beside a correct curly quote: the line cannot round-trip, ftfy decides
        ("He said itâ€™s “fine” today.", "He said it’s “fine” today."),
        # cp1252 bytes read as Latin-1 leave C1 control characters
        ("We Can\x92t Pass Up", "We Can’t Pass Up"),
        # mojibake next to a correct umlaut on the same line
        ("Ein schÃ¶ner Tag für alle", "Ein schöner Tag für alle"),
    ],
)
def test_mixed_damage_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == (fixed, True)


def test_clean_non_ascii_text_is_left_alone() -> None:
    text = "The café’s “owner” said Zürich and São Paulo were next — maybe.\nMore text."
    item = ingest_text(text, CONFIG)
    assert item.article.text == text
    assert item.notes == ()


def test_empty_file(tmp_path: Path) -> None:
    (error,) = list(read_path(write(tmp_path / "empty.txt", b""), CONFIG))
    assert isinstance(error, EmptyInputError)
    assert str(tmp_path / "empty.txt") in str(error)


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (error,) = list(read_path(path, CONFIG))
    assert isinstance(error, BinaryInputError)
    assert "NUL" in str(error)


def test_wrong_encoding_names_offset_and_setting(tmp_path: Path) -> None:
    data = "Le café est fermé.\nIl rouvre lundi.".encode("latin-1")
    path = write(tmp_path / "latin.txt", data)
    (error,) = list(read_path(path, CONFIG))
    assert isinstance(error, EncodingError)
    offset = data.index("é".encode("latin-1"))
    assert f"offset {offset}" in str(error)
    assert "encoding" in str(error)
    (article,) = list(read_path(path, replace(CONFIG, encoding="latin-1")))
    assert isinstance(article, Article)
    assert article.text.startswith("Le café est fermé.")


def test_unknown_configured_encoding_is_one_clear_error(tmp_path: Path) -> None:
    config = replace(CONFIG, encoding="klingon-8")
    text_file = write(tmp_path / "a.txt", BODY)
    records = jsonl(tmp_path / "b.jsonl", [{"text": "x"}, {"text": "y"}])
    for path in (text_file, records):
        (error,) = list(read_path(path, config))
        assert isinstance(error, EncodingError)
        assert "klingon-8" in str(error)


def test_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", BODY * 20)
    (error,) = list(read_path(path, replace(CONFIG, max_input_bytes=100)))
    assert isinstance(error, InputTooLargeError)
    with pytest.raises(InputTooLargeError):
        article_from_text(BODY * 20, replace(CONFIG, max_input_bytes=100))


def test_fifty_megabyte_file_fails_fast_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with open(path, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: no 50 MB is written or read
    start = time.perf_counter()
    (error,) = list(read_path(path, CONFIG))
    assert isinstance(error, InputTooLargeError)
    assert "50000000 bytes" in str(error)
    assert "\n" not in str(error)
    assert time.perf_counter() - start < 1.0


def test_gzipped_text_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"word " * 100_000))
    (error,) = list(read_path(path, replace(CONFIG, max_input_bytes=10_000)))
    assert isinstance(error, InputTooLargeError)


# -- HTML -----------------------------------------------------------------------


def test_html_article_with_metadata_and_canonical_link(tmp_path: Path) -> None:
    path = write(tmp_path / "library-vote.html", PAGE)
    (article,) = list(read_path(path, CONFIG))
    assert isinstance(article, Article), article
    assert article.id == "library-vote"
    assert article.origin.format == "html"
    assert article.title == "Council funds new library"
    assert article.domain == "riverside-courier.example.org"
    assert article.url is not None and "library-vote" in article.url
    assert article.authors == ["Ana Lopez", "Tom Berg"]
    assert article.published == "2022-05-17"
    assert article.site == "The Riverside Courier"
    assert "voted on Tuesday to fund a new library" in article.text
    assert "<p>" not in article.text
    assert "All rights reserved" not in article.text
    assert "Sport" not in article.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "ending a\ndebate", "ending a café\ndebate"
    )
    path = write(tmp_path / "legacy.htm", page.encode("cp1252"))
    (article,) = list(read_path(path, CONFIG))
    assert isinstance(article, Article), article
    assert "ending a café" in article.text


def test_html_without_an_article(tmp_path: Path) -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    (error,) = list(read_path(write(tmp_path / "menu.html", page), CONFIG))
    assert isinstance(error, NoArticleError)
    assert "menu.html" in str(error)


@pytest.mark.skipif(importlib.util.find_spec("readability") is None, reason="readability-lxml not installed")
def test_readability_is_the_fallback_when_trafilatura_finds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura", lambda html, url: None)
    items = list(ingest_path(write(tmp_path / "page.html", PAGE), CONFIG))
    (item,) = items
    assert not isinstance(item, Exception), item
    assert "voted on Tuesday to fund a new library" in item.article.text
    assert item.article.domain == "riverside-courier.example.org"
    assert any("readability" in note for note in item.notes)


def test_html_string_through_article_from_text() -> None:
    article = article_from_text(PAGE, CONFIG, fmt="html", id="p1")
    assert article.id == "p1"
    assert article.title == "Council funds new library"
    assert "<article>" not in article.text


def test_html_is_sniffed_from_content(tmp_path: Path) -> None:
    (article,) = list(read_path(write(tmp_path / "page", PAGE), CONFIG))
    assert isinstance(article, Article)
    assert article.origin.format == "html"


# -- JSONL ------------------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "corpus.jsonl",
        [
            {
                "id": "a1",
                "title": "Library vote",
                "text": BODY,
                "url": "https://news.example.com/a1",
                "published": "May 17, 2022",
                "authors": ["Ana Lopez"],
            },
            {"id": 7, "text": "Second article text.", "domain": "WWW.Example.NET", "author": "A; B"},
        ],
    )
    first, second = list(read_path(path, CONFIG))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.text) == ("a1", "Library vote", BODY)
    assert first.domain == "news.example.com"
    assert first.published == "2022-05-17"
    assert first.authors == ["Ana Lopez"]
    assert first.origin.line == 1 and first.origin.format == "jsonl"
    assert (second.id, second.domain, second.authors) == ("7", "example.net", ["A", "B"])
    assert second.origin.line == 2


def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "First good record."}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "body": "text is under another key"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok2", "text": "Last good record."}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    items = list(read_path(path, CONFIG))
    assert [a.id for a in articles(items)] == ["ok1", "ok2"]
    errors = [i for i in items if not isinstance(i, Article)]
    assert [(type(e), e.line) for e in errors] == [
        (MalformedRecordError, 2),
        (MalformedRecordError, 4),
        (MissingColumnError, 5),
        (EmptyInputError, 6),
    ]
    assert f"{path}:2" in str(errors[0])
    assert "body" in str(errors[2])
    assert articles(items)[1].origin.line == 7


def test_jsonl_records_json_cannot_hold_are_errors_not_crashes(tmp_path: Path) -> None:
    lines = [
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": ' + "9" * 5000 + ', "text": "A number too long for Python to read."}',
        json.dumps({"id": "ok", "text": "The record after them."}),
    ]
    path = write(tmp_path / "hostile.jsonl", "\n".join(lines) + "\n")
    items = list(read_path(path, CONFIG))
    assert [a.id for a in articles(items)] == ["ok"]
    errors = [i for i in items if not isinstance(i, Article)]
    assert [(type(e), e.line) for e in errors] == [(MalformedRecordError, 1), (MalformedRecordError, 2)]
    assert "nested too deeply" in str(errors[0]) and "4,300 digits" in str(errors[1])


def test_jsonl_metadata_of_another_json_type_is_left_out_and_noted(tmp_path: Path) -> None:
    odd = {
        "id": {"x": 1},
        "title": ["Two", "titles"],
        "text": "The board met on Monday.",
        "url": True,
        "domain": {"host": "example.com"},
        "author": [{"@type": "Person", "name": "Ana Lopez"}, {"@type": "Person"}, "Tom Berg", False],
    }
    plain = {"id": 7, "title": 2016, "text": "The board met again on Friday."}
    path = write(tmp_path / "odd.jsonl", f"{json.dumps(odd)}\n{json.dumps(plain)}\n")
    first, second = list(ingest_path(path, CONFIG))
    assert not isinstance(first, Exception) and not isinstance(second, Exception)
    a = first.article
    # Nothing of the Python form of an object or array ("{'x': 1}") reaches the article.
    assert (a.title, a.url, a.domain) == (None, None, None)
    assert "{" not in a.id and a.id == text_id(a.text)
    assert a.authors == ["Ana Lopez", "Tom Berg"]
    assert first.notes == (
        "ingest: the 'id' field is a JSON object, not text; it was left out",
        "ingest: the 'title' field is a JSON array, not text; it was left out",
        "ingest: the 'url' field is a JSON boolean, not text; it was left out",
        "ingest: the 'domain' field is a JSON object, not text; it was left out",
        "ingest: 2 author entries are neither text nor an object with a 'name'; left out",
    )
    # Numbers are read as text, as before, and need no note.
    assert (second.article.id, second.article.title, second.notes) == ("7", "2016", ())


def test_a_csv_row_that_does_not_match_the_header_is_noted(tmp_path: Path) -> None:
    # The quotation mark opened in the first row's title runs on into the next line, whose row
    # then vanishes into that title: the one trace is a row of two fields under a header of three.
    content = (
        "id,title,text\n"
        '1,"Board votes on pier\n'
        '2,Second,"The second row."\n'
        "3,Third,The third row is fine.,and one field too many\n"
        "4,Fourth,The fourth row is fine.\n"
    )
    first, third, fourth = list(ingest_path(write(tmp_path / "open.csv", content), CONFIG))
    assert not isinstance(first, Exception) and not isinstance(third, Exception)
    assert not isinstance(fourth, Exception)
    assert first.notes[-1] == (
        "ingest: the row has 2 fields where the header has 3; the missing ones were read as empty, "
        "and it spans lines 2 to 3"
    )
    assert third.notes == ("ingest: the row has 4 fields where the header has 3; the extra ones were left out",)
    assert (fourth.article.id, fourth.notes) == ("4", ())


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    # JSON may escape half of a surrogate pair; no UTF-8 writer accepts the str json.loads makes of it.
    path = write(
        tmp_path / "s.jsonl",
        '{"id": "s", "title": "Dam \\udc80 report", "text": "The dam \\ud800 held.", "authors": ["A \\ud801"]}\n'
        '{"id": "pair", "text": "A paired escape \\ud83d\\ude00 is fine."}\n',
    )
    first, second = list(ingest_path(path, CONFIG))
    assert not isinstance(first, Exception) and not isinstance(second, Exception)
    article = first.article
    assert (article.title, article.text, article.authors) == ("Dam \ufffd report", "The dam \ufffd held.", ["A \ufffd"])
    assert any("3 lone surrogate" in note for note in first.notes)
    assert second.article.text == "A paired escape \U0001f600 is fine." and not second.notes
    direct = ingest_text("A caller's text \udfff.", CONFIG).article
    assert direct.text == "A caller's text \ufffd."
    for text in (article.text, article.title, direct.text):
        text.encode("utf-8")


def test_jsonl_custom_columns_and_record_size(tmp_path: Path) -> None:
    config = replace(CONFIG, columns=Columns(id="doc", title="headline", text="body"), max_input_bytes=200)
    path = jsonl(
        tmp_path / "custom.ndjson",
        [{"doc": "d1", "headline": "H", "body": "Short body."}, {"doc": "d2", "body": "x" * 500}],
    )
    article, error = list(read_path(path, config))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.text) == ("d1", "H", "Short body.")
    assert isinstance(error, InputTooLargeError) and error.line == 2


def test_jsonl_mojibake_in_a_record_is_repaired(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "m.jsonl", [{"id": "m", "title": "CafÃ© reopens", "text": "The cafÃ© reopened."}])
    (item,) = list(ingest_path(path, CONFIG))
    assert not isinstance(item, Exception)
    assert (item.article.title, item.article.text) == ("Café reopens", "The café reopened.")
    assert item.notes


def test_html_escaped_plain_text_is_decoded_and_noted(tmp_path: Path) -> None:
    escaped = "Testing &amp; tracing rose 12&#37; this week &#8212; the clinic&#x27;s figures. R&D and AT&T stay."
    item = ingest_text(escaped, CONFIG)
    assert item.article.text == "Testing & tracing rose 12% this week \u2014 the clinic's figures. R&D and AT&T stay."
    assert any("4 HTML character reference" in n for n in item.notes), item.notes
    # Unknown names and references without their semicolon are text.
    kept = "Rates &foo; held, and the &copyright notice stayed."
    assert ingest_text(kept, CONFIG).article.text == kept
    # Markup keeps its references: decoding "&lt;b&gt;" would turn words into a tag.
    markup = "Use <b>bold</b> or &lt;b&gt; in the comment box."
    assert ingest_text(markup, CONFIG).article.text == markup
    path = jsonl(tmp_path / "e.jsonl", [{"id": "e", "title": "Q&amp;A: the clinic", "text": "Fish &amp; chips."}])
    (record,) = list(ingest_path(path, CONFIG))
    assert not isinstance(record, Exception)
    assert (record.article.title, record.article.text) == ("Q&A: the clinic", "Fish & chips.")
    assert any("HTML character reference" in n for n in record.notes)


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "first", "text": "The first record."}) + "\n")
        filler = "{broken json line " + "x" * 1000 + "\n"
        for _ in range(20_000):  # about 20 MB of broken lines after the first record
            fh.write(filler)
    tracemalloc.start()
    try:
        items = read_path(path, CONFIG)
        first = next(items)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(first, Article) and first.id == "first"
    assert peak < 2_000_000
    second = next(items)
    assert isinstance(second, MalformedRecordError) and second.line == 2


def test_jsonl_gzip_and_invalid_utf8_line(tmp_path: Path) -> None:
    raw = (
        json.dumps({"id": "a", "text": "Good one."}).encode()
        + b"\n"
        + b'{"id": "b", "text": "caf\xe9"}\n'
        + json.dumps({"id": "c", "text": "Good two."}).encode()
        + b"\n"
    )
    path = write(tmp_path / "c.jsonl.gz", gzip.compress(raw))
    items = list(read_path(path, CONFIG))
    assert [a.id for a in articles(items)] == ["a", "c"]
    (error,) = [i for i in items if not isinstance(i, Article)]
    assert isinstance(error, EncodingError) and error.line == 2


def test_utf16_jsonl_keeps_the_records_before_a_bad_byte(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"w{i}", "text": f"Wide record {i}.\nIts second line."}) for i in range(3)]
    # A lone high surrogate (U+D800) then "A": no valid UTF-16.
    raw = ("\r\n".join(good) + "\r\n").encode("utf-16") + b"\x00\xd8A\x00" + good[0].encode("utf-16-le")
    path = write(tmp_path / "wide.jsonl", raw)
    items = list(read_path(path, CONFIG))
    assert [a.id for a in articles(items)] == ["w0", "w1", "w2"]
    assert articles(items)[1].text == "Wide record 1.\nIts second line."
    (error,) = [i for i in items if not isinstance(i, Article)]
    assert isinstance(error, EncodingError) and error.line == 4
    assert f"offset {len(raw) - 4 - len(good[0]) * 2}" in str(error)
    assert "rest of the file were not read" in str(error)


def test_utf16_line_ended_by_a_lone_cr_before_a_bad_byte_is_kept() -> None:
    data = '{"a": 1}\r{"b": 2}\r'.encode("utf-16-le") + b"\x00\xd8A\x00"
    lines = list(records_reader._wide_lines(io.BytesIO(data), "s", "utf-16-le"))
    assert lines[:2] == [(1, '{"a": 1}\r'), (2, '{"b": 2}\r')]
    assert isinstance(lines[2][1], EncodingError) and lines[2][0] == 3


def test_utf16_jsonl_lines_that_straddle_chunks(tmp_path: Path) -> None:
    # Chunks of 7 bytes split code units, surrogate pairs and "\r\n" endings.
    records = [{"id": "a", "text": "Caf\u00e9 \U0001f600 opens."}, {"id": "b", "text": "Second."}]
    data = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\r"
    for codec in ("utf-16", "utf-32"):
        lines = list(records_reader._wide_lines(io.BytesIO(data.encode(codec)), "s", codec, chunk_size=7))
        assert lines == [(1, data.split("\r\n")[0] + "\r\n"), (2, data.split("\r\n")[1])]


def test_a_long_utf16_record_is_read_in_bounded_time(tmp_path: Path) -> None:
    # Each chunk read scanned the unfinished line again from every place in it: a record of
    # 50,000 characters took 8 s here, one of 100,000 two minutes.  Now both take milliseconds.
    long_text = "The board met again. " * 12_000
    data = f"{json.dumps({'id': 'a', 'text': 'Short.'})}\n{json.dumps({'id': 'b', 'text': long_text})}\n"
    path = tmp_path / "wide.jsonl"
    path.write_bytes(data.encode("utf-16"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        items = pool.submit(lambda: list(read_path(path, CONFIG))).result(timeout=20)
    assert [a.id for a in articles(items)] == ["a", "b"]
    assert articles(items)[1].text == long_text


def test_a_reader_bug_costs_its_input_not_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": "First record."}, {"id": "a2", "text": "Second."}])
    page = write(tmp_path / "b.txt", BODY)
    after = write(tmp_path / "c.txt", BODY)
    real_jsonl = paths_reader.read_jsonl

    def jsonl_bug(stream, source, config):  # type: ignore[no-untyped-def]
        records = real_jsonl(stream, source, config)
        yield next(records)
        raise KeyError("a bug after the first record")

    def text_bug(text, config, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs["source"] == str(page):
            raise IndexError("a bug on one page")
        return ingest_text(text, config, **kwargs)

    monkeypatch.setattr(paths_reader, "read_jsonl", jsonl_bug)
    monkeypatch.setattr(paths_reader, "ingest_text", text_bug)
    items = list(iter_sources([corpus, page, after], CONFIG))
    assert [a.id for a in articles(items)] == ["a1", articles(items)[1].id]
    assert articles(items)[1].origin.source == str(after)
    errors = [i for i in items if not isinstance(i, Article)]
    assert [type(e) for e in errors] == [ReaderFailedError, ReaderFailedError]
    assert errors[0].source == str(corpus) and "KeyError" in str(errors[0]) and "after 1 record" in str(errors[0])
    assert errors[1].source == str(page) and "IndexError" in str(errors[1]) and "report it" in str(errors[1])


def test_a_truncated_gzip_says_so_and_how_much_was_read(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": f"r{i}", "text": f"Record {i} " + "x" * 2000}) + "\n" for i in range(200))
    packed = gzip.compress(records.encode(), mtime=0)
    path = write(tmp_path / "cut.jsonl.gz", packed[: len(packed) * 3 // 4])
    items = list(read_path(path, CONFIG))
    error = items[-1]
    assert isinstance(error, UnreadableInputError)
    assert "truncated" in str(error) and f"{len(items) - 1} record(s) before this point were read" in str(error)
    assert len(items) > 1 and all(isinstance(a, Article) for a in items[:-1])


def test_json_array_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "array.json", json.dumps([{"text": "a"}]))
    (error,) = list(read_path(path, CONFIG))
    assert isinstance(error, UnsupportedFormatError)
    assert "jq" in str(error)


@pytest.mark.parametrize(
    ("name", "content"), [("empty.jsonl", ""), ("blank.jsonl", "\n  \n"), ("h.csv", "id,text\n\n")]
)
def test_record_file_without_records_reports_one_empty_error(tmp_path: Path, name: str, content: str) -> None:
    items = list(read_path(write(tmp_path / name, content), CONFIG))
    assert len(items) == 1
    assert isinstance(items[0], EmptyInputError) and name in str(items[0])


def test_pretty_printed_json_is_one_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"id": "x", "text": "Body."}, indent=2))
    items = list(read_path(path, CONFIG))
    assert len(items) == 1
    assert isinstance(items[0], UnsupportedFormatError) and "jq -c" in str(items[0])


# -- CSV --------------------------------------------------------------------------


def test_csv_records_with_multiline_field(tmp_path: Path) -> None:
    content = (
        "id,title,text,url\n"
        'a,Library vote,"First line.\nSecond line of the same text.",https://www.example.com/a\n'
        "b,Other,Plain text here.,\n"
    )
    first, second = list(read_path(write(tmp_path / "c.csv", content), CONFIG))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "First line.\nSecond line of the same text."
    assert (first.domain, first.origin.line, first.origin.format) == ("example.com", 2, "csv")
    assert (second.id, second.url, second.origin.line) == ("b", None, 4)


def test_tsv_with_custom_columns(tmp_path: Path) -> None:
    config = replace(CONFIG, columns=Columns(id="key", text="content"))
    content = "key\tContent\tauthors\nk1\tTab separated text.\tAna Lopez; Tom Berg\n"
    (article,) = list(read_path(write(tmp_path / "t.tsv", content), config))
    assert isinstance(article, Article)
    assert (article.id, article.text) == ("k1", "Tab separated text.")
    assert article.authors == ["Ana Lopez", "Tom Berg"]


def test_a_record_with_a_title_and_no_text_is_read_as_a_headline(tmp_path: Path) -> None:
    path = write(tmp_path / "headlines.csv", "id,title,text\n1,Water Board Approves Pipe Plan,\n2,,\n")
    first, second = list(ingest_path(path, CONFIG))
    assert not isinstance(first, Exception)
    assert (first.article.title, first.article.text) == ("Water Board Approves Pipe Plan", "")
    assert first.notes == ("ingest: the record has a title and no 'text'; only the title was analysed",)
    assert isinstance(second, EmptyInputError) and second.line == 3
    report = Analyzer(Config(stages=("clean",))).analyze_article(first.article, notes=first.notes)
    assert "clean: the article has no body text" in report.warnings
    assert first.notes[0] in report.warnings


def test_csv_without_text_column_gives_one_error(tmp_path: Path) -> None:
    content = "id,headline,body\n" + "".join(f"{i},H{i},B{i}\n" for i in range(50))
    items = list(read_path(write(tmp_path / "notext.csv", content), CONFIG))
    assert len(items) == 1
    (error,) = items
    assert isinstance(error, MissingColumnError)
    assert "notext.csv" in str(error)
    assert "id, headline, body" in str(error)


def test_csv_bad_rows_do_not_stop_the_file(tmp_path: Path) -> None:
    raw = b"id,text\na,Good one.\nb,\nc,caf\xe9 latin-1\nd,Good two.\n"
    items = list(read_path(write(tmp_path / "rows.csv", raw), CONFIG))
    assert [a.id for a in articles(items)] == ["a", "d"]
    errors = [(type(i), i.line) for i in items if not isinstance(i, Article)]
    assert errors == [(EmptyInputError, 3), (EncodingError, 4)]


# -- directories, stdin, sources ------------------------------------------------------


def test_directory_walk(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", BODY)
    write(root / "a" / "page.html", PAGE)
    jsonl(root / "a" / "z.jsonl", [{"id": "r1", "text": "Record one."}, {"id": "r2", "text": "Record two."}])
    write(root / ".hidden.txt", BODY)
    write(root / ".git" / "x.txt", BODY)
    write(root / "c-empty.txt", "")
    items = list(read_path(root, CONFIG))
    assert [getattr(i, "id", None) for i in items] == ["a/page", "r1", "r2", "b", None]
    assert isinstance(items[-1], EmptyInputError)


def test_unreadable_file_inside_a_directory_does_not_stop_the_walk(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root / "a.txt", BODY)
    (root / "b.txt").symlink_to(root / "missing-target.txt")  # dangling: cannot be opened, even by root
    write(root / "c.txt", BODY)
    items = list(read_path(root, CONFIG))
    assert [type(i) for i in items] == [Article, UnreadableInputError, Article]
    assert "b.txt" in str(items[1]) and "dangling" in str(items[1])


def test_file_that_fails_to_open_inside_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permission bits do not stop root, so the failure is simulated where the reader opens files.
    root = tmp_path / "d"
    write(root / "a.txt", BODY)
    locked = write(root / "locked.txt", BODY)
    write(root / "z.txt", BODY)
    real_open = open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(paths_reader, "open", fake_open, raising=False)
    items = list(read_path(root, CONFIG))
    assert [type(i) for i in items] == [Article, UnreadableInputError, Article]
    assert "locked.txt" in str(items[1]) and "Permission denied" in str(items[1])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_inside_a_directory_is_skipped_not_opened(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root / "a.txt", BODY)
    os.mkfifo(root / "pipe")  # opening it would block the walk forever
    items = list(read_path(root, CONFIG))
    assert [type(i) for i in items] == [Article, UnreadableInputError]
    assert "pipe" in str(items[1]) and "regular file" in str(items[1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_permission_denied_inside_a_directory(tmp_path: Path) -> None:
    root = tmp_path / "d"
    locked = write(root / "locked.txt", BODY)
    write(root / "open.txt", BODY)
    locked.chmod(0)
    try:
        items = list(read_path(root, CONFIG))
    finally:
        locked.chmod(0o644)
    assert [type(i) for i in items] == [UnreadableInputError, Article]


def test_missing_path_is_reported_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    good = write(tmp_path / "good.txt", BODY)
    items = list(iter_sources([missing, str(good)], CONFIG))
    assert isinstance(items[0], UnreadableInputError) and "nope.txt" in str(items[0])
    assert isinstance(items[1], Article)


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, ("Library Vote Passes\n" + BODY).encode())
    (article,) = list(iter_sources(["-"], CONFIG))
    assert isinstance(article, Article)
    assert article.title == "Library Vote Passes"
    assert article.origin.source == "<stdin>"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "s1", "text": "One."}, {"id": "s2", "text": "Two."}]
    _fake_stdin(monkeypatch, ("\n" + "".join(json.dumps(r) + "\n" for r in rows)).encode())
    items = list(iter_sources(["-"], CONFIG))
    assert [(a.id, a.origin.line, a.origin.format) for a in articles(items)] == [
        ("s1", 2, "jsonl"),
        ("s2", 3, "jsonl"),
    ]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, PAGE.encode())
    (article,) = list(iter_sources(["-"], CONFIG))
    assert isinstance(article, Article)
    assert article.domain == "riverside-courier.example.org"


# -- helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://WWW.Example.com:8080/path?q=1", "example.com"),
        ("http://user:pw@news.example.co.uk/", "news.example.co.uk"),
        ("www.example.org", "example.org"),
        ("https://www.bücher.de/", "xn--bcher-kva.de"),
        ("http://127.0.0.1:5000/x", "127.0.0.1"),
        ("http://localhost/", "localhost"),
        ("https://www.com/", "www.com"),
        ("not a url", None),
        ("", None),
        ("http://", None),
        ("http://exa_mple.com/", None),
        ("intranet", None),
    ],
)
def test_domain_of(url: str, expected: str | None) -> None:
    assert domain_of(url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-05-17", "2022-05-17"),
        ("2022-05-17T09:30:00Z", "2022-05-17T09:30:00+00:00"),
        ("Tue, 17 May 2022 09:30:00 GMT", "2022-05-17T09:30:00+00:00"),
        ("May 17, 2022", "2022-05-17"),
        ("17 May 2022", "2022-05-17"),
        ("05/06/2022", "05/06/2022"),
        ("last Tuesday", "last Tuesday"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, expected: str | None) -> None:
    assert normalise_date(raw) == expected
