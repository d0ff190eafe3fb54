"""The equations to solve, one active set at a time.

An *active set* S holds every equality and some of the inequalities: those assumed to hold
with equality at the point (the rest are assumed slack, so their multipliers are 0 —
complementary slackness). For each S:

- the **Lagrange system** in (x, λ_S): ∇f − Σ_{i∈S} λᵢ∇gᵢ = 0 and gᵢ − kᵢ = 0 (i ∈ S);
- the **singular system** in x: gᵢ = kᵢ (i ∈ S) and every |S|×|S| minor of the Jacobian
  [∇gᵢ]_{i∈S} vanishes — the points where the constraint gradients are linearly dependent,
  where Lagrange's theorem does not apply (a cusp, a point where ∇g = 0). An extremum there
  need not solve the Lagrange system, so these points are compared too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import sympy

from nablab.constrained.problem import Problem
from nablab.solve import polynomial_system
from nablab.solve.exact import exact_kind

#: One active set: constraint indices, increasing.
ActiveSet = tuple[int, ...]


def active_sets(problem: Problem) -> Iterator[ActiveSet]:
    """Every S = equalities ∪ A for A ⊆ inequalities, smallest A first."""
    equalities, inequalities = problem.equalities, problem.inequalities
    for size in range(len(inequalities) + 1):
        for chosen in itertools.combinations(inequalities, size):
            yield tuple(sorted(equalities + chosen))


def lagrange_system(problem: Problem, active: ActiveSet) -> tuple[list[Any], list[Any]]:
    """(equations, unknowns) of ∇f = Σ_{i∈S} λᵢ∇gᵢ, gᵢ = kᵢ (i ∈ S); unknowns x then λ_S."""
    stationary = problem.gradient(problem.lagrangian(active))
    residuals = [problem.constraints[i].residual for i in active]
    unknowns = [*problem.variables, *(problem.constraints[i].multiplier for i in active)]
    return stationary + residuals, unknowns


def singular_system(problem: Problem, active: ActiveSet) -> list[Any] | None:
    """Equations of the points of {gᵢ = kᵢ, i ∈ S} where the ∇gᵢ are dependent, or ``None``
    when they never are (constant Jacobian of full rank)."""
    if not active:
        return None
    residuals = [problem.constraints[i].residual for i in active]
    n, m = len(problem.variables), len(active)
    if m > n:
        return residuals
    jacobian = sympy.Matrix([problem.gradient(problem.constraints[i].g) for i in active])
    if not jacobian.free_symbols:
        return None if jacobian.rank() == m else residuals
    minors = [sympy.expand(jacobian[:, list(cols)].det())
              for cols in itertools.combinations(range(n), m)]
    # An identically zero minor holds everywhere and is dropped; if all are, every point is.
    return residuals + [e for e in minors if e != 0]


def is_polynomial(problem: Problem, objective: bool = True) -> bool:
    """Whether the constraints (and f, when ``objective``) are polynomials over ℚ."""
    exprs = [c.residual for c in problem.constraints]
    if objective:
        exprs.append(problem.objective.expr)
    return polynomial_system(exprs, problem.variables) is not None


def is_exact(problem: Problem, objective: bool = True) -> bool:
    """Whether the systems can go the exact way: the constraints (and f) are polynomials
    once symbolic constants (π, √2) are coefficients and denominators are cleared
    (:func:`nablab.solve.exact.solve_exact`)."""
    exprs = [c.residual for c in problem.constraints]
    if objective:
        exprs.append(problem.objective.expr)
    return exact_kind(exprs, problem.variables) is not None


def interval_bounds(problem: Problem) -> tuple[Any, Any] | None:
    """For one variable, [a, b] (exact, a < b) containing the set, from the constraints that
    are linear in x (x ≥ 1, x ≤ 2π, 2x = 3); ``None`` for several variables or when the
    constraints do not bound x on both sides."""
    if len(problem.variables) != 1:
        return None
    x = problem.variables[0]
    low, high = sympy.S.NegativeInfinity, sympy.S.Infinity
    for c in problem.constraints:
        residual = sympy.expand(c.residual)
        slope = residual.diff(x)
        if slope.free_symbols or slope == 0 or not slope.is_real:
            continue
        at = -residual.subs(x, 0) / slope
        if at.free_symbols or not at.is_real:
            continue
        upper = c.side * (1 if slope > 0 else -1)  # +1: x ≤ at, −1: x ≥ at, 0: x = at
        if upper >= 0:
            high = at if high is sympy.S.Infinity else sympy.Min(high, at)
        if upper <= 0:
            low = at if low is sympy.S.NegativeInfinity else sympy.Max(low, at)
    if not (low.is_finite and high.is_finite) or not (low < high):
        return None
    return low, high


__all__ = ["ActiveSet", "active_sets", "interval_bounds", "is_exact", "is_polynomial",
           "lagrange_system", "singular_system"]
