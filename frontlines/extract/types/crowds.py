"""Protests, riots and mob violence: crowd-specific triggers for the classifier.

:func:`protest` types a sentence with protest words (peaceful, with intervention, with
excessive force, violent); :func:`mob_violence` finds an unorganised crowd's attack; and
:func:`crowd_fight` tells a clash between unarmed crowds, which ACLED codes as mob violence.
"""

from __future__ import annotations

import re

from ...records import Span
from ...regex_gate import GatedPattern, gated
from .taxonomy import EventClass, make_class, span


def _rx(pattern: str) -> GatedPattern:
    """A case-insensitive pattern, searched only in texts holding a word it needs."""
    return gated(pattern, re.I)


_PROTEST = _rx(
    r"\b(?:protest\w*|demonstrat(?:e|es|ed|ion|ions|ors?|ing)|rall(?:y|ies|ied|ying)"
    r"|(?<!forces )(?<!troops )(?<!soldiers )(?<!military )(?<!army )(?<!column )march(?:ed|es|ing)"
    r"|(?:(?<!in )|(?<=part in )|(?<=participated in ))(?:a|the|an) (?:[\w-]+ ){0,2}march(?:es)?\b(?! \d)"
    r"|sit-?ins?|(?:on|general|hunger|staged a|went on) strike"
    r"|strike action|climate strikes?|chained themselves|human (?:chain|mosaic)s?|(?:symbolic )?hug around"
    r"|(?:occup(?:ied|ying)|t(?:ook|aking) over) (?:[\w'’]+ ){0,6}?(?:premises|school|building|offices?|headquarters"
    r"|cent(?:re|er)|hall|square|factory|university|campus|faculty|lobby|plant|site|ministry|facilities"
    r"|city hall|town hall|pipelines?)"
    r"|(?:relatives|supporters|residents|workers|families|friends|members|activists) (?:[\w'-]+ ){0,8}?demanded"
    # a crowd's act told with what it demanded: "..., demanding the dismissal of officials"
    r"|,\s+demanding\s+(?=(?:the|that|an?|their|justice|jobs|accountability|water|electricity)\b)"
    r"|(?:began|launched|held|staged|started|continued|declared|joined|observed|called) (?:a |an |the |their |its"
    r" |his |her |our )?"
    # (not "launched air strikes", "launched several drone strikes": strikes from the air)
    r"(?!(?:\w+[- ])?(?:\w+ )?(?:air|drone|missile|rocket|artillery|aerial|precision)[- ]?strikes?)"
    r"(?:\w+[- ])?(?:\w+ )?strikes?|strikers|striking (?:workers|employees|staff|teachers|drivers)"
    r"|work stoppages?|walked out|picket\w*|vigils?|gathered|assembled|took to the streets|blockade\w*"
    r"|(?:blocked|closed|blocking|block(?! of\b)|closing|occupied|occupying|cut) (?:off )?(?:\([^)]{0,40}\) )?"
    r"(?:(?:with|using) (?:their |the )?\w+ )?(?:a |an |the |access to )?"
    r"(?:[\w-]+ ){0,5}?(?:road|highway|street|route|bridge|entrance|access|railway|junction|roundabout"
    r"|intersection|motorway|avenue|crossing|construction site|parking lot)s?"
    # (not a force's roadblock: "detained at a roadblock")
    r"|(?<!at a )(?<!at the )(?<!at )road ?blocks?|boycott\w*|walkout|chanted|chanting|placards|banners?"
    r"|press conference with (?:a |their )?(?:banners?|placards|pickets?)|human chain|motorcade|caravan"
    r"|(?:candlelight|commemorative|memorial) (?:\w+ )?(?:event|ceremony|gathering)s?)\b"
)
# a crowd forcing its way in is a demonstration, its cause unsaid ("supporters of X stormed
# the embassy"), when it is the sentence's own act, not the backdrop of another ("clashed
# ... after supporters stormed the palace")
_CROWD_FORCED_IN = _rx(
    r"\b(?:supporters|followers|loyalists|mourners|crowds?|rioters|(?:angry )?(?:residents|villagers|locals)"
    r"|(?:hundreds|thousands|dozens) of (?:angry )?(?:people|men|youths|rioters))(?: of (?:the )?[\w'’-]+"
    r"(?: [\w'’-]+){0,3})? (?:\w+ )?(?:stormed|broke into|forced their way into|besieged)\b"
)
_BACKDROP_BEFORE = _rx(r"\b(?:after|following|when|as|while|before|since|amid)\s+(?:[\w'’-]+\s+){0,3}$")


