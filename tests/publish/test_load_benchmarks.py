"""The load benchmarks run end to end on small inputs (numbers are not checked here)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_benchmark

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str) -> ModuleType:
    return load_benchmark(name)


def test_store_latency_fills_and_measures(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _load("store_latency")
    assert bench.main(["--events", "3000", "--queries", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["events"] == 3000 and result["queries"] == 20
    assert 0 < result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]
    assert result["mean_rows"] > 0
    assert any("events" in step for step in result["plan"])


def test_store_latency_rows_match_the_schema() -> None:
    bench = _load("store_latency")
    import random

    from frontlines.store.rows import EVENT_COLUMNS

    row = bench.synthetic_row(7, random.Random(0))
    assert len(row) == len(EVENT_COLUMNS)
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    assert values["event_id"] == "syn-0000007" and -90 <= values["latitude"] <= 90


def test_map_render_events_are_dated_and_placed() -> None:
    events = _load("map_render").synthetic_events(50)
    assert len({e.event_id for e in events}) == 50
    assert all(e.event_date and e.latitude is not None for e in events)
