"""Bounded jobs: results come back, errors keep their type, over-budget jobs are stopped."""

from __future__ import annotations

import time

import pytest

import nablab
from nablab.budget import run_bounded
from nablab.errors import ComputationTimeout, MemoryLimitExceeded, ParseError, WorkerCrashed


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
