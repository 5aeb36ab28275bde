"""Toponym resolution: pick one gazetteer place per candidate with a transparent score.

    score = 2.0 * name match (1 exact, 0.9 alternate, 0.7 derived alias, 0.5 loose; in a
            transliterated country 0.8 for a loose name spelled the same once its variants are
            folded, less the spelling's distance otherwise)
          + 0.3 * max(0, log10(population + 1) - 3)   (only towns above 1,000 count; a
            district's seat without a population counts as a town of 10,000)
          + feature bonus (countries, ADM1, capitals high; a cue's hint: admin/station/...)
          + 2.0 * share of the place's country in the document's focus (+0.5 if any)
          + containment ("Homs, Syria": the next toponym contains this place; an ADM1 that
            holds another place of the text)
          + coherence (distance to the other places chosen in the same text)
          + source (Wikipedia detailed-map points inside a focused SY/IQ; curated features)
          - 1.0 for a state/province (ADM1) named like a capital or a million-people city
            of the same country ("Washington", "New York" mean the cities)

Coherence is computed from the previous round's choices (two rounds).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..records import Place
from .gazetteer import LOOSE, Match, unit_named
from .ranking import named_quality
from .recognize import UNIT_WORDS, Candidate
from .sources import haversine_km
from .words import TRANSLITERATED

_FEATURE_BONUS = {
    "L.CONT": 1.5, "A.PCLI": 1.5, "A.PCLD": 1.0, "A.PCLS": 1.0, "A.PCLIX": 1.0, "A.ADM1": 0.6, "H.OCN": 1.0, "H.SEA": 0.5,
    "P.PPLC": 0.8, "P.PPLA": 0.4, "A.ADM2": 0.1, "P.PPLA2": 0.2,
}  # fmt: skip
_HINT_CLASSES = {"admin": "A", "locality": "PS", "station": "S", "facility": "SP", "valley": "T",
                 "desert": "T", "region": "LT"}  # fmt: skip
REGION_CLASSES = frozenset("ALTH")


@dataclass(slots=True)
class Scored:
    """A candidate with its matches and current choice."""

    cand: Candidate
    matches: list[Match]
    best: Match | None = None
    score: float = 0.0


def feature_precision(place: Place) -> int:
    """ACLED precision implied by a place's feature (1 point, 2 ADM2, 3 region)."""
    if place.feature == "A.ADM2":
        return 2
    if place.feature_class in REGION_CLASSES:
        return 3
    return 1


def focus_shares(counts: Counter[str]) -> dict[str, float]:
    """Country -> share of the focus evidence."""
    total = sum(counts.values())
    return {c: n / total for c, n in counts.items()} if total else {}


def _feature_score(place: Place, hint: str) -> float:
    score = _FEATURE_BONUS.get(place.feature, 0.0)
    if place.feature_class == "S" and hint not in ("station", "facility"):
        score -= 0.4
    wanted = _HINT_CLASSES.get(hint, "")
    if wanted and place.feature_class in wanted:
        score += 1.5
    return score


# the same places are measured against the same others in each round of ``resolve``, and
# again for each mention of a name: their distances are remembered
_km = lru_cache(maxsize=200_000)(haversine_km)


def _coherence(place: Place, others: Sequence[Place]) -> float:
    if not others or (place.feature_class == "A" and place.feature.startswith("A.PCL")):
        return 0.0
    nearest = min(_km(place.lat, place.lon, o.lat, o.lon) for o in others)
    if place.feature_class in "TLHA":
        nearest /= 3  # a region's point stands for a wide area
    for limit, bonus in ((50, 1.2), (150, 0.9), (400, 0.4)):
        if nearest < limit:
            return bonus
    return 0.0


def score_match(
    m: Match,
    cand: Candidate,
    focus: dict[str, float],
    others: Sequence[Place],
    containers: Sequence[Place],
    town_named_alike: bool = False,
) -> float:
    """The transparent score of one match (see the module docstring)."""
    p = m.place
    # a name cued as a division ("X (Plateau)", "Niger state") is "Plateau State" fully
    quality = unit_named(m, cand.name).quality if cand.hint == "admin" else m.quality
    if p.country in TRANSLITERATED:
        quality = _heard_quality(m, quality)
    score = 2.0 * quality + 0.3 * max(0.0, math.log10(_population(p) + 1) - 3)
    score += _feature_score(p, cand.hint)
    share = focus.get(p.country, 0.0)
    score += 2.0 * share + (0.5 if share else 0.0)
    if any(_contains(c, p) for c in containers):
        score += 1.5
    score += _coherence(p, others)
    if _holds_others(p, others) and not town_named_alike:
        score += 1.5
    if p.source == "wikipedia" and share >= 0.25:
        score += 0.4
    if p.source == "curated":
        score += 0.6
    return score


