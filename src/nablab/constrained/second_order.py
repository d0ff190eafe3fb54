"""The second-order check at a candidate: the Hessian of L on the tangent space.

At a regular candidate x* with multipliers λ*, let H = ∇²ₓL(x*, λ*) = ∇²f − Σλᵢ∇²gᵢ and T
the tangent space of the constraints that bind, T = {d : ∇gᵢ·d = 0} (the equalities and the
active inequalities with λᵢ ≠ 0). Along a curve x(t) on the constraint set through x* with
x'(0) = d ∈ T,

    d²/dt² f(x(t)) |₀ = dᵀ H d        (the λ-terms absorb the curvature of the constraints),

so with an orthonormal basis Z of T the eigenvalues of the reduced Hessian ZᵀHZ decide:
all < 0 → a strict local maximum on the set; all > 0 → a strict local minimum; one > 0 and
one < 0 → neither. T = {0} (as many binding constraints as variables) → x* is a vertex and
the first-order sign conditions alone decide. The same test reads off the **bordered
Hessian** B = [[0, J], [Jᵀ, H]] (m binding constraints, n variables): its last n − m leading
principal minors alternate in sign starting with (−1)^{m+1} at a maximum, and all have the
sign (−1)^m at a minimum (for one constraint in two variables: det B > 0 → maximum).

A zero eigenvalue leaves the test undecided; then feasible points near x* are sampled (never
a proof of an extremum, but values on both sides prove "neither" numerically).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy

from nablab.constrained.functions import ProblemFunctions
from nablab.critical.classify import exact_inertia, float_inertia

MAXIMUM, MINIMUM, NEITHER, UNKNOWN, ISOLATED = "maximum", "minimum", "neither", "unknown", \
    "isolated"
Array = np.ndarray


@dataclass(frozen=True)
class SecondOrder:
    """What the second-order check showed at one candidate.

    Attributes:
        dimension: dim T, the tangent space of the binding constraints.
        eigenvalues: eigenvalues of the reduced Hessian ZᵀHZ (Z an orthonormal basis of T),
            increasing; ``()`` when T = {0}.
        hessian: H = ∇²ₓL at the candidate (rows).
        bordered_minors: the last n − m leading principal minors of the bordered Hessian,
            in increasing order of size (``()`` when there is no binding constraint or T = {0}).
        bordered_result: what their signs say: ``"maximum"``, ``"minimum"``,
            ``"inconclusive"``, or ``None`` when not computed.
        result: ``"maximum"``, ``"minimum"`` (strict local, on the constraint set),
            ``"neither"``, ``"isolated"`` (the only feasible point nearby) or ``"unknown"``.
        reason: ``"definite"``, ``"indefinite"``, ``"vertex"``, ``"first_order"`` (the sign
            conditions on the multipliers already rule it out), ``"sampled"``,
            ``"degenerate"`` or ``"undefined"`` (∇²L is not finite there: nothing computed).
        proof: exact arithmetic (rational point) rather than floating point.
        evidence: for ``"unknown"`` after sampling: ``"no_lower_value"`` / ``"no_higher_value"``.
    """

    dimension: int
    eigenvalues: tuple[float, ...]
    hessian: tuple[tuple[float, ...], ...]
    bordered_minors: tuple[float, ...]
    bordered_result: str | None
    result: str
    reason: str
    proof: bool
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "eigenvalues": list(self.eigenvalues),
                "hessian": [list(r) for r in self.hessian],
                "bordered_minors": list(self.bordered_minors),
                "bordered_result": self.bordered_result, "result": self.result,
                "reason": self.reason, "proof": self.proof, "evidence": self.evidence}


@dataclass(frozen=True)
class Site:
    """A candidate as the check needs it."""

    x: Array
    lam: Array
    active: tuple[int, ...]
    binding: tuple[int, ...]
    kkt_max: bool
    kkt_min: bool
    exact: tuple[Any, ...] | None = None


def null_space(matrix: Array, n: int) -> Array:
    """An orthonormal basis (columns) of {d : matrix·d = 0} in ℝⁿ."""
    if matrix.size == 0:
        return np.eye(n)
    _, s, vt = np.linalg.svd(matrix)
    tol = 1e-10 * max(1.0, float(s.max()) if s.size else 1.0)
    rank = int(np.sum(s > tol))
    return vt[rank:].T


def check(funcs: ProblemFunctions, site: Site, hessian_exact: Any | None = None,
          jacobian_exact: Any | None = None) -> SecondOrder:
    """The second-order check at ``site`` (see the module docstring)."""
    h = funcs.hess_l(site.x, site.lam)
    jac = funcs.jac(site.x)
    if not (np.all(np.isfinite(h)) and np.all(np.isfinite(jac))):
        return SecondOrder(0, (), (), (), None, UNKNOWN, "undefined", False)
    z = null_space(jac[list(site.binding)], funcs.n)
    values = np.linalg.eigvalsh(z.T @ h @ z) if z.shape[1] else np.zeros(0)
    inertia, proof = float_inertia(values), False
    if hessian_exact is not None and jacobian_exact is not None:
        inertia, proof = _exact_inertia(hessian_exact, jacobian_exact, site.binding), True
    minors, bordered = _bordered(h, jac[list(site.binding)])
    result, reason = _decide(site, inertia, z.shape[1], funcs, h, jac)
    evidence = None
    if reason == "degenerate":
        result, reason, evidence = sample(funcs, site, z)
        proof = False
    eig = tuple(0.0 if abs(v) < 1e-14 else float(v) for v in values)
    return SecondOrder(z.shape[1], eig, tuple(tuple(float(v) for v in r) for r in h),
                       minors, bordered, result, reason, proof, evidence)


def _exact_inertia(hessian: Any, jacobian: Any, binding: Sequence[int]) -> tuple[int, int, int]:
    """Inertia of ZᵀHZ with Z an exact basis of T (Sylvester: any basis gives the same)."""
    rows = jacobian[list(binding), :] if binding else sympy.zeros(0, hessian.shape[0])
    basis = rows.nullspace() if binding else [sympy.eye(hessian.shape[0])[:, i]
                                              for i in range(hessian.shape[0])]
    if not basis:
        return 0, 0, 0
    z = sympy.Matrix.hstack(*basis)
    return exact_inertia(z.T * hessian * z)


def _decide(site: Site, inertia: tuple[int, int, int], dimension: int, funcs: ProblemFunctions,
            h: Array, jac: Array) -> tuple[str, str]:
    positive, negative, zero = inertia
    if not site.kkt_max and not site.kkt_min:
        return NEITHER, "first_order"
    if dimension == 0:
        if site.kkt_max and site.kkt_min:
            return ISOLATED, "vertex"
        return (MAXIMUM if site.kkt_max else MINIMUM), "vertex"
    if site.kkt_max and negative == dimension:
        return MAXIMUM, "definite"
    if site.kkt_min and positive == dimension:
        return MINIMUM, "definite"
    z_all = null_space(jac[list(site.active)], funcs.n)
    small = np.linalg.eigvalsh(z_all.T @ h @ z_all) if z_all.shape[1] else np.zeros(0)
    p_all, n_all, _ = float_inertia(small) if small.size else (0, 0, 0)
    not_max = not site.kkt_max or p_all > 0
    not_min = not site.kkt_min or n_all > 0
    if not_max and not_min:
        return NEITHER, "indefinite"
    return UNKNOWN, "degenerate"


def _bordered(h: Array, jac: Array) -> tuple[tuple[float, ...], str | None]:
    """Leading principal minors of orders 2m+1 … m+n of [[0, J], [Jᵀ, H]] and their verdict;
    the variables are reordered so that J's first m columns are independent."""
    m, n = jac.shape[0], h.shape[0]
    if m == 0 or m >= n:
        return (), None
    order = _pivots(jac)
    j, hp = jac[:, order], h[np.ix_(order, order)]
    b = np.block([[np.zeros((m, m)), j], [j.T, hp]])
    minors = tuple(float(np.linalg.det(b[:r, :r])) for r in range(2 * m + 1, m + n + 1))
    scale = max(1.0, float(np.abs(b).max()))
    tol = [1e-10 * scale ** r for r in range(2 * m + 1, m + n + 1)]
    if any(abs(v) <= t for v, t in zip(minors, tol, strict=True)):
        return minors, "inconclusive"
    signs = [int(np.sign(v)) for v in minors]
    if all(s == (-1) ** m for s in signs):
        return minors, MINIMUM
    if all(s == (-1) ** (m + j) for j, s in enumerate(signs, 1)):
        return minors, MAXIMUM
    return minors, "inconclusive"


