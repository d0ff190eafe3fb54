"""The float gradient path of ``CompiledFunction`` that single-run descent steps with."""

from __future__ import annotations

import math
import struct

import numpy as np
import pytest
from sympy.printing.str import StrPrinter

import nablab
from nablab.numeric.compiled import _FloatPrinter, define, python_code

FUNCTIONS = ["x^2 + 3xy + y^2", "(1 - x)^2 + 100(y - x^2)^2", "sin(x) e^{-y^2}/(1 + x^2)",
             "sigmoid(x y) + ln(1 + x^2)", "relu(x - y) + tanh(x) y^3", "max(x, y) + |x| + 2^x",
             "sqrt(x^2 + y^2 + 1) + 10^40 x y / 3"]
POINTS = [(0.3, -1.2), (1.0, 2.0), (-2.5, 0.7)]


@pytest.mark.parametrize("text", FUNCTIONS)
def test_scalar_gradient_agrees_with_the_vectorised_one(text: str) -> None:
    compiled = nablab.compile(text)
    assert compiled.gradient_code is not None
    for point in POINTS:
        scalar = compiled.grad_scalar(*point)
        assert isinstance(scalar, list) and all(isinstance(v, float) for v in scalar)
        assert scalar == pytest.approx(compiled.grad(*point).tolist(), rel=1e-13, abs=1e-300)


def test_polynomials_agree_to_the_last_bit() -> None:
    """Squares print as x*x, the correctly rounded square NumPy computes for x**2."""
    compiled = nablab.compile("(1 - x)^2 + 100(y - x^2)^2 + 3x^2 y")
    rng = np.random.default_rng(0)
    for x, y in rng.uniform(-3, 3, size=(200, 2)):
        assert compiled.grad_scalar(x, y) == compiled.grad(x, y).tolist()


def test_variable_names_never_reach_the_code() -> None:
    f = nablab.parse("f(lambda, x0) = lambda^2 + x0 lambda")
    code = nablab.compile(f).gradient_code
    assert code is not None and code.args == ("_v0", "_v1")
    assert "lambda" not in code.source("g").replace("def g", "")
    assert nablab.compile(f).grad_scalar(2.0, 3.0) == [7.0, 2.0]


def test_functions_without_a_math_form_still_descend() -> None:
    f = nablab.parse("sign(x) + y^2")  # ∂f/∂x = 2δ(x): 0 away from the kink, no math form
    assert python_code(f.gradient(), f.variables) is None
    assert nablab.compile(f).gradient_code is None
    result = nablab.descend(f, (1.0, 2.0))  # through the NumPy gradient instead
    assert result.status == "converged"
    assert result.x[0] == 1.0 and abs(result.x[1]) < 1e-8
    sweep = nablab.sweep(f, starts=np.array([[1.0, 2.0]]))
    assert sweep.minima[0].point[0] == 1.0


def test_raw_gradient_columns() -> None:
    compiled = nablab.compile("x + y^2")
    xs, ys = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    first, second = compiled.grad_columns(xs, ys)
    assert np.asarray(first).tolist() in (1, 1.0, [1.0, 1.0])
    assert second.tolist() == [6.0, 8.0]


def test_a_sum_starting_with_a_minus_is_the_same_float_without_it() -> None:
    """``-a + b`` prints as ``b - a``: bit for bit the value SymPy's own printing gives
    (zeros' signs included; a NaN stays a NaN)."""
    class Plain(_FloatPrinter):
        _print_Add = StrPrinter._print_Add

    settings = {"strict": True, "fully_qualified_modules": True}
    texts = ["(1 - x)^2 + 100(y - x^2)^2", "y - x", "-x - y + 3", "-2x + y^3 - sin(x)",
             "-(x y) + x/y - 1", "e^(-x) - x y + y", "x y - x^2 y"]
    specials = [0.0, -0.0, 1.0, -1.5, 2.5e-300, 1e300, math.inf, -math.inf, math.nan]
    points = [(a, b) for a in specials for b in specials]
    points += [tuple(p) for p in np.random.default_rng(1).normal(0, 3, (100, 2))]
    swapped = 0
    for text in texts:
        for partial in nablab.parse(text).gradient():
            ours, theirs = (p(settings).doprint(partial) for p in (_FloatPrinter, Plain))
            swapped += ours != theirs
            fns = [define(f"def g(x, y):\n    return {code}\n", "g", math=math)
                   for code in (ours, theirs)]
            for point in points:
                try:
                    a = fns[0](*point)
                except (ArithmeticError, ValueError) as exc:
                    with pytest.raises(type(exc)):
                        fns[1](*point)
                    continue
                b = fns[1](*point)
                assert struct.pack("<d", a) == struct.pack("<d", b) or a != a and b != b, (
                    ours, theirs, point)
    assert swapped >= 5
