"""The Expression core: derivatives against sympy.diff, values, Jacobians, the notes' examples."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import sympy
from sympy import exp, sin

import nablab
from nablab.core.differentiate import LARGE, DerivativeEngine, tree_size
from nablab.errors import DomainError, ParseError, UnsupportedError

x, y, w, b = sympy.symbols("x y w b", real=True)


def test_notes_partial_derivatives() -> None:
    f = nablab.parse("x^2 + 3xy + y^2")
    assert f.partial("x") == 2 * x + 3 * y
    assert f.partial("y") == 3 * x + 2 * y


def test_notes_neuron() -> None:
    z = nablab.parse("z = wx + b")
    assert (z.partial("x"), z.partial("w"), z.partial("b")) == (w, x, 1)


def test_notes_paraboloid() -> None:
    f = nablab.parse("x^2 + y^2")
    assert f.gradient() == (2 * x, 2 * y)
    assert f.hessian() == sympy.Matrix([[2, 0], [0, 2]])


@pytest.mark.parametrize("text", [
    "x^2 + 3xy + y^2", "(1 - x)^2 + 100(y - x^2)^2", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    "sin(x) e^{-y^2} / (1 + x^2)", "sigmoid(x y) + relu(x - y)", "ln(1 + x^2 y^2)", "|x| + x y^3",
])
def test_gradient_and_hessian_match_sympy(text: str) -> None:
    f = nablab.parse(text)
    for i, v in enumerate(f.variables):
        assert sympy.simplify(f.gradient()[i] - sympy.diff(f.expr, v)) == 0
        for j, u in enumerate(f.variables):
            assert sympy.simplify(f.hessian()[i, j] - sympy.diff(f.expr, v, u)) == 0


def test_sigmoid_derivative_is_the_notes_form() -> None:
    s = nablab.parse("σ(x)")
    assert s.partial("x") == nablab.sigmoid(x) * (1 - nablab.sigmoid(x))
    # and it equals the derivative of the written-out formula
    written = 1 / (1 + exp(-x))
    assert sympy.simplify(s.partial("x").rewrite(exp) - sympy.diff(written, x)) == 0


def test_relu_gradient_is_zero_at_zero_like_pytorch() -> None:
    f = nablab.parse("relu(x)")
    assert f.at(x=0).gradient == (0.0,)
    assert f.at(x=2).gradient == (1.0,)


def test_at_point_notes_example() -> None:
    value = nablab.parse("x^2 + 3xy + y^2").at(x=1, y=2)
    assert value.value == 11.0
    assert value.gradient == (8.0, 7.0)
    assert value.point == {"x": 1.0, "y": 2.0}


def test_at_accepts_symbols_and_exact_values() -> None:
    value = nablab.parse("sin(x)").at({x: sympy.pi / 2})
    assert value.value == 1.0
    assert abs(value.gradient[0]) < 1e-15


def test_at_undefined_point_is_an_error_not_nan() -> None:
    with pytest.raises(DomainError):
        nablab.parse("ln(x)").at(x=-1)
    with pytest.raises(DomainError):
        nablab.parse("1/x").at(x=0)


def test_at_missing_and_unknown_names() -> None:
    f = nablab.parse("x + y")
    with pytest.raises(ParseError) as info:
        f.at(x=1)
    assert info.value.kind == "missing_values"
    with pytest.raises(ParseError) as info:
        f.at(x=1, y=2, q=3)
    assert info.value.kind == "unknown_variable"


def test_parameters_need_values() -> None:
    f = nablab.parse("a x^2", variables=["x"])
    assert f.at(x=2, a=3).value == 12.0


def test_unknown_variable_for_partial() -> None:
    with pytest.raises(ParseError) as info:
        nablab.parse("x^2").partial("y")
    assert info.value.kind == "unknown_variable"
    assert "x" in str(info.value)


def test_jacobian_of_vector_function() -> None:
    f = nablab.parse("(x^2 y, 5x + sin(y))")
    assert f.jacobian() == sympy.Matrix([[2 * x * y, x**2], [5, sympy.cos(y)]])
    with pytest.raises(UnsupportedError):
        f.gradient()


def test_scalar_jacobian_is_the_gradient_row() -> None:
    assert nablab.parse("x y").jacobian() == sympy.Matrix([[y, x]])


def test_from_sympy_refuses_text() -> None:
    with pytest.raises(TypeError):
        nablab.Expression.from_sympy("x**2")  # type: ignore[arg-type]


def test_from_sympy_orders_variables() -> None:
    f = nablab.Expression.from_sympy(sin(y) + x, ["y", "x"])
    assert f.variable_names == ("y", "x")


def test_pickle_drops_caches_and_keeps_meaning() -> None:
    f = nablab.parse("x^2 + y^2")
    nablab.compile(f).grad(1.0, 2.0)
    copy = pickle.loads(pickle.dumps(f))
    assert copy == f
    assert copy.gradient() == f.gradient()


def test_repr_latex_for_jupyter() -> None:
    assert nablab.parse("f(x, y) = x^2 + y^2")._repr_latex_() == \
        r"$\displaystyle f(x, y) = x^{2} + y^{2}$"


def _network_loss(hidden: int = 8, points: int = 10) -> sympy.Expr:
    """A 2-h-1 tanh network's mean squared error over fixed points: 4h + 1 parameters."""
    rng = np.random.default_rng(0)
    xs, ys = rng.normal(size=(points, 2)), rng.normal(size=points)
    w1 = sympy.symbols(f"a0:{2 * hidden}", real=True)
    b1 = sympy.symbols(f"c0:{hidden}", real=True)
    w2 = sympy.symbols(f"d0:{hidden}", real=True)
    (b2,) = sympy.symbols("e0:1", real=True)
    loss = 0
    for (u, v), t in zip(xs, ys, strict=True):
        hidden_out = [sympy.tanh(w1[2 * k] * float(u) + w1[2 * k + 1] * float(v) + b1[k])
                      for k in range(hidden)]
        out = sum(w2[k] * hidden_out[k] for k in range(hidden)) + b2
        loss += (out - float(t)) ** 2
    return loss / points


def test_large_expressions_use_symengine_and_agree_with_sympy() -> None:
    loss = _network_loss(hidden=3, points=6)
    assert tree_size(loss) > LARGE
    engine = DerivativeEngine(loss, sorted(loss.free_symbols, key=lambda s: s.name))
    assert engine.large
    rng = np.random.default_rng(1)
    point = {s: float(v) for s, v in zip(engine.variables, rng.normal(size=len(engine.variables)),
                                         strict=True)}
    for v, g in zip(engine.variables, engine.gradient, strict=True):
        expected = float(sympy.diff(loss, v).xreplace(point))
        assert float(g.xreplace(point)) == pytest.approx(expected, rel=1e-12)
    hess = engine.hessian
    i, j = 2, 5
    expected = float(sympy.diff(loss, engine.variables[i], engine.variables[j]).xreplace(point))
    assert float(hess[i, j].xreplace(point)) == pytest.approx(expected, rel=1e-12)


def test_symengine_path_falls_back_when_it_cannot_differentiate() -> None:
    expr = sum((sympy.Max(0, x - k) * y) for k in range(60))
    engine = DerivativeEngine(expr, [x, y])
    assert engine.large
    assert not any(g.has(sympy.Derivative) for g in engine.gradient)
    assert sympy.simplify(engine.gradient[1] - sympy.diff(expr, y)) == 0
