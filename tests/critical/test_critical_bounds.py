"""Global statements decided by a proven bound (issue 15): sums of squares, term-by-term
bounds, convex quadratics, and infinite critical sets presented as a set first.

Every value below was worked by hand; each claimed extremum is also checked against f
sampled on a large random set (independent of nablab's provers)."""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import pytest
import sympy

import nablab
from nablab.critical import critical_points
from nablab.critical.bounds import lower_bound, upper_bound, value_range

x, y = sympy.symbols("x y", real=True)

ROSENBROCK = "(1-x)^2 + 100(y-x^2)^2"
BEALE = "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2"


@cache
def _result(text: str) -> nablab.CriticalPointsResult:
    return critical_points(text)


def _values(text: str, points: np.ndarray) -> np.ndarray:
    f = nablab.parse(text)
    return np.asarray(sympy.lambdify(f.variables, f.expr, "numpy")(*points), dtype=float)


# -- the prover on its own ------------------------------------------------------------------

@pytest.mark.parametrize("expr, low, reason", [
    ((1 - x) ** 2 + 100 * (y - x ** 2) ** 2, 0, "sum_of_squares"),
    (x ** 2 * y ** 2, 0, "sum_of_squares"),
    (sympy.sqrt(x ** 2 + y ** 2) + 1, 1, "nonnegative"),
    (sympy.exp(x ** 4) + sympy.Abs(y) - 3, -2, "nonnegative"),
    (sympy.sin(x) + y ** 2, -1, "nonnegative"),
    (x ** 2 - 2 * x * y + y ** 2, 0, "convex"),   # not term by term: −2xy
    (x ** 2 + y ** 2 - 2 * x - 2 * y, -2, "convex"),         # (x − 1)² + (y − 1)² − 2
])
def test_lower_bounds_are_the_hand_worked_ones(expr: sympy.Expr, low: int, reason: str) -> None:
    poly = sympy.Poly(expr, x, y) if expr.is_polynomial(x, y) else None
    bound = lower_bound(expr, poly)
    assert bound is not None and bound.side == 1
    assert sympy.simplify(bound.value - low) == 0
    assert bound.reason == reason
    # the certificate is f − c, as an identity
    assert sympy.expand(bound.certificate - (expr - bound.value)) == 0


def test_convexity_writes_the_quadratic_form_as_squares() -> None:
    bound = lower_bound(x ** 2 - 2 * x * y + y ** 2, sympy.Poly(x ** 2 - 2 * x * y + y ** 2))
    assert bound is not None and bound.reason == "convex"
    assert sympy.expand(bound.certificate - (x - y) ** 2) == 0


def test_upper_bound_of_nine_minus_a_square() -> None:
    bound = upper_bound(9 - x ** 4 * y ** 4)
    assert bound is not None and (bound.value, bound.side, bound.reason) == (9, -1,
                                                                             "sum_of_squares")


@pytest.mark.parametrize("expr", [x ** 3 + y ** 2, x * y, sympy.log(x ** 2 + 1) - x,
                                  x ** 2 - y ** 2])
def test_no_bound_where_there_is_none(expr: sympy.Expr) -> None:
    poly = sympy.Poly(expr, x, y) if expr.is_polynomial(x, y) else None
    assert lower_bound(expr, poly) is None


def test_ranges_of_bounded_functions() -> None:
    assert value_range(sympy.sin(x) * 3 + 1) == (-2, 4)
    assert value_range(1 / (x ** 2 + 1)) == (0, 1)
    assert value_range(x ** 3) == (None, None)


# -- textbook problems: the global extremum, its reason, and no wrong claim -------------------

@pytest.mark.parametrize("text, value, points, reason", [
    (ROSENBROCK, 0, {(1.0, 1.0)}, "sum_of_squares"),
    (BEALE, 0, {(3.0, 0.5)}, "sum_of_squares"),
    ("x^4 + y^4", 0, {(0.0, 0.0)}, None),
    ("x^2 y^2", 0, None, "sum_of_squares"),
    ("(x - y)^2", 0, None, "sum_of_squares"),
])
def test_global_minimum_decided(text: str, value: int, points: set[tuple[float, ...]] | None,
                                reason: str | None) -> None:
    analysis = _result(text).global_analysis
    minimum = analysis.minimum
    assert minimum is not None and minimum.value == value and minimum.value_exact == "0"
    if reason is not None:
        assert minimum.reason == reason and minimum.certificate
    if points is not None:
        assert {tuple(p.values()) for p in minimum.points} == points
    # unbounded above, along a line: no global maximum claimed
    assert analysis.maximum is None and analysis.bounded_above is False
    assert analysis.above is not None
    samples = np.random.default_rng(3).uniform(-5, 5, size=(2, 100_000))
    assert _values(text, samples).min() >= value - 1e-9


