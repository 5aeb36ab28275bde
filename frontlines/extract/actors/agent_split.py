"""Which side of an event each actor named in a sentence is on.

Armed actors named before the trigger are actor1's side and those after it actor2's,
except an agent introduced by "by" (passive voice: "was captured by X") or a bomber's
group ("a suicide bomber from X"), which is actor1; a passive subject ("20 militants were
killed in clashes with the army") is the target. A leading backdrop clause ("following
clashes with X, troops shelled Y") does not hold the main act's trigger.
"""

from __future__ import annotations

import re

from ...records import Actor, Span
from ..types.eventtypes import classify

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
# "a convoy contracted by X", "a base used by X", "a village held by X": X owns or holds
# what was struck; it is not the agent of the event
_OWNING = (
    "contracted", "used", "owned", "operated", "run", "hired", "employed", "chartered",
    "manned", "controlled", "held", "funded", "frequented", "occupied",
)  # fmt: skip
_OWNED = "".join(rf"(?<!\b{word} )" for word in _OWNING)
_OWNER_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_OWNING)})\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}$", re.I
)
_BY = re.compile(
    r"(?<!\bsupported )(?<!\bbacked )(?<!\baided )(?<!\bassisted )(?<!\baccompanied )(?<!\bjoined )(?<!\bled )"
    + _OWNED
    + r"\bby\s+(?:the\s+)?"
    + _COUNT
    # "fired by suspected IS militants": the agent named as suspected is still the agent
    + r"(?:(?:suspected|alleged|presumed|apparent)\s+)?"
    + r"$",
    re.I,
)
# "by a militant group called X", "by a faction known as X": the agent named by what it is.
_BY_NAMED = re.compile(
    r"\bby\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:group|faction|organi[sz]ation|militia|cell)"
    r"\s+(?:called|named|known as)\s+(?:the\s+)?$",
    re.I,
)
_HARM_PASSIVE = re.compile(
    r"\b(?:was|were|had been|have been|has been|got|being)\s+(?:\w+\s+){0,3}?$", re.I
)
_BY_ANYWHERE = re.compile(_OWNED + r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def split_sides(
    hits: list[tuple[Span, Actor]], sentence: str, trigger: Span
) -> tuple[list[Actor], list[Actor]]:
    """The actors on actor1's side and on actor2's, in the order named."""
    hits = _named_owners(hits, sentence)
    before: list[Actor] = []
    after: list[Actor] = []
    agent: Actor | None = None
    harmed: list[Actor] = []  # named before the trigger as those killed or wounded
    acting: list[Actor] = []  # named before it and not among the harmed
    supporters: list[Actor] = []  # named before it as giving support: after the others
    for span, actor in hits:
        if (
            agent is None
            and span.start < trigger.start < span.end
            and not _SUPPORT.search(sentence, max(0, span.start - 30), span.start)
        ):
            agent = actor  # "an Israeli air strike": the force holds the trigger
            continue
        is_harmed = span.start < trigger.start and _harmed_after(sentence, span, trigger)
        if is_harmed:
            harmed.append(actor)
        by = _BY.search(sentence[max(0, span.start - 24) : span.start]) is not None or (
            _BY_NAMED.search(sentence[max(0, span.start - 60) : span.start]) is not None
        )
        by = by and not _defused(sentence, span.start)
        if _from_agent(sentence, span.start, trigger) and agent is None and not before:
            agent = actor  # "a suicide bomber from Al Shabaab detonated"
        elif by and agent is None and span.start < trigger.end <= span.end + 1:
            agent = actor  # "killed by Russian shelling": the agent holds the trigger
        elif span.start < trigger.start and in_support(sentence, span):
            supporters.append(actor)  # "with Turkish drone support, SNA factions took"
        elif span.start < trigger.start:
            before.append(actor)
            if not is_harmed:
                acting.append(actor)
        elif by and agent is None and (not before or span.start - trigger.end < _PASSIVE_REACH):
            agent = actor
        else:
            after.append(actor)
    before += supporters
    if agent is not None and _PASSIVE_VERB.search(sentence[: trigger.end + _PASSIVE_REACH]):
        # "Soldiers were killed by X": the subject is the target, X the actor.
        return [agent], before + after
    if agent is None and before and victim_subject(hits, sentence, trigger):
        # "20 ISIS members were killed in clashes with the army": the subject is the
        # victim; a side named later ("by X", "with X") or nobody named is the doer.
        doers = [
            a
            for s, a in hits
            if s.start >= trigger.end
            and _BY_ANYWHERE.search(sentence[max(0, s.start - 24) : s.start])
        ]
        owners = [a for s, a in hits if _OWNER_BEFORE.search(sentence[max(0, s.start - 40) : s.start])]
        rest = [a for a in after if not any(a is d for d in [*doers, *owners])]
        return doers + rest, before + [a for a in after if any(a is o for o in owners)]
    if agent is not None:
        before.insert(0, agent)
    doers = [*([agent] if agent is not None else []), *acting]
    if harmed and len(doers) < len(before) and (doers or _WHEN.search(sentence, 0, trigger.start)):
        # "Four IS militants were killed when the SDF raided their hideout": the SDF acted;
        # "six SDF fighters were killed when a drone slammed into ...": somebody else did
        return doers, [*harmed, *after]
    return before, after


# "a QSD patrol, supported by Global Coalition warplanes, clashed": a force in support
_SUPPORT = re.compile(
    r"\b(?:supported|backed|aided|assisted|accompanied|escorted|covered|joined) by\s+(?:the\s+)?$",
    re.I,
)
_WHEN = re.compile(r"\b(?:when|as|after)\b", re.I)
# "with Turkish drone support", "under Russian air cover": a force lending support
_WITH_BEFORE = re.compile(r"\b(?:with|under)\s+(?:the\s+)?$", re.I)
_SUPPORT_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:support|cover|backing|assistance|air cover)\b", re.I
)


