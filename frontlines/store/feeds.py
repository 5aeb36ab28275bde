"""What ``frontlines watch`` remembers about each feed, kept in the store beside the
events: the HTTP validators (``ETag``, ``Last-Modified``) of the last answer, the number
of failed polls in a row (for the back-off), and the ids of the items already taken.

    feed_states(store) -> FeedStates   (SQLite and PostgreSQL stores; MemoryFeedStates)

The tables come from the stores' migrations (``0006_watch_state`` in SQLite,
``0005_watch_state`` in PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import StoreError


@dataclass(slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0


class FeedStates(Protocol):
    def get(self, feed: str) -> FeedState: ...

    def unseen(self, feed: str, items: Iterable[str]) -> list[str]: ...

    def record(self, feed: str, state: FeedState, seen: Iterable[str] = ()) -> None: ...


class MemoryFeedStates:
    """Feed states in dicts (tests, dry runs)."""

    def __init__(self) -> None:
        self.states: dict[str, FeedState] = {}
        self.seen: dict[str, set[str]] = {}

    def get(self, feed: str) -> FeedState:
        found = self.states.get(feed)
        return FeedState(found.etag, found.last_modified, found.failures) if found else FeedState()

    def unseen(self, feed: str, items: Iterable[str]) -> list[str]:
        known = self.seen.get(feed, set())
        return [i for i in dict.fromkeys(items) if i not in known]

    def record(self, feed: str, state: FeedState, seen: Iterable[str] = ()) -> None:
        self.states[feed] = FeedState(state.etag, state.last_modified, state.failures)
        self.seen.setdefault(feed, set()).update(seen)


class SqlFeedStates:
    """Feed states in the tables of a SQLite or PostgreSQL store, through its connection."""

    def __init__(self, store: Any, mark: str) -> None:
        self.store = store
        self.mark = mark

    def _sql(self, text: str) -> str:
        return text.replace("?", self.mark)

    def get(self, feed: str) -> FeedState:
        with self.store._locked() as conn:
            row = conn.execute(
                self._sql("SELECT etag, last_modified, failures FROM watch_feeds WHERE url = ?"),
                (feed,),
            ).fetchone()
        if row is None:
            return FeedState()
        return FeedState(row["etag"], row["last_modified"], int(row["failures"]))

    def unseen(self, feed: str, items: Iterable[str]) -> list[str]:
        wanted = list(dict.fromkeys(items))
        known: set[str] = set()
        with self.store._locked() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                sql = self._sql(f"SELECT item FROM watch_seen WHERE url = ? AND item IN ({marks})")
                known.update(row["item"] for row in conn.execute(sql, (feed, *chunk)))
        return [i for i in wanted if i not in known]

    def record(self, feed: str, state: FeedState, seen: Iterable[str] = ()) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        upsert = self._sql(
            "INSERT INTO watch_feeds (url, etag, last_modified, failures, polled_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, failures = excluded.failures, "
            "polled_at = excluded.polled_at"
        )
        mark = self._sql(
            "INSERT INTO watch_seen (url, item, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (url, item) DO NOTHING"
        )
        with self.store._transaction() as conn:
            conn.execute(upsert, (feed, state.etag, state.last_modified, state.failures, now))
            for item in dict.fromkeys(seen):
                conn.execute(mark, (feed, item, now))


def feed_states(store: Any) -> FeedStates:
    """The feed states kept in ``store`` (a SQLite or PostgreSQL store)."""
    from .postgres import PostgresStore
    from .sqlite import SqliteStore

    if isinstance(store, SqliteStore):
        return SqlFeedStates(store, "?")
    if isinstance(store, PostgresStore):
        return SqlFeedStates(store, "%s")
    raise StoreError(
        "frontlines watch keeps its feed state in a SQLite or PostgreSQL store; give --db "
        "a file path or a postgresql:// URL"
    )
