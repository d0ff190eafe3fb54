r"""The shape of a layered network: widths, activations, loss, and θ laid out as matrices.

A network with widths n₀-n₁-…-n_L has, for each layer l = 1 … L, a weight matrix W⁽ˡ⁾ of
shape (n_l × n_{l−1}) and a bias b⁽ˡ⁾ of shape (n_l × 1) — the notes' column-vector
convention z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾. All of them live in one flat vector θ
(W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, b⁽²⁾, …), so the optimizers of :mod:`nablab.optimize` update
every weight with the same building blocks as a single-layer model; :meth:`unpack` gives the
matrices as views of θ (no copies).

>>> net = architecture([2, 2, 1], "tanh")
>>> net.size, net.names
(9, ('W1', 'b1', 'W2', 'b2'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from nablab.errors import HyperparameterError

#: Activations of the hidden layers, and of the output.
ACTIVATIONS = ("tanh", "sigmoid", "relu")
OUTPUTS = ("sigmoid", "linear")
#: The most layers (weight matrices), the widest layer, and the most parameters.
MAX_LAYERS, MAX_WIDTH, MAX_PARAMETERS = 64, 1024, 100_000
#: The most numbers one pass keeps per evaluation: rows × (n₀ + n₁ + … + n_L).
MAX_CELLS = 4_000_000


@dataclass(frozen=True)
class Architecture:
    """Widths n₀ … n_L, the hidden activation g, the output and the loss.

    Attributes:
        layers: the widths, inputs first, the output (width 1) last.
        activation: g of every hidden layer (``tanh``, ``sigmoid`` or ``relu``).
        output: ``sigmoid`` (a probability) or ``linear`` (a number).
        loss: ``bce`` (only with a sigmoid output) or ``mse``.
    """

    layers: tuple[int, ...]
    activation: str = "tanh"
    output: str = "sigmoid"
    loss: str = "bce"

    @property
    def depth(self) -> int:
        """L, the number of weight layers."""
        return len(self.layers) - 1

    @property
    def names(self) -> tuple[str, ...]:
        """``W1, b1, W2, b2, …`` in θ's order."""
        return tuple(f"{kind}{layer}" for layer in range(1, self.depth + 1) for kind in "Wb")

    def shape(self, name: str) -> tuple[int, int]:
        """(rows × columns) of ``W3`` or ``b3``."""
        layer = int(name[1:])
        return (self.layers[layer], self.layers[layer - 1] if name[0] == "W" else 1)

    @property
    def size(self) -> int:
        """P, the number of parameters."""
        return sum(n * (m + 1) for m, n in zip(self.layers, self.layers[1:], strict=False))

    @cached_property
    def layout(self) -> tuple[tuple[int, int, int, int, int], ...]:
        """Per layer (start of W, end of W = start of b, end of b, n_l, n_{l−1}) in θ."""
        out, offset = [], 0
        for m, n in zip(self.layers, self.layers[1:], strict=False):
            out.append((offset, offset + n * m, offset + n * m + n, n, m))
            offset += n * m + n
        return tuple(out)

    def unpack(self, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """[(W⁽¹⁾, b⁽¹⁾), …] as views of θ; b⁽ˡ⁾ flat, shape (n_l,)."""
        return [(theta[w: b].reshape(n, m), theta[b: end]) for w, b, end, n, m in self.layout]

    def matrices(self, theta: np.ndarray) -> dict[str, np.ndarray]:
        """``{"W1": (n₁ × n₀), "b1": (n₁ × 1), …}``, copies shaped as in the notes."""
        out: dict[str, np.ndarray] = {}
        for layer, (weight, bias) in enumerate(self.unpack(theta), start=1):
            out[f"W{layer}"] = weight.copy()
            out[f"b{layer}"] = bias.reshape(-1, 1).copy()
        return out

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """One name per coordinate of θ: ``W1[1,2]`` (row 1, column 2), ``b1[2]``."""
        names: list[str] = []
        for layer, (m, n) in enumerate(zip(self.layers, self.layers[1:], strict=False), 1):
            names += [f"W{layer}[{i},{j}]" for i in range(1, n + 1) for j in range(1, m + 1)]
            names += [f"b{layer}[{i}]" for i in range(1, n + 1)]
        return tuple(names)

    def initial(self, rng: np.random.Generator) -> np.ndarray:
        """θ₀: W⁽ˡ⁾ uniform on ±√(6/(n_{l−1} + n_l)) (Glorot/Xavier, keeping the size of the
        signal about the same from layer to layer), b⁽ˡ⁾ = 0, drawn from ``rng``."""
        theta = np.zeros(self.size)
        for weight, _ in self.unpack(theta):
            n, m = weight.shape
            limit = np.sqrt(6.0 / (n + m))
            weight[...] = rng.uniform(-limit, limit, size=(n, m))
        return theta


def parse_layers(spec: str | Sequence[int]) -> tuple[int, ...]:
    """``"2,2,1"`` or ``[2, 2, 1]`` as widths, checked (at least 2, each 1 … MAX_WIDTH).

    Raises:
        HyperparameterError: ``bad_layers`` (not whole numbers ≥ 1, or too many or too wide).
    """
    parts: Sequence[object] = spec.split(",") if isinstance(spec, str) else spec
    if not 2 <= len(parts) <= MAX_LAYERS + 1:
        raise HyperparameterError("bad_layers", value=_shown(spec), layers=MAX_LAYERS,
                                  width=MAX_WIDTH)
    widths = []
    for part in parts:
        width = _width(part)
        if width is None:
            raise HyperparameterError("bad_layers", value=_shown(spec), layers=MAX_LAYERS,
                                      width=MAX_WIDTH)
        widths.append(width)
    return tuple(widths)


def _width(part: object) -> int | None:
    if isinstance(part, str):
        text = part.strip()
        value = int(text) if text.isascii() and text.isdigit() and len(text) < 8 else None
    elif isinstance(part, (int, np.integer)) and not isinstance(part, bool):
        value = int(part)
    else:
        value = None
    return value if value is not None and 1 <= value <= MAX_WIDTH else None


def _shown(spec: str | Sequence[int]) -> str:
    text = spec if isinstance(spec, str) else ",".join(str(v) for v in spec)
    return text if len(text) <= 40 else text[:39] + "…"


def architecture(layers: str | Sequence[int], activation: str = "tanh",
                 output: str = "sigmoid", loss: str | None = None) -> Architecture:
    """The checked :class:`Architecture` (loss: BCE with a sigmoid output, else MSE).

    Raises:
        HyperparameterError: ``bad_layers``, ``bad_activation``, ``layered_output_width``,
            ``layered_too_many_parameters``, ``layered_bce_needs_sigmoid``, ``unknown_loss``.
    """
    widths = parse_layers(layers)
    if activation not in ACTIVATIONS:
        raise HyperparameterError("bad_activation", name=activation, known=", ".join(ACTIVATIONS))
    if output not in OUTPUTS:
        raise HyperparameterError("bad_activation", name=output, known=", ".join(OUTPUTS))
    if widths[-1] != 1:
        raise HyperparameterError("layered_output_width", width=widths[-1])
    chosen = loss if loss is not None else ("bce" if output == "sigmoid" else "mse")
    if chosen not in ("bce", "mse"):
        raise HyperparameterError("unknown_loss", name=chosen, known="mse, bce")
    if chosen == "bce" and output != "sigmoid":
        raise HyperparameterError("layered_bce_needs_sigmoid")
    net = Architecture(widths, activation, output, chosen)
    if net.size > MAX_PARAMETERS:
        raise HyperparameterError("layered_too_many_parameters", count=net.size,
                                  limit=MAX_PARAMETERS)
    return net


def check_cells(net: Architecture, rows: int) -> None:
    """Refuse data too large for one pass: rows × (n₀ + … + n_L) ≤ :data:`MAX_CELLS`.

    Raises:
        HyperparameterError: ``layered_too_large``.
    """
    if rows * sum(net.layers) > MAX_CELLS:
        raise HyperparameterError("layered_too_large", rows=rows, units=sum(net.layers),
                                  limit=MAX_CELLS)


__all__ = ["ACTIVATIONS", "MAX_CELLS", "MAX_LAYERS", "MAX_PARAMETERS", "MAX_WIDTH", "OUTPUTS",
           "Architecture", "architecture", "check_cells", "parse_layers"]
