"""``difflib.SequenceMatcher(None, a, b).ratio()`` for short strings, cached and leaner.

Spelling scores compare the same few thousand names again and again (a loose key matches
dozens of places, and the same place names recur across pages), and ``SequenceMatcher``
spends most of its time building itself. :func:`ratio` computes the very same number
(Ratcliff/Obershelp: the longest common block first, the earliest on ties, then the same
on each side, as ``difflib`` does) without the object, and remembers it. With no junk,
difflib's only other rule, "popular" characters, applies to strings of 200 characters or
more with ``autojunk``; those go to ``difflib`` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache

_AUTOJUNK_FROM = 200


@lru_cache(maxsize=500_000)
def ratio(a: str, b: str, autojunk: bool = True) -> float:
    """Exactly ``SequenceMatcher(None, a, b, autojunk=autojunk).ratio()``."""
    if autojunk and len(b) >= _AUTOJUNK_FROM:
        return SequenceMatcher(None, a, b).ratio()
    length = len(a) + len(b)
    if not length:
        return 1.0
    if len(a) <= _SHORT and len(b) <= _SHORT:
        return 2.0 * _matched_short(a, b) / length
    return 2.0 * _matched(a, b) / length


# names up to this long are matched by substring search (``_longest_short``), longer
# strings by difflib's own dynamic programme (``_longest``): the same blocks either way
_SHORT = 48


def _matched_short(a: str, b: str) -> int:
    """``_matched`` for short strings, each block found by substring search: for each
    start in ``a`` in turn, whether a block longer than the best so far starts there (a
    block's prefixes occur wherever it does), so the first start reaching the longest
    length wins, at the first place ``b`` holds it (``_longest``'s block). One loop, no
    call per block: this runs for every loose match a look-up keeps."""
    total = 0
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        window = b[blo:bhi]
        besti, bestsize = alo, 0
        i = alo
        while i < ahi - bestsize:
            k = bestsize + 1
            while i + k <= ahi and a[i : i + k] in window:
                k += 1
            if k - 1 > bestsize:
                besti, bestsize = i, k - 1
            i += 1
        if bestsize:
            total += bestsize
            j = blo + window.find(a[besti : besti + bestsize])
            if alo < besti and blo < j:
                todo.append((alo, besti, blo, j))
            if besti + bestsize < ahi and j + bestsize < bhi:
                todo.append((besti + bestsize, ahi, j + bestsize, bhi))
    return total


_B2J = dict[str, list[int]]
_Longest = Callable[[str, str, _B2J, int, int, int, int], tuple[int, int, int]]


def _covered(a: str, b: str, longest: _Longest, b2j: _B2J) -> int:
    """How many characters the matching blocks cover: the longest block of the whole
    (``longest(a, b, b2j, alo, ahi, blo, bhi)``), then of what lies before and after it."""
    total = 0
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        i, j, k = longest(a, b, b2j, alo, ahi, blo, bhi)
        if k:
            total += k
            if alo < i and blo < j:
                todo.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                todo.append((i + k, ahi, j + k, bhi))
    return total


def _matched(a: str, b: str) -> int:
    """How many characters the matching blocks of ``a`` and ``b`` cover."""
    b2j: dict[str, list[int]] = {}
    for j, char in enumerate(b):
        b2j.setdefault(char, []).append(j)
    return _covered(a, b, _longest, b2j)


def _longest(
    a: str, b: str, b2j: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int, int]:
    """difflib's ``find_longest_match`` with no junk: the longest block, earliest in
    ``a`` and then in ``b`` among the longest."""
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    for i in range(alo, ahi):
        new: dict[int, int] = {}
        for j in b2j.get(a[i], ()):
            if j < blo:
                continue
            if j >= bhi:
                break
            k = new[j] = j2len.get(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = new
    while besti > alo and bestj > blo and a[besti - 1] == b[bestj - 1]:
        besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
    while (
        besti + bestsize < ahi
        and bestj + bestsize < bhi
        and a[besti + bestsize] == b[bestj + bestsize]
    ):
        bestsize += 1
    return besti, bestj, bestsize
