"""ACLED-style "Town (District, Province)" groups: the divisions in brackets decide the
country (and the first-level division) of every part, even when the town is unknown."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..records import Mention
from .gazetteer import ALTERNATE, DERIVED, Match, unit_named
from .recognize import Candidate
from .resolve import feature_precision


def _parts(cands: Iterable[Candidate]) -> list[list[Candidate]]:
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.group >= 0 and c.kind == "toponym":
            groups[c.group].append(c)
    return [sorted(g, key=lambda c: c.start) for g in groups.values() if len(g) > 1]


def _countries(found: Sequence[Match], name: str, division: bool) -> set[str]:
    """The countries a part matches in; a division's name written bare matches "X State"
    or "X Governorate" fully ("Plateau", "Beja")."""
    return {
        m.place.country
        for m in found
        if (unit_named(m, name).quality if division else m.quality) >= DERIVED and m.place.country
    }


def _exact_countries(found: Sequence[Match]) -> set[str]:
    return {m.place.country for m in found if m.quality >= 1.0 and m.place.country}


def _exact_units(found: Sequence[Match], name: str) -> set[str]:
    """The countries where ``name`` is an admin unit's very name."""
    return {
        m.place.country
        for m in found
        if m.place.feature_class == "A" and unit_named(m, name).quality >= 1.0 and m.place.country
    }


def group_countries(parts: Sequence[Candidate], matches: dict[str, list[Match]]) -> set[str]:
    """The countries that hold the most parts of the group (the town and its bracketed
    divisions), among those holding at least one division, or the town by its very name
    when the divisions are only other countries' look-alikes ("Biratnagar (Morang)":
    Australia's South Morang); ties keep them all."""
    sets = [_countries(matches.get(c.name, []), c.name, i > 0) for i, c in enumerate(parts)]
    divisions = set().union(*sets[1:])
    if not divisions:
        return set()
    units = [_exact_units(matches.get(c.name, []), c.name) for c in parts[1:]]
    # the town's own country counts only when no division matches an admin unit by its
    # very name ("Tolva (Norland)": Norland's country, whatever towns abroad are called
    # Tolva; "Bhimdatta (Kanchanpur)": a town abroad named like the district is no unit)
    towns = set() if any(units) else _exact_countries(matches.get(parts[0].name, []))
    votes = {country: sum(country in s for s in sets) for country in divisions | towns}
    top = max(votes.values())
    return {country for country, n in votes.items() if n == top}


def _admin1s(found: Sequence[Match], countries: set[str]) -> set[tuple[str, str]]:
    return {(m.place.country, m.place.admin1) for m in found
            if m.place.country in countries and m.place.feature == "A.ADM1"}  # fmt: skip


def restrict_groups(cands: Iterable[Candidate], matches: dict[str, list[Match]]) -> None:
    """Keep, for each part of a bracket group, only the matches in the group's countries
    (the town's: also in the named first-level division when it is known there)."""
    for parts in _parts(cands):
        countries = group_countries(parts, matches)
        if not countries:
            continue
        for c in parts:
            matches[c.name] = [m for m in matches.get(c.name, []) if m.place.country in countries]
        admin1 = set().union(*(_admin1s(matches[c.name], countries) for c in parts[1:]))
        inside = [m for m in matches[parts[0].name]
                  if (m.place.country, m.place.admin1) in admin1]  # fmt: skip
        if inside:
            matches[parts[0].name] = inside


def fill_from_divisions(mentions: list[Mention], cands: Iterable[Candidate]) -> None:
    """A bracket group's town that stays unresolved takes the place of its most specific
    resolved division ("Kongo (Oyam, Northern)": Oyam district), precision 2 or 3."""
    by_span = {(m.start, m.end): m for m in mentions}
    for parts in _parts(cands):
        town = by_span.get((parts[0].start, parts[0].end))
        if town is None or town.place is not None:
            continue
        for c in parts[1:]:
            division = by_span.get((c.start, c.end))
            if division is not None and division.place is not None:
                town.place = division.place
                town.precision = max(2, feature_precision(division.place))
                break


# "Syria's Hasakah province", "Iraq's Kurdistan region": a name a country owns
_OWNED = re.compile(r"['’]s\s+(?:(?:north|south|east|west)[a-z-]*\s+)?(?:the\s+)?$", re.I)


def restrict_owned(
    text: str, cands: Sequence[Candidate], matches: dict[str, list[Match]]
) -> None:
    """Keep, for a name written as a country's ("Iraq's Kurdistan region"), only its
    matches in that country: Iran's Kurdistan province is not what the text names."""
    countries = {
        c.end: codes
        for c in cands
        if c.kind == "toponym"
        and (codes := {m.place.country for m in matches.get(c.name, [])
                       if m.quality >= ALTERNATE and m.place.feature.startswith("A.PCL")})
    }  # fmt: skip
    if not countries:
        return
    for c in cands:
        if c.kind != "toponym":
            continue
        owned = _OWNED.search(text, max(0, c.start - 20), c.start)
        owner = countries.get(owned.start()) if owned else None
        if owner and not any(m.place.feature.startswith("A.PCL") for m in matches.get(c.name, [])):
            matches[c.name] = [m for m in matches.get(c.name, []) if m.place.country in owner]
