"""An in-memory store with the same contract as the SQLite one (for tests and dry runs).

Records are copied on the way in and out, so callers cannot change what is stored.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading

from ..errors import StoreError
from ..records import Analysis, Document, Event, Mention
from .base import (
    DocumentSummary,
    EventFilter,
    FilteredReads,
    SaveResult,
    check_page,
    document_key,
    event_key,
    needs_signature,
    signature_of,
    summary_of,
)


class MemoryStore(FilteredReads):
    """A :class:`~frontlines.store.base.Store` held in dicts; nothing touches the disk."""

    def __init__(self) -> None:
        self._documents: dict[str, Document] = {}
        self._mentions: dict[str, list[Mention]] = {}
        self._events: dict[str, Event] = {}
        self._signatures: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._writes = 0

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed; open it again", source=":memory:")

    def save(self, analysis: Analysis) -> SaveResult:
        """Save one analysed document; saving the same page again adds nothing."""
        document = analysis.document
        doc_id = document_key(document)
        with self._lock:
            self._check_open()
            is_new = doc_id not in self._documents
            mentions_added = 0
            if is_new:
                stored = copy.deepcopy(document)
                stored.id = doc_id
                self._documents[doc_id] = stored
                self._mentions[doc_id] = copy.deepcopy(analysis.mentions)
                for mention in self._mentions[doc_id]:
                    mention.candidates = ()
                mentions_added = len(analysis.mentions)
            if doc_id not in self._signatures and needs_signature(analysis):
                self._signatures[doc_id] = signature_of(analysis)
            added = 0
            for event in analysis.events:
                owner = event.document_id or doc_id
                key = event_key(event, owner)
                if key in self._events:
                    continue
                stored_event = copy.deepcopy(event)
                stored_event.document_id = owner
                stored_event.event_id = key
                self._events[key] = stored_event
                added += 1
            self._writes += 1
            dated = 0 if is_new else self._fill_dates(analysis, doc_id)
        return SaveResult(doc_id, is_new, added, mentions_added, dated)

    def _fill_dates(self, analysis: Analysis, doc_id: str) -> int:
        """As ``base.fill_dates``: a page saved again with the date it lacked."""
        stored, document = self._documents[doc_id], analysis.document
        if document.published is None or stored.published is not None:
            return 0
        stored.published, stored.published_from = document.published, document.published_from
        dated = 0
        for event in analysis.events:
            old = self._events.get(event_key(event, event.document_id or doc_id))
            if old is not None and not old.event_date and event.event_date:
                old.event_date, old.time_precision = event.event_date, event.time_precision
                dated += 1
        return dated

    def _select(self, flt: EventFilter) -> list[Event]:
        with self._lock:
            self._check_open()
            found = [e for e in self._events.values() if flt.matches(e)]
        found.sort(key=lambda e: (e.event_date, e.event_id))
        return found

    def _page(self, flt: EventFilter, limit: int | None, offset: int) -> list[Event]:
        found = self._select(flt)
        stop = None if limit is None else offset + limit
        return copy.deepcopy(found[offset:stop])

    def _count(self, flt: EventFilter) -> int:
        return len(self._select(flt))

    def documents(self) -> list[Document]:
        """Every stored document (with comments), in the order they were saved."""
        with self._lock:
            self._check_open()
            return copy.deepcopy(list(self._documents.values()))

    def document_summaries(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[DocumentSummary]:
        """Stored documents without their text, in the order they were saved."""
        check_page(limit, offset)
        stop = None if limit is None else offset + limit
        with self._lock:
            self._check_open()
            return [summary_of(d) for d in list(self._documents.values())[offset:stop]]

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self._lock:
            self._check_open()
            return len(self._documents)

    def state(self) -> str:
        """A token that changes with every save."""
        with self._lock:
            self._check_open()
            return f"w{self._writes}"

    def document(self, document_id: str) -> Document | None:
        """One document with its comments, or None."""
        with self._lock:
            self._check_open()
            return copy.deepcopy(self._documents.get(document_id))

    def signatures(self, document_ids: list[str]) -> dict[str, tuple[dt.date | None, bytes]]:
        """``{id: (published, packed copy signature)}`` of the given documents."""
        with self._lock:
            self._check_open()
            return {
                i: (self._documents[i].published, self._signatures[i])
                for i in document_ids
                if i in self._signatures and i in self._documents
            }

    def mentions(self, document_id: str) -> list[Mention]:
        """The document's mentions in the order they were saved."""
        with self._lock:
            self._check_open()
            return copy.deepcopy(self._mentions.get(document_id, []))

    def analysis(self, document_id: str) -> Analysis | None:
        """The stored document, its mentions and its events (in saved order), or None."""
        document = self.document(document_id)
        if document is None:
            return None
        with self._lock:
            events = [e for e in self._events.values() if e.document_id == document_id]
            events = copy.deepcopy(events)
        return Analysis(document, self.mentions(document_id), events)

    def close(self) -> None:
        """Mark the store closed; later calls raise ``StoreError``."""
        self._closed = True
