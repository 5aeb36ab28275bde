"""Merge the same event reported by several pages into one event that keeps every source.

Two events are the same when their types agree (same sub-event type, or same event type),
their dates fall within each other's time-precision window (1 day, 7 days, 31 days), they
are at the same place (same ``place_id``, or within ``max_km``) and their actors are
compatible (same actor1, or either side unnamed/unidentified). The merged event is the
first member (the best-sourced one: highest credibility, then finest precision) with
``sources`` listing every member's document id and URL; the members come back in a
mapping so the merge can be undone (:func:`split_merged`).

Grouping is indexed (:class:`_HeadIndex`): a new event is compared only with the groups
whose first event shares its type and lies in a neighbouring grid cell (cells of ``max_km``)
and week (within 5 weeks: the widest time window is 31 days), has the same place id, or
comes from the same document, so a month of world news merges in near-linear time with
the same result as comparing every pair.

Copies of one report (``frontlines.events.copies``: syndicated or lightly edited versions
of one article) are given as ``copies`` (copy document id -> original's id): within such
a family, the same sentence told again is the same event even when its date, place or
actors came out differently in the copy, and a copy's events never merge with another
event of its own family that the original kept apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterator, Mapping

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


Copies = Mapping[str, str]


def _family(event: Event, copies: Copies | None) -> str:
    return (copies or {}).get(event.document_id, event.document_id)


def _telling(event: Event) -> str:
    return " ".join(event.evidence.text.lower().split())


def same_event(a: Event, b: Event, max_km: float = 10.0, copies: Copies | None = None) -> bool:
    """Whether ``a`` and ``b`` report the same event (``copies``: see the module notes)."""
    if a.document_id and a.document_id == b.document_id:
        # one page's separate sentences are separate claims; only the very same span merges
        return a.evidence == b.evidence and a.source_part == b.source_part
    if copies and a.document_id and _family(a, copies) == _family(b, copies):
        # copies of one report: the same sentence, or an edited one saying the same
        if a.source_part == b.source_part and _telling(a) == _telling(b):
            return True
        if (a.sub_event_type, a.event_date, a.location) != (
            b.sub_event_type, b.event_date, b.location
        ):  # fmt: skip
            return False
    if a.sub_event_type != b.sub_event_type and a.event_type != b.event_type:
        return False
    same_place = bool(a.place_id) and a.place_id == b.place_id
    if not same_place and _km(a, b) > max_km:
        return False
    return _close_in_time(a, b) and _actors_compatible(a, b)


def _source_key(event: Event) -> str:
    return event.source_url or event.document_id or event.source


def merge_events(
    events: list[Event], max_km: float = 10.0, copies: Copies | None = None
) -> list[Event]:
    """One event per real-world event; ``sources`` lists every reporting document."""
    merged, _ = merge_with_members(events, max_km, copies)
    return merged


def merge_with_members(
    events: list[Event], max_km: float = 10.0, copies: Copies | None = None
) -> tuple[list[Event], dict[str, list[Event]]]:
    """Like :func:`merge_events`, also returning merged event id -> its member events."""
    ordered = sorted(
        events, key=lambda e: (_RANK.get(e.credibility, 3), e.time_precision, e.geo_precision)
    )
    groups: list[list[Event]] = []
    index = _HeadIndex(max_km, copies)
    for event in ordered:
        found = [
            n
            for n in sorted(index.candidates(event))
            if same_event(groups[n][0], event, max_km, copies)
        ]
        if found:
            groups[found[0]].append(event)
        else:
            index.add(event, len(groups))
            groups.append([event])
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


_KM_PER_DEGREE = 6371.0 * math.pi / 180
_POLAR = 80.0  # degrees of latitude beyond which a row is one cell
_WEEKS = 5  # 31 days, the widest window, spans at most 5 week buckets either side


class _HeadIndex:
    """Group heads by (type, grid cell, week), (type, place id, week) and (document, span):
    every head that ``same_event`` could accept for an event is among ``candidates``."""

    def __init__(self, max_km: float, copies: Copies | None = None) -> None:
        self.copies = copies
        self.cell = max(max_km, 0.001) / _KM_PER_DEGREE * 1.001  # degrees, just over max_km
        self.lon_cells = math.ceil(360 / self.cell)
        self.keys: dict[tuple[object, ...], list[int]] = {}

    def add(self, head: Event, number: int) -> None:
        for key in self._own_keys(head):
            self.keys.setdefault(key, []).append(number)

    def candidates(self, event: Event) -> set[int]:
        out: set[int] = set()
        for key in self._search_keys(event):
            out.update(self.keys.get(key, ()))
        return out

    def _copy_keys(self, e: Event) -> Iterator[tuple[object, ...]]:
        if self.copies and e.document_id:
            yield ("copy", _family(e, self.copies), _telling(e), e.source_part)

    def _own_keys(self, e: Event) -> Iterator[tuple[object, ...]]:
        week = _week(e)
        yield from self._copy_keys(e)
        if e.document_id:
            yield ("doc", e.event_type, e.document_id, e.evidence, e.source_part)
        if e.place_id:
            yield ("place", e.event_type, e.place_id, week)
        if e.latitude is not None and e.longitude is not None:
            yield ("cell", e.event_type, *self._cell(e.latitude, e.longitude), week)

    def _search_keys(self, e: Event) -> Iterator[tuple[object, ...]]:
        yield from self._copy_keys(e)
        if e.document_id:
            yield ("doc", e.event_type, e.document_id, e.evidence, e.source_part)
        weeks = _near_weeks(e)
        if e.place_id:
            for week in weeks:
                yield ("place", e.event_type, e.place_id, week)
        if e.latitude is None or e.longitude is None:
            return
        row, col = self._cell(e.latitude, e.longitude, polar=False)
        span = self._lon_span(e.latitude)
        cols = [(col + d) % self.lon_cells for d in range(-span, span + 1)]
        if abs(e.latitude) + self.cell >= _POLAR:
            cols.append(-1)
        for d_row in (-1, 0, 1):
            for c in cols:
                for week in weeks:
                    yield ("cell", e.event_type, row + d_row, c, week)

    def _cell(self, lat: float, lon: float, *, polar: bool = True) -> tuple[int, int]:
        """Grid cell; beyond 80 degrees one column per row (-1) holds every longitude."""
        row = math.floor(lat / self.cell)
        if polar and abs(lat) >= _POLAR:
            return row, -1
        return row, math.floor((lon % 360) / self.cell) % self.lon_cells

    def _lon_span(self, lat: float) -> int:
        """Longitude cells either side that ``max_km`` can reach at this latitude (heads
        in ordinary cells lie below 80 degrees)."""
        shrink = math.cos(math.radians(min(abs(lat) + self.cell, _POLAR)))
        return min(math.ceil(1.01 / shrink), self.lon_cells // 2 + 1)


def _week(event: Event) -> int | None:
    if not event.event_date:
        return None
    try:
        return dt.date.fromisoformat(event.event_date).toordinal() // 7
    except ValueError:
        return None


def _near_weeks(event: Event) -> list[int | None]:
    week = _week(event)
    if week is None:
        return [None]
    return list(range(week - _WEEKS, week + _WEEKS + 1))


def split_merged(event: Event, members: dict[str, list[Event]]) -> list[Event]:
    """The events that were merged into ``event`` (itself alone when it was not merged)."""
    return list(members.get(event.event_id, [event]))
