"""Markup alike up to its attributes and text, repeated back to back, is read as text
past its first few hundred copies, before it is parsed.

``html_runs`` leaves out exact copies; a flood whose elements differ (``<b id='N'>x</b>``,
``<li><a href='/t/N'>Tag N</a></li>``, tiny tables each with its own cell) has none, and
every element of it costs a parser hundreds of bytes and trafilatura's copies of its tree
about 2 kB more. ``collapse_shapes`` finds runs of one *shape* (the same sequence of tags,
whatever their attributes and the text between them) repeated back to back, and keeps the
first ``KEEP`` copies as markup and the rest as their text (``html_text.as_text``): no
text a reader could see is lost, only the markup of copies that add nothing new to it.

Only dense runs are read so: a copy must average fewer than ``html_depth.BYTES_PER_NODE``
characters an element, as floods do and prose does not (a long article's paragraphs
``<p>...</p>`` hundreds in a row stay as they are). Real pages repeat dense shapes too
(a blog's thousand labels ``<li><a href=..>Label</a> <span>(1)</span></li>``, an archive's
``<option>`` per month, code highlighted token by token: over 150 in a row on four pages
of ``../shared``), so ``htmlpage`` collapses shapes only on a page over its node budget
(none of ``../shared`` or the samples is), where the markup past the budget is read as
text anyway: collapsing the runs first keeps more of such a page as markup, the first
``KEEP`` copies of every run and the markup after the runs.

A run is found at a start tag whose name was seen shortly before: the markup between the
two is a candidate unit, and it is a run when a pattern made of its tags (attributes and
text left free) matches it over and over (a possessive repeat: linear, at C speed). A run
found short is not looked for again inside itself, runs are looked for at every
``_STRIDE``-th start tag only, and the scan reads at most ``MAX_TAGS`` start tags outside
runs, so it costs little whatever the page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .html_depth import BYTES_PER_NODE, MAX_NODES
from .html_runs import KEEP
from .html_text import as_text

MAX_UNIT = 512  # characters of a unit looked for
MAX_UNIT_TAGS = 24  # tags of a unit looked for
MAX_TAGS = MAX_NODES  # start tags read outside runs
_CANDIDATES = 3
# a run is looked for at every fourth start tag: a run of hundreds of copies is found all
# the same (from any start tag inside it, a rotation of its unit repeats), at a quarter of
# the cost on markup that holds none
_STRIDE = 4
_FORGET = 4_096

_START = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)")
_TAG = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:-]*)[^<>]*>")


def collapse_shapes(
    html: str, keep: int = KEEP, tags: int = MAX_TAGS, stop: int | None = None
) -> tuple[str, int]:
    """``html`` with the dense copies past the ``keep``-th of any shape repeated back to
    back read as text, and how many copies were; at most ``tags`` start tags outside
    runs are read, and none from ``stop`` on while no run is found (past a page's node
    budget, its markup is read as text anyway)."""
    if html.count("<") <= 2 * keep:
        return html, 0
    pieces: list[str] = []
    alike = start = pos = read = 0
    seen: dict[str, tuple[int, ...]] = {}  # a tag name's latest places, the latest first
    short: dict[str, int] = {}  # a short run of copies starting with that name ends there
    while read < tags and (m := _START.search(html, pos)) is not None:
        read += 1
        at, name = m.start(), m.group(1)
        if stop is not None and at >= stop and not alike:
            break
        pos = m.end()
        before = seen.get(name, ())
        seen[name] = (at, *before)[:_CANDIDATES]
        if read % _STRIDE or at < short.get(name, 0):
            continue
        run = _longest_run(html, at, before, keep)
        if len(seen) > _FORGET:
            seen = {t: p for t, p in seen.items() if at - p[0] <= MAX_UNIT}
            short = {t: end for t, end in short.items() if end > at}
        if run is None:
            continue
        kept, end, copies = run
        if copies <= keep:
            short[name] = end
            continue
        pieces += [html[start:kept], as_text(html[kept:end])]
        alike += copies - keep
        start = pos = end
        seen.clear()
        short.clear()
    if not alike:
        return html, 0
    pieces.append(html[start:])
    return "".join(pieces), alike


def _longest_run(
    html: str, at: int, before: tuple[int, ...], keep: int
) -> tuple[int, int, int] | None:
    """``(end of the kept copies, end of the run, copies)`` of the dense run whose second
    copy starts at ``at``, the first at one of ``before``; None when there is none."""
    best: tuple[int, int, int] | None = None
    for prev in before:
        if at - prev > MAX_UNIT:
            break
        shape = tuple(_TAG.findall(html, prev, at))
        if not shape or len(shape) > MAX_UNIT_TAGS or html.count("<", prev, at) != len(shape):
            continue  # a comment, a stray ``<`` or too many tags: no unit
        if _next_shape(html, at, len(shape), at - prev) != shape:
            continue  # the markup after is not a copy: no pattern is made
        whole, kept = _patterns(shape, keep)
        end = whole.match(html, prev)
        if end is None or end.end() <= at:
            continue
        starts = sum(1 for t in shape if not t.startswith("/")) or 1
        copies = _count(html, prev, end.end(), shape)
        if (end.end() - prev) / (copies * starts) >= BYTES_PER_NODE:
            continue  # prose, not a flood
        cut = kept.match(html, prev)
        run = (cut.end() if cut is not None else end.end(), end.end(), copies)
        if best is None or run[2] > best[2]:
            best = run
    return best


def _next_shape(html: str, at: int, tags: int, size: int) -> tuple[str, ...]:
    """The names of the first ``tags`` tags from ``at``, looked for within twice the
    unit's ``size`` (a copy may hold longer attributes or text, not many times longer)."""
    return tuple(_TAG.findall(html, at, at + 2 * size + 64)[:tags])


def _count(html: str, first: int, end: int, shape: tuple[str, ...]) -> int:
    """Copies of a unit of ``shape`` from ``first`` to ``end`` (its tags, counted)."""
    return max(1, html.count("<" + shape[0], first, end) // shape.count(shape[0]))


@lru_cache(maxsize=256)
def _patterns(shape: tuple[str, ...], keep: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of any number of copies of a unit of ``shape`` (possessive), and of
    ``keep`` copies: each tag by its name, attributes and the text after it left free."""
    unit = "".join(rf"<{re.escape(t)}(?![A-Za-z0-9:-])[^<>]*>[^<]*" for t in shape)
    return re.compile(rf"(?:{unit})++"), re.compile(rf"(?:{unit}){{{keep}}}")
