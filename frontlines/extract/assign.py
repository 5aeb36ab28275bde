"""Who did what to whom: actor1/assoc/actor2 for one sentence, with ACLED's defaults.

Armed actors named before the trigger are actor1's side (the first is actor1, the next
joined by "and"/"with"/"alongside" its associate); those after it are actor2's side,
except one introduced by "by" (passive voice: "was captured by X"), which is actor1.
Protests are always "Protesters (<country>)"; riots "Rioters (<country>)"; violence
against civilians has "Civilians (<country>)" as actor2.

Which actor stands on which side of the trigger is :mod:`.agent_split`'s; the battle
ordering rules applied afterwards are :mod:`.side_order`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Actor, Span
from .actors.agent_split import (
    in_support,
    main_clause_trigger,
    split_sides,
    trigger_past_actor,
    victim_subject,
)
from .actors.registry import ActorRegistry, country_info
from .actors.side_order import (
    across_line,
    advancer_first,
    attacker_first,
    internal,
    militia_area,
    state_first,
)
from .actors.sides import Sides, unique
from .places.front_line import Where
from .theatres import Umbrella, air_arm, umbrellas
from .types.eventtypes import label_end
from .types.territory import NON_VIOLENT, gain_sides

__all__ = ["Sides", "assign"]

Filler = Callable[[Actor], Actor]
_ARMED = (1, 2, 3, 4, 8)
_POLICE_DEFAULT = Actor("Police Forces of {the}{country} ({period})", 1)
_PROTESTERS = Actor("Protesters ({country})", 6)
_RIOTERS = Actor("Rioters ({country})", 5)
_CIVILIANS = Actor("Civilians ({country})", 7)
_GOVERNMENT = Actor("Government of {the}{country} ({period})", 1)
# the state's civil arms, which decree, agree and hold elections ("the governor's office
# issued a ban", "the government extended the curfew")
_CIVIL_POWER = re.compile(
    r"\b(?:government|authorities|governor(?:'s office)?|president|prime minister|ministry"
    r"|minister|parliament|congress|cabinet|administration)\b(?!-)",
    re.I,
)
_DECREED = ("Other", "Agreement", "Change to group/activity")
_UNIDENTIFIED_MILITARY = Actor("Unidentified Military Forces", 8)
_AIR_COALITIONS = {"Yemen": Actor("Operation Restoring Hope", 8, "YE")}
# a drone made into a bomb ("an explosive-laden drone", "a kamikaze drone"): an armed
# group's weapon, not an air force's, when nobody is named
_IMPROVISED_DRONE = re.compile(
    r"\b(?:explosive-?(?:laden|packed|rigged)|bomb-?(?:laden|rigged)|booby-?trapped|kamikaze"
    r"|suicide|one-way(?: attack)?)\s+(?:\w+\s+)?drones?\b|\bdrones?\s+(?:loaded|packed|rigged|"
    r"laden|carrying)\s+(?:with\s+)?explosives\b",
    re.I,
)
_TERRITORIAL = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    NON_VIOLENT,
)
_DISPLACED = re.compile(
    r"\b(?:were|was|been|being|are) (?:\w+ )?(?:evacuated|displaced|relocated)\b|\bfled (?:their|the)\b",
    re.I,
)
# People who fled, were displaced or evacuated, or arrived as refugees are the actor of a
# displacement event; the fighting or raid that drove them out is its background.
_DISPLACEMENT = re.compile(
    r"\b(?:refugees|asylum seekers|(?:were|was|been|being|are) (?:\w+ )?(?:evacuated|displaced"
    r"|relocated|uprooted)|(?:forced|compelled) to (?:flee|leave|move out|relocate)|fled (?:from )?"
    r"(?:their|the|her|his)\b|fled (?:to|into|across)\b)",
    re.I,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?P<where>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|man|woman|women|men|boy|girl|child(?:ren)?|people|family"
    r"|farmers?|journalists?|teachers?|students?|worshippers|passengers|houses?|homes?|market|hospital|school"
    r"|passing (?:\w+ )?(?:vehicles|cars))\b",
    re.I,
)


def _origin(registry: ActorRegistry, sentence: str) -> str:
    """The country displaced people came from: "refugees from Ukraine", "Ukrainian
    refugees"; "" when the sentence does not say."""
    match = _DISPLACEMENT.search(sentence)
    if match is None:
        return ""
    before = re.search(r"(?P<dem>[A-Z][\w'-]+)\s+$", sentence[: match.start()])
    if before is not None and match.group(0).lower() in ("refugees", "asylum seekers"):
        found = registry.country_named(before.group("dem"))
        if found:
            return found
    for where in _FROM.finditer(sentence, match.start(), match.end() + 80):
        found = registry.country_named(where.group("where"))
        if found:
            return found
    return ""


