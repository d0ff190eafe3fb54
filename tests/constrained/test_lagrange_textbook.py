"""Textbook Lagrange problems against brute force on the constraint set and SciPy.

Each constraint set is sampled by hand (a parametrisation or normalised random points), so
the oracle knows nothing of multipliers; exact forms are compared with SymPy's simplification.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest
import sympy

import nablab
from nablab.constrained import LagrangeResult


@cache
def solved(f: str, *constraints: str, check: bool = False) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=check)


def _values(extreme: Any) -> float:
    assert extreme is not None
    return float(extreme.value)


def test_xy_on_the_unit_circle(sample_oracle: Any, circle: np.ndarray) -> None:
    result = solved("xy", "x^2 + y^2 = 1")
    values = sample_oracle("xy", ["x", "y"], circle)
    assert _values(result.maximum) == pytest.approx(values.max(), abs=1e-9)
    assert _values(result.minimum) == pytest.approx(values.min(), abs=1e-9)
    assert len(result.candidates) == 4 and result.complete
    assert result.maximum is not None and result.maximum.value_exact == "1/2"
    assert sorted(p["x"] * p["y"] > 0 for p in result.maximum.points) == [True, True]
    assert {c.exact["x"] for c in result.candidates if c.exact} == {"sqrt(2)/2", "-sqrt(2)/2"}
    assert result.global_analysis.compact and result.global_analysis.maximum_reason == "compact"


def test_x2y_on_an_ellipse(sample_oracle: Any) -> None:
    t = np.linspace(0, 2 * np.pi, 200001)
    ellipse = np.stack([np.sqrt(6) * np.cos(t), np.sqrt(3) * np.sin(t)], axis=1)
    values = sample_oracle("x^2 y", ["x", "y"], ellipse)
    result = solved("x^2 y", "x^2 + 2y^2 = 6")
    assert len(result.candidates) == 6
    assert values.max() <= 4 + 1e-12 and values.min() >= -4 - 1e-12
    assert _values(result.maximum) == pytest.approx(values.max(), abs=1e-8) == 4
    assert _values(result.minimum) == pytest.approx(values.min(), abs=1e-8) == -4
    kinds = {(c.exact["x"], c.exact["y"]): c.kind for c in result.candidates if c.exact}
    # at (0, ±√3) f = 0 is a local extremum along the ellipse, not a global one
    assert kinds[("0", "-sqrt(3)")] == "maximum" and kinds[("0", "sqrt(3)")] == "minimum"
    assert len(result.maximum.points) == 2  # type: ignore[union-attr]


def test_linear_on_the_sphere_three_variables(sample_oracle: Any) -> None:
    raw = np.random.default_rng(3).standard_normal((400_000, 3))
    sphere = raw / np.linalg.norm(raw, axis=1, keepdims=True)
    values = sample_oracle("x + 2y + 3z", ["x", "y", "z"], sphere)
    result = solved("x + 2y + 3z", "x^2 + y^2 + z^2 = 1")
    assert result.maximum is not None and result.maximum.value_exact == "sqrt(14)"
    assert values.max() <= result.maximum.value + 1e-12
    assert values.max() == pytest.approx(np.sqrt(14), abs=1e-3)
    (top,) = [c for c in result.candidates if c.extreme == "maximum"]
    assert top.exact == {"x": "sqrt(14)/14", "y": "sqrt(14)/7", "z": "3*sqrt(14)/14"}
    # the exact point read back (by nablab's parser, never sympify) lies on the sphere and
    # ∇f = (1, 2, 3) = λ·2(x, y, z) with the exact λ
    x, y, z = (nablab.parse(top.exact[v]).expr for v in "xyz")
    lam = nablab.parse(top.multipliers_exact[0] or "").expr
    assert sympy.simplify(x**2 + y**2 + z**2 - 1) == 0
    assert all(sympy.simplify(a - 2 * lam * b) == 0 for a, b in zip((1, 2, 3), (x, y, z),
                                                                      strict=True))
    assert top.multipliers_exact == ("sqrt(14)/2",)


def test_two_constraints_plane_and_cylinder(sample_oracle: Any) -> None:
    t = np.linspace(0, 2 * np.pi, 400001)
    x, y = np.cos(t), np.sin(t)
    curve = np.stack([x, y, 1 - x + y], axis=1)
    values = sample_oracle("x + 2y + 3z", ["x", "y", "z"], curve)
    result = solved("x + 2y + 3z", "x - y + z = 1", "x^2 + y^2 = 1")
    assert _values(result.maximum) == pytest.approx(values.max(), abs=1e-9)
    assert _values(result.minimum) == pytest.approx(values.min(), abs=1e-9)
    assert result.maximum is not None and result.maximum.value_exact == "3 + sqrt(29)"
    assert all(len(c.multipliers) == 2 for c in result.candidates)
    assert result.vector_form == "∇f = λ₁∇g₁ + λ₂∇g₂"
    assert [c.multiplier for c in result.constraints] == ["lambda1", "lambda2"]


def test_two_constraints_nearest_point_has_no_farthest(sample_oracle: Any) -> None:
    result = solved("x^2 + y^2 + z^2", "x + y + z = 1", "x - y = 0")
    s = np.linspace(-100, 100, 2_000_001)
    line = np.stack([s, s, 1 - 2 * s], axis=1)
    values = sample_oracle("x^2 + y^2 + z^2", ["x", "y", "z"], line)
    assert values.min() >= _values(result.minimum) - 1e-12
    assert _values(result.minimum) == pytest.approx(values.min(), abs=1e-7)
    assert result.minimum is not None and result.minimum.value_exact == "1/3"
    assert result.maximum is None and result.global_analysis.above is False
    assert result.global_analysis.up is not None


def test_against_scipy_from_many_starts(scipy_oracle: Any) -> None:
    result = solved("x^2 y", "x^2 + 2y^2 = 6")
    for sense, extreme in (("max", result.maximum), ("min", result.minimum)):
        best, _ = scipy_oracle("x^2 y", ["x^2 + 2y^2 = 6"], ["x", "y"], sense, starts=6)
        assert _values(extreme) == pytest.approx(best, abs=1e-7)


def test_numeric_path_for_a_transcendental_objective(sample_oracle: Any,
                                                     circle: np.ndarray) -> None:
    result = solved("exp(x) + y", "x^2 + y^2 = 1", check=True)
    assert result.method == "newton" and result.fallback == "not_polynomial"
    assert not result.complete  # a numeric search is never complete …
    assert result.regular is True  # … but the circle has no singular point (exact)
    values = sample_oracle("exp(x) + y", ["x", "y"], circle)
    assert _values(result.maximum) == pytest.approx(values.max(), abs=1e-9)
    assert _values(result.minimum) == pytest.approx(values.min(), abs=1e-9)
    assert result.maximum is not None and not result.maximum.proven
    assert result.check is not None and result.check.agrees
    assert all(c.residual < 1e-10 for c in result.candidates)


def test_every_candidate_satisfies_the_lagrange_system() -> None:
    result = solved("x + 2y + 3z", "x - y + z = 1", "x^2 + y^2 = 1")
    for c in result.candidates:
        grad_f = np.array(c.gradient)
        combination = sum(lam * np.array(g) for lam, g in zip(c.multipliers,
                                                               c.constraint_gradients,
                                                               strict=True))
        assert np.allclose(grad_f, combination, atol=1e-12)
