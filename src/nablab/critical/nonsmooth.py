"""Where ∇f does not exist: the kinks of |u|, relu, max, min and the roots u^(p/q) at u = 0.

A local extremum of f may sit where f is not differentiable (|x| at 0, √(x² + y²) at the
origin, the end x = 2 of √(4 − x²)), so those points are candidates too — Stewart's
*critical numbers*. Each kink has a **locus** u = 0 (for max(a, b) and min(a, b): a − b = 0)
and fixes f's formula on either side, so the sign pattern σ of the loci splits space into
**cells**: on the cell {uᵢ = 0 (σᵢ = 0), σⱼuⱼ > 0 (σⱼ ≠ 0)} f equals a smooth F_σ
(|u| → σu, relu(u) → u or 0, max(a, b) → a or b, u^r → u^r or 0 on u = 0).

A local extremum p of f lies in one cell, and there f = F_σ on the stratum {uᵢ = 0, σᵢ = 0}
near p, so p is a critical point of F_σ on that stratum: ∇F_σ and the ∇uᵢ are linearly
dependent (Lagrange's condition, or a singular point of the stratum where the ∇uᵢ
themselves are dependent) — every (m + 1)-minor of [∇F_σ; ∇u₁; …; ∇u_m] vanishes. With
polynomial pieces that system is solved exactly, so the list is complete. Open cells (no
locus) are where f is differentiable: their critical points are the usual ∇F_σ = 0.

sign, H(x), floor and ceiling jump: f is not continuous there, and they are refused.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from nablab.core.catalog import CATALOG
from nablab.core.printing import to_str, to_unicode
from nablab.critical.forms import NEGATIVE, POSITIVE, form_sign, homogeneous_parts, sign
from nablab.errors import UnsupportedError
from nablab.solve import INFINITE, Solution, polynomial_system, solve_polynomial_system

#: Cells (sign patterns of the loci) tried at most: four kinks of |·|.
MAX_CELLS = 81
#: Catalogue kinds that are continuous kinks, by the row's ``kink`` name.
_CONTINUOUS = {"|·|": "abs", "relu": "relu", "max": "max", "min": "min"}
#: A cell whose linear programme leaves at most this margin is empty.
EMPTY_TOL = 1e-9
#: Tolerance for a float point's side of a locus, relative to max(1, |x|)².
TOL = 1e-9


@dataclass(frozen=True)
class Kink:
    """One place where f's formula changes: a node of f and the function it is.

    Attributes:
        node: the node of f (``Abs(x - 1)``, ``sqrt(4 - x**2)``, ``Max(x, y)``).
        kind: ``"abs"``, ``"relu"``, ``"max"``, ``"min"`` or ``"root"`` (u^r, r ∉ ℤ).
        signs: the signs its argument may take: (−1, 0, 1); a root (0, 1) (r > 0, defined
            at 0) or (1,) (r < 0: u = 0 is a pole, outside the domain).
    """

    node: Any
    kind: str
    signs: tuple[int, ...]


@dataclass(frozen=True)
class Cell:
    """One sign pattern σ of the loci: f = ``function`` on the set where ``loci`` vanish
    and each ``sides`` entry (u, s) has s·u > 0."""

    signs: tuple[int, ...]
    function: Any
    loci: tuple[Any, ...]
    sides: tuple[tuple[Any, int], ...]

    @property
    def open(self) -> bool:
        """No locus holds: f is differentiable on the cell."""
        return not self.loci


def find_kinks(expr: Any) -> tuple[Kink, ...]:
    """The kinks of ``expr``, innermost first.

    Raises:
        UnsupportedError: ``discontinuous`` for sign, H, floor, ceiling (f jumps);
            ``too_many_kinks`` for max/min of more than two terms.
    """
    out: list[Kink] = []
    for node in sympy.postorder_traversal(expr):
        if any(k.node == node for k in out):
            continue
        row = CATALOG.of(node)
        if row is not None and row.kink is not None:
            kind = _CONTINUOUS.get(row.kink)
            if kind is None:
                raise UnsupportedError("discontinuous", functions=row.kink)
            if kind in ("max", "min") and len(node.args) != 2:
                raise UnsupportedError("too_many_kinks", limit=MAX_CELLS)
            out.append(Kink(node, kind, (-1, 0, 1)))
        elif _is_root(node):
            out.append(Kink(node, "root", (0, 1) if node.exp > 0 else (1,)))
    return tuple(out)


def _is_root(node: Any) -> bool:
    return (isinstance(node, sympy.Pow) and node.exp.is_Rational and not node.exp.is_Integer
            and bool(node.base.free_symbols))


def has_loci(kinks: Sequence[Kink]) -> bool:
    """Whether some kink has a locus (a root u^r with r < 0 has none: u = 0 is a pole)."""
    return any(0 in k.signs for k in kinks)


def too_many(kinks: Sequence[Kink]) -> bool:
    """Whether the kinks make more than :data:`MAX_CELLS` cells."""
    return math.prod(len(k.signs) for k in kinks) > MAX_CELLS


def cells(expr: Any, kinks: Sequence[Kink]) -> list[Cell]:
    """Every sign pattern of the loci, with f's formula and the loci on it."""
    out = []
    for signs in itertools.product(*(k.signs for k in kinks)):
        function, arguments = branch(expr, kinks, signs)
        loci = tuple(u for u, s in zip(arguments, signs, strict=True) if s == 0)
        sides = tuple((u, s) for u, s in zip(arguments, signs, strict=True) if s != 0)
        if any(u.is_number for u in loci) or any(u.is_number and sign(u) != s
                                                 for u, s in sides):
            continue        # a locus that never / always holds: an empty cell
        if _empty(loci, sides):
            continue
        out.append(Cell(tuple(signs), function, loci, sides))
    return out


