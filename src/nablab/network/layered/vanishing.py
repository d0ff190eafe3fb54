r"""How big ∂L/∂W⁽ˡ⁾ is, layer by layer, at the start of training: vanishing gradients.

Going down one layer, the backward pass multiplies by W⁽ˡ⁺¹⁾ᵀ and by g′(z⁽ˡ⁾). For the
sigmoid, g′ = σ(1 − σ) ≤ 1/4, so L − l layers above layer l shrink its δ⁽ˡ⁾ by a factor of up
to (1/4)^(L−l) (times the weights): the first layers of a deep sigmoid network barely learn.
tanh′ = 1 − tanh² ≤ 1 and relu′ ∈ {0, 1} do not shrink it by themselves.

>>> SLOPE_BOUNDS["sigmoid"], SLOPE_BOUNDS["tanh"]
(0.25, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nablab.network.layered.architecture import Architecture
from nablab.network.layered.backprop import backward, forward, output_delta, slope

#: max g′ of each activation: σ′ ≤ 1/4, tanh′ ≤ 1, relu′ ≤ 1.
SLOPE_BOUNDS = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}


@dataclass(frozen=True)
class LayerSize:
    """One layer's gradient at θ₀.

    Attributes:
        layer: l (1 … L).
        weight: |∂L/∂W⁽ˡ⁾| (the Frobenius norm, √ of the sum of squares).
        bias: |∂L/∂b⁽ˡ⁾|.
        ratio: |∂L/∂W⁽ˡ⁾| / |∂L/∂W⁽ᴸ⁾| (``None`` when the output layer's is 0).
        slope: the mean of g′(z⁽ˡ⁾) over the units and samples (``None`` for the output).
        bound: (max g′)^(L−l), how much the g′ factors alone can shrink δ⁽ˡ⁾ from δ⁽ᴸ⁾.
    """

    layer: int
    weight: float
    bias: float
    ratio: float | None
    slope: float | None
    bound: float

    def to_dict(self) -> dict[str, Any]:
        return {"layer": self.layer, "weight": self.weight, "bias": self.bias,
                "ratio": self.ratio, "mean_slope": self.slope, "bound": self.bound}


def gradient_sizes(net: Architecture, theta: np.ndarray, x: np.ndarray,
                   y: np.ndarray) -> list[LayerSize]:
    """|∂L/∂W⁽ˡ⁾| and |∂L/∂b⁽ˡ⁾| for l = 1 … L over all rows, next to (max g′)^(L−l)."""
    with np.errstate(all="ignore"):
        passed = forward(net, theta, x)
        delta = output_delta(net, passed, y) * (1.0 / x.shape[0])
        grad, _ = backward(net, theta, passed, delta)
    pairs = net.unpack(grad)
    top = float(np.linalg.norm(pairs[-1][0]))
    bound = SLOPE_BOUNDS[net.activation]
    sizes = []
    for layer, (d_weight, d_bias) in enumerate(pairs, start=1):
        weight = float(np.linalg.norm(d_weight))
        mean = None if layer == net.depth else float(np.mean(slope(
            net.activation, passed.z[layer - 1], passed.a[layer])))
        sizes.append(LayerSize(layer, weight, float(np.linalg.norm(d_bias)),
                               weight / top if top > 0 else None, mean,
                               bound ** (net.depth - layer)))
    return sizes


__all__ = ["SLOPE_BOUNDS", "LayerSize", "gradient_sizes"]
