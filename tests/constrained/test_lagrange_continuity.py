"""Existence by compactness and continuity on the set, for functions that are not
polynomials: proven by interval arithmetic, refuted at a point of the set, or left
undecided — each value against brute-force sampling of the set."""

from __future__ import annotations

import time
from functools import cache

import numpy as np
import pytest
import sympy

import nablab
from nablab.constrained import LagrangeResult
from nablab.constrained.continuity import box_of, conditions, enclosing_box, on_set
from nablab.constrained.problem import build_problem

from .conftest import Best, Sampled


@cache
def solved(f: str, *constraints: str) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=False)


def _disk(radius: float, n: int = 801) -> np.ndarray:
    grid = np.linspace(-radius, radius, n)
    xs, ys = np.meshgrid(grid, grid)
    inside = xs**2 + ys**2 <= radius**2
    return np.stack([xs[inside], ys[inside]], axis=1)


def test_a_rational_function_on_a_disk_has_both_extremes(sample_oracle: Sampled) -> None:
    result = solved("-2y/(x^2+y^2+1)", "x^2+y^2 <= 4")
    analysis = result.global_analysis
    assert (analysis.maximum_reason, analysis.minimum_reason) == ("compact", "compact")
    assert analysis.continuity is not None and analysis.continuity.reason == "on_set"
    assert analysis.continuity.conditions == ("x² + y² + 1 ≠ 0",)
    values = sample_oracle("-2y/(x^2+y^2+1)", ["x", "y"], _disk(2.0))
    assert result.maximum is not None and result.minimum is not None
    assert result.maximum.value == pytest.approx(values.max(), abs=1e-6)
    assert result.minimum.value == pytest.approx(values.min(), abs=1e-6)
    said = " ".join(result.explain("en"))
    assert "x² + y² + 1 ≠ 0 at every point of it" in said and "extreme value theorem" in said
    assert "x² + y² + 1 ≠ 0" in " ".join(result.explain("ko"))
    data = result.to_dict()["global"]["continuity"]
    assert data == {"proven": True, "reason": "on_set", "conditions": ["x² + y² + 1 ≠ 0"],
                    "fails_at": None, "failing": None}


def test_closed_interval_method_with_a_denominator(sample_oracle: Sampled) -> None:
    result = solved("x^2 + 2/x", "1 <= x <= 4")
    values = sample_oracle("x^2 + 2/x", ["x"], np.linspace(1, 4, 300001)[:, None])
    assert result.maximum is not None and result.minimum is not None
    assert result.maximum.value == pytest.approx(values.max()) == 16.5
    assert result.minimum.value == pytest.approx(values.min()) == 3


def test_a_pole_inside_the_interval_is_named_and_both_extremes_are_missing() -> None:
    """x² + 2/x on −1 ≤ x ≤ 4: not defined at x = 0, a point of the set; along x = 1/t
    (t ≥ 1/4 keeps it in the set) f = 1/t² + 2t → +∞, along x = −1/t (t ≥ 1) f → −∞."""
    result = solved("x^2 + 2/x", "-1 <= x <= 4")
    analysis = result.global_analysis
    assert result.maximum is None and result.minimum is None
    assert (analysis.maximum_status, analysis.minimum_status) == ("unbounded", "unbounded")
    assert (analysis.maximum_reason, analysis.minimum_reason) == ("pole", "pole")
    assert analysis.compact is True
    assert analysis.continuity is not None
    assert (analysis.continuity.reason, analysis.continuity.fails_at,
            analysis.continuity.failing) == ("fails", {"x": 0.0}, "x ≠ 0")
    assert analysis.up is not None and analysis.down is not None
    assert (analysis.up.unicode, analysis.up.leading) == ("x = 1/t", "2t")
    assert (analysis.down.unicode, analysis.down.leading) == ("x = −1/t", "−2t")
    for t in (1.0, 10.0, 1e4):
        assert -1 <= 1 / t <= 4 and -1 <= -1 / t <= 4
    assert (1 / 1e4) ** 2 + 2 * 1e4 > 1e4 and (1 / 1e4) ** 2 - 2 * 1e4 < -1e4
    said = " ".join(result.explain("en"))
    assert "at x = 0, a point of the set, x ≠ 0 fails" in said
    assert "the set contains the curve x = 1/t (every large t)" in said
    assert "집합의 점 x = 0에서" in " ".join(result.explain("ko"))
    data = result.to_dict()["global"]
    assert data["unbounded_above_along"]["kind"] == "pole"
    assert data["maximum_reason"] == "pole"


