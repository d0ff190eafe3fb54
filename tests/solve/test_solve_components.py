"""Positive-dimensional systems split into components: complex pieces without real points
are dropped, zero-dimensional pieces solved exactly (issue 15: the Lagrange system of
(x + 2y − z)² on z = x² + y² + 10 was reported infinite and no candidate was found)."""

from __future__ import annotations

import sympy
from scipy.optimize import minimize

import nablab
from nablab.solve import FINITE, INFINITE, solve_polynomial_system, solve_system
from nablab.solve.components import split_components

x, y, z, lam = sympy.symbols("x y z lambda", real=True)


def _lagrange(f: sympy.Expr, g: sympy.Expr, variables: list[sympy.Symbol]):
    lagrangian = f - lam * g
    return [sympy.diff(lagrangian, v) for v in variables] + [g], [*variables, lam]


def test_complex_curve_is_dropped_and_the_point_is_found() -> None:
    equations, unknowns = _lagrange((x + 2 * y - z) ** 2, z - x**2 - y**2 - 10, [x, y, z])
    result = solve_polynomial_system(equations, unknowns)
    assert result.status == FINITE and result.complete
    assert [s.exact for s in result.solutions] == [
        (sympy.Rational(1, 2), 1, sympy.Rational(45, 4), sympy.Rational(35, 2))]
    # Independent check: on λ = 0 the system asks x + 2y = x² + y² + 10, i.e.
    # (x − ½)² + (y − 1)² + 35/4 = 0, which no real point satisfies.
    square = (x - sympy.Rational(1, 2)) ** 2 + (y - 1) ** 2 + sympy.Rational(35, 4)
    assert sympy.expand(square - (x**2 + y**2 + 10 - x - 2 * y)) == 0


def test_lagrange_finds_the_answer_scipy_finds() -> None:
    result = nablab.lagrange("(x + 2y - z)^2", "z = x^2 + y^2 + 10", check=False)
    assert result.complete and result.method == "groebner" and result.infinite == ()
    assert [c.exact for c in result.candidates] == [{"x": "1/2", "y": "1", "z": "45/4"}]
    assert result.global_analysis.minimum is not None
    assert result.global_analysis.minimum.value_exact == "1225/16"
    oracle = minimize(lambda v: (v[0] + 2 * v[1] - (v[0] ** 2 + v[1] ** 2 + 10)) ** 2,
                      [0.0, 0.0], method="Nelder-Mead", options={"xatol": 1e-10,
                                                                   "fatol": 1e-12})
    assert abs(oracle.fun - 1225 / 16) < 1e-6


def test_critical_drops_a_complex_circle_of_critical_points() -> None:
    # ∇f = 4(x² + y² + 1)(x, y): the circle x² + y² = −1 has no real point.
    before = solve_polynomial_system([sympy.diff((x**2 + y**2 + 1) ** 2, v) for v in (x, y)],
                                     [x, y])
    assert before.status == FINITE and [s.exact for s in before.solutions] == [(0, 0)]
    result = nablab.critical_points("(x^2 + y^2 + 1)^2")
    assert result.complete
    assert [(p.exact, p.kind) for p in result.points] == [({"x": "0", "y": "0"}, "minimum")]


def test_real_components_stay_infinite_with_their_isolated_points() -> None:
    # x(x² + y² − 1)·… : the line x = 0 is real; the point (2, 0) of the other factor too.
    equations = [x * (x - 2), x * y]
    result = solve_polynomial_system(equations, [x, y])
    assert result.status == INFINITE
    assert [s.exact for s in result.solutions] == [(2, 0)]
    assert result.components == ((x,),)
    numeric = solve_system(equations, [x, y])
    assert numeric.status == INFINITE and (2.0, 0.0) in [s.x for s in numeric.solutions]


def test_axes_are_two_real_components() -> None:
    pieces = split_components([x**2 * y, x * y**2], [x, y])
    assert set(pieces.open) == {(x,), (y,)} and pieces.finite == ()


def test_a_quadratic_without_real_zero_in_two_unknowns_is_empty() -> None:
    pieces = split_components([z, x**2 - 2 * x * y + 2 * y**2 + 1], [x, y, z])
    assert pieces.open == () and pieces.finite == ()
