"""Places named with their admin units: "Village (District, Province)", "Town, Province",
"(coded to Town, District)".

Reports, and ACLED notes above all, qualify a small place with the larger units it lies
in. This module re-reads a chosen place through such a chain and rates its precision;
reading the chains is ``admin_chains``, their candidates ``admin_candidates``, resolving
them ``admin_resolve``. Geo precision rates what the source names, as ACLED's codebook
does: a named village is precision 1 (2 after "near") even when a unit stands in for it;
a "coded to" unit 2 (a province 3); a head named as a region 3, as a district 2.
"""

from __future__ import annotations

import re

from ...records import Mention
from .admin_candidates import Lookup
from .admin_chains import NAME_PATTERN, PLACE_IN, Chain, find_chains, pick_chain
from .admin_resolve import Resolved, resolve_chain
from .location import Location

__all__ = [
    "NAME_PATTERN",
    "Chain",
    "Lookup",
    "Resolved",
    "chain_precision",
    "find_chains",
    "pick_chain",
    "qualified_location",
    "resolve_chain",
]

_NEAR_BEFORE = re.compile(
    r"\b(?:near|around|outside|close to|outskirts of|vicinity of)\s+(?:the\s+)?$", re.I
)


def chain_precision(chain: Chain, resolved: Resolved, before: str) -> int:
    """ACLED geo precision of a chain's place (see ``_chain_precision``); a head named
    as a district ("Klynove district, Donetsk") is precision 2, not a region's 3."""
    precision = _chain_precision(chain, resolved, before)
    return 2 if chain.district_head and precision == 3 else precision


def _chain_precision(chain: Chain, resolved: Resolved, before: str) -> int:
    """ACLED geo precision, which rates what the source names (codebook: "1 = particular
    town; 2 = small part of a region or near a town; 3 = larger portion of region"): 1 a
    named place (2 after "near"), even when a unit stands in for it because the gazetteer
    lacks it; for a "coded to" unit or a region head, 2 a town or district, 3 a province."""
    place = resolved.place
    if (resolved.level == 0 or resolved.level in chain.towns) and not chain.coded:
        if chain.region_head or place.feature in ("A.ADM1", "A.PCLI"):
            return 3
        if place.feature_class in "TL":
            return 2  # a mountain range or plain: a small part of a region
        return 2 if _NEAR_BEFORE.search(before[-30:]) else 1
    if not chain.coded and not chain.region_head:
        # the source names the place itself: its wording gives the precision, whatever
        # unit the gazetteer could only stand in with (the warning says so)
        return 2 if _NEAR_BEFORE.search(before[-30:]) else 1
    if place.feature == "A.ADM1" or place.feature.startswith("A.PCL"):
        return 3
    if chain.coded and chain.region_head:
        return 3
    return 2


def _stand_in(chain: Chain, resolved: Resolved) -> bool:
    """True when the resolved unit stands in for the named head place (not a "coded to"
    unit, a region head or a "City - Quarter" city)."""
    return (
        resolved.level > 0
        and not chain.coded
        and not chain.region_head
        and resolved.level not in chain.towns
    )


def _read_whole(chain: Chain, picked: Mention | None) -> bool:
    """Whether the chosen place's mention spans the whole chain: the geoparser read it as
    one place ("Serekaniye (Ras al-Ain)", a place's two names), not a place and its unit."""
    return (
        picked is not None
        and picked.place is not None
        and picked.start <= chain.start
        and chain.end <= picked.end
    )


def _inside_its_chain(
    text: str, chosen: Location | None, chain: Chain, resolved: Resolved
) -> bool:
    """Whether the chosen place is written directly before a chain whose head the
    gazetteer lacks and lies in the unit the chain gives ("Kansafra in Jabal al-Zawiya,
    Idleb": Kansafra, in Idlib province, not Idlib read for the unknown mountain)."""
    if chosen is None or resolved.level == 0 or chain.coded:
        return False
    if not PLACE_IN.match(text, chosen.mention.end, chain.start):
        return False
    place, unit = chosen.place, resolved.place
    return place.country == unit.country and bool(place.admin1) and place.admin1 == unit.admin1


def qualified_location(
    text: str,
    sent_start: int,
    sent_end: int,
    chosen: Location | None,
    lookup: Lookup,
    country: str = "",
    mentions: list[Mention] | None = None,
) -> Location | None:
    """``chosen`` re-read through the admin units the sentence names beside it (or the
    place those units give when nothing was chosen); ``chosen`` itself otherwise."""
    chains = find_chains(text, sent_start, sent_end)
    country_only = chosen is not None and chosen.place.feature.startswith("A.PCL")
    picked = None if chosen is None or country_only else chosen.mention
    chain = pick_chain(text, chains, picked, sent_start)
    if chain is None or _read_whole(chain, picked):
        return chosen
    hint = chosen.place if chosen is not None and not country_only else None
    resolved = resolve_chain(chain, lookup, country, mentions, hint)
    if resolved is None or _inside_its_chain(text, chosen, chain, resolved):
        return chosen
    name = chain.names[resolved.level]
    start = chain.starts[resolved.level]
    precision = chain_precision(chain, resolved, text[sent_start : chain.start])
    place = resolved.place
    mention = Mention(
        text=name, start=start, end=start + len(name), place=place, precision=precision
    )
    warnings = []
    if resolved.level > 0 and not chain.coded:
        warnings.append(f"{chain.names[0]!r} is not in the gazetteer; placed at {place.name}")
    # a unit standing in for a head the gazetteer lacks: the wording around the head
    # ("Kone Chan village", "Taze township") rates the place, not "Kutkai township"
    head = chain.names[0]
    named = (
        Mention(text=head, start=chain.start, end=chain.start + len(head))
        if _stand_in(chain, resolved)
        else None
    )
    return Location(place.name, place, precision, mention, warnings, named)
