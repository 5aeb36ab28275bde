"""Claims of responsibility: "IS claimed the attack" names who carried out the event the
paragraph has just told, and is no event of its own.

ACLED codes a claimed attack to the group that claims it. A sentence that claims an
event already reported in its paragraph therefore moves the claimant into that event's
actor1 when the event's perpetrator was unidentified (:func:`claimant`), and the
extractor makes no second event of it.
"""

from __future__ import annotations

import re

from ...records import Actor
from .registry import ActorRegistry
from .sides import has_own_name

# "claimed responsibility", "claimed the attack", "took responsibility", "claimed by"
CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?\s+(?:the\s+)?(?:responsibility|credit)"
    r"|claim(?:s|ed|ing)?\s+(?:the|this|that)\s+(?:\w+\s+)?(?:attacks?|bombings?|blasts?|explosions?"
    r"|killings?|assaults?|ambush(?:es)?|operations?|strikes?)"
    r"|(?:took|takes?|taking|assumed|assumes?)\s+(?:the\s+)?responsibility|takes?\s+credit"
    r"|(?:was|were|has\s+been|have\s+been)\s+claimed\s+by)\b",
    re.I,
)
_ARMED_GROUPS = (2, 3, 4)  # rebels, militias, communal militias


def claimant(registry: ActorRegistry, sentence: str, country: str, when: str) -> Actor | None:
    """The armed group with a name of its own that ``sentence`` says claimed an event,
    its name filled for ``country`` at ``when``; None when the sentence claims nothing or
    names no such group."""
    claim = CLAIM.search(sentence)
    if claim is None:
        return None
    passive = claim.group(0).lower().endswith(" by")
    for span, actor in registry.find(sentence):
        if actor.inter not in _ARMED_GROUPS or not has_own_name(actor):
            continue
        if (span.start >= claim.end()) if passive else (span.end <= claim.start()):
            return registry.for_country(actor, country, when)
    return None
