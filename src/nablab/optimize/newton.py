r"""Newton's method as an optimizer (뉴턴 방법): step to the minimum of the quadratic model.

Near θ the second-order Taylor polynomial of f is the quadratic model

.. math::
    T_2(θ + Δ) = f(θ) + ∇f(θ)^T Δ + \tfrac12 Δ^T H(θ) Δ .

When the Hessian H(θ) is positive definite the model has one minimum, where its gradient
∇f + HΔ vanishes: Δ = −H⁻¹∇f. Newton's method takes that step, θ ← θ − η H⁻¹∇f(θ), with
η = 1 (the pure method) or 0 < η < 1 (damped). It is gradient descent with the matrix H⁻¹
as its learning rate: along each eigenvector of H the step is divided by that direction's
curvature λ, so every direction sees the same effective rate and a quadratic is minimised in
one step — the curvature bound η < 2/λ_max that limits gradient descent becomes η < 2.

Where H is singular the model has no unique minimum, and where H has a negative eigenvalue it
has none at all (the step would head for a saddle point or a maximum): the run stops there
with the status ``singular`` or ``not_positive_definite`` rather than take such a step.

Far from a minimum the full step can overshoot (on Rosenbrock from (−1.2, 1) its second step
climbs from f = 4.7 to f = 1412). :func:`damped_newton` keeps the direction and
backtracks along it: t = η, ηβ, ηβ², … until f decreases enough (the Armijo condition),
which makes every step a descent.

>>> import numpy as np
>>> opt = newton(1.0, hessian=lambda x, y: np.array([[2.0, 0.0], [0.0, 8.0]]))
>>> opt.update((6.0, 32.0), opt.init((3.0, 4.0)), (3.0, 4.0))[0]
(-3.0, -4.0)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from nablab.errors import HyperparameterError
from nablab.optimize.transform import (
    EmptyState,
    GradientTransformation,
    Leaves,
    chain,
    scale_by_learning_rate,
)

#: An eigenvalue of H at most this fraction of the largest |λ| counts as zero.
SINGULAR_RTOL = 1e-12
#: The most halvings of one damped step (t ≥ η·β⁶⁰); then the smallest step is taken.
MAX_BACKTRACKS = 60

Hessian = Callable[..., Any]
Value = Callable[..., Any]


class CurvatureStop(Exception):
    """The Hessian admits no Newton step at this point; ``status`` says why.

    Attributes:
        status: ``"singular"`` (an eigenvalue is 0) or ``"not_positive_definite"`` (one is
            negative: the quadratic model has no minimum).
        eigenvalues: the eigenvalues of H at the point, ascending.
    """

    def __init__(self, status: str, eigenvalues: tuple[float, ...]) -> None:
        super().__init__(status)
        self.status = status
        self.eigenvalues = eigenvalues


def curvature_status(eigenvalues: np.ndarray) -> str | None:
    """``None`` when H (with these ascending eigenvalues) is positive definite, else why not."""
    scale = float(np.max(np.abs(eigenvalues))) if eigenvalues.size else 0.0
    low = float(eigenvalues[0])
    if scale == 0.0 or abs(low) <= SINGULAR_RTOL * scale:
        return "singular"
    return None if low > 0 else "not_positive_definite"


def scale_by_newton(hessian: Hessian) -> GradientTransformation:
    r"""u = H(θ)⁻¹ g: the gradient divided by the curvature.

    Args:
        hessian: ``hessian(*θ) -> (n, n)`` array, H at θ (floats; one run at a time).

    Raises:
        CurvatureStop: H(θ) is singular or not positive definite (from ``update``).
        FloatingPointError: H(θ) is not finite (the loop counts it as divergence).
    """
    def update(updates: Leaves, state: EmptyState, params: Leaves) -> tuple[Leaves, EmptyState]:
        matrix = np.asarray(hessian(*params), dtype=float).reshape(len(params), len(params))
        if not np.isfinite(matrix).all():
            raise FloatingPointError("the Hessian is not finite")
        eigenvalues = np.linalg.eigvalsh(matrix)
        status = curvature_status(eigenvalues)
        if status is not None:
            raise CurvatureStop(status, tuple(float(e) for e in eigenvalues))
        step = np.linalg.solve(matrix, np.asarray(updates, dtype=float))
        return tuple(float(s) for s in step), state

    return GradientTransformation(lambda params: EmptyState(), update)


def newton(lr: float = 1.0, hessian: Hessian | None = None) -> GradientTransformation:
    r"""Newton's method: θ ← θ − η H(θ)⁻¹∇f(θ).

    η = 1 steps to the minimum of the quadratic Taylor model at θ; 0 < η < 1 damps the step
    (safer far from the minimum, but only linear convergence).

    Args:
        lr: η, the damping factor (1: pure Newton).
        hessian: ``hessian(*θ) -> (n, n)``; :func:`~nablab.optimize.descent.descend` passes
            f's own.
    """
    if hessian is None:
        raise ValueError("newton needs the Hessian: pass hessian=, or use descend(..., "
                         "optimizer='newton'), which passes f's own")
    return chain(scale_by_newton(hessian), scale_by_learning_rate(lr))


def damped_newton(lr: float = 1.0, c1: float = 1e-4, shrink: float = 0.5,
                  hessian: Hessian | None = None,
                  value: Value | None = None) -> GradientTransformation:
    r"""Newton's method with a backtracking line search (damped Newton).

    .. math::
        Δ = −H(θ)^{-1}∇f(θ), \qquad θ ← θ + tΔ, \quad t = η, ηβ, ηβ^2, …
        \text{ the first with } f(θ + tΔ) ≤ f(θ) + c_1 t\,∇f(θ)^TΔ .

    Args:
        lr: η, the first step tried (1: the full Newton step), 0 < η ≤ 1.
        c1: c₁, how much of the predicted decrease is demanded (Armijo), 0 < c₁ < 1.
        shrink: β, the factor of each backtrack, 0 < β < 1.
        hessian: ``hessian(*θ) -> (n, n)``.
        value: ``value(*θ) -> f(θ)``.
    """
    if hessian is None or value is None:
        raise ValueError("damped_newton needs the Hessian and f: pass hessian= and value=, or "
                         "use descend(..., optimizer='damped_newton')")
    if not 0 < lr <= 1:
        raise HyperparameterError(name="lr", value=lr)
    direction = scale_by_newton(hessian)

    def update(updates: Leaves, state: EmptyState, params: Leaves) -> tuple[Leaves, EmptyState]:
        step = np.asarray(direction.update(updates, state, params)[0])
        theta = np.asarray(params, dtype=float)
        slope = -float(np.dot(updates, step))   # ∇fᵀΔ < 0: H is positive definite
        t = lr
        with np.errstate(all="ignore"):
            start = float(value(*theta))
            for _ in range(MAX_BACKTRACKS):
                if float(value(*(theta - t * step))) <= start + c1 * t * slope:
                    break
                t *= shrink
        return tuple(float(-t * s) for s in step), state

    return GradientTransformation(lambda params: EmptyState(), update)


__all__ = ["MAX_BACKTRACKS", "SINGULAR_RTOL", "CurvatureStop", "curvature_status",
           "damped_newton", "newton", "scale_by_newton"]
