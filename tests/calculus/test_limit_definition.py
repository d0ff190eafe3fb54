"""The derivative from the limit definition: the notes' examples, every line an equality.

Each line either keeps the value of the quotient (checked at random x and Δx) or takes the
limit Δx → 0 (its limit equals ``sympy.limit`` of the line before); the last line has no Δx
left and equals ``sympy.diff``.
"""

from __future__ import annotations

import math
import random
from types import SimpleNamespace
from typing import Any

import pytest
import sympy
from sympy import cos, exp, log, sin, sqrt

from nablab import derivative_by_limit
from nablab.calculus.limit import LimitDerivation
from nablab.calculus.notation import increment
from nablab.calculus.quotient_table import STEPS

x, y, w, b = sympy.symbols("x y w b", real=True)
h = increment(x)

CASES = [
    "5x + 1", "x^2 - x", "x^3 - 2x + 7", "(2 - x)^2", "1/x", "1/(x^2 + 1)", "(x + 1)/(x - 1)",
    "x/(x^2 + 4)", "sqrt(x)", "sqrt(2x + 3)", "3 sqrt(x^2 + 1)", "cbrt(x)", "e^x",
    "1 + e^{-x}", "3 e^{2x - 1}", "2^x", "ln(x)", "5 ln(3x + 2)", "sin x", "cos x",
    "3 sin(2x + 1)", "x^2 + sin x", "sqrt(x) + 1/x + e^x", "x e^x", "tan x", "7",
]


def derive(text: str, var: str | None = None) -> LimitDerivation:
    return derivative_by_limit(text, var)


def test_five_x_plus_one_as_in_the_notes() -> None:
    d = derive("5x + 1")
    assert d.derivative == 5
    lines = [s.unicode for s in d.steps]
    assert lines[0] == "f′(x) = lim_(Δx→0) (f(x + Δx) − f(x))/Δx"
    assert "(5(x + Δx) + 1 − (5x + 1))/Δx" in lines[1]
    assert "5Δx/Δx" in lines[3]
    assert lines[-2] == "= lim_(Δx→0) 5" and lines[-1] == "= 5"


def test_x_squared_minus_x_as_in_the_notes() -> None:
    d = derive("x^2 - x")
    assert d.derivative == 2 * x - 1
    kinds = [s.kind for s in d.steps]
    assert kinds == ["definition", "substitute", "expand", "cancel_terms", "divide", "limit"]
    divide = d.steps[kinds.index("divide")]
    assert sympy.expand(divide.after - (2 * x + h - 1)) == 0   # lim (2x + Δx − 1)
    assert d.steps[-1].unicode == "= 2x − 1"


@pytest.mark.parametrize(("var", "expected"), [("x", w), ("w", x), ("b", 1)])
def test_neuron_partials_by_the_limit(var: str, expected: Any) -> None:
    """∂z/∂x as a limit with the other variables fixed (the notes' z = wx + b)."""
    d = derive("z = wx + b", var)
    assert d.derivative == expected
    assert d.steps[0].kind == "definition_partial"
    assert d.steps[0].unicode.startswith(f"∂z/∂{var} = lim_(Δ{var}→0)")
    assert "held" not in d.steps[0].text("en") or "constant" in d.steps[0].text("en")
    assert "상수로 취급" in d.steps[0].text("ko")


def test_partial_of_the_notes_quadratic() -> None:
    d = derive("x^2 + 3xy + y^2", "y")
    assert d.derivative == 3 * x + 2 * y
    assert "f(x, y + Δy) − f(x, y)" in d.steps[0].unicode


@pytest.mark.parametrize(("text", "limit"), [
    ("e^x", "(eᵗ − 1)/t = 1"), ("2^x", "(aᵗ − 1)/t = ln a"), ("ln(x)", "ln(1 + t)/t = 1"),
    ("sin x", "sin(t)/t = 1"), ("cos x", "(cos(t) − 1)/t = 0"),
])
def test_standard_limits_are_named(text: str, limit: str) -> None:
    d = derive(text)
    standard = [s for s in d.steps if s.kind == "standard_limit"]
    assert len(standard) == 1 and limit in standard[0].text("en")


def test_roots_are_rationalised() -> None:
    d = derive("sqrt(x)")
    assert d.derivative == 1 / (2 * sqrt(x))
    assert "rationalise" in [s.kind for s in d.steps]


