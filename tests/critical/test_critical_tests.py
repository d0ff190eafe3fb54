"""The Hessian test and the tests beyond it, against independent oracles: eigvalsh on random
exact matrices, and f sampled around each degenerate point by numpy."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
import sympy

import nablab
from nablab.critical import critical_points
from nablab.critical.classify import exact_inertia, kind_from_inertia


@pytest.mark.parametrize("seed", range(25))
def test_exact_inertia_matches_eigvalsh(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 5))
    a = rng.integers(-3, 4, size=(n, n))
    rank = int(rng.integers(0, n + 1))
    m = a[:, :rank] @ np.diag(rng.choice([-1, 1], rank)) @ a[:, :rank].T  # symmetric, rank ≤ r
    oracle = np.linalg.eigvalsh(m.astype(float))
    tol = 1e-9 * max(1.0, float(np.abs(oracle).max()))
    expected = (int(np.sum(oracle > tol)), int(np.sum(oracle < -tol)),
                int(np.sum(np.abs(oracle) <= tol)))
    assert exact_inertia(sympy.Matrix(m.tolist())) == expected


@pytest.mark.parametrize("inertia, kind", [
    ((2, 0, 0), "minimum"), ((0, 2, 0), "maximum"), ((1, 1, 0), "saddle"),
    ((1, 1, 1), "saddle"), ((1, 0, 1), "degenerate"), ((0, 0, 2), "degenerate"),
])
def test_kind_from_inertia(inertia: tuple[int, int, int], kind: str) -> None:
    assert kind_from_inertia(*inertia) == kind


@cache
def _origin(text: str, domain: str | None = None) -> nablab.CriticalPoint:
    result = critical_points(text, domain)
    return next(p for p in result.points if max(abs(v) for v in p.point.values()) < 1e-6)


def _sampled_signs(text: str, radius: float = 1e-2) -> set[int]:
    """Oracle: signs of f(h) − f(0) on a dense sample around 0 (2-D: 3600 angles and
    a band of parabolic directions near the x-axis)."""
    f = nablab.parse(text)
    fn = sympy.lambdify(f.variables, f.expr, "numpy")
    n = len(f.variables)
    if n == 1:
        h = np.array([[-radius, radius]])
    else:
        angles = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
        h = radius * np.stack([np.cos(angles), np.sin(angles)])
    base = float(fn(*np.zeros(n)))
    diff = np.asarray(fn(*h), dtype=float) - base
    return {int(s) for s in np.sign(diff[np.abs(diff) > 1e-15])}


@pytest.mark.parametrize("text, result, method", [
    ("x^4 + y^4", "minimum", "even_powers"),
    ("x^2 + y^4", "minimum", "even_powers"),
    ("-x^4 - y^6", "maximum", "even_powers"),
    ("x^3", "not_extremum", "higher_order"),
    ("x^3 - 3x y^2", "not_extremum", "higher_order"),
    ("x^4 + x^2 y^2 + y^4 - x^3 y/2", "minimum", "higher_order"),
    ("x^2 + y^3", "not_extremum", "kernel_line"),
    ("(y - x^2)(y - 2x^2)", "not_extremum", "kernel_line"),
])
def test_degenerate_polynomials_are_decided_exactly(text: str, result: str, method: str) -> None:
    point = _origin(text)
    assert point.kind == "degenerate" and point.test is not None
    assert (point.test.result, point.test.method, point.test.proof) == (result, method, True)
    signs = _sampled_signs(text, 0.1 if "2x^2" in text else 1e-2)
    assert signs == {"minimum": {1}, "maximum": {-1}, "not_extremum": {-1, 1}}[result]


@pytest.mark.parametrize("text, result, order", [
    ("sin(x)^3", "not_extremum", 3),
    ("(1 - cos(x))^2", "minimum", 4),
    ("x^4 exp(x)", "minimum", 4),
])
def test_one_variable_higher_derivatives(text: str, result: str, order: int) -> None:
    point = _origin(text, "-1:1")
    assert point.kind == "degenerate"
    assert (point.test.result, point.test.method, point.test.order) == (result, "derivatives",
                                                                        order)
    f = nablab.parse(text)
    series = sympy.series(f.expr, f.variables[0], 0, order + 1).removeO()
    lowest = sympy.Poly(series, f.variables[0]).terms()[-1]
    assert lowest[0] == (order,)


def test_neighbourhood_evidence_is_not_a_proof() -> None:
    # x⁵ leaves f unbounded below, so no global bound settles the origin either.
    point = _origin("exp(x^4 + y^4) + x^5", "-1:1")
    assert point.kind == "degenerate"
    assert (point.test.result, point.test.method, point.test.proof, point.test.evidence) == (
        "inconclusive", "neighbourhood", False, "no_lower_value")


def test_a_proven_global_bound_settles_a_degenerate_point() -> None:
    # e^(x⁴ + y⁴) ≥ e⁰ = 1 term by term, and f(0, 0) = 1: a global minimum, proven.
    point = _origin("exp(x^4 + y^4)", "-1:1")
    assert point.kind == "degenerate"
    assert (point.test.result, point.test.method, point.test.proof) == (
        "minimum", "global_bound", True)


def test_saddle_with_a_zero_eigenvalue_is_a_saddle() -> None:
    result = critical_points("x^2 - y^2 + z^4")
    (point,) = result.points
    assert point.kind == "saddle" and point.eigenvalues == (-2.0, 0.0, 2.0)
