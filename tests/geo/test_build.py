"""Building the index: the built sources, GeoNames imports, and re-imports after a rebuild."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.errors import GazetteerError
from frontlines.geo import SqliteGazetteer, build, import_geonames
from frontlines.geo.sources import Entry
from frontlines.records import Place

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"


def test_built_index_has_metadata_and_all_sources(gazetteer_path: Path) -> None:
    conn = sqlite3.connect(gazetteer_path)
    meta = dict(conn.execute("SELECT k, v FROM meta"))
    sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM places")}
    conn.close()
    assert meta["complete"] == "1"
    assert int(meta["places"]) > 200_000
    assert {"geonames", "wikipedia", "curated", "naturalearth"} <= sources


# --- GeoNames imports --------------------------------------------------------------


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


# --- a user's GeoNames import survives a rebuild of the index (after an upgrade) ---


def _tiny_sources(progress: object) -> Iterator[tuple[str, list[Entry]]]:
    town = Place(id="gn:1", name="Sampletown", lat=1.0, lon=2.0, feature="P.PPL", geonameid=1)
    yield "cities", [Entry(town, ["Sampletown"])]


@pytest.fixture
def tiny_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "_all_entries", _tiny_sources)


@pytest.mark.usefixtures("tiny_build")
def test_rebuild_imports_recorded_dumps_again(tmp_path: Path) -> None:
    index = tmp_path / "gaz.sqlite"
    dump = tmp_path / "SY.txt"
    shutil.copy(DATA / "geonames_sample.txt", dump)
    build.build_gazetteer(index)
    import_geonames(index, dump)
    assert build.recorded_imports(index) == [(str(dump.resolve()), "")]
    messages: list[str] = []
    build.build_gazetteer(index, progress=messages.append)
    gaz = SqliteGazetteer(index)
    assert gaz.lookup("Dayr az Zawr")[0].geonameid == 170794
    assert gaz.lookup("Sampletown")
    assert any("importing" in m and "SY.txt" in m for m in messages)


@pytest.mark.usefixtures("tiny_build")
def test_rebuild_says_when_an_imported_dump_is_gone(tmp_path: Path) -> None:
    index = tmp_path / "gaz.sqlite"
    dump = tmp_path / "SY.txt"
    shutil.copy(DATA / "geonames_sample.txt", dump)
    build.build_gazetteer(index)
    import_geonames(index, dump)
    dump.unlink()
    messages: list[str] = []
    build.build_gazetteer(index, progress=messages.append)
    assert SqliteGazetteer(index).lookup("Dayr az Zawr") == []
    assert any("is gone" in m and "import-geonames" in m for m in messages)


def test_no_index_records_no_imports(tmp_path: Path) -> None:
    assert build.recorded_imports(tmp_path / "missing.sqlite") == []
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 10)
    assert build.recorded_imports(junk) == []


def test_an_article_written_onto_a_later_word_is_also_indexed_apart() -> None:
    from frontlines.geo.words import article_split

    assert article_split("shawarghet elarz") == ["shawarghet el arz"]
    assert article_split("elbasan") == []  # the first word keeps its letters
    assert article_split("tal elm") == []  # too short to hold an article and a word
