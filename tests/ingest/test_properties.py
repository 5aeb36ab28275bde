"""Property tests: arbitrary bytes raise nothing but InputError subclasses."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.ingest import read_bytes

_FRAGMENTS = st.sampled_from(
    [b"<html>", b"<p>", b"</p>", b"<?xml version='1.0'?>", b"<rss>", b"<item>", b"<title>",
     b"  \xe2\x80\xa2 Rob\n", b"\n\n", b"0 $\n", b"The SDF captured Hajin.", b"\xff\xfe", b"\x00",
     b"<meta charset='latin-1'>", b"\xe9", b"<feed xmlns='http://www.w3.org/2005/Atom'>"]
)  # fmt: skip


def _read(data: bytes) -> None:
    try:
        docs = read_bytes(data, source="fuzz")
    except InputError:
        return
    for doc in docs:
        assert doc.text.strip()
        assert doc.id.startswith("sha256:")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _read(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.binary(max_size=40)), max_size=30))
def test_page_like_bytes(parts: list[bytes]) -> None:
    _read(b"".join(parts))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_text_is_idempotent(text: str) -> None:
    data = text.encode("utf-8")
    try:
        first = read_bytes(data, source="a")
    except InputError:
        return
    second = read_bytes(data, source="b")
    assert [d.id for d in first] == [d.id for d in second]
