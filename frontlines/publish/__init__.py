"""frontlines.publish: exports (ACLED CSV; GDAL's GeoPackage, KML, FlatGeobuf, GeoJSON,
GeoJSONSeq; GeoParquet), vector tiles, situation reports and a self-contained offline map.

with open("events.csv", "w", newline="", encoding="utf-8") as fp:
    write_acled_csv(events, fp)
write_events(events, "events.gpkg", "gpkg")          # + events.qml for QGIS
write_layers("all.gpkg", {"events": events_layer(events), ...}, "GPKG")
write_tiles(events, "events.pmtiles")                 # vector tiles (GDAL's PMTiles driver)
write_map(events, "map.html", documents=store.documents())
"""

from .acled_csv import read_acled_csv, write_acled_csv
from .exports import (
    FORMATS,
    events_layer,
    write_events,
    write_events_text,
    write_geojson,
    write_gpkg,
    write_kml,
)
from .geoparquet import write_geoparquet
from .layers import Field, Layer, write_layers
from .map import render_map, write_map
from .sitrep import ReportPaths, parse_bbox, write_report
from .tiles import TileSet, write_tiles

__all__ = [
    "FORMATS",
    "Field",
    "Layer",
    "ReportPaths",
    "TileSet",
    "events_layer",
    "parse_bbox",
    "read_acled_csv",
    "render_map",
    "write_acled_csv",
    "write_events",
    "write_events_text",
    "write_geojson",
    "write_geoparquet",
    "write_gpkg",
    "write_kml",
    "write_layers",
    "write_map",
    "write_report",
    "write_tiles",
]
