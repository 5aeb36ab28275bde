"""Progress for long runs: a bar on a terminal, one line per step otherwise, nothing when quiet.

    with progress("ingest", total=len(paths), quiet=args.quiet) as bar:
        for path in paths:
            ...
            bar(f"{path}: 3 events")      # one step done, with what it did

On a terminal (``stream.isatty()``) the bar is tqdm's, with the rate and the time left;
elsewhere (a log, a pipe, CI) each step is one line ``label: [done/total] message``, at
most one line every ``min_interval`` seconds (0: every step; the last step always prints);
with ``quiet`` nothing is written. A ``Bar`` is also a plain ``Callable[[str], None]``, so it
can be handed to every library function that takes a ``progress`` callback.
The library never creates bars itself: the CLI does, and passes them in.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TypeVar

__all__ = ["Bar", "note", "progress", "report", "track"]

T = TypeVar("T")


class Bar:
    """One progress display; see the module docstring. Not thread-safe."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        quiet: bool = False,
        stream: IO[str] | None = None,
        unit: str = "step",
        min_interval: float = 0.0,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self.unit = unit
        self.min_interval = min_interval
        self._last_line = float("-inf")
        self._tqdm: Any = None
        if not quiet and _is_terminal(self.stream):
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: `tiles` forks only without threads
            self._tqdm = tqdm(
                total=total, desc=label, unit=unit, file=self.stream, dynamic_ncols=True,
                leave=True, smoothing=0.1,
            )  # fmt: skip

    @property
    def on_terminal(self) -> bool:
        """True when a live bar is drawn (a terminal and not quiet)."""
        return self._tqdm is not None

    def __call__(self, message: str = "") -> None:
        """One step done; ``message`` says what it did."""
        self.advance(1, message)

    def advance(self, steps: int = 1, message: str = "") -> None:
        """``steps`` more steps done."""
        self.update(self.done + steps, message=message)

    def update(self, done: int, total: int | None = None, message: str = "") -> None:
        """``done`` steps of ``total`` (when it changes) are done."""
        if total is not None and total != self.total:
            self.total = total
            if self._tqdm is not None:
                self._tqdm.total = total
        moved, self.done = done - self.done, done
        if self.quiet:
            return
        if self._tqdm is not None:
            if message:
                self._tqdm.set_postfix_str(message[:80], refresh=False)
            self._tqdm.update(moved)
            return
        self._line(message)

    def write(self, message: str) -> None:
        """A line that is not a step (a stage starting, a count): above the bar on a terminal."""
        if self.quiet:
            return
        if self._tqdm is not None:
            self._tqdm.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()
            self._tqdm = None

    def _line(self, message: str) -> None:
        now = time.monotonic()
        last = self.total is not None and self.done >= self.total
        if not last and now - self._last_line < self.min_interval:
            return
        self._last_line = now
        count = f"[{self.done}/{self.total}]" if self.total is not None else f"[{self.done}]"
        text = message if message.startswith("[") else f"{count} {message}".rstrip()
        print(f"{self.label}: {text}", file=self.stream, flush=True)

    def __enter__(self) -> Bar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or not a real file
        return False


def progress(
    label: str,
    total: int | None = None,
    *,
    quiet: bool = False,
    stream: IO[str] | None = None,
    unit: str = "step",
    min_interval: float = 0.0,
) -> Bar:
    """A :class:`Bar` (use it as a context manager so a terminal bar is closed)."""
    return Bar(label, total, quiet=quiet, stream=stream, unit=unit, min_interval=min_interval)


def track(
    items: Iterable[T],
    label: str,
    *,
    total: int | None = None,
    quiet: bool = False,
    stream: IO[str] | None = None,
    unit: str = "item",
    min_interval: float = 1.0,
) -> Iterator[T]:
    """Yield ``items`` while showing a bar; ``total`` defaults to ``len(items)`` when it has one."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with progress(
        label, total, quiet=quiet, stream=stream, unit=unit, min_interval=min_interval
    ) as bar:
        for item in items:
            yield item
            bar.advance()


def report(
    sink: Any, message: str, *, done: int | None = None, total: int | None = None
) -> None:
    """Tell ``sink`` (a :class:`Bar` or any ``Callable[[str], None]``; None: nobody) a step.

    A Bar moves to ``done`` of ``total`` when they are given; a plain callable gets the
    message. Library code calls this so that both kinds of callback work.
    """
    if sink is None:
        return
    if isinstance(sink, Bar) and done is not None:
        sink.update(done, total, message)
    else:
        sink(message)


def note(sink: Any, message: str) -> None:
    """Tell ``sink`` something that is not a step (a skipped input, a stage starting)."""
    if isinstance(sink, Bar):
        sink.write(message)
    elif sink is not None:
        sink(message)
