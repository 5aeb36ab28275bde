"""Where workers come from: a small parent forked once, that forks them on request.

A worker forked from a process inherits that process's heap, its holes with it (space
glibc keeps free between live blocks). The process that reads a batch and stores its
results makes holes as it goes, so its later workers would start holed: a worker gives
the holes back at its first ``malloc_trim``, and its inputs' C allocations (lexbor's,
lxml's) fault them in again, spread over them (a 1.2 MB page that added 5 MB to a worker
forked from a fresh process added 20-30 MB to one forked late in a batch).

A ``ForkServer`` is forked from the caller once (right after the models' warm-up, in
``Frontlines``) and then only forks workers: its heap stays as it was then, and so does
every worker's at its start, however long the caller runs. A worker keeps what the caller
had loaded (fork), so it starts in milliseconds. Its pipe is made by the caller and handed
to the server (``SCM_RIGHTS``); the caller stops a worker by its process id, and the
server, its parent, reports how it ended. The server ends when the caller's end of its pipe
closes (``close``, the caller's exit or garbage collection).
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import Pipe, reduction
from multiprocessing.connection import Connection
from typing import Any

Body = Callable[[Connection, Any], None]  # a worker's life: its pipe and the start's argument


@dataclass(slots=True)
class Worker:
    """A started worker: the caller's end of its pipe and its process id."""

    conn: Connection
    pid: int
    server: ForkServer

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int | None:
        """Its exit status once it has ended (minus the signal that ended it, as
        ``multiprocessing`` gives it); None if it still runs after ``timeout`` seconds."""
        return self.server.reap(self.pid, timeout)


class ForkServer:
    """``ForkServer(body).start(arg)``: a worker running ``body(pipe, arg)``, forked from
    a parent that was forked from this process at the first start and does nothing else.
    ``prepare`` runs once in that parent before it serves (e.g. trimming its heap)."""

    def __init__(self, body: Body, prepare: Callable[[], None] | None = None) -> None:
        self.body, self.prepare = body, prepare
        self.pid: int | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self._finalizer: weakref.finalize | None = None

    def start(self, arg: Any) -> Worker:
        """A fresh worker (the server itself started, or restarted if it has died)."""
        with self._lock:
            try:
                return self._start(arg)
            except (EOFError, OSError):  # the server died: a fresh one, once
                self._shut()
                return self._start(arg)

    def _start(self, arg: Any) -> Worker:
        server = self._conn or self._launch()  # before the pipe: the server holds no end of it
        parent, child = Pipe()
        try:
            server.send(("start", arg))
            reduction.send_handle(server, child.fileno(), self.pid or 0)
        finally:
            child.close()
        try:
            return Worker(parent, int(server.recv()), self)
        except BaseException:
            parent.close()
            raise

    def launch(self) -> None:
        """Fork the server now, if it is not running (else its first start does)."""
        with self._lock:
            if self._conn is None:
                self._launch()

    def reap(self, pid: int, timeout: float | None) -> int | None:
        with self._lock:
            try:
                code = self._ask(("reap", (pid, timeout)))
            except (EOFError, OSError):  # the server died; the worker went to init
                return None
        return None if code is None else int(code)

    def close(self) -> None:
        with self._lock:
            self._shut()

    def _ask(self, request: tuple[str, Any]) -> Any:
        conn = self._conn or self._launch()
        conn.send(request)
        return conn.recv()

    def _launch(self) -> Connection:
        ours, theirs = Pipe()
        self.pid = _fork(functools.partial(_serve, theirs, self.body, self.prepare), ours)
        theirs.close()
        self._conn = ours
        self._finalizer = weakref.finalize(self, _end, ours, self.pid)
        return ours

    def _shut(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._conn = self.pid = self._finalizer = None


def _serve(conn: Connection, body: Body, prepare: Callable[[], None] | None) -> None:
    """The server's loop: fork a worker, or report how one ended, until the caller leaves."""
    if prepare is not None:
        prepare()
    while True:
        try:
            kind, arg = conn.recv()
        except (EOFError, OSError):
            return
        if kind == "start":
            fd = reduction.recv_handle(conn)
            pid = _fork(functools.partial(_work, fd, body, arg), conn)
            os.close(fd)
            conn.send(pid)
        else:
            conn.send(_reap(*arg))


def _work(fd: int, body: Body, arg: Any) -> None:
    body(Connection(fd), arg)


def _fork(run: Callable[[], None], *close: Connection) -> int:
    """Run ``run()`` in a forked child (closing ``close`` there first); its process id."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        for conn in close:
            conn.close()
        run()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _reap(pid: int, timeout: float | None) -> int | None:
    """``pid``'s exit status once it ends (a child of this process); None if it still runs
    after ``timeout`` seconds, or is no child of ours."""
    deadline = None if timeout is None else time.monotonic() + timeout
    pause = 0.0002  # a worker told to stop ends within milliseconds: look often at first
    while True:
        try:
            done, status = os.waitpid(pid, 0 if deadline is None else os.WNOHANG)
        except ChildProcessError:
            return None
        if done:
            return os.waitstatus_to_exitcode(status)
        if deadline is not None and time.monotonic() >= deadline:
            return None
        time.sleep(pause)
        pause = min(2 * pause, 0.01)


def _end(conn: Connection, pid: int) -> None:
    """Close the server's pipe (it then ends) and reap it."""
    conn.close()
    if _reap(pid, 2.0) is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _reap(pid, None)
