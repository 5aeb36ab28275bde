"""The map app's vector tiles on the server: one PMTiles archive per state of the store.

``GET /tiles/events.pmtiles`` answers the archive with HTTP range requests (what the
pmtiles protocol for MapLibre asks for). The archive is written by
:func:`frontlines.publish.tiles.write_tiles` into a private temporary folder when the page
is asked for and the events changed since, and kept until then; with the control
areas' cells and edges as further layers when the store has control periods.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..publish.tiles import TileSet, write_tiles
from ..records import Event

__all__ = ["TILES_PATH", "ControlTiles", "TileCache", "control_tiles"]

TILES_PATH = "/tiles/events.pmtiles"


@dataclass(frozen=True, slots=True)
class ControlTiles:
    """Place cells and the ids of their edges that can be a front line."""

    cells: Any  # frontlines.control.areas.PlaceCells
    fronts: frozenset[int]


def control_tiles(periods: Sequence[Any], cells: Any) -> ControlTiles | None:
    """What the archive needs of the control ``periods`` and their ``cells`` (None: none)."""
    from ..publish.map_territory import front_edges

    if cells is None or not len(cells.cells):
        return None
    return ControlTiles(cells, frozenset(front_edges(periods, cells)))


def _cells_key(control: ControlTiles) -> str:
    digest = hashlib.sha256()
    for point in control.cells.points:
        digest.update(f"{point.place_id}\0{point.lon}\0{point.lat}\n".encode())
    digest.update(",".join(map(str, sorted(control.fronts))).encode())
    return "-" + digest.hexdigest()[:12]


def _key(events: Sequence[Event]) -> str:
    digest = hashlib.sha256()
    for event in events:
        digest.update(f"{event.event_id}\0{event.latitude}\0{event.longitude}\n".encode())
    return digest.hexdigest()[:16]


class TileCache:
    """The latest archive, rewritten only when the events differ. Thread-safe.

    ``folder``: where archives are written (a child process building the page writes into
    the server's folder, and the server adopts what it wrote); by default a private
    temporary folder, made on first use and removed on ``close``."""

    def __init__(self, folder: Path | None = None) -> None:
        self._given = folder
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._key = ""
        self._tiles: TileSet | None = None
        self._lock = threading.Lock()

    def tiles_for(self, events: Sequence[Event], control: ControlTiles | None = None) -> TileSet:
        """The archive of ``events`` and, when given, the ``control`` cells and edges."""
        key = _key(events) + (_cells_key(control) if control is not None else "")
        with self._lock:
            if self._tiles is None or key != self._key:
                path = self._where() / f"events-{key}.pmtiles"
                tiles = write_tiles(events, path, cells=control.cells if control else None,
                                    fronts=control.fronts if control else None)  # fmt: skip
                self._replace(tiles, key)
            return self._tiles  # type: ignore[return-value]

    def folder(self) -> Path:
        """The folder archives are written to (made now if need be)."""
        with self._lock:
            return self._where()

    def adopt(self, tiles: TileSet, key: str) -> None:
        """Serve ``tiles`` (an archive written into :meth:`folder` by another process)."""
        with self._lock:
            if self._tiles is None or tiles.path != self._tiles.path:
                self._replace(tiles, key)

    def _where(self) -> Path:
        if self._given is not None:
            return self._given
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="frontlines-tiles-")
        return Path(self._folder.name)

    def _replace(self, tiles: TileSet, key: str) -> None:
        if self._tiles is not None and self._tiles.path != tiles.path:
            self._tiles.path.unlink(missing_ok=True)
        self._tiles, self._key = tiles, key

    @property
    def current(self) -> TileSet | None:
        with self._lock:
            return self._tiles

    @property
    def key(self) -> str:
        with self._lock:
            return self._key

    def close(self) -> None:
        with self._lock:
            if self._folder is not None:
                self._folder.cleanup()
            self._folder, self._tiles, self._key = None, None, ""