def _crowd_forced_in(text: str) -> re.Match[str] | None:
    match = _CROWD_FORCED_IN.search(text)
    if match is None or _BACKDROP_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
        return None
    return match
# Armed clashes are a battle the demonstrators may protest about; clashes "between" or "over"
# name other sides or a cause.
_OWN_CLASH = (
    r"(?:a |the )?(?!armed )(?:[\w-]+ ){0,2}?(?<!armed )clash(?:es)?\b(?! (?:between|among|over))"
)
_RIOT_VIOLENCE = _rx(
    r"\b(?:(?:thr[eo]w\w*|hurl\w*) (?:\w+ )?(?:stones|rocks|bricks|petrol|molotov|objects|eggs|bottles"
    r"|projectiles)|stone-?pelting|pelted|rioters|rioting|(?<!Capitol )riots?\b(?! police| gear| squad)"
    r"|(?<!human )barricad\w+|molotov|petrol bombs?"
    r"|(?:burn\w*|set\w*|lit|light\w*) (?:\w+ ){0,2}(?:tyres|tires|obstacles|debris|garbage|trash|vehicles"
    r"|cars|a car|buses|trucks)|torched|(?:set|setting) (?:\w+ ){0,3}(?:on )?fire|ablaze|vandali[sz]\w*"
    r"|clash\w* with (?:the )?(?:police|security|riot police|officers)|attacked (?:the )?(?:police|officers"
    r"|security)|(?:protesters|demonstrators|rioters|crowds?|mob|they|participants|youths|supporters)\s+"
    r"(?:\w+\s+){0,4}?damag(?:ed|ing)|damaged by (?:the )?(?:protesters|demonstrators|crowd|rioters|mob)"
    r"|smash\w*|slashed|broke (?:the )?(?:\w+ )?(?:windows?|glass|doors?)|ransack\w*"
    r"|stormed|injur\w+ (?:\w+ )?(?:police|officers)|clash(?:ed|es) (?:broke out|erupted|with each other)"
    r"|fought (?:with|against) (?:the )?(?:police|officers|security|each other|counter-?\w+)|acts of violence"
    r"|(?:with|using) (?:\w+ ){0,3}?(?:rocks|stones|tree branches|branches|logs|woods|benches)"
    r"|clash(?:ed|es) (?:have |had |has )?(?:broken out|broke out|erupted) (?:between|with) (?:the )?(?:\w+ )?"
    r"(?:police|security|officers|riot police|troops)|(?:involv\w+ in|during|amid) (?:\w+ )?clashes with"
    r" (?:the )?(?:riot )?(?:police|security|officers)"
    # Clashes the demonstrators took part in, the other side unnamed ("marchers were caught up in
    # scattered clashes"): they fought, a violent demonstration.
    r"|(?:involv\w+|t(?:ook|aking|ake) part|engag\w+|caught up) in "
    + _OWN_CLASH
    + r"|(?:fought|scuffled|clashed) (?:with|against) (?:the )?(?:law enforcement|police|gendarmes|troops)"
    r"|projectiles|firecrackers|fireworks at|(?:turn\w*|grew|became) (?:very |increasingly )?violent"
    r"|escalating violence|violence (?:erupted|broke out|escalated)|(?:pull\w*|tore|tear\w*) down"
    r"|into (?:a|the) fire|broke into|forced (?:their way|entry)"
    r"|(?:protesters|demonstrators|participants|students|supporters|cadres|activists|youths|lawyers|residents"
    r"|drivers|workers|passengers|inmates)\s+(?:(?!were\b|was\b|been\b)\w+\s+){0,5}?(?:attacked|assaulted|beat|dragged"
    r"|destroyed|burn(?:ed|t)|tied up|disrupted)\b)"
)
# A clash in the time of the protest ("during a clash outside the palace"); with the police
# acting on the crowd in the same text, the clash is theirs with the police.
_DURING_CLASH = _rx(r"\b(?:during|amid|in) " + _OWN_CLASH)
_MOB_ATTACK = _rx(
    r"\b(?:mob|lynch\w*|vigilantes?|crowd|supporters|youths|locals|residents|villagers"
    r"|group of (?:[\w-]+ ){0,2}?(?:people|persons|men|women|locals|residents|villagers|youths|individuals)"
    r"|(?:around |about |over |some )?\d+(?:-\d+)? (?:persons|people)"
    r"|(?:family members|relatives|party (?:workers|members|supporters|cadres)))\b"
    r"(?:\s+(?!(?:was|were|been|being|had been)\b)[\w'’-]+){0,4}?\s+(?<!\bof )"
    r"(?:(?:allegedly|reportedly) )?(?:beat|attacked|killed|lynched|burned|burnt|assaulted|stoned|set|hacked"
    r"|clashed|torched|chased|injured|hurled|threw|pelted)\b"
    # Settlers who attack people riot; settlers who burn fields destroy property.
    r"|\bsettlers\b(?:\s+\w+){0,4}?\s+(?:beat|attacked|assaulted|stoned|clashed|injured|hurled|threw"
    r"|pelted)\b"
)
# a mob is no demonstration: "a mob ... killed a man accused of shooting at protesters"
_MOB_WORD = _rx(r"\b(?:(?<!flash )mobs?|lynch\w*|vigilantes?)\b")  # a flash mob demonstrates
_PROTESTERS = r"(?:protest[eo]rs?|demonstrators?|marchers|crowds?|strikers|rally-?goers|mourners)"
# Lethal or grave force used on protesters. The harm must be done to them in the clause
# ("police killed two protesters", "protesters died from gunfire"), not be their cause
# ("families of killed protesters marched", "they denounced the killing of activists").
_EXCESSIVE = _rx(
    r"\b(?:(?<!of )(?<!the )(?:killing|killed|shot dead|shot and killed|gunned down|shot at)"
    r" (?:at least |some |about |around |over )?(?:[\w-]+ ){0,4}?"
    + _PROTESTERS
    + r"|(?:opened fire|fired live \w+|shot) (?:\w+ ){0,2}?to (?:disperse|break up)"
    + r"|"
    + _PROTESTERS
    + r"\b[^.;]{0,40}?\b(?:were|was|had been|have been|being) (?:\w+ )?"
    r"(?:killed|shot|shot dead|gunned down|beaten to death)\b"
    r"|"
    + _PROTESTERS
    + r" (?:\w+ )?died (?:from|of|after being hit by) (?:\w+ )?(?:gunfire|bullets?|wounds)"
    r"|live (?:ammunition|fire|rounds|bullets)|opened fire (?:on|at) (?:the )?(?:\w+ )?"
    + _PROTESTERS
    + r"|excessive force|violently (?:suppress|disperse|crush)\w*|(?:suppress|crush)\w* (?:\w+ ){0,3}?"
    r"(?:peaceful )?(?:protests?|demonstrations?|rall(?:y|ies))|fatal attacks"
    r"|attacks? (?:against|on) (?:\w+ ){0,2}?"
    + _PROTESTERS
    + r"|(?:attacked|assaulted|beat) and (?:injured|wounded) (?:\w+ ){0,3}?(?:protest\w*|demonstrat\w+))"
)
_PEOPLE = (
    r"(?:protesters|demonstrators|participants|activists|people|students|workers|residents|strikers"
    r"|of them|persons|individuals|farmers|supporters|members)"
)
_INTERVENTION = _rx(
    r"\b(?:dispers(?:ed|ing|al)\b(?! peacefully| without| on their own| after| at the end| later)"
    r"|(?:police|officers|authorities|security forces|gendarmes?|soldiers|troops|riot police)\s+"
    r"(?:\w+\s+){0,3}(?:arrested|detained|dispersed|removed|evicted|blocked|stopped|prevented|beat|charged"
    r"|chased?|chasing|forcibly prevented|forced"
    r"|intervened|broke up|cleared|pushed back|clashed|confronted|kettled|pepper)"
    r"|(?:arrested|detained|apprehended) (?:at least |about |around |some |several )?(?:\d+|\w+) (?:\w+ )?"
    + _PEOPLE
    + r"|"
    + _PEOPLE
    + r" (?:\w+ )?(?:were|was|had been|have been|got) (?:\w+ )?(?:arrested|detained|dispersed|removed|evicted"
    r"|beaten|taken into custody)"
    r"|tear ?-?gas|water cannons?|rubber bullets|batons?|baton-charged|lathi|pepper spray|stun grenades?"
    r"|forcibly removed|cracked down|crackdown|stopped by police|broke up|evicted (?:the )?(?:protesters"
    r"|demonstrators|them)|kettl\w+)"
)
_MOB = _rx(
    r"\b(?:mob|lynch\w*|vigilantes?|angry (?:crowd|residents|villagers)|group of (?:locals|residents|villagers|people)"
    r"|(?:locals|residents|villagers) (?:beat|attacked|killed|lynched|burned|assaulted)"
    # Mob justice: residents who caught a suspect and beat him.
    r"|(?:locals|residents|villagers|neighbou?rs|people)\b[^.;]{0,60}?\b(?:captured|caught|seized)\b"
    r"[^.;]{0,80}?\b(?:beat|beaten|lynched|tied|stoned))\b"
)
# A band of assailants counted or tied to a party ("four unidentified assailants, suspected
# to be X supporters, assaulted", "a group of assailants attacked", "12 BJP backed
# assailants pelted stones"): an unorganised group, not an armed one, unless armed or shooting.
_ASSAILANT_BAND = _rx(
    r"\b(?:(?:a |an )?group of (?:\w+ )?|(?:a |over a |over |around |about |at least )?"
    r"(?:dozens? of|a dozen|\d*[4-9]|\d{2,}(?:-\d+)?|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|several) (?:\w+ )?|[\w()-]+[- ]backed )(?<!armed )assailants\b"
    r"|\bassailants,? (?:\([^)]{0,40}\) )?(?:suspected|believed|presumed|allegedly|reportedly)"
    r" (?:to be )?(?:[\w()-]+ ){1,3}?(?:supporters|cadres|workers)\b"
)
_BAND_ACT = _rx(
    r"\b(?:assaulted|attacked|beat(?:en)?|beat up|pelted|hurled|threw|hacked|stabbed|lynched"
    r"|vandali[sz]ed|injured)\b"
)
_SHOOTING = _rx(r"\b(?:shot|shoot\w*|opened fire|gunned|guns?|gunmen|firearms?|pistols?|rifles?)\b")


