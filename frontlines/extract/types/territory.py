"""Changes of territory: which kind, and who gained and who gave ground.

ACLED's actor1 in a territorial event is always the side that *acquires* control; the
side that withdraws, hands over or loses ground is actor2. A sentence may name both in
any order ("ISIS withdrew from the town and the army entered it", "the area was handed
over to the army", "the town fell to the rebels"), so each armed actor's role is read
from the nearest verb after it.
"""

from __future__ import annotations

import re

from ...records import Actor, Span
from .taxonomy import TERRITORY, EventClass, make_class

NON_VIOLENT = "Non-violent transfer of territory"
MOVEMENT = "Change to group/activity"

# Ground taken told by the side that took it: control announced, a defeat declared, a
# siege broken (shared with the territory trigger of ``event_patterns``)
DECLARED_GAIN = (
    r"(?:announced|declared|proclaimed) (?:its |their )?(?:full |complete |total )?control"
    r"|(?:announced|declared|proclaimed) (?:the )?(?:final |total )?(?:defeat of|victory over|liberation of)"
    r"|(?:broke|broken|lifted|ended) (?:the |a )?(?:[\w-]+ )?siege"
)

_GAIN = re.compile(
    r"\b(?:entered|moved in(?:to)?|t(?:ook|ak(?:es|ing|en)) (?:over|(?:full |complete |total )?control)"
    r"|(?:established|assumed|seized|gained|regained|took up|restored) (?:full )?(?:control|positions?)"
    rf"|{DECLARED_GAIN}"
    r"|deployed|captured|recaptured|retook|seized|occupied|liberated|overr[au]n|advanced"
    r"|regain\w*|filled the vacuum|set up (?:positions|checkpoints)"
    # Forcing the other side off the ground takes it ("pushed the rebels out of two villages").
    r"|(?:drove|driven|pushed|forced|expelled|dislodged|ousted) (?:[\w'-]+ ){0,5}?(?:out of|from))\b",
    re.I,
)
_LOSE = re.compile(
    r"\b(?:withdr[ea]w\w*|pulled (?:out|back)|retreated|left|abandoned|evacuated|vacated|fled"
    r"|handed (?:\w+ ){0,4}?over|surrendered|ceded|lost control|gave up|fell to)\b",
    re.I,
)
_HANDED_TO = re.compile(
    r"\b(?:handed (?:\w+ ){0,6}?over|handed over (?:\w+ ){0,6}?|ceded (?:\w+ ){0,6}?|surrendered "
    r"(?:\w+ ){0,6}?|fell)\s*to\s+(?:the\s+)?$",
    re.I,
)
_HANDED = re.compile(
    r"\b(?:handed|ceded|turned over|(?:to|under) the control of|in the hands of|seiz\w*|tak(?:e|en|ing)"
    r" (?:over|control)|enter\w*|moved in)\b",
    re.I,
)
# The other side left before the ground was taken ("after the army pulled out").
_VACATED = re.compile(
    r"\b(?:after|following|once|when)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:withdr[ea]w\w*|pulled out"
    r"|retreated|abandoned|left|vacated|fled)\b|\b(?:following|after) the (?:\w+ )?withdrawal\b",
    re.I,
)
_FIGHT = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|attack\w*|kill\w*|shell\w*|offensive|storm\w*"
    r"|under fire)\b",
    re.I,
)
_QUIET = re.compile(
    r"\b(?:without (?:a |any )?(?:fight|fighting|resistance|clash\w*|confrontation|battle)"
    r"|no (?:clashes|fighting|confrontations?|resistance) (?:were|was) (?:reported|recorded)"
    r"|(?:clashes|fighting) (?:were|was) not reported|unopposed|peacefully)\b",
    re.I,
)
_CONTROL = re.compile(
    r"\b(?:t(?:ook|ak(?:es|ing|en)) (?:over|(?:full |complete |total |effective )?control)"
    rf"|{DECLARED_GAIN}"
    r"|(?:established|seized|regained|gained|assumed) (?:the |its |full )?(?:full )?control|liberated|recaptured|retook|overr[au]n|fell to)\b",
    re.I,
)
# Ground not taken and held: an attempt to take it ("an attack to capture the base was
# repelled"), a brief incursion ("briefly seized the town"), or military positions overrun
# in a battle ("overran several checkpoints"). ACLED's territory types need control of a
# place to change hands; the fighting is an armed clash.
_ATTEMPT = re.compile(
    r"\b(?:attempt(?:s|ed|ing)?|bid|tr(?:y|ies|ied|ying)|sought|seek(?:s|ing)?|attacks?|assaults?"
    r"|offensives?|push(?:ed|es|ing)?|aim(?:s|ed|ing)?|plot(?:s|ted)?|fail(?:s|ed)?)\s+to\s+$"
    r"|\b(?:briefly|temporarily|momentarily)\s+(?:\w+\s+)?$",
    re.I,
)
_POSITIONS = re.compile(
    r"\W*(?:[\w'-]+\s+){0,4}?(?:positions?|checkpoints?|(?:military |army |police |security )?posts?"
    r"|outposts?|barracks|trenches)\b",
    re.I,
)


