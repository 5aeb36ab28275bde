"""Armed groups a note names that the actor registry does not list.

ACLED names a group it has no fixed entry for by the group's own name, prefixed with
its acronym when the report gives one ("Zomi Revolutionary Army (ZRA)" is
"ZRA: Zomi Revolutionary Army"). A name counts as a group's when it is a run of
capitalised words ending in a group noun ("... Liberation Front", "... Brigade",
"... Gang", "... PDF"); weak nouns ("Front", "Movement", "Union", "Group") need a
militant word in the name ("Liberation", "Revolution", "Defense") or an armed word
beside it ("... Front fighters"), so that parties and trade unions in protest reports
are not taken for armed groups. State bodies ("National Guard", "Border Guard Police",
"Air Force") never count.

A branch named for its town keeps it ("Urban Revolutionary Force - Bhamo").

It also builds names from the words of the text, as ACLED does:

- "<Name> ethnic militia", "<Name> clan militia", "<Name> pastoral militia",
  "<Name> communal militiamen", "<Name> tribesmen" are "<Name> Ethnic Militia
  (<country>)", "<Name> Clan Militia (<country>)", "<Name> Tribal Militia (<country>)"
  and the like (identity militias, inter 4);
- "Katiba <Name>", the Sahel jihadist brigades, keep that name;
- "Mayi Mayi <Name>" is the faction "Mayi Mayi Militia (<Name>)".

Local branches of Myanmar's People's Defense Force keep the qualifier ACLED keeps
("People's Defense Force - Saw Township", "... - Shwebo District"), whichever way the
town is written ("People's Defense Force (Kalay)", "PDF-Kalay"); a branch with a name of
its own ("Black Wolf PDF") keeps that name.
"""

from __future__ import annotations

import re

from ...records import Actor, Span

LOCAL_PDF = "People's Defense Force - {name}"

# Group nouns that make a capitalised name an armed group's by themselves.
_STRONG = (
    "Army", "Armies", "Brigade", "Brigades", "Battalion", "Battalions", "Militia", "Guerrillas",
    "Guerrilla Force", "Guerrilla Forces", "Task Force", "Gang", "Cartel", "Boys", "PDF", "LDF",
    "Warriors", "Warrior Force", "Resistance", "Commandos", "Rangers", "Defense Force",
    "Defence Force", "Defense Forces", "Defence Forces",
)  # fmt: skip
# Group nouns that need a militant word in the name or an armed word beside it.
_WEAK = (
    "Front", "Movement", "Union", "Organisation", "Organization", "Group", "Force", "Forces",
    "Team", "Alliance", "Network", "Council", "Tigers", "Tiger", "Leopards", "Leopard",
    "Dolphins", "Dragons", "Eagles",
)  # fmt: skip
_LOWER_HEADS = ("gang", "cartel")  # "Los Garibay gang", "the Pix gang"
_REBEL_HEADS = frozenset(
    {"Army", "Armies", "Front", "Movement", "Union", "Organisation", "Organization"}
)
_GANG_HEADS = frozenset({"Gang", "Cartel", "gang", "cartel"})

_MILITANT = frozenset(
    {
        "liberation", "revolution", "revolutionary", "resistance", "guerrilla", "guerrillas",
        "defense", "defence", "armed", "islamic", "jihad", "mujahideen", "militant",
        "insurgent", "salvation", "patriotic", "self-defense", "self-defence", "fighters",
        "warrior", "warriors", "commando",
    }
)  # fmt: skip
# "Front fighters", "militants of the ... Movement": an armed word beside the name.
_ARMED_BESIDE = re.compile(
    r"\b(?:militants?|fighters?|rebels?|insurgents?|cadres?|gunmen|combatants?|militiam[ae]n"
    r"|armed groups?|armed wing|guerrillas?|joint forces|combined forces?|defen[cs]e forces?"
    r"|resistance forces|PDFs?)\b",
    re.I,
)
_BESIDE = 40  # characters either side in which an armed word counts

