"""The sense vocabulary (``data/senses.json``) compiled into word matchers, loaded once."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..regex_gate import GatedPattern, gated, ignorecase_chars


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
    body = _by_first_letter(alternatives, words) or "|".join(alternatives) or "(?!)"
    return WordSet(name, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I))


def _by_first_letter(alternatives: list[str], words: list[str]) -> str:
    """The alternatives grouped by the letter they begin with, in their order within each
    group: where a word begins, only the group of its letter is tried, and the same
    alternative wins as in the plain list (the others could not match there). "" when a
    word may begin with anything.

    Each group opens with its letter's characters as a case-sensitive class (those
    ``re.IGNORECASE`` matches with it) followed by the rest of each alternative, so that
    ``re`` skips the groups of other letters by one character test; words whose first
    letter is optional ("x?yz") or not ASCII are grouped behind a look-ahead instead."""
    letters: dict[str, set[str]] = {}
    optional = False
    for word in words:
        stem = word.rstrip("*")
        if not stem[:1].isalnum():
            return ""
        optional = optional or stem[1:2] == "?" or not stem[0].isascii()
        first = {stem[0].lower()} | ({stem[2].lower()} if stem[1:2] == "?" and stem[2:] else set())
        letters.setdefault(_word(word), set()).update(first)
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        for letter in sorted(letters[alternative]):
            groups.setdefault(letter, []).append(alternative)
    if optional:
        return "|".join(f"(?={re.escape(k)})(?:{'|'.join(v)})" for k, v in sorted(groups.items()))
    return "|".join(f"(?-i:[{re.escape(ignorecase_chars(k))}])(?:{'|'.join(a[1:] for a in v)})"
                    for k, v in sorted(groups.items()))  # fmt: skip


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
    idioms: tuple[GatedPattern, ...]  # searched only in sentences holding a word they need
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
            idioms=tuple(gated(p, re.I) for p in raw["idioms"]),
            conflict=word_set("conflict", raw["conflict"]),
            protest_types=frozenset(raw["protest_types"]),
            protest_after=re.compile(raw["protest_prepositions"], re.I),
            needs_armed_actor=frozenset(raw["needs_armed_actor"]),
        )
    except (KeyError, ValueError, re.error) as exc:
        raise ConfigError(f"frontlines/relevance/data/senses.json is broken: {exc}") from exc
