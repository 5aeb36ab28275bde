"""Metric functions on hand-made numbers."""

from __future__ import annotations

import math

import pytest

from frontlines.evaluation import metrics


def test_haversine_known_distances() -> None:
    assert metrics.haversine_km(0, 0, 0, 0) == 0.0
    # one degree of latitude on the mean-radius sphere
    assert metrics.haversine_km(0, 0, 1, 0) == pytest.approx(111.195, abs=0.01)
    # antipodes: half the circumference
    assert metrics.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088, rel=1e-9)
    # Paris - London
    assert metrics.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)


def test_acc_mean_median() -> None:
    errors = [0.0, 100.0, 161.0, 161.5, 5000.0]
    assert metrics.acc_at(errors) == pytest.approx(3 / 5)
    assert metrics.mean_km(errors) == pytest.approx(5422.5 / 5)
    assert metrics.median_km(errors) == 161.0
    assert metrics.acc_at([]) is None and metrics.mean_km([]) is None
    assert metrics.median_km([]) is None


def test_auc_extremes_and_hand_computed_value() -> None:
    assert metrics.auc([0.0, 0.0, 0.0]) == 0.0
    assert metrics.auc([20039.0, 20039.0]) == pytest.approx(1.0)
    assert metrics.auc([]) is None
    # sorted logs x = ln1p([0, e-1, e^2-1]) = [0, 1, 2]; trapezoid = 0.5 + 1.5 = 2
    errors = [math.e**2 - 1, 0.0, math.e - 1]
    assert metrics.auc(errors) == pytest.approx(2 / (2 * math.log(20039)))
    assert metrics.auc([math.e - 1]) == pytest.approx(1 / math.log(20039))


def test_auc_lower_is_better() -> None:
    good = metrics.auc([1.0, 5.0, 20.0])
    bad = metrics.auc([100.0, 500.0, 2000.0])
    assert good is not None and bad is not None and good < bad


def test_overlap_is_at_least_one_shared_character() -> None:
    assert metrics.overlaps(0, 5, 4, 8)
    assert not metrics.overlaps(0, 5, 5, 8)
    assert metrics.overlaps(3, 4, 0, 10)


def test_overlap_counts_are_not_one_to_one() -> None:
    gold_scored = [(0, 5), (6, 10)]
    gold_any = [*gold_scored, (20, 25)]
    # one long prediction finds both golds; the one on an unscored annotation is correct too
    counts = metrics.overlap_counts([(0, 10), (21, 23), (30, 33)], gold_scored, gold_any)
    assert (counts.predicted, counts.predicted_true, counts.gold, counts.gold_found) == (3, 2, 2, 2)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == 1.0
    assert counts.f1 == pytest.approx(0.8)


def test_overlap_counts_empty() -> None:
    counts = metrics.overlap_counts([], [], [])
    assert counts.precision is None and counts.recall is None and counts.f1 is None
    assert metrics.OverlapCounts(2, 0, 3, 0).f1 == 0.0


def test_best_overlap_prefers_most_shared_then_earliest() -> None:
    assert metrics.best_overlap((5, 10), [(0, 6), (6, 10), (9, 12)]) == 1
    assert metrics.best_overlap((5, 10), [(8, 12), (3, 7)]) == 1
    assert metrics.best_overlap((5, 10), [(20, 30)]) is None
