"""critical_points against independent oracles: brute-force grid search for the point set,
numpy.linalg.eigvalsh on SymPy's own Hessian, SymPy's gradient for |∇f| ≈ 0, sympy.solve
for exact forms."""

from __future__ import annotations

import json
import math
from functools import cache

import numpy as np
import pytest
import sympy

import nablab
from nablab.core.printing import to_str
from nablab.critical import critical_points
from nablab.errors import ParseError, UnsupportedError

HIMMELBLAU = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
BOX = 4.0

#: (formula, method): polynomials are solved exactly, the rest numerically.
CASES = [
    ("x^2 + y^2", "groebner"),
    ("x^3 - 3x + y^2", "groebner"),
    ("x^2 + 3xy + y^2", "groebner"),
    ("x^4 - 2x^2", "groebner"),
    ("(x^2 - 1)^2 + (y^2 - 2)^2 + z^2 - z^3/3", "groebner"),
    ("sin(x)*cos(y)", "newton"),
    ("x exp(-x^2 - y^2)", "newton"),
    ("cos(x) + x^2/10", "newton"),
]


@cache
def _result(text: str, box: float | None = BOX) -> nablab.CriticalPointsResult:
    return critical_points(text, None if box is None else (-box, box))


def _sympy(text: str) -> tuple[sympy.Expr, tuple[sympy.Symbol, ...]]:
    f = nablab.parse(text)
    return f.expr, f.variables


@pytest.mark.parametrize("text, method", CASES)
def test_point_set_matches_brute_force(text: str, method: str, oracle) -> None:
    result = _result(text)
    expr, variables = _sympy(text)
    expected = oracle(expr, variables, [(-BOX, BOX)] * len(variables))
    got = np.array([list(p.point.values()) for p in result.points])
    assert result.method == method
    assert got.shape == expected.shape
    # The same set: every oracle point has a nablab point within 1e-7, and vice versa.
    distance = np.max(np.abs(got[:, None, :] - expected[None, :, :]), axis=2)
    assert np.all(distance.min(axis=0) < 1e-7) and np.all(distance.min(axis=1) < 1e-7)


@pytest.mark.parametrize("text, method", CASES)
def test_gradient_vanishes_and_eigenvalues_match_eigvalsh(text: str, method: str) -> None:
    expr, variables = _sympy(text)
    gradient = [sympy.diff(expr, v) for v in variables]
    hessian = sympy.hessian(expr, variables)
    for p in _result(text).points:
        at = {v: sympy.Float(p.point[v.name], 30) for v in variables}
        assert max(abs(float(g.evalf(30, subs=at))) for g in gradient) < 1e-10
        matrix = np.array(hessian.evalf(30, subs=at).tolist(), dtype=float)
        oracle = np.linalg.eigvalsh(matrix)
        assert np.allclose(p.eigenvalues, oracle, atol=1e-9 * max(1, np.abs(oracle).max()))
        assert p.gradient_residual < 1e-10
        assert p.value == pytest.approx(float(expr.evalf(30, subs=at)), abs=1e-12)
        signs = {int(np.sign(v)) for v in oracle if abs(v) > 1e-8}
        expected = {frozenset({1}): "minimum", frozenset({-1}): "maximum",
                    frozenset({1, -1}): "saddle"}.get(frozenset(signs), "degenerate")
        if len(signs) == 2 or all(abs(v) > 1e-8 for v in oracle):
            assert p.kind == expected


def test_himmelblau_all_nine_exactly() -> None:
    result = _result(HIMMELBLAU, None)
    assert (result.complete, result.method, len(result.points)) == (True, "groebner", 9)
    kinds = [p.kind for p in result.points]
    assert (kinds.count("minimum"), kinds.count("saddle"), kinds.count("maximum")) == (4, 4, 1)
    assert [p.exact for p in result.points if p.exact] == [{"x": "3", "y": "2"}]
    minimum = result.global_analysis.minimum
    assert minimum is not None and minimum.value_exact == "0" and len(minimum.points) == 4
    expr, _ = _sympy(HIMMELBLAU)
    x, y = sympy.symbols("x y", real=True)
    oracle_ys = sorted(float(r) for r in sympy.Poly(sympy.resultant(
        sympy.diff(expr, x), sympy.diff(expr, y), x), y).sqf_part().real_roots())
    assert sorted(p.point["y"] for p in result.points) == pytest.approx(oracle_ys, abs=1e-12)


@pytest.mark.parametrize("text", ["x^4 - x^2", "x^3 - 3x + y^2", "x^2 y - x + y^2/2",
                                  "x^4 - 4x^2 + y^2 - 2y"])
