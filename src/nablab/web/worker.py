"""A worker process: takes tasks from a pipe, runs each within its budget, answers.

Workers are forked from a forkserver that imported and warmed the library once
(:mod:`nablab.web._preload`), so a new worker is ready in milliseconds. Each task runs
:func:`~nablab.budget.within` its budget (its timeout and the server's memory cap), so what
the job bounds inside it runs in place, with at most the time the task has left. The parent
enforces the wall clock: it kills a worker whose job runs too long and starts another. A job
runs on one thread (:data:`nablab.numeric.parallel.MAX_LANES` = 1): the workers share the cores.
"""

from __future__ import annotations

import signal
import traceback
from multiprocessing.connection import Connection
from typing import Any

from nablab.budget import Budget, within
from nablab.errors import NablabError
from nablab.numeric import parallel
from nablab.web.tasks import Task, execute


def answer(task: Task, timeout: float, memory_mb: int) -> tuple[str, Any]:
    """``("ok", json bytes)``, ``("error", NablabError)``, ``("memory", None)`` or a crash."""
    try:
        with within(Budget(timeout, memory_mb)):
            return ("ok", execute(task))
    except NablabError as exc:
        return ("error", exc)
    except MemoryError:
        return ("memory", None)
    except RecursionError:
        return ("crash", "recursion too deep")
    except Exception as exc:  # noqa: BLE001 - reported to the parent, never swallowed
        return ("crash", "".join(traceback.format_exception_only(type(exc), exc)).strip())


def main(conn: Connection, memory_mb: int) -> None:
    """Serve ``(task, timeout)`` pairs until the pipe closes; stop after a job ran out of memory.

    Ctrl+C reaches every process of the terminal's group; the server stops its workers
    itself, so a worker ignores it (no traceback per worker on the way out).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The server runs several workers side by side: a job takes one core, not two.
    parallel.MAX_LANES = 1
    while True:
        try:
            task, timeout = conn.recv()
        except (EOFError, OSError):
            return
        status, payload = answer(task, timeout, memory_mb)
        try:
            conn.send((status, payload))
        except (BrokenPipeError, OSError):
            return
        if status == "memory":
            return


__all__ = ["answer", "main"]
