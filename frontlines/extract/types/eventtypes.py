"""ACLED's event taxonomy, keyed on trigger words in a sentence.

:func:`classify` returns the sub-event type a coder would give a sentence, or None.
Rules run in tiers: first disrupted weapons use ("defused an IED" is not an explosion),
then the weapon- and crowd-specific types (a suicide bomb, an air strike, a protest), then
the remaining types, where the trigger that comes first in the sentence wins (ACLED notes
and news leads put the main event first). Territory taken by a state force is "Government
regains territory"; taken by a non-state actor, "Non-state actor overtakes territory";
the extractor decides which once it knows the actor (:func:`territory_type`).

The taxonomy itself is :mod:`.taxonomy`; the trigger tables are :mod:`.event_patterns`;
protests, riots and mob violence are :mod:`.crowds`. Their public names are re-exported here.
"""

from __future__ import annotations

import re

from ...records import Span
from ...regex_gate import GatedPattern
from ..actors.victims import armed_victim
from .crowds import crowd_fight, mob_violence, protest
from .event_patterns import (
    ACCIDENT,
    CHEMICAL,
    DISRUPTED,
    GROUND,
    SEIZED,
    SHELLING,
    TIER1,
    TIER2,
    TIER3,
    WEAK,
)
from .taxonomy import (
    EVENT_TYPES,
    TERRITORY,
    EventClass,
    civilian_targeting,
    interaction,
    make_class,
    span,
    territory_type,
)
from .territory import not_taken

__all__ = [
    "EVENT_TYPES",
    "TERRITORY",
    "EventClass",
    "actor_anchor",
    "civilian_targeting",
    "classify",
    "crowd_fight",
    "interaction",
    "labelled",
    "make_class",
    "territory_type",
]


# ACLED notes may open with a label naming the development ("Looting: On ...").
_LABELS: dict[str, str] = {
    "property destruction": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "looting/property destruction": "Looting/property destruction",
    "interception": "Disrupted weapons use",
    "disrupted weapons use": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "detonation": "Disrupted weapons use",
    "land seizure": "Looting/property destruction",
    "abduction": "Abduction/forced disappearance",
    "movement of forces": "Change to group/activity",
    "security measures": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "elections/referendum": "Other",
    "mass grave": "Other",
    "strikes": "Other",
    "training": "Other",
    "explosive remnants of war": "Other",
    "arrests": "Arrests",
    "arrest": "Arrests",
    "agreement": "Agreement",
    "change to group/activity": "Change to group/activity",
    "change to group": "Change to group/activity",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "other": "Other",
    "displacement": "Other",
    "non-violent activity": "Other",
    "non violent activity": "Other",
}
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /-]{2,40}):\s")


def label_end(text: str) -> int:
    """Where a leading label ("Change to armed group: ") ends; 0 when there is none."""
    match = _LABEL.match(text)
    return match.end() if match is not None else 0


def labelled(text: str) -> EventClass | None:
    """The sub-event type a leading label such as "Looting:" names, or None."""
    match = _LABEL.match(text)
    if match is None:
        return None
    sub_type = _LABELS.get(match.group("label").strip().lower())
    if sub_type is None:
        return None
    return make_class(
        sub_type, Span(match.start("label"), match.end("label"), match.group("label"))
    )


def classify(text: str, context: str = "") -> EventClass | None:
    """The ACLED sub-event type ``text`` (a sentence) reports, or None.

    ``context`` (other sentences of a short report) can upgrade a peaceful protest to one
    with intervention or excessive force.
    """
    label = labelled(text)
    if label is not None:
        return label
    return _classify(text, context)


def _classify(text: str, context: str) -> EventClass | None:
    match = DISRUPTED.search(text) or _seized(text)
    if match is not None and not _struck_before(text, match):
        return make_class("Disrupted weapons use", span(match))
    found = protest(text, context)
    if found is not None and not _armed_violence(text, found) and not _weapon_first(text, found):
        return found
    for sub_type, pattern in TIER1:
        match = pattern.search(text)
        if match is not None and sub_type == CHEMICAL and ACCIDENT.search(text):
            continue
        if match is not None and (
            _PAST_SCENE.search(text[max(0, match.start() - 60) : match.start()])
            or _hypothetical(text, match.start())
        ):
            continue
        if match is not None:
            ground = _ground(text) if sub_type == SHELLING else None
            if ground is not None:
                return make_class("Armed clash", span(ground))
            return make_class(sub_type, span(match))
    mob = mob_violence(text)
    if mob is not None:
        return make_class("Mob violence", span(mob))
    return _earliest(text, context) or _first(text, WEAK) or _fallback(text)


