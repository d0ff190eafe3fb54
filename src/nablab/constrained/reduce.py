"""Eliminate variables with the equality constraints that can be solved for one of them.

An equality gᵢ − kᵢ = a·v + b(others) = 0 with a a non-zero rational number gives
v = −b/a, a polynomial in the others; substituting it into f and the remaining constraints
describes the same set as the graph of a polynomial map over fewer variables. Since
v = −b/a stays bounded while the others do, a sequence in the set runs off to infinity
exactly when its remaining coordinates do — so boundedness of the set and coercivity of f
on it can be read on the reduced problem. (The notes' path 2(x − 1)² − 10y + 6 = 0 is linear
in y: y = ((x − 1)² + 3)/5, and f becomes a polynomial in x alone.)

With ``rational=True`` a variable whose coefficient a is a polynomial in the others may be
eliminated too (v = −b/a wherever a ≠ 0): the set is no longer described completely, but
any curve built from the reduced problem where a ≠ 0 still lies in it — enough to prove that
f is unbounded (xy = 1: y = 1/x).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from nablab.constrained.problem import Problem


@dataclass(frozen=True)
class Reduced:
    """The problem after eliminating variables.

    Attributes:
        variables: the variables left.
        objective: f in them.
        equalities: residuals r = g − k that must vanish.
        inequalities: (s, r) pairs meaning s·r ≤ 0.
        eliminated: (v, expression) in elimination order; each expression may use
            variables eliminated later.
        empty: a constraint reduced to a false constant statement: the set is empty.
    """

    variables: tuple[sympy.Symbol, ...]
    objective: Any
    equalities: tuple[Any, ...]
    inequalities: tuple[tuple[int, Any], ...]
    eliminated: tuple[tuple[sympy.Symbol, Any], ...]
    empty: bool = False

    def solved(self) -> dict[sympy.Symbol, Any]:
        """Each eliminated variable as a function of the variables left."""
        out: dict[sympy.Symbol, Any] = {}
        for v, expr in reversed(self.eliminated):
            out[v] = sympy.cancel(expr.xreplace(out))
        return out


def reduce(problem: Problem, rational: bool = False) -> Reduced:
    """Eliminate variables through equality constraints, one at a time (see the module)."""
    variables = list(problem.variables)
    objective = problem.objective.expr
    equalities = [c.residual for c in problem.constraints if c.kind == "equality"]
    inequalities = [(c.side, c.residual) for c in problem.constraints if c.kind != "equality"]
    eliminated: list[tuple[sympy.Symbol, Any]] = []
    while True:
        pick = _solvable(equalities, variables, rational)
        if pick is None:
            break
        index, v, expr = pick
        equalities.pop(index)
        variables.remove(v)
        eliminated.append((v, expr))
        objective = _substituted(objective, v, expr)
        equalities = [_substituted(e, v, expr) for e in equalities]
        inequalities = [(s, _substituted(e, v, expr)) for s, e in inequalities]
        equalities, inequalities, empty = _constants(equalities, inequalities)
        if empty:
            return Reduced(tuple(variables), objective, (), (), tuple(eliminated), True)
    return Reduced(tuple(variables), objective, tuple(equalities), tuple(inequalities),
                   tuple(eliminated))


def _substituted(expr: Any, v: sympy.Symbol, value: Any) -> Any:
    out = expr.xreplace({v: value})
    if out.is_polynomial():
        return sympy.expand(out)
    return sympy.together(out) if out.is_rational_function() else out


def _solvable(equalities: list[Any], variables: list[sympy.Symbol],
              rational: bool) -> tuple[int, sympy.Symbol, Any] | None:
    """(index, v, v's value) for the first equality linear in some v with a usable
    coefficient: a rational constant, or (``rational``) any polynomial not identically 0."""
    for pass_rational in (False, True) if rational else (False,):
        for index, e in enumerate(equalities):
            if not e.is_rational_function():
                continue
            numerator = sympy.expand(sympy.fraction(sympy.together(e))[0])
            for v in variables:
                poly = _poly(numerator, v)
                if poly is None or poly.degree() != 1:
                    continue
                a, b = poly.all_coeffs()
                if a.is_Rational or (pass_rational and a.free_symbols <= set(variables)):
                    return index, v, sympy.expand(-b / a) if a.is_Rational else -b / a
    return None


def _poly(expr: Any, v: sympy.Symbol) -> sympy.Poly | None:
    try:
        return sympy.Poly(expr, v)
    except sympy.PolynomialError:
        return None


def _constants(equalities: list[Any], inequalities: list[tuple[int, Any]],
               ) -> tuple[list[Any], list[tuple[int, Any]], bool]:
    """Drop constraints that became true constants; report a false one (empty set)."""
    kept_eq, kept_in = [], []
    for e in equalities:
        if e.free_symbols:
            kept_eq.append(e)
        elif e != 0:
            return [], [], True
    for s, e in inequalities:
        if e.free_symbols:
            kept_in.append((s, e))
        elif s * e > 0:
            return [], [], True
    return kept_eq, kept_in, False


__all__ = ["Reduced", "reduce"]
