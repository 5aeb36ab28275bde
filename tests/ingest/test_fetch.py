"""Fetchers: MemoryFetcher through load, HttpFetcher over httpx.MockTransport."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import httpcore
import httpx
import pytest

from frontlines.config import Settings
from frontlines.errors import FetchError, TooLargeError, TransientFetchError, UnsupportedInputError
from frontlines.ingest import FetchResult, HttpFetcher, MemoryFetcher, load

HTML = (
    b"<html><head><title>Army retakes town</title>"
    b'<meta property="article:published_time" content="2018-03-02T10:00:00Z"></head>'
    b"<body><article><h1>Army retakes town</h1><p>On Thursday, the Syrian Arab Army captured "
    b"the town of Al-Kawm from ISIS after clashes that lasted two days.</p></article></body></html>"
)
URL = "https://news.example/2018/03/army-retakes-town"


def public(_host: str) -> list[str]:
    return ["93.184.216.34"]


def test_memory_fetcher_through_load() -> None:
    fetcher = MemoryFetcher({URL: ("text/html; charset=utf-8", HTML)})
    [doc] = load(URL, fetcher=fetcher)
    assert fetcher.requested == [URL]
    assert doc.source == URL and doc.url == URL
    assert doc.published == dt.date(2018, 3, 2)
    assert "captured the town of Al-Kawm" in doc.text


def test_memory_fetcher_missing_and_bad_type() -> None:
    fetcher = MemoryFetcher({URL: ("image/png", b"\x89PNG")})
    with pytest.raises(FetchError, match="404"):
        fetcher.fetch("https://news.example/other")
    with pytest.raises(UnsupportedInputError, match="image/png"):
        load(URL, fetcher=fetcher)


def _fetcher(handler, **settings: object) -> HttpFetcher:  # type: ignore[no-untyped-def]
    return HttpFetcher(
        Settings(**settings),  # type: ignore[arg-type]
        transport=httpx.MockTransport(handler),
        resolver=public,
    )


def test_http_fetch_ok() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=HTML)

    result = _fetcher(handler).fetch(URL)
    assert isinstance(result, FetchResult)
    assert result.status == 200 and result.body == HTML


def test_http_statuses() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if "busy" in request.url.path else 404)

    with pytest.raises(TransientFetchError, match="HTTP 503"):
        _fetcher(handler).fetch("https://news.example/busy")
    with pytest.raises(FetchError, match="HTTP 404") as info:
        _fetcher(handler).fetch("https://news.example/gone")
    assert not isinstance(info.value, TransientFetchError)


def test_http_timeout_is_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(TransientFetchError, match="timed out"):
        _fetcher(handler).fetch(URL)


def test_http_size_cap_while_streaming() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"x" * 5000)

    with pytest.raises(TooLargeError, match="over the size cap"):
        _fetcher(handler, max_bytes=1000).fetch(URL)


def test_http_content_type_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF")

    with pytest.raises(UnsupportedInputError, match="application/pdf"):
        _fetcher(handler).fetch(URL)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/admin", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data",
     "http://[::1]/", "http://192.168.0.10:8080/"],
)  # fmt: skip
def test_private_addresses_refused(url: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be reached")

    fetcher = HttpFetcher(Settings(), transport=httpx.MockTransport(handler))
    with pytest.raises(FetchError, match="FRONTLINES_ALLOW_PRIVATE_URLS"):
        fetcher.fetch(url)


def test_private_hostname_refused_after_resolving() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be reached")

    fetcher = HttpFetcher(
        Settings(), transport=httpx.MockTransport(handler), resolver=lambda h: ["10.0.0.7"]
    )
    with pytest.raises(FetchError, match=r"intranet\.example.*10\.0\.0\.7"):
        fetcher.fetch("http://intranet.example/page")


def test_private_allowed_by_setting() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"ok")

    fetcher = HttpFetcher(Settings(allow_private_urls=True), transport=httpx.MockTransport(handler))
    assert fetcher.fetch("http://127.0.0.1:8000/x").body == b"ok"


def test_redirect_to_private_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://127.0.0.1/secret"})

    with pytest.raises(FetchError, match="loopback"):
        _fetcher(handler).fetch(URL)


def test_constructors_do_no_io() -> None:
    def resolver(host: str) -> list[str]:
        raise AssertionError("resolved in the constructor")

    HttpFetcher(resolver=resolver)
    MemoryFetcher({})


def test_a_trickling_server_cannot_hold_a_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every byte arrives within the read timeout, but the whole fetch has a deadline."""
    clock = iter(range(10**6))
    monkeypatch.setattr("frontlines.ingest.fetch.time.monotonic", lambda: float(next(clock)))

    def trickle() -> Iterator[bytes]:
        yield b"<html><body><p>"
        for _ in range(1000):
            yield b"x"  # one byte a "second" on the fake clock

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=trickle())

    with pytest.raises(TransientFetchError, match="deadline"):
        _fetcher(handler, fetch_timeout=20.0).fetch(URL)


