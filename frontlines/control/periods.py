"""Control periods: who held each place, from when to when, on what evidence.

Claims for one place are read in date order. A period runs from the date a holder is
first claimed until the next claim by a different holder. Claims by different holders on
the same date are all kept: each gives a period flagged ``contested``; nothing is
overwritten. Confidence combines the claims' own confidence, one source counted once
(several independent sources raise it). Claims drawn from reader comments never count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ..records import ControlClaim, Place

BBox = tuple[float, float, float, float]
MAX_CONFIDENCE = 0.99


@dataclass(slots=True)
class ControlPeriod:
    """``holder`` controls the place from ``since`` until ``until`` (``""``: still open)."""

    place_id: str
    place_name: str
    holder: str
    since: str
    until: str = ""
    confidence: float = 0.0
    contested: bool = False
    evidence: list[ControlClaim] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str = ""

    @property
    def kinds(self) -> list[str]:
        return sorted({c.kind for c in self.evidence})

    def covers(self, at: str) -> bool:
        return self.since <= at and (not self.until or at < self.until)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place_id": self.place_id,
            "place_name": self.place_name,
            "holder": self.holder,
            "since": self.since,
            "until": self.until or None,
            "confidence": self.confidence,
            "contested": self.contested,
            "kinds": self.kinds,
            "latitude": self.lat,
            "longitude": self.lon,
            "country": self.country,
            "evidence": [_claim_dict(c) for c in self.evidence],
        }


def _claim_dict(claim: ControlClaim) -> dict[str, Any]:
    return {
        "holder": claim.holder,
        "since": claim.since,
        "kind": claim.kind,
        "confidence": claim.confidence,
        "document_id": claim.document_id,
        "event_id": claim.event_id,
        "evidence": claim.evidence.to_dict() if claim.evidence else None,
    }


def control_periods(
    claims: Iterable[ControlClaim], places: Mapping[str, Place] | None = None
) -> list[ControlPeriod]:
    """Periods per place from ``claims``; ``places`` gives their coordinates when known."""
    usable = [c for c in claims if c.place_id and c.holder and _is_date(c.since)]
    usable.sort(key=lambda c: (c.place_id, c.since, c.holder))
    periods: list[ControlPeriod] = []
    for place_id, group in groupby(usable, key=lambda c: c.place_id):
        place = (places or {}).get(place_id)
        periods.extend(_place_periods(list(group), place))
    return periods


def _place_periods(claims: list[ControlClaim], place: Place | None) -> list[ControlPeriod]:
    done: list[ControlPeriod] = []
    open_: dict[str, ControlPeriod] = {}
    for since, same_day in groupby(claims, key=lambda c: c.since):
        day = list(same_day)
        holders = {c.holder for c in day}
        if holders != set(open_):
            for period in open_.values():
                period.until = since
            done.extend(open_.values())
            open_ = {h: _new_period(day[0], h, place, len(holders) > 1) for h in sorted(holders)}
        for claim in day:
            open_[claim.holder].evidence.append(claim)
    for period in open_.values():
        ends = [c.until for c in period.evidence if c.until]
        period.until = max(ends) if ends else ""
    done.extend(open_.values())
    for period in done:
        period.confidence = combined_confidence(period.evidence)
    return done


def _new_period(
    claim: ControlClaim, holder: str, place: Place | None, contested: bool
) -> ControlPeriod:
    return ControlPeriod(
        place_id=claim.place_id,
        place_name=place.name if place else claim.place_name,
        holder=holder,
        since=claim.since,
        contested=contested,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        country=place.country if place else "",
    )


def combined_confidence(claims: Iterable[ControlClaim]) -> float:
    """Noisy-or over sources: each source (document, else event) counts once, at its best."""
    best: dict[str, float] = {}
    for claim in claims:
        key = claim.document_id or claim.event_id or f"{claim.kind}:{claim.place_id}"
        best[key] = max(best.get(key, 0.0), claim.confidence)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - min(max(value, 0.0), 1.0)
    return round(min(1.0 - doubt, MAX_CONFIDENCE), 3)


def snapshot(
    periods: Iterable[ControlPeriod], at: dt.date | str, area: BBox | None = None
) -> list[ControlPeriod]:
    """The periods in force on ``at`` (inside ``area`` = west, south, east, north)."""
    day = at.isoformat() if isinstance(at, dt.date) else at
    found = [p for p in periods if p.covers(day) and _inside(p, area)]
    found.sort(key=lambda p: (p.place_name, p.place_id, p.holder))
    return found


def _inside(period: ControlPeriod, area: BBox | None) -> bool:
    if area is None:
        return True
    if period.lat is None or period.lon is None:
        return False
    west, south, east, north = area
    return west <= period.lon <= east and south <= period.lat <= north


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
