"""Build the domain reputation table from the open domain lists in ``shared/data``.

    python -m newsift.signals.build_reputation --data ../shared/data --out src/newsift/models/reputation/

writes ``reputation.json.gz`` (only sources whose terms allow shipping) and its
card ``README.md``.  ``--include-unshippable`` adds the MBFC-derived lists and
writes ``reputation.local.json.gz`` / ``README.local.md`` instead, for local use
only (point :meth:`DomainReputation.load` at it); it refuses to write into the
package.  The output is deterministic: same data, same bytes.

Each source's labels map to a rating (reliable / mixed / unreliable / satire) and,
where the source has a scale, a quality number in [0, 1]; the raw label is kept.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import MalformedRecordError, NewsiftError, UnreadableInputError
from .reputation import (
    TABLE_FORMAT,
    TABLE_FORMAT_VERSION,
    combine_quality,
    combine_ratings,
    parse_host,
)

LOCAL_TABLE = "reputation.local.json.gz"
_ORDER = ("reliable", "mixed", "unreliable", "satire")

# Quality anchors for categorical labels.  They sit near the median Lin et al.
# pc1 of the domains MBFC gives each factual level (VERY HIGH 0.91, HIGH 0.79,
# MOSTLY FACTUAL 0.71, MIXED 0.43, LOW 0.23, VERY LOW 0.20), so that a mean
# across sources stays on one scale.  They are ordinal positions, not measurements.
MBFC_FACTUAL: dict[str, tuple[str, float]] = {
    "VERY HIGH": ("reliable", 0.9),
    "HIGH": ("reliable", 0.8),
    "MOSTLY FACTUAL": ("reliable", 0.7),
    "MIXED": ("mixed", 0.5),
    "LOW": ("unreliable", 0.25),
    "VERY LOW": ("unreliable", 0.1),
}
MBFC_CREDIBILITY: dict[str, tuple[str, float]] = {
    "HIGH CREDIBILITY": ("reliable", 0.8),
    "MEDIUM CREDIBILITY": ("mixed", 0.5),
    "MIXED CREDIBILITY": ("mixed", 0.5),
    "LOW CREDIBILITY": ("unreliable", 0.2),
}
BALY_FACT: dict[str, tuple[str, float]] = {
    "high": ("reliable", 0.8),
    "mixed": ("mixed", 0.5),
    "low": ("unreliable", 0.2),
}
RSP_STATUS: dict[str, tuple[str, float]] = {
    "gr": ("reliable", 0.8),
    "nc": ("mixed", 0.5),
    "m": ("mixed", 0.5),
    "gu": ("unreliable", 0.2),
    "d": ("unreliable", 0.05),
}
# pc1 cut points: MBFC HIGH domains have pc1 >= 0.59 nine times in ten, LOW and
# VERY LOW domains pc1 <= 0.41 nine times in ten.
LIN_RELIABLE_AT = 0.6
LIN_UNRELIABLE_BELOW = 0.4
# OpenSources tags (definitions in fakenewscorpus_sample/README.md), spelling
# variants folded.  "unreliable" there means "proceed with caution".
OPENSOURCES_TAGS: dict[str, str] = {
    "fake": "unreliable",
    "fake news": "unreliable",
    "conspiracy": "unreliable",
    "junksci": "unreliable",
    "hate": "unreliable",
    "rumor": "unreliable",
    "state": "unreliable",
    "bias": "unreliable",
    "clickbait": "mixed",
    "unreliable": "mixed",
    "unrealiable": "mixed",
    "political": "mixed",
    "reliable": "reliable",
    "satire": "satire",
    "satirical": "satire",
}


@dataclass(frozen=True)
class RawLabel:
    """One row of a source about one domain, already mapped to our scale."""

    entry: str  # domain or URL as the source spells it
    label_raw: str
    rating: str
    quality: float | None
    # Lower wins when one source lists a domain more than once (see each reader).
    rank: tuple[int, ...] = ()


@dataclass
class SourceStats:
    rows: int = 0
    skipped_path: int = 0
    skipped_invalid: int = 0
    skipped_unlabelled: int = 0
    duplicates: int = 0


Reader = Callable[[Path, SourceStats], Iterator[RawLabel]]


@dataclass(frozen=True)
class SourceSpec:
    name: str
    title: str
    licence: str
    shippable: bool
    terms: str  # why it may or may not ship, from its DATASET.md
    rater: str  # lists from the same rater get one vote between them
    mapping: str  # how its labels map to ours, for the card
    reader: Reader


def read_lin2023(root: Path, stats: SourceStats) -> Iterator[RawLabel]:
    for row in _csv_rows(root / "domain_pc1.csv", stats):
        try:
            pc1 = float(row.get("pc1") or "nan")
        except ValueError:
            pc1 = float("nan")
        if not 0.0 <= pc1 <= 1.0:
            stats.skipped_unlabelled += 1
            continue
        rating = "reliable" if pc1 >= LIN_RELIABLE_AT else "unreliable" if pc1 < LIN_UNRELIABLE_BELOW else "mixed"
        yield RawLabel(row.get("domain") or "", f"pc1={pc1:.4f}", rating, round(pc1, 4))


def read_opensources(root: Path, stats: SourceStats) -> Iterator[RawLabel]:
    path = root / "sources" / "sources.json"
    data = _read_json(path)
    if not isinstance(data, dict):
        raise MalformedRecordError(str(path), "expected an object keyed by domain")
    for domain, info in data.items():
        stats.rows += 1
        if not isinstance(info, dict):
            stats.skipped_unlabelled += 1
            continue
        tags = [str(info.get(k) or "").strip() for k in ("type", "2nd type", "3rd type")]
        tags = [t for t in tags if t]
        classes = [OPENSOURCES_TAGS.get(t.lower()) for t in tags]
        if classes and classes[0] == "satire":
            rating = "satire"
        elif "unreliable" in classes:
            rating = "unreliable"
        elif "mixed" in classes:
            rating = "mixed"
        elif "reliable" in classes:
            rating = "reliable"
        else:
            stats.skipped_unlabelled += 1
            continue
        # Tags are kinds of site, not levels, so no quality number.
        yield RawLabel(str(domain), ", ".join(tags), rating, None)


def read_wikipedia_rsp(root: Path, stats: SourceStats) -> Iterator[RawLabel]:
    path = root / "sources.jsonl"
    for line_no, row in _jsonl_rows(path, stats):
        status = str(row.get("status") or "")
        if status not in RSP_STATUS:
            stats.skipped_unlabelled += 1
            continue
        rating, quality = RSP_STATUS[status]
        name = str(row.get("id") or row.get("name") or f"line {line_no}")
        uses = re.findall(r"\{\{WP:RSPUSES\|([^}]*)\}\}", str(row.get("alltext") or ""))
        domains = [d.strip() for u in uses for d in u.split("|") if d.strip()]
        if not domains and row.get("domain"):
            domains = [str(row["domain"])]
        if not domains:
            stats.skipped_invalid += 1
            continue
        primary = str(row.get("domain") or "")
        current = "present" in name.lower()
        for domain in domains:
            # Several rows can list one domain ("Fox News", "Fox News (talk
            # shows)"): prefer the row whose main domain it is, then the row for
            # the present period, then the general row (shortest name).
            rank = (0 if domain == primary else 1, 0 if current else 1, len(name))
            yield RawLabel(domain, f"{status} ({name})", rating, quality, rank)


def read_mbfc_baly(root: Path, stats: SourceStats) -> Iterator[RawLabel]:
    for rank, version in enumerate(("acl2020", "emnlp18")):  # newer first
        for row in _csv_rows(root / "data" / version / "corpus.tsv", stats, delimiter="\t"):
            fact = (row.get("fact") or "").strip().lower()
            if fact not in BALY_FACT:
                stats.skipped_unlabelled += 1
                continue
            url = (row.get("source_url") or "").strip()
            if url and _has_path(url):
                stats.skipped_path += 1
                continue
            rating, quality = BALY_FACT[fact]
            label = f"{version}: fact={fact}, bias={(row.get('bias') or '-').strip()}"
            yield RawLabel(row.get("source_url_normalized") or url, label, rating, quality, (rank,))


def read_mbfc_yang(root: Path, stats: SourceStats) -> Iterator[RawLabel]:
    for row in _csv_rows(root / "mbfc_ratings.csv", stats):
        url = (row.get("source") or "").strip()
        if url and _has_path(url):
            stats.skipped_path += 1
            continue
        factual = (row.get("factual_reporting") or "").strip().upper()
        credibility = (row.get("credibility_rating") or "").strip().upper()
        bias = (row.get("bias_rating") or "").strip()
        if "SATIRE" in bias.upper():
            rating, quality = "satire", None
        elif factual in MBFC_FACTUAL:
            rating, quality = MBFC_FACTUAL[factual]
        elif credibility in MBFC_CREDIBILITY:
            rating, quality = MBFC_CREDIBILITY[credibility]
        else:
            stats.skipped_unlabelled += 1
            continue
        label = f"factual={factual or '-'}, credibility={credibility or '-'}, bias={bias or '-'}"
        yield RawLabel((row.get("domain") or "").strip() or url, label, rating, quality)


MBFC_TERMS = (
    "MBFC's ratings are Media Bias/Fact Check's content; MBFC retains its rights and sells "
    "data licences; the copy states no licence and is for research use only."
)
SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        "domain_quality_lin2023",
        "Lin et al. (2023), PNAS Nexus 2(9) pgad286: domain pc1",
        "none stated (open-access paper; cite it)",
        True,
        "No licence file and no stated redistribution terms; the authors publish the aggregate pc1 openly "
        "for reuse with citation, and only the aggregate is used (the per-rater columns, which carry "
        "NewsGuard's restrictive terms, are not copied). Shipped with citation; rebuild with "
        "--exclude domain_quality_lin2023 for a strict reading.",
        "lin2023",
        f"pc1 >= {LIN_RELIABLE_AT} reliable, < {LIN_UNRELIABLE_BELOW} unreliable, else mixed; quality = pc1",
        read_lin2023,
    ),
    SourceSpec(
        "opensources",
        "OpenSources (Zimdars et al., 2016-2017), sources.json",
        "LGPL-3.0 (repository LICENSE)",
        True,
        "The repository is LGPL-3.0, which allows redistribution with the licence notice.",
        "opensources",
        "primary tag satire -> satire; else any of fake/conspiracy/junksci/hate/rumor/state/bias -> "
        "unreliable; else clickbait/unreliable(proceed with caution)/political -> mixed; "
        "reliable -> reliable; no quality (tags are kinds, not levels)",
        read_opensources,
    ),
    SourceSpec(
        "wikipedia_rsp",
        "Wikipedia:Reliable sources/Perennial sources (parsed)",
        "CC BY-SA 4.0 (Wikipedia contributors)",
        True,
        "CC BY-SA 4.0 allows redistribution with attribution; only the status code and the entry name "
        "are kept (no summary text), and share-alike applies to those entries.",
        "wikipedia_rsp",
        "gr -> reliable 0.8; nc, m -> mixed 0.5; gu -> unreliable 0.2; d (deprecated) -> unreliable 0.05",
        read_wikipedia_rsp,
    ),
    SourceSpec(
        "mbfc_ratings_yang2025",
        "MBFC ratings scraped by K.-C. Yang (list_of_news_domains)",
        "none stated; MBFC content, research use only",
        False,
        MBFC_TERMS,
        "mbfc",
        "bias mentions SATIRE -> satire; factual VERY HIGH 0.9 / HIGH 0.8 / MOSTLY FACTUAL 0.7 -> reliable, "
        "MIXED 0.5 -> mixed, LOW 0.25 / VERY LOW 0.1 -> unreliable; no factual: credibility HIGH 0.8 / "
        "MEDIUM 0.5 / LOW 0.2. The NewsGuard domain list there has no ratings and is not used.",
        read_mbfc_yang,
    ),
    SourceSpec(
        "mbfc_baly2018_2020",
        "MBFC labels of Baly et al. (EMNLP 2018, ACL 2020)",
        "none stated; MBFC-derived, research use",
        False,
        MBFC_TERMS,
        "mbfc",
        "fact high -> reliable 0.8, mixed -> mixed 0.5, low -> unreliable 0.2; acl2020 before emnlp18",
        read_mbfc_baly,
    ),
)
SOURCE_NAMES = tuple(s.name for s in SOURCES)


def build_table(
    data: Path, *, include_unshippable: bool = False, exclude: Sequence[str] = ()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read the sources under ``data`` and return ``(table, report)``.

    ``report`` holds the counts the builder prints and the card shows.  Sources
    that may not ship are still read, when present, for their counts and for the
    agreement check; their labels enter the table only with ``include_unshippable``.
    """
    unknown = sorted(set(exclude) - set(SOURCE_NAMES))
    if unknown:
        raise NewsiftError(f"unknown source(s) {', '.join(unknown)}", hint=f"known sources: {', '.join(SOURCE_NAMES)}")
    selected = {s.name for s in SOURCES if s.name not in exclude and (s.shippable or include_unshippable)}
    kept: dict[str, dict[str, tuple[str, str, float | None]]] = {}
    sources_meta: dict[str, dict[str, Any]] = {}
    source_counts: dict[str, dict[str, Any]] = {}
    for spec in SOURCES:
        root = data / spec.name
        if spec.name in exclude:
            continue
        if not root.is_dir():
            if spec.name in selected:
                raise UnreadableInputError(
                    str(root),
                    f"source directory for {spec.name} is missing (use --exclude {spec.name} to build without it)",
                )
            continue
        stats = SourceStats()
        kept[spec.name] = labels = _collapse(spec.reader(root, stats), stats)
        ratings = Counter(v[1] for v in labels.values())
        sources_meta[spec.name] = {
            "title": spec.title,
            "origin": _provenance(root),
            "licence": spec.licence,
            "shippable": spec.shippable,
            "terms": spec.terms,
            "rater": spec.rater,
            "mapping": spec.mapping,
            "domains": len(labels),
            "in_table": spec.name in selected,
        }
        source_counts[spec.name] = {
            "rows": stats.rows,
            "domains": len(labels),
            "skipped_path": stats.skipped_path,
            "skipped_invalid": stats.skipped_invalid,
            "skipped_unlabelled": stats.skipped_unlabelled,
            "duplicates_merged": stats.duplicates,
            "ratings": {r: ratings.get(r, 0) for r in _ORDER},
            "in_table": spec.name in selected,
        }
    domains = _assemble({name: kept[name] for name in kept if name in selected})
    table = {
        "format": TABLE_FORMAT,
        "format_version": TABLE_FORMAT_VERSION,
        "include_unshippable": include_unshippable,
        "rules": {
            "rating": "satire if any rater says satire; else the strict majority of the raters' ratings; "
            "else mixed. Lists from the same rater (the two MBFC sets) give one vote: the first "
            "listed source counts",
            "quality": "mean of the counted raters' quality numbers (0 = lowest, 1 = highest)",
            "lookup": "lowercase; drop scheme, path, port, www./m./mobile./amp.; a web archive's copy "
            "(web.archive.org/web/<time>/<url>) is its original's page, and a publisher's or platform's own "
            "short-link domain (cnn.it, nyti.ms, youtu.be) is that site; try the host, then each parent down "
            "to the registrable domain; anything else is unknown. A general link shortener (bit.ly, t.co) and "
            "an archive address that does not name its page (archive.is/AbCd) are unknown too, with a note "
            "that says so: what they lead to is not known offline",
        },
        "sources": {k: v for k, v in sources_meta.items() if v["in_table"]},
        "domains": domains,
    }
    report = {
        "sources": source_counts,
        "provenance": {k: v["origin"] for k, v in sources_meta.items()},
        "ratings": {r: sum(1 for v in domains.values() if v[0] == r) for r in _ORDER},
        "domains": len(domains),
        "multi_source": sum(1 for v in domains.values() if sum(1 for lab in v[2] if lab[4]) > 1),
        "agreement": _agreement(_assemble(kept)),
    }
    return table, report


