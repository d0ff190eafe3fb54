"""Every input form the parser promises, against SymPy objects built independently."""

from __future__ import annotations

import pytest
import sympy
from sympy import Abs, E, Heaviside, Max, Rational, cos, exp, log, pi, sin, sqrt, tanh

import nablab
from nablab.core.functions import relu, sigmoid

x, y, z, w, b = sympy.symbols("x y z w b", real=True)
w1, w2, x1, x2 = sympy.symbols("w1 w2 x1 x2", real=True)
theta, lam, eta, theta1 = sympy.symbols("theta lambda eta theta1", real=True)

FORMS = [
    # the notes' functions
    ("x^2 + 3xy + y^2", x**2 + 3 * x * y + y**2),
    ("1/(1+e^{-x})", 1 / (1 + exp(-x))),
    (r"\frac{1}{1+e^{-x}}", 1 / (1 + exp(-x))),
    ("4 - x^2 - 2y^2", 4 - x**2 - 2 * y**2),
    ("w1 x1 + w2 x2", w1 * x1 + w2 * x2),
    ("2(x-1)^2 - 10y + 6", 2 * (x - 1) ** 2 - 10 * y + 6),
    # powers
    ("x**2", x**2),
    ("x^-2", x**-2),
    ("2^2^3", sympy.Integer(2**8)),
    ("-x^2", -(x**2)),
    ("x^2y", x ** (2 * y)),  # issue 13: the exponent takes one bare term, as sin 2x does
    ("x^2 y", x**2 * y),
    ("x^{2y}", x ** (2 * y)),
    ("x^(1/3)", x ** Rational(1, 3)),
    # implicit multiplication
    ("3xy", 3 * x * y),
    ("2(x+1)", 2 * x + 2),
    ("x y", x * y),
    ("(x+1)(x-1)", (x + 1) * (x - 1)),
    ("2e^x", 2 * exp(x)),
    ("2 sin x", 2 * sin(x)),
    ("x(x+1)", x * (x + 1)),
    ("1/2x", x / 2),
    ("xsin(x)", x * sin(x)),
    # names
    ("w1", w1),
    ("x_1 + x_{2}", x1 + x2),
    ("theta + lambda + eta", theta + lam + eta),
    ("θ + λ", theta + lam),
    ("theta_1", theta1),
    (r"\theta_{1}", theta1),
    ("beta", sympy.Symbol("beta", real=True)),
    ("e0 + e_1", sympy.Symbol("e0", real=True) + sympy.Symbol("e1", real=True)),  # not e·0
    # constants
    ("e", E),
    ("pi x", pi * x),
    ("π", pi),
    ("e^x", exp(x)),
    # functions
    ("exp(x)", exp(x)),
    ("ln x", log(x)),
    ("log(x)", log(x)),
    ("log_2 x", log(x) / log(2)),
    ("log(x, 10)", log(x) / log(10)),
    ("sqrt(x)", sqrt(x)),
    ("abs(x)", Abs(x)),
    ("|x|", Abs(x)),
    ("|x - |y||", Abs(x - Abs(y))),
    ("|x||y|", Abs(x) * Abs(y)),
    ("sin x", sin(x)),
    ("sin 2x", sin(2 * x)),
    ("sin x^2", sin(x**2)),
    ("sin^2 x", sin(x) ** 2),
    ("sin^2(x) + cos^2(x)", sin(x) ** 2 + cos(x) ** 2),
    ("asin(x) + arccos(x) + atan(x)", sympy.asin(x) + sympy.acos(x) + sympy.atan(x)),
    ("sinh(x) + cosh(x) + tanh(x)", sympy.sinh(x) + sympy.cosh(x) + tanh(x)),
    ("sigmoid(x)", sigmoid(x)),
    ("σ(x)", sigmoid(x)),
    (r"\sigma(x)", sigmoid(x)),
    ("relu(x)", relu(x)),
    ("max(0, x)", Max(0, x)),
    ("heaviside(x, 0)", Heaviside(x, 0)),
    ("x!", sympy.factorial(x)),
    ("2.5!", sympy.factorial(Rational(5, 2))),  # Γ(3.5): a real constant, not refused
    # LaTeX
    (r"x^{2}", x**2),
    (r"\sqrt{x}", sqrt(x)),
    (r"\sqrt[3]{x}", x ** Rational(1, 3)),
    (r"\frac12", Rational(1, 2)),
    (r"\frac{x}{y}", x / y),
    (r"x \cdot y", x * y),
    (r"x \times y", x * y),
    (r"\left( x + 1 \right)^2", (x + 1) ** 2),
    (r"\exp(x) + \ln(x)", exp(x) + log(x)),
    (r"\sin{\left(x \right)}", sin(x)),
    (r"\left|x\right|", Abs(x)),
    (r"\operatorname{sign}{\left(x \right)}", sympy.sign(x)),
    (r"\mathrm{e}^{x}", exp(x)),
    (r"\sigma\left(x\right)", sigmoid(x)),
    # Unicode as pasted from documents
    ("x²+y²", x**2 + y**2),
    ("x·y", x * y),
    ("x×y", x * y),
    ("x − y", x - y),
    ("x\u00a0+\u00a0y", x + y),
    ("𝑥 + 𝑦", x + y),
    ("ｘ＋ｙ", x + y),
    ("x⁻¹", 1 / x),
    ("w₁x₁", w1 * x1),
    ("√x", sqrt(x)),
    # numbers are exact
    ("0.1x", x / 10),
    ("1e-3", Rational(1, 1000)),
    ("2e-x", 2 * E - x),
    (".5", Rational(1, 2)),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_form(text: str, expected: sympy.Expr) -> None:
    assert nablab.parse(text).expr == expected


def test_definition_declares_variables_in_order() -> None:
    f = nablab.parse("f(y, x) = x^2 + 3xy + y^2")
    assert f.name == "f"
    assert f.variable_names == ("y", "x")
    assert f.gradient() == (3 * x + 2 * y, 2 * x + 3 * y)


def test_neuron_definition_alphabetical() -> None:
    z_ = nablab.parse("z = wx + b")
    assert z_.name == "z"
    assert z_.variable_names == ("b", "w", "x")


def test_declared_multi_letter_name_stays_whole() -> None:
    xy = sympy.Symbol("xy", real=True)
    assert nablab.parse("xy^2 + x", variables=["xy", "x"]).expr == xy**2 + x


def test_undeclared_names_are_parameters() -> None:
    a = sympy.Symbol("a", real=True)
    f = nablab.parse("a x^2", variables=["x"])
    assert f.variables == (x,)
    assert f.parameters == (a,)
    assert f.partial("x") == 2 * a * x


def test_natural_variable_order() -> None:
    f = nablab.parse("w10 + w2 + w1")
    assert f.variable_names == ("w1", "w2", "w10")


def test_declared_e_is_a_variable() -> None:
    e = sympy.Symbol("e", real=True)
    assert nablab.parse("e^2 + x", variables=["e", "x"]).expr == e**2 + x


def test_vector_function() -> None:
    f = nablab.parse("(x y, x + y)")
    assert f.is_vector
    assert f.jacobian() == sympy.Matrix([[y, x], [1, 1]])


def test_expression_passes_through() -> None:
    f = nablab.parse("x^2")
    assert nablab.parse(f) is f


def test_parse_is_fast_for_the_notes_functions() -> None:
    import time

    nablab.parse("x")  # grammar is built once per process
    start = time.perf_counter()
    for text in ("x^2 + 3xy + y^2", r"\frac{1}{1+e^{-x}}", "4 - x^2 - 2y^2", "w1 x1 + w2 x2"):
        nablab.parse(text)
    assert time.perf_counter() - start < 0.5
