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


def level_lines(expression: Expression, level: float, window: tuple[Interval, ...],
                n: int = 300) -> list[np.ndarray]:
    """The curve ``expression = level`` inside the window, as polylines ``(m, 2)``.

    Longest first; sampled on an ``n × n`` grid and traced by contourpy (marching squares).
    """
    import contourpy

    grid = sample_surface(compile(expression).f, window[0], window[1], n)
    z = np.ma.masked_invalid(grid.z - float(level))
    lines = contourpy.contour_generator(grid.x, grid.y, z).lines(0.0)
    return sorted((np.asarray(line) for line in lines if len(line) > 1), key=len, reverse=True)


def constraint_paths(result: Any, window: tuple[Interval, ...], n: int = 300) -> list[np.ndarray]:
    """The curve g = k inside the window, as polylines ``(m, 2)`` (longest first)."""
    constraint = result.constraints[0]
    g = Expression.from_sympy(constraint.g, list(result.objective.variables))
    return level_lines(g, float(constraint.k_value), window, n)


def touching_level(result: Any, window: tuple[Interval, ...], n: int = 300) -> list[np.ndarray]:
    """The level curve f = f* through the optimum: the one that touches the constraint.

    Empty when there is no optimum (then there is no level curve to single out).
    """
    best = optimum(result)
    if best is None or not np.isfinite(float(best.value)):
        return []
    return level_lines(result.objective, float(best.value), window, n)


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


def label_offset(gradient: Sequence[float] | None, distance: float = 14.0) -> tuple[float, float]:
    """Where a candidate's label goes (offset in points): 45° off ∇f and off the tangent.

    ∇f and ∇g lie on one line through the optimum and the constraint runs across it, so the
    diagonals between them are clear of both arrows and of the curve.
    """
    v = np.asarray(gradient if gradient is not None else (0.0, 0.0), dtype=float)
    norm = float(np.hypot(*v)) if v.size == 2 else 0.0
    if norm == 0 or not np.isfinite(norm):
        return (distance * 0.7, -distance * 0.7)
    u = v / norm
    t = np.array([u[1], -u[0]])
    diagonal = (t - u) / np.sqrt(2.0)
    if diagonal[0] < 0:  # prefer the right-hand side, where the text runs
        diagonal = (-t - u) / np.sqrt(2.0)
    return (float(diagonal[0] * distance), float(diagonal[1] * distance))


def _draw_candidates(ax: Any, result: Any, lang: str) -> None:
    seen: set[str] = set()
    for candidate in result.candidates:
        kind = getattr(candidate, "extreme", None) or "other"
        marker, colour = CANDIDATE_STYLE.get(kind, ("s", "0.5"))
        p = _point(candidate, result.variables)
        ax.plot([p[0]], [p[1]], marker, color=colour, markersize=11, markeredgecolor="black",
                zorder=8, label=None if kind in seen else labels.text(f"candidate.{kind}", lang))
        seen.add(kind)
        dx, dy = label_offset(getattr(candidate, "gradient", None))
        ax.annotate(f"{labels.point(p)}\nf = {labels.number(candidate.value)}", tuple(p),
                    xytext=(dx, dy), textcoords="offset points", fontsize=8, zorder=9,
                    ha="left" if dx >= 0 else "right", va="bottom" if dy >= 0 else "top",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                          "alpha": 0.8})


def draw_touching_level(ax: Any, result: Any, window: tuple[Interval, ...], lang: str) -> None:
    """The level curve f = f* through the optimum, the notes' key picture (dashed)."""
    best = optimum(result)
    if best is None:
        return
    for index, line in enumerate(touching_level(result, window)):
        ax.plot(line[:, 0], line[:, 1], color="tab:purple", linewidth=2.0, linestyle="--",
                zorder=6, label=labels.text("label.touching", lang,
                                            value=labels.number(float(best.value)))
                if index == 0 else None)


