"""A village the gazetteer spells otherwise, found by its sound inside the area the text
writes it in.

"Shiheil town in Deir ez Zor countryside": the gazetteer has no "Shiheil", so the event
would stand in at Deir ez-Zor; but the text says the village lies in that province, and the
province holds a place whose name has the same consonant skeleton (Al-Shahil). Knowing
the province narrows the namesakes to a handful, so a looser spelling is enough there than
for a name looked up across the world (``CLOSE_SPELLING``). A side or size word ("Lower",
"Western") names a part of the village: the village itself is sought.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...geo.fold import alternate_readings, loose, loose_key
from ...geo.gazetteer import Match
from ...geo.ranking import read_as
from .location import Location

SoundsIn = Callable[[str, str, str], list[Match]]

# how close the spelling must be to a place of the area the text names around it, and how
# many consonants the name must keep for a loose spelling (two, as in "Ranin" or "Saalu",
# fit many villages of a province: such a name must be spelled the same)
AREA_SPELLING, AREA_CONSONANTS = 0.6, 3
_PART_WORD = re.compile(
    r"^(?:lower|upper|western|eastern|northern|southern|greater|little|big|small|new|old)\s+",
    re.I,
)


def sounded_location(stand_in: Location, sounds: SoundsIn) -> Location | None:
    """The place of ``stand_in``'s area spelled like the unknown name it stands in for, or
    None (not a stand-in for an area, or nothing there sounds like it)."""
    area = stand_in.inside
    if area is None or not area.admin1 or stand_in.mention.place is not None:
        return None
    written = stand_in.mention.text
    for name in dict.fromkeys([written, _PART_WORD.sub("", written)]):
        if not loose_key(name):
            continue
        # a short name must be the area's place spelled the same ("Barra" is Bara)
        least = AREA_SPELLING if len(loose(name)) >= AREA_CONSONANTS else 1.0
        found = [m for m in _heard(name, area.country, area.admin1, sounds)
                 if m.spelling >= least and m.place.id != area.id]  # fmt: skip
        if found:
            best = found[0]
            why = (f"{written!r} sounds like {best.place.name!r} (spelling {best.spelling:.2f}), "
                   f"a place of the area it is written inside")  # fmt: skip
            return replace(
                stand_in,
                place=best.place,
                mention=replace(stand_in.mention, place=best.place),
                warnings=[f"{written!r} read as {best.place.name!r}, spelled otherwise"],
                reasons=[*stand_in.reasons[:-1], why],
                inside=None,
            )
    return None


def _heard(name: str, country: str, admin1: str, sounds: SoundsIn) -> list[Match]:
    """The area's places sounding like ``name``, then those sounding like it read with an
    ambiguous letter as another spelling writes it ("Bagras" read with q: Baqras), their
    spelling discounted as a look-up discounts it."""
    found = list(sounds(name, country, admin1))
    for reading, _ in alternate_readings(name):
        found += [read_as(m) for m in sounds(reading, country, admin1)]
    return sorted(found, key=lambda m: (-m.spelling, -m.place.population))
