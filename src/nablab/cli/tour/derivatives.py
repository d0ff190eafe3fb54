"""Tour chapter: the notes' derivatives three ways — by the limit definition (5x + 1, x² − x,
∂z/∂x of z = wx + b), rule by rule ((2 − x)², 1 + e^(−x), the sigmoid 1/(1 + e^(−x)) to
σ(1 − σ)), and as the slope of a tangent. Every line is computed by the library."""

from __future__ import annotations

from typing import Any

from nablab.calculus.limit import derivative_by_limit
from nablab.calculus.notation import unicode
from nablab.calculus.steps import derivative_steps
from nablab.calculus.steps.narrate import sigmoid_text
from nablab.calculus.tangent import TangentLine, tangent_line
from nablab.cli.tour.chapter import Chapter
from nablab.core.printing import to_str
from nablab.i18n import translate

#: The notes' examples, each with the way the notes differentiate it.
BY_LIMIT = ("5x + 1", "x^2 - x")
BY_RULES = ("(2 - x)^2", "1 + e^{-x}", "1/(1 + e^{-x})")
NEURON = "z = wx + b"
TANGENT = ("x^2 - x", 2)


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.derivatives.{key}", lang, **params)

    ch = Chapter("derivatives", t("title"))
    data: dict[str, Any] = {"limit": {}, "steps": {}, "verified": True}
    ch.text(t("limit"))
    for text in BY_LIMIT:
        d = derivative_by_limit(text)
        for step in d.steps:
            ch.math(step.unicode)
        data["limit"][text] = to_str(d.derivative)
        data["verified"] &= bool(d.verified)
    neuron = derivative_by_limit(NEURON, "x")
    ch.text(t("partial"))
    ch.math(f"{neuron.steps[0].unicode} = … = {unicode(neuron.derivative)}")
    data["limit"][NEURON] = to_str(neuron.derivative)
    ch.text(t("rules"))
    for text in BY_RULES:
        _rules(ch, text, data, lang)
    ch.results["tangent"] = _tangent(ch, t, data)
    ch.text(t("check") if data["verified"] else t("unchecked"))
    ch.text(t("try"))
    ch.data = data
    return ch


def _rules(ch: Chapter, text: str, data: dict[str, Any], lang: str) -> None:
    """The derivation as the notes write it: one chain of equalities, and its rules."""
    d = derivative_steps(text)
    chain = [unicode(state) for state in d.chain()]
    sigma = sigmoid_text(d)
    if sigma is not None:
        chain.append(sigma[0])
    ch.math(" = ".join(chain))
    names = dict.fromkeys(translate(f"steps.rule.{s.rule}", lang) for s in d.steps)
    ch.math("   (" + ", ".join(names) + ")")
    data["steps"][text] = {"result": to_str(d.result), "rules": [s.rule for s in d.steps],
                           "sigmoid": None if d.sigmoid is None else to_str(d.sigmoid.expr)}
    data["verified"] &= bool(d.verified)


def _tangent(ch: Chapter, t: Any, data: dict[str, Any]) -> TangentLine:
    text, x0 = TANGENT
    line = tangent_line(text, x0)
    ch.text(t("tangent", x0=x0))
    ch.math(f"{line.point_slope()[0]}  ⇒  y = {unicode(line.line)}")
    slopes = ", ".join(f"{s.slope:.6g}" for s in line.secants)
    ch.math(t("secants", slopes=slopes, slope=unicode(line.slope)))
    data["tangent"] = {"line": to_str(line.line), "secants": [s.slope for s in line.secants]}
    return line
