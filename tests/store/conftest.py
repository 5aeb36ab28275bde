"""A store fixture parametrised over every backend, so they share one contract suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.store import MemoryStore, SqliteStore, Store


@pytest.fixture(params=["sqlite-file", "sqlite-memory", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    kind = request.param
    if kind == "sqlite-file":
        opened: Store = SqliteStore.open(tmp_path / "db" / "store.sqlite")
    elif kind == "sqlite-memory":
        opened = SqliteStore.open(":memory:")
    else:
        opened = MemoryStore()
    with opened as s:
        yield s
