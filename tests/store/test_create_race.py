"""Two processes creating and migrating the same new SQLite store at once both succeed."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from frontlines.store import open_store
from frontlines.store.migrations import MIGRATIONS

ROUNDS = 30  # the race showed in about one round in ten before the fix


def _open(path: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        with open_store(path) as store:
            store.documents()
        results.put("ok")
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def test_two_processes_create_one_store(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    outcomes: list[str] = []
    for round_no in range(ROUNDS):
        path = str(tmp_path / f"race-{round_no}.sqlite")
        barrier, results = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open, args=(path, barrier, results)) for _ in range(3)]
        for proc in procs:
            proc.start()
        outcomes += [results.get(timeout=60) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        with open_store(path) as store:
            assert store.documents() == [] or list(store.documents()) == []
    assert outcomes == ["ok"] * len(outcomes), outcomes


def test_every_migration_recorded_once(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "once.sqlite"
    open_store(str(path)).close()
    open_store(str(path)).close()
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
