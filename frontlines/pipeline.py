"""Runs the ordered stages over batches of records; nothing else.

A stage is any callable ``stage(batch: list[Analysis]) -> list[Analysis]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from .records import Analysis, Document

Stage = Callable[[list[Analysis]], list[Analysis]]


class Pipeline:
    """An ordered list of stages applied to each batch in turn."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for stage in self.stages:
            batch = stage(batch)
        return batch

    def pipe(self, documents: Iterable[Document], batch_size: int = 8) -> Iterator[Analysis]:
        """Analyse documents lazily, ``batch_size`` at a time."""
        it = iter(documents)
        while chunk := list(islice(it, batch_size)):
            yield from self([Analysis(document=doc) for doc in chunk])