def _pivots(jac: Array) -> list[int]:
    chosen: list[int] = []
    for col in range(jac.shape[1]):
        trial = chosen + [col]
        if np.linalg.matrix_rank(jac[:, trial], tol=1e-10) == len(trial):
            chosen = trial
        if len(chosen) == jac.shape[0]:
            break
    return chosen + [c for c in range(jac.shape[1]) if c not in chosen]


#: Radii of the feasible neighbours sampled around an undecided candidate.
RADII = (1e-2, 1e-3, 1e-4)


def sample(funcs: ProblemFunctions, site: Site, z: Array) -> tuple[str, str, str | None]:
    """Feasible points x* + r·Zc pulled back onto the binding constraints (Gauss–Newton),
    compared with f(x*): values on both sides at the two smallest informative radii (where
    some difference is above rounding noise) → ``"neither"``."""
    f0 = float(funcs.f(site.x))
    tol = 1e-12 * max(1.0, abs(f0))
    dirs = _directions(z.shape[1])
    seen = []
    for r in RADII:
        points = [p for c in dirs if (p := _pulled(funcs, site, site.x + r * (z @ c)))
                  is not None]
        if points:
            diff = np.asarray(funcs.f(np.array(points).T), dtype=float) - f0
            diff = diff[np.isfinite(diff)]
            if np.any(np.abs(diff) > 100 * tol):  # informative: above rounding noise
                seen.append(diff)
    last = seen[-2:]
    lower = bool(last) and all(np.any(d < -tol) for d in last)
    higher = bool(last) and all(np.any(d > tol) for d in last)
    if lower and higher:
        return NEITHER, "sampled", None
    evidence = "no_lower_value" if higher else ("no_higher_value" if lower else None)
    return UNKNOWN, "sampled", evidence