def test_a_pole_on_a_circle_inside_the_disk() -> None:
    """1/(x² + y² − 1) on x² + y² ≤ 4: the unit circle is in the set; a rational point of
    it is found exactly, (0, −1), and f → ±∞ from outside / inside the circle."""
    analysis = solved("1/(x^2+y^2-1)", "x^2+y^2 <= 4").global_analysis
    assert analysis.continuity is not None and analysis.continuity.exact is not None
    x, y = analysis.continuity.exact
    assert x**2 + y**2 == 1
    assert (analysis.maximum_status, analysis.minimum_status) == ("unbounded", "unbounded")


def test_a_log_undefined_at_a_corner_of_the_triangle() -> None:
    result = solved("log(x+y)", "x >= 0", "y >= 0", "x + y <= 1")
    continuity = result.global_analysis.continuity
    assert continuity is not None and continuity.fails_at == {"x": 0.0, "y": 0.0}
    assert result.maximum is None


def test_real_constants_in_the_constraints_bound_the_set(sample_oracle: Sampled) -> None:
    result = solved("sin x + cos x", "0 <= x <= 2 pi")
    assert result.global_analysis.maximum_reason == "compact"
    assert result.maximum is not None and result.minimum is not None
    values = sample_oracle("sin x + cos x", ["x"], np.linspace(0, 2 * np.pi, 100001)[:, None])
    assert result.maximum.value == pytest.approx(values.max(), abs=1e-8)
    assert result.minimum.value == pytest.approx(values.min(), abs=1e-8)
    disk = solved("x y", "x^2 + y^2 <= e")
    assert disk.maximum is not None and disk.maximum.value == pytest.approx(np.e / 2)


def test_roots_are_continuous_at_the_end_of_their_domain() -> None:
    x = sympy.Symbol("x", real=True)
    problem = build_problem("sqrt(4-x^2)/sqrt(4+x^2)", ["x >= -2", "x <= 2"])
    box = enclosing_box(problem)
    assert box == [(-2.0, 2.0)]
    f = problem.objective.expr
    proof = on_set(f, [(-1, x + 2), (1, x - 2)], box, [x])
    assert proof.proven and proof.reason == "on_set"


def test_a_denominator_vanishing_on_a_diagonal_of_the_square() -> None:
    x, y = sympy.symbols("x y", real=True)
    proof = on_set(1 / (x - y), [(-1, x), (1, x - 1), (-1, y), (1, y - 1)],
                   [(0.0, 1.0), (0.0, 1.0)], [x, y])
    assert proof.reason == "fails" and proof.fails_at is not None
    assert proof.fails_at["x"] == proof.fails_at["y"]


def test_kinks_are_continuous_and_unknown_functions_are_not_claimed() -> None:
    x = sympy.Symbol("x", real=True)
    assert conditions(sympy.Abs(x) + sympy.Max(x, 1 - x)) == []
    assert conditions(sympy.tan(x)) is None
    assert on_set(sympy.tan(x), [], [(0.0, 1.0)], [x]).reason == "unknown"


def test_the_proof_is_fast() -> None:
    x, y = sympy.symbols("x y", real=True)
    f = sympy.log(x**2 + y**2 + 1) / (x**2 - y + 3) + sympy.sqrt(4 - x**2 - y**2)
    start = time.perf_counter()
    proof = on_set(f, [(1, x**2 + y**2 - 4)], [(-5.0, 5.0), (-5.0, 5.0)], [x, y])
    assert time.perf_counter() - start < 1.0
    assert proof.proven


