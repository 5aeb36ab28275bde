"""Tell apart news that is *not* an ACLED event: a transparent cue-word classifier.

Five classes (the non-ACLED codes of the CASE 2021 sub-event task):

- ``NATURAL_DISASTER``: natural hazards with actual or potential harm (earthquakes, floods,
  storms, wildfires, landslides, epidemics);
- ``MAN_MADE_DISASTER``: disasters caused by people (industrial accidents, traffic incidents,
  infrastructure failure, contamination);
- ``DIPLO``: diplomatic actions or statements bearing on a conflict (sanctions, embassies,
  threats, calls to action, praise and condemnation);
- ``ORG_CRIME``: criminal groups' activities other than fighting each other (smuggling,
  trafficking, property and cyber crime, killings for criminal ends, corruption);
- ``ATTRIB``: claims, accusations or denials of responsibility for an attack.

Each class has a table of cues (a regular expression and a weight in 0..1). A class's score
combines its matched cues as independent evidence: ``1 - prod(1 - weight)``. The best class
wins when its score reaches ``MIN_SCORE``. Everything is in the tables below, so a wrong
call can be traced to the cue that made it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

NATURAL_DISASTER = "NATURAL_DISASTER"
MAN_MADE_DISASTER = "MAN_MADE_DISASTER"
DIPLO = "DIPLO"
ORG_CRIME = "ORG_CRIME"
ATTRIB = "ATTRIB"
NON_ACLED_CODES: tuple[str, ...] = (NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ORG_CRIME, ATTRIB)

MIN_SCORE = 0.45

_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    NATURAL_DISASTER: (
        (r"\b(earthquakes?|quakes?|tremors?|aftershocks?|seismic)\b", 0.8),
        (r"\bmagnitude[- ]\d", 0.6),
        (r"\b(floods?|flooding|flooded|flash[- ]floods?|inundat\w*)\b", 0.7),
        (r"\b(cyclones?|hurricanes?|typhoons?|tornado(e?s)?|tropical storms?)\b", 0.8),
        (r"\b(storms?|heavy rain\w*|torrential|downpours?|monsoon)\b", 0.45),
        (r"\b(wild ?fires?|bush ?fires?|forest fires?)\b", 0.8),
        (r"\b(landslides?|mudslides?|avalanches?|rockfalls?)\b", 0.8),
        (r"\b(droughts?|heat ?waves?|famine|locusts?)\b", 0.6),
        (
            r"\b(epidemics?|pandemic|outbreaks?|cholera|ebola|covid(-19)?|coronavirus|measles|dengue)\b",
            0.45,
        ),
        (r"\b(volcan\w*|eruptions?|erupted|tsunamis?)\b", 0.8),
        (r"\b(natural disasters?|state of calamity|weather (service|office|agency))\b", 0.6),
    ),
    MAN_MADE_DISASTER: (
        (
            r"\b(road|traffic|car|bus|truck|lorry|motorcycle)\s+(accidents?|crash(es)?|collisions?)\b",
            0.75,
        ),
        (r"\b(collided|head-on|overturned|plunged into|veered off)\b", 0.6),
        (
            r"\b(tankers?|bus(es)?|minibus(es)?|trucks?|lorr(y|ies)|cars?|vehicles?|trains?)\b"
            r".{0,40}\b(collided|crashed|overturned|plunged|derailed)\b",
            0.75,
        ),
        (r"\b(derail(ed|ment)?|train (crash|collision))\b", 0.75),
        (r"\b(plane|aircraft|helicopter|airliner)\b.{0,40}\bcrash(ed|es)?\b", 0.55),
        (r"\b(capsiz\w*|shipwreck\w*|ferry sank|boat sank)\b", 0.7),
        (
            r"\b(factory|industrial|gas|chemical|mine|mining|refinery|pipeline|boiler)\s+(explosion|blast|fire|leak|accident|collapse)s?\b",
            0.75,
        ),
        (r"\b(building|bridge|roof|wall|dam|tower|stand)\s+(collapse[ds]?|burst|failure)\b", 0.7),
        (r"\bcollapsed\b", 0.35),
        (r"\b(blackouts?|power (outage|cut|failure)s?)\b", 0.5),
        (
            r"\b(oil spill|contaminat\w*|toxic (leak|waste|fumes|gas)|poisoning|radiation leak)\b",
            0.6,
        ),
        (r"\b(fire broke out|blaze|caught fire|short[- ]circuit)\b", 0.45),
        (r"\b(accident(al|ally)?|mishap|neglect\w*|poorly maintained)\b", 0.45),
        (r"\bstampedes?\b", 0.65),
        # Plants, depots and stores that blow up or burn, leaks and spills, wrecks at sea.
        (
            r"\b(?:plant|factory|warehouse|depot|tanks?|storage|bunker|refinery|containers?|cylinders?|garage"
            r"|silo|boiler|pipeline)\b[^.;]{0,40}?\b(?:explod\w*|blasts?|caught fire|burst|on fire|burned)\b",
            0.7,
        ),
        (
            r"\b(?:leak(?:ed|s|ing|age)?|spill(?:ed|s)?|noxious|plumes? of (?:smoke|chemicals))\b",
            0.55,
        ),
        (r"\b(?:plane|air) crash(?:es)?|crash[- ]land\w*|emergency landing\b", 0.75),
        (r"\b(?:ran aground|broke loose|run aground|sank|sinking)\b", 0.65),
        (r"\b(?:ammonium nitrate|fireworks?|propane|solvents|methanol|toxins)\b", 0.45),
        (r"\b(?:blast|explosion|disaster) site\b", 0.45),
    ),
    DIPLO: (
        (r"\bsanction(s|ed|ing)?\b", 0.7),
        (r"\b(embass(y|ies)|ambassadors?|consulates?|envoys?|charg[ée] d'affaires)\b", 0.55),
        (r"\b(condemn(s|ed|ing|ation)?|denounc\w*|deplor\w*)\b", 0.6),
        (r"\b(calls?|called|urg(es|ed|ing)|appeal(s|ed)?)\s+(on|for|upon|to)\b", 0.45),
        (r"\bdiplomat(s|ic|ically)?\b", 0.6),
        (
            r"\b(summit|bilateral|delegations?|foreign (minister|ministry|office|secretary)|secretary of state)\b",
            0.5,
        ),
        (r"\bthreaten(s|ed|ing)? to\b", 0.45),
        (
            r"\b(praised|welcomed|expressed (its |their |his |her )?(concern|solidarity|support|condolences))\b",
            0.5,
        ),
        (
            r"\b(recall(s|ed)? (its|their) ambassador|expel(s|led)? \w* ?diplomats?|persona non grata)\b",
            0.8,
        ),
        (
            r"\b(security council|united nations|general assembly|european union|african union)\b",
            0.35,
        ),
        (r"\b(statement|spokes(man|woman|person)|told reporters|said in a)\b", 0.2),
    ),
    ORG_CRIME: (
        (r"\b(cartels?|mafia|organi[sz]ed crime|crime (syndicate|ring|boss)|gangsters?)\b", 0.75),
        (r"\bgangs?\b", 0.45),
        (r"\b(smuggl\w*|traffick\w*|contraband)\b", 0.65),
        (
            r"\b(drugs?|narcotics?|cocaine|heroin|methamphetamine|meth|cannabis|marijuana|fentanyl)\b",
            0.45,
        ),
        (
            r"\b(money[- ]launder\w*|corruption|corrupt|brib(e|es|ery|ed)|embezzl\w*|fraud\w*|extortion)\b",
            0.7,
        ),
        (r"\b(cyber[- ]?attacks?|hack(ed|ers?|ing)|ransomware|phishing)\b", 0.7),
        (
            r"\b(robbery|robberies|robbed|robbers?|burglar\w*|theft|thieves|stole|heist|looted a bank)\b",
            0.6,
        ),
        (r"\b(ransom|hit ?m[ae]n|contract killing|assassins? hired)\b", 0.5),
        (r"\b(counterfeit\w*|poach(ing|ers?)|illegal (mining|logging|fishing))\b", 0.6),
    ),
    ATTRIB: (
        (r"\bclaim(s|ed|ing)? (the )?(responsibility|credit)\b", 0.95),
        (r"\b(took|take|takes|assumed) responsibility\b", 0.9),
        (
            r"\bclaim(s|ed|ing)? (the|this|that|Monday's|Sunday's|\w+'s) (attack|bombing|blast|killing|assault|ambush)\b",
            0.85,
        ),
        (r"\b(den(y|ies|ied)|reject(s|ed)) (any )?(involvement|responsibility|role|links?)\b", 0.9),
        (r"\b(no (group|one|organi[sz]ation)|nobody) (has )?(yet |immediately )?claimed\b", 0.9),
        (
            r"\b(blam(e|es|ed|ing)|accus(e|es|ed|ing)|held)\b.{0,80}\b(for|of) (the |this |that )?(attack|bombing|blast|killing|assault|explosion|carrying out)",
            0.75,
        ),
        (
            r"\b(behind|responsible for|perpetrators? of) (the|this|that|these) (attacks?|bombings?|blasts?|killings?|explosions?|assaults?)\b",
            0.6,
        ),
        (r"\battribut(ed|es|ing) (the )?(attack|bombing|blast|killing|explosion)s? to\b", 0.8),
        (r"\b(is|are|was|were) (not )?responsible for\b", 0.75),
        (r"\b(suspected|believed|thought) to (be|have been) behind\b", 0.85),
        (r"\btakes? credit\b", 0.9),
        (r"\baccusations?\b", 0.45),
    ),
}

_COMPILED: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    label: tuple((re.compile(pattern, re.IGNORECASE), weight) for pattern, weight in cues)
    for label, cues in _CUES.items()
}


def nonacled_scores(text: str) -> dict[str, float]:
    """Each class's score in 0..1 (0 when none of its cues occurs)."""
    scores: dict[str, float] = {}
    for label, cues in _COMPILED.items():
        missing = 1.0
        for pattern, weight in cues:
            if pattern.search(text):
                missing *= 1.0 - weight
        scores[label] = round(1.0 - missing, 4)
    return scores


def matched_cues(text: str) -> Mapping[str, list[str]]:
    """The cue patterns that fired, by class (to explain a decision)."""
    return {
        label: [pattern.pattern for pattern, _ in cues if pattern.search(text)]
        for label, cues in _COMPILED.items()
    }


def classify_nonacled(text: str, *, min_score: float = MIN_SCORE) -> tuple[str | None, float]:
    """The best non-ACLED class and its score; ``(None, score)`` when it is under ``min_score``.

    Ties go to the class listed first in ``NON_ACLED_CODES``.
    """
    scores = nonacled_scores(text)
    best = max(NON_ACLED_CODES, key=lambda label: scores[label])
    score = scores[best]
    return (best if score >= min_score else None), score