def test_rosenbrock_value_at_the_minimiser_is_exactly_zero() -> None:
    result = _result(ROSENBROCK)
    (point,) = result.points
    assert point.exact == {"x": "1", "y": "1"} and point.value_exact == "0"
    minimum = result.global_analysis.minimum
    assert minimum is not None and minimum.certificate is not None
    assert "(y − x²)²" in minimum.certificate and "(1 − x)²" in minimum.certificate
    assert result.global_analysis.above is not None   # along (t, 0): 100t⁴ + … → +∞


def test_beale_saddles_are_not_claimed() -> None:
    result = _result(BEALE)
    kinds = sorted(p.kind for p in result.points)
    assert kinds == ["minimum", "saddle", "saddle"]
    assert result.global_analysis.minimum.points == ({"x": 3.0, "y": 0.5},)


def test_nine_minus_x4y4_has_global_maximum_nine() -> None:
    result = _result("9 - x^4 y^4")
    analysis = result.global_analysis
    assert analysis.maximum is not None and analysis.maximum.value == 9
    assert analysis.maximum.reason == "sum_of_squares"
    assert analysis.minimum is None and analysis.bounded_below is False
    for p in result.points:   # degenerate, settled by the bound, not "inconclusive"
        assert p.kind == "degenerate" and p.test is not None
        assert (p.test.result, p.test.proof) == ("maximum", True)
        assert p.test.method in ("global_bound", "even_powers")


@pytest.mark.parametrize("text", ["x^2 y^2", "(x - y)^2"])
def test_degenerate_points_are_settled(text: str) -> None:
    for p in _result(text).points:
        assert p.test is not None and p.test.result == "minimum" and p.test.proof


# -- infinitely many critical points, as a set ------------------------------------------------

@pytest.mark.parametrize("text, shape, components, extremum, value", [
    ("(x - y)^2", "line", ("x = y",), "minimum", "0"),
    ("x^2 y^2", "axes", ("x = 0", "y = 0"), "minimum", "0"),
    ("9 - x^4 y^4", "axes", ("x = 0", "y = 0"), "maximum", "9"),
    ("x^3 y^3", "axes", ("x = 0", "y = 0"), None, "0"),
    ("(x - y)^2 + z^2", "line", ("x = y", "z = 0"), "minimum", "0"),
    ("(x + y + z)^2", "plane", ("x = −y − z",), "minimum", "0"),
    ("x^2 y^2 z^2", "planes", ("x = 0", "y = 0", "z = 0"), "minimum", "0"),
    ("(y - x^2)^2", "curve", ("y = x²",), "minimum", "0"),
    ("(x y - z)^2 + 1", "surface", ("z = xy",), "minimum", "1"),
    ("(y - x^2)^2 (y + x^2)^2", "curves", ("y = x²", "y = −x²"), "minimum", "0"),
])
def test_the_critical_set_comes_first(text: str, shape: str, components: tuple[str, ...],
                                      extremum: str | None, value: str) -> None:
    result = _result(text)
    found = result.critical_set
    assert found is not None
    assert (found.shape, found.components, found.extremum, found.value_exact) == (
        shape, components, extremum, value)
    assert result.notes[0][0] == f"critical.set.{shape}"
    assert result.notes[1][0] == "critical.set.value" + (f"_{extremum}" if extremum else "")
    assert 0 < len(result.points) <= 3 and all(p.on_set for p in result.points)
    assert result.method == "groebner" and result.starts == 0   # exact points, no search
    for p in result.points:   # every sample is on the set, exactly
        assert p.value_exact == value


def test_the_critical_set_reads_in_both_languages() -> None:
    result = _result("(x-y)^2")
    english, korean = result.explain("en"), result.explain("ko")
    assert english[0].startswith("∇f = 0 on the whole line x = y")
    assert english[1] == "f = 0 at every one of them: its global minimum (proof below)."
    assert "직선 x = y" in korean[0] and "전역 최솟값" in korean[1]
    axes = _result("x^2 y^2").explain("en")[0]
    assert "axes x = 0 and y = 0" in axes
    assert "좌표축 x = 0과 y = 0" in _result("x^2 y^2").explain("ko")[0]


