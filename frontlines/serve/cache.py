"""Values built once per state of the store and the review log (the map page, the reviews).

A ``StateCache`` keeps the value for the latest state key only; when several requests ask
for a value not built yet, one builds it and the others wait for it instead of building it
again (four clients loading ``/`` at once cost one build, not four).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from fastapi import Request

from .reviews import Review, ReviewLog

T = TypeVar("T")


class StateCache(Generic[T]):
    """The value for one state key, rebuilt when the key changes. Thread-safe."""

    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._value: T | None = None
        self._building = threading.Lock()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key``, built by ``build()`` when the cached one is for another."""
        found = self._cached(key)
        if found is not None:
            return found
        with self._building:
            found = self._cached(key)
            if found is not None:
                return found
            value = build()
            with self._lock:
                self._key, self._value = key, value
            return value

    def _cached(self, key: Hashable) -> T | None:
        with self._lock:
            return self._value if self._key == key else None

    def clear(self) -> None:
        with self._lock:
            self._key, self._value = None, None


def etag_for(*parts: object) -> str:
    """A strong entity tag (quoted) for a response built from ``parts``."""
    digest = hashlib.sha256("\x00".join(str(p) for p in parts).encode("utf-8"))
    return f'"{digest.hexdigest()[:32]}"'


def etag_matches(header: str | None, etag: str) -> bool:
    """True when an ``If-None-Match`` header names ``etag`` (or is ``*``)."""
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


def state_key(request: Request) -> tuple[str, str]:
    """The state of the store and of the review log: cached pages are kept per state."""
    state = request.app.state
    reviews = state.reviews.version()  # first: it may create the review table (a write)
    corrections = getattr(state, "corrections", None)
    if corrections is not None:  # analysts' holder corrections change the page too
        reviews = f"{reviews}.c{len(corrections.all())}"
    store = state.store.get()
    stamp = getattr(store, "state", None)
    return (str(stamp()) if callable(stamp) else "", reviews)


def latest_reviews(request: Request) -> dict[str, list[Review]]:
    """Every event's reviews, read from the log once per version of it."""
    log: ReviewLog = request.app.state.reviews
    cache: StateCache[dict[str, list[Review]]] = request.app.state.review_cache
    return cache.get(log.version(), log.latest)
