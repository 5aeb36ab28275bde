"""Event dates from a sentence, resolved against the publication date.

ACLED's time precision: 1 the day is known, 2 the week (or "a few days"), 3 the month.
Date expressions are found with regexes and only those spans are handed to dateparser
(never whole sentences: it would read "T-2" as February).

Sentences without a date inherit the last date the article gave (``previous``); a
sentence that says "since then" / "recently" after a month-level date keeps that date's
month but its precision stays 3. Without any date the event is dated to the publication
date with precision 2 ("in recent days", ACLED's usual coding of an undated report).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...records import Span

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH_INDEX = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTHS})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_ONLY = re.compile(
    rf"\b(?:in|since|during|early|late|mid|mid-|end of|beginning of|throughout)\s+(?:the\s+)?"
    rf"(?:(?:early|late|mid)-?\s*)?(?P<month>{_MONTHS})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?:on\s+|last\s+|this\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|this morning|last night|tonight|overnight|earlier today"
    r"|the day before|last week|this week|past week|last weekend|this weekend|past few days"
    r"|recent days|last few days|a few days ago|(?P<n>\d+|two|three|four|five|six) days ago"
    r"|last month|this month|past month)\b",
    re.I,
)
_SINCE = re.compile(r"\b(?:since then|since that time|since|ever since)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A resolved date: ``date`` is ISO ``YYYY-MM-DD`` ("" when unknown)."""

    date: str
    precision: int
    span: Span | None = None
    inherited: bool = False


def resolve_date(
    text: str,
    published: dt.date | None,
    previous: DateResolution | None = None,
) -> DateResolution:
    """The date ``text`` (one sentence) speaks of, with ACLED's time precision."""
    found = find_date(text, published)
    if found is not None:
        return found
    if previous is not None and published is not None and _SINCE.search(text):
        # "Since then, troops advanced": somewhere between the earlier date and publication;
        # coded to the publication date at month precision.
        return DateResolution(published.isoformat(), 3, None)
    if previous is not None and previous.date:
        return DateResolution(previous.date, previous.precision, None, inherited=True)
    if published is None:
        return DateResolution("", 3)
    return DateResolution(published.isoformat(), 2, None, inherited=True)


def find_date(text: str, published: dt.date | None) -> DateResolution | None:
    """The first explicit or relative date expression in ``text``, or None."""
    candidates: list[tuple[int, DateResolution]] = []
    for finder in (_explicit, _month_only, _weekday, _relative):
        result = finder(text, published)
        if result is not None and result.span is not None:
            candidates.append((result.span.start, result))
    if not candidates:
        return None
    return min(candidates, key=lambda item: item[0])[1]


def _span(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), match.group(0))


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    if (month, day) > (published.month, published.day):
        year -= 1
    return year


def _explicit(text: str, published: dt.date | None) -> DateResolution | None:
    for pattern in (_ISO, _DAY_MONTH, _MONTH_DAY):
        match = pattern.search(text)
        if match is None:
            continue
        month_raw = match.group("month")
        month = int(month_raw) if month_raw.isdigit() else _MONTH_INDEX[month_raw.lower()]
        day = int(match.group("day"))
        year_raw = match.group("year")
        year = int(year_raw) if year_raw else _year_for(month, day, published)
        if year is None:
            return DateResolution("", 3, _span(match))
        try:
            value = dt.date(year, month, day)
        except ValueError:
            continue
        return DateResolution(value.isoformat(), 1, _span(match))
    return None


def _month_only(text: str, published: dt.date | None) -> DateResolution | None:
    match = _MONTH_ONLY.search(text)
    if match is None:
        return None
    month = _MONTH_INDEX[match.group("month").lower()]
    # "in May" vs the modal "may": only trust a capitalised month.
    if match.group("month") == "may" and not match.group("year"):
        return None
    year_raw = match.group("year")
    year = int(year_raw) if year_raw else _year_for(month, 1, published)
    if year is None or year < dt.MINYEAR:
        return DateResolution("", 3, _span(match))
    day = 1
    if published is not None and (year, month) == (published.year, published.month):
        day = published.day
    return DateResolution(dt.date(year, month, day).isoformat(), 3, _span(match))


def _weekday(text: str, published: dt.date | None) -> DateResolution | None:
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    if published is None:
        return DateResolution("", 3, _span(match))
    target = _WEEKDAYS.index(match.group("wd").lower())
    return _offset(published, (published.weekday() - target) % 7, 1, match)


def _relative(text: str, published: dt.date | None) -> DateResolution | None:
    match = _RELATIVE.search(text)
    if match is None:
        return None
    if published is None:
        return DateResolution("", 3, _span(match))
    rel = match.group("rel").lower()
    if match.group("n"):
        raw = match.group("n").lower()
        days = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        return _offset(published, days, 1, match)
    if rel in ("yesterday", "last night", "the day before"):
        return _offset(published, 1, 1, match)
    if rel in ("today", "this morning", "tonight", "overnight", "earlier today"):
        return _offset(published, 0, 1, match)
    if rel in ("last month", "past month", "this month"):
        back = 30 if rel == "last month" else 0
        return _offset(published, back, 3, match)
    back = 7 if rel in ("last week", "last weekend") else 0
    return _offset(published, back, 2, match)


def _offset(published: dt.date, days: int, precision: int, match: re.Match[str]) -> DateResolution:
    try:
        value = published - dt.timedelta(days=days)
    except OverflowError:  # a publication date in year 1: the day before is not a date
        return DateResolution("", 3, _span(match))
    return DateResolution(value.isoformat(), precision, _span(match))
