"""Places named with their admin units: "Village (District, Province)", "Town, Province",
"(coded to Town, District)".

Reports, and ACLED notes above all, qualify a small place with the larger units it lies
in. The units are constraints: the place chosen is the namesake lying inside them, and when
the place itself is not in the gazetteer the most specific unit that is stands in for it,
rather than no point or a homonym in another country or province (a homonym elsewhere is
taken only when it is the country's one town of that name). Geo precision rates what the
source names, as ACLED's codebook does: a named village is precision 1 (2 after "near")
even when a unit stands in for it; a "coded to" unit 2 (a province 3); a head named as a
region 3, as a district 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..geo.gazetteer import Match, unit_named
from ..geo.sources import haversine_km
from ..records import Mention, Place
from .location import Location, folded_name

# name -> [(place, match quality)]
Lookup = Callable[[Iterable[str]], dict[str, list[tuple[Place, float]]]]

_UP = "A-ZÀ-ÖØ-Þ"
# A capitalised unit word ends a name: "Anka LGA", "Ayod County" are Anka and Ayod.
_CAP_UNIT = (
    r"(?:LGA|County|District|Township|Woreda|Municipality|Tehsil|Upazila|Sub-County)\b"
    rf"(?!\s+(?:[{_UP}]|of\b))"  # "District Court", "District of Columbia" are names
)
# a capitalised word; a dot only inside it ("St.Louis") or after a short abbreviation
# ("St. Louis"), never a sentence's full stop ("Chuhuiv, Mykolaiv. The Russian ...")
_WORD = rf"(?!{_CAP_UNIT})(?:(?:St|Ste|Mt|Ft|Pt|Sta|Sto)\.|[{_UP}][\w'’&-]*(?:\.[\w'’&-]+)*)"
_JOIN = r"(?:of|de los|de las|de la|de|da|do|dos|das|del|di|della|delle|dei|degli|van|von|der|den|les|lès|sous|en|la|le|el|al|an|ash|ad|ar|as|at|az|wa|bin|ibn|imeni|y|e|sur|na|nad|am|im)"
_NAME = rf"{_WORD}(?:(?:\s+{_JOIN})?\s+{_WORD}|\s+-\s+(?:\d+\s+)?{_WORD})*"
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
    rf"\b(?:locations?\s+)?coded\s+(?:to|as)\s+(?:near(?:\s+by)?\s+|the\s+)?(?:(?:[a-z]+\s+)?capital,?\s+)?{_PART}"
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
_NEAR_BEFORE = re.compile(
    r"\b(?:near|around|outside|close to|outskirts of|vicinity of)\s+(?:the\s+)?$", re.I
)
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


_AFFIX = re.compile(r"^(?:(?:Republic|State|City|Province|Region) of\s+)|\s+(?:City|Town)$")


# ACLED's split provinces and French compass names: "Shan-North" is part of Shan State,
# "Bago-East" of Bago, "Nord-Kivu" is North Kivu
_SPLIT = re.compile(r"^(.+?)-(?:North|South|East|West|Central)$")
_FRENCH_SIDE = re.compile(r"^(Nord|Sud)-(?=[A-Z])")
_SIDES = {"Nord": "North ", "Sud": "South "}
# Ukrainian "zhzh" (Zaporizhzhia) is often written with one "zh"
_ZH = re.compile(r"(?<=[aeiouy])zh(?=[aeiouy])")


def _variants(name: str) -> list[str]:
    """The name, and without an affix such as "City" or "Republic of"; ACLED's spellings
    of provinces ("Shan-North", "Nord-Kivu", "Zaporizhia") read as the gazetteer's."""
    out = [name, _AFFIX.sub("", name)]
    split = _SPLIT.match(name)
    if split:
        out.append(split.group(1))
    out.append(_FRENCH_SIDE.sub(lambda m: _SIDES[m.group(1)], name))
    if name.count("zh") == 1:
        out.append(_ZH.sub("zhzh", name))
    return [v for v in dict.fromkeys(out) if v]


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


