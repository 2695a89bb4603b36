"""Source reputation: look a domain or URL up in a domain reputation table.

The table is built from open domain lists by :mod:`newsift.signals.build_reputation`
and ships in ``newsift/models/reputation/`` (see the README there for each source,
its licence and whether its terms allow shipping it).  A lookup normalises the
query (scheme, path, port, ``www.``, mobile and AMP mirrors), then tries the host
and each parent down to the registrable domain.  Anything that is not a public
domain name, and any domain no source lists, is ``unknown``: never reliable by
default.

The normalisation and the rule that combines several sources live here, so the
builder and the lookup cannot drift apart.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypedDict, cast
from urllib.parse import urlsplit

from ..errors import ModelUnavailableError
from ..resources import Resources

Rating = Literal["reliable", "mixed", "unreliable", "satire", "unknown"]
RATINGS: tuple[str, ...] = ("reliable", "mixed", "unreliable", "satire")
TABLE_FORMAT = "newsift.reputation"
TABLE_FORMAT_VERSION = 1
SHIPPED_TABLE = "reputation.json.gz"
# The key under which an Analyzer's stages share the shipped table (``DomainReputation.shared``).
SHARED_KEY = "newsift.reputation"

# First labels that name a mirror of the same site rather than a different
# publication, so they are dropped before the lookup.
MIRROR_PREFIXES: frozenset[str] = frozenset({"www", "www1", "www2", "www3", "m", "mobile", "amp"})

# Multi-part public suffixes that do not follow the ccTLD pattern below.
EXTRA_SUFFIXES: frozenset[str] = frozenset(
    {
        "co.com",
        "us.com",
        "uk.com",
        "eu.com",
        "gb.net",
        "uk.net",
        "jpn.com",
    }
)

# Under a two-letter country TLD these second-level labels are registry
# suffixes (co.uk, com.au, or.jp, gob.mx, ...).  A small built-in rule instead
# of the Public Suffix List, which would need a download or a new dependency.
CC_SECOND_LEVEL: frozenset[str] = frozenset(
    {
        "ac",
        "asn",
        "co",
        "com",
        "edu",
        "go",
        "gob",
        "gouv",
        "gov",
        "govt",
        "ltd",
        "mil",
        "ne",
        "net",
        "nhs",
        "nom",
        "or",
        "org",
        "plc",
        "police",
        "sch",
    }
)

# Hosting platforms whose subdomains are different authors: a lookup must not
# fall back from someone's blog to the platform's own rating.
HOSTING_SUFFIXES: frozenset[str] = frozenset(
    {
        "000webhostapp.com",
        "angelfire.com",
        "appspot.com",
        "beehiiv.com",
        "blogger.com",
        "blogspot.com",
        "ghost.io",
        "github.io",
        "herokuapp.com",
        "home.blog",
        "jimdofree.com",
        "livejournal.com",
        "medium.com",
        "mystrikingly.com",
        "neocities.org",
        "netlify.app",
        "over-blog.com",
        "pages.dev",
        "squarespace.com",
        "substack.com",
        "tripod.com",
        "tumblr.com",
        "typepad.com",
        "vercel.app",
        "web.app",
        "webs.com",
        "weebly.com",
        "wixsite.com",
        "wordpress.com",
    }
)

# Short-link domains that a publisher or platform runs for its own pages only,
# so a link through one is that site's (a youtu.be link is a YouTube video, rated
# as YouTube is).  General shorteners can point anywhere: see GENERAL_SHORTENERS.
PUBLISHER_SHORT_LINKS: Mapping[str, str] = {
    "abcn.ws": "abcnews.go.com",
    "aje.io": "aljazeera.com",
    "apne.ws": "apnews.com",
    "bbc.in": "bbc.co.uk",
    "bloom.bg": "bloomberg.com",
    "cbsn.ws": "cbsnews.com",
    "cnb.cx": "cnbc.com",
    "cnn.it": "cnn.com",
    "econ.st": "economist.com",
    "fb.me": "facebook.com",
    "for.tn": "fortune.com",
    "fxn.ws": "foxnews.com",
    "gu.com": "theguardian.com",
    "hill.cm": "thehill.com",
    "huff.to": "huffpost.com",
    "ind.pn": "independent.co.uk",
    "lat.ms": "latimes.com",
    "n.pr": "npr.org",
    "nbcnews.to": "nbcnews.com",
    "nydn.us": "nydailynews.com",
    "nyp.st": "nypost.com",
    "nyti.ms": "nytimes.com",
    "nzh.tw": "nzherald.co.nz",
    "redd.it": "reddit.com",
    "reut.rs": "reuters.com",
    "slate.me": "slate.com",
    "theatln.tc": "theatlantic.com",
    "ti.me": "time.com",
    "usat.ly": "usatoday.com",
    "wapo.st": "washingtonpost.com",
    "wrd.cm": "wired.com",
    "youtu.be": "youtube.com",
}

# Link shorteners that anyone can point at any page.  The page behind one is not
# known offline, and no list rates the shortener for what it links to, so a
# lookup says so instead of "no source lists bit.ly".
GENERAL_SHORTENERS: frozenset[str] = frozenset(
    {
        "bit.ly",
        "bitly.com",
        "buff.ly",
        "cutt.ly",
        "dlvr.it",
        "goo.gl",
        "is.gd",
        "j.mp",
        "lnkd.in",
        "ow.ly",
        "rebrand.ly",
        "shar.es",
        "shorturl.at",
        "t.co",
        "tiny.cc",
        "tinyurl.com",
        "trib.al",
        "wp.me",
    }
)

# Web archives whose addresses carry the archived page's own URL in the path
# (``web.archive.org/web/20160920123248/http://...``): the page is the
# original publisher's.  A short archive address (``archive.is/AbCd``) names
# no original and stays unknown.
WEB_ARCHIVE_HOSTS: frozenset[str] = frozenset(
    {
        "web.archive.org",
        "wayback.archive.org",
        "archive.is",
        "archive.ph",
        "archive.today",
        "archive.li",
        "archive.vn",
        "archive.fo",
        "archive.md",
    }
)

# Names that never resolve to a public news site.
LOCAL_TLDS: frozenset[str] = frozenset(
    {"localhost", "local", "localdomain", "test", "invalid", "example", "internal", "lan", "home", "arpa"}
)

_HOST = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]+$")
_SPACE = re.compile(r"\s")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(?!\d)", re.IGNORECASE)
_BLOGSPOT_CC = re.compile(r"^blogspot\.(?:com?\.)?[a-z]{2}$")
_AMP_CACHE = ".cdn.ampproject.org"
# The archived URL after the archive's own prefix: a Wayback "/web/<timestamp><flags>/",
# an archive.today "/<timestamp>/" or "/o/<id>/".
_ARCHIVED_URL = re.compile(r"^/(?:web/[0-9*]{1,14}(?:[a-z]{2}_)?|[0-9]{8,14}|o/[A-Za-z0-9]+)/(.+)$")
# Archives keep the original's scheme, sometimes with one slash ("http:/x.com").
_ARCHIVED_SCHEME = re.compile(r"^(https?):/*", re.IGNORECASE)


class ReputationTableError(ModelUnavailableError):
    """The reputation table is missing, unreadable or not in the expected format."""

    hint = "rebuild it with `python -m newsift.signals.build_reputation`, or load the shipped table"


class SourceLabel(TypedDict):
    """What one source says about a domain, with its raw label and licence."""

    source: str
    label_raw: str
    licence: str
    rating: str
    quality: float | None
    # False when a newer list from the same rater (e.g. a later MBFC scrape)
    # already votes for this domain: one rater, one vote.
    counted: bool


@dataclass(frozen=True)
class ReputationResult:
    query: str
    matched_domain: str | None
    rating: Rating
    quality: float | None
    sources: list[SourceLabel] = field(default_factory=list)
    # Why the rating is unknown, or which table key answered (the host itself
    # or a parent domain).
    note: str = ""

    @property
    def known(self) -> bool:
        return self.rating != "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "matched_domain": self.matched_domain,
            "rating": self.rating,
            "quality": self.quality,
            "sources": [dict(s) for s in self.sources],
            "note": self.note,
        }


class HostParse(NamedTuple):
    host: str | None
    # Why there is no host; empty when there is one.
    reason: str
    # How the host was reached when it is not the query's own (a short link or
    # an archived copy); empty otherwise.
    via: str = ""


def parse_host(value: str) -> HostParse:
    """Reduce a URL or domain to a normalised host name, or say why there is none.

    Lowercases; drops scheme, user info, port, path, query and fragment; decodes
    AMP-cache hosts; strips mirror prefixes (``www.``, ``m.``, ``mobile.``,
    ``amp.``); follows a publisher's own short-link domain and a web archive's
    copy to the original publisher.  IP addresses, ``localhost`` and reserved
    names give no host.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return HostParse(None, "empty query")
    if _SPACE.search(text):
        return HostParse(None, "not a domain or URL: contains whitespace")
    # A bare IPv6 address would not survive urlsplit, so test bare text first.
    if "/" not in text and _looks_like_ip(text.strip("[]")):
        return HostParse(None, "an IP address names no publisher")
    scheme = _SCHEME.match(text)
    if scheme and not text[scheme.end() :].startswith("//"):
        return HostParse(None, f"not a web address: {scheme.group(1).lower()}: URL")
    if scheme and scheme.group(1).lower() not in {"http", "https"}:
        return HostParse(None, f"not a web address: {scheme.group(1).lower()}: URL")
    try:
        parts = urlsplit(text if scheme or text.startswith("//") else "//" + text)
        host = parts.hostname
    except ValueError:
        return HostParse(None, "not a domain or URL: unparseable")
    if not host:
        return HostParse(None, "not a domain or URL: no host")
    host = host.rstrip(".")
    if _looks_like_ip(host):
        return HostParse(None, "an IP address names no publisher")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return HostParse(None, "not a domain: invalid international name")
    labels = host.split(".")
    if len(labels) < 2:
        why = "localhost is not a publisher" if host == "localhost" else "not a public domain name"
        return HostParse(None, why)
    if labels[-1] in LOCAL_TLDS:
        return HostParse(None, f"{host} is a local or reserved name")
    if not _HOST.match(host) or not _TLD.match(labels[-1]):
        return HostParse(None, f"not a valid domain name: {host}")
    if host.endswith(_AMP_CACHE) and len(labels) == 4:
        decoded = _decode_amp_cache(labels[0])
        if decoded is not None:
            return parse_host(decoded)
    while labels[0] in MIRROR_PREFIXES and len(labels) > suffix_length(labels[1:]) + 1:
        labels = labels[1:]
    host = ".".join(labels)
    if host in WEB_ARCHIVE_HOSTS:
        archived = _ARCHIVED_URL.match(parts.path)
        if archived is not None:
            original = parse_host(_with_scheme(archived.group(1)))
            if original.host is not None:
                return original._replace(via=f"an archived copy on {host} of a page from {original.host}")
    if host in PUBLISHER_SHORT_LINKS:
        target = PUBLISHER_SHORT_LINKS[host]
        return HostParse(target, "", f"{host} is the short-link domain of {target}")
    return HostParse(host, "")


