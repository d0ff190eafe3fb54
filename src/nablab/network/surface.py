r"""The loss as a function of one or two parameters, sampled for figures (pure NumPy).

For the notes' two-weight network ŷ = w₁x₁ + w₂x₂ this is the whole loss surface L(w₁, w₂);
for a model with more parameters it is the slice through θ in which only the chosen
parameters vary. The per-sample loss is NumPy code broadcast over (grid…, data row) and
averaged over the data, a band of the grid at a time so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nablab.network.model import Model
from nablab.numeric.lambdify import numpy_lambdify

#: The most per-sample losses held in memory at once.
CELLS = 2_000_000


def _code(model: Model) -> Callable[..., Any]:
    return numpy_lambdify([*model.parameters, *(s for s, _ in model.inputs), model.target[0]],
                          model.stable_loss())


def _mean_losses(model: Model, rows: np.ndarray, theta: Sequence[float],
                 varying: dict[int, np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """L with parameter i set to ``varying[i]`` (arrays shaped to broadcast to ``shape``)."""
    code = _code(model)
    p, n = len(model.parameters), rows.shape[0]
    columns = [c.reshape((1,) * len(shape) + (n,)) for c in rows[:, p:].T]
    band = max(1, CELLS // max(1, n * int(np.prod(shape[1:], dtype=int))))
    out = np.empty(shape)
    for start in range(0, shape[0], band):
        stop = min(shape[0], start + band)
        values: list[Any] = [float(v) for v in theta]
        for index, grid in varying.items():
            piece = grid[start:stop] if grid.shape[0] == shape[0] else grid
            values[index] = piece[..., None]
        with np.errstate(all="ignore"):
            losses = np.broadcast_to(code(*values, *columns), (stop - start, *shape[1:], n))
            out[start:stop] = losses.mean(axis=-1)
    out[~np.isfinite(out)] = np.nan
    return out


def loss_grid(model: Model, rows: np.ndarray, theta: Sequence[float], pair: tuple[int, int],
              a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """z[i, j] = L(θ with θ_p = a[j], θ_q = b[i]), the other parameters as in ``theta``.

    Args:
        model: the bound model.
        rows: its data block ``[θ | inputs | target]`` (the θ columns are not read).
        theta: the values of the parameters held fixed.
        pair: the indices (p, q) of the two parameters that vary.
        a, b: their values along the columns and the rows of the grid.

    Returns:
        Shape ``(len(b), len(a))``, ``nan`` where the loss is not finite.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return _mean_losses(model, rows, theta, {pair[0]: a[None, :], pair[1]: b[:, None]},
                        (len(b), len(a)))


def loss_curve(model: Model, rows: np.ndarray, theta: Sequence[float], index: int,
               a: np.ndarray) -> np.ndarray:
    """L(θ with θ_index = a[j]), the other parameters held: shape ``(len(a),)``."""
    return _mean_losses(model, rows, theta, {index: np.asarray(a, dtype=float)}, (len(a),))


__all__ = ["CELLS", "loss_curve", "loss_grid"]
