"""Named, ordered schema migrations for the SQLite store.

Each migration runs once, in its own transaction, and is recorded in the ``migrations``
table (``name``, ``applied_at``); whether it is recorded is checked again inside that
transaction, so that processes creating the same store at once each apply it or skip it. Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..errors import StoreError
from ..records import COMMENT, FLAGGED_WARNING

# A partial index of the events drawn from flagged comments; its WHERE is repeated word for
# word in ``store.base.FLAGGED_EVENTS`` so that the planners use it.
FLAGGED_WHERE = f"source_part = '{COMMENT}' AND warnings LIKE '%{FLAGGED_WARNING}%'"
FLAGGED_INDEX = f"CREATE INDEX events_flagged ON events (event_id) WHERE {FLAGGED_WHERE}"

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "0001_initial",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, title TEXT NOT NULL,
                text TEXT NOT NULL, published TEXT, published_from TEXT NOT NULL,
                outlet TEXT, language TEXT NOT NULL, kind TEXT NOT NULL,
                furniture TEXT NOT NULL, map_images TEXT NOT NULL, warnings TEXT NOT NULL,
                ingested_at TEXT NOT NULL)""",
            """CREATE TABLE comments (
                document_id TEXT NOT NULL REFERENCES documents(id), id TEXT NOT NULL,
                position INTEGER NOT NULL, author TEXT NOT NULL, parent TEXT,
                depth INTEGER NOT NULL, text TEXT NOT NULL, published TEXT,
                PRIMARY KEY (document_id, id))""",
            """CREATE TABLE mentions (
                document_id TEXT NOT NULL REFERENCES documents(id),
                position INTEGER NOT NULL, source_part TEXT NOT NULL, comment_id TEXT,
                "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
                place_id TEXT, place TEXT, precision INTEGER NOT NULL,
                relation TEXT NOT NULL, kind TEXT NOT NULL, score REAL NOT NULL)""",
            "CREATE INDEX mentions_document ON mentions (document_id, position)",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY, document_id TEXT NOT NULL,
                event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
                actor1 TEXT NOT NULL, evidence_start INTEGER NOT NULL,
                evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
                event_date TEXT NOT NULL, time_precision INTEGER NOT NULL,
                disorder_type TEXT NOT NULL, assoc_actor_1 TEXT NOT NULL,
                inter1 INTEGER NOT NULL, actor2 TEXT NOT NULL, assoc_actor_2 TEXT NOT NULL,
                inter2 INTEGER NOT NULL, interaction INTEGER NOT NULL,
                civilian_targeting TEXT NOT NULL, iso INTEGER, region TEXT NOT NULL,
                country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL,
                admin3 TEXT NOT NULL, location TEXT NOT NULL, latitude REAL, longitude REAL,
                geo_precision INTEGER NOT NULL, fatalities INTEGER NOT NULL,
                fatalities_known INTEGER NOT NULL, notes TEXT NOT NULL,
                source_part TEXT NOT NULL, comment_id TEXT, credibility TEXT NOT NULL,
                source TEXT NOT NULL, source_url TEXT NOT NULL, place_id TEXT NOT NULL,
                warnings TEXT NOT NULL, sources TEXT NOT NULL, position INTEGER NOT NULL)""",
            "CREATE INDEX events_bbox ON events (latitude, longitude)",
            "CREATE INDEX events_date ON events (event_date)",
            "CREATE INDEX events_document ON events (document_id, position)",
            "CREATE INDEX events_type ON events (event_type, sub_event_type)",
        ),
    ),
    (
        # Bounding box + time range answered from the index alone (p99 ~17 ms at 1M events,
        # benchmarks/store_latency.py); the date-only index becomes redundant.
        "0002_events_date_point",
        (
            "CREATE INDEX events_date_point ON events (event_date, event_id, latitude, longitude)",
            "DROP INDEX IF EXISTS events_date",
        ),
    ),
    (
        # the relevance decision (frontlines.relevance) as JSON; NULL when none was made
        "0003_document_relevance",
        ("ALTER TABLE documents ADD COLUMN relevance TEXT",),
    ),
    (
        # why each event's place was chosen (extract's one scored choice of place)
        "0004_events_location_reason",
        ("ALTER TABLE events ADD COLUMN location_reason TEXT NOT NULL DEFAULT ''",),
    ),
    (
        # each comment's signals (frontlines.extract.threads) as a JSON list
        "0005_comment_signals",
        ("ALTER TABLE comments ADD COLUMN signals TEXT NOT NULL DEFAULT '[]'",),
    ),
    (
        # frontlines watch: each feed's HTTP validators and back-off, and the items seen
        "0006_watch_state",
        (
            """CREATE TABLE watch_feeds (
                url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
                failures INTEGER NOT NULL DEFAULT 0, polled_at TEXT)""",
            """CREATE TABLE watch_seen (
                url TEXT NOT NULL, item TEXT NOT NULL, seen_at TEXT NOT NULL,
                PRIMARY KEY (url, item))""",
        ),
    ),
    (
        # the events drawn from flagged comments (frontlines.extract.threads), few or none:
        # /api/events leaves them out without reading every row it counts
        "0007_events_flagged_index",
        (FLAGGED_INDEX,),
    ),
    (
        # each document's copy signature (frontlines.events.copies), made when it is saved
        "0008_document_signatures",
        (
            """CREATE TABLE document_signatures (
                document_id TEXT PRIMARY KEY REFERENCES documents(id),
                signature BLOB NOT NULL)""",
        ),
    ),
)


def _ensure_table(conn: sqlite3.Connection) -> set[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT name FROM migrations")}


def apply_migrations(conn: sqlite3.Connection, *, where: str) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``); each migration is
    wrapped in its own ``BEGIN IMMEDIATE`` ... ``COMMIT``.
    """
    applied: list[str] = []
    try:
        done = _ensure_table(conn)
        for name, statements in MIGRATIONS:
            if name in done:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have applied it since ``done`` was read: look
                # again now that this connection holds the write lock.
                if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                    conn.execute("COMMIT")
                    continue
                for statement in statements:
                    conn.execute(statement)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                conn.execute("INSERT INTO migrations VALUES (?, ?)", (name, now))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            applied.append(name)
    except sqlite3.Error as exc:
        raise StoreError(
            f"could not migrate the store ({exc}); check the file is a frontlines "
            "SQLite store and is writable",
            source=where,
        ) from exc
    return applied
