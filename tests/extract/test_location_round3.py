"""Event location, round 3: whole countries rank last, chains read more carefully, a
village never stands for a great city of the same name."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.admin_context import (
    chain_precision,
    find_chains,
    qualified_location,
    resolve_chain,
)
from frontlines.extract.location import choose_location
from frontlines.extract.unseen import bare_location, unseen_location
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

LAND = Place("r:1", "Arvenia", 45.0, 10.0, "A.PCLI", "AR", population=9_000_000)
FORD = Place("r:2", "Kelford", 45.2, 10.3, "P.PPL", "AR", "01", population=4000)
NORTH = Place("r:3", "Norland", 46.0, 11.0, "A.ADM1", "AR", "01")
FORD_FAR = Place("r:4", "Kelford", 48.0, 16.0, "P.PPL", "AR", "05", population=900)
SOUTH = Place("r:5", "Sudmark", 48.1, 16.1, "A.ADM1", "AR", "05")
EAST_REGION = Place("r:6", "East", 4.0, 13.0, "A.ADM1", "QQ", "09")
TWIN_STATE = Place("r:7", "Vessa", 9.0, 6.0, "A.ADM1", "VV", "11")
TWIN_LAND = Place("r:8", "Vessa", 17.0, 9.0, "A.PCLI", "VS", population=20_000_000)
BIG = Place("r:9", "Marlow", 52.0, 17.0, "P.PPL", "ZZ", "02", population=500_000)
SMALL = Place("r:10", "Marlow", 50.0, 26.0, "P.PPL", "AR", "03", population=1200)
CAPITAL = Place("r:11", "Harrow", 9.1, 6.1, "P.PPL", "VV", "11", population=300_000)
ZONE_TOWN = Place("r:12", "Ostrel", 45.4, 10.5, "P.PPL", "AR", "01", population=20_000)
PLACES = [LAND, FORD, NORTH, FORD_FAR, SOUTH, EAST_REGION, TWIN_STATE, TWIN_LAND, CAPITAL]
PLACES += [ZONE_TOWN]


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(PLACES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def _mention(text: str, name: str, place: Place | None, *cands: Place) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), place=place, candidates=cands)


def test_a_whole_country_ranks_below_a_town_named_without_a_cue() -> None:
    text = "Students rallied at the town hall of Kelford against the war in Arvenia."
    mentions = [_mention(text, "Kelford", FORD), _mention(text, "Arvenia", LAND)]
    found = choose_location(text, mentions, 0, len(text), 10, (0, len(text)))
    assert found is not None and found.place.id == FORD.id


def test_a_country_alone_is_still_a_location() -> None:
    text = "Protesters gathered in Arvenia."
    mentions = [_mention(text, "Arvenia", LAND)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)))
    assert found is not None and found.place.id == LAND.id


def test_village_named_like_a_great_city_becomes_the_city() -> None:
    text = "Hundreds marched in Marlow for peace."
    mentions = [_mention(text, "Marlow", SMALL, BIG, SMALL)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)), "AR")
    assert found is not None and found.place.id == BIG.id


def test_large_town_is_kept_over_a_greater_namesake() -> None:
    town = Place("r:13", "Marlow", 50.0, 26.0, "P.PPL", "AR", "03", population=90_000)
    text = "Hundreds marched in Marlow for peace."
    mentions = [_mention(text, "Marlow", town, BIG, town)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)), "AR")
    assert found is not None and found.place.id == town.id


def test_chain_after_a_mention_that_swallowed_its_preposition_is_read() -> None:
    text = "Militants fired at Kelford township (Norland) overnight."
    odd = Mention("at Kelford", text.index("at Kelford"), text.index(" township"))
    chosen = choose_location(text, [odd], 0, len(text), 10, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _lookup)
    assert found is not None and found.place.id == FORD.id


def test_country_mention_does_not_block_a_qualified_place() -> None:
    text = "Arvenia saw protests in Kelford (Sudmark) today."
    country = Mention("Arvenia", 0, 7, place=LAND)
    chosen = choose_location(text, [country], 0, len(text), 20, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _lookup)
    assert found is not None and found.place.id == FORD_FAR.id


def test_named_unit_outweighs_the_place_named_elsewhere() -> None:
    text = "Farmers met in Kelford (coded as Kelford (Sudmark)) on Monday."
    chain = next(c for c in find_chains(text) if c.coded)
    resolved = resolve_chain(chain, _lookup, hint=FORD)
    assert resolved is not None and resolved.place.id == FORD_FAR.id


def test_other_spelling_of_the_head_far_from_its_unit_is_not_taken() -> None:
    text = "Troops shelled Kellford, Sudmark."
    chain = find_chains(text)[0]
    far_reading = Mention("Kellford", text.index("Kellford"), text.index(","), place=FORD)
    resolved = resolve_chain(chain, _lookup, mentions=[far_reading])
    assert resolved is not None and resolved.place.id == SOUTH.id


def test_exact_namesake_of_the_head_stands_for_it_anywhere_in_the_country() -> None:
    lone = [FORD, SOUTH]

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer(lone).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Troops shelled Kelford, Sudmark.")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and (resolved.place.id, resolved.level) == (FORD.id, 0)


def test_city_quarter_keeps_the_wordings_precision() -> None:
    text = "Gangs clashed in Kelford - Old Mill (Norland)."
    chain = find_chains(text)[0]
    resolved = resolve_chain(chain, _lookup)
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
    resolved = resolve_chain(chain, _lookup)
    assert resolved is not None and resolved.place.id == TWIN_STATE.id


def test_coded_to_near_by_a_unit_is_read() -> None:
    text = "Fighters clashed in Gazo village, coded to near by Ostrel LGA (Norland)."
    coded = [c for c in find_chains(text) if c.coded]
    assert coded and coded[0].names[0] == "Ostrel"


def test_a_reading_of_the_whole_city_quarter_does_not_stand_for_the_city() -> None:
    text = "Workers rallied at the Town Hall (Kelford - Vale, Norland)."
    whole = _mention(text, "Kelford - Vale", EAST_REGION)
    chain = find_chains(text)[0]
    resolved = resolve_chain(chain, _lookup, mentions=[whole])
    assert resolved is not None and resolved.place.id == FORD.id


def test_a_quarter_far_from_its_city_gives_way_to_the_city() -> None:
    far_quarter = Place("r:14", "Mill", 45.2, 11.5, "P.PPL", "AR", "01", population=300)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([*PLACES, far_quarter]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    chain = find_chains("Gangs clashed in Kelford - Mill (Norland).")[0]
    resolved = resolve_chain(chain, lookup)
    assert resolved is not None and resolved.place.id == FORD.id


def test_unseen_city_quarter_is_placed_at_its_city() -> None:
    text = "Crowds protested in Kelford - Upper Weir on Sunday."
    found = unseen_location(text, 0, len(text), _lookup, "AR")
    assert found is not None and found.place.id == FORD.id


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


def test_an_acronym_ranks_below_a_named_town() -> None:
    text = "Kelford residents stormed a debate held at KRP offices."
    party = Mention("KRP", text.index("KRP"), text.index("KRP") + 3, place=ZONE_TOWN)
    mentions = [party, _mention(text, "Kelford", FORD)]
    found = choose_location(text, mentions, 0, len(text), 18, (0, len(text)))
    assert found is not None and found.place.id == FORD.id


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


def test_unseen_great_city_abroad_is_taken_but_a_village_abroad_is_not() -> None:
    hamlet = Place("r:19", "Brindle", 52.0, 17.0, "P.PPL", "ZZ", "02", population=300)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([BIG, hamlet, LAND]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    text = "Hundreds rallied in Marlow against the war in Arvenia."
    found = unseen_location(text, 0, len(text), lookup, "AR")
    assert found is not None and found.place.id == BIG.id
    text = "Hundreds rallied in Brindle against the war."
    assert unseen_location(text, 0, len(text), lookup, "AR") is None


def test_well_known_place_named_without_a_cue_is_found() -> None:
    city = Place("r:20", "Varn", 45.5, 10.5, "P.PPL", "AR", "01", population=800_000)
    hamlet = Place("r:21", "Oskel", 45.6, 10.6, "P.PPL", "AR", "01", population=200)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([city, hamlet, NORTH]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    text = "Artillery kept shelling Varn overnight."
    found = bare_location(text, 0, len(text), lookup, "AR")
    assert found is not None and (found.place.id, found.precision) == (city.id, 1)
    text = "Artillery kept shelling Oskel overnight."
    assert bare_location(text, 0, len(text), lookup, "AR") is None
    assert bare_location("Artillery hit Varn.", 0, 19, lookup, "") is None
