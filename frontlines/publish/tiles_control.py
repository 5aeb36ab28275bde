"""Control as vector tiles: the place cells and the edges between them, beside the events.

Two layers join the events in the archive ``frontlines tiles`` writes when the store has
control periods:

    control_cells  polygons; k cell index, name its places' names
    control_edges  lines between neighbouring cells; e edge index, a and b the two cells

The holders change with the date, so they are not in the tiles: the map colours cell
``k`` and lights edge ``e`` (a front line where ``a`` and ``b`` have different holders)
by feature state from the control periods in the page, as it does with inline cells.
They are tiled from ``CONTROL_MINZOOM`` (the whole world in one tile) to
``CONTROL_MAXZOOM``, above which the map over-zooms them. GDAL reads an archive at its
highest level unless opened with ``ZOOM_LEVEL``: give the events' zoom to read them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import shape

from .layers import Field, Layer, write_layers
from .tiles_merge import merge_archives

if TYPE_CHECKING:
    from ..control.areas import PlaceCells

__all__ = ["CELLS_LAYER", "CONTROL_MAXZOOM", "CONTROL_MINZOOM", "EDGES_LAYER", "add_control"]

CELLS_LAYER = "control_cells"
EDGES_LAYER = "control_edges"
CONTROL_MINZOOM, CONTROL_MAXZOOM = 0, 7  # each level adds about as many bytes as the last


def _wkb(geometry: dict[str, Any]) -> bytes:
    return bytes(shapely.to_wkb(shape(geometry)))


def control_layers(cells: PlaceCells, fronts: Collection[int] | None = None) -> dict[str, Layer]:
    """The cells and edges layers (see the module docstring); ``fronts``: the ids of the
    only edges to keep (those that are a front line on some date), else all."""
    features = cells.cell_features(digits=4, tolerance_km=0.3)
    cell_rows = [
        {"k": f["properties"]["k"], "name": cells.points[f["properties"]["k"]].name}
        for f in features["cells"]["features"]
    ]
    keep = None if fronts is None else set(fronts)
    edges = [f for f in features["edges"]["features"] if keep is None or f["id"] in keep]
    edge_rows = [{"e": f["id"], **f["properties"]} for f in edges]
    return {
        CELLS_LAYER: Layer(
            (Field("k", "int"), Field("name")),
            cell_rows,
            [_wkb(f["geometry"]) for f in features["cells"]["features"]],
            "Unknown",
        ),
        EDGES_LAYER: Layer(
            (Field("e", "int"), Field("a", "int"), Field("b", "int")),
            edge_rows,
            [_wkb(f["geometry"]) for f in edges],
            "Unknown",
        ),
    }


def add_control(
    archive: Path, cells: PlaceCells, options: dict[str, str], fronts: Collection[int] | None = None
) -> list[str]:
    """Join the control layers to the events ``archive`` in place; the layers' names."""
    layers = control_layers(cells, fronts)
    if not any(len(layer.rows) for layer in layers.values()):
        return []
    zooms = {"MINZOOM": str(CONTROL_MINZOOM), "MAXZOOM": str(CONTROL_MAXZOOM)}
    with tempfile.TemporaryDirectory(prefix="frontlines-control-", dir=archive.parent) as tmp:
        parts = [archive]
        for name, layer in layers.items():
            if not layer.rows:
                continue
            part = Path(tmp) / f"{name}.pmtiles"
            write_layers(part, {name: layer}, "PMTiles", dataset_options={**options, **zooms})
            parts.append(part)
        merge_archives(parts, archive)
    return [name for name, layer in layers.items() if layer.rows]
