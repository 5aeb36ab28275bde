"""The polling loop: one feed at a time when it is due, one log line per poll."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError, FrontlinesError
from ..records import Analysis, Document
from ..store.feeds import FeedState, FeedStates
from .fetch import FeedFetcher

Analyse = Callable[[list[Document]], list[Analysis]]
Save = Callable[[Analysis], int]  # returns the events added
Log = Callable[[str], None]

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """``"15m"`` -> 900.0 seconds (``s``, ``m``, ``h``, ``d``; a bare number is seconds)."""
    m = _EVERY.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"--every {text!r}: give a duration such as 30s, 15m, 1h or 1d")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


@dataclass(slots=True)
class PollResult:
    feed: str
    status: str  # "new", "unchanged" (304), "no new items", "error"
    items: int = 0
    new: int = 0
    events: int = 0
    error: str = ""
    wait: float = 0.0

    def line(self) -> str:
        if self.status == "error":
            return f"{self.feed}: error: {self.error}; next try in {self.wait:.0f}s"
        return (f"{self.feed}: {self.status}: {self.new} new of {self.items} item(s), "
                f"{self.events} event(s) added; next poll in {self.wait:.0f}s")  # fmt: skip


class Watcher:
    """Polls ``feeds`` every ``every`` seconds (longer after failures) until stopped."""

    def __init__(
        self,
        feeds: Sequence[str],
        *,
        read: Callable[[bytes, str, str, str], list[Document]],
        analyse: Analyse,
        save: Save,
        states: FeedStates,
        fetcher: FeedFetcher,
        every: float = 900.0,
        max_backoff: float = 6 * 3600.0,
        log: Log = print,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.read, self.analyse, self.save = read, analyse, save
        self.states, self.fetcher = states, fetcher
        self.every, self.max_backoff = every, max(max_backoff, every)
        self.log, self.clock = log, clock
        self.due = dict.fromkeys(self.feeds, 0.0)

    def backoff(self, failures: int) -> float:
        """The wait after ``failures`` failed polls in a row: doubling, capped."""
        return (
            min(self.every * 2 ** max(failures - 1, 0), self.max_backoff)
            if failures
            else self.every
        )

    def run(self, stop: threading.Event, *, polls: int | None = None) -> int:
        """Poll until ``stop`` is set (or ``polls`` polls were made); returns the polls."""
        made = 0
        while not stop.is_set() and (polls is None or made < polls):
            feed = min(self.feeds, key=lambda f: self.due[f])
            delay = self.due[feed] - self.clock()
            if delay > 0 and stop.wait(delay):
                break
            result = self.poll(feed)
            self.due[feed] = self.clock() + result.wait
            self.log(result.line())
            made += 1
        return made

    def poll(self, feed: str) -> PollResult:
        """One poll of one feed: fetch (conditional), take new items, store, remember."""
        state = self.states.get(feed)
        try:
            result = self._poll(feed, state)
        except FrontlinesError as exc:
            state.failures += 1
            self.states.record(feed, state)
            return PollResult(feed, "error", error=str(exc), wait=self.backoff(state.failures))
        except OSError as exc:
            state.failures += 1
            self.states.record(feed, state)
            return PollResult(feed, "error", error=f"{type(exc).__name__}: {exc}",
                              wait=self.backoff(state.failures))  # fmt: skip
        result.wait = self.every
        return result

    def _poll(self, feed: str, state: FeedState) -> PollResult:
        answer = self.fetcher.fetch(feed, etag=state.etag, last_modified=state.last_modified)
        fresh = FeedState(answer.etag or state.etag, answer.last_modified or state.last_modified)
        if answer.status == 304:
            self.states.record(feed, fresh)
            return PollResult(feed, "unchanged")
        documents = self.read(answer.body, feed, answer.content_type, answer.url)
        keys = {item_key(d): d for d in documents}
        new = self.states.unseen(feed, keys)
        events = 0
        if new:
            for analysis in self.analyse([keys[k] for k in new]):
                events += self.save(analysis)
        self.states.record(feed, fresh, new)
        return PollResult(feed, "new" if new else "no new items", len(keys), len(new), events)


def item_key(document: Document) -> str:
    """A feed item's id is its link (else its content hash); a watched page's id is its
    content hash, so the page counts as new again when its text changes."""
    if document.kind == "feed-item" and document.url:
        return document.url
    return document.id
