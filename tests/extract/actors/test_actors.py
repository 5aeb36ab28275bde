"""The actor registry (frontlines.extract.actors.registry): names, owners and crowds, on
hand-written phrases."""

from __future__ import annotations

import pytest

from frontlines.extract.actors.registry import ActorRegistry, CountryInfo


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _names(registry: ActorRegistry, text: str, country: str) -> list[str]:
    return [registry.for_country(a, country, "2022-04-01").name for _, a in registry.find(text)]


def test_force_of_a_named_country_belongs_to_it(registry: ActorRegistry) -> None:
    names = _names(registry, "Yesterday the armed forces of Russia struck a depot.", "UA")
    assert names == ["Military Forces of Russia (2000-)"]


def test_force_of_a_country_with_of_in_its_name(registry: ActorRegistry) -> None:
    found = registry.find("Troops of the Democratic Republic of Congo moved north.")
    assert found[0][1].country == "CD"


def test_air_force_is_a_unit_only_where_acled_names_one(registry: ActorRegistry) -> None:
    assert _names(registry, "Russian air forces bombed a bridge.", "UA") == [
        "Military Forces of Russia (2000-) Air Force"
    ]
    assert _names(registry, "The Nigerian air force bombed a camp.", "NG") == [
        "Military Forces of Nigeria (2015-)"
    ]


def test_a_period_may_start_on_a_given_day() -> None:
    info = CountryInfo("XX", "Testland", "", ("2015-12", "2022-02-16"))
    assert info.period("2022-02-10", "2022-02-12") == "2015-"
    assert info.period("2022-02-16") == "2022-"
    assert info.period("2022-03-01") == "2022-"


def test_a_period_is_closed_once_the_next_began_by_the_date_names_are_read_as_of() -> None:
    info = CountryInfo("XX", "Testland", "", ("2015-12", "2022-02-16"))
    assert info.period("2022-02-10", "2022-06-30") == "2015-2022"
    assert info.period("2019-05-01", "2021-01-01") == "2015-"
    assert info.period("2019-05-01") == "2015-"  # read as of no date: open


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("SSPDF soldiers raided a cattle camp.", "SS", "Military Forces of South Sudan (2011-)"),
        ("FAMa units patrolled the road.", "ML", "Military Forces of Mali (2021-)"),
        (
            "SNR agents took a teacher away.",
            "BI",
            "Police Forces of Burundi (2005-) National Intelligence Service",
        ),
        (
            "The CTD raided a compound.",
            "PK",
            "Police Forces of Pakistan (2022-) Counter Terrorism Department",
        ),
        ("VDP members repelled the raid.", "BF", "VDP: Volunteer for Defense of Homeland"),
        ("Pyu Saw Htee men burned a shop.", "MM", "Pyu Saw Htee"),
        ("Cult militiamen shot a trader.", "NG", "Unidentified Cult Militia (Nigeria)"),
    ],
)
def test_national_forces_and_groups_by_their_own_names(
    registry: ActorRegistry, text: str, country: str, name: str
) -> None:
    assert _names(registry, text, country)[:1] == [name]


def test_local_defence_groups_are_anti_coup_in_myanmar_only(registry: ActorRegistry) -> None:
    text = "Local defence forces ambushed a convoy."
    assert _names(registry, text, "MM") == ["Unidentified Anti-Coup Armed Group"]
    assert _names(registry, text, "NG") == ["Unidentified Armed Group (Nigeria)"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On 3 May 2022, about 150 Eritreans living in Tel Aviv held a rally downtown.", "ER"),
        ("On 3 May 2022, Sudanese nationals gathered outside their embassy in Cairo.", "SD"),
        (
            "On 3 May 2022, some 40 Ukrainians, waving blue and yellow flags, marched to the "
            "town hall.",
            "UA",
        ),
        ("On 3 May 2022, a crowd of some hundreds, including Ukrainians, met in the park.", ""),
        ("On 3 May 2022, Ukrainians and local supporters gathered in the park.", ""),
        ("On 3 May 2022, members of the Afghan community held a vigil.", ""),
    ],
)
def test_nationals_protesting_together_abroad(
    registry: ActorRegistry, text: str, code: str
) -> None:
    assert registry.nationals(text) == code


@pytest.mark.parametrize(
    ("text", "stateless"),
    [
        ("On 2 May 2022, some 80 migrants staged a sit-in at the port.", True),
        ("On 2 May 2022, a dozen asylum seekers blocked the gate of the camp.", True),
        (
            "On 2 May 2022, 200 migrants from Haiti, Cuba and Venezuela marched north.",
            True,
        ),
        ("On 2 May 2022, residents protested against a new migrant centre.", False),
    ],
)
def test_migrants_of_no_stated_nationality(
    registry: ActorRegistry, text: str, stateless: bool
) -> None:
    assert registry.stateless_crowd(text) is stateless


def test_actor_named_before_its_deed(registry: ActorRegistry) -> None:
    hits = registry.find("a Houthi-planted mine went off on a farm road")
    assert [h[0].text for h in hits] == ["Houthi"]
    assert registry.find("fighting went on in a Houthi-controlled district") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two farmers were hurt by a Russian landmine near Izium.", "Military Forces of Russia"),
        ("Russian air defense systems downed two drones over Kursk.", "Military Forces of Russia"),
        ("The Russian Ministry of Defence said it took a village.", "Military Forces of Russia"),
        ("Russian helicopter fire hit a farm near Sumy.", "Military Forces of Russia"),
        ("Russian shelled a bridge near Kupiansk overnight.", "Military Forces of Russia"),
        ("A depot was hit by unspecified military forces.", "Unidentified Military Forces"),
    ],
)
def test_a_force_named_by_its_means(registry: ActorRegistry, text: str, name: str) -> None:
    assert any(n.startswith(name) for n in _names(registry, text, "UA")), text


def test_a_lone_demonym_needs_a_strike_verb(registry: ActorRegistry) -> None:
    assert _names(registry, "A Russian said the town was calm.", "UA") == []


def test_pcjss_in_the_chittagong_hill_tracts(registry: ActorRegistry) -> None:
    text = "Gunmen of the PCJSS fired on a rival group in Rangamati."
    assert "PCJSS: Parbatya Chattagram Jana Samhati Samiti" in _names(registry, text, "BD")
