"""GET / serves the full-size map app from the store, offline and escaped."""

from __future__ import annotations

from fastapi.testclient import TestClient

from frontlines import Analysis, Document, Event, Span
from frontlines.serve import create_app
from frontlines.store import MemoryStore


def _store() -> MemoryStore:
    store = MemoryStore()
    doc = Document(id="sha256:x", source="page.html", title="<script>alert(1)</script>", text="t")
    ev = Event(
        "Battles", "Armed clash", "Military Forces of Syria (2000-)",
        Span(0, 1, "<img src=x onerror=alert(1)>"), event_date="2018-05-01",
        latitude=35.0, longitude=40.4, location="Al Mayadin", document_id=doc.id, event_id="e1",
    )  # fmt: skip
    store.save(Analysis(document=doc, events=[ev]))
    return store


def test_index_is_the_map_app_with_escaped_data() -> None:
    store = _store()
    client = TestClient(create_app(lambda: store))
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "maplibregl" in html
    assert "<img src=x" not in html and "<script>alert(1)" not in html
    assert 'src="http' not in html and '<link href="http' not in html


def test_rejected_events_leave_the_map(monkeypatch: object) -> None:
    store = _store()
    client = TestClient(create_app(lambda: store, token="s3cret"))
    r = client.post("/api/events/e1/review", json={"action": "reject"},
                    headers={"Authorization": "Bearer s3cret"})  # fmt: skip
    assert r.status_code in (200, 201), r.text
    assert "Al Mayadin" not in client.get("/").text


def test_tiled_map_reads_its_tiles_from_the_server_with_ranges() -> None:
    store = _store()
    with TestClient(create_app(lambda: store, tiles="always")) as client:
        html = client.get("/").text
        assert '"url":"/tiles/events.pmtiles"' in html and "pmtiles" in html
        assert "<img src=x" not in html
        whole = client.get("/tiles/events.pmtiles")
        assert whole.status_code == 200 and whole.content[:7] == b"PMTiles"
        part = client.get("/tiles/events.pmtiles", headers={"Range": "bytes=0-126"})
        assert part.status_code == 206 and part.content == whole.content[:127]


def test_small_stores_stay_inline_by_default() -> None:
    store = _store()
    html = TestClient(create_app(lambda: store)).get("/").text
    assert "/tiles/events.pmtiles" not in html and 'id="frontlines-tiles"' not in html


def test_tiles_are_written_by_the_process_asked_for_them() -> None:
    # with several server processes the page and its tiles may come from different ones
    store = _store()
    with TestClient(create_app(lambda: store, tiles="always")) as client:
        first = client.get("/tiles/events.pmtiles")
        assert first.status_code == 200 and first.content[:7] == b"PMTiles"
    with TestClient(create_app(MemoryStore, tiles="always")) as client:
        assert client.get("/tiles/events.pmtiles").status_code == 404  # nothing to draw
