"""Taylor polynomials against sympy.series (one variable), the series of f(a + t(x − a)) in t
(several variables), published textbook answers, and the CLI."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
import sympy

from nablab.calculus.taylor import MAX_ORDER, taylor
from nablab.cli import main
from nablab.core.catalog import expand_named
from nablab.errors import DomainError, UnsupportedError
from nablab.jobs import TaylorRequest
from nablab.plot.taylor import drawn_orders

x, y, z, t = sympy.symbols("x y z t", real=True)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["taylor", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("text", "a", "order"), [
    ("e^x", 0, 4), ("sin x", 0, 7), ("cos x", 1, 3), ("ln x", 1, 4), ("sqrt x", 4, 3),
    ("1/(1 - x)", 0, 5), ("x^3 - 2x", 2, 2), ("atan x", 0.5, 3), ("sigmoid(x)", 0, 3),
])
def test_one_variable_against_sympy_series(text: str, a: float, order: int) -> None:
    result = taylor(text, {"x": a}, order)
    f, centre = expand_named(result.expression.expr), sympy.nsimplify(a)   # σ in exp
    series = sympy.series(f, x, centre, order + 1).removeO()
    assert sympy.simplify(sympy.expand(result.polynomial - series)) == 0
    assert result.order == order and len(result.terms) == order + 1


def _along_a_ray(f: sympy.Expr, centre: dict[sympy.Symbol, sympy.Expr], order: int) -> sympy.Expr:
    """The oracle: g(t) = f(a + t(x − a)) expanded in t to tⁿ, then t = 1."""
    g = f.xreplace({v: a + t * (v - a) for v, a in centre.items()})
    return sympy.series(g, t, 0, order + 1).removeO().subs(t, 1)


@pytest.mark.parametrize(("text", "point", "order"), [
    ("e^x sin y", {"x": 0, "y": 0}, 2), ("e^x sin y", {"x": 0, "y": 0}, 4),
    ("x^2 y + y^3", {"x": 1, "y": -1}, 2), ("ln(1 + x + 2y)", {"x": 0, "y": 0}, 3),
    ("cos(x) e^y", {"x": 1, "y": 0.5}, 2), ("x y z + x^2 + sin z", {"x": 1, "y": 2, "z": 0}, 3),
])
def test_several_variables_against_the_series_along_a_ray(text: str, point: dict[str, float],
                                                          order: int) -> None:
    result = taylor(text, point, order)
    centre = {v: sympy.nsimplify(point[v.name]) for v in result.expression.variables}
    expected = _along_a_ray(result.expression.expr, centre, order)
    assert sympy.simplify(sympy.expand(result.polynomial - expected)) == 0


def test_hand_computed_expansions() -> None:
    # e^x sin y = (1 + x + …)(y − y³/6 + …): y + xy up to degree 2
    assert sympy.expand(taylor("e^x sin y", {"x": 0, "y": 0}, 2).polynomial) == x * y + y
    # e^(x+y) = 1 + (x + y) + (x + y)²/2 + …
    quadratic = taylor("e^(x + y)", {"x": 0, "y": 0}, 2).polynomial
    assert sympy.expand(quadratic - (1 + x + y + (x + y) ** 2 / 2)) == 0
    # a polynomial is its own Taylor polynomial of its degree, about any point
    assert sympy.expand(taylor("x^2 + 3xy + y^2", {"x": 1, "y": 2}, 2).polynomial) == \
        x ** 2 + 3 * x * y + y ** 2


@pytest.mark.parametrize(("text", "a", "order", "answer"), [
    # OpenStax Calculus Volume 2, §6.3: Examples 6.12 (e^x), 6.13 (√x at 4), 6.14 (sin x)
    ("e^x", 0, 3, 1 + x + x ** 2 / 2 + x ** 3 / 6),
    ("sqrt x", 4, 2, 2 + (x - 4) / 4 - (x - 4) ** 2 / 64),
    ("sin x", 0, 5, x - x ** 3 / 6 + x ** 5 / 120),
    ("ln x", 1, 3, (x - 1) - (x - 1) ** 2 / 2 + (x - 1) ** 3 / 3),
    ("1/x", 2, 2, sympy.Rational(1, 2) - (x - 2) / 4 + (x - 2) ** 2 / 8),
])
def test_textbook_answers(text: str, a: float, order: int, answer: sympy.Expr) -> None:
    assert sympy.expand(taylor(text, {"x": a}, order).polynomial - answer) == 0


def test_terms_are_named_and_match_gradient_and_hessian() -> None:
    result = taylor("x^3 y + e^(x y)", {"x": 1, "y": 2}, 3)
    f, point = result.expression.expr, {x: 1, y: 2}
    assert [term.kind for term in result.terms] == ["value", "gradient", "hessian", "higher"]
    assert result.terms[0].term == f.subs(point)
    gradient = [sympy.diff(f, v).subs(point) for v in (x, y)]
    assert [sympy.simplify(g - e) for g, e in zip(result.gradient, gradient, strict=True)] == [0, 0]
    hessian = sympy.hessian(f, (x, y)).subs(point)
    assert result.hessian is not None
    assert sympy.simplify(sympy.Matrix(result.hessian) - hessian) == sympy.zeros(2, 2)
    dx, dy = x - 1, y - 2
    linear = gradient[0] * dx + gradient[1] * dy
    quadratic = (hessian[0, 0] * dx ** 2 + 2 * hessian[0, 1] * dx * dy
                 + hessian[1, 1] * dy ** 2) / 2
    assert sympy.simplify(result.terms[1].term - linear) == 0
    assert sympy.simplify(result.terms[2].term - quadratic) == 0
    assert sympy.simplify(result.partial_sum(1) - f.subs(point) - linear) == 0


def test_the_error_shrinks_like_h_to_the_order_plus_one() -> None:
    result = taylor("e^x sin y", {"x": 0, "y": 0}, 2)
    assert [e.h for e in result.errors] == [0.5, 0.2, 0.1, 0.05, 0.01]
    for row in result.errors:
        assert row.f == pytest.approx(math.exp(row.h) * math.sin(row.h), rel=1e-14)
        assert row.taylor == pytest.approx(row.h + row.h ** 2, rel=1e-14)
        assert row.error == pytest.approx(abs(row.f - row.taylor), rel=1e-6)
    assert [round(e.order, 1) for e in result.errors[2:]] == [3.0, 3.0, 3.0]
    # beyond float precision the error is still computed (to 30 digits)
    assert 0 < taylor("sin x", {"x": 0}, 5).errors[-1].error < 1e-17


def test_errors_are_none_where_f_is_undefined_nearby() -> None:
    result = taylor("ln(1 - x)", {"x": 0}, 2)
    assert result.errors[0].h == 0.5 and result.errors[0].f is not None
    assert taylor("sqrt(1 - x - y)", {"x": 0.3, "y": 0.3}, 1).errors[0].f is None


@pytest.mark.parametrize(("text", "point", "order", "error"), [
    ("ln x", {"x": 0}, 2, DomainError), ("|x|^(3/2)", {"x": 0}, 2, DomainError),
    ("x^2", {"x": 1}, MAX_ORDER + 1, UnsupportedError), ("x^2", {"x": 1}, -1, UnsupportedError),
])
def test_refusals(text: str, point: dict[str, float], order: int, error: type) -> None:
    with pytest.raises(error):
        taylor(text, point, order)


def test_cli_text_json_and_korean() -> None:
    code, out, err = cli("e^x sin y", "--at", "x=0,y=0", "--order", "2")
    assert code == 0, err
    assert "T₂ = xy + y" in out and "Hessian quadratic form" in out
    code, out, _ = cli("e^x sin y", "--at", "x=0,y=0", "--json")
    data = json.loads(out)
    assert data["polynomial"] == "x*y + y" and data["order"] == 2
    assert data["at"] == {"x": 0.0, "y": 0.0}
    assert [term["kind"] for term in data["terms"]] == ["value", "gradient", "hessian"]
    assert set(data["errors"][0]) == {"h", "f", "taylor", "error", "order"}
    code, out, _ = cli("sin x", "--at", "0", "--order", "3", "--lang", "ko")
    assert code == 0 and "3차 테일러 다항식" in out and "일차 항" in out
    code, _, err = cli("ln x", "--at", "0")
    assert code == 1 and "undefined" in err
    code, _, err = cli("x^2", "--at", "1", "--order", "11")
    assert code == 3 and "0 to 10" in err


@pytest.mark.parametrize(("text", "at"), [("sin x", "0"), ("e^x sin y", "x=0,y=0")])
def test_plot_draws_f_and_its_polynomials(text: str, at: str, tmp_path: Path) -> None:
    request = TaylorRequest(expression=text, at=at, order=3)
    request.check_drawable()
    figure = request.picture(request.run()).static("ko")
    assert figure.axes
    code, out, err = cli(text, "--at", at, "--plot", str(tmp_path / "t.png"))
    assert code == 0, err
    assert (tmp_path / "t.png").stat().st_size > 1000


def test_drawn_orders() -> None:
    assert drawn_orders(0) == [0]
    assert drawn_orders(2) == [1, 2]
    assert drawn_orders(10) == [1, 2, 3, 4, 10]
