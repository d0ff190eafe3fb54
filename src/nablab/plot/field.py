"""The gradient field: arrows of ∇f over the level curves, critical points marked by kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval
from nablab.plot.sampling import Field, sample_field

#: Marker and colour of each kind of critical point.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "minimum": ("o", "tab:green"),
    "maximum": ("^", "tab:red"),
    "saddle": ("X", "tab:orange"),
    "degenerate": ("s", "tab:purple"),
}
#: At most this many points get their coordinates written beside them.
MAX_ANNOTATED = 12

Mark = tuple[Sequence[float], str]


def arrow_lengths(field: Field, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Arrow components: the direction of ∇f, length growing with |∇f| (robustly capped).

    A plain quiver scales every arrow by the longest one, so near a minimum the arrows
    vanish; here each arrow is at least 35% of a grid cell and at most 90%.
    """
    norm = np.hypot(field.u, field.v)
    finite = norm[np.isfinite(norm)]
    top = float(np.percentile(finite, 95)) if finite.size else 1.0
    scale = np.clip(norm / top, 0.0, 1.0) if top > 0 else np.zeros_like(norm)
    length = cell * (0.35 + 0.55 * scale)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = np.where(norm > 0, length / norm, 0.0)
    return field.u * factor, field.v * factor


def draw_marks(ax: Any, marks: Sequence[Mark], lang: str) -> None:
    """Critical points as markers by kind (one legend entry per kind), coordinates beside."""
    seen: set[str] = set()
    for index, (point, kind) in enumerate(marks):
        marker, colour = KIND_STYLE.get(kind, ("D", "black"))
        label = None if kind in seen else labels.text(f"kind.{kind}", lang)
        seen.add(kind)
        ax.plot([point[0]], [point[1]], linestyle="none", marker=marker, markersize=10,
                color=colour, markeredgecolor="black", label=label, zorder=5)
        if index < MAX_ANNOTATED:
            ax.annotate(labels.point(point[:2]), (point[0], point[1]), xytext=(6, 6),
                        textcoords="offset points", fontsize=8, zorder=6)


def field(expression: Expression, window: tuple[Interval, ...], lang: str,
          marks: Sequence[Mark] = (), *, arrows: int = 21) -> Any:
    """∇f as arrows over the contour lines of f, with ``marks`` (point, kind) drawn on top."""
    compiled = compile(expression)
    surface = axes.surface_of(expression, window, 200)
    grid = sample_field(compiled.grad, window[0], window[1], arrows)
    cell = min((w[1] - w[0]) / (arrows - 1) for w in window[:2])
    u, v = arrow_lengths(grid, cell)
    figure = new_figure(8.0, 6.8)
    ax = figure.add_subplot(1, 1, 1)
    lines = axes.contour_lines(ax, surface)
    axes.level_colorbar(figure, lines, ax, labels.signature(expression))
    ax.quiver(grid.x, grid.y, u, v, angles="xy", scale_units="xy", scale=1.0, pivot="mid",
              color="0.25", width=0.003)
    draw_marks(ax, marks, lang)
    if marks:
        ax.legend(loc="upper right", framealpha=0.9)
    axes.set_window(ax, window)
    ax.set_title(labels.title("field_title", lang, labels.formula(expression)))
    axes.label_axes(ax, expression)
    figure.set_layout_engine("tight")
    return figure


__all__ = ["KIND_STYLE", "Mark", "arrow_lengths", "draw_marks", "field"]
