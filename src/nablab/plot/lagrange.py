"""Lagrange pictures: level curves of f, the constraint curve, the candidates, ∇f ∥ ∇g, the hike.

Works from a :class:`~nablab.constrained.LagrangeResult` through a small interface (any
object with these attributes will do):

- ``objective``: f as an :class:`~nablab.Expression`; ``variables``: two names;
- ``constraints[0]``: ``g`` (SymPy), ``k_value`` (float), ``op`` (``"="``, ``"<="``, ``">="``);
- ``candidates``: each with ``point`` (``{name: float}``), ``value``, ``kind``, ``gradient``
  (∇f) and ``constraint_gradients`` (∇gᵢ); ``maximum``/``minimum``: ``None`` or with ``points``.

The notes' hike: f(x, y) = 4 − x² − 2y² is the mountain, g(x, y) = 2(x − 1)² − 10y + 6 = 0
the path; the highest point of the path is where a level curve of f touches it, and there ∇f
and ∇g are parallel. The right panel walks the path: the height f against the distance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nablab.core.expression import Expression
from nablab.numeric import compile
from nablab.plot import axes, labels
from nablab.plot.output import new_figure
from nablab.plot.ranges import Interval, fit_window
from nablab.plot.sampling import sample_surface

#: Marker and colour of each kind of candidate.
CANDIDATE_STYLE = {"maximum": ("^", "tab:red"), "minimum": ("o", "tab:green")}


def _point(candidate: Any, names: Sequence[str]) -> np.ndarray:
    return np.array([float(candidate.point[n]) for n in names])


def constraint_paths(result: Any, window: tuple[Interval, ...], n: int = 300) -> list[np.ndarray]:
    """The curve g = k inside the window, as polylines ``(m, 2)`` (longest first)."""
    import contourpy

    constraint = result.constraints[0]
    g = Expression.from_sympy(constraint.g, list(result.objective.variables))
    grid = sample_surface(compile(g).f, window[0], window[1], n)
    z = np.ma.masked_invalid(grid.z - float(constraint.k_value))
    lines = contourpy.contour_generator(grid.x, grid.y, z).lines(0.0)
    return sorted((np.asarray(line) for line in lines if len(line) > 1), key=len, reverse=True)


def optimum(result: Any) -> Any | None:
    """The candidate at the maximum (else the minimum, else the first candidate)."""
    for kind in ("maximum", "minimum"):
        for candidate in result.candidates:
            if getattr(candidate, "extreme", None) == kind:
                return candidate
    return result.candidates[0] if result.candidates else None


def lagrange_window(result: Any) -> tuple[Interval, ...]:
    """A window around the candidates (wide enough to show the level curves touch)."""
    names = result.variables
    points = [tuple(_point(c, names)) for c in result.candidates]
    window = fit_window(points, 2)
    return tuple((lo - 1.0, hi + 1.0) for lo, hi in window)


def draw_gradients(ax: Any, at: np.ndarray, grad_f: Sequence[float], grad_g: Sequence[float],
                   size: float, lang: str) -> None:
    """∇f and ∇g as arrows from the optimum, scaled to ``size`` (their directions matter)."""
    # ∇g shorter than ∇f: when they point the same way both arrows stay visible.
    for vector, colour, key, length in ((grad_f, "tab:red", "label.grad_f", size),
                                        (grad_g, "tab:blue", "label.grad_g", 0.6 * size)):
        v = np.asarray(vector, dtype=float)
        norm = float(np.hypot(*v))
        if norm == 0 or not np.isfinite(norm):
            continue
        d = v / norm * length
        ax.annotate("", xy=(at[0] + d[0], at[1] + d[1]), xytext=(at[0], at[1]),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2.2},
                    zorder=7)
        ax.plot([], [], color=colour, linewidth=2.2, label=labels.text(key, lang))


def _draw_candidates(ax: Any, result: Any, lang: str) -> None:
    seen: set[str] = set()
    for candidate in result.candidates:
        kind = getattr(candidate, "extreme", None) or "other"
        marker, colour = CANDIDATE_STYLE.get(kind, ("s", "0.5"))
        p = _point(candidate, result.variables)
        ax.plot([p[0]], [p[1]], marker, color=colour, markersize=11, markeredgecolor="black",
                zorder=8, label=None if kind in seen else labels.text(f"candidate.{kind}", lang))
        seen.add(kind)
        ax.annotate(f"{labels.point(p)}\nf = {labels.number(candidate.value)}", tuple(p),
                    xytext=(8, -22), textcoords="offset points", fontsize=8, zorder=9)


def draw_plane(ax: Any, result: Any, window: tuple[Interval, ...], lang: str) -> None:
    """Level curves of f, the constraint curve, the candidates, ∇f and ∇g at the optimum."""
    surface = axes.surface_of(result.objective, window, 200)
    lines = axes.contour_lines(ax, surface, 16)
    ax.clabel(lines, inline=True, fontsize=7, fmt="%.3g")
    for index, path in enumerate(constraint_paths(result, window)):
        ax.plot(path[:, 0], path[:, 1], color="black", linewidth=2.4, zorder=5,
                label=labels.text("label.constraint", lang) if index == 0 else None)
    _draw_candidates(ax, result, lang)
    best = optimum(result)
    if best is not None and best.constraint_gradients:
        size = 0.15 * min(w[1] - w[0] for w in window)
        draw_gradients(ax, _point(best, result.variables), best.gradient,
                       best.constraint_gradients[0], size, lang)
    axes.set_window(ax, window)
    ax.set_aspect("equal", adjustable="box")
    axes.label_axes(ax, result.objective)
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    ax.set_title(labels.title("lagrange_title", lang, labels.formula(result.objective)))


def hike(result: Any, path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance walked along ``path`` and the height f there."""
    steps = np.hypot(*np.diff(path, axis=0).T)
    distance = np.concatenate([[0.0], np.cumsum(steps)])
    with np.errstate(all="ignore"):
        height = compile(result.objective).f(path[:, 0], path[:, 1])
    return distance, np.asarray(height, dtype=float)


