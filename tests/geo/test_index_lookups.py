"""Index-based look-ups in the geoparser answer as the scans they replace (the list-neighbour
veto, the spans NER read), without a scan of every candidate for every candidate."""

from __future__ import annotations

import random
import re

import pytest

from frontlines.geo.recognize import Candidate
from frontlines.geo.select import _list_neighbours, _near_edges


def _names(text: str) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Z]\w+", text)]


def test_the_index_finds_what_the_scan_finds() -> None:
    rng = random.Random(3)
    words = ["Aleppo", "Idlib", "Hama", "and", ",", "&", ", and", "then", "in", "John"]
    text = " ".join(rng.choice(words) for _ in range(3000))
    cands = _names(text)
    people = cands[::3]
    near = _near_edges(people)
    for c in cands:
        assert _list_neighbours(c, near(c), text) == _list_neighbours(c, people, text)


def test_near_gives_only_candidates_at_the_edges() -> None:
    text = "Aleppo, Idlib and Hama were shelled; John was far from Homs."
    cands = _names(text)
    near = _near_edges(cands)
    idlib = cands[1]
    assert [c.text for c in near(idlib)] == ["Aleppo", "Idlib", "Hama"]


def test_covered_spans_answer_as_a_scan_of_every_span_would() -> None:
    from frontlines.geo.ner import _Covered

    rng = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 100)
            spans.append((start, start + rng.randint(0, 20)))
        covered = _Covered(spans)
        for i in range(-2, 125):
            assert covered.covers(i) == any(s <= i < e for s, e in spans), (spans, i)


WORDS = ["Aleppo", "near", "the", "city", "of", "Homs", "province", "district", "Deir", "ez-Zor",
         "in", "town", "northern", "Raqqa", "countryside", "axis", "desert", "Valley", "station",
         "road", "-", "–", "outskirts", "2", "km", "north", "Idlib", "Governorate", "region",
         "shelled", "State", "Badia", "Highway", "farms", "camp", "heights", "Oblast", "hills",
         "Central", "southern", "close", "to", "vicinity", "around", "Station", "neighbourhood",
         "crossing", "plain", "frontline", "front", "area", "hamlet", "village", "'s", "’"]  # fmt: skip


def test_cue_gates_skip_only_cues_that_cannot_match(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.geo import recognize

    def found(text: str) -> list[tuple[object, ...]]:
        return [(c.start, c.end, c.text, c.relation, c.hint, c.second)
                for c in recognize.cue_candidates(text)]  # fmt: skip

    rng = random.Random(7)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40))) for _ in range(1500)]
    gated = [found(text) for text in texts]
    monkeypatch.setattr(
        recognize, "_CUE_GATES", tuple(recognize._Gate("") for _ in recognize._CUES)
    )
    assert gated == [found(text) for text in texts]
    assert any(gated)


def test_a_line_of_names_without_cue_words_runs_no_cue() -> None:
    from frontlines.geo import recognize

    text = "Report\n\n" + ("Aleppo " * 20_000)
    assert not any(gate.open(text.lower()) for gate in recognize._CUE_GATES)
    assert recognize.cue_candidates(text) == []