def _with_scheme(url: str) -> str:
    m = _ARCHIVED_SCHEME.match(url)
    return f"{m.group(1)}://{url[m.end() :]}" if m else f"//{url}"


def suffix_length(labels: Sequence[str]) -> int:
    """How many trailing labels form the public (or hosting) suffix."""
    n = len(labels)
    for k in (3, 2):
        if n >= k:
            tail = ".".join(labels[-k:])
            if tail in HOSTING_SUFFIXES or _BLOGSPOT_CC.match(tail):
                return k
    if n >= 2:
        tail2 = ".".join(labels[-2:])
        if tail2 in EXTRA_SUFFIXES:
            return 2
        if len(labels[-1]) == 2 and labels[-2] in CC_SECOND_LEVEL:
            return 2
    return 1


def registrable_domain(host: str) -> str:
    """``news.example.co.uk`` -> ``example.co.uk``; a bare suffix returns itself."""
    labels = host.split(".")
    keep = suffix_length(labels) + 1
    return ".".join(labels[-keep:]) if len(labels) > keep else host


def candidate_domains(host: str) -> list[str]:
    """The host, then each parent down to (and including) the registrable domain."""
    labels = host.split(".")
    keep = suffix_length(labels) + 1
    if len(labels) <= keep:
        return [host]
    return [".".join(labels[i:]) for i in range(len(labels) - keep + 1)]


