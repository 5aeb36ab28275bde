"""Control claims from territorial events: actor1 takes the event's place from its date."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import ARTICLE, ControlClaim, Event, Place

TERRITORIAL_SUB_EVENTS: frozenset[str] = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
EVENT_CONFIDENCE = 0.8
PRECISION_PENALTY = 0.15


def event_place_id(event: Event) -> str:
    """The event's place id, or one made from its coordinates when it has none."""
    if event.place_id:
        return event.place_id
    if event.latitude is None or event.longitude is None:
        return ""
    return f"ll:{event.latitude:.4f},{event.longitude:.4f}"


def claims_from_events(events: Iterable[Event]) -> list[ControlClaim]:
    """One claim per dated territorial event told in an article (comments never count)."""
    claims: list[ControlClaim] = []
    for event in events:
        place_id = event_place_id(event)
        usable = (
            event.sub_event_type in TERRITORIAL_SUB_EVENTS
            and event.source_part == ARTICLE
            and event.credibility != "low"
            and event.event_date
            and event.actor1
            and place_id
        )
        if not usable:
            continue
        penalty = PRECISION_PENALTY * max(event.geo_precision - 1, 0)
        claims.append(
            ControlClaim(
                place_id=place_id,
                place_name=event.location,
                holder=event.actor1,
                since=event.event_date,
                confidence=round(max(EVENT_CONFIDENCE - penalty, 0.3), 3),
                kind="event",
                evidence=event.evidence,
                document_id=event.document_id,
                event_id=event.event_id,
            )
        )
    return claims


def places_from_events(events: Iterable[Event]) -> dict[str, Place]:
    """Coordinates for the claims ``claims_from_events`` makes, keyed by place id."""
    places: dict[str, Place] = {}
    for event in events:
        place_id = event_place_id(event)
        if place_id and event.latitude is not None and event.longitude is not None:
            places.setdefault(
                place_id,
                Place(place_id, event.location, event.latitude, event.longitude, "", ""),
            )
    return places
