"""Government periods in ACLED's state force names (countries.json through
ActorRegistry.for_country)."""

from __future__ import annotations

import pytest

from frontlines.extract.actors.registry import ActorRegistry, country_info
from frontlines.records import Actor

ARMY = Actor("Military Forces of {the}{country} ({period})", 1)
POLICE = Actor("Police Forces of {the}{country} ({period})", 1)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


@pytest.mark.parametrize(
    ("when", "period"),
    [
        ("2022-01-25", "2015"),
        ("2022-02-16", "2015"),
        ("2022-02-17", "2022"),
        ("2022-06-01", "2022"),
    ],
)
def test_burkina_faso_s_junta_period_starts_when_damiba_took_office(
    registry: ActorRegistry, when: str, period: str
) -> None:
    # The coup was on 24 January 2022; Damiba was sworn in as president on 16 February.
    name = registry.for_country(ARMY, "BF", when).name
    assert name == f"Military Forces of Burkina Faso ({period}-)"


def test_haiti_s_police_keep_their_2017_period_after_moise_s_death(
    registry: ActorRegistry,
) -> None:
    # No new president took office after July 2021: ACLED keeps the 2017 period.
    assert registry.for_country(POLICE, "HT", "2022-03-10").name == "Police Forces of Haiti (2017-)"
    info = country_info("HT")
    assert info is not None and info.period("2021-08-01") == "2017-"


@pytest.mark.parametrize(
    ("when", "name", "inter"),
    [
        ("2019-05-02", "Taliban", 2),
        ("2021-07-30", "Taliban", 2),
        ("2021-09-01", "Military Forces of Afghanistan (2021-)", 1),
        ("2023-02-10", "Military Forces of Afghanistan (2021-)", 1),
    ],
)
def test_the_taliban_are_an_armed_group_until_they_took_kabul(
    registry: ActorRegistry, when: str, name: str, inter: int
) -> None:
    found = registry.find("Taliban fighters entered the district on Monday.")
    assert found, "the Taliban are in the registry"
    actor = registry.for_country(found[0][1], "AF", when)
    assert (actor.name, actor.inter) == (name, inter)
