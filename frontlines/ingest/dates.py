"""Publication dates from page metadata, and loose date strings to ISO form."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)


def to_iso(raw: str) -> str | None:
    """An ISO date or date-time from a date string (ISO, RFC 2822 or English words)."""
    raw = raw.strip()
    if not raw:
        return None
    m = _ISO.search(raw)
    if m:
        return _iso_from_match(m)
    try:
        import dateparser  # slow import: only when a non-ISO date turns up

        parsed = dateparser.parse(raw, languages=["en"], settings={"STRICT_PARSING": True})
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.replace(tzinfo=None).isoformat(timespec="minutes") if parsed else None


def to_date(raw: str | None) -> dt.date | None:
    iso = to_iso(raw or "")
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _iso_from_match(m: re.Match[str]) -> str | None:
    y, mo, d, hh, mm = m.group(1, 2, 3, 4, 5)
    try:
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return f"{day.isoformat()}T{hh}:{mm}" if hh else day.isoformat()


def metadata_date(tree: LexborHTMLParser, skip: tuple[str, ...] = ()) -> dt.date | None:
    """The page's publication date: meta tags, JSON-LD, then the first article ``<time>``."""
    for candidate in _candidates(tree, skip):
        day = to_date(candidate)
        if day is not None:
            return day
    return None


def _candidates(tree: LexborHTMLParser, skip: tuple[str, ...]) -> Iterator[str]:
    wanted = {name.lower() for name in _META_NAMES}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in wanted and attrs.get("content"):
            yield attrs.get("content") or ""
    for script in tree.css('script[type="application/ld+json"]'):
        yield from _jsonld_dates(script.text())
    for time in tree.css("time[datetime], time[pubdate]"):
        if not _inside(time, skip):
            yield time.attributes.get("datetime") or time.text()


def _inside(node: Any, selectors: tuple[str, ...]) -> bool:
    up = node.parent
    while up is not None:
        attrs = up.attributes
        classes = (attrs.get("class") or "").split()
        if attrs.get("id") in selectors or any(c in selectors for c in classes):
            return True
        up = up.parent
    return False


def _jsonld_dates(raw: str) -> Iterator[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack: list[Any] = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            value = item.get("datePublished") or item.get("dateCreated")
            if isinstance(value, str):
                yield value
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
