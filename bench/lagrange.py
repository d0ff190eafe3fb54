"""Lagrange multipliers: nablab vs sympy.solve on the same Lagrange system, in one run.

For each problem (the notes' hiking path and textbook problems, one with two constraints):

- ``nablab.lagrange(check=False, exact_timeout=None)`` end to end in this process — every
  candidate, exact forms, classification, second-order check, existence of the extremes, λ
  re-measured as ∂f*/∂k, the explanation (what the CLI job does inside its worker);
- ``nablab.lagrange()`` as a library user calls it: the exact job in a forked, time-bounded
  worker, plus the SciPy SLSQP cross-check from several starts;
- ``sympy.solve`` on the same system ∇f − Σλᵢ∇gᵢ = 0, gᵢ = kᵢ (unknowns x then λ), in a
  forked worker with a timeout; its time is measured inside the worker.

"found" counts real solutions (|imaginary part| < 1e-9 at 30 digits, SymPy's radicals
evaluated); "all" says whether both found the same real points (to 1e-8); "ratio" is
sympy.solve's time over nablab's in-process time; "chars" is the length of SymPy's longest
real solution as text (the Cardano radical a learner would be shown). Every timing starts
from a cleared SymPy cache, so a repeated problem is not answered from memory.

Run: python bench/lagrange.py [--quick] [--timeout SECONDS] [--repeat N]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import sympy

import nablab
from _timing import option  # bench/_timing.py: shared helpers
from nablab.budget import run_bounded
from nablab.errors import BudgetExceeded

QUICK = "--quick" in sys.argv
TIMEOUT = option("timeout", 20.0 if QUICK else 120.0)
REPEAT = int(option("repeat", 3 if QUICK else 7))
TARGET_MS = 100.0

PROBLEMS = {
    "notes: 4−x²−2y² on the hiking path": ("4 - x^2 - 2y^2", ["2(x-1)^2 - 10y + 6 = 0"]),
    "xy on x²+y²=1": ("xy", ["x^2 + y^2 = 1"]),
    "x²y on x²+2y²=6": ("x^2 y", ["x^2 + 2y^2 = 6"]),
    "x+2y+3z on x²+y²+z²=1": ("x + 2y + 3z", ["x^2 + y^2 + z^2 = 1"]),
    "x+2y+3z on x−y+z=1, x²+y²=1": ("x + 2y + 3z", ["x - y + z = 1", "x^2 + y^2 = 1"]),
}


def median_ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Median wall time of REPEAT calls after one warm-up call, in ms; the last result. SymPy's
    cache is cleared before each call (as for sympy.solve), so repeats are not free."""
    from sympy.core.cache import clear_cache

    out = fn()
    times = []
    for _ in range(REPEAT):
        clear_cache()
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), out


def lagrange_system(f: str, constraints: list[str]) -> tuple[list[Any], list[Any]]:
    """The system sympy.solve gets: built from nablab's parse (text never sympified)."""
    problem = nablab.lagrange(f, constraints, check=False, exact_timeout=None)
    objective = problem.objective
    lams = [sympy.Symbol(c.multiplier, real=True) for c in problem.constraints]
    lagrangian = objective.expr - sum(lam * (c.g - c.k)
                                      for lam, c in zip(lams, problem.constraints, strict=True))
    equations = [sympy.diff(lagrangian, v) for v in objective.variables]
    equations += [c.g - c.k for c in problem.constraints]
    return equations, [*problem_variables(problem), *lams]


def problem_variables(result: Any) -> list[Any]:
    by_name = {s.name: s for c in result.constraints for s in c.g.free_symbols}
    by_name |= {s.name: s for s in result.objective.expr.free_symbols}
    return [by_name[n] for n in result.variables]


def _sympy_solve(equations: list[Any], unknowns: list[Any],
                 n: int) -> tuple[float, list[tuple[float, ...]], int]:
    from sympy.core.cache import clear_cache

    clear_cache()
    start = time.perf_counter()
    solutions = sympy.solve(equations, unknowns, dict=True)
    elapsed = time.perf_counter() - start
    real, chars = [], 0
    for s in solutions:
        values = [complex(sympy.N(s[u], 30)) for u in unknowns[:n]]
        if all(abs(v.imag) < 1e-9 for v in values):
            real.append(tuple(v.real for v in values))
            chars = max(chars, *(len(str(s[u])) for u in unknowns[:n]))
    return elapsed, real, chars


def same_points(ours: list[tuple[float, ...]], theirs: list[tuple[float, ...]]) -> bool:
    def covered(a: list[tuple[float, ...]], b: list[tuple[float, ...]]) -> bool:
        return all(any(max(abs(p - q) for p, q in zip(x, y, strict=True)) < 1e-8 for y in b)
                   for x in a)

    return covered(ours, theirs) and covered(theirs, ours)


def main() -> None:
    print(f"nablab {nablab.__version__}, sympy {sympy.__version__}; sympy.solve timeout "
          f"{TIMEOUT:g} s; median of {REPEAT} runs; target < {TARGET_MS:g} ms")
    head = (f"{'problem':<32}{'nablab':>10}{'+SciPy':>10}{'sympy.solve':>13}{'ratio':>8}"
            f"{'found':>9}{'all':>5}{'chars':>7}")
    print(head)
    print("-" * len(head))
    worst = 0.0
    for name, (f, constraints) in PROBLEMS.items():
        ms, result = median_ms(lambda f=f, c=constraints: nablab.lagrange(
            f, c, check=False, exact_timeout=None))
        full_ms, _ = median_ms(lambda f=f, c=constraints: nablab.lagrange(f, c))
        worst = max(worst, ms)
        ours = [tuple(c.point.values()) for c in result.candidates]
        equations, unknowns = lagrange_system(f, constraints)
        try:
            elapsed, theirs, chars = run_bounded(_sympy_solve, equations, unknowns,
                                                 len(result.variables), timeout=TIMEOUT)
            sym = f"{elapsed * 1000:9.1f} ms"
            ratio = f"{elapsed * 1000 / ms:7.1f}×"
            found = f"{len(ours)}/{len(theirs)}"
            agree = "yes" if same_points(ours, theirs) else "NO"
        except BudgetExceeded:
            sym, ratio, found, agree, chars = f">{TIMEOUT:g} s".rjust(12), "—", \
                f"{len(ours)}/—", "—", 0
        print(f"{name:<32}{ms:7.1f} ms{full_ms:7.0f} ms{sym:>13}{ratio:>8}{found:>9}"
              f"{agree:>5}{chars:>7}", flush=True)
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(f"\nslowest nablab.lagrange (in-process): {worst:.1f} ms — target < {TARGET_MS:g} ms "
          f"{verdict}. 'found' = nablab/sympy real candidates; '+SciPy' = default call "
          "(forked exact job + SLSQP cross-check).")


if __name__ == "__main__":
    main()
