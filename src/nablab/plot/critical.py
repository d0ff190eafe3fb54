"""Critical points on the picture: marked by kind on the gradient field (or on the curve).

Drawn from a :class:`~nablab.critical.CriticalPointsResult`: each point's coordinates and
``kind``, and the domain searched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.critical.result import CriticalPointsResult
from nablab.numeric import compile
from nablab.plot import labels
from nablab.plot.curve import draw_curve
from nablab.plot.field import KIND_STYLE, Mark, field
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval, fit_window
from nablab.plot.sampling import sample_curve

#: Windows fit around at most this many points (the rest may fall outside).
MAX_FITTED = 50


def marks_of(result: CriticalPointsResult) -> list[Mark]:
    """``(coordinates, kind)`` of every finite critical point; a degenerate one that a
    further test proved a minimum (maximum) is marked as one."""
    marks: list[Mark] = []
    for item in result.points:
        coords = tuple(float(item.point[v]) for v in result.variables)
        kind = item.kind
        if kind == "degenerate" and item.test is not None and item.test.proof and \
                item.test.result in ("minimum", "maximum"):
            kind = item.test.result
        if np.isfinite(coords).all():
            marks.append((coords, kind))
    return marks


def critical_window(result: CriticalPointsResult, marks: Sequence[Mark],
                    dims: int) -> tuple[Interval, ...]:
    """The searched domain if there was one, else a window around the points."""
    domain = result.domain
    if domain:
        return tuple((float(lo), float(hi)) for lo, hi in domain)[:dims]
    return fit_window([m[0] for m in marks[:MAX_FITTED]], dims)


def critical_figure(result: CriticalPointsResult, lang: str,
                    window: Sequence[Interval] | None = None) -> Any:
    """Two variables: ∇f over the contours with the points by kind. One: on the curve."""
    expression = _expression(result)
    names = expression.variable_names
    marks = marks_of(result)
    chosen = tuple(window) if window else critical_window(result, marks, len(names))
    if len(names) == 2:
        return field(expression, chosen, lang, marks)
    return _on_curve(expression, chosen, marks, lang)


def _on_curve(expression: Expression, window: tuple[Interval, ...], marks: Sequence[Mark],
              lang: str) -> Any:
    compiled = compile(expression)
    figure = new_figure(9.0, 6.0)
    ax = figure.add_subplot(1, 1, 1)
    draw_curve(ax, sample_curve(compiled.f, window[0]), expression, lang)
    seen: set[str] = set()
    for point, kind in marks:
        marker, colour = KIND_STYLE.get(kind, ("D", "black"))
        value = float(compiled.f(point[0]))
        ax.plot([point[0]], [value], linestyle="none", marker=marker, markersize=10,
                color=colour, markeredgecolor="black", zorder=5,
                label=None if kind in seen else labels.text(f"kind.{kind}", lang))
        seen.add(kind)
        ax.annotate(labels.point(point), (point[0], value), xytext=(6, 6),
                    textcoords="offset points", fontsize=8)
    ax.legend(loc="best", fontsize=9)
    ax.set_title(labels.title("critical_title", lang, labels.formula(expression)))
    figure.set_layout_engine("tight")
    return figure




def _expression(result: CriticalPointsResult) -> Expression:
    if result.expression is None:
        raise ValueError("the result does not carry its function")
    return result.expression


def critical_picture(result: CriticalPointsResult) -> Any:
    """``critical --plot``: the figure, and for HTML the rotatable surface or the curve."""
    from functools import partial

    from nablab.plot import function, interactive
    from nablab.plot.picture import Picture

    expression = _expression(result)
    function.check_dimensions(expression)
    names = expression.variable_names
    window = critical_window(result, marks_of(result), len(names))
    page = (interactive.surface_page if len(names) == 2 else interactive.curve_page)
    return Picture(partial(critical_figure, result, window=window),
                   partial(page, expression, window))


__all__ = ["critical_figure", "critical_picture", "critical_window", "marks_of"]
