"""Events as vector tiles: one PMTiles archive written by GDAL's PMTiles driver (via pyogrio).

    info = write_tiles(events, "events.pmtiles")   # TileSet(path, zoom, count, bounds)

The archive holds one layer, ``events``, up to a zoom chosen from the data: the lowest
(from 3 to 12) at which no tile holds more than ``max_per_tile`` events; no tile is thinned,
every event is in every level. GDAL's writing time grows with events times levels, so up to
``FEW_EVENTS`` events get two levels more below it, and more events that one level only.
Above ``tiles_split.SPLIT_MIN`` events two processes write the west and east halves at
once (:mod:`.tiles_split`); the tiles are the same.
MapLibre draws the tiles from the lowest level up (over-zooming above the highest); below
it the map shows a sample (:func:`overview`). Each feature has short
properties the map filters and shows with MapLibre expressions:

    id event id, t event type, d event day (days since 1970-01-01; -1 unknown),
    c credibility, a1/a2 actors

and, while the events' texts fit ``DETAILS_BUDGET`` (``details``), what a popup shows:
s sub-event type, loc location, f fatalities (-1 unknown), gp geo precision, p source
part, ev evidence sentence, src source name, url source URL. Without them the server's
map reads them from ``/api/events/{id}`` when a popup opens.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import struct
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..progress import report
from ..records import Event
from .layers import Field, Layer, write_layers

if TYPE_CHECKING:
    from ..control.areas import PlaceCells

__all__ = [
    "TILE_FIELDS",
    "TILE_LAYER",
    "TileSet",
    "choose_zoom",
    "day_number",
    "fits_details",
    "overview",
    "tile_properties",
    "write_tiles",
]

TILE_LAYER = "events"
MIN_ZOOM, MAX_ZOOM = 3, 12
MAX_PER_TILE = 5000
FEW_EVENTS = 50_000
EPOCH = dt.date(1970, 1, 1).toordinal()
TILE_FIELDS: tuple[Field, ...] = (
    Field("id"), Field("t"), Field("d", "int"), Field("c"), Field("a1"), Field("a2"),
)  # fmt: skip
DETAIL_FIELDS: tuple[Field, ...] = (
    Field("s"), Field("loc"), Field("f", "int"), Field("gp", "int"), Field("p"), Field("ev"),
    Field("src"), Field("url"),
)  # fmt: skip
DETAILS_BUDGET = 16_000_000  # characters of evidence, source and URL over all events
# GDAL's defaults would thin busy tiles (500 kB, 200,000 features); the zoom is chosen so
# that they never need to.
_LIMITS = {"MAX_SIZE": "50000000", "MAX_FEATURES": "5000000"}


@dataclass(frozen=True, slots=True)
class TileSet:
    """What ``write_tiles`` wrote: the archive, its zoom, how many events, their bounds."""

    path: Path
    zoom: int  # the highest level
    count: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    details: bool = True  # evidence, source and URL are in the tiles
    min_zoom: int | None = None  # the lowest level (None: the same as zoom)
    layers: tuple[str, ...] = (TILE_LAYER,)  # the events' and any control layers


def day_number(text: str) -> int:
    """Days since 1970-01-01 of ``YYYY-MM-DD`` (-1 when unknown)."""
    try:
        return dt.date.fromisoformat(text).toordinal() - EPOCH if text else -1
    except ValueError:
        return -1


def _point(event: Event) -> tuple[float, float] | None:
    lon, lat = event.longitude, event.latitude
    if lon is None or lat is None or not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    if not (-180.0 <= lon <= 180.0 and -85.05 <= lat <= 85.05):
        return None
    return (lon, lat)


def tile_properties(event: Event, details: bool = True) -> dict[str, Any]:
    """The feature properties of one event (see the module docstring)."""
    slim = {
        "id": event.event_id, "t": event.event_type, "d": day_number(event.event_date),
        "c": event.credibility, "a1": event.actor1, "a2": event.actor2,
    }  # fmt: skip
    if not details:
        return slim
    return {
        **slim, "s": event.sub_event_type, "loc": event.location,
        "f": event.fatalities if event.fatalities_known else -1, "gp": event.geo_precision,
        "p": event.source_part, "ev": event.evidence.text,
        "src": event.source or event.source_url, "url": event.source_url,
    }  # fmt: skip


def fits_details(events: Sequence[Event], budget: int = DETAILS_BUDGET) -> bool:
    """Whether the events' evidence, source and URL texts fit in ``budget`` characters."""
    used = 0
    for event in events:
        used += len(event.evidence.text) + len(event.source) + len(event.source_url)
        if used > budget:
            return False
    return True


