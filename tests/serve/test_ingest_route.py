"""POST /api/ingest: token first, private addresses refused, pages stored once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from frontlines import Settings
from frontlines.ingest import MemoryFetcher
from frontlines.serve import create_app
from frontlines.store import MemoryStore

AUTH = {"Authorization": "Bearer t0ken"}
PAGE = (b"<html><head><title>SDF captures Hajin</title></head><body><article><p>On Friday, the "
        b"Syrian Democratic Forces (SDF) captured the town of Hajin from ISIS after heavy clashes."
        b"</p></article></body></html>")  # fmt: skip


def _client(store: MemoryStore, gazetteer_file: Path, fetcher: Any = None) -> TestClient:
    app = create_app(lambda: store, token="t0ken", settings=Settings(gazetteer_path=gazetteer_file))
    app.state.fetcher = fetcher
    return TestClient(app)


def test_ingest_needs_the_token_before_anything_else(gazetteer_file: Path) -> None:
    client = _client(MemoryStore(), gazetteer_file)
    assert client.post("/api/ingest", json={"url": "http://127.0.0.1/"}).status_code == 401
    assert client.post("/api/ingest", content=b"not json").status_code == 401


def test_private_addresses_are_refused(gazetteer_file: Path) -> None:
    client = _client(MemoryStore(), gazetteer_file)
    for url in ("http://127.0.0.1/page", "http://10.0.0.5/x", "http://[::1]/"):
        r = client.post("/api/ingest", json={"url": url}, headers=AUTH)
        assert r.status_code == 400, r.text
        assert "url" in r.text


def test_ingest_stores_once(gazetteer_file: Path) -> None:
    store = MemoryStore()
    fetcher = MemoryFetcher({"https://news.example/hajin": ("text/html", PAGE)})
    client = _client(store, gazetteer_file, fetcher)
    body = {"url": "https://news.example/hajin", "published": "2018-12-15"}
    first = client.post("/api/ingest", json=body, headers=AUTH)
    assert first.status_code == 201, first.text
    assert first.json()["events_added"] >= 1
    again = client.post("/api/ingest", json=body, headers=AUTH).json()
    assert again["documents_new"] == 0 and again["events_added"] == 0
