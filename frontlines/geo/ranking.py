"""How a name's matches are scored and ranked: exact, alternate, derived and loose matches.

A loose key (a consonant skeleton such as ``sn``) can match thousands of places, and most
names written in a page are not places at all, so most look-ups rank loose matches only.
:class:`LooseGroup` holds one loose key's places, ordered once, so that a name's ranking
costs no more than its sound-alike places and the few it keeps; it gives exactly what
``best_first(with_loose(exact, looser))`` gives over every loose row of the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..records import Place
from .fold import canonical, fold, spelling_similarity
from .similarity import ratio
from .words import TRANSLITERATED

# Match quality: the main name, an alternate name, a derived alias, a loose (skeleton) match.
EXACT, ALTERNATE, DERIVED, LOOSE = 1.0, 0.9, 0.7, 0.5
MAX_CANDIDATES = 60
# a loose match spelled at least this close stays a candidate beyond MAX_CANDIDATES: the
# context (the text's countries) chooses among them, not world population
CLOSE_SPELLING = 0.75
# beyond the cap, the divisions and towns of this size are still kept: a name shared by
# sixty villages ("Santa Cruz", "San Miguel") must not lose its province or its city
_KEPT_TOWN = 50_000
_MORE_SOUNDING = MAX_CANDIDATES * 4
# exact matches that leave room for closely spelled others: none, or only small places
_SMALL = 20_000


@dataclass(frozen=True, slots=True)
class Match:
    """A place found for a name, with how well the name matched (``EXACT`` ... ``LOOSE``)."""

    place: Place
    quality: float
    spelling: float = 1.0  # loose matches: how close the matched name is spelled (0..1)


def loose_match(written: str, place: Place, keys: Iterable[str]) -> Match:
    """A loose match with its spelling score: in a country whose names are transliterated,
    the closest of the place's names that share the loose key, its variants folded
    (``spelling_similarity``); elsewhere the letters of its main name as written."""
    if place.country in TRANSLITERATED:
        score = max((spelling_similarity(written, k) for k in keys), default=0.0)
    else:
        a, b = fold(written).replace(" ", ""), fold(place.name).replace(" ", "")
        score = ratio(a, b)
    return Match(place, LOOSE, score)


_UNSCORED = -1.0  # a loose match whose spelling is scored only if it is kept


def loose_unscored(written: str, place: Place, keys: Iterable[str]) -> Match:
    """Like :func:`loose_match`, but outside the transliterated countries the spelling is
    left to :func:`scored`: there it does not decide which candidates are kept, so only
    the kept ones are scored (the same result, far fewer comparisons)."""
    if place.country in TRANSLITERATED:
        return loose_match(written, place, keys)
    return Match(place, LOOSE, _UNSCORED)


def scored(written: str, match: Match) -> Match:
    """A match from :func:`loose_unscored` with its spelling score filled in."""
    if match.spelling != _UNSCORED:
        return match
    return loose_match(written, match.place, ())


# a match found only by reading an ambiguous letter of the name otherwise ("Gayyara" as
# Qayyarah) ranks a little below one spelled as closely with the letters as written
ALTERNATE_READING = 0.95


# a loose match spelled the same once transliteration variants are set aside (Rmellan,
# Rmelan; Ammara, Amarah) is the place's name written another way: nearly an alternate name
SAME_NAME = 0.8


def named_quality(m: Match) -> float:
    """How well ``m`` names its place: its quality, or ``SAME_NAME`` for a loose match of a
    transliterated country's place spelled the same after folding the variants."""
    if m.quality == LOOSE and m.spelling >= 1.0 and m.place.country in TRANSLITERATED:
        return SAME_NAME
    return m.quality


def read_as(m: Match) -> Match:
    """``m`` found through an alternate reading of the written name: its spelling discounted."""
    return Match(m.place, m.quality, m.spelling * ALTERNATE_READING)


def sounds_alike(m: Match) -> bool:
    """A loose match of a transliterated country, spelled close enough to be kept."""
    return m.place.country in TRANSLITERATED and m.spelling >= CLOSE_SPELLING