def _assemble(kept: dict[str, dict[str, tuple[str, str, float | None]]]) -> dict[str, list[Any]]:
    """Table entries ``[rating, quality, [[source, label_raw, rating, quality, counted], ...]]``."""
    per_domain: dict[str, list[list[Any]]] = defaultdict(list)
    for spec in SOURCES:  # SOURCES order is the vote priority within a rater
        for domain, (raw, rating, quality) in kept.get(spec.name, {}).items():
            per_domain[domain].append([spec.name, raw, rating, quality])
    rater_of = {s.name: s.rater for s in SOURCES}
    domains: dict[str, list[Any]] = {}
    for domain in sorted(per_domain):
        labels = per_domain[domain]
        seen: set[str] = set()
        for lab in labels:
            lab.append(rater_of[lab[0]] not in seen)
            seen.add(rater_of[lab[0]])
        counted = [lab for lab in labels if lab[4]]
        domains[domain] = [
            combine_ratings(lab[2] for lab in counted),
            combine_quality(lab[3] for lab in counted),
            labels,
        ]
    return domains


def _collapse(labels: Iterator[RawLabel], stats: SourceStats) -> dict[str, tuple[str, str, float | None]]:
    """One label per domain for one source: the best-ranked rows, combined if several tie.

    Rows that lost keep their raw label in the kept one, so nothing is hidden.
    """
    grouped: dict[str, list[RawLabel]] = defaultdict(list)
    for lab in labels:
        domain = _domain_of(lab.entry, stats)
        if domain is not None:
            grouped[domain].append(lab)
    kept: dict[str, tuple[str, str, float | None]] = {}
    for domain, rows in grouped.items():
        stats.duplicates += len(rows) - 1
        best = min(r.rank for r in rows)
        winners = [r for r in rows if r.rank == best]
        others = [r for r in rows if r.rank != best]
        raw = "; ".join(dict.fromkeys(r.label_raw for r in winners))
        if others:
            raw += " | other rows: " + "; ".join(dict.fromkeys(r.label_raw for r in others))
        rating = combine_ratings(r.rating for r in winners)
        kept[domain] = (raw, rating, combine_quality(r.quality for r in winners))
    return kept


