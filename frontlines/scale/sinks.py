"""Where a batch's analyses go: the store (one writer) or partitioned GeoParquet.

A sink knows which documents it already holds (``done``), so a rerun after a kill skips
them, and takes analyses a batch at a time (``write``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Protocol

from ..records import Analysis
from ..store.base import document_key


class Sink(Protocol):
    """A place a batch writes to, one writer."""

    def done(self) -> set[str]: ...

    def write(self, analyses: list[Analysis]) -> tuple[int, int]: ...

    def close(self) -> None: ...


class StoreSink:
    """Saves into a store (SQLite, PostgreSQL or memory): each document with its events
    in one transaction, so a kill leaves no half-saved document; a store that can save a
    batch in one transaction (SQLite's ``save_many``) takes each write in one."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def done(self) -> set[str]:
        return {d.id for d in self.store.documents()}

    def write(self, analyses: list[Analysis]) -> tuple[int, int]:
        save_many = getattr(self.store, "save_many", None)
        if save_many is not None:
            results = save_many(analyses)
        else:
            results = [self.store.save(analysis) for analysis in analyses]
        return sum(int(r.document_new) for r in results), sum(r.events_added for r in results)

    def close(self) -> None:
        self.store.close()


class ParquetSink:
    """GeoParquet parts under ``out/``: ``events/part-<key>.parquet`` (the events of one
    batch) and ``documents/part-<key>.parquet`` (the ids, sources and dates of its
    documents), ``<key>`` a hash of the batch's document ids. The documents part is
    written last, so an events part without one (a kill between the two) is dropped on
    the next run and its documents analysed again."""

    def __init__(self, out: Path) -> None:
        self.out = out
        for sub in ("events", "documents"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        self._drop_orphans()

    def _drop_orphans(self) -> None:
        kept = {p.name for p in (self.out / "documents").glob("part-*.parquet")}
        for part in (self.out / "events").glob("part-*.parquet"):
            if part.name not in kept:
                part.unlink()
        for partial in (*self.out.glob("*/*.tmp"), *self.out.glob("*/*.partial")):
            partial.unlink()

    def done(self) -> set[str]:
        import pyarrow.parquet as pq

        ids: set[str] = set()
        for part in sorted((self.out / "documents").glob("part-*.parquet")):
            ids.update(str(v) for v in pq.read_table(part, columns=["id"]).column("id").to_pylist())
        return ids

    def write(self, analyses: list[Analysis]) -> tuple[int, int]:
        from ..publish import write_geoparquet

        if not analyses:
            return 0, 0
        ids = sorted(document_key(a.document) for a in analyses)
        name = f"part-{hashlib.sha256(chr(0).join(ids).encode()).hexdigest()[:20]}.parquet"
        events = [e for a in analyses for e in a.events]
        write_geoparquet(events, self.out / "events" / name)  # atomic (a rename)
        self._write_documents(analyses, self.out / "documents" / name)
        return len(analyses), len(events)

    def _write_documents(self, analyses: list[Analysis], path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        docs = [a.document for a in analyses]
        table = pa.table({
            "id": [document_key(d) for d in docs],
            "source": [d.source for d in docs],
            "url": [d.url for d in docs],
            "title": [d.title for d in docs],
            "published": [d.published.isoformat() if d.published else None for d in docs],
            "events": [len(a.events) for a in analyses],
        })  # fmt: skip
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)

    def close(self) -> None:
        return None


def open_sink(db: str | None, out: Path | None) -> Sink:
    """The GeoParquet folder when ``out`` is given, else the store named by ``db``."""
    if out is not None:
        return ParquetSink(out)
    from ..store import open_store

    return StoreSink(open_store(db or "frontlines.sqlite"))
