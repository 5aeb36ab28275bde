"""The shipped base-map layers: rivers, lakes (Natural Earth) and towns (GeoNames,
Wikipedia), cut to the Syria/Iraq region. Sources and licences: ``data/NOTICE.md``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

ATTRIBUTION = "Rivers and lakes: Natural Earth (public domain)"


@dataclass(frozen=True, slots=True)
class Town:
    """A populated place to label."""

    name: str
    lon: float
    lat: float
    population: int
    country: str
    admin1: str


def _text(name: str) -> str:
    path = resources.files("frontlines.basemap").joinpath(f"data/{name}")
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the shipped base map ({exc}); reinstall frontlines",
                          source=str(path)) from exc  # fmt: skip


@lru_cache(maxsize=1)
def load_rivers() -> dict[str, Any]:
    """Rivers and lake centre lines (GeoJSON FeatureCollection)."""
    data: dict[str, Any] = json.loads(_text("rivers.geojson"))
    return data


@lru_cache(maxsize=1)
def load_lakes() -> dict[str, Any]:
    """Lakes and reservoirs (GeoJSON FeatureCollection)."""
    data: dict[str, Any] = json.loads(_text("lakes.geojson"))
    return data


@lru_cache(maxsize=1)
def load_towns() -> tuple[Town, ...]:
    """Towns, largest first."""
    towns: list[Town] = []
    for line in _text("towns.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        name, lon, lat, population, country, admin1, _source = line.split("\t")
        towns.append(Town(name, float(lon), float(lat), int(population), country, admin1))
    return tuple(towns)
