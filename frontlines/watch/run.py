"""``frontlines watch``: a Watcher wired to a Frontlines app and its store."""

from __future__ import annotations

import signal
import threading
from collections.abc import Sequence
from typing import Any

from ..records import Analysis, Document
from ..store.feeds import feed_states
from .fetch import FeedFetcher, HttpFeedFetcher
from .watcher import Log, Watcher


def watch(
    app: Any,
    feeds: Sequence[str],
    *,
    every: float,
    log: Log,
    fetcher: FeedFetcher | None = None,
    stop: threading.Event | None = None,
    polls: int | None = None,
    max_backoff: float = 6 * 3600.0,
) -> int:
    """Poll ``feeds`` into ``app``'s store until SIGINT/SIGTERM (or ``stop``); returns the
    number of polls made."""
    from ..ingest import read_bytes

    stop = stop or threading.Event()
    with app.open_store() as store:

        def read(body: bytes, feed: str, content_type: str, url: str) -> list[Document]:
            return read_bytes(body, source=feed, content_type=content_type or None, url=url,
                              settings=app.settings)  # fmt: skip

        def save(analysis: Analysis) -> int:
            return int(store.save(analysis).events_added)

        watcher = Watcher(
            feeds, read=read, analyse=app.analyze, save=save, states=feed_states(store),
            fetcher=fetcher or HttpFeedFetcher(app.settings), every=every,
            max_backoff=max_backoff, log=log,
        )  # fmt: skip
        with _StopOnSignals(stop):
            return watcher.run(stop, polls=polls)


class _StopOnSignals:
    """SIGINT and SIGTERM set ``stop`` (the loop ends between polls) while inside."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.old: dict[int, Any] = {}

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.old[sig] = signal.signal(sig, lambda *_: self.stop.set())

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.old.items():
            signal.signal(sig, handler)
