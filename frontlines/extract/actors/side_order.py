"""Which side ACLED lists first in a battle, and other fixes to the sides once chosen.

The side that attacked or advanced first is actor1 whichever is the sentence's subject
(:func:`attacker_first`, :func:`advancer_first`); a state force that exchanged fire with
criminals or militias comes first (:func:`state_first`); infighting has one group on both
sides (:func:`internal`); Rio's police-militia areas and the Donbas line of contact have
their own defaults (:func:`militia_area`, :func:`across_line`).
"""

from __future__ import annotations

import re

from ...records import Actor, Span
from ..places.front_line import GOVERNMENT, Where, firing_side
from .perpetrators import GANG, POLICE_MILITIA_COUNTRIES, in_militia_area
from .registry import ActorRegistry, country_info
from .sides import Sides, has_own_name, unique

_MILITARY_DEFAULT = Actor("Military Forces of {the}{country} ({period})", 1)
_MUTUAL_FIRE = re.compile(r"\bexchang(?:ed|ing) (?:gun)?fire with\b", re.I)
_NAF = Actor("NAF: United Armed Forces of Novorossiya", 2, "UA")
_LINE_FIRE = ("Shelling/artillery/missile attack", "Armed clash")


def across_line(
    registry: ActorRegistry,
    sides: Sides,
    sentence: str,
    sub_event_type: str,
    when: str,
    where: Where | None,
) -> Sides:
    """ "The OSCE SMM observed 14 explosions near X" (Donbas, 2015-2022): nobody is said
    to have fired, and ACLED names the side across the line of contact from X; in a
    clash the side that held X is actor2."""
    if sub_event_type not in _LINE_FIRE or has_own_name(sides.actor1):
        return sides
    side = firing_side(sentence, when, where)
    if not side:
        return sides
    army = registry.for_country(_MILITARY_DEFAULT, "UA", when)
    shooter, holder = (army, _NAF) if side == GOVERNMENT else (_NAF, army)
    if sub_event_type == "Armed clash":
        return Sides(shooter, actor2=holder)
    other = sides.actor2
    named = other is not None and not other.name.startswith("Unidentified")
    return Sides(shooter, actor2=other if named else None)


_INTERNAL = re.compile(
    r"\b(?:internal (?:clash\w*|dispute\w*|fight\w*|feud\w*|rivalry)|infighting|in-fighting"
    r"|among themselves|(?:clashed|fought) (?:with )?each other)\b",
    re.I,
)


def internal(sides: Sides, armed: list[tuple[Span, Actor]], sentence: str) -> Sides:
    """ "Taliban members were killed in internal clashes": fighting within one group has
    that group on both sides."""
    named = unique([a for _, a in armed if has_own_name(a)])
    if len(named) != 1 or _INTERNAL.search(sentence) is None:
        return sides
    return Sides(named[0], actor2=named[0])


def militia_area(registry: ActorRegistry, sides: Sides, sentence: str, country: str) -> Sides:
    """Where police militias fight the gangs (Rio de Janeiro), an unknown gang is
    "Unidentified Gang and/or Police Militia", Brazil's default."""
    info = country_info(country) if country else None
    if info is None or info.iso2 not in POLICE_MILITIA_COUNTRIES or not in_militia_area(sentence):
        return sides
    gang = registry.for_country(Actor(GANG, 3), country).name
    default = registry.unidentified(country)
    if sides.actor1.name == gang:
        sides.actor1 = default
    if sides.actor2 is not None and sides.actor2.name == gang:
        sides.actor2 = default
    return sides


_REPEL = re.compile(r"\b(?:thwart|repel|repuls|foil)(?:ed|led|ing|s)?\b", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|got)\s+(?:\w+\s+)?$", re.I)


def attacker_first(sides: Sides, hits: list[tuple[Span, Actor]], sentence: str) -> Sides:
    """ "A thwarted (an attack and clashed with) B", "A were repelled by B": ACLED names
    the side that attacked first, whichever the sentence's subject is."""
    verb = _REPEL.search(sentence)
    if verb is None:
        return sides
    before = [a for s, a in hits if s.end <= verb.start()]
    after = [a for s, a in hits if s.start >= verb.end()]
    if not before or not after or before[-1].name == after[0].name:
        return sides
    if _PASSIVE_BEFORE.search(sentence[: verb.start()]):
        attacker, defender = before[-1], after[0]
    else:
        attacker, defender = after[0], before[-1]
    if sides.actor1.name not in (attacker.name, defender.name):
        return sides
    if sides.actor1.name == attacker.name:
        return sides
    return Sides(attacker, actor2=defender)


# "as Russian forces (unsuccessfully) attempted to advance": the side that moved on the
# other; "Russian forces had to retreat": the side that gave way.
_ADVANCE = re.compile(
    r"\b(?:attempt(?:ed|ing|s)?|tried|trying|sought|seeking)\s+to\s+(?:advance|attack|storm"
    r"|break through|assault|capture|seize)\b",
    re.I,
)
_RETREAT = re.compile(
    r"\b(?:(?:had|were forced|was forced)\s+to\s+)?(?:retreat(?:ed|s)?|withdr(?:ew|aw))\b", re.I
)
_SUBJECT_GAP = 25  # the mover named this close before its verb is the verb's subject


def _mover(hits: list[tuple[Span, Actor]], sentence: str, verb: re.Pattern[str]) -> Actor | None:
    for match in verb.finditer(sentence):
        subject = [a for s, a in hits if s.end <= match.start() < s.end + _SUBJECT_GAP]
        if subject:
            return subject[-1]
    return None


def advancer_first(sides: Sides, hits: list[tuple[Span, Actor]], sentence: str) -> Sides:
    """ "Clashes took place between A and B as B attempted to advance": ACLED names the
    side that attacked first, and the other side when one had to retreat."""
    first, second = sides.actor1, sides.actor2
    if second is None or first.name == second.name or not has_own_name(second):
        return sides
    mover = _mover(hits, sentence, _ADVANCE)
    if mover is None:
        retreater = _mover(hits, sentence, _RETREAT)
        mover = second if retreater is not None and retreater.name == first.name else None
    if mover is None or mover.name != second.name:
        return sides
    return Sides(second, sides.assoc2, first, sides.assoc1)


def state_first(sides: Sides, sentence: str) -> Sides:
    """ "A exchanged fire with the police": in a mutual firefight with criminals or
    militias ACLED lists the state force first; a rebel group that did so stays first."""
    other = sides.actor2
    if (
        other is None
        or other.inter != 1
        or sides.actor1.inter not in (3, 4)
        or _MUTUAL_FIRE.search(sentence) is None
    ):
        return sides
    return Sides(other, sides.assoc2, sides.actor1, sides.assoc1)
