"""The respelled-notes benchmark rewrites a note's place only, by one transliteration rule."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import load_benchmark

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))  # its own imports
bench = load_benchmark("respelled_events")
respelled_rows, spelled_as = bench.respelled_rows, bench.spelled_as


def test_a_note_naming_its_place_gets_another_spelling_of_it() -> None:
    rows = [{"location": "Tell Abiad", "notes": "Shells hit Tell Abiad town; tell abiad burned."}]
    changed, rules = respelled_rows(rows, seed=1)
    assert rules[0] != ""
    note = changed[0]["notes"]
    assert "Tell Abiad" not in note and "tell abiad" not in note
    assert note.startswith("Shells hit ") and note.endswith(" burned.")
    assert rows[0]["notes"].startswith("Shells hit Tell Abiad")  # the input is left as it was


def test_a_note_without_its_place_and_the_english_words_of_a_name_stay() -> None:
    rows = [
        {"location": "Hama", "notes": "Nothing named here."},
        {"location": "Hole Camp", "notes": "Guards raided Hole Camp."},
    ]
    changed, rules = respelled_rows(rows, seed=3)
    assert rules[0] == "" and changed[0]["notes"] == "Nothing named here."
    assert "Camp." in changed[1]["notes"]


def test_a_respelling_keeps_the_written_capitals() -> None:
    assert spelled_as("Ain al-Arab", "ein al-arab") == "Ein Al-Arab"
    assert spelled_as("al-Bab", "el-bab") == "el-bab"
