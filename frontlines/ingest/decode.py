"""Bytes -> text: a byte-order mark, else the declared charset, else detection.

Precedence: a BOM wins; then a charset the caller, the Content-Type header, the XML
declaration or ``<meta charset>`` declares, used only when Python knows it as a text
encoding (``rot13``, ``base64``, ``zlib``... are codecs but not charsets: such a
declaration is ignored with a warning); then strict UTF-8; then detection by
charset-normalizer, preferring Windows-1252 among the charsets that give the same text
(the web's default for undeclared Western pages). What is ours: the checks for binary
data and BOM-less UTF-16, the warnings, and the errors that name the input, the first
bad byte and the fix.
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
# Text codecs that no page is written in: a declaration of one is a mistake or a trick
# (UTF-7 smuggles markup; a BOM-less UTF-16/32 declaration on ASCII bytes means UTF-8).
_NOT_PAGE_CHARSETS = frozenset(
    {"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
     "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)  # fmt: skip
# Characters a legacy-encoded page commonly holds above ASCII, besides letters and marks.
_PUNCTUATION_OK = frozenset("‘’‚“”„–—…•€£¥©®°±·×÷§¶«»¡¿¢¤¦¨¯´¸ªº¹²³¼½¾\u00a0\u00ad™†‡‰‹›")
_DETECTED_OK_SHARE = 0.95  # of the non-ASCII characters: letters, marks or the above
_SAMPLE_BYTES = 200_000
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
_FRIENDLY = {"cp1252": "Windows-1252 (cp1252)", "cp1251": "Windows-1251 (cp1251)"}


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
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], bom_codec, source, offset=len(bom))
    _refuse_bomless_utf16(data, source)
    check_not_binary(data, source)
    warnings: list[str] = []
    declared = encoding or _declared_charset(data, content_type)
    codec = _page_charset(declared, warnings) if declared else None
    if codec is not None and codec != "utf-8":
        result = _strict(data, codec, source)
        result.warnings[:0] = warnings
        return result
    try:
        return Decoded(clean_text(data.decode("utf-8")), "utf-8", warnings)
    except UnicodeDecodeError as exc:
        return _detected(data, source, exc, warnings)


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


def _page_charset(name: str, warnings: list[str]) -> str | None:
    """Python's name for a declared charset, or None (with a warning) when Python does
    not know it or knows it only as a codec that is not a page's text encoding."""
    try:
        codec = codecs.lookup(name).name
        "".encode(codec)  # LookupError: "'rot-13' is not a text encoding"
        b"".decode(codec)
    except (LookupError, UnicodeError, ValueError):
        warnings.append(f"declared charset {name!r} is not a text encoding Python knows; ignored")
        return None
    if codec in _NOT_PAGE_CHARSETS:
        warnings.append(f"declared charset {name!r} is not used for pages; ignored")
        return None
    return codec


_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def _refuse_bomless_utf16(data: bytes, source: str) -> None:
    """UTF-16 without a BOM shows as NULs in every other byte: say so precisely."""
    sample = data[:4096]
    if len(sample) < 4:
        return
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if max(even, odd) < 0.3 * half or min(even, odd) > 0.05 * half:
        return  # NULs not in every other byte (most inputs: no NULs at all)
    text_bytes = sample[1::2] if even >= odd else sample[0::2]
    printable = len(text_bytes) - len(text_bytes.translate(None, _PRINTABLE))
    if printable >= 0.7 * len(text_bytes):
        first = data.find(b"\x00")
        raise EncodingError(
            f"cannot decode the input: it looks like UTF-16 without a byte-order mark "
            f"(first NUL byte at byte offset {first}); re-save it as UTF-8 (or UTF-16 with a BOM)",
            source=source,
        )


def _detected(data: bytes, source: str, exc: UnicodeDecodeError, warnings: list[str]) -> Decoded:
    """Not UTF-8 and no usable declaration: the charset charset-normalizer finds, when the
    whole input decodes in it to plausible text."""
    from charset_normalizer import from_bytes  # imported on the rare non-UTF-8 input

    bad = exc.start
    best = from_bytes(_sample(data)).best()
    if best is None:
        raise _encoding_error(source, bad, data[bad : bad + 1], "utf-8") from exc
    codec = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise _encoding_error(source, bad, data[bad : bad + 1], "utf-8") from exc
    if not _plausible(text):
        raise _encoding_error(source, bad, data[bad : bad + 1], "utf-8") from exc
    warnings.append(
        f"input is not valid UTF-8 (first bad byte at offset {bad}) and declares no usable charset; "
        f"read it as {_FRIENDLY.get(codec, codec)}; re-save it as UTF-8 (or declare its "
        "charset) if characters look wrong"
    )
    return Decoded(clean_text(text), codec, warnings)


def _sample(data: bytes) -> bytes:
    """What detection reads: the input, or for a large one the lines around its first
    non-ASCII bytes (the ASCII rest says nothing of the charset)."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    pieces: list[bytes] = []
    size = 0
    for match in re.finditer(rb"[\x80-\xff]+", data):
        piece = data[max(0, match.start() - 80) : match.end() + 80]
        pieces.append(piece)
        size += len(piece)
        if size >= _SAMPLE_BYTES:
            break
    return b"\n".join(pieces)


def _plausible(text: str) -> bool:
    """Nearly all non-ASCII characters are letters, marks or common punctuation."""
    odd = total = 0
    for ch in text:
        if ord(ch) < 0x80:
            continue
        total += 1
        if ch not in _PUNCTUATION_OK and unicodedata.category(ch)[0] not in "LM":
            odd += 1
    return odd <= (1 - _DETECTED_OK_SHARE) * total


def _encoding_error(source: str, offset: int, byte: bytes, codec: str) -> EncodingError:
    shown = f" (0x{byte.hex()})" if byte else ""
    return EncodingError(
        f"cannot decode the input as {codec}: first bad byte at byte offset {offset}{shown}; "
        "re-save it as UTF-8, or declare its charset (<meta charset=...> or the "
        "Content-Type header)",
        source=source,
    )
