"""Resolving a chain against the gazetteer: the most specific level with a namesake
inside the units written after it.

The units are constraints: the place chosen is the namesake lying inside them, and when
the place itself is not in the gazetteer the most specific unit that is stands in for it,
rather than no point or a homonym in another country or province (a homonym elsewhere is
taken only when it is the country's one town of that name).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...geo.sources import haversine_km
from ...records import Mention, Place
from .admin_candidates import (
    PART_RANK,
    Cand,
    Lookup,
    chain_levels,
    fit_score,
    rank_candidate,
)
from .admin_chains import Chain
from .location import folded_name


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a chain resolves to: ``level`` 0 is the head place, 1+ a qualifying unit."""

    place: Place
    level: int


def resolve_chain(
    chain: Chain,
    lookup: Lookup,
    country: str = "",
    mentions: list[Mention] | None = None,
    hint: Place | None = None,
) -> Resolved | None:
    """The most specific level of ``chain`` with a namesake inside the later units the
    gazetteer knows; None when no unit after the head is known (nothing to go by).
    ``mentions`` add the geoparser's reading of each name; ``hint`` (a place the sentence
    names elsewhere) is one more outer unit for a "coded to" chain."""
    resolved = _resolve(chain, lookup, country, mentions or [], hint if chain.coded else None)
    if resolved is None and hint is not None and chain.coded:
        # the place the sentence named may itself be a misreading: the chain alone
        resolved = _resolve(chain, lookup, country, mentions or [], None)
    return resolved


def _resolve(
    chain: Chain, lookup: Lookup, country: str, mentions: list[Mention], hint: Place | None
) -> Resolved | None:
    levels = chain_levels(chain, lookup, mentions, hint)
    named = len(chain.names)
    # a whole country never heads a chain ("... of Mongolia (Ulaanbaatar - Sukhbaatar)")
    levels = [
        [c for c in cands if not (i < named - 1 and c[0].feature.startswith("A.PCL"))]
        for i, cands in enumerate(levels)
    ]
    return _pick(chain, levels, country)


# a level named only by another spelling of a name (below an alternate name's quality) is
# vouched for by none of its own: a level named by a name or an alternate name outweighs it
_NAMED = 0.9


def _drop_lookalikes(levels: list[list[Cand]], named: int) -> list[list[Cand]]:
    """Without a named level's matches when none is exactly a name of it (nor, for a
    unit, an admin unit so named) and all lie in countries no other name of the chain
    has a match in, while another name matches exactly (or, for a level found only under
    other spellings, by an alternate name): the look-alikes abroad of a unit the gazetteer
    lacks ("Biratnagar (Morang)": not South Morang in Australia; "Balgatar (Kech,
    Balochistan)": not Ketsch in Germany; "Bhimdatta (Kanchanpur district)": not an Indian
    town called Kanchanpur; "Belet Weyne (Hiraan)": not an Iraqi village spelled Hiran)."""
    exact = {i for i, cands in enumerate(levels[:named]) if any(q >= 1.0 for _, q, _ in cands)}
    known = {i for i, cands in enumerate(levels[:named]) if any(q >= _NAMED for _, q, _ in cands)}
    out = []
    for i, cands in enumerate(levels):
        others = {c[0].country for j, level in enumerate(levels) if j != i for c in level}
        spelled = bool(cands) and all(q < _NAMED for _, q, _ in cands)
        weak = (
            i < named
            and bool(exact - {i} or (spelled and known - {i}))
            and bool(cands)
            and not any(_named_as(c, i) for c in cands)
            and not any(c[0].country in others for c in cands)
        )
        out.append([] if weak else cands)
    return out


def _named_as(cand: Cand, level: int) -> bool:
    """True when the candidate bears the level's name exactly: the head any place, a
    unit an admin unit (a town abroad named like a district is no evidence)."""
    place, quality, _ = cand
    return quality >= 1.0 and (level == 0 or place.feature_class == "A")


# unit names that are generic words: every country may have such a unit, so the
# word alone says nothing about which country ("Sanabis (Capital)" is in Bahrain)
_GENERIC_UNITS = frozenset({"capital", "capital region", "capital district", "coast", "coastal"})


def _generic_units(chain: Chain, levels: list[list[Cand]], country: str) -> list[list[Cand]]:
    """Without the namesakes of a generically named unit ("Capital") that lie in no
    country the head, or the text's ``country``, points to."""
    named = len(chain.names)
    countries = {c[0].country for c in levels[0]} | ({country} if country else set())
    return [
        [c for c in cands if c[0].country in countries]
        if 0 < i < named and folded_name(chain.names[i]) in _GENERIC_UNITS
        else cands
        for i, cands in enumerate(levels)
    ]


_FIT = 0.6  # per unit after it: lying near the unit, if not inside it by code


