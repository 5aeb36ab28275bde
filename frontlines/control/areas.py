"""Control as territory: the places' holders on a date turned into areas and front lines.

Every place with a point (from any control period of the store, and the baseline layer
when asked) gets the land nearest to it: a Voronoi cell of the places, clipped to the
place's country outline and to a set distance from the place (``max_km``, 15 km by
default, so a lone village does not colour a desert). On a date, a cell takes the holder
of its place; cells of one holder are merged into that holder's area; a place held by
several holders at once gives a ``contested`` area (drawn hatched); a place with no
holder on that date leaves its cell blank. A **front line** is where the cells of two
places with different holders meet.

The cells depend only on the set of places, so they are computed once per store state
(:class:`AreaCache`); a date then only assigns holders and merges cells.

    cells = place_cells(places_of(periods), outlines=outlines)
    areas = control_areas(periods, "2018-05-01", cells=cells)
    areas.to_geojson()        # FeatureCollection: kind "area" (holder) and "front"

Geometry is computed in a local equirectangular projection (x scaled by the cosine of the
places' mean latitude), which keeps distances within a few percent across a country.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from ..basemap.outlines import Outlines
from .periods import ControlPeriod

DEFAULT_MAX_KM = 15.0
KM_PER_DEGREE = 111.32
_GRID = 1e-6  # places closer than this (degrees) share one cell


@dataclass(frozen=True, slots=True)
class PlacePoint:
    """A place the areas are built from."""

    place_id: str
    name: str
    lon: float
    lat: float
    country: str = ""


@dataclass(slots=True)
class PlaceCells:
    """The land nearest each place, and the edges between neighbouring cells.

    ``seeds[k]`` lists the place ids sharing point ``k``; ``cells[k]`` is its clipped cell
    and ``edges[e]`` the line cells ``edge_i[e]`` and ``edge_j[e]`` share (all in projected
    coordinates: x = lon * ``kx``, y = lat).
    """

    points: list[PlacePoint]
    seeds: list[list[str]]
    cells: np.ndarray
    edge_i: np.ndarray
    edge_j: np.ndarray
    edges: np.ndarray
    kx: float
    max_km: float
    index: dict[str, int] = field(default_factory=dict)
    _features: dict[tuple[int, float], dict[str, Any]] = field(default_factory=dict, repr=False)

    def lonlat(self, geometry: BaseGeometry) -> BaseGeometry:
        """A projected geometry back in longitude/latitude."""
        scale = np.array([1.0 / self.kx, 1.0])
        return shapely.transform(geometry, lambda xy: xy * scale)

    def cell_features(self, *, digits: int = 4, tolerance_km: float = 0.3) -> dict[str, Any]:
        """The cells and edges as compact GeoJSON for the map app (drawn per date there);
        kept, so a server renders them once per store state."""
        key = (digits, tolerance_km)
        if key not in self._features:
            self._features[key] = self._cell_features(digits, tolerance_km)
        return self._features[key]

    def _cell_features(self, digits: int, tolerance_km: float) -> dict[str, Any]:
        simple = _coverage_simplify(self.cells, tolerance_km / KM_PER_DEGREE)
        cells = [
            {"type": "Feature", "id": k, "properties": {"k": k},
             "geometry": _geojson(self.lonlat(c), digits)}
            for k, c in enumerate(simple) if not c.is_empty
        ]  # fmt: skip
        edges = [
            {"type": "Feature", "id": e, "properties": {"a": int(i), "b": int(j)},
             "geometry": _geojson(self.lonlat(g), digits)}
            for e, (i, j, g) in enumerate(zip(self.edge_i, self.edge_j, self.edges, strict=True))
        ]  # fmt: skip
        return {
            "cells": {"type": "FeatureCollection", "features": cells},
            "edges": {"type": "FeatureCollection", "features": edges},
            "seeds": self.seeds,
            "max_km": self.max_km,
        }


@dataclass(slots=True)
class ControlAreas:
    """The areas and front lines on one date (geometries in longitude/latitude)."""

    at: str
    max_km: float
    areas: list[dict[str, Any]] = field(default_factory=list)
    fronts: list[dict[str, Any]] = field(default_factory=list)

    def holders(self) -> list[str]:
        return sorted({h for a in self.areas for h in a["holders"]})

    def to_geojson(self, *, digits: int = 5) -> dict[str, Any]:
        """A FeatureCollection: areas (``kind`` "area") then front lines (``kind`` "front")."""
        features = [
            {"type": "Feature", "geometry": _geojson(item["geometry"], digits),
             "properties": {k: v for k, v in item.items() if k != "geometry"}}
            for item in (*self.areas, *self.fronts)
        ]  # fmt: skip
        return {"type": "FeatureCollection", "at": self.at, "max_km": self.max_km,
                "features": features}  # fmt: skip


def _coverage_simplify(cells: np.ndarray, tolerance: float) -> np.ndarray:
    """Cells simplified together, so neighbours keep one shared edge (no slivers)."""
    polygonal = np.array([c if c.geom_type in ("Polygon", "MultiPolygon") else
                          shapely.Polygon() for c in cells], dtype=object)  # fmt: skip
    try:
        return np.asarray(shapely.coverage_simplify(polygonal, tolerance), dtype=object)
    except shapely.errors.GEOSException:
        return polygonal


def _geojson(geometry: BaseGeometry, digits: int) -> dict[str, Any]:
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, digits))
    return dict(mapping(rounded))


def places_of(periods: Iterable[ControlPeriod]) -> list[PlacePoint]:
    """The distinct places of ``periods`` that have a point, in a stable order."""
    found: dict[str, PlacePoint] = {}
    for period in periods:
        if period.place_id in found or period.lat is None or period.lon is None:
            continue
        if not (-180.0 <= period.lon <= 180.0 and -90.0 <= period.lat <= 90.0):
            continue
        found[period.place_id] = PlacePoint(
            period.place_id, period.place_name, period.lon, period.lat, period.country
        )
    return sorted(found.values(), key=lambda p: p.place_id)


def place_cells(
    places: Sequence[PlacePoint],
    *,
    outlines: Outlines | None = None,
    max_km: float = DEFAULT_MAX_KM,
) -> PlaceCells:
    """Voronoi cells of ``places`` clipped to ``max_km`` and to each place's country."""
    seeds, points = _seeds(places)
    lats = [p.lat for p in points] or [0.0]
    kx = max(math.cos(math.radians(sum(lats) / len(lats))), 0.05)
    xy = np.array([[p.lon * kx, p.lat] for p in points], dtype=float).reshape(-1, 2)
    radius = max_km / KM_PER_DEGREE
    empty = np.array([], dtype=object)
    if not len(xy):
        return PlaceCells(points, seeds, empty, np.array([], int), np.array([], int), empty,
                          kx, max_km)  # fmt: skip
    pts = shapely.points(xy)
    circles = shapely.buffer(pts, radius, quad_segs=8)
    raw = _voronoi(pts, xy, radius)
    cells = shapely.intersection(raw, circles)
    countries = np.array(_countries(points, outlines), dtype=object)
    projected = _project_outlines(outlines, set(countries), kx)
    cells = _clip(cells, countries, projected)
    edge_i, edge_j, edges = _edges(pts, xy, raw, circles, countries, projected)
    index = {pid: k for k, ids in enumerate(seeds) for pid in ids}
    return PlaceCells(points, seeds, cells, edge_i, edge_j, edges, kx, max_km, index)


