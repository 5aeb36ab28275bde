"""Bytes -> text: BOM, declared charset, strict UTF-8, then a careful cp1252 fallback.

Anything that does not decode cleanly raises :class:`EncodingError` naming the byte
offset of the first bad byte.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import EncodingError
from .checks import check_magic, check_not_binary

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I
)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})
# Characters a cp1252 page commonly holds above ASCII, besides letters.
_CP1252_OK = frozenset("‘’‚“”„–—…•€£¥©®°±·×÷§¶«»¡¿¢¤¦¨¯´¸ªº¹²³¼½¾\u00a0\u00ad™†‡‰‹›")
_FALLBACK_NON_ASCII_LIMIT = 0.10
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(slots=True)
class Decoded:
    """Decoded text, the codec used and any warnings worth keeping on the Document."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(
    data: bytes, source: str, *, content_type: str | None = None, encoding: str | None = None
) -> Decoded:
    """Decode ``data``; raise EncodingError/BinaryInputError when it is not clean text."""
    check_magic(data, source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, source, offset=len(bom))
    _refuse_bomless_utf16(data, source)
    check_not_binary(data, source)
    warnings: list[str] = []
    declared = encoding or _declared_charset(data, content_type)
    if declared and declared.lower() not in _UTF8_NAMES:
        known = _known_codec(declared)
        if known is None:
            warnings.append(f"declared charset {declared!r} is unknown; read as UTF-8")
        else:
            result = _strict(data, known, source)
            result.warnings[:0] = warnings
            return result
    try:
        return Decoded(clean_text(data.decode("utf-8")), "utf-8", warnings)
    except UnicodeDecodeError as exc:
        return _cp1252_fallback(data, source, exc, warnings)


def clean_text(text: str) -> str:
    """Normalise line ends and odd spaces without changing what the text says.

    Unicode spaces become plain spaces one for one; stray control characters and lone
    surrogates (from numeric entities such as ``&#xD800;``) go.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    return _STRAY_CONTROLS.sub("", text)


def _strict(data: bytes, codec: str, source: str, *, offset: int = 0) -> Decoded:
    try:
        return Decoded(clean_text(data.decode(codec)), codec)
    except UnicodeDecodeError as exc:
        raise _encoding_error(
            source, exc.start + offset, data[exc.start : exc.start + 1], codec
        ) from exc


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    if content_type:
        from_header = _CT_CHARSET.search(content_type)
        if from_header:
            return from_header.group(1)
    head = data[:4096]
    found = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii", "replace") if found else None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _refuse_bomless_utf16(data: bytes, source: str) -> None:
    """UTF-16 without a BOM shows as NULs in every other byte: say so precisely."""
    sample = data[:4096]
    if len(sample) < 4:
        return
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    text_bytes = sample[1::2] if even >= odd else sample[0::2]
    printable = sum(1 for b in text_bytes if 0x20 <= b < 0x7F or b in b"\t\n\r")
    if (
        max(even, odd) >= 0.3 * half
        and min(even, odd) <= 0.05 * half
        and printable >= 0.7 * len(text_bytes)
    ):
        first = data.find(b"\x00")
        raise EncodingError(
            f"cannot decode the input: it looks like UTF-16 without a byte-order mark "
            f"(first NUL byte at byte offset {first}); re-save it as UTF-8 (or UTF-16 with a BOM)",
            source=source,
        )


def _cp1252_fallback(
    data: bytes, source: str, exc: UnicodeDecodeError, warnings: list[str]
) -> Decoded:
    bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _encoding_error(source, bad, data[bad : bad + 1], "utf-8") from exc
    if not _looks_clean(text):
        raise _encoding_error(source, bad, data[bad : bad + 1], "utf-8") from exc
    warnings.append(
        f"input is not valid UTF-8 (first bad byte at offset {bad}); read it as Windows-1252 "
        "(cp1252); re-save it as UTF-8 if characters look wrong"
    )
    return Decoded(clean_text(text), "cp1252", warnings)


def _looks_clean(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if len(non_ascii) > _FALLBACK_NON_ASCII_LIMIT * max(len(text), 1):
        return False
    return all(ch in _CP1252_OK or unicodedata.category(ch).startswith("L") for ch in non_ascii)


def _encoding_error(source: str, offset: int, byte: bytes, codec: str) -> EncodingError:
    shown = f" (0x{byte.hex()})" if byte else ""
    return EncodingError(
        f"cannot decode the input as {codec}: first bad byte at byte offset {offset}{shown}; "
        "re-save it as UTF-8, or declare its charset (<meta charset=...> or the "
        "Content-Type header)",
        source=source,
    )
