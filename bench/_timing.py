"""Timing helpers shared by the benchmark scripts (plain functions, no framework)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def option(name: str, default: float) -> float:
    """The value after ``--name`` on the command line, else ``default``."""
    flag = f"--{name}"
    return float(sys.argv[sys.argv.index(flag) + 1]) if flag in sys.argv else default


def nablab_command(*args: str) -> list[str]:
    """``nablab ARGS`` run by this interpreter (``python -m nablab``): no activated
    environment or ``nablab`` on the PATH needed."""
    return [sys.executable, "-m", "nablab", *args]


def median_time(fn: Callable[[], Any], repeat: int,
                setup: Callable[[], None] | None = None) -> float:
    """Median wall time of ``fn()`` over ``repeat`` calls, ``setup()`` untimed before each."""
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fmt(seconds: float) -> str:
    """A duration in the unit that reads best, 10 characters wide."""
    if seconds >= 1:
        return f"{seconds:7.2f} s "
    if seconds >= 1e-3:
        return f"{seconds * 1e3:7.2f} ms"
    return f"{seconds * 1e6:7.1f} µs"


def process_times(runs: Mapping[str, Sequence[str]], repeat: int,
                  env: Mapping[str, str], interleave: bool = False,
                  envs: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, float]:
    """Median wall time of each command as a fresh process (after one warm-up run each);
    with ``interleave``, the commands take turns, so a change of load hits all alike.
    ``envs`` gives some of the runs an environment of their own."""
    def run(name: str, argv: Sequence[str]) -> None:
        subprocess.run(list(argv), capture_output=True, env=dict((envs or {}).get(name, env)),
                       check=True)

    for name, argv in runs.items():
        run(name, argv)
    times: dict[str, list[float]] = {name: [] for name in runs}
    order = [list(runs.items())] * repeat if interleave else \
        [[item] * repeat for item in runs.items()]
    for turn in order:
        for name, argv in turn:
            start = time.perf_counter()
            run(name, argv)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def print_process_table(results: Mapping[str, float], base: str, width: int = 30) -> None:
    """One row per command: its time and its ratio to the ``base`` command's."""
    print(f"{'command':{width}} {'time':>10} {'vs plain SymPy script':>22}")
    for name, seconds in results.items():
        print(f"{name:{width}} {fmt(seconds):>10} {seconds / results[base]:21.2f}×")
