"""Archives: inputs that hold many pages (WARC, JSON Lines dumps, Telegram exports).

    archive_kind(path) -> "warc" | "jsonl" | "telegram" | None
    read_archive(path, kind, ...) -> Iterator[Document]

An archive is read lazily, one record at a time, so a crawl of any size streams through
in constant memory. A record that cannot be read (no text, not HTML, a broken line) is
skipped; why is noted on the next document read (``Document.warnings``); an archive with
no readable record at all is an ``EmptyInputError``.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from ..config import Settings
from ..errors import EmptyInputError, InputError
from ..records import Document

ARCHIVE_KINDS = ("warc", "jsonl", "telegram")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def archive_kind(path: Path) -> str | None:
    """Which archive ``path`` is, from its name and first bytes; None for a single page."""
    name = path.name.lower()
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if not path.is_file():
        return None
    head = _head(path)
    if head.startswith(b"WARC/"):
        return "warc"
    if name.endswith(".json") and head.lstrip().startswith(b"{") and _telegram_head(head):
        return "telegram"
    return None


def _head(path: Path, size: int = 65536) -> bytes:
    with open_binary(path) as fh:
        return fh.read(size)


def _telegram_head(head: bytes) -> bool:
    return b'"messages"' in head or (b'"chats"' in head and b'"about"' in head)


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped when it is gzip-compressed."""
    fh = path.open("rb")
    if fh.read(2) == b"\x1f\x8b":
        fh.close()
        return cast(IO[bytes], gzip.open(path, "rb"))
    fh.seek(0)
    return fh


class Skipped:
    """Notes on skipped records, attached to the next document read."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[str] = []
        self.read = 0

    def skip(self, where: str, reason: str) -> None:
        self.notes.append(f"{where} skipped: {reason}")

    def attach(self, document: Document) -> Document:
        document.warnings.extend(self.notes)
        self.notes.clear()
        self.read += 1
        return document

    def finish(self, what: str) -> None:
        if self.read:
            return
        why = "; ".join(self.notes[:3]) or "it holds no records"
        raise EmptyInputError(
            f"no article text found in this {what} ({why}); check that it is the right file",
            source=self.source,
        )


def read_archive(
    path: Path,
    kind: str,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
) -> Iterator[Document]:
    """The documents of an archive file, read lazily."""
    settings = settings or Settings.from_env()
    if not path.is_file():
        raise InputError("no such file; check the path", source=str(path))
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, published=published, settings=settings)
    elif kind == "jsonl":
        from .jsonl import JsonlFields, read_jsonl

        fields = JsonlFields.parse(settings.jsonl_fields)
        yield from read_jsonl(path, fields, published=published, settings=settings)
    elif kind == "telegram":
        from .telegram import read_telegram

        yield from read_telegram(path, published=published, settings=settings)
    else:
        raise InputError(f"unknown archive kind {kind!r}; use one of {ARCHIVE_KINDS}")
