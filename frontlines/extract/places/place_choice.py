"""The event's place as one scored choice among every candidate the text offers.

Candidates come from: the sentence's resolved mentions (``choose_location``, scored by its
locative, containment and distance terms), the same place re-read through the admin units
written beside it (``qualified_location``), a village the geoparser did not see after a
locative word (``unseen_location``), a village the gazetteer spells otherwise, found by its
sound among the places of the area the text writes it inside (``sounded_location``), a
well-known town named bare (``bare_location``), the
previous sentence's place in the same paragraph, and the document's main place. Each
candidate carries a score and the reasons for it; the highest score wins and its reasons
are kept on the event (``Event.location_reason``). The weights state how much each kind of
evidence says about where *this* event happened:

==========================================  =====
evidence                                    score
==========================================  =====
a coder's remark placing the event
  ("Coded as Kut city.", ACLED's notes)       5.0
the sentence's place read through its units  4.0
a village of the area written around it,
  found there by its sound (``sounded_location``) 3.5
a place named in the sentence                3.0
a village named after a locative word        2.5
a whole country named in the sentence        1.5  (a topic more than a place)
a large town named without a locative word   1.2
the previous sentence's place                1.0
the document's main place                    0.5
==========================================  =====
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ...records import Mention
from .admin_context import Lookup, qualified_location
from .location import Location, choose_location, folded_name
from .sounded import SoundsIn, sounded_location
from .unseen import bare_location, unseen_location

CHAIN, SENTENCE, UNSEEN, COUNTRY, BARE, PREVIOUS, MAIN = 4.0, 3.0, 2.5, 1.5, 1.2, 1.0, 0.5
SOUNDED = 3.5
CODED = 5.0
# a coder's remark of its own saying where the event is placed ("Coded as Kut city.")
_CODED_REMARK = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(?:Location\s+)?[Cc]oded\s+(?:to|as)\s+[^.]*\.")


@dataclass(slots=True)
class PlaceCandidate:
    """One possible place for the event, with its score and reasons."""

    location: Location
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Sentence:
    """What the choice reads: the part's text, the sentence bounds and its context."""

    text: str
    start: int
    end: int
    trigger: int
    paragraph: tuple[int, int]
    country: str
    mentions: list[Mention]


def candidates(
    s: Sentence,
    lookup: Lookup | None,
    previous: Location | None,
    main: Location | None,
    sounds: SoundsIn | None = None,
) -> list[PlaceCandidate]:
    """Every candidate place for the event in sentence ``s``."""
    out: list[PlaceCandidate] = []
    chosen = choose_location(
        s.text, s.mentions, s.start, s.end, s.trigger, s.paragraph, s.country
    )
    if chosen is not None:
        country_only = chosen.place.feature.startswith("A.PCL")
        out.append(_candidate(chosen, COUNTRY if country_only else SENTENCE,
                              "a whole country named" if country_only else "named in the sentence"))  # fmt: skip
        sounded = sounded_location(chosen, sounds) if sounds is not None else None
        if sounded is not None:
            out.append(_candidate(sounded, SOUNDED, "found by its sound in the area around it"))
    if lookup is not None:
        coded = _coded_remark(s, lookup)
        if coded is not None:
            out.append(_candidate(coded, CODED, "the place a coder's remark codes the event to"))
        chain = qualified_location(s.text, s.start, s.end, chosen, lookup, s.country, s.mentions)
        if chain is not None and chain is not chosen:
            out.append(_candidate(chain, CHAIN, "read through the units written beside it"))
        # the look-ups below cannot beat a better-scored candidate already found: skip them
        if _best(out) < UNSEEN:
            found = _try(unseen_location, s, lookup)
            if found is not None and not _read_already(found, s.mentions):
                out.append(_candidate(found, UNSEEN, f"{found.name!r} after a locative word"))
        if _best(out) < BARE:
            found = _try(bare_location, s, lookup)
            if found is not None:
                out.append(_candidate(found, BARE, f"{found.name!r}, a known town named bare"))
    if previous is not None:
        out.append(_candidate(previous, PREVIOUS, "the previous sentence's place"))
    if main is not None:
        out.append(_candidate(main, MAIN, "the document's main place"))
    return out


def choose(
    s: Sentence,
    lookup: Lookup | None,
    previous: Location | None,
    main: Location | None,
    sounds: SoundsIn | None = None,
) -> PlaceCandidate | None:
    """The best-scored candidate, its reasons kept on its location (None when none)."""
    found = candidates(s, lookup, previous, main, sounds)
    if not found:
        return None
    best = max(found, key=lambda c: c.score)
    others = len(found) - 1
    summary = f"score {best.score:g}" + (f" over {others} other candidates" if others else "")
    why = [*best.reasons, summary]
    return PlaceCandidate(replace(best.location, reasons=why), best.score, why)


def _coded_remark(s: Sentence, lookup: Lookup) -> Location | None:
    """The place of a remark sentence of the paragraph that codes the event ("Coded as
    Khanaqin district, Diyala."), when the event's own sentence is not that remark: a
    place standing in for the wider area where the event happened, so precision 3."""
    for start, end in _remarks(s.text, *s.paragraph):
        if s.start <= start < s.end:
            continue  # the sentence's own "coded to" is read with its chains
        coded = qualified_location(s.text, start, end, None, lookup, s.country)
        if coded is not None:  # a stand-in for a wider area: precision 3 (ACLED's codebook)
            return replace(coded, precision=3)
    return None


@lru_cache(maxsize=4)  # the sentences of one paragraph ask in turn; few texts kept alive
def _remarks(text: str, first: int, last: int) -> tuple[tuple[int, int], ...]:
    """The spans of the paragraph's coder remarks, found once per paragraph."""
    if "oded " not in text[first:last]:
        return ()
    return tuple(m.span() for m in _CODED_REMARK.finditer(text, first, last))


def _read_already(found: Location, mentions: list[Mention]) -> bool:
    """Whether the name ``found`` was looked up by is a country's own name, which the
    geoparser read as that country, and ``found`` lies abroad ("in Jordan" is not a town
    named Jordan in the United States; "in Luxembourg" may be its capital; a demonym read
    as a country, "Portuguesa", may still be a place)."""
    start = found.mention.start
    return any(
        m.start == start
        and m.place is not None
        and m.place.feature.startswith("A.PCL")
        and folded_name(m.text) == folded_name(m.place.name)
        and m.place.country != found.place.country
        for m in mentions
    )


def _best(found: list[PlaceCandidate]) -> float:
    return max((c.score for c in found), default=0.0)


def _candidate(location: Location, score: float, origin: str) -> PlaceCandidate:
    """A candidate whose reasons open with its origin (the sentence's own reasons already
    say it was named there)."""
    opening = [] if location.reasons and score == SENTENCE else [origin]
    return PlaceCandidate(location, score, [*opening, *location.reasons])


_Finder = Callable[[str, int, int, Lookup, str], Location | None]


def _try(finder: _Finder, s: Sentence, lookup: Lookup) -> Location | None:
    return finder(s.text, s.start, s.end, lookup, s.country)


def step(location: Location, new: Location, reason: str) -> Location:
    """``new`` (a re-reading of ``location``) with ``reason`` added when it changed the
    place, its name or its precision."""
    if new is location:
        return location
    changed = (new.place.id, new.name, new.precision) != (
        location.place.id, location.name, location.precision)  # fmt: skip
    if not changed:
        return replace(new, reasons=list(location.reasons))
    return replace(new, reasons=[*location.reasons, reason])
