"""Holder names as written ("government", "ISIS", "SDF") -> ACLED actor names.

The mapping is a data table (``data/holders.tsv``): a row applies to a term, optionally to
one country and to a date range (ACLED dates some state actors by government period).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class HolderRule:
    """One row of the holder table."""

    term: str
    country: str
    actor: str
    start: str = ""
    until: str = ""

    def applies(self, country: str, on: str) -> bool:
        if self.country and self.country != country:
            return False
        if on and self.start and on < self.start:
            return False
        return not (on and self.until and on >= self.until)


class HolderTable:
    """Looks a holder term up by (term, country, date); unknown terms give ``""``."""

    def __init__(self, rules: list[HolderRule]) -> None:
        self._rules: dict[str, list[HolderRule]] = {}
        for rule in rules:
            self._rules.setdefault(rule.term, []).append(rule)

    @classmethod
    def load(cls, path: Path | None = None) -> HolderTable:
        """Read a holder table (the packaged one when ``path`` is None)."""
        if path is None:
            text = resources.files(__package__).joinpath("data/holders.tsv").read_text("utf-8")
            source = "frontlines/control/data/holders.tsv"
        else:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise ConfigError(
                    f"cannot read the holder table ({exc})", source=str(path)
                ) from exc
            source = str(path)
        return cls(_parse(text, source))

    def terms(self) -> list[str]:
        """Every text term (not map marks), longest first (for building patterns)."""
        found = [t for t in self._rules if not t.startswith("mark:")]
        return sorted(found, key=lambda t: (-len(t), t))

    def actor(self, term: str, *, country: str = "", on: str = "") -> str:
        """The ACLED actor for ``term`` in ``country`` on ``on`` (ISO date), or ``""``."""
        rules = self._rules.get(_key(term), [])
        for wanted in (country, ""):
            for rule in rules:
                if rule.country == wanted and rule.applies(country, on):
                    return rule.actor
        return ""


def _key(term: str) -> str:
    text = " ".join(term.strip().split())
    return text if text.startswith("mark:") else text.lower()


def _parse(text: str, source: str) -> list[HolderRule]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rules: list[HolderRule] = []
    for row in csv.DictReader(lines, delimiter="\t"):
        term, actor = row.get("term") or "", row.get("actor") or ""
        if not term or not actor:
            raise ConfigError(f"row {row!r} needs a term and an actor", source=source)
        rules.append(
            HolderRule(
                _key(term),
                row.get("country") or "",
                actor,
                row.get("from") or "",
                row.get("until") or "",
            )
        )
    return rules


@lru_cache(maxsize=1)
def default_holders() -> HolderTable:
    """The packaged holder table, read once."""
    return HolderTable.load()
