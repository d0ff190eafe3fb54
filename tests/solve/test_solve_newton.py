"""Multi-start Newton against independent oracles: real roots from resultants and sympy,
residuals re-evaluated by SymPy at 30 digits, and the vectorisation itself."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from nablab.solve import lambdify_system, newton_multistart

x, y, lam = sympy.symbols("x y lambda", real=True)
HIMMELBLAU = (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def _residual(equations, unknowns, values) -> float:
    at = {u: sympy.Float(v, 30) for u, v in zip(unknowns, values, strict=True)}
    return max(abs(float(sympy.N(e.xreplace(at), 30))) for e in equations)


def test_himmelblau_nine_points_from_a_grid() -> None:
    equations = [sympy.diff(HIMMELBLAU, v) for v in (x, y)]
    fun, jac = lambdify_system(equations, [x, y])
    result = newton_multistart(fun, jac, [(-6, 6), (-6, 6)], names=["x", "y"])
    assert (result.method, result.complete, result.status) == ("newton", False, None)
    eliminant = sympy.Poly(sympy.resultant(*equations, x), y).sqf_part()
    oracle_ys = sorted(float(r) for r in sympy.Poly(eliminant, y).real_roots())
    assert sorted(s.x[1] for s in result.solutions) == pytest.approx(oracle_ys, abs=1e-9)
    for s in result.solutions:
        assert s.residual < 1e-12
        assert _residual(equations, [x, y], s.x) < 1e-11


def test_vectorised_one_call_per_iteration_not_per_start() -> None:
    calls = {"fun": 0, "points": 0}
    base, jac = lambdify_system([x**2 - 2, y**2 - 3], [x, y])

    def fun(z: np.ndarray) -> np.ndarray:
        calls["fun"] += 1
        calls["points"] += z.shape[1]
        return base(z)

    result = newton_multistart(fun, jac, [(-3, 3), (-3, 3)], max_iter=60)
    assert len(result.solutions) == 4
    assert calls["points"] > 10 * calls["fun"]  # many starts per call
    assert calls["fun"] < 3 * 62 + 10  # at most ~one call per iteration per round


def _rounded(point: tuple[float, ...]) -> tuple[float, ...]:
    """A sort key that does not depend on the last bit (±√2/2 computed two ways)."""
    return tuple(round(v, 9) for v in point)


def test_lagrange_system_matches_exact_values() -> None:
    f, g = x * y, x**2 + y**2 - 1
    equations = [sympy.diff(f - lam * g, v) for v in (x, y)] + [g]
    fun, jac = lambdify_system(equations, [x, y, lam])
    result = newton_multistart(fun, jac, [(-2, 2)] * 3)
    oracle = sorted((tuple(float(s[u]) for u in (x, y, lam))
                     for s in sympy.solve(equations, [x, y, lam], dict=True)), key=_rounded)
    assert len(result.solutions) == len(oracle) == 4
    found = sorted((tuple(s.x) for s in result.solutions), key=_rounded)
    for got, want in zip(found, oracle, strict=True):
        assert got == pytest.approx(want, abs=1e-12)


def test_deduplicated_and_inside_the_box() -> None:
    fun, jac = lambdify_system([sympy.sin(x)], [x])
    result = newton_multistart(fun, jac, [(-10, 10)])
    xs = np.array([s.x[0] for s in result.solutions])
    oracle = [k * np.pi for k in range(-3, 4)]
    assert xs == pytest.approx(oracle, abs=1e-12)
    assert np.all(np.diff(xs) > 1e-6)


def test_exact_zero_is_snapped() -> None:
    fun, jac = lambdify_system([sympy.cos(x) * sympy.sin(y), sympy.sin(x) * sympy.cos(y)],
                               [x, y])
    result = newton_multistart(fun, jac, [(-2, 2), (-2, 2)])
    assert (0.0, 0.0) in [s.x for s in result.solutions]


def test_degenerate_root_converges_and_is_found_once() -> None:
    fun, jac = lambdify_system([4 * x**3, 4 * y**3], [x, y])
    result = newton_multistart(fun, jac, [(-5, 5), (-5, 5)])
    assert len(result.solutions) == 1
    assert np.max(np.abs(result.solutions[0].x)) < 1e-4


def test_a_continuum_is_truncated_not_listed_forever() -> None:
    fun, jac = lambdify_system([sympy.cos(x - y), -sympy.cos(x - y)], [x, y])
    result = newton_multistart(fun, jac, [(-3, 3), (-3, 3)], max_roots=50)
    assert result.truncated and len(result.solutions) <= 50
    for s in result.solutions:
        assert abs(np.cos(s.x[0] - s.x[1])) < 1e-12


def test_underflowed_plateau_is_not_a_root() -> None:
    f = sympy.exp(-x**2)
    fun, jac = lambdify_system([sympy.diff(f, x)], [x])
    result = newton_multistart(fun, jac, [(-50, 50)])
    assert [s.x for s in result.solutions] == [(0.0,)]


@pytest.mark.parametrize("bounds", [[(1, -1)], [(0, float("inf"))], [(0, 0)]])
def test_bad_bounds(bounds) -> None:
    fun, jac = lambdify_system([x], [x])
    with pytest.raises(ValueError, match="bounds"):
        newton_multistart(fun, jac, bounds)


def test_non_square_system_is_refused() -> None:
    with pytest.raises(ValueError, match="square"):
        lambdify_system([x, y, x + y], [x, y])
