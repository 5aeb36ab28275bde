"""Combatant victims, explosive and protest wordings, backdrops, countries and precision,
on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.actors.victims import armed_victim
from frontlines.extract.attributes.modality import modality
from frontlines.extract.places.location import choose_location, wording_precision
from frontlines.records import Mention, Place

DAY = dt.date(2021, 5, 9)


def _sub(text: str, context: str = "") -> str | None:
    found = classify(text, context)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two soldiers at a checkpoint outside the town.",
        "A soldier from the national army was killed by suspected militants in the north.",
        "Assailants shot and wounded three members of a local self-defence group.",
        "Two militants were shot dead by the police during a raid.",
        "Masked men opened fire on a police patrol on the highway.",
        "A man was shot dead in a bar; police said the victim was involved in drug trafficking.",
    ],
)
def test_combatant_victims_make_an_armed_clash(text: str) -> None:
    first, _, rest = text.partition(". ")
    assert _sub(first, text if rest else "") == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Two armed men shot and killed an off-duty police officer at a shop.",
        "A former soldier was killed by gunmen near his home.",
        "Gunmen killed a police officer [assumed off duty] at a market.",
        "Two farmers were killed by militants in their field.",
        "A civilian was killed by rebel fighters on the road.",
    ],
)
def test_civilian_victims_stay_an_attack(text: str) -> None:
    assert _sub(text) == "Attack"
    assert armed_victim(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels carried out a mine attack on an army truck.", "Remote explosive/landmine/IED"),
        ("Fighters attacked a convoy with remote-controlled explosives.", "Remote explosive/landmine/IED"),
        ("Two boys were hurt when unexploded ordnance went off in a field.", "Remote explosive/landmine/IED"),
        ("Separatists fired grenade launchers at army positions near the village.", "Shelling/artillery/missile attack"),
        ("Monitors recorded a total of 5 explosions near the front line.", "Shelling/artillery/missile attack"),
        ("The army fired over 20 artilleries towards three villages.", "Shelling/artillery/missile attack"),
        ("Troops fired artillery and small arms at rebel positions.", "Armed clash"),
        ("A man threw a grenade into a bar.", "Grenade"),
    ],
)  # fmt: skip
def test_explosive_wordings(text: str, expected: str) -> None:
    assert _sub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Over 2,000 nurses demonstrate against the closure of a ward.",
        "Teachers occupied a high school to denounce an exam reform.",
        "Taxi drivers blocked (means unspecified) the main road again on Monday.",
        "Lorry drivers blocked with their trucks the coastal highway over fuel prices.",
        "Residents cut the road leading to the port over power cuts.",
        "Around 300 people took part in a pride march in the old town.",
        "Climate activists chained themselves to the gates of a bank.",
        "Supporters of the jailed mayor demanded his release in the capital.",
        "A youth group held its weekly climate strike by the parliament.",
    ],
)
def test_more_protest_wordings(text: str) -> None:
    assert _sub(text) == "Peaceful protest"


def test_quoted_no_is_not_a_negation() -> None:
    text = "People, including 'No Pass' supporters, took to the streets in the city."
    found = classify(text)
    assert found is not None
    assert modality(text, found.trigger.start) == "asserted"
    assert modality("There was no protest in the city.", 13) == "irrealis"


def test_backdrop_clashes_are_not_the_main_event() -> None:
    assert _sub("Following clashes, rebels captured the town.") == "Government regains territory"
    assert _sub("Rebels and troops clashed before rebels captured the town.") == "Armed clash"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def test_repulsed_by_does_not_make_the_defender_actor1(extractor: EventExtractor) -> None:
    text = (
        "On 2 May 2021, Syrian troops launched an offensive on the hill but were repulsed by HTS."
    )
    [event, *_] = extractor.extract_text(text, DAY)
    assert event.actor1.startswith("Military Forces of Syria")
    assert event.actor2 == "HTS: Hayat Tahrir al Sham"
    passive = extractor.extract_text("On 2 May 2021, a soldier was killed by ISIS.", DAY)
    assert passive[0].actor1.startswith("Islamic State")


def test_country_named_in_the_note_fills_protesters(extractor: EventExtractor) -> None:
    text = "On 2 May 2021, French farmers demonstrated outside a prefecture."
    [event] = extractor.extract_text(text, DAY)
    assert event.actor1 == "Protesters (France)"
    registry = ActorRegistry.default()
    assert registry.country_in("Talks in Kenya; Kenyan and Ugandan envoys met.") == "KE"
    assert registry.country_in("Nothing here names a state.") == ""


def _mention(text: str, start: int, place: Place | None) -> Mention:
    return Mention(text=text, start=start, end=start + len(text), kind="toponym", place=place)


def test_precision_follows_the_preposition_before_the_place() -> None:
    town = Place(id="t1", name="Oldtown", lat=1.0, lon=2.0, feature="P.PPL", country="KE")
    near = "Gunmen attacked a bus near Oldtown."
    inside = "Workers protested outside a factory in Oldtown."
    for text, expected in ((near, 2), (inside, 1)):
        mention = _mention("Oldtown", text.index("Oldtown"), town)
        chosen = choose_location(text, [mention], 0, len(text), 0, (0, len(text)))
        assert chosen is not None
        assert chosen.precision == expected


def test_unresolved_place_gets_precision_from_wording() -> None:
    text = "Gunmen attacked a bus on the outskirts of Nowhereville."
    mention = _mention("Nowhereville", text.index("Nowhereville"), None)
    assert wording_precision(text, [mention], 0, len(text)) == 2
    plain = "Gunmen attacked a bus in Nowhereville."
    mention = _mention("Nowhereville", plain.index("Nowhereville"), None)
    assert wording_precision(plain, [mention], 0, len(plain)) == 1
    assert wording_precision("Gunmen attacked a bus.", [], 0, 22) == 3
