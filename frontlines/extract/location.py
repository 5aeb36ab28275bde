"""Where an event happened, chosen among the sentence's resolved place mentions.

A mention wins when a locative cue stands before it ("in", "at", "near", "southwest of",
"in the area of", "outskirts of"); ties go to the more specific place (a populated place
over a region) and then to the one nearest the trigger. Places that are only targets or
origins of a threat ("a threat to X", "from X") are skipped when another place is there.
"Near"/"of" relations make geo precision 2; a region (not a populated place) makes 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Mention, Place

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|inside|into|on|across|within|throughout|towards?)"
    r"|\b(?:outskirts|vicinity|area|areas|region|district|province|town|city|village|countryside|suburbs?|edge|environs) of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)? of"
    r"|\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"(?:\s+the)?(?:\s+(?:city|town|village|area|province|region|district|governorate|desert) of)?\s*(?:the\s+)?$",
    re.I,
)
_NEAR = re.compile(
    r"\b(?:near|around|outside|outskirts|vicinity|area|areas|environs|countryside|suburbs?|edge"
    r"|north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west"
    r"|km|kilometres|kilometers|miles)\b",
    re.I,
)
_EXCLUDED = re.compile(
    r"\b(?:threat to|threats to|from|to|toward|towards|against|bound for|fled to|returned to)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)


@dataclass(slots=True)
class Location:
    """The chosen place: ``name`` is the text used as ACLED's location."""

    name: str
    place: Place
    precision: int
    mention: Mention
    warnings: list[str] = field(default_factory=list)


def _precision(mention: Mention, before: str) -> int:
    place = mention.place
    base = max(mention.precision, 1)
    if place is not None and place.feature_class != "P":
        return max(base, 3 if place.feature_class in ("A", "L", "T", "H") else base)
    cue = _LOCATIVE.search(before[-60:])
    if cue is not None:
        # The preposition right before the name decides: "in X" is X itself.
        snapped = mention.relation == "near" and mention.precision >= 2
        return 2 if _NEAR.search(cue.group(0)) or snapped else 1
    if _NEAR.search(before[-40:]) or mention.relation:
        return max(base, 2)
    return base


def wording_precision(text: str, mentions: list[Mention], sent_start: int, sent_end: int) -> int:
    """Geo precision the wording gives an unresolved place: 2 after "near", "outskirts
    of" and the like, 1 after "in"/"at"; 3 when the sentence names no place."""
    for mention in mentions:
        if mention.kind != "toponym" or not sent_start <= mention.start < sent_end:
            continue
        cue = _LOCATIVE.search(text[sent_start : mention.start][-60:])
        if cue is not None:
            return 2 if _NEAR.search(cue.group(0)) else 1
    return 3


def _score(mention: Mention, before: str, trigger: int) -> tuple[int, int, int]:
    locative = 1 if _LOCATIVE.search(before[-60:]) else 0
    excluded = 1 if _EXCLUDED.search(before[-50:]) and not locative else 0
    place = mention.place
    populated = 1 if place is not None and place.feature_class == "P" else 0
    return (locative - 2 * excluded, populated, -abs(mention.start - trigger))


def choose_location(
    text: str,
    mentions: list[Mention],
    sent_start: int,
    sent_end: int,
    trigger: int,
    paragraph: tuple[int, int],
) -> Location | None:
    """The event's place among ``mentions`` inside [sent_start, sent_end) of ``text``."""
    inside = [
        m for m in mentions if m.kind == "toponym" and sent_start <= m.start and m.end <= sent_end
    ]
    scored = sorted(
        inside, key=lambda m: _score(m, text[sent_start : m.start], trigger), reverse=True
    )
    for mention in scored:
        before = text[sent_start : mention.start]
        if _EXCLUDED.search(before[-50:]) and not _LOCATIVE.search(before[-60:]):
            continue
        if mention.place is not None:
            return Location(mention.place.name, mention.place, _precision(mention, before), mention)
        nearby = _nearby(mentions, mention, paragraph)
        if nearby is not None and nearby.place is not None:
            return Location(
                mention.text,
                nearby.place,
                2,
                mention,
                [
                    f"{mention.text!r} is not in the gazetteer; placed at nearby "
                    f"{nearby.place.name} with geo precision 2"
                ],
            )
    return None


def _nearby(mentions: list[Mention], target: Mention, paragraph: tuple[int, int]) -> Mention | None:
    resolved = [
        m
        for m in mentions
        if m.place is not None
        and m.kind == "toponym"
        and paragraph[0] <= m.start < paragraph[1]
        and m.place.feature_class == "P"
    ]
    if not resolved:
        return None
    return min(resolved, key=lambda m: abs(m.start - target.start))


def main_place(mentions: list[Mention]) -> Mention | None:
    """The document's main place: the most often named resolved place (first on ties)."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.place is None or mention.kind != "toponym":
            continue
        counts[mention.place.id] = counts.get(mention.place.id, 0) + 1
        first.setdefault(mention.place.id, mention)
    if not counts:
        return None
    best = max(counts, key=lambda pid: (counts[pid], -first[pid].start))
    return first[best]
