"""Analyst reviews of events: confirm, correct or reject, kept apart from the events.

Reviews are keyed by the event id, which the store derives from the event's provenance, so
they survive re-ingesting the same pages. ``SqliteReviewLog`` keeps them in its own table
``reviews`` (created idempotently) in the store's SQLite file; ``MemoryReviewLog`` is for
tests and ``:memory:`` stores.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

from ..corrections import correction_problem
from ..errors import StoreError
from ..records import Event

Action = Literal["confirm", "correct", "reject"]
ACTIONS: tuple[str, ...] = get_args(Action)
STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
UNREVIEWED = "unreviewed"
CORRECTABLE: frozenset[str] = frozenset(
    {
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude", "longitude",
        "geo_precision", "fatalities", "notes", "admin1", "admin2", "country",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Review:
    """One analyst decision about one event."""

    event_id: str
    action: Action
    fields: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    created: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "action": self.action,
            "fields": dict(self.fields),
            "note": self.note,
            "created": self.created,
        }


class ReviewLog(Protocol):
    """Where reviews are kept; ``for_event`` returns them oldest first; ``version`` changes
    whenever a review is added (so ``latest`` can be read once per version)."""

    def add(self, review: Review) -> Review: ...

    def for_event(self, event_id: str) -> list[Review]: ...

    def latest(self) -> dict[str, list[Review]]: ...

    def version(self) -> str: ...


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _stamped(review: Review) -> Review:
    if review.created:
        return review
    return Review(review.event_id, review.action, dict(review.fields), review.note, _now())


class MemoryReviewLog:
    """A :class:`ReviewLog` in a dict."""

    def __init__(self) -> None:
        self._reviews: dict[str, list[Review]] = {}
        self._lock = threading.Lock()
        self._added = 0

    def add(self, review: Review) -> Review:
        stored = _stamped(review)
        with self._lock:
            self._reviews.setdefault(stored.event_id, []).append(stored)
            self._added += 1
        return stored

    def version(self) -> str:
        with self._lock:
            return str(self._added)

    def for_event(self, event_id: str) -> list[Review]:
        with self._lock:
            return list(self._reviews.get(event_id, []))

    def latest(self) -> dict[str, list[Review]]:
        with self._lock:
            return {k: list(v) for k, v in self._reviews.items()}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    action TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews(event_id);
"""


class SqliteReviewLog:
    """A :class:`ReviewLog` in the ``reviews`` table of a SQLite file (opened lazily)."""

    def __init__(self, path: str | Path) -> None:
        self._path = str(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
                conn.executescript(_SCHEMA)
            except sqlite3.Error as exc:
                raise StoreError(
                    f"cannot open the review table ({exc}); check the path is writable",
                    source=self._path,
                ) from exc
            self._conn = conn
        return self._conn

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._connect().execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"review table error: {exc}", source=self._path) from exc

    def add(self, review: Review) -> Review:
        stored = _stamped(review)
        self._run(
            "INSERT INTO reviews (event_id, action, fields, note, created) VALUES (?, ?, ?, ?, ?)",
            (
                stored.event_id,
                stored.action,
                json.dumps(stored.fields),
                stored.note,
                stored.created,
            ),
        )
        return stored

    def for_event(self, event_id: str) -> list[Review]:
        rows = self._run(
            "SELECT event_id, action, fields, note, created FROM reviews "
            "WHERE event_id = ? ORDER BY id",
            (event_id,),
        )
        return [_row(r) for r in rows]

    def latest(self) -> dict[str, list[Review]]:
        rows = self._run("SELECT event_id, action, fields, note, created FROM reviews ORDER BY id")
        out: dict[str, list[Review]] = {}
        for row in rows:
            out.setdefault(row[0], []).append(_row(row))
        return out

    def version(self) -> str:
        """The newest review's id and the count (reviews are only ever added)."""
        [(newest, count)] = self._run("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM reviews")
        return f"{newest}.{count}"

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _row(row: tuple[Any, ...]) -> Review:
    return Review(row[0], row[1], json.loads(row[2] or "{}"), row[3], row[4])


def review_status(reviews: list[Review]) -> str:
    """The latest decision: ``confirmed``, ``corrected``, ``rejected`` or ``unreviewed``."""
    return STATUS[reviews[-1].action] if reviews else UNREVIEWED


def overlay(event: Event, reviews: list[Review]) -> dict[str, Any]:
    """The event's dict with corrections applied in order, plus ``review_status``."""
    return overlay_dict(event.to_dict(), reviews)


def overlay_dict(data: dict[str, Any], reviews: list[Review]) -> dict[str, Any]:
    """``overlay`` of an event already as its dict (``Event.to_dict()``), changed in place."""
    corrected: dict[str, Any] = {}
    for review in reviews:
        if review.action == "correct":
            corrected.update(review.fields)
    data.update(corrected)
    data["review_status"] = review_status(reviews)
    data["corrected_fields"] = sorted(corrected)
    if reviews:
        data["review_note"] = reviews[-1].note
    return data


def check_fields(action: str, fields: dict[str, Any]) -> str | None:
    """Why a review's ``fields`` are unacceptable, or None when they are fine."""
    if action not in ACTIONS:
        return f"action {action!r} is unknown; expected one of {', '.join(ACTIONS)}"
    if action == "correct" and not fields:
        return "a 'correct' review needs a non-empty 'fields' object"
    unknown = sorted(set(fields) - CORRECTABLE)
    if unknown:
        return f"fields {unknown} cannot be corrected; allowed: {', '.join(sorted(CORRECTABLE))}"
    return correction_problem(fields)  # values: finite, in range, known types
