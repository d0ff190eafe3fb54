"""Bounded jobs: results come back, errors keep their type, over-budget jobs are stopped, and
budgets nest by one rule (a job forks only outside any budget; inside one, it runs in place with
at most what remains of the enclosing budget)."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from typing import Any

import pytest

import nablab
from nablab.budget import Budget, run_bounded, within
from nablab.errors import ComputationTimeout, MemoryLimitExceeded, ParseError, WorkerCrashed
from nablab.web.worker import main as worker_main


def _square(n: int) -> int:
    return n * n


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _spin() -> None:
    while True:
        pass


def _allocate() -> bytes:
    return b"x" * (3 * 1024**3)


def _bad_parse() -> None:
    nablab.parse("foo(x)")


def _bug() -> None:
    raise KeyError("boom")


def test_result_comes_back() -> None:
    assert run_bounded(_square, 12, timeout=5) == 144


def test_gradient_job_returns_sympy_objects() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    assert run_bounded(f.gradient, timeout=5) == f.gradient()


def test_timeout_stops_a_busy_job_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(ComputationTimeout) as info:
        run_bounded(_spin, timeout=0.3)
    assert time.perf_counter() - start < 2.0
    assert "0.3" in info.value.message("en")
    assert "--timeout" in info.value.message("ko")


def test_memory_cap() -> None:
    with pytest.raises(MemoryLimitExceeded):
        run_bounded(_allocate, timeout=20, memory_mb=256)


def test_user_errors_keep_their_type() -> None:
    with pytest.raises(ParseError) as info:
        run_bounded(_bad_parse, timeout=5)
    assert info.value.kind == "unknown_function"
    assert info.value.column == 1


def test_unexpected_exceptions_are_reported() -> None:
    with pytest.raises(WorkerCrashed) as info:
        run_bounded(_bug, timeout=5)
    assert "boom" in info.value.message("en")


def test_unbounded_mode_runs_inline() -> None:
    assert run_bounded(_square, 3, timeout=None) == 9


# --- the rule for nesting -------------------------------------------------------------------

def _spin_for(seconds: float) -> str:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return "done"


def _pids() -> tuple[int, int]:
    return os.getpid(), run_bounded(os.getpid, timeout=1)


def test_a_job_inside_a_worker_does_not_fork_again() -> None:
    job, inner = run_bounded(_pids, timeout=5)
    assert job != os.getpid()
    assert inner == job


def _sub_step_falls_back(own: float) -> tuple[str, float, float]:
    start = time.perf_counter()
    try:
        run_bounded(_spin, timeout=own)
    except ComputationTimeout as exc:
        return "fell back", time.perf_counter() - start, exc.params["seconds"]
    return "finished", time.perf_counter() - start, 0.0


def test_a_sub_step_over_its_own_budget_lets_the_caller_fall_back() -> None:
    outcome, elapsed, seconds = run_bounded(_sub_step_falls_back, 0.2, timeout=5)
    assert (outcome, seconds) == ("fell back", 0.2)
    assert 0.2 <= elapsed < 0.6


def test_a_sub_step_gets_at_most_what_remains_of_the_job() -> None:
    # own 5 s, but the job has 0.6 s of which 0.3 s are spent: stopped at the job's 0.6 s,
    # and the caller's fallbacks (even ``except Exception``) do not swallow the job's timeout
    fell_back = []
    start = time.perf_counter()
    with pytest.raises(ComputationTimeout) as info, within(Budget(0.6, None)):
        _spin_for(0.3)
        try:
            run_bounded(_spin, timeout=5)
        except Exception:  # noqa: BLE001 - what a sub-step's caller may do
            fell_back.append(True)
    elapsed = time.perf_counter() - start
    assert info.value.params["seconds"] == 0.6
    assert 0.6 <= elapsed < 1.0
    assert not fell_back


def _nested_sub_steps() -> str:
    try:
        run_bounded(_spin, timeout=0.2)  # inner: own 0.2 s, falls back
    except ComputationTimeout:
        pass
    _spin()  # the outer sub-step's clock (0.6 s) still runs after the inner one ended
    return "unreachable"


def test_an_enclosing_sub_step_keeps_its_clock_after_an_inner_one() -> None:
    start = time.perf_counter()
    with within(Budget(5, None)), pytest.raises(ComputationTimeout) as info:
        run_bounded(_nested_sub_steps, timeout=0.6)
    assert info.value.params["seconds"] == 0.6
    assert 0.6 <= time.perf_counter() - start < 1.0


def test_a_job_over_its_budget_inside_a_job_is_stopped() -> None:
    start = time.perf_counter()
    with pytest.raises(ComputationTimeout) as info:
        run_bounded(run_bounded, _spin, timeout=0.3)  # the inner job: default 10 s
    assert info.value.params["seconds"] == 0.3
    assert time.perf_counter() - start < 1.0


def _allocate_in_sub_step() -> tuple[str, int]:
    try:
        run_bounded(bytearray, 400 * 1024 * 1024, timeout=5, memory_mb=50)
        outcome = "allocated"
    except MemoryLimitExceeded:
        outcome = "memory"
    return outcome, len(bytearray(100 * 1024 * 1024))  # the sub-step's cap is lifted after


def test_a_sub_step_over_its_memory_cap_lets_the_caller_fall_back() -> None:
    outcome, size = run_bounded(_allocate_in_sub_step, timeout=10, memory_mb=1024)
    assert (outcome, size) == ("memory", 100 * 1024 * 1024)


def _in_a_thread() -> tuple[str, int, int]:
    found: list[Any] = []
    thread = threading.Thread(target=lambda: found.append(
        (run_bounded(_spin_for, 0.3, timeout=0.1), os.getpid())))
    thread.start()
    thread.join()
    return found[0][0], found[0][1], os.getpid()


def test_a_sub_step_in_a_thread_runs_in_place_without_its_own_clock() -> None:
    # signals reach only the main thread: the job's budget (here 5 s) is what bounds it
    outcome, thread_pid, job_pid = run_bounded(_in_a_thread, timeout=5)
    assert outcome == "done"
    assert thread_pid == job_pid


def _in_a_foreign_daemon(queue: Any) -> None:
    start = time.perf_counter()
    try:
        run_bounded(_spin, timeout=0.2)
    except ComputationTimeout:
        queue.put(("timeout", time.perf_counter() - start, run_bounded(os.getpid, timeout=1),
                   os.getpid()))


def test_a_daemonic_process_of_someone_else_runs_its_budgets_in_place() -> None:
    # a multiprocessing.Pool worker may not fork: no enclosing budget, yet bounded in place
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_in_a_foreign_daemon, args=(queue,), daemon=True)
    process.start()
    outcome, elapsed, inner_pid, pid = queue.get(timeout=10)
    process.join(5)
    assert outcome == "timeout" and 0.2 <= elapsed < 0.6
    assert inner_pid == pid


#: Its exact critical-point solve takes minutes; Newton finds the points in 0.2 s.
SLOW_EXACT = "x^5 + y^5 + z^5 - 3(x^2 + y^2 + z^2) + x y z + x^3 y"


def test_a_sub_step_timeout_in_a_web_worker_task_falls_back_and_says_so() -> None:
    context = multiprocessing.get_context("fork")
    conn, child = context.Pipe()
    worker = context.Process(target=worker_main, args=(child, 1024), daemon=True)
    worker.start()
    child.close()
    try:
        # the task's budget is 2 s; the critical job gives its exact path half of it
        conn.send((("job", "critical", {"expression": SLOW_EXACT}, "en"), 2.0))
        assert conn.poll(10)
        status, payload = conn.recv()
    finally:
        worker.kill()
        worker.join()
    assert status == "ok", payload
    data = json.loads(payload)
    assert (data["method"], data["fallback"], data["complete"]) == ("newton", "timeout", False)
    assert data["points"]
