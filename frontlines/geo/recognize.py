"""Toponym recognition: candidate spans from gazetteer n-grams, spaCy NER and cue phrases.

``find_spans`` returns ``Candidate`` spans (not yet resolved): each carries where it came
from (``origins``: ``"gazetteer"``, ``"ner"``, ``"cue"``), spaCy's label if any, and what
a cue said about it (``relation``, ``precision``, ``hint``: ``"admin"``, ``"station"``,
``"region"``, ``"valley"``, ``"desert"``, ``"between"``, ``"object"``: a strike's object,
a place only if the gazetteer knows the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_ARTICLE = r"(?:al|el|as|ad|ash|ar|az|at|an|ath|adh|ez|es|ed|er|en)"
# articles that may stand apart ("al Qaim"); "at", "as", "an", "en" ... are also English or
# French words, so they join a name only with a hyphen ("as-Sukhnah"; not "at Balurghat")
_SPACED_ARTICLE = r"(?:al|el|ad|ash|ar|az|ath|adh|ez)"
# an article may be followed by the ayn or hamza mark of the next word ("Umm al-'Amad")
_JOINED_ARTICLE = rf"(?:{_ARTICLE}-['’`]?|{_SPACED_ARTICLE} )"
# capitals: Latin-1's, and those of Kurdish, Turkish and Slavic spellings and of GeoNames'
# romanisation of Arabic ("Şiheil", "İdlib", "Ḩarastā")
_CAPITAL = "A-Z\u00C0-\u00DEŞĞİŠŽČĆŁŚŹŻŇŘŤĎĐĀĒĪŌŪḨḐṬẔṢḌ"
_WORD = rf"(?:[{_CAPITAL}]\w*(?:['’`](?!s\b)\w+)*|[0-9]+)"
_PART = rf"{_JOINED_ARTICLE}?{_WORD}(?:-(?:{_ARTICLE}-['’`]?)?{_WORD})*"
# lowercase particles inside a name: "Santa Cruz de la Sierra", "Vila do Conde"
_PARTICLE = r"(?:de la|de las|de los|del|de|da|das|do|dos|di|of|bin|bani|ibn|abu|umm)"
_LINK = rf"(?:[ ](?:{_JOINED_ARTICLE}|{_PARTICLE}[ -])?)"
_NAME_BODY = rf"{_PART}(?:{_LINK}{_PART}){{0,3}}"
NAME = rf"(?<![\w-]){_NAME_BODY}"
_SIMPLE = rf"(?<![\w-]){_JOINED_ARTICLE}?{_WORD}(?:[ ]{_WORD}){{0,2}}"

_DIRECTIONS = (
    r"north|south|east|west|north-?east|north-?west|south-?east|south-?west"
    r"|northeast|northwest|southeast|southwest"
)
_CALENDAR = (r"(?:January|February|March|April|May|June|July|August|September|October"
             r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# words that open a sentence or a noun phrase, not a name ("The town was", "This area")
_NOT_A_NAME = (r"(?!(?:The|This|That|These|Those|A|An|Its|Our|Their|His|Her|My|Your|Each"
               r"|Every|Any|Some|Another|Which|Whose|One|Old|New)\b)")
_UNIT_OF = r"(?:the\s+)?(?:(?:city|town|village|area|province|governorate|district|countryside|region|suburbs?|outskirts|vicinity|environs|countryside)\s+of\s+)?"

# "between X and Y" names two places only where a stretch of land lies between them ("the
# road between X and Y", "the area between X and Y", "between X and Y villages"); "talks
# between X and Y" are two parties
_SPAN_BETWEEN = (r"\b(?:road|highway|route|area|areas|region|axis|line|frontline|front|border"
                 r"|stretch|fields|lands|positions|desert|countryside)\s+between\s+(?:the\s+)?"
                 rf"(?:(?:towns?|villages?|cities|city)\s+of\s+)?(?!{_CALENDAR})")
_PLACES_AFTER = (r"(?:villages|towns|cities|districts|sub-?districts|areas|neighbou?rhoods"
                 r"|governorates|provinces)\b")

# verbs whose object is a place as often as not ("shelled X", "stormed X")
_STRUCK = (r"shelled|targeted|attacked|struck|bombed|raided|stormed|entered|captured|seized"
           r"|retook|recaptured|regained|pounded|bombarded|overran|besieged|liberated")

# (pattern, relation, precision, hint); group "name" is the toponym, "b" a second one.
_CUES: tuple[tuple[re.Pattern[str], str, int, str], ...] = tuple(
    (re.compile(p), rel, prec, hint)
    for p, rel, prec, hint in (
        (rf"(?:\b\d+(?:\.\d+)?\s*(?:km|kilometers|kilometres|miles|mi)\s+)?\b(?P<rel>{_DIRECTIONS})(?:ern)?\s+of\s+{_UNIT_OF}(?P<name>{NAME})", "", 2, ""),
        (rf"\b(?P<rel>near|outskirts of|around|close to|vicinity of|outside|suburbs of|countryside of|(?:[Dd]esert|[Bb]adia) of|surroundings of|environs of|periphery of|edges? of|fringes of|heart of|cent(?:re|er) of)\s+{_UNIT_OF}(?P<name>{NAME})", "", 2, ""),
        # the people of a place: "residents of X demonstrated"
        (rf"\b(?i:residents|inhabitants|natives|villagers|people|families)\s+of\s+{_UNIT_OF}(?P<name>{NAME})", "", 1, ""),
        # "the town of X", "the northeastern Syrian town of X", "the Kurdish-held city of X"
        (rf"\b(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}?(?:city|town|village|area)\s+of\s+(?P<name>{NAME})", "", 1, ""),
        (rf"\bthe\s+(?:province|governorate|district|region)\s+of\s+(?P<name>{NAME})", "", 3, "admin"),
        (rf"(?P<name>{NAME})\s+(?:province|governorate|Province|Governorate)\b", "", 3, "admin"),
        (rf"(?P<name>{NAME})\s+(?:oblast|Oblast|krai|Krai|region|Region|state)\b", "", 3, "admin"),
        (rf"(?P<name>{NAME})\s+(?:[Ss]ub-?)?(?:district|District)\b", "", 2, "admin"),
        (rf"(?P<name>{NAME})(?:['’]s)?\s+(?:(?:{_DIRECTIONS}|north|south|east|west)(?:ern)?\s+)?(?P<rel>countryside|outskirts|suburbs)\b", "", 2, ""),
        # (a name's own article is not a first place: "Al-Sukhnah desert" is one name)
        (rf"(?P<name>(?!(?i:{_ARTICLE})[-–]){_SIMPLE})\s*[-–]\s*(?P<b>{_NAME_BODY})\s+(?:[Dd]esert|[Hh]ighway|[Rr]oad|[Bb]adia)\b", "between", 3, "between"),
        (rf"(?P<name>{NAME})\s+(?:[Ss]tation|[Pp]umping [Ss]tation)\b", "", 1, "station"),
        # a mountain range named with its English word, the whole name kept ("the Qandil mountains")
        (rf"{_NOT_A_NAME}(?P<name>{NAME}\s+[Mm]ountains)\b", "", 2, ""),
        # a facility named after its place, the whole name kept: "X (Military) Prison", "X Camp"
        (rf"(?<![\w-]){_NOT_A_NAME}(?P<name>{_PART}(?:{_LINK}{_PART}){{0,2}}[ ](?:[Pp]rison|[Jj]ail|[Cc]amp))\b", "", 1, "facility"),
        # "between X and Y": both are places (the event lies between them, beside X)
        (rf"{_SPAN_BETWEEN}(?P<name>{NAME})\s+and\s+(?:the\s+)?{NAME}", "", 2, ""),
        (rf"\bbetween\s+(?P<name>{NAME})\s+and\s+(?:the\s+)?{NAME}\s+{_PLACES_AFTER}", "", 2, ""),
        (rf"{_SPAN_BETWEEN}{NAME}\s+and\s+(?:the\s+)?(?P<name>{NAME})", "", 2, ""),
        (rf"\bbetween\s+{NAME}\s+and\s+(?:the\s+)?(?P<name>{NAME})\s+{_PLACES_AFTER}", "", 2, ""),
        # the theatre's way of naming a locality: "X town in Y countryside", "X axis"
        # (a place's two names, Arabic and Kurdish, may stand side by side: "X - Y town")
        (rf"{_NOT_A_NAME}(?P<name>{NAME}(?:\s+[-–]\s+{_NAME_BODY})?)['’]?\s+(?:town|village|city|hamlet|farms|neighbou?rhood)\b(?!\s+of\b)", "", 1, "locality"),
        # "X and Y villages", "X, Y and Z towns": the first and the last of the named places
        (rf"{_NOT_A_NAME}(?P<name>{NAME})(?:,\s+{NAME}){{0,4}},?\s+and\s+{NAME}\s+(?:towns|villages|hamlets)\b", "", 1, "locality"),
        (rf"{_NOT_A_NAME}{NAME}(?:,\s+{NAME}){{0,4}},?\s+and\s+(?P<name>{NAME})\s+(?:towns|villages|hamlets)\b", "", 1, "locality"),
        # ... or the second in brackets: "Serekaniye (Ras al-Ain) city", both names kept
        (rf"{_NOT_A_NAME}(?P<name>{NAME}\s*\({NAME}\))['’]?\s+(?:town|village|city|hamlet|farms|neighbou?rhood|area)\b(?!\s+of\b)", "", 1, "locality"),
        (rf"\b(?:in|at|near|{_STRUCK})\s+(?!{_CALENDAR})(?P<name>{NAME})\s+in\s+(?:the\s+)?(?=[A-Z])", "", 1, "locality"),
        (rf"{_NOT_A_NAME}(?P<name>{NAME})['’]?\s+(?:(?:village|town)\s+)?(?:axis|front|frontline|badia|plain|(?:border\s+)?crossing|crossing point|border point|camp|area|hills?|heights|farms|(?:air|military)\s+base|airbase)\b(?!\s+of\b)", "", 2, ""),
        # the place a strike or an assault fell on, written as the verb's object and ending
        # its clause ("shelled Manbij.", "stormed Tal Tamer and ..."): not an acronym, not a
        # group named before its fighters ("attacked Kurdish positions")
        (rf"\b(?:{_STRUCK})\s+(?!{_CALENDAR})(?![A-Z]{{2,5}}\b){_NOT_A_NAME}(?P<name>{NAME})(?=\s*(?:[.,;:]|$)|\s+(?:and|on|with|from|after|under|in|at|near|during|amid|before|following|killing|wounding|injuring|leaving|early|late|overnight|yesterday|today|last)\b)", "", 1, "object"),
        (rf"\bthe\s+(?P<name>{NAME})\s+(?:[Dd]esert)\b", "", 3, "desert"),
        (rf"\bthe\s+(?P<name>{NAME}\s+(?:Valley|valley))\b", "", 3, "valley"),
        # an oil or gas field, named before its kind or in apposition after it ("the
        # al-Omar oil field", "Syria's largest oil field, al-Omar,")
        (rf"\bthe\s+(?P<name>(?:[ae]l-)?{_NAME_BODY}\s+(?:[Oo]il|[Gg]as)\s+[Ff]ield)\b", "", 1, ""),
        (rf"\b(?:oil|gas)\s+field,\s+(?P<name>(?:[ae]l-)?{_NAME_BODY})\s*[,(]", "", 1, ""),
        (rf"\b(?P<rel>(?:[Nn]orth|[Ss]outh)-?(?:east|west)ern|[Ss]outhern|[Nn]orthern|[Ee]astern|[Ww]estern|[Cc]entral)\s+(?P<name>{NAME})", "", 2, "part"),
    )
)  # fmt: skip

# For each cue above, words one of which every match of it holds (matched in any case, so a
# superset of what the cue asks): a cue whose words the text lacks is not run at all. A
# line of 100,000 characters of capitalised names ("Aleppo Aleppo ...") cost over a second
# of the name patterns' tries; with no cue word in it, it now costs the look for the words.
# They are looked for in the lower-cased text (``_Gate``): the cues' words are ASCII, and
# lower-casing keeps ASCII letters and white space what they are, so a text a cue matches
# still holds its gate's words.
_CUE_GATE_WORDS: tuple[str, ...] = (
    r"of\s",
    r"near|outskirts|around|close|vicinity|outside|suburbs|countryside|desert|badia|surroundings|environs|periphery"
    r"|edge|fringes|heart|centre|center",
    r"residents|inhabitants|natives|villagers|people|families",
    r"(?:city|town|village|area)\s+of",
    r"the\s+(?:province|governorate|district|region)\s+of",
    r"province|governorate",
    r"oblast|krai|region|state",
    r"district",
    r"countryside|outskirts|suburbs",
    r"desert|highway|road|badia",
    r"station",
    r"mountains",
    r"prison|jail|camp",
    r"between",
    r"between",
    r"between",
    r"between",
    r"town|village|city|hamlet|farms|neighbou?rhood",
    r"towns|villages|hamlets",
    r"towns|villages|hamlets",
    r"\(",
    r"\sin\s",
    r"axis|front|badia|plain|crossing|border|camp|area|hill|heights|farms|base",
    _STRUCK,
    r"desert",
    r"valley",
    r"field",
    r"field,",
    r"southern|northern|eastern|western|central",
)


class _Gate:
    """One cue's gate over a lower-cased text: plain words are found by substring search
    (a single scan each, no pattern), the others by their pattern."""

    __slots__ = ("pattern", "words")

    def __init__(self, words: str) -> None:
        plain = re.fullmatch(r"[a-z]+(?:\|[a-z]+)*", words) is not None
        self.words = tuple(words.split("|")) if plain else ()
        self.pattern = None if plain else re.compile(words)

    def open(self, lowered: str) -> bool:
        if self.pattern is None:
            return any(word in lowered for word in self.words)
        return self.pattern.search(lowered) is not None


_CUE_GATES: tuple[_Gate, ...] = tuple(_Gate(words) for words in _CUE_GATE_WORDS)

_TOKEN = re.compile(r"[^\W_]\w*(?:['’`](?!s\b)\w+)*(?:-['’`]?[^\W_]\w*(?:['’`](?!s\b)\w+)*)*")
_ARTICLE_JOINED = re.compile(rf"^{_ARTICLE}-[A-Z]")
_CONNECTORS = frozenset({"al", "el", "as", "ad", "ash", "ar", "az", "at", "an", "ez", "es",
                         "ed", "de", "del", "of", "bin", "ibn", "abu", "umm", "bani",
                         "la", "las", "los", "da", "das", "do", "dos", "di"})  # fmt: skip
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
MAX_NGRAM = 5
# abbreviations that open a name with their full stop ("St. Gallen", "Mt. Kenya")
_ABBREVIATIONS = frozenset({"St", "Ste", "Sta", "Sto", "Mt", "Ft", "Pt"})


@dataclass(slots=True)
class Candidate:
    """A span that may name a place."""

    start: int
    end: int
    text: str
    origins: set[str] = field(default_factory=set)
    label: str = ""
    relation: str = ""
    precision: int = 0
    hint: str = ""
    second: tuple[int, int, str] | None = None
    kind: str = "toponym"
    country: str = ""
    query: str = ""
    group: int = -1  # the parts of one "Town (District, Province)" share a group number

    @property
    def name(self) -> str:
        """The name to look up (the first place of a "between" span, else the text)."""
        return self.query or self.text

    @property
    def length(self) -> int:
        return self.end - self.start


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (and plural) -> ISO2 (or "@Continent" for "European"...)."""
    from .sources import (
        REGION_DEMONYMS,
        read_demonyms,
    )

    out: dict[str, str] = {w: f"@{r}" for w, r in REGION_DEMONYMS.items()}
    for word, iso in read_demonyms().items():
        if word[:1].isupper():
            out.setdefault(word, iso)
            out.setdefault(word + "s", iso)
    return out


