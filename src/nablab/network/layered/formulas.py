r"""A layered network's formulas in matrix form, each with its shape, in Unicode and LaTeX.

The model ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾) is written for the chosen widths and
activations; the forward pass z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = g(z⁽ˡ⁾) and the backward pass
δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾, δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ, ∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾
layer by layer, each line with the shape of its result (and of its factors), e.g. ``(2×1)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from nablab.network.layered.architecture import Architecture
from nablab.present import Math

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: How each activation is written, and its derivative in terms of a = g(z).
_NAMES = {"tanh": ("tanh", "\\tanh"), "sigmoid": ("σ", "\\sigma"), "relu": ("relu",
                                                                          "\\operatorname{relu}")}
_SLOPES = {
    "tanh": ("(1 − a{s}²)", "\\left(1 - \\left(a^{{({l})}}\\right)^2\\right)"),
    "sigmoid": ("a{s} ⊙ (1 − a{s})", "a^{{({l})}} \\odot \\left(1 - a^{{({l})}}\\right)"),
    "relu": ("[z{s} > 0]", "\\left[z^{{({l})}} > 0\\right]"),
}


def sup(layer: int | str) -> str:
    """``⁽²⁾`` for layer 2 (``⁽ᴸ⁾``, ``⁽ˡ⁾`` for the letters)."""
    text = {"L": "ᴸ", "l": "ˡ", "l-1": "ˡ⁻¹", "l+1": "ˡ⁺¹"}.get(str(layer))
    return f"⁽{text if text is not None else str(layer).translate(_SUPERSCRIPT)}⁾"


def shape(rows: int, columns: int) -> str:
    """``(2×1)``."""
    return f"({rows}×{columns})"


@dataclass(frozen=True)
class Line:
    """One formula of a pass and the shape it has: ``z⁽¹⁾ = W⁽¹⁾a⁽⁰⁾ + b⁽¹⁾``, ``(2×1)``,
    and how the shapes multiply, ``(2×2)(2×1) + (2×1)``."""

    math: Math
    shape: str
    factors: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"formula": self.math.unicode, "latex": self.math.latex, "shape": self.shape,
                "factors": self.factors}


def model(net: Architecture) -> Math:
    """ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾) for these layers."""
    text, latex = "x", "x"
    for layer in range(1, net.depth + 1):
        sep = " " if layer > 1 else ""
        text = f"W{sup(layer)}{sep}{text} + b{sup(layer)}"
        latex = f"W^{{({layer})}} {latex} + b^{{({layer})}}"
        name = net.output if layer == net.depth else net.activation
        if name != "linear":
            unicode_name, latex_name = _NAMES[name]
            text = f"{unicode_name}({text})"
            latex = f"{latex_name}\\left({latex}\\right)"
    return Math(f"ŷ = {text}", f"\\hat y = {latex}")


def _g(net: Architecture, layer: int) -> str:
    return net.output if layer == net.depth else net.activation


def forward(net: Architecture) -> list[Line]:
    """z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = g(z⁽ˡ⁾) for l = 1 … L, a⁽⁰⁾ = x."""
    lines = []
    for layer in range(1, net.depth + 1):
        n, m = net.layers[layer], net.layers[layer - 1]
        s, p = sup(layer), sup(layer - 1)
        lines.append(Line(Math(f"z{s} = W{s}a{p} + b{s}",
                               f"z^{{({layer})}} = W^{{({layer})}} a^{{({layer - 1})}} + "
                               f"b^{{({layer})}}"),
                          shape(n, 1), f"{shape(n, m)}{shape(m, 1)} + {shape(n, 1)}"))
        name = _g(net, layer)
        head = "ŷ = " if layer == net.depth else ""
        head_latex = "\\hat y = " if layer == net.depth else ""
        if name == "linear":
            math = Math(f"{head}a{s} = z{s}", f"{head_latex}a^{{({layer})}} = z^{{({layer})}}")
        else:
            u, t = _NAMES[name]
            math = Math(f"{head}a{s} = {u}(z{s})",
                        f"{head_latex}a^{{({layer})}} = {t}\\left(z^{{({layer})}}\\right)")
        lines.append(Line(math, shape(n, 1)))
    return lines


def output_delta(net: Architecture) -> Math:
    """δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾ for this output and loss: ŷ − y, 2(ŷ − y)·ŷ(1 − ŷ) or 2(ŷ − y)."""
    s, last = sup(net.depth), net.depth
    if net.loss == "bce":
        rest, rest_latex = "ŷ − y", "\\hat y - y"
    elif net.output == "sigmoid":
        rest, rest_latex = "2(ŷ − y) ŷ(1 − ŷ)", "2(\\hat y - y)\\, \\hat y (1 - \\hat y)"
    else:
        rest, rest_latex = "2(ŷ − y)", "2(\\hat y - y)"
    return Math(f"δ{s} = ∂ℓ/∂z{s} = {rest}",
                f"\\delta^{{({last})}} = \\frac{{\\partial \\ell}}{{\\partial z^{{({last})}}}}"
                f" = {rest_latex}")


def hidden_delta(net: Architecture, layer: int) -> Math:
    """δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), g′ written in a⁽ˡ⁾ (or z⁽ˡ⁾ for relu)."""
    s, n = sup(layer), sup(layer + 1)
    u, t = _NAMES[net.activation]
    slope, slope_latex = _SLOPES[net.activation]
    return Math(f"δ{s} = (W{n}ᵀδ{n}) ⊙ {u}′(z{s}) = (W{n}ᵀδ{n}) ⊙ {slope.format(s=s)}",
                f"\\delta^{{({layer})}} = \\left(W^{{({layer + 1})\\top}} "
                f"\\delta^{{({layer + 1})}}\\right) \\odot {t}'\\left(z^{{({layer})}}\\right) = "
                f"\\left(W^{{({layer + 1})\\top}} \\delta^{{({layer + 1})}}\\right) \\odot "
                f"{slope_latex.format(l=layer)}")


def backward(net: Architecture) -> list[Line]:
    """From the output down: δ⁽ˡ⁾, then ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ and ∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾."""
    lines = []
    for layer in range(net.depth, 0, -1):
        n, m = net.layers[layer], net.layers[layer - 1]
        s, p = sup(layer), sup(layer - 1)
        if layer == net.depth:
            lines.append(Line(output_delta(net), shape(n, 1)))
        else:
            after = net.layers[layer + 1]
            lines.append(Line(hidden_delta(net, layer), shape(n, 1),
                              f"{shape(n, after)}{shape(after, 1)} ⊙ {shape(n, 1)}"))
        lines.append(Line(Math(f"∂ℓ/∂W{s} = δ{s}a{p}ᵀ",
                               f"\\frac{{\\partial \\ell}}{{\\partial W^{{({layer})}}}} = "
                               f"\\delta^{{({layer})}} a^{{({layer - 1})\\top}}"),
                          shape(n, m), f"{shape(n, 1)}{shape(1, m)}"))
        lines.append(Line(Math(f"∂ℓ/∂b{s} = δ{s}",
                               f"\\frac{{\\partial \\ell}}{{\\partial b^{{({layer})}}}} = "
                               f"\\delta^{{({layer})}}"),
                          shape(n, 1)))
    return lines


#: The general rules, as the notes write them (one line each pass).
FORWARD_RULE = Math("z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = g(z⁽ˡ⁾),  a⁽⁰⁾ = x",
                    "z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)},\\quad a^{(l)} = g(z^{(l)}),\\quad "
                    "a^{(0)} = x")
BACKWARD_RULE = Math(
    "δ⁽ᴸ⁾ = ∂ℓ/∂z⁽ᴸ⁾,  δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾),  ∂ℓ/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ,  "
    "∂ℓ/∂b⁽ˡ⁾ = δ⁽ˡ⁾",
    "\\delta^{(L)} = \\frac{\\partial \\ell}{\\partial z^{(L)}},\\quad \\delta^{(l)} = "
    "\\left(W^{(l+1)\\top} \\delta^{(l+1)}\\right) \\odot g'(z^{(l)}),\\quad "
    "\\frac{\\partial \\ell}{\\partial W^{(l)}} = \\delta^{(l)} a^{(l-1)\\top},\\quad "
    "\\frac{\\partial \\ell}{\\partial b^{(l)}} = \\delta^{(l)}")


def to_dict(net: Architecture) -> dict[str, object]:
    """The formulas for ``--json``: the model, each pass's lines with their shapes, and the
    shape of every parameter matrix."""
    built = model(net)
    return {
        "model": built.unicode, "model_latex": built.latex,
        "forward_rule": FORWARD_RULE.unicode, "backward_rule": BACKWARD_RULE.unicode,
        "forward": [line.to_dict() for line in forward(net)],
        "backward": [line.to_dict() for line in backward(net)],
        "shapes": {name: list(net.shape(name)) for name in net.names},
    }


__all__ = ["BACKWARD_RULE", "FORWARD_RULE", "Line", "backward", "forward", "hidden_delta",
           "model", "output_delta", "shape", "sup", "to_dict"]
