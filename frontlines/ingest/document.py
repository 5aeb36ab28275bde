"""Building Documents: the content id, the publication date and its provenance."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re

from ..records import Comment, Document
from .language import document_language

UNKNOWN_DATE_WARNING = (
    "publication date unknown: the page carries no date in its metadata; pass "
    "--published YYYY-MM-DD (or published=date(...)) so that 'on Friday' or 'in March' "
    "can be dated"
)


# Bounds on what one page gives to the analysis (the rest of a longer page is not read
# for places and events, and a warning says so): the longest news features run to about
# 60,000 characters, and flooded threads repeat themselves long before 1,000 comments.
MAX_TEXT_CHARS = 100_000
MAX_COMMENTS = 1_000
MAX_COMMENT_CHARS = 5_000
# Prose ends a sentence or a line every few hundred characters; a run of this many without
# one ("Aleppo Aleppo ..." or words without punctuation for a megabyte) is not prose, and
# the text is kept only to the end of that run's first ``MAX_UNBROKEN_CHARS``.
MAX_UNBROKEN_CHARS = 10_000
_BREAK = re.compile(r"[.!?\n\u061f\u06d4\u0964\u3002\uff01\uff1f]")
# Publication dates outside these years are read as unknown (a page's "0001-01-01").
FIRST_YEAR = 1900


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
    comments_seen: int = 0,
) -> Document:
    """A Document with its id, and its date taken from the argument, else the metadata.
    ``comments_seen``: how many comments the page held, when the reader kept only the
    first of them (``comments``)."""
    notes = list(warnings or [])
    text, comments = _bounded(text, comments or [], notes, comments_seen)
    published_arg = _plausible(published_arg, "--published", notes)
    published_meta = _plausible(published_meta, "the page's metadata", notes)
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


def _plausible(day: dt.date | None, origin: str, notes: list[str]) -> dt.date | None:
    """``day`` when it lies between 1900 and next year, else None with a warning."""
    if day is None or FIRST_YEAR <= day.year <= dt.date.today().year + 1:
        return day
    notes.append(
        f"publication date {day.isoformat()} from {origin} is outside {FIRST_YEAR} to next "
        "year; read as unknown (pass --published YYYY-MM-DD to give the right one)"
    )
    return None


def _bounded(
    text: str, comments: list[Comment], notes: list[str], seen: int = 0
) -> tuple[str, list[Comment]]:
    """The text and comments cut to the bounds above, a warning for each cut."""
    if len(text) > MAX_TEXT_CHARS:
        cut = text.rfind("\n", MAX_TEXT_CHARS // 2, MAX_TEXT_CHARS)
        text = text[: cut if cut > 0 else MAX_TEXT_CHARS]
        notes.append(
            f"the article text is over {MAX_TEXT_CHARS:,} characters: only its first "
            f"{len(text):,} are kept and read for places and events"
        )
    text = _unbroken_cut(text, notes)
    seen = max(seen, len(comments))
    if seen > MAX_COMMENTS:
        notes.append(f"{seen:,} comments: only the first {MAX_COMMENTS:,} are kept")
        comments = comments[:MAX_COMMENTS]
    if any(len(c.text) > MAX_COMMENT_CHARS for c in comments):
        notes.append(f"comments over {MAX_COMMENT_CHARS:,} characters are cut there")
        comments = [_cut_comment(c) for c in comments]
    return text, comments


def _unbroken_cut(text: str, notes: list[str]) -> str:
    """``text`` up to the first run of ``MAX_UNBROKEN_CHARS`` without a sentence end or a
    line break (cut at a space), with a warning; ordinary text is returned as it is."""
    last = 0
    for match in _BREAK.finditer(text):
        if match.start() - last > MAX_UNBROKEN_CHARS:
            break
        last = match.end()
    else:
        if len(text) - last <= MAX_UNBROKEN_CHARS:
            return text
    end = last + MAX_UNBROKEN_CHARS
    space = text.rfind(" ", last + MAX_UNBROKEN_CHARS // 2, end)
    kept = text[: space if space > 0 else end]
    notes.append(
        f"the article text runs over {MAX_UNBROKEN_CHARS:,} characters without a sentence end "
        f"or a line break: only its first {len(kept):,} characters are read"
    )
    return kept


def _cut_comment(comment: Comment) -> Comment:
    if len(comment.text) <= MAX_COMMENT_CHARS:
        return comment
    return dataclasses.replace(comment, text=comment.text[:MAX_COMMENT_CHARS])
