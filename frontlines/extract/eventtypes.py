"""ACLED's event taxonomy, keyed on trigger words in a sentence.

:func:`classify` returns the sub-event type a coder would give a sentence, or None.
Rules run in tiers: first disrupted weapons use ("defused an IED" is not an explosion),
then the weapon- and crowd-specific types (a suicide bomb, an air strike, a protest), then
the remaining types, where the trigger that comes first in the sentence wins (ACLED notes
and news leads put the main event first). Territory taken by a state force is "Government
regains territory"; taken by a non-state actor, "Non-state actor overtakes territory";
the extractor decides which once it knows the actor (:func:`territory_type`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Span
from .victims import armed_victim

EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}
TERRITORY = "Government regains territory"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_DISRUPTED = _rx(
    r"\b(?:defus\w*|dismantl\w+ (?:an? )?(?:IED|bomb|explosive)|(?:weapons?|arms|ammunition|explosives?) cache"
    r"|seiz\w+ (?:a |an )?(?:large )?(?:quantity of )?(?:weapons|arms|ammunition|explosives)"
    r"|intercept\w* (?:\w+ )?(?:drones?|missiles?|rockets?)|shot down"
    r"|(?:foiled|thwarted)(?![^.;]{0,60}?\b(?:clash\w*|fought|exchang\w+ fire|engag\w+ (?:in|with)))"
    r"|bomb disposal|(?:found|discovered|uncovered) (?:an? )?(?:IED|explosive|landmine|bomb)s?)"
)
_TIER1: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Sexual violence",
        _rx(
            r"\b(?:rap(?:e|ed|es|ing)|gang-?raped?|sexual(?:ly)? (?:assault\w*|abus\w*|violence))\b"
        ),
    ),
    (
        "Suicide bomb",
        _rx(r"\bsuicide (?:bomb\w*|attack\w*|vest|car)|self-detonat\w*|blew (?:him|her)self up"),
    ),
    (
        "Chemical weapon",
        _rx(r"\b(?:chemical (?:attack|weapon|agent)s?|chlorine gas|sarin|nerve agent)\b"),
    ),
    (
        "Air/drone strike",
        _rx(
            r"\b(?:air ?strikes?|air[- ]raids?|(?:drone|UAV) (?:strikes?|attacks?)|warplanes?|fighter jets?"
            r"|(?:aircraft|air ?forces?|helicopters?) (?:bombed|struck|targeted|fired (?:at|on|upon))"
            r"|helicopter fire|bombed from the air|helicopter gunships?|kamikaze drones?"
            r"|aerial (?:bombardment|attack|strike)s?|airstrike|drones? (?:struck|hit|targeted|attacked|bombed))\b"
        ),
    ),
    (
        "Remote explosive/landmine/IED",
        _rx(
            r"\b(?:IEDs?|VBIEDs?|improvised explosive|roadside bombs?|land ?mines?|car bombs?|explosive devices?"
            r"|mines? explod\w*|bomb (?:blast|explo\w+)|detonat\w+|magnetic bombs?|booby[- ]trap\w*|bomb went off"
            r"|planted (?:a )?bomb|mine (?:attacks?|blasts?|explosions?)|(?:with|using|planted|laid|laying"
            r"|placed|stepped on) (?:\w+ )?(?:land)?mines|remote[- ]controlled (?:explosives?|bombs?|mines?"
            r"|devices?)|explosive ordnance|unexploded|UXOs?|(?:with|using) (?:\w+ )?explosives)\b"
        ),
    ),
    ("Grenade", _rx(r"\bgrenades?\b(?! launchers?)")),
    (
        "Shelling/artillery/missile attack",
        _rx(
            r"\b(?:shell(?:ed|ing|s)?|artillery|rockets?|missiles?|mortars?|bombard\w*|MLRS|howitzers?|Grad"
            r"|cluster munitions?|tank fire|heavy weapons fire|artilleries|heavy rounds|grenade launchers?"
            r"|projectiles?|explosions? involving|(?:observed|heard|recorded) (?:a total of )?(?:\d+ )?"
            r"(?:explosions|blasts))\b"
        ),
    ),
)
SHELLING = "Shelling/artillery/missile attack"
# Artillery used alongside ground fighting is part of an armed clash.
_GROUND = _rx(
    r"\b(?:clash\w*|offensive|ground (?:operations?|assaults?|attacks?|fighting)|small arms|fired back"
    r"|gun ?fights?|exchanges? of fire|exchanged fire|fighting|battles?"
    # Fire seen going both ways across a front line is an exchange.
    r"|in both directions of the front ?-?lines?)\b"
)
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
    r"|(?:began|launched|held|staged|started|continued|declared|joined|observed|called) (?:a |an |the |their |its"
    r" |his |her |our )?"
    r"(?:\w+[- ])?(?:\w+ )?strikes?|strikers|striking (?:workers|employees|staff|teachers|drivers)"
    r"|work stoppages?|walked out|picket\w*|vigils?|gathered|assembled|took to the streets|blockade\w*"
    r"|(?:blocked|closed|blocking|block|closing|occupied|occupying|cut) (?:off )?(?:\([^)]{0,40}\) )?"
    r"(?:(?:with|using) (?:their |the )?\w+ )?(?:a |an |the |access to )?"
    r"(?:[\w-]+ ){0,5}?(?:road|highway|street|route|bridge|entrance|access|railway|junction|roundabout"
    r"|intersection|motorway|avenue|crossing|construction site|parking lot)s?"
    r"|road ?blocks?|boycott\w*|walkout|chanted|chanting|placards|banners?"
    r"|press conference with (?:a |their )?(?:banners?|placards|pickets?)|human chain|motorcade|caravan"
    r"|(?:candlelight|commemorative|memorial) (?:\w+ )?(?:event|ceremony|gathering)s?)\b"
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
    r"|(?:protesters|demonstrators|participants|students|supporters|cadres|activists|youths|lawyers|residents"
    r"|drivers|workers|passengers|inmates)\s+(?:(?!were\b|was\b|been\b)\w+\s+){0,3}?(?:attacked|assaulted|beat|dragged"
    r"|destroyed|burn(?:ed|t)|tied up|disrupted)\b)"
)
_MOB_ATTACK = _rx(
    r"\b(?:mob|lynch\w*|vigilantes?|crowd|supporters|youths|locals|residents|villagers"
    r"|group of (?:[\w-]+ ){0,2}?(?:people|persons|men|women|locals|residents|villagers|youths|individuals)"
    r"|(?:around |about |over |some )?\d+(?:-\d+)? (?:persons|people)"
    r"|(?:family members|relatives|party (?:workers|members|supporters|cadres)))\b"
    r"(?:\s+(?!(?:was|were|been|being|had been)\b)\w+){0,4}?\s+"
    r"(?:(?:allegedly|reportedly) )?(?:beat|attacked|killed|lynched|burned|burnt|assaulted|stoned|set|hacked"
    r"|clashed|torched|chased|injured|hurled|threw|pelted)\b"
    # Settlers who attack people riot; settlers who burn fields destroy property.
    r"|\bsettlers\b(?:\s+\w+){0,4}?\s+(?:beat|attacked|assaulted|stoned|clashed|injured|hurled|threw"
    r"|pelted)\b"
)
_EXCESSIVE = _rx(
    r"\b(?:(?:killing|killed|shot dead|shot and killed)\b.*\b(?:protesters|demonstrators|protester)"
    r"|live (?:ammunition|fire|rounds|bullets)|opened fire on (?:the )?(?:protesters|demonstrators|crowd))"
)
_PEOPLE = (
    r"(?:protesters|demonstrators|participants|activists|people|students|workers|residents|strikers"
    r"|of them|persons|individuals|farmers|supporters|members)"
)
_INTERVENTION = _rx(
    r"\b(?:dispers(?:ed|ing|al)\b(?! peacefully| without| on their own| after| at the end| later)"
    r"|(?:police|officers|authorities|security forces|gendarmes?|soldiers|troops|riot police)\s+"
    r"(?:\w+\s+){0,3}(?:arrested|detained|dispersed|removed|evicted|blocked|stopped|prevented|beat|charged"
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


_ARMED_TARGET = (
    r"(?:military|army|police|policem[ae]n|checkpoints?|bases?|posts?|positions?|convoys?|outposts?|patrols?"
    r"|troops|soldiers|barracks|forces|militants|fighters|rebels|militia\w*|insurgents|guards?|VDP"
    r"|volunteers|gendarm\w+|camps?|strongholds?|jihadists|combatants|officers|servicem[ae]n)"
)
_TIER2: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        TERRITORY,
        _rx(
            r"\b(?:captur\w+|seiz\w+ (?:control|the (?:town|village|city|area|base))"
            r"|t(?:ook|ak(?:en|ing|es)) (?:over|(?:full |complete |total |effective )?control)"
            r"|(?:established|assumed) (?:full )?control|regain\w*|recaptur\w+|retook|retak\w+|liberat\w+|cleared|overr[au]n"
            r"|gained control|fell to|(?:advanced|advances) (?:into|in|on)|made (?:a series of )?(?:\w+ )?advances)\b"
        ),
    ),
    (
        "Non-violent transfer of territory",
        _rx(
            r"\b(?:withdr[ea]w\w*|pulled out|handed (?:\w+ ){0,4}?over|retreated|evacuated (?:their )?positions"
            r"|without (?:a )?(?:fight|fighting|resistance)|took over .* vacated)\b"
        ),
    ),
    (
        "Abduction/forced disappearance",
        _rx(
            r"\b(?:abduct\w*|kidnap\w*|taken hostage|took (?:\w+ )?hostage|forcibly disappear\w*|disappeared)\b"
        ),
    ),
    (
        "Armed clash",
        _rx(
            r"\b(?:clash\w*|fought|fighting|battles?|battled|ambush\w*|exchange of fire|exchanged fire"
            r"|gun ?fights?|fire ?fights?|skirmish\w*|repel\w+|offensive|engaged|assault\w* (?:on|against)"
            r"|attack\w* (?:on )?(?:a |an |the )?(?:\w+ )?(?:military|army|police|checkpoint|base|post|positions?|convoy|outpost|patrol|troops|soldiers|barracks)"
            r"|raid\w* (?:on )?(?:a |the )?(?:\w+ )?(?:hideout|camp|base|positions?|stronghold)"
            r"|shoot-?outs?|exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|firing exchanges?|gun ?battles?"
            r"|armed confrontations?|confrontations? between|crossfire"
            # Monitors' counts of small-arms fire ("a total of 19 shots/bursts of fire").
            r"|(?:shots|bursts of (?:gun)?fire)(?:/[\w ]+?)? involving small arms"
            r"|(?:observed|heard|recorded) (?:a total of )?(?:\d+ )?(?:shots|bursts of (?:gun)?fire)"
            # "fired (from their positions) in the direction of / towards the positions of"
            r"|fired (?:\w+ ){0,8}?(?:at|on|towards?|in the direction of) (?:the )?(?:\w+ )?positions"
            r"|attack\w* (?:against|on|targeting) (?:a |an |the )?(?:\w+[- ]){0,4}?"
            + _ARMED_TARGET
            + r")\b"
        ),
    ),
    (
        "Attack",
        _rx(
            r"\b(?:kill\w*|shot|shoot\w*|executed|murder\w*|behead\w*|stabb\w*|hacked|tortur\w*|massacr\w*"
            r"|burn\w* alive|beat\w*|assault\w*|attack\w*|opened fire|gunned down|fired (?!tear)(?:\w+ ){0,2}?(?:at|on|upon)|injur\w*|wound\w*|slaughter\w*)\b"
        ),
    ),
    (
        "Arrests",
        _rx(
            r"\b(?:arrest\w*|detain\w*|apprehend\w*|(?:taken|took) (?:\w+ )?into custody|rounded up|captured (?:\d+|two|three|several) suspects)\b"
        ),
    ),
    (
        "Agreement",
        _rx(
            r"\b(?:agreements?|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement)|signed|prisoner (?:exchange|swap)"
            r"|(?:released|freed) (?:\d+ |the )?(?:hostages|prisoners|detainees)|agreed to|reconciliation deal)\b"
        ),
    ),
    (
        "Looting/property destruction",
        _rx(
            r"\b(?:loot\w*|plunder\w*|pillag\w*|torched|burn(?:ed|t|ing) (?:down )?(?:\w+ )?(?:houses|homes|shops|vehicles|villages?|property|buildings?|huts|crops)"
            r"|set (?:\w+ )?on fire|demolish\w*|destroy\w*|vandali[sz]\w*|razed|confiscat\w*|seized (?:property|land|cattle|livestock))\b"
        ),
    ),
    (
        "Headquarters or base established",
        _rx(
            r"\b(?:establish\w*|set up|opened|built) (?:a |an )?(?:new )?(?:military )?(?:base|headquarters|HQ|outpost|camp)\b"
        ),
    ),
    (
        "Change to group/activity",
        _rx(
            r"\b(?:merged|announced (?:the )?(?:formation|creation|dissolution)|was formed|were formed|pledged allegiance"
            r"|rebrand\w*|dissolv\w*|split from|defected|new (?:armed )?group|joined forces|recruit\w*)\b"
        ),
    ),
    (
        "Other",
        _rx(
            r"\b(?:deploy\w*|reinforcements?|(?<!Popular )mobili[sz]\w*|curfew|convoy (?:arrived|moved)|redeploy\w*|troop movements?"
            r"|military build-?up|patrol(?:led|s)?|(?:security|military|counter-?terrorism|combing|clearing|sweep|anti-\w+) operations?)\b"
        ),
    ),
)

_PROPERTY = (
    r"(?:houses?|homes?|shops?|vehicles?|cars?|trucks?|buses|bus|tricycles?|motorcycles?|schools?|farms?"
    r"|crops|sheds|barns|huts|lands?|buildings?|stations?|offices?|villages?|property|properties|equipment"
    r"|machinery|warehouses?|markets?|churches|church|mosques?|clinics?|granar(?:y|ies)|fields|trees)"
)
_TIER3: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Looting/property destruction",
        _rx(
            r"\b(?:set (?:fire|light) to|set (?:\w+ ){0,6}?(?:on fire|ablaze|alight)|set ablaze|sets? to fire"
            r"|(?:burn(?:ed|t|ing)|torch\w*) (?:down )?(?:\w+ ){0,5}?" + _PROPERTY + r"\b"
            r"|sabotag\w*|robb(?:ed|ing|ery|eries)|stole|stolen|steal\w*|extort\w*|rustl\w*"
            r"|sealed (?:off|and seized)|(?:seized|confiscated|took|carried away|seized and eradicated) "
            r"(?:\w+ ){0,4}?(?:livestock|cattle|goats|sheep|camels|cash|money|phones|belongings|goods|property"
            r"|vehicles?|cars?|trucks?|motorcycles?|tricycles?|houses?|laborator(?:y|ies)|plants|plantations?"
            r"|marijuana|coca|drugs)"
            r"|smashed (?:\w+ ){0,3}?windows|graffiti|bulldoz\w+|raz(?:ed|ing)|uproot\w*)\b"
        ),
    ),
    (
        "Other",
        _rx(
            r"\b(?:forced to (?:flee|leave|move)|fled (?:their |the )?(?:homes?|villages?|towns?|from|to)"
            r"|(?:were|was|been|got) (?:forcibly )?(?:displaced|evacuated|expelled|evicted)|forcibly evict\w*"
            r"|evicted|chased (?:away|out)|displaced|refugees (?:from \w+ )?(?:arrived|entered|crossed)"
            r"|asylum seekers|bomb threats?|(?:ran|running|manned|mounted|erected|set up) (?:a |an )?checkpoints?"
            r"|(?:graduation|passing-out) ceremon(?:y|ies)|(?:military|combat|commando) training"
            r"|(?:distributed|found|posted|scattered) (?:\w+ ){0,3}?(?:flyers|fliers|leaflets)"
            r"|fired tear ?gas|escaped from (?:\w+ ){0,3}?(?:prison|jail)|jail ?break)\b"
        ),
    ),
    (
        "Agreement",
        _rx(
            r"\b(?:surrender(?:ed|s|ing)?|laid down (?:their |his )?(?:arms|weapons)|lay(?:ing)? down "
            r"(?:their |his )?(?:arms|weapons)|turned in (?:their |his )?weapons|handed over (?:their )?weapons)\b"
        ),
    ),
    (
        "Change to group/activity",
        _rx(
            r"\b(?:crossed (?:over )?(?:\w+ ){0,4}?(?:border|frontier)|announced (?:their|its) (?:formation|creation)"
            r"|(?:were|was) stationed|offload\w*|vessel (?:\w+ ){0,6}?arrived)\b"
        ),
    ),
    (
        "Arrests",
        _rx(r"\b(?:rescued|intercepted|held) (?:\w+ ){0,3}?(?:migrants|undocumented)\b"),
    ),
)


@dataclass(frozen=True, slots=True)
class EventClass:
    """The ACLED type of a sentence and the words that triggered it."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: Span


