"""Query-parameter parsing: every bad value becomes a ``BadParameter`` naming it."""

from __future__ import annotations

import datetime as dt
import re

BBox = tuple[float, float, float, float]
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
MAX_OFFSET = 10_000_000
MAX_TEXT = 500
_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")


class BadParameter(ValueError):
    """A request parameter is malformed; the server answers 400 with this message."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"parameter {parameter!r}: {message}")


def parse_bbox(raw: str | None, name: str = "bbox") -> BBox | None:
    """``W,S,E,N`` in degrees (lon/lat) -> a tuple, or None when absent."""
    if raw is None or raw == "":
        return None
    check_text(raw, name, 200)
    parts = raw.split(",")
    expected = "expected W,S,E,N in degrees, e.g. 35.0,32.0,42.0,37.5"
    if len(parts) != 4:
        raise BadParameter(name, f"{raw!r} has {len(parts)} values; {expected}")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter(name, f"{raw!r} is not four numbers; {expected}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise BadParameter(
            name, f"{raw!r} is out of range or inverted; {expected} with W<=E and S<=N"
        )
    return (west, south, east, north)


def parse_date(raw: str | None, name: str) -> dt.date | None:
    """``YYYY-MM-DD`` -> a date, or None when absent."""
    if raw is None or raw == "":
        return None
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, f"{raw[:40]!r} is not a date; expected YYYY-MM-DD") from None


def check_text(raw: str | None, name: str, limit: int = MAX_TEXT) -> str | None:
    """A free-text parameter (an actor, a source...) no longer than ``limit`` characters."""
    if raw is not None and len(raw) > limit:
        raise BadParameter(name, f"is {len(raw)} characters long; at most {limit} are accepted")
    return raw


def parse_bool(raw: str | None, name: str) -> bool:
    """``true``/``false`` (also 1/0, yes/no); absent is False."""
    if raw is None or raw == "":
        return False
    value = raw.strip().lower()[:10]
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, f"{raw[:40]!r} is not a boolean; expected true or false")


def parse_int(raw: str | None, name: str, *, default: int, low: int, high: int) -> int:
    """An integer in ``[low, high]``."""
    if raw is None or raw == "":
        return default
    bounds = f"between {low} and {high}"
    text = raw.strip()
    if not _INTEGER.fullmatch(text):
        raise BadParameter(name, f"{raw[:40]!r} is not an integer; expected {bounds}")
    value = int(text)
    if value < low or value > high:
        raise BadParameter(name, f"{value} is out of range; expected {bounds}")
    return value