# ACLED names crowds in Northern Ireland for it, though events there are the UK's.
_NORTHERN_IRELAND = re.compile(r"\b(?:Northern Ireland|Belfast|Derry|Londonderry)\b")


def _crowd_of(
    registry: ActorRegistry, sentence: str, crowd: Actor, when: str, country: str = ""
) -> Actor | None:
    """Protesters or rioters named for who they are rather than where they are: foreign
    nationals together abroad ("Ukrainians living in Mersin staged a protest") are their
    own country's; migrants of no stated nationality are "(International)"; crowds in
    Northern Ireland are "(Northern Ireland)"."""
    if registry.stateless_crowd(sentence):
        return Actor(crowd.name.replace("{country}", "International"), crowd.inter)
    info = country_info(country) if country else None
    if info is not None and info.iso2 == "GB" and _NORTHERN_IRELAND.search(sentence):
        return Actor(crowd.name.replace("{country}", "Northern Ireland"), crowd.inter)
    abroad = registry.nationals(sentence)
    return registry.for_country(crowd, abroad, when) if abroad else None


def _crowd_country(hits: list[tuple[Span, Actor]], trigger: Span) -> str:
    """The country of the crowd that rioted when the sentence's subject is a group tied
    to one ("Israeli settlers" riot as Israelis wherever they are); "" otherwise."""
    for span, actor in hits:
        if span.start >= trigger.start:
            break
        if actor.country and actor.inter in (3, 4, 5) and "{" not in actor.name:
            return actor.country
    return ""


def assign(
    registry: ActorRegistry,
    sentence: str,
    trigger: Span,
    sub_event_type: str,
    event_type: str,
    country: str,
    when: str,
    inherited: Sides | None,
    where: Where | None = None,
) -> Sides:
    """The actors of the event in ``sentence``; ``where`` is the place it happened,
    when known. A force acting where a theatre pack names an umbrella it acts under
    ("Global Coalition Against Daesh" for US forces in Syria and Iraq) is that umbrella's
    associate (:func:`under_umbrella`)."""
    sides = _assign(
        registry, sentence, trigger, sub_event_type, event_type, country, when, inherited, where
    )
    info = country_info(country) if country else None
    if sub_event_type == "Disrupted weapons use" and sides.actor1 is not None:
        # a force bringing down drones or rockets aimed at it defends itself, in its own
        # name, whatever umbrella its other operations come under
        return under_umbrella(sides, info.iso2 if info else "", violent=True, own_actor1=True)
    return under_umbrella(sides, info.iso2 if info else "", violent=event_type in _VIOLENT)


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


# "dozens of fighters were killed", "three soldiers were wounded": casualties with no agent.
_AGENTLESS_CASUALTIES = re.compile(
    r"\b(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?(?:killed|wounded|injured"
    r"|eliminated|neutralized|neutralised)\b(?!\s+by\b)",
    re.I,
)
# What may stand before a sentence's subject: "On 3 May 2018, ", "in X village, ", "suspected
# armed ".
_SUBJECT_PREFIX = re.compile(
    r"(?:\s*(?:on|in|at|near|around|during|after|before|since|early|late|last|overnight|meanwhile"
    r"|then|later|also)\b[^,]*,)*\s*(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}",
    re.I,
)


def _subject(before: str, span: Span) -> bool:
    """True when the force at ``span`` is its sentence's subject (it acted), not a target
    or a bystander named later in the sentence ("rammed a police vehicle")."""
    stop = before.rfind(". ", 0, span.start)
    start = max(stop + 2 if stop >= 0 else 0, before.rfind("\n", 0, span.start) + 1)
    prefix = re.sub(r"\([^)]*\)", "", before[start : span.start])
    return _SUBJECT_PREFIX.fullmatch(prefix) is not None


# "A and B stormed", "A, with B,": the partner named beside the paragraph's first force.
_PARTNER_GAP = re.compile(
    r"^(?:\s*(?:,|and|&|with|alongside|together with|backed by)\s*)+(?:the\s+)?$", re.I
)


