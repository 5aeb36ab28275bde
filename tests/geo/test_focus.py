"""The text's country focus: common-word names set aside and restored, loose spellings checked."""

from __future__ import annotations

from frontlines.geo.focus import close_spelling
from frontlines.geo.gazetteer import LOOSE, Match, loose_match
from frontlines.records import Place

from .helpers import place


def test_common_word_names_keep_only_places_of_the_texts_countries() -> None:
    from frontlines.geo.focus import restore_generic, set_aside_generic

    ghana = place(id="gh", name="Western", feature="A.ADM1", country="GH")
    zambia = place(id="zm", name="Western", feature="A.ADM1", country="ZM")
    region = place(id="me", name="Middle East", feature="L.RGN", country="")
    cape = place(id="za", name="Cape Town", feature="P.PPL", country="ZA")
    matches = {"Western": [Match(ghana, 1.0), Match(zambia, 1.0)],
               "Middle East": [Match(region, 1.0)], "Cape Town": [Match(cape, 1.0)]}  # fmt: skip
    aside = set_aside_generic(matches)
    assert set(aside) == {"Western", "Middle East"} and set(matches) == {"Cape Town"}
    restore_generic(matches, aside, {"ZA": 0.8, "ZM": 0.2})
    assert [m.place.id for m in matches["Western"]] == ["zm"]
    assert [m.place.id for m in matches["Middle East"]] == ["me"]


def test_loose_matches_need_a_close_spelling() -> None:
    manila = Place("gn:1", "Manila", 14.6, 121.0, "P.PPLC", "PH")
    deir = Place("gn:2", "Deir ez-Zor", 35.3, 40.1, "P.PPLA", "SY")
    assert not close_spelling("Mawanella", loose_match("Mawanella", manila, ["manila"]))
    assert close_spelling("Deir Ezzor", loose_match("Deir Ezzor", deir, ["deir ez zor"]))
    assert not close_spelling("Lot", Match(Place("gn:3", "Lota", 0, 0, "P.PPL", "CL"), LOOSE))


def test_another_standard_transliteration_is_kept_before_the_text_has_a_focus() -> None:
    from frontlines.geo.focus import drop_loose

    ayn = Place("gn:4", "Ayn Issa", 36.4, 38.9, "P.PPL", "SY")
    cairo_quarter = Place("gn:5", "Abbasiyah", 34.6, 37.0, "P.PPL", "SY")
    matches = {"Ein Issa": [loose_match("Ein Issa", ayn, ["ayn issa"])]}
    drop_loose(matches, {})
    assert [m.place.id for m in matches["Ein Issa"]] == ["gn:4"]
    # a text about another country keeps only its own places
    matches = {"Abbassiya": [loose_match("Abbassiya", cairo_quarter, ["abbasiyah"])]}
    drop_loose(matches, {"EG": 0.9})
    assert matches["Abbassiya"] == []


def test_a_force_named_by_nationality_weighs_half_a_nationality() -> None:
    from frontlines.geo.focus import initial_focus
    from frontlines.geo.recognize import demonym_candidates

    counts = initial_focus(demonym_candidates("Turkish drones hit a Syrian town."), {}, None)
    assert counts["SY"] == 2 * counts["TR"] > 0
