"""The map page built in a child process, so that building it (seconds at 100,000 events,
most of it holding the interpreter lock) never stalls the server's other requests."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..config import Settings


def build_page(db: str, settings: Settings) -> str:
    """The map page of the store at ``db`` (runs in the child process)."""
    from ..store import open_store
    from .app import map_page
    from .run import review_log_for

    reviews = review_log_for(db)
    with open_store(db) as store:
        return map_page(store, reviews, settings, served=_Corrected(db))


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

    def __call__(self) -> str:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            pool = self._pool
        return pool.submit(build_page, self._db, self._settings).result()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