def _countries(points: Sequence[PlacePoint], outlines: Outlines | None) -> list[str]:
    """Each point's country code; where a place names none, the outline holding it."""
    codes = [p.country.upper() for p in points]
    if outlines is None or all(codes):
        return codes
    for k, point in enumerate(points):
        if codes[k]:
            continue
        spot = shapely.Point(point.lon, point.lat)
        for code in outlines.codes_within((point.lon, point.lat, point.lon, point.lat)):
            outline = outlines.country(code)
            if outline is not None and outline.covers(spot):
                codes[k] = code
                break
    return codes


def _seeds(places: Sequence[PlacePoint]) -> tuple[list[list[str]], list[PlacePoint]]:
    by_point: dict[tuple[int, int], int] = {}
    seeds: list[list[str]] = []
    points: list[PlacePoint] = []
    for place in places:
        key = (round(place.lon / _GRID), round(place.lat / _GRID))
        k = by_point.get(key)
        if k is None:
            by_point[key] = len(points)
            points.append(place)
            seeds.append([place.place_id])
        else:
            seeds[k].append(place.place_id)
    return seeds, points


def _voronoi(pts: np.ndarray, xy: np.ndarray, radius: float) -> np.ndarray:
    west, south = xy.min(axis=0) - 2 * radius
    east, north = xy.max(axis=0) + 2 * radius
    frame = shapely.box(west, south, east, north)
    if len(xy) == 1:
        return np.array([frame], dtype=object)
    collection = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame, ordered=True)
    return np.asarray(shapely.get_parts(collection), dtype=object)


