"""The API's pages read as dicts straight from the rows are what the Events would give."""

from __future__ import annotations

import json
from pathlib import Path

from frontlines.store import SqliteStore

from .records_factory import make_analysis, make_event


def test_event_dicts_equal_the_events_dicts_in_order(tmp_path: Path) -> None:
    events = [
        make_event("e1"),
        make_event("e2", latitude=None, longitude=None, fatalities=4, fatalities_known=True,
                   source_part="comment", comment_id="c1", credibility="low",
                   warnings=["drawn from a flagged comment (flooding)", "x"],
                   sources=["https://a.example/1", "https://b.example/2"], iso=760),
        make_event("e3", event_date="2024-03-01", location_reason="named in the sentence"),
    ]  # fmt: skip
    with SqliteStore.open(tmp_path / "s.sqlite") as store:
        store.save(make_analysis(events=events))
        for filters in ({}, {"credibility": "low"}, {"include_flagged": False}):
            want = [e.to_dict() for e in store.events(**filters, limit=2, offset=0)]
            got = store.event_dicts(**filters, limit=2, offset=0)
            assert got == want
            assert json.dumps(got) == json.dumps(want)  # the same keys in the same order
