"""The exact path for f that is polynomial once rewritten: constants (π, √2) and quotients.

``x² − 2πx + y²`` and ``x/(x² + 1)`` are not polynomials over ℚ, but ∇f = 0 is a system
:func:`nablab.solve.exact.solve_exact` solves exactly and completely (constants become
coefficients over ℚ(π) or ℚ(√2); a quotient's gradient vanishes where its numerator does,
and the points where a denominator is 0 — where f is not defined — are removed). Each point
is classified by the exact inertia of its Hessian, like :mod:`nablab.critical.exact`;
degenerate points get the neighbourhood test. Runs as one bounded job; returns plain data.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy

from nablab.core.expression import Expression
from nablab.core.printing import to_str, to_unicode
from nablab.critical import display
from nablab.critical.classify import (
    DEGENERATE,
    eigenvalues,
    exact_inertia,
    float_inertia,
    kind_from_inertia,
    snap_zeros,
)
from nablab.critical.degenerate import exact_test, neighbourhood_test
from nablab.critical.exact import NOT_POLYNOMIAL, ExactAnalysis, exact_analysis
from nablab.critical.explain import counterexample
from nablab.critical.globality import Candidate, polynomial_global
from nablab.critical.result import CriticalPoint, ExtremumTest, GlobalAnalysis
from nablab.numeric import compile
from nablab.solve import FINITE, INFINITE, Solution
from nablab.solve._roots import short_exact
from nablab.solve.exact import solve_exact


def rewritten_analysis(expression: Expression) -> ExactAnalysis:
    """Solve ∇f = 0 exactly for f with constant or rational-function coefficients.

    Returns status ``"not_polynomial"`` when the gradient is not of that kind (sin x), so
    the caller goes numeric.
    """
    f, variables = expression.expr, expression.variables
    gradient = [sympy.diff(f, v) for v in variables]
    solved = solve_exact(gradient, variables)
    if solved is None:
        return ExactAnalysis(NOT_POLYNOMIAL, (), (), GlobalAnalysis(reason="not_polynomial"))
    if solved.status == INFINITE:
        return ExactAnalysis(INFINITE, (), tuple(to_str(e) for e in solved.solution_set),
                             GlobalAnalysis(reason="not_polynomial"), None,
                             tuple(to_unicode(e) for e in solved.solution_set))
    hessian = [[sympy.diff(g, v) for v in variables] for g in gradient]
    compiled = compile(expression)
    classified = [_classify(expression, compiled, hessian, s) for s in solved.solutions]
    points = tuple(p for p, _ in classified)
    example = counterexample(list(points), lambda z: compiled.f(*z),
                             lambda x: compiled.hess(*x))
    return ExactAnalysis(solved.status or FINITE, points, (),
                         _global(expression, solved.solutions, classified), example,
                         constants=solved.constants, denominators=solved.denominators)


def rewrite_notes(analysis: ExactAnalysis, prefix: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """What the rewriting did, for the explanation: ``{prefix}.constants`` (exact in π) and
    ``{prefix}.denominators`` (cleared; their zeros removed)."""
    return notes_for(analysis.constants, analysis.denominators, prefix)


def notes_for(constants: tuple[str, ...], denominators: tuple[str, ...],
              prefix: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The notes for a solve with these constants and denominators (see
    :func:`rewrite_notes`); ``prefix`` is ``"critical.method"`` or ``"lagrange.method"``."""
    out: list[tuple[str, dict[str, Any]]] = []
    if constants:
        out.append((f"{prefix}.constants", {"constants": ", ".join(constants)}))
    if denominators:
        out.append((f"{prefix}.denominators",
                    {"denominators": ", ".join(dict.fromkeys(denominators))}))
    return tuple(out)


