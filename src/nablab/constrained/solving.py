"""Solve every active set's systems: exactly when everything is a polynomial, else by Newton.

Exact path (f and every gᵢ polynomials over ℚ, or once constants such as π and √2 are
coefficients and denominators are cleared): :func:`exact_job` solves, for every active set,
the Lagrange system and the singular system with :func:`nablab.solve.exact.solve_exact`
(lex Gröbner basis + real-root isolation): every real solution, ``complete``. A Lagrange
system with infinitely many solutions (f constant along the constraint set) is sampled by
Newton instead and the result is not complete.

Numeric path (anything else, or the exact job over budget): vectorised multi-start Newton
(:func:`nablab.solve.newton_multistart`) on each Lagrange system in the box × a box for the
multipliers estimated from least-squares multipliers over the box; never complete. The
singular systems still go the exact way (:func:`singular_job`) when the constraints are
polynomials. The exact jobs are unbounded in time: the caller runs them under a budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import sympy
from sympy.calculus.util import continuous_domain

from nablab.constrained.problem import Problem
from nablab.constrained.systems import (
    ActiveSet,
    active_sets,
    interval_bounds,
    lagrange_system,
    singular_system,
)
from nablab.core.printing import to_unicode
from nablab.numeric.lambdify import numpy_lambdify
from nablab.solve import (
    FINITE,
    INFINITE,
    NONE,
    Solution,
    SystemSolution,
    lambdify_system,
    newton_multistart,
)
from nablab.solve._roots import short_exact
from nablab.solve.exact import solve_exact
from nablab.solve.interval import roots_on_interval

#: Distinct points a numeric search keeps per active set (a continuum is only sampled).
MAX_SAMPLE = 12
#: Starts per Newton round.
NEWTON_STARTS = 2048


@dataclass(frozen=True)
class Found:
    """Solutions of one active set's system (Lagrange: x then λ_S; singular: x only)."""

    active: ActiveSet
    solutions: tuple[Solution, ...]


@dataclass(frozen=True)
class Solved:
    """Everything the solvers found.

    Attributes:
        stationary: Lagrange-system solutions, per active set.
        singular: singular-system solutions (dependent constraint gradients), per active set.
        complete: every active set solved exactly, finitely many solutions: nothing missing.
        method: ``"groebner"``, ``"solveset"`` (one variable on an interval, f not
            polynomial: :func:`interval_system`) or ``"newton"`` (the Lagrange systems).
        fallback: why Newton ran: ``"not_polynomial"``, ``"timeout"``, ``"memory"``,
            ``"infinite"``; ``None``.
        regular: ``True`` when the singular systems were solved exactly (their solutions are
            all in ``singular``), ``None`` when that is unknown.
        infinite: Unicode Gröbner bases of Lagrange systems with infinitely many solutions.
        starts: Newton starts used in all.
        bounds: the box Newton searched (x only), or ``None``.
        singular_infinite: a singular system has infinitely many solutions.
        open_sets: the active sets whose Lagrange system has infinitely many solutions.
        constants, denominators: the symbolic constants that were exact coefficients and
            the denominators that were cleared (Unicode), over all the exact solves.
    """

    stationary: tuple[Found, ...]
    singular: tuple[Found, ...]
    complete: bool
    method: str
    fallback: str | None
    regular: bool | None
    infinite: tuple[str, ...] = ()
    starts: int = 0
    bounds: tuple[tuple[float, float], ...] | None = None
    singular_infinite: bool = False
    open_sets: tuple[ActiveSet, ...] = ()
    constants: tuple[str, ...] = ()
    denominators: tuple[str, ...] = ()


def assemble(problem: Problem, bounds: Sequence[tuple[float, float]], exact: Solved | None,
             singular: tuple[tuple[Found, ...], bool] | None, fallback: str) -> Solved:
    """The final :class:`Solved`: the exact result (its infinite sets sampled by Newton), or
    Newton on every active set with ``fallback`` saying why, plus the singular points when
    they were solved (``singular``: their solutions and whether one set is a continuum)."""
    if exact is not None:
        return _sample_infinite(problem, exact, bounds)
    found, starts = numeric_job(problem, list(active_sets(problem)), bounds)
    points, continuum = singular if singular is not None else ((), False)
    regular = None if singular is None else not continuum
    return Solved(found, points, False, "newton", fallback, regular, starts=starts,
                  bounds=tuple(bounds), singular_infinite=continuum)


