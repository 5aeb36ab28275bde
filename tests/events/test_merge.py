"""Cross-source merging."""

from __future__ import annotations

from frontlines.events import merge_events
from frontlines.events.merge import merge_with_members, split_merged
from frontlines.records import Event, Span


def _event(
    doc: str, url: str, lat: float, date: str = "2022-03-01", sub: str = "Armed clash"
) -> Event:
    return Event("Battles", sub, "Military Forces of Ukraine (2019-)", Span(0, 5, "x"), event_date=date,
                 time_precision=1, actor2="Military Forces of Russia (2000-)", latitude=lat, longitude=36.2,
                 document_id=doc, source_url=url, event_id=f"id-{doc}")  # fmt: skip


def test_same_clash_from_two_pages_is_one_event_with_two_sources() -> None:
    merged = merge_events([_event("a", "http://a", 49.99), _event("b", "http://b", 50.0)])
    assert len(merged) == 1
    assert merged[0].sources == ["http://a", "http://b"]


def test_far_apart_or_different_dates_stay_apart() -> None:
    assert len(merge_events([_event("a", "http://a", 49.0), _event("b", "http://b", 50.0)])) == 2
    assert len(merge_events([_event("a", "u", 50.0), _event("b", "v", 50.0, "2022-03-05")])) == 2


def test_members_undo_the_merge() -> None:
    events = [_event("a", "http://a", 49.99), _event("b", "http://b", 50.0)]
    merged, members = merge_with_members(events)
    assert [e.document_id for e in split_merged(merged[0], members)] == ["a", "b"]
