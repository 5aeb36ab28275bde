"""The SQLite store reads on a read-only connection per thread (WAL), beside its writer."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from frontlines.errors import StoreError
from frontlines.store import MemoryStore, SqliteStore

from .records_factory import make_analysis, make_event


def _read_in_thread(store: SqliteStore) -> list[int]:
    counts: list[int] = []
    worker = threading.Thread(target=lambda: counts.append(store.count_events()))
    worker.start()
    worker.join(timeout=30)
    return counts


def test_reads_do_not_wait_for_the_writer(tmp_path: Path) -> None:
    store = SqliteStore.open(tmp_path / "s.sqlite")
    store.save(make_analysis(events=[make_event("e1")]))
    with store._lock:  # the writer is busy (a save in progress holds this lock)
        counts = _read_in_thread(store)
    assert counts == [1]
    store.close()


def test_each_thread_reads_on_its_own_read_only_connection(tmp_path: Path) -> None:
    store = SqliteStore.open(tmp_path / "s.sqlite")
    store.save(make_analysis(events=[make_event("e1")]))
    seen: list[int] = []
    refused: list[str] = []
    barrier = threading.Barrier(3)

    def read() -> None:
        store.events()
        with store._reading() as conn:
            seen.append(id(conn))
            try:
                conn.execute("DELETE FROM events")
            except sqlite3.OperationalError as exc:  # the connection itself refuses
                refused.append(str(exc))
        barrier.wait(timeout=30)

    workers = [threading.Thread(target=read) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
    assert len(set(seen)) == 3
    assert len(refused) == 3 and all("readonly" in r or "read-only" in r for r in refused)
    assert store.count_events() == 1
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


def test_state_follows_writes_from_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    reader, writer = SqliteStore.open(path), SqliteStore.open(path)
    before = reader.state()
    assert reader.state() == before
    writer.save(make_analysis(events=[make_event("e1")]))
    after = reader.state()
    assert after != before and reader.count_events() == 1
    reader.save(make_analysis("doc-2", events=[make_event("e2")]))
    assert reader.state() != after
    reader.close()
    writer.close()


@pytest.mark.parametrize("kind", ["file", "memory-sqlite", "memory"])
def test_document_summaries_page_without_text(tmp_path: Path, kind: str) -> None:
    if kind == "file":
        store: SqliteStore | MemoryStore = SqliteStore.open(tmp_path / "s.sqlite")
    elif kind == "memory-sqlite":
        store = SqliteStore.open(":memory:")
    else:
        store = MemoryStore()
    for n in range(3):
        store.save(make_analysis(f"doc-{n}", events=[]))
    assert store.count_documents() == 3
    page = store.document_summaries(limit=2, offset=1)
    assert [s.id for s in page] == ["doc-1", "doc-2"]
    assert page[0].comment_count == 2 and page[0].published == "2024-03-05"
    assert page[0].relevant is None and "text" not in page[0].to_dict()
    store.close()