def test_the_critical_set_in_json_is_additive() -> None:
    data = json.loads(json.dumps(_result("x^2 y^2").to_dict("en")))
    assert data["critical_set"] == {
        "equations": ["x**2*y", "x*y**2"], "components": ["x = 0", "y = 0"],
        "set": "{(x, y) : xy = 0}", "shape": "axes", "value": 0.0, "value_exact": "0",
        "extremum": "minimum"}
    assert data["global"]["minimum"]["reason"] == "sum_of_squares"
    assert data["global"]["minimum"]["certificate"] == "x²y²"
    assert data["global"]["minimum"]["set"] == "{(x, y) : xy = 0}"
    assert _result("x^4 + y^4").to_dict("en")["global"]["minimum"]["set"] is None
    assert data["infinite"] is True and data["complete"] is False
    assert "solution_set" in data and data["points"][0]["on_set"] is True
    assert _result("x^2 + y^2").to_dict("en")["critical_set"] is None


def test_a_set_without_real_lines_claims_no_infinity() -> None:
    # ∇(x² + y²)² = 0 is the complex cone x² + y² = 0: only (0, 0) is real.
    found = _result("(x^2 + y^2)^2").critical_set
    if found is not None:
        assert found.shape == "set"
        assert "infinitely" not in _result("(x^2 + y^2)^2").explain("en")[0]


# -- non-polynomial f: bounds reached at numeric points, rays to ±∞ ---------------------------

def test_exp_of_even_powers_has_its_minimum_and_no_maximum() -> None:
    analysis = _result("exp(x^4 + y^4)").global_analysis
    assert analysis.minimum is not None and analysis.minimum.value == 1
    assert analysis.minimum.reason == "nonnegative"
    assert analysis.minimum.points == ({"x": 0.0, "y": 0.0},)
    assert analysis.bounded_above is False and analysis.above is not None
    assert analysis.above.restriction == "exp(t**4)" and analysis.reason is None


@pytest.mark.parametrize("text, below, above", [
    ("sqrt(x^2+y^2) + 1", None, "t + 1"),
    ("log(x^2+1) - y^2", "-t**2", "log(t**2 + 1)"),
    ("sin(x) + y^2", None, "t**2"),
])
def test_rays_to_infinity_of_non_polynomials(text: str, below: str | None,
                                             above: str | None) -> None:
    analysis = _result(text).global_analysis
    for line, expected, sign in ((analysis.below, below, -1), (analysis.above, above, 1)):
        if expected is None:
            assert line is None
            continue
        assert line is not None and line.restriction == expected
        far = np.array(line.direction, dtype=float)[:, None] * np.array([[1e3, 1e6]])
        values = _values(text, far)
        assert sign * values[1] > sign * values[0] > 0   # independent: f far along it
    assert analysis.bounded_above is (False if above else analysis.bounded_above)


def test_no_ray_where_f_is_not_real_along_it() -> None:
    # log(x) along (−t, 0) is not real: only the ray (t, 0), where ln t → +∞, counts.
    analysis = critical_points("log(x) - x + y^2", "0.1:5,-5:5").global_analysis
    assert analysis.below is None or analysis.below.direction[0] >= 0


# -- coercivity from the squares (each bounds one variable in turn) ---------------------------

def test_rosenbrock_is_coercive_by_its_squares() -> None:
    analysis = _result(ROSENBROCK).global_analysis
    assert analysis.coercive and analysis.squares_chain is not None
    assert analysis.to_dict()["coercive_by"] == "squares"
    assert analysis.minimum is not None and analysis.minimum.reason == "sum_of_squares"
    keys = [k for k, _ in _result(ROSENBROCK).notes]
    assert "critical.global.coercive_squares" in keys


def test_beale_is_not_claimed_coercive() -> None:
    # Along y = 1, f = 1.5² + 2.25² + 2.625² for every x: not coercive.
    analysis = _result(BEALE).global_analysis
    assert not analysis.coercive and analysis.squares_chain is None


def test_coercive_squares_decide_a_minimum_the_bound_does_not_reach() -> None:
    # f ≥ 0 is not reached ((x − 1)² = 0 and y = x² force xy = 1), but the squares bound
    # x, then y: f is coercive, and the lowest of all (exact) critical points is the minimum.
    text = "(x-1)^2 + (y-x^2)^2 + (x y)^2"
    result = _result(text)
    minimum = result.global_analysis.minimum
    assert minimum is not None and minimum.reason == "coercive"
    assert result.complete
    lowest = min(p.value for p in result.points)
    assert minimum.value == lowest
    samples = np.random.default_rng(5).uniform(-4, 4, size=(2, 200_000))
    assert _values(text, samples).min() >= lowest - 1e-9
    assert ("critical.global.minimum_coercive_squares"
            in [k for k, _ in result.notes])