def exact_job(problem: Problem) -> Solved | None:
    """Every active set, exactly (a bounded job: returns plain data); ``None`` when the
    exact solver declines one of the systems (then every set goes numeric)."""
    stationary, infinite, open_sets = [], [], []
    n = len(problem.variables)
    method = "groebner"
    constants: dict[str, None] = {}
    denominators: dict[str, None] = {}
    for active in active_sets(problem):
        if len(active) > n:
            continue
        equations, unknowns = lagrange_system(problem, active)
        result = solve_exact(equations, unknowns)
        if result is None:
            result, method = interval_system(problem, active), "solveset"
        if result is None:
            return None
        constants |= dict.fromkeys(result.constants)
        denominators |= dict.fromkeys(result.denominators)
        if result.status == INFINITE:
            open_sets.append(active)
            infinite.append("; ".join(f"{to_unicode(e)} = 0" for e in result.solution_set))
        if result.solutions or result.status != INFINITE:
            stationary.append(Found(active, result.solutions))
    singular_found = singular_job(problem)
    if singular_found is None:
        return None
    singular, continuum = singular_found
    return Solved(tuple(stationary), singular, not open_sets and not continuum, method,
                  None, not continuum, tuple(infinite),
                  singular_infinite=continuum, open_sets=tuple(open_sets),
                  constants=tuple(constants), denominators=tuple(denominators))


def interval_system(problem: Problem, active: ActiveSet) -> SystemSolution | None:
    """One variable, x in a bounded interval [a, b] (:func:`interval_bounds`), f not
    polynomial: the Lagrange system of ``active`` by :func:`roots_on_interval` — with no
    binding constraint f'(x) = 0 on [a, b]; with one, its equation gᵢ(x) = kᵢ on [a, b] and
    then λᵢ = f'(x)/gᵢ'(x) exactly. ``None`` when that is not decided (the caller goes
    numeric). Points outside the set are dropped later (feasibility), so searching all of
    [a, b] ⊇ the set is complete."""
    bounds = interval_bounds(problem)
    if bounds is None or len(active) > 1 or not _continuous(problem, bounds):
        return None
    x = problem.variables[0]
    names = (str(x), *(str(problem.constraints[i].multiplier) for i in active))
    derivative = sympy.diff(problem.objective.expr, x)
    equation = problem.constraints[active[0]].residual if active else derivative
    roots = roots_on_interval(equation, x, *bounds)
    if roots is None:
        return None
    solutions = []
    for value, exact in roots:
        if not active:
            solutions.append(Solution((value,), (exact,), 0.0))
            continue
        slope = sympy.diff(problem.constraints[active[0]].g, x)
        lam = _multiplier(derivative, slope, x, value, exact)
        if lam is not None:
            solutions.append(Solution((value, lam[0]), (exact, lam[1]), 0.0))
    return SystemSolution(names, tuple(solutions), FINITE if solutions else NONE, True,
                          "solveset")


def _continuous(problem: Problem, bounds: tuple[Any, Any]) -> bool:
    """f is continuous on all of [a, b] and f' on (a, b) (SymPy's ``continuous_domain``):
    no pole, no kink or cusp inside (x^(2/3) at 0), where f' = 0 would not find every
    candidate."""
    f, x = problem.objective.expr, problem.variables[0]
    closed, inside = sympy.Interval(*bounds), sympy.Interval.open(*bounds)
    try:
        return bool(continuous_domain(f, x, closed) == closed
                    and continuous_domain(sympy.diff(f, x), x, inside) == inside)
    except (NotImplementedError, ValueError, TypeError):
        return False


