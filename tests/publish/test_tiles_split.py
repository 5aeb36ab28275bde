"""Events written as two halves of the world at once give the archive one process writes."""

from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Any

import pytest
from pmtiles.reader import MmapSource, Reader, all_tiles

from frontlines.publish import tiles_split
from frontlines.publish.tiles import write_tiles
from frontlines.publish.tiles_split import Cut, choose_cut, split_rows, worth_splitting
from frontlines.records import Event, Span


def _events(count: int) -> list[Event]:
    rng = random.Random(3)
    events = []
    for i in range(count):
        text = f"Clashes near place {i}."
        events.append(Event(
            "Battles", "Armed clash", f"Actor {i % 7}", Span(0, len(text), text),
            event_date="2024-03-05", latitude=rng.uniform(30.0, 37.0),
            longitude=rng.uniform(35.0, 45.0) if i % 3 else rng.uniform(-10.0, 60.0),
            event_id=f"ev-{i}",
        ))  # fmt: skip
    return events


def _tiles(path: Path) -> tuple[dict[tuple[int, int, int], bytes], dict[str, object]]:
    with open(path, "rb") as handle:
        source = MmapSource(handle)
        tiles = {zxy: bytes(data) for zxy, data in all_tiles(source)}
        return tiles, Reader(source).metadata()


def test_the_cut_halves_the_points_and_each_half_takes_the_buffer_across_it() -> None:
    lons = [10.0] * 5 + [50.0] * 5
    cut = choose_cut(lons, 3)
    assert cut is not None and cut.zoom == 3 and 10.0 < (cut.column * 45.0 - 180.0) <= 50.0
    assert choose_cut([10.0] * 4, 3) is None  # all in one column: nothing to cut
    edge = Cut(3, 4)  # the column starting at 0 degrees; the buffer is 80/4096 of 45 degrees
    west, east = split_rows([-20.0, -0.5, 0.5, 20.0], edge)
    assert list(west) == [0, 1, 2] and list(east) == [1, 2, 3]
    assert (edge.side(3, 3), edge.side(3, 4), edge.side(5, 15), edge.side(5, 16)) == (0, 1, 0, 1)


def test_halves_written_at_once_give_the_same_tiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _events(3000)
    one = write_tiles(events, tmp_path / "one.pmtiles", zoom=6)
    calls: list[int] = []
    real = tiles_split.write_split

    def spy(*args: Any) -> Path:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(tiles_split, "worth_splitting", lambda count: True)
    monkeypatch.setattr(tiles_split, "write_split", spy)
    two = write_tiles(events, tmp_path / "two.pmtiles", zoom=6)
    assert calls == [1]
    tiles_one, meta_one = _tiles(one.path)
    tiles_two, meta_two = _tiles(two.path)
    assert len(tiles_one) > 10
    assert tiles_two == tiles_one  # every tile, byte for byte, the buffers along the cut too
    assert meta_two["vector_layers"] == meta_one["vector_layers"]
    stats = meta_two["tilestats"]["layers"]  # type: ignore[index]
    assert [s["count"] for s in stats] == [3000]
    assert meta_two["bounds"] == meta_one["bounds"]


def test_a_process_with_other_threads_writes_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tiles_split, "SPLIT_MIN", 10)
    assert worth_splitting(10) is (threading.active_count() == 1)
    assert not worth_splitting(9)
    done = threading.Event()
    other = threading.Thread(target=done.wait)
    other.start()
    try:
        assert not worth_splitting(10)
    finally:
        done.set()
        other.join()
