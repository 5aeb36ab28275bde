"""WARC and WARC.gz files (web crawls such as CC-NEWS): one document per HTML response.

The record's target URI is the document's source and URL; its ``WARC-Date`` dates the
document when the page's own metadata carries no date (``--published`` overrides both).
Requests, metadata records, redirects, errors and non-HTML responses are passed over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..records import Document
from .archive import Skipped
from .dates import to_date

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: Path, *, published: dt.date | None = None, settings: Settings
) -> Iterator[Document]:
    """The HTML pages of a WARC file, in record order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = Skipped(str(path))
    try:
        with path.open("rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh), 1):
                yield from _record_documents(record, number, skipped, published, settings)
    except ArchiveLoadFailed as exc:
        raise InputError(
            f"not a readable WARC file ({exc}); give a WARC or WARC.gz crawl file",
            source=str(path),
        ) from exc
    skipped.finish("WARC file (no HTML response records with text)")


def _record_documents(
    record: Any, number: int, skipped: Skipped, published: dt.date | None, settings: Settings
) -> Iterator[Document]:
    from .read import read_bytes

    if record.rec_type != "response" or record.http_headers is None:
        return
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or "")
    status = str(record.http_headers.get_statuscode() or "")
    content_type = str(record.http_headers.get_header("Content-Type") or "")
    if not status.startswith("2") or not content_type.lower().startswith(_HTML_TYPES):
        return
    body = record.content_stream().read(settings.max_bytes + 1)
    try:
        documents = read_bytes(
            body, source=uri or f"{number}", url=uri or None, content_type=content_type,
            published=published, settings=settings,
            fallback_date=to_date(str(record.rec_headers.get_header("WARC-Date") or "")),
        )  # fmt: skip
    except InputError as exc:
        skipped.skip(f"record {number} ({uri})", str(exc))
        return
    for document in documents:
        yield skipped.attach(document)
