"""The sense vocabulary (``data/senses.json``) compiled into word matchers, loaded once."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class WordSet:
    """Words matched case-insensitively on word boundaries; ``x*`` matches any ending."""

    name: str
    pattern: re.Pattern[str]

    def found(self, text: str) -> list[str]:
        """The words of the set in ``text``, lower-cased, in order."""
        return [m.group(0).lower() for m in self.pattern.finditer(text)]

    def counts(self, text: str) -> Counter[str]:
        return Counter(self.found(text))


def word_set(name: str, words: list[str]) -> WordSet:
    alternatives = sorted({_word(w) for w in words}, key=len, reverse=True)
    body = "|".join(alternatives) or "(?!)"
    return WordSet(name, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I))


def _word(word: str) -> str:
    stem = word.rstrip("*")
    escaped = re.escape(stem).replace(r"\ ", r"\s+").replace(r"\?", "?")
    escaped = escaped.replace(re.escape("*"), r"[\w-]*")
    return escaped + (r"[\w-]*" if word.endswith("*") else "")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    needs_participants: WordSet
    participants: dict[str, WordSet]
    strong: tuple[str, ...]
    families: dict[str, WordSet]
    idioms: tuple[re.Pattern[str], ...]
    conflict: WordSet
    protest_types: frozenset[str]
    protest_after: re.Pattern[str]
    needs_armed_actor: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (a broken data file is a ConfigError)."""
    try:
        raw = json.loads(
            resources.files(__package__).joinpath("data/senses.json").read_text("utf-8")
        )
        return Vocabulary(
            needs_participants=word_set("needs", raw["needs_participants"]),
            participants={k: word_set(k, v) for k, v in raw["participants"].items()},
            strong=tuple(raw["strong_participants"]),
            families={k: word_set(k, v) for k, v in raw["families"].items()},
            idioms=tuple(re.compile(p, re.I) for p in raw["idioms"]),
            conflict=word_set("conflict", raw["conflict"]),
            protest_types=frozenset(raw["protest_types"]),
            protest_after=re.compile(raw["protest_prepositions"], re.I),
            needs_armed_actor=frozenset(raw["needs_armed_actor"]),
        )
    except (KeyError, ValueError, re.error) as exc:
        raise ConfigError(f"frontlines/relevance/data/senses.json is broken: {exc}") from exc
