"""Round 4 actor rules on hand-written sentences."""

from __future__ import annotations

import datetime as dt

from frontlines.extract import EventExtractor
from frontlines.records import Event

DAY = dt.date(2022, 5, 9)


def _first(text: str) -> Event:
    events = EventExtractor().extract_text(text, DAY)
    assert events, text
    return events[0]


def test_unnamed_air_raid_in_yemen_is_the_coalition() -> None:
    event = _first("Unnamed aircraft carried out three air raids on farms near Saada, Yemen.")
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 == "Operation Restoring Hope"


def test_unnamed_air_raid_elsewhere_stays_unidentified() -> None:
    event = _first("Unknown aircraft carried out an air raid on a market near Gao, Mali.")
    assert event.actor1 == "Unidentified Military Forces"


def test_plainly_told_arson_is_an_event() -> None:
    event = _first("Soldiers set fire to forty houses in a village near Monywa, Myanmar.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "Military Forces of Myanmar (2021-)"