class RecordingNetwork(httpcore.NetworkBackend):
    """A socket layer that records where it was asked to connect, and connects nowhere."""

    def __init__(self) -> None:
        self.hosts: list[str] = []

    def connect_tcp(
        self, host: str, port: int, *args: object, **kw: object
    ) -> httpcore.NetworkStream:
        self.hosts.append(host)
        raise httpcore.ConnectError("test: no network")


def test_the_address_checked_is_the_address_connected_to() -> None:
    """DNS rebinding: the name resolves to a public address for the check, then to
    loopback; the connection must go to the checked address without resolving again."""
    answers = [["93.184.216.34"], ["127.0.0.1"]]
    asked: list[str] = []

    def rebinding(host: str) -> list[str]:
        asked.append(host)
        return answers[min(len(asked) - 1, 1)]

    network = RecordingNetwork()
    fetcher = HttpFetcher(Settings(), resolver=rebinding, network=network)
    with pytest.raises(TransientFetchError, match="network error"):
        fetcher.fetch("http://rebind.example/page")
    assert network.hosts == ["93.184.216.34"]
    assert asked == ["rebind.example"]


def test_a_redirect_to_a_private_address_is_refused_before_connecting() -> None:
    network = RecordingNetwork()
    fetcher = HttpFetcher(Settings(), resolver=lambda _h: ["10.0.0.7"], network=network)
    with pytest.raises(FetchError, match="refused"):
        fetcher.fetch("http://inside.example/")
    assert network.hosts == []


class TrickleStream(httpcore.NetworkStream):
    """A server answering one byte per read (each read one "second" on the fake clock)."""

    def __init__(self) -> None:
        self.data = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>slow</p>\n"
        )

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        byte, self.data = self.data[:1], self.data[1:]
        return byte

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        return None

    def close(self) -> None:
        return None


class TrickleNetwork(httpcore.NetworkBackend):
    def connect_tcp(
        self, host: str, port: int, *args: object, **kw: object
    ) -> httpcore.NetworkStream:
        return TrickleStream()


def test_headers_trickled_a_byte_at_a_time_hit_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter(range(10**6))
    monkeypatch.setattr("frontlines.ingest.netguard.time.monotonic", lambda: float(next(clock)))
    fetcher = HttpFetcher(Settings(fetch_timeout=20.0), resolver=public, network=TrickleNetwork())
    with pytest.raises(TransientFetchError, match="timed out"):
        fetcher.fetch("http://slow.example/page")


def test_a_prompt_server_is_read_through_the_guarded_socket_layer() -> None:
    fetcher = HttpFetcher(Settings(), resolver=public, network=TrickleNetwork())
    result = fetcher.fetch("http://slow.example/page")
    assert result.body == b"<p>slow</p>\n" and result.content_type == "text/html"