def not_taken(text: str, start: int, end: int) -> bool:
    """True when the territory trigger at ``text[start:end]`` tells of no place changing
    hands (see above)."""
    if _ATTEMPT.search(text[max(0, start - 40) : start]):
        return True
    verb_end = start + len(text[start:end].split()[0])
    return _POSITIONS.match(text, verb_end) is not None


# "A and B", "A with its allied Syrian B": B shares A's role
_JOINED = re.compile(
    # the first force's unit word and the next one's modifier ("Iraqi army units, Federal
    # Police and PMF brigades entered ...")
    r"(?:\s+(?:units?|forces|troops|brigades?|fighters))?"
    r"[\s()\[\]]*(?:,|and|with|alongside|(?:together|along|jointly) with|supported by|backed by)?"
    r"[\s()\[\]]*(?:the\s+)?(?:(?:their|its|allied|affiliated|loyal|local|(?-i:[A-Z][a-z]+n)|(?-i:Federal"
    r"|Special|National|Popular))\s+){0,2}"
    r"(?:[(\[][^)\]]{0,12}[)\]]\s*)?",
    re.I,
)
_FROM = re.compile(r"\b(?:from|of)\s+(?:the\s+)?(?:control of\s+(?:the\s+)?)?$", re.I)
_REACH = 60  # how far after an actor its own verb may stand


_ADVANCE = re.compile(r"(?:advanced|advances|made)\b", re.I)
_CLASHED = re.compile(r"\b(?:clash\w*|fought|fighting|battled|exchanged fire)\b", re.I)


def control_changed(sentence: str) -> bool:
    """True when ``sentence`` says in so many words that a place changed hands ("took
    control of", "recaptured", "fell to"), not only that forces advanced or attacked."""
    control = _CONTROL.search(sentence)
    return control is not None and not not_taken(sentence, control.start(), control.end())


def refine(found: EventClass, sentence: str, context: str = "") -> EventClass:
    """A territorial sub-event once the whole note is known: a clash that ends in a
    change of control is a territorial event; ground taken with no fighting reported is
    a non-violent transfer."""
    sub = found.sub_event_type
    whole = f"{sentence} {context}"
    if sub == "Armed clash" and control_changed(sentence):
        return make_class(TERRITORY, found.trigger)
    if sub == TERRITORY and _ADVANCE.match(found.trigger.text) and _CLASHED.search(sentence) and (
        not control_changed(sentence)
    ):
        # "advanced into the industrial zone and clashed with IS": a fight, no ground taken
        return make_class("Armed clash", found.trigger)
    if sub == TERRITORY and (_QUIET.search(whole) or _vacated(sentence) or _vacated(whole)):
        return make_class(NON_VIOLENT, found.trigger)
    if sub == NON_VIOLENT and _LOSE.search(found.trigger.text) and not _taken_over(whole):
        # Forces that withdraw with nobody named taking the ground only move.
        return make_class(MOVEMENT, found.trigger)
    return found


def _vacated(text: str) -> bool:
    """True when ``text`` tells the other side left before the ground was taken, and of no
    fighting (the report's other sentences may tell the withdrawal)."""
    return bool(_VACATED.search(text)) and not _FIGHT.search(text)


def _taken_over(sentence: str) -> bool:
    """True when someone takes over the ground in ``sentence``."""
    return bool(_GAIN.search(sentence) or _HANDED.search(sentence))


def gain_sides(
    hits: list[tuple[Span, Actor]], sentence: str
) -> tuple[list[Actor], list[Actor]] | None:
    """The actors that gained ground and the others (those that gave it up first), in
    order; None when no gainer can be told apart."""
    gainers: list[Actor] = []
    losers: list[Actor] = []
    rest: list[Actor] = []
    for (_, actor), role in zip(hits, _roles(hits, sentence), strict=True):
        (gainers if role == "gain" else losers if role == "lose" else rest).append(actor)
    if not gainers:
        return None
    return gainers, [*losers, *rest]


def _roles(hits: list[tuple[Span, Actor]], sentence: str) -> list[str]:
    """Each hit's role; an actor joined to the next by "and"/"with" shares its role."""
    roles = [_role(span, sentence) for span, _ in hits]
    for i in range(len(hits) - 2, -1, -1):
        between = sentence[hits[i][0].end : hits[i + 1][0].start]
        if not roles[i] and _JOINED.fullmatch(between):
            roles[i] = roles[i + 1]
    return roles


def _role(span: Span, sentence: str) -> str:
    before = sentence[max(0, span.start - 80) : span.start]
    if _HANDED_TO.search(before):
        return "gain"
    if _FROM.search(before[-20:]):
        return "lose"  # "captured the town from ISIS"
    window = sentence[span.end : span.end + _REACH]
    cut = re.search(r"[;.]|,\s*(?:and|while|as|after)\b|\b(?:and|after|as|when|before)\b", window)
    clause = window[: cut.start()] if cut else window
    gain = _GAIN.search(clause)
    lose = _LOSE.search(clause)
    if gain and (not lose or gain.start() < lose.start()):
        return "lose" if _is_passive(clause, gain) else "gain"
    if lose:
        return "lose"
    return ""


def _is_passive(clause: str, verb: re.Match[str]) -> bool:
    """ "X was captured" / "positions were taken over": X lost them."""
    return re.search(r"\b(?:was|were|been|being)\s+$", clause[: verb.start()]) is not None
