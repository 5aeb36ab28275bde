"""The fetch boundary of ``watch``: conditional GETs (``If-None-Match``,
``If-Modified-Since``). ``HttpFeedFetcher`` keeps ``HttpFetcher``'s guards (address check,
size cap, content type); ``MemoryFeedFetcher`` serves scripted answers for tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin

import httpx

from ..config import Settings
from ..errors import FetchError, TransientFetchError
from ..ingest.fetch import (
    MAX_REDIRECTS,
    HttpFetcher,
    _check_status,
    _read_capped,
    check_content_type,
)


@dataclass(frozen=True, slots=True)
class FeedResponse:
    """An answer: ``status`` 304 (not modified, empty body) or 200 with the body."""

    url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


class FeedFetcher(Protocol):
    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FeedResponse: ...


class HttpFeedFetcher(HttpFetcher):
    """Conditional GET over HTTP(S), with the guards of :class:`HttpFetcher`."""

    def fetch_feed(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FeedResponse:
        settings = self.settings
        deadline = time.monotonic() + settings.fetch_timeout
        timeout = httpx.Timeout(min(settings.fetch_timeout, 10.0))
        headers = {"User-Agent": "frontlines/0.1 (+https://github.com/frontlines)"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        pins: dict[str, str] = {}  # the address checked is the address connected to
        transport = self._transport or self._guarded_transport(pins, settings, deadline)
        with httpx.Client(transport=transport, timeout=timeout, headers=headers) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                if time.monotonic() > deadline:
                    raise TransientFetchError(
                        "the feed's fetch took longer than its deadline; try again later or "
                        "raise FRONTLINES_FETCH_TIMEOUT",
                        source=url,
                    )
                self._check_address(current, settings, pins)
                answer = self._conditional(client, current, settings.max_bytes, deadline)
                if isinstance(answer, FeedResponse):
                    return answer
                current = answer
        raise FetchError(f"more than {MAX_REDIRECTS} redirects; give the final URL", source=url)

    fetch = fetch_feed  # type: ignore[assignment]

    def _conditional(
        self, client: httpx.Client, url: str, cap: int, deadline: float
    ) -> FeedResponse | str:
        try:
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                validators = {
                    "etag": response.headers.get("etag"),
                    "last_modified": response.headers.get("last-modified"),
                }
                if response.status_code == 304:
                    return FeedResponse(str(response.url), 304, **validators)
                _check_status(response.status_code, url)
                content_type = response.headers.get("content-type", "")
                check_content_type(content_type, url)
                body = _read_capped(response, cap, url, deadline)
                return FeedResponse(str(response.url), response.status_code, content_type, body,
                                    **validators)  # fmt: skip
        except httpx.TimeoutException as exc:
            raise TransientFetchError(f"timed out ({exc.__class__.__name__})", source=url) from exc
        except httpx.TransportError as exc:
            raise TransientFetchError(f"network error ({exc})", source=url) from exc


Answer = FeedResponse | Exception | Callable[[str | None, str | None], FeedResponse]


class MemoryFeedFetcher:
    """Answers from a script: ``url -> [answer, ...]`` taken in turn (the last repeats);
    an answer is a :class:`FeedResponse`, an exception to raise, or a function of the
    request's validators. A 200 answer whose ``etag`` equals the request's becomes 304."""

    def __init__(self, script: dict[str, list[Answer]], settings: Settings | None = None) -> None:
        self.script = {url: list(answers) for url, answers in script.items()}
        self.requests: list[tuple[str, str | None, str | None]] = []

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FeedResponse:
        self.requests.append((url, etag, last_modified))
        answers = self.script.get(url)
        if not answers:
            raise FetchError("not found (404); check the URL", source=url)
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(etag, last_modified)
        if answer.status == 200 and etag and answer.etag == etag:
            return FeedResponse(url, 304, etag=etag, last_modified=answer.last_modified)
        return answer