# a division's seat whose population the gazetteer lacks is ranked as a town this large
SEAT_TOWN = 10_000


def _population(place: Place) -> int:
    """The place's population; a second-level seat without one counts as ``SEAT_TOWN``."""
    if place.population == 0 and place.feature == "P.PPLA2":
        return SEAT_TOWN
    return place.population


def _heard_quality(m: Match, quality: float) -> float:
    """A transliterated country's names are heard, not spelled: the closer spelling first,
    and one spelled alike after its variants are folded counts as the name itself."""
    named = named_quality(m)
    return named if named > m.quality else quality - (1.0 - m.spelling) / 2


MAJOR_CITY_PENALTY = 1.5
SEAT_PENALTY = 1.0


SEAT_POPULATION = 100_000


SEAT_SHARE = 0.3


def _seats(matches: Sequence[Match]) -> dict[tuple[str, str], tuple[float, int]]:
    """(country, admin1) -> (match quality, population) of the towns of 100,000 people
    that carry the name: a division named after a seat that holds much of its people
    ("Deir ez-Zor") means the town when written bare (not so "Quebec", the province)."""
    out: dict[tuple[str, str], tuple[float, int]] = {}
    for m in matches:
        p = m.place
        if p.feature_class == "P" and p.population >= SEAT_POPULATION:
            key = (p.country, p.admin1)
            out[key] = max(out.get(key, (0.0, 0)), (m.quality, p.population))
    return out


def _seat_named(m: Match, seats: dict[tuple[str, str], tuple[float, int]] | None) -> bool:
    p = m.place
    seat = seats.get((p.country, p.admin1)) if seats else None
    return seat is not None and seat[0] >= m.quality and seat[1] >= SEAT_SHARE * p.population


def _major_city(m: Match) -> bool:
    """A national capital or a city of a million people: news writing its bare name means
    the city, not the same-named state ("Washington", "New York")."""
    p = m.place
    return m.quality >= 0.9 and (p.feature == "P.PPLC" or (p.feature_class == "P"
                                 and p.population >= 1_000_000))  # fmt: skip


def _major_cities(matches: Sequence[Match]) -> dict[str, float]:
    """Country -> the best match quality of a major city carrying the name."""
    out: dict[str, float] = {}
    for m in matches:
        if _major_city(m):
            out[m.place.country] = max(out.get(m.place.country, 0.0), m.quality)
    return out


def _holds_others(p: Place, others: Sequence[Place]) -> bool:
    """An ADM1 that contains another place chosen in the text."""
    return p.feature == "A.ADM1" and any(
        o.country == p.country and o.admin1 == p.admin1 for o in others
    )


def _contains(container: Place, p: Place) -> bool:
    if container.id == p.id or not p.country or container.country != p.country:
        return False
    if container.feature.startswith("A.PCL"):
        return True
    if container.feature == "A.ADM2" and p.admin2:
        return container.admin1 == p.admin1 and container.admin2 == p.admin2
    return container.feature in ("A.ADM1", "A.ADM2") and container.admin1 == p.admin1


def _point_places(items: Sequence[Scored], skip: Scored) -> list[Place]:
    """The towns and sites chosen for the other names of the text: the other mentions of
    the same name are left out, or a wrong first choice would vouch for itself."""
    name = skip.cand.text.casefold()
    return [
        s.best.place
        for s in items
        if s is not skip
        and s.cand.text.casefold() != name
        and s.best is not None
        and s.best.place.feature_class in "PS"
    ]


class _Chosen:
    """The distinct towns and sites chosen so far, each with the names it was chosen for,
    kept up to date as choices change: a text that repeats its names costs per distinct
    place, not per mention. The same places as ``_point_places`` without repeats, for the
    scores that only ask for the nearest one or any one (coherence, containment)."""

    def __init__(self, items: Sequence[Scored]) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[str, Counter[str]] = {}
        for item in items:
            self._add(item, item.best, 1)

    def _add(self, item: Scored, best: Match | None, step: int) -> None:
        if best is None or best.place.feature_class not in "PS":
            return
        pid = best.place.id
        self.places.setdefault(pid, best.place)
        names = self.names.setdefault(pid, Counter())
        names[item.cand.text.casefold()] += step
        if names[item.cand.text.casefold()] <= 0:
            del names[item.cand.text.casefold()]

    def choose(self, item: Scored, best: Match | None) -> None:
        self._add(item, item.best, -1)
        self._add(item, best, 1)

    def others(self, item: Scored) -> list[Place]:
        name = item.cand.text.casefold()
        return [self.places[pid] for pid, names in self.names.items()
                if any(n != name for n in names)]  # fmt: skip


