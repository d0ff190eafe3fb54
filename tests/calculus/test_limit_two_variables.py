"""Limits in two variables: textbook answers, each path's limit against SymPy on the substituted
function and against the numbers, squeeze bounds checked at random points, and the CLI.

Textbook cases: OpenStax Calculus Volume 3, §4.2 (x y/(x² + y²), (x² − y²)/(x² + y²),
x²y/(x⁴ + y²)), Stewart §14.2 (3x²y/(x² + y²) → 0 by the squeeze), and
sin(x² + y²)/(x² + y²) → 1 (polar: sin r²/r²).
"""

from __future__ import annotations

import io
import json
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sympy

from nablab.calculus.limit2d import THETA, K, M, R, T, limit_2d
from nablab.calculus.limit2d_result import Limit2D, PathLimit
from nablab.cli import main
from nablab.errors import UsageError
from nablab.parse import parse

#: (f, point, exists, value): published answers.
TEXTBOOK = [
    ("x y/(x^2 + y^2)", (0, 0), False, None),
    ("x^2 y/(x^4 + y^2)", (0, 0), False, None),
    ("x^2 y/(x^2 + y^2)", (0, 0), True, 0),
    ("(x^2 - y^2)/(x^2 + y^2)", (0, 0), False, None),
    ("sin(x^2 + y^2)/(x^2 + y^2)", (0, 0), True, 1),
    ("3x^2 y/(x^2 + y^2)", (0, 0), True, 0),
    ("x y/sqrt(x^2 + y^2)", (0, 0), True, 0),
    ("x^3/(x^2 + 2y^2)", (0, 0), True, 0),
    ("(x^2 + y)/(1 + x y)", (1, 2), True, 1),
    ("x^2 + y^2", (0.5, 0.1), True, sympy.Rational(13, 50)),
    ("(x - 1)(y - 2)/((x - 1)^2 + (y - 2)^2)", (1, 2), False, None),
    ("1/(x^2 + y^2)", (0, 0), False, None),
    ("x/sqrt(x^2 + y^2)", (0, 0), False, None),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def solve(f: str, point: tuple[Any, Any]) -> Limit2D:
    return limit_2d(f, {"x": point[0], "y": point[1]})


def substituted(result: Limit2D, path: PathLimit) -> Any:
    """f along the path, as a function of t (written here, not taken from the result)."""
    x, y = result.expression.variables
    a, b = result.at.values()
    return result.expression.expr.xreplace({x: a + path.u, y: b + path.v})


@pytest.mark.parametrize(("f", "point", "exists", "value"), TEXTBOOK)
def test_textbook_answers(f: str, point: tuple[Any, Any], exists: bool, value: Any) -> None:
    result = solve(f, point)
    assert result.exists is exists
    if exists:
        assert sympy.simplify(result.value - value) == 0
        assert result.to_dict()["value"] == pytest.approx(float(value))
    else:
        assert result.value is None and result.witnesses is not None


@pytest.mark.parametrize(("f", "point", "exists", "value"), TEXTBOOK)
def test_each_path_limit_agrees_with_sympy_and_the_numbers(f: str, point: tuple[Any, Any],
                                                            exists: bool, value: Any) -> None:
    result = solve(f, point)
    for path in result.paths:
        if path.limit is None or path.limit is sympy.nan or path.parameter is not None:
            continue
        along = substituted(result, path)
        expected = sympy.limit(along, T, 0, "+")
        if not path.limit.is_finite:
            assert expected == path.limit, path.path
            continue
        assert sympy.simplify(expected - path.limit) == 0, path.path
        if path.limit.is_finite:
            near = float(along.subs(T, sympy.Rational(1, 10**5)))
            assert near == pytest.approx(float(path.limit), abs=1e-3), path.path


def test_lines_give_m_over_one_plus_m_squared() -> None:
    """OpenStax's answer: along y = mx, x y/(x² + y²) → m/(1 + m²)."""
    result = solve("x y/(x^2 + y^2)", (0, 0))
    line = next(p for p in result.paths if p.kind == "line" and p.parameter is not None)
    assert line.path == "y = mx" and line.to_dict()["path"] == "y = m*x"
    assert sympy.simplify(line.limit - M / (1 + M**2)) == 0
    assert result.reason == "paths_differ"
    assert "along y = mx it is m/(m² + 1)" in result.conclusion("en")


def test_lines_agree_but_the_parabola_y_equals_x_squared_gives_one_half() -> None:
    result = solve("x^2 y/(x^4 + y^2)", (0, 0))
    lines = [p for p in result.paths if p.kind in ("line", "x_axis", "y_axis")]
    assert all(p.limit == 0 for p in lines)
    family = next(p for p in result.paths if p.kind == "parabola_y" and p.parameter is not None)
    assert sympy.simplify(family.limit - K / (1 + K**2)) == 0
    first, second = result.witnesses or ()
    assert {first.limit, second.limit} == {0, sympy.Rational(1, 2)}
    assert "y = x²" in (first.path, second.path)


def test_the_two_witness_paths_really_differ() -> None:
    for f, point, _, _ in TEXTBOOK:
        result = solve(f, point)
        if result.reason != "paths_differ":
            continue
        p, q = result.witnesses or ()
        lp = sympy.limit(substituted(result, p), T, 0)
        lq = sympy.limit(substituted(result, q), T, 0)
        assert sympy.simplify(lp - lq) != 0, f


@pytest.mark.parametrize("f", ["x^2 y/(x^2 + y^2)", "3x^2 y/(x^2 + y^2)", "x y/sqrt(x^2 + y^2)",
                               "x^3/(x^2 + 2y^2)", "(x^4 - y^4)/(x^2 + y^2)"])
def test_the_squeeze_bound_holds_at_random_points(f: str) -> None:
    """|f − L| ≤ g(r) checked on f itself (not its polar form) at random points near 0."""
    result = solve(f, (0, 0))
    assert result.reason == "squeeze" and result.exists
    assert not result.bound.has(THETA)
    assert sympy.limit(result.bound, R, 0, "+") == 0
    expr = parse(f).expr
    x, y = parse(f).variables
    rng = random.Random(16)
    for _ in range(200):
        r, theta = rng.uniform(1e-4, 0.5), rng.uniform(0, 2 * math.pi)
        here = float(expr.subs({x: r * math.cos(theta), y: r * math.sin(theta)}))
        assert abs(here - float(result.value)) <= float(result.bound.subs(R, r)) + 1e-12


def test_radial_polar_form() -> None:
    result = solve("sin(x^2 + y^2)/(x^2 + y^2)", (0, 0))
    assert result.reason == "radial" and result.value == 1
    assert sympy.simplify(result.polar - sympy.sin(R**2) / R**2) == 0


def test_cubics_are_tried_when_lines_and_parabolas_agree_without_a_bound() -> None:
    """x³y/(x⁶ + y²) is 0 along every line and parabola, 1/2 along y = x³ (Stewart §14.2)."""
    result = solve("x^3 y/(x^6 + y^2)", (0, 0))
    assert result.exists is False and result.reason == "paths_differ"
    assert "y = x³" in [p.path for p in result.witnesses or ()]
    assert all(p.limit == 0 for p in result.paths if p.kind in ("line", "parabola_y"))


def test_paths_that_agree_do_not_prove_a_limit() -> None:
    """x⁴y/(x⁸ + y²): 0 along lines, parabolas and cubics (1/2 along y = x⁴): no claim."""
    result = solve("x^4 y/(x^8 + y^2)", (0, 0))
    assert result.exists is None and result.value is None
    assert result.candidate == 0
    assert "Not decided" in result.conclusion("en")
    assert json.loads(json.dumps(result.to_dict()))["exists"] is None


def test_two_sides_of_a_path_that_disagree() -> None:
    result = solve("x/sqrt(x^2 + y^2)", (0, 0))
    assert result.reason == "path_no_limit"
    assert result.paths[0].limit is sympy.nan and result.paths[0].shown() == "∄"


def test_library_refuses_other_than_two_variables() -> None:
    with pytest.raises(UsageError) as error:
        limit_2d("x + y + z", {"x": 0, "y": 0, "z": 0})
    assert error.value.kind == "limit2d_variables"
    with pytest.raises(UsageError):
        limit_2d("x + y", {"x": 0})


def test_cli_json() -> None:
    code, out, _ = run("limit", "x y/(x^2 + y^2)", "--at", "x=0,y=0", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["exists"] is False and data["value"] is None
    assert {"path": "y = m*x", "kind": "line", "limit": "m/(m**2 + 1)"} in data["paths"]
    assert all(set(p) == {"path", "kind", "limit"} for p in data["paths"])
    code, out, _ = run("limit", "3x^2 y/(x^2 + y^2)", "--at", "x=0,y=0", "--json")
    data = json.loads(out)
    assert data["exists"] is True and data["value"] == 0.0 and data["reason"] == "squeeze"
    assert data["at"] == {"x": 0.0, "y": 0.0}


@pytest.mark.parametrize(("lang", "words"), [("en", "does not exist"), ("ko", "존재하지 않습니다")])
def test_cli_text_in_both_languages(lang: str, words: str) -> None:
    code, out, _ = run("limit", "(x^2 - y^2)/(x^2 + y^2)", "--at", "x=0,y=0", "--lang", lang)
    assert code == 0 and words in out and "y = mx" in out


def test_cli_with_wrt_keeps_the_partial_derivative() -> None:
    """--wrt still asks for ∂f/∂x from the limit definition, as before."""
    code, out, _ = run("limit", "x y", "--wrt", "x", "--at", "x=1,y=2", "--json")
    assert code == 0
    assert json.loads(out)["derivative"] == "y"
    code, _, err = run("limit", "x y")
    assert code == 2 and "--wrt" in err


def test_cli_plot(tmp_path: Path) -> None:
    target = tmp_path / "paths.png"
    code, _, _ = run("limit", "x^2 y/(x^4 + y^2)", "--at", "x=0,y=0", "--plot", str(target))
    assert code == 0 and target.stat().st_size > 10_000


def test_plot_samples_follow_the_path() -> None:
    from nablab.plot.limit2d import drawn_paths, path_samples

    result = solve("x^2 y/(x^4 + y^2)", (0, 0))
    parabola = next(p for p in drawn_paths(result) if p.path == "y = x²")
    _, xs, ys, zs = path_samples(result, parabola)
    finite = ~np.isnan(xs)
    assert ys[finite] == pytest.approx(xs[finite] ** 2)
    assert zs[finite] == pytest.approx(0.5)


def test_polar_coordinates_about_a_point_off_the_origin() -> None:
    code, out, _ = run("limit", "((x-1)^2 (y+1))/((x-1)^2 + (y+1)^2)", "--at", "x=1,y=-1")
    assert code == 0
    assert "x − 1 = r cos θ,  y + 1 = r sin θ" in out and "The limit is 0" in out


def test_a_constant_that_may_be_zero_decides_nothing() -> None:
    """a x y/(x² + y²): 0 along y = 0, a/2 along y = x — different only when a ≠ 0."""
    result = limit_2d(parse("a x y/(x^2 + y^2)", variables=["x", "y"]), {"x": 0, "y": 0})
    assert result.exists is None and result.candidate is None
    assert "could not all be found or compared" in result.conclusion("en")


@pytest.mark.parametrize("f", ["sign(x) + y", "heaviside(x) + y"])
def test_a_function_with_a_jump_is_not_called_continuous(f: str) -> None:
    """sign(0) + 0 = 0 is defined, yet along y = 0 the two sides give −1 (or 0) and 1."""
    result = solve(f, (0, 0))
    assert result.exists is False and result.reason == "path_no_limit"
