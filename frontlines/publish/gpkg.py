"""Events as a GeoPackage (the OGC SQLite format QGIS opens by default), stdlib only.

The file follows GeoPackage 1.3 core: ``application_id`` 'GPKG' and ``user_version`` 10300,
the three required metadata tables (``gpkg_spatial_ref_sys`` with EPSG:4326 and the two
undefined systems, ``gpkg_contents``, ``gpkg_geometry_columns``) and one feature table,
``events``, whose ``geom`` column holds GeoPackageBinary points (header ``GP``, version 0,
little-endian with an envelope, srs_id 4326, then the WKB point). An event without
coordinates has a NULL geometry.

This module also holds the attribute schema shared by the other vector exports
(:mod:`frontlines.publish.geoparquet`, :mod:`frontlines.publish.kml`): ``EVENT_FIELDS``
and ``event_values``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ConfigError
from ..records import Event

__all__ = [
    "EVENT_FIELDS",
    "GPKG_APPLICATION_ID",
    "GPKG_USER_VERSION",
    "Field",
    "event_point",
    "event_values",
    "gpkg_point",
    "parse_point_wkb",
    "point_wkb",
    "points_bbox",
    "write_gpkg",
]

GPKG_APPLICATION_ID = 0x47504B47  # 'GPKG'
GPKG_USER_VERSION = 10300  # GeoPackage 1.3.0
TABLE = "events"
GEOMETRY_COLUMN = "geom"

FieldKind = Literal["text", "int", "real", "bool", "date"]
Value = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Field:
    """One attribute column: its name and kind (the SQL/Arrow type follows from the kind)."""

    name: str
    kind: FieldKind


EVENT_FIELDS: tuple[Field, ...] = tuple(
    Field(name, kind)  # type: ignore[arg-type]
    for name, kind in (
        ("event_id", "text"), ("event_date", "date"), ("year", "int"),
        ("time_precision", "int"), ("disorder_type", "text"), ("event_type", "text"),
        ("sub_event_type", "text"), ("actor1", "text"), ("assoc_actor_1", "text"),
        ("inter1", "int"), ("actor2", "text"), ("assoc_actor_2", "text"), ("inter2", "int"),
        ("interaction", "int"), ("civilian_targeting", "text"), ("iso", "int"),
        ("region", "text"), ("country", "text"), ("admin1", "text"), ("admin2", "text"),
        ("admin3", "text"), ("location", "text"), ("latitude", "real"), ("longitude", "real"),
        ("geo_precision", "int"), ("fatalities", "int"), ("fatalities_known", "bool"),
        ("notes", "text"), ("evidence_text", "text"), ("evidence_start", "int"),
        ("evidence_end", "int"), ("source_part", "text"), ("comment_id", "text"),
        ("credibility", "text"), ("document_id", "text"), ("source", "text"),
        ("source_url", "text"), ("place_id", "text"), ("sources", "text"),
        ("warnings", "text"),
    )
)  # fmt: skip


def event_values(event: Event) -> dict[str, Value]:
    """The attribute values of one event, keyed by ``EVENT_FIELDS`` names.

    ``event_date`` is None when unknown; ``sources`` and ``warnings`` are JSON lists.
    """
    date = event.event_date or None
    return {
        "event_id": event.event_id,
        "event_date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": event.iso,
        "region": event.region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "fatalities": event.fatalities,
        "fatalities_known": event.fatalities_known,
        "notes": event.notes,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "source_part": event.source_part,
        "comment_id": event.comment_id,
        "credibility": event.credibility,
        "document_id": event.document_id,
        "source": event.source,
        "source_url": event.source_url,
        "place_id": event.place_id,
        "sources": json.dumps(list(event.sources), ensure_ascii=False),
        "warnings": json.dumps(list(event.warnings), ensure_ascii=False),
    }


def event_point(event: Event) -> tuple[float, float] | None:
    """(lon, lat) of the event, or None unless both coordinates are known."""
    if event.latitude is None or event.longitude is None:
        return None
    return (event.longitude, event.latitude)


def points_bbox(events: Iterable[Event]) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of the events with coordinates, or None."""
    points = [p for p in map(event_point, events) if p is not None]
    if not points:
        return None
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats))


def point_wkb(lon: float, lat: float) -> bytes:
    """A 2D point as little-endian ISO WKB (21 bytes)."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


def parse_point_wkb(data: bytes) -> tuple[float, float]:
    """(lon, lat) of a WKB point, either byte order; ValueError for anything else."""
    if len(data) != 21 or data[0] not in (0, 1):
        raise ValueError(f"not a 2D WKB point ({len(data)} bytes)")
    order = "<" if data[0] == 1 else ">"
    kind, lon, lat = struct.unpack(order + "Idd", data[1:])
    if kind != 1:
        raise ValueError(f"WKB geometry type {kind} is not a point")
    return lon, lat


def gpkg_point(lon: float, lat: float, srs_id: int = 4326) -> bytes:
    """GeoPackageBinary: 'GP', version 0, flags (little-endian, xy envelope), srs, WKB."""
    flags = 0b0000_0011  # bit 0: little-endian; bits 1-3 = 1: envelope [minx, maxx, miny, maxy]
    header = struct.pack("<2sBBi4d", b"GP", 0, flags, srs_id, lon, lon, lat, lat)
    return header + point_wkb(lon, lat)


_SQL_TYPES: dict[str, str] = {
    "text": "TEXT",
    "int": "INTEGER",
    "real": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
}

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
    'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]'
)

_SCHEMA = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""


def write_gpkg(events: Iterable[Event], path: str | Path) -> Path:
    """Write ``events`` to a new GeoPackage at ``path`` (replacing it) and return the path.

    The file is built beside ``path`` and moved into place, so a failed write leaves no
    half-written GeoPackage behind.
    """
    target = Path(path)
    if target.is_dir():
        raise ConfigError("is a directory; give a file name ending in .gpkg", source=str(target))
    rows = list(events)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _build(partial, rows)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _build(path: Path, events: list[Event]) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        conn.executescript(_SCHEMA)
        _insert_srs(conn)
        _create_feature_table(conn, events)
        conn.commit()
    finally:
        conn.close()


def _insert_srs(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude in degrees"),
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
        ],
    )


def _create_feature_table(conn: sqlite3.Connection, events: list[Event]) -> None:
    columns = ", ".join(f'"{f.name}" {_SQL_TYPES[f.kind]}' for f in EVENT_FIELDS)
    conn.execute(
        f'CREATE TABLE "{TABLE}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
        f'"{GEOMETRY_COLUMN}" POINT, {columns})'
    )
    bbox = points_bbox(events) or (None, None, None, None)
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
        " min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)",
        (TABLE, TABLE, "frontlines events (ACLED fields + evidence)", *bbox),
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', 4326, 0, 0)",
        (TABLE, GEOMETRY_COLUMN),
    )
    names = ", ".join(f'"{f.name}"' for f in EVENT_FIELDS)
    marks = ", ".join("?" for _ in range(len(EVENT_FIELDS) + 1))
    sql = f'INSERT INTO "{TABLE}" ("{GEOMETRY_COLUMN}", {names}) VALUES ({marks})'
    conn.executemany(sql, (_row(event) for event in events))


def _row(event: Event) -> list[Value | bytes]:
    point = event_point(event)
    geom = gpkg_point(*point) if point else None
    values = event_values(event)
    return [geom, *(values[f.name] for f in EVENT_FIELDS)]
