"""ACLED's conventions that depend on who acts on whom.

The trigger words give a first reading of a sentence (:mod:`.eventtypes`); the actors
found in it (their ACLED inter codes, :class:`~.actors.ActorRegistry`) settle the rest:

- detention is "Arrests" when a state force (inter 1, or 8 abroad) holds people; held by a
  rebel group or a militia (inter 2, 3, 4), and taken for forced conscription by anyone,
  it is "Abduction/forced disappearance";
- violence is an "Attack" (violence against civilians) only when civilians are harmed;
  when the target is a force or an armed group (soldiers sniped at, a militia's post
  fired on, a fighter found killed) it is an "Armed clash".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...records import Actor, Span
from ..theatres import air_launched
from .taxonomy import EventClass, make_class

SHELLING = "Shelling/artillery/missile attack"
# missiles named, and no gun, shell, rocket or mortar: what a pack's ``air_launched`` reads
_MISSILES_ONLY = re.compile(r"\bmissiles?\b", re.I)
_GROUND_FIRE = re.compile(
    r"\b(?:artillery|shell\w*|mortars?|rockets?|howitzers?|tanks?|surface-to-surface|ballistic)\b",
    re.I,
)
ARMED = (1, 2, 3, 4, 8)
NON_STATE = (2, 3, 4)  # rebels, political militias, identity militias
IDENTITY = 4
ABDUCTION = "Abduction/forced disappearance"

_CONSCRIPTION = re.compile(
    r"\b(?:for|into) (?:forced |compulsory |military )?(?:conscription|recruitment|military service"
    r"|the army|their ranks)\b|\bforcibly (?:recruit|conscript)\w*",
    re.I,
)
# Who was harmed: people the note names as civilians are not fighters.
_CIVILIAN = re.compile(
    r"\b(?:civilians?|villagers?|residents?|m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|people|famil(?:y|ies)"
    r"|farmers?|shepherds?|journalists?|teachers?|students?|worshippers|passengers|drivers?|traders?"
    r"|doctors?|nurses?|workers?|relatives|wife|husband|son|daughter|brother|sister|mother|father"
    r"|houses?|homes?|mukhtar|activists?|IDPs?|displaced|pastoralists?|herders?|herdsm[ae]n|fishermen"
    r"|informants?|detainees?|prisoners?|suspects?|businessm[ae]n|spies)\b",
    re.I,
)
_MEMBER = re.compile(
    r"\s*(?:members?|fighters?|soldiers?|personnel|elements|militants?|commanders?|officers?|recruits"
    r"|conscripts|guards?|troops|units?|patrols?|vehicles?|positions?|posts?|checkpoints?|convoys?"
    r"|bus(?:es)?|cars?|bases?|headquarters)\b",
    re.I,
)
_HARMED_AFTER = re.compile(
    r"^[\s\w,'()-]{0,40}?\b(?:was|were|had been|has been|have been|got)\s+(?:\w+\s+)?"
    r"(?:shot|killed|wounded|injured|sniped|targeted|attacked|ambushed|assassinated|executed|found)\b",
    re.I,
)
_BODY_OF = re.compile(r"\b(?:bod(?:y|ies)|corpses?) of (?:an? |the |two |three |\d+ )?$", re.I)
_NOT_ON_DUTY = re.compile(
    r"\b(?:off-?duty|former|retired|ex-|unarmed|defected|demobili[sz]ed)\W*(?:[\w-]+\W+){0,2}$",
    re.I,
)
_NOT_ON_DUTY_AFTER = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?[(\[]?(?:\w+ )?off.duty", re.I)
_INSTITUTION = re.compile(
    r"\s+(?:Prison|Court|Hospital|Academy|College|School|University|Cemetery|Museum|Hall|Club|Stadium)\b"
)
_POSSESSIVE = re.compile(r"^(?:'s|’s|s')", re.I)
_CLAUSE_END = re.compile(r"[.;]")
_SUBORDINATE = re.compile(
    r"\b(?:after|before|when|while|since|during|because|who|which|where|prison|jail|custody)\b",
    re.I,
)


def by_actors(
    found: EventClass,
    sentence: str,
    hits: Sequence[tuple[Span, Actor]],
    actor1: Actor | None,
    where: str = "",
) -> EventClass:
    """``found`` re-typed by ACLED's conventions on who acted on whom (``where``: the
    event's country, ISO2)."""
    if (
        found.sub_event_type == SHELLING
        and actor1 is not None
        and _MISSILES_ONLY.search(sentence)
        and not _GROUND_FIRE.search(sentence)
        and air_launched(actor1.country, where)
    ):
        return make_class("Air/drone strike", found.trigger)
    if (
        found.sub_event_type == "Arrests"
        and actor1 is not None
        and (actor1.inter in NON_STATE or _CONSCRIPTION.search(sentence))
    ):
        return make_class(ABDUCTION, found.trigger)
    if found.sub_event_type == "Attack" and armed_target(sentence, found.trigger, hits):
        return make_class("Armed clash", found.trigger)
    if found.sub_event_type == "Armed clash" and _ambushed_civilian(sentence, found.trigger, hits):
        return make_class("Attack", found.trigger)
    if found.sub_event_type in _CROWD_TYPES and _armed_on_crowd(sentence, found.trigger, hits):
        return make_class(EXCESSIVE, found.trigger)
    return found


