"""PostgreSQL/PostGIS-specific behaviour, and the fixtures the contract suite reuses.

The server comes from ``FRONTLINES_TEST_PG`` (``scripts/ci_postgres.sh`` starts one and
prints it). Unset or unreachable: these tests skip with the reason, except under
``CI=true``, where they fail. Every test gets a fresh schema, dropped afterwards.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.errors import StoreError
from frontlines.records import Analysis
from frontlines.store import Store
from frontlines.store.base import EventFilter
from frontlines.store.pg_schema import MIGRATIONS
from frontlines.store.postgres import (
    PostgresStore,
    _where,
    is_postgres_url,
    mask_url,
    open_postgres_store,
)

from .records_factory import make_analysis, make_document, make_event

ENV = "FRONTLINES_TEST_PG"


def _unavailable(reason: str) -> None:
    message = f"{reason}; run `source scripts/ci_postgres.sh` to start one and set {ENV}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true needs PostgreSQL/PostGIS: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The test server's URL, checked once per session (PostGIS included)."""
    url = os.environ.get(ENV, "")
    if not url:
        _unavailable(f"{ENV} is not set")
    try:
        import psycopg
    except ImportError:
        _unavailable("the psycopg driver is missing (pip install 'psycopg[binary]')")
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute(
                "SELECT extversion FROM pg_extension WHERE extname = 'postgis'"
            ).fetchone()
    except psycopg.Error as exc:
        _unavailable(f"cannot reach {mask_url(url)} ({' '.join(str(exc).split())})")
    if row is None:
        _unavailable(f"{mask_url(url)} has no postgis extension (CREATE EXTENSION postgis)")
    return url


def _sql(url: str, schema: str, query: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one query on a side connection whose search_path starts at ``schema``."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT set_config('search_path', %s || ', public', false)", (schema,))
        cur = conn.execute(query.encode(), args)
        return cur.fetchall() if cur.description else []


