"""Several PMTiles archives of vector tiles joined into one, layer beside layer.

GDAL (through pyogrio) writes one layer per call and a PMTiles archive cannot be reopened
for another, so each layer is written as its own archive and joined here with the
``pmtiles`` package (protomaps' reader and writer). A vector tile is a protobuf message of
repeated layers, so a tile present in several archives is their decompressed bytes one
after the other; a tile in one archive only is copied as it is. The header takes the
union of zooms and bounds, the metadata every archive's ``vector_layers`` (a layer in
several archives once, its tile statistics' counts added up). ``keep`` picks the tiles
taken from each archive (halves of one layer written apart keep one side each).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pmtiles.reader import MmapSource, Reader, all_tiles
from pmtiles.tile import Compression, zxy_to_tileid
from pmtiles.writer import Writer

__all__ = ["merge_archives"]


def _layers(metadata: dict[str, Any]) -> list[dict[str, Any]]:
    layers = metadata.get("vector_layers")
    if layers is None and isinstance(metadata.get("json"), str):  # MBTiles style
        layers = json.loads(metadata["json"]).get("vector_layers")
    return list(layers or [])


def _join(parts: list[bytes], compression: Compression) -> bytes:
    if len(parts) == 1:
        return parts[0]
    if compression == Compression.GZIP:
        return gzip.compress(b"".join(gzip.decompress(p) for p in parts), compresslevel=6)
    if compression == Compression.NONE:
        return b"".join(parts)
    raise ValueError(f"cannot join tiles compressed as {compression!r}")


def _header(headers: list[dict[str, Any]]) -> dict[str, Any]:
    first = dict(headers[0])
    first["min_zoom"] = min(h["min_zoom"] for h in headers)
    first["max_zoom"] = max(h["max_zoom"] for h in headers)
    for key, pick in (
        ("min_lon_e7", min),
        ("min_lat_e7", min),
        ("max_lon_e7", max),
        ("max_lat_e7", max),
    ):
        first[key] = pick(h[key] for h in headers)
    first["center_lon_e7"] = (first["min_lon_e7"] + first["max_lon_e7"]) // 2
    first["center_lat_e7"] = (first["min_lat_e7"] + first["max_lat_e7"]) // 2
    first["center_zoom"] = first["min_zoom"]
    return first


def _metadata(
    first: dict[str, Any], header: dict[str, Any], layers: list[Any], stats: list[Any]
) -> dict[str, Any]:
    metadata = {k: v for k, v in first.items() if k != "json"}
    metadata.update(minzoom=str(header["min_zoom"]), maxzoom=str(header["max_zoom"]),
                    vector_layers=layers)  # fmt: skip
    box = [header[k] / 1e7 for k in ("min_lon_e7", "min_lat_e7", "max_lon_e7", "max_lat_e7")]
    metadata["bounds"] = ",".join(f"{v:.7f}" for v in box)
    if "center" in metadata:
        middle = (header["center_lon_e7"] / 1e7, header["center_lat_e7"] / 1e7)
        metadata["center"] = f"{middle[0]:.7f},{middle[1]:.7f},{header['center_zoom']}"
    if stats:
        metadata["tilestats"] = {"layerCount": len(stats), "layers": stats}
    return metadata


def _unique(
    layers: list[dict[str, Any]], stats: list[dict[str, Any]]
) -> tuple[list[Any], list[Any]]:
    """Each layer once (the first archive's entry; tile statistics' counts summed)."""
    by_id: dict[Any, dict[str, Any]] = {}
    for layer in layers:
        by_id.setdefault(layer.get("id"), layer)
    counted: dict[Any, dict[str, Any]] = {}
    for stat in stats:
        seen = counted.get(stat.get("layer"))
        if seen is None:
            counted[stat.get("layer")] = dict(stat)
        elif isinstance(seen.get("count"), int) and isinstance(stat.get("count"), int):
            seen["count"] += stat["count"]
    return list(by_id.values()), list(counted.values())


Keep = Callable[[int, int, int, int], bool]  # (archive index, z, x, y): take this tile?


def merge_archives(
    parts: Sequence[Path], target: Path, keep: Keep | None = None,
    counts: Mapping[str, int] | None = None,
) -> Path:  # fmt: skip
    """Write the layers of every archive in ``parts`` into one archive at ``target``
    (``keep``: which tiles of each archive to take, default all; ``counts``: features
    per layer for the tile statistics, default the archives' counts added up)."""
    tiles: dict[int, list[bytes]] = {}
    headers: list[dict[str, Any]] = []
    metadata: dict[str, Any] = {}
    layers: list[dict[str, Any]] = []
    stats: list[dict[str, Any]] = []
    for index, part in enumerate(parts):
        with open(part, "rb") as handle:
            source = MmapSource(handle)
            reader = Reader(source)
            headers.append(reader.header())
            meta = reader.metadata()
            metadata = metadata or meta
            layers.extend(_layers(meta))
            stats.extend((meta.get("tilestats") or {}).get("layers") or [])
            for (z, x, y), data in all_tiles(source):
                if keep is not None and not keep(index, z, x, y):
                    continue
                tiles.setdefault(zxy_to_tileid(z, x, y), []).append(bytes(data))
    if len({h["tile_compression"] for h in headers}) > 1:
        raise ValueError("the archives' tiles are compressed differently")
    header = _header(headers)
    layers, stats = _unique(layers, stats)
    for stat in stats:
        if counts and stat.get("layer") in counts:
            stat["count"] = counts[stat["layer"]]
    metadata = _metadata(metadata, header, layers, stats)
    partial = target.with_name(f".{target.name}.joining")
    try:
        with open(partial, "wb") as out:
            writer = Writer(out)
            for tile_id in sorted(tiles):
                writer.write_tile(tile_id, _join(tiles[tile_id], header["tile_compression"]))
            writer.finalize(header, metadata)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
