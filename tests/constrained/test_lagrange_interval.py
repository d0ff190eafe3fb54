"""lagrange, one variable on [a, b], f not polynomial: the closed interval method, exactly
(f'(x) = 0 by solveset, cross-checked by sign changes of f'; issue 15, item 4)."""

import pytest

from nablab import lagrange


def _rows(result):
    return [(c.exact, c.value_exact) for c in result.candidates]


def test_sin_plus_cos_on_0_2pi():
    # f' = cos x − sin x = 0 at π/4, 5π/4: f = √2, −√2; f(0) = f(2π) = 1.
    result = lagrange("sin x + cos x", ["x >= 0", "x <= 2 pi"], check=False)
    assert result.complete and result.method == "solveset"
    assert _rows(result) == [({"x": "0"}, "1"), ({"x": "pi/4"}, "sqrt(2)"),
                             ({"x": "5*pi/4"}, "-sqrt(2)"), ({"x": "2*pi"}, "1")]


def test_x_minus_2_sin_x_stewart():
    # f' = 1 − 2cos x = 0 at π/3, 5π/3: f = π/3 − √3, 5π/3 + √3; f(0) = 0, f(2π) = 2π.
    result = lagrange("x - 2 sin x", ["x >= 0", "x <= 2 pi"], check=False)
    assert result.complete
    points = [c.exact["x"] for c in result.candidates]
    assert points == ["0", "pi/3", "5*pi/3", "2*pi"]
    values = [c.value for c in result.candidates]
    assert abs(values[1] - (3.141592653589793 / 3 - 3 ** 0.5)) < 1e-12
    assert abs(values[2] - (5 * 3.141592653589793 / 3 + 3 ** 0.5)) < 1e-12


def test_x_exp_minus_x_on_0_2():
    # f' = (1 − x)e^(−x) = 0 at 1: f(1) = 1/e; f(0) = 0, f(2) = 2/e².
    result = lagrange("x e^(-x)", ["x >= 0", "x <= 2"], check=False)
    assert result.complete and result.method == "solveset"
    assert _rows(result) == [({"x": "0"}, "0"), ({"x": "1"}, "exp(-1)"),
                             ({"x": "2"}, "2*exp(-2)")]


def test_log_over_x_on_1_3():
    # f' = (1 − ln x)/x² = 0 at e: f(e) = 1/e; f(1) = 0, f(3) = ln 3/3.
    result = lagrange("ln(x)/x", ["x >= 1", "x <= 3"], check=False)
    assert result.complete
    assert _rows(result) == [({"x": "1"}, "0"), ({"x": "E"}, "exp(-1)"),
                             ({"x": "3"}, "log(3)/3")]


def test_unbounded_interval_stays_numeric():
    result = lagrange("sin x + cos x", "x >= 0", check=False)
    assert not result.complete and result.method == "newton"


def test_pole_inside_the_interval_stays_numeric():
    # tan has a pole at π/2 ∈ [1/2, 3]: f' = 0 there would not find every candidate.
    result = lagrange("tan(x)", ["x >= 0.5", "x <= 3"], check=False)
    assert not result.complete and result.method == "newton"


def test_cusp_inside_the_interval_is_a_candidate():
    # f' = 2/(3x^(1/3)) does not exist at 0 ∈ (−1, 2): the cusp is a candidate, where f = 0
    # is the lowest value; f grows on [0, 2], so the highest is f(2) = 2^(2/3) (by hand).
    result = lagrange("x^(2/3)", ["x >= -1", "x <= 2"], check=False)
    assert result.complete
    assert result.minimum.value == 0 and result.minimum.points == ({"x": 0.0},)
    assert result.maximum.value == pytest.approx(2 ** (2 / 3))
    assert result.maximum.points == ({"x": 2.0},)
