"""Hand-built events shared by the publish tests."""

from __future__ import annotations

from frontlines.records import Event, Span


def sample_events() -> list[Event]:
    return [
        Event(
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Syria (2000-2024)",
            actor2="Islamic State (Syria)",
            evidence=Span(10, 52, "Troops clashed with IS near Palmyra, Homs."),
            event_date="2024-03-05",
            time_precision=1,
            disorder_type="Political violence",
            inter1=1,
            inter2=2,
            interaction=12,
            country="SY",
            admin1="Homs",
            location="Palmyra",
            latitude=34.56,
            longitude=38.28,
            geo_precision=2,
            fatalities=4,
            fatalities_known=True,
            notes="Clash near Palmyra.",
            document_id="doc-1",
            source="Example News",
            source_url="https://example.org/a",
            place_id="gn:170794",
            sources=["https://example.org/a", "https://other.example/b"],
            event_id="SYR-1",
        ),
        Event(
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of Russia (2000-)",
            evidence=Span(0, 33, "=cmd|' /C calc'!A0 \"quoted\", ü ☢"),
            event_date="2024-03-07",
            time_precision=2,
            country="Ukraine",
            location="Kharkiv",
            latitude=49.9935,
            longitude=36.230383,
            source_part="comment",
            comment_id="c7",
            credibility="low",
            document_id="doc-2",
            source_url="file:///tmp/page.html",
            warnings=["from a reader comment", "date: week"],
            event_id="UKR-2",
        ),
        Event(
            event_type="Strategic developments",
            sub_event_type="Headquarters or base established",
            actor1="Unidentified Armed Group (Syria)",
            evidence=Span(5, 9, "line1\nline2"),
            iso=999,
            region="Somewhere",
            country="Atlantis",
            document_id="doc-1",
            source="Example News",
            event_id="X-3",
        ),
    ]
