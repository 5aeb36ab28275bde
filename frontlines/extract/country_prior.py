"""A country prior for the event's place: the organisations and administrative units a
text names ("CGIL", "(Beja Nord, Beja)") say which country it is about.

The prior re-reads the chosen place only where the gazetteer knows a namesake of the
very same mention in that country ("Brest" in France rather than Belarus): a blanket
"place everything in the text's country" rule moves as many right places as wrong ones.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Place
from .location import Location, folded_name


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
