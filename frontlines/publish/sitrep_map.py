"""The situation report's map: a PNG drawn with matplotlib's Agg canvas (no browser, no network).

The base layer is Natural Earth's country polygons from npm ``world-atlas``
(``countries-50m.json``, TopoJSON, read by GDAL in :mod:`frontlines.publish.basemap`). On it:
the report area's extent with a margin, one marker per event coloured by event type (with
a legend), labels for the event locations, a title, a scale bar and the attribution.
The projection is plate carrée with the aspect corrected for the area's mid latitude.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from ..errors import ConfigError
from ..records import Event
from .basemap import countries_geojson
from .fullmap_draw import nice_length

__all__ = [
    "ATTRIBUTION",
    "EVENT_COLOURS",
    "BBox",
    "load_countries",
    "map_extent",
    "render_report_map",
]

BBox = tuple[float, float, float, float]  # west, south, east, north

ATTRIBUTION = "Natural Earth; GeoNames CC BY 4.0; Wikipedia contributors CC BY-SA 4.0"
COUNTRIES_FILE = "world-atlas/countries-50m.json"
EVENT_COLOURS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#8c564b",
    "Strategic developments": "#2ca02c",
}
OTHER_COLOUR = "#7f7f7f"
MAX_LABELS = 30
_LAND, _BORDER, _SEA = "#f2efe6", "#9a9a9a", "#dbe9f4"


@lru_cache(maxsize=2)
def load_countries(path: Path) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Every country ring (outer and holes) of the world-atlas file as (lon, lat) tuples.

    Raises ConfigError naming the file and the fix when it is missing or not TopoJSON.
    """
    rings: list[tuple[tuple[float, float], ...]] = []
    for feature in countries_geojson(path, digits=4)["features"]:
        rings.extend(_rings(feature.get("geometry") or {}))
    return tuple(rings)


def _rings(geometry: dict[str, Any]) -> Iterable[tuple[tuple[float, float], ...]]:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    for polygon in polygons:
        for ring in polygon:
            if len(ring) >= 4:
                yield tuple((float(p[0]), float(p[1])) for p in ring)


def map_extent(bbox: BBox, margin: float = 0.12) -> BBox:
    """The bbox grown by ``margin`` of its size on each side (at least 0.1 degree)."""
    west, south, east, north = bbox
    dx = max((east - west) * margin, 0.1)
    dy = max((north - south) * margin, 0.1)
    return (
        max(west - dx, -180.0),
        max(south - dy, -90.0),
        min(east + dx, 180.0),
        min(north + dy, 90.0),
    )


def _plain(text: str) -> str:
    """Text drawn as-is: a '$' would otherwise start matplotlib mathtext."""
    return text.replace("$", r"\$")


def _overlaps(ring: Sequence[tuple[float, float]], extent: BBox) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    west, south, east, north = extent
    return min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south


def _draw_land(ax: Axes, rings: Iterable[Sequence[tuple[float, float]]], extent: BBox) -> None:
    paths = [MplPath(list(ring), closed=True) for ring in rings if _overlaps(ring, extent)]
    if not paths:
        return
    compound = MplPath.make_compound_path(*paths)
    ax.add_patch(PathPatch(compound, facecolor=_LAND, edgecolor=_BORDER, linewidth=0.6, zorder=1))


def _draw_area(ax: Axes, bbox: BBox) -> None:
    """The report area as a dashed rectangle."""
    west, south, east, north = bbox
    ax.add_patch(
        Rectangle((west, south), east - west, north - south, fill=False, edgecolor="#555555",
                  linestyle="--", linewidth=0.9, zorder=3)
    )  # fmt: skip


