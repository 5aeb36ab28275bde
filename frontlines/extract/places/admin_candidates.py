"""A chain's candidates: each name's namesakes in the gazetteer (and the geoparser's
reading of it), and how well a candidate fits inside the units written after it.

Names are looked up in the spellings ACLED and reports use ("Shan-North", "Nord-Kivu",
"Zaporizhia", "X City"); a candidate fits a unit by admin code, or failing that by
distance within the same country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ...geo.gazetteer import Match, unit_named
from ...geo.sources import haversine_km
from ...records import Mention, Place
from .admin_chains import Chain
from .location import folded_name

# name -> [(place, match quality)]
Lookup = Callable[[Iterable[str]], dict[str, list[tuple[Place, float]]]]
# (place, match quality, variant rank: 0 the name as written, 1+ a part of it)
Cand = tuple[Place, float, int]
# the variant rank of a place the sentence names elsewhere: a weaker outer unit than a
# named one ("Butler County (coded as Allison (Iowa))": Iowa decides, not Butler County)
HINT_RANK = -1
# the variant rank of a place the geoparser read for a part of the name only
PART_RANK = 2

_AFFIX = re.compile(r"^(?:(?:Republic|State|City|Province|Region) of\s+)|\s+(?:City|Town)$")


# ACLED's split provinces and French compass names: "Shan-North" is part of Shan State,
# "Bago-East" of Bago, "Nord-Kivu" is North Kivu
_SPLIT = re.compile(r"^(.+?)-(?:North|South|East|West|Central)$")
_FRENCH_SIDE = re.compile(r"^(Nord|Sud)-(?=[A-Z])")
_SIDES = {"Nord": "North ", "Sud": "South "}
# Ukrainian "zhzh" (Zaporizhzhia) is often written with one "zh"
_ZH = re.compile(r"(?<=[aeiouy])zh(?=[aeiouy])")


def _variants(name: str) -> list[str]:
    """The name, and without an affix such as "City" or "Republic of"; ACLED's spellings
    of provinces ("Shan-North", "Nord-Kivu", "Zaporizhia") read as the gazetteer's."""
    out = [name, _AFFIX.sub("", name)]
    split = _SPLIT.match(name)
    if split:
        out.append(split.group(1))
    out.append(_FRENCH_SIDE.sub(lambda m: _SIDES[m.group(1)], name))
    if name.count("zh") == 1:
        out.append(_ZH.sub("zhzh", name))
    return [v for v in dict.fromkeys(out) if v]


def _strength(inner: Place, outer: Place) -> float:
    """1 when ``inner`` lies inside ``outer`` by admin code (and is near enough), 0.6 when
    only near it within the same country (admin codes differ between sources), else 0."""
    if not inner.country or inner.country != outer.country:
        return 0.0
    if outer.feature in ("A.PCLI", "A.PCL", "A.PCLD", "A.PCLS", "A.PCLF"):
        return 1.0
    same_a1 = bool(inner.admin1) and inner.admin1 == outer.admin1
    distance = haversine_km(inner.lat, inner.lon, outer.lat, outer.lon)
    if outer.feature == "A.ADM1":
        return 1.0 if same_a1 else (0.6 if distance < 200 else 0.0)
    limit = 150.0 if outer.feature_class == "A" else 200.0
    if same_a1 and distance < limit:
        return 1.0
    return 0.6 if distance < (60 if outer.feature_class == "A" else 40) else 0.0


def _usable(place: Place, quality: float, name: str = "") -> bool:
    """A match worth reading: not a loose one, a place with a country; an acronym
    ("UP", "SADD") only as an admin unit."""
    if name.isupper() and place.feature_class != "A":
        return False
    return quality >= 0.7 and place.feature_class in ("A", "P", "L", "T") and bool(place.country)


def _outer_weight(place: Place, last: bool) -> float:
    """How much fitting inside ``place`` counts: the outermost unit is read as an admin
    area first ("X, Zacatecas" is the state, not a same-named town elsewhere)."""
    return 1.5 if last and place.feature_class == "A" else 1.0


def fit_score(place: Place, later: list[list[Cand]]) -> float:
    """How well ``place`` fits inside the later levels: per level, its best candidate's
    strength, weighted (an outermost admin unit counts more, a hinted place less)."""
    score = 0.0
    for index, outer in enumerate(later):
        last = index == len(later) - 1
        weights = [
            (0.9 if v == HINT_RANK else _outer_weight(o, last)) * _strength(place, o)
            for o, _, v in outer
        ]
        score += max(weights, default=0.0)
    return score


_OUTER_KIND = {"A.ADM1": 3, "A.PCLI": 1, "A.PCL": 1, "A.PCLD": 1, "A.PCLS": 1, "A.PCLF": 1}


def rank_candidate(cand: Cand, fit: float, last: bool, country: str) -> tuple[float, ...]:
    """The sort key of a candidate of a level (higher is better): its fit, match
    quality and variant, its kind, whether it lies in ``country``, its population."""
    place, quality, variant = cand
    if last:
        # an outer unit is read as a province before a district or a same-named country
        # ("Niger" state; "X, Donetsk" is the oblast, not Rostov's Donetsk district)
        kind = _OUTER_KIND.get(place.feature, 0 if place.feature_class != "A" else 2)
    else:
        kind = 1 if place.feature_class == "P" else 0
    return (
        fit,
        quality,
        -variant,
        kind,
        1 if country and place.country == country else 0,
        float(place.population),
    )


def _unit_quality(place: Place, quality: float, name: str) -> float:
    """A division named bare matches its "X State"/"X Governorate" fully: a chain's
    units are written as divisions ("Jos North, Plateau")."""
    return unit_named(Match(place, quality), name).quality


def _inherited(mention: Mention, units: set[str], name: str) -> bool:
    """True when the geoparser gave the whole name the place of a unit named after it
    (its stand-in, "Balgatar (Kech, ...)" read as Kech's), which must not vouch for
    the name itself."""
    place = mention.place
    return folded_name(mention.text) == folded_name(name) and (place is None or place.id in units)


def chain_levels(
    chain: Chain, lookup: Lookup, mentions: list[Mention], hint: Place | None
) -> list[list[Cand]]:
    """Each name's candidates, head first; ``hint`` (when given) as one more level."""
    names = [_variants(n) for n in chain.names]
    found = lookup({v for group in names for v in group})
    levels: list[list[Cand]] = []
    for group, start in zip(names, chain.starts, strict=True):
        cands = [
            (p, _unit_quality(p, q, v), rank)
            for rank, v in enumerate(group)
            for p, q in found.get(v, [])
            if _usable(p, q, v)
        ]
        end = start + len(group[0])
        later = [v for group_after in names[len(levels) + 1 :] for v in group_after]
        units = {p.id for v in later for p, _ in found.get(v, [])}
        written = {folded_name(v) for v in group}
        # the geoparser's reading of the name, or the town it read in a part of the head
        # ("Alexandria" of "the University of Alexandria"), ranked as such (a province
        # in "Jeollabuk-do Provincial Council" is not the council's place, "Leon" in
        # "Castilla y Leon" not the unit)
        cands += [
            (m.place, 1.0, 0 if folded_name(m.text) in written else PART_RANK)
            for m in mentions
            if m.place is not None
            and start <= m.start
            and m.end <= end
            and (folded_name(m.text) in written or (not levels and m.place.feature_class == "P"))
            and _usable(m.place, 1.0, m.text)
            and not _inherited(m, units, group[0])
        ]
        levels.append(cands)
    if hint is not None:
        levels.append([(hint, 1.0, HINT_RANK)])
    return levels
