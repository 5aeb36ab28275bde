"""Control cells and edges as their own layers of the events' PMTiles archive, read back by GDAL."""

from __future__ import annotations

import math
from pathlib import Path

import pyogrio
import shapely
from pyogrio import raw

from frontlines.control.areas import place_cells, places_of
from frontlines.control.periods import ControlPeriod
from frontlines.publish.map_territory import front_edges
from frontlines.publish.tiles import write_tiles
from frontlines.publish.tiles_control import CELLS_LAYER, EDGES_LAYER

from .events_factory import sample_events


def _grid() -> list[ControlPeriod]:
    """A 4 x 3 grid of places 0.1 degree apart near Palmyra."""
    return [
        ControlPeriod(
            f"p{c}{r}",
            f"Place {c}{r}",
            "A" if c < 2 else "B",
            "2020-01-01",
            "",
            0.5,
            False,
            [],
            34.5 + r * 0.1,
            38.0 + c * 0.1,
            "SY",
        )
        for c in range(4)
        for r in range(3)
    ]


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon = x / 6378137.0 * 180.0 / math.pi
    return lon, math.degrees(2 * math.atan(math.exp(y / 6378137.0)) - math.pi / 2)


def _layer(path: Path, name: str) -> tuple[dict[str, list], list[shapely.Geometry]]:
    meta, _fids, geometry, values = raw.read(path, layer=name)
    return dict(zip(meta["fields"], [list(v) for v in values], strict=True)), list(
        shapely.from_wkb(geometry)
    )


def test_control_cells_and_edges_are_layers_beside_the_events(tmp_path: Path) -> None:
    cells = place_cells(places_of(_grid()))
    tiles = write_tiles(sample_events(), tmp_path / "events.pmtiles", cells=cells)
    assert tiles.layers == ("events", CELLS_LAYER, EDGES_LAYER)
    names = {str(n) for n, _ in pyogrio.list_layers(tiles.path)}
    assert names == {"events", CELLS_LAYER, EDGES_LAYER}
    # GDAL reads an archive's highest level unless told: the events' is lower than control's
    events = pyogrio.read_info(tiles.path, layer="events", zoom_level=str(tiles.zoom))
    assert events["features"] == 2
    values, geometries = _layer(tiles.path, CELLS_LAYER)
    assert set(values["k"]) == set(range(12)) and "Place 00" in values["name"]
    # GDAL reads the highest level in Web Mercator, a cell cut at tile edges: the pieces
    # of cell k together hold its own place and none of the others
    pieces: dict[int, list[shapely.Geometry]] = {}
    for k, geometry in zip(values["k"], geometries, strict=True):
        pieces.setdefault(k, []).append(
            shapely.transform(geometry, lambda xy: [_lonlat(x, y) for x, y in xy])
        )
    for k, parts in pieces.items():
        cell = shapely.union_all(parts).buffer(1e-3)
        inside = [p.place_id for p in cells.points if cell.contains(shapely.Point(p.lon, p.lat))]
        assert inside == [cells.points[k].place_id]
    edges, _ = _layer(tiles.path, EDGES_LAYER)
    pairs = {tuple(sorted(p)) for p in zip(edges["a"], edges["b"], strict=True)}
    assert len(pairs) == len(cells.edge_i) and set(edges["e"]) == set(range(len(pairs)))


def test_without_cells_the_archive_holds_the_events_only(tmp_path: Path) -> None:
    tiles = write_tiles(sample_events(), tmp_path / "events.pmtiles")
    assert tiles.layers == ("events",)
    assert [str(n) for n, _ in pyogrio.list_layers(tiles.path)] == ["events"]


def test_only_edges_that_can_be_a_front_line_are_kept(tmp_path: Path) -> None:
    periods = _grid()
    cells = place_cells(places_of(periods))
    fronts = front_edges(periods, cells)
    columns = {k: round((p.lon - 38.0) / 0.1) for k, p in enumerate(cells.points)}
    expected = {
        e
        for e, (i, j) in enumerate(zip(cells.edge_i, cells.edge_j, strict=True))
        if {columns[int(i)], columns[int(j)]} == {1, 2}  # between the A and the B columns
    }
    assert fronts == expected and expected
    tiles = write_tiles(sample_events(), tmp_path / "events.pmtiles", cells=cells, fronts=fronts)
    edges, _ = _layer(tiles.path, EDGES_LAYER)
    assert set(edges["e"]) == fronts
