"""Compiled callables: agree with exact values, with finite differences, and are vectorised."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import sympy

import nablab
import nablab.numeric
from nablab.errors import UnsupportedError
from nablab.numeric import central_gradient, evaluate_grid

FUNCTIONS = ["x^2 + 3xy + y^2", "(1 - x)^2 + 100(y - x^2)^2", "sin(x) e^{-y^2}/(1 + x^2)",
             "sigmoid(x y) + ln(1 + x^2)", "tanh(x - 2y) + sqrt(x^2 + y^2 + 1)"]
POINTS = [(0.3, -1.2), (1.0, 2.0), (-2.5, 0.7)]


@pytest.mark.parametrize("text", FUNCTIONS)
def test_values_match_exact_evaluation(text: str) -> None:
    f = nablab.parse(text)
    compiled = nablab.compile(f)
    for px, py in POINTS:
        exact = f.at(x=px, y=py)
        assert compiled.f(px, py) == pytest.approx(exact.value, rel=1e-12, abs=1e-12)
        assert compiled.grad(px, py) == pytest.approx(np.array(exact.gradient), rel=1e-10,
                                                      abs=1e-12)


def test_compiled_once_per_expression_and_from_text() -> None:
    f = nablab.parse("x^2 + y^2")
    assert nablab.compile(f) is nablab.compile(f) is nablab.numeric.compile(f)
    assert float(nablab.compile("x^2 + y^2").f(1.0, 2.0)) == 5.0
    assert not hasattr(f, "compile")  # compiling is numeric's: the core never imports it
    copy = pickle.loads(pickle.dumps(f))
    assert nablab.compile(copy) is not nablab.compile(f)


@pytest.mark.parametrize("text", FUNCTIONS)
def test_gradient_and_hessian_match_central_differences(text: str) -> None:
    compiled = nablab.compile(text)
    for point in POINTS:
        numeric_grad = central_gradient(compiled.f, point)
        assert compiled.grad(*point) == pytest.approx(numeric_grad, rel=1e-6, abs=1e-6)
        rows = [central_gradient(lambda a, b, i=i: compiled.grad(a, b)[i], point)
                for i in range(2)]
        assert compiled.hess(*point) == pytest.approx(np.array(rows), rel=1e-5, abs=1e-5)


def test_broadcasting_over_axes_and_constant_derivatives() -> None:
    compiled = nablab.compile("x^2 + 3xy + y^2")
    xs, ys = np.linspace(-1, 1, 7), np.linspace(-2, 2, 5)
    z = compiled.f(xs[None, :], ys[:, None])
    assert z.shape == (5, 7)
    X, Y = np.meshgrid(xs, ys)
    assert np.array_equal(z, X**2 + 3 * X * Y + Y**2)
    hess = compiled.hess(xs[None, :], ys[:, None])
    assert hess.shape == (2, 2, 5, 7)
    assert np.all(hess[0, 1] == 3.0)
    assert compiled.grad(xs[None, :], ys[:, None]).shape == (2, 5, 7)


def test_grid_matches_handwritten_numpy() -> None:
    grid = evaluate_grid(nablab.parse("x^2 + y^2"), (-5, 5), (-5, 5), 400)
    X, Y = np.meshgrid(np.linspace(-5, 5, 400), np.linspace(-5, 5, 400))
    assert np.array_equal(grid.z, X**2 + Y**2)


def test_sigmoid_is_stable_far_from_zero() -> None:
    compiled = nablab.compile("sigmoid(x)")
    values = compiled.f(np.array([-1000.0, 0.0, 1000.0]))
    assert values.tolist() == [0.0, 0.5, 1.0]
    assert compiled.grad(np.array([-1000.0, 1000.0])).tolist() == [[0.0, 0.0]]


def test_undefined_points_give_nan_without_warnings() -> None:
    compiled = nablab.compile("ln(x)")
    assert np.isnan(compiled.f(-1.0))


def test_large_expression_uses_llvm_and_matches_sympy() -> None:
    symbols = sympy.symbols("p0:30", real=True)
    loss = sum(sympy.tanh(symbols[i] * symbols[(i + 1) % 30] - 0.1 * i) ** 2 for i in range(30))
    f = nablab.Expression.from_sympy(loss)
    compiled = nablab.compile(f)
    assert compiled.backend == "symengine"
    rng = np.random.default_rng(0)
    point = rng.normal(size=30)
    exact = f.at(dict(zip(f.variable_names, point.tolist(), strict=True)))
    assert compiled.f(*point) == pytest.approx(exact.value, rel=1e-12)
    assert compiled.grad(*point) == pytest.approx(np.array(exact.gradient), rel=1e-10)
    batch = compiled.grad(*(rng.normal(size=(4,)) for _ in range(30)))
    assert batch.shape == (30, 4)


def test_compile_needs_parameter_values() -> None:
    with pytest.raises(UnsupportedError):
        nablab.compile(nablab.parse("a x^2", variables=["x"]))


def test_wrong_argument_count() -> None:
    with pytest.raises(TypeError):
        nablab.compile("x + y").f(1.0)


def test_llvm_temporaries_never_shadow_arguments() -> None:
    """Regression: SymEngine's CSE names temporaries x0, x1, … and used to shadow an argument
    called x1 that the gradient does not mention, giving ∂f/∂x2 = 40.39 instead of 30.74."""
    terms = " + ".join(f"sin({k}*x2)*cos({k}*x2)" for k in range(1, 25))
    f = nablab.parse(f"x1 + {terms}")
    compiled = nablab.compile(f)
    assert compiled.backend == "symengine"
    exact = f.at(x1=0.7, x2=0.3)
    assert compiled.grad(0.7, 0.3) == pytest.approx(np.array(exact.gradient), rel=1e-12)
    assert compiled.f(0.7, 0.3) == pytest.approx(exact.value, rel=1e-12)


def test_factorial_and_kinks_compile() -> None:
    """Regression: x! (Γ(x + 1)) and the δ in second derivatives of |x| were unknown names."""
    compiled = nablab.compile("x!")
    assert compiled.f(np.array([0.0, 2.5, 4.0])) == pytest.approx([1.0, 3.3233509704478426, 24.0])
    assert compiled.grad(1.0)[0] == pytest.approx(1 - 0.5772156649015329)  # Γ'(2) = 1 − γ
    hess = nablab.compile("|x| + relu(y)").hess(np.array([1.0, 0.0]),
                                                         np.array([2.0, -1.0]))
    assert hess[0, 0, 0] == 0.0 and hess[1, 1, 0] == 0.0
    assert np.isnan(hess[0, 0, 1])  # at the kink the second derivative is undefined
