"""Bracketed note groups: the divisions in brackets decide the country of the group."""

from __future__ import annotations

from frontlines.geo.gazetteer import EXACT, Match
from frontlines.geo.groups import group_countries, restrict_groups
from frontlines.geo.recognize import Candidate

from .helpers import named_place


def test_group_country_follows_the_divisions() -> None:
    town_a, town_b = (
        named_place("a", "Brava", "AA", population=90_000),
        named_place("b", "Brava", "BB"),
    )
    region = named_place("r", "Norland", "BB", "A.ADM1")
    matches = {"Brava": [Match(town_a, EXACT), Match(town_b, EXACT)],
               "Norland": [Match(region, EXACT)]}  # fmt: skip
    parts = [Candidate(0, 5, "Brava", {"cue"}, group=0),
             Candidate(7, 14, "Norland", {"cue"}, hint="admin", group=0)]  # fmt: skip
    assert group_countries(parts, matches) == {"BB"}
    restrict_groups(parts, matches)
    assert [m.place.id for m in matches["Brava"]] == ["b"]