def _multiplier(derivative: Any, slope: Any, x: sympy.Symbol, value: float,
                exact: Any) -> tuple[float, Any] | None:
    """λ = f'(x)/g'(x) at a root (exact when the root is), or ``None`` where g'(x) = 0
    (a singular point, which the singular systems find)."""
    at = exact if exact is not None else sympy.Float(value, 30)
    g_slope = sympy.simplify(slope.subs(x, at))
    if g_slope == 0:
        return None
    lam = sympy.simplify(derivative.subs(x, at) / g_slope)
    if not lam.is_number:
        return None
    return float(lam.evalf(30)), short_exact(lam) if exact is not None else None


def singular_job(problem: Problem) -> tuple[tuple[Found, ...], bool] | None:
    """Solutions of every singular system, and whether one of them is a continuum
    (``None`` when the exact solver declines one)."""
    out, continuum = [], False
    for active in active_sets(problem):
        equations = singular_system(problem, active)
        if equations is None:
            continue
        result = solve_exact(equations, problem.variables)
        if result is None:
            return None
        continuum = continuum or result.status == INFINITE
        if result.solutions or result.status != INFINITE:
            out.append(Found(active, result.solutions))
    return tuple(out), continuum


def _sample_infinite(problem: Problem, exact: Solved,
                     bounds: Sequence[tuple[float, float]]) -> Solved:
    """Newton samples of the Lagrange systems the exact job found infinite."""
    if not exact.open_sets:
        return exact
    found, starts = numeric_job(problem, exact.open_sets, bounds)
    return replace(exact, stationary=exact.stationary + found, method="newton",
                   fallback="infinite", starts=starts, bounds=tuple(bounds))


def numeric_job(problem: Problem, sets: Sequence[ActiveSet],
                bounds: Sequence[tuple[float, float]]) -> tuple[tuple[Found, ...], int]:
    """Multi-start Newton on the Lagrange system of each active set."""
    out, starts = [], 0
    n = len(problem.variables)
    for active in sets:
        if len(active) > n:
            continue
        equations, unknowns = lagrange_system(problem, active)
        fun, jac = lambdify_system(equations, unknowns)
        box = list(bounds) + [_multiplier_box(problem, active, bounds)] * len(active)
        result = newton_multistart(fun, jac, box, names=[str(u) for u in unknowns],
                                   max_starts=NEWTON_STARTS, max_roots=MAX_SAMPLE)
        starts += result.starts
        out.append(Found(active, result.solutions))
    return tuple(out), starts


def _multiplier_box(problem: Problem, active: ActiveSet,
                    bounds: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """[−B, B] with B twice the 90th percentile of the least-squares multipliers
    λ(x) = argmin ‖Σλᵢ∇gᵢ(x) − ∇f(x)‖ over a grid of the box (at least 1, at most 10⁶)."""
    n = len(problem.variables)
    k = max(2, int(512 ** (1 / n)))
    axes = [np.linspace(lo, hi, k) for lo, hi in bounds]
    grid = np.stack([a.ravel() for a in np.meshgrid(*axes, indexing="ij")])
    rows = [problem.gradient(problem.objective.expr)]
    rows += [problem.gradient(problem.constraints[i].g) for i in active]
    raw = numpy_lambdify(list(problem.variables), rows, cse=False)
    with np.errstate(all="ignore"):
        values = np.stack([np.stack([np.broadcast_to(np.asarray(e, dtype=float), grid.shape[1:])
                                     for e in row]) for row in raw(*grid)])
        grad_f, jac = values[0].T, np.moveaxis(values[1:], -1, 0)      # (m,n), (m,|S|,n)
        normal = jac @ np.swapaxes(jac, 1, 2)
        ok = np.abs(np.linalg.det(normal)) > 1e-12
        lam = np.linalg.solve(normal[ok], (jac[ok] @ grad_f[ok][..., None]))[..., 0]
    size = np.abs(lam[np.all(np.isfinite(lam), axis=1)])
    bound = 2 * float(np.percentile(size, 90)) if size.size else 1.0
    return -min(max(bound, 1.0), 1e6), min(max(bound, 1.0), 1e6)


__all__ = ["MAX_SAMPLE", "Found", "Solved", "assemble", "exact_job", "interval_system",
           "numeric_job", "singular_job"]
