"""Event exports written by GDAL: GeoPackage, KML, FlatGeobuf, GeoJSON and GeoJSONSeq.

Every format has the columns of the ACLED CSV (:mod:`frontlines.publish.acled_csv` is the
field mapping) with their types, a point per event with coordinates (None otherwise) on
EPSG:4326, and the layer name ``events``. KML adds ``name`` (sub-event type and place) and
an escaped plain-text ``description`` shown in Google Earth's balloon, and a ``TimeStamp``
from the event date. A GeoPackage gets a QGIS style (``.qml``) beside it that colours events
by type as the map app does. ``events_layer`` is the building block for multi-layer files
(:func:`frontlines.publish.layers.write_layers`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import math
import shutil
import struct
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError
from ..records import Event
from .acled_csv import COLUMN_KINDS, COLUMNS, typed_row
from .layers import Field, Layer, write_layers
from .qml import write_qml

__all__ = [
    "EVENT_FIELDS",
    "FORMATS",
    "event_point",
    "events_layer",
    "point_wkb",
    "write_events",
    "write_events_text",
    "write_geojson",
    "write_gpkg",
    "write_kml",
]

EVENT_FIELDS: tuple[Field, ...] = tuple(Field(n, COLUMN_KINDS[n]) for n in COLUMNS)  # type: ignore[arg-type]
LAYER = "events"

# format -> (GDAL driver, layer creation options)
FORMATS: dict[str, tuple[str, dict[str, str]]] = {
    "gpkg": ("GPKG", {"DESCRIPTION": "frontlines events (ACLED fields + evidence)"}),
    "kml": ("LIBKML", {}),
    "flatgeobuf": ("FlatGeobuf", {}),
    "geojson": ("GeoJSON", {"RFC7946": "YES"}),
    "geojsonseq": ("GeoJSONSeq", {}),  # always RFC 7946
}
# LIBKML takes KML's <TimeStamp> from this field (by default "timestamp", which is ACLED's
# unix-seconds column here).
_KML_CONFIG = {"LIBKML_TIMESTAMP_FIELD": "when"}
# KML has no date type (GDAL would write 2024/03/05): the date stays ISO text there.
_KML_EVENT_FIELDS = tuple(Field(f.name, "text") if f.kind == "date" else f for f in EVENT_FIELDS)
_KML_FIELDS = (Field("name"), Field("description"), Field("when", "datetime"))


def event_point(event: Event) -> tuple[float, float] | None:
    """(lon, lat) of the event, or None unless both are known, finite and in range."""
    lon, lat = event.longitude, event.latitude
    if lon is None or lat is None or not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        return None
    return (lon, lat)


def point_wkb(lon: float, lat: float) -> bytes:
    """A 2D point as little-endian ISO WKB (21 bytes)."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


def events_layer(
    events: Iterable[Event],
    *,
    timestamp: int | None = None,
    kml: bool = False,
    options: Mapping[str, str] | None = None,
) -> Layer:
    """The events as a :class:`Layer` with the ACLED CSV's columns (``kml``: KML's own too)."""
    stamp = int(time.time()) if timestamp is None else timestamp
    rows: list[dict[str, Any]] = []
    geometries: list[bytes | None] = []
    for event in events:
        row = typed_row(event, timestamp=stamp)
        if kml:
            row.update(_kml_values(event, row))
        rows.append(row)
        point = event_point(event)
        geometries.append(point_wkb(*point) if point else None)
    fields = (*_KML_FIELDS, *_KML_EVENT_FIELDS) if kml else EVENT_FIELDS
    return Layer(fields, rows, geometries, "Point", dict(options or {}))


def _kml_values(event: Event, row: Mapping[str, Any]) -> dict[str, Any]:
    parts = [p for p in (event.sub_event_type or event.event_type, event.location) if p]
    date = row["event_date"]
    return {
        "name": " - ".join(parts) or "event",
        "description": html.escape(_description(event)).replace("\n", "<br>"),
        "when": dt.datetime(date.year, date.month, date.day) if date else None,
        "event_date": date.isoformat() if date else None,
    }


def _description(event: Event) -> str:
    lines = [f"Evidence: \u201c{event.evidence.text}\u201d"]
    actors = "; ".join(a for a in (event.actor1, event.actor2) if a)
    if actors:
        lines.append(f"Actors: {actors}")
    if event.fatalities_known:
        lines.append(f"Fatalities: {event.fatalities}")
    lines.append(f"Credibility: {event.credibility}")
    source = ", ".join(s for s in (event.source, event.source_url) if s)
    if source:
        lines.append(f"Source: {source}")
    return "\n".join(lines)


@contextlib.contextmanager
def _gdal_config(options: Mapping[str, str]) -> Iterator[None]:
    if not options:
        yield
        return
    import pyogrio

    pyogrio.set_gdal_config_options(dict(options))
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(dict.fromkeys(options))


def write_events(
    events: Iterable[Event],
    path: str | Path,
    fmt: str,
    *,
    timestamp: int | None = None,
    extra_layers: Mapping[str, Layer] | None = None,
) -> Path:
    """Write ``events`` as ``fmt`` (a key of ``FORMATS``) to ``path``; return the path.

    ``extra_layers`` (GeoPackage and KML) are written after ``events``. A GeoPackage gets
    its QGIS style ``<name>.qml`` beside it.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown vector format {fmt!r}; use one of {', '.join(FORMATS)}")
    driver, options = FORMATS[fmt]
    rows = list(events)
    layer = events_layer(rows, timestamp=timestamp, kml=fmt == "kml", options=options)
    if fmt == "flatgeobuf" and any(g is None for g in layer.geometries):
        # FlatGeobuf's spatial index cannot hold rows without a geometry.
        layer = Layer(layer.fields, layer.rows, layer.geometries, "Point", {"SPATIAL_INDEX": "NO"})
    with _gdal_config(_KML_CONFIG if fmt == "kml" else {}):
        target = write_layers(path, {LAYER: layer, **(extra_layers or {})}, driver)
    if fmt == "gpkg":
        write_qml(target.with_suffix(".qml"))
    return target


def write_events_text(
    events: Iterable[Event], fp: IO[str], fmt: str, *, timestamp: int | None = None
) -> int:
    """Write a text format (geojson, geojsonseq) to the stream ``fp``; return the count."""
    if fmt not in ("geojson", "geojsonseq"):
        raise ConfigError(f"--format {fmt} writes a binary file: give -o FILE")
    rows = list(events)
    with tempfile.TemporaryDirectory(prefix="frontlines-") as tmp:
        path = write_events(rows, Path(tmp) / f"events.{fmt}", fmt, timestamp=timestamp)
        with path.open(encoding="utf-8") as source:
            shutil.copyfileobj(source, fp)
    return len(rows)


def write_geojson(events: Iterable[Event], fp: IO[str], *, timestamp: int | None = None) -> int:
    """The events as a GeoJSON FeatureCollection (RFC 7946) on ``fp``; return the count."""
    return write_events_text(events, fp, "geojson", timestamp=timestamp)


def write_gpkg(events: Iterable[Event], path: str | Path) -> Path:
    """The events as a GeoPackage layer ``events`` (and ``<name>.qml`` beside it)."""
    return write_events(events, path, "gpkg")


def write_kml(events: Iterable[Event], path: str | Path) -> Path:
    """The events as KML (written by GDAL's LIBKML driver)."""
    return write_events(events, path, "kml")
