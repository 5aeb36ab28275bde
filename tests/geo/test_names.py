"""The names looked up for a candidate: unit words stripped, dashed parts split."""

from __future__ import annotations

from frontlines.geo.names import lookup_names
from frontlines.geo.recognize import Candidate


def test_lookup_names_strip_units_and_split_dashed_parts() -> None:
    names = lookup_names(Candidate(0, 19, "Seoul City - Jongno", {"cue"}))
    assert names[:3] == ["Seoul City - Jongno", "Jongno", "Seoul City"]
    assert "Seoul" in names
    assert "Busan" in lookup_names(Candidate(0, 15, "Busan City Hall", {"ner"}))
    assert lookup_names(Candidate(0, 5, "Homs", {"ner"})) == ["Homs"]


def test_a_facility_is_also_looked_up_under_the_place_it_is_named_after() -> None:
    def names(text: str) -> list[str]:
        return lookup_names(Candidate(0, len(text), text, {"ner"}))

    assert names("Rukban Camp") == ["Rukban Camp", "Rukban Refugee Camp", "Rukban"]
    assert names("Sidnaya Military Prison") == [
        "Sidnaya Military Prison", "Sidnaya Prison", "Sidnaya"
    ]
    # a short word says too little alone, but the facility is sought under its usual names
    assert names("Hole Camp") == ["Hole Camp", "Hole Refugee Camp"]
    assert names("Camp Street") == ["Camp Street"]


def test_a_facility_is_found_under_the_gazetteers_name_for_it_spelled_otherwise() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer

    from .helpers import named_place

    camp = named_place("c", "Al-Hawl Refugee Camp", "SY")
    prison = named_place("p", "Sednaya Prison", "SY", "S.MILB", "08")
    gaz = MemoryGazetteer([camp, prison])

    def found(text: str) -> list[str]:
        names = lookup_names(Candidate(0, len(text), text, {"cue"}))
        hits = gaz.lookup_many(names)
        return [m.place.name for name in names for m in hits[name]]

    assert found("Hole Camp") == ["Al-Hawl Refugee Camp"]
    assert found("Sidnaya Military Prison") == ["Sednaya Prison"]


def test_a_numbered_pumping_station_named_by_its_ordinal_is_looked_up_by_its_number() -> None:
    assert lookup_names(Candidate(0, 13, "Third Station", {"cue"}))[0] == "T3 station"
    station = Candidate(0, 6, "Fourth", {"cue"}, hint="station")
    assert lookup_names(station)[0] == "T4 station"
    assert "T1 station" not in lookup_names(Candidate(0, 5, "First", {"ner"}))


def test_a_place_written_with_two_names_takes_the_matches_of_either() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer
    from frontlines.geo.names import matches_for, two_names

    from .helpers import named_place

    assert two_names("Serekaniye (Ras al-Ain)") == ("Serekaniye", "Ras al-Ain")
    assert two_names("Ras al-Ain") == ()
    town = named_place("r", "Ra's al 'Ayn", "SY")
    cand = Candidate(0, 23, "Serekaniye (Ras al-Ain)", {"cue"})
    found = MemoryGazetteer([town]).lookup_many(lookup_names(cand))
    assert [m.place.id for m in matches_for(cand, found)] == ["r"]


def test_a_quarter_found_by_its_sound_must_lie_in_the_city_written_before_it() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer
    from frontlines.geo.names import matches_for
    from frontlines.records import Place

    city = Place("h", "Al Hasakah", 36.50, 40.75, "P.PPLA", "SY", "01", population=188_000)
    far = Place("k", "Khalasah", 36.0, 37.2, "P.PPL", "SY", "09")
    near = Place("n", "Kallasa", 36.49, 40.73, "P.PPL", "SY", "01")
    cand = Candidate(0, 24, "Al-Hasakeh - Al Kallaseh", {"ner"})
    alias = {"h": ["Al-Hasakeh"]}
    found = MemoryGazetteer([city, far], alias).lookup_many(lookup_names(cand))
    assert [m.place.id for m in matches_for(cand, found)] == ["h"]  # not the namesake afar
    found = MemoryGazetteer([city, far, near], alias).lookup_many(lookup_names(cand))
    assert "n" in [m.place.id for m in matches_for(cand, found)]


def test_two_places_joined_by_a_hyphen_are_looked_up_one_by_one_after_the_whole() -> None:
    def names(text: str, origin: str = "cue") -> list[str]:
        return lookup_names(Candidate(0, len(text), text, {origin}))

    assert names("Ash Shula-Sokhneh") == ["Ash Shula-Sokhneh", "Ash Shula", "Sokhneh"]
    assert names("Al-Bukamal") == ["Al-Bukamal"]  # an article is no place
    assert names("Deir ez-Zor") == ["Deir ez-Zor"]
    assert names("Amsterdam-London", "ner") == ["Amsterdam-London"]  # not cued as a place
    assert names("Congressman Mario Diaz-Balart") == ["Congressman Mario Diaz-Balart"]


def test_an_arabic_feature_word_is_also_looked_up_as_english_maps_write_it() -> None:
    from frontlines.geo.names import english_feature_names

    assert english_feature_names("Silsilat Jibal Qandil")[0] == "Qandil Mountains"
    assert english_feature_names("Buhayrat Hamrin") == ["Lake Hamrin"]
    assert english_feature_names("Sahl al-Ghab") == ["Ghab Plain"]
    assert english_feature_names("Homs") == []
    cand = Candidate(0, 36, "Binare Qendil (Silsilat Jibal Qandil)", {"cue"})
    assert "Qandil Mountains" in lookup_names(cand)
