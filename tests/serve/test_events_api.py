"""GET /api/events, /api/events/{id}, documents, health, pages."""

from __future__ import annotations

from fastapi.testclient import TestClient

from frontlines.records import Analysis
from frontlines.serve import create_app
from frontlines.store import MemoryStore

from .conftest import GOV, ISIS, make_analysis


def ids(body: dict[str, object]) -> list[str]:
    return [f["id"] for f in body["features"]]  # type: ignore[attr-defined]


def test_collection_is_valid_geojson(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["type"] == "FeatureCollection" and body["total"] == 9
    for f in body["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geom = f["geometry"]
        if f["id"] == "ev-8":
            assert geom is None
            continue
        lon, lat = geom["coordinates"]
        assert geom["type"] == "Point"
        assert (lon, lat) == (f["properties"]["longitude"], f["properties"]["latitude"])
        assert 35 < lon < 40 and 33 < lat < 35  # [lon, lat], not [lat, lon]
        assert f["properties"]["review_status"] == "unreviewed"


def test_pagination_and_next_link(client: TestClient) -> None:
    first = client.get("/api/events?limit=4").json()
    assert len(first["features"]) == 4 and first["total"] == 9 and first["offset"] == 0
    assert "offset=4" in first["next"] and first["links"][0]["rel"] == "next"
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert third["next"] is None and len(third["features"]) == 1
    seen = ids(first) + ids(second) + ids(third)
    assert sorted(seen) == sorted(f"ev-{n}" for n in range(9))


def test_filters(client: TestClient) -> None:
    def got(query: str) -> list[str]:
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 200, response.text
        return sorted(ids(response.json()))

    assert got("bbox=38.05,34.05,38.25,34.25") == ["ev-1", "ev-2"]
    assert got("start=2018-04-04&end=2018-04-05") == ["ev-3", "ev-4"]
    assert got("event_type=Strategic%20developments") == ["ev-6"]
    assert got("sub_event_type=Non-state%20actor%20overtakes%20territory") == ["ev-6"]
    assert got(f"actor={ISIS}") == [f"ev-{n}" for n in range(9)]
    assert len(got(f"actor={GOV}")) == 8
    assert got("source=Other%20Wire") == ["ev-6"]
    assert got("credibility=low") == ["ev-7"]
    assert client.get("/api/events?credibility=low").json()["total"] == 1


def test_bad_parameters_name_themselves(client: TestClient) -> None:
    cases = {
        "bbox=1,2,3": "bbox",
        "bbox=a,b,c,d": "bbox",
        "bbox=40,30,35,35": "bbox",
        "start=2018-13-01": "start",
        "end=yesterday": "end",
        "start=2018-05-01&end=2018-04-01": "end",
        "limit=0": "limit",
        "limit=5001": "limit",
        "limit=ten": "limit",
        "offset=-1": "offset",
        "include_rejected=maybe": "include_rejected",
    }
    for query, name in cases.items():
        response = client.get(f"/api/events?{query}")
        assert response.status_code == 400, query
        body = response.json()
        assert body["parameter"] == name and name in body["message"], query
    assert "W,S,E,N" in client.get("/api/events?bbox=1,2").json()["message"]
    assert "YYYY-MM-DD" in client.get("/api/events?start=x").json()["message"]


def test_one_event_and_missing(client: TestClient) -> None:
    body = client.get("/api/events/ev-6").json()
    assert body["type"] == "Feature" and body["geometry"]["coordinates"] == [38.28, 34.56]
    assert body["reviews"] == []
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["message"]


def test_documents_and_thread(client: TestClient) -> None:
    body = client.get("/api/documents?limit=1").json()
    assert body["total"] == 2 and len(body["documents"]) == 1 and body["next"]
    assert body["documents"][0]["comment_count"] == 2
    doc = client.get("/api/documents/doc-1").json()
    assert [(c["id"], c["author"], c["parent"], c["depth"]) for c in doc["comments"]] == [
        ("c1", "ann", None, 0),
        ("c2", "bob", "c1", 1),
    ]
    assert client.get("/api/documents/none").status_code == 404
    assert client.get("/api/documents?offset=x").json()["parameter"] == "offset"


def test_health_pages_and_openapi(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "events": 9}
    assert "maplibregl" in client.get("/").text
    assert "/api/events" in client.get("/about").text
    spec = client.get("/openapi.json").json()
    assert "/api/events/{event_id}/review" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/control" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404


def test_control_endpoint(client: TestClient) -> None:
    body = client.get("/api/control?at=2018-03-01").json()
    assert body["type"] == "FeatureCollection" and body["at"] == "2018-03-01"
    ((feature),) = body["features"]
    assert feature["properties"]["holder"] == ISIS
    assert feature["geometry"]["coordinates"] == [38.28, 34.56]
    later = client.get("/api/control?at=2018-05-01").json()["features"]
    assert {f["properties"]["holder"] for f in later} == {GOV}
    assert client.get("/api/control?at=2018-03-01&bbox=0,0,1,1").json()["features"] == []
    for query, name in (("", "at"), ("?at=2018-3-1", "at"), ("?at=2018-03-01&bbox=x", "bbox")):
        response = client.get(f"/api/control{query}")
        assert response.status_code == 400 and response.json()["parameter"] == name


def test_control_periods_are_kept_between_requests() -> None:
    reads: list[str] = []

    class Counting(MemoryStore):
        def analysis(self, document_id: str) -> Analysis | None:
            reads.append(document_id)
            return super().analysis(document_id)

    store = Counting()
    store.save(make_analysis())
    app = create_app(lambda: store)
    with TestClient(app) as http:
        first = http.get("/api/control?at=2018-03-01").json()
        http.get("/")
        assert http.get("/api/control?at=2018-03-01").json() == first
    assert reads == ["doc-1"]