def test_exact_forms_match_sympy_solve(text: str) -> None:
    expr, variables = _sympy(text)
    solutions = sympy.solve([sympy.diff(expr, v) for v in variables], variables, dict=True)
    oracle = {tuple(to_str(sympy.radsimp(s[v])) for v in variables) for s in solutions
              if all(s[v].is_real for v in variables)}
    result = _result(text, None)
    assert {tuple(p.exact[v.name] for v in variables) for p in result.points} == oracle
    for p in result.points:
        at = {v: sympy.Float(p.point[v.name], 30) for v in variables}
        assert p.value == pytest.approx(float(expr.evalf(30, subs=at)), abs=1e-14)


def test_short_exact_forms_and_values() -> None:
    result = _result("x^4 - x^2", None)
    assert [p.exact for p in result.points] == [{"x": "-sqrt(2)/2"}, {"x": "0"},
                                                {"x": "sqrt(2)/2"}]
    assert [p.value_exact for p in result.points] == ["-1/4", "0", "-1/4"]
    assert [p.unicode for p in result.points] == ["−√2/2", "0", "√2/2"]


def test_json_shape_is_the_issues() -> None:
    data = json.loads(json.dumps(_result("x^3 - 3x + y^2", None).to_dict("en"),
                                 allow_nan=False))
    assert {"points", "complete", "method"} <= data.keys()
    assert isinstance(data["complete"], bool) and isinstance(data["method"], str)
    for point in data["points"]:
        assert {"point", "exact", "value", "kind", "eigenvalues"} <= point.keys()
        assert set(point["point"]) == {"x", "y"}
        assert all(isinstance(v, float) for v in point["point"].values())
        assert point["exact"] is None or all(isinstance(v, str) for v in point["exact"].values())
        assert point["kind"] in {"minimum", "maximum", "saddle", "degenerate"}
        assert all(isinstance(v, float) for v in point["eigenvalues"])
    assert [p["exact"] for p in data["points"]] == [{"x": "-1", "y": "0"}, {"x": "1", "y": "0"}]


def test_domain_filters_exact_points_and_counts_the_rest() -> None:
    result = critical_points("x^4 - 2x^2", "0.5:2")
    assert [p.exact for p in result.points] == [{"x": "1"}]
    assert result.complete and result.outside_domain == 2


def test_periodic_function_all_points_inside_the_domain() -> None:
    result = critical_points("sin(x)", "-10:10")
    oracle = [(k + 0.5) * math.pi for k in range(-5, 5) if abs((k + 0.5) * math.pi) <= 10]
    assert [p.point["x"] for p in result.points] == pytest.approx(oracle, abs=1e-12)
    assert (result.complete, result.fallback, result.periods) == (False, "not_polynomial",
                                                                  {"x": "2π"})
    assert [p.kind for p in result.points] == [
        "minimum" if -math.sin(a) > 0 else "maximum" for a in oracle]


def test_one_variable_second_derivative_test() -> None:
    result = _result("x^3 - 3x", None)
    assert [(p.exact, p.kind, p.eigenvalues) for p in result.points] == [
        ({"x": "-1"}, "maximum", (-6.0,)), ({"x": "1"}, "minimum", (6.0,))]


def test_timeout_falls_back_and_says_so() -> None:
    result = critical_points(HIMMELBLAU, exact_timeout=1e-4)
    assert (result.method, result.fallback, result.complete) == ("newton", "timeout", False)
    assert len(result.points) == 9
    assert any(key == "critical.fallback.timeout" for key, _ in result.notes)


def test_infinitely_many_critical_points() -> None:
    result = critical_points("(x - y)^2", "-1:1")
    assert (result.infinite, result.complete, result.fallback) == (True, False, "infinite")
    assert result.solution_set == ("x - y",)
    assert result.points and all(abs(p.point["x"] - p.point["y"]) < 1e-9
                                 for p in result.points)


def test_no_critical_points() -> None:
    result = _result("x + y", None)
    assert result.points == () and result.complete
    assert result.global_analysis.bounded_below is False


def test_never_nan() -> None:
    for text in ("sqrt(x) + y^2", "ln(x) - x", "1/x + x"):
        data = critical_points(text, "-3:3").to_dict()
        json.dumps(data, allow_nan=False)
    ln = critical_points("ln(x) - x", "-3:3")
    assert [p.point["x"] for p in ln.points] == pytest.approx([1.0], abs=1e-12)


@pytest.mark.parametrize("text, kwargs, error", [
    ("(x, y)", {}, UnsupportedError),
    ("x^2 + y^2", {"domain": "1:0"}, ParseError),
    ("sign(x) + y^2", {}, UnsupportedError),        # a jump: kinks are accepted (issue 15)
    ("heaviside(x) + y^2", {}, UnsupportedError),
])
def test_bad_requests(text: str, kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        critical_points(text, **kwargs)


def test_parameters_must_be_bound() -> None:
    with pytest.raises(UnsupportedError) as info:
        critical_points(nablab.parse("a x^2", variables="x"))
    assert info.value.kind == "unbound_parameters"


def test_exported_from_nablab() -> None:
    assert nablab.critical_points is critical_points
    assert "critical_points" in nablab.__all__
