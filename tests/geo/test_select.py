"""Choosing what NER must check, the vetoes a person's name passes to its words, and
people's names and seats of power that the gazetteer also knows as places."""

from __future__ import annotations

from frontlines.geo import Match
from frontlines.geo.recognize import Candidate
from frontlines.geo.select import (
    PERSON_PART,
    _a_persons_first_name,
    _a_persons_surname,
    _acronym_suffix,
    _institution,
    _surnames_of_people,
    _titled,
    inherit_vetoes,
    needs_ner,
    surnames,
)
from frontlines.records import Place

from .helpers import CLINTON_TOWN, SYRIA_COUNTRY


def test_needs_ner_skips_function_words_countries_and_common_nouns() -> None:
    town = [Match(CLINTON_TOWN, 1.0)]
    mid = "We met in Clinton."
    assert needs_ner(Candidate(10, 17, "Clinton"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), [], set(), set(), mid)
    assert not needs_ner(Candidate(0, 2, "We"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), town, set(), {"clinton"}, mid)
    assert not needs_ner(Candidate(10, 15, "Syria"), [Match(SYRIA_COUNTRY, 1.0)], set(), set(), mid)
    assert needs_ner(Candidate(10, 12, "SY"), [Match(SYRIA_COUNTRY, 1.0)], set(), set(), mid)


def test_words_of_a_person_name_are_not_places() -> None:
    person = Candidate(0, 15, "Hillary Clinton", {"ner"}, label="PERSON")
    word = Candidate(8, 15, "Clinton", {"gazetteer"})
    inherit_vetoes([person, word])
    assert word.label == PERSON_PART
    (surname,) = surnames([person])
    assert (surname.text, surname.label) == ("Clinton", PERSON_PART)


TEXT = (
    "DALLAS - Nick Burton runs a farm. Burton said the season was long. "
    "He grew up in Burton, Mich., and later moved. Mr Marra met Mayor Ryan Bingham "
    "in Pope County."
)


def _cand(name: str, nth: int = 0, **kw: object) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(name, start + 1)
    return Candidate(start, start + len(name), name, {"gazetteer"}, **kw)  # type: ignore[arg-type]


def test_a_surname_of_a_named_person_is_the_person_unless_written_as_a_place() -> None:
    person = _cand("Nick Burton", label="PERSON")
    person.origins = {"ner"}
    people = _surnames_of_people([person])
    assert people == {"Burton"}
    said, home = _cand("Burton", 1), _cand("Burton", 2)
    assert _a_persons_surname(said, people, TEXT)
    assert not _a_persons_surname(home, people, TEXT)  # "in Burton, Mich."


def test_capitals_abbreviations_are_never_taken_for_surnames() -> None:
    us = Candidate(0, 2, "US", {"gazetteer"})
    assert not _a_persons_surname(us, {"US"}, "US said")


def test_a_title_marks_a_person() -> None:
    assert _titled(_cand("Mr Marra"), TEXT)
    assert _titled(_cand("Bingham"), TEXT)  # "Mayor Ryan Bingham"
    assert not _titled(_cand("Pope County"), TEXT)
    assert not _titled(_cand("DALLAS"), TEXT)


def test_a_seat_of_power_speaking_is_the_government_not_a_place() -> None:
    house = Place(id="cur:white-house", name="White House", lat=38.9, lon=-77.0,
                  feature="S.BLDG", country="US", source="curated")  # fmt: skip
    text = "The White House declined to comment. Protesters gathered outside the White House."
    first = Candidate(0, 15, "The White House", {"gazetteer"})
    second_at = text.index("White House", 20)
    second = Candidate(second_at, second_at + 11, "White House", {"gazetteer"})
    assert _institution(first, [Match(house, 1.0)], text)
    assert not _institution(second, [Match(house, 1.0)], text)
    tower = Candidate(0, 11, "Trump Tower", {"gazetteer"})
    assert not _institution(tower, [Match(house, 1.0)], "Trump Tower office")