def _split_hyphenated(text: str, start: int, word: str) -> list[tuple[int, int, str]]:
    """Split "Homs-Deir" into two tokens; keep "al-Mayadin", "ez-Zor", "T-2" whole."""
    parts = word.split("-")
    caps = [p[:1].isupper() for p in parts]
    if len(parts) > 1 and all(caps) and all(len(p) > 1 for p in parts):
        out, pos = [], start
        for p in parts:
            out.append((pos, pos + len(p), p))
            pos += len(p) + 1
        return out
    return [(start, start + len(word), word)]


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with offsets (hyphenated Arabic forms kept whole)."""
    return list(_tokens(text))


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """``tokens``, remembered for the last few texts (a page's n-grams and its demonyms
    read the same tokens)."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if "-" in word:
            out.extend(_split_hyphenated(text, m.start(), word))
        else:
            out.append((m.start(), m.end(), word))
    return tuple(out)


def _can_start(word: str) -> bool:
    return word[:1].isupper() or ("-" in word and bool(_ARTICLE_JOINED.match(word)))


def _can_end(word: str) -> bool:
    first = word[:1]
    return first.isupper() or first.isdigit() or ("-" in word and bool(_ARTICLE_JOINED.match(word)))


def _joined(text: str, previous: tuple[int, int, str], start: int) -> bool:
    """True when the token at ``start`` continues the name ``previous`` is part of: a
    space or hyphen between them, or an abbreviation's full stop ("St. Gallen")."""
    gap = text[previous[1] : start]
    return gap in (" ", "-") or (gap == ". " and previous[2] in _ABBREVIATIONS)


