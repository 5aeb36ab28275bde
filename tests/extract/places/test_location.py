"""Choosing the event's place among resolved mentions, on hand-written sentences."""

from __future__ import annotations

from frontlines.extract.actors.registry import country_info
from frontlines.extract.places.location import (
    Location,
    choose_location,
    district_precision,
    text_country,
)
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

from ..helpers import (
    ARV_PLACES,
    ARV_SMALL,
    BIG,
    FORD,
    LAND,
    ZONE_TOWN,
    memory_lookup,
    mention_of,
    toponym,
)


def _place(name: str, feature: str, country: str, admin1: str = "") -> Place:
    return Place(
        id=f"t:{name}:{country}",
        name=name,
        lat=1.0,
        lon=2.0,
        feature=feature,
        country=country,
        admin1=admin1,
    )


def _choose(text: str, mentions: list[Mention], country: str = "") -> str:
    chosen = choose_location(text, mentions, 0, len(text), len(text) - 1, (0, len(text)), country)
    assert chosen is not None
    return f"{chosen.place.name}/{chosen.place.country}/{chosen.precision}"


def test_headed_town_beats_a_later_neighbourhood() -> None:
    text = "In Bigtown (Eastshire), residents blocked roads in the Smallhill neighbourhood."
    mentions = [
        toponym("Bigtown", text, _place("Bigtown", "P.PPL", "AA", "01")),
        toponym("Eastshire", text, _place("Eastshire", "A.ADM1", "AA", "01")),
        toponym("Smallhill", text, _place("Smallhill", "P.PPL", "BB")),
    ]
    assert _choose(text, mentions, "AA") == "Bigtown/AA/1"


def test_namesake_in_the_qualifying_area_is_preferred() -> None:
    text = "Gunmen attacked a bus in Twinford (Westshire)."
    far = _place("Twinford", "P.PPL", "BB", "09")
    here = _place("Twinford", "P.PPL", "AA", "02")
    mentions = [
        toponym("Twinford", text, far, far, here),
        toponym("Westshire", text, _place("Westshire", "A.ADM1", "AA", "02")),
    ]
    assert _choose(text, mentions).startswith("Twinford/AA/")


def test_unknown_village_is_placed_at_its_admin_area_with_wording_precision() -> None:
    text = "Militants abducted a chief in the village of Nowhereville (Eastshire)."
    mentions = [
        toponym("Nowhereville", text, None),
        toponym("Eastshire", text, _place("Eastshire", "A.ADM2", "AA")),
    ]
    chosen = choose_location(text, mentions, 0, len(text), 10, (0, len(text)))
    assert chosen is not None
    assert (chosen.name, chosen.place.name, chosen.precision) == ("Nowhereville", "Eastshire", 1)
    assert chosen.warnings


def test_coded_to_place_wins_with_region_precision() -> None:
    text = "In Eastshire state (coded to Capitalton), farmers protested."
    mentions = [
        toponym("Eastshire", text, _place("Eastshire", "A.ADM1", "AA")),
        toponym("Capitalton", text, _place("Capitalton", "P.PPLA", "AA")),
    ]
    assert _choose(text, mentions) == "Capitalton/AA/3"


def test_text_country_weighs_bracketed_admin_names() -> None:
    text = "Protest at Lakeside (Northshire, Southland)."
    mentions = [
        toponym("Lakeside", text, _place("Lakeside", "P.PPL", "BB")),
        toponym("Northshire", text, _place("Northshire", "A.ADM2", "AA")),
    ]
    assert text_country(text, mentions) == "AA"
    assert text_country("Nothing here.", []) == ""


def test_small_states_have_a_country_name() -> None:
    info = country_info("CV")
    assert info is not None and info.name == "Cape Verde"


def test_named_part_of_a_town_gives_way_to_the_town() -> None:
    text = "Police dispersed a crowd in Hillside neighbourhood of Rivertown parish."
    mentions = [
        toponym("Hillside", text, _place("Hillside", "P.PPL", "AA")),
        toponym("Rivertown", text, _place("Rivertown", "P.PPL", "AA")),
    ]
    assert _choose(text, mentions, "AA").startswith("Rivertown/")


def test_a_place_named_before_district_of_beats_its_container() -> None:
    text = "Police stopped a van in the Kelby district of Marsh City and detained migrants."
    mentions = [
        toponym("Kelby", text, _place("Kelby", "P.PPL", "AA", "07")),
        toponym("Marsh City", text, _place("Marsh City", "P.PPL", "AA", "07")),
    ]
    assert _choose(text, mentions, "AA").startswith("Kelby/")


