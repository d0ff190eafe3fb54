"""Printed forms: readable Unicode, LaTeX that reads back, SymPy str for JSON."""

from __future__ import annotations

import pytest
import sympy
from sympy import exp, sqrt

import nablab
from nablab.core.printing import symbol_display, to_latex, to_str, to_unicode

x, y, c, o, s, m, u = sympy.symbols("x y c o s m u", real=True)
w1, x1, theta1 = sympy.symbols("w1 x1 theta1", real=True)

UNICODE = [
    (x**2 + 3 * x * y + y**2, "x² + 3xy + y²"),
    (2 * x + 3 * y, "2x + 3y"),
    (1 / (1 + exp(-x)), "1/(1 + e^(−x))"),
    (exp(-x) / (1 + exp(-x)) ** 2, "e^(−x)/(1 + e^(−x))²"),
    (nablab.sigmoid(x) * (1 - nablab.sigmoid(x)), "(1 − σ(x))·σ(x)"),
    (w1 * x1, "w₁x₁"),
    (sqrt(x), "√x"),
    (x / (x + 1), "x/(x + 1)"),
    (1 / sqrt(x + 1), "1/√(x + 1)"),
    (x ** sympy.Rational(1, 3), "x^(1/3)"),
    (-x**2 + 4, "−x² + 4"),  # textbook order: descending degree, the constant last
    (sympy.Abs(x), "|x|"),
    (sympy.log(x), "ln(x)"),
    (sympy.pi * x, "π·x"),
    (theta1, "θ₁"),
    (c * o * s, "co·s"),   # "cos" would read as the cosine
    (m * u, "m·u"),        # and as the Greek mu
]


@pytest.mark.parametrize(("expr", "text"), UNICODE, ids=[t for _, t in UNICODE])
def test_unicode(expr: sympy.Expr, text: str) -> None:
    assert to_unicode(expr) == text
    assert nablab.parse(text).expr == expr


def test_symbol_display() -> None:
    assert symbol_display("theta1") == "θ₁"
    assert symbol_display("w12") == "w₁₂"
    assert symbol_display("x_ab") == "x_ab"


def test_latex_of_named_functions_reads_back() -> None:
    for expr in (nablab.sigmoid(x), nablab.relu(x)):
        assert nablab.parse(to_latex(expr)).expr == expr


def test_str_is_sympy_syntax() -> None:
    assert to_str(2 * x + 3 * y) == "2*x + 3*y"


def test_accented_names_print_with_their_accent_and_read_back() -> None:
    """ŷ is read as the variable yhat (as \\hat{y} is); it prints as ŷ, not "yhat", and the
    printed text reads back as the same formula."""
    assert [symbol_display(n) for n in ("yhat", "xbar", "thetahat1", "w2", "hat")] == \
        ["ŷ", "x̄", "θ̂₁", "w₂", "hat"]
    f = nablab.parse("(ŷ - y)^2 + x̄")
    assert "yhat" not in to_unicode(f.expr) and "ŷ" in to_unicode(f.expr)
    assert nablab.parse(to_unicode(f.expr)).expr == f.expr