def ngrams(text: str) -> list[tuple[int, int, str]]:
    """Capitalised token n-grams (1..5 tokens) that may name a place."""
    toks = _tokens(text)
    ends = [_can_end(word) for _, _, word in toks]
    out: list[tuple[int, int, str]] = []
    for i, (start, _end, word) in enumerate(toks):
        if not _can_start(word):
            continue
        if ends[i]:
            out.append((start, _end, text[start:_end]))
        for j in range(i + 1, min(i + MAX_NGRAM, len(toks))):
            if not _joined(text, toks[j - 1], toks[j][0]):
                break
            if ends[j]:
                out.append((start, toks[j][1], text[start : toks[j][1]]))
            elif toks[j][2].lower() not in _CONNECTORS:
                break
    return out


def cue_candidates(text: str) -> list[Candidate]:
    """Spans that a cue phrase marks as places."""
    out: list[Candidate] = []
    lowered = text.lower()
    for (pattern, relation, precision, hint), gate in zip(_CUES, _CUE_GATES, strict=True):
        if not gate.open(lowered):
            continue  # none of the words the cue needs: it cannot match
        for m in pattern.finditer(text):
            start, end = m.span("name")
            if m.group("name")[:1].isdigit():
                continue  # "around 50 residents"
            rel = relation
            groups = m.groupdict()
            if groups.get("rel"):
                rel = groups["rel"].lower().replace("-", "")
                if re.fullmatch(_DIRECTIONS, rel):
                    rel = f"{rel} of"
            cand = Candidate(start, end, m.group("name"), {"cue"}, relation=rel,
                             precision=precision, hint=hint)  # fmt: skip
            if groups.get("b"):
                b0, b1 = m.span("b")
                cand.second = (b0, b1, m.group("b"))
                cand.query, cand.end = cand.text, m.end()
                cand.text = text[start : m.end()]
            out.append(cand)
    return out


