"""The quadratic models drawn over a Newton run, against the function and a Taylor series."""

from __future__ import annotations

import numpy as np
import sympy

import nablab
from nablab.plot.descent import descent_figure
from nablab.plot.newton import MODELS, model_ellipse, model_parabola


def test_the_ellipse_is_the_level_curve_of_a_quadratic_through_theta() -> None:
    """On f = ½θᵀAθ + bᵀθ the model is f itself: the curve passes through θ, stays on
    f = f(θ), and is centred on the minimum −A⁻¹b."""
    a, b = np.array([[2.0, 1.0], [1.0, 6.0]]), np.array([1.0, -2.0])
    theta = np.array([3.0, 4.0])
    curve = model_ellipse(theta, a @ theta + b, a)
    assert curve is not None
    values = 0.5 * np.einsum("ij,jk,ik->i", curve, a, curve) + curve @ b
    np.testing.assert_allclose(values, 0.5 * theta @ a @ theta + theta @ b, rtol=1e-12)
    assert np.min(np.linalg.norm(curve - theta, axis=1)) < 0.2
    centre = curve[:-1].mean(axis=0)   # the last point repeats the first
    np.testing.assert_allclose(centre, np.linalg.solve(a, -b), atol=1e-9)
    assert model_ellipse(theta, a @ theta, np.diag([1.0, -1.0])) is None


def test_the_parabola_is_the_second_order_taylor_polynomial() -> None:
    x = sympy.Symbol("x")
    f = sympy.exp(x) * sympy.sin(x)
    series = sympy.series(f, x, 1, 3).removeO()
    d1, d2 = (float(sympy.diff(f, x, k).subs(x, 1)) for k in (1, 2))
    xs, ys = model_parabola(1.0, float(f.subs(x, 1)), d1, d2, 0.5)
    expected = sympy.lambdify(x, series, "math")
    np.testing.assert_allclose(ys, [expected(v) for v in xs], rtol=1e-12)


def test_a_newton_run_draws_its_first_models_dashed() -> None:
    result = nablab.descend("x^2 + 3y^2 + x y", (3, 4), optimizer="newton", lr=0.5)
    figure = descent_figure(result.expression, result, "en")
    dashed = [line for line in figure.axes[0].get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == MODELS
    gd = nablab.descend("x^2 + 3y^2 + x y", (3, 4), lr=0.1)
    figure = descent_figure(gd.expression, gd, "ko")
    assert not [line for line in figure.axes[0].get_lines() if line.get_linestyle() == "--"]


def test_a_newton_run_is_titled_newton_not_gradient_descent() -> None:
    from nablab.optimize import descend
    from nablab.plot.descent import descent_figure

    run = descend("x^2 + 3y^2", start=(1.0, 1.0), optimizer="newton")
    title = descent_figure(run.expression, run, "en").axes[0].get_title()
    assert title.startswith("Newton's method") and "Gradient descent" not in title
    title_ko = descent_figure(run.expression, run, "ko").axes[0].get_title()
    assert "뉴턴 방법" in title_ko
