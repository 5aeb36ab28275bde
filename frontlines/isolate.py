"""One input at a time, in a worker that can be stopped: no input ends a batch.

``Isolated(work)`` runs ``work(source)`` for one input and always returns an
:class:`Outcome`. An error frontlines raises on purpose (``FrontlinesError``) is that
input's refusal; any other exception is that input's failure, with its traceback kept
for the log. With a time budget, the work runs in a forked worker process (started on
first use, kept for the next inputs): an input over the budget has its worker killed
and fails by name, and the next input gets a fresh worker. The worker's address space
is capped (``resource.setrlimit``) at its size when it starts plus ``max_memory_mb``, so
that an input that wants more fails with MemoryError instead of taking the machine.

Fork keeps the models the parent loaded: warm the work in the parent before the first
input (``warm``) and a fresh worker costs milliseconds.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .errors import FrontlinesError

Work = Callable[[str], Any]
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@functools.cache
def _libc() -> Any:
    """The C library when it has glibc's ``malloc_trim``; else None."""
    import ctypes

    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


@dataclass(slots=True)
class Outcome:
    """What became of one input: ``value`` when ``ok``, else ``status`` and ``error``."""

    source: str
    value: Any = None
    status: str = "ok"  # ok | refused (a FrontlinesError) | failed (any other) | timeout
    error: str = ""
    error_class: str = ""
    trace: str = ""
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # processor time the worker spent on it (what load does not inflate)
    peak_bytes: int = 0  # private memory the input added to its worker, at its highest
    mapped_bytes: int = 0  # file pages it mapped (shared page cache: the gazetteer, code)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class Isolated:
    """``Isolated(work, max_seconds=60)(source)``: run one input, never raise for it."""

    def __init__(
        self, work: Work, *, max_seconds: float | None = None, max_memory_mb: int | None = None
    ) -> None:
        self.work = work
        self.max_seconds = max_seconds if max_seconds and max_seconds > 0 else None
        self.max_memory_mb = max_memory_mb
        self._proc: Any = None
        self._conn: Connection | None = None

    def __enter__(self) -> Isolated:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, source: str) -> Outcome:
        started, cpu = time.perf_counter(), time.process_time()
        if self.max_seconds is None:
            outcome = run_one(self.work, source)
            outcome.cpu_seconds = time.process_time() - cpu
        else:
            outcome = self._in_worker(source)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._conn.close()
        if self._proc is not None:
            self._proc.join(timeout=2)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join()
        self._proc = self._conn = None

    # -- the worker ---------------------------------------------------------------------
    def _in_worker(self, source: str) -> Outcome:
        conn = self._start()
        try:
            conn.send(source)
            if conn.poll(self.max_seconds):
                result: Outcome = conn.recv()
                return result
        except (EOFError, OSError):
            code = self._stop()
            return Outcome(source, status="failed", error_class="WorkerDied",
                           error=f"{source}: the worker reading it stopped (exit status {code});"
                                 " the input may need more memory than --max-memory-mb allows")  # fmt: skip
        self._stop()
        return Outcome(
            source, status="timeout", error_class="TimeBudgetExceeded",
            error=f"{source}: not read within {self.max_seconds:g} s (--max-seconds); the input "
                  "is too costly to analyse; split it, or raise --max-seconds",
        )  # fmt: skip

    def _start(self) -> Connection:
        if self._conn is not None and self._proc is not None and self._proc.is_alive():
            return self._conn
        self._stop()
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.work, self.max_memory_mb), daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        return parent

    def _stop(self) -> int | None:
        code = None
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
            code = self._proc.exitcode
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None
        return code


def run_one(work: Work, source: str) -> Outcome:
    """``work(source)`` with every exception turned into the input's Outcome."""
    try:
        return Outcome(source, value=work(source))
    except FrontlinesError as exc:
        return Outcome(source, status="refused", error=str(exc), error_class=type(exc).__name__)
    except MemoryError:
        return Outcome(source, status="failed", error_class="MemoryError",
                       error=f"{source}: needs more memory than the worker may use "
                             "(--max-memory-mb)", trace=traceback.format_exc())  # fmt: skip
    except Exception as exc:  # one input's bug must not end the batch
        return Outcome(source, status="failed", error_class=type(exc).__name__,
                       error=f"{source}: {type(exc).__name__}: {exc}",
                       trace=traceback.format_exc())  # fmt: skip


def _serve(conn: Connection, work: Work, max_memory_mb: int | None) -> None:
    """The worker's loop: one source in, one Outcome out, until told to stop."""
    if max_memory_mb:
        _cap_memory(max_memory_mb)
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return
        if source is None:
            return
        outcome = _measured(work, source)
        try:
            conn.send(outcome)
        except Exception as exc:  # a result that cannot be sent back
            conn.send(Outcome(source, status="failed", error_class=type(exc).__name__,
                              error=f"{source}: the result could not be passed back: {exc}"))  # fmt: skip


def _measured(work: Work, source: str) -> Outcome:
    """``run_one`` with the processor time and the memory the input added.

    The peak is the resident size's high-water mark (reset before the input) less the
    resident size before it and less the file-backed pages the input mapped: the
    gazetteer's memory map and libraries' code are the kernel's page cache, shared with
    the parent and every other worker, and a forked worker maps them afresh as it touches
    them (fork does not copy their page tables), so a fresh worker's first input would
    otherwise be charged some 50 MB of pages its parent already held. Memory that earlier
    inputs freed goes back to the system first (``malloc_trim``), so an input is not
    credited with the heap an earlier one left behind.
    """
    _trim()
    before, cpu = _resident(), time.process_time()
    _reset_peak()
    outcome = run_one(work, source)
    outcome.cpu_seconds = time.process_time() - cpu
    after = _resident()
    mapped = max(0, after[1] - before[1])
    outcome.peak_bytes = max(0, _peak() - before[0] - mapped)
    outcome.mapped_bytes = mapped
    return outcome


def _cap_memory(max_memory_mb: int) -> None:
    size = _statm(0)
    if size <= 0:
        return
    limit = size + max_memory_mb * 1_000_000
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _statm(index: int) -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[index]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _resident() -> tuple[int, int]:
    """The resident size and its file-backed part (bytes; Linux ``/proc/self/status``)."""
    sizes = {"VmRSS:": 0, "RssFile:": 0}
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                key = line.split(":", 1)[0] + ":"
                if key in sizes:
                    sizes[key] = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return _statm(1), 0
    return sizes["VmRSS:"] or _statm(1), sizes["RssFile:"]


def _trim() -> None:
    """Give the heap that freed objects left back to the system (glibc ``malloc_trim``)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _reset_peak() -> None:
    """Reset the peak resident size (Linux: "5" into /proc/self/clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _peak() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
