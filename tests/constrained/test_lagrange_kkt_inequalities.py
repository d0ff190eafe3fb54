"""Inequality constraints by the KKT conditions, against brute force on a grid of the set.

Oracle: f on a fine grid, filtered by the inequalities by hand (no calculus); the multipliers
against KKT stationarity restated here, ∇f = Σλᵢ∇gᵢ, with the sign rule for each sense.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest

import nablab
from nablab.constrained import LagrangeResult


@cache
def solved(f: str, *constraints: str, check: bool = False) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=check)


def grid(box: tuple[float, float, float, float], step: float) -> tuple[np.ndarray, np.ndarray]:
    x = np.arange(box[0], box[1] + step / 2, step)
    y = np.arange(box[2], box[3] + step / 2, step)
    return tuple(a.ravel() for a in np.meshgrid(x, y))  # type: ignore[return-value]


def test_active_constraint_moves_the_minimum() -> None:
    result = solved("x^2 + y^2", "x + y >= 1")
    (c,) = result.candidates
    assert c.point == {"x": 0.5, "y": 0.5} and c.active == (True,)
    assert c.multipliers == (1.0,) and c.kkt_min and not c.kkt_max
    assert c.kind == "minimum" and result.minimum is not None
    x, y = grid((-1, 2, -1, 2), 0.002)
    feasible = x + y >= 1 - 1e-9  # the grid's rounding, not a relaxation
    assert (x**2 + y**2)[feasible].min() == pytest.approx(result.minimum.value, abs=1e-8)
    assert result.maximum is None and result.global_analysis.above is False


def test_inactive_constraint_leaves_the_free_minimum() -> None:
    result = solved("x^2 + y^2", "x + y <= 1")
    by_point = {tuple(c.point.values()): c for c in result.candidates}
    inner, edge = by_point[(0.0, 0.0)], by_point[(0.5, 0.5)]
    assert inner.active == (False,) and inner.multipliers == (0.0,)
    assert inner.kind == "minimum" and inner.extreme == "minimum"
    # on the edge λ = 1 > 0 on a "≤": the sign of a maximum, not a minimum; the edge is not
    # a maximum either (f grows along it)
    assert edge.multipliers == (1.0,) and edge.kkt_max and not edge.kkt_min
    assert edge.kind == "neither"
    assert result.minimum is not None and result.minimum.value == 0


def test_classic_kkt_example_two_active_inequalities() -> None:
    result = solved("(x-2)^2 + (y-1)^2", "x^2 <= y", "x + y <= 2")
    assert result.minimum is not None and result.minimum.value == pytest.approx(1)
    (best,) = [c for c in result.candidates if c.extreme == "minimum"]
    assert best.point == pytest.approx({"x": 1.0, "y": 1.0})
    assert best.active == (True, True)
    assert best.multipliers == pytest.approx((-2 / 3, -2 / 3))  # μ = 2/3 ≥ 0 for a minimum
    assert best.kind == "minimum" and best.second_order.reason == "vertex"
    grad_f = np.array([2 * (1 - 2), 2 * (1 - 1)])
    combination = -2 / 3 * np.array([2.0, -1.0]) - 2 / 3 * np.array([1.0, 1.0])
    assert np.allclose(grad_f, combination)
    x, y = grid((-2.5, 1.5, -0.5, 4.5), 0.002)
    feasible = (x**2 <= y + 1e-9) & (x + y <= 2 + 1e-9)
    values = ((x - 2) ** 2 + (y - 1) ** 2)[feasible]
    assert values.min() == pytest.approx(1, abs=1e-8)
    # the set is bounded (x² ≤ y ≤ 2 − x), shown by propagating interval bounds
    assert result.global_analysis.compact_reason == "propagated"
    assert result.maximum is not None and result.maximum.value == 25
    assert result.maximum.points == ({"x": -2.0, "y": 4.0},)
    assert values.max() == pytest.approx(25, abs=1e-8)


def test_triangle_maximum_and_a_continuum_of_minima(sample_oracle: Any) -> None:
    result = solved("xy", "x + y <= 10", "x >= 0", "y >= 0", check=True)
    assert result.maximum is not None and result.maximum.value == 25
    (top,) = [c for c in result.candidates if c.extreme == "maximum"]
    assert top.point == {"x": 5.0, "y": 5.0} and top.active == (True, False, False)
    assert top.multipliers[0] == 5 and top.kind == "maximum"
    # f = 0 on two whole edges: the Lagrange system has curves of solutions, sampled
    assert result.fallback == "infinite" and not result.complete
    assert result.minimum is not None and result.minimum.value == 0
    assert result.global_analysis.compact_reason == "polyhedron"
    assert result.check is not None and result.check.agrees
    x, y = grid((0, 10, 0, 10), 0.01)
    feasible = x + y <= 10 + 1e-12
    assert (x * y)[feasible].max() == pytest.approx(25)


def test_ball_constraint_in_three_variables(sample_oracle: Any) -> None:
    result = solved("x + y + z", "x^2 + y^2 + z^2 <= 1")
    assert result.maximum is not None and result.maximum.value_exact == "sqrt(3)"
    assert result.minimum is not None and result.minimum.value_exact == "-sqrt(3)"
    raw = np.random.default_rng(5).standard_normal((200_000, 3))
    ball = raw / np.linalg.norm(raw, axis=1, keepdims=True) * np.cbrt(
        np.random.default_rng(6).random((200_000, 1)))
    values = sample_oracle("x + y + z", ["x", "y", "z"], ball)
    assert values.max() <= np.sqrt(3) and values.max() > np.sqrt(3) - 0.02
    for c in result.candidates:
        assert c.active == (True,)
        assert (c.kkt_max, c.kkt_min) == ((True, False) if c.value > 0 else (False, True))


def test_equality_and_inequality_together(sample_oracle: Any) -> None:
    result = solved("x^2 + y^2 + z^2", "x + y + z = 3", "x >= 2")
    assert result.minimum is not None and result.minimum.value_exact == "9/2"
    (best,) = [c for c in result.candidates if c.extreme == "minimum"]
    assert best.active == (True, True)
    s, t = (a.ravel() for a in np.meshgrid(np.linspace(2, 6, 801), np.linspace(-4, 4, 801)))
    plane = np.stack([s, t, 3 - s - t], axis=1)
    values = sample_oracle("x^2 + y^2 + z^2", ["x", "y", "z"], plane)
    assert values.min() == pytest.approx(4.5, abs=1e-9)


def test_kkt_text_names_the_active_constraints() -> None:
    result = solved("x^2 + y^2", "x + y <= 1")
    text = " ".join(result.explain("en"))
    assert "complementary slackness" in text
    assert "no active constraint" in text and "active x + y ≤ 1" in text
    assert any("상보 여유성" in line for line in result.explain("ko"))
    assert result.system[-1] == "λ(x + y − 1) = 0"
