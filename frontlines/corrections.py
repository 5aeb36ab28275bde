"""What an analyst's correction of an event may say: each value checked before it is kept.

``correction_problem(fields)`` returns why a correction is unacceptable (naming the
field, the value and what is expected), or None. Coordinates must be finite numbers
within -90..90 (latitude) and -180..180 (longitude); event and sub-event types must be
ACLED's; precisions 1 to 3; fatalities a whole number from 0; dates ISO ``YYYY-MM-DD``
(or empty); text fields strings of at most 2,000 characters.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

TEXT_LIMIT = 2_000
_TEXT_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "notes",
                "admin1", "admin2", "country")  # fmt: skip


def correction_problem(fields: dict[str, Any]) -> str | None:
    """Why ``fields`` cannot be kept as a correction, or None when every value is fine."""
    for name, value in fields.items():
        check = _CHECKS.get(name)
        problem = check(value) if check is not None else None
        if problem:
            return f"field {name!r} = {_shown(value)}: {problem}"
    sub = fields.get("sub_event_type")
    kind = fields.get("event_type")
    if sub is not None and kind is not None and _event_types().get(sub) != kind:
        return (
            f"field 'sub_event_type' = {sub!r} belongs to {_event_types().get(sub)!r}, not {kind!r}"
        )
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(low: float, high: float) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "must be a number"
        if not math.isfinite(value) or not low <= value <= high:
            return f"must be a finite number from {low:g} to {high:g}"
        return None

    return check


def _whole(low: int, high: int | None) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if value < low or (high is not None and value > high):
            return f"must be from {low} to {high}" if high is not None else f"must be >= {low}"
        return None

    return check


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    return f"must be at most {TEXT_LIMIT} characters" if len(value) > TEXT_LIMIT else None


def _date(value: Any) -> str | None:
    if value == "":
        return None
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return "must be a date YYYY-MM-DD (or empty)"
    return None


def _event_types() -> dict[str, str]:
    from .extract.types.taxonomy import EVENT_TYPES

    return EVENT_TYPES


def _event_type(value: Any) -> str | None:
    known = sorted(set(_event_types().values()))
    return None if value in known else f"must be one of ACLED's event types: {', '.join(known)}"


def _sub_event_type(value: Any) -> str | None:
    return None if value in _event_types() else "must be one of ACLED's sub-event types"


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "latitude": _number(-90, 90),
    "longitude": _number(-180, 180),
    "time_precision": _whole(1, 3),
    "geo_precision": _whole(1, 3),
    "fatalities": _whole(0, None),
    "event_date": _date,
    "event_type": _event_type,
    "sub_event_type": _sub_event_type,
    **{name: _text for name in _TEXT_FIELDS},
}
