"""Analysts' corrections are checked value by value (finite, in range, known types)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from frontlines.corrections import correction_problem


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"latitude": 1e308}, "latitude"),
        ({"latitude": math.nan}, "finite"),
        ({"longitude": math.inf}, "finite"),
        ({"longitude": -180.5}, "-180 to 180"),
        ({"latitude": True}, "number"),
        ({"latitude": "35"}, "number"),
        ({"fatalities": -1}, ">= 0"),
        ({"fatalities": 2.5}, "whole"),
        ({"time_precision": 4}, "1 to 3"),
        ({"event_type": "Picnic"}, "event types"),
        ({"sub_event_type": "Picnic"}, "sub-event"),
        ({"sub_event_type": "Attack", "event_type": "Battles"}, "belongs to"),
        ({"event_date": "2018-02-30"}, "YYYY-MM-DD"),
        ({"notes": 5}, "string"),
        ({"notes": "x" * 5000}, "at most"),
    ],
)
def test_bad_values_are_refused_by_name(fields: dict[str, Any], said: str) -> None:
    problem = correction_problem(fields)
    assert problem is not None and said in problem and repr(next(iter(fields))) in problem


def test_good_values_pass() -> None:
    good = {"latitude": -90, "longitude": 179.9, "fatalities": 0, "event_date": "2018-05-14",
            "event_type": "Battles", "sub_event_type": "Armed clash", "notes": "ok"}  # fmt: skip
    assert correction_problem(good) is None
