"""A country prior for the event's place: the organisations and administrative units a
text names ("CGIL", "(Beja Nord, Beja)") say which country it is about.

The prior re-reads the chosen place only where the gazetteer knows a namesake of the
very same mention in that country ("Brest" in France rather than Belarus): a blanket
"place everything in the text's country" rule moves as many right places as wrong ones.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...records import Place
from .admin_context import Lookup
from .location import Location, folded_name
from .region_town import capital_town

_ABBREVIATION = re.compile(r"[A-Z]{2,3}")


def prior_country_location(location: Location, clue: str) -> Location:
    """``location`` re-read as its namesake in ``clue`` (ISO2) when it lies elsewhere and
    its own mention has a candidate there; unchanged otherwise."""
    place = location.place
    if not clue or not place.country or place.country == clue:
        return location
    mention = location.mention
    if mention.place is None or mention.place.id != place.id:
        return location
    exact = folded_name(mention.text) == folded_name(place.name)
    if exact and place.feature.startswith("A.PCL"):
        return location  # "in Jordan": the country, whatever town abroad bears its name
    same = [
        p
        for p in mention.candidates
        if p.country == clue and (not exact or folded_name(p.name) == folded_name(mention.text))
    ]
    if not same:
        return location
    best = max(same, key=lambda p: _rank(p, place))
    name = best.name if location.name == place.name else location.name
    return replace(location, name=name, place=best, mention=replace(mention, place=best))


def _rank(candidate: Place, chosen: Place) -> tuple[bool, int]:
    return (candidate.feature_class == chosen.feature_class, candidate.population)


def weak_reading(location: Location) -> bool:
    """True when ``location`` is a guess that a country named by other evidence should
    outweigh: a unit standing in for a place the gazetteer lacks ("Kalaiya (Bara
    district)" read as a Bara abroad), a bare abbreviation ("NC" read as North Carolina),
    or a name that is only part of the place's ("Morang" read as South Morang)."""
    if location.named is not None:
        return True
    text = location.mention.text
    if _ABBREVIATION.fullmatch(text):
        return True
    said, name = folded_name(text), folded_name(location.place.name)
    return bool(said) and said != name and said in name


def organisations_capital(location: Location, clue: str, lookup: Lookup) -> Location:
    """``location`` moved to the capital, at geo precision 3, of ``clue`` (ISO2: the
    country the organisations named beside the place work in, "cadres of CPN(UML)") when
    it is a weak reading (:func:`weak_reading`) of a place in another country; unchanged
    otherwise."""
    if not clue or location.place.country in ("", clue) or not weak_reading(location):
        return location
    capital = capital_town(clue, lookup)
    if capital is None:
        return location
    warning = (
        f"{location.mention.text!r} read as {location.place.name} ({location.place.country}),"
        f" but the organisations named point to {clue}: placed at its capital"
    )
    mention = replace(location.mention, place=capital)
    return Location(capital.name, capital, 3, mention, [*location.warnings, warning])
