"""Where an event happened, chosen among the sentence's resolved place mentions.

A mention wins when a locative cue stands before it ("in", "at", "near", "southwest of",
"in the area of", "outskirts of"); ties go to the more specific place (a town or a site
rather than a region) and then to the one nearest the trigger. Places that are only targets or
origins of a threat ("a threat to X", "from X") are skipped when another place is there.
"Near"/"of" relations make geo precision 2; a region (not a populated place) makes 3.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ...geo.focus import glued_attribute
from ...geo.gazetteer import admin_enclosures
from ...geo.sources import haversine_km
from ...records import Mention, Place
from .admin_chains import SETTLEMENT_IN

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|inside|into|on|across|within|through|throughout|between)"
    # the place a side entered or took is where the event happened
    r"|\b(?:entered|stormed|captured|recaptured|seized|retook|took over|took back|overran|liberated"
    r"|(?:took|regained|wrested|assumed)\s+(?:(?:full|complete|total)\s+)?control\s+(?:of|over))"
    r"|\b(?:outskirts|vicinity|area|areas|region|district|neighbou?rhood|parish|municipality|province|town|city|village|countryside|suburbs?|edge|environs) of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)? of"
    r"|\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"(?:\s+the)?(?:\s+(?:city|town|village|area|province|region|district|governorate|desert|badia) of)?\s*(?:the\s+)?$",
    re.I,
)
_NEAR = re.compile(
    r"\b(?:near|around|outside|outskirts|vicinity|area|areas|environs|countryside|suburbs?|edge|between|desert|badia"
    r"|north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west"
    r"|km|kilometres|kilometers|miles)\b",
    re.I,
)
_HEAD = re.compile(
    r"(?:\s+(?:village|town|city|township|area|district|municipality|commune|sector|locality"
    r"|county|region|neighbou?rhood))?\s*(?:\((?!coded|\d)|,\s*(?=[A-Z]))"
)
_CODED = re.compile(r"\(coded to\s+(?:the\s+)?$", re.I)
_REGION_WORD = re.compile(
    r"\b(?:state|region|province|governorate|department|prefecture|county|oblast|district)\s*$",
    re.I,
)
# a destination or a target is not where the event happened ("fled to X"); a road
# "leading to X" is at X's edge
_EXCLUDED = re.compile(
    r"\b(?:threat to|threats to|from|(?<!leading )to|toward|towards|against|bound for|fled to|returned to)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)
# an earlier event the report dates this one by ("a week after a bombing in X"): its place,
# even after a locative word, is not this event's
_DATED_BY = re.compile(
    r"\b(?:days?|a week|weeks|a month|months|a year|years) (?:after|before) (?:[\w'-]+\s+){0,5}$",
    re.I,
)

# "the Nasib crossing on the border with Jordan": the neighbour across a border is not
# where the event is, whatever locative word comes before
_NEIGHBOUR = re.compile(
    r"\bborders?(?:\s+(?:crossings?|points?|areas?|strip))?\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


@dataclass(slots=True)
class Location:
    """The chosen place: ``name`` is the text used as ACLED's location."""

    name: str
    place: Place
    precision: int
    mention: Mention
    warnings: list[str] = field(default_factory=list)
    # the place the text names when a unit around it stands in for it ("Kone Chan" of
    # "Kone Chan village (Kutkai township, ...)"): its wording rates the precision
    named: Mention | None = None
    # why this place: the reasons of the choice and of each later re-reading
    reasons: list[str] = field(default_factory=list)
    # a stand-in: the area the unknown place is written inside ("X town in Y countryside")
    inside: Place | None = None
    # a part of a town written with the town ("the Dur al Naft area of Basrah city"),
    # placed at the town: in it, precision 1 whatever the part's wording
    town_part: bool = False


def _precision(mention: Mention, before: str) -> int:
    place = mention.place
    base = max(mention.precision, 1)
    if place is not None and place.feature_class != "P":
        return max(base, 3 if place.feature_class in ("A", "L", "T", "H") else base)
    cue = _LOCATIVE.search(before[-60:])
    if cue is not None:
        # The preposition right before the name decides: "in X" is X itself.
        snapped = mention.relation == "near" and mention.precision >= 2
        return 2 if _NEAR.search(cue.group(0)) or snapped else 1
    if _NEAR.search(before[-40:]) or mention.relation:
        return max(base, 2)
    return base


# a unit below the province named after the place ("Baykan district", "Pale township",
# "Mariga LGA"): ACLED codes the unit's main town at geo precision 2
_DISTRICT_AFTER = re.compile(
    r"\s+(?:district|sub-?district|township|LGA|tehsil|taluka|upazila|woreda|raion|rayon"
    r"|hromada|territorial community|commune|block|area)\b",
    re.I,
)


# wording that puts the event beside the place rather than in it (codebook: "near a
# town" is precision 2): "in the direction of X", "between X and Y", "east of X", "in
# the rural area of X", "10 km from X"
_BESIDE = re.compile(
    r"\b(?:near|around|outside|close to|outskirts of|vicinity of|(?:in\s+)?the\s+direction\s+of"
    r"|towards?|(?:rural\s+)?areas?\s+of|between|(?:north|south|east|west|northeast|northwest"
    r"|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+(?:part\s+)?of"
    r"|\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from|to))"
    r"(?:\s+the)?\s+$"
    r"|\bbetween\s+(?:[\w'-]+\s+){1,4}and\s+(?:the\s+)?$",
    re.I,
)


