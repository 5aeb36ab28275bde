"""A user's GeoNames import survives a rebuild of the index (after an upgrade)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.geo import SqliteGazetteer, build, import_geonames
from frontlines.geo.sources import Entry
from frontlines.records import Place

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"


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
