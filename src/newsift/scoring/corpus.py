"""The labelled training corpus: article-level sets from ``../shared/data``, deduplicated.

Which sets, and why (the model card repeats this):

* used: buzzfeed_webis_2016, fakenewsnet_v1_2018, misinfotext_sfu, coaid (news
  items with a body), fakenewsamt_celebrity, and, as one-class sets that can
  only be scored by how many items are flagged, fakenewscorpus_sample
  (206 unreliable, 3 reliable) and golbeck2018_fake_vs_satire (all unreliable);
* left out: covid_constraint2021 (tweets of about 25 words with no title, page
  or source: not articles), fakenewsnet_politifact_headlines (titles only),
  liar (claims), and every item whose label is null (mixture, no factual
  content, OpenSources "political").

Overlaps are removed across *and* within sets before anything is sampled or
split: first by normalised URL, then by near-duplicate text (MinHash LSH over
word 5-shingles, Jaccard >= 0.8).  Sets are read in :data:`DATASETS` order and
the first copy of an article wins; a later copy with the other label is
counted as a label conflict.  Then each set is capped (minority class first,
seeded), because every kept article costs a full spaCy parse.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..ingest.decode import repair_mojibake
from ..signals.reputation import parse_host

# Read in this order; the first copy of a duplicated article is the one kept.  The
# smaller sets come first so that each keeps enough items to be held out on its own.
DATASETS: tuple[str, ...] = (
    "fakenewsnet_v1_2018",
    "buzzfeed_webis_2016",
    "misinfotext_sfu",
    "coaid",
    "fakenewsamt_celebrity",
    "fakenewscorpus_sample",
    "golbeck2018_fake_vs_satire",
)
LABELS = ("reliable", "unreliable")
MIN_WORDS = 50
SHINGLE = 5
NUM_PERM = 64
NEAR_DUP_THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LabelledArticle:
    dataset: str
    id: str
    title: str | None
    text: str
    url: str | None
    domain: str | None
    label: int  # 1 = unreliable, 0 = reliable

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.id}"

    @property
    def site(self) -> str | None:
        """The site an article comes from, read as the reputation lookup reads it (a publisher's
        short link and an archived copy of its page are the publisher's); None when no url or
        domain names one."""
        for value in (self.url, self.domain):
            host = parse_host(value).host if value else None
            if host:
                return host
        return normalise_host(self.domain or self.url or "") or None

    @property
    def group(self) -> str:
        """The source an article comes from, for folds that must not share one: its site, or
        its whole set when no site is known."""
        return self.site or f"{self.dataset}:no-domain"


@dataclass
class DedupStats:
    read: dict[str, int] = field(default_factory=dict)
    repaired: dict[str, int] = field(default_factory=dict)
    short: dict[str, int] = field(default_factory=dict)
    url_dupes: dict[str, int] = field(default_factory=dict)
    text_dupes: dict[str, int] = field(default_factory=dict)
    label_conflicts: int = 0
    kept: dict[str, int] = field(default_factory=dict)
    sampled: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "read_with_label": self.read,
            "mojibake_repaired": self.repaired,
            "dropped_short_text": self.short,
            "dropped_url_duplicate": self.url_dupes,
            "dropped_near_duplicate_text": self.text_dupes,
            "label_conflicts_among_duplicates": self.label_conflicts,
            "kept_after_dedup": self.kept,
            "sampled": self.sampled,
        }


def normalise_host(value: str) -> str:
    value = value.strip().lower()
    if not value:
        return ""
    host = urlsplit(value if "//" in value else "//" + value).hostname or ""
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def normalise_url(url: str | None) -> str | None:
    """Host (without www/mobile prefixes) + path without trailing slash; query and scheme dropped."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip() if "//" in url else "//" + url.strip())
    host = normalise_host(parts.hostname or "")
    path = parts.path.rstrip("/").lower()
    if not host or not path:
        # A bare home page names a site, not an article.
        return None
    return f"{host}{path}"


def read_dataset(data_dir: Path, name: str) -> Iterator[tuple[dict[str, object], int]]:
    """Rows of one set's normalised JSONL with a usable label (1 = unreliable)."""
    path = data_dir / name / f"{name}.jsonl"
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            str(path), f"cannot read: {exc.strerror or exc}", hint="pass --data pointing at ../shared/data"
        ) from None
    with handle:
        for n, line in enumerate(handle, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"invalid JSON: {exc}", line=n) from None
            label = row.get("label")
            if label in LABELS:
                yield row, int(label == "unreliable")


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def load_corpus(
    data_dir: Path, datasets: Iterable[str] = DATASETS, *, stats: DedupStats | None = None
) -> list[LabelledArticle]:
    """Every labelled article with a body, duplicates (URL or near-identical text) removed."""
    from datasketch import MinHash, MinHashLSH

    stats = stats if stats is not None else DedupStats()
    lsh = MinHashLSH(threshold=NEAR_DUP_THRESHOLD, num_perm=NUM_PERM)
    seen_urls: dict[str, int] = {}
    labels: dict[str, int] = {}
    kept: list[LabelledArticle] = []
    for name in datasets:
        for key in ("read", "repaired", "short", "url_dupes", "text_dupes", "kept"):
            getattr(stats, key)[name] = 0
        for row, label in read_dataset(data_dir, name):
            stats.read[name] += 1
            # Mis-decoded characters ("thereâ€™s") are repaired as the readers repair them for
            # ``newsift analyze``: the model learns from the text it will be given.
            text, fixed = repair_mojibake(str(row.get("text") or ""))
            stats.repaired[name] += int(fixed)
            if len(text.split()) < MIN_WORDS:
                stats.short[name] += 1
                continue
            url = normalise_url(str(row["url"])) if row.get("url") else None
            if url is not None and url in seen_urls:
                stats.url_dupes[name] += 1
                stats.label_conflicts += int(seen_urls[url] != label)
                continue
            title = repair_mojibake(str(row.get("title") or ""))[0] or None
            mh = MinHash(num_perm=NUM_PERM, seed=1)
            mh.update_batch(list(_shingles(f"{title or ''} {text}")))
            near = lsh.query(mh)
            if near:
                stats.text_dupes[name] += 1
                stats.label_conflicts += int(labels[near[0]] != label)
                continue
            article = LabelledArticle(
                dataset=name,
                id=str(row.get("id")),
                title=title,
                text=text,
                url=str(row["url"]) if row.get("url") else None,
                domain=str(row["domain"]) if row.get("domain") else None,
                label=label,
            )
            lsh.insert(article.key, mh)
            labels[article.key] = label
            if url is not None:
                seen_urls[url] = label
            kept.append(article)
            stats.kept[name] += 1
    return kept