_INTERCEPTED = re.compile(r"intercept|shot down", re.I)
_STRIKES = ("Air/drone strike", SHELLING)


def _struck_before(text: str, match: re.Match[str]) -> bool:
    """ "Jets struck targets around X, adding that air defences intercepted most of the
    missiles": an interception told after the strike that went through is part of it."""
    if not _INTERCEPTED.match(match.group(0)):
        return False
    before = text[: match.start()]
    return any(pattern.search(before) for sub_type, pattern in TIER1 if sub_type in _STRIKES)


# A weapon's attack that only describes a place, as its scene, is dated to another year as
# an adjective ("the town where the 2013 gas attack happened") or is the earlier attack this
# one answers is not the event.
_PAST_SCENE = re.compile(
    r"\b(?:scene|site|anniversary|memory|memorial) of (?:a |an |the )?(?:[\w-]+ ){0,3}$"
    r"|\b(?:a|an|the) (?:[\w-]+ )?(?:19|20)\d\d (?:[\w-]+ ){0,2}$"
    # the earlier attack that this one answers ("in retaliation for a gas attack")
    r"|\b(?:in (?:retaliation|response|revenge|reprisal) (?:for|to)|to avenge|retaliat\w+ (?:for|against))"
    r" (?:[\w-]+ ){0,4}$"
    # a force in support of the act, not the act ("QSD forces supported by Coalition
    # helicopters raided a house", "the CTS, supported by Iraqi warplanes, raided")
    r"|\b(?:supported|backed|covered|aided|assisted|escorted) by (?:[\w-]+ ){0,2}$"
    # the grievance a crowd acts over ("stormed the base in anger at Turkish airstrikes")
    r"|\b(?:in (?:anger|fury|outrage|protest) (?:at|over|against)|angered by|outraged by"
    r"|to protest (?:against )?) (?:[\w-]+ ){0,4}$"
    # a long campaign told as the backdrop of the act ("captured X, following weeks of
    # bombardment")
    r"|\b(?:following|after|amid|ending) (?:several |many |two |three )?(?:days|weeks|months|years)"
    r" of (?:[\w-]+ ){0,2}$"
    # the pressure under which a side gave way ("pulled out under intense aerial and
    # artillery bombardment"; a base that "came under rocket fire" is the act itself)
    r"|\b(?:pulled out|withdr[ae]w\w*|retreat\w*|fled|evacuat\w*|surrender\w*|gave up|collapsed)"
    r" (?:[\w-]+ ){0,3}?under (?:(?:intense|heavy|fierce|constant|sustained|aerial|artillery|and|air"
    r"|Russian) ){0,5}$",
    re.I,
)
# An attack named only as a danger ("to defend against a possible attack", "to counter an
# air strike by a mock enemy") or denied is not the event; the sentence's act is something else.
_HYPOTHETICAL = re.compile(
    r"\b(?:possible|potential|future|imminent|mock|simulated|any|(?:defend\w*|protect\w*|guard\w*"
    r"|secur\w*) (?:[\w'-]+ ){0,3}?against|to (?:prevent|counter|deter|avert))\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'-]+\s+)?$",
    re.I,
)


# "No arrests have been made", "no one was killed": the act named is denied.
_DENIED = re.compile(
    r"\b(?:no|not|never|nobody|no one)\s+(?:(?:was|were|been|being|yet)\s+)?$", re.I
)


# "Five years after U.S.-backed fighters drove IS out of Raqqa, ...": an act years past,
# recalled as the time of a report about now
_RETROSPECT = re.compile(
    r"\b(?:\w+|\d+) (?:years?|months?|decades?) (?:after|since) (?:[\w'’.-]+ ){0,6}$"
    # an act commemorated ("marked the tenth anniversary of the Islamic State attack")
    r"|\b(?:anniversary|memory|commemoration|remembrance) of (?:a |an |the )?(?:[\w'’.-]+ ){0,4}$",
    re.I,
)


