"""No input ends a batch: errors, time and memory are each one input's failure."""

from __future__ import annotations

import mmap
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from frontlines import Frontlines, Settings, isolate
from frontlines import api as api_module
from frontlines.errors import EncodingError
from frontlines.isolate import Isolated, run_one
from frontlines.records import Analysis, Document


def _work(source: str) -> Any:
    if source == "bug":
        raise LookupError("'rot-13' is not a text encoding")
    if source == "refused":
        raise EncodingError("cannot decode the input", source=source)
    if source == "slow":
        time.sleep(30)
    if source == "greedy":
        return len(bytearray(3_000_000_000))
    if source == "dies":
        os._exit(7)
    if source == "holds":
        return len(b"\1" * 60_000_000)  # 60 MB of its own
    if source.startswith("maps "):
        return _read_mapped(Path(source.removeprefix("maps ")))
    if source == "pid":
        return os.getpid()
    if source == "ppid":
        return os.getppid()
    if source == "heap free":
        return isolate._heap_free()
    if source == "fragments":
        return _fragment_heap()
    if source == "mapped after a large block":
        return _mapped_after_large_block()
    return source.upper()


_KEPT: list[bytes] = []  # one block in ten of "fragments", alive between inputs


def _fragment_heap() -> int:
    """Leave the C heap holed: 40 MB of 1 kB blocks (past Python's small-object allocator),
    nine in ten freed, the tenth kept between each hole."""
    blocks = [bytes(1000) + i.to_bytes(4, "little") for i in range(40_000)]
    _KEPT.extend(blocks[::10])
    return len(blocks)


def _mapped_after_large_block() -> int:
    """Bytes glibc holds in blocks memory-mapped of their own while a 1 MB block lives,
    after a 4 MB block was freed (which raises glibc's threshold, unless it is set)."""
    del_me = bytearray(4_000_000)
    del del_me
    before = _mallinfo().hblkhd
    block = bytearray(1_000_000)
    mapped = _mallinfo().hblkhd - before
    del block
    return int(mapped)


def _mallinfo() -> Any:
    libc = isolate._libc()
    libc.mallinfo2.restype = isolate._MallInfo2
    return libc.mallinfo2()


_GLIBC = isolate._libc() is not None and hasattr(isolate._libc(), "mallinfo2")


_MAPS: list[mmap.mmap] = []  # kept open, as the gazetteer's memory map is


