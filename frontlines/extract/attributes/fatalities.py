"""Fatality counts by ACLED's conventions.

A number (digits or words) next to killed/dead/died/deaths/fatalities/bodies/lives counts.
Vague quantities follow ACLED's coding guidance: "dozens" 12, "hundreds" 100, "several"
and "many" 10, "a few" / "some" 3, "scores" 20, "a/one person" 1. A range ("10 to 15",
"10-15") takes the lower figure. Several counts in one sentence ("3 soldiers and 2
civilians were killed") are added. Nothing said: 0 and ``known`` False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12, "dozens": 12, "hundreds": 100, "scores": 20,
    "several": 10, "many": 10, "numerous": 10, "a few": 3, "few": 3, "some": 3,
    "a number": 3, "thousands": 1000, "both": 2, "a couple": 2, "a pair": 2,
}  # fmt: skip

_QUANT = (
    r"(?P<num>\d[\d,]*|(?:a\s+)?(?:dozen|few|number|couple|pair)|"
    + "|".join(sorted((w for w in _WORDS if " " not in w), key=len, reverse=True))
    + r")"
)
_RANGE = r"(?:\s*(?:-|–|to|or)\s*(?:\d[\d,]*|[a-z]+))?"
_NOUN = r"(?:\s+(?:of\s+)?(?:[A-Za-z'’-]+\s+){0,4}?)"
_DEATH = (
    r"(?:killed|dead|died|deaths?|fatalities|bodies|lives|killing|kills|slain|"
    r"shot dead|lost their lives|were killed|was killed|perished|casualties)"
)
_COUNT_BEFORE = re.compile(
    rf"\b{_QUANT}{_RANGE}{_NOUN}?(?:were\s+|was\s+|have been\s+)?{_DEATH}\b", re.I
)
_COUNT_AFTER = re.compile(
    rf"\b(?:killed|killing|kills|claimed the lives of|left|leaving|death toll (?:of|to|at|rose to)|"
    rf"death of|deaths of|lives of)\s+(?:at least\s+|about\s+|around\s+|some\s+)?{_QUANT}{_RANGE}\b",
    re.I,
)
_LIST_BEFORE = re.compile(rf"\b{_QUANT}\s+[A-Za-z-]+\s+and\s+$", re.I)
_NO_DEATH = re.compile(
    r"\b(?:no (?:one|fatalities|casualties|deaths)|nobody|without (?:any )?casualties)\b", re.I
)
_NOT_FATAL = re.compile(r"\b(?:injur|wound|hurt|arrest|detain|abduct|kidnap)", re.I)


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A fatality count and whether the text stated one."""

    count: int
    known: bool


def _value(raw: str) -> int:
    raw = raw.lower().strip()
    raw = re.sub(r"\s+", " ", raw)
    if raw[0].isdigit():
        return int(raw.replace(",", ""))
    return _WORDS.get(raw, _WORDS.get(raw.removeprefix("a "), 0))


def parse_fatalities(text: str) -> Fatalities:
    """The number of people ``text`` says were killed (ACLED conventions)."""
    if _NO_DEATH.search(text):
        return Fatalities(0, True)
    total = 0
    taken: list[tuple[int, int]] = []
    for pattern in (_COUNT_BEFORE, _COUNT_AFTER):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            between = text[match.end("num") : match.end()]
            if pattern is _COUNT_BEFORE and _NOT_FATAL.search(between):
                continue
            value = _value(match.group("num"))
            if pattern is _COUNT_BEFORE:
                head = _LIST_BEFORE.search(text, max(0, match.start() - 40), match.start())
                if head is not None:
                    value += _value(head.group("num"))
            if value:
                total += value
                taken.append((match.start(), match.end()))
    if taken:
        return Fatalities(total, True)
    return Fatalities(0, False)
