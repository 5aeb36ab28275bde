"""Vector layers written by GDAL (through pyogrio): one call writes a file with named layers.

    write_layers("out.gpkg", {"events": events_layer(events)}, "GPKG")

A :class:`Layer` is typed columns (:class:`Field`: name and kind) with one WKB geometry per
row, longitude/latitude on WGS 84 (EPSG:4326). Further layers (control areas, front lines)
are more entries in the mapping; drivers that hold one layer per file (GeoJSON,
GeoJSONSeq, FlatGeobuf) refuse a second. The file is written beside the target and moved
into place, so a failed write leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyarrow as pa

from ..errors import ConfigError

__all__ = ["DRIVERS", "Field", "FieldKind", "Layer", "Value", "arrow_table", "write_layers"]

FieldKind = Literal["text", "int", "int64", "real", "bool", "date", "datetime"]
Value = str | int | float | bool | dt.date | None
CRS = "EPSG:4326"

# Drivers and whether one file can hold several layers.
DRIVERS: dict[str, bool] = {
    "GPKG": True, "LIBKML": True, "FlatGeobuf": False, "GeoJSON": False, "GeoJSONSeq": False,
    "PMTiles": False,
}  # fmt: skip

_ARROW: dict[str, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int32(),
    "int64": pa.int64(),
    "real": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("s"),
}


@dataclass(frozen=True, slots=True)
class Field:
    """One attribute column: its name and kind (the file's type follows from the kind)."""

    name: str
    kind: FieldKind = "text"


@dataclass(frozen=True, slots=True)
class Layer:
    """Rows of attribute values (keyed by field name) and one WKB geometry (or None) per row."""

    fields: Sequence[Field]
    rows: Sequence[Mapping[str, Value]]
    geometries: Sequence[bytes | None]
    geometry_type: str = "Point"
    options: Mapping[str, str] = field(default_factory=dict)  # GDAL layer creation options


# The name GDAL needs to write the right thing (FlatGeobuf makes a folder of files for any
# other name; LIBKML writes KMZ for .kmz).
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "GPKG": (".gpkg",), "LIBKML": (".kml", ".kmz"), "FlatGeobuf": (".fgb",),
    "GeoJSON": (".geojson", ".json"), "GeoJSONSeq": (".geojsonl", ".geojsons"),
    "PMTiles": (".pmtiles",),
}  # fmt: skip


def _suffix(driver: str, target: Path) -> str:
    known = _SUFFIXES.get(driver, (target.suffix,))
    return target.suffix.lower() if target.suffix.lower() in known else known[0]


def arrow_table(layer: Layer, geometry: str = "geometry") -> pa.Table:
    """The layer as an Arrow table: its fields, then a binary WKB ``geometry`` column."""
    if len(layer.rows) != len(layer.geometries):
        raise ValueError(f"{len(layer.rows)} rows but {len(layer.geometries)} geometries")
    columns = {
        f.name: pa.array([row.get(f.name) for row in layer.rows], type=_ARROW[f.kind])
        for f in layer.fields
    }
    columns[geometry] = pa.array(list(layer.geometries), type=pa.binary())
    return pa.table(columns)


def write_layers(
    path: str | Path,
    layers: Mapping[str, Layer],
    driver: str,
    *,
    dataset_options: Mapping[str, str] | None = None,
) -> Path:
    """Write every layer (name -> :class:`Layer`) into one file with the GDAL ``driver``.

    Returns the path. Raises ConfigError naming the file when the driver holds fewer
    layers than given or GDAL cannot write it.
    """
    import pyogrio.raw
    from pyogrio.errors import DataLayerError, DataSourceError

    target = Path(path)
    if target.is_dir():
        raise ConfigError("is a directory; give a file name", source=str(target))
    if len(layers) > 1 and not DRIVERS.get(driver, False):
        raise ConfigError(
            f"{driver} holds one layer per file and {len(layers)} were given; "
            "write a GeoPackage (--format gpkg) for several layers",
            source=str(target),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial{_suffix(driver, target)}")
    partial.unlink(missing_ok=True)
    try:
        for index, (name, layer) in enumerate(layers.items()):
            pyogrio.raw.write_arrow(
                arrow_table(layer), str(partial), layer=name, driver=driver,
                geometry_name="geometry", geometry_type=layer.geometry_type, crs=CRS,
                dataset_options=dict(dataset_options or {}) if index == 0 else None,
                layer_options=dict(layer.options) or None,
            )  # fmt: skip
        os.replace(partial, target)
    except (DataSourceError, DataLayerError, OSError) as exc:
        raise ConfigError(f"GDAL could not write {driver} ({exc})", source=str(target)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return target
