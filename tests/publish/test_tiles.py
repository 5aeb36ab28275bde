"""Vector tiles: a PMTiles archive written by GDAL that GDAL reads back, zoom chosen from the data."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import pyogrio
import pytest
from pyogrio import raw

from frontlines.errors import ConfigError
from frontlines.publish.map_tiles import TILES_THRESHOLD, use_tiles
from frontlines.publish.tiles import choose_zoom, day_number, write_tiles

from .events_factory import sample_events


def _lonlat(x: float, y: float) -> tuple[float, float]:
    """Web Mercator metres to degrees."""
    lon = x / 6378137.0 * 180.0 / math.pi
    lat = math.degrees(2 * math.atan(math.exp(y / 6378137.0)) - math.pi / 2)
    return lon, lat


def test_the_archive_opens_with_gdal_with_every_placed_event(tmp_path: Path) -> None:
    tiles = write_tiles(sample_events(), tmp_path / "events.pmtiles")
    assert tiles.count == 2 and tiles.details  # the third event has no coordinates
    assert (tiles.min_zoom, tiles.zoom) == (1, 3)  # few events: two levels below the chosen one
    assert [str(n) for n, _ in pyogrio.list_layers(tiles.path)] == ["events"]
    info = pyogrio.read_info(tiles.path, layer="events")
    assert info["features"] == 2
    assert {"id", "t", "s", "d", "c", "a1", "a2", "loc", "f", "gp", "ev", "src", "url"} <= set(
        info["fields"]
    )
    meta, _fids, geometry, values = raw.read(tiles.path, layer="events")
    data = dict(zip(meta["fields"], values, strict=True))
    syr = list(data["id"]).index("SYR-1")
    assert data["t"][syr] == "Battles" and data["c"][syr] == "high"
    assert data["d"][syr] == day_number("2024-03-05") == 19787
    wkb = geometry[syr]  # a MultiPoint of one point, in Web Mercator metres
    assert wkb[0] == 1 and struct.unpack("<II", wkb[1:9]) == (4, 1)
    lon, lat = _lonlat(*struct.unpack("<dd", wkb[14:30]))
    assert lon == pytest.approx(38.28, abs=0.05) and lat == pytest.approx(34.56, abs=0.05)


def test_zoom_is_chosen_so_no_tile_is_crowded() -> None:
    spread = [(-170.0 + i * 0.34, -60.0 + (i % 300) * 0.4) for i in range(1000)]
    assert choose_zoom(spread, max_per_tile=5000) == 3
    crowded = [(38.0 + (i % 100) * 1e-4, 35.0 + (i // 100) * 1e-4) for i in range(10_000)]
    assert choose_zoom(crowded, max_per_tile=5000) == 12
    town = [(38.0 + (i % 100) * 0.02, 35.0 + (i // 100) * 0.02) for i in range(10_000)]
    zoom = choose_zoom(town, max_per_tile=5000)
    assert 3 < zoom < 12


def test_details_are_left_out_when_they_do_not_fit(tmp_path: Path) -> None:
    tiles = write_tiles(sample_events(), tmp_path / "slim.pmtiles", details=False)
    assert not tiles.details
    fields = set(pyogrio.read_info(tiles.path, layer="events")["fields"])
    assert {"id", "t", "d", "c", "a1", "a2"} <= fields and not fields & {"ev", "loc", "url"}


def test_a_wrong_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.pmtiles"):
        write_tiles(sample_events(), tmp_path / "events.mbtiles")
    with pytest.raises(ConfigError, match="no events with coordinates"):
        write_tiles(sample_events()[2:], tmp_path / "events.pmtiles")


def test_tiles_mode() -> None:
    assert not use_tiles(TILES_THRESHOLD, "auto") and use_tiles(TILES_THRESHOLD + 1, "auto")
    assert use_tiles(1, "always") and not use_tiles(10**7, "never")
    with pytest.raises(ConfigError, match="auto, always or never"):
        use_tiles(1, "sometimes")


def test_tiles_command_writes_the_store_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from frontlines.cli import main
    from frontlines.records import Analysis, Document
    from frontlines.store import open_store

    db = tmp_path / "store.sqlite"
    with open_store(str(db)) as store:
        store.save(Analysis(document=Document(id="doc-1", source="x", title="t", text=""),
                            events=sample_events()))  # fmt: skip
    out = tmp_path / "events.pmtiles"
    assert main(["tiles", "--db", str(db), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "tiles: [3/3]" in captured.err and "wrote 2 event(s)" in captured.err
    assert pyogrio.read_info(out, layer="events")["features"] == 2
    assert main(["tiles", "--db", str(db), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
