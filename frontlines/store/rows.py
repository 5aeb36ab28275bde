"""Records <-> SQL rows for the SQLite store (JSON for list and Place fields)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ..records import Comment, Document, Event, Mention, Place, Relevance, Span
from .base import DocumentSummary

EVENT_SCALARS: tuple[str, ...] = (
    "event_type", "sub_event_type", "actor1", "event_date", "time_precision",
    "disorder_type", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes",
    "source_part", "comment_id", "credibility", "source", "source_url", "place_id",
    "location_reason",
)  # fmt: skip

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "document_id", *EVENT_SCALARS, "fatalities_known",
    "evidence_start", "evidence_end", "evidence_text", "warnings", "sources", "position",
)  # fmt: skip

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "id", "source", "url", "title", "text", "published", "published_from", "outlet",
    "language", "kind", "furniture", "map_images", "warnings", "ingested_at", "relevance",
)  # fmt: skip

COMMENT_COLUMNS: tuple[str, ...] = (
    "document_id", "id", "position", "author", "parent", "depth", "text", "published", "signals",
)  # fmt: skip

MENTION_COLUMNS: tuple[str, ...] = (
    "document_id", "position", "source_part", "comment_id", '"start"', '"end"', "text",
    "place_id", "place", "precision", "relation", "kind", "score",
)  # fmt: skip


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def event_row(event: Event, event_id: str, document_id: str, position: int) -> tuple[Any, ...]:
    scalars = [getattr(event, name) for name in EVENT_SCALARS]
    return (
        event_id,
        document_id,
        *scalars,
        int(event.fatalities_known),
        event.evidence.start,
        event.evidence.end,
        event.evidence.text,
        _dump(list(event.warnings)),
        _dump(list(event.sources)),
        position,
    )


def row_event(row: sqlite3.Row) -> Event:
    values = {name: row[name] for name in EVENT_SCALARS}
    return Event(
        **values,
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        fatalities_known=bool(row["fatalities_known"]),
        document_id=row["document_id"],
        warnings=json.loads(row["warnings"]),
        sources=json.loads(row["sources"]),
        event_id=row["event_id"],
    )


# ``Event.to_dict()``'s keys, in its order, up to ``fatalities_known``, and after
# ``evidence`` up to ``warnings``: plain columns, copied as they are.
_DICT_HEAD = (*Event.ACLED_FIELDS, "event_id", "disorder_type", "inter1", "inter2",
              "interaction", "civilian_targeting", "country", "admin1", "admin2")  # fmt: skip
_DICT_TAIL = ("source_part", "comment_id", "credibility", "document_id", "source",
              "source_url", "place_id", "location_reason")  # fmt: skip


def row_dict(row: sqlite3.Row) -> dict[str, Any]:
    """``row_event(row).to_dict()``, built from the row without the Event between (what
    the API sends: a page of events costs half as much to answer)."""
    out = {name: row[name] for name in _DICT_HEAD}
    out["fatalities_known"] = bool(row["fatalities_known"])
    out["evidence"] = {
        "start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"],
    }  # fmt: skip
    for name in _DICT_TAIL:
        out[name] = row[name]
    out["warnings"] = json.loads(row["warnings"])
    out["sources"] = json.loads(row["sources"])
    return out


def document_row(document: Document, document_id: str) -> tuple[Any, ...]:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    published = document.published.isoformat() if document.published else None
    return (
        document_id,
        document.source,
        document.url,
        document.title,
        document.text,
        published,
        document.published_from,
        document.outlet,
        document.language,
        document.kind,
        _dump(list(document.furniture)),
        _dump(list(document.map_images)),
        _dump(list(document.warnings)),
        now,
        _dump(document.relevance.to_dict()) if document.relevance else None,
    )


def row_document(row: sqlite3.Row, comments: list[Comment]) -> Document:
    published = row["published"]
    return Document(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        text=row["text"],
        published=dt.date.fromisoformat(published) if published else None,
        published_from=row["published_from"],
        url=row["url"],
        outlet=row["outlet"],
        language=row["language"],
        kind=row["kind"],
        comments=comments,
        furniture=json.loads(row["furniture"]),
        map_images=json.loads(row["map_images"]),
        warnings=json.loads(row["warnings"]),
        relevance=_relevance(row),
    )


def row_summary(row: Any) -> DocumentSummary:
    """A listing row (``id``, ``title``... ``comment_count``, ``relevant``) -> a summary."""
    relevant = row["relevant"]
    return DocumentSummary(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        language=row["language"],
        comment_count=int(row["comment_count"]),
        relevant=None if relevant is None else bool(relevant) and relevant != "false",
    )


def _relevance(row: Any) -> Relevance | None:
    """The stored relevance decision (documents stored before it was kept have none)."""
    try:
        raw = row["relevance"]
    except (IndexError, KeyError):
        raw = None
    return Relevance.from_dict(json.loads(raw)) if raw else None


def comment_row(comment: Comment, document_id: str, position: int) -> tuple[Any, ...]:
    return (
        document_id,
        comment.id,
        position,
        comment.author,
        comment.parent,
        comment.depth,
        comment.text,
        comment.published,
        _dump(list(comment.signals)),
    )


def row_comment(row: sqlite3.Row) -> Comment:
    return Comment(
        id=row["id"],
        author=row["author"],
        parent=row["parent"],
        depth=row["depth"],
        text=row["text"],
        published=row["published"],
        signals=tuple(json.loads(row["signals"] or "[]")),
    )


def mention_row(mention: Mention, document_id: str, position: int) -> tuple[Any, ...]:
    place = mention.place
    return (
        document_id,
        position,
        mention.source_part,
        mention.comment_id,
        mention.start,
        mention.end,
        mention.text,
        place.id if place else None,
        _dump(place.to_dict()) if place else None,
        mention.precision,
        mention.relation,
        mention.kind,
        mention.score,
    )


def row_mention(row: sqlite3.Row) -> Mention:
    place = Place(**json.loads(row["place"])) if row["place"] else None
    return Mention(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        source_part=row["source_part"],
        comment_id=row["comment_id"],
        place=place,
        precision=row["precision"],
        relation=row["relation"],
        kind=row["kind"],
        score=row["score"],
    )