# Words that make a name a state body, a party, a union or a business, never an armed group.
_VETO = frozenset(
    {
        "police", "guard", "guards", "gendarmerie", "navy", "naval", "marine", "marines", "air",
        "ministry", "government", "party", "congress", "students", "student", "workers",
        "teachers", "trade", "labour", "labor", "association", "federation", "confederation",
        "committee", "company", "corporation", "bank", "university", "commission", "court",
        "hospital", "agency", "news", "radio", "television", "parliament", "assembly",
        "peacekeeping", "nations", "coalition", "coast", "presidential", "republican",
        "customs", "border", "soviet", "immigration", "prison", "prisons", "intelligence", "strip",
        "infantry", "mechanized", "mechanised", "armoured", "armored", "artillery", "airborne",
        "reinforcement", "military", "authority", "authorities", "directorate", "department",
    }
)  # fmt: skip
# Administrative words: a body of the state unless the name holds a militant word.
_ADMIN = frozenset(
    {"district", "township", "province", "region", "state", "county", "city", "village"}
)
# Words that open a clause or qualify a group rather than name it; stripped from the front.
_LEAD = frozenset(
    {
        "the", "a", "an", "on", "in", "at", "by", "of", "from", "with", "and", "or", "but",
        "as", "to", "for", "after", "before", "during", "while", "when", "then", "also",
        "meanwhile", "both", "members", "member", "fighters", "militants", "suspected",
        "alleged", "presumed", "local", "joint", "combined", "rival", "armed", "unidentified",
        "unknown", "several", "some", "other", "another", "its", "their", "his", "her", "this",
        "that", "these", "those", "reportedly", "around", "about", "near", "between",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "pro", "anti", "new", "former", "newly",
    }
)  # fmt: skip
# Words that say what kind of body it is without naming it ("the Special Task Force").
_GENERIC = frozenset(
    {
        "special", "task", "joint", "rapid", "reaction", "support", "security", "national",
        "regional", "local", "popular", "people's", "people’s", "peoples", "people",
        "revolutionary", "liberation", "defense", "defence", "self-defense", "self-defence",
        "armed", "forces", "force", "united", "islamic", "resistance", "civil", "civilian",
        "guerrilla", "mobile", "quick", "response", "unit", "units", "group", "front",
        "movement", "army", "militia", "tactical", "operations", "operation", "field", "first",
        "second", "third", "northern", "southern", "eastern", "western", "central",
    }
)  # fmt: skip
_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "los", "las", "al", "el", "and", "the"})
_WORD = r"(?:[A-Z][\w'’&.-]*|\d+(?:st|nd|rd|th)?|of|for|de|del|la|los|las|al|el|and|the)"
_HEAD = re.compile(
    r"(?<![\w-])(?P<head>"
    + "|".join(re.escape(h) for h in sorted((*_STRONG, *_WEAK), key=len, reverse=True))
    + r"|(?i:gang|cartel))(?![\w-])"
)
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\)")
_LAST_WORD = re.compile(rf"(?P<w>{_WORD}) $")


def named_groups(text: str) -> list[tuple[Span, Actor]]:
    """Armed groups named in ``text`` by a capitalised name, a militia kind or a PDF
    branch, in text order."""
    hits = [
        *_headed(text),
        *_acronymed(text),
        *_identity_militias(text),
        *_katibas(text),
        *_arabic_headed(text),
        *_factions(text),
        *_pdf_branches(text),
    ]
    return sorted(hits, key=lambda hit: (hit[0].start, -hit[0].end))


def _headed(text: str) -> list[tuple[Span, Actor]]:
    hits: list[tuple[Span, Actor]] = []
    for match in _HEAD.finditer(text):
        head = match.group("head")
        if head.islower() and head not in _LOWER_HEADS:
            continue
        words = _name_before(text, match.start())
        found = _group(text, words, head, match.end())
        if found is not None:
            hits.append(found)
    return hits


def _name_before(text: str, end: int) -> list[tuple[int, str]]:
    """The capitalised words (with their starts) right before ``end``, nearest last,
    stopped by punctuation or a lower-case word that is not a connector."""
    words: list[tuple[int, str]] = []
    pos = end
    while len(words) <= 8:
        match = _LAST_WORD.search(text, max(0, pos - 60), pos)
        if match is None or (match.start() > 0 and not text[match.start() - 1].isspace()):
            break
        words.insert(0, (match.start(), match.group("w")))
        pos = match.start()
    return _cut(words)