# a sound-alike spelled at least this close leaves no need to read the name another way
CLEAR_SPELLING = 0.9


def heard_clearly(matches: Iterable[Match]) -> bool:
    """Whether a name already has a sound-alike spelled nearly as written: otherwise it
    is also read with its ambiguous letters as other spellings write them ("Guamishli"
    sounds a little like an Iranian village, and is Qamishli read with q for g)."""
    return any(sounds_alike(m) and m.spelling >= CLEAR_SPELLING for m in matches)


def only_small(exact: Sequence[Match]) -> bool:
    """Whether a name's exact matches are all small places (or none): then closely
    spelled places elsewhere are candidates too, for the text's countries to choose
    among ("Karama" is villages abroad by the letter, Syria's Al Karamah by the sound)."""
    return all(m.place.feature_class in "PS" and m.place.population < _SMALL for m in exact)


def with_loose(exact: list[Match], looser: list[Match]) -> list[Match]:
    """``exact`` and, when there are exact matches, only the closely spelled loose ones."""
    if not exact:
        return looser
    return exact + [m for m in looser if sounds_alike(m)]


def best_first(matches: Iterable[Match]) -> list[Match]:
    """One match per place (its best), best first, at most ``MAX_CANDIDATES`` plus the
    big places and close sound-alikes beyond them."""
    best: dict[str, Match] = {}
    for m in matches:
        if m.place.id not in best or best[m.place.id].quality < m.quality:
            best[m.place.id] = m
    ordered = sorted(
        best.values(),
        key=lambda m: (
            -m.quality,
            -sounds_alike(m),
            -round(m.spelling, 1) * sounds_alike(m),
            -m.place.population,
        ),
    )
    kept = [
        m
        for m in ordered[MAX_CANDIDATES:]
        if (
            m.quality > LOOSE and (m.place.feature_class == "A" or m.place.population >= _KEPT_TOWN)
        )
        or (m.quality == LOOSE and sounds_alike(m))
    ]
    return ordered[:MAX_CANDIDATES] + kept[:_MORE_SOUNDING]


