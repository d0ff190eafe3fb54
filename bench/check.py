"""Checking an answer: nablab's check vs naive ``sympy.simplify(a − b) == 0`` vs WeBWorK-style
floats, on the same answers, in one run.

- ``nablab``: :func:`nablab.check.checker.check_answer` warm, inside a budget (what the CLI's
  worker and a web worker run): the task read, the right answer computed, the answer read,
  compared (values in 30-digit precision at nice and random points; ``simplify`` only when
  the values cannot decide), the simpler form looked for;
- ``simplify``: the right answer by ``sympy.diff`` and ``sympy.simplify(answer − right) == 0``
  (parsing excluded): the naive symbolic test;
- ``floats``: WeBWorK's test, both compiled to NumPy and compared at 20 random points in
  [−4, 4] to 1e-9 relative (compiling included).

Each verdict is compared with the known one ("ok" counts agreements): the floats know no
domain (1/|x| is ln(x)'s derivative where ln is defined) and miss a difference of 10⁻¹²;
simplify misses what it cannot prove. The target
is < 100 ms per check, warm.

Run: python bench/check.py [--repeat N]
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy

from _timing import fmt, option  # bench/_timing.py: shared helpers
from nablab.budget import Budget, within
from nablab.check.checker import check_answer
from nablab.check.reading import parse_answer, parse_task
from nablab.numeric.lambdify import numpy_lambdify

REPEAT = int(option("repeat", 5))
TARGET_MS = 100.0

#: (task, answer, right?)
CASES = [
    ("d/dx (x^2 sin x)", "x(2 sin x + x cos x)", True),
    ("d/dx (x^2 sin x)", "2x cos x", False),
    ("d/dx sigmoid(x)", "e^(-x)/(1 + e^(-x))^2", True),
    ("d/dx (x^2/2)", "sqrt(x^2)", False),
    ("d/dx (x^2)", "(x^2-1)/(x-1) + x - 1", True),
    ("d/dx tan(3x)", "3 sec(3x)^2", True),
    ("d/dx ln(1 + x^2)", "2x/(1 + x^2)", True),
    ("∂/∂y (x^2 + 3xy + y^2)", "3x + 2y", True),
    ("d/dx (sin(x)^2 + cos(x)^2)", "0", True),
    ("d/dx (x^3 e^x)", "x^2 e^x (x + 3)", True),
    ("d/dx ln(x)", "1/abs(x)", True),                        # equal on ln's domain x > 0
    ("d/dx (x^2 sin x)", "2x sin x + x^2 cos x + 10^(-12)", False),
]


def median_ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    out = fn()
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), out


def naive(task: str, answer: str) -> bool:
    t = parse_task(task)
    a, right = parse_answer(t, answer), _right(t)
    return bool(sympy.simplify(a - right) == 0)


def floats(task: str, answer: str) -> bool:
    t = parse_task(task)
    a, right = parse_answer(t, answer), _right(t)
    xs = np.random.default_rng(0).uniform(-4, 4, (20, len(t.variables)))
    with np.errstate(all="ignore"):
        va = np.broadcast_to(numpy_lambdify(t.variables, a)(*xs.T), (20,))
        vr = np.broadcast_to(numpy_lambdify(t.variables, right)(*xs.T), (20,))
    keep = np.isfinite(vr)
    return bool(np.allclose(va[keep], vr[keep], rtol=1e-9, atol=1e-12))


def _right(task: Any) -> Any:
    result = task.function.expr
    for v in task.wrt:
        result = sympy.diff(result, v)
    return result


def main() -> None:
    print(f"{'task':28} {'answer':32} {'nablab':>10} {'simplify':>10} {'floats':>10} "
          f"{'simplify/nablab':>15}  verdicts (nablab simplify floats)")
    ours_all, ok = [], {"nablab": 0, "simplify": 0, "floats": 0}
    with within(Budget(600, None)):
        for task, answer, truth in CASES:
            ours, result = median_ms(lambda t=task, a=answer: check_answer(t, a))
            slow, n = median_ms(lambda t=task, a=answer: naive(t, a))
            quick, f = median_ms(lambda t=task, a=answer: floats(t, a))
            verdicts = (result.verdict == "correct", n, f)
            for name, v in zip(ok, verdicts, strict=True):
                ok[name] += v == truth
            marks = " ".join("ok" if v == truth else "WRONG" for v in verdicts)
            ours_all.append(ours)
            print(f"{task:28} {answer:32} {fmt(ours / 1000):>10} {fmt(slow / 1000):>10} "
                  f"{fmt(quick / 1000):>10} {slow / ours:14.2f}×  {marks}")
    worst = max(ours_all)
    print(f"\nright verdicts of {len(CASES)}: " + ", ".join(f"{k} {v}" for k, v in ok.items()))
    print(f"nablab's slowest check: {worst:.1f} ms (target < {TARGET_MS:.0f} ms): "
          f"{'met' if worst < TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
