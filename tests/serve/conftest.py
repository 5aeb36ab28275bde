"""A small store of hand-built events for the API tests."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from frontlines.records import Analysis, Comment, Document, Event, Mention, Place, Span
from frontlines.serve import MemoryReviewLog, create_app
from frontlines.store import MemoryStore, Store

TOKEN = "s3cret-token"
GOV = "Military Forces of Syria (2000-)"
ISIS = "Islamic State (Syria)"


def make_event(n: int, **kw: object) -> Event:
    base: dict[str, object] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": GOV,
        "actor2": ISIS,
        "evidence": Span(0, 12, "Clashes hit."),
        "event_date": f"2018-04-{n + 1:02d}",
        "time_precision": 1,
        "location": f"Place {n}",
        "latitude": 34.0 + n * 0.1,
        "longitude": 38.0 + n * 0.1,
        "geo_precision": 1,
        "document_id": "doc-1",
        "source": "Example News",
        "event_id": f"ev-{n}",
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def make_events() -> list[Event]:
    events = [make_event(n) for n in range(6)]
    events.append(
        make_event(
            6,
            event_type="Strategic developments",
            sub_event_type="Non-state actor overtakes territory",
            actor1=ISIS,
            actor2="",
            location="Palmyra",
            latitude=34.56,
            longitude=38.28,
            place_id="gn:11",
            event_date="2018-02-01",
            source="Other Wire",
        )
    )
    events.append(make_event(7, credibility="low", source_part="comment", comment_id="c2"))
    events.append(make_event(8, latitude=None, longitude=None, event_date=""))
    return events


def make_analysis() -> Analysis:
    doc = Document(
        "doc-1", "page.html", "Clashes", "Clashes hit. The government-held Palmyra was calm.",
        published=dt.date(2018, 4, 20), url="https://example.org/a", outlet="Example News",
        comments=[
            Comment("c1", "ann", None, 0, "First"),
            Comment("c2", "bob", "c1", 1, "Reply"),
        ],
    )  # fmt: skip
    palmyra = Place("gn:11", "Palmyra", 34.56, 38.28, "P.PPL", "SY")
    at = doc.text.index("Palmyra")
    return Analysis(doc, [Mention("Palmyra", at, at + 7, place=palmyra)], make_events())


def filled_store() -> Store:
    store = MemoryStore()
    store.save(make_analysis())
    store.save(Analysis(Document("doc-2", "b.txt", "Other", "Nothing.", published=None)))
    return store


@pytest.fixture
def client() -> TestClient:
    app = create_app(filled_store, token=TOKEN, reviews=MemoryReviewLog())
    return TestClient(app)


@pytest.fixture
def open_client() -> TestClient:
    """A server with no token configured: every write is refused."""
    return TestClient(create_app(filled_store))


AUTH = {"Authorization": f"Bearer {TOKEN}"}
