"""Hand-made places shared by the location tests (``frontlines.extract`` location chain)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from frontlines.geo.gazetteer import MemoryGazetteer
from frontlines.records import Mention, Place

Lookup = Callable[[Iterable[str]], dict[str, list[tuple[Place, float]]]]

# provinces, their namesake towns, homonyms abroad and a province without a namesake town
PROVINCE_PLACES = [
    Place("r:1", "Varnhold", 30.0, 40.0, "A.ADM1", "AA", "05", population=900000),
    Place("r:2", "Varnhold", 30.4, 40.2, "P.PPL", "AA", "05", population=120000),
    Place("r:3", "Kesterland Region", 31.0, 42.0, "A.ADM1", "AA", "06", population=500000),
    Place("r:4", "Ostrava Nueva", 31.2, 42.3, "P.PPL", "AA", "06", population=80000),
    Place("r:5", "Brindleford", 12.0, 8.0, "P.PPL", "AA", "05", population=4000),
    Place("r:6", "Brindleford", 50.0, 1.0, "P.PPL", "BB", "02", population=60000),
    Place("r:7", "Tollmere", 48.0, 2.0, "P.PPL", "BB", "02", population=9000),
    Place("r:8", "San Pietro di Mora", 44.0, 11.0, "P.PPL", "IT", "09", population=3000),
    Place("r:9", "San Pietro", 38.0, 15.0, "P.PPL", "IT", "15", population=20000),
    Place("r:10", "Lagunaria", 44.3, 11.4, "A.ADM1", "IT", "09", population=400000),
    Place("r:11", "Duskwater", 30.1, 40.1, "P.PPL", "AA", "05", population=700),
    Place("r:12", "Duskwater", 60.0, 5.0, "P.PPL", "BB", "03", population=90000),
]

# Arvenia: a country, its provinces, homonyms and twins
LAND = Place("r:1", "Arvenia", 45.0, 10.0, "A.PCLI", "AR", population=9_000_000)
FORD = Place("r:2", "Kelford", 45.2, 10.3, "P.PPL", "AR", "01", population=4000)
NORTH = Place("r:3", "Norland", 46.0, 11.0, "A.ADM1", "AR", "01")
FORD_FAR = Place("r:4", "Kelford", 48.0, 16.0, "P.PPL", "AR", "05", population=900)
SOUTH = Place("r:5", "Sudmark", 48.1, 16.1, "A.ADM1", "AR", "05")
EAST_REGION = Place("r:6", "East", 4.0, 13.0, "A.ADM1", "QQ", "09")
TWIN_STATE = Place("r:7", "Vessa", 9.0, 6.0, "A.ADM1", "VV", "11")
TWIN_LAND = Place("r:8", "Vessa", 17.0, 9.0, "A.PCLI", "VS", population=20_000_000)
BIG = Place("r:9", "Marlow", 52.0, 17.0, "P.PPL", "ZZ", "02", population=500_000)
ARV_SMALL = Place("r:10", "Marlow", 50.0, 26.0, "P.PPL", "AR", "03", population=1200)
CAPITAL = Place("r:11", "Harrow", 9.1, 6.1, "P.PPL", "VV", "11", population=300_000)
ZONE_TOWN = Place("r:12", "Ostrel", 45.4, 10.5, "P.PPL", "AR", "01", population=20_000)
ARV_PLACES = [LAND, FORD, NORTH, FORD_FAR, SOUTH, EAST_REGION, TWIN_STATE, TWIN_LAND, CAPITAL]
ARV_PLACES += [ZONE_TOWN]


def memory_lookup(places: list[Place]) -> Lookup:
    """The extractor's lookup callable over an in-memory gazetteer of ``places``."""
    gazetteer = MemoryGazetteer(places)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = gazetteer.lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    return lookup


def mention_of(text: str, name: str, place: Place | None, *cands: Place) -> Mention:
    """A mention of ``name`` at its first offset in ``text``."""
    start = text.index(name)
    return Mention(name, start, start + len(name), place=place, candidates=cands)


def toponym(text: str, whole: str, place: Place | None, *cands: Place, nth: int = 0) -> Mention:
    """A toponym mention of ``text`` at its ``nth`` offset in ``whole``, with ``cands`` as its
    candidates (else its place)."""
    start = -1
    for _ in range(nth + 1):
        start = whole.index(text, start + 1)
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        kind="toponym",
        place=place,
        candidates=cands or ((place,) if place else ()),
    )