EXCESSIVE = "Excessive force against protesters"
_CROWD_TYPES = frozenset({"Protest with intervention", "Violent demonstration", "Peaceful protest"})
# what an armed side does to a crowd: "opened fire on protesters", "stormed the sit-in"
_ON_CROWD = re.compile(
    r"\b(?:opened fire|fired|shot|attacked|assaulted|stormed|raided|stabbed|killed|burn(?:ed|t)"
    r"|torched|set fire)\b",
    re.I,
)
_OF = re.compile(r"\bof\b", re.I)
_CROWD_SIDE = re.compile(r"\b(?:supporters|followers|loyalists|partisans)\s*$", re.I)


def _armed_on_crowd(sentence: str, trigger: Span, hits: Sequence[tuple[Span, Actor]]) -> bool:
    """Whether the sentence's first side is an armed group, not the state, acting on the
    protest ("militia members stormed the sit-in, shooting at demonstrators"): the
    demonstrators are the harmed, not the violent; ACLED codes lethal force on them as
    excessive force whoever uses it (with the armed group as actor2, as it does with
    "Ambazonian Separatists"), not as a violent demonstration."""
    before = sorted((h for h in hits if h[0].end <= trigger.start), key=lambda h: h[0].start)
    if not before:
        return False
    where, first = before[0]
    if first.inter not in NON_STATE or _CROWD_SIDE.search(where.text):
        return False
    if _OF.search(sentence[: where.start].rsplit(",", 1)[-1]):
        return False  # "bodyguards of an MP from the ruling party": not the side itself
    return _ON_CROWD.search(sentence, where.end, trigger.start) is not None


_AMBUSH = re.compile(r"ambush", re.I)
# "killed a tribal sheikh", "two farmers were shot": civilians named as those harmed
_CIVILIAN_HARMED = re.compile(
    r"\b(?:killed|shot dead|shot and killed|assassinated|murdered|wounded|injured|shot|kidnapped)\s+"
    r"(?:an?|the|two|three|four|\d+|several)\s+(?:[\w-]+\s+){0,2}?(?:"
    + _CIVILIAN.pattern[5:-3]
    + r"|sheikhs?|elders?|notables?|dignitar(?:y|ies)|imams?|clerics?|engineers?|lawyers?|judges?)\b",
    re.I,
)


def _ambushed_civilian(sentence: str, trigger: Span, hits: Sequence[tuple[Span, Actor]]) -> bool:
    """An ambush on civilians ("gunmen killed a sheikh in an ambush on his car") is an
    attack on them, not a clash: only the assailants are armed."""
    if not _AMBUSH.search(trigger.text):
        return False
    armed = {actor.name for _, actor in hits if actor.inter in ARMED}
    return len(armed) <= 1 and _CIVILIAN_HARMED.search(sentence) is not None


def armed_target(sentence: str, trigger: Span, hits: Sequence[tuple[Span, Actor]]) -> bool:
    """True when the one harmed in ``sentence`` is a force or an armed group: one named
    after the act ("shot two militia members"), before a passive verb ("a police officer
    was shot") or as the body found ("the body of a militia member")."""
    for where, actor in hits:
        if actor.inter not in ARMED or _off_duty(sentence, where):
            continue
        if actor.inter == IDENTITY and not _MEMBER.match(sentence[where.end :]):
            continue  # "Fulani herders" are people of a community, "Fulani militia" fighters
        if where.start >= trigger.end and _object_of(sentence, trigger, where):
            return True
        if where.end <= trigger.start and _victim_before(sentence, where, trigger):
            return True
    return False


def _off_duty(sentence: str, where: Span) -> bool:
    """Not a force in arms: off duty or former, an owner ("a soldier's house") or part of
    a place's name ("the Military Prison", "the Police Hospital")."""
    before = sentence[max(0, where.start - 40) : where.start]
    after = sentence[where.end :]
    return bool(
        _NOT_ON_DUTY.search(before)
        or _NOT_ON_DUTY_AFTER.match(after[:40])
        or _POSSESSIVE.match(after)
        or _INSTITUTION.match(after)
    )


def _object_of(sentence: str, trigger: Span, where: Span) -> bool:
    between = sentence[trigger.end : where.start]
    if len(between) > 60 or _CLAUSE_END.search(between) or _CIVILIAN.search(between):
        return False
    if _SUBORDINATE.search(between):
        return False  # "died under torture, after being held at an army checkpoint"
    if re.search(r"\bby\b", between, re.I):
        return False  # "killed by the army": the army is the perpetrator
    return not _CIVILIAN.match(sentence[where.end :].lstrip())


def _victim_before(sentence: str, where: Span, trigger: Span) -> bool:
    after = sentence[where.end :]
    member = _MEMBER.match(after)
    if _BODY_OF.search(sentence[max(0, where.start - 40) : where.start]):
        return True
    rest = after[member.end() :] if member else after
    return (
        member is not None
        and _HARMED_AFTER.match(rest) is not None
        and (where.end + (member.end() if member else 0) <= trigger.end + 60)
    )
