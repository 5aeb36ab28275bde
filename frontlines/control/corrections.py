"""Analysts' corrections of a place's holder for a period, kept apart from the periods.

A correction says "``holder`` held ``place_id`` from ``since`` until ``until``" (``""``:
still open). It is keyed by the place id (a gazetteer or baseline id, stable across
runs), so it survives re-ingesting the pages; applying it cuts the computed periods of
that place where they overlap and puts a period of kind ``review`` in their place.
``SqliteCorrectionLog`` keeps them in the table ``holder_corrections`` of the store's
SQLite file; ``MemoryCorrectionLog`` is for tests and ``:memory:`` stores.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import StoreError
from ..records import ControlClaim, Span
from .periods import ControlPeriod

REVIEW_CONFIDENCE = 0.99


@dataclass(frozen=True, slots=True)
class HolderCorrection:
    """One analyst decision about who held a place when."""

    place_id: str
    holder: str
    since: str
    until: str = ""
    note: str = ""
    created: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"place_id": self.place_id, "holder": self.holder, "since": self.since,
                "until": self.until or None, "note": self.note, "created": self.created}  # fmt: skip


def check_correction(holder: str, since: str, until: str) -> str | None:
    """Why a correction is unacceptable, or None."""
    if not holder.strip():
        return "holder is empty; give the actor that held the place"
    for name, value in (("since", since), ("until", until)):
        if value or name == "since":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return f"{name} {value!r} is not a date; expected YYYY-MM-DD"
    if until and until <= since:
        return f"until {until} is not after since {since}"
    return None


class CorrectionLog(Protocol):
    """Where corrections are kept; ``all`` returns them oldest first."""

    def add(self, correction: HolderCorrection) -> HolderCorrection: ...

    def all(self) -> list[HolderCorrection]: ...


def _stamped(correction: HolderCorrection) -> HolderCorrection:
    if correction.created:
        return correction
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return replace(correction, created=now)


class MemoryCorrectionLog:
    """A :class:`CorrectionLog` in a list."""

    def __init__(self) -> None:
        self._items: list[HolderCorrection] = []
        self._lock = threading.Lock()

    def add(self, correction: HolderCorrection) -> HolderCorrection:
        stored = _stamped(correction)
        with self._lock:
            self._items.append(stored)
        return stored

    def all(self) -> list[HolderCorrection]:
        with self._lock:
            return list(self._items)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS holder_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    place_id TEXT NOT NULL,
    holder TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
"""


class SqliteCorrectionLog:
    """A :class:`CorrectionLog` in the store's SQLite file (opened lazily)."""

    def __init__(self, path: str | Path) -> None:
        self._path = str(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                if self._conn is None:
                    conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
                    conn.executescript(_SCHEMA)
                    self._conn = conn
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"holder corrections table error: {exc}; check the path is "
                                 "writable", source=self._path) from exc  # fmt: skip

    def add(self, correction: HolderCorrection) -> HolderCorrection:
        c = _stamped(correction)
        self._run("INSERT INTO holder_corrections (place_id, holder, since, until, note, created) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  (c.place_id, c.holder, c.since, c.until, c.note, c.created))  # fmt: skip
        return c

    def all(self) -> list[HolderCorrection]:
        rows = self._run("SELECT place_id, holder, since, until, note, created "
                         "FROM holder_corrections ORDER BY id")  # fmt: skip
        return [HolderCorrection(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def correction_log_for(db: str | Path) -> CorrectionLog:
    """Corrections beside the store: its SQLite file, or memory for ``:memory:``/PostgreSQL."""
    text = str(db)
    if text == ":memory:" or "://" in text:
        return MemoryCorrectionLog()
    return SqliteCorrectionLog(Path(text).expanduser())


def apply_corrections(
    periods: Sequence[ControlPeriod], corrections: Iterable[HolderCorrection]
) -> list[ControlPeriod]:
    """``periods`` with each correction (oldest first) cut in: the place's periods that
    overlap it are shortened or split, and a ``review`` period takes the corrected span."""
    result = list(periods)
    for correction in corrections:
        result = _apply(result, correction)
    return result


def _apply(periods: list[ControlPeriod], c: HolderCorrection) -> list[ControlPeriod]:
    kept: list[ControlPeriod] = []
    template: ControlPeriod | None = None
    for period in periods:
        if period.place_id != c.place_id:
            kept.append(period)
            continue
        template = template or period
        kept.extend(_cut(period, c.since, c.until))
    if template is None:
        return periods  # a place with no period: nothing to place the correction at
    claim = ControlClaim(c.place_id, template.place_name, c.holder, c.since, c.until,
                         REVIEW_CONFIDENCE, "review", Span(0, len(c.note), c.note) if c.note else None,
                         document_id=f"review:{c.created}")  # fmt: skip
    kept.append(replace(template, holder=c.holder, since=c.since, until=c.until,
                        confidence=REVIEW_CONFIDENCE, contested=False, evidence=[claim]))  # fmt: skip
    return kept


def _cut(period: ControlPeriod, since: str, until: str) -> list[ControlPeriod]:
    """The parts of ``period`` outside [since, until)."""
    end = period.until or "9999-12-31"
    stop = until or "9999-12-31"
    if end <= since or stop <= period.since:
        return [period]
    parts: list[ControlPeriod] = []
    if period.since < since:
        parts.append(replace(period, until=since, evidence=list(period.evidence)))
    if stop < end:
        parts.append(replace(period, since=stop, evidence=list(period.evidence)))
    return parts
