"""Gated NER: sentences, chunks to read, entity offsets and label propagation."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo.ner import (
    batches,
    chunks,
    entities,
    first_occurrences,
    propagate,
    proper_starts,
    sentence_initial,
    sentences,
    whole_word_offsets,
)
from frontlines.geo.recognize import Candidate

from .helpers import Doc, Ent

HOMS = re.compile("Homs")

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


def test_entities_are_offset_into_the_whole_text() -> None:
    def nlp(chunk: str) -> Doc:
        at = chunk.find("Homs")
        return Doc((Ent("Homs", at, "GPE"),) if at >= 0 else ())

    spans = chunks(sentences(TEXT), [TEXT.index("Homs")])
    found = entities(nlp, TEXT, spans)
    assert [(c.start, c.text, c.label) for c in found] == [(TEXT.index("Homs"), "Homs", "GPE")]


def test_batches_bound_the_characters_sent_to_ner_at_once() -> None:
    pieces = ["a" * 3000, "b" * 1500, "c" * 600, "d" * 6000, "e" * 10]
    groups = list(batches(pieces, limit=5000))
    assert groups == [["a" * 3000, "b" * 1500], ["c" * 600], ["d" * 6000], ["e" * 10]]
    assert [p for g in groups for p in g] == pieces
    assert list(batches([])) == []


def test_entities_send_chunks_through_pipe_in_bounded_groups() -> None:
    sent: list[int] = []

    class Pipe:
        def pipe(self, texts: list[str]) -> list[Doc]:
            sent.append(sum(len(t) for t in texts))
            return [
                Doc(tuple(Ent("Homs", m.start(), "GPE") for m in HOMS.finditer(t))) for t in texts
            ]

    text = ("Troops entered Homs today. " + "x" * 2970 + ".\n") * 4
    spans = chunks(sentences(text), [start for start, _ in sentences(text)])
    found = entities(Pipe(), text, spans)
    assert sum(sent) == sum(end - start for start, end in spans) > 10_000
    assert len(sent) == len(spans) and max(sent) <= 2500
    assert [text[c.start : c.end] for c in found] == ["Homs"] * 4


def test_a_run_of_sentences_that_all_need_ner_is_sent_in_chunks_of_at_most_2500() -> None:
    text = "Troops entered Homs and Hama today. " * 200  # 7,200 characters, every sentence needed
    spans = chunks(sentences(text), [start for start, _ in sentences(text)])
    assert max(end - start for start, end in spans) <= 2500  # spaCy's arrays: ~8 MB a call
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
    assert all(b[0] > a[1] for a, b in pairwise(spans))
    assert sum(text[s:e].count("Homs") for s, e in spans) == 200


_SPELLING = st.text(alphabet="ab -_1éЖ.", min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab -_1éЖ.\n", max_size=40), _SPELLING)
def test_whole_word_offsets_are_the_pattern_matches(text: str, name: str) -> None:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    assert list(whole_word_offsets(text, name)) == [m.start() for m in pattern.finditer(text)]


def test_whole_word_offsets_skip_longer_words_and_hyphenated_ones() -> None:
    text = "Raqqa, Raqqawi, al-Raqqa and Raqqa_x; (Raqqa)"
    assert list(whole_word_offsets(text, "Raqqa")) == [0, text.index("(Raqqa)") + 1]
