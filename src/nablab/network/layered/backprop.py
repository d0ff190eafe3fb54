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
from nablab.numeric.parallel import each, split

#: Blocks of more rows are evaluated this many rows at a time (or a little fewer), on two
#: threads: the arrays of a 2-16-16-1 network's chunk (~1 kB a row) stay in the cache.
CHUNK = 1024

#: [(W⁽¹⁾, b⁽¹⁾), …], views of θ (:meth:`Architecture.unpack`).
Pairs = list[tuple[np.ndarray, np.ndarray]]


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """σ(z) = 1/(1 + e^(−z)), written (1 + tanh(z/2))/2 so no e^(−z) overflows."""
    out = np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


def activate(name: str, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """g(z) for ``tanh``, ``sigmoid``, ``relu`` or ``linear`` (into ``out`` when given; the
    linear output is z itself)."""
    if name == "tanh":
        return np.tanh(z, out=out)
    if name == "sigmoid":
        return sigmoid(z, out)
    if name == "relu":
        return np.maximum(z, 0.0, out=out)
    return z


def slope(name: str, z: np.ndarray, a: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """g′(z), from a = g(z) where that is cheaper: 1 − a² (tanh), a(1 − a) (σ), [z > 0] (relu;
    0 at z = 0, as PyTorch); into ``out`` when given."""
    if name == "tanh":
        out = np.multiply(a, a, out=out)
        return np.subtract(1.0, out, out=out)
    if name == "sigmoid":
        out = np.subtract(1.0, a, out=out)
        out *= a
        return out
    if name == "relu":
        return np.heaviside(z, 0.0, out=out)
    return np.ones_like(z)


class Workspace:
    """Arrays a pass over ``n`` rows writes into, kept between evaluations: allocating
    megabytes afresh on every step costs more than the arithmetic (page faults)."""

    def __init__(self, net: Architecture, n: int) -> None:
        widths = net.layers[1:]
        self.z = [np.empty((n, w)) for w in widths]
        self.a = [np.empty((n, w)) for w in widths]
        self.delta = [np.empty((n, w)) for w in widths]
        self.slope = [np.empty((n, w)) for w in widths]


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
            pairs: Pairs | None = None, work: Workspace | None = None) -> Forward:
    """Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾ᵀ, A⁽ˡ⁾ = g(Z⁽ˡ⁾) for the rows of ``x`` (N × n₀).

    ``pairs`` is ``net.unpack(theta)`` when the caller has it already; with ``work`` the
    arrays are written into it (and overwritten by its next use). Overflow gives
    ``inf``/``nan`` (the callers decide; wrap in ``np.errstate`` to silence NumPy's warnings,
    as :class:`LayeredKernel` does once per evaluation).
    """
    zs, acts = [], [x]
    last = net.depth - 1
    for layer, (weight, bias) in enumerate(net.unpack(theta) if pairs is None else pairs):
        z = np.matmul(acts[-1], weight.T, out=None if work is None else work.z[layer])
        z += bias
        zs.append(z)
        acts.append(activate(net.output if layer == last else net.activation, z,
                             None if work is None else work.a[layer]))
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
             out: np.ndarray | None = None, pairs: Pairs | None = None,
             work: Workspace | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
    """∂/∂θ of Σₙ wₙℓₙ from δ⁽ᴸ⁾ (rows already weighted), and every Δ⁽ˡ⁾ (N × n_l).

    Returns:
        The gradient, flat in θ's layout (written into ``out`` when given), and [Δ⁽¹⁾ … Δ⁽ᴸ⁾]
        (in ``work`` when given).
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
            delta = np.matmul(delta, weights[layer - 1][0],
                              out=None if work is None else work.delta[layer - 2])
            delta *= slope(net.activation, passed.z[layer - 2], passed.a[layer - 1],
                           None if work is None else work.slope[layer - 2])
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
        self._work: dict[tuple[int, int], Workspace] = {}

    def __call__(self, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
        """The mean loss and the mean gradient, shape (P,); ``inf``/``nan`` on overflow.

        More than :data:`CHUNK` rows are taken a chunk at a time on two threads (NumPy
        releases the GIL), each chunk's sums added in chunk order (the same bits on one
        thread or two).
        """
        n = rows.shape[0]
        if n <= CHUNK:
            loss, grad = self._sums(theta, rows, 1.0 / n, 0)
            return loss / n, grad
        bounds = split(n, CHUNK)
        totals = np.empty(len(bounds))
        grads = np.empty((len(bounds), theta.size))

        def chunk(index: int, lane: int) -> None:
            start, stop = bounds[index]
            totals[index], grads[index] = self._sums(theta, rows[start: stop], 1.0 / n, lane)

        each(chunk, len(bounds))
        loss, grad = 0.0, np.zeros(theta.size)
        for index in range(len(bounds)):
            loss += totals[index]
            grad += grads[index]
        return loss / n, grad

    def _sums(self, theta: np.ndarray, rows: np.ndarray, weight: float,
              lane: int) -> tuple[float, np.ndarray]:
        """Σₙ ℓₙ over ``rows`` and ∂/∂θ of Σₙ wℓₙ (w = ``weight``), in thread ``lane``'s arrays."""
        n = rows.shape[0]
        x, y = rows[:, : self.k], rows[:, self.k]
        work = self._workspace(n, lane)
        with np.errstate(all="ignore"):
            pairs = self.net.unpack(theta)
            passed = forward(self.net, theta, x, pairs, work)
            loss = float(np.add.reduce(losses(self.net, passed, y)))
            delta = output_delta(self.net, passed, y)
            delta *= weight
            grad, _ = backward(self.net, theta, passed, delta, pairs=pairs, work=work)
        return loss, grad

    def _workspace(self, n: int, lane: int) -> Workspace:
        """Thread ``lane``'s arrays for ``n`` rows (a full batch or chunk, the last, smaller
        mini-batch)."""
        key = (n, lane)
        found = self._work.get(key)
        if found is None:
            if len(self._work) > 8:
                self._work.clear()
            found = self._work[key] = Workspace(self.net, n)
        return found


__all__ = ["CHUNK", "Forward", "LayeredKernel", "Pairs", "Workspace", "activate", "backward",
           "forward", "losses", "output_delta", "sigmoid", "slope"]
