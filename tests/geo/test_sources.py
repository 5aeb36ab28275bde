"""The shipped place data: admin and county points, demonyms, short names, curated rows."""

from __future__ import annotations

import pytest

from frontlines.geo import SqliteGazetteer, sources
from frontlines.geo.sources import (
    _first_parts,
    admin_short_names,
    geonames_country_points,
    haversine_km,
    read_demonyms,
    town_short_names,
)

# --- admin points ------------------------------------------------------------------


def test_adm1_point_is_the_midpoint_of_iso_point_and_member_box() -> None:
    members = {"XX.01": [(10.0, 20.0, 1000, "a"), (12.0, 24.0, 500, "b")]}
    point = sources._admin_point(1, (10.0, 21.0), "XX.01", "Unit", members)
    assert point == pytest.approx((10.5, 21.5))


def test_adm1_point_keeps_the_iso_point_when_the_box_is_far() -> None:
    members = {"XX.01": [(40.0, 20.0, 1000, "a"), (42.0, 24.0, 500, "b")]}
    assert sources._admin_point(1, (10.0, 21.0), "XX.01", "Unit", members) == (10.0, 21.0)


def test_adm1_point_without_iso_point_falls_back_to_members() -> None:
    members = {"XX.01": [(10.0, 20.0, 1000, "a"), (12.0, 24.0, 500, "b")]}
    assert sources._admin_point(1, None, "XX.01", "Unit", members) == pytest.approx((11.0, 22.0))
    assert sources._admin_point(1, None, "XX.02", "Unit", members) is None


def test_adm2_point_is_the_given_point() -> None:
    members = {"XX.01": [(40.0, 20.0, 1000, "a")]}
    assert sources._admin_point(2, (1.0, 2.0), "XX.01.003", "Unit", members) == (1.0, 2.0)


def test_box_centre() -> None:
    assert sources._box_centre([]) is None
    towns = [(0.0, 0.0, 1, "a"), (2.0, 10.0, 1, "b"), (1.0, 1.0, 1, "c")]
    assert sources._box_centre(towns) == (1.0, 5.0)


def test_us_county_points_are_shipped_and_keyed_by_state_and_name() -> None:
    points = sources._us_county_points()
    assert len(points) > 3000
    key = sources._county_key("US.OH.035", "Cuyahoga County")
    assert key == ("OH", "cuyahoga county")
    lat, lon = points[key]
    assert sources.haversine_km(lat, lon, 41.50, -81.69) < 40  # Cleveland's county
    assert sources._county_key("GB.ENG.Z1", "Suffolk") == ("", "")


def test_country_points_follow_geonames_where_listed(gazetteer: SqliteGazetteer) -> None:
    us = gazetteer.country("US")
    assert us is not None and haversine_km(us.lat, us.lon, 39.76, -98.5) < 1
    assert set(geonames_country_points()) >= {"US", "CA", "JP", "IN"}


# --- demonyms ----------------------------------------------------------------------


def test_every_demonym_of_a_country_is_read() -> None:
    demonyms = read_demonyms()
    assert demonyms.get("Bosnian") == "BA"
    assert demonyms.get("Herzegovinian") == "BA"


def test_ordinary_words_are_not_demonyms() -> None:
    table = read_demonyms()
    assert "North" not in table and "South" not in table and "New" not in table
    assert table["Saudi"] == "SA"


# --- short names -------------------------------------------------------------------


def test_country_short_names() -> None:
    assert _first_parts("Bosnia and Herzegovina") == ["Bosnia"]
    assert _first_parts("Trinidad and Tobago") == ["Trinidad"]
    assert _first_parts("Turks and Caicos Islands") == []
    assert _first_parts("France") == []


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


# --- curated features --------------------------------------------------------------


def test_curated_features_cite_a_source() -> None:
    from frontlines.geo.sources import data_dir, read_curated

    rows = (data_dir() / "curated_features.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and all(len(r.split("\t")) == 8 and r.split("\t")[7].strip() for r in rows)
    for entry in read_curated():
        assert -90 <= entry.place.lat <= 90 and -180 <= entry.place.lon <= 180
        assert entry.place.id.startswith("cur:")


def test_the_theatre_s_named_uplands_plains_and_lakes_are_places() -> None:
    from frontlines.geo.sources import read_curated

    names = {name: e.place for e in read_curated() for name in e.names}
    for name, country in (("Al Ghab Plain", "SY"), ("Jabal al-Zawiya", "SY"),
                          ("Mount Sinjar", "IQ"), ("Hamrin Mountains", "IQ"),
                          ("Lake Tharthar", "IQ")):  # fmt: skip
        assert name in names and names[name].country == country, name
        assert names[name].feature_class in "TH"  # a region's point: precision 3


def test_a_map_point_s_link_to_an_event_or_list_page_is_not_its_name() -> None:
    from frontlines.geo.sources import wiki_names

    assert wiki_names("Kafr Dulbah", "Latakia offensive (2015)")[0] == ["Kafr Dulbah"]
    assert wiki_names("Izra", "Cities and towns during the Syrian Civil War#Izra")[0] == ["Izra"]
    assert wiki_names("Tal X", "Talk:Cities/Archive 63#Tal X")[0] == ["Tal X"]
    assert wiki_names("Tal X", "Tall Ex (Syria)")[0] == ["Tal X", "Tall Ex"]


def test_a_presence_label_names_the_area_it_marks() -> None:
    from frontlines.geo.sources import wiki_names

    names, _ = wiki_names("PKK/PJAK presence in Qandil Mountains", "PKK/PJAK presence in Qandil Mountains")
    assert "Qandil Mountains" in names
    names, _ = wiki_names("ISIL presence in the Saladin Governorate", "x")
    assert "Saladin Governorate" not in names  # a division's presence point is no division
