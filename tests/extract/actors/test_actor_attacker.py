"""The side that attacked is actor1 when the sentence's subject only fended it off."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor

DAY = dt.date(2022, 5, 9)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "In Yemen, Giants Brigade units repelled an assault and fought Houthi forces near"
            " a hill road in Shabwah.",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            "Giants Brigade",
        ),
        (
            "In Ukraine, Russian troops tried to storm a hamlet near Izium but were repelled by"
            " Ukrainian troops.",
            "Military Forces of Russia (2000-)",
            "Military Forces of Ukraine (2019-)",
        ),
    ],
)
def test_attacker_is_actor1(extractor: EventExtractor, text: str, actor1: str, actor2: str) -> None:
    events = extractor.extract_text(text, DAY)
    assert events, text
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)


def test_plain_attack_keeps_its_subject(extractor: EventExtractor) -> None:
    text = "In Yemen, Giants Brigade units attacked Houthi forces near a hill road in Shabwah."
    events = extractor.extract_text(text, DAY)
    assert events[0].actor1 == "Giants Brigade"