def _read_mapped(path: Path) -> int:
    with path.open("rb") as fh:
        _MAPS.append(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    return sum(_MAPS[-1][i] for i in range(0, len(_MAPS[-1]), 4096))


def test_peak_memory_is_the_inputs_own_not_file_pages_it_maps(tmp_path: Path) -> None:
    data = tmp_path / "pages.bin"
    data.write_bytes(b"\1" * 64_000_000)  # read through a memory map: shared page cache
    with Isolated(_work, max_seconds=60) as run:
        holds, maps = run("holds"), run(f"maps {data}")
    assert holds.ok and holds.peak_bytes >= 55_000_000
    assert maps.ok and maps.value == 64_000_000 // 4096 + (64_000_000 % 4096 > 0)
    assert maps.mapped_bytes >= 55_000_000 and maps.peak_bytes < 20_000_000


def _in_a_fresh_process(body: str) -> list[str]:
    """The words ``body`` prints, run in a fresh interpreter with a worker of ``_work``.

    glibc serves a block from free heap space before it maps or grows the heap, so a
    worker forked from this test process (its heap holed by earlier tests) would not
    show what an input alone does to a worker's heap."""
    code = (
        "from frontlines.isolate import Isolated\n"
        "from tests.test_isolate import _work\n"
        "with Isolated(_work, max_seconds=60) as run:\n" + body
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    return done.stdout.split()


@pytest.mark.skipif(not _GLIBC, reason="glibc's heap only")
def test_a_worker_whose_heap_an_input_left_holed_is_retired_and_the_next_starts_fresh() -> None:
    words = _in_a_fresh_process(
        "    first, same, holed, fresh = (run(s) for s in ('pid', 'pid', 'fragments', 'pid'))\n"
        "    print(first.value, same.value, same.worker_retired, holed.ok, holed.worker_retired,"
        " fresh.ok, fresh.value, fresh.worker_retired)\n"
    )
    first, same, same_retired, holed_ok, holed_retired, fresh_ok, fresh, fresh_retired = words
    assert first == same and same_retired == "False"
    assert holed_ok == "True" and holed_retired == "True"
    assert fresh_ok == "True" and fresh != first and fresh_retired == "False"


@pytest.mark.skipif(not _GLIBC, reason="glibc's heap only")
def test_large_blocks_stay_memory_maps_of_their_own_in_a_worker() -> None:
    ok, value = _in_a_fresh_process(
        "    out = run('mapped after a large block')\n    print(out.ok, out.value)\n"
    )[-2:]
    assert ok == "True" and int(value) >= 1_000_000  # not carved from the heap


def test_the_heap_is_trimmed_between_reading_and_analysing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[str] = []
    app = Frontlines(Settings(db=str(tmp_path / "s.sqlite")))

    def read(source: str | Path, *, published: Any = None) -> list[Document]:
        steps.append("read")
        return []

    def analyze(documents: Any) -> list[Analysis]:
        steps.append("analyze")
        return []

    app.read, app.analyze = read, analyze  # type: ignore[method-assign]
    monkeypatch.setattr(api_module, "trim_heap", lambda: steps.append("trim"))
    app._runner(None).work("page.html")
    assert steps == ["read", "trim", "analyze"]


def test_an_unexpected_error_is_the_inputs_failure_with_its_class_and_trace() -> None:
    outcome = run_one(_work, "bug")
    assert (outcome.status, outcome.error_class) == ("failed", "LookupError")
    assert outcome.error.startswith("bug: LookupError") and "Traceback" in outcome.trace
    refused = run_one(_work, "refused")
    assert (refused.status, refused.error_class, refused.trace) == ("refused", "EncodingError", "")


def test_worker_stops_a_slow_input_and_the_next_input_runs() -> None:
    with Isolated(_work, max_seconds=1) as run:
        slow = run("slow")
        after = run("fine")
    assert (slow.status, slow.error_class) == ("timeout", "TimeBudgetExceeded")
    assert "slow" in slow.error and "--max-seconds" in slow.error
    assert (after.status, after.value) == ("ok", "FINE")


def test_memory_ceiling_fails_the_greedy_input_only() -> None:
    with Isolated(_work, max_seconds=60, max_memory_mb=200) as run:
        greedy = run("greedy")
        after = run("fine")
    assert (greedy.status, greedy.error_class) == ("failed", "MemoryError")
    assert after.ok and after.value == "FINE"


def test_a_worker_that_dies_fails_its_input_only() -> None:
    with Isolated(_work, max_seconds=60) as run:
        dead = run("dies")
        after = run("bug")
        last = run("fine")
    assert (dead.status, dead.error_class) == ("failed", "WorkerDied")
    assert "exit status 7" in dead.error
    assert after.error_class == "LookupError" and last.value == "FINE"


def _fake_app(tmp_path: Path, isolate: bool) -> Frontlines:
    app = Frontlines(Settings(db=str(tmp_path / "s.sqlite"), max_seconds=5), isolate=isolate)

    def read(source: str | Path, *, published: Any = None) -> list[Document]:
        value = _work(str(source))  # raises for the bad ones
        return [Document(id=f"id-{source}", source=str(source), title=str(source),
                         text=str(value))]  # fmt: skip

    app.read = read  # type: ignore[method-assign]
    app.analyze = lambda documents: [Analysis(document=d) for d in documents]  # type: ignore[method-assign]
    app._warm = lambda: None  # type: ignore[method-assign]
    return app


@pytest.mark.parametrize("isolate", [False, True])
def test_batch_goes_on_after_bad_inputs(tmp_path: Path, isolate: bool) -> None:
    sources = ["a", "bug", "b", "refused", "c"] + (["slow", "dies"] if isolate else []) + ["d"]
    report = _fake_app(tmp_path, isolate).ingest(sources)
    status = {item.source: item.status for item in report.items}
    assert [s for s in sources if status[s] == "ok"] == ["a", "b", "c", "d"]
    assert status["bug"] == "failed" and status["refused"] == "refused"
    if isolate:
        assert status["slow"] == "timeout" and status["dies"] == "failed"
    with Frontlines(Settings(db=str(tmp_path / "s.sqlite"))).open_store() as store:
        assert len(store.documents()) == 4


def test_a_worker_killed_over_its_budget_is_gone_not_left_a_zombie() -> None:
    with Isolated(_work, max_seconds=1) as run:
        pid = run("pid").value
        slow = run("slow")
        with pytest.raises(ProcessLookupError):  # a zombie would still take the signal
            os.kill(pid, 0)
        assert slow.status == "timeout" and run("fine").value == "FINE"


def test_frontlines_workers_fork_from_its_fork_server_kept_across_batches(tmp_path: Path) -> None:
    app = _fake_app(tmp_path, isolate=True)
    app.start_workers()
    server = app._workers
    assert server is not None and server.pid not in (None, os.getpid())
    parents = [int(app.extract(s)[0].document.text) for s in ("ppid", "ppid")]
    pids = [int(app.extract(s)[0].document.text) for s in ("pid", "pid")]
    assert parents == [server.pid, server.pid]  # not this process, which reads and stores
    assert pids[0] != pids[1]  # each extract its own worker, from the same parent
    report = app.ingest(["a", "slow", "dies", "bug", "b"])
    assert [i.status for i in report.items] == ["ok", "timeout", "failed", "failed", "ok"]
    assert app._workers is server


def test_a_fork_server_that_died_is_replaced_and_one_closed_ends() -> None:
    server = isolate.worker_server(lambda _key: _work)
    server.launch()
    first = server.pid
    with Isolated(_work, max_seconds=60, server=server) as run:
        assert first is not None and run("ppid").value == first
    os.kill(first, signal.SIGKILL)
    with Isolated(_work, max_seconds=60, server=server) as run:
        assert run("ppid").value == server.pid and server.pid not in (None, first)
        assert run("bug").error_class == "LookupError"
    pid = server.pid
    server.close()
    assert pid is not None and server.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.skipif(not _GLIBC, reason="glibc's heap only")
def test_holes_the_caller_makes_after_its_fork_server_started_reach_no_worker() -> None:
    code = (
        "from frontlines.isolate import Isolated, worker_server\n"
        "from tests.test_isolate import _fragment_heap, _work\n"
        "server = worker_server(lambda key: _work)\n"
        "with Isolated(_work, max_seconds=60, server=server) as run:\n"
        "    before = run('heap free').value\n"
        "_fragment_heap()  # 36 MB of holes in this process's heap\n"
        "with Isolated(_work, max_seconds=60, server=server) as run:\n"
        "    after = run('heap free').value\n"
        "with Isolated(_work, max_seconds=60) as run:  # its own server, forked now\n"
        "    own = run('heap free').value\n"
        "print(before, after, own)\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    before, after, own = (int(w) for w in done.stdout.split())
    assert after - before < 4_000_000  # the worker's heap is the server's, as it started
    assert own - before > 30_000_000  # a server forked from the holed caller has the holes