def _directions(k: int) -> list[Array]:
    if k == 1:
        return [np.array([1.0]), np.array([-1.0])]
    if k == 2:
        angles = np.linspace(0, 2 * np.pi, 72, endpoint=False)
        return list(np.stack([np.cos(angles), np.sin(angles)], axis=1))
    raw = np.random.default_rng(0).standard_normal((256, k))
    return list(raw / np.linalg.norm(raw, axis=1, keepdims=True))


def _pulled(funcs: ProblemFunctions, site: Site, y: Array) -> Array | None:
    """y moved back onto gᵢ = kᵢ (i binding), or ``None`` if it lands infeasible."""
    rows = list(site.binding)
    for _ in range(12):
        if not rows:
            break
        residual = funcs.g(y)[rows]
        if np.max(np.abs(residual)) <= 1e-14 * max(1.0, float(np.abs(y).max())):
            break
        y = y - np.linalg.pinv(funcs.jac(y)[rows]) @ residual
    return y if _feasible(funcs, site, y) else None


def _feasible(funcs: ProblemFunctions, site: Site, y: Array) -> bool:
    values = funcs.g(y)
    if not np.all(np.isfinite(values)):
        return False
    scale = 1e-10 * max(1.0, float(np.abs(y).max()))
    for i, side in enumerate(funcs.sides):
        if side == 0 and abs(values[i]) > scale:
            return False
        if side and side * values[i] > scale:
            return False
    return True


__all__ = ["ISOLATED", "MAXIMUM", "MINIMUM", "NEITHER", "UNKNOWN", "SecondOrder", "Site",
           "check", "null_space", "sample"]