def _pick(chain: Chain, levels: list[list[Cand]], country: str) -> Resolved | None:
    named = len(chain.names)
    levels = _drop_lookalikes(_generic_units(chain, levels, country), named)
    known = [i for i in range(named) if levels[i]]
    if not known or (not chain.coded and known == [0]):
        return None
    heads = levels[0]
    if chain.quarter and len(levels) > 1 and levels[1]:
        heads = [c for c in heads if _in_town(c[0], levels[1])]
    for level in range(named):
        later = [levels[j] for j in _outer(chain, level, len(levels)) if levels[j]]
        cands = heads if level == 0 else levels[level]
        scored = [(c, fit_score(c[0], later)) for c in cands]
        # it must fit the units after it as a whole, not one of them only loosely ("Kafr
        # Shalaya village, Afrin district, Aleppo": not the Kafr Shalaya of Idlib, which
        # lies in neither, merely near the province)
        fitting = [(c, f) for c, f in scored if f >= _FIT * max(len(later), 1) or not later]
        if fitting:
            # the city of a "City - Quarter" is a town, never its province
            # (a unit of the same name after it still makes it no outermost unit)
            outermost = not any(levels[j] for j in range(level + 1, len(levels)))
            last = outermost and level not in chain.towns
            # with nothing after it to fit, the level is read in the country the names
            # before it point to ("X (Unknown, Eastern)": which country's Eastern)
            # (a part's reading says little: "Shakhta" of "Shakhta imeni Gagarina")
            countries = {c[0].country for j in range(level) for c in levels[j] if c[2] != PART_RANK}
            units = _namesake_units(chain, levels, level)
            best = max(
                fitting,
                key=lambda cf: (
                    cf[1] > 0 or cf[0][0].country in countries,
                    cf[0][0].country in units,
                    *rank_candidate(cf[0], cf[1], last, country),
                ),
            )
            return _same_country_head(heads, Resolved(best[0][0], level), country, chain.names[0])
    return None


def _namesake_units(chain: Chain, levels: list[list[Cand]], level: int) -> set[str]:
    """The countries where a unit named like ``level`` and written after it is an admin
    unit: "Nara (Nara)" is the town of Nara prefecture, in Japan, not Mali's Nara."""
    name = folded_name(chain.names[level])
    return {
        place.country
        for j in range(level + 1, len(chain.names))
        if folded_name(chain.names[j]) == name
        for place, _, _ in levels[j]
        if place.feature_class == "A"
    }


def _outer(chain: Chain, level: int, count: int) -> list[int]:
    """The levels after ``level`` that can vouch for it: a unit of the very same name
    cannot ("Muse township, Muse district": a namesake abroad read for both fits
    itself; "Wellington (Wellington)")."""
    name = folded_name(chain.names[level])
    return [
        j
        for j in range(level + 1, count)
        if j >= len(chain.names) or folded_name(chain.names[j]) != name
    ]


# how far from the unit a loosely matched namesake of the head (another spelling) may
# lie and still be read as the head; an exact namesake may lie anywhere in the country
_HEAD_REACH = 300.0


# how far from its city's point a quarter ("City - Quarter") may lie
_QUARTER_REACH = 30.0


def _in_town(quarter: Place, towns: list[Cand]) -> bool:
    return any(
        haversine_km(quarter.lat, quarter.lon, t.lat, t.lon) < _QUARTER_REACH for t, _, _ in towns
    )


def _same_country_head(heads: list[Cand], resolved: Resolved, country: str, name: str) -> Resolved:
    """The head's namesake in the country the units gave, when the units alone would
    stand in: the writer's unit may be wrong ("X, Wrongprovince"), the country rarely is."""
    if resolved.level == 0:
        return resolved
    unit = resolved.place
    homonyms = {c[0].id for c in heads if c[0].country == unit.country}
    same = [
        c
        for c in heads
        if c[0].country == unit.country
        and ((len(homonyms) == 1 and _known(c[0])) or not _other_province(c[0], unit))
        and (
            folded_name(c[0].name) == folded_name(name)
            or haversine_km(c[0].lat, c[0].lon, unit.lat, unit.lon) < _HEAD_REACH
        )
    ]
    if not same:
        return resolved
    best = max(same, key=lambda c: rank_candidate(c, 0.0, False, country))
    return Resolved(best[0], 0)


# a town this large, the only one of its name in the country, is meant even when the
# province named beside it differs (a writer's slip, or a province split since)
_KNOWN_TOWN = 5_000


def _known(place: Place) -> bool:
    return place.feature_class == "A" or place.population >= _KNOWN_TOWN


def _other_province(head: Place, unit: Place) -> bool:
    """True when ``head`` lies in another province than the unit named for it: a
    homonym ("Pisky, Donetsk" is not Poltava's Pisky); a district unit's own province
    counts as well."""
    return bool(head.admin1 and unit.admin1 and head.admin1 != unit.admin1)
