"""The notes' figure — a 3D surface beside its filled contour — and the tangent plane."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval

#: The notes' ``plt.figure(figsize=(12, 6))``.
FIGSIZE = (12.0, 6.0)
#: Colour of tangent planes and tangent lines.
PLANE_COLOUR = "tab:red"


def surface_contour(expression: Expression, window: tuple[Interval, ...], lang: str, *,
                    n: int = 400, figsize: tuple[float, float] = FIGSIZE) -> Any:
    """3D surface (left) and filled contour with a colour bar (right), viridis.

    The notes' closing figure for any function of two variables: the same layout, colour map
    and 400 × 400 grid, titles from the catalogue with the formula typeset underneath.
    """
    surface = axes.surface_of(expression, window, n)
    formula = labels.formula(expression)
    figure = new_figure(*figsize)
    ax3d = figure.add_subplot(1, 2, 1, projection="3d")
    axes.surface_3d(ax3d, surface)
    ax3d.set_title(labels.title("surface_title", lang, formula))
    axes.label_axes(ax3d, expression, z=True)
    ax2d = figure.add_subplot(1, 2, 2)
    filled = axes.filled_contour(ax2d, surface)
    axes.level_colorbar(figure, filled, ax2d, labels.signature(expression))
    axes.equal_if_comparable(ax2d, window)
    ax2d.set_title(labels.title("contour_title", lang, formula))
    axes.label_axes(ax2d, expression)
    # Fixed margins, not a layout engine: a layout engine costs an extra full draw per save,
    # a third of the time of this figure (bench/plot.py), and this layout never changes.
    figure.subplots_adjust(left=0.02, right=0.97, bottom=0.09, top=0.88, wspace=0.12)
    return figure


def plane(expression: Expression, at: Sequence[float]) -> tuple[float, tuple[float, float]]:
    """f(a, b) and ∇f(a, b) for the tangent plane z = f + fₓ(x − a) + f_y(y − b)."""
    compiled = compile(expression)
    value = float(compiled.f(*at))
    gradient = compiled.grad(*at)
    return value, (float(gradient[0]), float(gradient[1]))


def _plane_patch(window: tuple[Interval, ...], at: Sequence[float], value: float,
                 slopes: tuple[float, float], zlim: Interval) -> tuple[np.ndarray, Interval]:
    """Quads of the tangent plane around ``at`` and the height range the figure must show.

    The patch is a quarter of the window wide, smaller where the plane is steep, so it
    stays within about the surface's own height range.
    """
    steep = abs(slopes[0]) + abs(slopes[1])
    half = 0.15 * min(w[1] - w[0] for w in window[:2])
    if steep > 0:
        half = min(half, 0.5 * (zlim[1] - zlim[0]) / steep)
    xs = np.linspace(at[0] - half, at[0] + half, 17)
    ys = np.linspace(at[1] - half, at[1] + half, 17)
    pz = value + slopes[0] * (xs[None, :] - at[0]) + slopes[1] * (ys[:, None] - at[1])
    shown = (min(zlim[0], float(pz.min())), max(zlim[1], float(pz.max())))
    return axes.quads(xs, ys, pz), shown


def facing(slopes: tuple[float, float], elev: float = 28.0) -> float:
    """The camera azimuth (of four) that sees the plane z = fₓx + f_y y most face-on."""
    normal = np.array([-slopes[0], -slopes[1], 1.0])
    best, azimuth = -np.inf, -60.0
    for candidate in (-60.0, 30.0, 120.0, -150.0):
        a, e = np.radians(candidate), np.radians(elev)
        score = float(normal @ [np.cos(e) * np.cos(a), np.cos(e) * np.sin(a), np.sin(e)])
        if score > best:
            best, azimuth = score, candidate
    return azimuth


def tangent_plane(expression: Expression, window: tuple[Interval, ...], at: Sequence[float],
                  lang: str, *, n: int = 200) -> Any:
    """The surface with its tangent plane at ``at`` and the point of tangency.

    z = f(a, b) + ∂f/∂x(a, b)(x − a) + ∂f/∂y(a, b)(y − b). The plane is a patch around the
    point drawn over the surface (near the point the two touch; mplot3d cannot sort
    intersecting artists), seen from the side it faces.
    """
    from matplotlib.colors import to_rgba

    value, slopes = plane(expression, at)
    surface = axes.surface_of(expression, window, n)
    plane_quads, zlim = _plane_patch(window, at, value, slopes, surface.zlim)
    surface = replace(surface, zlim=zlim)
    figure = new_figure(8.0, 6.5)
    ax = figure.add_subplot(1, 1, 1, projection="3d", computed_zorder=False)
    axes.mesh_3d(ax, surface, alpha=0.85)
    axes.add_quads(ax, plane_quads, to_rgba(PLANE_COLOUR, 0.7), zorder=2)
    ax.view_init(elev=28, azim=facing(slopes))
    ax.scatter([at[0]], [at[1]], [value], color="black", s=30, depthshade=False, zorder=5,
               label=labels.text("label.point", lang, point=labels.point(at)))
    ax.plot([], [], color=PLANE_COLOUR, linewidth=6,
            label=labels.text("label.tangent_plane", lang))
    ax.legend(loc="upper left")
    ax.set_title(labels.title("tangent_plane_title", lang, labels.formula(expression),
                              point=labels.point(at)))
    axes.label_axes(ax, expression, z=True)
    figure.set_layout_engine("tight")
    return figure


__all__ = ["FIGSIZE", "plane", "surface_contour", "tangent_plane"]