def _strength(inner: Place, outer: Place) -> float:
    """1 when ``inner`` lies inside ``outer`` by admin code (and is near enough), 0.6 when
    only near it within the same country (admin codes differ between sources), else 0."""
    if not inner.country or inner.country != outer.country:
        return 0.0
    if outer.feature in ("A.PCLI", "A.PCL", "A.PCLD", "A.PCLS", "A.PCLF"):
        return 1.0
    same_a1 = bool(inner.admin1) and inner.admin1 == outer.admin1
    distance = haversine_km(inner.lat, inner.lon, outer.lat, outer.lon)
    if outer.feature == "A.ADM1":
        return 1.0 if same_a1 else (0.6 if distance < 200 else 0.0)
    limit = 150.0 if outer.feature_class == "A" else 200.0
    if same_a1 and distance < limit:
        return 1.0
    return 0.6 if distance < (60 if outer.feature_class == "A" else 40) else 0.0


def _fits(inner: Place, outer: Place) -> bool:
    """True when ``inner`` plausibly lies inside (or beside) ``outer``."""
    return _strength(inner, outer) > 0.0


def _usable(place: Place, quality: float, name: str = "") -> bool:
    """A match worth reading: not a loose one, a place with a country; an acronym
    ("UP", "SADD") only as an admin unit."""
    if name.isupper() and place.feature_class != "A":
        return False
    return quality >= 0.7 and place.feature_class in ("A", "P", "L") and bool(place.country)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a chain resolves to: ``level`` 0 is the head place, 1+ a qualifying unit."""

    place: Place
    level: int


# (place, match quality, variant rank: 0 the name as written, 1+ a part of it)
_Cand = tuple[Place, float, int]
# the variant rank of a place the sentence names elsewhere: a weaker outer unit than a
# named one ("Butler County (coded as Allison (Iowa))": Iowa decides, not Butler County)
_HINT = -1
# the variant rank of a place the geoparser read for a part of the name only
_PART_RANK = 2


def _outer_weight(place: Place, last: bool) -> float:
    """How much fitting inside ``place`` counts: the outermost unit is read as an admin
    area first ("X, Zacatecas" is the state, not a same-named town elsewhere)."""
    return 1.5 if last and place.feature_class == "A" else 1.0


def _fit_score(place: Place, later: list[list[_Cand]]) -> float:
    score = 0.0
    for index, outer in enumerate(later):
        last = index == len(later) - 1
        weights = [
            (0.9 if v == _HINT else _outer_weight(o, last)) * _strength(place, o)
            for o, _, v in outer
        ]
        score += max(weights, default=0.0)
    return score


_OUTER_KIND = {"A.ADM1": 3, "A.PCLI": 1, "A.PCL": 1, "A.PCLD": 1, "A.PCLS": 1, "A.PCLF": 1}


def _rank(cand: _Cand, fit: float, last: bool, country: str) -> tuple[float, ...]:
    place, quality, variant = cand
    if last:
        # an outer unit is read as a province before a district or a same-named country
        # ("Niger" state; "X, Donetsk" is the oblast, not Rostov's Donetsk district)
        kind = _OUTER_KIND.get(place.feature, 0 if place.feature_class != "A" else 2)
    else:
        kind = 1 if place.feature_class == "P" else 0
    return (
        fit,
        quality,
        -variant,
        kind,
        1 if country and place.country == country else 0,
        float(place.population),
    )


def _unit_quality(place: Place, quality: float, name: str) -> float:
    """A division named bare matches its "X State"/"X Governorate" fully: a chain's
    units are written as divisions ("Jos North, Plateau")."""
    return unit_named(Match(place, quality), name).quality


def _inherited(mention: Mention, units: set[str], name: str) -> bool:
    """True when the geoparser gave the whole name the place of a unit named after it
    (its stand-in, "Balgatar (Kech, ...)" read as Kech's), which must not vouch for
    the name itself."""
    place = mention.place
    return folded_name(mention.text) == folded_name(name) and (place is None or place.id in units)


def _levels(
    chain: Chain, lookup: Lookup, mentions: list[Mention], hint: Place | None
) -> list[list[_Cand]]:
    names = [_variants(n) for n in chain.names]
    found = lookup({v for group in names for v in group})
    levels: list[list[_Cand]] = []
    for group, start in zip(names, chain.starts, strict=True):
        cands = [
            (p, _unit_quality(p, q, v), rank)
            for rank, v in enumerate(group)
            for p, q in found.get(v, [])
            if _usable(p, q, v)
        ]
        end = start + len(group[0])
        later = [v for group_after in names[len(levels) + 1 :] for v in group_after]
        units = {p.id for v in later for p, _ in found.get(v, [])}
        written = {folded_name(v) for v in group}
        # the geoparser's reading of the name, or the town it read in a part of the head
        # ("Alexandria" of "the University of Alexandria"), ranked as such (a province
        # in "Jeollabuk-do Provincial Council" is not the council's place, "Leon" in
        # "Castilla y Leon" not the unit)
        cands += [
            (m.place, 1.0, 0 if folded_name(m.text) in written else _PART_RANK)
            for m in mentions
            if m.place is not None
            and start <= m.start
            and m.end <= end
            and (folded_name(m.text) in written or (not levels and m.place.feature_class == "P"))
            and _usable(m.place, 1.0, m.text)
            and not _inherited(m, units, group[0])
        ]
        levels.append(cands)
    if hint is not None:
        levels.append([(hint, 1.0, _HINT)])
    return levels


def resolve_chain(
    chain: Chain,
    lookup: Lookup,
    country: str = "",
    mentions: list[Mention] | None = None,
    hint: Place | None = None,
) -> Resolved | None:
    """The most specific level of ``chain`` with a namesake inside the later units the
    gazetteer knows; None when no unit after the head is known (nothing to go by).
    ``mentions`` add the geoparser's reading of each name; ``hint`` (a place the sentence
    names elsewhere) is one more outer unit for a "coded to" chain."""
    resolved = _resolve(chain, lookup, country, mentions or [], hint if chain.coded else None)
    if resolved is None and hint is not None and chain.coded:
        # the place the sentence named may itself be a misreading: the chain alone
        resolved = _resolve(chain, lookup, country, mentions or [], None)
    return resolved


def _resolve(
    chain: Chain, lookup: Lookup, country: str, mentions: list[Mention], hint: Place | None
) -> Resolved | None:
    levels = _levels(chain, lookup, mentions, hint)
    named = len(chain.names)
    # a whole country never heads a chain ("... of Mongolia (Ulaanbaatar - Sukhbaatar)")
    levels = [
        [c for c in cands if not (i < named - 1 and c[0].feature.startswith("A.PCL"))]
        for i, cands in enumerate(levels)
    ]
    return _pick(chain, levels, country)


def _drop_lookalikes(levels: list[list[_Cand]], named: int) -> list[list[_Cand]]:
    """Without a named level's matches when none is exactly a name of it (nor, for a
    unit, an admin unit so named) and all lie in countries no other name of the chain
    has a match in, while another name matches exactly: the look-alikes abroad of a unit
    the gazetteer lacks ("Biratnagar (Morang)": not South Morang in Australia;
    "Balgatar (Kech, Balochistan)": not Ketsch in Germany; "Bhimdatta (Kanchanpur
    district)": not an Indian town called Kanchanpur)."""
    exact = {i for i, cands in enumerate(levels[:named]) if any(q >= 1.0 for _, q, _ in cands)}
    out = []
    for i, cands in enumerate(levels):
        others = {c[0].country for j, level in enumerate(levels) if j != i for c in level}
        weak = (
            i < named
            and bool(exact - {i})
            and bool(cands)
            and not any(_named_as(c, i) for c in cands)
            and not any(c[0].country in others for c in cands)
        )
        out.append([] if weak else cands)
    return out