UNIT_WORDS = (
    r"city|town|village|municipality|rural municipality|district|sub-?county|kebele|woreda"
    r"|township|locality|tehsil|area|neighbou?rhood|commune|county|province|region|state"
    r"|governorate|department|prefecture|ward|upazila|regency|sub-?district"
)
_UNIT = rf"(?:\s+(?:{UNIT_WORDS}))?"
_KO_UNIT = r"(?:-(?:si|gun|gu|dong))?"  # Korean units: "Jongno-gu"
_SEP = r"(?:,\s*|\s+[-–]\s+)"  # "(Lot, Occitanie)", "(Seoul City - Jongno)"
_PAREN_ADMIN = re.compile(
    rf"(?P<name>{NAME}{_KO_UNIT}){_UNIT}\s+\((?P<a>{NAME}){_UNIT}(?:{_SEP}(?P<b>{NAME}){_UNIT})?"
    rf"(?:{_SEP}(?P<c>{NAME}){_UNIT})?(?:{_SEP}(?P<d>{NAME}){_UNIT})?\)"
)


_LOCATIVE = re.compile(rf"\b(?:in|at|near|of|{_STRUCK})\s+$")


def paren_admin_candidates(text: str) -> list[Candidate]:
    """ACLED-style "in Cahors (Lot, Occitanie)": a place followed by its divisions in
    parentheses; each part is a cued candidate, the divisions hinted as admin units."""
    out: list[Candidate] = []
    for number, m in enumerate(_PAREN_ADMIN.finditer(text)):
        unit = m.end("name") < m.start("a") - 2
        before = text[max(0, m.start() - 12) : m.start()]
        if m.group("b") is None and not unit and not _LOCATIVE.search(before):
            continue  # "the United Nations (UN)": one part needs "in/at/near" before it
        for group in ("name", "a", "b", "c", "d"):
            if m.group(group) is None or m.group(group)[:1].isdigit():
                continue
            start, end = m.span(group)
            hint = "" if group == "name" else "admin"
            precision = 1 if group == "name" else 2 if group == "a" else 3
            out.append(Candidate(start, end, m.group(group), {"cue"}, precision=precision,
                                 hint=hint, group=number))  # fmt: skip
    return out


