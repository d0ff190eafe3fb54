"""critical: constants and quotients stay on the exact, complete path (issue 15, item 3)."""

from nablab import critical_points


def _rows(result):
    return [(p.exact, p.value_exact, p.kind) for p in result.points]


def test_pi_coefficient_exact_minimum():
    # ∂f/∂x = 2x − 2π = 0, ∂f/∂y = 2y = 0 → (π, 0), f = π² − 2π² = −π², Hessian 2I.
    result = critical_points("x^2 - 2 pi x + y^2")
    assert result.complete and result.method == "groebner"
    assert _rows(result) == [({"x": "pi", "y": "0"}, "-pi**2", "minimum")]
    assert result.global_analysis.minimum is not None
    assert result.global_analysis.minimum.value_exact == "-pi**2"


def test_quotient_exact_and_complete():
    # f' = (1 − x²)/(x² + 1)² = 0 → x = ±1, f(±1) = ±1/2; f''(1) = −1/2 < 0.
    result = critical_points("x/(x^2+1)")
    assert result.complete and result.method == "groebner"
    assert _rows(result) == [({"x": "-1"}, "-1/2", "minimum"), ({"x": "1"}, "1/2", "maximum")]


def test_quotient_without_critical_points():
    # ∇(1/(x² + y²)) = −2(x, y)/(x² + y²)²: its numerator vanishes only at the pole (0, 0).
    result = critical_points("1/(x^2+y^2)")
    assert result.complete and result.points == ()


def test_x_plus_one_over_x():
    # f' = 1 − 1/x² = 0 → x = ±1; f'' = 2/x³: −2 at −1 (maximum), 2 at 1 (minimum).
    result = critical_points("x + 1/x")
    assert _rows(result) == [({"x": "-1"}, "-2", "maximum"), ({"x": "1"}, "2", "minimum")]


def test_sqrt2_coefficient():
    # f' = 2√2·x − 1 = 0 → x = 1/(2√2) = √2/4, f = √2/8 − √2/4 = −√2/8.
    result = critical_points("sqrt(2) x^2 - x")
    assert result.complete
    assert _rows(result) == [({"x": "sqrt(2)/4"}, "-sqrt(2)/8", "minimum")]


def test_two_transcendental_constants_stay_numeric():
    result = critical_points("pi x^2 + e y^2 - x y")
    assert not result.complete and result.fallback == "not_polynomial"


def test_the_explanation_says_what_was_rewritten():
    keys = {k: p for k, p in critical_points("x/(x^2+1)").notes}
    assert keys["critical.method.denominators"] == {"denominators": "x² + 1"}
    keys = {k: p for k, p in critical_points("x^2 - 2 pi x + y^2").notes}
    assert keys["critical.method.constants"] == {"constants": "π"}


def test_e_squared_coefficient():
    # f' = 2e²x − 1 = 0 → x = 1/(2e²) = e^(−2)/2, f = e²·e^(−4)/4 − e^(−2)/2 = −e^(−2)/4.
    result = critical_points("e^2 x^2 - x")
    assert result.complete
    assert _rows(result) == [({"x": "exp(-2)/2"}, "-exp(-2)/4", "minimum")]


def test_degenerate_point_with_pi_not_in_shape_position():
    # ∇f = (4(x − π)³, 2y) = 0 only at (π, 0); f(p + h) − f(p) = h₁⁴ + h₂²: a minimum,
    # proven by the exact even-powers test (the lex basis is not in shape position).
    result = critical_points("(x - pi)^4 + y^2")
    assert result.complete
    [point] = result.points
    assert point.exact == {"x": "pi", "y": "0"} and point.kind == "degenerate"
    assert point.test is not None and point.test.result == "minimum" and point.test.proof
