"""GeoJSON export: RFC 7946 shape, null geometry, golden file, round trip."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

from frontlines.publish import write_geojson
from frontlines.publish.geojson import event_feature

from .events_factory import sample_events

GOLDEN = Path(__file__).parent / "golden" / "events.geojson"


def _write() -> str:
    buffer = io.StringIO()
    assert write_geojson(sample_events(), buffer, indent=1) == 3
    return buffer.getvalue()


def test_feature_collection_shape() -> None:
    data = json.loads(_write())
    assert data["type"] == "FeatureCollection"
    first, _, third = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [38.28, 34.56]}
    assert first["id"] == "SYR-1"
    assert "latitude" not in first["properties"] and "longitude" not in first["properties"]
    assert third["geometry"] is None


def test_round_trip_properties_equal_to_dict() -> None:
    data = json.loads(_write())
    for feature, event in zip(data["features"], sample_events(), strict=True):
        expected = event.to_dict()
        del expected["latitude"], expected["longitude"]
        assert feature["properties"] == expected


def test_non_finite_coordinates_give_null_geometry() -> None:
    event = sample_events()[0]
    event.latitude = math.nan
    assert event_feature(event)["geometry"] is None


def test_matches_golden_file() -> None:
    assert _write() == GOLDEN.read_text("utf-8")
