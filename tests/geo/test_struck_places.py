"""Places written as a strike's object, as the town of a longer phrase, and the country
clues a caller gives the geoparser (frontlines.geo.recognize cues, select, parse)."""

from __future__ import annotations

from frontlines.geo import Geoparser, MemoryGazetteer
from frontlines.geo.recognize import cue_candidates

from .helpers import BUKAMAL, HOMS, SYRIA_ALIASES, SYRIA_PLACES, Doc, named_place


def _nlp(text: str) -> Doc:
    return Doc()


def _parser(places: list = SYRIA_PLACES, clues=None) -> Geoparser:  # type: ignore[type-arg,no-untyped-def]
    return Geoparser(MemoryGazetteer(places, aliases=SYRIA_ALIASES), nlp=_nlp, clues=clues)


def test_a_place_struck_as_the_verbs_object_is_a_cue() -> None:
    cues = cue_candidates("Regime forces shelled Albu Kamal on Monday.")
    assert [(c.text, c.hint) for c in cues] == [("Albu Kamal", "object")]


def test_a_group_named_before_its_fighters_is_no_object_place() -> None:
    assert cue_candidates("Turkish forces shelled Kurdish positions.") == []
    assert cue_candidates("Regime forces attacked IS.") == []


def test_a_known_place_struck_is_found_and_an_unknown_name_is_not() -> None:
    found = {m.text: m.place for m in _parser().parse("Russian jets struck Homs.")}
    assert found.get("Homs") == HOMS
    assert "Qwertyville" not in {m.text for m in _parser().parse("Jets struck Qwertyville.")}


def test_the_town_of_a_phrase_with_adjectives_before_it_is_a_cue() -> None:
    text = "Artillery hit the northeastern Syrian town of Albu Kamal on Monday."
    found = {m.text: m.place for m in _parser().parse(text)}
    assert found.get("Albu Kamal") == BUKAMAL


def test_the_callers_country_clues_weigh_for_the_texts_focus() -> None:
    home = named_place("h:1", "Tarvia", "SY", population=900)
    abroad = named_place("h:2", "Tarvia", "MA", population=4000)
    places = [*SYRIA_PLACES, home, abroad]
    text = "Clashes erupted near Tarvia."
    plain = {m.text: m.place for m in _parser(places).parse(text)}
    clued = {m.text: m.place for m in _parser(places, clues=lambda t: ["SY"]).parse(text)}
    assert plain["Tarvia"] == abroad
    assert clued["Tarvia"] == home


def test_a_countrys_abbreviation_before_its_base_is_a_nationality() -> None:
    from frontlines.geo.recognize import demonym_candidates

    found = demonym_candidates("Rockets landed near a U.S. base in eastern Syria.")
    assert [(c.text, c.country, c.hint) for c in found] == [("U.S.", "US", "force")]
    assert demonym_candidates("Protests spread across the U.S. on Sunday.") == []


def test_the_surroundings_and_the_residents_of_a_place_cue_it() -> None:
    shelled = cue_candidates("Regime forces shelled the surroundings of Albu Kamal with rockets.")
    assert [(c.text, c.precision) for c in shelled] == [("Albu Kamal", 2)]
    rallied = cue_candidates("Dozens of residents of Albu Kamal demonstrated against prices.")
    assert [(c.text, c.precision) for c in rallied] == [("Albu Kamal", 1)]


def test_a_countrys_abbreviation_before_its_aircraft_or_staff_is_a_nationality() -> None:
    from frontlines.geo.recognize import demonym_candidates

    for text in ("U.S. fighter jets carried out strikes in eastern Syria.",
                 "A drone attack killed a U.S. contractor in Syria."):  # fmt: skip
        assert [c.country for c in demonym_candidates(text)] == ["US"]
