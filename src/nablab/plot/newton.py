r"""The quadratic model of each Newton step, drawn over a descent's path.

Newton's method steps from θ_k to the minimum of T₂(θ) = f(θ_k) + g·(θ − θ_k) +
½(θ − θ_k)ᵀH(θ − θ_k), with g = ∇f(θ_k) and H = H(θ_k). In one variable T₂ is a parabola
touching the curve at θ_k; in two, its level curve through θ_k is an ellipse centred at the
model's minimum θ_k − H⁻¹g (where a full step, η = 1, lands). The gradients are the run's own;
H is f's Hessian sampled at the path's points, as a contour plot samples f.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.paths import colour
from nablab.plot.runs import Run

#: The most steps whose model is drawn (the first ones: later models shrink to a point).
MODELS = 4
#: Points on each parabola or ellipse.
SAMPLES = 120


def model_parabola(theta: float, value: float, slope: float, curvature: float,
                   half_width: float) -> tuple[np.ndarray, np.ndarray]:
    """T₂(x) = f + f′·(x − θ) + ½f″·(x − θ)², sampled on θ ± ``half_width``."""
    xs = np.linspace(theta - half_width, theta + half_width, SAMPLES)
    d = xs - theta
    return xs, value + slope * d + 0.5 * curvature * d * d


def model_ellipse(theta: np.ndarray, gradient: np.ndarray,
                  hessian: np.ndarray) -> np.ndarray | None:
    """The level curve of T₂ through θ, ``(SAMPLES, 2)``; ``None`` unless H is positive
    definite (then T₂ has no minimum and its level curves are no ellipses).

    With c = θ − H⁻¹g the centre, T₂(p) = T₂(c) + ½(p − c)ᵀH(p − c), and T₂(θ) − T₂(c) =
    ½gᵀH⁻¹g = r/2: the curve is c + Q·diag(√(r/λᵢ))·(cos t, sin t), H = QΛQᵀ.
    """
    eigenvalues, vectors = np.linalg.eigh(hessian)
    if not np.all(eigenvalues > 0):
        return None
    step = np.linalg.solve(hessian, gradient)
    r = float(gradient @ step)
    t = np.linspace(0.0, 2 * np.pi, SAMPLES)
    circle = np.stack([np.cos(t), np.sin(t)])
    return (theta - step)[:, None].T + (vectors @ (np.sqrt(r / eigenvalues)[:, None] * circle)).T


def draw_quadratic_models(ax: Any, expression: Expression, runs: Sequence[Run], lang: str,
                          *, one_d: bool) -> None:
    """Dashed: the quadratic model of each of the first :data:`MODELS` Newton steps."""
    compiled = compile(expression)
    labelled = False
    for index, run in enumerate(runs):
        if run.name not in ("newton", "damped_newton") or len(run.path) < 2:
            continue
        for k in range(min(MODELS, len(run.path) - 1)):
            theta = run.path[k]
            gradient = np.asarray(compiled.grad(*theta), dtype=float).reshape(-1)
            hessian = np.asarray(compiled.hess(*theta), dtype=float).reshape(
                len(theta), len(theta))
            label = None if labelled else labels.text("label.quadratic_model", lang)
            if one_d:
                width = 1.5 * abs(run.path[k + 1][0] - theta[0]) or 1.0
                xs, ys = model_parabola(float(theta[0]), float(run.values[k]),
                                        float(gradient[0]), float(hessian[0, 0]), width)
            else:
                curve = model_ellipse(theta, gradient, hessian)
                if curve is None:
                    continue
                xs, ys = curve[:, 0], curve[:, 1]
            ax.plot(xs, ys, "--", color=colour(index), linewidth=0.9, alpha=0.8, label=label,
                    zorder=3)
            labelled = True


__all__ = ["MODELS", "draw_quadratic_models", "model_ellipse", "model_parabola"]
