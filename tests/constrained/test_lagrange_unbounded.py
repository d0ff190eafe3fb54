"""Unbounded constraint sets: an extreme exists because f is coercive ON the set (its
highest-degree part has a sign on the set's recession cone), or provably does not exist
along a ray or a branch of the set going to infinity. Values worked by hand, checked
against SciPy (trust-constr from many starts) and against points of the set built
independently (a root of the equation found by bisection)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
import sympy
from scipy.optimize import brentq

import nablab
from nablab.constrained import LagrangeResult
from nablab.constrained.cones import sign_on_cone

from .conftest import Best

QUADRANT_F = "-3x^2 - 4xy - y^2 - 12y + 16x"


@cache
def solved(f: str, *constraints: str) -> LagrangeResult:
    return nablab.lagrange(f, list(constraints), check=False)


def test_on_the_quadrant_the_maximum_exists_and_there_is_no_minimum(
        scipy_oracle: Best) -> None:
    """By hand: ∇f = (16 − 6x − 4y, −4x − 2y − 12) = 0 only at (−20, 34), outside. On y = 0,
    f = 16x − 3x² is largest at x = 8/3: 64/3. On x = 0, f = −y² − 12y ≤ 0. The top form
    −3x² − 4xy − y² ≤ −(3x² + y²) < 0 on the quadrant minus 0, so f → −∞ far out on it:
    max 64/3 at (8/3, 0); f(t, 0) = 16t − 3t² → −∞: no minimum."""
    result = solved(QUADRANT_F, "x >= 0", "y >= 0")
    analysis = result.global_analysis
    assert (analysis.maximum_status, analysis.maximum_reason) == ("attained", "coercive_cone")
    assert analysis.maximum is not None and analysis.maximum.proven
    assert analysis.maximum.value_exact == "64/3"
    assert analysis.maximum.points == ({"x": pytest.approx(8 / 3), "y": 0.0},)
    best, _ = scipy_oracle(QUADRANT_F, ["x >= 0", "y >= 0"], ["x", "y"], "max")
    assert best == pytest.approx(64 / 3, abs=1e-6)
    assert (analysis.minimum_status, analysis.minimum_reason) == ("unbounded", "curve")
    assert analysis.down is not None and analysis.down.kind == "ray"
    assert analysis.down.restriction == "−3t² + 16t"
    assert analysis.cone_rays == ("(0, 1)", "(1, 0)")
    data = result.to_dict()["global"]
    assert data["maximum_reason"] == "coercive_cone" and data["recession_cone"] == [
        "(0, 1)", "(1, 0)"]
    assert data["unbounded_below_along"]["kind"] == "ray"
    said = " ".join(result.explain("en"))
    assert "negative at every non-zero point of that cone" in said
    assert "the set contains the ray x = t, y = 0" in said
    said_ko = " ".join(result.explain("ko"))
    assert "뿔" in said_ko and "반직선" in said_ko


def test_a_top_form_that_vanishes_on_the_cone_claims_nothing() -> None:
    """−x² + y on x, y ≥ 0: the top form −x² is 0 along (0, 1), where f = t → +∞."""
    analysis = solved("-x^2 + y", "x >= 0", "y >= 0").global_analysis
    assert analysis.maximum_status == "unbounded" and analysis.up is not None
    assert analysis.maximum_reason == "curve"


def test_the_sign_of_a_form_on_a_cone() -> None:
    x, y, z = sympy.symbols("x y z", real=True)
    e1, e2, e3 = (sympy.Matrix(v) for v in ((1, 0), (0, 1), (1, 1)))
    assert sign_on_cone(-3 * x**2 - 4 * x * y - y**2, [x, y], [e1, e2]) == "negative"
    # mixed signs, but s² − s + 1 has no real root: positive on the quadrant
    assert sign_on_cone(x**2 - x * y + y**2, [x, y], [e1, e2]) == "positive"
    # x² − 3xy + y² is −1 at (1, 1), inside the quadrant
    assert sign_on_cone(x**2 - 3 * x * y + y**2, [x, y], [e1, e2]) is None
    # on the cone between (1, 0) and (1, 1): x² − y² vanishes on the edge (1, 1), so
    # nothing is claimed; 2x² − y², indefinite on ℝ², is positive on that cone
    assert sign_on_cone(x**2 - y**2, [x, y], [e1, e3]) is None
    assert sign_on_cone(2 * x**2 - y**2, [x, y], [e1, e3]) == "positive"
    assert sign_on_cone(x * y, [x, y], [e1, e2]) is None
    rays = [sympy.Matrix(v) for v in ((1, 0, 0), (0, 1, 0), (0, 0, 1))]
    assert sign_on_cone(-(x**2) - y**2 - z**2 - x * y, [x, y, z], rays) == "negative"


def test_x2_plus_y2_on_the_hyperbola() -> None:
    """x² + y² ≥ 2|xy| = 2 on xy = 1, with equality at (±1, ±1) on the set: (1, 1),
    (−1, −1); along (1/t, t) it grows like t²: no maximum."""
    analysis = solved("x^2 + y^2", "xy = 1").global_analysis
    assert (analysis.minimum_status, analysis.minimum_reason) == ("attained", "coercive")
    assert analysis.minimum is not None and analysis.minimum.value == 2
    assert sorted(tuple(p.values()) for p in analysis.minimum.points) == [(-1, -1), (1, 1)]
    assert analysis.maximum_status == "unbounded"


def test_x_plus_y_on_the_hyperbola_has_neither() -> None:
    """(1/t, t) and (−1/t, −t) lie on xy = 1, with x + y → +∞ and −∞."""
    analysis = solved("x + y", "xy = 1").global_analysis
    assert (analysis.maximum_status, analysis.minimum_status) == ("unbounded", "unbounded")
    assert analysis.up is not None and analysis.down is not None


def _on_branch(t: float, sign: int) -> tuple[float, float]:
    """A point (x, y) = (t − s, t + s)·sign of x³ − y³ = 1, by bisection in s ∈ [−1, 1]."""
    def g(s: float) -> float:
        x, y = sign * (t - s), sign * (t + s)
        return x**3 - y**3 - 1
    s = brentq(g, -1, 1, xtol=1e-15)
    return sign * (t - s), sign * (t + s)


def test_x_plus_y_on_a_cubic_curve_has_neither() -> None:
    """x³ − y³ = (x − y)(x² + xy + y²) = 1: far out x − y → 0, the curve hugs x = y, and
    x + y takes every large value of either sign. With x = t − s, y = t + s:
    g = −2s(3t² + s²) − 1 is −6t² − 3 < 0 at s = 1 and 6t² + 1 > 0 at s = −1, so a root
    s(t) ∈ (−1, 1) exists for every t, and there x + y = 2t."""
    result = solved("x + y", "x^3 - y^3 = 1")
    analysis = result.global_analysis
    assert (analysis.maximum_status, analysis.minimum_status) == ("unbounded", "unbounded")
    assert (analysis.maximum_reason, analysis.minimum_reason) == ("curve", "curve")
    up, down = analysis.up, analysis.down
    assert up is not None and down is not None
    assert (up.kind, up.strip, up.restriction) == ("branch", "|s| < 1", "2t")
    assert (down.kind, down.restriction) == ("branch", "−2t")
    for t in (10.0, 100.0, 1000.0):
        for sign in (1, -1):
            x, y = _on_branch(t, sign)
            assert x**3 - y**3 == pytest.approx(1, abs=1e-5)
            assert x + y == pytest.approx(2 * sign * t)
    said = " ".join(result.explain("en"))
    assert "intermediate value theorem" in said and "x = −s + t, y = s + t" in said
    assert "중간값 정리" in " ".join(result.explain("ko"))


def test_the_branch_of_a_cubic_curve_with_a_coercive_function() -> None:
    """x² + y² on x³ − y³ = 1: positive definite, so the minimum exists; along the branch
    (t − s, t + s) it is 2t² + 2s² → +∞: no maximum."""
    analysis = solved("x^2 + y^2", "x^3 - y^3 = 1").global_analysis
    assert analysis.minimum_reason == "coercive"
    assert analysis.maximum_status == "unbounded" and analysis.up is not None
    assert analysis.up.kind == "branch" and analysis.up.leading == "2t²"


def test_the_paraboloid_existence() -> None:
    """(x + 2y − z)² on z = x² + y² + 10: with z eliminated f = (x² + y² + 10 − x − 2y)²,
    whose top form (x² + y²)² is positive definite: the minimum exists (by hand
    x + 2y − z = −(x − 1/2)² − (y − 1)² − 35/4, so min (35/4)² = 1225/16 at (1/2, 1, 45/4));
    along (t, 0, t² + 10), f = (t² − t + 10)² → +∞: no maximum."""
    analysis = solved("(x + 2y - z)^2", "z = x^2 + y^2 + 10").global_analysis
    assert analysis.minimum_reason == "coercive" and analysis.top == "x⁴ + 2x²y² + y⁴"
    assert analysis.maximum_status == "unbounded" and analysis.up is not None
    assert analysis.up.parametrisation == {"x": "t", "y": "0", "z": "t² + 10"}
    f = sympy.lambdify(sympy.symbols("x y z"), (sympy.Symbol("x") + 2 * sympy.Symbol("y")
                                                 - sympy.Symbol("z")) ** 2)
    t = np.array([1e2, 1e3])
    assert np.all(np.diff(f(t, 0 * t, t**2 + 10)) > 0)


def test_three_variables_on_the_octant(scipy_oracle: Best) -> None:
    """x + y + z − x² − y² − z² − 4xy on x, y, z ≥ 0: the top form is indefinite on ℝ³
    (2 at (1, −1, 0)) but ≤ −(x² + y² + z²) on the octant. By hand: z = 1/2 always;
    in (x, y) the only critical point (1/6, 1/6) is a saddle with f-part 1/6, while the
    edges give x − x² ≤ 1/4: max 1/4 + 1/4 = 1/2 at (1/2, 0, 1/2) and (0, 1/2, 1/2)."""
    f = "x + y + z - x^2 - y^2 - z^2 - 4xy"
    analysis = solved(f, "x >= 0", "y >= 0", "z >= 0").global_analysis
    assert (analysis.maximum_status, analysis.maximum_reason) == ("attained", "coercive_cone")
    assert analysis.maximum is not None and analysis.maximum.value_exact == "1/2"
    assert sorted(tuple(p.values()) for p in analysis.maximum.points) == [
        (0, 0.5, 0.5), (0.5, 0, 0.5)]
    best, _ = scipy_oracle(f, ["x >= 0", "y >= 0", "z >= 0"], ["x", "y", "z"], "max")
    assert best == pytest.approx(0.5, abs=1e-6)
    assert analysis.minimum_status == "unbounded"


def test_a_branch_must_satisfy_the_inequalities() -> None:
    """x + y on x³ − y³ = 1 with x ≥ 0: the branch towards (+∞, +∞) stays (x = t − s ≥ 0
    for large t), the one towards (−∞, −∞) leaves the set, so only the maximum is missing
    (the minimum, −1 at (0, −1) since x + ∛(x³ − 1) increases, is not claimed here)."""
    analysis = solved("x + y", "x^3 - y^3 = 1", "x >= 0").global_analysis
    assert analysis.maximum_status == "unbounded" and analysis.up is not None
    assert analysis.up.kind == "branch"
    assert analysis.down is None and analysis.minimum_status != "unbounded"
