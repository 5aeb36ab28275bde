"""The control layer as GeoJSON and GeoPackage files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from frontlines.control.areas import control_areas
from frontlines.control.periods import ControlPeriod
from frontlines.errors import ConfigError
from frontlines.publish.control_export import write_control


def _areas() -> object:
    periods = [
        ControlPeriod(f"p{i}", f"P{i}", "A" if i < 3 else "B", "2020-01-01", "", 0.5, False, [],
                      35.0 + (i % 2) * 0.1, 38.0 + i * 0.08, "SY")
        for i in range(6)
    ]  # fmt: skip
    return control_areas(periods, "2020-02-01")


def test_geojson_to_a_stream() -> None:
    out = io.StringIO()
    count = write_control(_areas(), "geojson", out, attribution="test")  # type: ignore[arg-type]
    data = json.loads(out.getvalue())
    assert count == len(data["features"]) == 3
    assert data["attribution"] == "test"
    assert {f["properties"]["kind"] for f in data["features"]} == {"area", "front"}


def test_gpkg_has_an_areas_and_a_fronts_layer(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / "control.gpkg"
    assert write_control(_areas(), "gpkg", path) == 3  # type: ignore[arg-type]
    layers = {str(name): str(kind) for name, kind in pyogrio.list_layers(path)}
    assert layers == {"control_areas": "MultiPolygon", "front_lines": "MultiLineString"}
    info = pyogrio.read_info(path, layer="control_areas")
    assert info["features"] == 2 and "holder" in list(info["fields"])


def test_other_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="geojson or gpkg"):
        write_control(_areas(), "kml", tmp_path / "x.kml")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="-o FILE"):
        write_control(_areas(), "gpkg", io.StringIO())  # type: ignore[arg-type]