def draw_plane(ax: Any, result: Any, window: tuple[Interval, ...], lang: str) -> None:
    """Level curves of f, the constraint curve, the candidates, ∇f and ∇g at the optimum."""
    surface = axes.surface_of(result.objective, window, 200)
    lines = axes.contour_lines(ax, surface, 16)
    ax.clabel(lines, inline=True, fontsize=7, fmt=labels.number)
    for index, path in enumerate(constraint_paths(result, window)):
        ax.plot(path[:, 0], path[:, 1], color="black", linewidth=2.4, zorder=5,
                label=labels.text("label.constraint", lang) if index == 0 else None)
    draw_touching_level(ax, result, window, lang)
    _draw_candidates(ax, result, lang)
    best = optimum(result)
    if best is not None and best.constraint_gradients:
        size = 0.15 * min(w[1] - w[0] for w in window)
        draw_gradients(ax, _point(best, result.variables), best.gradient,
                       best.constraint_gradients[0], size, lang)
    axes.set_window(ax, window)
    axes.label_axes(ax, result.objective)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    ax.set_title(labels.title("lagrange_title", lang, labels.formula(result.objective)))


def hike(result: Any, path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance walked along ``path`` and the height f there."""
    steps = np.hypot(*np.diff(path, axis=0).T)
    distance = np.concatenate([[0.0], np.cumsum(steps)])
    with np.errstate(all="ignore"):
        height = compile(result.objective).f(path[:, 0], path[:, 1])
    return distance, np.asarray(height, dtype=float)


def extremes_on_path(result: Any, path: np.ndarray) -> list[tuple[str, int, float, np.ndarray]]:
    """The highest and lowest points of the set that lie on this path, as the solver proved.

    Only extremes that exist are marked: an unbounded f has no highest point, however high
    the window's edge is. Each entry is ``(kind, index along the path, value, point)``.
    """
    if len(path) < 2:
        return []
    step = float(np.max(np.hypot(*np.diff(path, axis=0).T)))
    marks: list[tuple[str, int, float, np.ndarray]] = []
    for kind in ("maximum", "minimum"):
        extreme = getattr(result, kind, None)
        if extreme is None:
            continue
        for where in extreme.points:
            exact = np.array([float(where[n]) for n in result.variables])
            gaps = np.hypot(*(path - exact).T)
            nearest = int(np.argmin(gaps))
            if gaps[nearest] <= 2 * step:
                marks.append((kind, nearest, float(extreme.value), exact))
    return marks


#: How the hike marks each kind of extreme: marker, colour, catalogue key.
HIKE_MARKS = {"maximum": ("^", "tab:red", "label.highest"),
              "minimum": ("v", "tab:green", "label.lowest")}


def draw_hike(ax: Any, result: Any, path: np.ndarray, lang: str) -> None:
    """The hiking view: height f along the path, its highest and lowest points (if any)."""
    distance, height = hike(result, path)
    ax.plot(distance, height, color="tab:brown", linewidth=2)
    ax.fill_between(distance, height, np.nanmin(height), color="tab:brown", alpha=0.15)
    for kind, index, value, where in extremes_on_path(result, path):
        marker, colour, key = HIKE_MARKS[kind]
        ax.plot([distance[index]], [value], marker, color=colour, markersize=12,
                markeredgecolor="black", zorder=5,
                label=labels.text(key, lang, value=labels.number(value),
                                  point=labels.point(where)))
    ax.set_xlabel(labels.text("label.distance", lang))
    ax.set_ylabel(labels.signature(result.objective))
    ax.set_title(labels.text("hike_title", lang))
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3)


def lagrange_figure(result: Any, lang: str, window: Sequence[Interval] | None = None) -> Any:
    """The plane picture (left) and the hike along the constraint (right); one variable:
    f over the interval; two variables and several constraints or an inequality: the
    region."""
    from nablab.plot import feasible

    if len(result.variables) == 1:
        return feasible.interval_figure(result, lang, window)
    if len(result.variables) != 2:
        from nablab.errors import UnsupportedError

        raise UnsupportedError("plot_lagrange_shape", count=len(result.variables),
                               constraints=len(result.constraints))
    if feasible.is_region(result):
        return feasible.region_figure(result, lang, window)
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


__all__ = ["HIKE_MARKS", "constraint_paths", "draw_gradients", "draw_hike", "draw_plane",
           "draw_touching_level", "label_offset",
           "extremes_on_path", "hike", "lagrange_figure", "lagrange_picture", "lagrange_window",
           "level_lines", "optimum", "touching_level"]
