"""Trigger-word tables for ACLED sub-event types other than protests and crowd violence.

The classifier (:mod:`.eventtypes`) tries :data:`DISRUPTED` first, then the weapon-specific
:data:`TIER1` in order, then the earliest match among :data:`TIER2`, and :data:`TIER3` only
as a fallback when nothing violent or listed was found.
"""

from __future__ import annotations

import re

from ...regex_gate import GatedPattern, gated
from .taxonomy import TERRITORY
from .territory import DECLARED_GAIN


def _rx(pattern: str) -> GatedPattern:
    """A case-insensitive trigger pattern, searched only in sentences holding one of the
    words it needs (:mod:`frontlines.regex_gate`)."""
    return gated(pattern, re.I)


_WEAPONS = (
    r"(?:weapons|arms|firearms|guns|rifles|pistols|revolvers|Kalashnikovs|machine ?guns|ammunitions?|ammo"
    r"|(?:live )?rounds|bullets|cartridges|explosives|detonators|IEDs|improvised explosive devices"
    r"|grenades|rockets|projectiles|missiles|mortar (?:shells|rounds)|arms caches?|weapons caches?)"
)
DISRUPTED = _rx(
    r"\b(?:defus\w*|dismantl\w+ (?:[\w,-]+ ){0,4}?(?:IEDs?|bombs?|explosives?|explosive devices?"
    r"|(?:land)?mines|booby-?traps?)|(?:weapons?|arms|ammunition|explosives?) cache"
    r"|seiz\w+ (?:a |an )?(?:large )?(?:quantity of )?(?:weapons|arms|ammunition|explosives)"
    r"|intercept\w* (?:\w+ )?(?:drones?|missiles?|rockets?)|shot down"
    r"|(?:foiled|thwarted)(?![^.;]{0,60}?\b(?:clash\w*|fought|exchang\w+ fire|engag\w+ (?:in|with)))"
    r"|bomb disposal|(?:found|discovered|uncovered) (?:an? )?(?:IED|explosive|landmine|bomb)s?"
    # IEDs and mines destroyed, cleared or made safe before they went off.
    r"|(?:destroy\w*|clear\w*|remov\w*|deactivat\w*|neutrali[sz]\w*) (?:[\w,-]+ ){0,4}?"
    r"(?:IEDs?|improvised explosive devices?|(?:land)?mines|explosive devices?|unexploded\b)"
    r"|(?:bombs?|IEDs?|explosives|explosive devices?|landmines?|grenades|rockets|shells) (?:were |was |have been"
    r" |has been )?(?:found|discovered|uncovered|identified)\b"
    r"|(?:IEDs?|improvised explosive devices?|(?:land)?mines|explosive devices?)\b[^.;]{0,60}?\b(?:were|was"
    r"|have been|has been|had been) (?:\w+ )?(?:found|discovered|defused|deactivated|dismantled|cleared"
    r"|removed|destroyed|uncovered))"
)
# Weapons, ammunition and explosives seized or found (a police haul, a cache in a hideout).
# Not when the sentence tells of fighting or killing: a battle is coded, not its spoils.
SEIZED = _rx(
    r"\b(?:(?:seiz\w*|recover\w*|confiscat\w*|found|discover\w*|uncover\w*|intercept\w*|impound\w*)"
    r" (?:[\w,-]+ ){0,8}?"
    + _WEAPONS
    + r"|"
    + _WEAPONS
    + r"\b(?:[\s,]+[\w()'-]+){0,12}?[\s,]+(?:were|was|have been"
    r"|has been|had been|being) (?:\w+ )?(?:seized|recovered|confiscated|found|discovered|uncovered"
    r"|intercepted|impounded)|(?:stash|cache|depot|haul)s? of (?:\w+ ){0,3}?(?:arms|weapons|ammunition\w*"
    r"|explosives|projectiles|rockets|firearms))\b"
)
TIER1: tuple[tuple[str, GatedPattern], ...] = (
    (
        "Sexual violence",
        _rx(
            r"\b(?:rap(?:e|ed|es|ing)|gang-?raped?|sexual(?:ly)? (?:assault\w*|abus\w*|violence)|molest\w*)\b"
        ),
    ),
    (
        "Suicide bomb",
        _rx(
            r"\bsuicide (?:bomb\w*|attack\w*|vests?|car|(?:vehicle|truck|car)[- ]borne|belts?)|self-detonat\w*"
            r"|blew (?:him|her|them)sel(?:f|ves) up|SVBIEDs?|kill(?:ed|ing) (?:him|her|them)sel(?:f|ves)"
        ),
    ),
    (
        "Chemical weapon",
        _rx(
            r"\b(?:chemical (?:attack|weapon|agent|munition)s?(?! (?:facilit|sites?\b|stockpiles?|depots?"
            r"|programm?es?|production|storage|research|plants?\b|factor))|chlorine|sarin|nerve agents?"
            r"|mustard gas"
            r"|(?:poison(?:ous)?|toxic|nerve) gas(?:es)?|(?<!tear )gas attacks?|chemical-laden)\b"
        ),
    ),
    (
        "Air/drone strike",
        _rx(
            r"\b(?:air ?strikes?|air[- ]raids?|air(?:-to-surface|-launched)? missiles|(?:drone|UAV) (?:strikes?|attacks?)|warplanes?|fighter jets?"
            # (an aside may stand between: "Coalition aircraft, in coordination with X, struck")
            r"|(?:aircraft|air ?forces?|helicopters?|jets)(?:, [^,;.]{3,80},)? (?:bombed|struck|targeted|fired (?:at|on|upon)"
            r"|destroyed|hit|pounded|raided|attacked|(?:fired|launched) (?:\w+ ){0,2}?(?:missiles?|rockets?))"
            r"|(?:fired|launched|dropped) (?:\w+ ){0,4}?by (?:\w+ ){0,2}?(?:jets|warplanes|aircraft|helicopters)"
            r"|helicopter fire|bombed from the air|helicopter gunships?|kamikaze drones?"
            r"|aerial (?:bombardment|attack|strike)s?|airstrike|drones? (?:[\w-]+ ){0,4}?(?:struck|hit|targeted|attacked|bombed|fired|slammed into|crashed into)"
            # "Russian jets carried out a dozen raids": raids flown
            r"|(?:jets|warplanes|aircraft|planes|helicopters|bombers) (?:carried out|conducted|launched|staged) (?:[\w-]+ ){0,4}?(?:raids|sorties|strikes)"
            r"|(?:drones?|UAVs?) (?:were |was )?(?:launched|fired|flown|sent) (?:at|towards?|on|against)"
            # "drones launched by the Islamic Resistance in Iraq struck ...": the launcher named
            r"|(?:drones?|UAVs?) (?:launched|fired|flown|sent) by (?:[\w'’-]+ ){1,6}?(?:struck|hit|targeted|attacked|bombed)"
            # barrel bombs are dropped from helicopters and planes only
            r"|barrel[- ]bombs?|barrel[- ]bombing|(?:helicopters?|aircraft|warplanes?|jets|planes) dropped"
            # warplanes named by their model ("two U.S. F-15s struck")
            r"|(?:[A-Z]-\d+|Su-\d+|MiG-\d+)s? (?:jets |warplanes |bombers )?(?:bombed|struck|targeted|hit|pounded|attacked|fired)"
            # the drone as the means: "attacked the base with two drones", "hit by a drone"
            r"|(?:attack\w*|struck|hit|target\w*|bombed|killed) (?:[\w-]+ ){0,6}?(?:with|by) (?:an? |two |three |\w+ )?"
            r"(?:(?:armed|explosive[- ]laden|suicide|attack|Turkish|Israeli|US|U\.S\.|Iranian|Russian) )?(?:drones?|UAVs?)\b"
            # "an Israeli strike", "Turkish strikes", "coalition strikes": a state's or a
            # coalition's strike, from the air (a labour strike is "a general strike")
            r"|(?-i:(?:Israeli|Turkish|Russian|American|US|U\.S\.|Iranian|Jordanian|Syrian|Iraqi|Saudi"
            r"|Emirati|French|British)) strikes?|coalition strikes?"
            # "carried out strikes on 85 targets": strikes from the air, not a walk-out
            r"|(?:carried out|conducted|launched) (?:\w+ ){0,3}?strikes? (?:on|against|targeting) (?:\w+ ){0,4}?"
            r"(?:targets|positions|sites|facilities|bases?|depots?|headquarters|militants|fighters|militias?"
            r"|camps?|hideouts?))\b"
        ),
    ),
    (
        "Remote explosive/landmine/IED",
        _rx(
            r"\b(?:IEDs?|VBIEDs?|improvised explosive|roadside bombs?|land ?mines?|car bombs?|explosive devices?"
            r"|mines? explod\w*|bomb (?:blast|explo\w+)|detonat\w+|magnetic bombs?|booby[- ]trap\w*|bomb went off"
            # "a bomb hidden in a motorcycle exploded": a bomb that went off
            r"|bombs? (?:[\w-]+ ){1,6}?(?:explod\w+|went off|blew up)"
            r"|planted (?:a )?bomb|mine (?:attacks?|blasts?|explosions?)|(?:with|using|planted|laid|laying"
            r"|placed|stepped on|hit|struck|ran over|drove over|triggered) (?:an? )?(?:\w+ )?(?:land)?mines?\b"
            r"|(?:ground|anti-?tank|anti-?personnel) mines?|mines? (?:laid|planted|left (?:over|behind))"
            r"|sticky bombs?|(?:killed|wounded|injured|maimed) (?:\w+ ){1,3}?by (?:an? )?(?:\w+ )?(?:land)?mines?\b"
            r"|(?:hit|struck|killed|wounded|injured|maimed) by (?:an? )?(?:\w+ )?(?:land)?mines?\b"
            r"|remote[- ]controlled (?:explosives?|bombs?|mines?"
            r"|devices?)|explosive ordnance|unexploded|UXOs?|(?:with|using) (?:\w+ )?explosives)\b"
        ),
    ),
    # A rocket-propelled grenade is fired from a launcher: ACLED codes it as a missile attack.
    # A mass grave found is a development of its own ("Other"), not the killing it holds;
    # one visited, mourned at or commemorated is no new development.
    ("Other", _rx(r"(?<!visits to )(?<!visited )(?<!visit to )(?<!prayers at )\bmass graves?\b")),
    ("Grenade", _rx(r"(?<!rocket-propelled )(?<!rocket propelled )\bgrenades?\b(?! launchers?)")),
    (
        "Shelling/artillery/missile attack",
        _rx(
            r"\b(?:shell(?:ed|ing|s)?|artillery|rockets?|missiles?|mortars?|bombard(?:ed|ing|ments?|s)?|bombed|pound(?:ed|ing)|MLRS|howitzers?|(?-i:Grad|RPGs?)"
            r"|cluster munitions?|tank (?:fire|attacks?|shells?|rounds)|tanks (?:fired|shelled|attacked)|heavy weapons fire|artilleries|heavy rounds|grenade launchers?"
            r"|projectiles?|explosions? involving|(?:observed|heard|recorded) (?:a total of )?(?:\d+ )?"
            r"(?:explosions|blasts))\b"
        ),
    ),
)
SHELLING = "Shelling/artillery/missile attack"
CHEMICAL = "Chemical weapon"
# A gas or chemical released by an accident (a leak, a spill, a factory) is no weapon.
ACCIDENT = _rx(
    r"\b(?:leak\w*|spill\w*|factory|plant|warehouse|pipeline|tanker|accident\w*|industrial|refinery"
    r"|mine shaft|swimming pool|water treatment)\b"
)
# Artillery used alongside ground fighting is part of an armed clash.
GROUND = _rx(
    r"\b(?:clash\w*|offensive|stormed|ground (?:operations?|assaults?|attacks?|fighting)|small arms|fired back"
    r"|gun ?fights?|exchanges? of fire|exchanged fire|fighting|battles?"
    r"|(?:traded|exchanged) (?:[\w-]+ ){1,5}?fire"  # "traded machinegun and mortar fire"
    # Fire seen going both ways across a front line is an exchange.
    r"|in both directions of the front ?-?lines?)\b"
)
_ARMED_TARGET = (
    r"(?:military|army|police|policem[ae]n|checkpoints?|bases?|posts?|positions?|convoys?|outposts?|patrols?"
    r"|troops|soldiers|barracks|forces|militants|fighters|rebels|militia\w*|insurgents|guards?|VDP"
    r"|volunteers|gendarm\w+|camps?|strongholds?|jihadists|combatants|officers|servicem[ae]n)"
)
# Bases, headquarters and military posts (not checkpoints, which are a security measure).
_BASE = (
    r"(?:(?:military|army|observation|command|forward|operating|logistics?|air|naval|drone) )?"
    r"(?:bases?|headquarters|HQs?|outposts?|(?:military|army|observation|command) (?:posts?|points?)"
    r"|(?:new|\w+th) (?:military )?posts?|military camps?|training camps?|(?<=military )compounds?)"
)
# people captured, not ground: "captured a senior IS operative", "captured two soldiers"
_CAPTIVES = (
    r"(?:a |an |the |\d+ |two |three |four |five |several |dozens of )?(?:[\w-]+ ){0,3}?"
    r"(?:operatives?|leaders?|commanders?|officials?|emirs?|suspects?|members?|militants?|fighters?"
    r"|soldiers?|officers?|policem[ae]n)\b"
)
TIER2: tuple[tuple[str, GatedPattern], ...] = (
    (
        TERRITORY,
        _rx(
            r"\b(?:captur\w+(?! " + _CAPTIVES + r")|seiz\w+ (?:control|the (?:town|village|city|area|base))"
            r"|t(?:ook|ak(?:en|ing|es)) (?:over|back|(?:full |complete |total |effective )?control)"
            r"|(?:established|assumed) (?:full )?control|" + DECLARED_GAIN + r"|regain\w*|recaptur\w+|retook|retak\w+|(?-i:liberat\w+|Liberat(?:ed|es?|ing)\b)|cleared|overr[au]n"
            r"|gained control|fell to|(?:advanced|advances) (?:into|in)|made (?:a series of )?(?:\w+ )?advances"
            r"|wrest\w* (?:\w+ )?control|(?:drove|driven|pushed|push\w*|forced) (?:[\w'-]+ ){0,5}?out of"
            r"|(?:achieved|secured|imposed) (?:\w+ ){0,2}?control|seiz\w+ (?:[^\s;.]+ ){1,8}?from (?:the )?(?:[\w-]+ ){0,2}?control|(?<=by )controlling|freed (?:\w+ ){0,4}?"
            r"(?:areas?|villages?|towns?|cit(?:y|ies)|districts?|neighbou?rhoods?) from"
            r"|seiz\w+ (?:a |an |the )?(?:[\w'’-]+ ){0,3}?(?:town|village|city|capital|district|district cent(?:re|er)"
            r"|port|airport|hill|site|camp|border (?:point|crossing)|neighbou?rhood|province|(?:oil |gas )?fields?"
            r"|bases?|positions))\b"
        ),
    ),
    (
        "Non-violent transfer of territory",
        _rx(
            r"\b(?:withdr[ea]w\w*|pulled out|handed (?:\w+ ){0,4}?over|retreated|evacuated (?:their )?positions"
            r"|without (?:a )?(?:fight|fighting|resistance)|took over .* vacated"
            r"|(?:met|faced|encountered|offered|put up) (?:no|little) resistance|unopposed"
            r"|(?:did|had|have|has)(?: not|n't) (?:\w+ )?(?:meet|met|encounter\w*|fac\w+) (?:any )?resistance"
            r"|hand-?overs? of (?:the )?(?:[\w-]+ ){0,4}?(?:districts?|areas?|territor\w+|towns?|villages?"
            r"|cit(?:y|ies)|regions?|provinces?|bases?|positions|control)"
            # "entered X under a settlement": territory handed over by agreement
            r"|(?:entered|took over|deployed (?:in|into|to)) [^.;]{0,80}?\b(?:under|as part of|following|after|in line with"
            r"|according to) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:deal|agreement|settlement|accord|truce|reconciliation))\b"
        ),
    ),
    (
        "Abduction/forced disappearance",
        _rx(
            r"\b(?:abduct\w*|kidnap\w*|taken hostage|took (?:\w+ )?hostage|forcibly disappear\w*|disappeared"
            r"|demand\w* (?:a )?ransom)\b"
        ),
    ),
    (
        "Armed clash",
        _rx(
            r"\b(?:clash\w*|fought|fighting|battles?|battled|battling|ambush\w*|exchange of fire|exchanged fire"
            r"|gun ?fights?|fire ?fights?|skirmish\w*|repel\w+|(?:fend\w*|fought|warded) off|beat(?:en)? back|offensive|engaged|assault\w* (?:on|against)"
            r"|attack\w* (?:on )?(?:a |an |the )?(?:\w+ )?(?:military|army|police|checkpoint|base|post|positions?|convoy|outpost|patrol|troops|soldiers|barracks)"
            # fighters storming a post fight for it (a crowd storming one riots)
            r"|(?:fighters|militants|gunmen|troops|forces|soldiers|rebels|insurgents) (?:\w+ )?(?:storm|overr[au]n)\w*"
            r" (?:a |an |the )?(?:\w+ )?(?:military|army|police|checkpoint|base|post|positions?|outpost|barracks)"
            r"|raid\w* (?:on )?(?:a |the )?(?:\w+ )?(?:hideout|camp|base|positions?|stronghold)"
            # an armed quarrel between tribes or clans is their clash
            r"|armed (?:disputes?|confrontations?|quarrels?|altercations?)|(?:tribal|clan) (?:fighting|feuds?)"
            r"|shoot-?outs?|exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|firing exchanges?|gun ?battles?"
            r"|traded (?:[\w-]+ )?(?:gun)?fire"
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
            r"\b(?:kill\w*|shot|shoot\w*|executed|murder\w*|assassinat\w*|slain|behead\w*|stabb\w*|hacked|tortur\w*|massacr\w*"
            r"|burn\w* alive|beat\w*|assault\w*|attack\w*|opened fire|gunned down|fired (?!tear)(?:\w+ ){0,2}?(?:at|on|upon)|injur\w*|wound\w*|slaughter\w*)\b"
        ),
    ),
    (
        "Arrests",
        _rx(
            r"\b(?:arrest\w*|detain\w*|apprehend\w*|(?:taken|took) (?:\w+ )?into custody|rounded up|captured (?:\d+|two|three|several) suspects"
            # a person led off ("took him to an unknown location", "took away an activist")
            r"|(?:took|taken|led) (?:him|her|them) (?:away|to an unknown (?:location|destination|place))"
            r"|took away (?:an? |the |two |three |\d+ |several )?(?:[\w-]+ )?(?:activists?|journalists?|m[ae]n|wom[ae]n"
            r"|civilians?|persons?|people|youths?|residents?|villagers?|relatives?|students?|workers?|farmers?)"
            # a person captured is detained, not ground taken ("captured a senior IS operative")
            r"|captur\w+ "
            + _CAPTIVES
            # Counted people jailed, or counted suspects and fighters intercepted, are detained
            # (people waylaid on a road are not); jailed for a term is a court's sentence.
            + r"|(?:jailed(?![^.;]{0,80}? for (?:\w+ ){1,2}(?:years?|months?))"
            r"|intercepted(?= (?:[\w-]+ ){1,3}?(?:suspects|suspected|members|militants|fighters|terrorists)))"
            r" (?:more than |over |at least |about |some )?(?:\d+|two|three|four|five|six"
            r"|seven|eight|nine|ten|dozens|scores|several) (?:[\w-]+ ){0,2}?(?:people|persons|men|women|suspects"
            r"|members|militants|fighters|terrorists|individuals))\b"
        ),
    ),
    (
        "Agreement",
        _rx(
            r"\b(?:agreements?|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement)|signed|prisoner (?:exchange|swap)"
            r"|(?:released|freed) (?:\d+ |the )?(?:hostages|prisoners|detainees)|agreed to|reconciliation deal"
            # Talks, exchanges and deals of the conflict (a firm's "deal to buy" is none).
            r"|(?:peace|ceasefire|truce|indirect|direct|intra-\w+) talks|in exchange for (?:the )?(?:release|\d+"
            r"|prisoners|hostages|detainees|soldiers|captives|fighters)"
            # a deal reached or accepted between the sides ("reached a Russian-brokered settlement")
            r"|(?:reached|accepted|concluded|struck) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:deal|agreement|settlement|accord|truce)"
            r"|as part of (?:the|a|an) (?:peace |ceasefire |truce |reconciliation |prisoner )?(?:deal|agreement)"
            r" (?:between|with) (?:the )?(?:government|rebels|militants|army|insurgents)"
            r"|release of (?:[\w,]+ ){0,3}?(?:prisoners|detainees|hostages))\b"
        ),
    ),
    (
        "Looting/property destruction",
        _rx(
            r"\b(?:loot\w*|plunder\w*|pillag\w*|emptied (?:the contents of )?(?:\w+ )?(?:houses|homes|shops)|torched|burn(?:ed|t|ing) (?:down )?(?:\w+ )?(?:houses|homes|shops|vehicles|villages?|property|buildings?|huts|crops)"
            r"|set (?:\w+ )?on fire|demolish\w*|destroy\w*|vandali[sz]\w*|razed|confiscat\w*|seized (?:property|land|cattle|livestock))\b"
        ),
    ),
    (
        "Headquarters or base established",
        _rx(
            r"\b(?:(?:establish\w*|set(?:ting)? up|built|buil(?:d|ding)|construct\w*|install\w*)"
            r" (?:\w+ ){0,3}?"
            + _BASE
            + r"|opened (?:a |an )?(?:new )?"
            + _BASE
            + r"|"
            + _BASE
            + r" (?:\w+ ){0,3}?(?:(?:was|were|has been|have been"
            r"|had been) )?(?:established|set up|built|opened|constructed|installed))\b"
        ),
    ),
    (
        "Change to group/activity",
        _rx(
            r"\b(?:merged|announced (?:the )?(?:formation|creation|dissolution)|was formed|were formed|pledged allegiance"
            r"|rebrand\w*|dissolv\w*|split from|defected|new (?:armed )?group|joined forces|recruit\w*"
            r"|subordinated|integrated into)\b"
        ),
    ),
)
# Weak triggers: the activity of a force, tried only when no other trigger of TIER2 is in
# the sentence ("a patrol was ambushed" is the ambush; "during a security operation,
# troops detained ten people" is the detention). Movements of forces (patrols,
# deployments, reinforcements, convoys, redeployments) and security measures (curfews,
# checkpoints) are ACLED's "Change to group/activity"; an operation that is told without
# any result is "Other".
WEAK: tuple[tuple[str, GatedPattern], ...] = (
    (
        "Change to group/activity",
        _rx(
            r"\b(?:(?:re)?deploy\w*|reinforc\w*|(?<!Popular )mobili[sz]\w*|curfews?|troop movements?"
            r"|(?:mov\w+|sen[dt]|sending|dispatch\w*|transferr?\w*|rotat\w+) (?:\w+ ){0,6}?(?:troops|forces"
            r"|soldiers|fighters|reinforcements|units|members)|dispatched|stationed"
            r"|convoys?\b(?:[\s,]+[\w()'-]+){0,14}?[\s,]+(?:arrived|moved|entered|left|leaving|headed|heading"
            r"|crossed|passed|observed|was seen|travel\w*)|military build-?up|patroll?\w*|(?:set(?:ting)? up"
            r"|erect\w*|install\w*|establish\w*|mounted|ran|running|manned) (?:\w+ ){0,2}?checkpoints?"
            r"|fortif\w+ (?:\w+ )?positions|consolidat\w+ (?:\w+ )?positions)\b"
        ),
    ),
    (
        "Other",
        _rx(
            r"\b(?:(?:security|military|counter-?terrorism|combing|clearing|sweep|mop-?up|anti-\w+) operations?"
            r"|raid(?:ed|s)? (?:\w+ ){0,2}?(?:houses?|homes?))\b"
        ),
    ),
)

