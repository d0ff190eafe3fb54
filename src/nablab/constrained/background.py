"""The SciPy cross-check started early, in a forked helper, while the exact solve runs.

Importing SciPy costs about as much as the whole exact solve of a small problem, and the
check's SLSQP runs need only the problem's compiled functions and the starts, so the helper
is forked as soon as the functions exist: it imports ``scipy.optimize`` while this process
solves, then waits for the starts (which depend on the candidates), runs
:func:`~nablab.constrained.crosscheck.slsqp_runs` and sends the runs back. The comparison is
made here, from the same runs, so the result is the sequential check's, bit for bit.

Bounded like the job it serves: the helper inherits the memory cap in force (``RLIMIT_AS``),
arms its own clock for what is left of the enclosing budget (its default ``SIGALRM`` action
ends it), ends when this process closes the pipe (it died, or no longer needs the check), and
is killed and reaped when :meth:`Helper.close` runs. Where it cannot be forked (no
``os.fork``, not the main thread, fork failing) or fails in any way (it died, a run raised),
the check runs here, sequentially, exactly as before.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from nablab.budget import remaining
from nablab.constrained.crosscheck import Runs, slsqp_runs
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Problem


class Helper:
    """A forked process that runs the SLSQP half of the check on request (see the module)."""

    def __init__(self, pid: int, requests: int, replies: int) -> None:
        self.pid, self._requests, self._replies = pid, requests, replies

    def runs(self, starts: Sequence[Any]) -> Any | None:
        """Send the starts and wait for the runs; ``None`` when the helper failed."""
        try:
            with os.fdopen(self._requests, "wb", closefd=False) as out:
                pickle.dump(list(starts), out)
            with os.fdopen(self._replies, "rb", closefd=False) as back:
                status, payload = pickle.load(back)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return payload if status == "ok" else None

    def close(self) -> None:
        """End the helper (whatever it is doing) and reap it."""
        for fd in (self._requests, self._replies):
            with suppress(OSError):
                os.close(fd)
        with suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(self.pid, 0)


def start(problem: Problem, funcs: ProblemFunctions) -> Helper | None:
    """Fork the helper, or ``None`` where that is not possible (the check then runs here)."""
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return None
    from_parent, to_child = os.pipe()
    from_child, to_parent = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (to_child, from_parent, from_child, to_parent):
            os.close(fd)
        return None
    if pid == 0:  # the helper: never returns
        code = 1
        try:
            os.close(to_child)
            os.close(from_child)
            _serve(problem, funcs, from_parent, to_parent)
            code = 0
        finally:
            os._exit(code)
    os.close(from_parent)
    os.close(to_parent)
    return Helper(pid, to_child, from_child)


def _serve(problem: Problem, funcs: ProblemFunctions, requests: int, replies: int) -> None:
    """In the helper: import SciPy, wait for the starts, answer with the runs."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    left = remaining()
    if left is not None:
        signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))
    try:
        import scipy.optimize  # noqa: F401 - the point: imported while the parent solves
    except ImportError:
        pass
    try:
        with os.fdopen(requests, "rb") as inbox:
            starts = pickle.load(inbox)
    except (OSError, EOFError, pickle.UnpicklingError):
        return  # the parent no longer needs the check
    try:
        reply: tuple[str, Any] = ("ok", slsqp_runs(problem, funcs, starts))
    except BaseException:  # noqa: BLE001 - the parent runs the check itself and sees it
        reply = ("failed", None)
    with os.fdopen(replies, "wb") as outbox:
        pickle.dump(reply, outbox)


@contextmanager
def early_check(problem: Problem, funcs: ProblemFunctions, wanted: bool) -> Iterator[
        Helper | None]:
    """The helper for the block (``None`` when not ``wanted`` or not possible), closed after."""
    helper = start(problem, funcs) if wanted else None
    try:
        yield helper
    finally:
        if helper is not None:
            helper.close()


def runs_with(helper: Helper | None, problem: Problem, funcs: ProblemFunctions,
              starts: Sequence[Any]) -> tuple[Runs, Runs]:
    """:func:`~nablab.constrained.crosscheck.slsqp_runs` from ``starts``, made by ``helper``
    when there is one that answers, else here."""
    runs = helper.runs(starts) if helper is not None else None
    return runs if runs is not None else slsqp_runs(problem, funcs, starts)


__all__ = ["Helper", "early_check", "runs_with", "start"]
