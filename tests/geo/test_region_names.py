"""Round 4: divisions without their generic word, Korean unit forms, curated regions."""

from __future__ import annotations

from frontlines.geo import Geoparser, SqliteGazetteer
from frontlines.geo.names import lookup_names
from frontlines.geo.recognize import Candidate, paren_admin_candidates
from frontlines.geo.sources import admin_short_names, town_short_names


def test_admin_short_names_drop_the_generic_word() -> None:
    names = ["Hangu District", "Caza du Kesrouane", "Western Province", "Jongno-gu"]
    assert admin_short_names(names) == ["Hangu", "Kesrouane", "Western", "Jongno"]


def test_admin_short_names_keep_names_without_a_generic_word() -> None:
    assert admin_short_names(["Idlib", "Aleppo"]) == []
    assert admin_short_names(["Al District"]) == []  # too short to be a name on its own


def test_korean_town_units() -> None:
    assert town_short_names("Uijeongbu-si") == ["Uijeongbu"]
    assert town_short_names("Ganghwa-gun") == ["Ganghwa"]
    assert town_short_names("Winston-Salem") == []


def test_lookup_names_strip_units_and_split_dashed_parts() -> None:
    names = lookup_names(Candidate(0, 19, "Seoul City - Jongno", {"cue"}))
    assert names[:3] == ["Seoul City - Jongno", "Jongno", "Seoul City"]
    assert "Seoul" in names
    assert "Busan" in lookup_names(Candidate(0, 15, "Busan City Hall", {"ner"}))
    assert lookup_names(Candidate(0, 5, "Homs", {"ner"})) == ["Homs"]


def test_paren_admin_accepts_a_dash_separator() -> None:
    text = "a market in Jongno-gu (Seoul City - Jongno) burned"
    found = {c.text for c in paren_admin_candidates(text)}
    assert {"Jongno-gu", "Seoul City", "Jongno"} <= found


def test_district_alias_is_lower_confidence(gazetteer: SqliteGazetteer) -> None:
    matches = gazetteer.lookup_many(["Western"])["Western"]
    lanka = [m for m in matches if m.place.country == "LK" and m.place.feature == "A.ADM1"]
    assert lanka and lanka[0].quality < 0.9  # a derived alias, below alternate names
    town = gazetteer.lookup_many(["Presov"])["Presov"][0].place
    assert town.feature.startswith("P.")  # a same-named town keeps the bare name


def test_curated_regions(geoparser: Geoparser) -> None:
    text = (
        "Tensions on the Korean Peninsula and in the Middle East rose; shelling hit "
        "Eastern Ghouta while ships crossed the Atlantic."
    )
    got = {m.text: m.place for m in geoparser.parse(text) if m.place is not None}
    assert got["Korean Peninsula"].feature == "T.PEN"
    assert got["Middle East"].source == "curated"
    assert got["Eastern Ghouta"].country == "SY"
    assert got["Atlantic"].feature == "H.OCN"
