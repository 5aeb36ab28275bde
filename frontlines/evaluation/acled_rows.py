"""Read gold events from a CSV in ACLED's export format.

Only the columns the event evaluation compares are required (``REQUIRED_COLUMNS``); the
others may be absent. A missing required column is an ``EvaluationError`` naming the
column and the file. A row that cannot be used (bad date, a number that is not a number,
empty notes, a ragged row) is skipped and reported in ``AcledRows.problems``; reading
never stops on one bad row.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError

REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "latitude",
    "longitude", "geo_precision", "notes", "fatalities",
)  # fmt: skip

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%Y/%m/%d")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One usable ACLED row. ``row`` is its 0-based position among the file's data rows."""

    row: int
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    notes: str
    event_id: str = ""


@dataclass(slots=True)
class AcledRows:
    """The usable rows of a file, and what was skipped (``problems``: one line per row)."""

    path: str
    rows: list[GoldEvent] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.problems)


def parse_date(value: str) -> dt.date:
    """ACLED's ``event_date``: ``YYYY-MM-DD`` (also ``23 February 2022``)."""
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date (expected YYYY-MM-DD)")


def _optional_float(value: str, name: str) -> float | None:
    text = value.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a number") from None


def _optional_int(value: str, name: str) -> int | None:
    number = _optional_float(value, name)
    if number is None:
        return None
    if number != int(number):
        raise ValueError(f"{name} {value!r} is not a whole number")
    return int(number)


def _gold_event(index: int, record: dict[str, str]) -> GoldEvent:
    notes = record["notes"].strip()
    if not notes:
        raise ValueError("notes is empty")
    return GoldEvent(
        row=index,
        event_date=parse_date(record["event_date"]),
        event_type=record["event_type"].strip(),
        sub_event_type=record["sub_event_type"].strip(),
        actor1=record["actor1"].strip(),
        actor2=record["actor2"].strip(),
        latitude=_optional_float(record["latitude"], "latitude"),
        longitude=_optional_float(record["longitude"], "longitude"),
        geo_precision=_optional_int(record["geo_precision"], "geo_precision"),
        fatalities=_optional_int(record["fatalities"], "fatalities"),
        notes=notes,
        event_id=(record.get("event_id_cnty") or "").strip(),
    )


def _records(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fp:
            reader = csv.reader(fp)
            yield from enumerate(reader, start=-1)
    except FileNotFoundError:
        raise EvaluationError(
            "file not found; give the path of a CSV in ACLED's format", source=str(path)
        ) from None
    except UnicodeDecodeError:
        raise EvaluationError(
            "is not UTF-8 text; save the CSV as UTF-8", source=str(path)
        ) from None
    except csv.Error as exc:
        raise EvaluationError(f"cannot be parsed as CSV ({exc})", source=str(path)) from None


def _check_header(header: list[str], path: Path) -> list[str]:
    names = [name.strip() for name in header]
    for column in REQUIRED_COLUMNS:
        if column not in names:
            raise EvaluationError(
                f"has no {column!r} column; an ACLED-format CSV needs the columns "
                f"{', '.join(REQUIRED_COLUMNS)}",
                source=str(path),
            )
    return names


def read_acled_csv(path: str | Path, *, limit: int | None = None) -> AcledRows:
    """Read the usable rows of ``path`` (at most ``limit`` data rows when given)."""
    source = Path(path)
    result = AcledRows(path=str(source))
    header: list[str] | None = None
    for index, fields in _records(source):
        if header is None:
            header = _check_header(fields, source)
            continue
        if limit is not None and index >= limit:
            break
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            result.problems.append((index, f"has {len(fields)} fields, header has {len(header)}"))
            continue
        try:
            result.rows.append(_gold_event(index, dict(zip(header, fields, strict=True))))
        except ValueError as exc:
            result.problems.append((index, str(exc)))
    if header is None:
        raise EvaluationError("is empty; expected an ACLED-format CSV header", source=str(source))
    return result
