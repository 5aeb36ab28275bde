"""A province standing for its town: ACLED places an event reported only at province or
region level at the province's capital, and a name that is both a city and its province
("Porto", "Zacatecas, Zacatecas", "Osh city") means the city unless a unit word says
otherwise ("Donetsk region": the capital still gives the point, precision stays 3).

The capital is read as the province's namesake town when the gazetteer has one, else as
the town a ``Capital`` callable gives (the gazetteer's largest town in the province).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ...geo.sources import read_country_info
from ...records import Place
from ..theatres import country_part
from .admin_context import Lookup
from .location import Location, folded_name

# (country ISO2, admin1 code) -> the province's main town, or None
Capital = Callable[[str, str], Place | None]

_UNIT_WORDS = (
    r"region|state|province|oblast|governorate|department|division|prefecture|county"
    r"|emirate|krai|kray|voivodeship|canton|wilaya|velayat|vilayet|parish|territory"
)
_UNIT_AFTER = re.compile(rf"\s*(?:{_UNIT_WORDS})\b", re.I)
_UNIT_BEFORE = re.compile(rf"\b(?:{_UNIT_WORDS})\s+of\s+(?:the\s+)?$", re.I)
_TOWN_AFTER = re.compile(r"\s*(?:city|town|municipality|center|centre|capital)\b", re.I)
_BARE = re.compile(rf"^(?:(?:{_UNIT_WORDS}) of\s+)|\s+(?:{_UNIT_WORDS}|sadar)$", re.I)
_NEAR = re.compile(
    r"\b(?:near|around|outside|outskirts of|vicinity of|close to|area of|areas of)\s+(?:the\s+)?$",
    re.I,
)


_BESIDE_HEAD = re.compile(
    r"\b(?:near|around|outside|outskirts of|vicinity of|close to|direction of|between"
    r"|(?:north|south|east|west)\w* of)\s+(?:the\s+)?(?:village\s+of\s+)?[A-Z][^,(]*[,(]\s*$",
    re.I,
)


def _bare(name: str) -> str:
    return _BARE.sub("", name).strip()


def _namesake(place: Place, names: list[str], lookup: Lookup) -> Place | None:
    found = lookup(names)
    towns = [
        p
        for name in names
        for p, quality in found.get(name, [])
        if (quality >= 1.0 or not _longer(p.name, name))
        and quality >= 0.9
        and p.feature_class == "P"
        and p.country == place.country
        and (not place.admin1 or p.admin1 == place.admin1)
    ]
    return max(towns, key=lambda p: p.population) if towns else None


# a town's name around the province's: "Ciudad Bolivar", "Sinaloa de Leyva", "Kuwait City"
_TOWN_AFFIX = re.compile(
    r"^(?:Ciudad|Cidade|City|Villa)\s+(?:de\s+)?|\s+(?:de|do|del)\s.*$|\s+City$"
)


def _longer(town: str, name: str) -> bool:
    """True when the town's own name has words the province's lacks ("Bihar Sharif" for
    Bihar): a town named after the province, not its namesake."""
    own, bare = folded_name(_TOWN_AFFIX.sub("", town)), folded_name(name)
    return own != bare and (own.startswith(bare + " ") or own.endswith(" " + bare))


def _qualifies(text: str, start: int, sent_start: int) -> bool:
    """True when the name qualifies another: inside brackets, or after "Place, "."""
    before = text[sent_start:start]
    return before.count("(") > before.count(")") or bool(re.search(r"[A-Za-z]\s*,\s*$", before))


def region_town(
    location: Location,
    text: str,
    sent_start: int,
    lookup: Lookup,
    capital: Capital | None = None,
) -> Location:
    """``location`` moved from a province (``A.ADM1``) to its town: the namesake town,
    else the ``capital`` when the wording names the province as such. Precision: when
    the province stands in for a place the gazetteer lacks ("Village, Province"), the
    wording about that place (1, 2 "near"), as ACLED rates what the source names; 3 when
    the text calls it a province ("X region", "province of X"); else the wording's (1
    "in X", 2 "near X")."""
    place = location.place
    if place.feature != "A.ADM1":
        return location
    mention = location.mention
    names = list(dict.fromkeys(n for n in (_bare(mention.text), _bare(place.name)) if n))
    before = text[max(0, mention.start - 40) : mention.start]
    named = bool(_UNIT_AFTER.match(text, mention.end) or _UNIT_BEFORE.search(before))
    unit = named or _bare(mention.text) != mention.text
    qualifies = _qualifies(text, mention.start, sent_start)
    unit = unit or qualifies
    town = _namesake(place, names, lookup)
    if town is None and capital is not None:
        town = capital(place.country, place.admin1)
        unit = True
    if town is None:
        return location
    if location.warnings:
        # the province stands in for a place the gazetteer lacks: the wording about that
        # place gave the precision
        precision = location.precision
    elif qualifies and not named:
        # "near Sasabe (Arizona)": the province qualifies a place the gazetteer lacks;
        # the source names that place, as precisely as its wording says
        near = _BESIDE_HEAD.search(text[max(sent_start, mention.start - 60) : mention.start])
        precision = 2 if near else 1
    elif unit:
        precision = max(location.precision, 3)
    elif _TOWN_AFTER.match(text, mention.end):
        precision = 1
    else:
        near = _NEAR.search(text[sent_start : mention.start][-30:])
        precision = 2 if near else 1
    moved = replace(mention, place=town)
    return Location(town.name, town, precision, moved, list(location.warnings), location.named)


@cache
def _capitals() -> dict[str, str]:
    """ISO2 -> the capital's name (GeoNames countryInfo)."""
    return {iso: info[1] for iso, info in read_country_info().items() if info[1]}