_UNIT_GAP = re.compile(rf"^\s+(?:{UNIT_WORDS})\b")


def _containers(items: Sequence[Scored], i: int, text: str) -> list[Place]:
    """The admin units named right after item ``i``: "Homs, Syria", "Cahors (Lot,
    Occitanie)" (up to three, each joined by a comma or an opening parenthesis)."""
    out: list[Place] = []
    end = items[i].cand.end
    for nxt in items[i + 1 : i + 4]:
        gap = _UNIT_GAP.sub("", text[end : nxt.cand.start])
        if gap.strip() not in (",", "", "(", ", (") or "\n" in gap or nxt.best is None:
            break
        if nxt.best.place.feature_class == "A":
            out.append(nxt.best.place)
        end = nxt.cand.end
    return out


def _loose_outside(best: Match | None, containers: Sequence[Place]) -> bool:
    if best is None or best.quality > LOOSE or not containers:
        return False
    return not any(_contains(c, best.place) for c in containers)


# how far after a name a province of its country may be written and still be its own
PROVINCE_AFTER_CHARS = 160


def _outside_province(items: Sequence[Scored], i: int, best: Match | None) -> bool:
    """A loose look-alike (not spelled the same) in another province than the one the
    text writes after the name in its country ("Kafya area in Dinarta district of Ninewa"
    is not Kufa in Najaf): the text says where the place lies, and the look-alike is not
    there."""
    if best is None or best.quality > LOOSE or named_quality(best) > LOOSE:
        return False
    place, end = best.place, items[i].cand.end
    provinces = [
        s.best.place
        for s in items[i + 1 :]
        if s.best is not None
        and s.best.place.feature == "A.ADM1"
        and s.best.place.country == place.country
        and s.cand.start - end <= PROVINCE_AFTER_CHARS
    ]
    return bool(provinces) and all(p.admin1 != place.admin1 for p in provinces)


STATE_BONUS = 1.0


def _named_divisions(items: Sequence[Scored]) -> set[tuple[str, str]]:
    """(country, admin1) of the first-level divisions chosen in the text."""
    return {(s.best.place.country, s.best.place.admin1) for s in items
            if s.best is not None and s.best.place.feature == "A.ADM1"}  # fmt: skip


GLOBAL_FEATURES = frozenset({"L.CONT", "H.OCN", "H.SEA", "L.RGN", "T.DSRT"})
SMALL_TOWN = 100_000
SMALL_TOWN_PENALTY = 1.5


def _famous_feature(matches: Sequence[Match]) -> bool:
    """Whether a name's strong matches include a continent, ocean, sea or well-known
    region that belongs to no single country ("Atlantic", "Middle East"), or one of the
    project's curated features, chosen for being well known ("White House", "Kremlin")."""
    return any((m.quality >= 0.9 and not m.place.country and m.place.feature in GLOBAL_FEATURES
                and m.place.source != "geonames") or m.place.feature == "L.CONT"
               or (m.quality >= 0.9 and m.place.source == "curated")
               for m in matches)  # fmt: skip


def _adjust(
    m: Match,
    states: set[tuple[str, str]],
    famous: bool,
    major: dict[str, float],
    seats: dict[tuple[str, str], tuple[float, int]] | None = None,
    exact_city: int = 0,
) -> float:
    p = m.place
    out = 0.0
    if m.quality < 1.0 and p.feature_class == "P" and exact_city and p.population < 10 * exact_city:
        out -= ALIAS_PENALTY  # "Parma" is the Italian city, not Perm's old name
    if p.feature_class in "PS" and (p.country, p.admin1) in states:
        out += STATE_BONUS  # a town of a state the text names ("Riverdale" + "New Jersey")
    if famous and (p.feature == "A.ADM2" or (p.feature_class == "P" and p.population < SMALL_TOWN)):
        out -= SMALL_TOWN_PENALTY  # "Atlantic" is the ocean, not Atlantic (Iowa) or its county
    if p.feature == "A.ADM1" and p.country in major:
        # the city's name may be an alternate ("Kiev") where the division's is its main one
        out -= MAJOR_CITY_PENALTY + 2.0 * max(0.0, m.quality - major[p.country])
    elif p.feature == "A.ADM1" and (_seat_named(m, seats) or p.population < exact_city >= MILLION):
        out -= SEAT_PENALTY  # "Cordoba" bare: the Argentine city before Colombia's department
    return out


