"""Tour chapter: the chain rule with an intermediate variable on the notes' network.

For one sample, ŷ = w₁x₁ + w₂x₂ stands between the weights and the loss L = (ŷ − y)², so
∂L/∂wᵢ = ∂L/∂ŷ · ∂ŷ/∂wᵢ. :func:`nablab.chain_rule` computes each path's product, their sum and
its check against differentiating (w₁x₁ + w₂x₂ − y)² directly; evaluated at one sample made
with the notes' weights, ∂L/∂ŷ is found once and reused for every weight — backpropagation.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.calculus.chain import chain_rule
from nablab.calculus.chain_result import ChainDerivative, ChainRule
from nablab.cli.tour.chapter import Chapter
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.network.examples import LINEAR_WEIGHTS
from nablab.optimize.present import fmt, vec

#: The loss of one sample and the network's output, the intermediate variable.
LOSS, OUTPUT = "L = (ŷ - y)^2", {"yhat": "w1 x1 + w2 x2"}
#: The sample (x₁, x₂) and where the weights start (the network chapter's start).
SAMPLE, WEIGHTS = (1, 2), (0, 0)
#: Subscripts of the weights' names.
_SUB = {"w1": "w₁", "w2": "w₂"}


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.chain.{key}", lang, **params)

    y = LINEAR_WEIGHTS[0] * SAMPLE[0] + LINEAR_WEIGHTS[1] * SAMPLE[1]
    at = {"w1": WEIGHTS[0], "w2": WEIGHTS[1], "x1": SAMPLE[0], "x2": SAMPLE[1], "y": y}
    result = chain_rule(LOSS, OUTPUT, ["w1", "w2"], at)
    ch = Chapter("chain", t("title"))
    ch.text(t("story"))
    ch.math(f"L = {_show(result.expression.expr)},   ŷ = {_show(result.formula('yhat'))}")
    ch.text(t("paths"))
    for d in result.derivatives:
        ch.math(_path_line(d))
    ch.text(t("check", direct=to_unicode(result.composite)))
    for d in result.derivatives:
        ch.math(f"∂L/∂{_SUB[d.wrt]} = {to_unicode(d.direct)}  {'✓' if d.check else '✗'}")
    sample = _sample(result, at)
    ch.text(t("sample", x=vec(SAMPLE), weights=vec(LINEAR_WEIGHTS), y=fmt(y), w=vec(WEIGHTS)))
    shared = _show(result.derivatives[0].paths[0].factors[0])
    ch.math(f"ŷ = {fmt(sample['yhat'])}   ∂L/∂ŷ = {shared} = {fmt(sample['dL_dyhat'])}")
    for name, value in sample["gradient"].items():
        ch.math(f"∂L/∂{_SUB[name]} = ∂L/∂ŷ · ∂ŷ/∂{_SUB[name]} = {fmt(sample['dL_dyhat'])}·"
                f"{fmt(sample['local'][name])} = {fmt(value)}")
    ch.text(t("backprop"))
    ch.text(t("try"))
    ch.data = {"chain": result.to_dict(lang), "sample": sample}
    ch.results = {"chain": result}
    return ch


def _path_line(d: ChainDerivative) -> str:
    """∂L/∂w₁ = ∂L/∂ŷ · ∂ŷ/∂w₁ = (2ŷ − 2y)·x₁ = 2x₁(w₁x₁ + w₂x₂ − y), one path per term."""
    w = _SUB[d.wrt]
    edges = " + ".join(" · ".join(f"∂{_u(a)}/∂{_u(b)}"
                                  for a, b in zip(p.nodes, p.nodes[1:], strict=False))
                       for p in d.paths)
    factors = " + ".join("·".join(f"({_show(f)})" if f.is_Add else _show(f)
                                  for f in p.factors) for p in d.paths)
    return f"∂L/∂{w} = {edges} = {factors} = {to_unicode(d.result)}"


def _show(expr: Any) -> str:
    """The expression as the notes write it, with the network's output as ŷ."""
    return to_unicode(expr.subs(sympy.Symbol("yhat", real=True), sympy.Symbol("ŷ", real=True)))


def _u(name: str) -> str:
    return {"yhat": "ŷ", **_SUB}.get(name, name)


def _sample(result: ChainRule, at: dict[str, Any]) -> dict[str, Any]:
    """The values along the paths at the sample: ŷ, ∂L/∂ŷ (shared), ∂ŷ/∂wᵢ and ∂L/∂wᵢ."""
    values: dict[Any, Any] = {sympy.Symbol(k, real=True): v for k, v in at.items()}
    first = result.derivatives[0].paths[0]
    values[sympy.Symbol(first.nodes[1], real=True)] = result.formula(first.nodes[1]).subs(values)
    local = {d.wrt: float(d.paths[0].factors[1].subs(values)) for d in result.derivatives}
    return {"yhat": float(values[sympy.Symbol(first.nodes[1], real=True)]),
            "dL_dyhat": float(first.factors[0].subs(values)), "local": local,
            "gradient": {d.wrt: float(d.value) for d in result.derivatives}}


__all__ = ["LOSS", "OUTPUT", "SAMPLE", "WEIGHTS", "chapter"]
