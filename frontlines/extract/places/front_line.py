"""Who fired across Donbas's line of contact (2015 to 23 February 2022).

Monitors' notes from that war ("the OSCE SMM observed 14 explosions near X") say where
fire landed, never who fired. ACLED codes such fire to the side that did *not* hold the
place: fire near a government-held place to "NAF: United Armed Forces of Novorossiya",
fire near a place the Donetsk/Luhansk separatists held to the Ukrainian military. Which
side held a place is read from an approximate line of contact (the ``front_lines`` of the
Ukraine theatre pack, ``data/theatres/ukraine.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...geo.sources import admin_names
from ...records import Place
from ..theatres import front_lines

GOVERNMENT = "government"  # Ukraine's forces
SEPARATISTS = "separatists"  # the Donetsk and Luhansk "people's republics"
COUNTRY = "UA"


@dataclass(frozen=True, slots=True)
class Where:
    """Where an event happened: coordinates, ISO2 country and first-order division."""

    lat: float
    lon: float
    country: str = ""
    admin1: str = ""


@dataclass(frozen=True, slots=True)
class _Line:
    valid_from: str
    valid_until: str
    admin1: frozenset[str]
    polygon: tuple[tuple[float, float], ...]  # (lon, lat): the separatist-held side


@cache
def _line() -> _Line:
    raw = next(line for line in front_lines() if line.get("country") == COUNTRY)
    points = [(float(lon), float(lat)) for lon, lat in raw["line"] + raw["beyond"]]
    return _Line(raw["valid_from"], raw["valid_until"], frozenset(raw["admin1"]), tuple(points))


def separatist_held(lat: float, lon: float) -> bool:
    """True when (``lat``, ``lon``) lay on the separatists' side of the line of contact
    (points far from Donbas are meaningless here: callers check the oblast first)."""
    polygon = _line().polygon
    inside = False
    j = len(polygon) - 1
    for i, (x, y) in enumerate(polygon):
        xj, yj = polygon[j]
        if (y > lat) != (yj > lat) and lon < (xj - x) * (lat - y) / (yj - y) + x:
            inside = not inside
        j = i
    return inside


def held(when: str) -> bool:
    """True when ``when`` (ISO date) falls while the 2015-2022 line of contact held."""
    line = _line()
    return bool(when) and line.valid_from <= when[:10] <= line.valid_until


def on_line(where: Where | None, when: str) -> bool:
    """True when ``where`` lies in Donetsk or Luhansk oblast and ``when`` (ISO date) falls
    while the 2015-2022 line of contact held."""
    return (
        where is not None
        and where.country == COUNTRY
        and where.admin1 in _line().admin1
        and held(when)
    )


# Fire that a monitor observed: nobody is said to have fired it.
_OBSERVED = re.compile(
    r"\b(?:OSCE|SMM|Special Monitoring Mission|JCCC|ceasefire violations?)\b", re.I
)
_FIRE = re.compile(
    r"\b(?:explosions?|projectiles?|shots?|bursts?|fire|shell(?:s|ing)|rounds|"
    r"ceasefire violations?)\b",
    re.I,
)


def observed_fire(sentence: str) -> bool:
    """True when ``sentence`` reports fire as a monitor observed it ("the OSCE SMM
    observed 14 explosions near X")."""
    return _OBSERVED.search(sentence) is not None and _FIRE.search(sentence) is not None


# The monitors' own reports say who held a place: "near X (non-government-controlled, 9km
# north-east of Y)".
_CONTROLLED = re.compile(r"\b(?P<non>non[- ]?)?government[- ]controlled\b", re.I)


def firing_side(sentence: str, when: str, where: Where | None) -> str:
    """``SEPARATISTS`` or ``GOVERNMENT``: the side across the line from ``where`` (or from
    a place the sentence calls "(non-)government-controlled") that fired the
    monitor-observed fire ``sentence`` reports; "" when the sentence is not such a report
    or the place is not on the 2015-2022 line."""
    if not observed_fire(sentence) or not held(when):
        return ""
    control = _CONTROLLED.search(sentence)
    if control is not None and (where is None or where.country in ("", COUNTRY)):
        return GOVERNMENT if control.group("non") else SEPARATISTS
    if where is None or not on_line(where, when):
        return ""
    return GOVERNMENT if separatist_held(where.lat, where.lon) else SEPARATISTS


def on_the_line(name: str, candidates: tuple[Place, ...], sentence: str, when: str) -> Place | None:
    """The town called ``name`` (else the most populous) among ``candidates`` that lies in
    Donetsk or Luhansk oblast,
    when ``sentence`` is a monitor's report of fire while the 2015-2022 line held ("the
    OSCE SMM observed 20 explosions near Vasylivka": the Vasylivka near the line, not its
    namesakes elsewhere in Ukraine); None otherwise."""
    if not observed_fire(sentence) or not held(when):
        return None
    oblasts = _line().admin1
    near = [
        p
        for p in candidates
        if p.country == COUNTRY and p.feature_class == "P" and admin_names(p)[0] in oblasts
    ]
    return max(near, key=lambda p: (p.name == name, p.population)) if near else None
