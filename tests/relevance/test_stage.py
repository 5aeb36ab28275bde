"""The relevance gate in the pipeline: a page not read for events keeps its places only
with ``Settings.all_places``."""

from __future__ import annotations

import datetime as dt

from frontlines import Frontlines
from frontlines.config import Settings
from frontlines.geo import MemoryGazetteer
from frontlines.ingest import read_bytes
from frontlines.records import Analysis, Place

HOMS = Place("gn:169577", "Homs", 34.73, 36.72, "P.PPLA", "SY", "11", population=775_000)
MATCH = (
    "The football match in Homs ended with the home team scoring twice in the second half. "
    "The striker, the goalkeeper and the coach celebrated the league title with the fans, "
    "and the club's next game is an away fixture in the cup."
)


class Recording:
    """A geoparser stand-in that records the pages it was given (the NER geoparser)."""

    def __init__(self) -> None:
        self.gazetteer = MemoryGazetteer([HOMS])
        self.seen: list[str] = []

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        self.seen.extend(a.document.source for a in batch)
        return batch


def _analyse(all_places: bool) -> tuple[Analysis, Recording]:
    geoparser = Recording()
    app = Frontlines(Settings(all_places=all_places), geoparser=geoparser,
                     gazetteer=geoparser.gazetteer)  # fmt: skip
    [doc] = read_bytes(MATCH.encode(), source="match.txt", published=dt.date(2020, 1, 1))
    [analysis] = app.analyze([doc])
    return analysis, geoparser


def test_a_page_not_read_for_events_keeps_no_places_by_default() -> None:
    analysis, geoparser = _analyse(all_places=False)
    assert analysis.document.relevance is not None
    assert not analysis.document.relevance.relevant
    assert analysis.mentions == [] and analysis.events == []
    assert geoparser.seen == []
    assert any("its places are not read" in w for w in analysis.document.warnings)


def test_all_places_reads_them_from_the_gazetteer_alone() -> None:
    analysis, geoparser = _analyse(all_places=True)
    assert [m.place.id for m in analysis.mentions if m.place] == [HOMS.id]
    assert analysis.events == [] and geoparser.seen == []  # not the NER geoparser
    assert any("its places are kept" in w for w in analysis.document.warnings)


def test_the_setting_comes_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FRONTLINES_ALL_PLACES", "1")
    assert Settings.from_env().all_places
    monkeypatch.setenv("FRONTLINES_ALL_PLACES", "0")
    assert not Settings.from_env().all_places
