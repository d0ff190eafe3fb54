"""Tour chapter: Taylor polynomials, and Newton's method as the second-order step.

The notes' sigmoid near 0 is its Taylor polynomial σ(x) ≈ 1/2 + x/4 − x³/48 (with the error
shrinking like x⁵); the quadratic model of x² + y² at the descent chapter's start is the
function itself, so Newton's step θ ← θ − H⁻¹∇f, which minimises that model, lands on the
minimum at once where gradient descent takes many steps. Computed by :func:`nablab.taylor` and
:func:`nablab.optimize.descend`.
"""

from __future__ import annotations

from typing import Any

import sympy

from nablab.calculus.taylor import TaylorPolynomial, taylor
from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter
from nablab.cli.tour.descent import LEARNING_RATE, START
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.optimize import descend
from nablab.optimize.present import fmt, vec
from nablab.parse import parse

#: The notes' sigmoid, where it is expanded and to what order.
SIGMOID, SIGMOID_AT, SIGMOID_ORDER = "1/(1 + e^{-x})", {"x": 0}, 3


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.newton.{key}", lang, **params)

    ch = Chapter("newton", t("title"))
    sigmoid = taylor(SIGMOID, SIGMOID_AT, SIGMOID_ORDER)
    ch.text(t("sigmoid", order=SIGMOID_ORDER))
    ch.math(f"σ(x) ≈ T{_sub(SIGMOID_ORDER)}(x) = {ascending(sigmoid)}")
    ch.text(t("error"))
    for row in sigmoid.errors:
        ch.math(f"x = {row.h:<5g} σ(x) = {fmt(row.f or 0.0, 9):<12} "
                f"T{_sub(SIGMOID_ORDER)}(x) = {fmt(row.taylor, 9):<12} "
                f"|σ − T{_sub(SIGMOID_ORDER)}| = {row.error or 0.0:.1e}")
    f = parse(TOUR_FUNCTION)
    start = dict(zip(f.variable_names, START, strict=True))
    model = taylor(f, start, 2)
    exact = sympy.expand(model.polynomial - f.expr) == 0
    ch.text(t("model", start=vec(START)))
    ch.math(f"T₂ = {' + '.join(_grouped(term.term) for term in model.terms)}")
    if exact:
        ch.text(t("exact"))
    newton = descend(f, START, optimizer="newton")
    gd = descend(f, START, lr=LEARNING_RATE, steps=1000)
    ch.text(t("newton"))
    ch.math("θ ← θ − H⁻¹∇f(θ)")
    step = newton.path[0] - newton.path[1]
    ch.math(f"θ₁ = {vec(newton.path[0])} − H⁻¹·{vec(newton.gradients[0])} = "
            f"{vec(newton.path[0])} − {vec(step)} = {vec(newton.path[1])}")
    ch.text(t("compare", newton=newton.nit, steps=gd.nit, lr=fmt(LEARNING_RATE)))
    advice = gd.advice
    if advice is not None and advice.best_lr is not None:
        ch.text(t("learning_rate", best_lr=fmt(advice.best_lr)))
    ch.text(t("try"))
    ch.data = {"sigmoid": sigmoid.to_dict(), "model": model.to_dict(), "model_is_f": exact,
               "newton": {"steps": newton.nit, "status": newton.status,
                          "path": newton.path.tolist()},
               "gradient_descent": {"lr": LEARNING_RATE, "steps": gd.nit, "status": gd.status}}
    ch.results = {"sigmoid": sigmoid, "newton": newton, "gd": gd}
    return ch


def ascending(result: TaylorPolynomial) -> str:
    """The polynomial's nonzero terms by rising degree: 1/2 + x/4 − x³/48."""
    text = ""
    for term in (to_unicode(k.term) for k in result.terms if k.term != 0):
        if not text:
            text = term
        elif term.startswith(("−", "-")):
            text += f" − {term[1:]}"
        else:
            text += f" + {term}"
    return text or "0"


def _grouped(term: Any) -> str:
    """A term of several pieces in brackets, so the degrees stay apart."""
    return f"({to_unicode(term)})" if isinstance(term, sympy.Add) else to_unicode(term)


def _sub(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


__all__ = ["SIGMOID", "SIGMOID_AT", "SIGMOID_ORDER", "ascending", "chapter"]
