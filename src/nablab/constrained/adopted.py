"""Points the SciPy cross-check reached that an incomplete numeric search missed, added.

Multi-start Newton (:func:`~nablab.constrained.solving.numeric_job`) is never complete: its
starts may miss a basin. The cross-check's SLSQP runs (:mod:`~nablab.constrained.crosscheck`)
are a second, independent search, so every run that ends at a KKT point no solution is near
becomes a start: Newton on the Lagrange system of the constraints active there, from x and
the least-squares multipliers (∇f = Σλᵢ∇gᵢ), refines it to full precision and verifies it by
its residual, and the solution joins its active set's. An incomplete result therefore never
lists fewer points than the check found. A complete (exact) result is left alone: a run
ending off its points is a contradiction, which the check reports. So is a curve of
solutions (f constant along it), which Newton only samples: a run matches it by value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from nablab.constrained.crosscheck import Runs, near
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Problem
from nablab.constrained.solving import Found, Solved
from nablab.constrained.systems import ActiveSet, active_sets, lagrange_system
from nablab.solve import Solution, lambdify_system, newton_from


def adopt(problem: Problem, funcs: ProblemFunctions, solved: Solved,
          runs: tuple[Runs, Runs]) -> tuple[Solved, int]:
    """``solved`` with the runs' missed points added to its Lagrange solutions, and how many
    were added (0: ``solved`` itself)."""
    if solved.complete or solved.open_sets:
        return solved, 0
    n = funcs.n
    known = [np.asarray(s.x[:n], dtype=float)
             for found in (*solved.stationary, *solved.singular) for s in found.solutions]
    sets = set(active_sets(problem))
    starts: dict[ActiveSet, list[np.ndarray]] = {}
    for x, _ in (*runs[0], *runs[1]):
        active = _active(funcs, x)
        if active in sets and not any(near(x, k) for k in known):
            starts.setdefault(active, []).append(np.concatenate([x, _multipliers(funcs, x,
                                                                                 active)]))
    stationary, added = list(solved.stationary), 0
    for active, points in starts.items():
        equations, unknowns = lagrange_system(problem, active)
        fun, jac = lambdify_system(equations, unknowns)
        new: list[Solution] = []
        for solution in newton_from(fun, jac, np.array(points)):
            x = np.asarray(solution.x[:n])
            if not any(near(x, k) for k in known):
                new.append(solution)
                known.append(x)
        if new:
            stationary = _joined(stationary, active, new)
            added += len(new)
    return (replace(solved, stationary=tuple(stationary)), added) if added else (solved, 0)


def _active(funcs: ProblemFunctions, x: np.ndarray) -> ActiveSet:
    """The constraints that hold with equality at the feasible point x (every equality)."""
    tol = 1e-6 * max(1.0, float(np.abs(x).max()))
    return tuple(i for i, (side, v) in enumerate(zip(funcs.sides, funcs.g(x), strict=True))
                 if side == 0 or abs(v) <= tol)


def _multipliers(funcs: ProblemFunctions, x: np.ndarray, active: ActiveSet) -> np.ndarray:
    """λ_S with ∇f(x) = Σ_{i∈S} λᵢ∇gᵢ(x) in the least-squares sense (L = f − Σλᵢ(gᵢ − kᵢ))."""
    if not active:
        return np.zeros(0)
    columns = np.asarray(funcs.jac(x), dtype=float)[list(active)].T
    return np.asarray(np.linalg.lstsq(columns, funcs.grad(x), rcond=None)[0], dtype=float)


def _joined(stationary: Sequence[Found], active: ActiveSet,
            new: Sequence[Solution]) -> list[Found]:
    """``stationary`` with ``new`` added to the solutions of ``active`` (a new entry if none)."""
    out = list(stationary)
    for index, found in enumerate(out):
        if found.active == active:
            out[index] = Found(active, (*found.solutions, *new))
            return out
    return [*out, Found(active, tuple(new))]


__all__ = ["adopt"]
