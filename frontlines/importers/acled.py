"""Read an ACLED CSV export into events that can be stored beside frontlines' own.

ACLED's column names are used as they are (any order, any case); extra columns are
ignored and optional ones may be missing. ``event_date``, ``event_type`` and ``actor1``
are required. ``inter1``/``inter2``/``interaction`` may be ACLED's numeric codes or the
text labels of newer exports ("State forces", "Rebel group-Civilians"...). A row whose
cells cannot be read is skipped and reported with its line number.

Each event keeps ACLED's ``notes`` as its evidence (``Span(0, len(notes), notes)``),
``source`` "ACLED (imported)", ACLED's own source outlets in ``sources``, and
``document_id`` ``acled:<event_id_cnty>``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..records import Event, Span
from ._csv import (
    ImportResult,
    Row,
    RowError,
    convert_rows,
    parse_coordinate,
    parse_date,
    parse_int,
    read_rows,
    require,
)

__all__ = ["ACLED_SOURCE", "INTER_LABELS", "acled_row_to_event", "read_acled_csv"]

ACLED_SOURCE = "ACLED (imported)"
REQUIRED = ("event_date", "event_type", "actor1")

INTER_LABELS: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}


def read_acled_csv(path: str | Path) -> ImportResult:
    """Events from an ACLED CSV file, and the malformed rows skipped (with line numbers).

    Raises ``InputError`` (naming the file) when it is missing, empty, not UTF-8, or lacks
    a required column.
    """
    rows = read_rows(path, required=REQUIRED, kind="ACLED")
    return convert_rows(rows, str(path), acled_row_to_event)


def _inter(row: Row, name: str) -> int:
    raw = row.get(name, "")
    if not raw:
        return 0
    if raw.isdigit():
        code = int(raw)
        if not 0 <= code <= 8:
            raise RowError(f"{name} {code} is not an ACLED inter code (1-8)")
        return code
    label = INTER_LABELS.get(raw.lower())
    if label is None:
        raise RowError(f"{name} {raw!r} is not an ACLED actor type")
    return label


def _interaction(row: Row, inter1: int, inter2: int) -> int:
    raw = row.get("interaction", "")
    if raw.isdigit():
        return int(raw)
    if inter1 and inter2:
        return min(inter1, inter2) * 10 + max(inter1, inter2)
    return max(inter1, inter2) * 10


def _event_id(row: Row) -> str:
    given = row.get("event_id_cnty", "")
    if given:
        return given
    digest = hashlib.sha256(repr(sorted(row.items())).encode("utf-8")).hexdigest()
    return f"row-{digest[:16]}"


def acled_row_to_event(row: Row) -> Event:
    """One ACLED row as an Event; RowError when a cell cannot be read."""
    event_date = parse_date(row, "event_date")
    inter1, inter2 = _inter(row, "inter1"), _inter(row, "inter2")
    latitude = parse_coordinate(row, "latitude", 90)
    longitude = parse_coordinate(row, "longitude", 180)
    if (latitude is None) != (longitude is None):
        raise RowError("latitude and longitude must both be given or both be empty")
    fatalities = parse_int(row, "fatalities")
    notes = row.get("notes", "")
    event_id = _event_id(row)
    return Event(
        event_type=require(row, "event_type"),
        sub_event_type=row.get("sub_event_type", ""),
        actor1=require(row, "actor1"),
        evidence=Span(0, len(notes), notes),
        event_date=event_date,
        time_precision=_precision(row, "time_precision", default=1),
        disorder_type=row.get("disorder_type", ""),
        assoc_actor_1=row.get("assoc_actor_1", ""),
        inter1=inter1,
        actor2=row.get("actor2", ""),
        assoc_actor_2=row.get("assoc_actor_2", ""),
        inter2=inter2,
        interaction=_interaction(row, inter1, inter2),
        civilian_targeting=row.get("civilian_targeting", ""),
        iso=parse_int(row, "iso"),
        region=row.get("region", ""),
        country=row.get("country", ""),
        admin1=row.get("admin1", ""),
        admin2=row.get("admin2", ""),
        admin3=row.get("admin3", ""),
        location=row.get("location", ""),
        latitude=latitude,
        longitude=longitude,
        geo_precision=_precision(row, "geo_precision", default=3),
        fatalities=fatalities or 0,
        fatalities_known=fatalities is not None,
        notes=notes,
        credibility="high",
        document_id=f"acled:{event_id}",
        source=ACLED_SOURCE,
        sources=[s.strip() for s in row.get("source", "").split(";") if s.strip()],
        event_id=event_id,
    )


def _precision(row: Row, name: str, *, default: int) -> int:
    value = parse_int(row, name, default=default)
    if value is None or not 1 <= value <= 3:
        raise RowError(f"{name} {value} is not 1, 2 or 3")
    return value
