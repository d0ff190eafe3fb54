"""The exact path for a polynomial f: every critical point, classified in exact arithmetic.

Runs as one bounded job (:func:`exact_analysis`): solve ∇f = 0
(:func:`nablab.solve.solve_polynomial_system`), classify each point by the exact inertia
of its Hessian, test degenerate points further, and state what holds globally. The job
returns plain data, so it can run in a forked worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import sympy

from nablab.budget import run_bounded
from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical._polyeval import numpy_function
from nablab.critical.bounds import Bound
from nablab.critical.classify import (
    DEGENERATE,
    SADDLE,
    eigenvalues,
    exact_inertia,
    float_inertia,
    kind_from_inertia,
    snap_zeros,
)
from nablab.critical.critical_set import Described, describe
from nablab.critical.degenerate import exact_sign_at, exact_test, neighbourhood_test, shifted
from nablab.critical.explain import Counterexample, counterexample
from nablab.critical.globality import Candidate, polynomial_global, settle
from nablab.critical.result import CriticalPoint, CriticalSet, ExtremumTest, GlobalAnalysis
from nablab.errors import ComputationTimeout, MemoryLimitExceeded
from nablab.solve import FINITE, INFINITE, Solution, polynomial_system, solve_polynomial_system
from nablab.solve._roots import short_exact


@dataclass(frozen=True)
class ExactAnalysis:
    """What the exact job found: ``status`` ``"finite"``/``"none"``/``"infinite"``.

    When infinite: ``critical_set`` describes the set when f is constant on it (else
    ``None``), ``set_bound`` is the proven bound f reaches there, ``basis`` is ∇f's Gröbner
    basis (the set's own equations), ``points`` are a few plain exact points of the set
    (none when its real points are not known) and ``isolated`` the critical points off it
    (the centre of (x² + y² − 1)²)."""

    status: str
    points: tuple[CriticalPoint, ...]
    solution_set: tuple[str, ...]
    global_analysis: GlobalAnalysis
    example: Counterexample | None = None
    solution_set_unicode: tuple[str, ...] = ()
    constants: tuple[str, ...] = ()
    denominators: tuple[str, ...] = ()
    critical_set: CriticalSet | None = None
    set_bound: Bound | None = None
    basis: tuple[Any, ...] = ()
    isolated: tuple[CriticalPoint, ...] = ()


def as_polynomial(expression: Expression) -> sympy.Poly | None:
    """f as a polynomial over ℚ in its variables, or ``None``."""
    polys = polynomial_system([expression.expr], expression.variables)
    return None if polys is None else polys[0]


#: Seconds the description of an infinite critical set may take (inside the exact job).
SET_TIMEOUT = 2.0

#: ``ExactAnalysis.status`` when f is not a polynomial with rational coefficients.
NOT_POLYNOMIAL = "not_polynomial"


def exact_analysis(expression: Expression) -> ExactAnalysis:
    """Solve ∇f = 0 exactly and classify every real critical point.

    Returns status ``"not_polynomial"`` (and nothing else) when f is not a polynomial with
    rational coefficients; deciding that can itself take time ((x + y)¹⁰⁰⁰ expands), so it
    happens here, inside the bounded job.
    """
    poly = as_polynomial(expression)
    if poly is None:
        return ExactAnalysis(NOT_POLYNOMIAL, (), (), GlobalAnalysis(reason="not_polynomial"))
    variables = expression.variables
    gradient = [poly.diff(v) for v in variables]
    solved = solve_polynomial_system(gradient, variables)
    hessian = [[poly.diff(a).diff(b) for b in variables] for a in variables]
    if solved.status == INFINITE:
        try:   # the set's description is a bonus: over its budget, the samples as before
            described = run_bounded(describe, poly, solved.solution_set, expression.expr,
                                    timeout=SET_TIMEOUT)
        except (ComputationTimeout, MemoryLimitExceeded):
            described = Described()
        samples, isolated = (tuple(_classify(poly, hessian, Solution(
            tuple(float(c) for c in at), at, 0.0), expression.variable_names)
            for at in group) for group in (described.samples, described.isolated))
        candidates = [Candidate(p.point, at, p.value, value, p.unicode)
                      for (p, value), at in zip(isolated, described.isolated, strict=True)]
        analysis = polynomial_global(poly, candidates, False, expression.expr)
        return ExactAnalysis(INFINITE, tuple(p for p, _ in samples),
                             tuple(to_str(e) for e in solved.solution_set), analysis, None,
                             tuple(to_unicode(e) for e in solved.solution_set),
                             critical_set=described.found, set_bound=described.bound,
                             basis=described.equations or tuple(solved.solution_set),
                             isolated=tuple(p for p, _ in isolated))
    classified = [_classify(poly, hessian, s, expression.variable_names)
                  for s in solved.solutions]
    exacts = tuple(s.exact if s.is_exact else None for s in solved.solutions)
    candidates = [Candidate(p.point, e, p.value, value_exact, p.unicode)
                  for (p, value_exact), e in zip(classified, exacts, strict=True)]
    analysis = polynomial_global(poly, candidates, True, expression.expr)
    points = settle(tuple(p for p, _ in classified), analysis)
    return ExactAnalysis(solved.status or FINITE, points, (), analysis, _example(poly, points))


def _example(poly: sympy.Poly, points: tuple[CriticalPoint, ...]) -> Counterexample | None:
    """The function's own counter-example to "∇f = 0 is sufficient", if it has one."""
    if not any(p.kind == SADDLE or (p.test and p.test.result == "not_extremum")
               for p in points):
        return None
    f = numpy_function(poly)
    hessian = [[poly.diff(a).diff(b) for b in poly.gens] for a in poly.gens]

    def hess(x: np.ndarray) -> np.ndarray:
        return np.array([[_float_at(e, tuple(x)) for e in row] for row in hessian])

    return counterexample(points, lambda z: f(*z), hess)


def _classify(poly: sympy.Poly, hessian: list[list[sympy.Poly]], solution: Solution,
              names: tuple[str, ...]) -> tuple[CriticalPoint, Any]:
    """Kind, eigenvalues, value and (for degenerate points) the further test."""
    if solution.is_exact:
        h_exact = sympy.Matrix([[_exact_at(e, solution.exact) for e in row] for row in hessian])
        inertia = exact_inertia(h_exact)
        values = snap_zeros(eigenvalues(h_exact.evalf(30)), inertia[2])
        value_exact = short_exact(_exact_at(poly, solution.exact))
        value = float(_exact_at(poly, solution.exact).evalf(30))
    else:
        h_exact, value_exact = None, None
        values = eigenvalues([[_float_at(e, solution.x) for e in row] for row in hessian])
        inertia = float_inertia(values)
        value = _float_at(poly, solution.x)
    kind = kind_from_inertia(*inertia)
    test = _degenerate(poly, solution, h_exact, value) if kind == DEGENERATE else None
    exact = ({n: to_str(e) for n, e in zip(names, solution.exact, strict=True)}
             if solution.is_exact else None)
    point = CriticalPoint(dict(zip(names, solution.x, strict=True)), exact, value,
                          None if value_exact is None else to_str(value_exact), kind,
                          tuple(values), solution.residual, test,
                          display.point(solution.x, solution.exact),
                          display.coordinate(value, value_exact))
    return point, value_exact


def _exact_at(poly: sympy.Poly, point: tuple[Any, ...]) -> Any:
    """p(point) exactly, surds simplified."""
    return sympy.radsimp(sympy.expand(poly.as_expr().xreplace(
        dict(zip(poly.gens, point, strict=True)))))


def _float_at(poly: sympy.Poly, point: tuple[float, ...]) -> float:
    """p(point) at a float point, summed in 30-digit arithmetic."""
    with mpmath.workdps(30):
        total = mpmath.mpf(0)
        for monomial, coeff in poly.terms():
            term = mpmath.mpf(int(coeff.p)) / int(coeff.q)
            for x, k in zip(point, monomial, strict=True):
                term *= mpmath.mpf(x) ** k
            total += term
        return float(total)


def _degenerate(poly: sympy.Poly, solution: Solution, h_exact: sympy.Matrix | None,
                value: float) -> ExtremumTest:
    if h_exact is not None:
        test = exact_test(poly, solution.exact, h_exact)
        if test is not None:
            return test
    f = numpy_function(poly)
    confirm = exact_sign_at(shifted(poly, solution.exact)) if solution.is_exact else None
    return neighbourhood_test(f, solution.x, value, confirm)


def global_only(expression: Expression) -> GlobalAnalysis:
    """The global facts that need no critical points (lines to ±∞), for the numeric path."""
    poly = as_polynomial(expression)
    if poly is None:
        return GlobalAnalysis(reason="not_polynomial")
    return polynomial_global(poly, [], False)


__all__ = ["NOT_POLYNOMIAL", "ExactAnalysis", "as_polynomial", "exact_analysis", "global_only"]
