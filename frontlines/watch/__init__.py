"""frontlines.watch: poll feeds and pages, take only new items, store their events.

    Watcher(feeds, analyse=..., save=..., states=..., fetcher=..., every=900).run(stop)

Each poll asks with the last ``ETag``/``Last-Modified`` (an unchanged feed answers 304 and
costs nothing), reads the feed's items, skips those seen before (ids kept in the store),
analyses and stores the rest, and logs one line. A failed poll (network error, server
error, a broken feed) backs off: the wait doubles with each failure in a row, up to
``max_backoff``. The state lives in the store, so a restarted watcher goes on where it
stopped; ``stop`` (set on SIGINT/SIGTERM by the CLI) ends the loop between polls.
"""

from .fetch import FeedFetcher, FeedResponse, HttpFeedFetcher, MemoryFeedFetcher
from .run import watch
from .watcher import PollResult, Watcher, parse_every

__all__ = [
    "FeedFetcher",
    "FeedResponse",
    "HttpFeedFetcher",
    "MemoryFeedFetcher",
    "PollResult",
    "Watcher",
    "parse_every",
    "watch",
]
