"""Date expressions resolved against a publication date at the edge of the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract.attributes.dates import resolve_date

SENTENCES = ["Yesterday troops attacked.", "On Monday troops attacked.", "In March troops attacked.",
             "Three days ago troops attacked.", "Last month troops attacked.",
             "On March 3 troops attacked.", "Troops attacked last week."]  # fmt: skip


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31)])
def test_no_date_expression_overflows(sentence: str, published: dt.date) -> None:
    found = resolve_date(sentence, published)
    assert found.date == "" or dt.date.fromisoformat(found.date)
