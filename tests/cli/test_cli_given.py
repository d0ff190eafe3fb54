"""``--given a=2``: named constants given exact values (issue 15, item 3), through the CLI."""

from __future__ import annotations

import io
import json

import pytest
import sympy

import nablab
from nablab.cli import main
from nablab.errors import ParseError


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_constant_given_a_value_is_no_longer_a_variable() -> None:
    """x² + a y² − 2a x with a = 1/2: ∇f = (2x − 1, y) = 0 at (1/2, 0), f = −1/4 (by hand)."""
    code, out, err = run("critical", "x^2 + a y^2 - 2 a x", "--given", "a=1/2", "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["variables"] == ["x", "y"]
    assert [p["exact"] for p in data["points"]] == [{"x": "1/2", "y": "0"}]
    assert data["points"][0]["value"] == pytest.approx(-0.25)


def test_declared_parameters_take_their_values() -> None:
    """f(x) = k x² − x with k = 3: the parameter k is refused without a value; with one,
    f′ = 6x − 1 = 0 at x = 1/6 (by hand)."""
    code, _, err = run("critical", "f(x) = k x^2 - x")
    assert code != 0 and "k" in err
    code, out, _ = run("critical", "f(x) = k x^2 - x", "--given", "k=3", "--json")
    assert code == 0 and [p["exact"] for p in json.loads(out)["points"]] == [{"x": "1/6"}]


@pytest.mark.parametrize(("given", "says"), [
    ("2", "name=value"), ("b=2", "'b'"), ("a=x", "a"),
])
def test_bad_values_are_refused_in_words(given: str, says: str) -> None:
    code, out, err = run("critical", "x^2 + a y^2", "--given", given)
    assert code != 0 and out == "" and says in err


def test_korean_message() -> None:
    code, _, err = run("critical", "--lang", "ko", "x^2 + a y^2", "--given", "2")
    assert code != 0 and "이름=값" in err


def test_library_expression_given() -> None:
    f = nablab.parse("a x^2 + y").given({"a": sympy.pi})
    assert f.expr == sympy.pi * sympy.Symbol("x", real=True) ** 2 + sympy.Symbol("y", real=True)
    assert f.variable_names == ("x", "y")
    with pytest.raises(ParseError):
        nablab.parse("x^2").given({"a": 1})


def test_lagrange_takes_values_for_the_constants_of_f_and_the_constraints() -> None:
    """k r² h on h + 2k r = 120 with r, h ≥ 0 and k = π (the can): by hand, h = 120 − 2πr
    gives f = π r²(120 − 2πr), f′ = 0 at r = 40/π, h = 40, f = 64000/π; the lowest value 0
    at the ends r = 0 and h = 0. Solved exactly over ℚ(π)."""
    code, out, err = run("lagrange", "k r^2 h", "-c", "h + 2 k r = 120", "-c", "r >= 0",
                         "-c", "h >= 0", "--given", "k=pi", "--no-check", "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["variables"] == ["h", "r"]
    best = data["maximum"]
    assert best["value_exact"] == "64000/pi"
    assert best["value"] == pytest.approx(64000 / 3.141592653589793)


def test_lagrange_constant_only_in_a_constraint() -> None:
    """xy on x + y = a with a = 10: the highest value 25 at (5, 5) (by hand)."""
    result = nablab.lagrange("xy", "x + y = a", given={"a": 10}, check=False)
    assert result.variables == ("x", "y")
    assert result.maximum.value == 25 and result.maximum.points == ({"x": 5.0, "y": 5.0},)
    with pytest.raises(ParseError):
        nablab.lagrange("xy", "x + y = a", given="b=1", check=False)
