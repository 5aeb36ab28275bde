"""Places the geoparser did not see: a capitalised name after a locative word ("in
Trieste", "at Rajouri city", "near Kalynove-Borshchuvate") looked up in the gazetteer
when the sentence gave no resolved place at all.

Only exact or alternate-name matches count, acronyms are skipped, and the text's country
wins over namesakes elsewhere; a populated place over an admin area.
"""

from __future__ import annotations

import re

from ..records import Mention, Place
from .admin_context import NAME_PATTERN, Lookup
from .location import Location

_CUE = re.compile(
    r"\b(?P<cue>in|at|near|around|outside|inside|throughout|across|into|towards?"
    r"|outskirts of|vicinity of|streets of|centre of|center of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|municipality|commune|district|province|region) of\s+)?"
    rf"(?P<name>{NAME_PATTERN})"
)
_TAIL = re.compile(r"\s+(?:city|town|village|township|municipality|commune|centre|center)$", re.I)
_NEAR = re.compile(r"near|around|outside|outskirts|vicinity", re.I)
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
    usable = [
        p
        for p, quality in cands
        if quality >= 0.9
        and p.country
        and (p.feature_class == "P" or p.feature in ("A.ADM1", "A.ADM2"))
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
    variants = {n: [n, _TAIL.sub("", n)] for n, _, _ in names}
    found = lookup({v for vs in variants.values() for v in vs if v})
    for name, start, near in names:
        cands = [c for v in variants[name] for c in found.get(v, [])]
        place = _best(cands, country)
        if place is None or (country and place.country != country and _foreign(cands, country)):
            continue
        precision = 3 if place.feature_class != "P" else (2 if near else 1)
        mention = Mention(
            text=name, start=start, end=start + len(name), place=place, precision=precision
        )
        return Location(place.name, place, precision, mention)
    return None


def _foreign(cands: list[tuple[Place, float]], country: str) -> bool:
    """True when the name has no namesake in the text's country (a foreign place named
    in passing is rarely where the event happened when the text's country is known)."""
    return not any(p.country == country for p, _ in cands)
