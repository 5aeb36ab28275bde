"""The socket layer under ``HttpFetcher``: connections pinned to checked addresses, and one
deadline over every socket operation of a fetch.

httpx resolves a host name again when it connects; ``GuardedBackend`` connects a name only
to the address the private-address check resolved (``pins``), so DNS rebinding cannot slip
another address in between. Each read and write waits at most until the fetch's deadline,
so a server trickling its headers or body a byte at a time cannot hold a fetch.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import httpcore


def _remaining(deadline: float, timeout: float | None) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's deadline has passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation ends by ``deadline`` (``time.monotonic``)."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _remaining(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(self._deadline, timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(
            ssl_context, server_hostname, _remaining(self._deadline, timeout)
        )
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Connects each host name to its pinned address (``pins``; a name without a pin is
    refused), or as given when ``pins`` is None (private addresses allowed); every stream
    ends by ``deadline``. SNI and certificate checks still use the name."""

    def __init__(
        self,
        pins: dict[str, str] | None,
        deadline: float,
        inner: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.pins = pins
        self._deadline = deadline
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = host
        if self.pins is not None:
            pinned = self.pins.get(host.strip("[]").lower())
            if pinned is None:
                raise httpcore.ConnectError(f"host {host!r} was not checked before connecting")
            address = pinned
        stream = self._inner.connect_tcp(
            address, port, timeout=_remaining(self._deadline, timeout),
            local_address=local_address, socket_options=socket_options,
        )  # fmt: skip
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched from")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
