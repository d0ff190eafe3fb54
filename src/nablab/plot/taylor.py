"""``taylor --plot``: f with its Taylor polynomials T₁, T₂, …, T_n near a.

One variable: the curves of f and of each T_k, which hug f over a wider stretch as k grows.
Two variables: f's level curves filled, T_n's drawn over them as dashed lines, which match
near a and part further out.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from nablab.calculus.taylor import TaylorPolynomial
from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.axes import adaptive_levels, filled_contour, label_axes
from nablab.plot.output import new_figure
from nablab.plot.picture import Picture
from nablab.plot.ranges import Interval
from nablab.plot.sampling import sample_curve, sample_surface

#: Half the width of the window around a: a Taylor polynomial is a local model.
HALF_WIDTH = 2.0
#: At most this many partial sums are drawn (T₁ … and T_n always).
MAX_CURVES = 5


def taylor_picture(result: TaylorPolynomial) -> Picture:
    """The picture of ``taylor --plot`` (one or two variables)."""
    from nablab.plot.function import check_dimensions

    check_dimensions(result.expression)
    return Picture(partial(taylor_figure, result))


def window_of(result: TaylorPolynomial) -> tuple[Interval, ...]:
    """a ± :data:`HALF_WIDTH` in every variable."""
    return tuple((float(a) - HALF_WIDTH, float(a) + HALF_WIDTH) for a in result.point.values())


def drawn_orders(order: int) -> list[int]:
    """The partial sums drawn: 1, 2, …, up to :data:`MAX_CURVES`, always ending with n."""
    orders = list(range(1 if order >= 1 else 0, order + 1))
    return orders if len(orders) <= MAX_CURVES else [*orders[:MAX_CURVES - 1], order]


def taylor_figure(result: TaylorPolynomial, lang: str) -> Any:
    """f with T₁ … T_n (curves), or f's contours with T_n's dashed over them."""
    figure = new_figure(9.0, 6.0)
    ax = figure.add_subplot(1, 1, 1)
    expression = result.expression
    window = window_of(result)
    a = [float(v) for v in result.point.values()]
    if len(expression.variables) == 1:
        _curves(ax, result, window, lang)
    else:
        _contours(ax, result, window, lang)
    ax.set_title(labels.title("taylor_title", lang, labels.formula(expression),
                              point=labels.point(a)))
    figure.set_layout_engine("tight")
    return figure


def _polynomial(result: TaylorPolynomial, degree: int) -> Any:
    expression = result.expression
    return compile(Expression.from_sympy(result.partial_sum(degree), expression.variables))


def _curves(ax: Any, result: TaylorPolynomial, window: tuple[Interval, ...], lang: str) -> None:
    from matplotlib import colormaps

    f = sample_curve(compile(result.expression).f, window[0])
    ax.plot(f.x, f.y, color="tab:blue", linewidth=2.4, label=labels.text("label.function", lang))
    orders = drawn_orders(result.order)
    shades = colormaps["autumn"](np.linspace(0.0, 0.75, max(len(orders), 1)))
    for colour, k in zip(shades, orders, strict=True):
        t = sample_curve(_polynomial(result, k).f, window[0])
        ax.plot(t.x, t.y, color=colour, linewidth=1.6, linestyle="--",
                label=labels.text("taylor_order", lang, order=k))
    a = float(next(iter(result.point.values())))
    value = float(result.terms[0].term)
    ax.plot([a], [value], "o", color="black", zorder=5)
    ax.set_xlim(*window[0])
    ax.set_ylim(*f.ylim)
    ax.grid(alpha=0.3)
    name = result.expression.variable_names[0]
    ax.set_xlabel(labels.math(name, name))
    ax.set_ylabel(labels.signature(result.expression))
    ax.legend(loc="best", fontsize=9)


def _contours(ax: Any, result: TaylorPolynomial, window: tuple[Interval, ...],
              lang: str) -> None:
    f = sample_surface(compile(result.expression).f, window[0], window[1], 200)
    t = sample_surface(_polynomial(result, result.order).f, window[0], window[1], 200)
    filled_contour(ax, f)
    steps = adaptive_levels(f, 20)
    ax.contour(f.x, f.y, np.ma.masked_invalid(f.z), levels=steps, colors="white",
               linewidths=0.7, linestyles="solid")
    if np.isfinite(t.z).any():
        ax.contour(t.x, t.y, np.ma.masked_invalid(t.z), levels=steps, colors="black",
                   linewidths=1.0, linestyles="--")
    a = [float(v) for v in result.point.values()]
    ax.plot([a[0]], [a[1]], "o", color="tab:red", zorder=5)
    ax.plot([], [], color="black", linestyle="--",
            label=labels.text("taylor_order", lang, order=result.order))
    label_axes(ax, result.expression)
    ax.set_aspect("equal")
    ax.legend(loc="upper right", fontsize=9)


__all__ = ["HALF_WIDTH", "MAX_CURVES", "drawn_orders", "taylor_figure", "taylor_picture",
           "window_of"]
