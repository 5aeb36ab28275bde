"""Reading place chains in text: "Village (District, Province)", "Town, Province",
"(coded to Town, District)" and ACLED's "City - Quarter".

A chain is a place and the admin units qualifying it, most specific first, with the
offsets of each name; ``pick_chain`` chooses the one an event is placed by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...records import Mention

_UP = "A-ZÀ-ÖØ-Þ"
# A capitalised unit word ends a name: "Anka LGA", "Ayod County" are Anka and Ayod.
_CAP_UNIT = (
    r"(?:LGA|County|District|Township|Woreda|Municipality|Tehsil|Upazila|Sub-County)\b"
    rf"(?!\s+(?:[{_UP}]|of\b))"  # "District Court", "District of Columbia" are names
)
# a capitalised word; a dot only inside it ("St.Louis") or after a short abbreviation
# ("St. Louis"), never a sentence's full stop ("Chuhuiv, Mykolaiv. The Russian ...")
_WORD = rf"(?!{_CAP_UNIT})(?:(?:St|Ste|Mt|Ft|Pt|Sta|Sto)\.|[{_UP}][\w'’`&-]*(?:\.[\w'’`&-]+)*)"
_JOIN = r"(?:of|de los|de las|de la|de|da|do|dos|das|del|di|della|delle|dei|degli|van|von|der|den|les|lès|sous|en|la|le|el|al|an|ash|ad|ar|as|at|az|wa|bin|ibn|imeni|y|e|sur|na|nad|am|im)"
# an Arabic article joined to the next word by a hyphen: "Kharab an-Nawaf", "Bir al-Zamlah"
_ARTICLE = r"(?:al|el|an|ash|ad|ar|as|at|az|ath|adh|ez|es|ed|en|er)-['’`]?"
_NAME = rf"(?:{_ARTICLE})?{_WORD}(?:(?:\s+{_JOIN})?\s+(?:{_ARTICLE})?{_WORD}|\s+-\s+(?:\d+\s+)?{_WORD})*"
NAME_PATTERN = _NAME  # a capitalised place name, joined words included ("San Pietro di Mora")
_UNIT = (
    r"(?i:village|town|city|township|district|sub-?district|municipality|county|region|state"
    r"|province|governorate|department|prefecture|oblast|raion|rayon|woreda|zone|LGA|area"
    r"|commune|territorial community|hromada|community|tehsil|taluka|upazila|union|ward"
    r"|neighbou?rhood|locality|refugee camp|camp|sector|division|parish|emirate|special woreda)"
)
_PART = rf"({_NAME})(?:\s+{_UNIT})?"
# An aside between a place and its units: "(coded to district level)", "(location unclear)"
_ASIDE = r"(?:\s*\((?:coded (?:to|as) [a-z -]+|location unclear|as reported)\))?"
_CHAIN_PAREN = re.compile(rf"{_PART}{_ASIDE}\s*\(\s*{_PART}((?:\s*,\s*{_PART})*)\s*\)")
_CHAIN_COMMA = re.compile(rf"{_PART}((?:\s*,\s*{_PART}){{1,3}})(?=\s*(?:[.;:)]|$|,?\s+[a-z0-9]))")
# "City - Quarter" written alone: the quarter inside the city
_CHAIN_QUARTER = re.compile(rf"({_NAME})()")
_CODED = re.compile(
    rf"\b(?:(?:[Ll]ocations?\s+)?coded|Coded)\s+(?:to|as)\s+(?:near(?:\s+by)?\s+|the\s+)?(?:(?:[a-z]+\s+)?capital,?\s+)?{_PART}"
    rf"((?:\s*,\s*(?:in\s+)?{_PART})*(?:\s*\)?\s*\(\s*{_PART}(?:\s*,\s*{_PART})*(?=\s*\)))?)"
)
_MORE = re.compile(rf"\s*\)?\s*[,(]\s*(?:in\s+)?{_PART}")
_REGION_UNIT = re.compile(
    r"\s+(?:region|state|province|governorate|department|prefecture|oblast|county|district"
    r"|zone|emirate|woreda|raion|rayon)\b"
)
# a unit below the province: named alone, ACLED codes it to its main town at precision 2
_DISTRICT_UNIT = re.compile(r"\s+(?:district|woreda|raion|rayon)\b")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|into|on|close to|outskirts of|across|within)\s+(?:the\s+)?$",
    re.I,
)
# the gap of "X town in Y": Y is the area the town X lies in (a chain after it qualifies X,
# and the place choice reads Y as X's area)
SETTLEMENT_IN = re.compile(r"['’]?\s+(?:towns?|villages?|hamlets?)\s+(?:in|of)\s+$", re.I)
# the gap of "X in Y, Z", "X town in Y": a place written directly inside the chain after it
PLACE_IN = re.compile(r"['’]?(?:\s+(?:towns?|villages?|hamlets?))?\s+in\s+$|" + SETTLEMENT_IN.pattern, re.I)
_STOP = {"The", "On", "In", "At", "A", "An", "Around", "Near", "During", "Between", "And"}


@dataclass(frozen=True, slots=True)
class Chain:
    """A place and the admin units qualifying it, most specific first."""

    names: tuple[str, ...]
    starts: tuple[int, ...]
    end: int
    coded: bool = False
    region_head: bool = False
    district_head: bool = False  # the head is named as a district ("Klynove district")
    towns: tuple[int, ...] = ()  # levels that are the city of a "City - Quarter"

    @property
    def quarter(self) -> bool:
        """True when the head is a quarter split from "City - Quarter"."""
        return 1 in self.towns

    @property
    def start(self) -> int:
        return self.starts[0]


def _clean(name: str, start: int) -> tuple[str, int]:
    words = name.split(" ")
    while words and words[0] in _STOP:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _parts(match: re.Match[str], tail_group: int, base: int) -> tuple[list[str], list[int]]:
    names, starts = [], []
    for group in range(1, tail_group):
        if match.group(group):
            name, start = _clean(match.group(group), base + match.start(group))
            names.append(name)
            starts.append(start)
    tail = match.group(tail_group) or ""
    offset = base + match.start(tail_group) if tail else 0
    for more in _MORE.finditer(tail):
        name, start = _clean(more.group(1), offset + more.start(1))
        names.append(name)
        starts.append(start)
    return names, starts


def find_chains(text: str, start: int = 0, end: int | None = None) -> list[Chain]:
    """Qualified place names in ``text[start:end]``, by position; offsets into ``text``."""
    part = text[start : len(text) if end is None else end]
    found: list[Chain] = []
    for pattern, tail, coded in (
        (_CODED, 2, True),
        (_CHAIN_PAREN, 3, False),
        (_CHAIN_COMMA, 2, False),
        (_CHAIN_QUARTER, 2, False),
    ):
        for match in pattern.finditer(part):
            names, starts, towns = _split_quarters(*_parts(match, tail, start))
            names, starts, towns = _drop_compass(names, starts, towns)
            names, starts, towns = _drop_respellings(names, starts, towns)
            names, starts = _before_nationality(names, starts)
            if len(names) < (1 if coded else 2) or not all(names):
                continue
            if any(c.start <= starts[0] < c.end for c in found):
                continue
            head_end = start + match.end(1)
            region = bool(_REGION_UNIT.match(text, head_end))
            district = bool(_DISTRICT_UNIT.match(text, head_end))
            found.append(
                Chain(
                    tuple(names), tuple(starts), start + match.end(), coded, region, district, towns
                )
            )
    return sorted(found, key=lambda c: c.start)


def _before_nationality(names: list[str], starts: list[int]) -> tuple[list[str], list[int]]:
    """The names before the first one that is a nationality: ", Iranian media said" ends
    the place ("south of Damascus, Iranian media said" is no chain Damascus > Iranian)."""
    from ...geo.recognize import demonyms

    nationalities = demonyms()
    for i, name in enumerate(names):
        if i > 0 and name in nationalities:
            return names[:i], starts[:i]
    return names, starts


_COMPASS = {
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Upper",
    "Lower",
    "Central",
    "Centre",
    "Center",
    "Old",
    "New",
}


def _drop_compass(
    names: list[str], starts: list[int], towns: tuple[int, ...]
) -> tuple[list[str], list[int], tuple[int, ...]]:
    """Without a bare compass word after the head: "Tha Dut (East)" names one village's
    part, not the East region of some country."""
    kept = [i for i, name in enumerate(names) if i == 0 or name not in _COMPASS]
    moved = tuple(kept.index(t) for t in towns if t in kept)
    return [names[i] for i in kept], [starts[i] for i in kept], moved


def _drop_respellings(
    names: list[str], starts: list[int], towns: tuple[int, ...]
) -> tuple[list[str], list[int], tuple[int, ...]]:
    """Without a name that spells the one before it otherwise: "Al-Dayr (Al-Deir)" names
    one place twice, not a place inside a unit of the same name (a name written twice
    alike is: "Chihuahua, Chihuahua")."""
    from ...geo.fold import canonical, fold, loose

    def same(a: str, b: str) -> bool:
        if fold(a) == fold(b):
            return False  # "Chihuahua, Chihuahua": a city in the province of its name
        return canonical(a) == canonical(b) or (bool(loose(a)) and loose(a) == loose(b))

    kept = [i for i, name in enumerate(names) if i == 0 or not same(names[i - 1], name)]
    moved = tuple(kept.index(t) for t in towns if t in kept)
    return [names[i] for i in kept], [starts[i] for i in kept], moved


def _split_quarters(
    names: list[str], starts: list[int]
) -> tuple[list[str], list[int], tuple[int, ...]]:
    """ACLED's "City - Quarter" read as two levels, the quarter inside the city; the
    third value lists the levels that are such cities."""
    out_names: list[str] = []
    out_starts: list[int] = []
    towns: list[int] = []
    for name, start in zip(names, starts, strict=True):
        city, dash, quarter = name.partition(" - ")
        if dash and quarter:
            out_names += [quarter, city]
            out_starts += [start + len(city) + len(dash), start]
            towns.append(len(out_names) - 1)
        else:
            out_names.append(name)
            out_starts.append(start)
    return out_names, out_starts, tuple(towns)


def pick_chain(
    text: str, chains: list[Chain], chosen: Mention | None, sent_start: int
) -> Chain | None:
    """The chain the event is placed by: a "coded to" chain, else the chain holding the
    mention already chosen, else the first chain after a locative word (not one the
    chosen place is written inside: "X town in Y, Z")."""
    coded = [c for c in chains if c.coded]
    if coded:
        return coded[0]
    if chosen is not None:
        for chain in chains:
            if chosen.start < chain.end and chain.start < chosen.end:
                return chain
    located = [c for c in chains if _LOCATIVE_BEFORE.search(text[sent_start : c.start][-25:])
               and not (chosen is not None and SETTLEMENT_IN.match(text, chosen.end, c.start))]  # fmt: skip
    if chosen is None:
        return located[0] if located else (chains[0] if chains else None)
    before = text[sent_start : chosen.start][-25:]
    if located and not _LOCATIVE_BEFORE.search(before):
        return located[0]
    return None
