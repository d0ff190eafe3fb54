"""A job in a forked worker: the parent waits for the wall clock and kills it at the deadline.

Forking (not spawning) keeps start-up to a few milliseconds: the child already has SymPy
imported and the parsed expression in memory. The child enters :func:`within` its budget, so
whatever the job bounds inside it runs in place.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from nablab.budget._scope import Budget, within
from nablab.errors import ComputationTimeout, MemoryLimitExceeded, NablabError, WorkerCrashed

T = TypeVar("T")


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
           budget: Budget) -> None:
    try:
        with within(budget):
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


def run_forked(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any],
               budget: Budget) -> T:
    """``fn(*args, **kwargs)`` in a forked worker, killed at ``budget.timeout`` seconds."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_child, args=(sender, fn, args, kwargs, budget), daemon=True)
    worker.start()
    sender.close()
    limit_mb = budget.memory_mb or 0
    try:
        if not receiver.poll(budget.timeout):
            raise ComputationTimeout(seconds=budget.timeout)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise MemoryLimitExceeded(limit_mb=limit_mb) from None
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
        raise MemoryLimitExceeded(limit_mb=limit_mb)
    raise WorkerCrashed(detail=payload)


__all__ = ["run_forked"]
