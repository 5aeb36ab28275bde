"""The map page's heavy base layers as prebuilt vector tiles, early in the page.

MapLibre's one worker would otherwise turn megabytes of inline GeoJSON into tiles before
the first frame: Natural Earth's countries (1.9 MB) and the control cells and edges (2 MB
for the 7,600 baseline places). Instead the page carries two small PMTiles archives
(base64 in ``<script type="application/octet-stream">`` elements placed before the
scripts, read range by range by ``templates/map_pmtiles.js``), and the worker decodes a few
tiles of the first view:

    countries       the world's country polygons, levels 0 to ``COUNTRIES_MAXZOOM``
                    (over-zoomed above), written once per world-atlas file and cached in
                    ``Settings.cache_dir``
    control_cells   the control layers of :mod:`.tiles_control`, levels ``AREAS_MINZOOM``
    control_edges   to ``CONTROL_MAXZOOM``, cached per content (the store's state)

GDAL writes the tiles (:mod:`.layers`, the PMTiles driver); every write goes to a
temporary name and is moved into place, so readers never see half a file.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import shape

from ..config import Settings
from ..errors import ConfigError
from .layers import Field, Layer, write_layers
from .tiles_control import CELLS_LAYER, CONTROL_MAXZOOM, EDGES_LAYER, control_layers
from .tiles_merge import merge_archives

if TYPE_CHECKING:
    from ..control.areas import PlaceCells

__all__ = [
    "CONTROL_ELEMENT",
    "COUNTRIES_ELEMENT",
    "COUNTRIES_LAYER",
    "COUNTRIES_MAXZOOM",
    "Embedded",
    "control_tiles",
    "countries_tiles",
    "embed",
    "tiled_territory",
]

COUNTRIES_LAYER = "countries"
COUNTRIES_MAXZOOM = 4  # 0.5 MB; level 5 doubles the writing time for no visible gain
COUNTRIES_ELEMENT = "frontlines-countries"
PIXEL = 8  # tile units (of 4,096) in a pixel of a 512-pixel tile
# Below this level the areas are not drawn: a world view's one tile would hold every cell
# (each under a pixel there), and decoding it three times (the world's copies) took longer
# than all else in the first view (measured: first idle 4.4 s against 2.3 s, load 7).
AREAS_MINZOOM = 3
CONTROL_ELEMENT = "frontlines-control"
VERSION = 1  # part of every cached file's name: raise it when the tiles' content changes
KEEP_CONTROL = 8  # cached control archives kept (the newest)
_OPTIONS = {"MAX_SIZE": "50000000", "MAX_FEATURES": "5000000"}  # never thinned by GDAL


@dataclass(frozen=True, slots=True)
class Embedded:
    """An archive for the page: the element id it goes in and its bytes."""

    element: str
    data: bytes

    def html(self) -> str:
        """The ``<script>`` element holding the archive in base64 (no ``<`` inside)."""
        text = base64.b64encode(self.data).decode("ascii")
        return f'<script type="application/octet-stream" id="{self.element}">{text}</script>'


def embed(archives: Collection[Embedded | None]) -> str:
    """The elements of the archives given (None: left out), one per line."""
    return "\n".join(a.html() for a in archives if a is not None)


def _cache_dir(settings: Settings) -> Path | None:
    folder = Path(settings.cache_dir) / "map"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def _written(layers: dict[str, tuple[Layer, int, int]], simplify: bool = False) -> bytes:
    """One archive of ``layers`` (name -> (layer, min zoom, max zoom)), written by GDAL and
    joined. ``simplify``: lines simplified by about a pixel below the highest level (by a
    tile unit at it, which later levels over-zoom); not for cells that share their edges."""
    with tempfile.TemporaryDirectory(prefix="frontlines-base-") as tmp:
        parts = []
        for name, (layer, minzoom, maxzoom) in layers.items():
            part = Path(tmp) / f"{name}.pmtiles"
            options = {**_OPTIONS, "MINZOOM": str(minzoom), "MAXZOOM": str(maxzoom)}
            if simplify:
                options.update(SIMPLIFICATION=str(PIXEL), SIMPLIFICATION_MAX_ZOOM="1")
            write_layers(part, {name: layer}, "PMTiles", dataset_options=options)
            parts.append(part)
        if len(parts) == 1:
            return parts[0].read_bytes()
        return merge_archives(parts, Path(tmp) / "joined.pmtiles").read_bytes()


def _cached(settings: Settings, name: str, make: Callable[[], bytes]) -> bytes:
    """The cached file ``name`` in the cache folder, made by ``make()`` when missing."""
    folder = _cache_dir(settings)
    path = folder / name if folder is not None else None
    if path is not None and path.is_file():
        try:
            data = path.read_bytes()
            os.utime(path)  # the newest kept when pruning
            return data
        except OSError:
            pass
    data = make()
    if path is not None:
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            partial.write_bytes(data)
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)
    return data


def _countries_layer(world_atlas: Path) -> Layer:
    from .basemap import countries_geojson

    features = [f for f in countries_geojson(world_atlas, digits=3)["features"] if f.get("geometry")]
    rows = [{"name": str(f["properties"].get("name") or "")} for f in features]
    geometries = [bytes(shapely.to_wkb(shape(f["geometry"]))) for f in features]
    return Layer((Field("name"),), rows, geometries, "Unknown")


def countries_tiles(settings: Settings, world_atlas: Path) -> Embedded:
    """The countries archive for ``world_atlas`` (its TopoJSON file), cached by its content."""
    try:
        digest = hashlib.sha256(world_atlas.read_bytes()).hexdigest()[:16]
    except OSError as exc:
        raise ConfigError(
            f"base map {world_atlas} is missing or unreadable ({exc}); run `make setup` "
            "(npm ci) or set FRONTLINES_ASSETS_DIR to a node_modules folder with world-atlas"
        ) from exc
    name = f"countries-v{VERSION}-z{COUNTRIES_MAXZOOM}-{digest}.pmtiles"
    data = _cached(settings, name, lambda: _written(
        {COUNTRIES_LAYER: (_countries_layer(world_atlas), 0, COUNTRIES_MAXZOOM)}, simplify=True))  # fmt: skip
    return Embedded(COUNTRIES_ELEMENT, data)


def _digest(layers: dict[str, Layer]) -> str:
    sha = hashlib.sha256(f"v{VERSION}-z{AREAS_MINZOOM}-{CONTROL_MAXZOOM}".encode())
    for name, layer in sorted(layers.items()):
        sha.update(name.encode())
        for row, geometry in zip(layer.rows, layer.geometries, strict=True):
            sha.update(repr(sorted(row.items())).encode())
            sha.update(geometry or b"")
    return sha.hexdigest()[:24]


def _prune(settings: Settings, keep: int = KEEP_CONTROL) -> None:
    folder = _cache_dir(settings)
    if folder is None:
        return
    found = []
    for path in folder.glob("control-*.pmtiles"):
        try:
            found.append((path.stat().st_mtime, path))
        except OSError:  # another process pruned it meanwhile
            continue
    for _mtime, stale in sorted(found, reverse=True)[keep:]:
        stale.unlink(missing_ok=True)


def control_tiles(
    settings: Settings, cells: PlaceCells, fronts: Collection[int] | None = None
) -> Embedded | None:
    """The control cells and edges (``fronts``: the edge ids to keep) as an archive, cached
    per content; None when there is no cell."""
    layers = {k: v for k, v in control_layers(cells, fronts).items() if v.rows}
    if CELLS_LAYER not in layers:
        return None
    name = f"control-{_digest(layers)}.pmtiles"
    data = _cached(settings, name, lambda: _written(
        {k: (v, AREAS_MINZOOM, CONTROL_MAXZOOM) for k, v in layers.items()}))  # fmt: skip
    _prune(settings)
    return Embedded(CONTROL_ELEMENT, data)


def tiled_territory() -> dict[str, Any]:
    """The ``tiled`` entry of the page's territory data for the embedded control archive."""
    return {"cells": CELLS_LAYER, "edges": EDGES_LAYER, "minzoom": AREAS_MINZOOM,
            "maxzoom": CONTROL_MAXZOOM, "element": CONTROL_ELEMENT}  # fmt: skip
