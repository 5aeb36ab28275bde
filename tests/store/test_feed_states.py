"""watch's feed state in the SQLite and PostgreSQL stores: validators, failures, seen ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontlines.store import open_store
from frontlines.store.feeds import FeedState, feed_states

from .test_postgres import pg_schema, pg_store, pg_url  # noqa: F401  (fixtures)

FEED = "https://news.example/feed.xml"


def _round_trip(store: Any) -> None:
    states = feed_states(store)
    assert states.get(FEED) == FeedState()
    states.record(FEED, FeedState("v1", "Mon, 14 May 2018 08:00:00 GMT", 0), ["a", "b", "a"])
    assert states.unseen(FEED, ["b", "c", "a", "d", "c"]) == ["c", "d"]
    states.record(FEED, FeedState("v1", None, 3), ["c"])
    assert states.get(FEED) == FeedState("v1", None, 3)
    assert states.unseen(FEED, ["c"]) == [] and states.unseen("other", ["c"]) == ["c"]


def test_sqlite_feed_states(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.sqlite") as store:
        _round_trip(store)


def test_postgres_feed_states(pg_store: Any) -> None:  # noqa: F811
    _round_trip(pg_store)
