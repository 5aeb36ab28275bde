"""Places the geoparser did not see: a capitalised name after a locative word ("in
Trieste", "at Rajouri city", "near Kalynove-Borshchuvate") looked up in the gazetteer
when the sentence gave no resolved place at all.

Only exact or alternate-name matches count, acronyms are skipped, and the text's country
wins over namesakes elsewhere; a populated place over an admin area.
"""

from __future__ import annotations

import re

from ...records import Mention, Place
from .admin_context import NAME_PATTERN, Lookup
from .location import Location

_CUE = re.compile(
    r"\b(?P<cue>in|at|near|around|outside|inside|throughout|across|into|towards?"
    r"|outskirts of|vicinity of|streets of|centre of|center of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|municipality|commune|district|province|region) of\s+)?"
    rf"(?P<name>{NAME_PATTERN})"
)
_TAIL = re.compile(r"\s+(?:city|town|village|township|municipality|commune|centre|center)$", re.I)
# "Daraa al-Balad", "Mayadin al-Jadida": a town's old quarter, station or new town named
# with an Arabic word after the town's name; the town stands in for it
_ARABIC_PART = re.compile(
    r"\s+(?:[ae][ln]-)?(?:Balad|Mahatt?ah?|Jadid(?:a|ah|eh)|Jdid(?:a|ah|eh)|Qadim(?:a|ah)?)$", re.I
)
_NEAR = re.compile(r"near|around|outside|outskirts|vicinity", re.I)
# "North Mitrovica": a town's part named by its side; the town stands in for it
_COMPASS = re.compile(r"^(?:North|South|East|West|Upper|Lower|Central)\s+(?=[A-Z])")
_STOP = {"The", "A", "An", "This", "That", "His", "Her", "Their", "Its", "Our", "Some"}


def _names(text: str, start: int, end: int) -> list[tuple[str, int, bool]]:
    """(name, offset, near) for each capitalised name after a locative cue."""
    found: list[tuple[str, int, bool]] = []
    for match in _CUE.finditer(text, start, end):
        name = match.group("name")
        first = name.split(" ")[0]
        if first in _STOP or name.isupper():
            continue
        found.append((name, match.start("name"), bool(_NEAR.match(match.group("cue")))))
    return found


def _best(cands: list[tuple[Place, float]], country: str) -> Place | None:
    # "in Iraq" names the country, not a town abroad spelled like it ("Arak"); "in
    # Luxembourg" may still be its capital
    named = {p.country for p, quality in cands if quality >= 1.0 and p.feature.startswith("A.PCL")}
    usable = [
        p
        for p, quality in cands
        if quality >= 0.9
        and p.country
        and (p.feature_class == "P" or p.feature in ("A.ADM1", "A.ADM2"))
        and (not named or p.country in named)
    ]
    if not usable:
        return None
    return max(
        usable,
        key=lambda p: (
            p.country == country if country else True,
            p.feature_class == "P",
            p.population,
        ),
    )


def unseen_location(
    text: str, sent_start: int, sent_end: int, lookup: Lookup, country: str = ""
) -> Location | None:
    """The first name after a locative word in ``text[sent_start:sent_end]`` that the
    gazetteer knows (in ``country`` when one is given and it has a namesake there)."""
    names = _names(text, sent_start, sent_end)
    if not names:
        return None
    # "City - Quarter" written without its units: the city is the place when the
    # quarter is unknown
    variants = {
        n: [
            n,
            _TAIL.sub("", n),
            n.partition(" - ")[0],
            _COMPASS.sub("", n),
            _ARABIC_PART.sub("", n),
        ]
        for n, _, _ in names
    }
    found = lookup({v for vs in variants.values() for v in vs if v})
    for name, start, near in names:
        cands = [c for v in variants[name] for c in found.get(v, [])]
        place = _best(cands, country)
        if place is None or (
            country
            and place.country != country
            and _foreign(cands, country)
            and place.population < _GREAT_CITY
        ):
            continue
        precision = 3 if place.feature_class != "P" else (2 if near else 1)
        mention = Mention(
            text=name, start=start, end=start + len(name), place=place, precision=precision
        )
        return Location(place.name, place, precision, mention)
    return None


# a town this large named after "in" is where the event was, whatever country the
# text talks about ("rallied in Debrecen against the war in Ukraine")
_GREAT_CITY = 30_000


def _foreign(cands: list[tuple[Place, float]], country: str) -> bool:
    """True when the name has no namesake in the text's country (a foreign place named
    in passing is rarely where the event happened when the text's country is known)."""
    return not any(p.country == country for p, _ in cands)


_BARE_NAME = re.compile(NAME_PATTERN)
# a bare name (no locative word before it) counts only as a well-known place
_BARE_TOWN = 50_000
# a city this large is meant wherever the text's country is ("shelled Mariupol")
_BARE_CITY = 200_000


def bare_location(
    text: str, sent_start: int, sent_end: int, lookup: Lookup, country: str
) -> Location | None:
    """A well-known place named without a locative word ("shelling Kharkiv", "Hakkari
    governor's office"): the first capitalised name, not opening the sentence, that is
    exactly a town of 50,000 or more or a province in ``country`` (required)."""
    if not country:
        return None
    names = [
        (m.group(0), m.start())
        for m in _BARE_NAME.finditer(text, sent_start, sent_end)
        if m.start() > sent_start and m.group(0).split(" ")[0] not in _STOP
    ]
    found = lookup({name for name, _ in names})
    for name, start in names:
        places = [
            p
            for p, quality in found.get(name, [])
            if quality >= 1.0
            and (p.country == country or p.population >= _BARE_CITY)
            and (p.feature == "A.ADM1" or (p.feature_class == "P" and p.population >= _BARE_TOWN))
        ]
        if not places:
            continue
        place = max(
            places, key=lambda p: (p.country == country, p.feature_class == "P", p.population)
        )
        # a name qualifying another ("X (west), Luhansk") stands in for it: precision 2
        qualifier = re.search(r"[,(]\s*$", text[sent_start:start]) is not None
        precision = 3 if place.feature_class != "P" else (2 if qualifier else 1)
        mention = Mention(
            text=name, start=start, end=start + len(name), place=place, precision=precision
        )
        return Location(place.name, place, precision, mention)
    return None
