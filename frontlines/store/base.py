"""The store contract: what every backend (SQLite, memory, later PostgreSQL) offers.

``open_store(db)`` picks the backend from the ``db`` string: a file path (SQLite, the
default), ``":memory:"`` (SQLite in memory) or a ``postgresql://`` URL (PostGIS, see ``postgres.py``).
Filters are shared by all backends through :class:`EventFilter`, so they agree on meaning:

- ``bbox``: ``(west, south, east, north)`` in degrees, inclusive; events without
  coordinates never match a bbox.
- ``start``/``end``: ``YYYY-MM-DD`` (or ``date``), inclusive; events with an unknown date
  (``""``) never match a date filter.
- ``actor``: equal to ``actor1``, ``actor2``, or one of the ``;``-separated associated actors.
- ``source``: equal to the event's ``source`` or ``source_url``, or listed in ``sources``.
- the others: equality with the field of the same name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from ..errors import StoreError
from ..records import Analysis, Document, Event, Mention, is_flagged
from .migrations import FLAGGED_WHERE

BBox = tuple[float, float, float, float]
DateLike = str | dt.date


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What one ``save`` changed: nothing at all when the same page is saved twice."""

    document_id: str
    document_new: bool
    events_added: int
    mentions_added: int
    events_dated: int = 0  # stored undated events given the date the page now has


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document without its text or comments: what a listing shows."""

    id: str
    title: str
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    comment_count: int
    relevant: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "comment_count": self.comment_count,
            "language": self.language,
            "relevant": self.relevant,
        }


def summary_of(document: Document) -> DocumentSummary:
    """The listing of a whole document (for stores that hold documents in memory)."""
    return DocumentSummary(
        id=document.id,
        title=document.title,
        source=document.source,
        url=document.url,
        outlet=document.outlet,
        published=document.published.isoformat() if document.published else None,
        language=document.language,
        comment_count=len(document.comments),
        relevant=document.relevance.relevant if document.relevance else None,
    )


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters ``events``/``count_events`` accept, validated once."""

    bbox: BBox | None = None
    start: str | None = None
    end: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    credibility: str | None = None
    document_id: str | None = None
    include_flagged: bool = True

    @classmethod
    def build(
        cls,
        *,
        bbox: BBox | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        credibility: str | None = None,
        document_id: str | None = None,
        include_flagged: bool = True,
    ) -> EventFilter:
        return cls(
            bbox=_check_bbox(bbox),
            start=_iso(start, "start"),
            end=_iso(end, "end"),
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor=actor,
            source=source,
            credibility=credibility,
            document_id=document_id,
            include_flagged=include_flagged,
        )

    def matches(self, event: Event) -> bool:
        """True when ``event`` passes every filter (the reference semantics)."""
        checks = (
            self._in_bbox(event),
            self._in_dates(event),
            _eq(self.event_type, event.event_type),
            _eq(self.sub_event_type, event.sub_event_type),
            _eq(self.credibility, event.credibility),
            _eq(self.document_id, event.document_id),
            self.actor is None or self.actor in actors_of(event),
            self.source is None or self.source in sources_of(event),
            self.include_flagged or not is_flagged(event),
        )
        return all(checks)

    def _in_bbox(self, event: Event) -> bool:
        if self.bbox is None:
            return True
        if event.latitude is None or event.longitude is None:
            return False
        west, south, east, north = self.bbox
        return west <= event.longitude <= east and south <= event.latitude <= north

    def _in_dates(self, event: Event) -> bool:
        if self.start is None and self.end is None:
            return True
        if not event.event_date:
            return False
        if self.start is not None and event.event_date < self.start:
            return False
        return self.end is None or event.event_date <= self.end


def _eq(wanted: str | None, value: str) -> bool:
    return wanted is None or wanted == value