_PROPERTY = (
    r"(?:houses?|homes?|shops?|vehicles?|cars?|trucks?|buses|bus|tricycles?|motorcycles?|schools?|farms?"
    r"|crops|sheds|barns|huts|lands?|buildings?|stations?|offices?|villages?|property|properties|equipment"
    r"|machinery|warehouses?|markets?|churches|church|mosques?|clinics?|granar(?:y|ies)|fields|trees)"
)
TIER3: tuple[tuple[str, GatedPattern], ...] = (
    (
        "Looting/property destruction",
        _rx(
            r"\b(?:set (?:fire|light) to|set (?:\w+ ){0,6}?(?:on fire|ablaze|alight)|set ablaze|sets? to fire"
            r"|(?:burn(?:ed|t|ing)|torch\w*) (?:down )?(?:\w+ ){0,5}?" + _PROPERTY + r"\b"
            r"|sabotag\w*|robb(?:ed|ing|ery|eries)|stole|stolen|steal\w*|extort\w*|rustl\w*"
            r"|sealed (?:off|and seized)|(?:seized|confiscated|took|carried away|seized and eradicated) "
            r"(?:\w+ ){0,4}?(?:livestock|cattle|goats|sheep|camels|cash|money|phones|belongings|goods|property"
            r"|vehicles?|cars?|trucks?|motorcycles?|tricycles?|houses?|homes?|laborator(?:y|ies)|plants|plantations?"
            r"|lands?|farm ?lands?|farms?|fields|olive groves?|orchards?|groves?|crops|harvests?|shops?"
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
            r"|asylum seekers|bomb threats?"
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