def _cut(words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The name's own words: without a leading clause word ("On", "the", "suspected"),
    a title before it ("Head of the ..."), or an earlier name joined by "and"
    ("Kogbagidi Boys and Willoughby Boys"); "and" after "of"/"for" belongs to one name
    ("Union of Forces for Peace and Renewal")."""
    while words and (words[0][1].lower() in _LEAD or words[0][1] in _CONNECTORS):
        words = words[1:]
    for index, (_, word) in enumerate(words):
        if word.lower() in _TITLES or word.endswith("."):
            return _cut(words[index + 1 :])
        if word == "and" and not any(w in ("of", "for") for _, w in words[:index]):
            return _cut(words[index + 1 :])
        if word in _HEAD_WORDS and index < len(words) - 1 and words[index + 1][1] == "and":
            return _cut(words[index + 2 :])
    return words


# Titles and parts of a group that come before its name ("Head of the ...").
_TITLES = frozenset(
    {
        "head", "leader", "leaders", "chief", "commander", "commanders", "spokesman",
        "spokesperson", "founder", "lieutenant", "colonel", "captain", "general", "major",
        "sergeant", "brigadier", "batch", "training", "camp", "base", "office", "headquarters",
        "wing", "branch", "faction", "unit", "members", "fighters",
    }
)  # fmt: skip


_HEAD_WORDS = frozenset((*_STRONG, *_WEAK))


def _group(
    text: str, words: list[tuple[int, str]], head: str, head_end: int
) -> tuple[Span, Actor] | None:
    """The group named by ``words`` and its group noun ``head`` (ending at ``head_end``),
    or None when the words name no armed group."""
    if not words:
        return None
    names = [w for _, w in words]
    if words[-1][1] in _CONNECTORS or words[0][1][0].isdigit():
        return None  # "the 5th ... Brigade": a numbered unit of a state force
    suffix = _PLACE_SUFFIX.match(text, head_end)
    lowered = [w.lower().strip(".'’") for w in names]
    heads = head.lower().split()
    militant = any(w in _MILITANT for w in (*lowered, *heads))
    if _vetoed([*lowered, *heads], militant):
        return None
    own = [w for w in lowered if w not in _GENERIC and w not in _CONNECTORS]
    if not (own or suffix) or (head == "PDF" and not _pdf_named(names)):
        return None
    if head in _WEAK and not _weak_ok(text, words[0][0], head_end, len(names), militant):
        return None
    start = words[0][0]
    name = " ".join((*names, head.capitalize() if head in _LOWER_HEADS else head))
    end = head_end
    if suffix is not None:
        # "Urban Revolutionary Force - Bhamo": the town a branch is named for.
        name, end = f"{name} - {suffix.group('place')}", suffix.end()
    acronym = _ACRONYM.match(text, end)
    if acronym is not None and _initials_match(acronym.group("acr"), names, head):
        name = f"{acronym.group('acr')}: {name}"
        end = acronym.end()
    return Span(start, end, text[start:end]), Actor(name, _inter(head, lowered))


def _vetoed(lowered: list[str], militant: bool) -> bool:
    """A state body, party, union or business; an administrative word ("Lagos State
    Task Force") only without a militant word ("Mon State Revolutionary Union")."""
    if any(w in _VETO for w in lowered):
        return True
    return not militant and any(w in _ADMIN for w in lowered)


def _weak_ok(text: str, start: int, end: int, size: int, militant: bool) -> bool:
    """A weak group noun ("Group", "Front") names an armed group when the name holds a
    militant word, or an armed word stands beside it, or the name is the subject of an
    armed act ("the Ye Hills Group shot ...")."""
    if _ARMED_ACT.match(text, end) or _armed_near(text, start, end):
        return True
    return militant and size >= 2


# "- Bhamo" after a group's name: the town its branch is named for.
_PLACE_SUFFIX = re.compile(r" - (?P<place>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[\s,.;)]|$)")
_ARMED_ACT = re.compile(
    r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:also|then|later|allegedly|reportedly)\s+)?"
    r"(?:ambushed|attacked|shot|fired|bombed|raided|clashed|killed|abducted|kidnapped"
    r"|detonated|destroyed|torched|burned|burnt|shelled|seized|executed|assassinated|hurled"
    r"|threw|carried out (?:an? )?(?:attack|ambush|raid|mine attack|bomb attack))\b"
)


def _acronymed(text: str) -> list[tuple[Span, Actor]]:
    """ "Union of Forces for Peace and Renewal (UFPR) militants": a name whose
    initials the bracketed acronym spells, with a group noun or militant word in it or an
    armed word beside it. Names ending in a group noun are :func:`_headed`'s."""
    hits: list[tuple[Span, Actor]] = []
    for match in _ACRONYM.finditer(text):
        words = _name_before(
            text, match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        )
        words = _spelled(words, match.group("acr"))
        if not words or words[-1][1] in _HEAD_WORDS:
            continue
        names = [w for _, w in words]
        lowered = [w.lower().strip(".'’") for w in names]
        armed = any(w in _MILITANT or w.capitalize() in _STRONG for w in lowered)
        if _vetoed(lowered, any(w in _MILITANT for w in lowered)):
            continue
        if not armed and not _armed_near(text, words[0][0], match.end()):
            continue
        start = words[0][0]
        name = f"{match.group('acr')}: {' '.join(names)}"
        inter = 2 if "liberation" in lowered or "revolutionary" in lowered else 3
        hits.append((Span(start, match.end(), text[start : match.end()]), Actor(name, inter)))
    return hits


