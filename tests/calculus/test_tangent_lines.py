"""Tangent lines, secants, tangent planes and directional derivatives against oracles."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

from nablab import DomainError, UnsupportedError, tangent_line, tangent_plane
from nablab.calculus.tangent import SECANT_STEPS

x, y = sympy.symbols("x y", real=True)


@pytest.mark.parametrize(("text", "x0"), [("x^2 - x", 2), ("e^x", 0), ("sin x", 1),
                                          ("1/(1 + e^{-x})", -0.5), ("x^3 - 3x", -2)])
def test_tangent_line_against_sympy(text: str, x0: float) -> None:
    t = tangent_line(text, x0)
    f = t.expression.expr
    a = sympy.Rational(repr(x0))
    slope = sympy.diff(f, x).subs(x, a)
    assert sympy.simplify(t.slope - slope) == 0
    assert sympy.simplify(t.value - f.subs(x, a)) == 0
    expected_line = f.subs(x, a) + slope * (x - a)
    assert sympy.simplify(t.line - expected_line) == 0


def test_secant_slopes_converge_to_the_tangent() -> None:
    t = tangent_line("x^2 - x", 2)
    assert [s.h for s in t.secants] == [float(h) for h in SECANT_STEPS]
    for s in t.secants:
        # (f(2 + h) − f(2))/h = 3 + h for f = x² − x, exactly
        assert math.isclose(s.slope, 3 + s.h, rel_tol=1e-15)
        assert math.isclose(s.y, (2 + s.h) ** 2 - (2 + s.h), rel_tol=1e-15)
        assert math.isclose(s.error, s.h, rel_tol=1e-12)
    errors = [s.error for s in t.secants]
    assert errors == sorted(errors, reverse=True)


def test_notes_tangent_and_point_slope_form() -> None:
    t = tangent_line("x^2 - x", 2)
    assert str(t) == "y = 3x − 4"
    assert t.point_slope()[0] == "y = 2 + 3(x − 2)"
    data = t.to_dict()
    assert data["slope"] == 3.0 and data["value"] == 2.0 and data["line"] == "3*x - 4"


def test_tangent_plane_against_central_differences() -> None:
    p = tangent_plane("4 - x^2 - 2y^2", {"x": 1, "y": 1}, [3, 4])
    assert p.plane == sympy.expand(1 - 2 * (x - 1) - 4 * (y - 1))
    f = lambda a, b: 4 - a**2 - 2 * b**2  # noqa: E731 - the oracle, restated
    eps = 1e-6
    numeric = np.array([(f(1 + eps, 1) - f(1 - eps, 1)) / (2 * eps),
                        (f(1, 1 + eps) - f(1, 1 - eps)) / (2 * eps)])
    assert np.allclose([float(g) for g in p.gradient], numeric, atol=1e-8)
    unit = np.array([3, 4]) / 5
    assert p.direction == (sympy.Rational(3, 5), sympy.Rational(4, 5))
    assert math.isclose(float(p.directional_derivative), float(numeric @ unit), rel_tol=1e-8)
    along = (f(1 + eps * unit[0], 1 + eps * unit[1]) - f(1 - eps * unit[0], 1 - eps * unit[1]))
    assert math.isclose(float(p.directional_derivative), along / (2 * eps), rel_tol=1e-7)


def test_tangent_plane_of_the_notes_bowl() -> None:
    p = tangent_plane("x^2 + y^2", {"x": 1, "y": 2}, [1, 1])
    assert str(p) == "z = 2x + 4y − 5"
    assert p.directional_derivative == 3 * sympy.sqrt(2)
    assert set(p.to_dict()) >= {"plane", "gradient", "direction", "directional_derivative"}


def test_errors() -> None:
    with pytest.raises(UnsupportedError):
        tangent_line("x y", 1)
    with pytest.raises(DomainError):
        tangent_line("sqrt(x)", 0)
    with pytest.raises(DomainError):
        tangent_plane("x y", {"x": 1, "y": 1}, [0, 0])
    with pytest.raises(ValueError):
        tangent_plane("x y", {"x": 1}, None)
    with pytest.raises(TypeError):
        tangent_line("x^2", "1")  # type: ignore[arg-type]
