"""Airports with an IATA code, from the PyPI package ``airportsdata`` (MIT licence).

Airports are frequent places in war reporting (strikes on an airport, a base at one) and
in news in general ("Heathrow", "Pearson International Airport"). Each becomes an
``S.AIRP`` place ``iata:<code>`` named as the package names it, with derived keys for how
news writes it: without the city's name in front ("London Heathrow Airport" ->
"Heathrow Airport"), without what comes before a slash ("Ottawa / Macdonald-Cartier
International Airport"); the bare own name that follows the city's ("Heathrow") is an
alternate name, weighed against same-named towns by the resolver as usual.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from ..records import Place
from .sources import Entry, usable_name
from .words import generic_only

_KIND = re.compile(r"\s+(?:(?:International|Intercontinental|Regional|Municipal|Domestic)\s+)?"
                   r"(?:Airport|Airfield|Air Base|Airbase)$")  # fmt: skip
MIN_BARE = 5  # shorter bare names ("Lod") collide with too many words and towns


def airports_file() -> Path | None:
    """The package's CSV, or None when the package is not installed."""
    try:
        import airportsdata
    except ImportError:
        return None
    path = Path(airportsdata.__file__).parent / "airports.csv"
    return path if path.is_file() else None


def airport_names(name: str, city: str) -> tuple[list[str], list[str]]:
    """(names, derived keys) of an airport called ``name`` serving ``city``."""
    names = [name]
    derived: list[str] = []
    if " / " in name:
        name = name.rsplit(" / ", 1)[1]
        names.append(name)
    rest = name[len(city) + 1 :] if city and name.startswith(city + " ") else ""
    if rest and _KIND.search(rest) and not generic_only(_KIND.sub("", " " + rest)):
        derived.append(rest)  # "London Heathrow Airport" -> "Heathrow Airport"
    tail = name.split(" ", 1)[1] if " " in name else ""
    if not rest and tail.count(" ") >= 2 and _KIND.search(tail):
        derived.append(tail)  # "Toronto Pearson International Airport" (city: Mississauga)
    for full in [name, *derived]:
        core = _KIND.sub("", full)
        if core != full and core:
            derived.append(f"{core} Airport")  # "Kabul International Airport" -> "Kabul Airport"
    core = _KIND.sub("", " " + rest).strip()
    if (
        rest
        and core != rest
        and len(core) >= MIN_BARE
        and core[0].isalpha()
        and not generic_only(core)
    ):
        names.append(core)  # "Heathrow", "Midway": an own name written after the city's
    return names, [d for d in dict.fromkeys(derived) if usable_name(d) and d not in names]


def read_airports() -> Iterator[Entry]:
    """Airports that have an IATA code (about 7,900 scheduled-service airports)."""
    path = airports_file()
    if path is None:
        return
    with path.open(encoding="utf-8", newline="") as fp:
        for row in csv.DictReader(fp):
            iata, name = row.get("iata", "").strip(), row.get("name", "").strip()
            if not iata or not name:
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            place = Place(id=f"iata:{iata}", name=name, lat=lat, lon=lon, feature="S.AIRP",
                          country=row.get("country", ""), source="airportsdata")  # fmt: skip
            names, derived = airport_names(name, row.get("city", "").strip())
            yield Entry(place, names, extra_keys=derived)
