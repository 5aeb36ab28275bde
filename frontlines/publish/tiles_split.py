"""Many events written as two halves of the world at once, joined into one archive.

GDAL's PMTiles writer runs on one core and takes most of ``frontlines tiles``' time, so
above ``SPLIT_MIN`` events the points are cut at a tile column of the lowest zoom into a
west and an east half with about as many events each, both halves are written at the
same time in two processes (forked: the rows are not copied through a pipe), and the
archives are joined tile by tile (:func:`.tiles_merge.merge_archives`). Each half also
gets the other side's points within GDAL's tile buffer of the cut, so the tiles along it
hold the same features as one archive's would; each tile is then taken from the half
whose side it lies on. Every tile at every level lies wholly on one side of the cut.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from .layers import Layer, write_layers
from .tiles_merge import merge_archives

__all__ = ["SPLIT_MIN", "Cut", "choose_cut", "split_rows", "worth_splitting", "write_split"]

SPLIT_MIN = 150_000
BUFFER = 80 / 4096  # GDAL's MVT BUFFER (80 of EXTENT 4096) as a share of a tile's width


@dataclass(frozen=True, slots=True)
class Cut:
    """Tile column ``column`` at ``zoom``: tiles west of it are the first half's."""

    zoom: int
    column: int

    def side(self, z: int, x: int) -> int:
        """0 (west) or 1 (east) for tile (z, x), z >= zoom."""
        return 0 if x < self.column << (z - self.zoom) else 1


def worth_splitting(count: int) -> bool:
    """Whether ``count`` events are written in halves: enough of them, two cores, and no
    other thread in this process (a fork copies no thread, and a lock another thread holds
    in GDAL or Arrow would stay held in the child: a server writes in one process)."""
    return count >= SPLIT_MIN and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


def _tile_x(lons: np.ndarray, zoom: int) -> np.ndarray:
    return (lons + 180.0) / 360.0 * (1 << zoom)


def choose_cut(lons: Sequence[float], zoom: int) -> Cut | None:
    """The column at ``zoom`` that splits the points most evenly (None: no column does)."""
    scale = 1 << zoom
    x = np.clip(_tile_x(np.asarray(lons, dtype=np.float64), zoom).astype(np.int64), 0, scale - 1)
    counts = np.bincount(x, minlength=scale)
    below = np.cumsum(counts) - counts  # points west of each column
    column = int(np.argmin(np.abs(below - len(x) / 2)))
    if column == 0:
        return None
    return Cut(zoom, column)


def split_rows(lons: Sequence[float], cut: Cut) -> tuple[np.ndarray, np.ndarray]:
    """Row indexes of the west and the east half, each with the other side's points
    within a tile buffer of the cut."""
    x = _tile_x(np.asarray(lons, dtype=np.float64), cut.zoom)
    west = np.flatnonzero(x < cut.column + BUFFER)
    east = np.flatnonzero(x >= cut.column - BUFFER)
    return west, east


def _subset(layer: Layer, rows: np.ndarray) -> Layer:
    return Layer(layer.fields, [layer.rows[i] for i in rows],
                 [layer.geometries[i] for i in rows], layer.geometry_type, layer.options)  # fmt: skip


def _write_half(path: Path, name: str, layer: Layer, options: Mapping[str, str]) -> None:
    try:
        write_layers(path, {name: layer}, "PMTiles", dataset_options=options)
    except BaseException:
        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def write_split(
    target: Path, name: str, layer: Layer, lons: Sequence[float], cut: Cut,
    options: Mapping[str, str],
) -> Path:  # fmt: skip
    """Write ``layer`` (one point per row, longitudes ``lons``) as ``target``, the halves
    of ``cut`` in two processes."""
    halves = split_rows(lons, cut)
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory(prefix="frontlines-halves-", dir=target.parent) as tmp:
        parts = [Path(tmp) / f"half{i}.pmtiles" for i in range(2)]
        workers = [
            context.Process(target=_write_half, args=(part, name, _subset(layer, rows), options))
            for part, rows in zip(parts, halves, strict=True)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if any(worker.exitcode != 0 for worker in workers):
            raise ConfigError("GDAL could not write a half of the tiles", source=str(target))
        merge_archives(parts, target, keep=lambda part, z, x, _y: cut.side(z, x) == part,
                       counts={name: len(layer.rows)})  # fmt: skip
    return target
