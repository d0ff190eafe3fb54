"""A worker process: takes tasks from a pipe, runs each under a memory cap, answers.

Workers are forked from a forkserver that imported and warmed the library once
(:mod:`nablab.web._preload`), so a new worker is ready in milliseconds. A worker is daemonic:
inside it, the exact solvers bound themselves with a timer instead of forking again
(:mod:`nablab.solve._bounded`). The parent enforces the wall clock: it kills a worker whose
job runs too long and starts another.
"""

from __future__ import annotations

import resource
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from nablab.budget import _mapped_bytes
from nablab.errors import NablabError
from nablab.web.tasks import Task, execute


@contextmanager
def memory_cap(memory_mb: int) -> Iterator[None]:
    """Cap the address space at what is mapped now plus ``memory_mb``, for one job."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _mapped_bytes() + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def answer(task: Task, memory_mb: int) -> tuple[str, Any]:
    """``("ok", json bytes)``, ``("error", NablabError)``, ``("memory", None)`` or a crash."""
    try:
        with memory_cap(memory_mb):
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
    """Serve tasks until the pipe closes; stop after a job ran out of memory."""
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        status, payload = answer(task, memory_mb)
        try:
            conn.send((status, payload))
        except (BrokenPipeError, OSError):
            return
        if status == "memory":
            return


__all__ = ["answer", "main", "memory_cap"]
