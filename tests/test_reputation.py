"""Domain reputation: builder on tiny hand-written fixtures, lookup rules, shipped table."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from newsift.errors import ModelUnavailableError, NewsiftError, UnreadableInputError
from newsift.signals import build_reputation as br
from newsift.signals.reputation import (
    PUBLISHER_SHORT_LINKS,
    DomainReputation,
    ReputationTableError,
    candidate_domains,
    combine_quality,
    combine_ratings,
    names_no_publisher,
    parse_host,
    registrable_domain,
)

# Invented domains only: no dataset text is copied here.
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _dataset_md(root: Path, repo: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "DATASET.md").write_text(f"## Origin\n- Source: GitHub `{repo}`, commit `{COMMIT}`.\n")


def _write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def _rsp_row(name: str, status: str, domains: list[str]) -> str:
    uses = "{{WP:RSPUSES|" + "|".join(domains) + "}}" if domains else ""
    alltext = f"| {{{{WP:RSPSTATUS|{status}}}}}\n| {uses}"
    row = {"id": name, "name": name, "status": status, "alltext": alltext}
    if domains:
        row["domain"] = domains[0]
    return json.dumps(row)


def make_data(root: Path) -> Path:
    lin = root / "domain_quality_lin2023"
    _dataset_md(lin, "someone/domain-quality")
    _write_csv(
        lin / "domain_pc1.csv",
        ["domain", "pc1"],
        [
            ["wirenews.com", "0.95"],
            ["hoaxdaily.com", "0.1"],
            ["middling.com", "0.5"],
            ["dupsite.com", "0.8"],
            ["www.dupsite.com", "0.7"],
            ["bigportal.com/opinion", "0.2"],
            ["splitdecision.com", "0.9"],
            ["jokepaper.com", "0.3"],
            ["regionalpaper.co.uk", "0.75"],
            ["famousblog.blogspot.com", "0.2"],
            ["onlymbfc-too.com", "0.65"],
        ],
    )

    osrc = root / "opensources"
    _dataset_md(osrc, "someone/opensources")
    (osrc / "sources").mkdir()

    def tags(a: str, b: str = "", c: str = "") -> dict[str, str]:
        return {"type": a, "2nd type": b, "3rd type": c, "Source Notes (things to know?)": ""}

    (osrc / "sources" / "sources.json").write_text(
        json.dumps(
            {
                "hoaxdaily.com": tags("fake", "conspiracy"),
                "jokepaper.com": tags("satire", "fake"),
                "Loud-Banner.COM": tags("clickbait", "bias"),
                "partisanpost.com": tags("political", "reliable"),
                "newyorkish.com/humor": tags("satire"),
                "splitdecision.com": tags("fake "),
                "famousblog.blogspot.com": tags("conspiracy"),
            }
        )
    )

    rsp = root / "wikipedia_rsp"
    _dataset_md(rsp, "someone/rsp-parser")
    (rsp / "sources.jsonl").write_text(
        "\n".join(
            [
                _rsp_row("Wire News", "gr", ["wirenews.com", "wirenews.co.uk"]),
                _rsp_row("Twofaced", "nc", ["twofaced.com"]),
                _rsp_row("Twofaced (politics)", "gu", ["twofaced.com"]),
                _rsp_row("Periodic (pre-2020)", "gr", ["periodic.com"]),
                _rsp_row("Periodic (2020–present)", "gu", ["periodic.com"]),
                _rsp_row("No domain at all", "gu", []),
                _rsp_row("Section only", "d", ["bigportal.com/section"]),
            ]
        )
        + "\n"
    )

    yang = root / "mbfc_ratings_yang2025"
    _dataset_md(yang, "someone/news-domains")
    header = [
        "page",
        "mbfclink",
        "bias_rating",
        "factual_reporting",
        "country",
        "media_type",
        "trafficpopularity",
        "credibility_rating",
        "source",
        "domain",
        "leaning",
        "press_freedom_rank",
    ]

    def yrow(domain: str, factual: str, cred: str = "", bias: str = "", path: str = "") -> list[str]:
        return ["p", "l", bias, factual, "", "", "", cred, f"https://www.{domain}/{path}", domain, "", ""]

    _write_csv(
        yang / "mbfc_ratings.csv",
        header,
        [
            yrow("wirenews.com", "HIGH", "HIGH CREDIBILITY"),
            yrow("onlymbfc.com", "VERY LOW", "LOW CREDIBILITY"),
            yrow("laughtrack.com", "", "", "LEFT SATIRE"),
            yrow("hostportal.com", "LOW", path="someone-else/"),
            yrow("credonly.com", "", "MEDIUM CREDIBILITY"),
            yrow("norating.com", ""),
        ],
    )

    baly = root / "mbfc_baly2018_2020"
    _dataset_md(baly, "someone/media-reliability")
    tsv = ["source_url", "source_url_normalized", "ref", "fact", "bias"]
    _write_csv(
        baly / "data" / "acl2020" / "corpus.tsv",
        tsv,
        [["https://onlymbfc.com", "onlymbfc.com", "r", "low", "right"]],
        delimiter="\t",
    )
    _write_csv(
        baly / "data" / "emnlp18" / "corpus.tsv",
        tsv,
        [
            ["http://www.onlymbfc.com/", "onlymbfc.com", "r", "high", "center"],
            ["http://oldsite.com/", "oldsite.com", "r", "mixed", "left"],
        ],
        delimiter="\t",
    )
    return root


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    return make_data(tmp_path / "data")


def _labels(table: dict, domain: str) -> dict[str, list]:
    return {lab[0]: lab for lab in table["domains"][domain][2]}


# --- combination rules -------------------------------------------------------


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([], "unknown"),
        (["reliable"], "reliable"),
        (["reliable", "reliable", "mixed"], "reliable"),
        (["reliable", "mixed"], "mixed"),
        (["reliable", "unreliable"], "mixed"),
        (["unreliable", "unreliable", "reliable"], "unreliable"),
        (["reliable", "satire"], "satire"),
    ],
)
def test_combine_ratings(ratings: list[str], expected: str) -> None:
    assert combine_ratings(ratings) == expected


def test_combine_quality_is_the_mean_of_known_values() -> None:
    assert combine_quality([0.2, None, 0.6]) == pytest.approx(0.4)
    assert combine_quality([None]) is None


# --- builder -----------------------------------------------------------------


def test_default_build_leaves_out_unshippable_sources(data: Path) -> None:
    table, report = br.build_table(data)
    assert set(table["sources"]) == {"domain_quality_lin2023", "opensources", "wikipedia_rsp"}
    assert "onlymbfc.com" not in table["domains"]
    for entry in table["domains"].values():
        assert all(lab[0] in table["sources"] for lab in entry[2])
    # Counted but not shipped: the report still shows the MBFC lists' counts.
    assert report["sources"]["mbfc_ratings_yang2025"]["in_table"] is False
    assert table["sources"]["wikipedia_rsp"]["origin"] == f"someone/rsp-parser@{COMMIT}"


def test_source_mappings(data: Path) -> None:
    table, report = br.build_table(data)
    domains = table["domains"]
    assert domains["wirenews.com"][0] == "reliable"
    assert domains["wirenews.co.uk"][0] == "reliable"  # second RSPUSES domain
    assert domains["middling.com"][0] == "mixed"
    assert domains["hoaxdaily.com"][0] == "unreliable"
    assert domains["jokepaper.com"][0] == "satire"  # satire wins over a low pc1
    assert domains["loud-banner.com"][0] == "unreliable"  # case folded; bias tag
    assert domains["partisanpost.com"][0] == "mixed"  # political + reliable
    assert domains["splitdecision.com"][0] == "mixed"  # pc1 0.9 vs OpenSources "fake "
    assert _labels(table, "splitdecision.com")["opensources"][1] == "fake"
    # Path-scoped entries rate a section, not the domain.
    assert "newyorkish.com" not in domains and "bigportal.com" not in domains
    assert report["sources"]["opensources"]["skipped_path"] == 1
    assert report["sources"]["domain_quality_lin2023"]["skipped_path"] == 1
    # www.dupsite.com and dupsite.com are one domain; the raw labels of both survive.
    dup = _labels(table, "dupsite.com")["domain_quality_lin2023"]
    assert "pc1=0.8000" in dup[1] and "pc1=0.7000" in dup[1]
    assert dup[3] == pytest.approx(0.75)
    assert report["sources"]["domain_quality_lin2023"]["duplicates_merged"] == 1
    assert "no domain at all" not in json.dumps(domains).lower()


def test_rsp_prefers_general_and_current_rows_but_keeps_the_rest(data: Path) -> None:
    table, _ = br.build_table(data)
    twofaced = _labels(table, "twofaced.com")["wikipedia_rsp"]
    assert twofaced[2] == "mixed" and twofaced[1].startswith("nc (Twofaced)")
    assert "gu (Twofaced (politics))" in twofaced[1]
    assert table["domains"]["periodic.com"][0] == "unreliable"  # the "present" row wins


def test_quality_is_the_mean_over_sources(data: Path) -> None:
    table, _ = br.build_table(data)
    rating, quality, _ = table["domains"]["wirenews.com"]
    assert rating == "reliable"
    assert quality == pytest.approx((0.95 + 0.8) / 2)
    assert table["domains"]["hoaxdaily.com"][1] == pytest.approx(0.1)  # OpenSources has no quality


def test_full_build_gives_one_vote_per_rater(data: Path) -> None:
    table, _ = br.build_table(data, include_unshippable=True)
    labels = _labels(table, "onlymbfc.com")
    assert labels["mbfc_ratings_yang2025"][4] is True
    assert labels["mbfc_baly2018_2020"][4] is False
    assert labels["mbfc_baly2018_2020"][1].startswith("acl2020: fact=low")  # newer version first
    assert "emnlp18: fact=high" in labels["mbfc_baly2018_2020"][1]
    assert table["domains"]["onlymbfc.com"][0] == "unreliable"
    assert table["domains"]["laughtrack.com"][0] == "satire"
    assert table["domains"]["credonly.com"][0] == "mixed"
    assert table["domains"]["oldsite.com"][0] == "mixed"
    assert "hostportal.com" not in table["domains"]  # path-scoped row
    assert "norating.com" not in table["domains"]


def test_exclude_and_missing_sources(data: Path, tmp_path: Path) -> None:
    table, _ = br.build_table(data, exclude=["domain_quality_lin2023"])
    assert "domain_quality_lin2023" not in table["sources"]
    assert "middling.com" not in table["domains"]
    with pytest.raises(NewsiftError, match="unknown source"):
        br.build_table(data, exclude=["no_such_list"])
    with pytest.raises(UnreadableInputError, match="--exclude domain_quality_lin2023"):
        br.build_table(tmp_path / "empty")


def test_cli_writes_a_reproducible_table_and_card(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert br.main(["--data", str(data), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "wikipedia_rsp" in printed and "wrote" in printed
    first = (out / "reputation.json.gz").read_bytes()
    assert br.main(["--data", str(data), "--out", str(out)]) == 0
    assert (out / "reputation.json.gz").read_bytes() == first
    card = (out / "README.md").read_text()
    assert f"someone/media-reliability@{COMMIT}" in card and "**no**" in card
    rep = DomainReputation.load(out)
    assert rep.lookup("https://wirenews.com/a").rating == "reliable"
    assert rep.lookup("onlymbfc.com").rating == "unknown"


def test_cli_full_build_goes_to_a_local_file_and_never_into_the_package(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "local"
    assert br.main(["--data", str(data), "--out", str(out), "--include-unshippable"]) == 0
    assert not (out / "reputation.json.gz").exists()
    rep = DomainReputation.load(out / br.LOCAL_TABLE)
    assert rep.lookup("onlymbfc.com").rating == "unreliable"
    package_dir = Path(br.__file__).resolve().parent.parent / "models" / "reputation"
    assert br.main(["--data", str(data), "--out", str(package_dir), "--include-unshippable"]) == 2
    assert "refusing" in capsys.readouterr().err


# --- lookup ------------------------------------------------------------------


@pytest.fixture()
def rep(data: Path) -> DomainReputation:
    table, _ = br.build_table(data)
    return DomainReputation.from_table(table)


@pytest.mark.parametrize(
    "query",
    [
        "wirenews.com",
        "WIRENEWS.COM",
        "www.wirenews.com",
        "m.wirenews.com",
        "mobile.wirenews.com",
        "amp.wirenews.com",
        "https://www.wirenews.com:8443/2024/story?id=1#top",
        "//wirenews.com",
        "wirenews.com.",
        "www-wirenews-com.cdn.ampproject.org",
    ],
)
def test_lookup_normalises_mirrors_and_urls(rep: DomainReputation, query: str) -> None:
    result = rep.lookup(query)
    assert result.matched_domain == "wirenews.com"
    assert result.rating == "reliable"
    assert {s["source"] for s in result.sources} == {"domain_quality_lin2023", "wikipedia_rsp"}
    assert all(s["licence"] for s in result.sources)


@pytest.mark.parametrize(
    "query",
    [
        "https://web.archive.org/web/20240115093000/https://www.wirenews.com/2024/story?id=1",
        "http://web.archive.org/web/20240115093000id_/http:/wirenews.com/story",
        "web.archive.org/web/2024*/wirenews.com/story",
        "https://archive.ph/20240115093000/https://m.wirenews.com/story",
        "https://archive.today/o/AbCd9/https://wirenews.com/story",
    ],
)
def test_an_archived_copy_is_its_publishers_page(rep: DomainReputation, query: str) -> None:
    result = rep.lookup(query)
    assert (result.matched_domain, result.rating) == ("wirenews.com", "reliable")
    assert "archived copy" in result.note


@pytest.mark.parametrize(
    "query",
    ["https://archive.ph/AbCd9", "https://web.archive.org/", "https://web.archive.org/web/2024/localhost/x"],
)
def test_an_archive_address_that_names_no_original_is_unknown(rep: DomainReputation, query: str) -> None:
    assert rep.lookup(query).rating == "unknown"


def test_lookup_falls_back_to_the_registrable_parent(rep: DomainReputation) -> None:
    result = rep.lookup("https://news.local-edition.regionalpaper.co.uk/x")
    assert result.matched_domain == "regionalpaper.co.uk"
    assert result.rating == "reliable"
    assert "parent domain" in result.note
    # Never past the registrable domain, and never from a blog to its platform.
    assert rep.lookup("otherpaper.co.uk").rating == "unknown"
    assert rep.lookup("famousblog.blogspot.com").rating == "unreliable"
    assert rep.lookup("someoneelse.blogspot.com").rating == "unknown"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "localhost",
        "http://localhost:8000/a",
        "127.0.0.1",
        "http://10.0.0.7/news",
        "::1",
        "http://[2001:db8::1]:80/",
        "not a domain",
        "javascript:alert(1)",
        "ftp://wirenews.com",
        "wirenews",
        "a..b.com",
        "printer.local",
        "site.invalid",
        "http://",
    ],
)
def test_non_domains_are_unknown(rep: DomainReputation, query: str) -> None:
    result = rep.lookup(query)
    assert result.rating == "unknown"
    assert result.matched_domain is None and result.quality is None and result.sources == []
    assert result.note


def test_unknown_domain_is_never_reliable(rep: DomainReputation) -> None:
    result = rep.lookup("never-heard-of-it.com")
    assert (result.rating, result.matched_domain, result.known) == ("unknown", None, False)
    assert result.to_dict()["rating"] == "unknown"


def test_host_helpers() -> None:
    assert parse_host("HTTPS://M.Example.com.au/x").host == "example.com.au"
    assert parse_host("bücher.de").host == "xn--bcher-kva.de"
    assert registrable_domain("a.b.example.co.uk") == "example.co.uk"
    assert registrable_domain("co.uk") == "co.uk"
    assert candidate_domains("a.b.example.com") == ["a.b.example.com", "b.example.com", "example.com"]
    assert candidate_domains("www.co.uk") == ["www.co.uk"]


def test_bad_tables_raise_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(ReputationTableError) as info:
        DomainReputation.load(tmp_path / "missing.json.gz")
    assert isinstance(info.value, ModelUnavailableError)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ReputationTableError, match="not a newsift reputation table"):
        DomainReputation.load(bad)
    table = {
        "format": "newsift.reputation",
        "format_version": 1,
        "sources": {},
        "domains": {"x.com": ["great", None, []]},
    }
    (tmp_path / "t.json.gz").write_bytes(gzip.compress(json.dumps(table).encode()))
    with pytest.raises(ReputationTableError, match="malformed entry"):
        DomainReputation.load(tmp_path / "t.json.gz")


# --- the shipped table -------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> DomainReputation:
    return DomainReputation.load()


def test_shipped_table_holds_only_shippable_sources(shipped: DomainReputation) -> None:
    shippable = {s.name for s in br.SOURCES if s.shippable}
    assert set(shipped.sources) <= shippable
    assert shipped.meta["include_unshippable"] is False
    assert len(shipped) > 1000
    shipped_file = Path(br.__file__).resolve().parent.parent / "models" / "reputation" / "reputation.json.gz"
    assert shipped_file.stat().st_size < 2_000_000


def test_a_publishers_own_short_link_is_the_publisher_and_a_general_shortener_is_unknown(
    shipped: DomainReputation,
) -> None:
    for short, target in PUBLISHER_SHORT_LINKS.items():
        publisher = shipped.lookup(target)
        assert publisher.known, f"{target} ({short}) should be in the shipped table"
        result = shipped.lookup(f"https://{short}/2xYz9")
        assert (result.matched_domain, result.rating) == (publisher.matched_domain, publisher.rating), short
        assert "short-link domain" in result.note
    for general in ("https://bit.ly/2xYz9", "https://t.co/AbCd", "goo.gl/x", "trib.al/AbCd"):
        result = shipped.lookup(general)
        assert result.rating == "unknown", general
        assert "link shortener" in result.note, general
    # A platform's own short domain is the platform, rated as the platform is.
    assert shipped.lookup("https://youtu.be/AbCdEf?t=12").matched_domain == "youtube.com"


@pytest.mark.parametrize(
    ("address", "publisher"),
    [
        ("http://archive.is/AbCd1", False),
        ("https://t.co/AbCd", False),
        ("https://nyti.ms/2xYz9", True),
        ("https://web.archive.org/web/20160101000000/http://www.example-news.com/x", True),
        ("https://www.example-news.com/story", True),
    ],
)
def test_a_shortener_or_an_archives_short_address_names_no_publisher(address: str, publisher: bool) -> None:
    host = parse_host(address).host
    assert host is not None and names_no_publisher(host) is not publisher


def test_an_archive_address_that_names_no_page_says_so(shipped: DomainReputation) -> None:
    short = shipped.lookup("http://archive.is/AbCd1")
    assert short.rating == "unknown"
    assert "does not name the archived page" in short.note
    # One that names its page is that page's publisher, as before.
    assert shipped.lookup("https://web.archive.org/web/20160101000000/http://www.reuters.com/x").rating == "reliable"


def test_shipped_table_rates_well_known_domains(shipped: DomainReputation) -> None:
    for url in ("https://www.reuters.com/world/", "apnews.com", "https://mobile.reuters.com/x"):
        assert shipped.lookup(url).rating == "reliable", url
    # A fabricated-news domain that OpenSources tags "fake".
    fake = shipped.lookup("http://abcnews.com.co/story")
    assert fake.rating == "unreliable"
    assert any(s["source"] == "opensources" and "fake" in s["label_raw"] for s in fake.sources)
    assert shipped.lookup("localhost").rating == "unknown"
    assert shipped.lookup("127.0.0.1").rating == "unknown"
