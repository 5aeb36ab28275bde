"""Who was hit: combatant victims turn a killing into an armed clash.

ACLED codes violence against civilians only when the victims are unarmed. When those
killed, wounded or targeted are soldiers, police on duty, militants, members of an armed
group or gang, volunteer fighters, or people the note describes as drug traffickers or
members of a criminal group, the event is an armed clash. Off-duty, former and retired
members of a force count as civilians.
"""

from __future__ import annotations

import re

_OFF_DUTY = re.compile(
    r"\b(?:off-?duty|former|retired|ex-|unarmed|demobili[sz]ed)\W*(?:\w+\W+){0,2}$", re.I
)
_OFF_DUTY_AFTER = re.compile(r"\W*[(\[]?(?:\w+ )?off.duty", re.I)
_GROUP_NOUN = (
    r"(?:group|gang|militia|cartel|forces|army|brigade|battalion|faction|command|clan|movement"
    r"|organi[sz]ation|front|cell|unit)s?"
)
_COMBATANT = (
    r"(?P<who>soldiers?|troops|servicem[ae]n|militants?|fighters?|combatants?|rebels?|insurgents?"
    r"|jihadists?|militiam[ae]n|militia members?|policem[ae]n|police ?(?:officers?|agents?|personnel"
    r"|constables?|station|post|patrol|checkpoint|vehicle|car|convoy)|constables?|gendarmes?"
    r"|(?:border|armed) guards?|VDP|volunteer fighters?|vigilantes?|commanders?"
    r"|(?:drug )?traffickers?|hitm[ae]n|gang ?members?|gangsters?|cartel members?|bandits|terrorists"
    r"|(?:army|military|security forces?) (?:convoy|patrol|post|station|checkpoint|base|vehicle"
    r"|camp|positions?|outpost|personnel)"
    r"|(?:Taliban|Houthi|IS|ISIS|PDF|JNIM|Shabaab|cartel|gang|militia|armed group) (?:members?|fighters?)"
    r"|members? of (?:the |a |an )?(?:[\w'-]+ ){0,4}?"
    + _GROUP_NOUN
    # "two 5th Division members", "a regime army bus": a unit's members and its vehicles.
    + r"|(?:regime|government|pro-\w+|army|military|security) (?:forces? )?(?:members|fighters|elements"
    r"|personnel|soldiers)|(?:division|brigade|regiment|battalion|corps|regime|army) (?:members?|soldiers"
    r"|fighters|personnel|elements|bus|vehicles?|convoy|patrol|post|checkpoint|positions?))"
)
_HARMED = (
    r"(?:killed|wounded|injured|shot|neutrali[sz]ed|ambushed|attacked|targeted|beheaded|executed)"
)
_PASSIVE = re.compile(
    r"\b" + _COMBATANT + r"\b(?:[\s,]+[\w()'-]+){0,7}?[\s,]+(?:was|were|had been|have been|has been"
    r"|got|being)\s+(?:\w+\s+)?" + _HARMED + r"\b",
    re.I,
)
# Words that end the object of the act before a combatant is reached: "killed a shepherd
# near an army post" harmed the shepherd.
_NOT_COMBATANT = (
    r"civilians?\b|by\b|near\b|at\b|in\b|outside\b|inside\b|m[ae]n\b|wom[ae]n\b|child(?:ren)?\b|boys?\b"
    r"|girls?\b|people\b|shepherds?\b|farmers?\b|residents?\b|villagers?\b|herders?\b|drivers?\b"
)
_ACTIVE = re.compile(
    r"\b(?:kill(?:ed|ing)|shot|shooting|attack(?:ed|ing)|ambush(?:ed|ing)|target(?:ed|ing)"
    r"|opened fire (?:on|at)|fired (?:on|at)|injur(?:ed|ing)|wound(?:ed|ing)|neutrali[sz]ed)"
    r"\s+(?!by\b)(?:(?!" + _NOT_COMBATANT + r")[\w()'-]+\s+){0,4}?" + _COMBATANT + r"\b(?!'s|’s)",
    re.I,
)
_CRIMINAL_VICTIM = re.compile(
    r"\b(?:victims?|the (?:man|men|deceased|dead)|(?:he|they) (?:was|were))\s+(?:was |were )?"
    r"(?:allegedly |reportedly |reported(?:ly)? as |recognized as |identified as )?"
    r"(?:(?:involved|engaged) in (?:drug trafficking|organi[sz]ed crim\w*|criminal activit\w+)"
    r"|(?:a |an )?(?:(?:alleged |suspected |known )?(?:drug traffickers?|drug dealers?|gang members?"
    r"|hitm[ae]n)|members? of (?:a |an |the )?(?:[\w'-]+ ){0,3}?(?:armed|criminal|drug) "
    + _GROUP_NOUN
    + r"))",
    re.I,
)


def armed_victim(text: str) -> re.Match[str] | None:
    """The words saying that combatants were the ones harmed in ``text``, or None."""
    for pattern in (_PASSIVE, _ACTIVE):
        for match in pattern.finditer(text):
            before = text[max(0, match.start("who") - 40) : match.start("who")]
            after = text[match.end("who") : match.end("who") + 30]
            if not _OFF_DUTY.search(before) and not _OFF_DUTY_AFTER.match(after):
                return match
    return _CRIMINAL_VICTIM.search(text)
