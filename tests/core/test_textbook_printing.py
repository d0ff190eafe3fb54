"""Printing as a person writes: the function as typed, derived formulas in textbook order,
textbook names (δ, H, Γ, ψ, f′, ∂f/∂x), one printer for Unicode and LaTeX."""

from __future__ import annotations

import pytest
import sympy

import nablab
from nablab.calculus.steps import derivative_steps
from nablab.core.expression import Expression
from nablab.core.printing import to_latex, to_unicode
from nablab.parse import parse_relation

x, y, w = sympy.symbols("x y w", real=True)
f, g = sympy.Function("f", real=True), sympy.Function("g", real=True)

TYPED = [
    ("4 - x^2 - 2y^2", "4 − x² − 2y²", "4 - x^{2} - 2 y^{2}"),
    ("L = (y - wx)^2", "(y − wx)²", r"\left(y - w x\right)^{2}"),
    (r"\frac{1}{1+e^{-x}}", "1/(1 + e^(−x))", r"\frac{1}{1 + e^{- x}}"),
    ("x - (y + 1)", "x − (y + 1)", r"x - \left(y + 1\right)"),
    ("sin(2 - x) + 1", "sin(2 − x) + 1", r"\sin{\left(2 - x \right)} + 1"),
    ("1/(2x)", "1/(2x)", r"\frac{1}{2 x}"),
    ("x^3 - 3x + 1", "x³ − 3x + 1", "x^{3} - 3 x + 1"),
    ("(x - 1)(x + 2)", "(x − 1)(x + 2)", r"\left(x - 1\right) \left(x + 2\right)"),
    ("(x, 2 - y)", "(x, 2 − y)", r"\left(x, 2 - y\right)"),
    ("−(x + y)/x", "−(x + y)/x", r"- \frac{x + y}{x}"),
    ("-(x + y)", "−(x + y)", r"- \left(x + y\right)"),
    ("x - (y + 1)/2", "x − (y + 1)/2", r"x - \frac{y + 1}{2}"),
    ("x*(-y)", "x(−y)", r"x \left(- y\right)"),
]


@pytest.mark.parametrize(("text", "shown", "latex"), TYPED, ids=[t for t, _, _ in TYPED])
def test_the_function_is_shown_as_typed(text: str, shown: str, latex: str) -> None:
    expression = nablab.parse(text)
    assert expression.unicode == shown
    assert expression.latex == latex
    # the same function: what was typed reads back to it
    again = nablab.parse(shown).expr
    assert again == expression.expr or sympy.simplify(
        sympy.Matrix(list(expression.components)) - sympy.Matrix(
            list(again if isinstance(again, tuple) else (again,)))).is_zero_matrix


def test_a_constraint_is_shown_as_typed() -> None:
    relation = parse_relation("2(x-1)^2 - 10y + 6 = 0")
    assert relation.unicode == "2(x − 1)² − 10y + 6 = 0"
    assert relation.latex == r"2 \left(x - 1\right)^{2} - 10 y + 6 = 0"


def test_built_from_sympy_shows_the_textbook_order() -> None:
    assert Expression.from_sympy(4 - x**2 - 2 * y**2).unicode == "−x² − 2y² + 4"


@pytest.mark.parametrize(("expr", "text", "latex"), [
    (sympy.diff((y - w * x) ** 2, w), "−2x(y − wx)", r"- 2 x \left(y - w x\right)"),
    (-10 * y + 2 * (x - 1) ** 2 + 6, "2(x − 1)² − 10y + 6", None),
    (x + 1 + x**3, "x³ + x + 1", "x^{3} + x + 1"),
    (sympy.sqrt(2 - x), "√(2 − x)", None),
    (1 / (1 + sympy.exp(-x)), "1/(1 + e^(−x))", None),
    (2 * sympy.DiracDelta(x), "2δ(x)", r"2 \delta\left(x\right)"),
    (sympy.DiracDelta(x, 1), "δ′(x)", None),
    (sympy.Heaviside(x, 0) + sympy.Heaviside(y), "H(x) + H(y)", None),
    (sympy.Heaviside(x, 0), "H(x)", r"H\left(x\right)"),
    (sympy.gamma(x + 1) * sympy.polygamma(0, x + 1), "Γ(x + 1)·ψ(x + 1)",
     r"\Gamma\left(x + 1\right) \psi\left(x + 1\right)"),
    (sympy.polygamma(2, x), "ψ⁽²⁾(x)", r"\psi^{(2)}\left(x\right)"),
    (f(x).diff(x), "f′(x)", r"f'\left(x\right)"),
    (f(x).diff(x, 2), "f″(x)", r"f''\left(x\right)"),
    (f(x, y).diff(x), "∂f/∂x", r"\frac{\partial f}{\partial x}"),
    (f(x, y).diff(x, y), "∂²f/∂x∂y", r"\frac{\partial^{2} f}{\partial x \partial y}"),
    (sympy.diff(x**3 * f(x), x), "3x²f(x) + x³f′(x)", None),
    (sympy.diff(f(x) * g(x), x), "f′(x)g(x) + f(x)g′(x)",
     r"f'\left(x\right) g{\left(x \right)} + f{\left(x \right)} g'\left(x\right)"),
    (sympy.diff(f(g(x)), x), "f′(g(x))g′(x)", None),
])
def test_derived_formulas_read_as_in_a_textbook(expr: sympy.Expr, text: str,
                                                latex: str | None) -> None:
    assert to_unicode(expr) == text
    if latex is not None:
        assert to_latex(expr) == latex


