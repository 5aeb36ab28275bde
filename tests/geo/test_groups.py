"""Bracketed note groups: the divisions in brackets decide the country of the group."""

from __future__ import annotations

from frontlines.geo.gazetteer import ALTERNATE, EXACT, Match
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


def test_town_named_exactly_keeps_its_country_against_foreign_lookalike_divisions() -> None:
    # "Biratnagar (Morang)": the division is only a namesake abroad (an alternate name)
    town = named_place("t", "Kolvara", "NN", population=200_000)
    abroad = named_place("s", "South Morvel", "AU")
    matches = {"Kolvara": [Match(town, EXACT)], "Morvel": [Match(abroad, ALTERNATE)]}
    parts = [Candidate(0, 7, "Kolvara", {"cue"}, group=0),
             Candidate(9, 15, "Morvel", {"cue"}, hint="admin", group=0)]  # fmt: skip
    assert "NN" in group_countries(parts, matches)
    restrict_groups(parts, matches)
    assert [m.place.id for m in matches["Kolvara"]] == ["t"]


def test_a_bare_division_name_counts_as_its_state() -> None:
    # "Dongo (Highmoor)": Highmoor State (an alternate) holds the group with the town
    town_a = named_place("a", "Dongo", "AA")
    town_b = named_place("b", "Dongo", "BB")
    state = named_place("s", "Highmoor State", "BB", "A.ADM1")
    matches = {"Dongo": [Match(town_a, EXACT), Match(town_b, EXACT)],
               "Highmoor": [Match(state, ALTERNATE)]}  # fmt: skip
    parts = [Candidate(0, 5, "Dongo", {"cue"}, group=0),
             Candidate(7, 15, "Highmoor", {"cue"}, hint="admin", group=0)]  # fmt: skip
    assert group_countries(parts, matches) == {"BB"}


def test_a_name_a_country_owns_keeps_only_its_places_in_that_country() -> None:
    from frontlines.geo.gazetteer import Match
    from frontlines.geo.groups import restrict_owned
    from frontlines.geo.recognize import Candidate
    from frontlines.records import Place

    iraq = Place("gn:1", "Iraq", 33.0, 44.0, "A.PCLI", "IQ")
    iran_kurdistan = Place("gn:2", "Kurdistan Province", 35.5, 47.0, "A.ADM1", "IR")
    text = "Rockets struck near the gas field in Iraq's Kurdistan region."
    owner = Candidate(text.index("Iraq"), text.index("Iraq") + 4, "Iraq")
    owned = Candidate(text.index("Kurdistan"), text.index("Kurdistan") + 9, "Kurdistan")
    matches = {"Iraq": [Match(iraq, 1.0)], "Kurdistan": [Match(iran_kurdistan, 1.0)]}
    restrict_owned(text, [owner, owned], matches)
    assert matches["Kurdistan"] == [] and len(matches["Iraq"]) == 1
