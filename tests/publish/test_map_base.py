"""The map page's prebuilt base tiles: countries and control areas as PMTiles in the page."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pyogrio
import pytest

from frontlines.config import Settings
from frontlines.control.areas import place_cells, places_of
from frontlines.control.periods import ControlPeriod
from frontlines.publish import map_base, render_map

from .events_factory import sample_events

needs_assets = pytest.mark.skipif(
    not (Settings().assets_dir / "world-atlas" / "countries-50m.json").exists(),
    reason="node_modules has no world-atlas: run `make setup` (npm ci)",
)
GOV, SDF = "Military Forces of Syria (2000-)", "SDF: Syrian Democratic Forces"


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings with a cache shared by the module's tests (the countries written once)."""
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"))


def _periods() -> list[ControlPeriod]:
    """Six places in a row: the west held by the government, the east by the SDF."""
    return [
        ControlPeriod(f"p{i}", f"p{i}", GOV if i < 3 else SDF, "2024-01-01", "", 0.6, False, [],
                      35.75, 38.55 + i * 0.1, "SY")
        for i in range(6)
    ]  # fmt: skip


def _archive(page: str, element: str, folder: Path) -> Path:
    found = re.search(
        rf'<script type="application/octet-stream" id="{element}">([A-Za-z0-9+/=]+)</script>', page
    )
    assert found, f"no {element} element in the page"
    path = folder / f"{element}.pmtiles"
    path.write_bytes(base64.b64decode(found.group(1)))
    return path


def _data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="frontlines-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


@needs_assets
def test_the_countries_are_tiles_in_the_page_not_geojson(tmp_path: Path, cached: Settings) -> None:
    page = render_map(sample_events(), settings=cached)
    data = _data(page)
    assert "countries" not in data and data["base"]["countries"]["element"] == "frontlines-countries"
    archive = _archive(page, "frontlines-countries", tmp_path)
    assert [str(name) for name, _ in pyogrio.list_layers(archive)] == ["countries"]
    assert pyogrio.read_info(archive, layer="countries")["features"] > 200
    # the tiles come before the app's script, so the first view never waits for the page's end
    assert page.index('id="frontlines-countries"') < page.index('performance.mark("fl-start")')


@needs_assets
def test_the_countries_tiles_are_written_once_and_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_map(sample_events(), settings=Settings(cache_dir=tmp_path))
    assert len(list((tmp_path / "map").glob("countries-*.pmtiles"))) == 1

    def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("written again")

    monkeypatch.setattr(map_base, "_written", refuse)
    again = render_map(sample_events(), settings=Settings(cache_dir=tmp_path))
    element = 'id="frontlines-countries">'
    assert again.split(element)[1][:4000] == first.split(element)[1][:4000]


@needs_assets
def test_the_control_areas_travel_as_tiles_with_their_front_lines(
    tmp_path: Path, cached: Settings
) -> None:
    periods = _periods()
    cells = place_cells(places_of(periods))
    page = render_map(sample_events(), settings=cached,
                      control=[p.to_dict() for p in periods], areas=cells)  # fmt: skip
    territory = _data(page)["territory"]
    assert "cells" not in territory  # no polygon of GeoJSON for the worker to tile
    assert territory["tiled"]["element"] == "frontlines-control"
    assert territory["tiled"]["minzoom"] == map_base.AREAS_MINZOOM  # no world tile of every cell
    assert len(territory["seeds"]) == 6 and len(territory["edges"]) == 1  # one front: p2|p3
    archive = _archive(page, "frontlines-control", tmp_path)
    assert {str(name) for name, _ in pyogrio.list_layers(archive)} == {"control_cells", "control_edges"}
    assert pyogrio.read_info(archive, layer="control_cells")["features"] == 6
    assert pyogrio.read_info(archive, layer="control_edges")["features"] == 1


@needs_assets
def test_an_unwritable_cache_still_gives_the_tiles(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    page = render_map(sample_events(), settings=Settings(cache_dir=blocker))
    archive = _archive(page, "frontlines-countries", tmp_path)
    assert pyogrio.read_info(archive, layer="countries")["features"] > 200


def test_the_control_tiles_cache_keeps_the_newest_archives(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    for i in range(12):
        (folder / f"control-old{i:02d}.pmtiles").write_bytes(b"x")
    periods = _periods()
    tiles = map_base.control_tiles(Settings(cache_dir=tmp_path), place_cells(places_of(periods)))
    assert tiles is not None and tiles.element == "frontlines-control"
    kept = sorted(p.name for p in folder.glob("control-*.pmtiles"))
    assert len(kept) == map_base.KEEP_CONTROL
    assert sum(not name.startswith("control-old") for name in kept) == 1  # the new one is kept
