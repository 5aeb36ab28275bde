"""Token rules (checked before anything else) and reviews (applied, persistent)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from frontlines.serve import SqliteReviewLog, create_app
from frontlines.store import SqliteStore

from .conftest import AUTH, TOKEN, make_analysis


def test_no_token_configured_refuses_every_write(open_client: TestClient) -> None:
    for path in ("/api/events/ev-1/review", "/api/events/missing/review", "/api/nothing"):
        response = open_client.post(path, json={"action": "confirm"}, headers=AUTH)
        assert response.status_code == 403, path
        assert "FRONTLINES_TOKEN" in response.json()["message"]
    assert open_client.delete("/api/events/ev-1").status_code == 403
    assert open_client.get("/api/events/ev-1").status_code == 200


def test_token_checked_before_body_and_lookup(client: TestClient) -> None:
    bad_headers: tuple[dict[str, str], ...] = (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": TOKEN},
    )
    for headers in bad_headers:
        for path, body in (
            ("/api/events/missing/review", {"action": "confirm"}),
            ("/api/events/ev-1/review", "not json at all"),
            ("/api/events/ev-1/review", {"action": "explode"}),
        ):
            kwargs = {"json": body} if isinstance(body, dict) else {"content": body}
            response = client.post(path, headers=headers, **kwargs)  # type: ignore[arg-type]
            assert response.status_code == 401, (path, headers)
            assert response.headers["www-authenticate"] == "Bearer"


def test_with_token_then_lookup_and_validation(client: TestClient) -> None:
    missing = client.post("/api/events/missing/review", json={"action": "confirm"}, headers=AUTH)
    assert missing.status_code == 404
    bad = client.post("/api/events/ev-1/review", json={"action": "explode"}, headers=AUTH)
    assert bad.status_code == 400 and "confirm" in bad.json()["message"]
    empty = client.post("/api/events/ev-1/review", json={"action": "correct"}, headers=AUTH)
    assert empty.status_code == 400 and "fields" in empty.json()["message"]
    odd = client.post(
        "/api/events/ev-1/review", json={"action": "correct", "fields": {"evil": 1}}, headers=AUTH
    )
    assert odd.status_code == 400 and "evil" in odd.json()["message"]
    garbage = client.post("/api/events/ev-1/review", content="{", headers=AUTH)
    assert garbage.status_code == 400


def test_confirm_correct_reject(client: TestClient) -> None:
    ok = client.post(
        "/api/events/ev-1/review", json={"action": "confirm", "note": "seen"}, headers=AUTH
    )
    assert ok.status_code == 201 and ok.json()["event"]["review_status"] == "confirmed"
    fix = {"action": "correct", "fields": {"fatalities": 3, "latitude": 35.5, "longitude": 39.5}}
    assert client.post("/api/events/ev-2/review", json=fix, headers=AUTH).status_code == 201
    assert (
        client.post("/api/events/ev-3/review", json={"action": "reject"}, headers=AUTH).status_code
        == 201
    )

    body = client.get("/api/events").json()
    by_id = {f["id"]: f for f in body["features"]}
    assert "ev-3" not in by_id and body["total"] == 8
    assert by_id["ev-1"]["properties"]["review_status"] == "confirmed"
    fixed = by_id["ev-2"]
    assert fixed["properties"]["fatalities"] == 3 and fixed["geometry"]["coordinates"] == [
        39.5,
        35.5,
    ]
    assert fixed["properties"]["corrected_fields"] == ["fatalities", "latitude", "longitude"]
    everything = client.get("/api/events?include_rejected=true").json()
    assert everything["total"] == 9
    rejected = next(f for f in everything["features"] if f["id"] == "ev-3")
    assert rejected["properties"]["review_status"] == "rejected"
    paged = client.get("/api/events?limit=5&offset=5").json()
    assert paged["total"] == 8 and len(paged["features"]) == 3 and paged["next"] is None
    one = client.get("/api/events/ev-2").json()
    assert [r["action"] for r in one["reviews"]] == ["correct"]


def test_reviews_survive_reingest_and_store_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "frontlines.sqlite"

    def factory() -> SqliteStore:
        store = SqliteStore.open(db)
        store.save(make_analysis())  # the same pages ingested again each time
        return store

    with TestClient(create_app(factory, token=TOKEN, reviews=SqliteReviewLog(db))) as first:
        event_id = first.get("/api/events?limit=1").json()["features"][0]["id"]
        response = first.post(
            f"/api/events/{event_id}/review", json={"action": "reject"}, headers=AUTH
        )
        assert response.status_code == 201

    log = SqliteReviewLog(db)
    with TestClient(create_app(factory, token=TOKEN, reviews=log)) as again:
        body = again.get("/api/events").json()
        assert event_id not in [f["id"] for f in body["features"]] and body["total"] == 8
    log.close()

    db.unlink()  # rebuild the store from scratch; the review table lives in its own file now
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"frontlines.sqlite{suffix}").unlink(missing_ok=True)
    kept = tmp_path / "reviews.sqlite"
    first_log = SqliteReviewLog(kept)
    with TestClient(create_app(factory, token=TOKEN, reviews=first_log)) as c:
        c.post(f"/api/events/{event_id}/review", json={"action": "reject"}, headers=AUTH)
    first_log.close()
    db.unlink()
    with TestClient(create_app(factory, token=TOKEN, reviews=SqliteReviewLog(kept))) as rebuilt:
        body = rebuilt.get("/api/events").json()
        assert event_id not in [f["id"] for f in body["features"]]


def test_review_table_is_created_idempotently(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    store = SqliteStore.open(db)
    for _ in range(2):
        log = SqliteReviewLog(db)
        assert log.for_event("e") == []
        log.close()
    store.close()


def test_corrections_out_of_range_or_not_finite_are_400(client: TestClient) -> None:
    for raw in ('{"latitude": 1e308}', '{"latitude": NaN}', '{"longitude": Infinity}',
                '{"event_type": "Picnic"}'):  # fmt: skip
        body = '{"action": "correct", "fields": ' + raw + "}"
        headers = {**AUTH, "Content-Type": "application/json"}
        response = client.post("/api/events/ev-1/review", content=body, headers=headers)
        assert response.status_code == 400, raw
        assert "must be" in response.json()["message"]
