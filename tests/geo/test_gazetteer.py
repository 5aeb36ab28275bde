"""Gazetteers: opening and checking the SQLite index, lookups, main towns, the memory gazetteer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import GazetteerError
from frontlines.geo import MemoryGazetteer, SqliteGazetteer, open_gazetteer

from .helpers import (
    DEZ,
    DEZ_ADM1,
    DONETSK_PLACES,
    HOMS,
    OTHER,
    SEAT,
    SY,
    SYRIA_ALIASES,
    SYRIA_PLACES,
)

# --- opening the index -------------------------------------------------------------


def test_open_without_build_names_path_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(GazetteerError, match="frontlines gazetteer build") as info:
        open_gazetteer(Settings(gazetteer_path=path), build=False)
    assert str(path) in str(info.value)


def test_open_detects_incomplete_index(tmp_path: Path) -> None:
    path = tmp_path / "partial.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE places (id TEXT); CREATE TABLE meta (k TEXT, v TEXT);"
        "INSERT INTO meta VALUES ('version', 'x');"
    )
    conn.commit()
    conn.close()
    with pytest.raises(GazetteerError, match="incomplete"):
        open_gazetteer(Settings(gazetteer_path=path), build=False)


def test_open_detects_garbage_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match="unreadable"):
        open_gazetteer(Settings(gazetteer_path=path), build=False)


def test_open_existing_index(gazetteer_path: Path) -> None:
    gaz = open_gazetteer(Settings(gazetteer_path=gazetteer_path), build=False)
    assert gaz.lookup("Damascus")


def test_open_builds_a_missing_index(
    tmp_path: Path, gazetteer_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import frontlines.geo.gazetteer as module

    calls: list[Path] = []

    def fake_build(path: Path, *, progress: object = None) -> Path:
        calls.append(Path(path))
        shutil.copy(gazetteer_path, path)
        return Path(path)

    monkeypatch.setattr(module, "build_gazetteer", fake_build)
    target = tmp_path / "cache" / "g.sqlite"
    target.parent.mkdir()
    gaz = open_gazetteer(Settings(gazetteer_path=target))
    assert calls == [target]
    assert gaz.lookup("Homs")


def test_an_index_built_from_other_data_is_stale(gazetteer_path: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    from frontlines import Settings
    from frontlines.errors import GazetteerError
    from frontlines.geo import open_gazetteer

    copy = tmp_path / "old.sqlite"
    shutil.copy(gazetteer_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET v = 'older-data' WHERE k = 'fingerprint'")
    with pytest.raises(GazetteerError, match="stale"):
        open_gazetteer(Settings(gazetteer_path=copy), build=False)


# --- lookups in the built index ----------------------------------------------------


def test_codes_are_not_names(gazetteer: SqliteGazetteer) -> None:
    assert all(p.name != "Deir ez-Zor" for p in gazetteer.lookup("DEZ"))


def test_lookup_country_admin_and_wikipedia_points(gazetteer: SqliteGazetteer) -> None:
    syria = gazetteer.country("SY")
    assert syria is not None and syria.geonameid == 163843
    assert (round(syria.lat), round(syria.lon)) == (35, 38)
    features = {p.feature for p in gazetteer.lookup("Deir ez-Zor") if p.country == "SY"}
    assert {"P.PPL", "A.ADM1"} <= features
    t2 = [p for p in gazetteer.lookup("T-2 station") if p.country == "SY"]
    assert t2 and t2[0].source == "wikipedia"
    assert gazetteer.mark(t2[0].id) == "IS_oil"


def test_a_qualified_village_is_found_by_its_bare_name(gazetteer: SqliteGazetteer) -> None:
    found = [p.name for p in gazetteer.lookup("Baghuz") if p.country == "SY"]
    assert "Baghuz Fawqani" in found


def test_the_pkk_mountain_areas_of_iraqi_kurdistan_are_curated(
    gazetteer: SqliteGazetteer,
) -> None:
    for name, found in (("Avashin", "Avashin-Basyan"), ("Metina", "Metina"), ("Jurf al-Nasr", "Jurf al-Sakhar")):
        assert found in {p.name for p in gazetteer.lookup(name) if p.country == "IQ"}


def test_lookup_many_matches_lookup(gazetteer: SqliteGazetteer) -> None:
    many = gazetteer.lookup_many(["Homs", "Tadmur", "Nowhereville Xq"])
    assert [m.place for m in many["Homs"]] == gazetteer.lookup("Homs")
    assert many["Nowhereville Xq"] == []
    assert gazetteer.get(many["Tadmur"][0].place.id) == many["Tadmur"][0].place


def test_state_abbreviations_resolve(gazetteer: SqliteGazetteer) -> None:
    for name, code in (("Calif.", "CA"), ("Ky.", "KY"), ("N.J.", "NJ")):
        found = [p for p in gazetteer.lookup(name) if p.feature == "A.ADM1"]
        assert found and found[0].country == "US" and found[0].admin1 == code, name
    assert any(p.admin1 == "02" for p in gazetteer.lookup("B.C.") if p.country == "CA")


def test_district_alias_is_lower_confidence(gazetteer: SqliteGazetteer) -> None:
    matches = gazetteer.lookup_many(["Western"])["Western"]
    lanka = [m for m in matches if m.place.country == "LK" and m.place.feature == "A.ADM1"]
    assert lanka and lanka[0].quality < 0.9  # a derived alias, below alternate names
    town = gazetteer.lookup_many(["Presov"])["Presov"][0].place
    assert town.feature.startswith("P.")  # a same-named town keeps the bare name


def test_latin_america_is_south_america_as_geonames_keyed_corpora_mark_it(
    gazetteer: SqliteGazetteer,
) -> None:
    found = gazetteer.lookup("Latin America")
    assert found and found[0].feature == "L.CONT" and found[0].geonameid == 6255150


def test_former_states_stand_at_their_successor(gazetteer: SqliteGazetteer) -> None:
    for name in ("Soviet Union", "USSR"):
        found = gazetteer.lookup(name)
        assert found and found[0].feature == "A.PCLI" and found[0].country == "RU"


# --- main towns --------------------------------------------------------------------


def test_main_town_prefers_the_seat_named_like_the_division() -> None:
    gaz = MemoryGazetteer(DONETSK_PLACES)
    assert gaz.main_town("UA", "05") == SEAT
    assert gaz.main_town("ua", "Donetsk") == SEAT  # by name, any case of country code


def test_main_town_falls_back_to_the_largest_town() -> None:
    gaz = MemoryGazetteer(DONETSK_PLACES)
    assert gaz.main_town("UA", "13") == OTHER
    assert gaz.main_town("UA", "Kyivska oblast") == OTHER
    assert gaz.main_town("UA", "99") is None
    assert gaz.main_town("XX", "Nowhere") is None


def test_main_town_in_the_index(gazetteer: SqliteGazetteer) -> None:
    town = gazetteer.main_town("UA", "05")
    assert town is not None and town.name == "Donetsk" and town.country == "UA"
    borno = gazetteer.main_town("NG", "Borno")
    assert borno is not None and borno.name == "Maiduguri"


# --- the memory gazetteer ----------------------------------------------------------


def test_memory_gazetteer_lookup_exact_then_loose() -> None:
    gaz = MemoryGazetteer(SYRIA_PLACES, aliases=SYRIA_ALIASES)
    assert gaz.lookup("Deir ez-Zor")[0].id in {DEZ.id, DEZ_ADM1.id}
    assert DEZ in gaz.lookup("Dayr az-Zawr")
    assert gaz.lookup("Deir al-Zour")  # loose key only
    assert gaz.lookup("Atlantis") == []
    assert gaz.get(HOMS.id) == HOMS
    assert gaz.country("SY") == SY
    assert gaz.country("FR") is None


def test_loose_matches_rank_by_spelling_before_population() -> None:
    from frontlines.geo.gazetteer import LOOSE, MemoryGazetteer
    from frontlines.records import Place

    big = Place("x:1", "Kashka", 50.0, 20.0, "P.PPL", "CZ", population=900_000)
    village = Place("x:2", "Kashkiyeh", 34.8, 40.6, "P.PPL", "SY")
    found = MemoryGazetteer([big, village]).lookup_many(["Kishkiyeh"])["Kishkiyeh"]
    assert [m.place.id for m in found] == ["x:2", "x:1"]
    assert all(m.quality == LOOSE for m in found) and found[0].spelling > found[1].spelling


def test_small_exact_namesakes_leave_room_for_close_spellings() -> None:
    from frontlines.geo.gazetteer import MemoryGazetteer
    from frontlines.records import Place

    abroad = Place("x:1", "Karama", 10.0, 10.0, "P.PPL", "IN", population=3000)
    home = Place("x:2", "Al Karamah", 35.9, 39.0, "P.PPL", "SY")
    city = Place("x:3", "Marlow", 50.0, 0.0, "P.PPL", "GB", population=900_000)
    twin = Place("x:4", "Marlowe", 35.0, 39.0, "P.PPL", "SY")
    gazetteer = MemoryGazetteer([abroad, home, city, twin])
    found = gazetteer.lookup_many(["Karama", "Marlow"])
    assert {m.place.id for m in found["Karama"]} == {"x:1", "x:2"}
    assert [m.place.id for m in found["Marlow"]] == ["x:3"]


def test_sounds_in_finds_a_division_s_places_by_their_consonants() -> None:
    from frontlines.records import Place

    inside = Place("s:1", "Dibsi Afnan", 35.8, 38.2, "P.PPL", "SY", "09")  # coded next door
    member = Place("s:2", "Shatnah", 35.84, 38.26, "P.PPL", "SY", "04")
    far = Place("s:3", "Dabsi Afnan", 33.0, 36.0, "P.PPL", "SY", "03")
    gazetteer = MemoryGazetteer([inside, member, far])
    found = gazetteer.sounds_in("Debsi Afnan", "SY", "04")
    assert [m.place.id for m in found] == ["s:1"]  # within a few km of the division's places
    assert found[0].spelling >= 0.8
    assert gazetteer.sounds_in("Debsi Afnan", "SY", "") == []


def test_main_town_is_the_listed_seat_where_populations_mislead() -> None:
    from frontlines.records import Place

    diyala = Place("d", "Diyala", 34.0, 45.0, "A.ADM1", "IQ", "10")
    big = Place("k", "Khanaqin", 34.3, 45.4, "P.PPL", "IQ", "10", population=175_000, geonameid=1)
    seat = Place("b", "Baqubah", 33.7, 44.6, "P.PPL", "IQ", "10", population=152_550,
                 geonameid=97990)  # fmt: skip
    gaz = MemoryGazetteer([diyala, big, seat])
    assert gaz.main_town("IQ", "10") == seat
