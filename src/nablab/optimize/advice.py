r"""Which learning rates are stable, read from the Hessian.

On a quadratic f(θ) = ½θᵀHθ + bᵀθ + c, gradient descent multiplies the error along each
eigenvector of H by (1 − ηλ) per step, so it converges exactly when |1 − ηλ| < 1 for every
eigenvalue: 0 < η < 2/λ_max. The fastest η balances the slowest and the fastest direction,
|1 − ηλ_min| = |1 − ηλ_max|, which gives η* = 2/(λ_min + λ_max). With PyTorch's momentum μ
(and dampening τ) the bound widens to 2(1 + μ)/((1 − τ)λ_max); with Nesterov momentum it is
2(1 + μ)/((1 + 2μ)λ_max). Adaptive methods (Adagrad, RMSprop, Adam) rescale each coordinate,
so no such bound applies to their η. Newton's method divides each direction by its own
curvature (H⁻¹), so every eigenvalue becomes 1: its η is stable for 0 < η < 2 and η = 1, the
minimum of the quadratic Taylor model, is exact on a quadratic — provided H is positive
definite, without which no bound is given.

For any other function the Hessian at the start gives the same numbers as a local estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile


@dataclass(frozen=True)
class LearningRateAdvice:
    """The stable range of η and the best η, from the Hessian's eigenvalues.

    Attributes:
        kind: ``"quadratic"`` (exact everywhere) or ``"local"`` (from H at the start).
        eigenvalues: eigenvalues of H, ascending.
        rule: ``"gd"``, ``"momentum"``, ``"nesterov"`` or ``"newton"`` — whose bound
            ``max_lr`` is — or ``None`` for adaptive optimizers, to which no curvature bound
            applies.
        max_lr: the stable range is 0 < η < max_lr; ``None`` when H has no positive
            eigenvalue (no curvature limits the step) or the rule is ``None``.
        best_lr: 2/(λ_min + λ_max) for plain gradient descent, 1 for Newton's method, when H
            is positive definite.
        lr: the η being used.
        warning: η is outside the stable range.
    """

    kind: str
    eigenvalues: tuple[float, ...]
    rule: str | None
    max_lr: float | None
    best_lr: float | None
    lr: float
    warning: bool

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "eigenvalues": list(self.eigenvalues), "rule": self.rule,
                "max_lr": self.max_lr, "best_lr": self.best_lr,
                "learning_rate": self.lr, "warning": self.warning}


def stability_factor(optimizer: str, hyper: dict[str, Any]) -> tuple[str | None, float | None]:
    """(rule, c) such that the stable range is 0 < η < c/λ_max; (None, None) if adaptive.

    Newton's method is the exception: its range 0 < η < 2 does not scale with λ_max (c is 2
    and :func:`advise` does not divide it).
    """
    if optimizer in ("newton", "damped_newton"):
        return "newton", 2.0
    mu = float(hyper.get("momentum", 0.0))
    if optimizer in ("gd", "sgd", "momentum", "nesterov") and mu == 0:
        return "gd", 2.0
    if optimizer == "nesterov" or (optimizer == "sgd" and hyper.get("nesterov")):
        return "nesterov", 2 * (1 + mu) / (1 + 2 * mu)
    if optimizer in ("sgd", "momentum"):
        return "momentum", 2 * (1 + mu) / (1 - float(hyper.get("dampening", 0.0)))
    return None, None


def advise(expression: Expression, start: tuple[float, ...], optimizer: str,
           lr: float, hyper: dict[str, Any]) -> LearningRateAdvice | None:
    """Learning-rate advice for descending ``expression`` from ``start``.

    Returns:
        The advice, or ``None`` when the Hessian is too costly (a large expression) or not
        finite at the start.
    """
    compiled = compile(expression)
    if compiled.backend != "sympy":
        return None
    quadratic = expression.cached("hessian_constant", lambda: not any(
        entry.free_symbols for entry in expression.hessian()))
    matrix = np.asarray(compiled.hess(*start), dtype=float)
    if not np.isfinite(matrix).all():
        return None
    eigenvalues = np.linalg.eigvalsh(matrix)
    low, high = float(eigenvalues[0]), float(eigenvalues[-1])
    rule, factor = stability_factor(optimizer, hyper)
    if rule == "newton":
        max_lr, best = (2.0, 1.0) if low > 0 else (None, None)
    else:
        max_lr = _finite(factor / high) if factor is not None and high > 0 else None
        best = _finite(2 / (low + high)) if rule == "gd" and low > 0 else None
    warning = max_lr is not None and not 0 < lr < max_lr
    return LearningRateAdvice("quadratic" if quadratic else "local",
                              tuple(float(e) for e in eigenvalues), rule, max_lr, best,
                              lr, warning)


def _finite(value: float) -> float | None:
    return value if np.isfinite(value) else None


__all__ = ["LearningRateAdvice", "advise", "stability_factor"]
