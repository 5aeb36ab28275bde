"""A fast regex sentence splitter that keeps offsets into the text.

It splits after ``.``, ``!``, ``?`` (and runs of them, with closing quotes or brackets)
followed by whitespace and an upper-case letter, a digit or an opening quote, and after
blank lines and bullet lines, and cuts a "sentence" longer than ``MAX_SENTENCE``
characters (unpunctuated text) at a space. It does not split after common abbreviations ("U.S.",
"Gen.", "km.", "e.g."), single initials ("J. Smith"), or inside decimal numbers.
"""

from __future__ import annotations

import re

from ..longtext import cut_long
from ..records import Span

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "brig",
        "cmdr",
        "cdr",
        "gov",
        "sen",
        "rep",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "etc",
        "al",
        "approx",
        "est",
        "dept",
        "univ",
        "corp",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "km",
        "kms",
        "m",
        "mi",
        "sq",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "a.m",
        "p.m",
    ]
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[•◦*-]\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """True when the period ending at ``dot_end`` closes an abbreviation or initial."""
    match = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower().rstrip(".") in _ABBREVIATIONS


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; each Span's offsets point into ``text``."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        chunk = match.group(0)
        if (
            chunk.startswith(".")
            and chunk.rstrip("\"'”’)]") == "."
            and _is_abbreviation(text, match.start() + 1)
        ):
            continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for s, e in cut_long(text, start, end):
        spans.append(Span(s, e, text[s:e]))
