"""Implicit differentiation and level sets: F(x, y) = c and F(x, y, z) = c.

Differentiating F(x, y(x)) = c with the chain rule gives F_x + F_y·y′ = 0, so
dy/dx = −F_x/F_y wherever F_y ≠ 0; for F(x, y, z(x, y)) = c, ∂z/∂x = −F_x/F_z and
∂z/∂y = −F_y/F_z. At a point of the level set, ∇F is perpendicular to it: the tangent line
(or plane) is ∇F(a)·(x − a) = 0 and the normal line runs along ∇F(a).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import sympy

from nablab.calculus.implicit_result import ImplicitResult
from nablab.calculus.notation import unicode
from nablab.calculus.points import exact_number
from nablab.calculus.simplest import simplified
from nablab.calculus.verify import numeric_value
from nablab.errors import DomainError, UnsupportedError, UsageError
from nablab.parse import parse_relation
from nablab.parse.parser import Relation

#: |F(a) − c| below this counts as on the level set (a point typed as 0.1 is not exact).
ON_LEVEL_TOLERANCE = 1e-9
#: Quotients with at most this many operations are simplified (larger ones take too long).
SIMPLIFY_OPS = 40


@dataclass(frozen=True)
class LevelSet:
    """F = lhs − rhs of a relation ``lhs = rhs``, with its variables (the last is dependent)."""

    relation: Relation
    F: Any
    variables: tuple[sympy.Symbol, ...]

    @property
    def constants(self) -> list[str]:
        """The names in F that are not variables (``r`` in x² + y² = r² with --vars x,y)."""
        return sorted(s.name for s in self.F.free_symbols - set(self.variables))

    def given(self, values: Mapping[str, Any]) -> LevelSet:
        """The level set with exact values put in for constants (``{"r": 5}``)."""
        swap = {s: exact_number(values[s.name]) for s in self.F.free_symbols
                if s.name in values and s not in self.variables}
        relation = replace(self.relation, lhs=self.relation.lhs.xreplace(swap),
                           rhs=self.relation.rhs.xreplace(swap), typed=None)
        return LevelSet(relation, sympy.expand(self.F.xreplace(swap)), self.variables)


def level_set(relation: Relation | str, variables: str | None = None) -> LevelSet:
    """The level set of an equation in two or three variables.

    Raises:
        UsageError: not an equation (``<=``…).
        UnsupportedError: fewer than two or more than three variables.
    """
    if isinstance(relation, str):
        relation = parse_relation(relation, variables)
    if relation.op != "=":
        raise UsageError("implicit_needs_equation", op=relation.op)
    names = tuple(relation.variables)
    if len(names) not in (2, 3):
        raise UnsupportedError("implicit_variables", count=len(names))
    return LevelSet(relation, sympy.expand(relation.lhs - relation.rhs), names)


def implicit(relation: Relation | str, at: Mapping[str, Any] | None = None,
             variables: str | None = None) -> ImplicitResult:
    """dy/dx = −F_x/F_y (or ∂z/∂x, ∂z/∂y), and at a point the tangent and the normal.

    Raises:
        DomainError: the point is not on the level set, or F is undefined there.

    >>> r = implicit("x^2 + xy + y^2 = 3", {"x": -1, "y": -1})
    >>> r.tangent, r.normal
    ('y = -x - 2', 'y = x')
    """
    level = level_set(relation, variables)
    F, xs = level.F, level.variables
    partials = tuple(sympy.diff(F, v) for v in xs)
    derivatives = tuple(_tidy(-p / partials[-1]) for p in partials[:-1])
    base = ImplicitResult(level.relation, F, xs, partials, derivatives)
    if at is None:
        return base
    if level.constants:
        raise UsageError("implicit_constants", names=", ".join(level.constants))
    point = _point(at, xs)
    _check_on_level(F, point)
    gradient = tuple(_value(p, point, f"∂F/∂{v.name}") for p, v in zip(partials, xs, strict=True))
    slopes = None if gradient[-1] == 0 else \
        tuple(sympy.radsimp(-g / gradient[-1]) for g in gradient[:-1])
    if all(g == 0 for g in gradient):
        return ImplicitResult(level.relation, F, xs, partials, derivatives, point, gradient,
                              status="singular")
    tangent = linear_equation(gradient, xs, point, prefer=xs[-1])
    normal = linear_equation((gradient[1], -gradient[0]), xs, point, prefer=xs[1]) \
        if len(xs) == 2 else None
    status = "vertical" if gradient[-1] == 0 else "ok"
    return ImplicitResult(level.relation, F, xs, partials, derivatives, point, gradient, slopes,
                          tangent, normal, status)


def linear_equation(coefficients: tuple[Any, ...], xs: tuple[sympy.Symbol, ...],
                    point: Mapping[sympy.Symbol, Any], prefer: sympy.Symbol
                    ) -> tuple[sympy.Symbol, Any]:
    """Σ cᵢ(xᵢ − aᵢ) = 0 solved for ``prefer`` (or the first variable it can be solved for).

    In the plane the normal line is this with (cᵢ) = (F_y, −F_x): perpendicular to ∇F's
    perpendicular.

    >>> x, y = sympy.symbols("x y")
    >>> linear_equation((1, 1), (x, y), {x: -1, y: -1}, y)
    (y, -x - 2)
    """
    terms = dict(zip(xs, coefficients, strict=True))
    solve_for = prefer if terms[prefer] != 0 else next(v for v in xs if terms[v] != 0)
    rest = sum(c * (v - point[v]) for v, c in terms.items() if v != solve_for)
    return solve_for, sympy.expand(point[solve_for] - rest / terms[solve_for])


def _tidy(expr: Any) -> Any:
    """``expr`` simplified when that is cheap (small), else only put over one denominator:
    simplify can take seconds on a long trigonometric quotient."""
    if sympy.count_ops(expr) <= SIMPLIFY_OPS:
        return simplified(expr)
    return sympy.together(expr)


def _point(at: Mapping[str, Any], xs: tuple[sympy.Symbol, ...]) -> dict[sympy.Symbol, Any]:
    missing = [v.name for v in xs if v.name not in at]
    if missing:
        raise UsageError("implicit_point", names=", ".join(v.name for v in xs))
    return {v: exact_number(at[v.name]) for v in xs}


def _check_on_level(F: Any, point: Mapping[sympy.Symbol, Any]) -> None:
    """Refuse a point off the level set: F(a) must equal c (F = lhs − rhs = 0)."""
    value = _value(F, point, "F")
    number = numeric_value(value, {})
    if value == 0 or (number is not None and abs(number) < ON_LEVEL_TOLERANCE):
        return
    raise DomainError("not_on_level_set", value=unicode(value))


def _value(expr: Any, point: Mapping[sympy.Symbol, Any], what: str) -> Any:
    """``expr`` at the point, exactly; undefined or not real is a DomainError."""
    value = sympy.radsimp(sympy.expand(expr.xreplace(dict(point))))
    number = numeric_value(value, {})
    if number is None or abs(number.imag) > 1e-12 or not math.isfinite(number.real):
        raise DomainError("undefined_at_point", what=what)
    return value


__all__ = ["ON_LEVEL_TOLERANCE", "SIMPLIFY_OPS", "LevelSet", "implicit", "level_set",
           "linear_equation"]