def district_precision(text: str, location: Location) -> Location:
    """``location`` at geo precision 2 when the text names it as a district-level unit
    ("in Taze township": the event lies somewhere in the unit, coded to its town) or
    puts the event beside it ("in the direction of X", "between X and Y")."""
    mention = location.named or location.mention
    if location.town_part:
        return location  # a part of a town written with it, placed at the town: in it
    before = text[max(0, mention.start - 60) : mention.start]
    district = location.precision != 2 and _DISTRICT_AFTER.match(text, mention.end)
    if district or (location.precision == 1 and _BESIDE.search(before)):
        return replace(location, precision=2)
    return location


def wording_precision(text: str, mentions: list[Mention], sent_start: int, sent_end: int) -> int:
    """Geo precision the wording gives an unresolved place: 2 after "near", "outskirts
    of" and the like, 1 after "in"/"at"; 3 when the sentence names no place."""
    for mention in mentions:
        if mention.kind != "toponym" or not sent_start <= mention.start < sent_end:
            continue
        cue = _LOCATIVE.search(text[sent_start : mention.start][-60:])
        if cue is not None:
            return 2 if _NEAR.search(cue.group(0)) else 1
    return 3


def _in_brackets(text: str, start: int, sent_start: int) -> bool:
    """True when the mention stands inside an open parenthesis: an admin qualifier."""
    before = text[sent_start:start]
    return before.count("(") > before.count(")")


def headed(text: str, mention: Mention) -> bool:
    """True when admin names follow the mention: "X (Admin2, Admin1)", "X village, Y"."""
    return _headed(text, mention)


def _headed(text: str, mention: Mention) -> bool:
    """True when admin names follow the mention: "X (Admin2, Admin1)", "X village, Y"."""
    return _HEAD.match(text, mention.end) is not None


def _consistent(mention: Mention, country: str) -> int:
    place = mention.place
    return 1 if not country or place is None or place.country in ("", country) else 0


def _score(
    text: str,
    mention: Mention,
    sent_start: int,
    trigger: int,
    country: str,
    inside: list[Mention] | None = None,
) -> tuple[int, ...]:
    before = text[sent_start : mention.start]
    owner = _owner(text, mention, inside or [])
    located = owner is not None and _LOCATIVE.search(text[sent_start : owner.start][-60:])
    locative = 1 if _LOCATIVE.search(before[-60:]) or located else 0
    excluded = 1 if _excluded(before, located=bool(located)) else 0
    place = mention.place
    populated = 1 if place is not None and place.feature_class in "PS" else 0  # a point
    return (
        locative
        - 2 * excluded
        - _container(before, mention, inside or [])
        - _sub_town(text, mention)
        - 2 * _whole_country(mention)
        - _river(mention)
        - _acronym(mention)
        - _part_abroad(text, mention, inside or [])
        - _region_of_earlier(text, mention, inside or [])
        - _owns_later(text, mention, inside or [])
        - _reference_of_earlier(text, mention, inside or [])
        - _area_before_place(text, mention, inside or [])
        + _head_of_later(text, mention, inside or []),
        0 if _in_brackets(text, mention.start, sent_start) else 1,
        1 if _headed(text, mention) else 0,
        _consistent(mention, country),
        populated,
        -abs(mention.start - trigger),
    )


# "X town in the southern countryside of Y", "X village in rural Y": the gap between a place
# and the larger area it is written inside (commas and brackets are the admin chains' part)
_INSIDE_GAP = re.compile(
    r"^['’]?\s+(?:(?:villages?|towns?|hamlets?|sub-?district|district)\s+of\s+(?:the\s+)?|"
    r"(?:(?:(?:village|town)\s+)?(?:towns?|villages?|city|hamlet|camp|areas?|axis|farms|front"
    r"|frontline|badia|plain|crossing(?:\s+point)?|hills?|heights|(?:air\s+|military\s+)?base|airbase"
    r"|airport|airfield|prison|station|(?:oil|gas)\s+field)\s+)?in\s+(?:the\s+)?(?:rural\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:(?:countryside|outskirts|vicinity|suburbs|rural\s+areas?|desert|badia)\s+of\s+(?:the\s+)?)?)$",
    re.I,
)
_AREA_WORDS = re.compile(
    r"\s+(?:(?:north|south|east|west)(?:ern)?\s+)?(?:countryside|governorate|province|region"
    r"|district|desert|badia|countryside|outskirts|suburbs|plains?)\b",
    re.I,
)
_AREA_BEFORE = re.compile(r"(?:countryside|outskirts|vicinity|suburbs|rural\s+areas?|rural)"
                          r"\s+(?:of\s+(?:the\s+)?)?$", re.I)  # fmt: skip


_CITY = 100_000  # a city this large also names its province ("X in Aleppo")