@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[str]:
    """A fresh schema name, dropped with everything in it after the test."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    yield schema
    _sql(pg_url, "public", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def pg_store(pg_url: str, pg_schema: str) -> Iterator[PostgresStore]:
    with open_postgres_store(pg_url, schema=pg_schema) as store:
        yield store


# -- without a server ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql://u:s3cret@db:5432/x", "postgresql://u:***@db:5432/x"),
        ("postgres://u@db/x", "postgres://u@db/x"),
        (
            "postgresql://db/x?password=s3cret&sslmode=require",
            "postgresql://db/x?password=***&sslmode=require",
        ),
    ],
)
def test_mask_url_hides_passwords(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_url_recognition() -> None:
    assert is_postgres_url("postgresql://db/x") and is_postgres_url("postgres://db/x")
    assert not is_postgres_url("store.sqlite") and not is_postgres_url(":memory:")


def test_constructor_does_no_io_and_checks_arguments() -> None:
    store = PostgresStore("postgresql://u:pw@127.0.0.1:1/nowhere")
    assert isinstance(store, Store)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.events()
    with pytest.raises(StoreError, match="not a postgresql"):
        PostgresStore("store.sqlite")
    with pytest.raises(StoreError, match="schema"):
        PostgresStore("postgresql://db/x", schema="Robert'); DROP TABLE")


def test_unreachable_server_names_url_and_fix_without_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as info:
        open_postgres_store("postgresql://u:s3cret@127.0.0.1:1/x")
    text = str(info.value)
    assert "postgresql://u:***@127.0.0.1:1/x" in text
    assert "is the server running" in text
    assert "s3cret" not in text


def test_bbox_sql_uses_the_envelope_operator() -> None:
    where, args = _where(EventFilter.build(bbox=(1.0, 2.0, 3.0, 4.0)))
    assert "geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)" in where
    assert args[:4] == [1.0, 2.0, 3.0, 4.0]


# -- against the server -------------------------------------------------------------------


def test_schema_has_postgis_point_gist_index_and_migrations(
    pg_store: PostgresStore, pg_url: str, pg_schema: str
) -> None:
    pg_store.save(make_analysis())
    [(kind, srid)] = _sql(
        pg_url,
        pg_schema,
        "SELECT type, srid FROM geometry_columns WHERE f_table_schema = %s "
        "AND f_table_name = 'events' AND f_geometry_column = 'geom'",
        (pg_schema,),
    )
    assert (kind, srid) == ("POINT", 4326)
    indexes = dict(
        _sql(
            pg_url,
            pg_schema,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s",
            (pg_schema,),
        )
    )
    assert "USING gist (geom)" in indexes["events_geom"]
    assert "event_date" in indexes["events_date"]
    names = [r[0] for r in _sql(pg_url, pg_schema, "SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_geometry_is_built_from_coordinates(
    pg_store: PostgresStore, pg_url: str, pg_schema: str
) -> None:
    events = [
        make_event("p", latitude=36.5, longitude=38.25),
        make_event("n", latitude=None, longitude=None),
    ]
    pg_store.save(make_analysis(events=events))
    got = dict(
        (r[0], (r[1], r[2]))
        for r in _sql(pg_url, pg_schema, "SELECT event_id, ST_X(geom), ST_Y(geom) FROM events")
    )
    assert got == {"p": (38.25, 36.5), "n": (None, None)}


def test_bbox_query_uses_the_gist_index(
    pg_store: PostgresStore, pg_url: str, pg_schema: str
) -> None:
    pg_store.save(make_analysis())
    where, args = _where(EventFilter.build(bbox=(38.0, 36.0, 39.0, 37.0)))
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SELECT set_config('search_path', %s || ', public', false)", (pg_schema,))
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(
            r[0] for r in conn.execute(f"EXPLAIN SELECT * FROM events{where}".encode(), args)
        )
    assert "events_geom" in plan


def test_bbox_edges_are_exact_and_inclusive(pg_store: PostgresStore) -> None:
    events = [
        make_event("edge", latitude=36.0, longitude=38.0),
        make_event("just-out", latitude=36.0, longitude=37.9999999),
        make_event("far", latitude=10.0, longitude=10.0),
        make_event("none", latitude=None, longitude=None),
    ]
    pg_store.save(make_analysis(events=events))
    bbox = (38.0, 36.0, 39.0, 37.0)
    assert [e.event_id for e in pg_store.events(bbox=bbox)] == ["edge"]
    assert pg_store.count_events(bbox=bbox) == 1


def test_rerun_adds_no_rows(pg_store: PostgresStore, pg_url: str, pg_schema: str) -> None:
    def counts() -> list[int]:
        return [
            _sql(pg_url, pg_schema, f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("documents", "comments", "mentions", "events")
        ]

    first = pg_store.save(make_analysis())
    before = counts()
    again = pg_store.save(make_analysis())
    assert before == [1, 2, 2, 2]
    assert counts() == before
    assert (first.document_new, again.document_new, again.events_added) == (True, False, 0)


def test_reopening_keeps_data_and_migrates_once(pg_url: str, pg_schema: str) -> None:
    with open_postgres_store(pg_url, schema=pg_schema) as store:
        store.save(make_analysis())
    with PostgresStore(pg_url, schema=pg_schema) as store:
        assert store.count_events() == 2
        assert store.save(make_analysis()).events_added == 0
    assert _sql(pg_url, pg_schema, "SELECT COUNT(*) FROM migrations")[0][0] == len(MIGRATIONS)


def test_concurrent_opens_and_saves_do_not_race(pg_url: str, pg_schema: str) -> None:
    errors: list[BaseException] = []
    results: list[bool] = []

    def work(i: int) -> None:
        try:
            with open_postgres_store(pg_url, schema=pg_schema) as store:
                doc = Analysis(make_document(f"doc-{i % 2}"), events=[make_event(f"e{i}")])
                results.append(store.save(doc).document_new)
        except BaseException as exc:  # collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [False, False, False, False, True, True]
    with PostgresStore(pg_url, schema=pg_schema) as store:
        assert store.count_events() == 6
        assert len(store.documents()) == 2


def test_failed_save_leaves_nothing_behind(pg_store: PostgresStore) -> None:
    bad = make_analysis(events=[make_event("ok"), make_event("bad", time_precision="x")])
    with pytest.raises(StoreError, match="database error"):
        pg_store.save(bad)
    assert pg_store.documents() == []
    assert pg_store.count_events() == 0
    assert pg_store.save(make_analysis()).document_new is True


def test_lost_connection_fails_once_then_reconnects(pg_store: PostgresStore, pg_url: str) -> None:
    pg_store.save(make_analysis())
    pid = pg_store._conn.info.backend_pid if pg_store._conn else 0
    _sql(pg_url, "public", "SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError, match="database error"):
        pg_store.save(make_analysis("doc-9"))
    pg_store.save(make_analysis("doc-9"))
    assert pg_store.count_documents() == 2
    # reads run on pooled connections: a lost one fails once, the next read opens another
    [reader] = pg_store._idle
    _sql(pg_url, "public", "SELECT pg_terminate_backend(%s)", (reader.info.backend_pid,))
    with pytest.raises(StoreError, match="database error"):
        pg_store.count_events()
    assert pg_store.count_events() == 2


def test_reads_run_beside_a_busy_writer(pg_store: PostgresStore) -> None:
    import threading

    pg_store.save(make_analysis())
    counts: list[int] = []
    with pg_store._lock:  # the writer is busy
        worker = threading.Thread(target=lambda: counts.append(pg_store.count_events()))
        worker.start()
        worker.join(timeout=30)
    assert counts == [2]
    assert pg_store.document_summaries()[0].id == "doc-1" and pg_store.state()


def test_missing_postgis_names_the_fix(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.store import postgres
    from frontlines.store.pg_schema import PostgisMissing

    def no_postgis(*_: object) -> list[str]:
        raise PostgisMissing('permission denied to create extension "postgis"')

    monkeypatch.setattr(postgres, "apply_migrations", no_postgis)
    with pytest.raises(StoreError, match="CREATE EXTENSION postgis") as info:
        open_postgres_store(pg_url)
    assert "postgresql-15-postgis-3" in str(info.value)
    assert mask_url(pg_url) in str(info.value)


def test_a_saved_document_keeps_its_copy_signature_once(pg_store: PostgresStore) -> None:
    from frontlines.events.copies import signature

    analysis = make_analysis()
    pg_store.save(analysis)
    pg_store.save(make_analysis())
    found = pg_store.signatures(["doc-1", "missing"])
    assert list(found) == ["doc-1"]
    assert found["doc-1"] == (analysis.document.published, signature(analysis.document.text).pack())
