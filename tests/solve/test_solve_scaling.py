"""Exact solving at scale: grevlex + the eliminant by modular arithmetic, checked against
independent counts (Sturm on a resultant; dense-grid Newton), and the time budget."""

from __future__ import annotations

import itertools
import random
import time
from fractions import Fraction

import numpy as np
import pytest
import sympy

from nablab.solve import solve_polynomial_system, solve_system
from nablab.solve._modular import eliminant
from nablab.solve._quotient import quotient
from nablab.solve.polynomial import lex_basis


def dense(nvars: int, degree: int, seed: int) -> tuple[sympy.Expr, tuple[sympy.Symbol, ...]]:
    """A random dense polynomial: every monomial up to ``degree``, integers in [−9, 9]."""
    rng = random.Random(seed)
    xs = sympy.symbols("x y z w"[: 2 * nvars - 1])
    xs = xs if isinstance(xs, tuple) else (xs,)
    terms = [rng.randint(-9, 9) * sympy.Mul(*[x ** e for x, e in zip(xs, exps, strict=True)])
             for exps in itertools.product(range(degree + 1), repeat=nvars)
             if sum(exps) <= degree]
    return sympy.Add(*terms), xs


def gradient(f: sympy.Expr, xs: tuple[sympy.Symbol, ...]) -> list[sympy.Expr]:
    return [sympy.expand(f.diff(x)) for x in xs]


def real_count_by_resultant(f: sympy.Expr, x: sympy.Symbol, y: sympy.Symbol) -> int:
    """Real critical points of a generic bivariate f: the real roots of R(y) = Res_x(f_x,
    f_y), counted by Sturm sequences (no Gröbner basis involved). R has degree ≤ d², so it
    is interpolated exactly from the integer resultants at y = 0, 1, …, d²."""
    fx, fy = sympy.Poly(f.diff(x), x, y), sympy.Poly(f.diff(y), x, y)
    bound = fx.total_degree() * fy.total_degree()
    values = [int(sympy.Poly(fx.as_expr().subs(y, k), x).resultant(
        sympy.Poly(fy.as_expr().subs(y, k), x))) for k in range(bound + 1)]
    coefficients = _interpolated(values)
    r = sympy.Poly([sympy.Rational(c.numerator, c.denominator)
                    for c in reversed(coefficients)], y)
    return len(r.sqf_part().intervals())


def _interpolated(values: list[int]) -> list[Fraction]:
    """The coefficients (lowest first) of the polynomial through (k, values[k]), by Newton's
    divided differences in exact fractions."""
    table = [Fraction(v) for v in values]
    n = len(table)
    for level in range(1, n):
        for i in range(n - 1, level - 1, -1):
            table[i] = (table[i] - table[i - 1]) / level
    poly = [table[-1]]
    for i in range(n - 2, -1, -1):
        shifted = [Fraction(0)] + poly
        poly = [a - i * b for a, b in zip(shifted, poly + [Fraction(0)], strict=True)]
        poly[0] += table[i]
    return poly


def newton_grid(equations: list[sympy.Expr], xs: tuple[sympy.Symbol, ...], box: float,
                per_axis: int) -> list[np.ndarray]:
    """Real solutions found by plain Newton from every point of a grid (float64)."""
    fun = sympy.lambdify(xs, equations, "numpy")
    jac = sympy.lambdify(xs, sympy.Matrix(equations).jacobian(xs), "numpy")
    axis = np.linspace(-box, box, per_axis)
    found: list[np.ndarray] = []
    for start in itertools.product(axis, repeat=len(xs)):
        z = np.array(start, dtype=float)
        converged = False
        with np.errstate(all="ignore"):
            for _ in range(60):
                try:
                    step = np.linalg.solve(np.array(jac(*z), dtype=float),
                                           -np.array(fun(*z), dtype=float))
                except np.linalg.LinAlgError:
                    break
                z = z + step
                if not np.all(np.isfinite(z)):
                    break
                if np.max(np.abs(step)) < 1e-12 * (1 + np.max(np.abs(z))):
                    converged = True
                    break
        if converged and np.max(np.abs(fun(*z))) < 1e-6 \
                and not any(np.max(np.abs(z - p)) < 1e-6 for p in found):
            found.append(z)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 3])
