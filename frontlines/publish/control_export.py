"""Control areas and front lines as files: GeoJSON (text) or GeoPackage (through pyogrio).

    write_control_geojson(areas, fp)
    write_control_gpkg(areas, Path("control.gpkg"))   # layers control_areas, front_lines

A small writer of its own (one layer per geometry kind); it can join a generic pyogrio
layer writer later.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import numpy as np
import shapely

from ..control.areas import ControlAreas
from ..errors import ConfigError

CONTROL_FORMATS = ("geojson", "gpkg")
_FIELDS = ("at", "holder", "holders", "contested", "places", "length_km")


def write_control_geojson(areas: ControlAreas, fp: IO[str], *, attribution: str = "") -> int:
    """The areas as one GeoJSON FeatureCollection; returns the number of features."""
    data = areas.to_geojson()
    if attribution:
        data["attribution"] = attribution
    json.dump(data, fp, ensure_ascii=False)
    fp.write("\n")
    return len(data["features"])


def _layer(items: list[dict[str, Any]], at: str) -> tuple[np.ndarray, list[np.ndarray]]:
    geometry = shapely.to_wkb(np.array([i["geometry"] for i in items], dtype=object))
    columns = [
        np.array([at] * len(items), dtype=object),
        np.array([i["holder"] for i in items], dtype=object),
        np.array(["; ".join(i["holders"]) for i in items], dtype=object),
        np.array([1 if i["contested"] else 0 for i in items], dtype=np.int32),
        np.array([int(i.get("places") or 0) for i in items], dtype=np.int32),
        np.array([float(i.get("length_km") or 0.0) for i in items], dtype=np.float64),
    ]
    return geometry, columns


def write_control_gpkg(areas: ControlAreas, path: Path) -> int:
    """A GeoPackage with layers ``control_areas`` (polygons) and ``front_lines`` (lines)."""
    try:
        from pyogrio.raw import write
    except ImportError as exc:
        raise ConfigError("--format gpkg needs pyogrio: pip install 'pyogrio>=0.9'") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    layers = (("control_areas", areas.areas, "MultiPolygon"),
              ("front_lines", areas.fronts, "MultiLineString"))  # fmt: skip
    written = 0
    for number, (name, items, kind) in enumerate(layers):
        multi = [dict(i, geometry=_multi(i["geometry"])) for i in items]
        geometry, columns = _layer(multi, areas.at)
        write(str(path), geometry, columns, list(_FIELDS), layer=name, driver="GPKG",
              geometry_type=kind, crs="EPSG:4326", append=number > 0)  # fmt: skip
        written += len(items)
    return written


def _multi(geometry: Any) -> Any:
    if geometry.geom_type == "Polygon":
        return shapely.MultiPolygon([geometry])
    if geometry.geom_type == "LineString":
        return shapely.MultiLineString([geometry])
    if geometry.geom_type == "GeometryCollection":
        parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "LineString")]
        if parts and parts[0].geom_type == "Polygon":
            return shapely.MultiPolygon([p for p in parts if p.geom_type == "Polygon"])
        return shapely.MultiLineString([p for p in parts if p.geom_type == "LineString"])
    return geometry


def write_control(areas: ControlAreas, fmt: str, out: IO[str] | Path, *, attribution: str = "") -> int:
    """Write ``areas`` in ``fmt`` (geojson to a stream or path, gpkg to a path)."""
    if fmt not in CONTROL_FORMATS:
        raise ConfigError(f"--layer control is written as {' or '.join(CONTROL_FORMATS)}, "
                          f"not {fmt!r}")  # fmt: skip
    if fmt == "gpkg":
        if not isinstance(out, Path):
            raise ConfigError("--format gpkg writes a binary file: give -o FILE")
        return write_control_gpkg(areas, out)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fp:
            return write_control_geojson(areas, fp, attribution=attribution)
    return write_control_geojson(areas, out, attribution=attribution)