def test_unknown_algebra_falls_back_to_the_rules_honestly() -> None:
    d = derive("x e^x")
    assert d.steps[-1].kind in ("rules", "simplify")
    assert "rules" in [s.kind for s in d.steps]
    assert "nablab steps" in next(s for s in d.steps if s.kind == "rules").text("en")


def _value(expr: Any, point: dict[Any, Any]) -> complex:
    return complex(expr.xreplace(point).evalf(30))


@pytest.mark.parametrize("text", CASES)
def test_every_line_is_an_equality(text: str, oracle: SimpleNamespace) -> None:
    d = derive(text)
    f = d.expression.expr
    reference = sympy.diff(f, x)
    assert oracle.symbolically_zero(d.derivative - reference)
    assert d.verified is True
    steps = d.steps
    for before, after in zip(steps, steps[1:], strict=False):
        assert before.after == after.before     # each line's output is the next one's input
    rng = random.Random(7)
    for step in steps:
        if step.takes_limit:   # in a sum, only one part's limit is taken: compare limits
            expected = sympy.limit(step.before, h, 0)
            assert oracle.symbolically_zero(sympy.limit(step.after, h, 0) - expected), step.kind
        else:
            point = {x: sympy.Float(rng.uniform(0.5, 3), 30), h: sympy.Float(0.01, 30)}
            assert abs(_value(step.after, point) - _value(step.before, point)) < 1e-20, \
                step.kind
    quotient = ((f.xreplace({x: x + h}) - f) / h)
    assert oracle.symbolically_zero(steps[0].after - quotient)
    assert not steps[-1].after.has(h)


def test_numeric_table_truncation_against_rounding() -> None:
    d = derivative_by_limit("x^2 - x", at={"x": 2})
    assert d.exact == 3
    assert [r.h for r in d.numeric] == list(STEPS)
    for row in d.numeric:
        forward = ((2 + row.h) ** 2 - (2 + row.h) - 2) / row.h
        assert row.forward == forward
        assert row.forward_error == abs(forward - 3)
    assert 1e-10 <= d.best_h <= 1e-6          # near √ε: truncation against rounding
    errors = {r.h: r.forward_error for r in d.numeric}
    assert errors[1e-12] > errors[d.best_h] and errors[1e-1] > errors[d.best_h]


def test_numeric_table_central_is_better_for_exp() -> None:
    d = derivative_by_limit("e^x", at={"x": 1})
    assert math.isclose(float(d.exact), math.e)
    assert 1e-7 <= d.best_h_central <= 1e-3
    best = {r.h: r for r in d.numeric}
    assert best[d.best_h_central].central_error < best[d.best_h].forward_error


def test_numeric_table_never_reports_nan() -> None:
    d = derivative_by_limit("sqrt(x)", at={"x": 1e-11})
    for row in d.numeric:
        assert all(math.isfinite(v) for v in row.to_dict().values())
    assert len(d.numeric) < len(STEPS)       # rows where x₀ − h < 0 are left out


def test_to_dict_has_exactly_the_issue_shape() -> None:
    data = derivative_by_limit("x^2 - x", at={"x": 2}).to_dict("ko")
    assert set(data) == {"derivative", "steps", "numeric", "best_h"}
    assert data["derivative"] == "2*x - 1"
    assert all(set(s) == {"latex", "text"} for s in data["steps"])
    assert set(data["numeric"][0]) == {"h", "forward", "central", "forward_error",
                                       "central_error"}
    plain = derive("5x + 1").to_dict()
    assert plain["numeric"] is None and plain["best_h"] is None


def test_library_values_are_exact() -> None:
    assert derive("1/x").derivative == -1 / x**2
    assert derive("3 e^{2x - 1}").derivative == 6 * exp(2 * x - 1)
    assert derive("5 ln(3x + 2)").derivative == 15 / (3 * x + 2)
    assert derive("3 sin(2x + 1)").derivative == 6 * cos(2 * x + 1)
    assert derive("x^2 + sin x").derivative == 2 * x + cos(x)
    assert sympy.simplify(derive("2^x").derivative - 2**x * log(2)) == 0
    assert derive("sin x").derivative == cos(x) and derive("cos x").derivative == -sin(x)
