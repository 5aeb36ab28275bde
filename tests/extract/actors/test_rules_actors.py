"""Actor roles on hand-written sentences: territory, national forces, unidentified
perpetrators, passive agents, crowd fights and riot-violence words."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.actors.registry import ActorRegistry, country_info
from frontlines.records import Actor, Event

DAY = dt.date(2022, 5, 9)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def _first(extractor: EventExtractor, text: str) -> Event:
    events = extractor.extract_text(text, DAY)
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Islamic State fighters withdrew from a village in Syria without a fight and the "
            "Syrian army entered it.",
            "Military Forces of Syria (2000-)",
            "Islamic State (Syria)",
        ),
        (
            "Al Shabaab handed the base over to Somali troops in Somalia without resistance.",
            "Military Forces of Somalia (2022-)",
            "Al Shabaab",
        ),
        (
            "The Ukrainian army pulled out of the town and Russian forces deployed there "
            "without a fight, in Ukraine.",
            "Military Forces of Russia (2000-)",
            "Military Forces of Ukraine (2019-)",
        ),
    ],
)
def test_non_violent_transfer_names_the_side_that_gains(
    extractor: EventExtractor, text: str, actor1: str, actor2: str
) -> None:
    event = _first(extractor, text)
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_town_that_fell_to_rebels_is_theirs(extractor: EventExtractor) -> None:
    event = _first(extractor, "An army base in Somalia fell to Al Shabaab militants.")
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 == "Military Forces of Somalia (2022-)"
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_clash_that_ends_in_control_is_territorial(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "M23 rebels clashed with the FARDC near a village in Congo and took control of it.",
    )
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "M23: March 23 Movement"
    assert event.assoc_actor_1 == ""  # "rebels" belongs to the named group


def test_foreign_state_force_overtakes_rather_than_regains(extractor: EventExtractor) -> None:
    event = _first(extractor, "Russian forces captured a village in Ukraine from Ukrainian troops.")
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor2 == "Military Forces of Ukraine (2019-)"


def test_two_demonyms_share_one_force_word(extractor: EventExtractor) -> None:
    event = _first(
        extractor, "Clashes between the Russian and Ukrainian forces took place in Ukraine."
    )
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Military Forces of Ukraine (2019-)"


def test_demonym_before_a_weapon_names_the_force_and_passive_agent_leads(
    extractor: EventExtractor,
) -> None:
    event = _first(extractor, "Ukrainian soldiers were killed by Russian shelling in Ukraine.")
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Military Forces of Ukraine (2019-)"


def test_support_is_not_a_passive_agent(extractor: EventExtractor) -> None:
    event = _first(extractor, "Pakistani troops, backed by police, clashed with TTP militants.")
    assert event.actor1.startswith("Military Forces of Pakistan")


def test_country_convention_for_unidentified_perpetrators() -> None:
    registry = ActorRegistry.default()
    generic = Actor("Unidentified Armed Group ({country})", 3)
    assert registry.for_country(generic, "BR").name == "Unidentified Gang and/or Police Militia"
    assert registry.for_country(generic, "HT").name == "Unidentified Gang (Haiti)"
    assert registry.for_country(generic, "NG").name == "Unidentified Armed Group (Nigeria)"
    info = country_info("Brazil")
    assert info is not None and info.unidentified


def test_unknown_country_leaves_no_dangling_of() -> None:
    registry = ActorRegistry.default()
    army = Actor("Military Forces of {the}{country} ({period})", 1)
    assert registry.for_country(army, "").name == "Military Forces"


def test_gunmen_in_brazil_and_traffickers_in_mexico(extractor: EventExtractor) -> None:
    found = ActorRegistry.default().find("drug traffickers shot a man")
    assert found[0][1].name == "Unidentified Gang ({country})"
    event = _first(extractor, "In Brazil, gunmen shot and killed a man.")
    assert event.actor1 == "Unidentified Gang and/or Police Militia"


def test_party_cadres_clash_is_mob_violence(extractor: EventExtractor) -> None:
    event = _first(extractor, "A clash broke out between cadres of two parties in Nepal.")
    assert event.sub_event_type == "Mob violence"
    assert event.actor1 == "Rioters (Nepal)"


@pytest.mark.parametrize(
    "text",
    [
        "Farmers rallied against a mine they say caused environmental damage.",
        "Activists protested and formed a human barricade at the prison gate.",
        "People held a vigil on the anniversary of the Capitol riot.",
        "Residents protested in front of the town hall; riot police watched.",
    ],
)
def test_words_without_protester_violence_stay_peaceful(text: str) -> None:
    found = classify(text)
    assert found is not None and found.sub_event_type == "Peaceful protest"


def test_protesters_who_damage_property_make_a_violent_demonstration() -> None:
    found = classify("Protesters marched and damaged several shop windows.")
    assert found is not None and found.sub_event_type == "Violent demonstration"


def test_military_sources_are_not_an_actor() -> None:
    found = ActorRegistry.default().find("Military sources said ISIS fighters were killed.")
    assert [actor.name for _, actor in found] == ["Islamic State ({country})"]


def test_russian_air_strikes_name_the_air_force(extractor: EventExtractor) -> None:
    event = _first(extractor, "Russian warplanes carried out an airstrike on a village in Ukraine.")
    assert event.actor1 == "Military Forces of Russia (2000-) Air Force"


def test_first_side_of_fighting_between_two_is_actor1(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "Fighting broke out between around 100 Myanmar military forces and the People's "
        "Defense Force in Myanmar.",
    )
    assert event.actor1 == "Military Forces of Myanmar (2021-)"
    assert event.actor2 == "PDF: People's Defense Force"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IRG forces fired artillery", "Military Forces of Yemen ({period})"),
        ("an attack by CODECO-URDPC fighters", "CODECO-URDPC: "),
        ("military police exchanged fire", "Military Forces of Brazil ({period}) Military Police"),
    ],
)
def test_registry_names(text: str, name: str) -> None:
    found = ActorRegistry.default().find(text)
    assert found and found[0][1].name.startswith(name)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2"),
    [
        (
            "Somali troops along with the African Union [AU] soldiers drove al-Shabaab fighters"
            " out of three villages near Afgooye.",
            "Government regains territory",
            "Military Forces of Somalia (2022-)",
            "Al Shabaab",
        ),
        (
            "Al-Shabaab fighters pushed the Somali army out of two villages near Baidoa.",
            "Non-state actor overtakes territory",
            "Al Shabaab",
            "Military Forces of Somalia (2022-)",
        ),
    ],
)
def test_forcing_the_other_side_out_takes_the_ground(
    extractor: EventExtractor, text: str, sub_event_type: str, actor1: str, actor2: str
) -> None:
    event = _first(extractor, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == (sub_event_type, actor1, actor2)


def test_ground_taken_after_a_withdrawal_told_in_the_next_sentence_is_non_violent(
    extractor: EventExtractor,
) -> None:
    text = (
        "Al Shabaab militants took control of a village near Galkayo in Somalia. "
        "They moved in after the withdrawal of the army units stationed there."
    )
    assert _first(extractor, text).sub_event_type == "Non-violent transfer of territory"