def _spelled(words: list[tuple[int, str]], acronym: str) -> list[tuple[int, str]]:
    """The shortest tail of ``words`` whose initials spell ``acronym``; [] if none does."""
    for size in range(1, len(words) + 1):
        tail = words[-size:]
        if tail[0][1] in _CONNECTORS:
            continue
        if _initials_match(acronym, [w for _, w in tail], ""):
            return tail
    return []


def _pdf_named(names: list[str]) -> bool:
    """ "Black Wolf PDF" has a name of its own; "Tamu PDF" and "Shwebo District PDF" are
    town branches."""
    return len(names) >= 2 and names[-1] not in ("District", "Township")


def _armed_near(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - _BESIDE) : start] + " " + text[end : end + _BESIDE]
    return _ARMED_BESIDE.search(window) is not None


def _initials_match(acronym: str, names: list[str], head: str) -> bool:
    letters = [w[0] for w in (*names, *head.split()) if w not in _CONNECTORS and w[0].isalpha()]
    wanted = re.sub(r"[^A-Z]", "", acronym.upper())
    spelled = "".join(letters).upper()
    if len(wanted) < 2:
        return False
    # A name translated from Spanish or French keeps its acronym's letters in another order.
    return spelled == wanted or (len(wanted) >= 3 and sorted(spelled) == sorted(wanted))


def _inter(head: str, lowered: list[str]) -> int:
    if head in _GANG_HEADS:
        return 3
    if head in _REBEL_HEADS or "liberation" in lowered:
        return 2
    return 3


_IDENTITY = re.compile(
    r"(?P<name>(?:(?:Al|Bani|Beni|Bin|Ahl) )?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){0,3})\s+"
    r"(?:(?P<kind>(?i:ethnic|clan|sub[- ]clan|indigenous|communal|pastoral(?:ist)?|tribal))\s+"
    r"(?i:militia(?:s|men)?|militia members?|fighters)|tribesm[ae]n)\b"
)
# peoples and faiths, which a tribe belongs to but is not named by
_PEOPLES = frozenset({"arab", "bedouin", "kurdish", "turkmen", "sunni", "shia", "shiite", "druze"})
_KINDS = {
    "communal": "Communal Militia",
    "pastoral": "Ethnic Militia",
    "pastoralist": "Ethnic Militia",
    "ethnic": "Ethnic Militia",
    "clan": "Clan Militia",
    "sub-clan": "Sub-Clan Militia",
    "sub clan": "Sub-Clan Militia",
    "indigenous": "Indigenous Militia",
    "tribal": "Tribal Militia",
}


def _identity_militias(text: str) -> list[tuple[Span, Actor]]:
    """ "Batwa ethnic militiamen", "Marehan clan militia", "Bani Ghazi tribesmen": ACLED's
    identity militias, "<Name> Ethnic Militia (<country>)" and the like."""
    hits: list[tuple[Span, Actor]] = []
    for match in _IDENTITY.finditer(text):
        parts = match.group("name").split(" ")
        offset = match.start("name")
        while parts and (parts[0].lower() in _LEAD or not parts[0][:1].isupper()):
            offset += len(parts[0]) + 1
            parts.pop(0)
        if not parts or any(p.lower() in _VETO or p.lower() in _ADMIN for p in parts):
            continue
        kind = _KINDS[(match.group("kind") or "tribal").lower()]
        if kind == "Tribal Militia" and " ".join(parts).lower() in _PEOPLES:
            continue  # "Arab tribal fighters": a people, not the tribe's name
        name = f"{' '.join(parts)} {kind} ({{country}})"
        span = Span(offset, match.end(), text[offset : match.end()])
        hits.append((span, Actor(name, 4)))
    return hits


# "Mayi Mayi Yakutumba": a faction of a listed militia, named in brackets after it.
_MAYI_MAYI = re.compile(
    r"\b(?:Mayi[- ]Mayi|Mai[- ]Mai)\s+(?P<name>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})"
)


