"""frontlines.ingest: pages (plain text, HTML, RSS/Atom feeds, URLs) -> Documents.

    load(source, *, published=None, settings=None, fetcher=None) -> list[Document]
    read_bytes(data, *, source, published=None, content_type=None, url=None,
               settings=None, encoding=None) -> list[Document]

Every failure is an ``InputError`` subclass (empty, binary, encoding, too large,
unsupported) or a ``FetchError``, and names the input.
"""

from .fetch import Fetcher, FetchResult, HttpFetcher, MemoryFetcher
from .read import load, read_bytes

__all__ = ["FetchResult", "Fetcher", "HttpFetcher", "MemoryFetcher", "load", "read_bytes"]
