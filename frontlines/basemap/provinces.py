"""Province (admin-1) outlines derived from the gazetteer, where no polygon data ships.

Every gazetteer place carries its admin-1 code. The Voronoi cells of a country's places,
clipped to the country's outline and merged by admin-1 code, approximate the provinces:
good enough to name them on a map and to select a province's events by its area, and
marked ``approximate`` wherever they are shown. The package ships the result for Syria
and Iraq (``data/provinces.geojson``, built by ``scripts/build_basemap_data.py``).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from ..errors import ConfigError
from .outlines import Outlines

ATTRIBUTION = "Provinces: approximate, derived from GeoNames admin-1 codes (CC BY 4.0)"
# (name, lon, lat, country, admin1)
AdminPoint = tuple[str, float, float, str, str]


@dataclass(frozen=True, slots=True)
class Province:
    """An admin-1 area (``geometry`` in longitude/latitude)."""

    country: str
    code: str
    name: str
    geometry: BaseGeometry
    approximate: bool = True

    @property
    def label_point(self) -> tuple[float, float]:
        """The point of the largest part farthest from its edges (pole of inaccessibility)."""
        parts = [p for p in shapely.get_parts(self.geometry) if p.geom_type == "Polygon"]
        if not parts:
            point = self.geometry.representative_point()
            return (point.x, point.y)
        point = polylabel(max(parts, key=lambda p: p.area), tolerance=0.01)
        return (point.x, point.y)

    def to_feature(self, *, digits: int = 4, tolerance: float = 0.0) -> dict[str, Any]:
        geometry = shapely.simplify(self.geometry, tolerance) if tolerance else self.geometry
        geometry = shapely.set_precision(geometry, 10**-digits)
        lon, lat = self.label_point
        return {
            "type": "Feature",
            "properties": {"country": self.country, "code": self.code, "name": self.name,
                           "approximate": self.approximate,
                           "label": [round(lon, 3), round(lat, 3)]},
            "geometry": mapping(geometry),
        }  # fmt: skip


def derive_provinces(
    points: Iterable[AdminPoint], outlines: Outlines, names: Mapping[tuple[str, str], str]
) -> list[Province]:
    """Provinces from places' admin-1 codes: Voronoi cells merged by code, per country."""
    by_country: dict[str, list[AdminPoint]] = {}
    for point in points:
        if point[3] and point[4]:
            by_country.setdefault(point[3], []).append(point)
    provinces: list[Province] = []
    for country, members in sorted(by_country.items()):
        outline = outlines.country(country)
        if outline is None:
            continue
        provinces.extend(_country_provinces(country, members, outline, names))
    return provinces


def _country_provinces(
    country: str,
    points: list[AdminPoint],
    outline: BaseGeometry,
    names: Mapping[tuple[str, str], str],
) -> list[Province]:
    unique: dict[tuple[float, float], AdminPoint] = {}
    for point in points:
        unique.setdefault((round(point[1], 4), round(point[2], 4)), point)
    members = list(unique.values())
    kx = max(math.cos(math.radians(sum(p[2] for p in members) / len(members))), 0.05)
    scale = np.array([kx, 1.0])
    shape_xy = shapely.transform(outline, lambda xy: xy * scale)
    pts = shapely.points(np.array([[p[1] * kx, p[2]] for p in members]))
    frame = shapely.box(*shape_xy.buffer(1.0).bounds)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame, ordered=True)
    )
    codes = np.array([p[4] for p in members], dtype=object)
    found: list[Province] = []
    for code in sorted(set(codes)):
        merged = shapely.union_all(cells[codes == code]).intersection(shape_xy)
        if merged.is_empty:
            continue
        geometry = shapely.transform(merged, lambda xy: xy / scale)
        found.append(Province(country, code, names.get((country, code), code), geometry))
    return found


def fold_name(name: str) -> str:
    """A province name for matching: no accents, case, 'governorate', hyphens or articles."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\b(governorate|province|muhafazat)\b", " ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w not in {"al", "ar", "as", "ad", "an", "ash", "el"}]
    return " ".join(words)


@lru_cache(maxsize=1)
def load_provinces() -> tuple[Province, ...]:
    """The shipped provinces (Syria and Iraq), read once."""
    path = resources.files("frontlines.basemap").joinpath("data/provinces.geojson")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the shipped provinces ({exc}); reinstall frontlines",
                          source=str(path)) from exc  # fmt: skip
    return tuple(
        Province(f["properties"]["country"], f["properties"]["code"], f["properties"]["name"],
                 shapely.make_valid(shape(f["geometry"])), bool(f["properties"]["approximate"]))
        for f in data.get("features", [])
    )  # fmt: skip


_ALIASES = {"deir ezzor": "deir ez zor", "dayr az zawr": "deir ez zor", "raqqa": "raqqah",
            "hasakah": "hasakah", "rif dimashq": "rif dimashq", "damascus": "dimashq",
            "ninawa": "nineveh", "salahuddin": "salah din", "saladin": "salah din",
            "anbar": "anbar", "diyala": "diyala"}  # fmt: skip


def find_province(name: str, *, provinces: Iterable[Province] | None = None) -> Province | None:
    """The province called ``name`` (spelling variants folded), or None."""
    wanted = fold_name(name)
    wanted = _ALIASES.get(wanted, wanted)
    for province in provinces if provinces is not None else load_provinces():
        folded = fold_name(province.name)
        if wanted == _ALIASES.get(folded, folded):
            return province
    return None
