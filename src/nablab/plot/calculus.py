"""Pictures of ``tangent`` and ``limit``: secants turning into the tangent, and the quotients.

A partial derivative ∂f/∂x at a point is the ordinary derivative of the slice
t ↦ f(…, t, …) with the other variables held at the point, so every one of these pictures
works on that one-variable slice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np

from nablab.calculus.limit import LimitDerivation
from nablab.calculus.quotient_table import QuotientRow
from nablab.calculus.tangent import TangentLine, TangentPlane
from nablab.core.expression import Expression
from nablab.plot import curve, labels
from nablab.plot.output import new_figure
from nablab.plot.picture import Picture
from nablab.plot.ranges import Interval, default_window_with

#: Half the width of the window around x₀ of tangent and limit pictures (a local view).
HALF_WIDTH = 2.5


def local_window(x0: float) -> tuple[Interval]:
    """x₀ ± :data:`HALF_WIDTH`: near x₀ is where the secants turn into the tangent."""
    return ((x0 - HALF_WIDTH, x0 + HALF_WIDTH),)


def slice_of(expression: Expression, var: str, point: Mapping[str, float]) -> Expression:
    """The one-variable function t ↦ f with every variable but ``var`` held at ``point``."""
    if len(expression.variables) == 1:
        return expression
    fixed = {v: point[v.name] for v in expression.variables if v.name != var}
    symbol = expression.symbol(var)
    return Expression.from_sympy(expression.expr.xreplace(fixed), [symbol],
                                 name=expression.name)


def draw_quotient_errors(ax: Any, rows: Sequence[QuotientRow], lang: str) -> None:
    """|quotient − f′(x₀)| against h on log–log axes, forward and central."""
    h = np.array([r.h for r in rows], dtype=float)
    for key, style, label in (("forward_error", "-o", "label.forward"),
                              ("central_error", "-s", "label.central")):
        error = np.array([getattr(r, key) for r in rows], dtype=float)
        shown = np.where(error > 0, error, np.nan)
        ax.loglog(h, shown, style, markersize=4, label=labels.text(label, lang))
    ax.invert_xaxis()
    ax.set_xlabel("h")
    ax.set_ylabel(labels.text("label.quotient_error", lang))
    ax.set_title(labels.text("quotient_title", lang))
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="best", fontsize=8)


def limit_figure(expression: Expression, var: str, point: Mapping[str, float],
                 rows: Sequence[QuotientRow], lang: str) -> Any:
    """Secants → tangent on the slice (left) and the quotients' error against h (right)."""
    one = slice_of(expression, var, point)
    x0 = float(point[var])
    figure = new_figure(14.0 if rows else 9.0, 6.0)
    ax = figure.add_subplot(1, 2 if rows else 1, 1)
    curve.draw_tangent_panel(ax, one, local_window(x0), x0, lang)
    title = labels.title("curve_title", lang, labels.formula(expression), var=var,
                         point=labels.number(x0))
    held = [f"{n} = {labels.number(v)}" for n, v in point.items() if n != var]
    ax.set_title(title + ("\n" + ", ".join(held) if held else ""))
    if rows:
        draw_quotient_errors(figure.add_subplot(1, 2, 2), rows, lang)
    figure.set_layout_engine("tight")
    return figure


def limit_picture(result: LimitDerivation) -> Picture:
    """``limit --plot/--animate``: at a point, the secants and the quotients; else f and f′."""
    from nablab.plot import animate, function, interactive

    expression, var = result.expression, result.var.name
    point = None if result.at is None else {k: float(v) for k, v in result.at.items()}
    if point is None:
        if len(expression.variables) != 1:
            return function.function_picture(expression, "surface+contour")
        (x0,) = curve.defined_point(expression, ((-5.0, 5.0),))
        still = function.derivative_picture(expression)
        return Picture(still.static, still.interactive,
                       partial(animate.secant_animation, expression, local_window(x0), x0))
    one = slice_of(expression, var, point)
    x0 = float(point[var])
    window = local_window(x0)
    return Picture(partial(limit_figure, expression, var, point, result.numeric or ()),
                   partial(interactive.curve_page, one, window, x0=x0),
                   partial(animate.secant_animation, one, window, x0))


def tangent_picture(result: TangentLine | TangentPlane) -> Picture:
    """``tangent --plot``: the tangent line with its secants (one variable) or the plane."""
    expression = result.expression
    if isinstance(result, TangentLine):
        return _tangent_picture(expression, (float(result.x0),),
                                    [s.h for s in result.secants])
    return _tangent_picture(expression, [float(v) for v in result.point.values()])


def _tangent_picture(expression: Expression, point: Sequence[float],
                         steps: Sequence[float] | None = None) -> Picture:
    """The tangent line at x₀ with secants of ``steps`` (one variable) or the tangent plane."""
    from nablab.plot import animate, function, interactive, surface

    function.check_dimensions(expression)
    if len(expression.variables) == 2:
        window = default_window_with([tuple(point)], 2)
        return Picture(partial(surface.tangent_plane, expression, window, tuple(point)),
                       partial(interactive.surface_page, expression, window))
    x0 = float(point[0])
    window = local_window(x0)
    return Picture(partial(curve.tangent_secants, expression, window, x0, steps=steps),
                   partial(interactive.curve_page, expression, window, x0=x0),
                   partial(animate.secant_animation, expression, window, x0))


__all__ = ["HALF_WIDTH", "draw_quotient_errors", "local_window", "limit_figure", "limit_picture",
           "slice_of", "tangent_picture"]