def _hypothetical(text: str, start: int) -> bool:
    window = text[max(0, start - 50) : start]
    return (
        _HYPOTHETICAL.search(window) is not None
        or _DENIED.search(window) is not None
        or _RETROSPECT.search(text[max(0, start - 80) : start]) is not None
    )


_VIOLENCE = re.compile(
    r"\b(?:kill\w*|clash\w*|ambush\w*|fought|fighting|shot|shoot\w*|gunfire|exchange of fire|attack\w*"
    r"|wound\w*|injur\w*|dead|died|assault\w*|beat(?:en|ing)?|abduct\w*|kidnap\w*)\b",
    re.I,
)
# Armed men or killings in the clause of a protest word: "gunmen blocked the road and
# killed two drivers" is an attack, not a protest; "police killed two protesters" stays
# a protest with excessive force (the crowd words name who was harmed).
_ARMED_MEN = re.compile(
    r"\b(?:gunmen|armed (?:men|group|assailants|militants)|militants|insurgents|jihadists|rebels"
    r"|fighters|bandits|terrorists)\b",
    re.I,
)
_CROWD_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall\w+|marche\w*|crowds?|rioters|strikers|mob)\b", re.I
)


def _armed_violence(text: str, found: EventClass) -> bool:
    """True when the protest words are an armed group's act of violence instead."""
    if found.event_type != "Protests" and found.sub_event_type != "Violent demonstration":
        return False
    armed = _ARMED_MEN.search(text)
    if armed is None or _VIOLENCE.search(text) is None:
        return False
    return _CROWD_WORDS.search(text) is None


def _weapon_first(text: str, found: EventClass) -> bool:
    """True when a weapon is used before the protest words, which are then its setting
    ("hurled grenades at troops sent to break up the protest")."""
    for sub_type, pattern in TIER1:
        if sub_type == "Sexual violence" or (sub_type == CHEMICAL and ACCIDENT.search(text)):
            continue
        match = pattern.search(text, 0, found.trigger.start)
        # A capital may be a name ("Shell workers", "Grad students"): only lower case counts.
        if match is not None and match.group(0)[0].islower():
            return True
    return False


def _seized(text: str) -> re.Match[str] | None:
    """Weapons seized or found, when the sentence tells of no fighting or killing."""
    match = SEIZED.search(text)
    if match is None or _VIOLENCE.search(text) is not None:
        return None
    if _DETAINED.search(text[: match.start()]):
        return None  # weapons taken from people detained: the detention is the event
    return match


_DETAINED = re.compile(r"\b(?:arrest\w*|detain\w*|abduct\w*|kidnap\w*)\b", re.I)


def _first(text: str, table: tuple[tuple[str, GatedPattern], ...]) -> EventClass | None:
    """The type of the trigger of ``table`` that comes first in ``text``, or None."""
    found = [(m.start(), sub, m) for sub, rx in table if (m := rx.search(text)) is not None]
    if not found:
        return None
    _start, sub_type, match = min(found, key=lambda item: item[0])
    return make_class(sub_type, span(match))


def _ground(text: str) -> re.Match[str] | None:
    """Ground fighting told alongside shelling, unless only as the backdrop of the
    shelling ("following a clash with X, troops fired artillery at the village")."""
    for match in GROUND.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if not _LEAD_IN.search(before) and not _LAUNCHED.search(before):
            return match
    return None