# a sentence whose subject refers back to a force the paragraph named ("They set fire to
# houses", "The militants then withdrew"): that force acted
_ANAPHORIC_SUBJECT = re.compile(
    r"\s*(?:They|The (?:militants|gunmen|attackers|assailants|fighters|group|insurgents|jihadists))\b"
)


def paragraph_battle(
    registry: ActorRegistry, before: str, sentence: str, country: str, when: str
) -> Sides | None:
    """The sides of the battle a paragraph describes, for a casualty report with no
    agent ("Military sources said that dozens of militants were killed") or a sentence whose
    subject refers back to a force ("They set fire to houses"): the first
    armed force the paragraph named as a sentence's subject before ``sentence`` (``before`` is the paragraph's
    text up to it) is actor1, with the force named beside it ("A and B stormed the
    town") as its associate. None when ``sentence`` is not such a report or the
    paragraph named no armed force with a name of its own."""
    if not (_AGENTLESS_CASUALTIES.search(sentence) or _ANAPHORIC_SUBJECT.match(sentence)):
        return None
    hits = [
        (span, actor)
        for span, actor in registry.find(before)
        if actor.inter in _ARMED and not actor.name.startswith("Unidentified")
    ]
    acting = [i for i, (span, _) in enumerate(hits) if _subject(before, span)]
    if not acting:
        return None  # the forces named were targets or bystanders ("rammed a police car")
    hits = hits[acting[0] :]
    if not hits:
        return None
    actor1 = registry.for_country(hits[0][1], country, when)
    sides = Sides(actor1)
    last = hits[0][0]
    for span, actor in hits[1:]:
        partner = registry.for_country(actor, country, when)
        if not _PARTNER_GAP.match(before[last.end : span.start]):
            break
        if partner.name != actor1.name:
            sides.assoc1 = partner.name
            break
        last = span
    return sides


def under_umbrella(
    sides: Sides, country: str, *, violent: bool = True, own_actor1: bool = False
) -> Sides:
    """``sides`` with a member force replaced by the umbrella it acts under in
    ``country`` (ISO2), the member moving to the associate's place. The umbrella's
    mandate (``against``) bounds only ``violent`` events: a patrol escorted by a partner
    force is the umbrella's. With ``own_actor1`` actor1 keeps its own name."""
    found = umbrellas(country)
    if not found:
        return sides
    for umbrella in found:
        cover = Actor(umbrella.name, umbrella.inter, "")
        if not own_actor1 and _member(sides.actor1, umbrella.members) and (
            not violent or _in_mandate(sides.actor2, umbrella)
        ):
            sides.assoc1 = sides.actor1.name if not sides.assoc1 else sides.assoc1
            sides.actor1 = cover
        if sides.actor2 is not None and _member(sides.actor2, umbrella.members):
            sides.assoc2 = sides.actor2.name if not sides.assoc2 else sides.assoc2
            sides.actor2 = cover
    return sides


# the other sides a member may meet while acting under its umbrella, whatever its mandate
_ANYONE = ("Unidentified", "Civilians")


def _in_mandate(other: Actor | None, umbrella: Umbrella) -> bool:
    """Whether a member acting on ``other`` acts under ``umbrella``: always, unless the
    umbrella names its adversaries (``against``) and ``other`` is a named side outside
    them (US strikes on Iran-aligned militias are the United States', not the anti-IS
    coalition's). A member acted upon stays under its umbrella."""
    if not umbrella.against or other is None:
        return True
    return other.name.startswith((*_ANYONE, *umbrella.against))


def _member(actor: Actor, members: tuple[str, ...]) -> bool:
    name = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", actor.name)
    return name in members


