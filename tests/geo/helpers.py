"""Test helpers shared by the tests/geo files: hand-made places, small worlds and NLP stubs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontlines.records import Place


def place(**kw: object) -> Place:
    """A Place from keywords, with a dummy id, name and point unless given."""
    base: dict[str, object] = {"id": "x", "name": "X", "lat": 0.0, "lon": 0.0}
    base.update(kw)
    return Place(**base)  # type: ignore[arg-type]


def named_place(pid: str, name: str, country: str, feature: str = "P.PPL", admin1: str = "01",
                population: int = 5000) -> Place:  # fmt: skip
    """A Place at (0, 0) in division ``admin1`` of ``country``."""
    return Place(id=pid, name=name, lat=0.0, lon=0.0, feature=feature, country=country,
                 admin1=admin1, population=population)  # fmt: skip


def no_nlp(text: str) -> Any:
    """An NLP stand-in for resolve mode, which must never run NER."""
    raise AssertionError("resolve mode must not run NER")


@dataclass
class Ent:
    """A spaCy entity stand-in."""

    text: str
    start_char: int
    label_: str


@dataclass
class Doc:
    """A spaCy Doc stand-in: its entities and (iterable) tokens."""

    ents: tuple[Any, ...] = ()
    tokens: list[Any] = field(default_factory=list)

    def __iter__(self) -> Any:
        return iter(self.tokens)


# --- US states, division seats and namesakes (resolve-mode rules) ----------------------

US = Place("gn:6252001", "United States", 39.76, -98.5, "A.PCLI", "US", population=310_000_000)
CALIFORNIA = Place("gn:5332921", "California", 37.2, -119.5, "A.ADM1", "US", "CA",
                   population=30_000_000)  # fmt: skip
WASHINGTON_ST = Place("gn:5815135", "Washington", 47.5, -120.5, "A.ADM1", "US", "WA",
                      population=6_000_000)  # fmt: skip
WASHINGTON_DC = Place("gn:4140963", "Washington", 38.9, -77.04, "P.PPLC", "US", "DC",
                      population=700_000)  # fmt: skip
SEAT_ADM1 = Place("gn:1", "Dayra", 35.1, 40.3, "A.ADM1", "SY", "07", population=450_000)
SEAT_TOWN = Place("gn:2", "Dayra", 35.34, 40.14, "P.PPLA", "SY", "07", population=270_000)
BIG_ADM1 = Place("gn:3", "Quebeca", 52.0, -72.0, "A.ADM1", "CA", "10", population=8_000_000)
BIG_SEAT = Place("gn:4", "Quebeca", 46.8, -71.2, "P.PPLA", "CA", "10", population=530_000)
KENTUCKY = Place("gn:6254925", "Kentucky", 37.5, -85.0, "A.ADM1", "US", "KY",
                 population=3_300_000)  # fmt: skip
KENTUCKY_RIVER = Place("ne:river:1", "Kentucky", 38.68, -85.18, "H.STM", source="naturalearth")
LONDON_GB = Place("gn:2643743", "London", 51.51, -0.13, "P.PPLC", "GB", population=8_900_000)
LONDON_KY = Place("gn:4298960", "London", 37.13, -84.08, "P.PPL", "US", "KY", population=8_000)
OHIO_TOWN = Place("gn:10", "Hamlet", 40.0, -83.0, "P.PPL", "US", "OH", population=2_000)
OHIO_CITY = Place("gn:11", "Bigton", 41.5, -81.7, "P.PPL", "US", "OH", population=380_000)
STATES_AND_SEATS = [US, CALIFORNIA, WASHINGTON_ST, WASHINGTON_DC, SEAT_ADM1, SEAT_TOWN, BIG_ADM1,
                    BIG_SEAT, KENTUCKY, KENTUCKY_RIVER, LONDON_GB, LONDON_KY, OHIO_TOWN,
                    OHIO_CITY]  # fmt: skip

# --- Donetsk oblast, its seat and towns (main towns, "X region") -----------------------

OBLAST = Place("gn:1", "Donetsk", 48.0, 37.5, "A.ADM1", "UA", "05", population=4_000_000)
SEAT = Place("gn:2", "Donetsk", 48.02, 37.8, "P.PPL", "UA", "05", population=900_000)
BIGGER = Place("gn:3", "Mariupol", 47.1, 37.5, "P.PPL", "UA", "05", population=1_000_000)
SMALL = Place("gn:4", "Avdiivka", 48.14, 37.75, "P.PPL", "UA", "05", population=30_000)
OTHER = Place("gn:5", "Bila", 49.8, 30.1, "P.PPL", "UA", "13", population=200_000)
KYIV_OBLAST = Place("gn:6", "Kyivska", 50.3, 30.6, "A.ADM1", "UA", "13", population=1_500_000)
FAR_TOWN = Place("gn:7", "Donetsk", 48.3, 39.9, "P.PPL", "RU", "61", population=50_000)
DONETSK_PLACES = [OBLAST, SEAT, BIGGER, SMALL, OTHER, KYIV_OBLAST, FAR_TOWN]

# --- Eastern Syria with transliterated aliases and foreign namesakes --------------------

SY = Place(
    "gn:163843", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=16_906_283, geonameid=163843
)
IQ = Place("gn:99237", "Iraq", 33.0, 44.0, "A.PCLI", "IQ", population=29_671_605, geonameid=99237)
HOMS = Place("gn:169577", "Homs", 34.72405, 36.72559, "P.PPL", "SY", population=775_404)
HOMS_US = Place("gn:1", "Homs", 40.0, -90.0, "P.PPL", "US", population=900)
DEZ = Place("gn:170794", "Deir ez-Zor", 35.33588, 40.14084, "P.PPLA", "SY", population=271_800)
MAYADIN = Place("gn:173480", "Al Mayādīn", 35.01982, 40.45154, "P.PPL", "SY", population=54_534)
BUKAMAL = Place("gn:174448", "Ālbū Kamāl", 34.45226, 40.91854, "P.PPL", "SY", population=57_572)
TADMUR = Place("gn:163808", "Tadmur", 34.5624, 38.28402, "P.PPL", "SY", population=51_015)
PALMYRA_US = Place("gn:5102378", "Palmyra", 40.00706, -75.02823, "P.PPL", "US", population=7_314)
HUM_ALEPPO = Place("gn:2", "Humaymah", 36.17, 37.64, "P.PPL", "SY", population=800)
HUM_DESERT = Place("wp:sy:1", "Al-Humaymah", 34.4415, 39.755, "P.PPL", "SY", source="wikipedia")
DEZ_ADM1 = Place("gn:170792", "Deir ez-Zor", 35.14, 40.21, "A.ADM1", "SY", admin1="07")

SYRIA_PLACES = [SY, IQ, HOMS, HOMS_US, DEZ, MAYADIN, BUKAMAL, TADMUR, PALMYRA_US, HUM_ALEPPO,
                HUM_DESERT, DEZ_ADM1]  # fmt: skip
SYRIA_ALIASES = {
    DEZ.id: ["Dayr az Zawr", "Deir Ezzor"],
    MAYADIN.id: ["Al Mayadin", "Mayadin"],
    BUKAMAL.id: ["Abu Kamal", "Al Bukamal", "Albu Kamal"],
    TADMUR.id: ["Palmyra", "Tadmor"],
    SY.id: ["Syrian Arab Republic"],
}

# --- a town that is also a surname, and a country (NER gating) -------------------------

CLINTON_TOWN = Place("gn:1", "Clinton", 40.0, -90.0, "P.PPL", "US", population=20_000)
SYRIA_COUNTRY = Place("gn:2", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=17_000_000)