def _highest(result: Any, path: np.ndarray,
             height: np.ndarray) -> tuple[int, float, np.ndarray]:
    """The top of the hike: the solved maximum when it lies on this path, else the samples'.

    Returns the index along the path, the height and the point.
    """
    top = int(np.nanargmax(height))
    for candidate in result.candidates:
        if getattr(candidate, "extreme", None) != "maximum":
            continue
        exact = _point(candidate, result.variables)
        gaps = np.hypot(*(path - exact).T)
        nearest = int(np.argmin(gaps))
        step = float(np.max(np.hypot(*np.diff(path, axis=0).T)))
        slack = 0.01 * float(np.nanmax(height) - np.nanmin(height))
        if gaps[nearest] <= 2 * step and candidate.value >= float(np.nanmax(height)) - slack:
            return nearest, float(candidate.value), exact
    return top, float(height[top]), path[top]


def draw_hike(ax: Any, result: Any, path: np.ndarray, lang: str) -> None:
    """The hiking view: height f along the path, its highest point marked."""
    distance, height = hike(result, path)
    ax.plot(distance, height, color="tab:brown", linewidth=2)
    ax.fill_between(distance, height, np.nanmin(height), color="tab:brown", alpha=0.15)
    top, value, where = _highest(result, path, height)
    ax.plot([distance[top]], [value], "^", color="tab:red", markersize=12,
            markeredgecolor="black",
            label=labels.text("label.highest", lang, value=labels.number(value),
                              point=labels.point(where)))
    ax.set_xlabel(labels.text("label.distance", lang))
    ax.set_ylabel(labels.signature(result.objective))
    ax.set_title(labels.text("hike_title", lang))
    ax.legend(loc="lower center", fontsize=8)
    ax.grid(alpha=0.3)


def lagrange_figure(result: Any, lang: str, window: Sequence[Interval] | None = None) -> Any:
    """The plane picture (left) and the hike along the constraint (right)."""
    if len(result.variables) != 2 or len(result.constraints) != 1:
        from nablab.errors import UnsupportedError

        raise UnsupportedError("plot_lagrange_shape", count=len(result.variables),
                               constraints=len(result.constraints))
    chosen = tuple(window) if window else lagrange_window(result)
    paths = constraint_paths(result, chosen)
    figure = new_figure(14.0, 6.4) if paths else new_figure(7.5, 6.4)
    draw_plane(figure.add_subplot(1, 2 if paths else 1, 1), result, chosen, lang)
    if paths:
        draw_hike(figure.add_subplot(1, 2, 2), result, paths[0], lang)
    figure.set_layout_engine("tight")
    return figure


def lagrange_picture(result: Any, window: Sequence[Interval] | None = None) -> Any:
    """``lagrange --plot``: the figure (an HTML page inlines it)."""
    from functools import partial

    from nablab.plot.picture import Picture

    return Picture(partial(lagrange_figure, result, window=window))


__all__ = ["constraint_paths", "draw_gradients", "draw_hike", "draw_plane", "hike",
           "lagrange_figure", "lagrange_picture", "lagrange_window", "optimum"]