def test_separable_constraints_bound_the_box() -> None:
    """|x| + |y| ≤ 1: |x| ≤ 1 − min|y| = 1; cosh-like 2cosh x + y² ≤ 4: eˣ ≤ 4 − min(e⁻ˣ + y²)."""
    x, y = sympy.symbols("x y", real=True)
    diamond = box_of([(1, sympy.Abs(x) + sympy.Abs(y) - 1)], [x, y])
    assert diamond is not None
    assert np.allclose(diamond, [(-1, 1), (-1, 1)], atol=1e-6)
    box = box_of([(1, sympy.exp(x) + sympy.exp(-x) + y**2 - 4)], [x, y])
    assert box is not None
    # the set's own extent: |x| ≤ acosh 2, |y| ≤ √2 (at x = 0); the box holds it
    assert box[0][0] <= -np.arccosh(2) and box[0][1] >= np.arccosh(2)
    assert box[1][0] <= -np.sqrt(2) and box[1][1] >= np.sqrt(2)
    assert all(np.isfinite(v) for side in box for v in side)
    assert box_of([(1, sympy.Abs(x) - y)], [x, y]) is None
    assert box_of([(1, sympy.exp(x) + y**2 - 4)], [x, y]) is None


def test_the_diamond_is_compact() -> None:
    """x² + y² on |x| + |y| ≤ 1: closed (|x| + |y| is continuous) and bounded, f continuous:
    both extremes exist (the existence argument on its own)."""
    from nablab.constrained.bounded import existence

    facts = existence(build_problem("x^2 + y^2", ["|x| + |y| <= 1"]))
    assert (facts.maximum_status, facts.maximum_reason) == ("attained", "compact")
    assert (facts.minimum_status, facts.minimum_reason) == ("attained", "compact")
    assert facts.compact is True


def test_a_transcendental_constraint_that_is_compact(scipy_oracle: Best) -> None:
    """x + y on eˣ + e⁻ˣ + y² ≤ 4, by hand: on the boundary 1 = 2λ sinh x = 2λy, so
    y = sinh x and 2cosh x + cosh²x − 1 = 4: cosh x = √6 − 1, y = √(6 − 2√6);
    max = acosh(√6 − 1) + √(6 − 2√6) ≈ 1.9651 (min its negative, by symmetry)."""
    result = solved("x + y", "exp(x) + exp(-x) + y^2 <= 4")
    analysis = result.global_analysis
    assert (analysis.compact, analysis.maximum_reason) == (True, "compact")
    value = np.arccosh(np.sqrt(6) - 1) + np.sqrt(6 - 2 * np.sqrt(6))
    assert analysis.maximum is not None and analysis.minimum is not None
    assert analysis.maximum.value == pytest.approx(value, abs=1e-8)
    assert analysis.minimum.value == pytest.approx(-value, abs=1e-8)
    best, _ = scipy_oracle("x + y", ["exp(x) + exp(-x) + y^2 <= 4"], ["x", "y"], "max")
    assert best == pytest.approx(value, abs=1e-6)


def test_a_curve_into_the_pole_must_stay_in_the_set() -> None:
    """1/x on 0 ≤ x ≤ 1: x = 1/t is in the set and f = t → +∞; x = −1/t is not in it, so
    nothing is said about a lowest value (the extreme value theorem does not apply)."""
    result = solved("1/x", "0 <= x <= 1")
    analysis = result.global_analysis
    assert (analysis.maximum_status, analysis.maximum_reason) == ("unbounded", "pole")
    assert analysis.minimum_status == "unknown" and analysis.down is None
    said = " ".join(result.explain("en"))
    assert "Whether f has a lowest value on the set is not decided here (the extreme value " \
           "theorem does not apply)" in said


def test_a_pole_with_a_real_constant_in_the_constraints() -> None:
    """x² + 2/x on −1 ≤ x ≤ π: the same pole at 0 (π − 1/t > 0 for large t, exactly)."""
    analysis = solved("x^2 + 2/x", "-1 <= x <= pi").global_analysis
    assert (analysis.maximum_reason, analysis.minimum_reason) == ("pole", "pole")
    assert analysis.up is not None and analysis.up.unicode == "x = 1/t"
