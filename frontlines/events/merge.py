"""Merge the same event reported by several pages into one event that keeps every source.

Two events are the same when their types agree (same sub-event type, or same event type),
their dates fall within each other's time-precision window (1 day, 7 days, 31 days), they
are at the same place (same ``place_id``, or within ``max_km``) and their actors are
compatible (same actor1, or either side unnamed/unidentified). The merged event is the
first member (the best-sourced one: highest credibility, then finest precision) with
``sources`` listing every member's document id and URL; the members come back in a
mapping so the merge can be undone (:func:`split_merged`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from ..records import Event

_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
_RANK = {"high": 0, "medium": 1, "low": 2}


def _km(a: Event, b: Event) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _close_in_time(a: Event, b: Event) -> bool:
    if not a.event_date or not b.event_date:
        return a.event_date == b.event_date
    gap = abs((dt.date.fromisoformat(a.event_date) - dt.date.fromisoformat(b.event_date)).days)
    return gap <= max(
        _WINDOW_DAYS.get(a.time_precision, 31), _WINDOW_DAYS.get(b.time_precision, 31)
    )


def _actors_compatible(a: Event, b: Event) -> bool:
    if a.actor1 == b.actor1 or {a.actor1, a.actor2} == {b.actor1, b.actor2}:
        return True
    return any(name.startswith("Unidentified") or not name for name in (a.actor1, b.actor1))


def same_event(a: Event, b: Event, max_km: float = 10.0) -> bool:
    """Whether ``a`` and ``b`` report the same event."""
    if a.document_id and a.document_id == b.document_id:
        # one page's separate sentences are separate claims; only the very same span merges
        return a.evidence == b.evidence and a.source_part == b.source_part
    if a.sub_event_type != b.sub_event_type and a.event_type != b.event_type:
        return False
    same_place = bool(a.place_id) and a.place_id == b.place_id
    if not same_place and _km(a, b) > max_km:
        return False
    return _close_in_time(a, b) and _actors_compatible(a, b)


def _source_key(event: Event) -> str:
    return event.source_url or event.document_id or event.source


def merge_events(events: list[Event], max_km: float = 10.0) -> list[Event]:
    """One event per real-world event; ``sources`` lists every reporting document."""
    merged, _ = merge_with_members(events, max_km)
    return merged


def merge_with_members(
    events: list[Event], max_km: float = 10.0
) -> tuple[list[Event], dict[str, list[Event]]]:
    """Like :func:`merge_events`, also returning merged event id -> its member events."""
    ordered = sorted(
        events, key=lambda e: (_RANK.get(e.credibility, 3), e.time_precision, e.geo_precision)
    )
    groups: list[list[Event]] = []
    by_type: dict[str, list[list[Event]]] = {}
    for event in ordered:
        # candidates share the event type (same_event requires it), so bucket by it
        bucket = by_type.setdefault(event.event_type, [])
        for group in bucket:
            if same_event(group[0], event, max_km):
                group.append(event)
                break
        else:
            bucket.append([event])
            groups.append(bucket[-1])
    merged: list[Event] = []
    members: dict[str, list[Event]] = {}
    for group in groups:
        head = dataclasses.replace(group[0], warnings=list(group[0].warnings))
        sources: list[str] = []
        for member in group:
            for key in (*member.sources, _source_key(member)):
                if key and key not in sources:
                    sources.append(key)
        head.sources = sources
        head.fatalities = max(m.fatalities for m in group)
        head.fatalities_known = any(m.fatalities_known for m in group)
        merged.append(head)
        members[head.event_id] = list(group)
    return merged, members


def split_merged(event: Event, members: dict[str, list[Event]]) -> list[Event]:
    """The events that were merged into ``event`` (itself alone when it was not merged)."""
    return list(members.get(event.event_id, [event]))
