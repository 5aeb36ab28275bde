"""Every GDAL export opens with GDAL: layers, fields and their types, counts, coordinates, CRS."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest
from pyogrio import raw

from frontlines.errors import ConfigError
from frontlines.publish import FORMATS, Field, Layer, write_events, write_geojson, write_layers
from frontlines.publish.acled_csv import COLUMNS
from frontlines.publish.exports import events_layer, point_wkb
from frontlines.publish.map import TYPE_COLORS

from .events_factory import sample_events

STAMP = 1_700_000_000
SUFFIX = {"gpkg": "gpkg", "kml": "kml", "flatgeobuf": "fgb", "geojson": "geojson",
          "geojsonseq": "geojsonl"}  # fmt: skip
# GDAL's dtype for each kind, per format (KML has 32-bit ints and dates as text).
INT = {"gpkg": "int32", "kml": "int32", "flatgeobuf": "int32", "geojson": "int32",
       "geojsonseq": "int32"}  # fmt: skip


def _point(wkb: bytes) -> tuple[float, float]:
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack(order + "I", wkb[1:5])[0] & 0xFFFF
    assert kind % 1000 == 1, kind  # a point (2D, or 3D as KML writes)
    x, y = struct.unpack(order + "dd", wkb[5:21])
    return x, y


def _write(tmp_path: Path, fmt: str) -> Path:
    return write_events(sample_events(), tmp_path / f"events.{SUFFIX[fmt]}", fmt, timestamp=STAMP)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_opens_with_gdal_with_the_csv_columns(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path, fmt)
    layers = [str(name) for name, _kind in pyogrio.list_layers(path)]
    layer = "events" if fmt in ("gpkg", "kml", "flatgeobuf") else layers[0]
    assert layer in layers
    info = pyogrio.read_info(path, layer=layer)
    assert info["features"] == 3
    assert info["crs"] == "EPSG:4326"
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    for column in COLUMNS:
        name = "timestamp2" if fmt == "kml" and column == "timestamp" else column
        assert name in types, (fmt, column)
    assert types["event_id"] == "object"
    assert types["latitude"] == "float64"
    assert types["fatalities"] == INT[fmt]
    assert types["fatalities_known"] == "bool"
    if fmt != "kml":
        # FlatGeobuf has no date type: GDAL stores a date-time at midnight.
        assert types["event_date"] == ("datetime64[ms]" if fmt == "flatgeobuf" else "datetime64[D]")
        assert types["timestamp"] in ("int64", "int32")  # GeoJSON readers infer the width


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_values_and_coordinates_come_back(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path, fmt)
    meta, _fids, geometry, values = raw.read(path)
    data = dict(zip(meta["fields"], values, strict=True))
    order = list(data["event_id"])
    assert sorted(order) == ["SYR-1", "UKR-2", "X-3"]
    syr, ukr, x3 = (order.index(k) for k in ("SYR-1", "UKR-2", "X-3"))
    assert _point(geometry[syr]) == pytest.approx((38.28, 34.56))
    assert _point(geometry[ukr]) == pytest.approx((36.230383, 49.9935))
    assert geometry[x3] is None
    assert data["location"][syr] == "Palmyra"
    assert int(data["fatalities"][syr]) == 4
    assert data["evidence_text"][ukr] == "=cmd|' /C calc'!A0 \"quoted\", ü ☢"  # never defused
    sources = data["sources"][syr]  # GeoJSON writes the JSON list as a list
    sources = json.loads(sources) if isinstance(sources, str) else list(sources)
    assert sources == ["https://example.org/a", "https://other.example/b"]
    assert str(data["event_date"][syr])[:10] == "2024-03-05"
    assert data["country"][syr] == "Syria"  # the CSV's mapping: ISO code to ACLED's name


def test_kml_has_name_escaped_description_and_time(tmp_path: Path) -> None:
    events = sample_events()
    events[0].evidence = events[0].evidence.__class__(0, 20, 'IS <script>alert("x")</script>')
    path = write_events(events, tmp_path / "events.kml", "kml", timestamp=STAMP)
    root = ET.parse(path).getroot()
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    balloon = root.find(".//k:Placemark/k:description", ns).text  # HTML shown by Google Earth
    assert "<script>" not in balloon and "&lt;script&gt;" in balloon
    names = [n.text for n in root.iterfind(".//k:Placemark/k:name", ns)]
    assert "Armed clash - Palmyra" in names
    assert root.find(".//k:Placemark/k:TimeStamp/k:when", ns).text.startswith("2024-03-05")


def test_gpkg_gets_a_qgis_style_by_event_type(tmp_path: Path) -> None:
    path = _write(tmp_path, "gpkg")
    qml = path.with_suffix(".qml")
    root = ET.parse(qml).getroot()
    assert root.tag == "qgis"
    renderer = root.find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol" and renderer.get("attr") == "event_type"
    cats = {c.get("value"): c.get("symbol") for c in renderer.iter("category")}
    assert set(TYPE_COLORS) <= set(cats)
    colours = {
        s.get("name"): o.get("value")
        for s in renderer.iter("symbol")
        for o in s.iter("Option")
        if o.get("name") == "color"
    }
    red, green, blue = (int(TYPE_COLORS["Battles"][i : i + 2], 16) for i in (1, 3, 5))
    assert colours[cats["Battles"]] == f"{red},{green},{blue},255"


def test_more_layers_in_one_geopackage(tmp_path: Path) -> None:
    front = Layer(
        fields=(Field("holder"), Field("since", "date"), Field("confidence", "real")),
        rows=[{"holder": "SDF", "since": dt.date(2018, 5, 1), "confidence": 0.8}],
        geometries=[bytes.fromhex("0102000000020000000000000000004340000000000000414000000000000043400000000000804140")],
        geometry_type="LineString",
    )  # fmt: skip
    path = write_layers(
        tmp_path / "all.gpkg",
        {"events": events_layer(sample_events(), timestamp=STAMP), "front_lines": front},
        "GPKG",
    )
    layers = {str(n): str(k) for n, k in pyogrio.list_layers(path)}
    assert layers == {"events": "Point", "front_lines": "LineString"}
    info = pyogrio.read_info(path, layer="front_lines")
    assert info["features"] == 1 and info["crs"] == "EPSG:4326"
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["since"] == "datetime64[D]"


def test_a_one_layer_format_refuses_two_layers(tmp_path: Path) -> None:
    layer = Layer((Field("a"),), [{"a": "x"}], [point_wkb(1.0, 2.0)])
    with pytest.raises(ConfigError, match="one layer per file"):
        write_layers(tmp_path / "x.fgb", {"a": layer, "b": layer}, "FlatGeobuf")
    assert not list(tmp_path.iterdir())


def test_geojson_to_a_stream_is_rfc7946(tmp_path: Path) -> None:
    buffer = io.StringIO()
    assert write_geojson(sample_events(), buffer, timestamp=STAMP) == 3
    data = json.loads(buffer.getvalue())
    assert data["type"] == "FeatureCollection" and "crs" not in data
    first = next(f for f in data["features"] if f["properties"]["event_id"] == "SYR-1")
    assert first["geometry"] == {"type": "Point", "coordinates": [38.28, 34.56]}
    assert set(first["properties"]) == set(COLUMNS)


def test_empty_export_still_opens(tmp_path: Path) -> None:
    path = write_events([], tmp_path / "none.gpkg", "gpkg")
    assert pyogrio.read_info(path, layer="events")["features"] == 0


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_any_file_name_gets_one_file_of_the_format(tmp_path: Path, fmt: str) -> None:
    path = write_events(sample_events(), tmp_path / f"out.{fmt}", fmt, timestamp=STAMP)
    assert path.is_file() and [p.name for p in tmp_path.iterdir() if p.suffix != ".qml"] == [
        f"out.{fmt}"
    ]
    layer = str(pyogrio.list_layers(path)[0][0])
    assert pyogrio.read_info(path, layer=layer)["features"] == 3
