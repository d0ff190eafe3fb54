"""How a layered network's numbers read: vectors, matrices, and one sample's passes in words."""

from __future__ import annotations

from typing import Any

import numpy as np

from nablab.i18n import translate
from nablab.network.layered.architecture import Architecture
from nablab.network.layered.explain import SampleTrace
from nablab.network.layered.formulas import sup
from nablab.optimize.present import fmt

#: Significant digits of the explained numbers.
DIGITS = 4
_NAMES = {"tanh": "tanh", "sigmoid": "σ", "relu": "relu"}


def vector_text(values: np.ndarray) -> str:
    """A column vector: ``(0.5, −1)ᵀ``; one number alone: ``0.5``."""
    items = [fmt(float(v), DIGITS) for v in np.ravel(values)]
    return items[0] if len(items) == 1 else "(" + ", ".join(items) + ")ᵀ"


def matrix_text(values: np.ndarray) -> str:
    """A matrix row by row, ``[0.5, −1; 2, 3]``; a column (n × 1) as a column vector."""
    matrix = np.atleast_2d(values)
    if matrix.shape[1] == 1:
        return vector_text(matrix[:, 0])
    return "[" + "; ".join(", ".join(fmt(float(v), DIGITS) for v in row)
                           for row in matrix) + "]"


def explain_lines(net: Architecture, sample: SampleTrace, lang: str | None = None) -> list[str]:
    """Sample K forward (z⁽ˡ⁾, a⁽ˡ⁾, ℓ) and backward (δ⁽ˡ⁾, ∂ℓ/∂W⁽ˡ⁾, ∂ℓ/∂b⁽ˡ⁾), each
    backward line followed by the chain rule it is."""
    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    lines = [t("layered.explain.forward")]
    for layer in range(1, net.depth + 1):
        s, p = sup(layer), sup(layer - 1)
        lines.append(f"  z{s} = W{s}a{p} + b{s} = {vector_text(sample.z[layer - 1])}")
        name = net.output if layer == net.depth else net.activation
        applied = f"z{s}" if name == "linear" else f"{_NAMES[name]}(z{s})"
        head = "ŷ = " if layer == net.depth else ""
        lines.append(f"  {head}a{s} = {applied} = {vector_text(sample.a[layer - 1])}")
    lines.append(f"  ℓ = {fmt(sample.loss, DIGITS)}   " + t(f"layered.explain.loss_{net.loss}"))
    lines.append(t("layered.explain.backward"))
    for layer in range(net.depth, 0, -1):
        lines += _delta(net, sample, layer, t)
        s, p = sup(layer), sup(layer - 1)
        lines.append(f"  ∂ℓ/∂W{s} = δ{s}a{p}ᵀ = {matrix_text(sample.weights[layer - 1])}")
        lines.append("      " + t("layered.explain.weight", l=s, p=p))
        lines.append(f"  ∂ℓ/∂b{s} = δ{s} = {vector_text(sample.biases[layer - 1])}")
        lines.append("      " + t("layered.explain.bias", l=s))
    lines.append(t("layered.explain.mean"))
    return lines


def _delta(net: Architecture, sample: SampleTrace, layer: int, t: Any) -> list[str]:
    s = sup(layer)
    if layer == net.depth:
        y_hat, y = fmt(float(sample.a[-1][0]), DIGITS), fmt(sample.y, DIGITS)
        y = f"({y})" if sample.y < 0 else y   # 0.5 − (−0.3), not 0.5 − −0.3
        if net.loss == "bce":
            rest = f"ŷ − y = {y_hat} − {y}"
            key = "layered.explain.output_bce"
        elif net.output == "sigmoid":
            rest = f"2(ŷ − y) ŷ(1 − ŷ), ŷ = {y_hat}, y = {y}"
            key = "layered.explain.output_mse_sigmoid"
        else:
            rest = f"2(ŷ − y) = 2({y_hat} − {y})"
            key = "layered.explain.output_mse_linear"
        return [f"  δ{s} = ∂ℓ/∂z{s} = {rest} = {vector_text(sample.delta[-1])}",
                "      " + t(key, l=s)]
    n = sup(layer + 1)
    name = _NAMES[net.activation]
    return [f"  W{n}ᵀδ{n} = {vector_text(sample.back[layer - 1])},   "
            f"{name}′(z{s}) = {vector_text(sample.slopes[layer - 1])}",
            f"  δ{s} = (W{n}ᵀδ{n}) ⊙ {name}′(z{s}) = {vector_text(sample.delta[layer - 1])}",
            "      " + t("layered.explain.hidden", l=s, n=n)]


__all__ = ["DIGITS", "explain_lines", "matrix_text", "vector_text"]
