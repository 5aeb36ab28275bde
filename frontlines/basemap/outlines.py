"""Country outlines as shapely geometries, by ISO 3166-1 alpha-2 code.

``Outlines`` is the small protocol the control areas and the static map read;
``WorldAtlasOutlines`` decodes npm world-atlas' ``countries-50m.json`` (Natural Earth,
public domain) on first use, ``MemoryOutlines`` holds geometries given by hand (tests).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

COUNTRIES_FILE = "world-atlas/countries-50m.json"


class Outlines(Protocol):
    """Where country outlines come from."""

    def country(self, code: str) -> BaseGeometry | None:
        """The outline of the country ``code`` (alpha-2), or None when unknown."""
        ...

    def codes(self) -> list[str]:
        """Every country code with an outline."""
        ...

    def codes_within(self, extent: tuple[float, float, float, float]) -> list[str]:
        """The codes of the countries whose box meets ``extent`` (west, south, east, north)."""
        ...


class MemoryOutlines:
    """Outlines given as a mapping code -> geometry."""

    def __init__(self, shapes: Mapping[str, BaseGeometry] | None = None) -> None:
        self._shapes = dict(shapes or {})

    def country(self, code: str) -> BaseGeometry | None:
        return self._shapes.get(code.upper())

    def codes(self) -> list[str]:
        return sorted(self._shapes)

    def codes_within(self, extent: tuple[float, float, float, float]) -> list[str]:
        return sorted(k for k, v in self._shapes.items() if _meets(v.bounds, extent))


class WorldAtlasOutlines:
    """Outlines from world-atlas' TopoJSON (read once, lazily; constructors do no I/O)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._raw: dict[str, dict[str, Any]] | None = None
        self._shapes: dict[str, BaseGeometry] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            if self._raw is None:
                self._raw = _read(self.path)
            return self._raw

    def country(self, code: str) -> BaseGeometry | None:
        key = code.upper()
        raw = self._load().get(key)
        if raw is None:
            return None
        with self._lock:
            if key not in self._shapes:
                self._shapes[key] = shapely.make_valid(shape(raw))
            return self._shapes[key]

    def codes(self) -> list[str]:
        return sorted(self._load())

    def codes_within(self, extent: tuple[float, float, float, float]) -> list[str]:
        found = []
        for code, raw in self._load().items():
            xy = np.array([p[:2] for p in _positions(raw.get("coordinates") or [])])
            if len(xy) and _meets((*xy.min(axis=0), *xy.max(axis=0)), extent):
                found.append(code)
        return sorted(found)


def _positions(coords: Any) -> list[Any]:
    """Every position of a GeoJSON coordinates array, however deeply nested."""
    if coords and isinstance(coords[0], (int, float)):
        return [coords]
    found: list[Any] = []
    for item in coords:
        found.extend(_positions(item))
    return found


def _meets(bounds: Any, extent: tuple[float, float, float, float]) -> bool:
    west, south, east, north = (float(v) for v in bounds)
    return west <= extent[2] and east >= extent[0] and south <= extent[3] and north >= extent[1]


def _read(path: Path) -> dict[str, dict[str, Any]]:
    from ..publish.basemap import countries_geojson

    by_numeric = _numeric_codes()
    shapes: dict[str, dict[str, Any]] = {}
    for feature in countries_geojson(path, digits=5)["features"]:
        properties = feature.get("properties") or {}
        code = by_numeric.get(str(feature.get("id") or properties.get("id") or "").lstrip("0"))
        geometry = feature.get("geometry")
        if code and geometry:
            shapes[code] = geometry
    return shapes


def _numeric_codes() -> dict[str, str]:
    from ..publish.countries import _table

    return {str(info.numeric): info.iso2 for info in _table().values()}


_DEFAULT: dict[str, WorldAtlasOutlines] = {}


def default_outlines(assets_dir: Path) -> Outlines | None:
    """The world-atlas outlines under ``assets_dir`` (one shared reader per folder), or
    None when the file is not there (areas are then clipped by distance alone)."""
    path = Path(assets_dir) / COUNTRIES_FILE
    if not path.exists():
        return None
    key = str(path)
    if key not in _DEFAULT:
        _DEFAULT[key] = WorldAtlasOutlines(path)
    return _DEFAULT[key]


def country_name(code: str) -> str:
    from ..publish.countries import country_info

    info = country_info(code)
    return info.name if info else code
