"""Progress: a bar on a terminal, one line per step elsewhere, nothing when quiet."""

from __future__ import annotations

import io

from frontlines.progress import progress, track


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_one_line_per_step_when_not_a_terminal() -> None:
    out = io.StringIO()
    with progress("ingest", total=3, stream=out) as bar:
        bar("a.html: 2 events")
        bar("b.html: failed")
        bar()
    assert out.getvalue().splitlines() == [
        "ingest: [1/3] a.html: 2 events",
        "ingest: [2/3] b.html: failed",
        "ingest: [3/3]",
    ]


def test_a_message_with_its_own_count_is_kept_as_it_is() -> None:
    out = io.StringIO()
    with progress("ingest", total=2, stream=out) as bar:
        bar("[1/2] a.html: 1 document(s)")
    assert out.getvalue() == "ingest: [1/2] a.html: 1 document(s)\n"


def test_quiet_writes_nothing() -> None:
    out = Terminal()
    with progress("tiles", total=10, quiet=True, stream=out) as bar:
        bar.advance(5, "half")
        bar.write("a note")
        bar.update(10)
    assert out.getvalue() == ""
    assert bar.done == 10


def test_a_terminal_gets_a_bar_with_rate_and_time_left() -> None:
    out = Terminal()
    with progress("eval", total=4, stream=out, unit="row") as bar:
        assert bar.on_terminal
        for _ in range(4):
            bar("row")
    text = out.getvalue()
    assert "eval" in text and "4/4" in text and "row/s" in text
    assert "\n" in text or "\r" in text


def test_min_interval_thins_the_lines_but_keeps_the_last() -> None:
    out = io.StringIO()
    with progress("tiles", total=1000, stream=out, min_interval=3600) as bar:
        for _ in range(1000):
            bar.advance()
    lines = out.getvalue().splitlines()
    assert lines == ["tiles: [1/1000]", "tiles: [1000/1000]"]


def test_track_yields_every_item_and_counts_them() -> None:
    out = io.StringIO()
    items = list(track(["a", "b", "c"], "read", stream=out, min_interval=0))
    assert items == ["a", "b", "c"]
    assert out.getvalue().splitlines()[-1] == "read: [3/3]"


def test_update_sets_the_position_and_the_total() -> None:
    out = io.StringIO()
    bar = progress("geoparse", stream=out)
    bar.update(20, total=40, message="articles")
    bar.close()
    assert out.getvalue() == "geoparse: [20/40] articles\n"
