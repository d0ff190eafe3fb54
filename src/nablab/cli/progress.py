"""A progress bar for long jobs, drawn by the worker process that runs them.

It shows on stderr, only on a terminal, and only once a job has taken more than a second.
"""

from __future__ import annotations

import time
from typing import Any, TextIO

#: Seconds a job may take before its progress bar appears.
QUIET_SECONDS = 1.0


class ProgressBar:
    """A rich progress bar; call it with ``(done, total)``, :meth:`close` removes it."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream, self.label = stream, label
        self.started = time.monotonic()
        self.tty = _isatty(stream)
        self.bar: Any = None
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.tty:
            return
        now = time.monotonic()
        if now - self.last < 0.1 or now - self.started < QUIET_SECONDS:
            return
        self.last = now
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            console = Console(file=self.stream, highlight=False, markup=False)
            self.bar = Progress(console=console, transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


__all__ = ["QUIET_SECONDS", "ProgressBar"]
