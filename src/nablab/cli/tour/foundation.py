"""Tour chapter 1: partial derivatives, the gradient vector, the Hessian (the foundation)."""

from __future__ import annotations

import numpy as np

from nablab.cli.tour.chapter import TOUR_FUNCTION, Chapter
from nablab.core.printing import to_unicode
from nablab.i18n import translate
from nablab.numeric import central_gradient, compile, evaluate_grid
from nablab.parse import parse
from nablab.present import Math, number, numbers
from nablab.present.math import matrix


def chapter(lang: str) -> Chapter:
    def t(key: str, **params: object) -> str:
        return translate(f"tour.foundation.{key}", lang, **params)

    f = parse(TOUR_FUNCTION)
    grad, hess = f.gradient(), f.hessian()
    at = f.at(x=1, y=2)
    compiled = compile(f)
    numeric = central_gradient(compiled.f, [1.0, 2.0])
    error = float(np.max(np.abs(numeric - np.array(at.gradient))))
    grid = evaluate_grid(f, (-5, 5), (-5, 5), 400)

    ch = Chapter("foundation", t("title"))
    ch.text(t("function"))
    ch.math(f"f(x, y) = {f.unicode}")
    ch.text(t("partials"))
    ch.math(f"∂f/∂x = {to_unicode(grad[0])}    ∂f/∂y = {to_unicode(grad[1])}")
    ch.text(t("gradient"))
    ch.math(f"∇f = {to_unicode(grad)}")
    rows = matrix([[Math.of(e) for e in row] for row in hess.tolist()]).unicode.split("\n")
    for i, line in enumerate(rows):
        ch.math(("H = " if i == 0 else "    ") + line)
    ch.text(t("at_point"))
    ch.math(f"f(1, 2) = {number(at.value)}    ∇f(1, 2) = {numbers(at.gradient, 12)}")
    ch.text(t("check", error=f"{error:.1e}"))
    ch.text(t("grid", n=grid.z.shape[0], zmin=f"{grid.z.min():.3g}",
              zmax=f"{grid.z.max():.3g}"))
    ch.text(t("more"))
    notes = parse("x^2 + 3xy + y^2")
    neuron = parse("z = wx + b")
    ch.math(f"∇(x² + 3xy + y²) = {to_unicode(notes.gradient())}")
    ch.math("z = wx + b:  " + "   ".join(f"∂z/∂{v} = {to_unicode(neuron.partial(v))}"
                                        for v in ("x", "w", "b")))
    ch.text(t("try"))
    ch.data = {
        "function": str(f.expr),
        "gradient": [str(g) for g in grad],
        "hessian": [[str(e) for e in row] for row in hess.tolist()],
        "at": at.to_dict(),
        "finite_difference_error": error,
        "grid": {"n": int(grid.z.shape[0])},
    }
    return ch
