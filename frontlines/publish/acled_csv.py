"""ACLED-style CSV: ACLED's columns in ACLED's order, then frontlines' provenance columns.

This is also the field mapping of every other export (GeoPackage, KML, FlatGeobuf, GeoJSON,
GeoParquet): ``COLUMN_KINDS`` gives each column's type there and ``typed_row`` its value.

``write_acled_csv(events, fp)`` writes a header and one row per event; ``read_acled_csv``
reads such a file back into :class:`~frontlines.records.Event` values (the extra columns
make the round trip lossless for every field except ``iso``/``region`` filled from the
country table).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Iterable
from typing import IO, Any

from ..errors import InputError
from ..records import ACLED_COLUMNS, Event, Span
from .countries import country_info

EXTRA_COLUMNS: tuple[str, ...] = (
    "evidence_text", "evidence_start", "evidence_end", "source_part", "comment_id",
    "credibility", "document_id", "source_url", "place_id", "location_reason", "fatalities_known",
    "warnings", "sources", "event_id",
)  # fmt: skip

COLUMNS: tuple[str, ...] = (*ACLED_COLUMNS, *EXTRA_COLUMNS)

# Event fields copied into the column of the same name, as they are.
_SAME = (
    "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "admin1", "admin2", "admin3", "location", "geo_precision",
    "notes", "fatalities", "source_part", "credibility", "document_id", "source_url",
    "place_id", "location_reason",
)  # fmt: skip
_INTS = ("time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities")

# Each column's type in the typed exports ("text" unless listed).
COLUMN_KINDS: dict[str, str] = {
    **{name: "text" for name in COLUMNS},
    **{name: "int" for name in (*_INTS, "year", "iso", "evidence_start", "evidence_end")},
    "timestamp": "int64", "latitude": "real", "longitude": "real",
    "fatalities_known": "bool", "event_date": "date",
}  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def acled_row(event: Event, *, timestamp: int) -> dict[str, str]:
    """One event as a CSV row (column name -> text)."""
    info = country_info(event.country)
    row = {name: _cell(getattr(event, name)) for name in _SAME}
    iso = event.iso if event.iso is not None else (info.numeric if info else None)
    row.update(
        {
            "event_id_cnty": event.event_id,
            "year": event.event_date[:4] if event.event_date else "",
            "iso": _cell(iso),
            "region": event.region or (info.region if info else ""),
            "country": info.name if info and len(event.country) == 2 else event.country,
            "latitude": _cell(event.latitude),
            "longitude": _cell(event.longitude),
            "source": event.source or event.source_url,
            "source_scale": "",
            "tags": "",
            "timestamp": str(timestamp),
            "evidence_text": event.evidence.text,
            "evidence_start": str(event.evidence.start),
            "evidence_end": str(event.evidence.end),
            "comment_id": _cell(event.comment_id),
            "fatalities_known": _cell(event.fatalities_known),
            "warnings": json.dumps(list(event.warnings), ensure_ascii=False),
            "sources": json.dumps(list(event.sources), ensure_ascii=False),
            "event_id": event.event_id,
        }
    )
    return row


def typed_row(event: Event, *, timestamp: int) -> dict[str, Any]:
    """One event's columns as typed values (None where the CSV cell is empty or no date)."""
    row: dict[str, Any] = dict(acled_row(event, timestamp=timestamp))
    for name, kind in COLUMN_KINDS.items():
        text = row[name]
        if kind == "text":
            continue
        if text == "":
            row[name] = None
        elif kind in ("int", "int64"):
            row[name] = int(text)
        elif kind == "real":
            row[name] = float(text)
        elif kind == "bool":
            row[name] = text == "true"
        else:
            row[name] = _date_or_none(text)
    return row


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_NUMERIC = frozenset(
    {"latitude", "longitude", "iso", "year", "timestamp", "evidence_start", "evidence_end", *_INTS}
)


def _defuse(row: dict[str, str]) -> dict[str, str]:
    """Prefix with an apostrophe the text cells a spreadsheet would run as a formula
    (OWASP's advice for CSV injection), and those that start with an apostrophe already,
    so that ``read_acled_csv`` can take exactly one off again."""
    return {
        k: ("'" + v if k not in _NUMERIC and v.startswith((*_FORMULA_START, "'")) else v)
        for k, v in row.items()
    }


def _restore(row: dict[str, str]) -> dict[str, str]:
    return {
        k: (v[1:] if k not in _NUMERIC and v.startswith("'") and v else v) for k, v in row.items()
    }


def write_acled_csv(
    events: Iterable[Event],
    fp: IO[str],
    *,
    timestamp: int | None = None,
    excel_safe: bool = True,
) -> int:
    """Write ``events`` as ACLED-style CSV to the text stream ``fp``; return the row count.

    ``timestamp`` (unix seconds) defaults to now. ``excel_safe`` (on by default) prefixes
    text cells that start with ``= + - @``, a tab or a carriage return with ``'`` so that
    spreadsheets do not run page text as a formula; ``read_acled_csv`` removes the prefix.
    Open files with ``newline=""`` as the ``csv`` module asks.
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(fp, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for event in events:
        row = acled_row(event, timestamp=stamp)
        writer.writerow(_defuse(row) if excel_safe else row)
        count += 1
    return count


def _float(text: str) -> float | None:
    return float(text) if text else None


def _event(row: dict[str, str]) -> Event:
    values: dict[str, Any] = {name: row[name] for name in _SAME}
    for name in _INTS:
        values[name] = int(row[name])
    return Event(
        **values,
        evidence=Span(int(row["evidence_start"]), int(row["evidence_end"]), row["evidence_text"]),
        iso=int(row["iso"]) if row["iso"] else None,
        region=row["region"],
        country=row["country"],
        latitude=_float(row["latitude"]),
        longitude=_float(row["longitude"]),
        fatalities_known=row["fatalities_known"] == "true",
        comment_id=row["comment_id"] or None,
        source=row["source"],
        warnings=json.loads(row["warnings"]),
        sources=json.loads(row["sources"]),
        event_id=row["event_id"],
    )


def read_acled_csv(fp: IO[str], *, source: str = "<csv>") -> list[Event]:
    """Read a file written by :func:`write_acled_csv` back into events."""
    reader = csv.DictReader(fp)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(
            f"not a frontlines ACLED CSV: missing columns {', '.join(missing[:5])}; "
            "write it with `frontlines export --format acled-csv`",
            source=source,
        )
    try:
        return [_event(_restore(row)) for row in reader]
    except (ValueError, KeyError) as exc:
        raise InputError(f"bad value in ACLED CSV row ({exc})", source=source) from exc