def cap_per_dataset(
    articles: list[LabelledArticle], cap: int | None, seed: int, *, stats: DedupStats | None = None
) -> list[LabelledArticle]:
    """At most ``cap`` articles per set: the minority class first (up to half), then the majority.
    ``None`` keeps every article, in the same id order.

    Sampling is seeded and works on id-sorted lists, so it does not depend on
    the order the files were read in.
    """
    by_set: dict[str, list[LabelledArticle]] = {}
    for a in articles:
        by_set.setdefault(a.dataset, []).append(a)
    out: list[LabelledArticle] = []
    for name, items in by_set.items():
        rng = random.Random(f"{seed}:{name}")
        classes = {y: sorted((a for a in items if a.label == y), key=lambda a: a.id) for y in (0, 1)}
        for group in classes.values():
            rng.shuffle(group)
        minority, majority = sorted(classes.values(), key=len)
        if cap is None:
            take_min, take_maj = len(minority), len(majority)
        else:
            take_min = min(len(minority), cap // 2) if majority else min(len(minority), cap)
            take_maj = min(len(majority), cap - take_min)
        chosen = minority[:take_min] + majority[:take_maj]
        chosen.sort(key=lambda a: a.id)
        out.extend(chosen)
        if stats is not None:
            stats.sampled[name] = dict(Counter("unreliable" if a.label else "reliable" for a in chosen))
    return out