ALIAS_PENALTY = 1.0
MILLION = 1_000_000


PROMINENT_TOWN, PROMINENCE_RATIO, PROMINENCE_PENALTY = 100_000, 50, 1.0


def _largest_town(matches: Sequence[Match]) -> int:
    """The population of the largest town the name fully matches."""
    return max((m.place.population for m in matches
                if m.quality >= 0.9 and m.place.feature_class == "P"), default=0)  # fmt: skip


def _overshadowed(m: Match, largest: int) -> float:
    """A small town named like a city fifty times its size ("London", Ohio, beside
    London; "Louisville", Ohio, beside Louisville, Kentucky) needs more than the
    document's country focus or a named state: a "Town, State" container still wins."""
    p = m.place
    if p.feature_class != "P" or largest < PROMINENT_TOWN:
        return 0.0
    return PROMINENCE_PENALTY if p.population * PROMINENCE_RATIO < largest else 0.0


def _exact_city(matches: Sequence[Match]) -> int:
    """The population of the largest town of 100,000 people whose own name is the written
    one: another place's alternate name then stands back unless ten times bigger."""
    pops = [m.place.population for m in matches if m.quality >= 1.0
            and m.place.feature_class == "P" and m.place.population >= SMALL_TOWN]  # fmt: skip
    return max(pops, default=0)


LIST_STATE_BONUS = 1.5
_LIST_GAPS = frozenset({",", "and", ", and", "or", ", or", "&", "/"})