def _named_as(cand: _Cand, level: int) -> bool:
    """True when the candidate bears the level's name exactly: the head any place, a
    unit an admin unit (a town abroad named like a district is no evidence)."""
    place, quality, _ = cand
    return quality >= 1.0 and (level == 0 or place.feature_class == "A")


# unit names that are generic words: every country may have such a unit, so the
# word alone says nothing about which country ("Sanabis (Capital)" is in Bahrain)
_GENERIC_UNITS = frozenset({"capital", "capital region", "capital district", "coast", "coastal"})


def _generic_units(chain: Chain, levels: list[list[_Cand]], country: str) -> list[list[_Cand]]:
    """Without the namesakes of a generically named unit ("Capital") that lie in no
    country the head, or the text's ``country``, points to."""
    named = len(chain.names)
    countries = {c[0].country for c in levels[0]} | ({country} if country else set())
    return [
        [c for c in cands if c[0].country in countries]
        if 0 < i < named and folded_name(chain.names[i]) in _GENERIC_UNITS
        else cands
        for i, cands in enumerate(levels)
    ]


def _pick(chain: Chain, levels: list[list[_Cand]], country: str) -> Resolved | None:
    named = len(chain.names)
    levels = _drop_lookalikes(_generic_units(chain, levels, country), named)
    known = [i for i in range(named) if levels[i]]
    if not known or (not chain.coded and known == [0]):
        return None
    heads = levels[0]
    if chain.quarter and len(levels) > 1 and levels[1]:
        heads = [c for c in heads if _in_town(c[0], levels[1])]
    for level in range(named):
        later = [levels[j] for j in _outer(chain, level, len(levels)) if levels[j]]
        cands = heads if level == 0 else levels[level]
        scored = [(c, _fit_score(c[0], later)) for c in cands]
        fitting = [(c, f) for c, f in scored if f >= 0.6 or not later]
        if fitting:
            # the city of a "City - Quarter" is a town, never its province
            # (a unit of the same name after it still makes it no outermost unit)
            outermost = not any(levels[j] for j in range(level + 1, len(levels)))
            last = outermost and level not in chain.towns
            # with nothing after it to fit, the level is read in the country the names
            # before it point to ("X (Unknown, Eastern)": which country's Eastern)
            # (a part's reading says little: "Shakhta" of "Shakhta imeni Gagarina")
            countries = {
                c[0].country for j in range(level) for c in levels[j] if c[2] != _PART_RANK
            }
            units = _namesake_units(chain, levels, level)
            best = max(
                fitting,
                key=lambda cf: (
                    cf[1] > 0 or cf[0][0].country in countries,
                    cf[0][0].country in units,
                    *_rank(cf[0], cf[1], last, country),
                ),
            )
            return _same_country_head(heads, Resolved(best[0][0], level), country, chain.names[0])
    return None


