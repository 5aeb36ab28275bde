"""ISO 3166 codes, country names and ACLED regions (from GeoNames' country table).

``country_info("SY")`` and ``country_info("Syria")`` both give the same
:class:`CountryInfo`; unknown input gives None.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# ACLED's region names where the continent alone does not decide them.
_AFRICA = {
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW LS NA ZA SZ",
}
_ASIA = {
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
}
_AMERICAS = {
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AI AG AW BS BB BM BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF "
    "PM VC SX TT TC VI",
}
_CONTINENT_REGION = {
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}
# ACLED's spelling where GeoNames' differs.
_NAMES = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "MM": "Myanmar",
}


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    numeric: int
    name: str
    region: str


def _region(iso2: str, continent: str) -> str:
    for table in (_AFRICA, _ASIA, _AMERICAS):
        for region, codes in table.items():
            if iso2 in codes.split():
                return region
    return _CONTINENT_REGION.get(continent, "")


@functools.cache
def _table() -> dict[str, CountryInfo]:
    text = resources.files("frontlines.publish").joinpath("data/countries.tsv").read_text("utf-8")
    table: dict[str, CountryInfo] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        iso2, iso3, numeric, name, continent = line.split("\t")
        shown = _NAMES.get(iso2, name)
        info = CountryInfo(iso2, iso3, int(numeric), shown, _region(iso2, continent))
        table[iso2] = info
        table[info.name.casefold()] = info
        table[name.casefold()] = info
    return table


def country_info(country: str) -> CountryInfo | None:
    """The country named by an ISO alpha-2 code or a name (case-insensitive), or None."""
    key = country.strip()
    if not key:
        return None
    table = _table()
    return table.get(key.upper()) if len(key) == 2 else table.get(key.casefold())