def test_a_first_name_of_a_named_person_is_the_person_unless_a_large_place() -> None:

    def town(name: str, population: int) -> list[Match]:
        p = Place(id=name, name=name, lat=0.0, lon=0.0, feature="P.PPL", country="FR",
                  population=population)  # fmt: skip
        return [Match(p, 1.0)]

    text = "Amber Sinclair won a scholarship. As an intern Amber will attend conferences."
    amber = Candidate(text.index("Amber", 5), text.index("Amber", 5) + 5, "Amber", {"gazetteer"})
    assert _a_persons_first_name(amber, town("Amber", 1_200), {"Amber"}, text)
    assert not _a_persons_first_name(amber, town("Amber", 1_200_000), {"Amber"}, text)


def test_capitals_bracketed_onto_a_word_are_an_acronym_not_a_place() -> None:
    text = "Cadres of the KLP(US) and KLP (Maoist) marched in the US capital."
    glued = Candidate(text.index("US"), text.index("US") + 2, "US", {"gazetteer"})
    spaced_at = text.index("US", glued.end)
    spaced = Candidate(spaced_at, spaced_at + 2, "US", {"gazetteer"})
    assert _acronym_suffix(glued, text)
    assert not _acronym_suffix(spaced, text)


def test_a_town_and_its_province_vouch_for_each_other_as_places() -> None:
    from frontlines.geo.gazetteer import Match
    from frontlines.geo.recognize import Candidate
    from frontlines.geo.select import _chained
    from frontlines.records import Place

    text = "Jets struck Kanara, Westshire on Friday."
    town = Candidate(12, 18, "Kanara", {"gazetteer", "ner"}, label="ORG")
    unit = Candidate(20, 29, "Westshire", {"gazetteer", "ner"}, label="ORG")
    matches = {
        "Kanara": [Match(Place("t1", "Kanara", 1, 2, "P.PPL", "AA", "03"), 1.0)],
        "Westshire": [Match(Place("t2", "Westshire", 1, 2, "A.ADM1", "AA", "03"), 1.0)],
    }
    assert _chained([town, unit], matches, text) == {(12, 18), (20, 29)}
    matches["Westshire"] = [Match(Place("t3", "Westshire", 1, 2, "A.ADM1", "AA", "04"), 1.0)]
    assert _chained([town, unit], matches, text) == set()


def test_an_arabic_name_after_a_locative_is_a_place_whatever_the_ner_label() -> None:
    from frontlines.geo.gazetteer import Match
    from frontlines.geo.recognize import Candidate
    from frontlines.geo.select import _arabic_place_after_locative
    from frontlines.records import Place

    tanf = Place("gn:1", "At Tanf", 33.5, 38.6, "P.PPL", "SY")
    text = "Drones struck the base at Al Tanf on Thursday; Al Tanf said nothing."
    first = Candidate(text.index("Al Tanf"), text.index("Al Tanf") + 7, "Al Tanf", label="PERSON")
    assert _arabic_place_after_locative(first, [Match(tanf, 1.0)], text)
    second = text.rindex("Al Tanf")
    later = Candidate(second, second + 7, "Al Tanf", label="PERSON")
    assert not _arabic_place_after_locative(later, [Match(tanf, 1.0)], text)


def test_a_strike_verbs_object_spelled_like_a_theatre_town_is_known() -> None:
    from frontlines.geo.gazetteer import LOOSE, Match
    from frontlines.geo.select import _known
    from frontlines.records import Place

    maarat = Place("gn:2", "Maarrat an Numan", 35.6, 36.7, "P.PPL", "SY")
    lagos = Place("gn:3", "Lagos", 6.5, 3.4, "P.PPL", "NG")
    assert _known([Match(maarat, LOOSE, 1.0)])
    assert not _known([Match(lagos, LOOSE, 1.0)])
