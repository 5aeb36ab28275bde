"""PeriodCache: control periods are recomputed only for what changed in the store."""

from __future__ import annotations

import datetime as dt

from frontlines.control import PeriodCache, control_at, store_periods
from frontlines.records import Analysis, Document, Event, Mention, Place, Span
from frontlines.store import MemoryStore


class CountingStore(MemoryStore):
    """A memory store that counts how often an analysis is read."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: list[str] = []

    def analysis(self, document_id: str) -> Analysis | None:
        self.reads.append(document_id)
        return super().analysis(document_id)


def _save(store: MemoryStore, doc_id: str, town: str, lat: float, actor: str, day: str) -> None:
    place = Place(f"p:{town}", town, lat, 38.0, "P.PPL", "SY")
    text = f"The group took {town} today."
    event = Event(
        "Strategic developments", "Non-state actor overtakes territory", actor,
        Span(0, len(text), text), event_date=day, location=town, latitude=lat, longitude=38.0,
        place_id=place.id, geo_precision=1,
    )  # fmt: skip
    doc = Document(doc_id, f"{doc_id}.txt", "t", text, published=dt.date.fromisoformat(day))
    store.save(Analysis(doc, [Mention(town, 15, 15 + len(town), place=place)], [event]))


def test_second_request_reads_no_analysis_again() -> None:
    store, cache = CountingStore(), PeriodCache()
    _save(store, "d1", "Alpha", 34.0, "Islamic State (Syria)", "2018-02-01")
    first = store_periods(store, cache=cache)
    assert store.reads == ["d1"]
    again = store_periods(store, cache=cache)
    assert store.reads == ["d1"]
    assert [p.to_dict() for p in again] == [p.to_dict() for p in first]


def test_a_new_document_is_read_alone_and_shows_up() -> None:
    store, cache = CountingStore(), PeriodCache()
    _save(store, "d1", "Alpha", 34.0, "Islamic State (Syria)", "2018-02-01")
    assert len(control_at(store, "2018-03-01", cache=cache)) == 1
    _save(store, "d2", "Beta", 35.0, "Islamic State (Syria)", "2018-02-10")
    rows = control_at(store, "2018-03-01", cache=cache)
    assert store.reads == ["d1", "d2"]
    assert sorted(r["place_name"] for r in rows) == ["Alpha", "Beta"]
    assert rows == control_at(store, "2018-03-01")  # same answer as without a cache


def test_clear_forgets_everything() -> None:
    store, cache = CountingStore(), PeriodCache()
    _save(store, "d1", "Alpha", 34.0, "Islamic State (Syria)", "2018-02-01")
    store_periods(store, cache=cache)
    cache.clear()
    store_periods(store, cache=cache)
    assert store.reads == ["d1", "d1"]
