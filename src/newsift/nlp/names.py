"""First names whose gender the corpora agree on, for pronoun resolution only.

The table (``models/names/first_names.json``, built by :mod:`newsift.nlp.build_names`) counts,
per first name, the people of each gender the shared corpora's texts showed. A name counts as one
gender only when enough people with it were seen and nearly all of them were of that gender; an
ambiguous name ("Kim", "Pat") counts as none. For the names the corpora did not settle, a second
table (``census_first_names.json``) gives the share of each first name among the women and among the
men of the 1990 US census, and a name nearly all of whose bearers are of one gender counts as that
one, unless the corpora showed a person of the other gender with it. The gender is never reported:
it only keeps a "he" from a person whose first name says otherwise, where the text itself does not say,
and a name it gives a gender ("Lester Holt", typed as an organisation by the small model) reads as a
person's to the entities stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelUnavailableError

DEFAULT_NAMES_PATH = Path(__file__).resolve().parent.parent / "models" / "names" / "first_names.json"
DEFAULT_CENSUS_PATH = DEFAULT_NAMES_PATH.with_name("census_first_names.json")
# Top-level domains where a site's domain is its own name ("politico.com", "anonhq.com").
_OUTLET_TLDS = frozenset({"com", "org", "net"})
# At least this many people seen with the name, and this share of them of one gender.
MIN_VOTES = 3
MIN_SHARE = 0.9
_OTHER = {"female": "male", "male": "female"}


def _one_gender(female: float, male: float) -> str | None:
    """The gender of nearly everyone counted (``MIN_SHARE``), or None for a mixed or empty count."""
    total = female + male
    if total <= 0 or max(female, male) < MIN_SHARE * total:
        return None
    return "female" if female > male else "male"


def first_name(name: str) -> str | None:
    """The lower-cased first name of a person's canonical name, or None for a lone surname or initial."""
    parts = name.split()
    if len(parts) < 2:
        return None
    first = parts[0]
    if len(first) < 2 or not first.isalpha() or not first[0].isupper() or first.isupper():
        return None
    return first.lower()


class NameGenders:
    """The first-name table, read once per :class:`~newsift.nlp.entities.EntityExtractor`."""

    def __init__(
        self, votes: Mapping[str, Mapping[str, int]], census: Mapping[str, Sequence[float]] | None = None
    ) -> None:
        """``votes``: people of each gender the corpora showed per first name; ``census``: per first
        name, its share (percent) among the census's women and among its men."""
        self._gender: dict[str, str] = {}
        for name, counts in votes.items():
            female, male = int(counts.get("female", 0)), int(counts.get("male", 0))
            gender = _one_gender(female, male)
            if gender is not None and female + male >= MIN_VOTES:
                self._gender[name] = gender
        for name, (share_f, share_m) in (census or {}).items():
            gender = _one_gender(float(share_f), float(share_m))
            # A name the texts showed on someone of the other gender stays open: "Kim" is mostly
            # women's in the census, but Kim Jong-un is a "he" in the news.
            if gender is None or name in self._gender or votes.get(name, {}).get(_OTHER[gender], 0):
                continue
            self._gender[name] = gender

    @classmethod
    def load(cls, path: Path = DEFAULT_NAMES_PATH, census_path: Path | None = DEFAULT_CENSUS_PATH) -> NameGenders:
        names = _read_names(path, "python -m newsift.nlp.build_names --data PATH/TO/data")
        census = None if census_path is None else _read_names(census_path, "python -m newsift.nlp.build_names --census")
        try:
            return cls(names, census)
        except (TypeError, ValueError, AttributeError) as exc:
            raise ModelUnavailableError(
                f"first-name tables {path} and {census_path} hold a malformed entry: {exc}",
                hint="reinstall newsift, or rebuild them with python -m newsift.nlp.build_names",
            ) from None

    def __len__(self) -> int:
        return len(self._gender)

    def gender(self, name: str) -> str | None:
        """The gender the table gives a person's canonical name, or None."""
        first = first_name(name)
        return None if first is None else self._gender.get(first)


def _read_names(path: Path, rebuild: str) -> dict[str, Any]:
    try:
        names = json.loads(path.read_text(encoding="utf-8"))["names"]
        if not isinstance(names, dict):
            raise TypeError("'names' is no mapping")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelUnavailableError(
            f"first-name table {path} is unreadable: {exc}", hint=f"reinstall newsift, or rebuild it with {rebuild}"
        ) from None
    return names


def outlet_names(domains: Iterable[str]) -> frozenset[str]:
    """The one-word names of the sites a reputation table rates, lower-cased: the label of each
    .com, .org or .net domain ("politico", "breitbart", "twitter").

    The entities stage reads them to tell an outlet the small model typed as a person ("Politico
    reported", "Twitter said") from a person; the domains are the signals stage's table's."""
    return frozenset(
        label for label, _, tld in (d.rpartition(".") for d in domains) if tld in _OUTLET_TLDS and "." not in label
    )
