"""Admin codes for points that come without them, from the nearest town of their country.

The Wikipedia detailed-map points (Syria, Iraq) carry a name, coordinates and a control
mark but no province or district; events placed at them would have no ``admin1``. A point
takes the admin codes of the nearest cities500 town of its own country within
:data:`REACH_KM`; farther out it takes that town's province only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from ..records import Place
from .sources import Entry

REACH_KM = 25.0
_CELL = 0.25  # degrees: about 28 km of latitude, so the 3x3 block around a cell covers REACH_KM

Cell = tuple[str, int, int]


def _cell(country: str, lat: float, lon: float) -> Cell:
    return country, math.floor(lat / _CELL), math.floor(lon / _CELL)


def _km(a: Place, b: Place) -> float:
    """Equirectangular distance: exact enough within a few tens of kilometres."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def _grid(towns: Iterable[Entry]) -> dict[Cell, list[Place]]:
    grid: dict[Cell, list[Place]] = {}
    for entry in towns:
        p = entry.place
        if p.admin1:
            grid.setdefault(_cell(p.country, p.lat, p.lon), []).append(p)
    return grid


def _nearest(place: Place, grid: dict[Cell, list[Place]]) -> Place | None:
    country, row, col = _cell(place.country, place.lat, place.lon)
    near = [
        town
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        for town in grid.get((country, row + dr, col + dc), [])
    ]
    best = min(near, key=lambda town: _km(place, town), default=None)
    return best if best is not None and _km(place, best) <= REACH_KM else None


def with_admins(entries: list[Entry], towns: Iterable[Entry]) -> list[Entry]:
    """``entries`` whose places lack admin codes given those of the nearest town of the
    same country within :data:`REACH_KM`; farther from every town, the province (admin1)
    of the nearest town of the country all the same (provinces are large; a district is
    not guessed that far), and nothing where the country has no town."""
    towns = list(towns)
    grid = _grid(towns)
    by_country: dict[str, list[Place]] = {}
    for town in towns:
        if town.place.admin1:
            by_country.setdefault(town.place.country, []).append(town.place)
    out: list[Entry] = []
    for entry in entries:
        place = entry.place
        if not place.admin1:
            place = _with_codes(place, grid, by_country.get(place.country, []))
            entry = replace(entry, place=place)
        out.append(entry)
    return out


def _with_codes(place: Place, grid: dict[Cell, list[Place]], country: list[Place]) -> Place:
    town = _nearest(place, grid)
    if town is not None:
        return replace(place, admin1=town.admin1, admin2=town.admin2)
    farther = min(country, key=lambda t: _km(place, t), default=None)
    return place if farther is None else replace(place, admin1=farther.admin1)
