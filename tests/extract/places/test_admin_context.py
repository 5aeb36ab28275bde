"""Places qualified by their admin units: "Village (District, Province)", "Town, Province"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from frontlines.extract import EventExtractor
from frontlines.extract.places.admin_context import (
    chain_precision,
    find_chains,
    qualified_location,
    resolve_chain,
)
from frontlines.extract.places.location import Location, choose_location
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

from ..helpers import (
    ARV_PLACES,
    EAST_REGION,
    FORD,
    FORD_FAR,
    LAND,
    PROVINCE_PLACES,
    SOUTH,
    TWIN_STATE,
    memory_lookup,
    mention_of,
)

PLACES = [
    Place("t:1", "Stonebridge", 10.0, 20.0, "P.PPL", "AA", "01", population=500),
    Place("t:2", "Stonebridge", 40.0, -5.0, "P.PPL", "BB", "07", population=90000),
    Place("t:3", "Redvale", 10.3, 20.1, "A.ADM2", "AA", "01"),
    Place("t:4", "Highmoor", 10.5, 20.5, "A.ADM1", "AA", "01"),
    Place("t:5", "Highmoor", 41.0, -4.0, "P.PPL", "BB", "07", population=300000),
    Place("t:6", "Lowfield", 12.0, 22.0, "A.ADM1", "AA", "02"),
    Place("t:7", "Portmere", 11.0, 21.0, "P.PPL", "AA", "01", population=70000),
    Place("t:8", "Eastgate", 11.02, 21.03, "P.PPL", "CC", "03", population=8000),
]


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(PLACES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def test_bracketed_units_are_found_with_their_offsets() -> None:
    text = "Rebels raided Stonebridge village (Redvale district, Highmoor) at dawn."
    chains = find_chains(text)
    assert [c.names for c in chains] == [("Stonebridge", "Redvale", "Highmoor")]
    assert text[chains[0].starts[1] :].startswith("Redvale")


def test_comma_units_and_coded_to_are_found() -> None:
    text = "Shelling hit Stonebridge, Highmoor; the area (coded to Portmere, Highmoor) burned."
    chains = find_chains(text)
    assert ("Stonebridge", "Highmoor") in [c.names for c in chains]
    coded = [c for c in chains if c.coded]
    assert coded and coded[0].names == ("Portmere", "Highmoor")


def test_city_quarter_is_read_as_a_quarter_inside_the_city() -> None:
    chains = find_chains("Crowds marched in Portmere - Eastgate (Highmoor) on Sunday.")
    assert chains[0].names == ("Eastgate", "Portmere", "Highmoor")


def test_namesake_inside_the_units_beats_a_larger_homonym() -> None:
    chain = find_chains("Gunmen attacked Stonebridge (Redvale, Highmoor).")[0]
    resolved = resolve_chain(chain, _lookup)
    assert resolved is not None
    assert (resolved.place.id, resolved.level) == ("t:1", 0)


def test_unknown_village_falls_back_to_its_most_specific_known_unit() -> None:
    # the source names a particular village: precision 1 (ACLED rates what the source
    # names); the warning says the district only stands in for it
    text = "Militia burned Mossy Hollow (Redvale, Highmoor) overnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:3", 1)
    assert found.warnings


def test_only_a_province_known_keeps_the_wordings_precision() -> None:
    text = "Clashes were reported in Mossy Hollow, Lowfield after midnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:6", 1)
    near = "Clashes were reported near Mossy Hollow, Lowfield after midnight."
    found = qualified_location(near, 0, len(near), None, _lookup)
    assert found is not None and found.precision == 2


def test_a_region_named_as_such_keeps_region_precision() -> None:
    text = "Clashes were reported in Redvale region, Highmoor after midnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:3", 3)


def test_quarter_not_inside_the_city_gives_way_to_the_city() -> None:
    text = "Students rallied in Portmere - Eastgate (Highmoor) for lower fees."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert found.place.id == "t:7"


def test_acronym_is_not_read_as_a_town() -> None:
    text = "Members of the Union of Stone Cutters (PORTMERE) met in a hall."
    assert qualified_location(text, 0, len(text), None, _lookup) is None


def test_chosen_mention_is_reread_through_its_units() -> None:
    text = "Troops shelled Stonebridge, Highmoor at noon."
    start = text.index("Stonebridge")
    wrong = Mention("Stonebridge", start, start + 11, place=PLACES[1], candidates=(PLACES[1],))
    from frontlines.extract.places.location import choose_location

    chosen = choose_location(text, [wrong], 0, len(text), 7, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _lookup, "BB", [wrong])
    assert found is not None
    assert found.place.id == "t:1"


def test_extractor_uses_the_given_gazetteer() -> None:
    text = "On 3 May 2024, armed men attacked farmers in Mossy Hollow (Redvale, Highmoor)."
    extractor = EventExtractor(gazetteer=MemoryGazetteer(PLACES))
    events = extractor.extract_text(text, dt.date(2024, 5, 4), [])
    assert events
    assert events[0].place_id == "t:3"
    assert events[0].country != ""


# a province and a same-named district of another country: "X, Donetsk" is the oblast
TWIN_PROVINCE = Place("t:20", "Ashdown", 48.0, 37.0, "A.ADM1", "AA", "05", population=6_000_000)
TWIN_DISTRICT = Place("t:21", "Ashdown", 48.3, 39.9, "A.ADM2", "CC", "61", population=5000)
HOMONYM_A = Place("t:22", "Pinevale", 49.4, 35.1, "P.PPL", "AA", "18", population=900)
HOMONYM_B = Place("t:23", "Pinevale", 46.0, 30.0, "P.PPL", "AA", "17", population=700)
LONE_CITY = Place("t:24", "Farhaven", 44.0, 30.0, "P.PPL", "AA", "17", population=40_000)
TWINS = [TWIN_PROVINCE, TWIN_DISTRICT, HOMONYM_A, HOMONYM_B, LONE_CITY]


def _twins(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(TWINS).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def test_outer_unit_is_read_as_a_province_before_a_district_elsewhere() -> None:
    chain = find_chains("Troops shelled Greyfield, Ashdown. No casualties.")[0]
    resolved = resolve_chain(chain, _twins, country="CC")
    assert resolved is not None and resolved.place.id == TWIN_PROVINCE.id


def test_homonyms_in_other_provinces_do_not_stand_for_the_head() -> None:
    # "Pisky, Donetsk": the country's two Piskys lie in other provinces; the province
    # named stands in for the unknown village rather than a homonym far away
    chain = find_chains("Troops shelled Pinevale, Ashdown. No casualties.")[0]
    resolved = resolve_chain(chain, _twins)
    assert resolved is not None
    assert (resolved.place.id, resolved.level) == (TWIN_PROVINCE.id, 1)


def test_a_lone_town_of_its_name_is_meant_despite_another_province() -> None:
    # a writer's slip or a province split since: the only Farhaven of the country
    chain = find_chains("Crowds marched in Farhaven, Ashdown on Sunday.")[0]
    resolved = resolve_chain(chain, _twins)
    assert resolved is not None
    assert (resolved.place.id, resolved.level) == (LONE_CITY.id, 0)


CODED_PLACES = PROVINCE_PLACES


_coded_lookup = memory_lookup(PROVINCE_PLACES)


def test_coded_to_reads_the_bracketed_units_after_it() -> None:
    text = "Fighting hit a hamlet (coded to Duskwater) (Varnhold) in the morning."
    coded = [c for c in find_chains(text) if c.coded]
    assert coded and coded[0].names == ("Duskwater", "Varnhold")
    resolved = resolve_chain(coded[0], _coded_lookup)
    assert resolved is not None and resolved.place.id == "r:11"


def test_an_aside_between_place_and_units_is_skipped() -> None:
    text = "Jets bombed Duskwater (coded to district level) (Varnhold) at noon."
    chains = find_chains(text)
    assert chains and chains[0].names == ("Duskwater", "Varnhold")


def test_a_misread_hint_does_not_block_a_coded_chain() -> None:
    text = "Militants killed two herders at a camp, coded to Duskwater (Varnhold)."
    wrong = CODED_PLACES[6]
    hint = Location("Tollmere", wrong, 1, Mention("Tollmere", 0, 8, place=wrong))
    found = qualified_location(text, 0, len(text), hint, _coded_lookup)
    assert found is not None and found.place.id == "r:11"


def test_joined_names_with_di_are_kept_whole() -> None:
    text = "Staff protested in San Pietro di Mora (Lagunaria) against layoffs."
    chains = find_chains(text)
    assert chains[0].names[0] == "San Pietro di Mora"
    found = qualified_location(text, 0, len(text), None, _coded_lookup)
    assert found is not None and found.place.id == "r:8"


_arv_lookup = memory_lookup(ARV_PLACES)
_arv_mention = mention_of


def test_chain_after_a_mention_that_swallowed_its_preposition_is_read() -> None:
    text = "Militants fired at Kelford township (Norland) overnight."
    odd = Mention("at Kelford", text.index("at Kelford"), text.index(" township"))
    chosen = choose_location(text, [odd], 0, len(text), 10, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _arv_lookup)
    assert found is not None and found.place.id == FORD.id


def test_country_mention_does_not_block_a_qualified_place() -> None:
    text = "Arvenia saw protests in Kelford (Sudmark) today."
    country = Mention("Arvenia", 0, 7, place=LAND)
    chosen = choose_location(text, [country], 0, len(text), 20, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _arv_lookup)
    assert found is not None and found.place.id == FORD_FAR.id


def test_named_unit_outweighs_the_place_named_elsewhere() -> None:
    text = "Farmers met in Kelford (coded as Kelford (Sudmark)) on Monday."
    chain = next(c for c in find_chains(text) if c.coded)
    resolved = resolve_chain(chain, _arv_lookup, hint=FORD)
    assert resolved is not None and resolved.place.id == FORD_FAR.id


def test_other_spelling_of_the_head_far_from_its_unit_is_not_taken() -> None:
    text = "Troops shelled Kellford, Sudmark."
    chain = find_chains(text)[0]
    far_reading = Mention("Kellford", text.index("Kellford"), text.index(","), place=FORD)
    resolved = resolve_chain(chain, _arv_lookup, mentions=[far_reading])
    assert resolved is not None and resolved.place.id == SOUTH.id


def test_exact_namesake_of_the_head_stands_for_it_anywhere_in_the_country() -> None:
    # the country's only Kelford, a town of some size: the province named is a slip
    town = replace(FORD, population=20_000)
    lone = [town, SOUTH]

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer(lone).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Troops shelled Kelford, Sudmark.")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and (resolved.place.id, resolved.level) == (town.id, 0)


def test_city_quarter_keeps_the_wordings_precision() -> None:
    text = "Gangs clashed in Kelford - Old Mill (Norland)."
    chain = find_chains(text)[0]
    resolved = resolve_chain(chain, _arv_lookup)
    assert resolved is not None and resolved.place.id == FORD.id and resolved.level == 1
    assert chain_precision(chain, resolved, "Gangs clashed in ") == 1


def test_a_bracketed_compass_word_is_not_a_region() -> None:
    chains = find_chains("Houses burned in Tarn Bay (East) (Kelford, Norland).")
    assert chains and "East" not in chains[0].names


def test_full_stop_ends_a_unit_name() -> None:
    chains = find_chains("Troops retook Kelford, Norland. The enemy withdrew.")
    assert chains[0].names == ("Kelford", "Norland")


def test_coded_to_a_zone_capital_reads_the_town() -> None:
    text = "Fighters killed 3 people in Ost zone (coded to zone capital, Ostrel, Norland)."
    coded = [c for c in find_chains(text) if c.coded]
    assert coded and coded[0].names[0] == "Ostrel"


def test_outer_unit_is_the_state_before_a_same_named_country() -> None:
    chain = find_chains("Gunmen attacked Dobi (Paiko, Vessa).")[0]
    resolved = resolve_chain(chain, _arv_lookup)
    assert resolved is not None and resolved.place.id == TWIN_STATE.id


def test_coded_to_near_by_a_unit_is_read() -> None:
    text = "Fighters clashed in Gazo village, coded to near by Ostrel LGA (Norland)."
    coded = [c for c in find_chains(text) if c.coded]
    assert coded and coded[0].names[0] == "Ostrel"


def test_a_reading_of_the_whole_city_quarter_does_not_stand_for_the_city() -> None:
    text = "Workers rallied at the Town Hall (Kelford - Vale, Norland)."
    whole = _arv_mention(text, "Kelford - Vale", EAST_REGION)
    chain = find_chains(text)[0]
    resolved = resolve_chain(chain, _arv_lookup, mentions=[whole])
    assert resolved is not None and resolved.place.id == FORD.id


def test_a_quarter_far_from_its_city_gives_way_to_the_city() -> None:
    far_quarter = Place("r:14", "Mill", 45.2, 11.5, "P.PPL", "AR", "01", population=300)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([*ARV_PLACES, far_quarter]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Gangs clashed in Kelford - Mill (Norland).")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.id == FORD.id


def test_city_quarter_written_alone_is_a_chain() -> None:
    chains = find_chains("On Monday, in Kelford - Ash Green, crowds marched.")
    assert chains and chains[0].names == ("Ash Green", "Kelford")
    assert chains[0].quarter


def test_city_of_a_quarter_is_read_as_a_town_not_its_province() -> None:
    capital_region = Place("r:15", "Kelford", 45.0, 10.0, "A.ADM1", "AR", "01", population=1)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([FORD, capital_region]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Police clashed with crowds in Kelford - Ward 4 today.")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.id == FORD.id
    assert chain_precision(chain, resolved, "Police clashed with crowds in ") == 1


def test_unit_word_before_of_stays_in_the_name() -> None:
    chains = find_chains("Teachers rallied in Kelford (District of Norland).")
    assert chains and chains[0].names == ("Kelford", "District of Norland")


def test_comma_chain_may_be_followed_by_a_number() -> None:
    chains = find_chains("In Kelford, Norland, 300 women marched.")
    assert chains and chains[0].names == ("Kelford", "Norland")


def test_last_unit_is_read_in_the_country_the_other_names_point_to() -> None:
    small_east = Place("r:16", "Eastern", 7.0, 81.0, "A.ADM1", "LK", "02", population=10)
    big_east = Place("r:17", "Eastern", 6.0, -1.0, "A.ADM1", "GH", "03", population=900_000)
    town = Place("r:18", "Trinco", 10.0, 79.0, "A.ADM2", "LK", "09")

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([small_east, big_east, town]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Police fired on a crowd in Kanto (Trinco, Eastern).")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.country == "LK"


def test_an_unknown_head_named_as_a_district_is_precision_two() -> None:
    # "Klynove district, Donetsk": ACLED codes a district to its main town, precision 2
    text = "Troops shelled Mossy Hollow district, Lowfield overnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:6", 2)
    region = "Troops shelled Mossy Hollow region, Lowfield overnight."
    found = qualified_location(region, 0, len(region), None, _lookup)
    assert found is not None and found.precision == 3


def test_a_town_written_inside_a_later_chain_keeps_its_place() -> None:
    from frontlines.extract.places.admin_chains import find_chains, pick_chain
    from frontlines.records import Mention

    text = "People marched in Kanara town in Sinford, Westshire, on Friday."
    chosen = Mention(text="Kanara", start=text.index("Kanara"), end=text.index("Kanara") + 6)
    assert pick_chain(text, find_chains(text, 0, len(text)), chosen, 0) is None
    site = "Traders of the Kanara market in Sinford, Westshire, marched on Friday."
    chosen = Mention(text="Kanara", start=site.index("Kanara"), end=site.index("Kanara") + 6)
    assert pick_chain(site, find_chains(site, 0, len(site)), chosen, 0) is not None


def test_a_chain_head_keeps_its_hyphenated_article() -> None:
    from frontlines.extract.places.admin_chains import find_chains

    text = "An IED exploded in Kharab an-Nawaf village, Sinford district, Westshire governorate."
    (chain,) = find_chains(text, 0, len(text))
    assert chain.names == ("Kharab an-Nawaf", "Sinford", "Westshire")
    text = "Clashes took place in Umm al-'Amad (Sinford district, Westshire governorate)."
    (chain,) = find_chains(text, 0, len(text))
    assert chain.names[0] == "Umm al-'Amad"


def test_a_place_read_whole_with_its_second_name_in_brackets_is_not_a_unit_chain() -> None:
    # "Stonebridge (Portmere)" read by the geoparser as one place with two names: the
    # bracket is not Stonebridge's unit, so the chain reading must not move the event
    text = "Shells hit Stonebridge (Portmere) city in Highmoor countryside."
    start = text.index("Stonebridge")
    end = text.index(")") + 1
    mention = Mention(text[start:end], start, end, place=PLACES[0])
    chosen = Location(PLACES[0].name, PLACES[0], 1, mention)
    found = qualified_location(text, 0, len(text), chosen, _lookup)
    assert found is chosen


def test_a_namesake_that_fits_only_one_unit_loosely_is_no_reading_of_the_head() -> None:
    # Stonebridge of BB lies in neither Redvale nor Highmoor: the district stands in
    far = [p for p in PLACES if p.id != "t:1"]

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer(far).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Gunmen attacked Stonebridge village, Redvale district, Highmoor.")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.id == "t:3"