def test_bivariate_octic_every_real_critical_point(seed: int) -> None:
    """2 variables, degree 8: 49 complex critical points; before, the lex basis took > 40 s,
    the exact budget ran out and Newton reported some of them, complete: false."""
    f, (x, y) = dense(2, 8, seed)
    start = time.perf_counter()
    solved = solve_polynomial_system(gradient(f, (x, y)), (x, y), backend="sympy")
    assert time.perf_counter() - start < 20   # ~0.5 s alone; generous for a loaded machine
    assert solved.complete and solved.status == "finite"
    assert len(solved.solutions) == real_count_by_resultant(f, x, y)
    assert all(s.residual < 1e-9 for s in solved.solutions)


@pytest.mark.slow
@pytest.mark.parametrize(("nvars", "degree", "seed"), [(3, 4, 1), (3, 4, 3), (4, 3, 1)])
def test_dense_systems_agree_with_grid_newton(nvars: int, degree: int, seed: int) -> None:
    f, xs = dense(nvars, degree, seed)
    equations = gradient(f, xs)
    solved = solve_polynomial_system(equations, xs, backend="sympy")
    assert solved.complete
    points = [np.array(s.x) for s in solved.solutions]
    for found in newton_grid(equations, xs, 3.0, 7 if nvars == 3 else 5):
        assert any(np.max(np.abs(found - p)) < 1e-6 for p in points), found


def test_eliminant_is_the_lex_bases_last_element() -> None:
    f, xs = dense(2, 5, 2)
    polys = [sympy.Poly(e, *xs) for e in gradient(f, xs)]
    gens = tuple(reversed(xs))
    basis = sympy.groebner(polys, *gens, order="grevlex")
    q = quotient(basis.polys, gens, xs, 400)
    assert q is not None
    h = eliminant(q)
    assert h is not None and len(h) == q.dimension + 1
    lex = lex_basis(polys, xs)
    assert sympy.Poly(list(reversed(h)), xs[-1]).monic() == sympy.Poly(lex[-1], xs[-1]).monic()


def test_not_in_shape_position_takes_the_general_route() -> None:
    x, y = sympy.symbols("x y")
    solved = solve_polynomial_system([x**2 - 1, y**2 - 1], (x, y), backend="sympy")
    assert [s.exact for s in solved.solutions] == [(-1, -1), (-1, 1), (1, -1), (1, 1)]


@pytest.mark.parametrize(("equations", "expected"), [
    (["x^2 + y^2 - 5", "2x - y"], [("-1", "-2"), ("1", "2")]),
    (["x^2 - 2", "y - x^3 + 1"], [("-sqrt(2)", "-2*sqrt(2) - 1"), ("sqrt(2)", "-1 + 2*sqrt(2)")]),
    (["x^3 - 2", "y - x"], [("2**(1/3)", "2**(1/3)")]),
    (["x^2 + 1", "y"], []),
])
def test_hand_cases_exact(equations: list[str], expected: list[tuple[str, str]]) -> None:
    x, y = sympy.symbols("x y")
    exprs = [sympy.sympify(e.replace("^", "**").replace("2x", "2*x")) for e in equations]
    solved = solve_polynomial_system(exprs, (x, y), backend="sympy")
    assert [tuple(str(c) for c in s.exact) for s in solved.solutions] == expected


def test_a_large_factor_with_a_rational_root_keeps_its_exact_form() -> None:
    """A dense octic shifted so that (1/2, −1) is critical: the eliminant of degree 49 is
    not factored in full, but its rational root is still found and written exactly."""
    x, y = sympy.symbols("x y")
    f, _ = dense(2, 8, 5)
    f = f.subs({x: x - sympy.Rational(1, 2), y: y + 1}, simultaneous=True)
    at = {x: sympy.Rational(1, 2), y: -1}
    f = sympy.expand(f - f.diff(x).subs(at) * x - f.diff(y).subs(at) * y)
    solved = solve_polynomial_system(gradient(f, (x, y)), (x, y), backend="sympy")
    assert (sympy.Rational(1, 2), -1) in [s.exact for s in solved.solutions]
    assert len(solved.solutions) == real_count_by_resultant(f, x, y)


def test_over_budget_is_incomplete_and_says_why() -> None:
    """4 variables, degree 6 (625 complex points): past its exact budget the result is
    Newton's, complete: false, fallback "timeout", within the budget plus Newton's time."""
    f, xs = dense(4, 6, 0)
    start = time.perf_counter()
    solved = solve_system(gradient(f, xs), xs, exact_timeout=1.0, max_starts=64)
    assert time.perf_counter() - start < 30
    assert not solved.complete
    assert solved.fallback == "timeout"
    assert solved.method == "newton"
