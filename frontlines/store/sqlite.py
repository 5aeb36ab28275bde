"""The SQLite store: one writer connection behind a lock, WAL on files, one transaction a
save; reads on a file store use a read-only connection per thread (WAL lets them run beside
the writer and each other), so read throughput grows with the server's threads."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Analysis, Comment, Document, Event, Mention
from . import rows
from .base import (
    SIGNATURE_CHUNK,
    DocumentSummary,
    EventFilter,
    FilteredReads,
    SaveResult,
    check_page,
    document_key,
    event_key,
    fill_dates,
    needs_signature,
    published_date,
    scalar_clauses,
    signature_of,
)
from .migrations import apply_migrations


def _has_actor(actor1: str, actor2: str, assoc1: str, assoc2: str, wanted: str) -> int:
    if wanted in (actor1, actor2):
        return 1
    parts = {p.strip() for assoc in (assoc1, assoc2) for p in assoc.split(";")}
    return int(wanted in parts)


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        clauses.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
        args += [south, north, west, east]
    more, more_args = scalar_clauses(flt, "?")
    clauses += more
    args += more_args
    if flt.actor is not None:
        clauses.append("fl_has_actor(actor1, actor2, assoc_actor_1, assoc_actor_2, ?)")
        args.append(flt.actor)
    if flt.source is not None:
        clauses.append(
            "(source = ? OR source_url = ? OR "
            "EXISTS (SELECT 1 FROM json_each(events.sources) WHERE value = ?))"
        )
        args += [flt.source] * 3
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _connect(where: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False, uri=uri)
    conn.row_factory = sqlite3.Row
    conn.create_function("fl_has_actor", 5, _has_actor, deterministic=True)
    return conn


def _use_wal(conn: sqlite3.Connection, tries: int = 200) -> None:
    """Switch to WAL; another process creating the same file at the same moment holds it
    locked for a few milliseconds (the switch does not wait on the busy timeout)."""
    for _ in range(tries):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.05)
    conn.execute("PRAGMA journal_mode=WAL")


def _rowcount(conn: sqlite3.Connection) -> Callable[[str, tuple[Any, ...]], int]:
    return lambda sql, args: int(conn.execute(sql, args).rowcount)


class SqliteStore(FilteredReads):
    """A :class:`~frontlines.store.base.Store` in one SQLite file (or ``:memory:``).

    Build it with :meth:`open`; the constructor takes an open connection and does no I/O.
    """

    def __init__(self, conn: sqlite3.Connection, where: str) -> None:
        self._conn = conn
        self._where = where
        self._lock = threading.Lock()
        self._closed = False
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.RLock()
        self._watch: sqlite3.Connection | None = None
        self._writes = 0

    @classmethod
    def open(cls, db: str | Path) -> SqliteStore:
        """Open (creating if needed) the database at ``db`` and apply pending migrations."""
        where = str(db)
        try:
            if where != ":memory:":
                Path(where).expanduser().parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(where if where == ":memory:" else str(Path(where).expanduser()))
            if where != ":memory:":
                _use_wal(conn)
            conn.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"cannot open the SQLite store ({exc}); check the path exists and is writable",
                source=where,
            ) from exc
        apply_migrations(conn, where=where)
        return cls(conn, where)

    # -- plumbing ---------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed; open it again", source=self._where)
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(f"database error: {exc}", source=self._where) from exc

    @property
    def _pooled(self) -> bool:
        return self._where != ":memory:"

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """This thread's read-only connection (the writer's for ``:memory:``)."""
        if not self._pooled:
            with self._locked() as writer:
                yield writer
            return
        if self._closed:
            raise StoreError("the store is closed; open it again", source=self._where)
        try:
            conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
            if conn is None:
                conn = self._reader()
                self._local.conn = conn
            yield conn
        except sqlite3.Error as exc:
            raise StoreError(f"database error: {exc}", source=self._where) from exc

    def _reader(self) -> sqlite3.Connection:
        path = Path(self._where).expanduser().resolve()
        conn = _connect(f"{path.as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA query_only=ON")
        with self._readers_lock:
            self._readers.append(conn)
        return conn

    def state(self) -> str:
        """A token that changes whenever the stored data changes (for caches): SQLite's
        ``data_version`` on a connection kept for the purpose (it counts commits made by
        every other connection, in this process or another) and this store's own writes."""
        if not self._pooled:
            return f"w{self._writes}"
        with self._readers_lock:
            if self._closed:
                raise StoreError("the store is closed; open it again", source=self._where)
            if self._watch is None:
                self._watch = self._reader()
            try:
                (version,) = self._watch.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error as exc:
                raise StoreError(f"database error: {exc}", source=self._where) from exc
        return f"v{version}.w{self._writes}"

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._locked() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            self._writes += 1

    # -- writing ----------------------------------------------------------------------

    def save(self, analysis: Analysis) -> SaveResult:
        """Save one analysed document; saving the same page again adds nothing."""
        [result] = self.save_many([analysis])
        return result

    def save_many(self, analyses: Sequence[Analysis]) -> list[SaveResult]:
        """Save analysed documents in one transaction (all or none of them), each as
        :meth:`save` would: what a batch writer calls, one commit per batch."""
        if not analyses:
            return []
        with self._transaction() as conn:
            (count,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
            results = []
            for analysis in analyses:
                results.append(self._save(conn, analysis, count))
                count += results[-1].events_added
        return results

    def _save(self, conn: sqlite3.Connection, analysis: Analysis, count: int) -> SaveResult:
        """One document's rows; ``count``: the events stored before it."""
        document = analysis.document
        doc_id = document_key(document)
        known = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        mentions_added = 0
        if known is None:
            self._insert_document(conn, document, doc_id)
            mentions_added = self._replace_mentions(conn, analysis.mentions, doc_id)
        self._keep_signature(conn, analysis, doc_id)
        events_added = self._insert_events(conn, analysis.events, doc_id, count)
        dated = 0 if known is None else fill_dates(_rowcount(conn), analysis, doc_id, "?")
        return SaveResult(doc_id, known is None, events_added, mentions_added, dated)

    def _insert_document(self, conn: sqlite3.Connection, doc: Document, doc_id: str) -> None:
        marks = ", ".join("?" * len(rows.DOCUMENT_COLUMNS))
        conn.execute(f"INSERT INTO documents VALUES ({marks})", rows.document_row(doc, doc_id))
        conn.executemany(
            f"INSERT OR IGNORE INTO comments ({', '.join(rows.COMMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(rows.COMMENT_COLUMNS))})",
            [rows.comment_row(c, doc_id, i) for i, c in enumerate(doc.comments)],
        )

    def _keep_signature(self, conn: sqlite3.Connection, analysis: Analysis, doc_id: str) -> None:
        """Store the copy signature of a document with events once (also for a document
        stored before signatures were, when it is saved again)."""
        if not needs_signature(analysis):
            return
        sql = "SELECT 1 FROM document_signatures WHERE document_id = ?"
        if conn.execute(sql, (doc_id,)).fetchone() is None:
            conn.execute(
                "INSERT INTO document_signatures VALUES (?, ?)", (doc_id, signature_of(analysis))
            )

    def signatures(self, document_ids: list[str]) -> dict[str, tuple[dt.date | None, bytes]]:
        """``{id: (published, packed copy signature)}`` of the given documents that have one."""
        out: dict[str, tuple[dt.date | None, bytes]] = {}
        with self._reading() as conn:
            for i in range(0, len(document_ids), SIGNATURE_CHUNK):
                chunk = document_ids[i : i + SIGNATURE_CHUNK]
                found = conn.execute(
                    "SELECT d.id, d.published, s.signature FROM documents d "
                    "JOIN document_signatures s ON s.document_id = d.id "
                    f"WHERE d.id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
                for row in found:
                    out[row[0]] = (published_date(row[1]), bytes(row[2]))
        return out

    def _replace_mentions(
        self, conn: sqlite3.Connection, mentions: list[Mention], doc_id: str
    ) -> int:
        conn.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
        cols = ", ".join(rows.MENTION_COLUMNS)
        marks = ", ".join("?" * len(rows.MENTION_COLUMNS))
        conn.executemany(
            f"INSERT INTO mentions ({cols}) VALUES ({marks})",
            [rows.mention_row(m, doc_id, i) for i, m in enumerate(mentions)],
        )
        return len(mentions)

    def _insert_events(
        self, conn: sqlite3.Connection, events: list[Event], doc_id: str, start: int
    ) -> int:
        """Insert the events not stored yet, numbered from ``start`` (the events stored
        before this document)."""
        cols = ", ".join(rows.EVENT_COLUMNS)
        marks = ", ".join("?" * len(rows.EVENT_COLUMNS))
        added = 0
        for i, event in enumerate(events):
            owner = event.document_id or doc_id
            row = rows.event_row(event, event_key(event, owner), owner, start + i)
            cursor = conn.execute(f"INSERT OR IGNORE INTO events ({cols}) VALUES ({marks})", row)
            added += cursor.rowcount
        return added

    # -- reading ----------------------------------------------------------------------

    def _page(self, flt: EventFilter, limit: int | None, offset: int) -> list[Event]:
        where, args = _where(flt)
        sql = f"SELECT * FROM events{where} ORDER BY event_date, event_id LIMIT ? OFFSET ?"
        with self._reading() as conn:
            found = conn.execute(sql, [*args, -1 if limit is None else limit, offset])
            return [rows.row_event(row) for row in found]

    def event_dicts(
        self, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """``[e.to_dict() for e in events(**filters, limit=..., offset=...)]``, read
        straight from the rows (the API's pages)."""
        check_page(limit, offset)
        where, args = _where(EventFilter.build(**filters))
        sql = f"SELECT * FROM events{where} ORDER BY event_date, event_id LIMIT ? OFFSET ?"
        with self._reading() as conn:
            found = conn.execute(sql, [*args, -1 if limit is None else limit, offset])
            return [rows.row_dict(row) for row in found]

    def _count(self, flt: EventFilter) -> int:
        where, args = _where(flt)
        with self._reading() as conn:
            (count,) = conn.execute(f"SELECT COUNT(*) FROM events{where}", args).fetchone()
        return int(count)

    def documents(self) -> list[Document]:
        """Every stored document (with comments), in the order they were saved."""
        with self._reading() as conn:
            docs = conn.execute("SELECT * FROM documents ORDER BY rowid").fetchall()
            return [rows.row_document(row, self._comments(conn, row["id"])) for row in docs]

    def document_summaries(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[DocumentSummary]:
        """Stored documents without their text, in the order they were saved."""
        check_page(limit, offset)
        sql = (
            "SELECT id, title, source, url, outlet, published, language, "
            "(SELECT COUNT(*) FROM comments c WHERE c.document_id = d.id) AS comment_count, "
            "json_extract(relevance, '$.relevant') AS relevant "
            "FROM documents d ORDER BY rowid LIMIT ? OFFSET ?"
        )
        with self._reading() as conn:
            found = conn.execute(sql, (-1 if limit is None else limit, offset)).fetchall()
        return [rows.row_summary(row) for row in found]

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self._reading() as conn:
            (count,) = conn.execute("SELECT COUNT(*) FROM documents").fetchone()
        return int(count)

    def document(self, document_id: str) -> Document | None:
        """One document with its comments, or None."""
        with self._reading() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
            return None if row is None else rows.row_document(row, self._comments(conn, row["id"]))

    def _comments(self, conn: sqlite3.Connection, document_id: str) -> list[Comment]:
        found = conn.execute(
            "SELECT * FROM comments WHERE document_id = ? ORDER BY position", (document_id,)
        )
        return [rows.row_comment(row) for row in found]

    def mentions(self, document_id: str) -> list[Mention]:
        """The document's mentions in the order they were saved."""
        with self._reading() as conn:
            found = conn.execute(
                "SELECT * FROM mentions WHERE document_id = ? ORDER BY position", (document_id,)
            )
            return [rows.row_mention(row) for row in found]

    def analysis(self, document_id: str) -> Analysis | None:
        """The stored document, its mentions and its events (in saved order), or None."""
        document = self.document(document_id)
        if document is None:
            return None
        with self._reading() as conn:
            found = conn.execute(
                "SELECT * FROM events WHERE document_id = ? ORDER BY position", (document_id,)
            )
            events = [rows.row_event(row) for row in found]
        return Analysis(document, self.mentions(document_id), events)

    # -- lifetime ---------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection; closing twice is harmless."""
        with self._lock, self._readers_lock:
            if not self._closed:
                for reader in self._readers:
                    reader.close()
                self._readers.clear()
                self._watch = None
                self._conn.close()
                self._closed = True
