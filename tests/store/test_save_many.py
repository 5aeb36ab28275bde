"""SQLite's ``save_many``: a batch in one transaction, stored as saving one by one stores it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontlines.store.sqlite import SqliteStore

from .records_factory import make_analysis, make_event


def _batch() -> list:
    first = make_analysis("doc-1", [make_event("e1"), make_event("e2")])
    second = make_analysis("doc-2", [make_event("e3", document_id="doc-2")])
    again = make_analysis("doc-1", [make_event("e1"), make_event("e4")])  # one new event
    return [first, second, again]


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return [
            *conn.execute("SELECT id FROM documents ORDER BY id"),
            *conn.execute("SELECT event_id, document_id, position FROM events ORDER BY event_id"),
            *conn.execute(
                "SELECT document_id, position FROM mentions ORDER BY document_id, position"
            ),
        ]


def test_save_many_stores_what_saving_one_by_one_stores(tmp_path: Path) -> None:
    one, many = tmp_path / "one.sqlite", tmp_path / "many.sqlite"
    store = SqliteStore.open(one)
    singly = [store.save(a) for a in _batch()]
    store.close()
    store = SqliteStore.open(many)
    batched = store.save_many(_batch())
    store.close()
    assert batched == singly
    assert [(r.document_new, r.events_added) for r in batched] == [(True, 2), (True, 1), (False, 1)]
    assert _rows(many) == _rows(one)


def test_save_many_is_all_or_nothing(tmp_path: Path) -> None:
    store = SqliteStore.open(tmp_path / "s.sqlite")
    broken = make_analysis("doc-2")
    broken.events = [None]  # type: ignore[list-item]
    with pytest.raises(AttributeError):
        store.save_many([make_analysis("doc-1"), broken])
    assert store.count_documents() == 0 and store.count_events() == 0
    assert store.save_many([]) == []