def combine_ratings(ratings: Iterable[str]) -> str:
    """One rating from several raters' ratings.

    Satire wins when any rater says satire (it is a kind of site, not a level of
    quality).  Otherwise the strict majority of reliable / mixed / unreliable; with
    no strict majority (e.g. one reliable and one unreliable) the result is mixed.
    No ratings at all is unknown.
    """
    votes = [r for r in ratings if r in RATINGS]
    if not votes:
        return "unknown"
    if "satire" in votes:
        return "satire"
    rating, count = Counter(votes).most_common(1)[0]
    return rating if count * 2 > len(votes) else "mixed"


def combine_quality(qualities: Iterable[float | None]) -> float | None:
    """Mean of the raters' quality numbers, each already on the 0..1 scale."""
    values = [q for q in qualities if q is not None]
    return round(sum(values) / len(values), 4) if values else None


class DomainReputation:
    """A loaded reputation table.  Load once, then look up many times."""

    def __init__(
        self,
        domains: Mapping[str, Any],
        sources: Mapping[str, Mapping[str, Any]],
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        self._domains = dict(domains)
        self._sources = {name: dict(info) for name, info in sources.items()}
        self._licences = {name: str(info.get("licence", "unknown")) for name, info in sources.items()}
        self.meta: dict[str, Any] = dict(meta or {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> DomainReputation:
        """Load a table file (``.json`` or ``.json.gz``), a directory holding the
        shipped file name, or the table shipped with newsift when ``path`` is None."""
        if path is None:
            resource = resources.files("newsift").joinpath("models", "reputation", SHIPPED_TABLE)
            try:
                raw = resource.read_bytes()
            except OSError as exc:
                raise ReputationTableError(f"the shipped reputation table is missing: {exc}") from None
            return cls.from_table(_decode(raw, SHIPPED_TABLE))
        target = Path(path)
        if target.is_dir():
            target = target / SHIPPED_TABLE
        try:
            raw = target.read_bytes()
        except OSError as exc:
            raise ReputationTableError(f"reputation table {target}: {exc.strerror or exc}") from None
        return cls.from_table(_decode(raw, str(target)))

    @classmethod
    def shared(cls, resources: Resources) -> DomainReputation:
        """The shipped table, read once per ``resources`` (one Analyzer) whichever stage asks first."""
        return resources.get(SHARED_KEY, cls.load)

    @classmethod
    def from_table(cls, table: Mapping[str, Any], origin: str = "table") -> DomainReputation:
        """Build from a parsed table, checking its format and every entry."""
        if table.get("format") != TABLE_FORMAT:
            raise ReputationTableError(f"{origin}: not a newsift reputation table")
        if table.get("format_version") != TABLE_FORMAT_VERSION:
            raise ReputationTableError(
                f"{origin}: format version {table.get('format_version')!r}, "
                f"this newsift reads version {TABLE_FORMAT_VERSION}"
            )
        sources = table.get("sources")
        domains = table.get("domains")
        if not isinstance(sources, dict) or not isinstance(domains, dict):
            raise ReputationTableError(f"{origin}: 'sources' and 'domains' must be objects")
        for domain, entry in domains.items():
            _check_entry(domain, entry, sources, origin)
        meta = {k: v for k, v in table.items() if k not in {"sources", "domains"}}
        return cls(domains, sources, meta)

    def __len__(self) -> int:
        return len(self._domains)

    def __contains__(self, domain: object) -> bool:
        return isinstance(domain, str) and domain in self._domains

    @property
    def domains(self) -> list[str]:
        """Every domain the table rates."""
        return list(self._domains)

    @property
    def sources(self) -> dict[str, dict[str, Any]]:
        """Per-source metadata: origin, licence, whether it is shipped, counts."""
        return {name: dict(info) for name, info in self._sources.items()}

    def lookup(self, domain_or_url: str) -> ReputationResult:
        query = domain_or_url if isinstance(domain_or_url, str) else ""
        host, reason, via = parse_host(query)
        if host is None:
            return ReputationResult(query, None, "unknown", None, [], reason)
        via = f" ({via})" if via else ""
        for candidate in candidate_domains(host):
            entry = self._domains.get(candidate)
            if entry is not None:
                how = "exact match" if candidate == host else f"parent domain of {host}"
                return self._result(query, candidate, entry, how + via)
        return ReputationResult(query, None, "unknown", None, [], _unknown_note(host, via))

    def _result(self, query: str, domain: str, entry: Sequence[Any], how: str) -> ReputationResult:
        rating, quality, labels = entry
        sources = [
            SourceLabel(
                source=s,
                label_raw=raw,
                licence=self._licences.get(s, "unknown"),
                rating=r,
                quality=q,
                counted=bool(c),
            )
            for s, raw, r, q, c in labels
        ]
        return ReputationResult(query, domain, cast(Rating, rating), quality, sources, how)


def names_no_publisher(host: str) -> bool:
    """A host that stands for no one publisher: a link shortener anyone can point anywhere, or a
    web archive whose address does not name the archived page (``parse_host`` follows one that does)."""
    return host in GENERAL_SHORTENERS or host in WEB_ARCHIVE_HOSTS


def _unknown_note(host: str, via: str) -> str:
    if host in GENERAL_SHORTENERS:
        return f"{host} is a link shortener that can point anywhere: look up the address it leads to"
    if host in WEB_ARCHIVE_HOSTS:
        # parse_host had already followed an archive address that names its page.
        return f"this {host} address does not name the archived page: look up the page's own address"
    return f"no source in the table lists {host}{via}"


def _looks_like_ip(text: str) -> bool:
    # ip_address() raises on most inputs, which is slow; only try it on text
    # that could be an address (IPv6 has a colon, IPv4 ends in a digit).
    if ":" not in text and not text[-1:].isdigit():
        return False
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _decode_amp_cache(label: str) -> str | None:
    # AMP cache hosts encode "www.example-site.com" as "www-example--site-com".
    if "-" not in label:
        return None
    return label.replace("--", "\0").replace("-", ".").replace("\0", "-")


def _decode(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        table = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReputationTableError(f"reputation table {origin}: unreadable: {exc}") from None
    if not isinstance(table, dict):
        raise ReputationTableError(f"reputation table {origin}: top level must be an object")
    return table


def _check_entry(domain: str, entry: Any, sources: Mapping[str, Any], origin: str) -> None:
    ok = (
        isinstance(entry, list)
        and len(entry) == 3
        and entry[0] in RATINGS
        and (entry[1] is None or isinstance(entry[1], int | float))
        and isinstance(entry[2], list)
        and bool(entry[2])
    )
    if ok:
        for label in entry[2]:
            if not (isinstance(label, list) and len(label) == 5 and label[0] in sources):
                ok = False
                break
    if not ok:
        raise ReputationTableError(f"{origin}: malformed entry for {domain!r}: {entry!r:.200}")