def _namesake_units(chain: Chain, levels: list[list[_Cand]], level: int) -> set[str]:
    """The countries where a unit named like ``level`` and written after it is an admin
    unit: "Nara (Nara)" is the town of Nara prefecture, in Japan, not Mali's Nara."""
    name = folded_name(chain.names[level])
    return {
        place.country
        for j in range(level + 1, len(chain.names))
        if folded_name(chain.names[j]) == name
        for place, _, _ in levels[j]
        if place.feature_class == "A"
    }


def _outer(chain: Chain, level: int, count: int) -> list[int]:
    """The levels after ``level`` that can vouch for it: a unit of the very same name
    cannot ("Muse township, Muse district": a namesake abroad read for both fits
    itself; "Wellington (Wellington)")."""
    name = folded_name(chain.names[level])
    return [
        j
        for j in range(level + 1, count)
        if j >= len(chain.names) or folded_name(chain.names[j]) != name
    ]


# how far from the unit a loosely matched namesake of the head (another spelling) may
# lie and still be read as the head; an exact namesake may lie anywhere in the country
_HEAD_REACH = 300.0


# how far from its city's point a quarter ("City - Quarter") may lie
_QUARTER_REACH = 30.0


def _in_town(quarter: Place, towns: list[_Cand]) -> bool:
    return any(
        haversine_km(quarter.lat, quarter.lon, t.lat, t.lon) < _QUARTER_REACH for t, _, _ in towns
    )


def _same_country_head(heads: list[_Cand], resolved: Resolved, country: str, name: str) -> Resolved:
    """The head's namesake in the country the units gave, when the units alone would
    stand in: the writer's unit may be wrong ("X, Wrongprovince"), the country rarely is."""
    if resolved.level == 0:
        return resolved
    unit = resolved.place
    homonyms = {c[0].id for c in heads if c[0].country == unit.country}
    same = [
        c
        for c in heads
        if c[0].country == unit.country
        and ((len(homonyms) == 1 and _known(c[0])) or not _other_province(c[0], unit))
        and (
            folded_name(c[0].name) == folded_name(name)
            or haversine_km(c[0].lat, c[0].lon, unit.lat, unit.lon) < _HEAD_REACH
        )
    ]
    if not same:
        return resolved
    best = max(same, key=lambda c: _rank(c, 0.0, False, country))
    return Resolved(best[0], 0)


# a town this large, the only one of its name in the country, is meant even when the
# province named beside it differs (a writer's slip, or a province split since)
_KNOWN_TOWN = 5_000


def _known(place: Place) -> bool:
    return place.feature_class == "A" or place.population >= _KNOWN_TOWN