def _listed_with_states(items: Sequence[Scored], i: int, text: str) -> bool:
    """Item ``i`` stands in a list whose next or previous member was resolved to a
    first-level division ("California or Washington", "Ohio, New York and Michigan")."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(items):
            continue
        a, b = sorted((items[i], items[j]), key=lambda s: s.cand.start)
        gap = text[a.cand.end : b.cand.start]
        best = items[j].best
        listed = len(gap) < 8 and gap.strip() in _LIST_GAPS
        if listed and best is not None and best.place.feature == "A.ADM1":
            return True
    return False


TOWN_STATE_BONUS = 3.0


def _states_town_before(items: Sequence[Scored], i: int, text: str, p: Place) -> bool:
    """ "Tacoma, Washington": a first-level division written right after a town of its
    own, joined by a comma, is that division, whatever else carries its name."""
    if i == 0 or p.feature != "A.ADM1":
        return False
    prev = items[i - 1].best
    if prev is None or prev.place.feature_class not in "PS":
        return False
    gap = text[items[i - 1].cand.end : items[i].cand.start]
    return (
        gap.strip() == ","
        and "\n" not in gap
        and (prev.place.country, prev.place.admin1) == (p.country, p.admin1)
    )


def resolve(items: list[Scored], focus: dict[str, float], text: str, rounds: int = 2) -> None:
    """Choose ``best`` for each item in place (items sorted by offset)."""
    for round_no in range(rounds + 1):
        states = _named_divisions(items) if round_no else set()
        chosen = _Chosen(items) if round_no else None
        for i, item in enumerate(items):
            famous = _famous_feature(item.matches)
            others = chosen.others(item) if chosen is not None else []
            containers = _containers(items, i, text) if round_no else []
            best, best_score = None, -math.inf
            towns = {m.place.country for m in item.matches if m.place.feature_class == "P"
                     and m.place.population >= 10_000}  # fmt: skip
            named_unit = item.cand.hint == "admin"  # "Kiev region": the division itself
            major = {} if named_unit else _major_cities(item.matches)
            listed = round_no > 0 and _listed_with_states(items, i, text)
            seats = _seats(item.matches)
            exact_city = _exact_city(item.matches)
            largest = _largest_town(item.matches)
            for m in item.matches:
                alike = m.place.country in towns
                s = score_match(m, item.cand, focus, others, containers, alike)
                s += _adjust(m, states, famous, major, seats, exact_city)
                s -= _overshadowed(m, largest)
                if listed and m.place.feature == "A.ADM1":
                    s += LIST_STATE_BONUS
                if round_no and _states_town_before(items, i, text, m.place):
                    s += TOWN_STATE_BONUS
                if s > best_score:
                    best, best_score = m, s
            if _loose_outside(best, containers) or _outside_province(items, i, best):
                best = None  # a loose look-alike outside the divisions named after it
            if chosen is not None:
                chosen.choose(item, best)
            item.best, item.score = best, (best_score if best else 0.0)
    _inside_cities(items, text)
    _drop_strays(items, focus)
    _drop_far_sound_alikes(items)


SOUND_ALIKE_KM, SOUND_ALIKE_CHARS = 100.0, 250
_FACILITY_WORD = re.compile(r"\b(?:prison|jail|camp)\b", re.I)


def _drop_far_sound_alikes(items: list[Scored]) -> None:
    """A small place found only by its sound (a loose match), far from every place the
    text names beside it, and in none of their provinces, is a namesake of a village the
    gazetteer lacks ("Al Hasyan, southwest of al-Mayadin" is not Al Hassan 180 km away):
    leave it unresolved, so that the places beside it stand in for it."""
    for item in items:
        best = item.best
        if best is None or best.quality > LOOSE or best.place.feature_class not in "PS":
            continue
        if best.place.population >= SMALL_TOWN:
            continue  # a city is no village's namesake
        if item.cand.hint == "facility" and _FACILITY_WORD.search(best.place.name):
            continue  # a prison or camp named in full: the kind vouches for the sound
        p = best.place
        beside = [s.best.place for s in items
                  if s is not item and s.best is not None and s.best.quality > LOOSE
                  and s.best.place.feature_class in "PS" and s.best.place.country == p.country
                  and abs(s.cand.start - item.cand.start) <= SOUND_ALIKE_CHARS]  # fmt: skip
        if beside and all(
            o.admin1 != p.admin1 and haversine_km(p.lat, p.lon, o.lat, o.lon) > SOUND_ALIKE_KM
            for o in beside
        ):
            item.best, item.score = None, 0.0


STRAY_KM, STRAY_FOCUS = 2000.0, 0.6


def _drop_strays(items: list[Scored], focus: dict[str, float]) -> None:
    """A small town of a country no other place of the text belongs to, thousands of km
    from every other place of a text focused on another country ("Delft" among Cape Town's
    suburbs is not the Dutch town): the gazetteer lacks the place meant; leave it out."""
    for item in items:
        p = item.best.place if item.best is not None else None
        if p is None or p.feature_class != "P" or p.population >= SMALL_TOWN:
            continue
        if max((v for c, v in focus.items() if c != p.country), default=0.0) < STRAY_FOCUS:
            continue
        if any(_anchor(s, p.country) for s in items if s is not item):
            continue
        others = _point_places(items, item)
        if len(others) >= 2 and all(
            haversine_km(p.lat, p.lon, o.lat, o.lon) > STRAY_KM for o in others
        ):
            item.best, item.score = None, 0.0


def _anchor(item: Scored, country: str) -> bool:
    """A place that vouches for its country being discussed: anything of that country but
    another small town (French-named streets of New Orleans, "Chartres", "Bourbon",
    "Dauphine", each a small French town, do not vouch for one another)."""
    p = item.best.place if item.best is not None else None
    if p is None or p.country != country:
        return False
    return p.feature_class != "P" or p.population >= SMALL_TOWN


INSIDE_KM = 50.0
_IN_GAP = re.compile(
    r"^\s*(?:(?:neighbou?rhood|quarter|square|street|road|avenue|bridge|market|mosque|church)"
    r"\s+)?in\s+$",
    re.I,
)
# "X village in Homs countryside": the city after "in" stands for its region, X is not inside it
_REGION_AFTER = re.compile(
    r"^\s*(?:(?:north|south|east|west)(?:ern)?\s+)?(?:countryside|governorate|province|region"
    r"|district|desert|badia|plains?|suburbs|outskirts)\b",
    re.I,
)


def _inside_cities(items: list[Scored], text: str) -> None:
    """ "The Dam in Amsterdam", "Rondani square in Parma": a town or site written right
    before "in" + a city of 100,000 people but chosen far from that city is a spot of the
    city (a square, a quarter) that the gazetteer only knows as a far namesake: it takes
    the city's place."""
    for item, nxt in pairwise(items):
        city = nxt.best
        if (
            item.best is None
            or city is None
            or not _IN_GAP.match(text[item.cand.end : nxt.cand.start])
            or _REGION_AFTER.match(text[nxt.cand.end :])
        ):
            continue
        p, c = item.best.place, city.place
        if c.feature_class != "P" or c.population < SMALL_TOWN or p.feature_class not in "PS":
            continue
        if p.country == c.country and p.admin1 and p.admin1 == c.admin1:
            continue  # "Makhmour camp in Erbil": in the province the city names, not a spot of it
        if p.population < c.population and haversine_km(p.lat, p.lon, c.lat, c.lon) > INSIDE_KM:
            item.best = city
