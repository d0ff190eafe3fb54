"""An independent numeric check with ``scipy.optimize.minimize`` (SLSQP), from several starts.

SciPy minimises, so the highest point is found by minimising −f. SLSQP's constraints are
``c(x) = 0`` and ``c(x) ≥ 0``; we pass c = g − k for equalities and for ``g ≥ k``, c = k − g
for ``g ≤ k``. Its ``multipliers`` μ satisfy ∇(objective) = Σ μᵢ∇cᵢ at the solution, so with
objective = σ·f (σ = −1 when maximising) and cᵢ = τᵢ(gᵢ − kᵢ):

    λᵢ = σ·τᵢ·μᵢ,

in particular λ = −μ on the notes' path (maximising, an equality): SciPy reports
−0.27343 for nablab's λ = 0.27343. (``trust-constr``'s ``v`` uses the opposite sign,
∇(objective) + Σ vᵢ∇cᵢ = 0.)

Every run that SciPy reports successful and that ends feasible at a KKT point (∇f a
combination of the active constraints' gradients — SLSQP occasionally claims success
elsewhere, near a pole of f) must end at one of our candidates (or singular points); the
best value per sense must not beat ours. Both are
reported, never assumed. The run is bounded: fixed starts, at most 200 iterations and
3000 evaluations of f each, abandoned once |f| passes 10¹² (heading to ±∞).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.constrained.bounded import GlobalAnalysis
from nablab.constrained.candidates import Candidate, SingularPoint
from nablab.constrained.functions import ProblemFunctions
from nablab.constrained.problem import Problem

#: Random starts per sense (candidates' neighbourhoods are added to these).
STARTS = 6
METHOD = "SLSQP"


@dataclass(frozen=True)
class SenseCheck:
    """SciPy's runs for one sense (maximise or minimise f).

    Attributes:
        converged: runs SciPy reported successful that end feasible.
        matched: how many of those end at one of our candidates or singular points.
        best_value, best_point: the best converged value and where (``None`` if none).
        multipliers: SciPy's own ``multipliers`` at the best run (its sign convention; empty
            before SciPy 1.16, which added them).
        lambdas: the same converted to nablab's λ (λᵢ = σ·τᵢ·μᵢ).
        agrees: ``True`` when SciPy's best equals our extreme, ``False`` when SciPy found a
            better feasible value than ours (a contradiction), ``None`` when there is nothing
            to compare (no extreme claimed, or SciPy did not reach it).
    """

    converged: int
    matched: int
    best_value: float | None
    best_point: dict[str, float] | None
    multipliers: tuple[float, ...]
    lambdas: tuple[float, ...]
    agrees: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {"converged": self.converged, "matched": self.matched,
                "best_value": self.best_value, "best_point": self.best_point,
                "multipliers": list(self.multipliers), "lambdas": list(self.lambdas),
                "agrees": self.agrees}


@dataclass(frozen=True)
class CrossCheck:
    """The SciPy cross-check: ``method``, ``starts`` per sense, ``maximum``/``minimum`` runs,
    ``agrees`` (no contradiction and every converged run at a known point), and ``adopted``:
    how many candidates only its runs found, which an incomplete numeric search had missed
    (:mod:`~nablab.constrained.adopted`)."""

    method: str
    starts: int
    maximum: SenseCheck
    minimum: SenseCheck
    agrees: bool
    adopted: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "starts": self.starts,
                "maximum": self.maximum.to_dict(), "minimum": self.minimum.to_dict(),
                "agrees": self.agrees, "adopted": self.adopted}


def cross_check(problem: Problem, funcs: ProblemFunctions, candidates: Sequence[Candidate],
                singular: Sequence[SingularPoint], analysis: GlobalAnalysis,
                continuum: bool = False) -> CrossCheck:
    """Run SLSQP from every start for both senses and compare (see the module docstring).

    With ``continuum`` (some Lagrange system has a curve of solutions, only sampled), a run
    also matches when it ends at a candidate's value: f is constant along such a curve.
    """
    starts = starts_for(funcs.n, candidates)
    return compare(problem, funcs, candidates, singular, analysis, continuum,
                   len(starts), slsqp_runs(problem, funcs, starts))


#: SLSQP's successful runs for one sense: (x, multipliers) each.
Runs = list[tuple[np.ndarray, np.ndarray]]


def slsqp_runs(problem: Problem, funcs: ProblemFunctions,
               starts: Sequence[np.ndarray]) -> tuple[Runs, Runs]:
    """Every start run for the maximum (σ = −1), then for the minimum: the SciPy half of the
    check, which needs only the problem and the starts (so it can run in another process)."""
    highest, lowest = ([r for s in starts if (r := _run(problem, funcs, sigma, s)) is not None]
                       for sigma in (-1, 1))
    return highest, lowest


def compare(problem: Problem, funcs: ProblemFunctions, candidates: Sequence[Candidate],
            singular: Sequence[SingularPoint], analysis: GlobalAnalysis, continuum: bool,
            starts: int, runs: tuple[Runs, Runs]) -> CrossCheck:
    """The check from SLSQP's runs (:func:`slsqp_runs`): matched against our points, the best
    against our extremes."""
    pool: list[Candidate | SingularPoint] = [*candidates, *singular]
    known = [np.array(list(c.point.values())) for c in pool]
    values = [c.value for c in pool] if continuum else []
    senses = [_sense(problem, funcs, sense_runs, (known, values), sigma, ours)
              for sense_runs, (sigma, ours) in zip(
                  runs, ((-1, analysis.maximum), (1, analysis.minimum)), strict=True)]
    agrees = all(s.agrees is not False and s.matched == s.converged for s in senses)
    return CrossCheck(METHOD, starts, senses[0], senses[1], agrees)


def starts_for(n: int, candidates: Sequence[Candidate]) -> list[np.ndarray]:
    """Random points in a box scaled to the candidates, plus a point near each candidate."""
    rng = np.random.default_rng(7)
    points = np.array([list(c.point.values()) for c in candidates]).reshape(-1, n)
    radius = max(2.0, 2.0 * float(np.abs(points).max())) if points.size else 3.0
    out = list(rng.uniform(-radius, radius, size=(STARTS, n)))
    for p in points[:6]:
        out.append(p + rng.normal(scale=0.3, size=n))
    return out


class _Diverged(Exception):
    """Raised by the objective to stop a run heading to ±∞ (or evaluating without end)."""


#: Per run: function evaluations allowed, and |f| past which the run is abandoned.
MAX_EVALUATIONS, HUGE = 3000, 1e12


def _run(problem: Problem, funcs: ProblemFunctions, sigma: int,
         start: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """One SLSQP run on σ·f: (x, multipliers) if SciPy reports success and x is feasible."""
    from scipy.optimize import minimize

    taus = [_tau(c.side) for c in problem.constraints]
    constraints = [{"type": "eq" if c.kind == "equality" else "ineq",
                    "fun": (lambda x, i=i, t=t: t * funcs.g(x)[i]),
                    "jac": (lambda x, i=i, t=t: t * funcs.jac(x)[i])}
                   for (i, c), t in zip(enumerate(problem.constraints), taus, strict=True)]
    count = [0]

    def objective(x: np.ndarray) -> float:
        count[0] += 1
        value = sigma * float(funcs.f(x))
        if count[0] > MAX_EVALUATIONS or not abs(value) < HUGE:
            raise _Diverged
        return value

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            result = minimize(objective, start, jac=lambda x: sigma * funcs.grad(x),
                              constraints=constraints, method=METHOD,
                              options={"maxiter": 200, "ftol": 1e-12})
        except _Diverged:
            return None
    x = np.asarray(result.x, dtype=float)
    if not result.success or not np.all(np.isfinite(x)) or not _feasible(funcs, x) \
            or not _stationary(funcs, x):
        return None
    # ``multipliers`` exists from SciPy 1.16 on; without it, none are reported.
    mu = np.asarray(getattr(result, "multipliers", ()), dtype=float).ravel()
    if not np.all(np.isfinite(mu)):
        mu = np.zeros(0)
    return x, mu


def _stationary(funcs: ProblemFunctions, x: np.ndarray) -> bool:
    """Whether ∇f(x) is (nearly) a combination of the active constraints' gradients: SLSQP
    occasionally reports success at a point that is not a KKT point (near a pole of f)."""
    g = funcs.g(x)
    tol = 1e-6 * max(1.0, float(np.abs(x).max()))
    active = [i for i, v in enumerate(g) if abs(v) <= tol]
    grad = funcs.grad(x)
    if not active:
        residual = grad
    else:
        jac = funcs.jac(x)[active].T
        lam = np.linalg.lstsq(jac, grad, rcond=None)[0]
        residual = grad - jac @ lam
    return bool(np.linalg.norm(residual) <= 1e-4 * max(1.0, float(np.linalg.norm(grad))))


def _tau(side: int) -> int:
    """τ with c = τ(g − k): −1 for ``g ≤ k`` (SciPy wants c ≥ 0), else +1."""
    return -1 if side > 0 else 1


def _feasible(funcs: ProblemFunctions, x: np.ndarray) -> bool:
    g = funcs.g(x)
    tol = 1e-6 * max(1.0, float(np.abs(x).max()))
    return all((abs(v) <= tol) if s == 0 else (s * v <= tol) for s, v in zip(funcs.sides, g,
                                                                             strict=True))


def _sense(problem: Problem, funcs: ProblemFunctions, runs: Runs,
           known: tuple[list[np.ndarray], list[float]], sigma: int, ours: Any) -> SenseCheck:
    if not runs:
        return SenseCheck(0, 0, None, None, (), (), None)
    points, levels = known
    values = [float(funcs.f(x)) for x, _ in runs]
    matched = sum(any(near(x, k) for k in points) or
                  any(abs(v - level) <= 1e-6 * max(1.0, abs(level)) for level in levels)
                  for (x, _), v in zip(runs, values, strict=True))
    best = int(np.argmin([sigma * v for v in values]))
    x, mu = runs[best]
    lambdas = tuple(float(sigma * _tau(c.side) * m) + 0.0
                    for c, m in zip(problem.constraints, mu, strict=False))
    agrees = None
    if ours is not None:
        tol = 1e-6 * max(1.0, abs(ours.value))
        better = sigma * (values[best] - ours.value) < -tol
        agrees = False if better else (True if abs(values[best] - ours.value) <= tol else None)
    point = dict(zip(problem.names, (float(v) for v in x), strict=True))
    return SenseCheck(len(runs), matched, values[best], point,
                      tuple(float(m) for m in mu), lambdas, agrees)


def near(x: np.ndarray, y: np.ndarray) -> bool:
    """Whether x is y to 1e-3, relative to max(1, |y|): a run that ended at a point."""
    return bool(np.max(np.abs(x - y)) <= 1e-3 * max(1.0, float(np.abs(y).max())))


__all__ = ["METHOD", "STARTS", "CrossCheck", "Runs", "SenseCheck", "compare", "cross_check",
           "near", "slsqp_runs", "starts_for"]
