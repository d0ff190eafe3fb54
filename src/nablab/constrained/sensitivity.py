"""λ as a rate, checked: move the level kᵢ a little and re-solve.

Let x*(k), λ*(k) solve the Lagrange system for levels k and f*(k) = f(x*(k)). Differentiating
f*(k) = L(x*(k), λ*(k); k) = f − Σλᵢ(gᵢ − kᵢ) (the constraint terms vanish), and using
∇ₓL = 0 and gᵢ = kᵢ, leaves the envelope theorem

    ∂f*/∂kᵢ = λᵢ.

So λ is the price of the constraint: raising kᵢ by Δk changes the optimal value by about
λᵢ·Δk. Checked numerically: Newton's method re-solves the system at kᵢ ± δ from the
candidate, and (f*(kᵢ + δ) − f*(kᵢ − δ))/(2δ) is compared with λᵢ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.constrained.candidates import Candidate
from nablab.constrained.functions import ProblemFunctions


@dataclass(frozen=True)
class Rate:
    """∂f*/∂kᵢ measured by re-solving at kᵢ ± δ, next to λᵢ.

    Attributes:
        constraint: the constraint's index.
        multiplier: λᵢ at the candidate.
        rate: (f*(kᵢ + δ) − f*(kᵢ − δ))/(2δ), or ``None`` when Newton did not converge.
        delta: δ.
    """

    constraint: int
    multiplier: float
    rate: float | None
    delta: float

    def to_dict(self) -> dict[str, Any]:
        return {"constraint": self.constraint, "multiplier": self.multiplier,
                "rate": self.rate, "delta": self.delta}


def rates(funcs: ProblemFunctions, candidate: Candidate,
          levels: list[float]) -> tuple[Rate, ...]:
    """One :class:`Rate` per binding constraint of ``candidate`` (levels: the kᵢ)."""
    x = np.array(list(candidate.point.values()))
    lam = np.array(candidate.multipliers)
    binding = [i for i, a in enumerate(candidate.active)
               if a and (funcs.sides[i] == 0 or lam[i] != 0)]
    out = []
    for i in binding:
        delta = 1e-4 * max(1.0, abs(levels[i]))
        up = _resolve(funcs, x, lam, binding, i, delta)
        down = _resolve(funcs, x, lam, binding, i, -delta)
        rate = None
        if up is not None and down is not None:
            rate = (float(funcs.f(up)) - float(funcs.f(down))) / (2 * delta)
        out.append(Rate(i, float(lam[i]), rate, delta))
    return tuple(out)


def _resolve(funcs: ProblemFunctions, x: np.ndarray, lam: np.ndarray, binding: list[int],
             moved: int, shift: float) -> np.ndarray | None:
    """Newton on ∇f − Σλⱼ∇gⱼ = 0, gⱼ − kⱼ = shift·[j = moved] (j binding), from (x, λ)."""
    n, m = len(x), len(binding)
    z = np.concatenate([x, lam[binding]])
    target = np.array([shift if j == moved else 0.0 for j in binding])
    for _ in range(30):
        full = np.zeros_like(lam)
        full[binding] = z[n:]
        jac = funcs.jac(z[:n])[binding]
        residual = np.concatenate([funcs.grad(z[:n]) - jac.T @ z[n:],
                                   funcs.g(z[:n])[binding] - target])
        if not np.all(np.isfinite(residual)):
            return None
        matrix = np.block([[funcs.hess_l(z[:n], full), -jac.T], [jac, np.zeros((m, m))]])
        try:
            step = np.linalg.solve(matrix, residual)
        except np.linalg.LinAlgError:
            return None
        z = z - step
        if np.max(np.abs(step)) <= 1e-15 * max(1.0, float(np.abs(z).max())):
            break
    return z[:n] if np.all(np.isfinite(z)) else None


__all__ = ["Rate", "rates"]
