"""The shipped base-map layers: rivers, lakes (Natural Earth) and towns (GeoNames,
Wikipedia), cut to the Syria/Iraq region. Sources and licences: ``data/NOTICE.md``."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
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


@dataclass(frozen=True, slots=True)
class Label:
    """A town to name on a map, with its rank (larger: shown earlier, at lower zoom)."""

    name: str
    lon: float
    lat: float
    score: float


def town_labels(
    towns: Iterable[Town], mentions: Mapping[str, int] | None = None
) -> list[Label]:
    """Towns ranked by population and by how often the store's events name them.

    ``mentions`` maps a place name (as events write it) to its number of events; a name
    the events use that is no shipped town is not added here (it has no point of its own).
    """
    counts = {k.casefold(): v for k, v in (mentions or {}).items()}
    labels = [
        Label(t.name, t.lon, t.lat, round(
            math.log10(t.population + 1) + 2.0 * math.log10(counts.get(t.name.casefold(), 0) + 1), 3))
        for t in towns
    ]  # fmt: skip
    labels.sort(key=lambda label: (-label.score, label.name))
    return labels


@lru_cache(maxsize=1)
def country_labels() -> tuple[tuple[str, str, float, float], ...]:
    """(alpha-2 code, name, lon, lat) of Natural Earth's country label points."""
    path = resources.files("frontlines.geo").joinpath(
        "data/naturalearth/ne_10m_admin_0_label_points.tsv"
    )
    found: list[tuple[str, str, float, float]] = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read country label points ({exc})", source=str(path)) from exc
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        try:
            lon, lat = float(row["label_x"]), float(row["label_y"])
        except (KeyError, ValueError):
            continue
        found.append((row.get("iso_a2", ""), row.get("name_en") or row.get("name", ""), lon, lat))
    return tuple(found)
