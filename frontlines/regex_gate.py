"""Patterns that skip a text lacking every word they need: a substring test before the search.

A trigger pattern such as ``\\b(?:kill\\w*|shot dead|gunned down)\\b`` cannot match a sentence
holding none of ``kill``, ``shot dead``, ``gunned down``; finding that out with ``in`` on the
lower-cased sentence costs a fraction of the search, and most sentences hold none of a
given pattern's words. :func:`needles` reads those literal strings from the pattern itself
(its parse tree), so the gate cannot fall out of step with the pattern, and it is sound by
construction: every match of the pattern contains at least one needle (lower-cased), so a
gated search finds exactly what the plain search finds. A pattern whose matches need no
literal text gets no gate (``needles`` is None) and is always searched.

Case: under ``re.IGNORECASE`` an ASCII letter also matches a few other characters (the
Kelvin sign for ``k``, the long s for ``s``, the dotted and dotless I for ``i``);
:func:`folded` maps them to their ASCII letter before lower-casing, so a text that matches
holds the needle in its folded form (a test checks every code point against ``re``).

:func:`grouped_alternation` is the other half: ``re`` tries every branch of an alternation
of words at every position where it could start, unless a branch opens with a
case-sensitive character or class, which it tests before entering the branch; the words
grouped by first letter behind such a class are tried only where their letter stands.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

try:  # re's own parser (Python 3.11 on); without it no pattern is gated, none is wrong
    from re import _constants as _op  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    _REPEATS = (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # pragma: no cover - a later Python's re
    _parser = None

# non-ASCII characters that ``re.IGNORECASE`` matches with an ASCII letter
_ASCII_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def fold_ascii(text: str) -> str:
    """``text`` lower-cased, with the characters ``re.IGNORECASE`` matches with an ASCII
    letter written as that letter (a match of an ASCII literal shows as that literal)."""
    if not text.isascii():
        for char, letter in _ASCII_FOLDS.items():
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


# the same sentence is tried against some seventy patterns: folded once
folded = lru_cache(maxsize=256)(fold_ascii)


def ignorecase_chars(char: str) -> str:
    """The characters that ``re.IGNORECASE`` matches with the ASCII character ``char``."""
    if not (len(char) == 1 and char.isascii()):
        raise ValueError(f"{char!r} is not one ASCII character")
    candidates = dict.fromkeys([char.lower(), char.upper(), *_ASCII_FOLDS])
    return "".join(c for c in candidates if re.fullmatch(re.escape(char), c, re.I))


def grouped_alternation(exact: Sequence[str], ignorecase: Sequence[str]) -> str | None:
    """A pattern matching as ``(?-i:E1|E2|...)|(?i:I1|I2|...)`` does, the words ``exact``
    (case-sensitive) and ``ignorecase`` escaped and tried in their order, but grouped by
    first character: each group opens with a case-sensitive character or class, so ``re``
    skips with one test the groups that cannot begin where it stands, instead of trying
    every word. Each group sets its own case, so the pattern is the same inside a
    case-insensitive one. None when a word is empty or begins with a character that is
    not ASCII."""
    words = [*exact, *ignorecase]
    if not words or not all(w[:1].isascii() for w in words):
        return None
    groups: dict[tuple[int, str], list[str]] = {}
    for word in exact:
        groups.setdefault((0, word[0]), []).append(re.escape(word[1:]))
    for word in ignorecase:
        groups.setdefault((1, word[0].lower()), []).append(re.escape(word[1:]))
    parts = []
    for (folded_case, first), rests in sorted(groups.items()):
        opening = f"[{re.escape(ignorecase_chars(first))}]" if folded_case else re.escape(first)
        body = "|".join(rests)
        parts.append(f"(?-i:{opening})(?i:{body})" if folded_case else f"(?-i:{opening}(?:{body}))")
    return "|".join(parts)


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings of which every match of ``pattern`` contains one, none of them
    containing another; None when the pattern's matches need no literal text."""
    if _parser is None:  # pragma: no cover
        return None
    try:
        found = _required(list(_parser.parse(pattern.pattern, pattern.flags)))
    except (re.error, TypeError, ValueError, AttributeError, IndexError):  # pragma: no cover
        return None  # a parse tree this code does not know: no gate, never a wrong one
    return None if found is None else _shortest(found)


def _shortest(found: Iterable[str]) -> frozenset[str]:
    """The strings of ``found`` that contain no other one (a text holding "killed" holds
    "kill": testing "kill" alone is enough)."""
    kept: list[str] = []
    for word in sorted(set(found), key=len):
        if not any(other in word for other in kept):
            kept.append(word)
    return frozenset(kept)


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective set of strings one of which every match of the sequence
    ``items`` (a parsed pattern) holds: a run of literal characters, or what a group, an
    alternation or a repeat taken at least once requires."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _op.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        if run:
            options.append({"".join(run)})
            run = []
        needed = _required_by(op, arg)
        if needed:
            options.append(needed)
    if run:
        options.append({"".join(run)})
    return max(options, key=_selectivity) if options else None


def _required_by(op: Any, arg: Any) -> set[str] | None:
    if op is _op.SUBPATTERN:
        return _required(list(arg[3]))
    if op is _op.ATOMIC_GROUP:
        return _required(list(arg))
    if op is _op.BRANCH:
        branches = [_required(list(branch)) for branch in arg[1]]
        if any(b is None for b in branches):
            return None
        return set().union(*branches)  # type: ignore[arg-type]
    if op in _REPEATS and arg[0] >= 1:
        return _required(list(arg[2]))
    return None  # a class, a wildcard, an assertion, an optional part: no literal needed


def _selectivity(option: set[str]) -> tuple[int, int]:
    """Longer words first (spaces aside: " of " is as common as "of"), then fewer."""
    return min(len(word.strip()) for word in option), -len(option)


class GatedPattern:
    """A compiled pattern whose ``search`` and ``finditer`` first test its needles."""

    __slots__ = ("compiled", "needles")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        found = needles(compiled)
        self.needles: tuple[str, ...] | None = None if found is None else tuple(sorted(found))

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def may_match(self, text: str) -> bool:
        """False only when ``text`` holds none of the needles (so no match)."""
        return self.needles is None or self._holds_one(folded(text))

    def _holds_one(self, lowered: str) -> bool:
        for needle in self.needles or ():  # noqa: SIM110  (a loop is a quarter faster than any())
            if needle in lowered:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self.may_match(text) else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos) if self.may_match(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        """``re.sub`` (for short strings, each folded anew: they would crowd the cache)."""
        if self.needles is None or self._holds_one(fold_ascii(text)):
            return self.compiled.sub(replacement, text)
        return text

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def __repr__(self) -> str:
        return f"GatedPattern({self.compiled!r}, needles={self.needles!r})"


def gated(pattern: str, flags: int = 0) -> GatedPattern:
    """``re.compile(pattern, flags)`` behind its needles' gate."""
    return GatedPattern(re.compile(pattern, flags))
