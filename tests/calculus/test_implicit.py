"""Implicit differentiation and level sets: against SymPy's idiff, finite differences on the
curve solved numerically, and textbook answers; ``nablab implicit`` through its entry point."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
import sympy
from scipy.optimize import brentq

from nablab.calculus.implicit import implicit
from nablab.cli import main
from nablab.errors import DomainError, UnsupportedError, UsageError
from nablab.parse import parse, parse_relation

x, y, z = (sympy.Symbol(n, real=True) for n in "xyz")

#: (equation, point, tangent, normal): the issue's example, Stewart §3.5's circle and folium
#: of Descartes, and an ellipse.
TEXTBOOK = [
    ("x^2 + xy + y^2 = 3", {"x": -1, "y": -1}, "y = -x - 2", "y = x"),
    ("x^3 + y^3 = 6xy", {"x": 3, "y": 3}, "y = 6 - x", "y = x"),        # folium of Descartes
    ("x^2 + y^2 = 25", {"x": 3, "y": 4}, "y = 25/4 - 3*x/4", "y = 4*x/3"),
    ("x^2 - xy + y^2 = 3", {"x": -1, "y": 1}, "y = x + 2", "y = -x"),  # ellipse
]

RELATIONS = ["x^2 + xy + y^2 = 3", "x^3 + y^3 = 6xy", "sin(x + y) = y^2 cos x",
             "e^(x y) = x + y", "x^2 y^2 + x sin y = 4", "sqrt(x + y) = x^4 + y^4"]


def _equation(text: str) -> Any:
    relation = parse_relation(text)
    return sympy.Eq(relation.lhs, relation.rhs)


@pytest.mark.parametrize(("text", "point", "tangent", "normal"), TEXTBOOK)
def test_textbook_tangent_and_normal(text: str, point: dict[str, int], tangent: str,
                                     normal: str) -> None:
    result = implicit(text, point)
    assert result.status == "ok"
    for got, expected in ((result.tangent, tangent), (result.normal, normal)):
        assert got is not None
        assert sympy.simplify(_equation(got).lhs - _equation(got).rhs
                              - (_equation(expected).lhs - _equation(expected).rhs)) == 0


@pytest.mark.parametrize("text", RELATIONS)
def test_derivative_matches_sympy_idiff(text: str) -> None:
    relation = parse_relation(text)
    expected = sympy.idiff(relation.lhs - relation.rhs, y, x)
    got = implicit(text).derivatives[0]
    assert sympy.simplify(got - expected) == 0
    spot = {x: sympy.Rational(3, 10), y: sympy.Rational(7, 10)}
    assert abs(complex((got - expected).subs(spot).evalf())) < 1e-9


def test_slope_matches_finite_differences_on_the_curve() -> None:
    # y(x) near (3, 3) on the folium, solved for each x; the central difference is dy/dx.
    def y_of(t: float) -> float:
        return float(brentq(lambda s: t**3 + s**3 - 6 * t * s, 2.5, 3.5))

    h = 1e-5
    numeric = (y_of(3 + h) - y_of(3 - h)) / (2 * h)
    result = implicit("x^3 + y^3 = 6xy", {"x": 3, "y": 3})
    assert result.slopes is not None
    assert float(result.slopes[0]) == pytest.approx(numeric, abs=1e-6)


def test_gradient_is_perpendicular_to_the_tangent() -> None:
    result = implicit("x^3 + y^3 = 6xy", {"x": sympy.Rational(4, 3), "y": sympy.Rational(8, 3)})
    assert result.tangent_equation is not None and result.gradient is not None
    var, rhs = result.tangent_equation
    slope = sympy.diff(rhs, x)
    assert var == y
    assert sympy.simplify(result.gradient[0] * 1 + result.gradient[1] * slope) == 0


def test_level_surface_sphere_tangent_plane_and_partials() -> None:
    result = implicit("x^2 + y^2 + z^2 = 14", {"x": 1, "y": 2, "z": 3})
    assert result.tangent == "z = -x/3 - 2*y/3 + 14/3"       # x + 2y + 3z = 14
    assert result.normal == "(x, y, z) = (1, 2, 3) + t*(2, 4, 6)"
    F = x**2 + y**2 + z**2 - 14
    for d, var in zip(result.derivatives, (x, y), strict=True):
        assert sympy.simplify(d - sympy.idiff(F, z, var)) == 0
    assert result.slopes == (-sympy.Rational(1, 3), -sympy.Rational(2, 3))


def test_level_surface_partials_match_the_explicit_surface() -> None:
    # z = sqrt(9 - x² - y²) on the upper half of x² + y² + z² = 9: ∂z/∂x directly.
    result = implicit("x^2 + y^2 + z^2 = 9", {"x": 1, "y": 2, "z": 2})
    explicit = sympy.sqrt(9 - x**2 - y**2)
    assert result.slopes is not None
    for slope, var in zip(result.slopes, (x, y), strict=True):
        assert slope == sympy.diff(explicit, var).subs({x: 1, y: 2})


def test_vertical_tangent_is_said() -> None:
    result = implicit("x^2 + y^2 = 1", {"x": 1, "y": 0})
    assert (result.status, result.slopes, result.tangent, result.normal) == \
        ("vertical", None, "x = 1", "y = 0")
    assert "vertical" in result.document("en").text()


def test_singular_point_has_no_tangent() -> None:
    result = implicit("x^2 = y^2", {"x": 0, "y": 0})
    assert (result.status, result.tangent, result.normal) == ("singular", None, None)
    assert "∇F = 0" in result.document("en").text()


@pytest.mark.parametrize(("text", "point", "error", "kind"), [
    ("x^2 + y^2 = 3", {"x": 1, "y": 1}, DomainError, "not_on_level_set"),
    ("x^2 + y^2 <= 3", None, UsageError, "implicit_needs_equation"),
    ("x^2 = 3", None, UnsupportedError, "implicit_variables"),
    ("x + y + z + w = 1", None, UnsupportedError, "implicit_variables"),
    ("x^2 + y^2 = 1", {"x": 1}, UsageError, "implicit_point"),
    ("sqrt(x) + y = 1", {"x": -1, "y": 2}, DomainError, "undefined_at_point"),
])
def test_bad_input_is_refused(text: str, point: dict[str, int] | None, error: type,
                              kind: str) -> None:
    with pytest.raises(error) as caught:
        implicit(text, point)
    assert caught.value.kind == kind


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_json() -> None:
    code, out, _ = run("implicit", "x^2 + xy + y^2 = 3", "--at", "x=-1,y=-1", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"derivative", "tangent", "normal", "status", "gradient"} <= set(data)
    assert (data["tangent"], data["normal"], data["slope"]) == ("y = -x - 2", "y = x", -1.0)
    assert sympy.simplify(parse(data["derivative"]).expr + (2 * x + y) / (x + 2 * y)) == 0


def test_cli_json_without_a_point() -> None:
    code, out, _ = run("implicit", "x^2 + y^2 = 25", "--json")
    data = json.loads(out)
    assert code == 0 and (data["tangent"], data["normal"], data["point"]) == (None, None, None)


def test_cli_text_in_korean_and_refusal() -> None:
    code, out, _ = run("implicit", "x^3 + y^3 = 6xy", "--at", "3,3", "--lang", "ko")
    assert code == 0 and "음함수 미분" in out and "접선:  y = −x + 6" in out
    code, _, err = run("implicit", "x^2 + y^2 = 3", "--at", "1,1")
    assert code == 1 and "not on the level set" in err


@pytest.mark.parametrize(("text", "at"), [("x^2 + xy + y^2 = 3", "-1,-1"),
                                          ("x^2 + y^2 + z^2 = 14", "1,2,3"),
                                          ("x^2 + y^2 = 4", None)])
def test_cli_plot_writes_a_figure(tmp_path: Any, text: str, at: str | None) -> None:
    target = tmp_path / "level.png"
    argv = ["implicit", text, "--plot", str(target)] + ([] if at is None else ["--at", at])
    code, _, err = run(*argv)
    assert code == 0, err
    assert target.stat().st_size > 1000


def test_constants_need_values() -> None:
    with pytest.raises(UsageError) as caught:
        implicit("x^2 + y^2 = r^2", {"x": 3, "y": 4}, variables="x,y")
    assert caught.value.kind == "implicit_constants"
    assert str(implicit("x^2 + y^2 = r^2", variables="x,y")) == "dy/dx = −x/y"
    code, out, _ = run("implicit", "x^2 + y^2 = r^2", "--given", "r=5", "--at", "3,4", "--json")
    assert code == 0 and json.loads(out)["tangent"] == "y = 25/4 - 3*x/4"


def test_a_long_quotient_is_not_simplified_but_still_right() -> None:
    text = "sin(x^7 y^5 + e^(xy))^5 = cos(x y^3)^9 + sqrt(x^3 + y^11)"
    relation = parse_relation(text)
    got = implicit(text).derivatives[0]
    expected = sympy.idiff(relation.lhs - relation.rhs, y, x)
    spot = {x: sympy.Rational(3, 10), y: sympy.Rational(7, 10)}
    assert abs(complex((got - expected).subs(spot).evalf())) < 1e-9
