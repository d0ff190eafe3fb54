"""Extrema as the textbooks ask for them: issue 15's problem set, timed, in one run.

For each problem of ``tests/extrema/extrema_problems.py`` (the closed interval method, closed
regions, kinks, unbounded sets, sums of squares):

- ``nablab``: ``nablab.lagrange(f, constraints, check=False)`` (or ``critical_points(f)``
  without constraints) as a library user calls it — the exact job in its forked, bounded
  worker, every candidate, existence, the global statements, the explanation; "decided" says
  whether both extremes came out as the answer key says (value and points, proven, or proven
  not to exist);
- ``SciPy``: what a user would reach for instead — ``scipy.optimize.minimize`` (SLSQP with the
  constraints, BFGS without) from 20 random starts, for the minimum and for the maximum; it
  proves nothing (a best value found, no existence), "hit" says whether its best values match
  the key's where the extremes exist;
- ``naive``: ``sympy.solve`` on ∇f = 0 alone (the first step a learner types), in a forked
  worker with a timeout — it finds interior critical points only.

Ratios are the peer's time over nablab's, measured in this run. Target: < 1 s per problem.

Run: python bench/extrema.py [--quick] [--timeout SECONDS] [--repeat N]
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sympy
from scipy.optimize import minimize

import nablab
from _timing import fmt, option  # bench/_timing.py: shared helpers
from nablab.budget import run_bounded
from nablab.errors import BudgetExceeded, NablabError
from nablab.parse import parse, parse_relation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "extrema"))
from extrema_problems import NONE, PROBLEMS, Problem  # noqa: E402

QUICK = "--quick" in sys.argv
TIMEOUT = option("timeout", 10.0 if QUICK else 30.0)
REPEAT = int(option("repeat", 1 if QUICK else 3))
TARGET_S = 1.0


def median_s(fn: Callable[[], Any]) -> tuple[float, Any]:
    out, times = None, []
    for _ in range(REPEAT):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def ours(problem: Problem) -> Any:
    if problem.constraints:
        return nablab.lagrange(problem.f, list(problem.constraints), check=False)
    return nablab.critical_points(problem.f)


def decided(problem: Problem, result: Any) -> bool:
    facts = result.global_analysis
    if problem.constraints:
        pairs = [(facts.maximum, facts.maximum_status == "unbounded", problem.maximum),
                 (facts.minimum, facts.minimum_status == "unbounded", problem.minimum)]
    else:
        pairs = [(facts.maximum, facts.bounded_above is False, problem.maximum),
                 (facts.minimum, facts.bounded_below is False, problem.minimum)]
    for extreme, unbounded, answer in pairs:
        if answer == NONE:
            if not unbounded:
                return False
        elif extreme is None or abs(extreme.value - answer[0]) > 1e-8 or \
                (problem.constraints and not extreme.proven):
            return False
    return True


def _split(text: str) -> list[tuple[str, str, str]]:
    """``a <= x <= b`` as (a, <=, x), (x, <=, b); one relation as itself."""
    for op in ("<=", ">="):
        pieces = text.split(op)
        if len(pieces) == 3:
            return [(pieces[0], op, pieces[1]), (pieces[1], op, pieces[2])]
    rel = parse_relation(text)
    return [(rel.lhs, rel.op, rel.rhs)]


def scipy_side(problem: Problem, names: tuple[str, ...]) -> tuple[float, dict[str, float]]:
    """(seconds, {"max": best, "min": best}) from 20 SLSQP/BFGS starts each way."""
    symbols = [sympy.Symbol(n, real=True) for n in names]
    f = sympy.lambdify([symbols], parse(problem.f, list(names)).expr, "numpy")
    cons = []
    for text in problem.constraints:
        for lhs, op, rhs in _split(text):
            left = lhs if isinstance(lhs, sympy.Basic) else parse(lhs, list(names)).expr
            right = rhs if isinstance(rhs, sympy.Basic) else parse(rhs, list(names)).expr
            diff = sympy.lambdify([symbols], right - left if op == "<=" else left - right)
            cons.append({"type": "eq" if op == "=" else "ineq", "fun": diff})
    rng = np.random.default_rng(0)
    best: dict[str, float] = {}
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for sense, sign in (("min", 1.0), ("max", -1.0)):
            values = []
            for x0 in rng.uniform(-3, 3, size=(20, len(names))):
                res = minimize(lambda x, s=sign: s * f(x), x0,
                               method="SLSQP" if cons else "BFGS", constraints=cons)
                feasible = all((c["fun"](res.x) >= -1e-6) if c["type"] == "ineq"
                               else abs(c["fun"](res.x)) < 1e-6 for c in cons)
                if res.success and feasible and np.isfinite(res.fun):
                    values.append(sign * float(res.fun))
            best[sense] = (max(values) if sense == "max" else min(values)) if values \
                else float("nan")
    return time.perf_counter() - start, best


def hit(problem: Problem, best: dict[str, float]) -> str:
    checks = [abs(best[s] - a[0]) < 1e-4 for s, a in (("max", problem.maximum),
                                                      ("min", problem.minimum)) if a != NONE]
    return "yes" if all(checks) else "no"


def _naive(f: Any, variables: tuple[Any, ...]) -> float:
    start = time.perf_counter()
    sympy.solve([sympy.diff(f, v) for v in variables], list(variables), dict=True)
    return time.perf_counter() - start


def naive(problem: Problem) -> tuple[str, float | None]:
    expression = parse(problem.f)
    try:
        elapsed = run_bounded(_naive, expression.expr, expression.variables, timeout=TIMEOUT,
                              memory_mb=None)
    except BudgetExceeded:
        return f"> {TIMEOUT:g} s", None
    except Exception:  # noqa: BLE001 - sympy.solve gave up: the naive path has no answer
        return "fails", None
    return fmt(elapsed), elapsed


def main() -> None:
    print(f"nablab {nablab.__version__}, sympy {sympy.__version__}; median of {REPEAT}; "
          f"target < {TARGET_S:g} s per problem")
    head = (f"{'problem':<34}{'nablab':>11}{'decided':>9}{'SciPy':>11}{'hit':>5}{'×':>7}"
            f"{'naive':>11}{'×':>7}")
    print(head)
    print("-" * len(head))
    slowest, wins = 0.0, 0
    for problem in PROBLEMS:
        try:
            seconds, result = median_s(lambda p=problem: ours(p))
        except NablabError as exc:
            print(f"{problem.name[:33]:<34}{'refused':>11}{'NO':>9}  {exc.kind}")
            continue
        slowest = max(slowest, seconds)
        ok = decided(problem, result)
        wins += ok
        sci, best = scipy_side(problem, tuple(result.variables))
        shown, naive_s = naive(problem)
        naive_ratio = f"{naive_s / seconds:6.2f}×" if naive_s else "—".rjust(7)
        print(f"{problem.name[:33]:<34}{fmt(seconds):>11}{'yes' if ok else 'NO':>9}"
              f"{fmt(sci):>11}{hit(problem, best):>5}{sci / seconds:6.2f}×{shown:>11}"
              f"{naive_ratio}", flush=True)
    verdict = "met" if slowest < TARGET_S else "NOT met"
    print(f"\ndecided as the answer key says: {wins}/{len(PROBLEMS)}; slowest nablab "
          f"{slowest:.2f} s — target < {TARGET_S:g} s {verdict}. SciPy: 20 starts per sense, "
          "no proof; naive: sympy.solve on ∇f = 0 only.")


if __name__ == "__main__":
    main()
