"""``/api/control/areas``: GeoJSON areas and fronts on a date, documented, checked params."""

from __future__ import annotations

from pathlib import Path

import pyogrio
from fastapi.testclient import TestClient
from shapely.geometry import Point, shape

from frontlines.serve import create_app

from .conftest import AUTH, filled_store


def test_areas_on_a_date_are_geojson(client: TestClient) -> None:
    body = client.get("/api/control/areas?at=2018-03-01").json()
    assert body["type"] == "FeatureCollection" and body["at"] == "2018-03-01"
    areas = [f for f in body["features"] if f["properties"]["kind"] == "area"]
    assert areas and areas[0]["properties"]["holder"]
    assert areas[0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert shape(areas[0]["geometry"]).contains(Point(38.3, 34.56))  # around Palmyra


def test_areas_before_any_claim_are_empty(client: TestClient) -> None:
    body = client.get("/api/control/areas?at=2000-01-01").json()
    assert body["features"] == [] and body["total"] == 0


def test_bad_parameters_are_400(client: TestClient) -> None:
    for query in ("", "?at=yesterday", "?at=2018-03-01&max_km=0", "?at=2018-03-01&max_km=x"):
        response = client.get(f"/api/control/areas{query}")
        assert response.status_code == 400, query
        assert response.json()["error"] == "bad_parameter"


def test_baseline_areas_carry_the_attribution() -> None:
    with TestClient(create_app(filled_store)) as http:
        body = http.get("/api/control/areas?at=2018-01-01&baseline=true").json()
    assert "Wikipedia" in body["attribution"]
    holders = {f["properties"]["holder"] for f in body["features"]}
    assert any("Syria" in h for h in holders)
    assert any(f["properties"]["kind"] == "front" for f in body["features"])


def test_documented_in_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    route = spec["paths"]["/api/control/areas"]["get"]
    assert {p["name"] for p in route["parameters"]} >= {"at", "baseline", "max_km"}


def test_a_place_history_and_an_analysts_correction(client: TestClient) -> None:
    history = client.get("/api/control/places/gn:11").json()
    assert history["place_name"] == "Palmyra" and history["periods"]
    body = {"holder": "Opposition Rebels (Syria)", "since": "2018-03-01", "note": "checked"}
    assert client.post("/api/control/places/gn:11/review", json=body).status_code == 401
    response = client.post("/api/control/places/gn:11/review", json=body, headers=AUTH)
    assert response.status_code == 201
    assert response.json()["periods"][-1]["holder"] == "Opposition Rebels (Syria)"
    areas = client.get("/api/control/areas?at=2018-06-01").json()["features"]
    assert [f["properties"]["holder"] for f in areas] == ["Opposition Rebels (Syria)"]
    bad = client.post("/api/control/places/gn:11/review", json={**body, "since": "x"}, headers=AUTH)
    assert bad.status_code == 400
    missing = client.post("/api/control/places/nowhere/review", json=body, headers=AUTH)
    assert missing.status_code == 404


def test_the_older_control_endpoint_applies_the_analysts_corrections(client: TestClient) -> None:
    def holders() -> list[str]:
        features = client.get("/api/control?at=2018-06-01").json()["features"]
        return [
            f["properties"]["holder"] for f in features if f["properties"]["place_id"] == "gn:11"
        ]

    before = holders()
    assert before and "Opposition Rebels (Syria)" not in before
    body = {"holder": "Opposition Rebels (Syria)", "since": "2018-03-01", "note": "checked"}
    assert (
        client.post("/api/control/places/gn:11/review", json=body, headers=AUTH).status_code == 201
    )
    assert holders() == ["Opposition Rebels (Syria)"]


def test_a_tiled_map_draws_the_areas_from_the_served_archive(tmp_path: Path) -> None:
    store = filled_store()
    with TestClient(create_app(lambda: store, tiles="always")) as client:
        page = client.get("/").text
        archive = client.get("/tiles/events.pmtiles")
    assert archive.status_code == 200
    # the page carries no cell geometry: the map reads the archive's control layers
    assert '"tiled":{"cells":"control_cells","edges":"control_edges"' in page
    path = tmp_path / "events.pmtiles"
    path.write_bytes(archive.content)
    names = {str(name) for name, _ in pyogrio.list_layers(path)}
    assert names == {"events", "control_cells"}  # one place: no edge that can be a front
    assert pyogrio.read_info(path, layer="control_cells")["features"] > 0
