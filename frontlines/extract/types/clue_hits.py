"""Counting a text's country clues once, and again without one span, cheaply.

An event's place is re-read by the country clues of its text with the place's own name
left out. Rescanning the whole text for every event made a page with many events cost
its length times its events; here the clues of a text are found once (``clues_of``,
cached), and "the text without this span" recounts only a window around the span.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

Hit = tuple[int, int, str]  # (start, end of its run or match, code)
HitFinder = Callable[[str], list[Hit]]
WINDOW = 300  # characters looked at on each side of a span


@dataclass(slots=True)
class TextClues:
    hits: list[Hit]
    starts: list[int] = field(default_factory=list)
    by_code: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [h[0] for h in self.hits]
        for start, _end, code in self.hits:
            self.by_code.setdefault(code, []).append(start)

    def winner(self) -> str:
        """The most frequent code; a tie goes to the code met first (as Counter does)."""
        return _best({c: (len(p), p[0]) for c, p in self.by_code.items()})

    def winner_without(self, text: str, start: int, end: int, finder: HitFinder) -> str:
        """``winner`` of ``text`` with ``text[start:end]`` replaced by one space."""
        lo, hi = self._window(text, start, end)
        ranks: dict[str, tuple[int, int]] = {}
        for code, positions in self.by_code.items():
            inside = bisect.bisect_left(positions, hi) - bisect.bisect_left(positions, lo)
            first = positions[0] if positions[0] < lo else _first_from(positions, hi)
            if len(positions) - inside:
                ranks[code] = (len(positions) - inside, first)
        masked = text[lo:start] + " " + text[end:hi]
        for s, _e, code in finder(masked):
            count, first = ranks.get(code, (0, len(text) + 1))
            ranks[code] = (count + 1, min(first, lo + s))
        return _best(ranks)

    def _window(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A window around the span that starts and ends on whitespace outside any hit."""
        lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
        i = bisect.bisect_right(self.starts, lo) - 1
        if i >= 0 and self.hits[i][1] > lo:
            lo = max(0, min(lo, self.hits[i][0]), start - 4 * WINDOW)
        j = bisect.bisect_left(self.starts, hi) - 1
        if j >= 0 and self.hits[j][1] > hi:
            hi = min(len(text), max(hi, self.hits[j][1]), end + 4 * WINDOW)
        while lo > 0 and not text[lo - 1].isspace() and start - lo < 5 * WINDOW:
            lo -= 1
        while hi < len(text) and not text[hi].isspace() and hi - end < 5 * WINDOW:
            hi += 1
        return lo, hi


def _first_from(positions: list[int], hi: int) -> int:
    k = bisect.bisect_left(positions, hi)
    return positions[k] if k < len(positions) else 1 << 62


def _best(ranks: dict[str, tuple[int, int]]) -> str:
    if not ranks:
        return ""
    return min(ranks, key=lambda c: (-ranks[c][0], ranks[c][1]))


@lru_cache(maxsize=4)
def clues_of(text: str, finder: HitFinder) -> TextClues:
    return TextClues(finder(text))
