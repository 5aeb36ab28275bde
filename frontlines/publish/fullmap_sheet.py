"""What a static map of a store shows on a date: the :class:`MapSheet` built from a store.

The areas come from every control period of the store (and the baseline when asked), the
events are those dated in the ``days`` up to the date, inside the area's outline when the
area has one (a province: its polygon, not its bounding box), else inside its box.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from shapely import points as make_points
from shapely.geometry.base import BaseGeometry

from ..basemap.outlines import default_outlines
from ..config import Settings
from ..control import ATTRIBUTION as BASELINE_ATTRIBUTION
from ..control import store_periods
from ..control.areas import control_areas
from ..records import Event
from .fullmap import MapSheet, fit_extent

BBox = tuple[float, float, float, float]
THEATRE = (35.5, 29.0, 48.8, 37.5)  # Syria and Iraq, when nothing else says where


def events_in(
    events: Iterable[Event], start: dt.date, end: dt.date, bbox: BBox | None,
    outline: BaseGeometry | None,
) -> list[Event]:  # fmt: skip
    """Events dated in [start, end] inside ``outline`` (when given) or ``bbox``."""
    first, last = start.isoformat(), end.isoformat()
    chosen = [
        e for e in events
        if e.latitude is not None and e.longitude is not None and len(e.event_date) == 10
        and first <= e.event_date <= last and _in_box(e, bbox)
    ]  # fmt: skip
    if outline is None or not chosen:
        return chosen
    inside = outline.contains(make_points([(e.longitude, e.latitude) for e in chosen]))
    return [e for e, keep in zip(chosen, inside, strict=True) if keep]


def _in_box(event: Event, bbox: BBox | None) -> bool:
    if bbox is None:
        return True
    west, south, east, north = bbox
    lon, lat = event.longitude or 0.0, event.latitude or 0.0
    return west <= lon <= east and south <= lat <= north


def _extent(bbox: BBox | None, areas: Any, events: Sequence[Event]) -> BBox:
    if bbox is not None:
        return fit_extent(bbox, 0.08)
    boxes = [a["geometry"].bounds for a in areas.areas]
    boxes += [(e.longitude, e.latitude, e.longitude, e.latitude) for e in events]
    if not boxes:
        return fit_extent(THEATRE, 0.02)
    return fit_extent((min(b[0] for b in boxes), min(b[1] for b in boxes),
                       max(b[2] for b in boxes), max(b[3] for b in boxes)), 0.05)  # fmt: skip


def sheet_for(
    store: Any, settings: Settings, at: dt.date, *, area_name: str = "",
    shape: tuple[BBox, BaseGeometry | None] | None = None, days: int = 30,
    baseline: bool = False, corrected: Callable[[list[Any]], list[Any]] | None = None,
) -> MapSheet:  # fmt: skip
    """The sheet of ``store`` on ``at`` (events merged across pages)."""
    from ..events import merge_events

    bbox, outline = shape if shape is not None else (None, None)
    events = merge_events(list(store.events()))
    periods = store_periods(store, baseline=baseline)
    if corrected is not None:
        periods = corrected(periods)
    outlines = default_outlines(settings.assets_dir)
    areas = control_areas(periods, at, outlines=outlines)
    start = at - dt.timedelta(days=max(days, 1) - 1)
    shown = events_in(events, start, at, bbox, outline)
    mentions = Counter(e.location for e in events if e.location)
    return MapSheet(
        at=at.isoformat(), extent=_extent(bbox, areas, shown), areas=areas, events=shown,
        days=days, area_name=area_name, area_outline=outline, outlines=outlines,
        mentions=mentions, notes=[BASELINE_ATTRIBUTION] if baseline else [],
    )  # fmt: skip
