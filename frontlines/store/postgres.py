"""The PostgreSQL/PostGIS store: the same contract as the SQLite one, for shared servers.

    with open_postgres_store("postgresql://user:pw@127.0.0.1:5432/frontlines") as store:
        store.save(analysis)
        store.events(bbox=(35.0, 32.0, 42.0, 37.5))   # GiST-indexed PostGIS query

Needs the optional ``psycopg`` driver (``pip install 'frontlines[postgres]'``) and a database
with the ``postgis`` extension (created on first use when the role may do so). One
connection, one lock, one transaction a save; saving the same page twice adds nothing
(``ON CONFLICT DO NOTHING`` on document ids and event ids). Reads borrow a connection from
a small pool (``pool_size``, opened as needed), so they run beside each other and the writer.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
from .pg_schema import POSTGIS_FIX, PostgisMissing, apply_migrations

if TYPE_CHECKING:
    import psycopg

    Conn = psycopg.Connection[dict[str, Any]]

SCHEMES = ("postgresql://", "postgres://")
_SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_INSERT_EVENT_COLUMNS = tuple(c for c in rows.EVENT_COLUMNS if c != "position")
_SPACE = " \t\n\r\f\v"


def is_postgres_url(db: object) -> bool:
    """True when ``db`` names a PostgreSQL database rather than a SQLite file."""
    return str(db).startswith(SCHEMES)


def mask_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages and logs)."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
        query = [
            (k, "***" if k == "password" else v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
        ]
        return urlunsplit(parts._replace(netloc=netloc, query=urlencode(query, safe="*")))
    except ValueError:
        return url.split("://", 1)[0] + "://***"


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        # && finds candidates through the GiST index (float4 boxes, rounded outwards);
        # the BETWEENs keep the edges exact, inclusive like every other backend.
        clauses.append(
            "geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
            " AND longitude BETWEEN %s AND %s AND latitude BETWEEN %s AND %s"
        )
        args += [west, south, east, north, west, east, south, north]
    more, more_args = scalar_clauses(flt, "%s")
    clauses += more
    args += more_args
    if flt.actor is not None:
        clauses.append(
            "%s <> '' AND (actor1 = %s OR actor2 = %s OR %s IN (SELECT btrim(part, %s) "
            "FROM unnest(string_to_array(assoc_actor_1 || ';' || assoc_actor_2, ';')) part))"
        )
        args += [flt.actor] * 4 + [_SPACE]
    if flt.source is not None:
        clauses.append("%s <> '' AND (source = %s OR source_url = %s OR (sources::jsonb) ? %s)")
        args += [flt.source] * 4
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _row(row: dict[str, Any]) -> Any:
    """A dict row in the shape ``rows`` reads (it indexes by column name)."""
    return cast(Any, row)


class PostgresStore(FilteredReads):
    """A :class:`~frontlines.store.base.Store` in a PostgreSQL database with PostGIS.

    The constructor only records ``url`` (and an optional ``schema`` to keep the tables
    in, created when missing); the connection opens, and migrations run, on first use or
    in :func:`open_postgres_store`.
    """

    def __init__(
        self,
        url: str,
        *,
        schema: str | None = None,
        connect_timeout: int = 10,
        pool_size: int = 8,
    ) -> None:
        if not is_postgres_url(url):
            raise StoreError(f"{mask_url(url)!r} is not a postgresql:// URL")
        if schema is not None and not _SCHEMA_NAME.fullmatch(schema):
            raise StoreError(f"schema {schema!r} must be lower-case letters, digits and _")
        self._url = url
        self._where = mask_url(url)
        self._schema = schema
        self._timeout = connect_timeout
        self._conn: Conn | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._idle: list[Conn] = []
        self._idle_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max(1, pool_size))

    @property
    def where(self) -> str:
        """The URL with its password masked."""
        return self._where

    # -- plumbing ---------------------------------------------------------------------

    def connect(self) -> None:
        """Connect and apply pending migrations now (otherwise done on first use)."""
        with self._locked():
            pass

    def _open(self) -> Conn:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL support needs the psycopg driver: pip install 'frontlines[postgres]'",
                source=self._where,
            ) from exc
        try:
            conn = psycopg.connect(
                self._url, autocommit=True, row_factory=dict_row, connect_timeout=self._timeout
            )
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL ({self._clean(exc)}); is the server running "
                "and are the host, port, user, password and database in the URL right?",
                source=self._where,
            ) from exc
        try:
            apply_migrations(conn, self._schema)
        except PostgisMissing as exc:
            conn.close()
            raise StoreError(f"{POSTGIS_FIX} ({exc})", source=self._where) from exc
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(
                f"could not migrate the store ({self._clean(exc)}); check the role may "
                "create tables in this database",
                source=self._where,
            ) from exc
        return conn

    def _clean(self, exc: Exception) -> str:
        """The driver's message on one line, with the URL's password never shown."""
        text = " ".join(str(exc).split())
        password = urlsplit(self._url).password
        return text.replace(password, "***") if password else text

    @contextmanager
    def _locked(self) -> Iterator[Conn]:
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed; open it again", source=self._where)
            if self._conn is not None and self._conn.closed:
                self._conn = None  # lost (server restart, idle timeout): connect again
            if self._conn is None:
                self._conn = self._open()
            import psycopg  # present: _open has succeeded

            try:
                yield self._conn
            except psycopg.Error as exc:
                raise StoreError(f"database error: {self._clean(exc)}", source=self._where) from exc

    @contextmanager
    def _reading(self) -> Iterator[Conn]:
        """A pooled read connection (migrations are applied first, on the writer's)."""
        if self._conn is None:
            self.connect()
        import psycopg

        with self._slots:
            with self._idle_lock:
                if self._closed:
                    raise StoreError("the store is closed; open it again", source=self._where)
                conn = self._idle.pop() if self._idle else None
            try:
                if conn is None or conn.closed:
                    conn = self._open_reader()
                yield conn
            except psycopg.Error as exc:
                if conn is not None:
                    conn.close()
                raise StoreError(f"database error: {self._clean(exc)}", source=self._where) from exc
            with self._idle_lock:
                if self._closed or conn.closed:
                    conn.close()
                else:
                    self._idle.append(conn)

    def _open_reader(self) -> Conn:
        import psycopg
        from psycopg.rows import dict_row

        conn = psycopg.connect(
            self._url, autocommit=True, row_factory=dict_row, connect_timeout=self._timeout
        )
        if self._schema is not None:
            conn.execute(
                "SELECT set_config('search_path', quote_ident(%s) || ', ' || "
                "current_setting('search_path'), false)",
                (self._schema,),
            )
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[Conn]:
        with self._locked() as conn, conn.transaction():
            yield conn

    # -- writing ----------------------------------------------------------------------

    def save(self, analysis: Analysis) -> SaveResult:
        """Save one analysed document in one transaction; saving it again adds nothing."""
        document = analysis.document
        doc_id = document_key(document)
        with self._transaction() as conn:
            new = self._insert_document(conn, document, doc_id)
            mentions_added = self._insert_mentions(conn, analysis.mentions, doc_id) if new else 0
            self._keep_signature(conn, analysis, doc_id)
            events_added = self._insert_events(conn, analysis.events, doc_id)
            dated = (
                0
                if new
                else fill_dates(
                    lambda sql, args: int(conn.execute(sql, args).rowcount), analysis, doc_id, "%s"
                )
            )
        return SaveResult(doc_id, new, events_added, mentions_added, dated)

    def _insert_document(self, conn: Conn, doc: Document, doc_id: str) -> bool:
        cols = ", ".join(rows.DOCUMENT_COLUMNS)
        marks = ", ".join(["%s"] * len(rows.DOCUMENT_COLUMNS))
        cur = conn.execute(
            f"INSERT INTO documents ({cols}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
            rows.document_row(doc, doc_id),
        )
        if cur.rowcount != 1:
            return False
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO comments ({', '.join(rows.COMMENT_COLUMNS)}) "
                f"VALUES ({', '.join(['%s'] * len(rows.COMMENT_COLUMNS))}) ON CONFLICT DO NOTHING",
                [rows.comment_row(c, doc_id, i) for i, c in enumerate(doc.comments)],
            )
        return True

    def _keep_signature(self, conn: Conn, analysis: Analysis, doc_id: str) -> None:
        """Store the copy signature of a document with events once (also for a document
        stored before signatures were, when it is saved again)."""
        if not needs_signature(analysis):
            return
        sql = "SELECT 1 FROM document_signatures WHERE document_id = %s"
        if conn.execute(sql, (doc_id,)).fetchone() is None:
            conn.execute(
                "INSERT INTO document_signatures VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (doc_id, signature_of(analysis)),
            )

    def signatures(self, document_ids: list[str]) -> dict[str, tuple[dt.date | None, bytes]]:
        """``{id: (published, packed copy signature)}`` of the given documents that have one."""
        out: dict[str, tuple[dt.date | None, bytes]] = {}
        with self._reading() as conn:
            for i in range(0, len(document_ids), SIGNATURE_CHUNK):
                found = conn.execute(
                    "SELECT d.id, d.published, s.signature FROM documents d "
                    "JOIN document_signatures s ON s.document_id = d.id "
                    "WHERE d.id = ANY(%s)",
                    (document_ids[i : i + SIGNATURE_CHUNK],),
                ).fetchall()
                for row in found:
                    out[row["id"]] = (published_date(row["published"]), bytes(row["signature"]))
        return out

    def _insert_mentions(self, conn: Conn, mentions: list[Mention], doc_id: str) -> int:
        cols = ", ".join(rows.MENTION_COLUMNS)
        marks = ", ".join(["%s"] * len(rows.MENTION_COLUMNS))
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO mentions ({cols}) VALUES ({marks})",
                [rows.mention_row(m, doc_id, i) for i, m in enumerate(mentions)],
            )
        return len(mentions)

    def _insert_events(self, conn: Conn, events: list[Event], doc_id: str) -> int:
        cols = ", ".join(_INSERT_EVENT_COLUMNS)
        marks = ", ".join(["%s"] * len(_INSERT_EVENT_COLUMNS))
        sql = f"INSERT INTO events ({cols}) VALUES ({marks}) ON CONFLICT (event_id) DO NOTHING"
        added = 0
        for event in events:
            owner = event.document_id or doc_id
            full = dict(
                zip(
                    rows.EVENT_COLUMNS,
                    rows.event_row(event, event_key(event, owner), owner, 0),
                    strict=True,
                )
            )
            cur = conn.execute(sql, [full[c] for c in _INSERT_EVENT_COLUMNS])
            added += max(cur.rowcount, 0)
        return added

    # -- reading ----------------------------------------------------------------------

    def _page(self, flt: EventFilter, limit: int | None, offset: int) -> list[Event]:
        where, args = _where(flt)
        sql = f"SELECT * FROM events{where} ORDER BY event_date, event_id LIMIT %s OFFSET %s"
        with self._reading() as conn:
            found = conn.execute(sql, [*args, limit, offset]).fetchall()
        return [rows.row_event(_row(row)) for row in found]

    def _count(self, flt: EventFilter) -> int:
        where, args = _where(flt)
        with self._reading() as conn:
            row = conn.execute(f"SELECT COUNT(*) AS n FROM events{where}", args).fetchone()
        return int(row["n"]) if row else 0

    def documents(self) -> list[Document]:
        """Every stored document (with comments), in the order they were saved."""
        with self._reading() as conn:
            docs = conn.execute("SELECT * FROM documents ORDER BY seq").fetchall()
            return [rows.row_document(_row(d), self._comments(conn, d["id"])) for d in docs]

    def document_summaries(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[DocumentSummary]:
        """Stored documents without their text, in the order they were saved."""
        check_page(limit, offset)
        sql = (
            "SELECT id, title, source, url, outlet, published, language, "
            "(SELECT COUNT(*) FROM comments c WHERE c.document_id = d.id) AS comment_count, "
            "(relevance::jsonb ->> 'relevant')::boolean AS relevant "
            "FROM documents d ORDER BY seq LIMIT %s OFFSET %s"
        )
        with self._reading() as conn:
            found = conn.execute(sql, (limit, offset)).fetchall()
        return [rows.row_summary(_row(row)) for row in found]

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self._reading() as conn:
            row = conn.execute("SELECT COUNT(*) AS n FROM documents").fetchone()
        return int(row["n"]) if row else 0

    def state(self) -> str:
        """A token that changes whenever any transaction that wrote commits: the next
        transaction id of the server's snapshot (read-only transactions take none)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax"
            ).fetchone()
        return str(row["xmax"]) if row else ""

    def document(self, document_id: str) -> Document | None:
        """One document with its comments, or None."""
        with self._reading() as conn:
            row = conn.execute("SELECT * FROM documents WHERE id = %s", (document_id,)).fetchone()
            if row is None:
                return None
            return rows.row_document(_row(row), self._comments(conn, row["id"]))

    def _comments(self, conn: Conn, document_id: str) -> list[Comment]:
        found = conn.execute(
            "SELECT * FROM comments WHERE document_id = %s ORDER BY position", (document_id,)
        ).fetchall()
        return [rows.row_comment(_row(row)) for row in found]

    def mentions(self, document_id: str) -> list[Mention]:
        """The document's mentions in the order they were saved."""
        with self._reading() as conn:
            found = conn.execute(
                "SELECT * FROM mentions WHERE document_id = %s ORDER BY position", (document_id,)
            ).fetchall()
        return [rows.row_mention(_row(row)) for row in found]

    def analysis(self, document_id: str) -> Analysis | None:
        """The stored document, its mentions and its events (in saved order), or None."""
        document = self.document(document_id)
        if document is None:
            return None
        with self._reading() as conn:
            found = conn.execute(
                "SELECT * FROM events WHERE document_id = %s ORDER BY position", (document_id,)
            ).fetchall()
        events = [rows.row_event(_row(row)) for row in found]
        return Analysis(document, self.mentions(document_id), events)

    # -- lifetime ---------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection (if any was opened); closing twice is harmless."""
        with self._lock, self._idle_lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            for conn in self._idle:
                conn.close()
            self._idle.clear()
            self._closed = True


def open_postgres_store(url: str, *, schema: str | None = None) -> PostgresStore:
    """Connect to ``url``, apply pending migrations, and return the store.

    Raises :class:`StoreError` naming the URL (password masked) and the likely fix when
    the driver is missing, the server cannot be reached, or PostGIS is not installed.
    """
    store = PostgresStore(url, schema=schema)
    store.connect()
    return store
