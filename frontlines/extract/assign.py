"""Who did what to whom: actor1/assoc/actor2 for one sentence, with ACLED's defaults.

Armed actors named before the trigger are actor1's side (the first is actor1, the next
joined by "and"/"with"/"alongside" its associate); those after it are actor2's side,
except one introduced by "by" (passive voice: "was captured by X"), which is actor1.
Protests are always "Protesters (<country>)"; riots "Rioters (<country>)"; violence
against civilians has "Civilians (<country>)" as actor2.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import Actor, Span
from .actors import ActorRegistry, country_info
from .eventtypes import classify
from .front_line import GOVERNMENT, Where, firing_side
from .perpetrators import GANG, POLICE_MILITIA_COUNTRIES, in_militia_area
from .territory import NON_VIOLENT, gain_sides

Filler = Callable[[Actor], Actor]
_ARMED = (1, 2, 3, 4, 8)
_POLICE_DEFAULT = Actor("Police Forces of {the}{country} ({period})", 1)
_MILITARY_DEFAULT = Actor("Military Forces of {the}{country} ({period})", 1)
_PROTESTERS = Actor("Protesters ({country})", 6)
_RIOTERS = Actor("Rioters ({country})", 5)
_CIVILIANS = Actor("Civilians ({country})", 7)
_UNIDENTIFIED_MILITARY = Actor("Unidentified Military Forces", 8)
_AIR_COALITIONS = {"Yemen": Actor("Operation Restoring Hope", 8, "YE")}
_AIR_FORCE_UNITS = frozenset({"RU", "UA"})  # countries whose air arm ACLED names apart
_TERRITORIAL = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    NON_VIOLENT,
)
_PASSIVE_REACH = 30  # "by X" this close after the trigger is the trigger's own agent
_PASSIVE_VERB = re.compile(
    r"\b(?:was|were|been|being|got)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|t)\b", re.I
)
# "by about 30 soldiers", "by dozens of settlers": a head count between "by" and the agent.
_COUNT = (
    r"(?:(?:about|around|approximately|some|over|nearly|at least|more than|up to)\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|several|dozens of|hundreds of"
    r"|scores of)\s+)?"
)
_BY = re.compile(
    r"(?<!\bsupported )(?<!\bbacked )(?<!\baided )(?<!\bassisted )(?<!\baccompanied )(?<!\bjoined )(?<!\bled )"
    r"\bby\s+(?:the\s+)?" + _COUNT + r"$",
    re.I,
)
_HARM_PASSIVE = re.compile(
    r"\b(?:was|were|had been|have been|has been|got|being)\s+(?:\w+\s+){0,3}?$", re.I
)
_BY_ANYWHERE = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$", re.I)
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
_MUTUAL_FIRE = re.compile(r"\bexchang(?:ed|ing) (?:gun)?fire with\b", re.I)
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|villagers?|residents?|man|woman|women|men|boy|girl|child(?:ren)?|people|family"
    r"|farmers?|journalists?|teachers?|students?|worshippers|passengers|houses?|homes?|market|hospital|school"
    r"|passing (?:\w+ )?(?:vehicles|cars))\b",
    re.I,
)


@dataclass(slots=True)
class Sides:
    """Resolved actors (templates filled) for one event."""

    actor1: Actor
    assoc1: str = ""
    actor2: Actor | None = None
    assoc2: str = ""


def _split(
    hits: list[tuple[Span, Actor]], sentence: str, trigger: Span
) -> tuple[list[Actor], list[Actor]]:
    before: list[Actor] = []
    after: list[Actor] = []
    agent: Actor | None = None
    for span, actor in hits:
        by = _BY.search(sentence[max(0, span.start - 24) : span.start]) is not None
        by = by and not _defused(sentence, span.start)
        if _from_agent(sentence, span.start, trigger) and agent is None and not before:
            agent = actor  # "a suicide bomber from Al Shabaab detonated"
        elif by and agent is None and span.start < trigger.end <= span.end + 1:
            agent = actor  # "killed by Russian shelling": the agent holds the trigger
        elif span.start < trigger.start:
            before.append(actor)
        elif by and agent is None and (not before or span.start - trigger.end < _PASSIVE_REACH):
            agent = actor
        else:
            after.append(actor)
    if agent is not None and _PASSIVE_VERB.search(sentence[: trigger.end + _PASSIVE_REACH]):
        # "Soldiers were killed by X": the subject is the target, X the actor.
        return [agent], before + after
    if agent is None and before and _victim_subject(hits, sentence, trigger):
        # "20 ISIS members were killed in clashes with the army": the subject is the
        # victim; a side named later ("by X", "with X") or nobody named is the doer.
        doers = [
            a
            for s, a in hits
            if s.start >= trigger.end
            and _BY_ANYWHERE.search(sentence[max(0, s.start - 24) : s.start])
        ]
        rest = [a for a in after if not any(a is d for d in doers)]
        return doers + rest, before
    if agent is not None:
        before.insert(0, agent)
    return before, after


# "(soldiers) defused an IED planted by X": X is the bomb's owner, not the one who acted.
_PLANTED_BY = re.compile(r"\b(?:planted|laid|placed)\s*,?\s+by\s+(?:\w+\s+){0,2}$", re.I)
_DEFUSAL = re.compile(
    r"\b(?:defused|discovered|destroyed|located|found|recovered|secured|dismantled|neutrali[sz]ed"
    r"|seized|detected|unearthed|disarmed|removed|cleared)\b",
    re.I,
)
# "a suicide bomber from X", "an IED from X militants": the device's or bomber's group.
_FROM_DEVICE = re.compile(
    r"\b(?:bombers?|IEDs?|explosives?|bombs?|devices?|grenades?|mines?)\s+from\s+(?:the\s+)?$", re.I
)


def _defused(sentence: str, start: int) -> bool:
    """True when the actor at ``start`` planted a device that others defused or found."""
    window = sentence[max(0, start - 40) : start]
    return _PLANTED_BY.search(window) is not None and _DEFUSAL.search(sentence[:start]) is not None


def _from_agent(sentence: str, start: int, trigger: Span) -> bool:
    """True when the actor at ``start`` is the group a bomber or device came from, named
    right after the trigger or holding it ("a suicide bomber from Al Shabaab")."""
    if start < trigger.start or start - trigger.end >= _PASSIVE_REACH:
        return False
    return _FROM_DEVICE.search(sentence[max(0, start - 30) : start]) is not None


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


# "Following an armed clash with X, the military fired ...": a leading clause that sets
# the scene; the subject of the main clause after its comma is the one who acted.
_LEAD_CLAUSE = re.compile(
    r"(?:^|,\s*|\)\s*)(?:following|after|amid|amidst|during|in the wake of)\s[^,.;]{3,160},\s*",
    re.I,
)


def _main_clause_trigger(sentence: str, trigger: Span) -> tuple[tuple[int, int], Span]:
    """The bounds of a leading backdrop clause that holds or shortly precedes ``trigger``
    ("following clashes with X, troops shelled Y"), and the main clause's own trigger;
    ``((0, 0), trigger)`` when there is no such clause."""
    if not trigger.text:
        return (0, 0), trigger
    for clause in _LEAD_CLAUSE.finditer(sentence):
        if clause.end() <= trigger.start and clause.end() > trigger.start - 60:
            return (clause.start(), clause.end()), trigger
        if clause.start() <= trigger.start < clause.end():
            inner = classify(sentence[clause.end() :])
            if inner is None or not inner.trigger.text:
                break
            start = clause.end() + inner.trigger.start
            main = Span(start, start + len(inner.trigger.text), inner.trigger.text)
            return (clause.start(), clause.end()), main
    return (0, 0), trigger


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


def _victim_subject(hits: list[tuple[Span, Actor]], sentence: str, trigger: Span) -> bool:
    """True when the armed actors before ``trigger`` are the subject of a passive harm
    verb ("Taliban members were killed", "a soldier was shot dead")."""
    if not trigger.text:
        return False
    last = max((s.end for s, _ in hits if s.end <= trigger.start), default=-1)
    if last < 0:
        return False
    between = sentence[last : trigger.start]
    return len(between) < 80 and _HARM_PASSIVE.search(between) is not None


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
    when known."""
    hits = registry.find(sentence)
    clause, trigger = _main_clause_trigger(sentence, trigger)
    scene = [h for h in hits if clause[0] <= h[0].start < clause[1]]
    before, after = _split([h for h in hits if h not in scene], sentence, trigger)
    after += [a for _, a in scene]

    def fill(actor: Actor) -> Actor:
        return registry.for_country(actor, country, when)

    armed_before = _unique([fill(a) for a in before if a.inter in _ARMED])
    armed_after = _unique([fill(a) for a in after if a.inter in _ARMED])
    if not trigger.text and not armed_before and armed_after:
        # "fighting broke out between A and B": A is actor1 wherever "between" left it.
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
        return sides
    actor1 = _air_unit(
        _first_actor(fill, armed_before, armed_after, sub_event_type, sentence), sub_event_type
    )
    sides = Sides(actor1)
    rest_before = [a for a in armed_before if a.name != actor1.name]
    if rest_before:
        sides.assoc1 = rest_before[0].name
    opponents = [a for a in armed_after if a.name != actor1.name and a.name != sides.assoc1]
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
        sides = _attacker_first(sides, armed, sentence)
        sides = _internal(_advancer_first(sides, armed, sentence), armed, sentence)
    sides = _militia_area(registry, _state_first(sides, sentence), sentence, country)
    return _across_line(registry, sides, sentence, sub_event_type, when, where)


