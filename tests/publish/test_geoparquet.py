"""GeoParquet export: the geo metadata, WKB geometry, attribute round-trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from frontlines.publish.geoparquet import geo_metadata, write_geoparquet
from frontlines.publish.gpkg import EVENT_FIELDS, event_values, parse_point_wkb

from .test_gpkg import PAYLOAD, sample_events


def test_geo_metadata(tmp_path: Path) -> None:
    path = write_geoparquet(sample_events(), tmp_path / "events.parquet")
    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert geo["version"] == "1.1.0"
    assert geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB"
    assert column["geometry_types"] == ["Point"]
    assert column["bbox"] == [-40.25, -34.5, 38.3536, 36.891]
    assert "crs" not in column  # OGC:CRS84 by default


def test_round_trip(tmp_path: Path) -> None:
    events = sample_events()
    path = write_geoparquet(events, tmp_path / "events.parquet")
    rows = pq.read_table(path).to_pylist()
    assert len(rows) == 3
    for event, row in zip(events, rows, strict=True):
        expected = event_values(event)
        if expected["event_date"] is not None:
            expected["event_date"] = dt.date.fromisoformat(str(expected["event_date"]))
        assert {f.name: row[f.name] for f in EVENT_FIELDS} == expected
        if event.latitude is None:
            assert row["geometry"] is None
        else:
            assert parse_point_wkb(row["geometry"]) == (event.longitude, event.latitude)
    assert rows[0]["evidence_text"] == PAYLOAD


def test_no_points_has_no_bbox(tmp_path: Path) -> None:
    events = sample_events()[2:]
    assert "bbox" not in geo_metadata(events)["columns"]["geometry"]
    path = write_geoparquet(events, tmp_path / "e.parquet")
    assert pq.read_table(path).num_rows == 1


def test_pyogrio_reads_it_when_gdal_has_parquet(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio (dev extra) is not installed")
    if "Parquet" not in pyogrio.list_drivers():
        pytest.skip("this pyogrio's GDAL has no Parquet driver")
    from pyogrio import raw

    path = write_geoparquet(sample_events(), tmp_path / "events.parquet")
    _meta, _fids, geometry, _fields = raw.read(path)
    assert parse_point_wkb(geometry[0]) == (38.3536, 36.891)
