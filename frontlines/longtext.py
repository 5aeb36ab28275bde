"""Bounds on pieces of text, so that no sentence costs more than a page.

Text without end punctuation ("Aleppo Aleppo Aleppo ..." for 700 kB) would otherwise make
one "sentence" as long as the page, and every step that reads a sentence at a time (spaCy,
the event patterns) would take time and memory that grow with it. A sentence longer than
``MAX_SENTENCE`` characters is cut at the last space before the limit (or at the limit).
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_SENTENCE = 2_000


def cut_long(
    text: str, start: int, end: int, limit: int = MAX_SENTENCE
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of ``text[start:end]``, none longer than ``limit``."""
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