# "the Old City of Raqqa": a part of a town named before the town; the town is the place
_PART_HEAD = re.compile(
    r"(?:Old\s+City|Old\s+Town|City|Port|Outskirts|Suburbs|Countryside|Centre|Center)\s+of\s+"
    r"(?:the\s+)?"
)


def ner_candidates(doc: Any) -> list[Candidate]:
    """spaCy entities: GPE/LOC/FAC are place candidates, the others are kept as vetoes."""
    out: list[Candidate] = []
    for ent in doc.ents:
        text = ent.text
        offset = ent.start_char
        for piece in text.split("\n"):
            start, stripped = offset + len(piece) - len(piece.lstrip()), piece.strip()
            offset += len(piece) + 1
            if stripped.lower().startswith("the "):
                start, stripped = start + 4, stripped[4:]
            part = _PART_HEAD.match(stripped)
            if part is not None and part.end() < len(stripped):
                start, stripped = start + part.end(), stripped[part.end() :]
            if stripped:
                end = start + len(stripped)
                out.append(Candidate(start, end, stripped, {"ner"}, label=ent.label_))
    return out


def demonym_candidates(text: str) -> list[Candidate]:
    """Words like "Syrian", "Iraqis", "Qatari" -> demonym candidates with the country."""
    table = demonyms()
    out: list[Candidate] = []
    for start, end, word in _tokens(text):
        iso = table.get(word)
        if iso:
            hint = "force" if _FORCE_AFTER.match(text, end) else ""
            out.append(Candidate(start, end, word, {"demonym"}, kind="demonym", country=iso,
                                 hint=hint))  # fmt: skip
    for m in _ATTRIBUTIVE.finditer(text):
        if _FORCE_AFTER.match(text, m.end()):
            out.append(Candidate(m.start(), m.end(), m.group(0), {"demonym"}, kind="demonym",
                                 country=_ATTRIBUTIVE_CODES[m.group(0)], hint="force"))  # fmt: skip
    return out


