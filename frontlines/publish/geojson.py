"""GeoJSON (RFC 7946): one Feature per event, ``[longitude, latitude]``, WGS 84.

Properties are ``Event.to_dict()`` without ``latitude``/``longitude`` (they are the
geometry). Events without usable coordinates get ``"geometry": null``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import IO, Any

from ..records import Event


def event_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature."""
    properties = event.to_dict()
    properties.pop("latitude", None)
    properties.pop("longitude", None)
    lat, lon = event.latitude, event.longitude
    geometry: dict[str, Any] | None = None
    if lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon):
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    feature: dict[str, Any] = {"type": "Feature", "geometry": geometry, "properties": properties}
    if event.event_id:
        feature["id"] = event.event_id
    return feature


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    """The events as a GeoJSON FeatureCollection (a dict)."""
    return {"type": "FeatureCollection", "features": [event_feature(e) for e in events]}


def write_geojson(events: Iterable[Event], fp: IO[str], *, indent: int | None = None) -> int:
    """Write the events as a FeatureCollection to the text stream ``fp``; return the count."""
    collection = feature_collection(events)
    json.dump(collection, fp, ensure_ascii=False, allow_nan=False, indent=indent)
    fp.write("\n")
    return len(collection["features"])