def _assign(
    registry: ActorRegistry,
    sentence: str,
    trigger: Span,
    sub_event_type: str,
    event_type: str,
    country: str,
    when: str,
    inherited: Sides | None,
    where: Where | None = None,
) -> Sides:
    """The actors of the event in ``sentence``; ``where`` is the place it happened,
    when known."""
    label = label_end(sentence)  # "Change to armed group:" names a kind of event, no actor
    hits = [h for h in registry.find(sentence)
            if not _accused_of(sentence, h[0]) and h[0].start >= label]  # fmt: skip
    clause, trigger = main_clause_trigger(sentence, trigger_past_actor(hits, sentence, trigger))
    scene = [h for h in hits if clause[0] <= h[0].start < clause[1]]
    before, after = split_sides([h for h in hits if h not in scene], sentence, trigger)
    after += [a for _, a in scene]

    def fill(actor: Actor) -> Actor:
        return registry.for_country(actor, country, when)

    armed_before = unique([fill(a) for a in before if a.inter in _ARMED])
    armed_after = unique([fill(a) for a in after if a.inter in _ARMED])
    armed_before = _umbrella_first(armed_before, hits, sentence, fill)
    armed_after = _umbrella_first(armed_after, hits, sentence, fill)
    between = [m.end() for m in _SIDES_BETWEEN.finditer(sentence, trigger.end)] if trigger.text else []
    sides_between = any(span.start in between and a.inter in _ARMED for span, a in hits)
    if not armed_before and armed_after and (not trigger.text or sides_between):
        # "fighting broke out between A and B", "Clashes erupted in X between A and B":
        # A is actor1 wherever "between" left it.
        armed_before = [armed_after.pop(0)]
    if sub_event_type in _TERRITORIAL:
        sides = _territory_sides(fill, hits, sentence)
        if sides is not None:
            return sides
    if sub_event_type == "Other" and _DISPLACEMENT.search(sentence):
        return Sides(registry.for_country(_CIVILIANS, _origin(registry, sentence) or country))
    if event_type == "Protests":
        sides = _protest_sides(fill, sub_event_type, armed_before + armed_after)
        sides.actor1 = _crowd_of(registry, sentence, _PROTESTERS, when, country) or sides.actor1
        return sides
    if event_type == "Riots":
        victim = _CIVILIANS if _CIVILIAN_TARGET.search(sentence) else None
        police = [a for a in armed_before + armed_after if a.inter in (1, 8)]
        actor2 = police[0] if police else (fill(victim) if victim else None)
        rioters = _crowd_of(registry, sentence, _RIOTERS, when, country) or registry.for_country(
            _RIOTERS, _crowd_country(hits, trigger) or country, when
        )
        return Sides(rioters, actor2=actor2)
    if not armed_before and inherited is not None:
        sides = Sides(inherited.actor1, inherited.assoc1)
        others = [a for a in armed_after if a.name != inherited.actor1.name]
        sides.actor2 = others[0] if others else inherited.actor2
        if sides.actor2 is None and event_type != "Battles":
            # The target ACLED's conventions give an event of this kind when nobody is
            # named (civilians for violence against them, a strike on a village, arrests).
            sides.actor2 = _second_actor(fill, [], sentence, event_type, sub_event_type)
        return sides
    actor1 = _air_unit(
        _first_actor(
            fill,
            armed_before,
            armed_after,
            sub_event_type,
            sentence,
            harmed=victim_subject(hits, sentence, trigger) or _struck_at(hits, sentence, trigger),
        ),
        sub_event_type,
        country,
        by_drones=_by_drone_only(sentence),
    )
    sides = Sides(actor1)
    rest_before = [a for a in armed_before if a.name != actor1.name]
    if rest_before:
        sides.assoc1 = rest_before[0].name
    opponents = [a for a in armed_after if a.name != actor1.name and a.name != sides.assoc1]
    if sub_event_type == "Armed clash" and not opponents and rest_before and _MUTUAL.match(
        trigger.text
    ):
        # "Russian and Ukrainian forces clashed": the two named together fought each other
        opponents, sides.assoc1 = rest_before[:1], ""
    sides.actor2 = _second_actor(fill, opponents, sentence, event_type, sub_event_type, actor1)
    if len(opponents) > 1 and sides.actor2 is opponents[0]:
        sides.assoc2 = opponents[1].name
    if inherited is not None and inherited.actor1.name == actor1.name:
        # The same force as the previous sentence: its allies and opponents carry over.
        sides.assoc1 = sides.assoc1 or inherited.assoc1
        if not opponents and inherited.actor2 is not None:
            sides.actor2 = inherited.actor2
    if event_type == "Battles":
        armed = [(s, fill(a)) for s, a in hits if a.inter in _ARMED]
        sides = attacker_first(sides, armed, sentence)
        sides = internal(advancer_first(sides, armed, sentence), armed, sentence)
    sides = militia_area(registry, state_first(sides, sentence), sentence, country)
    return across_line(registry, sides, sentence, sub_event_type, when, where)


