"""The list-neighbour veto finds, through its index of offsets, exactly the neighbours a
scan of every candidate would (and no longer scans every candidate for each one)."""

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
