"""Partial derivatives as slopes: the slices y = b and x = a of the surface, with tangents.

∂f/∂x(a, b) is the slope of the curve x ↦ f(x, b) — the surface cut by the plane y = b —
at x = a; ∂f/∂y(a, b) likewise for y ↦ f(a, y). The figure shows both cuts on the surface
and each as a plain curve with its tangent line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval
from nablab.plot.sampling import Curve, clip_to_view, sample_curve
from nablab.plot.surface import plane

#: Colours of the slice y = b (slope ∂f/∂x) and of the slice x = a (slope ∂f/∂y).
SLICE_COLOURS = ("tab:blue", "tab:orange")


def slice_curves(expression: Expression, window: tuple[Interval, ...],
                 at: Sequence[float]) -> tuple[Curve, Curve]:
    """x ↦ f(x, b) over the x window and y ↦ f(a, y) over the y window."""
    f = compile(expression).f
    a, b = float(at[0]), float(at[1])
    return (sample_curve(lambda x: f(x, b), window[0], 400),
            sample_curve(lambda y: f(a, y), window[1], 400))


def _on_surface(ax: Any, curves: tuple[Curve, Curve], at: Sequence[float], value: float,
                slopes: tuple[float, float], zlim: Interval) -> None:
    for axis, (curve, colour, slope) in enumerate(zip(curves, SLICE_COLOURS, slopes,
                                                      strict=True)):
        fixed = np.full_like(curve.x, at[1 - axis])
        xs, ys = (curve.x, fixed) if axis == 0 else (fixed, curve.x)
        ax.plot(xs, ys, clip_to_view(curve.y, zlim), color=colour, linewidth=2.5, zorder=3)
        tangent = value + slope * (curve.x - at[axis])
        ax.plot(xs, ys, clip_to_view(tangent, zlim), color=colour, linestyle="--",
                linewidth=1.8, zorder=4)
    ax.scatter([at[0]], [at[1]], [value], color="black", s=30, depthshade=False, zorder=5)


def _slice_panel(ax: Any, curve: Curve, axis: int, expression: Expression,
                 at: Sequence[float], value: float, slope: float, lang: str) -> None:
    names = expression.variable_names
    colour = SLICE_COLOURS[axis]
    ax.plot(curve.x, curve.y, color=colour, linewidth=2,
            label=labels.text("label.slice", lang))
    tangent = value + slope * (curve.x - at[axis])
    ax.plot(curve.x, tangent, color=colour, linestyle="--",
            label=labels.text("label.tangent", lang, slope=labels.number(slope)))
    ax.plot([at[axis]], [value], "o", color="black", zorder=5)
    ax.set_ylim(*_including(curve.ylim, value))
    ax.set_xlim(curve.x[0], curve.x[-1])
    ax.set_xlabel(labels.math(names[axis], names[axis]))
    ax.set_ylabel(labels.signature(expression))
    ax.set_title(labels.text("slice_x_title", lang, var=names[1 - axis],
                             value=labels.number(at[1 - axis]), wrt=names[axis],
                             slope=labels.number(slope)))
    ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3)


def _including(limits: Interval, value: float) -> Interval:
    lo, hi = limits
    if np.isfinite(value):
        pad = 0.05 * (hi - lo)
        lo, hi = min(lo, value - pad), max(hi, value + pad)
    return (lo, hi)


def slices(expression: Expression, window: tuple[Interval, ...], at: Sequence[float],
           lang: str) -> Any:
    """The surface with both slices through ``at`` (left) and each slice with its tangent."""
    value, slopes = plane(expression, at)
    curves = slice_curves(expression, window, at)
    surface = axes.surface_of(expression, window, 200)
    figure = new_figure(16.0, 5.4)
    ax3d = figure.add_subplot(1, 3, 1, projection="3d", computed_zorder=False)
    axes.mesh_3d(ax3d, surface, alpha=0.55)
    _on_surface(ax3d, curves, at, value, slopes, surface.zlim)
    axes.label_axes(ax3d, expression, z=True)
    for axis in (0, 1):
        ax = figure.add_subplot(1, 3, axis + 2)
        _slice_panel(ax, curves[axis], axis, expression, at, value, slopes[axis], lang)
    figure.suptitle(labels.title("slices_title", lang, labels.formula(expression),
                                 point=labels.point(at)))
    figure.set_layout_engine("tight")
    return figure


__all__ = ["SLICE_COLOURS", "slice_curves", "slices"]