def _draw_events(ax: Axes, events: Sequence[Event]) -> None:
    """One scatter per event type (``events`` all have coordinates), with a legend."""
    counts = Counter(e.event_type for e in events)
    for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        xs = [e.longitude or 0.0 for e in events if e.event_type == kind]
        ys = [e.latitude or 0.0 for e in events if e.event_type == kind]
        colour = EVENT_COLOURS.get(kind, OTHER_COLOUR)
        markers: PathCollection = ax.scatter(
            xs, ys, s=46, c=colour, edgecolors="white", linewidths=0.8, zorder=4,
            label=_plain(f"{kind or 'unknown type'} ({count})"),
        )  # fmt: skip
        markers.set_clip_on(True)
    if counts:
        ax.legend(loc="upper right", fontsize=7, framealpha=0.9, title="Events", title_fontsize=8)


def _draw_labels(ax: Axes, events: Sequence[Event]) -> None:
    places: Counter[tuple[str, float, float]] = Counter()
    for event in events:
        if event.location and event.latitude is not None and event.longitude is not None:
            places[(event.location, event.longitude, event.latitude)] += 1
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    seen: set[str] = set()
    for (name, lon, lat), _count in places.most_common():
        if name in seen or len(seen) >= MAX_LABELS:
            continue
        seen.add(name)
        ax.annotate(
            _plain(name), (lon, lat), xytext=(5, 4), textcoords="offset points", fontsize=7,
            color="#222222", zorder=5, path_effects=halo, clip_on=True,
        )  # fmt: skip


def _draw_scale(ax: Axes, extent: BBox) -> None:
    west, south, east, north = extent
    km_per_degree = 111.32 * math.cos(math.radians((south + north) / 2))
    length_km = nice_length((east - west) * km_per_degree / 5)
    length_deg = length_km / max(km_per_degree, 1e-6)
    x0 = west + (east - west) * 0.04
    y0 = south + (north - south) * 0.05
    ax.plot([x0, x0 + length_deg], [y0, y0], color="black", linewidth=2.5, zorder=6)
    label = f"{length_km:g} km"
    ax.text(x0, y0 + (north - south) * 0.015, label, fontsize=7, zorder=6,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])  # fmt: skip


def render_report_map(
    events: Sequence[Event],
    path: Path,
    *,
    bbox: BBox,
    title: str,
    countries_file: Path | None,
) -> list[str]:
    """Draw the map PNG at ``path``; returns warnings (e.g. the base map could not be read).

    ``events`` are drawn when they have coordinates; ``countries_file`` None draws no land.
    """
    warnings: list[str] = []
    extent = map_extent(bbox)
    west, south, east, north = extent
    mid = math.radians((south + north) / 2)
    aspect = 1 / max(math.cos(mid), 0.05)
    width = 8.0
    height = min(max(width * (north - south) * aspect / max(east - west, 1e-6), 3.5), 11.0)
    figure = Figure(figsize=(width, height + 0.6), dpi=110)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.08, 0.06, 0.9, 0.86))
    ax.set_facecolor(_SEA)
    if countries_file is not None:
        try:
            _draw_land(ax, load_countries(countries_file), extent)
        except ConfigError as exc:
            warnings.append(str(exc))
    _draw_area(ax, bbox)
    placed = [e for e in events if e.latitude is not None and e.longitude is not None]
    if not placed:
        ax.text(0.5, 0.5, "No events in this area during this period", transform=ax.transAxes,
                ha="center", va="center", fontsize=10, color="#555555", zorder=6,
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "#bbbbbb"})  # fmt: skip
    _draw_events(ax, placed)
    _draw_labels(ax, placed)
    _draw_scale(ax, extent)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(aspect, adjustable="box")
    ax.tick_params(labelsize=7)
    ax.set_xlabel("longitude (\u00b0E)", fontsize=7)
    ax.set_ylabel("latitude (\u00b0N)", fontsize=7)
    ax.set_title(_plain(textwrap.shorten(title, 150, placeholder="...")), fontsize=10, wrap=True)
    figure.text(0.98, 0.012, ATTRIBUTION, ha="right", va="bottom", fontsize=6, color="#444444")
    figure.savefig(path, format="png", facecolor="white")
    return warnings
