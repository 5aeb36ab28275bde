"""Comment signals are stored with each comment (migration 0005 on SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from frontlines.records import Analysis, Comment
from frontlines.store import SqliteStore, Store
from frontlines.store.migrations import MIGRATIONS, apply_migrations

from .records_factory import make_document


def test_signals_round_trip(store: Store) -> None:
    doc = make_document()
    doc.comments = [
        Comment("c1", "rob", None, 0, "Breaking: x", signals=("flooding", "unverified_claim")),
        Comment("c2", "ann", "c1", 1, "Reply"),
    ]
    store.save(Analysis(doc))
    stored = store.document("doc-1")
    assert stored is not None
    assert [c.signals for c in stored.comments] == [("flooding", "unverified_claim"), ()]
    assert stored.to_dict()["comment_authors"] == {"ann": 1, "rob": 1}


def test_a_store_from_before_signals_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    old = dict(MIGRATIONS)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name in ("0001_initial", "0002_events_date_point", "0003_document_relevance",
                 "0004_events_location_reason"):  # fmt: skip
        for statement in old[name]:
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, '2024-01-01')", (name,))
    conn.execute(
        "INSERT INTO documents (id, source, title, text, published_from, language, kind, "
        "furniture, map_images, warnings, ingested_at) VALUES "
        "('d', 's', 't', 'x', 'unknown', 'en', 'text', '[]', '[]', '[]', 'now')"
    )
    conn.execute("INSERT INTO comments VALUES ('d', 'c1', 0, 'ann', NULL, 0, 'hi', NULL)")
    conn.close()
    with SqliteStore.open(path) as store:
        doc = store.document("d")
        assert doc is not None and doc.comments[0].signals == ()
    conn = sqlite3.connect(path)
    assert apply_migrations(conn, where=str(path)) == []
    conn.close()