def _written_inside(text: str, inner: Mention, outer: Mention) -> bool:
    """Whether ``outer`` is written as the area ``inner`` lies in ("Inner town in Outer
    countryside", "Inner village in rural Outer", "Inner in Outer governorate")."""
    gap = text[inner.end : outer.start]
    if outer.start <= inner.end or not _INSIDE_GAP.match(gap):
        return False
    area = outer.place is not None and (
        outer.place.feature_class == "A"
        or (outer.place.feature_class == "P" and outer.place.population >= _CITY)
    )
    # "X town in Y" (or "X village in Y, Z governorate"): whatever Y's size, a town or
    # village written in it lies in its area (a site "in Y, Z" is in town Y)
    unit = SETTLEMENT_IN.match(gap) is not None
    return area or unit or bool(_AREA_WORDS.match(text, outer.end) or _AREA_BEFORE.search(gap))


def _in_the_city(text: str, inner: Mention, city: Mention) -> bool:
    """Whether an unknown site is written plainly inside a town ("outside the Revenue Office
    in Bari"): the event is in that town, precision 1, as ACLED codes it; not when the town
    stands for its countryside or province."""
    gap = text[inner.end : city.start]
    place = city.place
    return (
        place is not None
        and place.feature_class == "P"
        and not _AREA_BEFORE.search(gap)
        and not _AREA_WORDS.match(text, city.end)
    )


def _excluded(before: str, *, located: bool = False) -> bool:
    """Whether the words before a name make it an origin, a destination or a target, or the
    place of an earlier event the report dates this one by; a locative word before the name
    (or before the area that owns it, ``located``) keeps an origin's or a target's place."""
    if _DATED_BY.search(before[-60:]) or _NEIGHBOUR.search(before[-60:]):
        return True
    locative = located or _LOCATIVE.search(before[-60:]) is not None
    return bool(_EXCLUDED.search(before[-50:])) and not locative


# "which Washington blamed on ...", "Baghdad said", "Turkey's defence ministry said": a
# capital or a country standing for its government, the subject of what it said, is no
# place of the event
_SPEAKS = re.compile(
    r"(?:['’]s(?:\s+[\w-]+){1,3})?"  # "Turkey's defence ministry said"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|blamed|blames|accused|accuses|denied|denies"
    r"|announced|condemned|condemns|warned|claimed|confirmed|insisted|rejected|demanded)\b"
)


def based_at(text: str, mention: Mention) -> bool:
    """Whether the mention names where a source is based ("the UK-based monitor") or who
    stands behind an actor ("Iran-backed militias", "the US-led coalition"), not where the
    event happened."""
    return glued_attribute(text, mention.end)