def test_a_neighbourhood_of_a_city_still_yields_to_the_city() -> None:
    text = "People rallied in the Old Docks neighbourhood of Marsh City on Sunday."
    mentions = [
        toponym("Old Docks", text, _place("Old Docks", "P.PPL", "AA", "07")),
        toponym("Marsh City", text, _place("Marsh City", "P.PPL", "AA", "07")),
    ]
    assert _choose(text, mentions, "AA").startswith("Marsh City/")


def _located(text: str, name: str, precision: int) -> Location:
    place = _place(name, "P.PPL", "AA")
    return Location(name, place, precision, toponym(name, text, place))


def test_a_district_level_unit_gives_precision_two() -> None:
    # "in Taze township": the event lies somewhere in the unit, coded to its town
    for unit in ("township", "district", "LGA", "tehsil", "woreda", "raion"):
        text = f"Locals protested in Kelby {unit} against the coup."
        assert district_precision(text, _located(text, "Kelby", 1)).precision == 2


def test_a_town_word_or_a_province_word_keeps_the_precision() -> None:
    text = "Locals protested in Kelby town against the coup."
    assert district_precision(text, _located(text, "Kelby", 1)).precision == 1
    text = "Drones struck Kelby province overnight."
    assert district_precision(text, _located(text, "Kelby", 3)).precision == 3


def test_wording_beside_a_place_gives_precision_two() -> None:
    for text in (
        "Troops advanced in the direction of Kelby, clashing with rebels.",
        "Gunmen ambushed a convoy between Kelby and Marsh City.",
        "Gunmen ambushed a convoy between Marsh City and Kelby.",
        "Soldiers fired at farmland east of Kelby on Monday.",
        "Police found a depot in the rural area of Kelby municipality.",
        "A mine exploded 10 km south of Kelby overnight.",
    ):
        assert district_precision(text, _located(text, "Kelby", 1)).precision == 2, text


def test_in_a_place_keeps_precision_one() -> None:
    text = "Gunmen shot a man in Kelby near the market."
    assert district_precision(text, _located(text, "Kelby", 1)).precision == 1


def test_a_colonia_named_with_its_word_yields_to_the_town() -> None:
    text = "In Tolpan, Veracrez, gunmen shot a man in Colonia Las Flores (drive-by)."
    town = Place("c:1", "Tolpan", 19.0, -99.0, "A.ADM2", "MX", "17", population=2000)
    quarter = Place("c:2", "Colonia Las Flores", 25.0, -100.0, "P.PPL", "MX", "09")
    at = text.index("Colonia")
    mentions = [
        Mention("Tolpan", 3, 9, place=town, candidates=(town,)),
        Mention("Colonia Las Flores", at, at + 18, place=quarter, candidates=(quarter,)),
    ]
    chosen = choose_location(text, mentions, 0, len(text), 30, (0, len(text)), "MX")
    assert chosen is not None and chosen.place.id == "c:1"


_arv_lookup = memory_lookup(ARV_PLACES)
_arv_mention = mention_of


def test_a_whole_country_ranks_below_a_town_named_without_a_cue() -> None:
    text = "Students rallied at the town hall of Kelford against the war in Arvenia."
    mentions = [_arv_mention(text, "Kelford", FORD), _arv_mention(text, "Arvenia", LAND)]
    found = choose_location(text, mentions, 0, len(text), 10, (0, len(text)))
    assert found is not None and found.place.id == FORD.id


def test_a_country_alone_is_still_a_location() -> None:
    text = "Protesters gathered in Arvenia."
    mentions = [_arv_mention(text, "Arvenia", LAND)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)))
    assert found is not None and found.place.id == LAND.id


def test_village_named_like_a_great_city_becomes_the_city() -> None:
    text = "Hundreds marched in Marlow for peace."
    mentions = [_arv_mention(text, "Marlow", ARV_SMALL, BIG, ARV_SMALL)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)), "AR")
    assert found is not None and found.place.id == BIG.id


def test_large_town_is_kept_over_a_greater_namesake() -> None:
    town = Place("r:13", "Marlow", 50.0, 26.0, "P.PPL", "AR", "03", population=90_000)
    text = "Hundreds marched in Marlow for peace."
    mentions = [_arv_mention(text, "Marlow", town, BIG, town)]
    found = choose_location(text, mentions, 0, len(text), 0, (0, len(text)), "AR")
    assert found is not None and found.place.id == town.id


def test_an_acronym_ranks_below_a_named_town() -> None:
    text = "Kelford residents stormed a debate held at KRP offices."
    party = Mention("KRP", text.index("KRP"), text.index("KRP") + 3, place=ZONE_TOWN)
    mentions = [party, _arv_mention(text, "Kelford", FORD)]
    found = choose_location(text, mentions, 0, len(text), 18, (0, len(text)))
    assert found is not None and found.place.id == FORD.id


