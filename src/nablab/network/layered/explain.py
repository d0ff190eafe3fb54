r"""One sample through every layer: the numbers of the forward and the backward pass.

``--explain-sample K`` runs sample K alone (a batch of one row) through the same
:func:`~nablab.network.layered.backprop.forward` and
:func:`~nablab.network.layered.backprop.backward` that train the network, so its ∂ℓ/∂W⁽ˡ⁾ are
exactly that sample's terms of the mean gradient ∂L/∂W⁽ˡ⁾ = (1/N) Σₙ ∂ℓₙ/∂W⁽ˡ⁾.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.errors import HyperparameterError
from nablab.network.layered.architecture import Architecture
from nablab.network.layered.backprop import backward, forward, losses, output_delta, slope


@dataclass(frozen=True)
class SampleTrace:
    """Sample ``index`` (1-based) at θ: every layer's vectors, column vectors as 1-D arrays.

    Attributes:
        index: K, counted from 1 (the data's row number).
        x: the input a⁽⁰⁾; y: the target.
        z, a: z⁽ˡ⁾ and a⁽ˡ⁾ for l = 1 … L.
        loss: ℓ of this sample.
        back: W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾ for l = 1 … L − 1 (what the layer above sends down).
        slopes: g′(z⁽ˡ⁾) for l = 1 … L − 1.
        delta: δ⁽ˡ⁾ for l = 1 … L.
        weights: ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ, (n_l × n_{l−1}); biases: ∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾.
    """

    index: int
    x: np.ndarray
    y: float
    z: list[np.ndarray]
    a: list[np.ndarray]
    loss: float
    back: list[np.ndarray]
    slopes: list[np.ndarray]
    delta: list[np.ndarray]
    weights: list[np.ndarray]
    biases: list[np.ndarray]

    def to_dict(self) -> dict[str, Any]:
        def rows(items: list[np.ndarray]) -> list[list[float]]:
            return [v.tolist() for v in items]

        return {"sample": self.index, "x": self.x.tolist(), "y": self.y,
                "z": rows(self.z), "a": rows(self.a), "loss": self.loss,
                "back": rows(self.back), "slopes": rows(self.slopes),
                "delta": rows(self.delta),
                "grad_W": [w.tolist() for w in self.weights], "grad_b": rows(self.biases)}


def trace(net: Architecture, theta: np.ndarray, x: np.ndarray, y: np.ndarray,
          index: int) -> SampleTrace:
    """Sample ``index`` (1 … N) of the rows ``x``, ``y`` through the network at θ.

    Raises:
        HyperparameterError: ``bad_sample`` when there is no such row.
    """
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) \
            or not 1 <= index <= x.shape[0]:
        raise HyperparameterError("bad_sample", value=index, rows=x.shape[0])
    row = x[index - 1: index]
    target = y[index - 1: index]
    with np.errstate(all="ignore"):
        passed = forward(net, theta, row)
        delta = output_delta(net, passed, target)
        grad, deltas = backward(net, theta, passed, delta)
        weights = net.unpack(theta)
        back = [(deltas[layer + 1] @ weights[layer + 1][0])[0]
                for layer in range(net.depth - 1)]
        slopes = [slope(net.activation, passed.z[layer], passed.a[layer + 1])[0]
                  for layer in range(net.depth - 1)]
        loss = float(losses(net, passed, target)[0])
    pairs = net.unpack(grad)
    return SampleTrace(
        index=int(index), x=row[0].copy(), y=float(target[0]),
        z=[z[0] for z in passed.z], a=[a[0] for a in passed.a[1:]],
        loss=loss, back=back, slopes=slopes,
        delta=[d[0] for d in deltas], weights=[w.copy() for w, _ in pairs],
        biases=[b.copy() for _, b in pairs])


__all__ = ["SampleTrace", "trace"]
