"""Is an address public? For any endpoint that would make the server fetch a URL."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

Resolver = Callable[[str], list[str]]
_LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa")


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def _is_public_ip(text: str) -> bool:
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def is_public_address(
    host: str, *, allow_private: bool = False, resolver: Resolver | None = None
) -> bool:
    """True when ``host`` (a name or an IP) reaches only public addresses.

    Loopback, private, link-local, reserved and unresolvable hosts are refused unless
    ``allow_private`` (``Settings.allow_private_urls``) is set.
    """
    if allow_private:
        return True
    name = host.strip().strip("[]").rstrip(".").lower()
    if not name or name == "localhost" or name.endswith(_LOCAL_NAMES):
        return False
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        addresses = (resolver or _resolve)(name)
    else:
        addresses = [name]
    return bool(addresses) and all(_is_public_ip(a) for a in addresses)
