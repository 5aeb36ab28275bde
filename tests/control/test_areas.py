"""Control areas: cells by holder, contested and blank places, front lines, clipping."""

from __future__ import annotations

import shapely
from shapely.geometry import Point, box

from frontlines.basemap import MemoryOutlines
from frontlines.control.areas import (
    AreaCache,
    ControlAreas,
    control_areas,
    place_cells,
    places_of,
)
from frontlines.control.periods import ControlPeriod

A, B = "Holder A", "Holder B"


def _period(pid: str, lon: float, lat: float, holder: str, since: str = "2020-01-01",
            until: str = "", contested: bool = False) -> ControlPeriod:  # fmt: skip
    return ControlPeriod(pid, pid, holder, since, until, 0.5, contested, [], lat, lon, "SY")


def _grid() -> list[ControlPeriod]:
    """A 4 x 3 grid of places 0.1 degree apart: west half A, east half B."""
    periods = []
    for col in range(4):
        for row in range(3):
            holder = A if col < 2 else B
            periods.append(_period(f"p{col}{row}", 38.0 + col * 0.1, 35.0 + row * 0.1, holder))
    return periods


def _area(areas: ControlAreas, holder: str) -> shapely.Geometry:
    return next(a["geometry"] for a in areas.areas if a["holder"] == holder)


def test_cells_of_one_holder_are_merged_and_fronts_run_between_holders() -> None:
    areas = control_areas(_grid(), "2020-06-01")
    assert [a["holder"] for a in areas.areas] == [A, B]
    assert _area(areas, A).contains(Point(38.05, 35.1))
    assert _area(areas, B).contains(Point(38.25, 35.1))
    assert not _area(areas, A).contains(Point(38.25, 35.1))
    [front] = areas.fronts
    assert front["holders"] == [A, B]
    # the front runs north-south half way between the second and third columns
    xs = shapely.get_coordinates(front["geometry"])[:, 0]
    assert abs(xs.mean() - 38.15) < 0.01
    assert front["length_km"] > 20


def test_areas_reach_no_further_than_max_km() -> None:
    lone = [_period("x", 40.0, 35.0, A)]
    areas = control_areas(lone, "2020-06-01", max_km=15.0)
    geometry = _area(areas, A)
    assert geometry.contains(Point(40.1, 35.0))  # about 9 km east
    assert not geometry.contains(Point(40.3, 35.0))  # about 27 km east
    assert areas.fronts == []


def test_contested_places_are_their_own_area_and_blank_places_give_nothing() -> None:
    periods = _grid()
    periods.append(_period("p00", 38.0, 35.0, B, contested=True))  # A and B both claim p00
    periods[4] = _period("p11", 38.1, 35.1, A, until="2020-03-01")  # no holder by June
    areas = control_areas(periods, "2020-06-01")
    contested = [a for a in areas.areas if a["contested"]]
    assert len(contested) == 1 and contested[0]["holders"] == [A, B]
    assert contested[0]["geometry"].contains(Point(38.0, 35.0))
    blank = Point(38.1, 35.1)
    assert not any(a["geometry"].contains(blank) for a in areas.areas)


def test_holders_follow_the_date() -> None:
    periods = [*_grid(), _period("p10", 38.1, 35.0, B, since="2021-01-01")]
    periods[3].until = "2021-01-01"  # p10 passes from A to B
    before = control_areas(periods, "2020-06-01")
    after = control_areas(periods, "2021-06-01")
    assert _area(before, A).contains(Point(38.1, 35.0))
    assert _area(after, B).contains(Point(38.1, 35.0))


def test_cells_are_clipped_to_the_country_outline() -> None:
    outlines = MemoryOutlines({"SY": box(37.0, 34.0, 38.27, 36.0)})
    cells = place_cells(places_of(_grid()), outlines=outlines)
    areas = control_areas(_grid(), "2020-06-01", cells=cells)
    assert _area(areas, B).contains(Point(38.22, 35.1))
    assert not _area(areas, B).contains(Point(38.29, 35.1))  # outside the outline
    assert _area(areas, A).contains(Point(38.05, 35.1))


def test_geojson_has_areas_then_fronts() -> None:
    data = control_areas(_grid(), "2020-06-01").to_geojson()
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds == ["area", "area", "front"]
    assert data["at"] == "2020-06-01"
    assert data["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_no_places_give_no_areas() -> None:
    areas = control_areas([], "2020-06-01")
    assert areas.areas == [] and areas.fronts == []


def test_cache_reuses_cells_and_areas_for_the_same_periods() -> None:
    cache = AreaCache()
    periods = _grid()
    first = cache.areas(periods, "2020-06-01")
    assert cache.areas(periods, "2020-06-01") is first
    assert cache.cells(periods) is cache.cells(periods)
    other = list(periods)
    assert cache.areas(other, "2020-06-01") is not first


def test_a_place_without_a_country_is_clipped_to_the_outline_holding_it() -> None:
    periods = [ControlPeriod("x", "x", A, "2020-01-01", "", 0.5, False, [], 35.0, 38.25, "")]
    outlines = MemoryOutlines({"SY": box(37.0, 34.0, 38.3, 36.0), "IQ": box(38.3, 34.0, 40.0, 36.0)})
    areas = control_areas(periods, "2020-06-01", outlines=outlines)
    geometry = _area(areas, A)
    assert geometry.contains(Point(38.2, 35.0))
    assert not geometry.contains(Point(38.35, 35.0))  # across the border
