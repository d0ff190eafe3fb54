"""Lagrange where ∇f or ∇g does not exist (issue 15): the kinks' points are candidates.

Values worked by hand:

* |x + 1| + |x − 1| on [−3, 2]: f = −2x for x ≤ −1, 2 on [−1, 1], 2x for x ≥ 1; the
  kinks −1, 1 give 2, the ends f(−3) = 6, f(2) = 4: max 6 at −3, min 2 on all of [−1, 1].
* √(4 − x²)/√(4 + x²) on [−2, 2]: f ≥ 0 with f = 0 only at ±2 (where f′ → ∓∞: the
  derivative does not exist); f² = (4 − x²)/(4 + x²) = 8/(4 + x²) − 1 is largest at 0:
  max 1 at 0, min 0 at ±2.
* x² + y² on the diamond |x| + |y| ≤ 1: x² + y² ≤ (|x| + |y|)² ≤ 1 with equality only where
  |x| + |y| = 1 and xy = 0: max 1 at (±1, 0), (0, ±1), the corners, where ∇g does not
  exist; min 0 at (0, 0), an interior critical point.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import nablab
from nablab.cli import main


def _run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), stdout=out, stderr=err) == 0, err.getvalue()
    return out.getvalue()


def _points(extreme: Any) -> list[tuple[float, ...]]:
    assert extreme is not None
    return sorted(tuple(round(v, 9) + 0.0 for v in p.values()) for p in extreme.points)


def test_absolute_values_on_an_interval() -> None:
    result = nablab.lagrange("|x+1| + |x-1|", ["x >= -3", "x <= 2"])
    assert result.complete
    assert result.maximum is not None and result.maximum.value_exact == "6"
    assert result.maximum.proven and _points(result.maximum) == [(-3.0,)]
    assert result.minimum is not None and result.minimum.value_exact == "2"
    assert result.minimum.proven and _points(result.minimum) == [(-1.0,), (1.0,)]
    kinks = {p.exact["x"]: p for p in result.singular_points if p.exact}
    assert set(kinks) == {"-1", "1"}
    assert all(p.reason == "nondifferentiable" and p.value_exact == "2" for p in kinks.values())
    assert kinks["-1"].locus == ("x + 1 = 0",) and kinks["1"].locus == ("x − 1 = 0",)
    assert {c.exact["x"]: c.value_exact for c in result.candidates if c.exact} == \
        {"-3": "6", "2": "4"}
    keys = [key for key, _ in result.notes]
    assert "lagrange.method.kink_points" in keys
    constant = [p for key, p in result.notes if key == "lagrange.method.constant_piece"]
    assert constant == [{"piece": "x + 1 ≥ 0, x − 1 ≤ 0", "value": "2"}]


def test_roots_at_the_ends_of_their_domain() -> None:
    result = nablab.lagrange("sqrt(4-x^2)/sqrt(4+x^2)", ["x >= -2", "x <= 2"])
    assert result.complete      # f′'s numerator −8x: solved exactly
    assert result.maximum is not None and result.maximum.value_exact == "1"
    assert result.maximum.proven and _points(result.maximum) == [(0.0,)]
    assert result.minimum is not None and result.minimum.value_exact == "0"
    assert result.minimum.proven and _points(result.minimum) == [(-2.0,), (2.0,)]
    (top,) = result.candidates
    assert top.exact == {"x": "0"} and top.multipliers_exact == ("0", "0")
    ends = [p for p in result.singular_points if p.reason == "nondifferentiable"]
    assert sorted(p.exact["x"] for p in ends if p.exact) == ["-2", "2"]
    assert all(p.kind == "minimum" for p in ends)


def test_the_diamond() -> None:
    result = nablab.lagrange("x^2 + y^2", "|x| + |y| <= 1")
    assert result.complete
    assert result.maximum is not None and result.maximum.value_exact == "1"
    assert result.maximum.proven
    assert _points(result.maximum) == [(-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, 0.0)]
    assert result.minimum is not None and result.minimum.value_exact == "0"
    assert _points(result.minimum) == [(0.0, 0.0)]
    corners = {tuple(p.exact.values()): p for p in result.singular_points if p.exact}
    assert set(corners) == {("-1", "0"), ("0", "-1"), ("0", "1"), ("1", "0")}
    assert all(p.reason == "nondifferentiable" and p.kind == "maximum"
               for p in corners.values())
    assert corners[("1", "0")].locus == ("y = 0",)
    (origin,) = [c for c in result.candidates if c.exact == {"x": "0", "y": "0"}]
    assert origin.kind == "minimum" and origin.multipliers == (0.0,)
    # on the edge x + y = 1, f = x² + y² is least at (1/2, 1/2): a KKT point, not an extremum
    edge = [c for c in result.candidates if c.exact == {"x": "1/2", "y": "1/2"}]
    assert edge and edge[0].kind == "neither" and edge[0].value_exact == "1/2"


def test_a_root_in_two_variables() -> None:
    """√(x² + y²) on x + y ≥ 1, x ≤ 3, y ≤ 3: the distance to the origin, least at the foot
    of the perpendicular (1/2, 1/2), √2/2, with λ = ∂f/∂k = √2/2 (the rate: moving the line
    out by Δk moves the foot by Δk/√2); largest at the far corner (3, 3), 3√2."""
    result = nablab.lagrange("sqrt(x^2+y^2)", ["x + y >= 1", "x <= 3", "y <= 3"])
    assert result.complete
    assert result.minimum is not None and result.minimum.value_exact == "sqrt(2)/2"
    assert result.minimum.proven and _points(result.minimum) == [(0.5, 0.5)]
    assert result.maximum is not None and result.maximum.value_exact == "3*sqrt(2)"
    assert result.maximum.proven and _points(result.maximum) == [(3.0, 3.0)]
    foot = next(c for c in result.candidates if c.exact == {"x": "1/2", "y": "1/2"})
    assert foot.multipliers_exact == ("sqrt(2)/2", "0", "0")


def test_json_is_additive() -> None:
    data = json.loads(_run("lagrange", "x^2 + y^2", "-c", "|x| + |y| <= 1", "--json"))
    corner = next(p for p in data["singular_points"] if p["exact"] == {"x": "1", "y": "0"})
    assert corner["reason"] == "nondifferentiable" and corner["locus"] == ["y = 0"]
    assert corner["kind"] == "maximum" and corner["extreme"] == "maximum"
    data = json.loads(_run("lagrange", "x^2 + y^2", "-c", "x^2 + y^2 = 1", "--json"))
    assert data["singular_points"] == []
    data = json.loads(_run("lagrange", "x + y", "-c", "x^3 = y^2", "-c", "x <= 1", "--json"))
    assert all(p["reason"] == "singular" and p["locus"] == [] and p["kind"] is None
               for p in data["singular_points"])


def test_explanation_in_english_and_korean() -> None:
    text = _run("lagrange", "|x+1| + |x-1|", "-c", "x >= -3", "-c", "x <= 2", "--lang", "en")
    assert "At −1, 1 the gradient of f or of a binding constraint does not exist " \
           "(x + 1 = 0, x − 1 = 0)" in text
    assert "On the piece x + 1 ≥ 0, x − 1 ≤ 0, f = 2 is constant" in text
    assert "∇f or ∇g does not exist; local minimum   ← lowest" in text
    assert "Highest value 6 at −3" in text and "Lowest value 2 at −1, 1" in text
    text = _run("lagrange", "|x+1| + |x-1|", "-c", "x >= -3", "-c", "x <= 2", "--lang", "ko")
    assert "−1, 1에서는 f나 등호로 성립하는 제약 조건의 기울기 벡터가 존재하지 않습니다" in text
    assert "조각 x + 1 ≥ 0, x − 1 ≤ 0에서 f = 2로 상수입니다" in text
    assert "∇f 또는 ∇g가 존재하지 않음; 극소" in text


@pytest.mark.parametrize(("f", "constraints", "top", "bottom"), [
    # max(x, y) on the unit disk: ≤ 1, = 1 at (1, 0) and (0, 1); ≥ (x + y)/2 ≥ −√2/2, with
    # equality at x = y = −√2/2, on the kink x = y
    ("max(x, y)", ["x^2 + y^2 <= 1"], 1.0, -0.7071067811865476),
    # relu(x) + y² on −1 ≤ x ≤ 2, −1 ≤ y ≤ 1: max 2 + 1 = 3 at (2, ±1), min 0 on x ≤ 0, y = 0
    ("relu(x) + y^2", ["x >= -1", "x <= 2", "y >= -1", "y <= 1"], 3.0, 0.0),
])
def test_more_kinks(f: str, constraints: list[str], top: float, bottom: float) -> None:
    result = nablab.lagrange(f, constraints)
    assert result.maximum is not None and result.maximum.value == pytest.approx(top)
    assert result.minimum is not None and result.minimum.value == pytest.approx(bottom)


def test_a_timeout_is_said_and_bounded() -> None:
    result = nablab.lagrange("|x-y| + x", "x^2 + y^2 <= 1", exact_timeout=0.01, check=False)
    assert not result.complete and result.fallback == "timeout"
    assert result.maximum is None or not result.maximum.proven


def test_f_constant_along_a_kink() -> None:
    """xy on |x| + |y| ≤ 2: on the axes (the kinks of the constraint) xy = 0 — a segment
    of equal values, not a continuum of unknown candidates; on the edge x + y = 2 of the
    first quadrant xy = x(2 − x) ≤ 1 at (1, 1): max 1 at (±1, ±1) with equal signs, min −1
    at (1, −1) and (−1, 1)."""
    result = nablab.lagrange("x*y", "|x| + |y| <= 2", check=False)
    assert result.complete
    assert result.maximum is not None and result.maximum.value_exact == "1"
    assert result.maximum.proven and _points(result.maximum) == [(-1.0, -1.0), (1.0, 1.0)]
    assert result.minimum is not None and result.minimum.value_exact == "-1"
    assert result.minimum.proven and _points(result.minimum) == [(-1.0, 1.0), (1.0, -1.0)]