def _territory_sides(fill: Filler, hits: list[tuple[Span, Actor]], sentence: str) -> Sides | None:
    """actor1 is the side that gained ground, actor2 the side that gave it up; a force
    named as lending support ("with Turkish drone support") is the gainer's associate."""
    armed = [h for h in hits if h[1].inter in _ARMED]
    support = [h for h in armed if in_support(sentence, h[0])]
    found = gain_sides([h for h in armed if h not in support], sentence) if support else None
    found = found or gain_sides(armed, sentence)
    if found is None:
        return None
    gainers = unique([fill(a) for a in [*found[0], *(a for _, a in support)]])
    names = {a.name for a in gainers}
    others = [a for a in unique([fill(a) for a in found[1]]) if a.name not in names]
    sides = Sides(gainers[0], actor2=others[0] if others else None)
    if len(gainers) > 1:
        sides.assoc1 = gainers[1].name
    return sides


_AIRCRAFT = re.compile(
    r"\b(?:warplanes?|jets?|aircraft|helicopters?|air ?force|air ?strikes?|air[- ]raids?|planes?"
    r"|barrel[- ]bombs?|bombers?)\b",
    re.I,
)
_DRONE = re.compile(r"\b(?:drones?|UAVs?)\b", re.I)


def _by_drone_only(sentence: str) -> bool:
    """A strike told by drones alone, no aircraft named: the army's drones, not the air
    arm's strike ("a regime suicide drone struck a car")."""
    return _DRONE.search(sentence) is not None and _AIRCRAFT.search(sentence) is None


def _air_unit(actor: Actor, sub_event_type: str, country: str, *, by_drones: bool) -> Actor:
    """ACLED names the air arm of some state forces on their air strikes in some
    theatres ("Military Forces of Russia (2000-) Air Force" in Ukraine, not in Syria):
    the theatre packs' ``air_arms`` say which, by the event's ``country``."""
    info = country_info(country) if country else None
    where = info.iso2 if info else actor.country
    arm = air_arm(actor.country, where, by_drones=by_drones, strike=sub_event_type)
    if arm and re.fullmatch(r"Military Forces of .+ \(\d{4}-\d{0,4}\)", actor.name):
        return Actor(f"{actor.name} {arm}", actor.inter, actor.country, actor.aliases)
    return actor


def _protest_sides(fill: Filler, sub_event_type: str, armed: list[Actor]) -> Sides:
    """Protesters, and for a protest met with force the force: the state's, else an armed
    group the text names acting on them ("gunmen opened fire on protesters"), else the
    police ACLED presumes."""
    sides = Sides(fill(_PROTESTERS))
    if sub_event_type != "Peaceful protest":
        state = [a for a in armed if a.inter == 1]
        other = [a for a in armed if a.inter in (2, 3, 4, 8)]
        if state or sub_event_type != "Excessive force against protesters" or not other:
            sides.actor2 = state[0] if state else fill(_POLICE_DEFAULT)
        else:
            sides.actor2 = other[0]
    return sides


# "a drone attack on a military academy", "hit the Turkish military base": the force a
# strike fell on, named as its object
_OBJECT_BEFORE = re.compile(
    r"\b(?:on|at|against|hit|struck|targeted|targeting|into)\s+(?:a|an|the)?\s*(?:[\w'-]+\s+){0,3}$",
    re.I,
)


def _struck_at(hits: list[tuple[Span, Actor]], sentence: str, trigger: Span) -> bool:
    """Whether the first force named after ``trigger`` is what the strike fell on."""
    later = [span for span, actor in hits if span.start >= trigger.end and actor.inter in (1, 8)]
    if not later:
        return False
    start = later[0].start
    return _OBJECT_BEFORE.search(sentence[max(trigger.start, start - 60) : start]) is not None


_DRONE = re.compile(r"\bdrones?\b", re.I)
_AIRCRAFT = re.compile(r"\b(?:warplanes?|jets?|aircraft|helicopters?|air ?strikes?|air ?raids?|air force)\b", re.I)


def _drone_on_forces(after: list[Actor], sentence: str) -> bool:
    """An unclaimed drone attack on a state's forces or bases ("a drone attack hit the
    Turkish base"): the weapon of armed groups against states; an unclaimed drone strike
    on an armed group is a state's (ACLED's "Unidentified Military Forces")."""
    struck = after[0] if after else None
    state = struck is not None and struck.inter in (1, 8)
    return state and bool(_DRONE.search(sentence)) and not _AIRCRAFT.search(sentence)


