"""The warm-up of a batch lasts until every actor has sent back a result."""

from __future__ import annotations

from typing import Any

from frontlines.scale.runner import BatchStats, _warming


def _feed(stats: BatchStats, rows: list[tuple[float, int]], workers: int) -> None:
    for seconds, worker in rows:
        stats.documents += 1
        row: dict[str, Any] = {"worker": worker}
        if len(stats.workers_seen) < workers or not stats.warmup_seconds:
            _warming(stats, row, seconds, workers)


def test_the_warm_up_ends_when_the_last_actor_answers() -> None:
    stats = BatchStats()
    _feed(stats, [(10.0, 1), (11.0, 1), (12.0, 1), (30.0, 2), (31.0, 1), (32.0, 2)], workers=2)
    assert (stats.warmup_seconds, stats.warmup_documents) == (30.0, 4)
    stats.seconds = 40.0
    assert stats.steady_documents_per_second == 2 / 10


def test_with_fewer_answering_actors_the_first_answer_ends_it() -> None:
    stats = BatchStats()
    _feed(stats, [(10.0, 1), (11.0, 1)], workers=3)
    assert (stats.warmup_seconds, stats.warmup_documents) == (10.0, 1)