def _other_province(head: Place, unit: Place) -> bool:
    """True when ``head`` lies in another province than the unit named for it: a
    homonym ("Pisky, Donetsk" is not Poltava's Pisky); a district unit's own province
    counts as well."""
    return bool(head.admin1 and unit.admin1 and head.admin1 != unit.admin1)


def chain_precision(chain: Chain, resolved: Resolved, before: str) -> int:
    """ACLED geo precision of a chain's place (see ``_chain_precision``); a head named
    as a district ("Klynove district, Donetsk") is precision 2, not a region's 3."""
    precision = _chain_precision(chain, resolved, before)
    return 2 if chain.district_head and precision == 3 else precision


def _chain_precision(chain: Chain, resolved: Resolved, before: str) -> int:
    """ACLED geo precision, which rates what the source names (codebook: "1 = particular
    town; 2 = small part of a region or near a town; 3 = larger portion of region"): 1 a
    named place (2 after "near"), even when a unit stands in for it because the gazetteer
    lacks it; for a "coded to" unit or a region head, 2 a town or district, 3 a province."""
    place = resolved.place
    if (resolved.level == 0 or resolved.level in chain.towns) and not chain.coded:
        if chain.region_head or place.feature in ("A.ADM1", "A.PCLI"):
            return 3
        return 2 if _NEAR_BEFORE.search(before[-30:]) else 1
    if not chain.coded and not chain.region_head:
        # the source names the place itself: its wording gives the precision, whatever
        # unit the gazetteer could only stand in with (the warning says so)
        return 2 if _NEAR_BEFORE.search(before[-30:]) else 1
    if place.feature == "A.ADM1" or place.feature.startswith("A.PCL"):
        return 3
    if chain.coded and chain.region_head:
        return 3
    return 2


def _stand_in(chain: Chain, resolved: Resolved) -> bool:
    """True when the resolved unit stands in for the named head place (not a "coded to"
    unit, a region head or a "City - Quarter" city)."""
    return (
        resolved.level > 0
        and not chain.coded
        and not chain.region_head
        and resolved.level not in chain.towns
    )


def pick_chain(
    text: str, chains: list[Chain], chosen: Mention | None, sent_start: int
) -> Chain | None:
    """The chain the event is placed by: a "coded to" chain, else the chain holding the
    mention already chosen, else the first chain after a locative word."""
    coded = [c for c in chains if c.coded]
    if coded:
        return coded[0]
    if chosen is not None:
        for chain in chains:
            if chosen.start < chain.end and chain.start < chosen.end:
                return chain
    located = [c for c in chains if _LOCATIVE_BEFORE.search(text[sent_start : c.start][-25:])]
    if chosen is None:
        return located[0] if located else (chains[0] if chains else None)
    before = text[sent_start : chosen.start][-25:]
    if located and not _LOCATIVE_BEFORE.search(before):
        return located[0]
    return None


def qualified_location(
    text: str,
    sent_start: int,
    sent_end: int,
    chosen: Location | None,
    lookup: Lookup,
    country: str = "",
    mentions: list[Mention] | None = None,
) -> Location | None:
    """``chosen`` re-read through the admin units the sentence names beside it (or the
    place those units give when nothing was chosen); ``chosen`` itself otherwise."""
    chains = find_chains(text, sent_start, sent_end)
    country_only = chosen is not None and chosen.place.feature.startswith("A.PCL")
    picked = None if chosen is None or country_only else chosen.mention
    chain = pick_chain(text, chains, picked, sent_start)
    if chain is None:
        return chosen
    hint = chosen.place if chosen is not None and not country_only else None
    resolved = resolve_chain(chain, lookup, country, mentions, hint)
    if resolved is None:
        return chosen
    name = chain.names[resolved.level]
    start = chain.starts[resolved.level]
    precision = chain_precision(chain, resolved, text[sent_start : chain.start])
    place = resolved.place
    mention = Mention(
        text=name, start=start, end=start + len(name), place=place, precision=precision
    )
    warnings = []
    if resolved.level > 0 and not chain.coded:
        warnings.append(f"{chain.names[0]!r} is not in the gazetteer; placed at {place.name}")
    # a unit standing in for a head the gazetteer lacks: the wording around the head
    # ("Kone Chan village", "Taze township") rates the place, not "Kutkai township"
    head = chain.names[0]
    named = (
        Mention(text=head, start=chain.start, end=chain.start + len(head))
        if _stand_in(chain, resolved)
        else None
    )
    return Location(place.name, place, precision, mention, warnings, named)
