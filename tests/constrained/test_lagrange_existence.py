"""Whether the extremes exist: compact sets, coercive f, curves to ±∞, singular points,
constant f, an empty set, and honest "unknown" — each against a hand-made oracle."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

import nablab
from nablab.constrained import LagrangeResult


@cache
def solved(f: str, *constraints: str, check: bool = False) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=check)


def test_hyperbola_has_neither_extreme_but_two_local_ones() -> None:
    result = solved("x + y", "xy = 1")
    analysis = result.global_analysis
    assert result.maximum is None and result.minimum is None
    assert (analysis.above, analysis.below) == (False, False)
    assert analysis.up is not None and analysis.down is not None
    # the curves lie on the hyperbola and f really goes to ±∞ along them (t = 10⁶)
    assert analysis.up.parametrisation == {"x": "1/t", "y": "t"}
    t = 1e6
    assert (1 / t) * t == pytest.approx(1) and 1 / t + t > 1e5
    kinds = {tuple(c.point.values()): c.kind for c in result.candidates}
    assert kinds == {(-1.0, -1.0): "maximum", (1.0, 1.0): "minimum"}  # local only
    assert all(c.extreme is None for c in result.candidates)
    assert "No highest point" in " ".join(result.explain("en"))


def test_coercive_objective_on_an_unbounded_set() -> None:
    result = solved("x^2 + y^2", "xy = 1")
    assert result.minimum is not None and result.minimum.value_exact == "2"
    assert len(result.minimum.points) == 2
    assert result.global_analysis.minimum_reason == "coercive"
    assert result.maximum is None and result.global_analysis.maximum_status == "unbounded"
    x = np.linspace(0.01, 100, 1_000_001)
    assert (x**2 + 1 / x**2).min() == pytest.approx(2, abs=1e-8)


def test_singular_point_is_the_minimum() -> None:
    # x⁴ + y⁴ = x³: a closed curve with a cusp at the origin, where ∇g = 0 and no λ exists.
    result = solved("x", "x^4 + y^4 = x^3")
    assert result.regular is True
    (cusp,) = result.singular_points
    assert cusp.point == {"x": 0.0, "y": 0.0} and cusp.extreme == "minimum"
    assert all(c.point != cusp.point for c in result.candidates)
    assert result.minimum is not None and result.minimum.value == 0
    assert result.maximum is not None and result.maximum.value == 1
    assert result.global_analysis.compact_reason == "bounded_constraint"
    t = np.linspace(0, 1, 1_000_001)
    ok = t**3 - t**4 >= 0
    assert t[ok].min() == 0 and t[ok].max() == 1
    assert any("linearly dependent" in line for line in result.explain("en"))


def test_constant_objective_on_the_set() -> None:
    result = solved("x + y", "x + y = 1", check=True)
    assert result.fallback == "infinite" and not result.complete
    assert result.global_analysis.maximum_reason == "constant"
    assert result.maximum is not None and result.maximum.value == 1
    assert result.minimum is not None and result.minimum.value == 1
    assert result.check is not None and result.check.agrees


def test_empty_set() -> None:
    result = solved("x^2 + y^2", "x + y = 1", "x + y = 2")
    assert result.candidates == ()
    assert result.global_analysis.maximum_status == "empty"
    assert result.maximum is None and result.minimum is None
    assert "empty" in " ".join(result.explain("en"))


def test_single_feasible_point() -> None:
    result = solved("x + y", "x = 1", "y = 2")
    (c,) = result.candidates
    assert c.kind == "isolated" and c.extreme == "both"
    assert result.global_analysis.compact_reason == "point"
    assert result.maximum is not None and result.minimum is not None
    assert result.maximum.value == result.minimum.value == 3


def test_non_polynomial_constraint_says_unknown() -> None:
    result = solved("x^2 + y^2", "y = sin(x)")
    assert result.method == "newton" and result.regular is None and not result.complete
    assert result.global_analysis.reason == "not_polynomial"
    assert result.maximum is None and result.minimum is None
    assert result.to_dict()["bounded"] == {"above": None, "below": None}
    assert any(c.point == {"x": 0.0, "y": 0.0} for c in result.candidates)
    assert any("not checked" in line for line in result.explain("en"))


def test_exact_budget_exceeded_falls_back_to_newton() -> None:
    result = nablab.lagrange("4 - x^2 - 2y^2", "2(x-1)^2 - 10y + 6 = 0", exact_timeout=1e-4,
                             check=False)
    assert result.method == "newton" and result.fallback == "timeout"
    (c,) = result.candidates
    assert c.point["x"] == pytest.approx(0.3535321401626356, abs=1e-12)
    assert c.kind == "maximum"


def test_interval_propagation_on_its_own() -> None:
    from nablab.constrained.boxes import bounded

    disk = {(2, 0): 1.0, (0, 2): 1.0, (0, 0): -1.0}          # x² + y² − 1 ≤ 0
    parabola = {(2, 0): 1.0, (0, 1): -1.0}                   # x² − y ≤ 0
    cap = {(1, 0): 1.0, (0, 1): 1.0, (0, 0): -2.0}           # x + y − 2 ≤ 0
    assert bounded([disk], 2)
    assert not bounded([parabola], 2) and not bounded([cap], 2)
    assert bounded([parabola, cap], 2)  # needs the sum x² + x − 2 ≤ 0 first


def test_asinh_is_continuous_so_extremes_exist_on_the_circle() -> None:
    """asinh is continuous on ℝ (the catalog says so; the old list of continuous functions
    lacked it and answered "unknown"), so on the compact circle both extremes exist."""
    result = solved("asinh(x) + y", "x^2 + y^2 = 1")
    analysis = result.global_analysis
    assert (analysis.maximum_status, analysis.maximum_reason) == ("attained", "compact")
    assert (analysis.minimum_status, analysis.minimum_reason) == ("attained", "compact")
    t = np.linspace(0, 2 * np.pi, 2_000_001)
    values = np.arcsinh(np.cos(t)) + np.sin(t)
    assert result.maximum is not None and result.minimum is not None
    assert result.maximum.value == pytest.approx(values.max(), abs=1e-9)
    assert result.minimum.value == pytest.approx(values.min(), abs=1e-9)
