"""The store contract, run against every backend (see conftest's ``store`` fixture)."""

from __future__ import annotations

import dataclasses

import pytest

from frontlines.errors import StoreError
from frontlines.records import Analysis, Span
from frontlines.store import Store

from .records_factory import make_analysis, make_document, make_event


def test_save_reports_what_was_added(store: Store) -> None:
    result = store.save(make_analysis())
    assert (result.document_id, result.document_new) == ("doc-1", True)
    assert (result.events_added, result.mentions_added) == (2, 2)


def test_saving_the_same_page_twice_adds_nothing(store: Store) -> None:
    store.save(make_analysis())
    again = store.save(make_analysis())
    assert (again.document_new, again.events_added, again.mentions_added) == (False, 0, 0)
    assert store.count_events() == 2
    assert len(store.documents()) == 1
    assert len(store.mentions("doc-1")) == 2


def test_known_document_keeps_its_mentions_but_takes_new_events(store: Store) -> None:
    store.save(make_analysis())
    later = make_analysis(events=[make_event("e1"), make_event("e3")])
    later.mentions = []
    result = store.save(later)
    assert (result.document_new, result.events_added, result.mentions_added) == (False, 1, 0)
    assert len(store.mentions("doc-1")) == 2
    assert {e.event_id for e in store.events()} == {"e1", "e2", "e3"}


def test_document_round_trips_with_comments(store: Store) -> None:
    store.save(make_analysis())
    assert store.document("doc-1") == make_document()
    assert store.documents() == [make_document()]
    assert store.document("missing") is None


def test_mentions_round_trip_in_order(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    got = store.mentions("doc-1")
    assert got == analysis.mentions
    assert got[0].place is not None and got[0].place.population == 44821
    assert got[1].place is None
    assert store.mentions("missing") == []


def test_analysis_round_trips(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    assert store.analysis("doc-1") == analysis
    assert store.analysis("missing") is None


def test_empty_ids_are_filled_from_content(store: Store) -> None:
    doc = make_document(doc_id="")
    event = make_event("", document_id="")
    result = store.save(Analysis(doc, events=[event]))
    assert len(result.document_id) == 64
    [stored] = store.events()
    assert stored.document_id == result.document_id
    assert stored.event_id.startswith("ev-")
    assert store.save(Analysis(make_document(doc_id=""), events=[event])).events_added == 0


def _seed(store: Store) -> None:
    events = [
        make_event("a", event_date="2024-01-10", latitude=36.0, longitude=38.0),
        make_event(
            "b",
            event_date="2024-02-10",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor2="Civilians (Syria)",
            latitude=33.5,
            longitude=36.3,
        ),
        make_event(
            "c",
            event_date="2024-03-10",
            assoc_actor_1="SDF; YPG",
            credibility="low",
            source_part="comment",
            comment_id="c1",
            sources=["https://other.example/b"],
        ),
        make_event("d", event_date="", latitude=None, longitude=None, document_id="doc-2"),
    ]
    store.save(make_analysis(events=events))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["d", "a", "b", "c"]),
        ({"bbox": (35.0, 32.0, 37.0, 34.0)}, ["b"]),
        ({"bbox": (-180.0, -90.0, 180.0, 90.0)}, ["a", "b", "c"]),
        ({"start": "2024-02-01"}, ["b", "c"]),
        ({"end": "2024-02-10"}, ["a", "b"]),
        ({"start": "2024-02-01", "end": "2024-02-28"}, ["b"]),
        ({"event_type": "Battles"}, ["d", "a", "c"]),
        ({"sub_event_type": "Air/drone strike"}, ["b"]),
        ({"actor": "Civilians (Syria)"}, ["b"]),
        ({"actor": "YPG"}, ["c"]),
        ({"actor": "SDF; YPG"}, []),
        ({"source": "https://other.example/b"}, ["c"]),
        ({"source": "Example News"}, ["d", "a", "b", "c"]),
        ({"credibility": "low"}, ["c"]),
        ({"document_id": "doc-2"}, ["d"]),
        ({"event_type": "Battles", "credibility": "high"}, ["d", "a"]),
    ],
)
def test_filters(store: Store, filters: dict[str, object], expected: list[str]) -> None:
    _seed(store)
    assert [e.event_id for e in store.events(**filters)] == expected  # type: ignore[arg-type]
    assert store.count_events(**filters) == len(expected)  # type: ignore[arg-type]


def test_limit_and_offset(store: Store) -> None:
    _seed(store)
    assert [e.event_id for e in store.events(limit=2)] == ["d", "a"]
    assert [e.event_id for e in store.events(limit=2, offset=3)] == ["c"]
    assert store.events(limit=0) == []


@pytest.mark.parametrize(
    "bad",
    [{"start": "yesterday"}, {"bbox": (10.0, 0.0, 0.0, 1.0)}, {"limit": -1}, {"offset": -2}],
)
def test_bad_filters_raise_store_error(store: Store, bad: dict[str, object]) -> None:
    with pytest.raises(StoreError):
        store.events(**bad)  # type: ignore[arg-type]


def test_returned_events_are_copies(store: Store) -> None:
    store.save(make_analysis())
    first = store.events()[0]
    first.warnings.append("changed")
    assert store.events()[0].warnings == []


def test_event_round_trips_exactly(store: Store) -> None:
    event = make_event(
        "x",
        evidence=Span(3, 9, "<script>alert(1)</script> ☢ \u2028"),
        iso=760,
        fatalities=7,
        fatalities_known=True,
        warnings=["date guessed"],
        sources=["a", "b"],
        comment_id=None,
    )
    store.save(make_analysis(events=[event]))
    assert store.events() == [dataclasses.replace(event)]


def test_closed_store_refuses_work(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.events()
    store.close()


def test_backends_satisfy_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_saving_an_undated_page_again_with_its_date_dates_its_events(store: Store) -> None:
    undated = make_analysis(events=[make_event("e1", event_date="", time_precision=3),
                                    make_event("e2", event_date="2024-02-01")])  # fmt: skip
    undated.document.published, undated.document.published_from = None, "unknown"
    store.save(undated)
    dated = make_analysis(events=[make_event("e1", event_date="2024-03-04", time_precision=2),
                                  make_event("e2", event_date="2024-02-01")])  # fmt: skip
    result = store.save(dated)
    assert (result.document_new, result.events_added, result.mentions_added) == (False, 0, 0)
    assert result.events_dated == 1
    by_id = {e.event_id: e for e in store.events()}
    assert (by_id["e1"].event_date, by_id["e1"].time_precision) == ("2024-03-04", 2)
    assert by_id["e2"].event_date == "2024-02-01" and len(by_id) == 2
    [doc] = store.documents()
    assert (doc.published, doc.published_from) == (dated.document.published, "metadata")
    again = store.save(dated)
    assert (again.events_added, again.events_dated) == (0, 0)
