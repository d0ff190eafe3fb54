"""The exact solver against independent oracles: sympy.solve on small systems, resultants and
real-root counts for Himmelblau, 50-digit residuals of every solution."""

from __future__ import annotations

import mpmath
import pytest
import sympy

from nablab.core.printing import to_str
from nablab.solve import FINITE, INFINITE, NONE, polynomial_system, solve_polynomial_system

x, y, z, lam = sympy.symbols("x y z lambda", real=True)
HIMMELBLAU = (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def _gradient(f: sympy.Expr, variables: list[sympy.Symbol]) -> list[sympy.Expr]:
    return [sympy.diff(f, v) for v in variables]


def _lagrange(f: sympy.Expr, g: sympy.Expr, variables: list[sympy.Symbol]):
    lagrangian = f - lam * g
    return [sympy.diff(lagrangian, v) for v in variables] + [g], [*variables, lam]


def _residual(equations, unknowns, values) -> float:
    """max |Fᵢ| at a float point, in 50-digit arithmetic (the oracle's own evaluation)."""
    at = {u: sympy.Float(v, 50) for u, v in zip(unknowns, values, strict=True)}
    return max(abs(float(sympy.N(e.xreplace(at), 50))) for e in equations)


def _oracle_exact(equations, unknowns) -> set[tuple[str, ...]]:
    """Exact real solutions by sympy.solve (fine on these small systems)."""
    found = sympy.solve(equations, unknowns, dict=True)
    return {tuple(to_str(sympy.radsimp(s[u])) for u in unknowns) for s in found
            if all(s[u].is_real for u in unknowns)}


def test_himmelblau_all_nine_against_resultant_oracle() -> None:
    equations = _gradient(HIMMELBLAU, [x, y])
    result = solve_polynomial_system(equations, [x, y])
    assert (result.status, result.complete, result.method) == (FINITE, True, "groebner")
    # Oracle: eliminate x with a resultant (not a Gröbner basis); every critical point's y is
    # a real root of it, and each real root carries exactly one critical point here.
    eliminant = sympy.Poly(sympy.resultant(*equations, x), y)
    oracle_ys = sorted(float(r) for r in sympy.Poly(eliminant.sqf_part(), y).real_roots())
    assert sorted(s.x[1] for s in result.solutions) == pytest.approx(oracle_ys, abs=1e-12)
    assert len(result.solutions) == 9
    for s in result.solutions:
        assert _residual(equations, [x, y], s.x) < 1e-10
        assert s.residual < 1e-10
    assert [s.exact for s in result.solutions if s.is_exact] == [(3, 2)]


@pytest.mark.parametrize("equations, unknowns", [
    ([2 * x - y, x**2 + y**2 - 5], [x, y]),
    ([x**2 - 2], [x]),
    ([2 * x**2 - 1], [x]),
    ([x**2 + x - 1], [x]),
    (_gradient(x**3 - 3 * x + y**2, [x, y]), [x, y]),
    (_gradient(x**4 - x**2 + y**2, [x, y]), [x, y]),
    _lagrange(x * y, x**2 + y**2 - 1, [x, y]),
    _lagrange(x**2 * y, x**2 + 2 * y**2 - 6, [x, y]),
    _lagrange(x + 2 * y + 3 * z, x**2 + y**2 + z**2 - 1, [x, y, z]),
])
def test_exact_forms_match_sympy_solve(equations, unknowns) -> None:
    result = solve_polynomial_system(equations, unknowns)
    assert result.complete and result.status == FINITE
    got = {tuple(to_str(e) for e in s.exact) for s in result.solutions}
    assert got == _oracle_exact(equations, unknowns)
    for s in result.solutions:
        assert _residual(equations, unknowns, s.x) < 1e-12
        assert s.x == pytest.approx([float(e) for e in s.exact], abs=1e-15)


def test_floats_become_the_rationals_they_print_as() -> None:
    result = solve_polynomial_system([x - 0.1, y**2 - 0.25], [x, y])
    assert {s.exact for s in result.solutions} == {(sympy.Rational(1, 10), sympy.Rational(-1, 2)),
                                                   (sympy.Rational(1, 10), sympy.Rational(1, 2))}


def test_positive_dimensional_is_reported_not_looped() -> None:
    result = solve_polynomial_system(_gradient((x - y) ** 2, [x, y]), [x, y])
    assert result.status == INFINITE and result.solutions == ()
    assert [sympy.expand(e - (x - y)) for e in result.solution_set] == [0]


@pytest.mark.parametrize("equations", [[x + 1, x - 1], [x * y - 1, x], [x**2 + y, x**2 + y + 1]])
def test_no_solution_at_all(equations) -> None:
    result = solve_polynomial_system(equations, [x, y])
    assert result.status == NONE and result.solutions == () and result.complete


def test_complex_only_solutions_give_an_empty_finite_set() -> None:
    result = solve_polynomial_system([x**2 + 1, y - x], [x, y])
    assert result.status == FINITE and result.solutions == ()


def test_non_shape_component_with_irrational_root_back_substitutes() -> None:
    # x² = y with y a root of an irreducible cubic: not in shape position (x is not linear).
    equations = [x**2 - y, y**3 - 3 * y - 1]
    result = solve_polynomial_system(equations, [x, y])
    oracle = sorted(float(r) for r in sympy.Poly(y**3 - 3 * y - 1, y).real_roots() if r > 0)
    assert len(result.solutions) == 2 * len(oracle)
    for s in result.solutions:
        assert _residual(equations, [x, y], s.x) < 1e-12
        assert s.x[1] == pytest.approx(oracle[0], abs=1e-14)


def test_surd_coordinates_substitute_exactly() -> None:
    equations = _gradient((x**2 - 2) ** 2 + (y**2 - 2) ** 2, [x, y])
    result = solve_polynomial_system(equations, [x, y])
    assert {tuple(map(to_str, s.exact)) for s in result.solutions} == \
        _oracle_exact(equations, [x, y])
    assert len(result.solutions) == 9


def test_multiple_roots_are_one_solution() -> None:
    result = solve_polynomial_system(_gradient(x**4 + y**4, [x, y]), [x, y])
    assert [s.exact for s in result.solutions] == [(0, 0)]


def test_three_unknowns_against_sympy_solve() -> None:
    f = x**2 + y**2 + z**2 + x * y * z
    equations = _gradient(f, [x, y, z])
    result = solve_polynomial_system(equations, [x, y, z])
    oracle = _oracle_exact(equations, [x, y, z])
    assert {tuple(map(to_str, s.exact)) for s in result.solutions} == oracle
    with mpmath.workdps(50):
        for s in result.solutions:
            assert _residual(equations, [x, y, z], s.x) < 1e-12


def test_not_polynomial_is_refused() -> None:
    assert polynomial_system([sympy.sin(x)], [x]) is None
    assert polynomial_system([sympy.sqrt(2) * x], [x]) is None
    assert polynomial_system([sympy.pi * x], [x]) is None
    with pytest.raises(ValueError, match="rational coefficients"):
        solve_polynomial_system([1 / x], [x])
    with pytest.raises(TypeError):
        polynomial_system(["x - 1"], [x])
