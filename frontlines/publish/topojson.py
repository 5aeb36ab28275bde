"""A small TopoJSON -> GeoJSON decoder (quantized, delta-encoded arcs).

Written from the TopoJSON specification: with a ``transform``, every arc is a list of
integer positions, the first absolute and each next one a delta from the previous; the
real coordinate is ``position * scale + translate``. A geometry lists arc indexes; a
negative index ``~i`` means arc ``i`` reversed. Consecutive arcs in a ring share their end
and start point, which is kept once.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError

Position = list[float]


class _Decoder:
    def __init__(self, topology: dict[str, Any], digits: int | None) -> None:
        transform = topology.get("transform")
        self.digits = digits
        self.arcs = [self._decode_arc(arc, transform) for arc in topology.get("arcs", [])]
        self.transform = transform

    def _round(self, value: float) -> float:
        return round(value, self.digits) if self.digits is not None else value

    def _decode_arc(
        self, arc: list[list[float]], transform: dict[str, Any] | None
    ) -> list[Position]:
        if transform is None:
            return [[self._round(p[0]), self._round(p[1])] for p in arc]
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0.0
        out: list[Position] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            out.append([self._round(x * sx + tx), self._round(y * sy + ty)])
        return out

    def point(self, position: list[float]) -> Position:
        if self.transform is None:
            return [self._round(position[0]), self._round(position[1])]
        (sx, sy), (tx, ty) = self.transform["scale"], self.transform["translate"]
        return [self._round(position[0] * sx + tx), self._round(position[1] * sy + ty)]

    def line(self, indexes: list[int]) -> list[Position]:
        coords: list[Position] = []
        for index in indexes:
            arc = self.arcs[~index][::-1] if index < 0 else self.arcs[index]
            coords.extend(arc[1:] if coords else arc)
        return coords

    def ring(self, indexes: list[int]) -> list[Position]:
        coords = self.line(indexes)
        if coords and coords[0] != coords[-1]:
            coords.append(list(coords[0]))
        return coords

    def geometry(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        kind = obj.get("type")
        if kind is None:
            return None
        if kind == "GeometryCollection":
            geometries = [self.geometry(g) for g in obj.get("geometries", [])]
            return {"type": kind, "geometries": [g for g in geometries if g is not None]}
        coordinates = self._coordinates(kind, obj)
        return {"type": kind, "coordinates": coordinates}

    def _coordinates(self, kind: str, obj: dict[str, Any]) -> Any:
        if kind == "Point":
            return self.point(obj["coordinates"])
        if kind == "MultiPoint":
            return [self.point(p) for p in obj["coordinates"]]
        if kind == "LineString":
            return self.line(obj["arcs"])
        if kind == "MultiLineString":
            return [self.line(arcs) for arcs in obj["arcs"]]
        if kind == "Polygon":
            return [self.ring(arcs) for arcs in obj["arcs"]]
        if kind == "MultiPolygon":
            return [[self.ring(arcs) for arcs in polygon] for polygon in obj["arcs"]]
        raise ConfigError(f"unknown TopoJSON geometry type {kind!r}")


def _feature(decoder: _Decoder, obj: dict[str, Any]) -> dict[str, Any]:
    feature: dict[str, Any] = {
        "type": "Feature",
        "geometry": decoder.geometry(obj),
        "properties": dict(obj.get("properties") or {}),
    }
    if "id" in obj:
        feature["id"] = obj["id"]
    return feature


def to_geojson(
    topology: dict[str, Any], object_name: str, *, digits: int | None = None
) -> dict[str, Any]:
    """The TopoJSON ``object_name`` as a GeoJSON FeatureCollection.

    ``digits`` rounds coordinates (3 digits is about 100 m, plenty for a base map).
    """
    if topology.get("type") != "Topology":
        raise ConfigError("not a TopoJSON topology (type is not 'Topology')")
    objects = topology.get("objects", {})
    if object_name not in objects:
        raise ConfigError(
            f"TopoJSON has no object {object_name!r}; it has {', '.join(sorted(objects))}"
        )
    decoder = _Decoder(topology, digits)
    obj = objects[object_name]
    members = obj.get("geometries", []) if obj.get("type") == "GeometryCollection" else [obj]
    return {"type": "FeatureCollection", "features": [_feature(decoder, g) for g in members]}
