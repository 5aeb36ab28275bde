"""Which unidentified perpetrator ACLED names, from how the violence is described.

Where ACLED keeps a gang convention (much of Latin America and the Caribbean), armed
perpetrators nobody identified are an "Unidentified Gang" when the note calls them drug
traffickers, gang or criminal-group members, or when the killing bears a gang's marks
(a drive-by shooting, a coup de grace, bound and gagged, dismembered, decapitated or burnt
bodies, a message left by the body, a drug-selling point); perpetrators said to belong to a
criminal group, or a killing over a drug debt, are criminals. Brazil's name for
gang-style killings stays its own default. A shoot-out among unknown shooters, with
nothing else said, is an "Unidentified Armed Group" everywhere; so are plain "armed
individuals" where the country's default is a gang convention, when nothing marks the
killing as a gang's or a militia's (no motorcycle or car, no execution, no drugs, no
police, no hoods). In Rio de Janeiro state, where police militias fight the drug gangs,
Brazil's default "Unidentified Gang and/or Police Militia" stands for gangs too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ...records import Actor
from .registry import UNIDENTIFIED, countries, country_info

GANG = "Unidentified Gang ({country})"

_CRIMINAL = re.compile(
    r"\b(?:drug[- ]traffick(?:ers?|ing (?:group|gang|faction)s?)|gang members?|gangsters?"
    r"|criminal (?:group|gang|organi[sz]ation)s?|cartel (?:members?|gunmen)|hitm[ae]n|sicarios?"
    r"|narco\w*|members? of (?:a |an |the )?(?:rival |local )?(?:drug[- ]trafficking |criminal )"
    r"(?:group|gang|faction)s?)\b",
    re.I,
)
_GANG_MARKS = re.compile(
    r"\b(?:drive-?by|dismember\w*|decapitat\w*|beheaded|(?:burnt|burned|charred) (?:body|bodies"
    r"|remains)|(?:hands|feet) (?:were |was )?tied|tied(?: up)?(?:,)? (?:and )?gagged|gagged"
    r"|tiro de gracia|coup de grace|narco-?(?:message|banner|manta)s?"
    r"|(?:a |with a )message (?:was )?(?:left|next to|beside|signed)"
    r"|(?:linked|related) to (?:drug (?:trafficking|dealing)|organi[sz]ed crime|the drug trade)"
    r"|(?:bod(?:y|ies)|corpses?|remains) (?:\w+ ){0,6}?(?:tied|bound|burn(?:ed|t)|charred)"
    r"|(?:burn(?:ed|t)|charred) (?:man|woman|corpses?)|(?:with|and|beside) (?:a |an )?(?:\w+ )?message"
    r"|(?:on|riding|aboard) (?:a |two |board )?motorcycles?|narco-?\w+"
    r"|drug (?:dealing|selling|sales?) points?)",
    re.I,
)
# Perpetrators described only as armed people, with none of the marks of a gang killing.
_PLAIN_ARMED = re.compile(
    r"\b(?:armed (?:individuals|suspects|men|persons|people)|(?:unknown|unidentified)"
    r" (?:assailants|attackers|perpetrators))\b",
    re.I,
)
_EXECUTION = re.compile(
    r"\b(?:motorcycl\w*|cars?|vehicles?|execut\w*|\d+ times|(?:several|multiple|many) times"
    r"|drugs?|police|hooded|masked|gangs?|factions?|militias?|traffick\w*|ambush\w*)\b",
    re.I,
)
_ANONYMOUS = re.compile(
    r"\bshoot-?outs? (?:\w+ ){0,3}?between (?:unknown|unidentified) (?:shooters|gunmen|armed"
    r" individuals)|\bshoot-?outs? between armed individuals\b|\bbetween unknown shooters\b",
    re.I,
)


# A shoot-out reported with nobody named on either side ("a shoot-out was reported",
# "shoot-outs took place in two neighbourhoods").
_BARE_SHOOTOUT = re.compile(
    r"\bshoot-?outs? (?:was |were )?(?:reported|took place|broke out|occurred|happened)\b"
    r"|\b(?:unknown|unidentified) shooters\b",
    re.I,
)
_NAMED_SIDE = re.compile(
    r"\b(?:police|officers?|soldiers?|troops|army|military|guards?|agents?|rival|faction"
    r"|militia|command|cartel|gang)\b",
    re.I,
)


_BY_BEFORE = re.compile(r"\bby (?:the |a |an )?(?:[\w-]+ ){0,2}$", re.I)
_ACTS_AFTER = re.compile(
    r"(?!\W*(?:was|were|is|are|had|has|have|got|being)\b)\W*(?:[\w-]+\W+){0,3}?(?:kill|shot|shoot|attack|kidnap|abduct|open|execut|murder|tortur"
    r"|set|burn|ambush|fire|invad|threat|beat|stabb|extort|rob|block)\w*",
    re.I,
)


# The perpetrators said to be criminals ("the attackers are thought to belong to a criminal
# gang"), or a motive only the drug trade has ("killed over a drug debt").
_CRIMINAL_PERPETRATORS = re.compile(
    r"\b(?:perpetrators|attackers|assailants|aggressors|killers|shooters|gunmen)\b[^.;]{0,30}?"
    r"\b(?:are|were|is|was)\s+(?:\w+\s+)?(?:believed|presumed|suspected|thought|said|reported"
    r"|alleged)\s+to\s+(?:be|belong\s+to)\s+(?:members?\s+of\s+|part\s+of\s+)?(?:a|an|the)\s+"
    r"(?:rival\s+|local\s+)?(?:criminal|drug[- ]trafficking|organi[sz]ed\s+crime)\s+"
    r"(?:group|gang|faction|cell|organi[sz]ation)s?\b"
    r"|\bdrug debts?\b",
    re.I,
)


def _criminal_doer(text: str) -> bool:
    """True when drug traffickers, gang members and the like did the act ("by two drug
    traffickers", "gang members opened fire"), not suffered it."""
    if _CRIMINAL_PERPETRATORS.search(text):
        return True
    for match in _CRIMINAL.finditer(text):
        if _BY_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            return True
        if _ACTS_AFTER.match(text, match.end()):
            return True
    return False


@cache
def _gang_countries() -> frozenset[str]:
    raw = countries()
    return frozenset(code for code, info in raw.items() if "Gang" in info.unidentified) | {
        "MX",
        "HN",
        "PR",
    }


def _bare_shootout(text: str) -> bool:
    """A shoot-out nobody is named in: no criminals, no force, no group on either side."""
    return (
        _BARE_SHOOTOUT.search(text) is not None
        and _CRIMINAL.search(text) is None
        and _NAMED_SIDE.search(text) is None
    )


def perpetrator_kind(text: str) -> str:
    """ "anonymous", "criminal", "gang", "plain" (armed people and nothing more) or ""
    for the wording of ``text``; "criminal" and "gang" carry ``MILITIA_AREA`` when the
    text is set where police militias operate."""
    kind = _kind(text)
    if kind in ("criminal", "gang") and _POLICE_MILITIA_AREA.search(text):
        return kind + MILITIA_AREA
    return kind


def _kind(text: str) -> str:
    criminal = _criminal_doer(text)
    if _ANONYMOUS.search(text) and not criminal:
        return "anonymous"
    if _bare_shootout(text):
        return "anonymous"
    if criminal:
        return "criminal"
    if _GANG_MARKS.search(text):
        return "gang"
    if _PLAIN_ARMED.search(text) and not _EXECUTION.search(text):
        return "plain"
    return ""


# Police militias (milicias) contest the drug gangs' turf in Rio de Janeiro state; there
# ACLED cannot tell the two apart and names unknown perpetrators "Unidentified Gang and/or
# Police Militia".
MILITIA_AREA = ":police-militia-area"
_POLICE_MILITIA_AREA = re.compile(r"\bRio de Janeiro\b")
POLICE_MILITIA_COUNTRIES = frozenset({"BR"})


def in_militia_area(text: str) -> bool:
    """True when ``text`` is set where police militias operate (Rio de Janeiro)."""
    return _POLICE_MILITIA_AREA.search(text) is not None


def unidentified_name(kind: str, country: str) -> str:
    """The unfilled-in name ACLED gives an unidentified armed perpetrator in
    ``country`` (ISO2 or name) described as ``kind``; "" = the country's default."""
    info = country_info(country) if country else None
    if info is None:
        return ""
    kind, _, area = kind.partition(":")
    if area and info.iso2 in POLICE_MILITIA_COUNTRIES:
        return ""
    if kind == "anonymous":
        return UNIDENTIFIED
    if info.iso2 not in _gang_countries():
        return ""
    if kind == "plain":
        return UNIDENTIFIED if info.unidentified else ""
    if kind == "criminal":
        return GANG
    if kind == "gang" and not info.unidentified:
        return GANG
    return ""


def rename(actor: Actor | None, default: Actor, kind: str, country: str) -> Actor | None:
    """``actor`` renamed for ``kind`` when it is the country's default unidentified group
    (``default``, filled in)."""
    if actor is None or actor.name != default.name:
        return actor
    template = unidentified_name(kind, country)
    info = country_info(country)
    if not template or info is None:
        return actor
    return replace(actor, name=template.format(country=info.name))
