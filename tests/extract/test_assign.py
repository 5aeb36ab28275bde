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


def _sides(text: str, country: str) -> tuple[str, str]:
    from frontlines.extract.actors.registry import ActorRegistry
    from frontlines.extract.assign import assign
    from frontlines.extract.types.eventtypes import actor_anchor, classify

    found = classify(text)
    assert found is not None, text
    sides = assign(
        ActorRegistry.default(),
        text,
        actor_anchor(found, text),
        found.sub_event_type,
        found.event_type,
        country,
        "2022-05-01",
        None,
    )
    return sides.actor1.name, sides.actor2.name if sides.actor2 else ""


@pytest.mark.parametrize(
    ("text", "country", "actor1", "actor2"),
    [
        (
            "On 3 May 2022, army engineers found and defused a roadside bomb planted by JNIM"
            " militants on the road out of Douentza.",
            "ML",
            "Military Forces of Mali",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "On 3 May 2022, police located two IEDs, laid by Naxal-Maoist rebels (suspected),"
            " in a forest near Sukma and destroyed them.",
            "IN",
            "Police Forces of India",
            "Naxal-Maoist Rebels (India)",
        ),
    ],
)
def test_who_planted_a_defused_device_is_not_actor1(
    text: str, country: str, actor1: str, actor2: str
) -> None:
    first, second = _sides(text, country)
    assert first.startswith(actor1)
    assert second == actor2


def test_a_device_that_went_off_is_its_planters() -> None:
    text = "On 3 May 2022, two soldiers were wounded by a mine planted by NPA fighters in Samar."
    assert _sides(text, "PH")[0] == "NPA: New People's Army"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2022, a suicide bomber from Al Shabaab blew himself up at a cafe in Baidoa.",
        "On 3 May 2022, an IED from Al Shabaab militants went off beside a bus near Afgoye.",
    ],
)
def test_the_group_a_bomber_came_from_is_actor1(text: str) -> None:
    assert _sides(text, "SO")[0] == "Al Shabaab"


def test_a_force_whose_name_holds_the_trigger_word_is_the_subject(
    extractor: EventExtractor,
) -> None:
    text = "On 27 January 2022, artillery units of the Iraq Federal Police shelled IS militants."
    [event] = extractor.extract_text(text, dt.date(2022, 1, 28))
    assert event.actor1.startswith("Police Forces of Iraq")
    assert event.actor2.startswith("Islamic State")


def test_a_decree_of_a_state_naming_no_armed_side_is_its_governments(
    extractor: EventExtractor,
) -> None:
    text = "On 31 May 2022, the government of Kenya extended a dusk-to-dawn curfew in Marsabit."
    event = extractor.extract_text(text, DAY)[0]
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 == "Government of Kenya (2013-)"
    # a patrol nobody names stays an unidentified armed group's
    text = "On 31 May 2022, an armed convoy was seen moving towards Marsabit."
    assert extractor.extract_text(text, DAY)[0].actor1.startswith("Unidentified")


def test_a_force_named_as_lending_support_is_not_actor1(extractor: EventExtractor) -> None:
    text = (
        "On 9 December 2024, with Turkish drone support, SNA factions took control of Manbij"
        " after days of fighting with the Manbij Military Council."
    )
    event = extractor.extract_text(text, dt.date(2024, 12, 9))[0]
    assert event.actor1 == "JWS: Syrian National Army"
    assert event.assoc_actor_1.startswith("Military Forces of Turkey")


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # "the area between X and Y" is a stretch of land, not the two sides
        ("On 20 May 2022, Islamic State militants attacked an army post in the Mutaibija area"
         " between Salahuddin and Diyala, killing two soldiers.",
         "Islamic State (Iraq)", "Military Forces of Iraq (2020-)"),
        # those killed named first, the strike after "when": somebody else struck them
        ("On 20 May 2022, two soldiers were killed when their vehicle hit a roadside bomb near"
         " Tarmiyah.", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2020-)"),
        # the agent named as suspected is the agent
        ("On 20 May 2022, mortar rounds fired by suspected Islamic State militants landed on a"
         " village near Balad Ruz, wounding three children.",
         "Islamic State (Iraq)", "Civilians (Iraq)"),
    ],
)  # fmt: skip
def test_the_sides_of_a_strike_or_an_attack(
    extractor: EventExtractor, text: str, actor1: str, actor2: str
) -> None:
    event = extractor.extract_text(text, DAY)[0]
    assert (event.actor1, event.actor2) == (actor1, actor2)
