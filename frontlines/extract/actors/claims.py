"""Claims and blame: "IS claimed the attack" names who carried out the event the paragraph
has just told, and is no event of its own; "Baghdad blamed Turkey", "which Washington
blamed on Iran-backed militias" name the side an unattributed attack is laid at.

ACLED codes a claimed attack to the group that claims it. A sentence that claims an
event already reported in its paragraph therefore moves the claimant into that event's
actor1 when the event's perpetrator was unidentified (:func:`claimant`), and the
extractor makes no second event of it.
"""

from __future__ import annotations

import re

from ...records import Actor
from .registry import ActorRegistry, country_info
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


# "blamed Turkey", "blamed it on X", "blamed the attack on X", "blaming X for"; "X was
# suspected of carrying out the strikes" (the side named before the suspicion)
BLAME = re.compile(
    r"\bblam(?:e|es|ed|ing)\s+(?:it\s+|the\s+(?:\w+\s+)?(?:attacks?|strikes?|bombings?|shelling"
    r"|explosions?|blasts?|killings?)\s+)?(?:on\s+)?(?:the\s+)?"
    r"|(?P<suspected>\s+(?:was|were|is|are)\s+(?:widely\s+)?(?:suspected|believed|thought)\s+"
    r"(?:of|to\s+have)\s+(?:carried|carrying|been\s+behind|launched|launching|conducted|conducting)\b)",
    re.I,
)
_BLAMED = (1, 2, 3, 4, 8)  # forces and armed groups; not crowds or civilians
_COUNTRY_WORD = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")
_SUBJECT_WORD = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}$")


def blamed(registry: ActorRegistry, sentence: str, country: str, when: str) -> Actor | None:
    """The force or armed group ``sentence`` lays an attack at ("Baghdad blamed Turkey":
    Turkey's military), named right after the blame; None when it blames nobody named."""
    for match in BLAME.finditer(sentence):
        suspected = match.group("suspected") is not None
        for span, actor in registry.find(sentence):
            at = span.end == match.start() if suspected else span.start == match.end()
            if at and actor.inter in _BLAMED and has_own_name(actor):
                return registry.for_country(actor, country, when)
        if suspected:
            before = _SUBJECT_WORD.search(sentence, 0, match.start())
            named = _COUNTRY_WORD.match(sentence, before.start()) if before else None
        else:
            named = _COUNTRY_WORD.match(sentence, match.end())
        word = named.group(0) if named else ""
        info = country_info(word) or country_info(word.rstrip(".")) if word else None
        if info is not None:
            military = Actor("Military Forces of {the}{country} ({period})", 1, info.iso2)
            return registry.for_country(military, country, when)
    return None
