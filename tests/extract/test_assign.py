"""Who comes first in a clash (frontlines.extract.assign): between two named sides, the
side that tried to advance is actor1 and the side that had to retreat is actor2; when two
sides "exchanged fire", the state comes before criminals, but a rebel group that the
sentence makes its subject stays first."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor

DAY = dt.date(2022, 5, 20)
FIRE_DAY = dt.date(2022, 5, 3)
RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 19 May 2022, fighting went on between Ukrainian and Russian troops outside"
            " Bilohorivka while Russian troops tried to advance towards the river.",
            RUSSIA,
            UKRAINE,
        ),
        (
            "On 19 May 2022, Ukrainian troops fought Russian troops at a farm near Izium as"
            " Russian troops unsuccessfully attempted to break through.",
            RUSSIA,
            UKRAINE,
        ),
        (
            "On 19 May 2022, heavy fighting raged between Russian and Ukrainian troops for a"
            " hamlet near Kharkiv, after which Russian troops were forced to retreat.",
            UKRAINE,
            RUSSIA,
        ),
    ],
)
def test_the_side_that_advanced_is_actor1(
    extractor: EventExtractor, text: str, actor1: str, actor2: str
) -> None:
    events = extractor.extract_text(text, DAY)
    assert events, text
    assert events[0].sub_event_type == "Armed clash"
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)


def test_an_unnamed_opponent_is_never_put_first(extractor: EventExtractor) -> None:
    text = (
        "On 19 May 2022, Russian and Ukrainian troops fought for a hamlet near Kharkiv,"
        " after which Russian troops were forced to retreat."
    )
    event = extractor.extract_text(text, DAY)[0]
    assert not event.actor1.startswith("Unidentified")


def test_without_a_mover_the_order_of_the_sentence_stands(extractor: EventExtractor) -> None:
    text = "On 19 May 2022, Ukrainian troops fought Russian troops at a farm near Izium."
    event = extractor.extract_text(text, DAY)[0]
    assert (event.actor1, event.actor2) == (UKRAINE, RUSSIA)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On 2 May 2022, TTP militants exchanged fire with Pakistani troops at a checkpoint"
            " in Bannu district.",
            "TTP: Tehreek-i-Taliban Pakistan",
        ),
        (
            "On 2 May 2022, ELN guerrillas exchanged fire with army troops near a village"
            " in Arauca, Colombia.",
            "ELN: National Liberation Army",
        ),
    ],
)
def test_a_rebel_subject_stays_first(extractor: EventExtractor, text: str, actor1: str) -> None:
    event = extractor.extract_text(text, FIRE_DAY)[0]
    assert event.actor1 == actor1
    assert event.inter2 == 1


def test_criminals_who_exchanged_fire_come_after_the_state(extractor: EventExtractor) -> None:
    text = "On 2 May 2022, gang members exchanged fire with soldiers in Culiacan, Sinaloa, Mexico."
    event = extractor.extract_text(text, FIRE_DAY)[0]
    assert event.actor1.startswith("Military Forces of Mexico")
