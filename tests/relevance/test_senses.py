"""Senses, not strings: a trigger word in another sense yields no event. One test per
sense family, with sentences written for these tests; each was an event before."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.types.eventtypes import classify
from frontlines.relevance.senses import clause, sense_reason

DAY = dt.date(2021, 5, 4)


def _events(text: str, check: bool = True) -> list[str]:
    extractor = EventExtractor(sense_check=sense_reason if check else None)
    return [e.sub_event_type for e in extractor.extract_text(text, DAY)]


SENSES = {
    "sport": "The winger shot twice from the edge of the box before the break in the cup tie.",
    "business": "The battle between Microsoft and Google for the search market heated up.",
    "technology": "Phishing attacks that trick users into typing their passwords rose sharply.",
    "code": "Then type $ pipenv shell to enter the environment.",
    "fiction": "The bandit kills the village dog while the player watches from a hill.",
    "idiom": "The quartet shot to prominence with a debut album last spring.",
}


@pytest.mark.parametrize("family", sorted(SENSES))
def test_other_sense_yields_no_event(family: str) -> None:
    text = SENSES[family]
    assert _events(text, check=False), "the trigger alone made this an event"
    assert _events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shot dead two farmers near the river on Monday.",
        "Soldiers clashed with militants at a checkpoint outside the town.",
        "Hundreds of teachers demonstrated in the capital against unpaid wages.",
        "The army shelled the village, killing three civilians.",
    ],
)
def test_conflict_sense_is_kept(text: str) -> None:
    assert _events(text)


def test_reason_names_the_other_sense() -> None:
    text = "The striker shot wide in the second half of the league match."
    found = classify(text)
    assert found is not None
    assert sense_reason(text, found) is not None


def test_clause_stops_at_a_semicolon() -> None:
    text = "the match ended early; troops later attacked the camp"
    start = text.index("attacked")
    assert clause(text, start, start + 8).strip() == "troops later attacked the camp"
