"""Country clues in the theatre's spellings (frontlines.extract.places.admin_hint) and a
place written directly inside the chain after it (admin_chains.pick_chain)."""

from __future__ import annotations

import pytest

from frontlines.extract.places.admin_context import qualified_location
from frontlines.extract.places.admin_hint import admin_country, organisation_country
from frontlines.extract.places.location import Location
from frontlines.records import Mention, Place

from ..helpers import memory_lookup


@pytest.mark.parametrize(
    ("text", "code"),
    [("fighting on the Ras al-Ain front (Al-Hasakeh).", "SY"), ("a raid in Idleb", "SY"),
     ("near Al-Busayrah, Deir-ez-Zor", "SY"), ("Tikrit, Salah al-Din", "IQ"),
     ("in al-Hasakah city", "SY"), ("Kerbala", "IQ")],
)  # fmt: skip
def test_a_province_in_the_theatres_spelling_names_its_country(text: str, code: str) -> None:
    assert admin_country(text) == code


def test_a_short_lookalike_of_a_province_names_no_country() -> None:
    # "Meka" (an Ethiopian kebele) is spelled like Makkah only once its letters are folded
    assert admin_country("at Gordem mountain in Meka kebele in Metema woreda") == ""


def test_a_groups_full_name_or_listed_acronym_names_its_country() -> None:
    assert organisation_country("Turkish forces shelled SDF positions") == "SY"
    assert organisation_country("Kataib Hezbollah fired rockets") == "IQ"
    # an acronym of several countries' groups says nothing ("SNA": Syria's and Somalia's)
    assert organisation_country("Al Shabaab attacked government forces (SNA)") == ""


IDLIB = Place("v:2", "Idlib", 35.93, 36.63, "P.PPL", "SY", "12", population=128_000)


def _read(text: str, village: Place) -> Location | None:
    """The place chosen for "Kansafra" in ``text``, re-read through the chain after it."""
    start = text.index("Kansafra")
    mention = Mention("Kansafra", start, start + len("Kansafra"), place=village)
    chosen = Location(village.name, village, 1, mention)
    return qualified_location(text, 0, len(text), chosen, memory_lookup([village, IDLIB]), "SY")


def test_a_place_written_directly_before_a_chain_is_qualified_by_it() -> None:
    village = Place("v:1", "Kansafrah", 35.66, 36.48, "P.PPL", "SY", "12")
    found = _read("Regime forces shelled Kansafra in Jabal al-Zawiya, Idlib.", village)
    assert found is not None and found.place == village  # not Idlib for the unknown mountain


def test_a_place_abroad_before_a_chain_is_still_read_through_it() -> None:
    abroad = Place("v:3", "Kansafra", 44.0, 2.5, "P.PPL", "FR", "76")
    found = _read("Gunmen shelled Kansafra in Jabal al-Zawiya, Idlib.", abroad)
    assert found is not None and found.place == IDLIB
