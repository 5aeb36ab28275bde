"""Armed groups named in a note but absent from the registry (named_groups.py), and how
the registry lets them through (ActorRegistry.find)."""

from __future__ import annotations

import pytest

from frontlines.extract.actors.named_groups import named_groups
from frontlines.extract.actors.registry import ActorRegistry


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _names(registry: ActorRegistry, text: str) -> list[str]:
    return [actor.name for _, actor in registry.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bracketed acronym that spells the name prefixes it.
        (
            "Fighters of the Orvel Hills Liberation Front (OHLF) ambushed a patrol.",
            "OHLF: Orvel Hills Liberation Front",
        ),
        # Letters in another order: a name translated from Spanish.
        (
            "The Quintral Territorial Resistance Organization (ORTQ) burned two trucks.",
            "ORTQ: Quintral Territorial Resistance Organization",
        ),
        # No acronym: the name as written, "gang" capitalised.
        ("Members of Los Zorzales gang shot a trader.", "Los Zorzales Gang"),
        ("The Brisk Falcon Brigade raided a depot.", "Brisk Falcon Brigade"),
        ("Kestrel Boys attacked traders at a market.", "Kestrel Boys"),
        ("The Tolmar Valley Guerrilla Force fired on troops.", "Tolmar Valley Guerrilla Force"),
        ("the Varno Special Task Force threw a grenade", "Varno Special Task Force"),
        # A branch with a name of its own keeps it.
        ("A Grey Heron PDF unit mined the road.", "Grey Heron PDF"),
    ],
)
def test_unlisted_group_is_named_as_acled_does(
    registry: ActorRegistry, text: str, expected: str
) -> None:
    assert expected in _names(registry, text)


def test_town_branch_keeps_its_unit(registry: ActorRegistry) -> None:
    text = "Troops clashed with the People's Defense Force - Dorva township near a bridge."
    assert "People's Defense Force - Dorva Township" in _names(registry, text)
    assert _names(registry, "The Dorva District PDF attacked a camp.")[0] == (
        "People's Defense Force - Dorva District"
    )
    # A town alone is still the registry's town branch.
    assert _names(registry, "The Dorva PDF attacked a camp.")[0] == (
        "People's Defense Force - Dorva"
    )


def test_two_groups_joined_by_and_are_two(registry: ActorRegistry) -> None:
    names = _names(registry, "Kestrel Boys and Heronsgate Boys fought for two days.")
    assert names[:2] == ["Kestrel Boys", "Heronsgate Boys"]


def test_and_inside_a_name_after_for(registry: ActorRegistry) -> None:
    text = "Militants of the Union of Forces for Peace and Renewal (UFPR) laid down arms."
    assert "UFPR: Union of Forces for Peace and Renewal" in _names(registry, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Suspected Ombari ethnic militiamen attacked herders.",
            "Ombari Ethnic Militia ({country})",
        ),
        (
            "Members of the Warsame clan militia set up a checkpoint.",
            "Warsame Clan Militia ({country})",
        ),
        (
            "Ali-Dheere Omar sub-clan militia shot two men.",
            "Ali-Dheere Omar Sub-Clan Militia ({country})",
        ),
        ("Pehuen indigenous militiamen burned machines.", "Pehuen Indigenous Militia ({country})"),
    ],
)
def test_identity_militias(registry: ActorRegistry, text: str, expected: str) -> None:
    found = [a for _, a in registry.find(text) if a.name == expected]
    assert found and found[0].inter == 4


def test_identity_militia_takes_the_event_country(registry: ActorRegistry) -> None:
    actor = next(a for _, a in registry.find("Ombari ethnic militia attacked herders."))
    assert registry.for_country(actor, "KE").name == "Ombari Ethnic Militia (Kenya)"


def test_katiba(registry: ActorRegistry) -> None:
    names = _names(registry, "Katiba Dunar (JNIM) militants killed two herders.")
    assert names[0] == "Katiba Dunar"


def test_generic_force_word_gives_way_to_the_name(registry: ActorRegistry) -> None:
    # "Army" alone is the state's army; inside a group's name it is the group's.
    assert _names(registry, "The Lowland Federal Army fired rockets.")[0] == "Lowland Federal Army"


@pytest.mark.parametrize(
    "text",
    [
        "Officers of the National Guard detained two men.",
        "The Border Guard Police stopped a convoy.",
        "Federal Police dispersed the crowd.",
        "Rockets were fired from the Gaza Strip.",
        "Supporters of the Workers Union marched to parliament.",
        "Members of the Green Renewal Party rallied downtown.",
        "Students of the Lakeside Teachers Union protested.",
        "The 45th Infantry Brigade repelled the attack.",
        "The Nigerian Army 12 Brigade cleared the camp.",
        "Head of the Patriotic Movement addressed reporters.",
        "The Riverside Movement organised a march.",
    ],
)
def test_state_bodies_parties_and_places_are_not_groups(registry: ActorRegistry, text: str) -> None:
    assert all(
        a.inter not in (2, 3, 4) or a.name.startswith(("Protesters", "Unidentified"))
        for _, a in registry.find(text)
    ), registry.find(text)


