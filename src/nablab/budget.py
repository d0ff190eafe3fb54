"""Run a job under a wall-clock budget and a memory cap, in a forked worker process.

A Python thread cannot be stopped, and SymPy can spend minutes inside one call (a Gröbner
basis, a ``simplify``), so a job on user input runs in a child process: if it is still running
when its time is up, the child is killed and :class:`~nablab.errors.ComputationTimeout` is
raised. The child caps its own address space, so a runaway expansion fails with
:class:`~nablab.errors.MemoryLimitExceeded` instead of swapping the machine.

Forking (not spawning) keeps start-up to a few milliseconds: the child already has SymPy
imported and the parsed expression in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from nablab.errors import ComputationTimeout, MemoryLimitExceeded, NablabError, WorkerCrashed

T = TypeVar("T")

#: Default time budget of a job, seconds (the CLI's ``--timeout``).
DEFAULT_TIMEOUT = 10.0
#: Default memory a job may add on top of what the process already maps, MiB.
DEFAULT_MEMORY_MB = 2048


def _mapped_bytes() -> int:
    """Virtual memory the process maps now (numpy/OpenBLAS reserve a lot up front)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
           memory_mb: int | None) -> None:
    if memory_mb is not None:
        limit = _mapped_bytes() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = ("ok", fn(*args, **kwargs))
    except NablabError as exc:
        result = ("error", exc)
    except MemoryError:
        result = ("memory", None)
    except RecursionError:
        result = ("crash", "recursion too deep")
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never swallowed
        result = ("crash", "".join(traceback.format_exception_only(type(exc), exc)).strip())
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
        conn.send(("crash", f"result could not be returned: {exc}"))
    finally:
        conn.close()


def run_bounded(fn: Callable[..., T], /, *args: Any, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a forked worker, stopped after ``timeout`` seconds.

    Args:
        fn: the job; its result must be picklable.
        timeout: wall-clock budget in seconds (``None``: run in this process, unbounded —
            for callers that are themselves inside a bounded worker).
        memory_mb: memory the job may add, MiB (``None``: no cap).

    Raises:
        ComputationTimeout: the job ran past ``timeout``.
        MemoryLimitExceeded: the job needed more than ``memory_mb``.
        NablabError: whatever the job raised, re-raised here.
        WorkerCrashed: the job failed with an unexpected exception.
    """
    if timeout is None:
        return fn(*args, **kwargs)
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_child, args=(sender, fn, args, kwargs, memory_mb), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ComputationTimeout(seconds=timeout)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise MemoryLimitExceeded(limit_mb=memory_mb or 0) from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "ok":
        return payload
    if status == "error":
        raise payload
    if status == "memory":
        raise MemoryLimitExceeded(limit_mb=memory_mb or 0)
    raise WorkerCrashed(detail=payload)


__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "run_bounded"]
