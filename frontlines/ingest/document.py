"""Building Documents: the content id, the publication date and its provenance."""

from __future__ import annotations

import datetime as dt
import hashlib

from ..records import Comment, Document
from .language import document_language

UNKNOWN_DATE_WARNING = (
    "publication date unknown: the page carries no date in its metadata; pass "
    "--published YYYY-MM-DD (or published=date(...)) so that 'on Friday' or 'in March' "
    "can be dated"
)


def document_id(title: str, text: str, comments: list[Comment]) -> str:
    """``sha256:<hex>`` of the title, article text and comments, whitespace normalised.

    Furniture, metadata and the source name do not enter the id, so the same page read
    twice, or saved again with other page furniture, keeps its id.
    """
    h = hashlib.sha256()
    for piece in (title, text):
        h.update(_norm(piece).encode("utf-8"))
        h.update(b"\x1e")
    for comment in comments:
        h.update(_norm(comment.author).encode("utf-8"))
        h.update(b"\x1f")
        h.update(_norm(comment.text).encode("utf-8"))
        h.update(b"\x1e")
    return f"sha256:{h.hexdigest()}"


def _norm(value: str) -> str:
    return " ".join(value.split())


def make_document(
    *,
    source: str,
    title: str,
    text: str,
    kind: str,
    comments: list[Comment] | None = None,
    published_arg: dt.date | None = None,
    published_meta: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    furniture: list[str] | None = None,
    map_images: list[str] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """A Document with its id, and its date taken from the argument, else the metadata."""
    comments = comments or []
    notes = list(warnings or [])
    if published_arg is not None:
        published, origin = published_arg, "argument"
    elif published_meta is not None:
        published, origin = published_meta, "metadata"
    else:
        published, origin = None, "unknown"
        notes.append(UNKNOWN_DATE_WARNING)
    return Document(
        id=document_id(title, text, comments),
        source=source,
        title=title,
        text=text,
        published=published,
        published_from=origin,
        url=url,
        outlet=outlet,
        language=document_language(title, text),
        kind=kind,
        comments=comments,
        furniture=list(furniture or []),
        map_images=list(map_images or []),
        warnings=notes,
    )