# -- where a term-by-term bound is reached, even where ∇f does not exist ---------------------

@pytest.mark.parametrize("expr, points", [
    (sympy.sqrt(x ** 2 + y ** 2) + 1, ((0, 0),)),
    (sympy.exp((x - 1) ** 2 + (y + 2) ** 4), ((1, -2),)),
    (sympy.sqrt((x - 3) ** 2 + 1) + sympy.Abs(y), ((3, 0),)),
    (sympy.sqrt((x - 1) ** 2 + y ** 2) + sympy.Abs(y - 2), ()),   # y = 0 and y = 2: never
    (x ** 2 * y ** 2 + sympy.sqrt(x ** 2 + 1), ()),               # the whole line x = 0
])
def test_where_the_bound_is_reached(expr: sympy.Expr, points: tuple[tuple[int, ...], ...]
                                    ) -> None:
    from nablab.critical.equality import where_reached
    assert where_reached(expr, (x, y)) == points


def test_the_cone_has_its_global_minimum_at_its_tip() -> None:
    # √(x² + y²) + 1 ≥ 1, with equality only at (0, 0), where ∇f does not exist.
    result = _result("sqrt(x^2+y^2) + 1")
    analysis = result.global_analysis
    assert analysis.minimum is not None and analysis.minimum.value == 1
    assert analysis.minimum.points == ({"x": 0.0, "y": 0.0},)
    assert analysis.minimum.reason == "nonnegative"
    assert analysis.maximum is None and analysis.bounded_above is False
    keys = [k for k, _ in result.notes]
    # the tip is a candidate where ∇f does not exist, listed: no "not among the points" note
    assert [(p.point, p.differentiable) for p in result.points] == [({"x": 0.0, "y": 0.0},
                                                                     False)]
    assert "critical.global.minimum_not_critical" not in keys
    assert "critical.explain.no_points" not in keys


def test_the_plain_points_of_the_axes_are_exact() -> None:
    result = _result("x^2 y^2")
    assert [p.exact for p in result.points] == [{"x": "0", "y": "0"}, {"x": "0", "y": "1"},
                                                {"x": "1", "y": "0"}]
    assert [p.eigenvalues for p in result.points] == [(0.0, 0.0), (0.0, 2.0), (0.0, 2.0)]
    keys = [k for k, _ in result.notes]
    assert "critical.method.set" in keys and "critical.method.newton" not in keys


def test_a_domain_keeps_only_the_set_points_inside() -> None:
    result = critical_points("(x - y)^2", "0:2")
    assert [p.exact for p in result.points] == [{"x": "0", "y": "0"}, {"x": "1", "y": "1"}]


def test_the_plot_marks_proven_degenerate_points_by_what_was_proven() -> None:
    from nablab.plot.critical import marks_of
    assert {kind for _, kind in marks_of(_result("x^2 y^2"))} == {"minimum"}
    assert {kind for _, kind in marks_of(_result("9 - x^4 y^4"))} == {"maximum"}
    assert {kind for _, kind in marks_of(_result("x^3 y^3"))} == {"degenerate"}


def test_the_circle_of_minima_and_the_centre_off_it() -> None:
    # (x² + y² − 1)²: ∇f = 4(x² + y² − 1)(x, y) = 0 on the circle and at (0, 0).
    result = _result("(x^2+y^2-1)^2")
    found = result.critical_set
    assert found is not None and (found.shape, found.components, found.extremum) == (
        "curve", ("x² + y² = 1",), "minimum")
    on = [p for p in result.points if p.on_set]
    off = [p for p in result.points if not p.on_set]
    assert len(on) == 3 and all(p.value_exact == "0" for p in on)
    assert [(p.exact, p.kind, p.value_exact) for p in off] == [
        ({"x": "0", "y": "0"}, "maximum", "1")]
    assert result.global_analysis.minimum is not None
    assert result.global_analysis.minimum.value == 0
    assert result.global_analysis.maximum is None and result.global_analysis.bounded_above is False
    keys = [k for k, _ in result.notes]
    assert keys[:3] == ["critical.set.curve", "critical.set.value_minimum",
                        "critical.set.isolated"]


def test_a_real_point_alone_is_not_a_curve() -> None:
    # x² + y² = 0 has the single real point (0, 0): never "infinitely many".
    from nablab.critical.critical_set import _regular_points
    x_, y_ = sympy.symbols("x y")
    assert _regular_points(x_ ** 2 + y_ ** 2, (x_, y_)) == []
    assert set(_regular_points(x_ ** 2 + y_ ** 2 - 1, (x_, y_))) >= {(-1, 0), (1, 0)}
