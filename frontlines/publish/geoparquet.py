"""Events as GeoParquet 1.1 (pyarrow): the ACLED CSV's columns, WKB ``geometry``, ``bbox`` covering.

The file's ``geo`` metadata says ``version`` 1.1.0, ``primary_column`` ``geometry``, and for
that column ``encoding`` WKB, ``geometry_types`` ``["Point"]``, the ``bbox`` of the points
and a ``covering`` that points readers at the ``bbox`` struct column (``xmin``, ``ymin``,
``xmax``, ``ymax`` per row), so they can skip row groups by their statistics. ``crs`` is
left out, which GeoParquet defines as OGC:CRS84 (longitude, latitude on WGS 84). Events
without coordinates have a null geometry and a null bbox.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..records import Event
from .exports import event_point, events_layer
from .layers import arrow_table

__all__ = ["GEOPARQUET_VERSION", "events_table", "geo_metadata", "write_geoparquet"]

GEOPARQUET_VERSION = "1.1.0"
GEOMETRY_COLUMN = "geometry"
BBOX_COLUMN = "bbox"
_BBOX_TYPE = pa.struct([(k, pa.float64()) for k in ("xmin", "ymin", "xmax", "ymax")])


def geo_metadata(points: list[tuple[float, float] | None]) -> dict[str, Any]:
    """The GeoParquet ``geo`` metadata for these (lon, lat) points (None: no geometry)."""
    column: dict[str, Any] = {
        "encoding": "WKB",
        "geometry_types": ["Point"],
        "covering": {"bbox": {k: [BBOX_COLUMN, k] for k in ("xmin", "ymin", "xmax", "ymax")}},
    }
    known = [p for p in points if p is not None]
    if known:
        lons, lats = [p[0] for p in known], [p[1] for p in known]
        column["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return {
        "version": GEOPARQUET_VERSION,
        "primary_column": GEOMETRY_COLUMN,
        "columns": {GEOMETRY_COLUMN: column},
    }


def events_table(events: Iterable[Event], *, timestamp: int | None = None) -> pa.Table:
    """An Arrow table of the events with the bbox column and the ``geo`` metadata."""
    rows = list(events)
    table = arrow_table(events_layer(rows, timestamp=timestamp), GEOMETRY_COLUMN)
    points = [event_point(e) for e in rows]
    boxes = [
        {"xmin": p[0], "ymin": p[1], "xmax": p[0], "ymax": p[1]} if p else None for p in points
    ]
    table = table.append_column(BBOX_COLUMN, pa.array(boxes, type=_BBOX_TYPE))
    meta = {b"geo": json.dumps(geo_metadata(points)).encode("utf-8")}
    return table.replace_schema_metadata(meta)


def write_geoparquet(
    events: Iterable[Event], path: str | Path, *, timestamp: int | None = None
) -> Path:
    """Write ``events`` to a GeoParquet file at ``path`` (replacing it) and return the path."""
    target = Path(path)
    if target.is_dir():
        raise ConfigError("is a directory; give a file name ending in .parquet", source=str(target))
    table = events_table(events, timestamp=timestamp)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        pq.write_table(table, partial, compression="zstd", row_group_size=65536)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
