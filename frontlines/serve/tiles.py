"""The map app's vector tiles on the server: one PMTiles archive per state of the store.

``GET /tiles/events.pmtiles`` answers the archive with HTTP range requests (what the
pmtiles protocol for MapLibre asks for). The archive is written by
:func:`frontlines.publish.tiles.write_tiles` into a private temporary folder when the page
is asked for and the events changed since, and kept until then.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from ..publish.tiles import TileSet, write_tiles
from ..records import Event

__all__ = ["TILES_PATH", "TileCache"]

TILES_PATH = "/tiles/events.pmtiles"


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

    def tiles_for(self, events: Sequence[Event]) -> TileSet:
        key = _key(events)
        with self._lock:
            if self._tiles is None or key != self._key:
                path = self._where() / f"events-{key}.pmtiles"
                self._replace(write_tiles(events, path), key)
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
