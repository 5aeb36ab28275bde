"""The event's place as one scored choice: written-inside areas, namesakes, reasons."""

from __future__ import annotations

from frontlines.extract.attributes.notes import write_note
from frontlines.extract.places.location import Location, choose_location
from frontlines.extract.places.place_choice import Sentence, choose, step
from frontlines.records import Event, Mention, Place, Span

from ..helpers import mention_of

# a province named after its city, a village in it, and a namesake village far away
CITY = Place("q:1", "Qalbara", 35.9, 36.6, "P.PPLA", "SY", "08", population=160_000)
VILLAGE = Place("q:2", "Tall Hanun", 35.6, 36.5, "P.PPL", "SY", "08")
FAR_VILLAGE = Place("q:3", "Tall Hanun", 33.0, 36.2, "P.PPL", "SY", "03")
PROVINCE = Place("q:4", "Raqqin", 36.0, 39.0, "A.ADM1", "SY", "04")


def _choose(text: str, mentions: list[Mention]) -> Location:
    chosen = choose_location(text, mentions, 0, len(text), 20, (0, len(text)), "SY")
    assert chosen is not None
    return chosen


def test_the_place_written_inside_a_countryside_wins_over_the_area() -> None:
    text = "Regime forces shelled Tall Hanun town in Qalbara countryside with rockets."
    mentions = [mention_of(text, "Tall Hanun", VILLAGE, VILLAGE),
                mention_of(text, "Qalbara", CITY, CITY)]  # fmt: skip
    chosen = _choose(text, mentions)
    assert chosen.place.id == VILLAGE.id
    assert "the place written inside the area named after it" in chosen.reasons


def test_the_area_chooses_among_the_namesakes() -> None:
    text = "Gunmen shot a man in Tall Hanun village in the southern countryside of Qalbara."
    mentions = [mention_of(text, "Tall Hanun", FAR_VILLAGE, FAR_VILLAGE, VILLAGE),
                mention_of(text, "Qalbara", CITY, CITY)]  # fmt: skip
    assert _choose(text, mentions).place.id == VILLAGE.id


def test_a_reading_outside_the_area_yields_to_the_area() -> None:
    text = "Turkish forces shelled Tall Hanun town in Raqqin governorate."
    mentions = [mention_of(text, "Tall Hanun", FAR_VILLAGE, FAR_VILLAGE),
                mention_of(text, "Raqqin", PROVINCE, PROVINCE)]  # fmt: skip
    chosen = _choose(text, mentions)
    assert chosen.place.id == PROVINCE.id and chosen.name == "Tall Hanun"
    assert any("Tall Hanun" in w and "not in the gazetteer" in w for w in chosen.warnings)


def test_an_unknown_village_is_placed_at_the_area_it_is_written_inside() -> None:
    text = "Shells hit Kherbet Umm Zeid village in rural Qalbara on Monday."
    mentions = [mention_of(text, "Kherbet Umm Zeid", None),
                mention_of(text, "Qalbara", CITY, CITY)]  # fmt: skip
    chosen = _choose(text, mentions)
    assert chosen.place.id == CITY.id and chosen.name == "Kherbet Umm Zeid"
    assert any("written inside" in r for r in chosen.reasons)


def test_the_choice_keeps_its_reasons_and_the_candidates_count() -> None:
    text = "Regime forces shelled Tall Hanun town in Qalbara countryside."
    mentions = [mention_of(text, "Tall Hanun", VILLAGE, VILLAGE),
                mention_of(text, "Qalbara", CITY, CITY)]  # fmt: skip
    sentence = Sentence(text, 0, len(text), 15, (0, len(text)), "SY", mentions)
    previous = Location("Qalbara", CITY, 1, mentions[1])
    chosen = choose(sentence, None, previous, None)
    assert chosen is not None and chosen.location.place.id == VILLAGE.id
    assert chosen.reasons[-1] == "score 3 over 1 other candidates"


def test_with_nothing_in_the_sentence_the_previous_place_is_chosen() -> None:
    text = "Casualties were reported."
    previous = Location("Qalbara", CITY, 1, Mention("Qalbara", 0, 7, place=CITY))
    chosen = choose(Sentence(text, 0, len(text), 0, (0, len(text)), "SY", []), None, previous,
                    None)  # fmt: skip
    assert chosen is not None and chosen.location.place.id == CITY.id
    assert chosen.reasons[0] == "the previous sentence's place"


