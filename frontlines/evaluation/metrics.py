"""Geoparsing metrics: distances, accuracy at 161 km, AUC, and span-overlap P/R/F1.

Distance: great-circle (haversine) on a sphere of radius 6,371.0088 km (the mean Earth
radius), in kilometres.

``acc161``: the fraction of resolved toponyms whose error is at most 161 km (100 miles).

``auc``: the area under the curve of log errors, as Gritta et al. define it ("What's missing
in geographical parsing?", LREC-JLR 2018; "A pragmatic guide to geoparsing evaluation",
2020). With the n errors sorted ascending and x_i = ln(1 + error_i km)::

    AUC = trapezoid(x_1..x_n, dx=1) / ((n - 1) * ln(20039))

20,039 km is half the Earth's circumference, the largest possible error, so AUC lies in
0..1 and **lower is better** (0 when every toponym is placed exactly). With one error the
trapezoid is undefined and AUC is x_1 / ln(20039); with none it is None.

Span matching (end-to-end): spans overlap when they share at least one character
(``a.start < b.end and b.start < a.end``). Matching is **not** one-to-one; see
:func:`overlap_counts` for the exact counting, which reproduces the published EUPEG /
Gritta et al. figures.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def acc_at(errors: Sequence[float], km: float = ACC_KM) -> float | None:
    """Fraction of errors at most ``km`` kilometres (None when there are no errors)."""
    if not errors:
        return None
    return sum(1 for e in errors if e <= km) / len(errors)


def auc(errors: Sequence[float]) -> float | None:
    """Gritta et al.'s area under the log-error curve, normalised to 0..1 (lower is better)."""
    if not errors:
        return None
    logs = sorted(math.log1p(max(0.0, e)) for e in errors)
    norm = math.log(MAX_ERROR_KM)
    if len(logs) == 1:
        return min(1.0, logs[0] / norm)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return min(1.0, area / ((len(logs) - 1) * norm))


def mean_km(errors: Sequence[float]) -> float | None:
    return statistics.fmean(errors) if errors else None


def median_km(errors: Sequence[float]) -> float | None:
    return statistics.median(errors) if errors else None


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the two end-exclusive spans share at least one character."""
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True, slots=True)
class OverlapCounts:
    """End-to-end counts: see :func:`overlap_counts`."""

    predicted: int
    predicted_true: int
    gold: int
    gold_found: int

    @property
    def precision(self) -> float | None:
        return self.predicted_true / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def overlap_counts(
    predicted: Iterable[tuple[int, int]],
    gold_scored: Sequence[tuple[int, int]],
    gold_any: Sequence[tuple[int, int]],
) -> OverlapCounts:
    """Count one article's end-to-end hits.

    * a predicted span is a true positive when it overlaps **any** gold annotation
      (``gold_any``, which includes annotations without coordinates), so finding a real
      toponym the gold left unresolved is not a false positive;
    * a scored gold toponym (``gold_scored``: those with coordinates) is found when **any**
      predicted span overlaps it.

    Neither side is matched one-to-one: one long prediction covering two gold toponyms finds
    both, and two predictions inside one gold span are both true positives.
    """
    preds = list(predicted)
    true = sum(1 for p in preds if any(overlaps(*p, *g) for g in gold_any))
    found = sum(1 for g in gold_scored if any(overlaps(*p, *g) for p in preds))
    return OverlapCounts(len(preds), true, len(gold_scored), found)


def best_overlap(span: tuple[int, int], candidates: Sequence[tuple[int, int]]) -> int | None:
    """Index of the candidate sharing most characters with ``span`` (earliest on ties)."""
    best: int | None = None
    best_len = 0
    for i, (s, e) in enumerate(candidates):
        shared = min(span[1], e) - max(span[0], s)
        if shared > 0 and (
            shared > best_len
            or (shared == best_len and best is not None and s < candidates[best][0])
        ):
            best, best_len = i, shared
    return best