class LooseGroup:
    """The places one loose key matches, from its rows ``(place, folded name)`` in the
    index's order: each place once, at its first row.

    Outside the transliterated countries a loose match's rank depends on the place alone
    (population, then row order), so those places are ordered once here; only the
    transliterated ones are spelled against each name (:meth:`ranked`)."""

    __slots__ = ("plain", "spelled")

    def __init__(self, rows: Iterable[tuple[Place, str]]) -> None:
        built: dict[str, Place] = {}
        light = []
        for place, key in rows:
            built.setdefault(place.id, place)
            light.append((place.id, place.country, place.population, key))
        self._fill(light, lambda ids: built)

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, int, str]],
        places: Callable[[list[str]], Mapping[str, Place]],
    ) -> LooseGroup:
        """The group of the index's rows ``(place id, country, population, folded name)``;
        ``places(ids)`` builds the places, asked only for those a ranking can take (of a
        key matching a thousand places, the first ``MAX_CANDIDATES`` and the sound-alikes)."""
        group = cls.__new__(cls)
        group._fill(rows, places)
        return group

    @classmethod
    def from_ordered(
        cls,
        plain: list[tuple[int, Place, str | None]],
        spelled: list[tuple[int, Place, tuple[str, ...]]],
    ) -> LooseGroup:
        """The group from what :meth:`ordered` gives, its places built; each plain place
        with its name folded and joined as :func:`loose_match` spells it (None: not yet)."""
        group = cls.__new__(cls)
        group.plain = plain
        group.spelled = spelled
        return group

    @staticmethod
    def ordered(
        rows: Iterable[tuple[str, str, int, str]],
    ) -> tuple[list[tuple[int, str]], list[tuple[int, str, tuple[str, ...]]]]:
        """What a group keeps of its rows ``(place id, country, population, folded name)``:
        ``(first row, place id)`` of the first ``MAX_CANDIDATES`` places outside the
        transliterated countries (by population, then row), and ``(first row, place id,
        folded names)`` of every transliterated place, in row order."""
        keys: dict[str, list[str]] = {}
        order: dict[str, tuple[int, str, int]] = {}  # place id: (first row, country, population)
        for place_id, country, population, key in rows:
            keys.setdefault(place_id, []).append(key)
            if place_id not in order:
                order[place_id] = (len(order), country, population)
        plain = [(n, pop, pid) for pid, (n, c, pop) in order.items() if c not in TRANSLITERATED]
        plain.sort(key=lambda item: (-item[1], item[0]))
        del plain[MAX_CANDIDATES:]  # the first MAX_CANDIDATES are all a ranking can take
        sounded = [(n, pid, tuple(keys[pid])) for pid, (n, c, _) in order.items()
                   if c in TRANSLITERATED]  # fmt: skip
        return [(n, pid) for n, _, pid in plain], sounded

    def _fill(
        self,
        rows: Iterable[tuple[str, str, int, str]],
        places: Callable[[list[str]], Mapping[str, Place]],
    ) -> None:
        plain, sounded = self.ordered(rows)
        built = places([pid for _, pid in plain] + [pid for _, pid, _ in sounded])
        self.plain: list[tuple[int, Place, str | None]] = [
            (n, built[pid], None) for n, pid in plain
        ]
        self.spelled = [(n, built[pid], keys) for n, pid, keys in sounded]

    def ranked(self, written: str, exact: list[Match], *, score: bool = True) -> list[Match]:
        """``best_first(with_loose(exact, looser))`` for ``written``, where ``looser`` would
        be a :func:`loose_unscored` match for every row of the key; with ``score`` the
        plain loose matches kept are scored as :func:`scored` would."""
        mine = canonical(written)
        spelled = [(n, Match(p, LOOSE, _spelling(mine, keys)) if p.country in TRANSLITERATED
                    else loose_match(written, p, keys)) for n, p, keys in self.spelled]  # fmt: skip
        if exact:
            return best_first(exact + [m for _, m in spelled if sounds_alike(m)])
        close = [(n, m) for n, m in spelled if sounds_alike(m)]
        close.sort(key=lambda item: (-round(item[1].spelling, 1), -item[1].place.population,
                                     item[0]))  # fmt: skip
        if len(close) >= MAX_CANDIDATES:
            return [m for _, m in close[: MAX_CANDIDATES + _MORE_SOUNDING]]
        # by population, then row (``n`` is unique: the tuples never compare their places)
        rest: list[tuple[int, int, Place, Match | None, str | None]] = [
            *((-p.population, n, p, None, folded) for n, p, folded in self.plain),
            *((-m.place.population, n, m.place, m, None) for n, m in spelled
              if not sounds_alike(m)),
        ]  # fmt: skip
        rest.sort()
        joined = fold(written).replace(" ", "") if score else ""
        kept = [m if m is not None else _plain(joined, p, folded, score)
                for _, _, p, m, folded in rest[: MAX_CANDIDATES - len(close)]]  # fmt: skip
        return [m for _, m in close] + kept


def _spelling(mine: str, keys: Iterable[str]) -> float:
    """``max(spelling_similarity(written, key) for key in keys)`` (0.0 for none), with
    ``mine`` the written name's ``canonical`` spelling, read once for all the keys."""
    best = 0.0
    for key in keys:
        theirs = canonical(key)
        if theirs == mine:
            return 1.0
        if mine and theirs:
            score = ratio(mine, theirs, autojunk=False)
            if score > best:
                best = score
    return best


def _plain(written: str, place: Place, folded: str | None, score: bool) -> Match:
    """A loose match outside the transliterated countries (``written`` folded and joined),
    scored as :func:`loose_match` scores it when ``score``."""
    if not score:
        return Match(place, LOOSE, _UNSCORED)
    theirs = folded if folded is not None else fold(place.name).replace(" ", "")
    return Match(place, LOOSE, ratio(written, theirs))
