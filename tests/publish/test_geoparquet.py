"""GeoParquet 1.1 export: the geo metadata with a bbox covering, WKB geometry, the CSV's columns."""

from __future__ import annotations

import datetime as dt
import json
import struct
from pathlib import Path

import pyarrow.parquet as pq

from frontlines.publish.acled_csv import COLUMNS
from frontlines.publish.geoparquet import geo_metadata, write_geoparquet

from .events_factory import sample_events


def _point(wkb: bytes) -> tuple[float, float]:
    assert len(wkb) == 21 and wkb[0] == 1 and struct.unpack("<I", wkb[1:5])[0] == 1
    x, y = struct.unpack("<dd", wkb[5:])
    return x, y


def test_geo_metadata_says_1_1_with_a_bbox_covering(tmp_path: Path) -> None:
    path = write_geoparquet(sample_events(), tmp_path / "events.parquet")
    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert geo["version"] == "1.1.0"
    assert geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB"
    assert column["geometry_types"] == ["Point"]
    assert column["bbox"] == [36.230383, 34.56, 38.28, 49.9935]
    assert column["covering"] == {
        "bbox": {k: ["bbox", k] for k in ("xmin", "ymin", "xmax", "ymax")}
    }
    assert "crs" not in column  # OGC:CRS84 by default


def test_rows_have_the_csv_columns_a_point_and_its_bbox(tmp_path: Path) -> None:
    path = write_geoparquet(sample_events(), tmp_path / "events.parquet", timestamp=7)
    table = pq.read_table(path)
    assert table.column_names == [*COLUMNS, "geometry", "bbox"]
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities_known").type) == "bool"
    first, second, third = table.to_pylist()
    assert first["event_date"] == dt.date(2024, 3, 5) and first["timestamp"] == 7
    assert first["country"] == "Syria" and first["fatalities"] == 4
    assert _point(first["geometry"]) == (38.28, 34.56)
    assert first["bbox"] == {"xmin": 38.28, "ymin": 34.56, "xmax": 38.28, "ymax": 34.56}
    assert second["comment_id"] == "c7"
    assert third["geometry"] is None and third["bbox"] is None and third["event_date"] is None


def test_no_points_has_no_bbox(tmp_path: Path) -> None:
    assert "bbox" not in geo_metadata([None])["columns"]["geometry"]
    path = write_geoparquet(sample_events()[2:], tmp_path / "e.parquet")
    assert pq.read_table(path).num_rows == 1