def test_a_step_records_its_reason_only_when_it_changes_the_place() -> None:
    start = Location("Qalbara", CITY, 1, Mention("Qalbara", 0, 7, place=CITY), reasons=["a"])
    same = Location("Qalbara", CITY, 1, start.mention)
    assert step(start, same, "b").reasons == ["a"]
    moved = Location("Raqqin", PROVINCE, 3, start.mention)
    assert step(start, moved, "b").reasons == ["a", "b"]


def test_the_note_keeps_the_name_the_report_gave() -> None:
    event = Event("Battles", "Armed clash", "A", Span(0, 1, "x"), event_date="2022-01-05",
                  location="Kherbet Umm Zeid", geo_precision=2)  # fmt: skip
    note = write_note(event, "x", placed_at="Qalbara")
    assert "in the area of Kherbet Umm Zeid, near Qalbara" in note
    event.location = "Al Hassan"
    assert "near Al Hasyan (Al Hassan)" in write_note(event, "x", written="Al Hasyan")


# the gazetteer spells a village of the province otherwise ("Shuhayl" for "Shiheil")
SPELLED = Place("q:5", "Al-Shuhail", 35.8, 36.7, "P.PPL", "SY", "08")
ELSEWHERE = Place("q:6", "Shahil", 33.5, 36.3, "P.PPL", "SY", "03")


def _sentence(text: str, mentions: list[Mention]) -> Sentence:
    return Sentence(text, 0, len(text), 20, (0, len(text)), "SY", mentions)


def test_an_unknown_village_is_found_by_its_sound_among_the_places_of_its_area() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer([CITY, SPELLED, ELSEWHERE])
    text = "Gunmen attacked a checkpoint in Shiheil town in Qalbara countryside."
    mentions = [mention_of(text, "Shiheil", None), mention_of(text, "Qalbara", CITY, CITY)]
    without = choose(_sentence(text, mentions), None, None, None)
    assert without is not None and without.location.place.id == CITY.id  # stands in
    chosen = choose(_sentence(text, mentions), None, None, None, gazetteer.sounds_in)
    assert chosen is not None and chosen.location.place.id == SPELLED.id
    assert chosen.location.name == "Shiheil"
    assert any("sounds like 'Al-Shuhail'" in r for r in chosen.reasons)


def test_a_short_or_unlike_name_keeps_its_area_as_stand_in() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer

    gazetteer = MemoryGazetteer([CITY, Place("q:7", "Sayal", 35.7, 36.6, "P.PPL", "SY", "08")])
    for name in ("Saalu", "Kharab Rashak"):  # two consonants; no namesake by sound
        text = f"Gunmen attacked a checkpoint in {name} town in Qalbara countryside."
        mentions = [mention_of(text, name, None), mention_of(text, "Qalbara", CITY, CITY)]
        chosen = choose(_sentence(text, mentions), None, None, None, gazetteer.sounds_in)
        assert chosen is not None and chosen.location.place.id == CITY.id


def test_an_origin_inside_the_only_other_place_is_the_finer_place() -> None:
    town = Place("q:8", "Bab Tal", 35.8, 36.55, "P.PPL", "SY", "08", population=20_000)
    text = "Gunmen assaulted a child from Bab Tal city in Qalbara governorate."
    mentions = [mention_of(text, "Bab Tal", town, town), mention_of(text, "Qalbara", CITY, CITY)]
    assert _choose(text, mentions).place.id == town.id
    # a bigger city, or one of another province, is not inside the area
    far = Place("q:9", "Dimashq", 33.5, 36.3, "P.PPLC", "SY", "13", population=2_000_000)
    text = "Gunmen shot a man from Dimashq in Qalbara city."
    mentions = [mention_of(text, "Dimashq", far, far), mention_of(text, "Qalbara", CITY, CITY)]
    assert _choose(text, mentions).place.id == CITY.id


