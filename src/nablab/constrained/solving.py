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

import numpy as np

from nablab.constrained.problem import Problem
from nablab.constrained.systems import (
    ActiveSet,
    active_sets,
    lagrange_system,
    singular_system,
)
from nablab.core.printing import to_unicode
from nablab.numeric.lambdify import numpy_lambdify
from nablab.solve import (
    INFINITE,
    Solution,
    lambdify_system,
    newton_multistart,
)
from nablab.solve.exact import solve_exact

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
        method: ``"groebner"`` or ``"newton"`` (the Lagrange systems).
        fallback: why Newton ran: ``"not_polynomial"``, ``"timeout"``, ``"memory"``,
            ``"infinite"``; ``None``.
        regular: ``True`` when the singular systems were solved exactly (their solutions are
            all in ``singular``), ``None`` when that is unknown.
        infinite: Unicode Gröbner bases of Lagrange systems with infinitely many solutions.
        starts: Newton starts used in all.
        bounds: the box Newton searched (x only), or ``None``.
        singular_infinite: a singular system has infinitely many solutions.
        open_sets: the active sets whose Lagrange system has infinitely many solutions.
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
    for active in active_sets(problem):
        if len(active) > n:
            continue
        equations, unknowns = lagrange_system(problem, active)
        result = solve_exact(equations, unknowns)
        if result is None:
            return None
        if result.status == INFINITE:
            open_sets.append(active)
            infinite.append("; ".join(f"{to_unicode(e)} = 0" for e in result.solution_set))
        if result.solutions or result.status != INFINITE:
            stationary.append(Found(active, result.solutions))
    singular_found = singular_job(problem)
    if singular_found is None:
        return None
    singular, continuum = singular_found
    return Solved(tuple(stationary), singular, not open_sets and not continuum, "groebner",
                  None, not continuum, tuple(infinite),
                  singular_infinite=continuum, open_sets=tuple(open_sets))


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


__all__ = ["MAX_SAMPLE", "Found", "Solved", "assemble", "exact_job", "numeric_job",
           "singular_job"]
