"""lagrange: constants (π) and quotients stay on the exact, complete path (issue 15, item 3)."""

from nablab import lagrange


def _rows(result):
    return [(c.exact, c.value_exact) for c in result.candidates]


def test_cylinder_volume_with_pi():
    # πr² = λ, 2πrh = 2πλ → h = r·π·r/r... by hand: λ = πr², h = πr (r ≠ 0);
    # πr + 2πr = 120 → r = 40/π, h = 40, V = π(1600/π²)·40 = 64000/π; r = 0 gives h = 120.
    result = lagrange("pi r^2 h", "h + 2 pi r = 120", check=False)
    assert result.complete and result.method == "groebner"
    assert _rows(result) == [({"h": "40", "r": "40/pi"}, "64000/pi"),
                             ({"h": "120", "r": "0"}, "0")]
    assert result.candidates[0].multipliers_exact == ("1600/pi",)


def test_quotient_on_a_disk():
    # Interior: ∇f = 0 ⇔ x = 0, y² = 1 → (0, ±1), f = ∓1. Boundary x² + y² = 4 (f = −2y/5):
    # ∇f ∥ (x, y) ⇔ x = 0 → (0, ±2), f = ∓4/5.
    result = lagrange("-2y/(x^2+y^2+1)", "x^2+y^2 <= 4", check=False)
    assert result.complete and result.method == "groebner"
    assert _rows(result) == [({"x": "0", "y": "-2"}, "4/5"), ({"x": "0", "y": "-1"}, "1"),
                             ({"x": "0", "y": "1"}, "-1"), ({"x": "0", "y": "2"}, "-4/5")]


def test_quotient_on_an_interval():
    # f' = 2x − 2/x² = 0 → x³ = 1 → x = 1 (an endpoint too); endpoints 1, 4: f = 3, 33/2.
    result = lagrange("x^2 + 2/x", ["x >= 1", "x <= 4"], check=False)
    assert result.complete and result.method == "groebner"
    assert _rows(result) == [({"x": "1"}, "3"), ({"x": "4"}, "33/2")]


def test_pole_in_the_set_is_not_a_candidate():
    # f = 1/x on [−1, 2]: f' = −1/x² never vanishes; the candidates are the endpoints.
    result = lagrange("1/x", ["x >= -1", "x <= 2"], check=False)
    assert result.complete
    assert _rows(result) == [({"x": "-1"}, "-1"), ({"x": "2"}, "1/2")]


def test_the_explanation_says_what_was_rewritten():
    keys = dict(lagrange("pi r^2 h", "h + 2 pi r = 120", check=False).notes)
    assert keys["lagrange.method.constants"] == {"constants": "π"}
    keys = dict(lagrange("-2y/(x^2+y^2+1)", "x^2+y^2 <= 4", check=False).notes)
    assert keys["lagrange.method.denominators"] == {"denominators": "x² + y² + 1"}


def test_pi_system_not_in_shape_position_is_still_complete():
    # x²y on x² + 2y² = 6π: y = ±√π, x = ±2√π (f = ±4π^(3/2)), and x = 0, y = ±√(3π) (f = 0).
    result = lagrange("x^2 y", "x^2 + 2 y^2 = 6 pi", check=False)
    assert result.complete and result.method == "groebner"
    values = sorted(round(c.value, 9) for c in result.candidates)
    top = round(4 * 3.141592653589793 ** 1.5, 9)
    assert values == [-top, -top, 0.0, 0.0, top, top]


def test_pi_and_sqrt2_together():
    # πx + √2y on the unit circle: (x, y) = ±(π, √2)/√(π² + 2), f = ±√(π² + 2).
    result = lagrange("pi x + sqrt(2) y", "x^2 + y^2 = 1", check=False)
    assert result.complete
    top = round((3.141592653589793 ** 2 + 2) ** 0.5, 9)
    assert [round(c.value, 9) for c in result.candidates] == [-top, top]
