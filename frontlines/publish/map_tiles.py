"""The map page with its events as vector tiles (above ``TILES_THRESHOLD`` events, or asked for).

Instead of every event by column, the page gets: the PMTiles archive (base64 in the page
for the offline file, decoded range by range; or a URL the server answers with range
requests), a sample of events for the zooms below the tiles (:func:`.tiles.overview`),
and counts per event type, credibility and day so "N of M events shown" stays exact for
the time slider and those filters. ``templates/map_tiles.js`` draws them; the pmtiles
protocol for MapLibre (npm ``pmtiles``) is inlined like MapLibre itself (in every page:
:mod:`.map_base` puts the countries and control areas in as tiles too).
"""

from __future__ import annotations

import base64
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from ..config import Settings
from ..errors import ConfigError
from ..records import Document, Event
from .map_base import AREAS_MINZOOM
from .map_territory import territory_data
from .tiles import EPOCH, TILE_LAYER, TileSet, day_number, overview, tile_properties, write_tiles
from .tiles_control import CELLS_LAYER, CONTROL_MAXZOOM, EDGES_LAYER

__all__ = ["TILES_THRESHOLD", "TilesMode", "tiled_page", "tiles_data", "use_tiles", "wants_tiles"]

TilesMode = Literal["auto", "always", "never"]
TILES_THRESHOLD = 50_000


def use_tiles(count: int, mode: str) -> bool:
    """Whether a map of ``count`` events uses tiles under ``mode`` (auto: above the threshold)."""
    if mode not in ("auto", "always", "never"):
        raise ConfigError(f"--tiles {mode!r}: use auto, always or never")
    return mode == "always" or (mode == "auto" and count > TILES_THRESHOLD)


def wants_tiles(events: Sequence[Event], mode: str) -> bool:
    """Whether a map of these events uses tiles: ``use_tiles`` and some event has a point."""
    return use_tiles(len(events), mode) and any(
        e.latitude is not None and e.longitude is not None for e in events
    )


def _feature(event: Event, details: bool) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": tile_properties(event, details),
    }


def _counts(
    events: Sequence[Event], types: Sequence[str], creds: Sequence[str], first: int
) -> list[Any]:
    """Rows [type, credibility, slider day (-1 undated), events, events with a point]."""
    shown: Counter[tuple[int, int, int]] = Counter()
    placed: Counter[tuple[int, int, int]] = Counter()
    type_index = {t: i for i, t in enumerate(types)}
    cred_index = {c: i for i, c in enumerate(creds)}
    for event in events:
        day = day_number(event.event_date)
        key = (type_index[event.event_type], cred_index[event.credibility],
               day - first if day >= 0 else -1)  # fmt: skip
        shown[key] += 1
        if event.latitude is not None and event.longitude is not None:
            placed[key] += 1
    return [[*key, count, placed[key]] for key, count in sorted(shown.items())]


def tiles_data(
    events: Sequence[Event], tile_set: TileSet, url: str | None, types: list[str]
) -> dict[str, Any]:
    """The ``tiles`` entry of the page's data (see the module docstring)."""
    days = [d for d in (day_number(e.event_date) for e in events) if d >= 0]
    first = min(days) if days else 0
    creds = sorted({e.credibility for e in events})
    sample = overview(events)
    return {
        "url": url,
        "zoom": tile_set.zoom if tile_set.min_zoom is None else tile_set.min_zoom,
        "maxzoom": tile_set.zoom,
        "layer": TILE_LAYER,
        "epoch_first": first,
        "types": types,
        "creds": creds,
        "details": tile_set.details,
        "counts": _counts(events, types, creds, first),
        "overview": {
            "type": "FeatureCollection",
            "features": [_feature(e, tile_set.details) for e in sample],
        },
    }


def _page_columns(events: Sequence[Event], types: list[str]) -> dict[str, Any]:
    days = [d for d in (day_number(e.event_date) for e in events) if d >= 0]
    first = min(days) if days else 0
    creds = sorted({e.credibility for e in events})
    empty: dict[str, list[Any]] = {"values": [], "codes": []}
    return {
        "n": len(events),
        "first_day": _iso(first),
        "days": (max(days) - first) if days else 0,
        "columns": {"lon": [], "lat": [], "day": []},
        "coded": {
            "event_type": {"values": types, "codes": []},
            "credibility": {"values": creds, "codes": []},
            **{k: empty for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")},
        },
    }


def _iso(day: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(day + EPOCH).isoformat()


def _base(
    events: Sequence[Event],
    documents: Iterable[Document] | None,
    settings: Settings,
    control: Iterable[Any] | None,
    areas: Any = None,
    api: bool = False,
) -> dict[str, Any]:
    """The inline page's data without its events, with the events' types and bounds."""
    from . import map as page

    base = page.map_data([], documents, settings, control, areas, api)
    types = sorted({e.event_type for e in events}, key=lambda t: (t not in page.TYPE_COLORS, t))
    points = [(e.longitude, e.latitude) for e in events if e.longitude is not None and e.latitude is not None]
    lons = [p[0] for p in points] + [p["lon"] for p in base["control"]["periods"]]
    lats = [p[1] for p in points] + [p["lat"] for p in base["control"]["periods"]]
    base.update(
        types=types,
        colors={t: page.TYPE_COLORS[t] for t in types if t in page.TYPE_COLORS},
        bounds=page._bounds(lons, lats),
    )
    return base


def tiled_page(
    events: Sequence[Event],
    documents: Iterable[Document] | None,
    settings: Settings,
    control: Iterable[Any] | None = None,
    *,
    served: tuple[str, TileSet] | None = None,
    areas: Any = None,
    api: bool = False,
) -> tuple[dict[str, Any], str, str]:
    """The page's data, the extra ``<script>`` elements and the archive for a tiled map.

    ``served`` is (URL, TileSet) when the server answers the archive (the control areas
    are drawn from its control layers when it has them, written with the same ``areas``
    and :func:`.map_territory.front_edges`); otherwise the archive is written now, as a ``<script>`` element holding it in base64 that goes at the
    end of the page (the map draws its first view while the browser still reads it).
    """
    from .map import _inline

    base = _base(events, documents, settings, control, areas, api)
    types = list(base["types"])
    data = {**base, **_page_columns(events, types)}
    if served is not None:
        url, tile_set = served
        archive = ""
    else:  # control areas stay inline: measured faster than from the page's archive
        url = None
        with tempfile.TemporaryDirectory(prefix="frontlines-tiles-") as tmp:
            tile_set = write_tiles(events, Path(tmp) / "events.pmtiles")
            archive = base64.b64encode(tile_set.path.read_bytes()).decode("ascii")
    if CELLS_LAYER in tile_set.layers and base.get("territory"):  # the areas from the tiles
        tiled = {"cells": CELLS_LAYER, "edges": EDGES_LAYER, "minzoom": AREAS_MINZOOM,
                 "maxzoom": CONTROL_MAXZOOM}  # fmt: skip
        data["territory"] = territory_data(data["control"]["periods"], areas, tiled)
    data["tiles"] = tiles_data(events, tile_set, url, types)
    app = resources.files("frontlines.publish").joinpath("templates/map_tiles.js")
    scripts = f"<script>{_inline(app.read_text('utf-8'), 'script', 'map_tiles.js')}</script>"
    blob = f'<script type="application/octet-stream" id="frontlines-tiles">{archive}</script>'
    return data, scripts, blob if archive else ""
