"""The front door: exact when it can, numeric otherwise, and it says which and why."""

from __future__ import annotations

import math

import pytest
import sympy

from nablab.solve import INFINITE, solve_system

x, y, z = sympy.symbols("x y z", real=True)


def test_polynomial_goes_exact() -> None:
    result = solve_system([x**2 - 1, y - x], [x, y])
    assert (result.method, result.complete, result.fallback) == ("groebner", True, None)
    assert sorted(s.exact for s in result.solutions) == [(-1, -1), (1, 1)]


def test_non_polynomial_goes_numeric_and_says_why() -> None:
    result = solve_system([sympy.cos(x), y], [x, y], bounds=[(-4, 4), (-1, 1)])
    assert (result.method, result.complete, result.fallback) == ("newton", False,
                                                                 "not_polynomial")
    assert sorted(s.x[0] for s in result.solutions) == pytest.approx(
        [-math.pi / 2, math.pi / 2], abs=1e-12)


def test_timeout_falls_back_to_newton() -> None:
    equations = [sympy.diff((x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2, v) for v in (x, y)]
    result = solve_system(equations, [x, y], exact_timeout=1e-4, bounds=[(-6, 6), (-6, 6)])
    assert (result.method, result.fallback, result.complete) == ("newton", "timeout", False)
    assert len(result.solutions) == 9


def test_infinite_set_is_sampled_with_its_equations() -> None:
    result = solve_system([2 * (x - y), -2 * (x - y)], [x, y], bounds=[(-1, 1), (-1, 1)])
    assert (result.status, result.fallback, result.complete) == (INFINITE, "infinite", False)
    assert [sympy.expand(e - (x - y)) for e in result.solution_set] == [0]
    assert result.solutions and all(abs(s.x[0] - s.x[1]) < 1e-12 for s in result.solutions)


def test_front_door_keeps_pi_coefficients_exact():
    x, y = sympy.symbols("x y", real=True)
    result = solve_system([x - sympy.pi, y**2 - 2], [x, y])
    assert result.method == "groebner" and result.complete
    assert [s.exact for s in result.solutions] == [(sympy.pi, -sympy.sqrt(2)),
                                                    (sympy.pi, sympy.sqrt(2))]