def _project_outlines(
    outlines: Outlines | None, codes: Iterable[str], kx: float
) -> dict[str, BaseGeometry]:
    projected: dict[str, BaseGeometry] = {}
    if outlines is None:
        return projected
    scale = np.array([kx, 1.0])
    for code in codes:
        outline = outlines.country(code) if code else None
        if outline is not None and not outline.is_empty:
            shape = shapely.transform(outline, lambda xy: xy * scale)
            shapely.prepare(shape)
            projected[code] = shape
    return projected


def _clip(
    geometries: np.ndarray, countries: np.ndarray, projected: dict[str, BaseGeometry]
) -> np.ndarray:
    """Each geometry cut to its own country's outline (left as is where none is known)."""
    out = geometries.copy()
    for code, outline in projected.items():
        idx = np.nonzero(countries == code)[0]
        if not len(idx):
            continue
        inside = shapely.contains_properly(outline, out[idx])
        todo = idx[~inside]
        if len(todo):
            out[todo] = shapely.intersection(out[todo], outline)
    return out


def _edges(
    pts: np.ndarray,
    xy: np.ndarray,
    raw: np.ndarray,
    circles: np.ndarray,
    countries: np.ndarray,
    projected: dict[str, BaseGeometry],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Neighbouring cells (Delaunay edges) in one country and the line they share."""
    if len(xy) < 2:
        return np.array([], int), np.array([], int), np.array([], dtype=object)
    lines = shapely.get_parts(shapely.delaunay_triangles(shapely.multipoints(pts), only_edges=True))
    ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
    lookup = {(float(x), float(y)): k for k, (x, y) in enumerate(xy)}
    pairs = [
        (lookup.get((float(a[0]), float(a[1]))), lookup.get((float(b[0]), float(b[1]))))
        for a, b in ends
    ]
    kept = [(i, j) for i, j in pairs if i is not None and j is not None and countries[i] == countries[j]]
    if not kept:
        return np.array([], int), np.array([], int), np.array([], dtype=object)
    edge_i = np.array([p[0] for p in kept], dtype=int)
    edge_j = np.array([p[1] for p in kept], dtype=int)
    shared = shapely.intersection(raw[edge_i], raw[edge_j])
    shared = shapely.intersection(shared, circles[edge_i])  # points on it are equidistant
    shared = _clip(shared, countries[edge_i], projected)
    useful = ~shapely.is_empty(shared) & (shapely.length(shared) > 0)
    return edge_i[useful], edge_j[useful], shared[useful]


def holders_on(periods: Iterable[ControlPeriod], at: dt.date | str) -> dict[str, set[str]]:
    """Place id -> the holders whose periods cover ``at``."""
    day = at.isoformat() if isinstance(at, dt.date) else at
    found: dict[str, set[str]] = {}
    for period in periods:
        if period.covers(day):
            found.setdefault(period.place_id, set()).add(period.holder)
    return found


def control_areas(
    periods: Sequence[ControlPeriod],
    at: dt.date | str,
    *,
    cells: PlaceCells | None = None,
    outlines: Outlines | None = None,
    max_km: float = DEFAULT_MAX_KM,
) -> ControlAreas:
    """Areas by holder and front lines on ``at`` (``cells`` reused when given)."""
    day = at.isoformat() if isinstance(at, dt.date) else at
    if cells is None:
        cells = place_cells(places_of(periods), outlines=outlines, max_km=max_km)
    held = holders_on(periods, day)
    keys = [_seed_holders(ids, held) for ids in cells.seeds]
    result = ControlAreas(day, cells.max_km)
    result.areas = _areas(cells, keys)
    result.fronts = _fronts(cells, keys)
    return result


def _seed_holders(place_ids: list[str], held: dict[str, set[str]]) -> tuple[str, ...]:
    found: set[str] = set()
    for place_id in place_ids:
        found |= held.get(place_id, set())
    return tuple(sorted(found))


def _areas(cells: PlaceCells, keys: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, ...], list[int]] = {}
    for k, key in enumerate(keys):
        if key:
            groups.setdefault(key, []).append(k)
    areas: list[dict[str, Any]] = []
    for key, members in sorted(groups.items(), key=lambda item: (len(item[0]) > 1, item[0])):
        merged = shapely.union_all(cells.cells[np.array(members)])
        if merged.is_empty:
            continue
        areas.append(
            {"kind": "area", "holder": " / ".join(key), "holders": list(key),
             "contested": len(key) > 1, "places": len(members), "geometry": cells.lonlat(merged)}
        )  # fmt: skip
    return areas


def _fronts(cells: PlaceCells, keys: list[tuple[str, ...]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[int]] = {}
    for e, (i, j) in enumerate(zip(cells.edge_i, cells.edge_j, strict=True)):
        a, b = keys[i], keys[j]
        if a and b and not set(a) & set(b):
            pair = tuple(sorted((" / ".join(a), " / ".join(b))))
            groups.setdefault((pair[0], pair[1]), []).append(e)
    fronts: list[dict[str, Any]] = []
    for pair, members in sorted(groups.items()):
        line = shapely.line_merge(shapely.union_all(cells.edges[np.array(members)]))
        if line.is_empty:
            continue
        fronts.append(
            {"kind": "front", "holder": f"{pair[0]} | {pair[1]}", "holders": list(pair),
             "contested": False, "length_km": round(float(line.length) * KM_PER_DEGREE, 1),
             "geometry": cells.lonlat(line)}
        )  # fmt: skip
    return fronts


class AreaCache:
    """Cells per set of periods (one store state) and areas per date, thread-safe.

    The periods list a :class:`~frontlines.control.PeriodCache` returns stays the same
    object while the store is unchanged, so it is the key (held, so it stays alive)."""

    def __init__(self, dates: int = 64) -> None:
        self._cells: tuple[object, int, float, PlaceCells] | None = None
        self._areas: OrderedDict[tuple[str, float], ControlAreas] = OrderedDict()
        self._dates = dates
        self._lock = threading.Lock()

    def cells(
        self, periods: Sequence[ControlPeriod], *, outlines: Outlines | None = None,
        max_km: float = DEFAULT_MAX_KM,
    ) -> PlaceCells:  # fmt: skip
        with self._lock:
            cached = self._cells
            if cached and cached[0] is periods and cached[1] == id(outlines) and cached[2] == max_km:
                return cached[3]
        found = place_cells(places_of(periods), outlines=outlines, max_km=max_km)
        with self._lock:
            if self._cells is None or self._cells[0] is not periods:
                self._areas.clear()
            self._cells = (periods, id(outlines), max_km, found)
        return found

    def areas(
        self, periods: Sequence[ControlPeriod], at: dt.date | str, *,
        outlines: Outlines | None = None, max_km: float = DEFAULT_MAX_KM,
    ) -> ControlAreas:  # fmt: skip
        day = at.isoformat() if isinstance(at, dt.date) else at
        cells = self.cells(periods, outlines=outlines, max_km=max_km)
        with self._lock:
            found = self._areas.get((day, max_km))
            if found is not None:
                self._areas.move_to_end((day, max_km))
                return found
        found = control_areas(periods, day, cells=cells)
        with self._lock:
            self._areas[(day, max_km)] = found
            while len(self._areas) > self._dates:
                self._areas.popitem(last=False)
        return found
