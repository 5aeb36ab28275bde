"""Read a UCDP Georeferenced Event Dataset (GED) CSV into ACLED-style events.

Mapping (UCDP -> frontlines):

| UCDP | Event |
|---|---|
| type_of_violence 1 (state-based), 2 (non-state) | Political violence / Battles / Armed clash |
| type_of_violence 3 (one-sided) | Political violence / Violence against civilians / Attack, civilian targeting |
| side_a, side_b | actor1, actor2 |
| date_start | event_date (date_end and the death range go into the notes) |
| date_prec 1 / 2-3 / 4-5 | time_precision 1 (day) / 2 (week) / 3 (month) |
| where_prec 1 / 2-3 / 4-7 | geo_precision 1 / 2 / 3 |
| where_coordinates, adm_1, adm_2, country, region | location, admin1, admin2, country, region |
| best | fatalities |
| id | event_id and document_id ``ucdp:<id>`` |

``source`` is "UCDP GED", ``credibility`` "high", ``source_article`` goes into ``sources``,
and the evidence is the generated notes (``Span(0, len(notes), notes)``).
"""

from __future__ import annotations

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

__all__ = ["UCDP_SOURCE", "read_ucdp_ged_csv", "ucdp_row_to_event"]

UCDP_SOURCE = "UCDP GED"
REQUIRED = ("id", "type_of_violence", "side_a", "date_start")

_TYPES: dict[int, tuple[str, str, str]] = {
    1: ("Battles", "Armed clash", ""),
    2: ("Battles", "Armed clash", ""),
    3: ("Violence against civilians", "Attack", "Civilian targeting"),
}
_TYPE_NAMES = {1: "state-based", 2: "non-state", 3: "one-sided"}


def read_ucdp_ged_csv(path: str | Path) -> ImportResult:
    """Events from a UCDP GED CSV file, and the malformed rows skipped (with line numbers).

    Raises ``InputError`` (naming the file) when it is missing, empty, not UTF-8, or lacks
    a required column (id, type_of_violence, side_a, date_start).
    """
    rows = read_rows(path, required=REQUIRED, kind="UCDP GED")
    return convert_rows(rows, str(path), ucdp_row_to_event)


def geo_precision(where_prec: int | None) -> int:
    """UCDP where_prec (1-7) as ACLED geo precision: 1 -> 1, 2-3 -> 2, 4 and over -> 3."""
    if where_prec is None:
        return 3
    if not 1 <= where_prec <= 7:
        raise RowError(f"where_prec {where_prec} is not 1-7")
    return 1 if where_prec == 1 else 2 if where_prec <= 3 else 3


def time_precision(date_prec: int | None) -> int:
    """UCDP date_prec (1-5) as ACLED time precision: 1 -> 1, 2-3 -> 2, 4-5 -> 3."""
    if date_prec is None:
        return 3
    if not 1 <= date_prec <= 5:
        raise RowError(f"date_prec {date_prec} is not 1-5")
    return 1 if date_prec == 1 else 2 if date_prec <= 3 else 3


def _violence(row: Row) -> int:
    kind = parse_int(row, "type_of_violence")
    if kind not in _TYPES:
        raise RowError(f"type_of_violence {row.get('type_of_violence')!r} is not 1, 2 or 3")
    return kind


def _notes(row: Row, kind: int, start: str, end: str) -> str:
    sides = " vs ".join(s for s in (row.get("side_a", ""), row.get("side_b", "")) if s)
    place = row.get("where_description") or row.get("where_coordinates", "")
    when = start if end in ("", start) else f"{start} to {end}"
    parts = [f"UCDP {_TYPE_NAMES[kind]} violence: {sides}", when]
    if place:
        parts.append(place)
    deaths = row.get("best", "")
    if deaths:
        low, high = row.get("low", ""), row.get("high", "")
        extra = f" (low {low}, high {high})" if low and high else ""
        parts.append(f"deaths (best estimate) {deaths}{extra}")
    headline = row.get("source_headline", "")
    if headline:
        parts.append(f"reported as: {headline}")
    return ". ".join(parts) + "."


def ucdp_row_to_event(row: Row) -> Event:
    """One GED row as an Event; RowError when a cell cannot be read."""
    ucdp_id = require(row, "id")
    kind = _violence(row)
    event_type, sub_event_type, targeting = _TYPES[kind]
    start = parse_date(row, "date_start")
    end = parse_date(row, "date_end") if row.get("date_end") else ""
    latitude = parse_coordinate(row, "latitude", 90)
    longitude = parse_coordinate(row, "longitude", 180)
    if (latitude is None) != (longitude is None):
        raise RowError("latitude and longitude must both be given or both be empty")
    best = parse_int(row, "best")
    notes = _notes(row, kind, start, end)
    article = row.get("source_article", "")
    return Event(
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=require(row, "side_a"),
        evidence=Span(0, len(notes), notes),
        event_date=start,
        time_precision=time_precision(parse_int(row, "date_prec")),
        disorder_type="Political violence",
        actor2=row.get("side_b", ""),
        civilian_targeting=targeting,
        region=row.get("region", ""),
        country=row.get("country", ""),
        admin1=row.get("adm_1", ""),
        admin2=row.get("adm_2", ""),
        location=row.get("where_coordinates", ""),
        latitude=latitude,
        longitude=longitude,
        geo_precision=geo_precision(parse_int(row, "where_prec")),
        fatalities=best or 0,
        fatalities_known=best is not None,
        notes=notes,
        credibility="high",
        document_id=f"ucdp:{ucdp_id}",
        source=UCDP_SOURCE,
        sources=[article] if article else [],
        event_id=f"ucdp:{ucdp_id}",
    )
