"""The worker start benchmark: runners timed from a fork server and from this process."""

from __future__ import annotations

from typing import Any

from frontlines.isolate import worker_server
from tests.conftest import load_benchmark

worker_start: Any = load_benchmark("worker_start")


def test_each_run_is_a_fresh_runner_timed_to_its_first_outcome_and_its_close() -> None:
    server = worker_server(lambda _key: str.upper)
    try:
        for origin in (server, None):
            first, whole = worker_start.starts(3, origin)
            assert len(first) == len(whole) == 3
            assert all(0 < f <= w for f, w in zip(first, whole, strict=True))
    finally:
        server.close()
    out = worker_start.summary([0.002, 0.004, 0.003], [0.005, 0.009, 0.006], "a fork server")
    assert out["first_outcome_ms_p50"] == 3.0 and out["with_close_ms_max"] == 9.0