def _domain_of(entry: str, stats: SourceStats) -> str | None:
    text = re.sub(r"\s+", "", entry).removeprefix("*.")
    if _has_path(text):
        stats.skipped_path += 1  # rates a section of a site, not the domain
        return None
    host = parse_host(text).host
    if host is None:
        stats.skipped_invalid += 1
    return host


def _has_path(entry: str) -> bool:
    try:
        parts = urlsplit(entry if "//" in entry else "//" + entry)
    except ValueError:
        return False
    return parts.path.strip("/") != "" or bool(parts.query) or bool(parts.fragment)


def _agreement(domains: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """For each pair of raters: on the domains both rate, how often the ratings agree."""
    rater_of = {s.name: s.rater for s in SOURCES}
    by_rater: dict[str, dict[str, str]] = defaultdict(dict)
    for domain, (_, _, labels) in domains.items():
        for lab in labels:
            if lab[4]:
                by_rater[rater_of[lab[0]]][domain] = lab[2]
    out = []
    for a, b in combinations(sorted(by_rater), 2):
        shared = by_rater[a].keys() & by_rater[b].keys()
        same = sum(1 for d in shared if by_rater[a][d] == by_rater[b][d])
        out.append(
            {
                "raters": f"{a} ~ {b}",
                "shared": len(shared),
                "agree": round(same / len(shared), 3) if shared else None,
            }
        )
    return out


def _provenance(root: Path) -> str:
    """``owner/repo@commit`` as the source's DATASET.md states it."""
    try:
        text = (root / "DATASET.md").read_text(encoding="utf-8")
    except OSError:
        return "unrecorded (no DATASET.md)"
    m = re.search(r"GitHub `([^`]+)`[^\n]*?commit `([0-9a-f]{7,40})`", text)
    return f"{m.group(1)}@{m.group(2)}" if m else "unrecorded (DATASET.md names no repo@commit)"


def _csv_rows(path: Path, stats: SourceStats, delimiter: str = ",") -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=delimiter):
                stats.rows += 1
                yield row
    except OSError as exc:
        raise UnreadableInputError(str(path), exc.strerror or str(exc)) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise MalformedRecordError(str(path), str(exc)) from None


