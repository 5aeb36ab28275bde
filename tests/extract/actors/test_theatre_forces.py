"""Forces as the theatre's reports name them (frontlines.extract.actors.registry and
assign): the government's own words for its forces, a country acting, attribution tails,
claims of responsibility, and the coalition umbrella's mandate."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.claims import claimant
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.actors.sides import Sides
from frontlines.extract.assign import under_umbrella
from frontlines.records import Actor, Mention, Place


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _names(registry: ActorRegistry, text: str, country: str) -> list[str]:
    return [registry.for_country(a, country, "2023-06-01").name for _, a in registry.find(text)]


@pytest.mark.parametrize(
    "text", ["Regime artillery shelled Ariha.", "Government jets struck the town.",
             "The regime shelled Ariha."],
)  # fmt: skip
def test_the_governments_own_word_before_a_force_names_the_countrys_military(
    registry: ActorRegistry, text: str
) -> None:
    assert _names(registry, text, "SY")[0].startswith("Military Forces of Syria")


def test_the_regime_as_a_possession_or_a_protests_target_is_no_actor(
    registry: ActorRegistry,
) -> None:
    assert _names(registry, "People protested against the regime.", "SY")[-1] != (
        "Military Forces of Syria (2000-)"
    )
    found = _names(registry, "The regime's 4th Armored Division advanced.", "SY")
    assert found == ["Military Forces of Syria (2000-) 4th Armored Division"]


def test_a_country_named_as_a_strikes_subject_is_its_military(registry: ActorRegistry) -> None:
    assert _names(registry, "Iran fired missiles at the base.", "IQ") == [
        "Military Forces of Iran (1989-)"
    ]


def test_a_force_named_like_another_countrys_is_the_named_countrys_military(
    registry: ActorRegistry,
) -> None:
    found = _names(registry, "Russian military police patrolled Qamishli.", "SY")
    assert found == ["Military Forces of Russia (2000-)"]


def test_the_source_of_a_closing_attribution_is_no_side(registry: ActorRegistry) -> None:
    text = "A drone hit a wedding in Homs, killing 9 people, the Syrian government said."
    assert not any(n.startswith("Military Forces of Syria") for n in _names(registry, text, "SY"))


def test_a_claim_names_the_group_that_claimed(registry: ActorRegistry) -> None:
    found = claimant(registry, "IS claimed the attack.", "IQ", "2023-06-01")
    assert found is not None and found.name == "Islamic State (Iraq)"
    assert claimant(registry, "IS fighters attacked the post.", "IQ", "2023-06-01") is None


def test_a_claim_moves_the_claimant_into_the_event_it_claims() -> None:
    text = "Two suicide bombers blew themselves up in a market, killing 32 people. IS claimed the attack."
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1))
    assert len(events) == 1
    assert events[0].actor1.startswith("Islamic State")


US = Actor("Military Forces of the United States (2021-)", 1, "US")


def test_the_coalition_covers_us_forces_only_against_its_adversary() -> None:
    militia = Actor("Kataib Hezbollah", 3, "IQ")
    isis = Actor("Islamic State (Iraq)", 2)
    assert under_umbrella(Sides(US, actor2=militia), "IQ").actor1 == US
    assert (
        under_umbrella(Sides(US, actor2=isis), "IQ").actor1.name == "Global Coalition Against Daesh"
    )
    assert under_umbrella(Sides(US), "SY").actor1.name == "Global Coalition Against Daesh"


def test_us_forces_acted_upon_stay_under_the_coalition() -> None:
    army = Actor("Military Forces of Syria (2000-)", 1, "SY")
    sides = under_umbrella(Sides(army, actor2=US), "SY")
    assert sides.actor2 is not None and sides.actor2.name == "Global Coalition Against Daesh"


def _first(text: str) -> Any:
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1))
    assert events
    return events[0]


def test_forces_killed_in_a_drone_strike_are_its_victims_not_its_striker() -> None:
    # an unclaimed drone attack on a state's forces is an armed group's (see below)
    event = _first("Three Iraqi soldiers were killed in a drone attack on an outpost.")
    assert event.actor1 == "Unidentified Armed Group (Iraq)"
    assert event.actor2.startswith("Military Forces of Iraq")
    air = _first("Three Iraqi soldiers were killed in an air strike on an outpost.")
    assert air.actor1 == "Unidentified Military Forces"


def test_blame_in_the_same_sentence_names_the_attacker() -> None:
    event = _first(
        "Artillery fire hit a resort in Zakho, killing nine civilians; Baghdad blamed Turkey."
    )
    assert event.actor1 == "Military Forces of Turkey (2016-)"


def test_a_force_a_drone_strike_fell_on_is_its_target() -> None:
    event = _first("A drone attack hit the Turkish military base at Bashiqa, killing a soldier.")
    assert event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2.startswith("Military Forces of Turkey")
    assert _first("Airstrikes by the Nigerian Air Force killed 20 militants.").actor1.startswith(
        "Military Forces of Nigeria"
    )


def test_a_claim_that_tells_an_event_of_its_own_keeps_it() -> None:
    text = (
        "Regime forces shelled Ariha. HTS claimed responsibility for an attack on a regime post "
        "in Kafr Nabl, killing three soldiers."
    )
    mentions = [Mention("Ariha", 22, 27, place=ARIHA), Mention("Kafr Nabl", 108, 117, place=NABL)]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert [e.actor1 for e in events][-1].startswith("HTS")
    assert len(events) == 2


ARIHA = Place("t:1", "Ariha", 35.81, 36.61, "P.PPL", "SY", "12", population=40_000)
NABL = Place("t:2", "Kafr Nabl", 35.61, 36.56, "P.PPL", "SY", "12", population=15_000)


def test_the_force_holding_the_strike_acted_and_those_killed_before_it_were_hit() -> None:
    event = _first("A Revolutionary Guards adviser was killed in an Israeli air strike.")
    assert event.actor1.startswith("Military Forces of Israel")
    raid = _first("Four Islamic State militants were killed when the SDF raided their hideout.")
    assert raid.actor1 == "QSD: Syrian Democratic Forces"


def test_a_nationality_ends_a_chain_of_units() -> None:
    from frontlines.extract.places.admin_chains import find_chains

    assert find_chains("killed south of Damascus, Iranian media said.") == []


def test_the_owner_of_what_an_attack_struck_is_not_its_agent() -> None:
    event = _first(
        "An IED exploded targeting a logistics convoy contracted by the International Coalition "
        "on a highway in Iraq."
    )
    assert event.actor1 == "Unidentified Armed Group (Iraq)"
    assert event.actor2 == "Global Coalition Against Daesh"


def test_a_drone_made_into_a_bomb_is_an_armed_groups_weapon() -> None:
    event = _first("An explosive-laden drone struck a hangar used by Coalition forces in Iraq.")
    assert event.actor1 == "Unidentified Armed Group (Iraq)"


def test_a_people_before_tribal_fighters_is_not_the_tribes_name() -> None:
    event = _first("Arab tribal fighters clashed with the SDF in a town of Syria, leaving 9 dead.")
    assert event.actor1 == "Unidentified Tribal Militia (Syria)"


def test_an_ambush_on_a_civilian_is_an_attack_on_civilians() -> None:
    event = _first("Gunmen killed a tribal sheikh in an ambush on his car in Syria.")
    assert event.sub_event_type == "Attack"
    assert _first("IS militants killed three soldiers in an ambush in Syria.").sub_event_type == (
        "Armed clash"
    )


def test_a_group_named_the_arabic_way_by_its_kind_keeps_its_name() -> None:
    event = _first("Jaish al-Izza fighters clashed with regime forces in Syria.")
    assert event.actor1 == "Jaish al Izza"


def test_gunmen_from_a_named_group_are_that_group() -> None:
    event = _first("Gunmen from the Popular Mobilisation Forces killed eight villagers in Iraq.")
    assert event.actor1.endswith("Popular Mobilization Forces")
    assert _first("Gunmen killed two farmers in Iraq.").actor1 == "Unidentified Armed Group (Iraq)"


def test_the_force_holding_the_place_of_a_bombing_is_not_its_bomber() -> None:
    event = _first(
        "Five people were killed when a car bomb went off in a town of Syria held by "
        "Turkish-backed rebels."
    )
    assert event.actor1 == "Unidentified Armed Group (Syria)"


def test_an_unclaimed_drone_strike_on_an_armed_group_is_a_states() -> None:
    event = _first("An armed drone of unknown origin struck Al Shabaab positions in Somalia.")
    assert event.actor1 == "Unidentified Military Forces"


def test_a_blame_naming_two_countries_moves_into_the_event_it_blames() -> None:
    # the countries are the blamer and the blamed, not a place of an event of its own
    text = "Artillery shells hit a resort in Zakho, killing 9 tourists. Iraq blamed Turkey."
    iraq = Place("t:3", "Iraq", 33.0, 44.0, "A.PCLI", "IQ", population=40_000_000)
    turkey = Place("t:4", "Turkey", 39.0, 35.0, "A.PCLI", "TR", population=80_000_000)
    zakho = Place("t:5", "Zakho", 37.14, 42.68, "P.PPL", "IQ", "03", population=95_000)
    mentions = [
        Mention(name, text.index(name), text.index(name) + len(name), place=place)
        for name, place in (("Zakho", zakho), ("Iraq", iraq), ("Turkey", turkey))
    ]
    events = EventExtractor().extract_text(text, dt.date(2022, 7, 20), mentions=mentions)
    assert len(events) == 1 and events[0].actor1 == "Military Forces of Turkey (2016-)"


def test_the_same_words_name_each_countrys_own_coalition(registry: ActorRegistry) -> None:
    [(_, actor)] = registry.find("Coalition warplanes struck the town.")
    assert registry.for_country(actor, "SY").name == "Global Coalition Against Daesh"
    assert registry.for_country(actor, "IQ").name == "Global Coalition Against Daesh"
    assert registry.for_country(actor, "YE").name == "Operation Restoring Hope"
    [(_, strikes)] = registry.find("Coalition airstrikes hit a market.")
    assert registry.for_country(strikes, "YE").name == "Operation Restoring Hope"


def test_each_nationality_of_a_list_names_its_force(registry: ActorRegistry) -> None:
    text = "US, British and French forces fired missiles at a research centre."
    assert _names(registry, text, "SY")[:3] == [
        "Military Forces of the United States (2021-)",
        "Military Forces of the United Kingdom (2010-)",
        "Military Forces of France (2017-)",
    ]


def test_two_forces_named_together_as_a_clashs_subject_fought_each_other() -> None:
    event = _first("SNA factions and SDF fighters clashed near the town.")
    assert event.actor1 == "JWS: Syrian National Army"
    assert event.actor2 == "QSD: Syrian Democratic Forces" and event.assoc_actor_1 == ""
    joint = _first("SDF and coalition forces clashed with IS militants near the town.")
    assert joint.actor2 == "Islamic State (Syria)"


def test_us_backed_syrian_fighters_are_the_sdf(registry: ActorRegistry) -> None:
    assert _names(registry, "U.S.-backed Syrian fighters seized the field.", "SY")[0] == (
        "QSD: Syrian Democratic Forces"
    )


def test_clashes_between_two_sides_named_after_the_verb_name_both() -> None:
    event = _first("Clashes erupted in the countryside between HTS and regime forces.")
    assert event.actor1.startswith("HTS") and event.actor2.startswith("Military Forces of Syria")


def test_a_side_suspected_of_the_strikes_in_the_next_sentence_is_their_striker() -> None:
    text = (
        "Missiles struck regime positions near the town, killing 26 fighters. "
        "Israel was suspected of carrying out the strikes."
    )
    events = EventExtractor().extract_text(text, dt.date(2018, 4, 29))
    assert len(events) == 1 and events[0].actor1.startswith("Military Forces of Israel")
