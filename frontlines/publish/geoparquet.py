"""Events as GeoParquet 1.1: a Parquet table with a WKB ``geometry`` column and ``geo`` metadata.

The ``geo`` key of the file's metadata says ``version`` 1.1.0, ``primary_column``
``geometry``, and for that column ``encoding`` WKB, ``geometry_types`` ``["Point"]`` and the
``bbox`` of the points. ``crs`` is left out, which GeoParquet defines as OGC:CRS84
(longitude, latitude on WGS 84). Events without coordinates have a null geometry.
The attribute columns are those of :data:`frontlines.publish.gpkg.EVENT_FIELDS`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..records import Event
from .gpkg import EVENT_FIELDS, event_point, event_values, point_wkb, points_bbox

__all__ = ["GEOPARQUET_VERSION", "events_table", "geo_metadata", "write_geoparquet"]

GEOPARQUET_VERSION = "1.1.0"
GEOMETRY_COLUMN = "geometry"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int64(),
    "real": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
}


def geo_metadata(events: Iterable[Event]) -> dict[str, Any]:
    """The GeoParquet ``geo`` metadata for these events."""
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    bbox = points_bbox(events)
    if bbox is not None:
        column["bbox"] = list(bbox)
    return {
        "version": GEOPARQUET_VERSION,
        "primary_column": GEOMETRY_COLUMN,
        "columns": {GEOMETRY_COLUMN: column},
    }


def events_table(events: Iterable[Event]) -> pa.Table:
    """An Arrow table of the events with the ``geo`` metadata attached."""
    rows = list(events)
    records = [event_values(e) for e in rows]
    arrays: list[pa.Array] = []
    fields: list[pa.Field] = []
    for spec in EVENT_FIELDS:
        values = [_arrow_value(spec.kind, r[spec.name]) for r in records]
        arrays.append(pa.array(values, type=_ARROW_TYPES[spec.kind]))
        fields.append(pa.field(spec.name, _ARROW_TYPES[spec.kind]))
    geoms = [point_wkb(*p) if (p := event_point(e)) else None for e in rows]
    arrays.append(pa.array(geoms, type=pa.binary()))
    fields.append(pa.field(GEOMETRY_COLUMN, pa.binary()))
    meta = {b"geo": json.dumps(geo_metadata(rows)).encode("utf-8")}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


def _arrow_value(kind: str, value: object) -> object:
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def write_geoparquet(events: Iterable[Event], path: str | Path) -> Path:
    """Write ``events`` to a GeoParquet file at ``path`` (replacing it) and return the path."""
    target = Path(path)
    if target.is_dir():
        raise ConfigError("is a directory; give a file name ending in .parquet", source=str(target))
    table = events_table(events)
    partial = target.with_name(target.name + ".partial")
    try:
        pq.write_table(table, partial, compression="zstd")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