def _assailant_band(text: str) -> re.Match[str] | None:
    """The attack of a band of assailants without firearms, or None."""
    band = _ASSAILANT_BAND.search(text)
    if band is None:
        return None
    act = _BAND_ACT.search(text, band.end(), band.end() + 100)
    if act is None or _SHOOTING.search(text[band.start() : act.end()]):
        return None
    if _SHOOTING.match(text, act.end() + 1):
        return None
    return act


def mob_violence(text: str) -> re.Match[str] | None:
    """The attack of a mob, a crowd or a band of assailants in ``text``, or None."""
    return _MOB.search(text) or _MOB_ATTACK.search(text) or _assailant_band(text)


# "troops arrested a man who took part in anti-coup protests", "sealed the house of a
# protest leader": a protest only describes the target of the act.
_TARGET_ACT = re.compile(
    r"\b(?:arrest\w*|detain\w*|sealed|seiz\w*|raided|abduct\w*|search\w*|confiscat\w*)\b", re.I
)
_PROTEST_AS_DESCRIPTION = re.compile(
    r"(?:\b(?:who|that|which)\s+(?:had\s+)?(?:\w+\s+){0,2}?(?:took part|participated|joined|led"
    r"|organi[sz]ed)\s+(?:in\s+)?(?:[\w-]+\s+){0,3}$|\bof\s+(?:a|an|the)\s+$"
    # "detained activists before the rally", "in anticipation of protests": not yet held.
    r"|\b(?:before|ahead of|in anticipation of|to prevent|who (?:\w+ ){0,2}?(?:organi[sz]e|participate|join"
    r"|called for|urged|planned))(?: in)?\s+(?:[\w'’.-]+\s+){0,5}$)",
    re.I,
)


