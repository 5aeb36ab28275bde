"""Shared CSV reading for the importers: header checks, row numbers, typed cell parsers."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EmptyInputError, EncodingError, InputError, UnsupportedInputError
from ..records import Event

__all__ = [
    "ImportResult",
    "RowError",
    "SkippedRow",
    "convert_rows",
    "parse_coordinate",
    "parse_date",
    "parse_int",
    "read_rows",
    "require",
]

Row = dict[str, str]


class RowError(ValueError):
    """A cell of one row cannot be read; the row is skipped with this message."""


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A malformed row: ``line`` is its first line in the file (the header is line 1)."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(slots=True)
class ImportResult:
    """The events read from a file, and the rows skipped as malformed (with line numbers)."""

    source: str
    events: list[Event] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


def read_rows(path: str | Path, *, required: Iterable[str], kind: str) -> Iterator[tuple[int, Row]]:
    """Yield (first line number, row) with lower-cased, stripped column names and values.

    Raises an ``InputError`` naming the file when it is missing, empty, not UTF-8 or lacks
    a required column. Extra columns are ignored by the callers; missing optional ones
    read as "".
    """
    source = str(path)
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot open the {kind} CSV ({exc.strerror})", source=source) from exc
    with handle:
        try:
            yield from _rows(handle, source, list(required), kind)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"is not UTF-8 text (byte {exc.start}); save the {kind} export as UTF-8 CSV",
                source=source,
            ) from exc
        except csv.Error as exc:
            raise UnsupportedInputError(
                f"is not a readable CSV file ({exc})", source=source
            ) from exc


def _rows(
    handle: Iterable[str], source: str, required: list[str], kind: str
) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(handle)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise EmptyInputError(f"is empty; expected a {kind} CSV with a header row", source=source)
    names = [cell.strip().lower() for cell in header]
    missing = [name for name in required if name not in names]
    if missing:
        raise UnsupportedInputError(
            f"lacks the {kind} column(s) {', '.join(missing)}; is it a {kind} export?",
            source=source,
        )
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            padded = cells + [""] * (len(names) - len(cells))
            yield start, {n: v.strip() for n, v in zip(names, padded, strict=False) if n}
        start = reader.line_num + 1


def parse_int(row: Row, name: str, *, default: int | None = None) -> int | None:
    """The integer in ``row[name]`` ("" gives ``default``); RowError when not a number."""
    raw = row.get(name, "").replace(",", "")
    if not raw:
        return default
    try:
        return int(float(raw)) if "." in raw else int(raw)
    except ValueError:
        raise RowError(f"{name} {raw!r} is not a whole number") from None


def parse_coordinate(row: Row, name: str, limit: float) -> float | None:
    """A latitude (limit 90) or longitude (limit 180); RowError when out of range."""
    raw = row.get(name, "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise RowError(f"{name} {raw!r} is not a number") from None
    if not -limit <= value <= limit:
        raise RowError(f"{name} {value} is outside -{limit:g}..{limit:g}")
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%Y/%m/%d")


def parse_date(row: Row, name: str) -> str:
    """``row[name]`` as ``YYYY-MM-DD`` (ISO, '05 March 2024' and similar, time part dropped)."""
    raw = row.get(name, "")
    if not raw:
        raise RowError(f"{name} is empty")
    text = raw[:10] if len(raw) > 10 and raw[4:5] == "-" else raw
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise RowError(f"{name} {raw!r} is not a date (expected YYYY-MM-DD)")


def require(row: Row, name: str) -> str:
    """The non-empty value of ``row[name]``; RowError when it is empty."""
    value = row.get(name, "")
    if not value:
        raise RowError(f"{name} is empty")
    return value


def convert_rows(
    rows: Iterator[tuple[int, Row]], source: str, convert: Callable[[Row], Event]
) -> ImportResult:
    """Convert every row, collecting malformed ones as ``SkippedRow`` instead of failing."""
    result = ImportResult(source=source)
    for line, row in rows:
        try:
            result.events.append(convert(row))
        except RowError as exc:
            result.skipped.append(SkippedRow(line, str(exc)))
    return result
