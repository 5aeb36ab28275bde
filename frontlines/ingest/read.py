"""Entry points: ``load`` (a path or URL) and ``read_bytes`` (bytes already in hand)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import EmptyInputError, InputError, UnsupportedInputError
from ..records import Document
from .archive import archive_kind, read_archive
from .checks import check_file_size, check_not_empty, check_size, too_large
from .decode import decode
from .document import make_document
from .feed import read_feed
from .fetch import Fetcher, HttpFetcher, check_content_type
from .htmlpage import read_html_page
from .textpage import read_text_page

_FEED_ROOT = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*<(?:rss|feed|rdf:rdf)\b", re.S
)
_XML_DECL = re.compile(r"^<\?xml\b")
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.S)
_HTML_TAG = re.compile(
    r"<(?:p|div|article|br|span|a|h[1-6]|section|main|meta|title|ul|li)\b[^<>]*>"
)


def load(
    source: str | Path,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    fetcher: Fetcher | None = None,
) -> list[Document]:
    """Read a page (file path or http(s) URL) into Documents; a feed gives one per item,
    an archive (WARC, JSON Lines, Telegram export) one per record, article or message."""
    return list(iter_documents(source, published=published, settings=settings, fetcher=fetcher))


def iter_documents(
    source: str | Path,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document]:
    """Like :func:`load`, but an archive (WARC, JSON Lines, Telegram export) streams one
    document at a time instead of being read whole."""
    settings = settings or Settings.from_env()
    name = str(source)
    if isinstance(source, str) and re.match(r"https?://", source, re.I):
        result = (fetcher or HttpFetcher(settings)).fetch(source)
        yield from read_bytes(result.body, source=source, published=published,
                              content_type=result.content_type, url=result.url, settings=settings)  # fmt: skip
        return
    kind = archive_kind(Path(source))
    if kind is not None:
        yield from read_archive(Path(source), kind, published=published, settings=settings)
        return
    yield from read_bytes(_read_file(Path(source), settings.max_bytes, name), source=name,
                          published=published, settings=settings)  # fmt: skip


def _read_file(path: Path, cap: int, source: str) -> bytes:
    if not path.exists():
        raise InputError("no such file; check the path (or give an http(s) URL)", source=source)
    if not path.is_file():
        raise InputError("not a regular file; give a page file or a URL", source=source)
    check_file_size(path, cap, source)
    with path.open("rb") as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise too_large(len(data), cap, source, at_least=True)
    return data


def read_bytes(
    data: bytes,
    *,
    source: str,
    published: dt.date | None = None,
    content_type: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    encoding: str | None = None,
    fallback_date: dt.date | None = None,
) -> list[Document]:
    """Read the bytes of a page (plain text, HTML or an RSS/Atom feed) into Documents.

    ``fallback_date`` dates the page when its own metadata carries no date (an archive
    record's date); ``published`` overrides both."""
    settings = settings or Settings.from_env()
    check_size(data, settings.max_bytes, source)
    check_not_empty(data, source)
    if content_type:
        check_content_type(content_type, source)
    decoded = decode(data, source, content_type=content_type, encoding=encoding)
    del data  # the text alone is read from here on: one copy of the page less in memory
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyInputError(
            "input holds only whitespace; give a page with article text", source=source
        )
    kind = sniff(text, content_type)
    common = {"source": source, "published": published, "url": url, "warnings": decoded.warnings,
              "fallback_date": fallback_date}  # fmt: skip
    if kind == "feed":
        return _feed_documents(text, **common)  # type: ignore[arg-type]
    if kind == "html":
        return [_html_document(text, **common)]  # type: ignore[arg-type]
    if kind == "xml":
        raise UnsupportedInputError(
            "input is XML but not an RSS or Atom feed; give an HTML page, plain text or a feed",
            source=source,
        )
    return [_text_document(text, **common)]  # type: ignore[arg-type]


def sniff(text: str, content_type: str | None = None) -> str:
    """``"feed"``, ``"html"``, ``"xml"`` or ``"text"``, judged from the content itself."""
    head = text.lstrip()[:4096].lower()
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 2:
        return "html"
    if _XML_DECL.match(head):
        return "xml"
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml") and "<" in head:
        return "html"
    return "text"


def _no_text(source: str, what: str) -> EmptyInputError:
    return EmptyInputError(
        f"no article text found in this {what}; check that it is a full article page "
        "(not an index, a login page or a page built by JavaScript), or save its text and "
        "load that",
        source=source,
    )


def _text_document(
    text: str,
    *,
    source: str,
    published: dt.date | None,
    url: str | None,
    warnings: list[str],
    fallback_date: dt.date | None = None,
) -> Document:
    page = read_text_page(text)
    if not page.text.strip():
        raise _no_text(source, "text page")
    return make_document(
        source=source, title=page.title, text=page.text, kind="text", comments=page.comments,
        published_arg=published, published_meta=fallback_date, url=url, furniture=page.furniture.removed,
        map_images=page.furniture.map_links, warnings=warnings,
    )  # fmt: skip


def _html_document(
    text: str,
    *,
    source: str,
    published: dt.date | None,
    url: str | None,
    warnings: list[str],
    fallback_date: dt.date | None = None,
) -> Document:
    page = read_html_page(text, url=url)
    if not page.text.strip():
        raise _no_text(source, "HTML page")
    return make_document(
        source=source, title=page.title, text=page.text, kind="html", comments=page.comments,
        published_arg=published, published_meta=page.published or fallback_date,
        url=page.url or url,
        outlet=page.outlet, furniture=page.furniture.removed,
        map_images=page.furniture.map_links, warnings=[*warnings, *page.warnings],
        comments_seen=page.comments_seen,
    )  # fmt: skip


def _feed_documents(
    text: str,
    *,
    source: str,
    published: dt.date | None,
    url: str | None,
    warnings: list[str],
    fallback_date: dt.date | None = None,
) -> list[Document]:
    items = [item for item in read_feed(text) if item.text.strip()]
    if not items:
        raise _no_text(source, "feed (it has no items with text)")
    return [
        make_document(
            source=item.url or source,
            title=item.title,
            text=item.text,
            kind="feed-item",
            published_arg=published,
            published_meta=item.published or fallback_date,
            url=item.url,
            outlet=item.outlet,
            furniture=item.furniture.removed,
            map_images=item.furniture.map_links,
            warnings=warnings,
        )
        for item in items
    ]
