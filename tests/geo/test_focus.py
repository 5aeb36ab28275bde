"""The text's country focus: common-word names set aside and restored, loose spellings checked."""

from __future__ import annotations

from collections import Counter

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


def test_a_forces_nationality_does_not_keep_its_neighbours_towns_out() -> None:
    from frontlines.geo.focus import drop_loose, initial_focus, place_evidence
    from frontlines.geo.recognize import demonym_candidates
    from frontlines.geo.resolve import focus_shares

    text = "Turkish artillery shells hit the town of Tal Rifaat."
    cands = demonym_candidates(text)
    counts = initial_focus(cands, {}, None)
    town = Place("gn:6", "Tall Rif'at", 36.47, 37.1, "P.PPL", "SY", population=25_000)
    matches = {"Tal Rifaat": [loose_match("Tal Rifaat", town, ["tall rifat"])]}
    drop_loose(matches, focus_shares(counts), (), focus_shares(place_evidence(counts, cands)))
    assert [m.place.id for m in matches["Tal Rifaat"]] == ["gn:6"]
    # the text's own places still decide when it names them
    matches = {"Tal Rifaat": [loose_match("Tal Rifaat", town, ["tall rifat"])]}
    drop_loose(matches, {"TR": 1.0}, (), {"TR": 1.0})
    assert matches["Tal Rifaat"] == []


def test_a_name_glued_to_a_participle_names_a_patron_not_a_place() -> None:
    from frontlines.geo.focus import glued_attribute

    text = "Iran-backed militias and the US-led coalition, the UK-based monitor said."
    for name in ("Iran", "US", "UK"):
        assert glued_attribute(text, text.index(name) + len(name))
    assert not glued_attribute("Rockets hit Erbil-city outskirts", len("Rockets hit Erbil"))


def test_a_city_spelled_alike_far_from_the_texts_countries_is_dropped() -> None:
    from frontlines.geo.focus import drop_loose

    far = Place("gn:7", "Sousse", 35.8, 10.6, "P.PPL", "TN", population=220_000)
    near = Place("gn:8", "Mosul", 36.3, 43.1, "P.PPLA", "IQ", population=1_400_000)
    matches = {"Khilani": [Match(far, LOOSE, 1.0)], "Mawsil": [Match(near, LOOSE, 1.0)]}
    drop_loose(matches, {"SY": 1.0})  # Iraq borders Syria; Tunisia does not
    assert matches["Khilani"] == [] and [m.place.id for m in matches["Mawsil"]] == ["gn:8"]


def test_a_city_heard_only_by_its_spelling_votes_only_near_the_focus() -> None:
    from collections import Counter

    from frontlines.geo.focus import add_unambiguous
    from frontlines.geo.recognize import Candidate
    from frontlines.geo.resolve import Scored

    far = Place("gn:7", "Sousse", 35.8, 10.6, "P.PPL", "TN", population=220_000)
    baghdad = Place("gn:9", "Baghdad", 33.3, 44.4, "P.PPLC", "IQ", population=7_000_000)
    items = [
        Scored(Candidate(0, 8, "Khilani"), [Match(far, LOOSE, 1.0)]),
        Scored(Candidate(20, 27, "Baghdad"), [Match(baghdad, 1.0)]),
    ]
    counts: Counter[str] = Counter()
    add_unambiguous(counts, items)
    assert counts["IQ"] > 0 and counts["TN"] == 0


def test_a_forces_nationality_alone_reaches_the_countries_beside_it() -> None:
    from frontlines.geo.focus import force_reach, place_evidence
    from frontlines.geo.recognize import demonym_candidates

    cands = demonym_candidates("Iranian drones struck a base near the town.")
    counts = Counter({"IR": 1})
    reached = force_reach(counts, place_evidence(counts, cands))
    assert reached["IR"] == 2 * reached["IQ"] > 0 and reached["JP"] == 0
    # a text that names a place of its own keeps its evidence
    named = Counter({"IR": 1, "IQ": 2})
    assert force_reach(named, place_evidence(named, cands)) == named