def test_the_countryside_of_a_city_that_is_a_division_of_its_own_is_the_division_around_it() -> None:
    # Damascus is a governorate of its own (SY.13); "rural Damascus" is Rif Dimashq (SY.08),
    # which reaches the Iraqi border: a town there, far from the city, is not a namesake
    damascus = Place("d:1", "Damascus", 33.51, 36.29, "P.PPLC", "SY", "13", population=1_500_000)
    border = Place("d:2", "At Tanf", 33.507, 38.619, "P.PPL", "SY", "08")
    text = "A landmine exploded near Tanf in rural Damascus, injuring a man."
    mentions = [mention_of(text, "Tanf", border, border),
                mention_of(text, "Damascus", damascus, damascus)]  # fmt: skip
    assert _choose(text, mentions).place.id == border.id
    elsewhere = Place("d:3", "At Tanf", 33.507, 38.619, "P.PPL", "SY", "11")  # another province
    mentions = [mention_of(text, "Tanf", elsewhere, elsewhere),
                mention_of(text, "Damascus", damascus, damascus)]  # fmt: skip
    assert _choose(text, mentions).place.id == damascus.id


def test_a_named_site_outranks_the_town_a_person_came_from() -> None:
    prison = Place("s:1", "Sednaya Prison", 33.665, 36.329, "S.MILB", "SY", "08")
    text = "A man from Qalbara died under torture in Sidnaya Military Prison, years after his arrest."
    mentions = [mention_of(text, "Qalbara", CITY, CITY),
                mention_of(text, "Sidnaya Military Prison", prison, prison)]  # fmt: skip
    assert _choose(text, mentions).place.id == prison.id


def test_a_village_written_in_a_small_town_lies_in_its_area() -> None:
    town = Place("t:9", "Afrun", 36.5, 36.87, "P.PPL", "SY", "09", population=36_000)
    village = Place("t:10", "Jindar", 36.39, 36.69, "P.PPL", "SY", "09")
    text = "Turkish forces shelled Jindar town in Afrun with artillery."
    mentions = [mention_of(text, "Jindar", village, village), mention_of(text, "Afrun", town, town)]
    chosen = _choose(text, mentions)
    assert chosen.place.id == village.id
    assert "the place written inside the area named after it" in chosen.reasons


def test_the_desert_of_a_town_places_the_event_near_the_town() -> None:
    text = "IS militants attacked regime forces in the Badia of Qalbara, killing three."
    chosen = _choose(text, [mention_of(text, "Qalbara", CITY, CITY)])
    assert chosen.place.id == CITY.id and chosen.precision == 2


def test_a_place_owned_by_an_area_written_before_it_is_the_events_place() -> None:
    text = "Artillery shelled villages in Qalbara's Tall Hanun district on Monday."
    mentions = [mention_of(text, "Qalbara", CITY, CITY),
                mention_of(text, "Tall Hanun", VILLAGE, VILLAGE)]  # fmt: skip
    chosen = _choose(text, mentions)
    assert chosen.place.id == VILLAGE.id
    assert any("area named before it" in r for r in chosen.reasons)


def test_a_village_of_a_district_is_the_events_place() -> None:
    text = "IS militants attacked Tall Hanun village of Qalbara district, killing one."
    mentions = [mention_of(text, "Tall Hanun", VILLAGE, VILLAGE),
                mention_of(text, "Qalbara", CITY, CITY)]  # fmt: skip
    assert _choose(text, mentions).place.id == VILLAGE.id


def test_a_coders_remark_in_another_sentence_places_the_event_at_precision_3() -> None:
    from ..helpers import memory_lookup

    text = ("Gunmen attacked a shepherd in the Tall Hanun area of Raqqin. "
            "Coded as provincial capital Qalbara city. There were no casualties.")  # fmt: skip
    end = text.index(". Coded") + 1
    mentions = [mention_of(text, "Tall Hanun", FAR_VILLAGE, FAR_VILLAGE),
                mention_of(text, "Raqqin", PROVINCE, PROVINCE)]  # fmt: skip
    sentence = Sentence(text, 0, end, 8, (0, len(text)), "SY", mentions)
    chosen = choose(sentence, memory_lookup([CITY, PROVINCE]), None, None)
    assert chosen is not None and chosen.location.place.id == CITY.id
    assert chosen.location.precision == 3
    assert chosen.reasons[0] == "the place a coder's remark codes the event to"
