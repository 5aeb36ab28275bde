"""RSS and Atom feeds: one page per item (title, link, date, text without HTML)."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .dates import to_date
from .decode import clean_text
from .furniture import Furniture, strip_paragraphs
from .textpage import paragraphs_of

_CHARREF = re.compile(r"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});?")


@dataclass(slots=True)
class FeedItem:
    title: str
    text: str
    url: str | None
    published: dt.date | None
    outlet: str | None
    summary_only: bool
    furniture: Furniture = field(default_factory=Furniture)


def read_feed(text: str) -> list[FeedItem]:
    """The items of an RSS/Atom feed, in feed order (items without text are skipped)."""
    import feedparser  # only when a feed turns up

    try:
        parsed = feedparser.parse(
            _safe_charrefs(text), sanitize_html=False, resolve_relative_uris=False
        )
    except (UnicodeError, ValueError, OverflowError):
        return []
    outlet = str(parsed.feed.get("title") or "") or None
    items = [_item(entry, outlet) for entry in parsed.entries]
    return [item for item in items if item.text or item.title]


def _safe_charrefs(text: str) -> str:
    """Numeric character references to surrogates or beyond Unicode become U+FFFD."""
    return _CHARREF.sub(_charref, text)


def _charref(match: re.Match[str]) -> str:
    raw = match.group(1)
    code = int(raw[1:], 16) if raw[:1] in "xX" else int(raw)
    return match.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _item(entry: Any, outlet: str | None) -> FeedItem:
    contents = entry.get("content") or []
    html = " ".join(str(c.get("value") or "") for c in contents)
    summary_only = not html.strip()
    if summary_only:
        html = str(entry.get("summary") or entry.get("description") or "")
    found = Furniture()
    paragraphs = strip_paragraphs(html_to_paragraphs(html), found)
    return FeedItem(
        title=clean_text(" ".join(str(entry.get("title") or "").split())),
        text=clean_text("\n\n".join(paragraphs)),
        url=str(entry.get("link") or "") or None,
        published=_entry_date(entry),
        outlet=outlet,
        summary_only=summary_only,
        furniture=found,
    )


def html_to_paragraphs(html: str) -> list[str]:
    """Paragraph texts of an HTML fragment (or plain text) with all markup stripped."""
    if "<" not in html:
        return [" ".join(p.split()) for p in paragraphs_of(html)]
    tree = LexborHTMLParser(f"<div>{html}</div>")
    for node in tree.css("script, style, iframe, object"):
        node.decompose()
    blocks = tree.css("p, li, h1, h2, h3, h4, blockquote")
    if not blocks:
        body = tree.body
        raw = body.text(separator="\n") if body is not None else ""
        return [" ".join(p.split()) for p in paragraphs_of(raw) if p.strip()]
    return [t for t in (" ".join(b.text(separator=" ").split()) for b in blocks) if t]


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    for key in ("published", "updated", "dc_date"):
        day = to_date(str(entry.get(key) or ""))
        if day is not None:
            return day
    return None
