"""watch: only new items, validators and seen ids kept in the store, back-off, clean stop."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError, TransientFetchError
from frontlines.ingest import read_bytes
from frontlines.records import Analysis, Document
from frontlines.store import open_store
from frontlines.store.feeds import FeedState, MemoryFeedStates, feed_states
from frontlines.store.memory import MemoryStore
from frontlines.watch import FeedResponse, MemoryFeedFetcher, Watcher, parse_every, watch

FEED = "https://news.example/feed.xml"


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>https://news.example/{n}</link>"
        f"<description>{t}. Clashes were reported near Hajin on Monday.</description></item>"
        for n, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{body}</channel></rss>'.encode()


def ok(body: bytes, etag: str) -> FeedResponse:
    return FeedResponse(FEED, 200, "application/rss+xml", body, etag=etag,
                        last_modified="Mon, 14 May 2018 08:00:00 GMT")  # fmt: skip


class Recorder:
    def __init__(self) -> None:
        self.analysed: list[str] = []
        self.lines: list[str] = []

    def read(self, body: bytes, feed: str, content_type: str, url: str) -> list[Document]:
        return read_bytes(body, source=feed, content_type=content_type, url=url)

    def analyse(self, docs: list[Document]) -> list[Analysis]:
        self.analysed += [d.url or d.id for d in docs]
        return [Analysis(document=d) for d in docs]


def _watcher(fetcher: MemoryFeedFetcher, states: Any, rec: Recorder, **kw: Any) -> Watcher:
    return Watcher([FEED], read=rec.read, analyse=rec.analyse, save=lambda a: 1, states=states,
                   fetcher=fetcher, every=60, log=rec.lines.append, clock=lambda: 0.0, **kw)  # fmt: skip


def test_only_new_items_and_conditional_requests() -> None:
    fetcher = MemoryFeedFetcher({FEED: [ok(rss(("1", "First")), "v1"), ok(rss(("1", "First")), "v1"),
                                        ok(rss(("1", "First"), ("2", "Second")), "v2")]})  # fmt: skip
    rec, states = Recorder(), MemoryFeedStates()
    watcher = _watcher(fetcher, states, rec)
    results = [watcher.poll(FEED) for _ in range(3)]
    assert [r.status for r in results] == ["new", "unchanged", "new"]
    assert [r.new for r in results] == [1, 0, 1]
    assert rec.analysed == ["https://news.example/1", "https://news.example/2"]
    assert fetcher.requests[1][1:] == ("v1", "Mon, 14 May 2018 08:00:00 GMT")
    assert results[0].events == 1 and "1 new of 1 item(s)" in results[0].line()


def test_network_errors_back_off_then_recover() -> None:
    down = TransientFetchError("network error (refused)", source=FEED)
    fetcher = MemoryFeedFetcher({FEED: [down, down, down, ok(rss(("1", "First")), "v1")]})
    rec, states = Recorder(), MemoryFeedStates()
    watcher = _watcher(fetcher, states, rec, max_backoff=200)
    waits = [watcher.poll(FEED).wait for _ in range(4)]
    assert waits == [60, 120, 200, 60]  # doubling, capped, back to normal after success
    assert states.get(FEED).failures == 0
    assert rec.analysed == ["https://news.example/1"]


def test_state_survives_a_restart_in_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    feed = ok(rss(("1", "First"), ("2", "Second")), "v1")
    with open_store(db) as store:
        rec = Recorder()
        assert (
            _watcher(MemoryFeedFetcher({FEED: [feed]}), feed_states(store), rec).poll(FEED).new == 2
        )
    with open_store(db) as store:  # a new process: same store, new fetcher without etag logic
        states = feed_states(store)
        assert states.get(FEED).etag == "v1"
        fresh = FeedResponse(
            FEED, 200, "application/rss+xml", rss(("1", "First"), ("2", "Second"), ("3", "Third"))
        )
        result = _watcher(MemoryFeedFetcher({FEED: [fresh]}), states, Recorder()).poll(FEED)
    assert (result.items, result.new) == (3, 1)


def test_run_logs_one_line_per_poll_and_stops() -> None:
    fetcher = MemoryFeedFetcher({FEED: [ok(rss(("1", "First")), "v1")]})
    rec = Recorder()
    watcher = _watcher(fetcher, MemoryFeedStates(), rec)
    assert watcher.run(threading.Event(), polls=3) == 3
    assert len(rec.lines) == 3 and all(line.startswith(FEED) for line in rec.lines)
    stopped = threading.Event()
    stopped.set()
    assert watcher.run(stopped) == 0


class _App:
    def __init__(self) -> None:
        self.settings = Settings()
        self.store = MemoryStore()

    def open_store(self) -> Any:
        return _Keep(self.store)

    def analyze(self, docs: list[Document]) -> list[Analysis]:
        return [Analysis(document=d) for d in docs]


class _Keep:
    def __init__(self, store: MemoryStore) -> None:
        self.store = store

    def __enter__(self) -> MemoryStore:
        return self.store

    def __exit__(self, *exc: object) -> None:
        return None


def test_sigterm_stops_the_loop_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    import frontlines.watch.run as run

    monkeypatch.setattr(run, "feed_states", lambda store: MemoryFeedStates())
    fetcher = MemoryFeedFetcher({FEED: [ok(rss(("1", "First")), "v1")]})
    lines: list[str] = []
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    polls = watch(_App(), [FEED], every=3600, log=lines.append, fetcher=fetcher)
    timer.join()
    assert polls == 1 and len(lines) == 1  # the first poll, then a clean stop while waiting
    assert signal.getsignal(signal.SIGTERM) is not None


def test_memory_store_has_no_feed_state() -> None:
    from frontlines.errors import StoreError

    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        feed_states(MemoryStore())


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200), ("90", 90)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


def test_parse_every_refuses_nonsense() -> None:
    with pytest.raises(ConfigError, match="15m"):
        parse_every("soon")


def test_feed_state_defaults() -> None:
    assert MemoryFeedStates().get(FEED) == FeedState()