def make_class(sub_event_type: str, trigger: Span) -> EventClass:
    """An EventClass for ``sub_event_type`` with ACLED's event and disorder types."""
    event_type = EVENT_TYPES[sub_event_type]
    return EventClass(event_type, sub_event_type, _DISORDER[event_type], trigger)


# ACLED notes may open with a label naming the development ("Looting: On ...").
_LABELS: dict[str, str] = {
    "property destruction": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "looting/property destruction": "Looting/property destruction",
    "interception": "Disrupted weapons use",
    "disrupted weapons use": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
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
    match = _DISRUPTED.search(text)
    if match is not None:
        return make_class("Disrupted weapons use", _span(match))
    protest = _protest(text, context)
    if protest is not None:
        return protest
    for sub_type, pattern in _TIER1:
        match = pattern.search(text)
        if match is not None:
            ground = _ground(text) if sub_type == SHELLING else None
            if ground is not None:
                return make_class("Armed clash", _span(ground))
            return make_class(sub_type, _span(match))
    mob = _MOB.search(text) or _MOB_ATTACK.search(text) or _assailant_band(text)
    if mob is not None:
        return make_class("Mob violence", _span(mob))
    return _earliest(text, context) or _fallback(text)


def _ground(text: str) -> re.Match[str] | None:
    """Ground fighting told alongside shelling, unless only as the backdrop of the
    shelling ("following a clash with X, troops fired artillery at the village")."""
    for match in _GROUND.finditer(text):
        if not _LEAD_IN.search(text[max(0, match.start() - 40) : match.start()]):
            return match
    return None


_LEAD_IN = re.compile(
    r"(?:^|[,)]\s*)(?:following|after|amid|amidst|during|in the wake of)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _fallback(text: str) -> EventClass | None:
    """Plainly told non-violent developments (houses set on fire, villagers displaced,
    fighters surrendering), tried only when no violent or listed trigger is present."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for sub_type, pattern in _TIER3:
        match = pattern.search(text)
        if match is not None:
            found.append((match.start(), sub_type, match))
    if not found:
        return None
    _start, sub_type, match = min(found, key=lambda item: item[0])
    return make_class(sub_type, _span(match))


# "troops arrested a man who took part in anti-coup protests", "sealed the house of a
# protest leader": a protest only describes the target of the act.
_TARGET_ACT = re.compile(
    r"\b(?:arrest\w*|detain\w*|sealed|seiz\w*|raided|abduct\w*|search\w*|confiscat\w*)\b", re.I
)
_PROTEST_AS_DESCRIPTION = re.compile(
    r"(?:\b(?:who|that|which)\s+(?:had\s+)?(?:\w+\s+){0,2}?(?:took part|participated|joined|led"
    r"|organi[sz]ed)\s+(?:in\s+)?(?:[\w-]+\s+){0,3}$|\bof\s+(?:a|an|the)\s+$)",
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


def _protest(text: str, context: str) -> EventClass | None:
    match = _PROTEST.search(text)
    if match is None or _described_protest(text, match):
        return None
    trigger = _span(match)
    mob = _MOB_ATTACK.search(text) or _PARTY_CLASH.search(text)
    if mob is not None and mob.start() < match.start():
        return make_class("Mob violence", _span(mob))
    whole = f"{text} {context}"
    if _RIOT_VIOLENCE.search(whole):
        return make_class("Violent demonstration", trigger)
    if _EXCESSIVE.search(whole):
        return make_class("Excessive force against protesters", trigger)
    if _INTERVENTION.search(whole):
        return make_class("Protest with intervention", trigger)
    return make_class("Peaceful protest", trigger)


def _earliest(text: str, context: str = "") -> EventClass | None:
    found: list[tuple[int, str, re.Match[str]]] = []
    for sub_type, pattern in _TIER2:
        match = pattern.search(text)
        if match is not None:
            found.append((match.start(), sub_type, match))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    # "Following clashes, troops captured X": a leading backdrop is not the main event.
    main = [f for f in found if not _BACKDROP.search(text[max(0, f[0] - 30) : f[0]])]
    best = (
        main[0]
        if main and _BACKDROP.search(text[max(0, found[0][0] - 30) : found[0][0]])
        else found[0]
    )
    if best[1] == "Attack":
        clash = dict(_TIER2)["Armed clash"].search(text)
        if clash is not None:
            return make_class("Armed clash", _span(clash))
        if armed_victim(text) or (context and armed_victim(context)):
            return make_class("Armed clash", _span(best[2]))
    return make_class(best[1], _span(best[2]))


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


_BACKDROP = re.compile(
    r"(?:^|,\s*|\)\s*)(?:following|after|amid|amidst|during|despite|in the wake of)\s+(?:the\s+|heavy\s+"
    r"|fierce\s+|several\s+|\w+\s+){0,3}$",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.I)


def territory_type(inter1: int) -> str:
    """Who took ground: a state force at home regains it; anyone else, a foreign state
    force included (inter 8), overtakes it."""
    return TERRITORY if inter1 == 1 else "Non-state actor overtakes territory"


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes, smaller first; alone, code * 10."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def civilian_targeting(sub_event_type: str, inter2: int) -> str:
    """ACLED's civilian_targeting flag."""
    if EVENT_TYPES.get(sub_event_type) == "Violence against civilians" or inter2 == 7:
        return "Civilian targeting"
    return ""


def _span(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), match.group(0))
