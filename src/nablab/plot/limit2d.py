"""``limit --plot`` in two variables: the paths in the plane over f's contours, and f along each.

Each concrete path (no free m or k) is drawn in the same colour in both panels, so two
curves heading to different heights at t = 0 are the two paths that prove "no limit".
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from nablab.calculus.limit2d import T
from nablab.calculus.limit2d_result import Limit2D, PathLimit
from nablab.numeric.lambdify import numpy_lambdify
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.picture import Picture

#: Half the side of the square window around the point, and the range of t drawn.
HALF_WIDTH = 1.0
#: Samples of t on each side of 0 (t = 0 itself is left out: f may be undefined there).
SAMPLES = 200


def drawn_paths(result: Limit2D) -> list[PathLimit]:
    """The paths a picture can draw: concrete (no free m or k) and with a parametrisation."""
    return [p for p in result.paths if p.parameter is None and p.u is not None]


def path_samples(result: Limit2D, path: PathLimit) -> tuple[np.ndarray, np.ndarray,
                                                            np.ndarray, np.ndarray]:
    """t, x(t), y(t) and f(x(t), y(t)) for 0 < |t| ≤ :data:`HALF_WIDTH`, non-finite masked."""
    x, y = result.expression.variables
    a, b = (float(v) for v in result.at.values())
    side = np.linspace(HALF_WIDTH / SAMPLES, HALF_WIDTH, SAMPLES)
    t = np.concatenate([-side[::-1], [np.nan], side])
    xs = a + np.broadcast_to(numpy_lambdify([T], path.u)(t), t.shape)
    ys = b + np.broadcast_to(numpy_lambdify([T], path.v)(t), t.shape)
    f = numpy_lambdify([x, y], result.expression.expr)
    with np.errstate(all="ignore"):
        zs = np.broadcast_to(np.asarray(f(xs, ys), dtype=float), t.shape).copy()
    zs[~np.isfinite(zs)] = np.nan
    return t, xs, ys, zs


def limit2d_figure(result: Limit2D, lang: str) -> Any:
    """Left: f's contours with the paths; right: f along each path against t."""
    a, b = (float(v) for v in result.at.values())
    window = ((a - HALF_WIDTH, a + HALF_WIDTH), (b - HALF_WIDTH, b + HALF_WIDTH))
    figure = new_figure(13.0, 5.8)
    plane, along = figure.add_subplot(1, 2, 1), figure.add_subplot(1, 2, 2)
    surface = axes.surface_of(result.expression, window, 300)
    artist = axes.filled_contour(plane, surface)
    axes.level_colorbar(figure, artist, plane, labels.signature(result.expression))
    for i, path in enumerate(drawn_paths(result)):
        colour = f"C{i % 10}"
        t, xs, ys, zs = path_samples(result, path)
        label = labels.math(path.latex, path.path)
        plane.plot(xs, ys, color=colour, lw=1.6, label=label)
        along.plot(t, zs, color=colour, lw=1.6, label=label)
    plane.plot([a], [b], "o", color="red", zorder=5)
    axes.set_window(plane, window)
    axes.label_axes(plane, result.expression)
    plane.set_title(labels.title("limit2d.plane", lang, labels.formula(result.expression),
                                 point=labels.point((a, b))))
    if result.exists and result.value is not None:
        along.axhline(float(result.value), color="black", ls="--", lw=1)
    along.axvline(0.0, color="grey", lw=0.8)
    along.set_xlabel(labels.text("limit2d.t", lang))
    along.set_title(labels.text("limit2d.along", lang))
    along.grid(alpha=0.3)
    along.legend(loc="best", fontsize=8)
    figure.set_layout_engine("tight")
    return figure


def limit2d_picture(result: Limit2D) -> Picture:
    """``limit --plot`` at a point of the plane (no interactive form, no animation)."""
    return Picture(partial(limit2d_figure, result))


__all__ = ["drawn_paths", "limit2d_figure", "limit2d_picture", "path_samples"]
