"""is_public_address: loopback, private and link-local hosts are refused."""

from __future__ import annotations

from frontlines.serve import is_public_address


def test_literal_addresses() -> None:
    for host in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "[::1]",
                 "fe80::1", "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1"):  # fmt: skip
        assert not is_public_address(host), host
    assert is_public_address("93.184.216.34")
    assert is_public_address("2606:2800:220:1:248:1893:25c8:1946")


def test_names_use_the_resolver() -> None:
    assert not is_public_address("localhost")
    assert not is_public_address("printer.local")
    assert is_public_address("example.org", resolver=lambda _: ["93.184.216.34"])
    assert not is_public_address("sneaky.example", resolver=lambda _: ["93.184.216.34", "10.0.0.1"])
    assert not is_public_address("nowhere.example", resolver=lambda _: [])


def test_allow_private() -> None:
    assert is_public_address("127.0.0.1", allow_private=True)
