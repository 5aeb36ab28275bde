"""Natural Earth country polygons (npm ``world-atlas`` TopoJSON) read by GDAL's TopoJSON driver.

    countries_geojson(Path("node_modules/world-atlas/countries-50m.json"), digits=3)

gives a GeoJSON FeatureCollection (RFC 7946, properties ``id`` and ``name``), coordinates
rounded to ``digits`` (3 digits is about 100 m, plenty for a base map). Read once per file.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["countries_geojson"]

LAYER = "countries"


@lru_cache(maxsize=4)
def countries_geojson(path: Path, digits: int = 3) -> dict[str, Any]:
    """The ``countries`` object of a world-atlas TopoJSON file as GeoJSON (see module doc).

    Raises ConfigError naming the file and the fix when it is missing or not TopoJSON.
    """
    import pyogrio.raw
    from pyogrio.errors import DataLayerError, DataSourceError

    if not path.is_file():
        raise ConfigError(
            f"base map {path} is missing; run `make setup` (npm ci) or set "
            "FRONTLINES_ASSETS_DIR to a node_modules folder with world-atlas"
        )
    buffer = io.BytesIO()
    try:
        meta, table = pyogrio.raw.read_arrow(str(path), layer=LAYER)
        pyogrio.raw.write_arrow(
            table, buffer, driver="GeoJSON", layer=LAYER, geometry_name=meta["geometry_name"] or "wkb_geometry",
            geometry_type="Unknown", crs="EPSG:4326",
            layer_options={"COORDINATE_PRECISION": str(digits), "RFC7946": "YES"},
        )  # fmt: skip
    except (DataSourceError, DataLayerError) as exc:
        raise ConfigError(
            f"cannot read base map {path} as TopoJSON with a {LAYER!r} object ({exc}); "
            "run `make setup` again"
        ) from exc
    collection: dict[str, Any] = json.loads(buffer.getvalue())
    return collection