def test_weak_head_needs_a_militant_word_or_an_armed_word() -> None:
    assert named_groups("The Riverside Movement organised a march.") == []
    hits = named_groups("Riverside Movement fighters ambushed a convoy.")
    assert [a.name for _, a in hits] == ["Riverside Movement"]


def test_listed_group_wins_over_the_recogniser(registry: ActorRegistry) -> None:
    names = _names(registry, "The Arakan Army seized a base.")
    assert names == ["ULA/AA: United League of Arakan/Arakan Army"]


def test_registry_knows_more_groups(registry: ActorRegistry) -> None:
    assert _names(registry, "Abu Sayyaf gunmen beheaded a hostage.")[0] == "ASG: Abu Sayyaf"
    assert _names(registry, "Naxal-Maoist rebels torched a vehicle.")[0] == (
        "Naxal-Maoist Rebels (India)"
    )


def test_branch_named_for_a_town_after_a_dash(registry: ActorRegistry) -> None:
    names = _names(registry, "The Coastal Revolutionary Force - Dorva attacked an office.")
    assert names[0] == "Coastal Revolutionary Force - Dorva"


def test_town_of_two_words(registry: ActorRegistry) -> None:
    text = "Local groups, People's Defense Force - Kyun Lay, and others fired rockets."
    assert "People's Defense Force - Kyun Lay" in _names(registry, text)


def test_weak_head_as_subject_of_an_armed_act(registry: ActorRegistry) -> None:
    # "Ye" is also Yemen's code; a short word is no country name.
    assert _names(registry, "The Ye Hills Group shot a guard.")[0] == "Ye Hills Group"


def test_administrative_word_needs_a_militant_word(registry: ActorRegistry) -> None:
    assert named_groups("The Lagos State Task Force raided a market.") == []
    names = _names(registry, "The Dorva District Defense Force (DDDF) mined the road.")
    assert names[0] == "DDDF: Dorva District Defense Force"


def test_communal_militia_of_any_name(registry: ActorRegistry) -> None:
    names = _names(registry, "Ombari communal militiamen shot at a convoy.")
    assert names[0] == "Ombari Communal Militia ({country})"


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the People's Defense Force (Dorva) mined a road.",
        "The People's Defense Force Dorva and allies ambushed a convoy.",
        "Joint forces of PDF-Dorva and others ambushed a convoy.",
    ],
)
def test_town_branch_written_other_ways(registry: ActorRegistry, text: str) -> None:
    assert "People's Defense Force - Dorva" in _names(registry, text)


def test_pastoral_militia_is_ethnic(registry: ActorRegistry) -> None:
    names = _names(registry, "Suspected Ombari pastoral militia raided a kraal.")
    assert names[0] == "Ombari Ethnic Militia ({country})"


def test_state_police_is_a_unit_in_mexico_only(registry: ActorRegistry) -> None:
    actor = next(a for _, a in registry.find("The state police detained two men."))
    assert registry.for_country(actor, "MX", "2022-03-01").name == (
        "Police Forces of Mexico (2018-) State Police"
    )
    assert registry.for_country(actor, "IN", "2022-03-01").name == "Police Forces of India (2014-)"


def test_myanmar_groups_under_current_acled_names(registry: ActorRegistry) -> None:
    assert _names(registry, "CNDF fighters attacked a camp.")[0].startswith("CNO/CNDF: ")
    assert _names(registry, "TNLA troops shelled a town.")[0].startswith("PSLF/TNLA: ")


def test_named_branch_of_a_listed_group(registry: ActorRegistry) -> None:
    names = _names(registry, "Troops and the Chinland Defense Force - Dorva exchanged fire.")
    assert "Chinland Defense Force - Dorva" in names


def test_tribesmen_of_a_named_tribe(registry: ActorRegistry) -> None:
    names = _names(registry, "Bani Qarwan tribesmen blocked the highway near a checkpoint.")
    assert names[0] == "Bani Qarwan Tribal Militia ({country})"
    assert _names(registry, "Armed tribesmen blocked the highway.")[0] == (
        "Unidentified Tribal Militia ({country})"
    )


def test_sub_clan_written_with_a_space(registry: ActorRegistry) -> None:
    names = _names(registry, "Reer Doolo sub clan militias clashed at a well.")
    assert names[0] == "Reer Doolo Sub-Clan Militia ({country})"


def test_faction_of_a_listed_militia(registry: ActorRegistry) -> None:
    names = _names(registry, "The Mayi Mayi Kalundu raided a mining camp.")
    assert names[0] == "Mayi Mayi Militia (Kalundu)"
    assert _names(registry, "Mayi Mayi militiamen raided a camp.")[0] == "Mayi Mayi Militia"
