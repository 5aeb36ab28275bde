"""A country for actor names from organisations and administrative units."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.perpetrators import perpetrator_kind
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.places.admin_hint import admin_country, hint_country, organisation_country

DAY = dt.date(2023, 3, 14)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Some 60 nurses rallied outside a clinic in Lerdo, Durango, over pay.", "MX"),
        ("Farmers blocked a road near Palencia (Castilla y Leon) for an hour.", "ES"),
        ("Traders marched in a small town of the Eastern Cape.", "ZA"),
        ("Teachers gathered in a village in Nord-Kivu province.", "CD"),
        ("People met in a hall and then went home.", ""),
    ],
)
def test_admin_units_name_their_country(text: str, code: str) -> None:
    assert admin_country(text) == code


def test_organisations_name_their_country() -> None:
    assert organisation_country("Dock workers from the KCTU held a rally.") == "KR"
    assert organisation_country("IG Metall members stopped work at a plant.") == "DE"
    assert organisation_country("Workers held a rally.") == ""
    # an organisation outweighs an ambiguous place name
    assert hint_country("CFDT members met in Durango street.") == "FR"


def test_country_named_beats_hints() -> None:
    registry = ActorRegistry.default()
    assert registry.country_in("Kenyan teachers joined KCTU delegates.") == "KE"
    assert registry.country_in("Bus drivers struck in Sinaloa.") == "MX"


def test_protesters_take_the_country_of_an_admin_unit() -> None:
    text = (
        "On 14 March 2023, around 80 bus drivers demonstrated in front of a depot in "
        "Culiacan Rosales, Sinaloa, demanding overdue wages."
    )
    events = EventExtractor().extract_text(text, DAY)
    assert events
    assert events[0].actor1 == "Protesters (Mexico)"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A shoot-out was reported in a hillside district. Nobody was hurt.", "anonymous"),
        ("Shoot-outs took place in two neighbourhoods overnight.", "anonymous"),
        ("A shoot-out broke out between police and a gang in the port.", ""),
        ("A shoot-out between rival drug-trafficking groups took place downtown.", ""),
    ],
)
def test_bare_shootouts_are_anonymous(text: str, kind: str) -> None:
    assert perpetrator_kind(text) == kind


def test_bare_shootout_in_brazil_is_an_unidentified_armed_group() -> None:
    text = (
        "On 14 March 2023, in Belford Roxo (Rio de Janeiro), a shoot-out occurred on a "
        "hillside near the school. Nobody was hurt."
    )
    events = EventExtractor().extract_text(text, DAY)
    assert events
    assert events[0].actor1 == "Unidentified Armed Group (Brazil)"