def in_support(sentence: str, span: Span) -> bool:
    """Whether the actor at ``span`` is named as lending support ("with Turkish drone
    support"): it stands behind the actor the sentence goes on to name."""
    return (
        _WITH_BEFORE.search(sentence, max(0, span.start - 12), span.start) is not None
        and _SUPPORT_AFTER.match(sentence, span.end) is not None
    )


# "... were killed when", "... was wounded as": the actor before it is among the harmed
_HARMED_AFTER = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:was|were|had been|have been|has been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|shot|captured|arrested)\b",
    re.I,
)


def _harmed_after(sentence: str, span: Span, trigger: Span) -> bool:
    """Whether the actor at ``span``, before ``trigger``, is the subject of a passive harm
    verb that ends before the trigger."""
    return _HARMED_AFTER.match(sentence, span.end, trigger.start) is not None


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


# "gunmen from the PMF", "fighters belonging to HTS": the group named after them is who
# they are
_OF_GROUP = re.compile(
    r"\s+(?:from|of|belonging to|affiliated (?:with|to)|loyal to|linked to|with"
    r"|(?:believed|thought|suspected|said) to (?:belong|be loyal|be linked) to)\s+(?:the\s+)?"
    r"(?:(?:two|three|several|\d+)\s+)?"
    # the group's kind before its name: "of the jihadist group X", "from the Turkish-backed
    # faction X"
    r"(?:(?:[\w-]+\s+){0,2}?(?:group|faction|militia|movement|organi[sz]ation|brigade)\s+)?",
    re.I,
)


def _named_owners(hits: list[tuple[Span, Actor]], sentence: str) -> list[tuple[Span, Actor]]:
    """``hits`` without an unidentified group written as members of the named one after it."""
    drop: set[int] = set()
    for i in range(len(hits) - 1):
        (span, actor), (later, owner) = hits[i], hits[i + 1]
        generic = actor.name.startswith("Unidentified")
        # a named group, or a kind more telling than the generic ("gunmen from two rival
        # clans": a tribal militia)
        armed = owner.inter in (1, 2, 3, 4, 8) and owner.name != actor.name and (
            not owner.name.startswith("Unidentified") or owner.inter == 4
        )
        if generic and armed and _OF_GROUP.fullmatch(sentence, span.end, later.start):
            drop.add(i)
    return [hit for i, hit in enumerate(hits) if i not in drop]


def _from_agent(sentence: str, start: int, trigger: Span) -> bool:
    """True when the actor at ``start`` is the group a bomber or device came from, named
    right after the trigger or holding it ("a suicide bomber from Al Shabaab")."""
    if start < trigger.start or start - trigger.end >= _PASSIVE_REACH:
        return False
    return _FROM_DEVICE.search(sentence[max(0, start - 30) : start]) is not None


# "Following an armed clash with X, the military fired ...": a leading clause that sets
# the scene; the subject of the main clause after its comma is the one who acted.
_LEAD_CLAUSE = re.compile(
    r"(?:^|,\s*|\)\s*)(?:following|after|amid|amidst|during|in the wake of)\s[^,.;]{3,160},\s*",
    re.I,
)


def main_clause_trigger(sentence: str, trigger: Span) -> tuple[tuple[int, int], Span]:
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


_NEXT_WORD = 2  # how far after an actor's name its own verb starts (a space or two)


def trigger_past_actor(hits: list[tuple[Span, Actor]], sentence: str, trigger: Span) -> Span:
    """The trigger, or where it lies wholly inside an actor's name ("artillery units of the
    Iraq Federal Police shelled ..."), the next trigger after that name: the verb the force
    is the subject of ("US aircraft struck" keeps its trigger, which runs past the name)."""
    holder = next((s for s, _ in hits if s.start <= trigger.start and trigger.end <= s.end), None)
    if holder is None or not trigger.text:
        return trigger
    inner = classify(sentence[holder.end :])
    if inner is None or not inner.trigger.text or inner.trigger.start > _NEXT_WORD:
        return trigger  # no verb of its own right after the name: the name's word stands
    start = holder.end + inner.trigger.start
    return Span(start, start + len(inner.trigger.text), inner.trigger.text)


def victim_subject(hits: list[tuple[Span, Actor]], sentence: str, trigger: Span) -> bool:
    """True when the armed actors before ``trigger`` are the subject of a passive harm
    verb ("Taliban members were killed", "a soldier was shot dead")."""
    if not trigger.text:
        return False
    last = max((s.end for s, _ in hits if s.end <= trigger.start), default=-1)
    if last < 0:
        return False
    between = sentence[last : trigger.start]
    return len(between) < 80 and _HARM_PASSIVE.search(between) is not None