# "as Turkey launched its offensive": a campaign begun is the shelling's setting, not
# fighting on the ground
_LAUNCHED = re.compile(
    r"\b(?:launch\w*|beg[au]n|start\w*|announc\w*|kick\w* off)\s+(?:its|their|an?|the)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


_LEAD_IN = re.compile(
    r"(?:^|[,)]\s*)(?:following|after|amid|amidst|during|in the wake of)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _fallback(text: str) -> EventClass | None:
    """Plainly told non-violent developments (houses set on fire, villagers displaced,
    fighters surrendering), tried only when no violent or listed trigger is present."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for sub_type, pattern in TIER3:
        match = pattern.search(text)
        if match is not None:
            found.append((match.start(), sub_type, match))
    if not found:
        return None
    _start, sub_type, match = min(found, key=lambda item: item[0])
    return make_class(sub_type, span(match))


# an agreement named as the frame of another act ("a joint patrol under a ceasefire deal",
# "shelling in violation of the truce") is not the event
_FRAMED = re.compile(
    r"\b(?:under|per|within|in line with|as part of|according to|in accordance with|in the framework"
    r" of|despite|violat\w+|breach\w*|in violation of|monitor\w*)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _earliest(text: str, context: str = "") -> EventClass | None:
    found: list[tuple[int, str, re.Match[str]]] = []
    for sub_type, pattern in TIER2:
        match = pattern.search(text)
        if match is None or _hypothetical(text, match.start()):
            continue
        if sub_type == "Agreement" and _FRAMED.search(text[max(0, match.start() - 50) : match.start()]):
            continue
        found.append((match.start(), sub_type, match))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    fled = _FLED.search(text, 0, found[0][0])
    if fled is not None and _CAUSE.search(text, fled.end(), found[0][0] + 1):
        # "Thousands fled because of the attacks": the displacement is the event.
        return make_class("Other", span(fled))
    # "Following clashes, troops captured X": a leading backdrop is not the main event.
    main = [f for f in found if not _BACKDROP.search(text[max(0, f[0] - 30) : f[0]])]
    best = (
        main[0]
        if main and _BACKDROP.search(text[max(0, found[0][0] - 30) : found[0][0]])
        else found[0]
    )
    if best[1] == TERRITORY and not_taken(text, best[2].start(), best[2].end()):
        return make_class("Armed clash", span(best[2]))
    if best[1] == "Attack":
        clash = dict(TIER2)["Armed clash"].search(text)
        if clash is not None:
            return make_class("Armed clash", span(clash))
        if armed_victim(text) or (context and armed_victim(context)):
            return make_class("Armed clash", span(best[2]))
    return make_class(best[1], span(best[2]))


def actor_anchor(found: EventClass, sentence: str) -> Span:
    """Where actors divide into actor1's side (before) and actor2's (after).

    A leading label ("Looting: ...") is not the act: the act's own trigger in the rest of
    the sentence is used, or the sentence end. "Fighting broke out between A and B" puts
    both after the trigger, so the anchor moves to the word "between"."""
    if _LABEL.match(sentence) is not None and found.trigger.start < 3 + len(found.trigger.text):
        rest_start = found.trigger.end + 1
        inner = classify(sentence[rest_start:])
        if inner is None:
            return Span(len(sentence), len(sentence), "")
        return Span(
            inner.trigger.start + rest_start, inner.trigger.end + rest_start, inner.trigger.text
        )
    between = _BETWEEN.search(sentence, found.trigger.end)
    if between is not None and between.start() - found.trigger.end < 30:
        return Span(between.end() + 1, between.end() + 1, "")
    return found.trigger


_FLED = re.compile(r"\b(?:fled|fleeing|have fled|displaced|forced to (?:flee|leave))\b", re.I)
# A cause, not a time: "fled after the attack" may tell the attack itself.
_CAUSE = re.compile(
    r"\b(?:because of|in the wake of|due to|for fear of|owing to|as a result of)\b(?:\W+\w+){0,6}?\W*$",
    re.I,
)
_BACKDROP = re.compile(
    r"(?:^|,\s*|\)\s*)(?:following|after|amid|amidst|during|despite|in the wake of)\s+(?:the\s+|heavy\s+"
    r"|fierce\s+|several\s+|\w+\s+){0,3}$",
    re.I,
)
# "between" naming the sides, not a stretch of land ("the area between X and Y", "the road
# between X and Y": places)
_BETWEEN = re.compile(
    r"(?<!area )(?<!areas )(?<!road )(?<!highway )(?<!axis )(?<!border )(?<!line )(?<!region )"
    r"(?<!desert )(?<!route )(?<!stretch )(?<!countryside )\bbetween\s+(?:the\s+)?",
    re.I,
)
