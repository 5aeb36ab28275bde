"""Which names a candidate is looked up under, and spaCy's labels that make or veto a place."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Place
from .gazetteer import ALTERNATE, LOOSE, Match
from .recognize import Candidate
from .sources import haversine_km

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
VETO_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
                         "CARDINAL", "ORDINAL", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})  # fmt: skip


def lookup_names(c: Candidate) -> list[str]:
    """The names ``c`` is looked up under, finest first."""
    return list(_names_for(c.name, c.hint, "cue" in c.origins))


@lru_cache(maxsize=4096)  # a text repeating a name asks for the same names again
def _names_for(name: str, hint: str, cued: bool = False) -> tuple[str, ...]:
    names = [name]
    if hint == "station":
        names.insert(0, f"{name} station")
    numbered = _NUMBERED_STATION.fullmatch(name)
    if numbered and (hint == "station" or numbered[2]):  # "the Third Station": T3
        names.insert(0, f"T{_ORDINALS[numbered[1].lower()]} station")
    if hint == "valley":
        names.append(name.rsplit(" ", 1)[0])
    parts = [p for p in re.split(r"\s+[-–]\s+", name) if p]
    if len(parts) > 1:
        names.extend(reversed(parts))  # "Seoul City - Jongno": the finest part first
    names.extend(two_names(name))  # "Serekaniye (Ras al-Ain)": the place's two names
    for part in [name, *two_names(name)]:
        names.extend(english_feature_names(part))  # "Jibal Qandil": the Qandil Mountains
    if cued:  # "Ash Shula-Sokhneh axis": the first place, then the second
        names.extend(_joined_places(name))
    for name in list(names):
        bare = _UNIT_SUFFIX.sub("", name)
        if bare != name and len(bare) > 2:
            names.append(bare)  # "Suwon-si", "Seoul City", "Busan City Hall" -> the city
    for name in list(names):
        facility = _FACILITY_SUFFIX.search(name)
        if facility is None:
            continue
        bare = name[: facility.start()]
        names.extend(f"{bare} {kind}" for kind in _FACILITY_NAMES[_facility_kind(facility[0])])
        if len(bare) >= 5:  # a short word ("Hole Camp") says too little
            names.append(bare)  # "Rukban Camp", "Sidnaya Military Prison" -> the place
    return tuple(dict.fromkeys(names))


def _facility_kind(suffix: str) -> str:
    words = suffix.lower().split()
    return "camp" if words[-1] == "camp" else "prison" if words[-1] in ("prison", "jail") else "air"


# The names a facility goes by in gazetteers, whatever qualifier the text gives it: "Hole
# Camp" is the gazetteer's "Al-Hawl Refugee Camp", "Sidnaya Military Prison" its "Sednaya
# Prison" (looked up loosely: the place's name may be spelled otherwise).
_FACILITY_NAMES = {
    "camp": ("Camp", "Refugee Camp"),
    "prison": ("Prison",),
    "air": ("Airport", "Air Base", "Airbase"),
}


# The pumping stations of the Iraq-Syria oil pipelines are numbered (T1 ... T4, K1 ... K3),
# and reports call them by the ordinal alone ("near the Third Station")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NUMBERED_STATION = re.compile(
    r"(first|second|third|fourth|fifth)(\s+(?:pumping\s+)?station)?", re.IGNORECASE
)


# A facility named after the place it stands at: looked up under the place's name when the
# gazetteer lacks the facility itself.
_FACILITY_SUFFIX = re.compile(
    r"\s+(?:(?:(?:refugee|IDP|displacement|detention)\s+)?camp|(?:(?:military|central)\s+)?(?:prison|jail)"
    r"|(?:military\s+)?(?:airport|air\s?base|airfield))$",
    re.IGNORECASE,
)


# Korean unit endings ("-si" city, "-gun" county, "-gu" district) and "City"/"City Hall".
_UNIT_SUFFIX = re.compile(r"(?:-(?:si|gun|gu)|\s+City(?:\s+Hall)?)$")


# two capitalised names joined by a hyphen, each ending in a word of four letters or more
# ("Ash Shula-Sokhneh"), in a span a cue marks as a place: a pair of places (the ends of a
# road or a front sector) when the whole is no name
_JOINED = re.compile(r"(?P<first>(?:[A-Z][a-z]* )?[A-Z][a-z]{3,})-(?P<second>[A-Z][a-z]{3,})")


def _joined_places(name: str) -> tuple[str, ...]:
    found = _JOINED.fullmatch(name)
    return (found["first"], found["second"]) if found and " - " not in name else ()


# Arabic words for natural features, as English maps write the feature: "(Silsilat) Jibal
# X" / "Jabal X" is the X Mountains or Mount X, "Buhayrat X" Lake X, "Sahl X" the X Plain
_ARABIC_FEATURES = (
    (re.compile(r"(?:silsilat\s+)?(?:jibal|jabal|jebel|jabel)\s+(?:al-|el-|al\s|el\s)?(?P<x>.+)", re.I),
     ("{x} Mountains", "Mount {x}")),
    (re.compile(r"(?:buhayrat|buhairat|bohayrat)\s+(?:al-|al\s)?(?P<x>.+)", re.I), ("Lake {x}",)),
    (re.compile(r"sahl\s+(?:al-|el-|al\s|el\s)?(?P<x>.+)", re.I), ("{x} Plain",)),
)


def english_feature_names(name: str) -> list[str]:
    """The English map names of a natural feature named with its Arabic word ("Silsilat
    Jibal Qandil" -> "Qandil Mountains", "Mount Qandil"); [] for any other name."""
    for pattern, forms in _ARABIC_FEATURES:
        found = pattern.fullmatch(name)
        if found:
            return [form.format(x=found["x"]) for form in forms]
    return []


_TWO_NAMES = re.compile(r"(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)")


def two_names(name: str) -> tuple[str, ...]:
    """The two names of a place written one after the other in brackets ("Serekaniye (Ras
    al-Ain)", a Kurdish and an Arabic name); () for any other name."""
    found = _TWO_NAMES.fullmatch(name)
    return (found["first"], found["second"]) if found else ()


def matches_for(c: Candidate, matches: dict[str, list[Match]]) -> list[Match]:
    """The matches of the first of ``c``'s names that has any; for a place written with
    its two names, the matches of either (the places around it choose among them)."""
    both = two_names(c.name)
    if both and not matches.get(c.name):
        either = [*both, *(n for part in both for n in english_feature_names(part))]
        union = {m.place.id: m for name in either for m in matches.get(name) or []}
        return sorted(union.values(), key=lambda m: (-m.quality, -m.spelling))
    outer = _dashed_outer(c.name, matches)
    for name in lookup_names(c):
        found = matches.get(name) or []
        if outer and name != c.name:  # "City - Quarter": the quarter lies in the city
            found = [m for m in found if m.quality > LOOSE or _near_any(m.place, outer)]
        if found:
            return found
    return []


_DASH = re.compile(r"\s+[-–]\s+")
QUARTER_KM = 30.0


def _dashed_outer(name: str, matches: dict[str, list[Match]]) -> list[Match]:
    """For "City - Quarter" (two dashed parts), the city's strong matches ([] otherwise):
    a quarter found only by its sound must lie near one of them."""
    parts = _DASH.split(name)
    if len(parts) != 2:
        return []
    return [m for m in matches.get(parts[0]) or [] if m.quality >= ALTERNATE]


def _near_any(place: Place, outer: list[Match]) -> bool:
    return any(
        haversine_km(place.lat, place.lon, m.place.lat, m.place.lon) <= QUARTER_KM for m in outer
    )
