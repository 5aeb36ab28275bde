"""A loose key's places ranked once (``LooseGroup``) give what ranking every row gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo.ranking import (
    ALTERNATE,
    EXACT,
    LOOSE,
    MAX_CANDIDATES,
    LooseGroup,
    Match,
    best_first,
    loose_unscored,
    scored,
    with_loose,
)
from frontlines.records import Place

# SY and IQ are transliterated (spelled by sound), the others by the letter
COUNTRIES = ["SY", "IQ", "US", "FR", "NG"]
NAMES = ["sanin", "sinan", "sanaa", "sunni", "sonn", "zaynun", "snan", "asnan", "sinn"]


def _rows(rng: random.Random, places: int, rows: int) -> list[tuple[Place, str]]:
    pool = [
        Place(f"p{i}", rng.choice(NAMES).title(), 0.0, 0.0, rng.choice(["P.PPL", "A.ADM2"]),
              rng.choice(COUNTRIES), population=rng.choice([0, 0, 500, 20_000, 90_000]))
        for i in range(places)
    ]  # fmt: skip
    return [(rng.choice(pool), rng.choice(NAMES)) for _ in range(rows)]


def _every_row(written: str, rows: list[tuple[Place, str]], exact: list[Match]) -> list[Match]:
    """The ranking over every row, as the gazetteer did it before ``LooseGroup``."""
    keys: dict[str, list[str]] = {}
    for place, key in rows:
        keys.setdefault(place.id, []).append(key)
    looser = [loose_unscored(written, place, keys[place.id]) for place, _ in rows]
    return [scored(written, m) for m in best_first(with_loose(exact, looser))]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 400), st.integers(0, 3))
def test_a_group_ranks_like_every_row(seed: int, places: int, exact_count: int) -> None:
    rng = random.Random(seed)
    rows = _rows(rng, places, rng.randint(1, places * 3))
    written = rng.choice(NAMES).title()
    exact = [Match(p, rng.choice([EXACT, ALTERNATE])) for p, _ in rows[:exact_count]]
    group = LooseGroup(rows)
    got = [scored(written, m) for m in group.ranked(written, exact)]
    assert got == _every_row(written, rows, exact)


def test_many_sound_alikes_beyond_the_cap_are_kept() -> None:
    rows = [(Place(f"s{i}", "Sanin", 0.0, 0.0, "P.PPL", "SY", population=i), "sanin")
            for i in range(MAX_CANDIDATES * 6)]  # fmt: skip
    rows += [(Place("big", "Sunn", 0.0, 0.0, "P.PPL", "US", population=10**7), "sunn")]
    ranked = LooseGroup(rows).ranked("Sanin", [])
    assert len(ranked) == MAX_CANDIDATES * 5
    assert all(m.place.country == "SY" and m.quality == LOOSE for m in ranked)
    assert ranked[0].place.population == MAX_CANDIDATES * 6 - 1


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 400))
def test_a_group_from_light_rows_builds_only_the_places_it_can_rank(seed: int, places: int) -> None:
    rng = random.Random(seed)
    rows = _rows(rng, places, rng.randint(1, places * 3))
    by_id = {p.id: p for p, _ in rows}
    asked: list[str] = []

    def build(ids: list[str]) -> dict[str, Place]:
        asked.extend(ids)
        return {i: by_id[i] for i in ids}

    light = [(p.id, p.country, p.population, key) for p, key in rows]
    group, full = LooseGroup.from_rows(light, build), LooseGroup(rows)
    assert (group.plain, group.spelled) == (full.plain, full.spelled)
    assert len(asked) == len(set(asked)) == len(group.plain) + len(group.spelled)
    assert len(group.plain) <= MAX_CANDIDATES
