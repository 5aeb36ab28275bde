"""Index-based look-ups in the geoparser answer as the scans they replace (the list-neighbour
veto, the spans NER read), without a scan of every candidate for every candidate."""

from __future__ import annotations

import random
import re

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
