"""The server holds under load: the map page cached per store state (ETag, 304), reviews
read once per state, documents listed without their text, every parameter bounded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontlines.records import Analysis, Document
from frontlines.serve import MemoryReviewLog, create_app
from frontlines.serve.reviews import Review
from frontlines.store import MemoryStore, SqliteStore, Store

from .conftest import AUTH, TOKEN, filled_store, make_analysis


class CountingStore:
    """A store that counts full event reads (and may refuse to load whole documents)."""

    def __init__(self, inner: Store, *, texts: bool = True) -> None:
        self.inner = inner
        self.texts = texts
        self.full_reads = 0

    def events(self, **kw: Any) -> Any:
        if kw.get("limit") is None:
            self.full_reads += 1
        return self.inner.events(**kw)

    def documents(self) -> list[Document]:
        if not self.texts:
            raise AssertionError("whole documents (with their text) were loaded")
        return self.inner.documents()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class CountingReviews(MemoryReviewLog):
    def __init__(self) -> None:
        super().__init__()
        self.latest_reads = 0

    def latest(self) -> dict[str, list[Review]]:
        self.latest_reads += 1
        return super().latest()


def test_map_page_is_built_once_per_store_state() -> None:
    store = CountingStore(filled_store())
    client = TestClient(create_app(lambda: store))  # type: ignore[arg-type,return-value]
    first = client.get("/")
    second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert store.full_reads == 1 and first.text == second.text
    etag = first.headers["etag"]
    assert etag.startswith('"') and second.headers["etag"] == etag
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert store.full_reads == 1
    store.inner.save(Analysis(Document("doc-3", "c.txt", "New page", "Text.")))
    changed = client.get("/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert store.full_reads == 2


def test_a_review_changes_the_map_page_etag() -> None:
    client = TestClient(create_app(filled_store, token=TOKEN))
    etag = client.get("/").headers["etag"]
    client.post("/api/events/ev-1/review", json={"action": "reject"}, headers=AUTH)
    assert client.get("/", headers={"If-None-Match": etag}).status_code == 200


def test_reviews_are_read_once_per_state() -> None:
    reviews = CountingReviews()
    client = TestClient(create_app(filled_store, token=TOKEN, reviews=reviews))
    for _ in range(3):
        assert client.get("/api/events").status_code == 200
    assert reviews.latest_reads == 1
    client.post("/api/events/ev-1/review", json={"action": "reject"}, headers=AUTH)
    body = client.get("/api/events").json()
    assert "ev-1" not in [f["id"] for f in body["features"]]
    assert reviews.latest_reads == 2


def test_documents_are_listed_without_their_text() -> None:
    store = CountingStore(filled_store(), texts=False)
    client = TestClient(create_app(lambda: store))  # type: ignore[arg-type,return-value]
    body = client.get("/api/documents?limit=1").json()
    assert body["total"] == 2 and body["documents"][0]["id"] == "doc-1"
    assert body["documents"][0]["comment_count"] == 2
    assert "text" not in body["documents"][0]
    assert client.get("/api/documents/doc-1").json()["text"].startswith("Clashes")


@pytest.fixture
def sqlite_client(tmp_path: Path) -> TestClient:
    def factory() -> Store:
        store = SqliteStore.open(tmp_path / "s.sqlite")
        store.save(make_analysis())
        return store

    return TestClient(create_app(factory))


@pytest.mark.parametrize(
    "query",
    [
        "/api/events?offset=9223372036854775808",
        "/api/events?offset=9223372036854775807",
        "/api/events?offset=99999999999999999999999999",
        "/api/events?limit=-1",
        "/api/events?limit=１２",
        "/api/events?offset=1e3",
        "/api/documents?offset=9223372036854775808",
        "/api/events?bbox=nan,nan,nan,nan",
        "/api/events?bbox=-inf,-90,inf,90",
        "/api/events?start=99999-01-01",
        "/api/events?actor=" + "x" * 5000,
        "/api/events?include_rejected=" + "y" * 5000,
        "/api/control?at=2018-01-01&bbox=" + "1," * 3000,
    ],
)
def test_every_parameter_is_bounded(sqlite_client: TestClient, query: str) -> None:
    response = sqlite_client.get(query)
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "bad_parameter"


def test_large_but_bounded_offset_is_an_empty_page(sqlite_client: TestClient) -> None:
    body = sqlite_client.get("/api/events?offset=10000000").json()
    assert body["features"] == [] and body["total"] == 9 and body["next"] is None


def test_memory_store_state_changes_with_saves() -> None:
    store = MemoryStore()
    before = store.state()
    assert store.state() == before
    store.save(make_analysis())
    assert store.state() != before


def test_map_page_built_in_a_child_process(tmp_path: Path) -> None:
    from frontlines.config import Settings
    from frontlines.serve.run import map_builder_for, review_log_for

    path = tmp_path / "s.sqlite"
    with SqliteStore.open(path) as store:
        store.save(make_analysis())
    builder = map_builder_for(path, Settings())
    assert builder is not None and map_builder_for(":memory:", Settings()) is None
    app = create_app(lambda: SqliteStore.open(path), reviews=review_log_for(path),
                     map_builder=builder)  # fmt: skip
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and "maplibregl" in page.text
        assert "Palmyra" in page.text and page.headers["etag"]


def test_a_page_with_tiles_is_built_in_the_child_and_its_archive_served_here(
    tmp_path: Path,
) -> None:
    from frontlines.config import Settings
    from frontlines.serve.run import map_builder_for, review_log_for
    from frontlines.serve.tiles import TILES_PATH

    path = tmp_path / "s.sqlite"
    with SqliteStore.open(path) as store:
        store.save(make_analysis())
    builder = map_builder_for(path, Settings())
    app = create_app(lambda: SqliteStore.open(path), reviews=review_log_for(path),
                     map_builder=builder, tiles="always")  # fmt: skip
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and TILES_PATH in page.text
        assert builder is not None and builder._pool is not None  # the child built it
        current = app.state.tile_cache.current
        assert current is not None and current.path.parent == app.state.tile_cache.folder()
        archive = client.get(TILES_PATH, headers={"Range": "bytes=0-6"})
        assert archive.status_code in (200, 206) and archive.content[:7] == b"PMTiles"