def actors_of(event: Event) -> set[str]:
    """Every actor name an ``actor`` filter matches for this event."""
    names = {event.actor1, event.actor2}
    for assoc in (event.assoc_actor_1, event.assoc_actor_2):
        names.update(part.strip() for part in assoc.split(";"))
    names.discard("")
    return names


def sources_of(event: Event) -> set[str]:
    """Every source string a ``source`` filter matches for this event."""
    found = {event.source, event.source_url, *event.sources}
    found.discard("")
    return found


def _iso(value: DateLike | None, name: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise StoreError(f"filter {name}={value!r} is not a date; use YYYY-MM-DD") from exc
    return text


def _check_bbox(bbox: BBox | None) -> BBox | None:
    if bbox is None:
        return None
    if len(bbox) != 4:
        raise StoreError(f"bbox {bbox!r} must be (west, south, east, north)")
    west, south, east, north = (float(v) for v in bbox)
    if west > east or south > north:
        raise StoreError(f"bbox {bbox!r} must be (west, south, east, north) with west<=east")
    return (west, south, east, north)


def document_key(document: Document) -> str:
    """The document's id, or a content hash when the ingest stage left it empty."""
    if document.id:
        return document.id
    digest = hashlib.sha256()
    for part in (document.title, document.text, *(c.text for c in document.comments)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def event_key(event: Event, document_id: str) -> str:
    """The event's id, or a stable hash of its provenance when it has none."""
    if event.event_id:
        return event.event_id
    parts = (
        document_id,
        event.source_part,
        event.comment_id or "",
        str(event.evidence.start),
        str(event.evidence.end),
        event.event_type,
        event.sub_event_type,
        event.event_date,
    )
    return "ev-" + hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def fill_dates(
    execute: Callable[[str, tuple[Any, ...]], int], analysis: Analysis, doc_id: str, mark: str
) -> int:
    """A stored page saved again with the publication date it lacked: record the date
    and date its undated events as the new analysis does (nothing else is added).
    ``execute(sql, args)`` runs one statement and returns its row count."""
    document = analysis.document
    if document.published is None:
        return 0
    changed = execute(
        f"UPDATE documents SET published = {mark}, published_from = {mark} "
        f"WHERE id = {mark} AND published IS NULL",
        (document.published.isoformat(), document.published_from, doc_id),
    )
    if not changed:
        return 0
    return sum(
        execute(
            f"UPDATE events SET event_date = {mark}, time_precision = {mark} "
            f"WHERE event_id = {mark} AND event_date = ''",
            (event.event_date, event.time_precision, event_key(event, event.document_id or doc_id)),
        )
        for event in analysis.events
        if event.event_date
    )


@runtime_checkable
class Store(Protocol):
    """A place analyses are saved to and events are read back from.

    ``state()`` is a token that changes whenever what is stored changes (by this process or
    another), so readers can cache what they build from the store (the server's map page).
    """

    def save(self, analysis: Analysis) -> SaveResult: ...

    def events(
        self,
        *,
        bbox: BBox | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        credibility: str | None = None,
        document_id: str | None = None,
        include_flagged: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]: ...

    def count_events(
        self,
        *,
        bbox: BBox | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        credibility: str | None = None,
        document_id: str | None = None,
        include_flagged: bool = True,
    ) -> int: ...

    def documents(self) -> list[Document]: ...

    def document_summaries(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[DocumentSummary]: ...

    def count_documents(self) -> int: ...

    def state(self) -> str: ...

    def document(self, document_id: str) -> Document | None: ...

    def mentions(self, document_id: str) -> list[Mention]: ...

    def analysis(self, document_id: str) -> Analysis | None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class FilteredReads:
    """``events``/``count_events`` with the protocol's filter arguments, and the context
    manager that closes the store, written once.

    A backend supplies ``_page(flt, limit, offset)`` and ``_count(flt)``; argument checks
    and the meaning of each filter (:class:`EventFilter`) are shared by all backends.
    """

    def _page(self, flt: EventFilter, limit: int | None, offset: int) -> list[Event]:
        raise NotImplementedError

    def _count(self, flt: EventFilter) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def events(
        self,
        *,
        bbox: BBox | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        credibility: str | None = None,
        document_id: str | None = None,
        include_flagged: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events passing every filter, by date then id (see the module docstring);
        ``include_flagged=False`` leaves out those drawn from flagged comments."""
        check_page(limit, offset)
        flt = EventFilter.build(
            bbox=bbox, start=start, end=end, event_type=event_type,
            sub_event_type=sub_event_type, actor=actor, source=source,
            credibility=credibility, document_id=document_id, include_flagged=include_flagged,
        )  # fmt: skip
        return self._page(flt, limit, offset)

    def count_events(
        self,
        *,
        bbox: BBox | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        source: str | None = None,
        credibility: str | None = None,
        document_id: str | None = None,
        include_flagged: bool = True,
    ) -> int:
        """How many events ``events`` would return with the same filters and no limit."""
        flt = EventFilter.build(
            bbox=bbox, start=start, end=end, event_type=event_type,
            sub_event_type=sub_event_type, actor=actor, source=source,
            credibility=credibility, document_id=document_id, include_flagged=include_flagged,
        )  # fmt: skip
        return self._count(flt)


def scalar_clauses(flt: EventFilter, mark: str) -> tuple[list[str], list[Any]]:
    """SQL clauses (with ``mark`` as the placeholder: ``?`` or ``%s``) for the date range
    and the equality filters, shared by the SQL backends; undated events never match a
    date filter."""
    clauses: list[str] = []
    args: list[Any] = []
    if flt.start is not None or flt.end is not None:
        clauses.append("event_date <> ''")
    if flt.start is not None:
        clauses.append(f"event_date >= {mark}")
        args.append(flt.start)
    if flt.end is not None:
        clauses.append(f"event_date <= {mark}")
        args.append(flt.end)
    for name in ("event_type", "sub_event_type", "credibility", "document_id"):
        value = getattr(flt, name)
        if value is not None:
            clauses.append(f"{name} = {mark}")
            args.append(value)
    if not flt.include_flagged:
        # through the partial index of flagged events (``migrations.FLAGGED_INDEX``): the
        # other filters keep their index, which this clause reads no column beyond
        where = FLAGGED_WHERE.replace("%", "%%") if mark == "%s" else FLAGGED_WHERE
        clauses.append(f"event_id NOT IN (SELECT event_id FROM events WHERE {where})")
    return clauses, args


def check_page(limit: int | None, offset: int) -> None:
    """Refuse negative paging arguments by name."""
    if limit is not None and limit < 0:
        raise StoreError(f"limit={limit} must be >= 0 or None")
    if offset < 0:
        raise StoreError(f"offset={offset} must be >= 0")


def needs_signature(analysis: Analysis) -> bool:
    """Whether to store the document's copy signature: only a document with events has
    one, since copies are looked for among the documents of the events read (a document
    saved again with events gets it then)."""
    return bool(analysis.events)


def signature_of(analysis: Analysis) -> bytes:
    """The packed copy signature to store for the analysed document (computed now unless
    the pipeline attached it)."""
    if analysis.signature:
        return analysis.signature
    from ..events.copies import signature

    return signature(analysis.document.text).pack()


def published_date(value: str | None) -> dt.date | None:
    """A stored ``published`` column as a date."""
    return dt.date.fromisoformat(value) if value else None


# signatures are read this many documents at a time
SIGNATURE_CHUNK = 500


def open_store(db: str | Path) -> Store:
    """Open the store named by ``db``: a SQLite path, ``":memory:"`` or a PostgreSQL URL."""
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import open_postgres_store

        return open_postgres_store(text)
    from .sqlite import SqliteStore

    return SqliteStore.open(db)


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    scheme, _, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return f"{scheme}://{rest}"
