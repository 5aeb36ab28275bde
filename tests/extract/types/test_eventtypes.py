"""Sub-event types for monitors' fire counts, exchanges across a front, and crowd violence."""

from __future__ import annotations

import pytest

from frontlines.extract.types.eventtypes import classify, crowd_fight


def _sub(sentence: str) -> str | None:
    found = classify(sentence)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "Monitors logged 42 shots/bursts of fire involving small arms, west of Sosnivka.",
        "The mission observed a total of 7 shots involving small arms close to Vilkhove.",
        "Observers heard 3 bursts of fire near the water station.",
    ],
)
def test_small_arms_fire_counts_are_armed_clashes(sentence: str) -> None:
    assert _sub(sentence) == "Armed clash"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said enemy units fired in the direction of our positions near Dovlet.",
        "Troops fired from their trenches on the ridge towards the positions of the army.",
    ],
)
def test_fire_towards_positions_is_an_armed_clash(sentence: str) -> None:
    assert _sub(sentence) == "Armed clash"


def test_explosions_with_heavy_weapons_stay_shelling() -> None:
    sentence = "Monitors heard 9 explosions/bursts of fire, heavy machineguns involved."
    assert _sub(sentence) == "Shelling/artillery/missile attack"


def test_fire_in_both_directions_of_the_front_is_an_exchange() -> None:
    sentence = (
        "Monitors recorded 12 projectiles/explosions (weapons unknown) in both "
        "directions of the frontline near Sosnivka."
    )
    assert _sub(sentence) == "Armed clash"
    assert _sub("Troops shelled the outskirts of Sosnivka overnight.") == (
        "Shelling/artillery/missile attack"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Five unidentified assailants, suspected to be XYZ party supporters, assaulted a shopkeeper.",
        "A group of assailants beat a polling clerk with sticks outside the booth.",
        "Around 20 ABC backed assailants pelted stones at the house of a councillor.",
    ],
)
def test_a_band_of_assailants_without_guns_is_a_mob(sentence: str) -> None:
    assert _sub(sentence) == "Mob violence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Unidentified assailants shot and killed a trader near the market.",
        "Three assailants killed a teacher in his home.",
        "A group of armed assailants attacked a police post.",
    ],
)
def test_gunmen_and_small_groups_still_attack(sentence: str) -> None:
    assert _sub(sentence) != "Mob violence"


def test_party_members_clashing_are_a_crowd_fight() -> None:
    sentence = "Dozens of members of the Green League and the Farmers Party clashed in the bazaar."
    found = classify(sentence)
    assert found is not None and found.sub_event_type == "Armed clash"
    assert crowd_fight(found, sentence, False)


def test_rival_supporters_fighting_before_a_rally_are_a_mob() -> None:
    sentence = (
        "Supporters of the incumbent county chairman and his deputy clashed with each other "
        "before a campaign rally."
    )
    assert _sub(sentence) == "Mob violence"
    assert _sub("Supporters of the aspirant held a rally in the town square.") == "Peaceful protest"


def test_party_members_who_shoot_still_clash() -> None:
    sentence = (
        "Two men were shot dead in a clash between members of the Hill Front and the Valley League."
    )
    found = classify(sentence)
    assert found is not None and found.sub_event_type == "Armed clash"
    assert not crowd_fight(found, sentence, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Farmers blocked with their tractors km 12 of the R45 highway to demand subsidies.",
        "Pupils occupied the ground floor of their college's building to oppose the reform.",
    ],
)
def test_long_described_blockades_and_occupations_are_protests(sentence: str) -> None:
    assert _sub(sentence) == "Peaceful protest"


@pytest.mark.parametrize(
    "sentence",
    [
        "Enemy air forces bombed a bridge outside Dovlet.",
        "The airforce fired at a column on the northern road.",
        "Helicopter fire razed two barns near the ridge.",
    ],
)
def test_an_air_arm_bombing_or_firing_is_an_air_strike(sentence: str) -> None:
    assert _sub(sentence) == "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops retook three hamlets near the town that was the scene of a sarin attack.",
        "The army recaptured two villages close to the city hit by the 2013 gas attack.",
    ],
)
def test_a_past_weapon_attack_describing_the_place_is_not_the_event(sentence: str) -> None:
    assert _sub(sentence) == "Government regains territory"


def test_a_weapon_attack_of_the_day_is_still_the_event() -> None:
    assert _sub("On 3 May 2019, a chemical attack hit the village.") == "Chemical weapon"


@pytest.mark.parametrize(
    "sentence",
    [
        "Border guards intercepted 12 suspected members of a banned group near the river.",
        "The gendarmerie has jailed more than 30 militants accused of plotting attacks.",
    ],
)
def test_counted_people_jailed_or_intercepted_are_arrests(sentence: str) -> None:
    assert _sub(sentence) == "Arrests"


@pytest.mark.parametrize(
    "sentence",
    [
        "A court jailed the former mayor for six years.",
        "The judge jailed three men for 12 years for tax fraud.",
    ],
)
def test_a_sentence_of_prison_is_no_arrest(sentence: str) -> None:
    assert _sub(sentence) is None


def test_people_intercepted_on_a_road_are_not_arrested() -> None:
    assert _sub("Gunmen intercepted eight women on the road to the market.") != "Arrests"