def _factions(text: str) -> list[tuple[Span, Actor]]:
    hits: list[tuple[Span, Actor]] = []
    for match in _MAYI_MAYI.finditer(text):
        name = match.group("name")
        if name.split()[0] in _HEAD_WORDS or name.split()[0].lower() in _LEAD:
            continue
        span = Span(match.start(), match.end(), match.group(0))
        hits.append((span, Actor(f"Mayi Mayi Militia ({name})", 3, "CD")))
    return hits


_KATIBA = re.compile(r"(?<![\w-])Katiba\s+(?P<name>[A-Z][\w'-]+)")


def _katibas(text: str) -> list[tuple[Span, Actor]]:
    return [
        (Span(m.start(), m.end(), m.group(0)), Actor(f"Katiba {m.group('name')}", 2))
        for m in _KATIBA.finditer(text)
    ]


# an armed group named the Arabic way, by its kind first: "Jaish al-Izza" (the Army of
# Izza), "Liwa al-Quds", "Faylaq al-Sham", "Saraya Awliya al-Dam"; ACLED writes the name
# without hyphens ("Jaish al Izza")
_ARABIC_HEAD = re.compile(
    r"(?<![\w-])(?P<name>(?:Jaish|Jaysh|Liwa|Liwaa|Kataib|Kata['’]ib|Saraya|Harakat|Faylaq|Failaq"
    r"|Jabhat|Firqat|Quwat|Alwiyat|Ahrar|Hurras|Junud)"
    r"(?:[- ](?:al|el|ad|as|ash|ar|at|az|an|Al|Ad|As|Ash|Ar|At|Az|An)[- ]['’]?|[ ])"
    r"[A-Z][\w'’]+(?:[- ](?:(?:al|el)[- ])?[A-Z][\w'’]+){0,2})"
)


def _arabic_headed(text: str) -> list[tuple[Span, Actor]]:
    hits: list[tuple[Span, Actor]] = []
    for match in _ARABIC_HEAD.finditer(text):
        name = re.sub(r"\s*-\s*|\s+", " ", match.group("name"))
        hits.append((Span(match.start(), match.end(), match.group(0)), Actor(name, 2)))
    return hits


_PDF_QUALIFIED = re.compile(
    r"\bPeople['’]s Defen[cs]e Force\s+-\s+(?P<name>[A-Z][\w'-]+)\s+(?P<unit>township|district)\b",
    re.I,
)
_PDF_UNIT_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]*)?)\s+(?P<unit>District|Township)\s+"
    r"(?:PDF|People['’]s Defen[cs]e Force)\b"
)


# "People's Defense Force (Kalay)", "People's Defense Force Kalay", "PDF-Kalay".
_PDF_TOWN_AFTER = re.compile(
    r"\bPeople['’]s Defen[cs]e Force(?: \((?P<a>[A-Z][a-z]+)\)| (?P<b>[A-Z][a-z]+)\b(?![\w'-]| [A-Z(]))"
    r"|\bPDF-(?P<c>[A-Z][a-z]+)\b(?![\w'-]| [A-Z])"
)
_PDF_TWO_WORDS = re.compile(
    r"\bPeople['’]s Defen[cs]e Force\s+-\s+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)(?=[,;.)]|\s+and\b)"
)


def _pdf_branches(text: str) -> list[tuple[Span, Actor]]:
    """ "People's Defense Force - Saw township", "Shwebo District PDF": a town branch named
    with its unit, as ACLED names it; "People's Defense Force - Kaung Kin": a town of two
    words."""
    hits: list[tuple[Span, Actor]] = []
    for pattern in (_PDF_QUALIFIED, _PDF_UNIT_BEFORE, _PDF_TWO_WORDS):
        for match in pattern.finditer(text):
            if match.group("name").split()[0].lower() in _LEAD:
                continue
            name = match.group("name")
            if "unit" in pattern.groupindex:
                name = f"{name} {match.group('unit').capitalize()}"
            span = Span(match.start(), match.end(), match.group(0))
            hits.append((span, Actor(LOCAL_PDF.format(name=name), 3, "MM")))
    for match in _PDF_TOWN_AFTER.finditer(text):
        town = match.group("a") or match.group("b") or match.group("c")
        if town.lower() in _LEAD or town in _HEAD_WORDS or town.lower() in _GENERIC:
            continue
        span = Span(match.start(), match.end(), match.group(0))
        hits.append((span, Actor(LOCAL_PDF.format(name=town), 3, "MM")))
    return hits
