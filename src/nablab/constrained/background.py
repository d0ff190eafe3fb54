"""The SciPy cross-check started early, in a forked helper, while the exact solve runs.

Importing SciPy costs about as much as the whole exact solve of a small problem, and the
check's SLSQP runs need only the problem's compiled functions and the starts, so the helper
is forked as soon as the functions exist: it imports ``scipy.optimize`` while this process
solves, then waits for the starts (which depend on the candidates), runs
:func:`~nablab.constrained.crosscheck.slsqp_runs` and sends the runs back. The comparison is
made here, from the same runs, so the result is the sequential check's, bit for bit.

The helper is bounded like the job it serves (:mod:`nablab.budget.helper`). Where it cannot
be forked or fails in any way (it died, a run raised), the check runs here, sequentially,
exactly as before.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from nablab.budget.helper import Helper as ForkedHelper
from nablab.budget.helper import fork_helper
from nablab.constrained.crosscheck import Runs, slsqp_runs
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Problem


class Helper(ForkedHelper):
    """The forked helper of the check: it runs the SLSQP half on request (see the module)."""

    def runs(self, starts: Sequence[Any]) -> Any | None:
        """Send the starts and wait for the runs; ``None`` when the helper failed."""
        try:
            with os.fdopen(self.requests, "wb", closefd=False) as out:
                pickle.dump(list(starts), out)
            with os.fdopen(self.replies, "rb", closefd=False) as back:
                status, payload = pickle.load(back)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return payload if status == "ok" else None


def start(problem: Problem, funcs: ProblemFunctions) -> Helper | None:
    """Fork the helper, or ``None`` where that is not possible (the check then runs here)."""
    process = fork_helper(lambda requests, replies: _serve(problem, funcs, requests, replies))
    return None if process is None else Helper(process.pid, process.requests, process.replies)


def _serve(problem: Problem, funcs: ProblemFunctions, requests: int, replies: int) -> None:
    """In the helper: import SciPy, wait for the starts, answer with the runs."""
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
