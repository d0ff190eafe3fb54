"""The budgets this process is inside, and the timer that enforces the innermost one in place.

The budgets form a stack, kept per process (a worker runs one job at a time): the bottom is the
one :func:`within` entered when the worker or task started, enforced from outside (the parent
kills the worker); above it, the sub-steps running in place, each under a ``SIGALRM`` interval
timer armed for its effective deadline, ``min(own, enclosing)``. The timer raises a
:class:`BaseException` subclass, which ``except Exception`` fallbacks (SymPy has some) cannot
swallow, and keeps firing every 50 ms until the job has stopped.
"""

from __future__ import annotations

import math
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from nablab.budget._memory import memory_cap
from nablab.errors import ComputationTimeout, MemoryLimitExceeded

T = TypeVar("T")

#: How often an expired timer fires again until the job has stopped, seconds.
_REPEAT = 0.05
#: The shortest timer armed (``setitimer`` with 0 would disarm it instead).
_SOONEST = 1e-4


@dataclass(frozen=True)
class Budget:
    """What one job may use.

    Attributes:
        timeout: wall-clock seconds (``None``: no clock of its own).
        memory_mb: memory it may map on top of what is mapped when it starts, MiB
            (``None``: no cap of its own).
    """

    timeout: float | None
    memory_mb: int | None


class _Expired(BaseException):
    """Raised by the timer; :class:`ComputationTimeout` at the budget whose clock ran out."""


@dataclass(eq=False)
class _Scope:
    seconds: float | None  # its own budget, for the message
    deadline: float  # effective, on time.monotonic(): min(own, enclosing); inf: no clock
    binding: bool  # its own clock is the effective one (not the enclosing budget's)
    timed: bool  # enforced here by SIGALRM, not from outside by whoever started the worker
    closing: bool = False


_stack: list[_Scope] = []


def inside() -> bool:
    """Whether this process runs inside a budget (a bounded worker, task or sub-step)."""
    return bool(_stack)


def remaining() -> float | None:
    """Seconds left of the innermost budget this process is inside (``None``: no clock)."""
    if not _stack or math.isinf(_stack[-1].deadline):
        return None
    return max(0.0, _stack[-1].deadline - time.monotonic())


def _push(seconds: float | None, timed: bool) -> _Scope:
    own = math.inf if seconds is None else time.monotonic() + seconds
    outer = _stack[-1].deadline if _stack else math.inf
    scope = _Scope(seconds, min(own, outer), own <= outer, timed)
    _stack.append(scope)
    return scope


def _fire(signum: int, frame: Any) -> None:
    if _stack and not _stack[-1].closing:
        raise _Expired


def _arm(scope: _Scope) -> None:
    if math.isinf(scope.deadline):
        signal.setitimer(signal.ITIMER_REAL, 0)
    else:
        left = max(_SOONEST, scope.deadline - time.monotonic())
        signal.setitimer(signal.ITIMER_REAL, left, _REPEAT)


@contextmanager
def within(budget: Budget) -> Iterator[None]:
    """Run the block inside ``budget``, which the caller enforces from outside.

    Entered by whoever starts a bounded worker or task (the forked job worker, a web pool
    worker for each task), in the process's main thread; the caller kills the worker at the
    deadline. Memory is capped here. Budgets started inside the block run in place, their
    deadline at most this one's; when this one's clock runs out inside such a sub-step, the
    block ends with :class:`ComputationTimeout` for ``budget.timeout`` seconds.
    """
    scope = _push(budget.timeout, timed=False)
    try:
        with memory_cap(budget.memory_mb):
            yield
    except _Expired:
        if not scope.binding:
            raise
        raise ComputationTimeout(seconds=budget.timeout) from None
    finally:
        _stack.remove(scope)


def run_in_place(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any],
                 budget: Budget) -> T:
    """``fn(*args, **kwargs)`` in this process (main thread) under a timer and a memory cap.

    Raises:
        ComputationTimeout: its own clock ran out (the enclosing budget's running out first
            passes through, to the budget it belongs to).
        MemoryLimitExceeded: its own memory cap was the one in force and was hit.
    """
    with memory_cap(budget.memory_mb) as capped:
        try:
            return _timed(fn, args, kwargs, budget.timeout)
        except MemoryError:
            if not capped:
                raise
            raise MemoryLimitExceeded(limit_mb=budget.memory_mb) from None


def _timed(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any],
           seconds: float | None) -> T:
    scope = _push(seconds, timed=True)
    previous = signal.signal(signal.SIGALRM, _fire)
    passing = False
    try:
        _arm(scope)
        return fn(*args, **kwargs)
    except _Expired:
        scope.closing = True
        if not scope.binding:
            passing = True
            raise
        raise ComputationTimeout(seconds=seconds) from None
    finally:
        scope.closing = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        _stack.remove(scope)
        if _stack and _stack[-1].timed and not passing:
            _arm(_stack[-1])  # the enclosing in-place budget's clock runs on
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


__all__ = ["Budget", "inside", "remaining", "run_in_place", "within"]