def _speaking(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a capital or a country standing for its government as the
    subject of a verb of saying ("which Washington blamed on", "Turkey's ministry said")."""
    place = mention.place
    seat = place is not None and (place.feature == "P.PPLC" or place.feature.startswith("A.PCL"))
    return seat and bool(_SPEAKS.match(text, mention.end))


def _inner_origin(text: str, mention: Mention, skipped: list[Mention]) -> Mention:
    """The place a skipped origin or destination names inside ``mention`` ("a patrol
    starting from X in Y countryside", "a child from X city in Y governorate"): when the
    sentence offers nothing but that place and its area, the place is the finer of the two
    (the event happened in the area either way)."""
    area = mention.place
    if area is None:
        return mention
    inner = [m for m in skipped if m.place is not None and m.end <= mention.start
             and _written_inside(text, m, mention) and _lies_in(m.place, area)]  # fmt: skip
    return max(inner, key=lambda m: m.end) if inner else mention


def _lies_in(place: Place, area: Place) -> bool:
    """Whether ``place`` can lie in ``area``: in its province and smaller than it."""
    smaller = area.feature_class == "A" or place.population < area.population
    return smaller and _within(place, area)


def _region_of_earlier(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention is the area a place named just before it lies in: the event is
    at the inner place (the theatre's "X town in Y countryside")."""
    earlier = [m for m in inside if m.end <= mention.start]
    return 1 if earlier and _written_inside(text, max(earlier, key=lambda m: m.end), mention) else 0


# "in the south-eastern countryside of Idleb near Abu al-Duhur": the area written first, the
# place in it after "near"; the event is at the place
_AREA_OF_BEFORE = re.compile(
    r"(?:countryside|outskirts|desert|badia|province|governorate|region|rural\s+areas?)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_PLACE_AFTER_AREA = re.compile(
    r"\s+(?:near|around|close\s+to|at)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?", re.I
)


def _area_before_place(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention is written as an area ("the countryside of Y") and a resolved
    place follows it after "near" or "at": the event is at that place."""
    if not _AREA_OF_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        return 0
    return int(any(
        m.place is not None and m.start > mention.end
        and _PLACE_AFTER_AREA.fullmatch(text, mention.end, m.start)
        for m in inside
    ))  # fmt: skip


# "X north-east of Y", "X, 30 km south of the city of Y", "X district south of Y", "X air
# base north of Y", "X town, south of Y", "the X axis, south of Y": Y only tells where X
# lies (not "X area north of Y": a local area's name is too often read as a namesake far
# away)
_REFERENCE_GAP = re.compile(
    r"(?:\s+(?:sub-?district|district|town|village|(?:air|military)\s+base|airbase|airport"
    r"|camp|dam|axis|front|(?:oil|gas)\s+field|(?:border\s+)?crossing|prison))?"
    r",?\s+(?:an?\s+(?:town|village|city|district)\s+)?(?:(?:some|about|around)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?",
    re.I,
)


def _reference_of_earlier(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention is the reference point of a place named just before it ("the
    Hamrin mountains north-east of Baghdad"): the event is at the earlier place."""
    return (
        1
        if any(
            m.place is not None
            and m.end < mention.start
            and _REFERENCE_GAP.fullmatch(text, m.end, mention.start)
            for m in inside
        )
        else 0
    )


_POSSESSIVE = re.compile(r"['’]s\s+")


_STATED_KM = re.compile(r"(\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers)", re.I)
_REFERENCE_KM = 40.0  # "X, east of Y" with no distance written: X lies this close to Y
_TOWN = 10_000


def _far_from_reference(text: str, mention: Mention, inside: list[Mention]) -> Mention:
    """The mention without its place when the text places it relative to a reference
    ("the village of X, east of Y") and its reading lies in another country, or is a
    village farther from the reference town than the text says (or, unsaid,
    ``_REFERENCE_KM``): a namesake or a look-alike, so the reference stands in for it."""
    place = mention.place
    if place is None:
        return mention
    for ref in inside:
        gap = _REFERENCE_GAP.fullmatch(text, mention.end, ref.start) if ref.start > mention.end else None
        if gap is None or ref.place is None:
            continue
        if ref.place.country and place.country and ref.place.country != place.country:
            return replace(mention, place=None)  # "al-Karama, east of Raqqa" is no Emirati town
        if place.population >= _TOWN or ref.place.population >= _CITY:
            continue  # a town of size is no chance namesake ("al-Sanamayn, north of Deraa"),
            # and a city is the reference of a wide area ("Sukhnah, east of Homs")
        stated = _STATED_KM.search(gap.group(0))
        reach = float(stated.group(1)) + _REFERENCE_KM if stated else _REFERENCE_KM
        if haversine_km(place.lat, place.lon, ref.place.lat, ref.place.lon) > reach:
            return replace(mention, place=None)
    return mention


def _owner(text: str, mention: Mention, inside: list[Mention]) -> Mention | None:
    """The place written as the owner of this one ("Duhok's Amedi district": Duhok owns
    Amedi, the area it lies in), or None."""
    for m in inside:
        gap = _POSSESSIVE.fullmatch(text, m.end, mention.start) if m.end < mention.start else None
        if gap is not None and m.place is not None:
            return m
    return None


def _owns_later(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention owns the place written right after it ("in Duhok's Amedi
    district"): it is only the area the event's place lies in."""
    return 1 if any(_owner(text, m, [mention]) is mention for m in inside) else 0


def _area_after(text: str, mention: Mention, inside: list[Mention]) -> Mention | None:
    """The resolved area the mention is written inside ("X town in Y countryside"); past
    the place's other name in brackets and the country owning the area ("Zirgan (Abu
    Rasin) in Syria's Hasakah province": Hasakah)."""
    later = sorted((m for m in inside if m.start >= mention.end), key=lambda m: m.start)
    if not later:
        return None
    inner = mention
    if len(later) > 1 and _SECOND_NAME.fullmatch(text, mention.end, later[0].start):
        close = text.find(")", later[0].end)
        if close >= 0 and not text[later[0].end : close].strip():
            inner = replace(mention, end=close + 1)  # read the gap from the bracket's end
            later = later[1:]
    area = later[0]
    if area.place is None:
        return None
    owned = later[1] if len(later) > 1 and _owns(text, area, later[1]) else None
    if owned is not None and _INSIDE_GAP.match(text[inner.end : area.start]):
        # "in Syria's Hasakah province": the area is the owned name, in the owner country
        agrees = owned.place is not None and owned.place.country == area.place.country
        return owned if agrees else None
    return area if _written_inside(text, inner, area) else None


_SECOND_NAME = re.compile(r"\s*\(\s*")


def _owns(text: str, owner: Mention, owned: Mention) -> bool:
    """ "Syria's Hasakah province": a country written as the owner of the next name."""
    place = owner.place
    return (
        place is not None
        and place.feature.startswith("A.PCL")
        and _POSSESSIVE.fullmatch(text, owner.end, owned.start) is not None
    )


_AND = re.compile(r"\s+and\s+(?:the\s+)?$")


def _head_of_later(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention is a place written inside an area named right after it; the
    first of two places joined by "and" is inside the area the second is written inside
    ("X and Y villages in Z countryside")."""
    later = sorted((m for m in inside if m.start >= mention.end), key=lambda m: m.start)
    if mention.place is None or not later:
        return 0
    head = mention
    if len(later) > 1 and _AND.match(text[mention.end : later[0].start]):
        head = later.pop(0)
    return 1 if _written_inside(text, head, later[0]) else 0


# "the Baykan district of Siirt", "Talgar district of Almaty region": the name after
# "of" is the larger unit holding the place named before it (a city's neighbourhood is
# another matter: the city is the location, see _sub_town)
_CONTAINER = re.compile(
    r"[A-Z][\w'’-]*\s+(?i:district|sub-?district|township|municipality|commune)"
    r"\s+of\s+(?:the\s+)?$"
)


def _container(before: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention holds a place named just before it ("X district of <mention>")
    that the geoparser read in the same country (a foreign reading is a misreading)."""
    found = _CONTAINER.search(before[-60:])
    if found is None or mention.place is None:
        return 0
    at = mention.start - len(before[-60:]) + found.start()
    country = mention.place.country
    held = [m.place for m in inside if m.start == at and m.place is not None]
    return 1 if any(place.country == country for place in held) else 0


# "Almaly district of Almaty city": the name before "of" is a part of the one after it
_PART_OF = re.compile(
    r"\s+(?:district|sub-?district|neighbou?rhood|quarter|ward|township|municipality|commune)"
    r"\s+of\s+(?:the\s+)?",
    re.I,
)


def _part_abroad(text: str, mention: Mention, inside: list[Mention]) -> int:
    """1 when the mention names a part of the place named after it ("X district of Y")
    but was read in another country than that place: a misreading of a local name."""
    found = _PART_OF.match(text, mention.end)
    place = mention.place
    if found is None or place is None:
        return 0
    held = [m.place for m in inside if m.start == found.end() and m.place is not None]
    return 1 if any(whole.country and whole.country != place.country for whole in held) else 0


def _whole_country(mention: Mention) -> int:
    """1 when the mention names a whole country: an event is placed at a country only
    when the sentence names nothing smaller ("in Ukraine" is mostly a topic)."""
    place = mention.place
    return 1 if place is not None and place.feature.startswith("A.PCL") else 0


def _river(mention: Mention) -> int:
    """1 when the mention names a river or a canal: a line through many places ("a village
    on the Euphrates", "east of the Euphrates"), not the event's place when another is
    written."""
    place = mention.place
    return 1 if place is not None and place.feature in ("H.STM", "H.STMS", "H.CNL") else 0


def _acronym(mention: Mention) -> int:
    """1 when the mention is written as an acronym ("UDA"): mostly a party or a group
    the geoparser took for a place."""
    text = mention.text
    return 1 if text.isupper() and text.isalpha() and len(text) <= 5 else 0


_SUB_TOWN_AFTER = re.compile(
    r"\s+(?:neighbou?rhoods?|barrio|colonia|favela|community|ward|quarter|suburb|estate"
    r"|housing (?:complex|estate)|street|avenue|road|square|market|roundabout|bridge|junction"
    r"|intersection)\b",
    re.I,
)
_SUB_TOWN_BEFORE = re.compile(
    r"\b(?:colonia|barrio|favela|community of|neighbou?rhood of|parish of|(?:the )?\w+ street of)\s+$",
    re.I,
)


# a name that itself opens with a quarter's word ("Colonia Guadalupe", "Barrio Obrero")
_SUB_TOWN_NAME = re.compile(r"(?:colonia|barrio|favela|fraccionamiento|barangay)\s", re.I)


def _sub_town(text: str, mention: Mention) -> int:
    """1 when the mention names a part of a town ("Montalban neighborhood", "colonia
    Centro"): the town named beside it is ACLED's location."""
    if _SUB_TOWN_AFTER.match(text, mention.end) or _SUB_TOWN_NAME.match(mention.text):
        return 1
    return 1 if _SUB_TOWN_BEFORE.search(text[max(0, mention.start - 30) : mention.start]) else 0


def choose_location(
    text: str,
    mentions: list[Mention],
    sent_start: int,
    sent_end: int,
    trigger: int,
    paragraph: tuple[int, int],
    country: str = "",
) -> Location | None:
    """The event's place among ``mentions`` inside [sent_start, sent_end) of ``text``;
    ``country`` (ISO2, optional) is the text's country: places elsewhere rank lower and
    an ambiguous name is re-read as its namesake there."""
    inside = [
        _prominent(_in_country(m, country))
        for m in mentions
        if m.kind == "toponym" and sent_start <= m.start and m.end <= sent_end
    ]
    inside = [
        _town_of_its_parts(text, _city_over_unit(text, m, inside, sent_start)) for m in inside
    ]
    coded = _coded(text, inside)
    if coded is not None:
        return coded
    scored = sorted(
        inside, key=lambda m: _score(text, m, sent_start, trigger, country, inside), reverse=True
    )
    skipped = [m for m in scored
               if _excluded(text[sent_start : m.start]) or _speaking(text, m) or based_at(text, m)]  # fmt: skip
    for mention in scored:
        if mention in skipped:
            continue
        mention = _inner_origin(text, mention, skipped)
        before = text[sent_start : mention.start]
        area = _area_after(text, mention, inside)
        qualifier = _qualifier(inside, mention, text)
        if qualifier is None or (area is not None and _outside_area(qualifier, area).place is None):
            qualifier = area  # a qualifier read outside the area written after it misleads
        mention = _far_from_reference(text, _outside_area(_agree(mention, qualifier), area), inside)
        whole = _whole_of_far_part(text, mention, inside)
        if whole is not None:
            # a part the gazetteer misread far away: the report's name, at its whole
            mention, qualifier, area = replace(mention, place=None), whole, whole
        unknown = _unknown_inside(text, mention, inside, skipped)
        if unknown is not None:
            # "the village of X in the countryside of Y", X unknown: the report's X, at Y
            why = reasons(text, unknown, sent_start, trigger, country, inside, len(scored))
            found = _stand_in(text, unknown, mention, mention, mention, before, why)
            return replace(found, precision=_precision(mention, before))  # the area's
        why = reasons(text, mention, sent_start, trigger, country, inside, len(scored))
        if mention.place is not None:
            return Location(mention.place.name, mention.place, _precision(mention, before),
                            mention, reasons=why)  # fmt: skip
        nearby = qualifier or _nearby(mentions, mention, paragraph)
        if nearby is not None and nearby.place is not None:
            found = _stand_in(text, mention, nearby, qualifier, area, before, why)
            in_town = whole is not None
            # a town's own part: in the town, rated by the town's wording ("Basrah city")
            return replace(found, precision=1, mention=nearby, town_part=True) if in_town else found
    return None


def _unknown_inside(
    text: str, area: Mention, inside: list[Mention], skipped: list[Mention]
) -> Mention | None:
    """An unresolved name written inside the resolved ``area`` just before it ("the village
    of X in the countryside of Y"): the report's place, which the gazetteer lacks."""
    if area.place is None:
        return None
    for inner in inside:
        unknown = inner.place is None and inner not in skipped and inner.end <= area.start
        if unknown and _written_inside(text, inner, area):
            return inner
    return None


def _stand_in(
    text: str,
    mention: Mention,
    nearby: Mention,
    qualifier: Mention | None,
    area: Mention | None,
    before: str,
    why: list[str],
) -> Location:
    """``mention``, a name the gazetteer lacks, placed at ``nearby`` (the area it is
    written inside, or the nearest town), its own name kept."""
    assert nearby.place is not None
    stand_in = "the area it is written inside" if nearby is qualifier else "nearest town"
    in_city = nearby is area and _in_the_city(text, mention, nearby)
    return Location(
        mention.text,
        nearby.place,
        1 if in_city else _wording(before),
        nearby if in_city else mention,  # the city's own wording rates a site in it
        [f"{mention.text!r} is not in the gazetteer; placed at {nearby.place.name} nearby"],
        reasons=[*why, f"{mention.text!r} unknown: placed at {stand_in}, {nearby.text!r}"],
        inside=nearby.place if nearby is qualifier else None,
    )


def reasons(
    text: str,
    mention: Mention,
    sent_start: int,
    trigger: int,
    country: str,
    inside: list[Mention],
    rivals: int,
) -> list[str]:
    """The visible reasons of the sentence-level choice (the terms of ``_score``)."""
    before = text[sent_start : mention.start]
    cue = _LOCATIVE.search(before[-60:])
    why = [
        f"named in the sentence as {mention.text!r}"
        + (f" (of {rivals} places)" if rivals > 1 else "")
    ]
    if cue is not None:
        why.append(f"locative {cue.group(0).strip()!r} before it")
    if _head_of_later(text, mention, inside):
        why.append("the place written inside the area named after it")
    if _region_of_earlier(text, mention, inside):
        why.append("only the area a place named before it lies in")
    if _owner(text, mention, inside) is not None:
        why.append('written as a place of the area named before it ("X\'s Y")')
    if _headed(text, mention):
        why.append("qualified by the units after it")
    if country and mention.place is not None and mention.place.country == country:
        why.append(f"in the text's country ({country})")
    if abs(mention.start - trigger) < 40:
        why.append("next to the event's verb")
    return why


def _wording(before: str) -> int:
    cue = _LOCATIVE.search(before[-60:])
    return 2 if cue is None or _NEAR.search(cue.group(0)) else 1


def _in_country(mention: Mention, country: str) -> Mention:
    """The mention, re-resolved to its namesake in ``country`` when it resolved elsewhere."""
    place = mention.place
    if not country or place is None or place.country in ("", country):
        return mention
    same = [p for p in mention.candidates if p.country == country]
    if not same:
        return mention
    best = max(same, key=lambda p: (p.feature_class == place.feature_class, p.population))
    return replace(mention, place=best)


# a village read where a great city of the very same name exists is a misreading (a
# war's country named in the text drew "Paris" or "Poznan" to a village there)
_GREAT_CITY = 50_000
_VILLAGE = 50_000


def _prominent(mention: Mention) -> Mention:
    """The mention re-read as a great city bearing exactly its name, when it resolved to
    a small place; a same-named great city is what a writer means unless told otherwise."""
    place = mention.place
    if place is None or place.feature_class != "P" or place.population >= _VILLAGE:
        return mention
    name = folded_name(mention.text)
    great = [
        p
        for p in mention.candidates
        if p.feature_class == "P"
        and p.population >= max(_GREAT_CITY, 10 * place.population)
        and folded_name(p.name) == name
    ]
    if not great:
        return mention
    return replace(mention, place=max(great, key=lambda p: p.population))


_UNIT_AFTER = re.compile(
    r"\s+(?:region|province|state|governorate|county|district|department|oblast|prefecture)\b",
    re.I,
)


def _city_over_unit(text: str, mention: Mention, inside: list[Mention], sent_start: int) -> Mention:
    """The mention re-read as a great city bearing exactly its name when it resolved to
    an admin unit abroad that has no town of the name ("in Bari": Italy's city, not
    Somalia's region); not when it is written as a unit ("Bari region", "(Bari)") or
    another place in the sentence lies in the unit's country."""
    place = mention.place
    if place is None or place.feature not in ("A.ADM1", "A.ADM2"):
        return mention
    if _UNIT_AFTER.match(text, mention.end) or _in_brackets(text, mention.start, sent_start):
        return mention
    name = folded_name(mention.text)
    named = [
        p for p in mention.candidates if p.feature_class == "P" and folded_name(p.name) == name
    ]
    if any(p.country == place.country for p in named):
        return mention
    cities = [p for p in named if p.population >= max(_GREAT_CITY, place.population // 2)]
    beside = [m for m in inside if m.start != mention.start and m.place is not None]
    if not cities or any(m.place.country == place.country for m in beside if m.place):
        return mention
    return replace(mention, place=max(cities, key=lambda p: p.population))


# "Zanjili neighbourhood in western Mosul", "the Old City of Aleppo", "Mosul's Old City":
# a part of a town written with the town's name, which then names the town, not its unit
_PART_BEFORE_TOWN = re.compile(
    r"(?:neighbou?rhoods?|quarters?|old\s+city|old\s+town|suburbs?|city\s+cent(?:re|er))\s+"
    r"(?:of|in)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+)?$",
    re.I,
)
_PART_AFTER_TOWN = re.compile(
    r"['’]s\s+(?:old\s+city|old\s+town|(?:[\w'’-]+\s+){1,3}(?:neighbou?rhood|quarter)\b)",
    re.I,
)


def _town_of_its_parts(text: str, mention: Mention) -> Mention:
    """The mention re-read as the town of its name in the same country when it resolved
    to an admin unit but the text writes a part of a town with it ("Zanjili neighbourhood
    in western Mosul"): only a town has neighbourhoods and an old city."""
    place = mention.place
    if place is None or place.feature_class != "A":
        return mention
    head = text[max(0, mention.start - 60) : mention.start]
    if not (_PART_BEFORE_TOWN.search(head) or _PART_AFTER_TOWN.match(text, mention.end)):
        return mention
    name = folded_name(mention.text)
    towns = [
        p
        for p in mention.candidates
        if p.feature_class == "P" and p.country == place.country and folded_name(p.name) == name
    ]
    return replace(mention, place=max(towns, key=lambda p: p.population)) if towns else mention


def folded_name(name: str) -> str:
    """``name`` without accents, case-folded: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _agree(mention: Mention, qualifier: Mention | None) -> Mention:
    """The mention re-read as its namesake inside the admin area that qualifies it, when
    the gazetteer knows one there."""
    place = mention.place
    if qualifier is None or qualifier.place is None or place is None:
        return mention
    area = qualifier.place
    if _within(place, area):
        return mention
    same = [p for p in mention.candidates if _within(p, area)]
    if same:
        return replace(mention, place=max(same, key=lambda p: p.population))
    return mention


# a reading this far outside the area a place is written inside is a namesake elsewhere
_OUTSIDE_KM, _UNKNOWN_KM = 30.0, 100.0
# for a place whose province is derived (a map point's, from its nearest town)
_DERIVED_KM = 60.0


def _outside_area(mention: Mention, area: Mention | None) -> Mention:
    """The mention without its place when that place lies outside the area the text
    writes it inside and no namesake lies there ("Tal X town in Hasakeh countryside" read
    as a Tal X of Hama): the area then stands in for it."""
    place = mention.place
    if area is None or area.place is None or place is None:
        return mention
    whole = area.place
    km = haversine_km(place.lat, place.lon, whole.lat, whole.lon)
    if whole.feature.startswith("A.PCL"):  # a whole country: its point tells nothing
        outside = bool(place.country) and place.country != whole.country
    elif place.admin1 and whole.admin1:
        # a map point's province is its nearest town's, unsure near a border: farther
        reach = _OUTSIDE_KM if place.source == "geonames" else _DERIVED_KM
        outside = not _within(place, whole) and km > reach
    else:  # a division unknown: only the distance tells
        outside = km > (_UNKNOWN_KM if whole.feature_class == "P" else 2 * _UNKNOWN_KM)
    return replace(mention, place=None) if outside else mention


# "the Dur al Naft area of Basrah city", "Zanjili neighbourhood in western Mosul": the name
# before is a part of the place after
_PART_OF_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}\s+(?:area|neighbou?rhood|quarter|district|suburb|square|roundabout"
    r"|bridge|market|street)\s+(?:of|in|on\s+the\s+(?:\w+\s+)?(?:outskirts|edges?|fringes)\s+of)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|(?:city|town)\s+of\s+)?",
    re.I,
)
# "Mosul's Old City": the name after the possessive is a part of the place before it
_WHOLE_BEFORE = re.compile(r"['’]s\s+(?:the\s+)?$")
_PART_KM = 50.0
_TOWN_WORD = re.compile(r"\s+(?:city|town)\b", re.I)  # "Basrah city": a town, not its province


def _a_town(text: str, mention: Mention) -> bool:
    """Whether the mention names a town: a populated place not written as a unit, or a
    name written as a city or town ("Basrah city")."""
    place = mention.place
    if place is None or _UNIT_AFTER.match(text, mention.end):
        return False  # "Atyrau region": the unit, whatever its point
    return place.feature_class == "P" or _TOWN_WORD.match(text, mention.end) is not None


def _whole_of_far_part(text: str, mention: Mention, inside: list[Mention]) -> Mention | None:
    """The place the text writes the mention as a part of, after it ("the Dur al Naft area
    of Basrah city") or before it ("Mosul's Old City"), when the gazetteer read the mention
    far from that place: a misreading of a local name, which the whole then stands in
    for. None otherwise."""
    if mention.place is None:
        return None
    gap = _PART_OF_AFTER.match(text, mention.end)
    owner = _WHOLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    whole = next(
        (m for m in inside if m.place is not None and _a_town(text, m) and (
            (gap is not None and m.start == gap.end())
            or (owner is not None and m.end == owner.start()))),
        None,
    )  # fmt: skip  (a district of a province, "Syria's Hasakah province", may lie far from its point)
    if whole is None or whole.place is None:
        return None
    km = haversine_km(mention.place.lat, mention.place.lon, whole.place.lat, whole.place.lon)
    return whole if km > _PART_KM else None


def _within(place: Place, area: Place) -> bool:
    """Whether ``place`` lies in ``area``'s first-level division (for a city that is a
    division of its own, such as Damascus, in the division around it as well)."""
    if place.country != area.country:
        return False
    if not (place.admin1 and area.admin1) or place.admin1 == area.admin1:
        return True
    around = admin_enclosures().get(f"{area.country}.{area.admin1}")
    return around == f"{place.country}.{place.admin1}"


def _coded(text: str, inside: list[Mention]) -> Location | None:
    """ACLED's "(coded to X)": X is where the event is placed; precision 3 when the
    wording before names a region, 2 otherwise."""
    for mention in inside:
        if mention.place is None:
            continue
        head = text[max(0, mention.start - 90) : mention.start]
        match = _CODED.search(head)
        if match is None:
            continue
        region = _REGION_WORD.search(head[: match.start()][-40:])
        precision = 3 if region else 2
        return Location(mention.place.name, mention.place, precision, mention)
    return None


def _qualifier(inside: list[Mention], target: Mention, text: str) -> Mention | None:
    """The first resolved admin name qualifying ``target``: "X (Admin2, Admin1)"."""
    if not _headed(text, target):
        return None
    after = [m for m in inside if m.start >= target.end and m.place is not None]
    if not after:
        return None
    first = min(after, key=lambda m: m.start)
    return first if first.start - target.end < 60 else None


def _nearby(mentions: list[Mention], target: Mention, paragraph: tuple[int, int]) -> Mention | None:
    resolved = [
        m
        for m in mentions
        if m.place is not None
        and m.kind == "toponym"
        and paragraph[0] <= m.start < paragraph[1]
        and m.place.feature_class == "P"
        and m.start != target.start  # not the name's own (mis)reading
    ]
    if not resolved:
        return None
    return min(resolved, key=lambda m: abs(m.start - target.start))


def main_place(mentions: list[Mention], text: str = "") -> Mention | None:
    """The document's main place: the most often named resolved place (first on ties);
    where a source is based ("the UK-based monitor") is none."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.place is None or mention.kind != "toponym" or based_at(text, mention):
            continue
        counts[mention.place.id] = counts.get(mention.place.id, 0) + 1
        first.setdefault(mention.place.id, mention)
    if not counts:
        return None
    best = max(counts, key=lambda pid: (counts[pid], -first[pid].start))
    return first[best]


# "Duhok province", "Idlib governorate": a division named with its unit word
_UNIT_AFTER = re.compile(r"\s+(?:province|governorate|district|oblast|region)\b", re.I)


def text_country(text: str, mentions: list[Mention]) -> str:
    """The country most resolved place names point to (ISO2, "" when none); names that
    qualify another in brackets, "X (Admin2, Admin1)", and divisions named with their unit
    word ("Duhok province") count double."""
    counts: dict[str, float] = {}
    brackets = _Brackets(text)
    by_place: dict[str, list[int]] = {}
    for other in mentions:
        if other.place is not None:
            by_place.setdefault(other.place.id, []).append(other.start)
    for starts in by_place.values():
        starts.sort()
    for mention in mentions:
        place = mention.place
        if mention.kind != "toponym" or place is None or not place.country:
            continue
        if based_at(text, mention):
            continue  # where a source is based ("the UK-based monitor")
        if _inherits(text, mention, by_place[place.id]):
            continue
        named_unit = place.feature_class == "A" and _UNIT_AFTER.match(text, mention.end)
        weight = 2.0 if brackets.open_at(mention.start) or named_unit else 1.0
        counts[place.country] = counts.get(place.country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else ""


class _Brackets:
    """``open_at(i)``: ``_in_brackets(text, i, 0)`` by bisection in the offsets of the
    brackets, so that a long text is not recounted for each of its names."""

    def __init__(self, text: str) -> None:
        self.opens = [m.start() for m in re.finditer(r"\(", text)]
        self.closes = [m.start() for m in re.finditer(r"\)", text)]

    def open_at(self, i: int) -> bool:
        return bisect_left(self.opens, i) > bisect_left(self.closes, i)


def _inherits(text: str, mention: Mention, same_place: list[int]) -> bool:
    """True when the mention only holds the place of a unit qualifying it in brackets
    ("Kalaiya (Bara district)" read as a Bara abroad): the unit already counts.
    ``same_place``: the offsets, in order, of the mentions resolved to its place."""
    place = mention.place
    if place is None or folded_name(mention.text) == folded_name(place.name):
        return False
    first = bisect_right(same_place, mention.end)
    last = bisect_left(same_place, mention.end + 40)
    return any(_in_brackets(text, start, mention.end) for start in same_place[first:last])