def test_the_texts_main_town_keeps_the_precision_it_was_named_with() -> None:
    import datetime as dt

    from frontlines.extract import EventExtractor

    town = Place("m:1", "Kelby", 10.0, 20.0, "P.PPL", "AA", "01", population=30_000)
    text = "Kelby is a port town. On 4 May 2022, gunmen shot and killed a trader there."
    mentions = [Mention("Kelby", 0, 5, place=town, candidates=(town,), precision=1)]
    extractor = EventExtractor(gazetteer=MemoryGazetteer([town]))
    events = extractor.extract_text(text, dt.date(2022, 5, 5), mentions)
    assert events and events[0].location == "Kelby"
    assert events[0].geo_precision == 1


def test_between_two_villages_in_a_province_is_the_first_village() -> None:
    text = "Artillery hit the area between Northfold and Southfold villages in Bigshire governorate."
    mentions = [
        toponym("Northfold", text, _place("Northfold", "P.PPL", "AA", "01")),
        toponym("Southfold", text, _place("Southfold", "P.PPL", "AA", "01")),
        toponym("Bigshire", text, _place("Bigshire", "A.ADM1", "AA", "01")),
    ]
    assert _choose(text, mentions, "AA") == "Northfold/AA/2"


def test_a_town_written_in_a_qualified_district_is_the_town() -> None:
    text = "Hundreds marched in Kanara town in Sinford, Westshire, against the strikes."
    mentions = [
        toponym("Kanara", text, _place("Kanara", "P.PPL", "AA", "02")),
        toponym("Sinford", text, _place("Sinford", "P.PPL", "AA", "02")),
        toponym("Westshire", text, _place("Westshire", "A.ADM1", "AA", "02")),
    ]
    assert _choose(text, mentions, "AA").startswith("Kanara/AA/")


def test_a_site_written_in_a_qualified_town_is_in_the_town() -> None:
    text = "Students rallied at the Kanara area in Sinford, Westshire, for better pay."
    mentions = [
        toponym("Kanara", text, _place("Kanara", "P.PPL", "BB")),
        toponym("Sinford", text, _place("Sinford", "P.PPL", "AA", "02")),
        toponym("Westshire", text, _place("Westshire", "A.ADM1", "AA", "02")),
    ]
    assert _choose(text, mentions, "AA").startswith("Sinford/AA/")


def test_a_place_named_as_the_reference_of_another_is_not_the_event_place() -> None:
    text = "Jets struck a hideout in the Redpeak mountains north-east of Bigtown."
    mentions = [
        toponym("Redpeak mountains", text, _place("Redpeak Mountains", "T.MTS", "AA")),
        toponym("Bigtown", text, _place("Bigtown", "P.PPLC", "AA", "01")),
    ]
    assert _choose(text, mentions, "AA") == "Redpeak Mountains/AA/3"


def test_the_place_of_an_earlier_event_the_report_dates_by_is_not_the_event_place() -> None:
    text = "Jets struck bases near Northvale, a week after a deadly bombing in Bigtown."
    mentions = [
        toponym("Northvale", text, _place("Northvale", "P.PPL", "BB", "02")),
        toponym("Bigtown", text, _place("Bigtown", "P.PPL", "AA", "01")),
    ]
    assert _choose(text, mentions, "AA").startswith("Northvale/BB")


def test_a_town_written_inside_its_country_keeps_its_place() -> None:
    text = "A roadside bomb struck a patrol near Westford in northeast Arvenia."
    town = Place("t:w", "Westford", 46.9, 12.4, "P.PPL", "AR", "01")
    mentions = [toponym("Westford", text, town), toponym("Arvenia", text, LAND)]
    assert _choose(text, mentions, "AR") == "Westford/AR/2"


def test_a_part_of_a_city_read_far_from_it_stands_at_the_city() -> None:
    text = "Locals protested in the Dor al Naft area of Bigtown city."
    far = Place("t:d", "Ad Dor", 40.0, 20.0, "P.PPLA2", "AR", "05")
    city = Place("t:b", "Bigtown", 45.0, 10.0, "P.PPL", "AR", "01", population=900_000)
    mentions = [toponym("Dor", text, far), toponym("Bigtown", text, city)]
    chosen = choose_location(text, mentions, 0, len(text), 12, (0, len(text)), "AR")
    assert chosen is not None and chosen.place == city and chosen.name == "Dor"


def test_a_country_named_after_in_is_no_town_abroad_spelled_like_it() -> None:
    from frontlines.extract.places.unseen import unseen_location

    text = "Gunmen killed two farmers in Arvenia."
    abroad = Place("t:a", "Arvena", 30.0, 50.0, "P.PPL", "ZZ", "01", population=500_000)

    def lookup(names: object) -> dict[str, list[tuple[Place, float]]]:
        return {"Arvenia": [(LAND, 1.0), (abroad, 0.9)]}

    assert unseen_location(text, 0, len(text), lookup) is None
