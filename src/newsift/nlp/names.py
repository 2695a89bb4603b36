"""First names whose gender the corpora agree on, for pronoun resolution only.

The table (``models/names/first_names.json``, built by :mod:`newsift.nlp.build_names`) counts,
per first name, the people of each gender the shared corpora's texts showed. A name counts as one
gender only when enough people with it were seen and nearly all of them were of that gender; an
ambiguous name ("Kim", "Pat") counts as none. The gender is never reported: it only keeps a "he"
from a person whose first name says otherwise, where the text itself does not say.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from ..errors import ModelUnavailableError

DEFAULT_NAMES_PATH = Path(__file__).resolve().parent.parent / "models" / "names" / "first_names.json"
# At least this many people seen with the name, and this share of them of one gender.
MIN_VOTES = 3
MIN_SHARE = 0.9


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

    def __init__(self, votes: Mapping[str, Mapping[str, int]]) -> None:
        self._gender: dict[str, str] = {}
        for name, counts in votes.items():
            female, male = int(counts.get("female", 0)), int(counts.get("male", 0))
            total = female + male
            if total >= MIN_VOTES and max(female, male) >= MIN_SHARE * total:
                self._gender[name] = "female" if female > male else "male"

    @classmethod
    def load(cls, path: Path = DEFAULT_NAMES_PATH) -> NameGenders:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            names = data["names"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelUnavailableError(
                f"first-name table {path} is unreadable: {exc}",
                hint="reinstall newsift, or rebuild it with python -m newsift.nlp.build_names --data PATH/TO/data",
            ) from None
        return cls(names)

    def __len__(self) -> int:
        return len(self._gender)

    def gender(self, name: str) -> str | None:
        """The gender the table gives a person's canonical name, or None."""
        first = first_name(name)
        return None if first is None else self._gender.get(first)
