"""SQLite-specific behaviour: migrations, files, transactions, threads, round-trips."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.errors import StoreError
from frontlines.records import Analysis, Document, Event, Relevance, Span
from frontlines.store import MemoryStore, SqliteStore, open_store
from frontlines.store.migrations import MIGRATIONS

from .records_factory import make_analysis, make_event


def test_open_store_makes_sqlite_and_records_migrations(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    with open_store(path) as store:
        assert isinstance(store, SqliteStore)
        store.save(make_analysis())
    conn = sqlite3.connect(path)
    names = [row[0] for row in conn.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_bbox", "events_date_point"} <= indexes
    conn.close()


def test_reopening_keeps_data_and_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    with open_store(path) as store:
        store.save(make_analysis())
    with open_store(str(path)) as store:
        assert store.count_events() == 2
        assert store.save(make_analysis()).events_added == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_memory_path_is_sqlite_in_memory() -> None:
    with open_store(":memory:") as store:
        assert isinstance(store, SqliteStore)


@pytest.mark.parametrize(
    "url", ["postgresql://u:secret@127.0.0.1:1/x", "postgres://u:secret@127.0.0.1:1/x"]
)
def test_unreachable_postgres_names_the_fix_without_the_password(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "secret" not in str(info.value)
    assert "is the server running" in str(info.value)


def test_unopenable_path_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(blocker / "sub" / "db.sqlite")


def test_not_a_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.sqlite"):
        open_store(path)


def test_failed_save_leaves_nothing_behind(tmp_path: Path) -> None:
    bad = make_event("bad", warnings=[object()])  # not JSON: fails after the document insert
    with open_store(tmp_path / "f.sqlite") as store:
        with pytest.raises(TypeError):
            store.save(make_analysis(events=[make_event("ok"), bad]))
        assert store.documents() == []
        assert store.count_events() == 0
        assert store.save(make_analysis()).document_new


def test_threads_share_one_writer(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with open_store(tmp_path / "f.sqlite") as store:

        def work(n: int) -> None:
            try:
                events = [make_event(f"t{n}-{i}") for i in range(5)]
                store.save(make_analysis(doc_id=f"doc-{n % 3}", events=events))
                store.events(limit=3)
            except BaseException as exc:  # collected and re-checked below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert store.count_events() == 40
        assert len(store.documents()) == 3


_text = st.text(max_size=40) | st.sampled_from(["<script>x</script>", "ü\u2028\x00", "'; DROP"])
_floats = st.floats(allow_nan=False, allow_infinity=False)
_ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@st.composite
def events(draw: st.DrawFn) -> Event:
    return Event(
        event_type=draw(_text),
        sub_event_type=draw(_text),
        actor1=draw(_text),
        evidence=Span(draw(_ints), draw(_ints), draw(_text)),
        event_date=draw(_text),
        time_precision=draw(_ints),
        notes=draw(_text),
        latitude=draw(st.none() | _floats),
        longitude=draw(st.none() | _floats),
        iso=draw(st.none() | _ints),
        fatalities=draw(_ints),
        fatalities_known=draw(st.booleans()),
        source_part=draw(st.sampled_from(["article", "comment"])),
        comment_id=draw(st.none() | _text),
        credibility=draw(st.sampled_from(["high", "medium", "low"])),
        document_id=draw(_text.filter(bool)),
        warnings=draw(st.lists(_text, max_size=3)),
        sources=draw(st.lists(_text, max_size=3)),
        event_id=draw(_text.filter(bool)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events())
def test_any_event_round_trips_equal(event: Event) -> None:
    for backend in (SqliteStore.open(":memory:"), MemoryStore()):
        with backend as store:
            store.save(make_analysis(events=[event]))
            assert store.events() == [event]


def test_relevance_is_stored(tmp_path: Path) -> None:
    doc = Document(id="d1", source="s", title="t", text="x", language="de",
                   relevance=Relevance(False, 0.1, 0.2, ["sport: match"]))  # fmt: skip
    with open_store(str(tmp_path / "r.sqlite")) as store:
        store.save(Analysis(document=doc))
        back = store.document("d1")
    assert back is not None and back.relevance is not None
    assert back.language == "de"
    assert back.relevance.reasons == ["sport: match"] and not back.relevance.relevant


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.sets(st.sampled_from(
    ["e1", "e2", "e3", "e4"]), max_size=3)), max_size=12))  # fmt: skip
def test_any_sequence_of_saves_keeps_each_document_and_event_once(
    saves: list[tuple[str, set[str]]],
) -> None:
    for backend in (SqliteStore.open(":memory:"), MemoryStore()):
        with backend as store:
            added = 0
            for doc_id, event_ids in saves:
                events = [
                    make_event(f"{doc_id}-{e}", document_id=doc_id) for e in sorted(event_ids)
                ]
                added += store.save(make_analysis(doc_id, events=events)).events_added
            wanted = {f"{d}-{e}" for d, es in saves for e in es}
            assert {e.event_id for e in store.events()} == wanted and added == len(wanted)
            assert {d.id for d in store.documents()} == {d for d, _ in saves}
