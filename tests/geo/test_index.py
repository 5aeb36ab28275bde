"""The SQLite index: build, open, detect broken files, import GeoNames dumps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import GazetteerError
from frontlines.geo import SqliteGazetteer, import_geonames, open_gazetteer

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"


def test_built_index_has_metadata_and_all_sources(gazetteer_path: Path) -> None:
    conn = sqlite3.connect(gazetteer_path)
    meta = dict(conn.execute("SELECT k, v FROM meta"))
    sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM places")}
    conn.close()
    assert meta["complete"] == "1"
    assert int(meta["places"]) > 200_000
    assert {"geonames", "wikipedia", "curated", "naturalearth"} <= sources


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


def test_lookup_many_matches_lookup(gazetteer: SqliteGazetteer) -> None:
    many = gazetteer.lookup_many(["Homs", "Tadmur", "Nowhereville Xq"])
    assert [m.place for m in many["Homs"]] == gazetteer.lookup("Homs")
    assert many["Nowhereville Xq"] == []
    assert gazetteer.get(many["Tadmur"][0].place.id) == many["Tadmur"][0].place


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


def test_import_geonames_fixture_into_new_index(tmp_path: Path) -> None:
    index = tmp_path / "gn.sqlite"
    n = import_geonames(index, DATA / "geonames_sample.txt", DATA / "alternate_names_sample.txt")
    assert n == 3
    gaz = SqliteGazetteer(index)
    dez = gaz.lookup("Deir Ezzor City")
    assert dez and dez[0].geonameid == 170794 and dez[0].feature == "P.PPLA"
    assert gaz.lookup("Example Valley")[0].feature == "H.WAD"
    assert gaz.lookup("قرية التجربة")[0].geonameid == 9000001
    assert gaz.lookup("https://en.wikipedia.org/wiki/Deir_ez-Zor") == []
    assert gaz.lookup("DEZ") == []


def test_import_replaces_same_geonameid(tmp_path: Path) -> None:
    index = tmp_path / "gn.sqlite"
    import_geonames(index, DATA / "geonames_sample.txt")
    import_geonames(index, DATA / "geonames_sample.txt")
    conn = sqlite3.connect(index)
    places = conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    names = conn.execute("SELECT COUNT(*) FROM names WHERE place_id = 'gn:170794'").fetchone()[0]
    conn.close()
    assert places == 3
    assert names == 3  # Deir ez-Zor (ascii name folds the same), Dayr az Zawr, Deir Ezzor
    assert SqliteGazetteer(index).lookup("Dayr az Zawr")[0].geonameid == 170794


def test_import_rejects_a_wrong_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tgeonames\trow\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="19 tab-separated"):
        import_geonames(tmp_path / "gn.sqlite", bad)


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


def test_curated_features_cite_a_source() -> None:
    from frontlines.geo.sources import data_dir, read_curated

    rows = (data_dir() / "curated_features.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and all(len(r.split("\t")) == 8 and r.split("\t")[7].strip() for r in rows)
    for entry in read_curated():
        assert -90 <= entry.place.lat <= 90 and -180 <= entry.place.lon <= 180
        assert entry.place.id.startswith("cur:")


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