def _described_protest(text: str, match: re.Match[str]) -> bool:
    """True when the protest words only describe the target of an earlier act."""
    before = text[: match.start()]
    return _TARGET_ACT.search(before) is not None and (
        _PROTEST_AS_DESCRIPTION.search(before[-80:]) is not None
        or text[match.end() : match.end() + 8].lower().startswith((" leader", " organi"))
    )


# Rival supporters or party members fighting each other before the protest words ("ODM
# supporters clashed with each other ahead of a rally"): the rally is only the setting.
_PARTY_CLASH = _rx(
    r"\bclash\w* (?:ensued |erupted |broke out |occurred |took place )?between (?:the )?(?:\w+ ){0,2}?"
    r"(?:supporters|cadres|members|workers) of\b"
    r"|\b(?:supporters|cadres|members|workers)\b[^.;]{0,80}?\b(?:clashed|fought) (?:with )?each other\b"
    r"|\b(?:members|supporters|cadres|workers) of (?-i:[A-Z])[^.;]{0,40}? and (?-i:[A-Z])[^.;]{0,40}?"
    r" (?:clashed|fought)\b"
)


# Forces sent or readied for a protest still to come ("police were deployed ahead of the
# march"): ACLED codes the deployment as a change to group/activity, not the protest.
_DEPLOYED_AHEAD = _rx(
    r"\b(?P<act>deploy\w*|mobili[sz]\w*|reinforc\w*|stationed|put on (?:high )?alert|on high alert"
    r"|(?:tightened|stepped up|heightened|beefed up) security)\b[^.;]{0,80}?\b(?:ahead of|in anticipation of"
    r"|in preparation for|to prevent|in expectation of)\s+(?:[\w'’.-]+\s+){0,5}$"
)