def country_capital(location: Location, lookup: Lookup) -> Location:
    """``location`` moved from a whole country to its capital, at geo precision 3: ACLED
    codes an event placed only at country level ("refugees arrived in Sweden", national
    elections) to the capital."""
    place = location.place
    town = capital_town(place.country, lookup) if place.feature.startswith("A.PCL") else None
    if town is None:
        return location
    moved = replace(location.mention, place=town)
    return Location(town.name, town, 3, moved, list(location.warnings), location.named)


# "in eastern Syria", "north-east Syria", "northwestern Iraq": a compass part of the country
_PART_BEFORE = re.compile(
    r"\b(?P<a>north|south)?-?(?P<b>east|west)?(?:ern)?\s+(?:of\s+)?$|\b(?P<c>central)\s+$", re.I
)


def country_part_town(location: Location, text: str, lookup: Lookup) -> Location:
    """``location`` moved from a whole country written with a compass part before it
    ("in eastern Syria") to the town a theatre pack says reports mean by that part, at geo
    precision 3; unchanged when no pack names one."""
    place, mention = location.place, location.mention
    if not place.feature.startswith("A.PCL"):
        return location
    match = _PART_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if match is None or not any(match.group(g) for g in "abc"):
        return location
    part = "centre" if match.group("c") else "-".join(
        g.lower() for g in (match.group("a"), match.group("b")) if g
    )
    name = country_part(place.country, part)
    found = lookup([name]).get(name, []) if name else []
    towns = [
        p for p, quality in found
        if quality >= 0.9 and p.country == place.country and p.feature_class == "P"
    ]  # fmt: skip
    if not towns:
        return location
    town = max(towns, key=lambda p: p.population)
    moved = replace(mention, place=town)
    return Location(town.name, town, 3, moved, list(location.warnings), location.named)


def capital_town(country: str, lookup: Lookup) -> Place | None:
    """The capital of ``country`` (ISO2) as the gazetteer knows it; None when unknown."""
    name = _capitals().get(country)
    if not name:
        return None
    towns = [
        p
        for p, quality in lookup([name]).get(name, [])
        if quality >= 0.9 and p.country == country and p.feature_class == "P"
    ]
    return max(towns, key=lambda p: (p.feature == "P.PPLC", p.population)) if towns else None
