"""Input checks run before any parsing: size cap, emptiness, binary data.

Each check raises an :mod:`frontlines.errors` class whose message names the input and
says how to fix it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BinaryInputError, EmptyInputError, TooLargeError

# (magic bytes, what they are)
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
)

# Control characters that plain text and HTML legitimately contain.
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0c")
CONTROL_SHARE_LIMIT = 0.05
# the control bytes counted against a text: below 0x20 except the allowed ones, and DEL
_CONTROLS = bytes(b for b in range(0x20) if b not in _ALLOWED_CONTROLS) + b"\x7f"


def human_size(n: int) -> str:
    """``12_345_678`` -> ``'12.3 MB'`` (decimal units, as the cap is given)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def too_large(size: int, cap: int, source: str, *, at_least: bool = False) -> TooLargeError:
    """The error for an input over the size cap, saying how to raise the cap."""
    more = "at least " if at_least else ""
    return TooLargeError(
        f"input is {more}{human_size(size)} ({size} bytes), over the size cap of "
        f"{human_size(cap)} ({cap} bytes); raise the cap with FRONTLINES_MAX_BYTES=<bytes> "
        "or --max-bytes <bytes> if the input is really a page",
        source=source,
    )


def check_file_size(path: Path, cap: int, source: str) -> None:
    """Refuse a file over the cap by its size on disk, before reading it."""
    size = path.stat().st_size
    if size > cap:
        raise too_large(size, cap, source)


def check_size(data: bytes, cap: int, source: str) -> None:
    if len(data) > cap:
        raise too_large(len(data), cap, source)


def check_not_empty(data: bytes, source: str) -> None:
    if not data:
        raise EmptyInputError(
            "input is empty (0 bytes); give a page with article text", source=source
        )


def check_magic(data: bytes, source: str) -> None:
    """Refuse known binary formats by their magic number."""
    head = data.lstrip()[:16]
    for magic, what in MAGIC_NUMBERS:
        if head.startswith(magic):
            raise BinaryInputError(
                f"input is {what}, not a text or HTML page; give the page's HTML or its text",
                source=source,
            )


def check_not_binary(data: bytes, source: str) -> None:
    """Refuse known binary formats by magic number; NUL bytes and control characters.

    UTF-16/32 with a byte-order mark must be handled before this check (they carry NULs).
    """
    check_magic(data, source)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"input holds NUL bytes (first at byte offset {nul}), so it is binary data, not "
            "text; give the page's HTML or its text (UTF-8)",
            source=source,
        )
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > CONTROL_SHARE_LIMIT:
        raise BinaryInputError(
            f"{controls} of the first {len(sample)} bytes are control characters, so the input "
            "looks binary; give the page's HTML or its text (UTF-8)",
            source=source,
        )