# "an activist who took part in protests ... was shot dead": protests told of a person in
# a relative clause describe who the person is; the sentence's own act is something else
_PERSONS_PROTESTS = _rx(
    r"\b(?:who|that)\s+(?:had\s+|has\s+|have\s+)?(?:took|taken|take|takes|taking|been taking)\s+part"
    r"\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:who|that)\s+(?:had\s+|has\s+|have\s+)?(?:joined|led|organi[sz]ed|participated\s+in"
    r"|helped\s+organi[sz]e)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$"
    # "two young men who had gathered at a store": a gathering before the event, saying who
    # the victims were (not "cadres who were demonstrating violently": the event itself)
    r"|\b(?:who|that)\s+had\s+$"
)


def _own_protest(text: str) -> re.Match[str] | None:
    """The first protest words that are the sentence's own, not a relative clause saying
    who someone is ("an activist who took part in protests", "men who had gathered")."""
    for match in _PROTEST.finditer(text):
        if not _PERSONS_PROTESTS.search(text, max(0, match.start() - 60), match.start()):
            return match
    return None


def protest(text: str, context: str) -> EventClass | None:
    match = _own_protest(text) or _crowd_forced_in(text)
    if match is None or _described_protest(text, match):
        return None
    ahead = _DEPLOYED_AHEAD.search(text[: match.start()])
    if ahead is not None:
        act = Span(ahead.start("act"), ahead.end("act"), ahead.group("act"))
        return make_class("Change to group/activity", act)
    trigger = span(match)
    mob = _MOB_ATTACK.search(text) or _PARTY_CLASH.search(text) or _MOB_WORD.search(text)
    demanded = "demand" in match.group(0).lower()  # a crowd making demands demonstrates
    if mob is not None and mob.start() < match.start() and not demanded:
        return make_class("Mob violence", span(mob))
    whole = f"{text} {context}"
    if _RIOT_VIOLENCE.search(whole) or (
        _DURING_CLASH.search(whole) and _INTERVENTION.search(whole)
    ):
        return make_class("Violent demonstration", trigger)
    if _EXCESSIVE.search(whole):
        return make_class("Excessive force against protesters", trigger)
    if _INTERVENTION.search(whole):
        return make_class("Protest with intervention", trigger)
    return make_class("Peaceful protest", trigger)


