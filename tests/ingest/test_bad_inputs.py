"""Each kind of bad input raises its own InputError subclass, naming the input and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    TooLargeError,
    UnsupportedInputError,
)
from frontlines.ingest import load, read_bytes

PAGE = "Title Of The Page\n\nThe SDF captured the village of Al-Shafah from ISIS.\n"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match=r"empty\.txt: input is empty"):
        load(path)


def test_whitespace_only() -> None:
    with pytest.raises(EmptyInputError, match="only whitespace"):
        read_bytes(b" \n\t\r\n  ", source="blank.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"hello\x00world\x00\x01\x02\x03binary", "NUL"),
        (bytes(range(1, 32)) * 20 + b"some text", "control"),
    ],
)
def test_binary(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError, match=r"blob\.bin: ") as info:
        read_bytes(data, source="blob.bin")
    assert what in str(info.value)


def test_utf16_without_bom() -> None:
    data = PAGE.encode("utf-16-le")
    with pytest.raises(EncodingError, match=r"UTF-16 without a byte-order mark.*offset 1"):
        read_bytes(data, source="u16.txt")


def test_utf16_with_bom_is_read() -> None:
    [doc] = read_bytes(PAGE.encode("utf-16"), source="u16.txt")
    assert doc.title == "Title Of The Page"


def test_lots_of_invalid_bytes() -> None:
    data = b"The SDF captured " + bytes(range(0x80, 0x100)) * 4 + b" the village."
    with pytest.raises(EncodingError, match=r"first bad byte at byte offset 17 \(0x80\)"):
        read_bytes(data, source="junk.txt")


def test_cp1252_fallback_warns() -> None:
    data = "Headline\n\nThe SAA\u2019s troops entered the caf\u00e9 district.\n".encode("cp1252")
    [doc] = read_bytes(data, source="win.txt")
    assert "SAA\u2019s" in doc.text and "caf\u00e9" in doc.text
    assert any("Windows-1252" in w for w in doc.warnings)


def test_meta_charset_is_honoured() -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 news</title></head>'
        "<body><article><p>The army entered the caf\xe9 district of Homs on Monday after "
        "clashes with ISIS fighters in the area.</p></article></body></html>"
    ).encode("latin-1")
    [doc] = read_bytes(html, source="latin.html")
    assert "caf\u00e9 district" in doc.text
    assert doc.warnings and "publication date unknown" in doc.warnings[-1]


def test_over_the_cap_refused_by_stat(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:  # sparse 20 MB file: cheap to make, refused before reading
        fh.seek(20_000_000 - 1)
        fh.write(b"\n")
    with pytest.raises(TooLargeError) as info:
        load(path, settings=Settings(max_bytes=10_000_000))
    message = str(info.value)
    assert "huge.html" in message and "20.0 MB" in message and "10.0 MB" in message
    assert "FRONTLINES_MAX_BYTES" in message and "--max-bytes" in message


def test_over_the_cap_bytes() -> None:
    with pytest.raises(TooLargeError, match="over the size cap"):
        read_bytes(b"x" * 101, source="b.txt", settings=Settings(max_bytes=100))


def test_broken_html_without_text() -> None:
    html = (
        b"<html><head><title></title></head><body><div><script>var x=1;</script><div></div></body>"
    )
    with pytest.raises(EmptyInputError, match=r"broken\.html: no article text found"):
        read_bytes(html, source="broken.html")


def test_lightly_broken_html_is_read() -> None:
    html = (
        b"<html><head><title>Clashes near Hajin</title><body><article><h1>Clashes near Hajin"
        b"<p>On Monday, the SDF clashed with ISIS fighters near Hajin in Deir ez-Zor province."
        b"<p>Both sides suffered losses, local sources said, as the fighting went on all night."
    )
    [doc] = read_bytes(html, source="unclosed.html")
    assert "SDF clashed with ISIS" in doc.text
    assert "Both sides suffered losses" in doc.text


def test_xml_that_is_not_a_feed() -> None:
    with pytest.raises(UnsupportedInputError, match="not an RSS or Atom feed"):
        read_bytes(b'<?xml version="1.0"?><svg><g/></svg>', source="pic.svg")


def test_unsupported_content_type() -> None:
    with pytest.raises(UnsupportedInputError, match="application/pdf"):
        read_bytes(b"hello there", source="u", content_type="application/pdf")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.txt")


def test_only_furniture() -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        read_bytes(b"0 $\n4,700 $\n\nDonate\n\nShare this:\n", source="bar.txt")
