"""Choosing what NER must check, and the vetoes a person's name passes to its words."""

from __future__ import annotations

from frontlines.geo import Match
from frontlines.geo.recognize import Candidate
from frontlines.geo.select import PERSON_PART, inherit_vetoes, needs_ner, surnames

from .helpers import CLINTON_TOWN, SYRIA_COUNTRY


def test_needs_ner_skips_function_words_countries_and_common_nouns() -> None:
    town = [Match(CLINTON_TOWN, 1.0)]
    mid = "We met in Clinton."
    assert needs_ner(Candidate(10, 17, "Clinton"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), [], set(), set(), mid)
    assert not needs_ner(Candidate(0, 2, "We"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), town, set(), {"clinton"}, mid)
    assert not needs_ner(Candidate(10, 15, "Syria"), [Match(SYRIA_COUNTRY, 1.0)], set(), set(), mid)
    assert needs_ner(Candidate(10, 12, "SY"), [Match(SYRIA_COUNTRY, 1.0)], set(), set(), mid)


def test_words_of_a_person_name_are_not_places() -> None:
    person = Candidate(0, 15, "Hillary Clinton", {"ner"}, label="PERSON")
    word = Candidate(8, 15, "Clinton", {"gazetteer"})
    inherit_vetoes([person, word])
    assert word.label == PERSON_PART
    (surname,) = surnames([person])
    assert (surname.text, surname.label) == ("Clinton", PERSON_PART)
