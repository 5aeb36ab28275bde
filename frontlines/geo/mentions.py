"""From resolved candidates to the stage's ``Mention`` records (nested names, regions
between two places, unresolved cue words)."""

from __future__ import annotations

import re

from ..records import Mention, Place, SourcePart
from .fallback import demonym_place
from .gazetteer import ALTERNATE, Gazetteer
from .recognize import (
    Candidate,
)
from .resolve import Scored, feature_precision


def _region_between(c: Candidate, a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    country = a.country if a.country == b.country else ""
    return Place(
        id=f"between:{a.id}:{b.id}", name=c.text, lat=round((a.lat + b.lat) / 2, 5),
        lon=round((a.lon + b.lon) / 2, 5), feature="L.RGN", country=country, source="derived",
    )  # fmt: skip


def build_mentions(
    text: str,
    chosen: list[Candidate],
    items: list[Scored],
    seconds: list[Scored],
    gazetteer: Gazetteer,
    part: SourcePart,
    comment_id: str | None,
) -> list[Mention]:
    by_cand = {id(s.cand): s for s in items}
    second_iter = iter(seconds)
    out: list[Mention] = []
    for c in chosen:
        if c.kind == "demonym":
            place = demonym_place(gazetteer, c.country)
            out.append(Mention(c.text, c.start, c.end, part, comment_id, place, 3, kind="demonym"))
            continue
        item = by_cand[id(c)]
        place = item.best.place if item.best else None
        candidates = tuple(m.place for m in item.matches)
        nested: list[Mention] = []
        if c.second:
            other = next(second_iter)
            place = _region_between(c, place, other.best.place if other.best else None)
            candidates += tuple(m.place for m in other.matches)
            first = Scored(Candidate(c.start, c.start + len(c.name), c.name), item.matches,
                           item.best, item.score)  # fmt: skip
            nested = [_nested(s, part, comment_id) for s in (first, other) if s.best]
        precision = max(c.precision, feature_precision(place)) if place else max(c.precision, 1)
        out.append(Mention(c.text, c.start, c.end, part, comment_id, place, precision,
                           c.relation, "toponym", item.score, candidates))  # fmt: skip
        out.extend(nested)
    return out


def _nested(item: Scored, part: SourcePart, comment_id: str | None) -> Mention:
    """A place named inside a compound ("Homs" in "the Homs-Deir Ezzor desert"): its town
    when one of that name was found, else the best match."""
    towns = [m for m in item.matches if m.place.feature_class == "P" and m.quality >= ALTERNATE]
    best = max(towns, key=lambda m: m.place.population).place if towns else item.best.place  # type: ignore[union-attr]
    c = item.cand
    return Mention(c.text, c.start, c.end, part, comment_id, best, feature_precision(best),
                   "", "toponym", item.score, tuple(m.place for m in item.matches))  # fmt: skip


_NATURAL = re.compile(
    r"\b(river|lake|sea|ocean|gulf|bay|mountains?|mount|range|islands?|desert|valley|strait|"
    r"heights|plateau|plain|hills?)\b",
    re.I,
)


def attach_unresolved(mentions: list[Mention], cued: set[tuple[int, int]]) -> None:
    """An unresolved toponym that a cue marked as a place ("the area of X") and that follows
    a resolved town within 300 characters is placed near that town with precision 2;
    otherwise it keeps ``place=None``."""
    last: tuple[int, Place] | None = None
    for m in mentions:
        if m.kind != "toponym":
            continue
        near = last is not None and m.start - last[0] <= 300 and (m.start, m.end) in cued
        if m.place is None and near and last is not None and not _NATURAL.search(m.text):
            m.place, m.precision, m.relation = last[1], 2, m.relation or "near"
        elif m.place is not None and m.place.feature_class in "PS" and m.candidates:
            last = (m.end, m.place)