def _jsonl_rows(path: Path, stats: SourceStats) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                stats.rows += 1
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedRecordError(str(path), str(exc), line=line_no) from None
                if isinstance(row, dict):
                    yield line_no, row
                else:
                    stats.skipped_invalid += 1
    except OSError as exc:
        raise UnreadableInputError(str(path), exc.strerror or str(exc)) from None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnreadableInputError(str(path), exc.strerror or str(exc)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedRecordError(str(path), str(exc)) from None


def encode_table(table: dict[str, Any]) -> bytes:
    """Compact, sorted JSON, gzipped with a fixed timestamp so the bytes are reproducible."""
    text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def render_card(table: dict[str, Any], report: dict[str, Any], command: str) -> str:
    local = table["include_unshippable"]
    lines = [
        "# Domain reputation table (card)" + (" — LOCAL BUILD, NOT FOR SHIPPING" if local else ""),
        "",
        "A domain → reputation table that `newsift.signals.reputation.DomainReputation` reads. Each entry",
        "keeps every source's raw label, its licence and whether it counted; a lookup of a domain that no",
        "source lists, an IP address, `localhost` or garbage is `unknown`, never reliable by default.",
        "A domain rating is a prior about the site; it says nothing about one article on it.",
        "",
        f"Rebuild (deterministic, no network): `{command}`",
        "",
        "## Sources",
        "",
        "| source | origin (repo@commit, from its DATASET.md) | licence | terms allow shipping | in this table | why |",
        "|---|---|---|---|---|---|",
    ]
    for spec in SOURCES:
        origin = report["provenance"].get(spec.name, "not read in this build")
        in_table = "yes" if spec.name in table["sources"] else "no"
        shipped = "yes" if spec.shippable else "**no**"
        lines.append(f"| `{spec.name}` | `{origin}` | {spec.licence} | {shipped} | {in_table} | {spec.terms} |")
    lines += ["", "## How each source's labels map to ours", ""]
    lines += [f"- `{spec.name}`: {spec.mapping.rstrip('.')}." for spec in SOURCES]
    lines += [
        "",
        "Entries that rate a section of a site (a URL path, e.g. `newyorker.com/humor`) are skipped: a",
        "domain-level lookup cannot tell the section apart. When one source lists a domain more than once,",
        "the preferred row decides and the other rows' raw labels are kept after `| other rows:`. RSP",
        "prefers the row whose main domain it is, then the row for the present period, then the general row",
        "(shortest name); Baly et al. prefer acl2020 to emnlp18; otherwise tied rows are combined as below.",
        "",
        "## Combining sources",
        "",
    ]
    lines += [f"- {k}: {v.rstrip('.')}." for k, v in table["rules"].items()]
    lines += [
        "",
        "## Counts",
        "",
        "Every source that was read, including those left out of this table (their counts only).",
        "",
    ]
    lines += _count_rows(report)
    r = report["ratings"]
    lines += [
        "",
        f"This table: {report['domains']} domains — reliable {r['reliable']}, mixed {r['mixed']}, "
        f"unreliable {r['unreliable']}, satire {r['satire']}; {report['multi_source']} rated by "
        "more than one rater.",
        "",
        "Agreement between raters on the domains both rate, over every source read (a check of the",
        "mappings, not a target):",
        "",
        "| raters | shared domains | same rating |",
        "|---|---|---|",
    ]
    lines += [f"| {a['raters']} | {a['shared']} | {a['agree']} |" for a in report["agreement"]]
    lines += [
        "",
        "## Licence of this file",
        "",
        "Each entry keeps its source's licence. RSP-derived labels are CC BY-SA 4.0 (attribution: Wikipedia",
        "contributors, *Wikipedia:Reliable sources/Perennial sources*); OpenSources tags are LGPL-3.0",
        "(© OpenSources / M. Zimdars et al.); Lin et al. pc1 values: cite Lin, Lasser, Lewandowsky, Cole,",
        "Gully, Rand & Pennycook (2023), *PNAS Nexus* 2(9) pgad286.",
    ]
    if local:
        lines.append("This build also holds MBFC-derived labels: keep it local; do not redistribute it.")
    lines += [
        "",
        "## Limits",
        "",
        "- US- and English-centric; OpenSources is a 2017 snapshot (many of its domains are dead).",
        "- RSP judges sources as citations for Wikipedia, not as news outlets; topic-specific RSP rows",
        '  (e.g. "Fox News (politics and science)") are collapsed to the general row for the domain.',
        "- Quality anchors for categorical labels are ordinal positions, not measurements.",
        "- The public-suffix handling is a small built-in rule, not the full Public Suffix List.",
        "",
    ]
    return "\n".join(lines)


def _inside_package(out: Path) -> bool:
    package = Path(__file__).resolve().parent.parent
    return out.resolve().is_relative_to(package)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsift.signals.build_reputation",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument("--data", type=Path, required=True, help="the shared/data directory")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the table and card to")
    parser.add_argument(
        "--include-unshippable",
        action="store_true",
        help="also read sources whose terms forbid shipping (local use only)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        choices=SOURCE_NAMES,
        metavar="SOURCE",
        help=f"leave a source out (repeatable): {', '.join(SOURCE_NAMES)}",
    )
    args = parser.parse_args(argv)
    try:
        if args.include_unshippable and _inside_package(args.out):
            raise NewsiftError(
                f"refusing to write a table with unshippable sources into {args.out}",
                hint="choose an --out directory outside the newsift package",
            )
        table, report = build_table(args.data, include_unshippable=args.include_unshippable, exclude=args.exclude)
        args.out.mkdir(parents=True, exist_ok=True)
        local = args.include_unshippable
        table_path = args.out / (LOCAL_TABLE if local else "reputation.json.gz")
        table_path.write_bytes(encode_table(table))
        command = "python -m newsift.signals.build_reputation --data ../shared/data --out <dir>"
        command += "".join(f" --exclude {e}" for e in args.exclude)
        command += " --include-unshippable" if local else ""
        card = args.out / ("README.local.md" if local else "README.md")
        card.write_text(render_card(table, report, command), encoding="utf-8")
    except (NewsiftError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _print_report(report, table_path)
    return 0


def _count_rows(report: dict[str, Any]) -> list[str]:
    """The per-source counts as a Markdown table (the card and the console share it)."""
    rows = [
        "| source | in table | rows | domains | reliable | mixed | unreliable | satire | path-scoped "
        "| invalid | unlabelled | duplicate rows merged |",
        "|---" * 12 + "|",
    ]
    for name, c in report["sources"].items():
        cells = [
            f"`{name}`",
            "yes" if c["in_table"] else "no",
            c["rows"],
            c["domains"],
            *(c["ratings"][r] for r in _ORDER),
            c["skipped_path"],
            c["skipped_invalid"],
            c["skipped_unlabelled"],
            c["duplicates_merged"],
        ]
        rows.append("| " + " | ".join(str(x) for x in cells) + " |")
    return rows


def _print_report(report: dict[str, Any], table_path: Path) -> None:
    print("\n".join(_count_rows(report)))
    r = report["ratings"]
    print(
        f"table: {report['domains']} domains; "
        + ", ".join(f"{k} {v}" for k, v in r.items())
        + f"; {report['multi_source']} rated by more than one rater"
    )
    for a in report["agreement"]:
        print(f"agreement {a['raters']}: {a['agree']} on {a['shared']} shared domains")
    print(f"wrote {table_path} ({table_path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    raise SystemExit(main())