def _global(expression: Expression, solutions: tuple[Solution, ...],
            classified: list[tuple[CriticalPoint, Any]]) -> GlobalAnalysis:
    """A polynomial with constant coefficients (x² − 2πx + y²) gets the polynomial global
    analysis (its signs are decided exactly); a quotient gets none."""
    poly = _constant_coefficient_poly(expression)
    if poly is None:
        return GlobalAnalysis(reason="not_polynomial")
    candidates = [Candidate(p.point, s.exact if s.is_exact else None, p.value, value, p.unicode)
                  for (p, value), s in zip(classified, solutions, strict=True)]
    try:
        return polynomial_global(poly, candidates, True)
    except (TypeError, ValueError, AttributeError, sympy.PolynomialError):
        return GlobalAnalysis(reason="not_polynomial")


def _classify(expression: Expression, compiled: Any, hessian: list[list[Any]],
              solution: Solution) -> tuple[CriticalPoint, Any]:
    """Kind (exact inertia when the point is exact), eigenvalues, value, further test."""
    names, variables = expression.variable_names, expression.variables
    h_exact = None
    if solution.is_exact:
        at = dict(zip(variables, solution.exact, strict=True))
        h_exact = sympy.Matrix([[_simplified(e.xreplace(at)) for e in row] for row in hessian])
        inertia = exact_inertia(h_exact)
        values = snap_zeros(eigenvalues(h_exact.evalf(30)), inertia[2])
        exact_value = _simplified(expression.expr.xreplace(at))
        value_exact = short_exact(exact_value)
        value = float(exact_value.evalf(30))
    else:
        value_exact = None
        values = eigenvalues(np.asarray(compiled.hess(*solution.x), dtype=float))
        inertia = float_inertia(values)
        value = float(compiled.f(*solution.x))
    kind = kind_from_inertia(*inertia)
    test = None
    if kind == DEGENERATE:
        test = _exact_test(expression, solution, h_exact) or neighbourhood_test(
            lambda *z: compiled.f(*z), solution.x, value)
    exact = ({n: to_str(e) for n, e in zip(names, solution.exact, strict=True)}
             if solution.is_exact else None)
    point = CriticalPoint(dict(zip(names, solution.x, strict=True)), exact, value,
                          None if value_exact is None else to_str(value_exact), kind,
                          tuple(values), solution.residual, test,
                          display.point(solution.x, solution.exact),
                          display.coordinate(value, value_exact))
    return point, value_exact


def _exact_test(expression: Expression, solution: Solution,
                h_exact: sympy.Matrix | None) -> ExtremumTest | None:
    """The exact tests of :mod:`nablab.critical.degenerate` (even powers, the lowest-order
    form) when f is a polynomial with constant coefficients and the point is exact."""
    poly = _constant_coefficient_poly(expression)
    if poly is None or h_exact is None:
        return None
    try:
        return exact_test(poly, solution.exact, h_exact)
    except (TypeError, ValueError, AttributeError, sympy.PolynomialError):
        return None


def _constant_coefficient_poly(expression: Expression) -> sympy.Poly | None:
    """f as a polynomial whose coefficients are exact constants (π, √2), or ``None``."""
    try:
        poly = sympy.Poly(expression.expr, *expression.variables)
    except sympy.PolynomialError:
        return None
    if not poly.domain.is_Numerical and not poly.domain.is_PolynomialRing:
        return None
    return sympy.Poly(poly.as_expr(), *expression.variables, domain="EX")


def _simplified(value: Any) -> Any:
    """An exact number in its short form: quotients cancelled, surds rationalised."""
    return sympy.radsimp(sympy.cancel(sympy.expand(value)))


def any_exact_analysis(expression: Expression) -> ExactAnalysis:
    """The polynomial exact path when f is a polynomial over ℚ, else the rewritten one."""
    analysis = exact_analysis(expression)
    if analysis.status != NOT_POLYNOMIAL:
        return analysis
    return rewritten_analysis(expression)


__all__ = ["any_exact_analysis", "notes_for", "rewrite_notes", "rewritten_analysis"]
