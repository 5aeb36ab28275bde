"""The map page built in a child process, so that building it (seconds at 100,000 events,
most of it holding the interpreter lock) never stalls the server's other requests; with
tiles, the child writes the archive too, into the server's tile folder."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings

if TYPE_CHECKING:
    from ..publish.tiles import TileSet
    from .tiles import TileCache


def build_page(
    db: str, settings: Settings, tiles: str = "never", folder: str | None = None
) -> tuple[str, TileSet | None, str]:
    """The map page of the store at ``db`` (runs in the child process); with tiles, the
    archive it reads is written into ``folder`` (the server's): the page, the archive (None
    without) and its key."""
    from ..store import open_store
    from .app import map_page
    from .run import review_log_for
    from .tiles import TileCache

    reviews = review_log_for(db)
    cache = TileCache(Path(folder)) if folder is not None else None
    mode = tiles if cache is not None else "never"
    with open_store(db) as store:
        page = map_page(store, reviews, settings, served=_Corrected(db), tiles=mode,
                        tile_cache=cache)  # fmt: skip
    return page, (cache.current if cache else None), (cache.key if cache else "")


class _Corrected:
    """The store's control periods with the analysts' holder corrections cut in."""

    def __init__(self, db: str) -> None:
        self._db = db

    def get(self, store: Any, baseline: bool) -> list[Any]:
        from ..control import store_periods
        from ..control.corrections import apply_corrections, correction_log_for

        fixes = correction_log_for(self._db).all()
        return apply_corrections(store_periods(store, baseline=baseline), fixes)


class ProcessPageBuilder:
    """Builds the map page of the store at ``db`` in one child process (started on first
    use, spawned so that it shares nothing with the server's threads)."""

    def __init__(self, db: str, settings: Settings) -> None:
        self._db = db
        self._settings = settings
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def __call__(self, tiles: str = "never", tile_cache: TileCache | None = None) -> str:
        """The page; with tiles, ``tile_cache`` serves the archive the child wrote for it
        (building a page with 100,000 events and its tiles takes seconds of holding the
        interpreter lock: in the child, the server's other requests do not wait on it)."""
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            pool = self._pool
        folder = str(tile_cache.folder()) if tile_cache is not None and tiles != "never" else None
        page, archive, key = pool.submit(build_page, self._db, self._settings, tiles,
                                         folder).result()  # fmt: skip
        if archive is not None and tile_cache is not None:
            tile_cache.adopt(archive, key)
        return page

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
