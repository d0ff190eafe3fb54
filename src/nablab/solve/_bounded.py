"""Run an exact solve under a time budget, whether or not we are already in a worker.

:func:`nablab.budget.run_bounded` forks a worker; a daemonic worker (every CLI job runs in
one) may not fork again, so there the budget is a ``SIGALRM`` interval timer instead. The
timer raises a :class:`BaseException` subclass, which SymPy's internal ``except Exception``
fallbacks cannot swallow, and keeps firing until the job has stopped.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from nablab.budget import run_bounded
from nablab.errors import ComputationTimeout

T = TypeVar("T")


class _Deadline(BaseException):
    """Raised by the timer; turned into :class:`ComputationTimeout` at the boundary."""


def _raise_deadline(signum: int, frame: Any) -> None:
    raise _Deadline


def call_bounded(fn: Callable[..., T], /, *args: Any, timeout: float | None,
                 **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` stopped after ``timeout`` seconds.

    From an ordinary process the job runs in a forked worker with a memory cap
    (:func:`~nablab.budget.run_bounded`); inside a daemonic worker it runs in place under a
    ``SIGALRM`` timer (the enclosing worker already caps memory). ``timeout=None`` runs it
    unbounded; so does a daemonic worker's non-main thread, where signals cannot be used and
    the enclosing worker's budget still applies.

    Raises:
        ComputationTimeout: the job ran past ``timeout``.
    """
    if timeout is None:
        return fn(*args, **kwargs)
    if not multiprocessing.current_process().daemon:
        return run_bounded(fn, *args, timeout=timeout, **kwargs)
    if threading.current_thread() is not threading.main_thread():
        return fn(*args, **kwargs)
    previous = signal.signal(signal.SIGALRM, _raise_deadline)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout, 0.05)
        try:
            return fn(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Deadline:
        raise ComputationTimeout(seconds=timeout) from None
    finally:
        signal.signal(signal.SIGALRM, previous)


__all__ = ["call_bounded"]
