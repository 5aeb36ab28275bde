"""Gated NER (sentences, chunks, label propagation) and the precision rules that use it."""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.geo import Geoparser, Match, MemoryGazetteer
from frontlines.geo.ner import (
    chunks,
    entities,
    first_occurrences,
    propagate,
    proper_starts,
    sentence_initial,
    sentences,
)
from frontlines.geo.recognize import Candidate
from frontlines.geo.resolve import Scored, resolve
from frontlines.geo.select import PERSON_PART, inherit_vetoes, needs_ner, surnames
from frontlines.records import Place

TEXT = "Rain fell. Troops entered Homs today.\nNothing else happened. Homs was calm."


def test_sentences_split_on_end_punctuation_and_newlines() -> None:
    spans = sentences(TEXT)
    assert [TEXT[s:e] for s, e in spans] == [
        "Rain fell.", "Troops entered Homs today.", "Nothing else happened.", "Homs was calm.",
    ]  # fmt: skip


def test_chunks_keep_only_wanted_sentences_and_join_neighbours() -> None:
    spans = sentences(TEXT)
    homs = TEXT.index("Homs")
    assert [TEXT[s:e] for s, e in chunks(spans, [homs])] == ["Troops entered Homs today."]
    both = chunks(spans, [homs, TEXT.index("Nothing")])
    assert [TEXT[s:e] for s, e in both] == ["Troops entered Homs today.\nNothing else happened."]
    assert chunks(spans, []) == []


def test_first_occurrences_one_offset_per_name() -> None:
    assert sorted(first_occurrences([(30, "Homs"), (5, "Homs"), (9, "Hama")])) == [5, 9]


def test_propagate_copies_labels_outside_read_chunks() -> None:
    first = TEXT.index("Homs")
    found = [Candidate(first, first + 4, "Homs", {"ner"}, label="GPE")]
    done = [(0, TEXT.index("Nothing"))]
    copies = propagate(TEXT, found, done)
    assert [(c.start, c.label) for c in copies] == [(TEXT.rindex("Homs"), "GPE")]


def test_proper_starts_need_a_mid_sentence_capital() -> None:
    starts = proper_starts(TEXT)
    assert TEXT.rindex("Homs") in starts  # also written "entered Homs"
    assert 0 not in starts  # "Rain" is capitalised only by position
    assert sentence_initial(0, TEXT) and not sentence_initial(TEXT.index("Homs"), TEXT)


@dataclass
class _Ent:
    text: str
    start_char: int
    label_: str


@dataclass
class _Doc:
    ents: tuple[_Ent, ...]


def test_entities_are_offset_into_the_whole_text() -> None:
    def nlp(chunk: str) -> _Doc:
        at = chunk.find("Homs")
        return _Doc((_Ent("Homs", at, "GPE"),) if at >= 0 else ())

    spans = chunks(sentences(TEXT), [TEXT.index("Homs")])
    found = entities(nlp, TEXT, spans)
    assert [(c.start, c.text, c.label) for c in found] == [(TEXT.index("Homs"), "Homs", "GPE")]


TOWN = Place("gn:1", "Clinton", 40.0, -90.0, "P.PPL", "US", population=20_000)
COUNTRY = Place("gn:2", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=17_000_000)


def test_needs_ner_skips_function_words_countries_and_common_nouns() -> None:
    town = [Match(TOWN, 1.0)]
    mid = "We met in Clinton."
    assert needs_ner(Candidate(10, 17, "Clinton"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), [], set(), set(), mid)
    assert not needs_ner(Candidate(0, 2, "We"), town, set(), set(), mid)
    assert not needs_ner(Candidate(10, 17, "Clinton"), town, set(), {"clinton"}, mid)
    assert not needs_ner(Candidate(10, 15, "Syria"), [Match(COUNTRY, 1.0)], set(), set(), mid)
    assert needs_ner(Candidate(10, 12, "SY"), [Match(COUNTRY, 1.0)], set(), set(), mid)


def test_words_of_a_person_name_are_not_places() -> None:
    person = Candidate(0, 15, "Hillary Clinton", {"ner"}, label="PERSON")
    word = Candidate(8, 15, "Clinton", {"gazetteer"})
    inherit_vetoes([person, word])
    assert word.label == PERSON_PART
    (surname,) = surnames([person])
    assert (surname.text, surname.label) == ("Clinton", PERSON_PART)


def test_person_surname_elsewhere_is_not_a_place() -> None:
    gaz = MemoryGazetteer([TOWN])

    def nlp(chunk: str) -> _Doc:
        at = chunk.find("Hillary Clinton")
        return _Doc((_Ent("Hillary Clinton", at, "PERSON"),) if at >= 0 else ())

    text = "Hillary Clinton spoke in Iowa. Later Clinton left."
    assert Geoparser(gaz, nlp=nlp).parse(text) == []


def test_capital_beats_same_named_state() -> None:
    city = Place("gn:3", "Washington", 38.9, -77.04, "P.PPLC", "US", population=689_545)
    state = Place("gn:4", "Washington", 47.5, -120.5, "A.ADM1", "US", admin1="WA",
                  population=5_000_000)  # fmt: skip
    item = Scored(Candidate(0, 10, "Washington"), [Match(state, 1.0), Match(city, 1.0)])
    resolve([item], {"US": 1.0}, "Washington said")
    assert item.best is not None and item.best.place.id == city.id