def choose_zoom(
    points: Sequence[tuple[float, float]], max_per_tile: int = MAX_PER_TILE
) -> int:
    """The lowest zoom (3-12) at which no tile holds more than ``max_per_tile`` points."""
    import numpy as np

    if not points:
        return MIN_ZOOM
    coords = np.asarray(points, dtype=np.float64)
    x = (coords[:, 0] + 180.0) / 360.0
    rad = np.radians(coords[:, 1])
    y = (1.0 - np.log(np.tan(rad) + 1.0 / np.cos(rad)) / np.pi) / 2.0
    for zoom in range(MIN_ZOOM, MAX_ZOOM):
        scale = 1 << zoom
        tx = np.clip((x * scale).astype(np.int64), 0, scale - 1)
        ty = np.clip((y * scale).astype(np.int64), 0, scale - 1)
        _, counts = np.unique(tx * scale + ty, return_counts=True)
        if counts.max() <= max_per_tile:
            return zoom
    return MAX_ZOOM


def _bounds(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats))


def write_tiles(
    events: Iterable[Event],
    path: str | Path,
    *,
    zoom: int | None = None,
    max_per_tile: int = MAX_PER_TILE,
    details: bool | None = None,
    progress: Any = None,
    cells: PlaceCells | None = None,
    fronts: Collection[int] | None = None,
) -> TileSet:
    """Write the events with coordinates as a PMTiles archive at ``path`` (replacing it).

    ``zoom`` overrides the zoom chosen from the data; ``details`` (default: when they fit
    ``DETAILS_BUDGET``) puts evidence, source and URL in. ``progress`` is a
    :class:`frontlines.progress.Bar` or any ``Callable[[str], None]``. ``cells``: the
    control periods' place cells, added as the layers of :mod:`.tiles_control`
    (``fronts``: the ids of the edges to keep, see :func:`.map_territory.front_edges`).
    """
    target = Path(path)
    if target.suffix.lower() != ".pmtiles":
        raise ConfigError("give a file name ending in .pmtiles", source=str(target))
    placed = [(e, p) for e in events if (p := _point(e)) is not None]
    if not placed:
        raise ConfigError(
            "no events with coordinates to put in tiles; ingest pages first "
            "(`frontlines ingest`) or check the store given with --db",
            source=str(target),
        )
    if details is None:
        details = fits_details([e for e, _ in placed])
    rows: list[dict[str, Any]] = []
    geometries: list[bytes | None] = []
    points: list[tuple[float, float]] = []
    for event, point in placed:
        points.append(point)
        rows.append(tile_properties(event, details))
        geometries.append(struct.pack("<BIdd", 1, 1, *point))
    report(progress, f"{len(rows)} events with coordinates", done=1, total=3)
    chosen = zoom if zoom is not None else choose_zoom(points, max_per_tile)
    if not MIN_ZOOM - 3 <= chosen <= 16:
        raise ConfigError(f"zoom {chosen} is out of range; use 0-16", source=str(target))
    report(progress, f"zoom {chosen}; GDAL is writing the tiles", done=2, total=3)
    lowest = max(0, chosen - 2) if len(rows) <= FEW_EVENTS else chosen
    options = {"MINZOOM": str(lowest), "MAXZOOM": str(chosen), "NAME": "frontlines events",
               "DESCRIPTION": "frontlines events", **_LIMITS}  # fmt: skip
    fields = (*TILE_FIELDS, *DETAIL_FIELDS) if details else TILE_FIELDS
    _write_events(target, Layer(fields, rows, geometries, "Point"), points, lowest, options)
    names: tuple[str, ...] = (TILE_LAYER,)
    if cells is not None:
        from .tiles_control import add_control

        names += tuple(add_control(target, cells, dict(_LIMITS), fronts))
    report(progress, f"wrote {target}", done=3, total=3)
    return TileSet(target, chosen, len(rows), _bounds(points), details, lowest, names)


def _write_events(
    target: Path, layer: Layer, points: Sequence[tuple[float, float]], lowest: int,
    options: dict[str, str],
) -> None:  # fmt: skip
    """The events' layer, as two halves written at once when there are many (see
    :mod:`.tiles_split`) and this machine has two cores for them."""
    from .tiles_split import choose_cut, worth_splitting, write_split

    cut = choose_cut([p[0] for p in points], lowest) if worth_splitting(len(points)) else None
    if cut is None:
        write_layers(target, {TILE_LAYER: layer}, "PMTiles", dataset_options=options)
    else:
        write_split(target, TILE_LAYER, layer, [p[0] for p in points], cut, options)


OVERVIEW_SIZE = 4000  # each sampled point is drawn in every frame of the first view


def overview(events: Sequence[Event], size: int = OVERVIEW_SIZE, seed: int = 1) -> list[Event]:
    """A random sample of at most ``size`` placed events: what the map shows below the tiles."""
    placed = [e for e in events if _point(e) is not None]
    if len(placed) <= size:
        return placed
    return random.Random(seed).sample(placed, size)
