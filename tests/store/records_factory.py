"""Hand-built records shared by the store tests."""

from __future__ import annotations

import datetime as dt

from frontlines.records import Analysis, Comment, Document, Event, Mention, Place, Span


def make_document(doc_id: str = "doc-1", text: str = "Shelling hit Kobani.") -> Document:
    return Document(
        id=doc_id,
        source="page.html",
        title="Clashes <b>near</b> Kobani",
        text=text,
        published=dt.date(2024, 3, 5),
        published_from="metadata",
        url="https://example.org/a",
        outlet="Example News",
        comments=[
            Comment("c1", "ann", None, 0, "First comment"),
            Comment("c2", "bob", "c1", 1, "Reply ü", published="2024-03-06"),
        ],
        furniture=["Share this"],
        map_images=["map.png"],
        warnings=["no byline"],
    )


def make_event(event_id: str, **fields: object) -> Event:
    base: dict[str, object] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Syria (2000-2024)",
        "evidence": Span(0, 20, "Shelling hit Kobani."),
        "event_date": "2024-03-05",
        "time_precision": 1,
        "location": "Kobani",
        "latitude": 36.89,
        "longitude": 38.35,
        "country": "Syria",
        "document_id": "doc-1",
        "source": "Example News",
        "source_url": "https://example.org/a",
        "event_id": event_id,
    }
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def make_mention() -> Mention:
    place = Place(
        "gn:1", "Kobani", 36.89, 38.35, "P.PPL", "SY", "13", population=44821, geonameid=1
    )
    return Mention("Kobani", 13, 19, place=place, relation="near", score=0.75)


def make_analysis(doc_id: str = "doc-1", events: list[Event] | None = None) -> Analysis:
    return Analysis(
        make_document(doc_id),
        mentions=[make_mention(), Mention("Nowhere", 0, 7, kind="toponym")],
        events=events if events is not None else [make_event("e1"), make_event("e2")],
    )