def _empty(loci: Sequence[Any], sides: Sequence[tuple[Any, int]]) -> bool:
    """Whether linear loci and sides leave no point (x < y, y < 0 < x): the largest t with
    every sᵢuᵢ ≥ t and the loci = 0 (a linear programme) is ≤ 0. Only said for linear
    ones; anything else is kept."""
    exprs = [*loci, *(u for u, _ in sides)]
    variables = sorted(set().union(*(u.free_symbols for u in exprs)), key=lambda v: v.name)
    if not sides or not variables:
        return False
    rows = []
    for u in exprs:
        try:
            poly = sympy.Poly(u, *variables)
        except sympy.PolynomialError:
            return False
        if poly.total_degree() > 1 or not (poly.domain.is_ZZ or poly.domain.is_QQ):
            return False
        rows.append([float(poly.coeff_monomial(v)) for v in variables]
                    + [float(poly.coeff_monomial(1))])
    n = len(variables)
    equal = np.array([r[:n] + [0.0] for r in rows[:len(loci)]]).reshape(-1, n + 1)
    upper = np.array([[-s * c for c in r[:n]] + [1.0]
                      for r, (_, s) in zip(rows[len(loci):], sides, strict=True)])
    bound = np.array([s * r[n] for r, (_, s) in zip(rows[len(loci):], sides, strict=True)])
    cost = np.zeros(n + 1)
    cost[-1] = -1.0
    from scipy.optimize import linprog  # only for kinked problems: SciPy is slow to import

    found = linprog(cost, A_ub=upper, b_ub=bound,
                    A_eq=equal if len(loci) else None,
                    b_eq=np.array([-r[n] for r in rows[:len(loci)]]) if len(loci) else None,
                    bounds=[(None, None)] * n + [(None, 1.0)], method="highs")
    return bool(found.status == 0 and -found.fun <= EMPTY_TOL)


def branch(expr: Any, kinks: Sequence[Kink], signs: Sequence[int]) -> tuple[Any, list[Any]]:
    """(F_σ, each kink's locus function on the cell), rebuilding ``expr`` bottom-up."""
    index = {k.node: i for i, k in enumerate(kinks)}
    arguments: list[Any] = [sympy.Integer(0)] * len(kinks)

    def rebuild(node: Any) -> Any:
        if not node.args:
            return node
        args = [rebuild(a) for a in node.args]
        i = index.get(node)
        if i is None:
            return node.func(*args)
        kind, s = kinks[i].kind, signs[i]
        if kind == "root":
            arguments[i] = args[0]
            return node.func(*args) if s else sympy.Integer(0)
        if kind in ("max", "min"):
            arguments[i] = args[0] - args[1]
            first = (s >= 0) == (kind == "max")
            return args[0] if first or s == 0 else args[1]
        arguments[i] = args[0]
        if kind == "abs":
            return s * args[0]
        return args[0] if s > 0 else sympy.Integer(0)       # relu

    return rebuild(expr), arguments


def stratum_equations(function: Any, loci: Sequence[Any],
                      variables: Sequence[sympy.Symbol]) -> list[Any]:
    """uᵢ = 0 and every (m + 1)-minor of [∇F; ∇u₁; …; ∇u_m]: the points of the stratum where
    F restricted to it is stationary (Lagrange) or the stratum is singular — in x alone.

    A minor with roots in it (F = √(4 − x²)/√(4 + x²)) is replaced by its numerator over a
    common denominator (−8x): where F is differentiable the denominator is finite, so every
    zero of the minor is a zero of the numerator — often a polynomial, solved exactly; the
    caller drops the zeros where F is not differentiable."""
    if len(loci) == 1 and _definite_form(loci[0], variables):
        return list(variables)      # x² + y² = 0 only at the origin (F there: one point)
    loci = _independent(loci, variables)
    rows = [[sympy.diff(e, v) for v in variables] for e in (function, *loci)]
    m, n = len(loci), len(variables)
    out = [sympy.expand(u) for u in loci]
    if m + 1 > n:
        return out
    matrix = sympy.Matrix(rows)
    for cols in itertools.combinations(range(n), m + 1):
        minor = matrix.extract(list(range(m + 1)), list(cols)).det()
        if not minor.is_polynomial(*variables):
            minor = sympy.fraction(sympy.together(minor))[0]
        minor = sympy.expand(minor)
        if minor != 0:
            out.append(minor)
    return out


