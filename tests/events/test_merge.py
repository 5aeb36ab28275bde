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


# -- the indexed grouping gives the same groups as comparing every pair ------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from frontlines.events.merge import same_event  # noqa: E402


def _pairwise_groups(events: list[Event]) -> list[list[str]]:
    """The plain O(n^2) grouping the index must reproduce (same order, per event type)."""
    ranks = {"high": 0, "medium": 1, "low": 2}
    ordered = sorted(
        events, key=lambda e: (ranks.get(e.credibility, 3), e.time_precision, e.geo_precision)
    )
    groups: list[list[Event]] = []
    for event in ordered:
        for group in groups:
            if group[0].event_type == event.event_type and same_event(group[0], event):
                group.append(event)
                break
        else:
            groups.append([event])
    return [[e.event_id for e in g] for g in groups]


def _make_event(
    n: int, lat: float, lon: float, day: int, prec: int, sub: int, place: int, located: bool
) -> Event:
    return Event(
        "Battles" if sub < 2 else "Riots",
        ("Armed clash", "Attack", "Mob violence")[sub],
        "A" if n % 3 else "Unidentified Armed Group (Chad)",
        Span(0, 1, "x"),
        event_date=f"2022-03-{day:02d}" if day else "",
        time_precision=prec,
        latitude=lat if located else None,
        longitude=lon if located else None,
        place_id=f"p{place}" if place else "",
        document_id=f"d{n % 7}",
        event_id=f"e{n}",
    )


_random_event = st.builds(
    _make_event,
    st.integers(0, 10_000),
    st.sampled_from([0.0, 0.05, 0.09, 0.2, 79.95, 80.01, 84.95, 89.99, -45.0]),
    st.sampled_from([0.0, 0.1, 179.95, -179.95, 36.0, 36.12]),
    st.integers(0, 31),
    st.integers(1, 3),
    st.integers(0, 2),
    st.integers(0, 3),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_random_event, max_size=25, unique_by=lambda e: e.event_id))
def test_indexed_grouping_equals_pairwise(events: list[Event]) -> None:
    _, members = merge_with_members(events)
    indexed = [[e.event_id for e in g] for g in members.values()]
    assert sorted(indexed) == sorted(_pairwise_groups(events))


def test_merging_many_events_is_fast_enough_to_finish() -> None:
    events = [
        _event(f"d{i}", f"http://x/{i}", 30 + (i % 400) * 0.1, f"2022-03-{1 + i % 28:02d}")
        for i in range(20_000)
    ]
    merged = merge_events(events)
    assert 0 < len(merged) < len(events)
