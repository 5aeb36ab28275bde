"""No input ends a batch: errors, time and memory are each one input's failure."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from frontlines import Frontlines, Settings
from frontlines.errors import EncodingError
from frontlines.isolate import Isolated, run_one
from frontlines.records import Analysis, Document


def _work(source: str) -> Any:
    if source == "bug":
        raise LookupError("'rot-13' is not a text encoding")
    if source == "refused":
        raise EncodingError("cannot decode the input", source=source)
    if source == "slow":
        time.sleep(30)
    if source == "greedy":
        return len(bytearray(3_000_000_000))
    if source == "dies":
        os._exit(7)
    return source.upper()


def test_an_unexpected_error_is_the_inputs_failure_with_its_class_and_trace() -> None:
    outcome = run_one(_work, "bug")
    assert (outcome.status, outcome.error_class) == ("failed", "LookupError")
    assert outcome.error.startswith("bug: LookupError") and "Traceback" in outcome.trace
    refused = run_one(_work, "refused")
    assert (refused.status, refused.error_class, refused.trace) == ("refused", "EncodingError", "")


def test_worker_stops_a_slow_input_and_the_next_input_runs() -> None:
    with Isolated(_work, max_seconds=1) as run:
        slow = run("slow")
        after = run("fine")
    assert (slow.status, slow.error_class) == ("timeout", "TimeBudgetExceeded")
    assert "slow" in slow.error and "--max-seconds" in slow.error
    assert (after.status, after.value) == ("ok", "FINE")


def test_memory_ceiling_fails_the_greedy_input_only() -> None:
    with Isolated(_work, max_seconds=60, max_memory_mb=200) as run:
        greedy = run("greedy")
        after = run("fine")
    assert (greedy.status, greedy.error_class) == ("failed", "MemoryError")
    assert after.ok and after.value == "FINE"


def test_a_worker_that_dies_fails_its_input_only() -> None:
    with Isolated(_work, max_seconds=60) as run:
        dead = run("dies")
        after = run("bug")
        last = run("fine")
    assert (dead.status, dead.error_class) == ("failed", "WorkerDied")
    assert after.error_class == "LookupError" and last.value == "FINE"


def _fake_app(tmp_path: Path, isolate: bool) -> Frontlines:
    app = Frontlines(Settings(db=str(tmp_path / "s.sqlite"), max_seconds=5), isolate=isolate)

    def read(source: str | Path, *, published: Any = None) -> list[Document]:
        _work(str(source))  # raises for the bad ones
        return [Document(id=f"id-{source}", source=str(source), title=str(source), text="x")]

    app.read = read  # type: ignore[method-assign]
    app.analyze = lambda docs: [Analysis(document=d) for d in docs]  # type: ignore[method-assign]
    app._warm = lambda: None  # type: ignore[method-assign]
    return app


@pytest.mark.parametrize("isolate", [False, True])
def test_batch_goes_on_after_bad_inputs(tmp_path: Path, isolate: bool) -> None:
    sources = ["a", "bug", "b", "refused", "c"] + (["slow", "dies"] if isolate else []) + ["d"]
    report = _fake_app(tmp_path, isolate).ingest(sources)
    status = {item.source: item.status for item in report.items}
    assert [s for s in sources if status[s] == "ok"] == ["a", "b", "c", "d"]
    assert status["bug"] == "failed" and status["refused"] == "refused"
    if isolate:
        assert status["slow"] == "timeout" and status["dies"] == "failed"
    with Frontlines(Settings(db=str(tmp_path / "s.sqlite"))).open_store() as store:
        assert len(store.documents()) == 4
