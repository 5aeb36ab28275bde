"""Fetching pages by URL: the ``Fetcher`` protocol, ``HttpFetcher`` and ``MemoryFetcher``.

Constructors do no I/O; the HTTP client is opened for each fetch. ``HttpFetcher`` caps the
size while streaming, checks the content type, and refuses loopback, private and
link-local addresses unless ``Settings.allow_private_urls`` is set.

``Settings.fetch_timeout`` is the deadline of the whole fetch (connecting, headers, body
and redirects: every socket operation waits at most until it, see ``netguard.py``), so a
server trickling a byte a second cannot hold it. A host name is resolved once: the address checked is the address connected to (the connection is pinned to it,
while the Host header and TLS SNI keep the name), so DNS rebinding cannot slip a private
address in between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..config import Settings
from ..errors import FetchError, TransientFetchError, UnsupportedInputError
from .checks import too_large
from .netguard import GuardedBackend

SUPPORTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
MAX_REDIRECTS = 5
Resolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetched resource: final URL, HTTP status, content type and body bytes."""

    url: str
    status: int
    content_type: str
    body: bytes


class Fetcher(Protocol):
    def fetch(self, url: str) -> FetchResult: ...


def check_content_type(content_type: str, url: str) -> None:
    """Refuse media types that are not HTML, plain text or a feed."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in SUPPORTED_TYPES:
        raise UnsupportedInputError(
            f"content type {media!r} is not supported; frontlines reads HTML, XHTML, plain "
            "text and RSS/Atom feeds (download the page and give its HTML or text instead)",
            source=url,
        )


class MemoryFetcher:
    """A fetcher over a dict ``url -> (content_type, body)``, for tests and offline runs."""

    def __init__(
        self, pages: Mapping[str, tuple[str, bytes]], *, settings: Settings | None = None
    ) -> None:
        self._pages = dict(pages)
        self._settings = settings
        self.requested: list[str] = []

    def fetch(self, url: str) -> FetchResult:
        self.requested.append(url)
        if url not in self._pages:
            raise FetchError("not found (404); check the URL", source=url)
        content_type, body = self._pages[url]
        check_content_type(content_type, url)
        cap = (self._settings or Settings()).max_bytes
        if len(body) > cap:
            raise too_large(len(body), cap, url)
        return FetchResult(url, 200, content_type, body)


class HttpFetcher:
    """Fetch over HTTP(S) with httpx: a deadline, size cap, type check, address check.

    ``network`` is the socket layer under the pinned connections (tests pass a fake one).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        network: httpcore.NetworkBackend | None = None,
    ) -> None:
        self._settings = settings
        self._transport = transport
        self._resolver = resolver or _resolve
        self._network = network

    @property
    def settings(self) -> Settings:
        return self._settings or Settings.from_env()

    def fetch(self, url: str) -> FetchResult:
        settings = self.settings
        deadline = time.monotonic() + settings.fetch_timeout
        step = min(settings.fetch_timeout, 10.0)
        timeout = httpx.Timeout(step)
        headers = {"User-Agent": "frontlines/0.1 (+https://github.com/frontlines)"}
        pins: dict[str, str] = {}
        transport = self._transport or self._guarded_transport(pins, settings, deadline)
        with httpx.Client(transport=transport, timeout=timeout, headers=headers) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                if time.monotonic() > deadline:
                    break
                self._check_address(current, settings, pins)
                result = self._get(client, current, settings.max_bytes, deadline)
                if isinstance(result, FetchResult):
                    return result
                current = result
            if time.monotonic() > deadline:
                raise TransientFetchError(
                    "the redirects took longer than the fetch's deadline; give the final URL "
                    "or raise FRONTLINES_FETCH_TIMEOUT",
                    source=url,
                )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects; give the final URL", source=url)

    def _guarded_transport(
        self, pins: dict[str, str], settings: Settings, deadline: float
    ) -> httpx.HTTPTransport:
        transport = httpx.HTTPTransport()
        pinned = None if settings.allow_private_urls else pins
        # httpx offers no public hook for the socket layer: set the pool's backend
        transport._pool._network_backend = GuardedBackend(pinned, deadline, self._network)
        return transport

    def _check_address(self, url: str, settings: Settings, pins: dict[str, str]) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("only http(s) URLs with a host can be fetched", source=url)
        if settings.allow_private_urls:
            return
        host = parts.hostname.lower()
        if host in pins:
            return
        addresses = _addresses(host, self._resolver)
        for address in addresses:
            if _is_private(address):
                raise FetchError(
                    f"refused: host {parts.hostname!r} resolves to a loopback, private or "
                    f"link-local address ({address}); set FRONTLINES_ALLOW_PRIVATE_URLS=1 "
                    "if you really mean to fetch from your own network",
                    source=url,
                )
        if not addresses:
            raise TransientFetchError(
                f"host {parts.hostname!r} has no address; check the URL", source=url
            )
        pins[host] = addresses[0]

    def _get(self, client: httpx.Client, url: str, cap: int, deadline: float) -> FetchResult | str:
        try:
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                _check_status(response.status_code, url)
                content_type = response.headers.get("content-type", "")
                check_content_type(content_type, url)
                body = _read_capped(response, cap, url, deadline)
                return FetchResult(str(response.url), response.status_code, content_type, body)
        except httpx.TimeoutException as exc:
            raise TransientFetchError(
                f"timed out ({exc.__class__.__name__}); try again later or raise "
                "FRONTLINES_FETCH_TIMEOUT",
                source=url,
            ) from exc
        except httpx.TransportError as exc:
            raise TransientFetchError(
                f"network error ({exc}); check the URL and your connection, then try again",
                source=url,
            ) from exc


def _check_status(status: int, url: str) -> None:
    if status >= 500 or status == 429:
        raise TransientFetchError(f"server answered HTTP {status}; try again later", source=url)
    if status >= 400:
        raise FetchError(f"server answered HTTP {status}; check the URL", source=url)


def _read_capped(response: httpx.Response, cap: int, url: str, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large(int(declared), cap, url)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise TransientFetchError(
                f"the whole fetch took longer than its deadline ({total} bytes read); the "
                "server is too slow: try again later or raise FRONTLINES_FETCH_TIMEOUT",
                source=url,
            )
        total += len(chunk)
        if total > cap:
            raise too_large(total, cap, url, at_least=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _addresses(host: str, resolver: Resolver) -> list[str]:
    """An IP literal is its own address; a name is resolved."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        return resolver(host)


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransientFetchError(
            f"cannot resolve host {host!r} ({exc}); check the URL and your connection",
            source=host,
        ) from exc
    return sorted({str(info[4][0]) for info in infos})


def _is_private(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
        or ip.is_multicast or ip.is_unspecified
    )  # fmt: skip
