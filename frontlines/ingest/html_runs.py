"""Markup repeated over and over is read only a few hundred times, before it is parsed.

Every element costs a parser a few hundred bytes however little markup opens it, and
trafilatura about 1.7 kB more (its lxml tree and copies): 1 MB of ``<a href='#'>Palmyra</a>``
(41,000 links) cost 100 MB to read, 100 times its size, all of it spent on one link. An
element is bounded already (``html_depth.node_budget``), but a page of 41,000 elements
may be real; 41,000 copies in a row of the same markup are not: a copy repeats the text
and the structure before it and adds nothing to read. ``collapse_runs`` finds, before
any tree is built, runs of one stretch of markup (a unit of up to ``MAX_UNIT`` characters
that starts with a tag) repeated back to back, and keeps the first ``KEEP`` copies of each.
Only exact copies are left out, so no text that differs from what is kept is lost; the
110 real pages of ``../shared`` and the sample pages never repeat a unit more than
``LONGEST_REAL_RUN`` times in a row, far below ``KEEP``. Markup that varies from element
to element (a link flood with a new address or label each time) is not a run: past
``html_depth.node_budget`` its markup is read as text (``html_text``).

A run is found at a start tag whose same tag (the whole tag, attributes included) was
seen shortly before: the markup between the two is a candidate unit, and it is a run
when it follows itself more than ``keep`` times. The last ``_CANDIDATES`` places of each
tag are tried, so that a unit that holds the same tag twice (``<div><div>x</div></div>``)
is found too; a run's copies are counted once (doubling blocks compared at C speed), so
the scan is linear. It reads at most ``MAX_TAGS`` start tags outside runs (past them
``html_depth.node_budget`` holds the page anyway) and remembers only the tags of the last
``MAX_UNIT`` characters, so that it costs little time and memory whatever the page.
"""

from __future__ import annotations

import re

from .html_depth import MAX_NODES

KEEP = 200  # copies of one unit kept in a row
LONGEST_REAL_RUN = 5  # the longest run of a page of ``../shared`` or of the samples
MAX_UNIT = 512  # characters: a longer unit is not looked for
MAX_TAGS = MAX_NODES  # start tags read outside runs
_CANDIDATES = 3
_FORGET = 4_096  # tags remembered before the old ones are forgotten
_BLOCK = 1 << 20  # characters compared at once

_TAG = re.compile(r"<[A-Za-z][^<>]{0,200}>")


def collapse_runs(html: str, keep: int = KEEP) -> tuple[str, int]:
    """``html`` without the copies past the ``keep``-th of any unit repeated back to back,
    and how many copies were left out."""
    if html.count("<") <= keep:
        return html, 0
    pieces: list[str] = []
    dropped = 0
    start = pos = 0  # ``html[start:]`` is not yet in ``pieces``; the scan is at ``pos``
    seen: dict[str, tuple[int, ...]] = {}  # a tag's latest places, the latest first
    short: dict[str, int] = {}  # a tag's short run (``keep`` copies or fewer) ends there
    tags = 0
    while tags < MAX_TAGS and (m := _TAG.search(html, pos)) is not None:
        tags += 1
        at, tag = m.start(), m.group()
        pos = m.end()
        if at < short.get(tag, 0):
            continue  # within a short run found already: each is counted once
        unit, copies = _longest_run(html, at, seen.get(tag, ()))
        seen[tag] = (at, *seen.get(tag, ()))[:_CANDIDATES]
        if len(seen) + len(short) > _FORGET:
            seen = _recent(seen, at)
            short = {t: end for t, end in short.items() if end > at}
        if copies <= keep:
            if copies > 1:
                short[tag] = at + (copies - 1) * unit
            continue
        first = at - unit
        pieces.append(html[start : first + keep * unit])
        dropped += copies - keep
        start = pos = first + copies * unit
        seen.clear()
        short.clear()
    if not dropped:
        return html, 0
    pieces.append(html[start:])
    return "".join(pieces), dropped


def _recent(seen: dict[str, tuple[int, ...]], at: int) -> dict[str, tuple[int, ...]]:
    """The tags seen within ``MAX_UNIT`` characters before ``at`` (older places cannot
    start a unit): the scan's memory stays bounded whatever the number of distinct tags."""
    return {tag: places for tag, places in seen.items() if at - places[0] <= MAX_UNIT}


def _longest_run(html: str, at: int, before: tuple[int, ...]) -> tuple[int, int]:
    """``(unit length, copies)`` of the longest run whose second copy starts at ``at``,
    the first at one of ``before``; ``(0, 1)`` when none of them repeats there."""
    best = (0, 1)
    for prev in before:
        size = at - prev
        if size > MAX_UNIT:
            break
        unit = html[prev:at]
        if html.startswith(unit, at):
            best = max(best, (size, _copies(html, prev, unit)), key=lambda run: run[1])
    return best


def _copies(html: str, first: int, unit: str) -> int:
    """How many copies of ``unit`` follow each other from ``first``: blocks of copies
    doubled up to ``_BLOCK`` characters, then halved, so that a run of n copies costs
    O(n) compared characters and a block of at most ``_BLOCK`` characters."""
    count, block = 0, 1
    most = 1 << (max(1, _BLOCK // len(unit)).bit_length() - 1)  # a power of two
    while html.startswith(unit * block, first + count * len(unit)):
        count += block
        block = min(2 * block, most)
    while block > 1:
        block //= 2
        if html.startswith(unit * block, first + count * len(unit)):
            count += block
    return count
