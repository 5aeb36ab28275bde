"""People's names that the gazetteer also knows as towns (``frontlines.geo.select``)."""

from __future__ import annotations

from frontlines.geo.recognize import Candidate
from frontlines.geo.select import _a_persons_surname, _surnames_of_people, _titled

TEXT = (
    "DALLAS - Nick Burton runs a farm. Burton said the season was long. "
    "He grew up in Burton, Mich., and later moved. Mr Marra met Mayor Ryan Bingham "
    "in Pope County."
)


def _cand(name: str, nth: int = 0, **kw: object) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(name, start + 1)
    return Candidate(start, start + len(name), name, {"gazetteer"}, **kw)  # type: ignore[arg-type]


def test_a_surname_of_a_named_person_is_the_person_unless_written_as_a_place() -> None:
    person = _cand("Nick Burton", label="PERSON")
    person.origins = {"ner"}
    people = _surnames_of_people([person])
    assert people == {"Burton"}
    said, home = _cand("Burton", 1), _cand("Burton", 2)
    assert _a_persons_surname(said, people, TEXT)
    assert not _a_persons_surname(home, people, TEXT)  # "in Burton, Mich."


def test_capitals_abbreviations_are_never_taken_for_surnames() -> None:
    us = Candidate(0, 2, "US", {"gazetteer"})
    assert not _a_persons_surname(us, {"US"}, "US said")


def test_a_title_marks_a_person() -> None:
    assert _titled(_cand("Mr Marra"), TEXT)
    assert _titled(_cand("Bingham"), TEXT)  # "Mayor Ryan Bingham"
    assert not _titled(_cand("Pope County"), TEXT)
    assert not _titled(_cand("DALLAS"), TEXT)
