"""frontlines.publish: ACLED-style CSV, GeoJSON and a self-contained offline HTML map.

with open("events.csv", "w", newline="", encoding="utf-8") as fp:
    write_acled_csv(events, fp)
write_map(events, "map.html", documents=store.documents())
"""

from .acled_csv import read_acled_csv, write_acled_csv
from .geojson import feature_collection, write_geojson
from .geoparquet import write_geoparquet
from .gpkg import write_gpkg
from .kml import write_kml
from .map import render_map, write_map
from .sitrep import ReportPaths, parse_bbox, write_report

__all__ = [
    "ReportPaths",
    "feature_collection",
    "parse_bbox",
    "read_acled_csv",
    "render_map",
    "write_acled_csv",
    "write_geojson",
    "write_geoparquet",
    "write_gpkg",
    "write_kml",
    "write_map",
    "write_report",
]
