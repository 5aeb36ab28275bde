"""Issue 3 rules: country points, abbreviations, ACLED-style notes, loose matches, demonyms."""

from __future__ import annotations

from frontlines.geo import Geoparser, SqliteGazetteer
from frontlines.geo.focus import close_spelling
from frontlines.geo.gazetteer import LOOSE, Match
from frontlines.geo.recognize import cue_candidates, paren_admin_candidates
from frontlines.geo.sources import geonames_country_points, haversine_km, read_demonyms
from frontlines.records import Place


def test_country_points_follow_geonames_where_listed(gazetteer: SqliteGazetteer) -> None:
    us = gazetteer.country("US")
    assert us is not None and haversine_km(us.lat, us.lon, 39.76, -98.5) < 1
    assert set(geonames_country_points()) >= {"US", "CA", "JP", "IN"}


def test_state_abbreviations_resolve(gazetteer: SqliteGazetteer) -> None:
    for name, code in (("Calif.", "CA"), ("Ky.", "KY"), ("N.J.", "NJ")):
        found = [p for p in gazetteer.lookup(name) if p.feature == "A.ADM1"]
        assert found and found[0].country == "US" and found[0].admin1 == code, name
    assert any(p.admin1 == "02" for p in gazetteer.lookup("B.C.") if p.country == "CA")


def test_ordinary_words_are_not_demonyms() -> None:
    table = read_demonyms()
    assert "North" not in table and "South" not in table and "New" not in table
    assert table["Saudi"] == "SA"


def test_numbers_after_cues_are_not_places() -> None:
    text = "around 50 residents gathered near 200 Main Street"
    assert not [c for c in cue_candidates(text) if c.text[:1].isdigit()]


def test_parenthesised_divisions_are_cued() -> None:
    text = "protested in Cahors (Lot, Occitanie) against it; the United Nations (UN) said"
    found = {c.text: c.hint for c in paren_admin_candidates(text)}
    assert found == {"Cahors": "", "Lot": "admin", "Occitanie": "admin"}


def test_acled_note_places_resolve_inside_their_divisions(geoparser: Geoparser) -> None:
    text = "On 3 May 2022, around 50 residents protested in Cahors (Lot, Occitanie)."
    places = {m.text: m.place for m in geoparser.parse(text)}
    assert "50" not in places
    cahors = places["Cahors"]
    assert cahors is not None and haversine_km(cahors.lat, cahors.lon, 44.45, 1.44) < 10
    nord = geoparser.parse("workers demonstrated in Denain (Nord, Hauts-de-France).")
    assert all(m.place is not None and m.place.country == "FR" for m in nord)


def test_loose_matches_need_a_close_spelling() -> None:
    manila = Match(Place("gn:1", "Manila", 14.6, 121.0, "P.PPLC", "PH"), LOOSE)
    deir = Match(Place("gn:2", "Deir ez-Zor", 35.3, 40.1, "P.PPLA", "SY"), LOOSE)
    assert not close_spelling("Mawanella", manila)
    assert close_spelling("Deir Ezzor", deir)
    assert not close_spelling("Lot", Match(Place("gn:3", "Lota", 0, 0, "P.PPL", "CL"), LOOSE))


def test_regional_demonym_and_eu(geoparser: Geoparser) -> None:
    spans = [(0, 7), (12, 14)]
    out = geoparser.resolve_spans("English and EU rules", spans)
    assert out[0].place is not None and out[0].place.name == "England"
    assert out[1].place is not None and out[1].place.feature == "L.CONT"