# a country's abbreviation written before its forces ("U.S. troops", "UK jets") is used as
# a nationality, not as the place: the forces' country, not where they are
_ATTRIBUTIVE_CODES = {"U.S.": "US", "US": "US", "U.K.": "GB", "UK": "GB"}
_ATTRIBUTIVE = re.compile(r"(?<![\w.])(?:U\.S\.|US|U\.K\.|UK)(?=\s)")


# a nationality naming an armed force ("Turkish drones struck ...", "Russian warplanes"):
# hint "force", half the focus evidence of another nationality word
_FORCE_AFTER = re.compile(
    r"\s+(?:(?:army|military|air|armed|security|border|special|backed|led|allied|regime"
    r"|government|occupation|intelligence|fighter|combat|attack|war)[\s-]+)?(?:forces?|army|military"
    r"|troops|soldiers|drones?|warplanes?|jets?|aircraft|helicopters?|artillery|airstrikes?|air ?force"
    r"|intelligence|guards?|militias?|police|gendarmerie|navy|patrols?|convoys?|tanks?|bases?"
    r"|embass(?:y|ies)|consulates?|personnel|contractors?|servicem[ae]n|service members"
    # a country's border says the place is near that country, not in it ("fled towards the
    # Turkish border")
    r"|border|borders|frontier)\b",
    re.I,
)


def merge(cands: Iterable[Candidate]) -> dict[tuple[int, int], Candidate]:
    """Merge candidates with the same span (origins and cue facts combined)."""
    merged: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = (c.start, c.end)
        old = merged.get(key)
        if old is None:
            merged[key] = c
            continue
        old.origins |= c.origins
        old.label = old.label or c.label
        if c.kind == "demonym":
            old.kind, old.country = c.kind, c.country
        if c.relation and not old.relation:
            old.relation = c.relation
        old.precision = max(old.precision, c.precision)
        old.hint = old.hint or c.hint
        old.second = old.second or c.second
        old.group = max(old.group, c.group)
    return merged