_NAF = Actor("NAF: United Armed Forces of Novorossiya", 2, "UA")
_LINE_FIRE = ("Shelling/artillery/missile attack", "Armed clash")


def _across_line(
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
    if sub_event_type not in _LINE_FIRE or _has_own_name(sides.actor1):
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


def _internal(sides: Sides, armed: list[tuple[Span, Actor]], sentence: str) -> Sides:
    """ "Taliban members were killed in internal clashes": fighting within one group has
    that group on both sides."""
    named = _unique([a for _, a in armed if _has_own_name(a)])
    if len(named) != 1 or _INTERNAL.search(sentence) is None:
        return sides
    return Sides(named[0], actor2=named[0])


def _has_own_name(actor: Actor) -> bool:
    return not actor.name.startswith(("Unidentified", "Civilians", "Protesters", "Rioters"))


def _militia_area(registry: ActorRegistry, sides: Sides, sentence: str, country: str) -> Sides:
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


def _attacker_first(sides: Sides, hits: list[tuple[Span, Actor]], sentence: str) -> Sides:
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


def _advancer_first(sides: Sides, hits: list[tuple[Span, Actor]], sentence: str) -> Sides:
    """ "Clashes took place between A and B as B attempted to advance": ACLED names the
    side that attacked first, and the other side when one had to retreat."""
    first, second = sides.actor1, sides.actor2
    if second is None or first.name == second.name or not _has_own_name(second):
        return sides
    mover = _mover(hits, sentence, _ADVANCE)
    if mover is None:
        retreater = _mover(hits, sentence, _RETREAT)
        mover = second if retreater is not None and retreater.name == first.name else None
    if mover is None or mover.name != second.name:
        return sides
    return Sides(second, sides.assoc2, first, sides.assoc1)


def _state_first(sides: Sides, sentence: str) -> Sides:
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


def _territory_sides(fill: Filler, hits: list[tuple[Span, Actor]], sentence: str) -> Sides | None:
    """actor1 is the side that gained ground, actor2 the side that gave it up."""
    found = gain_sides([h for h in hits if h[1].inter in _ARMED], sentence)
    if found is None:
        return None
    gainers = _unique([fill(a) for a in found[0]])
    names = {a.name for a in gainers}
    others = [a for a in _unique([fill(a) for a in found[1]]) if a.name not in names]
    sides = Sides(gainers[0], actor2=others[0] if others else None)
    if len(gainers) > 1:
        sides.assoc1 = gainers[1].name
    return sides


def _air_unit(actor: Actor, sub_event_type: str) -> Actor:
    """ACLED names the air arm of some state forces on their air strikes
    ("Military Forces of Russia (2000-) Air Force")."""
    if (
        sub_event_type == "Air/drone strike"
        and actor.country in _AIR_FORCE_UNITS
        and re.fullmatch(r"Military Forces of .+ \(\d{4}-\d{0,4}\)", actor.name)
    ):
        return Actor(f"{actor.name} Air Force", actor.inter, actor.country, actor.aliases)
    return actor


def _protest_sides(fill: Filler, sub_event_type: str, armed: list[Actor]) -> Sides:
    sides = Sides(fill(_PROTESTERS))
    if sub_event_type != "Peaceful protest":
        state = [a for a in armed if a.inter == 1]
        sides.actor2 = state[0] if state else fill(_POLICE_DEFAULT)
    return sides


def _first_actor(
    fill: Filler, before: list[Actor], after: list[Actor], sub_event_type: str, sentence: str
) -> Actor:
    if before:
        return before[0]
    if sub_event_type == "Arrests":
        return fill(_POLICE_DEFAULT)
    if sub_event_type == "Other" and _DISPLACED.search(sentence):
        return fill(_CIVILIANS)  # people who were evacuated or fled are the actor
    if sub_event_type == "Air/drone strike":
        if after and after[0].inter in (1, 8):
            return after[0]
        # Where one foreign coalition flies the air war, its unnamed air raids are its own.
        return _AIR_COALITIONS.get(fill(Actor("{country}", 8)).name, _UNIDENTIFIED_MILITARY)
    if after and sub_event_type in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    ):
        return after[0]
    return fill(Actor("Unidentified Armed Group ({country})", 3))


# "rival trafficking gangs fought a gun battle": both sides are of one kind.
_RIVALS = re.compile(r"\brival\b", re.I)


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


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out: list[Actor] = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            out.append(actor)
    return out
