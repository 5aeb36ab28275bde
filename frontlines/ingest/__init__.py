"""frontlines.ingest: pages (plain text, HTML, RSS/Atom feeds, URLs) and archives (WARC,
JSON Lines dumps, Telegram Desktop exports) -> Documents.

    load(source, *, published=None, settings=None, fetcher=None) -> list[Document]
    iter_documents(source, ...) -> Iterator[Document]   (archives stream)
    read_bytes(data, *, source, published=None, content_type=None, url=None,
               settings=None, encoding=None) -> list[Document]

Every failure is an ``InputError`` subclass (empty, binary, encoding, too large,
unsupported) or a ``FetchError``, and names the input.
"""

from .archive import archive_kind
from .fetch import Fetcher, FetchResult, HttpFetcher, MemoryFetcher
from .read import iter_documents, load, read_bytes

__all__ = [
    "FetchResult",
    "Fetcher",
    "HttpFetcher",
    "MemoryFetcher",
    "archive_kind",
    "iter_documents",
    "load",
    "read_bytes",
]