def _first_actor(
    fill: Filler,
    before: list[Actor],
    after: list[Actor],
    sub_event_type: str,
    sentence: str,
    *,
    harmed: bool = False,
) -> Actor:
    """actor1 when none acted before the trigger. ``harmed``: the forces named before it
    were its victims ("three soldiers were killed in a drone strike"), now among ``after``,
    so a state force there is no striker."""
    if before:
        return before[0]
    if sub_event_type == "Arrests":
        return fill(_POLICE_DEFAULT)
    if sub_event_type == "Other" and _DISPLACED.search(sentence):
        return fill(_CIVILIANS)  # people who were evacuated or fled are the actor
    if sub_event_type == "Air/drone strike":
        if _IMPROVISED_DRONE.search(sentence) or (harmed and _drone_on_forces(after, sentence)):
            # an explosive-laden drone is an armed group's weapon, whoever it struck
            return fill(Actor("Unidentified Armed Group ({country})", 3))
        if after and after[0].inter in (1, 8) and not harmed:
            return after[0]
        # Where one foreign coalition flies the air war, its unnamed air raids are its own.
        return _AIR_COALITIONS.get(fill(Actor("{country}", 8)).name, _UNIDENTIFIED_MILITARY)
    if after and sub_event_type in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    ):
        return after[0]
    if sub_event_type in _DECREED and not after and _CIVIL_POWER.search(sentence):
        # a decree, a deal or a vote of a state that names no armed side: its government's
        return fill(_GOVERNMENT)
    return fill(Actor("Unidentified Armed Group ({country})", 3))


_SIDES_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.I)
# verbs whose subject names both sides ("A and B clashed")
_MUTUAL = re.compile(r"clash\w*|fought|exchanged fire|traded fire|battled", re.I)
# "rival trafficking gangs fought a gun battle", "two tribal militias clashed": both
# sides are of one kind.
_RIVALS = re.compile(
    r"\brival\b|\b(?:two|2)\s+(?:[\w-]+\s+){0,3}?(?:groups|militias|gangs|clans|tribes|factions"
    r"|families)\b",
    re.I,
)
# "forces operating under OPS", "a brigade who operates under the regime's 11th Division",
# "factions fighting under the banner of X": X is the actor.
_UNDER = re.compile(
    r"\b(?:operat|fight|act|work)(?:ing|es|s|e)?\s+(?:with(?:in)?\s+(?:the\s+)?|under\s+(?:the\s+)?"
    r"(?:(?:banner|umbrella|command|leadership|flag) of\s+(?:the\s+)?)?)(?:[\w-]+'s\s+)?$",
    re.I,
)


# "detained on charges of belonging to IS", "over accusations of dealing with the YPG":
# the group named in an accusation is not a side of the event.
_ACCUSATION = re.compile(
    r"\b(?:charges?|accusations?|accused|suspicions?|suspected|allegations?)\s+(?:of\s+)?"
    r"(?:\w+\s+){0,3}?(?:belonging to|membership (?:of|in)|links? (?:to|with)|ties to|dealing"
    r" with|affiliation (?:to|with)|collaborat\w+ with|working (?:with|for)|joining|supporting)\s+"
    r"(?:the\s+)?$",
    re.I,
)


def _accused_of(sentence: str, span: Span) -> bool:
    return _ACCUSATION.search(sentence, max(0, span.start - 100), span.start) is not None


def _umbrella_first(
    armed: list[Actor], hits: list[tuple[Span, Actor]], sentence: str, fill: Filler
) -> list[Actor]:
    """``armed`` with the force the others operate under ("Turkish forces and allied
    factions operating under Operation X shelled ...") first: ACLED makes the operation
    or operations room actor1 and the forces in it its associates."""
    under = {
        fill(actor).name
        for span, actor in hits
        if _UNDER.search(sentence, max(0, span.start - 80), span.start)
    }
    if not under or not armed or armed[0].name in under:
        return armed
    return [a for a in armed if a.name in under] + [a for a in armed if a.name not in under]


def _second_actor(
    fill: Filler,
    opponents: list[Actor],
    sentence: str,
    event_type: str,
    sub_event_type: str,
    actor1: Actor | None = None,
) -> Actor | None:
    if event_type == "Violence against civilians":
        return fill(_CIVILIANS)
    if opponents:
        return opponents[0]
    if sub_event_type == "Armed clash" and actor1 is not None and _RIVALS.search(sentence):
        return actor1
    if sub_event_type == "Armed clash":
        return fill(Actor("Unidentified Armed Group ({country})", 3))
    if sub_event_type in ("Arrests", "Looting/property destruction") or (
        event_type == "Explosions/Remote violence" and _CIVILIAN_TARGET.search(sentence)
    ):
        return fill(_CIVILIANS)
    return None
