"""ACLED's event taxonomy: sub-event types, their event and disorder types, and codes.

:class:`EventClass` is what the classifier (:mod:`.eventtypes`) returns for a sentence;
:func:`make_class` fills in the event and disorder types ACLED gives a sub-event type.
The interaction and civilian-targeting codes follow the ACLED codebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...records import Span

EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}
TERRITORY = "Government regains territory"


@dataclass(frozen=True, slots=True)
class EventClass:
    """The ACLED type of a sentence and the words that triggered it."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: Span


def make_class(sub_event_type: str, trigger: Span) -> EventClass:
    """An EventClass for ``sub_event_type`` with ACLED's event and disorder types."""
    event_type = EVENT_TYPES[sub_event_type]
    return EventClass(event_type, sub_event_type, _DISORDER[event_type], trigger)


def territory_type(inter1: int) -> str:
    """Who took ground: a state force at home regains it; anyone else, a foreign state
    force included (inter 8), overtakes it."""
    return TERRITORY if inter1 == 1 else "Non-state actor overtakes territory"


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes, smaller first; alone, code * 10."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def civilian_targeting(sub_event_type: str, inter2: int) -> str:
    """ACLED's civilian_targeting flag."""
    if EVENT_TYPES.get(sub_event_type) == "Violence against civilians" or inter2 == 7:
        return "Civilian targeting"
    return ""


def span(match: re.Match[str]) -> Span:
    """The matched text as a :class:`Span`."""
    return Span(match.start(), match.end(), match.group(0))
