"""Actors named from the text: communal militias, local PDF branches, 'coded as' notes,
forces named for one country, and the round-2 registry entries."""

from __future__ import annotations

import pytest

from frontlines.extract.actors.militias import named_militias
from frontlines.extract.actors.registry import ActorRegistry


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _names(registry: ActorRegistry, text: str, country: str = "") -> list[str]:
    hits = registry.find(text)
    return [registry.for_country(actor, country, "2022-03-01").name for _, actor in hits]


def test_state_militia_is_a_communal_militia(registry: ActorRegistry) -> None:
    names = _names(registry, "Yesterday Sokoto militiamen raided two hamlets at dawn.", "NG")
    assert names[0] == "Sokoto Communal Militia (Nigeria)"


def test_country_named_state_still_counts() -> None:
    hits = named_militias("A large Niger militia stormed the market of a farming town.")
    assert [actor.name for _, actor in hits] == ["Niger Communal Militia ({country})"]


def test_region_militia_is_a_communal_militia() -> None:
    hits = named_militias("Kordofan communal militia members seized a herd of cattle.")
    assert hits and hits[0][1].name.startswith("Kordofan Communal Militia")


def test_ordinary_words_before_militia_name_nothing() -> None:
    assert named_militias("The Local militia and a Joint militia patrolled the road.") == []
    assert named_militias("Volunteers said the Harbour militia was disbanded.") == []


def test_local_pdf_branch_takes_its_town() -> None:
    hits = named_militias("On the road out of town the Kani PDF ambushed a convoy.")
    assert [actor.name for _, actor in hits] == ["People's Defense Force - Kani"]
    hits = named_militias("Fighters of People's Defense Force - Monywa burned a post.")
    assert hits[0][1].name == "People's Defense Force - Monywa"


def test_coded_as_replaces_the_generic_actor(registry: ActorRegistry) -> None:
    text = "Unknown gunmen (coded as Kashmir Rebels) threw a grenade at a bank guard."
    assert _names(registry, text, "IN")[0] == "Kashmir Rebels (India)"
    text = "Armed riders (assumed to be Darfur communal militia) stole goats near a well."
    assert _names(registry, text, "SD")[0] == "Darfur Communal Militia (Sudan)"


def test_generic_actor_stays_without_a_coding_note(registry: ActorRegistry) -> None:
    text = "Gunmen killed a trader; later the Kashmir Rebels denied any role."
    assert _names(registry, text, "IN")[0] == "Unidentified Armed Group (India)"


def test_gendarmerie_is_turkish_in_turkey_and_police_elsewhere(registry: ActorRegistry) -> None:
    text = "Gendarmerie forces detained eleven people at a checkpoint."
    assert _names(registry, text, "TR")[0] == "Military Forces of Turkey (2016-) Gendarmerie"
    assert _names(registry, text, "FR")[0].startswith("Police Forces of France")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IS Sahel fighters torched a granary.", "Islamic State (Sahel)"),
        (
            "Suspected Boko Haram raiders took six farmers.",
            "Islamic State (West Africa) - Lake Chad Faction and/or Boko Haram"
            " - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        ),
        ("OLA fighters blocked a highway.", "OLF: Oromo Liberation Front (Shane Splinter Faction)"),
        ("Imbonerakure youths beat a shopkeeper.", "CNDD-FDD-Imbonerakure: National Council"
         " for the Defence of Democracy (Imbonerakure Faction)"),
        ("The KNLA overran a hilltop camp.", "KNU/KNLA: Karen National Union/Karen National"
         " Liberation Army"),
        ("Red Command traffickers fired at a patrol.", "CV: Red Command"),
    ],
)  # fmt: skip
def test_new_registry_entries(registry: ActorRegistry, text: str, expected: str) -> None:
    assert _names(registry, text)[0] == expected


def test_islamist_militia_takes_the_event_country(registry: ActorRegistry) -> None:
    text = "An Islamist militia burned a clinic outside the port."
    assert _names(registry, text, "MZ")[0] == "Islamist Militia (Mozambique)"
