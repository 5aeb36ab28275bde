"""frontlines.publish: ACLED-style CSV, GeoJSON and a self-contained offline HTML map.

with open("events.csv", "w", newline="", encoding="utf-8") as fp:
    write_acled_csv(events, fp)
write_map(events, "map.html", documents=store.documents())
"""

from .acled_csv import read_acled_csv, write_acled_csv
from .geojson import feature_collection, write_geojson
from .map import render_map, write_map

__all__ = [
    "feature_collection",
    "read_acled_csv",
    "render_map",
    "write_acled_csv",
    "write_geojson",
    "write_map",
]