def _independent(loci: Sequence[Any], variables: Sequence[sympy.Symbol]) -> list[Any]:
    """Linear loci with the redundant ones left out (x = 0, y = 0, x − y = 0 is the line
    x = y = 0: three dependent gradients would make every point of it "singular");
    ``[1]`` when they contradict each other (an empty stratum). Others as they are."""
    rows = []
    for u in loci:
        try:
            poly = sympy.Poly(u, *variables)
        except sympy.PolynomialError:
            return list(loci)
        if poly.total_degree() != 1 or not (poly.domain.is_ZZ or poly.domain.is_QQ):
            return list(loci)
        rows.append([poly.coeff_monomial(v) for v in variables] + [poly.coeff_monomial(1)])
    kept: list[Any] = []
    chosen: list[list[Any]] = []
    for u, row in zip(loci, rows, strict=True):
        if sympy.Matrix([*chosen, row])[:, :-1].rank() > len(chosen):
            kept.append(u)
            chosen.append(row)
        elif sympy.Matrix([*chosen, row]).rank() > len(chosen):
            return [sympy.Integer(1)]                   # inconsistent: no point
    return kept


def _definite_form(u: Any, variables: Sequence[sympy.Symbol]) -> bool:
    """Whether u is a definite homogeneous polynomial (x² + y²): zero only at the origin —
    over ℂ its zeros are a cone of lines, which the exact solver cannot call finite."""
    if len(variables) < 2:
        return False
    try:
        poly = sympy.Poly(u, *variables)
    except sympy.PolynomialError:
        return False
    if not (poly.domain.is_ZZ or poly.domain.is_QQ):
        return False
    parts = homogeneous_parts(poly)
    if len(parts) != 1:
        return False
    (degree, form), = parts.items()
    return degree >= 2 and form_sign(form, len(variables), degree) in (POSITIVE, NEGATIVE)


@dataclass(frozen=True)
class StratumSolution:
    """What solving a cell's stratum system gave: ``status`` ``"finite"``, ``"infinite"`` or
    ``"not_polynomial"``; the solutions (x only) when finite."""

    status: str
    solutions: tuple[Solution, ...] = ()
    solution_set: tuple[str, ...] = ()


def solve_stratum(equations: Sequence[Any],
                  variables: Sequence[sympy.Symbol]) -> StratumSolution:
    """Exactly, when the equations are polynomials over ℚ (a bounded job's body)."""
    if polynomial_system(equations, variables) is None:
        return StratumSolution("not_polynomial")
    solved = solve_polynomial_system(equations, variables)
    if solved.status == INFINITE:
        return StratumSolution("infinite", (), tuple(to_unicode(e) + " = 0"
                                                     for e in solved.solution_set))
    return StratumSolution("finite", solved.solutions)


def in_cell(cell: Cell, variables: Sequence[sympy.Symbol], x: Sequence[float],
            exact: Sequence[Any] | None) -> bool:
    """Whether the point lies strictly on the cell's sides (exactly when it can be told)."""
    at_exact = None if exact is None else dict(zip(variables, exact, strict=True))
    at_float = dict(zip(variables, (sympy.Float(v, 30) for v in x), strict=True))
    scale = TOL * max(1.0, float(np.max(np.abs(x))) if len(x) else 1.0) ** 2
    for u, s in cell.sides:
        if at_exact is not None:
            value = u.xreplace(at_exact)
            if value.is_number and len(to_str(value)) < 300:
                if sign(value) != s:
                    return False
                continue
        number = u.xreplace(at_float).evalf(30)
        if not number.is_real or s * float(number) <= scale:
            return False
    return True


def differentiable_at(function: Any, variables: Sequence[sympy.Symbol],
                      x: Sequence[float]) -> bool:
    """Whether F and ∇F are finite real numbers at x (30 digits): a zero of a minor's
    numerator where its denominator vanishes too is no stationary point."""
    at = {v: sympy.Float(value, 30) for v, value in zip(variables, x, strict=True)}
    for e in (function, *(sympy.diff(function, v) for v in variables)):
        value = e.xreplace(at).evalf(30)
        if not (value.is_number and value.is_real and value.is_finite):
            return False
    return True


def locus_text(cell: Cell) -> tuple[str, ...]:
    """The loci holding on a cell, as a learner writes them: ``x + 1 = 0``."""
    return tuple(f"{to_unicode(u)} = 0" for u in cell.loci)


def limit_text(value: Any) -> str:
    """A one-sided derivative as shown: an exact number, ``+∞`` or ``−∞``."""
    if value is sympy.oo:
        return "+∞"
    if value is sympy.S.NegativeInfinity:
        return "−∞"
    return to_unicode(value)


__all__ = ["MAX_CELLS", "Cell", "Kink", "StratumSolution", "branch", "cells",
           "differentiable_at", "find_kinks", "has_loci", "in_cell", "limit_text",
           "locus_text", "solve_stratum", "stratum_equations", "too_many"]
