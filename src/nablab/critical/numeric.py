"""The numeric path: Newton on ∇f = 0 over a box, each point classified in floats.

For functions that are not polynomials (or when the exact solve ran out of budget, or found
a whole curve of critical points), :func:`nablab.solve.newton_multistart` solves ∇f = 0 with
the analytic Hessian as Jacobian, from grids of starts over the box; every point it returns
has max|∂f/∂xᵢ| < 1e-12 (relative) and lies in the box. The Hessian's eigenvalues come from
``numpy.linalg.eigvalsh``; degenerate points get the derivative test (one variable) or the
neighbourhood test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy

from nablab.budget import run_bounded
from nablab.core.expression import Expression
from nablab.critical import display
from nablab.critical.classify import DEGENERATE, eigenvalues, float_inertia, kind_from_inertia
from nablab.critical.degenerate import derivative_test, neighbourhood_test
from nablab.critical.explain import Counterexample, counterexample
from nablab.critical.result import CriticalPoint, ExtremumTest
from nablab.errors import BudgetExceeded
from nablab.numeric import CompiledFunction, compile
from nablab.solve import Solution, SystemSolution, newton_multistart
from nablab.solve.newton import MAX_STARTS

#: Seconds the one-variable derivative test may take at one point.
DERIVATIVE_TIMEOUT = 2.0


@dataclass(frozen=True)
class NumericAnalysis:
    """Newton's search and the points it found, classified."""

    search: SystemSolution
    points: tuple[CriticalPoint, ...]
    example: Counterexample | None


def numeric_analysis(expression: Expression, box: Sequence[tuple[float, float]],
                     max_starts: int = MAX_STARTS) -> NumericAnalysis:
    """Critical points of f in ``box`` by multi-start Newton, classified numerically."""
    compiled = compile(expression)
    search = newton_multistart(lambda z: compiled.grad(*z), lambda z: compiled.hess(*z), box,
                               names=expression.variable_names, max_starts=max_starts)
    # A truncated search is sampling a continuum: its points need no test beyond the Hessian.
    further = not search.truncated
    points = [p for s in search.solutions
              if (p := _classify(expression, compiled, s, further)) is not None]
    example = counterexample(points, lambda z: compiled.f(*z),
                             lambda x: compiled.hess(*x))
    return NumericAnalysis(search, tuple(points), example)


def classify_solution(expression: Expression, solution: Solution) -> CriticalPoint | None:
    """One point where ∇f = 0 (found by any means), classified numerically as Newton's
    points are; ``None`` where f or its Hessian is not finite."""
    return _classify(expression, compile(expression), solution, True)


def _classify(expression: Expression, compiled: CompiledFunction, solution: Solution,
              further: bool) -> CriticalPoint | None:
    """A classified point, or ``None`` where f or its Hessian is not finite."""
    x = solution.x
    value = float(compiled.f(*x))
    hessian = np.asarray(compiled.hess(*x), dtype=float)
    if not np.isfinite(value) or not np.all(np.isfinite(hessian)):
        return None
    values = eigenvalues(hessian)
    kind = kind_from_inertia(*float_inertia(values))
    if kind == DEGENERATE and not np.any(hessian) and not _settled(expression, x):
        return None
    test = None
    if kind == DEGENERATE and further:
        test = _degenerate(expression, compiled, x, value)
    return CriticalPoint(dict(zip(expression.variable_names, x, strict=True)), None, value,
                         None, kind, tuple(values), solution.residual, test,
                         display.point(x), display.number(value))


def _settled(expression: Expression, x: tuple[float, ...]) -> bool:
    """Newton's step at x, in 30-digit arithmetic, is tiny — x is a critical point, not a
    plateau where f and its derivatives underflow (exp(−x²) far out). The step H⁻¹∇f is at
    least ‖∇f‖/‖H‖ long, so that ratio must be small. Checked only where the float Hessian
    is exactly 0 (elsewhere Newton itself has settled)."""
    at = {v: sympy.Float(xi, 30) for v, xi in zip(expression.variables, x, strict=True)}
    try:
        grad = [abs(mpmath.mpf(sympy.Float(g.evalf(30, subs=at)))) for g in expression.gradient()]
        hess = [abs(mpmath.mpf(sympy.Float(e.evalf(30, subs=at))))
                for row in expression.hessian().tolist() for e in row]
    except (TypeError, ValueError):
        return False
    if max(grad) == 0:
        return True
    return bool(max(grad) <= 1e-6 * max(hess) * max(1.0, *(abs(xi) for xi in x)))


def _degenerate(expression: Expression, compiled: CompiledFunction, x: tuple[float, ...],
                value: float) -> ExtremumTest:
    if len(x) == 1:
        try:  # higher derivatives of a large expression can grow without bound
            test = run_bounded(derivative_test, expression.expr, expression.variables[0],
                                x[0], timeout=DERIVATIVE_TIMEOUT)
        except BudgetExceeded:
            test = None
        if test is not None:
            return test
    return neighbourhood_test(compiled.f, x, value)


def periods(expression: Expression, timeout: float = 1.0) -> dict[str, str]:
    """``{variable: period}`` for the variables in which f is periodic (SymPy's
    ``periodicity``, given at most ``timeout`` seconds in all)."""
    try:
        found = run_bounded(_periods, expression, timeout=timeout)
    except Exception:  # noqa: BLE001 - a missing period only drops a remark, never the result
        return {}
    return found


def _periods(expression: Expression) -> dict[str, str]:
    out = {}
    for v in expression.variables:
        period = sympy.periodicity(expression.expr, v)
        if period is not None and period != 0:
            out[v.name] = _display_period(period)
    return out


def _display_period(period: sympy.Expr) -> str:
    from nablab.core.printing import to_unicode

    return to_unicode(period)


__all__ = ["classify_solution", "NumericAnalysis", "numeric_analysis", "periods"]
