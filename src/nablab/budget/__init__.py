"""Every job on user input stops within its time and memory budget; nested budgets follow one rule.

A Python thread cannot be stopped, and SymPy can spend minutes inside one call (a Gröbner
basis, a ``simplify``), so a job runs where it can be stopped: in a worker process the parent
kills at the deadline, or under a ``SIGALRM`` timer. A capped address space turns a runaway
expansion into :class:`~nablab.errors.MemoryLimitExceeded` instead of swapping the machine.

The rule, for ``run_bounded(fn, …, timeout=T, memory_mb=M)``:

1. **Outside any budget** (an ordinary process: the CLI, a library user), ``fn`` runs in a
   forked worker. The parent kills it after ``T`` seconds (:class:`ComputationTimeout`); the
   worker caps its memory at ``M`` MiB more than it maps (:class:`MemoryLimitExceeded`) and
   runs ``fn`` :func:`within` ``Budget(T, M)``.
2. **Inside a budget** — in that worker, in a web pool worker (which enters :func:`within`
   for each task), or in a sub-step of either — ``fn`` runs in place, never forking again,
   under a timer whose deadline is ``min(now + T, the enclosing deadline)`` and a memory cap
   of ``min(M more, the cap in force)``. When its own clock or cap runs out, it raises
   :class:`ComputationTimeout` / :class:`MemoryLimitExceeded`, and the caller may fall back
   (the exact Gröbner path to Newton). When the enclosing clock runs out first, the timeout
   passes through the caller's fallbacks to the budget it belongs to, which ends with
   :class:`ComputationTimeout` for its own seconds (and the enclosing cap's ``MemoryError``
   reaches the worker, which reports :class:`MemoryLimitExceeded`).
3. **A non-main thread** cannot receive signals: inside a budget it runs ``fn`` in place with
   no clock or cap of its own (the enclosing budget still bounds the whole worker); outside
   any budget it forks, as in 1.

The enclosing budget is explicit state of the process, entered with :func:`within` (in the
main thread) by whoever starts a worker or task, who also enforces its clock from outside
(kills the worker). Nothing is inferred from the kind of process, with one exception about
forking, not nesting: a process that may not fork (someone else's daemonic
``multiprocessing`` worker) runs a budget in place as in 2 — in its main thread; in its other
threads nothing can stop ``fn``, which then runs unbounded, as it always did there.
``timeout=None`` runs ``fn`` in place with no budget of its own.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from nablab.budget._fork import run_forked
from nablab.budget._memory import mapped_bytes, memory_cap
from nablab.budget._scope import Budget, inside, remaining, run_in_place, within

T = TypeVar("T")

#: Default time budget of a job, seconds (the CLI's ``--timeout``).
DEFAULT_TIMEOUT = 10.0
#: Default memory a job may add on top of what the process already maps, MiB.
DEFAULT_MEMORY_MB = 2048


def run_bounded(fn: Callable[..., T], /, *args: Any, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = DEFAULT_MEMORY_MB, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` stopped after ``timeout`` seconds, by the rule above.

    Args:
        fn: the job; its result must be picklable (it may cross from a forked worker).
        timeout: wall-clock budget in seconds (``None``: run in place, no budget of its own).
        memory_mb: memory the job may add, MiB (``None``: no cap of its own).

    Raises:
        ComputationTimeout: the job ran past ``timeout``.
        MemoryLimitExceeded: the job needed more than ``memory_mb``.
        NablabError: whatever the job raised, re-raised here.
        WorkerCrashed: the job failed with an unexpected exception in a forked worker (in
            place, the exception itself propagates).
    """
    if timeout is None:
        return fn(*args, **kwargs)
    budget = Budget(timeout, memory_mb)
    # daemonic processes may not have children: such a process runs its budgets in place
    if not inside() and not multiprocessing.current_process().daemon:
        return run_forked(fn, args, kwargs, budget)
    if threading.current_thread() is threading.main_thread():
        return run_in_place(fn, args, kwargs, budget)
    return fn(*args, **kwargs)


__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "Budget", "inside", "mapped_bytes",
           "memory_cap", "remaining", "run_bounded", "within"]
