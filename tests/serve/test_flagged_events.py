"""Events drawn from flooding or off-topic comments stay out of /api/events (and its
totals and pages) unless ``include_flagged=true`` asks for them, as on the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.extract.threads import FLAGGED_WARNING
from frontlines.serve import MemoryReviewLog, create_app
from frontlines.store import MemoryStore, Store, open_store

from .conftest import make_analysis, make_event

FLAGGED = f"{FLAGGED_WARNING} (flooding)"


def _store(kind: str, tmp_path: Path) -> Store:
    store: Store = MemoryStore() if kind == "memory" else open_store(tmp_path / "s.sqlite")
    analysis = make_analysis()
    analysis.events += [
        make_event(10, source_part="comment", comment_id="c1", credibility="low",
                   warnings=[FLAGGED]),
        make_event(11, source_part="comment", comment_id="c2", credibility="low",
                   warnings=["some other warning"]),
    ]  # fmt: skip
    store.save(analysis)
    return store


def _ids(body: dict[str, object]) -> set[str]:
    return {f["id"] for f in body["features"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_api_events_leaves_out_events_from_flagged_comments(kind: str, tmp_path: Path) -> None:
    store = _store(kind, tmp_path)
    client = TestClient(create_app(lambda: store, reviews=MemoryReviewLog()))
    plain = client.get("/api/events").json()
    assert "ev-10" not in _ids(plain) and "ev-11" in _ids(plain)
    assert plain["total"] == 10
    paged = client.get("/api/events?limit=4&offset=8").json()
    assert paged["total"] == 10 and "ev-10" not in _ids(paged)
    low = client.get("/api/events?credibility=low").json()
    assert _ids(low) == {"ev-7", "ev-11"}
    asked = client.get("/api/events?include_flagged=true").json()
    assert "ev-10" in _ids(asked) and asked["total"] == 11
    assert client.get("/api/events?include_flagged=maybe").status_code == 400


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_the_store_filters_flagged_events_when_asked(kind: str, tmp_path: Path) -> None:
    store = _store(kind, tmp_path)
    assert "ev-10" in {e.event_id for e in store.events()}
    kept = store.events(include_flagged=False)
    assert "ev-10" not in {e.event_id for e in kept} and len(kept) == 10
    assert store.count_events(include_flagged=False) == 10
    assert store.count_events() == 11


def test_leaving_flagged_events_out_keeps_the_date_index_covering(tmp_path: Path) -> None:
    import sqlite3

    from frontlines.store.base import EventFilter
    from frontlines.store.sqlite import _where

    _store("sqlite", tmp_path).close()
    flt = EventFilter.build(bbox=(35.0, 32.0, 42.0, 37.5), start="2018-01-01",
                            end="2018-12-31", include_flagged=False)  # fmt: skip
    where, args = _where(flt)
    with sqlite3.connect(tmp_path / "s.sqlite") as conn:
        plan = " | ".join(
            row[3]
            for row in conn.execute(f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events{where}", args)
        )
    assert "COVERING INDEX events_date_point" in plan and "events_flagged" in plan, plan
