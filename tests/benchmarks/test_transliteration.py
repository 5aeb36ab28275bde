"""The transliteration benchmark's test sets: pairs, held-out rows, respellings, ranks.

Built on small hand-made rows; no index from ../shared or the cache is needed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from frontlines.geo import Match
from frontlines.records import Place
from tests.conftest import load_benchmark


def _load() -> Any:
    return load_benchmark("transliteration")


tl = _load()


def _place(pid: str, name: str, lat: float = 35.0, lon: float = 38.0, country: str = "SY") -> Any:
    return tl.PlaceRow(pid, name, lat, lon, country, pid.split(":")[0])


def _names(rows: Iterable[tuple[str, str, int]]) -> list[Any]:
    return [tl.NameRow(pid, key, key, primary) for pid, key, primary in rows]


# ---------------------------------------------------------------- respellings


def _spellings(name: str, rule: str) -> set[str]:
    return {spelling for r, spelling in tl.respell(name) if r == rule}


def test_word_rules_swap_whole_words_only() -> None:
    assert _spellings("Tal Abyad", "tal") == {"tell abyad", "tall abyad", "tel abyad"}
    assert "kfar nabl" in _spellings("Kafr Nabl", "kafr")
    assert _spellings("Talbiseh", "tal") == set()  # "tal" inside a word is not the word


def test_article_forms_include_the_assimilated_one() -> None:
    forms = _spellings("al-Raqqah", "article")
    assert {"el-raqqah", "raqqah", "ar-raqqah", "al raqqah"} <= forms
    assert "ab-bab" not in _spellings("al-Bab", "article")  # b is not a sun letter


def test_sound_rules_change_every_occurrence_unless_capped() -> None:
    assert "rakka" in _spellings("Raqqa", "q_k")
    assert "raqa" in _spellings("Raqqa", "double_to_single")
    assert _spellings("Dohuk", "ou_u") == {"dohouk"}
    assert _spellings("Zakho", "kurdish_kh") == {"zaxo"}
    assert "raqqah" in _spellings("Raqqa", "ending_ah")


def test_respellings_differ_from_the_name_and_from_each_other() -> None:
    out = tl.respell("Deir Hafer")
    spellings = [s for _, s in out]
    assert "deir hafer" not in spellings
    assert len(spellings) == len(set(spellings))


def test_respellings_the_index_already_holds_are_left_out() -> None:
    places = {"gn:1": _place("gn:1", "Tal Abyad")}
    names = _names([("gn:1", "tal abyad", 1), ("gn:1", "tell abyad", 0)])
    queries = tl.build_respellings(places, names, size=100, seed=1)
    texts = {q.text for q in queries}
    assert "tall abyad" in texts and "tell abyad" not in texts
    assert all(q.place.id == "gn:1" for q in queries)


def test_respellings_are_drawn_in_turn_from_each_rule() -> None:
    places = {f"wp:sy:{i}": _place(f"wp:sy:{i}", f"Tal Qasr{i}ah") for i in range(30)}
    queries = tl.build_respellings(places, [], size=6, seed=3)
    rules = [q.group for q in queries]
    assert len(queries) == 6 and len(set(rules)) >= 3
    assert [q.text for q in tl.build_respellings(places, [], size=6, seed=3)] == [
        q.text for q in queries
    ]


# ---------------------------------------------------------------- alternate-name pairs


def test_pairs_need_two_latin_names_and_skip_labels() -> None:
    places = {p.id: p for p in (_place("gn:1", "Manbij"), _place("gn:2", "Jarabulus"),
                                _place("wp:sy:3", "Hama"), _place("wp:sy:4", "Idlib"),
                                _place("wp:sy:5", "Homs"))}  # fmt: skip
    names = _names([
        ("gn:1", "manbij", 1), ("gn:1", "menbij", 0),
        ("gn:2", "jarabulus", 1), ("gn:2", "جرابلس", 0),  # one Latin name only
        ("wp:sy:3", "hama", 1), ("wp:sy:3", "some offensive", 0),
        ("wp:sy:4", "idlib", 1), ("wp:sy:4", "some offensive", 0),
        ("wp:sy:5", "homs", 1), ("wp:sy:5", "some offensive", 0),  # a label of 3 places
    ])  # fmt: skip
    queries = tl.build_pairs(places, names, size=100, seed=1)
    assert {(q.place.id, q.key) for q in queries} == {("gn:1", "manbij"), ("gn:1", "menbij")}
    assert {q.group for q in queries} == {"gn"}


def test_pairs_take_one_name_per_place_before_a_second() -> None:
    places = {p.id: p for p in (_place("gn:1", "Aleppo"), _place("gn:2", "Azaz"),
                                _place("gn:3", "Afrin"))}  # fmt: skip
    rows = [("gn:1", k, 0) for k in ("aleppo", "halab", "haleb", "alep", "alepo")]
    rows += [("gn:2", "azaz", 1), ("gn:2", "aazaz", 0), ("gn:3", "afrin", 1), ("gn:3", "efrin", 0)]
    queries = tl.build_pairs(places, _names(rows), size=4, seed=7)
    ids = [q.place.id for q in queries]
    assert sorted(ids[:3]) == ["gn:1", "gn:2", "gn:3"] and len(ids) == 4
    again = tl.build_pairs(places, _names(rows), size=4, seed=7)
    assert [q.key for q in again] == [q.key for q in queries]


def test_rounds_never_hold_out_one_place_twice() -> None:
    a, b = _place("gn:1", "A"), _place("gn:2", "B")
    queries = [
        tl.Query("x", a, "gn", "x"),
        tl.Query("y", a, "gn", "y"),
        tl.Query("z", b, "gn", "z"),
    ]
    batches = tl.rounds(queries)
    assert [[q.key for q in batch] for batch in batches] == [["x", "z"], ["y"]]


# ---------------------------------------------------------------- held out


def _index(path: Path, names_columns: str = "key, loose, place_id, primary_name") -> Any:
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,"
        " source TEXT);"
        f"CREATE TABLE names ({names_columns});"
    )
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", [
        ("gn:1", "Tell Rifaat", 36.47, 37.10, "SY", "geonames"),
        ("wp:sy:1", "Tal Rifat", 36.48, 37.10, "SY", "wikipedia"),
        ("gn:9", "Tal Rifat", 33.0, 36.0, "SY", "geonames"),
        ("gn:20", "Sinjar", 36.32, 41.87, "IQ", "geonames"),
    ])  # fmt: skip
    # the last field is the written spelling, stored only when names has a fifth column
    rows = [
        ("tal rifat", "tlrft", "gn:1", 0, "Tall Rif'at"), ("tell rifaat", "tlrft", "gn:1", 1, ""),
        ("tal rifat", "tlrft", "wp:sy:1", 1, ""), ("tal rifat", "tlrft", "gn:9", 1, ""),
        ("sinjar", "snjr", "gn:20", 1, ""),
    ]  # fmt: skip
    width = len(names_columns.split(","))
    marks = ",".join("?" * width)
    conn.executemany(f"INSERT INTO names VALUES ({marks})", [r[:width] for r in rows])
    conn.commit()
    return conn


def test_read_index_queries_the_written_name_where_the_index_keeps_it(tmp_path: Path) -> None:
    _index(tmp_path / "a.sqlite").close()
    places, names = tl.read_index(tmp_path / "a.sqlite", ["SY"])
    assert set(places) == {"gn:1", "wp:sy:1", "gn:9"}
    spellings = {(n.place_id, n.key): n.spelling for n in names}
    assert spellings[("gn:1", "tell rifaat")] == "Tell Rifaat"  # the main name as written
    assert spellings[("gn:1", "tal rifat")] == "tal rifat"  # an alternate: the key
    _index(tmp_path / "b.sqlite", "key, loose, place_id, primary_name, name").close()
    _, names = tl.read_index(tmp_path / "b.sqlite", ["SY"])
    assert {(n.place_id, n.key): n.spelling for n in names}[("gn:1", "tal rifat")] == "Tall Rif'at"


def test_hold_out_removes_the_name_here_and_nearby_but_not_far_away(tmp_path: Path) -> None:
    conn = _index(tmp_path / "index.sqlite")
    query = tl.Query("tal rifat", _place("gn:1", "Tell Rifaat", 36.47, 37.10), "gn", "tal rifat")
    deleted = tl.hold_out(conn, [query])
    left = conn.execute("SELECT place_id FROM names WHERE key = 'tal rifat'").fetchall()
    assert left == [("gn:9",)]  # the namesake 300 km away keeps the name
    assert len(deleted) == 2
    tl.restore(conn, deleted)
    assert conn.execute("SELECT COUNT(*) FROM names").fetchone()[0] == 5


# ---------------------------------------------------------------- ranks


class FixedGazetteer:
    """Answers every name with the same candidates, best first."""

    def __init__(self, places: list[Place]) -> None:
        self.matches = [Match(p, 0.9) for p in places]

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Match]]:
        return {n: list(self.matches) for n in names}


def _gplace(pid: str, lat: float, lon: float, country: str) -> Place:
    return Place(id=pid, name=pid, lat=lat, lon=lon, feature="P.PPL", country=country)


def test_rank_counts_only_the_country_and_accepts_the_same_place_from_another_source() -> None:
    target = _place("gn:1", "Sinjar", 36.32, 41.87, "IQ")
    query = tl.Query("shingal", target, "gn")
    abroad = _gplace("gn:5", 36.3, 41.8, "SY")
    far = _gplace("gn:6", 33.3, 44.4, "IQ")
    duplicate = _gplace("wp:iq:7", 36.33, 41.88, "IQ")  # about 1.4 km away
    assert tl.score(FixedGazetteer([abroad, far, duplicate]), [query]) == [2]
    assert tl.score(FixedGazetteer([abroad, far]), [query]) == [None]


def test_summary_reports_recall_at_1_and_5_per_group() -> None:
    a = _place("gn:1", "A")
    queries = [tl.Query("a", a, "gn"), tl.Query("b", a, "gn"), tl.Query("c", a, "wp")]
    result = tl.summary(queries, [1, 3, None])
    assert (result["recall@1"], result["recall@5"], result["not_found"]) == (
        pytest.approx(1 / 3, abs=1e-4),
        pytest.approx(2 / 3, abs=1e-4),
        pytest.approx(1 / 3, abs=1e-4),
    )
    assert result["by"]["gn"]["recall@1"] == 0.5 and result["by"]["wp"]["queries"] == 1
