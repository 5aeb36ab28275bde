"""GeoJSON (RFC 7946) shapes the API answers with: positions are [longitude, latitude]."""

from __future__ import annotations

from typing import Any


def point(lon: Any, lat: Any) -> dict[str, Any] | None:
    """A Point geometry, or None (a Feature's null geometry) without both coordinates."""
    if not isinstance(lon, int | float) or not isinstance(lat, int | float):
        return None
    return {"type": "Point", "coordinates": [float(lon), float(lat)]}


def feature(feature_id: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A Feature whose geometry comes from the ``longitude``/``latitude`` properties."""
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": point(properties.get("longitude"), properties.get("latitude")),
        "properties": properties,
    }


def collection(features: list[dict[str, Any]], **members: Any) -> dict[str, Any]:
    """A FeatureCollection with extra top-level members (``total``, ``next``...)."""
    return {"type": "FeatureCollection", "features": features, **members}
