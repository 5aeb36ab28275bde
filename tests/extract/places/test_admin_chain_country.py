"""Chains whose units the gazetteer knows only abroad, ACLED's province spellings, and
the head's wording when a unit stands in for it."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.places.admin_context import (
    Chain,
    Lookup,
    find_chains,
    qualified_location,
    resolve_chain,
)
from frontlines.extract.places.location import Location, district_precision
from frontlines.geo.gazetteer import MemoryGazetteer
from frontlines.records import Mention, Place

from ..helpers import memory_lookup

BALO = Place("c:1", "Korvistan", 28.0, 65.0, "A.ADM1", "PK", "02", population=3_000_000)
KETCH = Place("c:2", "Ketschau", 49.0, 8.0, "P.PPL", "DE", "01", population=13_000)
KUTAI = Place("c:3", "Kutai", 23.0, 97.0, "P.PPL", "MM", "11", population=25_000)
SHAN = Place("c:4", "Shanor State", 21.0, 98.0, "A.ADM1", "MM", "11", population=1_600_000)
KIVU = Place("c:5", "North Lakeland", -1.0, 29.0, "A.ADM1", "CD", "19", population=1_400_000)
ZAPO = Place("c:6", "Zaporizhzhia", 47.8, 35.2, "A.ADM1", "UA", "26", population=1_500_000)
PLACES = [BALO, KETCH, KUTAI, SHAN, KIVU, ZAPO]


def _lookup() -> Lookup:
    """The gazetteer's lookup; "Kech" is an alternate name of a town abroad (as in
    GeoNames), "Shanor" of Shanor State."""
    gazetteer = MemoryGazetteer(PLACES, {"c:2": ["Kech"], "c:4": ["Shanor"]})

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = gazetteer.lookup_many(names)
        return {n: [(m.place, m.quality) for m in ms] for n, ms in found.items()}

    return lookup


def test_unit_known_only_as_a_spelling_abroad_is_not_read() -> None:
    text = "Militants attacked a post at Balgar town (Kech district, Korvistan)."
    chain = find_chains(text)[0]
    # the geoparser read the unknown town as the unit's look-alike abroad
    start = text.index("Balgar")
    stray = Mention("Balgar", start, start + 6, place=KETCH)
    resolved = resolve_chain(chain, _lookup(), "", [stray])
    assert resolved is not None and resolved.place.id == BALO.id


def test_acled_province_spellings_are_read_as_the_gazetteer_names() -> None:
    lookup = _lookup()
    for unit, want in (("Shanor-North", SHAN), ("Nord-Lakeland", KIVU), ("Zaporizhia", ZAPO)):
        chain = Chain(("Unknownville", unit), (0, 20), 40)
        resolved = resolve_chain(chain, lookup)
        assert resolved is not None and resolved.place.id == want.id, unit


def test_stand_in_unit_keeps_the_head_wording_for_precision() -> None:
    text = "On Monday, in Kone Dar village (Kutai township, Shanor-North state), troops fired."
    found = qualified_location(text, 0, len(text), None, _lookup())
    assert found is not None and found.place.id == KUTAI.id and found.precision == 1
    assert found.named is not None and found.named.text == "Kone Dar"
    # "Kutai township" follows the unit, not the village named: precision stays 1
    assert district_precision(text, found).precision == 1


def test_named_district_head_still_gives_precision_two() -> None:
    text = "On Monday, in Taze township (Kutai district, Shanor-North state), troops fired."
    start = text.index("Kutai")
    mention = Mention("Kutai", start, start + 5, place=KUTAI, precision=1)
    named = Mention("Taze", text.index("Taze"), text.index("Taze") + 4)
    location = Location("Kutai", KUTAI, 1, mention, ["'Taze' is not in the gazetteer"], named)
    assert district_precision(text, location).precision == 2


NEPTOWN = Place("c:7", "Bhimora", 29.0, 80.2, "P.PPL", "NP", "7", population=88_000)
INTOWN = Place("c:8", "Kanchora", 23.9, 91.9, "P.PPL", "IN", "26", population=15_000)
WELL_NZ = Place("c:9", "Wellmore", -41.3, 174.8, "P.PPLC", "NZ", "G2", population=380_000)
WELL_GB = Place("c:10", "Wellmore", 50.98, -3.22, "P.PPL", "GB", "ENG", population=20_000)
WELL_GB2 = Place("c:11", "Wellmore", 52.7, -2.5, "P.PPL", "GB", "ENG", population=9_000)
WELL_REGION = Place("c:12", "Wellmore Region", -41.0, 175.4, "A.ADM1", "NZ", "G2")


def test_district_named_only_like_a_town_abroad_does_not_move_the_town() -> None:
    # "Bhimora (Kanchora district)": the gazetteer lacks the district; a town abroad
    # bearing its name is no reason to leave the town named exactly
    lookup = memory_lookup([NEPTOWN, INTOWN])
    assert resolve_chain(Chain(("Bhimora", "Kanchora"), (0, 9), 20), lookup) is None


def test_a_unit_of_the_same_name_does_not_vouch_for_a_namesake() -> None:
    # "Wellmore (Wellmore)": two English Wellmores fit each other, which says nothing
    lookup = memory_lookup([WELL_NZ, WELL_GB, WELL_GB2, WELL_REGION])
    resolved = resolve_chain(Chain(("Wellmore", "Wellmore"), (0, 10), 20), lookup)
    assert resolved is not None and resolved.place.id == WELL_NZ.id


def test_a_town_named_like_its_unit_lies_where_the_unit_is_an_admin_unit() -> None:
    # "Narvo (Narvo)": the town of Narvo prefecture, not a same-named village elsewhere
    village = Place("c:13", "Narvo", 15.0, -5.0, "P.PPL", "ML", "04", population=20_000)
    prefecture = Place("c:14", "Narvo Prefecture", 34.5, 135.8, "A.ADM1", "JP", "29")
    gazetteer = MemoryGazetteer([village, prefecture], {"c:14": ["Narvo"]})

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = gazetteer.lookup_many(names)
        return {n: [(m.place, m.quality) for m in ms] for n, ms in found.items()}

    resolved = resolve_chain(Chain(("Narvo", "Narvo"), (0, 7), 14), lookup)
    assert resolved is not None and resolved.place.country == "JP"


def test_a_unit_known_only_as_another_spelling_abroad_gives_way_to_an_alternate_name() -> None:
    # "Weyneville (Weyneville, Hiraan)": the town is the gazetteer's under an alternate
    # name; "Hiraan" is only an Iraqi village spelled alike (quality below an alternate name)
    town = Place("h:1", "Beledweyneville", 4.7, 45.2, "P.PPL", "SO", "07", population=55_000)
    village = Place("h:2", "Hiran", 36.0, 44.0, "P.PPL", "IQ", "11")

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        table = {"Weyneville": [(town, 0.9)], "Hiraan": [(village, 0.8)]}
        return {n: table.get(n, []) for n in names}

    text = "Gunmen clashed at a checkpoint in Weyneville town (Weyneville, Hiraan)."
    chain = find_chains(text)[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.id == town.id


def test_a_name_respelled_in_brackets_is_one_place_not_a_chain() -> None:
    text = "Tribes clashed in Al-Dayr (Al-Deir) sub-district, north of Basrah city."
    assert not any(len(c.names) > 1 for c in find_chains(text))
    # a city written with its province of the same name stays a two-level chain
    chain = find_chains("Protesters marched in Chihuahua, Chihuahua on Friday.")[0]
    assert chain.names == ("Chihuahua", "Chihuahua")