_CROWD_SIDES = _rx(
    r"\b(?:supporters|youths|students|villagers|residents|locals|mob|crowd|relatives|families|groups of"
    r"|cadres|activists|factions|followers|party (?:workers|members|men)"
    r"|\w+ groups|settlers|migrants|rioters"
    r"|two groups|rival groups|factional|members of (?:the )?(?:\w+ ){0,3}?(?:party|parties|union|community"
    r"|communities|clan|tribe|family|families|families))\b"
)
# Party members ("members of the X League and Y clashed", "a clash between members of"):
# a crowd fight unless somebody was shot.
_SIDE = r"(?i:members|supporters|cadres|workers)"
_PARTY_SIDES = re.compile(
    r"\b(?:" + _SIDE + r" of (?:the )?(?:[A-Z][\w()-]*,? ){0,3}?(?:[A-Z][\w()-]* )?"
    r"(?:League|Party|Congress|Dal|Sena|Front|Movement|Alliance)"
    r"|(?i:clash\w*|fight\w*|brawl\w*) between (?:the )?(?:\w+ ){0,2}?" + _SIDE + r" of"
    r"|" + _SIDE + r" of [A-Z][^.;]{0,40}? and (?:[A-Z][^.;]{0,40}?|" + _SIDE + r" of [^.;]{0,40}?)"
    r" (?i:clashed|fought|attacked each other))\b"
)


_RIOTERS = _rx(r"\b(?:rioters|mobs?|settlers|vigilantes?)\b")
_STONES = _rx(r"\b(?:hurl\w*|pelt\w*|thr[eo]w\w*) (?:\w+ )?(?:stones|rocks|bricks|molotov\w*)")


def crowd_fight(found: EventClass, sentence: str, armed_named: bool) -> bool:
    """A clash or attack between unarmed crowds (party supporters, villagers, rival
    groups) with no armed actor named: ACLED codes it as mob violence."""
    if found.sub_event_type not in ("Armed clash", "Attack"):
        return False
    if _RIOTERS.search(sentence[: found.trigger.start]) or _STONES.search(sentence):
        return True
    if armed_named:
        return False
    window = sentence[: found.trigger.end + 80]
    if _CROWD_SIDES.search(window) is not None:
        return True
    return _PARTY_SIDES.search(window) is not None and _SHOOTING.search(sentence) is None