@pytest.mark.parametrize("expr", [
    sympy.diff(sympy.Abs(x), x, 2), sympy.diff(nablab.relu(x), x),
    sympy.diff(sympy.factorial(x), x), sympy.diff(sympy.Heaviside(x), x),
    sympy.Heaviside(x, 0),
])
def test_no_internal_name_reaches_a_user(expr: sympy.Expr) -> None:
    for shown in (to_unicode(expr), to_latex(expr)):
        for name in ("DiracDelta", "heaviside", "Heaviside", "polygamma", "gamma",
                     "Derivative"):
            assert name not in shown, shown


def test_one_derivation_keeps_one_order() -> None:
    """steps "(2-x)^2" works through the terms in the order it lists them."""
    derivation = derivative_steps(nablab.parse("(2-x)^2"), x)
    top = derivation.steps[0].step
    assert top is not None and top.rule == "sum"
    listed = [to_unicode(s.input) for s in top.substeps]
    assert listed == ["x²", "−4x", "4"]
    assert to_unicode(top.rewrite) == "x² − 4x + 4"
    chain = [to_unicode(c) for c in derivation.chain()]
    assert chain[2] == "d/dx(x²) + d/dx(−4x) + d/dx(4)"
    assert chain[-1] == "2x − 4"


@pytest.mark.parametrize("text", ["2*(1, 2)", "2 (1, 2)", "x/(1, 2)", "-(1, 2)"])
def test_the_typed_twin_keeps_the_vector_error(text: str) -> None:
    with pytest.raises(nablab.ParseError) as info:
        nablab.parse(text)
    assert info.value.kind == "vector_not_allowed"


def test_the_typed_form_survives_pickling() -> None:
    import pickle

    expression = pickle.loads(pickle.dumps(nablab.parse("4 - x^2 - 2y^2")))
    assert expression.unicode == "4 − x² − 2y²" and expression.latex == "4 - x^{2} - 2 y^{2}"
    relation = pickle.loads(pickle.dumps(parse_relation("2(x-1)^2 - 10y + 6 = 0")))
    assert relation.unicode == "2(x − 1)² − 10y + 6 = 0"


def test_the_product_rule_reads_u_prime_v_plus_u_v_prime_at_every_step() -> None:
    """The marks of a derivation not yet worked out take the order of their results."""
    from nablab.calculus.notation import mark, unicode

    applied = mark(g(x), x) * f(x) + mark(f(x), x) * g(x)
    assert unicode(applied) == "d/dx(f(x))·g(x) + f(x)·d/dx(g(x))"
    assert to_unicode(sympy.diff(f(x) * g(x), x)) == "f′(x)g(x) + f(x)g′(x)"
    chain = mark(g(x), x) * sympy.Derivative(f(g(x)), g(x))
    assert unicode(chain) == "f′(g(x))·d/dx(g(x))"
    assert to_unicode(x**2 * f(x, y).diff(x) + 2 * x * f(x, y)) == "2x·f(x, y) + x²·∂f/∂x"


@pytest.mark.parametrize(("typed", "unicode", "latex"), [
    ("log10(x)", "log₁₀(x)", r"\log_{10}\left(x\right)"),
    ("log_2(x + 1)", "log₂(x + 1)", r"\log_{2}\left(x + 1\right)"),
    ("lg x", "log₁₀(x)", r"\log_{10}\left(x\right)"),
    ("log_b x", "log_b(x)", r"\log_{b}\left(x\right)"),
])
def test_a_logarithm_with_a_base_is_shown_as_typed(typed: str, unicode: str, latex: str) -> None:
    """Was ln(x)/ln(10): the value, not what the learner wrote (issue 13)."""
    f = nablab.parse(typed)
    assert (f.unicode, f.latex) == (unicode, latex)
    assert nablab.parse(f.unicode).expr == f.expr


def test_a_constant_exponent_needs_no_parentheses() -> None:
    assert nablab.parse("e^pi").unicode == "e^π"       # was e^(π)
    assert nablab.parse("x^π").unicode == "x^π"
