"""One input at a time, in a worker that can be stopped: no input ends a batch.

``Isolated(work)`` runs ``work(source)`` for one input and always returns an
:class:`Outcome`. An error frontlines raises on purpose (``FrontlinesError``) is that
input's refusal; any other exception is that input's failure, with its traceback kept
for the log. With a time budget, the work runs in a forked worker process (started on
first use, kept for the next inputs): an input over the budget has its worker killed
and fails by name, and the next input gets a fresh worker. The worker's address space
is capped (``resource.setrlimit``) at its size when it starts plus ``max_memory_mb``, so
that an input that wants more fails with MemoryError instead of taking the machine.

The worker keeps its C heap (glibc's) from carrying one input's cost into the next: it
holds the threshold past which blocks are memory maps of their own at glibc's default
(glibc raises it as large blocks are freed, and large blocks then fragment the heap), and
a worker whose heap an input left with more than ``RETIRE_FREE_BYTES`` free in holes (more
than it started with) is retired after that input, the next input getting a fresh worker:
after ``malloc_trim`` those holes are pages given back, which later inputs fault in again
as their allocations spread over them (a 1.2 MB page that adds 5.7 MB to a fresh worker
added 27 MB after a batch of large pages). Holes the parent's own heap has are inherited by
every worker alike, and retiring does not clear them: hence the fork server below.
Elsewhere than glibc all this is a no-op.

Workers come from a fork server (``frontlines.forkserver``): a parent forked from the
caller once, whose heap stays as it was then, so that holes the caller's heap gains later
(reading, storing) reach no worker. ``Isolated(work)`` starts its own server at its first
worker; a caller that runs many batches passes one server it keeps (``worker_server``,
which ``Frontlines`` starts right after the models' warm-up) and the ``key`` from which
that server's ``make_work`` builds the work. Fork keeps the models the caller loaded: warm
them before the server starts and a fresh worker costs milliseconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .errors import FrontlinesError
from .forkserver import ForkServer, Worker

Work = Callable[[str], Any]
MakeWork = Callable[[Any], Work]  # the work of a worker, from the key it was started with
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# glibc's mallopt parameters and its default mmap threshold (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 128 * 1024
# free bytes in the C heap's holes, after a trim, more than the worker started with,
# past which it is retired
RETIRE_FREE_BYTES = 16_000_000


@functools.cache
def _libc() -> Any:
    """The C library when it has glibc's ``malloc_trim``; else None."""
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (2.33 and later)."""

    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]  # fmt: skip


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
    worker_retired: bool = False  # its worker stopped after it (a fragmented heap)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class Isolated:
    """``Isolated(work, max_seconds=60)(source)``: run one input, never raise for it."""

    def __init__(
        self,
        work: Work,
        *,
        max_seconds: float | None = None,
        max_memory_mb: int | None = None,
        server: ForkServer | None = None,
        key: Any = None,
    ) -> None:
        self.work = work
        self.max_seconds = max_seconds if max_seconds and max_seconds > 0 else None
        self.max_memory_mb = max_memory_mb
        # where workers come from: the caller's server (``key`` picks their work), or one
        # of this runner's own, started with its first worker
        self.server = server
        self.key = key
        self._own_server = server is None
        self._worker: Worker | None = None

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
        """Stop the worker, and the server if it is this runner's own."""
        self._retire()
        if self._own_server and self.server is not None:
            self.server.close()
            self.server = None

    # -- the worker ---------------------------------------------------------------------
    def _in_worker(self, source: str) -> Outcome:
        conn = self._start()
        try:
            conn.send(source)
            if conn.poll(self.max_seconds):
                result: Outcome = conn.recv()
                if result.worker_retired:
                    self._retire()
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
        if self._worker is not None:
            return self._worker.conn
        if self.server is None:
            self.server = worker_server(functools.partial(_same_work, self.work))
        self._worker = self.server.start((self.key, self.max_memory_mb))
        return self._worker.conn

    def _retire(self) -> None:
        """Stop the worker: asked first, killed if still running 2 s later."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.conn.close()
        if worker.wait(2) is None:
            worker.kill()
            worker.wait()

    def _stop(self) -> int | None:
        """Kill the worker; its exit status."""
        worker, self._worker = self._worker, None
        if worker is None:
            return None
        worker.kill()
        worker.conn.close()
        return worker.wait()


def worker_server(make_work: MakeWork) -> ForkServer:
    """A fork server whose workers each run ``make_work(key)`` on one input at a time
    (``key`` given to :class:`Isolated`); it starts (forks from this process) with its first
    worker, its heap trimmed and glibc's thresholds held before it serves."""
    return ForkServer(functools.partial(_worker_life, make_work), prepare=_compact)


def _same_work(work: Work, _key: Any) -> Work:
    return work


def _worker_life(make_work: MakeWork, conn: Connection, arg: tuple[Any, int | None]) -> None:
    key, max_memory_mb = arg
    _serve(conn, make_work(key), max_memory_mb)


def _compact() -> None:
    _pin_mmap_threshold()
    trim_heap()


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
    _pin_mmap_threshold()
    trim_heap()
    start_free = _heap_free()  # the parent's holes, inherited
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return
        if source is None:
            return
        outcome = _measured(work, source)
        trim_heap()
        outcome.worker_retired = _heap_free() - start_free > RETIRE_FREE_BYTES
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
    trim_heap()
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


def trim_heap() -> None:
    """Give the C heap that freed objects left back to the system (glibc ``malloc_trim``;
    elsewhere a no-op): between the steps of one input, so that the next step's peak does
    not sit on top of the pages the last one freed."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _pin_mmap_threshold() -> None:
    """Hold glibc's mmap threshold (and the trim threshold) at its default, 128 KiB.

    glibc raises the threshold to the size of each memory-mapped block freed (up to
    32 MB), so that after a model's load or a large page, blocks of megabytes (a page's
    text, a parser's buffers) come from the heap, where freeing them leaves holes instead
    of giving them back. Setting it turns that sliding off.
    """
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, MMAP_THRESHOLD)


def _heap_free() -> int:
    """Bytes free in the C heap's holes (glibc ``mallinfo2``'s ``fordblks``); else 0."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallinfo2"):
        return 0
    libc.mallinfo2.restype = _MallInfo2
    return int(libc.mallinfo2().fordblks)


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
