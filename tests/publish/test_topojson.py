"""The TopoJSON decoder on hand-made topologies (and world-atlas when installed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.publish.topojson import to_geojson

# Two squares sharing the edge x=1; arcs quantized with scale 0.5 and translate (10, 20).
TOPOLOGY: dict[str, Any] = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [0, 2]],  # shared edge: (11,20) -> (11,21)
        [[2, 2], [-2, 0], [0, -2], [2, 0]],  # left square's outer part, back to (11,20)
        [[2, 0], [2, 0], [0, 2], [-2, 0]],  # right square's outer part, ends at (11,21)
    ],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "L", "properties": {"name": "left"}},
                {"type": "Polygon", "arcs": [[2, -1]], "id": "R"},
                {"type": "Point", "coordinates": [4, 4]},
                {"type": None},
            ],
        }
    },
}


def test_decodes_quantized_delta_arcs_and_reversal() -> None:
    left, right, point, empty = to_geojson(TOPOLOGY, "shapes")["features"]
    assert left["id"] == "L" and left["properties"] == {"name": "left"}
    assert left["geometry"]["coordinates"] == [
        [[11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]
    ]
    assert right["geometry"]["coordinates"] == [
        [[11.0, 20.0], [12.0, 20.0], [12.0, 21.0], [11.0, 21.0], [11.0, 20.0]]
    ]
    assert point["geometry"] == {"type": "Point", "coordinates": [12.0, 22.0]}
    assert empty["geometry"] is None


def test_rounding() -> None:
    topo = json.loads(json.dumps(TOPOLOGY))
    topo["transform"]["scale"] = [0.33333, 0.33333]
    ring = to_geojson(topo, "shapes", digits=2)["features"][0]["geometry"]["coordinates"][0]
    assert ring[0] == [10.67, 20.0]


def test_untransformed_topology() -> None:
    topo = {"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]],
            "objects": {"a": {"type": "MultiPolygon", "arcs": [[[0]]]}}}  # fmt: skip
    [feature] = to_geojson(topo, "a")["features"]
    assert feature["geometry"]["coordinates"] == [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]


@pytest.mark.parametrize(
    ("topo", "name", "message"),
    [
        ({"type": "FeatureCollection"}, "x", "not a TopoJSON"),
        (TOPOLOGY, "nope", "no object 'nope'"),
    ],
)
def test_bad_input(topo: dict[str, Any], name: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        to_geojson(topo, name)


def test_world_atlas_countries_decode() -> None:
    path = Settings().assets_dir / "world-atlas" / "countries-50m.json"
    if not path.exists():
        pytest.skip(f"{path} missing: run `make setup` (npm ci)")
    features = to_geojson(json.loads(path.read_text()), "countries", digits=3)["features"]
    syria = next(f for f in features if f["properties"].get("name") == "Syria")
    ring = syria["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert 35 < min(lons) < 36.5 and 42 < max(lons) < 42.5
    assert 32 < min(lats) < 33 and 37 < max(lats) < 37.5
