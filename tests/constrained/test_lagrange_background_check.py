"""The SciPy cross-check run by a forked helper gives what the sequential check gives, and the
helper is bounded by the job's budget and falls back to the sequential path when it fails."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import numpy as np
import pytest

from nablab.budget import Budget, within
from nablab.constrained import background
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.lagrange import lagrange
from nablab.constrained.problem import build_problem

PROBLEMS = [
    ("4 - x^2 - 2y^2", ["2(x-1)^2 - 10y + 6 = 0"]),
    ("x*y", ["x + y <= 2", "x >= 0", "y >= 0"]),
    ("x^2 + y^2", ["abs(x) + y = 1"]),
    ("x + y + z", ["x^2 + y^2 + z^2 = 1"]),
]


def _json(f: str, constraints: list[str]) -> str:
    return json.dumps(lagrange(f, constraints).to_dict(), sort_keys=True, default=str)


@pytest.mark.parametrize(("f", "constraints"), PROBLEMS)
def test_helper_gives_the_sequential_check(f: str, constraints: list[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    real_start = background.start

    def counting(*args: Any) -> Any:
        helper = real_start(*args)
        assert helper is not None
        started.append(helper.pid)
        return helper

    monkeypatch.setattr(background, "start", counting)
    concurrent = _json(f, constraints)
    assert started
    monkeypatch.setattr(background, "start", lambda *args: None)  # fork not possible
    assert _json(f, constraints) == concurrent
    assert json.loads(concurrent)["check"] is not None


def test_no_helper_without_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "start", lambda *args: pytest.fail("forked"))
    assert lagrange("x*y", "x + y = 1", check=False).check is None


def test_failing_helper_falls_back_to_the_sequential_check(
        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _json(*PROBLEMS[0])
    parent, real_runs = os.getpid(), background.slsqp_runs

    def runs(*args: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks")
        return real_runs(*args)

    monkeypatch.setattr(background, "slsqp_runs", runs)
    assert _json(*PROBLEMS[0]) == expected


def _helper(monkeypatch: pytest.MonkeyPatch) -> tuple[background.Helper, list[np.ndarray]]:
    problem = build_problem("4 - x^2 - 2y^2", ["2(x-1)^2 - 10y + 6 = 0"], None, None)
    monkeypatch.setattr(background, "slsqp_runs", lambda *args: time.sleep(60))
    helper = background.start(problem, ProblemFunctions(problem))
    assert helper is not None
    return helper, [np.zeros(2)]


def test_helper_is_stopped_at_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    with within(Budget(1.0, None)):
        helper, starts = _helper(monkeypatch)
    begun = time.monotonic()
    assert helper.runs(starts) is None  # it died at the deadline, mid-run
    assert time.monotonic() - begun < 30
    _, status = os.waitpid(helper.pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM
    helper.close()  # already reaped: closing still works


def test_closing_ends_and_reaps_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    helper, _ = _helper(monkeypatch)
    helper.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_lagrange_without_the_check_never_imports_scipy() -> None:
    """SciPy is only the cross-check's (and a kinked cell's): importing it cost every
    ``lagrange`` run about half a second, ``--no-check`` included."""
    code = ("import sys; from nablab.constrained.lagrange import lagrange; "
            "lagrange('4 - x^2 - 2y^2', '2(x-1)^2 - 10y + 6 = 0', check=False); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"
