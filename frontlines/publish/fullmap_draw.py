"""Drawing helpers of the full-size static map (matplotlib, plate carrée).

Each function draws one layer on an ``Axes`` whose data coordinates are longitude and
latitude; the caller sets the aspect for the map's mid latitude.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry

from ..basemap.layers import Label
from ..records import Event

BBox = tuple[float, float, float, float]
HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]
# ACLED event type -> (matplotlib marker, colour)
EVENT_SYMBOLS: dict[str, tuple[str, str]] = {
    "Battles": ("X", "#c0392b"),
    "Explosions/Remote violence": ("*", "#e67e22"),
    "Violence against civilians": ("v", "#8e44ad"),
    "Protests": ("o", "#2e86c1"),
    "Riots": ("D", "#6e2c00"),
    "Strategic developments": ("s", "#1e8449"),
}
OTHER_SYMBOL = ("P", "#7f7f7f")
RIVER, LAKE, LAND, SEA = "#5b9bd5", "#a9cce3", "#f4f1e8", "#cfe3f1"


def plain(text: str) -> str:
    """Text drawn as-is: a '$' would otherwise start matplotlib mathtext."""
    return text.replace("$", r"\$")


def geometry_path(geometry: BaseGeometry) -> MplPath | None:
    """A compound path of every polygon ring of ``geometry`` (None when it has none)."""
    vertices: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            if len(xy) < 4:
                continue
            ring_codes = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
            ring_codes[0], ring_codes[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            vertices.append(xy)
            codes.append(ring_codes)
    if not vertices:
        return None
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def draw_polygon(ax: Axes, geometry: BaseGeometry, **style: Any) -> None:
    path = geometry_path(geometry)
    if path is not None:
        ax.add_patch(PathPatch(path, **style))


def line_parts(geometry: BaseGeometry) -> list[np.ndarray]:
    """Every line of ``geometry`` (lines, polygon rings) as an array of (lon, lat)."""
    parts: list[np.ndarray] = []
    for part in shapely.get_parts(geometry):
        if part.geom_type in ("Polygon",):
            parts.extend(np.asarray(r.coords) for r in (part.exterior, *part.interiors))
        elif part.geom_type in ("LineString", "LinearRing"):
            parts.append(np.asarray(part.coords))
        elif part.geom_type.startswith("Multi") or part.geom_type == "GeometryCollection":
            parts.extend(line_parts(part))
    return parts


def draw_lines(ax: Axes, geometries: Iterable[BaseGeometry], **style: Any) -> None:
    segments = [p for g in geometries for p in line_parts(g) if len(p) >= 2]
    if segments:
        ax.add_collection(LineCollection(segments, **style))


def draw_events(ax: Axes, events: Sequence[Event], at: str, days: int) -> dict[str, int]:
    """Events by type symbol, size by fatalities, older ones fainter; returns counts."""
    counts: dict[str, int] = {}
    last = _ordinal(at) or 0
    by_type: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.event_date):
        if event.latitude is not None and event.longitude is not None:
            by_type.setdefault(event.event_type, []).append(event)
    for kind, group in by_type.items():
        marker, colour = EVENT_SYMBOLS.get(kind, OTHER_SYMBOL)
        rgba = np.array([to_rgba(colour)] * len(group))
        ages = np.array([last - (_ordinal(e.event_date) or last) for e in group], dtype=float)
        rgba[:, 3] = 1.0 - 0.6 * np.clip(ages / max(days, 1), 0.0, 1.0)
        deaths = np.array([max(e.fatalities, 0) if e.fatalities_known else 0 for e in group])
        ax.scatter([e.longitude or 0.0 for e in group], [e.latitude or 0.0 for e in group],
                   s=70 + 25 * np.sqrt(deaths), marker=marker, c=rgba, edgecolors="#111111",
                   linewidths=0.7, zorder=12)  # fmt: skip
        counts[kind] = len(group)
    return counts


def _ordinal(text: str) -> int | None:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def draw_labels(
    ax: Axes, labels: Sequence[Label], extent: BBox, *, limit: int, points_per_degree: float,
    fontsize: float = 7.0,
) -> int:  # fmt: skip
    """Town names, highest rank first, none overlapping another; returns how many."""
    west, south, east, north = extent
    taken: list[tuple[float, float, float, float]] = []
    height = fontsize * 1.3 / points_per_degree
    for label in labels:
        if len(taken) >= limit:
            break
        if not (west < label.lon < east and south < label.lat < north):
            continue
        width = (len(label.name) * fontsize * 0.55 + 8) / points_per_degree
        box = (label.lon - height / 4, label.lat - height / 2, label.lon + width, label.lat + height)
        if any(_overlap(box, other) for other in taken):
            continue
        taken.append(box)
        big = label.score >= 5.0
        ax.plot([label.lon], [label.lat], marker="o", markersize=2.6 if big else 1.8,
                color="#222222", zorder=9)  # fmt: skip
        ax.annotate(plain(label.name), (label.lon, label.lat), xytext=(3, 2),
                    textcoords="offset points", fontsize=fontsize + (1.2 if big else 0),
                    fontweight="bold" if big else "normal", color="#1d1d1d", zorder=10,
                    path_effects=HALO, clip_on=True)  # fmt: skip
    return len(taken)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def nice_length(km: float) -> float:
    """A round scale-bar length (1, 2 or 5 times a power of ten) not over ``km``."""
    if km <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(km))
    return max(step * power for step in (1, 2, 5) if step * power <= km)


def draw_scale_and_north(ax: Axes, extent: BBox) -> None:
    west, south, east, north = extent
    km_per_degree = 111.32 * math.cos(math.radians((south + north) / 2))
    length_km = nice_length((east - west) * km_per_degree / 6)
    length = length_km / max(km_per_degree, 1e-6)
    x0, y0 = west + (east - west) * 0.03, south + (north - south) * 0.04
    dy = (north - south) * 0.008
    for k in range(4):
        colour = "black" if k % 2 == 0 else "white"
        ax.add_patch(PathPatch(MplPath([(x0 + length * k / 4, y0), (x0 + length * (k + 1) / 4, y0),
                                        (x0 + length * (k + 1) / 4, y0 + dy),
                                        (x0 + length * k / 4, y0 + dy), (x0 + length * k / 4, y0)]),
                               facecolor=colour, edgecolor="black", linewidth=0.6, zorder=11))  # fmt: skip
    for value, x in ((0, x0), (length_km / 2, x0 + length / 2), (length_km, x0 + length)):
        ax.text(x, y0 + 2.4 * dy, f"{value:g}", ha="center", fontsize=7, zorder=11,
                path_effects=HALO)  # fmt: skip
    ax.text(x0 + length + (east - west) * 0.01, y0, "km", fontsize=7, va="bottom", zorder=11,
            path_effects=HALO)  # fmt: skip
    nx, ny = east - (east - west) * 0.04, north - (north - south) * 0.13
    arrow_len = (north - south) * 0.06
    ax.add_patch(FancyArrow(nx, ny, 0, arrow_len, width=(east - west) * 0.004,
                            head_width=(east - west) * 0.014, head_length=arrow_len * 0.35,
                            length_includes_head=True, color="#222222", zorder=11))  # fmt: skip
    ax.text(nx, ny + arrow_len * 1.08, "N", ha="center", va="bottom", fontsize=11,
            fontweight="bold", zorder=11, path_effects=HALO)  # fmt: skip


def event_handles(counts: dict[str, int]) -> list[Line2D]:
    handles = []
    for kind in (*EVENT_SYMBOLS, *sorted(k for k in counts if k not in EVENT_SYMBOLS)):
        if kind not in counts:
            continue
        marker, colour = EVENT_SYMBOLS.get(kind, OTHER_SYMBOL)
        handles.append(Line2D([], [], linestyle="", marker=marker, color=colour, markersize=9,
                              markeredgecolor="#111111",
                              label=plain(f"{kind or 'unknown type'} ({counts[kind]})")))  # fmt: skip
    return handles
