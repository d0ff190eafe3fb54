r"""Forward and backward passes in matrix form, vectorised over the rows of the data.

For one sample (a column vector), the notes' forward pass and the backward pass of the chain
rule are

    z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,   a⁽ˡ⁾ = g(z⁽ˡ⁾),   a⁽⁰⁾ = x,
    δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾,   δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾),
    ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ,   ∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾.

Here the N samples are the rows of a matrix, so every column vector above becomes a row and
each product is transposed: Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ (N × n_l), Δ⁽ˡ⁾ = (Δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾) ⊙ g′(Z⁽ˡ⁾),
and the mean over the samples ∂L/∂W⁽ˡ⁾ = (1/N) Δ⁽ˡ⁾ᵀA⁽ˡ⁻¹⁾ is one matrix product.

The output is a logit z⁽ᴸ⁾: with a sigmoid output and BCE, ℓ = ln(1 + e^z) − yz and
δ⁽ᴸ⁾ = σ(z) − y (σ′ cancels); with MSE, ℓ = (ŷ − y)² and δ⁽ᴸ⁾ = 2(ŷ − y)·∂ŷ/∂z.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nablab.network.layered.architecture import Architecture

#: [(W⁽¹⁾, b⁽¹⁾), …], views of θ (:meth:`Architecture.unpack`).
Pairs = list[tuple[np.ndarray, np.ndarray]]


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1/(1 + e^(−z)), written (1 + tanh(z/2))/2 so no e^(−z) overflows."""
    return 0.5 + 0.5 * np.tanh(0.5 * z)


def activate(name: str, z: np.ndarray) -> np.ndarray:
    """g(z) for ``tanh``, ``sigmoid``, ``relu`` or ``linear``."""
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return sigmoid(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    return z


def slope(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """g′(z), from a = g(z) where that is cheaper: 1 − a² (tanh), a(1 − a) (σ), [z > 0] (relu;
    0 at z = 0, as PyTorch)."""
    if name == "tanh":
        return 1.0 - a * a
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "relu":
        return (z > 0.0).astype(float)
    return np.ones_like(z)


@dataclass(frozen=True)
class Forward:
    """A forward pass over N rows.

    Attributes:
        z: [Z⁽¹⁾ … Z⁽ᴸ⁾], each (N × n_l).
        a: [A⁽⁰⁾ = X, A⁽¹⁾ … A⁽ᴸ⁾], each (N × n_l); A⁽ᴸ⁾ is ŷ (the probability p for a
            sigmoid output).
    """

    z: list[np.ndarray]
    a: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        """ŷ per row, shape (N,)."""
        return self.a[-1][:, 0]

    @property
    def logit(self) -> np.ndarray:
        """z⁽ᴸ⁾ per row, shape (N,)."""
        return self.z[-1][:, 0]


def forward(net: Architecture, theta: np.ndarray, x: np.ndarray,
            pairs: Pairs | None = None) -> Forward:
    """Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ, A⁽ˡ⁾ = g(Z⁽ˡ⁾) for the rows of ``x`` (N × n₀).

    ``pairs`` is ``net.unpack(theta)`` when the caller has it already. Overflow gives
    ``inf``/``nan`` (the callers decide; wrap in ``np.errstate`` to silence NumPy's warnings,
    as :class:`LayeredKernel` does once per evaluation).
    """
    zs, acts = [], [x]
    last = net.depth - 1
    for layer, (weight, bias) in enumerate(net.unpack(theta) if pairs is None else pairs):
        z = acts[-1] @ weight.T
        z += bias
        zs.append(z)
        acts.append(activate(net.output if layer == last else net.activation, z))
    return Forward(zs, acts)


def losses(net: Architecture, passed: Forward, y: np.ndarray) -> np.ndarray:
    """ℓₙ per row: ln(1 + e^z) − yz (BCE, overflow-free) or (ŷ − y)² (MSE)."""
    if net.loss == "bce":
        z = passed.logit
        return np.logaddexp(0.0, z) - y * z
    return (passed.output - y) ** 2


def output_delta(net: Architecture, passed: Forward, y: np.ndarray) -> np.ndarray:
    """δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾ per row, shape (N, 1)."""
    p = passed.a[-1]
    if net.loss == "bce":
        return p - y[:, None]
    return 2.0 * (p - y[:, None]) * slope(net.output, passed.z[-1], p)


def backward(net: Architecture, theta: np.ndarray, passed: Forward, delta: np.ndarray,
             out: np.ndarray | None = None,
             pairs: Pairs | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
    """∂/∂θ of Σₙ wₙℓₙ from δ⁽ᴸ⁾ (rows already weighted), and every Δ⁽ˡ⁾ (N × n_l).

    Returns:
        The gradient, flat in θ's layout (written into ``out`` when given), and [Δ⁽¹⁾ … Δ⁽ᴸ⁾].
    """
    grad = np.empty_like(theta) if out is None else out
    views = net.unpack(grad)
    weights = net.unpack(theta) if pairs is None else pairs
    deltas = [delta]
    for layer in range(net.depth, 0, -1):
        d_weight, d_bias = views[layer - 1]
        np.dot(delta.T, passed.a[layer - 1], out=d_weight)
        np.add.reduce(delta, axis=0, out=d_bias)
        if layer > 1:
            delta = delta @ weights[layer - 1][0]
            delta *= slope(net.activation, passed.z[layer - 2], passed.a[layer - 1])
            deltas.append(delta)
    return grad, deltas[::-1]


class LayeredKernel:
    """L(θ) and ∇L(θ) over a block of rows ``[x₁ … x_k | y]`` (the training loop's kernel).

    Args:
        net: the architecture.
    """

    backend = "numpy"

    def __init__(self, net: Architecture) -> None:
        self.net = net
        self.k = net.layers[0]

    def __call__(self, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
        """The mean loss and the mean gradient, shape (P,); ``inf``/``nan`` on overflow."""
        n = rows.shape[0]
        x, y = rows[:, : self.k], rows[:, self.k]
        with np.errstate(all="ignore"):
            pairs = self.net.unpack(theta)
            passed = forward(self.net, theta, x, pairs)
            loss = float(np.add.reduce(losses(self.net, passed, y))) / n
            delta = output_delta(self.net, passed, y)
            delta *= 1.0 / n
            grad, _ = backward(self.net, theta, passed, delta, pairs=pairs)
        return loss, grad


__all__ = ["Forward", "LayeredKernel", "Pairs", "activate", "backward", "forward", "losses",
           "output_delta", "sigmoid", "slope"]
